/*-------------------------------------------------------------------------
 *
 * unload_punch.c
 *	  The text that goes with a DB2 unload: the LOAD statement (SYSPUNCH)
 *	  that the LOAD utility runs on the data set, and a CREATE TABLE.
 *
 * The LOAD statement has the shape DB2's UNLOAD utility punches (IBM,
 * "Db2 Utility Guide and Reference", LOAD syntax; the SYSPUNCH samples
 * in ../shared/db2ddl): card images of at most 72 columns,
 *
 *	 LOAD DATA INDDN SYSREC LOG NO RESUME YES
 *	  EBCDIC  CCSID(00037,00000,00000)
 *	  INTO TABLE "CREATOR"."TABLE"
 *	  ( "ID"
 *			 POSITION(  00001:00004) INTEGER
 *	  , "NAME"
 *			 POSITION(  00006:00047) VARCHAR
 *							   NULLIF(00005)=X'FF'
 *	  )
 *
 * POSITION(s:e) covers the field with its length prefix, the NULL
 * indicator (byte p of NULLIF(p)) stands before it.  DECIMAL is written
 * DECIMAL PACKED(p,s), so that the statement says its scale (UNLOAD
 * writes plain DECIMAL and leaves the scale to the table).
 *
 *-------------------------------------------------------------------------
 */
#include "db2/unload/unload.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

/* The longest card DB2 reads of a utility statement. */
#define CARD_COLUMNS	72

/* A text being built into a bounded buffer. */
typedef struct text_out
{
	char	   *dst;
	size_t		cap;
	size_t		len;
	bool		overflow;
	bool		too_wide;
} text_out;

/* Append one line (a card) of formatted text. */
static void
line(text_out *o, const char *fmt,...)
			__attribute__((format(printf, 2, 3)));
static void
line(text_out *o, const char *fmt,...)
{
	va_list		ap;
	int			n;

	if (o->overflow || o->len >= o->cap)
	{
		o->overflow = true;
		return;
	}
	va_start(ap, fmt);
	n = vsnprintf(o->dst + o->len, o->cap - o->len, fmt, ap);
	va_end(ap);
	if (n < 0 || (size_t) n + 1 >= o->cap - o->len)
	{
		o->overflow = true;
		return;
	}
	if (n > CARD_COLUMNS)
		o->too_wide = true;
	o->len += (size_t) n;
	o->dst[o->len++] = '\n';
	o->dst[o->len] = '\0';
}

/* End a text: the errors of building it. */
static zf_status
finish(const text_out *o, size_t *len, const char *what, zf_error *err)
{
	if (o->overflow)
		return zf_error_set(err, ZF_E_LIMIT, "the %s is longer than its buffer", what);
	if (o->too_wide)
	{
		zf_error_set(err, ZF_E_ARG,
					 "a line of the %s is longer than %d columns", what, CARD_COLUMNS);
		zf_error_hint(err, "Use shorter table and column names: DB2 reads columns 1 to 72 of a control statement.");
		return ZF_E_ARG;
	}
	*len = o->len;
	return ZF_OK;
}

size_t
zf_unload_punch_bound(const zf_unload *u)
{
	/* a few fixed lines, then per column a name, a type and a NULLIF */
	return 1024 + (size_t) u->ncols * 3 * (CARD_COLUMNS + 2) * 4;
}

/* The qualified table name as the statements write it. */
static void
table_name(const zf_unload *u, char *buf, size_t cap)
{
	if (u->creator[0] != '\0')
		snprintf(buf, cap, "\"%s\".\"%s\"", u->creator, u->table);
	else
		snprintf(buf, cap, "\"%s\"", u->table);
}

/* The field type of a column in the LOAD statement. */
static void
load_type(const zf_unload *u, const zf_unload_column *c, char *buf, size_t cap)
{
	const char *mixed = u->unicode ? " MIXED" : "";

	switch (c->type)
	{
		case ZF_UL_SMALLINT:
			snprintf(buf, cap, "SMALLINT");
			break;
		case ZF_UL_INTEGER:
			snprintf(buf, cap, "INTEGER");
			break;
		case ZF_UL_BIGINT:
			snprintf(buf, cap, "BIGINT");
			break;
		case ZF_UL_DECIMAL:
			snprintf(buf, cap, "DECIMAL PACKED(%05d,%05d)", c->digits, c->scale);
			break;
		case ZF_UL_REAL:
			snprintf(buf, cap, "REAL");
			break;
		case ZF_UL_DOUBLE:
			snprintf(buf, cap, "FLOAT(53)");
			break;
		case ZF_UL_CHAR:
			snprintf(buf, cap, "CHAR%s(%05u)", mixed, c->length);
			break;
		case ZF_UL_VARCHAR:
			snprintf(buf, cap, "VARCHAR%s", mixed);
			break;
		case ZF_UL_DATE:
			snprintf(buf, cap, "DATE EXTERNAL");
			break;
		case ZF_UL_TIME:
			snprintf(buf, cap, "TIME EXTERNAL");
			break;
		case ZF_UL_TIMESTAMP:
			snprintf(buf, cap, "TIMESTAMP EXTERNAL(026)");
			break;
	}
}

zf_status
zf_unload_punch(const zf_unload *u, char *dst, size_t cap, size_t *len,
				zf_error *err)
{
	text_out	o = {dst, cap, 0, false, false};
	char		name[2 * ZF_UNLOAD_NAME_MAX + 8];

	if (cap > 0)
		dst[0] = '\0';
	line(&o, "LOAD DATA INDDN SYSREC LOG NO RESUME YES");
	if (u->unicode)
		line(&o, " UNICODE CCSID(00367,01208,01200)");
	else
		line(&o, " EBCDIC  CCSID(%05d,00000,00000)", u->ccsid);
	if (u->ieee)
		line(&o, " FLOAT(IEEE)");
	table_name(u, name, sizeof(name));
	line(&o, " INTO TABLE %s", name);
	for (int i = 0; i < u->ncols; i++)
	{
		const zf_unload_column *c = &u->cols[i];
		char		type[64];

		load_type(u, c, type, sizeof(type));
		line(&o, " %c \"%s\"", i == 0 ? '(' : ',', c->name);
		line(&o, "        POSITION(  %05u:%05u) %s", c->offset + 1,
			 c->offset + c->size, type);
		if (c->nullable)
			line(&o, "                          NULLIF(%05u)=X'FF'", c->null_pos + 1);
	}
	line(&o, " )");
	return finish(&o, len, "LOAD statement", err);
}

/* The column type of a column in CREATE TABLE. */
static void
sql_type(const zf_unload_column *c, char *buf, size_t cap)
{
	switch (c->type)
	{
		case ZF_UL_SMALLINT:
			snprintf(buf, cap, "SMALLINT");
			break;
		case ZF_UL_INTEGER:
			snprintf(buf, cap, "INTEGER");
			break;
		case ZF_UL_BIGINT:
			snprintf(buf, cap, "BIGINT");
			break;
		case ZF_UL_DECIMAL:
			snprintf(buf, cap, "DECIMAL(%d,%d)", c->digits, c->scale);
			break;
		case ZF_UL_REAL:
			snprintf(buf, cap, "REAL");
			break;
		case ZF_UL_DOUBLE:
			snprintf(buf, cap, "DOUBLE");
			break;
		case ZF_UL_CHAR:
			snprintf(buf, cap, "CHAR(%u)", c->length);
			break;
		case ZF_UL_VARCHAR:
			snprintf(buf, cap, "VARCHAR(%u)", c->length);
			break;
		case ZF_UL_DATE:
			snprintf(buf, cap, "DATE");
			break;
		case ZF_UL_TIME:
			snprintf(buf, cap, "TIME");
			break;
		case ZF_UL_TIMESTAMP:
			snprintf(buf, cap, "TIMESTAMP(6)");
			break;
	}
}

zf_status
zf_unload_create_table(const zf_unload *u, char *dst, size_t cap,
					   size_t *len, zf_error *err)
{
	text_out	o = {dst, cap, 0, false, false};
	char		name[2 * ZF_UNLOAD_NAME_MAX + 8];

	if (cap > 0)
		dst[0] = '\0';
	table_name(u, name, sizeof(name));
	line(&o, "CREATE TABLE %s", name);
	for (int i = 0; i < u->ncols; i++)
	{
		const zf_unload_column *c = &u->cols[i];
		char		type[64];

		sql_type(c, type, sizeof(type));
		line(&o, "  %c \"%s\" %s%s", i == 0 ? '(' : ',', c->name, type,
			 c->nullable ? "" : " NOT NULL");
	}
	line(&o, "  )");
	line(&o, "  CCSID %s;", u->unicode ? "UNICODE" : "EBCDIC");
	return finish(&o, len, "CREATE TABLE statement", err);
}
