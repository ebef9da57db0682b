/*-------------------------------------------------------------------------
 *
 * fuzz_punch.c
 *	  libFuzzer target for the DB2 SYSPUNCH parser (punch.c): parse fuzzed
 *	  LOAD statements, then check the layout and resolve and decode every
 *	  field of every INTO TABLE block over fuzzer-chosen record bytes.
 *
 * fuzz-requires: src/core/db2/punch/punch.c
 *
 * fuzz-max-len: 8192
 *
 * Input: one option byte; when it has bit 0x40, the DDL of the tables up
 * to a NUL (zf_punch_opts.ddl); the punch text up to the next NUL; then
 * the record's bytes.  A plain punch file is a valid input (no record).
 *
 * Invariants: a failed parse sets the error, with a line for syntax
 * errors; the layout and the cursor over the record satisfy the checks of
 * fuzz_layout.h; every record definition has a table name and non-empty
 * WHEN conditions; zf_punch_pg_type, zf_punch_same_layout (reflexive and
 * symmetric) and zf_punch_ddl_table answer for every record and field.
 *
 *-------------------------------------------------------------------------
 */
#include "fuzz_layout.h"

#include "db2/punch/punch.h"

/* The checks of the punch's own queries. */
static void
check_punch_queries(const zf_layout *L, const zf_db2_script *ddl)
{
	for (int32_t r = 0; r < L->nrecords; r++)
	{
		const zf_recdef *rd = &L->records[r];

		FUZZ_CHECK(rd->table != NULL && rd->table[0] != '\0',
				   "record %d without a table name", r);
		for (int32_t w = 0; w < rd->nwhen; w++)
			FUZZ_CHECK(rd->when[w].length > 0 && rd->when[w].value != NULL,
					   "record %d: empty WHEN condition", r);
		FUZZ_CHECK(zf_punch_same_layout(L, r, r), "record %d differs from itself", r);
		if (r > 0)
			FUZZ_CHECK(zf_punch_same_layout(L, r, r - 1) ==
					   zf_punch_same_layout(L, r - 1, r),
					   "same_layout is not symmetric");
		if (ddl != NULL)
			(void) zf_punch_ddl_table(ddl, rd);
	}
	for (int32_t f = 0; f < L->nfields; f++)
	{
		char		type[256];

		memset(type, 0x7F, sizeof(type));
		zf_punch_pg_type(L, f, type, sizeof(type));
		FUZZ_CHECK(fuzz_strnlen(type, sizeof(type)) < sizeof(type) && type[0] != '\0',
				   "punch pg type of field %d empty or not terminated", f);
	}
}

/* Take text up to the next NUL (or the end). */
static char *
take_text(fuzz_input *in, size_t *len)
{
	const uint8_t *nul = memchr(in->p, '\0', in->n);
	size_t		n = nul ? (size_t) (nul - in->p) : in->n;
	char	   *text = (char *) fuzz_dup(in->p, n);

	in->p += nul ? n + 1 : n;
	in->n -= nul ? n + 1 : n;
	*len = n;
	return text;
}

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_input	in = {data, size};
	uint8_t		flags = fuzz_u8(&in);
	zf_charset	cs = (flags & 0x10) ? ZF_CHARSET_ASCII : ZF_CHARSET_EBCDIC;
	zf_db2_script *ddl = NULL;
	char	   *ddl_text = NULL;
	char	   *text;
	size_t		tlen;
	uint8_t    *record;
	zf_punch_opts opts;
	zf_layout  *L;
	zf_error	err;

	if (flags & 0x40)
	{
		size_t		dlen;

		ddl_text = take_text(&in, &dlen);
		zf_error_clear(&err);
		if (zf_db2ddl_parse(ddl_text, dlen, NULL, &ddl, &err) != ZF_OK)
			ddl = NULL;
	}
	text = take_text(&in, &tlen);
	record = fuzz_dup(in.p, in.n);

	zf_punch_opts_init(&opts);
	opts.ddl = ddl;
	/* modest limits keep each run fast; the parser must enforce them */
	opts.limits.max_fields = 2000;
	opts.limits.max_record_length = 1024 * 1024;
	if (flags & 0x20)
		zf_limits_default(&opts.limits);

	zf_error_clear(&err);
	L = zf_punch_parse(text, tlen, &opts, &err);
	if (L == NULL)
	{
		fuzz_check_error(err.status, &err, "punch_parse");
		FUZZ_CHECK(err.status != ZF_OK, "parse failed without an error");
		if (err.status == ZF_E_SYNTAX)
			FUZZ_CHECK(err.line >= 1 || strstr(err.message, "no ") != NULL,
					   "syntax error without a line: %s", err.message);
	}
	else
	{
		fl_check_layout(L, &opts.limits);
		check_punch_queries(L, ddl);
		if (L->nfields <= 2000)
			for (int32_t r = 0; r < L->nrecords; r++)
				fl_resolve_record(L, r, record, (uint32_t) in.n, cs);
		zf_layout_free(L);
	}
	if (ddl)
		zf_db2ddl_free(ddl);
	free(ddl_text);
	free(record);
	free(text);
	return 0;
}
