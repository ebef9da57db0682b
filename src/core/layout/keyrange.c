/*-------------------------------------------------------------------------
 *
 * keyrange.c
 *	  The byte ranges of a numeric key field that hold every value of an
 *	  interval (see keyrange.h).
 *
 * Packed and zoned: the bytes of a key compare digit by digit, and the
 * sign sits in the last nibble (packed) or the last zone (zoned), after
 * every digit.  So all encodings of the magnitudes m1..m2 lie between m1
 * with the lowest sign (A) and m2 with the highest (F); an interval that
 * spans zero becomes the magnitudes 0..max(|lo|, hi).  Binary: two's
 * complement read as an unsigned number orders 0..max, then min..-1.
 *
 *-------------------------------------------------------------------------
 */
#include <string.h>

#include "layout/keyrange.h"

#define MAX(a, b)	((a) > (b) ? (a) : (b))

/* Digits a packed or zoned key holds (0 for other kinds). */
static int
key_digits(const zf_field *f)
{
	int			digits;

	if (f->kind == ZF_KIND_PACKED)
		digits = 2 * (int) f->length - 1;
	else if (f->kind == ZF_KIND_ZONED)
		digits = (int) f->length;
	else
		digits = 0;
	return digits > ZF_MAX_DIGITS ? ZF_MAX_DIGITS : digits;
}

/* Largest value of the field: all nines, or the binary maximum. */
zf_int128
zf_key_field_max(const zf_field *f)
{
	zf_int128	m = 1;

	if (f->kind == ZF_KIND_BINARY)
		return f->is_signed ? (((zf_int128) 1 << (8 * f->length - 1)) - 1)
			: (((zf_int128) 1 << (8 * f->length)) - 1);
	for (int i = key_digits(f); i > 0; i--)
		m *= 10;
	return m - 1;
}

/* Smallest value of the field. */
zf_int128
zf_key_field_min(const zf_field *f)
{
	if (f->kind == ZF_KIND_BINARY)
		return f->is_signed ? -((zf_int128) 1 << (8 * f->length - 1)) : 0;
	if ((f->kind == ZF_KIND_ZONED && f->sign == ZF_SIGN_NONE) ||
		(f->kind == ZF_KIND_PACKED && !f->is_signed))
		return 0;				/* an unsigned field has positive signs only */
	return -zf_key_field_max(f);
}

/*
 * A magnitude as the field's digits, with the last nibble (packed) or
 * zone (signed zoned) set to "last": the lowest or highest encoding of
 * that magnitude.
 */
static void
encode_magnitude(const zf_field *f, zf_int128 m, uint8_t last, uint8_t *dst)
{
	size_t		len = f->length;

	if (f->kind == ZF_KIND_PACKED)
	{
		(void) zf_packed_encode(m, 2 * (int) len - 1, false, dst, NULL);
		dst[len - 1] = (uint8_t) ((dst[len - 1] & 0xF0) | last);
	}
	else
	{
		(void) zf_zoned_encode(m, (int) len, ZF_SIGN_NONE, ZF_CHARSET_EBCDIC, dst, NULL);
		if (f->sign != ZF_SIGN_NONE)
			dst[len - 1] = (uint8_t) ((dst[len - 1] & 0x0F) | (last << 4));
	}
}

int
zf_key_numeric_ranges(const zf_field *f, zf_int128 lo, zf_int128 hi,
					  uint8_t *lo_bytes[ZF_KEY_RANGES_MAX],
					  uint8_t *hi_bytes[ZF_KEY_RANGES_MAX])
{
	zf_int128	mlo,
				mhi;

	if (f->kind == ZF_KIND_ZONED &&
		f->sign != ZF_SIGN_NONE && f->sign != ZF_SIGN_TRAILING)
		return 0;				/* a leading or separate sign: no order */
	if (f->kind != ZF_KIND_PACKED && f->kind != ZF_KIND_ZONED &&
		f->kind != ZF_KIND_BINARY)
		return 0;
	if (f->kind == ZF_KIND_BINARY && f->binary_little)
		return 0;				/* little-endian: bytes do not sort as values */
	lo = MAX(lo, zf_key_field_min(f));
	hi = hi < zf_key_field_max(f) ? hi : zf_key_field_max(f);
	if (lo > hi)
		return 0;

	if (f->kind == ZF_KIND_BINARY)
	{
		int			n = 0;

		/* two's complement in unsigned byte order: negatives come last */
		if (f->is_signed && lo < 0 && hi >= 0)
		{
			(void) zf_binary_encode(0, f->length, true, lo_bytes[n], NULL);
			(void) zf_binary_encode(hi, f->length, true, hi_bytes[n], NULL);
			n++;
			hi = -1;
		}
		(void) zf_binary_encode(lo, f->length, f->is_signed, lo_bytes[n], NULL);
		(void) zf_binary_encode(hi, f->length, f->is_signed, hi_bytes[n], NULL);
		return n + 1;
	}

	/* packed and zoned: byte order follows the magnitude */
	if (lo >= 0)
	{
		mlo = lo;
		mhi = hi;
	}
	else if (hi <= 0)
	{
		mlo = -hi;
		mhi = -lo;
	}
	else
	{
		mlo = 0;
		mhi = MAX(-lo, hi);
	}
	if (f->kind == ZF_KIND_ZONED && f->sign == ZF_SIGN_NONE)
	{
		encode_magnitude(f, mlo, 0x0F, lo_bytes[0]);
		encode_magnitude(f, mhi, 0x0F, hi_bytes[0]);
	}
	else
	{
		encode_magnitude(f, mlo, 0x0A, lo_bytes[0]);
		encode_magnitude(f, mhi, 0x0F, hi_bytes[0]);
	}
	return 1;
}

/*
 * Which numeric fields have byte ranges (see keyrange.h): the encodings
 * whose byte order within one sign is the order of magnitudes.
 */
bool
zf_key_numeric_field(const zf_field *f, const zf_codepage *cp)
{
	switch (f->kind)
	{
		case ZF_KIND_ZONED:
			if (f->sign != ZF_SIGN_NONE &&
				(f->sign != ZF_SIGN_TRAILING || !zf_codepage_is_ebcdic(cp)))
				return false;
			break;
		case ZF_KIND_PACKED:
		case ZF_KIND_BINARY:
			break;
		default:
			return false;
	}
	return f->scale >= 0 && f->length <= 16;
}

/*
 * The key's byte order is its value order (see keyrange.h): no sign bit,
 * no sign nibble, no sign in a zone.
 */
bool
zf_key_bytes_in_value_order(const zf_field *f)
{
	return !f->is_signed &&
		!(f->kind == ZF_KIND_ZONED && f->sign != ZF_SIGN_NONE);
}
