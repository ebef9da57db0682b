/*-------------------------------------------------------------------------
 *
 * layout_load.c
 *	  Load the layout of a foreign table: a copybook, a punch (with its
 *	  DB2 DDL), or the columns' own options.
 *
 * Layout files are read with bounds (zfdw.max_layout_source) and checked
 * to be text before any parser sees them; every parse uses the limits of
 * the settings.  A copybook or punch is parsed once for as long as it
 * does not change (layout_cache.c); core layouts are malloc'd, and released
 * with the memory context of their owner.
 *
 *-------------------------------------------------------------------------
 */
#include "zfdw.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "access/parallel.h"
#include "mb/pg_wchar.h"
#include "storage/fd.h"
#include "utils/lsyscache.h"

#include "cobol/copybook.h"
#include "cobol/usage.h"
#include "db2/punch/punch.h"

#include "bind/binding_int.h"
#include "scan/s3_access.h"

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

/*
 * Arrange for fn(arg) to run when the current memory context is reset or
 * deleted: ties the life of core objects (malloc'd) to PostgreSQL's.
 */
void
zfdw_free_with_context(MemoryContextCallbackFunction fn, void *arg)
{
	MemoryContextCallback *cb = palloc(sizeof(MemoryContextCallback));

	cb->func = fn;
	cb->arg = arg;
	MemoryContextRegisterResetCallback(CurrentMemoryContext, cb);
}

/*
 * The text of a layout file compressed with gzip, bzip2 or zstd (as
 * recognised by compression 'auto'), decompressed in constant memory and
 * bounded by zfdw.max_layout_source like any layout text.  *n is its
 * length.
 */
static char *
read_compressed_text(Oid serverid, const char *path, const char *what,
					 size_t *n)
{
	zf_byte_source *bytes;
	zf_error	err;
	zf_status	st;
	size_t		limit = (size_t) zfdw_max_layout_source;
	char	   *buf = palloc(limit + 2);

	zf_error_clear(&err);
	bytes = zfdw_open_file_bytes(serverid, path, &err);
	if (bytes == NULL)
		zfdw_report_open_error(&err, NULL);
	bytes = zfdw_decompress_bytes(bytes, ZF_COMPRESSION_AUTO, NULL);
	st = zf_bytes_read_full(bytes, (uint8 *) buf, limit + 1, n, &err);
	zfdw_close_bytes(bytes, NULL);
	if (st != ZF_OK)
		zfdw_report(ERROR, &err, psprintf("%s file \"%s\"", what, path));
	if (*n > limit)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("%s file \"%s\" is too large when decompressed (more than %d bytes)",
						what, path, zfdw_max_layout_source),
				 errdetail("The limit zfdw.max_layout_source is %d bytes.",
						   zfdw_max_layout_source),
				 errhint("A superuser may raise zfdw.max_layout_source.")));
	buf[*n] = '\0';
	return buf;
}

/*
 * Read a whole text file (a copybook, a punch, DDL), local or an s3://
 * object of the table's server, into palloc'd memory, through the same
 * byte sources as the data.
 *
 * Only a regular file is read, and it is opened without blocking, so that
 * a FIFO cannot hang the backend in open().  Its size is bounded by
 * zfdw.max_layout_source.  A file that begins as gzip, bzip2 or zstd data
 * (the rule of compression 'auto', io/decompress.h) is decompressed, and
 * its decompressed text is bounded the same way.  The text must be what
 * a text value could hold:
 * no NUL byte (which would silently end the layout early) and valid in the
 * database encoding (the layout's names become column names and values).
 */
char *
zfdw_read_text_file(Oid serverid, const char *path, const char *what)
{
	zf_byte_source *bytes;
	zf_error	err;
	zf_status	st;
	int64		size;
	char	   *buf;
	size_t		n = 0;
	int			valid;
	const char *nul;

	zf_error_clear(&err);
	bytes = zfdw_open_file_bytes(serverid, path, &err);
	if (bytes == NULL)
	{
		if (err.status == ZF_E_UNSUPPORTED)
			ereport(ERROR,
					(errcode(ERRCODE_WRONG_OBJECT_TYPE),
					 errmsg("%s %s", what, err.message),
					 errhint("Give the %s inline with the %s_text option instead.", what, what)));
		if (zf_s3_is_url(path))
			zfdw_s3_report(&err);
		errno = err.sys_errno;
		ereport(ERROR,
				(errcode_for_file_access(),
				 errmsg("could not open %s file \"%s\": %m", what, path)));
	}
	size = zf_bytes_size(bytes);
	if (size > zfdw_max_layout_source)
	{
		zfdw_close_bytes(bytes, NULL);
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("%s file \"%s\" is too large (%lld bytes)", what, path,
						(long long) size),
				 errdetail("The limit zfdw.max_layout_source is %d bytes.",
						   zfdw_max_layout_source),
				 errhint("A superuser may raise zfdw.max_layout_source.")));
	}
	buf = palloc(size + 1);
	/* a file that shrank meanwhile: what is there */
	st = zf_bytes_read_full(bytes, (uint8_t *) buf, size, &n, &err);
	zfdw_close_bytes(bytes, NULL);
	if (st != ZF_OK)
	{
		if (zf_s3_is_url(path))
			zfdw_s3_report(&err);
		errno = err.sys_errno;
		ereport(ERROR,
				(errcode_for_file_access(),
				 errmsg("could not read %s file \"%s\": %m", what, path)));
	}
	buf[n] = '\0';

	/* a compressed copybook, punch or DDL is read decompressed */
	if (zf_compression_detect((const uint8 *) buf, n) != ZF_COMPRESSION_NONE)
	{
		pfree(buf);
		buf = read_compressed_text(serverid, path, what, &n);
	}

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
 * What the usage, pic and length make of it is core's to say
 * (zf_field_from_usage), as for a copybook entry.
 */
void
zfdw_explicit_field(const char *attname, const ZfColumnOptions *co,
					zf_field *f)
{
	zf_usage	usage = ZF_USAGE_NONE;
	zf_picture	pic;
	zf_error	err;
	zf_usage_fault fault;
	bool		has_pic = co->pic != NULL;

	memset(f, 0, sizeof(*f));
	f->name = attname;
	f->depending_on = -1;
	f->redefines = -1;
	f->renames_first = -1;
	f->renames_last = -1;
	f->picture = co->pic;
	if (co->usage)
		usage = zf_usage_lookup(co->usage, strlen(co->usage), ZF_USAGE_WORDS_OPTION);
	zf_error_clear(&err);
	if (has_pic && zf_picture_parse(co->pic, strlen(co->pic), &pic, &err) != ZF_OK)
		ereport(ERROR,
				(errcode(ERRCODE_FDW_INVALID_ATTRIBUTE_VALUE),
				 errmsg("invalid pic for column \"%s\": \"%s\"", attname, co->pic),
				 errdetail("%s", err.message)));
	if (zf_field_from_usage(usage, has_pic ? &pic : NULL, (uint32) Max(co->length, 0), false,
							attname, f, &fault, &err) != ZF_OK)
	{
		if (fault == ZF_USAGE_FAULT_SIZE)
			ereport(ERROR,
					(errcode(ERRCODE_FDW_DYNAMIC_PARAMETER_VALUE_NEEDED),
					 errmsg("column \"%s\" needs a length or a pic", attname),
					 errhint("Give the field's size with length '10' or its picture with pic 'S9(7)V99'.")));
		ereport(ERROR,
				(errcode(ERRCODE_FDW_INVALID_ATTRIBUTE_VALUE),
				 errmsg("column \"%s\" cannot have usage '%s'%s%s", attname,
						co->usage ? co->usage : "display",
						has_pic ? " with pic " : "", has_pic ? co->pic : ""),
				 errdetail("%s", err.message)));
	}
	f->usage = co->usage ? co->usage : "display";
	zf_field_apply_dialect(f, (zf_dialect) co->dialect);
	if (co->byte_order != 0 && f->kind == ZF_KIND_BINARY)
		f->binary_little = co->byte_order == 2;
	if (co->scale != INT32_MIN)
		f->scale = (int16) co->scale;

	if (co->length > 0 && f->length != (uint32) co->length &&
		f->kind != ZF_KIND_VARCHAR && f->kind != ZF_KIND_VARGRAPHIC)
		ereport(ERROR,
				(errcode(ERRCODE_FDW_INVALID_ATTRIBUTE_VALUE),
				 errmsg("column \"%s\" has length %d but its %s field takes %u bytes",
						attname, co->length, f->usage, f->length),
				 errhint("Leave out the length option, or correct it.")));
	if (co->occurs > 0)
	{
		f->occurs_min = co->occurs;
		f->occurs_max = co->occurs;
	}
	if (co->null_indicator > 0)
	{
		/* stored relative to the field once its offset is known */
		zf_field_null_indicator(f, co->null_indicator - 1);
	}
}

/*
 * A layout made of the columns' explicit options: one record definition
 * whose fields are the columns that have a position (or follow the
 * previous one when they have none).
 */
static zf_layout *
columns_layout(TupleDesc tupdesc, Oid relid, int32 lrecl, int dialect)
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
	zfdw_free_with_context(free_layout_callback, L);
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
		co.dialect = dialect;
		zfdw_explicit_field(NameStr(attr->attname), &co, &f);
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
 * Parse DB2 DDL text into its table model (malloc'd; the caller frees it).
 * Statements that do not parse are kept as errors by the parser and do
 * not stop it: only the tables matter here.  what names the DDL in errors.
 */
static zf_db2_script *
parse_ddl(const char *text, const char *what)
{
	zf_db2ddl_parse_options dopts;
	zf_db2_script *script = NULL;
	zf_error	err;

	memset(&dopts, 0, sizeof(dopts));
	dopts.continue_on_error = true;
	zf_error_clear(&err);
	if (zf_db2ddl_parse(text, strlen(text), &dopts, &script, &err) != ZF_OK)
		zfdw_report(ERROR, &err, what);
	return script;
}

/*
 * Parse DB2 DDL (a file or inline text) into its table model, freed with
 * the current memory context.
 */
zf_db2_script *
zfdw_load_ddl(Oid serverid, const char *path, const char *text)
{
	zf_db2_script *script;

	if (text == NULL)
		text = zfdw_read_text_file(serverid, path, "ddl");
	script = parse_ddl(text, path ? path : "ddl_text");
	zfdw_free_with_context(free_ddl_callback, script);
	return script;
}

/*
 * Say, at DEBUG1, that the copybook or punch of a table was parsed (and
 * in which kind of process), so that the parses of a query can be counted.
 */
static void
log_layout_parse(const char *what, Oid relid)
{
	char	   *relname;

	if (!message_level_is_interesting(DEBUG1))
		return;
	relname = get_rel_name(relid);
	ereport(DEBUG1,
			(errmsg_internal("zfdw: parsed the %s of foreign table \"%s\"%s",
							 what, relname ? relname : "?",
							 IsParallelWorker() ? " in a parallel worker" : "")));
}

/*
 * The settings the copybook or punch of a table is parsed with: its
 * options and the layout limits of the settings.
 */
void
zfdw_parse_settings(const ZfTableOptions *opts, ZfParseSettings *ps)
{
	memset(ps, 0, sizeof(*ps));
	ps->punch = !(opts->copybook || opts->copybook_text);
	zf_copybook_opts_init(&ps->copybook);
	zfdw_layout_limits(&ps->copybook.limits);
	if (ps->punch)
		return;
	ps->copybook.pic_n_dbcs = opts->pic_n_dbcs;
	ps->copybook.allow_larger_redefines = opts->allow_larger_redefines;
	ps->copybook.dialect = opts->dialect;
	ps->copybook.format = pg_strcasecmp(opts->copybook_format, "fixed") == 0 ? ZF_FORMAT_FIXED :
		pg_strcasecmp(opts->copybook_format, "free") == 0 ? ZF_FORMAT_FREE : ZF_FORMAT_AUTO;
}

/*
 * Parse the copybook, or the DDL and then the punch, of a table from
 * texts.  *layout and *ddl are set as soon as they exist (malloc'd), so
 * that the caller can free them when an error follows; errors name the
 * file or inline option of the table's options.
 */
void
zfdw_parse_layout(const ZfParseSettings *ps, const ZfTableOptions *opts,
				  Oid relid, const ZfLayoutTexts *texts, zf_layout **layout,
				  zf_db2_script **ddl)
{
	zf_punch_opts popts;
	zf_error	err;

	zf_error_clear(&err);
	if (!ps->punch)
	{
		*layout = zf_copybook_parse(texts->layout, strlen(texts->layout),
									&ps->copybook, &err);
		log_layout_parse("copybook", relid);
		if (*layout == NULL)
			zfdw_report(ERROR, &err, opts->copybook ? opts->copybook : "copybook_text");
		return;
	}
	zf_punch_opts_init(&popts);
	popts.limits = ps->copybook.limits;
	if (texts->ddl)
		popts.ddl = *ddl = parse_ddl(texts->ddl, opts->ddl ? opts->ddl : "ddl_text");
	*layout = zf_punch_parse(texts->layout, strlen(texts->layout), &popts, &err);
	log_layout_parse("punch", relid);
	if (*layout == NULL)
		zfdw_report(ERROR, &err, opts->punch ? opts->punch : "punch_text");
}

/*
 * Which record definition of a copybook layout a table reads: option
 * record, or the first.
 */
static int32
copybook_record(const zf_layout *L, const ZfTableOptions *opts)
{
	int32		recdef = 0;

	if (opts->record)
	{
		recdef = zf_layout_record(L, opts->record);
		if (recdef < 0)
		{
			StringInfoData names;

			initStringInfo(&names);
			for (int i = 0; i < L->nrecords; i++)
				appendStringInfo(&names, "%s%s", i ? ", " : "", L->records[i].name);
			ereport(ERROR,
					(errcode(ERRCODE_FDW_INVALID_ATTRIBUTE_VALUE),
					 errmsg("copybook has no record \"%s\"", opts->record),
					 errdetail("Its records are: %s.", names.data)));
		}
	}
	if (L->nrecords == 0)
		ereport(ERROR,
				(errcode(ERRCODE_FDW_INVALID_ATTRIBUTE_VALUE),
				 errmsg("the layout defines no record")));
	return recdef;
}

/*
 * Which INTO TABLE of a punch layout a table reads (option table, or the
 * only one), which the DDL, when there is one, must define (a parallel
 * worker has none: its leader checked).
 */
static int32
punch_record(const zf_layout *L, const zf_db2_script *ddl,
			 const ZfTableOptions *opts)
{
	int32		recdef = zfdw_punch_choose_table(L, opts->table);

	if (ddl && zf_punch_ddl_table(ddl, &L->records[recdef]) == NULL)
		ereport(ERROR,
				(errcode(ERRCODE_FDW_INVALID_ATTRIBUTE_VALUE),
				 errmsg("the DDL does not define table %s", L->records[recdef].name),
				 errhint("Give the CREATE TABLE statement of the table the punch loads.")));
	return recdef;
}

/*
 * Load the layout a table's options describe, and choose its record
 * definition (option record or table, default the first).  A copybook's
 * or punch's comes from the layout cache (in a parallel worker, from the
 * layout its leader packed); the others are built from the columns'
 * options.  The layout is released when the current memory context is.
 */
zf_layout *
zfdw_load_layout(const ZfTableOptions *opts, TupleDesc tupdesc, Oid relid,
				 const ZfPackedLayout *given, int32 *recdef_out)
{
	const ZfParsedLayout *parsed;

	*recdef_out = 0;
	if ((opts->ddl || opts->ddl_text) && !(opts->punch || opts->punch_text))
		ereport(ERROR,
				(errcode(ERRCODE_FDW_INVALID_OPTION_NAME),
				 errmsg("the ddl and ddl_text options go with a punch")));
	if (!(opts->copybook || opts->copybook_text || opts->punch || opts->punch_text))
	{
		if (opts->format == ZF_FORMAT_DELIMITED)
			return zfdw_delim_layout(tupdesc, relid);
		return columns_layout(tupdesc, relid, opts->lrecl, opts->dialect);
	}

	parsed = zfdw_layout_acquire(opts, relid, given);
	if (parsed->layout->source == ZF_SOURCE_PUNCH)
		*recdef_out = punch_record(parsed->layout, parsed->ddl, opts);
	else
		*recdef_out = copybook_record(parsed->layout, opts);
	return parsed->layout;
}
