/*-------------------------------------------------------------------------
 *
 * ddl_write.h
 *	  The PostgreSQL writer's state and helpers, shared by ddl_write.c
 *	  (statements), ddl_write_table.c (tables, columns, constraints,
 *	  partitions), ddl_write_expr.c (names, literals, expressions) and
 *	  ddl_bounds.c (datetime and numeric constants).
 *
 *-------------------------------------------------------------------------
 */
#ifndef ZF_DDL_WRITE_H
#define ZF_DDL_WRITE_H

#include "db2/ddl/ddl_int.h"

/* What the writer knows about a PostgreSQL relation it has created. */
typedef struct wobj
{
	char		kind;			/* 't' table, 'v' view, 'm' materialized
								 * view, 's' sequence, 'd' domain, 'i' index */
	const char *qname;			/* PostgreSQL qualified name, quoted */
	const char *schema;			/* quoted schema, or NULL */
	const ddl_table *table;		/* CREATE TABLE statement */
	int			nextra;			/* columns added by ALTER TABLE */
	int			capextra;
	const ddl_column **extra;
	const char *pk_name;		/* quoted constraint name, or NULL */
	int			npk;
	const char **pk_cols;		/* DB2 column names */
	int			nuniq;			/* UNIQUE constraints (for index checks) */
	int			capuniq;
	const ddl_constraint **uniq;
	bool		partitioned;
	bool		has_views;		/* a view of this script reads it */
	int			nindexes;		/* unique indexes created on it */
	int			capindexes;
	struct windex *indexes;
} wobj;

/* A unique index the writer created, for ALTER TABLE ADD ... USING INDEX. */
typedef struct windex
{
	const ddl_index *ix;
	const char *name;			/* quoted, unqualified */
	bool		usable;			/* plain: ascending columns, not partial */
} windex;

/* Notes kept per statement; more are counted, not listed. */
#define MAX_NOTES	200

/* A unique index of a table, for the partitioning check. */
typedef struct wuniq
{
	const ddl_index *ix;
	struct wuniq *next;
} wuniq;

/* One note, possibly collected over several columns. */
typedef struct wnote
{
	const char *key;			/* aggregation key (static text), or NULL */
	const char *text;
	const char *singular;		/* "column" */
	const char *plural;			/* "columns" */
	int			count;			/* items noted */
	int			shown;			/* items in names */
	char		names[160];		/* the first few items */
} wnote;

struct ddl_writer
{
	const zf_db2_script *s;
	const zf_pg_options *o;
	zf_arena   *arena;			/* the result's memory */
	const ddl_stmt *stmt;
	ddl_buf		sql;			/* SQL of the current statement */
	int			nnotes;
	int			capnotes;
	int			notes_dropped;	/* beyond MAX_NOTES */
	wnote	   *notes;
	ddl_map		objects;		/* qname -> wobj */
	ddl_map		indexes;		/* DB2 index key -> PostgreSQL qname */
	ddl_map		schemas;		/* schemas already created */
	ddl_map		commented;		/* objects with COMMENT ON (LABEL loses) */
	ddl_map		pk_index;		/* table qname -> DB2 index giving the PK
								 * its name */
	ddl_map		uniq_indexes;	/* table qname -> wuniq list of its unique
								 * indexes (for partitioning) */
	ddl_map		aliases;		/* alias qname -> its table's qname */
	ddl_map		all_tables;		/* qname -> number of the last statement that
								 * creates it */
	ddl_map		pending_fks;	/* parent qname -> wpending list */
	ddl_map		uniq_name;		/* "qname\002cols" -> DB2 index that names
								 * an unnamed UNIQUE constraint */
	bool		oom;
};

/* ddl_write_expr.c: names */
extern const char *zf_ddlw_ident(ddl_writer *w, const char *db2name);
extern const char *zf_ddlw_pg_ident(ddl_writer *w, const char *pgname);
extern const char *zf_ddlw_schema_for(ddl_writer *w, const char *qual);
extern const char *zf_ddlw_qname(ddl_writer *w, const ddl_name *n);
extern const char *zf_ddlw_qname_in(ddl_writer *w, const char *schema, const char *name);
extern const char *zf_ddlw_db2_key(ddl_writer *w, const ddl_name *n);
extern bool zf_ddlw_is_creator(ddl_writer *w, const char *word);

/* ddl_write_expr.c: literals and expressions */
extern void zf_ddlw_literal(ddl_buf *b, const char *text);
extern void zf_ddlw_range_source(ddl_writer *w, ddl_buf *b, int first, int end);

typedef struct wrefs
{
	int			n;
	int			cap;
	const char **qnames;		/* relations a query reads */
} wrefs;

extern void zf_ddlw_expr(ddl_writer *w, ddl_buf *b, int first, int end,
				   wrefs *refs, bool keep_lines);

/* ddl_write.c: notes, objects, guards */
extern void zf_ddlw_note(ddl_writer *w, const char *fmt,...)
			__attribute__((format(printf, 2, 3)));
extern void zf_ddlw_note_always(ddl_writer *w, const char *fmt,...)
			__attribute__((format(printf, 2, 3)));
extern void zf_ddlw_note_col(ddl_writer *w, const char *key, const char *column);
extern void zf_ddlw_note_agg(ddl_writer *w, const char *key, const char *item,
					   const char *singular, const char *plural);
extern wobj *zf_ddlw_obj(ddl_writer *w, const char *qname);
extern wobj *zf_ddlw_add_obj(ddl_writer *w, const char *qname, char kind);
extern void zf_ddlw_create_schema(ddl_writer *w, const char *schema);
extern void zf_ddlw_guarded(ddl_writer *w, ddl_buf *out, const wrefs *missing,
					  const char *stmt_sql, const char *what);
extern void zf_ddlw_refs_add(ddl_writer *w, wrefs *r, const char *qname);
extern char zf_ddlw_emit_with_refs(ddl_writer *w, const wrefs *refs,
							 const char *stmt_sql, const char *what, char kind);
extern const char *zf_ddlw_table_qname(ddl_writer *w, const ddl_name *n);
extern const char *zf_ddlw_cols_key(ddl_writer *w, const char *qname, int n,
							  const char *const *cols);

/* A foreign key waiting for its parent table, created later. */
typedef struct wpending
{
	const char *sql;
	struct wpending *next;
} wpending;

extern void zf_ddlw_pending_fk(ddl_writer *w, const char *parent, const char *sql);
extern void zf_ddlw_flush_pending_fks(ddl_writer *w, const char *qname);

/* ddl_write_stmt.c */
extern void zf_ddlw_statement(ddl_writer *w, const ddl_stmt *st);
extern bool zf_ddlw_same_columns(const ddl_index *ix, int n, const char *const *cols);
extern const char *zf_ddlw_comment_key(ddl_writer *w, const char *qname,
								 const char *column);

/* ddl_write_table.c */
extern void zf_ddlw_create_table(ddl_writer *w, const ddl_table *t);
extern void zf_ddlw_type(ddl_writer *w, ddl_buf *b, const ddl_column *col,
				   bool identity);
extern void zf_ddlw_column_def(ddl_writer *w, ddl_buf *b, const ddl_column *col,
						 const char *table_qname, const char *pk_name,
						 ddl_buf *deferred);
extern void zf_ddlw_constraint(ddl_writer *w, ddl_buf *b, const ddl_constraint *con,
						 const char *table_qname, const char *pk_name,
						 bool column_form, ddl_buf *deferred);
extern void zf_ddlw_default_value(ddl_writer *w, ddl_buf *b, const ddl_column *col,
							int first, int end);
extern bool zf_ddlw_is_bytea(const zf_db2_column *c);
extern void zf_ddlw_seq_options(ddl_writer *w, ddl_buf *b, const ddl_seqopts *q,
						  const char *name);
extern const ddl_column *zf_ddlw_find_column(ddl_writer *w, const wobj *o,
									   const char *db2name);
extern void zf_ddlw_table_pk(const ddl_table *t, int *n, const char ***cols,
					   const char **name);
extern const char *zf_ddlw_index_name_free(ddl_writer *w, const char *qname,
									 const char *db2name);

/* ddl_bounds.c: DB2 datetime and decimal constants */
extern bool zf_ddl_date_parse(const char *s, int *y, int *m, int *d);
extern bool zf_ddl_time_parse(const char *s, int *h, int *mi, int *sec);
extern bool zf_ddl_timestamp_parse(const char *s, int *y, int *m, int *d, int *h,
								int *mi, int *sec, int64_t *usec, int *digits);
extern void zf_ddl_days_to_date(int64_t days, int *y, int *m, int *d);
extern int64_t zf_ddl_date_to_days(int y, int m, int d);
extern bool zf_ddl_bound_value(ddl_writer *w, const ddl_column *col, int first,
							int end, bool successor, ddl_buf *out, int *special);

#endif							/* ZF_DDL_WRITE_H */
