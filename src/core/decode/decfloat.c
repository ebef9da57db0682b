/*-------------------------------------------------------------------------
 *
 * decfloat.c
 *	  DB2 DECFLOAT (IEEE 754 decimal64 / decimal128, DPD encoding).
 *
 * Layout, most significant bit first:
 *
 *	decimal64	sign 1 | combination 5 | exponent continuation 8  | 5 declets
 *	decimal128	sign 1 | combination 5 | exponent continuation 12 | 11 declets
 *
 * The combination field G0..G4 holds the two leading exponent bits and the
 * most significant digit: G0G1 != 11: exponent bits G0G1, digit G2G3G4
 * (0-7); G0G1 == 11 and G2G3 != 11: exponent bits G2G3, digit 8 + G4;
 * 11110 is infinity, 11111 NaN (signalling when the next bit is 1).  The
 * biased exponent is the leading bits followed by the continuation; the
 * bias is 398 (decimal64) and 6176 (decimal128).  Each declet is 10 bits
 * holding 3 digits in densely packed decimal.
 *
 *-------------------------------------------------------------------------
 */
#include "decode/decfloat.h"

#include <stdio.h>
#include <string.h>

/* The two formats' parameters. */
typedef struct dfp_format
{
	int			bits;			/* 64 or 128 */
	int			econt_bits;		/* exponent continuation width */
	int			declets;
	int			bias;
} dfp_format;

static const dfp_format decimal64 = {64, 8, 5, 398};
static const dfp_format decimal128 = {128, 12, 11, 6176};

/*
 * One declet to its value 0..999, following IEEE 754-2008 table 3.3
 * (bits b9..b0; b3 says whether any digit is 8 or 9, b2 b1 and then b6 b5
 * say which).  The 24 redundant codes decode like their canonical twins.
 */
static unsigned
dpd_declet(unsigned b)
{
	unsigned	abc = (b >> 7) & 7;		/* b9 b8 b7 */
	unsigned	def = (b >> 4) & 7;		/* b6 b5 b4 */
	unsigned	ghi = b & 7;			/* b2 b1 b0 */
	unsigned	c = (b >> 7) & 1;
	unsigned	f = (b >> 4) & 1;
	unsigned	i = b & 1;
	unsigned	ab = (b >> 8) & 3;		/* b9 b8 */
	unsigned	de = (b >> 5) & 3;		/* b6 b5 */
	unsigned	d2, d1, d0;

	if ((b & 0x8) == 0)
	{
		d2 = abc, d1 = def, d0 = ghi;
	}
	else
	{
		switch ((b >> 1) & 3)	/* b2 b1 */
		{
			case 0:
				d2 = abc, d1 = def, d0 = 8 + i;
				break;
			case 1:
				d2 = abc, d1 = 8 + f, d0 = (de << 1) | i;
				break;
			case 2:
				d2 = 8 + c, d1 = def, d0 = (ab << 1) | i;
				break;
			default:
				switch (de)
				{
					case 0:
						d2 = 8 + c, d1 = 8 + f, d0 = (ab << 1) | i;
						break;
					case 1:
						d2 = 8 + c, d1 = (ab << 1) | f, d0 = 8 + i;
						break;
					case 2:
						d2 = abc, d1 = 8 + f, d0 = 8 + i;
						break;
					default:
						d2 = 8 + c, d1 = 8 + f, d0 = 8 + i;
						break;
				}
				break;
		}
	}
	return d2 * 100 + d1 * 10 + d0;
}

/* Decode a decimal64 or decimal128 into its parts. */
zf_status
zf_decfloat_decode(const uint8_t *p, size_t len, zf_decfloat *out,
				   zf_error *err)
{
	const dfp_format *fmt;
	unsigned __int128 v = 0;
	unsigned __int128 coefficient;
	unsigned	g,
				exp_lead,
				msd;
	int			top = 0;		/* shift to the combination field */
	unsigned	econt;

	if (len == 8)
		fmt = &decimal64;
	else if (len == 16)
		fmt = &decimal128;
	else
	{
		zf_error_set(err, ZF_E_ARG, "invalid DECFLOAT length %zu", len);
		zf_error_detail(err, "The length must be 8 (DECFLOAT(16)) or 16 (DECFLOAT(34)) bytes.");
		return ZF_E_ARG;
	}
	for (size_t k = 0; k < len; k++)
		v = (v << 8) | p[k];

	memset(out, 0, sizeof(*out));
	out->negative = (unsigned) (v >> (fmt->bits - 1)) & 1;
	top = fmt->bits - 6;
	g = (unsigned) (v >> top) & 0x1F;
	econt = (unsigned) (v >> (top - fmt->econt_bits)) & ((1u << fmt->econt_bits) - 1);

	if ((g >> 3) != 3)
	{
		exp_lead = g >> 3;
		msd = g & 7;
	}
	else if (((g >> 1) & 3) != 3)
	{
		exp_lead = (g >> 1) & 3;
		msd = 8 + (g & 1);
	}
	else
	{
		exp_lead = 0;
		msd = 0;				/* a NaN's payload has no leading digit */
		if ((g & 1) == 0)
		{
			out->cls = ZF_DECFLOAT_INFINITY;
			out->digits = 1;
			return ZF_OK;
		}
		out->cls = (econt >> (fmt->econt_bits - 1)) ? ZF_DECFLOAT_SNAN : ZF_DECFLOAT_NAN;
	}

	coefficient = msd;
	for (int k = fmt->declets - 1; k >= 0; k--)
		coefficient = coefficient * 1000 +
			dpd_declet((unsigned) (v >> (10 * k)) & 0x3FF);
	out->coefficient = (zf_int128) coefficient;
	out->digits = (int16_t) zf_int128_digits(out->coefficient);
	if (out->cls == ZF_DECFLOAT_FINITE)
		out->exponent = (int32_t) ((exp_lead << fmt->econt_bits) | econt) - fmt->bias;
	return ZF_OK;
}

/*
 * Render per the to-scientific-string rules: plain notation when the
 * exponent is at most 0 and the adjusted exponent (exponent + digits - 1)
 * is at least -6, otherwise one digit, the rest after a point, and
 * E+n / E-n.  Exact in both cases.
 */
zf_status
zf_decfloat_to_string(const uint8_t *p, size_t len, char *buf, size_t cap,
					  zf_decfloat_class *cls, zf_error *err)
{
	zf_decfloat d;
	char		digits[48];
	int			nd;
	int			pos = 0;
	zf_status	st;

	if (cap < ZF_DECFLOAT_STRLEN)
		return zf_error_set(err, ZF_E_ARG, "DECFLOAT string buffer of %zu bytes is too small", cap);
	st = zf_decfloat_decode(p, len, &d, err);
	if (st != ZF_OK)
		return st;
	if (cls)
		*cls = d.cls;
	if (d.negative)
		buf[pos++] = '-';
	if (d.cls == ZF_DECFLOAT_INFINITY)
	{
		strcpy(buf + pos, "Infinity");
		return ZF_OK;
	}
	nd = zf_decimal_to_string(d.coefficient, 0, digits);
	if (d.cls != ZF_DECFLOAT_FINITE)
	{
		pos += sprintf(buf + pos, "%s", d.cls == ZF_DECFLOAT_SNAN ? "sNaN" : "NaN");
		if (d.coefficient != 0)
			strcpy(buf + pos, digits);
		else
			buf[pos] = '\0';
		return ZF_OK;
	}

	{
		int			exponent = d.exponent;
		int			adjusted = exponent + nd - 1;

		if (exponent <= 0 && adjusted >= -6)
		{
			int			point = nd + exponent;	/* digits before the point */

			if (exponent == 0)
				pos += sprintf(buf + pos, "%s", digits);
			else if (point > 0)
				pos += sprintf(buf + pos, "%.*s.%s", point, digits, digits + point);
			else
			{
				buf[pos++] = '0';
				buf[pos++] = '.';
				for (int k = 0; k < -point; k++)
					buf[pos++] = '0';
				pos += sprintf(buf + pos, "%s", digits);
			}
		}
		else
		{
			buf[pos++] = digits[0];
			if (nd > 1)
				pos += sprintf(buf + pos, ".%s", digits + 1);
			pos += sprintf(buf + pos, "E%c%d", adjusted >= 0 ? '+' : '-',
						   adjusted >= 0 ? adjusted : -adjusted);
		}
	}
	return ZF_OK;
}
