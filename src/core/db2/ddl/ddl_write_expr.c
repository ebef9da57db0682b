/*-------------------------------------------------------------------------
 *
 * ddl_write_expr.c
 *	  PostgreSQL names, literals and expressions for the DB2 DDL writer.
 *
 * Names: DB2 stores ordinary identifiers in upper case; with fold_case
 * they become lower case (a name with lower-case letters was delimited in
 * DB2 and keeps its case).  A name is then written bare when PostgreSQL
 * would read it back unchanged (lower-case letters, digits and '_', not a
 * keyword that needs quoting), else in double quotes with quotes doubled,
 * which is PostgreSQL's quote_identifier rule.  Creators become schemas
 * through the options.
 *
 * Expressions (CHECK conditions, index expressions, view bodies, default
 * values) are rewritten token by token: identifiers by the rule above,
 * creators in qualified names mapped, DB2 special registers and a few
 * functions and operators translated, literals re-quoted.  Nothing is
 * copied through as raw text, so no input can break out of the SQL it is
 * placed in.
 *
 *-------------------------------------------------------------------------
 */
#include "db2/ddl/ddl_write.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/*
 * PostgreSQL 15's keywords that are not UNRESERVED_KEYWORD (reserved,
 * column-name and type/function-name keywords): as identifiers they need
 * quotes.  Sorted for bsearch.
 */
static const char *const pg_keywords[] = {
	"all", "analyse", "analyze", "and", "any", "array", "as", "asc",
	"asymmetric", "authorization", "between", "bigint", "binary", "bit",
	"boolean", "both", "case", "cast", "char", "character", "check",
	"coalesce", "collate", "collation", "column", "concurrently",
	"constraint", "create", "cross", "current_catalog", "current_date",
	"current_role", "current_schema", "current_time", "current_timestamp",
	"current_user", "dec", "decimal", "default", "deferrable", "desc",
	"distinct", "do", "else", "end", "except", "exists", "extract", "false",
	"fetch", "float", "for", "foreign", "freeze", "from", "full", "grant",
	"greatest", "group", "grouping", "having", "ilike", "in", "initially",
	"inner", "inout", "int", "integer", "intersect", "interval", "into", "is",
	"isnull", "join", "lateral", "leading", "least", "left", "like", "limit",
	"localtime", "localtimestamp", "national", "natural", "nchar", "none",
	"normalize", "not", "notnull", "null", "nullif", "numeric", "offset",
	"on", "only", "or", "order", "out", "outer", "overlaps", "overlay",
	"placing", "position", "precision", "primary", "real", "references",
	"returning", "right", "row", "select", "session_user", "setof",
	"similar", "smallint", "some", "substring", "symmetric", "table",
	"tablesample", "then", "time", "timestamp", "to", "trailing", "treat",
	"trim", "true", "union", "unique", "user", "using", "values", "varchar",
	"variadic", "verbose", "when", "where", "window", "with", "xmlattributes",
	"xmlconcat", "xmlelement", "xmlexists", "xmlforest", "xmlnamespaces",
	"xmlparse", "xmlpi", "xmlroot", "xmlserialize", "xmltable",
};

/* bsearch comparison of a word with a keyword entry. */
static int
cmp_keyword(const void *a, const void *b)
{
	return strcmp((const char *) a, *(const char *const *) b);
}

/* The built-in keyword test (see db2ddl.h). */
bool
zf_pg_is_keyword(const char *word, void *arg)
{
	(void) arg;
	return bsearch(word, pg_keywords, sizeof(pg_keywords) / sizeof(pg_keywords[0]),
				   sizeof(char *), cmp_keyword) != NULL;
}

/* ---------------------------------------------------------------------
 * Names
 * ---------------------------------------------------------------------
 */

/* Quote a PostgreSQL name if PostgreSQL would not read it back as is. */
const char *
zf_ddlw_pg_ident(ddl_writer *w, const char *name)
{
	bool		safe = (name[0] >= 'a' && name[0] <= 'z') || name[0] == '_';
	size_t		n = 0;
	char	   *out;
	size_t		k = 0;

	for (const char *p = name; *p; p++, n++)
	{
		char		c = *p;

		if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'))
			safe = false;
		if (c == '"')
			n++;
	}
	if (safe)
	{
		bool		(*kw) (const char *, void *) = w->o->is_keyword ? w->o->is_keyword : zf_pg_is_keyword;

		if (kw(name, w->o->is_keyword_arg))
			safe = false;
	}
	out = zf_arena_alloc(w->arena, n + 3);
	if (out == NULL)
	{
		w->oom = true;
		return "\"\"";
	}
	if (safe)
	{
		memcpy(out, name, n + 1);
		return out;
	}
	out[k++] = '"';
	for (const char *p = name; *p; p++)
	{
		out[k++] = *p;
		if (*p == '"')
			out[k++] = '"';
	}
	out[k++] = '"';
	out[k] = '\0';
	return out;
}

/*
 * A DB2 name as a PostgreSQL identifier: folded to lower case (unless it
 * has lower-case letters, or fold_case is off), cut to 63 bytes as
 * PostgreSQL would (with a note), quoted as needed.
 */
const char *
zf_ddlw_ident(ddl_writer *w, const char *db2name)
{
	char		buf[DDL_MAX_NAME + 1];
	size_t		n = strlen(db2name);
	bool		has_lower = false;

	if (n > DDL_MAX_NAME)
		n = DDL_MAX_NAME;
	memcpy(buf, db2name, n);
	buf[n] = '\0';
	for (size_t i = 0; i < n; i++)
		if (buf[i] >= 'a' && buf[i] <= 'z')
			has_lower = true;
	if (w->o->fold_case && !has_lower)
		for (size_t i = 0; i < n; i++)
			if (buf[i] >= 'A' && buf[i] <= 'Z')
				buf[i] = (char) (buf[i] - 'A' + 'a');
	if (n > 63)
	{
		size_t		cut = 63;

		/* do not cut a UTF-8 character in two */
		while (cut > 0 && ((unsigned char) buf[cut] & 0xC0) == 0x80)
			cut--;
		buf[cut] = '\0';
		zf_ddlw_note(w, "name %s is longer than PostgreSQL's 63 bytes: shortened to %s",
			   db2name, buf);
	}
	return zf_ddlw_pg_ident(w, buf);
}

/* Is word a creator of this script or of the schema map? */
bool
zf_ddlw_is_creator(ddl_writer *w, const char *word)
{
	if (zf_ddl_map_get(&w->s->creators, word) != NULL)
		return true;
	for (int i = 0; i < w->o->schema_map_count; i++)
		if (zf_ddl_strcasecmp(w->o->schema_map_from[i], word) == 0)
			return true;
	return false;
}

/*
 * The PostgreSQL schema (quoted) for a DB2 qualifier; NULL qualifier means
 * the statement's SQLID/schema; NULL result means "unqualified".
 */
const char *
zf_ddlw_schema_for(ddl_writer *w, const char *qual)
{
	if (qual == NULL)
		qual = w->stmt ? w->stmt->default_qual : NULL;
	if (qual != NULL)
	{
		for (int i = 0; i < w->o->schema_map_count; i++)
			if (zf_ddl_strcasecmp(w->o->schema_map_from[i], qual) == 0)
				return zf_ddlw_pg_ident(w, w->o->schema_map_to[i]);
	}
	if (w->o->schema != NULL)
		return zf_ddlw_pg_ident(w, w->o->schema);
	return qual ? zf_ddlw_ident(w, qual) : NULL;
}

/* "schema.name" from a quoted schema (or NULL) and a quoted name. */
const char *
zf_ddlw_qname_in(ddl_writer *w, const char *schema, const char *name)
{
	size_t		n = strlen(name) + (schema ? strlen(schema) + 1 : 0) + 1;
	char	   *out = zf_arena_alloc(w->arena, n);

	if (out == NULL)
	{
		w->oom = true;
		return name;
	}
	snprintf(out, n, "%s%s%s", schema ? schema : "", schema ? "." : "", name);
	return out;
}

/* The PostgreSQL qualified name of a DB2 object name. */
const char *
zf_ddlw_qname(ddl_writer *w, const ddl_name *n)
{
	return zf_ddlw_qname_in(w, zf_ddlw_schema_for(w, n->qual), zf_ddlw_ident(w, n->name));
}

/* "QUAL\001NAME" with the statement's default qualifier filled in. */
const char *
zf_ddlw_db2_key(ddl_writer *w, const ddl_name *n)
{
	const char *k = zf_ddl_model_key(w->arena, n->qual ? n->qual :
								  (w->stmt ? w->stmt->default_qual : NULL), n->name);

	if (k == NULL)
		w->oom = true;
	return k ? k : "";
}

/* ---------------------------------------------------------------------
 * Literals and source excerpts
 * ---------------------------------------------------------------------
 */

/*
 * A string literal: quotes doubled; with a backslash, the E'' form with
 * backslashes doubled (quote_literal's rule), so the value is the same
 * whatever standard_conforming_strings says.
 */
void
zf_ddlw_literal(ddl_buf *b, const char *text)
{
	bool		backslash = strchr(text, '\\') != NULL;

	if (backslash)
		zf_ddl_buf_putc(b, 'E');
	zf_ddl_buf_putc(b, '\'');
	for (const char *p = text; *p; p++)
	{
		if (*p == '\'' || (*p == '\\' && backslash))
			zf_ddl_buf_putc(b, *p);
		zf_ddl_buf_putc(b, *p);
	}
	zf_ddl_buf_putc(b, '\'');
}

/* The source of tokens [first, end) on one line, for notes and comments. */
void
zf_ddlw_range_source(ddl_writer *w, ddl_buf *b, int first, int end)
{
	const ddl_token *toks = w->s->tokens;

	for (int i = first; i < end; i++)
	{
		const ddl_token *t = &toks[i];

		if (i > first && (t->flags & TF_SPACE) &&
			!zf_ddlp_tok_punct(t, ",") && !zf_ddlp_tok_punct(t, ")") && !zf_ddlp_tok_punct(t, ".") &&
			!zf_ddlp_tok_punct(&toks[i - 1], "(") && !zf_ddlp_tok_punct(&toks[i - 1], "."))
			zf_ddl_buf_putc(b, ' ');
		for (uint32_t j = 0; j < t->length; j++)
		{
			char		c = w->s->src[t->offset + j];

			zf_ddl_buf_putc(b, (unsigned char) c < ' ' ? ' ' : c);
		}
	}
}

/* ---------------------------------------------------------------------
 * Expressions
 * ---------------------------------------------------------------------
 */

/* SQL words kept as keywords (upper case) in expressions and queries. */
static const char *const sql_words[] = {
	"ALL", "AND", "ANY", "AS", "ASC", "BETWEEN", "BY", "CASE", "CAST",
	"CROSS", "DESC", "DISTINCT", "ELSE", "END", "ESCAPE", "EXCEPT",
	"EXISTS", "FALSE", "FETCH", "FIRST", "FROM", "FULL", "GROUP", "HAVING",
	"IN", "INNER", "INTERSECT", "IS", "JOIN", "LAST", "LATERAL", "LEFT",
	"LIKE", "NATURAL", "NEXT", "NOT", "NULL", "NULLS", "ON", "ONLY", "OR",
	"ORDER", "OUTER", "OVER", "PARTITION", "RECURSIVE", "RIGHT", "ROW",
	"ROWS", "SELECT", "SOME", "TABLE", "THEN", "TRUE", "UNION", "UNKNOWN",
	"USING", "VALUES", "WHEN", "WHERE", "WITH", NULL
};

/* Functions with the same name and meaning in PostgreSQL. */
static const char *const same_functions[] = {
	"ABS", "AVG", "CEIL", "CEILING", "COALESCE", "CONCAT", "COUNT",
	"DENSE_RANK", "EXP", "FLOOR", "GREATEST", "LEAST", "LN", "LOWER", "LTRIM",
	"MAX", "MIN", "MOD", "NULLIF", "POWER", "RANK", "REPLACE", "ROUND",
	"ROW_NUMBER", "RTRIM", "SIGN", "SQRT", "SUBSTR", "SUM", "TRIM", "UPPER",
	NULL
};

/* Functions with another name in PostgreSQL. */
static const struct
{
	const char *db2;
	const char *pg;
}			renamed_functions[] = {
	{"VALUE", "COALESCE"}, {"UCASE", "UPPER"}, {"LCASE", "LOWER"},
	{"STDDEV", "STDDEV_POP"}, {"VARIANCE", "VAR_POP"},
};

/* Labeled durations (1 DAY) and their interval unit. */
static const struct
{
	const char *word;
	const char *unit;
}			durations[] = {
	{"YEAR", "years"}, {"YEARS", "years"}, {"MONTH", "months"},
	{"MONTHS", "months"}, {"DAY", "days"}, {"DAYS", "days"},
	{"HOUR", "hours"}, {"HOURS", "hours"}, {"MINUTE", "minutes"},
	{"MINUTES", "minutes"}, {"SECOND", "seconds"}, {"SECONDS", "seconds"},
	{"MICROSECOND", "microseconds"}, {"MICROSECONDS", "microseconds"},
};

/* Is word in the NULL-terminated list? */
static bool
in_list(const char *const *list, const char *word)
{
	for (int i = 0; list[i]; i++)
		if (strcmp(list[i], word) == 0)
			return true;
	return false;
}

/* Words that end a FROM list at their level. */
static bool
ends_from(const ddl_token *t)
{
	static const char *const words[] = {
		"WHERE", "GROUP", "HAVING", "ORDER", "UNION", "EXCEPT", "INTERSECT",
		"FETCH", "ON", "USING", "WITH", "OPTIMIZE", "FOR", NULL
	};

	return t->kind == TK_WORD && in_list(words, t->text);
}

/*
 * A DB2 special register at toks[i] (CURRENT DATE, USER, ...): its
 * PostgreSQL spelling and the number of tokens it takes, or NULL.
 */
static const char *
special_register(ddl_writer *w, int i, int end, int *ntok)
{
	const ddl_token *t = &w->s->tokens[i];
	const ddl_token *n = i + 1 < end ? &w->s->tokens[i + 1] : NULL;

	*ntok = 1;
	if (t->kind != TK_WORD)
		return NULL;
	if (i > 0 && zf_ddlp_tok_punct(&w->s->tokens[i - 1], "."))
		return NULL;
	if (strcmp(t->text, "CURRENT") == 0 && n != NULL && n->kind == TK_WORD)
	{
		*ntok = 2;
		if (strcmp(n->text, "DATE") == 0)
			return "CURRENT_DATE";
		if (strcmp(n->text, "TIME") == 0)
			return "LOCALTIME";
		if (strcmp(n->text, "TIMESTAMP") == 0)
		{
			int			k = i + 2;

			if (k < end && zf_ddlp_tok_punct(&w->s->tokens[k], "("))
			{
				while (k < end && !zf_ddlp_tok_punct(&w->s->tokens[k], ")"))
					k++;
				k++;
			}
			if (k + 2 < end && zf_ddlp_tok_is(&w->s->tokens[k], "WITH") &&
				zf_ddlp_tok_is(&w->s->tokens[k + 1], "TIME") && zf_ddlp_tok_is(&w->s->tokens[k + 2], "ZONE"))
			{
				*ntok = k + 3 - i;
				return "CURRENT_TIMESTAMP";
			}
			*ntok = k - i;
			return "LOCALTIMESTAMP";
		}
		if (strcmp(n->text, "SQLID") == 0 || strcmp(n->text, "USER") == 0)
			return "CURRENT_USER";
		if (strcmp(n->text, "SCHEMA") == 0)
			return "CURRENT_SCHEMA";
		if (strcmp(n->text, "SERVER") == 0)
		{
			zf_ddlw_note(w, "CURRENT SERVER written as current_database()");
			return "current_database()";
		}
		if (strcmp(n->text, "TIMEZONE") == 0)
		{
			zf_ddlw_note(w, "CURRENT TIMEZONE (a DB2 time duration) written as the PostgreSQL session's offset interval");
			return "(LOCALTIMESTAMP - CURRENT_TIMESTAMP AT TIME ZONE 'UTC')";
		}
		*ntok = 1;
		return NULL;
	}
	if (n != NULL && zf_ddlp_tok_punct(n, "("))
		return NULL;
	if (strcmp(t->text, "CURRENT_DATE") == 0)
		return "CURRENT_DATE";
	if (strcmp(t->text, "CURRENT_TIME") == 0)
		return "LOCALTIME";
	if (strcmp(t->text, "CURRENT_TIMESTAMP") == 0)
		return "LOCALTIMESTAMP";
	if (strcmp(t->text, "USER") == 0 || strcmp(t->text, "CURRENT_USER") == 0)
		return "CURRENT_USER";
	if (strcmp(t->text, "SESSION_USER") == 0 || strcmp(t->text, "SYSTEM_USER") == 0)
		return "SESSION_USER";
	if (strcmp(t->text, "CURRENT_SCHEMA") == 0)
		return "CURRENT_SCHEMA";
	return NULL;
}

/* Add a relation to a reference list (no duplicates). */
void
zf_ddlw_refs_add(ddl_writer *w, wrefs *r, const char *qname)
{
	const char **slot;

	/* no duplicates, looking back a bounded way (a repeat is harmless) */
	for (int i = r->n - 1; i >= 0 && i >= r->n - 64; i--)
		if (strcmp(r->qnames[i], qname) == 0)
			return;
	slot = zf_arena_push(w->arena, (void **) &r->qnames, &r->n, &r->cap, sizeof(char *));
	if (slot == NULL)
	{
		w->oom = true;
		return;
	}
	*slot = qname;
}

/* Is toks[i] the name of a common table expression: name [(cols)] AS ( */
static bool
is_cte_name(const ddl_writer *w, int i, int end)
{
	const ddl_token *toks = w->s->tokens;
	int			k = i + 1;

	if (k < end && zf_ddlp_tok_punct(&toks[k], "("))
	{
		int			depth = 0;

		for (; k < end; k++)
		{
			if (zf_ddlp_tok_punct(&toks[k], "("))
				depth++;
			else if (zf_ddlp_tok_punct(&toks[k], ")") && --depth == 0)
				break;
		}
		k++;
	}
	return k + 1 < end && zf_ddlp_tok_is(&toks[k], "AS") && zf_ddlp_tok_punct(&toks[k + 1], "(");
}

/*
 * Rewrite tokens [first, end) as PostgreSQL.  With refs, the text is a
 * query: table references after FROM and JOIN are qualified like the
 * script's objects and collected.  With keep_lines, line breaks and
 * indentation of the source are kept (view bodies read better).
 */
void
zf_ddlw_expr(ddl_writer *w, ddl_buf *b, int first, int end, wrefs *refs, bool keep_lines)
{
	const ddl_token *toks = w->s->tokens;
	bool		expect_rel = false;
	int			depth = 0;
	uint8_t		from_list[DDL_MAX_DEPTH + 2];
	int			ncte = 0;
	const char *ctes[32];

	memset(from_list, 0, sizeof(from_list));

	/* names of common table expressions are not relations */
	if (refs != NULL)
	{
		for (int i = first; i < end && ncte < 32; i++)
		{
			if (zf_ddlp_tok_is_ident(&toks[i]) && i > first &&
				(zf_ddlp_tok_is(&toks[i - 1], "WITH") || zf_ddlp_tok_punct(&toks[i - 1], ",")) &&
				is_cte_name(w, i, end))
				ctes[ncte++] = toks[i].text;
		}
	}

	for (int i = first; i < end; i++)
	{
		const ddl_token *t = &toks[i];
		const ddl_token *next = i + 1 < end ? &toks[i + 1] : NULL;
		const char *reg;
		int			ntok;

		/* the blank (or line break) before the token */
		if (i > first)
		{
			const ddl_token *prev = &toks[i - 1];

			if (keep_lines && (t->flags & TF_NEWLINE))
			{
				zf_ddl_buf_putc(b, '\n');
				for (int k = 0; k < t->indent && k < 40; k++)
					zf_ddl_buf_putc(b, ' ');
			}
			else if ((t->flags & TF_SPACE) && !zf_ddlp_tok_punct(t, ",") &&
					 !zf_ddlp_tok_punct(t, ")") && !zf_ddlp_tok_punct(t, ".") &&
					 !zf_ddlp_tok_punct(prev, "(") && !zf_ddlp_tok_punct(prev, "."))
				zf_ddl_buf_putc(b, ' ');
			else if (t->kind == TK_WORD && prev->kind == TK_PUNCT &&
					 strcmp(prev->text, "NOT") == 0)
				zf_ddl_buf_putc(b, ' ');
		}

		switch ((ddl_tk) t->kind)
		{
			case TK_PUNCT:
				if (zf_ddlp_tok_punct(t, "("))
				{
					depth++;
					if (depth <= DDL_MAX_DEPTH)
						from_list[depth] = 0;
					expect_rel = false;
				}
				else if (zf_ddlp_tok_punct(t, ")"))
				{
					if (depth > 0)
						depth--;
				}
				else if (zf_ddlp_tok_punct(t, ",") && depth <= DDL_MAX_DEPTH && from_list[depth])
					expect_rel = refs != NULL;
				zf_ddl_buf_puts(b, t->text);
				break;

			case TK_STRING:
			case TK_GSTRING:
				zf_ddlw_literal(b, t->text);
				break;

			case TK_HEX:
				zf_ddl_buf_printf(b, "decode('%s', 'hex')", t->text + 1);
				zf_ddlw_note_agg(w, "hexadecimal constants written as bytea, decode('...', 'hex')",
						   t->text + 1, "constant", "constants");
				break;

			case TK_NUMBER:
				/* a labeled duration: + 3 MONTHS */
				if (next != NULL && next->kind == TK_WORD && i > first &&
					(zf_ddlp_tok_punct(&toks[i - 1], "+") || zf_ddlp_tok_punct(&toks[i - 1], "-")))
				{
					bool		done = false;

					for (size_t k = 0; k < sizeof(durations) / sizeof(durations[0]); k++)
					{
						if (strcmp(next->text, durations[k].word) == 0)
						{
							zf_ddl_buf_printf(b, "INTERVAL '%s %s'", t->text, durations[k].unit);
							zf_ddlw_note_agg(w, "labeled durations written as intervals", next->text,
									   "duration", "durations");
							i++;
							done = true;
							break;
						}
					}
					if (done)
						break;
				}
				zf_ddl_buf_puts(b, t->text);
				break;

			case TK_WORD:
			case TK_DELIM:
				if ((reg = special_register(w, i, end, &ntok)) != NULL)
				{
					zf_ddl_buf_puts(b, reg);
					i += ntok - 1;
					break;
				}
				if (expect_rel && zf_ddlp_tok_is_ident(t) &&
					!(t->kind == TK_WORD && (strcmp(t->text, "TABLE") == 0 ||
											 strcmp(t->text, "LATERAL") == 0)))
				{
					/* a table reference: [creator.]name */
					ddl_name	n;
					bool		cte = false;

					memset(&n, 0, sizeof(n));
					n.name = t->text;
					if (i + 2 < end && zf_ddlp_tok_punct(&toks[i + 1], ".") && zf_ddlp_tok_is_ident(&toks[i + 2]))
					{
						n.qual = t->text;
						n.name = toks[i + 2].text;
						i += 2;
						if (i + 2 < end && zf_ddlp_tok_punct(&toks[i + 1], ".") && zf_ddlp_tok_is_ident(&toks[i + 2]))
						{
							n.loc = n.qual;
							n.qual = n.name;
							n.name = toks[i + 2].text;
							i += 2;
							zf_ddlw_note(w, "three-part name %s.%s.%s: the location %s is dropped",
								   n.loc, n.qual, n.name, n.loc);
						}
					}
					for (int k = 0; n.qual == NULL && k < ncte; k++)
						if (strcmp(ctes[k], n.name) == 0)
							cte = true;
					if (cte)
						zf_ddl_buf_puts(b, zf_ddlw_ident(w, n.name));
					else
					{
						const char *qn = zf_ddlw_qname(w, &n);

						zf_ddl_buf_puts(b, qn);
						if (refs != NULL)
							zf_ddlw_refs_add(w, refs, qn);
					}
					expect_rel = false;
					break;
				}
				if (t->kind == TK_WORD)
				{
					if (refs != NULL && (strcmp(t->text, "FROM") == 0 ||
										 strcmp(t->text, "JOIN") == 0))
					{
						expect_rel = true;
						if (strcmp(t->text, "FROM") == 0 && depth <= DDL_MAX_DEPTH)
							from_list[depth] = 1;
					}
					else if (ends_from(t) && depth <= DDL_MAX_DEPTH)
						from_list[depth] = 0;

					if (strcmp(t->text, "CONCAT") == 0 && !(next && zf_ddlp_tok_punct(next, "(")))
					{
						zf_ddl_buf_puts(b, "||");
						break;
					}
					if (i > first && zf_ddlp_tok_is(&toks[i - 1], "AS"))
					{
						/* CAST(x AS type): DB2 type names */
						static const struct
						{
							const char *db2;
							const char *pg;
						}			types[] = {
							{"SMALLINT", "SMALLINT"}, {"INTEGER", "INTEGER"}, {"INT", "INTEGER"},
							{"BIGINT", "BIGINT"}, {"DECIMAL", "NUMERIC"}, {"DEC", "NUMERIC"},
							{"NUMERIC", "NUMERIC"}, {"REAL", "REAL"}, {"FLOAT", "DOUBLE PRECISION"},
							{"DOUBLE", "DOUBLE PRECISION"}, {"CHAR", "CHAR"}, {"CHARACTER", "CHAR"},
							{"VARCHAR", "VARCHAR"}, {"DATE", "DATE"}, {"TIME", "TIME"},
							{"TIMESTAMP", "TIMESTAMP"}, {"CLOB", "TEXT"}, {"BLOB", "BYTEA"},
							{"GRAPHIC", "CHAR"}, {"VARGRAPHIC", "VARCHAR"},
						};
						bool		done = false;

						for (size_t k = 0; k < sizeof(types) / sizeof(types[0]); k++)
						{
							if (strcmp(types[k].db2, t->text) == 0)
							{
								zf_ddl_buf_puts(b, types[k].pg);
								if (strcmp(t->text, "DOUBLE") == 0 && next && zf_ddlp_tok_is(next, "PRECISION"))
									i++;
								if ((strcmp(t->text, "CLOB") == 0 || strcmp(t->text, "BLOB") == 0) &&
									next && zf_ddlp_tok_punct(next, "("))
									while (i + 1 < end && !zf_ddlp_tok_punct(&toks[i], ")"))
										i++;
								done = true;
								break;
							}
						}
						if (done)
							break;
					}
					if (in_list(sql_words, t->text) &&
						!(i > first && zf_ddlp_tok_punct(&toks[i - 1], ".")))
					{
						zf_ddl_buf_puts(b, t->text);
						break;
					}
					if (next != NULL && zf_ddlp_tok_punct(next, "(") &&
						!(i > first && zf_ddlp_tok_punct(&toks[i - 1], ".")))
					{
						const char *renamed = NULL;

						for (size_t k = 0; k < sizeof(renamed_functions) / sizeof(renamed_functions[0]); k++)
							if (strcmp(renamed_functions[k].db2, t->text) == 0)
								renamed = renamed_functions[k].pg;
						if (renamed != NULL)
							zf_ddl_buf_puts(b, renamed);
						else if (in_list(same_functions, t->text))
							zf_ddl_buf_puts(b, t->text);
						else
						{
							zf_ddlw_note_agg(w, "functions kept as written: check that PostgreSQL has them with the same meaning",
									   t->text, "function", "uses of functions");
							if (strspn(t->text, "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_") == strlen(t->text))
								zf_ddl_buf_puts(b, t->text);
							else
								zf_ddl_buf_puts(b, zf_ddlw_ident(w, t->text));
						}
						break;
					}
				}
				/* an identifier; the first part of a qualified name may be a creator */
				if (next != NULL && zf_ddlp_tok_punct(next, ".") && i + 2 < end &&
					(zf_ddlp_tok_is_ident(&toks[i + 2]) || zf_ddlp_tok_punct(&toks[i + 2], "*")) &&
					!(i > first && zf_ddlp_tok_punct(&toks[i - 1], ".")) &&
					i + 4 < end && zf_ddlp_tok_punct(&toks[i + 3], ".") && zf_ddlw_is_creator(w, t->text))
				{
					/* creator.table.column */
					const char *sch = zf_ddlw_schema_for(w, t->text);

					zf_ddl_buf_puts(b, sch ? sch : zf_ddlw_ident(w, t->text));
					break;
				}
				if (next != NULL && zf_ddlp_tok_punct(next, ".") && i + 2 < end &&
					zf_ddlp_tok_is_ident(&toks[i + 2]) &&
					!(i > first && zf_ddlp_tok_punct(&toks[i - 1], ".")) &&
					!(i + 3 < end && zf_ddlp_tok_punct(&toks[i + 3], ".")) &&
					zf_ddlw_is_creator(w, t->text) && (i + 3 >= end || !zf_ddlp_tok_punct(&toks[i + 3], "(")) &&
					refs == NULL)
				{
					const char *sch = zf_ddlw_schema_for(w, t->text);

					zf_ddl_buf_puts(b, sch ? sch : zf_ddlw_ident(w, t->text));
					break;
				}
				zf_ddl_buf_puts(b, zf_ddlw_ident(w, t->text));
				break;

			case TK_END:
				break;
		}
	}
}
