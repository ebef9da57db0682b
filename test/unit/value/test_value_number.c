/*-------------------------------------------------------------------------
 *
 * test_value_number.c
 *	  Unit tests for the numbers of fields (value_number.c and the inline
 *	  fast entries of value.h): which decoder a kind and length call for,
 *	  fixed-point values, digit groups, floats.
 *
 * Every vector's bytes are written out by hand with the value they hold:
 * packed decimal has two digits a byte and the sign in the last nibble
 * (C, F positive, D negative); EBCDIC zoned digits are X'F0'-X'F9' with
 * the sign in the zone of the last byte (C, D); binary is big-endian two's
 * complement; IBM hexadecimal float is sign, excess-64 exponent of 16 and
 * a fraction (X'41100000' is 1/16 * 16 = 1.0).
 *
 *-------------------------------------------------------------------------
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <math.h>
#include <string.h>

#include "value/value_test_util.h"

/* A numeric field template: kind, offset, length, sign. */
static zf_field
field(zf_kind kind, uint32_t offset, uint32_t length, bool is_signed)
{
	zf_field	f = test_field("F", kind, offset, length);

	f.is_signed = is_signed;
	f.sign = kind == ZF_KIND_ZONED && is_signed ? ZF_SIGN_TRAILING : ZF_SIGN_NONE;
	return f;
}

/* The 64-bit limits: 17 packed digits, 18 zoned, 63 bits of binary. */
static void
test_decoder_choice(void **state)
{
	(void) state;
	assert_int_equal(zf_fixed_decoder_of(ZF_KIND_PACKED, 9, true), ZF_FIXED_PACKED64);
	assert_int_equal(zf_fixed_decoder_of(ZF_KIND_PACKED, 10, true), ZF_FIXED_PACKED);
	assert_int_equal(zf_fixed_decoder_of(ZF_KIND_ZONED, 18, true), ZF_FIXED_ZONED64);
	assert_int_equal(zf_fixed_decoder_of(ZF_KIND_ZONED, 19, false), ZF_FIXED_ZONED);
	assert_int_equal(zf_fixed_decoder_of(ZF_KIND_BINARY, 7, false), ZF_FIXED_BINARY64);
	assert_int_equal(zf_fixed_decoder_of(ZF_KIND_BINARY, 8, true), ZF_FIXED_BINARY64);
	assert_int_equal(zf_fixed_decoder_of(ZF_KIND_BINARY, 8, false), ZF_FIXED_BINARY);
	assert_int_equal(zf_fixed_decoder_of(ZF_KIND_BINARY, 16, true), ZF_FIXED_BINARY);
	assert_int_equal(zf_fixed_decoder_of(ZF_KIND_EDITED, 7, false), ZF_FIXED_EDITED);
	assert_int_equal(zf_fixed_decoder_of(ZF_KIND_ALNUM, 4, false), ZF_FIXED_NONE);
	assert_int_equal(zf_fixed_decoder_of(ZF_KIND_FLOAT, 8, true), ZF_FIXED_NONE);
}

/* Fixed-point values through the narrow and the wide decoders. */
static void
test_fixed_decode(void **state)
{
	zf_field	f;
	zf_int128	v;
	zf_error	err;
	/* 0 1 2 3 4 5 6 7 8 D: -012345678 */
	const uint8_t packed5[] = {0x01, 0x23, 0x45, 0x67, 0x8D};
	/* 19 digits, C: +1234567890123456789 */
	const uint8_t packed10[] = {0x12, 0x34, 0x56, 0x78, 0x90, 0x12, 0x34, 0x56, 0x78, 0x9C};
	/* 23 digits, C: beyond int64 */
	const uint8_t packed12[] = {0x12, 0x34, 0x56, 0x78, 0x90, 0x12, 0x34, 0x56, 0x78, 0x90,
	0x12, 0x3C};
	/* F1 F2 F3 F4 D5: -12345 */
	const uint8_t zoned5[] = {0xF1, 0xF2, 0xF3, 0xF4, 0xD5};
	/* twenty digits 1234567890 1234567890: beyond int64 */
	const uint8_t zoned20[] = {0xF1, 0xF2, 0xF3, 0xF4, 0xF5, 0xF6, 0xF7, 0xF8, 0xF9, 0xF0,
	0xF1, 0xF2, 0xF3, 0xF4, 0xF5, 0xF6, 0xF7, 0xF8, 0xF9, 0xF0};
	const uint8_t minus2[] = {0xFF, 0xFF, 0xFF, 0xFE};
	const uint8_t ones8[] = {0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF};
	const uint8_t min8[] = {0x80, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00};
	/* X'1A': A is no digit */
	const uint8_t bad[] = {0x1A, 0x2C};

	(void) state;
	f = field(ZF_KIND_PACKED, 0, 5, true);
	assert_int_equal(zf_fixed_decode(&f, ZF_CHARSET_EBCDIC, packed5, 5, &v, &err), ZF_OK);
	assert_true(v == -12345678);
	f = field(ZF_KIND_PACKED, 0, 10, true);
	assert_int_equal(zf_fixed_decode(&f, ZF_CHARSET_EBCDIC, packed10, 10, &v, &err), ZF_OK);
	assert_true(v == (zf_int128) 1234567890123456789LL);
	f = field(ZF_KIND_PACKED, 0, 12, true);
	assert_int_equal(zf_fixed_decode(&f, ZF_CHARSET_EBCDIC, packed12, 12, &v, &err), ZF_OK);
	assert_true(v == (zf_int128) 1234567890123456789LL * 10000 + 123);
	f = field(ZF_KIND_ZONED, 0, 5, true);
	assert_int_equal(zf_fixed_decode(&f, ZF_CHARSET_EBCDIC, zoned5, 5, &v, &err), ZF_OK);
	assert_true(v == -12345);
	/* the same value in ASCII: '1234' and N, the overpunch of -5 */
	assert_int_equal(zf_fixed_decode(&f, ZF_CHARSET_ASCII, (const uint8_t *) "1234N", 5, &v, &err),
					 ZF_OK);
	assert_true(v == -12345);
	f = field(ZF_KIND_ZONED, 0, 20, false);
	assert_int_equal(zf_fixed_decode(&f, ZF_CHARSET_EBCDIC, zoned20, 20, &v, &err), ZF_OK);
	assert_true(v == (zf_int128) 12345678901234567890ULL);
	f = field(ZF_KIND_BINARY, 0, 4, true);
	assert_int_equal(zf_fixed_decode(&f, ZF_CHARSET_EBCDIC, minus2, 4, &v, &err), ZF_OK);
	assert_true(v == -2);
	f = field(ZF_KIND_BINARY, 0, 8, false);
	assert_int_equal(zf_fixed_decode(&f, ZF_CHARSET_EBCDIC, ones8, 8, &v, &err), ZF_OK);
	assert_true(v == (zf_int128) UINT64_MAX);
	f = field(ZF_KIND_BINARY, 0, 8, true);
	assert_int_equal(zf_fixed_decode(&f, ZF_CHARSET_EBCDIC, min8, 8, &v, &err), ZF_OK);
	assert_true(v == (zf_int128) INT64_MIN);
	f = field(ZF_KIND_PACKED, 0, 2, true);
	assert_int_equal(zf_fixed_decode(&f, ZF_CHARSET_EBCDIC, bad, 2, &v, &err), ZF_E_BAD_DATA);
	f = field(ZF_KIND_ALNUM, 0, 2, false);
	assert_int_equal(zf_fixed_decode(&f, ZF_CHARSET_EBCDIC, bad, 2, &v, &err), ZF_E_ARG);
	assert_string_equal(err.message, "field F is not a zoned, packed or binary number");
}

/* Numeric-edited fields through the code page and the picture. */
static void
test_edited(void **state)
{
	zf_field	f = field(ZF_KIND_EDITED, 0, 7, true);
	zf_field_reader r;
	zf_int128	v;
	zf_error	err;
	/* " 12.50-" in cp037: -12.50 */
	const uint8_t text[] = {0x40, 0xF1, 0xF2, 0x4B, 0xF5, 0xF0, 0x60};
	uint8_t		wide[100];

	(void) state;
	f.picture = "ZZ9.99-";
	f.scale = 2;
	zf_field_reader_init(&r, &f, test_page("cp037"));
	assert_int_equal(r.fixed, ZF_FIXED_EDITED);
	assert_int_equal(zf_field_read_number(&r, text, 7, &v, &err), ZF_OK);
	assert_true(v == -1250);

	/* 100 positions: more text than the stack buffer holds */
	f = field(ZF_KIND_EDITED, 0, 100, false);
	f.picture = "9B(99)";
	memset(wide, 0x40, sizeof(wide));
	wide[0] = 0xF7;
	zf_field_reader_init(&r, &f, test_page("cp037"));
	assert_int_equal(zf_field_read_number(&r, wide, 100, &v, &err), ZF_OK);
	assert_true(v == 7);
	/* X'00' cannot be text: the code page says so */
	wide[5] = 0x00;
	assert_int_equal(zf_field_read_number(&r, wide, 100, &v, &err), ZF_E_BAD_DATA);
}

/* The fast entries read the field at its static offset in the record. */
static void
test_fast_int64(void **state)
{
	/* bytes 0-2 other fields; packed X'123C' at 3; zoned F4 C2 at 5 */
	const uint8_t rec[] = {0xAA, 0xBB, 0xCC, 0x12, 0x3C, 0xF4, 0xC2, 0x00, 0x00, 0x01, 0x00};
	zf_field	fp = field(ZF_KIND_PACKED, 3, 2, true);
	zf_field	fz = field(ZF_KIND_ZONED, 5, 2, true);
	zf_field	fb = field(ZF_KIND_BINARY, 7, 4, false);
	zf_field	fw = field(ZF_KIND_PACKED, 0, 10, true);
	zf_field_reader r;
	int64_t		v;

	(void) state;
	zf_field_reader_init(&r, &fp, test_page("cp037"));
	assert_true(zf_field_fits_int64(&r));
	assert_int_equal(zf_field_fast_int64(&r, rec, &v), ZF_OK);
	assert_int_equal(v, 123);
	zf_field_reader_init(&r, &fz, test_page("cp037"));
	assert_int_equal(zf_field_fast_int64(&r, rec, &v), ZF_OK);
	assert_int_equal(v, 42);	/* 4, then 2 with the positive zone C */
	zf_field_reader_init(&r, &fb, test_page("cp037"));
	assert_int_equal(zf_field_fast_int64(&r, rec, &v), ZF_OK);
	assert_int_equal(v, 256);	/* X'00000100' */
	/* a 10-byte packed field needs the wide decoder: not the fast path */
	zf_field_reader_init(&r, &fw, test_page("cp037"));
	assert_false(zf_field_fits_int64(&r));
	assert_int_equal(zf_field_fast_int64(&r, rec, &v), ZF_E_ARG);
	/* bad bytes: the status, the general path says why */
	fp.offset = 0;
	zf_field_reader_init(&r, &fp, test_page("cp037"));
	assert_int_equal(zf_field_fast_int64(&r, rec, &v), ZF_E_BAD_DATA);
}

/* Packed fields as base-10000 digit groups. */
static void
test_fast_groups(void **state)
{
	/* S9(7)V99 at offset 2: 0 1 2 3 4 5 6 7 8 C, +1234567.8 */
	const uint8_t rec[] = {0x00, 0x00, 0x01, 0x23, 0x45, 0x67, 0x8C};
	zf_field	f = field(ZF_KIND_PACKED, 2, 5, true);
	zf_field	z = field(ZF_KIND_ZONED, 2, 5, true);
	zf_field	big = field(ZF_KIND_PACKED, 0, 9, true);
	zf_field_reader r;
	zf_packed_groups g;

	(void) state;
	f.scale = 2;
	zf_field_reader_init(&r, &f, test_page("cp037"));
	/* shown with 2 decimals: shift 2 puts the point on a group boundary */
	assert_true(zf_field_groups_ok(&r, 2));
	assert_true(zf_field_fast_groups(&r, rec, 2, &g));
	/* 12345678 * 100 = 12|3456|7800 */
	assert_int_equal(g.group[0], 7800);
	assert_int_equal(g.group[1], 3456);
	assert_int_equal(g.group[2], 12);
	assert_int_equal(g.group[3], 0);
	assert_int_equal(g.ndigits, 8);
	assert_false(g.negative);
	/* 9 digits and a shift of 24 are more than 32 */
	assert_false(zf_field_groups_ok(&r, 24));
	assert_false(zf_field_groups_ok(&r, -1));
	zf_field_reader_init(&r, &big, test_page("cp037"));
	assert_false(zf_field_groups_ok(&r, 0));	/* 9 bytes: more than 8 */
	zf_field_reader_init(&r, &z, test_page("cp037"));
	assert_false(zf_field_groups_ok(&r, 0));	/* zoned: no groups */
}

/* Floats: HFP, IEEE, and a real column's single rounding. */
static void
test_floats(void **state)
{
	zf_field	f4 = field(ZF_KIND_FLOAT, 0, 4, true);
	zf_field	f8 = field(ZF_KIND_FLOAT, 0, 8, true);
	zf_field_reader r;
	double		d;
	zf_error	err;
	/*
	 * X'41 80000080000002': 16 * (8/16 + 2^-25 + 2^-55) = 8 + 2^-21 + 2^-51.
	 * As double it rounds to 8 + 2^-21 (2^-51 is a quarter of double's
	 * ulp 2^-49), which as float is a tie and rounds to even: 8.  Rounded
	 * to float at once it is above the tie: 8 + 2^-20.
	 */
	const uint8_t hfp_tie[] = {0x41, 0x80, 0x00, 0x00, 0x80, 0x00, 0x00, 0x02};
	const uint8_t ieee_one[] = {0x3F, 0xF0, 0, 0, 0, 0, 0, 0};

	(void) state;
	zf_field_reader_init(&r, &f4, test_page("cp037"));
	assert_int_equal(zf_field_read_double(&r, (const uint8_t *) "\x41\x10\x00\x00", 4, false, &d, &err),
					 ZF_OK);
	assert_true(d == 1.0);
	assert_int_equal(zf_field_read_double(&r, (const uint8_t *) "\xC2\x76\xA0\x00", 4, false, &d, &err),
					 ZF_OK);
	assert_true(d == -118.625);

	zf_field_reader_init(&r, &f8, test_page("cp037"));
	assert_int_equal(zf_field_read_double(&r, hfp_tie, 8, false, &d, &err), ZF_OK);
	assert_true(d == 8.0 + ldexp(1.0, -21));
	assert_true((float) d == 8.0f);
	assert_int_equal(zf_field_read_double(&r, hfp_tie, 8, true, &d, &err), ZF_OK);
	assert_true(d == 8.0 + ldexp(1.0, -20));
	assert_true((double) (float) d == d);

	r.float_format = ZF_FLOAT_IEEE;
	assert_int_equal(zf_field_read_double(&r, ieee_one, 8, false, &d, &err), ZF_OK);
	assert_true(d == 1.0);
	assert_int_equal(zf_field_read_double(&r, ieee_one, 8, true, &d, &err), ZF_OK);
	assert_true(d == 1.0);
}

/* A reader of another field keeps the options, not the null_if. */
static void
test_reader_like(void **state)
{
	zf_field	g = field(ZF_KIND_GROUP, 0, 10, false);
	zf_field	p = field(ZF_KIND_PACKED, 2, 3, true);
	zf_field_reader r;
	zf_field_reader leaf;

	(void) state;
	zf_field_reader_init(&r, &g, test_page("cp037"));
	assert_int_equal(r.trim, ZF_TRIM_RIGHT);
	assert_int_equal(r.decimal_point, '.');
	assert_int_equal(r.float_format, ZF_FLOAT_HFP);
	assert_int_equal(r.space, 0x40);
	assert_int_equal(r.cs, ZF_CHARSET_EBCDIC);
	r.trim = ZF_TRIM_BOTH;
	r.decimal_point = ',';
	r.null_if = ZF_NULLIF_SPACES;
	zf_field_reader_like(&leaf, &r, &p);
	assert_ptr_equal(leaf.f, &p);
	assert_int_equal(leaf.fixed, ZF_FIXED_PACKED64);
	assert_int_equal(leaf.trim, ZF_TRIM_BOTH);
	assert_int_equal(leaf.decimal_point, ',');
	assert_int_equal(leaf.null_if, ZF_NULLIF_NONE);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_decoder_choice),
		cmocka_unit_test(test_fixed_decode),
		cmocka_unit_test(test_edited),
		cmocka_unit_test(test_fast_int64),
		cmocka_unit_test(test_fast_groups),
		cmocka_unit_test(test_floats),
		cmocka_unit_test(test_reader_like),
	};

	return cmocka_run_group_tests_name("value_number", tests, NULL, NULL);
}
