/*-------------------------------------------------------------------------
 *
 * s3_parse.h
 *	  What an S3 server sends back, parsed: HTTP status and header lines
 *	  (http_header.c) and the XML of listings, errors and the answers of
 *	  multipart uploads (s3_xml.c).
 *
 * Both take untrusted bytes from the network: they never read past what
 * they are given, bound what they keep, and report malformed input as
 * ZF_E_BAD_DATA.  They are fuzzed (test/fuzz/fuzz_s3_http.c,
 * fuzz_s3_xml.c).
 *
 *-------------------------------------------------------------------------
 */
#ifndef ZF_S3_PARSE_H
#define ZF_S3_PARSE_H

#include "base/status.h"

/* ---- HTTP response headers ---- */

typedef struct zf_http_response
{
	int			status;			/* of the last status line; 0 before one */
	int64_t		content_length; /* -1 when not given */
	bool		has_range;		/* a Content-Range: bytes first-last/total */
	uint64_t	range_first;
	uint64_t	range_last;
	int64_t		range_total;	/* -1 for '*' */
	int			retry_after;	/* seconds, -1 when not given */
	char		etag[128];		/* "" when not given */
	char		last_modified[64];
} zf_http_response;

extern void zf_http_response_reset(zf_http_response *r);

/*
 * Take one header line as it came (with or without its CR LF).  A status
 * line ("HTTP/1.1 206 Partial Content", "HTTP/2 200") starts a new
 * response (after a 100 Continue or a redirect); other lines fill the
 * fields above when they are ones we read.  ZF_E_BAD_DATA for a status
 * line or a field we read that is malformed.
 */
extern zf_status zf_http_header_line(zf_http_response *r, const char *line,
									 size_t len, zf_error *err);

/* ---- S3 XML ---- */

/* Largest XML document (a listing page, an error) read: 16 MiB. */
#define ZF_S3_MAX_XML		(16 * 1024 * 1024)

typedef struct zf_s3_object_entry
{
	char	   *key;
	uint64_t	size;
	char	   *etag;			/* as sent, quotes and all; NULL if not */
	char	   *last_modified;	/* ISO 8601 as sent; NULL if not */
} zf_s3_object_entry;

/* One page of a ListObjectsV2 answer. */
typedef struct zf_s3_listing
{
	zf_s3_object_entry *objects;
	size_t		nobjects;
	bool		truncated;
	char	   *next_token;		/* NextContinuationToken, or NULL */
} zf_s3_listing;

/*
 * Parse a ListBucketResult: every Contents' Key and Size (and ETag and
 * LastModified when given), IsTruncated and NextContinuationToken.  ZF_E_BAD_DATA for anything that is not a
 * well-formed ListBucketResult (then out is empty).  Free with
 * zf_s3_listing_free.
 */
extern zf_status zf_s3_parse_listing(const char *xml, size_t len,
									 zf_s3_listing *out, zf_error *err);
extern void zf_s3_listing_free(zf_s3_listing *l);

/*
 * The Code and Message of an S3 <Error> document, truncated to their
 * buffers; false when xml is not one (then both are "").
 */
extern bool zf_s3_parse_error(const char *xml, size_t len, char *code,
							  size_t codelen, char *message, size_t msglen);

/*
 * The text of the element field, a child of the root element root, of a
 * document that must be a <root> (InitiateMultipartUploadResult's
 * UploadId, CompleteMultipartUploadResult's ETag), into out (outlen bytes
 * with the NUL).  ZF_E_BAD_DATA when the document is malformed, has
 * another root, lacks the field, has it twice, or its text does not fit;
 * out is then "".
 */
extern zf_status zf_s3_parse_field(const char *xml, size_t len,
								   const char *root, const char *field,
								   char *out, size_t outlen, zf_error *err);

#endif							/* ZF_S3_PARSE_H */
