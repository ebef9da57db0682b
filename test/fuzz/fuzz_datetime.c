/*-------------------------------------------------------------------------
 *
 * fuzz_datetime.c
 *	  libFuzzer target for datetime.c: DB2 DATE, TIME and TIMESTAMP text,
 *	  numeric date pictures (compiled from fuzzed pictures) and TOD clock
 *	  values.
 *
 * fuzz-max-len: 96
 *
 * Input: one byte choosing the function, one byte of flags, then its
 * text (for pictures: the picture up to a NUL, then the text).
 *
 * Invariants: every accepted value is a real calendar date and time of
 * day, with a fraction that agrees with its digit count; a date or time
 * written by this target in each DB2 style, or through a compiled
 * picture, parses back to itself; the calendar arithmetic is consistent
 * from one day to the next; the four TOD formats agree with each other
 * (an LRSN is the top of an STCK, STCKE is STCK with an epoch byte).
 *
 *-------------------------------------------------------------------------
 */
#include "fuzz_common.h"

#include "decode/datetime.h"

/* What every successful parse must satisfy. */
static void
check_datetime(const zf_datetime *dt, const char *what)
{
	if (dt->has_date)
		FUZZ_CHECK(dt->year >= 1 && zf_valid_date(dt->year, dt->month, dt->day),
				   "%s: invalid date %d-%d-%d", what, dt->year, dt->month, dt->day);
	if (dt->has_time)
	{
		FUZZ_CHECK(dt->hour >= 0 && dt->hour <= 24 && dt->minute >= 0 &&
				   dt->minute <= 59 && dt->second >= 0 && dt->second <= 59,
				   "%s: invalid time %d:%d:%d", what, dt->hour, dt->minute,
				   dt->second);
		FUZZ_CHECK(dt->hour < 24 || (dt->minute == 0 && dt->second == 0 &&
									 dt->picos == 0),
				   "%s: 24:%d:%d is not midnight", what, dt->minute, dt->second);
	}
	FUZZ_CHECK(dt->picos >= 0 && dt->picos < INT64_C(1000000000000),
			   "%s: fraction %lld out of range", what, (long long) dt->picos);
	FUZZ_CHECK(dt->frac_digits >= 0 && dt->frac_digits <= 12,
			   "%s: %d fraction digits", what, dt->frac_digits);
	{
		int64_t		unit = 1;

		for (int k = dt->frac_digits; k < 12; k++)
			unit *= 10;
		FUZZ_CHECK(dt->picos % unit == 0,
				   "%s: fraction %lld has more than %d digits", what,
				   (long long) dt->picos, dt->frac_digits);
	}
	if (dt->has_tz)
		FUZZ_CHECK(dt->tz_seconds >= -86400 && dt->tz_seconds <= 86400,
				   "%s: time zone %d", what, dt->tz_seconds);
}

/* Parse DB2 text with the chosen function and check the result. */
static void
fuzz_db2_text(int which, const char *s, size_t n, uint8_t flags)
{
	zf_datestyle style = (zf_datestyle) (flags % 6);	/* 5 is invalid */
	zf_datetime dt;
	zf_error	err;
	zf_status	st;

	memset(&dt, 0x5A, sizeof(dt));
	zf_error_clear(&err);
	if (which == 0)
		st = zf_parse_db2_date(s, n, style, &dt, &err);
	else if (which == 1)
		st = zf_parse_db2_time(s, n, style, &dt, &err);
	else
		st = zf_parse_db2_timestamp(s, n, &dt, &err);
	fuzz_check_error(st, &err, "db2 datetime parse");
	if (which < 2 && style > ZF_DATESTYLE_JIS)
		FUZZ_CHECK(st == ZF_E_ARG, "style %d accepted", (int) style);
	if (st != ZF_OK)
		return;
	check_datetime(&dt, "db2 datetime parse");
	FUZZ_CHECK(dt.has_date == (which != 1) && dt.has_time == (which != 0),
			   "db2 parse: has_date %d has_time %d", dt.has_date, dt.has_time);
}

/* Write a date in a DB2 style; returns the length. */
static int
format_date(char *buf, size_t cap, int style, int y, int m, int d)
{
	switch (style)
	{
		case 1:
			return snprintf(buf, cap, "%02d/%02d/%04d", m, d, y);
		case 2:
			return snprintf(buf, cap, "%d.%d.%04d", d, m, y);
		default:
			return snprintf(buf, cap, "%04d-%02d-%d", y, m, d);
	}
}

/*
 * A date, time and timestamp made from the input's numbers, written the
 * way DB2 writes them, must parse back to the same fields.
 */
static void
fuzz_round_trip(fuzz_input *in)
{
	int			y = 1 + fuzz_u16(in) % 9999;
	int			m = 1 + fuzz_u8(in) % 12;
	int			d = 1 + fuzz_u8(in) % 31;
	int			h = fuzz_u8(in) % 24;
	int			mi = fuzz_u8(in) % 60;
	int			se = fuzz_u8(in) % 60;
	int			style = fuzz_u8(in) % 3;
	int			digits = fuzz_u8(in) % 13;
	uint64_t	frac = fuzz_u32(in);
	char		buf[96];
	int			n;
	int64_t		unit = 1;
	zf_datetime dt;
	zf_error	err;
	zf_status	st;

	for (int k = digits; k < 12; k++)
		unit *= 10;
	frac = frac * 1000003 % (uint64_t) (INT64_C(1000000000000) / unit);
	if (!zf_valid_date(y, m, d))
		d = 1;

	/* consecutive days are one apart; so are 31 Dec and 1 Jan */
	{
		int64_t		days = zf_days_from_civil(y, m, d);
		int			ny = y,
					nm = m,
					nd = d + 1;

		if (!zf_valid_date(ny, nm, nd))
		{
			nd = 1;
			if (++nm > 12)
				nm = 1, ny++;
		}
		FUZZ_CHECK(zf_days_from_civil(ny, nm, nd) == days + 1,
				   "days_from_civil not consecutive at %d-%d-%d", y, m, d);
		FUZZ_CHECK(zf_days_from_civil(1970, 1, 1) == 0, "epoch is not day 0");
	}

	n = format_date(buf, sizeof(buf), style, y, m, d);
	zf_error_clear(&err);
	st = zf_parse_db2_date(buf, (size_t) n, ZF_DATESTYLE_ANY, &dt, &err);
	FUZZ_CHECK(st == ZF_OK, "date \"%s\": %s", buf, err.message);
	FUZZ_CHECK(dt.year == y && dt.month == m && dt.day == d,
			   "date \"%s\" parsed as %d-%d-%d", buf, dt.year, dt.month, dt.day);

	if (style == 1)
	{
		/* USA time: hh:mm AM/PM, no seconds; 12:00 AM is 24:00 */
		int			h12 = h % 12 == 0 ? 12 : h % 12;

		n = snprintf(buf, sizeof(buf), "%02d:%02d %s", h12, mi, h < 12 ? "AM" : "PM");
		se = 0;
	}
	else
		n = snprintf(buf, sizeof(buf), "%02d%c%02d%c%02d", h, style == 2 ? '.' : ':',
					 mi, style == 2 ? '.' : ':', se);
	zf_error_clear(&err);
	st = zf_parse_db2_time(buf, (size_t) n, ZF_DATESTYLE_ANY, &dt, &err);
	FUZZ_CHECK(st == ZF_OK, "time \"%s\": %s", buf, err.message);
	FUZZ_CHECK((dt.hour == h || (h == 0 && mi == 0 && dt.hour == 24 && style == 1)) &&
			   dt.minute == mi && dt.second == se,
			   "time \"%s\" parsed as %d:%d:%d", buf, dt.hour, dt.minute, dt.second);

	if (digits > 0)
		n = snprintf(buf, sizeof(buf), "%04d-%02d-%02d-%02d.%02d.%02d.%0*llu", y, m,
					 d, h, mi, se, digits, (unsigned long long) frac);
	else
		n = snprintf(buf, sizeof(buf), "%04d-%02d-%02d %02d:%02d:%02d", y, m, d, h, mi, se);
	zf_error_clear(&err);
	st = zf_parse_db2_timestamp(buf, (size_t) n, &dt, &err);
	FUZZ_CHECK(st == ZF_OK, "timestamp \"%s\": %s", buf, err.message);
	FUZZ_CHECK(dt.year == y && dt.month == m && dt.day == d && dt.hour == h &&
			   dt.minute == mi && dt.second == se &&
			   dt.picos == (int64_t) frac * unit && dt.frac_digits == digits,
			   "timestamp \"%s\" parsed wrongly", buf);
	check_datetime(&dt, "timestamp round trip");
}

/* Write y-m-d through a compiled picture; false if the picture cannot. */
static bool
format_picture(const zf_date_picture *pic, int y, int m, int d, char *out)
{
	int			doy = (int) (zf_days_from_civil(y, m, d) - zf_days_from_civil(y, 1, 1)) + 1;

	memcpy(out, pic->text, (size_t) pic->width);
	out[pic->width] = '\0';
	if (pic->pos_c >= 0 && (y < 1900 || y > 2899))
		return false;
	if (pic->pos_yyyy >= 0)
		for (int k = 3, v = y; k >= 0; k--, v /= 10)
			out[pic->pos_yyyy + k] = (char) ('0' + v % 10);
	if (pic->pos_yy >= 0)
		for (int k = 1, v = y % 100; k >= 0; k--, v /= 10)
			out[pic->pos_yy + k] = (char) ('0' + v % 10);
	if (pic->pos_c >= 0)
		out[pic->pos_c] = (char) ('0' + (y - 1900) / 100);
	if (pic->pos_mm >= 0)
		out[pic->pos_mm] = (char) ('0' + m / 10), out[pic->pos_mm + 1] = (char) ('0' + m % 10);
	if (pic->pos_dd >= 0)
		out[pic->pos_dd] = (char) ('0' + d / 10), out[pic->pos_dd + 1] = (char) ('0' + d % 10);
	if (pic->pos_ddd >= 0)
		for (int k = 2, v = doy; k >= 0; k--, v /= 10)
			out[pic->pos_ddd + k] = (char) ('0' + v % 10);
	return true;
}

/* A fuzzed picture: compile, apply to the text and to a number, round trip. */
static void
fuzz_picture(const uint8_t *p, size_t n, uint8_t flags)
{
	const uint8_t *nul = memchr(p, '\0', n);
	size_t		plen = nul ? (size_t) (nul - p) : n;
	char	   *picture = fuzz_strdup(p, plen);
	const char *text = nul ? (const char *) nul + 1 : (const char *) p + n;
	size_t		tlen = nul ? n - plen - 1 : 0;
	zf_date_picture pic;
	zf_datetime dt;
	zf_error	err;
	zf_status	st;

	zf_error_clear(&err);
	st = zf_date_picture_compile(picture, &pic, &err);
	fuzz_check_error(st, &err, "date_picture_compile");
	if (st == ZF_OK)
	{
		int64_t		number = 0;
		char		out[40];

		FUZZ_CHECK(pic.width >= 1 && (size_t) pic.width == strlen(picture) &&
				   pic.width < (int) sizeof(pic.text),
				   "picture width %d", pic.width);
		pic.pivot_year = (int16_t) (flags % 101);

		zf_error_clear(&err);
		st = zf_date_from_text(text, tlen, &pic, &dt, &err);
		fuzz_check_error(st, &err, "date_from_text");
		if (st == ZF_OK)
			check_datetime(&dt, "date_from_text");

		for (size_t k = 0; k < tlen && k < 18; k++)
			number = number * 10 + (text[k] & 0x0F) % 10;
		if (flags & 0x80)
			number = -number;
		zf_error_clear(&err);
		st = zf_date_from_number(number, &pic, &dt, &err);
		fuzz_check_error(st, &err, "date_from_number");
		if (st == ZF_OK)
			check_datetime(&dt, "date_from_number");

		/* a real date written through the picture parses back to itself */
		if (tlen >= 4)
		{
			int			y = 1 + ((uint8_t) text[0] << 8 | (uint8_t) text[1]) % 9999;
			int			m = 1 + (uint8_t) text[2] % 12;
			int			d = 1 + (uint8_t) text[3] % 28;
			int			want_y = y;

			/* YY without C: the year the pivot makes of it */
			if (pic.pos_yy >= 0 && pic.pos_c < 0)
				y = want_y = (y % 100 < pic.pivot_year ? 2000 : 1900) + y % 100;
			if (format_picture(&pic, y, m, d, out))
			{
				zf_error_clear(&err);
				st = zf_date_from_text(out, strlen(out), &pic, &dt, &err);
				FUZZ_CHECK(st == ZF_OK, "picture %s, text %s: %s", pic.text, out,
						   err.message);
				FUZZ_CHECK(dt.year == want_y && dt.month == m && dt.day == d,
						   "picture %s, text %s: %d-%d-%d", pic.text, out,
						   dt.year, dt.month, dt.day);
			}
		}
	}
	free(picture);
}

/* The TOD formats against each other. */
static void
fuzz_tod(const uint8_t *p, size_t n, uint8_t flags)
{
	uint8_t		b[16] = {0};
	int32_t		leap = (int32_t) (int8_t) flags;
	int64_t		usec[4],
				picos[4];
	static const size_t lens[4] = {6, 8, 10, 16};
	zf_error	err;
	zf_status	st;
	uint8_t    *field;

	/* any other length is refused */
	field = fuzz_dup(p, n);
	zf_error_clear(&err);
	st = zf_tod_to_unix_usec(field, n, leap, &usec[0], &picos[0], &err);
	fuzz_check_error(st, &err, "tod_to_unix_usec");
	FUZZ_CHECK((st == ZF_OK) == (n == 6 || n == 8 || n == 10 || n == 16),
			   "tod length %zu: %s", n, zf_status_name(st));
	free(field);

	/* b = STCKE: epoch byte 0, then the STCK bytes, then more fraction */
	memcpy(b + 1, p, n > 15 ? 15 : n);
	for (int k = 0; k < 4; k++)
	{
		/* LRSN and STCK are the STCKE bytes after the epoch byte */
		const uint8_t *src = lens[k] == 6 || lens[k] == 8 ? b + 1 : b;

		field = fuzz_dup(src, lens[k]);
		st = zf_tod_to_unix_usec(field, lens[k], leap, &usec[k], &picos[k], NULL);
		FUZZ_CHECK(st == ZF_OK, "tod of %zu bytes refused", lens[k]);
		FUZZ_CHECK(picos[k] >= 0 && picos[k] < 1000000, "tod picos %lld",
				   (long long) picos[k]);
		free(field);
	}
	{
		/* STCK microseconds: bits 0-51; the LRSN holds bits 0-47 */
		uint64_t	stck = 0;

		for (int k = 1; k <= 8; k++)
			stck = stck << 8 | b[k];
		FUZZ_CHECK(usec[1] - usec[0] == (int64_t) ((stck >> 12) & 0x0F),
				   "LRSN and STCK differ by more than the low 4 microsecond bits");
		FUZZ_CHECK(picos[0] == 0, "LRSN has a sub-microsecond part");
		FUZZ_CHECK(picos[1] == (int64_t) ((stck & 0xFFF) * 1000000 / 4096),
				   "STCK picoseconds %lld", (long long) picos[1]);
	}
	FUZZ_CHECK(usec[2] == usec[3] && usec[3] == usec[1],
			   "extended LRSN, STCKE and STCK disagree with epoch 0");
	FUZZ_CHECK(picos[3] >= picos[1] && picos[3] - picos[1] <= 1000000 / 4096 + 1 &&
			   picos[2] >= picos[1] && picos[3] >= picos[2],
			   "STCKE fraction does not refine STCK's");
	/* the epoch byte adds 2^52 microseconds per epoch */
	if (b[0] == 0 && n > 0)
	{
		int64_t		e1;

		b[0] = (uint8_t) (1 + flags % 255);
		field = fuzz_dup(b, 16);
		st = zf_tod_to_unix_usec(field, 16, leap, &e1, NULL, NULL);
		FUZZ_CHECK(st == ZF_OK && e1 - usec[3] == (int64_t) b[0] << 52,
				   "epoch index %d does not add %d * 2^52 microseconds", b[0], b[0]);
		free(field);
	}
}

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_input	in = {data, size};
	uint8_t		op = fuzz_u8(&in);
	uint8_t		flags = fuzz_u8(&in);
	char	   *text = (char *) fuzz_dup(in.p, in.n);

	switch (op % 6)
	{
		case 0:
		case 1:
		case 2:
			fuzz_db2_text(op % 6, text, in.n, flags);
			break;
		case 3:
			fuzz_picture((const uint8_t *) text, in.n, flags);
			break;
		case 4:
			fuzz_round_trip(&in);
			break;
		case 5:
			fuzz_tod(in.p, in.n, flags);
			break;
	}
	free(text);
	return 0;
}
