/*-------------------------------------------------------------------------
 *
 * agg.h
 *	  Aggregate pushdown: GROUP BY and count/sum/avg/min/max computed
 *	  inside the scan from the record bytes (agg_plan.c plans it,
 *	  agg_exec.c runs it), one row per group.  In a parallel plan each
 *	  process computes partial groups of its share of the records, and
 *	  the leader's ForeignScan above the Gather merges them
 *	  (agg_combine.c).
 *
 *-------------------------------------------------------------------------
 */
#ifndef ZFDW_AGG_H
#define ZFDW_AGG_H

#include "zfdw.h"

#include "foreign/fdwapi.h"
#include "nodes/execnodes.h"
#include "nodes/pathnodes.h"

/* zfdw.enable_aggregate_pushdown */
extern bool zfdw_enable_aggregate_pushdown;

/* What one output column of a pushed aggregate is. */
typedef enum ZfAggKind
{
	ZF_AGG_GROUP = 0,			/* a GROUP BY column */
	ZF_AGG_COUNT_STAR,
	ZF_AGG_COUNT,
	ZF_AGG_SUM,
	ZF_AGG_AVG,
	ZF_AGG_MIN,
	ZF_AGG_MAX,
	ZF_AGG_SHARE				/* a GROUP BY of the share meta column: one
								 * value per scan, so not a key; the row
								 * comes out only when a record was read */
} ZfAggKind;

/* Which part of a pushed aggregate a ForeignScan computes. */
typedef enum ZfAggMode
{
	ZF_AGG_WHOLE = 0,			/* every group, from the whole table */
	ZF_AGG_PARTIAL,				/* this process's share of the records, one
								 * row per group with the accumulators as
								 * bytea (under a Gather) */
	ZF_AGG_COMBINE				/* the leader: merges the partial rows of
								 * its outer plan (the Gather) */
} ZfAggMode;

/* Indexes of fdw_private of a pushed aggregate's ForeignScan. */
enum ZfAggPrivateIndex
{
	ZfAggPrivNeededAttrs = 0,	/* as ZfPrivNeededAttrs */
	ZfAggPrivRelid,				/* the table's range table index, as the
								 * Vars of ZfAggPrivClauses have it */
	ZfAggPrivRelOid,
	ZfAggPrivClauses,			/* the pushed filter */
	ZfAggPrivOutputs,			/* per output column: kind, attno */
	ZfAggPrivMode,				/* Integer: a ZfAggMode */
	ZfAggPrivCompression,		/* Integer: as ZfPrivCompression */
	ZfAggPrivCount
};

/*
 * True for a date, time or timestamp column a pushed aggregate reads
 * through the column's own conversion (agg_values.c): its Datum is an
 * integer in the type's order.
 */
extern bool zfdw_agg_datum_column(ZfTable *t, ZfColumn *col);

extern void zfdwGetForeignUpperPaths(PlannerInfo *root,
									 UpperRelationKind stage,
									 RelOptInfo *input_rel,
									 RelOptInfo *output_rel, void *extra);
extern ForeignScan *zfdw_agg_plan(PlannerInfo *root, RelOptInfo *rel,
								  ForeignPath *best_path, List *tlist,
								  Plan *outer_plan);

extern void zfdw_agg_begin(ForeignScanState *node,
						   const ZfPackedLayout *given);
extern struct ZfScanState *zfdw_agg_scan_state(ForeignScanState *node);
extern TupleTableSlot *zfdw_agg_iterate(ForeignScanState *node);
extern void zfdw_agg_rescan(ForeignScanState *node);
extern void zfdw_agg_end(ForeignScanState *node);
extern void zfdw_agg_explain(ForeignScanState *node, ExplainState *es);

#endif							/* ZFDW_AGG_H */
