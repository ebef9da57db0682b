/*-------------------------------------------------------------------------
 *
 * fastpath.c
 *	  The per-record fast path: columns whose field sits at a fixed offset
 *	  and whose value needs no null indicator, array or date picture are
 *	  decoded straight from the record, without the general dispatch of
 *	  convert.c.  Anything unusual (a value out of range, bad bytes, an
 *	  unmapped character) falls back to the general path, which produces
 *	  the value or the precise error; so both paths always agree.
 *
 * What qualifies is decided once per scan (zfdw_fast_prepare), so the
 * per-record work is a switch, core's inline decoder of the field and the
 * Datum; when every column of the query qualifies, one call decodes the
 * whole record.  Packed fields read as numeric go through base-10000
 * digit groups.
 *
 *-------------------------------------------------------------------------
 */
#include "zfdw.h"

#include "catalog/pg_type.h"
#include "common/int.h"
#include "mb/pg_wchar.h"
#include "utils/numeric.h"

/*
 * Decide whether a bound column can take the fast path, and precompute
 * what it needs.  t->fast_min_length is the record length every fast
 * column fits in.  Which fields core can read the fast way (a number
 * through int64 or digit groups, text through a page's table) is core's
 * to say (value/value.h).
 */
void
zfdw_fast_prepare(ZfTable *t, ZfColumn *col)
{
	const zf_field *f = col->f;
	const zf_field_reader *r = &col->reader;

	col->fast = ZF_FAST_NONE;
	if (t->delim != NULL)
		return;					/* delimited fields have no fixed offsets */
	if (col->conv == ZF_CONV_NONE || col->conv == ZF_CONV_META || f == NULL ||
		t->any_variable || col->ndims > 0 || zf_field_may_be_null(r) ||
		col->has_date_picture || f->length_prefix > 0)
		return;

	if (col->conv == ZF_CONV_NUMBER)
	{
		int			out_scale;

		if (f->scale < 0)
			return;
		switch (col->target)
		{
			case ZF_TARGET_INT2:
			case ZF_TARGET_INT4:
			case ZF_TARGET_INT8:
				if (f->scale != 0)
					return;
				out_scale = 0;
				break;
			case ZF_TARGET_NUMERIC:
				out_scale = col->num_precision >= 0 ? col->num_scale : f->scale;
				if (out_scale < f->scale || out_scale - f->scale > 18 ||
					col->num_precision > 18)
					return;
				break;
			default:
				return;
		}
		if (col->target == ZF_TARGET_NUMERIC && out_scale <= 63)
		{
			col->fast_shift = zfdw_numeric_group_shift(f->scale, out_scale,
													   &col->fast_nfrac);
			if (zf_field_groups_ok(r, col->fast_shift))
				col->fast = ZF_FAST_GROUPS;
		}
		if (col->fast == ZF_FAST_NONE)
		{
			/* the others go through a 64-bit integer */
			if (!zf_field_fits_int64(r))
				return;
			col->fast = ZF_FAST_INT64;
		}
		col->fast_scale = out_scale;
		col->fast_mult = (int64) zf_pow10_u64[out_scale - f->scale];
		col->fast_limit = col->num_precision >= 0 ? (int64) zf_pow10_u64[col->num_precision] : 0;
		col->fast_max_digits = col->num_precision >= 0 ?
			col->num_precision - (out_scale - f->scale) : 99;
	}
	else if (col->conv == ZF_CONV_TEXT)
	{
		if (col->target != ZF_TARGET_TEXT || col->max_chars >= 0 ||
			GetDatabaseEncoding() != PG_UTF8)
			return;
		col->fast_sbcs = zf_field_sbcs_text(r);
		if (col->fast_sbcs == NULL)
			return;
		col->fast = ZF_FAST_SBCS_TEXT;
	}
	else
		return;
	t->fast_min_length = Max(t->fast_min_length, f->offset + f->length);
}

/* A decoded integer to the column's Datum, or false for the general path. */
static inline bool
fast_number_datum(ZfColumn *col, int64 v, Datum *value)
{
	switch (col->target)
	{
		case ZF_TARGET_NUMERIC:
			if (col->fast_mult != 1 && pg_mul_s64_overflow(v, col->fast_mult, &v))
				return false;
			if (col->fast_limit != 0 && (v >= col->fast_limit || v <= -col->fast_limit))
				return false;
			*value = zfdw_scaled_int64_to_numeric(v, col->fast_scale);
			return true;
		case ZF_TARGET_INT8:
			*value = Int64GetDatum(v);
			return true;
		case ZF_TARGET_INT4:
			if (v < PG_INT32_MIN || v > PG_INT32_MAX)
				return false;
			*value = Int32GetDatum((int32) v);
			return true;
		case ZF_TARGET_INT2:
			if (v < PG_INT16_MIN || v > PG_INT16_MAX)
				return false;
			*value = Int16GetDatum((int16) v);
			return true;
		default:
			return false;
	}
}

/* Single-byte text through the page's table, trimmed as asked (core). */
static inline bool
fast_text(ZfColumn *col, const uint8 *rec, Datum *value)
{
	const uint8 *p;
	uint32		n;
	text	   *res;
	int64		len;

	zf_field_fast_sbcs_bytes(&col->reader, rec, &p, &n);
	/* 3 bytes of UTF-8 a byte at most, and one more: core copies 4 at once */
	res = (text *) palloc(VARHDRSZ + (Size) n * 3 + 1);
	len = zf_sbcs_fast_decode(col->fast_sbcs, p, n, VARDATA(res));
	if (len < 0)
	{
		pfree(res);
		return false;			/* unmapped or NUL: the general path says why */
	}
	SET_VARSIZE(res, VARHDRSZ + len);
	*value = PointerGetDatum(res);
	return true;
}

/*
 * Decode a fast column of a record at least t->fast_min_length long.
 * Returns false when the general path must decide (bad bytes, a value
 * out of range): the caller then calls zfdw_decode_column.
 */
static inline bool
fast_decode(ZfColumn *col, const uint8 *rec, Datum *value)
{
	int64		v;

	switch (col->fast)
	{
		case ZF_FAST_INT64:
			if (zf_field_fast_int64(&col->reader, rec, &v) != ZF_OK)
				return false;
			return fast_number_datum(col, v, value);
		case ZF_FAST_GROUPS:
			{
				zf_packed_groups g;

				if (!zf_field_fast_groups(&col->reader, rec, col->fast_shift, &g) ||
					g.ndigits > col->fast_max_digits)
					return false;
				*value = zfdw_groups_to_numeric(&g, col->fast_scale, col->fast_nfrac);
				return true;
			}
		case ZF_FAST_SBCS_TEXT:
			return fast_text(col, rec, value);
		default:
			return false;
	}
}

/* zfdw_fast_decode for one column, out of line. */
bool
zfdw_fast_decode(ZfColumn *col, const uint8 *rec, Datum *value)
{
	return fast_decode(col, rec, value);
}

/*
 * Decode the columns cols[0..ncols-1] of a record at least
 * t->fast_min_length long when every one of them takes the fast path: one
 * call per record, the decoders inlined.  Returns false as soon as one
 * column needs the general path; the caller then decodes the record
 * column by column (values already made are per-tuple memory).
 */
bool
zfdw_fast_decode_record(ZfTable *t, const int *cols, int ncols,
						const uint8 *rec, Datum *values, bool *nulls)
{
	for (int k = 0; k < ncols; k++)
	{
		int			i = cols[k];

		if (!fast_decode(&t->columns[i], rec, &values[i]))
			return false;
		nulls[i] = false;
	}
	return true;
}
