/*-------------------------------------------------------------------------
 *
 * planner.c
 *	  Planner callbacks: how many rows a zfdw foreign table has, what a
 *	  scan costs, which columns the scan must decode, and which paths it
 *	  offers: a sequential scan, a parallel scan of record ranges or files,
 *	  key seeks for quals on the key of a sorted file, parameterized key
 *	  seeks for nested-loop joins, and the key order as a sort order where
 *	  it provably matches PostgreSQL's.
 *
 * Row counts come from ANALYZE when it has run (its tuple density applied
 * to the current file size, as file_fdw does), otherwise from the file
 * size and the layout's record length.  Costs grow with the number of
 * columns decoded, since only those are decoded.
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
#include "optimizer/paths.h"
#include "optimizer/planmain.h"
#include "nodes/makefuncs.h"
#include "optimizer/restrictinfo.h"
#include "utils/lsyscache.h"
#include "utils/selfuncs.h"
#include "utils/rel.h"
#include "utils/typcache.h"

#include "layout/keyrange.h"
#include "scan/agg.h"
#include "scan/filter.h"
#include "scan/keys.h"
#include "scan/scan.h"

/*
 * How many times larger than on disk a compressed file is assumed to be
 * before ANALYZE has read one: mainframe records (blank-padded text,
 * packed numbers) typically shrink four- to tenfold with gzip.
 */
#define ZFDW_COMPRESSION_RATIO_GUESS 5

/* Attributes used by expressions, as pull_varattnos numbers them. */
static Bitmapset *
attrs_of(List *exprs, Index relid)
{
	Bitmapset  *attrs = NULL;
	ListCell   *lc;

	foreach(lc, exprs)
	{
		Node	   *n = lfirst(lc);

		if (IsA(n, RestrictInfo))
			n = (Node *) ((RestrictInfo *) n)->clause;
		pull_varattnos(n, relid, &attrs);
	}
	return attrs;
}

/* GetForeignRelSize: load the table's description, estimate its rows. */
void
zfdwGetForeignRelSize(PlannerInfo *root, RelOptInfo *baserel, Oid foreigntableid)
{
	ZfPlanState *ps = palloc0(sizeof(ZfPlanState));
	Relation	rel = table_open(foreigntableid, NoLock);
	ZfTable    *t;
	double		sel;

	ps->t = t = zfdw_open_table(rel, true, NULL, NULL);

	if (t->opts.filename)
	{
		List	   *files = zfdw_expand_files(t->opts.serverid, t->opts.filename, true);
		double		fraction;

		files = zfdw_share_plan_files(&t->opts, files, &fraction);
		ps->nfiles = list_length(files);
		ps->total_bytes = zfdw_total_size(t->opts.serverid, files) -
			(t->opts.file_header_bytes + t->opts.file_trailer_bytes) * ps->nfiles;
		ps->total_bytes = (int64) (Max(ps->total_bytes, 0) * fraction);
		ps->compression_kinds = zfdw_files_compression(t->opts.serverid, files, NULL, t->opts.compression);
	}
	else
	{
		ps->total_bytes = -1;
		ps->compression_kinds = zfdw_files_compression(t->opts.serverid, NIL, t->opts.program,
													   t->opts.compression);
	}
	ps->compressed = (ps->compression_kinds & ZFDW_COMPRESSED_BITS) != 0;
	if (zfdw_fixed_length_records(t))
		ps->record_bytes = t->lrecl;
	else
		ps->record_bytes = (t->rd->min_length + t->rd->max_length) / 2.0 + 4;
	ps->record_bytes = Max(ps->record_bytes, 1);

	if (baserel->pages > 0 && baserel->tuples > 0 && ps->total_bytes >= 0)
	{
		/* ANALYZE's density, scaled to the files as they are now */
		double		density = baserel->tuples / (double) baserel->pages;

		ps->ntuples = clamp_row_est(density * ((double) ps->total_bytes / BLCKSZ));
	}
	else if (ps->total_bytes >= 0)
	{
		/*
		 * total_bytes is what is on disk: a compressed file holds more,
		 * how much more only reading tells (ANALYZE does, above).
		 */
		ps->ntuples = clamp_row_est(ps->total_bytes *
									(ps->compressed ? ZFDW_COMPRESSION_RATIO_GUESS : 1) /
									ps->record_bytes);
	}
	else
		ps->ntuples = 1000;		/* a program: no way to know */

	/* a column in the output and in a condition is decoded once */
	ps->nneeded = bms_num_members(bms_union(attrs_of(baserel->reltarget->exprs, baserel->relid),
											attrs_of(baserel->baserestrictinfo, baserel->relid)));
	if (t->key_column >= 0 && t->key_kind != ZF_KEY_NONE && t->opts.filename)
	{
		Form_pg_attribute attr = TupleDescAttr(RelationGetDescr(rel), t->key_column);

		ps->key_attno = attr->attnum;
		ps->key_type = attr->atttypid;
		ps->key_typmod = attr->atttypmod;
		ps->key_collation = attr->attcollation;
	}
	table_close(rel, NoLock);
	baserel->fdw_private = ps;
	baserel->tuples = ps->ntuples;

	sel = clauselist_selectivity(root, baserel->baserestrictinfo, 0, JOIN_INNER, NULL);
	baserel->rows = clamp_row_est(ps->ntuples * sel);
}

/* Per-record CPU cost: cutting it out, decoding, the restrictions. */
static Cost
record_cost(RelOptInfo *baserel, ZfPlanState *ps)
{
	return cpu_tuple_cost * 0.5 + cpu_operator_cost * (1 + ps->nneeded) +
		baserel->baserestrictcost.per_tuple;
}

/* The clauses of a list that the key can answer. */
static List *
key_clauses(ZfPlanState *ps, RelOptInfo *baserel, List *rinfos)
{
	List	   *found = NIL;
	ListCell   *lc;

	foreach(lc, rinfos)
	{
		RestrictInfo *rinfo = lfirst(lc);
		int			strategy;
		bool		is_array;
		Expr	   *value;

		if (zfdw_key_clause(rinfo->clause, baserel->relid, ps->key_attno, ps->key_type,
							(ZfKeyKind) ps->t->key_kind, &strategy, &is_array, &value))
			found = lappend(found, rinfo);
	}
	return found;
}

/*
 * Cost of a key scan: a binary search of the sparse index and one block
 * read per seek, then the matching records read in order.
 */
static void
key_costs(RelOptInfo *baserel, ZfPlanState *ps, double nseeks, double rows,
		  Cost *startup, Cost *total)
{
	double		pages = ceil(rows * ps->record_bytes / BLCKSZ);

	*startup = baserel->baserestrictcost.startup;
	*total = *startup +
		nseeks * (random_page_cost + cpu_operator_cost * (2 + log2(Max(ps->ntuples, 2)))) +
		seq_page_cost * pages +
		rows * (record_cost(baserel, ps) + cpu_tuple_cost);
}

/* Number of seeks a list of key clauses asks for (the values of IN lists). */
static double
key_seeks(PlannerInfo *root, List *clauses)
{
	double		n = 1;
	ListCell   *lc;

	foreach(lc, clauses)
	{
		Expr	   *c = ((RestrictInfo *) lfirst(lc))->clause;

		if (IsA(c, ScalarArrayOpExpr))
		{
			Node	   *arr = lsecond(((ScalarArrayOpExpr *) c)->args);

			n = Max(n, zfdw_estimate_array_length(root, arr));
		}
	}
	return n;
}

/* For generate_implied_equalities_for_column: is em our key column? */
static bool
ec_matches_key(PlannerInfo *root, RelOptInfo *rel, EquivalenceClass *ec,
			   EquivalenceMember *em, void *arg)
{
	ZfPlanState *ps = (ZfPlanState *) arg;
	Expr	   *e = em->em_expr;

	if (e && IsA(e, RelabelType))
		e = ((RelabelType *) e)->arg;
	(void) root;
	(void) ec;
	return e && IsA(e, Var) && (Index) ((Var *) e)->varno == rel->relid &&
		((Var *) e)->varattno == ps->key_attno && ((Var *) e)->varlevelsup == 0;
}

/*
 * Parameterized key paths: for every join clause (or implied equality)
 * that compares the key with other relations' columns, a path that seeks
 * once per outer row.
 */
static void
add_param_key_paths(PlannerInfo *root, RelOptInfo *baserel, ZfPlanState *ps)
{
	List	   *candidates = NIL;
	ListCell   *lc;

	foreach(lc, baserel->joininfo)
	{
		RestrictInfo *rinfo = lfirst(lc);

		if (join_clause_is_movable_to(rinfo, baserel))
			candidates = lappend(candidates, rinfo);
	}
	if (baserel->has_eclass_joins)
		candidates = list_concat(candidates,
								 generate_implied_equalities_for_column(root, baserel,
																		ec_matches_key, ps,
																		baserel->lateral_referencers));
	foreach(lc, key_clauses(ps, baserel, candidates))
	{
		RestrictInfo *rinfo = lfirst(lc);
		Relids		required_outer;
		ParamPathInfo *ppi;
		Cost		startup,
					total;
		double		rows;

		required_outer = bms_union(rinfo->clause_relids, baserel->lateral_relids);
		required_outer = bms_del_member(required_outer, baserel->relid);
		if (bms_is_empty(required_outer))
			continue;
		ppi = get_baserel_parampathinfo(root, baserel, required_outer);
		rows = ppi->ppi_rows;
		key_costs(baserel, ps, 1, rows, &startup, &total);
		add_path(baserel, (Path *)
				 zfdw_create_foreignscan_path(root, baserel, NULL, rows, startup, total,
										 NIL, required_outer, NULL, NIL));
	}
}

/*
 * The key order as pathkeys, when byte order is provably PostgreSQL's
 * order: an unsigned zoned, packed or binary key (negative values and
 * EBCDIC text collate differently), in a single file.
 */
static List *
key_pathkeys(PlannerInfo *root, RelOptInfo *baserel, ZfPlanState *ps)
{
	const zf_field *f;
	TypeCacheEntry *tce;
	Var		   *var;
	ZfColumn   *col;

	if (ps->key_attno == 0 || ps->t->key_kind != ZF_KEY_NUMBER || ps->nfiles != 1 ||
		strpbrk(ps->t->opts.filename, "*?[") != NULL)
		return NIL;
	col = &ps->t->columns[ps->t->key_column];
	f = col->f;
	if (!zf_key_bytes_in_value_order(f))
		return NIL;
	tce = lookup_type_cache(ps->key_type, TYPECACHE_LT_OPR);
	if (!OidIsValid(tce->lt_opr))
		return NIL;
	var = makeVar(baserel->relid, ps->key_attno, ps->key_type, ps->key_typmod,
				  ps->key_collation, 0);
	return zfdw_build_expression_pathkey(root, (Expr *) var, tce->lt_opr,
									baserel->relids, false);
}

/* The parallel divisor of cost_seqscan: workers plus the leader's share. */
double
zfdw_parallel_divisor(int workers)
{
	double		divisor = workers;
	double		leader = 1.0 - 0.3 * workers;

	if (parallel_leader_participation && leader > 0)
		divisor += leader;
	return divisor;
}

/*
 * A partial path for parallel scans: record ranges of fixed-length files,
 * or whole files of a glob.
 */
static void
add_partial_path_for(PlannerInfo *root, RelOptInfo *baserel, ZfPlanState *ps)
{
	ForeignPath *path;
	int			workers;
	double		pages;
	double		divisor;
	Cost		startup,
				cpu;
	/* a compressed file cannot be split: whole files only */
	bool		fixed = zfdw_fixed_length_records(ps->t) && !ps->compressed;

	if (!baserel->consider_parallel || ps->total_bytes <= 0 ||
		(!fixed && ps->nfiles < 2))
		return;
	pages = ceil((double) ps->total_bytes / BLCKSZ);
	workers = compute_parallel_worker(baserel, pages, -1, max_parallel_workers_per_gather);
	if (!fixed)
		workers = Min(workers, ps->nfiles);
	if (workers <= 0)
		return;
	divisor = zfdw_parallel_divisor(workers);
	startup = baserel->baserestrictcost.startup;
	cpu = (record_cost(baserel, ps) * ps->ntuples + cpu_tuple_cost * baserel->rows) / divisor;
	path = zfdw_create_foreignscan_path(root, baserel, NULL, clamp_row_est(baserel->rows / divisor),
								   startup, startup + seq_page_cost * pages + cpu,
								   NIL, NULL, NULL, NIL);
	path->path.parallel_aware = true;
	path->path.parallel_safe = baserel->consider_parallel;
	path->path.parallel_workers = workers;
	add_partial_path(baserel, (Path *) path);
}

/* GetForeignPaths: every path the table offers. */
void
zfdwGetForeignPaths(PlannerInfo *root, RelOptInfo *baserel, Oid foreigntableid)
{
	ZfPlanState *ps = (ZfPlanState *) baserel->fdw_private;
	double		pages = ps->total_bytes > 0 ? ceil((double) ps->total_bytes / BLCKSZ) : 10;
	List	   *restrict_keys = NIL;
	Cost		startup,
				total;
	List	   *pathkeys;

	(void) foreigntableid;

	/* a compressed file cannot seek: its key quals only filter */
	if (ps->key_attno != 0 && !ps->compressed)
		restrict_keys = key_clauses(ps, baserel, baserel->baserestrictinfo);
	if (restrict_keys != NIL)
		key_costs(baserel, ps, key_seeks(root, restrict_keys), baserel->rows, &startup, &total);
	else
	{
		startup = baserel->baserestrictcost.startup;
		total = startup + seq_page_cost * pages + record_cost(baserel, ps) * ps->ntuples +
			cpu_tuple_cost * baserel->rows;
	}
	add_path(baserel, (Path *)
			 zfdw_create_foreignscan_path(root, baserel, NULL, baserel->rows, startup, total,
									 NIL, NULL, NULL, NIL));

	/* the same scan, offering the key's order */
	pathkeys = key_pathkeys(root, baserel, ps);
	if (pathkeys != NIL)
		add_path(baserel, (Path *)
				 zfdw_create_foreignscan_path(root, baserel, NULL, baserel->rows, startup, total,
										 pathkeys, NULL, NULL, NIL));

	if (restrict_keys == NIL)
		add_partial_path_for(root, baserel, ps);
	if (ps->key_attno != 0 && !ps->compressed)
		add_param_key_paths(root, baserel, ps);
}

/* GetForeignPlan: a ForeignScan that knows which columns to decode. */
ForeignScan *
zfdwGetForeignPlan(PlannerInfo *root, RelOptInfo *baserel, Oid foreigntableid,
				   ForeignPath *best_path, List *tlist, List *scan_clauses,
				   Plan *outer_plan)
{
	ZfPlanState *ps;
	Bitmapset  *attrs;
	List	   *needed = NIL;
	List	   *local = NIL;
	List	   *pushed = NIL;
	ListCell   *lc;
	int			x = -1;

	(void) foreigntableid;
	if (IS_UPPER_REL(baserel))
		return zfdw_agg_plan(root, baserel, best_path, tlist, outer_plan);
	ps = (ZfPlanState *) baserel->fdw_private;

	/* every column the target list and all the quals (with join quals
	 * moved here by a parameterized path) read */
	attrs = attrs_of(best_path->path.pathtarget->exprs, baserel->relid);
	attrs = bms_union(attrs, attrs_of(scan_clauses, baserel->relid));
	while ((x = bms_next_member(attrs, x)) >= 0)
		needed = lappend_int(needed, x);

	/*
	 * The clauses the record filter evaluates leave PostgreSQL's filter
	 * (they stay the plan's recheck quals: see filter_exec.c).
	 */
	foreach(lc, scan_clauses)
	{
		RestrictInfo *rinfo = lfirst_node(RestrictInfo, lc);

		if (rinfo->pseudoconstant)
			continue;
		if (zfdw_enable_filter_pushdown &&
			zfdw_filter_clause_ok(ps->t, (Node *) rinfo->clause, baserel->relid))
			pushed = lappend(pushed, rinfo->clause);
		else
			local = lappend(local, rinfo->clause);
	}
	return make_foreignscan(tlist, local, baserel->relid, NIL,
							list_make2(needed, makeInteger((int) ps->compression_kinds)),
							NIL, pushed, outer_plan);
}

/* IsForeignScanParallelSafe: files are, a program is not (it would run
 * once per worker). */
bool
zfdwIsForeignScanParallelSafe(PlannerInfo *root, RelOptInfo *rel,
							  RangeTblEntry *rte)
{
	ZfTableOptions opts;

	(void) root;
	(void) rel;
	zfdw_get_table_options(rte->relid, &opts);
	return opts.program == NULL;
}
