/*-------------------------------------------------------------------------
 *
 * plausible.c
 *	  Compare a table's description with the first bytes of its file and
 *	  name the likely mistake (see plausible.h for the list of checks).
 *
 * The record-format and transfer checks make one pass over the sample
 * (the file inspector, records/inspect.h, tries much more and is too slow
 * to run at every scan); the code page check uses the text score
 * (diag/textscore.h) on the text fields of the first records.
 *
 *-------------------------------------------------------------------------
 */
#include "diag/plausible.h"
#include "diag/textscore.h"

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

/* What the framing and transfer checks need to know of the sample. */
typedef struct sample_facts
{
	/* a z/OS RDW chain from the start: records walked, lengths, end */
	uint64_t	rdw_records;
	uint32_t	rdw_min,
				rdw_max;
	bool		rdw_valid;		/* unbroken through the sample */
	bool		rdw_reaches_end;	/* ended exactly at the end of the file */
	bool		bdw_valid;		/* a z/OS BDW whose block holds RDWs */
	bool		first_is_descriptor;	/* the first 4 bytes are an RDW or
										 * BDW in some convention */
	double		ebcdic_ratio;	/* EBCDIC blanks, digits, letters */
	double		ascii_ratio;	/* ASCII blanks, digits, letters */
	uint64_t	line_ends;		/* ASCII LF (with or without CR) */
	int64_t		crlf_gap;		/* X'0D0A' pairs at this constant gap, or -1 */
	uint64_t	crlf;
} sample_facts;

/* An RDW or BDW at p: 2-byte length (order, counting itself or not), 00 00. */
static bool
descriptor_at(const uint8_t *p, bool big, bool incl, uint32_t *len)
{
	uint32_t	l = big ? ((uint32_t) p[0] << 8 | p[1]) : ((uint32_t) p[1] << 8 | p[0]);

	if (p[2] != 0 || p[3] != 0)
		return false;
	if (!incl)
		l += 4;
	if (l < 5 || l > 32760)
		return false;
	*len = l;
	return true;
}

/* Walk z/OS RDWs from from to to: records, lengths, whether unbroken. */
static uint64_t
walk_rdws(const uint8_t *s, size_t from, size_t to, bool *broken,
		  uint32_t *min, uint32_t *max, size_t *stop)
{
	size_t		pos = from;
	uint64_t	n = 0;
	uint32_t	len;

	*broken = false;
	*min = UINT32_MAX;
	*max = 0;
	while (pos + 4 <= to)
	{
		if (!descriptor_at(s + pos, true, true, &len))
		{
			*broken = true;
			break;
		}
		n++;
		if (len - 4 < *min)
			*min = len - 4;
		if (len - 4 > *max)
			*max = len - 4;
		pos += len;
	}
	*stop = pos;
	return n;
}

/*
 * One cheap pass over the data: the descriptor chain over the whole
 * sample, the byte statistics over its first 16 kB.
 */
static void
sample_facts_of(const uint8_t *s, size_t n, int64_t size, sample_facts *f)
{
	size_t		nstat = n < 16 * 1024 ? n : 16 * 1024;

	uint64_t	ebcdic = 0,
				ascii = 0;
	int64_t		last = -1;
	bool		regular = true;
	bool		broken;
	size_t		stop;
	uint32_t	len;

	memset(f, 0, sizeof(*f));
	f->crlf_gap = -1;
	if (n < 4)
		return;
	f->rdw_records = walk_rdws(s, 0, n, &broken, &f->rdw_min, &f->rdw_max, &stop);
	f->rdw_valid = !broken && f->rdw_records >= 2;
	f->rdw_reaches_end = f->rdw_valid && size >= 0 && (uint64_t) size == n && stop == n;
	if (descriptor_at(s, true, true, &len) && len > 8 && len <= n)
	{
		uint32_t	mn,
					mx;
		uint64_t	k = walk_rdws(s, 4, len, &broken, &mn, &mx, &stop);

		f->bdw_valid = !broken && k >= 1 && stop == len;
	}
	for (int big = 0; big < 2; big++)
		for (int incl = 0; incl < 2; incl++)
			f->first_is_descriptor |= descriptor_at(s, big, incl, &len);

	for (size_t i = 0; i < nstat; i++)
	{
		uint8_t		b = s[i];

		if (b == 0x40 || (b >= 0xF0 && b <= 0xF9) || (b >= 0x81 && b <= 0x89) ||
			(b >= 0x91 && b <= 0x99) || (b >= 0xA2 && b <= 0xA9) ||
			(b >= 0xC1 && b <= 0xC9) || (b >= 0xD1 && b <= 0xD9) ||
			(b >= 0xE2 && b <= 0xE9))
			ebcdic++;
		if (b == 0x20 || (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) ||
			(b >= 0x61 && b <= 0x7A))
			ascii++;
		if (b == 0x0A)
		{
			f->line_ends++;
			if (i > 0 && s[i - 1] == 0x0D)
			{
				f->crlf++;
				if (last >= 0 && f->crlf_gap >= 0 && (int64_t) i - last != f->crlf_gap)
					regular = false;
				if (last >= 0)
					f->crlf_gap = (int64_t) i - last;
				last = (int64_t) i;
			}
		}
	}
	if (!regular || f->crlf < 3)
		f->crlf_gap = -1;
	f->ebcdic_ratio = (double) ebcdic / nstat;
	f->ascii_ratio = (double) ascii / nstat;
}

/*
 * Does a line end follow every fixed-length record of the sample?  A
 * text-mode transfer puts one after each record: X'25' (EBCDIC line
 * feed) or X'15' (EBCDIC new line) when the data stays EBCDIC, or after a
 * transfer to ASCII and a conversion back (which also turns X'0A' inside
 * binary and packed fields into X'25'), X'0D25' for CR LF.  Tested where
 * the records would end: every (lrecl + w)-th byte from the first record,
 * at least three records.  Sets the bytes' hex and name and returns the
 * number of records, or 0.
 */
static uint64_t
line_end_after_records(const zf_plausible_input *in, const uint8_t *s, size_t n,
					   const char **hex, const char **name)
{
	static const struct
	{
		uint8_t		b[2];
		int			w;
		const char *hex;
		const char *name;
	}			ends[] = {
		{{0x0D, 0x25}, 2, "0D25", "an EBCDIC carriage return and line feed"},
		{{0x25, 0}, 1, "25", "the EBCDIC line feed"},
		{{0x15, 0}, 1, "15", "the EBCDIC new line"},
	};
	uint64_t	base = 0;		/* s starts after the header bytes */

	if (in->recfm != ZF_RECFM_FB || in->lrecl == 0)
		return 0;
	for (size_t e = 0; e < sizeof(ends) / sizeof(ends[0]); e++)
	{
		uint64_t	stride = (uint64_t) in->lrecl + ends[e].w;
		uint64_t	m = (n - base) / stride;	/* whole records with their ends */
		uint64_t	k;

		if (m < 3)
			continue;
		for (k = 0; k < m; k++)
		{
			const uint8_t *p = s + base + k * stride + in->lrecl;

			if (p[0] != ends[e].b[0] || (ends[e].w == 2 && p[1] != ends[e].b[1]))
				break;
		}
		if (k == m)
		{
			*hex = ends[e].hex;
			*name = ends[e].name;
			return m;
		}
	}
	return 0;
}

/* Record format and transfer checks, on one pass over the sample. */
static void
check_framing(const zf_plausible_input *in, const char *acc,
			  zf_plausible_finding *out, int *nout, const uint8_t *s, size_t n,
			  int64_t size)
{
	zf_plausible_finding *f;
	char		hex[32];
	bool		ebcdic = zf_codepage_is_ebcdic(in->cp);
	sample_facts facts;

	if (!in->record_format)
		return;
	sample_facts_of(s, n, size, &facts);
	four_hex(s, n, hex, sizeof(hex));
	if (in->recfm == ZF_RECFM_FB && !accepted_has(acc, "rdw_as_fb") &&
		facts.rdw_valid && (facts.rdw_reaches_end || facts.rdw_records >= 8))
	{
		f = add(out, nout, "rdw_as_fb", true,
				"the file starts with record descriptor words (RDW), but recfm is fb");
		if (f)
		{
			snprintf(f->detail, sizeof(f->detail),
					 "The first bytes X'%s' read as a descriptor, and %" PRIu64
					 " records of %" PRIu32 " to %" PRIu32 " bytes chain from there%s.",
					 hex, facts.rdw_records, facts.rdw_min, facts.rdw_max,
					 facts.rdw_reaches_end ? " to the end of the file" : " through the bytes examined");
			snprintf(f->hint, sizeof(f->hint),
					 "Set recfm 'vb'; zfdw.inspect_file() shows the chain. "
					 "If the file really is fixed-length, add accept 'rdw_as_fb' to the table's options.");
		}
	}
	else if (in->recfm == ZF_RECFM_FB && !accepted_has(acc, "rdw_as_fb") && facts.bdw_valid)
	{
		f = add(out, nout, "rdw_as_fb", true,
				"the file starts with block and record descriptor words, but recfm is fb");
		if (f)
		{
			snprintf(f->detail, sizeof(f->detail),
					 "The first bytes X'%s' read as a block descriptor whose block holds records with their own descriptors.",
					 hex);
			snprintf(f->hint, sizeof(f->hint),
					 "Set recfm 'vb_bdw'; zfdw.inspect_file() shows the chain. "
					 "If the file really is fixed-length, add accept 'rdw_as_fb' to the table's options.");
		}
	}
	if ((in->recfm == ZF_RECFM_VB || in->recfm == ZF_RECFM_VB_BDW || in->recfm == ZF_RECFM_VBS) &&
		!accepted_has(acc, "fixed_as_vb") && in->layout_fixed && in->layout_length > 0 &&
		size > 0 && (uint64_t) size % in->layout_length == 0 && !facts.first_is_descriptor)
	{
		const char *recfm = in->recfm == ZF_RECFM_VB ? "vb" :
			in->recfm == ZF_RECFM_VB_BDW ? "vb_bdw" : "vbs";

		f = add(out, nout, "fixed_as_vb", true,
				"the file has no record descriptor words, but recfm is %s", recfm);
		if (f)
		{
			snprintf(f->detail, sizeof(f->detail),
					 "The first bytes X'%s' are not a descriptor in any byte order; the file's %" PRId64
					 " bytes are %" PRIu64 " records of the layout's %" PRIu32 " bytes.",
					 hex, size, (uint64_t) size / in->layout_length, in->layout_length);
			snprintf(f->hint, sizeof(f->hint),
					 "Set recfm 'fb' for fixed-length records; zfdw.inspect_file() shows the lengths that fit. "
					 "Add accept 'fixed_as_vb' to the table's options to read it as %s anyway.", recfm);
		}
	}
	if (ebcdic && !accepted_has(acc, "ascii_transfer"))
	{
		char		why[200] = "";

		if (facts.line_ends > 0 && facts.ascii_ratio >= 0.5 &&
			facts.ascii_ratio >= 3 * facts.ebcdic_ratio)
			snprintf(why, sizeof(why),
					 "%.0f%% of the first %zu bytes are ASCII blanks, digits and letters, with %" PRIu64 " ASCII line ends",
					 100.0 * facts.ascii_ratio, n < 16 * 1024 ? n : (size_t) 16 * 1024, facts.line_ends);
		else if (facts.crlf_gap > 0)
			snprintf(why, sizeof(why),
					 "ASCII line ends (X'0D0A') occur every %" PRId64 " bytes in EBCDIC data, as an ASCII-mode transfer adds them after each record",
					 facts.crlf_gap);
		if (why[0] && (f = add(out, nout, "ascii_transfer", true,
							   "the file looks like it went through an ascii-mode transfer, but code page %s is ebcdic",
							   zf_codepage_name(in->cp))) != NULL)
		{
			snprintf(f->detail, sizeof(f->detail), "%s.", why);
			snprintf(f->hint, sizeof(f->hint),
					 "Transfer the file again in binary mode (FTP 'binary', and 'quote site rdw' for variable-length records); "
					 "if it really is ASCII text, set codepage 'latin1'. accept 'ascii_transfer' reads it as it is.");
		}
		else if (!why[0])
		{
			const char *ehex = NULL,
					   *ename = NULL;
			uint64_t	m = line_end_after_records(in, s, n, &ehex, &ename);

			if (m > 0 && (f = add(out, nout, "ascii_transfer", true,
								  "a line end X'%s' follows every record: the file looks like it went through a text-mode transfer",
								  ehex)) != NULL)
			{
				snprintf(f->detail, sizeof(f->detail),
						 "Each of the first %" PRIu64 " records of %" PRIu32 " bytes is followed by X'%s', %s, "
						 "so the records drift by %d byte%s each; a transfer that translates the data also changes binary and packed bytes.",
						 m, in->lrecl, ehex, ename, (int) strlen(ehex) / 2, strlen(ehex) == 2 ? "" : "s");
				snprintf(f->hint, sizeof(f->hint),
						 "Transfer the file again in binary mode (FTP 'binary'). "
						 "accept 'ascii_transfer' reads it as it is.");
			}
		}
	}
	if (!ebcdic && n >= 64 && facts.ebcdic_ratio >= 0.4 &&
		facts.ebcdic_ratio >= 3 * facts.ascii_ratio && !accepted_has(acc, "ebcdic_as_ascii"))
	{
		f = add(out, nout, "ebcdic_as_ascii", true,
				"the data looks like ebcdic, but code page %s is not an ebcdic page",
				zf_codepage_name(in->cp));
		if (f)
		{
			snprintf(f->detail, sizeof(f->detail),
					 "%.0f%% of the first %zu bytes are EBCDIC blanks, digits and letters, %.0f%% ASCII ones.",
					 100.0 * facts.ebcdic_ratio, n < 16 * 1024 ? n : (size_t) 16 * 1024, 100.0 * facts.ascii_ratio);
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
	/* the text fields of the records in the sample, 4 kB of text at most */
	for (uint64_t off = in->header_bytes; off + in->lrecl <= in->n && len < 4 * 1024;
		 off += in->lrecl, nrec++)
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

	/* the framing checks see the data after the header */
	s = in->sample;
	n = in->n;
	size = in->file_size;
	if (in->header_bytes >= n)
		return ZF_OK;
	s += in->header_bytes;
	n -= in->header_bytes;
	if (size >= 0)
		size -= (int64_t) in->header_bytes;
	check_framing(in, accepted, out, nout, s, n, size);
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
