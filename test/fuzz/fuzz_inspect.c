/*-------------------------------------------------------------------------
 *
 * fuzz_inspect.c
 *	  libFuzzer target for inspect.c: zf_inspect_sample over fuzzed file
 *	  starts, with a fuzzed file size (the sample being the whole file, a
 *	  prefix of it, or of unknown size), claimed code page and layout
 *	  length.
 *
 * fuzz-max-len: 8192
 *
 * Input: four option bytes, then the sample.
 *
 * Invariants: the result stays inside its fixed arrays, every string is
 * terminated, valid UTF-8 and (findings) lower-case; the suggestion is one
 * the fdw accepts (a known recfm, a positive lrecl for fb, a code page
 * zf_codepage_lookup knows); chains and fixed lengths are consistent with
 * the sample and the file size.
 *
 *-------------------------------------------------------------------------
 */
#include "fuzz_common.h"

#include "text/codepage.h"
#include "records/inspect.h"

static const char *const claims[] = {
	NULL, "", "cp037", "cp1047", "cp500", "cp273", "cp930", "ascii", "latin1",
	"utf8", "cp1140", "nonsense", "37", "ibm-1047", "cp1390", "cp037"
};

/* A terminated, valid UTF-8 string in a fixed array. */
static void
check_text(const char *s, size_t cap, const char *what)
{
	size_t		n = fuzz_strnlen(s, cap);

	FUZZ_CHECK(n < cap, "%s not terminated", what);
	FUZZ_CHECK(fuzz_valid_utf8((const uint8_t *) s, n), "%s is not UTF-8: %s", what, s);
}

static void
check_chain(const zf_inspect_chain *c, size_t n, int64_t file_size,
			const char *what)
{
	uint64_t	size = file_size >= 0 ? (uint64_t) file_size : n;

	FUZZ_CHECK(c->records == 0 || c->min_length <= c->max_length,
			   "%s: min length %u above max %u", what, c->min_length, c->max_length);
	FUZZ_CHECK(c->bytes <= size, "%s: covers %llu bytes of %llu", what,
			   (unsigned long long) c->bytes, (unsigned long long) size);
	FUZZ_CHECK(c->break_offset >= -1 && (c->break_offset < 0 ||
										 (uint64_t) c->break_offset <= size),
			   "%s: break offset %lld", what, (long long) c->break_offset);
	FUZZ_CHECK(!c->reaches_end || c->bytes == size,
			   "%s: reaches the end but covers %llu of %llu bytes", what,
			   (unsigned long long) c->bytes, (unsigned long long) size);
	FUZZ_CHECK(c->records <= size, "%s: %llu records in %llu bytes", what,
			   (unsigned long long) c->records, (unsigned long long) size);
}

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static zf_inspect_result res;
	fuzz_input	in = {data, size};
	uint8_t		sizing = fuzz_u8(&in);
	uint8_t		claim = fuzz_u8(&in);
	uint16_t	layout = fuzz_u16(&in);
	uint8_t    *sample = fuzz_dup(in.p, in.n);
	int64_t		file_size;
	zf_error	err;
	zf_status	st;

	switch (sizing % 4)
	{
		case 0:
		case 1:
			file_size = (int64_t) in.n;	/* the whole file */
			break;
		case 2:
			file_size = -1;				/* a pipe */
			break;
		default:
			/* a prefix of a larger file, or (rarely) a bad size */
			file_size = (int64_t) in.n + (sizing >> 2) * 997 - (sizing == 3 ? 1 : 0);
			break;
	}
	memset(&res, 0xA5, sizeof(res));
	zf_error_clear(&err);
	st = zf_inspect_sample(sample, in.n, file_size, claims[claim % 16], layout,
						   &res, &err);
	fuzz_check_error(st, &err, "inspect_sample");
	if (st != ZF_OK)
	{
		FUZZ_CHECK(st == ZF_E_ARG || st == ZF_E_CODEPAGE, "inspect failed with %s",
				   zf_status_name(st));
		free(sample);
		return 0;
	}

	FUZZ_CHECK(res.file_size == file_size && res.sample_len == in.n,
			   "size and sample length not kept");
	FUZZ_CHECK(res.n_findings >= 0 && res.n_findings <= ZF_INSPECT_MAX_FINDINGS,
			   "%d findings", res.n_findings);
	FUZZ_CHECK(res.n_options >= 0 && res.n_options <= ZF_INSPECT_MAX_OPTIONS,
			   "%d options", res.n_options);
	FUZZ_CHECK(res.n_fixed >= 0 && res.n_fixed <= ZF_INSPECT_MAX_FIXED,
			   "%d fixed lengths", res.n_fixed);
	FUZZ_CHECK(res.charset != NULL, "no charset");
	for (int i = 0; i < res.n_findings; i++)
	{
		check_text(res.findings[i].topic, sizeof(res.findings[i].topic), "topic");
		check_text(res.findings[i].text, sizeof(res.findings[i].text), "finding");
		FUZZ_CHECK(res.findings[i].topic[0] != '\0' && res.findings[i].text[0] != '\0',
				   "empty finding");
		FUZZ_CHECK(!fuzz_capitalised(res.findings[i].text),
				   "finding is capitalised: %s", res.findings[i].text);
	}
	for (int i = 0; i < res.n_options; i++)
	{
		check_text(res.options[i].name, sizeof(res.options[i].name), "option name");
		check_text(res.options[i].value, sizeof(res.options[i].value), "option value");
	}
	check_text(res.recfm, sizeof(res.recfm), "recfm");
	check_text(res.codepage, sizeof(res.codepage), "codepage");
	if (res.recfm[0])
	{
		static const char *const ok[] = {"fb", "vb", "vb_bdw", "vbs", "vbs_bdw", "text"};
		bool		known = false;

		for (size_t i = 0; i < sizeof(ok) / sizeof(ok[0]); i++)
			known |= strcmp(res.recfm, ok[i]) == 0;
		FUZZ_CHECK(known, "suggested recfm \"%s\"", res.recfm);
		FUZZ_CHECK(strcmp(res.recfm, "fb") != 0 || res.lrecl > 0,
				   "fb suggested without an lrecl");
		if (strcmp(res.recfm, "fb") == 0 && file_size > 0)
			FUZZ_CHECK((uint64_t) file_size % res.lrecl == 0,
					   "fb lrecl %u does not divide the size %lld", res.lrecl,
					   (long long) file_size);
	}
	if (res.codepage[0])
		FUZZ_CHECK(zf_codepage_lookup(res.codepage, NULL) != NULL,
				   "suggested code page \"%s\" is unknown", res.codepage);
	for (int i = 0; i < res.n_fixed; i++)
		FUZZ_CHECK(res.fixed[i].lrecl > 0 && file_size > 0 &&
				   (uint64_t) file_size % res.fixed[i].lrecl == 0 &&
				   res.fixed[i].records == (uint64_t) file_size / res.fixed[i].lrecl,
				   "fixed length %u with %llu records in %lld bytes",
				   res.fixed[i].lrecl, (unsigned long long) res.fixed[i].records,
				   (long long) file_size);
	FUZZ_CHECK(res.ebcdic_ratio >= 0 && res.ebcdic_ratio <= 1 &&
			   res.ascii_ratio >= 0 && res.ascii_ratio <= 1 &&
			   res.printable_ratio >= 0 && res.printable_ratio <= 1,
			   "ratios out of 0..1");
	FUZZ_CHECK(res.lf + res.crlf + res.cr <= in.n && res.nl15 + res.lf25 <= in.n,
			   "more line ends than bytes");
	check_chain(&res.rdw_be, in.n, file_size, "rdw_be");
	check_chain(&res.rdw_le, in.n, file_size, "rdw_le");
	check_chain(&res.rdw_be_excl, in.n, file_size, "rdw_be_excl");
	check_chain(&res.rdw_le_excl, in.n, file_size, "rdw_le_excl");
	check_chain(&res.bdw_be, in.n, file_size, "bdw_be");
	check_chain(&res.bdw_le_excl, in.n, file_size, "bdw_le_excl");
	free(sample);
	return 0;
}
