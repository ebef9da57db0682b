/*-------------------------------------------------------------------------
 *
 * decimal.h
 *	  Mainframe fixed-point decoders: packed (COMP-3), zoned (DISPLAY),
 *	  big-endian binary (COMP, COMP-4, BINARY, COMP-5 as z/OS writes it),
 *	  and numeric-edited pictures, into one scaled integer.
 *
 * Every decoder yields an unscaled integer; the caller knows the scale from
 * the layout (value = unscaled * 10^-scale).  The 64-bit variants are the hot
 * path for fields of up to 18 digits; the 128-bit variants handle up to 38
 * digits, the largest precision COBOL (ARITH(EXTEND)) and DB2 allow.
 *
 * Decoders never guess: an invalid digit, zone or sign is ZF_E_BAD_DATA, a
 * value that does not fit the output is ZF_E_OVERFLOW.  A negative zero
 * decodes as 0.
 *
 *-------------------------------------------------------------------------
 */
#ifndef ZF_DECIMAL_H
#define ZF_DECIMAL_H

#include "base/status.h"

typedef __int128 zf_int128;

#define ZF_MAX_DIGITS		38
/* buffer size for zf_decimal_to_string: sign, 39 digits, point, zeros */
#define ZF_DECIMAL_STRLEN	128

/* How a zoned (DISPLAY) numeric carries its sign. */
typedef enum zf_sign_kind
{
	ZF_SIGN_NONE = 0,			/* unsigned PIC 9: zone F (or 3 in ASCII) */
	ZF_SIGN_TRAILING,			/* overpunched in the last byte (default) */
	ZF_SIGN_LEADING,			/* overpunched in the first byte */
	ZF_SIGN_TRAILING_SEPARATE,	/* '+' or '-' after the digits */
	ZF_SIGN_LEADING_SEPARATE	/* '+' or '-' before the digits */
} zf_sign_kind;

/* Which family of bytes a zoned field or a text number is written in. */
typedef enum zf_charset
{
	ZF_CHARSET_EBCDIC = 0,		/* digits F0-F9, signs C/D zones, '+' 4E '-' 60 */
	ZF_CHARSET_ASCII			/* digits 30-39, overpunch {A-I }J-R or 7x */
} zf_charset;

/*
 * Packed decimal (COMP-3).  len bytes hold 2*len-1 digits and a sign nibble.
 * Signs: A, C, E, F positive; B, D negative.  In an unsigned field
 * (is_signed false) F and C (and the other positive signs A, E) are
 * accepted, a negative sign is ZF_E_BAD_DATA.
 * zf_packed_decode64 accepts len 1..10 and reports ZF_E_OVERFLOW when the
 * value exceeds int64; zf_packed_decode accepts len 1..20.
 */
/* Powers of ten that fit in 64 bits: 10^0 .. 10^19. */
extern const uint64_t zf_pow10_u64[20];

extern zf_status zf_packed_decode64(const uint8_t *p, size_t len,
									bool is_signed, int64_t *out,
									zf_error *err);
extern zf_status zf_packed_decode(const uint8_t *p, size_t len,
								  bool is_signed, zf_int128 *out,
								  zf_error *err);

/*
 * A packed decimal as base-10000 digit groups, the form a PostgreSQL
 * numeric stores, without a binary step or a division: the digits are
 * shifted left by "shift" decimal places (so that the caller's decimal
 * point falls on a group boundary) and cut into groups of four.
 */
#define ZF_PACKED_GROUPS_MAX_LEN	8	/* bytes: 15 digits */
#define ZF_PACKED_GROUPS_MAX_DIGITS 32	/* digits after the shift */

typedef struct zf_packed_groups
{
	uint16_t	group[8];		/* 0..9999 each, least significant first */
	int			ndigits;		/* significant digits before the shift */
	bool		negative;		/* a negative sign and a nonzero value */
} zf_packed_groups;

/*
 * len is 1..ZF_PACKED_GROUPS_MAX_LEN, 2 * len - 1 + shift at most
 * ZF_PACKED_GROUPS_MAX_DIGITS.  When back_ok, the 8 - len bytes before p
 * may be read (they belong to the same record), which turns the load of
 * the field into one 8-byte read.  Returns false for an invalid digit or
 * sign: the caller then decodes the general way, which says what is wrong.
 */
extern bool zf_packed_to_groups(const uint8_t *p, size_t len, bool is_signed,
								bool back_ok, unsigned shift,
								zf_packed_groups *out);

/*
 * Zoned decimal (USAGE DISPLAY).  len is the field's byte length, including
 * a separate sign byte when there is one.  In a signed field an F zone (3 in
 * ASCII) on the sign byte means positive, as IBM accepts.  An unsigned field
 * with a C/D sign zone is ZF_E_BAD_DATA.  64-bit variant: ZF_E_OVERFLOW
 * when the value exceeds int64 (a field of up to 18 digits never does;
 * longer fields with leading zeros decode).  The exact set of accepted
 * bytes per character set is listed at the top of decimal.c.
 */
extern zf_status zf_zoned_decode64(const uint8_t *p, size_t len,
								   zf_sign_kind sign, zf_charset cs,
								   int64_t *out, zf_error *err);
extern zf_status zf_zoned_decode(const uint8_t *p, size_t len,
								 zf_sign_kind sign, zf_charset cs,
								 zf_int128 *out, zf_error *err);

/*
 * Binary integers of 1..16 bytes (COBOL uses 2, 4, 8; DB2 SMALLINT,
 * INTEGER, BIGINT).  big_endian false is for files written by non-mainframe
 * tools.  The 64-bit variant reports ZF_E_OVERFLOW for an unsigned 8-byte
 * value above INT64_MAX, and for more than 8 bytes that do not fit.
 */
extern zf_status zf_binary_decode64(const uint8_t *p, size_t len,
									bool is_signed, bool big_endian,
									int64_t *out, zf_error *err);
extern zf_status zf_binary_decode(const uint8_t *p, size_t len,
								  bool is_signed, bool big_endian,
								  zf_int128 *out, zf_error *err);

/*
 * Numeric-edited pictures (Z, *, comma, point, CR, DB, +, -, $, B, 0, /):
 * text (already decoded to ASCII/UTF-8) is parsed against the picture into
 * an unscaled value with the picture's scale.  decimal_point is '.' or ','
 * (DECIMAL-POINT IS COMMA).  A blank field is ZF_E_BAD_DATA unless the
 * picture says BLANK WHEN ZERO, in which case blank_when_zero is true and
 * the value is 0.  A blank field is also 0 when the picture has no 9 and
 * no * position (COBOL prints zero as all blanks in, say, ZZZ.ZZ).
 * Floating insertion ($$$, +++, ---) may put its symbol on a suppressed
 * comma, as COBOL does.
 */
extern zf_status zf_edited_decode(const char *text, size_t len,
								  const char *picture, int scale,
								  char decimal_point, bool blank_when_zero,
								  zf_int128 *out, zf_error *err);

/*
 * Render an unscaled value as decimal text: "-123.45" for (-12345, 2),
 * "12300" for (123, -2), "0.00012" for (12, 5).  buf must hold
 * ZF_DECIMAL_STRLEN bytes; returns the length written (without NUL), or
 * -1 (and an empty string) when scale is outside -80..80.
 */
extern int	zf_decimal_to_string(zf_int128 unscaled, int scale, char *buf);

/*
 * Parse decimal text ("-12.5", "+3", "0.125") into an unscaled value of
 * the given scale.  More fraction digits than the scale would need
 * rounding: ZF_E_OVERFLOW (never rounded silently; trailing zeros beyond
 * the scale are dropped, which is not rounding).  More than 38 digits
 * (leading zeros do not count): ZF_E_OVERFLOW.  Surrounding blanks are
 * ignored; scale must be within -80..80.
 */
extern zf_status zf_decimal_from_string(const char *s, size_t len, int scale,
										zf_int128 *out, zf_error *err);

/* Number of decimal digits of |v| (0 has 1 digit). */
extern int	zf_int128_digits(zf_int128 v);

/*
 * Encoders, for the SQL helpers (pack_decimal, to_ebcdic) and for the
 * benchmark data generator.  Never used to make a test's expected values.
 * digits is the PIC digit count; dst must hold the field's byte length.
 */
extern zf_status zf_packed_encode(zf_int128 unscaled, int digits,
								  bool is_signed, uint8_t *dst,
								  zf_error *err);
extern zf_status zf_zoned_encode(zf_int128 unscaled, int digits,
								 zf_sign_kind sign, zf_charset cs,
								 uint8_t *dst, zf_error *err);
extern zf_status zf_binary_encode(zf_int128 unscaled, size_t len,
								  bool is_signed, uint8_t *dst,
								  zf_error *err);

/* Byte length of a packed field with this many digits: digits/2 + 1. */
static inline size_t
zf_packed_length(int digits)
{
	return (size_t) (digits / 2 + 1);
}

/*
 * Byte length of a COBOL binary item with this many digits, as IBM
 * Enterprise COBOL allocates it: 1-4 digits 2 bytes, 5-9 4, 10-18 8.
 */
static inline size_t
zf_binary_length(int digits)
{
	return digits <= 4 ? 2 : (digits <= 9 ? 4 : 8);
}

#endif							/* ZF_DECIMAL_H */
