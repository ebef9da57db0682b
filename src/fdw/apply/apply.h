/*-------------------------------------------------------------------------
 *
 * apply.h
 *	  Shared declarations of the change-apply engine (design §3.7):
 *	  zfdw.apply_changes, zfdw.apply_changes_batched, zfdw.apply_state.
 *
 * The engine is split by concern:
 *	  apply_spec.c	 arguments, catalog inspection, privilege checks
 *	  apply_sql.c	 the text of every generated statement
 *	  apply_state.c	 the high-water mark in zfdw.apply_state
 *	  apply.c		 the SQL-callable entry points and the batch loop
 *
 *-------------------------------------------------------------------------
 */
#ifndef ZFDW_APPLY_H
#define ZFDW_APPLY_H

#include "compat.h"
#include "fmgr.h"
#include "datatype/timestamp.h"

/* Per-call scratch tables: the normalised changes, a batch's net effect. */
#define APPLY_CHANGES_TABLE "pg_temp.zfdw_apply_changes"
#define APPLY_NET_TABLE "pg_temp.zfdw_apply_net"

/*
 * Everything the generated SQL needs to know about one apply call, resolved
 * once from the arguments and the catalogs.  Names are raw (unquoted);
 * apply_sql.c quotes them.
 */
typedef struct ApplySpec
{
	Oid			source_oid;
	Oid			target_oid;
	char	   *source_sql;		/* schema-qualified and quoted */
	char	   *target_sql;
	char	   *source_label;	/* as regclass prints it */
	char	   *target_label;

	/* key: target columns with a unique index, all present in the source */
	int			nkeys;
	char	  **key_names;
	char	  **key_types;		/* type name without typmod, for casts */
	char	  **before_names;	/* source before-image key columns, or NULL */

	/* non-key target columns the source supplies (the after image) */
	int			nimage;
	char	  **image_names;

	/* control columns of the source */
	char	   *op_column;
	char	   *op_map_sql;		/* CASE text mapping raw codes, or NULL */
	int			npos;
	char	  **pos_names;
	Oid		   *pos_types;
	bool	   *pos_collatable;
	char	   *txid_column;	/* NULL when the source has none */
	char	   *commit_ts_column;	/* NULL when the source has none */

	char	   *stamp_column;	/* target column set to the apply time */
	bool		overriding;		/* an identity ALWAYS column is written */
	Oid			state_schema;	/* namespace of zfdw.apply_state */
} ApplySpec;

/*
 * A high-water mark: the position of the last record applied, one value
 * per position column.  raw holds the binary send form stored in
 * apply_state; values the same decoded for use as query parameters.
 */
typedef struct ApplyMark
{
	bool		valid;
	int			n;
	Datum	   *values;
	bytea	  **raw;
	char	   *text;			/* for people: "42" or "(file1,17)" */
} ApplyMark;

/* Counts of source records, by what happened to them. */
typedef struct ApplyCounts
{
	int64		inserted;
	int64		updated;
	int64		deleted;
	int64		skipped;
} ApplyCounts;

/* apply_spec.c */
extern ApplySpec *zfdw_apply_spec_build(FunctionCallInfo fcinfo);
extern Oid	zfdw_apply_state_schema(FunctionCallInfo fcinfo);

/* apply_sql.c */
extern char *zfdw_apply_sql_count_source(const ApplySpec *spec);
extern char *zfdw_apply_sql_materialize(const ApplySpec *spec, bool has_mark);
extern char *zfdw_apply_sql_counts(bool batch);
extern char *zfdw_apply_sql_interleaved(void);
extern char *zfdw_apply_sql_problem(const ApplySpec *spec);
extern char *zfdw_apply_sql_last_position(const ApplySpec *spec);
extern char *zfdw_apply_sql_clear(const ApplySpec *spec);
extern char *zfdw_apply_sql_net_create(const ApplySpec *spec);
extern char *zfdw_apply_sql_net_fill(const ApplySpec *spec);
extern char *zfdw_apply_sql_delete(const ApplySpec *spec);
extern char *zfdw_apply_sql_upsert(const ApplySpec *spec);

/* apply_state.c */
extern void zfdw_apply_state_lock(const ApplySpec *spec, ApplyMark *mark);
extern void zfdw_apply_state_verify(const ApplySpec *spec, const ApplyMark *expected);
extern void zfdw_apply_state_advance(const ApplySpec *spec, const ApplyMark *mark,
								const char *last_txid, TimestampTz last_commit_ts,
								bool have_commit_ts, TimestampTz applied_at,
								const ApplyCounts *counts);
extern void zfdw_apply_state_checked(const ApplySpec *spec, TimestampTz checked_at,
								int64 skipped);
extern void zfdw_apply_state_report(const ApplySpec *spec, char **high_water,
							   bool *have_lag, Interval **lag);
extern void zfdw_apply_mark_from_values(const ApplySpec *spec, ApplyMark *mark,
								   Datum *values);

/* zfdw.apply_progress (zfdw.c): a NOTICE per batch of apply_changes_batched */
extern bool zfdw_apply_progress;

#endif							/* ZFDW_APPLY_H */
