/*-------------------------------------------------------------------------
 *
 * textscore.h
 *	  How well a code page reads a sample of text: the national EBCDIC
 *	  pages ranked by the letters they make of the bytes inside words.
 *
 * The national EBCDIC pages (037, 273, 277, 278, 280, 284, 285, 297, 500,
 * 871, 1047 and their euro variants 1140-1149) agree on the letters A-Z,
 * a-z, the digits and the space, and differ in about forty bytes, where
 * each puts the letters of its language (ü, æ, ñ, é ...) or a symbol ({,
 * }, [, |, ¦ ...).  A byte of one of those forty that stands next to a
 * letter inside a word is, in real names and addresses, almost always a
 * letter: a page that reads it as a symbol ("M}ller") is likely wrong, and
 * the page that reads it as a letter of its own language ("Müller") is
 * likely right.  That is the whole score: +1 for a letter in a word, +1
 * more when it is a letter of the page's language that cp037 reads as
 * something else (and, for letters bound to a place in the word, such as
 * the Italian final à, in that place), -2 for anything else
 * in a word, +0.5 for a euro sign beside a digit or blank, and +0.5 for
 * each accented letter all pages agree on (á, é, í in most) that is a
 * letter of the page's language: it tells Spanish text (Peña, García)
 * from German when both pages read the one varying letter as a letter
 * (counted only for a page that has earned the bonus of a varying letter
 * of its language, so that Spanish names in an English file leave cp037
 * first).
 *
 * Pages that are permutations of each other for the letters a text uses
 * (037 and 500 for English, 037 and 1140 without a euro sign) score the
 * same; they are then ordered by how common the page is.
 *
 *-------------------------------------------------------------------------
 */
#ifndef ZF_TEXTSCORE_H
#define ZF_TEXTSCORE_H

#include "text/codepage.h"

#define ZF_TEXTSCORE_PAGES	21
#define ZF_TEXTSCORE_SAMPLE	48

typedef struct zf_text_score
{
	const char *page;			/* canonical name: "cp037" */
	double		score;			/* higher is better */
	uint32_t	in_word;		/* variant bytes met inside words */
	uint32_t	letters;		/* ... that this page reads as letters */
	uint32_t	odd;			/* ... that it reads as something else */
	int64_t		odd_offset;		/* the first odd one in the text, -1 none */
	int			preference;		/* tie-break: lower is more common */
} zf_text_score;

/* The national EBCDIC pages scored, canonical names, in preference order. */
extern const char *const *zf_text_national_pages(void);

/*
 * Score n bytes of text (fields may be separated by blanks) in one
 * single-byte EBCDIC page; a national page gets the bonus of its
 * language's letters.
 */
extern zf_status zf_text_score_named(const char *page, const uint8_t *text,
									 size_t n, zf_text_score *out,
									 zf_error *err);

/*
 * Score every national page and sort the results best first into out[]
 * (ZF_TEXTSCORE_PAGES entries); *nout is how many were filled.
 */
extern zf_status zf_text_rank_pages(const uint8_t *text, size_t n,
									zf_text_score *out, int *nout,
									zf_error *err);

/*
 * A sample of the text around offset at (a word or two, at most
 * ZF_TEXTSCORE_SAMPLE bytes before decoding) in page cp, as UTF-8 in
 * buf; bytes the page cannot show become '?'.
 */
extern void zf_text_sample(const zf_codepage *cp, const uint8_t *text,
						   size_t n, int64_t at, char *buf, size_t buflen);

#endif							/* ZF_TEXTSCORE_H */
