/*-------------------------------------------------------------------------
 *
 * agg_int.h
 *	  The executor state of a pushed aggregate, shared by the files that
 *	  run it: agg_exec.c (scanning records into groups), agg_values.c (the
 *	  rows it emits, and values read back from Datums) and agg_combine.c
 *	  (a parallel aggregate's leader merging its workers' partial groups).
 *
 *-------------------------------------------------------------------------
 */
#ifndef ZFDW_AGG_INT_H
#define ZFDW_AGG_INT_H

#include "scan/agg.h"
#include "scan/filter.h"
#include "scan/scan.h"

#include "utils/hsearch.h"

/* One output column. */
typedef struct AggOut
{
	ZfAggKind	kind;
	ZfColumn   *col;			/* NULL for count(*) and the share */
	ZfColumn   *share_col;		/* ZF_AGG_SHARE: the meta column */
	ZfFilterOperandKind okind;
	zf_filter_operand op;		/* how its field is read */
	bool		by_datum;		/* a date, time or timestamp column: its
								 * value is the column's Datum, decoded as
								 * the ordinary path does, kept as the
								 * integer it holds (okind is NONE) */
	const zf_sbcs_table *tab;	/* text group columns: to UTF-8 */
	int			key_off;		/* group columns: where in the key */
	int			key_len;
	int			acc;			/* aggregates: the accumulator's index */
	int			datum_scale;	/* numbers: the column's Datum scale */
	int			text_off;		/* text min/max: where in a group entry its
								 * value is kept (4 bytes of length, then
								 * UTF-8), and how many bytes at most */
	int			text_cap;
} AggOut;

/*
 * The running value of one aggregate in one group; a partial aggregate
 * hands it to its leader as the bytes of a bytea (same build, same
 * process layout).
 */
typedef struct AggAcc
{
	int64		count;
	int64		carry;			/* sums: how many times 2^128 the sum is
								 * beyond sum (fields of up to 36 digits) */
	zf_filter_int sum;			/* also min or max */
} AggAcc;

/*
 * Add v to a sum: a 128-bit sum that overflows carries into carry, so
 * that no sum of values of up to 36 digits is ever wrong.
 */
static inline void
zfdw_agg_add(AggAcc *a, zf_filter_int v)
{
	zf_filter_int r;

	if (unlikely(__builtin_add_overflow(a->sum, v, &r)))
		a->carry += v > 0 ? 1 : -1;
	a->sum = r;
}

/* One output column's value in the current record. */
typedef struct AggVal
{
	bool		isnull;
	zf_filter_int v;			/* 8-aligned: the array is palloc'd */
	const char *utf8;			/* text already UTF-8 (the ordinary path) */
	uint32		utf8len;
	const uint8 *raw;			/* text in the record's code page */
	uint32		rawlen;
} AggVal;

typedef struct ZfAggState
{
	ZfAggMode	mode;
	Relation	rel;
	ZfTable    *t;				/* the table's columns */
	ZfScanState *s;				/* NULL when combining (no scan) */
	int			nout;
	AggOut	   *outs;
	AggVal	   *vals;
	int			nagg;
	int			ngroup;
	int			share_acc;		/* -1, or the record count of a GROUP BY
								 * of the share column (ZF_AGG_SHARE) */
	Size		keysize;
	Size		entrysize;
	uint8	   *key;
	HTAB	   *groups;			/* NULL without GROUP BY */
	uint8	   *recent[64];		/* groups seen lately, by a cheap hash of
								 * their key: most records find theirs here */
	uint8	   *single;			/* the one group without GROUP BY */
	bool		computed;
	bool		single_done;
	HASH_SEQ_STATUS seq;
	uint64		ngroups_out;
	uint64		nmerged;		/* combining: partial groups merged */
	char	   *text_scratch;	/* a text value decoded to UTF-8 */
	List	   *clauses;		/* the pushed filter, Vars as the table's */
	Index		relid;			/* their varno */
	/* the ordinary path */
	TupleTableSlot *baseslot;
	MemoryContext rowcxt;
	MemoryContext groupcxt;
} ZfAggState;

/* The accumulators of a group entry (an entry starts with its key). */
static inline AggAcc *
zfdw_agg_entry_accs(ZfAggState *as, uint8 *entry)
{
	return (AggAcc *) (entry + MAXALIGN(as->keysize));
}

/* agg_exec.c */
extern uint8 *zfdw_agg_group_of_values(ZfAggState *as);

/* agg_values.c */
extern bool zfdw_agg_read_datum(ZfAggState *as, AggOut *out, AggVal *v,
								const uint8 *rec, uint32 len);
extern void zfdw_agg_value_from_datum(ZfAggState *as, AggOut *out, AggVal *v,
									  Datum d, bool isnull);
extern void zfdw_agg_emit(ZfAggState *as, uint8 *entry, TupleTableSlot *slot);
extern void zfdw_agg_emit_partial(ZfAggState *as, uint8 *entry,
								  TupleTableSlot *slot);

/* agg_text.c */
extern void zfdw_agg_text_value(ZfAggState *as, AggOut *out, AggVal *v,
								const char **p, uint32 *n);
extern void zfdw_agg_text_offer(AggOut *out, uint8 *entry, const AggAcc *a,
								const char *p, uint32 n);
extern Datum zfdw_agg_text_datum(AggOut *out, const uint8 *entry);
extern void zfdw_agg_text_kept(AggOut *out, const uint8 *entry, const char **p,
							   uint32 *n);

/* agg_combine.c */
extern void zfdw_agg_combine(ForeignScanState *node, ZfAggState *as);

#endif							/* ZFDW_AGG_INT_H */
