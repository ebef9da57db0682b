/*-------------------------------------------------------------------------
 *
 * sub_status.c
 *	  The subscription catalog's plumbing: where it is, running a
 *	  statement on it with its owner's rights (users only read it), and
 *	  the settings of the module (zfdw.lag_warning; the launcher when zfdw
 *	  is in shared_preload_libraries).
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "catalog/namespace.h"
#include "catalog/pg_class.h"
#include "executor/spi.h"
#include "miscadmin.h"
#include "utils/guc.h"
#include "utils/lsyscache.h"
#include "utils/syscache.h"

#include "subscription/subscription.h"

/* zfdw.lag_warning: the lag, in ms, above which a worker warns */
int			zfdw_lag_warning_ms = 10000;

/*
 * The schema of the zfdw extension, where the catalog is.  Needs SPI
 * connected; the extension must exist.
 */
Oid
zfdw_sub_schema(void)
{
	MemoryContext cxt = CurrentMemoryContext;
	bool		isnull;
	Oid			nsp;

	if (SPI_execute("SELECT e.extnamespace FROM pg_catalog.pg_extension e"
					" WHERE e.extname OPERATOR(pg_catalog.=) 'zfdw'",
					true, 1) != SPI_OK_SELECT)
		elog(ERROR, "zfdw: could not look up the extension");
	MemoryContextSwitchTo(cxt);
	if (SPI_processed != 1)
		ereport(ERROR,
				(errcode(ERRCODE_UNDEFINED_OBJECT),
				 errmsg("extension zfdw does not exist in this database")));
	nsp = DatumGetObjectId(SPI_getbinval(SPI_tuptable->vals[0],
										 SPI_tuptable->tupdesc, 1, &isnull));
	SPI_freetuptable(SPI_tuptable);
	return nsp;
}

/*
 * Run one statement on the catalog tables as their owner (the extension's
 * owner), under a restricted security context.  Statements name every
 * object and operator qualified, so the caller's search_path cannot
 * intervene.  The result is left in SPI_tuptable.
 */
void
zfdw_sub_catalog_execute(const char *sql, int nargs, Oid *argtypes,
						 Datum *values, const char *nulls, int expected)
{
	MemoryContext cxt = CurrentMemoryContext;
	Oid			relid = get_relname_relid("subscription", zfdw_sub_schema());
	HeapTuple	tuple;
	Oid			owner;
	Oid			save_userid;
	int			save_sec_context;
	volatile int rc = 0;

	if (!OidIsValid(relid))
		ereport(ERROR,
				(errcode(ERRCODE_UNDEFINED_TABLE),
				 errmsg("table subscription of extension zfdw does not exist")));
	tuple = SearchSysCache1(RELOID, ObjectIdGetDatum(relid));
	if (!HeapTupleIsValid(tuple))
		elog(ERROR, "cache lookup failed for relation %u", relid);
	owner = ((Form_pg_class) GETSTRUCT(tuple))->relowner;
	ReleaseSysCache(tuple);

	GetUserIdAndSecContext(&save_userid, &save_sec_context);
	SetUserIdAndSecContext(owner, save_sec_context | SECURITY_LOCAL_USERID_CHANGE |
						   SECURITY_RESTRICTED_OPERATION);
	PG_TRY();
	{
		rc = SPI_execute_with_args(sql, nargs, argtypes, values, nulls, false, 0);
	}
	PG_FINALLY();
	{
		SetUserIdAndSecContext(save_userid, save_sec_context);
	}
	PG_END_TRY();
	MemoryContextSwitchTo(cxt);
	if (rc != expected)
		elog(ERROR, "zfdw: statement on the subscription catalog failed: %s",
			 SPI_result_code_string(rc));
}

/*
 * From _PG_init: the settings, and when zfdw is preloaded the launcher
 * that starts the subscriptions' workers with the server.
 */
void
zfdw_sub_init(void)
{
	DefineCustomIntVariable("zfdw.lag_warning",
							"Subscription lag above which a worker writes a WARNING to the server log.",
							"A LOG line follows when the lag is below it again. 0 turns the warning off.",
							&zfdw_lag_warning_ms,
							10000, 0, INT_MAX,
							PGC_SIGHUP, GUC_UNIT_MS, NULL, NULL, NULL);
	if (process_shared_preload_libraries_in_progress)
		zfdw_sub_register_launcher();
}
