/*-------------------------------------------------------------------------
 *
 * fuzz_layout.h
 *	  Checks shared by the targets whose parsers build a zf_layout (the
 *	  copybook and the punch): the layout's static consistency, the
 *	  queries on each field, and the cursor's resolution and decoding of
 *	  every field over fuzzer-chosen record bytes.
 *
 * Invariants: links are consistent (parents before children, children and
 * siblings pointing back); records and fields respect the limits; every
 * named field is found again by its own path (or reported ambiguous); the
 * cursor puts every field inside the bound record, children inside their
 * parents, a static field where its static offset says, and table counts
 * within their OCCURS bounds; every leaf decodes or fails cleanly with the
 * decoder its kind calls for.
 *
 *-------------------------------------------------------------------------
 */
#ifndef ZF_FUZZ_LAYOUT_H
#define ZF_FUZZ_LAYOUT_H

#include "fuzz_common.h"

#include "text/codepage.h"
#include "cobol/copybook.h"
#include "decode/datetime.h"
#include "decode/decfloat.h"
#include "decode/decimal.h"
#include "decode/floats.h"
#include "layout/layout.h"

#define MAX_DIMS	64			/* deeper OCCURS nests are not resolved here */

static const zf_codepage *fl_cp037,
		   *fl_cp930;

/* Decode a leaf field's bytes with the decoder its kind calls for. */
static void
fl_decode_leaf(const zf_recdef *rd, const zf_field *f, const uint8_t *p,
			   uint32_t len, zf_charset cs)
{
	size_t		cap = (size_t) len * 3 + 16;
	char	   *text = malloc(cap);
	zf_error	err;
	zf_status	st = ZF_OK;
	zf_int128	v;
	double		d;
	size_t		outlen;
	zf_datetime dt;
	zf_decfloat_class cls;

	if (fl_cp037 == NULL)
	{
		fl_cp037 = zf_codepage_lookup("cp037", NULL);
		fl_cp930 = zf_codepage_lookup("cp930", NULL);
	}
	zf_error_clear(&err);
	switch (f->kind)
	{
		case ZF_KIND_ZONED:
			st = zf_zoned_decode(p, len, f->sign, cs, &v, &err);
			break;
		case ZF_KIND_PACKED:
			st = zf_packed_decode(p, len, f->is_signed, &v, &err);
			break;
		case ZF_KIND_BINARY:
			st = zf_binary_decode(p, len, f->is_signed, true, &v, &err);
			break;
		case ZF_KIND_FLOAT:
			if (rd->float_format == ZF_FLOAT_IEEE)
				st = zf_ieee_to_double(p, len, true, &d, &err);
			else
				st = zf_hfp_to_double(p, len, &d, &err);
			break;
		case ZF_KIND_ALNUM:
		case ZF_KIND_VARCHAR:
		case ZF_KIND_LOB:
		case ZF_KIND_LOB_FILE:
			{
				uint32_t	skip = f->length_prefix <= len ? f->length_prefix : len;

				st = zf_codepage_decode(fl_cp037, p + skip, len - skip, text, cap,
										&outlen, &err);
				break;
			}
		case ZF_KIND_NATIONAL:
			st = zf_utf16be_decode(p, len, text, cap, &outlen, &err);
			break;
		case ZF_KIND_DBCS:
		case ZF_KIND_VARGRAPHIC:
			if (fl_cp930)
			{
				uint32_t	skip = f->length_prefix <= len ? f->length_prefix : len;

				st = zf_codepage_decode_dbcs(fl_cp930, p + skip, len - skip, text,
											 cap, &outlen, &err);
			}
			break;
		case ZF_KIND_EDITED:
			st = zf_codepage_decode(fl_cp037, p, len, text, cap, &outlen, &err);
			if (st == ZF_OK && f->picture != NULL)
			{
				zf_error_clear(&err);
				st = zf_edited_decode(text, outlen, f->picture, f->scale, '.',
									  f->blank_when_zero, &v, &err);
			}
			break;
		case ZF_KIND_DATE:
		case ZF_KIND_TIME:
		case ZF_KIND_TIMESTAMP:
		case ZF_KIND_TIMESTAMP_TZ:
			st = zf_codepage_decode(fl_cp037, p, len, text, cap, &outlen, &err);
			if (st == ZF_OK)
			{
				zf_error_clear(&err);
				if (f->kind == ZF_KIND_DATE)
					st = zf_parse_db2_date(text, outlen, ZF_DATESTYLE_ANY, &dt, &err);
				else if (f->kind == ZF_KIND_TIME)
					st = zf_parse_db2_time(text, outlen, ZF_DATESTYLE_ANY, &dt, &err);
				else
					st = zf_parse_db2_timestamp(text, outlen, &dt, &err);
			}
			break;
		case ZF_KIND_DECFLOAT:
			{
				char		s[ZF_DECFLOAT_STRLEN];

				st = zf_decfloat_to_string(p, len, s, sizeof(s), &cls, &err);
				break;
			}
		default:
			break;
	}
	fuzz_check_error(st, &err, "leaf decode");
	free(text);
}

/* Static checks of a finished layout. */
static void
fl_check_layout(const zf_layout *L, const zf_limits *lim)
{
	FUZZ_CHECK(L->nrecords >= 1 && L->nfields >= 1, "layout of %d records, %d fields",
			   L->nrecords, L->nfields);
	FUZZ_CHECK((uint32_t) L->nfields <= lim->max_fields,
			   "%d fields above the limit", L->nfields);
	for (int32_t i = 0; i < L->nfields; i++)
	{
		const zf_field *f = &L->fields[i];

		FUZZ_CHECK(f->parent < i && f->parent >= ZF_NO_FIELD, "field %d has parent %d",
				   i, f->parent);
		FUZZ_CHECK(f->first_child == ZF_NO_FIELD ||
				   (f->first_child > i && f->first_child < L->nfields &&
					L->fields[f->first_child].parent == i),
				   "field %d: bad first child", i);
		FUZZ_CHECK(f->next_sibling == ZF_NO_FIELD ||
				   (f->next_sibling > i && f->next_sibling < L->nfields &&
					L->fields[f->next_sibling].parent == f->parent),
				   "field %d: bad sibling", i);
		FUZZ_CHECK(f->name != NULL && f->sql_name != NULL, "field %d without a name", i);
		FUZZ_CHECK(f->occurs_max == 0 || f->occurs_min <= f->occurs_max,
				   "field %d: OCCURS %u TO %u", i, f->occurs_min, f->occurs_max);
		FUZZ_CHECK(f->occurs_max <= lim->max_occurs, "field %d: OCCURS %u",
				   i, f->occurs_max);
		FUZZ_CHECK((uint32_t) f->depth <= lim->max_depth, "field %d: depth %d",
				   i, f->depth);
		FUZZ_CHECK(f->depending_on < L->nfields && f->redefines < i,
				   "field %d: bad DEPENDING ON or REDEFINES", i);
		if (f->kind == ZF_KIND_PACKED && f->level != 66)
			FUZZ_CHECK(f->length == zf_packed_length(f->digits),
					   "field %s: packed of %u digits in %u bytes", f->name,
					   f->digits, f->length);
		if (f->picture != NULL)
		{
			zf_picture	pic;
			zf_error	err;
			zf_status	st;

			zf_error_clear(&err);
			st = zf_picture_parse(f->picture, strlen(f->picture), &pic, &err);
			fuzz_check_error(st, &err, "picture_parse of a parsed picture");
			FUZZ_CHECK(st == ZF_OK, "field %s: its picture %s does not parse: %s",
					   f->name, f->picture, err.message);
		}
	}
	for (int32_t r = 0; r < L->nrecords; r++)
	{
		const zf_recdef *rd = &L->records[r];

		FUZZ_CHECK(rd->root >= 0 && rd->root < L->nfields &&
				   L->fields[rd->root].parent == ZF_NO_FIELD,
				   "record %d: bad root", r);
		FUZZ_CHECK(rd->min_length <= rd->max_length, "record %d: min %u above max %u",
				   r, rd->min_length, rd->max_length);
		FUZZ_CHECK(rd->max_length <= lim->max_record_length,
				   "record %d: %u bytes above the limit", r, rd->max_length);
		FUZZ_CHECK(rd->name == NULL || zf_layout_record(L, rd->name) >= 0,
				   "record %d: its name is not found", r);
		FUZZ_CHECK(rd->nwhen >= 0 && (rd->nwhen == 0 || rd->when != NULL),
				   "record %d: WHEN conditions", r);
	}
}

/* Queries on one field. */
static void
fl_query_field(const zf_layout *L, int32_t rec, int32_t f)
{
	char		path[1024];
	char		type[256];
	int32_t		tables[MAX_DIMS];
	int32_t		found = -1;
	int			dims;
	zf_error	err;
	zf_status	st;

	memset(path, 0x7F, sizeof(path));
	zf_field_path(L, f, path, sizeof(path));
	FUZZ_CHECK(fuzz_strnlen(path, sizeof(path)) < sizeof(path), "path not terminated");
	zf_field_pg_type(L, f, type, sizeof(type));
	FUZZ_CHECK(fuzz_strnlen(type, sizeof(type)) < sizeof(type) && type[0] != '\0',
			   "pg type empty or not terminated");
	dims = zf_field_dimensions(L, f);
	FUZZ_CHECK(zf_field_tables(L, f, tables, MAX_DIMS) == dims, "dimensions differ");
	for (int k = 0; k < dims && k < MAX_DIMS; k++)
		FUZZ_CHECK(L->fields[tables[k]].occurs_max > 0, "a table that is not one");

	/* a named field is found again by its path, or is ambiguous */
	if (!L->fields[f].is_filler && path[0] != '\0' && strlen(path) < 900 &&
		f != L->records[rec].root)
	{
		zf_error_clear(&err);
		st = zf_layout_find(L, rec, path, &found, &err);
		fuzz_check_error(st, &err, "layout_find");
		FUZZ_CHECK(st == ZF_OK || st == ZF_E_ARG, "layout_find: %s", zf_status_name(st));
		FUZZ_CHECK(st != ZF_OK || found == f ||
				   strcmp(L->fields[found].sql_name, L->fields[f].sql_name) == 0,
				   "layout_find(\"%s\") found field %d, not %d", path, found, f);
	}
}

/*
 * Resolve every field of record definition rec in the record's bytes:
 * at index 0 of every table, and at the last actual occurrence.
 */
static void
fl_resolve_record(const zf_layout *L, int32_t rec, const uint8_t *data,
				  uint32_t len, zf_charset cs)
{
	const zf_recdef *rd = &L->records[rec];
	zf_cursor  *c;
	zf_error	err;
	zf_status	st;
	uint32_t	reclen = 0;

	zf_error_clear(&err);
	c = zf_cursor_create(L, rec, cs, &err);
	if (c == NULL)
	{
		fuzz_check_error(err.status, &err, "cursor_create");
		FUZZ_CHECK(err.status != ZF_OK, "cursor_create failed without an error");
		return;
	}
	zf_cursor_bind(c, data, len);
	zf_error_clear(&err);
	st = zf_cursor_record_length(c, &reclen, &err);
	fuzz_check_error(st, &err, "cursor_record_length");
	if (st == ZF_OK)
		FUZZ_CHECK(reclen >= rd->min_length && reclen <= rd->max_length,
				   "record length %u outside %u..%u", reclen, rd->min_length,
				   rd->max_length);
	(void) zf_recdef_matches(rd, data, len);

	for (int32_t f = rd->root; f < L->nfields; f++)
	{
		const zf_field *ff = &L->fields[f];
		int32_t		tables[MAX_DIMS];
		uint32_t	idx[MAX_DIMS];
		int			dims;
		int32_t		top;
		uint32_t	off = 0,
					flen = 0;

		/* fields of this record definition only: walk up to its root */
		for (top = f; L->fields[top].parent != ZF_NO_FIELD; top = L->fields[top].parent)
			;
		if (top != rd->root)
			continue;
		fl_query_field(L, rec, f);
		dims = zf_field_dimensions(L, f);
		if (dims > MAX_DIMS)
			continue;
		zf_field_tables(L, f, tables, MAX_DIMS);

		for (int pass = 0; pass < 2; pass++)
		{
			bool		usable = true;

			/* pass 0: every index 0; pass 1: the last actual occurrence */
			for (int k = 0; k < dims; k++)
			{
				uint32_t	count = 0;

				idx[k] = 0;
				if (pass == 1)
				{
					zf_error_clear(&err);
					st = zf_cursor_count(c, tables[k], k > 0 ? idx : NULL, &count, &err);
					fuzz_check_error(st, &err, "cursor_count");
					if (st != ZF_OK)
					{
						usable = false;
						break;
					}
					FUZZ_CHECK(count <= L->fields[tables[k]].occurs_max &&
							   (L->fields[tables[k]].depending_on >= 0 ?
								count >= L->fields[tables[k]].occurs_min :
								count == L->fields[tables[k]].occurs_max),
							   "table %s: count %u outside OCCURS %u TO %u",
							   L->fields[tables[k]].name, count,
							   L->fields[tables[k]].occurs_min,
							   L->fields[tables[k]].occurs_max);
					if (count == 0)
					{
						usable = false;
						break;
					}
					idx[k] = count - 1;
				}
			}
			if (!usable)
				continue;
			zf_error_clear(&err);
			st = zf_cursor_locate(c, f, dims ? idx : NULL, &off, &flen, &err);
			fuzz_check_error(st, &err, "cursor_locate");
			if (st != ZF_OK)
				continue;
			FUZZ_CHECK((uint64_t) off + flen <= len,
					   "field %s at %u+%u outside the %u-byte record", ff->name, off,
					   flen, len);
			if (rd->is_static && pass == 0 && dims == 0 && ff->level != 66)
				FUZZ_CHECK(off == ff->offset && flen == ff->length,
						   "static field %s at %u+%u, layout says %u+%u", ff->name,
						   off, flen, ff->offset, ff->length);
			/* a child lies inside its parent (same indices above it) */
			if (ff->parent != ZF_NO_FIELD && ff->level != 66 &&
				L->fields[ff->parent].level != 66 && !ff->fixed_offset)
			{
				int			pdims = zf_field_dimensions(L, ff->parent);
				uint32_t	poff,
							plen;

				zf_error_clear(&err);
				if (zf_cursor_locate(c, ff->parent, pdims ? idx : NULL, &poff, &plen,
									 &err) == ZF_OK)
					FUZZ_CHECK(off >= poff && (uint64_t) off + flen <= (uint64_t) poff + plen,
							   "field %s at %u+%u outside its parent %s at %u+%u",
							   ff->name, off, flen, L->fields[ff->parent].name,
							   poff, plen);
			}
			if (ff->first_child == ZF_NO_FIELD && ff->kind != ZF_KIND_GROUP)
				fl_decode_leaf(rd, ff, data + off, flen, cs);
		}
	}
	zf_cursor_free(c);
}

#endif							/* ZF_FUZZ_LAYOUT_H */
