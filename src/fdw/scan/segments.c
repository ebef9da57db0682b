/*-------------------------------------------------------------------------
 *
 * segments.c
 *	  The segment filter (options segment_field and segment_value) and the
 *	  key option of a foreign table.
 *
 * The segment value is encoded once per scan, so that every record's
 * segment field is compared as bytes; numeric segment fields are compared
 * by value.  The key option names the fields a KSDS export is sorted by.
 *
 *-------------------------------------------------------------------------
 */
#include "zfdw.h"

#include "utils/builtins.h"

#include "bind/binding_int.h"
#include "scan/scan.h"

/*
 * The encoded bytes of segment_value, for comparison with the segment
 * field of every record: text padded with the page's spaces.  Numeric
 * segment fields are compared by value instead (segment_bytes NULL).
 */
void
zfdw_bind_segment(ZfTable *t)
{
	zf_error	err;
	const zf_field *f;
	size_t		n;

	t->segment_field = -1;
	if (t->delim)
		return;					/* delimited_scan.c compares the field's text */
	if (t->opts.segment_field == NULL && t->opts.segment_value == NULL)
		return;
	if (t->opts.segment_field == NULL || t->opts.segment_value == NULL)
		ereport(ERROR,
				(errcode(ERRCODE_FDW_DYNAMIC_PARAMETER_VALUE_NEEDED),
				 errmsg("segment_field and segment_value go together")));
	zf_error_clear(&err);
	if (zf_layout_find(t->layout, t->recdef, t->opts.segment_field, &t->segment_field, &err) != ZF_OK)
		ereport(ERROR,
				(errcode(ERRCODE_FDW_COLUMN_NAME_NOT_FOUND),
				 errmsg("segment_field: %s", err.message),
				 err.detail[0] ? errdetail("%s", err.detail) : 0));
	f = &t->layout->fields[t->segment_field];
	if (zf_field_dimensions(t->layout, t->segment_field) > 0)
		ereport(ERROR,
				(errcode(ERRCODE_FDW_INVALID_ATTRIBUTE_VALUE),
				 errmsg("segment_field %s is inside an OCCURS table", f->name)));
	n = strlen(t->opts.segment_value);
	if (n >= 3 && (t->opts.segment_value[0] == 'x' || t->opts.segment_value[0] == 'X') &&
		t->opts.segment_value[1] == '\'' && t->opts.segment_value[n - 1] == '\'')
	{
		/* a hex literal: the field's exact bytes, whatever its type */
		size_t		hexlen = n - 3;

		if (hexlen != (size_t) f->length * 2 ||
			strspn(t->opts.segment_value + 2, "0123456789abcdefABCDEF") != hexlen)
			ereport(ERROR,
					(errcode(ERRCODE_FDW_INVALID_ATTRIBUTE_VALUE),
					 errmsg("segment_value %s must give the %u bytes of field %s in hex",
							t->opts.segment_value, f->length, f->name)));
		t->segment_bytes = palloc(f->length);
		hex_decode(t->opts.segment_value + 2, hexlen, (char *) t->segment_bytes);
		t->segment_len = f->length;
		return;
	}
	if (f->kind != ZF_KIND_ALNUM)
	{
		zf_int128	v;

		if (f->kind != ZF_KIND_ZONED && f->kind != ZF_KIND_PACKED && f->kind != ZF_KIND_BINARY)
			ereport(ERROR,
					(errcode(ERRCODE_FDW_INVALID_ATTRIBUTE_VALUE),
					 errmsg("segment_field %s must be a character or fixed-point field", f->name)));
		if (zf_decimal_from_string(t->opts.segment_value, strlen(t->opts.segment_value),
								   f->scale, &v, &err) != ZF_OK)
			ereport(ERROR,
					(errcode(ERRCODE_FDW_INVALID_ATTRIBUTE_VALUE),
					 errmsg("segment_value \"%s\" is not a number that field %s can hold",
							t->opts.segment_value, f->name),
					 errdetail("%s", err.message)));
		t->segment_number = v;
		return;
	}
	t->segment_bytes = palloc(f->length + 1);
	if (zf_codepage_encode(t->cp, t->opts.segment_value, n, t->segment_bytes,
						   f->length, &n, &err) != ZF_OK)
		ereport(ERROR,
				(errcode(ERRCODE_FDW_INVALID_ATTRIBUTE_VALUE),
				 errmsg("segment_value \"%s\" does not fit field %s (%u bytes) in code page %s",
						t->opts.segment_value, f->name, f->length, zf_codepage_name(t->cp)),
				 errdetail("%s", err.message)));
	memset(t->segment_bytes + n, zf_codepage_space(t->cp), f->length - n);
	t->segment_len = f->length;
}

/*
 * Compare a numeric segment field with segment_value by value: "1" matches
 * a PIC 9(2) holding 01, a COMP-3 holding +1, a binary 1.
 */
bool
zfdw_segment_number_matches(ZfTable *t, const uint8 *p, uint32 len)
{
	const zf_field *f = &t->layout->fields[t->segment_field];
	zf_int128	v;

	return zf_fixed_decode(f, t->cs, p, len, &v, NULL) == ZF_OK &&
		v == t->segment_number;
}

/* Resolve the key option: the fields a KSDS export is sorted by. */
void
zfdw_bind_keys(ZfTable *t)
{
	char	   *list;
	char	   *tok;
	char	   *save;

	t->nkeys = 0;
	if (t->opts.key == NULL)
		return;
	list = pstrdup(t->opts.key);
	for (tok = strtok_r(list, ", ", &save); tok; tok = strtok_r(NULL, ", ", &save))
	{
		zf_error	err;
		int32		fi;

		if (t->nkeys >= (int32) lengthof(t->key_fields))
			ereport(ERROR,
					(errcode(ERRCODE_FDW_INVALID_ATTRIBUTE_VALUE),
					 errmsg("key has more than %d fields", (int) lengthof(t->key_fields))));
		zf_error_clear(&err);
		if (zf_layout_find(t->layout, t->recdef, tok, &fi, &err) != ZF_OK)
			ereport(ERROR,
					(errcode(ERRCODE_FDW_COLUMN_NAME_NOT_FOUND),
					 errmsg("key: %s", err.message)));
		if (t->layout->fields[fi].kind == ZF_KIND_BINARY && t->layout->fields[fi].binary_little)
			ereport(ERROR,
					(errcode(ERRCODE_FDW_INVALID_ATTRIBUTE_VALUE),
					 errmsg("key field %s is a little-endian binary field, whose bytes do not sort as its values",
							t->layout->fields[fi].name)));
		t->key_fields[t->nkeys++] = fi;
	}
}
