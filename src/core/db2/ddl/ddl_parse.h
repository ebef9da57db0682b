/*-------------------------------------------------------------------------
 *
 * ddl_parse.h
 *	  The DB2 DDL parser's statement functions and its state across
 *	  statements (ddl_parse.c, ddl_parse_stmt.c, ddl_parse_table.c).
 *
 *-------------------------------------------------------------------------
 */
#ifndef ZF_DDL_PARSE_H
#define ZF_DDL_PARSE_H

#include "db2/ddl/ddl_int.h"

/* What SET CURRENT SQLID / SCHEMA said so far. */
typedef struct ddl_parse_state
{
	const char *sqlid;
	const char *schema;
} ddl_parse_state;

extern zf_status zf_ddl_parse_table_stmt(ddl_cur *c, ddl_parse_state *ps);
extern zf_status zf_ddl_parse_create_index(ddl_cur *c, ddl_parse_state *ps);
extern zf_status zf_ddl_parse_create_view(ddl_cur *c, ddl_parse_state *ps);
extern zf_status zf_ddl_parse_create_alias(ddl_cur *c, ddl_parse_state *ps);
extern zf_status zf_ddl_parse_create_sequence(ddl_cur *c, ddl_parse_state *ps);
extern zf_status zf_ddl_parse_create_type(ddl_cur *c, ddl_parse_state *ps);
extern zf_status zf_ddl_parse_alter_table(ddl_cur *c, ddl_parse_state *ps);
extern zf_status zf_ddl_parse_comment(ddl_cur *c, ddl_parse_state *ps);
extern zf_status zf_ddl_parse_set(ddl_cur *c, ddl_parse_state *ps);
extern zf_status zf_ddl_parse_drop(ddl_cur *c, ddl_parse_state *ps);
extern zf_status zf_ddl_parse_rename(ddl_cur *c, ddl_parse_state *ps);

/* The model table a (possibly unqualified) name refers to, or NULL. */
extern ddl_table *zf_ddl_model_lookup(ddl_cur *c, const ddl_name *n);

#endif							/* ZF_DDL_PARSE_H */
