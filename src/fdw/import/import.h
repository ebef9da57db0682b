/*-------------------------------------------------------------------------
 *
 * import.h
 *	  IMPORT FOREIGN SCHEMA helpers shared by the copybook and punch
 *	  importers.
 *
 *-------------------------------------------------------------------------
 */
#ifndef ZFDW_IMPORT_H
#define ZFDW_IMPORT_H

#include "zfdw.h"

#include "nodes/parsenodes.h"

extern bool zfdw_is_import_only_option(const char *name);
extern void zfdw_validate_import_options(List *options);
extern void zfdw_import_check_file_option(const char *option);
extern bool zfdw_import_wanted(ImportForeignSchemaStmt *stmt, const char *name);
extern char *zfdw_import_table_sql(ImportForeignSchemaStmt *stmt,
								   const char *server, const zf_layout *L,
								   int32 rec, const char *table_name,
								   List *table_options,
								   const char *extra_columns);

/* import_punch.c */
extern List *zfdw_import_punch(ImportForeignSchemaStmt *stmt,
							   const char *server, List *options);

#endif							/* ZFDW_IMPORT_H */
