/*-------------------------------------------------------------------------
 *
 * keys.c
 *	  Key seeks in a sorted fixed-length file (a KSDS export): which quals
 *	  can use the key, the byte ranges of the key field they allow, and a
 *	  sparse index per file to find the first record of a range.
 *
 * A KSDS export is sorted by the bytes of its key, not by the values
 * PostgreSQL would compare.  So a qual is turned into ranges of key bytes
 * that contain every record whose value satisfies it (a superset: the
 * quals stay in the plan and are checked on every record returned), and
 * only where that superset can be computed:
 *
 *	 character keys (trimmed right or not at all): = and IN, one range per
 *	 value, the value encoded in the page and padded with blanks;
 *	 zoned (unsigned or trailing sign), packed and binary keys with an
 *	 integer or numeric column: =, IN, <, <=, >, >=, on magnitudes with the
 *	 sign nibble or zone at its extremes (packed, zoned) or on two's
 *	 complement in unsigned byte order (binary).
 *
 * Anything else (a range on text, whose collation is not EBCDIC order, a
 * leading or separate sign) is evaluated as an ordinary filter.  The byte
 * ranges of numeric keys are computed in src/core/keyrange.c.  An
 * unsigned packed key holds no negative value, so a bound below zero
 * reads from zero on.
 *
 * The file is trusted to be sorted, as the key option says; every key
 * read while seeking or scanning is checked to be in order, and a file
 * found out of order is an error rather than a wrong answer.  A local
 * file is read once, whole, for a sparse index that also proves it
 * sorted; an S3 object is not read whole for a seek: it is binary-searched
 * with one small ranged read per probe (a few dozen requests for millions
 * of records), and the probes' keys are checked to be in order among
 * themselves, as the records the scan then reads are.
 *
 *-------------------------------------------------------------------------
 */
#include "zfdw.h"

#include "access/stratnum.h"
#include "catalog/pg_collation.h"
#include "catalog/pg_type.h"
#include "executor/executor.h"
#include "mb/pg_wchar.h"
#include "miscadmin.h"
#include "nodes/pathnodes.h"
#include "nodes/nodeFuncs.h"
#include "optimizer/optimizer.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"
#include "utils/pg_locale.h"
#include "utils/typcache.h"

#include "layout/keyrange.h"
#include "scan/keys.h"

/* ---- which columns and quals can seek ---- */

/*
 * The kind of seek a key column allows: given the field the key option
 * names and the column bound to it.
 */
ZfKeyKind
zfdw_key_kind(const zf_field *f, ZfTarget target, Oid collation,
			  ZfTrim trim, const zf_codepage *cp, bool is_array)
{
	if (f == NULL || is_array)
		return ZF_KEY_NONE;
	switch (f->kind)
	{
		case ZF_KIND_ALNUM:
			if (target != ZF_TARGET_TEXT || trim == ZF_TRIM_BOTH ||
				zf_codepage_sbcs(cp) == NULL)
				return ZF_KEY_NONE;
			if (OidIsValid(collation) && collation != DEFAULT_COLLATION_OID &&
				!get_collation_isdeterministic(collation))
				return ZF_KEY_NONE;
			return ZF_KEY_TEXT;
		default:
			if (!zf_key_numeric_field(f, cp))
				return ZF_KEY_NONE;
			break;
	}
	switch (target)
	{
		case ZF_TARGET_INT2:
		case ZF_TARGET_INT4:
		case ZF_TARGET_INT8:
		case ZF_TARGET_NUMERIC:
			return ZF_KEY_NUMBER;
		default:
			return ZF_KEY_NONE;
	}
}

/* The default btree operator family of a type, or InvalidOid. */
static Oid
btree_family(Oid typid)
{
	TypeCacheEntry *tce = lookup_type_cache(typid, TYPECACHE_BTREE_OPFAMILY);

	return tce->btree_opf;
}

/* True when expr is our key column (possibly under a relabel). */
static bool
is_key_var(Node *expr, Index relid, AttrNumber keyattno)
{
	if (expr && IsA(expr, RelabelType))
		expr = (Node *) ((RelabelType *) expr)->arg;
	return expr && IsA(expr, Var) &&
		(Index) ((Var *) expr)->varno == relid &&
		((Var *) expr)->varattno == keyattno &&
		((Var *) expr)->varlevelsup == 0;
}

/* True when expr does not depend on the scanned row. */
static bool
is_outside_value(Node *expr, Index relid)
{
	Relids		relids = pull_varnos(NULL, expr);

	return !bms_is_member(relid, relids) && !contain_volatile_functions(expr);
}

/*
 * Is clause a key condition on column keyattno of relation relid?  If so,
 * return the btree strategy (equality for IN), whether it is an IN list
 * (= ANY), and the expression giving the value(s).  Works on planner
 * clauses and on the plan's quals alike.
 */
bool
zfdw_key_clause(Expr *clause, Index relid, AttrNumber keyattno, Oid keytype,
				ZfKeyKind kind, int *strategy, bool *is_array, Expr **value)
{
	Oid			opfamily = btree_family(keytype);
	Oid			opno;
	Node	   *left,
			   *right;
	int			strat;

	if (kind == ZF_KEY_NONE || !OidIsValid(opfamily))
		return false;
	if (IsA(clause, OpExpr))
	{
		OpExpr	   *op = (OpExpr *) clause;

		if (list_length(op->args) != 2)
			return false;
		left = linitial(op->args);
		right = lsecond(op->args);
		opno = op->opno;
		if (!is_key_var(left, relid, keyattno))
		{
			/* value op key: commute */
			if (!is_key_var(right, relid, keyattno))
				return false;
			opno = get_commutator(opno);
			if (!OidIsValid(opno))
				return false;
			right = left;
		}
		if (!is_outside_value(right, relid))
			return false;
		strat = get_op_opfamily_strategy(opno, opfamily);
		if (strat == 0 || (kind == ZF_KEY_TEXT && strat != BTEqualStrategyNumber))
			return false;
		*strategy = strat;
		*is_array = false;
		*value = (Expr *) right;
		return true;
	}
	if (IsA(clause, ScalarArrayOpExpr))
	{
		ScalarArrayOpExpr *saop = (ScalarArrayOpExpr *) clause;

		if (!saop->useOr || list_length(saop->args) != 2)
			return false;
		left = linitial(saop->args);
		right = lsecond(saop->args);
		if (!is_key_var(left, relid, keyattno) || !is_outside_value(right, relid))
			return false;
		if (get_op_opfamily_strategy(saop->opno, opfamily) != BTEqualStrategyNumber)
			return false;
		*strategy = BTEqualStrategyNumber;
		*is_array = true;
		*value = (Expr *) right;
		return true;
	}
	return false;
}

/* ---- from values to ranges of key bytes ---- */

/* A value at the key field's scale: unscaled, or NULL/not representable. */
typedef struct KeyValue
{
	zf_int128	v;
	bool		exact;			/* v is the value itself, not rounded */
} KeyValue;

/*
 * A numeric Datum of any integer or numeric type at scale: rounded down
 * (floor) or up (ceil); exact tells whether no rounding was needed.
 * Values beyond 38 digits clamp to +-10^38.
 */
static void
datum_at_scale(Datum d, Oid typid, int scale, bool ceil_it, KeyValue *out)
{
	char	   *s;
	char	   *dot;
	zf_int128	ip = 0,
				frac = 0;
	bool		neg;
	int			fd = 0;
	bool		rest = false;
	bool		huge = false;

	if (typid == INT2OID || typid == INT4OID || typid == INT8OID)
	{
		/* integers: exact, scaled up without any text */
		zf_int128	v = typid == INT2OID ? DatumGetInt16(d) :
			typid == INT4OID ? DatumGetInt32(d) : DatumGetInt64(d);

		for (int i = 0; i < scale; i++)
			v *= 10;
		out->v = v;
		out->exact = true;
		return;
	}
	s = DatumGetCString(DirectFunctionCall1(numeric_out, d));
	if (strcmp(s, "NaN") == 0 || strstr(s, "Infinity"))
	{
		/* no record holds these: an empty range either way */
		out->v = 0;
		out->exact = false;
		return;
	}
	neg = s[0] == '-';
	if (neg)
		s++;
	dot = strchr(s, '.');
	for (char *p = s; *p && p != dot; p++)
	{
		if (ip > ((zf_int128) 1 << 120))
			huge = true;
		else
			ip = ip * 10 + (*p - '0');
	}
	if (dot)
		for (char *p = dot + 1; *p; p++)
		{
			if (fd < scale)
			{
				frac = frac * 10 + (*p - '0');
				fd++;
			}
			else if (*p != '0')
				rest = true;
		}
	for (; fd < scale; fd++)
		frac *= 10;
	for (int i = 0; i < scale && !huge; i++)
	{
		if (ip > ((zf_int128) 1 << 120))
			huge = true;
		else
			ip *= 10;
	}
	if (huge)
		ip = (zf_int128) 1 << 126;
	out->v = ip + frac;
	out->exact = !rest && !huge;
	if (rest && ceil_it != neg)
		out->v += 1;			/* away from the floor, in magnitude terms */
	if (neg)
		out->v = -out->v;
}

/* Append one byte range [lo, hi] (field length bytes each). */
static void
add_range(List **ranges, int len, const uint8 *lo, const uint8 *hi)
{
	ZfKeyRange *r = palloc(sizeof(ZfKeyRange));

	r->lo = palloc(len);
	r->hi = palloc(len);
	memcpy(r->lo, lo, len);
	memcpy(r->hi, hi, len);
	*ranges = lappend(*ranges, r);
}

/* The byte ranges holding every value in [lo, hi] of a numeric key. */
static void
numeric_ranges(const zf_field *f, zf_int128 lo, zf_int128 hi, List **ranges)
{
	int			len = (int) f->length;
	uint8	   *lo_bytes[ZF_KEY_RANGES_MAX];
	uint8	   *hi_bytes[ZF_KEY_RANGES_MAX];
	int			n;

	for (int i = 0; i < ZF_KEY_RANGES_MAX; i++)
	{
		lo_bytes[i] = palloc(len);
		hi_bytes[i] = palloc(len);
	}
	n = zf_key_numeric_ranges(f, lo, hi, lo_bytes, hi_bytes);
	for (int i = 0; i < n; i++)
		add_range(ranges, len, lo_bytes[i], hi_bytes[i]);
}

/* The byte range of one text value: encoded in the page, blank-padded. */
static void
text_range(const zf_field *f, const zf_codepage *cp, Datum d, List **ranges)
{
	char	   *s = TextDatumGetCString(d);
	size_t		n = strlen(s);
	int			len = (int) f->length;
	uint8	   *buf;
	size_t		enc;
	zf_error	err;

	/* measured after the conversion: UTF-8 may take more bytes */
	if (GetDatabaseEncoding() != PG_UTF8)
	{
		s = (char *) pg_do_encoding_conversion((unsigned char *) s, (int) n,
											   GetDatabaseEncoding(), PG_UTF8);
		n = strlen(s);
	}
	buf = palloc(n * 2 + len + 8);
	while (n > 0 && s[n - 1] == ' ')
		n--;
	if (zf_codepage_encode(cp, s, n, buf, n * 2 + len, &enc, &err) != ZF_OK ||
		enc > (size_t) len)
		return;					/* no record can hold it */
	memset(buf + enc, zf_codepage_space(cp), len - enc);
	add_range(ranges, len, buf, buf);
}

/* Key length for key_range_cmp (qsort passes no argument). */
static int	key_range_len;

/* Order ranges by their low end, for merging. */
static int
key_range_cmp(const void *a, const void *b)
{
	const ZfKeyRange *ra = *(ZfKeyRange *const *) a;
	const ZfKeyRange *rb = *(ZfKeyRange *const *) b;

	return memcmp(ra->lo, rb->lo, key_range_len);
}

/*
 * The sorted, disjoint byte ranges of the key field that hold every record
 * the key quals can accept.  quals are (strategy, is_array, value state)
 * triples evaluated in econtext.  Returns NIL for "no record".
 */
List *
zfdw_key_ranges(ZfKeyScan *ks, ExprContext *econtext)
{
	const zf_field *f = ks->field;
	bool		has_lo = false,
				has_hi = false;
	zf_int128	lo = 0,
				hi = 0;
	List	   *points = NIL;	/* of Datum lists, one per equality qual */
	bool		any_point_qual = false;
	List	   *ranges = NIL;
	int			len = (int) f->length;
	ListCell   *lc;

	foreach(lc, ks->quals)
	{
		ZfKeyQual  *q = lfirst(lc);
		bool		isnull;
		Datum		d = ExecEvalExpr(q->state, econtext, &isnull);
		List	   *vals = NIL;
		Oid			vtype = q->value_type;

		if (isnull)
			return NIL;			/* key = NULL holds for no record */
		if (q->is_array)
		{
			ArrayType  *arr = DatumGetArrayTypeP(d);
			int16		elmlen;
			bool		elmbyval;
			char		elmalign;
			Datum	   *elems;
			bool	   *enulls;
			int			nelems;

			vtype = ARR_ELEMTYPE(arr);
			get_typlenbyvalalign(vtype, &elmlen, &elmbyval, &elmalign);
			deconstruct_array(arr, vtype, elmlen, elmbyval, elmalign, &elems, &enulls, &nelems);
			for (int i = 0; i < nelems; i++)
				if (!enulls[i])
					vals = lappend(vals, (void *) elems[i]);
		}
		else
			vals = list_make1((void *) d);

		if (q->strategy == BTEqualStrategyNumber)
		{
			List	   *keyed = NIL;
			ListCell   *vc;

			any_point_qual = true;
			foreach(vc, vals)
			{
				Datum		vd = (Datum) lfirst(vc);

				if (ks->kind == ZF_KEY_TEXT)
					keyed = lappend(keyed, (void *) vd);
				else
				{
					KeyValue	kv;
					void	   *p = palloc(sizeof(zf_int128));

					datum_at_scale(vd, vtype, f->scale, false, &kv);
					if (!kv.exact)
						continue;	/* no record holds a value it cannot hold */
					/* palloc aligns to 8 bytes, an int128 store to 16: copy */
					memcpy(p, &kv.v, sizeof(zf_int128));
					keyed = lappend(keyed, p);
				}
			}
			points = lappend(points, keyed);
		}
		else if (ks->kind == ZF_KEY_NUMBER)
		{
			KeyValue	kv;
			bool		lower = q->strategy == BTGreaterStrategyNumber ||
				q->strategy == BTGreaterEqualStrategyNumber;

			/* inclusive bounds are enough: the quals are checked again */
			datum_at_scale((Datum) linitial(vals), vtype, f->scale, lower, &kv);
			if (lower && (!has_lo || kv.v > lo))
			{
				lo = kv.v;
				has_lo = true;
			}
			if (!lower && (!has_hi || kv.v < hi))
			{
				hi = kv.v;
				has_hi = true;
			}
		}
	}

	if (!has_lo)
		lo = zf_key_field_min(f);
	if (!has_hi)
		hi = zf_key_field_max(f);

	if (any_point_qual)
	{
		/* the values every equality qual allows (the first list, filtered) */
		List	   *first = linitial(points);

		foreach(lc, first)
		{
			bool		in_all = true;

			for (int i = 1; i < list_length(points) && in_all; i++)
			{
				ListCell   *oc;
				bool		found = false;

				foreach(oc, (List *) list_nth(points, i))
				{
					if (ks->kind == ZF_KEY_TEXT)
						found |= DatumGetBool(DirectFunctionCall2Coll(texteq, C_COLLATION_OID,
																	  (Datum) lfirst(lc), (Datum) lfirst(oc)));
					else
						found |= memcmp(lfirst(lc), lfirst(oc), sizeof(zf_int128)) == 0;
				}
				in_all = found;
			}
			if (!in_all)
				continue;
			if (ks->kind == ZF_KEY_TEXT)
				text_range(f, ks->cp, (Datum) lfirst(lc), &ranges);
			else
			{
				zf_int128	v;

				memcpy(&v, lfirst(lc), sizeof(zf_int128));

				if (v >= lo && v <= hi)
					numeric_ranges(f, v, v, &ranges);
			}
		}
	}
	else
		numeric_ranges(f, lo, hi, &ranges);

	/* sort and merge overlapping ranges */
	{
		List	   *merged = NIL;
		ZfKeyRange *cur = NULL;
		int			n = list_length(ranges);
		ZfKeyRange **arr = palloc(sizeof(ZfKeyRange *) * Max(n, 1));
		int			i = 0;

		foreach(lc, ranges)
			arr[i++] = lfirst(lc);
		key_range_len = len;
		qsort(arr, n, sizeof(ZfKeyRange *), key_range_cmp);
		for (i = 0; i < n; i++)
		{
			ZfKeyRange *r = arr[i];

			if (cur && memcmp(r->lo, cur->hi, len) <= 0)
			{
				if (memcmp(r->hi, cur->hi, len) > 0)
					memcpy(cur->hi, r->hi, len);
			}
			else
			{
				cur = r;
				merged = lappend(merged, r);
			}
		}
		return merged;
	}
}

/* ---- the sparse index of a sorted file ---- */

/*
 * One file's sample of keys: the key of every step-th record, kept for the
 * life of the backend while the file is unchanged (the same identity of
 * its byte source: for a file device, inode, size and modification time).
 * Building it reads the file once and proves it sorted.
 */
typedef struct KeyIndex
{
	char		identity[ZF_BYTES_ID_LEN];	/* "" if the source has none:
											 * then never found again */
	uint64		header;
	uint64		trailer;		/* with header: the window of records
								 * indexed (a share's, shares.c) */
	uint32		lrecl;
	uint32		key_off;
	uint32		key_len;
	uint64		nrecords;
	uint32		step;			/* records between samples */
	uint64		nsamples;
	uint8	   *samples;		/* nsamples * key_len bytes */
	struct KeyIndex *next;
} KeyIndex;

static KeyIndex *key_indexes = NULL;
static Size key_index_bytes = 0;

/* Memory the cached indexes may take; the oldest are dropped beyond it. */
#define KEY_INDEX_BUDGET	((Size) 64 * 1024 * 1024)
/* Bytes of records between two samples: one block read per seek. */
#define KEY_BLOCK_BYTES		8192

/* Read n bytes at offset, failing loudly on a short read. */
static void
read_at(zf_byte_source *bytes, uint64 off, uint8 *buf, size_t n)
{
	const char *path = zf_bytes_name(bytes);
	size_t		got;
	zf_error	err;

	zf_error_clear(&err);
	if (zf_bytes_read_at_full(bytes, buf, n, off, &got, &err) != ZF_OK)
	{
		CHECK_FOR_INTERRUPTS();	/* an object's transfer given up for it */
		if (err.sys_errno == 0)
			zfdw_report(ERROR, &err, NULL);
		errno = err.sys_errno;
		ereport(ERROR,
				(errcode_for_file_access(),
				 errmsg("could not read file \"%s\": %m", path)));
	}
	if (got != n)
		ereport(ERROR,
				(errcode(ERRCODE_DATA_CORRUPTED),
				 errmsg("file \"%s\" ended at byte %llu while reading a key", path,
						(unsigned long long) (off + got)),
				 errhint("The file may have changed during the scan.")));
}

/* The error for a file found out of key order. */
static void
not_sorted(const char *path, uint64 record_index)
{
	ereport(ERROR,
			(errcode(ERRCODE_DATA_EXCEPTION),
			 errmsg("file \"%s\" is not sorted by its key", path),
			 errdetail("The key of record %llu is lower than the key before it.",
					   (unsigned long long) record_index + 1),
			 errhint("The key option promises a file sorted by the key's bytes, as a KSDS export is; remove the option or sort the file.")));
}

/* Find or build the index of an open file. */
static KeyIndex *
key_index(ZfKeyScan *ks, zf_byte_source *bytes)
{
	const char *path = zf_bytes_name(bytes);
	int64		size = zf_bytes_size(bytes);
	char		identity[ZF_BYTES_ID_LEN];
	KeyIndex   *ix;
	uint64		data;
	uint8	   *buf;

	if (!zf_bytes_identity(bytes, identity))
		identity[0] = '\0';
	for (ix = key_indexes; ix; ix = ix->next)
		if (identity[0] != '\0' && strcmp(ix->identity, identity) == 0 &&
			ix->lrecl == ks->lrecl && ix->key_off == ks->field->offset &&
			ix->key_len == ks->field->length && ix->header == ks->header &&
			ix->trailer == ks->trailer)
			return ix;

	ix = MemoryContextAllocZero(TopMemoryContext, sizeof(KeyIndex));
	strlcpy(ix->identity, identity, sizeof(ix->identity));
	ix->lrecl = ks->lrecl;
	ix->key_off = ks->field->offset;
	ix->key_len = ks->field->length;
	ix->header = ks->header;
	ix->trailer = ks->trailer;
	data = size > 0 && (uint64) size > ks->header + ks->trailer ?
		(uint64) size - ks->header - ks->trailer : 0;
	ix->nrecords = data / ks->lrecl;
	ix->step = Max(1, KEY_BLOCK_BYTES / ks->lrecl);
	ix->nsamples = (ix->nrecords + ix->step - 1) / ix->step;
	ix->samples = MemoryContextAllocHuge(TopMemoryContext,
										 Max(ix->nsamples, 1) * ix->key_len);

	/*
	 * One sequential read of the whole file takes the samples and checks
	 * that every key is in order: a seek into an unsorted file would
	 * silently miss records, so it must not happen.
	 */
	{
		uint64		per_read = Max(1, (4 * 1024 * 1024) / ix->lrecl);
		uint8	   *prev = NULL;

		buf = palloc(per_read * ix->lrecl);
		for (uint64 first = 0; first < ix->nrecords; first += per_read)
		{
			uint64		n = Min(per_read, ix->nrecords - first);

			CHECK_FOR_INTERRUPTS();
			read_at(bytes, ix->header + first * ix->lrecl, buf, n * ix->lrecl);
			for (uint64 i = 0; i < n; i++)
			{
				uint8	   *key = buf + i * ix->lrecl + ix->key_off;
				uint64		rec = first + i;

				if (prev && memcmp(prev, key, ix->key_len) > 0)
				{
					pfree(ix->samples);
					pfree(ix);
					not_sorted(path, rec);
				}
				if (rec % ix->step == 0)
					memcpy(ix->samples + (rec / ix->step) * ix->key_len, key, ix->key_len);
				prev = key;
			}
			/* keep the last key across reads */
			if (n > 0)
			{
				uint8	   *last = palloc(ix->key_len);

				memcpy(last, prev, ix->key_len);
				prev = last;
			}
		}
		pfree(buf);
	}

	/* keep the cache within its budget: forget the older indexes */
	key_index_bytes += ix->nsamples * ix->key_len;
	ix->next = key_indexes;
	key_indexes = ix;
	{
		Size		used = 0;
		KeyIndex  **link = &key_indexes;

		while (*link)
		{
			used += (*link)->nsamples * (*link)->key_len;
			if (used > KEY_INDEX_BUDGET && *link != ix)
			{
				KeyIndex   *old = *link;

				*link = old->next;
				key_index_bytes -= old->nsamples * old->key_len;
				pfree(old->samples);
				pfree(old);
			}
			else
				link = &(*link)->next;
		}
	}
	return ix;
}

/*
 * Where to start reading for the first record whose key is >= lo: the
 * 0-based index of the first record of the block that holds it (a binary
 * search of the samples).  The caller reads on from there, skipping the
 * records below lo, so a seek costs one block read.
 */
/*
 * The first record whose key is >= lo in an object, by binary search:
 * each probe reads one key with a small ranged request.  A probe whose
 * key is outside the keys of the probes around it proves the object
 * unsorted.
 */
static uint64
remote_seek(ZfKeyScan *ks, zf_byte_source *bytes, const uint8 *lo)
{
	int64		size = zf_bytes_size(bytes);
	uint32		klen = ks->field->length;
	uint64		data = size > 0 && (uint64) size > ks->header + ks->trailer ?
		(uint64) size - ks->header - ks->trailer : 0;
	uint64		a = 0,
				b = data / ks->lrecl;	/* first key >= lo in [a, b] */
	uint8	   *key = palloc(klen);
	uint8	   *below = palloc(klen);
	uint8	   *above = palloc(klen);
	bool		have_below = false,
				have_above = false;

	while (a < b)
	{
		uint64		m = a + (b - a) / 2;

		CHECK_FOR_INTERRUPTS();
		read_at(bytes, ks->header + m * ks->lrecl + ks->field->offset, key, klen);
		if ((have_below && memcmp(key, below, klen) < 0) ||
			(have_above && memcmp(key, above, klen) > 0))
			not_sorted(zf_bytes_name(bytes), m);
		if (memcmp(key, lo, klen) < 0)
		{
			a = m + 1;
			memcpy(below, key, klen);
			have_below = true;
		}
		else
		{
			b = m;
			memcpy(above, key, klen);
			have_above = true;
		}
	}
	pfree(key);
	pfree(below);
	pfree(above);
	return a;
}

uint64
zfdw_key_seek(ZfKeyScan *ks, zf_byte_source *bytes, const uint8 *lo)
{
	KeyIndex   *ix;
	uint64		a = 0,
				b;				/* first sample with key >= lo in [a, b] */

	if (zf_s3_is_source(bytes))
		return remote_seek(ks, bytes, lo);
	ix = ks->index ? (KeyIndex *) ks->index : key_index(ks, bytes);
	b = ix->nsamples;

	while (a < b)
	{
		uint64		m = a + (b - a) / 2;

		if (memcmp(ix->samples + m * ix->key_len, lo, ix->key_len) < 0)
			a = m + 1;
		else
			b = m;
	}
	ks->index = ix;
	/* the records between sample a-1 and sample a may hold the first match */
	return a == 0 ? 0 : (a - 1) * ix->step;
}

/* Bytes a key scan's reader should read at a time: one block. */
size_t
zfdw_key_block_bytes(uint32 lrecl)
{
	uint32		step = Max(1, KEY_BLOCK_BYTES / lrecl);

	return (size_t) (step + 1) * lrecl;
}
