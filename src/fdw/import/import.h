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

/* foreign_table_sql.c: the text of one CREATE FOREIGN TABLE */
typedef struct ZfForeignTableSql
{
	StringInfoData buf;
	int			ncolumns;		/* columns added so far */
} ZfForeignTableSql;

extern void zfdw_ftsql_begin(ZfForeignTableSql *b, const char *schema,
							 const char *table);
extern void zfdw_ftsql_column(ZfForeignTableSql *b, const zf_layout *L,
							  int32 rec, int32 field, const char *name,
							  const char *type, bool not_null);
extern char *zfdw_ftsql_finish(ZfForeignTableSql *b, const char *server,
							   List *options);
extern bool zfdw_name_taken(List *used, const char *name);

/* import_punch.c */
extern List *zfdw_import_punch(ImportForeignSchemaStmt *stmt,
							   const char *server, List *options);

/* import_delimited.c */
extern List *zfdw_import_delimited(ImportForeignSchemaStmt *stmt,
								   const char *server, List *options,
								   List *server_options);

#endif							/* ZFDW_IMPORT_H */
