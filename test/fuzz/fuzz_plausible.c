/*-------------------------------------------------------------------------
 *
 * fuzz_plausible.c
 *	  libFuzzer target for diag/plausible.c and diag/textscore.c: the
 *	  plausibility checks over fuzzed file starts with fuzzed options
 *	  (record format, lengths, code page, text fields, accepted checks),
 *	  and the code page ranking of the same bytes.
 *
 * fuzz-max-len: 8192
 *
 * Input: eight option bytes, then the sample.
 *
 * Invariants: at most ZF_PLAUSIBLE_MAX findings, errors before warnings,
 * each with a known check name that was not accepted, a terminated, valid
 * UTF-8 message, detail and hint, and a lower-case message; the ranking
 * has every national page once, best first, and counts that add up.
 *
 *-------------------------------------------------------------------------
 */
#include "fuzz_common.h"

#include "diag/plausible.h"
#include "diag/textscore.h"

static const char *const pages[] = {
	"cp037", "cp273", "cp1047", "latin1", "utf8", "cp930", "cp500", "cp1141"
};
static const char *const accepts[] = {
	NULL, "", "codepage", "lrecl_multiple,rdw_as_fb", "fixed_as_vb ascii_transfer",
	"ebcdic_as_ascii,layout_short", ",,,", "codepage,codepage"
};

static void
check_text(const char *s, size_t cap, const char *what)
{
	size_t		n = fuzz_strnlen(s, cap);

	FUZZ_CHECK(n < cap, "%s not terminated", what);
	FUZZ_CHECK(fuzz_valid_utf8((const uint8_t *) s, n), "%s is not UTF-8: %s", what, s);
}

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static zf_plausible_finding out[ZF_PLAUSIBLE_MAX];
	static zf_text_score ranked[ZF_TEXTSCORE_PAGES];
	fuzz_input	in = {data, size};
	uint8_t		flags = fuzz_u8(&in);
	uint8_t		page = fuzz_u8(&in);
	uint16_t	lrecl = fuzz_u16(&in);
	uint16_t	layout = fuzz_u16(&in);
	uint8_t		span = fuzz_u8(&in);
	uint8_t		acc = fuzz_u8(&in);
	uint8_t    *sample = fuzz_dup(in.p, in.n);
	zf_plausible_input pi;
	zf_span		spans[2];
	zf_error	err;
	zf_status	st;
	int			n = -1,
				nranked = -1;
	const char *accepted = accepts[acc % 8];

	memset(&pi, 0, sizeof(pi));
	pi.sample = sample;
	pi.n = in.n;
	pi.file_size = (flags & 1) ? -1 : (int64_t) in.n + ((flags & 2) ? 4096 : 0);
	pi.header_bytes = (flags >> 5) & 3;
	pi.recfm = (zf_recfm) ((flags >> 2) % 5);
	pi.record_format = (flags & 0x80) == 0;
	pi.lrecl = lrecl;
	pi.lrecl_given = (flags & 2) != 0;
	pi.layout_length = layout;
	pi.layout_fixed = (span & 0x80) == 0;
	pi.cp = zf_codepage_lookup(pages[page % 8], NULL);
	spans[0].offset = span & 0x1F;
	spans[0].length = (span >> 2) & 0x1F;
	spans[1].offset = span;
	spans[1].length = 3;
	pi.text = spans;
	pi.ntext = (span >> 5) & 3;
	if (pi.ntext > 2)
		pi.ntext = 2;
	if (pi.cp == NULL)
	{
		free(sample);
		return 0;
	}
	zf_error_clear(&err);
	st = zf_plausible_check(&pi, accepted, out, &n, &err);
	fuzz_check_error(st, &err, "plausible_check");
	if (st == ZF_OK)
	{
		FUZZ_CHECK(n >= 0 && n <= ZF_PLAUSIBLE_MAX, "%d findings", n);
		for (int i = 0; i < n; i++)
		{
			FUZZ_CHECK(out[i].check != NULL && zf_plausible_known_check(out[i].check),
					   "unknown check");
			FUZZ_CHECK(accepted == NULL || strstr(accepted, out[i].check) == NULL,
					   "accepted check %s reported", out[i].check);
			FUZZ_CHECK(i == 0 || out[i].error <= out[i - 1].error, "warning before error");
			check_text(out[i].message, sizeof(out[i].message), "message");
			check_text(out[i].detail, sizeof(out[i].detail), "detail");
			check_text(out[i].hint, sizeof(out[i].hint), "hint");
			FUZZ_CHECK(!fuzz_capitalised(out[i].message), "capitalised: %s", out[i].message);
		}
	}
	else
		FUZZ_CHECK(st == ZF_E_NOMEM, "plausible_check failed with %s", zf_status_name(st));

	zf_error_clear(&err);
	st = zf_text_rank_pages(sample, in.n, ranked, &nranked, &err);
	FUZZ_CHECK(st == ZF_OK && nranked == ZF_TEXTSCORE_PAGES, "rank failed");
	for (int i = 0; i < nranked; i++)
	{
		char		buf[4 * ZF_TEXTSCORE_SAMPLE];
		const zf_codepage *cp = zf_codepage_lookup(ranked[i].page, NULL);

		FUZZ_CHECK(i == 0 || ranked[i].score <= ranked[i - 1].score, "not sorted");
		FUZZ_CHECK(ranked[i].letters + ranked[i].odd == ranked[i].in_word, "counts");
		FUZZ_CHECK(cp != NULL, "unknown page %s", ranked[i].page);
		zf_text_sample(cp, sample, in.n, ranked[i].odd_offset, buf, sizeof(buf));
		check_text(buf, sizeof(buf), "sample");
	}
	free(sample);
	return 0;
}
