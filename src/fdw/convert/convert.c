/*-------------------------------------------------------------------------
 *
 * convert.c
 *	  Build the Datum of one column from the bytes of one record: the
 *	  per-record dispatch.
 *
 * This is the per-record, per-column path.  It allocates nothing but the
 * Datum itself (in the per-tuple memory context); code-page output goes to
 * a buffer sized once per scan.  Data errors are returned as values (false
 * plus a zf_error) so that the caller can apply on_error; only problems
 * that are not about the data ereport here.
 *
 * Values are never rounded or truncated silently: a decimal that needs
 * rounding to fit numeric(p,s), a string longer than varchar(n), a
 * fraction of a second beyond the column's precision are data errors.
 *
 * This file owns the decode buffer, finding a field's bytes in the record
 * (at a static offset or through the cursor), each column's core reader
 * (which decodes the bytes and says when they mean NULL: value/value.h),
 * meta columns, OCCURS tables as arrays, and the dispatch on the column's
 * conversion.  The Datums are built by convert_number.c (numbers),
 * convert_text.c (character data, dates and times) and convert_json.c
 * (groups as jsonb).
 *
 *-------------------------------------------------------------------------
 */
#include "zfdw.h"

#include "archive/archive.h"

#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/memutils.h"

#include "convert/convert_int.h"

/* Prepare the per-scan scratch space. */
void
zfdw_decode_buf_init(ZfDecodeBuf *buf, uint32 max_record)
{
	/*
	 * zfdw_text_space grows it for longer fields: records with LOBs are
	 * large
	 */
	buf->textcap = (size_t) Min(max_record, 256 * 1024) * 3 + 64;
	buf->text = palloc(buf->textcap);
	initStringInfo(&buf->json);
}

/* Make sure the text buffer holds n bytes (rare: a field longer than expected). */
char *
zfdw_text_space(ZfDecodeBuf *buf, size_t n)
{
	if (n > buf->textcap)
	{
		buf->text = repalloc(buf->text, n);
		buf->textcap = n;
	}
	return buf->text;
}

/* Locate field fi at indexes idx in the record (static or via the cursor). */
bool
zfdw_locate(ZfTable *t, const ZfRecordRef *rec, int32 fi, const uint32 *idx,
			int ndims, uint32 *off, uint32 *len, zf_error *err)
{
	if (!t->any_variable)
	{
		const zf_field *f = &t->layout->fields[fi];
		uint64		o = f->offset;

		if (ndims > 0)
		{
			int32		tables[8];
			int			n = zf_field_tables(t->layout, fi, tables, 8);

			for (int i = 0; i < n && i < ndims; i++)
				o += (uint64) idx[i] * t->layout->fields[tables[i]].length;
		}
		*off = (uint32) o;
		*len = f->length;
		if (o + f->length > rec->length)
		{
			zf_error_set(err, ZF_E_BAD_DATA, "record is %u bytes, field %s needs bytes %llu to %llu",
						 rec->length, f->name[0] ? f->name : "FILLER",
						 (unsigned long long) o + 1, (unsigned long long) o + f->length);
			zf_error_hint(err, "Check lrecl and the copybook against the file; zfdw.inspect_file() shows the record lengths it finds.");
			return false;
		}
		return true;
	}
	return zf_cursor_locate(rec->cursor, fi, idx, off, len, err) == ZF_OK;
}

/*
 * Prepare a bound column's decoding once per scan: core's reader of its
 * field with the column's code page, trim, null_if and the table's
 * number formats, then the fast path.
 */
void
zfdw_prepare_decode(ZfTable *t, ZfColumn *col)
{
	zf_field_reader *r = &col->reader;

	if (col->f != NULL)
	{
		zf_field_reader_init(r, col->f, col->cp);
		r->float_format = t->opts.float_format;
		r->decimal_point = t->opts.decimal_point;
		r->trim = col->trim;
		r->trim_low_values = col->trim_low_values;
		r->null_if = col->null_if;
		if (col->null_if_bytes != NULL)
		{
			r->null_bytes = (const uint8 *) VARDATA_ANY(col->null_if_bytes);
			r->null_len = VARSIZE_ANY_EXHDR(col->null_if_bytes);
		}
	}
	zfdw_fast_prepare(t, col);
}

/* Decode one occurrence of the column's field at off/len. */
static bool
decode_scalar(ZfTable *t, ZfColumn *col, const ZfRecordRef *rec,
			  uint32 off, uint32 len, ZfDecodeBuf *buf, Datum *value,
			  zf_error *err)
{
	const zf_field *f = col->f;
	const uint8 *p = rec->data + off;

	switch (col->conv)
	{
		case ZF_CONV_NUMBER:
			{
				zf_int128	v;

				if (zf_field_read_number(&col->reader, p, len, &v, err) != ZF_OK)
					return false;
				if (col->has_date_picture)
				{
					zf_datetime dt;

					memset(&dt, 0, sizeof(dt));
					if (f->scale != 0 || v < PG_INT64_MIN || v > PG_INT64_MAX)
						return zf_error_set(err, ZF_E_BAD_DATA, "a date picture needs a whole number") == ZF_OK;
					if (zf_date_from_number((int64) v, &col->date_picture, &dt, err) != ZF_OK)
						return false;
					return zfdw_datetime_datum(col, &dt, value, err);
				}
				return zfdw_number_datum(col, v, f->scale, value, err);
			}

		case ZF_CONV_FLOAT:
			return zfdw_decode_float(col, p, len, value, err);

		case ZF_CONV_TEXT:
		case ZF_CONV_DATETIME:
			{
				const char *s;
				size_t		n;

				if (!zfdw_decode_chars(&col->reader, p, len, buf, &s, &n, err))
					return false;
				if (col->conv == ZF_CONV_DATETIME && col->target == ZF_TARGET_TEXT)
					zf_utf8_trim(ZF_TRIM_BOTH, false, &s, &n);
				return zfdw_text_to_datum(t, col, f, s, n, value, err);
			}

		case ZF_CONV_BYTES:
			{
				bytea	   *b;

				if (f->length_prefix > 0 && zf_field_varying(f, p, len, &p, &len, err) != ZF_OK)
					return false;
				b = (bytea *) palloc(VARHDRSZ + len);
				SET_VARSIZE(b, VARHDRSZ + len);
				memcpy(VARDATA(b), p, len);
				*value = PointerGetDatum(b);
				return true;
			}

		case ZF_CONV_DECFLOAT:
			return zfdw_decode_decfloat(col, p, len, value, err);

		case ZF_CONV_TOD:
			return zfdw_decode_tod(col, p, len, value, err);

		case ZF_CONV_GROUP_TEXT:
			{
				/* a group's bytes are text in the column's page, trimmed */
				const char *s;
				size_t		n;

				if (!zfdw_decode_chars(&col->reader, p, len, buf, &s, &n, err))
					return false;
				return zfdw_text_to_datum(t, col, f, s, n, value, err);
			}

		default:
			elog(ERROR, "zfdw: unexpected conversion %d", (int) col->conv);
			return false;
	}
}

/* Decode a meta column. */
static Datum
meta_datum(ZfTable *t, ZfColumn *col, const ZfRecordRef *rec, bool *isnull)
{
	zf_error	err;
	Datum		d;

	*isnull = false;
	switch (col->meta)
	{
		case ZF_META_RECORD_NUMBER:
		case ZF_META_BYTE_OFFSET:
		case ZF_META_RECORD_LENGTH:
			{
				uint64		v = col->meta == ZF_META_RECORD_NUMBER ? rec->number :
					col->meta == ZF_META_BYTE_OFFSET ? rec->offset : rec->length;

				zf_error_clear(&err);
				if (!zfdw_number_datum(col, (zf_int128) v, 0, &d, &err))
					zfdw_report(ERROR, &err, col->attname);
				return d;
			}
		case ZF_META_SHARE:
			/* constant: a table reads one share (0 without share options) */
			zf_error_clear(&err);
			if (!zfdw_number_datum(col, (zf_int128) t->opts.share_index, 0, &d, &err))
				zfdw_report(ERROR, &err, col->attname);
			return d;
		case ZF_META_FILE_NAME:
			return PointerGetDatum(cstring_to_text(rec->filename ? rec->filename : ""));
		case ZF_META_MEMBER_NAME:
			{
				const char *m = rec->bytes ? zf_archive_member_at(rec->bytes, rec->offset) : NULL;

				if (m == NULL)
				{
					*isnull = true;
					return (Datum) 0;
				}
				return PointerGetDatum(cstring_to_text(m));
			}
		case ZF_META_RAW_RECORD:
			{
				bytea	   *b = (bytea *) palloc(VARHDRSZ + rec->length);

				SET_VARSIZE(b, VARHDRSZ + rec->length);
				memcpy(VARDATA(b), rec->data, rec->length);
				return PointerGetDatum(b);
			}
		case ZF_META_SEGMENT:
			if (t->opts.segment_value)
				return PointerGetDatum(cstring_to_text(t->opts.segment_value));
			return PointerGetDatum(cstring_to_text(t->rd->name ? t->rd->name : ""));
		default:
			*isnull = true;
			return (Datum) 0;
	}
}

/*
 * Decode the column's field as an array (OCCURS): one element per
 * occurrence, one dimension per OCCURS level.  Tables whose inner counts
 * differ between outer elements cannot be a PostgreSQL array.
 */
static bool
decode_array(ZfTable *t, ZfColumn *col, const ZfRecordRef *rec,
			 ZfDecodeBuf *buf, Datum *value, zf_error *err, uint32 *eoff,
			 uint32 *elen)
{
	int			ndims = col->ndims;
	int			dims[MAXDIM];
	int			lbs[MAXDIM];
	uint32		idx[MAXDIM];
	uint64		total = 1;
	Datum	   *elems;
	bool	   *nulls;
	uint64		k = 0;

	/* counts per level; every outer element must agree (rectangular) */
	memset(idx, 0, sizeof(idx));
	for (int d = 0; d < ndims; d++)
	{
		uint32		count;
		const zf_field *tf = &t->layout->fields[col->tables[d]];

		if (!t->any_variable)
			count = tf->occurs_max;
		else if (zf_cursor_count(rec->cursor, col->tables[d], idx, &count, err) != ZF_OK)
			return false;
		dims[d] = (int) count;
		lbs[d] = 1;
		total *= count;
	}
	if (total > (uint64) zfdw_max_occurs * 16 || total > MaxAllocSize / sizeof(Datum))
	{
		zf_error_set(err, ZF_E_LIMIT, "table of %llu elements is too large for an array",
					 (unsigned long long) total);
		zf_error_limit(err, ZF_LIMIT_OCCURS);
		return false;
	}
	if (total == 0)
	{
		*value = PointerGetDatum(construct_empty_array(col->typid));
		return true;
	}
	elems = palloc(sizeof(Datum) * total);
	nulls = palloc(sizeof(bool) * total);
	memset(idx, 0, sizeof(idx));
	for (;;)
	{
		uint32		off,
					len;
		int			nullness;

		if (t->any_variable && ndims > 1)
		{
			/* inner counts must match the first element's */
			for (int d = 1; d < ndims; d++)
			{
				uint32		count;

				if (zf_cursor_count(rec->cursor, col->tables[d], idx, &count, err) != ZF_OK)
					return false;
				if ((int) count != dims[d])
				{
					zf_error_set(err, ZF_E_UNSUPPORTED,
								 "table %s has %u occurrences in one element and %d in another: not an array",
								 t->layout->fields[col->tables[d]].name, count, dims[d]);
					zf_error_hint(err, "A PostgreSQL array is rectangular: read the group %s as a jsonb column, "
								  "whose arrays keep each element's own count (with json_fillers 'true' its FILLER bytes too).",
								  t->layout->fields[col->tables[0]].name);
					return false;
				}
			}
		}
		if (!zfdw_locate(t, rec, col->field, idx, ndims, &off, &len, err))
			return false;
		nullness = zf_field_is_null(&col->reader, rec->data, rec->length, off, len, err);
		if (nullness < 0)
			return false;
		if (nullness)
		{
			nulls[k] = true;
			elems[k] = (Datum) 0;
		}
		else
		{
			nulls[k] = false;
			if (!decode_scalar(t, col, rec, off, len, buf, &elems[k], err))
			{
				*eoff = off;
				*elen = len;
				return false;
			}
		}
		k++;
		/* next index, innermost first */
		{
			int			d = ndims - 1;

			while (d >= 0 && ++idx[d] >= (uint32) dims[d])
				idx[d--] = 0;
			if (d < 0)
				break;
		}
	}
	*value = PointerGetDatum(construct_md_array(elems, nulls, ndims, dims, lbs, col->typid,
												col->elmlen, col->elmbyval, col->elmalign));
	return true;
}

/*
 * Decode one column of a record.  Returns false with err set (and the
 * field's place in eoff and elen) on a data error.
 */
bool
zfdw_decode_column(ZfTable *t, ZfColumn *col, const ZfRecordRef *rec,
				   ZfDecodeBuf *buf, Datum *value, bool *isnull,
				   zf_error *err, uint32 *eoff, uint32 *elen)
{
	uint32		off = 0,
				len = 0;

	*isnull = false;
	*eoff = 0;
	*elen = 0;
	if (col->conv == ZF_CONV_META)
	{
		*value = meta_datum(t, col, rec, isnull);
		return true;
	}
	if (t->delim)
		return zfdw_delim_decode_column(t, col, rec, buf, value, isnull, err, eoff, elen);
	if (col->conv == ZF_CONV_GROUP_JSONB)
	{
		uint32		idx[MAXDIM];

		memset(idx, 0, sizeof(idx));
		resetStringInfo(&buf->json);
		if (!zfdw_json_field(t, col, rec, col->field, idx, 0, buf, err, eoff, elen))
			return false;
		*value = DirectFunctionCall1(jsonb_in, CStringGetDatum(buf->json.data));
		return true;
	}
	if (col->ndims > 0)
		return decode_array(t, col, rec, buf, value, err, eoff, elen);

	if (!zfdw_locate(t, rec, col->field, NULL, 0, &off, &len, err))
		return false;
	*eoff = off;
	*elen = len;
	switch (zf_field_is_null(&col->reader, rec->data, rec->length, off, len, err))
	{
		case 1:
			*isnull = true;
			return true;
		case -1:
			return false;
	}
	return decode_scalar(t, col, rec, off, len, buf, value, err);
}
