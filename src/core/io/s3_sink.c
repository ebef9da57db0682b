/*-------------------------------------------------------------------------
 *
 * s3_sink.c
 *	  An S3 object as a byte sink (s3.h): the bytes written become one
 *	  object when the sink is synced, or no object at all.
 *
 * The sink holds one part in memory (part_size bytes, at least the 5 MiB
 * S3 asks of every part but the last).  When the part is full the
 * multipart upload is started (CreateMultipartUpload, once) and the part
 * sent (UploadPart); the next bytes fill the same buffer.  zf_sink_sync
 * finishes: an object that never filled a part is sent whole with one
 * PutObject, a larger one gets its last part and CompleteMultipartUpload.
 * Until then nothing is visible under the key (S3 shows an upload's
 * object only once it is completed), so a sink closed without a sync
 * leaves the key as it was; close then aborts the upload
 * (AbortMultipartUpload), so that no parts are left to be paid for.
 *
 * Every request is signed (SigV4, the body's SHA-256 included) and
 * retried with backoff on 5xx, throttling and dropped connections: a
 * part is in memory until it was accepted, so it is sent again whole.  A
 * CompleteMultipartUpload answered 200 with an <Error> document (S3 may
 * do that once it has started answering) counts as failed as well.
 *
 * Truncation (a savepoint rolled back) works within the part in memory;
 * below it the parts already sent cannot be taken back, so the sink
 * remembers the failure and refuses every later write and the sync:
 * the transaction can then only roll back.
 *
 *-------------------------------------------------------------------------
 */
#include "io/s3.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "io/s3_client.h"
#include "io/sigv4.h"

/* S3's bounds: the least part but the last, the most parts. */
#define MIN_PART		(5 * 1024 * 1024)
#define MAX_PART		((size_t) 5 * 1024 * 1024 * 1024)
#define MAX_PARTS		10000
#define DEFAULT_PART	(8 * 1024 * 1024)

typedef struct s3_sink
{
	zf_byte_sink base;
	s3_client  *client;
	zf_byte_hooks hooks;
	char	   *url;
	char	   *bucket;
	char	   *key;

	uint8_t    *buf;			/* the part being filled */
	size_t		cap;
	size_t		used;
	uint64_t	sent;			/* bytes in parts already accepted */

	char	   *upload_id;		/* NULL until an upload was started */
	char	  (*etags)[128];	/* ETag of part i+1 */
	int			nparts;
	int			etags_cap;
	bool		finished;		/* the object exists now */

	zf_error	failed;			/* status != ZF_OK: every call answers it */
} s3_sink;

static const zf_byte_sink_ops s3_sink_ops;

/* Remember a failure that leaves the sink unusable, and return it. */
static zf_status
fail(s3_sink *s, zf_status st, const zf_error *err)
{
	if (s->failed.status == ZF_OK)
	{
		if (err)
			s->failed = *err;
		else
			zf_error_set(&s->failed, st, "writing %s failed", s->url);
	}
	return st;
}

/* The remembered failure, copied to err. */
static zf_status
failed(s3_sink *s, zf_error *err)
{
	if (err)
		*err = s->failed;
	return s->failed.status;
}

/* The query string of a request on the upload: "partNumber=N&uploadId=U". */
static char *
upload_query(s3_sink *s, int part, zf_error *err)
{
	size_t		n = zf_uri_encode(s->upload_id, false, NULL, 0);
	size_t		cap = n + 48;
	char	   *q = malloc(cap);
	size_t		off = 0;

	if (q == NULL)
	{
		zf_error_set(err, ZF_E_NOMEM, "out of memory writing %s", s->url);
		return NULL;
	}
	if (part > 0)
		off = (size_t) snprintf(q, cap, "partNumber=%d&", part);
	off += (size_t) snprintf(q + off, cap - off, "uploadId=");
	zf_uri_encode(s->upload_id, false, q + off, cap - off);
	return q;
}

/* CreateMultipartUpload: the upload's id. */
static zf_status
create_upload(s3_sink *s, zf_error *err)
{
	s3_request	req = {0};
	char		id[1024];
	zf_status	st;

	req.method = "POST";
	req.bucket = s->bucket;
	req.key = s->key;
	req.query = "uploads=";
	req.mode = S3_BODY_CAPTURE;
	st = zf_s3_client_call(s->client, &req, s->url, err);
	if (st != ZF_OK)
		return st;
	st = zf_s3_parse_field(s->client->body ? s->client->body : "", s->client->body_len,
						   "InitiateMultipartUploadResult", "UploadId",
						   id, sizeof(id), err);
	if (st != ZF_OK)
	{
		zf_error_detail(err, "Starting the multipart upload of %s.", s->url);
		return st;
	}
	if (id[0] == '\0')
		return zf_error_set(err, ZF_E_BAD_DATA,
							"invalid S3 answer: an empty UploadId for %s", s->url);
	s->upload_id = strdup(id);
	if (s->upload_id == NULL)
		return zf_error_set(err, ZF_E_NOMEM, "out of memory writing %s", s->url);
	return ZF_OK;
}

/* UploadPart of the buffer as the next part; its ETag kept. */
static zf_status
upload_part(s3_sink *s, zf_error *err)
{
	s3_request	req = {0};
	char	   *query;
	zf_status	st;

	if (s->nparts == MAX_PARTS)
		return zf_error_set(err, ZF_E_LIMIT,
							"%s would need more than %d parts of %zu bytes",
							s->url, MAX_PARTS, s->cap);
	if (s->nparts == s->etags_cap)
	{
		int			nc = s->etags_cap ? s->etags_cap * 2 : 64;
		char		(*np)[128] = realloc(s->etags, (size_t) nc * sizeof(*np));

		if (np == NULL)
			return zf_error_set(err, ZF_E_NOMEM, "out of memory writing %s", s->url);
		s->etags = np;
		s->etags_cap = nc;
	}
	query = upload_query(s, s->nparts + 1, err);
	if (query == NULL)
		return ZF_E_NOMEM;
	req.method = "PUT";
	req.bucket = s->bucket;
	req.key = s->key;
	req.query = query;
	req.mode = S3_BODY_NONE;
	req.body = s->buf;
	req.body_len = s->used;
	st = zf_s3_client_call(s->client, &req, s->url, err);
	free(query);
	if (st != ZF_OK)
		return st;
	if (s->client->resp.etag[0] == '\0')
		return zf_error_set(err, ZF_E_BAD_DATA,
							"invalid S3 answer: part %d of %s has no ETag",
							s->nparts + 1, s->url);
	memcpy(s->etags[s->nparts], s->client->resp.etag, sizeof(s->etags[0]));
	s->nparts++;
	s->sent += s->used;
	s->used = 0;
	return ZF_OK;
}

/* Append text to a growing buffer. */
static bool
append(char **buf, size_t *len, size_t *cap, const char *text)
{
	size_t		n = strlen(text);

	if (*len + n + 1 > *cap)
	{
		size_t		nc = *cap ? *cap : 4096;
		char	   *np;

		while (nc < *len + n + 1)
			nc *= 2;
		np = realloc(*buf, nc);
		if (np == NULL)
			return false;
		*buf = np;
		*cap = nc;
	}
	memcpy(*buf + *len, text, n + 1);
	*len += n;
	return true;
}

/* Append an ETag as XML text (it holds quotes; escape what XML needs). */
static bool
append_escaped(char **buf, size_t *len, size_t *cap, const char *text)
{
	char		one[2] = {0, 0};

	for (; *text; text++)
	{
		const char *piece;

		switch (*text)
		{
			case '&':
				piece = "&amp;";
				break;
			case '<':
				piece = "&lt;";
				break;
			case '>':
				piece = "&gt;";
				break;
			case '"':
				piece = "&quot;";
				break;
			default:
				one[0] = *text;
				piece = one;
		}
		if (!append(buf, len, cap, piece))
			return false;
	}
	return true;
}

/* CompleteMultipartUpload with the list of the parts. */
static zf_status
complete_upload(s3_sink *s, zf_error *err)
{
	s3_request	req = {0};
	char	   *xml = NULL;
	size_t		len = 0;
	size_t		cap = 0;
	char	   *query;
	char		num[64];
	char		code[128];
	char		message[256];
	char		etag[128];
	bool		ok;
	zf_status	st;

	ok = append(&xml, &len, &cap, "<CompleteMultipartUpload xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">");
	for (int i = 0; ok && i < s->nparts; i++)
	{
		snprintf(num, sizeof(num), "<Part><PartNumber>%d</PartNumber><ETag>", i + 1);
		ok = append(&xml, &len, &cap, num) &&
			append_escaped(&xml, &len, &cap, s->etags[i]) &&
			append(&xml, &len, &cap, "</ETag></Part>");
	}
	ok = ok && append(&xml, &len, &cap, "</CompleteMultipartUpload>");
	query = ok ? upload_query(s, 0, err) : NULL;
	if (query == NULL)
	{
		free(xml);
		return ok ? ZF_E_NOMEM : zf_error_set(err, ZF_E_NOMEM, "out of memory writing %s", s->url);
	}
	req.method = "POST";
	req.bucket = s->bucket;
	req.key = s->key;
	req.query = query;
	req.mode = S3_BODY_CAPTURE;
	req.body = (const uint8_t *) xml;
	req.body_len = len;
	req.content_type = "application/xml";
	for (int attempt = 0;; attempt++)
	{
		st = zf_s3_client_call(s->client, &req, s->url, err);
		if (st != ZF_OK)
			break;
		/* 200, yet maybe an error: S3 sends it when it failed late */
		if (zf_s3_parse_error(s->client->body ? s->client->body : "", s->client->body_len,
							  code, sizeof(code), message, sizeof(message)))
		{
			zf_error_set(err, ZF_E_IO, "could not write %s: completing the upload failed (%s)",
						 s->url, code);
			if (message[0])
				zf_error_detail(err, "The server said: %s", message);
			st = ZF_E_IO;
			if (attempt < s->client->max_retries &&
				(strcmp(code, "InternalError") == 0 || strcmp(code, "SlowDown") == 0 ||
				 strcmp(code, "ServiceUnavailable") == 0))
			{
				st = zf_s3_client_backoff(s->client, attempt, err);
				if (st != ZF_OK)
					break;
				continue;
			}
			break;
		}
		st = zf_s3_parse_field(s->client->body ? s->client->body : "", s->client->body_len,
							   "CompleteMultipartUploadResult", "ETag",
							   etag, sizeof(etag), err);
		if (st != ZF_OK)
			zf_error_detail(err, "Completing the multipart upload of %s.", s->url);
		break;
	}
	free(query);
	free(xml);
	return st;
}

/* PutObject of the buffer: an object smaller than a part. */
static zf_status
put_object(s3_sink *s, zf_error *err)
{
	s3_request	req = {0};

	req.method = "PUT";
	req.bucket = s->bucket;
	req.key = s->key;
	req.mode = S3_BODY_NONE;
	req.body = s->buf;
	req.body_len = s->used;
	return zf_s3_client_call(s->client, &req, s->url, err);
}

/* Buffer bytes; a full buffer goes out as a part. */
static zf_status
s3_write(zf_byte_sink *base, const uint8_t *p, size_t n, zf_error *err)
{
	s3_sink    *s = (s3_sink *) base;

	if (s->failed.status != ZF_OK)
		return failed(s, err);
	if (s->finished)
		return zf_error_set(err, ZF_E_ARG, "%s was already completed", s->url);
	while (n > 0)
	{
		size_t		k = s->cap - s->used < n ? s->cap - s->used : n;

		memcpy(s->buf + s->used, p, k);
		s->used += k;
		p += k;
		n -= k;
		if (s->used == s->cap && n > 0)
		{
			zf_status	st = ZF_OK;

			/* a part goes out only when more follows: the last may be full */
			if (s->upload_id == NULL)
				st = create_upload(s, err);
			if (st == ZF_OK)
				st = upload_part(s, err);
			if (st != ZF_OK)
				return fail(s, st, err);
		}
	}
	return ZF_OK;
}

/* Finish: the object is made, from one PutObject or the completed upload. */
static zf_status
s3_sync(zf_byte_sink *base, zf_error *err)
{
	s3_sink    *s = (s3_sink *) base;
	zf_status	st;

	if (s->failed.status != ZF_OK)
		return failed(s, err);
	if (s->finished)
		return ZF_OK;
	if (s->upload_id == NULL)
		st = put_object(s, err);
	else
	{
		st = s->used > 0 ? upload_part(s, err) : ZF_OK;
		if (st == ZF_OK)
			st = complete_upload(s, err);
	}
	if (st != ZF_OK)
		return fail(s, st, err);
	s->finished = true;
	return ZF_OK;
}

zf_status
zf_s3_sink_abort(zf_byte_sink *base, zf_error *err)
{
	s3_sink    *s = (s3_sink *) base;
	s3_request	req = {0};
	char	   *query;
	zf_status	st;

	if (s->upload_id == NULL || s->finished)
		return ZF_OK;
	query = upload_query(s, 0, err);
	if (query == NULL)
		return ZF_E_NOMEM;
	req.method = "DELETE";
	req.bucket = s->bucket;
	req.key = s->key;
	req.query = query;
	req.mode = S3_BODY_NONE;
	st = zf_s3_client_call(s->client, &req, s->url, err);
	free(query);
	if (st == ZF_OK)
	{
		free(s->upload_id);
		s->upload_id = NULL;
	}
	else
		zf_error_hint(err, "The parts sent stay in the bucket until a lifecycle rule (AbortIncompleteMultipartUpload) removes them.");
	return st;
}

/* Abort an unfinished upload and free the sink. */
static zf_status
s3_close(zf_byte_sink *base, zf_error *err)
{
	s3_sink    *s = (s3_sink *) base;
	zf_status	st = ZF_OK;

	if (s->client)
		st = zf_s3_sink_abort(base, err);
	zf_s3_client_free(s->client);
	free(s->url);
	free(s->bucket);
	free(s->key);
	free(s->buf);
	free(s->upload_id);
	free(s->etags);
	free(s);
	return st;
}

static const zf_byte_sink_ops s3_sink_ops = {s3_write, s3_sync, s3_close};

zf_byte_sink *
zf_s3_sink_open(const zf_s3_config *cfg, const char *url, size_t part_size,
				const zf_byte_hooks *hooks, zf_error *err)
{
	s3_sink    *s;

	if (part_size == 0)
		part_size = DEFAULT_PART;
	if (part_size < MIN_PART || part_size > MAX_PART)
	{
		zf_error_set(err, ZF_E_ARG, "an S3 part of %zu bytes is outside S3's bounds of %d to %zu bytes",
					 part_size, MIN_PART, MAX_PART);
		return NULL;
	}
	s = calloc(1, sizeof(s3_sink));
	if (s == NULL)
	{
		zf_error_set(err, ZF_E_NOMEM, "out of memory writing %s", url);
		return NULL;
	}
	s->base.ops = &s3_sink_ops;
	s->url = strdup(url);
	if (s->url == NULL ||
		zf_s3_split_url(url, &s->bucket, &s->key, err) != ZF_OK)
	{
		if (s->url == NULL)
			zf_error_set(err, ZF_E_NOMEM, "out of memory writing %s", url);
		s3_close(&s->base, NULL);
		return NULL;
	}
	s->buf = malloc(part_size);
	if (s->buf == NULL)
	{
		zf_error_set(err, ZF_E_NOMEM, "out of memory for a part of %zu bytes writing %s",
					 part_size, url);
		s3_close(&s->base, NULL);
		return NULL;
	}
	s->cap = part_size;
	s->client = zf_s3_client_new(cfg, err);
	if (s->client == NULL)
	{
		s3_close(&s->base, NULL);
		return NULL;
	}
	if (hooks)
		s->hooks = *hooks;
	s->client->hooks = &s->hooks;
	return &s->base;
}

void
zf_s3_sink_set_hooks(zf_byte_sink *base, const zf_byte_hooks *hooks)
{
	s3_sink    *s = (s3_sink *) base;

	if (hooks)
		s->hooks = *hooks;
	else
		memset(&s->hooks, 0, sizeof(s->hooks));
}

zf_status
zf_s3_sink_truncate(zf_byte_sink *base, uint64_t length, zf_error *err)
{
	s3_sink    *s = (s3_sink *) base;
	zf_error	e;

	if (s->failed.status != ZF_OK)
		return failed(s, err);
	if (length > s->sent + s->used)
		return zf_error_set(err, ZF_E_ARG, "cannot truncate %s of %llu bytes to %llu",
							s->url, (unsigned long long) (s->sent + s->used),
							(unsigned long long) length);
	if (length >= s->sent)
	{
		s->used = (size_t) (length - s->sent);
		return ZF_OK;
	}
	zf_error_clear(&e);
	zf_error_set(&e, ZF_E_UNSUPPORTED, "cannot take back rows already sent to %s", s->url);
	zf_error_detail(&e, "A savepoint was rolled back to %llu bytes, but %llu bytes had gone out as parts of the upload.",
					(unsigned long long) length, (unsigned long long) s->sent);
	zf_error_hint(&e, "Roll back the transaction; the object is left as it was.");
	(void) fail(s, e.status, &e);
	return failed(s, err);
}

bool
zf_s3_sink_stats(const zf_byte_sink *base, zf_s3_stats *out)
{
	const s3_sink *s = (const s3_sink *) base;

	if (base == NULL || base->ops != &s3_sink_ops)
		return false;
	*out = s->client->stats;
	return true;
}

bool
zf_s3_is_sink(const zf_byte_sink *s)
{
	return s != NULL && s->ops == &s3_sink_ops;
}
