/*-------------------------------------------------------------------------
 *
 * s3_source.c
 *	  An S3 object as a byte source (s3.h): sized, ranged, streamed.
 *
 * Opening makes one HEAD request: the size, the ETag and Last-Modified
 * (the identity, for caches of what was learnt from the bytes).  Reads
 * then ask for ranges:
 *
 *	 - a read that continues where the previous one ended (a scan, the
 *	   sequential reads), or goes on a little further forward again
 *	   (ANALYZE's sorted samples), is served by a window that grows as the
 *	   reads go on (FIRST_WINDOW, four times larger each time, up to
 *	   MAX_WINDOW): a scan of the whole object costs a dozen requests, one
 *	   that stops early (a LIMIT, a key range) wastes little, and each
 *	   window ends cleanly, keeping its connection; bytes are taken as they
 *	   come, read ahead (s3_client.c), skipping forward by reading on;
 *	 - a read in the range the caller advised (zf_bytes_advise: a parallel
 *	   worker's chunk) is one transfer of that range, no more, so that it
 *	   ends cleanly and its connection serves the next chunk;
 *	 - a read anywhere else (a key seek's probes) is a new transfer of
 *	   just the bytes asked for, at least SMALL_RANGE.
 *
 * A transfer that fails (5xx, throttling, a dropped connection, a body
 * shorter than announced, a read timeout) is retried with backoff from
 * the first byte not yet handed out; every GET carries If-Match with the
 * ETag seen at open, so bytes of two versions of an object never mix.
 *
 *-------------------------------------------------------------------------
 */
#include "io/s3.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "io/s3_client.h"

/* The least a ranged read asks for: a key probe, a seek's block. */
#define SMALL_RANGE		(16 * 1024)
/* A read this far ahead of the open transfer reads on to it. */
#define SKIP_LIMIT		(1024 * 1024)
/* The windows of sequential reads: the first, and the largest. */
#define FIRST_WINDOW	(256 * 1024)
#define MAX_WINDOW		(64 * 1024 * 1024)
/*
 * A read returns once it has this much, though more was asked for: the
 * caller then decodes while the socket fills, and comes back sooner to
 * move it into the read-ahead window, so that the server is seldom held.
 */
#define RETURN_AT		(256 * 1024)

typedef struct s3_source
{
	zf_byte_source base;
	s3_client  *client;
	char	   *bucket;
	char	   *key;
	char		etag[128];
	char		last_modified[64];
	bool		streaming;		/* a transfer is open at stream_pos */
	uint64_t	stream_pos;		/* the next byte it delivers */
	uint64_t	stream_end;		/* its end (exclusive) */
	uint64_t	last_end;		/* where the last read ended */
	bool		has_last;
	bool		prev_forward;	/* the last read was a little ahead of the
								 * one before */
	uint64_t	window;			/* the last sequential window, 0 after a
								 * random read */
	uint64_t	advice_start;	/* zf_bytes_advise: the next bytes read in */
	uint64_t	advice_end;		/* order; end 0: none */
} s3_source;

static const zf_byte_source_ops s3_ops;

bool
zf_s3_is_url(const char *name)
{
	return name != NULL && strncmp(name, "s3://", 5) == 0;
}

zf_status
zf_s3_split_url(const char *url, char **bucket, char **key, zf_error *err)
{
	const char *b = url + 5;
	const char *slash;
	size_t		blen;

	*bucket = NULL;
	*key = NULL;
	if (!zf_s3_is_url(url))
		return zf_error_set(err, ZF_E_ARG, "\"%s\" is not an s3:// URL", url);
	slash = strchr(b, '/');
	blen = slash ? (size_t) (slash - b) : strlen(b);
	if (blen < 3 || blen > 63)
		return zf_error_set(err, ZF_E_ARG, "\"%s\" does not name a bucket of 3 to 63 characters", url);
	for (size_t i = 0; i < blen; i++)
		if (!((b[i] >= 'a' && b[i] <= 'z') || (b[i] >= '0' && b[i] <= '9') ||
			  b[i] == '.' || b[i] == '-' || b[i] == '_'))
			return zf_error_set(err, ZF_E_ARG, "bucket name of \"%s\" has a character other than a-z, 0-9, '.', '-', '_'", url);
	if (slash == NULL || slash[1] == '\0')
		return zf_error_set(err, ZF_E_ARG, "\"%s\" names a bucket but no object key", url);
	*bucket = strndup(b, blen);
	*key = strdup(slash + 1);
	if (*bucket == NULL || *key == NULL)
	{
		free(*bucket);
		free(*key);
		*bucket = *key = NULL;
		return zf_error_set(err, ZF_E_NOMEM, "out of memory");
	}
	return ZF_OK;
}

zf_byte_source *
zf_s3_source_open(const zf_s3_config *cfg, const char *url,
				  const zf_byte_hooks *hooks, zf_error *err)
{
	s3_source  *s;
	s3_request	req = {0};
	char	   *bucket;
	char	   *key;

	if (zf_s3_split_url(url, &bucket, &key, err) != ZF_OK)
		return NULL;
	s = (s3_source *) zf_bytes_new(&s3_ops, sizeof(s3_source), url, err);
	if (s == NULL)
	{
		free(bucket);
		free(key);
		return NULL;
	}
	s->bucket = bucket;
	s->key = key;
	s->client = zf_s3_client_new(cfg, err);
	if (s->client == NULL)
	{
		zf_bytes_close(&s->base, NULL);
		return NULL;
	}
	if (hooks)
		s->base.hooks = *hooks;
	s->client->hooks = &s->base.hooks;

	req.method = "HEAD";
	req.bucket = bucket;
	req.key = key;
	req.mode = S3_BODY_NONE;
	if (zf_s3_client_call(s->client, &req, url, err) != ZF_OK)
	{
		zf_bytes_close(&s->base, NULL);
		return NULL;
	}
	if (s->client->resp.content_length < 0)
	{
		zf_error_set(err, ZF_E_IO, "could not read %s: the server did not say its size", url);
		zf_bytes_close(&s->base, NULL);
		return NULL;
	}
	s->base.size = s->client->resp.content_length;
	s->base.caps = ZF_BYTES_SIZED | ZF_BYTES_RANGED;
	memcpy(s->etag, s->client->resp.etag, sizeof(s->etag));
	memcpy(s->last_modified, s->client->resp.last_modified, sizeof(s->last_modified));
	return &s->base;
}

/*
 * Open a transfer at offset: to the end of the advised range or of the
 * object when streaming, else bounded.
 */
static zf_status
start_at(s3_source *s, uint64_t offset, size_t n, bool stream, zf_error *err)
{
	uint64_t	size = (uint64_t) s->base.size;
	s3_request	req = {0};
	uint64_t	end;

	if (s->advice_end != 0 && offset >= s->advice_start && offset < s->advice_end)
		end = s->advice_end < size ? s->advice_end : size;
	else if (stream)
	{
		s->window = s->window == 0 ? FIRST_WINDOW :
			s->window * 4 > MAX_WINDOW ? MAX_WINDOW : s->window * 4;
		if (s->window < n)
			s->window = n;
		end = size - offset < s->window ? size : offset + s->window;
	}
	else
	{
		uint64_t	want = n < SMALL_RANGE ? SMALL_RANGE : n;

		s->window = 0;
		end = size - offset < want ? size : offset + want;
	}
	req.method = "GET";
	req.bucket = s->bucket;
	req.key = s->key;
	req.ranged = true;
	req.first = offset;
	req.end = end;
	req.if_match = s->etag[0] ? s->etag : NULL;
	req.mode = S3_BODY_STREAM;
	s->streaming = false;
	if (zf_s3_client_start(s->client, &req, err) != ZF_OK)
		return err ? err->status : ZF_E_IO;
	s->streaming = true;
	s->stream_pos = offset;
	s->stream_end = end;
	return ZF_OK;
}

/*
 * Read on in the open transfer, discarding, up to offset at (a little
 * ahead).  On any trouble the transfer is dropped instead: the read then
 * asks for a new one, with the retries that brings.
 */
static void
skip_to(s3_source *s, uint64_t at)
{
	s3_client  *c = s->client;
	uint8_t		scratch[16384];

	while (s->streaming && s->stream_pos < at)
	{
		uint64_t	want = at - s->stream_pos;

		c->dst = scratch;
		c->dst_len = want < sizeof(scratch) ? (size_t) want : sizeof(scratch);
		c->dst_got = 0;
		if (zf_s3_client_pump(c, NULL) != ZF_OK ||
			(c->done && c->spill_len == 0 && c->dst_got < c->dst_len))
		{
			zf_s3_client_stop(c);
			s->streaming = false;
		}
		s->stream_pos += c->dst_got;
		c->dst = NULL;
		c->dst_len = c->dst_got = 0;
	}
}

/* Read up to n bytes at offset, resuming failed transfers. */
static zf_status
s3_read_at(zf_byte_source *src, uint8_t *buf, size_t n, uint64_t offset,
		   size_t *got, zf_error *err)
{
	s3_source  *s = (s3_source *) src;
	uint64_t	size = (uint64_t) src->size;
	int			attempt = 0;

	*got = 0;
	if (offset >= size)
		return ZF_EOF;
	if (n > size - offset)
		n = (size_t) (size - offset);

	while (*got < n && *got < RETURN_AT)
	{
		uint64_t	at = offset + *got;
		s3_client  *c = s->client;
		size_t		before;
		zf_status	st;
		bool		retry;

		if (s->streaming && at > s->stream_pos && at - s->stream_pos <= SKIP_LIMIT &&
			at < s->stream_end)
			skip_to(s, at);
		if (!s->streaming || s->stream_pos != at || at >= s->stream_end)
		{
			bool		near = s->has_last && at >= s->last_end &&
				at - s->last_end <= SKIP_LIMIT;
			/* key probes (a few bytes) never stream */
			bool		stream = at == 0 ||
				(near && (at == s->last_end || (s->prev_forward && n - *got >= 1024))) ||
				(s->advice_end != 0 && at >= s->advice_start && at < s->advice_end);

			if (s->streaming)
				zf_s3_client_stop(c);
			st = start_at(s, at, n - *got, stream || at == 0, err);
			if (st != ZF_OK)
				return st;
		}
		c->dst = buf + *got;
		c->dst_len = n - *got < RETURN_AT ? n - *got : RETURN_AT;
		c->dst_got = 0;
		st = zf_s3_client_pump(c, err);
		before = c->dst_got;
		*got += before;
		s->stream_pos += before;
		c->dst = NULL;
		c->dst_len = c->dst_got = 0;
		if (st != ZF_OK)
		{
			s->streaming = false;
			return st;
		}
		if (!c->done)
			continue;			/* the buffer is full: the stream stays */
		if (c->spill_len > 0)
			continue;			/* done, but bytes are still to be handed out */

		/* the transfer ended: completely, or not */
		st = zf_s3_client_outcome(c, src->name, &retry, err);
		zf_s3_client_stop(c);
		s->streaming = false;
		if (st == ZF_OK)
		{
			/* a range shorter than asked for is read on from its end */
			s->stream_end = c->want_end;
			if (s->stream_pos < s->stream_end)
			{
				st = zf_error_set(err, ZF_E_IO, "truncated answer reading %s", src->name);
				retry = true;
			}
			else
				continue;
		}
		if (st == ZF_EOF)
			return *got > 0 ? ZF_OK : ZF_EOF;
		if (before > 0)
			attempt = 0;		/* it moved on: a fresh count */
		if (!retry || attempt >= c->max_retries)
		{
			if (retry)
				zf_error_hint(err, "Gave up after %d retries.", attempt);
			if (err)
				err->offset = (int64_t) (offset + *got);
			return err ? err->status : ZF_E_IO;
		}
		st = zf_s3_client_backoff(c, attempt++, err);
		if (st != ZF_OK)
			return st;
	}
	s->prev_forward = s->has_last && offset >= s->last_end &&
		offset - s->last_end <= SKIP_LIMIT;
	s->last_end = offset + *got;
	s->has_last = true;
	return ZF_OK;
}

/* Sequential reads are ranged reads at the position. */
static zf_status
s3_read(zf_byte_source *src, uint8_t *buf, size_t n, size_t *got,
		zf_error *err)
{
	return s3_read_at(src, buf, n, src->position, got, err);
}

/* The object's identity: URL, size, ETag and Last-Modified. */
static bool
s3_identity(const zf_byte_source *src, char *buf, size_t len)
{
	const s3_source *s = (const s3_source *) src;
	char		whole[1024];

	if (s->etag[0] == '\0' && s->last_modified[0] == '\0')
		return false;
	snprintf(whole, sizeof(whole), "%s|%lld|%s|%s", src->name,
			 (long long) src->size, s->etag, s->last_modified);
	/* long names: a hash keeps the identity within its room */
	if (strlen(whole) >= len)
	{
		unsigned long long h = 1469598103934665603ULL;

		for (const char *p = whole; *p; p++)
			h = (h ^ (unsigned char) *p) * 1099511628211ULL;
		snprintf(buf, len, "s3:%016llx|%lld|%.40s", h, (long long) src->size, s->etag);
		return true;
	}
	snprintf(buf, len, "%s", whole);
	return true;
}

static zf_status
s3_close(zf_byte_source *src, zf_error *err)
{
	s3_source  *s = (s3_source *) src;

	(void) err;
	zf_s3_client_free(s->client);
	s->client = NULL;
	free(s->bucket);
	free(s->key);
	return ZF_OK;
}

/* The caller's next reads in order: one transfer for exactly those. */
static void
s3_advise(zf_byte_source *src, uint64_t start, uint64_t end)
{
	s3_source  *s = (s3_source *) src;

	s->advice_start = start;
	s->advice_end = end > start ? end : 0;
}

static const zf_byte_source_ops s3_ops = {
	.read = s3_read,
	.read_at = s3_read_at,
	.identity = s3_identity,
	.close = s3_close,
	.advise = s3_advise
};

bool
zf_s3_is_source(const zf_byte_source *src)
{
	for (; src != NULL; src = src->inner)
		if (src->ops == &s3_ops)
			return true;
	return false;
}

bool
zf_s3_source_stats(const zf_byte_source *src, zf_s3_stats *out)
{
	for (; src != NULL; src = src->inner)
		if (src->ops == &s3_ops)
		{
			const s3_source *s = (const s3_source *) src;

			if (s->client)
				*out = s->client->stats;
			return s->client != NULL;
		}
	return false;
}
