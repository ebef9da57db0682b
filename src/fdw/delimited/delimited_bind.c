/*-------------------------------------------------------------------------
 *
 * delimited_bind.c
 *	  format 'delimited': foreign tables over delimited text in any code
 *	  page (DB2 UNLOAD ... DELIMITED, IIDR flat files, AWS DMS CSV, CSV).
 *	  This file sets a table up and decides which field each column reads.
 *
 * Records are cut by the ordinary record reader (text lines by default, or
 * RDW/fixed records), split into fields by src/core/delimited.c
 * (delimited_scan.c), and only the fields the query uses are decoded
 * (delimited_values.c).
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
 * is malformed.
 *
 *-------------------------------------------------------------------------
 */
#include "zfdw.h"

#include "foreign/foreign.h"
#include "utils/memutils.h"

#include "delimited/delimited.h"

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
bool
zfdw_delim_option_given(List *options, const char *name)
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
		zf_codepage_newline(t->cp);
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
	d->trim_given = zfdw_delim_option_given(ft->options, "trim") ||
		zfdw_delim_option_given(GetForeignServer(ft->serverid)->options, "trim");
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
	bool		has_delimiter = zfdw_delim_option_given(ft->options, "delimiter") || zfdw_delim_option_given(srv, "delimiter");
	bool		has_quote = zfdw_delim_option_given(ft->options, "quote") || zfdw_delim_option_given(srv, "quote");
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
	if (decpt >= 0 && !zfdw_delim_option_given(ft->options, "decimal_point") &&
		!zfdw_delim_option_given(srv, "decimal_point"))
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
