/*-------------------------------------------------------------------------
 *
 * s3_access.h
 *	  Reaching S3 objects from the fdw: a server's endpoint and region,
 *	  the user's credentials, the settings (s3_access.c).
 *
 *-------------------------------------------------------------------------
 */
#ifndef ZFDW_S3_ACCESS_H
#define ZFDW_S3_ACCESS_H

#include "zfdw.h"

#include "io/s3.h"

extern int	zfdw_s3_connect_timeout;
extern int	zfdw_s3_read_timeout;
extern int	zfdw_s3_max_retries;

extern void zfdw_s3_define_settings(void);

/*
 * Set by a subscription worker: credentials come from the user mapping
 * of the current user (the subscription's owner) only, never from the
 * server process's environment or credentials file.
 */
extern bool zfdw_s3_mapping_only;

/* One object of a listing, as a subscription sees it. */
typedef struct ZfdwS3Object
{
	char	   *url;
	int64		size;
	char	   *etag;			/* NULL when the store sent none */
	char	   *last_modified;	/* ISO 8601, NULL when none */
} ZfdwS3Object;

/*
 * The objects a pattern names after start_after (an s3:// URL, or NULL),
 * in name order (ZfdwS3Object *); an empty list when none does, an error
 * when the store cannot be listed.  A store may return earlier ones too.
 */
extern List *zfdw_s3_list_objects(Oid serverid, const char *pattern,
								  const char *start_after);

/*
 * The configuration to reach objects through a foreign server (InvalidOid:
 * no server, as for the SQL functions: the environment's region and
 * endpoint) as the current user.
 */
extern void zfdw_s3_config(Oid serverid, zf_s3_config *cfg);

/* The objects a pattern names, as s3:// URLs, in name order. */
extern List *zfdw_s3_expand(Oid serverid, const char *pattern, bool missing_ok);

/* An object's size (from a listing of this statement, or a HEAD). */
extern int64 zfdw_s3_size(Oid serverid, const char *url);

/* Open an object; NULL with err set when it cannot be. */
extern zf_byte_source *zfdw_s3_open(Oid serverid, const char *url,
									zf_error *err);

/* The interrupt hook of sources that wait inside libcurl's transfers. */
extern const zf_byte_hooks zfdw_s3_hooks;

/* Report a failed S3 open or read: the status as a file error's SQLSTATE. */
pg_noreturn extern void zfdw_s3_report(const zf_error *err);

#endif							/* ZFDW_S3_ACCESS_H */
