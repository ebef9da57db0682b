/*-------------------------------------------------------------------------
 *
 * convert_number.c
 *	  Build the Datum of a number: fixed-point fields (zoned, packed,
 *	  binary, edited), floats (hexadecimal or IEEE), TOD clock values and
 *	  DB2 DECFLOAT.
 *
 * Core decodes the field (zf_field_read_number, zf_field_read_double):
 * every fixed-point value is a scaled 128-bit integer until
 * zfdw_number_datum makes the column's Datum of it, which refuses any
 * value that would need rounding or does not fit the column's type: a
 * decimal is never rounded to fit numeric(p,s) or an integer type.
 *
 *-------------------------------------------------------------------------
 */
#include "zfdw.h"

#include <float.h>
#include <math.h>

#include "common/shortest_dec.h"
#include "utils/builtins.h"
#include "utils/numeric.h"
#include "utils/timestamp.h"

#include "decode/decfloat.h"

#include "convert/convert_int.h"

/* 10^0 .. 10^38 as 128-bit integers. */
static const zf_int128 *
pow10_table(void)
{
	static zf_int128 table[ZF_MAX_DIGITS + 1];
	static bool ready = false;

	if (!ready)
	{
		table[0] = 1;
		for (int i = 1; i <= ZF_MAX_DIGITS; i++)
			table[i] = table[i - 1] * 10;
		ready = true;
	}
	return table;
}

/* Render a scaled integer for messages. */
static char *
decimal_text(zf_int128 v, int scale)
{
	char	   *s = palloc(ZF_DECIMAL_STRLEN);

	zf_decimal_to_string(v, scale, s);
	return s;
}

/*
 * Build the Datum of a number (unscaled * 10^-scale) for the column's
 * type, refusing any value that would need rounding or does not fit.
 */
bool
zfdw_number_datum(ZfColumn *col, zf_int128 v, int scale, Datum *value,
				  zf_error *err)
{
	const zf_int128 *p10 = pow10_table();

	/* negative scale (P to the right of the digits): multiply out */
	if (scale < 0)
	{
		if (-scale > ZF_MAX_DIGITS || zf_int128_digits(v) - scale > ZF_MAX_DIGITS)
			return zf_error_set(err, ZF_E_OVERFLOW, "value %se%d has more than %d digits",
								decimal_text(v, 0), -scale, ZF_MAX_DIGITS) == ZF_OK;
		v *= p10[-scale];
		scale = 0;
	}

	switch (col->target)
	{
		case ZF_TARGET_INT2:
		case ZF_TARGET_INT4:
		case ZF_TARGET_INT8:
			{
				zf_int128	lo,
							hi;

				if (scale > 0)
				{
					if (scale > ZF_MAX_DIGITS || v % p10[scale] != 0)
					{
						zf_error_set(err, ZF_E_OVERFLOW, "value %s is not a whole number and column \"%s\" is %s",
									 decimal_text(v, scale), col->attname, format_type_be(col->typid));
						return false;
					}
					v /= p10[scale];
				}
				lo = col->target == ZF_TARGET_INT2 ? PG_INT16_MIN :
					col->target == ZF_TARGET_INT4 ? PG_INT32_MIN : PG_INT64_MIN;
				hi = col->target == ZF_TARGET_INT2 ? PG_INT16_MAX :
					col->target == ZF_TARGET_INT4 ? PG_INT32_MAX : PG_INT64_MAX;
				if (v < lo || v > hi)
				{
					zf_error_set(err, ZF_E_OVERFLOW, "value %s is out of range for column \"%s\" of type %s",
								 decimal_text(v, 0), col->attname, format_type_be(col->typid));
					return false;
				}
				*value = col->target == ZF_TARGET_INT2 ? Int16GetDatum((int16) v) :
					col->target == ZF_TARGET_INT4 ? Int32GetDatum((int32) v) :
					Int64GetDatum((int64) v);
				return true;
			}

		case ZF_TARGET_NUMERIC:
			{
				int			target_scale = scale;

				if (col->num_precision >= 0)
				{
					target_scale = col->num_scale;
					if (scale > target_scale)
					{
						int			drop = scale - target_scale;

						if (drop > ZF_MAX_DIGITS || v % p10[drop] != 0)
						{
							zf_error_set(err, ZF_E_OVERFLOW, "value %s does not fit column \"%s\" of type %s without rounding",
										 decimal_text(v, scale), col->attname,
										 format_type_with_typemod(col->typid, col->typmod));
							zf_error_hint(err, "Declare the column with scale %d or more, or as plain numeric; zfdw never rounds.",
										  scale);
							return false;
						}
						v /= p10[drop];
					}
					else if (scale < target_scale)
					{
						int			add = target_scale - scale;

						if (zf_int128_digits(v) + add > ZF_MAX_DIGITS)
						{
							zf_error_set(err, ZF_E_OVERFLOW, "value %s does not fit column \"%s\" of type %s",
										 decimal_text(v, scale), col->attname,
										 format_type_with_typemod(col->typid, col->typmod));
							return false;
						}
						v *= p10[add];
					}
					if (col->num_precision <= ZF_MAX_DIGITS &&
						(v >= p10[col->num_precision] || v <= -p10[col->num_precision]))
					{
						zf_error_set(err, ZF_E_OVERFLOW, "value %s does not fit column \"%s\" of type %s",
									 decimal_text(v, target_scale), col->attname,
									 format_type_with_typemod(col->typid, col->typmod));
						zf_error_hint(err, "Declare the column with a larger precision, or as plain numeric.");
						return false;
					}
				}
				*value = zfdw_scaled_int128_to_numeric(v, target_scale);
				return true;
			}

		case ZF_TARGET_FLOAT8:
		case ZF_TARGET_FLOAT4:
			{
				double		d;

				if (scale <= 22 && v > -((zf_int128) 1 << 53) && v < ((zf_int128) 1 << 53))
				{
					/* both operands exact: IEEE division rounds correctly */
					static const double dp10[] = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8,
						1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19,
					1e20, 1e21, 1e22};

					d = (double) (int64) v / dp10[scale];
					if (col->target == ZF_TARGET_FLOAT4)
					{
						*value = Float4GetDatum(strtof(decimal_text(v, scale), NULL));
						return true;
					}
				}
				else if (col->target == ZF_TARGET_FLOAT4)
				{
					*value = Float4GetDatum(strtof(decimal_text(v, scale), NULL));
					return true;
				}
				else
					d = strtod(decimal_text(v, scale), NULL);
				*value = Float8GetDatum(d);
				return true;
			}

		case ZF_TARGET_TEXT:
			{
				char		s[ZF_DECIMAL_STRLEN];
				int			n = zf_decimal_to_string(v, scale, s);

				if (col->max_chars >= 0 && n > col->max_chars)
				{
					zf_error_set(err, ZF_E_OVERFLOW, "value %s is longer than column \"%s\" of type %s",
								 s, col->attname, format_type_with_typemod(col->typid, col->typmod));
					return false;
				}
				*value = PointerGetDatum(cstring_to_text_with_len(s, n));
				return true;
			}

		default:
			/* bool and other types: through the type's input function */
			*value = InputFunctionCall(&col->infunc, decimal_text(v, scale),
									   col->typioparam, col->typmod);
			return true;
	}
}

/* Build the Datum of a float column from a double. */
bool
zfdw_float_datum(ZfColumn *col, double d, Datum *value, zf_error *err)
{
	char		buf[DOUBLE_SHORTEST_DECIMAL_LEN];

	switch (col->target)
	{
		case ZF_TARGET_FLOAT8:
			*value = Float8GetDatum(d);
			return true;
		case ZF_TARGET_FLOAT4:
			if (!isnan(d) && !isinf(d) && fabs(d) > FLT_MAX)
			{
				zf_error_set(err, ZF_E_OVERFLOW, "value %g is out of range for column \"%s\" of type real",
							 d, col->attname);
				return false;
			}
			*value = Float4GetDatum((float4) d);
			return true;
		case ZF_TARGET_NUMERIC:
			{
				Datum		exact;

				/* the shortest decimal that reads back as the same double */
				double_to_shortest_decimal_buf(d, buf);
				exact = DirectFunctionCall3(numeric_in, CStringGetDatum(buf),
											ObjectIdGetDatum(InvalidOid), Int32GetDatum(-1));
				if (col->num_precision >= 0)
				{
					Datum		fitted = DirectFunctionCall2(numeric, exact, Int32GetDatum(col->typmod));

					if (DatumGetInt32(DirectFunctionCall2(numeric_cmp, exact, fitted)) != 0)
					{
						zf_error_set(err, ZF_E_OVERFLOW, "value %s does not fit column \"%s\" of type %s without rounding",
									 buf, col->attname, format_type_with_typemod(col->typid, col->typmod));
						return false;
					}
					exact = fitted;
				}
				*value = exact;
				return true;
			}
		default:
			double_to_shortest_decimal_buf(d, buf);
			*value = PointerGetDatum(cstring_to_text(buf));
			return true;
	}
}

/*
 * Decode a COMP-1/COMP-2 (or DB2 REAL/FLOAT) field; a real column's value
 * is rounded to float once, by core.
 */
bool
zfdw_decode_float(ZfColumn *col, const uint8 *p, uint32 len, Datum *value,
				  zf_error *err)
{
	double		d;

	if (zf_field_read_double(&col->reader, p, len, col->target == ZF_TARGET_FLOAT4,
							 &d, err) != ZF_OK)
		return false;
	return zfdw_float_datum(col, d, value, err);
}

/* Decode TOD clock bytes (STCK, STCKE, LRSN) into a timestamp. */
bool
zfdw_decode_tod(ZfColumn *col, const uint8 *p, uint32 len, Datum *value,
				zf_error *err)
{
	int64		usec;
	int64		picos;
	Timestamp	ts;

	if (zf_tod_to_unix_usec(p, len, 0, &usec, &picos, err) != ZF_OK)
		return false;
	ts = usec - (int64) (POSTGRES_EPOCH_JDATE - UNIX_EPOCH_JDATE) * USECS_PER_DAY;
	if (!IS_VALID_TIMESTAMP(ts))
		return zf_error_set(err, ZF_E_OVERFLOW, "TOD clock value is out of range for a timestamp") == ZF_OK;
	if (col->target == ZF_TARGET_TEXT)
		*value = DirectFunctionCall1(textin, DirectFunctionCall1(timestamptz_out, TimestampTzGetDatum(ts)));
	else
		*value = TimestampTzGetDatum(ts);
	return true;
}

/* Decode a DB2 DECFLOAT field. */
bool
zfdw_decode_decfloat(ZfColumn *col, const uint8 *p, uint32 len,
					 Datum *value, zf_error *err)
{
	char		s[ZF_DECFLOAT_STRLEN];
	zf_decfloat_class cls;

	if (zf_decfloat_to_string(p, len, s, sizeof(s), &cls, err) != ZF_OK)
		return false;
	switch (col->target)
	{
		case ZF_TARGET_NUMERIC:
			if (cls == ZF_DECFLOAT_SNAN)
				return zf_error_set(err, ZF_E_BAD_DATA, "signaling NaN in a DECFLOAT field") == ZF_OK;
			if (col->num_precision < 0)
			{
				/* plain numeric holds every finite DECFLOAT exactly */
				*value = DirectFunctionCall3(numeric_in, CStringGetDatum(s),
											 ObjectIdGetDatum(InvalidOid), Int32GetDatum(-1));
				return true;
			}
			if (cls != ZF_DECFLOAT_FINITE)
				return zf_error_set(err, ZF_E_OVERFLOW, "DECFLOAT value %s does not fit column \"%s\" of type %s",
									s, col->attname,
									format_type_with_typemod(col->typid, col->typmod)) == ZF_OK;
			{
				/* numeric(p,s): the exact checks of scaled integers */
				zf_decfloat d;
				zf_int128	v;

				if (zf_decfloat_decode(p, len, &d, err) != ZF_OK)
					return false;
				v = d.negative ? -d.coefficient : d.coefficient;
				if (v == 0)
					return zfdw_number_datum(col, 0, 0, value, err);
				return zfdw_number_datum(col, v, -d.exponent, value, err);
			}
		case ZF_TARGET_FLOAT8:
			*value = DirectFunctionCall1(float8in, CStringGetDatum(s));
			return true;
		case ZF_TARGET_FLOAT4:
			*value = DirectFunctionCall1(float4in, CStringGetDatum(s));
			return true;
		default:
			*value = PointerGetDatum(cstring_to_text(s));
			return true;
	}
}
