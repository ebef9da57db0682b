/*-------------------------------------------------------------------------
 *
 * sub_worker.c
 *	  The worker of one subscription: connected as the subscription's
 *	  owner, it polls the source's glob, and applies the files that have
 *	  landed, in name order, through zfdw.apply_changes restricted to
 *	  exactly those files, recording the last file applied in the same
 *	  transaction as the changes and their high-water mark.
 *
 * Between polls the worker sleeps for the poll interval, or until a file
 * lands in the watched landing directory (sub_watch.c).
 *
 * Every poll is one transaction (or none, when nothing changed).  When a
 * backlog has built, one transaction takes every landed file up to
 * max_batch_bytes: larger transactions, fewer commits, and never part of
 * a file, so never part of a source transaction (an extract file holds
 * whole transactions).  An error aborts the poll's transaction, is
 * recorded in subscription_state and retried after a back-off that
 * doubles up to max_backoff_ms.  A restart (of the worker or the server)
 * resumes from the committed state: files after last_file are read
 * again, and apply_changes skips every change at or below the mark.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "access/xact.h"
#include "catalog/pg_type.h"
#include "executor/spi.h"
#include "miscadmin.h"
#include "pgstat.h"
#include "postmaster/bgworker.h"
#include "postmaster/interrupt.h"
#include "storage/ipc.h"
#include "storage/latch.h"
#include "storage/lock.h"
#include "storage/proc.h"
#include "tcop/tcopprot.h"
#include "utils/builtins.h"
#include "utils/guc.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"
#include "utils/snapmgr.h"
#include "utils/timestamp.h"

#include "zfdw.h"
#include "scan/s3_access.h"
#include "subscription/subscription.h"

/* seconds between status writes while nothing changes */
#define STATUS_EVERY_MS 1000
/* lag samples are kept this long; pruned once a minute */
#define LAG_KEEP "15 minutes"

/* What the worker keeps across polls. */
typedef struct WorkerState
{
	int32		id;
	char		name[NAMEDATALEN * 2];
	int			failures;		/* errors in a row */
	int			poll_ms;
	int			max_backoff_ms;
	bool		warned;			/* lag above zfdw.lag_warning reported */
	TimestampTz status_written; /* last idle status write */
	TimestampTz pruned;			/* last prune of old lag samples */
	char		last_state[32];
	int			last_backlog_files;
	int64		last_backlog_bytes;
	/* from the last poll, for the lag alert */
	bool		have_lag;
	int64		lag_us;
	int			backlog_files;	/* after this poll's apply */
	int64		backlog_bytes;
	int			pending_files;	/* before it: what waits if it fails */
	int64		pending_bytes;
} WorkerState;

/* The quoted, schema-qualified name of one of zfdw's objects. */
static char *
qualified(const char *name)
{
	return quote_qualified_identifier(get_namespace_name(zfdw_sub_schema()), name);
}

/* Start a transaction for one poll, with a fresh now(). */
static void
begin_poll(void)
{
	SetCurrentStatementStartTimestamp();
	StartTransactionCommand();
	PushActiveSnapshot(GetTransactionSnapshot());
	SPI_connect();
}

/* Commit the poll's transaction and return to the worker's context. */
static void
end_poll(MemoryContext cxt)
{
	SPI_finish();
	PopActiveSnapshot();
	CommitTransactionCommand();
	pgstat_report_stat(false);
	MemoryContextSwitchTo(cxt);
}

/* Stop for good: the subscription is gone, paused or no longer ours. */
static pg_noreturn void
stop(const char *why, WorkerState *ws)
{
	ereport(LOG,
			(errmsg("zfdw subscription \"%s\" worker stops: %s", ws->name, why)));
	proc_exit(0);
}

/* Write the idle part of the status: state, backlog, poll time. */
static void
write_status(WorkerState *ws, const char *state)
{
	Oid			types[4] = {INT4OID, TEXTOID, INT4OID, INT8OID};
	Datum		values[4] = {Int32GetDatum(ws->id), CStringGetTextDatum(state),
	Int32GetDatum(ws->backlog_files), Int64GetDatum(ws->backlog_bytes)};

	zfdw_sub_catalog_execute(psprintf("UPDATE %s SET state = $2, worker_pid = pg_catalog.pg_backend_pid(),"
									  " backlog_files = $3, backlog_bytes = $4, polled_at = pg_catalog.now()"
									  " WHERE subscription OPERATOR(pg_catalog.=) $1",
									  qualified("subscription_state")),
							 4, types, values, NULL, SPI_OK_UPDATE);
	strlcpy(ws->last_state, state, sizeof(ws->last_state));
	ws->last_backlog_files = ws->backlog_files;
	ws->last_backlog_bytes = ws->backlog_bytes;
	ws->status_written = GetCurrentTimestamp();
}

/* The latest source commit time applied to the target, if known. */
static bool
last_commit_ts(Oid target, TimestampTz *ts)
{
	Oid			types[1] = {REGCLASSOID};
	Datum		values[1] = {ObjectIdGetDatum(target)};
	bool		isnull = true;
	Datum		d = 0;

	zfdw_sub_catalog_execute(psprintf("SELECT last_commit_ts FROM %s WHERE target OPERATOR(pg_catalog.=) $1",
									  qualified("apply_state")),
							 1, types, values, NULL, SPI_OK_SELECT);
	if (SPI_processed == 1)
		d = SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1, &isnull);
	if (!isnull)
		*ts = DatumGetTimestampTz(d);
	return !isnull;
}

/*
 * Apply the files of batch, as the owner, in this transaction; record
 * the last of them, the counts and a lag sample with it.
 */
static void
apply_batch(WorkerState *ws, Oid target, const char *pattern, List *batch,
			SubFile *last)
{
	List	   *names = NIL;
	ListCell   *lc;
	volatile int64 changes = 0;
	bool		isnull;
	TimestampTz applied_at;
	TimestampTz cts;
	char	   *sql;

	foreach(lc, batch)
		names = lappend(names, ((SubFile *) lfirst(lc))->name);

	sql = psprintf("SELECT a.inserted, a.updated, a.deleted FROM %s s,"
				   " LATERAL %s(s.source, s.target, s.key_columns, s.op_column,"
				   " s.position_column, s.txid_column, s.commit_ts_column, s.op_map,"
				   " s.before_prefix, s.stamp_column) a"
				   " WHERE s.id OPERATOR(pg_catalog.=) %d",
				   qualified("subscription"), qualified("apply_changes"), ws->id);
	zfdw_restrict_files(pattern, names);
	PG_TRY();
	{
		MemoryContext cxt = CurrentMemoryContext;

		if (SPI_execute(sql, false, 0) != SPI_OK_SELECT || SPI_processed != 1)
			elog(ERROR, "zfdw subscription: the apply returned no result");
		MemoryContextSwitchTo(cxt);
		for (int i = 1; i <= 3; i++)
			changes += DatumGetInt64(SPI_getbinval(SPI_tuptable->vals[0],
												   SPI_tuptable->tupdesc, i, &isnull));
	}
	PG_FINALLY();
	{
		zfdw_restrict_files(NULL, NIL);
	}
	PG_END_TRY();

	applied_at = GetCurrentTimestamp();
	{
		Oid			types[8] = {INT4OID, TEXTOID, INT8OID, TIMESTAMPTZOID,
		TIMESTAMPTZOID, INT4OID, INT8OID, INT4OID};
		Datum		values[8] = {Int32GetDatum(ws->id), CStringGetTextDatum(last->name),
			Int64GetDatum(last->bytes), TimestampTzGetDatum(last->landed_at),
			TimestampTzGetDatum(applied_at), Int32GetDatum(list_length(batch)),
		Int64GetDatum(changes), Int32GetDatum(ws->backlog_files)};

		zfdw_sub_catalog_execute(psprintf("UPDATE %s SET state = 'running', worker_pid = pg_catalog.pg_backend_pid(),"
										  " last_file = $2, last_file_bytes = $3, last_file_landed_at = $4,"
										  " last_file_applied_at = $5, files_applied = files_applied + $6,"
										  " changes_applied = changes_applied + $7, backlog_files = $8,"
										  " backlog_bytes = %lld, polled_at = pg_catalog.now()"
										  " WHERE subscription OPERATOR(pg_catalog.=) $1",
										  qualified("subscription_state"),
										  (long long) ws->backlog_bytes),
								 8, types, values, NULL, SPI_OK_UPDATE);
	}
	strlcpy(ws->last_state, "running", sizeof(ws->last_state));
	ws->status_written = applied_at;

	ws->have_lag = last_commit_ts(target, &cts);
	if (ws->have_lag)
	{
		Oid			types[4] = {INT4OID, TIMESTAMPTZOID, INTERVALOID, INT8OID};
		Interval   *iv = palloc0(sizeof(Interval));
		Datum		values[4];

		ws->lag_us = applied_at - cts;
		iv->time = ws->lag_us;
		values[0] = Int32GetDatum(ws->id);
		values[1] = TimestampTzGetDatum(applied_at);
		values[2] = IntervalPGetDatum(iv);
		values[3] = Int64GetDatum(changes);
		zfdw_sub_catalog_execute(psprintf("INSERT INTO %s VALUES ($1, $2, $3, $4)",
										  qualified("subscription_lag")),
								 4, types, values, NULL, SPI_OK_INSERT);
	}
	if (TimestampDifferenceExceeds(ws->pruned, applied_at, 60000))
	{
		Oid			types[1] = {INT4OID};
		Datum		values[1] = {Int32GetDatum(ws->id)};

		zfdw_sub_catalog_execute(psprintf("DELETE FROM %s WHERE subscription OPERATOR(pg_catalog.=) $1"
										   " AND at OPERATOR(pg_catalog.<) (pg_catalog.now()"
										  " OPERATOR(pg_catalog.-) interval '" LAG_KEEP "')",
										  qualified("subscription_lag")),
								 1, types, values, NULL, SPI_OK_DELETE);
		ws->pruned = applied_at;
	}
	if (list_length(batch) > 1)
		ereport(LOG,
				(errmsg("zfdw subscription \"%s\": caught up %d files (" INT64_FORMAT " changes) in one transaction; %d files wait",
						ws->name, list_length(batch), changes, ws->backlog_files)));
}

/*
 * One poll: read the subscription, look at the glob, apply what has
 * landed.  True when it applied something (poll again at once).
 */
static bool
poll_once(WorkerState *ws, const SubWorkerExtra *extra, MemoryContext cxt)
{
	Oid			types[1] = {INT4OID};
	Datum		values[1] = {Int32GetDatum(ws->id)};
	HeapTuple	tup;
	TupleDesc	desc;
	bool		isnull;
	Datum		d;
	SubOptions	opts;
	Oid			source;
	Oid			target;
	Oid			serverid = InvalidOid;
	char	   *last_file;
	char	   *pattern;
	List	   *files;
	List	   *batch = NIL;
	SubFile    *last = NULL;
	int64		batch_bytes = 0;
	ListCell   *lc;
	bool		applied = false;

	begin_poll();
	if (SPI_execute("SELECT 1 FROM pg_catalog.pg_extension WHERE extname OPERATOR(pg_catalog.=) 'zfdw'",
					true, 1) != SPI_OK_SELECT || SPI_processed != 1)
		stop("the extension zfdw was dropped", ws);
	zfdw_sub_catalog_execute(psprintf("SELECT s.name, s.owner::pg_catalog.oid, s.enabled, s.options,"
									  " s.source::pg_catalog.oid, s.target::pg_catalog.oid, st.last_file"
									  " FROM %s s LEFT JOIN %s st ON st.subscription OPERATOR(pg_catalog.=) s.id"
									  " WHERE s.id OPERATOR(pg_catalog.=) $1",
									  qualified("subscription"), qualified("subscription_state")),
							 1, types, values, NULL, SPI_OK_SELECT);
	if (SPI_processed != 1)
		stop("the subscription was dropped", ws);
	tup = SPI_tuptable->vals[0];
	desc = SPI_tuptable->tupdesc;
	strlcpy(ws->name, SPI_getvalue(tup, desc, 1), sizeof(ws->name));
	if (DatumGetObjectId(SPI_getbinval(tup, desc, 2, &isnull)) != extra->owner)
		stop("its owner changed", ws);
	d = SPI_getbinval(tup, desc, 4, &isnull);
	zfdw_sub_options_parse(isnull ? NULL : DatumGetJsonbP(d), &opts);
	source = DatumGetObjectId(SPI_getbinval(tup, desc, 5, &isnull));
	target = DatumGetObjectId(SPI_getbinval(tup, desc, 6, &isnull));
	last_file = SPI_getvalue(tup, desc, 7);
	ws->poll_ms = opts.poll_interval_ms;
	ws->max_backoff_ms = opts.max_backoff_ms;
	if (!DatumGetBool(SPI_getbinval(tup, desc, 3, &isnull)))
	{
		write_status(ws, "paused");
		end_poll(cxt);
		stop("the subscription was paused", ws);
	}

	/* the files after the last one applied; the landed ones first */
	pattern = zfdw_sub_source_pattern(source, &serverid);
	if (zf_s3_is_url(pattern) && !opts.poll_interval_given)
		ws->poll_ms = 1000;		/* every look is a LIST request */
	zfdw_sub_watch(pattern);
	files = zfdw_sub_pending_files(serverid, pattern, last_file, &opts);
	ws->backlog_files = list_length(files);
	ws->backlog_bytes = 0;
	foreach(lc, files)
	{
		SubFile    *f = lfirst(lc);

		ws->backlog_bytes += f->bytes;
		if (f->landed && (batch == NIL || batch_bytes + f->bytes <= opts.max_batch_bytes))
		{
			batch = lappend(batch, f);
			batch_bytes += f->bytes;
			last = f;
		}
	}

	ws->pending_files = ws->backlog_files;
	ws->pending_bytes = ws->backlog_bytes;
	if (batch != NIL)
	{
		ws->backlog_files -= list_length(batch);
		ws->backlog_bytes -= batch_bytes;
		pgstat_report_activity(STATE_RUNNING, "zfdw subscription: applying");
		apply_batch(ws, target, pattern, batch, last);
		applied = true;
	}
	else
	{
		const char *state = ws->backlog_files > 0 ? "waiting for landing" : "idle";
		TimestampTz cts;

		/* lag now: when files wait, it is the clock against the mark */
		if (ws->backlog_files > 0 && last_commit_ts(target, &cts))
		{
			ws->have_lag = true;
			ws->lag_us = GetCurrentTimestamp() - cts;
		}
		if (strcmp(state, ws->last_state) != 0 ||
			ws->backlog_files != ws->last_backlog_files ||
			ws->backlog_bytes != ws->last_backlog_bytes ||
			TimestampDifferenceExceeds(ws->status_written, GetCurrentTimestamp(),
									   STATUS_EVERY_MS))
			write_status(ws, state);
	}
	end_poll(cxt);
	pgstat_report_activity(STATE_IDLE, NULL);
	return applied;
}

/* WARNING when the lag crosses zfdw.lag_warning, LOG when it is back under. */
static void
check_lag(WorkerState *ws)
{
	int64		limit = (int64) zfdw_lag_warning_ms * 1000;

	if (!ws->have_lag || limit <= 0)
		return;
	if (!ws->warned && ws->lag_us > limit)
	{
		ereport(WARNING,
				(errcode(ERRCODE_WARNING),
				 errmsg("zfdw subscription \"%s\" lags %.1f s behind its source",
						ws->name, ws->lag_us / 1e6),
				 errdetail("zfdw.lag_warning is %d ms; %d files (" INT64_FORMAT " bytes) wait to be applied.",
						   zfdw_lag_warning_ms, ws->backlog_files, ws->backlog_bytes)));
		ws->warned = true;
	}
	else if (ws->warned && ws->lag_us <= limit)
	{
		ereport(LOG,
				(errmsg("zfdw subscription \"%s\" is back under zfdw.lag_warning: lag %.1f s",
						ws->name, ws->lag_us / 1e6)));
		ws->warned = false;
	}
}

/* Record an error in subscription_state, in a transaction of its own. */
static void
record_error(WorkerState *ws, const char *message, MemoryContext cxt)
{
	Oid			types[4] = {INT4OID, TEXTOID, INT4OID, INT8OID};
	Datum		values[4];

	begin_poll();
	values[0] = Int32GetDatum(ws->id);
	values[1] = CStringGetTextDatum(message);
	values[2] = Int32GetDatum(ws->pending_files);
	values[3] = Int64GetDatum(ws->pending_bytes);
	zfdw_sub_catalog_execute(psprintf("UPDATE %s SET state = 'error', worker_pid = pg_catalog.pg_backend_pid(),"
									  " errors = errors + 1, last_error = $2, last_error_at = pg_catalog.now(),"
									  " backlog_files = $3, backlog_bytes = $4, polled_at = pg_catalog.now()"
									  " WHERE subscription OPERATOR(pg_catalog.=) $1",
									  qualified("subscription_state")),
							 4, types, values, NULL, SPI_OK_UPDATE);
	strlcpy(ws->last_state, "error", sizeof(ws->last_state));
	end_poll(cxt);
}

/*
 * Entry point of a subscription worker (bgw_main_arg: the subscription's
 * id; bgw_extra: database and owner).
 */
void
zfdw_subscription_worker_main(Datum arg)
{
	WorkerState ws = {0};
	SubWorkerExtra extra;
	LOCKTAG		tag;
	MemoryContext cxt;

	memcpy(&extra, MyBgworkerEntry->bgw_extra, sizeof(extra));
	ws.id = DatumGetInt32(arg);
	ws.poll_ms = 200;
	ws.max_backoff_ms = 60000;
	snprintf(ws.name, sizeof(ws.name), "%d", ws.id);

	pqsignal(SIGHUP, SignalHandlerForConfigReload);
	pqsignal(SIGTERM, die);
	BackgroundWorkerUnblockSignals();
	BackgroundWorkerInitializeConnectionByOid(extra.dboid, extra.owner,
											  ZFDW_BGW_OWNER_FLAGS);
	/* parallel workers would expand the source's glob themselves */
	SetConfigOption("max_parallel_workers_per_gather", "0", PGC_SUSET, PGC_S_OVERRIDE);
	/* S3 requests are signed with the owner's user mapping, nothing else */
	zfdw_s3_mapping_only = true;
	pgstat_report_appname("zfdw subscription");

	cxt = AllocSetContextCreate(TopMemoryContext, "zfdw subscription worker",
								ALLOCSET_DEFAULT_SIZES);
	MemoryContextSwitchTo(cxt);

	/* one worker per subscription: a second one leaves at once */
	StartTransactionCommand();
	SET_LOCKTAG_ADVISORY(tag, MyDatabaseId, ZFDW_SUB_LOCK_KEY, (uint32) ws.id, 2);
	if (LockAcquire(&tag, ExclusiveLock, true, true) == LOCKACQUIRE_NOT_AVAIL)
	{
		CommitTransactionCommand();
		proc_exit(0);
	}
	CommitTransactionCommand();
	MemoryContextSwitchTo(cxt);

	for (;;)
	{
		bool		busy = false;
		long		wait_ms;
		int			watch_fd;

		CHECK_FOR_INTERRUPTS();
		if (ConfigReloadPending)
		{
			ConfigReloadPending = false;
			ProcessConfigFile(PGC_SIGHUP);
		}
		MemoryContextReset(cxt);
		ws.have_lag = false;

		PG_TRY();
		{
			busy = poll_once(&ws, &extra, cxt);
			ws.failures = 0;
		}
		PG_CATCH();
		{
			ErrorData  *edata;

			HOLD_INTERRUPTS();
			MemoryContextSwitchTo(cxt);
			edata = CopyErrorData();
			EmitErrorReport();
			FlushErrorState();
			AbortOutOfAnyTransaction();
			zfdw_restrict_files(NULL, NIL);
			RESUME_INTERRUPTS();
			ws.failures++;
			/* when even that fails, the log has the error; retry later */
			PG_TRY();
			{
				record_error(&ws, edata->detail ?
							 psprintf("%s (%s)", edata->message, edata->detail) :
							 edata->message, cxt);
			}
			PG_CATCH();
			{
				HOLD_INTERRUPTS();
				MemoryContextSwitchTo(cxt);
				EmitErrorReport();
				FlushErrorState();
				AbortOutOfAnyTransaction();
				RESUME_INTERRUPTS();
			}
			PG_END_TRY();
		}
		PG_END_TRY();
		check_lag(&ws);

		if (busy)
			continue;
		wait_ms = ws.poll_ms;
		if (ws.failures > 0)
		{
			wait_ms = 1000L << Min(ws.failures - 1, 16);
			wait_ms = Min(wait_ms, ws.max_backoff_ms);
		}
		/* a file landing in a watched directory ends the wait, not errors' */
		watch_fd = ws.failures > 0 ? -1 : zfdw_sub_watch_fd();
		if (watch_fd >= 0)
		{
			int			rc = WaitLatchOrSocket(MyLatch,
											   WL_LATCH_SET | WL_TIMEOUT | WL_EXIT_ON_PM_DEATH |
											   WL_SOCKET_READABLE,
											   watch_fd, wait_ms, PG_WAIT_EXTENSION);

			if (rc & WL_SOCKET_READABLE)
				zfdw_sub_watch_drain();
		}
		else
			(void) WaitLatch(MyLatch, WL_LATCH_SET | WL_TIMEOUT | WL_EXIT_ON_PM_DEATH,
							 wait_ms, PG_WAIT_EXTENSION);
		ResetLatch(MyLatch);
	}
}
