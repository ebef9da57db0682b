/*-------------------------------------------------------------------------
 *
 * test_datetime.c
 *	  Unit tests for DB2 external dates, times and timestamps, numeric
 *	  date pictures and TOD clock values (datetime.c).
 *
 * Formats follow IBM's Db2 for z/OS "String representations of datetime
 * values" and "Datetime constants"; TOD values are checked against the
 * table IBM publishes in the Workload Scheduler documentation ("TOD
 * fields": 1976 = 8853BAF0B4000000, 1980 = 8F809FD322000000, 2000 =
 * B361183F48000000) and against hand arithmetic written next to each.
 *
 *-------------------------------------------------------------------------
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "decode/datetime.h"

/* ---------------------------------------------------------------------
 * Calendar
 * ---------------------------------------------------------------------
 */

/*
 * Days from 1970-01-01:
 *	2000-03-01: 30 years with 7 leap days (1972..1996) = 10957, + 31 + 29
 *	1900-01-01: 70 years with 17 leap days (1904..1968) = 25567 before
 *	0001-01-01: 1969 years; 477 leap days (1969/4 - 1969/100 + 1969/400 =
 *	492 - 19 + 4) -> 1969 * 365 + 477 = 719162 before
 *	9999-12-31: 0001-01-01 .. 9999-12-31 are 9999 * 365 days plus 2424 leap
 *	days (2499 - 99 + 24) = 3652059 days, so it is day 3652058 after
 *	0001-01-01, and 3652058 - 719162 = 2932896 after 1970-01-01
 */
static void
test_days_from_civil(void **state)
{
	(void) state;
	assert_int_equal(zf_days_from_civil(1970, 1, 1), 0);
	assert_int_equal(zf_days_from_civil(1970, 1, 2), 1);
	assert_int_equal(zf_days_from_civil(1969, 12, 31), -1);
	assert_int_equal(zf_days_from_civil(2000, 1, 1), 10957);
	assert_int_equal(zf_days_from_civil(2000, 3, 1), 11017);
	assert_int_equal(zf_days_from_civil(1900, 1, 1), -25567);
	assert_int_equal(zf_days_from_civil(1, 1, 1), -719162);
	assert_int_equal(zf_days_from_civil(9999, 12, 31), 2932896);
	assert_int_equal(zf_days_from_civil(2024, 3, 1) - zf_days_from_civil(2024, 2, 28), 2);
	assert_int_equal(zf_days_from_civil(2023, 3, 1) - zf_days_from_civil(2023, 2, 28), 1);
	assert_int_equal(zf_days_from_civil(2100, 3, 1) - zf_days_from_civil(2100, 2, 28), 1);
	/* consecutive dates over four centuries are consecutive day numbers */
	{
		int64_t		expect = zf_days_from_civil(1899, 12, 31) + 1;

		for (int y = 1900; y < 2300; y++)
			for (int m = 1; m <= 12; m++)
				for (int d = 1; d <= 31; d++)
					if (zf_valid_date(y, m, d))
						assert_int_equal(zf_days_from_civil(y, m, d), expect++);
		assert_int_equal(expect - zf_days_from_civil(1900, 1, 1), 146097);
	}
}

/* Leap years: divisible by 4, except centuries not divisible by 400. */
static void
test_valid_date(void **state)
{
	(void) state;
	assert_true(zf_valid_date(2024, 2, 29));
	assert_false(zf_valid_date(2023, 2, 29));
	assert_false(zf_valid_date(1900, 2, 29));
	assert_true(zf_valid_date(2000, 2, 29));
	assert_false(zf_valid_date(2100, 2, 29));
	assert_true(zf_valid_date(2023, 12, 31));
	assert_false(zf_valid_date(2023, 13, 1));
	assert_false(zf_valid_date(2023, 0, 1));
	assert_false(zf_valid_date(2023, 4, 31));
	assert_false(zf_valid_date(2023, 1, 0));
	assert_false(zf_valid_date(2023, 1, 32));
}


/* ---------------------------------------------------------------------
 * DB2 DATE
 * ---------------------------------------------------------------------
 */

static void
date_ok(const char *s, zf_datestyle style, int y, int m, int d)
{
	zf_datetime dt;
	zf_error	err;

	if (zf_parse_db2_date(s, strlen(s), style, &dt, &err) != ZF_OK)
		fail_msg("\"%s\": %s (%s)", s, err.message, err.detail);
	assert_int_equal(dt.year, y);
	assert_int_equal(dt.month, m);
	assert_int_equal(dt.day, d);
	assert_true(dt.has_date);
	assert_false(dt.has_time);
}

static zf_status
date_bad(const char *s, zf_datestyle style, zf_error *err)
{
	zf_datetime dt;

	return zf_parse_db2_date(s, strlen(s), style, &dt, err);
}

/* ISO yyyy-mm-dd, USA mm/dd/yyyy, EUR dd.mm.yyyy, JIS yyyy-mm-dd. */
static void
test_db2_date_styles(void **state)
{
	(void) state;
	date_ok("2024-03-31", ZF_DATESTYLE_ISO, 2024, 3, 31);
	date_ok("03/31/2024", ZF_DATESTYLE_USA, 2024, 3, 31);
	date_ok("31.03.2024", ZF_DATESTYLE_EUR, 2024, 3, 31);
	date_ok("2024-03-31", ZF_DATESTYLE_JIS, 2024, 3, 31);
	date_ok("2024-03-31", ZF_DATESTYLE_ANY, 2024, 3, 31);
	date_ok("03/31/2024", ZF_DATESTYLE_ANY, 2024, 3, 31);
	date_ok("31.03.2024", ZF_DATESTYLE_ANY, 2024, 3, 31);
	/* Db2 reads any of its formats by punctuation, whatever the default */
	date_ok("31.03.2024", ZF_DATESTYLE_ISO, 2024, 3, 31);
	/* leading zeros of month and day may be omitted */
	date_ok("2024-3-5", ZF_DATESTYLE_ISO, 2024, 3, 5);
	date_ok("3/5/2024", ZF_DATESTYLE_USA, 2024, 3, 5);
	date_ok("5.3.2024", ZF_DATESTYLE_EUR, 2024, 3, 5);
	/* blanks around are ignored (CHAR fields are blank padded) */
	date_ok("  2024-03-31   ", ZF_DATESTYLE_ISO, 2024, 3, 31);
	/* the DB2 range and leap days */
	date_ok("0001-01-01", ZF_DATESTYLE_ISO, 1, 1, 1);
	date_ok("9999-12-31", ZF_DATESTYLE_ISO, 9999, 12, 31);
	date_ok("2000-02-29", ZF_DATESTYLE_ISO, 2000, 2, 29);
	date_ok("02/29/2024", ZF_DATESTYLE_USA, 2024, 2, 29);
}

/* Impossible dates and bad syntax are ZF_E_BAD_DATA with a reason. */
static void
test_db2_date_invalid(void **state)
{
	zf_error	err;

	(void) state;
	assert_int_equal(date_bad("2023-02-29", ZF_DATESTYLE_ISO, &err), ZF_E_BAD_DATA);
	assert_string_equal(err.message, "invalid DB2 date \"2023-02-29\"");
	assert_string_equal(err.detail, "Day 29 is out of range: 2023-02 has 28 days.");
	assert_int_equal(date_bad("1900-02-29", ZF_DATESTYLE_ISO, &err), ZF_E_BAD_DATA);
	assert_int_equal(date_bad("2024-13-01", ZF_DATESTYLE_ISO, &err), ZF_E_BAD_DATA);
	assert_string_equal(err.detail, "Month 13 is out of range.");
	assert_int_equal(date_bad("2024-00-10", ZF_DATESTYLE_ISO, &err), ZF_E_BAD_DATA);
	assert_int_equal(date_bad("2024-04-31", ZF_DATESTYLE_ISO, &err), ZF_E_BAD_DATA);
	assert_int_equal(date_bad("2024-04-00", ZF_DATESTYLE_ISO, &err), ZF_E_BAD_DATA);
	assert_int_equal(date_bad("0000-01-01", ZF_DATESTYLE_ISO, &err), ZF_E_BAD_DATA);
	assert_int_equal(date_bad("13/01/2024", ZF_DATESTYLE_USA, &err), ZF_E_BAD_DATA);
	assert_int_equal(date_bad("2024/03/31", ZF_DATESTYLE_ISO, &err), ZF_E_BAD_DATA);
	assert_string_equal(err.detail, "Expected the format yyyy-mm-dd.");
	assert_int_equal(date_bad("24-03-31", ZF_DATESTYLE_ISO, &err), ZF_E_BAD_DATA);
	assert_int_equal(date_bad("2024-03-31x", ZF_DATESTYLE_ISO, &err), ZF_E_BAD_DATA);
	assert_int_equal(err.offset, 10);
	assert_int_equal(date_bad("2024-003-31", ZF_DATESTYLE_ISO, &err), ZF_E_BAD_DATA);
	assert_int_equal(date_bad("", ZF_DATESTYLE_ISO, &err), ZF_E_BAD_DATA);
	assert_int_equal(date_bad("          ", ZF_DATESTYLE_USA, &err), ZF_E_BAD_DATA);
	assert_string_equal(err.detail, "Expected the format mm/dd/yyyy.");
	assert_int_equal(date_bad("2024-03-31", 9, &err), ZF_E_ARG);
	assert_int_equal(date_bad("2024-02-30", ZF_DATESTYLE_ISO, NULL), ZF_E_BAD_DATA);
}


/* ---------------------------------------------------------------------
 * DB2 TIME
 * ---------------------------------------------------------------------
 */

static void
time_ok(const char *s, zf_datestyle style, int h, int mi, int se)
{
	zf_datetime dt;
	zf_error	err;

	if (zf_parse_db2_time(s, strlen(s), style, &dt, &err) != ZF_OK)
		fail_msg("\"%s\": %s (%s)", s, err.message, err.detail);
	assert_int_equal(dt.hour, h);
	assert_int_equal(dt.minute, mi);
	assert_int_equal(dt.second, se);
	assert_true(dt.has_time);
	assert_false(dt.has_date);
}

static zf_status
time_bad(const char *s, zf_error *err)
{
	zf_datetime dt;

	return zf_parse_db2_time(s, strlen(s), ZF_DATESTYLE_ANY, &dt, err);
}

/*
 * ISO and EUR hh.mm.ss, JIS hh:mm:ss, USA hh:mm AM/PM.  USA hours per
 * IBM's table: 12:01 AM-12:59 AM are 00.01-00.59, 12:00 PM is 12.00,
 * 12:00 AM (midnight) is 24.00.00 and 00:00 AM is 00.00.00.
 */
static void
test_db2_time_styles(void **state)
{
	(void) state;
	time_ok("13.45.00", ZF_DATESTYLE_ISO, 13, 45, 0);
	time_ok("13.45.07", ZF_DATESTYLE_EUR, 13, 45, 7);
	time_ok("13:45:07", ZF_DATESTYLE_JIS, 13, 45, 7);
	time_ok("13:45:07", ZF_DATESTYLE_ISO, 13, 45, 7);
	time_ok("01:45 PM", ZF_DATESTYLE_USA, 13, 45, 0);
	time_ok("01:45 AM", ZF_DATESTYLE_USA, 1, 45, 0);
	time_ok("1:45 pm", ZF_DATESTYLE_USA, 13, 45, 0);
	time_ok("1 PM", ZF_DATESTYLE_USA, 13, 0, 0);
	time_ok("11:59 PM", ZF_DATESTYLE_USA, 23, 59, 0);
	time_ok("12:00 PM", ZF_DATESTYLE_USA, 12, 0, 0);
	time_ok("12:30 PM", ZF_DATESTYLE_USA, 12, 30, 0);
	time_ok("12:01 AM", ZF_DATESTYLE_USA, 0, 1, 0);
	time_ok("12:00 AM", ZF_DATESTYLE_USA, 24, 0, 0);
	time_ok("00:00 AM", ZF_DATESTYLE_USA, 0, 0, 0);
	time_ok("01:45 PM", ZF_DATESTYLE_ANY, 13, 45, 0);
	/* the hour's leading zero and the seconds may be omitted */
	time_ok("9.30", ZF_DATESTYLE_ISO, 9, 30, 0);
	time_ok("9:30:15", ZF_DATESTYLE_JIS, 9, 30, 15);
	time_ok("24.00.00", ZF_DATESTYLE_ISO, 24, 0, 0);
	time_ok("00.00.00", ZF_DATESTYLE_ISO, 0, 0, 0);
	time_ok(" 23.59.59 ", ZF_DATESTYLE_EUR, 23, 59, 59);
}

static void
test_db2_time_invalid(void **state)
{
	zf_error	err;

	(void) state;
	assert_int_equal(time_bad("24.00.01", &err), ZF_E_BAD_DATA);
	assert_string_equal(err.detail, "Hour 24 is allowed only as 24.00.00 exactly.");
	assert_int_equal(time_bad("25.00.00", &err), ZF_E_BAD_DATA);
	assert_int_equal(time_bad("13.60.00", &err), ZF_E_BAD_DATA);
	assert_int_equal(time_bad("13.45.60", &err), ZF_E_BAD_DATA);
	assert_int_equal(time_bad("13:45 PM", &err), ZF_E_BAD_DATA);
	assert_int_equal(time_bad("00:30 AM", &err), ZF_E_BAD_DATA);
	assert_int_equal(time_bad("00:00 PM", &err), ZF_E_BAD_DATA);
	assert_int_equal(time_bad("1.45 PM", &err), ZF_E_BAD_DATA);
	assert_int_equal(time_bad("01:45:00 PM", &err), ZF_E_BAD_DATA);
	assert_int_equal(time_bad("01:45  PM", &err), ZF_E_BAD_DATA);
	assert_int_equal(time_bad("01:45 XM", &err), ZF_E_BAD_DATA);
	assert_int_equal(time_bad("13", &err), ZF_E_BAD_DATA);
	assert_int_equal(time_bad("13.4", &err), ZF_E_BAD_DATA);
	assert_int_equal(time_bad("13.45.0", &err), ZF_E_BAD_DATA);
	assert_int_equal(time_bad("13.45:00", &err), ZF_E_BAD_DATA);
	assert_int_equal(time_bad("", &err), ZF_E_BAD_DATA);
	assert_string_equal(err.message, "invalid DB2 time \"\"");
}


/* ---------------------------------------------------------------------
 * DB2 TIMESTAMP
 * ---------------------------------------------------------------------
 */

static zf_datetime
ts_ok(const char *s)
{
	zf_datetime dt;
	zf_error	err;

	if (zf_parse_db2_timestamp(s, strlen(s), &dt, &err) != ZF_OK)
		fail_msg("\"%s\": %s (%s)", s, err.message, err.detail);
	assert_true(dt.has_date && dt.has_time);
	return dt;
}

static zf_status
ts_bad(const char *s, zf_error *err)
{
	zf_datetime dt;

	return zf_parse_db2_timestamp(s, strlen(s), &dt, err);
}

static void
test_db2_timestamp(void **state)
{
	zf_datetime dt;

	(void) state;
	/* the DB2 external form with all 12 fraction digits */
	dt = ts_ok("2024-03-31-13.45.07.123456789012");
	assert_int_equal(dt.year, 2024);
	assert_int_equal(dt.month, 3);
	assert_int_equal(dt.day, 31);
	assert_int_equal(dt.hour, 13);
	assert_int_equal(dt.minute, 45);
	assert_int_equal(dt.second, 7);
	assert_int_equal(dt.picos, 123456789012LL);
	assert_int_equal(dt.frac_digits, 12);
	assert_false(dt.has_tz);
	/* the usual 6 digits: microseconds, scaled to picoseconds */
	dt = ts_ok("2024-03-31-13.45.07.000001");
	assert_int_equal(dt.picos, 1000000);
	assert_int_equal(dt.frac_digits, 6);
	dt = ts_ok("2024-03-31-13.45.07");
	assert_int_equal(dt.picos, 0);
	assert_int_equal(dt.frac_digits, 0);
	dt = ts_ok("2024-03-31-13.45.07.");
	assert_int_equal(dt.frac_digits, 0);
	/* the ISO forms */
	dt = ts_ok("2024-03-31 13:45:07.5");
	assert_int_equal(dt.picos, 500000000000LL);
	assert_int_equal(dt.frac_digits, 1);
	dt = ts_ok("2024-03-31T13:45:07");
	assert_int_equal(dt.hour, 13);
	dt = ts_ok("  2024-3-5-9.05.00.000000  ");
	assert_int_equal(dt.month, 3);
	assert_int_equal(dt.day, 5);
	assert_int_equal(dt.hour, 9);
	assert_int_equal(dt.minute, 5);
	/* leap day, midnight at 24 */
	dt = ts_ok("2024-02-29-00.00.00.000000");
	assert_int_equal(dt.day, 29);
	dt = ts_ok("2024-03-31-24.00.00.000000000000");
	assert_int_equal(dt.hour, 24);
	/* TIMESTAMP WITH TIME ZONE */
	dt = ts_ok("2024-03-31-13.45.07.000000+05:30");
	assert_true(dt.has_tz);
	assert_int_equal(dt.tz_seconds, 5 * 3600 + 30 * 60);
	dt = ts_ok("2024-03-31 13:45:07.123 -08:00");
	assert_int_equal(dt.tz_seconds, -8 * 3600);
	assert_int_equal(dt.picos, 123000000000LL);
	dt = ts_ok("2024-03-31-13.45.07Z");
	assert_true(dt.has_tz);
	assert_int_equal(dt.tz_seconds, 0);
	dt = ts_ok("2024-03-31-13.45.07+5");
	assert_int_equal(dt.tz_seconds, 5 * 3600);
	dt = ts_ok("2024-03-31-13.45.07-24:00");
	assert_int_equal(dt.tz_seconds, -24 * 3600);
}

static void
test_db2_timestamp_invalid(void **state)
{
	zf_error	err;

	(void) state;
	assert_int_equal(ts_bad("2023-02-29-00.00.00.000000", &err), ZF_E_BAD_DATA);
	assert_string_equal(err.detail, "Day 29 is out of range: 2023-02 has 28 days.");
	assert_int_equal(ts_bad("2100-02-29-00.00.00", &err), ZF_E_BAD_DATA);
	assert_int_equal(ts_bad("2024-13-01-00.00.00", &err), ZF_E_BAD_DATA);
	assert_int_equal(ts_bad("2024-03-31-24.00.00.000001", &err), ZF_E_BAD_DATA);
	assert_int_equal(ts_bad("2024-03-31-13.45.07.1234567890123", &err), ZF_E_BAD_DATA);
	assert_string_equal(err.detail, "A timestamp has at most 12 fraction digits.");
	assert_int_equal(ts_bad("2024-03-31-13.45", &err), ZF_E_BAD_DATA);
	assert_int_equal(ts_bad("2024-03-31", &err), ZF_E_BAD_DATA);
	assert_int_equal(ts_bad("2024-03-31-13.45.07+25:00", &err), ZF_E_BAD_DATA);
	assert_string_equal(err.detail, "A time zone must be within -24:00 and +24:00.");
	assert_int_equal(ts_bad("2024-03-31-13.45.07+05:60", &err), ZF_E_BAD_DATA);
	assert_int_equal(ts_bad("2024-03-31-13.45.07+05:3", &err), ZF_E_BAD_DATA);
	assert_int_equal(ts_bad("2024-03-31-13.45.07  +05:00", &err), ZF_E_BAD_DATA);
	assert_int_equal(ts_bad("2024-03-31-13.45.07 x", &err), ZF_E_BAD_DATA);
	assert_int_equal(ts_bad("2024-03-31/13.45.07", &err), ZF_E_BAD_DATA);
	assert_int_equal(ts_bad("2024-03-31-13.61.07", &err), ZF_E_BAD_DATA);
	assert_int_equal(ts_bad("", &err), ZF_E_BAD_DATA);
	assert_int_equal(ts_bad("2024-03-31-13.45.07.12a", NULL), ZF_E_BAD_DATA);
}


/* ---------------------------------------------------------------------
 * Numeric date pictures
 * ---------------------------------------------------------------------
 */

static zf_date_picture
picture(const char *text)
{
	zf_date_picture pic;
	zf_error	err;

	if (zf_date_picture_compile(text, &pic, &err) != ZF_OK)
		fail_msg("%s: %s", text, err.message);
	return pic;
}

static void
number_ok(const char *pic_text, int64_t value, int y, int m, int d)
{
	zf_date_picture pic = picture(pic_text);
	zf_datetime dt;
	zf_error	err;

	if (zf_date_from_number(value, &pic, &dt, &err) != ZF_OK)
		fail_msg("%s %lld: %s (%s)", pic_text, (long long) value, err.message, err.detail);
	assert_int_equal(dt.year, y);
	assert_int_equal(dt.month, m);
	assert_int_equal(dt.day, d);
	assert_true(dt.has_date);
}

static zf_status
number_bad(const char *pic_text, int64_t value, zf_error *err)
{
	zf_date_picture pic = picture(pic_text);
	zf_datetime dt;

	return zf_date_from_number(value, &pic, &dt, err);
}

static void
test_picture_compile(void **state)
{
	zf_date_picture pic;
	zf_error	err;

	(void) state;
	pic = picture("CYYMMDD");
	assert_int_equal(pic.width, 7);
	assert_int_equal(pic.pos_c, 0);
	assert_int_equal(pic.pos_yy, 1);
	assert_int_equal(pic.pos_mm, 3);
	assert_int_equal(pic.pos_dd, 5);
	assert_int_equal(pic.pos_yyyy, -1);
	assert_int_equal(pic.pos_ddd, -1);
	pic = picture("yyyy-ddd");
	assert_string_equal(pic.text, "YYYY-DDD");
	assert_int_equal(pic.pos_yyyy, 0);
	assert_int_equal(pic.pos_ddd, 5);
	pic = picture("DD/MM/YYYY");
	assert_int_equal(pic.pos_dd, 0);
	assert_int_equal(pic.pos_mm, 3);
	assert_int_equal(pic.pos_yyyy, 6);
	assert_int_equal(pic.pivot_year, 50);

	assert_int_equal(zf_date_picture_compile("YYYMMDD", &pic, &err), ZF_E_SYNTAX);
	assert_string_equal(err.message, "invalid date picture \"YYYMMDD\"");
	assert_int_equal(err.column, 1);
	assert_int_equal(zf_date_picture_compile("YYYYMM", &pic, &err), ZF_E_SYNTAX);
	assert_int_equal(zf_date_picture_compile("YYYYMMDDD", &pic, &err), ZF_E_SYNTAX);
	assert_int_equal(zf_date_picture_compile("CYYYYMMDD", &pic, &err), ZF_E_SYNTAX);
	assert_int_equal(zf_date_picture_compile("YYYYMMDDYY", &pic, &err), ZF_E_SYNTAX);
	assert_int_equal(zf_date_picture_compile("YYYYMMDDMM", &pic, &err), ZF_E_SYNTAX);
	assert_int_equal(zf_date_picture_compile("YYYYXXDD", &pic, &err), ZF_E_SYNTAX);
	assert_int_equal(err.column, 5);
	assert_int_equal(zf_date_picture_compile("", &pic, &err), ZF_E_ARG);
	assert_int_equal(zf_date_picture_compile("YYYY-MM-DD-----------------------", &pic, &err), ZF_E_ARG);
}

/*
 * A number through a picture reads as its digits, zero-padded to the
 * picture's width, read as text do: the same date or the same error, for
 * every picture kind and for numbers near and far from valid dates (the
 * number path computes valid dates without writing the text).
 */
static void
test_picture_number_as_text(void **state)
{
	static const char *const pics[] = {"YYYYMMDD", "CYYMMDD", "YYMMDD", "DDMMYYYY",
	"MMDDYY", "YYYYDDD", "DDMMYY", "MMDDYYYY"};
	uint64_t	seed = 88172645463325252ULL;

	(void) state;
	for (size_t i = 0; i < sizeof(pics) / sizeof(pics[0]); i++)
	{
		zf_date_picture pic = picture(pics[i]);
		int64_t		limit = 1;

		for (int k = 0; k < pic.width; k++)
			limit *= 10;
		for (int n = 0; n < 200000; n++)
		{
			int64_t		value;
			char		text[32];
			zf_datetime a,
						b;
			zf_error	ea,
						eb;
			zf_status	sa,
						sb;

			seed ^= seed << 13;
			seed ^= seed >> 7;
			seed ^= seed << 17;
			/* half anywhere, half with each two digits at most 32 */
			if (n % 2 == 0)
				value = (int64_t) (seed % (uint64_t) limit);
			else
			{
				value = 0;
				for (int k = 0; k < pic.width; k += 2)
					value = value * 100 + (int64_t) ((seed >> (k * 3)) % 33);
				value %= limit;
			}
			snprintf(text, sizeof(text), "%0*lld", pic.width, (long long) value);
			memset(&a, 0x55, sizeof(a));
			memset(&b, 0x55, sizeof(b));
			zf_error_clear(&ea);
			zf_error_clear(&eb);
			sa = zf_date_from_number(value, &pic, &a, &ea);
			sb = zf_date_from_text(text, strlen(text), &pic, &b, &eb);
			if (sa != sb)
				fail_msg("%s %s: %d against %d", pics[i], text, (int) sa, (int) sb);
			if (sa == ZF_OK)
				assert_memory_equal(&a, &b, sizeof(a));
			else
				assert_string_equal(ea.message, eb.message);
		}
	}
}

/*
 * Numbers through pictures.  Day-of-year arithmetic: 2024060 is Jan 31 +
 * 29 = Feb 29 in the leap year 2024, 2023060 is Mar 1; CYY: C 0 = 19xx,
 * 1 = 20xx; YY pivots at 50: 49 -> 2049, 50 -> 1950.
 */
static void
test_picture_numbers(void **state)
{
	zf_error	err;

	(void) state;
	number_ok("YYYYMMDD", 20240331, 2024, 3, 31);
	number_ok("CYYMMDD", 1240331, 2024, 3, 31);
	number_ok("CYYMMDD", 991231, 1999, 12, 31);		/* leading zero: C = 0 */
	number_ok("YYYYDDD", 2024060, 2024, 2, 29);
	number_ok("YYYYDDD", 2023060, 2023, 3, 1);
	number_ok("YYYYDDD", 2024366, 2024, 12, 31);
	number_ok("YYYYDDD", 2023001, 2023, 1, 1);
	number_ok("YYDDD", 24001, 2024, 1, 1);
	number_ok("YYDDD", 99365, 1999, 12, 31);
	number_ok("CYYDDD", 124366, 2024, 12, 31);
	number_ok("CYYDDD", 99032, 1999, 2, 1);
	number_ok("MMDDYYYY", 3312024, 2024, 3, 31);
	number_ok("DDMMYYYY", 31032024, 2024, 3, 31);
	number_ok("YYMMDD", 491231, 2049, 12, 31);
	number_ok("YYMMDD", 500101, 1950, 1, 1);
	number_ok("YYMMDD", 10101, 2001, 1, 1);
	number_ok("YYYYMMDD", 20000229, 2000, 2, 29);

	assert_int_equal(number_bad("YYYYMMDD", 20230229, &err), ZF_E_BAD_DATA);
	assert_string_equal(err.detail, "Day 29 is out of range: 2023-02 has 28 days.");
	assert_int_equal(number_bad("YYYYMMDD", 20231301, &err), ZF_E_BAD_DATA);
	assert_int_equal(number_bad("YYYYMMDD", 0, &err), ZF_E_BAD_DATA);
	assert_int_equal(number_bad("YYYYMMDD", -20240331, &err), ZF_E_BAD_DATA);
	assert_int_equal(number_bad("YYYYMMDD", 120240331, &err), ZF_E_BAD_DATA);
	assert_int_equal(number_bad("YYYYDDD", 2023366, &err), ZF_E_BAD_DATA);
	assert_string_equal(err.detail, "Day of year 366 is out of range for 2023.");
	assert_int_equal(number_bad("YYYYDDD", 2023000, &err), ZF_E_BAD_DATA);
	assert_int_equal(number_bad("YYYY-MM-DD", 20240331, &err), ZF_E_ARG);
}

static void
test_picture_text(void **state)
{
	zf_date_picture iso = picture("YYYY-MM-DD");
	zf_date_picture eur = picture("DD/MM/YYYY");
	zf_date_picture plain = picture("YYYYMMDD");
	zf_datetime dt;
	zf_error	err;

	(void) state;
	assert_int_equal(zf_date_from_text("2024-03-31", 10, &iso, &dt, &err), ZF_OK);
	assert_int_equal(dt.year, 2024);
	assert_int_equal(dt.month, 3);
	assert_int_equal(dt.day, 31);
	assert_int_equal(zf_date_from_text("31/03/2024", 10, &eur, &dt, &err), ZF_OK);
	assert_int_equal(dt.day, 31);
	assert_int_equal(zf_date_from_text("20240331  ", 10, &plain, &dt, &err), ZF_OK);
	assert_int_equal(dt.month, 3);
	assert_int_equal(zf_date_from_text("2024/03/31", 10, &iso, &dt, &err), ZF_E_BAD_DATA);
	assert_int_equal(err.offset, 4);
	assert_int_equal(zf_date_from_text("2024-0A-31", 10, &iso, &dt, &err), ZF_E_BAD_DATA);
	assert_string_equal(err.detail, "Position 7 must be a digit.");
	assert_int_equal(zf_date_from_text("2024033", 7, &plain, &dt, &err), ZF_E_BAD_DATA);
	assert_int_equal(zf_date_from_text("        ", 8, &plain, &dt, &err), ZF_E_BAD_DATA);
	assert_int_equal(zf_date_from_text("2024-02-30", 10, &iso, &dt, NULL), ZF_E_BAD_DATA);

	/*
	 * A picture that ends in a blank separator matches text of its width
	 * (fuzz_datetime: the blank was trimmed from the text, so such a
	 * picture could never match).
	 */
	{
		zf_date_picture blank = picture("DDD YY ");

		assert_int_equal(zf_date_from_text("061 24 ", 7, &blank, &dt, &err), ZF_OK);
		assert_int_equal(dt.year, 2024);
		assert_int_equal(dt.month, 3);
		assert_int_equal(dt.day, 1);
		assert_int_equal(zf_date_from_text("061 24    ", 10, &blank, &dt, &err), ZF_OK);
		assert_int_equal(zf_date_from_text("061 24", 6, &blank, &dt, &err), ZF_E_BAD_DATA);
	}
}


/* ---------------------------------------------------------------------
 * TOD clock
 * ---------------------------------------------------------------------
 */

static void
tod(const char *hex, int32_t leap, int64_t want_usec, int64_t want_picos)
{
	uint8_t		b[16];
	size_t		n = strlen(hex) / 2;
	int64_t		usec = 42, picos = 42;
	zf_error	err;

	for (size_t i = 0; i < n; i++)
	{
		unsigned	v;

		assert_int_equal(sscanf(hex + 2 * i, "%2x", &v), 1);
		b[i] = (uint8_t) v;
	}
	if (zf_tod_to_unix_usec(b, n, leap, &usec, &picos, &err) != ZF_OK)
		fail_msg("%s: %s", hex, err.message);
	assert_int_equal(usec, want_usec);
	assert_int_equal(picos, want_picos);
}

/* Unix microseconds of a UTC date and time. */
static int64_t
unix_usec(int y, int m, int d, int hh, int mi, int ss, int us)
{
	return ((zf_days_from_civil(y, m, d) * 86400 + hh * 3600 + mi * 60 + ss) *
			INT64_C(1000000)) + us;
}

/*
 * STCK: bit 51 is one microsecond, so the value is microseconds since
 * 1900-01-01 shifted left by 12.
 *	1970-01-01: 25567 days * 86400 s = 2208988800 s = 2208988800000000 us;
 *	<< 12 = 0x7D91048BCA000000.
 *	1976-01-01, 1980-01-01, 2000-01-01: IBM's published table (above),
 *	the same arithmetic gives 189302400 s, 315532800 s and 946684800 s
 *	after 1970.
 *	Low 12 bits 0x800 = 2048/4096 us = 0.5 us = 500000 ps; 0x001 =
 *	1/4096 us = 244.140625 ps, truncated to 244.
 *	The 64-bit clock runs out at 2^52 us after 1900: 2042-09-17
 *	23:53:47.370496 UTC, as IBM documents.
 */
static void
test_tod_stck(void **state)
{
	(void) state;
	tod("0000000000000000", 0, -INT64_C(2208988800000000), 0);
	tod("0000000000000000", 0, unix_usec(1900, 1, 1, 0, 0, 0, 0), 0);
	tod("7D91048BCA000000", 0, 0, 0);
	tod("7D91048BCA001000", 0, 1, 0);
	tod("7D91048BCA000800", 0, 0, 500000);
	tod("7D91048BCA000001", 0, 0, 244);
	tod("8853BAF0B4000000", 0, unix_usec(1976, 1, 1, 0, 0, 0, 0), 0);
	tod("8F809FD322000000", 0, unix_usec(1980, 1, 1, 0, 0, 0, 0), 0);
	tod("B361183F48000000", 0, unix_usec(2000, 1, 1, 0, 0, 0, 0), 0);
	tod("B361183F48000000", 0, INT64_C(946684800000000), 0);
	/*
	 * one day is 0x141DD76000000 in TOD units (IBM's table):
	 * B361183F48000000 + 141DD76000000 = B3625A1CBE000000
	 */
	tod("B3625A1CBE000000", 0, unix_usec(2000, 1, 2, 0, 0, 0, 0), 0);
	/* leap seconds are subtracted as given: 27 s after 2017 */
	tod("7D91048BCA000000", 27, -27000000, 0);
	tod("FFFFFFFFFFFFF000", 0, unix_usec(2042, 9, 17, 23, 53, 47, 370495), 0);
}

/*
 * STCKE: epoch index byte, TOD bits 0-103, 16 programmable bits.
 *	00 | 7D91048BCA000000 | ... = the STCK value above.
 *	Byte 9 = 0x80 is TOD bit 64 = 2^(51-64) us = 2^-13 us = 122.0703125 ps.
 *	Epoch index 01 starts where STCK wraps: 2^52 us after 1900.
 *	The programmable field (bytes 14-15) does not count.
 * LRSN (6 bytes) = STCK bytes 0-5: its last bit is TOD bit 47 = 16 us.
 * Extended LRSN (10 bytes) = STCKE bytes 0-9: X'00' || LRSN || 3 bytes.
 */
static void
test_tod_stcke_lrsn(void **state)
{
	uint8_t		b[16] = {0};
	int64_t		usec;
	zf_error	err;

	(void) state;
	tod("007D91048BCA00000000000000000000", 0, 0, 0);
	tod("007D91048BCA0008000000000000FFFF", 0, 0, 500000);
	tod("007D91048BCA0000008000000000FFFF", 0, 0, 122);
	tod("00B361183F4800000000000000000000", 0, unix_usec(2000, 1, 1, 0, 0, 0, 0), 0);
	tod("01000000000000000000000000000000", 0, unix_usec(2042, 9, 17, 23, 53, 47, 370496), 0);
	tod("7D91048BCA00", 0, 0, 0);
	tod("7D91048BCA01", 0, 16, 0);
	tod("B361183F4800", 0, unix_usec(2000, 1, 1, 0, 0, 0, 0), 0);
	tod("00B361183F4800000000", 0, unix_usec(2000, 1, 1, 0, 0, 0, 0), 0);
	tod("007D91048BCA00100000", 0, 1, 0);
	/* 0x000100 in the last 3 bytes: 256 / 2^20 us = 244.140625 ps */
	tod("007D91048BCA00000100", 0, 0, 244);

	assert_int_equal(zf_tod_to_unix_usec(b, 7, 0, &usec, NULL, &err), ZF_E_ARG);
	assert_string_equal(err.message, "invalid TOD clock length 7");
	assert_int_equal(zf_tod_to_unix_usec(b, 8, 0, &usec, NULL, NULL), ZF_OK);
	assert_int_equal(usec, -INT64_C(2208988800000000));
}

/* Dates into the numbers of date pictures, for writing (by hand). */
static void
test_picture_to_number(void **state)
{
	zf_date_picture pic;
	zf_error	err;
	int64_t		v;

	(void) state;
	assert_int_equal(zf_date_picture_compile("YYYYMMDD", &pic, &err), ZF_OK);
	assert_int_equal(zf_date_to_number(2024, 3, 31, &pic, &v, &err), ZF_OK);
	assert_int_equal(v, 20240331);
	assert_int_equal(zf_date_picture_compile("CYYMMDD", &pic, &err), ZF_OK);
	assert_int_equal(zf_date_to_number(2024, 3, 31, &pic, &v, &err), ZF_OK);
	assert_int_equal(v, 1240331);
	assert_int_equal(zf_date_to_number(1999, 12, 31, &pic, &v, &err), ZF_OK);
	assert_int_equal(v, 991231);
	assert_int_equal(zf_date_to_number(1899, 12, 31, &pic, &v, &err), ZF_E_OVERFLOW);
	assert_int_equal(zf_date_picture_compile("YYYYDDD", &pic, &err), ZF_OK);
	assert_int_equal(zf_date_to_number(2024, 3, 31, &pic, &v, &err), ZF_OK);
	assert_int_equal(v, 2024091);	/* 31 + 29 + 31 */
	assert_int_equal(zf_date_picture_compile("DDMMYYYY", &pic, &err), ZF_OK);
	assert_int_equal(zf_date_to_number(2024, 3, 1, &pic, &v, &err), ZF_OK);
	assert_int_equal(v, 1032024);
	/* YY pivots at 50: 1950 to 2049, never a wrapped year */
	assert_int_equal(zf_date_picture_compile("YYMMDD", &pic, &err), ZF_OK);
	assert_int_equal(zf_date_to_number(2049, 1, 2, &pic, &v, &err), ZF_OK);
	assert_int_equal(v, 490102);
	assert_int_equal(zf_date_to_number(2050, 1, 2, &pic, &v, &err), ZF_E_OVERFLOW);
	assert_int_equal(zf_date_to_number(2023, 2, 29, &pic, &v, &err), ZF_E_OVERFLOW);
	assert_int_equal(zf_date_picture_compile("YYYY-MM-DD", &pic, &err), ZF_OK);
	assert_int_equal(zf_date_to_number(2024, 3, 31, &pic, &v, &err), ZF_E_ARG);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_days_from_civil),
		cmocka_unit_test(test_valid_date),
		cmocka_unit_test(test_db2_date_styles),
		cmocka_unit_test(test_db2_date_invalid),
		cmocka_unit_test(test_db2_time_styles),
		cmocka_unit_test(test_db2_time_invalid),
		cmocka_unit_test(test_db2_timestamp),
		cmocka_unit_test(test_db2_timestamp_invalid),
		cmocka_unit_test(test_picture_compile),
		cmocka_unit_test(test_picture_numbers),
		cmocka_unit_test(test_picture_number_as_text),
		cmocka_unit_test(test_picture_text),
		cmocka_unit_test(test_picture_to_number),
		cmocka_unit_test(test_tod_stck),
		cmocka_unit_test(test_tod_stcke_lrsn),
	};

	return cmocka_run_group_tests_name("datetime", tests, NULL, NULL);
}
