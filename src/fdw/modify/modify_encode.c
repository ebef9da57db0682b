/*-------------------------------------------------------------------------
 *
 * modify_encode.c
 *	  One row of an INSERT into the bytes of one record, through the
 *	  table's layout: the reverse of convert/.
 *
 * A record starts as a template: every elementary field that no column
 * gives holds what a COBOL program's INITIALIZE leaves there (spaces for
 * text, zero for numbers), or the fill option's byte.  REDEFINES and
 * RENAMES are not filled (the field they redefine is).  Then each column
 * writes its field, through core's encoders (value_write.h), which refuse
 * any value that does not fit: the error names the row, the column and
 * the field.
 *
 * OCCURS tables are arrays.  A fixed table takes exactly as many elements
 * as it occurs; a table with DEPENDING ON takes occurs_min to occurs_max
 * of them, and its object (the counter) is set from the array length (a
 * column that gives the counter too must agree).  Items after such a
 * table move up to follow the actual occurrences, as z/OS writes them; the
 * layout's cursor places them.  A NULL is written only where the field
 * has a representation of NULL (a column's null_if); anywhere else it is
 * an error, never an invented value.
 *
 *-------------------------------------------------------------------------
 */
#include "modify/modify.h"

#include "catalog/pg_type.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/date.h"
#include "utils/datetime.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"
#include "utils/numeric.h"

#include "convert/convert_int.h"

/* How a column's Datum becomes its field's bytes. */
typedef enum ZfWriteConv
{
	WC_SKIP = 0,				/* dropped */
	WC_META,					/* a meta column: only NULL may be given */
	WC_NUMBER,					/* into a zoned, packed or binary field */
	WC_DATE_NUMBER,				/* a date, through a date picture, as one */
	WC_FLOAT,					/* into a COMP-1/COMP-2 field */
	WC_TEXT,					/* into a character field (or a group) */
	WC_BYTES					/* raw bytes, exactly the field's length */
} ZfWriteConv;

typedef struct ZfWriteColumn
{
	ZfColumn   *col;
	ZfWriteConv conv;
	zf_field	group_as_text;	/* a group written as text: an alnum twin */
	zf_field_writer w;
	FmgrInfo	outfunc;		/* non-text Datums into text fields */
	bool		is_counter;		/* the object of an ODO table */
	int			odo;			/* index into the encoder's ODO tables of
								 * its outermost table, or -1 */
} ZfWriteColumn;

/* One OCCURS DEPENDING ON table of the record, and its counter. */
typedef struct ZfOdo
{
	int32		table;
	int32		object;
	zf_field_writer w;			/* of the object */
	int64		count;			/* this row's, -1 until known */
	int			given_by;		/* column that set count, -1 */
} ZfOdo;

struct ZfRowEncoder
{
	ZfTable    *t;
	ZfWriteColumn *wc;
	int			nwc;
	ZfOdo	   *odo;
	int			nodo;
	uint8	   *tmpl;			/* the filled record, buflen bytes */
	uint8	   *rec;
	uint32		buflen;
	zf_cursor  *cursor;
	MemoryContext rowcxt;
	/* for the error context */
	uint64		row;
	int			cur;			/* column being written, -1 none */
	ErrorContextCallback errcb;
};

/* The context line of an error: table, row, column, field. */
static void
encode_error_context(void *arg)
{
	ZfRowEncoder *e = arg;

	if (e->cur >= 0)
	{
		ZfColumn   *col = e->wc[e->cur].col;

		errcontext("foreign table \"%s\", row %llu, column \"%s\" (field %s)",
				   e->t->relname, (unsigned long long) e->row, col->attname,
				   col->f && col->f->name[0] ? col->f->name : "FILLER");
	}
	else
		errcontext("foreign table \"%s\", row %llu", e->t->relname,
				   (unsigned long long) e->row);
}

/* Report a core error value about the current value. */
pg_noreturn static void
value_error(const zf_error *raw)
{
	zf_error	err;

	zfdw_error_prepare(raw, &err);
	ereport(ERROR,
			(errcode(zfdw_sqlstate(err.status)),
			 errmsg("%s", err.message[0] ? err.message : zf_status_name(err.status)),
			 err.detail[0] ? errdetail("%s", err.detail) : 0,
			 err.hint[0] ? errhint("%s", err.hint) : 0));
	pg_unreachable();
}

/* Refuse, when the INSERT starts, a column that cannot be written. */
pg_noreturn static void
refuse(ZfTable *t, ZfColumn *col, const char *why, const char *hint)
{
	ereport(ERROR,
			(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
			 errmsg("column \"%s\" of foreign table \"%s\" cannot be written: %s",
					col->attname, t->relname, why),
			 hint ? errhint("%s", hint) : 0));
	pg_unreachable();
}

/* ---- the template ---- */

/*
 * Fill field fi (all its occurrences) of the record at rec, positions
 * from the cursor or static; only the fields whose place depends on the
 * record when only_variable.
 */
static void
fill_field(ZfRowEncoder *e, const ZfRecordRef *ref, uint8 *rec, int32 fi,
		   uint32 *idx, int depth, bool only_variable)
{
	ZfTable    *t = e->t;
	const zf_field *f = &t->layout->fields[fi];
	uint32		count = 1;
	zf_error	err;

	if (f->redefines >= 0 || f->renames_first >= 0 || f->level == 66)
		return;
	zf_error_clear(&err);
	if (f->occurs_max > 0)
	{
		if (t->any_variable && ref->cursor != NULL)
		{
			if (zf_cursor_count(ref->cursor, fi, idx, &count, &err) != ZF_OK)
				value_error(&err);
		}
		else
			count = f->occurs_max;
	}
	for (uint32 k = 0; k < count; k++)
	{
		int			d = depth;

		if (f->occurs_max > 0)
			idx[d++] = k;
		if (f->kind == ZF_KIND_GROUP)
		{
			for (int32 c = f->first_child; c != ZF_NO_FIELD; c = t->layout->fields[c].next_sibling)
				fill_field(e, ref, rec, c, idx, d, only_variable);
		}
		else if (!only_variable || f->variable)
		{
			uint32		off,
						len;

			if (!zfdw_locate(t, ref, fi, idx, d, &off, &len, &err))
				value_error(&err);
			zf_field_fill(f, t->cp, t->opts.fill, t->opts.fill_byte, rec + off, len);
		}
	}
}

/* The record with every field filled, at its static (maximum) layout. */
static void
build_template(ZfRowEncoder *e)
{
	ZfTable    *t = e->t;
	ZfRecordRef ref;
	uint32		idx[MAXDIM + 1];
	bool		was = t->any_variable;

	memset(&ref, 0, sizeof(ref));
	ref.data = e->tmpl;
	ref.length = e->buflen;
	memset(e->tmpl, t->opts.fill == ZF_FILL_BYTE ? t->opts.fill_byte : zf_codepage_space(t->cp),
		   e->buflen);
	if (t->opts.fill == ZF_FILL_BYTE)
		return;
	t->any_variable = false;	/* static positions: every ODO at its max */
	fill_field(e, &ref, e->tmpl, t->rd->root, idx, 0, false);
	t->any_variable = was;
}

/* ---- preparing the columns ---- */

/* Decide how column col is written, or refuse it. */
static void
prepare_column(ZfRowEncoder *e, ZfWriteColumn *wc)
{
	ZfTable    *t = e->t;
	ZfColumn   *col = wc->col;
	const zf_field *f = col->f;

	wc->odo = -1;
	if (col->dropped)
	{
		wc->conv = WC_SKIP;
		return;
	}
	if (col->conv == ZF_CONV_META)
	{
		wc->conv = WC_META;
		return;
	}
	if (col->ndims > 1)
		for (int d = 0; d < col->ndims; d++)
			if (t->layout->fields[col->tables[d]].depending_on >= 0)
				refuse(t, col, "a table with OCCURS DEPENDING ON inside another table",
					   NULL);
	switch (col->conv)
	{
		case ZF_CONV_NUMBER:
			if (f->kind == ZF_KIND_EDITED)
				refuse(t, col, psprintf("field %s is numeric-edited", f->name),
					   "Map the field as text (usage display) and give it the edited text.");
			if (col->has_date_picture)
			{
				if (col->target != ZF_TARGET_DATE || f->scale != 0)
					refuse(t, col, "a date picture is written from a date column into a whole-number field", NULL);
				wc->conv = WC_DATE_NUMBER;
				break;
			}
			if (col->target == ZF_TARGET_TEXT || col->target == ZF_TARGET_NUMERIC ||
				col->target == ZF_TARGET_INT2 || col->target == ZF_TARGET_INT4 ||
				col->target == ZF_TARGET_INT8 || col->target == ZF_TARGET_FLOAT4 ||
				col->target == ZF_TARGET_FLOAT8)
				wc->conv = WC_NUMBER;
			else
				refuse(t, col, "its type is not numeric, an integer, a float or text", NULL);
			break;
		case ZF_CONV_FLOAT:
			if (col->target == ZF_TARGET_TEXT)
				refuse(t, col, "a floating-point field is written from float8, float4 or numeric", NULL);
			wc->conv = WC_FLOAT;
			break;
		case ZF_CONV_TEXT:
			if (f->kind != ZF_KIND_ALNUM && f->kind != ZF_KIND_DBCS &&
				f->kind != ZF_KIND_NATIONAL)
				refuse(t, col, psprintf("field %s is a DB2 varying or LOB field", f->name),
					   "Use zfdw.unload_for_db2() to write DB2 unload files.");
			if (col->target == ZF_TARGET_DATE || col->target == ZF_TARGET_TIME ||
				col->target == ZF_TARGET_TIMESTAMP || col->target == ZF_TARGET_TIMESTAMPTZ ||
				col->target == ZF_TARGET_JSONB)
				refuse(t, col, "dates, times and jsonb are not written into text fields yet",
					   "Declare the column as text and give the text the field should hold.");
			wc->conv = WC_TEXT;
			if (col->target != ZF_TARGET_TEXT)
			{
				Oid			out;
				bool		isvarlena;

				getTypeOutputInfo(col->typid, &out, &isvarlena);
				fmgr_info(out, &wc->outfunc);
			}
			break;
		case ZF_CONV_GROUP_TEXT:
			wc->group_as_text = *f;
			wc->group_as_text.kind = ZF_KIND_ALNUM;
			wc->conv = WC_TEXT;
			break;
		case ZF_CONV_BYTES:
			wc->conv = WC_BYTES;
			break;
		default:
			refuse(t, col, psprintf("fields like %s are not written yet", f->name),
				   NULL);
	}
	zf_field_writer_init(&wc->w, wc->conv == WC_TEXT && f->kind == ZF_KIND_GROUP ?
						 &wc->group_as_text : f, col->cp);
	wc->w.float_format = t->opts.float_format;
	wc->w.truncate_text = t->opts.truncate_text;
	if (col->null_if == ZF_NULLIF_ZEROS &&
		f->kind != ZF_KIND_ZONED && f->kind != ZF_KIND_PACKED && f->kind != ZF_KIND_BINARY)
		refuse(t, col, "null_if 'zeros' is written only into numeric fields", NULL);
}

/* Find the OCCURS DEPENDING ON tables of the record and their counters. */
static void
prepare_odo(ZfRowEncoder *e)
{
	ZfTable    *t = e->t;
	const zf_layout *L = t->layout;

	e->odo = palloc0(sizeof(ZfOdo) * Max(L->nfields, 1));
	for (int32 fi = 0; fi < L->nfields; fi++)
	{
		const zf_field *f = &L->fields[fi];
		int32		r = fi;
		ZfOdo	   *o;

		if (f->depending_on < 0)
			continue;
		while (L->fields[r].parent != ZF_NO_FIELD)
			r = L->fields[r].parent;
		if (r != t->rd->root)
			continue;
		if (zf_field_dimensions(L, fi) > 1)
			ereport(ERROR,
					(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
					 errmsg("foreign table \"%s\" cannot be written: table %s with OCCURS DEPENDING ON lies inside another table",
							t->relname, f->name)));
		{
			const zf_field *obj = &L->fields[f->depending_on];

			if (obj->variable || zf_field_dimensions(L, f->depending_on) > 0 ||
				(obj->kind != ZF_KIND_ZONED && obj->kind != ZF_KIND_PACKED &&
				 obj->kind != ZF_KIND_BINARY) || obj->scale != 0)
				ereport(ERROR,
						(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
						 errmsg("foreign table \"%s\" cannot be written: the object %s of table %s is not a whole number at a fixed place",
								t->relname, obj->name, f->name)));
		}
		o = &e->odo[e->nodo++];
		o->table = fi;
		o->object = f->depending_on;
		zf_field_writer_init(&o->w, &L->fields[f->depending_on], t->cp);
	}
	for (int i = 0; i < e->nwc; i++)
	{
		ZfWriteColumn *wc = &e->wc[i];

		if (wc->conv == WC_SKIP || wc->conv == WC_META)
			continue;
		for (int k = 0; k < e->nodo; k++)
		{
			if (wc->col->field == e->odo[k].object)
				wc->is_counter = true;
			if (wc->col->ndims > 0 && wc->col->tables[0] == e->odo[k].table)
				wc->odo = k;
		}
		if (wc->is_counter && wc->col->ndims > 0)
			wc->is_counter = false;
	}
}

ZfRowEncoder *
zfdw_encoder_create(ZfTable *t)
{
	ZfRowEncoder *e = palloc0(sizeof(ZfRowEncoder));

	e->t = t;
	if (t->layout->source == ZF_SOURCE_PUNCH)
		ereport(ERROR,
				(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				 errmsg("foreign table \"%s\" is described by a DB2 punch: INSERT writes copybook and column layouts only",
						t->relname),
				 errhint("Use zfdw.unload_for_db2() to write a DB2 unload file and its LOAD statement.")));
	if (t->opts.format != ZF_FORMAT_RECORD)
		ereport(ERROR,
				(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				 errmsg("foreign table \"%s\" has format 'delimited': INSERT writes record files only",
						t->relname)));
	if (t->opts.file_header_bytes > 0 || t->opts.file_trailer_bytes > 0)
		ereport(ERROR,
				(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				 errmsg("foreign table \"%s\" has file header or trailer bytes: INSERT does not write them",
						t->relname)));
	if (t->opts.recfm == ZF_RECFM_FB && t->lrecl < t->rd->max_length && t->rd->is_static)
		ereport(ERROR,
				(errcode(ERRCODE_FDW_INVALID_ATTRIBUTE_VALUE),
				 errmsg("lrecl %u of foreign table \"%s\" is shorter than its record of %u bytes",
						t->lrecl, t->relname, t->rd->max_length)));
	if (t->segment_field >= 0 && t->segment_bytes != NULL)
		ereport(ERROR,
				(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				 errmsg("foreign table \"%s\" reads one segment of a file: INSERT does not write segments yet",
						t->relname)));
	e->nwc = t->ncolumns;
	e->wc = palloc0(sizeof(ZfWriteColumn) * Max(e->nwc, 1));
	for (int i = 0; i < e->nwc; i++)
	{
		e->wc[i].col = &t->columns[i];
		prepare_column(e, &e->wc[i]);
	}
	prepare_odo(e);
	e->buflen = Max(t->lrecl, t->rd->max_length);
	e->tmpl = palloc(e->buflen);
	e->rec = palloc(e->buflen);
	e->cur = -1;
	build_template(e);
	if (t->any_variable)
		e->cursor = zfdw_create_cursor(t);
	e->rowcxt = AllocSetContextCreate(CurrentMemoryContext, "zfdw insert row",
									  ALLOCSET_DEFAULT_SIZES);
	return e;
}

/* ---- one value ---- */

/* numeric.c's header bits (the stable on-disk format; see numeric_build.c) */
#define ZF_NUMERIC_SIGN_MASK	0xC000
#define ZF_NUMERIC_SHORT		0x8000
#define ZF_NUMERIC_SPECIAL		0xC000
#define ZF_NUMERIC_NEG			0x4000
#define ZF_NUMERIC_SHORT_SIGN	0x2000
#define ZF_NUMERIC_SHORT_DSCALE_MASK	0x1F80
#define ZF_NUMERIC_SHORT_DSCALE_SHIFT	7
#define ZF_NUMERIC_SHORT_WEIGHT_SIGN	0x0040
#define ZF_NUMERIC_SHORT_WEIGHT_MASK	0x003F

/*
 * The value of a numeric times 10^scale as an integer, read straight from
 * its base-10000 digits, when that is exact and fits 38 digits; false
 * otherwise (NaN, infinity, digits beyond the scale, too large): the
 * caller then goes the general way, through the text, which says what is
 * wrong.  This spares numeric_out and a parse per value on the hot path.
 */
static bool
numeric_scaled(Datum v, int scale, zf_int128 *out)
{
	struct varlena *n = (struct varlena *) PG_DETOAST_DATUM_PACKED(v);
	const char *p = VARDATA_ANY(n);
	size_t		bytes = VARSIZE_ANY_EXHDR(n);
	uint16		h;
	bool		negative;
	int			weight;
	int			ndigits;
	unsigned __int128 acc = 0;
	int			exp10;

	if (bytes < sizeof(uint16) || scale < 0 || scale > 18)
		return false;
	memcpy(&h, p, sizeof(uint16));
	if ((h & ZF_NUMERIC_SIGN_MASK) == ZF_NUMERIC_SPECIAL)
		return false;
	if ((h & ZF_NUMERIC_SIGN_MASK) == ZF_NUMERIC_SHORT)
	{
		negative = (h & ZF_NUMERIC_SHORT_SIGN) != 0;
		weight = (h & ZF_NUMERIC_SHORT_WEIGHT_SIGN ? ~ZF_NUMERIC_SHORT_WEIGHT_MASK : 0) |
			(h & ZF_NUMERIC_SHORT_WEIGHT_MASK);
		p += sizeof(uint16);
		bytes -= sizeof(uint16);
	}
	else
	{
		int16		w;

		if (bytes < 2 * sizeof(uint16))
			return false;
		negative = (h & ZF_NUMERIC_SIGN_MASK) == ZF_NUMERIC_NEG;
		memcpy(&w, p + sizeof(uint16), sizeof(int16));
		weight = w;
		p += 2 * sizeof(uint16);
		bytes -= 2 * sizeof(uint16);
	}
	ndigits = (int) (bytes / sizeof(int16));
	if (ndigits == 0)
	{
		*out = 0;
		return true;
	}
	if (ndigits > 9)
		return false;			/* more than 36 digits: the general way */
	for (int i = 0; i < ndigits; i++)
	{
		int16		d;

		memcpy(&d, p + i * sizeof(int16), sizeof(int16));
		acc = acc * 10000 + (unsigned) d;
	}
	/* acc * 10000^(weight - ndigits + 1) * 10^scale */
	exp10 = 4 * (weight - ndigits + 1) + scale;
	if (exp10 > 0)
	{
		if (exp10 + 4 * ndigits > 38)
			return false;
		for (int i = 0; i < exp10; i++)
			acc *= 10;
	}
	else if (exp10 < 0)
	{
		uint64		m = (uint64) acc;

		if (acc > PG_UINT64_MAX || -exp10 > 19)
			return false;
		if (m % (uint64) zf_pow10_u64[-exp10] != 0)
			return false;		/* digits beyond the scale */
		acc = m / (uint64) zf_pow10_u64[-exp10];
	}
	*out = negative ? -(zf_int128) acc : (zf_int128) acc;
	return true;
}

/* Decimal text of a numeric-ish Datum (numeric, float, text). */
static char *
decimal_text(ZfColumn *col, Datum v)
{
	switch (col->target)
	{
		case ZF_TARGET_NUMERIC:
			return DatumGetCString(DirectFunctionCall1(numeric_out, v));
		case ZF_TARGET_FLOAT8:
			return DatumGetCString(DirectFunctionCall1(numeric_out,
													   DirectFunctionCall1(float8_numeric, v)));
		case ZF_TARGET_FLOAT4:
			return DatumGetCString(DirectFunctionCall1(numeric_out,
													   DirectFunctionCall1(float4_numeric, v)));
		default:
			return TextDatumGetCString(v);
	}
}

/*
 * Make err ready for a call that may fail: core's zf_error_set clears the
 * whole value itself, so the hot path only marks it empty (a full clear
 * per field is a kilobyte of memset).
 */
static inline void
error_ready(zf_error *err)
{
	err->status = ZF_OK;
	err->message[0] = err->detail[0] = err->hint[0] = '\0';
}

/* Write one non-NULL value v of column wc into dst (len bytes). */
static void
write_value(ZfWriteColumn *wc, Datum v, uint8 *dst,
			uint32 len)
{
	ZfColumn   *col = wc->col;
	zf_error	err;
	zf_status	st = ZF_OK;

	error_ready(&err);
	switch (wc->conv)
	{
		case WC_NUMBER:
			{
				int			scale = col->f->scale;

				if ((col->target == ZF_TARGET_INT2 || col->target == ZF_TARGET_INT4 ||
					 col->target == ZF_TARGET_INT8) && scale >= 0 && scale <= 18)
				{
					int64		i = col->target == ZF_TARGET_INT2 ? DatumGetInt16(v) :
						col->target == ZF_TARGET_INT4 ? DatumGetInt32(v) : DatumGetInt64(v);

					st = zf_field_write_unscaled(&wc->w, (zf_int128) i * (zf_int128) zf_pow10_u64[scale],
												 dst, len, &err);
				}
				else if (col->target == ZF_TARGET_INT2 || col->target == ZF_TARGET_INT4 ||
						 col->target == ZF_TARGET_INT8)
				{
					char	   *s = DatumGetCString(DirectFunctionCall1(int8out,
																		col->target == ZF_TARGET_INT8 ? v :
																		Int64GetDatum(col->target == ZF_TARGET_INT4 ? DatumGetInt32(v) : DatumGetInt16(v))));

					st = zf_field_write_decimal(&wc->w, s, strlen(s), dst, len, &err);
				}
				else
				{
					zf_int128	u;

					if (col->target == ZF_TARGET_NUMERIC && numeric_scaled(v, scale, &u))
						st = zf_field_write_unscaled(&wc->w, u, dst, len, &err);
					else
					{
						char	   *s = decimal_text(col, v);

						st = zf_field_write_decimal(&wc->w, s, strlen(s), dst, len, &err);
					}
				}
				break;
			}
		case WC_DATE_NUMBER:
			{
				int			y,
							m,
							d;
				int64		n = 0;
				DateADT		dv = DatumGetDateADT(v);

				if (DATE_NOT_FINITE(dv))
				{
					zf_error_set(&err, ZF_E_OVERFLOW, "an infinite date cannot be written in a date picture");
					st = ZF_E_OVERFLOW;
					break;
				}
				j2date(dv + POSTGRES_EPOCH_JDATE, &y, &m, &d);
				st = zf_date_to_number(y, m, d, &col->date_picture, &n, &err);
				if (st == ZF_OK)
					st = zf_field_write_unscaled(&wc->w, n, dst, len, &err);
				break;
			}
		case WC_FLOAT:
			{
				double		d;

				if (col->target == ZF_TARGET_FLOAT8)
					d = DatumGetFloat8(v);
				else if (col->target == ZF_TARGET_FLOAT4)
					d = (double) DatumGetFloat4(v);
				else if (col->target == ZF_TARGET_NUMERIC)
				{
					Datum		back;

					d = DatumGetFloat8(DirectFunctionCall1(numeric_float8, v));
					back = DirectFunctionCall1(float8_numeric, Float8GetDatum(d));
					if (DatumGetInt32(DirectFunctionCall2(numeric_cmp, back, v)) != 0)
						ereport(ERROR,
								(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
								 errmsg("value %s cannot be represented exactly as a floating-point number",
										DatumGetCString(DirectFunctionCall1(numeric_out, v))),
								 errdetail("The nearest double is %s; a value is never rounded when written.",
										   DatumGetCString(DirectFunctionCall1(float8out, Float8GetDatum(d))))));
				}
				else
				{
					int64		i = col->target == ZF_TARGET_INT2 ? DatumGetInt16(v) :
						col->target == ZF_TARGET_INT4 ? DatumGetInt32(v) : DatumGetInt64(v);

					d = (double) i;
					if (d >= 9223372036854775808.0 || (int64) d != i)
						ereport(ERROR,
								(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
								 errmsg("value " INT64_FORMAT " cannot be represented exactly as a floating-point number", i)));
				}
				st = zf_field_write_double(&wc->w, d, dst, len, &err);
				break;
			}
		case WC_TEXT:
			{
				const char *s;
				size_t		n;

				if (col->target == ZF_TARGET_TEXT)
				{
					text	   *tx = DatumGetTextPP(v);

					s = VARDATA_ANY(tx);
					n = VARSIZE_ANY_EXHDR(tx);
					if (col->typid == BPCHAROID)
						while (n > 0 && s[n - 1] == ' ')
							n--;
				}
				else
				{
					s = OutputFunctionCall(&wc->outfunc, v);
					n = strlen(s);
				}
				st = zf_field_write_text(&wc->w, s, n, dst, len, &err);
				break;
			}
		case WC_BYTES:
			{
				bytea	   *b = DatumGetByteaPP(v);

				st = zf_field_write_bytes(&wc->w, (const uint8 *) VARDATA_ANY(b),
										  VARSIZE_ANY_EXHDR(b), dst, len, &err);
				break;
			}
		default:
			break;
	}
	if (st != ZF_OK)
		value_error(&err);
}

/* Write the NULL representation of the column's field, or refuse. */
static void
write_null(ZfWriteColumn *wc, uint8 *dst, uint32 len)
{
	ZfColumn   *col = wc->col;
	zf_error	err;

	switch (col->null_if)
	{
		case ZF_NULLIF_SPACES:
			zf_field_fill(col->f->kind == ZF_KIND_DBCS || col->f->kind == ZF_KIND_NATIONAL ?
						  col->f : &(zf_field) {.kind = ZF_KIND_ALNUM},
						  col->cp, ZF_FILL_COBOL, 0, dst, len);
			return;
		case ZF_NULLIF_LOW_VALUES:
			memset(dst, 0x00, len);
			return;
		case ZF_NULLIF_HIGH_VALUES:
			memset(dst, 0xFF, len);
			return;
		case ZF_NULLIF_ZEROS:
			zf_error_clear(&err);
			if (zf_field_write_unscaled(&wc->w, 0, dst, len, &err) != ZF_OK)
				value_error(&err);
			return;
		case ZF_NULLIF_BYTES:
			{
				const uint8 *p = (const uint8 *) VARDATA_ANY(col->null_if_bytes);
				uint32		n = VARSIZE_ANY_EXHDR(col->null_if_bytes);

				for (uint32 i = 0; i < len; i++)
					dst[i] = p[i % n];
				return;
			}
		case ZF_NULLIF_NONE:
			break;
	}
	ereport(ERROR,
			(errcode(ERRCODE_NOT_NULL_VIOLATION),
			 errmsg("null value in column \"%s\" cannot be written: field %s has no representation of NULL",
					col->attname, col->f->name[0] ? col->f->name : "FILLER"),
			 errhint("Give a value, or declare how NULL is written with the column option null_if (spaces, low_values, high_values, zeros or a hex literal).")));
}

/* The array of an OCCURS column, checked against the layout's counts. */
static ArrayType *
column_array(ZfRowEncoder *e, ZfWriteColumn *wc, Datum v, int *dims)
{
	ZfColumn   *col = wc->col;
	ArrayType  *a = DatumGetArrayTypeP(v);
	int			nd = ARR_NDIM(a);

	if (nd == 0)
	{
		for (int d = 0; d < col->ndims; d++)
			dims[d] = 0;
	}
	else if (nd != col->ndims)
		ereport(ERROR,
				(errcode(ERRCODE_ARRAY_SUBSCRIPT_ERROR),
				 errmsg("array of %d dimension%s for a field in %d OCCURS level%s",
						nd, nd == 1 ? "" : "s", col->ndims, col->ndims == 1 ? "" : "s")));
	else
		memcpy(dims, ARR_DIMS(a), sizeof(int) * nd);
	for (int d = 0; d < col->ndims; d++)
	{
		const zf_field *tf = &e->t->layout->fields[col->tables[d]];

		if (tf->depending_on >= 0)
			continue;			/* checked against the counter */
		if ((uint32) dims[d] != tf->occurs_max)
			ereport(ERROR,
					(errcode(ERRCODE_ARRAY_SUBSCRIPT_ERROR),
					 errmsg("array of %d elements for table %s, which occurs %u times",
							dims[d], tf->name, tf->occurs_max),
					 errhint("A table without DEPENDING ON holds exactly that many elements.")));
	}
	return a;
}

/* Set the ODO counters of the row from its arrays (and counter columns). */
static void
set_counters(ZfRowEncoder *e, Datum *values, bool *nulls)
{
	for (int k = 0; k < e->nodo; k++)
	{
		e->odo[k].count = -1;
		e->odo[k].given_by = -1;
	}
	for (int i = 0; i < e->nwc; i++)
	{
		ZfWriteColumn *wc = &e->wc[i];
		ZfOdo	   *o;
		int64		n;

		if ((wc->odo < 0 && !wc->is_counter) || nulls[i])
			continue;
		e->cur = i;
		if (wc->odo >= 0)
		{
			int			dims[MAXDIM];

			(void) column_array(e, wc, values[i], dims);
			o = &e->odo[wc->odo];
			n = dims[0];
		}
		else
		{
			int			k;

			for (k = 0; e->odo[k].object != wc->col->field; k++)
				;
			o = &e->odo[k];
			switch (wc->col->target)
			{
				case ZF_TARGET_INT2:
					n = DatumGetInt16(values[i]);
					break;
				case ZF_TARGET_INT4:
					n = DatumGetInt32(values[i]);
					break;
				case ZF_TARGET_INT8:
					n = DatumGetInt64(values[i]);
					break;
				case ZF_TARGET_NUMERIC:
					n = DatumGetInt64(DirectFunctionCall1(numeric_int8, values[i]));
					break;
				default:
					n = DatumGetInt64(DirectFunctionCall1(int8in,
														  CStringGetDatum(TextDatumGetCString(values[i]))));
					break;
			}
		}
		if (o->count >= 0 && o->count != n)
			ereport(ERROR,
					(errcode(ERRCODE_ARRAY_SUBSCRIPT_ERROR),
					 errmsg("table %s is given %lld occurrences here and %lld by column \"%s\"",
							e->t->layout->fields[o->table].name, (long long) n,
							(long long) o->count, e->wc[o->given_by].col->attname),
					 errhint("Every array of one OCCURS DEPENDING ON table, and its counter, must agree.")));
		o->count = n;
		o->given_by = i;
	}
	e->cur = -1;
	for (int k = 0; k < e->nodo; k++)
	{
		ZfOdo	   *o = &e->odo[k];
		const zf_field *tf = &e->t->layout->fields[o->table];
		const zf_field *obj = &e->t->layout->fields[o->object];
		zf_error	err;

		if (o->count < 0)
			o->count = tf->occurs_min;
		if (o->count < tf->occurs_min || o->count > tf->occurs_max)
		{
			e->cur = o->given_by;
			ereport(ERROR,
					(errcode(ERRCODE_ARRAY_SUBSCRIPT_ERROR),
					 errmsg("table %s occurs %u to %u times, not %lld",
							tf->name, tf->occurs_min, tf->occurs_max, (long long) o->count)));
		}
		zf_error_clear(&err);
		if (zf_field_write_unscaled(&o->w, o->count, e->rec + obj->offset, obj->length, &err) != ZF_OK)
			value_error(&err);
	}
}

/* Write an OCCURS column: every element at its place. */
static void
write_array(ZfRowEncoder *e, ZfWriteColumn *wc, const ZfRecordRef *ref,
			Datum v)
{
	ZfColumn   *col = wc->col;
	int			dims[MAXDIM];
	ArrayType  *a = column_array(e, wc, v, dims);
	Datum	   *elems;
	bool	   *enulls;
	int			nelems;
	uint32		idx[MAXDIM + 1];
	int			k = 0;
	zf_error	err;

	if (wc->odo >= 0)
		dims[0] = (int) e->odo[wc->odo].count;
	deconstruct_array(a, col->typid, col->elmlen, col->elmbyval, col->elmalign,
					  &elems, &enulls, &nelems);
	if (nelems == 0)
		return;
	memset(idx, 0, sizeof(idx));
	zf_error_clear(&err);
	for (;;)
	{
		uint32		off,
					len;

		if (!zfdw_locate(e->t, ref, col->field, idx, col->ndims, &off, &len, &err))
			value_error(&err);
		if (enulls[k])
			write_null(wc, e->rec + off, len);
		else
			write_value(wc, elems[k], e->rec + off, len);
		k++;
		{
			int			d = col->ndims - 1;

			while (d >= 0 && ++idx[d] >= (uint32) dims[d])
				idx[d--] = 0;
			if (d < 0)
				break;
		}
	}
}

void
zfdw_encode_row(ZfRowEncoder *e, Datum *values, bool *nulls, uint64 row,
				const uint8 **rec, uint32 *len)
{
	ZfTable    *t = e->t;
	ZfRecordRef ref;
	MemoryContext old;
	zf_error	err;

	e->row = row;
	e->cur = -1;
	e->errcb.callback = encode_error_context;
	e->errcb.arg = e;
	e->errcb.previous = error_context_stack;
	error_context_stack = &e->errcb;
	MemoryContextReset(e->rowcxt);
	old = MemoryContextSwitchTo(e->rowcxt);

	memcpy(e->rec, e->tmpl, e->buflen);
	memset(&ref, 0, sizeof(ref));
	ref.data = e->rec;
	ref.length = e->buflen;
	if (t->any_variable)
	{
		uint32		idx[MAXDIM + 1];

		set_counters(e, values, nulls);
		zf_cursor_bind(e->cursor, e->rec, e->buflen);
		ref.cursor = e->cursor;
		if (t->opts.fill != ZF_FILL_BYTE)
			fill_field(e, &ref, e->rec, t->rd->root, idx, 0, true);
	}
	for (int i = 0; i < e->nwc; i++)
	{
		ZfWriteColumn *wc = &e->wc[i];
		uint32		off,
					flen;

		if (wc->conv == WC_SKIP)
			continue;
		e->cur = i;
		if (wc->conv == WC_META)
		{
			if (!nulls[i])
				ereport(ERROR,
						(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
						 errmsg("meta column \"%s\" cannot be written", wc->col->attname),
						 errhint("Leave it out of the INSERT, or give NULL.")));
			continue;
		}
		if (wc->is_counter && t->any_variable)
			continue;			/* set_counters wrote it */
		if (wc->col->ndims > 0)
		{
			if (nulls[i])
				ereport(ERROR,
						(errcode(ERRCODE_NOT_NULL_VIOLATION),
						 errmsg("null array in column \"%s\" cannot be written", wc->col->attname),
						 errhint("Give an array; its elements may be NULL where the field has a null_if.")));
			write_array(e, wc, &ref, values[i]);
			continue;
		}
		if (!t->any_variable)
		{
			/* a static record is as long as its layout: no check needed */
			off = wc->col->f->offset;
			flen = wc->col->f->length;
		}
		else
		{
			zf_error_clear(&err);
			if (!zfdw_locate(t, &ref, wc->col->field, NULL, 0, &off, &flen, &err))
				value_error(&err);
		}
		if (nulls[i])
			write_null(wc, e->rec + off, flen);
		else
			write_value(wc, values[i], e->rec + off, flen);
	}
	e->cur = -1;
	*rec = e->rec;
	if (t->opts.recfm == ZF_RECFM_FB)
		*len = t->lrecl;
	else if (t->any_variable)
	{
		zf_error_clear(&err);
		if (zf_cursor_record_length(e->cursor, len, &err) != ZF_OK)
			value_error(&err);
	}
	else
		*len = t->rd->max_length;
	MemoryContextSwitchTo(old);
	error_context_stack = e->errcb.previous;
}
