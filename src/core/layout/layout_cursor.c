/*-------------------------------------------------------------------------
 *
 * layout_cursor.c
 *	  zf_cursor: per-record positions of fields in variable layouts.
 *
 * At creation the cursor works out, once per field, what varies in the
 * record definition: which sizes and offsets depend on the record's bytes,
 * the chain of variable-size children of each group, whether the elements
 * of a table all have the same size in a record ("uniform"), whether that
 * size depends only on fields outside tables (then it is cached per
 * record), and which fields sit at offset + index * length ("fast": all
 * fields of a static record).  Binding a record forgets the cached values
 * of the previous one.  The evaluation itself is in layout_eval.c.
 *
 *-------------------------------------------------------------------------
 */
#include "layout/layout_cursor_int.h"

#include <stdlib.h>
#include <string.h>

/* ---- setup ---- */

/* Depth-first numbering of the record's subtree, iteratively. */
static void
number_fields(zf_cursor *c)
{
	const zf_layout *L = c->L;
	uint32_t	n = 0;
	int32_t		f = c->root;

	c->cf[f].pre_in = n++;
	for (;;)
	{
		if (L->fields[f].first_child != ZF_NO_FIELD)
		{
			f = L->fields[f].first_child;
			c->cf[f].pre_in = n++;
			continue;
		}
		for (;;)
		{
			c->cf[f].pre_out = n;
			if (f == c->root)
				return;
			if (L->fields[f].next_sibling != ZF_NO_FIELD)
			{
				f = L->fields[f].next_sibling;
				c->cf[f].pre_in = n++;
				break;
			}
			f = L->fields[f].parent;
		}
	}
}

/* Per-field flags and chains of the record's fields. */
static zf_status
prepare(zf_cursor *c)
{
	const zf_layout *L = c->L;
	bool	   *size_var = calloc((size_t) L->nfields + 1, sizeof(bool));
	bool	   *offset_var = calloc((size_t) L->nfields + 1, sizeof(bool));

	if (size_var == NULL || offset_var == NULL)
	{
		free(size_var);
		free(offset_var);
		return zf_error_set(c->err, ZF_E_NOMEM, "out of memory for a record cursor");
	}
	zf_layout_variability(L, size_var, offset_var);
	number_fields(c);

	for (int32_t i = 0; i < L->nfields; i++)
	{
		c->cf[i].chain = ZF_NO_FIELD;
		c->cf[i].chain_next = ZF_NO_FIELD;
	}
	/* parents come before children in index order */
	for (int32_t i = 0; i < L->nfields; i++)
	{
		const zf_field *f = &L->fields[i];
		cur_field  *fc = &c->cf[i];
		int32_t		p = f->parent;

		fc->flags = 0;
		if (size_var[i])
			fc->flags |= CF_SIZE_VAR;
		if (offset_var[i])
			fc->flags |= CF_OFF_VAR;
		if (p == ZF_NO_FIELD)
		{
			fc->table_up = ZF_NO_FIELD;
			fc->dims_above = 0;
		}
		else
		{
			fc->table_up = L->fields[p].occurs_max > 0 ? p : c->cf[p].table_up;
			fc->dims_above = c->cf[p].dims_above + (L->fields[p].occurs_max > 0 ? 1 : 0);
		}
		if (fc->dims_above > c->max_dims)
			c->max_dims = fc->dims_above;
		if (fc->table_up == ZF_NO_FIELD)
			fc->flags |= CF_TOP;
	}
	/* chains of variable-size (or explicitly placed) children, in order */
	for (int32_t i = L->nfields - 1; i >= 0; i--)
	{
		const zf_field *f = &L->fields[i];
		int32_t		p = f->parent;

		if (p == ZF_NO_FIELD || zf_field_is_renames(f) || f->redefines >= 0)
			continue;
		if (size_var[i] || f->fixed_offset)
		{
			c->cf[i].chain_next = c->cf[p].chain;
			c->cf[p].chain = i;
		}
		if (size_var[i])
			c->cf[p].flags |= CF_ELEM_VAR;
	}
	for (int32_t i = 0; i < L->nfields; i++)
	{
		if (zf_field_is_nopad(&L->fields[i]))
			c->cf[i].flags |= CF_ELEM_VAR;
		if ((c->cf[i].flags & CF_ELEM_VAR) && L->fields[i].occurs_max > 0)
			c->cf[i].flags |= CF_UNIFORM | CF_GLOBAL;
	}
	/* a table is not uniform when something inside it decides sizes */
	for (int32_t i = 0; i < L->nfields; i++)
	{
		const zf_field *f = &L->fields[i];
		int32_t		o = f->depending_on;

		if (!zf_field_is_nopad(f) && o < 0)
			continue;
		for (int32_t t = c->cf[i].table_up; t != ZF_NO_FIELD; t = c->cf[t].table_up)
		{
			if (zf_field_is_nopad(f) || (o < L->nfields && cur_contains(c, t, o)))
				c->cf[t].flags &= (uint16_t) ~(CF_UNIFORM | CF_GLOBAL);
			if (zf_field_is_nopad(f) || (o < L->nfields && c->cf[o].table_up != ZF_NO_FIELD))
				c->cf[t].flags &= (uint16_t) ~CF_GLOBAL;
		}
	}
	/*
	 * Static positions: a field whose offset does not vary, under parents
	 * whose children are static; a table whose elements vary keeps its own
	 * element 0 in place but not its children.
	 */
	for (int32_t i = 0; i < L->nfields; i++)
	{
		const zf_field *f = &L->fields[i];
		cur_field  *fc = &c->cf[i];
		bool		pos = !offset_var[i] &&
			(f->parent == ZF_NO_FIELD || (c->cf[f->parent].flags & CF_KIDS_STATIC));

		if (!pos)
			continue;
		fc->flags |= CF_POS_STATIC;
		if (!(f->occurs_max > 0 && (fc->flags & CF_ELEM_VAR)))
			fc->flags |= CF_KIDS_STATIC;
		if (!(fc->flags & CF_ELEM_VAR))
			fc->flags |= CF_FAST;
	}
	free(size_var);
	free(offset_var);
	return ZF_OK;
}

/* See layout.h. */
zf_cursor *
zf_cursor_create(const zf_layout *L, int32_t rec, zf_charset cs, zf_error *err)
{
	zf_cursor  *c;

	if (rec < 0 || rec >= L->nrecords)
	{
		zf_error_set(err, ZF_E_ARG, "record definition %d does not exist", rec);
		return NULL;
	}
	c = calloc(1, sizeof(zf_cursor));
	if (c == NULL)
	{
		zf_error_set(err, ZF_E_NOMEM, "out of memory for a record cursor");
		return NULL;
	}
	c->L = L;
	c->rec = rec;
	c->root = L->records[rec].root;
	c->cs = cs;
	c->is_static = L->records[rec].is_static;
	c->gen = 1;
	c->err = err;
	c->cf = calloc((size_t) L->nfields + 1, sizeof(cur_field));
	if (c->cf == NULL || prepare(c) != ZF_OK)
	{
		if (c->cf != NULL)
			zf_error_set(err, ZF_E_NOMEM, "out of memory for a record cursor");
		zf_cursor_free(c);
		return NULL;
	}
	c->nodes = calloc((size_t) c->max_dims + 2, sizeof(ctxnode));
	if (c->nodes == NULL)
	{
		zf_error_set(err, ZF_E_NOMEM, "out of memory for a record cursor");
		zf_cursor_free(c);
		return NULL;
	}
	return c;
}

/* See layout.h. */
void
zf_cursor_bind(zf_cursor *c, const uint8_t *data, uint32_t len)
{
	c->data = data;
	c->len = len;
	if (++c->gen == 0)
	{
		/* stamps wrapped: forget every cached value */
		for (int32_t i = 0; i < c->L->nfields; i++)
		{
			cur_field  *fc = &c->cf[i];

			fc->off_gen = fc->size_gen = fc->count_gen = 0;
			fc->elem_gen = fc->seq_gen = 0;
		}
		c->gen = 1;
	}
}

/*
 * Turn the caller's indices (outermost first, n of them) into the
 * context list and check each against its table's maximum.  tables lists
 * the n tables, outermost first.
 */
static zf_status
make_ctx(zf_cursor *c, const int32_t *tables, const uint32_t *idx, int n,
		 const ctxnode **out)
{
	for (int k = 0; k < n; k++)
	{
		const zf_field *tf = &c->L->fields[tables[k]];

		if (idx == NULL || idx[k] >= tf->occurs_max)
		{
			zf_error_set(c->err, ZF_E_ARG, "index %u of \"%s\" is outside 0 to %u",
						 idx ? idx[k] : 0, cur_name(tf), tf->occurs_max - 1);
			return ZF_E_ARG;
		}
		c->nodes[k].idx = idx[k];
		c->nodes[k].up = k > 0 ? &c->nodes[k - 1] : NULL;
	}
	*out = n > 0 ? &c->nodes[n - 1] : NULL;
	return ZF_OK;
}

/* Check that field f belongs to the cursor's record; fills its tables. */
static zf_status
field_tables(zf_cursor *c, int32_t f, int32_t *tables, int *n)
{
	if (f < 0 || f >= c->L->nfields || !cur_contains(c, c->root, f) ||
		c->cf[f].pre_out == 0)
		return zf_error_set(c->err, ZF_E_ARG, "field %d is not part of record \"%s\"",
							f, c->L->records[c->rec].name ? c->L->records[c->rec].name : "");
	*n = zf_field_tables(c->L, f, tables, c->max_dims + 1);
	return ZF_OK;
}

/* See layout.h. */
zf_status
zf_cursor_count(zf_cursor *c, int32_t f, const uint32_t *outer_idx,
				uint32_t *count, zf_error *err)
{
	int32_t		stack_tables[16];
	int32_t    *tables = stack_tables;
	const ctxnode *ctx;
	int			n;
	zf_status	s;

	c->err = err;
	c->depth = 0;
	if (c->max_dims + 1 > 16)
	{
		tables = malloc(sizeof(int32_t) * ((size_t) c->max_dims + 1));
		if (tables == NULL)
			return zf_error_set(err, ZF_E_NOMEM, "out of memory");
	}
	if ((s = field_tables(c, f, tables, &n)) != ZF_OK)
		goto done;
	if (c->L->fields[f].occurs_max == 0)
	{
		s = zf_error_set(err, ZF_E_ARG, "\"%s\" is not a table",
						 cur_name(&c->L->fields[f]));
		goto done;
	}
	if ((s = make_ctx(c, tables, outer_idx, n - 1, &ctx)) != ZF_OK)
		goto done;
	s = zf_lcur_count(c, f, ctx, count);
done:
	if (tables != stack_tables)
		free(tables);
	return s;
}

/* See layout.h. */
zf_status
zf_cursor_locate(zf_cursor *c, int32_t f, const uint32_t *idx,
				 uint32_t *offset, uint32_t *length, zf_error *err)
{
	const zf_field *ff;
	cur_field  *fc;
	int32_t		stack_tables[16];
	int32_t    *tables = stack_tables;
	const ctxnode *ctx;
	int			n;
	uint32_t	off;
	uint64_t	len;
	zf_status	s;

	c->err = err;
	c->depth = 0;
	if (c->max_dims + 1 > 16)
	{
		tables = malloc(sizeof(int32_t) * ((size_t) c->max_dims + 1));
		if (tables == NULL)
			return zf_error_set(err, ZF_E_NOMEM, "out of memory");
	}
	if ((s = field_tables(c, f, tables, &n)) != ZF_OK)
		goto done;
	ff = &c->L->fields[f];
	fc = &c->cf[f];
	if ((s = make_ctx(c, tables, idx, n, &ctx)) != ZF_OK)
		goto done;

	/* an index must also be below the actual count of its table */
	if (!c->is_static)
		for (int k = 0; k < n; k++)
		{
			const ctxnode *outer = k > 0 ? &c->nodes[k - 1] : NULL;
			uint32_t	cnt;

			if (c->L->fields[tables[k]].depending_on < 0)
				continue;
			if ((s = zf_lcur_count(c, tables[k], outer, &cnt)) != ZF_OK)
				goto done;
			if (c->nodes[k].idx >= cnt)
			{
				s = zf_error_set(err, ZF_E_ARG,
								 "index %u of \"%s\" is beyond its %u occurrences in this record",
								 c->nodes[k].idx, cur_name(&c->L->fields[tables[k]]), cnt);
				goto done;
			}
		}

	if (fc->flags & CF_FAST)
	{
		uint64_t	pos = ff->offset;

		for (int k = 0; k < n; k++)
			pos += (uint64_t) c->nodes[k].idx * c->L->fields[tables[k]].length;
		off = (uint32_t) pos;
		len = ff->length;
	}
	else
	{
		if (ff->occurs_max > 0)
		{
			uint32_t	t0;

			if ((s = zf_lcur_offset(c, f, ctx->up, &t0)) != ZF_OK)
				goto done;
			s = zf_lcur_elem_start(c, f, ctx->up, t0, ctx->idx, &off);
		}
		else
			s = zf_lcur_offset(c, f, ctx, &off);
		if (s != ZF_OK)
			goto done;
		if (fc->flags & CF_ELEM_VAR)
		{
			if ((s = zf_lcur_elem_size(c, f, ctx, off, &len)) != ZF_OK)
				goto done;
		}
		else
			len = ff->length;
	}
	if ((uint64_t) off + len > c->len)
	{
		s = zf_lcur_beyond_end(c, f, (uint64_t) off + len);
		goto done;
	}
	*offset = off;
	*length = (uint32_t) len;
done:
	if (tables != stack_tables)
		free(tables);
	return s;
}

/* See layout.h. */
zf_status
zf_cursor_record_length(zf_cursor *c, uint32_t *length, zf_error *err)
{
	uint64_t	len;
	zf_status	s;

	c->err = err;
	c->depth = 0;
	if (c->is_static)
	{
		*length = c->L->fields[c->root].length;
		return ZF_OK;
	}
	if ((s = zf_lcur_size(c, c->root, NULL, 0, &len)) != ZF_OK)
		return s;
	if (len > UINT32_MAX)
		return zf_lcur_beyond_end(c, c->root, len);
	*length = (uint32_t) len;
	return ZF_OK;
}

/* See layout.h. */
void
zf_cursor_free(zf_cursor *c)
{
	if (c == NULL)
		return;
	free(c->cf);
	free(c->nodes);
	free(c);
}
