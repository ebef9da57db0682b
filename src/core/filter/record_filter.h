/*-------------------------------------------------------------------------
 *
 * record_filter.h
 *	  A pushed-down filter: conditions on fixed-offset fields evaluated on
 *	  the bytes of a record, before any column is decoded.
 *
 * A filter is a tree of AND, OR and NOT over comparisons of one field with
 * constants (=, <>, <, <=, >, >=, with ANY or ALL over a list of them) and
 * NULL tests.  Each field (an operand) is read exactly the way its column
 * reads it (value/value.h: the same decoder, the same trim, the same NULL
 * representation), and compared the way PostgreSQL compares the column's
 * value:
 *	  - numbers as unscaled integers at the field's scale, so that every
 *		sign nibble or zone (C, F, A, E positive, D, B negative, negative
 *		zero) counts as its value, never as its bytes; a constant with more
 *		fractional digits than the field is kept as its floor and a flag
 *		saying it lies strictly above it;
 *	  - text as the sequence of Unicode code points its single-byte code
 *		page decodes it to, trimmed as the column trims: equal when the
 *		sequences are, ordered as code points (which is UTF-8 byte order,
 *		PostgreSQL's "C" collation).
 * The caller decides which clauses may be pushed at all (collations,
 * column types); this module only evaluates them.
 *
 * Evaluation follows SQL's three-valued logic.  Before any condition is
 * evaluated, every operand of the record is decoded once: a field whose
 * bytes do not decode, or whose value its column would refuse (out of the
 * column type's range), makes the answer ZF_TV_UNSURE, and the caller then
 * treats the record exactly as without the filter (decoding it, with its
 * error or on_error behaviour, and PostgreSQL's own test of the clauses).
 *
 *-------------------------------------------------------------------------
 */
#ifndef ZF_RECORD_FILTER_H
#define ZF_RECORD_FILTER_H

#include <stdbool.h>
#include <stdint.h>

#include "decode/decimal.h"
#include "value/value.h"

/*
 * A 128-bit integer aligned as the fdw's allocations are (8 bytes, where
 * a plain __int128 wants 16 and the compiler's 16-byte moves would fault
 * on palloc'd memory), as PostgreSQL's own int128 is.
 */
typedef zf_int128 zf_filter_int __attribute__((aligned(8)));

/* The value of a condition for one record. */
typedef enum zf_tv
{
	ZF_TV_FALSE = 0,
	ZF_TV_TRUE,
	ZF_TV_NULL,					/* SQL's unknown */
	ZF_TV_UNSURE				/* an operand did not decode: ask the caller */
} zf_tv;

/* A comparison operator, field on the left. */
typedef enum zf_cmp_op
{
	ZF_CMP_EQ = 0,
	ZF_CMP_NE,
	ZF_CMP_LT,
	ZF_CMP_LE,
	ZF_CMP_GT,
	ZF_CMP_GE
} zf_cmp_op;

/* A code point no byte decodes to: an unmapped byte, or NUL. */
#define ZF_FILTER_NO_CHAR	0xFFFFFFFFu

/* One field the filter reads, as its column reads it. */
typedef struct zf_filter_operand
{
	zf_field_reader r;			/* the column's reader (a copy) */
	bool		is_text;
	bool		may_be_null;	/* a null indicator or null_if */
	/* numbers: the values the column accepts, at the field's scale */
	zf_filter_int lo;
	zf_filter_int hi;
	/* unsigned EBCDIC zoned field of up to 8 bytes: digits F0-F9 read
	 * eight bytes at once (anything else through the decoder) */
	bool		zoned_digits;
	/* text: the code point of every byte of the page */
	uint32_t	chars[256];
} zf_filter_operand;

/* A constant, converted for its operand. */
typedef struct zf_filter_const
{
	bool		is_null;
	/* numbers: the floor at the field's scale; exact false when the
	 * constant lies strictly between floor and floor + 1 */
	zf_filter_int floor;
	bool		exact;
	/* text: code points */
	const uint32_t *chars;
	uint32_t	nchars;
} zf_filter_const;

typedef enum zf_filter_kind
{
	ZF_FILTER_AND = 0,
	ZF_FILTER_OR,
	ZF_FILTER_NOT,
	ZF_FILTER_CMP,				/* operand op ANY/ALL (consts) */
	ZF_FILTER_IS_NULL			/* operand IS [NOT] NULL */
} zf_filter_kind;

typedef struct zf_filter_node
{
	zf_filter_kind kind;
	/* AND, OR, NOT */
	int			nargs;
	struct zf_filter_node **args;
	/* CMP, IS_NULL */
	int			operand;		/* index into the filter's operands */
	zf_cmp_op	op;
	bool		all;			/* ALL (AND of the comparisons), else ANY */
	bool		scalar;			/* one constant, not an array: a NULL
								 * constant is NULL, not an empty list */
	bool		array_null;		/* the whole array is NULL */
	int			nconsts;
	zf_filter_const *consts;
	bool		negate;			/* IS NOT NULL */
	/*
	 * A comparison of a number with one non-NULL constant, as an interval
	 * (zf_filter_prepare): true when lo <= value <= hi, or outside it with
	 * outside.  The hot case of a scan's filter, without a branch on op.
	 */
	bool		interval;
	bool		outside;
	zf_filter_int ilo;
	zf_filter_int ihi;
} zf_filter_node;

/* The value of one operand in the current record. */
typedef struct zf_filter_cell
{
	bool		is_null;
	zf_filter_int number;
	const uint8_t *text;		/* trimmed bytes in the record */
	uint32_t	len;
} zf_filter_cell;

/* The most intervals zf_filter_skip compares as bytes. */
#define ZF_FILTER_ZONED_MAX 4

/* A whole filter: the conditions of a scan ANDed together. */
typedef struct zf_filter
{
	int			noperands;
	zf_filter_operand *operands;
	zf_filter_cell *cells;		/* noperands, scratch per record */
	zf_filter_node *root;
	uint32_t	min_length;		/* records shorter than this are unsure */
	bool		flat;			/* the root ANDs intervals only */

	/*
	 * A flat filter of intervals over one unsigned EBCDIC zoned operand
	 * (zf_filter_prepare): plain digits F0-F9 sort as their values, so
	 * each interval becomes one of the field's bytes read big-endian, and
	 * zf_filter_skip rejects records with a byte compare, decoding none.
	 */
	bool		zoned_skip;
	uint32_t	zoned_off;		/* the field's offset and length (1-8) */
	uint32_t	zoned_len;
	uint64_t	zoned_accept_lo;	/* the bytes of the values the column */
	uint64_t	zoned_accept_hi;	/* accepts (else unsure) */
	int			zoned_nint;
	uint64_t	zoned_lo[ZF_FILTER_ZONED_MAX];	/* the intervals' bytes */
	uint64_t	zoned_hi[ZF_FILTER_ZONED_MAX];
	bool		zoned_outside[ZF_FILTER_ZONED_MAX];
} zf_filter;

/*
 * Prepare an operand of a fixed-offset number field (zoned, packed,
 * binary or edited) whose column accepts the values lo..hi (unscaled, at
 * the field's scale).
 */
extern void zf_filter_operand_number(zf_filter_operand *o,
									 const zf_field_reader *r,
									 zf_int128 lo, zf_int128 hi);

/*
 * Prepare an operand of a fixed-offset single-byte text field read
 * through tab (zf_field_sbcs_text).  Returns false when the page decodes
 * a byte to more than one character (never with the tables zfdw has).
 */
extern bool zf_filter_operand_text(zf_filter_operand *o,
								   const zf_field_reader *r,
								   const zf_sbcs_table *tab);

/*
 * A decimal constant (as numeric_out writes it: optional '-', digits,
 * optional '.' and digits, or NaN/Infinity/-Infinity) at scale (>= 0):
 * its floor and whether it was exact.  NaN and Infinity are beyond every
 * field value (NaN sorts above Infinity in PostgreSQL, both above all
 * numbers).  Returns false for text that is no such number.
 */
extern bool zf_filter_number_const(const char *s, int scale,
								   zf_filter_const *out);

/*
 * A UTF-8 constant of n bytes as code points, into chars (room for n).
 * Returns the count, or -1 for invalid UTF-8.
 */
extern int64_t zf_filter_text_chars(const char *s, size_t n, uint32_t *chars);

/* Compute min_length from the operands. */
extern void zf_filter_finish(zf_filter *flt);

/*
 * Prepare the nodes for evaluation once their constants are set (and
 * again whenever they change): comparisons become intervals.
 */
extern void zf_filter_prepare(zf_filter *flt);

/*
 * Read operand o of a record of len bytes into c, as the filter does:
 * false when the column's normal path would not give a plain value.
 * Aggregates read their columns through it too.
 */
extern bool zf_filter_read(const zf_filter_operand *o, const uint8_t *rec,
						   uint32_t len, zf_filter_cell *c);

/* The filter's value for a record of len bytes. */
extern zf_tv zf_filter_eval(const zf_filter *flt, const uint8_t *rec,
							uint32_t len);

/*
 * How many of n consecutive records of len bytes at data, from the first,
 * the filter rejects (FALSE or NULL): the records a scan skips in one go
 * before the next one it must look at.
 */
extern uint32_t zf_filter_skip(const zf_filter *flt, const uint8_t *data,
							   uint32_t len, uint32_t n);

#endif							/* ZF_RECORD_FILTER_H */
