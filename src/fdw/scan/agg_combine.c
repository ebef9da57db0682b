/*-------------------------------------------------------------------------
 *
 * agg_combine.c
 *	  The leader of a parallel pushed aggregate: its outer plan (a Gather
 *	  over ZF_AGG_PARTIAL scans) returns one row per group per process,
 *	  the group columns as Datums and each aggregate's accumulator as a
 *	  bytea; they are merged here into the final groups, in the same exact
 *	  integers as a serial scan adds the records up.
 *
 *-------------------------------------------------------------------------
 */
#include "zfdw.h"

#include "executor/executor.h"
#include "miscadmin.h"
#include "utils/memutils.h"

#include "scan/agg_int.h"

/* Merge another process's accumulator of a group into ours. */
static void
merge_acc(ZfAggKind kind, AggAcc *a, const AggAcc *b)
{
	if (b->count == 0)
		return;
	switch (kind)
	{
		case ZF_AGG_SUM:
		case ZF_AGG_AVG:
			zfdw_agg_add(a, b->sum);
			a->carry += b->carry;
			break;
		case ZF_AGG_MIN:
			if (a->count == 0 || b->sum < a->sum)
				a->sum = b->sum;
			break;
		case ZF_AGG_MAX:
			if (a->count == 0 || b->sum > a->sum)
				a->sum = b->sum;
			break;
		default:
			break;
	}
	a->count += b->count;
}

/* Read every partial row of the outer plan into the groups. */
void
zfdw_agg_combine(ForeignScanState *node, ZfAggState *as)
{
	PlanState  *outer = outerPlanState(node);
	MemoryContext old = CurrentMemoryContext;

	if (outer == NULL)
		elog(ERROR, "zfdw: a combining aggregate has no partial input");
	for (;;)
	{
		TupleTableSlot *in = ExecProcNode(outer);
		uint8	   *entry;
		AggAcc	   *accs;

		if (TupIsNull(in))
			break;
		CHECK_FOR_INTERRUPTS();
		slot_getallattrs(in);
		if (in->tts_tupleDescriptor->natts != as->nout)
			elog(ERROR, "zfdw: a partial aggregate row has %d columns, not %d",
				 in->tts_tupleDescriptor->natts, as->nout);
		MemoryContextReset(as->rowcxt);
		MemoryContextSwitchTo(as->rowcxt);
		for (int i = 0; i < as->nout; i++)
			if (as->outs[i].kind == ZF_AGG_GROUP)
				zfdw_agg_value_from_datum(as, &as->outs[i], &as->vals[i],
										  in->tts_values[i], in->tts_isnull[i]);
		entry = zfdw_agg_group_of_values(as);
		accs = zfdw_agg_entry_accs(as, entry);
		for (int i = 0; i < as->nout; i++)
		{
			AggOut	   *out = &as->outs[i];
			bytea	   *b;
			AggAcc		acc;

			if (out->kind == ZF_AGG_GROUP)
				continue;
			if (in->tts_isnull[i])
				elog(ERROR, "zfdw: a partial aggregate row has no accumulator");
			b = DatumGetByteaPP(in->tts_values[i]);
			if (VARSIZE_ANY_EXHDR(b) < sizeof(AggAcc) ||
				(out->text_cap == 0 && VARSIZE_ANY_EXHDR(b) != sizeof(AggAcc)))
				elog(ERROR, "zfdw: a partial aggregate's accumulator has %zu bytes, not %zu",
					 (size_t) VARSIZE_ANY_EXHDR(b), sizeof(AggAcc));
			memcpy(&acc, VARDATA_ANY(b), sizeof(AggAcc));
			if (out->text_cap > 0)
			{
				/* a text min or max: the worker's kept value follows */
				if (acc.count > 0)
					zfdw_agg_text_offer(out, entry, &accs[out->acc],
										VARDATA_ANY(b) + sizeof(AggAcc),
										(uint32) (VARSIZE_ANY_EXHDR(b) - sizeof(AggAcc)));
				accs[out->acc].count += acc.count;
			}
			else if (out->kind == ZF_AGG_COUNT_STAR)
				accs[out->acc].count += acc.count;
			else
				merge_acc(out->kind, &accs[out->acc], &acc);
		}
		MemoryContextSwitchTo(old);
		as->nmerged++;
	}
}
