/*-------------------------------------------------------------------------
 *
 * utf8.h
 *	  Decoding one UTF-8 character, strictly (no overlong forms, no
 *	  surrogates, nothing above U+10FFFF): shared by the code pages, which
 *	  validate text, and by the error texts, which must stay valid UTF-8.
 *	  Internal to src/core.
 *
 *-------------------------------------------------------------------------
 */
#ifndef ZF_UTF8_H
#define ZF_UTF8_H

#include <stddef.h>
#include <stdint.h>

/*
 * Decode one UTF-8 sequence at s (n bytes available).  Returns its length
 * and sets *cp, or 0 for an invalid, overlong, surrogate or truncated one.
 */
static inline int
utf8_next(const uint8_t *s, size_t n, uint32_t *cp)
{
	uint8_t		c = s[0];

	if (c < 0x80)
	{
		*cp = c;
		return 1;
	}
	if (c >= 0xC2 && c <= 0xDF)
	{
		if (n < 2 || (s[1] & 0xC0) != 0x80)
			return 0;
		*cp = ((uint32_t) (c & 0x1F) << 6) | (s[1] & 0x3F);
		return 2;
	}
	if (c >= 0xE0 && c <= 0xEF)
	{
		uint32_t	v;

		if (n < 3 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80)
			return 0;
		v = ((uint32_t) (c & 0x0F) << 12) | ((uint32_t) (s[1] & 0x3F) << 6) |
			(s[2] & 0x3F);
		if (v < 0x800 || (v >= 0xD800 && v <= 0xDFFF))
			return 0;
		*cp = v;
		return 3;
	}
	if (c >= 0xF0 && c <= 0xF4)
	{
		uint32_t	v;

		if (n < 4 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80 ||
			(s[3] & 0xC0) != 0x80)
			return 0;
		v = ((uint32_t) (c & 0x07) << 18) | ((uint32_t) (s[1] & 0x3F) << 12) |
			((uint32_t) (s[2] & 0x3F) << 6) | (s[3] & 0x3F);
		if (v < 0x10000 || v > 0x10FFFF)
			return 0;
		*cp = v;
		return 4;
	}
	return 0;
}

#endif							/* ZF_UTF8_H */
