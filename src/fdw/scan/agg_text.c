/*-------------------------------------------------------------------------
 *
 * agg_text.c
 *	  min() and max() of text columns in a pushed aggregate: each group
 *	  keeps the UTF-8 bytes of its smallest or largest value in its entry,
 *	  compared byte by byte, which is the order of the "C" collation
 *	  (agg_plan.c pushes them only under it: UTF-8 byte order is code
 *	  point order, and "C" compares exactly that, shorter first on a tie).
 *
 *-------------------------------------------------------------------------
 */
#include "zfdw.h"

#include "utils/builtins.h"

#include "scan/agg_int.h"

/*
 * The current value of a text output as UTF-8: decoded from the record's
 * bytes (the fast path) or as the ordinary path's Datum gave it.
 */
void
zfdw_agg_text_value(ZfAggState *as, AggOut *out, AggVal *v, const char **p,
					uint32 *n)
{
	int64		w;

	if (v->utf8)
	{
		*p = v->utf8;
		*n = v->utf8len;
		return;
	}
	w = zf_sbcs_fast_decode(out->tab, v->raw, v->rawlen, as->text_scratch);
	if (w < 0)
		elog(ERROR, "zfdw: text value does not decode");
	*p = as->text_scratch;
	*n = (uint32) w;
}

/*
 * Offer a value (UTF-8, n bytes) to a group's min or max: kept when the
 * group has none yet (a->count 0) or when it sorts before (min) or after
 * (max) the one kept.
 */
void
zfdw_agg_text_offer(AggOut *out, uint8 *entry, const AggAcc *a, const char *p,
					uint32 n)
{
	uint8	   *slot = entry + out->text_off;
	uint32		have;
	int			cmp;

	if (n > (uint32) out->text_cap)
		elog(ERROR, "zfdw: text value longer than its field");
	if (a->count > 0)
	{
		memcpy(&have, slot, 4);
		cmp = memcmp(p, slot + 4, Min(n, have));
		if (cmp == 0)
			cmp = n < have ? -1 : n > have ? 1 : 0;
		if (out->kind == ZF_AGG_MIN ? cmp >= 0 : cmp <= 0)
			return;
	}
	memcpy(slot, &n, 4);
	memcpy(slot + 4, p, n);
}

/* The text kept by a group (its count is not 0), as a text Datum. */
Datum
zfdw_agg_text_datum(AggOut *out, const uint8 *entry)
{
	const uint8 *slot = entry + out->text_off;
	uint32		n;

	memcpy(&n, slot, 4);
	return PointerGetDatum(cstring_to_text_with_len((const char *) slot + 4, (int) n));
}

/* The bytes of the text kept by a group, for a partial row. */
void
zfdw_agg_text_kept(AggOut *out, const uint8 *entry, const char **p, uint32 *n)
{
	const uint8 *slot = entry + out->text_off;

	memcpy(n, slot, 4);
	*p = (const char *) slot + 4;
}
