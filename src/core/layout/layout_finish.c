/*-------------------------------------------------------------------------
 *
 * layout_finish.c
 *	  Resolve a layout: offsets, group sizes, REDEFINES, SYNCHRONIZED slack
 *	  bytes, OCCURS, 66-level RENAMES, variable-size flags, record lengths.
 *
 * Offsets follow IBM Enterprise COBOL ("Slack bytes within records" in the
 * Language Reference):
 *	 - items are placed one after the other from the start of the record;
 *	 - a SYNCHRONIZED binary item is aligned on m bytes counted from the
 *	   start of the record: m = 2 for a 2-byte binary item, 4 for 4- and
 *	   8-byte binary items, COMP-1, INDEX and POINTER, 8 for COMP-2; the
 *	   slack bytes follow the elementary item before it, at its level
 *	   (see insert_slack);
 *	 - a group with an OCCURS clause that contains synchronized items is
 *	   padded at the end of each occurrence to a multiple of the largest m
 *	   inside it, so that every occurrence stays aligned;
 *	 - a redefining item starts where the item it redefines starts and
 *	   must immediately follow it (or another redefinition of it); below
 *	   level 01 it may not be larger, and neither may involve a table with
 *	   OCCURS DEPENDING ON;
 *	 - OCCURS DEPENDING ON tables count at their maximum.
 *
 * With ZF_FINISH_SYNC_GNUCOBOL (the dialects 'gnucobol' and 'microfocus')
 * SYNCHRONIZED follows GnuCOBOL's compiler (cobc/field.c, compute_size,
 * checked against files cobc 3.1.2 wrote with its default and -std=mf
 * configurations), which differs from IBM's in four ways:
 *	 - a binary or floating item is aligned on its own size when that is 2,
 *	   4, 8 or 16 bytes, and not at all otherwise (1- and 3-byte binaries
 *	   of the small binary sizes): an 8-byte binary goes on 8, not 4;
 *	 - the slack bytes lie inside the innermost group of the synchronized
 *	   item, right before it (that group grows; nothing moves);
 *	 - a table (OCCURS more than 1) is padded to a multiple of the largest
 *	   alignment of the synchronized items placed since the last group
 *	   began (cobc keeps one counter that every group resets), and the
 *	   padding goes in front of the last item of each occurrence (its
 *	   last elementary item moves; the groups that end with it grow);
 *	 - SYNCHRONIZED on an 01 group is ignored (copybook.c does not pass
 *	   it down).
 *
 * Everything here is iterative (an explicit stack, or index order, which
 * puts every parent before its children), so that deeply nested layouts
 * cannot exhaust the C stack.
 *
 *-------------------------------------------------------------------------
 */
#include "layout/layout_int.h"

#include <stdlib.h>
#include <string.h>

typedef struct place_frame
{
	int32_t		node;			/* the group being laid out */
	int32_t		next;			/* its next child to place */
	int32_t		last_plain;		/* last child that redefines nothing */
	bool		fresh;			/* nothing placed in it yet */
	uint32_t	align;			/* largest synchronization inside */
	uint64_t	pos;			/* where the next sequential child goes */
	uint64_t	max_end;		/* end of the furthest child so far */
} place_frame;

/* State of one zf_layout_finish call. */
typedef struct finish_state
{
	zf_layout  *L;
	const zf_limits *lim;
	unsigned	flags;
	int32_t		bad;			/* field an error is about */
	int32_t		last_elem;		/* last elementary item placed */
	uint32_t	gnu_align;		/* GnuCOBOL's occur_align_size: largest
								 * alignment since the last group began */
	zf_error   *err;
	bool	   *size_var;		/* per field: its size depends on data */
	bool	   *offset_var;		/* per field: its offset depends on data */
} finish_state;

/* Record the field an error is about and return the status. */
static zf_status
fail_at(finish_state *st, int32_t f, zf_status status)
{
	st->bad = f;
	return status;
}

/* A printable name for messages. */
static const char *
disp_name(const zf_field *f)
{
	if (f->name == NULL || f->name[0] == '\0')
		return "(unnamed)";
	return f->name;
}

/*
 * The boundary a synchronized elementary item is aligned on (IBM's m, or
 * GnuCOBOL's: its own size when 2, 4, 8 or 16), or 1 when SYNCHRONIZED has
 * no effect on it (display, packed, national...).
 */
static uint32_t
sync_alignment(const finish_state *st, const zf_field *f)
{
	if (!f->sync || f->kind == ZF_KIND_GROUP)
		return 1;
	if (st->flags & ZF_FINISH_SYNC_GNUCOBOL)
	{
		if (f->kind != ZF_KIND_BINARY && f->kind != ZF_KIND_FLOAT)
			return 1;
		return (f->length == 2 || f->length == 4 || f->length == 8 ||
				f->length == 16) ? f->length : 1;
	}
	if (f->kind == ZF_KIND_BINARY)
		return f->length <= 2 ? 2 : 4;
	if (f->kind == ZF_KIND_FLOAT)
		return f->length <= 4 ? 4 : 8;
	return 1;
}

/* True when a is an ancestor of b, or b itself. */
static bool
is_ancestor_or_self(const zf_layout *L, int32_t a, int32_t b)
{
	while (b != ZF_NO_FIELD)
	{
		if (b == a)
			return true;
		b = L->fields[b].parent;
	}
	return false;
}

/* The record root above f. */
static int32_t
root_of(const zf_layout *L, int32_t f)
{
	while (L->fields[f].parent != ZF_NO_FIELD)
		f = L->fields[f].parent;
	return f;
}

/* Check an end position against the record length limit. */
static zf_status
check_end(finish_state *st, int32_t f, uint64_t end)
{
	if (end > st->lim->max_record_length)
	{
		zf_error_set(st->err, ZF_E_LIMIT,
					 "record layout is longer than %u bytes at field \"%s\"",
					 st->lim->max_record_length, disp_name(&st->L->fields[f]));
		zf_error_hint(st->err, "Raise the maximum record length, or check the OCCURS counts.");
		zf_error_limit(st->err, ZF_LIMIT_RECORD_LENGTH);
		return fail_at(st, f, ZF_E_LIMIT);
	}
	return ZF_OK;
}

/*
 * Child c of the group in frame fr is placed: move the frame's position
 * past it, remembering REDEFINES (the area is the largest of the
 * definitions) and the alignment it needs.
 */
static zf_status
account_child(finish_state *st, place_frame *fr, int32_t c, uint32_t calign)
{
	zf_field   *cf = &st->L->fields[c];
	uint64_t	end = (uint64_t) cf->offset + zf_field_total(cf);
	zf_status	s;

	if ((s = check_end(st, c, end)) != ZF_OK)
		return s;
	if (cf->redefines >= 0)
	{
		zf_field   *tf = &st->L->fields[cf->redefines];

		if (zf_field_total(cf) > zf_field_total(tf) &&
			!(st->flags & ZF_FINISH_LARGER_REDEFINES))
		{
			zf_error_set(st->err, ZF_E_SYNTAX,
						 "redefining item \"%s\" (%llu bytes) is larger than the item \"%s\" it redefines (%llu bytes)",
						 disp_name(cf), (unsigned long long) zf_field_total(cf),
						 disp_name(tf), (unsigned long long) zf_field_total(tf));
			zf_error_hint(st->err, "IBM COBOL allows a larger redefining item only at level 01.");
			return fail_at(st, c, ZF_E_SYNTAX);
		}
		if (end > fr->pos)
			fr->pos = end;
	}
	else
	{
		fr->pos = end;
		fr->last_plain = c;
	}
	if (end > fr->max_end)
		fr->max_end = end;
	if (calign > fr->align)
		fr->align = calign;
	fr->fresh = false;
	if (cf->kind != ZF_KIND_GROUP)
		st->last_elem = c;
	return ZF_OK;
}

/* True when group g is redefined by the item that follows it. */
static bool
is_redefined(const zf_layout *L, int32_t g)
{
	int32_t		n = L->fields[g].next_sibling;

	return n != ZF_NO_FIELD && L->fields[n].redefines == g;
}

/*
 * IBM defines slack bytes as an item right after the elementary item that
 * precedes the synchronized one, at that item's level.  So the s slack
 * bytes before item c belong to the groups that hold the previous
 * elementary item but not c (they grow), and the groups opened since that
 * item (the fresh frames on top of the stack) start after them.  Tables
 * and REDEFINES areas neither grow nor move: the slack then belongs to
 * the group above them.
 */
static void
insert_slack(finish_state *st, place_frame *stack, int32_t sp, int32_t c, uint32_t s)
{
	zf_layout  *L = st->L;

	for (int32_t k = sp - 1; k > 0 && stack[k].fresh; k--)
	{
		zf_field   *gf = &L->fields[stack[k].node];

		if (gf->redefines >= 0)
			break;
		gf->offset += s;
		stack[k].pos += s;
		stack[k].max_end += s;
	}
	if (st->last_elem < 0)
		return;

	/*
	 * A table or REDEFINES area between the previous item and c keeps
	 * every group below it from growing too: the slack lies outside it,
	 * and a group inside an occurrence cannot be longer than the
	 * occurrence (GnuCOBOL -std=ibm agrees: in 05 T OCCURS 1. 10 G.
	 * 15 F COMP-1. 05 D COMP-2 SYNC, G stays 4 bytes).
	 */
	for (int32_t g = L->fields[st->last_elem].parent; g != ZF_NO_FIELD; g = L->fields[g].parent)
	{
		zf_field   *gf = &L->fields[g];

		if (is_ancestor_or_self(L, g, c))
			break;
		if (gf->occurs_max > 0 || gf->redefines >= 0 || is_redefined(L, g))
			return;
	}
	for (int32_t g = L->fields[st->last_elem].parent; g != ZF_NO_FIELD; g = L->fields[g].parent)
	{
		if (is_ancestor_or_self(L, g, c))
			break;
		L->fields[g].length += s;
	}
}

/*
 * GnuCOBOL pads an occurrence in front of its last item: the last
 * elementary item (last child, its last child...) of table g moves by pad
 * bytes, and the groups between g and it, which end where it ends, grow
 * (GnuCOBOL leaves them as they were, the item outside; zfdw keeps every
 * item inside its group).  A nested table on that path would have each of
 * its occurrences' last item moved: not reproduced, an error.
 */
static zf_status
gnucobol_pad_last(finish_state *st, int32_t g, uint32_t pad)
{
	zf_layout  *L = st->L;
	int32_t		f = L->fields[g].first_child;

	while (f != ZF_NO_FIELD)
	{
		zf_field   *ff;

		while (L->fields[f].next_sibling != ZF_NO_FIELD)
			f = L->fields[f].next_sibling;
		ff = &L->fields[f];
		if (ff->occurs_max > 0 && ff->kind == ZF_KIND_GROUP)
		{
			zf_error_set(st->err, ZF_E_UNSUPPORTED,
						 "table \"%s\" ends with the table \"%s\", which GnuCOBOL's SYNCHRONIZED padding would shift; this layout is not supported",
						 disp_name(&L->fields[g]), disp_name(ff));
			zf_error_hint(st->err, "Read these fields with explicit columns (options position and length).");
			return fail_at(st, g, ZF_E_UNSUPPORTED);
		}
		if (ff->kind != ZF_KIND_GROUP || ff->first_child == ZF_NO_FIELD)
		{
			ff->offset += pad;
			return ZF_OK;
		}
		ff->length += pad;
		f = ff->first_child;
	}
	return ZF_OK;
}

/* Place the next child of the group in the top frame: its offset. */
static zf_status
place_child(finish_state *st, place_frame *stack, int32_t sp, int32_t c)
{
	zf_layout  *L = st->L;
	zf_field   *cf = &L->fields[c];
	place_frame *fr = &stack[sp - 1];

	if (cf->redefines >= 0)
	{
		int32_t		t = cf->redefines;

		if (t >= L->nfields || L->fields[t].parent != cf->parent ||
			t != fr->last_plain)
		{
			zf_error_set(st->err, ZF_E_SYNTAX,
						 "\"%s\" must immediately follow the item it redefines, at the same level",
						 disp_name(cf));
			return fail_at(st, c, ZF_E_SYNTAX);
		}
		cf->offset = L->fields[t].offset;
	}
	else if (!cf->fixed_offset)
	{
		uint64_t	off = fr->pos + cf->lead_bytes;
		uint32_t	m = sync_alignment(st, cf);
		zf_status	s;

		if (m > 1 && off % m != 0)
		{
			uint32_t	slack = m - (uint32_t) (off % m);

			/* GnuCOBOL: the slack is the innermost group's, before c */
			if (!(st->flags & ZF_FINISH_SYNC_GNUCOBOL))
				insert_slack(st, stack, sp, c, slack);
			off += slack;
		}
		if (m > st->gnu_align)
			st->gnu_align = m;
		if ((s = check_end(st, c, off)) != ZF_OK)
			return s;
		cf->offset = (uint32_t) off;
	}
	if (cf->kind == ZF_KIND_GROUP && cf->first_child == ZF_NO_FIELD)
	{
		zf_error_set(st->err, ZF_E_SYNTAX, "group item \"%s\" has no subordinate items",
					 disp_name(cf));
		return fail_at(st, c, ZF_E_SYNTAX);
	}
	if (cf->kind != ZF_KIND_GROUP && cf->length == 0)
	{
		zf_error_set(st->err, ZF_E_SYNTAX, "elementary item \"%s\" has no length",
					 disp_name(cf));
		return fail_at(st, c, ZF_E_SYNTAX);
	}
	return ZF_OK;
}

/* Lay out one record definition, depth first with an explicit stack. */
static zf_status
place_record(finish_state *st, int32_t root, place_frame *stack)
{
	zf_layout  *L = st->L;
	zf_field   *rf = &L->fields[root];
	int32_t		sp;
	zf_status	s;

	rf->offset = 0;
	if (rf->occurs_max > 0)
	{
		zf_error_set(st->err, ZF_E_SYNTAX, "record \"%s\" cannot have an OCCURS clause",
					 disp_name(rf));
		return fail_at(st, root, ZF_E_SYNTAX);
	}
	if (rf->kind != ZF_KIND_GROUP)
	{
		if (rf->length == 0)
		{
			zf_error_set(st->err, ZF_E_SYNTAX, "elementary item \"%s\" has no length",
						 disp_name(rf));
			return fail_at(st, root, ZF_E_SYNTAX);
		}
		return check_end(st, root, rf->length);
	}
	if (rf->first_child == ZF_NO_FIELD)
	{
		zf_error_set(st->err, ZF_E_SYNTAX, "group item \"%s\" has no subordinate items",
					 disp_name(rf));
		return fail_at(st, root, ZF_E_SYNTAX);
	}

	st->last_elem = ZF_NO_FIELD;
	stack[0].node = root;
	stack[0].next = rf->first_child;
	stack[0].last_plain = ZF_NO_FIELD;
	stack[0].fresh = true;
	stack[0].align = 1;
	stack[0].pos = 0;
	stack[0].max_end = 0;
	st->gnu_align = 1;
	sp = 1;
	while (sp > 0)
	{
		place_frame *fr = &stack[sp - 1];
		int32_t		c = fr->next;
		zf_field   *cf;

		if (c == ZF_NO_FIELD)
		{
			/* all children placed: the group's size, padded in a table */
			zf_field   *gf = &L->fields[fr->node];
			uint64_t	len = fr->max_end - gf->offset;
			uint32_t	align = fr->align;
			int32_t		g = fr->node;

			if (st->flags & ZF_FINISH_SYNC_GNUCOBOL)
			{
				if (gf->occurs_max > 1 && len % st->gnu_align != 0)
				{
					uint32_t	pad = st->gnu_align - (uint32_t) (len % st->gnu_align);

					if ((s = gnucobol_pad_last(st, g, pad)) != ZF_OK)
						return s;
					len += pad;
				}
			}
			else if (gf->occurs_max > 0 && align > 1 && len % align != 0)
				len += align - len % align;
			if ((s = check_end(st, g, gf->offset + len)) != ZF_OK)
				return s;
			if (len == 0)
			{
				zf_error_set(st->err, ZF_E_SYNTAX, "group item \"%s\" has no storage",
							 disp_name(gf));
				return fail_at(st, g, ZF_E_SYNTAX);
			}
			gf->length = (uint32_t) len;
			sp--;
			if (sp > 0 && (s = account_child(st, &stack[sp - 1], g, align)) != ZF_OK)
				return s;
			continue;
		}
		cf = &L->fields[c];
		fr->next = cf->next_sibling;
		if (zf_field_is_renames(cf))
			continue;			/* placed after the record is laid out */
		if ((s = place_child(st, stack, sp, c)) != ZF_OK)
			return s;
		if (cf->kind == ZF_KIND_GROUP)
		{
			place_frame *nf = &stack[sp++];

			nf->node = c;
			nf->next = cf->first_child;
			nf->last_plain = ZF_NO_FIELD;
			nf->fresh = true;
			nf->align = 1;
			nf->pos = cf->offset;
			nf->max_end = cf->offset;
			st->gnu_align = 1;
			continue;
		}
		if ((s = account_child(st, fr, c, sync_alignment(st, cf))) != ZF_OK)
			return s;
	}
	return ZF_OK;
}

/* Number of OCCURS levels at and above f. */
static int
dimensions(const zf_layout *L, int32_t f)
{
	int			n = 0;

	for (; f != ZF_NO_FIELD; f = L->fields[f].parent)
		if (L->fields[f].occurs_max > 0)
			n++;
	return n;
}

/* The last field, in source order, of the subtree of f. */
static int32_t
subtree_last(const zf_layout *L, int32_t f)
{
	for (;;)
	{
		int32_t		c = L->fields[f].first_child;

		if (c == ZF_NO_FIELD)
			return f;
		while (L->fields[c].next_sibling != ZF_NO_FIELD)
			c = L->fields[c].next_sibling;
		f = c;
	}
}

/* 66-level items: the byte range from the first renamed item to the last. */
static zf_status
place_renames(finish_state *st, int32_t r)
{
	zf_layout  *L = st->L;
	zf_field   *rf = &L->fields[r];
	int32_t		a = rf->renames_first;
	int32_t		b = rf->renames_last >= 0 ? rf->renames_last : a;
	uint64_t	end_a,
				end_b;

	if (a >= L->nfields || b >= L->nfields ||
		zf_field_is_renames(&L->fields[a]) || zf_field_is_renames(&L->fields[b]) ||
		L->fields[a].parent == ZF_NO_FIELD ||
		root_of(L, a) != root_of(L, r) || root_of(L, b) != root_of(L, r))
	{
		zf_error_set(st->err, ZF_E_SYNTAX,
					 "\"%s\" must rename items of the record it follows", disp_name(rf));
		return fail_at(st, r, ZF_E_SYNTAX);
	}
	if (a != b && (b < a || is_ancestor_or_self(L, a, b) || is_ancestor_or_self(L, b, a)))
	{
		zf_error_set(st->err, ZF_E_SYNTAX,
					 "in \"%s\", the THRU item must follow the first renamed item and not be part of it",
					 disp_name(rf));
		return fail_at(st, r, ZF_E_SYNTAX);
	}
	if (dimensions(L, a) > 0 || dimensions(L, b) > 0)
	{
		zf_error_set(st->err, ZF_E_SYNTAX,
					 "\"%s\" cannot rename an item that has or is part of an OCCURS clause",
					 disp_name(rf));
		return fail_at(st, r, ZF_E_SYNTAX);
	}
	for (int32_t i = a, last = subtree_last(L, b); i <= last; i++)
		if (st->size_var[i] || st->offset_var[i])
		{
			zf_error_set(st->err, ZF_E_SYNTAX,
						 "\"%s\" cannot rename the variable-length item \"%s\"",
						 disp_name(rf), disp_name(&L->fields[i]));
			return fail_at(st, r, ZF_E_SYNTAX);
		}
	end_a = (uint64_t) L->fields[a].offset + zf_field_total(&L->fields[a]);
	end_b = (uint64_t) L->fields[b].offset + zf_field_total(&L->fields[b]);
	rf->offset = L->fields[a].offset;
	rf->length = (uint32_t) ((end_b > end_a ? end_b : end_a) - rf->offset);
	rf->fixed_offset = true;
	return ZF_OK;
}

/*
 * Which fields have a size (size_var) or an offset (offset_var) that
 * depends on the record's bytes.  Sizes propagate from children to
 * parents (reverse index order); offsets from earlier siblings and parents
 * (index order).  The arrays hold one entry per field, zeroed.
 */
void
zf_layout_variability(const zf_layout *L, bool *size_var, bool *offset_var)
{
	for (int32_t i = L->nfields - 1; i >= 0; i--)
	{
		const zf_field *f = &L->fields[i];

		if (zf_field_is_renames(f))
			continue;
		if (zf_field_is_nopad(f) || f->depending_on >= 0)
			size_var[i] = true;
		if (size_var[i] && f->parent != ZF_NO_FIELD)
			size_var[f->parent] = true;
	}
	for (int32_t i = 0; i < L->nfields; i++)
	{
		bool		seen = false;

		if (L->fields[i].kind != ZF_KIND_GROUP)
			continue;
		for (int32_t c = L->fields[i].first_child; c != ZF_NO_FIELD;
			 c = L->fields[c].next_sibling)
		{
			const zf_field *cf = &L->fields[c];

			if (zf_field_is_renames(cf))
				continue;
			if (cf->redefines >= 0)
				offset_var[c] = offset_var[cf->redefines];
			else if (cf->fixed_offset)
			{
				offset_var[c] = false;
				seen = size_var[c];
			}
			else
			{
				offset_var[c] = offset_var[i] || seen;
				seen = seen || size_var[c];
			}
		}
	}
}

/* IBM's rules for OCCURS DEPENDING ON objects, and REDEFINES of
 * variable-length items. */
static zf_status
check_variable_rules(finish_state *st)
{
	zf_layout  *L = st->L;

	for (int32_t i = 0; i < L->nfields; i++)
	{
		zf_field   *f = &L->fields[i];
		int32_t		o = f->depending_on;
		zf_field   *of;

		if (f->occurs_max > 0 && f->occurs_min > f->occurs_max)
		{
			zf_error_set(st->err, ZF_E_SYNTAX, "\"%s\" has a minimum of %u occurrences, more than its maximum of %u",
						 disp_name(f), f->occurs_min, f->occurs_max);
			return fail_at(st, i, ZF_E_SYNTAX);
		}
		if (f->redefines >= 0 && f->parent != ZF_NO_FIELD &&
			(st->size_var[i] || st->size_var[f->redefines]))
		{
			zf_error_set(st->err, ZF_E_SYNTAX,
						 "REDEFINES of \"%s\" by \"%s\" involves a variable-length item",
						 disp_name(&L->fields[f->redefines]), disp_name(f));
			zf_error_hint(st->err, "Neither the redefined nor the redefining item may contain OCCURS DEPENDING ON.");
			return fail_at(st, i, ZF_E_SYNTAX);
		}
		if (o < 0)
			continue;
		if (f->occurs_max == 0)
		{
			zf_error_set(st->err, ZF_E_SYNTAX, "\"%s\" has DEPENDING ON without OCCURS",
						 disp_name(f));
			return fail_at(st, i, ZF_E_SYNTAX);
		}
		if (o >= L->nfields || o == i)
		{
			zf_error_set(st->err, ZF_E_SYNTAX, "\"%s\" depends on an invalid object", disp_name(f));
			return fail_at(st, i, ZF_E_SYNTAX);
		}
		of = &L->fields[o];
		if ((of->kind != ZF_KIND_ZONED && of->kind != ZF_KIND_PACKED &&
			 of->kind != ZF_KIND_BINARY) || of->scale != 0 || of->occurs_max > 0 ||
			zf_field_is_renames(of))
		{
			zf_error_set(st->err, ZF_E_SYNTAX,
						 "OCCURS DEPENDING ON object \"%s\" of \"%s\" is not an integer item",
						 disp_name(of), disp_name(f));
			zf_error_hint(st->err, "The object must be an elementary zoned, packed or binary integer without OCCURS.");
			return fail_at(st, i, ZF_E_SYNTAX);
		}
		if (root_of(L, o) != root_of(L, i))
		{
			zf_error_set(st->err, ZF_E_UNSUPPORTED,
						 "OCCURS DEPENDING ON object \"%s\" of \"%s\" is not in the same record",
						 disp_name(of), disp_name(f));
			return fail_at(st, i, ZF_E_UNSUPPORTED);
		}
		if (is_ancestor_or_self(L, i, o) ||
			(uint64_t) of->offset + of->length > f->offset)
		{
			zf_error_set(st->err, ZF_E_SYNTAX,
						 "OCCURS DEPENDING ON object \"%s\" must precede the table \"%s\"",
						 disp_name(of), disp_name(f));
			return fail_at(st, i, ZF_E_SYNTAX);
		}
		for (int32_t a = of->parent; a != ZF_NO_FIELD; a = L->fields[a].parent)
			if (L->fields[a].occurs_max > 0 && !is_ancestor_or_self(L, a, i))
			{
				zf_error_set(st->err, ZF_E_SYNTAX,
							 "OCCURS DEPENDING ON object \"%s\" of \"%s\" is in another table",
							 disp_name(of), disp_name(f));
				return fail_at(st, i, ZF_E_SYNTAX);
			}
	}
	return ZF_OK;
}

/*
 * Record lengths: the static one (every table at its maximum) and the
 * minimum one (every ODO table at its minimum, every varying field empty),
 * computed children first.
 */
static zf_status
record_lengths(finish_state *st)
{
	zf_layout  *L = st->L;
	uint64_t   *reduce = calloc((size_t) L->nfields + 1, sizeof(uint64_t));
	uint64_t   *min_total = calloc((size_t) L->nfields + 1, sizeof(uint64_t));

	if (reduce == NULL || min_total == NULL)
	{
		free(reduce);
		free(min_total);
		return zf_error_set(st->err, ZF_E_NOMEM, "out of memory resolving a layout");
	}
	for (int32_t i = L->nfields - 1; i >= 0; i--)
	{
		zf_field   *f = &L->fields[i];
		uint64_t	min_len;
		uint64_t	count;

		if (zf_field_is_renames(f))
			continue;
		if (!st->size_var[i])
		{
			min_total[i] = zf_field_total(f);
			continue;
		}
		if (zf_field_is_nopad(f))
			min_len = f->length_prefix;
		else if (f->kind == ZF_KIND_GROUP)
		{
			/*
			 * Varying children that overlap (a punch may place fields on
			 * the same bytes) can save more than the group holds: the
			 * group can shrink to nothing, not below.
			 */
			min_len = reduce[i] < f->length ? f->length - reduce[i] : 0;
		}
		else
			min_len = f->length;
		if (f->depending_on >= 0)
			count = f->occurs_min;
		else
			count = f->occurs_max > 0 ? f->occurs_max : 1;
		min_total[i] = min_len * count;
		if (f->parent != ZF_NO_FIELD && f->redefines < 0)
			reduce[f->parent] += zf_field_total(f) - min_total[i];
	}
	for (int32_t r = 0; r < L->nrecords; r++)
	{
		zf_recdef  *rd = &L->records[r];

		rd->max_length = L->fields[rd->root].length;
		rd->min_length = (uint32_t) min_total[rd->root];
		rd->is_static = !st->size_var[rd->root];
	}
	free(reduce);
	free(min_total);
	return ZF_OK;
}

/* See layout.h. */
zf_status
zf_layout_finish(zf_layout *L, const zf_limits *lim, zf_error *err)
{
	return zf_layout_finish_ex(L, lim, 0, NULL, err);
}

/* See layout_int.h. */
zf_status
zf_layout_finish_ex(zf_layout *L, const zf_limits *lim, unsigned flags,
					int32_t *bad_field, zf_error *err)
{
	finish_state st;
	zf_limits	deflim;
	place_frame *stack;
	zf_status	s = ZF_OK;

	if (bad_field)
		*bad_field = -1;
	if (lim == NULL)
	{
		zf_limits_default(&deflim);
		lim = &deflim;
	}
	memset(&st, 0, sizeof(st));
	st.L = L;
	st.lim = lim;
	st.flags = flags;
	st.bad = -1;
	st.err = err;

	if (L->nrecords == 0)
		return zf_error_set(err, ZF_E_SYNTAX, "layout has no record definition");
	if ((uint32_t) L->nfields > lim->max_fields)
	{
		zf_error_set(err, ZF_E_LIMIT, "layout has more than %u fields", lim->max_fields);
		zf_error_limit(err, ZF_LIMIT_FIELDS);
		return ZF_E_LIMIT;
	}
	for (int32_t i = 0; i < L->nfields; i++)
	{
		if ((uint32_t) L->fields[i].depth > lim->max_depth)
		{
			zf_error_set(err, ZF_E_LIMIT, "field \"%s\" is nested more than %u levels deep",
						 disp_name(&L->fields[i]), lim->max_depth);
			s = fail_at(&st, i, ZF_E_LIMIT);
			goto done;
		}
		if (L->fields[i].occurs_max > lim->max_occurs)
		{
			zf_error_set(err, ZF_E_LIMIT, "field \"%s\" occurs %u times, more than the limit of %u",
						 disp_name(&L->fields[i]), L->fields[i].occurs_max, lim->max_occurs);
			zf_error_limit(err, ZF_LIMIT_OCCURS);
			s = fail_at(&st, i, ZF_E_LIMIT);
			goto done;
		}
	}

	stack = malloc(sizeof(place_frame) * ((size_t) L->nfields + 1));
	st.size_var = calloc((size_t) L->nfields + 1, sizeof(bool));
	st.offset_var = calloc((size_t) L->nfields + 1, sizeof(bool));
	if (stack == NULL || st.size_var == NULL || st.offset_var == NULL)
	{
		s = zf_error_set(err, ZF_E_NOMEM, "out of memory resolving a layout");
		goto cleanup;
	}
	for (int32_t r = 0; r < L->nrecords && s == ZF_OK; r++)
		s = place_record(&st, L->records[r].root, stack);
	if (s != ZF_OK)
		goto cleanup;
	zf_layout_variability(L, st.size_var, st.offset_var);
	for (int32_t i = 0; i < L->nfields; i++)
		L->fields[i].variable = st.size_var[i] || st.offset_var[i];
	if ((s = check_variable_rules(&st)) != ZF_OK)
		goto cleanup;
	for (int32_t i = 0; i < L->nfields && s == ZF_OK; i++)
		if (zf_field_is_renames(&L->fields[i]))
			s = place_renames(&st, i);
	if (s != ZF_OK)
		goto cleanup;
	s = record_lengths(&st);

cleanup:
	free(stack);
	free(st.size_var);
	free(st.offset_var);
done:
	if (bad_field)
		*bad_field = st.bad;
	return s;
}
