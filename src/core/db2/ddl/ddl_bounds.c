/*-------------------------------------------------------------------------
 *
 * ddl_bounds.c
 *	  DB2 constants the writer must understand rather than copy: date,
 *	  time and timestamp strings in DB2's formats, and range partition
 *	  limit keys.
 *
 * DB2's ENDING AT (v) is an inclusive upper bound; PostgreSQL's TO (v) is
 * exclusive.  For a type with a next value (integers, decimals of a given
 * scale, dates, times and timestamps at PostgreSQL's resolution) "<= v" is
 * exactly "< next(v)"; zf_ddl_bound_value() computes next(v).  Types without
 * one (strings, floats) are left to the caller, which keeps the DB2 scheme
 * as a comment.
 *
 * DB2 date formats: ISO/JIS yyyy-mm-dd, USA mm/dd/yyyy, EUR dd.mm.yyyy.
 * Time: ISO/EUR hh.mm.ss, JIS hh:mm:ss, USA hh:mm AM|PM.  Timestamp:
 * yyyy-mm-dd-hh.mm.ss[.f...] and yyyy-mm-dd hh:mm:ss[.f...].
 *
 *-------------------------------------------------------------------------
 */
#include "db2/ddl/ddl_write.h"
#include "decode/decimal.h"

#include <stdio.h>
#include <string.h>

/* Read 1..maxd digits at *p into *v; false if none. */
static bool
digits(const char **p, int maxd, int *v)
{
	int			n = 0;

	*v = 0;
	while (n < maxd && **p >= '0' && **p <= '9')
	{
		*v = *v * 10 + (**p - '0');
		(*p)++;
		n++;
	}
	return n > 0;
}

/* Gregorian leap year. */
static bool
is_leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

/* A real calendar date in DB2's range (years 1 to 9999)? */
static bool
valid_date(int y, int m, int d)
{
	static const int mdays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

	if (y < 1 || y > 9999 || m < 1 || m > 12 || d < 1)
		return false;
	return d <= mdays[m - 1] + (m == 2 && is_leap(y) ? 1 : 0);
}

/* Days since 0001-01-01 (proleptic Gregorian). */
int64_t
zf_ddl_date_to_days(int y, int m, int d)
{
	int64_t		yy = y - (m <= 2 ? 1 : 0);
	int64_t		era = yy / 400;
	int64_t		yoe = yy - era * 400;
	int64_t		mp = (m + 9) % 12;
	int64_t		doy = (153 * mp + 2) / 5 + d - 1;
	int64_t		doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

	return era * 146097 + doe - 306;	/* 306: 0000-03-01 .. 0001-01-01 */
}

/* The inverse of zf_ddl_date_to_days. */
void
zf_ddl_days_to_date(int64_t days, int *y, int *m, int *d)
{
	int64_t		z = days + 306;
	int64_t		era = z / 146097;
	int64_t		doe = z - era * 146097;
	int64_t		yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	int64_t		doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	int64_t		mp = (5 * doy + 2) / 153;
	int64_t		dd = doy - (153 * mp + 2) / 5 + 1;
	int64_t		mm = mp < 10 ? mp + 3 : mp - 9;

	*y = (int) (yoe + era * 400 + (mm <= 2 ? 1 : 0));
	*m = (int) mm;
	*d = (int) dd;
}

/* A date in any DB2 format; the whole string must be used. */
static bool
date_prefix(const char **p, int *y, int *m, int *d)
{
	const char *s = *p;
	int			a,
				b,
				c;

	if (!digits(&s, 4, &a))
		return false;
	if (*s == '-' && s - *p == 4)
	{
		s++;
		if (!digits(&s, 2, &b) || *s++ != '-' || !digits(&s, 2, &c))
			return false;
		*y = a, *m = b, *d = c;
	}
	else if (*s == '/')
	{
		s++;
		if (!digits(&s, 2, &b) || *s++ != '/' || !digits(&s, 4, &c))
			return false;
		*m = a, *d = b, *y = c;
	}
	else if (*s == '.')
	{
		s++;
		if (!digits(&s, 2, &b) || *s++ != '.' || !digits(&s, 4, &c))
			return false;
		*d = a, *m = b, *y = c;
	}
	else
		return false;
	*p = s;
	return valid_date(*y, *m, *d);
}

/* A whole string that is a date in one of DB2's formats. */
bool
zf_ddl_date_parse(const char *s, int *y, int *m, int *d)
{
	return date_prefix(&s, y, m, d) && *s == '\0';
}

/* A time in any DB2 format (24:00:00 allowed, as DB2 does). */
bool
zf_ddl_time_parse(const char *s, int *h, int *mi, int *sec)
{
	char		sep;

	*sec = 0;
	if (!digits(&s, 2, h))
		return false;
	sep = *s;
	if (sep != '.' && sep != ':')
		return false;
	s++;
	if (!digits(&s, 2, mi))
		return false;
	if (*s == sep)
	{
		s++;
		if (!digits(&s, 2, sec))
			return false;
	}
	while (*s == ' ')
		s++;
	if ((s[0] == 'A' || s[0] == 'a' || s[0] == 'P' || s[0] == 'p') &&
		(s[1] == 'M' || s[1] == 'm') && s[2] == '\0')
	{
		/* USA: 12:xx AM is 00:xx, 12:xx PM is 12:xx */
		if (*h < 1 || *h > 12)
			return false;
		if (*h == 12)
			*h = 0;
		if (s[0] == 'P' || s[0] == 'p')
			*h += 12;
		s += 2;
	}
	if (*s != '\0' || *mi > 59 || *sec > 59 || *h > 24)
		return false;
	return *h < 24 || (*mi == 0 && *sec == 0);
}

/*
 * A timestamp: date, then '-' or ' ' or 'T', then hh.mm.ss or hh:mm:ss,
 * then an optional fraction of up to 12 digits: *usec gets its first six,
 * *ndigits the number written, or 99 when digits beyond the sixth are not
 * all zero.  A date alone means midnight.
 */
bool
zf_ddl_timestamp_parse(const char *s, int *y, int *m, int *d, int *h, int *mi,
					int *sec, int64_t *usec, int *ndigits)
{
	char		sep;

	*h = *mi = *sec = 0;
	*usec = 0;
	*ndigits = 0;
	if (!date_prefix(&s, y, m, d))
		return false;
	if (*s == '\0')
		return true;
	if (*s != '-' && *s != ' ' && *s != 'T')
		return false;
	s++;
	if (!digits(&s, 2, h))
		return false;
	sep = *s;
	if (sep != '.' && sep != ':')
		return false;
	s++;
	if (!digits(&s, 2, mi) || *s++ != sep || !digits(&s, 2, sec))
		return false;
	if (*s == '.' || *s == ',')
	{
		int			nd = 0;
		bool		finer = false;

		s++;
		while (*s >= '0' && *s <= '9')
		{
			if (nd >= 12)
				return false;
			if (nd < 6)
				*usec = *usec * 10 + (*s - '0');
			else if (*s != '0')
				finer = true;
			nd++;
			s++;
		}
		for (int k = nd < 6 ? nd : 6; k < 6; k++)
			*usec *= 10;
		*ndigits = finer ? 99 : nd;
	}
	if (*s != '\0' || *mi > 59 || *sec > 59 || *h > 24)
		return false;
	return *h < 24 || (*mi == 0 && *sec == 0 && *usec == 0);
}

/* ---------------------------------------------------------------------
 * Partition limit keys
 * ---------------------------------------------------------------------
 */

/* Write a scaled integer v / 10^scale. */
static void
put_scaled(ddl_buf *out, __int128 v, int scale)
{
	char		tmp[64];
	int			k = 0;
	bool		neg = v < 0;

	if (neg)
		v = -v;
	do
	{
		tmp[k++] = (char) ('0' + (int) (v % 10));
		v /= 10;
	} while (v > 0 || k <= scale);
	if (neg)
		zf_ddl_buf_putc(out, '-');
	while (k > 0)
	{
		if (k == scale && scale > 0)
			zf_ddl_buf_putc(out, '.');
		zf_ddl_buf_putc(out, tmp[--k]);
	}
}

/* A decimal constant "[-]ddd[.ddd]" scaled to 'scale' digits, exactly. */
static bool
read_scaled(const char *s, bool neg, int scale, __int128 *v)
{
	__int128	acc = 0;
	int			frac = -1;

	if (*s == '\0')
		return false;
	for (; *s; s++)
	{
		if (*s == '.')
		{
			if (frac >= 0)
				return false;
			frac = 0;
			continue;
		}
		if (*s < '0' || *s > '9')
			return false;
		if (frac >= 0 && frac >= scale)
		{
			if (*s != '0')
				return false;	/* finer than the column: not exact */
			continue;
		}
		if (acc > ((__int128) 1 << 120))
			return false;
		acc = acc * 10 + (*s - '0');
		if (frac >= 0)
			frac++;
	}
	for (int k = frac < 0 ? 0 : frac; k < scale; k++)
		acc *= 10;
	*v = neg ? -acc : acc;
	return true;
}

/*
 * The PostgreSQL form of one limit value of column col (tokens [first,
 * end)); with successor, the next value of the type instead ("<= v"
 * becomes "< next").  *special is 1 for MAXVALUE (also when v is the
 * type's largest value and a successor was asked for), -1 for MINVALUE.
 * Returns false when the value cannot be converted exactly.
 */
bool
zf_ddl_bound_value(ddl_writer *w, const ddl_column *col, int first, int end,
				bool successor, ddl_buf *out, int *special)
{
	const ddl_token *toks = w->s->tokens;
	const zf_db2_column *c = &col->pub;
	bool		neg = false;
	const ddl_token *t;

	*special = 0;
	if (end - first == 1 && zf_ddlp_tok_is(&toks[first], "MAXVALUE"))
	{
		*special = 1;
		return true;
	}
	if (end - first == 1 && zf_ddlp_tok_is(&toks[first], "MINVALUE"))
	{
		*special = -1;
		return true;
	}
	if (end - first == 2 && (zf_ddlp_tok_punct(&toks[first], "-") || zf_ddlp_tok_punct(&toks[first], "+")))
	{
		neg = zf_ddlp_tok_punct(&toks[first], "-");
		first++;
	}
	if (end - first != 1)
		return false;
	t = &toks[first];

	switch (c->type)
	{
		case ZF_DB2_SMALLINT:
		case ZF_DB2_INTEGER:
		case ZF_DB2_BIGINT:
		case ZF_DB2_DECIMAL:
			{
				int			scale = c->type == ZF_DB2_DECIMAL ? c->scale : 0;
				__int128	v;
				__int128	max;

				if (t->kind != TK_NUMBER && t->kind != TK_STRING)
					return false;
				if (!read_scaled(t->text, neg, scale, &v))
					return false;
				if (c->type == ZF_DB2_SMALLINT)
					max = 32767;
				else if (c->type == ZF_DB2_INTEGER)
					max = 2147483647;
				else if (c->type == ZF_DB2_BIGINT)
					max = INT64_C(9223372036854775807);
				else
				{
					max = 1;
					for (int k = 0; k < c->precision; k++)
						max *= 10;
					max -= 1;
				}
				if (v > max || v < -max - (c->type == ZF_DB2_DECIMAL ? 0 : 1))
					return false;
				if (successor)
				{
					if (v == max)
					{
						*special = 1;
						return true;
					}
					v += 1;
				}
				put_scaled(out, v, scale);
				return true;
			}

		case ZF_DB2_DATE:
			{
				int			y,
							m,
							d;
				int64_t		days;

				if (t->kind != TK_STRING || neg || !zf_ddl_date_parse(t->text, &y, &m, &d))
					return false;
				days = zf_ddl_date_to_days(y, m, d);
				if (successor)
				{
					if (y == 9999 && m == 12 && d == 31)
					{
						*special = 1;
						return true;
					}
					zf_ddl_days_to_date(days + 1, &y, &m, &d);
				}
				zf_ddl_buf_printf(out, "'%04d-%02d-%02d'", y, m, d);
				return true;
			}

		case ZF_DB2_TIME:
			{
				int			h,
							mi,
							s;

				if (t->kind != TK_STRING || neg || !zf_ddl_time_parse(t->text, &h, &mi, &s))
					return false;
				if (successor)
				{
					/* PostgreSQL time has microseconds: next is v + 1us */
					if (h == 24)
					{
						*special = 1;
						return true;
					}
					zf_ddl_buf_printf(out, "'%02d:%02d:%02d.000001'", h, mi, s);
				}
				else
					zf_ddl_buf_printf(out, "'%02d:%02d:%02d'", h, mi, s);
				return true;
			}

		case ZF_DB2_TIMESTAMP:
			{
				int			y,
							m,
							d,
							h,
							mi,
							s,
							nd;
				int64_t		us;
				int			p = c->precision;
				int64_t		step;
				int64_t		days;
				int64_t		total;

				if (p > 6 || t->kind != TK_STRING || neg ||
					!zf_ddl_timestamp_parse(t->text, &y, &m, &d, &h, &mi, &s, &us, &nd) ||
					nd == 99)
					return false;
				step = (int64_t) zf_pow10_u64[6 - p];
				if (us % step != 0)
					return false;	/* finer than the column */
				days = zf_ddl_date_to_days(y, m, d);
				total = ((int64_t) h * 3600 + mi * 60 + s) * 1000000 + us;
				if (successor)
				{
					total += step;
					if (total >= INT64_C(86400000000))
					{
						total -= INT64_C(86400000000);
						days++;
					}
					zf_ddl_days_to_date(days, &y, &m, &d);
					if (y > 9999)
					{
						*special = 1;
						return true;
					}
				}
				us = total % 1000000;
				s = (int) ((total / 1000000) % 60);
				mi = (int) ((total / 60000000) % 60);
				h = (int) (total / INT64_C(3600000000));
				zf_ddl_buf_printf(out, "'%04d-%02d-%02d %02d:%02d:%02d", y, m, d, h, mi, s);
				if (p > 0)
				{
					char		frac[8];

					snprintf(frac, sizeof(frac), "%06lld", (long long) us);
					frac[p] = '\0';
					zf_ddl_buf_printf(out, ".%s", frac);
				}
				zf_ddl_buf_putc(out, '\'');
				return true;
			}

		default:
			return false;
	}
}
