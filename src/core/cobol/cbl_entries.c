/*-------------------------------------------------------------------------
 *
 * cbl_entries.c
 *	  Pass 1 of the copybook parser: data description entries.
 *
 * Checks the tokens of every entry against the syntax IBM Enterprise
 * COBOL accepts (level number, name or FILLER, PICTURE, USAGE, SIGN,
 * OCCURS with DEPENDING ON / KEY / INDEXED BY, REDEFINES, VALUE, JUSTIFIED,
 * BLANK WHEN ZERO, SYNCHRONIZED, EXTERNAL, GLOBAL, 66 RENAMES; 88-level
 * entries are checked and dropped) and keeps each with its source
 * positions.  COPY, REPLACE and EXEC are errors: the parser never expands
 * or skips text it does not understand.
 *
 *-------------------------------------------------------------------------
 */
#include "cobol/cbl_parser.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Words that start clauses: an entry whose first word is one of them is
 * unnamed, and name lists stop at them. */
static const char *const clause_words[] = {
	"PIC", "PICTURE", "USAGE", "REDEFINES", "OCCURS", "VALUE", "VALUES",
	"SIGN", "LEADING", "TRAILING", "SEPARATE", "JUST", "JUSTIFIED", "BLANK",
	"SYNC", "SYNCHRONIZED", "EXTERNAL", "GLOBAL", "DISPLAY", "DISPLAY-1",
	"COMP", "COMPUTATIONAL", "COMP-0", "COMPUTATIONAL-0", "COMP-1",
	"COMPUTATIONAL-1", "COMP-2", "COMPUTATIONAL-2", "COMP-3",
	"COMPUTATIONAL-3", "COMP-4", "COMPUTATIONAL-4", "COMP-5",
	"COMPUTATIONAL-5", "COMP-X", "COMPUTATIONAL-X", "BINARY", "PACKED-DECIMAL",
	"NATIONAL", "INDEX",
	"POINTER", "PROCEDURE-POINTER", "FUNCTION-POINTER", "OBJECT",
	"RENAMES", "IS", "ARE", "ASCENDING", "DESCENDING", "INDEXED", "KEY",
	"DEPENDING", "TIMES", "TO", "GROUP-USAGE", "BY", "ON", "OF", "IN",
	"THRU", "THROUGH", NULL
};

static const char *const figuratives[] = {
	"ZERO", "ZEROS", "ZEROES", "SPACE", "SPACES", "HIGH-VALUE", "HIGH-VALUES",
	"LOW-VALUE", "LOW-VALUES", "QUOTE", "QUOTES", "NULL", "NULLS", NULL
};

/* ---- errors ---- */

/* Describe a token for a message: "\"PIC\"", "end of text". */
static void
tok_desc(const cbl_token *t, char *buf, size_t cap)
{
	if (t->kind == CBL_EOF)
		snprintf(buf, cap, "end of text");
	else if (t->len > 40)
		snprintf(buf, cap, "\"%.40s...\"", t->text);
	else
		snprintf(buf, cap, "\"%.*s\"", (int) t->len, t->text);
}

/* Set an error at a stream position. */
zf_status
zf_cbl_error(cb_parser *p, zf_status st, size_t pos, const char *fmt,...)
{
	va_list		ap;
	int			line;
	int			col;

	va_start(ap, fmt);
	zf_error_setv(p->err, st, fmt, ap);
	va_end(ap);
	zf_cbl_position(&p->lx, pos, &line, &col);
	zf_error_at(p->err, line, col);
	return st;
}

/* "expected X, found Y" at the current token. */
static zf_status
expected(cb_parser *p, const char *what)
{
	char		d[64];

	tok_desc(&p->tok, d, sizeof(d));
	return zf_cbl_error(p, ZF_E_SYNTAX, p->tok.pos, "expected %s, found %s", what, d);
}

/* Move to the next token. */
static zf_status
advance(cb_parser *p)
{
	return zf_cbl_next(&p->lx, &p->tok);
}

/* Skip an optional word. */
static zf_status
optional(cb_parser *p, const char *w)
{
	if (zf_cbl_is(&p->tok, w))
		return advance(p);
	return ZF_OK;
}

/* ---- word classes ---- */

/* True for the words of a list. */
static bool
in_list(const cbl_token *t, const char *const *list)
{
	for (int i = 0; list[i] != NULL; i++)
		if (zf_cbl_is(t, list[i]))
			return true;
	return false;
}

/* A COBOL user-defined word: letters, digits, hyphens (not at the ends)
 * and underscores, at least one letter. */
static bool
is_user_word(const cbl_token *t)
{
	bool		letter = false;

	if (t->kind != CBL_WORD || t->len == 0 || t->len > MAX_NAME_CHARS ||
		t->text[0] == '-' || t->text[t->len - 1] == '-')
		return false;
	for (size_t i = 0; i < t->len; i++)
	{
		unsigned char c = (unsigned char) t->text[i];

		if (isalpha(c))
			letter = true;
		else if (!isdigit(c) && c != '-' && c != '_')
			return false;
	}
	return letter && !in_list(t, clause_words);
}

/* An unsigned integer word; *v gets its value (saturated). */
static bool
is_integer(const cbl_token *t, uint64_t *v)
{
	uint64_t	x = 0;

	if (t->kind != CBL_WORD || t->len == 0)
		return false;
	for (size_t i = 0; i < t->len; i++)
	{
		if (!isdigit((unsigned char) t->text[i]))
			return false;
		if (x < UINT64_MAX / 100)
			x = x * 10 + (uint64_t) (t->text[i] - '0');
	}
	*v = x;
	return true;
}

/* A numeric literal: [+-] digits [. digits] [E [+-] digits]. */
static bool
is_numeric_literal(const cbl_token *t)
{
	size_t		i = 0;
	size_t		digits = 0;

	if (t->kind != CBL_WORD)
		return false;
	if (i < t->len && (t->text[i] == '+' || t->text[i] == '-'))
		i++;
	for (; i < t->len && isdigit((unsigned char) t->text[i]); i++)
		digits++;
	if (i < t->len && (t->text[i] == '.' || t->text[i] == ','))
		for (i++; i < t->len && isdigit((unsigned char) t->text[i]); i++)
			digits++;
	if (digits == 0)
		return false;
	if (i < t->len && (t->text[i] == 'E' || t->text[i] == 'e'))
	{
		size_t		e = 0;

		i++;
		if (i < t->len && (t->text[i] == '+' || t->text[i] == '-'))
			i++;
		for (; i < t->len && isdigit((unsigned char) t->text[i]); i++)
			e++;
		if (e == 0)
			return false;
	}
	return i == t->len;
}

/* A literal a VALUE clause accepts (ALL is handled by the caller). */
static bool
is_value_literal(const cbl_token *t)
{
	return t->kind == CBL_LITERAL || is_numeric_literal(t) || in_list(t, figuratives);
}

/* Map a usage word; ZF_USAGE_NONE if it is not one. */
static zf_usage
usage_of(const cbl_token *t)
{
	if (t->kind != CBL_WORD)
		return ZF_USAGE_NONE;
	return zf_usage_lookup(t->text, t->len, ZF_USAGE_WORDS_COBOL);
}

/* ---- pass 1: entries ---- */

/* A qualified name: word { OF|IN word }. */
static zf_status
parse_qname(cb_parser *p, cb_qname *q, const char *what)
{
	zf_status	s;

	q->n = 0;
	for (;;)
	{
		if (!is_user_word(&p->tok))
			return expected(p, what);
		if (q->n == MAX_QUAL)
			return zf_cbl_error(p, ZF_E_SYNTAX, p->tok.pos, "too many qualifiers");
		q->word[q->n++] = p->tok;
		if ((s = advance(p)) != ZF_OK)
			return s;
		if (!zf_cbl_is(&p->tok, "OF") && !zf_cbl_is(&p->tok, "IN"))
			return ZF_OK;
		if ((s = advance(p)) != ZF_OK)
			return s;
	}
}

/* One VALUE operand: a literal, a figurative constant, or ALL literal. */
static zf_status
parse_value_operand(cb_parser *p)
{
	zf_status	s;

	if (zf_cbl_is(&p->tok, "ALL"))
	{
		if ((s = advance(p)) != ZF_OK)
			return s;
		if (p->tok.kind != CBL_LITERAL && !in_list(&p->tok, figuratives))
			return expected(p, "a literal after ALL");
		return advance(p);
	}
	if (!is_value_literal(&p->tok))
		return expected(p, "a literal");
	return advance(p);
}

/* VALUE [IS] literal..., or for 88 levels VALUES ARE lit [THRU lit]...
 * [WHEN SET TO FALSE IS lit]. The values do not change the layout. */
static zf_status
parse_value(cb_parser *p, bool condition)
{
	zf_status	s;

	if ((s = advance(p)) != ZF_OK || (s = optional(p, "IS")) != ZF_OK ||
		(s = optional(p, "ARE")) != ZF_OK)
		return s;
	if ((s = parse_value_operand(p)) != ZF_OK)
		return s;
	for (;;)
	{
		if (condition && (zf_cbl_is(&p->tok, "THRU") || zf_cbl_is(&p->tok, "THROUGH")))
		{
			if ((s = advance(p)) != ZF_OK || (s = parse_value_operand(p)) != ZF_OK)
				return s;
			continue;
		}
		if (condition && zf_cbl_is(&p->tok, "WHEN"))
		{
			if ((s = advance(p)) != ZF_OK)
				return s;
			if (!zf_cbl_is(&p->tok, "SET"))
				return expected(p, "SET TO FALSE");
			if ((s = advance(p)) != ZF_OK || (s = optional(p, "TO")) != ZF_OK)
				return s;
			if (!zf_cbl_is(&p->tok, "FALSE"))
				return expected(p, "FALSE");
			if ((s = advance(p)) != ZF_OK || (s = optional(p, "IS")) != ZF_OK)
				return s;
			if ((s = parse_value_operand(p)) != ZF_OK)
				return s;
			continue;
		}
		if (is_value_literal(&p->tok) || zf_cbl_is(&p->tok, "ALL"))
		{
			if ((s = parse_value_operand(p)) != ZF_OK)
				return s;
			continue;
		}
		return ZF_OK;
	}
}

/* 88 name VALUE ... . : checked, then forgotten. */
static zf_status
parse_condition(cb_parser *p)
{
	zf_status	s;

	if (!is_user_word(&p->tok))
		return expected(p, "a condition name");
	if ((s = advance(p)) != ZF_OK)
		return s;
	if (!zf_cbl_is(&p->tok, "VALUE") && !zf_cbl_is(&p->tok, "VALUES"))
		return expected(p, "VALUE");
	if ((s = parse_value(p, true)) != ZF_OK)
		return s;
	if (p->tok.kind != CBL_PERIOD && p->tok.kind != CBL_EOF)
		return expected(p, "a period");
	return p->tok.kind == CBL_PERIOD ? advance(p) : ZF_OK;
}

/* Names after KEY IS or INDEXED BY, possibly qualified. */
static zf_status
skip_name_list(cb_parser *p, const char *what)
{
	zf_status	s;
	int			n = 0;

	while (is_user_word(&p->tok))
	{
		cb_qname	q;

		if ((s = parse_qname(p, &q, what)) != ZF_OK)
			return s;
		n++;
	}
	if (n == 0)
		return expected(p, what);
	return ZF_OK;
}

/* OCCURS n [TIMES] | OCCURS m TO n [TIMES] DEPENDING [ON] x, with KEY and
 * INDEXED BY phrases. */
static zf_status
parse_occurs(cb_parser *p, cb_entry *e)
{
	uint64_t	v1;
	uint64_t	v2;
	bool		range = false;
	zf_status	s;

	e->has_occurs = true;
	e->occ_pos = p->tok.pos;
	if ((s = advance(p)) != ZF_OK)
		return s;
	if (zf_cbl_is(&p->tok, "UNBOUNDED"))
		return zf_cbl_error(p, ZF_E_UNSUPPORTED, p->tok.pos, "OCCURS UNBOUNDED is not supported");
	if (!is_integer(&p->tok, &v1))
		return expected(p, "the number of occurrences");
	if ((s = advance(p)) != ZF_OK)
		return s;
	v2 = v1;
	if (zf_cbl_is(&p->tok, "TO"))
	{
		range = true;
		if ((s = advance(p)) != ZF_OK)
			return s;
		if (zf_cbl_is(&p->tok, "UNBOUNDED"))
			return zf_cbl_error(p, ZF_E_UNSUPPORTED, p->tok.pos, "OCCURS UNBOUNDED is not supported");
		if (!is_integer(&p->tok, &v2))
			return expected(p, "the maximum number of occurrences");
		if ((s = advance(p)) != ZF_OK)
			return s;
	}
	if (v1 > UINT32_MAX || v2 > UINT32_MAX || v2 > p->opts->limits.max_occurs)
	{
		zf_cbl_error(p, ZF_E_LIMIT, e->occ_pos,
					 "OCCURS %llu is more than the limit of %u occurrences",
					 (unsigned long long) v2, p->opts->limits.max_occurs);
		zf_error_limit(p->err, ZF_LIMIT_OCCURS);
		return ZF_E_LIMIT;
	}
	if ((s = optional(p, "TIMES")) != ZF_OK)
		return s;
	for (;;)
	{
		if (zf_cbl_is(&p->tok, "DEPENDING"))
		{
			if (e->depending.n > 0)
				return zf_cbl_error(p, ZF_E_SYNTAX, p->tok.pos, "DEPENDING ON appears twice");
			if ((s = advance(p)) != ZF_OK || (s = optional(p, "ON")) != ZF_OK ||
				(s = parse_qname(p, &e->depending, "the name of the DEPENDING ON object")) != ZF_OK)
				return s;
		}
		else if (zf_cbl_is(&p->tok, "ASCENDING") || zf_cbl_is(&p->tok, "DESCENDING"))
		{
			if ((s = advance(p)) != ZF_OK || (s = optional(p, "KEY")) != ZF_OK ||
				(s = optional(p, "IS")) != ZF_OK ||
				(s = skip_name_list(p, "a key name")) != ZF_OK)
				return s;
		}
		else if (zf_cbl_is(&p->tok, "INDEXED"))
		{
			if ((s = advance(p)) != ZF_OK || (s = optional(p, "BY")) != ZF_OK ||
				(s = skip_name_list(p, "an index name")) != ZF_OK)
				return s;
		}
		else
			break;
	}
	if (e->depending.n > 0)
	{
		/* IBM: without "integer-1 TO", the minimum is 1 */
		e->occ_min = range ? (uint32_t) v1 : 1;
		e->occ_max = (uint32_t) v2;
	}
	else
	{
		if (range)
			return zf_cbl_error(p, ZF_E_SYNTAX, e->occ_pos, "OCCURS %llu TO %llu needs DEPENDING ON",
						(unsigned long long) v1, (unsigned long long) v2);
		e->occ_min = e->occ_max = (uint32_t) v1;
	}
	if (e->occ_max == 0)
		return zf_cbl_error(p, ZF_E_SYNTAX, e->occ_pos, "OCCURS needs at least one occurrence");
	if (e->occ_min > e->occ_max)
		return zf_cbl_error(p, ZF_E_SYNTAX, e->occ_pos, "OCCURS minimum %u is more than the maximum %u",
					e->occ_min, e->occ_max);
	return ZF_OK;
}

/* PICTURE [IS] string. */
static zf_status
parse_picture(cb_parser *p, cb_entry *e)
{
	zf_status	s;

	if ((s = advance(p)) != ZF_OK || (s = optional(p, "IS")) != ZF_OK)
		return s;
	if (p->tok.kind != CBL_WORD)
		return expected(p, "a PICTURE string");
	e->has_pic = true;
	e->pic = p->tok;
	if (p->tok.len > MAX_PIC_CHARS)
		return zf_cbl_error(p, ZF_E_SYNTAX, p->tok.pos, "PICTURE string is longer than 50 characters");
	if ((s = zf_picture_parse(p->tok.text, p->tok.len, &e->picinfo, p->err)) != ZF_OK)
	{
		int			line,
					col;

		zf_cbl_position(&p->lx, p->tok.pos, &line, &col);
		zf_error_at(p->err, line, col);
		return s;
	}
	return advance(p);
}

/* SIGN [IS] LEADING|TRAILING [SEPARATE [CHARACTER]]. */
static zf_status
parse_sign(cb_parser *p, cb_entry *e)
{
	zf_status	s;

	e->sign_pos = p->tok.pos;
	if (zf_cbl_is(&p->tok, "SIGN"))
	{
		if ((s = advance(p)) != ZF_OK || (s = optional(p, "IS")) != ZF_OK)
			return s;
	}
	if (zf_cbl_is(&p->tok, "LEADING"))
		e->sign = 'L';
	else if (zf_cbl_is(&p->tok, "TRAILING"))
		e->sign = 'T';
	else
		return expected(p, "LEADING or TRAILING");
	if ((s = advance(p)) != ZF_OK)
		return s;
	if (zf_cbl_is(&p->tok, "SEPARATE"))
	{
		e->sign_separate = true;
		if ((s = advance(p)) != ZF_OK || (s = optional(p, "CHARACTER")) != ZF_OK)
			return s;
	}
	return ZF_OK;
}

/* The clauses of a data description entry, up to its period. */
static zf_status
parse_clauses(cb_parser *p, cb_entry *e)
{
	zf_status	s;
	char		d[64];

	for (;;)
	{
		cbl_token	t = p->tok;
		zf_usage	u;

		if (t.kind == CBL_PERIOD)
			return advance(p);
		if (t.kind == CBL_EOF)
			return ZF_OK;		/* the last entry may lack its period */

		if (zf_cbl_is(&t, "PIC") || zf_cbl_is(&t, "PICTURE"))
		{
			if (e->has_pic)
				return zf_cbl_error(p, ZF_E_SYNTAX, t.pos, "PICTURE clause appears twice");
			s = parse_picture(p, e);
		}
		else if (zf_cbl_is(&t, "USAGE") || usage_of(&t) != ZF_USAGE_NONE)
		{
			if (zf_cbl_is(&t, "USAGE") &&
				((s = advance(p)) != ZF_OK || (s = optional(p, "IS")) != ZF_OK))
				return s;
			u = usage_of(&p->tok);
			if (u == ZF_USAGE_NONE)
			{
				tok_desc(&p->tok, d, sizeof(d));
				if (in_list(&p->tok, clause_words) && !zf_cbl_is(&p->tok, "PIC") &&
					!zf_cbl_is(&p->tok, "PICTURE"))
					return zf_cbl_error(p, ZF_E_UNSUPPORTED, p->tok.pos, "USAGE %s is not supported", d);
				return expected(p, "a USAGE");
			}
			if (e->usage != ZF_USAGE_NONE)
				return zf_cbl_error(p, ZF_E_SYNTAX, t.pos, "USAGE clause appears twice");
			e->usage = u;
			e->usage_pos = p->tok.pos;
			s = advance(p);
		}
		else if (zf_cbl_is(&t, "COMP-0") || zf_cbl_is(&t, "COMPUTATIONAL-0") ||
				 zf_cbl_is(&t, "PROCEDURE-POINTER") || zf_cbl_is(&t, "FUNCTION-POINTER") ||
				 zf_cbl_is(&t, "OBJECT") || zf_cbl_is(&t, "GROUP-USAGE"))
		{
			tok_desc(&t, d, sizeof(d));
			return zf_cbl_error(p, ZF_E_UNSUPPORTED, t.pos, "%s is not supported", d);
		}
		else if (zf_cbl_is(&t, "REDEFINES"))
		{
			if (e->redefines.kind != CBL_EOF)
				return zf_cbl_error(p, ZF_E_SYNTAX, t.pos, "REDEFINES clause appears twice");
			if ((s = advance(p)) != ZF_OK)
				return s;
			if (!is_user_word(&p->tok))
				return expected(p, "the name of the redefined item");
			e->redefines = p->tok;
			s = advance(p);
		}
		else if (zf_cbl_is(&t, "OCCURS"))
		{
			if (e->has_occurs)
				return zf_cbl_error(p, ZF_E_SYNTAX, t.pos, "OCCURS clause appears twice");
			s = parse_occurs(p, e);
		}
		else if (zf_cbl_is(&t, "VALUE") || zf_cbl_is(&t, "VALUES"))
			s = parse_value(p, false);
		else if (zf_cbl_is(&t, "SIGN") || zf_cbl_is(&t, "LEADING") || zf_cbl_is(&t, "TRAILING"))
		{
			if (e->sign != 0)
				return zf_cbl_error(p, ZF_E_SYNTAX, t.pos, "SIGN clause appears twice");
			s = parse_sign(p, e);
		}
		else if (zf_cbl_is(&t, "JUST") || zf_cbl_is(&t, "JUSTIFIED"))
		{
			e->justified = true;
			e->attr_pos = t.pos;
			if ((s = advance(p)) == ZF_OK)
				s = optional(p, "RIGHT");
		}
		else if (zf_cbl_is(&t, "BLANK"))
		{
			e->bwz = true;
			e->attr_pos = t.pos;
			if ((s = advance(p)) != ZF_OK || (s = optional(p, "WHEN")) != ZF_OK)
				return s;
			if (!zf_cbl_is(&p->tok, "ZERO") && !zf_cbl_is(&p->tok, "ZEROS") &&
				!zf_cbl_is(&p->tok, "ZEROES"))
				return expected(p, "ZERO");
			s = advance(p);
		}
		else if (zf_cbl_is(&t, "SYNC") || zf_cbl_is(&t, "SYNCHRONIZED"))
		{
			e->sync = true;
			e->attr_pos = t.pos;
			if ((s = advance(p)) != ZF_OK)
				return s;
			if (zf_cbl_is(&p->tok, "LEFT") || zf_cbl_is(&p->tok, "RIGHT"))
				s = advance(p);
		}
		else if (zf_cbl_is(&t, "EXTERNAL") || zf_cbl_is(&t, "GLOBAL"))
			s = advance(p);
		else
		{
			const char *nm = e->name.kind == CBL_EOF ? NULL : e->name.text;

			tok_desc(&t, d, sizeof(d));
			if (nm != NULL)
				return zf_cbl_error(p, ZF_E_SYNTAX, t.pos,
							"expected a clause or a period in the entry of \"%.*s\", found %s",
							(int) e->name.len, nm, d);
			return zf_cbl_error(p, ZF_E_SYNTAX, t.pos, "expected a clause or a period, found %s", d);
		}
		if (s != ZF_OK)
			return s;
	}
}

/* Append an empty entry. */
static cb_entry *
new_entry(cb_parser *p)
{
	cb_entry   *e;

	if (p->nentries == p->cap)
	{
		int32_t		cap = p->cap == 0 ? 64 : p->cap * 2;
		cb_entry   *n = realloc(p->entries, sizeof(cb_entry) * (size_t) cap);

		if (n == NULL)
			return NULL;
		p->entries = n;
		p->cap = cap;
	}
	e = &p->entries[p->nentries++];
	memset(e, 0, sizeof(*e));
	e->name.kind = CBL_EOF;
	e->redefines.kind = CBL_EOF;
	e->field = -1;
	e->prev_sibling = -1;
	return e;
}

/* See cbl_parser.h. */
zf_status
zf_cbl_parse_entries(cb_parser *p)
{
	zf_status	s;

	if ((s = advance(p)) != ZF_OK)
		return s;
	while (p->tok.kind != CBL_EOF)
	{
		uint64_t	level;
		size_t		pos = p->tok.pos;
		cb_entry   *e;

		if (zf_cbl_is(&p->tok, "COPY"))
		{
			zf_cbl_error(p, ZF_E_SYNTAX, pos, "COPY statements are not supported");
			zf_error_hint(p->err, "Expand the copybooks it includes and pass the result.");
			return ZF_E_SYNTAX;
		}
		if (zf_cbl_is(&p->tok, "REPLACE"))
			return zf_cbl_error(p, ZF_E_SYNTAX, pos, "REPLACE statements are not supported");
		if (zf_cbl_is(&p->tok, "EXEC"))
			return zf_cbl_error(p, ZF_E_SYNTAX, pos, "EXEC statements are not supported in a copybook");
		if (!is_integer(&p->tok, &level) || p->tok.len > 2)
			return expected(p, "a level number");
		if (!((level >= 1 && level <= 49) || level == 66 || level == 77 || level == 88))
			return zf_cbl_error(p, ZF_E_SYNTAX, pos, "invalid level number %.*s",
						(int) p->tok.len, p->tok.text);
		if ((s = advance(p)) != ZF_OK)
			return s;
		if (level == 88)
		{
			if ((s = parse_condition(p)) != ZF_OK)
				return s;
			continue;
		}
		if ((uint32_t) p->nentries >= p->opts->limits.max_fields)
		{
			zf_cbl_error(p, ZF_E_LIMIT, pos, "copybook has more than %u data items",
						 p->opts->limits.max_fields);
			zf_error_limit(p->err, ZF_LIMIT_FIELDS);
			return ZF_E_LIMIT;
		}
		if ((e = new_entry(p)) == NULL)
			return zf_error_set(p->err, ZF_E_NOMEM, "out of memory parsing a copybook");
		e->level = (int) level;
		e->pos = pos;

		/* the name: a user-defined word or FILLER, or none */
		if (p->tok.kind == CBL_WORD && !in_list(&p->tok, clause_words))
		{
			if (!is_user_word(&p->tok))
				return expected(p, "a data name");
			e->name = p->tok;
			if ((s = advance(p)) != ZF_OK)
				return s;
		}
		else if (level == 66)
			return expected(p, "a data name");

		if (level == 66)
		{
			if (!zf_cbl_is(&p->tok, "RENAMES"))
				return expected(p, "RENAMES");
			if ((s = advance(p)) != ZF_OK ||
				(s = parse_qname(p, &e->renames_a, "the name of a renamed item")) != ZF_OK)
				return s;
			if (zf_cbl_is(&p->tok, "THRU") || zf_cbl_is(&p->tok, "THROUGH"))
			{
				if ((s = advance(p)) != ZF_OK ||
					(s = parse_qname(p, &e->renames_b, "the name of a renamed item")) != ZF_OK)
					return s;
			}
			if (p->tok.kind == CBL_PERIOD)
				s = advance(p);
			else if (p->tok.kind != CBL_EOF)
				return expected(p, "a period");
		}
		else
			s = parse_clauses(p, e);
		if (s != ZF_OK)
			return s;
	}
	return ZF_OK;
}
