/*-------------------------------------------------------------------------
 *
 * filter_int.h
 *	  What filter_plan.c and filter_exec.c share: a pushable comparison
 *	  taken apart.
 *
 *-------------------------------------------------------------------------
 */
#ifndef ZFDW_FILTER_INT_H
#define ZFDW_FILTER_INT_H

#include "scan/filter.h"

/* A comparison of a column with a constant, parameter or array of them. */
typedef struct ZfFilterCmp
{
	ZfColumn   *col;
	ZfFilterOperandKind kind;
	zf_cmp_op	op;				/* column op value */
	bool		is_array;		/* op ANY/ALL (array) */
	bool		all;
	Expr	   *value;
	Oid			value_type;		/* of the value, or of the array's elements */
} ZfFilterCmp;

extern ZfColumn *zfdw_filter_column(ZfTable *t, Node *expr, Index relid);
extern bool zfdw_filter_comparison(ZfTable *t, Node *clause, Index relid,
								   ZfFilterCmp *out);

#endif							/* ZFDW_FILTER_INT_H */
