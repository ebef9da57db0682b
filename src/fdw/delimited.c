/*-------------------------------------------------------------------------
 *
 * delimited.c
 *	  format 'delimited': foreign tables over delimited text in any code
 *	  page (DB2 UNLOAD ... DELIMITED, IIDR flat files, AWS DMS CSV, CSV).
 *
 * Records are cut by the ordinary record reader (text lines by default, or
 * RDW/fixed records), split into fields by src/core/delimited.c, and only
 * the fields the query uses are decoded: unquoted, translated from the
 * column's code page, then converted as any text field is (convert.c).
 *
 * Which field a column reads:
 *	 - with a punch (or copybook), the position of the column's field among
 *	   the record's fields, as DB2 writes them;
 *	 - otherwise the fields in column order, a column option field 'n'
 *	   naming a 1-based field number (the following columns go on from
 *	   there);
 *	 - with header true, the columns are matched by name with the first
 *	   record of each file when their names are found there, and by
 *	   position when none is; field 'name' always matches by name.
 *
 * When the number of fields per record is known (a header, a punch, or
 * columns in order without field options) a record with another number
 * is malformed, as is a record that does not split.  Malformed records
 * stop the scan, or are skipped (counted as rejected) under on_error null
 * and skip: there is no field to set to NULL.
 *
 * In text framing a line that ends inside a quoted value is joined with
 * the next one, the line end (LF, CR LF, or the EBCDIC NL) kept in the
 * value exactly as the file has it; the joined record takes the number
 * and offset of its first line.
 *
 *-------------------------------------------------------------------------
 */
#include "zfdw.h"

#include <float.h>
#include <math.h>

#include "commands/explain.h"
#include "foreign/foreign.h"
#include "commands/defrem.h"
#include "mb/pg_wchar.h"
#include "utils/builtins.h"
#include "utils/memutils.h"

#include "delimited.h"
#include "zfdw_scan.h"

#define INITIAL_FIELDS	64
#define NOMINAL_FIELD_BYTES 8	/* bytes per field, for row estimates */

/* How one column finds its field. */
typedef struct ZfDelimColumn
{
	bool		data;			/* a column that reads a field (not meta) */
	int32		fieldno;		/* 0-based field of the record, -1 unbound */
	int32		positional;		/* its field when columns go in order */
	bool		numbered;		/* field option gave a number */
	const char *match_name;		/* to find in the header, or NULL */
	bool		explicit_name;	/* match_name came from the field option */
	zf_field	field;			/* what conversions and messages see */
} ZfDelimColumn;

struct ZfDelimited
{
	MemoryContext cxt;			/* the scan's: buffers, header names */
	zf_delim_opts opts;
	const char *delimiter_text;
	const char *quote_text;
	uint8	   *null_bytes;		/* the null string in the page, or NULL:
								 * an empty unquoted field is NULL */
	size_t		null_len;
	bool		header;
	bool		trim_given;		/* a table or server trim option */
	bool		by_header;		/* some column is matched by header name */
	int32		expected;		/* fields per record, -1 unknown */
	bool		fixed_padding;	/* fb: trailing blanks pad the record */
	bool		join_lines;		/* text framing */
	uint8		terminator;
	bool		utf8;			/* a UTF-8 file may start with a BOM */
	bool		pending_eof;	/* a joined record used up the file */

	/* segment filter: records whose field holds these bytes */
	int32		segment_column; /* column index, or -1 */
	int32		segment_fieldno;	/* when given as a number */
	uint8	   *segment_bytes;
	size_t		segment_len;

	ZfDelimColumn *cols;		/* one per attribute */
	int			ncols;

	/* the current record */
	zf_delim_field *fields;
	uint32		maxfields;
	uint32		nfields;
	uint8	   *scratch;		/* unquoted values */
	size_t		scratchcap;
	uint8	   *join;			/* joined lines */
	size_t		joincap;
};

/* Free a core layout with the memory context that holds it. */
static void
free_layout(void *arg)
{
	zf_layout_free((zf_layout *) arg);
}

/*
 * The layout of a delimited table without copybook or punch: one
 * character field per column that is not meta, named after the column.
 * Their lengths are nominal (offsets mean nothing here); they only give
 * the planner a size per record.
 */
zf_layout *
zfdw_delim_layout(TupleDesc tupdesc, Oid relid)
{
	zf_error	err;
	zf_layout  *L;
	zf_field	f;
	int32		root;
	int			nfields = 0;
	zf_limits	lim;
	MemoryContextCallback *cb;

	zf_error_clear(&err);
	L = zf_layout_new(ZF_SOURCE_COLUMNS, &err);
	if (L == NULL)
		zfdw_report(ERROR, &err, "could not build the layout");
	cb = palloc(sizeof(MemoryContextCallback));
	cb->func = free_layout;
	cb->arg = L;
	MemoryContextRegisterResetCallback(CurrentMemoryContext, cb);

	memset(&f, 0, sizeof(f));
	f.name = "RECORD";
	f.kind = ZF_KIND_GROUP;
	f.level = 1;
	f.depending_on = f.redefines = f.renames_first = f.renames_last = -1;
	root = zf_layout_add(L, &f, ZF_NO_FIELD, ZF_NO_OFFSET, &err);
	if (root < 0)
		zfdw_report(ERROR, &err, "could not build the layout");
	for (int i = 0; i <= tupdesc->natts; i++)
	{
		Form_pg_attribute attr = i < tupdesc->natts ? TupleDescAttr(tupdesc, i) : NULL;
		ZfColumnOptions co;

		if (attr == NULL && nfields > 0)
			break;
		if (attr != NULL)
		{
			if (attr->attisdropped)
				continue;
			zfdw_get_column_options(relid, attr->attnum, &co);
			if (co.meta != ZF_META_NONE)
				continue;
		}
		memset(&f, 0, sizeof(f));
		f.name = attr ? NameStr(attr->attname) : "FILLER";
		f.is_filler = attr == NULL;
		f.kind = ZF_KIND_ALNUM;
		f.usage = "delimited";
		f.length = NOMINAL_FIELD_BYTES;
		f.depending_on = f.redefines = f.renames_first = f.renames_last = -1;
		if (zf_layout_add(L, &f, root, ZF_NO_OFFSET, &err) < 0)
			zfdw_report(ERROR, &err, "could not build the layout");
		nfields++;
	}
	zf_limits_default(&lim);
	lim.max_fields = (uint32) zfdw_max_fields;
	if (zf_layout_finish(L, &lim, &err) != ZF_OK)
		zfdw_report(ERROR, &err, "could not build the layout");
	return L;
}

/* True when the option is given in the list (table or server options). */
static bool
option_given(List *options, const char *name)
{
	ListCell   *lc;

	foreach(lc, options)
		if (strcmp(((DefElem *) lfirst(lc))->defname, name) == 0)
			return true;
	return false;
}

/* Complain about a delimited table's definition. */
static void
definition_error(ZfTable *t, const zf_error *err)
{
	ereport(ERROR,
			(errcode(ERRCODE_FDW_INVALID_ATTRIBUTE_VALUE),
			 errmsg("foreign table \"%s\": %s", t->relname, err->message),
			 err->detail[0] ? errdetail("%s", err->detail) : 0,
			 err->hint[0] ? errhint("%s", err->hint) : 0));
}

/*
 * Set up format 'delimited' for a table whose layout is loaded: framing
 * defaults, delimiters in the table's code page, the null string.
 * Called before the columns are bound.
 */
void
zfdw_delim_open(ZfTable *t, int natts)
{
	ZfDelimited *d = palloc0(sizeof(ZfDelimited));
	ZfTableOptions *o = &t->opts;
	ForeignTable *ft = GetForeignTable(t->relid);
	zf_error	err;

	d->cxt = CurrentMemoryContext;
	t->delim = d;
	t->any_variable = false;	/* positions come from the splitter */
	if (o->key)
		ereport(ERROR,
				(errcode(ERRCODE_FDW_INVALID_ATTRIBUTE_VALUE),
				 errmsg("foreign table \"%s\": the key option needs fixed-length records, not format 'delimited'",
						t->relname)));
	if (!o->recfm_given)
		o->recfm = ZF_RECFM_TEXT;
	if (o->recfm == ZF_RECFM_FB)
	{
		if (o->lrecl <= 0)
			ereport(ERROR,
					(errcode(ERRCODE_FDW_DYNAMIC_PARAMETER_VALUE_NEEDED),
					 errmsg("foreign table \"%s\" needs an lrecl option: delimited records in recfm 'fb' have no length of their own",
							t->relname)));
		d->fixed_padding = true;
	}
	d->join_lines = o->recfm == ZF_RECFM_TEXT;
	d->terminator = o->text_terminator ? o->text_terminator :
		(zf_codepage_is_ebcdic(t->cp) ? 0x15 : 0x0A);
	d->utf8 = zf_codepage_kind(t->cp) == ZF_CP_UTF8;

	zf_error_clear(&err);
	if (zf_delim_opts_init(&d->opts, t->cp, o->delimiter, o->quote, &err) != ZF_OK)
		definition_error(t, &err);
	d->delimiter_text = o->delimiter;
	d->quote_text = o->quote;

	if (o->null_string)
	{
		size_t		n = strlen(o->null_string);
		size_t		cap = zf_codepage_encode_bound(t->cp, n) + 1;

		d->null_bytes = palloc(cap);
		if (zf_codepage_encode(t->cp, o->null_string, n, d->null_bytes, cap,
							   &d->null_len, &err) != ZF_OK)
			definition_error(t, &err);
	}
	d->header = o->header;
	d->trim_given = option_given(ft->options, "trim") ||
		option_given(GetForeignServer(ft->serverid)->options, "trim");
	d->expected = -1;
	d->segment_column = -1;
	d->segment_fieldno = -1;
	d->ncols = natts;
	d->cols = palloc0(sizeof(ZfDelimColumn) * Max(natts, 1));
	d->maxfields = INITIAL_FIELDS;
	d->fields = palloc(sizeof(zf_delim_field) * d->maxfields);
	d->scratchcap = 1024;
	d->scratch = palloc(d->scratchcap);
}

/*
 * A DB2 punch's FORMAT DELIMITED COLDEL, CHARDEL and DECPT (bytes of the
 * file's code page; chardel -1 for none) as defaults for what the table's
 * options do not give.  Called right after zfdw_delim_open.
 */
void
zfdw_delim_punch_defaults(ZfTable *t, int coldel, int chardel, int decpt)
{
	ZfDelimited *d = t->delim;
	ForeignTable *ft = GetForeignTable(t->relid);
	List	   *srv = GetForeignServer(ft->serverid)->options;
	bool		has_delimiter = option_given(ft->options, "delimiter") || option_given(srv, "delimiter");
	bool		has_quote = option_given(ft->options, "quote") || option_given(srv, "quote");
	zf_error	err;

	zf_error_clear(&err);
	if (zf_delim_opts_bytes(&d->opts, has_delimiter ? d->opts.delimiter : (uint8) coldel,
							has_quote ? d->opts.quote : chardel,
							d->opts.space, d->opts.shift_codes, &err) != ZF_OK)
		definition_error(t, &err);
	if (!has_delimiter)
		d->delimiter_text = psprintf("X'%02X'", coldel);
	if (!has_quote)
		d->quote_text = chardel >= 0 ? psprintf("X'%02X'", chardel) : "";
	if (decpt >= 0 && !option_given(ft->options, "decimal_point") &&
		!option_given(srv, "decimal_point"))
	{
		uint8		b = (uint8) decpt;
		char		c[8];
		size_t		n;

		/* the decimal point is compared in decoded text: one ASCII character */
		if (zf_codepage_decode(t->cp, &b, 1, c, sizeof(c), &n, &err) != ZF_OK ||
			n != 1 || (unsigned char) c[0] >= 0x80)
			ereport(ERROR,
					(errcode(ERRCODE_FDW_INVALID_ATTRIBUTE_VALUE),
					 errmsg("foreign table \"%s\": the punch's DECPT X'%02X' is not a decimal point zfdw can read",
							t->relname, b)));
		t->opts.decimal_point = c[0];
	}
}

/* A positive field number written as digits, or 0. */
static int32
field_number(const char *s)
{
	int64		v = 0;

	if (s == NULL || *s == '\0')
		return 0;
	for (const char *p = s; *p; p++)
	{
		if (*p < '0' || *p > '9')
			return 0;
		v = v * 10 + (*p - '0');
		if (v > PG_INT32_MAX)
			return 0;
	}
	return (int32) v;
}

/* The elementary field of a layout record with 0-based position k, or -1. */
static int32
nth_leaf(const zf_layout *L, const zf_recdef *rd, int32 k, int32 *count)
{
	int32		found = -1;
	int32		n = 0;

	for (int32 fi = rd->root + 1; fi < L->nfields && L->fields[fi].depth > 0; fi++)
	{
		const zf_field *f = &L->fields[fi];

		if (f->kind == ZF_KIND_GROUP || f->level == 66 || f->level == 88 ||
			f->redefines >= 0)
			continue;
		if (n == k)
			found = fi;
		n++;
	}
	if (count)
		*count = n;
	return found;
}

/* 0-based position of elementary field fi among its record's fields. */
static int32
leaf_position(const zf_layout *L, const zf_recdef *rd, int32 fi)
{
	int32		n = 0;

	for (int32 i = rd->root + 1; i < L->nfields && L->fields[i].depth > 0; i++)
	{
		const zf_field *f = &L->fields[i];

		if (f->kind == ZF_KIND_GROUP || f->level == 66 || f->level == 88 ||
			f->redefines >= 0)
			continue;
		if (i == fi)
			return n;
		n++;
	}
	return -1;
}

/*
 * Bind one column to its field: the field number (or the name to look
 * for in the header), the layout field for messages, and the character
 * field that conversions see.
 */
void
zfdw_delim_bind_field(ZfTable *t, ZfColumn *col, const ZfColumnOptions *co)
{
	ZfDelimited *d = t->delim;
	ZfDelimColumn *dc = &d->cols[col - t->columns];
	const zf_layout *L = t->layout;
	int32		number = field_number(co->field);
	zf_kind		kind = ZF_KIND_ALNUM;

	dc->data = true;
	dc->fieldno = -1;
	dc->numbered = number > 0;
	if (co->format && (pg_strcasecmp(co->format, "stck") == 0 ||
					   pg_strcasecmp(co->format, "stcke") == 0 ||
					   pg_strcasecmp(co->format, "lrsn") == 0))
		ereport(ERROR,
				(errcode(ERRCODE_FDW_INVALID_ATTRIBUTE_VALUE),
				 errmsg("column \"%s\" of foreign table \"%s\": format '%s' reads binary clock bytes, and a delimited field is text",
						col->attname, t->relname, co->format)));
	if (co->field && number <= 0 && strspn(co->field, "0123456789") == strlen(co->field))
		ereport(ERROR,
				(errcode(ERRCODE_FDW_INVALID_ATTRIBUTE_VALUE),
				 errmsg("column \"%s\" of foreign table \"%s\": field \"%s\" is not a field number (1, 2, ...)",
						col->attname, t->relname, co->field)));

	if (L->source == ZF_SOURCE_COLUMNS)
	{
		/* the column's own nominal field */
		for (int32 c = L->fields[t->rd->root].first_child; c >= 0; c = L->fields[c].next_sibling)
			if (strcmp(L->fields[c].name, col->attname) == 0)
				col->field = c;
		if (dc->numbered)
			dc->fieldno = number - 1;
		else if (co->field || d->header)
		{
			dc->match_name = co->field ? co->field : col->attname;
			dc->explicit_name = co->field != NULL;
			if (!d->header)
				ereport(ERROR,
						(errcode(ERRCODE_FDW_INVALID_ATTRIBUTE_VALUE),
						 errmsg("column \"%s\" of foreign table \"%s\" names field \"%s\", but the file has no header",
								col->attname, t->relname, co->field),
						 errhint("Give the field's 1-based number, as field '3', or set the table option header 'true'.")));
			d->by_header = true;
		}
	}
	else
	{
		/* a punch or copybook: the field's place among the record's fields */
		zf_error	err;
		int32		fi;

		zf_error_clear(&err);
		if (dc->numbered)
		{
			fi = nth_leaf(L, t->rd, number - 1, NULL);
			dc->fieldno = number - 1;
		}
		else if (zf_layout_find(L, t->recdef, co->field ? co->field : col->attname,
								&fi, &err) != ZF_OK)
			ereport(ERROR,
					(errcode(ERRCODE_FDW_COLUMN_NAME_NOT_FOUND),
					 errmsg("column \"%s\" of foreign table \"%s\": %s",
							col->attname, t->relname, err.message),
					 err.detail[0] ? errdetail("%s", err.detail) : 0));
		else
			dc->fieldno = leaf_position(L, t->rd, fi);
		if (fi < 0 || dc->fieldno < 0 || zf_field_dimensions(L, fi) > 0)
			ereport(ERROR,
					(errcode(ERRCODE_FDW_INVALID_ATTRIBUTE_VALUE),
					 errmsg("column \"%s\" of foreign table \"%s\" does not read one elementary field of the layout",
							col->attname, t->relname),
					 errhint("A delimited record is a list of elementary fields: groups and OCCURS tables cannot be read from it.")));
		col->field = fi;
		kind = L->fields[fi].kind;
	}

	/* conversions see a character field; dates keep their kind for parsing */
	dc->field.name = L->source == ZF_SOURCE_COLUMNS ?
		(dc->match_name ? dc->match_name : psprintf("#%d", dc->fieldno + 1)) :
		L->fields[col->field].name;
	dc->field.sql_name = dc->field.name;
	dc->field.usage = "delimited";
	dc->field.kind = (kind == ZF_KIND_DATE || kind == ZF_KIND_TIME || kind == ZF_KIND_TIMESTAMP ||
					  kind == ZF_KIND_TIMESTAMP_TZ) ? kind : ZF_KIND_ALNUM;
	dc->field.depending_on = dc->field.redefines = -1;
	dc->field.renames_first = dc->field.renames_last = -1;
	dc->field.parent = dc->field.first_child = dc->field.next_sibling = ZF_NO_FIELD;
	col->f = &dc->field;

	/*
	 * Values come back as the file has them: only a DB2 CHAR field (from a
	 * punch) or an explicit trim option trims.
	 */
	if (!co->trim_given && !d->trim_given &&
		!(L->source != ZF_SOURCE_COLUMNS && kind == ZF_KIND_ALNUM))
		col->trim = ZF_TRIM_NONE;
}

/*
 * After the columns are bound: positions of columns in order, the number
 * of fields per record when it is known, the segment filter.
 */
void
zfdw_delim_finish(ZfTable *t)
{
	ZfDelimited *d = t->delim;
	int32		prev = -1;
	int			ndata = 0;
	bool		any_field_option = false;

	for (int i = 0; i < d->ncols; i++)
	{
		ZfDelimColumn *dc = &d->cols[i];

		if (!dc->data)
			continue;
		ndata++;
		if (dc->numbered || dc->explicit_name)
			any_field_option = true;
		if (dc->numbered || t->layout->source != ZF_SOURCE_COLUMNS)
			prev = dc->fieldno;
		else
		{
			dc->positional = ++prev;
			if (dc->match_name == NULL)
			{
				dc->fieldno = dc->positional;
				dc->field.name = psprintf("#%d", dc->fieldno + 1);
				dc->field.sql_name = dc->field.name;
			}
		}
	}
	if (t->layout->source != ZF_SOURCE_COLUMNS)
		nth_leaf(t->layout, t->rd, -1, &d->expected);
	else if (!any_field_option && !d->header && ndata > 0)
		d->expected = ndata;
	d->opts.expected_fields = d->expected > 0 ? (uint32) d->expected : 0;

	/* segment_field names a column or a field number */
	if (t->opts.segment_field || t->opts.segment_value)
	{
		int32		number = field_number(t->opts.segment_field);
		size_t		n;
		zf_error	err;

		if (t->opts.segment_field == NULL || t->opts.segment_value == NULL)
			ereport(ERROR,
					(errcode(ERRCODE_FDW_DYNAMIC_PARAMETER_VALUE_NEEDED),
					 errmsg("segment_field and segment_value go together")));
		if (number > 0)
			d->segment_fieldno = number - 1;
		else
		{
			for (int i = 0; i < d->ncols; i++)
				if (d->cols[i].data && strcmp(t->columns[i].attname, t->opts.segment_field) == 0)
					d->segment_column = i;
			if (d->segment_column < 0)
				ereport(ERROR,
						(errcode(ERRCODE_FDW_COLUMN_NAME_NOT_FOUND),
						 errmsg("segment_field \"%s\" is neither a column of foreign table \"%s\" nor a field number",
								t->opts.segment_field, t->relname)));
		}
		n = strlen(t->opts.segment_value);
		d->segment_bytes = palloc(zf_codepage_encode_bound(t->cp, n) + 1);
		zf_error_clear(&err);
		if (zf_codepage_encode(t->cp, t->opts.segment_value, n, d->segment_bytes,
							   zf_codepage_encode_bound(t->cp, n) + 1, &d->segment_len,
							   &err) != ZF_OK)
			definition_error(t, &err);
	}
}

/* ---- reading records ---- */

/* Make sure *buf holds n bytes (growing in the scan's context). */
static uint8 *
ensure_space(ZfDelimited *d, uint8 **buf, size_t *cap, size_t n)
{
	if (n > *cap)
	{
		size_t		newcap = Max(n, *cap * 2);

		*buf = *buf ? repalloc(*buf, newcap) : MemoryContextAlloc(d->cxt, newcap);
		*cap = newcap;
	}
	return *buf;
}

/*
 * The next logical record.  In text framing, a line that ends inside a
 * quoted value is joined with the following lines until the value closes
 * (or the file ends: the splitter then reports the open quote).  The line
 * ends between them are put back as the file has them: the reader drops
 * the terminator and a CR before it, which the gap between the lines'
 * offsets shows.
 */
zf_status
zfdw_delim_next_record(ZfScanState *s, zf_record *r, zf_error *err)
{
	ZfDelimited *d = s->t->delim;
	zf_delim_scan scan;
	zf_status	st;
	size_t		len;
	uint64		end;

	if (d->pending_eof)
	{
		d->pending_eof = false;
		return ZF_EOF;
	}
	st = zf_reader_next(s->reader, r, err);
	if (st != ZF_OK || !d->join_lines)
		return st;
	zf_delim_scan_init(&scan);
	if (!zf_delim_scan_feed(&d->opts, &scan, r->data, r->length))
		return ZF_OK;

	ensure_space(d, &d->join, &d->joincap, r->length);
	memcpy(d->join, r->data, r->length);
	len = r->length;
	end = r->offset + r->length;
	for (;;)
	{
		zf_record	next;
		uint8		gap[2];
		size_t		ngap = 0;

		st = zf_reader_next(s->reader, &next, err);
		if (st == ZF_EOF)
		{
			d->pending_eof = true;
			break;
		}
		if (st != ZF_OK)
			return st;
		if (next.offset >= end + 2)
			gap[ngap++] = 0x0D;
		gap[ngap++] = d->terminator;
		if (len + ngap + next.length > (size_t) zfdw_max_record_length)
		{
			zf_error_set(err, ZF_E_LIMIT,
						 "a quoted value that starts in record %llu goes on for more than %d bytes of lines",
						 (unsigned long long) r->number, zfdw_max_record_length);
			zf_error_hint(err, "A quote is probably missing; zfdw.max_record_length bounds a record.");
			return ZF_E_LIMIT;
		}
		ensure_space(d, &d->join, &d->joincap, len + ngap + next.length);
		memcpy(d->join + len, gap, ngap);
		memcpy(d->join + len + ngap, next.data, next.length);
		zf_delim_scan_feed(&d->opts, &scan, gap, ngap);
		len += ngap + next.length;
		end = next.offset + next.length;
		if (!zf_delim_scan_feed(&d->opts, &scan, next.data, next.length))
			break;
	}
	r->data = d->join;
	r->length = (uint32) len;
	return ZF_OK;
}

/*
 * Report a malformed record; returns false (skip it) unless on_error
 * stop, a limit or reject_limit ends the scan.
 */
static bool
reject_record(ZfScanState *s, const zf_error *err)
{
	ZfTable    *t = s->t;
	char		hex[3 * 16 + 8];
	StringInfoData detail;

	initStringInfo(&detail);
	if (err->offset >= 0 && err->offset < s->rec.length)
	{
		zf_hex(hex, sizeof(hex), s->rec.data + err->offset,
			   s->rec.length - err->offset, 12);
		appendStringInfo(&detail, "At byte %lld of the record: X'%s'.",
						 (long long) err->offset + 1, hex);
	}
	else if (err->offset >= 0)
		appendStringInfo(&detail, "At the end of the record (%u bytes).", s->rec.length);
	if (err->detail[0])
		appendStringInfo(&detail, "%s%s", detail.len ? " " : "", err->detail);

	if (t->opts.on_error == ZF_ON_ERROR_STOP || err->status == ZF_E_LIMIT || t->opts.log_verbose)
		ereport(t->opts.on_error == ZF_ON_ERROR_STOP || err->status == ZF_E_LIMIT ? ERROR : NOTICE,
				(errcode(zfdw_sqlstate(err->status)),
				 errmsg("%s", err->message),
				 detail.len ? errdetail("%s", detail.data) : 0,
				 err->hint[0] ? errhint("%s", err->hint) :
				 t->opts.on_error == ZF_ON_ERROR_STOP ?
				 errhint("Set the table option on_error to 'skip' to read past malformed records.") : 0));
	s->nrejected++;
	if (t->opts.reject_limit > 0 && s->nrejected > (uint64) t->opts.reject_limit)
		ereport(ERROR,
				(errcode(ERRCODE_DATA_EXCEPTION),
				 errmsg("skipped more than reject_limit (" INT64_FORMAT ") records of foreign table \"%s\"",
						t->opts.reject_limit, t->relname),
				 errhint("The last one: %s.", err->message)));
	return false;
}

/* Normalise a name for matching: trimmed, lower case, '_' for punctuation. */
static char *
normalise_name(const char *s, size_t n)
{
	char	   *out;
	size_t		j = 0;

	while (n > 0 && (*s == ' ' || *s == '\t'))
	{
		s++;
		n--;
	}
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	out = palloc(n + 1);
	for (size_t i = 0; i < n; i++)
	{
		unsigned char c = (unsigned char) s[i];

		if (c >= 'A' && c <= 'Z')
			c = c - 'A' + 'a';
		else if (c < 0x80 && !isalnum(c) && c != '_')
			c = '_';
		out[j++] = (char) c;
	}
	out[j] = '\0';
	return out;
}

/* The bytes of field k of the current record, quotes collapsed. */
static const uint8 *
field_bytes(ZfDelimited *d, const uint8 *data, uint32 k, uint32 *len)
{
	const zf_delim_field *f = &d->fields[k];

	if (!f->doubled)
	{
		*len = f->length;
		return data + f->offset;
	}
	ensure_space(d, &d->scratch, &d->scratchcap, f->length);
	*len = zf_delim_unquote(&d->opts, data + f->offset, f->length, d->scratch);
	return d->scratch;
}

/*
 * The first record of a file with header true: its field names, matched
 * with the columns that go by name.  When none of the columns named after
 * themselves is found, they go by position instead.
 */
static void
read_header(ZfScanState *s)
{
	ZfTable    *t = s->t;
	ZfDelimited *d = t->delim;
	MemoryContext old = MemoryContextSwitchTo(d->cxt);
	char	  **names = palloc(sizeof(char *) * Max(d->nfields, 1));
	StringInfoData list;
	int			found = 0,
				missing = 0;

	initStringInfo(&list);
	for (uint32 k = 0; k < d->nfields; k++)
	{
		uint32		n;
		const uint8 *p = field_bytes(d, s->rec.data, k, &n);
		size_t		cap = zf_codepage_utf8_bound(t->cp, n) + 8;
		char	   *text = palloc(cap);
		size_t		tlen;
		zf_error	err;

		zf_error_clear(&err);
		if (zf_codepage_decode(t->cp, p, n, text, cap, &tlen, &err) != ZF_OK)
			ereport(ERROR,
					(errcode(zfdw_sqlstate(err.status)),
					 errmsg("header field %u does not decode in code page %s: %s",
							k + 1, zf_codepage_name(t->cp), err.message)));
		names[k] = normalise_name(text, tlen);
		appendStringInfo(&list, "%s%s", k ? ", " : "", names[k]);
	}
	d->expected = (int32) d->nfields;
	d->opts.expected_fields = d->nfields;

	/* match by name; remember which columns named after themselves miss */
	for (int i = 0; i < d->ncols; i++)
	{
		ZfDelimColumn *dc = &d->cols[i];
		char	   *want;
		int32		match = -1;

		if (!dc->data || dc->match_name == NULL)
			continue;
		want = normalise_name(dc->match_name, strlen(dc->match_name));
		for (uint32 k = 0; k < d->nfields; k++)
			if (strcmp(names[k], want) == 0)
			{
				if (match >= 0)
					ereport(ERROR,
							(errcode(ERRCODE_FDW_COLUMN_NAME_NOT_FOUND),
							 errmsg("column \"%s\" of foreign table \"%s\" matches header fields %d and %u",
									t->columns[i].attname, t->relname, match + 1, k + 1),
							 errhint("Name the field by number, as field '%d'.", match + 1)));
				match = (int32) k;
			}
		dc->fieldno = match;
		if (match >= 0 && !dc->explicit_name)
			found++;
		else if (match < 0 && !dc->explicit_name)
			missing++;
		else if (match < 0)
			ereport(ERROR,
					(errcode(ERRCODE_FDW_COLUMN_NAME_NOT_FOUND),
					 errmsg("column \"%s\" of foreign table \"%s\": the header has no field \"%s\"",
							t->columns[i].attname, t->relname, dc->match_name),
					 errdetail("The header's fields are: %s.", list.data)));
	}
	if (found == 0)
	{
		/* nothing matched: the header is only skipped */
		for (int i = 0; i < d->ncols; i++)
			if (d->cols[i].data && d->cols[i].match_name && !d->cols[i].explicit_name)
				d->cols[i].fieldno = d->cols[i].positional;
	}
	else if (missing > 0)
	{
		StringInfoData cols;

		initStringInfo(&cols);
		for (int i = 0; i < d->ncols; i++)
			if (d->cols[i].data && d->cols[i].match_name && d->cols[i].fieldno < 0)
				appendStringInfo(&cols, "%s%s", cols.len ? ", " : "", t->columns[i].attname);
		ereport(ERROR,
				(errcode(ERRCODE_FDW_COLUMN_NAME_NOT_FOUND),
				 errmsg("foreign table \"%s\" has columns the header does not name: %s",
						t->relname, cols.data),
				 errdetail("The header's fields are: %s.", list.data),
				 errhint("Name their fields with OPTIONS (field 'name') or field '3'.")));
	}
	MemoryContextSwitchTo(old);
}

/* True when the current record's segment field holds segment_value. */
static bool
segment_matches(ZfDelimited *d, const uint8 *data)
{
	int32		k = d->segment_column >= 0 ? d->cols[d->segment_column].fieldno :
		d->segment_fieldno;
	uint32		n;
	const uint8 *p;

	if (k < 0 || (uint32) k >= d->nfields)
		return false;
	p = field_bytes(d, data, (uint32) k, &n);
	while (n > d->segment_len && p[n - 1] == d->opts.space)
		n--;
	return n == d->segment_len && memcmp(p, d->segment_bytes, n) == 0;
}

/*
 * Split the current record into its fields.  Returns false when the
 * record is not a row: a header, filtered out, or malformed and skipped.
 */
bool
zfdw_delim_split_record(ZfScanState *s)
{
	ZfTable    *t = s->t;
	ZfDelimited *d = t->delim;
	const uint8 *data = s->rec.data;
	uint32		len = s->rec.length;
	uint32		skip = 0;
	zf_error	err;
	zf_status	st;

	if (d->fixed_padding)
		while (len > 0 && data[len - 1] == d->opts.space)
			len--;
	if (d->utf8 && s->rec.number == 1 && len >= 3 &&
		data[0] == 0xEF && data[1] == 0xBB && data[2] == 0xBF)
		skip = 3;				/* a byte-order mark */
	for (;;)
	{
		zf_error_clear(&err);
		st = zf_delim_split(&d->opts, data + skip, len - skip, d->fields,
							d->maxfields, &d->nfields, &err);
		if (st != ZF_E_LIMIT || d->maxfields >= (uint32) zfdw_max_fields)
			break;
		d->maxfields = Min(d->maxfields * 4, (uint32) zfdw_max_fields);
		d->fields = repalloc(d->fields, sizeof(zf_delim_field) * d->maxfields);
	}
	if (skip > 0)
	{
		for (uint32 k = 0; k < d->nfields; k++)
			d->fields[k].offset += skip;
		if (err.offset >= 0)
			err.offset += skip;
	}
	if (st == ZF_E_LIMIT)
		zf_error_hint(&err, "zfdw.max_fields bounds the fields of a record.");
	if (st != ZF_OK)
	{
		d->nfields = 0;
		return reject_record(s, &err);
	}

	if (d->header && s->rec.number == 1)
	{
		read_header(s);
		return false;
	}
	if (d->segment_bytes && !segment_matches(d, data))
	{
		s->nfiltered++;
		return false;
	}
	if (d->expected >= 0 && d->nfields != (uint32) d->expected)
	{
		zf_error_set(&err, ZF_E_BAD_DATA, "record has %u field%s where %d are expected",
					 d->nfields, d->nfields == 1 ? "" : "s", d->expected);
		if (d->nfields == 1 && d->expected > 1)
			zf_error_hint(&err, "The record holds no delimiter X'%02X': check the codepage and delimiter options.",
						  d->opts.delimiter);
		else if (d->header)
			zf_error_hint(&err, "The header has %d fields; every record must have as many.",
						  d->expected);
		else if (t->layout->source != ZF_SOURCE_COLUMNS)
			zf_error_hint(&err, "The layout has %d fields; every record must have as many.",
						  d->expected);
		else
			zf_error_hint(&err, "The table's %d columns read the fields in order; to read some fields only, give the columns field options ('1', '2', ...).",
						  d->expected);
		return reject_record(s, &err);
	}
	return true;
}

/* ---- values ---- */

/* True when an unquoted value is the null string. */
static inline bool
is_null(const ZfDelimited *d, const uint8 *p, uint32 n)
{
	if (d->null_bytes == NULL)
		return n == 0;
	return n == d->null_len && memcmp(p, d->null_bytes, n) == 0;
}

/*
 * Copy number text to a NUL-terminated buffer with '.' as decimal point
 * and without surrounding blanks; false when it is too long.
 */
static bool
number_text(ZfTable *t, const char *s, size_t n, char *dst, size_t cap,
			zf_error *err)
{
	while (n > 0 && *s == ' ')
	{
		s++;
		n--;
	}
	while (n > 0 && s[n - 1] == ' ')
		n--;
	if (n == 0)
		return zf_error_set(err, ZF_E_BAD_DATA, "empty text where a number was expected") == ZF_OK;
	if (n >= cap)
		return zf_error_set(err, ZF_E_OVERFLOW, "number text of %zu characters is too long", n) == ZF_OK;
	for (size_t i = 0; i < n; i++)
		dst[i] = s[i] == t->opts.decimal_point ? '.' : s[i];
	dst[n] = '\0';
	return true;
}

/*
 * A float column from text as DB2 writes FLOAT EXTERNAL (-1.25E+02) or
 * any decimal; strtod rounds correctly, as float8in does.
 */
static bool
float_value(ZfTable *t, ZfColumn *col, const char *s, size_t n, Datum *value,
			zf_error *err)
{
	char		txt[128];
	char	   *end;
	const char *word;

	if (!number_text(t, s, n, txt, sizeof(txt), err))
		return false;
	word = txt + (txt[0] == '+' || txt[0] == '-');
	if (strspn(txt, "0123456789.eE+-") != strlen(txt) &&
		pg_strcasecmp(word, "nan") != 0 && pg_strcasecmp(word, "inf") != 0 &&
		pg_strcasecmp(word, "infinity") != 0)
		return zf_error_set(err, ZF_E_BAD_DATA, "invalid number \"%s\"", txt) == ZF_OK;
	errno = 0;
	if (col->target == ZF_TARGET_FLOAT4)
	{
		float		f = strtof(txt, &end);

		if (end == txt || *end != '\0')
			return zf_error_set(err, ZF_E_BAD_DATA, "invalid number \"%s\"", txt) == ZF_OK;
		if (errno == ERANGE && (isinf(f) || f == 0.0f))
			return zf_error_set(err, ZF_E_OVERFLOW, "value %s is out of range for column \"%s\" of type real",
								txt, col->attname) == ZF_OK;
		*value = Float4GetDatum(f);
	}
	else
	{
		double		v = strtod(txt, &end);

		if (end == txt || *end != '\0')
			return zf_error_set(err, ZF_E_BAD_DATA, "invalid number \"%s\"", txt) == ZF_OK;
		if (errno == ERANGE && (isinf(v) || v == 0.0))
			return zf_error_set(err, ZF_E_OVERFLOW, "value %s is out of range for column \"%s\" of type double precision",
								txt, col->attname) == ZF_OK;
		*value = Float8GetDatum(v);
	}
	return true;
}

/*
 * A number with an exponent (FLOAT EXTERNAL) into numeric or an integer:
 * mantissa digits times a power of ten, exactly.
 */
static bool
exponent_value(ZfTable *t, ZfColumn *col, const char *s, size_t n,
			   Datum *value, zf_error *err)
{
	char		txt[128];
	char	   *e;
	char	   *point;
	char	   *end;
	long		exponent;
	int			frac = 0;
	zf_int128	v;

	if (!number_text(t, s, n, txt, sizeof(txt), err))
		return false;
	e = strpbrk(txt, "eE");
	*e = '\0';
	errno = 0;
	exponent = strtol(e + 1, &end, 10);
	if (e[1] == '\0' || *end != '\0' || errno != 0 || exponent > 400 || exponent < -400)
		return zf_error_set(err, ZF_E_BAD_DATA, "invalid exponent in number \"%s\"", s) == ZF_OK;
	point = strchr(txt, '.');
	if (point)
		for (char *p = point + 1; *p >= '0' && *p <= '9'; p++)
			frac++;
	if (zf_decimal_from_string(txt, strlen(txt), frac, &v, err) != ZF_OK)
		return false;
	if (frac - exponent > 2 * ZF_MAX_DIGITS || frac - exponent < -ZF_MAX_DIGITS)
	{
		if (v == 0)
			return zfdw_number_datum(col, 0, 0, value, err);
		return zf_error_set(err, ZF_E_OVERFLOW, "number %.*s is out of range", (int) n, s) == ZF_OK;
	}
	return zfdw_number_datum(col, v, (int) (frac - exponent), value, err);
}

/*
 * Decode one column of the current record: its field's bytes unquoted,
 * NULL when unquoted and equal to the null string, else translated from
 * the column's code page and converted as text.
 */
bool
zfdw_delim_decode_column(ZfTable *t, ZfColumn *col, const ZfRecordRef *rec,
						 ZfDecodeBuf *buf, Datum *value, bool *isnull,
						 zf_error *err, uint32 *eoff, uint32 *elen)
{
	ZfDelimited *d = t->delim;
	ZfDelimColumn *dc = &d->cols[col - t->columns];
	const zf_delim_field *f;
	const uint8 *p;
	uint32		n;
	size_t		cap,
				tlen;
	const char *s;

	if (dc->fieldno < 0)
	{
		zf_error_set(err, ZF_E_BAD_DATA, "column \"%s\" goes by the header, and the file's header could not be read",
					 col->attname);
		return false;
	}
	if ((uint32) dc->fieldno >= d->nfields)
	{
		zf_error_set(err, ZF_E_BAD_DATA, "record has %u fields and column \"%s\" reads field %d",
					 d->nfields, col->attname, dc->fieldno + 1);
		return false;
	}
	f = &d->fields[dc->fieldno];
	*eoff = f->offset;
	*elen = f->length;
	if (!f->quoted && is_null(d, rec->data + f->offset, f->length))
	{
		*isnull = true;
		return true;
	}
	p = field_bytes(d, rec->data, (uint32) dc->fieldno, &n);
	if (col->conv == ZF_CONV_BYTES)
	{
		bytea	   *b = (bytea *) palloc(VARHDRSZ + n);

		SET_VARSIZE(b, VARHDRSZ + n);
		memcpy(VARDATA(b), p, n);
		*value = PointerGetDatum(b);
		return true;
	}

	cap = zf_codepage_utf8_bound(col->cp, n) + 8;
	if (cap > buf->textcap)
	{
		buf->text = repalloc(buf->text, cap);
		buf->textcap = cap;
	}
	if (zf_codepage_decode(col->cp, p, n, buf->text, cap, &tlen, err) != ZF_OK)
		return false;
	s = buf->text;
	if (col->trim != ZF_TRIM_NONE)
	{
		while (tlen > 0 && s[tlen - 1] == ' ')
			tlen--;
		if (col->trim == ZF_TRIM_BOTH)
			while (tlen > 0 && *s == ' ')
			{
				s++;
				tlen--;
			}
	}

	switch (col->target)
	{
		case ZF_TARGET_FLOAT4:
		case ZF_TARGET_FLOAT8:
			return float_value(t, col, s, tlen, value, err);
		case ZF_TARGET_INT2:
		case ZF_TARGET_INT4:
		case ZF_TARGET_INT8:
		case ZF_TARGET_NUMERIC:
			if (memchr(s, 'E', tlen) || memchr(s, 'e', tlen))
				return exponent_value(t, col, s, tlen, value, err);
			/* FALLTHROUGH */
		default:
			return zfdw_text_to_datum(t, col, col->f, s, tlen, value, err);
	}
}

/* ---- EXPLAIN ---- */

/* A delimiter for EXPLAIN: the option as given and its byte in the page. */
static char *
delimiter_description(const char *text, int byte)
{
	if (byte < 0)
		return "none";
	if (text[0] == 'x' || text[0] == 'X')
		return psprintf("X'%02X'", byte);
	if ((unsigned char) text[0] < 0x20)
		return psprintf("U+%04X (X'%02X')", (unsigned char) text[0], byte);
	return psprintf("'%s' (X'%02X')", text, byte);
}

/* EXPLAIN's lines for a delimited table. */
void
zfdw_delim_explain(ZfTable *t, ExplainState *es)
{
	ZfDelimited *d = t->delim;
	static const char *const framings[] = {"fb", "vb", "vb_bdw", "vbs", "text"};

	ExplainPropertyText("Framing", framings[t->opts.recfm], es);
	ExplainPropertyText("Delimiter", delimiter_description(d->delimiter_text, d->opts.delimiter), es);
	ExplainPropertyText("Quote", delimiter_description(d->quote_text, d->opts.quote), es);
	if (t->opts.null_string)
		ExplainPropertyText("Null String", t->opts.null_string, es);
	if (d->header)
		ExplainPropertyBool("Header", true, es);
}
