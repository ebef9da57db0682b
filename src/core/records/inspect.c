/*-------------------------------------------------------------------------
 *
 * inspect.c
 *	  Guess what a mainframe file looks like from its first bytes.
 *
 * Each test is independent and cheap: walk descriptor chains from the
 * first byte in the conventions that occur in practice, list the fixed
 * lengths that divide the size and rank them by how much consecutive
 * records look alike (bytes at distance lrecl compared against bytes at
 * distance lrecl +/- 1), count EBCDIC and ASCII text bytes and line ends,
 * and look for what an ASCII-mode transfer leaves behind.  The verdict is
 * a list of findings and suggested options; nothing here allocates.
 *
 *-------------------------------------------------------------------------
 */
#include "records/inspect.h"

#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "records/descriptor.h"
#include "text/codepage.h"

#define FIXED_MAX_LRECL		32760	/* the largest z/OS LRECL of a QSAM file */
#define FIXED_MAX_CANDIDATES 512
#define FIXED_WINDOW		65536	/* byte pairs compared per candidate */

/* Add a finding (a lower-case sentence without trailing period). */
static void
add_finding(zf_inspect_result *res, const char *topic, const char *fmt,...)
	__attribute__((format(printf, 3, 4)));

static void
add_finding(zf_inspect_result *res, const char *topic, const char *fmt,...)
{
	zf_inspect_finding *f;
	va_list		ap;

	if (res->n_findings >= ZF_INSPECT_MAX_FINDINGS)
		return;
	f = &res->findings[res->n_findings++];
	snprintf(f->topic, sizeof(f->topic), "%s", topic);
	va_start(ap, fmt);
	vsnprintf(f->text, sizeof(f->text), fmt, ap);
	va_end(ap);
}

/* Add a suggested table option. */
static void
add_option(zf_inspect_result *res, const char *name, const char *value)
{
	zf_inspect_option *o;

	if (res->n_options >= ZF_INSPECT_MAX_OPTIONS)
		return;
	o = &res->options[res->n_options++];
	snprintf(o->name, sizeof(o->name), "%s", name);
	snprintf(o->value, sizeof(o->value), "%s", value);
}

/* Mark a chain broken at pos, keeping the bytes found there. */
static void
chain_break(zf_inspect_chain *c, const uint8_t *s, size_t n, size_t pos)
{
	c->break_offset = (int64_t) pos;
	memset(c->break_bytes, 0, 4);
	if (pos < n)
		memcpy(c->break_bytes, s + pos, n - pos < 4 ? n - pos : 4);
}

static void
chain_init(zf_inspect_chain *c)
{
	memset(c, 0, sizeof(*c));
	c->break_offset = -1;
	c->min_length = UINT32_MAX;
}

static void
chain_record(zf_inspect_chain *c, uint64_t datalen)
{
	c->records++;
	if (datalen < c->min_length)
		c->min_length = (uint32_t) datalen;
	if (datalen > c->max_length)
		c->max_length = (uint32_t) datalen;
}

/*
 * Walk RDWs (or SDWs) over s[from, to).  Returns the position reached;
 * sets *broken when a descriptor does not parse, segments are out of
 * order, or (when the range is complete) a record runs past its end.
 */
static size_t
walk_records(const uint8_t *s, size_t from, size_t to, bool complete,
			 bool big, bool incl, zf_inspect_chain *c, bool *broken,
			 bool *open_span)
{
	zf_dw_conv	conv = {big, incl};
	size_t		pos = from;

	*broken = false;
	while (pos < to)
	{
		zf_dw		dw;
		uint64_t	total;
		int			code;

		if (to - pos < 4)
		{
			*broken = complete;
			break;
		}
		/* as SDWs: an RDW is an SDW with segment code 0 */
		if (zf_dw_record(s + pos, conv, true, &dw) != ZF_DW_OK)
		{
			*broken = true;
			break;
		}
		total = dw.data + 4;
		code = dw.segment;
		if (((code == 0 || code == 1) && *open_span) ||
			((code == 2 || code == 3) && !*open_span))
		{
			*broken = true;
			break;
		}
		if (total > to - pos)
		{
			*broken = complete;
			break;
		}
		chain_record(c, total - 4);
		if (code != 0)
			c->spanned = true;
		*open_span = (code == 1 || code == 3);
		pos += (size_t) total;
	}
	return pos;
}

/* An RDW chain over the whole sample. */
static void
walk_rdw_chain(const uint8_t *s, size_t n, bool whole, bool big, bool incl,
			   zf_inspect_chain *c)
{
	bool		broken;
	bool		open_span = false;
	size_t		pos;

	chain_init(c);
	pos = walk_records(s, 0, n, whole, big, incl, c, &broken, &open_span);
	c->bytes = pos;
	if (broken || (whole && open_span))
	{
		chain_break(c, s, n, pos);
		return;
	}
	c->reaches_end = whole && pos == n;
	c->valid = c->records >= 2 || (c->reaches_end && c->records == 1);
}

/*
 * A BDW chain: blocks in one convention holding records in another.  The
 * chain is valid when the blocks are; records_valid says whether their
 * contents are RDW records as well.
 */
static void
walk_bdw_chain(const uint8_t *s, size_t n, bool whole, bool bdw_big,
			   bool bdw_incl, bool rdw_big, bool rdw_incl, zf_inspect_chain *c)
{
	zf_dw_conv	conv = {bdw_big, bdw_incl};
	size_t		pos = 0;
	bool		inner_ok = true;
	bool		open_span = false;
	bool		broken = false;

	chain_init(c);
	while (pos < n)
	{
		zf_dw		dw;
		uint64_t	data;
		size_t		end;
		bool		inner_broken;

		if (n - pos < 4)
		{
			broken = whole;
			break;
		}
		if (zf_dw_block(s + pos, conv, &dw) != ZF_DW_OK)
		{
			broken = true;
			break;
		}
		data = dw.data;
		if (data > n - pos - 4)
		{
			if (whole)
			{
				broken = true;
				break;
			}
			/* the block runs past the sample: check what we have of it */
			walk_records(s, pos + 4, n, false, rdw_big, rdw_incl, c,
						 &inner_broken, &open_span);
			if (inner_broken)
				inner_ok = false;
			c->blocks++;
			pos = n;
			break;
		}
		end = pos + 4 + (size_t) data;
		if (walk_records(s, pos + 4, end, true, rdw_big, rdw_incl, c,
						 &inner_broken, &open_span) != end || inner_broken)
			inner_ok = false;
		c->blocks++;
		pos = end;
	}
	c->bytes = pos;
	if (broken)
	{
		chain_break(c, s, n, pos);
		return;
	}
	c->reaches_end = whole && pos == n;
	c->valid = c->blocks >= 2 || (c->reaches_end && c->blocks == 1);
	c->records_valid = inner_ok && c->records > 0 && !(whole && open_span);
}

/* Byte classes for comparing records: blank, digit, letter, low, high. */
static uint8_t byte_class[256];

static void
init_classes(void)
{
	if (byte_class[0x40] != 0)
		return;
	for (int b = 0; b < 256; b++)
	{
		uint8_t		k = 6;

		if (b == 0x00)
			k = 1;
		else if (b == 0x40 || b == 0x20)
			k = 2;
		else if ((b >= 0xF0 && b <= 0xF9) || (b >= 0x30 && b <= 0x39))
			k = 3;
		else if ((b >= 0xC1 && b <= 0xC9) || (b >= 0xD1 && b <= 0xD9) ||
				 (b >= 0xE2 && b <= 0xE9) || (b >= 0x81 && b <= 0x89) ||
				 (b >= 0x91 && b <= 0x99) || (b >= 0xA2 && b <= 0xA9) ||
				 (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A))
			k = 4;
		else if (b == 0xFF)
			k = 5;
		byte_class[b] = k;
	}
}

/* How alike bytes at distance d are (0..1), over at most FIXED_WINDOW pairs. */
static double
similarity(const uint8_t *s, size_t n, size_t d)
{
	size_t		pairs;
	uint64_t	same = 0;

	if (d == 0 || d >= n)
		return 0.0;
	pairs = n - d < FIXED_WINDOW ? n - d : FIXED_WINDOW;
	for (size_t i = 0; i < pairs; i++)
	{
		uint8_t		a = s[i],
					b = s[i + d];

		same += (a == b) + (byte_class[a] == byte_class[b]);
	}
	return (double) same / (2.0 * (double) pairs);
}

/*
 * Fixed lengths dividing the data size, scored by the similarity at lrecl
 * above that at its neighbours: a true record length is a sharp peak (and
 * so are its multiples, which the ranking then puts after it).
 */
static void
find_fixed(const uint8_t *s, size_t n, uint64_t size, zf_inspect_result *res)
{
	zf_inspect_fixed cand[FIXED_MAX_CANDIDATES];
	int			ncand = 0;
	uint64_t	maxl = size / 2 < FIXED_MAX_LRECL ? size / 2 : FIXED_MAX_LRECL;

	init_classes();
	for (uint64_t l = 2; l <= maxl && ncand < FIXED_MAX_CANDIDATES; l++)
	{
		double		base;

		if (size % l != 0)
			continue;
		cand[ncand].lrecl = (uint32_t) l;
		cand[ncand].records = size / l;
		cand[ncand].score = 0.0;
		if (2 * l <= n)
		{
			base = (similarity(s, n, l - 1) + similarity(s, n, l + 1)) / 2.0;
			cand[ncand].score = similarity(s, n, l) - base;
		}
		ncand++;
	}
	/* best score first, the shorter length first among near-equal ones */
	for (int i = 1; i < ncand; i++)
	{
		zf_inspect_fixed x = cand[i];
		int			j = i - 1;

		while (j >= 0 && (cand[j].score < x.score - 0.02 ||
						  (cand[j].score <= x.score + 0.02 && cand[j].lrecl > x.lrecl &&
						   x.score > 0.02)))
		{
			cand[j + 1] = cand[j];
			j--;
		}
		cand[j + 1] = x;
	}
	res->n_fixed = ncand < ZF_INSPECT_MAX_FIXED ? ncand : ZF_INSPECT_MAX_FIXED;
	memcpy(res->fixed, cand, sizeof(zf_inspect_fixed) * res->n_fixed);
}

/* Byte statistics, charset verdict and line ends. */
static void
count_bytes(const uint8_t *s, size_t n, zf_inspect_result *res)
{
	uint64_t	ebcdic = 0,
				ascii = 0,
				printable = 0,
				ebcdic_graphic = 0,
				utf8_mb_bytes = 0,
				utf8_bad = 0,
				latin1_letters = 0,
				high = 0;
	uint64_t	line_start = 0;
	int64_t		line_len = -1;
	bool		line_same = true;
	uint64_t	lines = 0;

	init_classes();
	for (size_t i = 0; i < n; i++)
	{
		uint8_t		b = s[i];

		if (b == 0x40 || (b >= 0xF0 && b <= 0xF9) ||
			(byte_class[b] == 4 && b >= 0x81))
			ebcdic++;
		if (b == 0x20 || (b >= 0x30 && b <= 0x39) ||
			(byte_class[b] == 4 && b < 0x80))
			ascii++;
		if ((b >= 0x20 && b < 0x7F) || b == 0x09 || b == 0x0A || b == 0x0D)
			printable++;
		if (b >= 0x40 && b != 0xFF)
			ebcdic_graphic++;
		else if (b == 0x15 || b == 0x25 || b == 0x0D || b == 0x05)
			ebcdic_graphic++;
		if (b == 0x1A)
			res->sub_bytes++;
		if (b == 0x15)
			res->nl15++;
		if (b == 0x25)
			res->lf25++;
		if (b == 0x0D && (i + 1 == n || s[i + 1] != 0x0A))
			res->cr++;
		if (b == 0x0A)
		{
			uint64_t	end = (i > 0 && s[i - 1] == 0x0D) ? i - 1 : i;
			int64_t		len = (int64_t) (end - line_start);

			if (i > 0 && s[i - 1] == 0x0D)
				res->crlf++;
			else
				res->lf++;
			if (line_len >= 0 && len != line_len)
				line_same = false;
			line_len = len;
			line_start = i + 1;
			lines++;
		}
		if (b >= 0x80)
		{
			high++;
			/* a valid multi-byte UTF-8 sequence starting here? */
			if (b >= 0xC2 && b <= 0xF4)
			{
				int			need = b >= 0xF0 ? 3 : b >= 0xE0 ? 2 : 1;
				int			k;

				for (k = 1; k <= need && i + k < n && (s[i + k] & 0xC0) == 0x80; k++)
					;
				if (k == need + 1)
				{
					if (b == 0xEF && s[i + 1] == 0xBF && s[i + 2] == 0xBD)
						res->replacement_chars++;
					utf8_mb_bytes += need + 1;
					high += need;
					i += need;
					continue;
				}
				if (i + k >= n)
					continue;	/* cut by the end of the sample */
			}
			utf8_bad++;
			if (b >= 0xC0)
				latin1_letters++;
		}
	}
	if (lines >= 3 && line_same && line_len > 0)
		res->line_length = (uint32_t) line_len;

	if (n == 0)
	{
		res->charset = "empty";
		return;
	}
	res->ebcdic_ratio = (double) ebcdic / n;
	res->ascii_ratio = (double) ascii / n;
	res->printable_ratio = (double) (printable + utf8_mb_bytes) / n;
	/* text: printable ASCII, UTF-8, or Latin-1 letters, with ASCII letters
	 * outnumbering EBCDIC ones (EBCDIC letters are Latin-1 letters too) */
	if ((double) (printable + utf8_mb_bytes + latin1_letters) / n >= 0.95 &&
		res->ascii_ratio >= res->ebcdic_ratio)
	{
		if (high == 0)
			res->charset = "ascii";
		else if (utf8_bad == 0)
			res->charset = "utf8";
		else
			res->charset = "latin1";
	}
	else if (res->ebcdic_ratio >= 0.15 && res->ebcdic_ratio > 1.5 * res->ascii_ratio)
		res->charset = "ebcdic";
	else if (res->ascii_ratio >= 0.15 && res->ascii_ratio > 1.5 * res->ebcdic_ratio)
		res->charset = "ascii";
	else
		res->charset = "binary";
	/* EBCDIC text: graphic bytes only, lines ended by NL or LF */
	if (strcmp(res->charset, "ebcdic") == 0 &&
		(double) ebcdic_graphic / n >= 0.97 && res->nl15 + res->lf25 >= 2)
		res->charset = "ebcdic text";
}

/* Describe one chain as a finding. */
static void
describe_chain(zf_inspect_result *res, const char *topic, const char *what,
			   const zf_inspect_chain *c, bool blocks)
{
	char		hex[32];

	if (c->valid)
	{
		char		extent[96];

		if (c->reaches_end)
			snprintf(extent, sizeof(extent), "ending exactly at the end of the file");
		else
			snprintf(extent, sizeof(extent), "over the first %" PRIu64 " bytes (the rest was not read)",
					 c->bytes);
		if (blocks)
		{
			if (c->records_valid)
				add_finding(res, topic, "%s are valid: %" PRIu64 " blocks holding %" PRIu64
							" records of %" PRIu32 " to %" PRIu32 " bytes, %s%s",
							what, c->blocks, c->records, c->min_length, c->max_length,
							extent, c->spanned ? ", with spanned segments" : "");
			else
				add_finding(res, topic, "%s are valid (%" PRIu64 " blocks, %s) but do not hold "
							"record descriptors: fixed-length records in blocks are not supported",
							what, c->blocks, extent);
		}
		else
			add_finding(res, topic, "%s is valid: %" PRIu64 " %s of %" PRIu32 " to %" PRIu32
						" bytes, %s",
						what, c->records, c->spanned ? "segments" : "records",
						c->min_length, c->max_length, extent);
	}
	else if (c->break_offset >= 0)
	{
		zf_hex(hex, sizeof(hex), c->break_bytes, 4, 4);
		add_finding(res, topic, "%s %s not valid: %s breaks at byte offset %" PRId64
					" (X'%s') after %" PRIu64 " %s",
					what, blocks ? "are" : "is", blocks ? "the chain" : "it",
					c->break_offset, hex, blocks ? c->blocks : c->records,
					blocks ? "blocks" : "records");
	}
}

/* Signs that an EBCDIC file went through an ASCII-mode transfer. */
static void
check_transfer(zf_inspect_result *res, const uint8_t *s, size_t n,
			   bool claimed_ebcdic, const char *claimed, uint32_t layout_length)
{
	const char *cs = res->charset;
	bool		textlike = strcmp(cs, "ascii") == 0 || strcmp(cs, "utf8") == 0 ||
		strcmp(cs, "latin1") == 0;

	if (claimed_ebcdic && textlike && res->lf + res->crlf > 0)
	{
		res->ftp_damage = true;
		add_finding(res, "ftp", "the data looks like ascii text with line ends (%.0f%% printable ascii) "
					"although code page %s is ebcdic: the file was probably transferred in "
					"ascii (text) mode, which converts text and destroys packed and binary fields",
					100.0 * res->printable_ratio, claimed);
	}
	if (textlike && res->lf + res->crlf > 0 &&
		(res->sub_bytes > 0 || res->replacement_chars > 0) &&
		res->printable_ratio + (double) res->sub_bytes / n >= 0.9)
	{
		res->ftp_damage = true;
		add_finding(res, "ftp", "found %" PRIu64 " substitute bytes X'1A' and %" PRIu64
					" replacement characters U+FFFD: a character conversion met bytes it "
					"could not map, such as packed or binary fields",
					res->sub_bytes, res->replacement_chars);
	}
	if (strncmp(cs, "ebcdic", 6) == 0 && res->crlf >= 2)
	{
		/* CR LF pairs at a constant distance in EBCDIC data */
		int64_t		last = -1,
					gap = -1;
		bool		regular = true;

		for (size_t i = 1; i < n; i++)
			if (s[i] == 0x0A && s[i - 1] == 0x0D)
			{
				if (last >= 0)
				{
					if (gap >= 0 && (int64_t) i - last != gap)
						regular = false;
					gap = (int64_t) i - last;
				}
				last = (int64_t) i;
			}
		res->ftp_damage = true;
		if (regular && gap > 0)
			add_finding(res, "ftp", "ascii line ends (X'0D0A') occur every %" PRId64
						" bytes in ebcdic data: an ascii-mode transfer may have inserted "
						"them after each record of %" PRId64 " bytes",
						gap, gap - 2);
		else
			add_finding(res, "ftp", "found %" PRIu64 " ascii line ends (X'0D0A') in ebcdic data: "
						"an ascii-mode transfer may have inserted them",
						res->crlf);
	}
	if (layout_length > 0 && res->line_length == layout_length && textlike)
	{
		res->ftp_damage = res->ftp_damage || claimed_ebcdic;
		add_finding(res, "ftp", "every line is %" PRIu32 " bytes long, the layout's record length: "
					"the records were transferred as text lines",
					layout_length);
	}
	if (res->ftp_damage)
		add_finding(res, "suggestion", "transfer the file again in binary mode (ftp 'binary'; "
					"for variable-length records also 'quote site rdw')");
}

/* Choose the options to suggest. */
static void
suggest(zf_inspect_result *res, bool claimed_ebcdic, const char *claimed,
		uint32_t layout_length, uint64_t size, bool size_known)
{
	const char *cs = res->charset;
	char		num[32];
	const char *recfm = NULL;

	/*
	 * Blocks first: a BDW looks like an RDW covering its block, so a vb_bdw
	 * file is also a valid RDW chain, while the records of a vb file are
	 * hardly ever RDWs themselves.
	 */
	if (res->bdw_be.valid && res->bdw_be.records_valid)
	{
		recfm = res->bdw_be.spanned ? "vbs_bdw" : "vb_bdw";
	}
	else if (res->bdw_le_excl.valid && res->bdw_le_excl.records_valid)
	{
		recfm = res->bdw_le_excl.spanned ? "vbs_bdw" : "vb_bdw";
		add_option(res, "bdw_byte_order", "little");
		add_option(res, "bdw_includes_header", "false");
		if (!res->bdw_le_excl_rdw_big)
			add_option(res, "rdw_byte_order", "little");
		add_option(res, "rdw_includes_header", "false");
	}
	else if (res->rdw_be.valid)
		recfm = res->rdw_be.spanned ? "vbs" : "vb";
	else if (res->rdw_le.valid || res->rdw_be_excl.valid || res->rdw_le_excl.valid)
	{
		const zf_inspect_chain *c = res->rdw_le.valid ? &res->rdw_le :
			res->rdw_be_excl.valid ? &res->rdw_be_excl : &res->rdw_le_excl;

		recfm = c->spanned ? "vbs" : "vb";
		if (c != &res->rdw_be_excl)
			add_option(res, "rdw_byte_order", "little");
		if (c != &res->rdw_le)
			add_option(res, "rdw_includes_header", "false");
	}
	else if ((strcmp(cs, "ascii") == 0 || strcmp(cs, "utf8") == 0 ||
			  strcmp(cs, "latin1") == 0) && res->lf + res->crlf > 0 &&
			 !(layout_length > 0 && res->line_length == 0 && size_known &&
			   size % layout_length == 0))
		recfm = "text";
	else if (strcmp(cs, "ebcdic text") == 0)
	{
		recfm = "text";
		if (res->nl15 >= res->lf25)
			add_option(res, "text_terminator", "x'15'");
		else
			add_option(res, "text_terminator", "x'25'");
	}
	else if (size_known && layout_length > 0 && size % layout_length == 0)
	{
		recfm = "fb";
		res->lrecl = layout_length;
	}
	else if (res->n_fixed > 0 && res->fixed[0].score > 0.05)
	{
		recfm = "fb";
		res->lrecl = res->fixed[0].lrecl;
	}

	if (recfm != NULL)
	{
		snprintf(res->recfm, sizeof(res->recfm), "%s", recfm);
		/* recfm first in the list */
		memmove(&res->options[1], &res->options[0],
				sizeof(zf_inspect_option) * (res->n_options < ZF_INSPECT_MAX_OPTIONS ?
											 res->n_options : ZF_INSPECT_MAX_OPTIONS - 1));
		if (res->n_options < ZF_INSPECT_MAX_OPTIONS)
			res->n_options++;
		snprintf(res->options[0].name, sizeof(res->options[0].name), "recfm");
		snprintf(res->options[0].value, sizeof(res->options[0].value), "%s", recfm);
		if (res->lrecl > 0)
		{
			snprintf(num, sizeof(num), "%" PRIu32, res->lrecl);
			add_option(res, "lrecl", num);
		}
	}

	if (strncmp(cs, "ebcdic", 6) == 0 ||
		(strcmp(cs, "binary") == 0 && res->ebcdic_ratio >= res->ascii_ratio))
		snprintf(res->codepage, sizeof(res->codepage), "%s",
				 claimed_ebcdic ? claimed : "cp037");
	else if (strcmp(cs, "ascii") == 0 || strcmp(cs, "utf8") == 0 ||
			 strcmp(cs, "latin1") == 0)
		snprintf(res->codepage, sizeof(res->codepage), "%s",
				 res->ftp_damage && claimed_ebcdic ? "" : cs);
	else if (strcmp(cs, "binary") == 0)
		snprintf(res->codepage, sizeof(res->codepage), "ascii");
	if (res->codepage[0])
		add_option(res, "codepage", res->codepage);

	if (recfm == NULL)
		add_finding(res, "suggestion", "no record format fits the first bytes of the file: "
					"check file_header_bytes, or whether the file is compressed or damaged");
	else
	{
		char		line[ZF_INSPECT_TEXT_LEN];
		size_t		len = 0;

		for (int i = 0; i < res->n_options && len < sizeof(line); i++)
			len += snprintf(line + len, sizeof(line) - len, "%s%s '%s'",
							i ? ", " : "", res->options[i].name, res->options[i].value);
		add_finding(res, "suggestion", "suggested options: %s", line);
		if (strncmp(cs, "ebcdic", 6) == 0 && !claimed_ebcdic)
			add_finding(res, "suggestion", "cp037 is a guess: national ebcdic pages (cp273, "
						"cp500, cp1047, cp1140, ...) differ from it in a few characters");
	}
}

/* Analyse the first bytes of a file. */
zf_status
zf_inspect_sample(const uint8_t *sample, size_t n, int64_t file_size,
				  const char *claimed_codepage, uint32_t layout_length,
				  zf_inspect_result *res, zf_error *err)
{
	bool		whole;
	bool		claimed_ebcdic = false;
	uint64_t	size;
	bool		size_known;
	char		claimed[16] = "";

	if (res == NULL || (sample == NULL && n > 0))
		return zf_error_set(err, ZF_E_ARG, "inspect needs a sample and a result");
	if (file_size >= 0 && (uint64_t) file_size < n)
		return zf_error_set(err, ZF_E_ARG, "sample of %zu bytes is larger than the file size %" PRId64,
							n, file_size);
	if (claimed_codepage != NULL && claimed_codepage[0] != '\0')
	{
		const zf_codepage *cp = zf_codepage_lookup(claimed_codepage, err);

		if (cp == NULL)
			return err ? err->status : ZF_E_CODEPAGE;
		claimed_ebcdic = zf_codepage_is_ebcdic(cp);
		snprintf(claimed, sizeof(claimed), "%s", zf_codepage_name(cp));
	}

	memset(res, 0, sizeof(*res));
	res->file_size = file_size;
	res->sample_len = n;
	whole = file_size < 0 ? false : (uint64_t) file_size == n;
	res->whole_file = whole;
	size_known = file_size >= 0;
	size = size_known ? (uint64_t) file_size : n;

	if (size_known && file_size == 0)
	{
		res->charset = "empty";
		add_finding(res, "file", "the file is empty");
		return ZF_OK;
	}
	if (!size_known)
		add_finding(res, "file", "the file size is unknown: only the first %zu bytes were examined",
					n);
	else if (!whole)
		add_finding(res, "file", "examined the first %zu of %" PRId64 " bytes", n, file_size);

	/* compressed files are a common surprise */
	if (n >= 3 && sample[0] == 0x1F && sample[1] == 0x8B)
		add_finding(res, "file", "the file starts like gzip-compressed data (X'1F8B'): "
					"decompress it first, or read it through the program option");
	else if (n >= 4 && memcmp(sample, "BZh", 3) == 0 && sample[3] >= '1' &&
			 sample[3] <= '9')
		add_finding(res, "file", "the file starts like bzip2-compressed data (\"BZh\"): "
					"decompress it first, or read it through the program option");

	/* descriptor chains */
	walk_rdw_chain(sample, n, whole, true, true, &res->rdw_be);
	walk_rdw_chain(sample, n, whole, false, true, &res->rdw_le);
	walk_rdw_chain(sample, n, whole, true, false, &res->rdw_be_excl);
	walk_rdw_chain(sample, n, whole, false, false, &res->rdw_le_excl);
	walk_bdw_chain(sample, n, whole, true, true, true, true, &res->bdw_be);
	walk_bdw_chain(sample, n, whole, false, false, true, false, &res->bdw_le_excl);
	res->bdw_le_excl_rdw_big = true;
	if (res->bdw_le_excl.valid && !res->bdw_le_excl.records_valid)
	{
		zf_inspect_chain alt;

		walk_bdw_chain(sample, n, whole, false, false, false, false, &alt);
		if (alt.valid && alt.records_valid)
		{
			res->bdw_le_excl = alt;
			res->bdw_le_excl_rdw_big = false;
		}
	}
	describe_chain(res, "rdw", "a z/OS rdw chain (big-endian, length counting the rdw)",
				   &res->rdw_be, false);
	if (!res->rdw_be.valid)
	{
		if (res->rdw_le.valid)
			describe_chain(res, "rdw", "a little-endian rdw chain", &res->rdw_le, false);
		if (res->rdw_be_excl.valid)
			describe_chain(res, "rdw", "a big-endian rdw chain whose length excludes the rdw",
						   &res->rdw_be_excl, false);
		if (res->rdw_le_excl.valid)
			describe_chain(res, "rdw", "a little-endian rdw chain whose length excludes the rdw",
						   &res->rdw_le_excl, false);
	}
	/* every rdw chain is a bdw chain too: say so only when it tells more */
	if ((res->bdw_be.valid && res->bdw_be.records_valid) || !res->rdw_be.valid)
		describe_chain(res, "bdw", "z/OS block descriptors (bdw)", &res->bdw_be, true);
	if (res->bdw_le_excl.valid)
		describe_chain(res, "bdw", "little-endian block descriptors whose length excludes the bdw",
					   &res->bdw_le_excl, true);

	/* fixed lengths */
	if (size_known || whole)
	{
		find_fixed(sample, n, size, res);
		if (res->n_fixed > 0)
		{
			char		list[ZF_INSPECT_TEXT_LEN];
			size_t		len = 0;

			bool		flat = res->fixed[0].score <= 0.05;

			list[0] = '\0';
			for (int i = 0; i < res->n_fixed; i++)
			{
				char		item[64];
				int			k = snprintf(item, sizeof(item), "%s%" PRIu32 " (%" PRIu64 " records)",
										 i ? ", " : "", res->fixed[i].lrecl,
										 res->fixed[i].records);

				if (len + k + 1 > sizeof(list) - 100)
					break;
				memcpy(list + len, item, k + 1);
				len += k;
			}
			add_finding(res, "fixed", "record lengths that divide the file size, %s: %s",
						flat ? "none of them more plausible than another" :
						"most plausible first", list);
		}
		else
			add_finding(res, "fixed", "no record length from 2 to %d divides the file size of %" PRIu64 " bytes",
						FIXED_MAX_LRECL, size);
		if (layout_length > 0)
		{
			if (size % layout_length == 0)
				add_finding(res, "layout", "the layout's record length %" PRIu32 " divides the file size: %" PRIu64 " records",
							layout_length, size / layout_length);
			else
				add_finding(res, "layout", "the layout's record length %" PRIu32 " does not divide the file size: "
							"%" PRIu64 " records leave %" PRIu64 " bytes over",
							layout_length, size / layout_length, size % layout_length);
		}
	}

	/* characters and lines */
	count_bytes(sample, n, res);
	add_finding(res, "charset", "the data looks like %s: %.0f%% of the bytes are ebcdic blanks, "
				"digits or letters, %.0f%% ascii ones, %.0f%% printable ascii",
				res->charset, 100.0 * res->ebcdic_ratio, 100.0 * res->ascii_ratio,
				100.0 * res->printable_ratio);
	if (res->lf + res->crlf + res->cr + res->nl15 + res->lf25 == 0)
		add_finding(res, "lines", "no line ends");
	else
	{
		add_finding(res, "lines", "line ends: %" PRIu64 " lf (X'0A'), %" PRIu64 " cr lf (X'0D0A'), %"
					PRIu64 " lone cr, %" PRIu64 " ebcdic nl (X'15'), %" PRIu64 " ebcdic lf (X'25')",
					res->lf, res->crlf, res->cr, res->nl15, res->lf25);
		if (res->line_length > 0)
			add_finding(res, "lines", "every line is %" PRIu32 " bytes long", res->line_length);
	}

	check_transfer(res, sample, n, claimed_ebcdic, claimed, layout_length);
	suggest(res, claimed_ebcdic, claimed, layout_length, size, size_known);
	return ZF_OK;
}
