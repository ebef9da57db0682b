/*-------------------------------------------------------------------------
 *
 * s3_client.h
 *	  One connection to an S3 store: signed requests run on libcurl's
 *	  multi interface, with retries, bounded bodies and the interrupt
 *	  hook (s3_client.c).  Used by the object source, the listing and the
 *	  upload sink.
 *
 *-------------------------------------------------------------------------
 */
#ifndef ZF_S3_CLIENT_H
#define ZF_S3_CLIENT_H

#include <curl/curl.h>

#include "io/s3.h"

/* What a request's body is written to. */
typedef enum s3_body_mode
{
	S3_BODY_NONE = 0,			/* HEAD */
	S3_BODY_CAPTURE,			/* kept in memory, bounded (XML) */
	S3_BODY_STREAM				/* handed to reads (object bytes) */
} s3_body_mode;

typedef struct s3_client
{
	/* the configuration, owned copies */
	char	   *scheme;			/* "http" or "https" */
	char	   *hostport;		/* host[:port] of the endpoint */
	char	   *region;
	bool		path_style;
	char	   *access_key_id;	/* NULL: unsigned */
	char	   *secret_access_key;
	char	   *session_token;
	long		connect_timeout_ms;
	long		read_timeout_ms;
	int			max_retries;
	long		retry_base_ms;
	bool		insecure;

	const zf_byte_hooks *hooks; /* may change; NULL: none */
	zf_s3_stats stats;

	CURLM	   *multi;
	CURL	   *easy;
	struct curl_slist *headers;
	char		errbuf[CURL_ERROR_SIZE];

	/* the transfer in flight */
	bool		active;
	bool		done;
	CURLcode	result;
	s3_body_mode mode;
	zf_http_response resp;
	zf_status	header_status;	/* a malformed header seen */
	bool		body_checked;	/* status and range checked at first byte */
	bool		body_is_error;	/* a non-2xx body: captured for its XML */
	uint64_t	want_first;		/* the range asked for, [first, end) */
	uint64_t	want_end;
	uint64_t	received;		/* body bytes of this transfer */
	uint64_t	last_progress_ms;
	bool		paused;
	bool		writing;		/* a request that sends a body or deletes:
								 * messages say "write" */
	curl_off_t	uploaded;		/* request body bytes sent so far */

	/* S3_BODY_STREAM: the reader's buffer, and bytes that did not fit */
	uint8_t    *dst;
	size_t		dst_len;
	size_t		dst_got;
	uint8_t    *spill;
	size_t		spill_cap;
	size_t		spill_off;
	size_t		spill_len;

	/* S3_BODY_CAPTURE and error bodies */
	char	   *body;
	size_t		body_len;
	size_t		body_cap;
} s3_client;

/* A request to make. */
typedef struct s3_request
{
	const char *method;			/* GET, HEAD, PUT, POST or DELETE */
	const char *bucket;
	const char *key;			/* NULL for a bucket request (listing) */
	const char *query;			/* encoded, or NULL */
	bool		ranged;			/* send Range: bytes=first-(end-1) */
	uint64_t	first;
	uint64_t	end;
	const char *if_match;		/* an ETag, or NULL */
	s3_body_mode mode;
	/* PUT and POST: the body sent (kept by the caller until done) */
	const uint8_t *body;
	size_t		body_len;
	const char *content_type;	/* NULL: none */
} s3_request;

extern s3_client *zf_s3_client_new(const zf_s3_config *cfg, zf_error *err);
extern void zf_s3_client_free(s3_client *c);

/* Start a request (signed now); the previous one is dropped. */
extern zf_status zf_s3_client_start(s3_client *c, const s3_request *req,
									zf_error *err);

/* Drop the transfer in flight, if any. */
extern void zf_s3_client_stop(s3_client *c);

/*
 * Run the transfer: until it is done (S3_BODY_NONE, CAPTURE), or until
 * the reader's buffer holds dst_len bytes or the transfer is done
 * (STREAM).  ZF_OK, or an error from the hook.  Read timeouts end the
 * transfer as a failed one (done, result CURLE_OPERATION_TIMEDOUT).
 */
extern zf_status zf_s3_client_pump(s3_client *c, zf_error *err);

/*
 * After a transfer is done: ZF_OK when it succeeded completely, ZF_EOF
 * when the range asked for starts at or after the end (416), otherwise an
 * error; *retry says whether trying again may help (5xx, throttling, a
 * connection dropped, a body cut short).  what names the object or bucket
 * for the message.
 */
extern zf_status zf_s3_client_outcome(s3_client *c, const char *what,
									  bool *retry, zf_error *err);

/* Sleep before retry number attempt (0-based), calling the hook. */
extern zf_status zf_s3_client_backoff(s3_client *c, int attempt,
									  zf_error *err);

/* Make a whole request with retries (HEAD, listing pages). */
extern zf_status zf_s3_client_call(s3_client *c, const s3_request *req,
								   const char *what, zf_error *err);

#endif							/* ZF_S3_CLIENT_H */
