/*-------------------------------------------------------------------------
 *
 * punch.c
 *	  DB2 for z/OS SYSPUNCH parser: find the LOAD statements in the text,
 *	  read their options and INTO TABLE blocks, and hand each block's field
 *	  specifications to punch_fields.c, which lays them out.
 *
 * The grammar is the part of DB2's LOAD syntax that UNLOAD, REORG UNLOAD
 * EXTERNAL and DSNTIAUL generate, plus what people write by hand:
 *
 *	 LOAD DATA [options] [EBCDIC | ASCII | UNICODE] [CCSID(s[,m[,d]])]
 *		  [FORMAT UNLOAD | SQL/DS | DELIMITED [COLDEL c] [CHARDEL c]
 *		   [DECPT c] | SPANNED YES|NO] [FLOAT(S390|IEEE)] [options]
 *	   INTO TABLE creator.name [PART n] [INDDN dd] [RESUME ..] [REPLACE]
 *		  [NUMRECS n] [IGNOREFIELDS YES|NO]
 *		  [WHEN (s:e) = X'..' | 'c' [AND ...]]
 *		  ( field-spec [, field-spec ...] )
 *	   [INTO TABLE ...]
 *
 * Options zfdw has no use for (LOG NO, REPLACE, SORTKEYS n, STATISTICS
 * TABLE(ALL) ..., WORKDDN(a,b), ...) are skipped with their arguments.
 * Everything else in the text (JCL, TEMPLATE, LISTDEF, SQL) is ignored;
 * a text without "LOAD DATA" is an error, as is one whose LOAD statements
 * have no INTO TABLE with field specifications.
 *
 *-------------------------------------------------------------------------
 */
#include "db2/punch/punch_int.h"

#include "text/codepage.h"
#include "layout/layout_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* A fieldless INTO TABLE block, checked at the end. */
typedef struct fieldless
{
	char		creator[256];
	char		table[256];
	const punch_token *at;
} fieldless;

/* State of one zf_punch_parse call. */
typedef struct parser
{
	punch_ctx	c;
	punch_tokens tk;
	int32_t		pos;
	fieldless  *fl;
	int32_t		nfl;
	int32_t		flcap;
} parser;

/* See punch.h. */
void
zf_punch_opts_init(zf_punch_opts *opts)
{
	memset(opts, 0, sizeof(*opts));
	zf_limits_default(&opts->limits);
}

/* ---- token access ---- */

static const punch_token *
peek(parser *p, int k)
{
	int32_t		i = p->pos + k;

	if (i >= p->tk.ntok)
		i = p->tk.ntok - 1;
	return &p->tk.tok[i];
}

static const punch_token *
next(parser *p)
{
	const punch_token *t = peek(p, 0);

	if (t->type != PT_END)
		p->pos++;
	return t;
}

/* A syntax error at tok: "expected X but found Y". */
static zf_status
expected(parser *p, const punch_token *tok, const char *what)
{
	char		found[64];

	if (tok->type == PT_BAD)
		zf_error_set(p->c.err, ZF_E_SYNTAX, "%.*s", (int) tok->len, tok->text);
	else
	{
		zf_punch_tok_describe(tok, found, sizeof(found));
		zf_error_set(p->c.err, ZF_E_SYNTAX, "expected %s but found %s", what, found);
	}
	return zf_punch_fail_at(p->c.err, tok);
}

/* Consume punctuation c or fail. */
static zf_status
expect_punct(parser *p, char c)
{
	const punch_token *t = peek(p, 0);
	char		what[8];

	if (punch_is_punct(t, c))
	{
		next(p);
		return ZF_OK;
	}
	snprintf(what, sizeof(what), "\"%c\"", c);
	return expected(p, t, what);
}

/* Consume a number or fail. */
static zf_status
expect_number(parser *p, const char *what, uint64_t *v)
{
	const punch_token *t = peek(p, 0);

	*v = 0;
	if (t->type != PT_NUMBER)
		return expected(p, t, what);
	next(p);
	*v = t->number;
	return ZF_OK;
}

/* Skip one option word and, if it has one, its parenthesized argument. */
static zf_status
skip_option(parser *p)
{
	const punch_token *t = next(p);

	if (t->type == PT_BAD)
		return expected(p, t, "a LOAD option");
	if (t->type == PT_WORD && punch_is_punct(peek(p, 0), '('))
	{
		int			depth = 0;
		const punch_token *open = peek(p, 0);

		do
		{
			const punch_token *u = next(p);

			if (u->type == PT_END)
				return zf_punch_fail(p->c.err, open, ZF_E_SYNTAX,
								  "parenthesis is not closed");
			if (punch_is_punct(u, '('))
				depth++;
			else if (punch_is_punct(u, ')'))
				depth--;
		} while (depth > 0);
	}
	return ZF_OK;
}

/* Refuse a construct with a message and a hint. */
static zf_status
refuse(parser *p, const punch_token *tok, const char *msg, const char *hint)
{
	zf_error_set(p->c.err, ZF_E_UNSUPPORTED, "%s", msg);
	if (hint)
		zf_error_hint(p->c.err, "%s", hint);
	zf_error_at(p->c.err, tok->line, tok->col);
	return ZF_E_UNSUPPORTED;
}

/* Copy a name token (quoted or not) into buf; ordinary ones in upper case. */
static void
name_of(const punch_token *t, char *buf, size_t cap)
{
	size_t		n = t->len < cap - 1 ? t->len : cap - 1;

	memcpy(buf, t->text, n);
	buf[n] = '\0';
	if (t->type == PT_WORD)
		for (size_t i = 0; i < n; i++)
			if (buf[i] >= 'a' && buf[i] <= 'z')
				buf[i] = (char) (buf[i] - 'a' + 'A');
}

/* ---- constants ---- */

/* The code page of the statement's single-byte data, for constants. */
static const zf_codepage *
sbcs_page(const punch_stmt *st, zf_error *err)
{
	char		name[16];
	int32_t		ccsid = st->ccsid[0];

	if (ccsid == 0)
		ccsid = (st->unicode || st->ascii) ? 367 : 37;
	snprintf(name, sizeof(name), "%d", (int) ccsid);
	return zf_codepage_lookup(name, err);
}

/* See punch_int.h. */
zf_status
zf_punch_encode_constant(const punch_stmt *st, const punch_token *tok,
					  uint8_t *dst, size_t cap, uint32_t *outlen, zf_error *err)
{
	const zf_codepage *cp;
	size_t		n;

	if (tok->type == PT_HEX)
	{
		if (tok->len > cap)
			goto too_long;
		memcpy(dst, tok->text, tok->len);
		*outlen = tok->len;
		return ZF_OK;
	}
	if (st->unicode)
	{
		/* UTF-8 as written */
		if (tok->len > cap)
			goto too_long;
		memcpy(dst, tok->text, tok->len);
		*outlen = tok->len;
		return ZF_OK;
	}
	cp = sbcs_page(st, err);
	if (cp == NULL)
	{
		zf_error_hint(err, "Write the constant in hex, as X'6F'.");
		return zf_punch_fail_at(err, tok);
	}
	if (zf_codepage_encode(cp, tok->text, tok->len, dst, cap, &n, err) != ZF_OK)
		return zf_punch_fail_at(err, tok);
	*outlen = (uint32_t) n;
	return ZF_OK;

too_long:
	return zf_punch_fail(err, tok, ZF_E_SYNTAX,
					  "constant is longer than %zu bytes", cap);
}

/* A one-character option value (COLDEL ';', CHARDEL X'7F') as ASCII. */
static zf_status
delimiter_value(parser *p, const punch_stmt *st, char *out)
{
	const punch_token *t = next(p);

	if (t->type == PT_STRING && t->len == 1)
	{
		*out = t->text[0];
		return ZF_OK;
	}
	if (t->type == PT_HEX && t->len == 1)
	{
		uint8_t		b = (uint8_t) t->text[0];

		if (st->unicode || st->ascii)
		{
			*out = (char) b;
			return ZF_OK;
		}
		else
		{
			const zf_codepage *cp = sbcs_page(st, p->c.err);
			char		u[8];
			size_t		n;

			if (cp == NULL)
				return zf_punch_fail_at(p->c.err, t);
			if (zf_codepage_decode(cp, &b, 1, u, sizeof(u), &n, p->c.err) != ZF_OK || n != 1)
				return zf_punch_fail(p->c.err, t, ZF_E_UNSUPPORTED,
								  "delimiter X'%02X' is not an ASCII character in code page %s",
								  b, zf_codepage_name(cp));
			*out = u[0];
			return ZF_OK;
		}
	}
	return expected(p, t, "one character, as ',' or X'6B'");
}

/* ---- conditions: WHEN and NULLIF ---- */

/*
 * (s[:e]) op constant, or name op constant, or (name) op constant.  op
 * is = or <> (also written ¬= or ^=).  The constant is stored in the
 * statement's data encoding.
 */
static zf_status
parse_cond(parser *p, const punch_stmt *st, punch_cond *c)
{
	const punch_token *t = peek(p, 0);
	uint8_t		buf[256];
	uint8_t    *v;
	zf_status	s;

	memset(c, 0, sizeof(*c));
	c->present = true;
	c->at = t;
	if (punch_is_punct(t, '('))
	{
		next(p);
		t = peek(p, 0);
		if (t->type == PT_NUMBER)
		{
			uint64_t	a,
						b;

			next(p);
			a = b = t->number;
			if (punch_is_punct(peek(p, 0), ':'))
			{
				next(p);
				if ((s = expect_number(p, "an end position", &b)) != ZF_OK)
					return s;
			}
			if (a < 1 || b < a || b > UINT32_MAX)
				return zf_punch_fail(p->c.err, t, ZF_E_SYNTAX,
								  "position %llu:%llu is not a valid byte range",
								  (unsigned long long) a, (unsigned long long) b);
			c->start = (uint32_t) a;
			c->end = (uint32_t) b;
		}
		else if (t->type == PT_NAME || t->type == PT_WORD)
		{
			next(p);
			c->by_name = true;
			c->name = t;
		}
		else
			return expected(p, t, "a position or a field name");
		if ((s = expect_punct(p, ')')) != ZF_OK)
			return s;
	}
	else if (t->type == PT_NAME || t->type == PT_WORD)
	{
		next(p);
		c->by_name = true;
		c->name = t;
	}
	else
		return expected(p, t, "a position in parentheses or a field name");

	t = next(p);
	if (punch_is_punct(t, '='))
		c->negate = false;
	else if (punch_is_punct(t, '<') && punch_is_punct(peek(p, 0), '>'))
	{
		next(p);
		c->negate = true;
	}
	else if ((punch_is_punct(t, '^') || punch_is_punct(t, '!')) &&
			 punch_is_punct(peek(p, 0), '='))
	{
		next(p);
		c->negate = true;
	}
	else if (t->type == PT_PUNCT && (unsigned char) t->punct == 0xC2 &&
			 peek(p, 0)->type == PT_PUNCT && (unsigned char) peek(p, 0)->punct == 0xAC &&
			 punch_is_punct(peek(p, 1), '='))
	{
		/* the not sign, U+00AC in UTF-8, then = */
		next(p);
		next(p);
		c->negate = true;
	}
	else
		return expected(p, t, "\"=\" or \"<>\"");

	t = next(p);
	if (t->type != PT_HEX && t->type != PT_STRING)
	{
		if (t->type == PT_WORD && (t->text[0] == 'G' || t->text[0] == 'N' ||
								   t->text[0] == 'g' || t->text[0] == 'n') && t->len == 1)
			return refuse(p, t, "graphic constants in conditions are not supported",
						  "Write the constant in hex, as X'42C1'.");
		return expected(p, t, "a constant, as X'00A7' or 'A'");
	}
	if ((s = zf_punch_encode_constant(st, t, buf, sizeof(buf), &c->vlen, p->c.err)) != ZF_OK)
		return s;
	if (c->vlen == 0)
		return zf_punch_fail(p->c.err, t, ZF_E_SYNTAX,
						  "empty constant in a condition");
	v = zf_layout_alloc(p->c.L, c->vlen);
	if (v == NULL)
		return zf_error_set(p->c.err, ZF_E_NOMEM, "out of memory reading a punch");
	memcpy(v, buf, c->vlen);
	c->value = v;
	return ZF_OK;
}

/* ---- field specifications ---- */

static const char *const type_words[][2] = {
	{"CHAR", "char"}, {"CHARACTER", "char"}, {"VARCHAR", "varchar"},
	{"GRAPHIC", "graphic"}, {"VARGRAPHIC", "vargraphic"},
	{"SMALLINT", "smallint"}, {"INTEGER", "integer"}, {"INT", "integer"},
	{"BIGINT", "bigint"}, {"DECIMAL", "decimal"}, {"DEC", "decimal"},
	{"FLOAT", "float"}, {"REAL", "real"}, {"DOUBLE", "double"},
	{"DECFLOAT", "decfloat"}, {"DATE", "date"}, {"TIME", "time"},
	{"TIMESTAMP", "timestamp"}, {"ROWID", "rowid"}, {"BINARY", "binary"},
	{"VARBINARY", "varbinary"}, {"BLOB", "blob"}, {"CLOB", "clob"},
	{"DBCLOB", "dbclob"}, {"XML", "xml"},
	{"BLOBF", "blobf"}, {"CLOBF", "clobf"}, {"DBCLOBF", "dbclobf"},
	{NULL, NULL}
};

/* Read "(n[,m])" after a type word or modifier into the spec's args. */
static zf_status
type_args(parser *p, punch_fspec *f)
{
	const punch_token *open = peek(p, 0);
	uint64_t	v;
	zf_status	s;

	if (!punch_is_punct(open, '(') || peek(p, 1)->type != PT_NUMBER)
		return ZF_OK;
	if (f->nargs > 0)
		return zf_punch_fail(p->c.err, open, ZF_E_SYNTAX,
						  "the type of field %s has two lengths", f->name);
	next(p);
	f->args_tok = open;
	while (f->nargs < 2)
	{
		if ((s = expect_number(p, "a length", &v)) != ZF_OK)
			return s;
		f->args[f->nargs++] = (int64_t) (v > UINT32_MAX ? UINT32_MAX : v);
		if (!punch_is_punct(peek(p, 0), ','))
			break;
		next(p);
	}
	return expect_punct(p, ')');
}

/* POSITION( * | s | s:e ) */
static zf_status
parse_position(parser *p, punch_fspec *f)
{
	const punch_token *t;
	zf_status	s;
	uint64_t	a,
				b;

	f->pos_tok = peek(p, 0);
	if ((s = expect_punct(p, '(')) != ZF_OK)
		return s;
	t = peek(p, 0);
	if (punch_is_punct(t, '*'))
	{
		next(p);
		if (!punch_is_punct(peek(p, 0), ')'))
			return refuse(p, peek(p, 0), "POSITION(*+n) and POSITION(*-n) are not supported",
						  "UNLOAD writes POSITION(*) for fields that follow the previous one.");
		f->pos = POS_STAR;
		return expect_punct(p, ')');
	}
	if ((s = expect_number(p, "a start position or *", &a)) != ZF_OK)
		return s;
	b = 0;
	f->pos = POS_START;
	if (punch_is_punct(peek(p, 0), ':'))
	{
		next(p);
		if ((s = expect_number(p, "an end position", &b)) != ZF_OK)
			return s;
		f->pos = POS_RANGE;
	}
	if (a < 1 || a > UINT32_MAX || (f->pos == POS_RANGE && (b < a || b > UINT32_MAX)))
		return zf_punch_fail(p->c.err, f->pos_tok, ZF_E_SYNTAX,
						  "POSITION of field %s is not a valid byte range", f->name);
	f->start = (uint32_t) a;
	f->end = (uint32_t) b;
	return expect_punct(p, ')');
}

/* One field specification: name [POSITION(..)] type [NULLIF ..]. */
static zf_status
parse_field(parser *p, const punch_stmt *st, punch_fspec *f)
{
	const punch_token *t = next(p);
	zf_status	s;

	memset(f, 0, sizeof(*f));
	if (t->type != PT_NAME && t->type != PT_WORD)
		return expected(p, t, "a field name");
	f->name_tok = t;
	name_of(t, f->name, sizeof(f->name));
	if (f->name[0] == '\0')
		return zf_punch_fail(p->c.err, t, ZF_E_SYNTAX,
						  "empty field name");
	f->is_null_ind = strncasecmp(f->name, "DSN_NULL_IND_", 13) == 0;

	for (;;)
	{
		bool		matched = false;

		t = peek(p, 0);
		if (punch_is_punct(t, ',') || punch_is_punct(t, ')') || t->type == PT_END)
			break;
		if (t->type != PT_WORD)
			return expected(p, t, "POSITION, a data type, NULLIF, \",\" or \")\"");
		if (zf_punch_is_word(t, "POSITION"))
		{
			next(p);
			if (f->pos != POS_NONE)
				return zf_punch_fail(p->c.err, t, ZF_E_SYNTAX,
								  "field %s has two POSITIONs", f->name);
			if ((s = parse_position(p, f)) != ZF_OK)
				return s;
			continue;
		}
		if (zf_punch_is_word(t, "NULLIF"))
		{
			next(p);
			if (f->nullif.present)
				return zf_punch_fail(p->c.err, t, ZF_E_SYNTAX,
								  "field %s has two NULLIF clauses", f->name);
			if ((s = parse_cond(p, st, &f->nullif)) != ZF_OK)
				return s;
			continue;
		}
		if (zf_punch_is_word(t, "DEFAULTIF") || zf_punch_is_word(t, "CONSTANTIF") ||
			zf_punch_is_word(t, "CONSTANT"))
			return refuse(p, t, "DEFAULTIF, CONSTANT and CONSTANTIF are not supported",
						  "They replace what the file holds with values the punch cannot tell; UNLOAD never writes them.");
		if (zf_punch_is_word(t, "STRIP") || zf_punch_is_word(t, "TRUNCATE") ||
			zf_punch_is_word(t, "BINARYXML"))
		{
			char		w[32];

			zf_punch_tok_describe(t, w, sizeof(w));
			zf_error_set(p->c.err, ZF_E_UNSUPPORTED, "%s in the specification of field %s is not supported",
						 w, f->name);
			zf_error_hint(p->c.err, "zfdw returns values exactly as the unload holds them; remove the clause.");
			return zf_punch_fail_at(p->c.err, t);
		}
		if (zf_punch_is_word(t, "PRESERVE") && zf_punch_is_word(peek(p, 1), "WHITESPACE"))
		{
			next(p);
			next(p);
			continue;
		}
		for (int i = 0; type_words[i][0]; i++)
			if (zf_punch_is_word(t, type_words[i][0]))
			{
				const char *canon = type_words[i][1];

				matched = true;
				next(p);
				if (strcmp(canon, "blobf") == 0 || strcmp(canon, "clobf") == 0 ||
					strcmp(canon, "dbclobf") == 0)
				{
					/* VARCHAR BLOBF, CHAR(n) CLOBF, or BLOBF alone */
					if (f->file_ref)
						return expected(p, t, "one file reference type");
					f->file_ref = canon;
					if (f->type_tok == NULL)
						f->type_tok = t;
				}
				else if (f->type != NULL)
				{
					char		w[32];

					zf_punch_tok_describe(t, w, sizeof(w));
					return zf_punch_fail(p->c.err, t, ZF_E_SYNTAX,
									  "field %s has two data types (%s)", f->name, w);
				}
				else
				{
					f->type = canon;
					f->type_tok = t;
					if (strcmp(canon, "double") == 0 && zf_punch_is_word(peek(p, 0), "PRECISION"))
						next(p);
					if (strcmp(canon, "char") == 0 && zf_punch_is_word(peek(p, 0), "VARYING"))
					{
						next(p);
						f->type = "varchar";
					}
				}
				if ((s = type_args(p, f)) != ZF_OK)
					return s;
				if (!f->with_tz && f->type != NULL && strcmp(f->type, "timestamp") == 0 &&
					zf_punch_is_word(peek(p, 0), "WITH"))
				{
					/* TIMESTAMP [(p)] WITH TIME ZONE */
					next(p);
					if (!zf_punch_is_word(peek(p, 0), "TIME") || !zf_punch_is_word(peek(p, 1), "ZONE"))
						return expected(p, peek(p, 0), "TIME ZONE");
					next(p);
					next(p);
					f->with_tz = true;
				}
				break;
			}
		if (matched)
			continue;
		if (f->type != NULL || f->file_ref != NULL)
		{
			bool	   *flag = NULL;

			if (zf_punch_is_word(t, "EXTERNAL"))
				flag = &f->external;
			else if (zf_punch_is_word(t, "MIXED"))
				flag = &f->mixed;
			else if (zf_punch_is_word(t, "BIT"))
				flag = &f->bit;
			else if (zf_punch_is_word(t, "PACKED"))
				flag = &f->packed;
			else if (zf_punch_is_word(t, "ZONED"))
				flag = &f->zoned;
			else if (zf_punch_is_word(t, "SBCS"))
			{
				next(p);
				continue;
			}
			if (flag)
			{
				next(p);
				*flag = true;
				if ((s = type_args(p, f)) != ZF_OK)
					return s;
				continue;
			}
		}
		if (f->type == NULL && f->file_ref == NULL)
			return expected(p, t, "POSITION or a data type");
		return expected(p, t, "a type attribute, NULLIF, \",\" or \")\"");
	}
	if (f->type == NULL && f->file_ref != NULL)
		f->type = "varchar";
	if (f->type == NULL)
		return zf_punch_fail(p->c.err, f->name_tok, ZF_E_SYNTAX,
						  "field %s has no data type", f->name);
	return ZF_OK;
}

/* ---- INTO TABLE blocks ---- */

/* INTO TABLE creator.name and its options, WHEN included. */
static zf_status
parse_block_header(parser *p, const punch_stmt *st, punch_block *b)
{
	const punch_token *t;
	zf_status	s;

	memset(b, 0, sizeof(*b));
	b->into_tok = next(p);		/* INTO */
	t = next(p);
	if (!zf_punch_is_word(t, "TABLE"))
		return expected(p, t, "TABLE");
	t = next(p);
	if (t->type != PT_NAME && t->type != PT_WORD)
		return expected(p, t, "a table name");
	if (punch_is_punct(peek(p, 0), '.'))
	{
		name_of(t, b->creator, sizeof(b->creator));
		if (b->creator[0] == '\0')
			return zf_punch_fail(p->c.err, t, ZF_E_SYNTAX, "empty creator name");
		b->has_creator = true;
		next(p);
		t = next(p);
		if (t->type != PT_NAME && t->type != PT_WORD)
			return expected(p, t, "a table name");
	}
	name_of(t, b->table, sizeof(b->table));
	/* "" or a quoted name of blanks: DB2 has no such name */
	if (b->table[0] == '\0')
		return zf_punch_fail(p->c.err, t, ZF_E_SYNTAX, "empty table name");

	for (;;)
	{
		t = peek(p, 0);
		if (zf_punch_is_word(t, "PART"))
		{
			uint64_t	v;

			next(p);
			if ((s = expect_number(p, "a partition number", &v)) != ZF_OK)
				return s;
			b->part = v > 4096 ? 4096 : (int32_t) v;
		}
		else if (zf_punch_is_word(t, "INDDN") || zf_punch_is_word(t, "DISCARDDN") ||
				 zf_punch_is_word(t, "NUMRECS") || zf_punch_is_word(t, "IGNOREFIELDS") ||
				 zf_punch_is_word(t, "RESUME") || zf_punch_is_word(t, "SHRLEVEL") ||
				 zf_punch_is_word(t, "DISCARDS"))
		{
			next(p);
			next(p);
		}
		else if (zf_punch_is_word(t, "REPLACE") || zf_punch_is_word(t, "PREFORMAT") ||
				 zf_punch_is_word(t, "KEEPDICTIONARY") || zf_punch_is_word(t, "REUSE") ||
				 zf_punch_is_word(t, "COPYDICTIONARY"))
			next(p);
		else if (zf_punch_is_word(t, "INCURSOR"))
			return refuse(p, t, "INCURSOR loads from a cursor, not from a file",
						  "Unload the table with UNLOAD and use the SYSPUNCH it writes.");
		else if (zf_punch_is_word(t, "WHEN"))
		{
			next(p);
			if (zf_punch_is_word(peek(p, 0), "SQL"))
				return refuse(p, peek(p, 0), "WHEN SQL/DS is not supported", NULL);
			for (;;)
			{
				if (b->nwhen == (int32_t) (sizeof(b->when) / sizeof(b->when[0])))
					return refuse(p, t, "WHEN has more than 8 conditions", NULL);
				if ((s = parse_cond(p, st, &b->when[b->nwhen])) != ZF_OK)
					return s;
				b->nwhen++;
				if (!zf_punch_is_word(peek(p, 0), "AND"))
					break;
				next(p);
			}
		}
		else
			break;
	}
	return ZF_OK;
}

/* Remember a block without field specifications (checked at the end). */
static zf_status
note_fieldless(parser *p, const punch_block *b)
{
	if (p->nfl == p->flcap)
	{
		int32_t		cap = p->flcap == 0 ? 4 : p->flcap * 2;
		fieldless  *n = realloc(p->fl, sizeof(fieldless) * (size_t) cap);

		if (n == NULL)
			return zf_error_set(p->c.err, ZF_E_NOMEM, "out of memory reading a punch");
		p->fl = n;
		p->flcap = cap;
	}
	memcpy(p->fl[p->nfl].creator, b->creator, sizeof(b->creator));
	memcpy(p->fl[p->nfl].table, b->table, sizeof(b->table));
	p->fl[p->nfl].at = b->into_tok;
	p->nfl++;
	return ZF_OK;
}

/* One INTO TABLE block. */
static zf_status
parse_block(parser *p, const punch_stmt *st)
{
	punch_block blk;
	punch_fspec *specs = NULL;
	int32_t		nspecs = 0,
				cap = 0;
	zf_status	s;

	if ((s = parse_block_header(p, st, &blk)) != ZF_OK)
		return s;
	if (!punch_is_punct(peek(p, 0), '('))
		return note_fieldless(p, &blk);
	next(p);
	for (;;)
	{
		if (nspecs == cap)
		{
			int32_t		ncap = cap == 0 ? 32 : cap * 2;
			punch_fspec *n = realloc(specs, sizeof(punch_fspec) * (size_t) ncap);

			if (n == NULL)
			{
				free(specs);
				return zf_error_set(p->c.err, ZF_E_NOMEM, "out of memory reading a punch");
			}
			specs = n;
			cap = ncap;
		}
		if ((s = parse_field(p, st, &specs[nspecs])) != ZF_OK)
		{
			free(specs);
			return s;
		}
		nspecs++;
		if (punch_is_punct(peek(p, 0), ','))
		{
			next(p);
			/* DSNTIAUL ends every field with a comma, the last too */
			if (punch_is_punct(peek(p, 0), ')'))
			{
				next(p);
				break;
			}
			continue;
		}
		if ((s = expect_punct(p, ')')) != ZF_OK)
		{
			free(specs);
			return s;
		}
		break;
	}
	s = zf_punch_build_record(&p->c, st, &blk, specs, nspecs);
	free(specs);
	return s;
}

/* ---- the LOAD statement ---- */

/* The options of LOAD DATA up to the first INTO. */
static zf_status
parse_load_options(parser *p, const punch_token *load, punch_stmt *st)
{
	zf_status	s;

	for (;;)
	{
		const punch_token *t = peek(p, 0);

		if (t->type == PT_END ||
			(zf_punch_is_word(t, "LOAD") && zf_punch_is_word(peek(p, 1), "DATA")))
			return zf_punch_fail(p->c.err, load, ZF_E_SYNTAX,
							  "LOAD statement has no INTO TABLE");
		if (zf_punch_is_word(t, "INTO"))
			return ZF_OK;
		if (zf_punch_is_word(t, "EBCDIC") || zf_punch_is_word(t, "ASCII") ||
			zf_punch_is_word(t, "UNICODE"))
		{
			next(p);
			st->unicode = zf_punch_is_word(t, "UNICODE");
			st->ascii = zf_punch_is_word(t, "ASCII");
		}
		else if (zf_punch_is_word(t, "CCSID"))
		{
			next(p);
			if ((s = expect_punct(p, '(')) != ZF_OK)
				return s;
			for (int i = 0; i < 3; i++)
			{
				uint64_t	v;

				if ((s = expect_number(p, "a CCSID", &v)) != ZF_OK)
					return s;
				st->ccsid[i] = v > 65535 ? 65535 : (int32_t) v;
				if (!punch_is_punct(peek(p, 0), ','))
					break;
				next(p);
			}
			if ((s = expect_punct(p, ')')) != ZF_OK)
				return s;
		}
		else if (zf_punch_is_word(t, "FORMAT"))
		{
			const punch_token *f;

			next(p);
			f = next(p);
			if (zf_punch_is_word(f, "INTERNAL"))
				return refuse(p, f, "FORMAT INTERNAL unloads have no public layout",
							  "Unload the table again without FORMAT INTERNAL: the default positional format, or FORMAT DELIMITED.");
			else if (zf_punch_is_word(f, "DELIMITED"))
				st->delimited = true;
			else if (zf_punch_is_word(f, "SPANNED"))
			{
				const punch_token *v = next(p);

				if (!zf_punch_is_word(v, "YES") && !zf_punch_is_word(v, "NO"))
					return expected(p, v, "YES or NO");
				st->spanned = zf_punch_is_word(v, "YES");
			}
			else if (zf_punch_is_word(f, "SQL"))
			{
				/* SQL/DS: the positional format */
				if (punch_is_punct(peek(p, 0), '/'))
				{
					next(p);
					next(p);
				}
			}
			else if (!zf_punch_is_word(f, "UNLOAD"))
				return expected(p, f, "UNLOAD, DELIMITED, SPANNED or INTERNAL after FORMAT");
		}
		else if (zf_punch_is_word(t, "SPANNED"))
		{
			const punch_token *v;

			next(p);
			v = next(p);
			if (!zf_punch_is_word(v, "YES") && !zf_punch_is_word(v, "NO"))
				return expected(p, v, "YES or NO");
			st->spanned = zf_punch_is_word(v, "YES");
		}
		else if (zf_punch_is_word(t, "DELIMITED"))
		{
			next(p);
			st->delimited = true;
		}
		else if (zf_punch_is_word(t, "COLDEL") || zf_punch_is_word(t, "CHARDEL") ||
				 zf_punch_is_word(t, "DECPT"))
		{
			char	   *dst = zf_punch_is_word(t, "COLDEL") ? &st->coldel :
				zf_punch_is_word(t, "CHARDEL") ? &st->chardel : &st->decpt;

			next(p);
			if ((s = delimiter_value(p, st, dst)) != ZF_OK)
				return s;
		}
		else if (zf_punch_is_word(t, "FLOAT"))
		{
			const punch_token *v;

			next(p);
			if (punch_is_punct(peek(p, 0), '('))
			{
				next(p);
				v = next(p);
				if ((s = expect_punct(p, ')')) != ZF_OK)
					return s;
			}
			else
				v = next(p);
			if (zf_punch_is_word(v, "IEEE"))
				st->float_format = ZF_FLOAT_IEEE;
			else if (zf_punch_is_word(v, "S390") || zf_punch_is_word(v, "HEX"))
				st->float_format = ZF_FLOAT_HFP;
			else
				return expected(p, v, "S390 or IEEE");
		}
		else if (zf_punch_is_word(t, "CONTINUEIF"))
			return refuse(p, t, "CONTINUEIF is not supported",
						  "zfdw reads one logical record per input record; use the unload as UNLOAD wrote it.");
		else if (zf_punch_is_word(t, "INCURSOR"))
			return refuse(p, t, "INCURSOR loads from a cursor, not from a file",
						  "Unload the table with UNLOAD and use the SYSPUNCH it writes.");
		else if ((s = skip_option(p)) != ZF_OK)
			return s;
	}
}

/* One LOAD statement, from LOAD DATA to the end of its last INTO TABLE. */
static zf_status
parse_load(parser *p)
{
	const punch_token *load = next(p);
	punch_stmt	st;
	zf_status	s;

	next(p);					/* DATA */
	memset(&st, 0, sizeof(st));
	st.float_format = ZF_FLOAT_HFP;
	st.coldel = ',';
	st.chardel = '"';
	st.decpt = '.';
	if ((s = parse_load_options(p, load, &st)) != ZF_OK)
		return s;
	if (st.unicode)
	{
		/* DB2's Unicode CCSIDs unless the statement says otherwise */
		if (st.ccsid[0] == 0)
			st.ccsid[0] = 367;
		if (st.ccsid[1] == 0)
			st.ccsid[1] = 1208;
		if (st.ccsid[2] == 0)
			st.ccsid[2] = 1200;
	}
	while (zf_punch_is_word(peek(p, 0), "INTO"))
		if ((s = parse_block(p, &st)) != ZF_OK)
			return s;
	return ZF_OK;
}

/* See punch_int.h. */
bool
zf_punch_note_field(punch_ctx *c, int32_t field, const punch_token *tok)
{
	if (field >= c->field_tok_cap)
	{
		int32_t		cap = c->field_tok_cap == 0 ? 64 : c->field_tok_cap;
		const punch_token **n;

		while (cap <= field)
			cap *= 2;
		n = realloc(c->field_tok, sizeof(*n) * (size_t) cap);
		if (n == NULL)
			return false;
		/* fields noted out of order leave gaps: they read as "no token" */
		memset(n + c->field_tok_cap, 0, sizeof(*n) * (size_t) (cap - c->field_tok_cap));
		c->field_tok = n;
		c->field_tok_cap = cap;
	}
	c->field_tok[field] = tok;
	return true;
}

/* Blocks without fields are fine only when the table is described elsewhere. */
static zf_status
check_fieldless(parser *p)
{
	zf_layout  *L = p->c.L;

	for (int32_t i = 0; i < p->nfl; i++)
	{
		bool		found = false;

		for (int32_t r = 0; r < L->nrecords && !found; r++)
			found = strcmp(L->records[r].table, p->fl[i].table) == 0 &&
				(p->fl[i].creator[0] == '\0' || L->records[r].creator == NULL ||
				 strcmp(L->records[r].creator, p->fl[i].creator) == 0);
		if (!found)
		{
			zf_error_set(p->c.err, ZF_E_UNSUPPORTED,
						 "INTO TABLE %s%s%s has no field specifications",
						 p->fl[i].creator, p->fl[i].creator[0] ? "." : "", p->fl[i].table);
			zf_error_hint(p->c.err, "zfdw needs the field list that UNLOAD writes into SYSPUNCH: POSITION and type of every column.");
			return zf_punch_fail_at(p->c.err, p->fl[i].at);
		}
	}
	return ZF_OK;
}

/* See punch.h. */
zf_layout *
zf_punch_parse(const char *text, size_t len, const zf_punch_opts *opts,
			   zf_error *err)
{
	parser		p;
	zf_punch_opts defopts;
	zf_status	s = ZF_OK;
	bool		any_load = false;

	if (opts == NULL)
	{
		zf_punch_opts_init(&defopts);
		opts = &defopts;
	}
	memset(&p, 0, sizeof(p));
	p.c.opts = opts;
	p.c.err = err;
	if (len > opts->limits.max_source_bytes)
	{
		zf_error_set(err, ZF_E_LIMIT, "punch text of %zu bytes is longer than the limit of %u",
					 len, opts->limits.max_source_bytes);
		zf_error_limit(err, ZF_LIMIT_SOURCE);
		return NULL;
	}
	p.c.L = zf_layout_new(ZF_SOURCE_PUNCH, err);
	if (p.c.L == NULL)
		return NULL;
	zf_layout_set_limits(p.c.L, &opts->limits);
	if ((s = zf_punch_tokenize(text, len, &p.tk, err)) != ZF_OK)
		goto done;

	while (peek(&p, 0)->type != PT_END)
	{
		const punch_token *t = peek(&p, 0);

		if (zf_punch_is_word(t, "LOAD") && zf_punch_is_word(peek(&p, 1), "DATA"))
		{
			any_load = true;
			if ((s = parse_load(&p)) != ZF_OK)
				goto done;
		}
		else
			next(&p);
	}
	if (!any_load)
	{
		s = zf_error_set(err, ZF_E_SYNTAX, "the punch has no LOAD DATA statement");
		zf_error_hint(err, "Give the SYSPUNCH data set that UNLOAD wrote (PUNCHDDN), or a LOAD statement with INTO TABLE and field specifications.");
		goto done;
	}
	if ((s = check_fieldless(&p)) != ZF_OK)
		goto done;
	if (p.c.L->nrecords == 0)
	{
		s = zf_error_set(err, ZF_E_SYNTAX, "the punch has no INTO TABLE with field specifications");
		goto done;
	}
	{
		int32_t		bad = -1;

		s = zf_layout_finish_ex(p.c.L, &opts->limits, 0, &bad, err);
		if (s != ZF_OK && bad >= 0 && bad < p.c.field_tok_cap && p.c.field_tok[bad] != NULL)
			zf_error_at(err, p.c.field_tok[bad]->line, p.c.field_tok[bad]->col);
	}

done:
	zf_punch_tokens_free(&p.tk);
	free(p.fl);
	free(p.c.field_tok);
	if (s != ZF_OK)
	{
		zf_layout_free(p.c.L);
		return NULL;
	}
	return p.c.L;
}

/* Case-insensitive equality of DB2 names. */
static bool
same_name(const char *a, const char *b)
{
	return a != NULL && b != NULL && strcasecmp(a, b) == 0;
}

/* See punch.h. */
const zf_db2_table *
zf_punch_ddl_table(const zf_db2_script *ddl, const zf_recdef *rd)
{
	const zf_db2_table *t;
	int			n,
				found = 0;
	const zf_db2_table *only = NULL;

	if (ddl == NULL || rd->table == NULL)
		return NULL;
	if (rd->creator != NULL && (t = zf_db2ddl_find_table(ddl, rd->creator, rd->table)) != NULL)
		return t;
	n = zf_db2ddl_table_count(ddl);
	for (int i = 0; i < n; i++)
	{
		t = zf_db2ddl_table_at(ddl, i);
		if (same_name(t->name, rd->table))
		{
			found++;
			only = t;
		}
	}
	if (found == 1)
		return only;
	if (found > 1)
		return NULL;
	return n == 1 ? zf_db2ddl_table_at(ddl, 0) : NULL;
}

/* See punch.h. */
bool
zf_punch_same_layout(const zf_layout *L, int32_t a, int32_t b)
{
	int32_t		fa,
				fb;

	if (a < 0 || b < 0 || a >= L->nrecords || b >= L->nrecords)
		return false;
	if (L->records[a].nwhen != L->records[b].nwhen)
		return false;
	for (int32_t i = 0; i < L->records[a].nwhen; i++)
	{
		const zf_when *wa = &L->records[a].when[i];
		const zf_when *wb = &L->records[b].when[i];

		if (wa->offset != wb->offset || wa->length != wb->length ||
			wa->negate != wb->negate || memcmp(wa->value, wb->value, wa->length) != 0)
			return false;
	}
	fa = L->fields[L->records[a].root].first_child;
	fb = L->fields[L->records[b].root].first_child;
	while (fa != ZF_NO_FIELD && fb != ZF_NO_FIELD)
	{
		const zf_field *x = &L->fields[fa];
		const zf_field *y = &L->fields[fb];

		if (strcmp(x->name, y->name) != 0 || x->kind != y->kind ||
			x->offset != y->offset || x->length != y->length ||
			x->length_prefix != y->length_prefix || x->nopad != y->nopad ||
			x->has_null_ind != y->has_null_ind || x->null_ind_rel != y->null_ind_rel ||
			x->digits != y->digits || x->scale != y->scale ||
			x->fixed_offset != y->fixed_offset)
			return false;
		fa = x->next_sibling;
		fb = y->next_sibling;
	}
	return fa == ZF_NO_FIELD && fb == ZF_NO_FIELD;
}

/* See punch.h. */
void
zf_punch_pg_type(const zf_layout *L, int32_t fi, char *dst, size_t cap)
{
	const zf_field *f = &L->fields[fi];
	const char *u = f->usage ? f->usage : "";

	if (cap == 0)
		return;
	if (f->kind == ZF_KIND_PACKED || f->kind == ZF_KIND_ZONED)
	{
		if (f->scale_unknown)
			snprintf(dst, cap, "numeric");
		else
			snprintf(dst, cap, "numeric(%d,%d)", f->digits, f->scale);
	}
	else if (f->kind == ZF_KIND_ALNUM && strcmp(u, "integer external") == 0)
		snprintf(dst, cap, "%s", f->length <= 19 ? "bigint" : "numeric");
	else if (f->kind == ZF_KIND_ALNUM &&
			 (strcmp(u, "decimal external") == 0 || strcmp(u, "decfloat external") == 0))
		snprintf(dst, cap, "numeric");
	else if (f->kind == ZF_KIND_ALNUM && strcmp(u, "float external") == 0)
		snprintf(dst, cap, "double precision");
	else
		zf_field_pg_type(L, fi, dst, cap);
}
