/*-------------------------------------------------------------------------
 *
 * unload.c
 *	  The record of a DB2 UNLOAD data set: where each column lies, and
 *	  each value into its bytes (see unload.h for the format).
 *
 * The encoders are core's own (zf_packed_encode, zf_binary_encode, the
 * exact float encoders, zf_codepage_encode); this file decides the bytes
 * DB2 puts around them: indicators, length prefixes, blanks, and the
 * external forms of dates and times.
 *
 *-------------------------------------------------------------------------
 */
#include "db2/unload/unload.h"

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "decode/decimal.h"
#include "decode/floats.h"

zf_status
zf_unload_init(zf_unload *u, const zf_codepage *cp, bool ieee,
			   const char *table_name, zf_error *err)
{
	const char *dot = strchr(table_name, '.');
	size_t		clen = dot ? (size_t) (dot - table_name) : 0;
	const char *tab = dot ? dot + 1 : table_name;

	memset(u, 0, offsetof(zf_unload, scratch));
	u->cp = cp;
	u->ieee = ieee;
	switch (zf_codepage_kind(cp))
	{
		case ZF_CP_EBCDIC_SBCS:
			{
				const char *name = zf_codepage_name(cp);

				if (strncmp(name, "cp", 2) != 0 || (u->ccsid = atoi(name + 2)) <= 0)
					return zf_error_set(err, ZF_E_UNSUPPORTED,
										"code page %s has no CCSID number", name);
				break;
			}
		case ZF_CP_UTF8:
			u->unicode = true;
			break;
		default:
			zf_error_set(err, ZF_E_UNSUPPORTED,
						 "a DB2 unload is written in an EBCDIC single-byte code page or in utf8, not %s",
						 zf_codepage_name(cp));
			zf_error_hint(err, "Use codepage cp037, cp1047, cp500, cp273, cp1140 .. cp1149 (EBCDIC CCSIDs) or utf8 (CCSID 1208).");
			return ZF_E_UNSUPPORTED;
	}
	u->space = zf_codepage_space(cp);
	if (clen > ZF_UNLOAD_NAME_MAX || strlen(tab) > ZF_UNLOAD_NAME_MAX ||
		tab[0] == '\0' || (dot && clen == 0) || strchr(tab, '.') != NULL ||
		strchr(table_name, '"') != NULL)
		return zf_error_set(err, ZF_E_ARG,
							"table name \"%s\" is not TABLE or CREATOR.TABLE of at most %d characters each",
							table_name, ZF_UNLOAD_NAME_MAX);
	memcpy(u->creator, table_name, clen);
	u->creator[clen] = '\0';
	strcpy(u->table, tab);
	return ZF_OK;
}

/* The data bytes of a column (its length prefix included). */
static zf_status
column_size(const zf_unload_column *c, uint32_t *size, zf_error *err)
{
	switch (c->type)
	{
		case ZF_UL_SMALLINT:
			*size = 2;
			break;
		case ZF_UL_INTEGER:
		case ZF_UL_REAL:
			*size = 4;
			break;
		case ZF_UL_BIGINT:
		case ZF_UL_DOUBLE:
			*size = 8;
			break;
		case ZF_UL_DECIMAL:
			if (c->digits < 1 || c->digits > 31 || c->scale < 0 || c->scale > c->digits)
				return zf_error_set(err, ZF_E_ARG,
									"column %s: DECIMAL(%d,%d) is not a DB2 decimal (precision 1 to 31, scale 0 to the precision)",
									c->name, c->digits, c->scale);
			*size = (uint32_t) zf_packed_length(c->digits);
			break;
		case ZF_UL_CHAR:
			if (c->length < 1 || c->length > ZF_UNLOAD_CHAR_MAX)
				return zf_error_set(err, ZF_E_ARG,
									"column %s: CHAR(%u) is not a DB2 CHAR (1 to %d bytes)",
									c->name, c->length, ZF_UNLOAD_CHAR_MAX);
			*size = c->length;
			break;
		case ZF_UL_VARCHAR:
			if (c->length < 1 || c->length > ZF_UNLOAD_VARCHAR_MAX)
				return zf_error_set(err, ZF_E_ARG,
									"column %s: VARCHAR(%u) is not a DB2 VARCHAR (1 to %d bytes)",
									c->name, c->length, ZF_UNLOAD_VARCHAR_MAX);
			*size = c->length + 2;
			break;
		case ZF_UL_DATE:
			*size = 10;
			break;
		case ZF_UL_TIME:
			*size = 8;
			break;
		case ZF_UL_TIMESTAMP:
			*size = 26;
			break;
		default:
			return zf_error_set(err, ZF_E_ARG, "column %s: unknown type", c->name);
	}
	return ZF_OK;
}

zf_status
zf_unload_layout(zf_unload *u, zf_error *err)
{
	uint64_t	pos = 0;

	if (u->ncols < 1)
		return zf_error_set(err, ZF_E_ARG, "an unload needs at least one column");
	for (int i = 0; i < u->ncols; i++)
	{
		zf_unload_column *c = &u->cols[i];
		size_t		nlen = strlen(c->name);

		if (nlen == 0 || nlen > ZF_UNLOAD_NAME_MAX || strchr(c->name, '"') != NULL)
			return zf_error_set(err, ZF_E_ARG,
								"column name \"%s\" is not a DB2 column name (1 to %d characters, no double quote)",
								c->name, ZF_UNLOAD_NAME_MAX);
		if (column_size(c, &c->size, err) != ZF_OK)
			return err ? err->status : ZF_E_ARG;
		if (c->nullable)
			c->null_pos = (uint32_t) pos++;
		c->offset = (uint32_t) pos;
		pos += c->size;
		if (pos > ZF_UNLOAD_LRECL_MAX)
		{
			zf_error_set(err, ZF_E_LIMIT,
						 "the record of the unload is longer than %d bytes at column %s",
						 ZF_UNLOAD_LRECL_MAX, c->name);
			zf_error_hint(err, "Unload fewer or shorter columns: a DB2 UNLOAD record of fixed length is at most 32760 bytes.");
			return ZF_E_LIMIT;
		}
	}
	u->lrecl = (uint32_t) pos;
	return ZF_OK;
}

/* The bytes of a column with no value: blanks or zeros. */
static void
empty_field(const zf_unload *u, const zf_unload_column *c, uint8_t *dst)
{
	switch (c->type)
	{
		case ZF_UL_DECIMAL:
			memset(dst, 0, c->size);
			dst[c->size - 1] = 0x0C;	/* packed zero */
			break;
		case ZF_UL_CHAR:
		case ZF_UL_DATE:
		case ZF_UL_TIME:
		case ZF_UL_TIMESTAMP:
			memset(dst, u->space, c->size);
			break;
		case ZF_UL_VARCHAR:
			dst[0] = dst[1] = 0;
			memset(dst + 2, u->space, c->size - 2);
			break;
		default:
			memset(dst, 0, c->size);
	}
}

void
zf_unload_record_start(const zf_unload *u, uint8_t *rec)
{
	for (int i = 0; i < u->ncols; i++)
	{
		const zf_unload_column *c = &u->cols[i];

		if (c->nullable)
			rec[c->null_pos] = 0x00;
		empty_field(u, c, rec + c->offset);
	}
}

void
zf_unload_put_null(const zf_unload *u, int col, uint8_t *rec)
{
	const zf_unload_column *c = &u->cols[col];

	rec[c->null_pos] = 0xFF;
	empty_field(u, c, rec + c->offset);
}

/* Name the column in an error value set by an encoder. */
static zf_status
column_error(const zf_unload_column *c, zf_status st, zf_error *err)
{
	if (err != NULL && st != ZF_OK)
	{
		char		msg[sizeof(err->message)];

		snprintf(msg, sizeof(msg), "%s", err->message);
		zf_error_set(err, st, "column %s: %s", c->name, msg);
	}
	return st;
}

zf_status
zf_unload_put_int(const zf_unload *u, int col, int64_t v, uint8_t *rec,
				  zf_error *err)
{
	const zf_unload_column *c = &u->cols[col];

	if (c->type == ZF_UL_DECIMAL)
	{
		char		buf[32];
		int			n = snprintf(buf, sizeof(buf), "%lld", (long long) v);

		return zf_unload_put_decimal(u, col, buf, (size_t) n, rec, err);
	}
	if (c->type != ZF_UL_SMALLINT && c->type != ZF_UL_INTEGER && c->type != ZF_UL_BIGINT)
		return zf_error_set(err, ZF_E_ARG, "column %s does not hold an integer", c->name);
	return column_error(c, zf_binary_encode((zf_int128) v, c->size, true,
											rec + c->offset, err), err);
}

zf_status
zf_unload_put_decimal(const zf_unload *u, int col, const char *s, size_t n,
					  uint8_t *rec, zf_error *err)
{
	const zf_unload_column *c = &u->cols[col];
	zf_int128	v;
	zf_status	st;

	if (c->type != ZF_UL_DECIMAL)
		return zf_error_set(err, ZF_E_ARG, "column %s is not DECIMAL", c->name);
	st = zf_decimal_from_string(s, n, c->scale, &v, err);
	if (st == ZF_OK && zf_int128_digits(v) > c->digits)
		st = zf_error_set(err, ZF_E_OVERFLOW,
						  "%.*s has more than %d digits before the decimal point",
						  (int) (n > 60 ? 60 : n), s, c->digits - c->scale);
	if (st == ZF_OK)
		st = zf_packed_encode(v, c->digits, true, rec + c->offset, err);
	return column_error(c, st, err);
}

zf_status
zf_unload_put_double(const zf_unload *u, int col, double v, uint8_t *rec,
					 zf_error *err)
{
	const zf_unload_column *c = &u->cols[col];
	zf_status	st;

	if (c->type != ZF_UL_REAL && c->type != ZF_UL_DOUBLE)
		return zf_error_set(err, ZF_E_ARG, "column %s is not REAL or DOUBLE", c->name);
	if (v != v || v - v != 0)
		return zf_error_set(err, ZF_E_OVERFLOW,
							"column %s: DB2 has no NaN or infinity", c->name);
	if (u->ieee)
		st = zf_double_to_ieee(v, c->size, rec + c->offset, err);
	else
		st = zf_double_to_hfp_exact(v, c->size, rec + c->offset, err);
	return column_error(c, st, err);
}

/* Code points of UTF-8 text (the bytes that do not continue one). */
static size_t
utf8_chars(const char *s, size_t n)
{
	size_t		k = 0;

	for (size_t i = 0; i < n; i++)
		k += ((uint8_t) s[i] & 0xC0) != 0x80;
	return k;
}

zf_status
zf_unload_put_text(zf_unload *u, int col, const char *s, size_t n,
				   uint8_t *rec, zf_error *err)
{
	const zf_unload_column *c = &u->cols[col];
	uint32_t	room = c->type == ZF_UL_VARCHAR ? c->length : c->size;
	uint8_t    *dst = rec + c->offset + (c->type == ZF_UL_VARCHAR ? 2 : 0);
	size_t		need = u->unicode ? n : utf8_chars(s, n);
	size_t		got = 0;
	zf_status	st;

	if (c->type != ZF_UL_CHAR && c->type != ZF_UL_VARCHAR)
		return zf_error_set(err, ZF_E_ARG, "column %s does not hold text", c->name);
	if (need > room)
	{
		zf_error_set(err, ZF_E_OVERFLOW,
					 "column %s: a text of %zu bytes does not fit %s(%u)",
					 c->name, need, c->type == ZF_UL_VARCHAR ? "VARCHAR" : "CHAR",
					 room);
		zf_error_hint(err, "Nothing is cut: give the column a larger maximum length.");
		return ZF_E_OVERFLOW;
	}
	st = zf_codepage_encode(u->cp, s, n, u->scratch, sizeof(u->scratch), &got, err);
	if (st != ZF_OK)
		return column_error(c, st, err);
	if (got > room)				/* cannot happen: one byte per character */
		return zf_error_set(err, ZF_E_OVERFLOW, "column %s: text too long", c->name);
	memcpy(dst, u->scratch, got);
	memset(dst + got, u->space, room - got);
	if (c->type == ZF_UL_VARCHAR)
	{
		rec[c->offset] = (uint8_t) (got >> 8);
		rec[c->offset + 1] = (uint8_t) got;
	}
	return ZF_OK;
}

/* ASCII text of a date or time into a field, in the data's characters. */
static zf_status
put_external(const zf_unload *u, const zf_unload_column *c, const char *text,
			 uint8_t *rec, zf_error *err)
{
	size_t		got = 0;
	uint8_t		buf[40];
	zf_status	st = zf_codepage_encode(u->cp, text, strlen(text), buf,
										sizeof(buf), &got, err);

	if (st != ZF_OK)
		return column_error(c, st, err);
	if (got != c->size)
		return zf_error_set(err, ZF_E_ARG, "column %s: external value of %zu bytes", c->name, got);
	memcpy(rec + c->offset, buf, got);
	return ZF_OK;
}

/* A date DB2 holds: years 1 to 9999 (the caller checked month and day). */
static zf_status
check_year(const zf_unload_column *c, int year, zf_error *err)
{
	if (year < 1 || year > 9999)
	{
		zf_error_set(err, ZF_E_OVERFLOW,
					 "column %s: year %d is outside DB2's range 0001 to 9999",
					 c->name, year);
		return ZF_E_OVERFLOW;
	}
	return ZF_OK;
}

zf_status
zf_unload_put_date(const zf_unload *u, int col, int year, int month, int day,
				   uint8_t *rec, zf_error *err)
{
	const zf_unload_column *c = &u->cols[col];
	char		text[32];

	if (c->type != ZF_UL_DATE)
		return zf_error_set(err, ZF_E_ARG, "column %s is not DATE", c->name);
	if (check_year(c, year, err) != ZF_OK)
		return ZF_E_OVERFLOW;
	snprintf(text, sizeof(text), "%04d-%02d-%02d", year, month, day);
	return put_external(u, c, text, rec, err);
}

zf_status
zf_unload_put_time(const zf_unload *u, int col, int hour, int minute,
				   int second, uint8_t *rec, zf_error *err)
{
	const zf_unload_column *c = &u->cols[col];
	char		text[32];

	if (c->type != ZF_UL_TIME)
		return zf_error_set(err, ZF_E_ARG, "column %s is not TIME", c->name);
	snprintf(text, sizeof(text), "%02d.%02d.%02d", hour, minute, second);
	return put_external(u, c, text, rec, err);
}

zf_status
zf_unload_put_timestamp(const zf_unload *u, int col, int year, int month,
						int day, int hour, int minute, int second, int micro,
						uint8_t *rec, zf_error *err)
{
	const zf_unload_column *c = &u->cols[col];
	char		text[48];

	if (c->type != ZF_UL_TIMESTAMP)
		return zf_error_set(err, ZF_E_ARG, "column %s is not TIMESTAMP", c->name);
	if (check_year(c, year, err) != ZF_OK)
		return ZF_E_OVERFLOW;
	snprintf(text, sizeof(text), "%04d-%02d-%02d-%02d.%02d.%02d.%06d",
			 year, month, day, hour, minute, second, micro);
	return put_external(u, c, text, rec, err);
}
