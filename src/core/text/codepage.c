/*-------------------------------------------------------------------------
 *
 * codepage.c
 *	  EBCDIC and ASCII-family code pages to and from UTF-8.
 *
 * Single-byte pages are turned into a 256-entry table the first time they
 * are used, by asking glibc iconv for each byte in turn; from then on
 * decoding is a table walk that copies up to three UTF-8 bytes per source
 * byte.  Mixed single/double-byte pages keep one iconv descriptor per
 * direction whose shift state is reset on every call.  Nothing here
 * allocates after a page has been built: callers pass the output buffer.
 *
 * The list of pages below is the set of EBCDIC pages that glibc's iconv
 * implements (checked against "iconv -l": each single-byte one maps X'40'
 * to a space, X'C1' to "A" and X'F0' to "0"; each mixed one switches to
 * double-byte at X'0E').
 *
 *-------------------------------------------------------------------------
 */
#include "text/codepage.h"
#include "text/utf8.h"

#include <ctype.h>
#include <errno.h>
#include <iconv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define CP_UNMAPPED		0xFFFFFFFFu
#define EBCDIC_SO		0x0E
#define EBCDIC_SI		0x0F

/* The pages zfdw knows: a CCSID, the kind, and the canonical name. */
typedef struct page_def
{
	const char *name;
	int			ccsid;
	zf_cp_kind	kind;
} page_def;

static const page_def page_defs[] = {
	/* single-byte EBCDIC */
	{"cp037", 37, ZF_CP_EBCDIC_SBCS},
	{"cp038", 38, ZF_CP_EBCDIC_SBCS},
	{"cp256", 256, ZF_CP_EBCDIC_SBCS},
	{"cp273", 273, ZF_CP_EBCDIC_SBCS},
	{"cp274", 274, ZF_CP_EBCDIC_SBCS},
	{"cp275", 275, ZF_CP_EBCDIC_SBCS},
	{"cp277", 277, ZF_CP_EBCDIC_SBCS},
	{"cp278", 278, ZF_CP_EBCDIC_SBCS},
	{"cp280", 280, ZF_CP_EBCDIC_SBCS},
	{"cp281", 281, ZF_CP_EBCDIC_SBCS},
	{"cp284", 284, ZF_CP_EBCDIC_SBCS},
	{"cp285", 285, ZF_CP_EBCDIC_SBCS},
	{"cp290", 290, ZF_CP_EBCDIC_SBCS},
	{"cp297", 297, ZF_CP_EBCDIC_SBCS},
	{"cp420", 420, ZF_CP_EBCDIC_SBCS},
	{"cp423", 423, ZF_CP_EBCDIC_SBCS},
	{"cp424", 424, ZF_CP_EBCDIC_SBCS},
	{"cp500", 500, ZF_CP_EBCDIC_SBCS},
	{"cp803", 803, ZF_CP_EBCDIC_SBCS},
	{"cp870", 870, ZF_CP_EBCDIC_SBCS},
	{"cp871", 871, ZF_CP_EBCDIC_SBCS},
	{"cp875", 875, ZF_CP_EBCDIC_SBCS},
	{"cp880", 880, ZF_CP_EBCDIC_SBCS},
	{"cp905", 905, ZF_CP_EBCDIC_SBCS},
	{"cp918", 918, ZF_CP_EBCDIC_SBCS},
	{"cp1025", 1025, ZF_CP_EBCDIC_SBCS},
	{"cp1026", 1026, ZF_CP_EBCDIC_SBCS},
	{"cp1047", 1047, ZF_CP_EBCDIC_SBCS},
	{"cp1097", 1097, ZF_CP_EBCDIC_SBCS},
	{"cp1112", 1112, ZF_CP_EBCDIC_SBCS},
	{"cp1122", 1122, ZF_CP_EBCDIC_SBCS},
	{"cp1123", 1123, ZF_CP_EBCDIC_SBCS},
	{"cp1130", 1130, ZF_CP_EBCDIC_SBCS},
	{"cp1132", 1132, ZF_CP_EBCDIC_SBCS},
	{"cp1137", 1137, ZF_CP_EBCDIC_SBCS},
	{"cp1140", 1140, ZF_CP_EBCDIC_SBCS},
	{"cp1141", 1141, ZF_CP_EBCDIC_SBCS},
	{"cp1142", 1142, ZF_CP_EBCDIC_SBCS},
	{"cp1143", 1143, ZF_CP_EBCDIC_SBCS},
	{"cp1144", 1144, ZF_CP_EBCDIC_SBCS},
	{"cp1145", 1145, ZF_CP_EBCDIC_SBCS},
	{"cp1146", 1146, ZF_CP_EBCDIC_SBCS},
	{"cp1147", 1147, ZF_CP_EBCDIC_SBCS},
	{"cp1148", 1148, ZF_CP_EBCDIC_SBCS},
	{"cp1149", 1149, ZF_CP_EBCDIC_SBCS},
	{"cp1153", 1153, ZF_CP_EBCDIC_SBCS},
	{"cp1154", 1154, ZF_CP_EBCDIC_SBCS},
	{"cp1155", 1155, ZF_CP_EBCDIC_SBCS},
	{"cp1156", 1156, ZF_CP_EBCDIC_SBCS},
	{"cp1157", 1157, ZF_CP_EBCDIC_SBCS},
	{"cp1158", 1158, ZF_CP_EBCDIC_SBCS},
	{"cp1160", 1160, ZF_CP_EBCDIC_SBCS},
	{"cp1164", 1164, ZF_CP_EBCDIC_SBCS},
	{"cp1166", 1166, ZF_CP_EBCDIC_SBCS},
	{"cp4517", 4517, ZF_CP_EBCDIC_SBCS},
	{"cp4899", 4899, ZF_CP_EBCDIC_SBCS},
	{"cp4971", 4971, ZF_CP_EBCDIC_SBCS},
	{"cp9030", 9030, ZF_CP_EBCDIC_SBCS},
	{"cp12712", 12712, ZF_CP_EBCDIC_SBCS},
	{"cp16804", 16804, ZF_CP_EBCDIC_SBCS},
	/* mixed SBCS/DBCS EBCDIC, SO/SI shifted */
	{"cp930", 930, ZF_CP_EBCDIC_MIXED},
	{"cp933", 933, ZF_CP_EBCDIC_MIXED},
	{"cp935", 935, ZF_CP_EBCDIC_MIXED},
	{"cp937", 937, ZF_CP_EBCDIC_MIXED},
	{"cp939", 939, ZF_CP_EBCDIC_MIXED},
	{"cp1364", 1364, ZF_CP_EBCDIC_MIXED},
	{"cp1371", 1371, ZF_CP_EBCDIC_MIXED},
	{"cp1388", 1388, ZF_CP_EBCDIC_MIXED},
	{"cp1390", 1390, ZF_CP_EBCDIC_MIXED},
	{"cp1399", 1399, ZF_CP_EBCDIC_MIXED},
	/* already converted files; CCSIDs 367, 819 and 1208 */
	{"ascii", 367, ZF_CP_ASCII},
	{"latin1", 819, ZF_CP_ASCII},
	{"utf8", 1208, ZF_CP_UTF8},
};

#define N_PAGES (sizeof(page_defs) / sizeof(page_defs[0]))

/* Alternative spellings of the non-EBCDIC pages. */
static const struct
{
	const char *alias;
	const char *name;
}			page_aliases[] = {
	{"us-ascii", "ascii"},
	{"latin-1", "latin1"},
	{"iso-8859-1", "latin1"},
	{"iso8859-1", "latin1"},
	{"iso88591", "latin1"},
	{"iso_8859-1", "latin1"},
	{"utf-8", "utf8"},
};

/* One non-ASCII entry of the reverse table of a single-byte page. */
typedef struct rev_entry
{
	uint32_t	ucs;
	uint8_t		byte;
} rev_entry;

struct zf_codepage
{
	const page_def *def;
	zf_sbcs_table sbcs;			/* single-byte pages (EBCDIC and ASCII) */
	uint32_t	ucs[256];		/* code point per byte, CP_UNMAPPED if none */
	rev_entry	rev[256];		/* sorted by ucs, code points >= 0x80 */
	int			nrev;
	iconv_t		to_utf8;		/* mixed pages */
	iconv_t		from_utf8;		/* mixed pages, opened on first encode */
	bool		sub_byte[256];	/* mixed pages: single bytes that iconv
								 * turns into U+001A although they are not
								 * SUB (X'3F'): unassigned in the page */
};

/* Pages built so far, by index into page_defs. */
static zf_codepage *page_cache[N_PAGES];

static zf_status utf8_validate_copy(const uint8_t *src, size_t n, char *dst,
									size_t dstcap, size_t *dstlen,
									zf_error *err);

/* Write code point v as UTF-8 at d (room for 4 bytes); returns the length. */
static inline int
utf8_put(uint8_t *d, uint32_t v)
{
	if (v < 0x80)
	{
		d[0] = (uint8_t) v;
		return 1;
	}
	if (v < 0x800)
	{
		d[0] = (uint8_t) (0xC0 | (v >> 6));
		d[1] = (uint8_t) (0x80 | (v & 0x3F));
		return 2;
	}
	if (v < 0x10000)
	{
		d[0] = (uint8_t) (0xE0 | (v >> 12));
		d[1] = (uint8_t) (0x80 | ((v >> 6) & 0x3F));
		d[2] = (uint8_t) (0x80 | (v & 0x3F));
		return 3;
	}
	d[0] = (uint8_t) (0xF0 | (v >> 18));
	d[1] = (uint8_t) (0x80 | ((v >> 12) & 0x3F));
	d[2] = (uint8_t) (0x80 | ((v >> 6) & 0x3F));
	d[3] = (uint8_t) (0x80 | (v & 0x3F));
	return 4;
}

/* The iconv name of an EBCDIC page: "IBM037", "IBM1140". */
static void
iconv_name(const page_def *def, char *buf, size_t len)
{
	snprintf(buf, len, "IBM%03d", def->ccsid);
}

/* Order reverse-table entries by code point, for bsearch. */
static int
rev_cmp(const void *a, const void *b)
{
	uint32_t	x = ((const rev_entry *) a)->ucs;
	uint32_t	y = ((const rev_entry *) b)->ucs;

	return x < y ? -1 : x > y;
}

/*
 * Fill the per-byte tables of a single-byte page from ucs[], which the
 * caller has set.  U+0000 gets utf8_len 0 like an unmapped byte, so that an
 * inlined decoding loop falls into its error path for it (see codepage.h).
 */
static void
finish_sbcs(zf_codepage *cp)
{
	zf_sbcs_table *t = &cp->sbcs;

	memset(t->from_unicode_ascii, 0xFF, sizeof(t->from_unicode_ascii));
	cp->nrev = 0;
	for (int b = 0; b < 256; b++)
	{
		uint32_t	u = cp->ucs[b];

		memset(t->utf8[b], 0, 4);
		if (u == CP_UNMAPPED || u == 0)
			t->utf8_len[b] = 0;
		else
			t->utf8_len[b] = (uint8_t) utf8_put(t->utf8[b], u);
		if (u == CP_UNMAPPED)
			continue;
		if (u < 0x80)
		{
			/* keep the first byte when two bytes map to one character */
			if (t->from_unicode_ascii[u] < 0)
				t->from_unicode_ascii[u] = (int16_t) b;
		}
		else
		{
			bool		dup = false;

			for (int i = 0; i < cp->nrev; i++)
				if (cp->rev[i].ucs == u)
					dup = true;
			if (!dup)
			{
				cp->rev[cp->nrev].ucs = u;
				cp->rev[cp->nrev].byte = (uint8_t) b;
				cp->nrev++;
			}
		}
	}
	qsort(cp->rev, cp->nrev, sizeof(rev_entry), rev_cmp);
}

/*
 * Build the table of a single-byte EBCDIC page by converting each byte
 * alone through iconv.  A byte iconv rejects stays unmapped.
 */
static zf_status
build_sbcs_ebcdic(zf_codepage *cp, zf_error *err)
{
	char		name[32];
	iconv_t		cd;

	iconv_name(cp->def, name, sizeof(name));
	cd = iconv_open("UTF-8", name);
	if (cd == (iconv_t) -1)
	{
		zf_error_set(err, ZF_E_CODEPAGE,
					 "code page \"%s\" is not available in this system's iconv",
					 cp->def->name);
		zf_error_detail(err, "iconv_open(\"UTF-8\", \"%s\") failed: %s.",
						name, strerror(errno));
		return ZF_E_CODEPAGE;
	}
	for (int b = 0; b < 256; b++)
	{
		char		in[1] = {(char) b};
		uint8_t		out[8];
		char	   *ip = in;
		char	   *op = (char *) out;
		size_t		il = 1;
		size_t		ol = sizeof(out);
		uint32_t	u = 0;

		cp->ucs[b] = CP_UNMAPPED;
		iconv(cd, NULL, NULL, NULL, NULL);
		if (iconv(cd, &ip, &il, &op, &ol) == (size_t) -1)
			continue;
		/* exactly one character out, else treat the byte as unmapped */
		if (op == (char *) out ||
			utf8_next(out, (size_t) (op - (char *) out), &u) !=
			op - (char *) out)
			continue;
		cp->ucs[b] = u;
	}
	iconv_close(cd);
	finish_sbcs(cp);
	return ZF_OK;
}

/* ascii: 7-bit only; latin1: byte b is U+00bb. */
static void
build_sbcs_ascii(zf_codepage *cp)
{
	bool		latin1 = (cp->def->ccsid == 819);

	for (int b = 0; b < 256; b++)
		cp->ucs[b] = (b < 0x80 || latin1) ? (uint32_t) b : CP_UNMAPPED;
	finish_sbcs(cp);
}

/*
 * Open the decoding descriptor of a mixed page, and find the single-byte
 * codes that glibc silently turns into SUB (U+001A) instead of refusing
 * them (the unassigned bytes of cp1390 and cp1399): mixed_decode refuses
 * them itself.
 */
static zf_status
build_mixed(zf_codepage *cp, zf_error *err)
{
	char		name[32];

	iconv_name(cp->def, name, sizeof(name));
	cp->to_utf8 = iconv_open("UTF-8", name);
	if (cp->to_utf8 == (iconv_t) -1)
	{
		zf_error_set(err, ZF_E_CODEPAGE,
					 "code page \"%s\" is not available in this system's iconv",
					 cp->def->name);
		zf_error_detail(err, "iconv_open(\"UTF-8\", \"%s\") failed: %s.",
						name, strerror(errno));
		return ZF_E_CODEPAGE;
	}
	for (int b = 0; b < 256; b++)
	{
		char		in[1] = {(char) b};
		char		out[8];
		char	   *ip = in;
		char	   *op = out;
		size_t		il = 1;
		size_t		ol = sizeof(out);

		if (b == 0x3F || b == EBCDIC_SO || b == EBCDIC_SI)
			continue;
		iconv(cp->to_utf8, NULL, NULL, NULL, NULL);
		if (iconv(cp->to_utf8, &ip, &il, &op, &ol) != (size_t) -1 &&
			op - out == 1 && out[0] == 0x1A)
			cp->sub_byte[b] = true;
	}
	return ZF_OK;
}

/*
 * Turn a user-supplied name into an index of page_defs, or -1.  Accepted:
 * "cp037", "CP37", "ibm037", "IBM-037", "ibm_37", "ccsid37", "37", "037",
 * and the names and aliases of ascii, latin1 and utf8.
 */
static int
find_page(const char *name)
{
	char		low[40];
	size_t		len = strlen(name);
	const char *p;
	long		ccsid = 0;
	int			digits = 0;

	if (len == 0 || len >= sizeof(low))
		return -1;
	for (size_t i = 0; i <= len; i++)
		low[i] = (char) tolower((unsigned char) name[i]);

	for (size_t i = 0; i < sizeof(page_aliases) / sizeof(page_aliases[0]); i++)
		if (strcmp(low, page_aliases[i].alias) == 0)
			memcpy(low, page_aliases[i].name, strlen(page_aliases[i].name) + 1);
	for (size_t i = 0; i < N_PAGES; i++)
		if (strcmp(low, page_defs[i].name) == 0)
			return (int) i;

	p = low;
	if (strncmp(p, "ccsid", 5) == 0)
		p += 5;
	else if (strncmp(p, "ibm", 3) == 0)
		p += 3;
	else if (strncmp(p, "cp", 2) == 0)
		p += 2;
	if (p != low && (*p == '-' || *p == '_'))
		p++;
	for (; *p; p++)
	{
		if (!isdigit((unsigned char) *p) || ++digits > 5)
			return -1;
		ccsid = ccsid * 10 + (*p - '0');
	}
	if (digits == 0)
		return -1;
	for (size_t i = 0; i < N_PAGES; i++)
		if (page_defs[i].ccsid == ccsid)
			return (int) i;
	return -1;
}

/* Find, and on first use build, a code page by name or CCSID. */
const zf_codepage *
zf_codepage_lookup(const char *name, zf_error *err)
{
	int			idx;
	zf_codepage *cp;
	zf_status	st = ZF_OK;

	if (name == NULL)
	{
		zf_error_set(err, ZF_E_ARG, "code page name is missing");
		return NULL;
	}
	idx = find_page(name);
	if (idx < 0)
	{
		zf_error_set(err, ZF_E_CODEPAGE, "unknown code page \"%s\"", name);
		zf_error_hint(err, "Use a CCSID that glibc iconv implements, such as "
					  "cp037, cp1047, cp500, cp273, cp1140 or cp930, or "
					  "ascii, latin1 or utf8.");
		return NULL;
	}
	if (page_cache[idx] != NULL)
		return page_cache[idx];

	cp = calloc(1, sizeof(zf_codepage));
	if (cp == NULL)
	{
		zf_error_set(err, ZF_E_NOMEM, "out of memory building code page \"%s\"",
					 page_defs[idx].name);
		return NULL;
	}
	cp->def = &page_defs[idx];
	cp->to_utf8 = (iconv_t) -1;
	cp->from_utf8 = (iconv_t) -1;
	switch (cp->def->kind)
	{
		case ZF_CP_EBCDIC_SBCS:
			st = build_sbcs_ebcdic(cp, err);
			break;
		case ZF_CP_EBCDIC_MIXED:
			st = build_mixed(cp, err);
			break;
		case ZF_CP_ASCII:
			build_sbcs_ascii(cp);
			break;
		case ZF_CP_UTF8:
			break;
	}
	if (st != ZF_OK)
	{
		free(cp);
		return NULL;
	}
	page_cache[idx] = cp;
	return cp;
}

const char *
zf_codepage_name(const zf_codepage *cp)
{
	return cp->def->name;
}

zf_cp_kind
zf_codepage_kind(const zf_codepage *cp)
{
	return cp->def->kind;
}

bool
zf_codepage_is_ebcdic(const zf_codepage *cp)
{
	return cp->def->kind == ZF_CP_EBCDIC_SBCS ||
		cp->def->kind == ZF_CP_EBCDIC_MIXED;
}

zf_charset
zf_codepage_charset(const zf_codepage *cp)
{
	return zf_codepage_is_ebcdic(cp) ? ZF_CHARSET_EBCDIC : ZF_CHARSET_ASCII;
}

uint8_t
zf_codepage_space(const zf_codepage *cp)
{
	return zf_codepage_is_ebcdic(cp) ? 0x40 : 0x20;
}

/* See codepage.h. */
uint8_t
zf_codepage_zero(const zf_codepage *cp)
{
	return zf_codepage_is_ebcdic(cp) ? 0xF0 : 0x30;
}

/* See codepage.h. */
uint8_t
zf_codepage_newline(const zf_codepage *cp)
{
	return zf_codepage_is_ebcdic(cp) ? ZF_EBCDIC_NL : ZF_ASCII_LF;
}

/* Worst case UTF-8 growth: 3 bytes per source byte covers every page. */
size_t
zf_codepage_utf8_bound(const zf_codepage *cp, size_t n)
{
	size_t		per;

	switch (cp->def->kind)
	{
		case ZF_CP_UTF8:
			per = 1;
			break;
		case ZF_CP_ASCII:
			per = cp->def->ccsid == 819 ? 2 : 1;
			break;
		default:
			per = 3;
			break;
	}
	if (n > SIZE_MAX / per)
		return SIZE_MAX;
	return n * per;
}

/* Upper bound of page bytes produced from n UTF-8 bytes. */
size_t
zf_codepage_encode_bound(const zf_codepage *cp, size_t n)
{
	/* a mixed page can need SO + 2 bytes + SI for a 2-byte UTF-8 char */
	if (cp->def->kind == ZF_CP_EBCDIC_MIXED)
		return n > (SIZE_MAX - 1) / 2 ? SIZE_MAX : 2 * n + 1;
	return n;
}

/* The error for a byte that decodes to U+0000. */
static zf_status
nul_error(zf_error *err, size_t offset)
{
	if (err == NULL)
		return ZF_E_BAD_DATA;
	zf_error_set(err, ZF_E_BAD_DATA,
				 "low-value byte X'00' at offset %zu cannot be stored as text",
				 offset);
	zf_error_detail(err, "PostgreSQL text cannot contain the character U+0000.");
	zf_error_hint(err, "Read the field as bytea, or use null_if 'low_values' "
				  "when the whole field holds low-values.");
	err->offset = (int64_t) offset;
	return ZF_E_BAD_DATA;
}

/* The error for the destination buffer being too small (a caller bug). */
static zf_status
dst_error(zf_error *err, size_t dstcap)
{
	return zf_error_set(err, ZF_E_ARG,
						"output buffer of %zu bytes is too small for the decoded text",
						dstcap);
}

/* Single-byte decoding by table, with the error paths. */
static zf_status
sbcs_decode(const zf_codepage *cp, const uint8_t *src, size_t n, char *dst,
			size_t dstcap, size_t *dstlen, zf_error *err)
{
	const zf_sbcs_table *t = &cp->sbcs;
	uint8_t    *d = (uint8_t *) dst;
	size_t		pos = 0;
	size_t		i = 0;

	/* fast loop: always room for a whole 4-byte table entry */
	while (i < n && dstcap - pos >= 4)
	{
		uint8_t		b = src[i];
		unsigned	len = t->utf8_len[b];

		if (len == 0)
			goto bad;
		memcpy(d + pos, t->utf8[b], 4);
		pos += len;
		i++;
	}
	for (; i < n; i++)
	{
		uint8_t		b = src[i];
		unsigned	len = t->utf8_len[b];

		if (len == 0)
			goto bad;
		if (dstcap - pos < len)
			return dst_error(err, dstcap);
		memcpy(d + pos, t->utf8[b], len);
		pos += len;
	}
	*dstlen = pos;
	return ZF_OK;

bad:
	if (cp->ucs[src[i]] == 0)
		return nul_error(err, i);
	if (err != NULL)
	{
		zf_error_set(err, ZF_E_CODEPAGE,
					 "byte X'%02X' at offset %zu is not a character in code page %s",
					 src[i], i, cp->def->name);
		if (cp->def->kind == ZF_CP_ASCII && src[i] >= 0x80)
			zf_error_hint(err, "The file has bytes above X'7F': try codepage "
						  "latin1 or utf8, or an EBCDIC code page.");
		err->offset = (int64_t) i;
	}
	return ZF_E_CODEPAGE;
}

/*
 * Find the offset of the byte that produced a U+0000 in mixed data: the
 * first X'00' met in single-byte state (repeated shifts are tolerated as
 * iconv does).
 */
static size_t
mixed_nul_offset(const uint8_t *src, size_t n, bool dbcs)
{
	size_t		i = 0;

	while (i < n)
	{
		if (src[i] == EBCDIC_SO)
			dbcs = true, i++;
		else if (src[i] == EBCDIC_SI)
			dbcs = false, i++;
		else if (dbcs)
		{
			if (i + 1 < n && src[i] == 0 && src[i + 1] == 0)
				return i;
			i += 2;
		}
		else if (src[i] == 0)
			return i;
		else
			i++;
	}
	return 0;
}

/*
 * The first single-byte code of mixed data that the page does not assign
 * (see build_mixed), or -1.  Only called when the output holds a U+001A.
 */
static ptrdiff_t
mixed_sub_offset(const zf_codepage *cp, const uint8_t *src, size_t n,
				 bool dbcs)
{
	size_t		i = 0;

	while (i < n)
	{
		if (src[i] == EBCDIC_SO)
			dbcs = true, i++;
		else if (src[i] == EBCDIC_SI)
			dbcs = false, i++;
		else if (dbcs)
			i += 2;
		else if (cp->sub_byte[src[i]])
			return (ptrdiff_t) i;
		else
			i++;
	}
	return -1;
}

/*
 * Decode mixed data through the page's iconv descriptor.  With start_dbcs
 * the descriptor is first shifted into double-byte state by feeding it an
 * SO, so that pure DBCS data needs no copy.
 */
static zf_status
mixed_decode(const zf_codepage *cp, const uint8_t *src, size_t n,
			 bool start_dbcs, char *dst, size_t dstcap, size_t *dstlen,
			 zf_error *err)
{
	iconv_t		cd = cp->to_utf8;
	char	   *ip = (char *) src;
	size_t		il = n;
	char	   *op = dst;
	size_t		ol = dstcap;
	size_t		outlen;

	iconv(cd, NULL, NULL, NULL, NULL);
	if (start_dbcs)
	{
		char		so[1] = {EBCDIC_SO};
		char	   *sp = so;
		size_t		sl = 1;

		iconv(cd, &sp, &sl, &op, &ol);
	}
	if (n > 0 && iconv(cd, &ip, &il, &op, &ol) == (size_t) -1)
	{
		int			e = errno;
		size_t		off = (size_t) ((const uint8_t *) ip - src);
		char		hex[16];

		if (e == E2BIG)
			return dst_error(err, dstcap);
		if (err == NULL)
			return ZF_E_CODEPAGE;
		zf_hex(hex, sizeof(hex), src + off, n - off < 2 ? n - off : 2, 2);
		if (e == EINVAL)
			zf_error_set(err, ZF_E_CODEPAGE,
						 "incomplete double-byte character X'%s' at offset %zu in code page %s",
						 hex, off, cp->def->name);
		else
			zf_error_set(err, ZF_E_CODEPAGE,
						 "bytes X'%s' at offset %zu are not a character in code page %s",
						 hex, off, cp->def->name);
		zf_error_detail(err, "Mixed data switches to double-byte characters "
						"at X'0E' (shift-out) and back at X'0F' (shift-in).");
		err->offset = (int64_t) off;
		return ZF_E_CODEPAGE;
	}
	outlen = (size_t) (op - dst);
	if (memchr(dst, 0, outlen) != NULL)
		return nul_error(err, mixed_nul_offset(src, n, start_dbcs));
	if (memchr(dst, 0x1A, outlen) != NULL)
	{
		ptrdiff_t	bad = mixed_sub_offset(cp, src, n, start_dbcs);

		if (bad >= 0)
		{
			zf_error_set(err, ZF_E_CODEPAGE,
						 "byte X'%02X' at offset %zu is not a character in code page %s",
						 src[bad], (size_t) bad, cp->def->name);
			if (err)
				err->offset = (int64_t) bad;
			return ZF_E_CODEPAGE;
		}
	}
	*dstlen = outlen;
	return ZF_OK;
}

/* Decode text of any page into UTF-8. */
zf_status
zf_codepage_decode(const zf_codepage *cp, const uint8_t *src, size_t n,
				   char *dst, size_t dstcap, size_t *dstlen, zf_error *err)
{
	switch (cp->def->kind)
	{
		case ZF_CP_EBCDIC_SBCS:
		case ZF_CP_ASCII:
			return sbcs_decode(cp, src, n, dst, dstcap, dstlen, err);
		case ZF_CP_EBCDIC_MIXED:
			return mixed_decode(cp, src, n, false, dst, dstcap, dstlen, err);
		case ZF_CP_UTF8:
			return utf8_validate_copy(src, n, dst, dstcap, dstlen, err);
	}
	return zf_error_set(err, ZF_E_ARG, "invalid code page");
}

/*
 * Decode pure double-byte data of a mixed page.  Shift bytes cannot occur
 * in it: X'0E' or X'0F' in a character is an error rather than a shift.
 */
zf_status
zf_codepage_decode_dbcs(const zf_codepage *cp, const uint8_t *src, size_t n,
						char *dst, size_t dstcap, size_t *dstlen,
						zf_error *err)
{
	if (cp->def->kind != ZF_CP_EBCDIC_MIXED)
		return zf_error_set(err, ZF_E_ARG,
							"code page %s has no double-byte characters",
							cp->def->name);
	if (n % 2 != 0)
	{
		zf_error_set(err, ZF_E_BAD_DATA,
					 "double-byte data has an odd length of %zu bytes", n);
		if (err)
			err->offset = (int64_t) n - 1;
		return ZF_E_BAD_DATA;
	}
	for (size_t i = 0; i < n; i++)
	{
		if (src[i] == EBCDIC_SO || src[i] == EBCDIC_SI)
		{
			size_t		at = i & ~(size_t) 1;

			if (err)
			{
				zf_error_set(err, ZF_E_CODEPAGE,
							 "bytes X'%02X%02X' at offset %zu are not a double-byte character in code page %s",
							 src[at], src[at + 1], at, cp->def->name);
				zf_error_detail(err, "Shift bytes X'0E' and X'0F' cannot "
								"appear in pure double-byte data.");
				err->offset = (int64_t) at;
			}
			return ZF_E_CODEPAGE;
		}
	}
	return mixed_decode(cp, src, n, true, dst, dstcap, dstlen, err);
}

/* Validate UTF-8 and copy it; U+0000 is refused as everywhere else. */
static zf_status
utf8_validate_copy(const uint8_t *src, size_t n, char *dst, size_t dstcap,
				   size_t *dstlen, zf_error *err)
{
	size_t		i = 0;

	if (n > dstcap)
		return dst_error(err, dstcap);
	while (i < n)
	{
		uint32_t	u;
		int			len;

		if (src[i] >= 0x01 && src[i] < 0x80)
		{
			i++;
			continue;
		}
		if (src[i] == 0)
			return nul_error(err, i);
		len = utf8_next(src + i, n - i, &u);
		if (len == 0)
		{
			if (err)
			{
				char		hex[16];

				zf_hex(hex, sizeof(hex), src + i, n - i < 4 ? n - i : 4, 4);
				zf_error_set(err, ZF_E_CODEPAGE,
							 "invalid UTF-8 byte sequence at offset %zu", i);
				zf_error_detail(err, "Bytes found: %s.", hex);
				err->offset = (int64_t) i;
			}
			return ZF_E_CODEPAGE;
		}
		i += len;
	}
	memcpy(dst, src, n);
	*dstlen = n;
	return ZF_OK;
}

/* Decode UTF-16BE (national data) into UTF-8, validating surrogates. */
zf_status
zf_utf16be_decode(const uint8_t *src, size_t n, char *dst, size_t dstcap,
				  size_t *dstlen, zf_error *err)
{
	uint8_t    *d = (uint8_t *) dst;
	size_t		pos = 0;

	if (n % 2 != 0)
	{
		zf_error_set(err, ZF_E_BAD_DATA,
					 "UTF-16 data has an odd length of %zu bytes", n);
		if (err)
			err->offset = (int64_t) n - 1;
		return ZF_E_BAD_DATA;
	}
	for (size_t i = 0; i < n; i += 2)
	{
		uint32_t	u = ((uint32_t) src[i] << 8) | src[i + 1];

		if (u == 0)
			return nul_error(err, i);
		if (u >= 0xD800 && u <= 0xDFFF)
		{
			uint32_t	lo = 0;

			if (u <= 0xDBFF && i + 3 < n)
				lo = ((uint32_t) src[i + 2] << 8) | src[i + 3];
			if (u > 0xDBFF || lo < 0xDC00 || lo > 0xDFFF)
			{
				if (err)
				{
					zf_error_set(err, ZF_E_CODEPAGE,
								 "unpaired UTF-16 surrogate X'%04X' at offset %zu",
								 u, i);
					err->offset = (int64_t) i;
				}
				return ZF_E_CODEPAGE;
			}
			u = 0x10000 + ((u - 0xD800) << 10) + (lo - 0xDC00);
			i += 2;
		}
		if (dstcap - pos < 4)
		{
			uint8_t		tmp[4];
			int			len = utf8_put(tmp, u);

			if (dstcap - pos < (size_t) len)
				return dst_error(err, dstcap);
			memcpy(d + pos, tmp, len);
			pos += len;
		}
		else
			pos += utf8_put(d + pos, u);
	}
	*dstlen = pos;
	return ZF_OK;
}

/* The error for a character a page cannot hold. */
static zf_status
unmappable_error(const zf_codepage *cp, zf_error *err, uint32_t u,
				 size_t offset)
{
	if (err == NULL)
		return ZF_E_CODEPAGE;
	zf_error_set(err, ZF_E_CODEPAGE,
				 "character U+%04X at offset %zu cannot be represented in code page %s",
				 (unsigned) u, offset, cp->def->name);
	err->offset = (int64_t) offset;
	return ZF_E_CODEPAGE;
}

/* The error for invalid UTF-8 given to an encoder. */
static zf_status
bad_utf8_error(zf_error *err, const char *src, size_t n, size_t offset)
{
	char		hex[16];

	if (err == NULL)
		return ZF_E_BAD_DATA;
	zf_hex(hex, sizeof(hex), (const uint8_t *) src + offset,
		   n - offset < 4 ? n - offset : 4, 4);
	zf_error_set(err, ZF_E_BAD_DATA, "invalid UTF-8 byte sequence at offset %zu",
				 offset);
	zf_error_detail(err, "Bytes found: %s.", hex);
	err->offset = (int64_t) offset;
	return ZF_E_BAD_DATA;
}

/* Encode through a single-byte table (EBCDIC or ascii/latin1). */
static zf_status
sbcs_encode(const zf_codepage *cp, const char *src, size_t n, uint8_t *dst,
			size_t dstcap, size_t *dstlen, zf_error *err)
{
	const uint8_t *s = (const uint8_t *) src;
	size_t		pos = 0;
	size_t		i = 0;

	while (i < n)
	{
		uint32_t	u;
		int			len = utf8_next(s + i, n - i, &u);
		int			byte = -1;

		if (len == 0)
			return bad_utf8_error(err, src, n, i);
		if (u < 0x80)
			byte = cp->sbcs.from_unicode_ascii[u];
		else
		{
			rev_entry	key = {u, 0};
			const rev_entry *hit = bsearch(&key, cp->rev, cp->nrev,
										   sizeof(rev_entry), rev_cmp);

			if (hit != NULL)
				byte = hit->byte;
		}
		if (byte < 0)
			return unmappable_error(cp, err, u, i);
		if (pos >= dstcap)
			return dst_error(err, dstcap);
		dst[pos++] = (uint8_t) byte;
		i += len;
	}
	*dstlen = pos;
	return ZF_OK;
}

/*
 * The offset of the first character of src (UTF-8, n bytes) that the
 * encoded bytes enc do not give back when decoded, or n when they give
 * back exactly src.  Decodes in chunks into a small buffer, so that the
 * check needs no allocation.
 */
static size_t
mixed_mismatch(const zf_codepage *cp, const char *src, size_t n,
			   const uint8_t *enc, size_t enclen)
{
	char	   *dp = (char *) enc;
	size_t		dl = enclen;
	size_t		pos = 0;		/* src bytes matched so far */
	bool		failed = false;

	iconv(cp->to_utf8, NULL, NULL, NULL, NULL);
	for (;;)
	{
		char		back[256];
		char	   *bp = back;
		size_t		bl = sizeof(back);
		size_t		got;
		size_t		r;

		r = dl > 0 ? iconv(cp->to_utf8, &dp, &dl, &bp, &bl) : 0;
		if (r == (size_t) -1 && errno != E2BIG)
			failed = true;
		got = (size_t) (bp - back);
		for (size_t k = 0; k < got && !failed; k++)
		{
			if (pos >= n || src[pos] != back[k])
				failed = true;
			else
				pos++;
		}
		if (failed || dl == 0)
			break;
	}
	if (!failed && pos == n)
		return n;
	/* back up to the start of the character holding the first difference */
	if (pos > n)
		pos = n;
	while (pos > 0 && pos < n && ((uint8_t) src[pos] & 0xC0) == 0x80)
		pos--;
	return pos < n ? pos : 0;
}

/*
 * Encode into a mixed page through iconv, which inserts SO/SI itself.
 *
 * glibc's converters for these pages do not refuse every character they
 * cannot represent: some become SUB (X'3F'; U+000E and U+000F among them,
 * which would otherwise be shift codes), some a look-alike ("best fit",
 * U+005C as X'B2' in cp937).  So the result is decoded again and compared
 * with the text: a character that does not come back is refused.
 */
static zf_status
mixed_encode(zf_codepage *cp, const char *src, size_t n, uint8_t *dst,
			 size_t dstcap, size_t *dstlen, zf_error *err)
{
	char	   *ip = (char *) src;
	size_t		il = n;
	char	   *op = (char *) dst;
	size_t		ol = dstcap;
	size_t		bad;
	uint32_t	u = 0;

	if (cp->from_utf8 == (iconv_t) -1)
	{
		char		name[32];

		iconv_name(cp->def, name, sizeof(name));
		cp->from_utf8 = iconv_open(name, "UTF-8");
		if (cp->from_utf8 == (iconv_t) -1)
			return zf_error_set(err, ZF_E_CODEPAGE,
								"code page \"%s\" cannot be encoded by this system's iconv",
								cp->def->name);
	}
	iconv(cp->from_utf8, NULL, NULL, NULL, NULL);
	if (iconv(cp->from_utf8, &ip, &il, &op, &ol) == (size_t) -1 ||
		iconv(cp->from_utf8, NULL, NULL, &op, &ol) == (size_t) -1)
	{
		int			e = errno;
		size_t		off = (size_t) (ip - src);

		if (e == E2BIG)
			return dst_error(err, dstcap);
		if (utf8_next((const uint8_t *) src + off, n - off, &u) == 0)
			return bad_utf8_error(err, src, n, off);
		return unmappable_error(cp, err, u, off);
	}
	bad = mixed_mismatch(cp, src, n, dst, (size_t) (op - (char *) dst));
	if (bad < n)
	{
		if (utf8_next((const uint8_t *) src + bad, n - bad, &u) == 0)
			return bad_utf8_error(err, src, n, bad);
		return unmappable_error(cp, err, u, bad);
	}
	*dstlen = (size_t) (op - (char *) dst);
	return ZF_OK;
}

/* Encode UTF-8 into a page. */
zf_status
zf_codepage_encode(const zf_codepage *cp, const char *src, size_t n,
				   uint8_t *dst, size_t dstcap, size_t *dstlen, zf_error *err)
{
	switch (cp->def->kind)
	{
		case ZF_CP_EBCDIC_SBCS:
		case ZF_CP_ASCII:
			return sbcs_encode(cp, src, n, dst, dstcap, dstlen, err);
		case ZF_CP_EBCDIC_MIXED:
			/* the descriptor is lazily opened: the cache entry is ours */
			return mixed_encode((zf_codepage *) cp, src, n, dst, dstcap,
								dstlen, err);
		case ZF_CP_UTF8:
			{
				zf_status	st;

				st = utf8_validate_copy((const uint8_t *) src, n, (char *) dst,
										dstcap, dstlen, err);
				if (st == ZF_E_CODEPAGE && err)
					err->status = ZF_E_BAD_DATA;
				return st == ZF_E_CODEPAGE ? ZF_E_BAD_DATA : st;
			}
	}
	return zf_error_set(err, ZF_E_ARG, "invalid code page");
}

/* The per-byte table of a single-byte page, NULL for mixed and UTF-8. */
const zf_sbcs_table *
zf_codepage_sbcs(const zf_codepage *cp)
{
	if (cp->def->kind == ZF_CP_EBCDIC_SBCS || cp->def->kind == ZF_CP_ASCII)
		return &cp->sbcs;
	return NULL;
}

/*
 * The code point byte b decodes to in a single-byte page, or
 * ZF_CP_NO_CHAR when the page does not map it (and for mixed and UTF-8
 * pages, where one byte is not one character).
 */
uint32_t
zf_codepage_ucs(const zf_codepage *cp, uint8_t b)
{
	if (cp->def->kind == ZF_CP_EBCDIC_SBCS || cp->def->kind == ZF_CP_ASCII)
		return cp->ucs[b];
	return ZF_CP_NO_CHAR;
}

/* Canonical names of every page zfdw knows, NULL-terminated. */
const char *const *
zf_codepage_known_names(void)
{
	static const char *names[N_PAGES + 1];

	if (names[0] == NULL)
	{
		for (size_t i = 0; i < N_PAGES; i++)
			names[i] = page_defs[i].name;
		names[N_PAGES] = NULL;
	}
	return names;
}
