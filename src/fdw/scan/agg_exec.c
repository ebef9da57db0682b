/*-------------------------------------------------------------------------
 *
 * agg_exec.c
 *	  Running a pushed aggregate (agg_plan.c): the table is scanned with
 *	  its pushed filter, the GROUP BY columns and aggregated fields of each
 *	  record are read from its bytes (no Datum, no tuple), added up in
 *	  exact integer arithmetic per group, and one row per group comes out.
 *
 * Sums, minimums and maximums are 128-bit integers at the field's scale
 * (sums of fields of up to 36 digits carry beyond 128 bits: zfdw_agg_add);
 * agg_values.c turns them into the result Datums.
 *
 * A record whose fields do not all read plainly (bad bytes, a value the
 * column refuses), or that the pushed filter is unsure about, takes the
 * ordinary path: its columns are decoded with the table's on_error
 * behaviour, the pushed conditions are tested by PostgreSQL, and its
 * values join the group from their Datums.
 *
 *-------------------------------------------------------------------------
 */
#include "zfdw.h"

#include "access/table.h"
#include "catalog/pg_type.h"
#include "executor/executor.h"
#include "executor/tuptable.h"
#include "miscadmin.h"
#include "nodes/makefuncs.h"
#include "nodes/nodeFuncs.h"
#include "rewrite/rewriteManip.h"
#include "utils/builtins.h"
#include "utils/hsearch.h"
#include "utils/memutils.h"
#include "utils/numeric.h"
#include "utils/rel.h"
#include "utils/ruleutils.h"

#include "scan/agg_int.h"

/* A new group (or the hash table of groups), freshly zeroed. */
static void
reset_groups(ZfAggState *as)
{
	MemoryContextReset(as->groupcxt);
	as->computed = false;
	as->single_done = false;
	memset(as->recent, 0, sizeof(as->recent));
	as->ngroups_out = 0;
	if (as->ngroup > 0)
	{
		HASHCTL		ctl;

		memset(&ctl, 0, sizeof(ctl));
		ctl.keysize = as->keysize;
		ctl.entrysize = as->entrysize;
		ctl.hcxt = as->groupcxt;
		as->groups = hash_create("zfdw groups", 256, &ctl,
								 HASH_ELEM | HASH_BLOBS | HASH_CONTEXT);
	}
	else
		as->single = MemoryContextAllocZero(as->groupcxt, as->entrysize);
}

/*
 * BeginForeignScan of a pushed aggregate (InitializeWorkerForeignScan in
 * a parallel worker, with the layout its leader packed: given).  A
 * combining leader reads no records: it only needs the table's columns.
 */
void
zfdw_agg_begin(ForeignScanState *node, const ZfPackedLayout *given)
{
	ForeignScan *plan = (ForeignScan *) node->ss.ps.plan;
	ZfAggState *as = palloc0(sizeof(ZfAggState));
	Bitmapset  *needed = NULL;
	Oid			reloid;
	ListCell   *lc;
	int			i;
	ZfScanState *s = NULL;

	foreach(lc, (List *) list_nth(plan->fdw_private, ZfAggPrivNeededAttrs))
		needed = bms_add_member(needed, lfirst_int(lc));
	as->mode = (ZfAggMode) intVal(list_nth(plan->fdw_private, ZfAggPrivMode));
	as->relid = (Index) intVal(list_nth(plan->fdw_private, ZfAggPrivRelid));
	reloid = (Oid) intVal(list_nth(plan->fdw_private, ZfAggPrivRelOid));
	as->clauses = (List *) list_nth(plan->fdw_private, ZfAggPrivClauses);
	as->rel = table_open(reloid, NoLock);	/* locked by the executor */
	if (as->mode == ZF_AGG_COMBINE)
		as->t = zfdw_open_table(as->rel, false, needed, NULL);
	else
	{
		s = as->s = zfdw_scan_begin(as->rel, false, needed, given);
		as->t = s->t;
		s->econtext = node->ss.ps.ps_ExprContext;
		s->compression_kinds = (unsigned) intVal(list_nth(plan->fdw_private,
														  ZfAggPrivCompression));
		s->defer_decode = true;
		s->filter = zfdw_filter_begin_clauses(node, s, as->clauses, as->relid,
											  ExecInitQual(as->clauses, &node->ss.ps));
	}

	as->nout = list_length((List *) list_nth(plan->fdw_private, ZfAggPrivOutputs));
	as->outs = palloc0(sizeof(AggOut) * as->nout);
	as->vals = palloc0(sizeof(AggVal) * as->nout);
	as->keysize = 0;
	as->share_acc = -1;
	i = 0;
	foreach(lc, (List *) list_nth(plan->fdw_private, ZfAggPrivOutputs))
	{
		List	   *o = lfirst(lc);
		AggOut	   *out = &as->outs[i++];
		int			attno = lsecond_int(o);

		out->kind = (ZfAggKind) linitial_int(o);
		if (out->kind == ZF_AGG_SHARE)
		{
			out->share_col = &as->t->columns[attno - 1];
			out->acc = as->share_acc = as->nagg++;
			continue;
		}
		if (attno > 0)
		{
			out->col = &as->t->columns[attno - 1];
			out->okind = zfdw_filter_operand_kind(as->t, out->col);
			out->by_datum = out->okind == ZF_FOPERAND_NONE &&
				zfdw_agg_datum_column(as->t, out->col);
			if (!out->by_datum &&
				(out->okind == ZF_FOPERAND_NONE ||
				 !zfdw_filter_operand_init(out->col, out->okind, &out->op)))
				elog(ERROR, "zfdw: column \"%s\" cannot be aggregated in the scan",
					 out->col->attname);
			if (out->okind == ZF_FOPERAND_TEXT)
				out->tab = zf_field_sbcs_text(&out->col->reader);
			else
				out->datum_scale = out->col->target == ZF_TARGET_NUMERIC &&
					out->col->num_precision >= 0 ? out->col->num_scale : out->col->f->scale;
		}
		if ((out->kind == ZF_AGG_MIN || out->kind == ZF_AGG_MAX) &&
			out->okind == ZF_FOPERAND_TEXT)
			out->text_cap = 3 * (int) out->col->f->length + 4;
		if (out->kind == ZF_AGG_GROUP)
		{
			out->key_off = (int) as->keysize;
			out->key_len = out->okind == ZF_FOPERAND_TEXT ?
				1 + 4 + 3 * (int) out->col->f->length + 4 : 1 + (int) sizeof(zf_int128);
			as->keysize += out->key_len;
			as->ngroup++;
		}
		else
			out->acc = as->nagg++;
	}
	as->keysize = Max(as->keysize, 1);
	as->entrysize = MAXALIGN(as->keysize) + sizeof(AggAcc) * Max(as->nagg, 1);
	/* the kept values of text min/max after the accumulators */
	{
		int			scratch = 0;

		for (i = 0; i < as->nout; i++)
			if (as->outs[i].text_cap > 0)
			{
				as->outs[i].text_off = (int) as->entrysize;
				as->entrysize += 4 + as->outs[i].text_cap;
				scratch = Max(scratch, as->outs[i].text_cap);
			}
		if (scratch > 0)
			as->text_scratch = palloc(scratch + 4);
	}
	as->entrysize = MAXALIGN(as->entrysize);
	as->key = palloc0(as->keysize);
	as->baseslot = MakeSingleTupleTableSlot(RelationGetDescr(as->rel), &TTSOpsVirtual);
	as->rowcxt = AllocSetContextCreate(CurrentMemoryContext, "zfdw aggregate row",
									   ALLOCSET_DEFAULT_SIZES);
	as->groupcxt = AllocSetContextCreate(CurrentMemoryContext, "zfdw groups",
										 ALLOCSET_DEFAULT_SIZES);
	reset_groups(as);
	node->fdw_state = as;
}

/* The record scan of a pushed aggregate's node (NULL: none, or not yet open). */
ZfScanState *
zfdw_agg_scan_state(ForeignScanState *node)
{
	ZfAggState *as = (ZfAggState *) node->fdw_state;

	return as ? as->s : NULL;
}

/* Read every output's value of the current record from its bytes. */
static inline bool
read_fast(ZfAggState *as, const uint8 *rec, uint32 len)
{
	for (int i = 0; i < as->nout; i++)
	{
		AggOut	   *out = &as->outs[i];
		AggVal	   *v = &as->vals[i];
		zf_filter_cell c;

		if (out->col == NULL)
			continue;
		if (out->by_datum)
		{
			if (!zfdw_agg_read_datum(as, out, v, rec, len))
				return false;
			continue;
		}
		if (!zf_filter_read(&out->op, rec, len, &c))
			return false;
		v->isnull = c.is_null;
		v->v = c.number;
		v->utf8 = NULL;
		v->raw = c.text;
		v->rawlen = c.len;
	}
	return true;
}

/*
 * The ordinary path for the current record: decode its columns (on_error
 * applies), test the pushed clauses if the filter was unsure, and take
 * the values from the Datums.  False when the record is skipped.
 */
static bool
read_slow(ZfAggState *as, ExprContext *econtext)
{
	ZfScanState *s = as->s;
	TupleTableSlot *slot = as->baseslot;
	bool		recheck = s->recheck;

	s->recheck = false;
	MemoryContextReset(as->rowcxt);
	MemoryContextSwitchTo(as->rowcxt);
	ExecClearTuple(slot);
	if (!zfdw_scan_decode_current(s, slot->tts_values, slot->tts_isnull))
		return false;
	ExecStoreVirtualTuple(slot);
	if (recheck && s->filter)
	{
		econtext->ecxt_scantuple = slot;
		if (!ExecQual(s->filter->recheck, econtext))
		{
			s->npushskipped++;
			return false;
		}
	}
	for (int i = 0; i < as->nout; i++)
	{
		AggOut	   *out = &as->outs[i];
		int			k;

		if (out->col == NULL)
			continue;
		k = out->col - s->t->columns;
		zfdw_agg_value_from_datum(as, out, &as->vals[i], slot->tts_values[k],
								  slot->tts_isnull[k]);
	}
	return true;
}

/* The group of the current values (created on first sight). */
static inline uint8 *
find_group(ZfAggState *as)
{
	bool		found;

	if (as->ngroup == 0)
		return as->single;
	memset(as->key, 0, as->keysize);
	for (int i = 0; i < as->nout; i++)
	{
		AggOut	   *out = &as->outs[i];
		AggVal	   *v = &as->vals[i];
		uint8	   *k = as->key + out->key_off;

		if (out->kind != ZF_AGG_GROUP)
			continue;
		k[0] = v->isnull;
		if (v->isnull)
			continue;
		if (out->okind == ZF_FOPERAND_NUMBER || out->by_datum)
			memcpy(k + 1, &v->v, sizeof(zf_int128));
		else
		{
			uint32		n;

			if (v->utf8)
			{
				n = v->utf8len;
				if ((int) n > out->key_len - 5)
					elog(ERROR, "zfdw: group value longer than its field");
				memcpy(k + 5, v->utf8, n);
			}
			else
			{
				int64		w = zf_sbcs_fast_decode(out->tab, v->raw, v->rawlen, (char *) k + 5);

				if (w < 0)
					elog(ERROR, "zfdw: group value does not decode");
				n = (uint32) w;
			}
			memcpy(k + 1, &n, 4);
		}
	}
	{
		uint64		h = 0;
		int			slot;
		uint8	   *entry;

		for (Size i = 0; i < as->keysize; i += 8)
		{
			uint64		w = 0;

			memcpy(&w, as->key + i, Min(8, as->keysize - i));
			h = (h ^ w) * UINT64CONST(0x9E3779B97F4A7C15);
		}
		slot = (int) (h >> 58);
		entry = as->recent[slot];
		/* an entry starts with its key */
		if (entry != NULL && memcmp(entry, as->key, as->keysize) == 0)
			return entry;
		entry = hash_search(as->groups, as->key, HASH_ENTER, &found);
		if (!found)
			memset(zfdw_agg_entry_accs(as, entry), 0, sizeof(AggAcc) * Max(as->nagg, 1));
		as->recent[slot] = entry;
		return entry;
	}
}

/* Add the current values to their group. */
static inline void
accumulate(ZfAggState *as, uint8 *entry)
{
	AggAcc	   *accs = zfdw_agg_entry_accs(as, entry);

	for (int i = 0; i < as->nout; i++)
	{
		AggOut	   *out = &as->outs[i];
		AggVal	   *v = &as->vals[i];
		AggAcc	   *a;

		if (out->kind == ZF_AGG_GROUP)
			continue;
		a = &accs[out->acc];
		if (out->kind == ZF_AGG_COUNT_STAR || out->kind == ZF_AGG_SHARE)
		{
			a->count++;
			continue;
		}
		if (v->isnull)
			continue;
		switch (out->kind)
		{
			case ZF_AGG_SUM:
			case ZF_AGG_AVG:
				zfdw_agg_add(a, v->v);
				break;
			case ZF_AGG_MIN:
			case ZF_AGG_MAX:
				if (out->text_cap > 0)
				{
					const char *p;
					uint32		n;

					zfdw_agg_text_value(as, out, v, &p, &n);
					zfdw_agg_text_offer(out, entry, a, p, n);
				}
				else if (a->count == 0 ||
						 (out->kind == ZF_AGG_MIN ? v->v < a->sum : v->v > a->sum))
					a->sum = v->v;
				break;
			default:
				break;
		}
		a->count++;
	}
}

/* The group of the current values, for agg_combine.c. */
uint8 *
zfdw_agg_group_of_values(ZfAggState *as)
{
	MemoryContext o = MemoryContextSwitchTo(as->groupcxt);
	uint8	   *entry = find_group(as);

	MemoryContextSwitchTo(o);
	return entry;
}

/* Add the current record's values to their group. */
static inline void
add_record(ZfAggState *as)
{
	MemoryContext o = MemoryContextSwitchTo(as->groupcxt);
	uint8	   *entry = find_group(as);

	MemoryContextSwitchTo(o);
	accumulate(as, entry);
}

/*
 * Runs of fixed records, gone through here without a call per record:
 * the filter, the fields read, the group found and added to.
 */
static void
compute_runs(ForeignScanState *node, ZfAggState *as)
{
	ZfScanState *s = as->s;
	ExprContext *econtext = node->ss.ps.ps_ExprContext;
	MemoryContext old = CurrentMemoryContext;
	const zf_filter *flt = s->filter && !s->filter->disabled ? &s->filter->flt : NULL;
	bool		all_unsure = s->filter && s->filter->disabled;
	zf_record	first;
	uint32		n;

	while (zfdw_next_run(s, &first, &n))
	{
		uint32		len = first.length;

		CHECK_FOR_INTERRUPTS();
		s->nread += n;
		for (uint32 i = 0; i < n; i++)
		{
			const uint8 *rec = first.data + (size_t) i * len;
			bool		unsure = all_unsure;

			if (s->key_len > 0 && i > 0)
			{
				/* every key read is in order (the first was checked) */
				zf_record	r;

				r.data = rec;
				r.length = len;
				r.number = first.number + i;
				r.offset = first.offset + (uint64) i * len;
				zfdw_check_key_order(s, &r);
			}

			if (flt)
			{
				zf_tv		tv = zf_filter_eval(flt, rec, len);

				if (tv == ZF_TV_FALSE || tv == ZF_TV_NULL)
				{
					s->npushskipped++;
					continue;
				}
				unsure = tv == ZF_TV_UNSURE;
			}
			if (!unsure && read_fast(as, rec, len))
			{
				add_record(as);
				continue;
			}
			/* the ordinary path, with this record as the scan's current */
			s->rec.filename = s->src.name;
			s->rec.number = first.number + i;
			s->rec.offset = first.offset + (uint64) i * len;
			s->rec.data = rec;
			s->rec.length = len;
			s->rec.cursor = NULL;
			s->recheck = unsure;
			if (read_slow(as, econtext))
			{
				MemoryContextSwitchTo(old);
				add_record(as);
			}
			MemoryContextSwitchTo(old);
		}
	}
}

/*
 * The scan's error context while going through runs, unless a record is
 * being decoded (which says it with the record's place).
 */
static void
runs_error_callback(void *arg)
{
	ZfScanState *s = (ZfScanState *) arg;

	if (!s->in_record)
		s->errcb.callback(s->errcb.arg);
}

/* Scan the table (this process's share of it, in a parallel plan) into the groups. */
static void
scan_records(ForeignScanState *node, ZfAggState *as)
{
	ZfScanState *s = as->s;
	ExprContext *econtext = node->ss.ps.ps_ExprContext;
	MemoryContext old = CurrentMemoryContext;
	ErrorContextCallback errcb;

	if (s->filter && !s->filter->ready)
		zfdw_scan_prepare_filter(s);
	if (zfdw_scan_runs_ok(s))
	{
		/* the scan's error context (the table, the file) around the runs */
		errcb.callback = runs_error_callback;
		errcb.arg = s;
		errcb.previous = error_context_stack;
		error_context_stack = &errcb;
		compute_runs(node, as);
		error_context_stack = errcb.previous;
	}
	else
		while (zfdw_scan_next(s, NULL, NULL))
		{
			bool		ok;

			if (!s->recheck && read_fast(as, s->rec.data, s->rec.length))
				ok = true;
			else
			{
				ok = read_slow(as, econtext);
				MemoryContextSwitchTo(old);
			}
			if (ok)
				add_record(as);
		}
}

/* The groups: from the records, or merged from the workers' partial groups. */
static void
compute(ForeignScanState *node, ZfAggState *as)
{
	if (as->mode == ZF_AGG_COMBINE)
		zfdw_agg_combine(node, as);
	else
		scan_records(node, as);
	as->computed = true;
	if (as->groups)
		hash_seq_init(&as->seq, as->groups);
}

/* IterateForeignScan of a pushed aggregate: the next group's row. */
TupleTableSlot *
zfdw_agg_iterate(ForeignScanState *node)
{
	ZfAggState *as = (ZfAggState *) node->fdw_state;
	TupleTableSlot *slot = node->ss.ss_ScanTupleSlot;
	uint8	   *entry;

	ExecClearTuple(slot);
	if (!as->computed)
	{
		MemoryContext old = MemoryContextSwitchTo(node->ss.ps.state->es_query_cxt);

		compute(node, as);
		MemoryContextSwitchTo(old);
	}
	if (as->ngroup == 0)
	{
		if (as->single_done)
			return slot;
		as->single_done = true;
		entry = as->single;
		/* GROUP BY the share alone: no records, no group */
		if (as->share_acc >= 0 &&
			zfdw_agg_entry_accs(as, entry)[as->share_acc].count == 0)
			return slot;
	}
	else if ((entry = hash_seq_search(&as->seq)) == NULL)
		return slot;
	if (as->mode == ZF_AGG_PARTIAL)
		zfdw_agg_emit_partial(as, entry, slot);
	else
		zfdw_agg_emit(as, entry, slot);
	as->ngroups_out++;
	ExecStoreVirtualTuple(slot);
	return slot;
}

/* ReScanForeignScan of a pushed aggregate: count again. */
void
zfdw_agg_rescan(ForeignScanState *node)
{
	ZfAggState *as = (ZfAggState *) node->fdw_state;

	if (as->computed && as->groups && hash_get_num_entries(as->groups) > 0 &&
		as->ngroups_out < (uint64) hash_get_num_entries(as->groups))
		hash_seq_term(&as->seq);
	if (as->s)
	{
		zfdw_scan_rewind(as->s);
		if (as->s->filter)
			as->s->filter->ready = false;
	}
	as->nmerged = 0;
	reset_groups(as);
}

/* EndForeignScan of a pushed aggregate. */
void
zfdw_agg_end(ForeignScanState *node)
{
	ZfAggState *as = (ZfAggState *) node->fdw_state;

	if (as == NULL)
		return;
	if (as->computed && as->groups &&
		as->ngroups_out < (uint64) hash_get_num_entries(as->groups))
		hash_seq_term(&as->seq);
	if (as->s)
		zfdw_scan_end(as->s);
	ExecDropSingleTupleTableSlot(as->baseslot);
	table_close(as->rel, NoLock);
}

/*
 * EXPLAIN of a pushed aggregate: the table's lines as a scan shows them,
 * the aggregate, the filter, the counts.
 */
void
zfdw_agg_explain(ForeignScanState *node, ExplainState *es)
{
	ZfAggState *as = (ZfAggState *) node->fdw_state;
	ForeignScan *plan = (ForeignScan *) node->ss.ps.plan;
	List	   *context;
	StringInfoData aggs;
	StringInfoData groups;
	ListCell   *lc;
	int			i = 0;
	int			relid;

	context = set_deparse_context_plan(es->deparse_cxt, node->ss.ps.plan, NIL);
	initStringInfo(&aggs);
	initStringInfo(&groups);
	foreach(lc, plan->fdw_scan_tlist)
	{
		TargetEntry *te = lfirst_node(TargetEntry, lc);
		ZfAggKind	kind = as->outs[i++].kind;
		StringInfo	buf = kind == ZF_AGG_GROUP || kind == ZF_AGG_SHARE ? &groups : &aggs;

		appendStringInfo(buf, "%s%s", buf->len ? ", " : "",
						 deparse_expression((Node *) te->expr, context, false, false));
	}
	if (groups.len)
		appendStringInfo(&aggs, " GROUP BY %s", groups.data);
	if (as->s)
		zfdw_explain_table(as->s, es);	/* the file, its format and layout */
	/* (a partial aggregate's say "PARTIAL sum(...)") */
	ExplainPropertyText("Pushed Aggregate", aggs.data, es);
	if (as->clauses != NIL && as->mode != ZF_AGG_COMBINE)
	{
		Node	   *expr = list_length(as->clauses) == 1 ? linitial(as->clauses) :
			(Node *) make_andclause(as->clauses);

		/* the clauses' Vars as the plan's range table now numbers them */
		relid = bms_membership(plan->fs_relids) == BMS_SINGLETON ?
			bms_singleton_member(plan->fs_relids) : (int) as->relid;
		expr = copyObject(expr);
		ChangeVarNodes(expr, (int) as->relid, relid, 0);
		ExplainPropertyText("Pushed Filter",
							deparse_expression(expr, context, false, false), es);
	}
	if (es->analyze && as->mode == ZF_AGG_COMBINE)
	{
		ExplainPropertyInteger("Partial Groups Merged", NULL, (int64) as->nmerged, es);
		ExplainPropertyInteger("Groups", NULL, (int64) as->ngroups_out, es);
	}
	else if (es->analyze)
	{
		/* this process's records and those of its parallel workers */
		ZfScanState *s = as->s;

		ExplainPropertyInteger("Records Read", NULL,
							   (int64) (s->nread + s->workers_nread), es);
		if (s->filter)
			ExplainPropertyInteger("Records Skipped by Pushed Filter", NULL,
								   (int64) (s->npushskipped + s->workers_npushskipped), es);
		ExplainPropertyInteger("Records Rejected", NULL,
							   (int64) (s->nrejected + s->workers_nrejected), es);
		ExplainPropertyInteger("Groups", NULL, (int64) as->ngroups_out, es);
	}
}
