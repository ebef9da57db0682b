/*-------------------------------------------------------------------------
 *
 * subscription.h
 *	  Subscriptions: a change source applied to a target continuously by
 *	  a background worker (zfdw.create_subscription and friends).
 *
 * The module is split by concern:
 *	  sub_catalog.c	 the SQL functions: create, alter, drop, start
 *	  sub_options.c	 the options jsonb: landing rule, intervals, sizes
 *	  sub_landing.c	 which files of the source's glob have landed
 *	  sub_launch.c	 registering workers; the launcher and the starter
 *	  sub_worker.c	 the worker: poll, apply, record, back off
 *	  sub_watch.c	 inotify: wake the worker when a file lands
 *	  sub_status.c	 subscription_state and subscription_lag, lag alerts
 *
 *-------------------------------------------------------------------------
 */
#ifndef ZFDW_SUBSCRIPTION_H
#define ZFDW_SUBSCRIPTION_H

#include "compat.h"
#include "datatype/timestamp.h"
#include "nodes/pg_list.h"
#include "utils/jsonb.h"

/* session advisory lock key 1 of a running worker; key 2 is its id */
#define ZFDW_SUB_LOCK_KEY 0x7A667375

/* How a worker tells that a file is complete. */
typedef enum SubLanding
{
	SUB_LANDING_STABLE,			/* size and mtime unchanged for stable_ms */
	SUB_LANDING_MARKER,			/* a file named name + marker_suffix exists */
	SUB_LANDING_RENAME			/* it matches the glob: renamed into place */
} SubLanding;

/* The options of a subscription, from its options jsonb. */
typedef struct SubOptions
{
	int			poll_interval_ms;
	bool		poll_interval_given;	/* else 200 ms, 1000 ms for S3 */
	SubLanding	landing;
	int			stable_ms;
	char	   *marker_suffix;
	int64		max_batch_bytes;
	int			max_backoff_ms;
} SubOptions;

/* One file of the source's glob after the last applied one. */
typedef struct SubFile
{
	char	   *name;
	int64		bytes;
	bool		landed;
	TimestampTz landed_at;		/* mtime, or the marker's, or ctime */
} SubFile;

/* What bgw_extra carries to a subscription worker. */
typedef struct SubWorkerExtra
{
	Oid			dboid;
	Oid			owner;
} SubWorkerExtra;

/* sub_options.c */
extern void zfdw_sub_options_parse(Jsonb *options, SubOptions *opts);

/* sub_landing.c */
extern char *zfdw_sub_source_pattern(Oid source, Oid *serverid);
extern List *zfdw_sub_pending_files(Oid serverid, const char *pattern,
									const char *last_file,
									const SubOptions *opts);

/* sub_watch.c */
extern void zfdw_sub_watch(const char *pattern);
extern int	zfdw_sub_watch_fd(void);
extern void zfdw_sub_watch_drain(void);

/* sub_launch.c */
extern void zfdw_sub_start_at_commit(int32 id, Oid owner);
extern bool zfdw_sub_register_worker(int32 id, const char *name, Oid dboid,
									 Oid owner);
extern void zfdw_sub_register_launcher(void);
extern bool zfdw_sub_worker_running(int32 id);
extern void zfdw_sub_wake(int pid);
extern void zfdw_sub_wake_at_commit(int pid);

/* sub_status.c */
extern int	zfdw_lag_warning_ms;
extern Oid	zfdw_sub_schema(void);
extern void zfdw_sub_catalog_execute(const char *sql, int nargs, Oid *argtypes,
									 Datum *values, const char *nulls,
									 int expected);
extern void zfdw_sub_init(void);

PGDLLEXPORT void zfdw_subscription_worker_main(Datum arg);
PGDLLEXPORT void zfdw_subscription_launcher_main(Datum arg);
PGDLLEXPORT void zfdw_subscription_starter_main(Datum arg);

#endif							/* ZFDW_SUBSCRIPTION_H */
