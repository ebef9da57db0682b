/*-------------------------------------------------------------------------
 *
 * sub_launch.c
 *	  Starting subscription workers.
 *
 *	  on demand		create_subscription, alter_subscription (resume) and
 *					start_subscription register the worker when their
 *					transaction commits (before, it would not see the row);
 *	  with the server	when zfdw is in shared_preload_libraries, a launcher
 *					starts with the postmaster and, every minute, starts a
 *					short-lived starter in each database that registers
 *					the worker of every enabled subscription not running.
 *
 * At most one worker runs per subscription: each holds a session advisory
 * lock (ZFDW_SUB_LOCK_KEY, id) and a second one exits at once.  A worker
 * that fails is restarted by the postmaster after 5 seconds, also after a
 * crash of another backend.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include <dlfcn.h>

#include "access/genam.h"
#include "access/heapam.h"
#include "access/htup_details.h"
#include "access/table.h"
#include "access/tableam.h"
#include "access/xact.h"
#include "catalog/pg_database.h"
#include "executor/spi.h"
#include "miscadmin.h"
#include "pgstat.h"
#include "postmaster/bgworker.h"
#include "postmaster/interrupt.h"
#include "storage/ipc.h"
#include "storage/latch.h"
#include "storage/lmgr.h"
#include "storage/proc.h"
#include "storage/procarray.h"
#include "tcop/tcopprot.h"
#include "utils/builtins.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"
#include "utils/snapmgr.h"

#include "subscription/subscription.h"

/* seconds between the launcher's passes, and before a failed worker restarts */
#define LAUNCHER_PASS_SECONDS 60
#define WORKER_RESTART_SECONDS 5

/* A worker to register when the current transaction commits. */
typedef struct PendingStart
{
	int32		id;
	Oid			dboid;
	Oid			owner;
} PendingStart;

static List *pending_starts = NIL;	/* in TopMemoryContext */
static List *pending_wakes = NIL;	/* pids, in TopMemoryContext */
static bool callback_registered = false;

/* The path of the loaded zfdw library, for bgw_library_name. */
static void
library_name(char *buf, size_t size)
{
	Dl_info		info;

	if (dladdr((void *) zfdw_subscription_worker_main, &info) != 0 &&
		info.dli_fname != NULL && strlen(info.dli_fname) < size)
		strlcpy(buf, info.dli_fname, size);
	else
		strlcpy(buf, "zfdw", size);
}

/*
 * Register the worker of subscription id, connecting to dboid as owner.
 * False when no background worker slot is free.
 */
bool
zfdw_sub_register_worker(int32 id, const char *name, Oid dboid, Oid owner)
{
	BackgroundWorker worker = {0};
	BackgroundWorkerHandle *handle;
	SubWorkerExtra extra = {dboid, owner};

	worker.bgw_flags = BGWORKER_SHMEM_ACCESS | BGWORKER_BACKEND_DATABASE_CONNECTION;
	worker.bgw_start_time = BgWorkerStart_RecoveryFinished;
	worker.bgw_restart_time = WORKER_RESTART_SECONDS;
	library_name(worker.bgw_library_name, sizeof(worker.bgw_library_name));
	strlcpy(worker.bgw_function_name, "zfdw_subscription_worker_main",
			sizeof(worker.bgw_function_name));
	snprintf(worker.bgw_name, sizeof(worker.bgw_name),
			 "zfdw subscription %s", name ? name : "");
	strlcpy(worker.bgw_type, "zfdw subscription", sizeof(worker.bgw_type));
	worker.bgw_main_arg = Int32GetDatum(id);
	memcpy(worker.bgw_extra, &extra, sizeof(extra));
	worker.bgw_notify_pid = 0;
	return RegisterDynamicBackgroundWorker(&worker, &handle);
}

/*
 * At commit, wake the workers that must see a change and register the
 * workers asked for; at abort, forget both.
 */
static void
start_at_commit_callback(XactEvent event, void *arg)
{
	ListCell   *lc;

	(void) arg;
	if (event != XACT_EVENT_COMMIT && event != XACT_EVENT_ABORT &&
		event != XACT_EVENT_PARALLEL_ABORT)
		return;
	if (event == XACT_EVENT_COMMIT)
	{
		foreach(lc, pending_wakes)
			zfdw_sub_wake(lfirst_int(lc));
		foreach(lc, pending_starts)
		{
			PendingStart *p = lfirst(lc);

			if (!zfdw_sub_register_worker(p->id, NULL, p->dboid, p->owner))
				ereport(WARNING,
						(errcode(ERRCODE_CONFIGURATION_LIMIT_EXCEEDED),
						 errmsg("could not start the worker of subscription %d: no background worker slot is free",
								p->id),
						 errhint("Raise max_worker_processes, then call zfdw.start_subscription().")));
		}
	}
	list_free_deep(pending_starts);
	pending_starts = NIL;
	list_free(pending_wakes);
	pending_wakes = NIL;
}

/* Register the commit callback once per backend. */
static void
need_callback(void)
{
	if (!callback_registered)
	{
		RegisterXactCallback(start_at_commit_callback, NULL);
		callback_registered = true;
	}
}

/*
 * Wake the worker with process id pid (if it is one of ours) so that it
 * polls now and sees a pause or new options at once.
 */
void
zfdw_sub_wake(int pid)
{
	PGPROC	   *proc;

	if (pid <= 0)
		return;
	proc = BackendPidGetProc(pid);
	if (proc != NULL)
		SetLatch(&proc->procLatch);
}

/* Wake worker pid when this transaction commits (it must see the change). */
void
zfdw_sub_wake_at_commit(int pid)
{
	MemoryContext old;

	need_callback();
	old = MemoryContextSwitchTo(TopMemoryContext);
	pending_wakes = lappend_int(pending_wakes, pid);
	MemoryContextSwitchTo(old);
}

/* Start the worker of subscription id when this transaction commits. */
void
zfdw_sub_start_at_commit(int32 id, Oid owner)
{
	MemoryContext old;
	PendingStart *p;

	need_callback();
	old = MemoryContextSwitchTo(TopMemoryContext);
	p = palloc(sizeof(PendingStart));
	p->id = id;
	p->dboid = MyDatabaseId;
	p->owner = owner;
	pending_starts = lappend(pending_starts, p);
	MemoryContextSwitchTo(old);
}

/* Whether a worker of subscription id holds its lock (SPI connected). */
bool
zfdw_sub_worker_running(int32 id)
{
	MemoryContext cxt = CurrentMemoryContext;
	Oid			argtypes[1] = {INT4OID};
	Datum		values[1] = {Int32GetDatum(id)};
	bool		running;

	if (SPI_execute_with_args(psprintf("SELECT 1 FROM pg_catalog.pg_locks l"
									   " WHERE l.locktype OPERATOR(pg_catalog.=) 'advisory'"
									   " AND l.database OPERATOR(pg_catalog.=) %u"
									   " AND l.classid::pg_catalog.int8 OPERATOR(pg_catalog.=) %u"
									   " AND l.objid::pg_catalog.int8 OPERATOR(pg_catalog.=) $1"
									   " AND l.objsubid OPERATOR(pg_catalog.=) 2 AND l.granted",
									   MyDatabaseId, (unsigned) ZFDW_SUB_LOCK_KEY),
							  1, argtypes, values, NULL, true, 1) != SPI_OK_SELECT)
		elog(ERROR, "zfdw: could not look at pg_locks");
	running = SPI_processed > 0;
	MemoryContextSwitchTo(cxt);
	return running;
}

/* From _PG_init under shared_preload_libraries: the launcher. */
void
zfdw_sub_register_launcher(void)
{
	BackgroundWorker worker = {0};

	worker.bgw_flags = BGWORKER_SHMEM_ACCESS | BGWORKER_BACKEND_DATABASE_CONNECTION;
	worker.bgw_start_time = BgWorkerStart_RecoveryFinished;
	worker.bgw_restart_time = 10;
	library_name(worker.bgw_library_name, sizeof(worker.bgw_library_name));
	strlcpy(worker.bgw_function_name, "zfdw_subscription_launcher_main",
			sizeof(worker.bgw_function_name));
	strlcpy(worker.bgw_name, "zfdw subscription launcher", sizeof(worker.bgw_name));
	strlcpy(worker.bgw_type, "zfdw subscription launcher", sizeof(worker.bgw_type));
	RegisterBackgroundWorker(&worker);
}

/* The databases a starter should visit: every one that allows connections. */
static List *
database_list(void)
{
	List	   *dbs = NIL;
	Relation	rel;
	TableScanDesc scan;
	HeapTuple	tup;
	MemoryContext outer = CurrentMemoryContext;

	StartTransactionCommand();
	(void) GetTransactionSnapshot();
	rel = table_open(DatabaseRelationId, AccessShareLock);
	scan = table_beginscan_catalog(rel, 0, NULL);
	while (HeapTupleIsValid(tup = heap_getnext(scan, ForwardScanDirection)))
	{
		Form_pg_database db = (Form_pg_database) GETSTRUCT(tup);
		MemoryContext old;

		if (!db->datallowconn)
			continue;
		old = MemoryContextSwitchTo(outer);
		dbs = lappend_oid(dbs, db->oid);
		MemoryContextSwitchTo(old);
	}
	table_endscan(scan);
	table_close(rel, AccessShareLock);
	CommitTransactionCommand();
	return dbs;
}

/* Register a starter for database dboid. */
static void
register_starter(Oid dboid)
{
	BackgroundWorker worker = {0};
	BackgroundWorkerHandle *handle;

	worker.bgw_flags = BGWORKER_SHMEM_ACCESS | BGWORKER_BACKEND_DATABASE_CONNECTION;
	worker.bgw_start_time = BgWorkerStart_RecoveryFinished;
	worker.bgw_restart_time = BGW_NEVER_RESTART;
	library_name(worker.bgw_library_name, sizeof(worker.bgw_library_name));
	strlcpy(worker.bgw_function_name, "zfdw_subscription_starter_main",
			sizeof(worker.bgw_function_name));
	snprintf(worker.bgw_name, sizeof(worker.bgw_name),
			 "zfdw subscription starter %u", dboid);
	strlcpy(worker.bgw_type, "zfdw subscription starter", sizeof(worker.bgw_type));
	worker.bgw_main_arg = ObjectIdGetDatum(dboid);
	if (!RegisterDynamicBackgroundWorker(&worker, &handle))
		ereport(LOG,
				(errmsg("zfdw: no background worker slot free for the subscription starter of database %u",
						dboid)));
}

/*
 * The launcher: connected to no database, it lists the databases and
 * starts a starter in each, at start and then every minute (a starter
 * leaves running workers alone), until the server shuts down.
 */
void
zfdw_subscription_launcher_main(Datum arg)
{
	(void) arg;
	pqsignal(SIGHUP, SignalHandlerForConfigReload);
	pqsignal(SIGTERM, die);
	BackgroundWorkerUnblockSignals();
	BackgroundWorkerInitializeConnection(NULL, NULL, 0);

	for (;;)
	{
		List	   *dbs;
		ListCell   *lc;

		CHECK_FOR_INTERRUPTS();
		if (ConfigReloadPending)
		{
			ConfigReloadPending = false;
			ProcessConfigFile(PGC_SIGHUP);
		}
		dbs = database_list();
		foreach(lc, dbs)
			register_starter(lfirst_oid(lc));
		list_free(dbs);
		(void) WaitLatch(MyLatch, WL_LATCH_SET | WL_TIMEOUT | WL_EXIT_ON_PM_DEATH,
						 LAUNCHER_PASS_SECONDS * 1000L, PG_WAIT_EXTENSION);
		ResetLatch(MyLatch);
	}
}

/*
 * A starter: connected to one database as the bootstrap superuser, it
 * registers the worker of each enabled subscription whose worker is not
 * running (each worker connects as its subscription's owner), then exits.
 */
void
zfdw_subscription_starter_main(Datum arg)
{
	Oid			dboid = DatumGetObjectId(arg);

	pqsignal(SIGTERM, die);
	BackgroundWorkerUnblockSignals();
	BackgroundWorkerInitializeConnectionByOid(dboid, InvalidOid, 0);
	SetConfigOption("search_path", "pg_catalog", PGC_SUSET, PGC_S_OVERRIDE);

	StartTransactionCommand();
	PushActiveSnapshot(GetTransactionSnapshot());
	SPI_connect();
	if (SPI_execute("SELECT 1 FROM pg_catalog.pg_extension WHERE extname OPERATOR(pg_catalog.=) 'zfdw'",
					true, 1) == SPI_OK_SELECT && SPI_processed == 1)
	{
		char	   *schema = get_namespace_name(zfdw_sub_schema());

		if (SPI_execute(psprintf("SELECT id, name, owner::pg_catalog.oid FROM %s.subscription"
								 " WHERE enabled ORDER BY id",
								 quote_identifier(schema)),
						true, 0) != SPI_OK_SELECT)
			elog(ERROR, "zfdw: could not read the subscriptions");
		{
			SPITupleTable *tt = SPI_tuptable;
			uint64		n = SPI_processed;

			for (uint64 i = 0; i < n; i++)
			{
				bool		isnull;
				int32		id = DatumGetInt32(SPI_getbinval(tt->vals[i], tt->tupdesc, 1, &isnull));
				char	   *name = SPI_getvalue(tt->vals[i], tt->tupdesc, 2);
				Oid			owner = DatumGetObjectId(SPI_getbinval(tt->vals[i], tt->tupdesc, 3, &isnull));

				if (zfdw_sub_worker_running(id))
					continue;
				if (!zfdw_sub_register_worker(id, name, dboid, owner))
					ereport(LOG,
							(errmsg("zfdw: no background worker slot free for subscription \"%s\"",
									name),
							 errhint("Raise max_worker_processes.")));
			}
		}
	}
	SPI_finish();
	PopActiveSnapshot();
	CommitTransactionCommand();
	proc_exit(0);
}
