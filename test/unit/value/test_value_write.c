/*-------------------------------------------------------------------------
 *
 * test_value_write.c
 *	  Unit tests for field encoding (value_write.c) and the exact float
 *	  encoders (floats.c).
 *
 * Two kinds of checks:
 *	  - hex vectors worked out by hand from IBM's formats (Enterprise COBOL
 *		Programming Guide, "Examples of numeric data and internal
 *		representation"; z/Architecture Principles of Operation for HFP):
 *		packed +123 in PIC S9(3) COMP-3 is 12 3C, zoned -123 in PIC S9(3)
 *		is F1 F2 D3, PIC S9(4) COMP of -2 is FF FE, HFP 1.0 is 41 10 00 00;
 *	  - round trips through the decoders at the boundaries of every
 *		picture: the largest value, the smallest, zero, one unit, and the
 *		first value that does not fit (an error, never a cut value).
 *
 *-------------------------------------------------------------------------
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "decode/floats.h"
#include "value/value_write.h"
#include "value/value_test_util.h"

/* Parse hex text "12 3C" into bytes; returns the count. */
static size_t
hex(const char *s, uint8_t *out)
{
	size_t		n = 0;
	unsigned	v;

	while (*s)
	{
		if (*s == ' ')
		{
			s++;
			continue;
		}
		sscanf(s, "%2x", &v);
		out[n++] = (uint8_t) v;
		s += 2;
	}
	return n;
}

/* Assert that len bytes at got are the hex text want. */
static void
assert_hex(const uint8_t *got, size_t len, const char *want)
{
	uint8_t		w[64];
	size_t		n = hex(want, w);

	assert_int_equal(n, len);
	assert_memory_equal(got, w, n);
}

/* A numeric field of a kind with a picture's digits, scale and sign. */
static zf_field
num_field(zf_kind kind, uint32_t len, int digits, int scale, bool is_signed,
		  zf_sign_kind sign)
{
	zf_field	f = test_field("N", kind, 0, len);

	f.digits = (uint16_t) digits;
	f.scale = (int16_t) scale;
	f.is_signed = is_signed;
	f.sign = is_signed ? sign : ZF_SIGN_NONE;
	f.picture = "PIC";
	return f;
}

/* Encode unscaled v into f (cp037) and compare with want (NULL: error). */
static void
check_num(zf_field f, zf_int128 v, const char *want)
{
	zf_field_writer w;
	uint8_t		b[64];
	zf_error	err;
	zf_status	st;

	memset(b, 0xEE, sizeof(b));
	zf_field_writer_init(&w, &f, test_page("cp037"));
	st = zf_field_write_unscaled(&w, v, b, f.length, &err);
	if (want == NULL)
	{
		assert_int_equal(st, ZF_E_OVERFLOW);
		assert_true(err.message[0] != '\0');
		return;
	}
	assert_int_equal(st, ZF_OK);
	assert_hex(b, f.length, want);
	assert_int_equal(b[f.length], 0xEE);	/* nothing beyond the field */
}

/* Hand-checked vectors for packed decimal. */
static void
test_packed_vectors(void **state)
{
	(void) state;
	check_num(num_field(ZF_KIND_PACKED, 2, 3, 0, true, ZF_SIGN_TRAILING), 123, "12 3C");
	check_num(num_field(ZF_KIND_PACKED, 2, 3, 0, true, ZF_SIGN_TRAILING), -123, "12 3D");
	check_num(num_field(ZF_KIND_PACKED, 2, 3, 0, false, ZF_SIGN_NONE), 123, "12 3F");
	check_num(num_field(ZF_KIND_PACKED, 3, 4, 0, true, ZF_SIGN_TRAILING), -1234, "01 23 4D");
	check_num(num_field(ZF_KIND_PACKED, 3, 4, 2, true, ZF_SIGN_TRAILING), 0, "00 00 0C");
	check_num(num_field(ZF_KIND_PACKED, 5, 9, 2, true, ZF_SIGN_TRAILING), 999999999, "99 99 99 99 9C");
	check_num(num_field(ZF_KIND_PACKED, 5, 9, 2, true, ZF_SIGN_TRAILING), -999999999, "99 99 99 99 9D");
	/* PIC S9(4) COMP-3 holds 4 digits though its 3 bytes have room for 5 */
	check_num(num_field(ZF_KIND_PACKED, 3, 4, 0, true, ZF_SIGN_TRAILING), 10000, NULL);
	check_num(num_field(ZF_KIND_PACKED, 2, 3, 0, false, ZF_SIGN_NONE), -1, NULL);
	check_num(num_field(ZF_KIND_PACKED, 2, 3, 0, true, ZF_SIGN_TRAILING), 1000, NULL);
}

/* Hand-checked vectors for zoned decimal, every sign convention. */
static void
test_zoned_vectors(void **state)
{
	(void) state;
	check_num(num_field(ZF_KIND_ZONED, 3, 3, 0, true, ZF_SIGN_TRAILING), 123, "F1 F2 C3");
	check_num(num_field(ZF_KIND_ZONED, 3, 3, 0, true, ZF_SIGN_TRAILING), -123, "F1 F2 D3");
	check_num(num_field(ZF_KIND_ZONED, 3, 3, 0, false, ZF_SIGN_NONE), 123, "F1 F2 F3");
	check_num(num_field(ZF_KIND_ZONED, 3, 3, 0, true, ZF_SIGN_LEADING), -123, "D1 F2 F3");
	check_num(num_field(ZF_KIND_ZONED, 4, 3, 0, true, ZF_SIGN_TRAILING_SEPARATE), -123, "F1 F2 F3 60");
	check_num(num_field(ZF_KIND_ZONED, 4, 3, 0, true, ZF_SIGN_LEADING_SEPARATE), 123, "4E F1 F2 F3");
	check_num(num_field(ZF_KIND_ZONED, 5, 5, 2, true, ZF_SIGN_TRAILING), 0, "F0 F0 F0 F0 C0");
	check_num(num_field(ZF_KIND_ZONED, 3, 3, 0, true, ZF_SIGN_TRAILING), 1000, NULL);
	check_num(num_field(ZF_KIND_ZONED, 3, 3, 0, false, ZF_SIGN_NONE), -5, NULL);
}

/* Hand-checked vectors for binary, TRUNC(STD) and COMP-5. */
static void
test_binary_vectors(void **state)
{
	zf_field	f;

	(void) state;
	check_num(num_field(ZF_KIND_BINARY, 2, 4, 0, true, 0), -2, "FF FE");
	check_num(num_field(ZF_KIND_BINARY, 2, 4, 0, true, 0), 9999, "27 0F");
	check_num(num_field(ZF_KIND_BINARY, 2, 4, 0, true, 0), -9999, "D8 F1");
	check_num(num_field(ZF_KIND_BINARY, 4, 9, 0, false, 0), 999999999, "3B 9A C9 FF");
	check_num(num_field(ZF_KIND_BINARY, 8, 18, 0, true, 0), -1, "FF FF FF FF FF FF FF FF");
	/* TRUNC(STD): the picture bounds the value, not the bytes */
	check_num(num_field(ZF_KIND_BINARY, 2, 4, 0, true, 0), 10000, NULL);
	check_num(num_field(ZF_KIND_BINARY, 2, 4, 0, false, 0), -1, NULL);
	/* COMP-5: the full halfword */
	f = num_field(ZF_KIND_BINARY, 2, 4, 0, true, 0);
	f.binary_native = true;
	check_num(f, 32767, "7F FF");
	check_num(f, -32768, "80 00");
	check_num(f, 32768, NULL);
	f.is_signed = false;
	check_num(f, 65535, "FF FF");
	check_num(f, 65536, NULL);
	/* COMP-5 of GnuCOBOL and Micro Focus on x86: least significant first */
	f = num_field(ZF_KIND_BINARY, 4, 9, 0, true, 0);
	f.binary_native = true;
	f.binary_little = true;
	check_num(f, 305419896, "78 56 34 12");
	check_num(f, -2, "FE FF FF FF");
	f = num_field(ZF_KIND_BINARY, 3, 6, 0, false, 0);
	f.binary_little = true;
	check_num(f, 999999, "3F 42 0F");
	check_num(f, 1000000, NULL);
}

/* A double into an HFP or IEEE field; want NULL expects an error. */
static void
check_double(uint32_t len, zf_float_format ff, double v, const char *want)
{
	zf_field	f = test_field("F", ZF_KIND_FLOAT, 0, len);
	zf_field_writer w;
	uint8_t		b[8];
	zf_error	err;
	zf_status	st;

	zf_field_writer_init(&w, &f, test_page("cp037"));
	w.float_format = ff;
	st = zf_field_write_double(&w, v, b, len, &err);
	if (want == NULL)
	{
		assert_int_not_equal(st, ZF_OK);
		return;
	}
	assert_int_equal(st, ZF_OK);
	assert_hex(b, len, want);
}

/*
 * HFP vectors (1.0 = 41 10 00 00, -118.625 = C2 76 A0 00 as in the
 * Principles of Operation), exactness, and IEEE.
 */
static void
test_float_vectors(void **state)
{
	(void) state;
	check_double(4, ZF_FLOAT_HFP, 1.0, "41 10 00 00");
	check_double(4, ZF_FLOAT_HFP, -118.625, "C2 76 A0 00");
	check_double(8, ZF_FLOAT_HFP, 0.5, "40 80 00 00 00 00 00 00");
	check_double(8, ZF_FLOAT_HFP, 0.0, "00 00 00 00 00 00 00 00");
	/* 0.1 is not exact in 24 bits: a short HFP refuses it, a long holds it */
	check_double(4, ZF_FLOAT_HFP, 0.1, NULL);
	check_double(8, ZF_FLOAT_HFP, 0.1, "40 19 99 99 99 99 99 9A");
	/* beyond HFP's range, NaN */
	check_double(8, ZF_FLOAT_HFP, 1e300, NULL);
	check_double(8, ZF_FLOAT_HFP, 1e-300, NULL);
	check_double(8, ZF_FLOAT_HFP, NAN, NULL);
	/* IEEE big-endian */
	check_double(4, ZF_FLOAT_IEEE, 1.0, "3F 80 00 00");
	check_double(8, ZF_FLOAT_IEEE, -2.5, "C0 04 00 00 00 00 00 00");
	check_double(4, ZF_FLOAT_IEEE, 0.1, NULL);
}

/*
 * Round trips at the boundaries of pictures: for each kind, length,
 * digits and sign, the extreme values, zero and one come back through the
 * decoder; one more than the extreme is refused.
 */
static void
test_round_trip_boundaries(void **state)
{
	static const zf_kind kinds[] = {ZF_KIND_PACKED, ZF_KIND_ZONED, ZF_KIND_BINARY};
	static const zf_sign_kind signs[] = {ZF_SIGN_TRAILING, ZF_SIGN_LEADING,
	ZF_SIGN_TRAILING_SEPARATE, ZF_SIGN_LEADING_SEPARATE};
	const char *const pages[] = {"cp037", "cp1047", "ascii"};

	(void) state;
	for (int k = 0; k < 3; k++)
		for (int digits = 1; digits <= (kinds[k] == ZF_KIND_BINARY ? 18 : 38); digits++)
			for (int sg = 0; sg < 2; sg++)
				for (int sk = 0; sk < (kinds[k] == ZF_KIND_ZONED ? 4 : 1); sk++)
					for (int pg = 0; pg < (kinds[k] == ZF_KIND_ZONED ? 3 : 1); pg++)
					{
						bool		is_signed = sg == 1;
						zf_sign_kind sign = is_signed ? signs[sk] : ZF_SIGN_NONE;
						uint32_t	len;
						zf_field	f;
						zf_field_writer w;
						zf_int128	max = 1;
						zf_int128	vals[5];
						int			nvals = 0;
						uint8_t		b[40];
						const zf_codepage *cp = test_page(pages[pg]);

						if (!is_signed && sk > 0)
							continue;
						for (int i = 0; i < digits; i++)
							max *= 10;
						max -= 1;
						if (kinds[k] == ZF_KIND_PACKED)
							len = (uint32_t) zf_packed_length(digits);
						else if (kinds[k] == ZF_KIND_BINARY)
							len = (uint32_t) zf_binary_length(digits);
						else
							len = (uint32_t) digits + (sign == ZF_SIGN_TRAILING_SEPARATE ||
													  sign == ZF_SIGN_LEADING_SEPARATE ? 1 : 0);
						f = num_field(kinds[k], len, digits, digits / 3, is_signed, sign);
						zf_field_writer_init(&w, &f, cp);
						vals[nvals++] = max;
						vals[nvals++] = 0;
						vals[nvals++] = 1;
						if (is_signed)
						{
							vals[nvals++] = -max;
							vals[nvals++] = -1;
						}
						for (int i = 0; i < nvals; i++)
						{
							zf_int128	back;
							zf_error	err;

							assert_int_equal(zf_field_write_unscaled(&w, vals[i], b, len, &err), ZF_OK);
							assert_int_equal(zf_fixed_decode(&f, zf_codepage_charset(cp), b, len, &back, &err), ZF_OK);
							assert_true(back == vals[i]);
						}
						assert_int_equal(zf_field_write_unscaled(&w, max + 1, b, len, NULL), ZF_E_OVERFLOW);
						if (is_signed)
							assert_int_equal(zf_field_write_unscaled(&w, -max - 1, b, len, NULL), ZF_E_OVERFLOW);
						else
							assert_int_equal(zf_field_write_unscaled(&w, -1, b, len, NULL), ZF_E_OVERFLOW);
					}
}

/* Decimal text at the field's scale: never rounded. */
static void
test_decimal_text(void **state)
{
	zf_field	f = num_field(ZF_KIND_PACKED, 4, 7, 2, true, ZF_SIGN_TRAILING);
	zf_field_writer w;
	uint8_t		b[4];
	zf_error	err;

	(void) state;
	zf_field_writer_init(&w, &f, test_page("cp037"));
	assert_int_equal(zf_field_write_decimal(&w, "-12345.67", 9, b, 4, &err), ZF_OK);
	assert_hex(b, 4, "12 34 56 7D");
	assert_int_equal(zf_field_write_decimal(&w, "1.5", 3, b, 4, &err), ZF_OK);
	assert_hex(b, 4, "00 00 15 0C");
	assert_int_equal(zf_field_write_decimal(&w, "1.500", 5, b, 4, &err), ZF_OK);
	assert_int_equal(zf_field_write_decimal(&w, "1.505", 5, b, 4, &err), ZF_E_OVERFLOW);
	assert_int_equal(zf_field_write_decimal(&w, "123456.00", 9, b, 4, &err), ZF_E_OVERFLOW);
}

/* Text: padding, justification, too long, truncation, unmappable, DBCS. */
static void
test_text(void **state)
{
	zf_field	f = test_field("NAME", ZF_KIND_ALNUM, 0, 5);
	zf_field	g = test_field("KANJI", ZF_KIND_DBCS, 0, 6);
	zf_field	n = test_field("NAT", ZF_KIND_NATIONAL, 0, 6);
	zf_field_writer w;
	uint8_t		b[16];
	zf_error	err;
	char		buf[64];
	size_t		got;
	const char *out;

	(void) state;
	zf_field_writer_init(&w, &f, test_page("cp037"));
	assert_int_equal(zf_field_write_text(&w, "AB", 2, b, 5, &err), ZF_OK);
	assert_hex(b, 5, "C1 C2 40 40 40");
	f.justified_right = true;
	assert_int_equal(zf_field_write_text(&w, "AB", 2, b, 5, &err), ZF_OK);
	assert_hex(b, 5, "40 40 40 C1 C2");
	f.justified_right = false;
	assert_int_equal(zf_field_write_text(&w, "ABCDEF", 6, b, 5, &err), ZF_E_OVERFLOW);
	assert_non_null(strstr(err.message, "too long"));
	w.truncate_text = true;
	assert_int_equal(zf_field_write_text(&w, "ABCDEF", 6, b, 5, &err), ZF_OK);
	assert_hex(b, 5, "C1 C2 C3 C4 C5");
	/* "é" is X'51' in cp037; a CJK character is in no single-byte page */
	w.truncate_text = false;
	assert_int_equal(zf_field_write_text(&w, "\xc3\xa9", 2, b, 5, &err), ZF_OK);
	assert_hex(b, 5, "51 40 40 40 40");
	assert_int_equal(zf_field_write_text(&w, "\xe6\xbc\xa2", 3, b, 5, &err), ZF_E_CODEPAGE);

	/* mixed page: SO/SI count; truncation keeps whole characters and SI */
	zf_field_writer_init(&w, &f, test_page("cp930"));
	w.truncate_text = true;
	f.length = 6;
	/* "A" + two kanji: C1 0E xx xx xx xx 0F is 7 bytes, one kanji fits */
	assert_int_equal(zf_field_write_text(&w, "A\xe6\xbc\xa2\xe5\xad\x97", 7, b, 6, &err), ZF_OK);
	assert_int_equal(b[0], 0xC1);
	assert_int_equal(b[1], 0x0E);
	assert_int_equal(b[4], 0x0F);
	assert_int_equal(b[5], 0x40);
	{
		zf_field_reader r;

		zf_field_reader_init(&r, &f, test_page("cp930"));
		assert_int_equal(zf_field_read_text(&r, b, 6, buf, sizeof(buf), &out, &got, &err), ZF_OK);
		assert_int_equal(got, 4);
		assert_memory_equal(out, "A\xe6\xbc\xa2", 4);
	}

	/* DBCS field: no SO/SI, padded with X'4040' */
	zf_field_writer_init(&w, &g, test_page("cp930"));
	assert_int_equal(zf_field_write_text(&w, "\xe6\xbc\xa2", 3, b, 6, &err), ZF_OK);
	assert_int_not_equal(b[0], 0x0E);
	assert_hex(b + 2, 4, "40 40 40 40");
	assert_int_equal(zf_field_write_text(&w, "A", 1, b, 6, &err), ZF_E_CODEPAGE);

	/* national: UTF-16BE padded with U+0020 */
	zf_field_writer_init(&w, &n, test_page("cp037"));
	assert_int_equal(zf_field_write_text(&w, "\xc3\xa9", 2, b, 6, &err), ZF_OK);
	assert_hex(b, 6, "00 E9 00 20 00 20");
}

/* Fill values as COBOL's INITIALIZE gives them, or one byte. */
static void
test_fill(void **state)
{
	zf_field	x = test_field("X", ZF_KIND_ALNUM, 0, 3);
	zf_field	z = num_field(ZF_KIND_ZONED, 3, 3, 0, true, ZF_SIGN_TRAILING);
	zf_field	p = num_field(ZF_KIND_PACKED, 2, 3, 0, false, ZF_SIGN_NONE);
	zf_field	c = num_field(ZF_KIND_BINARY, 2, 4, 0, true, 0);
	uint8_t		b[8];

	(void) state;
	zf_field_fill(&x, test_page("cp037"), ZF_FILL_COBOL, 0, b, 3);
	assert_hex(b, 3, "40 40 40");
	zf_field_fill(&x, test_page("ascii"), ZF_FILL_COBOL, 0, b, 3);
	assert_hex(b, 3, "20 20 20");
	zf_field_fill(&z, test_page("cp037"), ZF_FILL_COBOL, 0, b, 3);
	assert_hex(b, 3, "F0 F0 C0");
	zf_field_fill(&p, test_page("cp037"), ZF_FILL_COBOL, 0, b, 2);
	assert_hex(b, 2, "00 0F");
	zf_field_fill(&c, test_page("cp037"), ZF_FILL_COBOL, 0, b, 2);
	assert_hex(b, 2, "00 00");
	zf_field_fill(&z, test_page("cp037"), ZF_FILL_BYTE, 0x00, b, 3);
	assert_hex(b, 3, "00 00 00");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_packed_vectors),
		cmocka_unit_test(test_zoned_vectors),
		cmocka_unit_test(test_binary_vectors),
		cmocka_unit_test(test_float_vectors),
		cmocka_unit_test(test_round_trip_boundaries),
		cmocka_unit_test(test_decimal_text),
		cmocka_unit_test(test_text),
		cmocka_unit_test(test_fill),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
