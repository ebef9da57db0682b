/*-------------------------------------------------------------------------
 *
 * modify_s3.c
 *	  The object written by a transaction's INSERTs into a table whose
 *	  filename is s3://bucket/key: core's object sink (s3_sink.c) opened
 *	  with the table's server and the user's credentials, the object's
 *	  present content copied into it first, and its errors as ereports.
 *
 * The object is replaced at commit, as a local file is renamed over: the
 * rows of the transaction follow the copy of what the object held when
 * the transaction first wrote it, and the new object becomes visible
 * whole when the upload is completed (modify_file.c calls the sync at
 * pre-commit).  A rollback aborts the upload: the key keeps its object.
 * Writers of one key in this cluster are serialized by modify_file.c's
 * lock; a writer elsewhere (another cluster, another tool) is not seen,
 * and the last upload completed wins.
 *
 *-------------------------------------------------------------------------
 */
#include "modify/modify.h"

#include <errno.h>

#include "miscadmin.h"

#include "scan/s3_access.h"

/* The size of a part of a multipart upload (kB; the zfdw.s3_part_size setting). */
int			zfdw_s3_part_size_kb = 8192;

/* Copy the object's present content into the sink; returns the bytes. */
static uint64
copy_old_object(Oid serverid, const char *url, zf_byte_sink *sink)
{
	zf_error	err;
	zf_byte_source *src = zfdw_s3_open(serverid, url, &err);
	uint8	   *buf;
	uint64		total = 0;

	if (src == NULL)
	{
		if (err.sys_errno == ENOENT)
			return 0;			/* a new object */
		zfdw_s3_report(&err);
	}
	buf = palloc(1024 * 1024);
	for (;;)
	{
		size_t		got = 0;
		zf_status	st;

		zf_error_clear(&err);
		st = zf_bytes_read(src, buf, 1024 * 1024, &got, &err);
		if (st == ZF_EOF)
			break;
		if (st == ZF_OK)
			st = zf_sink_write(sink, buf, got, &err);
		if (st != ZF_OK)
		{
			zf_bytes_close(src, NULL);
			zfdw_s3_report(&err);
		}
		total += got;
		CHECK_FOR_INTERRUPTS();
	}
	zf_bytes_close(src, NULL);
	pfree(buf);
	return total;
}

zf_byte_sink *
zfdw_s3_write_open(Oid serverid, const char *url, uint64 *copied)
{
	zf_s3_config cfg;
	zf_error	err;
	zf_byte_sink *sink;

	zfdw_s3_config(serverid, &cfg);
	zf_error_clear(&err);
	sink = zf_s3_sink_open(&cfg, url, (size_t) zfdw_s3_part_size_kb * 1024,
						   &zfdw_s3_hooks, &err);
	if (sink == NULL)
		zfdw_s3_report(&err);
	PG_TRY();
	{
		*copied = copy_old_object(serverid, url, sink);
	}
	PG_CATCH();
	{
		zfdw_s3_write_discard(sink, url);
		PG_RE_THROW();
	}
	PG_END_TRY();
	/* the copy is the starting length: what a savepoint may go back to */
	sink->written = 0;
	return sink;
}

void
zfdw_s3_write_finish(zf_byte_sink *sink)
{
	zf_error	err;

	zf_error_clear(&err);
	if (zf_sink_sync(sink, &err) != ZF_OK)
		zfdw_s3_report(&err);
}

/*
 * The hook while an upload is aborted: the cancel that may have caused
 * the abort must not stop it; a shutdown does.
 */
static zf_status
abort_check_interrupts(void *arg, zf_error *err)
{
	(void) arg;
	if (ProcDiePending)
		return zf_error_set(err, ZF_E_IO, "canceled");
	return ZF_OK;
}

static const zf_byte_hooks abort_hooks = {abort_check_interrupts, NULL};

void
zfdw_s3_write_discard(zf_byte_sink *sink, const char *url)
{
	zf_error	err;

	zf_error_clear(&err);
	zf_s3_sink_set_hooks(sink, &abort_hooks);
	if (zf_sink_close(sink, &err) != ZF_OK)
		ereport(WARNING,
				(errcode(ERRCODE_IO_ERROR),
				 errmsg("could not abort the upload of %s", url),
				 errdetail_internal("%s", err.message),
				 err.hint[0] ? errhint("%s", err.hint) : 0));
}
