/*-------------------------------------------------------------------------
 *
 * ddl_write_table.c
 *	  CREATE TABLE for PostgreSQL: the type map, defaults, identity and
 *	  generated columns, constraints and range partitioning.
 *
 * Type map (DB2 -> PostgreSQL):
 *	SMALLINT, INTEGER, BIGINT		as is
 *	DECIMAL/NUMERIC(p,s), DEC		numeric(p,s); bare DEC numeric(5,0)
 *	REAL, FLOAT(1..21)				real
 *	DOUBLE, FLOAT, FLOAT(22..53)	double precision
 *	DECFLOAT						numeric
 *	CHAR(n), VARCHAR(n)				char(n), varchar(n)
 *	... FOR BIT DATA, BINARY, VARBINARY, BLOB, ROWID	bytea
 *	GRAPHIC(n), VARGRAPHIC(n)		char(n), varchar(n)
 *	LONG VARCHAR, CLOB, LONG VARGRAPHIC, DBCLOB			text
 *	DATE, TIME						date, time
 *	TIMESTAMP(p)					timestamp(p), p > 6 as timestamp(6)
 *	TIMESTAMP WITH TIME ZONE		timestamptz
 *	XML								xml
 *
 *-------------------------------------------------------------------------
 */
#include "db2/ddl/ddl_write.h"
#include "base/compiler.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>

/* Does the column become bytea? */
bool
zf_ddlw_is_bytea(const zf_db2_column *c)
{
	switch (c->type)
	{
		case ZF_DB2_CHAR:
		case ZF_DB2_VARCHAR:
		case ZF_DB2_LONG_VARCHAR:
			return c->subtype == ZF_DB2_SUBTYPE_BIT;
		case ZF_DB2_BINARY:
		case ZF_DB2_VARBINARY:
		case ZF_DB2_BLOB:
		case ZF_DB2_ROWID:
			return true;
		default:
			return false;
	}
}

/* The PostgreSQL type of a column, with notes on what changed. */
void
zf_ddlw_type(ddl_writer *w, ddl_buf *b, const ddl_column *col, bool identity)
{
	const zf_db2_column *c = &col->pub;
	const char *name = c->name ? c->name : "";

	if (c->distinct_type != NULL)
	{
		zf_ddl_buf_puts(b, zf_ddlw_qname(w, &col->utype));
		return;
	}
	if (identity && c->type != ZF_DB2_SMALLINT && c->type != ZF_DB2_INTEGER &&
		c->type != ZF_DB2_BIGINT)
	{
		zf_ddl_buf_puts(b, "bigint");
		if (c->type == ZF_DB2_DECIMAL && c->precision > 18)
			zf_ddlw_note_col(w, "identity column of type DECIMAL written as bigint (PostgreSQL identity columns are integers): values beyond 9223372036854775807 cannot be generated", name);
		else
			zf_ddlw_note_col(w, "identity column of type DECIMAL written as bigint (PostgreSQL identity columns are integers)", name);
		return;
	}
	if (zf_ddlw_is_bytea(c))
	{
		zf_ddl_buf_puts(b, "bytea");
		if (c->type == ZF_DB2_ROWID)
			zf_ddlw_note_col(w, "ROWID written as bytea: PostgreSQL does not generate row IDs", name);
		else if (c->subtype == ZF_DB2_SUBTYPE_BIT)
			zf_ddlw_note_col(w, "FOR BIT DATA written as bytea (the bytes are kept as they are; the length is not enforced)", name);
		else
			zf_ddlw_note_col(w, "BINARY/VARBINARY/BLOB written as bytea (the length is not enforced)", name);
		return;
	}
	switch (c->type)
	{
		case ZF_DB2_SMALLINT:
			zf_ddl_buf_puts(b, "smallint");
			break;
		case ZF_DB2_INTEGER:
			zf_ddl_buf_puts(b, "integer");
			break;
		case ZF_DB2_BIGINT:
			zf_ddl_buf_puts(b, "bigint");
			break;
		case ZF_DB2_DECIMAL:
			zf_ddl_buf_printf(b, "numeric(%d,%d)", c->precision, c->scale);
			break;
		case ZF_DB2_REAL:
			zf_ddl_buf_puts(b, "real");
			break;
		case ZF_DB2_DOUBLE:
			zf_ddl_buf_puts(b, "double precision");
			break;
		case ZF_DB2_DECFLOAT:
			zf_ddl_buf_puts(b, "numeric");
			zf_ddlw_note_col(w, "DECFLOAT written as numeric (exact decimal; DECFLOAT's exponent range, -0 and signalling NaN are not kept)", name);
			break;
		case ZF_DB2_CHAR:
		case ZF_DB2_GRAPHIC:
			zf_ddl_buf_printf(b, "char(%lld)", (long long) c->length);
			break;
		case ZF_DB2_VARCHAR:
		case ZF_DB2_VARGRAPHIC:
			zf_ddl_buf_printf(b, "varchar(%lld)", (long long) c->length);
			break;
		case ZF_DB2_LONG_VARCHAR:
		case ZF_DB2_LONG_VARGRAPHIC:
			zf_ddl_buf_puts(b, "text");
			zf_ddlw_note_col(w, "LONG VARCHAR/VARGRAPHIC written as text", name);
			break;
		case ZF_DB2_CLOB:
		case ZF_DB2_DBCLOB:
			zf_ddl_buf_puts(b, "text");
			zf_ddlw_note_col(w, "CLOB/DBCLOB written as text (the length limit is not kept)", name);
			break;
		case ZF_DB2_DATE:
			zf_ddl_buf_puts(b, "date");
			break;
		case ZF_DB2_TIME:
			zf_ddl_buf_puts(b, "time");
			break;
		case ZF_DB2_TIMESTAMP:
		case ZF_DB2_TIMESTAMP_TZ:
			{
				const char *base = c->type == ZF_DB2_TIMESTAMP ? "timestamp" : "timestamptz";

				if (!col->precision_given)
					zf_ddl_buf_puts(b, base);
				else if (c->precision <= 6)
					zf_ddl_buf_printf(b, "%s(%d)", base, c->precision);
				else
				{
					zf_ddl_buf_printf(b, "%s(6)", base);
					zf_ddlw_note_col(w, "TIMESTAMP with more than 6 fractional digits written as timestamp(6): PostgreSQL keeps microseconds, finer digits are rounded", name);
				}
				break;
			}
		case ZF_DB2_XML:
			zf_ddl_buf_puts(b, "xml");
			if (col->dropped & DROP_XMLSCHEMA)
				zf_ddlw_note_col(w, "XML type modifier (XMLSCHEMA) dropped", name);
			break;
		case ZF_DB2_USER_TYPE:
			{
				const char *qn = zf_ddlw_qname(w, &col->utype);
				wobj	   *o = zf_ddlw_obj(w, qn);

				zf_ddl_buf_puts(b, qn);
				if (o == NULL || o->kind != 'd')
					zf_ddlw_note(w, "type %s is not a DB2 built-in type and this script does not define it: kept as %s (create it first, for example as a domain)",
						   c->type_name, qn);
				break;
			}
		default:
			zf_ddl_buf_puts(b, "text");
			break;
	}
}

/* EBCDIC (CCSID 37) bytes of letters, digits and blanks; false otherwise. */
static bool
ebcdic_hex(const char *s, ddl_buf *out, bool ascii)
{
	for (const char *p = s; *p; p++)
	{
		unsigned char ch = (unsigned char) *p;
		int			e;

		if (ascii)
			e = ch < 0x80 ? ch : -1;
		else if (ch == ' ')
			e = 0x40;
		else if (ch >= '0' && ch <= '9')
			e = 0xF0 + (ch - '0');
		else if (ch >= 'A' && ch <= 'I')
			e = 0xC1 + (ch - 'A');
		else if (ch >= 'J' && ch <= 'R')
			e = 0xD1 + (ch - 'J');
		else if (ch >= 'S' && ch <= 'Z')
			e = 0xE2 + (ch - 'S');
		else if (ch >= 'a' && ch <= 'i')
			e = 0x81 + (ch - 'a');
		else if (ch >= 'j' && ch <= 'r')
			e = 0x91 + (ch - 'j');
		else if (ch >= 's' && ch <= 'z')
			e = 0xA2 + (ch - 's');
		else
			e = -1;
		if (e < 0)
			return false;
		zf_ddl_buf_printf(out, "%02X", e);
	}
	return true;
}

/* Is the table (or column) stored in ASCII or Unicode rather than EBCDIC? */
static bool
column_ascii(const ddl_column *col)
{
	zf_db2_scheme s = col->pub.ccsid_scheme;

	if (s == ZF_DB2_SCHEME_NONE && col->table != NULL)
		s = col->table->pub.ccsid_scheme;
	return s == ZF_DB2_SCHEME_ASCII || s == ZF_DB2_SCHEME_UNICODE;
}

/*
 * A default value (tokens [first, end)) for the column's PostgreSQL type.
 * Writes nothing (and notes why) when it cannot be kept exactly.
 */
void
zf_ddlw_default_value(ddl_writer *w, ddl_buf *b, const ddl_column *col, int first, int end)
{
	const ddl_token *toks = w->s->tokens;
	const zf_db2_column *c = &col->pub;
	const ddl_token *t = &toks[first];
	const char *name = c->name ? c->name : "";

	if (end - first == 1 && t->kind == TK_STRING)
	{
		int			y,
					m,
					d,
					h,
					mi,
					s,
					nd;
		int64_t		us;

		if (zf_ddlw_is_bytea(c))
		{
			ddl_buf		hex;

			zf_ddl_buf_init(&hex, 1 << 20);
			if (ebcdic_hex(t->text, &hex, column_ascii(col)) && !hex.failed)
			{
				zf_ddl_buf_printf(b, "decode('%s', 'hex')", hex.data ? hex.data : "");
				zf_ddlw_note_col(w, column_ascii(col) ?
						   "character default of a binary column written as its ASCII bytes" :
						   "character default of a binary column written as its EBCDIC bytes", name);
			}
			else
				zf_ddlw_note(w, "default %s of binary column %s dropped: its EBCDIC bytes are not known here",
					   t->text, name);
			zf_ddl_buf_free(&hex);
			return;
		}
		if (c->type == ZF_DB2_DATE && zf_ddl_date_parse(t->text, &y, &m, &d))
		{
			zf_ddl_buf_printf(b, "'%04d-%02d-%02d'", y, m, d);
			return;
		}
		if (c->type == ZF_DB2_TIME && zf_ddl_time_parse(t->text, &h, &mi, &s))
		{
			zf_ddl_buf_printf(b, "'%02d:%02d:%02d'", h, mi, s);
			return;
		}
		if ((c->type == ZF_DB2_TIMESTAMP || c->type == ZF_DB2_TIMESTAMP_TZ) &&
			zf_ddl_timestamp_parse(t->text, &y, &m, &d, &h, &mi, &s, &us, &nd))
		{
			zf_ddl_buf_printf(b, "'%04d-%02d-%02d %02d:%02d:%02d.%06lld'", y, m, d, h, mi, s,
						   (long long) us);
			return;
		}
		zf_ddlw_literal(b, t->text);
		return;
	}
	if (end - first == 1 && t->kind == TK_HEX)
	{
		if (zf_ddlw_is_bytea(c))
			zf_ddl_buf_printf(b, "decode('%s', 'hex')", t->text + 1);
		else
			zf_ddlw_note(w, "hexadecimal default X'%s' of character column %s dropped: its characters depend on the DB2 code page",
				   t->text + 1, name);
		return;
	}
	if (c->type == ZF_DB2_TIMESTAMP_TZ && end - first >= 2 &&
		zf_ddlp_tok_is(t, "CURRENT") && zf_ddlp_tok_is(&toks[first + 1], "TIMESTAMP"))
	{
		zf_ddl_buf_puts(b, "CURRENT_TIMESTAMP");
		return;
	}
	zf_ddlw_expr(w, b, first, end, NULL, false);
}

/* The DB2 default of WITH DEFAULT without a value, for the column's type. */
static void
type_default(ddl_writer *w, ddl_buf *b, const ddl_column *col)
{
	const zf_db2_column *c = &col->pub;
	const char *name = c->name ? c->name : "";

	if (c->distinct_type == NULL && zf_ddlw_is_bytea(c))
	{
		if (c->type == ZF_DB2_CHAR || c->type == ZF_DB2_BINARY)
		{
			int64_t		n = c->length > 4096 ? 4096 : c->length;
			const char *byte = c->type == ZF_DB2_BINARY ? "00" :
				column_ascii(col) ? "20" : "40";

			zf_ddl_buf_puts(b, " DEFAULT decode('");
			for (int64_t i = 0; i < n; i++)
				zf_ddl_buf_puts(b, byte);
			zf_ddl_buf_puts(b, "', 'hex')");
			zf_ddlw_note_col(w, c->type == ZF_DB2_BINARY ?
					   "WITH DEFAULT without a value on BINARY written as binary zeros" :
					   "WITH DEFAULT without a value on CHAR FOR BIT DATA written as blanks in the table's encoding (X'40' EBCDIC, X'20' ASCII/Unicode)",
					   name);
			return;
		}
		if (c->type == ZF_DB2_ROWID)
			return;
		zf_ddl_buf_puts(b, " DEFAULT ''::bytea");
		return;
	}
	switch (c->type)
	{
		case ZF_DB2_SMALLINT:
		case ZF_DB2_INTEGER:
		case ZF_DB2_BIGINT:
		case ZF_DB2_DECIMAL:
		case ZF_DB2_REAL:
		case ZF_DB2_DOUBLE:
		case ZF_DB2_DECFLOAT:
			zf_ddl_buf_puts(b, " DEFAULT 0");
			break;
		case ZF_DB2_CHAR:
		case ZF_DB2_GRAPHIC:
			zf_ddl_buf_puts(b, " DEFAULT ' '");
			break;
		case ZF_DB2_VARCHAR:
		case ZF_DB2_VARGRAPHIC:
		case ZF_DB2_LONG_VARCHAR:
		case ZF_DB2_LONG_VARGRAPHIC:
		case ZF_DB2_CLOB:
		case ZF_DB2_DBCLOB:
			zf_ddl_buf_puts(b, " DEFAULT ''");
			break;
		case ZF_DB2_DATE:
			zf_ddl_buf_puts(b, " DEFAULT CURRENT_DATE");
			break;
		case ZF_DB2_TIME:
			zf_ddl_buf_puts(b, " DEFAULT LOCALTIME");
			break;
		case ZF_DB2_TIMESTAMP:
			zf_ddl_buf_puts(b, " DEFAULT LOCALTIMESTAMP");
			break;
		case ZF_DB2_TIMESTAMP_TZ:
			zf_ddl_buf_puts(b, " DEFAULT CURRENT_TIMESTAMP");
			break;
		default:
			zf_ddlw_note(w, "WITH DEFAULT without a value on column %s dropped: no default is known for its type", name);
			return;
	}
	zf_ddlw_note_col(w, "WITH DEFAULT without a value written as DB2's default for the type (0, blank, empty string, current date/time)", name);
}

/* Identity and sequence options in PostgreSQL's syntax (NO CACHE is CACHE 1). */
void
zf_ddlw_seq_options(ddl_writer *w, ddl_buf *b, const ddl_seqopts *q, const char *name)
{
	bool		any = false;

#define OPT(fmt, ...) do { zf_ddl_buf_printf(b, any ? " " fmt : fmt, __VA_ARGS__); any = true; } while (0)
	if (q->start)
		OPT("START WITH %s", q->start);
	if (q->increment)
		OPT("INCREMENT BY %s", q->increment);
	if (q->minvalue)
		OPT("MINVALUE %s", q->minvalue);
	if (q->no_minvalue)
		OPT("%s", "NO MINVALUE");
	if (q->maxvalue)
		OPT("MAXVALUE %s", q->maxvalue);
	if (q->no_maxvalue)
		OPT("%s", "NO MAXVALUE");
	if (q->cycle)
		OPT("%s", "CYCLE");
	if (q->no_cycle)
		OPT("%s", "NO CYCLE");
	if (q->cache)
		OPT("CACHE %s", q->cache);
	if (q->no_cache)
		OPT("%s", "CACHE 1");
#undef OPT
	if (q->no_cache)
		zf_ddlw_note(w, "NO CACHE of %s written as CACHE 1", name);
	if (q->order)
		zf_ddlw_note(w, "%s of %s dropped: PostgreSQL sequences have no data-sharing ordering option", q->order_text, name);
}

/* The generated part of a column: identity, row change timestamp, ... */
static bool
generated(ddl_writer *w, ddl_buf *b, const ddl_column *col)
{
	const char *name = col->pub.name;

	switch (col->gen)
	{
		case GEN_IDENTITY:
			zf_ddl_buf_puts(b, col->gen_always ? " GENERATED ALWAYS AS IDENTITY" :
						 " GENERATED BY DEFAULT AS IDENTITY");
			{
				ddl_buf		opts;

				zf_ddl_buf_init(&opts, 4096);
				zf_ddlw_seq_options(w, &opts, &col->seq, name);
				if (opts.len > 0)
					zf_ddl_buf_printf(b, " (%s)", opts.data);
				zf_ddl_buf_free(&opts);
			}
			return true;
		case GEN_ROWID:
			zf_ddlw_note(w, "GENERATED %s on ROWID column %s dropped: PostgreSQL does not generate row IDs (give the values when loading)",
				   col->gen_always ? "ALWAYS" : "BY DEFAULT", name);
			return false;
		case GEN_ROW_CHANGE_TS:
			zf_ddl_buf_puts(b, " DEFAULT LOCALTIMESTAMP");
			zf_ddlw_note(w, "row change timestamp %s written as DEFAULT LOCALTIMESTAMP: updates do not change it without a trigger", name);
			return true;
		case GEN_ROW_BEGIN:
			zf_ddl_buf_puts(b, " DEFAULT LOCALTIMESTAMP");
			zf_ddlw_note(w, "system-period column %s (ROW BEGIN) written as DEFAULT LOCALTIMESTAMP: PostgreSQL does not maintain system-period temporal tables", name);
			return true;
		case GEN_ROW_END:
			zf_ddl_buf_puts(b, " DEFAULT '9999-12-30 00:00:00'");
			zf_ddlw_note(w, "system-period column %s (ROW END) written with DB2's end-of-time default: PostgreSQL does not maintain system-period temporal tables", name);
			return true;
		case GEN_TRANS_ID:
			zf_ddlw_note(w, "TRANSACTION START ID column %s is not generated by PostgreSQL", name);
			return false;
		case GEN_EXPRESSION:
			zf_ddl_buf_puts(b, " GENERATED ALWAYS AS (");
			zf_ddlw_expr(w, b, col->gen_expr.first, col->gen_expr.end, NULL, false);
			zf_ddl_buf_puts(b, ") STORED");
			return true;
		case GEN_NONE:
			break;
	}
	return false;
}

/* Notes for column clauses that PostgreSQL has no place for. */
static void
dropped_clauses(ddl_writer *w, const ddl_column *col)
{
	const char *name = col->pub.name;

	if (col->pub.subtype == ZF_DB2_SUBTYPE_SBCS)
		zf_ddlw_note_col(w, "FOR SBCS DATA dropped: PostgreSQL strings use the database encoding", name);
	if (col->pub.subtype == ZF_DB2_SUBTYPE_MIXED)
		zf_ddlw_note_col(w, "FOR MIXED DATA dropped: PostgreSQL strings use the database encoding (lengths count characters, not bytes)", name);
	if (col->dropped & DROP_CCSID)
		zf_ddlw_note_col(w, "column CCSID dropped: PostgreSQL strings use the database encoding", name);
	if (col->dropped & DROP_FIELDPROC)
		zf_ddlw_note_col(w, "FIELDPROC dropped: a field procedure encoded the stored values in DB2; make sure the data was decoded", name);
	if (col->dropped & DROP_SECLABEL)
		zf_ddlw_note_col(w, "AS SECURITY LABEL dropped: use row-level security policies", name);
	if (col->dropped & DROP_HIDDEN)
		zf_ddlw_note_col(w, "IMPLICITLY HIDDEN dropped: the column is visible in SELECT *", name);
	if (col->dropped & DROP_INLINE)
		zf_ddlw_note_col(w, "INLINE LENGTH dropped", name);
	if (col->dropped & DROP_UNITS)
		zf_ddlw_note_col(w, "string length unit (CODEUNITS/OCTETS) dropped: PostgreSQL lengths count characters", name);
}

/* A column's definition: name type [generated] [DEFAULT] [NOT NULL] [...] */
void
zf_ddlw_column_def(ddl_writer *w, ddl_buf *b, const ddl_column *col,
			 const char *table_qname, const char *pk_name, ddl_buf *deferred)
{
	const zf_db2_column *c = &col->pub;

	zf_ddl_buf_puts(b, zf_ddlw_ident(w, c->name));
	zf_ddl_buf_putc(b, ' ');
	zf_ddlw_type(w, b, col, col->gen == GEN_IDENTITY);
	if (col->gen != GEN_NONE)
		generated(w, b, col);
	else if (c->default_kind == ZF_DB2_DEFAULT_TYPE)
		type_default(w, b, col);
	else if (c->default_kind == ZF_DB2_DEFAULT_VALUE)
	{
		ddl_buf		v;

		zf_ddl_buf_init(&v, 1 << 20);
		zf_ddlw_default_value(w, &v, col, col->dflt.first, col->dflt.end);
		if (v.len > 0)
			zf_ddl_buf_printf(b, " DEFAULT %s", v.data);
		if (v.failed)
			w->oom = true;
		zf_ddl_buf_free(&v);
	}
	if (c->not_null)
		zf_ddl_buf_puts(b, " NOT NULL");
	for (int i = 0; i < col->ncons; i++)
	{
		ddl_constraint con = col->cons[i];
		const char *cols[1];

		cols[0] = c->name;
		con.ncols = 1;
		con.cols = cols;
		zf_ddlw_constraint(w, b, &con, table_qname,
					 con.kind == CON_PK && con.name == NULL ? pk_name : NULL,
					 true, deferred);
	}
	dropped_clauses(w, col);
}

/* The primary key of a CREATE TABLE: columns and DB2 constraint name. */
void
zf_ddlw_table_pk(const ddl_table *t, int *n, const char ***cols, const char **name)
{
	*n = 0;
	*cols = NULL;
	*name = NULL;
	for (int i = 0; i < t->ncons; i++)
	{
		if (t->cons[i].kind == CON_PK)
		{
			*n = t->cons[i].ncols;
			*cols = t->cons[i].cols;
			*name = t->cons[i].name;
			return;
		}
	}
	for (int i = 0; i < t->pub.ncolumns; i++)
	{
		for (int k = 0; k < t->cols[i]->ncons; k++)
		{
			if (t->cols[i]->cons[k].kind == CON_PK)
			{
				*n = 1;
				*cols = &t->cols[i]->pub.name;
				*name = t->cols[i]->cons[k].name;
				return;
			}
		}
	}
}

/* ", a, b" style list of DB2 column names as identifiers. */
static void
name_list(ddl_writer *w, ddl_buf *b, int n, const char *const *names)
{
	zf_ddl_buf_putc(b, '(');
	for (int i = 0; i < n; i++)
	{
		if (i > 0)
			zf_ddl_buf_puts(b, ", ");
		zf_ddl_buf_puts(b, zf_ddlw_ident(w, names[i]));
	}
	zf_ddl_buf_putc(b, ')');
}

/*
 * A constraint, written " [CONSTRAINT n] PRIMARY KEY (...)" into b.  A
 * column constraint (ncols 1 from zf_ddlw_column_def) is written in column form.
 * A foreign key to a table this script has not created goes to deferred
 * (guarded), or is left out, as the options say.  pk_name names an
 * unnamed primary key.
 */
void
zf_ddlw_constraint(ddl_writer *w, ddl_buf *b, const ddl_constraint *con,
			 const char *table_qname, const char *pk_name, bool column_form,
			 ddl_buf *deferred)
{
	ddl_buf		body;
	ddl_buf		table_form;		/* a foreign key as a table constraint */
	const char *name = con->name ? zf_ddlw_ident(w, con->name) : pk_name;

	/* an unnamed UNIQUE constraint takes the name of DB2's index for it */
	if (name == NULL && con->kind == CON_UNIQUE)
	{
		const ddl_index *ix = zf_ddl_map_get(&w->uniq_name,
										  zf_ddlw_cols_key(w, table_qname, con->ncols, con->cols));

		if (ix != NULL && (name = zf_ddlw_index_name_free(w, table_qname, ix->name.name)) != NULL)
			zf_ddlw_note(w, "unique constraint named %s after DB2's unique index %s, which enforced it",
				   name, ix->name.name);
	}
	zf_ddl_buf_init(&body, 1 << 24);
	zf_ddl_buf_init(&table_form, 1 << 24);
	if (name != NULL)
		zf_ddl_buf_printf(&body, "CONSTRAINT %s ", name);
	switch (con->kind)
	{
		case CON_PK:
			zf_ddl_buf_puts(&body, "PRIMARY KEY");
			if (!column_form)
			{
				zf_ddl_buf_putc(&body, ' ');
				name_list(w, &body, con->ncols, con->cols);
			}
			if (con->without_overlaps)
				zf_ddlw_note(w, "BUSINESS_TIME WITHOUT OVERLAPS dropped from the primary key");
			break;
		case CON_UNIQUE:
			zf_ddl_buf_puts(&body, "UNIQUE");
			if (!column_form)
			{
				zf_ddl_buf_putc(&body, ' ');
				name_list(w, &body, con->ncols, con->cols);
			}
			if (con->without_overlaps)
				zf_ddlw_note(w, "BUSINESS_TIME WITHOUT OVERLAPS dropped from a unique constraint");
			break;
		case CON_CHECK:
			zf_ddl_buf_puts(&body, "CHECK (");
			zf_ddlw_expr(w, &body, con->check.first, con->check.end, NULL, false);
			zf_ddl_buf_putc(&body, ')');
			break;
		case CON_FK:
			{
				const char *parent = zf_ddlw_qname(w, &con->ref);
				int			later;
				wobj	   *po = zf_ddlw_obj(w, parent);
				bool		exists = (po != NULL && (po->kind == 't')) ||
					strcmp(parent, table_qname) == 0;

				ddl_buf		ref;

				zf_ddl_buf_init(&ref, 1 << 20);
				zf_ddl_buf_printf(&ref, "REFERENCES %s", parent);
				if (con->nrefcols > 0)
				{
					zf_ddl_buf_putc(&ref, ' ');
					name_list(w, &ref, con->nrefcols, con->refcols);
				}
				if (con->on_delete && strcmp(con->on_delete, "NO ACTION") != 0)
					zf_ddl_buf_printf(&ref, " ON DELETE %s", con->on_delete);
				if (con->on_update && strcmp(con->on_update, "NO ACTION") != 0)
					zf_ddl_buf_printf(&ref, " ON UPDATE %s", con->on_update);
				if (name != NULL)
					zf_ddl_buf_printf(&table_form, "CONSTRAINT %s ", name);
				zf_ddl_buf_puts(&table_form, "FOREIGN KEY ");
				name_list(w, &table_form, con->ncols, con->cols);
				zf_ddl_buf_printf(&table_form, " %s", ref.data ? ref.data : "");
				if (!column_form)
				{
					zf_ddl_buf_puts(&body, "FOREIGN KEY ");
					name_list(w, &body, con->ncols, con->cols);
					zf_ddl_buf_putc(&body, ' ');
				}
				zf_ddl_buf_puts(&body, ref.data ? ref.data : "");
				zf_ddl_buf_free(&ref);

				if (con->not_enforced)
				{
					zf_ddlw_note(w, "informational (NOT ENFORCED) foreign key %s left out: PostgreSQL enforces every foreign key; it was: %s",
						   con->name ? con->name : "", table_form.data ? table_form.data : "");
					zf_ddl_buf_free(&body);
					zf_ddl_buf_free(&table_form);
					return;
				}
				if (con->query_opt)
					zf_ddlw_note(w, "ENABLE/DISABLE QUERY OPTIMIZATION of a foreign key dropped");
				later = (int) (intptr_t) zf_ddl_map_get(&w->all_tables, parent);
				if (!exists && ((w->stmt != NULL && later > w->stmt->number) ||
								w->o->missing_references != ZF_PG_MISSING_KEEP))
				{
					ddl_buf		alter;
					char		what[256];

					zf_ddl_buf_init(&alter, 1 << 24);
					zf_ddl_buf_printf(&alter, "ALTER TABLE %s ADD %s;", table_qname,
								   table_form.data ? table_form.data : "");
					if (w->stmt != NULL && later > w->stmt->number)
					{
						/* the parent comes later in the script: add it then */
						zf_ddl_buf_putc(&alter, '\n');
						zf_ddlw_pending_fk(w, parent, alter.data ? alter.data : "");
						zf_ddlw_note(w, "foreign key to %s is added after that table is created (statement %d)",
							   parent, later);
					}
					else if (w->o->missing_references == ZF_PG_MISSING_OMIT)
						zf_ddlw_note(w, "foreign key to %s left out: this script does not create that table; it was: %s",
							   parent, alter.data ? alter.data : "");
					else
					{
						wrefs		missing;

						memset(&missing, 0, sizeof(missing));
						zf_ddlw_refs_add(w, &missing, parent);
						snprintf(what, sizeof(what), "foreign key of %s", table_qname);
						zf_ddlw_guarded(w, deferred, &missing, alter.data ? alter.data : "", what);
						zf_ddlw_note(w, "foreign key to %s, which this script does not create, is added only if that table exists", parent);
					}
					zf_ddl_buf_free(&alter);
					zf_ddl_buf_free(&body);
					zf_ddl_buf_free(&table_form);
					return;
				}
				break;
			}
	}
	if (body.failed || table_form.failed)
		w->oom = true;
	zf_ddl_buf_putc(b, ' ');
	zf_ddl_buf_puts(b, body.data ? body.data : "");
	zf_ddl_buf_free(&body);
	zf_ddl_buf_free(&table_form);
}

/* A column of a table the writer knows (CREATE TABLE or ALTER ADD). */
const ddl_column *
zf_ddlw_find_column(ddl_writer *w, const wobj *o, const char *db2name)
{
	(void) w;
	if (o == NULL || o->table == NULL)
		return NULL;
	for (int i = 0; i < o->table->pub.ncolumns; i++)
		if (strcmp(o->table->cols[i]->pub.name, db2name) == 0)
			return o->table->cols[i];
	for (int i = 0; i < o->nextra; i++)
		if (strcmp(o->extra[i]->pub.name, db2name) == 0)
			return o->extra[i];
	return NULL;
}

/* ---------------------------------------------------------------------
 * Partitioning
 * ---------------------------------------------------------------------
 */

/* Does the list contain every partitioning column? */
static bool
covers(const ddl_partby *pb, int n, const char *const *cols)
{
	for (int i = 0; i < pb->ncols; i++)
	{
		bool		found = false;

		for (int k = 0; k < n; k++)
			if (strcmp(pb->cols[i], cols[k]) == 0)
				found = true;
		if (!found)
			return false;
	}
	return true;
}

/*
 * One partition bound: the exclusive PostgreSQL form of DB2's inclusive
 * limit key.  False if a value cannot be converted exactly.
 */
static bool
upper_bound(ddl_writer *w, const ddl_column *const *keycols, int ncols,
			const ddl_partition *part, ddl_buf *out)
{
	int			first_special = -1;
	int			special_kind = 0;

	if (part->bound.nvals != ncols)
		return false;
	for (int i = 0; i < ncols; i++)
	{
		const ddl_range *v = &part->bound.vals[i];
		const ddl_token *t = &w->s->tokens[v->first];

		if (v->end - v->first == 1 && (zf_ddlp_tok_is(t, "MAXVALUE") || zf_ddlp_tok_is(t, "MINVALUE")))
		{
			first_special = i;
			special_kind = zf_ddlp_tok_is(t, "MAXVALUE") ? 1 : -1;
			break;
		}
	}
	zf_ddl_buf_putc(out, '(');
	for (int i = 0; i < ncols; i++)
	{
		const ddl_range *v = &part->bound.vals[i];
		int			special = 0;
		bool		last = (first_special < 0 && i == ncols - 1);

		if (i > 0)
			zf_ddl_buf_puts(out, ", ");
		if (first_special >= 0 && i >= first_special)
		{
			zf_ddl_buf_puts(out, special_kind > 0 ? "MAXVALUE" : "MINVALUE");
			continue;
		}
		if (!zf_ddl_bound_value(w, keycols[i], v->first, v->end, last, out, &special))
			return false;
		if (special != 0)
		{
			/* the successor overflowed: "<= max" is "< MAXVALUE" */
			zf_ddl_buf_puts(out, special > 0 ? "MAXVALUE" : "MINVALUE");
			for (int k = i + 1; k < ncols; k++)
				zf_ddl_buf_puts(out, special > 0 ? ", MAXVALUE" : ", MINVALUE");
			break;
		}
	}
	zf_ddl_buf_putc(out, ')');
	return true;
}

/*
 * Convert PARTITION BY RANGE if every part of it has an exact PostgreSQL
 * form: writes " PARTITION BY RANGE (...)" into b and the partitions into
 * parts.  Otherwise returns false with the reason in why.
 */
static bool
partitioning(ddl_writer *w, const ddl_table *t, const char *qname, wobj *o,
			 ddl_buf *b, ddl_buf *parts, const char **why)
{
	const ddl_partby *pb = t->partby;
	const ddl_column *keycols[65];
	ddl_buf		prev;
	bool		ok = true;
	bool		nullable = false;

	*why = NULL;
	if (!w->o->partitioning)
		return (*why = "the partitioning option is off"), false;
	if (pb->by_size)
		return (*why = "PARTITION BY SIZE (partition by growth) has no PostgreSQL counterpart"), false;
	if (pb->any_desc)
		return (*why = "descending limit keys have no PostgreSQL counterpart"), false;
	if (pb->nparts == 0 || pb->ncols > 64)
		return (*why = "no partitions"), false;
	for (int i = 0; i < pb->ncols; i++)
	{
		keycols[i] = zf_ddlw_find_column(w, o, pb->cols[i]);
		if (keycols[i] == NULL)
			return (*why = "a partitioning column is not a column of the table"), false;
		switch (keycols[i]->pub.type)
		{
			case ZF_DB2_SMALLINT:
			case ZF_DB2_INTEGER:
			case ZF_DB2_BIGINT:
			case ZF_DB2_DECIMAL:
			case ZF_DB2_DATE:
			case ZF_DB2_TIME:
				break;
			case ZF_DB2_TIMESTAMP:
				if (keycols[i]->pub.precision <= 6)
					break;
				ZF_FALLTHROUGH;
			default:
				return (*why = "a limit key's type has no exact next value (strings, floating point, fine timestamps), so DB2's inclusive limits cannot be made exclusive"), false;
		}
		if (keycols[i]->pub.distinct_type != NULL)
			return (*why = "a partitioning column has a distinct type"), false;
		if (!keycols[i]->pub.not_null)
			nullable = true;
	}
	for (int i = 0; i < t->ncons; i++)
		if ((t->cons[i].kind == CON_PK || t->cons[i].kind == CON_UNIQUE) &&
			!covers(pb, t->cons[i].ncols, t->cons[i].cols))
			return (*why = "a primary key or unique constraint does not include every partitioning column (PostgreSQL requires it)"), false;
	for (int i = 0; i < t->pub.ncolumns; i++)
		for (int k = 0; k < t->cols[i]->ncons; k++)
			if ((t->cols[i]->cons[k].kind == CON_PK || t->cols[i]->cons[k].kind == CON_UNIQUE) &&
				!covers(pb, 1, &t->cols[i]->pub.name))
				return (*why = "a primary key or unique constraint does not include every partitioning column (PostgreSQL requires it)"), false;
	{
		const wuniq *ux = zf_ddl_map_get(&w->uniq_indexes, qname);

		for (; ux != NULL; ux = ux->next)
		{
			const ddl_index *ix = ux->ix;
			const char *cols[65];
			int			n = 0;

			for (int k = 0; k < ix->nkeys && n < 64; k++)
				if (ix->keys[k].col != NULL)
					cols[n++] = ix->keys[k].col;
			if (!covers(pb, n, cols))
				return (*why = "a unique index on the table does not include every partitioning column (PostgreSQL requires it)"), false;
		}
	}

	/* the bounds */
	zf_ddl_buf_init(&prev, 1 << 20);
	zf_ddl_buf_puts(&prev, "(");
	for (int i = 0; i < pb->ncols; i++)
		zf_ddl_buf_puts(&prev, i ? ", MINVALUE" : "MINVALUE");
	zf_ddl_buf_puts(&prev, ")");
	for (int p = 0; p < pb->nparts && ok; p++)
	{
		const ddl_partition *part = &pb->parts[p];
		ddl_buf		up;
		char		pname[DDL_MAX_NAME + 32];
		ddl_name	pn;

		zf_ddl_buf_init(&up, 1 << 20);
		if (!upper_bound(w, keycols, pb->ncols, part, &up) || up.failed)
			ok = false;
		else
		{
			snprintf(pname, sizeof(pname), "%s_P%d", t->name.name, part->number);
			pn = t->name;
			pn.name = pname;
			zf_ddl_buf_printf(parts, "CREATE TABLE %s PARTITION OF %s\n    FOR VALUES FROM %s TO %s;\n",
						   zf_ddlw_qname(w, &pn), qname, prev.data, up.data);
			zf_ddl_buf_reset(&prev);
			zf_ddl_buf_puts(&prev, up.data);
		}
		zf_ddl_buf_free(&up);
	}
	zf_ddl_buf_free(&prev);
	if (!ok)
	{
		zf_ddl_buf_reset(parts);
		return (*why = "a limit value could not be read exactly for its column type"), false;
	}
	zf_ddl_buf_puts(b, " PARTITION BY RANGE ");
	name_list(w, b, pb->ncols, pb->cols);
	zf_ddlw_note(w, "PARTITION BY RANGE converted: DB2's inclusive ENDING AT limits written as PostgreSQL's exclusive upper bounds");
	if (nullable)
		zf_ddlw_note(w, "a partitioning column is nullable: rows with NULL there have no partition in PostgreSQL (DB2 puts them in the last one); add a DEFAULT partition if they occur");
	{
		bool		opts = false;

		for (int p = 0; p < pb->nparts; p++)
			opts |= pb->parts[p].has_options;
		if (opts)
			zf_ddlw_note(w, "storage clauses of the partitions dropped");
	}
	o->partitioned = true;
	return true;
}

/* ---------------------------------------------------------------------
 * CREATE TABLE
 * ---------------------------------------------------------------------
 */

/* Notes for the table's storage, operational and unknown clauses. */
static void
clause_notes(ddl_writer *w, const ddl_clauses *cl, const char *what)
{
	ddl_buf		plain;

	zf_ddl_buf_init(&plain, 1 << 20);
	for (int i = 0; i < cl->n; i++)
	{
		const ddl_clause *c = &cl->items[i];

		if (c->unknown)
			zf_ddlw_note(w, "unknown clause skipped: %s", c->text);
		else if (c->advice)
			zf_ddlw_note(w, "%s dropped: %s", c->text, c->advice);
		else
		{
			if (plain.len > 0)
				zf_ddl_buf_puts(&plain, ", ");
			zf_ddl_buf_puts(&plain, c->text);
		}
	}
	if (plain.len > 0)
		zf_ddlw_note(w, "DB2 %s clauses dropped (no PostgreSQL counterpart): %s", what, plain.data);
	zf_ddl_buf_free(&plain);
}

/*
 * DB2's index name for a key of table qname, if no relation of the schema
 * has that name already (DB2 keeps index names apart from table names,
 * PostgreSQL does not); the name is then taken.  NULL: keep PostgreSQL's
 * default name for the key.
 */
const char *
zf_ddlw_index_name_free(ddl_writer *w, const char *qname, const char *db2name)
{
	wobj	   *o = zf_ddlw_obj(w, qname);
	const char *name = zf_ddlw_ident(w, db2name);
	const char *iqn = zf_ddlw_qname_in(w, o ? o->schema : NULL, name);

	if (strcmp(iqn, qname) == 0 || zf_ddlw_obj(w, iqn) != NULL)
	{
		zf_ddlw_note(w, "DB2's index name %s is taken by another relation of the schema: the key keeps PostgreSQL's default name",
			   db2name);
		return NULL;
	}
	zf_ddlw_add_obj(w, iqn, 'i');
	return name;
}

/* The DB2 name of the unique index that names this table's primary key. */
static const char *
pk_index_name(ddl_writer *w, const char *qname)
{
	const ddl_index *ix = zf_ddl_map_get(&w->pk_index, qname);

	return ix ? ix->name.name : NULL;
}

/* CREATE TABLE with its columns, constraints and partitions; the notes for what changed. */
void
zf_ddlw_create_table(ddl_writer *w, const ddl_table *t)
{
	const char *qname = zf_ddlw_qname(w, &t->name);
	const char *schema = zf_ddlw_schema_for(w, t->name.qual);
	ddl_buf    *b = &w->sql;
	ddl_buf		deferred;
	ddl_buf		parts;
	wobj	   *o;
	int			npk;
	const char **pkcols;
	const char *pkname;
	const char *pk_pgname = NULL;

	if (t->name.loc)
		zf_ddlw_note(w, "location %s of the table name dropped", t->name.loc);
	zf_ddlw_create_schema(w, schema);
	zf_ddl_buf_init(&deferred, 1 << 28);
	zf_ddl_buf_init(&parts, 1 << 28);

	if (t->has_as)
	{
		zf_ddl_buf_printf(b, "CREATE %s %s", t->mqt ? "MATERIALIZED VIEW" : "TABLE", qname);
		if (t->pub.ncolumns > 0)
		{
			zf_ddl_buf_puts(b, " (");
			for (int i = 0; i < t->pub.ncolumns; i++)
				zf_ddl_buf_printf(b, "%s%s", i ? ", " : "", zf_ddlw_ident(w, t->cols[i]->pub.name));
			zf_ddl_buf_puts(b, ")");
		}
		zf_ddl_buf_puts(b, " AS\n");
		{
			wrefs		refs;

			memset(&refs, 0, sizeof(refs));
			zf_ddlw_expr(w, b, t->as_query.first, t->as_query.end, &refs, true);
		}
		zf_ddl_buf_puts(b, "\nWITH NO DATA;\n");
		if (t->mqt)
			zf_ddlw_note(w, "materialized query table written as a materialized view: fill it with REFRESH MATERIALIZED VIEW");
		else
			zf_ddlw_note(w, "CREATE TABLE AS: the column types come from the query");
		o = zf_ddlw_add_obj(w, qname, t->mqt ? 'm' : 't');
		if (o)
			o->table = t;
		clause_notes(w, &t->clauses, "table");
		zf_ddl_buf_free(&deferred);
		zf_ddl_buf_free(&parts);
		return;
	}

	if (t->has_like)
	{
		const char *src = zf_ddlw_qname(w, &t->like);
		wobj	   *so = zf_ddlw_obj(w, src);
		ddl_buf		stmt;

		zf_ddl_buf_init(&stmt, 1 << 20);
		zf_ddl_buf_printf(&stmt, "CREATE TABLE %s (LIKE %s INCLUDING DEFAULTS%s);\n", qname, src,
					   t->like_identity ? " INCLUDING IDENTITY" : "");
		if ((so == NULL || so->kind != 't') && w->o->missing_references == ZF_PG_MISSING_GUARD)
		{
			wrefs		missing;

			memset(&missing, 0, sizeof(missing));
			zf_ddlw_refs_add(w, &missing, src);
			zf_ddlw_guarded(w, b, &missing, stmt.data ? stmt.data : "", qname);
			zf_ddlw_note(w, "LIKE %s: this script does not create that table, so the table is created only if it exists", src);
			zf_ddlw_add_obj(w, qname, 'g');
		}
		else
		{
			zf_ddl_buf_puts(b, stmt.data ? stmt.data : "");
			o = zf_ddlw_add_obj(w, qname, 't');
			if (o)
				o->table = t;
		}
		zf_ddl_buf_free(&stmt);
		clause_notes(w, &t->clauses, "table");
		zf_ddl_buf_free(&deferred);
		zf_ddl_buf_free(&parts);
		return;
	}

	o = zf_ddlw_add_obj(w, qname, 't');
	if (o == NULL)
		return;
	o->table = t;
	o->schema = schema;
	zf_ddlw_table_pk(t, &npk, &pkcols, &pkname);
	if (npk > 0)
	{
		const char *ixname = pkname ? NULL : pk_index_name(w, qname);

		o->npk = npk;
		o->pk_cols = pkcols;
		if (pkname)
			o->pk_name = zf_ddlw_ident(w, pkname);
		else if (ixname && (pk_pgname = zf_ddlw_index_name_free(w, qname, ixname)) != NULL)
		{
			o->pk_name = pk_pgname;
			zf_ddlw_note(w, "primary key constraint named %s after DB2's unique index %s, which enforced it",
				   pk_pgname, ixname);
		}
	}
	for (int i = 0; i < t->ncons; i++)
		if (t->cons[i].kind == CON_UNIQUE)
		{
			const ddl_constraint **slot = zf_arena_push(w->arena, (void **) &o->uniq, &o->nuniq,
													 &o->capuniq, sizeof(ddl_constraint *));

			if (slot)
				*slot = &t->cons[i];
		}
	for (int i = 0; i < t->pub.ncolumns; i++)
		for (int k = 0; k < t->cols[i]->ncons; k++)
			if (t->cols[i]->cons[k].kind == CON_UNIQUE)
			{
				ddl_constraint *c = zf_arena_alloc(w->arena, sizeof(ddl_constraint));
				const ddl_constraint **slot = zf_arena_push(w->arena, (void **) &o->uniq, &o->nuniq,
														 &o->capuniq, sizeof(ddl_constraint *));

				if (c == NULL || slot == NULL)
				{
					w->oom = true;
					break;
				}
				*c = t->cols[i]->cons[k];
				c->ncols = 1;
				c->cols = (const char **) &t->cols[i]->pub.name;
				*slot = c;
			}

	zf_ddl_buf_printf(b, "CREATE TABLE %s (\n", qname);
	for (int i = 0; i < t->pub.ncolumns; i++)
	{
		zf_ddl_buf_puts(b, i ? ",\n    " : "    ");
		zf_ddlw_column_def(w, b, t->cols[i], qname, pk_pgname, &deferred);
	}
	for (int i = 0; i < t->ncons; i++)
	{
		ddl_buf		con;

		zf_ddl_buf_init(&con, 1 << 24);
		zf_ddlw_constraint(w, &con, &t->cons[i], qname,
					 t->cons[i].kind == CON_PK && !t->cons[i].name ? pk_pgname : NULL,
					 false, &deferred);
		if (con.len > 0)
			zf_ddl_buf_printf(b, ",\n   %s", con.data);
		zf_ddl_buf_free(&con);
	}
	zf_ddl_buf_puts(b, "\n)");
	if (t->nperiods > 0)
		zf_ddlw_note(w, "%s dropped: PostgreSQL has no temporal periods", t->period_text);

	if (t->partby != NULL)
	{
		const char *why;

		if (!partitioning(w, t, qname, o, b, &parts, &why))
		{
			ddl_buf		text;

			zf_ddl_buf_init(&text, 1 << 24);
			zf_ddlw_range_source(w, &text, t->partby->text.first, t->partby->text.end);
			zf_ddl_buf_puts(&parts, "-- DB2 partitioning, not converted: ");
			zf_ddl_buf_puts(&parts, text.data ? text.data : "");
			zf_ddl_buf_putc(&parts, '\n');
			zf_ddlw_note(w, "partitioning not converted, kept as a comment: %s", why);
			zf_ddl_buf_free(&text);
		}
	}
	zf_ddl_buf_puts(b, ";\n");
	if (parts.len > 0)
		zf_ddl_buf_puts(b, parts.data);
	if (deferred.len > 0)
		zf_ddl_buf_puts(b, deferred.data);
	if (deferred.failed || parts.failed)
		w->oom = true;
	zf_ddl_buf_free(&deferred);
	zf_ddl_buf_free(&parts);
	clause_notes(w, &t->clauses, "table");
	zf_ddlw_flush_pending_fks(w, qname);
}
