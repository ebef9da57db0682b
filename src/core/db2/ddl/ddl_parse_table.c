/*-------------------------------------------------------------------------
 *
 * ddl_parse_table.c
 *	  DB2 for z/OS CREATE TABLE: columns and their types, defaults,
 *	  identity and other generated columns, constraints, range
 *	  partitioning, LIKE and AS (fullselect), and the table's storage
 *	  clauses.  Also the pieces ALTER TABLE and CREATE SEQUENCE reuse.
 *
 *-------------------------------------------------------------------------
 */
#include "db2/ddl/ddl_int.h"
#include "db2/ddl/ddl_parse.h"

#include <stdio.h>
#include <string.h>

/* Index of the next ',' at depth 0 from index p, or limit. */
static int
element_end(const ddl_cur *c, int p, int limit)
{
	int			depth = 0;

	for (; p < limit; p++)
	{
		const ddl_token *t = &c->toks[p];

		if (zf_ddlp_tok_punct(t, "("))
			depth++;
		else if (zf_ddlp_tok_punct(t, ")"))
			depth--;
		else if (depth == 0 && zf_ddlp_tok_punct(t, ","))
			return p;
	}
	return limit;
}

/* ---------------------------------------------------------------------
 * Data types
 * ---------------------------------------------------------------------
 */

/*
 * "(n [K|M|G] [CODEUNITS16|CODEUNITS32|OCTETS])".  The multiplier is only
 * allowed for LOBs.
 */
static zf_status
paren_length(ddl_cur *c, ddl_column *col, bool lob, int64_t max)
{
	int64_t		n;
	const ddl_token *at;
	zf_status	st;

	if ((st = zf_ddlp_expect_punct(c, "(")) != ZF_OK)
		return st;
	at = zf_ddlp_tok(c, 0);
	if ((st = zf_ddlp_int(c, &n)) != ZF_OK)
		return st;
	if (lob)
	{
		if (zf_ddlp_accept(c, "K"))
			n *= 1024;
		else if (zf_ddlp_accept(c, "M"))
			n *= 1024 * 1024;
		else if (zf_ddlp_accept(c, "G"))
			n = n > 2 ? max + 1 : n * 1024 * 1024 * 1024;
	}
	if (n > max && lob && n == INT64_C(2147483648))
		n = max;				/* 2G means 2G - 1 */
	if (n < 1 || n > max)
	{
		zf_error_set(c->err, ZF_E_SYNTAX, "length out of range for %s", col->pub.type_name);
		zf_error_at(c->err, at->line, at->column);
		return ZF_E_SYNTAX;
	}
	if (zf_ddlp_accept(c, "CODEUNITS16") || zf_ddlp_accept(c, "CODEUNITS32") ||
		zf_ddlp_accept(c, "OCTETS"))
		col->dropped |= DROP_UNITS;
	col->pub.length = n;
	return zf_ddlp_expect_punct(c, ")");
}

/* "(p [, s])" for DECIMAL. */
static zf_status
decimal_args(ddl_cur *c, ddl_column *col)
{
	int64_t		p;
	int64_t		s = 0;
	const ddl_token *at;
	zf_status	st;

	col->pub.precision = 5;
	col->pub.scale = 0;
	if (!zf_ddlp_tok_punct(zf_ddlp_tok(c, 0), "("))
		return ZF_OK;
	c->pos++;
	at = zf_ddlp_tok(c, 0);
	if ((st = zf_ddlp_int(c, &p)) != ZF_OK)
		return st;
	if (zf_ddlp_accept_punct(c, ",") && (st = zf_ddlp_int(c, &s)) != ZF_OK)
		return st;
	if (p < 1 || p > 31 || s < 0 || s > p)
	{
		zf_error_set(c->err, ZF_E_SYNTAX, "invalid DECIMAL precision or scale (%lld, %lld)",
					 (long long) p, (long long) s);
		zf_error_detail(c->err, "DB2 allows a precision of 1 to 31 and a scale of 0 to the precision.");
		zf_error_at(c->err, at->line, at->column);
		return ZF_E_SYNTAX;
	}
	col->pub.precision = (int) p;
	col->pub.scale = (int) s;
	col->precision_given = true;
	return zf_ddlp_expect_punct(c, ")");
}

/* An optional "(n)" with lo <= n <= hi into *v. */
static zf_status
small_arg(ddl_cur *c, int *v, int lo, int hi, const char *what)
{
	int64_t		n;
	const ddl_token *at;
	zf_status	st;

	if (!zf_ddlp_tok_punct(zf_ddlp_tok(c, 0), "("))
		return ZF_OK;
	c->pos++;
	at = zf_ddlp_tok(c, 0);
	if ((st = zf_ddlp_int(c, &n)) != ZF_OK)
		return st;
	if (n < lo || n > hi)
	{
		zf_error_set(c->err, ZF_E_SYNTAX, "invalid %s precision %lld", what, (long long) n);
		zf_error_at(c->err, at->line, at->column);
		return ZF_E_SYNTAX;
	}
	*v = (int) n;
	return zf_ddlp_expect_punct(c, ")");
}

#define MAX_CHAR	INT64_C(10485760)	/* PostgreSQL's char/varchar limit */
#define MAX_LOB		INT64_C(2147483647)

/*
 * A data type into col->pub.  A name that is not a built-in type is a
 * distinct type: the one this script defined (its source type is used), or
 * ZF_DB2_USER_TYPE.
 */
zf_status
zf_ddl_parse_type(ddl_cur *c, ddl_column *col)
{
	zf_db2_column *p = &col->pub;
	int			start = c->pos;
	const ddl_token *t;
	zf_status	st = ZF_OK;

	/* built-in types may be written SYSIBM.INTEGER */
	if (zf_ddlp_tok_is(zf_ddlp_tok(c, 0), "SYSIBM") && zf_ddlp_tok_punct(zf_ddlp_tok(c, 1), ".") &&
		zf_ddlp_tok(c, 2)->kind == TK_WORD)
		c->pos += 2;
	t = zf_ddlp_tok(c, 0);
	if (t->kind != TK_WORD && t->kind != TK_DELIM)
		return zf_ddlp_error(c, "a data type");

	if (t->kind == TK_WORD)
	{
		const char *w = t->text;

		c->pos++;
		if (strcmp(w, "SMALLINT") == 0)
			p->type = ZF_DB2_SMALLINT, p->type_name = "SMALLINT";
		else if (strcmp(w, "INTEGER") == 0 || strcmp(w, "INT") == 0)
			p->type = ZF_DB2_INTEGER, p->type_name = "INTEGER";
		else if (strcmp(w, "BIGINT") == 0)
			p->type = ZF_DB2_BIGINT, p->type_name = "BIGINT";
		else if (strcmp(w, "DECIMAL") == 0 || strcmp(w, "DEC") == 0 ||
				 strcmp(w, "NUMERIC") == 0)
		{
			p->type = ZF_DB2_DECIMAL;
			p->type_name = "DECIMAL";
			st = decimal_args(c, col);
		}
		else if (strcmp(w, "FLOAT") == 0)
		{
			p->type = ZF_DB2_DOUBLE;
			p->type_name = "FLOAT";
			st = small_arg(c, &p->precision, 1, 53, "FLOAT");
			if (p->precision > 0 && p->precision <= 21)
				p->type = ZF_DB2_REAL;
		}
		else if (strcmp(w, "REAL") == 0)
			p->type = ZF_DB2_REAL, p->type_name = "REAL";
		else if (strcmp(w, "DOUBLE") == 0)
		{
			zf_ddlp_accept(c, "PRECISION");
			p->type = ZF_DB2_DOUBLE;
			p->type_name = "DOUBLE";
		}
		else if (strcmp(w, "DECFLOAT") == 0)
		{
			p->type = ZF_DB2_DECFLOAT;
			p->type_name = "DECFLOAT";
			p->precision = 34;
			st = small_arg(c, &p->precision, 16, 34, "DECFLOAT");
			if (st == ZF_OK && p->precision != 16 && p->precision != 34)
			{
				c->pos -= 2;
				return zf_ddlp_error(c, "DECFLOAT(16) or DECFLOAT(34)");
			}
		}
		else if (strcmp(w, "CHARACTER") == 0 || strcmp(w, "CHAR") == 0)
		{
			if (zf_ddlp_accept(c, "VARYING"))
			{
				p->type = ZF_DB2_VARCHAR, p->type_name = "VARCHAR";
				st = paren_length(c, col, false, MAX_CHAR);
			}
			else if (zf_ddlp_accept(c, "LARGE OBJECT"))
			{
				p->type = ZF_DB2_CLOB, p->type_name = "CLOB";
				p->length = 1024 * 1024;
				if (zf_ddlp_tok_punct(zf_ddlp_tok(c, 0), "("))
					st = paren_length(c, col, true, MAX_LOB);
			}
			else
			{
				p->type = ZF_DB2_CHAR, p->type_name = "CHAR";
				p->length = 1;
				if (zf_ddlp_tok_punct(zf_ddlp_tok(c, 0), "("))
					st = paren_length(c, col, false, MAX_CHAR);
			}
		}
		else if (strcmp(w, "VARCHAR") == 0)
		{
			p->type = ZF_DB2_VARCHAR, p->type_name = "VARCHAR";
			st = paren_length(c, col, false, MAX_CHAR);
		}
		else if (strcmp(w, "LONG") == 0 && zf_ddlp_accept(c, "VARCHAR"))
			p->type = ZF_DB2_LONG_VARCHAR, p->type_name = "LONG VARCHAR";
		else if (strcmp(w, "LONG") == 0 && zf_ddlp_accept(c, "VARGRAPHIC"))
			p->type = ZF_DB2_LONG_VARGRAPHIC, p->type_name = "LONG VARGRAPHIC";
		else if (strcmp(w, "CLOB") == 0 || strcmp(w, "DBCLOB") == 0 ||
				 strcmp(w, "BLOB") == 0)
		{
			p->type = w[0] == 'C' ? ZF_DB2_CLOB : w[0] == 'D' ? ZF_DB2_DBCLOB : ZF_DB2_BLOB;
			p->type_name = w[0] == 'C' ? "CLOB" : w[0] == 'D' ? "DBCLOB" : "BLOB";
			p->length = 1024 * 1024;
			if (zf_ddlp_tok_punct(zf_ddlp_tok(c, 0), "("))
				st = paren_length(c, col, true, MAX_LOB);
		}
		else if (strcmp(w, "GRAPHIC") == 0)
		{
			p->type = ZF_DB2_GRAPHIC, p->type_name = "GRAPHIC";
			p->length = 1;
			if (zf_ddlp_tok_punct(zf_ddlp_tok(c, 0), "("))
				st = paren_length(c, col, false, MAX_CHAR);
		}
		else if (strcmp(w, "VARGRAPHIC") == 0)
		{
			p->type = ZF_DB2_VARGRAPHIC, p->type_name = "VARGRAPHIC";
			st = paren_length(c, col, false, MAX_CHAR);
		}
		else if (strcmp(w, "BINARY") == 0)
		{
			if (zf_ddlp_accept(c, "VARYING"))
			{
				p->type = ZF_DB2_VARBINARY, p->type_name = "VARBINARY";
				st = paren_length(c, col, false, MAX_LOB);
			}
			else if (zf_ddlp_accept(c, "LARGE OBJECT"))
			{
				p->type = ZF_DB2_BLOB, p->type_name = "BLOB";
				p->length = 1024 * 1024;
				if (zf_ddlp_tok_punct(zf_ddlp_tok(c, 0), "("))
					st = paren_length(c, col, true, MAX_LOB);
			}
			else
			{
				p->type = ZF_DB2_BINARY, p->type_name = "BINARY";
				p->length = 1;
				if (zf_ddlp_tok_punct(zf_ddlp_tok(c, 0), "("))
					st = paren_length(c, col, false, MAX_LOB);
			}
		}
		else if (strcmp(w, "VARBINARY") == 0)
		{
			p->type = ZF_DB2_VARBINARY, p->type_name = "VARBINARY";
			st = paren_length(c, col, false, MAX_LOB);
		}
		else if (strcmp(w, "DATE") == 0)
			p->type = ZF_DB2_DATE, p->type_name = "DATE";
		else if (strcmp(w, "TIME") == 0)
			p->type = ZF_DB2_TIME, p->type_name = "TIME";
		else if (strcmp(w, "TIMESTAMP") == 0)
		{
			p->type = ZF_DB2_TIMESTAMP, p->type_name = "TIMESTAMP";
			p->precision = 6;
			if (zf_ddlp_tok_punct(zf_ddlp_tok(c, 0), "("))
			{
				col->precision_given = true;
				st = small_arg(c, &p->precision, 0, 12, "TIMESTAMP");
			}
			if (st == ZF_OK && zf_ddlp_accept(c, "WITH TIME ZONE"))
				p->type = ZF_DB2_TIMESTAMP_TZ, p->type_name = "TIMESTAMP WITH TIME ZONE";
			else
				zf_ddlp_accept(c, "WITHOUT TIME ZONE");
		}
		else if (strcmp(w, "ROWID") == 0)
			p->type = ZF_DB2_ROWID, p->type_name = "ROWID";
		else if (strcmp(w, "XML") == 0)
		{
			p->type = ZF_DB2_XML, p->type_name = "XML";
			if (zf_ddlp_tok_punct(zf_ddlp_tok(c, 0), "("))
			{
				col->dropped |= DROP_XMLSCHEMA;
				st = zf_ddlp_skip_group(c);
			}
		}
		else
			c->pos--;			/* a distinct type: read its name below */
	}

	if (c->pos == start || (p->type_name == NULL && st == ZF_OK))
	{
		ddl_dtype  *dt;
		const char *key;

		if ((st = zf_ddlp_qname(c, &col->utype)) != ZF_OK)
			return st;
		key = zf_ddl_model_key(&c->s->arena, col->utype.qual ? col->utype.qual :
							c->stmt->default_qual, col->utype.name);
		if (key == NULL)
			return zf_ddlp_nomem(c);
		dt = zf_ddl_map_get(&c->s->type_map, key);
		if (dt == NULL && col->utype.qual == NULL)
		{
			key = zf_ddl_model_key(&c->s->arena, NULL, col->utype.name);
			dt = key ? zf_ddl_map_get(&c->s->type_map, key) : NULL;
		}
		if (dt != NULL)
		{
			zf_db2_column keep = *p;

			*p = dt->base.pub;
			p->name = keep.name;
			p->line = keep.line;
			p->column = keep.column;
			p->distinct_type = zf_ddl_name_text(c->s, &col->utype);
			col->precision_given = dt->base.precision_given;
		}
		else
		{
			p->type = ZF_DB2_USER_TYPE;
			p->type_name = zf_ddl_name_text(c->s, &col->utype);
		}
	}
	col->type_text.first = start;
	col->type_text.end = c->pos;
	return st;
}

/* ---------------------------------------------------------------------
 * Column clauses
 * ---------------------------------------------------------------------
 */

/* Words that start a column clause (so a bare WITH DEFAULT has no value). */
static bool
column_clause_start(const ddl_token *t)
{
	static const char *const words[] = {
		"NOT", "WITH", "DEFAULT", "GENERATED", "FOR", "CCSID", "CONSTRAINT",
		"PRIMARY", "UNIQUE", "REFERENCES", "CHECK", "FIELDPROC", "AS",
		"IMPLICITLY", "INLINE", "NULL", NULL
	};

	if (t->kind != TK_WORD)
		return false;
	for (int i = 0; words[i]; i++)
		if (strcmp(t->text, words[i]) == 0)
			return true;
	return false;
}

/* The value after WITH DEFAULT / DEFAULT, if any. */
static zf_status
parse_default(ddl_cur *c, ddl_column *col)
{
	zf_db2_column *p = &col->pub;
	const ddl_token *t = zf_ddlp_tok(c, 0);
	int			start = c->pos;

	if (t->kind == TK_END || (column_clause_start(t) && !zf_ddlp_tok_is(t, "NULL")))
	{
		p->default_kind = ZF_DB2_DEFAULT_TYPE;
		p->default_text = NULL;
		return ZF_OK;
	}
	if (zf_ddlp_accept(c, "NULL"))
	{
		p->default_kind = ZF_DB2_DEFAULT_NULL;
		p->default_text = NULL;
		return ZF_OK;
	}
	if (zf_ddlp_accept(c, "CURRENT"))
	{
		if (zf_ddlp_accept(c, "DATE") || zf_ddlp_accept(c, "TIME") ||
			zf_ddlp_accept(c, "SQLID") || zf_ddlp_accept(c, "SCHEMA") ||
			zf_ddlp_accept(c, "USER") || zf_ddlp_accept(c, "SERVER") ||
			zf_ddlp_accept(c, "MEMBER"))
			;
		else if (zf_ddlp_accept(c, "TIMESTAMP"))
		{
			if (zf_ddlp_tok_punct(zf_ddlp_tok(c, 0), "("))
				zf_ddlp_skip_group(c);
			zf_ddlp_accept(c, "WITH TIME ZONE");
		}
		else
			return zf_ddlp_error(c, "a special register");
	}
	else if (zf_ddlp_accept(c, "CURRENT_DATE") || zf_ddlp_accept(c, "CURRENT_TIME") ||
			 zf_ddlp_accept(c, "USER") || zf_ddlp_accept(c, "SESSION_USER") ||
			 zf_ddlp_accept(c, "SYSTEM_USER") || zf_ddlp_accept(c, "CURRENT_SCHEMA") ||
			 zf_ddlp_accept(c, "CURRENT_USER"))
		;
	else if (zf_ddlp_accept(c, "CURRENT_TIMESTAMP"))
	{
		if (zf_ddlp_tok_punct(zf_ddlp_tok(c, 0), "("))
			zf_ddlp_skip_group(c);
	}
	else if (t->kind == TK_STRING || t->kind == TK_HEX || t->kind == TK_GSTRING ||
			 t->kind == TK_NUMBER)
		c->pos++;
	else if (zf_ddlp_tok_punct(t, "-") || zf_ddlp_tok_punct(t, "+"))
	{
		c->pos++;
		if (zf_ddlp_tok(c, 0)->kind != TK_NUMBER)
			return zf_ddlp_error(c, "a number");
		c->pos++;
	}
	else if (zf_ddlp_tok_is_ident(t))
	{
		/* a cast function: DATE('...'), SCHEMA.MONEY(0) */
		ddl_name	fn;
		zf_status	st;

		if ((st = zf_ddlp_qname(c, &fn)) != ZF_OK)
			return st;
		if (!zf_ddlp_tok_punct(zf_ddlp_tok(c, 0), "("))
			return zf_ddlp_error(c, "a default value");
		if ((st = zf_ddlp_skip_group(c)) != ZF_OK)
			return st;
	}
	else
		return zf_ddlp_error(c, "a default value");

	p->default_kind = ZF_DB2_DEFAULT_VALUE;
	col->dflt.first = start;
	col->dflt.end = c->pos;
	p->default_text = zf_ddl_range_text(c->s, start, c->pos);
	return p->default_text ? ZF_OK : zf_ddlp_nomem(c);
}

/*
 * Identity and sequence options, with or without parentheses, commas
 * optional between them.
 */
zf_status
zf_ddl_parse_seqopts(ddl_cur *c, ddl_seqopts *seq, bool in_parens)
{
	zf_status	st = ZF_OK;
	int			end = c->end;
	int			saved_end = c->end;

	if (in_parens)
	{
		if (!zf_ddlp_tok_punct(zf_ddlp_tok(c, 0), "("))
			return ZF_OK;
		end = zf_ddlp_group_end(c);
		c->pos++;
		c->end = end;
	}
	while (st == ZF_OK && !zf_ddlp_at_end(c))
	{
		if (zf_ddlp_accept_punct(c, ","))
			continue;
		if (zf_ddlp_accept(c, "START WITH"))
			st = zf_ddlp_signed_text(c, &seq->start);
		else if (zf_ddlp_accept(c, "INCREMENT BY"))
			st = zf_ddlp_signed_text(c, &seq->increment);
		else if (zf_ddlp_accept(c, "NO MINVALUE"))
			seq->no_minvalue = true;
		else if (zf_ddlp_accept(c, "MINVALUE"))
			st = zf_ddlp_signed_text(c, &seq->minvalue);
		else if (zf_ddlp_accept(c, "NO MAXVALUE"))
			seq->no_maxvalue = true;
		else if (zf_ddlp_accept(c, "MAXVALUE"))
			st = zf_ddlp_signed_text(c, &seq->maxvalue);
		else if (zf_ddlp_accept(c, "NO CYCLE"))
			seq->no_cycle = true;
		else if (zf_ddlp_accept(c, "CYCLE"))
			seq->cycle = true;
		else if (zf_ddlp_accept(c, "NO CACHE"))
			seq->no_cache = true;
		else if (zf_ddlp_accept(c, "CACHE"))
			st = zf_ddlp_signed_text(c, &seq->cache);
		else if (zf_ddlp_accept(c, "NO ORDER"))
			seq->order = true, seq->order_text = "NO ORDER";
		else if (zf_ddlp_accept(c, "ORDER"))
			seq->order = true, seq->order_text = "ORDER";
		else if (zf_ddlp_accept(c, "RESTART"))
		{
			seq->restart = "";
			if (zf_ddlp_accept(c, "WITH"))
				st = zf_ddlp_signed_text(c, &seq->restart);
		}
		else if (!in_parens)
			break;				/* CREATE SEQUENCE: the caller goes on */
		else
		{
			ddl_clause	cl;

			if ((st = zf_ddl_skip_unknown(c, CTX_SEQUENCE, &cl)) == ZF_OK)
				st = zf_ddlp_note(c, "unknown identity option skipped: %s", cl.text);
		}
	}
	if (in_parens)
	{
		c->end = saved_end;
		c->pos = end + 1;
	}
	return st;
}

/* GENERATED ALWAYS | BY DEFAULT [AS IDENTITY (...) | AS ROW ... | ...] */
static zf_status
parse_generated(ddl_cur *c, ddl_column *col)
{
	if (zf_ddlp_accept(c, "ALWAYS"))
		col->gen_always = true;
	else if (!zf_ddlp_accept(c, "BY DEFAULT"))
		return zf_ddlp_error(c, "ALWAYS or BY DEFAULT");

	col->pub.default_kind = ZF_DB2_DEFAULT_GENERATED;
	if (zf_ddlp_accept(c, "AS IDENTITY"))
	{
		col->gen = GEN_IDENTITY;
		col->pub.default_kind = ZF_DB2_DEFAULT_IDENTITY;
		return zf_ddl_parse_seqopts(c, &col->seq, true);
	}
	if (zf_ddlp_accept(c, "FOR EACH ROW ON UPDATE AS ROW CHANGE TIMESTAMP"))
		col->gen = GEN_ROW_CHANGE_TS;
	else if (zf_ddlp_accept(c, "AS ROW BEGIN"))
		col->gen = GEN_ROW_BEGIN;
	else if (zf_ddlp_accept(c, "AS ROW END"))
		col->gen = GEN_ROW_END;
	else if (zf_ddlp_accept(c, "AS TRANSACTION START ID"))
		col->gen = GEN_TRANS_ID;
	else if (zf_ddlp_tok_is(zf_ddlp_tok(c, 0), "AS") && zf_ddlp_tok_punct(zf_ddlp_tok(c, 1), "("))
	{
		c->pos++;
		col->gen = GEN_EXPRESSION;
		col->gen_expr.first = c->pos + 1;
		col->gen_expr.end = zf_ddlp_group_end(c);
		return zf_ddlp_skip_group(c);
	}
	else
		col->gen = GEN_ROWID;
	return ZF_OK;
}

/* REFERENCES parent [(cols)] [ON DELETE ...] [ON UPDATE ...] [...] */
static zf_status
parse_references(ddl_cur *c, ddl_constraint *con)
{
	zf_status	st;

	if ((st = zf_ddlp_expect(c, "REFERENCES")) != ZF_OK ||
		(st = zf_ddlp_qname(c, &con->ref)) != ZF_OK)
		return st;
	zf_ddl_note_creator(c->s, con->ref.qual);
	if (zf_ddlp_tok_punct(zf_ddlp_tok(c, 0), "(") &&
		(st = zf_ddlp_name_list(c, &con->nrefcols, &con->refcols, false)) != ZF_OK)
		return st;
	for (;;)
	{
		if (zf_ddlp_accept(c, "ON DELETE"))
		{
			if (zf_ddlp_accept(c, "RESTRICT"))
				con->on_delete = "RESTRICT";
			else if (zf_ddlp_accept(c, "CASCADE"))
				con->on_delete = "CASCADE";
			else if (zf_ddlp_accept(c, "SET NULL"))
				con->on_delete = "SET NULL";
			else if (zf_ddlp_accept(c, "NO ACTION"))
				con->on_delete = "NO ACTION";
			else
				return zf_ddlp_error(c, "RESTRICT, CASCADE, SET NULL or NO ACTION");
		}
		else if (zf_ddlp_accept(c, "ON UPDATE"))
		{
			if (zf_ddlp_accept(c, "RESTRICT"))
				con->on_update = "RESTRICT";
			else if (zf_ddlp_accept(c, "NO ACTION"))
				con->on_update = "NO ACTION";
			else
				return zf_ddlp_error(c, "RESTRICT or NO ACTION");
		}
		else if (zf_ddlp_accept(c, "NOT ENFORCED"))
			con->not_enforced = true;
		else if (zf_ddlp_accept(c, "ENFORCED"))
			;
		else if (zf_ddlp_accept(c, "ENABLE QUERY OPTIMIZATION") ||
				 zf_ddlp_accept(c, "DISABLE QUERY OPTIMIZATION"))
			con->query_opt = true;
		else
			return ZF_OK;
	}
}

/* A key column list, noting BUSINESS_TIME WITHOUT OVERLAPS. */
static zf_status
key_list(ddl_cur *c, ddl_constraint *con)
{
	zf_status	st = zf_ddlp_name_list(c, &con->ncols, &con->cols, false);

	if (st == ZF_OK && con->ncols > 0 &&
		strcmp(con->cols[con->ncols - 1], "BUSINESS_TIME WITHOUT OVERLAPS") == 0)
	{
		con->without_overlaps = true;
		con->ncols--;
	}
	return st;
}

/* Does a table constraint start at the cursor? */
bool
zf_ddl_is_constraint_start(const ddl_cur *c)
{
	return zf_ddlp_is(c, "CONSTRAINT") || zf_ddlp_is(c, "PRIMARY KEY") ||
		zf_ddlp_is(c, "UNIQUE") || zf_ddlp_is(c, "FOREIGN KEY") || zf_ddlp_is(c, "CHECK");
}

/*
 * A table constraint: [CONSTRAINT name] PRIMARY KEY (...) | UNIQUE (...) |
 * FOREIGN KEY [name] (...) REFERENCES ... | CHECK (...)
 */
zf_status
zf_ddl_parse_constraint(ddl_cur *c, ddl_constraint *con)
{
	const ddl_token *t = zf_ddlp_tok(c, 0);
	zf_status	st;

	con->line = t->line;
	con->column = t->column;
	if (zf_ddlp_accept(c, "CONSTRAINT") && (st = zf_ddlp_ident(c, &con->name)) != ZF_OK)
		return st;
	if (zf_ddlp_accept(c, "PRIMARY KEY"))
	{
		con->kind = CON_PK;
		return key_list(c, con);
	}
	if (zf_ddlp_accept(c, "UNIQUE"))
	{
		con->kind = CON_UNIQUE;
		return key_list(c, con);
	}
	if (zf_ddlp_accept(c, "FOREIGN KEY"))
	{
		con->kind = CON_FK;
		/* DB2 also writes the name here: FOREIGN KEY name (cols) */
		if (zf_ddlp_tok_is_ident(zf_ddlp_tok(c, 0)))
		{
			const char *name;

			if ((st = zf_ddlp_ident(c, &name)) != ZF_OK)
				return st;
			if (con->name == NULL)
				con->name = name;
		}
		if ((st = zf_ddlp_name_list(c, &con->ncols, &con->cols, false)) != ZF_OK)
			return st;
		return parse_references(c, con);
	}
	if (zf_ddlp_accept(c, "CHECK"))
	{
		con->kind = CON_CHECK;
		if (!zf_ddlp_tok_punct(zf_ddlp_tok(c, 0), "("))
			return zf_ddlp_error(c, "\"(\"");
		con->check.first = c->pos + 1;
		con->check.end = zf_ddlp_group_end(c);
		return zf_ddlp_skip_group(c);
	}
	return zf_ddlp_error(c, "PRIMARY KEY, UNIQUE, FOREIGN KEY or CHECK");
}

/* Add an inline constraint to a column. */
static ddl_constraint *
column_constraint(ddl_cur *c, ddl_column *col, ddl_con_kind kind, const char *name)
{
	ddl_constraint *con = zf_arena_push(&c->s->arena, (void **) &col->cons, &col->ncons,
									 &col->capcons, sizeof(ddl_constraint));

	if (con == NULL)
		return NULL;
	con->kind = kind;
	con->name = name;
	con->line = zf_ddlp_tok(c, 0)->line;
	con->column = zf_ddlp_tok(c, 0)->column;
	return con;
}

/*
 * A column definition within [pos, end): name, type and its clauses in any
 * order.  With type_only, only the type (ALTER ... SET DATA TYPE).
 */
zf_status
zf_ddl_parse_column(ddl_cur *c, ddl_column *col, bool type_only)
{
	const ddl_token *t = zf_ddlp_tok(c, 0);
	zf_status	st;

	col->pub.line = t->line;
	col->pub.column = t->column;
	if (!type_only && (st = zf_ddlp_ident(c, &col->pub.name)) != ZF_OK)
		return st;
	if ((st = zf_ddl_parse_type(c, col)) != ZF_OK || type_only)
		return st;

	while (!zf_ddlp_at_end(c))
	{
		const char *conname = NULL;
		ddl_constraint *con;

		st = ZF_OK;
		if (zf_ddlp_accept(c, "NOT NULL"))
			col->pub.not_null = true;
		else if (zf_ddlp_accept(c, "WITH DEFAULT") || zf_ddlp_accept(c, "DEFAULT"))
			st = parse_default(c, col);
		else if (zf_ddlp_accept(c, "NULL"))
			;
		else if (zf_ddlp_accept(c, "GENERATED"))
			st = parse_generated(c, col);
		else if (zf_ddlp_accept(c, "FOR SBCS DATA"))
			col->pub.subtype = ZF_DB2_SUBTYPE_SBCS;
		else if (zf_ddlp_accept(c, "FOR MIXED DATA"))
			col->pub.subtype = ZF_DB2_SUBTYPE_MIXED;
		else if (zf_ddlp_accept(c, "FOR BIT DATA"))
			col->pub.subtype = ZF_DB2_SUBTYPE_BIT;
		else if (zf_ddlp_accept(c, "CCSID"))
		{
			if (zf_ddlp_accept(c, "EBCDIC"))
				col->pub.ccsid_scheme = ZF_DB2_SCHEME_EBCDIC;
			else if (zf_ddlp_accept(c, "ASCII"))
				col->pub.ccsid_scheme = ZF_DB2_SCHEME_ASCII;
			else if (zf_ddlp_accept(c, "UNICODE"))
				col->pub.ccsid_scheme = ZF_DB2_SCHEME_UNICODE;
			else
			{
				int64_t		n;

				if ((st = zf_ddlp_int(c, &n)) == ZF_OK)
					col->pub.ccsid = (n >= 0 && n <= 65535) ? (int) n : 0;
			}
			col->dropped |= DROP_CCSID;
		}
		else if (zf_ddlp_accept(c, "FIELDPROC"))
		{
			ddl_name	fp;

			if ((st = zf_ddlp_qname(c, &fp)) == ZF_OK && zf_ddlp_tok_punct(zf_ddlp_tok(c, 0), "("))
				st = zf_ddlp_skip_group(c);
			col->dropped |= DROP_FIELDPROC;
		}
		else if (zf_ddlp_accept(c, "AS SECURITY LABEL"))
			col->dropped |= DROP_SECLABEL;
		else if (zf_ddlp_accept(c, "IMPLICITLY HIDDEN"))
			col->dropped |= DROP_HIDDEN;
		else if (zf_ddlp_accept(c, "INLINE LENGTH"))
		{
			int64_t		n;

			st = zf_ddlp_int(c, &n);
			col->dropped |= DROP_INLINE;
		}
		else if (zf_ddlp_is(c, "CONSTRAINT") || zf_ddlp_is(c, "PRIMARY KEY") ||
				 zf_ddlp_is(c, "UNIQUE") || zf_ddlp_is(c, "REFERENCES") || zf_ddlp_is(c, "CHECK"))
		{
			if (zf_ddlp_accept(c, "CONSTRAINT") && (st = zf_ddlp_ident(c, &conname)) != ZF_OK)
				return st;
			if (zf_ddlp_accept(c, "PRIMARY KEY"))
			{
				if ((con = column_constraint(c, col, CON_PK, conname)) == NULL)
					return zf_ddlp_nomem(c);
			}
			else if (zf_ddlp_accept(c, "UNIQUE"))
			{
				if ((con = column_constraint(c, col, CON_UNIQUE, conname)) == NULL)
					return zf_ddlp_nomem(c);
			}
			else if (zf_ddlp_is(c, "REFERENCES"))
			{
				if ((con = column_constraint(c, col, CON_FK, conname)) == NULL)
					return zf_ddlp_nomem(c);
				st = parse_references(c, con);
			}
			else if (zf_ddlp_accept(c, "CHECK"))
			{
				if ((con = column_constraint(c, col, CON_CHECK, conname)) == NULL)
					return zf_ddlp_nomem(c);
				if (!zf_ddlp_tok_punct(zf_ddlp_tok(c, 0), "("))
					return zf_ddlp_error(c, "\"(\"");
				con->check.first = c->pos + 1;
				con->check.end = zf_ddlp_group_end(c);
				st = zf_ddlp_skip_group(c);
			}
			else
				return zf_ddlp_error(c, "PRIMARY KEY, UNIQUE, REFERENCES or CHECK");
		}
		else
		{
			/* unknown: skip to the next clause we know */
			int			start = c->pos;
			const char *text;

			do
			{
				if (zf_ddlp_tok_punct(zf_ddlp_tok(c, 0), "("))
					c->pos = zf_ddlp_group_end(c) + 1;
				else
					c->pos++;
			} while (!zf_ddlp_at_end(c) && !column_clause_start(zf_ddlp_tok(c, 0)));
			if (c->pos > c->end)
				c->pos = c->end;
			text = zf_ddl_range_text(c->s, start, c->pos);
			if (text == NULL)
				return zf_ddlp_nomem(c);
			st = zf_ddlp_note(c, "unknown clause skipped on column %s: %s",
						  col->pub.name, text);
		}
		if (st != ZF_OK)
			return st;
	}
	return ZF_OK;
}

/* ---------------------------------------------------------------------
 * Partitioning
 * ---------------------------------------------------------------------
 */

/* PARTITION n ENDING [AT] (v, ...) [INCLUSIVE] [options] */
static zf_status
parse_partition(ddl_cur *c, ddl_partby *pb)
{
	ddl_partition *part;
	int64_t		n;
	int			gend;
	zf_status	st;
	int			vcap = 0;

	part = zf_arena_push(&c->s->arena, (void **) &pb->parts, &pb->nparts, &pb->capparts,
					  sizeof(ddl_partition));
	if (part == NULL)
		return zf_ddlp_nomem(c);
	part->line = zf_ddlp_tok(c, 0)->line;
	if (!zf_ddlp_accept(c, "PARTITION") && !zf_ddlp_accept(c, "PART"))
		return zf_ddlp_error(c, "PARTITION");
	if ((st = zf_ddlp_int(c, &n)) != ZF_OK)
		return st;
	part->number = (int) (n > 100000 ? 100000 : n);
	if (!zf_ddlp_accept(c, "ENDING") && !zf_ddlp_accept(c, "VALUES"))
		return zf_ddlp_error(c, "ENDING AT");
	zf_ddlp_accept(c, "AT");
	if (!zf_ddlp_tok_punct(zf_ddlp_tok(c, 0), "("))
		return zf_ddlp_error(c, "\"(\"");
	gend = zf_ddlp_group_end(c);
	c->pos++;
	while (c->pos < gend)
	{
		int			e = element_end(c, c->pos, gend);
		ddl_range  *v = zf_arena_push(&c->s->arena, (void **) &part->bound.vals,
								   &part->bound.nvals, &vcap, sizeof(ddl_range));

		if (v == NULL)
			return zf_ddlp_nomem(c);
		if (e == c->pos)
			return zf_ddlp_error(c, "a limit value");
		v->first = c->pos;
		v->end = e;
		c->pos = e < gend ? e + 1 : gend;
	}
	c->pos = gend + 1;
	part->inclusive = true;
	if (zf_ddlp_accept(c, "INCLUSIVE"))
		part->inclusive = true;
	while (!zf_ddlp_at_end(c))
	{
		ddl_clause	cl;

		if (zf_ddl_match_clause(c, CTX_PARTITION, &cl))
			part->has_options = true;
		else
		{
			if ((st = zf_ddl_skip_unknown(c, CTX_PARTITION, &cl)) != ZF_OK ||
				(st = zf_ddlp_note(c, "unknown clause skipped on partition %d: %s",
							   part->number, cl.text)) != ZF_OK)
				return st;
		}
	}
	return ZF_OK;
}

/* PARTITION BY [RANGE] (cols) (partitions) | PARTITION BY SIZE [EVERY n G] */
static zf_status
parse_partition_by(ddl_cur *c, ddl_table *t)
{
	ddl_partby *pb = zf_arena_alloc(&c->s->arena, sizeof(ddl_partby));
	int			start = c->pos;
	int			colcap = 0;
	int			gend;
	zf_status	st;

	if (pb == NULL)
		return zf_ddlp_nomem(c);
	pb->line = zf_ddlp_tok(c, 0)->line;
	if ((st = zf_ddlp_expect(c, "PARTITION BY")) != ZF_OK)
		return st;
	if (zf_ddlp_accept(c, "SIZE") || zf_ddlp_accept(c, "GROWTH"))
	{
		int64_t		n;

		pb->by_size = true;
		if (zf_ddlp_accept(c, "EVERY") && (st = zf_ddlp_int(c, &n)) == ZF_OK)
			zf_ddlp_accept(c, "G");
		if (st != ZF_OK)
			return st;
	}
	else
	{
		zf_ddlp_accept(c, "RANGE");
		if ((st = zf_ddlp_expect_punct(c, "(")) != ZF_OK)
			return st;
		for (;;)
		{
			const char **slot = zf_arena_push(&c->s->arena, (void **) &pb->cols, &pb->ncols,
										   &colcap, sizeof(char *));

			if (slot == NULL)
				return zf_ddlp_nomem(c);
			if ((st = zf_ddlp_ident(c, slot)) != ZF_OK)
				return st;
			zf_ddlp_accept(c, "NULLS LAST");
			if (zf_ddlp_accept(c, "DESC"))
				pb->any_desc = true;
			else
				zf_ddlp_accept(c, "ASC");
			if (pb->ncols > 64)
				return zf_ddlp_error(c, "at most 64 partitioning columns");
			if (zf_ddlp_accept_punct(c, ","))
				continue;
			if ((st = zf_ddlp_expect_punct(c, ")")) != ZF_OK)
				return st;
			break;
		}
		if (!zf_ddlp_tok_punct(zf_ddlp_tok(c, 0), "("))
			return zf_ddlp_error(c, "the partition list");
		gend = zf_ddlp_group_end(c);
		c->pos++;
		while (c->pos < gend)
		{
			ddl_cur		sub = *c;

			sub.end = element_end(c, c->pos, gend);
			if ((st = parse_partition(&sub, pb)) != ZF_OK)
				return st;
			c->pos = sub.end < gend ? sub.end + 1 : gend;
		}
		c->pos = gend + 1;
	}
	pb->text.first = start;
	pb->text.end = c->pos;
	t->partby = pb;
	return ZF_OK;
}

/* ---------------------------------------------------------------------
 * CREATE TABLE
 * ---------------------------------------------------------------------
 */

/* Append a column to a table (the model's column list). */
zf_status
zf_ddl_table_add_column(ddl_cur *c, ddl_table *t, ddl_column *col)
{
	ddl_column **slot;

	if (t->pub.ncolumns >= DDL_MAX_COLUMNS)
	{
		zf_error_set(c->err, ZF_E_LIMIT, "table %s has more than %d columns",
					 t->pub.name, DDL_MAX_COLUMNS);
		zf_error_at(c->err, col->pub.line, col->pub.column);
		return ZF_E_LIMIT;
	}
	slot = zf_arena_push(&c->s->arena, (void **) &t->cols, &t->pub.ncolumns, &t->capcols,
					  sizeof(ddl_column *));
	if (slot == NULL)
		return zf_ddlp_nomem(c);
	*slot = col;
	col->table = t;
	return ZF_OK;
}

/* The model table that name n refers to in this statement, or NULL. */
ddl_table *
zf_ddl_model_lookup(ddl_cur *c, const ddl_name *n)
{
	const char *key = zf_ddl_model_key(&c->s->arena,
									n->qual ? n->qual : c->stmt->default_qual,
									n->name);

	return key ? zf_ddl_map_get(&c->s->table_map, key) : NULL;
}

/* The elements between the parentheses: columns and constraints. */
static zf_status
parse_elements(ddl_cur *c, ddl_table *t)
{
	int			gend = zf_ddlp_group_end(c);
	zf_status	st;

	c->pos++;
	while (c->pos < gend)
	{
		ddl_cur		sub = *c;

		sub.end = element_end(c, c->pos, gend);
		if (sub.end == sub.pos)
			return zf_ddlp_error(c, "a column definition");
		if (zf_ddl_is_constraint_start(&sub))
		{
			ddl_constraint *con = zf_arena_push(&c->s->arena, (void **) &t->cons, &t->ncons,
											 &t->capcons, sizeof(ddl_constraint));

			if (con == NULL)
				return zf_ddlp_nomem(c);
			st = zf_ddl_parse_constraint(&sub, con);
		}
		else if (zf_ddlp_is(&sub, "PERIOD SYSTEM_TIME") || zf_ddlp_is(&sub, "PERIOD BUSINESS_TIME"))
		{
			t->nperiods++;
			t->period_text = zf_ddl_range_text(c->s, sub.pos, sub.end);
			sub.pos = sub.end;
			st = t->period_text ? ZF_OK : zf_ddlp_nomem(c);
		}
		else
		{
			ddl_column *col = zf_arena_alloc(&c->s->arena, sizeof(ddl_column));

			if (col == NULL)
				return zf_ddlp_nomem(c);
			if ((st = zf_ddl_parse_column(&sub, col, false)) == ZF_OK)
				st = zf_ddl_table_add_column(c, t, col);
		}
		if (st != ZF_OK)
			return st;
		if (!zf_ddlp_at_end(&sub))
			return zf_ddlp_error(&sub, "\",\" or \")\"");
		c->pos = sub.end < gend ? sub.end + 1 : gend;
	}
	c->pos = gend + 1;
	return ZF_OK;
}

/* Copy the columns of a LIKE source table into the model. */
static zf_status
copy_like_columns(ddl_cur *c, ddl_table *t, const ddl_table *src)
{
	for (int i = 0; i < src->pub.ncolumns; i++)
	{
		ddl_column *col = zf_arena_alloc(&c->s->arena, sizeof(ddl_column));
		zf_status	st;

		if (col == NULL)
			return zf_ddlp_nomem(c);
		*col = *src->cols[i];
		col->ncons = col->capcons = 0;
		col->cons = NULL;
		if (!t->like_identity && col->gen == GEN_IDENTITY)
		{
			col->gen = GEN_NONE;
			col->pub.default_kind = ZF_DB2_DEFAULT_NONE;
		}
		if ((st = zf_ddl_table_add_column(c, t, col)) != ZF_OK)
			return st;
	}
	return ZF_OK;
}

/* CREATE TABLE name (...) | LIKE t | AS (fullselect) ..., then clauses */
zf_status
zf_ddl_parse_table_stmt(ddl_cur *c, ddl_parse_state *ps)
{
	ddl_stmt   *stmt = c->stmt;
	ddl_table  *t = zf_arena_alloc(&c->s->arena, sizeof(ddl_table));
	ddl_table  *model;
	const char *key;
	ddl_table **slot;
	zf_status	st;
	int			ncols_list = 0;
	const char **cols_list = NULL;

	(void) ps;
	if (t == NULL)
		return zf_ddlp_nomem(c);
	stmt->kind = ST_CREATE_TABLE;
	stmt->kind_text = "CREATE TABLE";
	stmt->u.table = t;
	if ((st = zf_ddlp_expect(c, "CREATE TABLE")) != ZF_OK ||
		(st = zf_ddlp_qname(c, &t->name)) != ZF_OK)
		return st;
	stmt->object = zf_ddl_name_text(c->s, &t->name);
	t->pub.creator = t->name.qual ? t->name.qual : stmt->default_qual;
	t->pub.name = t->name.name;
	t->pub.line = stmt->line;
	zf_ddl_note_creator(c->s, t->name.qual);

	if (zf_ddlp_tok_punct(zf_ddlp_tok(c, 0), "("))
	{
		/* "(cols) AS (fullselect)": a column list for the query */
		int			g = zf_ddlp_group_end(c);

		if (g + 1 < c->end && zf_ddlp_tok_is(&c->toks[g + 1], "AS"))
		{
			if ((st = zf_ddlp_name_list(c, &ncols_list, &cols_list, false)) != ZF_OK)
				return st;
		}
		else if ((st = parse_elements(c, t)) != ZF_OK)
			return st;
	}
	else if (zf_ddlp_accept(c, "LIKE"))
	{
		const ddl_table *src;

		if ((st = zf_ddlp_qname(c, &t->like)) != ZF_OK)
			return st;
		t->has_like = true;
		zf_ddl_note_creator(c->s, t->like.qual);
		while (zf_ddlp_is(c, "INCLUDING") || zf_ddlp_is(c, "EXCLUDING"))
		{
			bool		including = zf_ddlp_accept(c, "INCLUDING");

			if (!including)
				c->pos++;
			if (zf_ddlp_is(c, "IDENTITY") && including)
				t->like_identity = true;
			while (zf_ddlp_accept(c, "IDENTITY") || zf_ddlp_accept(c, "ROW") ||
				   zf_ddlp_accept(c, "CHANGE") || zf_ddlp_accept(c, "TIMESTAMP") ||
				   zf_ddlp_accept(c, "COLUMN") || zf_ddlp_accept(c, "ATTRIBUTES") ||
				   zf_ddlp_accept(c, "DEFAULTS") || zf_ddlp_accept(c, "XML") ||
				   zf_ddlp_accept(c, "TYPE") || zf_ddlp_accept(c, "MODIFIERS"))
				;
		}
		src = zf_ddl_model_lookup(c, &t->like);
		if (src != NULL && (st = copy_like_columns(c, t, src)) != ZF_OK)
			return st;
	}
	else if (!zf_ddlp_tok_is(zf_ddlp_tok(c, 0), "AS"))
		return zf_ddlp_error(c, "\"(\", LIKE or AS");

	if (zf_ddlp_accept(c, "AS"))
	{
		if (!zf_ddlp_tok_punct(zf_ddlp_tok(c, 0), "("))
			return zf_ddlp_error(c, "\"(\"");
		t->has_as = true;
		t->as_query.first = c->pos + 1;
		t->as_query.end = zf_ddlp_group_end(c);
		if ((st = zf_ddlp_skip_group(c)) != ZF_OK)
			return st;
		if (ncols_list > 0)
		{
			/* keep the names as columns without types for the writer */
			for (int i = 0; i < ncols_list; i++)
			{
				ddl_column *col = zf_arena_alloc(&c->s->arena, sizeof(ddl_column));

				if (col == NULL)
					return zf_ddlp_nomem(c);
				col->pub.name = cols_list[i];
				col->pub.type = ZF_DB2_USER_TYPE;
				col->pub.type_name = "";
				if ((st = zf_ddl_table_add_column(c, t, col)) != ZF_OK)
					return st;
			}
		}
	}

	while (!zf_ddlp_at_end(c))
	{
		ddl_clause	cl;

		if (zf_ddlp_is(c, "PARTITION BY"))
		{
			if ((st = parse_partition_by(c, t)) != ZF_OK)
				return st;
			continue;
		}
		if (t->has_as && zf_ddlp_accept(c, "WITH NO DATA"))
			continue;
		if (t->has_as && (zf_ddlp_accept(c, "DATA INITIALLY DEFERRED") ||
						  zf_ddlp_accept(c, "REFRESH DEFERRED") ||
						  zf_ddlp_accept(c, "REFRESH IMMEDIATE") ||
						  zf_ddlp_accept(c, "ENABLE QUERY OPTIMIZATION") ||
						  zf_ddlp_accept(c, "DISABLE QUERY OPTIMIZATION") ||
						  zf_ddlp_accept(c, "MAINTAINED BY SYSTEM") ||
						  zf_ddlp_accept(c, "MAINTAINED BY USER")))
		{
			t->mqt = true;
			continue;
		}
		if (zf_ddl_match_clause(c, CTX_TABLE, &cl))
			st = zf_ddl_add_clause(c, &t->clauses, &cl);
		else if ((st = zf_ddl_skip_unknown(c, CTX_TABLE, &cl)) == ZF_OK)
			st = zf_ddl_add_clause(c, &t->clauses, &cl);
		if (st != ZF_OK)
			return st;
	}
	for (int i = 0; i < t->clauses.n; i++)
	{
		const char *w = t->clauses.items[i].text;

		if (strncmp(w, "CCSID ", 6) == 0)
		{
			if (zf_ddl_strcasecmp(w + 6, "EBCDIC") == 0)
				t->pub.ccsid_scheme = ZF_DB2_SCHEME_EBCDIC;
			else if (zf_ddl_strcasecmp(w + 6, "ASCII") == 0)
				t->pub.ccsid_scheme = ZF_DB2_SCHEME_ASCII;
			else if (zf_ddl_strcasecmp(w + 6, "UNICODE") == 0)
				t->pub.ccsid_scheme = ZF_DB2_SCHEME_UNICODE;
		}
	}

	/*
	 * Into the model: a copy, which later ALTER TABLEs change while the
	 * statement keeps what CREATE TABLE said.  A later CREATE of the same
	 * name wins in lookups.
	 */
	if ((model = zf_arena_alloc(&c->s->arena, sizeof(ddl_table))) == NULL)
		return zf_ddlp_nomem(c);
	*model = *t;
	model->cols = NULL;
	model->pub.ncolumns = 0;
	model->capcols = 0;
	for (int i = 0; i < t->pub.ncolumns; i++)
	{
		ddl_column *copy = zf_arena_alloc(&c->s->arena, sizeof(ddl_column));

		if (copy == NULL)
			return zf_ddlp_nomem(c);
		*copy = *t->cols[i];
		if ((st = zf_ddl_table_add_column(c, model, copy)) != ZF_OK)
			return st;
	}
	for (int i = 0; i < t->pub.ncolumns; i++)
		t->cols[i]->table = t;
	key = zf_ddl_model_key(&c->s->arena, t->pub.creator, t->pub.name);
	slot = zf_arena_push(&c->s->arena, (void **) &c->s->tables, &c->s->ntables,
					  &c->s->captables, sizeof(ddl_table *));
	if (key == NULL || slot == NULL || !zf_ddl_map_put(&c->s->table_map, key, model))
		return zf_ddlp_nomem(c);
	*slot = model;
	return ZF_OK;
}
