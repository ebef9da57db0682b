/*-------------------------------------------------------------------------
 *
 * floats.c
 *	  IBM hexadecimal floating point and IEEE 754 binary floats.
 *
 * HFP to double: the fraction (24 or 56 bits) is converted to double by the
 * hardware, which rounds to nearest, ties to even (exact for 24 bits), and
 * then multiplied by an exact power of two built from the bits; every HFP
 * exponent (16^-64 .. 16^63, times 2^-56) is a normal double, so the
 * product is exact and the whole conversion rounds once.
 *
 * HFP to float needs one correct rounding from up to 56 bits straight to
 * float's 24 bits or fewer (subnormals); going through double would round
 * twice.  So it is done on integers: the rounding position depends on the
 * value's binary exponent, the rest is compared against half an ulp.
 *
 *-------------------------------------------------------------------------
 */
#include "decode/floats.h"

#include <math.h>
#include <string.h>

/* Sign, excess-64 hex exponent and fraction of a 4- or 8-byte HFP value. */
typedef struct hfp_parts
{
	bool		negative;
	int			exponent;		/* 0..127, excess 64 */
	uint64_t	fraction;		/* 24 or 56 bits */
	int			fraction_bits;
} hfp_parts;

/* Split an HFP value; false when the length is not 4 or 8. */
static inline bool
hfp_split(const uint8_t *p, size_t len, hfp_parts *h)
{
	uint64_t	v;

	if (len == 8)
	{
		memcpy(&v, p, 8);
		v = __builtin_bswap64(v);
		h->fraction = v & ((UINT64_C(1) << 56) - 1);
		h->fraction_bits = 56;
	}
	else if (len == 4)
	{
		uint32_t	w;

		memcpy(&w, p, 4);
		w = __builtin_bswap32(w);
		v = (uint64_t) w << 32;
		h->fraction = w & 0x00FFFFFF;
		h->fraction_bits = 24;
	}
	else
		return false;
	h->negative = (v >> 63) != 0;
	h->exponent = (int) ((v >> 56) & 0x7F);
	return true;
}

static zf_status
hfp_bad_length(size_t len, zf_error *err)
{
	zf_error_set(err, ZF_E_ARG, "invalid hexadecimal floating point length %zu", len);
	zf_error_detail(err, "The length must be 4 (COMP-1, REAL) or 8 (COMP-2, DOUBLE) bytes.");
	return ZF_E_ARG;
}

/* 2^k as a double, for -1022 <= k <= 1023, from its bits. */
static inline double
pow2_double(int k)
{
	uint64_t	bits = (uint64_t) (1023 + k) << 52;
	double		d;

	memcpy(&d, &bits, sizeof(d));
	return d;
}

/*
 * HFP short or long to double.  value = fraction * 2^(4*(e-64) - fbits);
 * the scale ranges over 2^-312 .. 2^228, inside the normal doubles.
 */
zf_status
zf_hfp_to_double(const uint8_t *p, size_t len, double *out, zf_error *err)
{
	hfp_parts	h;
	double		v;

	if (__builtin_expect(!hfp_split(p, len, &h), 0))
		return hfp_bad_length(len, err);
	v = (double) (int64_t) h.fraction *
		pow2_double(4 * (h.exponent - 64) - h.fraction_bits);
	*out = h.negative ? -v : v;
	return ZF_OK;
}

/*
 * Round m * 2^e2 (m != 0, up to 64 bits) to the nearest float, ties to
 * even, subnormals included.  Returns false when the result overflows.
 */
static bool
round_to_float(uint64_t m, int e2, bool negative, float *out)
{
	int			nbits = 64 - __builtin_clzll(m);
	int			exp = e2 + nbits - 1;	/* m*2^e2 is in [2^exp, 2^(exp+1)) */
	int			keep = exp >= -126 ? 24 : 24 - (-126 - exp);
	int			shift = nbits - keep;
	uint64_t	q;
	uint32_t	bits;

	if (shift <= 0)
		q = m << -shift;		/* exact: fewer bits than the format holds */
	else if (shift > nbits)
		q = 0;					/* below half the smallest subnormal */
	else
	{
		uint64_t	rem = shift == 64 ? m : m & ((UINT64_C(1) << shift) - 1);
		uint64_t	half = UINT64_C(1) << (shift - 1);

		q = shift == 64 ? 0 : m >> shift;
		if (rem > half || (rem == half && (q & 1)))
			q++;
	}
	if (exp >= -126)
	{
		/* q is in [2^23, 2^24]; 2^24 carries into the exponent by itself */
		if (exp > 127)
			return false;
		bits = ((uint32_t) (exp + 127 - 1) << 23) + (uint32_t) q;
	}
	else
		bits = (uint32_t) q;	/* 2^23 becomes the smallest normal */
	if (bits >= 0x7F800000)
		return false;
	if (negative)
		bits |= 0x80000000;
	memcpy(out, &bits, sizeof(*out));
	return true;
}

/* HFP short or long to float, rounded once; ZF_E_OVERFLOW beyond FLT_MAX. */
zf_status
zf_hfp_to_float(const uint8_t *p, size_t len, float *out, zf_error *err)
{
	hfp_parts	h;

	if (!hfp_split(p, len, &h))
		return hfp_bad_length(len, err);
	if (h.fraction == 0)
	{
		*out = h.negative ? -0.0f : 0.0f;
		return ZF_OK;
	}
	if (!round_to_float(h.fraction, 4 * (h.exponent - 64) - h.fraction_bits,
						h.negative, out))
	{
		char		hex[32];

		if (err == NULL)
			return ZF_E_OVERFLOW;
		zf_error_set(err, ZF_E_OVERFLOW,
					 "hexadecimal floating point value out of range for real");
		zf_hex(hex, sizeof(hex), p, len, 8);
		zf_error_detail(err, "The field's bytes are %s.", hex);
		zf_error_hint(err, "Use a double precision or numeric column.");
		err->offset = 0;
		return ZF_E_OVERFLOW;
	}
	return ZF_OK;
}

/* IEEE binary32 or binary64, either byte order, to double. */
zf_status
zf_ieee_to_double(const uint8_t *p, size_t len, bool big_endian, double *out,
				  zf_error *err)
{
	if (len == 8)
	{
		uint64_t	v;

		memcpy(&v, p, 8);
		if (big_endian)
			v = __builtin_bswap64(v);
		memcpy(out, &v, 8);
		return ZF_OK;
	}
	if (len == 4)
	{
		uint32_t	w;
		float		f;

		memcpy(&w, p, 4);
		if (big_endian)
			w = __builtin_bswap32(w);
		memcpy(&f, &w, 4);
		*out = (double) f;
		return ZF_OK;
	}
	zf_error_set(err, ZF_E_ARG, "invalid IEEE floating point length %zu", len);
	zf_error_detail(err, "The length must be 4 or 8 bytes.");
	return ZF_E_ARG;
}

/*
 * Double to normalized HFP of 4 or 8 bytes (big-endian).  Long HFP holds
 * every double exactly; short HFP rounds the fraction to 24 bits, to
 * nearest, ties to even.  NaN and infinity have no HFP form (ZF_E_ARG);
 * magnitudes outside 16^-65 .. 16^63 are ZF_E_OVERFLOW.
 */
zf_status
zf_double_to_hfp(double v, size_t len, uint8_t *dst, zf_error *err)
{
	int			fbits = len == 8 ? 56 : 24;
	bool		negative = signbit(v) != 0;
	double		a = fabs(v);
	int			e2, h;
	uint64_t	fraction;
	uint64_t	word;

	if (len != 4 && len != 8)
		return hfp_bad_length(len, err);
	if (isnan(v) || isinf(v))
		return zf_error_set(err, ZF_E_ARG,
							"%s cannot be represented in hexadecimal floating point",
							isnan(v) ? "NaN" : "infinity");
	if (a == 0)
		fraction = 0, h = -64;
	else
	{
		frexp(a, &e2);			/* a is in [2^(e2-1), 2^e2) */
		h = e2 >= 0 ? (e2 + 3) / 4 : -((-e2) / 4);	/* ceil(e2 / 4) */
		/* a / 16^h is in [1/16, 1): scale it to an integer fraction */
		fraction = (uint64_t) nearbyint(ldexp(a, fbits - 4 * h));
		if (fraction >> fbits)
		{
			/* rounding carried into a new hex digit */
			fraction >>= 4;
			h++;
		}
		if (h + 64 > 127 || h + 64 < 0)
			return zf_error_set(err, ZF_E_OVERFLOW,
								"value %g out of range for hexadecimal floating point",
								v);
	}
	word = ((uint64_t) (negative ? 1 : 0) << 63) |
		((uint64_t) (h + 64) << 56) |
		(fraction << (56 - fbits));
	for (size_t i = 0; i < len; i++)
		dst[i] = (uint8_t) (word >> (56 - 8 * i));
	return ZF_OK;
}

/*
 * Double to HFP of 4 or 8 bytes without rounding: the bytes are made by
 * zf_double_to_hfp and decoded again; a value that does not come back
 * equal (short HFP keeps fewer bits than a double, tiny values fall below
 * HFP's range) is refused rather than written rounded.
 */
zf_status
zf_double_to_hfp_exact(double v, size_t len, uint8_t *dst, zf_error *err)
{
	zf_status	st;
	double		back;

	st = zf_double_to_hfp(v, len, dst, err);
	if (st != ZF_OK)
		return st;
	st = zf_hfp_to_double(dst, len, &back, err);
	if (st != ZF_OK)
		return st;
	if (back != v || signbit(back) != signbit(v))
	{
		zf_error_set(err, ZF_E_OVERFLOW,
					 "value %.17g cannot be represented exactly in %zu-byte hexadecimal floating point",
					 v, len);
		zf_error_detail(err, "The nearest value that can is %.17g.", back);
		if (len == 4)
			zf_error_hint(err, "A COMP-2 (8-byte) field holds every double exactly.");
		return ZF_E_OVERFLOW;
	}
	return ZF_OK;
}

/*
 * Double to big-endian IEEE binary32 (len 4, exact or ZF_E_OVERFLOW) or
 * binary64 (len 8).
 */
zf_status
zf_double_to_ieee(double v, size_t len, uint8_t *dst, zf_error *err)
{
	if (len == 8)
	{
		uint64_t	w;

		memcpy(&w, &v, 8);
		for (int i = 0; i < 8; i++)
			dst[i] = (uint8_t) (w >> (56 - 8 * i));
		return ZF_OK;
	}
	if (len == 4)
	{
		float		f = (float) v;
		uint32_t	w;

		if (!isnan(v) && (double) f != v)
			return zf_error_set(err, ZF_E_OVERFLOW,
								"value %.17g cannot be represented exactly in a 4-byte IEEE float",
								v);
		memcpy(&w, &f, 4);
		for (int i = 0; i < 4; i++)
			dst[i] = (uint8_t) (w >> (24 - 8 * i));
		return ZF_OK;
	}
	zf_error_set(err, ZF_E_ARG, "invalid IEEE floating point length %zu", len);
	zf_error_detail(err, "The length must be 4 or 8 bytes.");
	return ZF_E_ARG;
}
