/*-------------------------------------------------------------------------
 *
 * scan_files.c
 *	  The files a scan reads: a path or a glob expanded in name order
 *	  (local, or s3:// objects of the table's server: s3_access.c), or the
 *	  standard output of a program (as file_fdw runs it), each opened as a
 *	  core byte source (io/byte_source.h).
 *
 * Only regular files are read: a directory, a FIFO or a device is refused
 * up front (a FIFO would block the backend until a writer appears), and a
 * program is the way to read anything else.  The core does the opening;
 * this file adds what PostgreSQL needs around it: the descriptors count
 * against the backend's limit (AcquireExternalFD), a query cancel ends a
 * wait for a silent program (the sources' interrupt hook), and errors
 * become ereports with file_fdw's SQLSTATEs.
 *
 *-------------------------------------------------------------------------
 */
#include "zfdw.h"

#include <glob.h>
#include <sys/stat.h>

#include "miscadmin.h"
#include "storage/fd.h"
#include "utils/memutils.h"

#include "scan/s3_access.h"

#include "io/readahead.h"

#define NOT_REGULAR_HINT \
	"zfdw reads regular files; read from a pipe or device with the program option, e.g. program 'cat /path'."

/* True when a path contains glob metacharacters. */
static bool
is_pattern(const char *s)
{
	return strpbrk(s, "*?[") != NULL;
}

/*
 * A file list that stands in for the expansion of one pattern, set by a
 * subscription worker for the length of one apply: it reads exactly the
 * files that have landed, never one still being written.
 */
static char *restricted_pattern = NULL;
static List *restricted_files = NIL;

/*
 * Make zfdw_expand_files(pattern) return files (absolute names, in the
 * order to read them) until called again with pattern NULL.  The caller
 * keeps parallel workers off: they expand the pattern themselves.
 */
void
zfdw_restrict_files(const char *pattern, List *files)
{
	MemoryContext old = MemoryContextSwitchTo(TopMemoryContext);
	ListCell   *lc;

	if (restricted_pattern)
		pfree(restricted_pattern);
	list_free_deep(restricted_files);
	restricted_pattern = NULL;
	restricted_files = NIL;
	if (pattern != NULL)
	{
		restricted_pattern = pstrdup(pattern);
		foreach(lc, files)
			restricted_files = lappend(restricted_files, pstrdup(lfirst(lc)));
	}
	MemoryContextSwitchTo(old);
}

/*
 * The files a filename option names, sorted by name.  A pattern that
 * matches nothing is an error unless missing_ok (the planner only needs an
 * estimate); a plain path is returned as is and checked when opened.
 */
List *
zfdw_expand_files(Oid serverid, const char *pattern, bool missing_ok)
{
	List	   *files = NIL;
	glob_t		g;
	int			rc;

	if (restricted_pattern && strcmp(pattern, restricted_pattern) == 0)
	{
		ListCell   *lc;

		foreach(lc, restricted_files)
			files = lappend(files, pstrdup(lfirst(lc)));
		return files;
	}
	if (zf_s3_is_url(pattern))
		return zfdw_s3_expand(serverid, pattern, missing_ok);
	if (!is_pattern(pattern))
		return list_make1(pstrdup(pattern));

	memset(&g, 0, sizeof(g));
	rc = glob(pattern, GLOB_ERR, NULL, &g);
	if (rc == GLOB_NOMATCH)
	{
		globfree(&g);
		if (!missing_ok)
			ereport(ERROR,
					(errcode(ERRCODE_UNDEFINED_FILE),
					 errmsg("no file matches \"%s\"", pattern)));
		return NIL;
	}
	if (rc != 0)
	{
		globfree(&g);
		ereport(ERROR,
				(errcode_for_file_access(),
				 errmsg("could not expand \"%s\": %m", pattern)));
	}
	/* glob sorts by name (LC_COLLATE of the server: C in most clusters) */
	for (size_t i = 0; i < g.gl_pathc; i++)
	{
		struct stat st;

		if (stat(g.gl_pathv[i], &st) == 0 && S_ISDIR(st.st_mode))
			continue;			/* a glob that matches directories skips them */
		files = lappend(files, pstrdup(g.gl_pathv[i]));
	}
	globfree(&g);
	if (files == NIL && !missing_ok)
		ereport(ERROR,
				(errcode(ERRCODE_UNDEFINED_FILE),
				 errmsg("no file matches \"%s\"", pattern)));
	return files;
}

/*
 * Total size of the files (missing local files count as empty), for
 * estimates.  Objects' sizes come from the listing that named them.
 */
int64
zfdw_total_size(Oid serverid, List *files)
{
	int64		total = 0;
	ListCell   *lc;

	foreach(lc, files)
	{
		struct stat st;
		const char *path = (const char *) lfirst(lc);

		if (zf_s3_is_url(path))
			total += zfdw_s3_size(serverid, path);
		else if (stat(path, &st) == 0 && S_ISREG(st.st_mode))
			total += st.st_size;
	}
	return total;
}

/* The size of one file or object, which must be there. */
int64
zfdw_file_size(Oid serverid, const char *path)
{
	struct stat st;

	if (zf_s3_is_url(path))
		return zfdw_s3_size(serverid, path);
	if (stat(path, &st) != 0)
		ereport(ERROR,
				(errcode_for_file_access(),
				 errmsg("could not stat file \"%s\": %m", path)));
	return st.st_size;
}

/*
 * The sources' interrupt hook: a query cancel or a statement timeout ends
 * a wait for a program that writes nothing.  CHECK_FOR_INTERRUPTS leaves
 * by longjmp; the scan's memory reset callback then closes the source
 * (zfdw_source_discard).
 */
static zf_status
check_interrupts(void *arg, zf_error *err)
{
	(void) arg;
	(void) err;
	CHECK_FOR_INTERRUPTS();
	return ZF_OK;
}

static const zf_byte_hooks scan_hooks = {check_interrupts, NULL};

/*
 * Open a regular file, or an s3:// object of the server, as a byte source,
 * its descriptor (or socket) counted among the backend's.  NULL with err
 * set when the core refuses or cannot open it.
 */
zf_byte_source *
zfdw_open_file_bytes(Oid serverid, const char *path, zf_error *err)
{
	zf_byte_source *bytes;

	if (!AcquireExternalFD())
		ereport(ERROR,
				(errcode_for_file_access(),
				 errmsg("could not open file \"%s\" for reading: %m", path)));
	bytes = zf_s3_is_url(path) ? zfdw_s3_open(serverid, path, err) :
		zf_file_source_open(path, err);
	if (bytes == NULL)
		ReleaseExternalFD();
	return bytes;
}

/*
 * Report a source that could not be opened: a file that is not a regular
 * file (with hint), or a system error, whose errno gives the SQLSTATE as
 * %m would.
 */
void
zfdw_report_open_error(const zf_error *raw, const char *hint)
{
	zf_error	err;

	zfdw_error_prepare(raw, &err);
	if (err.status == ZF_E_UNSUPPORTED)
		ereport(ERROR,
				(errcode(ERRCODE_WRONG_OBJECT_TYPE),
				 errmsg("%s", err.message),
				 hint ? errhint("%s", hint) : 0));
	if (err.sys_errno == 0)
		zfdw_report(ERROR, &err, NULL);
	errno = err.sys_errno;
	ereport(ERROR,
			(errcode_for_file_access(),
			 errmsg("%s", err.message)));
}

/* Close a source opened here, giving its descriptor back. */
zf_status
zfdw_close_bytes(zf_byte_source *bytes, zf_error *err)
{
	zf_status	st = zf_bytes_close(bytes, err);

	ReleaseExternalFD();
	return st;
}

/*
 * Stack on a source just opened (a file or a program's output) the
 * decompressor that the compression option names, or that its first
 * bytes show under 'auto' (io/decompress.h has the rule); the source
 * itself when it is not compressed.  Every place that opens data to read
 * goes through here, so that all of them read compressed files alike.
 * On error the source is closed and the error reported (the caller's
 * error context names the input).
 */
zf_byte_source *
zfdw_decompress_bytes(zf_byte_source *bytes, zf_compression option,
					  zf_compression *found)
{
	zf_byte_source *result;
	zf_compression kind = ZF_COMPRESSION_NONE;
	/* a ranged source that is not an object: a regular file */
	bool		regular_file = (zf_bytes_caps(bytes) & ZF_BYTES_RANGED) != 0 &&
		!zf_s3_is_url(zf_bytes_name(bytes));
	zf_error	err;

	zf_error_clear(&err);
	result = zf_decompress_open(bytes, option, &kind, &err);
	if (result == NULL)
	{
		/* the caller's error context names the file */
		zfdw_close_bytes(bytes, NULL);
		zfdw_report(ERROR, &err, NULL);
	}
	if (found != NULL)
		*found = kind;

	/*
	 * A compressed regular file is decompressed by a thread of its own, a
	 * few buffers ahead, so that inflating and decoding overlap.  Only
	 * over a regular file, whose reads never wait for the interrupt hook
	 * (io/readahead.h); where no thread can be made, it is read directly.
	 */
	if (kind != ZF_COMPRESSION_NONE && regular_file)
	{
		zf_byte_source *ahead = zf_readahead_open(result, &err);

		if (ahead != NULL)
			result = ahead;
	}
	return result;
}

/*
 * What a file is compressed with, for planning: the option's kind, or
 * under 'auto' what its first bytes show.  A file that cannot be opened
 * counts as not compressed (reading it will say why).
 */
zf_compression
zfdw_file_compression(Oid serverid, const char *path, zf_compression option)
{
	zf_byte_source *bytes;
	zf_compression found = ZF_COMPRESSION_NONE;
	zf_error	err;

	if (option != ZF_COMPRESSION_AUTO)
		return option;
	bytes = zfdw_open_file_bytes(serverid, path, &err);
	if (bytes == NULL)
		return ZF_COMPRESSION_NONE;
	if (zf_compression_peek(bytes, option, &found, &err) != ZF_OK)
		found = ZF_COMPRESSION_NONE;
	zfdw_close_bytes(bytes, NULL);
	return found;
}

/*
 * The kinds of compression of a table's inputs, as bits 1 << kind: each
 * file's, or a program's when the option names one ('auto' cannot look at
 * a program's output before it runs).
 */
unsigned
zfdw_files_compression(Oid serverid, List *files, const char *program,
					   zf_compression option)
{
	unsigned	kinds = 0;
	ListCell   *lc;

	if (program != NULL)
		return option == ZF_COMPRESSION_AUTO ? 0 : 1u << option;
	foreach(lc, files)
		kinds |= 1u << zfdw_file_compression(serverid, (char *) lfirst(lc), option);
	return kinds;
}

/* The compressed kinds among bits, as EXPLAIN names them ("gzip, zstd"). */
char *
zfdw_compression_names(unsigned kinds)
{
	StringInfoData buf;

	initStringInfo(&buf);
	for (int k = ZF_COMPRESSION_GZIP; k <= ZF_COMPRESSION_ZSTD; k++)
		if (kinds & (1u << k))
			appendStringInfo(&buf, "%s%s", buf.len ? ", " : "",
							 zf_compression_name((zf_compression) k));
	if ((kinds & ZFDW_COMPRESSED_BITS) && (kinds & (1u << ZF_COMPRESSION_NONE)))
		appendStringInfoString(&buf, ", none");
	return buf.data;
}

/* Run the program of a scan. */
static zf_byte_source *
open_program(const char *command)
{
	zf_byte_source *bytes;
	zf_error	err;

	if (!AcquireExternalFD())
		ereport(ERROR,
				(errcode_for_file_access(),
				 errmsg("could not execute command \"%s\": %m", command)));
	bytes = zf_program_source_open(command, &err);
	if (bytes == NULL)
	{
		ReleaseExternalFD();
		zfdw_report_open_error(&err, NULL);
	}
	return bytes;
}

/* Count the requests of an object about to be closed. */
static void
add_s3_stats(ZfSource *src, zf_byte_source *bytes)
{
	zf_s3_stats st;

	if (zf_s3_source_stats(bytes, &st))
	{
		src->s3.requests += st.requests;
		src->s3.bytes += st.bytes;
		src->s3.retries += st.retries;
	}
}

/* The requests of the objects of a scan so far, the open one included. */
void
zfdw_source_s3_stats(const ZfSource *src, zf_s3_stats *out)
{
	zf_s3_stats st;

	*out = src->s3;
	if (src->bytes && zf_s3_source_stats(src->bytes, &st))
	{
		out->requests += st.requests;
		out->bytes += st.bytes;
		out->retries += st.retries;
	}
}

/*
 * Close the current file or program.  A program that failed is an error
 * (its output may be incomplete).
 */
void
zfdw_source_close(ZfSource *src)
{
	zf_byte_source *bytes = src->bytes;
	zf_error	err;

	if (bytes == NULL)
		return;
	add_s3_stats(src, bytes);
	src->bytes = NULL;
	zf_error_clear(&err);
	if (zfdw_close_bytes(bytes, &err) == ZF_OK)
		return;
	/* a cancel or timeout also kills the program: report that */
	CHECK_FOR_INTERRUPTS();
	if (src->program == NULL)
		zfdw_report(ERROR, &err, NULL);
	ereport(ERROR,
			(errcode(ERRCODE_EXTERNAL_ROUTINE_EXCEPTION),
			 errmsg("%s", err.message),
			 err.detail[0] ? errdetail_internal("%s", err.detail) : 0));
}

/*
 * Close the current file or program without a word: the scan is being
 * torn down after an error, where another ereport must not happen.
 */
void
zfdw_source_discard(ZfSource *src)
{
	if (src->bytes != NULL)
	{
		zf_byte_source *bytes = src->bytes;

		add_s3_stats(src, bytes);
		src->bytes = NULL;
		(void) zfdw_close_bytes(bytes, NULL);
	}
}

/*
 * Open the next file (or the program, once).  Returns false when there is
 * none left.  Sets bytes and name.
 */
bool
zfdw_source_next(ZfSource *src)
{
	zfdw_source_close(src);
	if (src->program != NULL)
	{
		if (src->current >= 0)
			return false;
		src->current = 0;
		src->name = src->program;
		src->bytes = zfdw_decompress_bytes(open_program(src->program),
										   src->compression, &src->found);
	}
	else if (++src->current < list_length(src->files))
	{
		char	   *path = (char *) list_nth(src->files, src->current);
		zf_byte_source *bytes;
		zf_error	err;

		bytes = zfdw_open_file_bytes(src->serverid, path, &err);
		if (bytes == NULL && zf_s3_is_url(path))
			zfdw_s3_report(&err);
		if (bytes == NULL)
			zfdw_report_open_error(&err, NOT_REGULAR_HINT);
		src->name = path;
		src->bytes = zfdw_decompress_bytes(bytes, src->compression, &src->found);
	}
	else
		return false;
	src->bytes = zfdw_archive_wrap(src, src->bytes);
	/* an object's transfers must not be left by a jump (s3_access.c) */
	zf_bytes_set_hooks(src->bytes, zf_s3_is_url(src->name) ? &zfdw_s3_hooks : &scan_hooks);
	return true;
}

/* Open the file with this index in the list (parallel chunks). */
void
zfdw_source_open_index(ZfSource *src, int index)
{
	zfdw_source_close(src);
	src->current = index - 1;
	if (!zfdw_source_next(src))
		elog(ERROR, "zfdw: file %d of the scan is missing", index);
}
