/*-------------------------------------------------------------------------
 *
 * status.c
 *	  Error values for the core: set, annotate, render bytes in hex.
 *
 *-------------------------------------------------------------------------
 */
#include "status.h"

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
	err->message[0] = '\0';
	err->detail[0] = '\0';
	err->hint[0] = '\0';
}

/* Record a failure with its primary message; returns status for chaining. */
zf_status
zf_error_set(zf_error *err, zf_status status, const char *fmt,...)
{
	va_list		ap;

	if (err == NULL)
		return status;
	zf_error_clear(err);
	err->status = status;
	va_start(ap, fmt);
	vsnprintf(err->message, sizeof(err->message), fmt, ap);
	va_end(ap);
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
	vsnprintf(err->detail, sizeof(err->detail), fmt, ap);
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
	vsnprintf(err->hint, sizeof(err->hint), fmt, ap);
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
