/*-------------------------------------------------------------------------
 *
 * binding_int.h
 *	  Declarations shared by the files that open a foreign table: load
 *	  its layout and bind its columns; the rest of the fdw uses zfdw.h.
 *
 * The binding is split by concern:
 *	  binding.c			column binding: types, conversions, reinterpreted
 *						fields, meta columns, the key column,
 *						zfdw_open_table
 *	  layout_load.c		layout files, limits, layouts of explicit columns
 *	  punch_binding.c	what a punch says for a table and its fields
 *	  segments.c		the segment filter and the key option
 *
 *-------------------------------------------------------------------------
 */
#ifndef ZFDW_BINDING_INT_H
#define ZFDW_BINDING_INT_H

#include "zfdw.h"

/* layout_load.c */
extern void zfdw_free_with_context(MemoryContextCallbackFunction fn,
								   void *arg);
extern void zfdw_explicit_field(const char *attname,
								const ZfColumnOptions *co, zf_field *f);

/* punch_binding.c */
extern void zfdw_punch_table_defaults(ZfTable *t);
extern void zfdw_bind_punch_field(ZfTable *t, ZfColumn *col,
								  const ZfColumnOptions *co);

/* segments.c */
extern void zfdw_bind_segment(ZfTable *t);
extern void zfdw_bind_keys(ZfTable *t);

#endif							/* ZFDW_BINDING_INT_H */
