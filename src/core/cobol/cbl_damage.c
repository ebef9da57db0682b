/*-------------------------------------------------------------------------
 *
 * cbl_damage.c
 *	  Hints for copybooks damaged on their way from the mainframe: a
 *	  comment '*' in the wrong column, sequence numbers read as program
 *	  text, tabs that moved columns, a missing separator period.
 *
 * Called when a copybook does not parse and the error has no hint of
 * its own; it looks at the source line the error points at (and at the
 * whole text for tabs and long lines) and names the likely damage and
 * its fix.  Lower case and a missing period after the last entry need no
 * hint: the parser accepts both.
 *
 *-------------------------------------------------------------------------
 */
#include "cobol/copybook.h"
#include "cobol/cbl_parser.h"

#include <stdio.h>
#include <string.h>

/* The bounds of 1-based line ln of text: [*start, *end). */
static bool
line_bounds(const char *text, size_t len, int ln, size_t *start, size_t *end)
{
	size_t		s = 0;

	for (int i = 1; i < ln; i++)
	{
		const char *nl = memchr(text + s, '\n', len - s);

		if (nl == NULL)
			return false;
		s = (size_t) (nl - text) + 1;
	}
	*start = s;
	*end = s;
	while (*end < len && text[*end] != '\n')
		(*end)++;
	if (*end > s && text[*end - 1] == '\r')
		(*end)--;
	return true;
}

/*
 * The 1-based number of the first line with a tab whose text, tabs
 * expanded to stops every 8 columns, runs past column 72; or 0.
 */
static int
tab_past_72(const char *text, size_t len)
{
	int			ln = 1;
	int			col = 0;
	bool		tab = false;

	for (size_t i = 0; i < len; i++)
	{
		char		c = text[i];

		if (c == '\n')
		{
			ln++;
			col = 0;
			tab = false;
			continue;
		}
		if (c == '\t')
		{
			tab = true;
			col = (col / 8 + 1) * 8;
		}
		else
			col++;
		if (tab && col > 72 && c != ' ' && c != '\r')
			return ln;
	}
	return 0;
}

/* The 1-based line number of the first line longer than 80 columns, or 0. */
static int
first_long_line(const char *text, size_t len)
{
	size_t		s = 0;
	int			ln = 1;

	while (s < len)
	{
		const char *nl = memchr(text + s, '\n', len - s);
		size_t		e = nl ? (size_t) (nl - text) : len;
		size_t		n = e - s;

		if (n > 0 && text[e - 1] == '\r')
			n--;
		if (n > 80)
			return ln;
		if (nl == NULL)
			break;
		s = e + 1;
		ln++;
	}
	return 0;
}

void
zf_copybook_damage_hint(const char *text, size_t len, zf_error *err)
{
	size_t		s,
				e,
				first;
	int			col;
	int			digits = 0;
	int			tabline;

	if (err == NULL || err->status != ZF_E_SYNTAX || err->hint[0] != '\0' ||
		err->line <= 0 || text == NULL ||
		!line_bounds(text, len, err->line, &s, &e))
		return;
	first = s;
	while (first < e && (text[first] == ' ' || text[first] == '\t'))
		first++;
	col = (int) (first - s) + 1;

	/* a comment whose '*' is not in column 7 */
	if (first < e && text[first] == '*' && !(first + 1 < e && text[first + 1] == '>') &&
		col != 7 && memchr(text + s, '\t', first - s) == NULL)
	{
		zf_error_hint(err, "Line %d looks like a comment with its '*' in column %d: in fixed format "
					  "the '*' of a comment line stands in column 7, or the comment starts with '*>'.",
					  err->line, col);
		return;
	}
	/* sequence numbers in columns 1-6 read as program text */
	for (size_t i = s; i < e && i < s + 6 && text[i] >= '0' && text[i] <= '9'; i++)
		digits++;
	if (digits == 6 && err->column <= 6)
	{
		int			longl = first_long_line(text, len);

		if (longl > 0)
			zf_error_hint(err, "Columns 1-6 hold sequence numbers, but line %d is longer than 80 columns, so "
						  "the copybook was read as free format: cut its lines to 80 columns, or set copybook_format 'fixed'.",
						  longl);
		else
			zf_error_hint(err, "Columns 1-6 hold sequence numbers, which only fixed format ignores: "
						  "set copybook_format 'fixed'.");
		return;
	}
	/* tabs that pushed text past column 72, where fixed format cuts it */
	if ((tabline = tab_past_72(text, len)) > 0)
	{
		zf_error_hint(err, "Line %d has tabs, which are read as stops every 8 columns, and its text then runs "
					  "past column 72, where fixed format cuts it: replace the tabs with spaces.", tabline);
		return;
	}
	/* a level number where a clause or the period was expected */
	if (strstr(err->message, "or a period") != NULL && strstr(err->message, "found \"") != NULL)
	{
		const char *q = strstr(err->message, "found \"") + 7;
		int			n = 0;

		while (q[n] >= '0' && q[n] <= '9')
			n++;
		if (n >= 1 && n <= 2 && q[n] == '"')
		{
			zf_error_hint(err, "The entry before line %d may lack its separator period: every entry ends with '.'.",
						  err->line);
			return;
		}
	}
	/* tabs: expanded to every 8th column, which may not be the editor's */
	if (memchr(text, '\t', len) != NULL)
	{
		zf_error_hint(err, "The copybook has tabs, which are read as stops every 8 columns; if it was "
					  "edited with other tab stops, its columns moved: replace the tabs with spaces.");
		return;
	}
}
