/*-------------------------------------------------------------------------
 *
 * fuzz_common.h
 *	  Helpers shared by the libFuzzer targets: invariant checks that abort
 *	  (libFuzzer keeps the input that made them fail), a reader that takes
 *	  option bytes off the front of an input, and checks of the error
 *	  values and UTF-8 text the core hands back.
 *
 * A target includes this header once; everything is static.
 *
 *-------------------------------------------------------------------------
 */
#ifndef ZF_FUZZ_COMMON_H
#define ZF_FUZZ_COMMON_H

#include <ctype.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/status.h"

/* Report a broken invariant and abort, so that libFuzzer saves the input. */
static inline void fuzz_fail(const char *file, int line, const char *fmt,...)
			__attribute__((format(printf, 3, 4), noreturn));

static inline void
fuzz_fail(const char *file, int line, const char *fmt,...)
{
	va_list		ap;

	fprintf(stderr, "\n%s:%d: invariant broken: ", file, line);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	abort();
}

#define FUZZ_CHECK(cond, ...) \
	do { \
		if (!(cond)) \
			fuzz_fail(__FILE__, __LINE__, __VA_ARGS__); \
	} while (0)

/* Input consumed from the front: option bytes, then the rest. */
typedef struct fuzz_input
{
	const uint8_t *p;
	size_t		n;
} fuzz_input;

/* Next byte, or 0 when the input is used up. */
static inline uint8_t
fuzz_u8(fuzz_input *in)
{
	uint8_t		b;

	if (in->n == 0)
		return 0;
	b = in->p[0];
	in->p++;
	in->n--;
	return b;
}

static inline uint16_t
fuzz_u16(fuzz_input *in)
{
	uint16_t	hi = fuzz_u8(in);

	return (uint16_t) (hi << 8 | fuzz_u8(in));
}

static inline uint32_t
fuzz_u32(fuzz_input *in)
{
	uint32_t	hi = fuzz_u16(in);

	return hi << 16 | fuzz_u16(in);
}

/* Take up to n bytes; *got says how many there were. */
static inline const uint8_t *
fuzz_bytes(fuzz_input *in, size_t n, size_t *got)
{
	const uint8_t *p = in->p;

	if (n > in->n)
		n = in->n;
	in->p += n;
	in->n -= n;
	*got = n;
	return p;
}

/* Length of a string inside a fixed array; the array size if unterminated. */
static inline size_t
fuzz_strnlen(const char *s, size_t cap)
{
	const char *z = memchr(s, '\0', cap);

	return z ? (size_t) (z - s) : cap;
}

/*
 * The core's error rules: a failing call returns the status it put in the
 * error, with a non-empty message in PostgreSQL's style (not a capitalised
 * sentence, no trailing period or newline), and every string terminated.
 * Acronyms and keywords may start a message ("DDL text too long", "S must
 * appear once"), so the test is for a capitalised word.
 */
static inline bool fuzz_valid_utf8(const uint8_t *s, size_t n);

/*
 * True when the text starts with a capitalised word ("Invalid", "The"):
 * a capital followed only by lower-case letters.  Acronyms and symbols
 * ("DDL", "NaN", "S must", "CR and DB") are fine.
 */
static inline bool
fuzz_capitalised(const char *s)
{
	size_t		i = 1;

	if (!isupper((unsigned char) s[0]))
		return false;
	while (isalpha((unsigned char) s[i]))
	{
		if (!islower((unsigned char) s[i]))
			return false;
		i++;
	}
	return i >= 2;
}

static inline void
fuzz_check_error(zf_status st, const zf_error *err, const char *what)
{
	size_t		mlen;

	FUZZ_CHECK(fuzz_strnlen(err->message, ZF_MSG_LEN) < ZF_MSG_LEN,
			   "%s: message not terminated", what);
	FUZZ_CHECK(fuzz_strnlen(err->detail, ZF_DETAIL_LEN) < ZF_DETAIL_LEN,
			   "%s: detail not terminated", what);
	FUZZ_CHECK(fuzz_strnlen(err->hint, ZF_HINT_LEN) < ZF_HINT_LEN,
			   "%s: hint not terminated", what);
	if (st == ZF_OK || st == ZF_EOF)
		return;
	FUZZ_CHECK(err->status == st, "%s: returned %s but the error says %s (\"%s\")",
			   what, zf_status_name(st), zf_status_name(err->status),
			   err->message);
	mlen = strlen(err->message);
	FUZZ_CHECK(mlen > 0, "%s: %s without a message", what, zf_status_name(st));
	FUZZ_CHECK(!fuzz_capitalised(err->message),
			   "%s: message is capitalised: \"%s\"", what, err->message);
	FUZZ_CHECK(err->message[mlen - 1] != '.' && err->message[mlen - 1] != '\n',
			   "%s: message ends with a period or newline: \"%s\"", what,
			   err->message);
	FUZZ_CHECK(err->line >= 0 && err->column >= 0,
			   "%s: negative line or column", what);
	FUZZ_CHECK(fuzz_valid_utf8((const uint8_t *) err->message, mlen) &&
			   fuzz_valid_utf8((const uint8_t *) err->detail, strlen(err->detail)) &&
			   fuzz_valid_utf8((const uint8_t *) err->hint, strlen(err->hint)),
			   "%s: error text is not valid UTF-8: \"%s\" / \"%s\"", what,
			   err->message, err->detail);
}

/* True when s[0..n) is well-formed UTF-8 (no surrogates, no overlongs). */
static inline bool
fuzz_valid_utf8(const uint8_t *s, size_t n)
{
	size_t		i = 0;

	while (i < n)
	{
		uint8_t		c = s[i];
		uint32_t	cp;
		size_t		len;

		if (c < 0x80)
		{
			i++;
			continue;
		}
		if (c >= 0xC2 && c <= 0xDF)
			len = 2, cp = c & 0x1F;
		else if (c >= 0xE0 && c <= 0xEF)
			len = 3, cp = c & 0x0F;
		else if (c >= 0xF0 && c <= 0xF4)
			len = 4, cp = c & 0x07;
		else
			return false;
		if (i + len > n)
			return false;
		for (size_t k = 1; k < len; k++)
		{
			if ((s[i + k] & 0xC0) != 0x80)
				return false;
			cp = cp << 6 | (s[i + k] & 0x3F);
		}
		if ((len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) ||
			cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
			return false;
		i += len;
	}
	return true;
}

/* A copy of bytes in a buffer of exactly that size (ASan sees overreads). */
static inline uint8_t *
fuzz_dup(const uint8_t *p, size_t n)
{
	uint8_t    *d = malloc(n ? n : 1);

	if (d == NULL)
		abort();
	if (n)
		memcpy(d, p, n);
	return d;
}

/* A NUL-terminated copy. */
static inline char *
fuzz_strdup(const uint8_t *p, size_t n)
{
	char	   *d = malloc(n + 1);

	if (d == NULL)
		abort();
	if (n)
		memcpy(d, p, n);
	d[n] = '\0';
	return d;
}

#endif							/* ZF_FUZZ_COMMON_H */
