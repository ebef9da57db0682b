/*-------------------------------------------------------------------------
 *
 * convert.c
 *	  Build the Datum of one column from the bytes of one record.
 *
 * This is the per-record, per-column path.  It allocates nothing but the
 * Datum itself (in the per-tuple memory context); code-page output goes to
 * a buffer sized once per scan.  Data errors are returned as values (false
 * plus a zf_error) so that the caller can apply on_error; only problems
 * that are not about the data ereport here.
 *
 * Values are never rounded or truncated silently: a decimal that needs
 * rounding to fit numeric(p,s), a string longer than varchar(n), a
 * fraction of a second beyond the column's precision are data errors.
 *
 *-------------------------------------------------------------------------
 */
#include "zfdw.h"

#include <float.h>
#include <math.h>

#include "catalog/pg_type.h"
#include "common/shortest_dec.h"
#include "datatype/timestamp.h"
#include "mb/pg_wchar.h"
#include "miscadmin.h"
#include "pgtime.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/date.h"
#include "utils/datetime.h"
#include "utils/float.h"
#include "utils/json.h"
#include "utils/memutils.h"
#include "utils/jsonb.h"
#include "utils/numeric.h"
#include "utils/timestamp.h"

#include "decfloat.h"
#include "floats.h"

static const zf_int128 *pow10_table(void);
static bool float_datum(ZfColumn *col, double d, Datum *value, zf_error *err);

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

/* Prepare the per-scan scratch space. */
void
zfdw_decode_buf_init(ZfDecodeBuf *buf, uint32 max_record)
{
	/* text_space grows it for longer fields: records with LOBs are large */
	buf->textcap = (size_t) Min(max_record, 256 * 1024) * 3 + 64;
	buf->text = palloc(buf->textcap);
	initStringInfo(&buf->json);
}

/* Make sure the text buffer holds n bytes (rare: a field longer than expected). */
static char *
text_space(ZfDecodeBuf *buf, size_t n)
{
	if (n > buf->textcap)
	{
		buf->text = repalloc(buf->text, n);
		buf->textcap = n;
	}
	return buf->text;
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
				if (v >= PG_INT64_MIN && v <= PG_INT64_MAX)
					*value = NumericGetDatum(int64_div_fast_to_numeric((int64) v, target_scale));
				else
					*value = DirectFunctionCall3(numeric_in,
												 CStringGetDatum(decimal_text(v, target_scale)),
												 ObjectIdGetDatum(InvalidOid),
												 Int32GetDatum(-1));
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

/* The Datum of a date, or a data error. */
static bool
date_datum(const zf_datetime *dt, Datum *value, zf_error *err)
{
	int			jd;

	if (!zf_valid_date(dt->year, dt->month, dt->day) ||
		!IS_VALID_JULIAN(dt->year, dt->month, dt->day))
	{
		zf_error_set(err, ZF_E_BAD_DATA, "date %04d-%02d-%02d is not valid",
					 dt->year, dt->month, dt->day);
		return false;
	}
	jd = date2j(dt->year, dt->month, dt->day) - POSTGRES_EPOCH_JDATE;
	*value = DateADTGetDatum(jd);
	return true;
}

/*
 * Microseconds since midnight of a time of day, refusing fractions the
 * column would round.
 */
static bool
time_usecs(const ZfColumn *col, const zf_datetime *dt, int64 *usecs,
		   zf_error *err)
{
	int64		frac_usec;
	int			keep = Min(col->frac_digits, 6);
	int64		unit = 1;

	/* picoseconds kept by the column: 10^(12-keep) must divide them */
	for (int i = 0; i < 12 - keep; i++)
		unit *= 10;
	if (dt->picos % unit != 0)
	{
		zf_error_set(err, ZF_E_OVERFLOW, "time %02d:%02d:%02d has %d fraction digits and column \"%s\" keeps %d",
					 dt->hour, dt->minute, dt->second, dt->frac_digits, col->attname, keep);
		zf_error_hint(err, "Declare the column as text to keep all %d digits, or use a type with more precision.",
					  dt->frac_digits);
		return false;
	}
	frac_usec = dt->picos / 1000000;
	*usecs = ((int64) dt->hour * 3600 + dt->minute * 60 + dt->second) * USECS_PER_SEC + frac_usec;
	return true;
}

/* Build a date/time Datum for the column from broken-down fields. */
static bool
datetime_datum(ZfColumn *col, const zf_datetime *dt, Datum *value,
			   zf_error *err)
{
	int64		usecs = 0;

	switch (col->target)
	{
		case ZF_TARGET_DATE:
			if (dt->has_time && (dt->hour || dt->minute || dt->second || dt->picos))
			{
				zf_error_set(err, ZF_E_OVERFLOW, "timestamp %04d-%02d-%02d %02d:%02d:%02d has a time of day and column \"%s\" is a date",
							 dt->year, dt->month, dt->day, dt->hour, dt->minute, dt->second, col->attname);
				return false;
			}
			return date_datum(dt, value, err);

		case ZF_TARGET_TIME:
			if (!dt->has_time)
			{
				zf_error_set(err, ZF_E_BAD_DATA, "the value has no time of day for column \"%s\"", col->attname);
				return false;
			}
			if (!time_usecs(col, dt, &usecs, err))
				return false;
			*value = TimeADTGetDatum(usecs);
			return true;

		case ZF_TARGET_TIMESTAMP:
		case ZF_TARGET_TIMESTAMPTZ:
			{
				Timestamp	ts;
				Datum		d;

				if (!dt->has_date)
				{
					zf_error_set(err, ZF_E_BAD_DATA, "the value has no date for column \"%s\"", col->attname);
					return false;
				}
				if (!date_datum(dt, &d, err))
					return false;
				if (dt->has_time && !time_usecs(col, dt, &usecs, err))
					return false;
				ts = (Timestamp) DatumGetDateADT(d) * USECS_PER_DAY + usecs;
				if (col->target == ZF_TARGET_TIMESTAMPTZ)
				{
					if (dt->has_tz)
						ts -= (int64) dt->tz_seconds * USECS_PER_SEC;
					else
					{
						struct pg_tm tm;
						fsec_t		fsec;
						int			tz;

						if (timestamp2tm(ts, NULL, &tm, &fsec, NULL, NULL) != 0)
						{
							zf_error_set(err, ZF_E_OVERFLOW, "timestamp out of range");
							return false;
						}
						tz = DetermineTimeZoneOffset(&tm, session_timezone);
						ts += (int64) tz * USECS_PER_SEC;
					}
				}
				if (!IS_VALID_TIMESTAMP(ts))
				{
					zf_error_set(err, ZF_E_OVERFLOW, "timestamp out of range");
					return false;
				}
				*value = TimestampGetDatum(ts);
				return true;
			}

		default:
			elog(ERROR, "zfdw: datetime into an unexpected type");
			return false;
	}
}

/* Trim blanks of decoded text (UTF-8) per the trim option. */
static void
trim_text(ZfTrim trim, bool dbcs, const char **s, size_t *n)
{
	const char *p = *s;
	size_t		len = *n;

	if (trim == ZF_TRIM_NONE)
		return;
	for (;;)
	{
		if (len >= 1 && p[len - 1] == ' ')
			len--;
		else if (dbcs && len >= 3 && (unsigned char) p[len - 3] == 0xE3 &&
				 (unsigned char) p[len - 2] == 0x80 && (unsigned char) p[len - 1] == 0x80)
			len -= 3;			/* U+3000, the DBCS space X'4040' */
		else
			break;
	}
	if (trim == ZF_TRIM_BOTH)
		while (len > 0 && *p == ' ')
		{
			p++;
			len--;
		}
	*s = p;
	*n = len;
}

/*
 * The data of a DB2 varying field (VARBINARY, ROWID, BLOB, or a VARCHAR
 * read as bytea) without its length prefix.
 */
static bool
varying_bytes(const zf_field *f, const uint8 *p, uint32 len,
			  const uint8 **data, uint32 *n, zf_error *err)
{
	uint32		declared;

	if (len < f->length_prefix)
		return zf_error_set(err, ZF_E_BAD_DATA, "varying field is shorter than its length prefix") == ZF_OK;
	declared = f->length_prefix == 2 ? ((uint32) p[0] << 8 | p[1]) :
		((uint32) p[0] << 24 | (uint32) p[1] << 16 | (uint32) p[2] << 8 | p[3]);
	if (f->kind == ZF_KIND_VARGRAPHIC)
		declared *= 2;
	if (declared > len - f->length_prefix)
	{
		zf_error_set(err, ZF_E_BAD_DATA, "length prefix says %u bytes but the field holds at most %u",
					 declared, len - f->length_prefix);
		err->offset = 0;
		return false;
	}
	*data = p + f->length_prefix;
	*n = declared;
	return true;
}

/*
 * Decode the character data of a field into UTF-8 in buf->text: fixed
 * text in the column's page, DBCS, national, and DB2 varying strings with
 * their length prefix.  Sets out and outlen (not NUL-terminated).
 */
static bool
decode_chars(ZfColumn *col, const zf_field *f, const uint8 *p, uint32 len,
			 ZfDecodeBuf *buf, const char **out, size_t *outlen,
			 zf_error *err)
{
	const zf_codepage *cp = col->cp;
	uint32		n = len;
	size_t		cap;
	char	   *dst;
	zf_status	st;
	bool		fixed = true;

	if (f->length_prefix > 0)
	{
		uint32		declared;

		if (len < f->length_prefix)
			return zf_error_set(err, ZF_E_BAD_DATA, "varying field is shorter than its length prefix") == ZF_OK;
		declared = f->length_prefix == 2 ? ((uint32) p[0] << 8 | p[1]) :
			((uint32) p[0] << 24 | (uint32) p[1] << 16 | (uint32) p[2] << 8 | p[3]);
		if (f->kind == ZF_KIND_VARGRAPHIC || (f->kind == ZF_KIND_LOB && f->ccsid == 1200))
			declared *= 2;
		p += f->length_prefix;
		if (declared > len - f->length_prefix)
		{
			zf_error_set(err, ZF_E_BAD_DATA, "length prefix says %u bytes but the field holds at most %u",
						 declared, len - f->length_prefix);
			err->offset = 0;
			return false;
		}
		n = declared;
		fixed = false;
	}

	if (fixed && col->trim_low_values && col->trim != ZF_TRIM_NONE &&
		(f->kind == ZF_KIND_ALNUM || f->kind == ZF_KIND_EDITED))
	{
		/* low-values padding goes with the blanks, before decoding */
		uint8		space = zf_codepage_space(cp);

		while (n > 0 && (p[n - 1] == 0x00 || p[n - 1] == space))
			n--;
		if (col->trim == ZF_TRIM_BOTH)
			while (n > 0 && (p[0] == 0x00 || p[0] == space))
			{
				p++;
				n--;
			}
	}
	cap = zf_codepage_utf8_bound(cp, n) + 8;
	if (f->kind == ZF_KIND_NATIONAL || f->kind == ZF_KIND_DBCS || f->kind == ZF_KIND_VARGRAPHIC)
		cap = (size_t) n * 2 + 16;
	dst = text_space(buf, cap);
	if (f->kind == ZF_KIND_NATIONAL || (f->ccsid == 1200))
		st = zf_utf16be_decode(p, n, dst, cap, outlen, err);
	else if (f->kind == ZF_KIND_DBCS || f->kind == ZF_KIND_VARGRAPHIC)
		st = zf_codepage_decode_dbcs(cp, p, n, dst, cap, outlen, err);
	else
		st = zf_codepage_decode(cp, p, n, dst, cap, outlen, err);
	if (st != ZF_OK)
	{
		if (err && err->offset >= 0)
			err->offset += f->length_prefix;
		return false;
	}
	*out = dst;
	/* DB2 VARCHAR values come back exactly as stored; CHAR is trimmed */
	if (fixed)
		trim_text(col->trim, f->kind == ZF_KIND_DBCS || f->kind == ZF_KIND_NATIONAL, out, outlen);
	return true;
}

/* Count fraction digits of decimal text and parse it (for text fields). */
static bool
parse_decimal_text(const char *s, size_t n, char decimal_point,
				   zf_int128 *v, int *scale, zf_error *err)
{
	char		tmp[128];
	int			frac = 0;
	bool		seen_point = false;
	size_t		j = 0;

	while (n > 0 && *s == ' ')
	{
		s++;
		n--;
	}
	while (n > 0 && s[n - 1] == ' ')
		n--;
	if (n == 0)
		return zf_error_set(err, ZF_E_BAD_DATA, "empty text where a number was expected") == ZF_OK;
	if (n >= sizeof(tmp))
		return zf_error_set(err, ZF_E_OVERFLOW, "number text of %zu characters is too long", n) == ZF_OK;
	for (size_t i = 0; i < n; i++)
	{
		char		c = s[i];

		if (c == decimal_point && !seen_point)
		{
			seen_point = true;
			tmp[j++] = '.';
			continue;
		}
		if (seen_point && c >= '0' && c <= '9')
			frac++;
		tmp[j++] = c;
	}
	tmp[j] = '\0';
	*scale = frac;
	return zf_decimal_from_string(tmp, j, frac, v, err) == ZF_OK;
}

/*
 * A float column from text in scientific notation (DB2 FLOAT EXTERNAL,
 * as -1.2345678901234567E+03).
 */
static bool
float_text_datum(ZfColumn *col, const char *s, size_t n, Datum *value,
				 zf_error *err)
{
	char	   *z;
	char	   *end;
	double		d;

	while (n > 0 && *s == ' ')
	{
		s++;
		n--;
	}
	while (n > 0 && s[n - 1] == ' ')
		n--;
	z = pnstrdup(s, n);
	errno = 0;
	d = strtod(z, &end);
	if (n == 0 || *end != '\0' || errno == ERANGE || isnan(d) || isinf(d))
		return zf_error_set(err, ZF_E_BAD_DATA, "\"%s\" is not a floating-point number", z) == ZF_OK;
	return float_datum(col, d, value, err);
}

/*
 * The Datum of a column from the text of a character field: the text
 * itself, or parsed into a number, a date/time, or any type.
 */
static bool
text_to_datum(ZfTable *t, ZfColumn *col, const zf_field *f, const char *s,
			  size_t n, Datum *value, zf_error *err)
{
	switch (col->target)
	{
		case ZF_TARGET_TEXT:
			{
				char	   *conv = (char *) s;
				int			nchars;

				if (GetDatabaseEncoding() != PG_UTF8)
				{
					char	   *cs = pnstrdup(s, n);

					conv = pg_any_to_server(cs, (int) n, PG_UTF8);
					n = strlen(conv);
				}
				if (col->max_chars >= 0)
				{
					nchars = pg_mbstrlen_with_len(conv, (int) n);
					if (nchars > col->max_chars)
					{
						zf_error_set(err, ZF_E_OVERFLOW, "value of %d characters is too long for column \"%s\" of type %s",
									 nchars, col->attname, format_type_with_typemod(col->typid, col->typmod));
						zf_error_hint(err, "Declare the column as text or widen it; zfdw never truncates.");
						return false;
					}
					if (col->typid == BPCHAROID && nchars < col->max_chars)
					{
						/* bpchar values are stored blank-padded */
						size_t		pad = col->max_chars - nchars;
						text	   *res = (text *) palloc(VARHDRSZ + n + pad);

						SET_VARSIZE(res, VARHDRSZ + n + pad);
						memcpy(VARDATA(res), conv, n);
						memset(VARDATA(res) + n, ' ', pad);
						*value = PointerGetDatum(res);
						return true;
					}
				}
				*value = PointerGetDatum(cstring_to_text_with_len(conv, (int) n));
				return true;
			}

		case ZF_TARGET_INT2:
		case ZF_TARGET_INT4:
		case ZF_TARGET_INT8:
		case ZF_TARGET_NUMERIC:
		case ZF_TARGET_FLOAT4:
		case ZF_TARGET_FLOAT8:
			{
				zf_int128	v;
				int			scale = 0;

				if ((col->target == ZF_TARGET_FLOAT8 || col->target == ZF_TARGET_FLOAT4) &&
					(memchr(s, 'E', n) != NULL || memchr(s, 'e', n) != NULL))
					return float_text_datum(col, s, n, value, err);
				if (!parse_decimal_text(s, n, t->opts.decimal_point, &v, &scale, err))
					return false;
				/* DB2 DECIMAL EXTERNAL(len,s) without a point: s implied */
				if (f->kind == ZF_KIND_ALNUM && f->scale > 0 &&
					memchr(s, t->opts.decimal_point, n) == NULL)
					scale = f->scale;
				return zfdw_number_datum(col, v, scale, value, err);
			}

		case ZF_TARGET_DATE:
		case ZF_TARGET_TIME:
		case ZF_TARGET_TIMESTAMP:
		case ZF_TARGET_TIMESTAMPTZ:
			{
				zf_datetime dt;
				zf_status	st;

				memset(&dt, 0, sizeof(dt));
				if (col->has_date_picture)
					st = zf_date_from_text(s, n, &col->date_picture, &dt, err);
				else if (col->target == ZF_TARGET_DATE &&
						 f->kind != ZF_KIND_TIMESTAMP && f->kind != ZF_KIND_TIMESTAMP_TZ)
					st = zf_parse_db2_date(s, n, col->datestyle, &dt, err);
				else if (col->target == ZF_TARGET_TIME)
					st = zf_parse_db2_time(s, n, col->datestyle, &dt, err);
				else if (f->kind == ZF_KIND_DATE)
					st = zf_parse_db2_date(s, n, col->datestyle, &dt, err);
				else
					st = zf_parse_db2_timestamp(s, n, &dt, err);
				if (st != ZF_OK)
					return false;
				return datetime_datum(col, &dt, value, err);
			}

		default:
			{
				char	   *cs = pnstrdup(s, n);

				if (GetDatabaseEncoding() != PG_UTF8)
					cs = pg_any_to_server(cs, (int) n, PG_UTF8);
				*value = InputFunctionCall(&col->infunc, cs, col->typioparam, col->typmod);
				return true;
			}
	}
}

/* text_to_datum for the other files of the fdw (delimited_values.c). */
bool
zfdw_text_to_datum(ZfTable *t, ZfColumn *col, const zf_field *f, const char *s,
				   size_t n, Datum *value, zf_error *err)
{
	return text_to_datum(t, col, f, s, n, value, err);
}

/* Decode a fixed-point field (zoned, packed, binary, edited). */
static bool
decode_fixed(ZfTable *t, ZfColumn *col, const zf_field *f, const uint8 *p,
			 uint32 len, ZfDecodeBuf *buf, zf_int128 *v, zf_error *err)
{
	int64		v64;
	zf_status	st;

	switch (f->kind)
	{
		case ZF_KIND_PACKED:
			if (len <= 9)
			{
				st = zf_packed_decode64(p, len, f->is_signed, &v64, err);
				*v = v64;
			}
			else
				st = zf_packed_decode(p, len, f->is_signed, v, err);
			break;
		case ZF_KIND_ZONED:
			if (len <= 18)
			{
				st = zf_zoned_decode64(p, len, f->sign, col->cs, &v64, err);
				*v = v64;
			}
			else
				st = zf_zoned_decode(p, len, f->sign, col->cs, v, err);
			break;
		case ZF_KIND_BINARY:
			if (len < 8 || (len == 8 && f->is_signed))
			{
				st = zf_binary_decode64(p, len, f->is_signed, true, &v64, err);
				*v = v64;
			}
			else
				st = zf_binary_decode(p, len, f->is_signed, true, v, err);
			break;
		case ZF_KIND_EDITED:
			{
				const char *s;
				size_t		n;
				size_t		cap = zf_codepage_utf8_bound(col->cp, len) + 8;
				char	   *dst = text_space(buf, cap);

				st = zf_codepage_decode(col->cp, p, len, dst, cap, &n, err);
				if (st != ZF_OK)
					return false;
				s = dst;
				st = zf_edited_decode(s, n, f->picture, f->scale, t->opts.decimal_point,
									  f->blank_when_zero, v, err);
				break;
			}
		default:
			elog(ERROR, "zfdw: field %s is not a fixed-point number", f->name);
			return false;
	}
	return st == ZF_OK;
}

/* Build the Datum of a float column from a double. */
static bool
float_datum(ZfColumn *col, double d, Datum *value, zf_error *err)
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

/* Decode a COMP-1/COMP-2 (or DB2 REAL/FLOAT) field. */
static bool
decode_float(ZfTable *t, ZfColumn *col, const uint8 *p, uint32 len,
			 Datum *value, zf_error *err)
{
	double		d;
	zf_status	st;

	if (t->opts.float_format == ZF_FLOAT_IEEE)
		st = zf_ieee_to_double(p, len, true, &d, err);
	else if (col->target == ZF_TARGET_FLOAT4)
	{
		float		fl;

		st = zf_hfp_to_float(p, len, &fl, err);
		if (st == ZF_OK)
		{
			*value = Float4GetDatum(fl);
			return true;
		}
		return false;
	}
	else
		st = zf_hfp_to_double(p, len, &d, err);
	if (st != ZF_OK)
		return false;
	return float_datum(col, d, value, err);
}

/* Decode TOD clock bytes (STCK, STCKE, LRSN) into a timestamp. */
static bool
decode_tod(ZfColumn *col, const uint8 *p, uint32 len, Datum *value,
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
static bool
decode_decfloat(ZfColumn *col, const uint8 *p, uint32 len, Datum *value,
				zf_error *err)
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

/* Append the JSON form of one field (and its children) to buf->json. */
static bool json_field(ZfTable *t, ZfColumn *col, const ZfRecordRef *rec,
					   int32 fi, uint32 *idx, int depth, ZfDecodeBuf *buf,
					   zf_error *err, uint32 *eoff, uint32 *elen);

/* Locate field fi at indexes idx in the record (static or via the cursor). */
static bool
locate(ZfTable *t, const ZfRecordRef *rec, int32 fi, const uint32 *idx,
	   int ndims, uint32 *off, uint32 *len, zf_error *err)
{
	if (!t->any_variable)
	{
		const zf_field *f = &t->layout->fields[fi];
		uint64		o = f->offset;

		if (ndims > 0)
		{
			int32		tables[8];
			int			n = zf_field_tables(t->layout, fi, tables, 8);

			for (int i = 0; i < n && i < ndims; i++)
				o += (uint64) idx[i] * t->layout->fields[tables[i]].length;
		}
		*off = (uint32) o;
		*len = f->length;
		if (o + f->length > rec->length)
		{
			zf_error_set(err, ZF_E_BAD_DATA, "record is %u bytes, field %s needs bytes %llu to %llu",
						 rec->length, f->name[0] ? f->name : "FILLER",
						 (unsigned long long) o + 1, (unsigned long long) o + f->length);
			zf_error_hint(err, "Check lrecl and the copybook against the file; zfdw.inspect_file() shows the record lengths it finds.");
			return false;
		}
		return true;
	}
	return zf_cursor_locate(rec->cursor, fi, idx, off, len, err) == ZF_OK;
}

/*
 * 1 when the field's null indicator or null_if says NULL, 0 when not, -1
 * with err set when the null indicator lies outside the record (a record
 * shorter than its layout: reading on would call every value not null).
 */
static int
field_is_null(const ZfColumn *col, const zf_field *f, const ZfRecordRef *rec,
			  uint32 off, uint32 len, zf_error *err)
{
	const uint8 *p = rec->data + off;

	if (f->has_null_ind)
	{
		int64		pos = (int64) off + f->null_ind_rel;
		uint8		b;

		if (pos < 0 || pos >= rec->length)
		{
			zf_error_set(err, ZF_E_BAD_DATA, "record is %u bytes, the null indicator of field %s is at byte %lld",
						 rec->length, f->name[0] ? f->name : "FILLER", (long long) pos + 1);
			zf_error_hint(err, "Check lrecl and the layout against the file; zfdw.inspect_file() shows the record lengths it finds.");
			return -1;
		}
		b = rec->data[pos];
		if (f->null_ind_any ? b != 0x00 : b == f->null_ind_value)
			return 1;
	}
	if (col == NULL || col->null_if == ZF_NULLIF_NONE || len == 0)
		return 0;
	switch (col->null_if)
	{
		case ZF_NULLIF_SPACES:
			{
				uint8		sp = zf_codepage_space(col->cp);

				for (uint32 i = 0; i < len; i++)
					if (p[i] != sp)
						return false;
				return true;
			}
		case ZF_NULLIF_LOW_VALUES:
		case ZF_NULLIF_HIGH_VALUES:
			{
				uint8		b = col->null_if == ZF_NULLIF_LOW_VALUES ? 0x00 : 0xFF;

				for (uint32 i = 0; i < len; i++)
					if (p[i] != b)
						return false;
				return true;
			}
		case ZF_NULLIF_ZEROS:
			{
				/* zero in the field's own representation */
				zf_int128	v;

				if (!zf_kind_is_numeric(f->kind))
				{
					uint8		zero = zf_codepage_is_ebcdic(col->cp) ? 0xF0 : 0x30;

					for (uint32 i = 0; i < len; i++)
						if (p[i] != zero)
							return false;
					return true;
				}
				if (f->kind == ZF_KIND_PACKED)
					return zf_packed_decode(p, len, f->is_signed, &v, NULL) == ZF_OK && v == 0;
				if (f->kind == ZF_KIND_ZONED)
					return zf_zoned_decode(p, len, f->sign, col->cs, &v, NULL) == ZF_OK && v == 0;
				if (f->kind == ZF_KIND_BINARY)
					return zf_binary_decode(p, len, f->is_signed, true, &v, NULL) == ZF_OK && v == 0;
				return false;
			}
		case ZF_NULLIF_BYTES:
			{
				uint32		blen = VARSIZE_ANY_EXHDR(col->null_if_bytes);
				const uint8 *b = (const uint8 *) VARDATA_ANY(col->null_if_bytes);

				if (blen == 0)
					return false;
				for (uint32 i = 0; i < len; i++)
					if (p[i] != b[i % blen])
						return false;
				return true;
			}
		default:
			return false;
	}
}

/* Decode one occurrence of the column's field at off/len. */
static bool
decode_scalar(ZfTable *t, ZfColumn *col, const ZfRecordRef *rec,
			  uint32 off, uint32 len, ZfDecodeBuf *buf, Datum *value,
			  zf_error *err)
{
	const zf_field *f = col->f;
	const uint8 *p = rec->data + off;

	switch (col->conv)
	{
		case ZF_CONV_NUMBER:
			{
				zf_int128	v;

				if (!decode_fixed(t, col, f, p, len, buf, &v, err))
					return false;
				if (col->has_date_picture)
				{
					zf_datetime dt;

					memset(&dt, 0, sizeof(dt));
					if (f->scale != 0 || v < PG_INT64_MIN || v > PG_INT64_MAX)
						return zf_error_set(err, ZF_E_BAD_DATA, "a date picture needs a whole number") == ZF_OK;
					if (zf_date_from_number((int64) v, &col->date_picture, &dt, err) != ZF_OK)
						return false;
					return datetime_datum(col, &dt, value, err);
				}
				return zfdw_number_datum(col, v, f->scale, value, err);
			}

		case ZF_CONV_FLOAT:
			return decode_float(t, col, p, len, value, err);

		case ZF_CONV_TEXT:
		case ZF_CONV_DATETIME:
			{
				const char *s;
				size_t		n;

				if (!decode_chars(col, f, p, len, buf, &s, &n, err))
					return false;
				if (col->conv == ZF_CONV_DATETIME && col->target == ZF_TARGET_TEXT)
					trim_text(ZF_TRIM_BOTH, false, &s, &n);
				return text_to_datum(t, col, f, s, n, value, err);
			}

		case ZF_CONV_BYTES:
			{
				bytea	   *b;

				if (f->length_prefix > 0 && !varying_bytes(f, p, len, &p, &len, err))
					return false;
				b = (bytea *) palloc(VARHDRSZ + len);
				SET_VARSIZE(b, VARHDRSZ + len);
				memcpy(VARDATA(b), p, len);
				*value = PointerGetDatum(b);
				return true;
			}

		case ZF_CONV_DECFLOAT:
			return decode_decfloat(col, p, len, value, err);

		case ZF_CONV_TOD:
			return decode_tod(col, p, len, value, err);

		case ZF_CONV_GROUP_TEXT:
			{
				const char *s;
				size_t		n;
				size_t		cap = zf_codepage_utf8_bound(col->cp, len) + 8;
				char	   *dst = text_space(buf, cap);

				if (zf_codepage_decode(col->cp, p, len, dst, cap, &n, err) != ZF_OK)
					return false;
				s = dst;
				trim_text(col->trim, false, &s, &n);
				return text_to_datum(t, col, f, s, n, value, err);
			}

		default:
			elog(ERROR, "zfdw: unexpected conversion %d", (int) col->conv);
			return false;
	}
}

/* Decode a meta column. */
static Datum
meta_datum(ZfTable *t, ZfColumn *col, const ZfRecordRef *rec, bool *isnull)
{
	zf_error	err;
	Datum		d;

	*isnull = false;
	switch (col->meta)
	{
		case ZF_META_RECORD_NUMBER:
		case ZF_META_BYTE_OFFSET:
		case ZF_META_RECORD_LENGTH:
			{
				uint64		v = col->meta == ZF_META_RECORD_NUMBER ? rec->number :
					col->meta == ZF_META_BYTE_OFFSET ? rec->offset : rec->length;

				zf_error_clear(&err);
				if (!zfdw_number_datum(col, (zf_int128) v, 0, &d, &err))
					zfdw_report(ERROR, &err, col->attname);
				return d;
			}
		case ZF_META_FILE_NAME:
			return PointerGetDatum(cstring_to_text(rec->filename ? rec->filename : ""));
		case ZF_META_RAW_RECORD:
			{
				bytea	   *b = (bytea *) palloc(VARHDRSZ + rec->length);

				SET_VARSIZE(b, VARHDRSZ + rec->length);
				memcpy(VARDATA(b), rec->data, rec->length);
				return PointerGetDatum(b);
			}
		case ZF_META_SEGMENT:
			if (t->opts.segment_value)
				return PointerGetDatum(cstring_to_text(t->opts.segment_value));
			return PointerGetDatum(cstring_to_text(t->rd->name ? t->rd->name : ""));
		default:
			*isnull = true;
			return (Datum) 0;
	}
}

/*
 * Decode the column's field as an array (OCCURS): one element per
 * occurrence, one dimension per OCCURS level.  Tables whose inner counts
 * differ between outer elements cannot be a PostgreSQL array.
 */
static bool
decode_array(ZfTable *t, ZfColumn *col, const ZfRecordRef *rec,
			 ZfDecodeBuf *buf, Datum *value, zf_error *err, uint32 *eoff,
			 uint32 *elen)
{
	int			ndims = col->ndims;
	int			dims[MAXDIM];
	int			lbs[MAXDIM];
	uint32		idx[MAXDIM];
	uint64		total = 1;
	Datum	   *elems;
	bool	   *nulls;
	uint64		k = 0;

	/* counts per level; every outer element must agree (rectangular) */
	memset(idx, 0, sizeof(idx));
	for (int d = 0; d < ndims; d++)
	{
		uint32		count;
		const zf_field *tf = &t->layout->fields[col->tables[d]];

		if (!t->any_variable)
			count = tf->occurs_max;
		else if (zf_cursor_count(rec->cursor, col->tables[d], idx, &count, err) != ZF_OK)
			return false;
		dims[d] = (int) count;
		lbs[d] = 1;
		total *= count;
	}
	if (total > (uint64) zfdw_max_occurs * 16 || total > MaxAllocSize / sizeof(Datum))
		return zf_error_set(err, ZF_E_LIMIT, "table of %llu elements is too large for an array",
							(unsigned long long) total) == ZF_OK;
	if (total == 0)
	{
		*value = PointerGetDatum(construct_empty_array(col->typid));
		return true;
	}
	elems = palloc(sizeof(Datum) * total);
	nulls = palloc(sizeof(bool) * total);
	memset(idx, 0, sizeof(idx));
	for (;;)
	{
		uint32		off,
					len;
		int			nullness;

		if (t->any_variable && ndims > 1)
		{
			/* inner counts must match the first element's */
			for (int d = 1; d < ndims; d++)
			{
				uint32		count;

				if (zf_cursor_count(rec->cursor, col->tables[d], idx, &count, err) != ZF_OK)
					return false;
				if ((int) count != dims[d])
					return zf_error_set(err, ZF_E_UNSUPPORTED,
										"table %s has %u occurrences in one element and %d in another: not an array",
										t->layout->fields[col->tables[d]].name, count, dims[d]) == ZF_OK;
			}
		}
		if (!locate(t, rec, col->field, idx, ndims, &off, &len, err))
			return false;
		nullness = field_is_null(col, col->f, rec, off, len, err);
		if (nullness < 0)
			return false;
		if (nullness)
		{
			nulls[k] = true;
			elems[k] = (Datum) 0;
		}
		else
		{
			nulls[k] = false;
			if (!decode_scalar(t, col, rec, off, len, buf, &elems[k], err))
			{
				*eoff = off;
				*elen = len;
				return false;
			}
		}
		k++;
		/* next index, innermost first */
		{
			int			d = ndims - 1;

			while (d >= 0 && ++idx[d] >= (uint32) dims[d])
				idx[d--] = 0;
			if (d < 0)
				break;
		}
	}
	*value = PointerGetDatum(construct_md_array(elems, nulls, ndims, dims, lbs, col->typid,
												col->elmlen, col->elmbyval, col->elmalign));
	return true;
}

/*
 * Decode one column of a record.  Returns false with err set (and the
 * field's place in eoff and elen) on a data error.
 */
bool
zfdw_decode_column(ZfTable *t, ZfColumn *col, const ZfRecordRef *rec,
				   ZfDecodeBuf *buf, Datum *value, bool *isnull,
				   zf_error *err, uint32 *eoff, uint32 *elen)
{
	uint32		off = 0,
				len = 0;

	*isnull = false;
	*eoff = 0;
	*elen = 0;
	if (col->conv == ZF_CONV_META)
	{
		*value = meta_datum(t, col, rec, isnull);
		return true;
	}
	if (t->delim)
		return zfdw_delim_decode_column(t, col, rec, buf, value, isnull, err, eoff, elen);
	if (col->conv == ZF_CONV_GROUP_JSONB)
	{
		uint32		idx[MAXDIM];

		memset(idx, 0, sizeof(idx));
		resetStringInfo(&buf->json);
		if (!json_field(t, col, rec, col->field, idx, 0, buf, err, eoff, elen))
			return false;
		*value = DirectFunctionCall1(jsonb_in, CStringGetDatum(buf->json.data));
		return true;
	}
	if (col->ndims > 0)
		return decode_array(t, col, rec, buf, value, err, eoff, elen);

	if (!locate(t, rec, col->field, NULL, 0, &off, &len, err))
		return false;
	*eoff = off;
	*elen = len;
	switch (field_is_null(col, col->f, rec, off, len, err))
	{
		case 1:
			*isnull = true;
			return true;
		case -1:
			return false;
	}
	return decode_scalar(t, col, rec, off, len, buf, value, err);
}

/* ---- groups as jsonb ---- */

/* Append the JSON value of one elementary field occurrence. */
static bool
json_leaf(ZfTable *t, ZfColumn *col, const zf_field *f, const uint8 *p,
		  uint32 len, ZfDecodeBuf *buf, zf_error *err)
{
	StringInfo	out = &buf->json;

	switch (f->kind)
	{
		case ZF_KIND_ZONED:
		case ZF_KIND_PACKED:
		case ZF_KIND_BINARY:
		case ZF_KIND_EDITED:
			{
				zf_int128	v;
				char		s[ZF_DECIMAL_STRLEN];

				if (!decode_fixed(t, col, f, p, len, buf, &v, err))
					return false;
				zf_decimal_to_string(v, f->scale, s);
				appendStringInfoString(out, s);
				return true;
			}
		case ZF_KIND_FLOAT:
			{
				double		d;
				char		s[DOUBLE_SHORTEST_DECIMAL_LEN];
				zf_status	st = t->opts.float_format == ZF_FLOAT_IEEE ?
					zf_ieee_to_double(p, len, true, &d, err) :
					zf_hfp_to_double(p, len, &d, err);

				if (st != ZF_OK)
					return false;
				if (isnan(d) || isinf(d))
				{
					appendStringInfoString(out, "null");
					return true;
				}
				double_to_shortest_decimal_buf(d, s);
				appendStringInfoString(out, s);
				return true;
			}
		case ZF_KIND_BYTES:
			{
				appendStringInfoString(out, "\"\\\\x");
				for (uint32 i = 0; i < len; i++)
					appendStringInfo(out, "%02x", p[i]);
				appendStringInfoChar(out, '"');
				return true;
			}
		case ZF_KIND_DECFLOAT:
			{
				char		s[ZF_DECFLOAT_STRLEN];
				zf_decfloat_class cls;

				if (zf_decfloat_to_string(p, len, s, sizeof(s), &cls, err) != ZF_OK)
					return false;
				if (cls == ZF_DECFLOAT_FINITE)
					appendStringInfoString(out, s);
				else
					escape_json(out, s);
				return true;
			}
		default:
			{
				const char *s;
				size_t		n;
				char	   *z;

				if (!decode_chars(col, f, p, len, buf, &s, &n, err))
					return false;
				z = pnstrdup(s, n);
				escape_json(out, z);
				pfree(z);
				return true;
			}
	}
}

/*
 * Append the JSON of field fi at idx: an object for a group (FILLERs
 * left out), an array for an OCCURS level not yet indexed, a value for an
 * elementary item.  depth counts the indexes already fixed in idx.
 */
static bool
json_field(ZfTable *t, ZfColumn *col, const ZfRecordRef *rec, int32 fi,
		   uint32 *idx, int depth, ZfDecodeBuf *buf, zf_error *err,
		   uint32 *eoff, uint32 *elen)
{
	const zf_field *f = &t->layout->fields[fi];
	int			ndims = zf_field_dimensions(t->layout, fi);
	uint32		off,
				len;

	check_stack_depth();
	if (ndims > depth)
	{
		/* the field itself is a table: an array of its occurrences */
		uint32		count;
		int32		tables[MAXDIM + 1];

		if (ndims > MAXDIM)
			return zf_error_set(err, ZF_E_LIMIT, "too many OCCURS levels") == ZF_OK;
		zf_field_tables(t->layout, fi, tables, MAXDIM + 1);
		if (!t->any_variable)
			count = f->occurs_max;
		else if (zf_cursor_count(rec->cursor, fi, idx, &count, err) != ZF_OK)
			return false;
		appendStringInfoChar(&buf->json, '[');
		for (uint32 i = 0; i < count; i++)
		{
			if (i > 0)
				appendStringInfoChar(&buf->json, ',');
			idx[depth] = i;
			if (!json_field(t, col, rec, fi, idx, depth + 1, buf, err, eoff, elen))
				return false;
		}
		idx[depth] = 0;
		appendStringInfoChar(&buf->json, ']');
		return true;
	}

	if (!locate(t, rec, fi, idx, ndims, &off, &len, err))
		return false;
	if (f->kind == ZF_KIND_GROUP)
	{
		bool		first = true;

		appendStringInfoChar(&buf->json, '{');
		for (int32 c = f->first_child; c >= 0; c = t->layout->fields[c].next_sibling)
		{
			const zf_field *cf = &t->layout->fields[c];

			if (cf->is_filler || cf->level == 66 || cf->level == 88)
				continue;
			if (!first)
				appendStringInfoChar(&buf->json, ',');
			first = false;
			escape_json(&buf->json, cf->sql_name);
			appendStringInfoChar(&buf->json, ':');
			if (!json_field(t, col, rec, c, idx, depth, buf, err, eoff, elen))
				return false;
		}
		appendStringInfoChar(&buf->json, '}');
		return true;
	}
	switch (field_is_null(NULL, f, rec, off, len, err))
	{
		case 1:
			appendStringInfoString(&buf->json, "null");
			return true;
		case -1:
			return false;
	}
	if (!json_leaf(t, col, f, rec->data + off, len, buf, err))
	{
		*eoff = off;
		*elen = len;
		return false;
	}
	return true;
}
