/*-------------------------------------------------------------------------
 *
 * punch_functions.c
 *	  zfdw.punch_layout(): the layout a DB2 SYSPUNCH describes, as rows,
 *	  so that a user sees offsets, lengths, types and null indicators
 *	  before creating a table, and can compare them with the punch.
 *
 *-------------------------------------------------------------------------
 */
#include "zfdw.h"

#include "funcapi.h"
#include "utils/builtins.h"

#include "db2/punch/punch.h"

PG_FUNCTION_INFO_V1(zfdw_punch_layout);

/*
 * punch_layout(punch text, ddl text DEFAULT NULL): the rows of
 * copybook_layout plus the offset of each field's null indicator, for
 * every INTO TABLE block (the record column names the table, as
 * CREATOR.NAME); with the tables' DDL, DECIMAL precision and scale.
 */
Datum
zfdw_punch_layout(PG_FUNCTION_ARGS)
{
	char	   *source;
	zf_punch_opts opts;
	zf_layout  *volatile L;
	zf_error	err;

	if (PG_ARGISNULL(0))
		PG_RETURN_NULL();
	source = text_to_cstring(PG_GETARG_TEXT_PP(0));
	zf_punch_opts_init(&opts);
	zfdw_layout_limits(&opts.limits);
	if (!PG_ARGISNULL(1))
		opts.ddl = zfdw_load_ddl(InvalidOid, NULL, text_to_cstring(PG_GETARG_TEXT_PP(1)));
	zf_error_clear(&err);
	L = zf_punch_parse(source, strlen(source), &opts, &err);
	if (L == NULL)
		zfdw_report(ERROR, &err, "the punch");
	PG_TRY();
	{
		zfdw_layout_rows(fcinfo, L, -1);
	}
	PG_FINALLY();
	{
		zf_layout_free(L);
	}
	PG_END_TRY();
	return (Datum) 0;
}
