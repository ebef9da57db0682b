/*-------------------------------------------------------------------------
 *
 * filter.h
 *	  Filter pushdown: which restriction clauses a scan evaluates on the
 *	  record bytes (filter_plan.c), and their evaluation, recheck and
 *	  EXPLAIN line in the executor (filter_exec.c).  The test itself is
 *	  core's (filter/record_filter.h).
 *
 *-------------------------------------------------------------------------
 */
#ifndef ZFDW_FILTER_H
#define ZFDW_FILTER_H

#include "zfdw.h"

#include "nodes/execnodes.h"
#include "nodes/primnodes.h"

#include "filter/record_filter.h"

/* zfdw.enable_filter_pushdown */
extern bool zfdw_enable_filter_pushdown;

/* The field a column reads can be a filter operand: how. */
typedef enum ZfFilterOperandKind
{
	ZF_FOPERAND_NONE = 0,
	ZF_FOPERAND_NUMBER,
	ZF_FOPERAND_TEXT
} ZfFilterOperandKind;

extern ZfFilterOperandKind zfdw_filter_operand_kind(ZfTable *t, ZfColumn *col);

/*
 * True when col reads one field at the same offset in every record (no
 * delimited text, variable positions, arrays or length prefix): the
 * columns the filter and the pushed aggregate can read by themselves.
 */
extern bool zfdw_fixed_field_column(ZfTable *t, ZfColumn *col);
extern bool zfdw_filter_clause_ok(ZfTable *t, Node *clause, Index relid);
extern bool zfdw_filter_operand_init(ZfColumn *col, ZfFilterOperandKind kind,
									 zf_filter_operand *o);

/* The pushed filter of a scan (filter_exec.c). */
typedef struct ZfPushedFilter
{
	zf_filter	flt;
	List	   *clauses;		/* the pushed clauses (plan's fdw_recheck_quals) */
	List	   *values;			/* constants and parameters to evaluate */
	MemoryContext valuecxt;		/* their converted values, per rescan */
	bool		ready;			/* values converted for the current rescan */
	bool		disabled;		/* a value could not be converted: every
								 * record goes through the recheck */
	ExprState  *recheck;		/* the clauses, for records the filter is
								 * unsure about */
} ZfPushedFilter;

struct ZfScanState;
extern ZfPushedFilter *zfdw_filter_begin(ForeignScanState *node,
										 struct ZfScanState *s);
extern ZfPushedFilter *zfdw_filter_begin_clauses(ForeignScanState *node,
												 struct ZfScanState *s,
												 List *clauses, Index relid,
												 ExprState *recheck);
extern void zfdw_filter_prepare(ZfPushedFilter *pf, ExprContext *econtext);
extern zf_tv zfdw_filter_test(ZfPushedFilter *pf, ExprContext *econtext,
							  const uint8 *rec, uint32 len);
extern void zfdw_filter_explain(ForeignScanState *node, ExplainState *es);

#endif							/* ZFDW_FILTER_H */
