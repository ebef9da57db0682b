/*-------------------------------------------------------------------------
 *
 * copybook.c
 *	  COBOL copybook parser: data description entries into a zf_layout.
 *
 * Three passes over the text:
 *	 1. entries: the tokens of every data description entry are checked
 *		against the syntax IBM Enterprise COBOL accepts and kept with
 *		their source positions (88-level entries are checked and dropped);
 *	 2. tree: level numbers nest the entries into records; each entry
 *		becomes a layout field with its kind, usage and size (USAGE, SIGN
 *		and SYNCHRONIZED inherited from groups as IBM defines);
 *	 3. references: REDEFINES, OCCURS DEPENDING ON and RENAMES names are
 *		resolved, and zf_layout_finish computes offsets.
 * Every error names the line and column of the source, and what was
 * found there.  Nothing is guessed: a construct that IBM COBOL would
 * reject, or that zfdw cannot lay out exactly, is an error.
 *
 *-------------------------------------------------------------------------
 */
#include "copybook.h"

#include "cbl_lexer.h"
#include "layout_int.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define MAX_QUAL		8		/* names in "A OF B OF C" */
#define MAX_NAME_CHARS	128
#define MAX_PIC_CHARS	64

typedef enum cb_usage
{
	U_NONE = 0,
	U_DISPLAY,
	U_COMP,						/* COMP, COMP-4, BINARY */
	U_COMP1,
	U_COMP2,
	U_COMP3,					/* COMP-3, PACKED-DECIMAL */
	U_COMP5,
	U_DISPLAY1,
	U_NATIONAL,
	U_INDEX,
	U_POINTER
} cb_usage;

static const char *const usage_names[] = {
	"display", "display", "comp", "comp-1", "comp-2", "comp-3", "comp-5",
	"display-1", "national", "index", "pointer"
};

/* A possibly qualified name: word[0] OF word[1] OF ... */
typedef struct cb_qname
{
	cbl_token	word[MAX_QUAL];
	int			n;				/* 0: none */
} cb_qname;

/* One data description entry as written. */
typedef struct cb_entry
{
	int			level;
	size_t		pos;			/* of the level number */
	cbl_token	name;			/* kind CBL_EOF when unnamed */
	bool		has_pic;
	cbl_token	pic;
	zf_picture	picinfo;
	cb_usage	usage;
	size_t		usage_pos;
	char		sign;			/* 0, 'L' leading or 'T' trailing */
	bool		sign_separate;
	size_t		sign_pos;
	bool		has_occurs;
	uint32_t	occ_min;
	uint32_t	occ_max;
	size_t		occ_pos;
	cb_qname	depending;
	cbl_token	redefines;		/* kind CBL_EOF when none */
	cb_qname	renames_a;
	cb_qname	renames_b;
	bool		justified;
	bool		bwz;
	bool		sync;
	size_t		attr_pos;		/* of the last JUST/BLANK/SYNC clause */
	int32_t		field;			/* its layout field */
	int32_t		prev_sibling;	/* layout field before it at its level */
} cb_entry;

/* What a group passes down to its items. */
typedef struct cb_frame
{
	int			level;
	int32_t		entry;			/* -1 for a record added for a copybook
								 * that starts below level 01 */
	int32_t		field;
	int32_t		last_child;
	cb_usage	usage;
	char		sign;
	bool		sign_separate;
	bool		sync;
} cb_frame;

typedef struct cb_parser
{
	cbl_lexer	lx;
	cbl_token	tok;
	const zf_copybook_opts *opts;
	zf_error   *err;
	cb_entry   *entries;
	int32_t		nentries;
	int32_t		cap;
	zf_layout  *L;
	int32_t    *field_entry;	/* per field: its entry, -1 if none */
	int32_t		field_entry_cap;
} cb_parser;

/* Words that start clauses: an entry whose first word is one of them is
 * unnamed, and name lists stop at them. */
static const char *const clause_words[] = {
	"PIC", "PICTURE", "USAGE", "REDEFINES", "OCCURS", "VALUE", "VALUES",
	"SIGN", "LEADING", "TRAILING", "SEPARATE", "JUST", "JUSTIFIED", "BLANK",
	"SYNC", "SYNCHRONIZED", "EXTERNAL", "GLOBAL", "DISPLAY", "DISPLAY-1",
	"COMP", "COMPUTATIONAL", "COMP-0", "COMPUTATIONAL-0", "COMP-1",
	"COMPUTATIONAL-1", "COMP-2", "COMPUTATIONAL-2", "COMP-3",
	"COMPUTATIONAL-3", "COMP-4", "COMPUTATIONAL-4", "COMP-5",
	"COMPUTATIONAL-5", "BINARY", "PACKED-DECIMAL", "NATIONAL", "INDEX",
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
static zf_status
perr(cb_parser *p, zf_status st, size_t pos, const char *fmt,...)
			__attribute__((format(printf, 4, 5)));

static zf_status
perr(cb_parser *p, zf_status st, size_t pos, const char *fmt,...)
{
	char		msg[ZF_MSG_LEN];
	va_list		ap;
	int			line;
	int			col;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	zf_error_set(p->err, st, "%s", msg);
	cbl_position(&p->lx, pos, &line, &col);
	zf_error_at(p->err, line, col);
	return st;
}

/* "expected X, found Y" at the current token. */
static zf_status
expected(cb_parser *p, const char *what)
{
	char		d[64];

	tok_desc(&p->tok, d, sizeof(d));
	return perr(p, ZF_E_SYNTAX, p->tok.pos, "expected %s, found %s", what, d);
}

/* Move to the next token. */
static zf_status
advance(cb_parser *p)
{
	return cbl_next(&p->lx, &p->tok);
}

/* Skip an optional word. */
static zf_status
optional(cb_parser *p, const char *w)
{
	if (cbl_is(&p->tok, w))
		return advance(p);
	return ZF_OK;
}

/* ---- word classes ---- */

/* True for the words of a list. */
static bool
in_list(const cbl_token *t, const char *const *list)
{
	for (int i = 0; list[i] != NULL; i++)
		if (cbl_is(t, list[i]))
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

/* Map a usage word; U_NONE if it is not one. */
static cb_usage
usage_of(const cbl_token *t)
{
	if (cbl_is(t, "DISPLAY"))
		return U_DISPLAY;
	if (cbl_is(t, "COMP") || cbl_is(t, "COMPUTATIONAL") || cbl_is(t, "COMP-4") ||
		cbl_is(t, "COMPUTATIONAL-4") || cbl_is(t, "BINARY"))
		return U_COMP;
	if (cbl_is(t, "COMP-1") || cbl_is(t, "COMPUTATIONAL-1"))
		return U_COMP1;
	if (cbl_is(t, "COMP-2") || cbl_is(t, "COMPUTATIONAL-2"))
		return U_COMP2;
	if (cbl_is(t, "COMP-3") || cbl_is(t, "COMPUTATIONAL-3") || cbl_is(t, "PACKED-DECIMAL"))
		return U_COMP3;
	if (cbl_is(t, "COMP-5") || cbl_is(t, "COMPUTATIONAL-5"))
		return U_COMP5;
	if (cbl_is(t, "DISPLAY-1"))
		return U_DISPLAY1;
	if (cbl_is(t, "NATIONAL"))
		return U_NATIONAL;
	if (cbl_is(t, "INDEX"))
		return U_INDEX;
	if (cbl_is(t, "POINTER"))
		return U_POINTER;
	return U_NONE;
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
			return perr(p, ZF_E_SYNTAX, p->tok.pos, "too many qualifiers");
		q->word[q->n++] = p->tok;
		if ((s = advance(p)) != ZF_OK)
			return s;
		if (!cbl_is(&p->tok, "OF") && !cbl_is(&p->tok, "IN"))
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

	if (cbl_is(&p->tok, "ALL"))
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
		if (condition && (cbl_is(&p->tok, "THRU") || cbl_is(&p->tok, "THROUGH")))
		{
			if ((s = advance(p)) != ZF_OK || (s = parse_value_operand(p)) != ZF_OK)
				return s;
			continue;
		}
		if (condition && cbl_is(&p->tok, "WHEN"))
		{
			if ((s = advance(p)) != ZF_OK)
				return s;
			if (!cbl_is(&p->tok, "SET"))
				return expected(p, "SET TO FALSE");
			if ((s = advance(p)) != ZF_OK || (s = optional(p, "TO")) != ZF_OK)
				return s;
			if (!cbl_is(&p->tok, "FALSE"))
				return expected(p, "FALSE");
			if ((s = advance(p)) != ZF_OK || (s = optional(p, "IS")) != ZF_OK)
				return s;
			if ((s = parse_value_operand(p)) != ZF_OK)
				return s;
			continue;
		}
		if (is_value_literal(&p->tok) || cbl_is(&p->tok, "ALL"))
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
	if (!cbl_is(&p->tok, "VALUE") && !cbl_is(&p->tok, "VALUES"))
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
	if (cbl_is(&p->tok, "UNBOUNDED"))
		return perr(p, ZF_E_UNSUPPORTED, p->tok.pos, "OCCURS UNBOUNDED is not supported");
	if (!is_integer(&p->tok, &v1))
		return expected(p, "the number of occurrences");
	if ((s = advance(p)) != ZF_OK)
		return s;
	v2 = v1;
	if (cbl_is(&p->tok, "TO"))
	{
		range = true;
		if ((s = advance(p)) != ZF_OK)
			return s;
		if (cbl_is(&p->tok, "UNBOUNDED"))
			return perr(p, ZF_E_UNSUPPORTED, p->tok.pos, "OCCURS UNBOUNDED is not supported");
		if (!is_integer(&p->tok, &v2))
			return expected(p, "the maximum number of occurrences");
		if ((s = advance(p)) != ZF_OK)
			return s;
	}
	if (v1 > UINT32_MAX || v2 > UINT32_MAX || v2 > p->opts->limits.max_occurs)
		return perr(p, ZF_E_LIMIT, e->occ_pos,
					"OCCURS %llu is more than the limit of %u occurrences",
					(unsigned long long) v2, p->opts->limits.max_occurs);
	if ((s = optional(p, "TIMES")) != ZF_OK)
		return s;
	for (;;)
	{
		if (cbl_is(&p->tok, "DEPENDING"))
		{
			if (e->depending.n > 0)
				return perr(p, ZF_E_SYNTAX, p->tok.pos, "DEPENDING ON appears twice");
			if ((s = advance(p)) != ZF_OK || (s = optional(p, "ON")) != ZF_OK ||
				(s = parse_qname(p, &e->depending, "the name of the DEPENDING ON object")) != ZF_OK)
				return s;
		}
		else if (cbl_is(&p->tok, "ASCENDING") || cbl_is(&p->tok, "DESCENDING"))
		{
			if ((s = advance(p)) != ZF_OK || (s = optional(p, "KEY")) != ZF_OK ||
				(s = optional(p, "IS")) != ZF_OK ||
				(s = skip_name_list(p, "a key name")) != ZF_OK)
				return s;
		}
		else if (cbl_is(&p->tok, "INDEXED"))
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
			return perr(p, ZF_E_SYNTAX, e->occ_pos, "OCCURS %llu TO %llu needs DEPENDING ON",
						(unsigned long long) v1, (unsigned long long) v2);
		e->occ_min = e->occ_max = (uint32_t) v1;
	}
	if (e->occ_max == 0)
		return perr(p, ZF_E_SYNTAX, e->occ_pos, "OCCURS needs at least one occurrence");
	if (e->occ_min > e->occ_max)
		return perr(p, ZF_E_SYNTAX, e->occ_pos, "OCCURS minimum %u is more than the maximum %u",
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
		return perr(p, ZF_E_SYNTAX, p->tok.pos, "PICTURE string is longer than 50 characters");
	if ((s = zf_picture_parse(p->tok.text, p->tok.len, &e->picinfo, p->err)) != ZF_OK)
	{
		int			line,
					col;

		cbl_position(&p->lx, p->tok.pos, &line, &col);
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
	if (cbl_is(&p->tok, "SIGN"))
	{
		if ((s = advance(p)) != ZF_OK || (s = optional(p, "IS")) != ZF_OK)
			return s;
	}
	if (cbl_is(&p->tok, "LEADING"))
		e->sign = 'L';
	else if (cbl_is(&p->tok, "TRAILING"))
		e->sign = 'T';
	else
		return expected(p, "LEADING or TRAILING");
	if ((s = advance(p)) != ZF_OK)
		return s;
	if (cbl_is(&p->tok, "SEPARATE"))
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
		cb_usage	u;

		if (t.kind == CBL_PERIOD)
			return advance(p);
		if (t.kind == CBL_EOF)
			return ZF_OK;		/* the last entry may lack its period */

		if (cbl_is(&t, "PIC") || cbl_is(&t, "PICTURE"))
		{
			if (e->has_pic)
				return perr(p, ZF_E_SYNTAX, t.pos, "PICTURE clause appears twice");
			s = parse_picture(p, e);
		}
		else if (cbl_is(&t, "USAGE") || usage_of(&t) != U_NONE)
		{
			if (cbl_is(&t, "USAGE") &&
				((s = advance(p)) != ZF_OK || (s = optional(p, "IS")) != ZF_OK))
				return s;
			u = usage_of(&p->tok);
			if (u == U_NONE)
			{
				tok_desc(&p->tok, d, sizeof(d));
				if (in_list(&p->tok, clause_words) && !cbl_is(&p->tok, "PIC") &&
					!cbl_is(&p->tok, "PICTURE"))
					return perr(p, ZF_E_UNSUPPORTED, p->tok.pos, "USAGE %s is not supported", d);
				return expected(p, "a USAGE");
			}
			if (e->usage != U_NONE)
				return perr(p, ZF_E_SYNTAX, t.pos, "USAGE clause appears twice");
			e->usage = u;
			e->usage_pos = p->tok.pos;
			s = advance(p);
		}
		else if (cbl_is(&t, "COMP-0") || cbl_is(&t, "COMPUTATIONAL-0") ||
				 cbl_is(&t, "PROCEDURE-POINTER") || cbl_is(&t, "FUNCTION-POINTER") ||
				 cbl_is(&t, "OBJECT") || cbl_is(&t, "GROUP-USAGE"))
		{
			tok_desc(&t, d, sizeof(d));
			return perr(p, ZF_E_UNSUPPORTED, t.pos, "%s is not supported", d);
		}
		else if (cbl_is(&t, "REDEFINES"))
		{
			if (e->redefines.kind != CBL_EOF)
				return perr(p, ZF_E_SYNTAX, t.pos, "REDEFINES clause appears twice");
			if ((s = advance(p)) != ZF_OK)
				return s;
			if (!is_user_word(&p->tok))
				return expected(p, "the name of the redefined item");
			e->redefines = p->tok;
			s = advance(p);
		}
		else if (cbl_is(&t, "OCCURS"))
		{
			if (e->has_occurs)
				return perr(p, ZF_E_SYNTAX, t.pos, "OCCURS clause appears twice");
			s = parse_occurs(p, e);
		}
		else if (cbl_is(&t, "VALUE") || cbl_is(&t, "VALUES"))
			s = parse_value(p, false);
		else if (cbl_is(&t, "SIGN") || cbl_is(&t, "LEADING") || cbl_is(&t, "TRAILING"))
		{
			if (e->sign != 0)
				return perr(p, ZF_E_SYNTAX, t.pos, "SIGN clause appears twice");
			s = parse_sign(p, e);
		}
		else if (cbl_is(&t, "JUST") || cbl_is(&t, "JUSTIFIED"))
		{
			e->justified = true;
			e->attr_pos = t.pos;
			if ((s = advance(p)) == ZF_OK)
				s = optional(p, "RIGHT");
		}
		else if (cbl_is(&t, "BLANK"))
		{
			e->bwz = true;
			e->attr_pos = t.pos;
			if ((s = advance(p)) != ZF_OK || (s = optional(p, "WHEN")) != ZF_OK)
				return s;
			if (!cbl_is(&p->tok, "ZERO") && !cbl_is(&p->tok, "ZEROS") &&
				!cbl_is(&p->tok, "ZEROES"))
				return expected(p, "ZERO");
			s = advance(p);
		}
		else if (cbl_is(&t, "SYNC") || cbl_is(&t, "SYNCHRONIZED"))
		{
			e->sync = true;
			e->attr_pos = t.pos;
			if ((s = advance(p)) != ZF_OK)
				return s;
			if (cbl_is(&p->tok, "LEFT") || cbl_is(&p->tok, "RIGHT"))
				s = advance(p);
		}
		else if (cbl_is(&t, "EXTERNAL") || cbl_is(&t, "GLOBAL"))
			s = advance(p);
		else
		{
			const char *nm = e->name.kind == CBL_EOF ? NULL : e->name.text;

			tok_desc(&t, d, sizeof(d));
			if (nm != NULL)
				return perr(p, ZF_E_SYNTAX, t.pos,
							"expected a clause or a period in the entry of \"%.*s\", found %s",
							(int) e->name.len, nm, d);
			return perr(p, ZF_E_SYNTAX, t.pos, "expected a clause or a period, found %s", d);
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

/* Pass 1: every entry of the text. */
static zf_status
parse_entries(cb_parser *p)
{
	zf_status	s;

	if ((s = advance(p)) != ZF_OK)
		return s;
	while (p->tok.kind != CBL_EOF)
	{
		uint64_t	level;
		size_t		pos = p->tok.pos;
		cb_entry   *e;

		if (cbl_is(&p->tok, "COPY"))
		{
			perr(p, ZF_E_SYNTAX, pos, "COPY statements are not supported");
			zf_error_hint(p->err, "Expand the copybooks it includes and pass the result.");
			return ZF_E_SYNTAX;
		}
		if (cbl_is(&p->tok, "REPLACE"))
			return perr(p, ZF_E_SYNTAX, pos, "REPLACE statements are not supported");
		if (cbl_is(&p->tok, "EXEC"))
			return perr(p, ZF_E_SYNTAX, pos, "EXEC statements are not supported in a copybook");
		if (!is_integer(&p->tok, &level) || p->tok.len > 2)
			return expected(p, "a level number");
		if (!((level >= 1 && level <= 49) || level == 66 || level == 77 || level == 88))
			return perr(p, ZF_E_SYNTAX, pos, "invalid level number %.*s",
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
			return perr(p, ZF_E_LIMIT, pos, "copybook has more than %u data items",
						p->opts->limits.max_fields);
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
			if (!cbl_is(&p->tok, "RENAMES"))
				return expected(p, "RENAMES");
			if ((s = advance(p)) != ZF_OK ||
				(s = parse_qname(p, &e->renames_a, "the name of a renamed item")) != ZF_OK)
				return s;
			if (cbl_is(&p->tok, "THRU") || cbl_is(&p->tok, "THROUGH"))
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

/* ---- pass 2: the tree of fields ---- */

/* Copy a token into a NUL-terminated buffer. */
static void
tok_str(const cbl_token *t, char *buf, size_t cap)
{
	size_t		n = t->len < cap - 1 ? t->len : cap - 1;

	if (t->kind == CBL_EOF || t->text == NULL)
		n = 0;
	else
		memcpy(buf, t->text, n);
	buf[n] = '\0';
}

/* Remember which entry a field came from. */
static bool
note_field(cb_parser *p, int32_t field, int32_t entry)
{
	if (field >= p->field_entry_cap)
	{
		int32_t		cap = p->field_entry_cap == 0 ? 64 : p->field_entry_cap * 2;
		int32_t    *fe;

		while (cap <= field)
			cap *= 2;
		fe = realloc(p->field_entry, sizeof(int32_t) * (size_t) cap);
		if (fe == NULL)
			return false;
		p->field_entry = fe;
		p->field_entry_cap = cap;
	}
	p->field_entry[field] = entry;
	return true;
}

/*
 * Kind, usage and size of an elementary entry, with what its groups pass
 * down; IBM's rules on which clauses go together.
 */
static zf_status
elementary_field(cb_parser *p, cb_entry *e, const cb_frame *up, zf_field *t)
{
	cb_usage	u = e->usage != U_NONE ? e->usage : up->usage;
	const zf_picture *pi = &e->picinfo;
	char		sign = e->sign != 0 ? e->sign : up->sign;
	bool		sep = e->sign != 0 ? e->sign_separate : up->sign_separate;
	char		nm[MAX_NAME_CHARS + 1];

	tok_str(&e->name, nm, sizeof(nm));
	if (e->usage != U_NONE && up->usage != U_NONE && e->usage != up->usage)
		return perr(p, ZF_E_SYNTAX, e->usage_pos,
					"USAGE of \"%s\" contradicts the USAGE of its group", nm);

	if (u == U_COMP1 || u == U_COMP2 || u == U_INDEX || u == U_POINTER)
	{
		if (e->has_pic)
			return perr(p, ZF_E_SYNTAX, e->pic.pos,
						"a %s item cannot have a PICTURE clause", usage_names[u]);
		t->usage = usage_names[u];
		if (u == U_COMP1 || u == U_COMP2)
		{
			t->kind = ZF_KIND_FLOAT;
			t->length = u == U_COMP1 ? 4 : 8;
			t->is_signed = true;
		}
		else
		{
			/* index and pointer items: fullwords (31-bit addressing) */
			t->kind = ZF_KIND_BINARY;
			t->length = 4;
			t->is_signed = (u == U_INDEX);
			t->binary_native = true;
		}
		if (e->sign != 0)
			return perr(p, ZF_E_SYNTAX, e->sign_pos, "SIGN clause on a %s item", usage_names[u]);
		goto attributes;
	}
	if (!e->has_pic)
		return perr(p, ZF_E_SYNTAX, e->pos, "elementary item \"%s\" has no PICTURE clause",
					nm[0] ? nm : "(unnamed)");

	t->digits = pi->digits;
	t->scale = pi->scale;
	t->is_signed = pi->is_signed;
	switch (pi->kind)
	{
		case ZF_KIND_ALNUM:
			if (u != U_NONE && u != U_DISPLAY)
				return perr(p, ZF_E_SYNTAX, e->usage_pos,
							"USAGE %s does not fit the alphanumeric PICTURE of \"%s\"",
							usage_names[u], nm);
			t->kind = ZF_KIND_ALNUM;
			t->usage = "display";
			t->length = pi->size;
			break;
		case ZF_KIND_DBCS:
		case ZF_KIND_NATIONAL:
			if (pi->kind == ZF_KIND_DBCS && u != U_NONE && u != U_DISPLAY1)
				return perr(p, ZF_E_SYNTAX, e->usage_pos, "PICTURE G needs USAGE DISPLAY-1");
			if (pi->kind == ZF_KIND_NATIONAL && u != U_NONE && u != U_DISPLAY1 &&
				u != U_NATIONAL)
				return perr(p, ZF_E_SYNTAX, e->usage_pos,
							"PICTURE N needs USAGE NATIONAL or DISPLAY-1");
			if (pi->kind == ZF_KIND_DBCS || u == U_DISPLAY1 ||
				(u == U_NONE && p->opts->pic_n_dbcs))
			{
				t->kind = ZF_KIND_DBCS;
				t->usage = "display-1";
			}
			else
			{
				t->kind = ZF_KIND_NATIONAL;
				t->usage = "national";
			}
			if (pi->size > UINT32_MAX / 2)
				return perr(p, ZF_E_LIMIT, e->pic.pos, "PICTURE of \"%s\" is too large", nm);
			t->length = pi->size * 2;
			break;
		case ZF_KIND_ZONED:
			switch (u)
			{
				case U_NONE:
				case U_DISPLAY:
					t->kind = ZF_KIND_ZONED;
					t->usage = "display";
					t->length = pi->size;
					break;
				case U_COMP:
				case U_COMP5:
					if (pi->digits > 18)
						return perr(p, ZF_E_SYNTAX, e->pic.pos,
									"binary item \"%s\" has %d digits; IBM COBOL allows at most 18",
									nm, pi->digits);
					t->kind = ZF_KIND_BINARY;
					t->usage = usage_names[u];
					t->length = (uint32_t) zf_binary_length(pi->digits);
					t->binary_native = (u == U_COMP5);
					break;
				case U_COMP3:
					t->kind = ZF_KIND_PACKED;
					t->usage = "comp-3";
					t->length = (uint32_t) zf_packed_length(pi->digits);
					break;
				case U_NATIONAL:
					return perr(p, ZF_E_UNSUPPORTED, e->usage_pos,
								"national decimal items (numeric PICTURE with USAGE NATIONAL) are not supported");
				default:
					return perr(p, ZF_E_SYNTAX, e->usage_pos,
								"USAGE %s does not fit the numeric PICTURE of \"%s\"",
								usage_names[u], nm);
			}
			break;
		case ZF_KIND_EDITED:
			if (u == U_NATIONAL)
				return perr(p, ZF_E_UNSUPPORTED, e->usage_pos,
							"national numeric-edited items are not supported");
			if (u != U_NONE && u != U_DISPLAY)
				return perr(p, ZF_E_SYNTAX, e->usage_pos,
							"USAGE %s does not fit the numeric-edited PICTURE of \"%s\"",
							usage_names[u], nm);
			t->kind = ZF_KIND_EDITED;
			t->usage = "display";
			t->length = pi->size;
			break;
		default:
			return perr(p, ZF_E_SYNTAX, e->pic.pos, "unexpected PICTURE category");
	}

	/* SIGN: own clause only on signed display numbers; a group's applies
	 * to the signed display numbers below it */
	if (e->sign != 0 && !(t->kind == ZF_KIND_ZONED && t->is_signed))
		return perr(p, ZF_E_SYNTAX, e->sign_pos,
					"SIGN clause needs a signed numeric DISPLAY item (PICTURE with S)");
	if (t->kind == ZF_KIND_ZONED)
	{
		if (!t->is_signed)
			t->sign = ZF_SIGN_NONE;
		else if (sign == 'L')
			t->sign = sep ? ZF_SIGN_LEADING_SEPARATE : ZF_SIGN_LEADING;
		else if (sign == 'T' && sep)
			t->sign = ZF_SIGN_TRAILING_SEPARATE;
		else
			t->sign = ZF_SIGN_TRAILING;
		if (t->sign == ZF_SIGN_LEADING_SEPARATE || t->sign == ZF_SIGN_TRAILING_SEPARATE)
			t->length += 1;
	}

attributes:
	if (e->justified)
	{
		if (t->kind != ZF_KIND_ALNUM && t->kind != ZF_KIND_DBCS && t->kind != ZF_KIND_NATIONAL)
			return perr(p, ZF_E_SYNTAX, e->attr_pos,
						"JUSTIFIED needs an alphanumeric, DBCS or national item");
		t->justified_right = true;
	}
	if (e->bwz)
	{
		if (t->kind == ZF_KIND_ZONED && !t->is_signed)
			t->kind = ZF_KIND_EDITED;	/* IBM: it becomes numeric-edited */
		else if (t->kind != ZF_KIND_EDITED)
			return perr(p, ZF_E_SYNTAX, e->attr_pos,
						"BLANK WHEN ZERO needs an unsigned numeric DISPLAY or numeric-edited item");
		t->blank_when_zero = true;
	}
	t->sync = e->sync || up->sync;
	return ZF_OK;
}

/* The template of a group entry. */
static zf_status
group_field(cb_parser *p, cb_entry *e, const cb_frame *up, zf_field *t)
{
	char		nm[MAX_NAME_CHARS + 1];
	cb_usage	u = e->usage != U_NONE ? e->usage : up->usage;

	tok_str(&e->name, nm, sizeof(nm));
	if (e->has_pic)
		return perr(p, ZF_E_SYNTAX, e->pic.pos,
					"group item \"%s\" cannot have a PICTURE clause", nm);
	if (e->usage != U_NONE && up->usage != U_NONE && e->usage != up->usage)
		return perr(p, ZF_E_SYNTAX, e->usage_pos,
					"USAGE of \"%s\" contradicts the USAGE of its group", nm);
	if (e->justified || e->bwz)
		return perr(p, ZF_E_SYNTAX, e->attr_pos,
					"JUSTIFIED and BLANK WHEN ZERO apply to elementary items only");
	if (e->sync && e->level != 1)
		return perr(p, ZF_E_SYNTAX, e->attr_pos,
					"SYNCHRONIZED on a group item is allowed only at level 01");
	t->kind = ZF_KIND_GROUP;
	t->usage = u == U_NONE ? "display" : usage_names[u];
	return ZF_OK;
}

/* Pass 2: nest the entries by level number and add them to the layout. */
static zf_status
build_tree(cb_parser *p)
{
	cb_frame   *stack = malloc(sizeof(cb_frame) * ((size_t) p->nentries + 2));
	int32_t		sp = 0;
	int32_t		root = -1;
	bool		after_66 = false;
	zf_status	s = ZF_OK;
	char		nm[MAX_NAME_CHARS + 1];
	char		pic[MAX_PIC_CHARS + 1];

	if (stack == NULL)
		return zf_error_set(p->err, ZF_E_NOMEM, "out of memory parsing a copybook");
	for (int32_t i = 0; i < p->nentries && s == ZF_OK; i++)
	{
		cb_entry   *e = &p->entries[i];
		cb_entry   *next = NULL;
		bool		is_group;
		zf_field	t;
		int32_t		parent;
		int32_t		f;

		if (i + 1 < p->nentries)
			next = &p->entries[i + 1];
		is_group = next != NULL && next->level >= 2 && next->level <= 49 &&
			e->level != 66 && e->level != 77 && next->level > e->level;

		memset(&t, 0, sizeof(t));
		t.depending_on = -1;
		t.redefines = -1;
		t.renames_first = -1;
		t.renames_last = -1;
		t.level = (int16_t) e->level;
		tok_str(&e->name, nm, sizeof(nm));
		t.name = nm;
		t.is_filler = e->name.kind == CBL_EOF || strcasecmp(nm, "FILLER") == 0;
		if (e->has_pic)
		{
			tok_str(&e->pic, pic, sizeof(pic));
			t.picture = pic;
		}

		if (e->level == 66)
		{
			if (root < 0)
			{
				s = perr(p, ZF_E_SYNTAX, e->pos, "a 66-level entry must follow the record it renames");
				break;
			}
			t.kind = ZF_KIND_ALNUM;		/* settled when its names are resolved */
			t.usage = "display";
			f = zf_layout_add(p->L, &t, root, ZF_NO_OFFSET, p->err);
			if (f < 0 || !note_field(p, f, i))
				goto add_failed;
			e->field = f;
			after_66 = true;
			continue;
		}

		if (e->level == 1 || e->level == 77)
		{
			cb_frame	none;

			memset(&none, 0, sizeof(none));
			if (e->level == 77 && next != NULL && next->level >= 2 && next->level <= 49)
			{
				s = perr(p, ZF_E_SYNTAX, next->pos, "a level-77 item cannot have subordinate items");
				break;
			}
			if (e->has_occurs)
			{
				s = perr(p, ZF_E_SYNTAX, e->occ_pos, "OCCURS is not allowed at level %02d", e->level);
				break;
			}
			s = is_group ? group_field(p, e, &none, &t) : elementary_field(p, e, &none, &t);
			if (s != ZF_OK)
				break;
			f = zf_layout_add(p->L, &t, ZF_NO_FIELD, ZF_NO_OFFSET, p->err);
			if (f < 0 || !note_field(p, f, i))
				goto add_failed;
			e->field = f;
			root = f;
			after_66 = false;
			sp = 0;
			stack[sp].level = e->level;
			stack[sp].entry = i;
			stack[sp].field = f;
			stack[sp].last_child = -1;
			stack[sp].usage = e->usage;
			stack[sp].sign = e->sign;
			stack[sp].sign_separate = e->sign_separate;
			stack[sp].sync = e->sync;
			sp++;
			continue;
		}

		/* levels 02-49 */
		if (after_66)
		{
			s = perr(p, ZF_E_SYNTAX, e->pos,
					 "a data item cannot follow the 66-level entries of a record");
			break;
		}
		if (sp > 0 && stack[0].level == 77)
		{
			s = perr(p, ZF_E_SYNTAX, e->pos, "a level-77 item cannot have subordinate items");
			break;
		}
		if (sp == 0)
		{
			/* a copybook that starts below level 01: a record around it */
			zf_field	r;

			memset(&r, 0, sizeof(r));
			r.depending_on = r.redefines = r.renames_first = r.renames_last = -1;
			r.kind = ZF_KIND_GROUP;
			r.usage = "display";
			r.name = "";
			r.is_filler = true;
			f = zf_layout_add(p->L, &r, ZF_NO_FIELD, ZF_NO_OFFSET, p->err);
			if (f < 0 || !note_field(p, f, -1))
				goto add_failed;
			p->L->records[p->L->nrecords - 1].name = zf_layout_strdup(p->L, t.is_filler ? "" : nm);
			root = f;
			memset(&stack[0], 0, sizeof(cb_frame));
			stack[0].level = 0;
			stack[0].entry = -1;
			stack[0].field = f;
			stack[0].last_child = -1;
			sp = 1;
		}
		while (sp > 1 && stack[sp - 1].level >= e->level)
			sp--;
		if (stack[sp - 1].last_child >= 0 &&
			p->L->fields[stack[sp - 1].last_child].level != e->level)
		{
			s = perr(p, ZF_E_SYNTAX, e->pos,
					 "level number %02d does not match the level %02d of the preceding item at this depth",
					 e->level, p->L->fields[stack[sp - 1].last_child].level);
			break;
		}
		parent = stack[sp - 1].field;
		s = is_group ? group_field(p, e, &stack[sp - 1], &t) :
			elementary_field(p, e, &stack[sp - 1], &t);
		if (s != ZF_OK)
			break;
		if (e->has_occurs)
		{
			t.occurs_min = e->occ_min;
			t.occurs_max = e->occ_max;
		}
		f = zf_layout_add(p->L, &t, parent, ZF_NO_OFFSET, p->err);
		if (f < 0 || !note_field(p, f, i))
			goto add_failed;
		e->field = f;
		e->prev_sibling = stack[sp - 1].last_child;
		stack[sp - 1].last_child = f;
		if (is_group)
		{
			cb_frame   *up = &stack[sp - 1];
			cb_frame   *nf = &stack[sp];

			nf->level = e->level;
			nf->entry = i;
			nf->field = f;
			nf->last_child = -1;
			nf->usage = e->usage != U_NONE ? e->usage : up->usage;
			nf->sign = e->sign != 0 ? e->sign : up->sign;
			nf->sign_separate = e->sign != 0 ? e->sign_separate : up->sign_separate;
			nf->sync = up->sync;
			sp++;
		}
		continue;

add_failed:
		if (f >= 0)
			s = zf_error_set(p->err, ZF_E_NOMEM, "out of memory parsing a copybook");
		else
		{
			int			line,
						col;

			s = p->err ? p->err->status : ZF_E_LIMIT;
			cbl_position(&p->lx, e->pos, &line, &col);
			zf_error_at(p->err, line, col);
		}
		break;
	}
	free(stack);
	return s;
}

/* ---- pass 3: names ---- */

/* True when the token spells the field's name (case-insensitive). */
static bool
tok_names(const cbl_token *t, const zf_field *f)
{
	return strlen(f->name) == t->len && strncasecmp(f->name, t->text, t->len) == 0;
}

/* First and one-past-last field of the record that contains field f. */
static void
record_range(const zf_layout *L, int32_t f, int32_t *first, int32_t *end)
{
	int32_t		root = f;

	while (L->fields[root].parent != ZF_NO_FIELD)
		root = L->fields[root].parent;
	*first = root;
	*end = L->nfields;
	for (int32_t r = 0; r < L->nrecords; r++)
		if (L->records[r].root > root && L->records[r].root < *end)
			*end = L->records[r].root;
}

/* Find a qualified name among fields [first, end); -1 none, -2 several. */
static int32_t
find_qname(const zf_layout *L, const cb_qname *q, int32_t first, int32_t end)
{
	int32_t		found = -1;

	for (int32_t i = first; i < end; i++)
	{
		const zf_field *f = &L->fields[i];
		int			k = 1;

		if (f->is_filler || f->level == 66 || !tok_names(&q->word[0], f))
			continue;
		for (int32_t a = f->parent; a != ZF_NO_FIELD && k < q->n; a = L->fields[a].parent)
			if (!L->fields[a].is_filler && tok_names(&q->word[k], &L->fields[a]))
				k++;
		if (k < q->n)
			continue;
		if (found >= 0)
			return -2;
		found = i;
	}
	return found;
}

/* Resolve a name used by the entry of field f, within its record. */
static zf_status
resolve_qname(cb_parser *p, const cb_qname *q, int32_t f, const char *what,
			  int32_t *out)
{
	int32_t		first;
	int32_t		end;
	int32_t		r;

	record_range(p->L, f, &first, &end);
	r = find_qname(p->L, q, first, end);
	if (r == -2)
		return perr(p, ZF_E_SYNTAX, q->word[0].pos,
					"%s \"%.*s\" is ambiguous; qualify it with OF", what,
					(int) q->word[0].len, q->word[0].text);
	if (r == -1)
	{
		if (find_qname(p->L, q, 0, p->L->nfields) != -1)
			return perr(p, ZF_E_UNSUPPORTED, q->word[0].pos,
						"%s \"%.*s\" is not in the same record", what,
						(int) q->word[0].len, q->word[0].text);
		return perr(p, ZF_E_SYNTAX, q->word[0].pos, "%s \"%.*s\" is not defined", what,
					(int) q->word[0].len, q->word[0].text);
	}
	*out = r;
	return ZF_OK;
}

/* The item a REDEFINES names: the one immediately before at its level. */
static zf_status
resolve_redefines(cb_parser *p, cb_entry *e)
{
	zf_layout  *L = p->L;
	zf_field   *f = &L->fields[e->field];
	int32_t		target = -1;

	if (f->parent == ZF_NO_FIELD)
	{
		/* a record redefines an earlier record */
		for (int32_t r = 0; r < L->nrecords; r++)
		{
			int32_t		root = L->records[r].root;

			if (root < e->field && tok_names(&e->redefines, &L->fields[root]))
				target = root;
		}
	}
	else if (e->prev_sibling >= 0)
	{
		int32_t		ps = e->prev_sibling;
		int32_t		orig = L->fields[ps].redefines >= 0 ? L->fields[ps].redefines : ps;

		if (tok_names(&e->redefines, &L->fields[orig]) ||
			tok_names(&e->redefines, &L->fields[ps]))
			target = orig;
	}
	if (target < 0)
		return perr(p, ZF_E_SYNTAX, e->redefines.pos,
					"REDEFINES \"%.*s\" does not name the item immediately before at the same level",
					(int) e->redefines.len, e->redefines.text);
	L->fields[e->field].redefines = target;
	return ZF_OK;
}

/* A 66-level entry: its range, and its attributes when it renames one
 * elementary item. */
static zf_status
resolve_renames(cb_parser *p, cb_entry *e)
{
	zf_layout  *L = p->L;
	int32_t		a;
	int32_t		b = -1;
	zf_status	s;

	if ((s = resolve_qname(p, &e->renames_a, e->field, "renamed item", &a)) != ZF_OK)
		return s;
	if (e->renames_b.n > 0 &&
		(s = resolve_qname(p, &e->renames_b, e->field, "renamed item", &b)) != ZF_OK)
		return s;
	if (L->fields[a].parent == ZF_NO_FIELD || (b >= 0 && L->fields[b].parent == ZF_NO_FIELD))
		return perr(p, ZF_E_SYNTAX, e->renames_a.word[0].pos,
					"a 66-level entry cannot rename a level-01 record");
	if ((b < 0 || b == a) && L->fields[a].kind != ZF_KIND_GROUP)
	{
		/* one elementary item: the 66 item has its description */
		zf_field   *r = &L->fields[e->field];
		const zf_field *src = &L->fields[a];

		r->kind = src->kind;
		r->usage = src->usage;
		r->picture = src->picture;
		r->digits = src->digits;
		r->scale = src->scale;
		r->is_signed = src->is_signed;
		r->sign = src->sign;
		r->binary_native = src->binary_native;
		r->justified_right = src->justified_right;
		r->blank_when_zero = src->blank_when_zero;
	}
	L->fields[e->field].renames_first = a;
	L->fields[e->field].renames_last = b;
	return ZF_OK;
}

/* Pass 3: every name an entry refers to. */
static zf_status
resolve_names(cb_parser *p)
{
	zf_status	s;

	for (int32_t i = 0; i < p->nentries; i++)
	{
		cb_entry   *e = &p->entries[i];

		if (e->redefines.kind != CBL_EOF && (s = resolve_redefines(p, e)) != ZF_OK)
			return s;
		if (e->depending.n > 0)
		{
			int32_t		o;

			if ((s = resolve_qname(p, &e->depending, e->field, "OCCURS DEPENDING ON object",
								   &o)) != ZF_OK)
				return s;
			p->L->fields[e->field].depending_on = o;
		}
		if (e->level == 66 && (s = resolve_renames(p, e)) != ZF_OK)
			return s;
	}
	return ZF_OK;
}

/* Put the source position of the field an error is about on the error. */
static void
position_field_error(cb_parser *p, int32_t bad)
{
	int32_t		entry = -1;
	int			line;
	int			col;

	if (bad < 0 || p->err == NULL)
		return;
	entry = p->field_entry[bad];
	if (entry < 0)
	{
		/* an added record: point at its first item */
		int32_t		c = p->L->fields[bad].first_child;

		if (c >= 0)
			entry = p->field_entry[c];
	}
	if (entry < 0)
		return;
	cbl_position(&p->lx, p->entries[entry].pos, &line, &col);
	zf_error_at(p->err, line, col);
}

/* See copybook.h. */
void
zf_copybook_opts_init(zf_copybook_opts *opts)
{
	memset(opts, 0, sizeof(*opts));
	opts->format = ZF_FORMAT_AUTO;
	zf_limits_default(&opts->limits);
}

/* See copybook.h. */
zf_layout *
zf_copybook_parse(const char *text, size_t len, const zf_copybook_opts *opts,
				  zf_error *err)
{
	cb_parser	p;
	zf_copybook_opts defopts;
	zf_status	s;
	int32_t		bad = -1;

	if (opts == NULL)
	{
		zf_copybook_opts_init(&defopts);
		opts = &defopts;
	}
	zf_error_clear(err);
	if (len > opts->limits.max_source_bytes)
	{
		zf_error_set(err, ZF_E_LIMIT, "copybook text is %zu bytes, more than the limit of %u",
					 len, opts->limits.max_source_bytes);
		return NULL;
	}
	memset(&p, 0, sizeof(p));
	p.opts = opts;
	p.err = err;
	if (cbl_lexer_init(&p.lx, text, len, opts->format, err) != ZF_OK)
		return NULL;
	s = parse_entries(&p);
	if (s == ZF_OK && p.nentries == 0)
		s = zf_error_set(err, ZF_E_SYNTAX, "copybook has no data description entries");
	if (s == ZF_OK)
	{
		p.L = zf_layout_new(ZF_SOURCE_COPYBOOK, err);
		if (p.L == NULL)
			s = ZF_E_NOMEM;
		else
			zf_layout_set_limits(p.L, &opts->limits);
	}
	if (s == ZF_OK)
		s = build_tree(&p);
	if (s == ZF_OK)
		s = resolve_names(&p);
	if (s == ZF_OK)
	{
		s = zf_layout_finish_ex(p.L, &opts->limits,
								opts->allow_larger_redefines ? ZF_FINISH_LARGER_REDEFINES : 0,
								&bad, err);
		if (s != ZF_OK)
			position_field_error(&p, bad);
	}
	cbl_lexer_free(&p.lx);
	free(p.entries);
	free(p.field_entry);
	if (s != ZF_OK)
	{
		zf_layout_free(p.L);
		return NULL;
	}
	return p.L;
}
