/*-------------------------------------------------------------------------
 *
 * test_decfloat.c
 *	  Unit tests for DB2 DECFLOAT decoding (decfloat.c).
 *
 * The vectors are the decode-direction cases ("apply #hex -> string") of
 * the General Decimal Arithmetic testcases by Mike Cowlishaw (IBM),
 * ddEncode.decTest (decimal64) and dqEncode.decTest (decimal128), version
 * 2.56/2.57, as shipped for example in CPython's
 * Lib/test/decimaltestdata; the test-case id is given with each vector.
 * A few encode-direction cases ("apply value -> #hex") are used backwards
 * where the hex is canonical, marked "(enc)".  The expected strings are
 * those cases' to-scientific-string results.
 *
 * On top of that, every one of the 1024 declets is checked against a DPD
 * encoder written here from the IEEE 754-2008 encoding table.
 *
 *-------------------------------------------------------------------------
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "decode/decfloat.h"

typedef struct dfp_case
{
	const char *id;
	const char *hex;
	const char *text;
} dfp_case;

static const dfp_case decimal64_cases[] = {
	/* general, from the Strawman 4 examples */
	{"dece001", "A2300000000003D0", "-7.50"},
	{"dece003", "A23c0000000003D0", "-7.50E+3"},
	{"dece005", "A2380000000003D0", "-750"},
	{"dece007", "A2340000000003D0", "-75.0"},
	{"dece009", "A22c0000000003D0", "-0.750"},
	{"dece011", "A2280000000003D0", "-0.0750"},
	{"dece013", "A2200000000003D0", "-0.000750"},
	{"dece015", "A2180000000003D0", "-0.00000750"},
	{"dece017", "A2140000000003D0", "-7.50E-7"},
	/* normality */
	{"dece020 (enc)", "263934b9c1e28e56", "1234567890123456"},
	{"dece021 (enc)", "a63934b9c1e28e56", "-1234567890123456"},
	{"dece023", "260934b9c1e28e56", "1234.567890123456"},
	{"dece024 (enc)", "2638912449124491", "1111111111111111"},
	{"dece025 (enc)", "6e38ff3fcff3fcff", "9999999999999999"},
	/* Nmax and fold-downs */
	{"dece033", "77fcff3fcff3fcff", "9.999999999999999E+384"},
	{"dece035", "47fd34b9c1e28e56", "1.234567890123456E+384"},
	{"dece037", "47fd300000000000", "1.230000000000000E+384"},
	{"decd039", "47fc000000000000", "1.000000000000000E+384"},
	{"decd052", "22380000000049c5", "12345"},
	{"decd054", "2238000000000534", "1234"},
	{"decd056", "22380000000000a3", "123"},
	{"decd058", "2238000000000012", "12"},
	{"decd060", "2238000000000001", "1"},
	{"decd062", "22300000000000a3", "1.23"},
	{"decd064", "22300000000049c5", "123.45"},
	/* Nmin and subnormals */
	{"decd072", "003c000000000001", "1E-383"},
	{"decd074", "0400000000000000", "1.000000000000000E-383"},
	{"decd076", "0400000000000001", "1.000000000000001E-383"},
	{"decd078", "0000800000000000", "1.00000000000000E-384"},
	{"decd080", "0000000000000010", "1.0E-397"},
	{"decd082", "0004000000000001", "1E-397"},
	{"decd084", "0000000000000001", "1E-398"},
	{"decd086", "6400ff3fcff3fcff", "9.999999999999999E-383"},
	{"decd089", "0400912449124491", "1.111111111111111E-383"},
	{"decd091 (enc)", "2230000000000cff", "39.99"},
	/* negatives */
	{"decd123", "f7fcff3fcff3fcff", "-9.999999999999999E+384"},
	{"decd125", "c7fd34b9c1e28e56", "-1.234567890123456E+384"},
	{"decd131", "c7fd300000000000", "-1.230000000000000E+384"},
	{"decd152", "a2380000000049c5", "-12345"},
	{"decd162", "a2300000000000a3", "-1.23"},
	{"decd164", "a2300000000049c5", "-123.45"},
	{"decd172", "803c000000000001", "-1E-383"},
	{"decd178", "8000800000000000", "-1.00000000000000E-384"},
	{"decd184", "8000000000000001", "-1E-398"},
	{"decd186", "e400ff3fcff3fcff", "-9.999999999999999E-383"},
	{"decd188", "00009124491246a4", "1.11111111111524E-384"},
	/* zeros keep their exponent and sign */
	{"decd404", "0000000000000000", "0E-398"},
	{"decd408", "2230000000000000", "0.00"},
	{"decd410", "2238000000000000", "0"},
	{"decd412", "2244000000000000", "0E+3"},
	{"decd414", "43fc000000000000", "0E+369"},
	{"decd434", "8000000000000000", "-0E-398"},
	{"decd438", "a230000000000000", "-0.00"},
	{"decd440", "a238000000000000", "-0"},
	{"decd442", "a244000000000000", "-0E+3"},
	{"decd444", "c3fc000000000000", "-0E+369"},
	/* exponents */
	{"decd460", "225c000000000007", "7E+9"},
	{"decd462", "23c4000000000007", "7E+99"},
	/* specials: the rest of the bits do not matter for infinity */
	{"decd502", "7800000000000000", "Infinity"},
	{"decd501", "7878787878787878", "Infinity"},
	{"decd504", "7900000000000000", "Infinity"},
	{"decd506", "7a00000000000000", "Infinity"},
	{"decd508", "7b00000000000000", "Infinity"},
	{"decd511", "7c00000000000000", "NaN"},
	{"decd513", "7d00000000000000", "NaN"},
	{"decd515", "7e00000000000000", "sNaN"},
	{"decd517", "7f00000000000000", "sNaN"},
	{"decd518", "7fffffffffffffff", "sNaN999999999999999"},
	{"decd522", "f800000000000000", "-Infinity"},
	{"decd531", "fc00000000000000", "-NaN"},
	{"decd535", "fe00000000000000", "-sNaN"},
	{"decd538", "ffffffffffffffff", "-sNaN999999999999999"},
	/* diagnostic NaNs (payloads) */
	{"decd542 (enc)", "7c00000000000001", "NaN1"},
	{"decd545 (enc)", "7c000000000049c5", "NaN12345"},
	{"decd546 (enc)", "7c00000000028e56", "NaN123456"},
	{"decd547 (enc)", "7c000000000f7fdf", "NaN799799"},
	{"decd548 (enc)", "7c03dff7fdff7fdf", "NaN799799799799799"},
	{"decd549 (enc)", "7c00ff3fcff3fcff", "NaN999999999999999"},
	/* the fold-down sequence */
	{"decd604", "43fc800000000000", "1.00000000000000E+383"},
	{"decd606", "43fc100000000000", "1.0000000000000E+382"},
	{"decd630", "43fc000000000010", "1.0E+370"},
	{"decd632", "43fc000000000001", "1E+369"},
	{"decd634", "43f8000000000001", "1E+368"},
	{"decd642", "77fc000000000000", "9.000000000000000E+384"},
	{"decd644", "43fc8c0000000000", "9.00000000000000E+383"},
	{"decd650", "43fc002300000000", "9.00000000000E+380"},
	{"decd670", "43fc00000000001a", "9.0E+370"},
	/* selected DPD codes, the Huffman groups, the redundant codes */
	{"decd701", "2238000000000009", "9"},
	{"decd702", "2238000000000010", "10"},
	{"decd723", "2238000000000079", "79"},
	{"decd725", "223800000000029e", "994"},
	{"decd726", "223800000000029f", "995"},
	{"decd727", "22380000000002a0", "520"},
	{"decd728", "22380000000002a1", "521"},
	{"decd730", "2238000000000188", "308"},
	{"decd731", "22380000000001a3", "323"},
	{"decd732", "223800000000002a", "82"},
	{"decd733", "22380000000001a9", "329"},
	{"decd734", "2238000000000081", "101"},
	{"decd735", "22380000000002a2", "522"},
	{"decd740", "22380000000003f7", "777"},
	{"decd741", "22380000000003f8", "778"},
	{"decd742", "22380000000003eb", "787"},
	{"decd743", "223800000000037d", "877"},
	{"decd744", "223800000000039f", "997"},
	{"decd745", "22380000000003bf", "979"},
	{"decd746", "22380000000003df", "799"},
	{"decd747", "223800000000006e", "888"},
	{"decd751", "223800000000016e", "888"},
	{"decd752", "223800000000026e", "888"},
	{"decd753", "223800000000036e", "888"},
	{"decd757", "223800000000036f", "889"},
	{"decd763", "223800000000037e", "898"},
	{"decd767", "223800000000037f", "899"},
	{"decd773", "22380000000003ee", "988"},
	{"decd777", "22380000000003ef", "989"},
	{"decd783", "22380000000003fe", "998"},
	{"decd784", "22380000000000ff", "999"},
	{"decd787", "22380000000003ff", "999"},
	/* values around the [u]int32 edges */
	{"decd820", "a23800008c78af46", "-2147483646"},
	{"decd822", "a23800008c78af48", "-2147483648"},
	{"decd823", "a23800008c78af49", "-2147483649"},
	{"decd825", "223800008c78af47", "2147483647"},
	{"decd829", "2238000115afb55b", "4294967295"},
	{"decd830", "2238000115afb57a", "4294967296"},
};

static const dfp_case decimal128_cases[] = {
	{"decq001", "A20780000000000000000000000003D0", "-7.50"},
	{"decq003", "A20840000000000000000000000003D0", "-7.50E+3"},
	{"decq005", "A20800000000000000000000000003D0", "-750"},
	{"decq007", "A207c0000000000000000000000003D0", "-75.0"},
	{"decq009", "A20740000000000000000000000003D0", "-0.750"},
	{"decq011", "A20700000000000000000000000003D0", "-0.0750"},
	{"decq013", "A20680000000000000000000000003D0", "-0.000750"},
	{"decq015", "A20600000000000000000000000003D0", "-0.00000750"},
	{"decq017", "A205c0000000000000000000000003D0", "-7.50E-7"},
	{"decq020 (enc)", "2608134b9c1e28e56f3c127177823534", "1234567890123456789012345678901234"},
	{"decq021 (enc)", "a608134b9c1e28e56f3c127177823534", "-1234567890123456789012345678901234"},
	{"decq022 (enc)", "26080912449124491244912449124491", "1111111111111111111111111111111111"},
	{"decq032", "77ffcff3fcff3fcff3fcff3fcff3fcff", "9.999999999999999999999999999999999E+6144"},
	{"decq034", "47ffd34b9c1e28e56f3c127177823534", "1.234567890123456789012345678901234E+6144"},
	{"decq036", "47ffd300000000000000000000000000", "1.230000000000000000000000000000000E+6144"},
	{"decq038", "47ffc000000000000000000000000000", "1.000000000000000000000000000000000E+6144"},
	{"decq052", "220800000000000000000000000049c5", "12345"},
	{"decq054", "22080000000000000000000000000534", "1234"},
	{"decq056", "220800000000000000000000000000a3", "123"},
	{"decq060", "22080000000000000000000000000001", "1"},
	{"decq062", "220780000000000000000000000000a3", "1.23"},
	{"decq064", "220780000000000000000000000049c5", "123.45"},
	{"decq072", "00084000000000000000000000000001", "1E-6143"},
	{"decq074", "04000000000000000000000000000000", "1.000000000000000000000000000000000E-6143"},
	{"decq076", "04000000000000000000000000000001", "1.000000000000000000000000000000001E-6143"},
	{"decq078", "00000800000000000000000000000000", "1.00000000000000000000000000000000E-6144"},
	{"decq080", "00000000000000000000000000000010", "1.0E-6175"},
	{"decq082", "00004000000000000000000000000001", "1E-6175"},
	{"decq084", "00000000000000000000000000000001", "1E-6176"},
	{"decq100 (enc)", "00000ff3fcff3fcff3fcff3fcff3fcff", "9.99999999999999999999999999999999E-6144"},
	{"decq123", "f7ffcff3fcff3fcff3fcff3fcff3fcff", "-9.999999999999999999999999999999999E+6144"},
	{"decq125", "c7ffd34b9c1e28e56f3c127177823534", "-1.234567890123456789012345678901234E+6144"},
	{"decq152", "a20800000000000000000000000049c5", "-12345"},
	{"decq164", "a20780000000000000000000000049c5", "-123.45"},
	{"decq172", "80084000000000000000000000000001", "-1E-6143"},
	{"decq184", "80000000000000000000000000000001", "-1E-6176"},
	{"decq403", "00000000000000000000000000000000", "0E-6176"},
	{"decq407", "22078000000000000000000000000000", "0.00"},
	{"decq409", "22080000000000000000000000000000", "0"},
	{"decq411", "2208c000000000000000000000000000", "0E+3"},
	{"decq413", "43ffc000000000000000000000000000", "0E+6111"},
	{"decq423", "80000000000000000000000000000000", "-0E-6176"},
	{"decq427", "a2078000000000000000000000000000", "-0.00"},
	{"decq429", "a2080000000000000000000000000000", "-0"},
	{"decq431", "a208c000000000000000000000000000", "-0E+3"},
	{"decq433", "c3ffc000000000000000000000000000", "-0E+6111"},
	{"decq440", "22080000000000000000000000000007", "7"},
	{"decq442", "220a4000000000000000000000000007", "7E+9"},
	{"decq444", "2220c000000000000000000000000007", "7E+99"},
	{"decq446", "2301c000000000000000000000000007", "7E+999"},
	{"decq448", "43e3c000000000000000000000000007", "7E+5999"},
	{"decq502", "78000000000000000000000000000000", "Infinity"},
	{"decq501", "78787878787878787878787878787878", "Infinity"},
	{"decq504", "79000000000000000000000000000000", "Infinity"},
	{"decq511", "7c000000000000000000000000000000", "NaN"},
	{"decq513", "7d000000000000000000000000000000", "NaN"},
	{"decq515", "7e000000000000000000000000000000", "sNaN"},
	{"decq517", "7f000000000000000000000000000000", "sNaN"},
};

/* Hex text to bytes. */
static size_t
hex_to_bytes(const char *hex, uint8_t *out)
{
	size_t		n = strlen(hex) / 2;

	for (size_t i = 0; i < n; i++)
	{
		unsigned	b;

		assert_int_equal(sscanf(hex + 2 * i, "%2x", &b), 1);
		out[i] = (uint8_t) b;
	}
	return n;
}

/* Decode each case and compare with its expected string and class. */
static void
run_cases(const dfp_case *cases, size_t count, size_t len)
{
	for (size_t i = 0; i < count; i++)
	{
		uint8_t		b[16];
		char		buf[ZF_DECFLOAT_STRLEN];
		zf_decfloat_class cls = -1;
		zf_decfloat_class want_cls;
		zf_error	err;
		const char *t = cases[i].text + (cases[i].text[0] == '-');

		assert_int_equal(hex_to_bytes(cases[i].hex, b), len);
		if (zf_decfloat_to_string(b, len, buf, sizeof(buf), &cls, &err) != ZF_OK)
			fail_msg("%s: %s", cases[i].id, err.message);
		if (strcmp(buf, cases[i].text) != 0)
			fail_msg("%s: #%s -> \"%s\", expected \"%s\"", cases[i].id,
					 cases[i].hex, buf, cases[i].text);
		want_cls = strncmp(t, "Inf", 3) == 0 ? ZF_DECFLOAT_INFINITY
			: strncmp(t, "sNaN", 4) == 0 ? ZF_DECFLOAT_SNAN
			: strncmp(t, "NaN", 3) == 0 ? ZF_DECFLOAT_NAN
			: ZF_DECFLOAT_FINITE;
		assert_int_equal(cls, want_cls);
	}
	print_message("%zu %s cases checked\n", count, len == 8 ? "decimal64" : "decimal128");
}

static void
test_decimal64_cases(void **state)
{
	(void) state;
	run_cases(decimal64_cases, sizeof(decimal64_cases) / sizeof(decimal64_cases[0]), 8);
}

static void
test_decimal128_cases(void **state)
{
	(void) state;
	run_cases(decimal128_cases, sizeof(decimal128_cases) / sizeof(decimal128_cases[0]), 16);
}

/* The parts of a decoded value, for the fdw's direct numeric path. */
static void
test_decode_parts(void **state)
{
	uint8_t		b[16];
	zf_decfloat d;
	zf_error	err;

	(void) state;
	hex_to_bytes("A2300000000003D0", b);	/* dece001: -7.50 */
	assert_int_equal(zf_decfloat_decode(b, 8, &d, &err), ZF_OK);
	assert_int_equal(d.cls, ZF_DECFLOAT_FINITE);
	assert_true(d.negative);
	assert_int_equal(d.exponent, -2);
	assert_true(d.coefficient == 750);
	assert_int_equal(d.digits, 3);

	hex_to_bytes("2608134b9c1e28e56f3c127177823534", b);	/* decq020 */
	assert_int_equal(zf_decfloat_decode(b, 16, &d, &err), ZF_OK);
	assert_false(d.negative);
	assert_int_equal(d.exponent, 0);
	assert_int_equal(d.digits, 34);
	assert_true(d.coefficient / 1000000000000000000LL == 1234567890123456LL);
	assert_true(d.coefficient % 1000000000000000000LL == 789012345678901234LL);

	hex_to_bytes("7c000000000049c5", b);	/* decd545: NaN12345 */
	assert_int_equal(zf_decfloat_decode(b, 8, &d, &err), ZF_OK);
	assert_int_equal(d.cls, ZF_DECFLOAT_NAN);
	assert_true(d.coefficient == 12345);

	hex_to_bytes("43e3c000000000000000000000000007", b);	/* decq448: 7E+5999 */
	assert_int_equal(zf_decfloat_decode(b, 16, &d, &err), ZF_OK);
	assert_int_equal(d.exponent, 5999);
	assert_true(d.coefficient == 7);

	assert_int_equal(zf_decfloat_decode(b, 9, &d, &err), ZF_E_ARG);
	assert_string_equal(err.message, "invalid DECFLOAT length 9");
	assert_int_equal(zf_decfloat_decode(b, 4, &d, NULL), ZF_E_ARG);
	{
		char		small[16];

		assert_int_equal(zf_decfloat_to_string(b, 16, small, sizeof(small), NULL, &err), ZF_E_ARG);
	}
}

/*
 * A DPD encoder from the IEEE 754-2008 encoding table (three digits
 * d2 d1 d0; "small" is 0-7, "large" 8-9; bits b9..b0):
 *	all small			d2 d1 0 d0 (3+3+1+3 bits)
 *	d0 large			d2, d1, 100, i
 *	d1 large			d2, gh (of d0), f, 101, i
 *	d2 large			gh (of d0), c, d1, 110, i
 *	d2 d1 large			gh (of d0), c, 00, f, 111, i
 *	d2 d0 large			de (of d1), c, 01, f, 111, i
 *	d1 d0 large			d2, 10, f, 111, i
 *	all large			00, c, 11, f, 111, i
 * where c, f, i are the low bits of d2, d1, d0.
 */
static unsigned
dpd_encode(unsigned n)
{
	unsigned	d2 = n / 100, d1 = n / 10 % 10, d0 = n % 10;
	bool		l2 = d2 >= 8, l1 = d1 >= 8, l0 = d0 >= 8;
	unsigned	c = d2 & 1, f = d1 & 1, i = d0 & 1;

	if (!l2 && !l1 && !l0)
		return d2 << 7 | d1 << 4 | d0;
	if (!l2 && !l1 && l0)
		return d2 << 7 | d1 << 4 | 0x8 | i;
	if (!l2 && l1 && !l0)
		return d2 << 7 | (d0 >> 1) << 5 | f << 4 | 0xA | i;
	if (l2 && !l1 && !l0)
		return (d0 >> 1) << 8 | c << 7 | d1 << 4 | 0xC | i;
	if (l2 && l1 && !l0)
		return (d0 >> 1) << 8 | c << 7 | 0 << 5 | f << 4 | 0xE | i;
	if (l2 && !l1 && l0)
		return (d1 >> 1) << 8 | c << 7 | 1 << 5 | f << 4 | 0xE | i;
	if (!l2 && l1 && l0)
		return d2 << 7 | 2 << 5 | f << 4 | 0xE | i;
	return c << 7 | 3 << 5 | f << 4 | 0xE | i;
}

/*
 * Every three-digit value through its declet in the last position of a
 * decimal64 with exponent 0 (2238...), and the 24 redundant codes (b9 b8
 * set on an all-large declet) decode like their canonical form.
 */
static void
test_all_declets(void **state)
{
	int			redundant = 0;

	(void) state;
	for (unsigned n = 0; n < 1000; n++)
	{
		unsigned	declet = dpd_encode(n);
		uint8_t		b[8] = {0x22, 0x38, 0, 0, 0, 0, (uint8_t) (declet >> 8), (uint8_t) declet};
		zf_decfloat d;

		assert_int_equal(zf_decfloat_decode(b, 8, &d, NULL), ZF_OK);
		if (d.coefficient != (zf_int128) n)
			fail_msg("declet %03X should be %u", declet, n);
		if ((declet & 0x6E) == 0x6E)	/* all large: b9 b8 are free */
		{
			for (unsigned x = 1; x < 4; x++)
			{
				b[6] = (uint8_t) ((declet | x << 8) >> 8);
				assert_int_equal(zf_decfloat_decode(b, 8, &d, NULL), ZF_OK);
				assert_true(d.coefficient == (zf_int128) n);
				redundant++;
			}
		}
	}
	assert_int_equal(redundant, 24);
	/* and the same in the most significant declet of a decimal128 */
	for (unsigned n = 0; n < 1000; n += 37)
	{
		unsigned	declet = dpd_encode(n);
		uint8_t		b[16] = {0x22, 0x08, 0};
		zf_decfloat d;

		/* coefficient continuation starts at bit 109: declet 10 */
		b[2] = (uint8_t) (declet >> 4);
		b[3] = (uint8_t) ((declet & 0xF) << 4);
		assert_int_equal(zf_decfloat_decode(b, 16, &d, NULL), ZF_OK);
		assert_true(d.coefficient == (zf_int128) n * (zf_int128) 1000000000000000000LL * 1000000000000LL);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_decimal64_cases),
		cmocka_unit_test(test_decimal128_cases),
		cmocka_unit_test(test_decode_parts),
		cmocka_unit_test(test_all_declets),
	};

	return cmocka_run_group_tests_name("decfloat", tests, NULL, NULL);
}
