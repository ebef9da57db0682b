/*-------------------------------------------------------------------------
 *
 * convert_json.c
 *	  Build the jsonb of a group or an OCCURS table: an object per group
 *	  (FILLERs left out), an array per table, a JSON value per elementary
 *	  field.
 *
 * The JSON text is built in the scan's decode buffer, and
 * zfdw_decode_column (convert.c) makes the jsonb of it.  Numbers keep all
 * their digits; a value that cannot be decoded is a data error of its
 * field, as in any other column.
 *
 *-------------------------------------------------------------------------
 */
#include "zfdw.h"

#include <math.h>

#include "common/shortest_dec.h"
#include "miscadmin.h"
#include "utils/array.h"
#include "utils/json.h"

#include "decode/decfloat.h"

#include "convert/convert_int.h"

/*
 * Append the JSON value of one elementary field occurrence, read by r (the
 * field with the column's code page and options).
 */
static bool
json_leaf(const zf_field_reader *r, const uint8 *p, uint32 len,
		  ZfDecodeBuf *buf, zf_error *err)
{
	StringInfo	out = &buf->json;
	const zf_field *f = r->f;

	switch (f->kind)
	{
		case ZF_KIND_ZONED:
		case ZF_KIND_PACKED:
		case ZF_KIND_BINARY:
		case ZF_KIND_EDITED:
			{
				zf_int128	v;
				char		s[ZF_DECIMAL_STRLEN];

				if (zf_field_read_number(r, p, len, &v, err) != ZF_OK)
					return false;
				zf_decimal_to_string(v, f->scale, s);
				appendStringInfoString(out, s);
				return true;
			}
		case ZF_KIND_FLOAT:
			{
				double		d;
				char		s[DOUBLE_SHORTEST_DECIMAL_LEN];

				if (zf_field_read_double(r, p, len, false, &d, err) != ZF_OK)
					return false;
				if (isnan(d) || isinf(d))
				{
					appendStringInfoString(out, "null");
					return true;
				}
				double_to_shortest_decimal_buf(d, s);
				appendStringInfoString(out, s);
				return true;
			}
		case ZF_KIND_BYTES:
			{
				appendStringInfoString(out, "\"\\\\x");
				for (uint32 i = 0; i < len; i++)
					appendStringInfo(out, "%02x", p[i]);
				appendStringInfoChar(out, '"');
				return true;
			}
		case ZF_KIND_DECFLOAT:
			{
				char		s[ZF_DECFLOAT_STRLEN];
				zf_decfloat_class cls;

				if (zf_decfloat_to_string(p, len, s, sizeof(s), &cls, err) != ZF_OK)
					return false;
				if (cls == ZF_DECFLOAT_FINITE)
					appendStringInfoString(out, s);
				else
					escape_json(out, s);
				return true;
			}
		default:
			{
				const char *s;
				size_t		n;
				char	   *z;

				if (!zfdw_decode_chars(r, p, len, buf, &s, &n, err))
					return false;
				z = pnstrdup(s, n);
				escape_json(out, z);
				pfree(z);
				return true;
			}
	}
}

/*
 * Append a FILLER's bytes as a JSON string in bytea's hex form
 * ("\\x0102..."), or an array of them for a FILLER under its own OCCURS:
 * bytes a FILLER holds are kept exactly, whatever they are.
 */
static bool
json_filler(ZfTable *t, const ZfRecordRef *rec, int32 fi, uint32 *idx,
			int depth, ZfDecodeBuf *buf, zf_error *err)
{
	int			ndims = zf_field_dimensions(t->layout, fi);
	uint32		off,
				len;
	StringInfoData hex;

	if (ndims > depth)
	{
		uint32		count;

		if (!t->any_variable)
			count = t->layout->fields[fi].occurs_max;
		else if (zf_cursor_count(rec->cursor, fi, idx, &count, err) != ZF_OK)
			return false;
		appendStringInfoChar(&buf->json, '[');
		for (uint32 i = 0; i < count; i++)
		{
			if (i > 0)
				appendStringInfoChar(&buf->json, ',');
			idx[depth] = i;
			if (!json_filler(t, rec, fi, idx, depth + 1, buf, err))
				return false;
		}
		idx[depth] = 0;
		appendStringInfoChar(&buf->json, ']');
		return true;
	}
	if (!zfdw_locate(t, rec, fi, idx, ndims, &off, &len, err))
		return false;
	initStringInfo(&hex);
	appendStringInfoString(&hex, "\\x");
	for (uint32 i = 0; i < len; i++)
		appendStringInfo(&hex, "%02x", rec->data[off + i]);
	escape_json(&buf->json, hex.data);
	pfree(hex.data);
	return true;
}

/*
 * Append the JSON of field fi at idx: an object for a group (FILLERs
 * left out unless json_fillers), an array for an OCCURS level not yet indexed, a value for an
 * elementary item.  depth counts the indexes already fixed in idx.
 */
bool
zfdw_json_field(ZfTable *t, ZfColumn *col, const ZfRecordRef *rec, int32 fi,
				uint32 *idx, int depth, ZfDecodeBuf *buf, zf_error *err,
				uint32 *eoff, uint32 *elen)
{
	const zf_field *f = &t->layout->fields[fi];
	int			ndims = zf_field_dimensions(t->layout, fi);
	uint32		off,
				len;
	zf_field_reader leaf;

	check_stack_depth();
	if (ndims > depth)
	{
		/* the field itself is a table: an array of its occurrences */
		uint32		count;
		int32		tables[MAXDIM + 1];

		if (ndims > MAXDIM)
		{
			/* the hint names zfdw.max_occurs, as it always has */
			zf_error_set(err, ZF_E_LIMIT, "too many OCCURS levels");
			zf_error_limit(err, ZF_LIMIT_OCCURS);
			return false;
		}
		zf_field_tables(t->layout, fi, tables, MAXDIM + 1);
		if (!t->any_variable)
			count = f->occurs_max;
		else if (zf_cursor_count(rec->cursor, fi, idx, &count, err) != ZF_OK)
			return false;
		appendStringInfoChar(&buf->json, '[');
		for (uint32 i = 0; i < count; i++)
		{
			if (i > 0)
				appendStringInfoChar(&buf->json, ',');
			idx[depth] = i;
			if (!zfdw_json_field(t, col, rec, fi, idx, depth + 1, buf, err, eoff, elen))
				return false;
		}
		idx[depth] = 0;
		appendStringInfoChar(&buf->json, ']');
		return true;
	}

	if (!zfdw_locate(t, rec, fi, idx, ndims, &off, &len, err))
		return false;
	if (f->kind == ZF_KIND_GROUP)
	{
		bool		first = true;
		int			nfiller = 0;

		appendStringInfoChar(&buf->json, '{');
		for (int32 c = f->first_child; c >= 0; c = t->layout->fields[c].next_sibling)
		{
			const zf_field *cf = &t->layout->fields[c];

			if (cf->level == 66 || cf->level == 88 ||
				(cf->is_filler && !t->opts.json_fillers))
				continue;
			if (!first)
				appendStringInfoChar(&buf->json, ',');
			first = false;
			if (cf->is_filler)
			{
				/* json_fillers: "filler_1", ... with the raw bytes */
				char		key[32];

				snprintf(key, sizeof(key), "filler_%d", ++nfiller);
				escape_json(&buf->json, key);
				appendStringInfoChar(&buf->json, ':');
				if (!json_filler(t, rec, c, idx, depth, buf, err))
					return false;
				continue;
			}
			escape_json(&buf->json, cf->sql_name);
			appendStringInfoChar(&buf->json, ':');
			if (!zfdw_json_field(t, col, rec, c, idx, depth, buf, err, eoff, elen))
				return false;
		}
		appendStringInfoChar(&buf->json, '}');
		return true;
	}
	/* the column's options, but its null_if is about the whole group */
	zf_field_reader_like(&leaf, &col->reader, f);
	switch (zf_field_is_null(&leaf, rec->data, rec->length, off, len, err))
	{
		case 1:
			appendStringInfoString(&buf->json, "null");
			return true;
		case -1:
			return false;
	}
	if (!json_leaf(&leaf, rec->data + off, len, buf, err))
	{
		*eoff = off;
		*elen = len;
		return false;
	}
	return true;
}
