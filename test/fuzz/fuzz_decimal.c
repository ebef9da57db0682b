/*-------------------------------------------------------------------------
 *
 * fuzz_decimal.c
 *	  libFuzzer target for the fixed-point decoders of decimal.c and
 *	  decimal_text.c: packed, zoned (every sign kind, both character sets),
 *	  binary, numeric-edited pictures, decimal text in and out.
 *
 * fuzz-max-len: 256
 *
 * Input: one byte choosing the decoder, one byte of flags, then the field
 * bytes (for edited pictures: the picture up to a NUL, then the text).
 *
 * Packed, zoned and binary are checked against small reference decoders
 * written here from the byte rules at the top of decimal.c (a different
 * algorithm: one byte at a time, no tables, no 64-bit fast path), the
 * 64-bit and 128-bit variants against each other, a NULL zf_error against
 * a real one, and every decoded value goes through its encoder and back
 * (decode(encode(v)) == v) and through decimal text and back.  Packed
 * fields of up to 8 bytes are also turned into base-10000 digit groups
 * (zf_packed_to_groups, the scan's path to numeric), checked against the
 * reference value at a shift chosen by the flags.
 *
 *-------------------------------------------------------------------------
 */
#include "fuzz_common.h"

#include "cobol/copybook.h"
#include "decode/decimal.h"

typedef unsigned __int128 u128;

#define U128_MAX		(~(u128) 0)
#define INT128_MAX_U	(U128_MAX >> 1)

/* What a reference decoder concluded. */
typedef struct ref_result
{
	zf_status	st;				/* ZF_OK, ZF_E_BAD_DATA, ZF_E_OVERFLOW, ZF_E_ARG */
	zf_int128	v;
} ref_result;

/*
 * Magnitude and sign to a result; a magnitude of 39 or more digits or
 * beyond int128 is ZF_E_OVERFLOW ("big" says an accumulator overflowed).
 */
static ref_result
ref_signed(u128 mag, bool big, bool negative)
{
	ref_result	r = {ZF_OK, 0};

	if (big || mag > INT128_MAX_U + (negative ? 1 : 0))
		r.st = ZF_E_OVERFLOW;
	else
		r.v = negative ? (zf_int128) (0 - mag) : (zf_int128) mag;
	return r;
}

/* Append a digit to a magnitude; sets *big when it no longer fits. */
static void
ref_push(u128 *mag, unsigned d, bool *big)
{
	if (*mag > (U128_MAX - d) / 10)
		*big = true;
	else
		*mag = *mag * 10 + d;
}

/* Packed: digit nibbles 0-9, sign A C E F (+), B D (-, signed only). */
static ref_result
ref_packed(const uint8_t *p, size_t len, bool is_signed, size_t maxlen)
{
	ref_result	r = {ZF_E_ARG, 0};
	u128		mag = 0;
	bool		big = false;
	unsigned	sign;

	if (len < 1 || len > maxlen)
		return r;
	for (size_t i = 0; i < len; i++)
	{
		unsigned	hi = p[i] >> 4,
					lo = p[i] & 0x0F;

		if (hi > 9 || (i + 1 < len && lo > 9))
			return (ref_result) {ZF_E_BAD_DATA, 0};
		ref_push(&mag, hi, &big);
		if (i + 1 < len)
			ref_push(&mag, lo, &big);
	}
	sign = p[len - 1] & 0x0F;
	if (sign < 0x0A || ((sign == 0x0B || sign == 0x0D) && !is_signed))
		return (ref_result) {ZF_E_BAD_DATA, 0};
	return ref_signed(mag, big, sign == 0x0B || sign == 0x0D);
}

/* The digit value of a plain zoned digit byte, or -1. */
static int
ref_zoned_digit(uint8_t b, zf_charset cs)
{
	uint8_t		zone = cs == ZF_CHARSET_ASCII ? 0x30 : 0xF0;

	if ((b & 0xF0) == zone && (b & 0x0F) <= 9)
		return b & 0x0F;
	return -1;
}

/*
 * An overpunched sign byte: its digit, or -1; *negative says the sign.
 * EBCDIC: zones C A E F positive, D B negative.  ASCII: a plain digit,
 * '{' and 'A'..'I' positive; '}', 'J'..'R' and 70..79 negative.
 */
static int
ref_overpunch(uint8_t b, zf_charset cs, bool *negative)
{
	*negative = false;
	if (cs == ZF_CHARSET_EBCDIC)
	{
		unsigned	zone = b >> 4,
					d = b & 0x0F;

		if (d > 9)
			return -1;
		if (zone == 0xC || zone == 0xA || zone == 0xE || zone == 0xF)
			return (int) d;
		if (zone == 0xD || zone == 0xB)
		{
			*negative = true;
			return (int) d;
		}
		return -1;
	}
	if (b >= '0' && b <= '9')
		return b - '0';
	if (b == '{')
		return 0;
	if (b >= 'A' && b <= 'I')
		return b - 'A' + 1;
	*negative = true;
	if (b == '}')
		return 0;
	if (b >= 'J' && b <= 'R')
		return b - 'J' + 1;
	if (b >= 0x70 && b <= 0x79)
		return b - 0x70;
	return -1;
}

/* Zoned decimal of any length with the given sign placement. */
static ref_result
ref_zoned(const uint8_t *p, size_t len, zf_sign_kind sign, zf_charset cs)
{
	uint8_t		plus = cs == ZF_CHARSET_ASCII ? 0x2B : 0x4E;
	uint8_t		minus = cs == ZF_CHARSET_ASCII ? 0x2D : 0x60;
	size_t		first = 0,
				ndigits = len;
	ptrdiff_t	opunch = -1;
	bool		negative = false;
	bool		big = false;
	u128		mag = 0;

	switch (sign)
	{
		case ZF_SIGN_NONE:
			break;
		case ZF_SIGN_TRAILING:
			opunch = (ptrdiff_t) len - 1;
			break;
		case ZF_SIGN_LEADING:
			opunch = 0;
			break;
		case ZF_SIGN_TRAILING_SEPARATE:
		case ZF_SIGN_LEADING_SEPARATE:
			if (len < 2)
				return (ref_result) {ZF_E_ARG, 0};
			ndigits = len - 1;
			first = sign == ZF_SIGN_LEADING_SEPARATE ? 1 : 0;
			{
				uint8_t		c = p[sign == ZF_SIGN_LEADING_SEPARATE ? 0 : len - 1];

				if (c == minus)
					negative = true;
				else if (c != plus)
					return (ref_result) {ZF_E_BAD_DATA, 0};
			}
			break;
	}
	if (ndigits == 0)
		return (ref_result) {ZF_E_ARG, 0};
	for (size_t i = first; i < first + ndigits; i++)
	{
		int			d;

		if ((ptrdiff_t) i == opunch)
			d = ref_overpunch(p[i], cs, &negative);
		else
			d = ref_zoned_digit(p[i], cs);
		if (d < 0)
			return (ref_result) {ZF_E_BAD_DATA, 0};
		ref_push(&mag, (unsigned) d, &big);
	}
	return ref_signed(mag, big, negative);
}

/* Two's complement or unsigned binary of 1..16 bytes. */
static ref_result
ref_binary(const uint8_t *p, size_t len, bool is_signed, bool big_endian)
{
	u128		v = 0;

	if (len < 1 || len > 16)
		return (ref_result) {ZF_E_ARG, 0};
	for (size_t k = 0; k < len; k++)
		v |= (u128) p[big_endian ? len - 1 - k : k] << (8 * k);
	if (is_signed)
	{
		if (len < 16 && (v >> (8 * len - 1)) & 1)
			v |= U128_MAX << (8 * len);
		return (ref_result) {ZF_OK, (zf_int128) v};
	}
	if (v > INT128_MAX_U)
		return (ref_result) {ZF_E_OVERFLOW, 0};
	return (ref_result) {ZF_OK, (zf_int128) v};
}

/* A status and value from the core against the reference. */
static void
compare(const char *what, zf_status st, zf_int128 v, ref_result ref)
{
	FUZZ_CHECK(st == ref.st, "%s: status %s, reference %s", what,
			   zf_status_name(st), zf_status_name(ref.st));
	FUZZ_CHECK(st != ZF_OK || v == ref.v, "%s: value differs from the reference",
			   what);
}

/* The 64-bit reference: the 128-bit one narrowed, overflow beyond int64. */
static ref_result
narrow64(ref_result r)
{
	if (r.st == ZF_OK && (r.v > INT64_MAX || r.v < INT64_MIN))
		r.st = ZF_E_OVERFLOW;
	return r;
}

/* Digits of a decimal text, leading zeros excluded. */
static int
text_digits(const char *s)
{
	int			n = 0;

	for (; *s; s++)
		if (*s >= '0' && *s <= '9' && (n > 0 || *s != '0'))
			n++;
	return n;
}

/*
 * v through decimal text and back at a scale chosen by the input:
 * from_string(to_string(v, s), s) == v.  More than 38 significant digits
 * in the text (39-digit values, or trailing zeros of a negative scale) may
 * be refused as overflow, as zf_decimal_from_string documents.
 */
static void
check_text_round_trip(zf_int128 v, int scale)
{
	char		buf[ZF_DECIMAL_STRLEN + 16];
	zf_int128	back = 0;
	zf_error	err;
	zf_status	st;
	int			n;

	memset(buf, 0x7F, sizeof(buf));
	n = zf_decimal_to_string(v, scale, buf);
	if (scale < -80 || scale > 80)
	{
		FUZZ_CHECK(n == -1 && buf[0] == '\0', "to_string accepted scale %d", scale);
		return;
	}
	FUZZ_CHECK(n > 0 && n < ZF_DECIMAL_STRLEN, "to_string length %d", n);
	FUZZ_CHECK((size_t) n == strlen(buf), "to_string length %d is not strlen", n);
	for (size_t k = (size_t) n + 1; k < sizeof(buf); k++)
		FUZZ_CHECK(buf[k] == 0x7F, "to_string wrote past its string");
	zf_error_clear(&err);
	st = zf_decimal_from_string(buf, (size_t) n, scale, &back, &err);
	fuzz_check_error(st, &err, "decimal_from_string");
	if (st == ZF_E_OVERFLOW && text_digits(buf) > ZF_MAX_DIGITS)
		return;					/* as documented: the text has too many digits */
	FUZZ_CHECK(st == ZF_OK, "from_string(\"%s\", %d): %s", buf, scale, err.message);
	FUZZ_CHECK(back == v, "from_string(\"%s\", %d) does not give the value back",
			   buf, scale);
}

/* zf_int128_digits against counting by division. */
static void
check_digits(zf_int128 v)
{
	u128		m = v < 0 ? 0 - (u128) v : (u128) v;
	int			n = 1;

	while (m >= 10)
		m /= 10, n++;
	FUZZ_CHECK(zf_int128_digits(v) == n, "int128_digits %d, expected %d",
			   zf_int128_digits(v), n);
}

/*
 * The digit-group form of a packed field (len <= 8) against the reference:
 * accepted exactly when the reference accepts, with the reference's
 * magnitude times 10^shift in the groups, read alone and with bytes
 * before it.
 */
static void
fuzz_packed_groups(const uint8_t *p, size_t len, bool is_signed, unsigned shift_seed)
{
	ref_result	ref = ref_packed(p, len, is_signed, ZF_PACKED_GROUPS_MAX_LEN);
	unsigned	shift;
	uint8_t		padded[16];

	if (len < 1 || len > ZF_PACKED_GROUPS_MAX_LEN)
		return;
	shift = shift_seed % (ZF_PACKED_GROUPS_MAX_DIGITS - (2 * len - 1) + 1);
	memset(padded, 0xFF, sizeof(padded));
	memcpy(padded + sizeof(padded) - len, p, len);
	for (int back = 0; back <= 1; back++)
	{
		zf_packed_groups g;
		bool		ok;
		u128		got = 0,
					want;

		ok = zf_packed_to_groups(back ? padded + sizeof(padded) - len : p, len,
								 is_signed, back, shift, &g);
		FUZZ_CHECK(ok == (ref.st == ZF_OK), "packed_to_groups accepts %d, reference %s",
				   ok, zf_status_name(ref.st));
		if (!ok)
			continue;
		want = (u128) (ref.v < 0 ? -ref.v : ref.v);
		FUZZ_CHECK(g.ndigits == (want == 0 ? 0 : zf_int128_digits((zf_int128) want)),
				   "packed_to_groups digit count %d", g.ndigits);
		FUZZ_CHECK(g.negative == (ref.v < 0), "packed_to_groups sign");
		for (unsigned i = 0; i < shift; i++)
			want *= 10;
		for (int k = 7; k >= 0; k--)
		{
			FUZZ_CHECK(g.group[k] <= 9999, "packed_to_groups group %d is %u", k, g.group[k]);
			got = got * 10000 + g.group[k];
		}
		FUZZ_CHECK(got == want, "packed_to_groups value differs from the reference");
	}
}

/* Packed field: decoders against the reference, then encode and back. */
static void
fuzz_packed(const uint8_t *p, size_t len, uint8_t flags)
{
	bool		is_signed = flags & 1;
	zf_int128	v = 0,
				v2 = 0;
	int64_t		v64 = 0;
	zf_error	err;
	zf_status	st;
	uint8_t    *enc;
	int			digits;

	zf_error_clear(&err);
	st = zf_packed_decode(p, len, is_signed, &v, &err);
	fuzz_check_error(st, &err, "packed_decode");
	compare("packed_decode", st, v, ref_packed(p, len, is_signed, 20));
	FUZZ_CHECK(zf_packed_decode(p, len, is_signed, &v2, NULL) == st,
			   "packed_decode differs without an error struct");

	zf_error_clear(&err);
	st = zf_packed_decode64(p, len, is_signed, &v64, &err);
	fuzz_check_error(st, &err, "packed_decode64");
	compare("packed_decode64", st, v64, narrow64(ref_packed(p, len, is_signed, 10)));
	FUZZ_CHECK(zf_packed_decode64(p, len, is_signed, &v64, NULL) == st,
			   "packed_decode64 differs without an error struct");
	fuzz_packed_groups(p, len, is_signed, flags >> 1);

	if (ref_packed(p, len, is_signed, 20).st != ZF_OK)
		return;
	v = ref_packed(p, len, is_signed, 20).v;
	check_digits(v);
	check_text_round_trip(v, (int) (int8_t) (flags & 0xFE) / 2);

	/* encode into the field's own size, then decode again */
	digits = (int) (2 * len - 1);
	if (digits > ZF_MAX_DIGITS)
		digits = ZF_MAX_DIGITS;
	enc = malloc(zf_packed_length(digits));
	zf_error_clear(&err);
	st = zf_packed_encode(v, digits, is_signed, enc, &err);
	fuzz_check_error(st, &err, "packed_encode");
	if (zf_int128_digits(v) > digits)
		FUZZ_CHECK(st == ZF_E_OVERFLOW, "packed_encode of too many digits: %s",
				   zf_status_name(st));
	else
	{
		FUZZ_CHECK(st == ZF_OK, "packed_encode: %s", err.message);
		st = zf_packed_decode(enc, zf_packed_length(digits), is_signed, &v2, NULL);
		FUZZ_CHECK(st == ZF_OK && v2 == v, "packed decode(encode(v)) != v");
	}
	free(enc);
}

/* Zoned field of every sign kind and character set. */
static void
fuzz_zoned(const uint8_t *p, size_t len, uint8_t flags)
{
	zf_sign_kind sign = (zf_sign_kind) (flags % 5);
	zf_charset	cs = (flags >> 3) & 1 ? ZF_CHARSET_ASCII : ZF_CHARSET_EBCDIC;
	ref_result	ref = ref_zoned(p, len, sign, cs);
	zf_int128	v = 0,
				v2 = 0;
	int64_t		v64 = 0;
	zf_error	err;
	zf_status	st;

	zf_error_clear(&err);
	st = zf_zoned_decode(p, len, sign, cs, &v, &err);
	fuzz_check_error(st, &err, "zoned_decode");
	compare("zoned_decode", st, v, ref);
	FUZZ_CHECK(zf_zoned_decode(p, len, sign, cs, &v2, NULL) == st,
			   "zoned_decode differs without an error struct");

	zf_error_clear(&err);
	st = zf_zoned_decode64(p, len, sign, cs, &v64, &err);
	fuzz_check_error(st, &err, "zoned_decode64");
	compare("zoned_decode64", st, v64, narrow64(ref));
	FUZZ_CHECK(zf_zoned_decode64(p, len, sign, cs, &v64, NULL) == st,
			   "zoned_decode64 differs without an error struct");

	if (ref.st != ZF_OK)
		return;
	check_digits(ref.v);
	check_text_round_trip(ref.v, (int) (int8_t) (flags & 0xF0) / 4);

	/* encode with as many digits as the field has, then decode again */
	{
		int			digits = (int) len - (sign >= ZF_SIGN_TRAILING_SEPARATE ? 1 : 0);
		size_t		enclen;
		uint8_t    *enc;

		if (digits > ZF_MAX_DIGITS)
			digits = ZF_MAX_DIGITS;
		enclen = (size_t) digits + (sign >= ZF_SIGN_TRAILING_SEPARATE ? 1 : 0);
		enc = malloc(enclen);
		zf_error_clear(&err);
		st = zf_zoned_encode(ref.v, digits, sign, cs, enc, &err);
		fuzz_check_error(st, &err, "zoned_encode");
		if (zf_int128_digits(ref.v) > digits)
			FUZZ_CHECK(st == ZF_E_OVERFLOW, "zoned_encode of too many digits: %s",
					   zf_status_name(st));
		else if (ref.v < 0 && sign == ZF_SIGN_NONE)
			FUZZ_CHECK(st == ZF_E_OVERFLOW, "zoned_encode of a negative unsigned");
		else
		{
			FUZZ_CHECK(st == ZF_OK, "zoned_encode: %s", err.message);
			st = zf_zoned_decode(enc, enclen, sign, cs, &v2, NULL);
			FUZZ_CHECK(st == ZF_OK && v2 == ref.v, "zoned decode(encode(v)) != v");
			compare("zoned re-decode", st, v2, ref_zoned(enc, enclen, sign, cs));
		}
		free(enc);
	}
}

/* Binary field, either byte order. */
static void
fuzz_binary(const uint8_t *p, size_t len, uint8_t flags)
{
	bool		is_signed = flags & 1;
	bool		big_endian = (flags & 2) == 0;
	ref_result	ref = ref_binary(p, len, is_signed, big_endian);
	zf_int128	v = 0,
				v2 = 0;
	int64_t		v64 = 0;
	zf_error	err;
	zf_status	st;

	zf_error_clear(&err);
	st = zf_binary_decode(p, len, is_signed, big_endian, &v, &err);
	fuzz_check_error(st, &err, "binary_decode");
	compare("binary_decode", st, v, ref);
	FUZZ_CHECK(zf_binary_decode(p, len, is_signed, big_endian, &v2, NULL) == st,
			   "binary_decode differs without an error struct");

	zf_error_clear(&err);
	st = zf_binary_decode64(p, len, is_signed, big_endian, &v64, &err);
	fuzz_check_error(st, &err, "binary_decode64");
	compare("binary_decode64", st, v64, narrow64(ref));
	FUZZ_CHECK(zf_binary_decode64(p, len, is_signed, big_endian, &v64, NULL) == st,
			   "binary_decode64 differs without an error struct");

	if (ref.st != ZF_OK)
		return;
	check_digits(ref.v);
	check_text_round_trip(ref.v, (int) (int8_t) (flags & 0xFC) / 2);
	if (big_endian)
	{
		uint8_t    *enc = malloc(len);

		zf_error_clear(&err);
		st = zf_binary_encode(ref.v, len, is_signed, enc, &err);
		fuzz_check_error(st, &err, "binary_encode");
		FUZZ_CHECK(st == ZF_OK, "binary_encode of a decoded value: %s", err.message);
		FUZZ_CHECK(memcmp(enc, p, len) == 0, "binary encode(decode(x)) != x");
		free(enc);
	}
}

/*
 * Numeric-edited: the picture up to the first NUL, then the text.  When
 * the picture parses, the text is cut to its size and its scale is used
 * (as the fdw does); otherwise the rest is the text and the scale comes
 * from the flags.
 */
static void
fuzz_edited(const uint8_t *p, size_t len, uint8_t flags)
{
	const uint8_t *nul = memchr(p, '\0', len);
	size_t		plen = nul ? (size_t) (nul - p) : len;
	char	   *picture;
	char	   *text;
	size_t		tlen = nul ? len - plen - 1 : 0;
	zf_picture	pic;
	zf_error	err;
	zf_status	st;
	zf_int128	v = 0,
				v2 = 0;
	int			scale = (int) (int8_t) flags / 4;
	char		point = flags & 1 ? ',' : '.';
	bool		bwz = flags & 2;

	if (plen > 200)
		plen = 200;
	picture = fuzz_strdup(p, plen);
	zf_error_clear(&err);
	st = zf_picture_parse(picture, plen, &pic, &err);
	fuzz_check_error(st, &err, "picture_parse");
	if (st == ZF_OK)
	{
		FUZZ_CHECK(pic.digits <= pic.size || pic.kind != ZF_KIND_ZONED,
				   "picture %s: %u digits in %u positions", picture,
				   pic.digits, pic.size);
		if (pic.kind == ZF_KIND_EDITED)
		{
			scale = pic.scale;
			if (tlen > pic.size)
				tlen = pic.size;
		}
	}
	text = (char *) fuzz_dup(nul ? nul + 1 : p + len, tlen);
	zf_error_clear(&err);
	st = zf_edited_decode(text, tlen, picture, scale, point, bwz, &v, &err);
	fuzz_check_error(st, &err, "edited_decode");
	FUZZ_CHECK(zf_edited_decode(text, tlen, picture, scale, point, bwz, &v2,
								NULL) == st,
			   "edited_decode differs without an error struct");
	if (st == ZF_OK)
	{
		FUZZ_CHECK(v == v2, "edited_decode gives two values");
		check_text_round_trip(v, scale);
	}
	free(text);
	free(picture);
}

/* Decimal text: parse, then render and parse again at the same scale. */
static void
fuzz_text(const uint8_t *p, size_t len, uint8_t flags)
{
	char	   *s = (char *) fuzz_dup(p, len);
	int			scale = (int) (int8_t) flags;
	zf_int128	v = 0,
				v2 = 0;
	zf_error	err;
	zf_status	st;

	zf_error_clear(&err);
	st = zf_decimal_from_string(s, len, scale, &v, &err);
	fuzz_check_error(st, &err, "decimal_from_string");
	FUZZ_CHECK(zf_decimal_from_string(s, len, scale, &v2, NULL) == st,
			   "decimal_from_string differs without an error struct");
	if (scale < -80 || scale > 80)
		FUZZ_CHECK(st == ZF_E_ARG, "decimal_from_string accepted scale %d", scale);
	if (st == ZF_OK)
	{
		/* (scaling ".1" to scale 39 gives 10^38: 39 digits are possible) */
		FUZZ_CHECK(v == v2, "decimal_from_string gives two values");
		check_text_round_trip(v, scale);
	}
	free(s);
}

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_input	in = {data, size};
	uint8_t		op = fuzz_u8(&in);
	uint8_t		flags = fuzz_u8(&in);
	uint8_t    *field;

	/* an exact-size copy: ASan catches any read past the field */
	field = fuzz_dup(in.p, in.n);
	switch (op % 6)
	{
		case 0:
			fuzz_packed(field, in.n, flags);
			break;
		case 1:
			fuzz_zoned(field, in.n, flags);
			break;
		case 2:
			fuzz_binary(field, in.n, flags);
			break;
		case 3:
			fuzz_edited(field, in.n, flags);
			break;
		case 4:
			fuzz_text(field, in.n, flags);
			break;
		case 5:
			{
				ref_result	r = ref_binary(field, in.n > 16 ? 16 : in.n, true, true);

				if (r.st == ZF_OK)
				{
					check_digits(r.v);
					check_text_round_trip(r.v, (int) (int8_t) flags);
				}
				break;
			}
	}
	free(field);
	return 0;
}
