/*-------------------------------------------------------------------------
 *
 * compat.h
 *	  The one place where zfdw meets the differences between the
 *	  PostgreSQL versions it supports (15 to 19).
 *
 * Every API that changed between those versions is wrapped here behind
 * PG_VERSION_NUM, so that the callbacks read the same on every version.
 * docs/postgresql-versions.md lists each difference and what users see.
 *
 *-------------------------------------------------------------------------
 */
#ifndef ZFDW_COMPAT_H
#define ZFDW_COMPAT_H

#include "postgres.h"

/* 16 moved the varlena macros (VARDATA, SET_VARSIZE) out of postgres.h */
#if PG_VERSION_NUM >= 160000
#include "varatt.h"
#endif

/*
 * 18 replaced the trailing pg_attribute_noreturn() by pg_noreturn, written
 * before the declaration; both are the compiler's noreturn attribute.
 */
#ifndef pg_noreturn
#define pg_noreturn pg_attribute_noreturn()
#endif

/*
 * 18 split ExplainState (explain_state.h) and the ExplainProperty*
 * functions (explain_format.h) out of explain.h.
 */
#include "commands/explain.h"
#if PG_VERSION_NUM >= 180000
#include "commands/explain_format.h"
#include "commands/explain_state.h"
#endif

#include "nodes/pathnodes.h"
#include "optimizer/pathnode.h"
#include "optimizer/paths.h"
#include "commands/vacuum.h"
#include "utils/rel.h"
#include "utils/relcache.h"
#include "utils/selfuncs.h"

/*
 * create_foreignscan_path: 17 added the restriction clauses the path
 * enforces itself (fdw_restrictinfo, for join pushdown; a base-relation
 * scan passes none), and 18 the count of disabled nodes below the path
 * (zfdw's scans disable nothing).
 */
static inline ForeignPath *
zfdw_create_foreignscan_path(PlannerInfo *root, RelOptInfo *rel,
							 PathTarget *target, double rows,
							 Cost startup_cost, Cost total_cost,
							 List *pathkeys, Relids required_outer,
							 Path *fdw_outerpath, List *fdw_private)
{
#if PG_VERSION_NUM >= 180000
	return create_foreignscan_path(root, rel, target, rows, 0,
								   startup_cost, total_cost, pathkeys,
								   required_outer, fdw_outerpath, NIL,
								   fdw_private);
#elif PG_VERSION_NUM >= 170000
	return create_foreignscan_path(root, rel, target, rows,
								   startup_cost, total_cost, pathkeys,
								   required_outer, fdw_outerpath, NIL,
								   fdw_private);
#else
	return create_foreignscan_path(root, rel, target, rows,
								   startup_cost, total_cost, pathkeys,
								   required_outer, fdw_outerpath,
								   fdw_private);
#endif
}

/*
 * build_expression_pathkey: 16 dropped the nullable_relids argument
 * (outer-join nullability is tracked in the Vars themselves since).
 */
static inline List *
zfdw_build_expression_pathkey(PlannerInfo *root, Expr *expr, Oid opno,
							  Relids rel, bool create_it)
{
#if PG_VERSION_NUM >= 160000
	return build_expression_pathkey(root, expr, opno, rel, create_it);
#else
	return build_expression_pathkey(root, expr, NULL, opno, rel, create_it);
#endif
}

/*
 * estimate_array_length: 17 takes the planner state (to use the array's
 * statistics) and returns a double.
 */
static inline double
zfdw_estimate_array_length(PlannerInfo *root, Node *arrayexpr)
{
#if PG_VERSION_NUM >= 170000
	return estimate_array_length(root, arrayexpr);
#else
	(void) root;
	return estimate_array_length(arrayexpr);
#endif
}

/*
 * RelationGetPrimaryKeyIndex: 18 asks whether a deferrable primary key
 * will do.  zfdw's change apply needs a key that holds at every
 * statement, so it asks for an immediate one, as 15 to 17 always gave.
 */
static inline Oid
zfdw_relation_primary_key_index(Relation relation)
{
#if PG_VERSION_NUM >= 180000
	return RelationGetPrimaryKeyIndex(relation, false);
#else
	return RelationGetPrimaryKeyIndex(relation);
#endif
}

/*
 * vacuum_delay_point: 18 asks whether the caller is ANALYZE (which has a
 * cost limit of its own); zfdw calls it only from ANALYZE's sampler.
 */
static inline void
zfdw_analyze_delay_point(void)
{
#if PG_VERSION_NUM >= 180000
	vacuum_delay_point(true);
#else
	vacuum_delay_point();
#endif
}

/*
 * A subscription worker connects as the subscription's owner.  Until 16 a
 * background worker can only connect as a role that may log in; 17 added
 * BGWORKER_BYPASS_ROLELOGINCHECK, so there any role may own one.
 */
#if PG_VERSION_NUM >= 170000
#define ZFDW_BGW_OWNER_FLAGS BGWORKER_BYPASS_ROLELOGINCHECK
#define ZFDW_BGW_OWNER_NEEDS_LOGIN false
#else
#define ZFDW_BGW_OWNER_FLAGS 0
#define ZFDW_BGW_OWNER_NEEDS_LOGIN true
#endif

/*
 * 17 added the named DSM registry (GetNamedDSMSegment), which lets
 * zfdw.progress share its slots without shared_preload_libraries; 19
 * gave its init callback an argument.
 */
#if PG_VERSION_NUM >= 170000
#include "storage/dsm_registry.h"
#define ZFDW_HAVE_DSM_REGISTRY 1
#if PG_VERSION_NUM >= 190000
#define ZFDW_DSM_INIT_SIGNATURE(fn) void fn(void *ptr, void *arg pg_attribute_unused())
#define zfdw_get_named_dsm(name, size, init, found) \
	GetNamedDSMSegment(name, size, init, found, NULL)
#else
#define ZFDW_DSM_INIT_SIGNATURE(fn) void fn(void *ptr)
#define zfdw_get_named_dsm(name, size, init, found) \
	GetNamedDSMSegment(name, size, init, found)
#endif
#endif

/*
 * create_foreign_upper_path: 17 added the restriction clauses the path
 * enforces (none for an aggregate), 18 the count of disabled nodes.
 */
static inline ForeignPath *
zfdw_create_foreign_upper_path(PlannerInfo *root, RelOptInfo *rel,
							   PathTarget *target, double rows,
							   Cost startup_cost, Cost total_cost,
							   Path *fdw_outerpath, List *fdw_private)
{
#if PG_VERSION_NUM >= 180000
	return create_foreign_upper_path(root, rel, target, rows, 0,
									 startup_cost, total_cost, NIL, fdw_outerpath,
									 NIL, fdw_private);
#elif PG_VERSION_NUM >= 170000
	return create_foreign_upper_path(root, rel, target, rows,
									 startup_cost, total_cost, NIL, fdw_outerpath,
									 NIL, fdw_private);
#else
	return create_foreign_upper_path(root, rel, target, rows,
									 startup_cost, total_cost, NIL, fdw_outerpath,
									 fdw_private);
#endif
}

/*
 * Whether a collation sorts as "C" (byte order): 18 replaced
 * lc_collate_is_c() by a flag of the collation's locale.
 */
#include "utils/pg_locale.h"
static inline bool
zfdw_collation_is_c(Oid collation)
{
	if (!OidIsValid(collation))
		return false;
#if PG_VERSION_NUM >= 180000
	return pg_newlocale_from_collation(collation)->collate_is_c;
#else
	return lc_collate_is_c(collation);
#endif
}

#endif							/* ZFDW_COMPAT_H */
