/*-------------------------------------------------------------------------
 *
 * binding.c
 *	  Bind every column of a foreign table to the field it reads,
 *	  deciding once per scan how its value will be built.
 *
 * Everything that can be checked before the first record is checked here:
 * an unknown field, an OCCURS field in a scalar column, a type that cannot
 * hold the field's values.  The per-record code then only decodes.
 *
 * This file owns the column side: the column's type, the conversion from
 * its field, fields read with another usage, meta columns, the key column,
 * and zfdw_open_table, which puts a table together.  The layout comes from
 * layout_load.c, what a punch adds from punch_binding.c, the segment
 * filter and key option from segments.c.
 *
 *-------------------------------------------------------------------------
 */
#include "zfdw.h"

#include "catalog/pg_type.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/lsyscache.h"
#include "utils/rel.h"

#include "bind/binding_int.h"
#include "scan/keys.h"

/* Free a cursor when the memory context that holds its owner goes. */
static void
free_cursor_callback(void *arg)
{
	zf_cursor_free((zf_cursor *) arg);
}

/* Reduce a column type to what the decoders need to know. */
static ZfTarget
target_of(Oid typid)
{
	switch (typid)
	{
		case TEXTOID:
		case VARCHAROID:
		case BPCHAROID:
			return ZF_TARGET_TEXT;
		case BYTEAOID:
			return ZF_TARGET_BYTEA;
		case INT2OID:
			return ZF_TARGET_INT2;
		case INT4OID:
			return ZF_TARGET_INT4;
		case INT8OID:
			return ZF_TARGET_INT8;
		case NUMERICOID:
			return ZF_TARGET_NUMERIC;
		case FLOAT4OID:
			return ZF_TARGET_FLOAT4;
		case FLOAT8OID:
			return ZF_TARGET_FLOAT8;
		case DATEOID:
			return ZF_TARGET_DATE;
		case TIMEOID:
			return ZF_TARGET_TIME;
		case TIMESTAMPOID:
			return ZF_TARGET_TIMESTAMP;
		case TIMESTAMPTZOID:
			return ZF_TARGET_TIMESTAMPTZ;
		case JSONBOID:
			return ZF_TARGET_JSONB;
		case BOOLOID:
			return ZF_TARGET_BOOL;
		default:
			return ZF_TARGET_OTHER;
	}
}

/* True for the targets a number is built for (zfdw_number_datum). */
static bool
is_number_target(ZfTarget t)
{
	return t == ZF_TARGET_INT2 || t == ZF_TARGET_INT4 || t == ZF_TARGET_INT8 ||
		t == ZF_TARGET_NUMERIC || t == ZF_TARGET_FLOAT4 || t == ZF_TARGET_FLOAT8;
}

/* True for the date and time targets. */
static bool
is_datetime_target(ZfTarget t)
{
	return t == ZF_TARGET_DATE || t == ZF_TARGET_TIME ||
		t == ZF_TARGET_TIMESTAMP || t == ZF_TARGET_TIMESTAMPTZ;
}

/* Fill the type part of a column from the attribute. */
static void
bind_type(ZfColumn *col, Form_pg_attribute attr)
{
	Oid			typid = attr->atttypid;
	int32		typmod = attr->atttypmod;
	Oid			elem;

	typid = getBaseTypeAndTypmod(typid, &typmod);
	elem = get_element_type(typid);
	col->is_array = OidIsValid(elem);
	if (col->is_array)
	{
		typid = getBaseTypeAndTypmod(elem, &typmod);
		typmod = attr->atttypmod;
	}
	col->typid = typid;
	col->typmod = typmod;
	col->target = target_of(typid);
	get_typlenbyvalalign(typid, &col->elmlen, &col->elmbyval, &col->elmalign);
	col->max_chars = -1;
	col->num_precision = -1;
	col->num_scale = 0;
	col->frac_digits = 6;
	if ((typid == VARCHAROID || typid == BPCHAROID) && typmod >= VARHDRSZ)
		col->max_chars = typmod - VARHDRSZ;
	if (typid == NUMERICOID && typmod >= VARHDRSZ)
	{
		col->num_precision = ((typmod - VARHDRSZ) >> 16) & 0xffff;
		col->num_scale = (((typmod - VARHDRSZ) & 0x7ff) ^ 1024) - 1024;
	}
	if ((typid == TIMEOID || typid == TIMESTAMPOID || typid == TIMESTAMPTZOID) && typmod >= 0)
		col->frac_digits = typmod;
	if (col->target == ZF_TARGET_OTHER || col->target == ZF_TARGET_BOOL)
	{
		Oid			infunc;

		getTypeInputInfo(typid, &infunc, &col->typioparam);
		fmgr_info(infunc, &col->infunc);
	}
}

/* Complain that a column's type cannot hold what its field holds. */
static void
type_mismatch(ZfTable *t, ZfColumn *col, const char *what, const char *hint)
{
	ereport(ERROR,
			(errcode(ERRCODE_FDW_INVALID_DATA_TYPE),
			 errmsg("column \"%s\" of foreign table \"%s\" has type %s, which cannot hold %s",
					col->attname, t->relname, format_type_be(col->typid), what),
			 hint ? errhint("%s", hint) : 0));
}

/* A short description of a field for messages: "field BALANCE (comp-3)". */
static char *
field_description(const zf_field *f)
{
	return psprintf("field %s (%s%s%s)", f->name[0] ? f->name : "FILLER",
					f->usage ? f->usage : "group",
					f->picture ? " pic " : "", f->picture ? f->picture : "");
}

/*
 * Decide how a field's values become the column's values, or complain
 * now, before any record is read.
 */
static void
bind_conversion(ZfTable *t, ZfColumn *col, const ZfColumnOptions *co)
{
	const zf_field *f = col->f;
	char	   *what = field_description(f);
	const char *fmt = co->format;

	if (fmt)
	{
		if (pg_strcasecmp(fmt, "stck") == 0 || pg_strcasecmp(fmt, "stcke") == 0 ||
			pg_strcasecmp(fmt, "lrsn") == 0)
			col->date_format_name = fmt;
		else if (pg_strcasecmp(fmt, "iso") == 0)
			col->datestyle = ZF_DATESTYLE_ISO;
		else if (pg_strcasecmp(fmt, "usa") == 0)
			col->datestyle = ZF_DATESTYLE_USA;
		else if (pg_strcasecmp(fmt, "eur") == 0)
			col->datestyle = ZF_DATESTYLE_EUR;
		else if (pg_strcasecmp(fmt, "jis") == 0)
			col->datestyle = ZF_DATESTYLE_JIS;
		else
		{
			zf_error	err;

			zf_error_clear(&err);
			if (zf_date_picture_compile(fmt, &col->date_picture, &err) != ZF_OK)
				zfdw_report(ERROR, &err, "format");
			col->has_date_picture = true;
		}
	}
	else
	{
		const char *df = t->opts.date_format;

		col->datestyle = pg_strcasecmp(df, "usa") == 0 ? ZF_DATESTYLE_USA :
			pg_strcasecmp(df, "eur") == 0 ? ZF_DATESTYLE_EUR :
			pg_strcasecmp(df, "jis") == 0 ? ZF_DATESTYLE_JIS :
			pg_strcasecmp(df, "iso") == 0 ? ZF_DATESTYLE_ANY : ZF_DATESTYLE_ANY;
		if (pg_strcasecmp(df, "iso") != 0 && pg_strcasecmp(df, "usa") != 0 &&
			pg_strcasecmp(df, "eur") != 0 && pg_strcasecmp(df, "jis") != 0 &&
			is_datetime_target(col->target) && f->kind != ZF_KIND_DATE &&
			f->kind != ZF_KIND_TIMESTAMP && f->kind != ZF_KIND_TIME)
		{
			zf_error	err;

			zf_error_clear(&err);
			if (zf_date_picture_compile(df, &col->date_picture, &err) != ZF_OK)
				zfdw_report(ERROR, &err, "date_format");
			col->has_date_picture = true;
		}
	}

	if (col->target == ZF_TARGET_BYTEA)
	{
		col->conv = ZF_CONV_BYTES;
		return;
	}
	if (col->date_format_name)
	{
		if (col->target != ZF_TARGET_TIMESTAMPTZ && col->target != ZF_TARGET_TIMESTAMP &&
			col->target != ZF_TARGET_TEXT)
			type_mismatch(t, col, psprintf("a %s clock value", col->date_format_name),
						  "Declare the column as timestamptz.");
		col->conv = ZF_CONV_TOD;
		return;
	}

	switch (f->kind)
	{
		case ZF_KIND_GROUP:
			if (col->target == ZF_TARGET_JSONB)
				col->conv = ZF_CONV_GROUP_JSONB;
			else if (col->target == ZF_TARGET_TEXT)
				col->conv = ZF_CONV_GROUP_TEXT;
			else
				type_mismatch(t, col, psprintf("the group %s", f->name),
							  "A group reads as jsonb (its fields), text or bytea (its bytes).");
			return;

		case ZF_KIND_ZONED:
		case ZF_KIND_PACKED:
		case ZF_KIND_BINARY:
		case ZF_KIND_EDITED:
			if (is_number_target(col->target) || col->target == ZF_TARGET_TEXT ||
				col->target == ZF_TARGET_OTHER || col->target == ZF_TARGET_BOOL)
				col->conv = ZF_CONV_NUMBER;
			else if (is_datetime_target(col->target) && col->has_date_picture)
				col->conv = ZF_CONV_NUMBER;
			else if (is_datetime_target(col->target))
				type_mismatch(t, col, what,
							  "A numeric field reads as a date with a date picture: add OPTIONS (format 'YYYYMMDD') to the column.");
			else
				type_mismatch(t, col, what, "Use numeric, an integer type, a float type or text.");
			if (f->scale > 0 && (col->target == ZF_TARGET_INT2 || col->target == ZF_TARGET_INT4 ||
								 col->target == ZF_TARGET_INT8))
				type_mismatch(t, col, psprintf("%s with %d decimal places", what, f->scale),
							  psprintf("Declare it numeric(%d,%d).", f->digits, f->scale));
			return;

		case ZF_KIND_FLOAT:
			if (col->target == ZF_TARGET_FLOAT4 || col->target == ZF_TARGET_FLOAT8 ||
				col->target == ZF_TARGET_NUMERIC || col->target == ZF_TARGET_TEXT)
				col->conv = ZF_CONV_FLOAT;
			else
				type_mismatch(t, col, what, "Use float8, float4, numeric or text.");
			return;

		case ZF_KIND_DATE:
		case ZF_KIND_TIME:
		case ZF_KIND_TIMESTAMP:
		case ZF_KIND_TIMESTAMP_TZ:
			if (is_datetime_target(col->target) || col->target == ZF_TARGET_TEXT)
				col->conv = ZF_CONV_DATETIME;
			else
				type_mismatch(t, col, what, "Use date, time, timestamp, timestamptz or text.");
			/* a DB2 TIMESTAMP(p) never loses fraction digits silently */
			if ((f->kind == ZF_KIND_TIMESTAMP || f->kind == ZF_KIND_TIMESTAMP_TZ) &&
				col->target != ZF_TARGET_TEXT && col->target != ZF_TARGET_DATE &&
				f->frac_digits > col->frac_digits)
				type_mismatch(t, col, psprintf("%s with %d fraction digits", what, f->frac_digits),
							  f->frac_digits > 6 ?
							  "PostgreSQL keeps 6 fraction digits: declare the column as text to keep them all." :
							  psprintf("Declare the column with precision %d or more, or as text.", f->frac_digits));
			return;

		case ZF_KIND_DECFLOAT:
			if (col->target == ZF_TARGET_NUMERIC || col->target == ZF_TARGET_TEXT ||
				col->target == ZF_TARGET_FLOAT8 || col->target == ZF_TARGET_FLOAT4)
				col->conv = ZF_CONV_DECFLOAT;
			else
				type_mismatch(t, col, what, "Use numeric, float8 or text.");
			return;

		case ZF_KIND_BYTES:
			type_mismatch(t, col, what, "Binary data reads as bytea.");
			return;

		case ZF_KIND_LOB:
		case ZF_KIND_LOB_FILE:
		case ZF_KIND_ALNUM:
		case ZF_KIND_DBCS:
		case ZF_KIND_NATIONAL:
		case ZF_KIND_VARCHAR:
		case ZF_KIND_VARGRAPHIC:
			if (f->for_bit_data)
				type_mismatch(t, col, psprintf("%s FOR BIT DATA", what), "Binary data reads as bytea.");
			if (col->target == ZF_TARGET_JSONB)
				type_mismatch(t, col, what, "Character data reads as text.");
			col->conv = ZF_CONV_TEXT;
			return;
	}
}

/* Check that a meta column's type fits what it returns. */
static void
bind_meta(ZfTable *t, ZfColumn *col)
{
	bool		ok;

	switch (col->meta)
	{
		case ZF_META_RECORD_NUMBER:
		case ZF_META_BYTE_OFFSET:
		case ZF_META_RECORD_LENGTH:
		case ZF_META_SHARE:
			ok = col->target == ZF_TARGET_INT2 ||
				col->target == ZF_TARGET_INT8 || col->target == ZF_TARGET_NUMERIC ||
				col->target == ZF_TARGET_INT4 || col->target == ZF_TARGET_TEXT;
			break;
		case ZF_META_RAW_RECORD:
			ok = col->target == ZF_TARGET_BYTEA;
			break;
		default:
			ok = col->target == ZF_TARGET_TEXT;
			break;
	}
	if (!ok || col->is_array)
		type_mismatch(t, col, psprintf("meta column %s", zfdw_meta_name(col->meta)),
					  col->meta == ZF_META_RAW_RECORD ? "Declare it bytea." :
					  col->meta == ZF_META_FILE_NAME || col->meta == ZF_META_SEGMENT ||
					  col->meta == ZF_META_MEMBER_NAME ?
					  "Declare it text." : "Declare it bigint.");
	col->conv = ZF_CONV_META;
}

/*
 * The field a column of a copybook or punch table reads.  With a usage
 * option (and a pic or scale with it) the column reads the field's bytes
 * another way, keeping their offset and length: a copybook that declares
 * binary data as text, such as a 10-byte extended RBA or LRSN as PIC X(10),
 * reads it as a number with usage 'comp'.  The options that place a field
 * (position, length, null_indicator, occurs) belong to tables without a
 * layout; here they would be ignored, so they are refused.
 */
static const zf_field *
reinterpret_field(ZfTable *t, ZfColumn *col, const ZfColumnOptions *co)
{
	const zf_field *orig = col->f;
	const char *placing = co->position > 0 ? "position" :
		co->null_indicator > 0 ? "null_indicator" :
		co->occurs > 0 ? "occurs" : NULL;
	ZfColumnOptions eco = *co;
	zf_field	tmpl;
	zf_field   *f;

	if (placing)
		ereport(ERROR,
				(errcode(ERRCODE_FDW_INVALID_OPTION_NAME),
				 errmsg("column \"%s\" of foreign table \"%s\" has option %s, which only columns of tables without a copybook or punch take",
						col->attname, t->relname, placing),
				 errhint("The layout places field %s; option field chooses another field.",
						 orig->name)));
	if (co->usage == NULL)
	{
		if (co->pic || co->scale != INT32_MIN || co->length > 0)
			ereport(ERROR,
					(errcode(ERRCODE_FDW_INVALID_OPTION_NAME),
					 errmsg("column \"%s\" of foreign table \"%s\" has option %s without usage",
							col->attname, t->relname,
							co->pic ? "pic" : co->scale != INT32_MIN ? "scale" : "length"),
					 errhint("Options pic, scale and length change how a copybook or punch field is read only together with usage, such as usage 'comp'.")));
		if (co->byte_order != 0 && orig->kind == ZF_KIND_BINARY &&
			orig->binary_little != (co->byte_order == 2))
		{
			/* byte_order: the field's bytes in the other order */
			f = palloc(sizeof(zf_field));
			*f = *orig;
			f->binary_little = co->byte_order == 2;
			return f;
		}
		return orig;
	}
	if (orig->kind == ZF_KIND_GROUP || orig->length_prefix > 0 ||
		orig->occurs_max > 0 || orig->variable)
		ereport(ERROR,
				(errcode(ERRCODE_FDW_INVALID_ATTRIBUTE_VALUE),
				 errmsg("column \"%s\" of foreign table \"%s\" cannot read field %s with usage '%s'",
						col->attname, t->relname, orig->name, co->usage),
				 errdetail("Only an elementary field of fixed length and place, outside OCCURS, can be read with another usage.")));

	/* the same description as an explicit column, with the field's size */
	if (eco.pic == NULL && eco.length == 0)
		eco.length = (int32) orig->length;
	eco.dialect = t->opts.dialect;
	zfdw_explicit_field(col->attname, &eco, &tmpl);
	if (tmpl.length != orig->length || tmpl.length_prefix > 0)
		ereport(ERROR,
				(errcode(ERRCODE_FDW_INVALID_ATTRIBUTE_VALUE),
				 errmsg("column \"%s\" of foreign table \"%s\" reads field %s of %u bytes with usage '%s'%s%s, which takes %u bytes",
						col->attname, t->relname, orig->name, orig->length, co->usage,
						co->pic ? " pic " : "", co->pic ? co->pic : "", tmpl.length),
				 errhint("Leave out pic to read all the field's bytes.")));

	f = palloc(sizeof(zf_field));
	*f = *orig;
	f->kind = tmpl.kind;
	f->usage = tmpl.usage;
	f->picture = tmpl.picture;
	f->digits = tmpl.digits;
	f->scale = tmpl.scale;
	f->is_signed = tmpl.is_signed;
	f->sign = tmpl.sign;
	f->binary_native = tmpl.binary_native;
	f->binary_little = tmpl.binary_little;
	f->frac_digits = 0;
	f->date_format = NULL;
	f->for_bit_data = false;
	f->mixed = false;
	return f;
}

/*
 * Bind one column: find its field, check dimensions and type, choose the
 * conversion.  Columns the query does not need are bound too (so that a
 * wrong table definition fails the same way whatever the query), but get
 * conv NONE at the end.
 */
static void
bind_column(ZfTable *t, ZfColumn *col, Form_pg_attribute attr, bool needed)
{
	ZfColumnOptions co;
	const char *name;
	zf_error	err;

	col->attnum = attr->attnum;
	col->attname = pstrdup(NameStr(attr->attname));
	col->field = -1;
	bind_type(col, attr);
	zfdw_get_column_options(t->relid, attr->attnum, &co);
	col->meta = co.meta;
	col->trim = co.trim_given ? co.trim : t->opts.trim;
	col->trim_low_values = co.trim_low_values_given ? co.trim_low_values :
		t->opts.trim_low_values;
	col->null_if = co.null_if;
	col->null_if_bytes = co.null_if_bytes;
	col->cp = t->cp;
	if (co.codepage)
	{
		zf_error_clear(&err);
		col->cp = zf_codepage_lookup(co.codepage, &err);
		if (col->cp == NULL)
			zfdw_report(ERROR, &err, "codepage");
	}
	col->cs = zf_codepage_charset(col->cp);

	if (col->meta != ZF_META_NONE)
	{
		bind_meta(t, col);
		col->needed = needed;
		if (!needed)
			col->conv = ZF_CONV_NONE;
		return;
	}

	name = co.field ? co.field : col->attname;
	zf_error_clear(&err);
	if (t->delim)
		zfdw_delim_bind_field(t, col, &co);	/* sets field and f */
	else if (t->layout->source == ZF_SOURCE_COLUMNS && co.field == NULL)
	{
		/* the explicit layout has one field per column, under the root */
		int32		root = t->rd->root;

		for (int32 c = t->layout->fields[root].first_child; c >= 0;
			 c = t->layout->fields[c].next_sibling)
			if (strcmp(t->layout->fields[c].name, col->attname) == 0)
				col->field = c;
	}
	else if (zf_layout_find(t->layout, t->recdef, name, &col->field, &err) != ZF_OK)
		ereport(ERROR,
				(errcode(ERRCODE_FDW_COLUMN_NAME_NOT_FOUND),
				 errmsg("column \"%s\" of foreign table \"%s\": %s",
						col->attname, t->relname, err.message),
				 err.detail[0] ? errdetail("%s", err.detail) : 0,
				 errhint("Name the field with OPTIONS (field 'name') or a qualified path 'group.field'; zfdw.copybook_layout() lists the fields.")));
	if (col->field < 0)
		elog(ERROR, "zfdw: no field bound to column \"%s\"", col->attname);
	if (!t->delim)
		col->f = &t->layout->fields[col->field];
	if (t->layout->source == ZF_SOURCE_PUNCH && col->field >= 0)
		zfdw_bind_punch_field(t, col, &co);
	if (!t->delim && t->layout->source != ZF_SOURCE_COLUMNS)
		col->f = reinterpret_field(t, col, &co);
	col->ndims = zf_field_tables(t->layout, col->field, col->tables, lengthof(col->tables));
	if (col->ndims > (int) lengthof(col->tables) || col->ndims > MAXDIM)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("field %s is nested in %d OCCURS levels; columns support at most %d",
						col->f->name, col->ndims, MAXDIM)));
	if (col->ndims > 0 && !col->is_array && col->target != ZF_TARGET_JSONB)
	{
		char		typ[128];

		zf_field_pg_type(t->layout, col->field, typ, sizeof(typ));
		ereport(ERROR,
				(errcode(ERRCODE_FDW_INVALID_DATA_TYPE),
				 errmsg("field %s of column \"%s\" is a table (OCCURS): the column must be an array",
						col->f->name, col->attname),
				 errhint("Declare the column as %s.", typ)));
	}
	if (col->ndims == 0 && col->is_array)
		ereport(ERROR,
				(errcode(ERRCODE_FDW_INVALID_DATA_TYPE),
				 errmsg("column \"%s\" is an array but field %s does not repeat (no OCCURS)",
						col->attname, col->f->name)));
	if (col->ndims > 0 && col->target == ZF_TARGET_JSONB && !col->is_array)
	{
		/* jsonb of a table: the whole table as a JSON array */
		col->conv = ZF_CONV_GROUP_JSONB;
	}
	else
		bind_conversion(t, col, &co);
	col->needed = needed;
	if (!needed)
		col->conv = ZF_CONV_NONE;
}

/*
 * The column that reads the first key field, and the seeks it allows: only
 * a static fixed-length layout read from files can seek.
 */
static void
bind_key_column(ZfTable *t, TupleDesc tupdesc)
{
	t->key_column = -1;
	t->key_kind = ZF_KEY_NONE;
	if (t->nkeys == 0 || t->any_variable || t->opts.program ||
		!zfdw_fixed_length_records(t))
		return;
	for (int i = 0; i < t->ncolumns; i++)
	{
		ZfColumn   *col = &t->columns[i];

		if (col->dropped || col->field != t->key_fields[0] || col->ndims > 0)
			continue;
		t->key_column = i;
		t->key_kind = zfdw_key_kind(col->f, col->target,
									TupleDescAttr(tupdesc, i)->attcollation,
									col->trim, col->cp, col->is_array);
		if (t->key_kind != ZF_KEY_NONE)
			return;
	}
}

/*
 * Everything needed to decode the records of a foreign table, for all
 * columns or for those in needed_attrs (attribute numbers offset by
 * FirstLowInvalidHeapAttributeNumber, as pull_varattnos gives them; a
 * whole-row reference means all).  A parallel worker gives the layout its
 * leader packed; others pass NULL.  Allocated in the current memory
 * context.
 */
ZfTable *
zfdw_open_table(Relation rel, bool all_columns, Bitmapset *needed_attrs,
				const ZfPackedLayout *given)
{
	ZfTable    *t = palloc0(sizeof(ZfTable));
	TupleDesc	tupdesc = RelationGetDescr(rel);
	zf_error	err;

	t->relid = RelationGetRelid(rel);
	t->relname = pstrdup(RelationGetRelationName(rel));
	zfdw_get_table_options(t->relid, &t->opts);
	if (t->opts.filename == NULL && t->opts.program == NULL)
		ereport(ERROR,
				(errcode(ERRCODE_FDW_DYNAMIC_PARAMETER_VALUE_NEEDED),
				 errmsg("foreign table \"%s\" needs a filename or a program option",
						t->relname)));
	zf_error_clear(&err);
	t->cp = zf_codepage_lookup(t->opts.codepage, &err);
	if (t->cp == NULL)
		zfdw_report(ERROR, &err, "codepage");
	t->cs = zf_codepage_charset(t->cp);

	t->layout = zfdw_load_layout(&t->opts, tupdesc, t->relid, given, &t->recdef);
	/* layouts of column options are the table's own, never packed */
	t->parsed = t->layout->source == ZF_SOURCE_COLUMNS ? NULL : t->layout;
	t->rd = &t->layout->records[t->recdef];
	t->any_variable = !t->rd->is_static;
	if (t->rd->float_format == ZF_FLOAT_IEEE)
		t->opts.float_format = ZF_FLOAT_IEEE;
	if (t->layout->source == ZF_SOURCE_PUNCH)
	{
		zfdw_punch_own_layout(t);
		zfdw_punch_table_defaults(t);
	}
	if (t->opts.format == ZF_FORMAT_DELIMITED)
	{
		zfdw_delim_open(t, tupdesc->natts);
		if (t->rd->is_delimited)
			zfdw_delim_punch_defaults(t, t->rd->coldel, t->rd->chardel, t->rd->decpt);
	}

	/* a container: the data set's format from its labels */
	zfdw_archive_resolve(t);

	/* the record length of fixed-length files */
	if (t->opts.format == ZF_FORMAT_RECORD && !t->opts.recfm_given && !t->rd->is_static)
		ereport(ERROR,
				(errcode(ERRCODE_FDW_DYNAMIC_PARAMETER_VALUE_NEEDED),
				 errmsg("foreign table \"%s\" needs a recfm option: its layout has variable-length records",
						t->relname),
				 errhint("Use recfm 'vb' for a file with RDWs, 'vb_bdw' with block descriptors too; zfdw.inspect_file() tells which.")));
	t->lrecl = t->opts.lrecl > 0 ? (uint32) t->opts.lrecl : t->rd->max_length;
	if (t->lrecl == 0)
		ereport(ERROR,
				(errcode(ERRCODE_FDW_INVALID_ATTRIBUTE_VALUE),
				 errmsg("the record of foreign table \"%s\" is empty", t->relname)));

	zfdw_bind_segment(t);
	zfdw_bind_keys(t);

	t->ncolumns = tupdesc->natts;
	t->columns = palloc0(sizeof(ZfColumn) * Max(t->ncolumns, 1));
	for (int i = 0; i < tupdesc->natts; i++)
	{
		Form_pg_attribute attr = TupleDescAttr(tupdesc, i);
		bool		needed;

		if (attr->attisdropped)
		{
			t->columns[i].dropped = true;
			continue;
		}
		/*
		 * Under on_error 'skip' a record is bad when any column would fail,
		 * whatever the query reads: every column is decoded, so that
		 * count(*) and count(amt) see the same rows.
		 */
		needed = all_columns || t->opts.on_error == ZF_ON_ERROR_SKIP ||
			bms_is_member(attr->attnum - FirstLowInvalidHeapAttributeNumber, needed_attrs) ||
			bms_is_member(0 - FirstLowInvalidHeapAttributeNumber, needed_attrs);
		bind_column(t, &t->columns[i], attr, needed);
		zfdw_prepare_decode(t, &t->columns[i]);
	}
	bind_key_column(t, tupdesc);
	if (t->delim)
		zfdw_delim_finish(t);
	return t;
}

/* Create a cursor for the table's record definition, freed with the context. */
zf_cursor *
zfdw_create_cursor(ZfTable *t)
{
	zf_error	err;
	zf_cursor  *c;

	zf_error_clear(&err);
	c = zf_cursor_create(t->layout, t->recdef, t->cs, &err);
	if (c == NULL)
		zfdw_report(ERROR, &err, "could not prepare the layout");
	zfdw_free_with_context(free_cursor_callback, c);
	return c;
}
