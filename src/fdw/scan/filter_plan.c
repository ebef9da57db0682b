/*-------------------------------------------------------------------------
 *
 * filter_plan.c
 *	  Which restriction clauses a scan can evaluate on the record bytes
 *	  (filter pushdown), decided the same way by the planner, which moves
 *	  them out of PostgreSQL's filter, and by the executor, which compiles
 *	  them into core's test.
 *
 * A clause is pushed only where core's test provably gives PostgreSQL's
 * answer:
 *	  - the column reads a field at a fixed offset (no OCCURS, no variable
 *		layout, no length prefix), with no date picture;
 *	  - a number column (int2, int4, int8 at scale 0, numeric whose scale is
 *		at least the field's) over a zoned, packed or binary field, compared
 *		by a btree operator of the column type's family (=, <, <=, >, >=,
 *		and <> as the negator of =) with an integer or numeric constant or
 *		parameter of the statement ($1): values are compared decoded, at
 *		the field's scale;
 *	  - a text or varchar column (no length limit) over single-byte text,
 *		in a UTF-8 database: = and <> under a deterministic collation (byte
 *		equality), <, <=, >, >= only under the "C" collation (code-point
 *		order); compared with the value as the column produces it (decoded
 *		and trimmed);
 *	  - IN lists and = ANY / <> ALL (an array constant or parameter) of
 *		those, IS [NOT] NULL of such a column, and AND, OR, NOT of pushed
 *		clauses.
 * Everything else stays in PostgreSQL's filter.
 *
 *-------------------------------------------------------------------------
 */
#include "zfdw.h"

#include "access/stratnum.h"
#include "catalog/pg_collation.h"
#include "catalog/pg_opfamily.h"
#include "catalog/pg_type.h"
#include "mb/pg_wchar.h"
#include "nodes/nodeFuncs.h"
#include "utils/lsyscache.h"
#include "utils/typcache.h"

#include "scan/filter.h"
#include "scan/filter_int.h"

bool		zfdw_enable_filter_pushdown = true;

/* The column a Var of our relation reads, or NULL. */
ZfColumn *
zfdw_filter_column(ZfTable *t, Node *expr, Index relid)
{
	Var		   *v;

	while (expr && IsA(expr, RelabelType))
		expr = (Node *) ((RelabelType *) expr)->arg;
	if (expr == NULL || !IsA(expr, Var))
		return NULL;
	v = (Var *) expr;
	if ((Index) v->varno != relid || v->varlevelsup != 0 || v->varattno <= 0 ||
		v->varattno > t->ncolumns)
		return NULL;
	return &t->columns[v->varattno - 1];
}

/* See filter.h: one field at the same offset in every record? */
bool
zfdw_fixed_field_column(ZfTable *t, ZfColumn *col)
{
	return t->delim == NULL && !t->any_variable && col->f != NULL &&
		!col->dropped && !col->is_array && col->ndims == 0 &&
		col->f->length_prefix == 0;
}

/* See filter.h: can col's field be read by the filter, and how? */
ZfFilterOperandKind
zfdw_filter_operand_kind(ZfTable *t, ZfColumn *col)
{
	const zf_field *f = col->f;

	if (!zfdw_fixed_field_column(t, col) || col->has_date_picture)
		return ZF_FOPERAND_NONE;
	if (col->conv == ZF_CONV_NUMBER)
	{
		switch (col->reader.fixed)
		{
			case ZF_FIXED_PACKED64:
			case ZF_FIXED_ZONED64:
			case ZF_FIXED_BINARY64:
			case ZF_FIXED_PACKED:
			case ZF_FIXED_ZONED:
			case ZF_FIXED_BINARY:
				break;
			default:
				return ZF_FOPERAND_NONE;	/* edited pictures parse text */
		}
		if (f->scale < 0)
			return ZF_FOPERAND_NONE;
		switch (col->target)
		{
			case ZF_TARGET_INT2:
			case ZF_TARGET_INT4:
			case ZF_TARGET_INT8:
				return f->scale == 0 ? ZF_FOPERAND_NUMBER : ZF_FOPERAND_NONE;
			case ZF_TARGET_NUMERIC:
				if (col->num_precision >= 0 && col->num_scale < f->scale)
					return ZF_FOPERAND_NONE;	/* some values need rounding */
				if (col->num_precision >= 0 &&
					col->num_scale - f->scale > ZF_MAX_DIGITS)
					return ZF_FOPERAND_NONE;
				return ZF_FOPERAND_NUMBER;
			default:
				return ZF_FOPERAND_NONE;
		}
	}
	if (col->conv == ZF_CONV_TEXT)
	{
		if (col->target != ZF_TARGET_TEXT || col->max_chars >= 0 ||
			(col->typid != TEXTOID && col->typid != VARCHAROID) ||
			GetDatabaseEncoding() != PG_UTF8 ||
			zf_field_sbcs_text(&col->reader) == NULL)
			return ZF_FOPERAND_NONE;
		return ZF_FOPERAND_TEXT;
	}
	return ZF_FOPERAND_NONE;
}

/*
 * A constant or a parameter of the statement (under relabels): the values
 * we can take.  Executor parameters (an InitPlan's value, a nested loop's
 * outer row) stay in PostgreSQL's filter: the planner does not count
 * parameters of fdw_recheck_quals among those a scan depends on.
 */
static bool
is_value(Node *expr)
{
	while (expr && IsA(expr, RelabelType))
		expr = (Node *) ((RelabelType *) expr)->arg;
	return expr && (IsA(expr, Const) ||
					(IsA(expr, Param) && ((Param *) expr)->paramkind == PARAM_EXTERN));
}

/* The btree operator family of an operand's comparisons. */
static Oid
operand_family(ZfFilterOperandKind kind, ZfColumn *col)
{
	if (kind == ZF_FOPERAND_TEXT)
		return TEXT_BTREE_FAM_OID;
	return lookup_type_cache(col->typid, TYPECACHE_BTREE_OPFAMILY)->btree_opf;
}

/* The comparison an operator makes in family opfamily, if any. */
static bool
operator_cmp(Oid opno, Oid opfamily, zf_cmp_op *op)
{
	int			strat = get_op_opfamily_strategy(opno, opfamily);
	Oid			neg;

	switch (strat)
	{
		case BTLessStrategyNumber:
			*op = ZF_CMP_LT;
			return true;
		case BTLessEqualStrategyNumber:
			*op = ZF_CMP_LE;
			return true;
		case BTEqualStrategyNumber:
			*op = ZF_CMP_EQ;
			return true;
		case BTGreaterEqualStrategyNumber:
			*op = ZF_CMP_GE;
			return true;
		case BTGreaterStrategyNumber:
			*op = ZF_CMP_GT;
			return true;
		default:
			break;
	}
	neg = get_negator(opno);
	if (OidIsValid(neg) &&
		get_op_opfamily_strategy(neg, opfamily) == BTEqualStrategyNumber)
	{
		*op = ZF_CMP_NE;
		return true;
	}
	return false;
}

/* Can the constants of type typid be compared by an operand of kind? */
static bool
value_type_ok(ZfFilterOperandKind kind, Oid typid)
{
	if (kind == ZF_FOPERAND_TEXT)
		return typid == TEXTOID || typid == VARCHAROID;
	return typid == INT2OID || typid == INT4OID || typid == INT8OID ||
		typid == NUMERICOID;
}

/* Under which collation may op be pushed on text? */
static bool
collation_ok(zf_cmp_op op, Oid collation)
{
	if (op == ZF_CMP_EQ || op == ZF_CMP_NE)
		return OidIsValid(collation) && get_collation_isdeterministic(collation);
	return zfdw_collation_is_c(collation);
}

/*
 * See filter_int.h: take a comparison clause apart (the column on the
 * left, commuting if needed), or false when it cannot be pushed.
 */
bool
zfdw_filter_comparison(ZfTable *t, Node *clause, Index relid,
					   ZfFilterCmp *out)
{
	Node	   *left,
			   *right;
	Oid			opno,
				collid,
				vtype;
	ZfColumn   *col;
	ZfFilterOperandKind kind;

	memset(out, 0, sizeof(*out));
	if (IsA(clause, OpExpr))
	{
		OpExpr	   *op = (OpExpr *) clause;

		if (list_length(op->args) != 2)
			return false;
		left = linitial(op->args);
		right = lsecond(op->args);
		opno = op->opno;
		collid = op->inputcollid;
		if (zfdw_filter_column(t, left, relid) == NULL)
		{
			Node	   *tmp = left;

			left = right;
			right = tmp;
			opno = get_commutator(opno);
			if (!OidIsValid(opno))
				return false;
		}
		vtype = exprType(right);
	}
	else if (IsA(clause, ScalarArrayOpExpr))
	{
		ScalarArrayOpExpr *saop = (ScalarArrayOpExpr *) clause;

		if (list_length(saop->args) != 2)
			return false;
		left = linitial(saop->args);
		right = lsecond(saop->args);
		opno = saop->opno;
		collid = saop->inputcollid;
		vtype = get_element_type(exprType(right));
		out->is_array = true;
		out->all = !saop->useOr;
	}
	else
		return false;

	col = zfdw_filter_column(t, left, relid);
	if (col == NULL || !is_value(right))
		return false;
	kind = zfdw_filter_operand_kind(t, col);
	if (kind == ZF_FOPERAND_NONE || !value_type_ok(kind, vtype))
		return false;
	if (!operator_cmp(opno, operand_family(kind, col), &out->op))
		return false;
	if (kind == ZF_FOPERAND_TEXT && !collation_ok(out->op, collid))
		return false;
	out->col = col;
	out->kind = kind;
	out->value = (Expr *) right;
	out->value_type = vtype;
	return true;
}

/* See filter.h: can the clause be evaluated on the record bytes? */
bool
zfdw_filter_clause_ok(ZfTable *t, Node *clause, Index relid)
{
	ZfFilterCmp cmp;

	if (clause == NULL)
		return false;
	if (IsA(clause, BoolExpr))
	{
		ListCell   *lc;

		foreach(lc, ((BoolExpr *) clause)->args)
			if (!zfdw_filter_clause_ok(t, lfirst(lc), relid))
				return false;
		return true;
	}
	if (IsA(clause, NullTest))
	{
		NullTest   *nt = (NullTest *) clause;
		ZfColumn   *col = zfdw_filter_column(t, (Node *) nt->arg, relid);

		return !nt->argisrow && col != NULL &&
			zfdw_filter_operand_kind(t, col) != ZF_FOPERAND_NONE;
	}
	return zfdw_filter_comparison(t, clause, relid, &cmp);
}
