/*-------------------------------------------------------------------------
 *
 * test_keyrange.c
 *	  Unit tests for the byte ranges of numeric key fields (keyrange.c).
 *
 * Oracles:
 *	 - exhaustive enumeration: for small packed, zoned and binary fields,
 *	   every value the field holds, in every sign encoding z/OS accepts
 *	   (packed A C E F / B D, zoned C F / D), is encoded byte by byte here
 *	   (not with the project's encoders), and each must lie in a returned
 *	   range exactly when the rules say: always when its value is in the
 *	   interval; for binary never otherwise; for packed never when its
 *	   magnitude is outside the interval's magnitudes, for zoned never
 *	   when its leading digits are;
 *	 - hand-written ranges for a few intervals, with the bytes in comments.
 *
 *-------------------------------------------------------------------------
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "layout/keyrange.h"

/* A key field of the given kind, length and sign. */
static zf_field
key_field(zf_kind kind, uint32_t length, bool is_signed, zf_sign_kind sign)
{
	zf_field	f;

	memset(&f, 0, sizeof(f));
	f.kind = kind;
	f.length = length;
	f.is_signed = is_signed;
	f.sign = sign;
	return f;
}

/* |v| as packed digits with the given sign nibble, by hand. */
static void
packed_bytes(unsigned magnitude, uint32_t len, uint8_t sign, uint8_t *dst)
{
	int			ndigits = 2 * (int) len - 1;
	uint8_t		nib[64];

	for (int i = ndigits - 1; i >= 0; i--)
	{
		nib[i] = (uint8_t) (magnitude % 10);
		magnitude /= 10;
	}
	nib[ndigits] = sign;
	for (uint32_t i = 0; i < len; i++)
		dst[i] = (uint8_t) (nib[2 * i] << 4 | nib[2 * i + 1]);
}

/* |v| as EBCDIC zoned digits, the last zone given, by hand. */
static void
zoned_bytes(unsigned magnitude, uint32_t len, uint8_t last_zone, uint8_t *dst)
{
	for (int i = (int) len - 1; i >= 0; i--)
	{
		dst[i] = (uint8_t) (0xF0 | magnitude % 10);
		magnitude /= 10;
	}
	dst[len - 1] = (uint8_t) ((last_zone << 4) | (dst[len - 1] & 0x0F));
}

/* v as big-endian two's complement (or unsigned), by hand. */
static void
binary_bytes(long v, uint32_t len, uint8_t *dst)
{
	unsigned long u = (unsigned long) v;

	for (int i = (int) len - 1; i >= 0; i--)
	{
		dst[i] = (uint8_t) (u & 0xFF);
		u >>= 8;
	}
}

/* Whether bytes lie in one of the n ranges, in memcmp order. */
static bool
in_ranges(const uint8_t *b, uint32_t len, int n, uint8_t **lo, uint8_t **hi)
{
	for (int i = 0; i < n; i++)
		if (memcmp(lo[i], b, len) <= 0 && memcmp(b, hi[i], len) <= 0)
			return true;
	return false;
}

/*
 * Every encoding of every value of field f against the ranges of
 * [lo, hi]: in when the value is; out when the value is not (binary) or
 * its magnitude is outside the interval's magnitudes (packed, zoned).
 */
static void
check_interval(const zf_field *f, long lo, long hi, long vmin, long vmax)
{
	uint8_t		lo_buf[ZF_KEY_RANGES_MAX][16],
				hi_buf[ZF_KEY_RANGES_MAX][16];
	uint8_t    *lo_bytes[ZF_KEY_RANGES_MAX] = {lo_buf[0], lo_buf[1]};
	uint8_t    *hi_bytes[ZF_KEY_RANGES_MAX] = {hi_buf[0], hi_buf[1]};
	int			n = zf_key_numeric_ranges(f, lo, hi, lo_bytes, hi_bytes);
	long		clo = lo < vmin ? vmin : lo;
	long		chi = hi > vmax ? vmax : hi;
	long		mlo,
				mhi;

	assert_true(n >= 0 && n <= ZF_KEY_RANGES_MAX);
	if (clo > chi)
	{
		assert_int_equal(n, 0);
		return;
	}
	mlo = clo >= 0 ? clo : (chi <= 0 ? -chi : 0);
	mhi = clo >= 0 ? chi : (chi <= 0 ? -clo : (-clo > chi ? -clo : chi));

	for (long v = vmin; v <= vmax; v++)
	{
		uint8_t		b[16];
		bool		want_in = v >= clo && v <= chi;
		long		m = v < 0 ? -v : v;
		bool		magnitude_out = m < mlo || m > mhi;

		if (f->kind == ZF_KIND_BINARY)
		{
			binary_bytes(v, f->length, b);
			assert_int_equal(in_ranges(b, f->length, n, lo_bytes, hi_bytes), want_in);
		}
		else if (f->kind == ZF_KIND_PACKED)
		{
			static const uint8_t pos[] = {0xA, 0xC, 0xE, 0xF};
			static const uint8_t neg[] = {0xB, 0xD};

			/* every sign a field accepts: positives in any field */
			for (int i = 0; i < (v < 0 ? 2 : 4); i++)
			{
				packed_bytes((unsigned) m, f->length, v < 0 ? neg[i] : pos[i], b);
				if (want_in)
					assert_true(in_ranges(b, f->length, n, lo_bytes, hi_bytes));
				if (magnitude_out)
					assert_false(in_ranges(b, f->length, n, lo_bytes, hi_bytes));
			}
		}
		else
		{
			uint8_t		zones[2];
			int			nzones;

			if (f->sign == ZF_SIGN_NONE)
			{
				zones[0] = 0xF;
				nzones = 1;
			}
			else if (v < 0)
			{
				zones[0] = 0xD;
				nzones = 1;
			}
			else
			{
				zones[0] = 0xC;
				zones[1] = 0xF;
				nzones = 2;
			}
			for (int i = 0; i < nzones; i++)
			{
				zoned_bytes((unsigned) m, f->length, zones[i], b);
				if (want_in)
					assert_true(in_ranges(b, f->length, n, lo_bytes, hi_bytes));
				/*
				 * The last byte's zone outweighs its digit, so only the
				 * leading digits bound a zoned range: 29 (F2 C9) lies
				 * between 10 (F1 A0) and 20 (F2 F0).
				 */
				if (m / 10 < mlo / 10 || m / 10 > mhi / 10)
					assert_false(in_ranges(b, f->length, n, lo_bytes, hi_bytes));
			}
		}
	}
}

/* Intervals around zero, at the ends and beyond, on one field. */
static void
check_field(const zf_field *f, long vmin, long vmax)
{
	static const long points[] = {-100000, -999, -998, -500, -101, -100, -99, -1, 0,
	1, 9, 10, 99, 100, 255, 256, 500, 998, 999, 100000};

	assert_true(zf_key_field_min(f) == vmin);
	assert_true(zf_key_field_max(f) == vmax);
	for (size_t i = 0; i < sizeof(points) / sizeof(points[0]); i++)
		for (size_t j = 0; j < sizeof(points) / sizeof(points[0]); j++)
			check_interval(f, points[i], points[j], vmin, vmax);
}

static void
test_packed_keys(void **state)
{
	zf_field	s = key_field(ZF_KIND_PACKED, 2, true, ZF_SIGN_TRAILING);	/* S9(3) */
	zf_field	u = key_field(ZF_KIND_PACKED, 2, false, ZF_SIGN_NONE);	/* 9(3) */

	(void) state;
	check_field(&s, -999, 999);
	check_field(&u, 0, 999);
}

static void
test_zoned_keys(void **state)
{
	zf_field	s = key_field(ZF_KIND_ZONED, 3, true, ZF_SIGN_TRAILING);	/* S9(3) */
	zf_field	u = key_field(ZF_KIND_ZONED, 3, false, ZF_SIGN_NONE);	/* 9(3) */
	zf_field	lead = key_field(ZF_KIND_ZONED, 3, true, ZF_SIGN_LEADING);
	uint8_t		buf[2][16];
	uint8_t    *lo[2] = {buf[0], buf[1]},
			   *hi[2] = {buf[0], buf[1]};

	(void) state;
	check_field(&s, -999, 999);
	check_field(&u, 0, 999);
	/* a leading sign puts the sign before the digits: no byte order */
	assert_int_equal(zf_key_numeric_ranges(&lead, 1, 5, lo, hi), 0);
}

static void
test_binary_keys(void **state)
{
	zf_field	s = key_field(ZF_KIND_BINARY, 2, true, ZF_SIGN_NONE);
	zf_field	u = key_field(ZF_KIND_BINARY, 2, false, ZF_SIGN_NONE);
	uint8_t		lo_buf[2][16],
				hi_buf[2][16];
	uint8_t    *lo[2] = {lo_buf[0], lo_buf[1]},
			   *hi[2] = {hi_buf[0], hi_buf[1]};

	(void) state;
	check_field(&s, -32768, 32767);
	check_field(&u, 0, 65535);

	/* -1..1 signed: 0000..0001, then FFFF..FFFF */
	assert_int_equal(zf_key_numeric_ranges(&s, -1, 1, lo, hi), 2);
	assert_memory_equal(lo[0], "\x00\x00", 2);
	assert_memory_equal(hi[0], "\x00\x01", 2);
	assert_memory_equal(lo[1], "\xFF\xFF", 2);
	assert_memory_equal(hi[1], "\xFF\xFF", 2);
}

/* Hand-written ranges: the extremes of the sign nibble and zone. */
static void
test_hand_ranges(void **state)
{
	zf_field	p = key_field(ZF_KIND_PACKED, 3, true, ZF_SIGN_TRAILING);	/* S9(5) */
	zf_field	z = key_field(ZF_KIND_ZONED, 4, true, ZF_SIGN_TRAILING);	/* S9(4) */
	zf_field	text = key_field(ZF_KIND_ALNUM, 4, false, ZF_SIGN_NONE);
	uint8_t		lo_buf[2][16],
				hi_buf[2][16];
	uint8_t    *lo[2] = {lo_buf[0], lo_buf[1]},
			   *hi[2] = {hi_buf[0], hi_buf[1]};

	(void) state;
	/* 120..12345: magnitudes 00120 (sign A) to 12345 (sign F) */
	assert_int_equal(zf_key_numeric_ranges(&p, 120, 12345, lo, hi), 1);
	assert_memory_equal(lo[0], "\x00\x12\x0A", 3);
	assert_memory_equal(hi[0], "\x12\x34\x5F", 3);
	/* -7..3: magnitudes 0..7 */
	assert_int_equal(zf_key_numeric_ranges(&p, -7, 3, lo, hi), 1);
	assert_memory_equal(lo[0], "\x00\x00\x0A", 3);
	assert_memory_equal(hi[0], "\x00\x00\x7F", 3);
	/* -42 alone, zoned: F0 F0 F4 A2 .. F0 F0 F4 F2 */
	assert_int_equal(zf_key_numeric_ranges(&z, -42, -42, lo, hi), 1);
	assert_memory_equal(lo[0], "\xF0\xF0\xF4\xA2", 4);
	assert_memory_equal(hi[0], "\xF0\xF0\xF4\xF2", 4);
	/* beyond the field's digits: clamped; wholly beyond: none */
	assert_int_equal(zf_key_numeric_ranges(&p, 99990, 1000000, lo, hi), 1);
	assert_memory_equal(hi[0], "\x99\x99\x9F", 3);
	assert_int_equal(zf_key_numeric_ranges(&p, 100000, 1000000, lo, hi), 0);
	assert_int_equal(zf_key_numeric_ranges(&p, 5, 4, lo, hi), 0);
	/* not a numeric kind */
	assert_int_equal(zf_key_numeric_ranges(&text, 1, 2, lo, hi), 0);
}

/* Which fields have byte ranges, and which are in value order. */
static void
test_which_fields(void **state)
{
	zf_error	err;
	const zf_codepage *ebcdic = zf_codepage_lookup("cp037", &err);
	const zf_codepage *ascii = zf_codepage_lookup("ascii", &err);
	zf_field	f;

	(void) state;
	assert_non_null(ebcdic);
	assert_non_null(ascii);
	f = key_field(ZF_KIND_PACKED, 5, true, ZF_SIGN_NONE);
	assert_true(zf_key_numeric_field(&f, ebcdic));
	assert_false(zf_key_bytes_in_value_order(&f));
	f = key_field(ZF_KIND_BINARY, 4, false, ZF_SIGN_NONE);
	assert_true(zf_key_numeric_field(&f, ascii));
	assert_true(zf_key_bytes_in_value_order(&f));
	/* zoned: unsigned anywhere, a trailing sign in the zone of EBCDIC only */
	f = key_field(ZF_KIND_ZONED, 6, false, ZF_SIGN_NONE);
	assert_true(zf_key_numeric_field(&f, ascii));
	assert_true(zf_key_bytes_in_value_order(&f));
	f = key_field(ZF_KIND_ZONED, 6, true, ZF_SIGN_TRAILING);
	assert_true(zf_key_numeric_field(&f, ebcdic));
	assert_false(zf_key_numeric_field(&f, ascii));
	assert_false(zf_key_bytes_in_value_order(&f));
	f = key_field(ZF_KIND_ZONED, 6, true, ZF_SIGN_LEADING);
	assert_false(zf_key_numeric_field(&f, ebcdic));
	/* no P scaling, at most 16 bytes, numbers only */
	f = key_field(ZF_KIND_PACKED, 5, false, ZF_SIGN_NONE);
	f.scale = -2;
	assert_false(zf_key_numeric_field(&f, ebcdic));
	f = key_field(ZF_KIND_ZONED, 17, false, ZF_SIGN_NONE);
	assert_false(zf_key_numeric_field(&f, ebcdic));
	f = key_field(ZF_KIND_FLOAT, 8, true, ZF_SIGN_NONE);
	assert_false(zf_key_numeric_field(&f, ebcdic));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_packed_keys),
		cmocka_unit_test(test_zoned_keys),
		cmocka_unit_test(test_binary_keys),
		cmocka_unit_test(test_hand_ranges),
		cmocka_unit_test(test_which_fields),
	};

	return cmocka_run_group_tests_name("keyrange", tests, NULL, NULL);
}
