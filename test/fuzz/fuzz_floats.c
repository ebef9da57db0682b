/*-------------------------------------------------------------------------
 *
 * fuzz_floats.c
 *	  libFuzzer target for floats.c: IBM hexadecimal floating point (HFP)
 *	  to double and float, IEEE 754 in either byte order, and double to HFP.
 *
 * fuzz-max-len: 32
 *
 * Input: one byte of flags, then the field bytes (4 or 8 are the valid
 * lengths; any other length must be refused).
 *
 * The HFP decoders are checked against a reference that computes the value
 * exactly in long double (x87: 64-bit significand, wide exponent, so every
 * HFP value is exact there) and rounds once to double or float; IEEE
 * against a plain memcpy; the encoder by decode(encode(d)) == d for long
 * HFP and a rounding error of at most half a unit of the 24-bit fraction
 * for short HFP.
 *
 *-------------------------------------------------------------------------
 */
#include "fuzz_common.h"

#include <float.h>
#include <math.h>

#include "decode/floats.h"

/* The exact value of a 4- or 8-byte HFP field. */
static long double
ref_hfp(const uint8_t *p, size_t len)
{
	uint64_t	fraction = 0;
	int			exponent = p[0] & 0x7F;
	int			fbits = len == 8 ? 56 : 24;
	long double v;

	for (size_t i = 1; i < len; i++)
		fraction = fraction << 8 | p[i];
	v = ldexpl((long double) fraction, 4 * (exponent - 64) - fbits);
	return (p[0] & 0x80) ? -v : v;
}

/* Same double, NaNs alike, and the sign of zero too. */
static bool
same_double(double a, double b)
{
	if (isnan(a) || isnan(b))
		return isnan(a) && isnan(b);
	return a == b && signbit(a) == signbit(b);
}

static void
fuzz_decode(const uint8_t *p, size_t len, uint8_t flags)
{
	zf_error	err;
	zf_status	st;
	double		d = 0;
	float		f = 0;

	zf_error_clear(&err);
	st = zf_hfp_to_double(p, len, &d, &err);
	fuzz_check_error(st, &err, "hfp_to_double");
	if (len != 4 && len != 8)
		FUZZ_CHECK(st == ZF_E_ARG, "hfp_to_double accepted length %zu", len);
	else
	{
		long double exact = ref_hfp(p, len);

		FUZZ_CHECK(st == ZF_OK, "hfp_to_double: %s", err.message);
		FUZZ_CHECK(same_double(d, (double) exact),
				   "hfp_to_double %a, reference %a", d, (double) exact);
		if (len == 4)
			FUZZ_CHECK((long double) d == exact, "short HFP not exact in double");
	}

	zf_error_clear(&err);
	st = zf_hfp_to_float(p, len, &f, &err);
	fuzz_check_error(st, &err, "hfp_to_float");
	FUZZ_CHECK(zf_hfp_to_float(p, len, &f, NULL) == st,
			   "hfp_to_float differs without an error struct");
	if (len != 4 && len != 8)
		FUZZ_CHECK(st == ZF_E_ARG, "hfp_to_float accepted length %zu", len);
	else
	{
		long double exact = ref_hfp(p, len);
		float		rf = (float) exact;	/* one rounding, to nearest even */

		if (isinf(rf))
			FUZZ_CHECK(st == ZF_E_OVERFLOW, "hfp_to_float: %s for an overflow",
					   zf_status_name(st));
		else
		{
			FUZZ_CHECK(st == ZF_OK, "hfp_to_float: %s", err.message);
			FUZZ_CHECK(f == rf && signbit(f) == signbit(rf),
					   "hfp_to_float %a, reference %a", (double) f, (double) rf);
		}
	}

	zf_error_clear(&err);
	st = zf_ieee_to_double(p, len, !(flags & 1), &d, &err);
	fuzz_check_error(st, &err, "ieee_to_double");
	if (len != 4 && len != 8)
		FUZZ_CHECK(st == ZF_E_ARG, "ieee_to_double accepted length %zu", len);
	else
	{
		uint8_t		b[8];
		double		rd;

		FUZZ_CHECK(st == ZF_OK, "ieee_to_double: %s", err.message);
		for (size_t i = 0; i < len; i++)
			b[i] = (flags & 1) ? p[i] : p[len - 1 - i];	/* to little-endian */
		if (len == 8)
			memcpy(&rd, b, 8);
		else
		{
			float		rf;

			memcpy(&rf, b, 4);
			rd = rf;
		}
		FUZZ_CHECK(same_double(d, rd), "ieee_to_double %a, reference %a", d, rd);
	}
}

/* Double (the input's 8 bytes, or a short HFP's value) to HFP and back. */
static void
fuzz_encode(const uint8_t *p, size_t len, uint8_t flags)
{
	size_t		hlen = (flags & 2) ? 4 : 8;
	uint8_t    *h = malloc(hlen);
	double		v,
				back = 0;
	zf_error	err;
	zf_status	st;

	if (len < 8)
	{
		free(h);
		return;
	}
	memcpy(&v, p, 8);
	zf_error_clear(&err);
	st = zf_double_to_hfp(v, hlen, h, &err);
	fuzz_check_error(st, &err, "double_to_hfp");
	if (isnan(v) || isinf(v))
		FUZZ_CHECK(st == ZF_E_ARG, "double_to_hfp accepted %a", v);
	else if (v != 0 && (fabs(v) < 0x1p-261 || fabs(v) >= 0x1p252))
		FUZZ_CHECK(st == ZF_E_OVERFLOW, "double_to_hfp of %a: %s", v,
				   zf_status_name(st));	/* the smallest HFP is 2^-260 */
	else if (st == ZF_OK)
	{
		FUZZ_CHECK(zf_hfp_to_double(h, hlen, &back, NULL) == ZF_OK, "re-decode");
		FUZZ_CHECK(signbit(back) == signbit(v), "double_to_hfp lost the sign");
		if (hlen == 8)
			FUZZ_CHECK(back == v, "long HFP of %a decodes to %a", v, back);
		else
		{
			/* normalized: the fraction's first hex digit is not zero */
			FUZZ_CHECK(v == 0 || (h[1] >> 4) != 0, "short HFP not normalized");
			FUZZ_CHECK(fabsl((long double) back - v) <= ldexpl(fabsl(v), -20),
					   "short HFP of %a decodes to %a", v, back);
		}
	}
	else
	{
		/* near the ends of the range the rounding may carry into it or out */
		FUZZ_CHECK(st == ZF_E_OVERFLOW, "double_to_hfp of %a: %s", v, err.message);
		FUZZ_CHECK(fabs(v) < 0x1p-260 || fabs(v) >= 0x1p251,
				   "double_to_hfp refused %a", v);
	}
	free(h);
}

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_input	in = {data, size};
	uint8_t		flags = fuzz_u8(&in);
	uint8_t    *field = fuzz_dup(in.p, in.n);

	fuzz_decode(field, in.n, flags);
	fuzz_encode(field, in.n, flags);
	free(field);
	return 0;
}
