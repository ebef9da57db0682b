/*-------------------------------------------------------------------------
 *
 * layout_int.h
 *	  Internals shared by layout.c, layout_query.c, layout_cursor.c,
 *	  layout_pack.c and copybook.c.  Not part of the API the fdw uses.
 *
 *-------------------------------------------------------------------------
 */
#ifndef ZF_LAYOUT_INT_H
#define ZF_LAYOUT_INT_H

#include "layout/layout.h"

/* Flags for zf_layout_finish_ex. */
#define ZF_FINISH_LARGER_REDEFINES	0x01	/* a redefining item below level
											 * 01 may be larger: the area
											 * grows (cb2xml, Cobrix) */
#define ZF_FINISH_SYNC_GNUCOBOL		0x02	/* SYNCHRONIZED as GnuCOBOL and
											 * Micro Focus place it (see
											 * layout_finish.c), not IBM */

/*
 * zf_layout_finish with options; on failure *bad_field (when not NULL)
 * names the field the error is about, or -1, so that a parser can add the
 * source line of that field to the error.
 */
extern zf_status zf_layout_finish_ex(zf_layout *L, const zf_limits *lim,
									 unsigned flags, int32_t *bad_field,
									 zf_error *err);

/*
 * Per field, whether its size (size_var) or its offset (offset_var)
 * depends on the record's bytes; both arrays have nfields zeroed entries.
 */
extern void zf_layout_variability(const zf_layout *L, bool *size_var,
								  bool *offset_var);

/* Bytes of all occurrences of a field in the static layout. */
static inline uint64_t
zf_field_total(const zf_field *f)
{
	return (uint64_t) f->length * (f->occurs_max > 0 ? f->occurs_max : 1);
}

/* True for a varying field whose actual size is read from its prefix. */
static inline bool
zf_field_is_nopad(const zf_field *f)
{
	return f->nopad && f->length_prefix > 0 &&
		(f->kind == ZF_KIND_VARCHAR || f->kind == ZF_KIND_VARGRAPHIC ||
		 f->kind == ZF_KIND_LOB || f->kind == ZF_KIND_BYTES ||
		 f->kind == ZF_KIND_LOB_FILE);
}

/* True for a 66-level item: it names a range, it takes no storage. */
static inline bool
zf_field_is_renames(const zf_field *f)
{
	return f->renames_first >= 0;
}

/*
 * For layout_pack.c: set the byte budget of the layout's memory, and make
 * malloc'd arrays of fields and record definitions the layout's own (an
 * empty layout's; false when out of memory, the arrays then the caller's).
 */
extern void zf_layout_set_budget(zf_layout *L, size_t bytes);
extern bool zf_layout_adopt(zf_layout *L, zf_field *fields, int32_t nfields,
							zf_recdef *records, int32_t nrecords);

/* Case-insensitive comparison of COBOL names, '-' and '_' alike. */
extern bool zf_name_equal(const char *a, const char *b);

#endif							/* ZF_LAYOUT_INT_H */
