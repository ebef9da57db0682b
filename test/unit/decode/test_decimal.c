/*-------------------------------------------------------------------------
 *
 * test_decimal.c
 *	  Unit tests for the packed, zoned, binary and numeric-edited decoders,
 *	  the decimal text helpers and the encoders (decimal.c, decimal_text.c).
 *
 * Oracles:
 *	- hand-computed byte vectors, each with the reasoning in a comment;
 *	- GnuCOBOL: test/unit/vectors/numvec.cbl writes field bytes together
 *	  with COBOL's own DISPLAY of each field (gen_numvec.sh, committed
 *	  output numvec_fsign_*.txt);
 *	- JRecord's types1 tables (value -> cp037/cp273 bytes), read at test
 *	  time from ../shared/conformance/jrecord/types1.
 * The encoders are checked against the same oracles, never the reverse.
 *
 *-------------------------------------------------------------------------
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "decode/decimal.h"

#define VECTOR_DIR ZF_SOURCE_DIR "/test/unit/vectors/"
#define JRECORD_DIR ZF_SOURCE_DIR "/../shared/conformance/jrecord/types1/"

#define INT128_MAX_TEXT "170141183460469231731687303715884105727"
#define INT128_MIN_TEXT "-170141183460469231731687303715884105728"

/* ---------------------------------------------------------------------
 * Helpers
 * ---------------------------------------------------------------------
 */

/* Hex text ("12 3C" or "123C") to bytes; returns the byte count. */
static size_t
hex_to_bytes(const char *hex, uint8_t *out)
{
	size_t		n = 0;

	while (*hex)
	{
		unsigned	b;

		if (*hex == ' ')
		{
			hex++;
			continue;
		}
		assert_int_equal(sscanf(hex, "%2x", &b), 1);
		out[n++] = (uint8_t) b;
		hex += 2;
	}
	return n;
}

/*
 * An independent reading of expected decimal text such as "+0012345.67",
 * "00001.0-", "-2.1" or "54.3" into an unscaled value of the given scale
 * (fraction digits beyond what the text has are zeros).  Written here so
 * that the tests do not lean on zf_decimal_from_string.
 */
static zf_int128
expected_value(const char *text, int scale)
{
	unsigned __int128 acc = 0;
	bool		negative = false;
	bool		point = false;
	int			frac = 0;

	for (const char *c = text; *c; c++)
	{
		if (*c == '-')
			negative = true;
		else if (*c == '+' || *c == ' ')
			continue;
		else if (*c == '.')
			point = true;
		else
		{
			assert_true(*c >= '0' && *c <= '9');
			acc = acc * 10 + (unsigned) (*c - '0');
			if (point)
				frac++;
		}
	}
	assert_true(frac <= scale);
	for (; frac < scale; frac++)
		acc *= 10;
	return negative ? -(zf_int128) acc : (zf_int128) acc;
}

/* Text of a value for failure messages (plain, scale 0). */
static const char *
i128_text(zf_int128 v, char *buf)
{
	zf_decimal_to_string(v, 0, buf);
	return buf;
}

#define assert_i128_equal(a, b) \
	do { \
		zf_int128 a_ = (a), b_ = (b); \
		char ba_[ZF_DECIMAL_STRLEN], bb_[ZF_DECIMAL_STRLEN]; \
		if (a_ != b_) \
			fail_msg("%s != %s", i128_text(a_, ba_), i128_text(b_, bb_)); \
	} while (0)

/* Decode packed hex with both variants where the 64-bit one applies. */
static zf_status
packed(const char *hex, bool is_signed, zf_int128 *out, zf_error *err)
{
	uint8_t		b[32];
	size_t		n = hex_to_bytes(hex, b);
	zf_status	st = zf_packed_decode(b, n, is_signed, out, err);

	if (n <= 10)
	{
		int64_t		v64 = 0;
		zf_status	st64 = zf_packed_decode64(b, n, is_signed, &v64, NULL);

		if (st == ZF_OK && *out >= INT64_MIN && *out <= INT64_MAX)
		{
			assert_int_equal(st64, ZF_OK);
			assert_true(v64 == (int64_t) *out);
		}
		else if (st == ZF_OK)
			assert_int_equal(st64, ZF_E_OVERFLOW);
		else
			assert_int_equal(st64, st);
	}
	return st;
}

static zf_int128
packed_ok(const char *hex, bool is_signed)
{
	zf_int128	v = 12345;
	zf_error	err;

	if (packed(hex, is_signed, &v, &err) != ZF_OK)
		fail_msg("packed %s: %s", hex, err.message);
	return v;
}

/* Decode zoned hex with both variants where the 64-bit one applies. */
static zf_status
zoned(const char *hex, zf_sign_kind sign, zf_charset cs, zf_int128 *out,
	  zf_error *err)
{
	uint8_t		b[64];
	size_t		n = hex_to_bytes(hex, b);
	zf_status	st = zf_zoned_decode(b, n, sign, cs, out, err);
	int64_t		v64 = 0;
	zf_status	st64 = zf_zoned_decode64(b, n, sign, cs, &v64, NULL);

	if (st == ZF_OK && *out >= INT64_MIN && *out <= INT64_MAX)
	{
		assert_int_equal(st64, ZF_OK);
		assert_true(v64 == (int64_t) *out);
	}
	else if (st == ZF_OK)
		assert_int_equal(st64, ZF_E_OVERFLOW);
	else
		assert_int_equal(st64, st);
	return st;
}

static zf_int128
zoned_ok(const char *hex, zf_sign_kind sign, zf_charset cs)
{
	zf_int128	v = 12345;
	zf_error	err;

	if (zoned(hex, sign, cs, &v, &err) != ZF_OK)
		fail_msg("zoned %s: %s", hex, err.message);
	return v;
}

/* Decode binary hex with both variants. */
static zf_status
binary(const char *hex, bool is_signed, bool big_endian, zf_int128 *out,
	   zf_error *err)
{
	uint8_t		b[32];
	size_t		n = hex_to_bytes(hex, b);
	zf_status	st = zf_binary_decode(b, n, is_signed, big_endian, out, err);
	int64_t		v64 = 0;
	zf_status	st64 = zf_binary_decode64(b, n, is_signed, big_endian, &v64, NULL);

	if (st == ZF_OK && *out >= INT64_MIN && *out <= INT64_MAX)
	{
		assert_int_equal(st64, ZF_OK);
		assert_true(v64 == (int64_t) *out);
	}
	else if (st == ZF_OK)
		assert_int_equal(st64, ZF_E_OVERFLOW);
	else
		assert_int_equal(st64, st);
	return st;
}

static zf_int128
binary_ok(const char *hex, bool is_signed, bool big_endian)
{
	zf_int128	v = 12345;
	zf_error	err;

	if (binary(hex, is_signed, big_endian, &v, &err) != ZF_OK)
		fail_msg("binary %s: %s", hex, err.message);
	return v;
}

/* Parse a decimal literal of up to 39 digits (test constants only). */
static zf_int128
big(const char *text)
{
	return expected_value(text, 0);
}


/* ---------------------------------------------------------------------
 * Packed decimal
 * ---------------------------------------------------------------------
 */

/*
 * Packed: each byte holds two digits, the last byte one digit and the sign
 * nibble.  12345C = digits 1 2 3 4 5, sign C (+); an even digit count has
 * a leading 0 nibble (01234C = 1234).
 */
static void
test_packed_basic(void **state)
{
	(void) state;
	assert_i128_equal(packed_ok("12345C", true), 12345);
	assert_i128_equal(packed_ok("12345D", true), -12345);
	assert_i128_equal(packed_ok("01234C", true), 1234);
	assert_i128_equal(packed_ok("0C", true), 0);
	assert_i128_equal(packed_ok("9C", true), 9);
	assert_i128_equal(packed_ok("9D", true), -9);
	assert_i128_equal(packed_ok("12345F", false), 12345);
	assert_i128_equal(packed_ok("12345F", true), 12345);
	assert_i128_equal(packed_ok("00000000000000000C", true), 0);
	/* 17 digits in 9 bytes: the largest field that cannot overflow int64 */
	assert_i128_equal(packed_ok("99999999999999999C", true), 99999999999999999LL);
	assert_i128_equal(packed_ok("99999999999999999D", true), -99999999999999999LL);
	/* the DTAR020 price field style: S9(9)V99 -> 6 bytes, 11 digits */
	assert_i128_equal(packed_ok("00000001900C", true), 1900);
}

/*
 * Every sign nibble: A C E F are positive, B D negative, 0-9 invalid.
 * In an unsigned field the positive ones are accepted, B and D are not.
 */
static void
test_packed_sign_nibbles(void **state)
{
	static const char *const pos[] = {"123A", "123C", "123E", "123F"};
	static const char *const neg[] = {"123B", "123D"};
	zf_int128	v;
	zf_error	err;
	char		hex[8];

	(void) state;
	for (int i = 0; i < 4; i++)
	{
		assert_i128_equal(packed_ok(pos[i], true), 123);
		assert_i128_equal(packed_ok(pos[i], false), 123);
	}
	for (int i = 0; i < 2; i++)
	{
		assert_i128_equal(packed_ok(neg[i], true), -123);
		assert_int_equal(packed(neg[i], false, &v, &err), ZF_E_BAD_DATA);
		assert_int_equal(err.offset, 1);
		assert_non_null(strstr(err.message, "unsigned packed decimal"));
	}
	for (int s = 0; s <= 9; s++)
	{
		char		want[64];

		snprintf(hex, sizeof(hex), "123%X", s);
		assert_int_equal(packed(hex, true, &v, &err), ZF_E_BAD_DATA);
		snprintf(want, sizeof(want), "invalid packed decimal sign nibble 0x%X", s);
		assert_string_equal(err.message, want);
		assert_int_equal(err.offset, 1);
		assert_int_equal(err.status, ZF_E_BAD_DATA);
	}
	assert_int_equal(packed("123D", false, &v, &err), ZF_E_BAD_DATA);
	assert_string_equal(err.message, "negative sign nibble 0xD in an unsigned packed decimal field");
}

/* A negative zero decodes as 0, whatever the negative sign. */
static void
test_packed_negative_zero(void **state)
{
	(void) state;
	assert_i128_equal(packed_ok("0D", true), 0);
	assert_i128_equal(packed_ok("000B", true), 0);
	assert_i128_equal(packed_ok("0000000000000000000D", true), 0);
}

/* Every invalid digit nibble A-F in each position class reports its byte. */
static void
test_packed_invalid_digits(void **state)
{
	zf_int128	v;
	zf_error	err;

	(void) state;
	for (int d = 0xA; d <= 0xF; d++)
	{
		char		hex[48];
		char		want[64];

		snprintf(want, sizeof(want), "invalid packed decimal digit nibble 0x%X", d);
		/* high nibble of the first byte */
		snprintf(hex, sizeof(hex), "%X2345C", d);
		assert_int_equal(packed(hex, true, &v, &err), ZF_E_BAD_DATA);
		assert_string_equal(err.message, want);
		assert_int_equal(err.offset, 0);
		/* low nibble of a middle byte */
		snprintf(hex, sizeof(hex), "12%X45C", d);
		assert_int_equal(packed(hex, true, &v, &err), ZF_E_BAD_DATA);
		assert_string_equal(err.message, want);
		assert_int_equal(err.offset, 1);
		/* the digit nibble of the sign byte */
		snprintf(hex, sizeof(hex), "1234%XC", d);
		assert_int_equal(packed(hex, true, &v, &err), ZF_E_BAD_DATA);
		assert_string_equal(err.message, want);
		assert_int_equal(err.offset, 2);
		/* in a long field, through the 128-bit chunked loop */
		snprintf(hex, sizeof(hex), "000000000000000000%X19C", d);
		assert_int_equal(packed(hex, true, &v, &err), ZF_E_BAD_DATA);
		assert_int_equal(err.offset, 9);
	}
	/* the detail shows the bytes */
	assert_int_equal(packed("123A4C", true, &v, &err), ZF_E_BAD_DATA);
	assert_string_equal(err.detail, "The field's bytes are 12 3A 4C.");
	/* without an error struct only the status comes back */
	assert_int_equal(packed("AC", true, &v, NULL), ZF_E_BAD_DATA);
}

/*
 * Spaces (X'40') and low-values (X'00') are the usual garbage: 404040 has
 * valid digit nibbles 4 0 4 0 4 but sign nibble 0; 000000 likewise.
 */
static void
test_packed_spaces_low_values(void **state)
{
	zf_int128	v;
	zf_error	err;

	(void) state;
	assert_int_equal(packed("404040", true, &v, &err), ZF_E_BAD_DATA);
	assert_string_equal(err.message, "invalid packed decimal sign nibble 0x0");
	assert_int_equal(err.offset, 2);
	assert_non_null(strstr(err.hint, "null_if 'spaces'"));
	assert_int_equal(packed("000000", true, &v, &err), ZF_E_BAD_DATA);
	assert_int_equal(err.offset, 2);
	assert_non_null(strstr(err.hint, "null_if 'low_values'"));
	assert_int_equal(packed("FFFF", true, &v, &err), ZF_E_BAD_DATA);
	assert_string_equal(err.message, "invalid packed decimal digit nibble 0xF");
	assert_int_equal(err.offset, 0);
}

/*
 * Boundaries.  INT64_MAX = 9223372036854775807 (19 digits, 10 bytes);
 * INT64_MIN = -9223372036854775808.  38 nines in 20 bytes (leading zero
 * nibble) is the largest COBOL/DB2 value; the 39-digit field holds up to
 * INT128_MAX = 170141183460469231731687303715884105727.
 */
static void
test_packed_limits(void **state)
{
	zf_int128	v;
	zf_error	err;
	int64_t		v64;
	uint8_t		b[24];

	(void) state;
	assert_i128_equal(packed_ok("9223372036854775807C", true), INT64_MAX);
	assert_i128_equal(packed_ok("9223372036854775808D", true), INT64_MIN);
	/* one more: fits int128, overflows int64 (the helper checks both) */
	assert_i128_equal(packed_ok("9223372036854775808C", true), (zf_int128) INT64_MAX + 1);
	assert_i128_equal(packed_ok("9223372036854775809D", true), (zf_int128) INT64_MIN - 1);
	assert_i128_equal(packed_ok("9999999999999999999D", true), big("-9999999999999999999"));
	hex_to_bytes("9223372036854775808C", b);
	assert_int_equal(zf_packed_decode64(b, 10, true, &v64, &err), ZF_E_OVERFLOW);
	assert_string_equal(err.message, "packed decimal value out of range for bigint");

	assert_i128_equal(packed_ok("099999999999999999999999999999999999999C", true),
					  big("99999999999999999999999999999999999999"));
	assert_i128_equal(packed_ok("099999999999999999999999999999999999999D", true),
					  -big("99999999999999999999999999999999999999"));
	assert_i128_equal(packed_ok("170141183460469231731687303715884105727C", true),
					  big(INT128_MAX_TEXT));
	assert_i128_equal(packed_ok("170141183460469231731687303715884105728D", true),
					  -big("170141183460469231731687303715884105727") - 1);
	assert_int_equal(packed("170141183460469231731687303715884105728C", true, &v, &err),
					 ZF_E_OVERFLOW);
	assert_int_equal(packed("999999999999999999999999999999999999999C", true, &v, &err),
					 ZF_E_OVERFLOW);
	assert_int_equal(packed("999999999999999999999999999999999999999D", true, &v, NULL),
					 ZF_E_OVERFLOW);

	/* lengths: 1..10 for int64, 1..20 for int128 */
	assert_int_equal(zf_packed_decode64(b, 0, true, &v64, &err), ZF_E_ARG);
	assert_int_equal(zf_packed_decode64(b, 11, true, &v64, &err), ZF_E_ARG);
	assert_string_equal(err.message, "invalid packed decimal field length 11");
	assert_int_equal(zf_packed_decode(b, 21, true, &v, &err), ZF_E_ARG);
	assert_int_equal(zf_packed_decode(b, 0, true, &v, NULL), ZF_E_ARG);
}


/* ---------------------------------------------------------------------
 * Zoned decimal
 * ---------------------------------------------------------------------
 */

/*
 * EBCDIC zoned: digits F0-F9; the sign byte's zone C (or A, E, F) is
 * positive, D (or B) negative, its digit nibble is the digit.
 */
static void
test_zoned_ebcdic(void **state)
{
	(void) state;
	assert_i128_equal(zoned_ok("F1F2C3", ZF_SIGN_TRAILING, ZF_CHARSET_EBCDIC), 123);
	assert_i128_equal(zoned_ok("F1F2D3", ZF_SIGN_TRAILING, ZF_CHARSET_EBCDIC), -123);
	assert_i128_equal(zoned_ok("F1F2F3", ZF_SIGN_TRAILING, ZF_CHARSET_EBCDIC), 123);
	assert_i128_equal(zoned_ok("F1F2A3", ZF_SIGN_TRAILING, ZF_CHARSET_EBCDIC), 123);
	assert_i128_equal(zoned_ok("F1F2E3", ZF_SIGN_TRAILING, ZF_CHARSET_EBCDIC), 123);
	assert_i128_equal(zoned_ok("F1F2B3", ZF_SIGN_TRAILING, ZF_CHARSET_EBCDIC), -123);
	assert_i128_equal(zoned_ok("C1F2F3", ZF_SIGN_LEADING, ZF_CHARSET_EBCDIC), 123);
	assert_i128_equal(zoned_ok("D1F2F3", ZF_SIGN_LEADING, ZF_CHARSET_EBCDIC), -123);
	assert_i128_equal(zoned_ok("4EF1F2F3", ZF_SIGN_LEADING_SEPARATE, ZF_CHARSET_EBCDIC), 123);
	assert_i128_equal(zoned_ok("60F1F2F3", ZF_SIGN_LEADING_SEPARATE, ZF_CHARSET_EBCDIC), -123);
	assert_i128_equal(zoned_ok("F1F2F34E", ZF_SIGN_TRAILING_SEPARATE, ZF_CHARSET_EBCDIC), 123);
	assert_i128_equal(zoned_ok("F1F2F360", ZF_SIGN_TRAILING_SEPARATE, ZF_CHARSET_EBCDIC), -123);
	assert_i128_equal(zoned_ok("F0F1F2F3F4F5F6F7F8F9", ZF_SIGN_NONE, ZF_CHARSET_EBCDIC), 123456789);
	assert_i128_equal(zoned_ok("C0", ZF_SIGN_TRAILING, ZF_CHARSET_EBCDIC), 0);
	assert_i128_equal(zoned_ok("D9", ZF_SIGN_TRAILING, ZF_CHARSET_EBCDIC), -9);
	/* negative zero */
	assert_i128_equal(zoned_ok("F0D0", ZF_SIGN_TRAILING, ZF_CHARSET_EBCDIC), 0);
	assert_i128_equal(zoned_ok("60F0", ZF_SIGN_LEADING_SEPARATE, ZF_CHARSET_EBCDIC), 0);
}

/*
 * ASCII zoned: digits 30-39.  Overpunch as EBCDIC data translated to
 * ASCII shows it: '{' +0, 'A'-'I' +1..+9, '}' -0, 'J'-'R' -1..-9; and as
 * Micro Focus/GnuCOBOL write it: 70-79 ('p'-'y') -0..-9.
 */
static void
test_zoned_ascii(void **state)
{
	(void) state;
	assert_i128_equal(zoned_ok("313243", ZF_SIGN_TRAILING, ZF_CHARSET_ASCII), 123);	/* "12C" */
	assert_i128_equal(zoned_ok("31324C", ZF_SIGN_TRAILING, ZF_CHARSET_ASCII), -123);	/* "12L" */
	assert_i128_equal(zoned_ok("31327B", ZF_SIGN_TRAILING, ZF_CHARSET_ASCII), 120);	/* "12{" */
	assert_i128_equal(zoned_ok("31327D", ZF_SIGN_TRAILING, ZF_CHARSET_ASCII), -120);	/* "12}" */
	assert_i128_equal(zoned_ok("313249", ZF_SIGN_TRAILING, ZF_CHARSET_ASCII), 129);	/* "12I" */
	assert_i128_equal(zoned_ok("313252", ZF_SIGN_TRAILING, ZF_CHARSET_ASCII), -129);	/* "12R" */
	assert_i128_equal(zoned_ok("313273", ZF_SIGN_TRAILING, ZF_CHARSET_ASCII), -123);	/* "12s" */
	assert_i128_equal(zoned_ok("313270", ZF_SIGN_TRAILING, ZF_CHARSET_ASCII), -120);	/* "12p" */
	assert_i128_equal(zoned_ok("313279", ZF_SIGN_TRAILING, ZF_CHARSET_ASCII), -129);	/* "12y" */
	assert_i128_equal(zoned_ok("313233", ZF_SIGN_TRAILING, ZF_CHARSET_ASCII), 123);	/* "123" */
	assert_i128_equal(zoned_ok("4A3233", ZF_SIGN_LEADING, ZF_CHARSET_ASCII), -123);	/* "J23" */
	assert_i128_equal(zoned_ok("2B313233", ZF_SIGN_LEADING_SEPARATE, ZF_CHARSET_ASCII), 123);
	assert_i128_equal(zoned_ok("2D313233", ZF_SIGN_LEADING_SEPARATE, ZF_CHARSET_ASCII), -123);
	assert_i128_equal(zoned_ok("3132332D", ZF_SIGN_TRAILING_SEPARATE, ZF_CHARSET_ASCII), -123);
	assert_i128_equal(zoned_ok("313233", ZF_SIGN_NONE, ZF_CHARSET_ASCII), 123);
}

/* Every digit byte and every sign byte of both families, exhaustively. */
static void
test_zoned_all_bytes(void **state)
{
	int			ok_ebcdic = 0, ok_ascii = 0;

	(void) state;
	for (int b = 0; b < 256; b++)
	{
		uint8_t		field[2] = {0xF1, (uint8_t) b};
		uint8_t		afield[2] = {0x31, (uint8_t) b};
		zf_int128	v;
		int			zone = b >> 4, digit = b & 0x0F;
		bool		ebcdic_valid = digit <= 9 && zone >= 0xA;
		bool		ascii_valid;
		int			ascii_value = 0;

		/* EBCDIC trailing overpunch */
		if (zf_zoned_decode(field, 2, ZF_SIGN_TRAILING, ZF_CHARSET_EBCDIC, &v, NULL) == ZF_OK)
		{
			assert_true(ebcdic_valid);
			assert_i128_equal(v, (zone == 0xB || zone == 0xD) ? -(10 + digit) : 10 + digit);
			ok_ebcdic++;
		}
		else
			assert_false(ebcdic_valid);
		/* EBCDIC unsigned: only F0-F9 */
		assert_int_equal(zf_zoned_decode(field, 2, ZF_SIGN_NONE, ZF_CHARSET_EBCDIC, &v, NULL) == ZF_OK,
						 zone == 0xF && digit <= 9);

		/* ASCII trailing overpunch */
		if (b >= '0' && b <= '9')
			ascii_value = b - '0';
		else if (b >= 'A' && b <= 'I')
			ascii_value = b - 'A' + 1;
		else if (b >= 'J' && b <= 'R')
			ascii_value = -(b - 'J' + 1);
		else if (b >= 0x70 && b <= 0x79)
			ascii_value = -(b - 0x70) - 100;	/* -0 is marked as -100 */
		ascii_valid = (b >= '0' && b <= '9') || (b >= 'A' && b <= 'R') ||
			(b >= 0x70 && b <= 0x79) || b == '{' || b == '}';
		if (zf_zoned_decode(afield, 2, ZF_SIGN_TRAILING, ZF_CHARSET_ASCII, &v, NULL) == ZF_OK)
		{
			assert_true(ascii_valid);
			if (b == '{')
				assert_i128_equal(v, 10);
			else if (b == '}')
				assert_i128_equal(v, -10);
			else if (ascii_value <= -100)
				assert_i128_equal(v, -(10 + (-ascii_value - 100)));
			else if (ascii_value < 0)
				assert_i128_equal(v, -(10 - ascii_value));
			else
				assert_i128_equal(v, 10 + ascii_value);
			ok_ascii++;
		}
		else
			assert_false(ascii_valid);
	}
	assert_int_equal(ok_ebcdic, 60);	/* zones A-F x digits 0-9 */
	assert_int_equal(ok_ascii, 40);		/* 10 + 9 + 9 + 10 + { + } */
}

/*
 * The 64-bit decoder checks eight digits at a time in one word: try every
 * byte value at every position of 8-, 9- and 17-digit fields, in both
 * character sets, and compare with the byte-at-a-time 128-bit decoder and
 * with the rule (digits F0-F9 / 30-39 only).
 */
static void
test_zoned_word_checks(void **state)
{
	static const size_t lengths[] = {8, 9, 17};

	(void) state;
	for (int cs = ZF_CHARSET_EBCDIC; cs <= ZF_CHARSET_ASCII; cs++)
	{
		uint8_t		zone = cs == ZF_CHARSET_ASCII ? 0x30 : 0xF0;

		for (size_t li = 0; li < 3; li++)
		{
			size_t		len = lengths[li];

			for (size_t pos = 0; pos < len; pos++)
				for (int b = 0; b < 256; b++)
				{
					uint8_t		field[20];
					int64_t		v64 = 0;
					zf_int128	v128 = 0;
					bool		valid = b >= zone && b <= zone + 9;
					zf_status	st64, st128;

					for (size_t i = 0; i < len; i++)
						field[i] = (uint8_t) (zone + (i * 7 + 3) % 10);
					field[pos] = (uint8_t) b;
					st64 = zf_zoned_decode64(field, len, ZF_SIGN_NONE, cs, &v64, NULL);
					st128 = zf_zoned_decode(field, len, ZF_SIGN_NONE, cs, &v128, NULL);
					assert_int_equal(st64, valid ? ZF_OK : ZF_E_BAD_DATA);
					assert_int_equal(st128, st64);
					if (valid)
						assert_true(v64 == (int64_t) v128);
				}
		}
	}
}

/*
 * Bad bytes: the offset is the bad byte's index in the field, the message
 * names the byte.  An unsigned field with a sign zone is bad data.
 */
static void
test_zoned_invalid(void **state)
{
	zf_int128	v;
	zf_error	err;

	(void) state;
	assert_int_equal(zoned("404040", ZF_SIGN_TRAILING, ZF_CHARSET_EBCDIC, &v, &err), ZF_E_BAD_DATA);
	assert_string_equal(err.message, "invalid zoned decimal digit X'40'");
	assert_int_equal(err.offset, 0);
	assert_non_null(strstr(err.hint, "null_if 'spaces'"));
	assert_int_equal(zoned("F1F240", ZF_SIGN_TRAILING, ZF_CHARSET_EBCDIC, &v, &err), ZF_E_BAD_DATA);
	assert_string_equal(err.message, "invalid zoned decimal sign X'40'");
	assert_int_equal(err.offset, 2);
	assert_int_equal(zoned("000000", ZF_SIGN_NONE, ZF_CHARSET_EBCDIC, &v, &err), ZF_E_BAD_DATA);
	assert_string_equal(err.message, "invalid zoned decimal digit X'00'");
	assert_non_null(strstr(err.hint, "null_if 'low_values'"));
	assert_int_equal(zoned("F1C2F3", ZF_SIGN_TRAILING, ZF_CHARSET_EBCDIC, &v, &err), ZF_E_BAD_DATA);
	assert_int_equal(err.offset, 1);
	assert_int_equal(zoned("F1F2C3", ZF_SIGN_NONE, ZF_CHARSET_EBCDIC, &v, &err), ZF_E_BAD_DATA);
	assert_string_equal(err.message, "invalid zoned decimal digit X'C3'");
	assert_int_equal(err.offset, 2);
	assert_non_null(strstr(err.hint, "PIC S9"));
	assert_int_equal(zoned("4BF1F2", ZF_SIGN_LEADING_SEPARATE, ZF_CHARSET_EBCDIC, &v, &err), ZF_E_BAD_DATA);
	assert_string_equal(err.message, "invalid zoned decimal separate sign X'4B'");
	assert_int_equal(err.offset, 0);
	assert_int_equal(zoned("F1F22B", ZF_SIGN_TRAILING_SEPARATE, ZF_CHARSET_EBCDIC, &v, &err), ZF_E_BAD_DATA);
	assert_int_equal(err.offset, 2);
	/* the separate sign byte is never a digit */
	assert_int_equal(zoned("F1F2F3", ZF_SIGN_TRAILING_SEPARATE, ZF_CHARSET_EBCDIC, &v, &err), ZF_E_BAD_DATA);
	assert_int_equal(zoned("313240", ZF_SIGN_TRAILING, ZF_CHARSET_ASCII, &v, &err), ZF_E_BAD_DATA);
	assert_string_equal(err.message, "invalid zoned decimal sign X'40'");
	assert_int_equal(zoned("203132", ZF_SIGN_NONE, ZF_CHARSET_ASCII, &v, &err), ZF_E_BAD_DATA);
	assert_string_equal(err.message, "invalid zoned decimal digit X'20'");
	assert_string_equal(err.hint, "The field is read as ASCII zoned decimal.");
	assert_int_equal(zoned("202020", ZF_SIGN_NONE, ZF_CHARSET_ASCII, &v, &err), ZF_E_BAD_DATA);
	assert_string_equal(err.message, "invalid zoned decimal digit X'20'");
	assert_non_null(strstr(err.hint, "null_if 'spaces'"));
	/* EBCDIC digits are not ASCII digits and vice versa */
	assert_int_equal(zoned("F1F2F3", ZF_SIGN_NONE, ZF_CHARSET_ASCII, &v, NULL), ZF_E_BAD_DATA);
	assert_int_equal(zoned("313233", ZF_SIGN_NONE, ZF_CHARSET_EBCDIC, &v, NULL), ZF_E_BAD_DATA);
	/* the JRecord DTAR107 dirty CUST-NO: 15 blanks and F4 in PIC 9(16) */
	assert_int_equal(zoned("404040404040404040404040404040F4", ZF_SIGN_NONE,
						   ZF_CHARSET_EBCDIC, &v, &err), ZF_E_BAD_DATA);
	assert_int_equal(err.offset, 0);
	/* no digits at all */
	assert_int_equal(zoned("4E", ZF_SIGN_LEADING_SEPARATE, ZF_CHARSET_EBCDIC, &v, &err), ZF_E_ARG);
}

/*
 * Long zoned fields: 19 digits overflow int64 only by value; 38 digits fit
 * int128, 39 nines do not; leading zeros never count.
 */
static void
test_zoned_limits(void **state)
{
	zf_int128	v;
	zf_error	err;
	int64_t		v64;
	uint8_t		b[64];

	(void) state;
	/* "9223372036854775807" as EBCDIC digits with C on the last */
	assert_i128_equal(zoned_ok("F9F2F2F3F3F7F2F0F3F6F8F5F4F7F7F5F8F0C7", ZF_SIGN_TRAILING, ZF_CHARSET_EBCDIC),
					  INT64_MAX);
	assert_i128_equal(zoned_ok("F9F2F2F3F3F7F2F0F3F6F8F5F4F7F7F5F8F0D8", ZF_SIGN_TRAILING, ZF_CHARSET_EBCDIC),
					  INT64_MIN);
	hex_to_bytes("F9F2F2F3F3F7F2F0F3F6F8F5F4F7F7F5F8F0C8", b);
	assert_int_equal(zf_zoned_decode64(b, 19, ZF_SIGN_TRAILING, ZF_CHARSET_EBCDIC, &v64, &err),
					 ZF_E_OVERFLOW);
	assert_string_equal(err.message, "zoned decimal value out of range for bigint");
	/* 18 nines: the inline path */
	assert_i128_equal(zoned_ok("F9F9F9F9F9F9F9F9F9F9F9F9F9F9F9F9F9D9", ZF_SIGN_TRAILING, ZF_CHARSET_EBCDIC),
					  -999999999999999999LL);
	/* 25 digits, leading zeros: still fits int64 */
	assert_i128_equal(zoned_ok("F0F0F0F0F0F0F0F0F0F0F0F0F0F0F0F0F0F0F0F0F0F1F2F3C4", ZF_SIGN_TRAILING,
							   ZF_CHARSET_EBCDIC), 1234);
	/* 38 nines */
	memset(b, 0xF9, 38);
	b[37] = 0xD9;
	assert_int_equal(zf_zoned_decode(b, 38, ZF_SIGN_TRAILING, ZF_CHARSET_EBCDIC, &v, &err), ZF_OK);
	assert_i128_equal(v, -big("99999999999999999999999999999999999999"));
	/* 39 nines overflow */
	memset(b, 0xF9, 39);
	assert_int_equal(zf_zoned_decode(b, 39, ZF_SIGN_NONE, ZF_CHARSET_EBCDIC, &v, &err), ZF_E_OVERFLOW);
	/* 60 digits: far beyond, still a clean overflow */
	memset(b, 0xF9, 60);
	assert_int_equal(zf_zoned_decode(b, 60, ZF_SIGN_NONE, ZF_CHARSET_EBCDIC, &v, NULL), ZF_E_OVERFLOW);
	/* INT128_MAX and INT128_MIN as ASCII digits */
	assert_int_equal(zf_zoned_decode((const uint8_t *) INT128_MAX_TEXT, 39, ZF_SIGN_NONE,
									 ZF_CHARSET_ASCII, &v, NULL), ZF_OK);
	assert_i128_equal(v, big(INT128_MAX_TEXT));
	assert_int_equal(zf_zoned_decode((const uint8_t *) INT128_MIN_TEXT, 40, ZF_SIGN_LEADING_SEPARATE,
									 ZF_CHARSET_ASCII, &v, NULL), ZF_OK);
	assert_i128_equal(v, -big(INT128_MAX_TEXT) - 1);
	assert_int_equal(zf_zoned_decode((const uint8_t *) "170141183460469231731687303715884105728", 39,
									 ZF_SIGN_NONE, ZF_CHARSET_ASCII, &v, NULL), ZF_E_OVERFLOW);
}


/* ---------------------------------------------------------------------
 * Binary
 * ---------------------------------------------------------------------
 */

/*
 * Two's complement, big-endian unless said: FFFF = -1, 7FFF = 32767,
 * 8000 = -32768; unsigned FFFF = 65535; 3 bytes FFFFFF = -1,
 * 800000 = -2^23.
 */
static void
test_binary_basic(void **state)
{
	(void) state;
	assert_i128_equal(binary_ok("FFFF", true, true), -1);
	assert_i128_equal(binary_ok("FFFF", false, true), 65535);
	assert_i128_equal(binary_ok("7FFF", true, true), 32767);
	assert_i128_equal(binary_ok("8000", true, true), -32768);
	assert_i128_equal(binary_ok("0102", true, true), 258);
	assert_i128_equal(binary_ok("0102", true, false), 513);
	assert_i128_equal(binary_ok("80000000", true, true), INT32_MIN);
	assert_i128_equal(binary_ok("80000000", false, true), 2147483648LL);
	assert_i128_equal(binary_ok("FFFFFFFE", true, true), -2);
	assert_i128_equal(binary_ok("FEFFFFFF", true, false), -2);
	assert_i128_equal(binary_ok("000004D2", true, true), 1234);
	assert_i128_equal(binary_ok("FFFFFF", true, true), -1);
	assert_i128_equal(binary_ok("800000", true, true), -8388608);
	assert_i128_equal(binary_ok("800000", false, true), 8388608);
	assert_i128_equal(binary_ok("FF", true, true), -1);
	assert_i128_equal(binary_ok("FF", false, true), 255);
	assert_i128_equal(binary_ok("7FFFFFFFFFFFFFFF", true, true), INT64_MAX);
	assert_i128_equal(binary_ok("8000000000000000", true, true), INT64_MIN);
	assert_i128_equal(binary_ok("0000000000000000", true, true), 0);
	assert_i128_equal(binary_ok("FFFFFFFFFF", true, true), -1);
	assert_i128_equal(binary_ok("FFFFFFFFFF", false, false), 0xFFFFFFFFFFLL);
}

/*
 * Limits: unsigned 8 bytes above INT64_MAX overflow int64 but fit int128;
 * 9-16 bytes go through int128; unsigned 16 bytes with the top bit set
 * overflow int128.
 */
static void
test_binary_limits(void **state)
{
	zf_int128	v;
	zf_error	err;
	int64_t		v64;
	uint8_t		b[17] = {0x80};

	(void) state;
	assert_int_equal(zf_binary_decode64(b, 8, false, true, &v64, &err), ZF_E_OVERFLOW);
	assert_string_equal(err.message, "unsigned binary value out of range for bigint");
	assert_i128_equal(binary_ok("8000000000000000", false, true), (zf_int128) INT64_MAX + 1);
	assert_i128_equal(binary_ok("FFFFFFFFFFFFFFFF", false, true), (zf_int128) UINT64_MAX);
	assert_i128_equal(binary_ok("007FFFFFFFFFFFFFFF", true, true), INT64_MAX);
	assert_i128_equal(binary_ok("FF8000000000000000", true, true), INT64_MIN);
	assert_i128_equal(binary_ok("FF7FFFFFFFFFFFFFFF", true, true), (zf_int128) INT64_MIN - 1);
	assert_i128_equal(binary_ok("010000000000000000", true, true), (zf_int128) UINT64_MAX + 1);
	assert_i128_equal(binary_ok("FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF", true, true), -1);
	assert_i128_equal(binary_ok("7FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF", true, true), big(INT128_MAX_TEXT));
	assert_i128_equal(binary_ok("80000000000000000000000000000000", true, true), -big(INT128_MAX_TEXT) - 1);
	assert_i128_equal(binary_ok("7FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF", false, true), big(INT128_MAX_TEXT));
	assert_int_equal(binary("80000000000000000000000000000000", false, true, &v, &err), ZF_E_OVERFLOW);
	assert_i128_equal(binary_ok("FFFFFFFFFFFFFFFFFFFFFFFFFFFFFF7F", true, false), big(INT128_MAX_TEXT));
	assert_int_equal(zf_binary_decode(b, 0, true, true, &v, &err), ZF_E_ARG);
	assert_int_equal(zf_binary_decode(b, 17, true, true, &v, &err), ZF_E_ARG);
	assert_int_equal(zf_binary_decode64(b, 17, true, true, &v64, NULL), ZF_E_ARG);
	assert_int_equal(zf_binary_decode64(b, 0, true, true, &v64, NULL), ZF_E_ARG);
}


/* ---------------------------------------------------------------------
 * GnuCOBOL vectors
 * ---------------------------------------------------------------------
 */

typedef enum vec_kind
{
	VEC_PACKED,
	VEC_ZONED,
	VEC_BINARY,
	VEC_EDITED
} vec_kind;

/* What each tag of numvec.cbl is. */
typedef struct vec_field
{
	const char *tag;
	vec_kind	kind;
	int			digits;
	int			scale;
	bool		is_signed;
	zf_sign_kind sign;
	const char *picture;		/* edited fields */
} vec_field;

static const vec_field vec_fields[] = {
	{"P1", VEC_PACKED, 9, 2, true, 0, NULL},	/* S9(7)V99 COMP-3 */
	{"P2", VEC_PACKED, 18, 0, true, 0, NULL},	/* S9(18) COMP-3 */
	{"P3", VEC_PACKED, 5, 0, false, 0, NULL},	/* 9(5) COMP-3 */
	{"P4", VEC_PACKED, 38, 7, true, 0, NULL},	/* S9(31)V9(7) COMP-3 */
	{"P5", VEC_PACKED, 4, 0, true, 0, NULL},	/* S9(4) COMP-3 */
	{"P6", VEC_PACKED, 1, 0, true, 0, NULL},	/* S9(1) COMP-3 */
	{"Z1", VEC_ZONED, 9, 2, true, ZF_SIGN_TRAILING, NULL},
	{"Z2", VEC_ZONED, 5, 0, true, ZF_SIGN_LEADING, NULL},
	{"Z3", VEC_ZONED, 6, 1, true, ZF_SIGN_TRAILING_SEPARATE, NULL},
	{"Z4", VEC_ZONED, 5, 0, true, ZF_SIGN_LEADING_SEPARATE, NULL},
	{"Z5", VEC_ZONED, 6, 0, false, ZF_SIGN_NONE, NULL},
	{"Z6", VEC_ZONED, 18, 0, true, ZF_SIGN_TRAILING, NULL},
	{"Z7", VEC_ZONED, 38, 7, true, ZF_SIGN_TRAILING, NULL},
	{"B1", VEC_BINARY, 4, 0, true, 0, NULL},	/* S9(4) COMP */
	{"B2", VEC_BINARY, 9, 0, true, 0, NULL},
	{"B3", VEC_BINARY, 18, 0, true, 0, NULL},
	{"B4", VEC_BINARY, 4, 0, false, 0, NULL},	/* 9(4) COMP */
	{"B5", VEC_BINARY, 9, 0, false, 0, NULL},
	{"E1", VEC_EDITED, 9, 2, true, 0, "-Z(6)9.99"},
	{"E2", VEC_EDITED, 9, 2, true, 0, "$$,$$$,$$9.99CR"},
	{"E3", VEC_EDITED, 9, 2, true, 0, "+(8)9.99"},
	{"E4", VEC_EDITED, 9, 2, true, 0, "*,***,**9.99-"},
	{"E5", VEC_EDITED, 9, 2, true, 0, "Z(7).99DB"},
	{"E6", VEC_EDITED, 9, 2, false, 0, "ZZZZZZZ.ZZ"},
	{"E7", VEC_EDITED, 9, 2, true, 0, "---,---,--9.99"},
};

/*
 * GnuCOBOL writes zoned signs as ASCII; the EBCDIC bytes of the same field
 * follow by a fixed table (digits F0-F9, '{' 'A'-'I' zone C, '}' 'J'-'R'
 * zone D, '+' 4E, '-' 60): not a code page conversion, see recipes.md.
 */
static uint8_t
ascii_zoned_to_ebcdic(uint8_t c)
{
	if (c >= '0' && c <= '9')
		return (uint8_t) (0xF0 + c - '0');
	if (c == '{')
		return 0xC0;
	if (c >= 'A' && c <= 'I')
		return (uint8_t) (0xC1 + c - 'A');
	if (c == '}')
		return 0xD0;
	if (c >= 'J' && c <= 'R')
		return (uint8_t) (0xD1 + c - 'J');
	if (c == '+')
		return 0x4E;
	if (c == '-')
		return 0x60;
	fail_msg("unexpected GnuCOBOL zoned byte %02X", c);
	return 0;
}

/* The value base-10000 groups (least significant first) stand for. */
static zf_int128
groups_value(const zf_packed_groups *g)
{
	zf_int128	v = 0;

	for (int k = 7; k >= 0; k--)
	{
		assert_true(g->group[k] <= 9999);
		v = v * 10000 + g->group[k];
	}
	return v;
}

/*
 * zf_packed_to_groups of a valid field against its known value, at every
 * shift it allows, reading the field alone and with bytes before it.
 */
static void
check_packed_groups(const uint8_t *b, size_t n, bool is_signed, zf_int128 want)
{
	zf_int128	magnitude = want < 0 ? -want : want;
	uint8_t		padded[16];

	memset(padded, 0x9F, sizeof(padded));	/* garbage before the field */
	memcpy(padded + sizeof(padded) - n, b, n);
	for (unsigned shift = 0; 2 * n - 1 + shift <= ZF_PACKED_GROUPS_MAX_DIGITS; shift++)
	{
		zf_int128	scaled = magnitude;

		for (unsigned i = 0; i < shift; i++)
			scaled *= 10;
		for (int back = 0; back <= 1; back++)
		{
			zf_packed_groups g;
			const uint8_t *p = back ? padded + sizeof(padded) - n : b;

			assert_true(zf_packed_to_groups(p, n, is_signed, back, shift, &g));
			assert_i128_equal(groups_value(&g), scaled);
			assert_int_equal(g.ndigits, magnitude == 0 ? 0 : zf_int128_digits(magnitude));
			assert_int_equal(g.negative, want < 0);
		}
	}
}

/* Check one vector line; ebcdic_too: also map zoned bytes to EBCDIC. */
static void
check_vector(const char *line, bool ebcdic_too, int *counts)
{
	char		tag[4], hex[128], display[128];
	const vec_field *f = NULL;
	uint8_t		b[64], enc[64];
	size_t		n;
	zf_int128	want, got = 0;
	zf_error	err;
	zf_status	st;

	assert_int_equal(sscanf(line, "%3s", tag), 1);
	for (size_t i = 0; i < sizeof(vec_fields) / sizeof(vec_fields[0]); i++)
		if (strcmp(vec_fields[i].tag, tag) == 0)
			f = &vec_fields[i];
	if (f == NULL)
		fail_msg("unknown vector tag in: %s", line);

	if (f->kind == VEC_EDITED)
	{
		const char *open = strchr(line, '|');
		const char *close = strrchr(line, '|');

		assert_non_null(open);
		assert_true(close > open);
		want = expected_value(close + 2, f->scale);
		if (!f->is_signed && want < 0)
			want = -want;		/* the unsigned picture drops the sign */
		st = zf_edited_decode(open + 1, (size_t) (close - open - 1), f->picture,
							  f->scale, '.', false, &got, &err);
		if (st != ZF_OK)
			fail_msg("%s: %s", line, err.message);
		assert_i128_equal(got, want);
		counts[f->kind]++;
		return;
	}

	assert_int_equal(sscanf(line, "%3s %127s %127s", tag, hex, display), 3);
	n = hex_to_bytes(hex, b);
	want = expected_value(display, f->scale);
	if (!f->is_signed)
		assert_true(want >= 0);

	switch (f->kind)
	{
		case VEC_PACKED:
			assert_int_equal(n, zf_packed_length(f->digits));
			st = zf_packed_decode(b, n, f->is_signed, &got, &err);
			if (st != ZF_OK)
				fail_msg("%s: %s", line, err.message);
			assert_i128_equal(got, want);
			if (n <= 10)
			{
				int64_t		v64;

				assert_int_equal(zf_packed_decode64(b, n, f->is_signed, &v64, NULL), ZF_OK);
				assert_true(v64 == (int64_t) want);
			}
			/*
			 * The encoder must write the same bytes as COBOL, except for
			 * zero: GnuCOBOL keeps the sign when a MOVE truncates a
			 * negative value to zero (0D, a negative zero, decoded as 0
			 * above); the encoder always writes a positive zero.
			 */
			assert_int_equal(zf_packed_encode(want, f->digits, f->is_signed, enc, NULL), ZF_OK);
			if (want != 0)
				assert_memory_equal(enc, b, n);
			if (n <= ZF_PACKED_GROUPS_MAX_LEN)
				check_packed_groups(b, n, f->is_signed, want);
			break;
		case VEC_ZONED:
			st = zf_zoned_decode(b, n, f->sign, ZF_CHARSET_ASCII, &got, &err);
			if (st != ZF_OK)
				fail_msg("%s: %s", line, err.message);
			assert_i128_equal(got, want);
			if (f->digits <= 18)
			{
				int64_t		v64;

				assert_int_equal(zf_zoned_decode64(b, n, f->sign, ZF_CHARSET_ASCII, &v64, NULL), ZF_OK);
				assert_true(v64 == (int64_t) want);
			}
			if (ebcdic_too)
			{
				/*
				 * Our ASCII encoder writes { A-I } J-R: the -fsign=EBCDIC
				 * bytes (but for negative zeros, see VEC_PACKED).
				 */
				assert_int_equal(zf_zoned_encode(want, f->digits, f->sign, ZF_CHARSET_ASCII, enc, NULL), ZF_OK);
				if (want != 0)
					assert_memory_equal(enc, b, n);
				for (size_t i = 0; i < n; i++)
					b[i] = ascii_zoned_to_ebcdic(b[i]);
				st = zf_zoned_decode(b, n, f->sign, ZF_CHARSET_EBCDIC, &got, &err);
				if (st != ZF_OK)
					fail_msg("%s (EBCDIC): %s", line, err.message);
				assert_i128_equal(got, want);
				assert_int_equal(zf_zoned_encode(want, f->digits, f->sign, ZF_CHARSET_EBCDIC, enc, NULL), ZF_OK);
				if (want != 0)
					assert_memory_equal(enc, b, n);
				counts[VEC_ZONED]++;
			}
			break;
		case VEC_BINARY:
			assert_int_equal(n, zf_binary_length(f->digits));
			st = zf_binary_decode(b, n, f->is_signed, true, &got, &err);
			if (st != ZF_OK)
				fail_msg("%s: %s", line, err.message);
			assert_i128_equal(got, want);
			assert_int_equal(zf_binary_encode(want, n, f->is_signed, enc, NULL), ZF_OK);
			assert_memory_equal(enc, b, n);
			break;
		case VEC_EDITED:
			break;
	}
	counts[f->kind]++;
}

/* Run every line of a vector file. */
static void
run_vector_file(const char *name, bool ebcdic_too, int min_lines)
{
	char		path[512];
	char		line[512];
	int			counts[4] = {0, 0, 0, 0};
	int			lines = 0;
	FILE	   *f;

	snprintf(path, sizeof(path), "%s%s", VECTOR_DIR, name);
	f = fopen(path, "r");
	if (f == NULL)
		fail_msg("cannot open %s", path);
	while (fgets(line, sizeof(line), f))
	{
		line[strcspn(line, "\n")] = '\0';
		if (line[0] == '\0')
			continue;
		check_vector(line, ebcdic_too, counts);
		lines++;
	}
	fclose(f);
	print_message("%s: %d lines: %d packed, %d zoned, %d binary, %d edited checks\n",
				  name, lines, counts[VEC_PACKED], counts[VEC_ZONED],
				  counts[VEC_BINARY], counts[VEC_EDITED]);
	assert_true(lines >= min_lines);
}

/* -fsign=EBCDIC: zoned signs { A-I } J-R, decoded as ASCII and as EBCDIC. */
/*
 * zf_packed_to_groups by hand: 12 34 5C is +12345, groups 2345 and 1; with
 * a shift of 2 it is 1234500, groups 4500 and 123.  Bad digits and signs,
 * a negative zero, the longest field and the largest shift.
 */
static void
test_packed_groups(void **state)
{
	zf_packed_groups g;
	const uint8_t plus[] = {0x12, 0x34, 0x5C};
	const uint8_t minus[] = {0x12, 0x34, 0x5D};
	const uint8_t unsigned_f[] = {0x12, 0x34, 0x5F};
	const uint8_t bad_digit[] = {0x1A, 0x34, 0x5C};
	const uint8_t bad_low_digit[] = {0x12, 0x3F, 0x5C};
	const uint8_t bad_sign[] = {0x12, 0x34, 0x56};
	const uint8_t neg_zero[] = {0x00, 0x0D};
	const uint8_t longest[] = {0x99, 0x99, 0x99, 0x99, 0x99, 0x99, 0x99, 0x9C};
	const uint8_t nine_bytes[] = {0, 0, 0, 0, 0, 0, 0, 0, 0x1C};

	(void) state;
	assert_true(zf_packed_to_groups(plus, 3, true, false, 0, &g));
	assert_int_equal(g.group[0], 2345);
	assert_int_equal(g.group[1], 1);
	assert_int_equal(g.group[2], 0);
	assert_int_equal(g.ndigits, 5);
	assert_false(g.negative);
	assert_true(zf_packed_to_groups(plus, 3, true, false, 2, &g));
	assert_int_equal(g.group[0], 4500);
	assert_int_equal(g.group[1], 123);
	assert_int_equal(g.ndigits, 5);

	assert_true(zf_packed_to_groups(minus, 3, true, false, 0, &g));
	assert_true(g.negative);
	assert_false(zf_packed_to_groups(minus, 3, false, false, 0, &g));
	assert_true(zf_packed_to_groups(unsigned_f, 3, false, false, 0, &g));
	assert_false(g.negative);
	assert_false(zf_packed_to_groups(bad_digit, 3, true, false, 0, &g));
	assert_false(zf_packed_to_groups(bad_low_digit, 3, true, false, 0, &g));
	assert_false(zf_packed_to_groups(bad_sign, 3, true, false, 0, &g));

	assert_true(zf_packed_to_groups(neg_zero, 2, true, false, 3, &g));
	assert_false(g.negative);	/* -0 is 0 */
	assert_int_equal(g.ndigits, 0);
	assert_int_equal(groups_value(&g), 0);

	/* 15 nines and 17 zeros: 32 digits, groups 9999 9999 9999 9990 0 0 0 0 */
	assert_true(zf_packed_to_groups(longest, 8, true, false, 17, &g));
	assert_int_equal(g.group[7], 9999);
	assert_int_equal(g.group[5], 9999);
	assert_int_equal(g.group[4], 9990);
	assert_int_equal(g.group[3], 0);
	assert_int_equal(g.group[0], 0);
	assert_int_equal(g.ndigits, 15);
	assert_false(zf_packed_to_groups(longest, 8, true, false, 18, &g));
	assert_false(zf_packed_to_groups(nine_bytes, 9, true, false, 0, &g));
	assert_false(zf_packed_to_groups(nine_bytes, 0, true, false, 0, &g));
}

static void
test_gnucobol_vectors(void **state)
{
	(void) state;
	run_vector_file("numvec_fsign_ebcdic.txt", true, 4000);
}

/* -fsign=ASCII: Micro Focus negative zones 7x, positive plain digits. */
static void
test_gnucobol_vectors_ascii_sign(void **state)
{
	(void) state;
	run_vector_file("numvec_fsign_ascii.txt", false, 1000);
}


/* ---------------------------------------------------------------------
 * JRecord types1
 * ---------------------------------------------------------------------
 */

/*
 * TestData_CP037.txt / TestData_CP273.txt: fixed columns per TestData.cbl
 * (type number at 45-47, length 49-50, decimals 52, value 54-61, hex
 * 72-87, 0-based).  Checked in the decode direction: types 32 (mainframe
 * zoned, trailing overpunch), 9 and 10 (sign leading/trailing separate)
 * and 22 (unsigned with assumed decimal).  The other types are text
 * numbers with explicit points, blanks or other dialects: skipped.
 */
static void
run_jrecord(const char *file)
{
	char		path[512];
	char		line[256];
	FILE	   *f;
	int			checked = 0, skipped = 0;

	snprintf(path, sizeof(path), "%s%s", JRECORD_DIR, file);
	f = fopen(path, "r");
	if (f == NULL)
	{
		print_message("JRecord types1 vectors not found at %s: skipped\n", path);
		skip();
	}
	while (fgets(line, sizeof(line), f))
	{
		char		field[20];
		int			type, len, decimals;
		zf_sign_kind sign;
		uint8_t		b[16];
		zf_int128	got, want;
		zf_error	err;
		char	   *value_end;

		if (strlen(line) < 88)
			continue;
		memcpy(field, line + 45, 3);
		field[3] = '\0';
		type = atoi(field);
		memcpy(field, line + 49, 2);
		field[2] = '\0';
		len = atoi(field);
		decimals = line[52] - '0';
		switch (type)
		{
			case 32:
				sign = ZF_SIGN_TRAILING;
				break;
			case 9:
				sign = ZF_SIGN_LEADING_SEPARATE;
				break;
			case 10:
				sign = ZF_SIGN_TRAILING_SEPARATE;
				break;
			case 22:
				sign = ZF_SIGN_NONE;
				break;
			default:
				skipped++;
				continue;
		}
		memcpy(field, line + 54, 8);
		field[8] = '\0';
		value_end = strchr(field, ' ');
		if (value_end)
			*value_end = '\0';
		want = expected_value(field, decimals);
		memcpy(field, line + 72, 16);
		field[16] = '\0';
		value_end = strchr(field, ' ');
		if (value_end)
			*value_end = '\0';
		assert_int_equal(hex_to_bytes(field, b), (size_t) len);
		if (zf_zoned_decode(b, (size_t) len, sign, ZF_CHARSET_EBCDIC, &got, &err) != ZF_OK)
			fail_msg("%s type %d: %s: %s", file, type, field, err.message);
		assert_i128_equal(got, want);
		checked++;
	}
	fclose(f);
	print_message("%s: %d fixed-point DISPLAY rows checked, %d rows of other types skipped\n",
				  file, checked, skipped);
	assert_true(checked >= 50);
}

static void
test_jrecord_cp037(void **state)
{
	(void) state;
	run_jrecord("TestData_CP037.txt");
}

static void
test_jrecord_cp273(void **state)
{
	(void) state;
	run_jrecord("TestData_CP273.txt");
}


/* ---------------------------------------------------------------------
 * Text helpers
 * ---------------------------------------------------------------------
 */

static void
check_to_string(zf_int128 v, int scale, const char *want)
{
	char		buf[ZF_DECIMAL_STRLEN];
	int			n = zf_decimal_to_string(v, scale, buf);

	assert_string_equal(buf, want);
	assert_int_equal(n, (int) strlen(want));
}

/* Rendering of scaled values; the examples of decimal.h first. */
static void
test_decimal_to_string(void **state)
{
	char		buf[ZF_DECIMAL_STRLEN];

	(void) state;
	check_to_string(-12345, 2, "-123.45");
	check_to_string(123, -2, "12300");
	check_to_string(12, 5, "0.00012");
	check_to_string(0, 0, "0");
	check_to_string(0, 2, "0.00");
	check_to_string(0, -3, "0");
	check_to_string(5, 1, "0.5");
	check_to_string(-5, 1, "-0.5");
	check_to_string(100, 2, "1.00");
	check_to_string(INT64_MIN, 0, "-9223372036854775808");
	check_to_string(big(INT128_MAX_TEXT), 0, INT128_MAX_TEXT);
	check_to_string(-big(INT128_MAX_TEXT) - 1, 0, INT128_MIN_TEXT);
	check_to_string(-big(INT128_MAX_TEXT) - 1, 38, "-1.70141183460469231731687303715884105728");
	check_to_string(-big(INT128_MAX_TEXT) - 1, 40, "-0.0170141183460469231731687303715884105728");
	check_to_string(1, 80, "0.00000000000000000000000000000000000000000000000000000000000000000000000000000001");
	assert_int_equal(zf_decimal_to_string(1, 81, buf), -1);
	assert_int_equal(zf_decimal_to_string(1, -81, buf), -1);
	check_to_string(-7, -80, "-700000000000000000000000000000000000000000000000000000000000000000000000000000000");
}

static void
test_int128_digits(void **state)
{
	(void) state;
	assert_int_equal(zf_int128_digits(0), 1);
	assert_int_equal(zf_int128_digits(9), 1);
	assert_int_equal(zf_int128_digits(-10), 2);
	assert_int_equal(zf_int128_digits(999999999999999999LL), 18);
	assert_int_equal(zf_int128_digits(INT64_MIN), 19);
	assert_int_equal(zf_int128_digits(big(INT128_MAX_TEXT)), 39);
	assert_int_equal(zf_int128_digits(-big(INT128_MAX_TEXT) - 1), 39);
}

static zf_int128
from_string_ok(const char *s, int scale)
{
	zf_int128	v = 4242;
	zf_error	err;

	if (zf_decimal_from_string(s, strlen(s), scale, &v, &err) != ZF_OK)
		fail_msg("\"%s\": %s", s, err.message);
	return v;
}

static void
test_decimal_from_string(void **state)
{
	zf_int128	v;
	zf_error	err;

	(void) state;
	assert_i128_equal(from_string_ok("-12.5", 2), -1250);
	assert_i128_equal(from_string_ok("+3", 0), 3);
	assert_i128_equal(from_string_ok("0.125", 3), 125);
	assert_i128_equal(from_string_ok("  42  ", 1), 420);
	assert_i128_equal(from_string_ok("1.50", 1), 15);	/* trailing zero dropped */
	assert_i128_equal(from_string_ok(".5", 1), 5);
	assert_i128_equal(from_string_ok("7.", 0), 7);
	assert_i128_equal(from_string_ok("-0.00", 2), 0);
	assert_i128_equal(from_string_ok("12300", -2), 123);
	assert_i128_equal(from_string_ok("000000000000000000000000000000000000000000001", 0), 1);
	assert_i128_equal(from_string_ok("99999999999999999999999999999999999999", 0),
					  big("99999999999999999999999999999999999999"));
	assert_i128_equal(from_string_ok("-9999999999999999999999999999999.9999999", 7),
					  -big("99999999999999999999999999999999999999"));

	assert_int_equal(zf_decimal_from_string("1.25", 4, 1, &v, &err), ZF_E_OVERFLOW);
	assert_string_equal(err.message, "decimal number has more than 1 fraction digits");
	assert_int_equal(zf_decimal_from_string("12345", 5, -2, &v, &err), ZF_E_OVERFLOW);
	assert_int_equal(zf_decimal_from_string("999999999999999999999999999999999999999", 39, 0, &v, &err),
					 ZF_E_OVERFLOW);
	assert_string_equal(err.message, "decimal number has more than 38 digits");
	assert_int_equal(zf_decimal_from_string(INT128_MAX_TEXT, 39, 0, &v, &err), ZF_E_OVERFLOW);
	assert_int_equal(zf_decimal_from_string("99999999999999999999999999999999999999", 38, 1, &v, &err),
					 ZF_E_OVERFLOW);
	assert_int_equal(zf_decimal_from_string("1x", 2, 0, &v, &err), ZF_E_BAD_DATA);
	assert_int_equal(err.offset, 1);
	assert_int_equal(zf_decimal_from_string("", 0, 0, &v, &err), ZF_E_BAD_DATA);
	assert_int_equal(zf_decimal_from_string("-", 1, 0, &v, &err), ZF_E_BAD_DATA);
	assert_int_equal(zf_decimal_from_string("1.2.3", 5, 2, &v, &err), ZF_E_BAD_DATA);
	assert_int_equal(zf_decimal_from_string("1 2", 3, 0, &v, &err), ZF_E_BAD_DATA);
	/* a byte that is not printable ASCII is shown in hex (fuzz_decimal) */
	assert_int_equal(zf_decimal_from_string("1\xE8", 2, 0, &v, &err), ZF_E_BAD_DATA);
	assert_string_equal(err.message, "invalid byte X'E8' in decimal number");
	assert_int_equal(zf_decimal_from_string("1\0", 2, 0, &v, &err), ZF_E_BAD_DATA);
	assert_string_equal(err.message, "invalid byte X'00' in decimal number");
}


/* ---------------------------------------------------------------------
 * Numeric-edited
 * ---------------------------------------------------------------------
 */

static zf_int128
edited_ok(const char *text, const char *picture, int scale, char point, bool bwz)
{
	zf_int128	v = 4242;
	zf_error	err;

	if (zf_edited_decode(text, strlen(text), picture, scale, point, bwz, &v, &err) != ZF_OK)
		fail_msg("\"%s\" with %s: %s", text, picture, err.message);
	return v;
}

static zf_status
edited(const char *text, const char *picture, int scale, bool bwz, zf_error *err)
{
	zf_int128	v;

	return zf_edited_decode(text, strlen(text), picture, scale, '.', bwz, &v, err);
}

/*
 * Hand vectors: the text is what COBOL's MOVE to the picture prints (the
 * rules of zero suppression, floating insertion and sign editing).
 */
static void
test_edited(void **state)
{
	(void) state;
	assert_i128_equal(edited_ok("  1.50", "ZZ9.99", 2, '.', false), 150);
	assert_i128_equal(edited_ok("  0.05", "ZZ9.99", 2, '.', false), 5);
	assert_i128_equal(edited_ok("   .05", "ZZZ.99", 2, '.', false), 5);
	assert_i128_equal(edited_ok("123.45", "ZZZ.99", 2, '.', false), 12345);
	assert_i128_equal(edited_ok("  1.50", "ZZ9.99", 4, '.', false), 15000);
	assert_i128_equal(edited_ok("   $12.34", "$$,$$9.99", 2, '.', false), 1234);
	assert_i128_equal(edited_ok("$1,234.56", "$$,$$9.99", 2, '.', false), 123456);
	/* the floating $ lands on the suppressed comma, left of the 2 */
	assert_i128_equal(edited_ok("  $234.56", "$$,$$9.99", 2, '.', false), 23456);
	assert_i128_equal(edited_ok("- 12", "-ZZ9", 0, '.', false), -12);
	assert_i128_equal(edited_ok("  12", "-ZZ9", 0, '.', false), 12);
	assert_i128_equal(edited_ok(" 12CR", "ZZ9CR", 0, '.', false), -12);
	assert_i128_equal(edited_ok(" 12  ", "ZZ9CR", 0, '.', false), 12);
	assert_i128_equal(edited_ok(" 12DB", "ZZ9DB", 0, '.', false), -12);
	assert_i128_equal(edited_ok(" -12", "+++9", 0, '.', false), -12);
	assert_i128_equal(edited_ok(" +12", "+++9", 0, '.', false), 12);
	assert_i128_equal(edited_ok("+123", "+++9", 0, '.', false), 123);
	assert_i128_equal(edited_ok(" -12", "---9", 0, '.', false), -12);
	assert_i128_equal(edited_ok("  12", "---9", 0, '.', false), 12);
	assert_i128_equal(edited_ok("12+", "Z9+", 0, '.', false), 12);
	assert_i128_equal(edited_ok("12-", "Z9+", 0, '.', false), -12);
	assert_i128_equal(edited_ok("**12.34", "***9.99", 2, '.', false), 1234);
	assert_i128_equal(edited_ok("12/31/99", "99/99/99", 0, '.', false), 123199);
	assert_i128_equal(edited_ok("1 2", "9B9", 0, '.', false), 12);
	assert_i128_equal(edited_ok("1200", "9900", 0, '.', false), 12);
	assert_i128_equal(edited_ok("  1234", "Z(3)9V99", 2, '.', false), 1234);
	assert_i128_equal(edited_ok(" 1.234,56", "ZZ.ZZ9,99", 2, ',', false), 123456);
	assert_i128_equal(edited_ok("-$ 12.00", "-$ZZ9.99", 2, '.', false), -1200);
	assert_i128_equal(edited_ok("-   $1.00", "-$$$$9.99", 2, '.', false), -100);
	assert_i128_equal(edited_ok("   ", "ZZZ", 0, '.', false), 0);
	assert_i128_equal(edited_ok("      ", "ZZZ.ZZ", 2, '.', false), 0);
	assert_i128_equal(edited_ok("      ", "ZZ9.99", 2, '.', true), 0);
	assert_i128_equal(edited_ok("-  0", "-ZZ9", 0, '.', false), 0);	/* negative zero */
	assert_i128_equal(edited_ok(" 12", "zz9", 0, '.', false), 12);	/* lower case */
}

/* Text that the picture cannot have produced, and bad pictures. */
static void
test_edited_invalid(void **state)
{
	zf_error	err;

	(void) state;
	assert_int_equal(edited(" A1", "ZZ9", 0, false, &err), ZF_E_BAD_DATA);
	assert_int_equal(err.offset, 1);
	assert_string_equal(err.message, "invalid character \"A\" at position 2 of numeric-edited field");
	assert_int_equal(edited("1 2", "ZZ9", 0, false, &err), ZF_E_BAD_DATA);
	assert_int_equal(err.offset, 1);
	assert_int_equal(edited("12 ", "ZZ9", 0, false, &err), ZF_E_BAD_DATA);
	assert_int_equal(edited("   ", "ZZ9", 0, false, &err), ZF_E_BAD_DATA);
	assert_string_equal(err.message, "blank numeric-edited field");
	assert_int_equal(edited("12", "ZZ9", 0, false, &err), ZF_E_BAD_DATA);
	assert_int_equal(edited(" 12XX", "ZZ9CR", 0, false, &err), ZF_E_BAD_DATA);
	assert_int_equal(edited("1.2.", "9.99", 2, false, &err), ZF_E_BAD_DATA);
	assert_int_equal(edited("+12", "-99", 0, false, &err), ZF_E_BAD_DATA);
	assert_int_equal(edited("  1.50", "ZZ9.99", 1, false, &err), ZF_E_ARG);
	assert_int_equal(edited("12", "ZX", 0, false, &err), ZF_E_ARG);
	assert_string_equal(err.message, "unsupported symbol \"X\" in numeric-edited picture \"ZX\"");
	assert_int_equal(edited("12", "9(", 0, false, &err), ZF_E_ARG);
	assert_int_equal(edited("12", "9(0)", 0, false, &err), ZF_E_ARG);
	assert_int_equal(edited("12", "9(999999)", 0, false, &err), ZF_E_ARG);
	assert_int_equal(edited("..", "..", 0, false, &err), ZF_E_ARG);
	assert_int_equal(edited("1", "9(39)", 0, false, &err), ZF_E_ARG);
	assert_int_equal(edited("1", "9", 0, false, NULL), ZF_OK);
	assert_int_equal(edited("1\xFF", "99", 0, false, &err), ZF_E_BAD_DATA);
	assert_string_equal(err.message, "invalid byte X'FF' at position 2 of numeric-edited field");
}


/* ---------------------------------------------------------------------
 * Encoders (against hand vectors; the GnuCOBOL test checks them too)
 * ---------------------------------------------------------------------
 */

static void
expect_bytes(const uint8_t *got, const char *hex)
{
	uint8_t		want[64];
	size_t		n = hex_to_bytes(hex, want);

	assert_memory_equal(got, want, n);
}

static void
test_encoders(void **state)
{
	uint8_t		b[64];
	zf_error	err;

	(void) state;
	assert_int_equal(zf_packed_encode(12345, 5, true, b, NULL), ZF_OK);
	expect_bytes(b, "12345C");
	assert_int_equal(zf_packed_encode(-1234, 4, true, b, NULL), ZF_OK);
	expect_bytes(b, "01234D");
	assert_int_equal(zf_packed_encode(7, 1, false, b, NULL), ZF_OK);
	expect_bytes(b, "7F");
	assert_int_equal(zf_packed_encode(-big("99999999999999999999999999999999999999"), 38, true, b, NULL), ZF_OK);
	expect_bytes(b, "099999999999999999999999999999999999999D");
	assert_int_equal(zf_packed_encode(100000, 5, true, b, &err), ZF_E_OVERFLOW);
	assert_int_equal(zf_packed_encode(-1, 5, false, b, &err), ZF_E_OVERFLOW);
	assert_int_equal(zf_packed_encode(1, 0, true, b, &err), ZF_E_ARG);
	assert_int_equal(zf_packed_encode(1, 39, true, b, &err), ZF_E_ARG);

	assert_int_equal(zf_zoned_encode(-123, 3, ZF_SIGN_TRAILING, ZF_CHARSET_EBCDIC, b, NULL), ZF_OK);
	expect_bytes(b, "F1F2D3");
	assert_int_equal(zf_zoned_encode(123, 3, ZF_SIGN_LEADING, ZF_CHARSET_EBCDIC, b, NULL), ZF_OK);
	expect_bytes(b, "C1F2F3");
	assert_int_equal(zf_zoned_encode(-5, 3, ZF_SIGN_LEADING_SEPARATE, ZF_CHARSET_EBCDIC, b, NULL), ZF_OK);
	expect_bytes(b, "60F0F0F5");
	assert_int_equal(zf_zoned_encode(5, 3, ZF_SIGN_TRAILING_SEPARATE, ZF_CHARSET_ASCII, b, NULL), ZF_OK);
	expect_bytes(b, "3030352B");
	assert_int_equal(zf_zoned_encode(-120, 3, ZF_SIGN_TRAILING, ZF_CHARSET_ASCII, b, NULL), ZF_OK);
	expect_bytes(b, "31327D");
	assert_int_equal(zf_zoned_encode(42, 4, ZF_SIGN_NONE, ZF_CHARSET_EBCDIC, b, NULL), ZF_OK);
	expect_bytes(b, "F0F0F4F2");
	assert_int_equal(zf_zoned_encode(-42, 4, ZF_SIGN_NONE, ZF_CHARSET_EBCDIC, b, &err), ZF_E_OVERFLOW);
	assert_int_equal(zf_zoned_encode(10000, 4, ZF_SIGN_TRAILING, ZF_CHARSET_EBCDIC, b, &err), ZF_E_OVERFLOW);

	assert_int_equal(zf_binary_encode(-2, 4, true, b, NULL), ZF_OK);
	expect_bytes(b, "FFFFFFFE");
	assert_int_equal(zf_binary_encode(65535, 2, false, b, NULL), ZF_OK);
	expect_bytes(b, "FFFF");
	assert_int_equal(zf_binary_encode(65535, 2, true, b, &err), ZF_E_OVERFLOW);
	assert_int_equal(zf_binary_encode(-32768, 2, true, b, NULL), ZF_OK);
	expect_bytes(b, "8000");
	assert_int_equal(zf_binary_encode(-32769, 2, true, b, NULL), ZF_E_OVERFLOW);
	assert_int_equal(zf_binary_encode(-1, 16, true, b, NULL), ZF_OK);
	expect_bytes(b, "FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF");
	assert_int_equal(zf_binary_encode(-1, 8, false, b, NULL), ZF_E_OVERFLOW);
	assert_int_equal(zf_binary_encode(1, 17, false, b, NULL), ZF_E_ARG);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_packed_basic),
		cmocka_unit_test(test_packed_sign_nibbles),
		cmocka_unit_test(test_packed_negative_zero),
		cmocka_unit_test(test_packed_invalid_digits),
		cmocka_unit_test(test_packed_spaces_low_values),
		cmocka_unit_test(test_packed_limits),
		cmocka_unit_test(test_packed_groups),
		cmocka_unit_test(test_zoned_ebcdic),
		cmocka_unit_test(test_zoned_ascii),
		cmocka_unit_test(test_zoned_all_bytes),
		cmocka_unit_test(test_zoned_word_checks),
		cmocka_unit_test(test_zoned_invalid),
		cmocka_unit_test(test_zoned_limits),
		cmocka_unit_test(test_binary_basic),
		cmocka_unit_test(test_binary_limits),
		cmocka_unit_test(test_gnucobol_vectors),
		cmocka_unit_test(test_gnucobol_vectors_ascii_sign),
		cmocka_unit_test(test_jrecord_cp037),
		cmocka_unit_test(test_jrecord_cp273),
		cmocka_unit_test(test_decimal_to_string),
		cmocka_unit_test(test_int128_digits),
		cmocka_unit_test(test_decimal_from_string),
		cmocka_unit_test(test_edited),
		cmocka_unit_test(test_edited_invalid),
		cmocka_unit_test(test_encoders),
	};

	return cmocka_run_group_tests_name("decimal", tests, NULL, NULL);
}
