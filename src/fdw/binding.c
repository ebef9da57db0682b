/*-------------------------------------------------------------------------
 *
 * binding.c
 *	  Load the layout of a foreign table (a copybook, a punch, or the
 *	  columns' own options) and bind every column to the field it reads,
 *	  deciding once per scan how its value will be built.
 *
 * Everything that can be checked before the first record is checked here:
 * an unknown field, an OCCURS field in a scalar column, a type that cannot
 * hold the field's values.  The per-record code then only decodes.
 *
 *-------------------------------------------------------------------------
 */
#include "zfdw.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "access/htup_details.h"
#include "catalog/pg_type.h"
#include "mb/pg_wchar.h"
#include "storage/fd.h"
#include "utils/builtins.h"
#include "utils/array.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"
#include "utils/rel.h"

#include "copybook.h"
#include "punch.h"
#include "zfdw_keys.h"
#include "zfdw_scan.h"

static const zf_codepage *punch_field_page(ZfTable *t, const zf_field *f);

/* Free a core layout when the memory context that holds its owner goes. */
static void
free_layout_callback(void *arg)
{
	zf_layout_free((zf_layout *) arg);
}

/* Free a parsed DB2 DDL script likewise. */
static void
free_ddl_callback(void *arg)
{
	zf_db2ddl_free((zf_db2_script *) arg);
}

/* Free a cursor likewise. */
static void
free_cursor_callback(void *arg)
{
	zf_cursor_free((zf_cursor *) arg);
}

/*
 * Arrange for fn(arg) to run when the current memory context is reset or
 * deleted: ties the life of core objects (malloc'd) to PostgreSQL's.
 */
static void
free_with_context(MemoryContextCallbackFunction fn, void *arg)
{
	MemoryContextCallback *cb = palloc(sizeof(MemoryContextCallback));

	cb->func = fn;
	cb->arg = arg;
	MemoryContextRegisterResetCallback(CurrentMemoryContext, cb);
}

/*
 * Read a whole text file (a copybook, a punch) into palloc'd memory.
 *
 * Only a regular file is read, and it is opened without blocking, so that
 * a FIFO cannot hang the backend in open().  Its size is bounded by
 * zfdw.max_layout_source.  The text must be what a text value could hold:
 * no NUL byte (which would silently end the layout early) and valid in the
 * database encoding (the layout's names become column names and values).
 */
char *
zfdw_read_text_file(const char *path, const char *what)
{
	struct stat st;
	char	   *buf;
	size_t		n = 0;
	int			fd;
	int			valid;
	const char *nul;

	fd = OpenTransientFile(path, O_RDONLY | O_NONBLOCK | PG_BINARY);
	if (fd < 0)
		ereport(ERROR,
				(errcode_for_file_access(),
				 errmsg("could not open %s file \"%s\": %m", what, path)));
	if (fstat(fd, &st) != 0)
		ereport(ERROR,
				(errcode_for_file_access(),
				 errmsg("could not stat %s file \"%s\": %m", what, path)));
	if (!S_ISREG(st.st_mode))
		ereport(ERROR,
				(errcode(ERRCODE_WRONG_OBJECT_TYPE),
				 errmsg("%s \"%s\" is %s, not a regular file", what, path,
						S_ISDIR(st.st_mode) ? "a directory" :
						S_ISFIFO(st.st_mode) ? "a FIFO" :
						S_ISCHR(st.st_mode) || S_ISBLK(st.st_mode) ? "a device" : "a special file"),
				 errhint("Give the %s inline with the %s_text option instead.", what, what)));
	if (st.st_size > zfdw_max_layout_source)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("%s file \"%s\" is too large (%lld bytes)", what, path,
						(long long) st.st_size),
				 errdetail("The limit zfdw.max_layout_source is %d bytes.",
						   zfdw_max_layout_source),
				 errhint("A superuser may raise zfdw.max_layout_source.")));
	buf = palloc(st.st_size + 1);
	while (n < (size_t) st.st_size)
	{
		ssize_t		got = read(fd, buf + n, st.st_size - n);

		if (got < 0 && errno == EINTR)
			continue;
		if (got < 0)
			ereport(ERROR,
					(errcode_for_file_access(),
					 errmsg("could not read %s file \"%s\": %m", what, path)));
		if (got == 0)
			break;				/* shrank meanwhile: take what is there */
		n += got;
	}
	CloseTransientFile(fd);
	buf[n] = '\0';

	nul = memchr(buf, '\0', n);
	if (nul != NULL)
		ereport(ERROR,
				(errcode(ERRCODE_CHARACTER_NOT_IN_REPERTOIRE),
				 errmsg("%s file \"%s\" is not a text file", what, path),
				 errdetail("It has a NUL byte (X'00') at byte offset %lld.",
						   (long long) (nul - buf)),
				 errhint("A %s must be text in the database encoding; one in EBCDIC must be transferred in text mode.", what)));
	valid = pg_encoding_verifymbstr(GetDatabaseEncoding(), buf, (int) n);
	if (valid < (int) n)
		ereport(ERROR,
				(errcode(ERRCODE_CHARACTER_NOT_IN_REPERTOIRE),
				 errmsg("%s file \"%s\" is not valid %s text", what, path,
						GetDatabaseEncodingName()),
				 errdetail("The first invalid byte is X'%02X' at byte offset %d.",
						   (unsigned char) buf[valid], valid),
				 errhint("A %s must be text in the database encoding; one in EBCDIC must be transferred in text mode.", what)));
	return buf;
}

/*
 * The limits of a copybook or punch layout from the settings: every
 * parse of a layout (tables, IMPORT, copybook_layout) uses these.
 */
void
zfdw_layout_limits(zf_limits *lim)
{
	zf_limits_default(lim);
	lim->max_record_length = (uint32) zfdw_max_record_length;
	lim->max_occurs = (uint32) zfdw_max_occurs;
	lim->max_fields = (uint32) zfdw_max_fields;
	lim->max_source_bytes = (uint32) zfdw_max_layout_source;
}

/*
 * Build the field of one explicit column (options position, length, pic,
 * usage, scale, null_indicator, occurs) as a template for zf_layout_add.
 */
static void
explicit_field(const char *attname, const ZfColumnOptions *co,
			   zf_field *f)
{
	const char *usage = co->usage ? co->usage : "display";
	zf_picture	pic;
	zf_error	err;
	bool		has_pic = co->pic != NULL;

	memset(f, 0, sizeof(*f));
	f->name = attname;
	f->depending_on = -1;
	f->redefines = -1;
	f->renames_first = -1;
	f->renames_last = -1;
	f->usage = usage;
	f->picture = co->pic;
	memset(&pic, 0, sizeof(pic));
	if (has_pic)
	{
		zf_error_clear(&err);
		if (zf_picture_parse(co->pic, strlen(co->pic), &pic, &err) != ZF_OK)
			ereport(ERROR,
					(errcode(ERRCODE_FDW_INVALID_ATTRIBUTE_VALUE),
					 errmsg("invalid pic for column \"%s\": \"%s\"", attname, co->pic),
					 errdetail("%s", err.message)));
		f->digits = pic.digits;
		f->scale = pic.scale;
		f->is_signed = pic.is_signed;
		f->sign = pic.is_signed ? ZF_SIGN_TRAILING : ZF_SIGN_NONE;
	}
	if (co->scale != INT32_MIN)
		f->scale = (int16) co->scale;

	if (strcmp(usage, "display") == 0)
	{
		if (has_pic)
		{
			f->kind = pic.kind;
			f->length = pic.size;
		}
		else
		{
			f->kind = ZF_KIND_ALNUM;
			f->length = co->length;
		}
	}
	else if (strcmp(usage, "comp-3") == 0 || strcmp(usage, "packed-decimal") == 0)
	{
		f->kind = ZF_KIND_PACKED;
		f->is_signed = has_pic ? pic.is_signed : true;
		f->length = has_pic ? (uint32) zf_packed_length(pic.digits) : (uint32) co->length;
		if (!has_pic)
			f->digits = co->length * 2 - 1;
	}
	else if (strcmp(usage, "comp") == 0 || strcmp(usage, "comp-4") == 0 ||
			 strcmp(usage, "binary") == 0 || strcmp(usage, "comp-5") == 0)
	{
		f->kind = ZF_KIND_BINARY;
		f->binary_native = strcmp(usage, "comp-5") == 0 || !has_pic;
		f->is_signed = has_pic ? pic.is_signed : true;
		f->length = has_pic ? (uint32) zf_binary_length(pic.digits) : (uint32) co->length;
	}
	else if (strcmp(usage, "comp-1") == 0)
	{
		f->kind = ZF_KIND_FLOAT;
		f->length = 4;
	}
	else if (strcmp(usage, "comp-2") == 0)
	{
		f->kind = ZF_KIND_FLOAT;
		f->length = 8;
	}
	else if (strcmp(usage, "char") == 0)
	{
		f->kind = ZF_KIND_ALNUM;
		f->length = co->length;
	}
	else if (strcmp(usage, "varchar") == 0)
	{
		f->kind = ZF_KIND_VARCHAR;
		f->length_prefix = 2;
		f->length = co->length;
	}
	else if (strcmp(usage, "graphic") == 0 || strcmp(usage, "display-1") == 0)
	{
		f->kind = ZF_KIND_DBCS;
		f->length = has_pic ? pic.size * 2 : (uint32) co->length;
	}
	else if (strcmp(usage, "vargraphic") == 0)
	{
		f->kind = ZF_KIND_VARGRAPHIC;
		f->length_prefix = 2;
		f->length = co->length;
	}
	else if (strcmp(usage, "national") == 0)
	{
		f->kind = ZF_KIND_NATIONAL;
		f->length = has_pic ? pic.size * 2 : (uint32) co->length;
	}
	else if (strcmp(usage, "date") == 0)
	{
		f->kind = ZF_KIND_DATE;
		f->length = co->length ? co->length : 10;
	}
	else if (strcmp(usage, "time") == 0)
	{
		f->kind = ZF_KIND_TIME;
		f->length = co->length ? co->length : 8;
	}
	else if (strcmp(usage, "timestamp") == 0)
	{
		f->kind = ZF_KIND_TIMESTAMP;
		f->length = co->length ? co->length : 26;
	}
	else
	{
		f->kind = ZF_KIND_BYTES;
		f->length = co->length;
	}

	if (co->length > 0 && f->length != (uint32) co->length &&
		f->kind != ZF_KIND_VARCHAR && f->kind != ZF_KIND_VARGRAPHIC)
		ereport(ERROR,
				(errcode(ERRCODE_FDW_INVALID_ATTRIBUTE_VALUE),
				 errmsg("column \"%s\" has length %d but its %s field takes %u bytes",
						attname, co->length, usage, f->length),
				 errhint("Leave out the length option, or correct it.")));
	if (f->length == 0)
		ereport(ERROR,
				(errcode(ERRCODE_FDW_DYNAMIC_PARAMETER_VALUE_NEEDED),
				 errmsg("column \"%s\" needs a length or a pic", attname),
				 errhint("Give the field's size with length '10' or its picture with pic 'S9(7)V99'.")));
	if (co->occurs > 0)
	{
		f->occurs_min = co->occurs;
		f->occurs_max = co->occurs;
	}
	if (co->null_indicator > 0)
	{
		f->has_null_ind = true;
		f->null_ind_value = 0xFF;
		/* stored relative to the field once its offset is known */
		f->null_ind_rel = co->null_indicator - 1;
	}
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
	explicit_field(col->attname, &eco, &tmpl);
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
	f->frac_digits = 0;
	f->date_format = NULL;
	f->for_bit_data = false;
	f->mixed = false;
	return f;
}

/*
 * A layout made of the columns' explicit options: one record definition
 * whose fields are the columns that have a position (or follow the
 * previous one when they have none).
 */
static zf_layout *
columns_layout(TupleDesc tupdesc, Oid relid, int32 lrecl)
{
	int			nfields = 0;
	zf_error	err;
	zf_layout  *L;
	zf_field	root;
	int32		rootidx;
	zf_limits	lim;

	zf_error_clear(&err);
	L = zf_layout_new(ZF_SOURCE_COLUMNS, &err);
	if (L == NULL)
		zfdw_report(ERROR, &err, "could not build the layout");
	free_with_context(free_layout_callback, L);
	memset(&root, 0, sizeof(root));
	root.name = "RECORD";
	root.kind = ZF_KIND_GROUP;
	root.level = 1;
	root.depending_on = root.redefines = root.renames_first = root.renames_last = -1;
	rootidx = zf_layout_add(L, &root, ZF_NO_FIELD, ZF_NO_OFFSET, &err);
	if (rootidx < 0)
		zfdw_report(ERROR, &err, "could not build the layout");

	for (int i = 0; i < tupdesc->natts; i++)
	{
		Form_pg_attribute attr = TupleDescAttr(tupdesc, i);
		ZfColumnOptions co;
		zf_field	f;
		uint32		offset;

		if (attr->attisdropped)
			continue;
		zfdw_get_column_options(relid, attr->attnum, &co);
		if (co.meta != ZF_META_NONE)
			continue;
		if (co.position == 0 && co.pic == NULL && co.usage == NULL && co.length == 0)
			ereport(ERROR,
					(errcode(ERRCODE_FDW_DYNAMIC_PARAMETER_VALUE_NEEDED),
					 errmsg("column \"%s\" has no field to read", NameStr(attr->attname)),
					 errhint("Give the table a copybook or punch, or give the column position and length (or pic) options.")));
		explicit_field(NameStr(attr->attname), &co, &f);
		offset = co.position > 0 ? (uint32) (co.position - 1) : ZF_NO_OFFSET;
		if (f.has_null_ind)
		{
			if (offset == ZF_NO_OFFSET)
				ereport(ERROR,
						(errcode(ERRCODE_FDW_INVALID_ATTRIBUTE_VALUE),
						 errmsg("column \"%s\" has a null_indicator but no position",
								NameStr(attr->attname))));
			f.null_ind_rel = f.null_ind_rel - (int32) offset;
		}
		if (zf_layout_add(L, &f, rootidx, offset, &err) < 0)
			zfdw_report(ERROR, &err, "could not build the layout");
		nfields++;
	}
	if (nfields == 0)
	{
		/*
		 * Only meta columns: the record is an unnamed FILLER (of lrecl bytes
		 * for fixed records) that no column reads.
		 */
		zf_field	filler;

		memset(&filler, 0, sizeof(filler));
		filler.name = "FILLER";
		filler.is_filler = true;
		filler.kind = ZF_KIND_ALNUM;
		filler.usage = "display";
		filler.length = lrecl > 0 ? (uint32) lrecl : 1;
		filler.depending_on = filler.redefines = filler.renames_first = filler.renames_last = -1;
		if (zf_layout_add(L, &filler, rootidx, ZF_NO_OFFSET, &err) < 0)
			zfdw_report(ERROR, &err, "could not build the layout");
	}
	zfdw_layout_limits(&lim);
	if (zf_layout_finish(L, &lim, &err) != ZF_OK)
		zfdw_report(ERROR, &err, "invalid column layout");
	return L;
}

/*
 * Parse DB2 DDL (a file or inline text) into its table model, freed with
 * the current memory context.  Statements that do not parse are kept as
 * errors by the parser and do not stop it: only the tables matter here.
 */
zf_db2_script *
zfdw_load_ddl(const char *path, const char *text)
{
	zf_db2ddl_parse_options dopts;
	zf_db2_script *script = NULL;
	zf_error	err;

	if (text == NULL)
		text = zfdw_read_text_file(path, "ddl");
	memset(&dopts, 0, sizeof(dopts));
	dopts.continue_on_error = true;
	zf_error_clear(&err);
	if (zf_db2ddl_parse(text, strlen(text), &dopts, &script, &err) != ZF_OK)
		zfdw_report(ERROR, &err, path ? path : "ddl_text");
	free_with_context(free_ddl_callback, script);
	return script;
}

/*
 * Load the layout a table's options describe, and choose its record
 * definition (option record or table, default the first).  The layout is
 * freed when the current memory context is.
 */
zf_layout *
zfdw_load_layout(const ZfTableOptions *opts, TupleDesc tupdesc, Oid relid,
				 int32 *recdef_out)
{
	zf_layout  *L = NULL;
	zf_error	err;
	int32		recdef = 0;

	zf_error_clear(&err);
	if ((opts->ddl || opts->ddl_text) && !(opts->punch || opts->punch_text))
		ereport(ERROR,
				(errcode(ERRCODE_FDW_INVALID_OPTION_NAME),
				 errmsg("the ddl and ddl_text options go with a punch")));
	if (opts->copybook || opts->copybook_text)
	{
		zf_copybook_opts copts;
		char	   *text = opts->copybook_text ? opts->copybook_text :
			zfdw_read_text_file(opts->copybook, "copybook");

		zf_copybook_opts_init(&copts);
		zfdw_layout_limits(&copts.limits);
		copts.pic_n_dbcs = opts->pic_n_dbcs;
		copts.allow_larger_redefines = opts->allow_larger_redefines;
		copts.format = pg_strcasecmp(opts->copybook_format, "fixed") == 0 ? ZF_FORMAT_FIXED :
			pg_strcasecmp(opts->copybook_format, "free") == 0 ? ZF_FORMAT_FREE : ZF_FORMAT_AUTO;
		L = zf_copybook_parse(text, strlen(text), &copts, &err);
		if (L == NULL)
			zfdw_report(ERROR, &err, opts->copybook ? opts->copybook : "copybook_text");
		if (opts->record)
		{
			recdef = zf_layout_record(L, opts->record);
			if (recdef < 0)
			{
				StringInfoData names;

				initStringInfo(&names);
				for (int i = 0; i < L->nrecords; i++)
					appendStringInfo(&names, "%s%s", i ? ", " : "", L->records[i].name);
				zf_layout_free(L);
				ereport(ERROR,
						(errcode(ERRCODE_FDW_INVALID_ATTRIBUTE_VALUE),
						 errmsg("copybook has no record \"%s\"", opts->record),
						 errdetail("Its records are: %s.", names.data)));
			}
		}
	}
	else if (opts->punch || opts->punch_text)
	{
		zf_punch_opts popts;
		char	   *text = opts->punch_text ? opts->punch_text :
			zfdw_read_text_file(opts->punch, "punch");

		zf_punch_opts_init(&popts);
		zfdw_layout_limits(&popts.limits);
		if (opts->ddl || opts->ddl_text)
			popts.ddl = zfdw_load_ddl(opts->ddl, opts->ddl_text);
		L = zf_punch_parse(text, strlen(text), &popts, &err);
		if (L == NULL)
			zfdw_report(ERROR, &err, opts->punch ? opts->punch : "punch_text");
		free_with_context(free_layout_callback, L);
		recdef = zfdw_punch_choose_table(L, opts->table);
		if (popts.ddl && zf_punch_ddl_table(popts.ddl, &L->records[recdef]) == NULL)
			ereport(ERROR,
					(errcode(ERRCODE_FDW_INVALID_ATTRIBUTE_VALUE),
					 errmsg("the DDL does not define table %s", L->records[recdef].name),
					 errhint("Give the CREATE TABLE statement of the table the punch loads.")));
		*recdef_out = recdef;
		return L;
	}
	else if (opts->format == ZF_FORMAT_DELIMITED)
		return zfdw_delim_layout(tupdesc, relid);
	else
		return columns_layout(tupdesc, relid, opts->lrecl);

	free_with_context(free_layout_callback, L);
	if (L->nrecords == 0)
		ereport(ERROR,
				(errcode(ERRCODE_FDW_INVALID_ATTRIBUTE_VALUE),
				 errmsg("the layout defines no record")));
	*recdef_out = recdef;
	return L;
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

static bool
is_number_target(ZfTarget t)
{
	return t == ZF_TARGET_INT2 || t == ZF_TARGET_INT4 || t == ZF_TARGET_INT8 ||
		t == ZF_TARGET_NUMERIC || t == ZF_TARGET_FLOAT4 || t == ZF_TARGET_FLOAT8;
}

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
			ok = col->target == ZF_TARGET_INT8 || col->target == ZF_TARGET_NUMERIC ||
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
					  col->meta == ZF_META_FILE_NAME || col->meta == ZF_META_SEGMENT ?
					  "Declare it text." : "Declare it bigint.");
	col->conv = ZF_CONV_META;
}

/*
 * What a punch field needs beyond what copybook fields do: its own code
 * page (the punch's CCSID for its kind of data), and for a DECIMAL whose
 * scale the punch does not give (no DDL), the scale of the column's
 * numeric(p,s).
 */
static void
bind_punch_field(ZfTable *t, ZfColumn *col, const ZfColumnOptions *co)
{
	zf_field   *f = &t->layout->fields[col->field];

	if (co->codepage == NULL)
	{
		col->cp = punch_field_page(t, f);
		col->cs = zf_codepage_charset(col->cp);
	}
	if (f->scale_unknown && col->target == ZF_TARGET_NUMERIC && col->num_precision >= 0)
	{
		/* the layout is this table's own: the typmod completes it */
		f->scale = (int16) col->num_scale;
		f->scale_unknown = false;
	}
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
		bind_punch_field(t, col, &co);
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
 * The encoded bytes of segment_value, for comparison with the segment
 * field of every record: text padded with the page's spaces.  Numeric
 * segment fields are compared by value instead (segment_bytes NULL).
 */
static void
bind_segment(ZfTable *t)
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

/* Resolve the key option: the fields a KSDS export is sorted by. */
static void
bind_keys(ZfTable *t)
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
		t->key_fields[t->nkeys++] = fi;
	}
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
		t->opts.format != ZF_FORMAT_RECORD || t->opts.recfm != ZF_RECFM_FB)
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
 * Look up a code page by the CCSID a punch gives for some data; an
 * unknown CCSID is an error, never a guess.
 */
static const zf_codepage *
punch_ccsid_page(ZfTable *t, int32 ccsid, const char *what)
{
	char		name[16];
	zf_error	err;
	const zf_codepage *cp;

	snprintf(name, sizeof(name), "%d", (int) ccsid);
	zf_error_clear(&err);
	cp = zf_codepage_lookup(name, &err);
	if (cp == NULL)
		ereport(ERROR,
				(errcode(ERRCODE_FDW_INVALID_ATTRIBUTE_VALUE),
				 errmsg("the punch of foreign table \"%s\" says %s is in CCSID %d, which zfdw does not know",
						t->relname, what, (int) ccsid),
				 errhint("Give the code page with the codepage option of the table or of the column.")));
	return cp;
}

/*
 * What a punch says about the table as a whole: the code page of its data
 * (unless the table's own codepage option says otherwise), the record
 * format UNLOAD wrote, and the delimiters of FORMAT DELIMITED.
 */
static void
punch_table_defaults(ZfTable *t)
{
	const zf_recdef *rd = t->rd;

	if (!t->opts.codepage_given)
	{
		if (rd->unicode)
			t->cp = punch_ccsid_page(t, 1208, "its data");
		else if (rd->ccsid_sbcs != 0)
			t->cp = punch_ccsid_page(t, rd->ccsid_sbcs, "its single-byte data");
		else if (rd->ccsid_mixed != 0)
			t->cp = punch_ccsid_page(t, rd->ccsid_mixed, "its mixed data");
		t->cs = zf_codepage_charset(t->cp);
	}
	if (rd->float_format == ZF_FLOAT_IEEE)
		t->opts.float_format = ZF_FLOAT_IEEE;
	if (rd->is_delimited)
	{
		/* its COLDEL, CHARDEL and DECPT: zfdw_delim_punch_defaults */
		t->opts.format = ZF_FORMAT_DELIMITED;
		return;
	}
	if (!t->opts.recfm_given)
	{
		bool		sequential = false;

		/* UNLOAD writes SPANNED YES as VBS, unpadded (POSITION(*)) as VB */
		for (int32 c = t->layout->fields[rd->root].first_child; c >= 0;
			 c = t->layout->fields[c].next_sibling)
			if (!t->layout->fields[c].fixed_offset)
				sequential = true;
		if (rd->spanned)
		{
			t->opts.recfm = ZF_RECFM_VBS;
			t->opts.recfm_given = true;
		}
		else if (!rd->is_static && sequential)
		{
			t->opts.recfm = ZF_RECFM_VB;
			t->opts.recfm_given = true;
		}
	}
}

/*
 * The code page of one field of a punch: the CCSID the punch gives for
 * its kind of data (EBCDIC graphic data decodes through the mixed page);
 * UTF-16 (CCSID 1200) is decoded by the field's CCSID itself.
 */
static const zf_codepage *
punch_field_page(ZfTable *t, const zf_field *f)
{
	int32		ccsid = f->ccsid;

	if (t->opts.codepage_given || ccsid == 1200)
		return t->cp;
	if ((f->kind == ZF_KIND_DBCS || f->kind == ZF_KIND_VARGRAPHIC) && !t->rd->unicode)
		ccsid = t->rd->ccsid_mixed;
	if (ccsid == 0 || ccsid == t->rd->ccsid_sbcs || (t->rd->unicode && ccsid == 1208))
		return t->cp;
	return punch_ccsid_page(t, ccsid, psprintf("field %s", f->name));
}

/*
 * Everything needed to decode the records of a foreign table, for all
 * columns or for those in needed_attrs (attribute numbers offset by
 * FirstLowInvalidHeapAttributeNumber, as pull_varattnos gives them; a
 * whole-row reference means all).  Allocated in the current memory context.
 */
ZfTable *
zfdw_open_table(Relation rel, bool all_columns, Bitmapset *needed_attrs)
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

	t->layout = zfdw_load_layout(&t->opts, tupdesc, t->relid, &t->recdef);
	t->rd = &t->layout->records[t->recdef];
	t->any_variable = !t->rd->is_static;
	if (t->rd->float_format == ZF_FLOAT_IEEE)
		t->opts.float_format = ZF_FLOAT_IEEE;
	if (t->layout->source == ZF_SOURCE_PUNCH)
		punch_table_defaults(t);
	if (t->opts.format == ZF_FORMAT_DELIMITED)
	{
		zfdw_delim_open(t, tupdesc->natts);
		if (t->rd->is_delimited)
			zfdw_delim_punch_defaults(t, t->rd->coldel, t->rd->chardel, t->rd->decpt);
	}

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

	bind_segment(t);
	bind_keys(t);

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
		needed = all_columns ||
			bms_is_member(attr->attnum - FirstLowInvalidHeapAttributeNumber, needed_attrs) ||
			bms_is_member(0 - FirstLowInvalidHeapAttributeNumber, needed_attrs);
		bind_column(t, &t->columns[i], attr, needed);
		zfdw_fast_prepare(t, &t->columns[i]);
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
	free_with_context(free_cursor_callback, c);
	return c;
}

/*
 * Which INTO TABLE of a punch a foreign table reads: the one named by the
 * table option ("NAME" or "CREATOR.NAME", case-insensitive), or the only
 * table of the punch.  Partition blocks of one table share its layout, so
 * the first block of the table is returned.
 */
int32
zfdw_punch_choose_table(const zf_layout *L, const char *table)
{
	int32		found = -1;
	StringInfoData names;

	initStringInfo(&names);
	for (int32 i = 0; i < L->nrecords; i++)
	{
		const zf_recdef *rd = &L->records[i];
		char	   *qualified = psprintf("%s.%s", rd->creator ? rd->creator : "", rd->table ? rd->table : "");
		bool		same_as_found = found >= 0 && rd->table && L->records[found].table &&
			strcmp(rd->table, L->records[found].table) == 0 &&
			strcmp(rd->creator ? rd->creator : "", L->records[found].creator ? L->records[found].creator : "") == 0;

		if (!same_as_found && strstr(names.data, qualified) == NULL)
			appendStringInfo(&names, "%s%s", names.len ? ", " : "", qualified);
		if (table == NULL)
		{
			if (found < 0)
				found = i;
			else if (!same_as_found)
				ereport(ERROR,
						(errcode(ERRCODE_FDW_DYNAMIC_PARAMETER_VALUE_NEEDED),
						 errmsg("the punch loads several tables: name one with the table option"),
						 errdetail("Tables: %s.", names.data)));
		}
		else if (found < 0 &&
				 ((rd->table && pg_strcasecmp(table, rd->table) == 0) ||
				  pg_strcasecmp(table, qualified) == 0))
			found = i;
	}
	if (found < 0)
		ereport(ERROR,
				(errcode(ERRCODE_FDW_INVALID_ATTRIBUTE_VALUE),
				 errmsg("the punch loads no table \"%s\"", table ? table : ""),
				 errdetail("Tables: %s.", names.data)));
	return found;
}

/*
 * Compare a numeric segment field with segment_value by value: "1" matches
 * a PIC 9(2) holding 01, a COMP-3 holding +1, a binary 1.
 */
bool
zfdw_segment_number_matches(ZfTable *t, const uint8 *p, uint32 len)
{
	const zf_field *f = &t->layout->fields[t->segment_field];
	zf_int128	v,
				want;
	zf_status	st;

	switch (f->kind)
	{
		case ZF_KIND_PACKED:
			st = zf_packed_decode(p, len, f->is_signed, &v, NULL);
			break;
		case ZF_KIND_ZONED:
			st = zf_zoned_decode(p, len, f->sign, t->cs, &v, NULL);
			break;
		case ZF_KIND_BINARY:
			st = zf_binary_decode(p, len, f->is_signed, true, &v, NULL);
			break;
		default:
			return false;
	}
	if (st != ZF_OK)
		return false;
	if (zf_decimal_from_string(t->opts.segment_value, strlen(t->opts.segment_value),
							   f->scale, &want, NULL) != ZF_OK)
		return false;
	return v == want;
}
