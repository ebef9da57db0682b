/*-------------------------------------------------------------------------
 *
 * sigv4.h
 *	  AWS Signature Version 4: the canonical request, the string to sign
 *	  and the Authorization header of one HTTP request.
 *
 * Pure functions over their inputs (no clock, no network), so that they
 * are tested against the published AWS test vectors and botocore.  The
 * hashes and HMACs are OpenSSL's libcrypto.
 *
 *-------------------------------------------------------------------------
 */
#ifndef ZF_SIGV4_H
#define ZF_SIGV4_H

#include "base/status.h"

/* One request header to sign: any case; the value is trimmed here. */
typedef struct zf_sigv4_header
{
	const char *name;
	const char *value;
} zf_sigv4_header;

typedef struct zf_sigv4_request
{
	const char *method;			/* GET, HEAD, PUT, POST, DELETE */
	const char *uri;			/* the canonical URI, already encoded */
	const char *query;			/* "k=v&k2=v2", each part already encoded
								 * (zf_uri_encode); sorted here; NULL: none */
	const zf_sigv4_header *headers; /* host and x-amz-date among them */
	int			nheaders;
	const char *payload_hash;	/* hex SHA-256 of the body, or
								 * UNSIGNED-PAYLOAD */
	const char *region;
	const char *service;		/* "s3" */
	const char *amz_date;		/* YYYYMMDDTHHMMSSZ, as in x-amz-date */
	const char *access_key_id;
	const char *secret_access_key;
} zf_sigv4_request;

/* The hex SHA-256 of the empty body. */
#define ZF_SHA256_EMPTY "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"

/*
 * Sign a request: the Authorization header's value into auth (at most
 * authlen bytes with the NUL).  With canonical non-NULL, the canonical
 * request and the string to sign are also returned there (malloc'd, NUL
 * separated: for tests).  ZF_E_ARG when a header is missing a name, or the
 * output does not fit; ZF_E_NOMEM.
 */
extern zf_status zf_sigv4_sign(const zf_sigv4_request *req, char *auth,
							   size_t authlen, char **canonical,
							   char **string_to_sign, zf_error *err);

/* The hex SHA-256 of n bytes (65 bytes with the NUL). */
extern void zf_sha256_hex(const void *data, size_t n, char out[65]);

/*
 * Percent-encode s as SigV4 wants (RFC 3986 unreserved characters kept,
 * every other byte as %XX in upper case; '/' kept when keep_slash).
 * Writes at most outlen bytes with the NUL and returns the length the
 * whole encoding needs (without the NUL), as snprintf does.
 */
extern size_t zf_uri_encode(const char *s, bool keep_slash, char *out,
							size_t outlen);

#endif							/* ZF_SIGV4_H */
