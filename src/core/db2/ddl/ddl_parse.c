/*-------------------------------------------------------------------------
 *
 * ddl_parse.c
 *	  DB2 for z/OS DDL parser: cursor helpers, the table of storage and
 *	  operational clauses, and the statement dispatcher.
 *
 * Statements are parsed one at a time from the token ranges the lexer
 * made.  The parser is iterative: nesting in the input (parentheses) is
 * handled by counting, never by recursion, and is limited to
 * DDL_MAX_DEPTH.  A clause the parser does not know is skipped up to the
 * next clause it knows and kept as a note; a statement it does not know is
 * kept as an "unknown" statement.  Only text that cannot be DDL at all
 * (unbalanced parentheses, a missing name, ...) is a syntax error.
 *
 * The individual statements are in ddl_parse_stmt.c and
 * ddl_parse_table.c.
 *
 *-------------------------------------------------------------------------
 */
#include "db2/ddl/ddl_int.h"
#include "db2/ddl/ddl_parse.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

static const ddl_token end_token = {TK_END, 0, 0, 0, 0, "", 0, 0};

/* ---------------------------------------------------------------------
 * Cursor helpers
 * ---------------------------------------------------------------------
 */

/* The token "ahead" places after the cursor, or an END token. */
const ddl_token *
zf_ddlp_tok(const ddl_cur *c, int ahead)
{
	int			p = c->pos + ahead;

	if (ahead < 0 || p >= c->end)
		return &end_token;
	return &c->toks[p];
}

/* Has the cursor consumed its range? */
bool
zf_ddlp_at_end(const ddl_cur *c)
{
	return c->pos >= c->end;
}

/* Is the token the upper-case word "word"? */
bool
zf_ddlp_tok_is(const ddl_token *t, const char *word)
{
	return t->kind == TK_WORD && strcmp(t->text, word) == 0;
}

/* Is the token the operator or punctuation p? */
bool
zf_ddlp_tok_punct(const ddl_token *t, const char *p)
{
	return t->kind == TK_PUNCT && strcmp(t->text, p) == 0;
}

/* Can the token be a name (ordinary or delimited)? */
bool
zf_ddlp_tok_is_ident(const ddl_token *t)
{
	return t->kind == TK_WORD || t->kind == TK_DELIM;
}

/*
 * Do the next tokens spell "words" (blank-separated upper-case words)?
 * Returns the number of words matched, 0 if not all match.
 */
static int
match_words(const ddl_cur *c, const char *words)
{
	int			i = 0;
	const char *w = words;

	while (*w)
	{
		const char *e = strchr(w, ' ');
		size_t		n = e ? (size_t) (e - w) : strlen(w);
		const ddl_token *t = zf_ddlp_tok(c, i);

		if (t->kind != TK_WORD || strlen(t->text) != n ||
			memcmp(t->text, w, n) != 0)
			return 0;
		i++;
		w += n;
		while (*w == ' ')
			w++;
	}
	return i;
}

/* Do the next tokens spell "words"? */
bool
zf_ddlp_is(const ddl_cur *c, const char *words)
{
	return match_words(c, words) > 0;
}

/* Consume "words" if they come next. */
bool
zf_ddlp_accept(ddl_cur *c, const char *words)
{
	int			n = match_words(c, words);

	c->pos += n;
	return n > 0;
}

/* Consume the punctuation p if it comes next. */
bool
zf_ddlp_accept_punct(ddl_cur *c, const char *p)
{
	if (!zf_ddlp_tok_punct(zf_ddlp_tok(c, 0), p))
		return false;
	c->pos++;
	return true;
}

/* The source text of a token, shortened, for messages. */
static void
token_excerpt(const ddl_cur *c, const ddl_token *t, char *dst, size_t dstlen)
{
	size_t		n = t->length;
	size_t		k = 0;

	if (n > 40)
		n = 40;
	for (size_t i = 0; i < n && k + 1 < dstlen; i++)
	{
		char		ch = c->s->src[t->offset + i];

		dst[k++] = (ch == '\n' || ch == '\r' || ch == '\t') ? ' ' : ch;
	}
	dst[k] = '\0';
	if (t->length > n && k + 4 < dstlen)
		strcpy(dst + k, "...");
}

/* A syntax error at the cursor: "syntax error at or near ..." */
zf_status
zf_ddlp_error(ddl_cur *c, const char *expected)
{
	const ddl_token *t = zf_ddlp_tok(c, 0);

	/* the end of a part of the statement: the token that ended it */
	if (t->kind == TK_END && c->pos < c->stmt->span.end && c->pos >= c->end)
		t = &c->toks[c->end < c->stmt->span.end ? c->end : c->stmt->span.end - 1];
	if (t->kind == TK_END)
	{
		const ddl_token *last = &c->toks[c->end > 0 ? c->end - 1 : 0];

		zf_error_set(c->err, ZF_E_SYNTAX, "syntax error at end of statement");
		zf_error_at(c->err, last->line, last->column + (int) last->length);
	}
	else
	{
		char		near[64];

		token_excerpt(c, t, near, sizeof(near));
		zf_error_set(c->err, ZF_E_SYNTAX, "syntax error at or near \"%s\"", near);
		zf_error_at(c->err, t->line, t->column);
	}
	if (expected)
		zf_error_detail(c->err, "Expected %s.", expected);
	return ZF_E_SYNTAX;
}

/* The error for a refused allocation: over budget or out of memory. */
zf_status
zf_ddlp_nomem(ddl_cur *c)
{
	if (c->s->arena.failed && c->s->arena.total > 0 &&
		c->s->arena.total + 65536 >= c->s->arena.limit)
		return zf_error_set(c->err, ZF_E_LIMIT,
							"DDL conversion needs more memory than its budget of %zu bytes",
							c->s->arena.limit);
	return zf_error_set(c->err, ZF_E_NOMEM, "out of memory while parsing DDL");
}

/* Consume "words" or fail with a syntax error. */
zf_status
zf_ddlp_expect(ddl_cur *c, const char *words)
{
	if (zf_ddlp_accept(c, words))
		return ZF_OK;
	return zf_ddlp_error(c, words);
}

/* Consume the punctuation p or fail with a syntax error. */
zf_status
zf_ddlp_expect_punct(ddl_cur *c, const char *p)
{
	char		what[8];

	if (zf_ddlp_accept_punct(c, p))
		return ZF_OK;
	snprintf(what, sizeof(what), "\"%s\"", p);
	return zf_ddlp_error(c, what);
}

/* An identifier: ordinary (upper case) or delimited (as written). */
zf_status
zf_ddlp_ident(ddl_cur *c, const char **name)
{
	const ddl_token *t = zf_ddlp_tok(c, 0);

	if (!zf_ddlp_tok_is_ident(t))
		return zf_ddlp_error(c, "a name");
	*name = t->text;
	c->pos++;
	return ZF_OK;
}

/* A name with up to two qualifiers: [location.][creator.]name */
zf_status
zf_ddlp_qname(ddl_cur *c, ddl_name *n)
{
	const char *parts[3];
	int			np = 0;
	const ddl_token *t = zf_ddlp_tok(c, 0);
	zf_status	st;

	memset(n, 0, sizeof(*n));
	n->line = t->line;
	n->column = t->column;
	if ((st = zf_ddlp_ident(c, &parts[np++])) != ZF_OK)
		return st;
	while (np < 3 && zf_ddlp_tok_punct(zf_ddlp_tok(c, 0), ".") &&
		   zf_ddlp_tok_is_ident(zf_ddlp_tok(c, 1)))
	{
		c->pos++;
		if ((st = zf_ddlp_ident(c, &parts[np++])) != ZF_OK)
			return st;
	}
	n->name = parts[np - 1];
	if (np >= 2)
		n->qual = parts[np - 2];
	if (np == 3)
		n->loc = parts[0];
	return ZF_OK;
}

/* An integer with an optional sign, checked for int64 range. */
zf_status
zf_ddlp_int(ddl_cur *c, int64_t *v)
{
	bool		neg = false;
	const ddl_token *t;
	uint64_t	acc = 0;

	if (zf_ddlp_accept_punct(c, "-"))
		neg = true;
	else
		zf_ddlp_accept_punct(c, "+");
	t = zf_ddlp_tok(c, 0);
	if (t->kind != TK_NUMBER || strspn(t->text, "0123456789") != strlen(t->text))
		return zf_ddlp_error(c, "an integer");
	for (const char *p = t->text; *p; p++)
	{
		if (acc > (UINT64_C(9223372036854775807) - (uint64_t) (*p - '0')) / 10)
		{
			zf_error_set(c->err, ZF_E_SYNTAX, "integer out of range: %s", t->text);
			zf_error_at(c->err, t->line, t->column);
			return ZF_E_SYNTAX;
		}
		acc = acc * 10 + (uint64_t) (*p - '0');
	}
	c->pos++;
	*v = neg ? -(int64_t) acc : (int64_t) acc;
	return ZF_OK;
}

/* An integer kept as text ("-5"), for identity and sequence options. */
zf_status
zf_ddlp_signed_text(ddl_cur *c, const char **text)
{
	bool		neg = false;
	const ddl_token *t;
	char	   *p;

	if (zf_ddlp_accept_punct(c, "-"))
		neg = true;
	else
		zf_ddlp_accept_punct(c, "+");
	t = zf_ddlp_tok(c, 0);
	if (t->kind != TK_NUMBER || strspn(t->text, "0123456789") != strlen(t->text))
		return zf_ddlp_error(c, "an integer");
	if (strlen(t->text) > 40)
		return zf_ddlp_error(c, "an integer of at most 40 digits");
	p = zf_arena_alloc(&c->s->arena, strlen(t->text) + 2);
	if (p == NULL)
		return zf_ddlp_nomem(c);
	/* strip leading zeros: PostgreSQL would read them, but keep it tidy */
	{
		const char *d = t->text;

		while (d[0] == '0' && d[1] != '\0')
			d++;
		sprintf(p, "%s%s", neg && strcmp(d, "0") != 0 ? "-" : "", d);
	}
	c->pos++;
	*text = p;
	return ZF_OK;
}

/* Index of the ')' matching the '(' at the cursor (input is balanced). */
int
zf_ddlp_group_end(const ddl_cur *c)
{
	int			depth = 0;

	for (int i = c->pos; i < c->end; i++)
	{
		const ddl_token *t = &c->toks[i];

		if (zf_ddlp_tok_punct(t, "("))
			depth++;
		else if (zf_ddlp_tok_punct(t, ")") && --depth == 0)
			return i;
	}
	return c->end;
}

/* Skip a parenthesised group starting at the cursor. */
zf_status
zf_ddlp_skip_group(ddl_cur *c)
{
	if (!zf_ddlp_tok_punct(zf_ddlp_tok(c, 0), "("))
		return zf_ddlp_error(c, "\"(\"");
	c->pos = zf_ddlp_group_end(c) + 1;
	if (c->pos > c->end)
		c->pos = c->end;
	return ZF_OK;
}

/*
 * "(a [ASC|DESC], b, ...)": a list of column names.  ASC/DESC/RANDOM are
 * accepted (and ignored) when allow_order; "BUSINESS_TIME WITHOUT
 * OVERLAPS" ends a key list and is left to the caller as the last name
 * "BUSINESS_TIME".
 */
zf_status
zf_ddlp_name_list(ddl_cur *c, int *n, const char ***names, bool allow_order)
{
	int			cap = 0;
	zf_status	st;

	*n = 0;
	*names = NULL;
	if ((st = zf_ddlp_expect_punct(c, "(")) != ZF_OK)
		return st;
	for (;;)
	{
		const char **slot;

		if (zf_ddlp_accept(c, "BUSINESS_TIME WITHOUT OVERLAPS"))
		{
			slot = zf_arena_push(&c->s->arena, (void **) names, n, &cap, sizeof(char *));
			if (slot == NULL)
				return zf_ddlp_nomem(c);
			*slot = "BUSINESS_TIME WITHOUT OVERLAPS";
		}
		else
		{
			slot = zf_arena_push(&c->s->arena, (void **) names, n, &cap, sizeof(char *));
			if (slot == NULL)
				return zf_ddlp_nomem(c);
			if ((st = zf_ddlp_ident(c, slot)) != ZF_OK)
				return st;
			if (allow_order && !zf_ddlp_accept(c, "ASC") && !zf_ddlp_accept(c, "DESC"))
				zf_ddlp_accept(c, "RANDOM");
			if (*n > DDL_MAX_COLUMNS)
				return zf_ddlp_error(c, "at most 1600 names");
		}
		if (zf_ddlp_accept_punct(c, ","))
			continue;
		return zf_ddlp_expect_punct(c, ")");
	}
}

/* Record a note from the parser on the current statement. */
zf_status
zf_ddlp_note(ddl_cur *c, const char *fmt,...)
{
	char		buf[DDL_MAX_NOTE];
	va_list		ap;
	const char **slot;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	slot = zf_arena_push(&c->s->arena, (void **) &c->stmt->notes, &c->stmt->nnotes,
					  &c->stmt->capnotes, sizeof(char *));
	if (slot == NULL || (*slot = zf_arena_strdup(&c->s->arena, buf)) == NULL)
		return zf_ddlp_nomem(c);
	return ZF_OK;
}

/*
 * The source text of tokens [first, end) with blanks normalised: one blank
 * where the source had any, none around '.', after '(' or before ')' and
 * ','.  Control characters become blanks.  NULL if out of memory.
 */
const char *
zf_ddl_range_text(zf_db2_script *s, int first, int end)
{
	size_t		n = 0;
	char	   *out;
	size_t		k = 0;

	for (int i = first; i < end; i++)
		n += s->tokens[i].length + 1;
	out = zf_arena_alloc(&s->arena, n + 1);
	if (out == NULL)
		return NULL;
	for (int i = first; i < end; i++)
	{
		const ddl_token *t = &s->tokens[i];

		if (i > first && (t->flags & TF_SPACE) &&
			!zf_ddlp_tok_punct(t, ",") && !zf_ddlp_tok_punct(t, ")") && !zf_ddlp_tok_punct(t, ".") &&
			!zf_ddlp_tok_punct(&s->tokens[i - 1], "(") && !zf_ddlp_tok_punct(&s->tokens[i - 1], "."))
			out[k++] = ' ';
		for (uint32_t j = 0; j < t->length; j++)
		{
			char		ch = s->src[t->offset + j];

			out[k++] = ((unsigned char) ch < ' ') ? ' ' : ch;
		}
	}
	out[k] = '\0';
	return out;
}

/* "CREATOR.NAME" (or "NAME") as DB2 would show it; NULL if out of memory. */
const char *
zf_ddl_name_text(zf_db2_script *s, const ddl_name *n)
{
	size_t		len = strlen(n->name) + 1;
	char	   *out;

	if (n->qual)
		len += strlen(n->qual) + 1;
	if (n->loc)
		len += strlen(n->loc) + 1;
	out = zf_arena_alloc(&s->arena, len);
	if (out == NULL)
		return NULL;
	snprintf(out, len, "%s%s%s%s%s", n->loc ? n->loc : "", n->loc ? "." : "",
			 n->qual ? n->qual : "", n->qual ? "." : "", n->name);
	return out;
}

/* The model's key for a table: "CREATOR\001NAME" (exact DB2 names). */
const char *
zf_ddl_model_key(zf_arena *a, const char *qual, const char *name)
{
	size_t		len = strlen(name) + (qual ? strlen(qual) : 0) + 2;
	char	   *out = zf_arena_alloc(a, len);

	if (out == NULL)
		return NULL;
	snprintf(out, len, "%s\001%s", qual ? qual : "", name);
	return out;
}

/* Remember a creator used as a qualifier (the writer maps these). */
void
zf_ddl_note_creator(zf_db2_script *s, const char *qual)
{
	if (qual != NULL && zf_ddl_map_get(&s->creators, qual) == NULL)
		zf_ddl_map_put(&s->creators, qual, (void *) qual);
}

/* ---------------------------------------------------------------------
 * Storage and operational clauses
 *
 * Patterns: upper-case words must match; %v is one value token, %n a
 * (qualified) name, %u an optional K/M/G unit, %g a parenthesised group.
 * The first pattern that matches wins, so longer ones come first.  A
 * clause without advice is a plain storage clause: the writer lists those
 * in one note; a clause with advice gets a note of its own.
 * ---------------------------------------------------------------------
 */
#define C_T		(1 << CTX_TABLE)
#define C_I		(1 << CTX_INDEX)
#define C_P		(1 << CTX_PARTITION)
#define C_S		(1 << CTX_SEQUENCE)
#define C_A		(1 << CTX_ALTER)
#define C_STOR	(C_T | C_I | C_P)

typedef struct clause_def
{
	int			ctx;
	const char *pattern;
	const char *advice;
} clause_def;

static const clause_def clause_defs[] = {
	{C_T, "IN ACCELERATOR %n", "accelerator-only tables have no PostgreSQL counterpart"},
	{C_T, "IN DATABASE %n", NULL},
	{C_T, "IN %n", NULL},
	{C_T | C_A, "AUDIT NONE", NULL},
	{C_T | C_A, "AUDIT %v", "DB2 auditing is not converted; use an audit extension such as pgaudit"},
	{C_T | C_A, "DATA CAPTURE NONE", NULL},
	{C_T | C_A, "DATA CAPTURE %v", "DB2 data capture is not converted; publish the table for logical replication to capture changes in PostgreSQL"},
	{C_T, "WITH RESTRICT ON DROP", "PostgreSQL has no drop protection: the table's owner can drop it"},
	{C_A, "ADD RESTRICT ON DROP", "PostgreSQL has no drop protection: the table's owner can drop it"},
	{C_A, "DROP RESTRICT ON DROP", NULL},
	{C_T | C_STOR, "CCSID %v", NULL},
	{C_T | C_A, "NOT VOLATILE CARDINALITY", NULL},
	{C_T | C_A, "NOT VOLATILE", NULL},
	{C_T | C_A, "VOLATILE CARDINALITY", "VOLATILE makes DB2 prefer index access; PostgreSQL plans from statistics (keep them current with ANALYZE)"},
	{C_T | C_A, "VOLATILE", "VOLATILE makes DB2 prefer index access; PostgreSQL plans from statistics (keep them current with ANALYZE)"},
	{C_T | C_A, "APPEND %v", NULL},
	{C_T | C_A, "EDITPROC %n", "an edit routine may encode every row (compression, encryption): make sure the data was decoded before it reaches PostgreSQL"},
	{C_T, "WITH ROW ATTRIBUTES", NULL},
	{C_T, "WITHOUT ROW ATTRIBUTES", NULL},
	{C_T | C_A, "VALIDPROC NULL", NULL},
	{C_T | C_A, "VALIDPROC %n", "a validation routine checked rows in DB2: write a CHECK constraint or trigger for the same rule"},
	{C_T, "OBID %v", NULL},
	{C_T | C_A, "ORGANIZE BY HASH UNIQUE %g", "hash organization is not converted; the hash key's uniqueness is not enforced unless you add a unique constraint"},
	{C_T | C_A, "HASH SPACE %v %u", NULL},
	{C_T | C_STOR, "MEMBER CLUSTER", NULL},
	{C_STOR, "TRACKMOD %v", NULL},
	{C_STOR, "NOT LOGGED", "NOT LOGGED: consider ALTER TABLE ... SET UNLOGGED if the data may be lost in a crash"},
	{C_STOR, "LOGGED", NULL},
	{C_STOR, "COMPRESS %v", NULL},
	{C_STOR, "BUFFERPOOL %v", NULL},
	{C_STOR, "DSSIZE %v %u", NULL},
	{C_STOR, "SEGSIZE %v", NULL},
	{C_STOR, "LOCKSIZE %v", NULL},
	{C_STOR, "LOCKMAX %v", NULL},
	{C_STOR, "MAXPARTITIONS %v", NULL},
	{C_STOR, "NUMPARTS %v", NULL},
	{C_STOR, "PAGENUM %v", NULL},
	{C_STOR, "PCTFREE %v FOR UPDATE %v", NULL},
	{C_STOR, "PCTFREE %v", NULL},
	{C_STOR, "FREEPAGE %v", NULL},
	{C_STOR, "USING STOGROUP %n", NULL},
	{C_STOR, "USING VCAT %n", NULL},
	{C_STOR, "PRIQTY %v", NULL},
	{C_STOR, "SECQTY %v", NULL},
	{C_STOR, "ERASE %v", NULL},
	{C_STOR, "GBPCACHE %v", NULL},
	{C_STOR, "CLOSE %v", NULL},
	{C_STOR, "DEFINE %v", NULL},
	{C_STOR, "MAXROWS %v", NULL},
	{C_STOR, "INSERT ALGORITHM %v", NULL},
	{C_STOR, "STOGROUP %n", NULL},
	{C_I, "COPY %v", NULL},
	{C_I, "DEFER %v", NULL},
	{C_I, "PIECESIZE %v %u", NULL},
	{C_I, "NOT PADDED", NULL},
	{C_I, "PADDED", NULL},
	{C_I, "INCLUDE NULL KEYS", NULL},
	{C_S, "NO ORDER", NULL},
	{C_A, "ACTIVATE ROW ACCESS CONTROL", "row access control is not converted: use row-level security policies"},
	{C_A, "ACTIVATE COLUMN ACCESS CONTROL", "column access control is not converted: use views or column privileges"},
	{C_A, "DEACTIVATE ROW ACCESS CONTROL", NULL},
	{C_A, "DEACTIVATE COLUMN ACCESS CONTROL", NULL},
};

/* Words that start clauses handled by code rather than by the table. */
static const char *const special_starts[][10] = {
	[CTX_TABLE] = {"PARTITION", "INCLUDING", "EXCLUDING", "DATA", "REFRESH",
	"ENABLE", "DISABLE", "MAINTAINED", "WITH", NULL},
	[CTX_INDEX] = {"INCLUDE", "CLUSTER", "NOT", "PARTITIONED", "EXCLUDE",
	"PARTITION", NULL},
	[CTX_PARTITION] = {"INCLUSIVE", NULL},
	[CTX_SEQUENCE] = {"START", "INCREMENT", "MINVALUE", "MAXVALUE", "NO",
	"CYCLE", "CACHE", "ORDER", "RESTART", NULL},
	[CTX_ALTER] = {"ADD", "ALTER", "DROP", "ROTATE", "RENAME", NULL},
};

/*
 * Try one pattern at token index p; returns the index after the match, or
 * -1.  The input is balanced, so a group is skipped by counting.
 */
static int
match_pattern(const ddl_cur *c, int p, const char *pattern)
{
	const char *w = pattern;

	while (*w)
	{
		const char *e = strchr(w, ' ');
		size_t		n = e ? (size_t) (e - w) : strlen(w);
		const ddl_token *t = p < c->end ? &c->toks[p] : &end_token;

		if (n == 2 && w[0] == '%')
		{
			switch (w[1])
			{
				case 'v':
					if (t->kind == TK_END || t->kind == TK_PUNCT)
						return -1;
					p++;
					break;
				case 'u':
					if (zf_ddlp_tok_is(t, "K") || zf_ddlp_tok_is(t, "M") || zf_ddlp_tok_is(t, "G"))
						p++;
					break;
				case 'n':
					if (!zf_ddlp_tok_is_ident(t))
						return -1;
					p++;
					while (p + 1 < c->end && zf_ddlp_tok_punct(&c->toks[p], ".") &&
						   zf_ddlp_tok_is_ident(&c->toks[p + 1]))
						p += 2;
					break;
				case 'g':
					{
						int			depth = 0;

						if (!zf_ddlp_tok_punct(t, "("))
							return -1;
						for (; p < c->end; p++)
						{
							if (zf_ddlp_tok_punct(&c->toks[p], "("))
								depth++;
							else if (zf_ddlp_tok_punct(&c->toks[p], ")") && --depth == 0)
								break;
						}
						p++;
						break;
					}
			}
		}
		else
		{
			if (t->kind != TK_WORD || strlen(t->text) != n ||
				memcmp(t->text, w, n) != 0)
				return -1;
			p++;
		}
		w += n;
		while (*w == ' ')
			w++;
	}
	return p;
}

/* The first clause definition matching at token index p, or NULL. */
static const clause_def *
find_clause(const ddl_cur *c, int p, ddl_ctx ctx, int *after)
{
	for (size_t i = 0; i < sizeof(clause_defs) / sizeof(clause_defs[0]); i++)
	{
		int			e;

		if (!(clause_defs[i].ctx & (1 << ctx)))
			continue;
		e = match_pattern(c, p, clause_defs[i].pattern);
		if (e > p)
		{
			*after = e;
			return &clause_defs[i];
		}
	}
	return NULL;
}

/* Does a known clause (table or special) start at token index p? */
static bool
clause_starts_at(const ddl_cur *c, int p, ddl_ctx ctx)
{
	int			after;
	const ddl_token *t = p < c->end ? &c->toks[p] : &end_token;

	if (t->kind != TK_WORD)
		return false;
	for (int i = 0; special_starts[ctx][i] != NULL; i++)
		if (strcmp(t->text, special_starts[ctx][i]) == 0)
			return true;
	return find_clause(c, p, ctx, &after) != NULL;
}

/* Does a known clause of context ctx start at the cursor? */
bool
zf_ddl_clause_starts(const ddl_cur *c, ddl_ctx ctx)
{
	return clause_starts_at(c, c->pos, ctx);
}

/* Match a storage/operational clause at the cursor and consume it. */
bool
zf_ddl_match_clause(ddl_cur *c, ddl_ctx ctx, ddl_clause *out)
{
	int			after;
	const clause_def *d = find_clause(c, c->pos, ctx, &after);

	if (d == NULL)
		return false;
	out->text = zf_ddl_range_text(c->s, c->pos, after);
	out->advice = d->advice;
	out->unknown = false;
	c->pos = after;
	return out->text != NULL;
}

/*
 * Skip a clause the parser does not know: its first token (or group), then
 * everything up to the next known clause.  The text is returned for a note.
 */
zf_status
zf_ddl_skip_unknown(ddl_cur *c, ddl_ctx ctx, ddl_clause *out)
{
	int			start = c->pos;

	do
	{
		if (zf_ddlp_tok_punct(zf_ddlp_tok(c, 0), "("))
			c->pos = zf_ddlp_group_end(c) + 1;
		else
			c->pos++;
	} while (c->pos < c->end && !clause_starts_at(c, c->pos, ctx));
	if (c->pos > c->end)
		c->pos = c->end;
	out->text = zf_ddl_range_text(c->s, start, c->pos);
	out->advice = NULL;
	out->unknown = true;
	return out->text ? ZF_OK : zf_ddlp_nomem(c);
}

/* Append a clause to a list. */
zf_status
zf_ddl_add_clause(ddl_cur *c, ddl_clauses *list, const ddl_clause *cl)
{
	ddl_clause *slot = zf_arena_push(&c->s->arena, (void **) &list->items, &list->n,
								  &list->cap, sizeof(ddl_clause));

	if (slot == NULL)
		return zf_ddlp_nomem(c);
	*slot = *cl;
	return ZF_OK;
}

/* ---------------------------------------------------------------------
 * Statement dispatch
 * ---------------------------------------------------------------------
 */

/* Statements kept only as a note, with the reason. */
static const struct
{
	const char *words;
	const char *reason;
}			dropped_statements[] = {
	{"CREATE DATABASE", "a DB2 database only groups table spaces; the objects go to the schema of their creator"},
	{"CREATE LOB TABLESPACE", "DB2 table spaces (storage, locking, buffer pools) have no PostgreSQL counterpart"},
	{"CREATE TABLESPACE", "DB2 table spaces (storage, locking, buffer pools) have no PostgreSQL counterpart"},
	{"CREATE STOGROUP", "storage groups have no PostgreSQL counterpart"},
	{"CREATE AUXILIARY TABLE", "LOB auxiliary tables are not needed: PostgreSQL keeps large values with the row (TOAST)"},
	{"CREATE AUX TABLE", "LOB auxiliary tables are not needed: PostgreSQL keeps large values with the row (TOAST)"},
	{"CREATE GLOBAL TEMPORARY TABLE", "created global temporary tables have no PostgreSQL counterpart: create a TEMPORARY table in each session"},
	{"DECLARE GLOBAL TEMPORARY TABLE", "a declared temporary table belongs to a session: use CREATE TEMPORARY TABLE there"},
	{"CREATE TRIGGER", "trigger bodies are not converted: rewrite the trigger in PL/pgSQL"},
	{"CREATE PROCEDURE", "procedure bodies are not converted: rewrite the procedure in PL/pgSQL"},
	{"CREATE FUNCTION", "function bodies are not converted: rewrite the function in SQL or PL/pgSQL"},
	{"CREATE ROLE", "security objects are not converted"},
	{"CREATE TRUSTED CONTEXT", "security objects are not converted"},
	{"CREATE MASK", "column masks are not converted: use views or column privileges"},
	{"CREATE PERMISSION", "row permissions are not converted: use row-level security policies"},
	{"CREATE VARIABLE", "global variables have no PostgreSQL counterpart"},
	{"ALTER TABLESPACE", "table space changes have no PostgreSQL counterpart"},
	{"ALTER INDEX", "index storage changes have no PostgreSQL counterpart"},
	{"ALTER DATABASE", "DB2 databases have no PostgreSQL counterpart"},
	{"ALTER STOGROUP", "storage groups have no PostgreSQL counterpart"},
	{"ALTER SEQUENCE", "sequence changes are not converted"},
	{"GRANT", "privileges are not converted: DB2 authorization IDs are not PostgreSQL roles; grant privileges to your roles"},
	{"REVOKE", "privileges are not converted: DB2 authorization IDs are not PostgreSQL roles"},
	{"COMMIT", "transaction control is left to whoever runs the script"},
	{"ROLLBACK", "transaction control is left to whoever runs the script"},
	{"SET", "DB2 special register with no PostgreSQL counterpart"},
};

/* Balanced parentheses, nesting at most DDL_MAX_DEPTH. */
static zf_status
check_parens(ddl_cur *c)
{
	int			depth = 0;
	int			open[DDL_MAX_DEPTH + 1];

	for (int i = c->pos; i < c->end; i++)
	{
		const ddl_token *t = &c->toks[i];

		if (zf_ddlp_tok_punct(t, "("))
		{
			if (depth >= DDL_MAX_DEPTH)
			{
				zf_error_set(c->err, ZF_E_LIMIT, "parentheses nested too deeply");
				zf_error_detail(c->err, "At most %d levels are allowed.", DDL_MAX_DEPTH);
				zf_error_at(c->err, t->line, t->column);
				return ZF_E_LIMIT;
			}
			open[depth++] = i;
		}
		else if (zf_ddlp_tok_punct(t, ")"))
		{
			if (depth == 0)
			{
				zf_error_set(c->err, ZF_E_SYNTAX, "unbalanced parentheses: \")\" without \"(\"");
				zf_error_at(c->err, t->line, t->column);
				return ZF_E_SYNTAX;
			}
			depth--;
		}
	}
	if (depth > 0)
	{
		const ddl_token *t = &c->toks[open[depth - 1]];

		zf_error_set(c->err, ZF_E_SYNTAX, "unbalanced parentheses: \"(\" is not closed");
		zf_error_at(c->err, t->line, t->column);
		return ZF_E_SYNTAX;
	}
	return ZF_OK;
}

/* The first n words of the statement, for its kind. */
static const char *
head_words(ddl_cur *c, int n)
{
	char		buf[128];
	size_t		k = 0;

	buf[0] = '\0';
	for (int i = 0; i < n; i++)
	{
		const ddl_token *t = zf_ddlp_tok(c, i);

		if (t->kind != TK_WORD || k + strlen(t->text) + 2 >= sizeof(buf))
			break;
		k += (size_t) snprintf(buf + k, sizeof(buf) - k, "%s%s", i ? " " : "", t->text);
	}
	return zf_arena_strdup(&c->s->arena, buf);
}

/* After the kind words, a name if there is one (for dropped statements). */
static void
dropped_object(ddl_cur *c, int nwords)
{
	ddl_cur		sub = *c;
	ddl_name	n;
	zf_error	scratch;

	sub.pos += nwords;
	sub.err = &scratch;
	if (zf_ddlp_tok_is_ident(zf_ddlp_tok(&sub, 0)) && zf_ddlp_qname(&sub, &n) == ZF_OK)
		c->stmt->object = zf_ddl_name_text(c->s, &n);
}

/* Number of blank-separated words in w. */
static int
count_words(const char *w)
{
	int			n = 1;

	for (; *w; w++)
		if (*w == ' ')
			n++;
	return n;
}

/* Parse one statement at c (its whole token range). */
static zf_status
parse_statement(ddl_cur *c, ddl_parse_state *ps)
{
	ddl_stmt   *st = c->stmt;
	zf_status	rc;

	if ((rc = check_parens(c)) != ZF_OK)
		return rc;

	if (zf_ddlp_is(c, "CREATE"))
	{
		int			k = 1;

		/* CREATE [TYPE n] [UNIQUE [WHERE NOT NULL]] [TYPE n] INDEX */
		if (zf_ddlp_tok_is(zf_ddlp_tok(c, k), "TYPE") && zf_ddlp_tok(c, k + 1)->kind == TK_NUMBER)
			k += 2;
		if (zf_ddlp_tok_is(zf_ddlp_tok(c, k), "UNIQUE"))
		{
			k++;
			if (zf_ddlp_tok_is(zf_ddlp_tok(c, k), "WHERE"))
				k += 3;
		}
		if (zf_ddlp_tok_is(zf_ddlp_tok(c, k), "TYPE") && zf_ddlp_tok(c, k + 1)->kind == TK_NUMBER)
			k += 2;
		if (zf_ddlp_tok_is(zf_ddlp_tok(c, k), "INDEX"))
			return zf_ddl_parse_create_index(c, ps);

		if (zf_ddlp_is(c, "CREATE TABLE"))
			return zf_ddl_parse_table_stmt(c, ps);
		if (zf_ddlp_is(c, "CREATE VIEW"))
			return zf_ddl_parse_create_view(c, ps);
		if (zf_ddlp_is(c, "CREATE ALIAS") || zf_ddlp_is(c, "CREATE PUBLIC ALIAS") ||
			zf_ddlp_is(c, "CREATE SYNONYM"))
			return zf_ddl_parse_create_alias(c, ps);
		if (zf_ddlp_is(c, "CREATE SEQUENCE"))
			return zf_ddl_parse_create_sequence(c, ps);
		if (zf_ddlp_is(c, "CREATE TYPE") || zf_ddlp_is(c, "CREATE DISTINCT TYPE"))
		{
			rc = zf_ddl_parse_create_type(c, ps);
			if (rc != ZF_E_UNSUPPORTED)
				return rc;
			c->pos = st->span.first;
		}
	}
	else if (zf_ddlp_is(c, "ALTER TABLE"))
		return zf_ddl_parse_alter_table(c, ps);
	else if (zf_ddlp_is(c, "COMMENT ON") || zf_ddlp_is(c, "LABEL ON"))
		return zf_ddl_parse_comment(c, ps);
	else if (zf_ddlp_is(c, "SET CURRENT SQLID") || zf_ddlp_is(c, "SET CURRENT SCHEMA") ||
			 zf_ddlp_is(c, "SET CURRENT_SCHEMA") || zf_ddlp_is(c, "SET SCHEMA"))
		return zf_ddl_parse_set(c, ps);
	else if (zf_ddlp_is(c, "DROP"))
		return zf_ddl_parse_drop(c, ps);
	else if (zf_ddlp_is(c, "RENAME"))
		return zf_ddl_parse_rename(c, ps);

	for (size_t i = 0; i < sizeof(dropped_statements) / sizeof(dropped_statements[0]); i++)
	{
		if (zf_ddlp_is(c, dropped_statements[i].words))
		{
			int			nw = count_words(dropped_statements[i].words);

			st->kind = ST_DROPPED;
			st->reason = dropped_statements[i].reason;
			if (strcmp(dropped_statements[i].words, "SET") == 0)
			{
				nw = zf_ddlp_tok_is(zf_ddlp_tok(c, 1), "CURRENT") ? 3 : 2;
				st->kind_text = head_words(c, nw);
			}
			else
			{
				st->kind_text = dropped_statements[i].words;
				if (strncmp(dropped_statements[i].words, "CREATE", 6) == 0 ||
					strncmp(dropped_statements[i].words, "ALTER", 5) == 0 ||
					strncmp(dropped_statements[i].words, "DECLARE", 7) == 0)
					dropped_object(c, nw);
			}
			return st->kind_text ? ZF_OK : zf_ddlp_nomem(c);
		}
	}

	st->kind = ST_UNKNOWN;
	st->kind_text = "unknown";
	st->reason = "statement not recognised as DB2 DDL: not converted";
	return ZF_OK;
}

/*
 * Parse every statement of the lexed script into s->stmts and build the
 * table model.
 */
zf_status
zf_ddl_parse_script(zf_db2_script *s, const ddl_lexed *lx, bool continue_on_error,
				 zf_error *err)
{
	ddl_parse_state ps;

	memset(&ps, 0, sizeof(ps));
	s->stmts = zf_arena_alloc(&s->arena, sizeof(ddl_stmt) * (size_t) (lx->nstmts > 0 ? lx->nstmts : 1));
	if (s->stmts == NULL)
		return zf_error_set(err, ZF_E_NOMEM, "out of memory while parsing DDL");

	for (int i = 0; i < lx->nstmts; i++)
	{
		ddl_stmt   *st = &s->stmts[i];
		ddl_cur		c;
		zf_status	rc;
		const ddl_token *first = &lx->tokens[lx->stmts[i].first];

		st->number = i + 1;
		st->line = first->line;
		st->column = first->column;
		st->span = lx->stmts[i];
		st->default_qual = ps.schema ? ps.schema : ps.sqlid;
		s->nstmts = i + 1;

		c.s = s;
		c.stmt = st;
		c.toks = lx->tokens;
		c.pos = st->span.first;
		c.end = st->span.end;
		c.err = err;

		rc = parse_statement(&c, &ps);
		if (rc == ZF_OK && s->arena.failed)
			rc = zf_ddlp_nomem(&c);
		if (rc == ZF_OK)
			continue;
		if ((rc == ZF_E_SYNTAX || rc == ZF_E_UNSUPPORTED) && continue_on_error)
		{
			char		buf[DDL_MAX_NOTE];

			snprintf(buf, sizeof(buf), "%.200s (line %d, column %d)%s%.300s",
					 err->message, err->line, err->column,
					 err->detail[0] ? ": " : "", err->detail);
			memset(&st->u, 0, sizeof(st->u));
			st->kind = ST_ERROR;
			st->kind_text = "error";
			st->reason = zf_arena_strdup(&s->arena, buf);
			if (st->reason == NULL)
				return zf_error_set(err, ZF_E_NOMEM, "out of memory while parsing DDL");
			zf_error_clear(err);
			continue;
		}
		return rc;
	}
	return ZF_OK;
}
