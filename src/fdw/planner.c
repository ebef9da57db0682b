/*-------------------------------------------------------------------------
 *
 * planner.c
 *	  Planner callbacks: how many rows a zfdw foreign table has, what a
 *	  scan costs, and which columns the scan must decode.
 *
 * Row counts come from ANALYZE when it has run (its tuple density applied
 * to the current file size, as file_fdw does), otherwise from the file
 * size and the layout's record length.  The cost of a scan grows with the
 * number of columns it decodes, since only those are decoded.
 *
 *-------------------------------------------------------------------------
 */
#include "zfdw.h"

#include <math.h>

#include "access/sysattr.h"
#include "access/table.h"
#include "foreign/fdwapi.h"
#include "optimizer/cost.h"
#include "optimizer/optimizer.h"
#include "optimizer/pathnode.h"
#include "optimizer/planmain.h"
#include "optimizer/restrictinfo.h"
#include "utils/rel.h"

#include "zfdw_scan.h"

/* What planning learns about a table (RelOptInfo.fdw_private). */
typedef struct ZfPlanState
{
	ZfTableOptions opts;
	int64		total_bytes;	/* of all files, -1 for a program */
	int			nfiles;
	double		record_bytes;	/* average bytes per record on disk */
	double		ntuples;		/* records in the files */
	Bitmapset  *needed;			/* attnos the scan decodes */
	int			nneeded;
} ZfPlanState;

/* Attributes used by the target list and the restrictions. */
static Bitmapset *
needed_attrs(RelOptInfo *baserel)
{
	Bitmapset  *attrs = NULL;
	ListCell   *lc;

	pull_varattnos((Node *) baserel->reltarget->exprs, baserel->relid, &attrs);
	foreach(lc, baserel->baserestrictinfo)
	{
		RestrictInfo *rinfo = (RestrictInfo *) lfirst(lc);

		pull_varattnos((Node *) rinfo->clause, baserel->relid, &attrs);
	}
	return attrs;
}

/*
 * Average bytes a record takes on disk, from the layout: the record
 * length for fb, the mean of the shortest and longest record plus the
 * descriptor for the variable formats.
 */
static double
record_bytes(Oid relid, ZfTableOptions *opts)
{
	Relation	rel = table_open(relid, AccessShareLock);
	int32		recdef = 0;
	zf_layout  *L;
	const zf_recdef *rd;
	double		bytes;
	MemoryContext cxt = AllocSetContextCreate(CurrentMemoryContext, "zfdw plan layout",
											  ALLOCSET_SMALL_SIZES);
	MemoryContext old = MemoryContextSwitchTo(cxt);

	L = zfdw_load_layout(opts, RelationGetDescr(rel), relid, &recdef);
	rd = &L->records[recdef];
	if (opts->recfm == ZF_RECFM_FB && opts->format == ZF_FORMAT_RECORD)
		bytes = opts->lrecl > 0 ? opts->lrecl : rd->max_length;
	else
		bytes = (rd->min_length + rd->max_length) / 2.0 + 4;
	MemoryContextSwitchTo(old);
	MemoryContextDelete(cxt);	/* frees the layout too */
	table_close(rel, AccessShareLock);
	return Max(bytes, 1);
}

/* GetForeignRelSize: estimate the rows the scan returns. */
void
zfdwGetForeignRelSize(PlannerInfo *root, RelOptInfo *baserel, Oid foreigntableid)
{
	ZfPlanState *ps = palloc0(sizeof(ZfPlanState));
	List	   *files = NIL;
	double		sel;

	zfdw_get_table_options(foreigntableid, &ps->opts);
	if (ps->opts.filename)
	{
		files = zfdw_expand_files(ps->opts.filename, true);
		ps->nfiles = list_length(files);
		ps->total_bytes = zfdw_total_size(files);
		ps->total_bytes -= (ps->opts.file_header_bytes + ps->opts.file_trailer_bytes) * ps->nfiles;
		ps->total_bytes = Max(ps->total_bytes, 0);
	}
	else
		ps->total_bytes = -1;
	ps->record_bytes = record_bytes(foreigntableid, &ps->opts);

	if (baserel->pages > 0 && baserel->tuples > 0 && ps->total_bytes >= 0)
	{
		/* ANALYZE's density, scaled to the files as they are now */
		double		density = baserel->tuples / (double) baserel->pages;

		ps->ntuples = clamp_row_est(density * ((double) ps->total_bytes / BLCKSZ));
	}
	else if (ps->total_bytes >= 0)
		ps->ntuples = clamp_row_est(ps->total_bytes / ps->record_bytes);
	else
		ps->ntuples = 1000;		/* a program: no way to know */

	ps->needed = needed_attrs(baserel);
	ps->nneeded = bms_num_members(ps->needed);
	baserel->fdw_private = ps;

	sel = clauselist_selectivity(root, baserel->baserestrictinfo, 0, JOIN_INNER, NULL);
	baserel->rows = clamp_row_est(ps->ntuples * sel);
}

/*
 * Costs of a full scan: reading the pages, cutting records, decoding the
 * needed columns, evaluating the restrictions.
 */
static void
scan_costs(PlannerInfo *root, RelOptInfo *baserel, ZfPlanState *ps,
		   Cost *startup, Cost *total)
{
	double		pages = ps->total_bytes > 0 ? ceil((double) ps->total_bytes / BLCKSZ) : 10;
	Cost		per_record;

	per_record = cpu_tuple_cost * 0.5 + cpu_operator_cost * (1 + ps->nneeded) +
		baserel->baserestrictcost.per_tuple;
	*startup = baserel->baserestrictcost.startup;
	*total = *startup + seq_page_cost * pages + per_record * ps->ntuples +
		cpu_tuple_cost * baserel->rows;
}

/* GetForeignPaths: the sequential scan path. */
void
zfdwGetForeignPaths(PlannerInfo *root, RelOptInfo *baserel, Oid foreigntableid)
{
	ZfPlanState *ps = (ZfPlanState *) baserel->fdw_private;
	Cost		startup,
				total;

	scan_costs(root, baserel, ps, &startup, &total);
	add_path(baserel, (Path *)
			 create_foreignscan_path(root, baserel, NULL, baserel->rows,
									 startup, total, NIL, NULL, NULL, NIL));
}

/* GetForeignPlan: a ForeignScan that knows which columns to decode. */
ForeignScan *
zfdwGetForeignPlan(PlannerInfo *root, RelOptInfo *baserel, Oid foreigntableid,
				   ForeignPath *best_path, List *tlist, List *scan_clauses,
				   Plan *outer_plan)
{
	ZfPlanState *ps = (ZfPlanState *) baserel->fdw_private;
	List	   *needed = NIL;
	List	   *fdw_private;
	int			x = -1;

	while ((x = bms_next_member(ps->needed, x)) >= 0)
		needed = lappend_int(needed, x);
	fdw_private = list_make1(needed);
	scan_clauses = extract_actual_clauses(scan_clauses, false);
	return make_foreignscan(tlist, scan_clauses, baserel->relid, NIL,
							fdw_private, NIL, NIL, outer_plan);
}

/* EXPLAIN's line for key conditions (none in a plain scan). */
void
zfdw_explain_keys(ForeignScanState *node, ExplainState *es)
{
}
