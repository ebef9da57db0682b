/*-------------------------------------------------------------------------
 *
 * fuzz_decfloat.c
 *	  libFuzzer target for decfloat.c: DB2 DECFLOAT(16) and DECFLOAT(34)
 *	  (IEEE 754 decimal64 and decimal128, DPD encoding) decoded and
 *	  rendered as text.
 *
 * fuzz-max-len: 32
 *
 * Input: the field's bytes (8 and 16 are the valid lengths).
 *
 * The decoder is checked against a reference written here a different
 * way: declets are looked up in a table built by the DPD *encoding* rules
 * (Cowlishaw's table, inverted), with the 24 redundant codes mapped to
 * their canonical twins by clearing their don't-care bits.  The string
 * is parsed back here and must give the decoded sign, coefficient and
 * exponent exactly, in at most ZF_DECFLOAT_STRLEN bytes.
 *
 *-------------------------------------------------------------------------
 */
#include "fuzz_common.h"

#include "decode/decfloat.h"

typedef unsigned __int128 u128;

static int16_t declet_value[1024];	/* -1: not a canonical declet */

/* Canonical DPD of three digits (IEEE 754-2008 3.5.2, as an encoder). */
static unsigned
dpd_encode(unsigned d2, unsigned d1, unsigned d0)
{
	unsigned	a = d2 >> 3 & 1, b = d2 >> 2 & 1, c = d2 >> 1 & 1, d = d2 & 1;
	unsigned	e = d1 >> 3 & 1, f = d1 >> 2 & 1, g = d1 >> 1 & 1, h = d1 & 1;
	unsigned	i = d0 >> 3 & 1, j = d0 >> 2 & 1, k = d0 >> 1 & 1, m = d0 & 1;
	unsigned	bits[10];		/* p q r s t u v w x y = b9 .. b0 */
	unsigned	v = 0;

#define SET(P,Q,R,S,T,U,V,W,X,Y) \
	(bits[0]=P, bits[1]=Q, bits[2]=R, bits[3]=S, bits[4]=T, bits[5]=U, \
	 bits[6]=V, bits[7]=W, bits[8]=X, bits[9]=Y)
	switch (a << 2 | e << 1 | i)
	{
		case 0:
			SET(b, c, d, f, g, h, 0, j, k, m);
			break;
		case 1:
			SET(b, c, d, f, g, h, 1, 0, 0, m);
			break;
		case 2:
			SET(b, c, d, j, k, h, 1, 0, 1, m);
			break;
		case 3:
			SET(b, c, d, 1, 0, h, 1, 1, 1, m);
			break;
		case 4:
			SET(j, k, d, f, g, h, 1, 1, 0, m);
			break;
		case 5:
			SET(f, g, d, 0, 1, h, 1, 1, 1, m);
			break;
		case 6:
			SET(j, k, d, 0, 0, h, 1, 1, 1, m);
			break;
		default:
			SET(0, 0, d, 1, 1, h, 1, 1, 1, m);
			break;
	}
#undef SET
	for (int n = 0; n < 10; n++)
		v = v << 1 | bits[n];
	return v;
}

/* The value of a declet; redundant codes (b3 b2 b1 b6 b5 all set) read
 * like the code with b9 b8 cleared. */
static unsigned
ref_declet(unsigned x)
{
	if ((x & 0x6E) == 0x6E)
		x &= ~0x300u;
	if (declet_value[x] < 0)
		fuzz_fail(__FILE__, __LINE__, "declet %03X has no value", x);
	return (unsigned) declet_value[x];
}

/* Reference decoding of a decimal64 or decimal128. */
static zf_decfloat
ref_decode(const uint8_t *p, size_t len)
{
	int			ndeclets = len == 8 ? 5 : 11;
	int			econt = len == 8 ? 8 : 12;
	int			bias = len == 8 ? 398 : 6176;
	u128		bits = 0;
	unsigned	comb,
				lead,
				ebits;
	zf_decfloat d;

	memset(&d, 0, sizeof(d));
	for (size_t k = 0; k < len; k++)
		bits = bits << 8 | p[k];
	d.negative = p[0] >> 7;
	comb = p[0] >> 2 & 0x1F;
	if (comb == 0x1E)
		d.cls = ZF_DECFLOAT_INFINITY;
	else if (comb == 0x1F)
		d.cls = (p[0] & 0x02) ? ZF_DECFLOAT_SNAN : ZF_DECFLOAT_NAN;
	if ((comb >> 3) == 3)
		lead = 8 + (comb & 1), ebits = comb >> 1 & 3;
	else
		lead = comb & 7, ebits = comb >> 3;
	if (d.cls != ZF_DECFLOAT_FINITE)
		lead = 0;				/* NaN payload: the declets only */
	d.coefficient = lead;
	for (int k = ndeclets - 1; k >= 0; k--)
		d.coefficient = d.coefficient * 1000 +
			ref_declet((unsigned) (bits >> (10 * k)) & 0x3FF);
	if (d.cls == ZF_DECFLOAT_INFINITY)
		d.coefficient = 0;
	{
		int			cont = (int) (bits >> (10 * ndeclets) & ((1u << econt) - 1));

		d.exponent = d.cls == ZF_DECFLOAT_FINITE ?
			(int32_t) ((ebits << econt | (unsigned) cont) - (unsigned) bias) : 0;
	}
	return d;
}

/* Digits of a coefficient (1 for zero). */
static int
count_digits(u128 v)
{
	int			n = 1;

	while (v >= 10)
		v /= 10, n++;
	return n;
}

/* Parse the string of a finite DECFLOAT back into its parts. */
static void
parse_back(const char *s, bool *negative, u128 *coefficient, int *exponent)
{
	int			frac = 0;
	bool		point = false;

	*negative = *s == '-';
	if (*negative)
		s++;
	*coefficient = 0;
	for (; (*s >= '0' && *s <= '9') || *s == '.'; s++)
	{
		if (*s == '.')
		{
			FUZZ_CHECK(!point, "two points in \"%s\"", s);
			point = true;
			continue;
		}
		*coefficient = *coefficient * 10 + (unsigned) (*s - '0');
		if (point)
			frac++;
	}
	*exponent = -frac;
	if (*s == 'E')
	{
		int			sign = s[1] == '-' ? -1 : 1;
		int			e = 0;

		FUZZ_CHECK(s[1] == '+' || s[1] == '-', "exponent without a sign");
		for (s += 2; *s >= '0' && *s <= '9'; s++)
			e = e * 10 + (*s - '0');
		*exponent += sign * e;
	}
	FUZZ_CHECK(*s == '\0', "junk at the end of a DECFLOAT string");
}

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	uint8_t    *p = fuzz_dup(data, size);
	char		buf[ZF_DECFLOAT_STRLEN + 16];
	zf_decfloat d,
				ref;
	zf_decfloat_class cls = (zf_decfloat_class) 99;
	zf_error	err;
	zf_status	st;

	if (declet_value[1] == 0)
	{
		for (int x = 0; x < 1024; x++)
			declet_value[x] = -1;
		for (unsigned v = 0; v < 1000; v++)
			declet_value[dpd_encode(v / 100, v / 10 % 10, v % 10)] = (int16_t) v;
	}

	zf_error_clear(&err);
	memset(&d, 0x5A, sizeof(d));
	st = zf_decfloat_decode(p, size, &d, &err);
	fuzz_check_error(st, &err, "decfloat_decode");
	if (size != 8 && size != 16)
	{
		FUZZ_CHECK(st == ZF_E_ARG, "length %zu accepted", size);
		free(p);
		return 0;
	}
	FUZZ_CHECK(st == ZF_OK, "decfloat_decode refused %zu bytes", size);

	ref = ref_decode(p, size);
	FUZZ_CHECK(d.cls == ref.cls && d.negative == ref.negative,
			   "class %d sign %d, reference %d %d", d.cls, d.negative, ref.cls,
			   ref.negative);
	if (d.cls == ZF_DECFLOAT_FINITE)
		FUZZ_CHECK(d.exponent == ref.exponent, "exponent %d, reference %d",
				   d.exponent, ref.exponent);
	if (d.cls != ZF_DECFLOAT_INFINITY)
	{
		FUZZ_CHECK(d.coefficient == ref.coefficient, "coefficient differs from the reference");
		FUZZ_CHECK(d.digits == count_digits((u128) d.coefficient),
				   "digits %d for a coefficient of %d digits", d.digits,
				   count_digits((u128) d.coefficient));
	}
	FUZZ_CHECK(d.coefficient >= 0 && d.digits <= (size == 8 ? 16 : 34),
			   "%d digits in a %zu-byte DECFLOAT", d.digits, size);

	/* the string, into a buffer of the promised size plus a canary */
	memset(buf, 0x7F, sizeof(buf));
	zf_error_clear(&err);
	st = zf_decfloat_to_string(p, size, buf, ZF_DECFLOAT_STRLEN, &cls, &err);
	fuzz_check_error(st, &err, "decfloat_to_string");
	FUZZ_CHECK(st == ZF_OK, "decfloat_to_string: %s", err.message);
	FUZZ_CHECK(cls == d.cls, "to_string class %d, decode %d", cls, d.cls);
	FUZZ_CHECK(fuzz_strnlen(buf, ZF_DECFLOAT_STRLEN) < ZF_DECFLOAT_STRLEN,
			   "DECFLOAT string not terminated within %d bytes", ZF_DECFLOAT_STRLEN);
	for (size_t k = ZF_DECFLOAT_STRLEN; k < sizeof(buf); k++)
		FUZZ_CHECK(buf[k] == 0x7F, "to_string wrote past its buffer");
	if (d.cls == ZF_DECFLOAT_FINITE)
	{
		bool		negative;
		u128		coefficient;
		int			exponent;

		parse_back(buf, &negative, &coefficient, &exponent);
		FUZZ_CHECK(negative == d.negative && coefficient == (u128) d.coefficient &&
				   exponent == d.exponent,
				   "\"%s\" is not the decoded value", buf);
	}
	else if (d.cls == ZF_DECFLOAT_INFINITY)
		FUZZ_CHECK(strcmp(buf, d.negative ? "-Infinity" : "Infinity") == 0,
				   "infinity as \"%s\"", buf);
	else
		FUZZ_CHECK(strstr(buf, "NaN") != NULL, "NaN as \"%s\"", buf);

	zf_error_clear(&err);
	FUZZ_CHECK(zf_decfloat_to_string(p, size, buf, ZF_DECFLOAT_STRLEN - 1, NULL, &err) == ZF_E_ARG,
			   "a small buffer is accepted");
	free(p);
	return 0;
}
