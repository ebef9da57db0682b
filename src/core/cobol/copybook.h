/*-------------------------------------------------------------------------
 *
 * copybook.h
 *	  COBOL copybook parser: data description entries into a zf_layout.
 *
 * Accepts what IBM Enterprise COBOL accepts in a record description:
 * fixed format (sequence area in columns 1-6, indicator in column 7 with
 * '*' and '/' comments, '-' continuation, 'D' debugging lines, columns
 * 73-80 ignored) and free format; levels 01-49, 66 RENAMES, 77, 88
 * (ignored); PICTURE with X A 9 S V P, repeat counts and editing symbols;
 * USAGE DISPLAY, COMP, COMP-1..COMP-5, BINARY, PACKED-DECIMAL, DISPLAY-1,
 * NATIONAL, INDEX, POINTER; PIC G and N; SIGN [IS] LEADING|TRAILING
 * [SEPARATE [CHARACTER]]; OCCURS n [TIMES] and OCCURS m TO n [TIMES]
 * DEPENDING ON x, nested; REDEFINES; FILLER; VALUE, JUSTIFIED, BLANK WHEN
 * ZERO, INDEXED BY, ASCENDING/DESCENDING KEY, SYNCHRONIZED accepted.
 *
 * A COPY or REPLACE statement, or anything not understood, is ZF_E_SYNTAX
 * naming line and column: the parser never guesses.
 *
 *-------------------------------------------------------------------------
 */
#ifndef ZF_COPYBOOK_H
#define ZF_COPYBOOK_H

#include "layout/layout.h"

typedef enum zf_source_format
{
	ZF_FORMAT_AUTO = 0,			/* fixed unless the text is clearly free */
	ZF_FORMAT_FIXED,
	ZF_FORMAT_FREE
} zf_source_format;

typedef struct zf_copybook_opts
{
	zf_source_format format;
	bool		pic_n_dbcs;		/* NSYMBOL(DBCS): PIC N means DBCS, not
								 * UTF-16 NATIONAL */
	bool		allow_larger_redefines; /* a redefining item below level 01
										 * may be larger than the item it
										 * redefines; the area grows to the
										 * largest (cb2xml, Cobrix; IBM
										 * rejects it: false by default) */
	int			dialect;		/* zf_dialect (cobol/usage.h): binary sizes
								 * and byte orders; 0 is IBM */
	zf_limits	limits;
} zf_copybook_opts;

extern void zf_copybook_opts_init(zf_copybook_opts *opts);

/*
 * Parse copybook text into a new layout with one record definition per
 * 01-level (or 77-level) item.  A copybook that starts below level 01
 * (e.g. at 05) gets one record definition named after its first item.
 */
extern zf_layout *zf_copybook_parse(const char *text, size_t len,
									const zf_copybook_opts *opts,
									zf_error *err);

/*
 * What a PICTURE string says, for copybook.c and for the fdw's column
 * option "pic".
 */
typedef struct zf_picture
{
	zf_kind		kind;			/* ALNUM, ZONED (numeric), EDITED, DBCS,
								 * NATIONAL */
	uint32_t	size;			/* character positions (DISPLAY bytes) */
	uint16_t	digits;			/* digit positions (9s) */
	int16_t		scale;			/* see zf_field.scale */
	bool		is_signed;		/* S present */
	bool		alphabetic;		/* only A (and B) */
} zf_picture;

extern zf_status zf_picture_parse(const char *pic, size_t len,
								  zf_picture *out, zf_error *err);

#endif							/* ZF_COPYBOOK_H */
