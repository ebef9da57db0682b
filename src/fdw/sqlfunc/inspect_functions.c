/*-------------------------------------------------------------------------
 *
 * inspect_functions.c
 *	  zfdw.inspect_file(): what a file looks like, before a table is made
 *	  for it — descriptor chains, fixed lengths that divide its size, EBCDIC
 *	  or ASCII, signs of an ASCII-mode transfer — and the table options to
 *	  use.  The analysis is the core's (inspect.c); this is the SQL side.
 *	  A gzip, bzip2 or zstd file is looked at decompressed, as a scan reads
 *	  it (compression 'auto').
 *
 * Reading a server file needs the same right as the filename option:
 * superuser or pg_read_server_files.
 *
 *-------------------------------------------------------------------------
 */
#include "zfdw.h"

#include "scan/s3_access.h"

#include "catalog/pg_authid.h"
#include "funcapi.h"
#include "miscadmin.h"
#include "utils/acl.h"
#include "utils/builtins.h"
#include "utils/tuplestore.h"

#include "records/inspect.h"

PG_FUNCTION_INFO_V1(zfdw_inspect_file);

/* Add one (topic, finding) row. */
static void
put_row(ReturnSetInfo *rsinfo, const char *topic, const char *finding)
{
	Datum		values[2];
	bool		nulls[2] = {false, false};

	values[0] = CStringGetTextDatum(topic);
	values[1] = CStringGetTextDatum(finding);
	tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
}

/*
 * A compressed file: the sample from the decompressed start, and the
 * decompressed size, which only reading it all tells (in constant memory;
 * a cancel closes the source).
 */
static zf_status
read_compressed(zf_byte_source *bytes, uint8 *sample, size_t *n, int64 *size,
				zf_error *err)
{
	zf_status	st;

	PG_TRY();
	{
		st = zf_bytes_read_full(bytes, sample, ZF_INSPECT_SAMPLE_SIZE, n, err);
		*size = (int64) *n;
		if (st == ZF_OK && *n == ZF_INSPECT_SAMPLE_SIZE)
		{
			uint8	   *rest = palloc(ZF_DEFAULT_READ_BUFFER);
			size_t		got;

			while ((st = zf_bytes_read(bytes, rest, ZF_DEFAULT_READ_BUFFER, &got, err)) == ZF_OK)
			{
				*size += got;
				CHECK_FOR_INTERRUPTS();
			}
			if (st == ZF_EOF)
				st = ZF_OK;
			pfree(rest);
		}
	}
	PG_CATCH();
	{
		zfdw_close_bytes(bytes, NULL);
		PG_RE_THROW();
	}
	PG_END_TRY();
	return st;
}

/*
 * inspect_file(filename text, codepage text DEFAULT NULL, lrecl int
 * DEFAULT NULL) RETURNS TABLE (topic text, finding text)
 *
 * The last row (topic "options") is the OPTIONS clause to use.
 */
Datum
zfdw_inspect_file(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	char	   *path;
	char	   *codepage = PG_ARGISNULL(1) ? NULL : text_to_cstring(PG_GETARG_TEXT_PP(1));
	int32		lrecl = PG_ARGISNULL(2) ? 0 : PG_GETARG_INT32(2);
	zf_inspect_result *res = palloc0(sizeof(zf_inspect_result));
	uint8	   *sample = palloc(ZF_INSPECT_SAMPLE_SIZE);
	zf_byte_source *bytes;
	zf_compression found;
	int64		disk_size;
	int64		size;
	size_t		n;
	zf_status	st;
	zf_error	err;
	StringInfoData opts;

	if (PG_ARGISNULL(0))
	{
		InitMaterializedSRF(fcinfo, 0);
		return (Datum) 0;
	}
	path = text_to_cstring(PG_GETARG_TEXT_PP(0));
	if (!has_privs_of_role(GetUserId(), ROLE_PG_READ_SERVER_FILES))
		ereport(ERROR,
				(errcode(ERRCODE_INSUFFICIENT_PRIVILEGE),
				 errmsg("only superuser or a role with privileges of the pg_read_server_files role may inspect server files")));
	if (lrecl < 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("lrecl must not be negative")));
	zf_error_clear(&err);
	/* an s3:// object: the environment's endpoint and credentials */
	bytes = zfdw_open_file_bytes(InvalidOid, path, &err);
	if (bytes == NULL && zf_s3_is_url(path))
		zfdw_s3_report(&err);
	if (bytes == NULL && err.status == ZF_E_UNSUPPORTED)
		ereport(ERROR,
				(errcode(ERRCODE_WRONG_OBJECT_TYPE),
				 errmsg("\"%s\" is not a regular file", path)));
	if (bytes == NULL)
		zfdw_report_open_error(&err, NULL);
	/* the sample, from the start: no more than the size it had when opened */
	size = zf_bytes_size(bytes);
	disk_size = size;
	bytes = zfdw_decompress_bytes(bytes, ZF_COMPRESSION_AUTO, &found);
	if (found != ZF_COMPRESSION_NONE)
		st = read_compressed(bytes, sample, &n, &size, &err);
	else
		st = zf_bytes_read_full(bytes, sample, Min((uint64) size, ZF_INSPECT_SAMPLE_SIZE),
								&n, &err);
	zfdw_close_bytes(bytes, NULL);
	if (st != ZF_OK && zf_s3_is_url(path))
		zfdw_s3_report(&err);
	if (st != ZF_OK)
		zfdw_report(ERROR, &err, path);

	zf_error_clear(&err);
	if (zf_inspect_sample(sample, n, size, codepage, (uint32) lrecl,
						  res, &err) != ZF_OK)
		zfdw_report(ERROR, &err, path);

	InitMaterializedSRF(fcinfo, 0);
	if (found != ZF_COMPRESSION_NONE)
		put_row(rsinfo, "file", psprintf("%lld bytes when decompressed (%s, %lld bytes on disk), %s sampled",
										 (long long) size, zf_compression_name(found),
										 (long long) disk_size,
										 res->whole_file ? "all" : "the first 1 MiB"));
	else
		put_row(rsinfo, "file", psprintf("%lld bytes, %s sampled", (long long) size,
										 res->whole_file ? "all" : "the first 1 MiB"));
	for (int i = 0; i < res->n_findings; i++)
		put_row(rsinfo, res->findings[i].topic, res->findings[i].text);
	initStringInfo(&opts);
	for (int i = 0; i < res->n_options; i++)
		appendStringInfo(&opts, "%s%s %s", i ? ", " : "", res->options[i].name,
						 quote_literal_cstr(res->options[i].value));
	if (opts.len > 0)
		put_row(rsinfo, "options", psprintf("OPTIONS (%s)", opts.data));
	return (Datum) 0;
}
