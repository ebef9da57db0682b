/*-------------------------------------------------------------------------
 *
 * keys.h
 *	  Key seeks in sorted fixed-length files (keys.c), shared by the
 *	  planner, the executor and EXPLAIN.
 *
 *-------------------------------------------------------------------------
 */
#ifndef ZFDW_KEYS_H
#define ZFDW_KEYS_H

#include "zfdw.h"

#include "nodes/execnodes.h"
#include "nodes/primnodes.h"

/* What seeks a key column allows. */
typedef enum ZfKeyKind
{
	ZF_KEY_NONE = 0,
	ZF_KEY_TEXT,				/* character key: = and IN */
	ZF_KEY_NUMBER				/* fixed-point key: =, IN and ranges */
} ZfKeyKind;

/* A range of key bytes, both ends included. */
typedef struct ZfKeyRange
{
	uint8	   *lo;
	uint8	   *hi;
} ZfKeyRange;

/* One key qual of a scan, ready to evaluate. */
typedef struct ZfKeyQual
{
	int			strategy;		/* btree strategy; equality for IN */
	bool		is_array;
	Oid			value_type;
	ExprState  *state;			/* the value (or array of values) */
} ZfKeyQual;

/* The key part of a scan. */
typedef struct ZfKeyScan
{
	ZfKeyKind	kind;
	const zf_field *field;
	const zf_codepage *cp;
	uint32		lrecl;
	uint64		header;
	uint64		trailer;
	List	   *quals;			/* ZfKeyQual */
	List	   *clauses;		/* the quals' clauses, for EXPLAIN */
	void	   *index;			/* the open file's sparse index, once found */
} ZfKeyScan;

extern ZfKeyKind zfdw_key_kind(const zf_field *f, ZfTarget target,
							   Oid collation, ZfTrim trim,
							   const zf_codepage *cp, bool is_array);
extern bool zfdw_key_clause(Expr *clause, Index relid, AttrNumber keyattno,
							Oid keytype, ZfKeyKind kind, int *strategy,
							bool *is_array, Expr **value);
extern List *zfdw_key_ranges(ZfKeyScan *ks, ExprContext *econtext);
extern uint64 zfdw_key_seek(ZfKeyScan *ks, zf_byte_source *bytes,
							const uint8 *lo);
extern size_t zfdw_key_block_bytes(uint32 lrecl);

#endif							/* ZFDW_KEYS_H */
