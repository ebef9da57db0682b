/*-------------------------------------------------------------------------
 *
 * agg_plan.c
 *	  Planning aggregate pushdown (GetForeignUpperPaths, UPPERREL_GROUP_AGG):
 *	  a query over one zfdw table whose output is GROUP BY columns and
 *	  count(*), count(col), sum, avg, min and max of number columns (min
 *	  and max of text and date or time columns too), and
 *	  whose conditions are all pushed filters, gets a path that computes
 *	  the groups inside the scan (agg_exec.c).
 *
 * What qualifies, each part checked here:
 *	  - no grouping sets, HAVING, DISTINCT or ORDER BY inside an aggregate,
 *		FILTER, or expression over aggregates in the output (those stay
 *		with PostgreSQL's Agg node, over the ordinary scan);
 *	  - GROUP BY columns that a pushed filter could test (fixed-offset
 *		numbers, single-byte text under a deterministic collation);
 *	  - aggregated columns: smallint, integer, bigint or numeric over
 *		packed, zoned or binary fields of up to 36 digits (128-bit
 *		integers; a sum carries beyond them, agg_int.h);
 *	  - min and max of text columns under the "C" collation (agg_text.c);
 *	  - date, time, timestamp and timestamptz columns of fixed-offset
 *		fields, as group columns and under count, min and max: each
 *		record's value is the column's own Datum, an integer compared in
 *		the type's order (agg_values.c);
 *	  - every restriction clause of the table pushed as a filter, with
 *		constants or the query's parameters.
 *
 * When the table offers a parallel scan, a second path splits the work:
 * each process of a Gather computes partial groups over its share of the
 * records (ZF_AGG_PARTIAL), and a ForeignScan above the Gather merges
 * them (ZF_AGG_COMBINE, agg_combine.c).  PostgreSQL's own partial
 * aggregation (UPPERREL_PARTIAL_GROUP_AGG) would need the aggregates'
 * internal transition states serialized as each version does it; the
 * accumulators here are zfdw's own, so the merge is zfdw's too.
 *
 *-------------------------------------------------------------------------
 */
#include "zfdw.h"

#include <math.h>

#include "access/sysattr.h"
#include "catalog/pg_aggregate.h"
#include "catalog/pg_namespace.h"
#include "catalog/pg_type.h"
#include "nodes/nodeFuncs.h"
#include "optimizer/cost.h"
#include "optimizer/optimizer.h"
#include "optimizer/pathnode.h"
#include "optimizer/planmain.h"
#include "optimizer/tlist.h"
#include "parser/parsetree.h"
#include "utils/lsyscache.h"
#include "utils/selfuncs.h"

#include "scan/agg.h"
#include "scan/filter.h"
#include "scan/filter_int.h"
#include "scan/scan.h"

bool		zfdw_enable_aggregate_pushdown = true;

/* What planning found out, kept in the grouped relation's fdw_private. */
typedef struct ZfAggPlanState
{
	RelOptInfo *input_rel;
	List	   *outputs;		/* per output column: kind, attno */
	List	   *clauses;		/* the input's restriction clauses */
	unsigned	compression_kinds;	/* as ZfPlanState's, for EXPLAIN */
} ZfAggPlanState;

/* True when a node holds a parameter other than the query's own. */
static bool
has_exec_param(Node *node, void *context)
{
	if (node == NULL)
		return false;
	if (IsA(node, Param) && ((Param *) node)->paramkind != PARAM_EXTERN)
		return true;
	return expression_tree_walker(node, has_exec_param, context);
}

/* The column of a Var of the table that an aggregate may read, or NULL. */
static ZfColumn *
agg_column(ZfTable *t, Node *expr, Index relid, bool number_only)
{
	ZfColumn   *col;
	ZfFilterOperandKind kind;

	if (expr == NULL || !IsA(expr, Var))
		return NULL;
	col = zfdw_filter_column(t, expr, relid);
	if (col == NULL)
		return NULL;
	kind = zfdw_filter_operand_kind(t, col);
	if (kind == ZF_FOPERAND_NONE && !number_only && zfdw_agg_datum_column(t, col))
		return col;				/* a date or time: group, count, min, max */
	if (kind == ZF_FOPERAND_NONE || (number_only && kind != ZF_FOPERAND_NUMBER))
		return NULL;
	if (kind == ZF_FOPERAND_NUMBER && !zf_field_fits_int64(&col->reader) &&
		(col->f->digits == 0 || col->f->digits > 36))
		return NULL;			/* values read as 128-bit integers */
	return col;
}

/* True for a Var of the table's share meta column (shares.c). */
static bool
is_share_column(ZfTable *t, Node *expr, Index relid)
{
	Var		   *var = (Var *) expr;

	return expr != NULL && IsA(expr, Var) && (Index) var->varno == relid &&
		var->varlevelsup == 0 && var->varattno > 0 && var->varattno <= t->ncolumns &&
		t->columns[var->varattno - 1].meta == ZF_META_SHARE;
}

/*
 * The kind of a supported aggregate and the column it reads (NULL for
 * count(*)), or false.  Results must have the types PostgreSQL gives.
 */
static bool
agg_supported(ZfTable *t, Aggref *agg, Index relid, ZfAggKind *kind,
			  ZfColumn **colp)
{
	char	   *name;
	Oid			argtype = InvalidOid;
	Oid			want;
	ZfColumn   *col = NULL;

	if (agg->aggorder != NIL || agg->aggdistinct != NIL || agg->aggfilter != NULL ||
		agg->aggkind != AGGKIND_NORMAL || agg->agglevelsup != 0 ||
		agg->aggsplit != AGGSPLIT_SIMPLE || agg->aggvariadic ||
		get_func_namespace(agg->aggfnoid) != PG_CATALOG_NAMESPACE)
		return false;
	name = get_func_name(agg->aggfnoid);
	if (name == NULL)
		return false;
	if (agg->aggstar)
	{
		if (strcmp(name, "count") != 0)
			return false;
		*kind = ZF_AGG_COUNT_STAR;
		*colp = NULL;
		return agg->aggtype == INT8OID;
	}
	if (list_length(agg->args) != 1)
		return false;
	{
		TargetEntry *te = linitial_node(TargetEntry, agg->args);

		/* count, min and max read text columns too, sum and avg numbers */
		col = agg_column(t, (Node *) te->expr, relid,
						 strcmp(name, "sum") == 0 || strcmp(name, "avg") == 0);
		if (col == NULL)
			return false;
		argtype = exprType((Node *) te->expr);
	}
	if (strcmp(name, "count") == 0)
	{
		*kind = ZF_AGG_COUNT;
		want = INT8OID;
	}
	else if (strcmp(name, "sum") == 0)
	{
		*kind = ZF_AGG_SUM;
		want = argtype == INT2OID || argtype == INT4OID ? INT8OID : NUMERICOID;
	}
	else if (strcmp(name, "avg") == 0)
	{
		*kind = ZF_AGG_AVG;
		want = NUMERICOID;
	}
	else if (strcmp(name, "min") == 0 || strcmp(name, "max") == 0)
	{
		*kind = name[1] == 'i' ? ZF_AGG_MIN : ZF_AGG_MAX;
		want = argtype;
		/* text: only min(text) under "C", whose order is the bytes' */
		if (zfdw_filter_operand_kind(t, col) == ZF_FOPERAND_TEXT &&
			(argtype != TEXTOID || !zfdw_collation_is_c(agg->inputcollid)))
			return false;
	}
	else
		return false;
	if (argtype != col->typid || agg->aggtype != want)
		return false;
	*colp = col;
	return true;
}

/*
 * The grouped target of a partial aggregate: the group columns as they
 * are, each aggregate marked partial (EXPLAIN shows "PARTIAL sum(...)")
 * and typed bytea, the accumulator a worker hands its leader.
 */
static PathTarget *
partial_target(PlannerInfo *root, PathTarget *target)
{
	PathTarget *pt = create_empty_pathtarget();
	ListCell   *lc;
	int			i = 0;

	foreach(lc, target->exprs)
	{
		Expr	   *expr = lfirst(lc);

		if (IsA(expr, Aggref))
		{
			Aggref	   *agg = copyObject((Aggref *) expr);

			agg->aggsplit = AGGSPLIT_INITIAL_SERIAL;
			agg->aggtype = BYTEAOID;
			expr = (Expr *) agg;
		}
		add_column_to_pathtarget(pt, expr, get_pathtarget_sortgroupref(target, i));
		i++;
	}
	return set_pathtarget_cost_width(root, pt);
}

/*
 * The parallel path: a ForeignScan merging the partial groups that a
 * Gather collects from partial aggregates, each process taking chunks of
 * the table as its parallel scan does (as many workers as the table's
 * partial path has).
 */
static void
add_parallel_path(PlannerInfo *root, RelOptInfo *input_rel,
				  RelOptInfo *output_rel, PathTarget *target, double rows,
				  Cost serial_total)
{
	Path	   *scan = linitial(input_rel->partial_pathlist);
	int			workers = scan->parallel_workers;
	PathTarget *ptarget;
	ForeignPath *partial;
	GatherPath *gather;
	ForeignPath *combine;
	double		partial_rows;

	if (workers <= 0)
		return;
	ptarget = partial_target(root, target);
	partial = zfdw_create_foreign_upper_path(root, output_rel, ptarget, rows, 0,
											 serial_total / zfdw_parallel_divisor(workers),
											 NULL, list_make1(makeInteger(ZF_AGG_PARTIAL)));
	partial->path.parallel_aware = true;
	partial->path.parallel_safe = true;
	partial->path.parallel_workers = workers;
	partial_rows = rows * (workers + 1);
	gather = create_gather_path(root, output_rel, (Path *) partial, ptarget,
								NULL, &partial_rows);
	combine = zfdw_create_foreign_upper_path(root, output_rel, target, rows,
											 gather->path.total_cost,
											 gather->path.total_cost +
											 partial_rows * cpu_operator_cost * list_length(target->exprs) +
											 rows * cpu_tuple_cost,
											 (Path *) gather,
											 list_make1(makeInteger(ZF_AGG_COMBINE)));
	combine->path.parallel_safe = false;
	add_path(output_rel, (Path *) combine);
}

/*
 * GetForeignUpperPaths: a path computing the groups inside the scan, when
 * the query qualifies (see the file header).
 */
void
zfdwGetForeignUpperPaths(PlannerInfo *root, UpperRelationKind stage,
						 RelOptInfo *input_rel, RelOptInfo *output_rel,
						 void *extra)
{
	Query	   *parse = root->parse;
	ZfPlanState *ps;
	PathTarget *target;
	ZfAggPlanState *aps;
	List	   *outputs = NIL;
	List	   *clauses = NIL;
	List	   *group_exprs = NIL;
	int			ngroup = 0;
	int			nshare = 0;
	ForeignPath *path;
	double		rows;
	double		pages;
	Cost		total;
	ListCell   *lc;
	int			i;

	(void) extra;
	if (stage != UPPERREL_GROUP_AGG || !zfdw_enable_aggregate_pushdown ||
		input_rel->reloptkind != RELOPT_BASEREL || output_rel->fdw_private != NULL ||
		input_rel->fdw_private == NULL)
		return;
	if (parse->groupingSets != NIL || parse->havingQual != NULL ||
		parse->hasWindowFuncs || parse->hasTargetSRFs)
		return;
	ps = (ZfPlanState *) input_rel->fdw_private;

	/*
	 * Under on_error 'skip' a record with a bad value in any column is not
	 * a row at all, whatever the query reads (binding.c); the aggregate
	 * reads only its own fields, so it would count such records.
	 */
	if (ps->t->opts.on_error == ZF_ON_ERROR_SKIP)
		return;

	/* every condition must be a pushed filter */
	foreach(lc, input_rel->baserestrictinfo)
	{
		RestrictInfo *rinfo = lfirst_node(RestrictInfo, lc);

		if (rinfo->pseudoconstant || !zfdw_enable_filter_pushdown ||
			!zfdw_filter_clause_ok(ps->t, (Node *) rinfo->clause, input_rel->relid) ||
			has_exec_param((Node *) rinfo->clause, NULL))
			return;
		clauses = lappend(clauses, rinfo->clause);
	}

	target = root->upper_targets[UPPERREL_GROUP_AGG];
	i = 0;
	foreach(lc, target->exprs)
	{
		Expr	   *expr = lfirst(lc);
		Index		sgref = get_pathtarget_sortgroupref(target, i);
		ZfAggKind	kind;
		ZfColumn   *col;

		i++;
		if (sgref != 0 && get_sortgroupref_clause_noerr(sgref, parse->groupClause) != NULL)
		{
			Var		   *var = (Var *) expr;

			if (is_share_column(ps->t, (Node *) expr, input_rel->relid))
			{
				/* constant within the scan: not a key (agg_exec.c) */
				outputs = lappend(outputs, list_make2_int(ZF_AGG_SHARE, var->varattno));
				nshare++;
				continue;
			}

			col = agg_column(ps->t, (Node *) expr, input_rel->relid, false);
			if (col == NULL)
				return;
			/* equal text groups must be equal bytes */
			if (zfdw_filter_operand_kind(ps->t, col) == ZF_FOPERAND_TEXT &&
				(!OidIsValid(var->varcollid) ||
				 !get_collation_isdeterministic(var->varcollid)))
				return;
			outputs = lappend(outputs, list_make2_int(ZF_AGG_GROUP, col->attnum));
			group_exprs = lappend(group_exprs, expr);
			ngroup++;
			continue;
		}
		if (!IsA(expr, Aggref) ||
			!agg_supported(ps->t, (Aggref *) expr, input_rel->relid, &kind, &col))
			return;
		outputs = lappend(outputs, list_make2_int(kind, col ? col->attnum : 0));
	}
	if (ngroup + nshare != list_length(parse->groupClause))
		return;

	rows = ngroup == 0 ? 1 :
		estimate_num_groups(root, group_exprs, input_rel->rows, NULL, NULL);
	/* reading the file and testing and adding up each record's fields */
	pages = ps->total_bytes > 0 ? ceil((double) ps->total_bytes / BLCKSZ) : 10;
	total = seq_page_cost * pages +
		ps->ntuples * cpu_operator_cost * (1 + list_length(outputs)) +
		rows * cpu_tuple_cost;

	aps = palloc0(sizeof(ZfAggPlanState));
	aps->input_rel = input_rel;
	aps->outputs = outputs;
	aps->clauses = clauses;
	aps->compression_kinds = ps->compression_kinds;
	output_rel->fdw_private = aps;
	path = zfdw_create_foreign_upper_path(root, output_rel, target, rows,
										  0, total, NULL,
										  list_make1(makeInteger(ZF_AGG_WHOLE)));
	path->path.parallel_safe = false;	/* it reads the whole table */
	add_path(output_rel, (Path *) path);

	/*
	 * A GROUP BY of the share column stays serial: the partial groups of
	 * agg_combine.c are keyed by group columns, and the share is none.
	 */
	if (output_rel->consider_parallel && input_rel->partial_pathlist != NIL &&
		nshare == 0)
		add_parallel_path(root, input_rel, output_rel, target, rows, total);
}

/*
 * The ForeignScan of a pushed aggregate: no scan relation of its own
 * (scanrelid 0), its output described by fdw_scan_tlist (the grouped
 * target), and in fdw_private what agg_exec.c computes.
 */
ForeignScan *
zfdw_agg_plan(PlannerInfo *root, RelOptInfo *rel, ForeignPath *best_path,
			  List *tlist, Plan *outer_plan)
{
	ZfAggPlanState *aps = (ZfAggPlanState *) rel->fdw_private;
	RelOptInfo *input = aps->input_rel;
	RangeTblEntry *rte = planner_rt_fetch(input->relid, root);
	List	   *scan_tlist;
	Bitmapset  *attrs = NULL;
	List	   *needed = NIL;
	List	   *priv;
	ListCell   *lc;
	int			x = -1;

	scan_tlist = make_tlist_from_pathtarget(best_path->path.pathtarget);
	foreach(lc, aps->outputs)
	{
		int			attno = lsecond_int((List *) lfirst(lc));

		/* the share column is a constant of the table, never decoded */
		if (attno > 0 && linitial_int((List *) lfirst(lc)) != ZF_AGG_SHARE)
			attrs = bms_add_member(attrs, attno - FirstLowInvalidHeapAttributeNumber);
	}
	foreach(lc, aps->clauses)
		pull_varattnos(lfirst(lc), input->relid, &attrs);
	while ((x = bms_next_member(attrs, x)) >= 0)
		needed = lappend_int(needed, x);

	priv = list_make5(needed, makeInteger((int) input->relid),
					  makeInteger((int) rte->relid), aps->clauses, aps->outputs);
	priv = lappend(priv, linitial(best_path->fdw_private));	/* the mode */
	priv = lappend(priv, makeInteger((int) aps->compression_kinds));
	return make_foreignscan(tlist, NIL, 0, NIL, priv, scan_tlist, NIL, outer_plan);
}
