/*-------------------------------------------------------------------------
 *
 * status.h
 *	  Error values for the PostgreSQL-free core of zfdw.
 *
 * The core never longjmps and never prints.  Every function that can fail
 * returns a zf_status and, when the caller passes a zf_error, fills it with
 * a message in PostgreSQL's style (lower case, no trailing period), an
 * optional detail and hint, and the position of the problem (line and column
 * for parsers, byte offset for data).  The fdw layer turns these into
 * ereport()s with a SQLSTATE chosen from the status.
 *
 * Hot decoders accept a NULL zf_error: then they only return the status, so
 * the per-field path never formats a string.
 *
 *-------------------------------------------------------------------------
 */
#ifndef ZF_STATUS_H
#define ZF_STATUS_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef enum zf_status
{
	ZF_OK = 0,
	ZF_EOF,						/* no more records: not an error */
	ZF_E_BAD_DATA,				/* bytes invalid for the field's type */
	ZF_E_OVERFLOW,				/* value does not fit the target */
	ZF_E_SYNTAX,				/* copybook, punch or DDL does not parse */
	ZF_E_UNSUPPORTED,			/* valid input that zfdw does not handle */
	ZF_E_FRAMING,				/* record framing broken: RDW, BDW, length */
	ZF_E_IO,					/* read error; sys_errno says why */
	ZF_E_LIMIT,					/* a configured limit was exceeded */
	ZF_E_NOMEM,					/* allocation failed */
	ZF_E_CODEPAGE,				/* unknown code page or unmappable bytes */
	ZF_E_ARG					/* invalid argument or option value */
} zf_status;

/*
 * Which configured bound a ZF_E_LIMIT error is about, so that the fdw can
 * name the setting that raises it without reading the message.
 */
typedef enum zf_limit_kind
{
	ZF_LIMIT_NONE = 0,			/* not a limit error, or a fixed bound (a
								 * PICTURE repeat count, nesting, DDL) */
	ZF_LIMIT_OCCURS,			/* occurrences of a table */
	ZF_LIMIT_FIELDS,			/* fields of a layout or of a record */
	ZF_LIMIT_SOURCE,			/* bytes of a copybook or punch text */
	ZF_LIMIT_RECORD_LENGTH		/* bytes of a record */
} zf_limit_kind;

#define ZF_MSG_LEN		256
#define ZF_DETAIL_LEN	512
#define ZF_HINT_LEN		256

typedef struct zf_error
{
	zf_status	status;
	int			line;			/* 1-based source line (parsers), 0 if none */
	int			column;			/* 1-based source column, 0 if none */
	int64_t		offset;			/* byte offset of the problem, -1 if none */
	int			sys_errno;		/* errno for ZF_E_IO, else 0 */
	zf_limit_kind limit;		/* for ZF_E_LIMIT: which bound, else NONE */
	char		message[ZF_MSG_LEN];
	char		detail[ZF_DETAIL_LEN];
	char		hint[ZF_HINT_LEN];
} zf_error;

/* Reset an error to "no error". */
extern void zf_error_clear(zf_error *err);

/*
 * Set status and message; returns the status so that callers can write
 * "return zf_error_set(err, ZF_E_BAD_DATA, "...", ...);".  err may be NULL.
 */
extern zf_status zf_error_set(zf_error *err, zf_status status,
							  const char *fmt,...)
			__attribute__((format(printf, 3, 4)));
/* The same with a va_list, for parsers' own error wrappers. */
extern zf_status zf_error_setv(zf_error *err, zf_status status,
							   const char *fmt, va_list ap)
			__attribute__((format(printf, 3, 0)));
extern void zf_error_detail(zf_error *err, const char *fmt,...)
			__attribute__((format(printf, 2, 3)));
extern void zf_error_hint(zf_error *err, const char *fmt,...)
			__attribute__((format(printf, 2, 3)));
extern void zf_error_at(zf_error *err, int line, int column);

/*
 * Say which configured bound a ZF_E_LIMIT error is about (zf_error_set
 * leaves it ZF_LIMIT_NONE).  err may be NULL.
 */
extern void zf_error_limit(zf_error *err, zf_limit_kind kind);

/*
 * Render bytes as "F1 F2 C3" into dst (always NUL-terminated).  At most
 * max_bytes bytes are shown; longer input ends with "...".
 */
extern void zf_hex(char *dst, size_t dstlen, const uint8_t *p, size_t n,
				   size_t max_bytes);

/* A short lower-case name for a status, for messages and tests. */
extern const char *zf_status_name(zf_status status);

#endif							/* ZF_STATUS_H */
