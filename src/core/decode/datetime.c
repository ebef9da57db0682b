/*-------------------------------------------------------------------------
 *
 * datetime.c
 *	  DB2 external DATE, TIME and TIMESTAMP text, numeric date pictures,
 *	  and z/Architecture TOD clock values.
 *
 * The text rules follow IBM's "String representations of datetime values"
 * for Db2 for z/OS:
 *
 *	DATE		ISO/JIS yyyy-mm-dd, USA mm/dd/yyyy, EUR dd.mm.yyyy; leading
 *				zeros of month and day may be omitted, the year has 4 digits.
 *	TIME		ISO/EUR hh.mm.ss, JIS hh:mm:ss, USA hh:mm AM|PM; the hour may
 *				lose its leading zero and the seconds may be omitted; in USA
 *				form the minutes may be omitted too ("1 PM"), AM/PM may be
 *				lower case after exactly one blank, 12:00 AM is 24.00.00 and
 *				00:00 AM is 00.00.00.  Hour 24 only with zero minutes and
 *				seconds.
 *	TIMESTAMP	yyyy-mm-dd-hh.mm.ss[.f] or yyyy-mm-dd hh:mm:ss[.f] (also 'T'),
 *				0 to 12 fraction digits, the point may stay without digits;
 *				then optionally one blank and a time zone: Z, +th:tm or +th,
 *				within -24:00 .. +24:00.
 *
 * All three formats of a DATE (and of a TIME) are told apart by their
 * punctuation, as Db2 itself does on input: the style argument only names
 * the expected format in error messages, it never makes a valid value of
 * another style fail or read differently.
 *
 *-------------------------------------------------------------------------
 */
#include "decode/datetime.h"

#include <stdio.h>
#include <string.h>

/* Microseconds from 1900-01-01 (TOD epoch) to 1970-01-01: 25567 days. */
#define TOD_UNIX_EPOCH_USEC		INT64_C(2208988800000000)

static const char *const style_format[] = {
	"yyyy-mm-dd, mm/dd/yyyy or dd.mm.yyyy",
	"yyyy-mm-dd", "mm/dd/yyyy", "dd.mm.yyyy", "yyyy-mm-dd"
};
static const char *const style_time_format[] = {
	"hh.mm.ss, hh:mm:ss or hh:mm AM",
	"hh.mm.ss", "hh:mm AM", "hh.mm.ss", "hh:mm:ss"
};

/* ---------------------------------------------------------------------
 * Calendar
 * ---------------------------------------------------------------------
 */

static inline bool
is_leap(int32_t y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int
days_in_month(int32_t y, int32_t m)
{
	static const int8_t days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

	return m == 2 && is_leap(y) ? 29 : days[m - 1];
}

/* True when year/month/day exists in the proleptic Gregorian calendar. */
bool
zf_valid_date(int32_t year, int32_t month, int32_t day)
{
	return month >= 1 && month <= 12 && day >= 1 &&
		day <= days_in_month(year, month);
}

/*
 * Days from 1970-01-01, proleptic Gregorian.  Counts in 400-year eras of
 * 146097 days with March as the first month, so that the leap day is the
 * last day of the counting year.
 */
int64_t
zf_days_from_civil(int32_t year, int32_t month, int32_t day)
{
	int64_t		y = (int64_t) year - (month <= 2 ? 1 : 0);
	int64_t		era = (y >= 0 ? y : y - 399) / 400;
	int64_t		yoe = y - era * 400;	/* 0..399 */
	int64_t		mp = (month + 9) % 12;	/* March = 0 */
	int64_t		doy = (153 * mp + 2) / 5 + day - 1;	/* 0..365 */
	int64_t		doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

	return era * 146097 + doe - 719468;
}


/* ---------------------------------------------------------------------
 * A tiny scanner over the trimmed text
 * ---------------------------------------------------------------------
 */

typedef struct scan
{
	const char *s;
	size_t		i;
	size_t		n;				/* end after trimming trailing blanks */
	size_t		base;			/* offset of s[0] in the caller's field */
} scan;

/* Trim surrounding blanks (the header promises it for DB2 text). */
static void
scan_init(scan *sc, const char *s, size_t n)
{
	size_t		i = 0;

	while (i < n && s[i] == ' ')
		i++;
	while (n > i && s[n - 1] == ' ')
		n--;
	sc->s = s;
	sc->i = i;
	sc->n = n;
	sc->base = 0;
}

/* Read min..max digits into *v; false (position unchanged) when fewer. */
static bool
scan_digits(scan *sc, int min, int max, int32_t *v)
{
	size_t		i = sc->i;
	int32_t		acc = 0;
	int			k = 0;

	while (k < max && i < sc->n && sc->s[i] >= '0' && sc->s[i] <= '9')
	{
		acc = acc * 10 + (sc->s[i] - '0');
		i++;
		k++;
	}
	if (k < min)
		return false;
	sc->i = i;
	*v = acc;
	return true;
}

static inline bool
scan_char(scan *sc, char c)
{
	if (sc->i < sc->n && sc->s[sc->i] == c)
	{
		sc->i++;
		return true;
	}
	return false;
}

static inline char
scan_peek(const scan *sc)
{
	return sc->i < sc->n ? sc->s[sc->i] : '\0';
}

static inline bool
scan_done(const scan *sc)
{
	return sc->i >= sc->n;
}

/* The text (shown in messages) is invalid for the kind of value. */
static zf_status
syntax_error(const char *what, const char *s, size_t n, size_t at,
			 const char *expected, zf_error *err)
{
	if (err == NULL)
		return ZF_E_BAD_DATA;
	zf_error_set(err, ZF_E_BAD_DATA, "invalid %s \"%.*s\"", what,
				 (int) (n > 64 ? 64 : n), s);
	err->offset = (int64_t) at;
	zf_error_detail(err, "Expected the format %s.", expected);
	return ZF_E_BAD_DATA;
}

/* A field of the value is out of its range. */
static zf_status
range_error(const char *what, const char *s, size_t n, const char *why,
			zf_error *err)
{
	if (err == NULL)
		return ZF_E_BAD_DATA;
	zf_error_set(err, ZF_E_BAD_DATA, "invalid %s \"%.*s\"", what,
				 (int) (n > 64 ? 64 : n), s);
	zf_error_detail(err, "%s", why);
	return ZF_E_BAD_DATA;
}

/* Check a year/month/day triple, explaining what is wrong. */
static zf_status
check_date(const char *what, const char *s, size_t n, int32_t y, int32_t m,
		   int32_t d, zf_error *err)
{
	char		why[128];

	if (y < 1)
		return range_error(what, s, n, "Year 0000 does not exist; years start at 0001.", err);
	if (m < 1 || m > 12)
	{
		snprintf(why, sizeof(why), "Month %d is out of range.", m);
		return range_error(what, s, n, why, err);
	}
	if (d < 1 || d > days_in_month(y, m))
	{
		snprintf(why, sizeof(why), "Day %d is out of range: %04d-%02d has %d days.",
				 d, y, m, days_in_month(y, m));
		return range_error(what, s, n, why, err);
	}
	return ZF_OK;
}

/* Check hour/minute/second (and fraction) of a time of day. */
static zf_status
check_time(const char *what, const char *s, size_t n, int32_t h, int32_t mi,
		   int32_t se, int64_t picos, zf_error *err)
{
	if (h > 24 || mi > 59 || se > 59)
		return range_error(what, s, n, "Hours must be 0 to 24, minutes and seconds 0 to 59.", err);
	if (h == 24 && (mi != 0 || se != 0 || picos != 0))
		return range_error(what, s, n, "Hour 24 is allowed only as 24.00.00 exactly.", err);
	return ZF_OK;
}

static void
datetime_clear(zf_datetime *out)
{
	memset(out, 0, sizeof(*out));
}

/* out as the calendar date y-m-d alone (checked by the caller). */
static void
datetime_set_date(zf_datetime *out, int32_t y, int32_t m, int32_t d)
{
	datetime_clear(out);
	out->year = y;
	out->month = m;
	out->day = d;
	out->has_date = true;
}


/* ---------------------------------------------------------------------
 * DB2 external formats
 * ---------------------------------------------------------------------
 */

/*
 * Scan a date at the scanner's position in whichever of the three layouts
 * its punctuation shows.  False when it does not scan.
 */
static bool
scan_date(scan *sc, int32_t *y, int32_t *m, int32_t *d)
{
	size_t		start = sc->i;
	size_t		k = start;

	while (k < sc->n && sc->s[k] >= '0' && sc->s[k] <= '9')
		k++;
	if (k >= sc->n)
		return false;
	switch (sc->s[k])
	{
		case '-':				/* ISO, JIS */
			return k - start == 4 && scan_digits(sc, 4, 4, y) &&
				scan_char(sc, '-') && scan_digits(sc, 1, 2, m) &&
				scan_char(sc, '-') && scan_digits(sc, 1, 2, d);
		case '/':				/* USA */
			return scan_digits(sc, 1, 2, m) && scan_char(sc, '/') &&
				scan_digits(sc, 1, 2, d) && scan_char(sc, '/') &&
				scan_digits(sc, 4, 4, y);
		case '.':				/* EUR */
			return scan_digits(sc, 1, 2, d) && scan_char(sc, '.') &&
				scan_digits(sc, 1, 2, m) && scan_char(sc, '.') &&
				scan_digits(sc, 4, 4, y);
		default:
			return false;
	}
}

/* DB2 DATE EXTERNAL in ISO, USA, EUR or JIS. */
zf_status
zf_parse_db2_date(const char *s, size_t n, zf_datestyle style,
				  zf_datetime *out, zf_error *err)
{
	scan		sc;
	int32_t		y = 0, m = 0, d = 0;
	zf_status	st;

	if ((unsigned) style > ZF_DATESTYLE_JIS)
		return zf_error_set(err, ZF_E_ARG, "invalid date style %d", (int) style);
	scan_init(&sc, s, n);
	if (!scan_date(&sc, &y, &m, &d) || !scan_done(&sc))
		return syntax_error("DB2 date", s, n, sc.i, style_format[style], err);
	st = check_date("DB2 date", s, n, y, m, d, err);
	if (st != ZF_OK)
		return st;
	datetime_set_date(out, y, m, d);
	return ZF_OK;
}

/* Case-insensitive match of one letter. */
static inline bool
scan_letter(scan *sc, char upper)
{
	char		c = scan_peek(sc);

	if (c == upper || c == upper + ('a' - 'A'))
	{
		sc->i++;
		return true;
	}
	return false;
}

/* DB2 TIME EXTERNAL in ISO, USA, EUR or JIS. */
zf_status
zf_parse_db2_time(const char *s, size_t n, zf_datestyle style,
				  zf_datetime *out, zf_error *err)
{
	scan		sc;
	int32_t		h = 0, mi = 0, se = 0;
	char		sep = '\0';
	bool		has_seconds = false;
	zf_status	st;

	if ((unsigned) style > ZF_DATESTYLE_JIS)
		return zf_error_set(err, ZF_E_ARG, "invalid time style %d", (int) style);
	scan_init(&sc, s, n);
	if (!scan_digits(&sc, 1, 2, &h))
		return syntax_error("DB2 time", s, n, sc.i, style_time_format[style], err);
	if (scan_peek(&sc) == '.' || scan_peek(&sc) == ':')
	{
		sep = sc.s[sc.i++];
		if (!scan_digits(&sc, 2, 2, &mi))
			return syntax_error("DB2 time", s, n, sc.i, style_time_format[style], err);
		if (scan_char(&sc, sep))
		{
			if (!scan_digits(&sc, 2, 2, &se))
				return syntax_error("DB2 time", s, n, sc.i, style_time_format[style], err);
			has_seconds = true;
		}
	}
	if (scan_char(&sc, ' '))
	{
		/* USA: h[:mm] AM|PM, one blank before the letters, no seconds */
		bool		pm;

		if (sep == '.' || has_seconds)
			return syntax_error("DB2 time", s, n, sc.i - 1, "hh:mm AM", err);
		if (scan_letter(&sc, 'A'))
			pm = false;
		else if (scan_letter(&sc, 'P'))
			pm = true;
		else
			return syntax_error("DB2 time", s, n, sc.i, "hh:mm AM", err);
		if (!scan_letter(&sc, 'M') || !scan_done(&sc))
			return syntax_error("DB2 time", s, n, sc.i, "hh:mm AM", err);
		if (h > 12 || mi > 59 || (h == 0 && (pm || mi != 0)))
			return range_error("DB2 time", s, n,
							   "In USA format the hour is 1 to 12, or 0 only in 00:00 AM.",
							   err);
		if (h == 12)
			h = pm ? 12 : (mi == 0 ? 24 : 0);	/* 12:00 AM is 24.00.00 */
		else if (pm)
			h += 12;
	}
	else if (sep == '\0' || !scan_done(&sc))
		return syntax_error("DB2 time", s, n, sc.i, style_time_format[style], err);
	st = check_time("DB2 time", s, n, h, mi, se, 0, err);
	if (st != ZF_OK)
		return st;
	datetime_clear(out);
	out->hour = h;
	out->minute = mi;
	out->second = se;
	out->has_time = true;
	return ZF_OK;
}

/*
 * DB2 TIMESTAMP EXTERNAL, with or without a time zone.  The time part uses
 * '.' or ':' between its fields (both forms occur in unload files and in
 * the ISO form respectively).
 */
zf_status
zf_parse_db2_timestamp(const char *s, size_t n, zf_datetime *out,
					   zf_error *err)
{
	static const char *const expected =
		"yyyy-mm-dd-hh.mm.ss.nnnnnnnnnnnn or yyyy-mm-dd hh:mm:ss.nnnnnnnnnnnn, with an optional time zone";
	scan		sc;
	int32_t		y = 0, m = 0, d = 0, h = 0, mi = 0, se = 0;
	int64_t		picos = 0;
	int			frac_digits = 0;
	char		c;
	zf_status	st;

	datetime_clear(out);
	scan_init(&sc, s, n);
	if (scan_digits(&sc, 4, 4, &y) == false || !scan_char(&sc, '-') ||
		!scan_digits(&sc, 1, 2, &m) || !scan_char(&sc, '-') ||
		!scan_digits(&sc, 1, 2, &d))
		return syntax_error("DB2 timestamp", s, n, sc.i, expected, err);
	c = scan_peek(&sc);
	if (c != '-' && c != ' ' && c != 'T')
		return syntax_error("DB2 timestamp", s, n, sc.i, expected, err);
	sc.i++;
	if (!scan_digits(&sc, 1, 2, &h))
		return syntax_error("DB2 timestamp", s, n, sc.i, expected, err);
	c = scan_peek(&sc);
	if ((c != '.' && c != ':') || (sc.i++, !scan_digits(&sc, 2, 2, &mi)))
		return syntax_error("DB2 timestamp", s, n, sc.i, expected, err);
	if (!scan_char(&sc, c) || !scan_digits(&sc, 2, 2, &se))
		return syntax_error("DB2 timestamp", s, n, sc.i, expected, err);
	if (scan_char(&sc, '.'))
	{
		while (sc.i < sc.n && sc.s[sc.i] >= '0' && sc.s[sc.i] <= '9')
		{
			if (frac_digits == 12)
				return range_error("DB2 timestamp", s, n,
								   "A timestamp has at most 12 fraction digits.",
								   err);
			picos = picos * 10 + (sc.s[sc.i++] - '0');
			frac_digits++;
		}
		for (int k = frac_digits; k < 12; k++)
			picos *= 10;
	}

	/* optional time zone, after at most one blank */
	if (!scan_done(&sc))
	{
		int32_t		th = 0, tm = 0;
		int			sign;

		scan_char(&sc, ' ');
		c = scan_peek(&sc);
		if (c == 'Z')
		{
			sc.i++;
			out->has_tz = true;
		}
		else if (c == '+' || c == '-')
		{
			sign = c == '-' ? -1 : 1;
			sc.i++;
			if (!scan_digits(&sc, 1, 2, &th))
				return syntax_error("DB2 timestamp", s, n, sc.i, expected, err);
			if (scan_char(&sc, ':') && !scan_digits(&sc, 2, 2, &tm))
				return syntax_error("DB2 timestamp", s, n, sc.i, expected, err);
			if (tm > 59 || th * 60 + tm > 24 * 60)
				return range_error("DB2 timestamp", s, n,
								   "A time zone must be within -24:00 and +24:00.",
								   err);
			out->has_tz = true;
			out->tz_seconds = sign * (th * 3600 + tm * 60);
		}
		if (!out->has_tz || !scan_done(&sc))
			return syntax_error("DB2 timestamp", s, n, sc.i, expected, err);
	}
	st = check_date("DB2 timestamp", s, n, y, m, d, err);
	if (st == ZF_OK)
		st = check_time("DB2 timestamp", s, n, h, mi, se, picos, err);
	if (st != ZF_OK)
		return st;
	out->year = y;
	out->month = m;
	out->day = d;
	out->hour = h;
	out->minute = mi;
	out->second = se;
	out->picos = picos;
	out->frac_digits = (int16_t) frac_digits;
	out->has_date = true;
	out->has_time = true;
	return ZF_OK;
}


/* ---------------------------------------------------------------------
 * Numeric date pictures
 * ---------------------------------------------------------------------
 */

#define DEFAULT_PIVOT_YEAR	50

/*
 * Compile a picture such as "CYYMMDD" or "YYYY-MM-DD": find each element's
 * position; anything that is not a letter is a literal separator.
 */
zf_status
zf_date_picture_compile(const char *picture, zf_date_picture *out,
						zf_error *err)
{
	size_t		len = strlen(picture);

	memset(out, 0, sizeof(*out));
	out->pos_c = out->pos_yyyy = out->pos_yy = -1;
	out->pos_mm = out->pos_dd = out->pos_ddd = -1;
	out->pivot_year = DEFAULT_PIVOT_YEAR;
	if (len == 0 || len >= sizeof(out->text))
		return zf_error_set(err, ZF_E_ARG,
							"date picture must have 1 to %zu characters",
							sizeof(out->text) - 1);
	for (size_t i = 0; i < len; i++)
	{
		char		c = picture[i];

		out->text[i] = (c >= 'a' && c <= 'z') ? (char) (c - 'a' + 'A') : c;
	}
	out->width = (int8_t) len;

	for (size_t i = 0; i < len;)
	{
		char		c = out->text[i];
		size_t		run = 1;
		int8_t	   *slot = NULL;

		if (!(c >= 'A' && c <= 'Z'))
		{
			i++;
			continue;
		}
		while (i + run < len && out->text[i + run] == c)
			run++;
		if (c == 'Y' && run == 4)
			slot = &out->pos_yyyy;
		else if (c == 'Y' && run == 2)
			slot = &out->pos_yy;
		else if (c == 'M' && run == 2)
			slot = &out->pos_mm;
		else if (c == 'D' && run == 2)
			slot = &out->pos_dd;
		else if (c == 'D' && run == 3)
			slot = &out->pos_ddd;
		else if (c == 'C' && run == 1)
			slot = &out->pos_c;
		if (slot == NULL || *slot >= 0)
		{
			zf_error_set(err, ZF_E_SYNTAX, "invalid date picture \"%s\"", picture);
			zf_error_detail(err, "\"%.*s\" at position %zu is not a picture element or appears twice.",
							(int) run, out->text + i, i + 1);
			zf_error_hint(err, "Use YYYY, YY, C, MM, DD or DDD and separators, as in YYYYMMDD, CYYMMDD or YYYY-DDD.");
			zf_error_at(err, 1, (int) i + 1);
			return ZF_E_SYNTAX;
		}
		*slot = (int8_t) i;
		i += run;
	}
	if ((out->pos_yyyy >= 0) == (out->pos_yy >= 0) ||
		(out->pos_c >= 0 && out->pos_yy < 0) ||
		(out->pos_ddd >= 0 ? (out->pos_mm >= 0 || out->pos_dd >= 0)
		 : (out->pos_mm < 0 || out->pos_dd < 0)))
	{
		zf_error_set(err, ZF_E_SYNTAX, "invalid date picture \"%s\"", picture);
		zf_error_detail(err, "A date picture needs one year (YYYY, or YY with an optional C) and either MM and DD or DDD.");
		return ZF_E_SYNTAX;
	}
	return ZF_OK;
}

/* Read "count" digits at position pos of the text; false if not digits. */
static bool
picture_digits(const char *s, int pos, int count, int32_t *v)
{
	int32_t		acc = 0;

	for (int k = 0; k < count; k++)
	{
		char		c = s[pos + k];

		if (c < '0' || c > '9')
			return false;
		acc = acc * 10 + (c - '0');
	}
	*v = acc;
	return true;
}

/* Apply a compiled picture to text of exactly its width. */
static zf_status
date_from_picture_text(const char *s, size_t n, const zf_date_picture *pic,
					   zf_datetime *out, zf_error *err)
{
	int32_t		y = 0, c = 0, m = 0, d = 0, ddd = 0;
	char		why[128];

	for (int k = 0; k < pic->width; k++)
	{
		char		p = pic->text[k];
		bool		letter = p >= 'A' && p <= 'Z';

		if (letter ? !(s[k] >= '0' && s[k] <= '9') : s[k] != p)
		{
			if (err == NULL)
				return ZF_E_BAD_DATA;
			zf_error_set(err, ZF_E_BAD_DATA,
						 "invalid date \"%.*s\" for picture \"%s\"",
						 (int) n, s, pic->text);
			zf_error_detail(err, "Position %d must be %s.", k + 1,
							letter ? "a digit" : "the separator of the picture");
			err->offset = k;
			return ZF_E_BAD_DATA;
		}
	}
	if (pic->pos_yyyy >= 0)
		picture_digits(s, pic->pos_yyyy, 4, &y);
	else
	{
		picture_digits(s, pic->pos_yy, 2, &y);
		if (pic->pos_c >= 0)
		{
			picture_digits(s, pic->pos_c, 1, &c);
			y += 1900 + 100 * c;
		}
		else
			y += y < pic->pivot_year ? 2000 : 1900;
	}
	if (pic->pos_ddd >= 0)
	{
		picture_digits(s, pic->pos_ddd, 3, &ddd);
		if (y < 1 || ddd < 1 || ddd > (is_leap(y) ? 366 : 365))
		{
			snprintf(why, sizeof(why), "Day of year %d is out of range for %04d.", ddd, y);
			if (y < 1)
				snprintf(why, sizeof(why), "Year 0000 does not exist.");
			return range_error("date", s, n, why, err);
		}
		for (m = 1; ddd > days_in_month(y, m); m++)
			ddd -= days_in_month(y, m);
		d = ddd;
	}
	else
	{
		picture_digits(s, pic->pos_mm, 2, &m);
		picture_digits(s, pic->pos_dd, 2, &d);
	}
	if (check_date("date", s, n, y, m, d, err) != ZF_OK)
		return ZF_E_BAD_DATA;
	datetime_set_date(out, y, m, d);
	return ZF_OK;
}

/* Powers of ten that fit an int64_t. */
static const int64_t p10[] = {1, 10, 100, 1000, 10000, 100000, 1000000,
	10000000, 100000000, 1000000000, INT64_C(10000000000),
	INT64_C(100000000000), INT64_C(1000000000000),
	INT64_C(10000000000000), INT64_C(100000000000000),
	INT64_C(1000000000000000), INT64_C(10000000000000000),
	INT64_C(100000000000000000), INT64_C(1000000000000000000)};

/* The count digits of a width-digit number from position pos (0: first). */
static int32_t
number_digits(int64_t value, int width, int pos, int count)
{
	return (int32_t) ((value / p10[width - pos - count]) % p10[count]);
}

/*
 * date_from_picture_text's reading of a valid month-and-day date, taken
 * from the number's digits by arithmetic (no text written): false when
 * the number does not fit the picture's width or the date is not valid,
 * for the text path to explain why.  The caller has checked that the
 * picture is all letters and the number not negative.
 */
static bool
date_from_picture_number(int64_t value, const zf_date_picture *pic,
						 zf_datetime *out)
{
	int			w = pic->width;
	int32_t		y,
				m,
				d;

	if (w > 18 || pic->pos_ddd >= 0 || value >= p10[w])
		return false;
	if (pic->pos_yyyy >= 0)
		y = number_digits(value, w, pic->pos_yyyy, 4);
	else
	{
		y = number_digits(value, w, pic->pos_yy, 2);
		if (pic->pos_c >= 0)
			y += 1900 + 100 * number_digits(value, w, pic->pos_c, 1);
		else
			y += y < pic->pivot_year ? 2000 : 1900;
	}
	m = number_digits(value, w, pic->pos_mm, 2);
	d = number_digits(value, w, pic->pos_dd, 2);
	if (y < 1 || !zf_valid_date(y, m, d))
		return false;
	datetime_set_date(out, y, m, d);
	return true;
}

/*
 * Apply a picture to a number, as a zoned, packed or binary field holds
 * it: the value is written with leading zeros to the picture's width
 * (CYYMMDD 1240331 -> "1240331", YYMMDD 50101 -> "050101").
 */
zf_status
zf_date_from_number(int64_t value, const zf_date_picture *pic,
					zf_datetime *out, zf_error *err)
{
	char		digits[32];
	int64_t		v = value;

	for (int k = 0; k < pic->width; k++)
		if (!(pic->text[k] >= 'A' && pic->text[k] <= 'Z'))
			return zf_error_set(err, ZF_E_ARG,
								"date picture \"%s\" has separators and cannot apply to a number",
								pic->text);
	if (value < 0)
		return zf_error_set(err, ZF_E_BAD_DATA,
							"negative number %lld is not a date",
							(long long) value);
	if (date_from_picture_number(value, pic, out))
		return ZF_OK;
	for (int k = pic->width; k > 0; k--)
	{
		digits[k - 1] = (char) ('0' + v % 10);
		v /= 10;
	}
	if (v != 0)
		return zf_error_set(err, ZF_E_BAD_DATA,
							"number %lld has more digits than date picture \"%s\"",
							(long long) value, pic->text);
	return date_from_picture_text(digits, (size_t) pic->width, pic, out, err);
}

/* Write v as width decimal digits at dst. */
static void
put_digits(char *dst, int width, int32_t v)
{
	for (int k = width; k > 0; k--)
	{
		dst[k - 1] = (char) ('0' + v % 10);
		v /= 10;
	}
}

zf_status
zf_date_to_number(int32_t year, int32_t month, int32_t day,
				  const zf_date_picture *pic, int64_t *out, zf_error *err)
{
	char		digits[32];
	int64_t		v = 0;
	zf_datetime back;

	for (int k = 0; k < pic->width; k++)
	{
		if (!(pic->text[k] >= 'A' && pic->text[k] <= 'Z'))
			return zf_error_set(err, ZF_E_ARG,
								"date picture \"%s\" has separators and cannot make a number",
								pic->text);
		digits[k] = '0';
	}
	if (!zf_valid_date(year, month, day) || year < 1 || year > 9999)
		return zf_error_set(err, ZF_E_OVERFLOW,
							"date %04d-%02d-%02d cannot be written in a date picture",
							year, month, day);
	if (pic->pos_yyyy >= 0)
		put_digits(digits + pic->pos_yyyy, 4, year);
	else
	{
		int32_t		lo,
					hi;

		if (pic->pos_c >= 0)
			lo = 1900, hi = 2899;
		else
			lo = 1900 + pic->pivot_year, hi = lo + 99;
		if (year < lo || year > hi)
		{
			zf_error_set(err, ZF_E_OVERFLOW,
						 "year %d does not fit date picture \"%s\"", year, pic->text);
			zf_error_detail(err, "The picture holds the years %d to %d.", lo, hi);
			return ZF_E_OVERFLOW;
		}
		put_digits(digits + pic->pos_yy, 2, year % 100);
		if (pic->pos_c >= 0)
			put_digits(digits + pic->pos_c, 1, (year - 1900) / 100);
	}
	if (pic->pos_ddd >= 0)
	{
		int32_t		ddd = day;

		for (int32_t m = 1; m < month; m++)
			ddd += days_in_month(year, m);
		put_digits(digits + pic->pos_ddd, 3, ddd);
	}
	if (pic->pos_mm >= 0)
		put_digits(digits + pic->pos_mm, 2, month);
	if (pic->pos_dd >= 0)
		put_digits(digits + pic->pos_dd, 2, day);
	for (int k = 0; k < pic->width; k++)
		v = v * 10 + (digits[k] - '0');
	/* the picture must give the date back, or it cannot hold it */
	if (date_from_picture_text(digits, (size_t) pic->width, pic, &back, NULL) != ZF_OK ||
		back.year != year || back.month != month || back.day != day)
		return zf_error_set(err, ZF_E_OVERFLOW,
							"date %04d-%02d-%02d cannot be written in date picture \"%s\"",
							year, month, day, pic->text);
	*out = v;
	return ZF_OK;
}

/*
 * Apply a picture to text; trailing blanks beyond the picture's width are
 * ignored (not those within it: a picture may end in a blank separator).
 */
zf_status
zf_date_from_text(const char *s, size_t n, const zf_date_picture *pic,
				  zf_datetime *out, zf_error *err)
{
	while (n > (size_t) pic->width && s[n - 1] == ' ')
		n--;
	if (n != (size_t) pic->width)
	{
		zf_error_set(err, ZF_E_BAD_DATA,
					 "invalid date \"%.*s\" for picture \"%s\"",
					 (int) (n > 64 ? 64 : n), s, pic->text);
		zf_error_detail(err, "The text has %zu characters, the picture %d.",
						n, pic->width);
		return ZF_E_BAD_DATA;
	}
	return date_from_picture_text(s, n, pic, out, err);
}


/* ---------------------------------------------------------------------
 * TOD clock
 * ---------------------------------------------------------------------
 */

/*
 * TOD clock formats to Unix microseconds.  In the TOD clock bit 51 is one
 * microsecond; STCKE prefixes an epoch-index byte (bits above the TOD
 * clock) and extends it to 104 bits.  So for every format the microseconds
 * since 1900 are the bits down to TOD bit 51, and the bits below are a
 * binary fraction of a microsecond, truncated here to whole picoseconds.
 */
zf_status
zf_tod_to_unix_usec(const uint8_t *p, size_t len, int32_t leap_seconds,
					int64_t *usec, int64_t *sub_usec_picos, zf_error *err)
{
	unsigned __int128 v = 0;
	int			frac_bits;		/* bits below one microsecond */
	int			data_bytes;		/* bytes holding the clock */
	uint64_t	micros;
	unsigned __int128 frac;

	switch (len)
	{
		case 8:					/* STCK: TOD bits 0-63 */
			data_bytes = 8, frac_bits = 12;
			break;
		case 6:					/* LRSN: TOD bits 0-47 */
			data_bytes = 6, frac_bits = -4;
			break;
		case 16:				/* STCKE: epoch, TOD bits 0-103, 2 more */
			data_bytes = 14, frac_bits = 52;
			break;
		case 10:				/* extended LRSN: epoch, TOD bits 0-71 */
			data_bytes = 10, frac_bits = 20;
			break;
		default:
			zf_error_set(err, ZF_E_ARG, "invalid TOD clock length %zu", len);
			zf_error_detail(err, "The length must be 8 (STCK), 16 (STCKE), 6 (LRSN) or 10 (extended LRSN) bytes.");
			return ZF_E_ARG;
	}
	for (int i = 0; i < data_bytes; i++)
		v = (v << 8) | p[i];
	if (frac_bits >= 0)
	{
		micros = (uint64_t) (v >> frac_bits);
		frac = v & ((((unsigned __int128) 1) << frac_bits) - 1);
		if (sub_usec_picos)
			*sub_usec_picos = (int64_t) ((frac * 1000000) >> frac_bits);
	}
	else
	{
		micros = (uint64_t) (v << -frac_bits);
		if (sub_usec_picos)
			*sub_usec_picos = 0;
	}
	/* at most 2^60 microseconds (epoch index 255): no int64 overflow */
	*usec = (int64_t) micros - TOD_UNIX_EPOCH_USEC -
		(int64_t) leap_seconds * 1000000;
	return ZF_OK;
}
