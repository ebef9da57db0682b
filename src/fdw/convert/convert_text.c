/*-------------------------------------------------------------------------
 *
 * convert_text.c
 *	  Build the Datum of a column from character data: decode a field's
 *	  bytes into UTF-8, trim it, and make text, a number, a date/time or
 *	  any type's value of the text.
 *
 * Character fields are fixed text in the column's code page, DBCS,
 * national (UTF-16) or DB2 varying strings with a length prefix, which
 * core decodes and trims (value/value_text.c).  A string
 * longer than varchar(n) and a fraction of a second beyond the column's
 * precision are data errors, never truncated.  The date/time Datums of
 * numeric fields read with a date picture are built here too.
 *
 *-------------------------------------------------------------------------
 */
#include "zfdw.h"

#include <math.h>

#include "catalog/pg_type.h"
#include "mb/pg_wchar.h"
#include "utils/builtins.h"
#include "utils/date.h"
#include "utils/datetime.h"
#include "utils/timestamp.h"

#include "convert/convert_int.h"

/*
 * Decode the character data of a field into UTF-8 in buf->text: core
 * reads length prefixes and trims as the column's options say
 * (zf_field_read_text).  Sets out and outlen (not NUL-terminated).
 */
bool
zfdw_decode_chars(const zf_field_reader *r, const uint8 *p, uint32 len,
				  ZfDecodeBuf *buf, const char **out, size_t *outlen,
				  zf_error *err)
{
	size_t		cap = zf_field_text_bound(r, len);
	char	   *dst = zfdw_text_space(buf, cap);

	return zf_field_read_text(r, p, len, dst, cap, out, outlen, err) == ZF_OK;
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
	return zfdw_float_datum(col, d, value, err);
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
				return zfdw_datetime_datum(col, &dt, value, err);
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

/* text_to_datum for the rest of the fdw (convert.c, delimited_values.c). */
bool
zfdw_text_to_datum(ZfTable *t, ZfColumn *col, const zf_field *f, const char *s,
				   size_t n, Datum *value, zf_error *err)
{
	return text_to_datum(t, col, f, s, n, value, err);
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
bool
zfdw_datetime_datum(ZfColumn *col, const zf_datetime *dt, Datum *value,
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
