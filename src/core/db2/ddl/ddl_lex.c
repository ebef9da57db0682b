/*-------------------------------------------------------------------------
 *
 * zf_ddl_lex.c
 *	  Tokenizer for DB2 for z/OS DDL scripts.
 *
 * The input is a script as DB2 Admin Tool, DSNTEP2 or SPUFI users write
 * it: "--" and bracketed comments, statements ended by ';' or by the
 * character a "--#SET TERMINATOR x" line chooses (often '#'), quoted
 * identifiers padded with blanks, string literals continued across lines,
 * and sometimes 80-column card images with sequence numbers in columns
 * 73-80.  The result is one token array and the statements as token
 * ranges; comments and the terminators themselves are not tokens.
 *
 * Bracketed comments do not nest, as in DSNTEP2 and SPUFI.
 *
 *-------------------------------------------------------------------------
 */
#include "db2/ddl/ddl_int.h"

#include <string.h>

typedef struct lexer
{
	zf_arena   *arena;
	const char *src;
	size_t		len;
	size_t		pos;
	int			line;
	size_t		line_start;
	bool		cards;			/* columns 73-80 are sequence numbers */
	char		term;
	ddl_lexed  *out;
	int			cap_tokens;
	int			cap_stmts;
	int			stmt_first;
	zf_error   *err;
} lexer;

/* ASCII digit. */
static bool
is_digit(int c)
{
	return c >= '0' && c <= '9';
}

/* ASCII hexadecimal digit. */
static bool
is_hexdigit(int c)
{
	return is_digit(c) || (c >= 'A' && c <= 'F') || (c >= 'a' && c <= 'f');
}

/* Characters of an ordinary identifier (DB2's letters include # @ $). */
static bool
is_word_start(int c)
{
	return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_' ||
		c == '#' || c == '@' || c == '$' || c >= 0x80;
}

/* A character that continues an ordinary identifier. */
static bool
is_word_char(int c)
{
	return is_word_start(c) || is_digit(c);
}

/* Can c end statements?  Not letters, digits, quotes, blanks, nor the
 * characters that start comments or appear in every statement. */
bool
zf_ddl_valid_terminator(char c)
{
	unsigned char uc = (unsigned char) c;

	if (uc <= ' ' || uc >= 0x7F)
		return false;
	if (is_digit(uc) || (uc >= 'A' && uc <= 'Z') || (uc >= 'a' && uc <= 'z'))
		return false;
	return strchr("'\"(),.-/*_", c) == NULL;
}

/* A lexical error at byte "at" of the current line. */
static zf_status
lex_error(lexer *lx, size_t at, const char *msg)
{
	zf_error_set(lx->err, ZF_E_SYNTAX, "%s", msg);
	zf_error_at(lx->err, lx->line, (int) (at - lx->line_start) + 1);
	return ZF_E_SYNTAX;
}

/*
 * Card images: every line longer than 72 columns is exactly 80 long and
 * ends in eight digits.  Then columns 73-80 are ISPF sequence numbers that
 * DB2's tools never read.
 */
static bool
detect_cards(const char *src, size_t len)
{
	size_t		start = 0;
	int			long_lines = 0;

	while (start < len)
	{
		const char *nl = memchr(src + start, '\n', len - start);
		size_t		end = nl ? (size_t) (nl - src) : len;
		size_t		n = end - start;

		if (n > 0 && src[end - 1] == '\r')
			n--;
		if (n > 72)
		{
			if (n != 80)
				return false;
			for (size_t i = 72; i < 80; i++)
				if (!is_digit((unsigned char) src[start + i]))
					return false;
			long_lines++;
		}
		start = end + 1;
	}
	return long_lines > 0;
}

/*
 * Without an explicit terminator: ';' unless the script has no ';' outside
 * comments and literals but ends lines with '#' (SQLTERM(#) scripts).
 */
static char
detect_terminator(const char *s, size_t len)
{
	size_t		i = 0;
	int			semis = 0;
	int			hashes = 0;

	while (i < len)
	{
		char		c = s[i];

		if (c == '-' && i + 1 < len && s[i + 1] == '-')
		{
			while (i < len && s[i] != '\n')
				i++;
		}
		else if (c == '/' && i + 1 < len && s[i + 1] == '*')
		{
			i += 2;
			while (i + 1 < len && !(s[i] == '*' && s[i + 1] == '/'))
				i++;
			i += 2;
		}
		else if (c == '\'' || c == '"')
		{
			i++;
			while (i < len && s[i] != c)
				i++;
			i++;
		}
		else if (c == ';')
		{
			semis++;
			i++;
		}
		else if (c == '#')
		{
			size_t		j = i + 1;

			while (j < len && (s[j] == ' ' || s[j] == '\t' || s[j] == '\r'))
				j++;
			if (j >= len || s[j] == '\n')
				hashes++;
			i++;
		}
		else
			i++;
	}
	return (semis == 0 && hashes > 0) ? '#' : ';';
}

/* Add a token; NULL when out of budget. */
static ddl_token *
add_token(lexer *lx, ddl_tk kind, size_t start, uint8_t flags, int line,
		  size_t line_start)
{
	ddl_token  *t = zf_arena_push(lx->arena, (void **) &lx->out->tokens,
							   &lx->out->ntokens, &lx->cap_tokens,
							   sizeof(ddl_token));

	if (t == NULL)
		return NULL;
	t->kind = (uint8_t) kind;
	t->flags = flags;
	t->line = line;
	t->column = (int) (start - line_start) + 1;
	if (flags & TF_NEWLINE)
		t->indent = (uint16_t) (t->column - 1 > 65535 ? 65535 : t->column - 1);
	t->offset = (uint32_t) start;
	return t;
}

/* Close the current statement if it has tokens. */
static bool
end_statement(lexer *lx)
{
	ddl_span   *sp;

	if (lx->out->ntokens == lx->stmt_first)
		return true;
	sp = zf_arena_push(lx->arena, (void **) &lx->out->stmts, &lx->out->nstmts,
					&lx->cap_stmts, sizeof(ddl_span));
	if (sp == NULL)
		return false;
	sp->first = lx->stmt_first;
	sp->end = lx->out->ntokens;
	lx->stmt_first = lx->out->ntokens;
	return true;
}

/* "--#SET TERMINATOR x": the DSNTEP2 way of changing the terminator. */
static zf_status
set_terminator_comment(lexer *lx, size_t p, size_t eol)
{
	static const char kw1[] = "--#SET";
	static const char kw2[] = "TERMINATOR";
	size_t		q = p;

	if (eol - q < sizeof(kw1) - 1 ||
		zf_ddl_strcasecmp_n(lx->src + q, kw1, sizeof(kw1) - 1) != 0)
		return ZF_OK;
	q += sizeof(kw1) - 1;
	while (q < eol && (lx->src[q] == ' ' || lx->src[q] == '\t'))
		q++;
	if (eol - q < sizeof(kw2) - 1 ||
		zf_ddl_strcasecmp_n(lx->src + q, kw2, sizeof(kw2) - 1) != 0)
		return ZF_OK;
	q += sizeof(kw2) - 1;
	while (q < eol && (lx->src[q] == ' ' || lx->src[q] == '\t'))
		q++;
	if (q >= eol || !zf_ddl_valid_terminator(lx->src[q]))
		return lex_error(lx, q, "invalid statement terminator in --#SET TERMINATOR");
	lx->term = lx->src[q];
	return ZF_OK;
}

/*
 * A quoted string or delimited identifier starting at lx->pos (the quote).
 * Doubled quotes stand for one; a line break inside a string is dropped
 * (DB2 reads the lines as one, as its tools do with continued literals).
 */
static zf_status
lex_quoted(lexer *lx, char quote, ddl_token *t)
{
	size_t		start = lx->pos;
	size_t		q = start + 1;
	size_t		n = 0;
	char	   *text;
	size_t		k = 0;
	int			line = lx->line;
	size_t		ls = lx->line_start;

	/* first pass: find the end and the size */
	for (;;)
	{
		if (q >= lx->len)
			return lex_error(lx, start, quote == '\'' ?
							 "unterminated quoted string" :
							 "unterminated quoted identifier");
		if (lx->src[q] == quote)
		{
			if (q + 1 < lx->len && lx->src[q + 1] == quote)
			{
				n++;
				q += 2;
				continue;
			}
			break;
		}
		if (lx->src[q] == '\n' && quote == '"')
			return lex_error(lx, start, "unterminated quoted identifier");
		n++;
		q++;
	}
	text = zf_arena_alloc(lx->arena, n + 1);
	if (text == NULL)
		return zf_error_set(lx->err, ZF_E_NOMEM, "out of memory for the DDL text");

	/* second pass: copy, counting lines */
	for (size_t i = start + 1; i < q; i++)
	{
		char		c = lx->src[i];

		if (c == quote)
		{
			text[k++] = c;
			i++;
			continue;
		}
		if (c == '\n')
		{
			line++;
			ls = i + 1;
			continue;
		}
		if (c == '\r' && i + 1 < q && lx->src[i + 1] == '\n')
			continue;
		if (lx->cards && i - ls >= 72)
			continue;
		text[k++] = c;
	}
	text[k] = '\0';
	lx->line = line;
	lx->line_start = ls;
	lx->pos = q + 1;
	t->text = text;
	t->length = (uint32_t) (lx->pos - start);
	if (quote == '"')
	{
		while (k > 0 && text[k - 1] == ' ')
			text[--k] = '\0';
		if (k == 0)
			return lex_error(lx, start, "zero-length delimited identifier");
		if (k > DDL_MAX_NAME)
			return lex_error(lx, start, "identifier too long");
	}
	return ZF_OK;
}

/* X'..', BX'..', GX'..', UX'..': hexadecimal constants. */
static zf_status
lex_hex(lexer *lx, char prefix, size_t start, ddl_token *t)
{
	size_t		q = lx->pos + 1;	/* after the quote */
	size_t		digits = 0;
	char	   *text;

	while (q < lx->len && lx->src[q] != '\'')
	{
		if (!is_hexdigit((unsigned char) lx->src[q]))
			return lex_error(lx, start, "invalid hexadecimal string constant");
		q++;
		digits++;
	}
	if (q >= lx->len)
		return lex_error(lx, start, "unterminated hexadecimal string constant");
	if (digits % ((prefix == 'G' || prefix == 'U') ? 4 : 2) != 0)
		return lex_error(lx, start, "invalid hexadecimal string constant");
	text = zf_arena_alloc(lx->arena, digits + 2);
	if (text == NULL)
		return zf_error_set(lx->err, ZF_E_NOMEM, "out of memory for the DDL text");
	text[0] = prefix;
	for (size_t i = 0; i < digits; i++)
	{
		char		c = lx->src[lx->pos + 1 + i];

		text[i + 1] = (c >= 'a' && c <= 'f') ? (char) (c - 'a' + 'A') : c;
	}
	t->kind = TK_HEX;
	t->text = text;
	lx->pos = q + 1;
	t->length = (uint32_t) (lx->pos - start);
	return ZF_OK;
}

/*
 * Operators, longest first; DB2's "¬" (UTF-8 C2 AC, or AC alone in a
 * single-byte encoding: at the start of a token it cannot be part of a
 * UTF-8 character) means NOT.
 */
static const struct
{
	const char *src;
	const char *norm;
}			operators[] = {
	{"\xC2\xAC=", "<>"}, {"\xC2\xAC<", ">="}, {"\xC2\xAC>", "<="},
	{"<>", "<>"}, {"<=", "<="}, {">=", ">="}, {"!=", "<>"},
	{"!<", ">="}, {"!>", "<="}, {"||", "||"}, {"\xC2\xAC", "NOT"},
	/* the same in a single-byte database encoding (LATIN1, WIN1252) */
	{"\xAC=", "<>"}, {"\xAC<", ">="}, {"\xAC>", "<="},
};

static const char *const single_punct[128] = {
	['('] = "(", [')'] = ")", [','] = ",", ['.'] = ".", [';'] = ";",
	[':'] = ":", ['='] = "=", ['<'] = "<", ['>'] = ">", ['+'] = "+",
	['-'] = "-", ['*'] = "*", ['/'] = "/", ['?'] = "?", ['&'] = "&",
	['|'] = "|", ['!'] = "!", ['%'] = "%", ['^'] = "^", ['['] = "[",
	[']'] = "]", ['{'] = "{", ['}'] = "}", ['~'] = "~", ['`'] = "`",
	['\\'] = "\\", ['#'] = "#", ['@'] = "@", ['$'] = "$",
};

/* One token at lx->pos (not blank, not a comment, not the terminator). */
static zf_status
lex_token(lexer *lx, uint8_t flags)
{
	size_t		start = lx->pos;
	unsigned char c = (unsigned char) lx->src[start];
	unsigned char next = start + 1 < lx->len ? (unsigned char) lx->src[start + 1] : 0;
	ddl_token  *t = add_token(lx, TK_PUNCT, start, flags, lx->line, lx->line_start);

	if (t == NULL)
		return zf_error_set(lx->err, ZF_E_NOMEM, "out of memory for the DDL text");

	if (c == '\'' || c == '"')
	{
		t->kind = c == '\'' ? TK_STRING : TK_DELIM;
		return lex_quoted(lx, (char) c, t);
	}

	if (is_digit(c) || (c == '.' && is_digit(next)))
	{
		size_t		q = start;

		while (q < lx->len && is_digit((unsigned char) lx->src[q]))
			q++;
		if (q < lx->len && lx->src[q] == '.')
		{
			q++;
			while (q < lx->len && is_digit((unsigned char) lx->src[q]))
				q++;
		}
		if (q < lx->len && (lx->src[q] == 'E' || lx->src[q] == 'e'))
		{
			size_t		e = q + 1;

			if (e < lx->len && (lx->src[e] == '+' || lx->src[e] == '-'))
				e++;
			if (e < lx->len && is_digit((unsigned char) lx->src[e]))
			{
				while (e < lx->len && is_digit((unsigned char) lx->src[e]))
					e++;
				q = e;
			}
		}
		t->kind = TK_NUMBER;
		t->text = zf_arena_strndup(lx->arena, lx->src + start, q - start);
		if (t->text == NULL)
			return zf_error_set(lx->err, ZF_E_NOMEM, "out of memory for the DDL text");
		t->length = (uint32_t) (q - start);
		lx->pos = q;
		return ZF_OK;
	}

	for (size_t i = 0; i < sizeof(operators) / sizeof(operators[0]); i++)
	{
		size_t		n = strlen(operators[i].src);

		if (lx->len - start >= n && memcmp(lx->src + start, operators[i].src, n) == 0)
		{
			t->text = operators[i].norm;
			t->length = (uint32_t) n;
			lx->pos = start + n;
			return ZF_OK;
		}
	}

	if (is_word_start(c) && c != (unsigned char) lx->term)
	{
		size_t		q = start;
		char	   *w;

		while (q < lx->len && is_word_char((unsigned char) lx->src[q]) &&
			   lx->src[q] != lx->term)
			q++;
		if (q - start > DDL_MAX_NAME)
			return lex_error(lx, start, "identifier too long");
		w = zf_arena_strndup(lx->arena, lx->src + start, q - start);
		if (w == NULL)
			return zf_error_set(lx->err, ZF_E_NOMEM, "out of memory for the DDL text");
		for (char *p = w; *p; p++)
			if (*p >= 'a' && *p <= 'z')
				*p = (char) (*p - 'a' + 'A');
		t->kind = TK_WORD;
		t->text = w;
		t->length = (uint32_t) (q - start);
		lx->pos = q;

		/* a constant prefix glued to a quote: X'..', G'..', N'..' */
		if (q < lx->len && lx->src[q] == '\'')
		{
			if (strcmp(w, "X") == 0 || strcmp(w, "BX") == 0 ||
				strcmp(w, "GX") == 0 || strcmp(w, "UX") == 0)
			{
				lx->pos = q;
				return lex_hex(lx, w[0], start, t);
			}
			if (strcmp(w, "G") == 0 || strcmp(w, "N") == 0)
			{
				zf_status	st;

				lx->pos = q;
				t->kind = TK_GSTRING;
				st = lex_quoted(lx, '\'', t);
				t->length = (uint32_t) (lx->pos - start);
				return st;
			}
		}
		return ZF_OK;
	}

	if (c < 0x80 && single_punct[c] != NULL)
	{
		t->text = single_punct[c];
		t->length = 1;
		lx->pos = start + 1;
		return ZF_OK;
	}
	return lex_error(lx, start, "invalid character in DDL");
}

/*
 * Tokenize src into out.  terminator 0 chooses ';' or '#' by looking at
 * the script.  Tokens' text lives in the arena.
 */
zf_status
zf_ddl_lex(zf_arena *a, const char *src, size_t len, char terminator,
		ddl_lexed *out, zf_error *err)
{
	lexer		lx;
	uint8_t		flags = 0;
	char	   *copy = NULL;
	const char *nul;

	memset(&lx, 0, sizeof(lx));
	memset(out, 0, sizeof(*out));
	lx.arena = a;
	lx.len = len;
	lx.line = 1;
	lx.out = out;
	lx.err = err;

	if ((nul = memchr(src, '\0', len)) != NULL)
	{
		size_t		at = (size_t) (nul - src);

		lx.src = src;
		for (size_t i = 0; i < at; i++)
			if (src[i] == '\n')
			{
				lx.line++;
				lx.line_start = i + 1;
			}
		return lex_error(&lx, at, "invalid character in DDL");
	}

	lx.cards = detect_cards(src, len);
	if (lx.cards)
	{
		size_t		start = 0;

		/* blank out the sequence numbers; positions stay the same */
		copy = zf_arena_strndup(a, src, len);
		if (copy == NULL)
			return zf_error_set(err, ZF_E_NOMEM, "out of memory for the DDL text");
		while (start < len)
		{
			char	   *nl = memchr(copy + start, '\n', len - start);
			size_t		end = nl ? (size_t) (nl - copy) : len;

			if (end - start >= 80)
				memset(copy + start + 72, ' ', 8);
			start = end + 1;
		}
		src = copy;
	}
	lx.src = src;
	out->src = src;
	lx.term = terminator ? terminator : detect_terminator(src, len);

	while (lx.pos < len)
	{
		char		c = src[lx.pos];
		zf_status	st;

		if (c == '\n')
		{
			lx.line++;
			lx.pos++;
			lx.line_start = lx.pos;
			flags |= TF_NEWLINE | TF_SPACE;
			continue;
		}
		if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v')
		{
			lx.pos++;
			flags |= TF_SPACE;
			continue;
		}
		if (c == '-' && lx.pos + 1 < len && src[lx.pos + 1] == '-')
		{
			const char *nl = memchr(src + lx.pos, '\n', len - lx.pos);
			size_t		eol = nl ? (size_t) (nl - src) : len;

			st = set_terminator_comment(&lx, lx.pos, eol);
			if (st != ZF_OK)
				return st;
			lx.pos = eol;
			flags |= TF_SPACE;
			continue;
		}
		if (c == '/' && lx.pos + 1 < len && src[lx.pos + 1] == '*')
		{
			size_t		q = lx.pos + 2;
			size_t		open = lx.pos;
			int			open_line = lx.line;
			size_t		open_line_start = lx.line_start;

			while (q + 1 < len && !(src[q] == '*' && src[q + 1] == '/'))
			{
				if (src[q] == '\n')
				{
					lx.line++;
					lx.line_start = q + 1;
				}
				q++;
			}
			if (q + 1 >= len)
			{
				/* the error names where the comment opens */
				lx.pos = open;
				lx.line = open_line;
				lx.line_start = open_line_start;
				return lex_error(&lx, open, "unterminated /* comment");
			}
			lx.pos = q + 2;
			flags |= TF_SPACE;
			continue;
		}
		if (c == lx.term)
		{
			if (!end_statement(&lx))
				return zf_error_set(err, ZF_E_NOMEM, "out of memory for the DDL text");
			lx.pos++;
			flags = TF_SPACE;
			continue;
		}
		st = lex_token(&lx, flags);
		if (st != ZF_OK)
			return st;
		flags = 0;
	}
	if (!end_statement(&lx))
		return zf_error_set(err, ZF_E_NOMEM, "out of memory for the DDL text");
	return ZF_OK;
}
