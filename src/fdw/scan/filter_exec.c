/*-------------------------------------------------------------------------
 *
 * filter_exec.c
 *	  The pushed filter of a scan in the executor: the plan's pushed
 *	  clauses (ForeignScan.fdw_recheck_quals, where setrefs and nestloop
 *	  parameters treat them as PostgreSQL's own quals, and where an
 *	  EvalPlanQual recheck finds them) compiled into core's test on the
 *	  record bytes, their constants and parameters converted at the start
 *	  of every (re)scan, and EXPLAIN's line.
 *
 * Records the test rejects are skipped before any column is decoded.  A
 * record the test is unsure about (a field that does not decode, a value
 * the column refuses) is decoded as usual, with its error or on_error
 * behaviour, and the pushed clauses are then evaluated by PostgreSQL on
 * its values (the recheck): so the answer never depends on the filter.
 *
 *-------------------------------------------------------------------------
 */
#include "zfdw.h"

#include "catalog/pg_type.h"
#include "executor/executor.h"
#include "nodes/makefuncs.h"
#include "nodes/nodeFuncs.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"
#include "utils/ruleutils.h"

#include "scan/filter.h"
#include "scan/filter_int.h"
#include "scan/scan.h"

/* A constant, parameter or array of them, and the node it feeds. */
typedef struct FilterValue
{
	ExprState  *state;
	zf_filter_node *node;
	bool		is_array;
	Oid			type;			/* of the value or of the array's elements */
	ZfFilterOperandKind kind;
	int			scale;			/* numbers: the field's */
} FilterValue;

/* Building a filter: the operands found so far. */
typedef struct FilterBuild
{
	ForeignScanState *node;
	ZfTable    *t;
	Index		relid;
	ZfPushedFilter *pf;
	int		   *operand_of;		/* per column, -1 when not an operand */
	bool		failed;
} FilterBuild;

/* 10^n as a 128-bit integer (n <= 38). */
static zf_int128
pow10_128(int n)
{
	zf_int128	v = 1;

	while (n-- > 0)
		v *= 10;
	return v;
}

/*
 * See filter.h: prepare operand o reading column col as kind says; false
 * when it cannot be (not expected).
 */
bool
zfdw_filter_operand_init(ZfColumn *col, ZfFilterOperandKind kind,
						 zf_filter_operand *o)
{
	zf_int128	hi;

	if (kind == ZF_FOPERAND_TEXT)
		return zf_filter_operand_text(o, &col->reader, zf_field_sbcs_text(&col->reader));
	switch (col->target)
	{
		case ZF_TARGET_INT2:
			hi = PG_INT16_MAX;
			break;
		case ZF_TARGET_INT4:
			hi = PG_INT32_MAX;
			break;
		case ZF_TARGET_INT8:
			hi = PG_INT64_MAX;
			break;
		default:
			if (col->num_precision < 0)
				hi = (zf_int128) ((((unsigned __int128) 1) << 127) - 1);	/* numeric: any */
			else
				hi = pow10_128(Min(col->num_precision, ZF_MAX_DIGITS) -
							   (col->num_scale - col->f->scale)) - 1;
			break;
	}
	/* int types include their minimum, one below -hi */
	zf_filter_operand_number(o, &col->reader,
							 col->target == ZF_TARGET_NUMERIC ? -hi : -hi - 1, hi);
	return true;
}

/* The operand index of a column, added on first use. */
static int
operand_for(FilterBuild *b, ZfColumn *col, ZfFilterOperandKind kind)
{
	int			i = col - b->t->columns;
	zf_filter  *flt = &b->pf->flt;

	if (b->operand_of[i] >= 0)
		return b->operand_of[i];
	if (!zfdw_filter_operand_init(col, kind, &flt->operands[flt->noperands]))
		b->failed = true;
	b->operand_of[i] = flt->noperands;
	return flt->noperands++;
}

/* Compile one pushed clause into a node (NULL with b->failed set). */
static zf_filter_node *
compile(FilterBuild *b, Node *clause)
{
	zf_filter_node *n = palloc0(sizeof(zf_filter_node));
	ZfFilterCmp cmp;

	if (IsA(clause, BoolExpr))
	{
		BoolExpr   *be = (BoolExpr *) clause;
		ListCell   *lc;

		n->kind = be->boolop == AND_EXPR ? ZF_FILTER_AND :
			be->boolop == OR_EXPR ? ZF_FILTER_OR : ZF_FILTER_NOT;
		n->args = palloc(sizeof(zf_filter_node *) * list_length(be->args));
		foreach(lc, be->args)
			n->args[n->nargs++] = compile(b, lfirst(lc));
		if (n->kind == ZF_FILTER_NOT && n->nargs != 1)
			b->failed = true;
		return n;
	}
	if (IsA(clause, NullTest))
	{
		NullTest   *nt = (NullTest *) clause;
		ZfColumn   *col = zfdw_filter_column(b->t, (Node *) nt->arg, b->relid);
		ZfFilterOperandKind kind = col ? zfdw_filter_operand_kind(b->t, col) : ZF_FOPERAND_NONE;

		if (nt->argisrow || kind == ZF_FOPERAND_NONE)
		{
			b->failed = true;
			return n;
		}
		n->kind = ZF_FILTER_IS_NULL;
		n->operand = operand_for(b, col, kind);
		n->negate = nt->nulltesttype == IS_NOT_NULL;
		return n;
	}
	if (!zfdw_filter_comparison(b->t, clause, b->relid, &cmp))
	{
		b->failed = true;
		return n;
	}
	{
		FilterValue *fv = palloc0(sizeof(FilterValue));

		n->kind = ZF_FILTER_CMP;
		n->operand = operand_for(b, cmp.col, cmp.kind);
		n->op = cmp.op;
		n->all = cmp.all;
		n->scalar = !cmp.is_array;
		fv->state = ExecInitExpr(cmp.value, &b->node->ss.ps);
		fv->node = n;
		fv->is_array = cmp.is_array;
		fv->type = cmp.value_type;
		fv->kind = cmp.kind;
		fv->scale = cmp.col->f->scale;
		b->pf->values = lappend(b->pf->values, fv);
	}
	return n;
}

/*
 * See filter.h: the pushed filter of a scan node, or NULL when the plan
 * pushed nothing.
 */
ZfPushedFilter *
zfdw_filter_begin(ForeignScanState *node, ZfScanState *s)
{
	ForeignScan *plan = (ForeignScan *) node->ss.ps.plan;

	return zfdw_filter_begin_clauses(node, s, plan->fdw_recheck_quals,
									 plan->scan.scanrelid, node->fdw_recheck_quals);
}

/*
 * See filter.h: the filter of clauses (Vars of relid) for a scan, with
 * recheck their ExprState for the records the filter is unsure about;
 * NULL for no clauses.
 */
ZfPushedFilter *
zfdw_filter_begin_clauses(ForeignScanState *node, ZfScanState *s,
						  List *clauses, Index relid, ExprState *recheck)
{
	ZfPushedFilter *pf;
	FilterBuild b;
	ListCell   *lc;
	zf_filter_node *root;

	if (clauses == NIL)
		return NULL;
	pf = palloc0(sizeof(ZfPushedFilter));
	pf->clauses = clauses;
	pf->recheck = recheck;
	pf->valuecxt = AllocSetContextCreate(CurrentMemoryContext, "zfdw filter values",
										 ALLOCSET_SMALL_SIZES);
	pf->flt.operands = palloc0(sizeof(zf_filter_operand) * Max(s->t->ncolumns, 1));
	b.node = node;
	b.t = s->t;
	b.relid = relid;
	b.pf = pf;
	b.failed = false;
	b.operand_of = palloc(sizeof(int) * Max(s->t->ncolumns, 1));
	for (int i = 0; i < s->t->ncolumns; i++)
		b.operand_of[i] = -1;

	root = palloc0(sizeof(zf_filter_node));
	root->kind = ZF_FILTER_AND;
	root->args = palloc(sizeof(zf_filter_node *) * list_length(pf->clauses));
	foreach(lc, pf->clauses)
		root->args[root->nargs++] = compile(&b, lfirst(lc));
	pf->flt.root = root;
	pf->flt.cells = palloc0(sizeof(zf_filter_cell) * Max(pf->flt.noperands, 1));
	zf_filter_finish(&pf->flt);
	/* a clause the executor cannot compile (not expected): recheck all */
	pf->disabled = b.failed;
	return pf;
}

/* Convert one value for its operand; false when it cannot be. */
static bool
convert_value(FilterValue *fv, Datum d, bool isnull, zf_filter_const *k)
{
	memset(k, 0, sizeof(*k));
	if (isnull)
	{
		k->is_null = true;
		return true;
	}
	if (fv->kind == ZF_FOPERAND_TEXT)
	{
		text	   *txt = DatumGetTextPP(d);
		size_t		len = VARSIZE_ANY_EXHDR(txt);
		uint32	   *chars = palloc(sizeof(uint32) * Max(len, 1));
		int64		n = zf_filter_text_chars(VARDATA_ANY(txt), len, chars);

		if (n < 0)
			return false;
		k->chars = chars;
		k->nchars = (uint32) n;
		return true;
	}
	else
	{
		char	   *str;

		switch (fv->type)
		{
			case INT2OID:
				str = psprintf("%d", (int) DatumGetInt16(d));
				break;
			case INT4OID:
				str = psprintf("%d", DatumGetInt32(d));
				break;
			case INT8OID:
				str = psprintf(INT64_FORMAT, DatumGetInt64(d));
				break;
			case NUMERICOID:
				str = DatumGetCString(DirectFunctionCall1(numeric_out, d));
				break;
			default:
				return false;
		}
		return zf_filter_number_const(str, fv->scale, k);
	}
}

/* See filter.h: evaluate the constants and parameters for this (re)scan. */
void
zfdw_filter_prepare(ZfPushedFilter *pf, ExprContext *econtext)
{
	MemoryContext old;
	ListCell   *lc;

	MemoryContextReset(pf->valuecxt);
	old = MemoryContextSwitchTo(pf->valuecxt);
	foreach(lc, pf->values)
	{
		FilterValue *fv = lfirst(lc);
		zf_filter_node *n = fv->node;
		bool		isnull;
		Datum		d = ExecEvalExpr(fv->state, econtext, &isnull);

		n->array_null = false;
		if (!fv->is_array)
		{
			n->nconsts = 1;
			n->consts = palloc(sizeof(zf_filter_const));
			if (!convert_value(fv, d, isnull, &n->consts[0]))
				pf->disabled = true;
			continue;
		}
		if (isnull)
		{
			n->array_null = true;
			n->nconsts = 0;
			continue;
		}
		{
			ArrayType  *arr = DatumGetArrayTypeP(d);
			int16		elmlen;
			bool		elmbyval;
			char		elmalign;
			Datum	   *elems;
			bool	   *enulls;
			int			nelems;

			get_typlenbyvalalign(ARR_ELEMTYPE(arr), &elmlen, &elmbyval, &elmalign);
			deconstruct_array(arr, ARR_ELEMTYPE(arr), elmlen, elmbyval, elmalign,
							  &elems, &enulls, &nelems);
			n->nconsts = nelems;
			n->consts = palloc(sizeof(zf_filter_const) * Max(nelems, 1));
			for (int i = 0; i < nelems; i++)
				if (!convert_value(fv, elems[i], enulls[i], &n->consts[i]))
					pf->disabled = true;
		}
	}
	MemoryContextSwitchTo(old);
	zf_filter_prepare(&pf->flt);
	pf->ready = true;
}

/*
 * See filter.h: the filter's answer for a record.  ZF_TV_FALSE and
 * ZF_TV_NULL skip it; ZF_TV_UNSURE sends it through decoding and the
 * recheck.
 */
zf_tv
zfdw_filter_test(ZfPushedFilter *pf, ExprContext *econtext, const uint8 *rec,
				 uint32 len)
{
	if (!pf->ready)
		zfdw_filter_prepare(pf, econtext);
	if (pf->disabled)
		return ZF_TV_UNSURE;
	return zf_filter_eval(&pf->flt, rec, len);
}

/* EXPLAIN's line for the pushed clauses. */
void
zfdw_filter_explain(ForeignScanState *node, ExplainState *es)
{
	ForeignScan *plan = (ForeignScan *) node->ss.ps.plan;
	List	   *context;
	Node	   *expr;

	if (plan->fdw_recheck_quals == NIL)
		return;
	context = set_deparse_context_plan(es->deparse_cxt, node->ss.ps.plan, NIL);
	if (list_length(plan->fdw_recheck_quals) == 1)
		expr = linitial(plan->fdw_recheck_quals);
	else
		expr = (Node *) make_andclause(plan->fdw_recheck_quals);
	ExplainPropertyText("Pushed Filter",
						deparse_expression(expr, context, false, false), es);
}
