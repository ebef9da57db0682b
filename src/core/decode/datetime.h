/*-------------------------------------------------------------------------
 *
 * datetime.h
 *	  Dates and times as mainframes write them: DB2 external DATE, TIME and
 *	  TIMESTAMP text (ISO, USA, EUR, JIS), numeric date pictures such as
 *	  YYYYMMDD, CYYMMDD and YYYYDDD, and z/Architecture TOD clock values
 *	  (STCK, STCKE, 6- and 10-byte LRSN).
 *
 * Parsers fill a zf_datetime of broken-down fields; the fdw layer builds
 * PostgreSQL Datums from it.  Fractions are kept to the picosecond (DB2
 * TIMESTAMP(12)) together with the number of digits written, so that the
 * caller can refuse a value that its column would round.
 *
 *-------------------------------------------------------------------------
 */
#ifndef ZF_DATETIME_H
#define ZF_DATETIME_H

#include "base/status.h"

typedef struct zf_datetime
{
	int32_t		year;
	int32_t		month;			/* 1..12 */
	int32_t		day;			/* 1..31 */
	int32_t		hour;			/* 0..24 (24:00:00 as DB2 allows) */
	int32_t		minute;
	int32_t		second;
	int64_t		picos;			/* fraction of a second, 0..10^12-1 */
	int16_t		frac_digits;	/* fraction digits as written, 0..12 */
	bool		has_date;
	bool		has_time;
	bool		has_tz;
	int32_t		tz_seconds;		/* offset east of UTC when has_tz */
} zf_datetime;

/* The DB2 external formats, as DATE/TIME FORMAT or the date_format option. */
typedef enum zf_datestyle
{
	ZF_DATESTYLE_ANY = 0,		/* recognise the style from separators */
	ZF_DATESTYLE_ISO,			/* 2024-03-31, 13.45.00 (also 13:45:00) */
	ZF_DATESTYLE_USA,			/* 03/31/2024, 01:45 PM */
	ZF_DATESTYLE_EUR,			/* 31.03.2024, 13.45.00 */
	ZF_DATESTYLE_JIS			/* 2024-03-31, 13:45:00 */
} zf_datestyle;

/*
 * DB2 DATE EXTERNAL text; surrounding blanks are ignored.  As Db2 itself on
 * input, every DB2 format is accepted and told apart by its punctuation;
 * style names the expected format in error messages only.  Leading zeros of
 * month and day may be omitted.
 */
extern zf_status zf_parse_db2_date(const char *s, size_t n, zf_datestyle style,
								   zf_datetime *out, zf_error *err);

/*
 * DB2 TIME EXTERNAL text, any style (as for dates).  Seconds may be
 * omitted; USA "hh:mm AM|PM" follows IBM's table, 12:00 AM being 24:00:00.
 */
extern zf_status zf_parse_db2_time(const char *s, size_t n, zf_datestyle style,
								   zf_datetime *out, zf_error *err);

/*
 * DB2 TIMESTAMP EXTERNAL text: YYYY-MM-DD-HH.MM.SS[.f{1,12}], and the ISO
 * form YYYY-MM-DD HH:MM:SS[.f] (also with 'T'), each with an optional time
 * zone +HH:MM / -HH:MM (DB2 TIMESTAMP WITH TIME ZONE).
 */
extern zf_status zf_parse_db2_timestamp(const char *s, size_t n,
										zf_datetime *out, zf_error *err);

/*
 * A compiled numeric date picture (the "format" column option).  Letters:
 * YYYY, YY, C (century digit: 0 = 19xx, 1 = 20xx), MM, DD, DDD (day of
 * year), and separators copied literally.  Examples: YYYYMMDD, CYYMMDD,
 * YYYYDDD, YYDDD, MMDDYYYY, DDMMYYYY, YYMMDD (YY pivots at pivot_year,
 * which zf_date_picture_compile sets to 50: 00-49 are 20xx, 50-99 19xx;
 * the caller may change it).  A bad picture is ZF_E_SYNTAX.
 */
typedef struct zf_date_picture
{
	char		text[32];		/* the picture as given, upper case */
	int8_t		width;			/* characters / digits it spans */
	int8_t		pos_c, pos_yyyy, pos_yy, pos_mm, pos_dd, pos_ddd;	/* -1 absent */
	int16_t		pivot_year;		/* for YY: years below pivot are 20xx */
} zf_date_picture;

extern zf_status zf_date_picture_compile(const char *picture,
										 zf_date_picture *out, zf_error *err);

/* Apply a picture to decimal digits (a zoned/packed/binary field's value). */
extern zf_status zf_date_from_number(int64_t value,
									 const zf_date_picture *pic,
									 zf_datetime *out, zf_error *err);

/*
 * The reverse, for writing: a calendar date as the number a picture
 * without separators makes of it (2024-03-31 under YYYYMMDD is 20240331,
 * under CYYMMDD 1240331).  A year the picture cannot hold (C covers 1900
 * to 2899, YY without C the hundred years of its pivot) is ZF_E_OVERFLOW:
 * never a silently wrapped year.
 */
extern zf_status zf_date_to_number(int32_t year, int32_t month, int32_t day,
								   const zf_date_picture *pic, int64_t *out,
								   zf_error *err);

/* Apply a picture to text (ASCII digits and separators). */
extern zf_status zf_date_from_text(const char *s, size_t n,
								   const zf_date_picture *pic,
								   zf_datetime *out, zf_error *err);

/*
 * TOD clock values to microseconds since 1970-01-01 00:00:00 UTC (plus the
 * sub-microsecond rest in picoseconds).  len: 8 = STCK, 16 = STCKE,
 * 6 = LRSN (STCK bits 0-47), 10 = extended LRSN (STCKE bytes 0-9).  The TOD
 * epoch is 1900-01-01; bit 51 of STCK is one microsecond.  No leap-second
 * correction is applied here: leap_seconds is subtracted as given.
 * sub_usec_picos (may be NULL) is truncated to whole picoseconds.
 */
extern zf_status zf_tod_to_unix_usec(const uint8_t *p, size_t len,
									 int32_t leap_seconds, int64_t *usec,
									 int64_t *sub_usec_picos, zf_error *err);

/* Days from 1970-01-01 to a proleptic Gregorian date (negative before). */
extern int64_t zf_days_from_civil(int32_t year, int32_t month, int32_t day);

/* True when year/month/day is a real calendar date. */
extern bool zf_valid_date(int32_t year, int32_t month, int32_t day);

#endif							/* ZF_DATETIME_H */
