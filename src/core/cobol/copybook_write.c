/*-------------------------------------------------------------------------
 *
 * copybook_write.c
 *	  Write a fixed-format COBOL copybook from a list of elementary items
 *	  (the layout zfdw.copybook_for() derives from a query's columns).
 *
 *-------------------------------------------------------------------------
 */
#include "cobol/copybook_write.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#define COBOL_WORD_MAX	30

/* Output state: a buffer and what went wrong. */
typedef struct out_buf
{
	char	   *buf;
	size_t		cap;
	size_t		len;
	bool		full;
} out_buf;

static void
put(out_buf *o, const char *fmt,...)
__attribute__((format(printf, 2, 3)));

/* Append formatted text, noting overflow. */
static void
put(out_buf *o, const char *fmt,...)
{
	va_list		ap;
	int			n;

	if (o->full)
		return;
	va_start(ap, fmt);
	n = vsnprintf(o->buf + o->len, o->cap - o->len, fmt, ap);
	va_end(ap);
	if (n < 0 || (size_t) n >= o->cap - o->len)
	{
		o->full = true;
		return;
	}
	o->len += (size_t) n;
}

/*
 * name as a COBOL word into dst: letters, digits and hyphens, upper case,
 * '_' as '-', at most 30 characters, not starting or ending with a
 * hyphen, with a letter somewhere.
 */
static zf_status
cobol_word(const char *name, char *dst, zf_error *err)
{
	size_t		n = strlen(name);
	bool		letter = false;

	if (n == 0 || n > COBOL_WORD_MAX)
		return zf_error_set(err, ZF_E_ARG,
							"name \"%s\" is not a COBOL word: it must have 1 to %d characters",
							name, COBOL_WORD_MAX);
	for (size_t i = 0; i < n; i++)
	{
		unsigned char c = (unsigned char) name[i];

		if (c == '_' || c == '-')
			dst[i] = '-';
		else if (isascii(c) && isalnum(c))
		{
			dst[i] = (char) toupper(c);
			letter |= isalpha(c) != 0;
		}
		else
			return zf_error_set(err, ZF_E_ARG,
								"name \"%s\" is not a COBOL word: only letters, digits, '_' and '-' can be used",
								name);
	}
	dst[n] = '\0';
	if (!letter || dst[0] == '-' || dst[n - 1] == '-')
		return zf_error_set(err, ZF_E_ARG,
							"name \"%s\" is not a COBOL word: it needs a letter and cannot start or end with '_' or '-'",
							name);
	return ZF_OK;
}

size_t
zf_copybook_write_bound(const zf_cb_item *items, int nitems)
{
	size_t		n = 256;

	for (int i = 0; i < nitems; i++)
		n += 128 + (items[i].comment ? strlen(items[i].comment) + 16 : 0);
	return n;
}

zf_status
zf_copybook_write(const char *record, const zf_cb_item *items, int nitems,
				  char *buf, size_t cap, size_t *len, zf_error *err)
{
	out_buf		o = {buf, cap, 0, false};
	char		word[COBOL_WORD_MAX + 1];
	zf_status	st;

	if (cap == 0)
		return zf_error_set(err, ZF_E_LIMIT, "no room for a copybook");
	buf[0] = '\0';
	st = cobol_word(record, word, err);
	if (st != ZF_OK)
		return st;
	put(&o, "       01  %s.\n", word);
	for (int i = 0; i < nitems; i++)
	{
		const zf_cb_item *it = &items[i];
		char		pic[64];

		st = cobol_word(it->name, word, err);
		if (st != ZF_OK)
			return st;
		switch (it->kind)
		{
			case ZF_CB_ALNUM:
				if (it->length == 0)
					return zf_error_set(err, ZF_E_ARG, "item %s has no length", word);
				snprintf(pic, sizeof(pic), "PIC X(%u)", it->length);
				break;
			case ZF_CB_PACKED:
				if (it->digits < 1 || it->digits > 31 || it->scale < 0 || it->scale > it->digits)
					return zf_error_set(err, ZF_E_ARG,
										"item %s: precision %d and scale %d cannot be a packed decimal",
										word, it->digits, it->scale);
				if (it->scale == 0)
					snprintf(pic, sizeof(pic), "PIC S9(%d) COMP-3", it->digits);
				else if (it->scale == it->digits)
					snprintf(pic, sizeof(pic), "PIC SV9(%d) COMP-3", it->scale);
				else
					snprintf(pic, sizeof(pic), "PIC S9(%d)V9(%d) COMP-3",
							 it->digits - it->scale, it->scale);
				break;
			case ZF_CB_ZONED_DATE:
				snprintf(pic, sizeof(pic), "PIC 9(8)");
				break;
			case ZF_CB_BINARY:
				if (it->digits != 4 && it->digits != 9 && it->digits != 18)
					return zf_error_set(err, ZF_E_ARG, "item %s: binary of %d digits", word, it->digits);
				snprintf(pic, sizeof(pic), "PIC S9(%d) COMP-5", it->digits);
				break;
			case ZF_CB_DOUBLE:
				snprintf(pic, sizeof(pic), "COMP-2");
				break;
			default:
				return zf_error_set(err, ZF_E_ARG, "item %s of an unknown kind", word);
		}
		if (it->comment)
			put(&o, "      * %.*s\n", 64, it->comment);
		/* area B at column 12; the clause after the name, at column 40 */
		put(&o, "           05  %-24s %s.\n", word, pic);
	}
	if (o.full)
		return zf_error_set(err, ZF_E_LIMIT, "the copybook does not fit %zu bytes", cap);
	*len = o.len;
	return ZF_OK;
}
