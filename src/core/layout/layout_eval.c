/*-------------------------------------------------------------------------
 *
 * layout_eval.c
 *	  Per-record positions of fields, as z/OS lays records out when they
 *	  contain OCCURS DEPENDING ON tables or unpadded varying fields: the
 *	  evaluation behind zf_cursor (layout_cursor.c).
 *
 * In the static layout every table sits at its maximum.  In a record,
 * items after a variable-size item move by the difference between its
 * actual and its static size; elements of a table whose element size
 * varies (a nested ODO table) are laid end to end.  So the actual offset
 * of a field is
 *
 *	 actual start of its parent's instance (the element it is in)
 *	 + its static offset inside the parent
 *	 + the sum, over the preceding siblings whose size varies, of
 *	   (actual size - static size),
 *
 * which the functions below evaluate top-down, reading ODO objects (and
 * varying-length prefixes) from the bound record as they go.
 *
 * What the cursor precomputes per field, once: whether its size or
 * offset varies, the chain of its variable-size children, whether its
 * table elements all have the same size ("uniform"), and whether a field
 * can be located by offset + index * length ("fast": every field of a
 * static record, and fields before or inside fixed-size elements of a
 * variable record).  What it caches per bound record: ODO counts, the
 * actual offset and size of fields outside any table, the element size of
 * uniform tables whose size depends only on fields outside tables, and
 * the last element reached in tables whose elements differ in size.  So
 * locating every field of a record costs about one pass over the record,
 * not one per field.
 *
 * The evaluation recurses (a table's count needs its object's position,
 * which may follow other variable items); the depth is bounded and a
 * layout that would exceed it is ZF_E_LIMIT, never a stack overflow.
 *
 * The ODO object is decoded by a private integer decoder (unsigned and
 * signed zoned, packed, big-endian binary) until decimal.h is linked in.
 *
 *-------------------------------------------------------------------------
 */
#include "layout/layout_cursor_int.h"

#include <string.h>

/* The error for a field that does not fit in the bound record. */
zf_status
zf_lcur_beyond_end(zf_cursor *c, int32_t f, uint64_t need)
{
	zf_error_set(c->err, ZF_E_BAD_DATA, "record is %u bytes, field \"%s\" needs %llu",
				 c->len, cur_name(&c->L->fields[f]), (unsigned long long) need);
	if (c->err)
		c->err->offset = c->len;
	return ZF_E_BAD_DATA;
}

/* Enter one level of evaluation; ZF_E_LIMIT past the bound. */
static zf_status
enter(zf_cursor *c)
{
	if (++c->depth > CUR_MAX_RECURSION)
	{
		c->depth--;
		return zf_error_set(c->err, ZF_E_LIMIT,
							"variable record layout is nested too deeply to resolve");
	}
	return ZF_OK;
}


/* ---- the ODO object decoder (private until decimal.h is linked) ---- */

/* Digit of a zoned byte that is not the sign position, or -1. */
static int
zoned_digit(uint8_t b, zf_charset cs)
{
	if (cs == ZF_CHARSET_EBCDIC)
		return (b >= 0xF0 && b <= 0xF9) ? b - 0xF0 : -1;
	return (b >= 0x30 && b <= 0x39) ? b - 0x30 : -1;
}

/* Digit and sign of an overpunched zoned byte, or -1. */
static int
zoned_overpunch(uint8_t b, zf_charset cs, bool *neg)
{
	*neg = false;
	if (cs == ZF_CHARSET_EBCDIC)
	{
		int			zone = b >> 4;
		int			d = b & 0x0F;

		if (d > 9)
			return -1;
		if (zone == 0xF || zone == 0xC || zone == 0xA || zone == 0xE)
			return d;
		if (zone == 0xD || zone == 0xB)
		{
			*neg = true;
			return d;
		}
		return -1;
	}
	if (b >= 0x30 && b <= 0x39)
		return b - 0x30;
	if (b == '{')
		return 0;
	if (b >= 'A' && b <= 'I')
		return b - 'A' + 1;
	*neg = true;
	if (b == '}')
		return 0;
	if (b >= 'J' && b <= 'R')
		return b - 'J' + 1;
	if (b >= 0x70 && b <= 0x79)
		return b - 0x70;
	return -1;
}

/*
 * Decode an integer ODO object.  Returns false for bytes that are not a
 * valid number of the field's kind; at most 18 digits (a count is small).
 */
static bool
decode_integer(const zf_field *f, const uint8_t *p, zf_charset cs, int64_t *out)
{
	int64_t		v = 0;
	bool		neg = false;
	uint32_t	n = f->length;

	switch (f->kind)
	{
		case ZF_KIND_BINARY:
			if (n == 0 || n > 8)
				return false;
			{
				uint64_t	u = 0;

				for (uint32_t i = 0; i < n; i++)
					u = (u << 8) | p[i];
				if (f->is_signed && n < 8 && (p[0] & 0x80))
					u |= ~(uint64_t) 0 << (8 * n);
				if (!f->is_signed && n == 8 && (u >> 63))
					return false;
				v = (int64_t) u;
			}
			break;
		case ZF_KIND_PACKED:
			if (n == 0 || n > 10)
				return false;
			for (uint32_t i = 0; i < n; i++)
			{
				int			hi = p[i] >> 4;
				int			lo = p[i] & 0x0F;

				if (hi > 9)
					return false;
				v = v * 10 + hi;
				if (i + 1 < n)
				{
					if (lo > 9)
						return false;
					v = v * 10 + lo;
				}
				else if (lo == 0x0D || lo == 0x0B)
					neg = true;
				else if (lo < 0x0A)
					return false;
			}
			break;
		case ZF_KIND_ZONED:
			{
				uint32_t	first = 0;
				uint32_t	last = n;
				int			sign_pos = -1;

				if (f->sign == ZF_SIGN_LEADING_SEPARATE || f->sign == ZF_SIGN_TRAILING_SEPARATE)
				{
					uint8_t		sb = f->sign == ZF_SIGN_LEADING_SEPARATE ? p[0] : p[n - 1];
					uint8_t		plus = cs == ZF_CHARSET_EBCDIC ? 0x4E : '+';
					uint8_t		minus = cs == ZF_CHARSET_EBCDIC ? 0x60 : '-';

					if (sb == minus)
						neg = true;
					else if (sb != plus)
						return false;
					if (f->sign == ZF_SIGN_LEADING_SEPARATE)
						first = 1;
					else
						last = n - 1;
				}
				else if (f->sign == ZF_SIGN_LEADING)
					sign_pos = 0;
				else if (f->sign == ZF_SIGN_TRAILING)
					sign_pos = (int) n - 1;
				if (last - first == 0 || last - first > 18)
					return false;
				for (uint32_t i = first; i < last; i++)
				{
					int			d;

					if ((int) i == sign_pos)
					{
						bool		ng;

						d = zoned_overpunch(p[i], cs, &ng);
						neg = ng;
					}
					else
						d = zoned_digit(p[i], cs);
					if (d < 0)
						return false;
					v = v * 10 + d;
				}
			}
			break;
		default:
			return false;
	}
	*out = neg ? -v : v;
	return true;
}

/* ---- evaluation ---- */

/* The context of an object with k enclosing tables, from a context of n. */
static const ctxnode *
ctx_prefix(const ctxnode *ctx, int n, int k)
{
	for (; n > k && ctx != NULL; n--)
		ctx = ctx->up;
	return ctx;
}

/* Actual number of occurrences of table t in the instance ctx (indices of
 * the tables above t). */
zf_status
zf_lcur_count(zf_cursor *c, int32_t t, const ctxnode *ctx, uint32_t *out)
{
	const zf_field *tf = &c->L->fields[t];
	int32_t		o = tf->depending_on;
	const zf_field *of;
	cur_field  *tc = &c->cf[t];
	uint32_t	ooff;
	int64_t		v;
	zf_status	s;

	if (o < 0)
	{
		*out = tf->occurs_max;
		return ZF_OK;
	}
	if (tc->count_gen == c->gen)
	{
		*out = tc->count_val;
		return ZF_OK;
	}
	of = &c->L->fields[o];
	if ((s = zf_lcur_offset(c, o, ctx_prefix(ctx, tc->dims_above, c->cf[o].dims_above), &ooff)) != ZF_OK)
		return s;
	if ((uint64_t) ooff + of->length > c->len)
		return zf_lcur_beyond_end(c, o, (uint64_t) ooff + of->length);
	if (!decode_integer(of, c->data + ooff, c->cs, &v) ||
		v < (int64_t) tf->occurs_min || v > (int64_t) tf->occurs_max)
	{
		char		hex[64];

		zf_hex(hex, sizeof(hex), c->data + ooff, of->length, 16);
		if (!decode_integer(of, c->data + ooff, c->cs, &v))
			zf_error_set(c->err, ZF_E_BAD_DATA,
						 "OCCURS DEPENDING ON object \"%s\" of \"%s\" is not a valid number",
						 cur_name(of), cur_name(tf));
		else
			zf_error_set(c->err, ZF_E_BAD_DATA,
						 "OCCURS DEPENDING ON object \"%s\" of \"%s\" is %lld, outside %u to %u",
						 cur_name(of), cur_name(tf), (long long) v,
						 tf->occurs_min, tf->occurs_max);
		zf_error_detail(c->err, "Bytes at offset %u: %s.", ooff, hex);
		if (c->err)
			c->err->offset = ooff;
		return ZF_E_BAD_DATA;
	}
	*out = (uint32_t) v;
	if (c->cf[o].table_up < 0)
	{
		tc->count_gen = c->gen;
		tc->count_val = *out;
	}
	return ZF_OK;
}

/* Actual size of a varying field at off, read from its length prefix. */
static zf_status
nopad_size(zf_cursor *c, int32_t f, uint32_t off, uint64_t *out)
{
	const zf_field *ff = &c->L->fields[f];
	uint64_t	n = 0;
	uint64_t	size;

	if ((uint64_t) off + ff->length_prefix > c->len)
		return zf_lcur_beyond_end(c, f, (uint64_t) off + ff->length_prefix);
	for (int i = 0; i < ff->length_prefix; i++)
		n = (n << 8) | c->data[off + i];
	size = ff->length_prefix + n * zf_field_prefix_unit(ff);
	if (size > ff->length)
	{
		char		hex[32];

		zf_hex(hex, sizeof(hex), c->data + off, ff->length_prefix, 8);
		zf_error_set(c->err, ZF_E_BAD_DATA,
					 "length prefix of \"%s\" says %llu bytes, more than its maximum of %u",
					 cur_name(ff), (unsigned long long) size, ff->length);
		zf_error_detail(c->err, "Bytes at offset %u: %s.", off, hex);
		if (c->err)
			c->err->offset = off;
		return ZF_E_BAD_DATA;
	}
	*out = size;
	return ZF_OK;
}

/*
 * Actual start of element e of table t, whose element 0 starts at t_off;
 * ctx holds the indices of the tables above t.
 */
zf_status
zf_lcur_elem_start(zf_cursor *c, int32_t t, const ctxnode *ctx, uint32_t t_off,
			   uint32_t e, uint32_t *out)
{
	const zf_field *tf = &c->L->fields[t];
	cur_field  *tc = &c->cf[t];
	ctxnode		node;
	uint64_t	esz;
	uint64_t	pos;
	uint32_t	k;
	zf_status	s;

	if (!(tc->flags & CF_ELEM_VAR) || e == 0)
	{
		*out = t_off + e * tf->length;
		return ZF_OK;
	}
	node.up = ctx;
	if (tc->flags & CF_UNIFORM)
	{
		node.idx = 0;
		if ((s = zf_lcur_elem_size(c, t, &node, t_off, &esz)) != ZF_OK)
			return s;
		pos = t_off + esz * e;
	}
	else
	{
		k = 0;
		pos = t_off;
		if ((tc->flags & CF_TOP) && tc->seq_gen == c->gen && tc->seq_idx <= e)
		{
			k = tc->seq_idx;
			pos = tc->seq_off;
		}
		for (; k < e; k++)
		{
			node.idx = k;
			if ((s = zf_lcur_elem_size(c, t, &node, (uint32_t) pos, &esz)) != ZF_OK)
				return s;
			pos += esz;
			if (pos > c->len)
				return zf_lcur_beyond_end(c, t, pos);
		}
		if (tc->flags & CF_TOP)
		{
			tc->seq_gen = c->gen;
			tc->seq_idx = e;
			tc->seq_off = (uint32_t) pos;
		}
	}
	if (pos > UINT32_MAX)
		return zf_lcur_beyond_end(c, t, pos);
	*out = (uint32_t) pos;
	return ZF_OK;
}

/*
 * Actual size of one occurrence of g (a group, a table element, or a
 * varying field) at off; ctx includes g's own index when g is a table.
 */
zf_status
zf_lcur_elem_size(zf_cursor *c, int32_t g, const ctxnode *ctx, uint32_t off,
			  uint64_t *out)
{
	const zf_layout *L = c->L;
	const zf_field *gf = &L->fields[g];
	cur_field  *gc = &c->cf[g];
	int64_t		shift = 0;
	zf_status	s = ZF_OK;

	if (zf_field_is_nopad(gf))
		return nopad_size(c, g, off, out);
	if (!(gc->flags & CF_ELEM_VAR))
	{
		*out = gf->length;
		return ZF_OK;
	}
	if ((gc->flags & CF_GLOBAL) && gc->elem_gen == c->gen)
	{
		*out = gc->elem_val;
		return ZF_OK;
	}
	if ((s = enter(c)) != ZF_OK)
		return s;
	for (int32_t k = gc->chain; k != ZF_NO_FIELD; k = c->cf[k].chain_next)
	{
		const zf_field *kf = &L->fields[k];
		int64_t		koff;
		uint64_t	ksz;

		if (kf->fixed_offset)
		{
			koff = kf->offset;
			shift = koff - ((int64_t) off + ((int64_t) kf->offset - gf->offset));
		}
		else
			koff = (int64_t) off + ((int64_t) kf->offset - gf->offset) + shift;
		if (!(c->cf[k].flags & CF_SIZE_VAR))
			continue;
		if (koff < 0 || koff > c->len)
		{
			s = zf_lcur_beyond_end(c, k, (uint64_t) (koff < 0 ? 0 : koff));
			break;
		}
		if ((s = zf_lcur_size(c, k, ctx, (uint32_t) koff, &ksz)) != ZF_OK)
			break;
		shift += (int64_t) ksz - (int64_t) zf_field_total(kf);
	}
	c->depth--;
	if (s != ZF_OK)
		return s;
	*out = (uint64_t) ((int64_t) gf->length + shift);
	if (gc->flags & CF_GLOBAL)
	{
		gc->elem_gen = c->gen;
		gc->elem_val = (uint32_t) *out;
	}
	return ZF_OK;
}

/*
 * Actual size of all occurrences of f at off; ctx holds the indices of the
 * tables above f.
 */
zf_status
zf_lcur_size(zf_cursor *c, int32_t f, const ctxnode *ctx, uint32_t off,
		 uint64_t *out)
{
	const zf_field *ff = &c->L->fields[f];
	cur_field  *fc = &c->cf[f];
	zf_status	s = ZF_OK;
	uint32_t	n;
	uint64_t	esz;

	if (!(fc->flags & CF_SIZE_VAR))
	{
		*out = zf_field_total(ff);
		return ZF_OK;
	}
	if ((fc->flags & CF_TOP) && fc->size_gen == c->gen)
	{
		*out = fc->size_val;
		return ZF_OK;
	}
	if ((s = enter(c)) != ZF_OK)
		return s;
	if (ff->occurs_max == 0)
		s = zf_lcur_elem_size(c, f, ctx, off, out);
	else if ((s = zf_lcur_count(c, f, ctx, &n)) == ZF_OK)
	{
		ctxnode		node;

		node.up = ctx;
		node.idx = 0;
		if (!(fc->flags & CF_ELEM_VAR))
			*out = (uint64_t) n * ff->length;
		else if (n == 0)
			*out = 0;
		else if (fc->flags & CF_UNIFORM)
		{
			if ((s = zf_lcur_elem_size(c, f, &node, off, &esz)) == ZF_OK)
				*out = esz * n;
		}
		else
		{
			uint64_t	pos = off;

			for (uint32_t k = 0; k < n && s == ZF_OK; k++)
			{
				node.idx = k;
				if (pos > c->len)
					s = zf_lcur_beyond_end(c, f, pos);
				else if ((s = zf_lcur_elem_size(c, f, &node, (uint32_t) pos, &esz)) == ZF_OK)
					pos += esz;
			}
			*out = pos - off;
		}
	}
	c->depth--;
	if (s != ZF_OK)
		return s;
	if (fc->flags & CF_TOP)
	{
		fc->size_gen = c->gen;
		fc->size_val = *out;
	}
	return ZF_OK;
}

/*
 * Actual offset of f (of its element 0 when f is a table); ctx holds the
 * indices of the tables above f, innermost first.
 */
zf_status
zf_lcur_offset(zf_cursor *c, int32_t f, const ctxnode *ctx, uint32_t *out)
{
	const zf_layout *L = c->L;
	const zf_field *ff = &L->fields[f];
	cur_field  *fc = &c->cf[f];
	int32_t		p = ff->parent;
	const zf_field *pf;
	uint32_t	base;
	int64_t		shift = 0;
	int64_t		result;
	zf_status	s;

	if (p == ZF_NO_FIELD || ff->fixed_offset)
	{
		*out = p == ZF_NO_FIELD ? 0 : ff->offset;
		return ZF_OK;
	}
	if (fc->flags & CF_POS_STATIC)
	{
		/* static position: the static offset plus whole elements above */
		uint64_t	pos = ff->offset;
		const ctxnode *n = ctx;

		for (int32_t t = fc->table_up; t != ZF_NO_FIELD && n != NULL;
			 t = c->cf[t].table_up, n = n->up)
			pos += (uint64_t) n->idx * L->fields[t].length;
		*out = (uint32_t) pos;
		return ZF_OK;
	}
	if ((fc->flags & CF_TOP) && fc->off_gen == c->gen)
	{
		*out = fc->off_val;
		return ZF_OK;
	}
	if ((s = enter(c)) != ZF_OK)
		return s;
	pf = &L->fields[p];
	if (pf->occurs_max > 0)
	{
		uint32_t	p0;

		if (ctx == NULL)
			s = zf_error_set(c->err, ZF_E_ARG, "missing index for \"%s\"", cur_name(pf));
		else if ((s = zf_lcur_offset(c, p, ctx->up, &p0)) == ZF_OK)
			s = zf_lcur_elem_start(c, p, ctx->up, p0, ctx->idx, &base);
	}
	else
		s = zf_lcur_offset(c, p, ctx, &base);

	/* the siblings before f whose size varies move it */
	for (int32_t k = c->cf[p].chain; s == ZF_OK && k != ZF_NO_FIELD && k < f;
		 k = c->cf[k].chain_next)
	{
		const zf_field *kf = &L->fields[k];
		int64_t		koff;
		uint64_t	ksz;

		if (kf->fixed_offset)
		{
			koff = kf->offset;
			shift = koff - ((int64_t) base + ((int64_t) kf->offset - pf->offset));
		}
		else
			koff = (int64_t) base + ((int64_t) kf->offset - pf->offset) + shift;
		if (!(c->cf[k].flags & CF_SIZE_VAR))
			continue;
		if (koff < 0 || koff > c->len)
			s = zf_lcur_beyond_end(c, k, (uint64_t) (koff < 0 ? 0 : koff));
		else if ((s = zf_lcur_size(c, k, ctx, (uint32_t) koff, &ksz)) == ZF_OK)
			shift += (int64_t) ksz - (int64_t) zf_field_total(kf);
	}
	c->depth--;
	if (s != ZF_OK)
		return s;
	result = (int64_t) base + ((int64_t) ff->offset - pf->offset) + shift;
	if (result < 0 || result > UINT32_MAX)
		return zf_lcur_beyond_end(c, f, (uint64_t) (result < 0 ? 0 : result));
	*out = (uint32_t) result;
	if (fc->flags & CF_TOP)
	{
		fc->off_gen = c->gen;
		fc->off_val = *out;
	}
	return ZF_OK;
}
