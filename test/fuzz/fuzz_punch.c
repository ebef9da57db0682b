/*-------------------------------------------------------------------------
 *
 * fuzz_punch.c
 *	  libFuzzer target for the DB2 SYSPUNCH parser (punch.c): parse fuzzed
 *	  LOAD statements, then check the layout and resolve and decode every
 *	  field of every INTO TABLE block over fuzzer-chosen record bytes.
 *
 * fuzz-requires: src/core/punch.c
 *
 * fuzz-max-len: 8192
 *
 * Input: one option byte, the punch text up to the first NUL, then the
 * record's bytes.  A plain punch file is a valid input (no record).
 *
 * Invariants: a failed parse sets the error, with a line for syntax
 * errors; the layout and the cursor over the record satisfy the checks of
 * fuzz_layout.h; every record definition has a table name, and WHEN
 * conditions lie inside the record's bytes they compare.
 *
 *-------------------------------------------------------------------------
 */
#include "fuzz_layout.h"

#include "punch.h"

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_input	in = {data, size};
	uint8_t		flags = fuzz_u8(&in);
	const uint8_t *nul = memchr(in.p, '\0', in.n);
	size_t		tlen = nul ? (size_t) (nul - in.p) : in.n;
	char	   *text = (char *) fuzz_dup(in.p, tlen);
	uint32_t	rlen = nul ? (uint32_t) (in.n - tlen - 1) : 0;
	uint8_t    *record = fuzz_dup(nul ? nul + 1 : in.p + in.n, rlen);
	zf_charset	cs = (flags & 0x10) ? ZF_CHARSET_ASCII : ZF_CHARSET_EBCDIC;
	zf_punch_opts opts;
	zf_layout  *L;
	zf_error	err;

	zf_punch_opts_init(&opts);
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
		for (int32_t r = 0; r < L->nrecords; r++)
		{
			const zf_recdef *rd = &L->records[r];

			FUZZ_CHECK(rd->table != NULL && rd->table[0] != '\0',
					   "record %d without a table name", r);
			for (int32_t w = 0; w < rd->nwhen; w++)
				FUZZ_CHECK(rd->when[w].length > 0 && rd->when[w].value != NULL,
						   "record %d: empty WHEN condition", r);
		}
		if (L->nfields <= 2000)
			for (int32_t r = 0; r < L->nrecords; r++)
				fl_resolve_record(L, r, record, rlen, cs);
		zf_layout_free(L);
	}
	free(record);
	free(text);
	return 0;
}
