/*-------------------------------------------------------------------------
 *
 * record_filter.c
 *	  Evaluate a pushed-down filter on the bytes of a record (see
 *	  record_filter.h): decode each operand once, then the tree of
 *	  conditions in three-valued logic.
 *
 *-------------------------------------------------------------------------
 */
#include "filter/record_filter.h"

#include <string.h>

#include "text/utf8.h"

/* See record_filter.h. */
void
zf_filter_operand_number(zf_filter_operand *o, const zf_field_reader *r,
						 zf_int128 lo, zf_int128 hi)
{
	memset(o, 0, sizeof(*o));
	o->r = *r;
	o->is_text = false;
	o->may_be_null = zf_field_may_be_null(r);
	o->lo = lo;
	o->hi = hi;
	/* (the test loads the bytes little-endian first) */
	o->zoned_digits = r->fixed == ZF_FIXED_ZONED64 && r->f->sign == ZF_SIGN_NONE &&
		r->cs == ZF_CHARSET_EBCDIC && r->f->length <= 8 &&
		__BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__;
}

/* See record_filter.h. */
bool
zf_filter_operand_text(zf_filter_operand *o, const zf_field_reader *r,
					   const zf_sbcs_table *tab)
{
	memset(o, 0, sizeof(*o));
	o->r = *r;
	o->is_text = true;
	o->may_be_null = zf_field_may_be_null(r);
	for (int b = 0; b < 256; b++)
	{
		uint32_t	cp;
		int			l = tab->utf8_len[b];

		if (l == 0)
		{
			o->chars[b] = ZF_FILTER_NO_CHAR;
			continue;
		}
		if (utf8_next(tab->utf8[b], (size_t) l, &cp) != l)
			return false;
		if (cp == 0)
			cp = ZF_FILTER_NO_CHAR;	/* the fast path refuses NUL: unsure */
		o->chars[b] = cp;
	}
	return true;
}

/* See record_filter.h. */
bool
zf_filter_number_const(const char *s, int scale, zf_filter_const *out)
{
	const zf_int128 huge = (zf_int128) 1 << 126;
	zf_int128	ip = 0;
	bool		neg = false,
				rest = false,
				big = false,
				any = false;
	int			fd = 0;

	memset(out, 0, sizeof(*out));
	if (strcmp(s, "NaN") == 0 || strcmp(s, "Infinity") == 0)
	{
		out->floor = huge;
		out->exact = false;
		return true;
	}
	if (strcmp(s, "-Infinity") == 0)
	{
		out->floor = -huge - 1;
		out->exact = false;
		return true;
	}
	if (*s == '-')
	{
		neg = true;
		s++;
	}
	for (; *s >= '0' && *s <= '9'; s++)
	{
		any = true;
		if (ip >= ((zf_int128) 1 << 120))
			big = true;
		else
			ip = ip * 10 + (*s - '0');
	}
	if (*s == '.')
		for (s++; *s >= '0' && *s <= '9'; s++)
		{
			any = true;
			if (fd < scale)
			{
				if (ip >= ((zf_int128) 1 << 120))
					big = true;
				else
					ip = ip * 10 + (*s - '0');
				fd++;
			}
			else if (*s != '0')
				rest = true;
		}
	if (*s != '\0' || !any)
		return false;
	for (; fd < scale; fd++)
	{
		if (ip >= ((zf_int128) 1 << 120))
			big = true;
		else
			ip *= 10;
	}
	if (big)
	{
		/* beyond 36 digits: beyond every field, as a bound */
		ip = huge;
		rest = true;
	}
	/* the floor: truncation for positives, one more magnitude for negatives */
	if (neg)
		ip = -ip - (rest ? 1 : 0);
	out->floor = ip;
	out->exact = !rest;
	return true;
}

/* See record_filter.h. */
int64_t
zf_filter_text_chars(const char *s, size_t n, uint32_t *chars)
{
	size_t		i = 0;
	int64_t		k = 0;

	while (i < n)
	{
		int			l = utf8_next((const uint8_t *) s + i, n - i, &chars[k]);

		if (l == 0)
			return -1;
		i += (size_t) l;
		k++;
	}
	return k;
}

/* See record_filter.h. */
void
zf_filter_finish(zf_filter *flt)
{
	flt->min_length = 0;
	for (int i = 0; i < flt->noperands; i++)
	{
		const zf_field *f = flt->operands[i].r.f;
		uint32_t	end = f->offset + f->length;

		if (end > flt->min_length)
			flt->min_length = end;
	}
}

/* The interval of numbers that satisfy "value op k" (see the node). */
static void
number_interval(zf_filter_node *n, const zf_filter_const *k)
{
	const zf_int128 max = (zf_int128) ((((unsigned __int128) 1) << 127) - 1);
	const zf_int128 min = -max - 1;
	zf_int128	f = k->floor;

	n->interval = true;
	n->outside = false;
	n->ilo = min;
	n->ihi = max;
	switch (n->op)
	{
		case ZF_CMP_EQ:
		case ZF_CMP_NE:
			n->outside = n->op == ZF_CMP_NE;
			if (k->exact)
				n->ilo = n->ihi = f;
			else
			{
				/* nothing equals it: an empty interval */
				n->ilo = max;
				n->ihi = min;
			}
			break;
		case ZF_CMP_LT:
			n->ihi = k->exact ? f - 1 : f;
			break;
		case ZF_CMP_LE:
			n->ihi = f;
			break;
		case ZF_CMP_GT:
			n->ilo = f + 1;
			break;
		case ZF_CMP_GE:
			n->ilo = k->exact ? f : f + 1;
			break;
	}
}

/* Prepare one node and those below it. */
static void
prepare_node(const zf_filter *flt, zf_filter_node *n)
{
	for (int i = 0; i < n->nargs; i++)
		prepare_node(flt, n->args[i]);
	n->interval = false;
	if (n->kind == ZF_FILTER_CMP && !flt->operands[n->operand].is_text &&
		n->scalar && !n->array_null && n->nconsts == 1 && !n->consts[0].is_null)
		number_interval(n, &n->consts[0]);
}

/* The big-endian bytes of v (0 <= v < 10^n) as n EBCDIC digits F0-F9. */
static uint64_t
zoned_bytes(zf_int128 v, uint32_t n)
{
	uint64_t	w = 0;

	for (uint32_t i = 0; i < n; i++)
	{
		w |= (uint64_t) (0xF0 | (int) (v % 10)) << (8 * i);
		v /= 10;
	}
	return w;
}

/*
 * The values lo..hi clamped to the n digits a field holds, as the bytes
 * of the field read big-endian: false when none of them fits.
 */
static bool
zoned_range(zf_int128 lo, zf_int128 hi, uint32_t n, uint64_t *blo, uint64_t *bhi)
{
	zf_int128	max = 1;

	for (uint32_t i = 0; i < n; i++)
		max *= 10;
	max -= 1;
	if (lo < 0)
		lo = 0;
	if (hi > max)
		hi = max;
	if (lo > hi)
		return false;
	*blo = zoned_bytes(lo, n);
	*bhi = zoned_bytes(hi, n);
	return true;
}

/* Set up zoned_skip when the filter allows it (see zf_filter). */
static void
prepare_zoned_skip(zf_filter *flt)
{
	const zf_filter_operand *o;
	const zf_filter_node *root = flt->root;

	flt->zoned_skip = false;
	if (!flt->flat || flt->noperands != 1 || root->nargs < 1 ||
		root->nargs > ZF_FILTER_ZONED_MAX)
		return;
	o = &flt->operands[0];
	if (!o->zoned_digits || o->may_be_null || o->is_text ||
		o->r.f->length < 1 || o->r.f->length > 8)
		return;
	flt->zoned_off = o->r.f->offset;
	flt->zoned_len = o->r.f->length;
	if (!zoned_range(o->lo, o->hi, flt->zoned_len,
					 &flt->zoned_accept_lo, &flt->zoned_accept_hi))
		return;					/* no digits the column takes: unsure */
	flt->zoned_nint = root->nargs;
	for (int i = 0; i < root->nargs; i++)
	{
		const zf_filter_node *n = root->args[i];

		flt->zoned_outside[i] = n->outside;
		if (!zoned_range(n->ilo, n->ihi, flt->zoned_len,
						 &flt->zoned_lo[i], &flt->zoned_hi[i]))
		{
			/* an empty interval: no bytes are inside it */
			flt->zoned_lo[i] = UINT64_MAX;
			flt->zoned_hi[i] = 0;
		}
	}
	flt->zoned_skip = true;
}

/* See record_filter.h. */
void
zf_filter_prepare(zf_filter *flt)
{
	prepare_node(flt, flt->root);
	flt->flat = flt->root->kind == ZF_FILTER_AND;
	for (int i = 0; i < flt->root->nargs && flt->flat; i++)
		flt->flat = flt->root->args[i]->interval;
	prepare_zoned_skip(flt);
}

/*
 * Decode operand o of the record into c.  False when the column's normal
 * path would not give a plain value (bad bytes, a value the column type
 * refuses): the filter is then unsure.
 */
static bool
decode_operand(const zf_filter_operand *o, const uint8_t *rec, uint32_t len,
			   zf_filter_cell *c)
{
	const zf_field *f = o->r.f;

	c->is_null = false;
	if (o->may_be_null)
	{
		zf_error	err;
		int			isnull;

		zf_error_clear(&err);
		isnull = zf_field_is_null(&o->r, rec, len, f->offset, f->length, &err);
		if (isnull < 0)
			return false;
		if (isnull)
		{
			c->is_null = true;
			return true;
		}
	}
	if (o->is_text)
	{
		const uint8_t *p;
		uint32_t	n;

		zf_field_fast_sbcs_bytes(&o->r, rec, &p, &n);
		for (uint32_t i = 0; i < n; i++)
			if (o->chars[p[i]] == ZF_FILTER_NO_CHAR)
				return false;
		c->text = p;
		c->len = n;
		return true;
	}
	if (o->zoned_digits)
	{
		/*
		 * Plain digits F0-F9, tested eight bytes at a time: every high
		 * nibble F, every low nibble at most 9.  Any other byte (a bad
		 * digit, a zone the decoder may take or refuse) is the decoder's.
		 */
		const uint8_t *p = rec + f->offset;
		uint32_t	n = f->length;
		uint64_t	used = n == 8 ? ~UINT64_C(0) : (UINT64_C(1) << (8 * n)) - 1;
		uint64_t	w = 0;

		memcpy(&w, p, n);
		if ((w & UINT64_C(0xF0F0F0F0F0F0F0F0) & used) == (UINT64_C(0xF0F0F0F0F0F0F0F0) & used) &&
			(((w & UINT64_C(0x0F0F0F0F0F0F0F0F)) + UINT64_C(0x0606060606060606)) &
			 UINT64_C(0x1010101010101010) & used) == 0)
		{
			int64_t		v = 0;

			for (uint32_t i = 0; i < n; i++)
				v = v * 10 + (p[i] & 0x0F);
			c->number = v;
			return c->number >= o->lo && c->number <= o->hi;
		}
	}
	if (zf_field_fits_int64(&o->r))
	{
		int64_t		v;

		if (zf_field_fast_int64(&o->r, rec, &v) != ZF_OK)
			return false;
		c->number = v;
	}
	else
	{
		zf_int128	v;

		if (zf_field_read_number(&o->r, rec + f->offset, f->length, &v,
								 NULL) != ZF_OK)
			return false;
		c->number = v;
	}
	return c->number >= o->lo && c->number <= o->hi;
}

/* -1, 0, 1: a number cell against a constant. */
static inline int
cmp_number(zf_int128 v, const zf_filter_const *k)
{
	if (v < k->floor)
		return -1;
	if (v == k->floor)
		return k->exact ? 0 : -1;	/* the constant lies above its floor */
	return 1;
}

/* -1, 0, 1: a text cell against a constant, by code points. */
static inline int
cmp_text(const zf_filter_operand *o, const zf_filter_cell *c,
		 const zf_filter_const *k)
{
	uint32_t	n = c->len < k->nchars ? c->len : k->nchars;

	for (uint32_t i = 0; i < n; i++)
	{
		uint32_t	a = o->chars[c->text[i]];

		if (a != k->chars[i])
			return a < k->chars[i] ? -1 : 1;
	}
	if (c->len == k->nchars)
		return 0;
	return c->len < k->nchars ? -1 : 1;
}

/* Does a comparison result satisfy op? */
static inline bool
op_holds(zf_cmp_op op, int cmp)
{
	switch (op)
	{
		case ZF_CMP_EQ:
			return cmp == 0;
		case ZF_CMP_NE:
			return cmp != 0;
		case ZF_CMP_LT:
			return cmp < 0;
		case ZF_CMP_LE:
			return cmp <= 0;
		case ZF_CMP_GT:
			return cmp > 0;
		case ZF_CMP_GE:
			return cmp >= 0;
	}
	return false;
}

/* A comparison with ANY or ALL of the constants, in three-valued logic. */
static zf_tv
eval_cmp(const zf_filter *flt, const zf_filter_node *n)
{
	const zf_filter_operand *o = &flt->operands[n->operand];
	const zf_filter_cell *c = &flt->cells[n->operand];
	bool		saw_null = false;

	if (n->array_null)
		return ZF_TV_NULL;
	if (n->nconsts == 0)
		return n->all ? ZF_TV_TRUE : ZF_TV_FALSE;	/* an empty array */
	if (c->is_null)
		return ZF_TV_NULL;
	for (int i = 0; i < n->nconsts; i++)
	{
		const zf_filter_const *k = &n->consts[i];
		bool		holds;

		if (k->is_null)
		{
			saw_null = true;
			continue;
		}
		holds = op_holds(n->op, o->is_text ? cmp_text(o, c, k) : cmp_number(c->number, k));
		if (holds && !n->all)
			return ZF_TV_TRUE;
		if (!holds && n->all)
			return ZF_TV_FALSE;
	}
	if (saw_null)
		return ZF_TV_NULL;
	return n->all ? ZF_TV_TRUE : ZF_TV_FALSE;
}

/* An interval node's value (see zf_filter_node). */
static inline zf_tv
eval_interval(const zf_filter *flt, const zf_filter_node *n)
{
	const zf_filter_cell *c = &flt->cells[n->operand];
	zf_int128	v = c->number;

	if (c->is_null)
		return ZF_TV_NULL;
	return ((v >= n->ilo) & (v <= n->ihi)) != n->outside ? ZF_TV_TRUE : ZF_TV_FALSE;
}

/* A node's value, the operands already decoded (never UNSURE). */
static zf_tv
eval_node(const zf_filter *flt, const zf_filter_node *n)
{
	if (n->interval)
		return eval_interval(flt, n);
	switch (n->kind)
	{
		case ZF_FILTER_AND:
			{
				zf_tv		res = ZF_TV_TRUE;

				for (int i = 0; i < n->nargs; i++)
				{
					const zf_filter_node *a = n->args[i];
					zf_tv		v = a->interval ? eval_interval(flt, a) : eval_node(flt, a);

					if (v == ZF_TV_FALSE)
						return ZF_TV_FALSE;
					if (v == ZF_TV_NULL)
						res = ZF_TV_NULL;
				}
				return res;
			}
		case ZF_FILTER_OR:
			{
				zf_tv		res = ZF_TV_FALSE;

				for (int i = 0; i < n->nargs; i++)
				{
					zf_tv		v = eval_node(flt, n->args[i]);

					if (v == ZF_TV_TRUE)
						return ZF_TV_TRUE;
					if (v == ZF_TV_NULL)
						res = ZF_TV_NULL;
				}
				return res;
			}
		case ZF_FILTER_NOT:
			{
				zf_tv		v = eval_node(flt, n->args[0]);

				return v == ZF_TV_NULL ? ZF_TV_NULL :
					v == ZF_TV_TRUE ? ZF_TV_FALSE : ZF_TV_TRUE;
			}
		case ZF_FILTER_CMP:
			return eval_cmp(flt, n);
		case ZF_FILTER_IS_NULL:
			return flt->cells[n->operand].is_null != n->negate ? ZF_TV_TRUE : ZF_TV_FALSE;
	}
	return ZF_TV_UNSURE;
}

/* See record_filter.h. */
bool
zf_filter_read(const zf_filter_operand *o, const uint8_t *rec, uint32_t len,
			   zf_filter_cell *c)
{
	if (o->r.f->offset + o->r.f->length > len)
		return false;
	return decode_operand(o, rec, len, c);
}

/* The filter's value for one record (zf_filter_eval, inlined). */
static inline zf_tv
eval_record(const zf_filter *flt, const uint8_t *rec, uint32_t len)
{
	if (len < flt->min_length)
		return ZF_TV_UNSURE;
	for (int i = 0; i < flt->noperands; i++)
		if (!decode_operand(&flt->operands[i], rec, len, &flt->cells[i]))
			return ZF_TV_UNSURE;
	if (flt->flat)
	{
		/* the usual filter: intervals ANDed, without recursion */
		const zf_filter_node *root = flt->root;
		zf_tv		res = ZF_TV_TRUE;

		for (int i = 0; i < root->nargs; i++)
		{
			zf_tv		v = eval_interval(flt, root->args[i]);

			if (v == ZF_TV_FALSE)
				return ZF_TV_FALSE;
			if (v == ZF_TV_NULL)
				res = ZF_TV_NULL;
		}
		return res;
	}
	return eval_node(flt, flt->root);
}

/* See record_filter.h. */
zf_tv
zf_filter_eval(const zf_filter *flt, const uint8_t *rec, uint32_t len)
{
	return eval_record(flt, rec, len);
}

/*
 * zf_filter_skip by byte compares (zoned_skip, records of at least
 * zoned_off + 8 bytes): a record of plain digits the column takes is
 * rejected when its field's bytes, read big-endian, fall outside one of
 * the intervals (or inside an "outside" one).  Any other record stops the
 * run: zf_filter_eval decides it as always.
 */
static uint32_t
zoned_skip(const zf_filter *flt, const uint8_t *data, uint32_t len, uint32_t n)
{
	const uint32_t nbytes = flt->zoned_len;
	const uint64_t used = nbytes == 8 ? ~UINT64_C(0) : (UINT64_C(1) << (8 * nbytes)) - 1;
	const uint64_t zones = UINT64_C(0xF0F0F0F0F0F0F0F0) & used;
	const int	shift = 64 - 8 * (int) nbytes;
	const uint8_t *p = data + flt->zoned_off;
	uint32_t	i;

	for (i = 0; i < n; i++, p += len)
	{
		uint64_t	w;
		uint64_t	be;
		bool		rejected = false;

		memcpy(&w, p, 8);		/* within the record: see the caller */
		w &= used;
		if ((w & zones) != zones ||
			(((w & UINT64_C(0x0F0F0F0F0F0F0F0F)) + UINT64_C(0x0606060606060606)) &
			 UINT64_C(0x1010101010101010) & used) != 0)
			break;				/* not plain digits: the decoder's */
		be = __builtin_bswap64(w) >> shift;
		if (be < flt->zoned_accept_lo || be > flt->zoned_accept_hi)
			break;				/* a value the column refuses: unsure */
		for (int k = 0; k < flt->zoned_nint; k++)
			rejected |= ((be >= flt->zoned_lo[k]) & (be <= flt->zoned_hi[k])) ==
				flt->zoned_outside[k];
		if (!rejected)
			break;
	}
	return i;
}

/* See record_filter.h. */
uint32_t
zf_filter_skip(const zf_filter *flt, const uint8_t *data, uint32_t len,
			   uint32_t n)
{
	uint32_t	i;

	if (flt->zoned_skip && flt->zoned_off + 8 <= len &&
		__BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__)
		return zoned_skip(flt, data, len, n);
	for (i = 0; i < n; i++)
	{
		zf_tv		v = eval_record(flt, data + (size_t) i * len, len);

		if (v == ZF_TV_TRUE || v == ZF_TV_UNSURE)
			break;
	}
	return i;
}
