/*-------------------------------------------------------------------------
 *
 * scan_archive.c
 *	  Tables read through a container: a data set of a virtual tape image
 *	  (AWSTAPE, HET) or of a TSO TRANSMIT file, or members of a library in
 *	  either or in a standalone IEBCOPY unload (core: archive/archive.h).
 *
 * The options: container 'none' (the default), 'awstape', 'het', 'xmit',
 * 'iebcopy' or 'auto'; tape_file (the file sequence number, default 1),
 * dataset (the data set name), member (a member name or glob).  With
 * 'auto' the first file's content decides: a tape image when its first
 * two block headers chain (first chunk or tape mark, previous length 0,
 * then the second header where the first says, naming the first's
 * length), an XMIT when it begins with an INMR01 control record, an
 * IEBCOPY unload when a record descriptor (after a block descriptor or
 * not) is followed by COPYR1's identifier X'CA6D0F', else no container:
 * a plain file is never taken for an archive by 'auto' unless its first
 * bytes happen to form such a chain.  Plain tables (no container option)
 * never look.
 *
 * The labels (HDR2; INMR02; COPYR1 for a library) give the RECFM and
 * LRECL when the table does not: the first file is opened when the table
 * is, and every file of a glob must then agree with it.  A glob of tape
 * volumes reads a data set continued on the next volume (EOV) as one
 * data set: the next file of the list is read as its continuation and
 * then not again.
 *
 * A tape's data set of fixed-length records, uncompressed, on one volume
 * of a local file is mapped from its block headers when it is opened
 * (archive/tape_map.c): the table then reads it as a plain fixed-length
 * file is read, with key seeks and record ranges for parallel workers.
 * Everything else (compressed HET blocks, V/VB/VBS/U, members, XMIT, an
 * object, whose every block header would cost a request) is read from
 * start to end, a parallel scan split by file; EXPLAIN says which and
 * why.  Every file of a glob must then be mapped as the first one is.
 *
 *-------------------------------------------------------------------------
 */
#include "zfdw.h"

#include "commands/explain.h"
#include "storage/fd.h"

#include "archive/archive.h"
#include "io/s3.h"
#include "scan/s3_access.h"

/* What the table reads through its container. */
typedef struct ZfArchive
{
	zf_container kind;			/* of the first file */
	bool		het;			/* named het (or a compressed block seen) */
	bool		auto_detect;
	uint32		tape_file;
	char	   *dataset;
	char	   *member;
	char	   *ds_recfm;		/* the recfm option as a data set RECFM, or
								 * NULL: the labels' */
	uint32		lrecl;			/* the lrecl option, or 0 */
	zf_archive_desc desc;		/* the first file's data set */
	zf_recfm	reader_recfm;	/* what the table's reader cuts */
	uint32		reader_lrecl;
	Oid			serverid;
	zf_compression compression; /* the table's compression option */
} ZfArchive;

/* The recfm option as a data set RECFM ("FB" ...), or NULL. */
static char *
ds_recfm_of(const ZfTableOptions *o)
{
	const char *w = o->recfm_word;

	if (!o->recfm_given || w == NULL)
		return NULL;
	if (pg_strcasecmp(w, "fb") == 0 || pg_strcasecmp(w, "f") == 0)
		return "FB";
	if (pg_strcasecmp(w, "vbs") == 0 || pg_strcasecmp(w, "vbs_bdw") == 0)
		return "VBS";
	if (pg_strcasecmp(w, "u") == 0)
		return "U";
	if (pg_strcasecmp(w, "text") == 0)
		ereport(ERROR,
				(errcode(ERRCODE_FDW_INVALID_ATTRIBUTE_VALUE),
				 errmsg("recfm 'text' cannot be read from a container"),
				 errhint("A data set in a tape image or an XMIT file has RECFM F, V or U.")));
	return "VB";
}

/* Which container a file is, by its first bytes (container 'auto'). */
static zf_container
detect(zf_byte_source *bytes)
{
	size_t		cap = 6 + ZF_TAPE_MAX_BLOCK + 6;
	uint8	   *buf = palloc(cap);
	size_t		n = 0;
	zf_error	err;
	zf_container kind = ZF_CONTAINER_NONE;

	zf_error_clear(&err);
	if (zf_bytes_read_at_full(bytes, buf, cap, 0, &n, &err) == ZF_OK)
	{
		if (zf_xmit_detect(buf, n))
			kind = ZF_CONTAINER_XMIT;
		else if (zf_tape_detect(buf, n))
			kind = ZF_CONTAINER_AWSTAPE;
		else if (zf_unload_detect(buf, n))
			kind = ZF_CONTAINER_IEBCOPY;
	}
	pfree(buf);
	return kind;
}

/* Report a core error about a file of the table. */
pg_noreturn static void
archive_error(const zf_error *err, const char *path)
{
	zf_error	e;

	zfdw_error_prepare(err, &e);
	ereport(ERROR,
			(errcode(zfdw_sqlstate(e.status)),
			 errmsg("%s", e.message),
			 e.detail[0] ? errdetail("%s", e.detail) : 0,
			 e.hint[0] ? errhint("%s", e.hint) : 0,
			 errcontext("file \"%s\"%s", path,
						e.offset >= 0 ? psprintf(", byte offset %lld", (long long) e.offset) : "")));
}

/* The container of one file: given, or detected. */
static zf_container
kind_of_file(ZfArchive *a, zf_byte_source *bytes)
{
	if (!a->auto_detect)
		return a->kind;
	return detect(bytes);
}

/*
 * The next volume of a tape data set continued (EOV): the next file of
 * the scan's list, which the scan then does not read again.
 */
static zf_byte_source *
next_volume(void *arg, zf_error *err)
{
	ZfSource   *src = (ZfSource *) arg;
	char	   *path;

	if (src->parallel)
	{
		/* the next file is another worker's: it must not be read twice */
		zf_error_set(err, ZF_E_UNSUPPORTED,
					 "a data set continued on another volume cannot be read by a parallel scan");
		zf_error_hint(err, "Read it without parallel workers: SET max_parallel_workers_per_gather = 0.");
		return NULL;
	}
	if (src->files == NIL || src->current + 1 >= list_length(src->files))
		return NULL;
	path = (char *) list_nth(src->files, ++src->current);
	if (zf_s3_is_url(path))
	{
		zf_byte_source *obj = zfdw_s3_open(src->serverid, path, err);

		/* an object's transfers must not be left by a jump (s3_access.c) */
		if (obj)
			zf_bytes_set_hooks(obj, &zfdw_s3_hooks);
		return obj;
	}
	/* not counted by AcquireExternalFD: the tape source closes it itself */
	return zf_file_source_open(path, err);
}

/*
 * Why the data set of a tape image at path is not to be mapped for reads
 * at offsets, or NULL: an object (each block header a request), or a
 * compressed image (no offsets before decompression).
 */
static const char *
no_map_reason(ZfArchive *a, const char *path)
{
	if (path == NULL)
		return "a program's output is read in order";
	if (zf_s3_is_url(path))
		return "an object is read in order: mapping its blocks would cost a request per block header";
	if (zfdw_file_compression(a->serverid, path, a->compression) != ZF_COMPRESSION_NONE)
		return "a compressed tape image is read in order";
	return NULL;
}

/* Open a container source over bytes; NULL with err set on failure. */
static zf_byte_source *
open_container(ZfArchive *a, zf_container kind, zf_byte_source *bytes,
			   ZfSource *src, const char *path, zf_error *err)
{
	if (kind == ZF_CONTAINER_XMIT || kind == ZF_CONTAINER_IEBCOPY)
	{
		zf_xmit_opts xo;

		memset(&xo, 0, sizeof(xo));
		xo.dsname = a->dataset;
		xo.member = a->member;
		xo.recfm = a->ds_recfm;
		xo.lrecl = a->lrecl;
		if (kind == ZF_CONTAINER_IEBCOPY)
			return zf_unload_source_open(bytes, &xo, err);
		return zf_xmit_source_open(bytes, &xo, err);
	}
	else
	{
		zf_tape_opts to;

		memset(&to, 0, sizeof(to));
		to.file = a->tape_file;
		to.dsname = a->dataset;
		to.member = a->member;
		to.recfm = a->ds_recfm;
		to.lrecl = a->lrecl;
		to.next_volume = src ? next_volume : NULL;
		to.next_volume_arg = src;
		to.no_map = no_map_reason(a, path);
		return zf_tape_source_open(bytes, &to, NULL, err);
	}
}

/*
 * Resolve a table's container: the options, then the first file's data
 * set, whose labels give RECFM and LRECL when the table does not.
 */
void
zfdw_archive_resolve(ZfTable *t)
{
	ZfTableOptions *o = &t->opts;
	ZfArchive  *a;
	List	   *files;
	char	   *path;
	zf_byte_source *bytes;
	zf_byte_source *arch;
	zf_error	err;
	zf_container kind;

	if (o->container == NULL || pg_strcasecmp(o->container, "none") == 0)
	{
		if (o->tape_file || o->dataset || o->member)
			ereport(ERROR,
					(errcode(ERRCODE_FDW_INVALID_OPTION_NAME),
					 errmsg("options tape_file, dataset and member need a container option"),
					 errhint("Add container 'awstape', 'het', 'xmit', 'iebcopy' or 'auto'.")));
		if (o->recfm_word && pg_strcasecmp(o->recfm_word, "u") == 0)
			ereport(ERROR,
					(errcode(ERRCODE_FDW_INVALID_ATTRIBUTE_VALUE),
					 errmsg("recfm 'u' is for data sets in a container"),
					 errhint("Outside a tape image or an XMIT file, undefined-format records need their lengths: use recfm 'vb'.")));
		return;
	}
	if (o->format != ZF_FORMAT_RECORD)
		ereport(ERROR,
				(errcode(ERRCODE_FDW_INVALID_OPTION_NAME),
				 errmsg("a container is read with format 'record'")));
	if (o->filename == NULL)
		ereport(ERROR,
				(errcode(ERRCODE_FDW_INVALID_OPTION_NAME),
				 errmsg("a container is read from files: use the filename option")));
	if (o->file_header_bytes || o->file_trailer_bytes)
		ereport(ERROR,
				(errcode(ERRCODE_FDW_INVALID_OPTION_NAME),
				 errmsg("file_header_bytes and file_trailer_bytes cannot be used with a container")));

	a = palloc0(sizeof(ZfArchive));
	a->auto_detect = pg_strcasecmp(o->container, "auto") == 0;
	a->het = pg_strcasecmp(o->container, "het") == 0;
	a->kind = pg_strcasecmp(o->container, "xmit") == 0 ? ZF_CONTAINER_XMIT :
		pg_strcasecmp(o->container, "iebcopy") == 0 ? ZF_CONTAINER_IEBCOPY :
		ZF_CONTAINER_AWSTAPE;
	a->tape_file = (uint32) o->tape_file;
	a->dataset = o->dataset;
	a->member = o->member;
	a->ds_recfm = ds_recfm_of(o);
	a->lrecl = (uint32) o->lrecl;
	a->serverid = o->serverid;
	a->compression = o->compression;
	if (a->kind == ZF_CONTAINER_XMIT && o->tape_file)
		ereport(ERROR,
				(errcode(ERRCODE_FDW_INVALID_OPTION_NAME),
				 errmsg("option tape_file is for tape images, not XMIT files")));
	if (a->kind == ZF_CONTAINER_IEBCOPY && (o->tape_file || o->dataset))
		ereport(ERROR,
				(errcode(ERRCODE_FDW_INVALID_OPTION_NAME),
				 errmsg("options tape_file and dataset are for tape images and XMIT files, not IEBCOPY unloads"),
				 errhint("An IEBCOPY unload holds one library: choose its members with the member option.")));

	/* the first file: its kind and its data set */
	files = zfdw_expand_files(o->serverid, o->filename, false);
	path = linitial(files);
	zf_error_clear(&err);
	bytes = zfdw_open_file_bytes(o->serverid, path, &err);
	if (bytes == NULL)
		zfdw_report_open_error(&err, NULL);
	kind = kind_of_file(a, bytes);
	if (kind == ZF_CONTAINER_NONE)
	{
		/* 'auto' and a plain file: no container */
		zfdw_close_bytes(bytes, NULL);
		if (o->tape_file || o->dataset || o->member)
			ereport(ERROR,
					(errcode(ERRCODE_FDW_INVALID_ATTRIBUTE_VALUE),
					 errmsg("file \"%s\" is neither a tape image, an XMIT file nor an IEBCOPY unload", path),
					 errhint("Options tape_file, dataset and member need one.")));
		return;
	}
	a->kind = kind;
	zf_error_clear(&err);
	arch = open_container(a, kind, bytes, NULL, path, &err);
	if (arch == NULL)
	{
		zfdw_close_bytes(bytes, NULL);
		archive_error(&err, path);
	}
	zf_archive_describe(arch, &a->desc);
	zfdw_close_bytes(arch, NULL);

	if (!zf_archive_reader_recfm(a->desc.fmt.recfm, kind != ZF_CONTAINER_AWSTAPE,
								 a->desc.members, &a->reader_recfm))
		ereport(ERROR,
				(errcode(ERRCODE_FDW_INVALID_ATTRIBUTE_VALUE),
				 errmsg("data set \"%s\" has record format \"%s\", which zfdw does not read",
						a->desc.dsname, a->desc.fmt.recfm)));
	a->reader_lrecl = a->desc.fmt.lrecl;
	o->recfm = a->reader_recfm;
	o->recfm_given = true;
	o->vbs_has_bdw = false;
	o->rdw_big_endian = o->bdw_big_endian = true;
	o->rdw_includes_header = o->bdw_includes_header = true;
	if (o->recfm == ZF_RECFM_FB && o->lrecl == 0)
	{
		if (a->desc.fmt.lrecl == 0)
			ereport(ERROR,
					(errcode(ERRCODE_FDW_DYNAMIC_PARAMETER_VALUE_NEEDED),
					 errmsg("data set \"%s\" of fixed-length records needs an lrecl option",
							a->desc.dsname)));
		o->lrecl = (int32) a->desc.fmt.lrecl;
	}
	/* mapped fixed-length records: seeks and record ranges as for a file */
	if (a->desc.ranged &&
		(o->recfm != ZF_RECFM_FB || (uint32) o->lrecl != a->desc.fmt.lrecl))
	{
		a->desc.ranged = false;
		snprintf(a->desc.sequential, sizeof(a->desc.sequential),
				 "the table's lrecl is not the data set's");
	}
	t->archive = a;
	t->archive_ranged = a->desc.ranged;
}

/*
 * Read a file (or program output) of a scan through the table's
 * container.  The one call in scan_files.c; without a container the bytes
 * are returned as they are.
 */
zf_byte_source *
zfdw_archive_wrap(ZfSource *src, zf_byte_source *bytes)
{
	ZfArchive  *a = src->archive;
	zf_container kind;
	zf_byte_source *arch;
	zf_archive_desc d;
	zf_recfm	rf;
	zf_error	err;
	const char *name = src->name;

	if (a == NULL)
		return bytes;
	kind = kind_of_file(a, bytes);
	if (kind == ZF_CONTAINER_NONE || kind != a->kind)
	{
		src->bytes = NULL;
		zfdw_close_bytes(bytes, NULL);
		ereport(ERROR,
				(errcode(ERRCODE_DATA_EXCEPTION),
				 errmsg("file \"%s\" is not %s", name,
						a->kind == ZF_CONTAINER_XMIT ? "an XMIT file" :
						a->kind == ZF_CONTAINER_IEBCOPY ? "an IEBCOPY unload" : "a tape image"),
				 errdetail("The table's first file is one; container 'auto' reads every file of a glob the same way.")));
	}
	zf_error_clear(&err);
	arch = open_container(a, kind, bytes, src, src->files ? name : NULL, &err);
	if (arch == NULL)
	{
		src->bytes = NULL;
		zfdw_close_bytes(bytes, NULL);
		archive_error(&err, name);
	}
	/* every file must be read as the table's reader cuts */
	zf_archive_describe(arch, &d);
	if (!zf_archive_reader_recfm(d.fmt.recfm, kind != ZF_CONTAINER_AWSTAPE, d.members, &rf) ||
		rf != a->reader_recfm ||
		(rf == ZF_RECFM_FB && d.fmt.lrecl != a->reader_lrecl))
	{
		src->bytes = NULL;
		zfdw_close_bytes(arch, NULL);
		ereport(ERROR,
				(errcode(ERRCODE_DATA_EXCEPTION),
				 errmsg("data set \"%s\" of file \"%s\" has RECFM %s LRECL %u, the table reads RECFM %s LRECL %u",
						d.dsname, name, d.fmt.recfm, d.fmt.lrecl,
						a->desc.fmt.recfm, a->reader_lrecl),
				 errhint("Give the recfm and lrecl options to read every file the same way.")));
	}
	/* the table reads at offsets when the first file's data set can */
	if (a->desc.ranged && !d.ranged)
	{
		src->bytes = NULL;
		zfdw_close_bytes(arch, NULL);
		ereport(ERROR,
				(errcode(ERRCODE_DATA_EXCEPTION),
				 errmsg("data set \"%s\" of file \"%s\" cannot be read at offsets, as the table's first file is",
						d.dsname, name),
				 errdetail("The reason: %s.", d.sequential),
				 errhint("Read files whose data sets are all mapped (uncompressed fixed-length records on one volume), or none.")));
	}
	return arch;
}

/*
 * The bytes of the data set of a file whose blocks were mapped (the
 * record count of a parallel scan's chunks and of ANALYZE's sample).
 */
int64
zfdw_archive_data_size(ZfTable *t, const char *path)
{
	ZfArchive  *a = t->archive;
	zf_byte_source *bytes;
	zf_byte_source *arch;
	zf_archive_desc d;
	zf_error	err;
	int64		size;

	zf_error_clear(&err);
	bytes = zfdw_open_file_bytes(a->serverid, path, &err);
	if (bytes == NULL)
		zfdw_report_open_error(&err, NULL);
	arch = open_container(a, a->kind, bytes, NULL, path, &err);
	if (arch == NULL)
	{
		zfdw_close_bytes(bytes, NULL);
		archive_error(&err, path);
	}
	zf_archive_describe(arch, &d);
	size = zf_bytes_size(arch);
	zfdw_close_bytes(arch, NULL);
	if (!d.ranged || size < 0)
		ereport(ERROR,
				(errcode(ERRCODE_DATA_EXCEPTION),
				 errmsg("data set \"%s\" of file \"%s\" cannot be read at offsets, as the table's first file is",
						d.dsname, path),
				 errdetail("The reason: %s.", d.sequential)));
	return size;
}

/* EXPLAIN: the container, the data set or members, the labels used. */
void
zfdw_archive_explain(ZfTable *t, ExplainState *es)
{
	ZfArchive  *a = t->archive;
	const zf_archive_desc *d;

	if (a == NULL)
		return;
	d = &a->desc;
	ExplainPropertyText("Container",
						a->kind == ZF_CONTAINER_XMIT ? "xmit" :
						a->kind == ZF_CONTAINER_IEBCOPY ? "iebcopy" :
						a->het ? "het" : "awstape", es);
	if (a->kind == ZF_CONTAINER_AWSTAPE)
		ExplainPropertyInteger("Tape File", NULL, d->file, es);
	if (d->dsname[0])
		ExplainPropertyText("Data Set", d->dsname, es);
	if (a->member)
		ExplainPropertyText("Members", a->member, es);
	if (d->labeled && d->label_fmt.recfm[0])
		ExplainPropertyText("Labels",
							psprintf("RECFM=%s LRECL=%u BLKSIZE=%u", d->label_fmt.recfm,
									 d->label_fmt.lrecl, d->label_fmt.blksize), es);
	ExplainPropertyText("Data Set Format",
						psprintf("RECFM=%s LRECL=%u%s", d->fmt.recfm, d->fmt.lrecl,
								 a->ds_recfm || a->lrecl ? " (options)" :
								 d->members ? " (library)" : d->labeled ? " (labels)" : ""), es);
	if (d->ranged)
		ExplainPropertyText("Split",
							psprintf("by record ranges, with key seeks: the data set's %llu blocks mapped from their headers",
									 (unsigned long long) d->map_blocks), es);
	else
		ExplainPropertyText("Split",
							psprintf("by file, no key seeks: %s", d->sequential), es);
}
