/*-------------------------------------------------------------------------
 *
 * s3.h
 *	  Objects in S3 and S3-compatible stores as byte sources: s3://bucket/key
 *	  names, ranged reads over HTTP(S) with SigV4 signing, listings for
 *	  globs, the shared credentials file, and objects written as byte
 *	  sinks (multipart uploads).
 *
 * An object source (s3_source.c) is sized and ranged: it asks for the
 * object's size and identity (ETag, Last-Modified) with a HEAD request,
 * then reads with GET and a Range header.  Reads that continue where the
 * last one ended are served from one open-ended range that streams while
 * the caller works (the kernel's socket buffer is the read-ahead); a read
 * elsewhere is a new, bounded range, so that a key seek costs a small
 * request.  Every request is retried with exponential backoff on 5xx,
 * throttling and dropped or truncated transfers, resuming at the first
 * byte not yet received; an ETag checked with If-Match makes an object
 * replaced meanwhile an error instead of a mix of two objects.
 *
 * The transfers run on libcurl's multi interface driven from here, so the
 * interrupt hook is called between libcurl's calls (at least every 100
 * ms), never from inside one: a hook that leaves by longjmp leaves libcurl
 * in a state zf_bytes_close cleans up.
 *
 * Secrets (the secret key, the session token) are copied into the source,
 * used only in signatures and headers, wiped when it closes, and never
 * put into an error or a name.
 *
 *-------------------------------------------------------------------------
 */
#ifndef ZF_S3_H
#define ZF_S3_H

#include "io/byte_sink.h"
#include "io/byte_source.h"
#include "io/s3_parse.h"

/* Where and how to reach a store; strings are copied by whoever keeps them. */
typedef struct zf_s3_config
{
	const char *endpoint;		/* http(s)://host[:port], or NULL: AWS's
								 * https://s3.<region>.amazonaws.com */
	const char *region;			/* NULL: us-east-1 */
	bool		path_style;		/* host/bucket/key, else bucket.host/key */
	const char *access_key_id;	/* NULL or "": unsigned requests */
	const char *secret_access_key;
	const char *session_token;	/* NULL: none */
	long		connect_timeout_ms;
	long		read_timeout_ms;	/* no byte for this long: retry */
	int			max_retries;
	long		retry_base_ms;	/* first backoff; doubles, at most 5 s */
	bool		insecure;		/* skip TLS certificate checks (tests only;
								 * the fdw never sets it) */
} zf_s3_config;

/* What a source or a listing cost, for EXPLAIN ANALYZE. */
typedef struct zf_s3_stats
{
	uint64_t	requests;
	uint64_t	bytes;			/* body bytes received */
	uint64_t	retries;
} zf_s3_stats;

/* True when name is an s3:// URL. */
extern bool zf_s3_is_url(const char *name);

/*
 * Split s3://bucket/key into malloc'd bucket and key.  ZF_E_ARG when the
 * bucket is not a valid bucket name or the key is empty.
 */
extern zf_status zf_s3_split_url(const char *url, char **bucket, char **key,
								 zf_error *err);

/*
 * Check an endpoint: http:// or https://, a host and an optional port,
 * nothing else.  ZF_E_ARG saying what is wrong.
 */
extern zf_status zf_s3_check_endpoint(const char *endpoint, zf_error *err);

/*
 * Open an object (a HEAD request; hooks are called while it waits).  Not
 * found is ZF_E_IO with sys_errno ENOENT, access denied EACCES; the
 * message names the object and the HTTP status.
 */
extern zf_byte_source *zf_s3_source_open(const zf_s3_config *cfg,
										 const char *url,
										 const zf_byte_hooks *hooks,
										 zf_error *err);

/* True when src, or a source beneath it, is an object. */
extern bool zf_s3_is_source(const zf_byte_source *src);

/* The counts of an object source (or of one beneath src); false if none. */
extern bool zf_s3_source_stats(const zf_byte_source *src, zf_s3_stats *out);

/*
 * The objects a pattern names, in name (byte) order: a pattern without
 * * ? [ is one object, looked up with HEAD; otherwise every object under
 * the prefix before the first wildcard is listed (ListObjectsV2, page by
 * page) and matched as a local glob is, a wildcard never matching '/'.
 * Keys ending in '/' (folder markers) are skipped.  Entries' keys are
 * full s3:// URLs.  stats (may be NULL) is added to.
 */
extern zf_status zf_s3_list(const zf_s3_config *cfg, const char *pattern,
							const zf_byte_hooks *hooks, zf_s3_stats *stats,
							zf_s3_listing *out, zf_error *err);

/*
 * The same, listing only the keys after start_after (an s3:// URL of the
 * same bucket, or NULL: all) with ListObjectsV2's start-after, so that a
 * follower of a prefix does not list again what it has read.  A store
 * that ignores start-after returns more; the caller filters anyway.
 */
extern zf_status zf_s3_list_after(const zf_s3_config *cfg, const char *pattern,
								  const char *start_after,
								  const zf_byte_hooks *hooks,
								  zf_s3_stats *stats, zf_s3_listing *out,
								  zf_error *err);

/* ---- writing: an object as a byte sink (s3_sink.c) ---- */

/*
 * A sink whose bytes become the object url when it is synced (one
 * PutObject, or a multipart upload of parts of part_size bytes, 0: 8 MiB,
 * at least 5 MiB, completed by the sync), and no object at all when it is
 * closed without one (the upload aborted).  One part is held in memory.
 * NULL with err set when the URL, the size or the endpoint is wrong.
 */
extern zf_byte_sink *zf_s3_sink_open(const zf_s3_config *cfg, const char *url,
									 size_t part_size,
									 const zf_byte_hooks *hooks,
									 zf_error *err);

/* True when s is an object sink. */
extern bool zf_s3_is_sink(const zf_byte_sink *s);

/* Replace the hooks called while the sink waits (NULL: none). */
extern void zf_s3_sink_set_hooks(zf_byte_sink *s, const zf_byte_hooks *hooks);

/*
 * Forget what was written after length bytes.  Possible while they are in
 * the part in memory; below that the parts are sent, and the sink fails
 * from then on (every write and the sync return the error).
 */
extern zf_status zf_s3_sink_truncate(zf_byte_sink *s, uint64_t length,
									 zf_error *err);

/* Abort the multipart upload, if one was started and not completed. */
extern zf_status zf_s3_sink_abort(zf_byte_sink *s, zf_error *err);

/* The requests the sink made, for EXPLAIN ANALYZE; false if not a sink. */
extern bool zf_s3_sink_stats(const zf_byte_sink *s, zf_s3_stats *out);

/* ---- credentials ---- */

typedef struct zf_s3_credentials
{
	char	   *access_key_id;
	char	   *secret_access_key;
	char	   *session_token;
} zf_s3_credentials;

/*
 * Read a profile of a shared credentials file (~/.aws/credentials):
 * ZF_OK with the keys found (both keys or nothing), ZF_EOF when the file
 * or the profile is not there, ZF_E_BAD_DATA when the profile has only one
 * of the two keys.  Messages never quote a value.
 */
extern zf_status zf_s3_credentials_file(const char *path, const char *profile,
										zf_s3_credentials *out, zf_error *err);

/* The same over text in memory (what the file function reads). */
extern zf_status zf_s3_credentials_parse(const char *text, size_t len,
										 const char *profile,
										 zf_s3_credentials *out,
										 zf_error *err);

/* Wipe and free the strings. */
extern void zf_s3_credentials_free(zf_s3_credentials *c);

#endif							/* ZF_S3_H */
