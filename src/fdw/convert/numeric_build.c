/*-------------------------------------------------------------------------
 *
 * numeric_build.c
 *	  Values written straight into a PostgreSQL numeric: a scaled 64-bit
 *	  integer (the value of a zoned or binary field with an implied
 *	  decimal point), without int64_div_fast_to_numeric's detour through a
 *	  NumericVar, a division and a second copy; and the base-10000 digit
 *	  groups a packed field of up to 8 bytes gives without any binary step
 *	  (zf_packed_to_groups), which need no division at all.
 *
 * The result is the short on-disk numeric format, the same bytes as
 * PostgreSQL's make_result produces for the value with display scale
 * "scale": base-10000 digits aligned on the decimal point, leading and
 * trailing zero digits stripped.  That format is part of PostgreSQL's
 * on-disk contract (pg_upgrade keeps it), so it does not change between
 * versions; the constants below are numeric.c's, which does not export
 * them.  A scale above 18, or a magnitude the alignment below would
 * overflow (beyond about 1.8 * 10^16 with a scale that is not a multiple
 * of 4), goes through PostgreSQL's own function.
 *
 *-------------------------------------------------------------------------
 */
#include "zfdw.h"

#include "fmgr.h"
#include "utils/fmgrprotos.h"
#include "utils/numeric.h"

/* numeric.c's short-format header bits (stable on-disk format) */
#define ZF_NUMERIC_SHORT				0x8000
#define ZF_NUMERIC_SHORT_SIGN_MASK		0x2000
#define ZF_NUMERIC_SHORT_DSCALE_SHIFT	7
#define ZF_NUMERIC_SHORT_WEIGHT_SIGN	0x0040
#define ZF_NUMERIC_SHORT_WEIGHT_MASK	0x003F
#define ZF_NBASE						10000

/*
 * The short-format numeric of the base-10000 digits groups[low..top]
 * (least significant first, the outer ones nonzero; top < 0 for zero)
 * with the given weight, sign and display scale, in the current memory
 * context: the bytes PostgreSQL's make_result writes for that value.
 */
static inline struct varlena *
short_numeric(const uint16 *groups, int top, int low, int weight,
			  bool negative, int scale)
{
	int			ndigits = top >= 0 ? top - low + 1 : 0;
	uint16		header = ZF_NUMERIC_SHORT | (uint16) (scale << ZF_NUMERIC_SHORT_DSCALE_SHIFT);
	Size		len = VARHDRSZ + sizeof(uint16) + ndigits * sizeof(int16);
	struct varlena *res = (struct varlena *) palloc(len);
	char	   *d;

	if (ndigits > 0)
	{
		if (negative)
			header |= ZF_NUMERIC_SHORT_SIGN_MASK;
		if (weight < 0)
			header |= ZF_NUMERIC_SHORT_WEIGHT_SIGN;
		header |= (uint16) weight & ZF_NUMERIC_SHORT_WEIGHT_MASK;
	}
	SET_VARSIZE(res, len);
	d = VARDATA(res);
	memcpy(d, &header, sizeof(uint16));
	d += sizeof(uint16);
	for (int i = top; i >= low; i--)
	{
		int16		digit = (int16) groups[i];

		memcpy(d, &digit, sizeof(int16));
		d += sizeof(int16);
	}
	return res;
}

/*
 * v * 10^-scale as a numeric with display scale "scale" (0..18), in
 * the current memory context.
 *
 * The magnitude is multiplied by 10^pad so that the decimal point falls
 * on a group boundary; then every base-10000 group is a division by a
 * constant (a multiplication, for the compiler), least significant first.
 */
Datum
zfdw_scaled_int64_to_numeric(int64 v, int scale)
{
	uint64		u;
	uint64		w;
	int			pad;
	int			nfrac;
	uint16		groups[6];		/* < 10^22 after the padding: 6 groups */
	int			ngroups = 0;
	int			low = 0;
	struct varlena *res;

	u = v < 0 ? (uint64) 0 - (uint64) v : (uint64) v;
	pad = (4 - scale % 4) % 4;
	if (scale < 0 || scale > 18 || u > PG_UINT64_MAX / zf_pow10_u64[pad])
		return NumericGetDatum(int64_div_fast_to_numeric(v, scale));
	nfrac = (scale + pad) / 4;

	for (w = u * zf_pow10_u64[pad]; w != 0; w /= ZF_NBASE)
		groups[ngroups++] = (uint16) (w % ZF_NBASE);
	/* trailing zero groups are not stored; the first group is nonzero */
	while (low < ngroups && groups[low] == 0)
		low++;
	res = short_numeric(groups, ngroups - 1, low, ngroups - 1 - nfrac, v < 0, scale);

#ifdef USE_ASSERT_CHECKING
	{
		Numeric		ref = int64_div_fast_to_numeric(v, scale);

		Assert(VARSIZE(ref) == VARSIZE(res) && memcmp(ref, res, VARSIZE(res)) == 0);
	}
#endif
	return PointerGetDatum(res);
}

/*
 * The shift that puts the decimal point of a value with field_scale
 * fraction digits, shown with "scale" of them, on a base-10000 group
 * boundary, and the number of groups after the point (*nfrac).
 */
int
zfdw_numeric_group_shift(int field_scale, int scale, int *nfrac)
{
	int			pad = (4 - scale % 4) % 4;

	*nfrac = (scale + pad) / 4;
	return scale - field_scale + pad;
}

/*
 * Base-10000 groups (least significant first, nfrac of them after the
 * point) as a numeric with display scale "scale", in the current memory
 * context: the same bytes as the int64 builder above, with no division.
 * The short format holds it: the weight lies in -5..7, the scale below 64.
 */
Datum
zfdw_groups_to_numeric(const zf_packed_groups *g, int scale, int nfrac)
{
	int			top = 7;
	int			low = 0;

	Assert(scale >= 0 && scale <= 63 && nfrac <= 8);
	while (top >= 0 && g->group[top] == 0)
		top--;
	while (top >= 0 && g->group[low] == 0)
		low++;
	return PointerGetDatum(short_numeric(g->group, top, low, top - nfrac,
										 g->negative, scale));
}

/*
 * A packed decimal field (1..8 bytes, field_scale fraction digits) as a
 * numeric with display scale "scale" (>= field_scale), through its digit
 * groups.  False when the field does not qualify or its bytes are bad:
 * the caller then decodes the general way, which reports the error.
 */
bool
zfdw_packed_to_numeric(const uint8 *p, uint32 len, bool is_signed,
					   bool back_ok, int field_scale, int scale, Datum *value)
{
	zf_packed_groups g;
	int			nfrac;
	int			shift;

	if (field_scale < 0 || scale < field_scale || scale > 63)
		return false;
	shift = zfdw_numeric_group_shift(field_scale, scale, &nfrac);
	if (!zf_packed_to_groups(p, len, is_signed, back_ok, (unsigned) shift, &g))
		return false;
	*value = zfdw_groups_to_numeric(&g, scale, nfrac);
	return true;
}

/*
 * v * 10^-scale as a numeric, for any 128-bit value and any scale: the
 * int64 builder above when it can, numeric_in of the decimal text else.
 */
Datum
zfdw_scaled_int128_to_numeric(zf_int128 v, int scale)
{
	char		s[ZF_DECIMAL_STRLEN];

	if (scale >= 0 && v >= PG_INT64_MIN && v <= PG_INT64_MAX)
		return zfdw_scaled_int64_to_numeric((int64) v, scale);
	zf_decimal_to_string(v, scale, s);
	return DirectFunctionCall3(numeric_in, CStringGetDatum(s),
							   ObjectIdGetDatum(InvalidOid), Int32GetDatum(-1));
}
