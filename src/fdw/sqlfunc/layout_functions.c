/*-------------------------------------------------------------------------
 *
 * layout_functions.c
 *	  zfdw.copybook_layout(): the resolved layout of a copybook as rows,
 *	  so that a user sees offsets, lengths and types before creating a
 *	  table, and can compare them with the compiler listing.
 *
 *-------------------------------------------------------------------------
 */
#include "zfdw.h"

#include "funcapi.h"
#include "utils/builtins.h"
#include "utils/tuplestore.h"

#include "cobol/copybook.h"
#include "db2/punch/punch.h"

PG_FUNCTION_INFO_V1(zfdw_copybook_layout);

/*
 * Emit one row per field of record definition rec (or of every record
 * when rec < 0) into the tuplestore of a set-returning function.  Columns:
 * record, path, level, name, offset, length, usage, picture, digits,
 * scale, signed, occurs, occurs_min, depending_on, redefines, pg_type,
 * and when the result has a 17th column (punch_layout), the 0-based
 * offset of the field's null indicator byte.
 */
void
zfdw_layout_rows(FunctionCallInfo fcinfo, const zf_layout *L, int32 rec)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;

	InitMaterializedSRF(fcinfo, 0);
	for (int32 r = 0; r < L->nrecords; r++)
	{
		const zf_recdef *rd = &L->records[r];
		int32		last;

		if (rec >= 0 && r != rec)
			continue;
		/* the fields of a record are contiguous from its root */
		last = r + 1 < L->nrecords ? L->records[r + 1].root : L->nfields;
		for (int32 fi = rd->root; fi < last; fi++)
		{
			const zf_field *f = &L->fields[fi];
			Datum		values[17];
			bool		nulls[17];
			char		path[1024];
			char		type[128];

			memset(nulls, 0, sizeof(nulls));
			zf_field_path(L, fi, path, sizeof(path));
			if (L->source == ZF_SOURCE_PUNCH)
				zf_punch_pg_type(L, fi, type, sizeof(type));
			else
				zf_field_pg_type(L, fi, type, sizeof(type));
			values[0] = CStringGetTextDatum(rd->name ? rd->name : "");
			values[1] = CStringGetTextDatum(path);
			values[2] = Int32GetDatum(f->level);
			values[3] = CStringGetTextDatum(f->name[0] ? f->name : "FILLER");
			values[4] = Int32GetDatum((int32) f->offset);
			values[5] = Int32GetDatum((int32) f->length);
			values[6] = CStringGetTextDatum(f->kind == ZF_KIND_GROUP ? "group" : (f->usage ? f->usage : ""));
			if (f->picture)
				values[7] = CStringGetTextDatum(f->picture);
			else
				nulls[7] = true;
			if (zf_kind_is_numeric(f->kind))
			{
				values[8] = Int32GetDatum(f->digits);
				values[9] = Int32GetDatum(f->scale);
				values[10] = BoolGetDatum(f->is_signed);
			}
			else
				nulls[8] = nulls[9] = nulls[10] = true;
			if (f->occurs_max > 0)
			{
				values[11] = Int32GetDatum((int32) f->occurs_max);
				values[12] = Int32GetDatum((int32) f->occurs_min);
			}
			else
				nulls[11] = nulls[12] = true;
			if (f->depending_on >= 0)
				values[13] = CStringGetTextDatum(L->fields[f->depending_on].name);
			else
				nulls[13] = true;
			if (f->redefines >= 0)
				values[14] = CStringGetTextDatum(L->fields[f->redefines].name);
			else
				nulls[14] = true;
			values[15] = CStringGetTextDatum(type);
			if (f->has_null_ind)
				values[16] = Int32GetDatum((int32) f->offset + f->null_ind_rel);
			else
				nulls[16] = true;
			tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
		}
	}
}

/*
 * copybook_layout(copybook text, record text DEFAULT NULL,
 *				   allow_larger_redefines boolean DEFAULT false)
 */
Datum
zfdw_copybook_layout(PG_FUNCTION_ARGS)
{
	char	   *source;
	zf_copybook_opts opts;
	zf_layout  *volatile L;
	zf_error	err;
	volatile int32 rec = -1;

	if (PG_ARGISNULL(0))
		PG_RETURN_NULL();
	source = text_to_cstring(PG_GETARG_TEXT_PP(0));
	zf_copybook_opts_init(&opts);
	opts.allow_larger_redefines = PG_NARGS() > 2 && !PG_ARGISNULL(2) && PG_GETARG_BOOL(2);
	zfdw_layout_limits(&opts.limits);
	zf_error_clear(&err);
	L = zf_copybook_parse(source, strlen(source), &opts, &err);
	if (L == NULL)
		zfdw_report(ERROR, &err, "the copybook");
	PG_TRY();
	{
		if (!PG_ARGISNULL(1))
		{
			char	   *name = text_to_cstring(PG_GETARG_TEXT_PP(1));

			rec = zf_layout_record(L, name);
			if (rec < 0)
				ereport(ERROR,
						(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
						 errmsg("copybook has no record \"%s\"", name)));
		}
		zfdw_layout_rows(fcinfo, L, rec);
	}
	PG_FINALLY();
	{
		zf_layout_free(L);
	}
	PG_END_TRY();
	return (Datum) 0;
}
