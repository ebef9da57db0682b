/*-------------------------------------------------------------------------
 *
 * status.c
 *	  Error values for the core: set, annotate, render bytes in hex.
 *
 *-------------------------------------------------------------------------
 */
#include "base/status.h"
#include "text/utf8.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

/* Reset an error so that a caller can reuse it. */
void
zf_error_clear(zf_error *err)
{
	if (err == NULL)
		return;
	err->status = ZF_OK;
	err->line = 0;
	err->column = 0;
	err->offset = -1;
	err->sys_errno = 0;
	err->limit = ZF_LIMIT_NONE;
	err->message[0] = '\0';
	err->detail[0] = '\0';
	err->hint[0] = '\0';
}

/*
 * Keep an error text valid UTF-8, as PostgreSQL's messages must be: the
 * texts quote user input (copybook tokens, data characters), which may be
 * any bytes, and vsnprintf may cut a multibyte character at the end of the
 * buffer.  A byte that does not start a well-formed character becomes '?';
 * a character cut at the end is dropped.
 */
static void
utf8_sanitize(char *text)
{
	uint8_t    *s = (uint8_t *) text;
	size_t		n = strlen(text);
	size_t		i = 0;

	while (i < n)
	{
		uint32_t	cp;
		int			k;
		size_t		cont = 0;

		if (s[i] < 0x80)
		{
			i++;
			continue;
		}
		k = utf8_next(s + i, n - i, &cp);
		if (k > 0)
		{
			i += (size_t) k;
			continue;
		}
		/* a well-begun character whose end was cut off with the text */
		while (i + 1 + cont < n && (s[i + 1 + cont] & 0xC0) == 0x80)
			cont++;
		if (i + 1 + cont == n && s[i] >= 0xC2 && s[i] <= 0xF4 &&
			cont + 1 < (s[i] >= 0xF0 ? 4u : s[i] >= 0xE0 ? 3u : 2u))
		{
			s[i] = '\0';
			return;
		}
		s[i++] = '?';
	}
}

/*
 * vsnprintf into a message buffer; text cut by the buffer's size ends with
 * an ellipsis character, so a message never ends in the middle of a
 * quoted name as though it were whole.
 */
static void format_text(char *dst, size_t size, const char *fmt, va_list ap)
			__attribute__((format(printf, 3, 0)));

static void
format_text(char *dst, size_t size, const char *fmt, va_list ap)
{
	int			n = vsnprintf(dst, size, fmt, ap);

	if (n >= 0 && (size_t) n >= size && size > 4)
	{
		size_t		cut = size - 4;

		while (cut > 0 && ((uint8_t) dst[cut] & 0xC0) == 0x80)
			cut--;				/* not inside a UTF-8 character */
		memcpy(dst + cut, "\xE2\x80\xA6", 4);	/* U+2026 and the NUL */
	}
	utf8_sanitize(dst);
}

/* Record a failure with its primary message; returns status for chaining. */
zf_status
zf_error_set(zf_error *err, zf_status status, const char *fmt,...)
{
	va_list		ap;

	va_start(ap, fmt);
	zf_error_setv(err, status, fmt, ap);
	va_end(ap);
	return status;
}

/* See status.h: zf_error_set with a va_list. */
zf_status
zf_error_setv(zf_error *err, zf_status status, const char *fmt, va_list ap)
{
	if (err == NULL)
		return status;
	zf_error_clear(err);
	err->status = status;
	format_text(err->message, sizeof(err->message), fmt, ap);
	return status;
}

/* Add (replace) the detail line of an error already set. */
void
zf_error_detail(zf_error *err, const char *fmt,...)
{
	va_list		ap;

	if (err == NULL)
		return;
	va_start(ap, fmt);
	format_text(err->detail, sizeof(err->detail), fmt, ap);
	va_end(ap);
}

/* Add (replace) the hint line of an error already set. */
void
zf_error_hint(zf_error *err, const char *fmt,...)
{
	va_list		ap;

	if (err == NULL)
		return;
	va_start(ap, fmt);
	format_text(err->hint, sizeof(err->hint), fmt, ap);
	va_end(ap);
}

/* Record the source position (parsers). */
void
zf_error_at(zf_error *err, int line, int column)
{
	if (err == NULL)
		return;
	err->line = line;
	err->column = column;
}

/* Name the configured bound a limit error is about. */
void
zf_error_limit(zf_error *err, zf_limit_kind kind)
{
	if (err == NULL)
		return;
	err->limit = kind;
}

/*
 * Render up to max_bytes of p as upper-case hex pairs separated by blanks.
 * Used in every data error so the user sees the offending bytes.
 */
void
zf_hex(char *dst, size_t dstlen, const uint8_t *p, size_t n, size_t max_bytes)
{
	static const char digits[] = "0123456789ABCDEF";
	size_t		shown = n < max_bytes ? n : max_bytes;
	size_t		pos = 0;

	if (dstlen == 0)
		return;
	for (size_t i = 0; i < shown; i++)
	{
		if (pos + 4 >= dstlen)
			break;
		if (i > 0)
			dst[pos++] = ' ';
		dst[pos++] = digits[p[i] >> 4];
		dst[pos++] = digits[p[i] & 0x0F];
	}
	if (shown < n && pos + 4 < dstlen)
	{
		memcpy(dst + pos, " ...", 4);
		pos += 4;
	}
	dst[pos] = '\0';
}

/* Short names, used by tests and in messages of the fdw layer. */
const char *
zf_status_name(zf_status status)
{
	switch (status)
	{
		case ZF_OK:
			return "ok";
		case ZF_EOF:
			return "end of file";
		case ZF_E_BAD_DATA:
			return "invalid data";
		case ZF_E_OVERFLOW:
			return "overflow";
		case ZF_E_SYNTAX:
			return "syntax error";
		case ZF_E_UNSUPPORTED:
			return "not supported";
		case ZF_E_FRAMING:
			return "broken record framing";
		case ZF_E_IO:
			return "i/o error";
		case ZF_E_LIMIT:
			return "limit exceeded";
		case ZF_E_NOMEM:
			return "out of memory";
		case ZF_E_CODEPAGE:
			return "code page error";
		case ZF_E_ARG:
			return "invalid argument";
	}
	return "unknown status";
}
