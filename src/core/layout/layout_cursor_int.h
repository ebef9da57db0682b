/*-------------------------------------------------------------------------
 *
 * layout_cursor_int.h
 *	  The record cursor's state, shared by layout_cursor.c (setup and API)
 *	  and layout_eval.c (the evaluation of positions).  Private.
 *
 *-------------------------------------------------------------------------
 */
#ifndef ZF_LAYOUT_CURSOR_INT_H
#define ZF_LAYOUT_CURSOR_INT_H

#include "layout/layout_int.h"

#define CUR_MAX_RECURSION	1000

/* per-field flags */
#define CF_SIZE_VAR		0x01	/* its total size varies */
#define CF_OFF_VAR		0x02	/* its offset varies */
#define CF_ELEM_VAR		0x04	/* the size of one occurrence varies */
#define CF_UNIFORM		0x08	/* all elements of an instance are alike */
#define CF_GLOBAL		0x10	/* element size fixed per record (cacheable) */
#define CF_TOP			0x20	/* not inside any table */
#define CF_FAST			0x40	/* offset + index * length, fixed length */
#define CF_POS_STATIC	0x80	/* element 0 at the static offset plus
								 * whole static elements of tables above */
#define CF_KIDS_STATIC	0x100	/* the same holds for its children */

typedef struct cur_field
{
	uint16_t	flags;
	int32_t		chain;			/* first child whose size varies or that
								 * sits at an explicit offset */
	int32_t		chain_next;		/* next such sibling */
	int32_t		table_up;		/* nearest table strictly above, or -1 */
	int32_t		dims_above;		/* OCCURS levels strictly above */
	uint32_t	pre_in;			/* depth-first numbering, for ancestry */
	uint32_t	pre_out;
	/* caches, valid when the stamp equals the cursor's generation */
	uint32_t	off_gen;
	uint32_t	off_val;
	uint32_t	size_gen;
	uint32_t	count_gen;
	uint64_t	size_val;
	uint32_t	count_val;
	uint32_t	elem_gen;
	uint32_t	elem_val;
	uint32_t	seq_gen;
	uint32_t	seq_idx;
	uint32_t	seq_off;
} cur_field;

/* One index of an enclosing table, innermost first (a linked list that
 * shares its outer part with the caller's). */
typedef struct ctxnode
{
	const struct ctxnode *up;
	uint32_t	idx;
} ctxnode;

struct zf_cursor
{
	const zf_layout *L;
	int32_t		rec;
	int32_t		root;
	zf_charset	cs;
	bool		is_static;
	const uint8_t *data;
	uint32_t	len;
	uint32_t	gen;
	int			depth;			/* current recursion */
	zf_error   *err;
	cur_field  *cf;				/* one per field of the layout */
	ctxnode    *nodes;			/* the caller's indices, as a list */
	int32_t		max_dims;
};

/* A printable name for messages. */
static inline const char *
cur_name(const zf_field *f)
{
	return (f->name == NULL || f->name[0] == '\0') ? "(unnamed)" : f->name;
}

/* True when a is an ancestor of b, or b itself (depth-first numbers). */
static inline bool
cur_contains(const zf_cursor *c, int32_t a, int32_t b)
{
	return c->cf[a].pre_in <= c->cf[b].pre_in && c->cf[b].pre_out <= c->cf[a].pre_out;
}

/* The error for a field that does not fit in the bound record. */
extern zf_status zf_lcur_beyond_end(zf_cursor *c, int32_t f, uint64_t need);

/*
 * The evaluation (layout_eval.c).  ctx lists the indices of the tables
 * above the field, innermost first; for zf_lcur_elem_size it includes the
 * element's own index.
 */
extern zf_status zf_lcur_count(zf_cursor *c, int32_t t, const ctxnode *ctx,
						   uint32_t *out);
extern zf_status zf_lcur_offset(zf_cursor *c, int32_t f, const ctxnode *ctx,
							uint32_t *out);
extern zf_status zf_lcur_size(zf_cursor *c, int32_t f, const ctxnode *ctx,
						  uint32_t off, uint64_t *out);
extern zf_status zf_lcur_elem_size(zf_cursor *c, int32_t g, const ctxnode *ctx,
							   uint32_t off, uint64_t *out);
extern zf_status zf_lcur_elem_start(zf_cursor *c, int32_t t, const ctxnode *ctx,
								uint32_t t_off, uint32_t e, uint32_t *out);

#endif							/* ZF_LAYOUT_CURSOR_INT_H */
