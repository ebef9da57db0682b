/*-------------------------------------------------------------------------
 *
 * punch_lex.c
 *	  SYSPUNCH text into tokens.
 *
 * A SYSPUNCH data set is 80-column card images.  DB2 reads utility control
 * statements from columns 1-72; columns 73-80 may hold sequence numbers
 * (punches edited in ISPF often have them).  Lines of up to 80 characters
 * whose columns 73 and beyond are digits or blanks are cut at column 72;
 * longer lines are free-form text (a LOAD statement pasted on one line).
 * Lines that start with "//" or "/" "*" are JCL and are skipped, so a whole job
 * (JCL, TEMPLATE and LISTDEF statements, SQL for DSNTEP2) can be given;
 * "--" starts a comment that runs to the end of the line.
 *
 * Every token keeps its line and column.  A quoted string that does not
 * end on its line becomes a PT_BAD token rather than an error: the text
 * around the LOAD statement (SQL, JCL parameters) is not ours to judge,
 * and the parser complains only if it meets such a token inside a LOAD
 * statement.  Memory is bounded by the input: at most one token per
 * character, decoded values no longer than their source.
 *
 *-------------------------------------------------------------------------
 */
#include "db2/punch/punch_int.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Working state of one tokenization. */
typedef struct lexer
{
	punch_tokens *out;
	int32_t		cap;
	size_t		vpos;			/* next free byte of out->values */
} lexer;

/* Characters of an ordinary identifier or keyword. */
static bool
is_word_char(unsigned char c)
{
	return isalnum(c) || c == '_' || c == '#' || c == '@' || c == '$' || c == '&';
}

/* Append a token; false when out of memory. */
static bool
push(lexer *lx, const punch_token *t)
{
	punch_tokens *o = lx->out;

	if (o->ntok == lx->cap)
	{
		int32_t		cap = lx->cap == 0 ? 256 : lx->cap * 2;
		punch_token *n = realloc(o->tok, sizeof(punch_token) * (size_t) cap);

		if (n == NULL)
			return false;
		o->tok = n;
		lx->cap = cap;
	}
	o->tok[o->ntok++] = *t;
	return true;
}

/* The value of a hex digit, or -1. */
static int
hexval(unsigned char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	c = (unsigned char) toupper(c);
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/*
 * A quoted token starting at s[i] (the quote q) on a line of n
 * characters: its decoded value goes to the values buffer, a doubled
 * quote standing for one.  Returns the index after the closing quote, or
 * 0 when the quote does not close on this line.
 */
static size_t
scan_quoted(lexer *lx, const char *s, size_t n, size_t i, char q,
			punch_token *t)
{
	char	   *v = lx->out->values + lx->vpos;
	uint32_t	len = 0;

	for (i++; i < n; i++)
	{
		if (s[i] == q)
		{
			if (i + 1 < n && s[i + 1] == q)
			{
				v[len++] = q;
				i++;
				continue;
			}
			v[len] = '\0';
			t->text = v;
			t->len = len;
			lx->vpos += len + 1;
			return i + 1;
		}
		v[len++] = s[i];
	}
	return 0;
}

/* Tokens of one line (already cut to its statement columns). */
static zf_status
lex_line(lexer *lx, const char *s, size_t n, int line, zf_error *err)
{
	size_t		i = 0;

	while (i < n)
	{
		unsigned char c = (unsigned char) s[i];
		punch_token t;

		if (c == ' ' || c == '\t' || c == '\f' || c == '\v')
		{
			i++;
			continue;
		}
		if (c == '-' && i + 1 < n && s[i + 1] == '-')
			break;				/* comment to the end of the line */
		memset(&t, 0, sizeof(t));
		t.line = line;
		t.col = (int) i + 1;

		if ((c == 'X' || c == 'x') && i + 1 < n && s[i + 1] == '\'')
		{
			size_t		next = scan_quoted(lx, s, n, i + 1, '\'', &t);

			if (next == 0)
			{
				t.type = PT_BAD;
				t.text = "hex constant does not end on its line";
				t.len = (uint32_t) strlen(t.text);
				i = n;
			}
			else
			{
				/* decode the hex digits in place */
				char	   *v = (char *) t.text;
				uint32_t	nb = 0;
				bool		ok = t.len % 2 == 0;

				for (uint32_t k = 0; ok && k < t.len; k += 2)
				{
					int			hi = hexval((unsigned char) v[k]);
					int			lo = hexval((unsigned char) v[k + 1]);

					if (hi < 0 || lo < 0)
						ok = false;
					else
						v[nb++] = (char) (hi * 16 + lo);
				}
				if (!ok)
				{
					t.type = PT_BAD;
					t.text = "hex constant needs an even number of hex digits";
					t.len = (uint32_t) strlen(t.text);
				}
				else
				{
					t.type = PT_HEX;
					t.len = nb;
				}
				i = next;
			}
		}
		else if (c == '\'' || c == '"')
		{
			size_t		next = scan_quoted(lx, s, n, i, (char) c, &t);

			if (next == 0)
			{
				t.type = PT_BAD;
				t.text = c == '"' ? "quoted name does not end on its line" :
					"character constant does not end on its line";
				t.len = (uint32_t) strlen(t.text);
				i = n;
			}
			else
			{
				t.type = c == '"' ? PT_NAME : PT_STRING;
				if (c == '"')
				{
					/* DB2 ignores trailing blanks of delimited names */
					while (t.len > 0 && t.text[t.len - 1] == ' ')
						t.len--;
					((char *) t.text)[t.len] = '\0';
				}
				i = next;
			}
		}
		else if (is_word_char(c))
		{
			bool		digits = true;
			size_t		j = i;

			while (j < n && is_word_char((unsigned char) s[j]))
			{
				if (!isdigit((unsigned char) s[j]))
					digits = false;
				j++;
			}
			t.type = digits ? PT_NUMBER : PT_WORD;
			t.text = s + i;
			t.len = (uint32_t) (j - i);
			if (digits)
			{
				uint64_t	v = 0;

				for (size_t k = i; k < j; k++)
				{
					v = v * 10 + (uint64_t) (s[k] - '0');
					if (v > (uint64_t) UINT32_MAX + 1)
						v = (uint64_t) UINT32_MAX + 1;
				}
				t.number = v;
			}
			i = j;
		}
		else
		{
			t.type = PT_PUNCT;
			t.punct = (char) c;
			t.text = s + i;
			t.len = 1;
			i++;
		}
		if (!push(lx, &t))
			return zf_error_set(err, ZF_E_NOMEM, "out of memory reading a punch");
	}
	return ZF_OK;
}

/* See punch_int.h. */
zf_status
zf_punch_tokenize(const char *text, size_t len, punch_tokens *out, zf_error *err)
{
	lexer		lx;
	size_t		pos = 0;
	int			line = 0;
	punch_token end;

	memset(out, 0, sizeof(*out));
	memset(&lx, 0, sizeof(lx));
	lx.out = out;
	out->values = malloc(len + 1);
	if (out->values == NULL)
		return zf_error_set(err, ZF_E_NOMEM, "out of memory reading a punch");

	while (pos < len)
	{
		const char *s = text + pos;
		const char *nl = memchr(s, '\n', len - pos);
		size_t		n = nl ? (size_t) (nl - s) : len - pos;
		zf_status	st;

		pos += n + (nl ? 1 : 0);
		line++;
		if (n > 0 && s[n - 1] == '\r')
			n--;
		if (n >= 2 && s[0] == '/' && (s[1] == '/' || s[1] == '*'))
			continue;			/* JCL */
		if (n > 72 && n <= 80)
		{
			bool		sequence = true;

			for (size_t k = 72; k < n; k++)
				if (!isdigit((unsigned char) s[k]) && s[k] != ' ')
					sequence = false;
			if (sequence)
				n = 72;
		}
		for (size_t k = 0; k < n; k++)
			if (s[k] == '\0')
			{
				zf_error_set(err, ZF_E_SYNTAX, "punch text contains a NUL byte");
				zf_error_at(err, line, (int) k + 1);
				zf_error_hint(err, "A punch is text; was the SYSPUNCH data set transferred in binary instead of ASCII mode?");
				return ZF_E_SYNTAX;
			}
		if ((st = lex_line(&lx, s, n, line, err)) != ZF_OK)
			return st;
	}
	memset(&end, 0, sizeof(end));
	end.type = PT_END;
	end.line = line + 1;
	end.col = 1;
	end.text = "";
	if (!push(&lx, &end))
		return zf_error_set(err, ZF_E_NOMEM, "out of memory reading a punch");
	return ZF_OK;
}

/* See punch_int.h. */
void
zf_punch_tokens_free(punch_tokens *t)
{
	free(t->tok);
	free(t->values);
	t->tok = NULL;
	t->values = NULL;
	t->ntok = 0;
}

/* See punch_int.h. */
bool
zf_punch_is_word(const punch_token *tok, const char *w)
{
	return tok->type == PT_WORD && strlen(w) == tok->len &&
		strncasecmp(tok->text, w, tok->len) == 0;
}

/* See punch_int.h. */
void
zf_punch_tok_describe(const punch_token *tok, char *buf, size_t cap)
{
	int			n = tok->len > 40 ? 40 : (int) tok->len;

	switch (tok->type)
	{
		case PT_END:
			snprintf(buf, cap, "end of text");
			break;
		case PT_NAME:
			snprintf(buf, cap, "\"%.*s\"", n, tok->text);
			break;
		case PT_STRING:
			snprintf(buf, cap, "'%.*s'", n, tok->text);
			break;
		case PT_HEX:
			snprintf(buf, cap, "a hex constant");
			break;
		case PT_PUNCT:
			snprintf(buf, cap, "\"%c\"", tok->punct);
			break;
		default:
			snprintf(buf, cap, "%.*s", n, tok->text);
			break;
	}
}

/* See punch_int.h. */
zf_status
zf_punch_fail_at(zf_error *err, const punch_token *tok)
{
	if (err == NULL)
		return ZF_E_SYNTAX;
	zf_error_at(err, tok->line, tok->col);
	return err->status;
}

/* See punch_int.h. */
zf_status
zf_punch_fail(zf_error *err, const punch_token *tok, zf_status status,
		   const char *fmt,...)
{
	va_list		ap;

	va_start(ap, fmt);
	zf_error_setv(err, status, fmt, ap);
	va_end(ap);
	if (tok)
		zf_error_at(err, tok->line, tok->col);
	return status;
}
