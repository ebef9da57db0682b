/*-------------------------------------------------------------------------
 *
 * progress.c
 *	  zfdw.progress: the running scans and applies of every backend, for
 *	  monitoring: file, bytes read of the total, records, rate.
 *
 * Each scan or apply takes a slot in shared memory and updates it every
 * so many records (a few stores, no lock: a reader may see a slot half
 * updated, which for monitoring is harmless).  The slots live in the
 * main shared memory when zfdw is in shared_preload_libraries
 * (shmem_request_hook, shmem_startup_hook), and otherwise, on PostgreSQL
 * versions with a named DSM registry (17 and later), in a named DSM
 * segment made on first use (compat.h).  Without either (15 and 16, not
 * preloaded) a backend keeps its own slots in local memory: the view then
 * shows only the session's own work.
 *
 *-------------------------------------------------------------------------
 */
#include "diag/diag.h"

#include "funcapi.h"
#include "miscadmin.h"
#include "port/atomics.h"
#include "storage/ipc.h"
#include "storage/lwlock.h"
#include "storage/shmem.h"
#include "utils/builtins.h"
#include "utils/timestamp.h"
#include "utils/tuplestore.h"

#define PROGRESS_SLOTS		64
#define PROGRESS_FILE_LEN	256

typedef struct ZfProgressSlot
{
	pg_atomic_uint32 owner;		/* the backend's pid, 0 when free */
	int			kind;			/* ZfProgressKind */
	Oid			dbid;
	Oid			relid;
	char		file[PROGRESS_FILE_LEN];
	int64		bytes_done;
	int64		bytes_total;	/* -1 unknown */
	int64		records;
	TimestampTz started;
} ZfProgressSlot;

typedef struct ZfProgressShared
{
	ZfProgressSlot slots[PROGRESS_SLOTS];
} ZfProgressShared;

static ZfProgressShared *shared;
static bool shared_is_local;
static shmem_request_hook_type prev_shmem_request_hook;
static shmem_startup_hook_type prev_shmem_startup_hook;
static bool preloaded;

static const char *const kind_names[] = {"scan", "apply", "write"};

/* Mark every slot free. */
static void
init_slots(ZfProgressShared *p)
{
	memset(p, 0, sizeof(*p));
	for (int i = 0; i < PROGRESS_SLOTS; i++)
		pg_atomic_init_u32(&p->slots[i].owner, 0);
}

/* shmem_request_hook: room for the slots in the main shared memory. */
static void
progress_shmem_request(void)
{
	if (prev_shmem_request_hook)
		prev_shmem_request_hook();
	RequestAddinShmemSpace(MAXALIGN(sizeof(ZfProgressShared)));
}

/* shmem_startup_hook: find or make the slots. */
static void
progress_shmem_startup(void)
{
	bool		found;

	if (prev_shmem_startup_hook)
		prev_shmem_startup_hook();
	LWLockAcquire(AddinShmemInitLock, LW_EXCLUSIVE);
	shared = ShmemInitStruct("zfdw progress", sizeof(ZfProgressShared), &found);
	if (!found)
		init_slots(shared);
	LWLockRelease(AddinShmemInitLock);
}

#ifdef ZFDW_HAVE_DSM_REGISTRY
/* The named DSM segment's initializer: every slot free. */
static ZFDW_DSM_INIT_SIGNATURE(progress_dsm_init)
{
	init_slots((ZfProgressShared *) ptr);
}
#endif

/* Called from _PG_init: ask for shared memory when preloaded. */
void
zfdw_progress_init(void)
{
	if (!process_shared_preload_libraries_in_progress)
		return;
	preloaded = true;
	prev_shmem_request_hook = shmem_request_hook;
	shmem_request_hook = progress_shmem_request;
	prev_shmem_startup_hook = shmem_startup_hook;
	shmem_startup_hook = progress_shmem_startup;
}

/* The slots: shared when possible, else this backend's own. */
static ZfProgressShared *
slots(void)
{
	if (shared != NULL)
		return shared;
#ifdef ZFDW_HAVE_DSM_REGISTRY
	if (!preloaded)
	{
		bool		found;

		shared = zfdw_get_named_dsm("zfdw_progress", sizeof(ZfProgressShared),
									progress_dsm_init, &found);
		if (shared != NULL)
			return shared;
	}
#endif
	shared = MemoryContextAlloc(TopMemoryContext, sizeof(ZfProgressShared));
	init_slots(shared);
	shared_is_local = true;
	return shared;
}

/* "all" (shared slots) or "session" (this backend's): what the view shows. */
static const char *
slots_scope(void)
{
	(void) slots();
	return shared_is_local ? "session" : "all";
}

/* At backend exit: free the slots this backend still holds. */
static void
release_all(int code, Datum arg)
{
	(void) code;
	(void) arg;
	if (shared == NULL)
		return;
	for (int i = 0; i < PROGRESS_SLOTS; i++)
		if (pg_atomic_read_u32(&shared->slots[i].owner) == (uint32) MyProcPid)
			pg_atomic_write_u32(&shared->slots[i].owner, 0);
}

/*
 * Take a slot for a scan, apply or write of relid, reading file (a path
 * or a program) of bytes_total bytes (-1 unknown).
 */
int
zfdw_progress_begin(ZfProgressKind kind, Oid relid, const char *file,
					int64 bytes_total)
{
	ZfProgressShared *p = slots();
	uint32		pid = (uint32) MyProcPid;
	static bool exit_hook;

	if (!exit_hook && !shared_is_local)
	{
		before_shmem_exit(release_all, (Datum) 0);
		exit_hook = true;
	}

	for (int i = 0; i < PROGRESS_SLOTS; i++)
	{
		uint32		expected = 0;

		if (pg_atomic_compare_exchange_u32(&p->slots[i].owner, &expected, pid))
		{
			ZfProgressSlot *s = &p->slots[i];

			s->kind = (int) kind;
			s->dbid = MyDatabaseId;
			s->relid = relid;
			strlcpy(s->file, file ? file : "", sizeof(s->file));
			s->bytes_done = 0;
			s->bytes_total = bytes_total;
			s->records = 0;
			s->started = GetCurrentTimestamp();
			return i;
		}
	}
	return -1;					/* all slots taken: this one is not shown */
}

/* Record how far the work in slot has come. */
void
zfdw_progress_update(int slot, const char *file, int64 bytes_done, int64 records)
{
	ZfProgressSlot *s;

	if (slot < 0 || shared == NULL)
		return;
	s = &shared->slots[slot];
	if (file != NULL && strncmp(s->file, file, sizeof(s->file) - 1) != 0)
		strlcpy(s->file, file, sizeof(s->file));
	s->bytes_done = bytes_done;
	s->records = records;
}

/* Free the slot (the work ended, or failed). */
void
zfdw_progress_end(int slot)
{
	if (slot < 0 || shared == NULL)
		return;
	if (pg_atomic_read_u32(&shared->slots[slot].owner) == (uint32) MyProcPid)
		pg_atomic_write_u32(&shared->slots[slot].owner, 0);
}

PG_FUNCTION_INFO_V1(zfdw_progress_rows);

/*
 * progress_rows() RETURNS TABLE (pid int, kind text, datid oid, relid oid,
 * file text, bytes_done bigint, bytes_total bigint, records bigint,
 * started timestamptz, records_per_second real, scope text)
 */
Datum
zfdw_progress_rows(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	ZfProgressShared *p = slots();
	const char *scope = slots_scope();
	TimestampTz now = GetCurrentTimestamp();

	InitMaterializedSRF(fcinfo, 0);
	for (int i = 0; i < PROGRESS_SLOTS; i++)
	{
		ZfProgressSlot copy;
		uint32		owner = pg_atomic_read_u32(&p->slots[i].owner);
		Datum		values[11];
		bool		nulls[11] = {0};
		double		secs;

		if (owner == 0)
			continue;
		memcpy(&copy, &p->slots[i], sizeof(copy));
		copy.file[PROGRESS_FILE_LEN - 1] = '\0';
		if (copy.kind < 0 || copy.kind > ZF_PROGRESS_WRITE)
			continue;
		secs = (double) (now - copy.started) / USECS_PER_SEC;
		values[0] = Int32GetDatum((int32) owner);
		values[1] = CStringGetTextDatum(kind_names[copy.kind]);
		values[2] = ObjectIdGetDatum(copy.dbid);
		values[3] = ObjectIdGetDatum(copy.relid);
		values[4] = CStringGetTextDatum(copy.file);
		values[5] = Int64GetDatum(copy.bytes_done);
		values[6] = Int64GetDatum(copy.bytes_total);
		nulls[6] = copy.bytes_total < 0;
		values[7] = Int64GetDatum(copy.records);
		values[8] = TimestampTzGetDatum(copy.started);
		values[9] = Float4GetDatum(secs > 0 ? (float4) (copy.records / secs) : 0);
		values[10] = CStringGetTextDatum(scope);
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
	}
	return (Datum) 0;
}
