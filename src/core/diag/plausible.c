/*-------------------------------------------------------------------------
 *
 * plausible.c
 *	  Compare a table's description with the first bytes of its file and
 *	  name the likely mistake (see plausible.h for the list of checks).
 *
 * The record-format and transfer checks reuse the file inspector
 * (records/inspect.h); the code page check reuses the text score
 * (diag/textscore.h) on the text fields of the first records.
 *
 *-------------------------------------------------------------------------
 */
#include "diag/plausible.h"
#include "diag/textscore.h"
#include "records/inspect.h"

#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const check_names[] = {
	"lrecl_multiple", "layout_short", "rdw_as_fb", "fixed_as_vb",
	"ascii_transfer", "ebcdic_as_ascii", "codepage", NULL
};

bool
zf_plausible_known_check(const char *name)
{
	for (int i = 0; check_names[i]; i++)
		if (strcmp(name, check_names[i]) == 0)
			return true;
	return false;
}

/* Does the comma-separated list hold name (blanks around names ignored)? */
static bool
accepted_has(const char *list, const char *name)
{
	size_t		len = strlen(name);
	const char *p = list;

	if (list == NULL)
		return false;
	while (*p)
	{
		const char *end;

		while (*p == ' ' || *p == ',')
			p++;
		end = p;
		while (*end && *end != ',' && *end != ' ')
			end++;
		if ((size_t) (end - p) == len && strncmp(p, name, len) == 0)
			return true;
		p = end;
	}
	return false;
}

/* Add a finding; returns it for the caller to fill detail and hint. */
static zf_plausible_finding *
add(zf_plausible_finding *out, int *nout, const char *check, bool error,
	const char *fmt,...) __attribute__((format(printf, 5, 6)));
static zf_plausible_finding *
add(zf_plausible_finding *out, int *nout, const char *check, bool error,
	const char *fmt,...)
{
	zf_plausible_finding *f;
	va_list		ap;

	if (*nout >= ZF_PLAUSIBLE_MAX)
		return NULL;
	f = &out[(*nout)++];
	memset(f, 0, sizeof(*f));
	f->check = check;
	f->error = error;
	va_start(ap, fmt);
	vsnprintf(f->message, sizeof(f->message), fmt, ap);
	va_end(ap);
	return f;
}

/* The record length checks: lrecl against the layout's length. */
static void
check_lengths(const zf_plausible_input *in, const char *acc,
			  zf_plausible_finding *out, int *nout)
{
	zf_plausible_finding *f;
	uint32_t	L = in->layout_length;

	if (!in->record_format || in->recfm != ZF_RECFM_FB || !in->lrecl_given ||
		!in->layout_fixed || L == 0 || in->lrecl <= L)
		return;
	if (in->lrecl % L == 0)
	{
		if (accepted_has(acc, "lrecl_multiple"))
			return;
		f = add(out, nout, "lrecl_multiple", true,
				"record length %" PRIu32 " is %" PRIu32 " times the layout's record length %" PRIu32,
				in->lrecl, in->lrecl / L, L);
		if (f == NULL)
			return;
		snprintf(f->detail, sizeof(f->detail),
				 "Each row would read the first %" PRIu32 " bytes of a %" PRIu32
				 "-byte record: of every %" PRIu32 " records of the layout, all but the first would be lost.",
				 L, in->lrecl, in->lrecl / L);
		snprintf(f->hint, sizeof(f->hint),
				 "Leave out lrecl (the layout's length is used) or set lrecl '%" PRIu32
				 "'. If every record really holds one layout and filler, add accept 'lrecl_multiple' to the table's options.",
				 L);
	}
	else if ((uint64_t) L * 2 <= in->lrecl)
	{
		if (accepted_has(acc, "layout_short"))
			return;
		f = add(out, nout, "layout_short", false,
				"the layout describes only %" PRIu32 " of the %" PRIu32 " bytes of each record",
				L, in->lrecl);
		if (f == NULL)
			return;
		snprintf(f->detail, sizeof(f->detail),
				 "The bytes after %" PRIu32 " are never read.", L);
		snprintf(f->hint, sizeof(f->hint),
				 "Check lrecl and that the copybook describes the whole record (option record picks the 01 level); "
				 "add accept 'layout_short' to the table's options if only the start matters.");
	}
}

/* A hex rendering of the first four bytes at p (n of them available). */
static void
four_hex(const uint8_t *p, size_t n, char *buf, size_t len)
{
	zf_hex(buf, len, p, n < 4 ? n : 4, 4);
}

/* Did a descriptor chain break at its very first descriptor? */
static bool
broken_at_start(const zf_inspect_chain *c)
{
	return !c->valid && c->break_offset == 0;
}

/* Record format and transfer checks, through the file inspector. */
static void
check_framing(const zf_plausible_input *in, const char *acc,
			  zf_plausible_finding *out, int *nout, zf_inspect_result *res)
{
	zf_plausible_finding *f;
	char		hex[32];
	bool		ebcdic = zf_codepage_is_ebcdic(in->cp);
	const char *cs = res->charset ? res->charset : "";
	bool		textlike = strcmp(cs, "ascii") == 0 || strcmp(cs, "utf8") == 0 ||
		strcmp(cs, "latin1") == 0;

	if (!in->record_format)
		return;
	four_hex(in->sample, in->n, hex, sizeof(hex));
	if (in->recfm == ZF_RECFM_FB && !accepted_has(acc, "rdw_as_fb"))
	{
		const zf_inspect_chain *c = NULL;
		const char *what = "vb";

		if (res->bdw_be.valid && res->bdw_be.records_valid && res->bdw_be.blocks >= 1 &&
			res->bdw_be.records >= 2)
		{
			c = &res->bdw_be;
			what = "vb_bdw";
		}
		else if (res->rdw_be.valid && res->rdw_be.records >= 2)
			c = &res->rdw_be;
		if (c != NULL && (c->reaches_end || c->records >= 8))
		{
			f = add(out, nout, "rdw_as_fb", true,
					"the file starts with %s, but recfm is fb",
					c == &res->bdw_be ? "block and record descriptor words" : "record descriptor words (RDW)");
			if (f)
			{
				snprintf(f->detail, sizeof(f->detail),
						 "The first bytes X'%s' read as a descriptor, and %" PRIu64
						 " records of %" PRIu32 " to %" PRIu32 " bytes chain from there%s.",
						 hex, c->records, c->min_length, c->max_length,
						 c->reaches_end ? " to the end of the file" : " through the bytes examined");
				snprintf(f->hint, sizeof(f->hint),
						 "Set recfm '%s'; zfdw.inspect_file() shows the chain. "
						 "If the file really is fixed-length, add accept 'rdw_as_fb' to the table's options.",
						 what);
			}
		}
	}
	if ((in->recfm == ZF_RECFM_VB || in->recfm == ZF_RECFM_VB_BDW || in->recfm == ZF_RECFM_VBS) &&
		!accepted_has(acc, "fixed_as_vb") && in->layout_fixed && in->layout_length > 0 &&
		in->file_size > 0 && (uint64_t) (in->file_size - (int64_t) in->header_bytes) % in->layout_length == 0 &&
		broken_at_start(&res->rdw_be) && !res->rdw_le.valid &&
		!res->rdw_be_excl.valid && !res->rdw_le_excl.valid &&
		!res->bdw_be.valid && !res->bdw_le_excl.valid)
	{
		uint64_t	nrec = (uint64_t) (in->file_size - (int64_t) in->header_bytes) / in->layout_length;

		f = add(out, nout, "fixed_as_vb", true,
				"the file has no record descriptor words, but recfm is %s",
				in->recfm == ZF_RECFM_VB ? "vb" : in->recfm == ZF_RECFM_VB_BDW ? "vb_bdw" : "vbs");
		if (f)
		{
			snprintf(f->detail, sizeof(f->detail),
					 "The first bytes X'%s' are not a descriptor in any byte order; the file's %" PRId64
					 " bytes are %" PRIu64 " records of the layout's %" PRIu32 " bytes.",
					 hex, in->file_size, nrec, in->layout_length);
			snprintf(f->hint, sizeof(f->hint),
					 "Set recfm 'fb' for fixed-length records; zfdw.inspect_file() shows the lengths that fit. "
					 "Add accept 'fixed_as_vb' to the table's options to read it as %s anyway.",
					 in->recfm == ZF_RECFM_VB ? "vb" : in->recfm == ZF_RECFM_VB_BDW ? "vb_bdw" : "vbs");
		}
	}
	if (ebcdic && !accepted_has(acc, "ascii_transfer"))
	{
		const char *why = NULL;

		for (int i = 0; i < res->n_findings && why == NULL; i++)
			if (strcmp(res->findings[i].topic, "ftp") == 0)
				why = res->findings[i].text;
		/* CR LF pairs alone may be packed bytes; only regular ones count */
		if (why != NULL && !textlike && strstr(why, " occur every ") == NULL)
			why = NULL;
		if (why != NULL)
		{
			f = add(out, nout, "ascii_transfer", true,
					"the file looks like it went through an ascii-mode transfer, but code page %s is ebcdic",
					zf_codepage_name(in->cp));
			if (f)
			{
				snprintf(f->detail, sizeof(f->detail), "zfdw.inspect_file: %s.", why);
				snprintf(f->hint, sizeof(f->hint),
						 "Transfer the file again in binary mode (FTP 'binary', and 'quote site rdw' for variable-length records); "
						 "if it really is ASCII text, set codepage 'latin1'. accept 'ascii_transfer' reads it as it is.");
			}
		}
	}
	if (!ebcdic && strncmp(cs, "ebcdic", 6) == 0 && in->n >= 64 &&
		res->ebcdic_ratio >= 0.4 && res->ebcdic_ratio >= 3 * res->ascii_ratio &&
		!accepted_has(acc, "ebcdic_as_ascii"))
	{
		f = add(out, nout, "ebcdic_as_ascii", true,
				"the data looks like ebcdic, but code page %s is not an ebcdic page",
				zf_codepage_name(in->cp));
		if (f)
		{
			snprintf(f->detail, sizeof(f->detail),
					 "%.0f%% of the first %zu bytes are EBCDIC blanks, digits and letters, %.0f%% ASCII ones.",
					 100.0 * res->ebcdic_ratio, in->n, 100.0 * res->ascii_ratio);
			snprintf(f->hint, sizeof(f->hint),
					 "Set codepage to the file's EBCDIC page, such as 'cp037' (zfdw.guess_codepage() ranks them). "
					 "accept 'ebcdic_as_ascii' reads it as it is.");
		}
	}
}

/*
 * The code page check: the text fields of the first fixed-length records
 * scored in the table's page and in every national page.
 */
static zf_status
check_codepage(const zf_plausible_input *in, const char *acc,
			   zf_plausible_finding *out, int *nout, zf_error *err)
{
	const char *const *pages = zf_text_national_pages();
	const char *mine = zf_codepage_name(in->cp);
	bool		national = false;
	uint8_t    *text;
	size_t		len = 0,
				cap;
	uint64_t	nrec = 0;
	zf_text_score self,
				ranked[ZF_TEXTSCORE_PAGES];
	int			nranked;
	const zf_text_score *alt = NULL;
	zf_status	st;
	zf_plausible_finding *f;

	if (accepted_has(acc, "codepage") || in->ntext == 0 || !in->record_format ||
		in->recfm != ZF_RECFM_FB || in->lrecl == 0 ||
		zf_codepage_kind(in->cp) != ZF_CP_EBCDIC_SBCS)
		return ZF_OK;
	for (int i = 0; pages[i]; i++)
		if (strcmp(pages[i], mine) == 0)
			national = true;
	if (!national)
		return ZF_OK;
	cap = in->n + (size_t) in->ntext * (in->n / in->lrecl + 1) + 1;
	text = malloc(cap);
	if (text == NULL)
		return zf_error_set(err, ZF_E_NOMEM, "out of memory");
	for (uint64_t off = in->header_bytes; off + in->lrecl <= in->n; off += in->lrecl, nrec++)
		for (int k = 0; k < in->ntext; k++)
		{
			const zf_span *s = &in->text[k];

			if (s->offset + s->length > in->lrecl || len + s->length + 1 > cap)
				continue;
			memcpy(text + len, in->sample + off + s->offset, s->length);
			len += s->length;
			text[len++] = 0x40;
		}
	st = zf_text_score_named(mine, text, len, &self, err);
	if (st == ZF_OK)
		st = zf_text_rank_pages(text, len, ranked, &nranked, err);
	if (st != ZF_OK)
	{
		free(text);
		return st;
	}
	for (int i = 0; i < nranked && alt == NULL; i++)
		if (ranked[i].score > self.score && ranked[i].odd * 4 <= self.odd &&
			ranked[i].letters > self.letters)
			alt = &ranked[i];
	if (self.odd >= 2 && alt != NULL &&
		(f = add(out, nout, "codepage", false,
				 "text decodes to unlikely characters in code page %s", mine)) != NULL)
	{
		char		s1[2 * ZF_TEXTSCORE_SAMPLE + 4],
					s2[2 * ZF_TEXTSCORE_SAMPLE + 4];
		const zf_codepage *acp = zf_codepage_lookup(alt->page, err);

		zf_text_sample(in->cp, text, len, self.odd_offset, s1, sizeof(s1));
		if (acp)
			zf_text_sample(acp, text, len, self.odd_offset, s2, sizeof(s2));
		else
			s2[0] = '\0';
		snprintf(f->detail, sizeof(f->detail),
				 "In the text fields of the first %" PRIu64 " records, %" PRIu32
				 " of %" PRIu32 " national characters inside words read as symbols, as in \"%s\"; "
				 "code page %s reads %" PRIu32 " of them as letters: \"%s\".",
				 nrec, self.odd, self.in_word, s1, alt->page, alt->letters, s2);
		snprintf(f->hint, sizeof(f->hint),
				 "Set codepage '%s' if that is the file's page (zfdw.guess_codepage() ranks the pages); "
				 "add accept 'codepage' to the table's options, or set zfdw.check_codepage to off, if the text is right.",
				 alt->page);
	}
	free(text);
	return ZF_OK;
}

zf_status
zf_plausible_check(const zf_plausible_input *in, const char *accepted,
				   zf_plausible_finding *out, int *nout, zf_error *err)
{
	zf_inspect_result *res;
	zf_status	st;
	const uint8_t *s;
	size_t		n;
	int64_t		size;

	*nout = 0;
	if (in == NULL || in->cp == NULL || (in->sample == NULL && in->n > 0))
		return zf_error_set(err, ZF_E_ARG, "plausibility check needs a sample and a code page");
	check_lengths(in, accepted, out, nout);
	if (in->n == 0)
		return ZF_OK;

	/* the inspector sees the data after the header */
	s = in->sample;
	n = in->n;
	size = in->file_size;
	if (in->header_bytes >= n)
		return ZF_OK;
	s += in->header_bytes;
	n -= in->header_bytes;
	if (size >= 0)
		size -= (int64_t) in->header_bytes;
	res = malloc(sizeof(zf_inspect_result));
	if (res == NULL)
		return zf_error_set(err, ZF_E_NOMEM, "out of memory");
	st = zf_inspect_sample(s, n, size, zf_codepage_name(in->cp),
						   in->layout_fixed ? in->layout_length : 0, res, err);
	if (st == ZF_OK)
		check_framing(in, accepted, out, nout, res);
	free(res);
	if (st != ZF_OK)
		return st;
	st = check_codepage(in, accepted, out, nout, err);
	if (st != ZF_OK)
		return st;

	/* errors first */
	for (int i = 1; i < *nout; i++)
		for (int j = i; j > 0 && out[j].error && !out[j - 1].error; j--)
		{
			zf_plausible_finding tmp = out[j];

			out[j] = out[j - 1];
			out[j - 1] = tmp;
		}
	return ZF_OK;
}
