/*-------------------------------------------------------------------------
 *
 * textscore.c
 *	  Rank the national EBCDIC pages by the letters they make of a text
 *	  sample (see textscore.h for the rule and why it works).
 *
 *-------------------------------------------------------------------------
 */
#include "diag/textscore.h"
#include "text/utf8.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/*
 * A national page and its language's letters (UTF-8): those that may
 * stand anywhere in a word, those seen only inside or at the start of a
 * word (German umlauts), and those seen mostly at its end (Italian
 * accented vowels: città, più, perché).  In preference order.
 */
typedef struct national_page
{
	const char *name;
	const char *any;
	const char *inner;
	const char *final;
} national_page;

#define DE "ß", "äöüÄÖÜ", NULL
#define DA "æøåÆØÅé", NULL, NULL
#define SV "äöåÄÖÅé", NULL, NULL
#define IT NULL, NULL, "àèìòùé"
#define ES "ñÑáéíóúü", NULL, NULL
#define FR "àâçéèêëîïôùûüÿÇÉÈ", NULL, NULL
#define IS "þÞðÐáéíóúýæöÁÉÍÓÚÝÆÖ", NULL, NULL

static const national_page national[ZF_TEXTSCORE_PAGES] = {
	{"cp037", NULL, NULL, NULL},
	{"cp1140", NULL, NULL, NULL},
	{"cp500", NULL, NULL, NULL},
	{"cp1148", NULL, NULL, NULL},
	{"cp1047", NULL, NULL, NULL},
	{"cp285", NULL, NULL, NULL},
	{"cp1146", NULL, NULL, NULL},
	{"cp273", DE},
	{"cp1141", DE},
	{"cp277", DA},
	{"cp1142", DA},
	{"cp278", SV},
	{"cp1143", SV},
	{"cp280", IT},
	{"cp1144", IT},
	{"cp284", ES},
	{"cp1145", ES},
	{"cp297", FR},
	{"cp1147", FR},
	{"cp871", IS},
	{"cp1149", IS},
};

static const char *national_names[ZF_TEXTSCORE_PAGES + 1];

/*
 * What the score needs of one page, per byte, worked out once per page
 * instead of for every byte of every sample: the character, and flags
 * for a letter, a letter of the page's language (anywhere, inside a
 * word, at its end), an accented letter (the shared-letter bonus) and
 * the euro sign.
 */
#define BC_LETTER	0x01
#define BC_ANY		0x02		/* in lang->any */
#define BC_INNER	0x04		/* in lang->inner */
#define BC_FINAL	0x08		/* in lang->final */
#define BC_ACCENT	0x10		/* b >= 0x41 and an accented letter */
#define BC_EURO		0x20

typedef struct page_table
{
	const zf_codepage *cp;
	uint32_t	ucs[256];
	uint8_t		cls[256];
} page_table;

/* Bytes where the national pages disagree, and the tables; built on first use. */
static bool variant_ready;
static bool variant[256];
static bool interesting[256];	/* variant, or an accented letter */
static uint32_t base_ucs[256];	/* what cp037, the reference, reads */
static page_table tables[ZF_TEXTSCORE_PAGES];

/* The EBCDIC letters every national page agrees on: a-i j-r s-z A-I J-R S-Z. */
static inline bool
invariant_letter(uint8_t b)
{
	return (b >= 0x81 && b <= 0x89) || (b >= 0x91 && b <= 0x99) ||
		(b >= 0xA2 && b <= 0xA9) || (b >= 0xC1 && b <= 0xC9) ||
		(b >= 0xD1 && b <= 0xD9) || (b >= 0xE2 && b <= 0xE9);
}

/* A letter of the Latin-1 range, the letters these pages hold. */
static inline bool
is_letter(uint32_t u)
{
	return (u >= 'A' && u <= 'Z') || (u >= 'a' && u <= 'z') ||
		(u >= 0xC0 && u <= 0xFF && u != 0xD7 && u != 0xF7);
}

/* Does the UTF-8 string set hold code point u? */
static bool
set_has(const char *set, uint32_t u)
{
	const uint8_t *p = (const uint8_t *) set;
	size_t		n;

	if (set == NULL)
		return false;
	n = strlen(set);
	while (n > 0)
	{
		uint32_t	c = 0;
		int			k = utf8_next(p, n, &c);

		if (k <= 0)
			return false;
		if (c == u)
			return true;
		p += k;
		n -= (size_t) k;
	}
	return false;
}

/* Fill the table of page cp with language lang (or NULL). */
static void
fill_table(page_table *t, const zf_codepage *cp, const national_page *lang)
{
	t->cp = cp;
	for (int b = 0; b < 256; b++)
	{
		uint32_t	u = zf_codepage_ucs(cp, (uint8_t) b);
		uint8_t		c = 0;

		t->ucs[b] = u;
		if (is_letter(u))
		{
			c |= BC_LETTER;
			if (lang != NULL && set_has(lang->any, u))
				c |= BC_ANY;
			if (lang != NULL && set_has(lang->inner, u))
				c |= BC_INNER;
			if (lang != NULL && set_has(lang->final, u))
				c |= BC_FINAL;
			if (b >= 0x41 && u >= 0xC0)
				c |= BC_ACCENT;
		}
		if (u == 0x20AC)
			c |= BC_EURO;
		t->cls[b] = c;
	}
}

/* Build the tables and mark the bytes the national pages read differently. */
static zf_status
build_variant(zf_error *err)
{
	if (variant_ready)
		return ZF_OK;
	for (int i = 0; i < ZF_TEXTSCORE_PAGES; i++)
	{
		const zf_codepage *cp = zf_codepage_lookup(national[i].name, err);

		if (cp == NULL)
			return err ? err->status : ZF_E_CODEPAGE;
		fill_table(&tables[i], cp, &national[i]);
	}
	for (int b = 0; b < 256; b++)
		base_ucs[b] = tables[0].ucs[b];
	for (int b = 0; b < 256; b++)
	{
		for (int i = 1; i < ZF_TEXTSCORE_PAGES; i++)
			if (tables[i].ucs[b] != tables[0].ucs[b])
				variant[b] = true;
		/* a byte no page reads differently has one class in all */
		interesting[b] = variant[b] || (tables[0].cls[b] & BC_ACCENT);
	}
	variant_ready = true;
	return ZF_OK;
}

const char *const *
zf_text_national_pages(void)
{
	for (int i = 0; i < ZF_TEXTSCORE_PAGES; i++)
		national_names[i] = national[i].name;
	national_names[ZF_TEXTSCORE_PAGES] = NULL;
	return national_names;
}

/* What scoring one page keeps besides its zf_text_score. */
typedef struct page_acc
{
	double		shared_bonus;
	uint32_t	native_varying;
} page_acc;

/*
 * Score byte i of the text (b, between prev and next) in the page of table
 * t (lang: whether the page has a language); the rule of textscore.h.
 */
static inline void
score_byte(const page_table *t, bool lang, const uint8_t *text, size_t n,
		   size_t i, zf_text_score *out, page_acc *acc)
{
	uint8_t		b = text[i];
	uint8_t		prev = i > 0 ? text[i - 1] : 0x40;
	uint8_t		next = i + 1 < n ? text[i + 1] : 0x40;
	uint8_t		c = t->cls[b];
	bool		native = false;

	if (!(c & BC_ACCENT) && !variant[b])
		return;
	/* is it a letter of the page's language, where it stands? */
	if (lang && (c & BC_LETTER))
	{
		bool		final = !invariant_letter(next) && !(t->cls[next] & BC_LETTER);

		native = (c & BC_ANY) || (!final && (c & BC_INNER)) ||
			(final && (c & BC_FINAL));
	}
	if (!variant[b])
	{
		/* an accented letter all pages agree on: which language? */
		if (native)
			acc->shared_bonus += 0.5;
		return;
	}
	if (invariant_letter(prev) || invariant_letter(next))
	{
		out->in_word++;
		if (c & BC_LETTER)
		{
			out->letters++;
			/* a letter of its language where cp037 reads another */
			if (native && t->ucs[b] != base_ucs[b])
			{
				acc->native_varying++;
				out->score += 2.0;
			}
			else
				out->score += 1.0;
		}
		else
		{
			out->odd++;
			out->score -= 2.0;
			if (out->odd_offset < 0)
				out->odd_offset = (int64_t) i;
		}
	}
	else if ((c & BC_EURO) &&
			 ((prev >= 0xF0 && prev <= 0xF9) || prev == 0x40 ||
			  (next >= 0xF0 && next <= 0xF9) || next == 0x40))
		out->score += 0.5;
}

/* Start a page's score. */
static void
score_start(const page_table *t, zf_text_score *out, page_acc *acc)
{
	memset(out, 0, sizeof(*out));
	out->page = zf_codepage_name(t->cp);
	out->odd_offset = -1;
	acc->shared_bonus = 0;
	acc->native_varying = 0;
}

/*
 * The shared accented letters count only for a page that has shown its
 * language where pages differ: else every Spanish name in an English file
 * would pull towards cp284.
 */
static void
score_finish(zf_text_score *out, const page_acc *acc)
{
	if (acc->native_varying > 0)
		out->score += acc->shared_bonus;
}

zf_status
zf_text_score_named(const char *page, const uint8_t *text, size_t n,
					zf_text_score *out, zf_error *err)
{
	const zf_codepage *cp;
	const page_table *t = NULL;
	page_table	own;
	page_acc	acc;
	int			pref = ZF_TEXTSCORE_PAGES;
	zf_status	st = build_variant(err);

	if (st != ZF_OK)
		return st;
	cp = zf_codepage_lookup(page, err);
	if (cp == NULL)
		return err ? err->status : ZF_E_CODEPAGE;
	if (zf_codepage_kind(cp) != ZF_CP_EBCDIC_SBCS)
		return zf_error_set(err, ZF_E_ARG,
							"code page \"%s\" is not a single-byte EBCDIC page",
							zf_codepage_name(cp));
	for (int i = 0; i < ZF_TEXTSCORE_PAGES; i++)
		if (tables[i].cp == cp)
		{
			t = &tables[i];
			pref = i;
		}
	if (t == NULL)
	{
		/* another EBCDIC page: no language of its own */
		fill_table(&own, cp, NULL);
		t = &own;
	}
	score_start(t, out, &acc);
	for (size_t i = 0; i < n; i++)
		score_byte(t, pref < ZF_TEXTSCORE_PAGES, text, n, i, out, &acc);
	score_finish(out, &acc);
	out->preference = pref;
	return ZF_OK;
}

/* Best first: higher score, then the more common page. */
static int
score_cmp(const void *a, const void *b)
{
	const zf_text_score *x = a;
	const zf_text_score *y = b;

	if (x->score != y->score)
		return x->score > y->score ? -1 : 1;
	return x->preference - y->preference;
}

/*
 * Every national page in one pass over the text: a byte that no page
 * reads differently and that is no accented letter (the letters A-Z, the
 * digits, the blank: most of any text) is passed over once for all.
 */
zf_status
zf_text_rank_pages(const uint8_t *text, size_t n, zf_text_score *out,
				   int *nout, zf_error *err)
{
	page_acc	acc[ZF_TEXTSCORE_PAGES];
	zf_status	st = build_variant(err);

	*nout = 0;
	if (st != ZF_OK)
		return st;
	for (int p = 0; p < ZF_TEXTSCORE_PAGES; p++)
		score_start(&tables[p], &out[p], &acc[p]);
	for (size_t i = 0; i < n; i++)
	{
		if (!interesting[text[i]])
			continue;
		for (int p = 0; p < ZF_TEXTSCORE_PAGES; p++)
			score_byte(&tables[p], national[p].any || national[p].inner || national[p].final,
					   text, n, i, &out[p], &acc[p]);
	}
	for (int p = 0; p < ZF_TEXTSCORE_PAGES; p++)
	{
		score_finish(&out[p], &acc[p]);
		out[p].preference = p;
	}
	*nout = ZF_TEXTSCORE_PAGES;
	qsort(out, ZF_TEXTSCORE_PAGES, sizeof(zf_text_score), score_cmp);
	return ZF_OK;
}

void
zf_text_sample(const zf_codepage *cp, const uint8_t *text, size_t n,
			   int64_t at, char *buf, size_t buflen)
{
	size_t		from,
				to,
				pos = 0;

	if (buflen == 0)
		return;
	buf[0] = '\0';
	if (n == 0)
		return;
	if (at < 0 || (size_t) at >= n)
		at = 0;
	/* from the start of the word (or two words back) to its end */
	from = (size_t) at;
	for (int words = 0; from > 0 && (size_t) at - from < ZF_TEXTSCORE_SAMPLE / 2; from--)
		if (text[from - 1] == 0x40 && ++words == 2)
			break;
	to = (size_t) at;
	while (to < n && to - from < ZF_TEXTSCORE_SAMPLE && text[to] != 0x40)
		to++;
	while (from < to && text[from] == 0x40)
		from++;
	for (size_t i = from; i < to; i++)
	{
		uint32_t	u = zf_codepage_ucs(cp, text[i]);
		uint8_t		tmp[4];
		int			k;

		if (u == ZF_CP_NO_CHAR || u < 0x20 || (u >= 0x7F && u < 0xA0))
			u = '?';
		if (u < 0x80)
		{
			tmp[0] = (uint8_t) u;
			k = 1;
		}
		else if (u < 0x800)
		{
			tmp[0] = (uint8_t) (0xC0 | (u >> 6));
			tmp[1] = (uint8_t) (0x80 | (u & 0x3F));
			k = 2;
		}
		else
		{
			tmp[0] = (uint8_t) (0xE0 | (u >> 12));
			tmp[1] = (uint8_t) (0x80 | ((u >> 6) & 0x3F));
			tmp[2] = (uint8_t) (0x80 | (u & 0x3F));
			k = 3;
		}
		if (pos + (size_t) k + 1 > buflen)
			break;
		memcpy(buf + pos, tmp, (size_t) k);
		pos += (size_t) k;
	}
	buf[pos] = '\0';
}
