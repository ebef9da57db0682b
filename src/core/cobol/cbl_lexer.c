/*-------------------------------------------------------------------------
 *
 * cbl_lexer.c
 *	  COBOL source reader and tokenizer for the copybook parser.
 *
 * Fixed format (IBM reference format): columns 1-6 sequence area, column
 * 7 indicator ('*' or '/' comment, 'D' debugging line, treated as a
 * comment as without WITH DEBUGGING MODE, '-' continuation), columns 8-72
 * program text, 73-80 ignored.  TAB characters advance to the next
 * multiple of 8 columns, as the editors that put them in copybooks do.
 * Free format: the whole line is program text.  In both, "*>" outside a
 * literal starts a comment to the end of the line.
 *
 * Continuation: when a line ends inside a literal, the literal runs to
 * column 72 and continues on the next line after the quote that must
 * start the continuation line's text; otherwise the continuation line's
 * first character follows the previous line's last one directly (a word
 * continued).
 *
 * Tolerated in fixed format: a line whose columns 1-6 are blank and whose
 * column 7 is not a valid indicator has its text start in column 7 (many
 * hand-written copybooks do this; a valid indicator is always one).
 *
 * ZF_FORMAT_AUTO reads fixed format unless some line clearly is not: a
 * character in column 7 that is not an indicator after columns 1-6 that
 * are neither blank nor a sequence number, a line starting with "*>", or
 * program text beyond column 80.
 *
 *-------------------------------------------------------------------------
 */
#include "cobol/cbl_lexer.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#define TAB_STOP	8
#define FIXED_END	72			/* last column of program text */
#define FIXED_COLS	80			/* columns of a fixed-format line */

/* Append one character of program text coming from source offset off. */
static bool
emit(cbl_lexer *lx, char c, uint32_t off)
{
	if (lx->n == lx->cap)
	{
		size_t		cap = lx->cap == 0 ? 4096 : lx->cap * 2;
		char	   *b = realloc(lx->buf, cap);
		uint32_t   *s;

		if (b == NULL)
			return false;
		lx->buf = b;
		s = realloc(lx->src, cap * sizeof(uint32_t));
		if (s == NULL)
			return false;
		lx->src = s;
		lx->cap = cap;
	}
	lx->buf[lx->n] = c;
	lx->src[lx->n] = off;
	lx->n++;
	return true;
}

/*
 * One source line as columns: chars[i] is the character in column i+1,
 * offs[i] its source offset.  With expand_tabs, a TAB advances to the next
 * multiple of 8 columns; otherwise it is one blank.  Control characters (a
 * DOS end-of-file mark) read as blanks.  At most cap columns are produced;
 * *more tells whether anything but blanks lies beyond.  Returns the
 * number of columns.
 */
static size_t
expand_line(const char *text, size_t start, size_t end, bool expand_tabs,
			char *chars, uint32_t *offs, size_t cap, bool *more)
{
	size_t		col = 0;
	size_t		i;

	*more = false;
	for (i = start; i < end && col < cap; i++)
	{
		char		c = text[i];

		if (c == '\t' && expand_tabs)
		{
			do
			{
				chars[col] = ' ';
				offs[col] = (uint32_t) i;
				col++;
			} while (col % TAB_STOP != 0 && col < cap);
		}
		else
		{
			chars[col] = ((unsigned char) c < 0x20) ? ' ' : c;
			offs[col] = (uint32_t) i;
			col++;
		}
	}
	for (; i < end; i++)
		if ((unsigned char) text[i] > 0x20)
			*more = true;
	return col;
}

/* True for a column-7 character of fixed format. */
static bool
is_indicator(char c)
{
	return c == ' ' || c == '*' || c == '/' || c == '-' || c == 'D' || c == 'd';
}

/* True when columns 1-6 of a line (of at least 6 columns) are blank. */
static bool
blank_sequence_area(const char *chars)
{
	for (int i = 0; i < 6; i++)
		if (chars[i] != ' ')
			return false;
	return true;
}

/* True when columns 1-6 hold a sequence number (six digits). */
static bool
numbered_sequence_area(const char *chars)
{
	for (int i = 0; i < 6; i++)
		if (chars[i] < '0' || chars[i] > '9')
			return false;
	return true;
}

/* Guess the format: fixed unless some line clearly is not. */
static zf_source_format
detect_format(const char *text, size_t len)
{
	size_t		start = 0;
	char		chars[FIXED_COLS];
	uint32_t	offs[FIXED_COLS];

	while (start < len)
	{
		const char *nl = memchr(text + start, '\n', len - start);
		size_t		end = nl ? (size_t) (nl - text) : len;
		bool		more;
		size_t		ncols = expand_line(text, start, end, true, chars, offs,
										FIXED_COLS, &more);

		while (ncols > 0 && chars[ncols - 1] == ' ')
			ncols--;
		start = end + 1;
		if (ncols >= 2 && chars[0] == '*' && chars[1] == '>')
			return ZF_FORMAT_FREE;
		if (ncols >= 7 && !is_indicator(chars[6]) && !blank_sequence_area(chars) &&
			!numbered_sequence_area(chars))
			return ZF_FORMAT_FREE;
		if (ncols >= 7 && (chars[6] == '*' || chars[6] == '/'))
			continue;			/* a comment line may be long */
		if (more)
			return ZF_FORMAT_FREE;
	}
	return ZF_FORMAT_FIXED;
}

/* Set a syntax error at a source offset. */
static zf_status
error_at_src(cbl_lexer *lx, uint32_t off, const char *msg, char c)
{
	int			line;
	int			col;
	int			lo = 0;
	int			hi = lx->nlines - 1;

	while (lo < hi)
	{
		int			mid = (lo + hi + 1) / 2;

		if (lx->line_start[mid] <= off)
			lo = mid;
		else
			hi = mid - 1;
	}
	line = lo + 1;
	col = (int) (off - lx->line_start[lo]) + 1;
	if (c != '\0')
		zf_error_set(lx->err, ZF_E_SYNTAX, msg, c);
	else
		zf_error_set(lx->err, ZF_E_SYNTAX, "%s", msg);
	zf_error_at(lx->err, line, col);
	return ZF_E_SYNTAX;
}

/* Read state across lines. */
typedef struct read_state
{
	char		quote;			/* open literal's quote, or 0 */
	bool		any_text;		/* a line of program text was seen */
	uint32_t	last_off;		/* source offset of the last text char */
} read_state;

/*
 * Append the program text chars[from..to) of one line, tracking literals
 * and cutting at a floating comment.  Returns false when out of memory.
 */
static bool
emit_text(cbl_lexer *lx, read_state *rs, const char *chars,
		  const uint32_t *offs, size_t from, size_t to)
{
	for (size_t i = from; i < to; i++)
	{
		char		c = chars[i];

		if (rs->quote == 0 && c == '*' && i + 1 < to && chars[i + 1] == '>')
			break;
		if (rs->quote == 0 && (c == '\'' || c == '"'))
			rs->quote = c;
		else if (rs->quote != 0 && c == rs->quote)
		{
			if (i + 1 < to && chars[i + 1] == rs->quote)
			{
				/* a doubled quote stands for one */
				if (!emit(lx, c, offs[i]))
					return false;
				i++;
			}
			else
				rs->quote = 0;
		}
		if (!emit(lx, c, offs[i]))
			return false;
		rs->last_off = offs[i];
	}
	return true;
}

/* See cbl_lexer.h. */
zf_status
zf_cbl_lexer_init(cbl_lexer *lx, const char *text, size_t len,
			   zf_source_format format, zf_error *err)
{
	size_t		start = 0;
	int			nl_count = 1;
	read_state	rs;
	char	   *chars;
	uint32_t   *offs;
	size_t		maxline = 0;
	zf_status	status = ZF_OK;

	memset(lx, 0, sizeof(*lx));
	memset(&rs, 0, sizeof(rs));
	lx->err = err;
	if (len > UINT32_MAX - 1)
	{
		zf_error_set(err, ZF_E_LIMIT, "copybook text is too large");
		zf_error_limit(err, ZF_LIMIT_SOURCE);
		return ZF_E_LIMIT;
	}

	/* line table, and the longest line for the expansion buffer */
	for (size_t i = 0; i < len; i++)
		if (text[i] == '\n')
			nl_count++;
	lx->line_start = malloc(sizeof(uint32_t) * (size_t) nl_count);
	if (lx->line_start == NULL)
		return zf_error_set(err, ZF_E_NOMEM, "out of memory reading a copybook");
	for (size_t i = 0; i <= len; i++)
	{
		if (i == len || text[i] == '\n')
		{
			if (i - start > maxline)
				maxline = i - start;
			lx->line_start[lx->nlines++] = (uint32_t) start;
			start = i + 1;
		}
	}
	if (format == ZF_FORMAT_AUTO)
		format = detect_format(text, len);
	/* fixed format looks at 80 columns at most; free at whole lines */
	maxline = format == ZF_FORMAT_FIXED ? FIXED_COLS : maxline + 1;
	chars = malloc(maxline);
	offs = malloc(maxline * sizeof(uint32_t));
	if (chars == NULL || offs == NULL)
	{
		free(chars);
		free(offs);
		return zf_error_set(err, ZF_E_NOMEM, "out of memory reading a copybook");
	}

	for (int ln = 0; ln < lx->nlines && status == ZF_OK; ln++)
	{
		size_t		s = lx->line_start[ln];
		size_t		e = (ln + 1 < lx->nlines) ? lx->line_start[ln + 1] - 1 : len;
		size_t		ncols;
		size_t		from;
		size_t		to;
		char		ind = ' ';
		bool		more;

		if (e > s && text[e - 1] == '\r')
			e--;
		ncols = expand_line(text, s, e, format == ZF_FORMAT_FIXED, chars, offs,
							maxline, &more);
		while (ncols > 0 && chars[ncols - 1] == ' ')
			ncols--;
		if (format == ZF_FORMAT_FIXED)
		{
			if (ncols < 7)
				continue;		/* sequence area only */
			ind = chars[6];
			from = 7;
			to = ncols < FIXED_END ? ncols : FIXED_END;
			if (ind == '*' || ind == '/' || ind == 'D' || ind == 'd')
				continue;
			if (!is_indicator(ind))
			{
				/*
				 * Text that starts in column 7 of an otherwise blank
				 * line (as cb2xml and Cobrix copybooks have): IBM rejects
				 * the indicator, but the text is unambiguous.  A valid
				 * indicator is always read as one.
				 */
				if (!blank_sequence_area(chars))
				{
					status = error_at_src(lx, offs[6], "invalid character '%c' in the indicator area (column 7)", ind);
					zf_error_hint(err, "In fixed format, column 7 holds ' ', '*', '/', '-' or 'D'; for free format, set the source format.");
					break;
				}
				from = 6;
				ind = ' ';
			}
		}
		else
		{
			from = 0;
			to = ncols;
		}
		while (from < to && chars[from] == ' ')
			from++;
		if (from == to)
		{
			if (ind == '-')
			{
				status = error_at_src(lx, offs[6], "continuation line has no text", '\0');
				break;
			}
			if (rs.quote != 0)
			{
				status = error_at_src(lx, rs.last_off, "literal is not closed", '\0');
				break;
			}
			continue;
		}
		if (format == ZF_FORMAT_FREE && to - from >= 2 && chars[from] == '*' && chars[from + 1] == '>')
			continue;

		if (ind == '-')
		{
			if (!rs.any_text)
			{
				status = error_at_src(lx, offs[6], "continuation line without a line to continue", '\0');
				break;
			}
			if (rs.quote != 0)
			{
				/* the literal ran to column 72; it resumes after the quote */
				if (chars[from] != rs.quote)
				{
					status = error_at_src(lx, offs[from], "continuation of a literal must start with a quote", '\0');
					break;
				}
				from++;
			}
			else
			{
				/* a continued word: join without a separator */
				while (lx->n > 0 && lx->buf[lx->n - 1] == ' ')
					lx->n--;
			}
		}
		else
		{
			if (rs.quote != 0)
			{
				status = error_at_src(lx, rs.last_off, "literal is not closed", '\0');
				break;
			}
			if (rs.any_text && !emit(lx, ' ', offs[from]))
				status = zf_error_set(err, ZF_E_NOMEM, "out of memory reading a copybook");
		}
		if (status == ZF_OK && !emit_text(lx, &rs, chars, offs, from, to))
			status = zf_error_set(err, ZF_E_NOMEM, "out of memory reading a copybook");
		if (status == ZF_OK && rs.quote != 0)
		{
			if (format == ZF_FORMAT_FREE)
				status = error_at_src(lx, rs.last_off, "literal is not closed", '\0');
			else
			{
				/* pad the open literal to column 72 */
				for (size_t col = to; col < FIXED_END && status == ZF_OK; col++)
					if (!emit(lx, ' ', rs.last_off))
						status = zf_error_set(err, ZF_E_NOMEM, "out of memory reading a copybook");
			}
		}
		rs.any_text = true;
	}
	if (status == ZF_OK && rs.quote != 0)
		status = error_at_src(lx, rs.last_off, "literal is not closed", '\0');
	free(chars);
	free(offs);
	if (status != ZF_OK)
		zf_cbl_lexer_free(lx);
	return status;
}

/* See cbl_lexer.h. */
void
zf_cbl_lexer_free(cbl_lexer *lx)
{
	free(lx->buf);
	free(lx->src);
	free(lx->line_start);
	lx->buf = NULL;
	lx->src = NULL;
	lx->line_start = NULL;
	lx->n = lx->cap = 0;
}

/* See cbl_lexer.h. */
void
zf_cbl_position(const cbl_lexer *lx, size_t pos, int *line, int *column)
{
	uint32_t	off;
	int			lo = 0;
	int			hi = lx->nlines - 1;

	if (lx->n == 0)
	{
		*line = 1;
		*column = 1;
		return;
	}
	off = pos < lx->n ? lx->src[pos] : lx->src[lx->n - 1] + 1;
	while (lo < hi)
	{
		int			mid = (lo + hi + 1) / 2;

		if (lx->line_start[mid] <= off)
			lo = mid;
		else
			hi = mid - 1;
	}
	*line = lo + 1;
	*column = (int) (off - lx->line_start[lo]) + 1;
}

/* True for a separator space (TABs and line ends were made blanks). */
static bool
is_space(char c)
{
	return c == ' ';
}

/* The separator comma or semicolon: followed by a space or the end. */
static bool
is_sep_punct(const cbl_lexer *lx, size_t i)
{
	return (lx->buf[i] == ',' || lx->buf[i] == ';') &&
		(i + 1 >= lx->n || is_space(lx->buf[i + 1]));
}

/* A separator period: followed by a space or the end. */
static bool
is_sep_period(const cbl_lexer *lx, size_t i)
{
	return lx->buf[i] == '.' && (i + 1 >= lx->n || is_space(lx->buf[i + 1]));
}

/* Read a quoted literal starting at i (the quote); sets *end past it. */
static zf_status
scan_literal(cbl_lexer *lx, size_t i, size_t *end)
{
	char		q = lx->buf[i];

	for (i++; i < lx->n; i++)
	{
		if (lx->buf[i] == q)
		{
			if (i + 1 < lx->n && lx->buf[i + 1] == q)
			{
				i++;
				continue;
			}
			*end = i + 1;
			return ZF_OK;
		}
	}
	{
		int			line,
					col;

		zf_cbl_position(lx, i - 1, &line, &col);
		zf_error_set(lx->err, ZF_E_SYNTAX, "literal is not closed");
		zf_error_at(lx->err, line, col);
	}
	return ZF_E_SYNTAX;
}

/* See cbl_lexer.h. */
zf_status
zf_cbl_next(cbl_lexer *lx, cbl_token *tok)
{
	size_t		i = lx->pos;
	size_t		start;

	while (i < lx->n && (is_space(lx->buf[i]) || is_sep_punct(lx, i)))
		i++;
	tok->pos = i;
	tok->text = lx->buf ? lx->buf + i : "";	/* no text at all: no buffer */
	tok->len = 0;
	if (i >= lx->n)
	{
		tok->kind = CBL_EOF;
		lx->pos = i;
		return ZF_OK;
	}
	if (is_sep_period(lx, i))
	{
		tok->kind = CBL_PERIOD;
		tok->len = 1;
		lx->pos = i + 1;
		return ZF_OK;
	}
	start = i;
	if (lx->buf[i] == '\'' || lx->buf[i] == '"')
	{
		size_t		end;
		zf_status	s = scan_literal(lx, i, &end);

		if (s != ZF_OK)
			return s;
		tok->kind = CBL_LITERAL;
		tok->len = end - start;
		lx->pos = end;
		return ZF_OK;
	}
	while (i < lx->n && !is_space(lx->buf[i]) && !is_sep_period(lx, i) &&
		   !is_sep_punct(lx, i))
	{
		if (lx->buf[i] == '\'' || lx->buf[i] == '"')
		{
			size_t		plen = i - start;
			const char *p = lx->buf + start;

			/* X'..', N'..', G'..', NX'..', Z'..' literals */
			if ((plen == 1 && strchr("XxNnGgZz", p[0]) != NULL) ||
				(plen == 2 && toupper((unsigned char) p[0]) == 'N' &&
				 toupper((unsigned char) p[1]) == 'X'))
			{
				size_t		end;
				zf_status	s = scan_literal(lx, i, &end);

				if (s != ZF_OK)
					return s;
				tok->kind = CBL_LITERAL;
				tok->len = end - start;
				lx->pos = end;
				return ZF_OK;
			}
			break;				/* a word ends before a quote */
		}
		i++;
	}
	tok->kind = CBL_WORD;
	tok->len = i - start;
	lx->pos = i;
	return ZF_OK;
}

/* See cbl_lexer.h. */
bool
zf_cbl_is(const cbl_token *tok, const char *w)
{
	size_t		n = strlen(w);

	if (tok->kind != CBL_WORD || tok->len != n)
		return false;
	for (size_t i = 0; i < n; i++)
		if (toupper((unsigned char) tok->text[i]) != w[i])
			return false;
	return true;
}
