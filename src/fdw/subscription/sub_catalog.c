/*-------------------------------------------------------------------------
 *
 * sub_catalog.c
 *	  zfdw.create_subscription, alter_subscription, drop_subscription and
 *	  start_subscription: the rows of zfdw.subscription, with the checks.
 *
 * A subscription belongs to the role that creates it (the current user),
 * and its worker connects as that role: it reads the source and writes
 * the target with the owner's privileges, row-level security and
 * triggers, exactly as zfdw.apply_changes called by the owner would.  So
 * the owner must hold those privileges when creating it (the checks of
 * apply_changes run then), and only the owner (or a member of its role,
 * or a superuser) may alter, start or drop it.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "access/htup_details.h"
#include "catalog/pg_authid.h"
#include "catalog/pg_type.h"
#include "executor/spi.h"
#include "fmgr.h"
#include "miscadmin.h"
#include "pgstat.h"
#include "storage/latch.h"
#include "utils/acl.h"
#include "utils/builtins.h"
#include "utils/jsonb.h"
#include "utils/lsyscache.h"
#include "utils/syscache.h"

#include "apply/apply.h"
#include "subscription/subscription.h"

PG_FUNCTION_INFO_V1(zfdw_create_subscription);
PG_FUNCTION_INFO_V1(zfdw_alter_subscription);
PG_FUNCTION_INFO_V1(zfdw_drop_subscription);
PG_FUNCTION_INFO_V1(zfdw_start_subscription);

/* create_subscription's arguments; 1 to 10 are apply_changes' 0 to 9 */
#define ARG_NAME 0
#define ARG_APPLY_FIRST 1
#define NARGS_APPLY 10
#define ARG_OPTIONS 11

/* A subscription's row, as the functions below need it. */
typedef struct SubRow
{
	int32		id;
	Oid			owner;
	bool		enabled;
	Jsonb	   *options;
	int			worker_pid;		/* last recorded, 0 when none */
} SubRow;

/* The quoted, schema-qualified name of a catalog table of zfdw. */
static char *
catalog_table(const char *name)
{
	return quote_qualified_identifier(get_namespace_name(zfdw_sub_schema()), name);
}

/*
 * Lock and read the row of subscription name; false when there is none
 * (an error unless missing_ok).
 */
static bool
lookup(const char *name, SubRow *row, bool missing_ok)
{
	Oid			argtypes[1] = {TEXTOID};
	Datum		values[1] = {CStringGetTextDatum(name)};
	bool		isnull;
	Datum		d;

	zfdw_sub_catalog_execute(psprintf("SELECT s.id, s.owner::pg_catalog.oid, s.enabled, s.options, st.worker_pid"
									  " FROM %s s LEFT JOIN %s st ON st.subscription OPERATOR(pg_catalog.=) s.id"
									  " WHERE s.name OPERATOR(pg_catalog.=) $1 FOR UPDATE OF s",
									  catalog_table("subscription"),
									  catalog_table("subscription_state")),
							 1, argtypes, values, NULL, SPI_OK_SELECT);
	if (SPI_processed == 0)
	{
		if (!missing_ok)
			ereport(ERROR,
					(errcode(ERRCODE_UNDEFINED_OBJECT),
					 errmsg("subscription \"%s\" does not exist", name)));
		return false;
	}
	row->id = DatumGetInt32(SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1, &isnull));
	row->owner = DatumGetObjectId(SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 2, &isnull));
	row->enabled = DatumGetBool(SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 3, &isnull));
	d = SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 4, &isnull);
	row->options = isnull ? NULL : DatumGetJsonbPCopy(d);
	d = SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 5, &isnull);
	row->worker_pid = isnull ? 0 : DatumGetInt32(d);
	return true;
}

/* Only the owner (or a role with its privileges) may change it. */
static void
require_owner(const char *name, const SubRow *row)
{
	if (!has_privs_of_role(GetUserId(), row->owner))
		ereport(ERROR,
				(errcode(ERRCODE_INSUFFICIENT_PRIVILEGE),
				 errmsg("must be owner of subscription \"%s\"", name)));
}

/*
 * Run every check of zfdw.apply_changes on the subscription's apply
 * arguments, as the current user: columns, key, types and privileges.
 */
static void
check_apply_arguments(FunctionCallInfo fcinfo)
{
	LOCAL_FCINFO(apply, NARGS_APPLY);

	InitFunctionCallInfoData(*apply, fcinfo->flinfo, NARGS_APPLY,
							 fcinfo->fncollation, NULL, NULL);
	for (int i = 0; i < NARGS_APPLY; i++)
		apply->args[i] = fcinfo->args[ARG_APPLY_FIRST + i];
	(void) zfdw_apply_spec_build(apply);
}

/*
 * zfdw.create_subscription(name, source, target, <apply_changes'
 * arguments>, options) RETURNS integer: the new subscription's id.
 */
Datum
zfdw_create_subscription(PG_FUNCTION_ARGS)
{
	Oid			owner = GetUserId();
	SubOptions	opts;
	char	   *name;
	Oid			source;
	Oid			target;
	Jsonb	   *options;
	SubRow		row;
	int32		id;
	bool		isnull;
	Oid			argtypes[13] = {TEXTOID, REGROLEOID, REGCLASSOID, REGCLASSOID,
		TEXTARRAYOID, TEXTOID, TEXTOID, TEXTOID, TEXTOID, JSONBOID, TEXTOID,
	TEXTOID, JSONBOID};
	Datum		values[13];
	char		nulls[13];

	if (PG_ARGISNULL(ARG_NAME) || PG_ARGISNULL(1) || PG_ARGISNULL(2))
		ereport(ERROR,
				(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
				 errmsg("name, source and target of a subscription must not be null")));
	name = text_to_cstring(PG_GETARG_TEXT_PP(ARG_NAME));
	source = PG_GETARG_OID(1);
	target = PG_GETARG_OID(2);
	options = PG_ARGISNULL(ARG_OPTIONS) ? NULL : PG_GETARG_JSONB_P(ARG_OPTIONS);
	if (name[0] == '\0')
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("the name of a subscription must not be empty")));
	zfdw_sub_options_parse(options, &opts);

	SPI_connect();
	(void) zfdw_sub_source_pattern(source, NULL);
	check_apply_arguments(fcinfo);

	if (ZFDW_BGW_OWNER_NEEDS_LOGIN)
	{
		HeapTuple	tup = SearchSysCache1(AUTHOID, ObjectIdGetDatum(owner));
		bool		canlogin;

		if (!HeapTupleIsValid(tup))
			elog(ERROR, "cache lookup failed for role %u", owner);
		canlogin = ((Form_pg_authid) GETSTRUCT(tup))->rolcanlogin;
		ReleaseSysCache(tup);
		if (!canlogin)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_AUTHORIZATION_SPECIFICATION),
					 errmsg("role \"%s\" cannot own a subscription because it cannot log in",
							GetUserNameFromId(owner, false)),
					 errdetail("The worker of a subscription connects as its owner; before PostgreSQL 17 that role needs LOGIN.")));
	}

	if (lookup(name, &row, true))
		ereport(ERROR,
				(errcode(ERRCODE_DUPLICATE_OBJECT),
				 errmsg("subscription \"%s\" already exists", name)));
	{
		Oid			t[1] = {REGCLASSOID};
		Datum		v[1] = {ObjectIdGetDatum(target)};

		zfdw_sub_catalog_execute(psprintf("SELECT name FROM %s WHERE target OPERATOR(pg_catalog.=) $1",
										  catalog_table("subscription")),
								 1, t, v, NULL, SPI_OK_SELECT);
		if (SPI_processed > 0)
			ereport(ERROR,
					(errcode(ERRCODE_DUPLICATE_OBJECT),
					 errmsg("table %s already has subscription \"%s\"",
							get_rel_name(target),
							SPI_getvalue(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1)),
					 errdetail("A target's high-water mark belongs to one change feed.")));
	}

	values[0] = CStringGetTextDatum(name);
	values[1] = ObjectIdGetDatum(owner);
	values[2] = ObjectIdGetDatum(source);
	values[3] = ObjectIdGetDatum(target);
	for (int i = 0; i < 8; i++)
	{
		int			argno = 3 + i;	/* key_columns .. stamp_column */

		nulls[4 + i] = PG_ARGISNULL(argno) ? 'n' : ' ';
		values[4 + i] = PG_ARGISNULL(argno) ? (Datum) 0 : PG_GETARG_DATUM(argno);
	}
	nulls[0] = nulls[1] = nulls[2] = nulls[3] = ' ';
	values[12] = options ? JsonbPGetDatum(options) : (Datum) 0;
	nulls[12] = options ? ' ' : 'n';
	zfdw_sub_catalog_execute(psprintf("INSERT INTO %s (name, owner, source, target, key_columns,"
									  " op_column, position_column, txid_column, commit_ts_column,"
									  " op_map, before_prefix, stamp_column, options)"
									  " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12,"
									  " COALESCE($13, '{}')) RETURNING id",
									  catalog_table("subscription")),
							 13, argtypes, values, nulls, SPI_OK_INSERT_RETURNING);
	id = DatumGetInt32(SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1, &isnull));
	{
		Oid			t[1] = {INT4OID};
		Datum		v[1] = {Int32GetDatum(id)};

		zfdw_sub_catalog_execute(psprintf("INSERT INTO %s (subscription) VALUES ($1)",
										  catalog_table("subscription_state")),
								 1, t, v, NULL, SPI_OK_INSERT);
	}
	SPI_finish();
	zfdw_sub_start_at_commit(id, owner);
	PG_RETURN_INT32(id);
}

/*
 * zfdw.alter_subscription(name, enabled, options, resume_after): pause,
 * resume, merge options into the current ones, or set the file after
 * which the worker reads ('' for from the first; for re-seeding and lost
 * files, with reset_apply_state).  True when something changed.
 */
Datum
zfdw_alter_subscription(PG_FUNCTION_ARGS)
{
	char	   *name;
	SubRow		row;
	SubOptions	opts;
	Jsonb	   *merged;
	bool		enabled;
	Oid			argtypes[3] = {INT4OID, BOOLOID, JSONBOID};
	Datum		values[3];

	if (PG_ARGISNULL(0))
		ereport(ERROR,
				(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
				 errmsg("the name of a subscription must not be null")));
	name = text_to_cstring(PG_GETARG_TEXT_PP(0));
	SPI_connect();
	lookup(name, &row, false);
	require_owner(name, &row);
	enabled = PG_ARGISNULL(1) ? row.enabled : PG_GETARG_BOOL(1);
	merged = row.options;
	if (!PG_ARGISNULL(2))
	{
		Datum		m = DirectFunctionCall2(jsonb_concat,
										   JsonbPGetDatum(row.options),
										   PG_GETARG_DATUM(2));

		merged = DatumGetJsonbP(m);
	}
	zfdw_sub_options_parse(merged, &opts);
	values[0] = Int32GetDatum(row.id);
	values[1] = BoolGetDatum(enabled);
	values[2] = JsonbPGetDatum(merged);
	zfdw_sub_catalog_execute(psprintf("UPDATE %s SET enabled = $2, options = $3"
									  " WHERE id OPERATOR(pg_catalog.=) $1",
									  catalog_table("subscription")),
							 3, argtypes, values, NULL, SPI_OK_UPDATE);
	if (!PG_ARGISNULL(3))
	{
		char	   *after = text_to_cstring(PG_GETARG_TEXT_PP(3));
		Oid			t[2] = {INT4OID, TEXTOID};
		Datum		v[2] = {Int32GetDatum(row.id), CStringGetTextDatum(after)};

		/*
		 * A running worker would overwrite it with the file it applies.
		 * Paused in an earlier transaction, it stops at its next poll: wake
		 * it, and give it 30 seconds.
		 */
		if (!row.enabled && zfdw_sub_worker_running(row.id))
		{
			zfdw_sub_wake(row.worker_pid);
			for (int i = 0; i < 300 && zfdw_sub_worker_running(row.id); i++)
			{
				CHECK_FOR_INTERRUPTS();
				(void) WaitLatch(MyLatch, WL_LATCH_SET | WL_TIMEOUT | WL_EXIT_ON_PM_DEATH,
								 100L, PG_WAIT_EXTENSION);
				ResetLatch(MyLatch);
			}
		}
		if (row.enabled || zfdw_sub_worker_running(row.id))
			ereport(ERROR,
					(errcode(ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE),
					 errmsg("subscription \"%s\" must be paused, its worker stopped, to change where it resumes",
							name),
					 errhint("Pause it first with zfdw.alter_subscription('%s', enabled => false).",
							 name)));

		zfdw_sub_catalog_execute(psprintf("UPDATE %s SET last_file = NULLIF($2, '')"
										  " WHERE subscription OPERATOR(pg_catalog.=) $1",
										  catalog_table("subscription_state")),
								 2, t, v, NULL, SPI_OK_UPDATE);
	}
	if (enabled && !zfdw_sub_worker_running(row.id))
		zfdw_sub_start_at_commit(row.id, row.owner);
	else if (!enabled || !PG_ARGISNULL(2))
		zfdw_sub_wake_at_commit(row.worker_pid);	/* to see it at once */
	SPI_finish();
	PG_RETURN_BOOL(enabled != row.enabled || !PG_ARGISNULL(2) || !PG_ARGISNULL(3));
}

/*
 * zfdw.drop_subscription(name, if_exists): its worker sees the row gone
 * at its next poll and stops.  The target keeps its rows and its mark.
 */
Datum
zfdw_drop_subscription(PG_FUNCTION_ARGS)
{
	char	   *name;
	bool		if_exists = !PG_ARGISNULL(1) && PG_GETARG_BOOL(1);
	SubRow		row;
	Oid			argtypes[1] = {INT4OID};
	Datum		values[1];

	if (PG_ARGISNULL(0))
		ereport(ERROR,
				(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
				 errmsg("the name of a subscription must not be null")));
	name = text_to_cstring(PG_GETARG_TEXT_PP(0));
	SPI_connect();
	if (!lookup(name, &row, if_exists))
	{
		ereport(NOTICE,
				(errmsg("subscription \"%s\" does not exist, skipping", name)));
		SPI_finish();
		PG_RETURN_BOOL(false);
	}
	require_owner(name, &row);
	values[0] = Int32GetDatum(row.id);
	zfdw_sub_catalog_execute(psprintf("DELETE FROM %s WHERE id OPERATOR(pg_catalog.=) $1",
									  catalog_table("subscription")),
							 1, argtypes, values, NULL, SPI_OK_DELETE);
	zfdw_sub_wake_at_commit(row.worker_pid);	/* it stops at once */
	SPI_finish();
	PG_RETURN_BOOL(true);
}

/*
 * zfdw.start_subscription(name): start the worker at commit unless one
 * runs; for a server without zfdw in shared_preload_libraries, after a
 * restart.  True when a worker will be started.
 */
Datum
zfdw_start_subscription(PG_FUNCTION_ARGS)
{
	char	   *name = text_to_cstring(PG_GETARG_TEXT_PP(0));
	SubRow		row;
	bool		start;

	SPI_connect();
	lookup(name, &row, false);
	require_owner(name, &row);
	if (!row.enabled)
		ereport(ERROR,
				(errcode(ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE),
				 errmsg("subscription \"%s\" is paused", name),
				 errhint("Resume it with zfdw.alter_subscription('%s', enabled => true).", name)));
	start = !zfdw_sub_worker_running(row.id);
	if (start)
		zfdw_sub_start_at_commit(row.id, row.owner);
	SPI_finish();
	PG_RETURN_BOOL(start);
}
