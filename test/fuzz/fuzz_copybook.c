/*-------------------------------------------------------------------------
 *
 * fuzz_copybook.c
 *	  libFuzzer target for the copybook parser (copybook.c, cbl_lexer.c,
 *	  cbl_entries.c, picture.c) and the layout behind it (layout*.c): parse
 *	  fuzzed copybook text, query the layout, then resolve and decode every
 *	  field of every record definition over fuzzer-chosen record bytes.
 *
 * fuzz-max-len: 8192
 *
 * Input: one option byte (format, PIC N, larger REDEFINES, charset,
 * limits, and in its top two bits the dialect, which changes binary
 * sizes and SYNCHRONIZED placement), the copybook text up to the first
 * NUL, then the record's bytes.  A plain copybook file is a valid input (no record).
 *
 * Invariants: a failed parse sets the error, with a line for syntax
 * errors; the layout and the cursor over the record satisfy the checks
 * of fuzz_layout.h.
 *
 *-------------------------------------------------------------------------
 */
#include "fuzz_layout.h"

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_input	in = {data, size};
	uint8_t		flags = fuzz_u8(&in);
	const uint8_t *nul = memchr(in.p, '\0', in.n);
	size_t		tlen = nul ? (size_t) (nul - in.p) : in.n;
	char	   *text = (char *) fuzz_dup(in.p, tlen);
	uint8_t    *record;
	uint32_t	rlen = nul ? (uint32_t) (in.n - tlen - 1) : 0;
	zf_copybook_opts opts;
	zf_layout  *L;
	zf_error	err;
	zf_charset	cs = (flags & 0x10) ? ZF_CHARSET_ASCII : ZF_CHARSET_EBCDIC;

	record = fuzz_dup(nul ? nul + 1 : in.p + in.n, rlen);

	zf_copybook_opts_init(&opts);
	opts.format = (zf_source_format) (flags % 3);
	opts.pic_n_dbcs = flags & 0x04;
	opts.allow_larger_redefines = flags & 0x08;
	opts.dialect = (flags >> 6) % 3;	/* ibm, gnucobol, microfocus */
	/* modest limits keep each run fast; the parser must enforce them */
	opts.limits.max_fields = 2000;
	opts.limits.max_depth = 100;
	opts.limits.max_occurs = 100000;
	opts.limits.max_record_length = 1024 * 1024;
	if (flags & 0x20)
		zf_limits_default(&opts.limits);

	zf_error_clear(&err);
	L = zf_copybook_parse(text, tlen, &opts, &err);
	if (L == NULL)
	{
		fuzz_check_error(err.status, &err, "copybook_parse");
		FUZZ_CHECK(err.status != ZF_OK, "parse failed without an error");
		/* syntax errors name their line, except for a copybook without entries */
		if (err.status == ZF_E_SYNTAX &&
			strcmp(err.message, "copybook has no data description entries") != 0)
			FUZZ_CHECK(err.line >= 1, "syntax error without a line: %s", err.message);
	}
	else
	{
		fl_check_layout(L, &opts.limits);
		if (L->nfields <= 2000)
			for (int32_t r = 0; r < L->nrecords; r++)
				fl_resolve_record(L, r, record, rlen, cs);
		zf_layout_free(L);
	}
	free(record);
	free(text);
	return 0;
}
