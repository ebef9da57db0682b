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
 *	  layout_load.c		layout files, limits, layouts of explicit columns,
 *						the parse of a copybook or punch
 *	  layout_cache.c	the parsed layouts of the backend, shared by
 *						its scans as long as their sources stay the same
 *	  punch_binding.c	what a punch says for a table and its fields
 *	  segments.c		the segment filter and the key option
 *
 *-------------------------------------------------------------------------
 */
#ifndef ZFDW_BINDING_INT_H
#define ZFDW_BINDING_INT_H

#include "zfdw.h"

#include "cobol/copybook.h"
#include "db2/ddl/db2ddl.h"

/*
 * What the parse of a table's copybook or punch depends on besides its
 * texts (the layout cache compares it).
 */
typedef struct ZfParseSettings
{
	bool		punch;			/* a punch, else a copybook */
	zf_copybook_opts copybook;	/* a copybook's options; the limits of both */
} ZfParseSettings;

/* The texts a copybook or punch layout is parsed from. */
typedef struct ZfLayoutTexts
{
	const char *layout;			/* the copybook or punch */
	const char *ddl;			/* the punch's DB2 DDL, or NULL */
} ZfLayoutTexts;

/* A parsed copybook or punch, shared and never written (layout_cache.c). */
typedef struct ZfParsedLayout
{
	zf_layout  *layout;
	zf_db2_script *ddl;			/* the punch's DDL, or NULL (and always in
								 * a parallel worker) */
} ZfParsedLayout;

/* layout_cache.c */
extern const ZfParsedLayout *zfdw_layout_acquire(const ZfTableOptions *opts,
												 Oid relid,
												 const ZfPackedLayout *given);

/* layout_load.c */
extern void zfdw_parse_settings(const ZfTableOptions *opts,
								ZfParseSettings *ps);
extern void zfdw_parse_layout(const ZfParseSettings *ps,
							  const ZfTableOptions *opts, Oid relid,
							  const ZfLayoutTexts *texts, zf_layout **layout,
							  zf_db2_script **ddl);
extern void zfdw_free_with_context(MemoryContextCallbackFunction fn,
								   void *arg);
extern void zfdw_explicit_field(const char *attname,
								const ZfColumnOptions *co, zf_field *f);

/* punch_binding.c */
extern void zfdw_punch_table_defaults(ZfTable *t);
extern void zfdw_punch_own_layout(ZfTable *t);
extern void zfdw_bind_punch_field(ZfTable *t, ZfColumn *col,
								  const ZfColumnOptions *co);

/* segments.c */
extern void zfdw_bind_segment(ZfTable *t);
extern void zfdw_bind_keys(ZfTable *t);

#endif							/* ZFDW_BINDING_INT_H */
