/*-------------------------------------------------------------------------
 *
 * agg_values.c
 *	  The values of a pushed aggregate as Datums: the rows it emits (one
 *	  per group, with the final values PostgreSQL's own final functions
 *	  would give, or a parallel worker's partial accumulators), and the
 *	  values of a record or of a partial row read back from Datums.
 *
 * The results are built the way PostgreSQL's final functions build them:
 * sum(smallint/integer) is a bigint (with its "bigint out of range"), the
 * other sums numeric with the column's scale, avg numeric_div of the sum
 * by the count (as numeric_avg, int8_avg and numeric_poly_avg do), min and
 * max of the column's type.
 *
 * Date, time and timestamp columns are read through the column's own
 * conversion (the value a SELECT of the column returns); their Datums are
 * integers (days, or microseconds) whose order is the type's, so min,
 * max and grouping work on them as on numbers.
 *
 *-------------------------------------------------------------------------
 */
#include "zfdw.h"

#include "utils/builtins.h"
#include "utils/date.h"
#include "utils/numeric.h"
#include "utils/timestamp.h"

#include "scan/agg_int.h"

/* See agg.h. */
bool
zfdw_agg_datum_column(ZfTable *t, ZfColumn *col)
{
	if (!zfdw_fixed_field_column(t, col) || col->conv == ZF_CONV_META)
		return false;
	switch (col->target)
	{
		case ZF_TARGET_DATE:
		case ZF_TARGET_TIME:
		case ZF_TARGET_TIMESTAMP:
		case ZF_TARGET_TIMESTAMPTZ:
			return true;
		default:
			return false;
	}
}

/* The integer a date, time or timestamp Datum holds. */
static inline zf_filter_int
datum_integer(const ZfColumn *col, Datum d)
{
	if (col->target == ZF_TARGET_DATE)
		return DatumGetDateADT(d);
	if (col->target == ZF_TARGET_TIME)
		return DatumGetTimeADT(d);
	return DatumGetTimestamp(d);
}

/* The date, time or timestamp Datum of an integer (datum_integer's inverse). */
static inline Datum
integer_datum(const ZfColumn *col, zf_filter_int v)
{
	if (col->target == ZF_TARGET_DATE)
		return DateADTGetDatum((DateADT) v);
	if (col->target == ZF_TARGET_TIME)
		return TimeADTGetDatum((TimeADT) v);
	return TimestampGetDatum((Timestamp) v);
}

/*
 * Read a date, time or timestamp output's value from the record's bytes,
 * as the ordinary path converts the column.  False on a data error: the
 * record then takes the ordinary path, which reports it or applies the
 * table's on_error.
 */
bool
zfdw_agg_read_datum(ZfAggState *as, AggOut *out, AggVal *v, const uint8 *rec,
					uint32 len)
{
	ZfTable    *t = as->t;
	ZfColumn   *col = out->col;
	Datum		d;
	bool		isnull = false;

	if (!(col->fast != ZF_FAST_NONE && len >= t->fast_min_length &&
		  zfdw_fast_decode(col, rec, &d)))
	{
		ZfRecordRef r;
		zf_error	err;
		uint32		foff,
					flen;

		memset(&r, 0, sizeof(r));
		r.data = rec;
		r.length = len;
		zf_error_clear(&err);
		if (!zfdw_decode_column(t, col, &r, &as->s->buf, &d, &isnull, &err,
								&foff, &flen))
			return false;
	}
	v->isnull = isnull;
	v->raw = NULL;
	v->utf8 = NULL;
	if (!isnull)
		v->v = datum_integer(col, d);
	return true;
}

/*
 * The value of an output column from a Datum of its column's type: a
 * record decoded on the ordinary path, or a group column of a worker's
 * partial row.  Numbers become the unscaled integer at the field's scale.
 */
void
zfdw_agg_value_from_datum(ZfAggState *as, AggOut *out, AggVal *v, Datum d,
						  bool isnull)
{
	(void) as;
	v->isnull = isnull;
	v->raw = NULL;
	v->utf8 = NULL;
	if (isnull)
		return;
	if (out->by_datum)
	{
		v->v = datum_integer(out->col, d);
		return;
	}
	if (out->okind == ZF_FOPERAND_TEXT)
	{
		text	   *txt = DatumGetTextPP(d);

		v->utf8 = VARDATA_ANY(txt);
		v->utf8len = VARSIZE_ANY_EXHDR(txt);
		return;
	}
	switch (out->col->target)
	{
		case ZF_TARGET_INT2:
			v->v = DatumGetInt16(d);
			break;
		case ZF_TARGET_INT4:
			v->v = DatumGetInt32(d);
			break;
		case ZF_TARGET_INT8:
			v->v = DatumGetInt64(d);
			break;
		default:
			{
				zf_filter_const kc;

				if (!zf_filter_number_const(DatumGetCString(DirectFunctionCall1(numeric_out, d)),
											out->col->f->scale, &kc) || !kc.exact)
					elog(ERROR, "zfdw: value of column \"%s\" is not at its field's scale",
						 out->col->attname);
				v->v = kc.floor;
			}
			break;
	}
}

/* A numeric Datum of v (at field_scale) with exactly datum_scale digits. */
static Datum
numeric_at(zf_int128 v, int field_scale, int datum_scale)
{
	char		buf[ZF_DECIMAL_STRLEN + 64];
	int			n = zf_decimal_to_string(v, field_scale, buf);

	if (datum_scale > field_scale)
	{
		if (field_scale == 0)
			buf[n++] = '.';
		for (int i = field_scale; i < datum_scale; i++)
			buf[n++] = '0';
		buf[n] = '\0';
	}
	return DirectFunctionCall3(numeric_in, CStringGetDatum(buf),
							   ObjectIdGetDatum(InvalidOid), Int32GetDatum(-1));
}

/*
 * A sum as a numeric Datum with exactly datum_scale digits: carry times
 * 2^128 plus v, at field_scale (numeric arithmetic when it carried).
 */
static Datum
sum_datum(const AggAcc *a, int field_scale, int datum_scale)
{
	Datum		d;

	if (a->carry == 0)
		return numeric_at(a->sum, field_scale, datum_scale);
	d = DirectFunctionCall2(numeric_mul,
							NumericGetDatum(int64_to_numeric(a->carry)),
							DirectFunctionCall3(numeric_in,
												CStringGetDatum("340282366920938463463374607431768211456"),
												ObjectIdGetDatum(InvalidOid), Int32GetDatum(-1)));
	d = DirectFunctionCall2(numeric_add, d, numeric_at(a->sum, 0, 0));
	if (field_scale > 0)
		d = DirectFunctionCall2(numeric_mul, d,
								DirectFunctionCall3(numeric_in,
													CStringGetDatum(psprintf("1e-%d", field_scale)),
													ObjectIdGetDatum(InvalidOid), Int32GetDatum(-1)));
	/* the exact value, now shown with the column's scale */
	return DirectFunctionCall2(numeric_round, d, Int32GetDatum(datum_scale));
}

/* The column's own Datum of a value (group columns, min, max). */
static Datum
column_datum(AggOut *out, zf_int128 v)
{
	Datum		d;
	zf_error	err;

	if (out->by_datum)
		return integer_datum(out->col, v);
	zf_error_clear(&err);
	if (!zfdw_number_datum(out->col, v, out->col->f->scale, &d, &err))
		elog(ERROR, "zfdw: %s", err.message);
	return d;
}

/* A group column's Datum, from the group's key. */
static void
group_datum(AggOut *out, const uint8 *entry, Datum *d, bool *isnull)
{
	const uint8 *k = entry + out->key_off;

	*isnull = k[0] != 0;
	if (*isnull)
		return;
	if (out->okind == ZF_FOPERAND_NUMBER || out->by_datum)
	{
		zf_int128	v;

		memcpy(&v, k + 1, sizeof(v));
		*d = column_datum(out, v);
	}
	else
	{
		uint32		n;

		memcpy(&n, k + 1, 4);
		*d = PointerGetDatum(cstring_to_text_with_len((const char *) k + 5, (int) n));
	}
}

/* Fill the slot with one group's row (the aggregates' final values). */
void
zfdw_agg_emit(ZfAggState *as, uint8 *entry, TupleTableSlot *slot)
{
	AggAcc	   *accs = zfdw_agg_entry_accs(as, entry);

	for (int i = 0; i < as->nout; i++)
	{
		AggOut	   *out = &as->outs[i];
		Datum	   *d = &slot->tts_values[i];
		bool	   *isnull = &slot->tts_isnull[i];
		AggAcc	   *a = &accs[out->acc];
		int			fs = out->col ? out->col->f->scale : 0;

		*isnull = false;
		switch (out->kind)
		{
			case ZF_AGG_GROUP:
				group_datum(out, entry, d, isnull);
				break;
			case ZF_AGG_COUNT_STAR:
			case ZF_AGG_COUNT:
				*d = Int64GetDatum(a->count);
				break;
			case ZF_AGG_SHARE:
				{
					zf_error	err;

					zf_error_clear(&err);
					if (!zfdw_number_datum(out->share_col,
										   (zf_int128) as->t->opts.share_index,
										   0, d, &err))
						zfdw_report(ERROR, &err, out->share_col->attname);
				}
				break;
			case ZF_AGG_SUM:
				if (a->count == 0)
					*isnull = true;
				else if (out->col->target == ZF_TARGET_INT2 || out->col->target == ZF_TARGET_INT4)
				{
					if (a->sum < PG_INT64_MIN || a->sum > PG_INT64_MAX)
						ereport(ERROR,
								(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
								 errmsg("bigint out of range")));
					*d = Int64GetDatum((int64) a->sum);
				}
				else
					*d = sum_datum(a, fs, out->datum_scale);
				break;
			case ZF_AGG_AVG:
				if (a->count == 0)
					*isnull = true;
				else
					*d = DirectFunctionCall2(numeric_div,
											 sum_datum(a, fs, out->datum_scale),
											 NumericGetDatum(int64_to_numeric(a->count)));
				break;
			case ZF_AGG_MIN:
			case ZF_AGG_MAX:
				if (a->count == 0)
					*isnull = true;
				else if (out->text_cap > 0)
					*d = zfdw_agg_text_datum(out, entry);
				else
					*d = column_datum(out, a->sum);
				break;
		}
	}
}

/*
 * Fill the slot with one group's partial row (a parallel worker's): the
 * group columns as the final row has them, each aggregate's accumulator
 * as the bytes of a bytea (then, for a text min or max, the UTF-8 bytes
 * of the value kept), merged by the leader (agg_combine.c).
 */
void
zfdw_agg_emit_partial(ZfAggState *as, uint8 *entry, TupleTableSlot *slot)
{
	AggAcc	   *accs = zfdw_agg_entry_accs(as, entry);

	for (int i = 0; i < as->nout; i++)
	{
		AggOut	   *out = &as->outs[i];

		if (out->kind == ZF_AGG_GROUP)
			group_datum(out, entry, &slot->tts_values[i], &slot->tts_isnull[i]);
		else
		{
			const char *p = NULL;
			uint32		n = 0;
			bytea	   *b;

			if (out->text_cap > 0 && accs[out->acc].count > 0)
				zfdw_agg_text_kept(out, entry, &p, &n);
			b = palloc(VARHDRSZ + sizeof(AggAcc) + n);
			SET_VARSIZE(b, VARHDRSZ + sizeof(AggAcc) + n);
			memcpy(VARDATA(b), &accs[out->acc], sizeof(AggAcc));
			if (n > 0)
				memcpy(VARDATA(b) + sizeof(AggAcc), p, n);
			slot->tts_values[i] = PointerGetDatum(b);
			slot->tts_isnull[i] = false;
		}
	}
}
