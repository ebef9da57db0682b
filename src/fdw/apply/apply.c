/*-------------------------------------------------------------------------
 *
 * apply.c
 *	  zfdw.apply_changes and zfdw.apply_changes_batched: apply a relation
 *	  of change records to a local table exactly once, in position order,
 *	  each source transaction whole (design §3.7).
 *
 * One call:
 *	1. checks the arguments and privileges (apply_spec.c);
 *	2. locks the target's row of zfdw.apply_state and reads its mark;
 *	3. reads the source records above the mark, in position order and
 *	   without second deliveries, into a scratch table, numbering the
 *	   source transactions (apply_sql.c);
 *	4. applies batches of whole transactions set-based, each batch with
 *	   its new mark in one transaction; the procedure commits after each.
 *
 * A record the engine cannot apply (unknown operation, no key, a B without
 * its A ...) stops the apply before the transaction holding it; the batched
 * procedure keeps the batches before it.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "catalog/namespace.h"
#include "catalog/pg_type.h"
#include "executor/spi.h"
#include "funcapi.h"
#include "miscadmin.h"
#include "nodes/parsenodes.h"
#include "utils/builtins.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"
#include "utils/timestamp.h"
#include "utils/tuplestore.h"

#include "apply/apply.h"
#include "diag/diag.h"

PG_FUNCTION_INFO_V1(zfdw_apply_changes);
PG_FUNCTION_INFO_V1(zfdw_apply_changes_batched);

#define ARG_BATCH_SIZE 10

/* The statements run once per batch, prepared once per call. */
typedef struct ApplyPlans
{
	SPIPlanPtr	batch_counts;
	SPIPlanPtr	last_position;
	SPIPlanPtr	clear;
	SPIPlanPtr	net_fill;
	SPIPlanPtr	delete;
	SPIPlanPtr	upsert;
} ApplyPlans;

/* What the scratch table, or a batch of it, holds (zfdw_apply_sql_counts). */
typedef struct BatchInfo
{
	ApplyCounts counts;
	int64		last_clear;		/* seq of the last T marker, or 0 */
	bool		have_cts;
	TimestampTz max_cts;
	int64		maxtxn;			/* whole table only */
	int64		problem_seq;	/* whole table only; 0 when none */
} BatchInfo;

/*
 * The NOTICE after each batch of apply_changes_batched: what it applied,
 * how far the call has come and the position reached; the rate in the
 * detail (it differs from run to run).
 */
static void
report_progress(const ApplySpec *spec, int64 nbatch, int64 lo, int64 hi,
				int64 last, const ApplyCounts *batch, const ApplyCounts *total,
				const char *position, TimestampTz batch_start,
				TimestampTz call_start)
{
	TimestampTz now = GetCurrentTimestamp();
	int64		changes = batch->inserted + batch->updated + batch->deleted;
	int64		all = total->inserted + total->updated + total->deleted;
	double		bsecs = (double) (now - batch_start) / USECS_PER_SEC;
	double		csecs = (double) (now - call_start) / USECS_PER_SEC;

	ereport(NOTICE,
			(errmsg("batch " INT64_FORMAT " applied source transactions " INT64_FORMAT " to " INT64_FORMAT " of " INT64_FORMAT " to %s: "
					INT64_FORMAT " inserted, " INT64_FORMAT " updated, " INT64_FORMAT " deleted; position %s",
					nbatch, lo, hi, last, spec->target_label,
					batch->inserted, batch->updated, batch->deleted, position),
			 errdetail("%.0f changes a second in this batch, %.0f since the call began (" INT64_FORMAT " changes in %.1f s).",
					   bsecs > 0 ? changes / bsecs : 0.0, csecs > 0 ? all / csecs : 0.0,
					   all, csecs)));
}

/* What the error context callback names. */
typedef struct ApplyErrorContext
{
	const ApplySpec *spec;
	int64		first_txn;
	int64		last_txn;
} ApplyErrorContext;

/* error context: which apply, and which source transactions */
static void
apply_error_callback(void *arg)
{
	ApplyErrorContext *ctx = (ApplyErrorContext *) arg;

	if (ctx->spec == NULL)
		return;
	if (ctx->first_txn > 0)
		errcontext("applying changes of %s to %s, source transactions " INT64_FORMAT " to " INT64_FORMAT,
				   ctx->spec->source_label, ctx->spec->target_label,
				   ctx->first_txn, ctx->last_txn);
	else
		errcontext("applying changes of %s to %s",
				   ctx->spec->source_label, ctx->spec->target_label);
}

/*
 * SPI leaves the SPI procedure context current after each statement; these
 * wrappers return to the caller's, so that per-batch memory is freed with
 * the batch.
 */
static int
exec_plan(SPIPlanPtr plan, Datum *values, bool read_only, long count)
{
	MemoryContext cxt = CurrentMemoryContext;
	int			rc = SPI_execute_plan(plan, values, NULL, read_only, count);

	MemoryContextSwitchTo(cxt);
	return rc;
}

/* Run sql with no parameters; it must succeed with code expected. */
static void
run(const char *sql, int expected)
{
	MemoryContext cxt = CurrentMemoryContext;
	int			rc;

	elog(DEBUG1, "zfdw apply: %s", sql);
	rc = SPI_execute(sql, false, 0);

	MemoryContextSwitchTo(cxt);

	if (rc != expected)
		elog(ERROR, "zfdw apply: \"%s\" failed: %s", sql,
			 SPI_result_code_string(rc));
}

/* An int8 column of the first result row, 0 when null. */
static int64
result_int8(int col, bool *isnull)
{
	bool		null;
	Datum		d = SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc,
								  col, &null);

	if (isnull)
		*isnull = null;
	return null ? 0 : DatumGetInt64(d);
}

/* Prepare sql and keep the plan past commits (freed by free_plans). */
static SPIPlanPtr
prepare(const char *sql, int nargs, Oid *argtypes)
{
	SPIPlanPtr	plan;

	elog(DEBUG1, "zfdw apply: prepare %s", sql);
	plan = SPI_prepare(sql, nargs, argtypes);

	if (plan == NULL)
		elog(ERROR, "zfdw apply: could not prepare \"%s\": %s", sql,
			 SPI_result_code_string(SPI_result));
	if (SPI_keepplan(plan) != 0)
		elog(ERROR, "zfdw apply: could not keep a plan");
	return plan;
}

static void
free_plans(ApplyPlans *plans)
{
	SPIPlanPtr *all[] = {&plans->batch_counts, &plans->last_position,
	&plans->clear, &plans->net_fill, &plans->delete, &plans->upsert};

	for (size_t i = 0; i < lengthof(all); i++)
	{
		if (*all[i] != NULL)
			SPI_freeplan(*all[i]);
		*all[i] = NULL;
	}
}

/* Read the result of zfdw_apply_sql_counts into info. */
static void
read_counts(BatchInfo *info, bool whole)
{
	bool		isnull;
	Datum		d;

	info->counts.inserted = result_int8(2, NULL);
	info->counts.updated = result_int8(3, NULL);
	info->counts.deleted = result_int8(4, NULL);
	info->counts.skipped = result_int8(5, NULL);
	info->last_clear = result_int8(6, NULL);
	d = SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 7, &isnull);
	info->have_cts = !isnull;
	info->max_cts = isnull ? 0 : DatumGetTimestampTz(d);
	if (whole)
	{
		info->maxtxn = result_int8(8, NULL);
		info->problem_seq = result_int8(9, NULL);
	}
	SPI_freetuptable(SPI_tuptable);
}

/* Drop the scratch tables a failed call of this session may have left. */
static void
drop_scratch(void)
{
	Oid			nsp = LookupExplicitNamespace("pg_temp", true);

	if (!OidIsValid(nsp))
		return;
	if (OidIsValid(get_relname_relid("zfdw_apply_changes", nsp)))
		run("DROP TABLE " APPLY_CHANGES_TABLE, SPI_OK_UTILITY);
	if (OidIsValid(get_relname_relid("zfdw_apply_net", nsp)))
		run("DROP TABLE " APPLY_NET_TABLE, SPI_OK_UTILITY);
}

/* Capitalise the first letter, for an errdetail sentence. */
static char *
sentence(const char *s)
{
	char	   *copy = pstrdup(s);

	copy[0] = pg_toupper((unsigned char) copy[0]);
	return copy;
}

/* Report the record at seq that cannot be applied. */
static void
report_problem(const ApplySpec *spec, int64 seq)
{
	Oid			argtypes[1] = {INT8OID};
	Datum		values[1] = {Int64GetDatum(seq)};
	char	   *problem;
	char	   *position;
	const char *hint;

	if (SPI_execute_with_args(zfdw_apply_sql_problem(spec), 1, argtypes, values,
							  NULL, false, 1) != SPI_OK_SELECT ||
		SPI_processed != 1)
		elog(ERROR, "zfdw apply: record " INT64_FORMAT " vanished", seq);
	problem = SPI_getvalue(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1);
	position = SPI_getvalue(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 3);
	if (position == NULL)
		position = "null";

	/* the problems' fixed beginnings (zfdw_apply_sql_materialize) choose the hint */
	if (strncmp(problem, "its operation", 13) == 0)
		hint = "Operations are I, U, D, B, A, R and T; map other codes with op_map => '{\"PT\": \"I\", ...}', or map a code to null to skip it.";
	else if (strncmp(problem, "another record", 14) == 0)
		hint = "A position identifies one record: a record delivered twice must be delivered identically.";
	else if (strncmp(problem, "it is a before image", 20) == 0)
		hint = "In the multiple-record format each B row must be directly followed, in position order, by its A row.";
	else if (strncmp(problem, "its key", 7) == 0)
		hint = "Every change needs its key: the after image for I, U and A, the before image (or the row) for D.";
	else
		hint = "Every record needs a position; without one, use the file order: position_column => 'file_name, record_number'.";
	ereport(ERROR,
			(errcode(ERRCODE_DATA_EXCEPTION),
			 errmsg("cannot apply the change at position %s of %s",
					position, spec->source_label),
			 errdetail("%s.", sentence(problem)),
			 errhint("%s", hint)));
}

/*
 * Stop when a transaction's records are not contiguous in position order:
 * the position does not follow commit order.
 */
static void
check_interleaving(const ApplySpec *spec)
{
	char	   *txid;

	run(zfdw_apply_sql_interleaved(), SPI_OK_SELECT);
	if (SPI_processed == 0)
	{
		SPI_freetuptable(SPI_tuptable);
		return;
	}
	txid = SPI_getvalue(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1);
	ereport(ERROR,
			(errcode(ERRCODE_DATA_EXCEPTION),
			 errmsg("the records of source transaction %s are not contiguous in position order",
					txid),
			 errdetail("Other transactions' records lie between them in %s, so the position does not follow commit order.",
					   spec->source_label),
			 errhint("Use a position in commit order, such as the file order 'file_name, record_number' of an extract written at commit.")));
}

/* The position columns as a list for messages: "a, b". */
static char *
position_list(const ApplySpec *spec)
{
	StringInfoData buf;

	initStringInfo(&buf);
	for (int i = 0; i < spec->npos; i++)
		appendStringInfo(&buf, "%s%s", i > 0 ? ", " : "",
						 quote_identifier(spec->pos_names[i]));
	return buf.data;
}

/*
 * Read the source records above the mark into the scratch table and
 * describe it in whole; returns how many source records were left out (at
 * or below the mark, or delivered twice).
 */
static int64
read_source(const ApplySpec *spec, const ApplyMark *mark, BatchInfo *whole)
{
	int64		nsource;
	int64		nrows;
	char	   *sql;

	/* count the source; a record without a position can never apply */
	run(zfdw_apply_sql_count_source(spec), SPI_OK_SELECT);
	nsource = result_int8(1, NULL);
	if (result_int8(2, NULL) > 0)
		ereport(ERROR,
				(errcode(ERRCODE_DATA_EXCEPTION),
				 errmsg("source %s has records without a position",
						spec->source_label),
				 errdetail("%lld records have a null in the position columns (%s).",
						   (long long) result_int8(2, NULL), position_list(spec)),
				 errhint("Without a position in the records, use the file order: position_column => 'file_name, record_number'.")));
	SPI_freetuptable(SPI_tuptable);

	drop_scratch();
	sql = zfdw_apply_sql_materialize(spec, mark->valid);
	elog(DEBUG1, "zfdw apply: %s", sql);
	if (SPI_execute_with_args(sql, mark->valid ? spec->npos : 0,
							  spec->pos_types,
							  mark->valid ? mark->values : NULL, NULL,
							  false, 0) != SPI_OK_UTILITY)
		elog(ERROR, "zfdw apply: could not read the source");
	nrows = (int64) SPI_processed;
	run("ANALYZE " APPLY_CHANGES_TABLE, SPI_OK_UTILITY);
	run(zfdw_apply_sql_net_create(spec), SPI_OK_UTILITY);

	run(zfdw_apply_sql_counts(false), SPI_OK_SELECT);
	read_counts(whole, true);
	return nsource - nrows;
}

/*
 * Apply the source's changes to the target.  With nonatomic, commit after
 * every batch_size source transactions.  counts receives what this call
 * did; high_water and lag (allocated in resultcxt) what apply_state says
 * after it.
 */
static void
apply_run(FunctionCallInfo fcinfo, bool nonatomic, int64 batch_size,
		  ApplyCounts *counts, char **high_water, bool *have_lag,
		  Interval **lag, MemoryContext resultcxt)
{
	ApplySpec  *spec;
	ApplyMark	mark;
	ApplyMark	newmark;
	ApplyPlans	plans = {0};
	ApplyErrorContext errctx = {0};
	ErrorContextCallback callback;
	BatchInfo	whole = {0};
	MemoryContext callcxt;
	MemoryContext batchcxt;
	MemoryContext markcxt[2];
	volatile int markturn = 0;
	int64		problem_txn = 0;
	int64		limit_txn;
	int64		skipped;
	volatile bool applied_any = false;
	volatile uint64 net_dead = 0;
	volatile int64 nbatches = 0;
	volatile int progress_slot = -1;
	TimestampTz started = GetCurrentTimestamp();
	StringInfoData postext;

	SPI_connect_ext(nonatomic ? SPI_OPT_NONATOMIC : 0);
	callcxt = CurrentMemoryContext;

	callback.callback = apply_error_callback;
	callback.arg = &errctx;
	callback.previous = error_context_stack;
	error_context_stack = &callback;

	spec = zfdw_apply_spec_build(fcinfo);
	errctx.spec = spec;
	zfdw_apply_state_lock(spec, &mark);
	skipped = read_source(spec, &mark, &whole);

	/* a record that cannot be applied ends the apply before its transaction */
	if (whole.problem_seq > 0)
	{
		Oid			argtypes[1] = {INT8OID};
		Datum		values[1] = {Int64GetDatum(whole.problem_seq)};

		/* one transaction only: nothing to keep, stop at once */
		if (!nonatomic)
			report_problem(spec, whole.problem_seq);
		SPI_execute_with_args("SELECT txn FROM " APPLY_CHANGES_TABLE " WHERE seq = $1",
							  1, argtypes, values, NULL, false, 1);
		problem_txn = result_int8(1, NULL);
		SPI_freetuptable(SPI_tuptable);
	}
	if (spec->txid_column)
		check_interleaving(spec);
	limit_txn = whole.problem_seq > 0 ? problem_txn - 1 : whole.maxtxn;

	/* many small batches look their transactions up by number */
	if (limit_txn > batch_size)
		run("CREATE INDEX ON " APPLY_CHANGES_TABLE " (txn)", SPI_OK_UTILITY);

	batchcxt = AllocSetContextCreate(callcxt, "zfdw apply batch",
									 ALLOCSET_DEFAULT_SIZES);
	markcxt[0] = AllocSetContextCreate(callcxt, "zfdw apply mark",
									   ALLOCSET_SMALL_SIZES);
	markcxt[1] = AllocSetContextCreate(callcxt, "zfdw apply mark",
									   ALLOCSET_SMALL_SIZES);

	PG_TRY();
	{
		Oid			types[3] = {INT8OID, INT8OID, INT8OID};
		int64		lo = 1;

		plans.batch_counts = prepare(zfdw_apply_sql_counts(true), 2, types);
		plans.last_position = prepare(zfdw_apply_sql_last_position(spec), 1, types);
		plans.clear = prepare(zfdw_apply_sql_clear(spec), 0, NULL);
		plans.net_fill = prepare(zfdw_apply_sql_net_fill(spec), 3, types);
		plans.delete = prepare(zfdw_apply_sql_delete(spec), 0, NULL);
		types[2] = TIMESTAMPTZOID;
		plans.upsert = prepare(zfdw_apply_sql_upsert(spec), 3, types);

		progress_slot = zfdw_progress_begin(ZF_PROGRESS_APPLY, spec->target_oid,
											spec->source_label, -1);
		while (lo <= limit_txn)
		{
			int64		hi = limit_txn - lo < batch_size ? limit_txn :
				lo + batch_size - 1;
			BatchInfo	batch;
			Datum		args[3];
			TimestampTz stamp;
			char	   *txid;
			Datum	   *pos;
			bool		isnull;

			CHECK_FOR_INTERRUPTS();
			MemoryContextReset(batchcxt);
			MemoryContextSwitchTo(batchcxt);
			errctx.first_txn = lo;
			errctx.last_txn = hi;
			if (applied_any)
				zfdw_apply_state_verify(spec, &mark);
			stamp = GetCurrentTimestamp();

			/* what the batch holds: when it is everything, we know */
			args[0] = Int64GetDatum(lo);
			args[1] = Int64GetDatum(hi);
			if (lo == 1 && hi == whole.maxtxn)
				batch = whole;
			else
			{
				if (exec_plan(plans.batch_counts, args, false, 1) != SPI_OK_SELECT)
					elog(ERROR, "zfdw apply: batch query failed");
				read_counts(&batch, false);
			}

			/* a clear marker empties the target; the changes after it follow */
			if (batch.last_clear > 0 &&
				exec_plan(plans.clear, NULL, false, 0) != SPI_OK_DELETE)
				elog(ERROR, "zfdw apply: clear failed");
			args[2] = Int64GetDatum(batch.last_clear);
			if (exec_plan(plans.net_fill, args, false, 0) != SPI_OK_INSERT ||
				exec_plan(plans.delete, NULL, false, 0) != SPI_OK_DELETE)
				elog(ERROR, "zfdw apply: delete failed");
			args[2] = TimestampTzGetDatum(stamp);
			if (exec_plan(plans.upsert, args, false, 0) != SPI_OK_INSERT)
				elog(ERROR, "zfdw apply: upsert failed");
			/*
			 * Empty the net table for the next batch.  DELETE is cheap but,
			 * without VACUUM, its dead rows pile up at the end of the file;
			 * TRUNCATE costs a new file.  So DELETE until some 100,000 dead
			 * rows have gathered, then TRUNCATE.
			 */
			if (hi < limit_txn)
			{
				if (net_dead < 100000)
				{
					run("DELETE FROM " APPLY_NET_TABLE, SPI_OK_DELETE);
					net_dead += SPI_processed;
				}
				else
				{
					run("TRUNCATE " APPLY_NET_TABLE, SPI_OK_UTILITY);
					net_dead = 0;
				}
			}

			/* the new mark: the position of the batch's last record */
			args[0] = Int64GetDatum(hi);
			if (exec_plan(plans.last_position, args, false, 1) != SPI_OK_SELECT ||
				SPI_processed != 1)
				elog(ERROR, "zfdw apply: the last record of transaction " INT64_FORMAT " vanished",
					 hi);
			txid = SPI_getvalue(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1);
			if (nonatomic && zfdw_apply_progress)
			{
				initStringInfo(&postext);
				for (int i = 0; i < spec->npos; i++)
				{
					char	   *v = SPI_getvalue(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, i + 2);

					appendStringInfo(&postext, "%s%s", i > 0 ? ", " : "", v ? v : "NULL");
				}
			}
			pos = palloc(sizeof(Datum) * spec->npos);
			for (int i = 0; i < spec->npos; i++)
				pos[i] = SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc,
									   i + 2, &isnull);
			markturn = 1 - markturn;
			MemoryContextReset(markcxt[markturn]);
			MemoryContextSwitchTo(markcxt[markturn]);
			zfdw_apply_mark_from_values(spec, &newmark, pos);
			MemoryContextSwitchTo(batchcxt);
			SPI_freetuptable(SPI_tuptable);

			/* the first batch also carries what the reading left out */
			if (!applied_any)
				batch.counts.skipped += skipped;
			zfdw_apply_state_advance(spec, &newmark, txid, batch.max_cts,
								batch.have_cts, stamp, &batch.counts);
			mark = newmark;
			applied_any = true;
			counts->inserted += batch.counts.inserted;
			counts->updated += batch.counts.updated;
			counts->deleted += batch.counts.deleted;
			counts->skipped += batch.counts.skipped;
			zfdw_progress_update(progress_slot, NULL, 0,
								 counts->inserted + counts->updated + counts->deleted);
			if (nonatomic && zfdw_apply_progress)
				report_progress(spec, ++nbatches, lo, hi, limit_txn, &batch.counts,
								counts, postext.data, stamp, started);

			/* whatever the commit allocates goes with the batch */
			if (nonatomic)
				SPI_commit();
			lo = hi + 1;
		}
		MemoryContextSwitchTo(callcxt);
	}
	PG_CATCH();
	{
		zfdw_progress_end(progress_slot);
		free_plans(&plans);
		PG_RE_THROW();
	}
	PG_END_TRY();
	zfdw_progress_end(progress_slot);
	free_plans(&plans);
	errctx.first_txn = 0;

	if (nonatomic && applied_any)
		zfdw_apply_state_verify(spec, &mark);
	if (!applied_any)
	{
		zfdw_apply_state_checked(spec, GetCurrentTimestamp(), skipped);
		counts->skipped += skipped;
	}
	if (whole.problem_seq > 0)
		report_problem(spec, whole.problem_seq);
	drop_scratch();

	/* the result, in the caller's memory */
	{
		char	   *hw;
		Interval   *iv = NULL;

		zfdw_apply_state_report(spec, &hw, have_lag, &iv);
		*high_water = hw ? MemoryContextStrdup(resultcxt, hw) : NULL;
		if (*have_lag)
		{
			*lag = MemoryContextAlloc(resultcxt, sizeof(Interval));
			memcpy(*lag, iv, sizeof(Interval));
		}
	}
	error_context_stack = callback.previous;
	SPI_finish();
}

/* True while an apply runs in this backend (see apply_guarded). */
static bool apply_running = false;

/*
 * apply_run, refused when an apply is already running in this backend: a
 * trigger or rule on a target that applies again would need the scratch
 * tables the outer apply is using.  The flag is cleared however the call
 * ends, so an error caught by the caller leaves later applies possible.
 */
static void
apply_guarded(FunctionCallInfo fcinfo, bool nonatomic, int64 batch_size,
			  ApplyCounts *counts, char **high_water, bool *have_lag,
			  Interval **lag, MemoryContext resultcxt)
{
	if (apply_running)
		ereport(ERROR,
				(errcode(ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE),
				 errmsg("zfdw.apply_changes cannot run inside another apply"),
				 errdetail("A trigger or rule on the target of a running apply called it again."),
				 errhint("Apply the other table after the first apply returns, for example in the same job.")));
	apply_running = true;
	PG_TRY();
	{
		apply_run(fcinfo, nonatomic, batch_size, counts, high_water, have_lag,
				  lag, resultcxt);
	}
	PG_FINALLY();
	{
		apply_running = false;
	}
	PG_END_TRY();
}

/*
 * zfdw.apply_changes(source, target, ...) RETURNS TABLE (inserted,
 * updated, deleted, skipped, high_water, lag): apply in the caller's
 * transaction.
 */
Datum
zfdw_apply_changes(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	ApplyCounts counts = {0};
	char	   *high_water;
	bool		have_lag;
	Interval   *lag = NULL;
	Datum		values[6];
	bool		nulls[6] = {false};

	InitMaterializedSRF(fcinfo, 0);
	apply_guarded(fcinfo, false, PG_INT64_MAX, &counts, &high_water, &have_lag,
				  &lag, CurrentMemoryContext);

	values[0] = Int64GetDatum(counts.inserted);
	values[1] = Int64GetDatum(counts.updated);
	values[2] = Int64GetDatum(counts.deleted);
	values[3] = Int64GetDatum(counts.skipped);
	if (high_water)
		values[4] = CStringGetTextDatum(high_water);
	else
		nulls[4] = true;
	if (have_lag)
		values[5] = IntervalPGetDatum(lag);
	else
		nulls[5] = true;
	tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
	return (Datum) 0;
}

/*
 * CALL zfdw.apply_changes_batched(source, target, ..., batch_size):
 * commit after every batch_size source transactions, so that a long
 * backlog makes durable progress and can be interrupted and resumed.
 */
Datum
zfdw_apply_changes_batched(PG_FUNCTION_ARGS)
{
	CallContext *call = (CallContext *) fcinfo->context;
	ApplyCounts counts = {0};
	char	   *high_water;
	bool		have_lag;
	Interval   *lag = NULL;
	int32		batch_size;

	if (call == NULL || !IsA(call, CallContext) || call->atomic)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_TRANSACTION_TERMINATION),
				 errmsg("zfdw.apply_changes_batched cannot commit here"),
				 errdetail("It commits after every batch, which is impossible inside a transaction block or a function."),
				 errhint("CALL it on its own, or use zfdw.apply_changes to apply in the current transaction.")));
	if (PG_NARGS() <= ARG_BATCH_SIZE || PG_ARGISNULL(ARG_BATCH_SIZE) ||
		PG_GETARG_INT32(ARG_BATCH_SIZE) < 1)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("batch_size must be a positive number of source transactions")));
	batch_size = PG_GETARG_INT32(ARG_BATCH_SIZE);

	apply_guarded(fcinfo, true, batch_size, &counts, &high_water, &have_lag, &lag,
				  CurrentMemoryContext);
	PG_RETURN_VOID();
}
