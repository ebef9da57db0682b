/*-------------------------------------------------------------------------
 *
 * copybook_write.h
 *	  Write a COBOL copybook: one 01-level record of elementary items,
 *	  in fixed format (area A at column 8, area B at 12, nothing past 72).
 *
 * The items are what a lossless layout of a table's columns needs:
 * alphanumeric text, packed decimals of a precision and scale, binary
 * integers of their full range (COMP-5) and long floating point (COMP-2).
 * Names are made COBOL words (upper case, '_' as '-', at most 30
 * characters); a name that cannot be one is ZF_E_ARG.
 *
 *-------------------------------------------------------------------------
 */
#ifndef ZF_COPYBOOK_WRITE_H
#define ZF_COPYBOOK_WRITE_H

#include "base/status.h"

typedef enum zf_cb_item_kind
{
	ZF_CB_ALNUM = 0,			/* PIC X(length) */
	ZF_CB_PACKED,				/* PIC S9(digits - scale)V9(scale) COMP-3 */
	ZF_CB_ZONED_DATE,			/* PIC 9(8): a date as YYYYMMDD */
	ZF_CB_BINARY,				/* PIC S9(digits) COMP-5, length 2, 4 or 8 */
	ZF_CB_DOUBLE				/* COMP-2 */
} zf_cb_item_kind;

typedef struct zf_cb_item
{
	const char *name;			/* the column name */
	zf_cb_item_kind kind;
	uint32_t	length;			/* ALNUM: bytes */
	int			digits;			/* PACKED: precision; BINARY: 4, 9 or 18 */
	int			scale;			/* PACKED: digits after the point */
	const char *comment;		/* a comment line before the item, or NULL */
} zf_cb_item;

/*
 * The copybook text of record "record" with items in order, into buf
 * (cap bytes, NUL-terminated); *len its length.  ZF_E_ARG for a name that
 * is no COBOL word or a bad item, ZF_E_LIMIT when buf is too small.
 */
extern zf_status zf_copybook_write(const char *record, const zf_cb_item *items,
								   int nitems, char *buf, size_t cap,
								   size_t *len, zf_error *err);

/* Bytes zf_copybook_write needs at most for nitems items. */
extern size_t zf_copybook_write_bound(const zf_cb_item *items, int nitems);

#endif							/* ZF_COPYBOOK_WRITE_H */
