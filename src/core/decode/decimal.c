/*-------------------------------------------------------------------------
 *
 * decimal.c
 *	  Packed (COMP-3), zoned (DISPLAY) and binary (COMP, COMP-4, COMP-5,
 *	  BINARY) decoders and encoders.
 *
 * The decoders are the hot path of every scan, so they are table-driven and
 * keep the error reporting out of line: the main loop only accumulates and
 * ORs a "bad" flag; when the flag is set, a cold function rescans the field
 * to find the first offending byte and to say what was wrong with it.
 *
 * Accepted bytes (everything else is ZF_E_BAD_DATA):
 *
 * packed	digit nibbles 0-9; sign nibble A, C, E, F positive, B, D negative.
 *			An unsigned field accepts the positive signs only.
 *
 * zoned	EBCDIC: digits F0-F9.  The sign byte of an overpunched field may
 *			carry zone C, A, E (positive), D, B (negative) or F (positive).
 *			ASCII: digits 30-39.  The sign byte may be '{' or 'A'-'I'
 *			(positive, EBCDIC overpunch translated to ASCII), '}' or 'J'-'R'
 *			(negative), 70-79 (negative, as Micro Focus and GnuCOBOL write
 *			it) or a plain digit (positive).  An unsigned field accepts
 *			plain digits only.  A separate sign is '+' or '-' (4E/60 in
 *			EBCDIC, 2B/2D in ASCII).
 *
 * binary	any bytes; only the length can be wrong.
 *
 *-------------------------------------------------------------------------
 */
#include "decode/decimal.h"

#include <string.h>

#define INVALID 0xFF

/* Error paths stay out of line so that the hot functions stay small. */
#define COLD __attribute__((noinline, cold))

/* The limits of the two output types, as unsigned magnitudes. */
#define U64_INT64_MAX		((uint64_t) INT64_MAX)
#define U128_MAX			(~(unsigned __int128) 0)
#define U128_INT128_MAX		(U128_MAX >> 1)

/* See decimal.h. */
const uint64_t zf_pow10_u64[20] = {
	1ULL, 10ULL, 100ULL, 1000ULL, 10000ULL, 100000ULL, 1000000ULL,
	10000000ULL, 100000000ULL, 1000000000ULL, 10000000000ULL,
	100000000000ULL, 1000000000000ULL, 10000000000000ULL,
	100000000000000ULL, 1000000000000000ULL, 10000000000000000ULL,
	100000000000000000ULL, 1000000000000000000ULL,
	10000000000000000000ULL
};

/*
 * Table rows of 16 entries, one row per high nibble.  INVALID (0xFF) has
 * bit 7 set and no valid entry has: the loops OR the entries together and
 * test bit 7 once at the end.
 */
#define X INVALID
#define ROW_INVALID X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X
#define ROW_DIGITS(f) (0 | (f)), (1 | (f)), (2 | (f)), (3 | (f)), (4 | (f)), \
	(5 | (f)), (6 | (f)), (7 | (f)), (8 | (f)), (9 | (f)), X, X, X, X, X, X
#define ROW_PAIRS(h) ((h) * 10 + 0), ((h) * 10 + 1), ((h) * 10 + 2), \
	((h) * 10 + 3), ((h) * 10 + 4), ((h) * 10 + 5), ((h) * 10 + 6), \
	((h) * 10 + 7), ((h) * 10 + 8), ((h) * 10 + 9), X, X, X, X, X, X

/* A packed byte holding two digits -> their value 0..99, or INVALID. */
static const uint8_t packed_pair[256] = {
	ROW_PAIRS(0), ROW_PAIRS(1), ROW_PAIRS(2), ROW_PAIRS(3), ROW_PAIRS(4),
	ROW_PAIRS(5), ROW_PAIRS(6), ROW_PAIRS(7), ROW_PAIRS(8), ROW_PAIRS(9),
	ROW_INVALID, ROW_INVALID, ROW_INVALID, ROW_INVALID, ROW_INVALID,
	ROW_INVALID
};

/* The sign nibble of a packed field. */
#define SIGN_BAD	0
#define SIGN_POS	1
#define SIGN_NEG	2
static const uint8_t packed_sign[16] = {
	SIGN_BAD, SIGN_BAD, SIGN_BAD, SIGN_BAD, SIGN_BAD, SIGN_BAD, SIGN_BAD,
	SIGN_BAD, SIGN_BAD, SIGN_BAD,
	SIGN_POS, SIGN_NEG, SIGN_POS, SIGN_NEG, SIGN_POS, SIGN_POS
};

/*
 * The same as flags for the hot path, indexed [is_signed][nibble]:
 * whether the sign is acceptable, and whether it is negative.  Looking
 * them up avoids branches on the sign, which is data and mispredicts.
 */
static const uint8_t packed_sign_ok[2][16] = {
	{0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 1, 0, 1, 1},
	{0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1}
};
static const uint8_t packed_sign_neg[16] = {
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 1, 0, 0
};

/* A zoned digit byte (no sign) -> 0..9 or INVALID. */
static const uint8_t ebcdic_digit[256] = {
	ROW_INVALID, ROW_INVALID, ROW_INVALID, ROW_INVALID, ROW_INVALID,
	ROW_INVALID, ROW_INVALID, ROW_INVALID, ROW_INVALID, ROW_INVALID,
	ROW_INVALID, ROW_INVALID, ROW_INVALID, ROW_INVALID, ROW_INVALID,
	ROW_DIGITS(0)
};
static const uint8_t ascii_digit[256] = {
	ROW_INVALID, ROW_INVALID, ROW_INVALID, ROW_DIGITS(0), ROW_INVALID,
	ROW_INVALID, ROW_INVALID, ROW_INVALID, ROW_INVALID, ROW_INVALID,
	ROW_INVALID, ROW_INVALID, ROW_INVALID, ROW_INVALID, ROW_INVALID,
	ROW_INVALID
};

/*
 * An overpunched sign byte -> digit | OP_NEG if negative | OP_ZONE if the
 * byte carries a sign zone (which only a signed field may have), or
 * INVALID.
 */
#define OP_NEG	0x10
#define OP_ZONE	0x20
static const uint8_t ebcdic_overpunch[256] = {
	ROW_INVALID, ROW_INVALID, ROW_INVALID, ROW_INVALID, ROW_INVALID,
	ROW_INVALID, ROW_INVALID, ROW_INVALID, ROW_INVALID, ROW_INVALID,
	ROW_DIGITS(OP_ZONE),		/* A: positive */
	ROW_DIGITS(OP_ZONE | OP_NEG),	/* B: negative */
	ROW_DIGITS(OP_ZONE),		/* C: positive (the preferred sign) */
	ROW_DIGITS(OP_ZONE | OP_NEG),	/* D: negative (the preferred sign) */
	ROW_DIGITS(OP_ZONE),		/* E: positive */
	ROW_DIGITS(0)				/* F: unsigned, positive */
};
#define OPZ	OP_ZONE
#define OPN	(OP_ZONE | OP_NEG)
static const uint8_t ascii_overpunch[256] = {
	ROW_INVALID, ROW_INVALID, ROW_INVALID,
	/* 30-39: plain digits, positive */
	ROW_DIGITS(0),
	/* 40-4F: '@' invalid, 'A'-'I' +1..+9, 'J'-'O' -1..-6 */
	X, 1 | OPZ, 2 | OPZ, 3 | OPZ, 4 | OPZ, 5 | OPZ, 6 | OPZ, 7 | OPZ, 8 | OPZ,
	9 | OPZ, 1 | OPN, 2 | OPN, 3 | OPN, 4 | OPN, 5 | OPN, 6 | OPN,
	/* 50-5F: 'P'-'R' -7..-9 */
	7 | OPN, 8 | OPN, 9 | OPN, X, X, X, X, X, X, X, X, X, X, X, X, X,
	ROW_INVALID,
	/* 70-79: Micro Focus negative digits; 7B '{' +0; 7D '}' -0 */
	0 | OPN, 1 | OPN, 2 | OPN, 3 | OPN, 4 | OPN, 5 | OPN, 6 | OPN, 7 | OPN,
	8 | OPN, 9 | OPN, X, 0 | OPZ, X, 0 | OPN, X, X,
	ROW_INVALID, ROW_INVALID, ROW_INVALID, ROW_INVALID, ROW_INVALID,
	ROW_INVALID, ROW_INVALID, ROW_INVALID
};
#undef OPZ
#undef OPN
#undef X

/* Separate sign characters per character set. */
static const uint8_t plus_char[2] = {0x4E, 0x2B};
static const uint8_t minus_char[2] = {0x60, 0x2D};

static const char *const charset_name[2] = {"EBCDIC", "ASCII"};


/* ---------------------------------------------------------------------
 * Error reporting (cold)
 * ---------------------------------------------------------------------
 */

/*
 * Fill err for bad data at byte "offset" of the field: the message is
 * already formatted by the caller; here the detail shows the field's bytes
 * and, when the whole field is blank or low-values, the hint says how to
 * read such fields as NULL.
 */
static COLD zf_status
bad_data_finish(zf_error *err, const uint8_t *p, size_t len, size_t offset)
{
	char		hex[3 * 32 + 8];
	bool		all_same = true;

	if (err == NULL)
		return ZF_E_BAD_DATA;
	err->offset = (int64_t) offset;
	zf_hex(hex, sizeof(hex), p, len, 32);
	zf_error_detail(err, "The field's bytes are %s.", hex);
	for (size_t i = 1; i < len; i++)
		if (p[i] != p[0])
			all_same = false;
	if (all_same && (p[0] == 0x40 || p[0] == 0x20))
		zf_error_hint(err, "The field holds only spaces; the column option null_if 'spaces' reads such fields as NULL.");
	else if (all_same && p[0] == 0x00)
		zf_error_hint(err, "The field holds only low-values; the column option null_if 'low_values' reads such fields as NULL.");
	return ZF_E_BAD_DATA;
}

/* The field length is outside what the decoder accepts. */
static COLD zf_status
bad_length(zf_error *err, const char *what, size_t len, size_t max)
{
	zf_error_set(err, ZF_E_ARG, "invalid %s field length %zu", what, len);
	zf_error_detail(err, "The length must be between 1 and %zu bytes.", max);
	return ZF_E_ARG;
}

/* The value does not fit the output type. */
static COLD zf_status
overflow(zf_error *err, const char *what, const uint8_t *p, size_t len,
		 const char *target)
{
	char		hex[3 * 32 + 8];

	if (err == NULL)
		return ZF_E_OVERFLOW;
	zf_error_set(err, ZF_E_OVERFLOW, "%s value out of range for %s",
				 what, target);
	err->offset = 0;
	zf_hex(hex, sizeof(hex), p, len, 32);
	zf_error_detail(err, "The field's bytes are %s.", hex);
	return ZF_E_OVERFLOW;
}

/*
 * Rescan a packed field that the fast loop found invalid and report the
 * first problem.  Also used by the encoders' tests of their own output.
 */
static COLD zf_status
packed_error(const uint8_t *p, size_t len, bool is_signed, zf_error *err)
{
	size_t		last = len - 1;

	if (err == NULL)
		return ZF_E_BAD_DATA;
	for (size_t i = 0; i < len; i++)
	{
		unsigned	hi = p[i] >> 4;
		unsigned	lo = p[i] & 0x0F;

		if (hi > 9)
		{
			zf_error_set(err, ZF_E_BAD_DATA,
						 "invalid packed decimal digit nibble 0x%X", hi);
			return bad_data_finish(err, p, len, i);
		}
		if (i < last && lo > 9)
		{
			zf_error_set(err, ZF_E_BAD_DATA,
						 "invalid packed decimal digit nibble 0x%X", lo);
			return bad_data_finish(err, p, len, i);
		}
		if (i == last && packed_sign[lo] == SIGN_BAD)
		{
			zf_error_set(err, ZF_E_BAD_DATA,
						 "invalid packed decimal sign nibble 0x%X", lo);
			return bad_data_finish(err, p, len, i);
		}
		if (i == last && packed_sign[lo] == SIGN_NEG && !is_signed)
		{
			zf_error_set(err, ZF_E_BAD_DATA,
						 "negative sign nibble 0x%X in an unsigned packed decimal field",
						 lo);
			bad_data_finish(err, p, len, i);
			zf_error_hint(err, "Declare the field signed (PIC S9) if negative values are expected.");
			return ZF_E_BAD_DATA;
		}
	}
	/* not reached for data the fast path rejected */
	return zf_error_set(err, ZF_E_BAD_DATA, "invalid packed decimal field");
}

/* Report an invalid byte of a zoned field at offset i. */
static COLD zf_status
zoned_byte_error(const uint8_t *p, size_t len, size_t i, const char *what,
				 zf_charset cs, zf_error *err)
{
	if (err == NULL)
		return ZF_E_BAD_DATA;
	zf_error_set(err, ZF_E_BAD_DATA, "invalid zoned decimal %s X'%02X'",
				 what, p[i]);
	bad_data_finish(err, p, len, i);
	if (err->hint[0] == '\0')
		zf_error_hint(err, "The field is read as %s zoned decimal.",
					  charset_name[cs]);
	return ZF_E_BAD_DATA;
}


/* ---------------------------------------------------------------------
 * Packed decimal
 * ---------------------------------------------------------------------
 */

/*
 * Accumulate n (<= 9) full digit-pair bytes; ORs the table entries into
 * *bad so that the caller can test bit 7 once.  Two bytes per step keep
 * the multiply chain short: acc * 10^4 + (hi * 100 + lo).
 */
static inline uint64_t
packed_pairs(const uint8_t *p, size_t n, unsigned *bad)
{
	uint64_t	acc = 0;
	unsigned	b = 0;
	size_t		i = 0;

	if (n & 1)
	{
		acc = packed_pair[p[0]];
		b = (unsigned) acc;
		i = 1;
	}
	for (; i < n; i += 2)
	{
		unsigned	hi = packed_pair[p[i]];
		unsigned	lo = packed_pair[p[i + 1]];

		b |= hi | lo;
		acc = acc * 10000 + hi * 100 + lo;
	}
	*bad |= b;
	return acc;
}

/*
 * Packed decimal of 1..10 bytes into int64.  Up to 9 bytes (17 digits)
 * cannot overflow; 10 bytes (19 digits) are accumulated unsigned (19 nines
 * fit in uint64) and then checked against the int64 range.
 */
zf_status
zf_packed_decode64(const uint8_t *p, size_t len, bool is_signed,
				   int64_t *out, zf_error *err)
{
	uint64_t	acc;
	uint64_t	neg;
	unsigned	bad = 0;
	unsigned	last, hi;

	if (len - 1 >= 10)			/* also catches len == 0 */
		return bad_length(err, "packed decimal", len, 10);

	acc = packed_pairs(p, len - 1, &bad);
	last = p[len - 1];
	hi = last >> 4;
	/* one well-predicted branch for every kind of bad data */
	if (__builtin_expect(((bad & 0x80) != 0) | (hi > 9) |
						 !packed_sign_ok[is_signed][last & 0x0F], 0))
		return packed_error(p, len, is_signed, err);
	acc = acc * 10 + hi;
	neg = packed_sign_neg[last & 0x0F];
	if (__builtin_expect(acc > U64_INT64_MAX + neg, 0))
		return overflow(err, "packed decimal", p, len, "bigint");
	*out = (int64_t) ((acc ^ (0 - neg)) + neg);
	return ZF_OK;
}

/*
 * Four base-10000 groups, one per 16-bit lane, from 16 BCD digits (the
 * most significant in the top nibble): digit pairs to bytes of 0..99, then
 * byte pairs to lanes of 0..9999.  No lane overflows into the next, so
 * each step is one multiply of the whole word.
 */
static inline uint64_t
bcd16_to_groups(uint64_t x)
{
	x = ((x >> 4) & UINT64_C(0x0F0F0F0F0F0F0F0F)) * 10 +
		(x & UINT64_C(0x0F0F0F0F0F0F0F0F));
	return ((x >> 8) & UINT64_C(0x00FF00FF00FF00FF)) * 100 +
		(x & UINT64_C(0x00FF00FF00FF00FF));
}

/*
 * A packed decimal as base-10000 groups (see decimal.h).  The field's
 * bytes are read as one big-endian word; a digit nibble above 9 has bit 3
 * and bit 2 or bit 1 set, which one mask test finds for all digits.
 */
bool
zf_packed_to_groups(const uint8_t *p, size_t len, bool is_signed,
					bool back_ok, unsigned shift, zf_packed_groups *out)
{
	uint64_t	word = 0;
	uint64_t	digits;
	unsigned	sign;
	unsigned __int128 aligned;
	uint64_t	lo,
				hi;

	if (len - 1 >= ZF_PACKED_GROUPS_MAX_LEN ||
		2 * len - 1 + shift > ZF_PACKED_GROUPS_MAX_DIGITS)
		return false;
	if (back_ok)
	{
		memcpy(&word, p + len - 8, 8);
#if __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
		word = __builtin_bswap64(word);
#endif
		if (len < 8)
			word &= (UINT64_C(1) << (8 * len)) - 1;
	}
	else
		for (size_t i = 0; i < len; i++)
			word = (word << 8) | p[i];

	sign = (unsigned) (word & 0x0F);
	digits = word >> 4;
	if (!packed_sign_ok[is_signed][sign] ||
		(digits & ((digits << 1) | (digits << 2)) & UINT64_C(0x8888888888888888)) != 0)
		return false;

	out->ndigits = digits == 0 ? 0 : 16 - __builtin_clzll(digits) / 4;
	out->negative = packed_sign_neg[sign] && digits != 0;
	aligned = (unsigned __int128) digits << (4 * shift);
	lo = bcd16_to_groups((uint64_t) aligned);
	hi = bcd16_to_groups((uint64_t) (aligned >> 64));
	for (int k = 0; k < 4; k++)
	{
		out->group[k] = (uint16_t) (lo >> (16 * k));
		out->group[k + 4] = (uint16_t) (hi >> (16 * k));
	}
	return true;
}

/*
 * Packed decimal of 1..20 bytes into int128.  The digit pairs are
 * accumulated in 64-bit chunks of up to 18 digits and combined in 128 bits;
 * only a 20-byte field (39 digits) can exceed the int128 range.
 */
zf_status
zf_packed_decode(const uint8_t *p, size_t len, bool is_signed,
				 zf_int128 *out, zf_error *err)
{
	unsigned __int128 acc = 0;
	unsigned	bad = 0;
	unsigned	last, hi, sign;
	size_t		done = 0;
	size_t		npairs;

	if (len - 1 >= 20)
		return bad_length(err, "packed decimal", len, 20);

	npairs = len - 1;
	while (done < npairs)
	{
		size_t		chunk = npairs - done > 9 ? 9 : npairs - done;
		uint64_t	part = packed_pairs(p + done, chunk, &bad);

		acc = acc * zf_pow10_u64[2 * chunk] + part;
		done += chunk;
	}
	last = p[len - 1];
	hi = last >> 4;
	sign = packed_sign[last & 0x0F];
	if ((bad & 0x80) != 0 || hi > 9 || sign == SIGN_BAD ||
		(sign == SIGN_NEG && !is_signed))
		return packed_error(p, len, is_signed, err);
	if (acc > (U128_MAX - 9) / 10)
		return overflow(err, "packed decimal", p, len, "a 128-bit integer");
	acc = acc * 10 + hi;
	if (sign == SIGN_NEG)
	{
		if (acc > U128_INT128_MAX + 1)
			return overflow(err, "packed decimal", p, len, "a 128-bit integer");
		*out = (zf_int128) (0 - acc);
	}
	else
	{
		if (acc > U128_INT128_MAX)
			return overflow(err, "packed decimal", p, len, "a 128-bit integer");
		*out = (zf_int128) acc;
	}
	return ZF_OK;
}


/* ---------------------------------------------------------------------
 * Zoned decimal
 * ---------------------------------------------------------------------
 */

/*
 * Where the digits and the sign of a zoned field are.  Returns false when
 * the field has no digit at all.
 */
typedef struct zoned_shape
{
	size_t		first;			/* index of the first digit byte */
	size_t		ndigits;
	ptrdiff_t		overpunch;		/* index of the overpunched byte, or -1 */
	ptrdiff_t		separate;		/* index of the separate sign, or -1 */
} zoned_shape;

static inline bool
zoned_shape_of(size_t len, zf_sign_kind sign, zoned_shape *s)
{
	s->first = 0;
	s->ndigits = len;
	s->overpunch = -1;
	s->separate = -1;
	switch (sign)
	{
		case ZF_SIGN_NONE:
			break;
		case ZF_SIGN_TRAILING:
			s->overpunch = (ptrdiff_t) len - 1;
			break;
		case ZF_SIGN_LEADING:
			s->overpunch = 0;
			break;
		case ZF_SIGN_TRAILING_SEPARATE:
			s->ndigits = len - 1;
			s->separate = (ptrdiff_t) len - 1;
			break;
		case ZF_SIGN_LEADING_SEPARATE:
			s->first = 1;
			s->ndigits = len - 1;
			s->separate = 0;
			break;
	}
	return len > 0 && s->ndigits > 0 && s->ndigits <= len;
}

/*
 * Decode the sign and the digits of a zoned field into an unsigned
 * magnitude of at most 38 digits (leading zeros beyond that are allowed).
 * This is the one loop behind both zoned decoders; the 64-bit variant is
 * a straight copy of its short-field case, kept separate for speed.
 */
static COLD zf_status
zoned_magnitude(const uint8_t *p, size_t len, zf_sign_kind sign,
				zf_charset cs, unsigned __int128 *mag, bool *negative,
				zf_error *err)
{
	const uint8_t *digit = cs == ZF_CHARSET_ASCII ? ascii_digit : ebcdic_digit;
	const uint8_t *opunch = cs == ZF_CHARSET_ASCII ? ascii_overpunch : ebcdic_overpunch;
	zoned_shape s;
	unsigned __int128 acc = 0;
	uint64_t	chunk = 0;
	int			chunk_digits = 0;
	bool		too_big = false;

	if ((unsigned) cs > ZF_CHARSET_ASCII || (unsigned) sign > ZF_SIGN_LEADING_SEPARATE)
		return zf_error_set(err, ZF_E_ARG, "invalid zoned decimal sign or character set");
	if (!zoned_shape_of(len, sign, &s))
	{
		zf_error_set(err, ZF_E_ARG, "zoned decimal field of %zu bytes has no digits", len);
		return ZF_E_ARG;
	}

	*negative = false;
	if (s.separate >= 0)
	{
		uint8_t		c = p[s.separate];

		if (c == minus_char[cs])
			*negative = true;
		else if (c != plus_char[cs])
			return zoned_byte_error(p, len, (size_t) s.separate,
									"separate sign", cs, err);
	}
	for (size_t i = s.first; i < s.first + s.ndigits; i++)
	{
		unsigned	d;

		if ((ptrdiff_t) i == s.overpunch)
		{
			unsigned	o = opunch[p[i]];

			if (o == INVALID)
				return zoned_byte_error(p, len, i, "sign", cs, err);
			d = o & 0x0F;
			*negative = (o & OP_NEG) != 0;
		}
		else
		{
			d = digit[p[i]];
			if (d == INVALID)
			{
				bool		zone_sign = opunch[p[i]] != INVALID &&
					(opunch[p[i]] & OP_ZONE) != 0;

				zoned_byte_error(p, len, i, "digit", cs, err);
				if (err != NULL && zone_sign && sign == ZF_SIGN_NONE)
					zf_error_hint(err, "The byte carries a sign but the field is unsigned; declare it PIC S9 if it is signed.");
				return ZF_E_BAD_DATA;
			}
		}
		chunk = chunk * 10 + d;
		if (++chunk_digits == 18)
		{
			if (acc > (U128_MAX - chunk) / zf_pow10_u64[18])
				too_big = true;
			acc = acc * zf_pow10_u64[18] + chunk;
			chunk = 0;
			chunk_digits = 0;
		}
	}
	if (chunk_digits > 0)
	{
		if (acc > (U128_MAX - chunk) / zf_pow10_u64[chunk_digits])
			too_big = true;
		acc = acc * zf_pow10_u64[chunk_digits] + chunk;
	}
	if (too_big || acc > U128_INT128_MAX + (*negative ? 1 : 0))
		return overflow(err, "zoned decimal", p, len, "a 128-bit integer");
	*mag = acc;
	return ZF_OK;
}

/*
 * Accumulate n (<= 19) plain zoned digits; ORs INVALID (bit 7) into *bad
 * when one is not a digit.  Eight digits at a time in one 64-bit word
 * ("SWAR"): every byte must be zone|0-9, which is checked on all eight at
 * once (zone nibbles equal, and adding 6 to each digit nibble must not carry
 * into its zone); then pairs, quads and the octet are combined with three
 * multiplications that do not depend on each other.  The leading n % 8
 * digits go through the table.
 */
static inline uint64_t
zoned_digits(const uint8_t *p, size_t n, zf_charset cs, const uint8_t *digit,
			 unsigned *bad)
{
	const uint64_t zones = cs == ZF_CHARSET_ASCII ?
		UINT64_C(0x3030303030303030) : UINT64_C(0xF0F0F0F0F0F0F0F0);
	uint64_t	acc = 0;
	unsigned	b = 0;
	size_t		i = 0;
	size_t		head = n & 7;

	for (; i < head; i++)
	{
		unsigned	d = digit[p[i]];

		b |= d;
		acc = acc * 10 + d;
	}
	for (; i < n; i += 8)
	{
		uint64_t	x,
					d;

		memcpy(&x, p + i, 8);
#if __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
		x = __builtin_bswap64(x);	/* the first digit in the top byte */
#endif
		d = x & UINT64_C(0x0F0F0F0F0F0F0F0F);
		if ((x & UINT64_C(0xF0F0F0F0F0F0F0F0)) != zones ||
			((d + UINT64_C(0x0606060606060606)) & UINT64_C(0xF0F0F0F0F0F0F0F0)) != 0)
			b |= INVALID;
		d = ((d >> 8) & UINT64_C(0x00FF00FF00FF00FF)) * 10 +
			(d & UINT64_C(0x00FF00FF00FF00FF));
		d = ((d >> 16) & UINT64_C(0x0000FFFF0000FFFF)) * 100 +
			(d & UINT64_C(0x0000FFFF0000FFFF));
		d = (d >> 32) * 10000 + (d & UINT64_C(0xFFFFFFFF));
		acc = acc * 100000000 + d;
	}
	*bad |= b;
	return acc;
}

/*
 * Zoned decimal into int64.  Fields of up to 18 digits take a straight
 * path per sign kind (no branch on the data but the final validity test);
 * longer ones, and anything invalid, go through the general loop, which
 * also finds and reports the offending byte.
 */
zf_status
zf_zoned_decode64(const uint8_t *p, size_t len, zf_sign_kind sign,
				  zf_charset cs, int64_t *out, zf_error *err)
{
	const uint8_t *digit = cs == ZF_CHARSET_ASCII ? ascii_digit : ebcdic_digit;
	const uint8_t *opunch = cs == ZF_CHARSET_ASCII ? ascii_overpunch : ebcdic_overpunch;
	uint64_t	acc;
	uint64_t	neg = 0;
	unsigned	bad = 0;
	unsigned	o;
	uint8_t		c;

	if (__builtin_expect((unsigned) cs > ZF_CHARSET_ASCII || len - 1 >= 19, 0))
		goto general;
	switch (sign)
	{
		case ZF_SIGN_TRAILING:
			if (len > 18)
				goto general;
			o = opunch[p[len - 1]];
			bad = o;			/* INVALID has bit 7 set, valid entries not */
			neg = (o & OP_NEG) != 0;
			acc = zoned_digits(p, len - 1, cs, digit, &bad) * 10 + (o & 0x0F);
			break;
		case ZF_SIGN_LEADING:
			if (len > 18)
				goto general;
			o = opunch[p[0]];
			bad = o;
			neg = (o & OP_NEG) != 0;
			acc = (o & 0x0F) * zf_pow10_u64[len - 1] +
				zoned_digits(p + 1, len - 1, cs, digit, &bad);
			break;
		case ZF_SIGN_NONE:
			if (len > 18)
				goto general;
			acc = zoned_digits(p, len, cs, digit, &bad);
			break;
		case ZF_SIGN_TRAILING_SEPARATE:
		case ZF_SIGN_LEADING_SEPARATE:
			if (len < 2)
				goto general;
			c = sign == ZF_SIGN_LEADING_SEPARATE ? p[0] : p[len - 1];
			neg = c == minus_char[cs];
			bad = (unsigned) (!neg && c != plus_char[cs]) << 7;
			acc = zoned_digits(p + (sign == ZF_SIGN_LEADING_SEPARATE), len - 1,
							   cs, digit, &bad);
			break;
		default:
			goto general;
	}
	if (__builtin_expect(bad & 0x80, 0))
		goto general;
	*out = (int64_t) ((acc ^ (0 - neg)) + neg);
	return ZF_OK;

general:
	{
		unsigned __int128 mag;
		bool		negative;
		zf_status	st;

		st = zoned_magnitude(p, len, sign, cs, &mag, &negative, err);
		if (st != ZF_OK)
			return st;
		if (mag > U64_INT64_MAX + (negative ? 1 : 0))
			return overflow(err, "zoned decimal", p, len, "bigint");
		*out = negative ? (int64_t) (0 - (uint64_t) mag) : (int64_t) mag;
		return ZF_OK;
	}
}

/* Zoned decimal into int128: up to 38 significant digits. */
zf_status
zf_zoned_decode(const uint8_t *p, size_t len, zf_sign_kind sign,
				zf_charset cs, zf_int128 *out, zf_error *err)
{
	unsigned __int128 mag;
	bool		negative;
	zf_status	st;

	st = zoned_magnitude(p, len, sign, cs, &mag, &negative, err);
	if (st != ZF_OK)
		return st;
	*out = negative ? (zf_int128) (0 - mag) : (zf_int128) mag;
	return ZF_OK;
}


/* ---------------------------------------------------------------------
 * Binary
 * ---------------------------------------------------------------------
 */

/* Unsigned big- or little-endian integer of up to 8 bytes. */
static inline uint64_t
load_u64(const uint8_t *p, size_t len, bool big_endian)
{
	uint64_t	v = 0;

	if (big_endian)
		for (size_t i = 0; i < len; i++)
			v = (v << 8) | p[i];
	else
		for (size_t i = len; i > 0; i--)
			v = (v << 8) | p[i - 1];
	return v;
}

/*
 * Binary of 1..16 bytes into int64.  The COBOL and DB2 sizes 2, 4 and 8
 * are special-cased so that the compiler emits one load and one byte swap.
 */
zf_status
zf_binary_decode64(const uint8_t *p, size_t len, bool is_signed,
				   bool big_endian, int64_t *out, zf_error *err)
{
	uint64_t	v;

	switch (len)
	{
		case 2:
			{
				uint16_t	w;

				memcpy(&w, p, 2);
				if (big_endian)
					w = __builtin_bswap16(w);
				*out = is_signed ? (int64_t) (int16_t) w : (int64_t) w;
				return ZF_OK;
			}
		case 4:
			{
				uint32_t	w;

				memcpy(&w, p, 4);
				if (big_endian)
					w = __builtin_bswap32(w);
				*out = is_signed ? (int64_t) (int32_t) w : (int64_t) w;
				return ZF_OK;
			}
		case 8:
			memcpy(&v, p, 8);
			if (big_endian)
				v = __builtin_bswap64(v);
			if (!is_signed && v > U64_INT64_MAX)
				return overflow(err, "unsigned binary", p, len, "bigint");
			*out = (int64_t) v;
			return ZF_OK;
		case 1:
		case 3:
		case 5:
		case 6:
		case 7:
			v = load_u64(p, len, big_endian);
			if (is_signed && (v >> (8 * len - 1)) != 0)
				v |= ~(uint64_t) 0 << (8 * len);
			*out = (int64_t) v;
			return ZF_OK;
		default:
			break;
	}
	if (len > 8 && len <= 16)
	{
		zf_int128	w;
		zf_status	st;

		st = zf_binary_decode(p, len, is_signed, big_endian, &w, err);
		if (st != ZF_OK)
			return st;
		if (w > INT64_MAX || w < INT64_MIN)
			return overflow(err, "binary", p, len, "bigint");
		*out = (int64_t) w;
		return ZF_OK;
	}
	return bad_length(err, "binary", len, 16);
}

/* Binary of 1..16 bytes into int128. */
zf_status
zf_binary_decode(const uint8_t *p, size_t len, bool is_signed,
				 bool big_endian, zf_int128 *out, zf_error *err)
{
	unsigned __int128 v = 0;

	if (len - 1 >= 16)
		return bad_length(err, "binary", len, 16);
	if (big_endian)
		for (size_t i = 0; i < len; i++)
			v = (v << 8) | p[i];
	else
		for (size_t i = len; i > 0; i--)
			v = (v << 8) | p[i - 1];
	if (is_signed)
	{
		if (len < 16 && (v >> (8 * len - 1)) != 0)
			v |= U128_MAX << (8 * len);
	}
	else if (v > U128_INT128_MAX)
		return overflow(err, "unsigned binary", p, len, "a 128-bit integer");
	*out = (zf_int128) v;
	return ZF_OK;
}


/* ---------------------------------------------------------------------
 * Encoders
 * ---------------------------------------------------------------------
 */

/* |v| as unsigned, defined for the most negative value too. */
static inline unsigned __int128
magnitude(zf_int128 v)
{
	return v < 0 ? 0 - (unsigned __int128) v : (unsigned __int128) v;
}

/*
 * True when |v| has at most "digits" decimal digits.  Magnitudes of 64
 * bits or less compare with a power of ten from the table: the encoders
 * are on the INSERT path.
 */
static bool
fits_digits(unsigned __int128 mag, int digits)
{
	unsigned __int128 limit;

	if (digits >= 39)
		return true;
	if (digits <= 19)
		return mag < zf_pow10_u64[digits];
	if (mag <= UINT64_MAX)
		return true;
	limit = zf_pow10_u64[19];
	for (int i = 19; i < digits; i++)
		limit *= 10;
	return mag < limit;
}

/*
 * Write the low "n" decimal digits of mag into dst[0..n-1], one per byte
 * (0..9), most significant first; 64-bit arithmetic while it fits, as
 * 128-bit division is a library call.
 */
static void
decimal_digits(unsigned __int128 mag, uint8_t *dst, size_t n)
{
	size_t		i = n;

	while (i > 0 && mag > UINT64_MAX)
	{
		dst[--i] = (uint8_t) (mag % 10);
		mag /= 10;
	}
	{
		uint64_t	m = (uint64_t) mag;

		while (i > 0)
		{
			dst[--i] = (uint8_t) (m % 10);
			m /= 10;
		}
	}
}

/* Check the arguments common to the packed and zoned encoders. */
static zf_status
check_encode(zf_int128 unscaled, int digits, bool is_signed, zf_error *err)
{
	if (digits < 1 || digits > ZF_MAX_DIGITS)
		return zf_error_set(err, ZF_E_ARG,
							"invalid digit count %d: must be between 1 and %d",
							digits, ZF_MAX_DIGITS);
	if (unscaled < 0 && !is_signed)
		return zf_error_set(err, ZF_E_OVERFLOW,
							"negative value for an unsigned field");
	if (!fits_digits(magnitude(unscaled), digits))
		return zf_error_set(err, ZF_E_OVERFLOW,
							"value does not fit %d digits", digits);
	return ZF_OK;
}

/*
 * Packed decimal of "digits" digits (zf_packed_length bytes): sign C or D,
 * F when unsigned; an even digit count gets a leading zero nibble.
 */
zf_status
zf_packed_encode(zf_int128 unscaled, int digits, bool is_signed,
				 uint8_t *dst, zf_error *err)
{
	unsigned __int128 mag = magnitude(unscaled);
	size_t		len = zf_packed_length(digits);
	zf_status	st;
	unsigned	sign;

	uint8_t		d[2 * 20];
	size_t		nd = 2 * len - 1;

	st = check_encode(unscaled, digits, is_signed, err);
	if (st != ZF_OK)
		return st;
	sign = !is_signed ? 0x0F : (unscaled < 0 ? 0x0D : 0x0C);
	decimal_digits(mag, d, nd);
	dst[len - 1] = (uint8_t) (d[nd - 1] << 4 | sign);
	for (size_t i = 0; i + 1 < len; i++)
		dst[i] = (uint8_t) (d[2 * i] << 4 | d[2 * i + 1]);
	return ZF_OK;
}

/*
 * Zoned decimal of "digits" digits, plus one byte for a separate sign.
 * Overpunch: EBCDIC zones C/D (F when unsigned); ASCII '{' 'A'-'I' and
 * '}' 'J'-'R', as EBCDIC data translated to ASCII shows them.
 */
zf_status
zf_zoned_encode(zf_int128 unscaled, int digits, zf_sign_kind sign,
				zf_charset cs, uint8_t *dst, zf_error *err)
{
	static const char ascii_pos[] = "{ABCDEFGHI";
	static const char ascii_neg[] = "}JKLMNOPQR";
	unsigned __int128 mag = magnitude(unscaled);
	uint8_t		zero = cs == ZF_CHARSET_ASCII ? 0x30 : 0xF0;
	bool		negative = unscaled < 0;
	zf_status	st;
	size_t		first = sign == ZF_SIGN_LEADING_SEPARATE ? 1 : 0;
	size_t		opunch;

	if ((unsigned) cs > ZF_CHARSET_ASCII || (unsigned) sign > ZF_SIGN_LEADING_SEPARATE)
		return zf_error_set(err, ZF_E_ARG, "invalid zoned decimal sign or character set");
	st = check_encode(unscaled, digits, sign != ZF_SIGN_NONE, err);
	if (st != ZF_OK)
		return st;
	decimal_digits(mag, dst + first, (size_t) digits);
	for (size_t i = first; i < first + (size_t) digits; i++)
		dst[i] = (uint8_t) (zero + dst[i]);
	switch (sign)
	{
		case ZF_SIGN_NONE:
			break;
		case ZF_SIGN_TRAILING:
		case ZF_SIGN_LEADING:
			opunch = sign == ZF_SIGN_TRAILING ? (size_t) digits - 1 : 0;
			if (cs == ZF_CHARSET_ASCII)
				dst[opunch] = (uint8_t) (negative ? ascii_neg : ascii_pos)[dst[opunch] - 0x30];
			else
				dst[opunch] = (uint8_t) ((negative ? 0xD0 : 0xC0) | (dst[opunch] & 0x0F));
			break;
		case ZF_SIGN_TRAILING_SEPARATE:
			dst[digits] = negative ? minus_char[cs] : plus_char[cs];
			break;
		case ZF_SIGN_LEADING_SEPARATE:
			dst[0] = negative ? minus_char[cs] : plus_char[cs];
			break;
	}
	return ZF_OK;
}

/* Big-endian two's complement (or unsigned) binary of len 1..16 bytes. */
zf_status
zf_binary_encode(zf_int128 unscaled, size_t len, bool is_signed,
				 uint8_t *dst, zf_error *err)
{
	unsigned __int128 v = (unsigned __int128) unscaled;

	if (len - 1 >= 16)
		return bad_length(err, "binary", len, 16);
	if (!is_signed && unscaled < 0)
		return zf_error_set(err, ZF_E_OVERFLOW,
							"negative value for an unsigned field");
	if (len < 16)
	{
		int			bits = 8 * (int) len;
		zf_int128	hi = is_signed ? (zf_int128) (((unsigned __int128) 1) << (bits - 1)) - 1
			: (zf_int128) ((((unsigned __int128) 1) << bits) - 1);
		zf_int128	lo = is_signed ? -hi - 1 : 0;

		if (unscaled > hi || unscaled < lo)
			return zf_error_set(err, ZF_E_OVERFLOW,
								"value does not fit %zu bytes", len);
	}
	for (size_t i = len; i > 0; i--)
	{
		dst[i - 1] = (uint8_t) (v & 0xFF);
		v >>= 8;
	}
	return ZF_OK;
}
