/*-------------------------------------------------------------------------
 *
 * s3_client.c
 *	  Signed S3 requests over libcurl's multi interface (s3_client.h).
 *
 * One easy handle per client, reused so that its connection is kept
 * alive between requests.  The multi interface lets this file run the
 * transfer in steps: between two steps it calls the interrupt hook and
 * checks the read timeout.  A streamed body is read ahead into a window
 * of READ_AHEAD bytes: when the reader's buffer is full, whatever the
 * socket already holds is moved into the window before the reader gets
 * its bytes, so that the server keeps sending while the caller decodes
 * (the transfer and the decoding overlap instead of taking turns).  When
 * the window is full the transfer pauses and TCP flow control holds the
 * rest, so memory stays at one window whatever the object's size.
 *
 * Redirects are not followed (an endpoint must not send the server
 * elsewhere), only http and https are spoken, and certificates are
 * checked unless a test turned that off.
 *
 *-------------------------------------------------------------------------
 */
#include "io/s3_client.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <openssl/crypto.h>

#include "io/sigv4.h"

/* Bytes of a streamed body read ahead of the reader's buffer. */
#define READ_AHEAD		(8 * 1024 * 1024)
/* libcurl's receive buffer: large, for fewer, bigger deliveries */
#define CURL_BUFFER		(512 * 1024)
/* An error body is kept this far, for its Code and Message. */
#define MAX_ERROR_BODY	(64 * 1024)
/* The longest wait between two backoff retries. */
#define MAX_BACKOFF_MS	5000
/* How often the hook is called while waiting. */
#define POLL_MS			100

static bool curl_ready = false;

/* Milliseconds of a monotonic clock. */
static uint64_t
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t) ts.tv_sec * 1000 + (uint64_t) ts.tv_nsec / 1000000;
}

/* A copy of s, or NULL for NULL or "" when empty_is_null. */
static bool
dup_opt(char **dst, const char *s, bool empty_is_null)
{
	*dst = NULL;
	if (s == NULL || (empty_is_null && *s == '\0'))
		return true;
	*dst = strdup(s);
	return *dst != NULL;
}

/* Wipe a secret and free it. */
static void
free_secret(char *s)
{
	if (s)
	{
		OPENSSL_cleanse(s, strlen(s));
		free(s);
	}
}

zf_status
zf_s3_check_endpoint(const char *endpoint, zf_error *err)
{
	const char *host;
	size_t		n;

	if (strncmp(endpoint, "https://", 8) == 0)
		host = endpoint + 8;
	else if (strncmp(endpoint, "http://", 7) == 0)
		host = endpoint + 7;
	else
		return zf_error_set(err, ZF_E_ARG, "an S3 endpoint must start with https:// or http://");
	n = strlen(host);
	if (n > 0 && host[n - 1] == '/')
		n--;
	if (n == 0)
		return zf_error_set(err, ZF_E_ARG, "an S3 endpoint must name a host");
	for (size_t i = 0; i < n; i++)
	{
		char		c = host[i];

		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
			  (c >= '0' && c <= '9') || c == '.' || c == '-' || c == ':' ||
			  c == '[' || c == ']'))
			return zf_error_set(err, ZF_E_ARG,
								"an S3 endpoint is a scheme, a host and an optional port only, without user, path or query");
	}
	return ZF_OK;
}

s3_client *
zf_s3_client_new(const zf_s3_config *cfg, zf_error *err)
{
	s3_client  *c;
	char		dflt[128];
	const char *endpoint = cfg->endpoint;
	const char *region = cfg->region && *cfg->region ? cfg->region : "us-east-1";
	const char *host;
	bool		ok;

	if (endpoint == NULL || *endpoint == '\0')
	{
		snprintf(dflt, sizeof(dflt), "https://s3.%s.amazonaws.com", region);
		endpoint = dflt;
	}
	if (zf_s3_check_endpoint(endpoint, err) != ZF_OK)
		return NULL;
	if (!curl_ready)
	{
		if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK)
		{
			zf_error_set(err, ZF_E_IO, "could not initialize libcurl");
			return NULL;
		}
		curl_ready = true;
	}
	c = calloc(1, sizeof(s3_client));
	if (c == NULL)
	{
		zf_error_set(err, ZF_E_NOMEM, "out of memory opening an S3 connection");
		return NULL;
	}
	host = strstr(endpoint, "://") + 3;
	ok = dup_opt(&c->scheme, endpoint[4] == 's' ? "https" : "http", false) &&
		dup_opt(&c->hostport, host, false) &&
		dup_opt(&c->region, region, false) &&
		dup_opt(&c->access_key_id, cfg->access_key_id, true) &&
		dup_opt(&c->secret_access_key, cfg->secret_access_key, false) &&
		dup_opt(&c->session_token, cfg->session_token, true);
	if (ok && c->hostport[0] && c->hostport[strlen(c->hostport) - 1] == '/')
		c->hostport[strlen(c->hostport) - 1] = '\0';
	c->path_style = cfg->path_style;
	c->connect_timeout_ms = cfg->connect_timeout_ms > 0 ? cfg->connect_timeout_ms : 10000;
	c->read_timeout_ms = cfg->read_timeout_ms > 0 ? cfg->read_timeout_ms : 30000;
	c->max_retries = cfg->max_retries >= 0 ? cfg->max_retries : 0;
	c->retry_base_ms = cfg->retry_base_ms > 0 ? cfg->retry_base_ms : 100;
	c->insecure = cfg->insecure;
	if (ok && c->access_key_id != NULL && c->secret_access_key == NULL)
		ok = dup_opt(&c->secret_access_key, "", false);
	if (ok)
	{
		c->multi = curl_multi_init();
		c->easy = curl_easy_init();
	}
	if (!ok || c->multi == NULL || c->easy == NULL)
	{
		zf_s3_client_free(c);
		zf_error_set(err, ZF_E_NOMEM, "out of memory opening an S3 connection");
		return NULL;
	}
	return c;
}

void
zf_s3_client_free(s3_client *c)
{
	if (c == NULL)
		return;
	zf_s3_client_stop(c);
	if (c->easy)
		curl_easy_cleanup(c->easy);
	if (c->multi)
		curl_multi_cleanup(c->multi);
	curl_slist_free_all(c->headers);
	free(c->scheme);
	free(c->hostport);
	free(c->region);
	free(c->access_key_id);
	free_secret(c->secret_access_key);
	free_secret(c->session_token);
	free(c->spill);
	free(c->body);
	free(c);
}

void
zf_s3_client_stop(s3_client *c)
{
	if (c->active)
		curl_multi_remove_handle(c->multi, c->easy);
	c->active = false;
	c->paused = false;
	c->spill_len = 0;
	c->spill_off = 0;
}

/* Keep body bytes in c->body, up to max. */
static bool
capture(s3_client *c, const char *p, size_t n, size_t max)
{
	if (c->body_len + n > max)
		return false;
	if (c->body_len + n + 1 > c->body_cap)
	{
		size_t		cap = c->body_cap ? c->body_cap : 4096;
		char	   *np;

		while (cap < c->body_len + n + 1)
			cap *= 2;
		np = realloc(c->body, cap);
		if (np == NULL)
			return false;
		c->body = np;
		c->body_cap = cap;
	}
	memcpy(c->body + c->body_len, p, n);
	c->body_len += n;
	c->body[c->body_len] = '\0';
	return true;
}

/* The first body byte: is this the answer asked for? */
static bool
check_answer(s3_client *c)
{
	c->body_checked = true;
	if (c->resp.status < 200 || c->resp.status > 299)
	{
		c->body_is_error = true;
		return true;
	}
	if (c->mode != S3_BODY_STREAM)
		return true;
	if (c->resp.status == 206)
	{
		if (!c->resp.has_range || c->resp.range_first != c->want_first ||
			c->resp.range_last >= c->want_end)
		{
			c->header_status = ZF_E_BAD_DATA;
			return false;
		}
		/* a shorter range than asked for is read on from its end */
		c->want_end = c->resp.range_last + 1;
		return true;
	}
	/* 200: the whole object, acceptable only when asked from byte 0 */
	if (c->want_first != 0 || c->resp.content_length < 0)
	{
		c->header_status = ZF_E_BAD_DATA;
		return false;
	}
	if ((uint64_t) c->resp.content_length < c->want_end)
		c->want_end = (uint64_t) c->resp.content_length;
	return true;
}

/* libcurl's write callback: body bytes. */
static size_t
on_body(char *ptr, size_t size, size_t nmemb, void *arg)
{
	s3_client  *c = arg;
	size_t		n = size * nmemb;
	size_t		room;
	size_t		k;

	c->last_progress_ms = now_ms();
	if (!c->body_checked && !check_answer(c))
		return 0;
	if (c->body_is_error)
	{
		(void) capture(c, ptr, n, MAX_ERROR_BODY);
		c->stats.bytes += n;
		return n;
	}
	if (c->mode == S3_BODY_NONE)
		return n;
	if (c->mode == S3_BODY_CAPTURE)
	{
		if (!capture(c, ptr, n, ZF_S3_MAX_XML))
		{
			c->header_status = ZF_E_LIMIT;
			return 0;
		}
		c->received += n;
		c->stats.bytes += n;
		return n;
	}
	/* a stream: never more than the range asked for */
	if (c->received + n > c->want_end - c->want_first)
	{
		c->header_status = ZF_E_BAD_DATA;
		return 0;
	}
	room = c->dst_len - c->dst_got;
	if (c->spill_len > 0)
		room = 0;				/* keep the order: spill first */
	if (n > room && c->spill_len + (n - room) > c->spill_cap - c->spill_off)
	{
		/*
		 * No room at the window's end: move its bytes to the front, but
		 * only once half of it was handed out (at most one copy of each
		 * byte); else wait for the reader.
		 */
		if (c->spill_off >= c->spill_cap / 2 || c->spill_len == 0)
		{
			memmove(c->spill, c->spill + c->spill_off, c->spill_len);
			c->spill_off = 0;
		}
		if (c->spill_len + (n - room) > c->spill_cap - c->spill_off)
		{
			c->paused = true;
			return CURL_WRITEFUNC_PAUSE;
		}
	}
	k = n < room ? n : room;
	memcpy(c->dst + c->dst_got, ptr, k);
	c->dst_got += k;
	if (k < n)
	{
		memcpy(c->spill + c->spill_off + c->spill_len, ptr + k, n - k);
		c->spill_len += n - k;
	}
	c->received += n;
	c->stats.bytes += n;
	return n;
}

/* libcurl's header callback: one line. */
static size_t
on_header(char *ptr, size_t size, size_t nmemb, void *arg)
{
	s3_client  *c = arg;
	size_t		n = size * nmemb;

	c->last_progress_ms = now_ms();
	if (zf_http_header_line(&c->resp, ptr, n, NULL) != ZF_OK)
	{
		c->header_status = ZF_E_BAD_DATA;
		return 0;
	}
	return n;
}

/* Add one header line to the request. */
static bool
add_header(s3_client *c, const char *fmt, const char *value)
{
	char		line[2048];
	struct curl_slist *l;

	if ((size_t) snprintf(line, sizeof(line), fmt, value) >= sizeof(line))
		return false;
	l = curl_slist_append(c->headers, line);
	if (l == NULL)
		return false;
	c->headers = l;
	return true;
}

zf_status
zf_s3_client_start(s3_client *c, const s3_request *req, zf_error *err)
{
	size_t		klen = req->key ? zf_uri_encode(req->key, true, NULL, 0) : 0;
	size_t		cap = strlen(req->bucket) + klen + 8;
	char	   *path = malloc(cap);
	char	   *url = NULL;
	char		host[512];
	char		amz_date[32];
	char		range[64];
	char		auth[1024];
	char		payload[65];
	bool		sends = strcmp(req->method, "PUT") == 0 || strcmp(req->method, "POST") == 0;
	zf_sigv4_header sh[5];
	int			nh = 0;
	time_t		t = time(NULL);
	struct tm	tm;
	zf_status	st = ZF_OK;
	size_t		ulen;

	zf_s3_client_stop(c);
	curl_slist_free_all(c->headers);
	c->headers = NULL;
	if (path == NULL)
		return zf_error_set(err, ZF_E_NOMEM, "out of memory making an S3 request");

	/* the path, and the host that serves it */
	if (c->path_style)
	{
		snprintf(path, cap, "/%s%s", req->bucket, req->key ? "/" : "");
		snprintf(host, sizeof(host), "%s", c->hostport);
	}
	else
	{
		snprintf(path, cap, "/");
		snprintf(host, sizeof(host), "%s.%s", req->bucket, c->hostport);
	}
	if (req->key)
		zf_uri_encode(req->key, true, path + strlen(path), cap - strlen(path));
	ulen = strlen(c->scheme) + strlen(host) + strlen(path) +
		(req->query ? strlen(req->query) : 0) + 8;
	url = malloc(ulen);
	if (url == NULL)
	{
		free(path);
		return zf_error_set(err, ZF_E_NOMEM, "out of memory making an S3 request");
	}
	snprintf(url, ulen, "%s://%s%s%s%s", c->scheme, host, path,
			 req->query ? "?" : "", req->query ? req->query : "");

	gmtime_r(&t, &tm);
	strftime(amz_date, sizeof(amz_date), "%Y%m%dT%H%M%SZ", &tm);
	snprintf(range, sizeof(range), "bytes=%llu-%llu",
			 (unsigned long long) req->first,
			 (unsigned long long) (req->end > 0 ? req->end - 1 : 0));

	/* the body's hash is signed: a body changed on the way is refused */
	if (sends)
		zf_sha256_hex(req->body ? (const void *) req->body : "", req->body_len, payload);
	else
		snprintf(payload, sizeof(payload), "%s", ZF_SHA256_EMPTY);

	sh[nh++] = (zf_sigv4_header) {"host", host};
	if (req->ranged)
		sh[nh++] = (zf_sigv4_header) {"range", range};
	sh[nh++] = (zf_sigv4_header) {"x-amz-content-sha256", payload};
	sh[nh++] = (zf_sigv4_header) {"x-amz-date", amz_date};
	if (c->session_token)
		sh[nh++] = (zf_sigv4_header) {"x-amz-security-token", c->session_token};

	if (!add_header(c, "Host: %s", host) ||
		!add_header(c, "x-amz-content-sha256: %s", payload) ||
		(sends && !add_header(c, "Content-Type: %s",
							  req->content_type ? req->content_type : "application/octet-stream")) ||
		!add_header(c, "x-amz-date: %s", amz_date) ||
		(req->ranged && !add_header(c, "Range: %s", range)) ||
		(req->if_match && !add_header(c, "If-Match: %s", req->if_match)) ||
		(c->session_token && !add_header(c, "x-amz-security-token: %s", c->session_token)) ||
		!add_header(c, "%s", "Expect:") ||
		!add_header(c, "%s", "Accept:"))
	{
		st = zf_error_set(err, ZF_E_ARG, "an S3 request header is too long");
		goto done;
	}
	if (c->access_key_id)
	{
		zf_sigv4_request sr = {
			.method = req->method,
			.uri = path,
			.query = req->query,
			.headers = sh,
			.nheaders = nh,
			.payload_hash = payload,
			.region = c->region,
			.service = "s3",
			.amz_date = amz_date,
			.access_key_id = c->access_key_id,
			.secret_access_key = c->secret_access_key
		};

		st = zf_sigv4_sign(&sr, auth, sizeof(auth), NULL, NULL, err);
		if (st != ZF_OK)
			goto done;
		if (!add_header(c, "Authorization: %s", auth))
		{
			st = zf_error_set(err, ZF_E_ARG, "an S3 request header is too long");
			goto done;
		}
		OPENSSL_cleanse(auth, sizeof(auth));
	}

	/* the transfer's state */
	zf_http_response_reset(&c->resp);
	c->mode = req->mode;
	c->done = false;
	c->result = CURLE_OK;
	c->header_status = ZF_OK;
	c->body_checked = false;
	c->body_is_error = false;
	c->want_first = req->ranged ? req->first : 0;
	c->want_end = req->ranged ? req->end : UINT64_MAX;
	c->received = 0;
	c->writing = sends || strcmp(req->method, "DELETE") == 0;
	c->uploaded = 0;
	c->body_len = 0;
	c->last_progress_ms = now_ms();
	if (req->mode == S3_BODY_STREAM)
	{
		/* the window: READ_AHEAD, less for a small range (a copybook) */
		uint64_t	len = req->ranged ? req->end - req->first : READ_AHEAD;
		size_t		window = len + CURL_BUFFER < READ_AHEAD ? (size_t) len + CURL_BUFFER : READ_AHEAD;

		if (c->spill_cap < window)
		{
			free(c->spill);
			c->spill = malloc(window);
			c->spill_cap = c->spill ? window : 0;
		}
		if (c->spill == NULL)
		{
			st = zf_error_set(err, ZF_E_NOMEM, "out of memory making an S3 request");
			goto done;
		}
	}

	curl_easy_reset(c->easy);
	curl_easy_setopt(c->easy, CURLOPT_URL, url);
	curl_easy_setopt(c->easy, CURLOPT_HTTPHEADER, c->headers);
	if (strcmp(req->method, "HEAD") == 0)
		curl_easy_setopt(c->easy, CURLOPT_NOBODY, 1L);
	else if (sends)
	{
		/* the body from memory, sent with the method asked for */
		curl_easy_setopt(c->easy, CURLOPT_POSTFIELDSIZE_LARGE, (curl_off_t) req->body_len);
		curl_easy_setopt(c->easy, CURLOPT_POSTFIELDS, req->body ? (const char *) req->body : "");
		curl_easy_setopt(c->easy, CURLOPT_CUSTOMREQUEST, req->method);
	}
	else if (strcmp(req->method, "GET") == 0)
		curl_easy_setopt(c->easy, CURLOPT_HTTPGET, 1L);
	else
		curl_easy_setopt(c->easy, CURLOPT_CUSTOMREQUEST, req->method);
	curl_easy_setopt(c->easy, CURLOPT_NOSIGNAL, 1L);
#if LIBCURL_VERSION_NUM >= 0x075500
	curl_easy_setopt(c->easy, CURLOPT_PROTOCOLS_STR, "http,https");
#else
	curl_easy_setopt(c->easy, CURLOPT_PROTOCOLS, (long) (CURLPROTO_HTTP | CURLPROTO_HTTPS));
#endif
	curl_easy_setopt(c->easy, CURLOPT_FOLLOWLOCATION, 0L);
	curl_easy_setopt(c->easy, CURLOPT_CONNECTTIMEOUT_MS, c->connect_timeout_ms);
	curl_easy_setopt(c->easy, CURLOPT_SSL_VERIFYPEER, c->insecure ? 0L : 1L);
	curl_easy_setopt(c->easy, CURLOPT_SSL_VERIFYHOST, c->insecure ? 0L : 2L);
	curl_easy_setopt(c->easy, CURLOPT_BUFFERSIZE, (long) CURL_BUFFER);
	curl_easy_setopt(c->easy, CURLOPT_TCP_KEEPALIVE, 1L);
	curl_easy_setopt(c->easy, CURLOPT_WRITEFUNCTION, on_body);
	curl_easy_setopt(c->easy, CURLOPT_WRITEDATA, c);
	curl_easy_setopt(c->easy, CURLOPT_HEADERFUNCTION, on_header);
	curl_easy_setopt(c->easy, CURLOPT_HEADERDATA, c);
	curl_easy_setopt(c->easy, CURLOPT_ERRORBUFFER, c->errbuf);
	c->errbuf[0] = '\0';
	if (curl_multi_add_handle(c->multi, c->easy) != CURLM_OK)
	{
		st = zf_error_set(err, ZF_E_IO, "could not start an S3 request");
		goto done;
	}
	c->active = true;
	c->stats.requests++;

done:
	free(path);
	free(url);
	return st;
}

/* Move spilled bytes into the reader's buffer. */
static void
drain_spill(s3_client *c)
{
	size_t		k = c->dst_len - c->dst_got;

	if (k > c->spill_len)
		k = c->spill_len;
	if (k == 0)
		return;
	memcpy(c->dst + c->dst_got, c->spill + c->spill_off, k);
	c->dst_got += k;
	c->spill_off += k;
	c->spill_len -= k;
	if (c->spill_len == 0)
		c->spill_off = 0;
}

/* Note a transfer that ended. */
static void
collect_done(s3_client *c)
{
	CURLMsg    *msg;
	int			left;

	while ((msg = curl_multi_info_read(c->multi, &left)) != NULL)
	{
		if (msg->msg == CURLMSG_DONE && msg->easy_handle == c->easy)
		{
			c->done = true;
			c->result = msg->data.result;
		}
	}
}

/*
 * Move what the socket holds into the read-ahead window, without waiting:
 * the reader's buffer is full, and the caller is about to decode it.
 */
static void
read_ahead(s3_client *c)
{
	for (int i = 0; i < 64; i++)
	{
		size_t		before = c->spill_len;
		int			running;

		if (!c->active || c->done || c->paused ||
			c->spill_cap - c->spill_off - c->spill_len < CURL_BUFFER)
			return;
		curl_multi_perform(c->multi, &running);
		collect_done(c);
		if (c->spill_len == before)
			return;				/* nothing more has arrived yet */
	}
}

zf_status
zf_s3_client_pump(s3_client *c, zf_error *err)
{
	for (;;)
	{
		int			running;

		if (c->mode == S3_BODY_STREAM)
		{
			drain_spill(c);
			if (c->dst_got == c->dst_len)
			{
				read_ahead(c);
				return ZF_OK;
			}
			if (c->paused && c->active)
			{
				c->paused = false;
				curl_easy_pause(c->easy, CURLPAUSE_CONT);
				continue;
			}
		}
		if (c->done || !c->active)
			return ZF_OK;
		curl_multi_perform(c->multi, &running);
		collect_done(c);
		if (c->done)
			continue;
		if (c->mode == S3_BODY_STREAM && (c->dst_got == c->dst_len || c->spill_len > 0))
			continue;
		if (c->hooks && c->hooks->check_interrupts)
		{
			zf_status	st = c->hooks->check_interrupts(c->hooks->arg, err);

			if (st != ZF_OK)
			{
				zf_s3_client_stop(c);
				return st;
			}
		}
		if (c->writing)
		{
			curl_off_t	up = 0;

			/* bytes going out are progress too: a large part takes a while */
			if (curl_easy_getinfo(c->easy, CURLINFO_SIZE_UPLOAD_T, &up) == CURLE_OK &&
				up != c->uploaded)
			{
				c->uploaded = up;
				c->last_progress_ms = now_ms();
			}
		}
		if (!c->paused && now_ms() - c->last_progress_ms > (uint64_t) c->read_timeout_ms)
		{
			c->done = true;
			c->result = CURLE_OPERATION_TIMEDOUT;
			snprintf(c->errbuf, sizeof(c->errbuf), "no data for %ld ms", c->read_timeout_ms);
			continue;
		}
		curl_multi_poll(c->multi, NULL, 0, POLL_MS, NULL);
	}
}

/* S3 error codes worth another try. */
static bool
retryable_code(const char *code)
{
	static const char *const codes[] = {"SlowDown", "Throttling", "ThrottlingException",
		"RequestTimeout", "InternalError", "ServiceUnavailable",
	"RequestLimitExceeded", "RequestTimeTooSkewed", NULL};

	for (int i = 0; codes[i]; i++)
		if (strcmp(code, codes[i]) == 0)
			return true;
	return false;
}

zf_status
zf_s3_client_outcome(s3_client *c, const char *what, bool *retry,
					 zf_error *err)
{
	int			status = c->resp.status;
	char		code[128];
	char		message[256];

	*retry = false;
	if (c->header_status == ZF_E_LIMIT)
		return zf_error_set(err, ZF_E_LIMIT, "answer for %s is larger than %d bytes",
							what, ZF_S3_MAX_XML);
	if (c->header_status != ZF_OK)
	{
		/* a malformed header, or a range other than the one asked for */
		*retry = true;
		zf_error_set(err, ZF_E_IO, "malformed answer %s %s (HTTP status %d)",
					 c->writing ? "writing" : "reading", what, status);
		zf_error_detail(err, "The server sent headers or a byte range other than the ones asked for.");
		return ZF_E_IO;
	}
	if (c->result != CURLE_OK)
	{
		switch (c->result)
		{
			case CURLE_PEER_FAILED_VERIFICATION:
			case CURLE_SSL_CACERT_BADFILE:
			case CURLE_UNSUPPORTED_PROTOCOL:
			case CURLE_URL_MALFORMAT:
				break;
			default:
				*retry = true;
		}
		zf_error_set(err, ZF_E_IO, "could not %s %s: %s",
					 c->writing ? "write" : "read", what,
					 c->errbuf[0] ? c->errbuf : curl_easy_strerror(c->result));
		if (c->result == CURLE_PARTIAL_FILE || c->received > 0)
			zf_error_detail(err, "The transfer ended after %llu bytes%s.",
							(unsigned long long) c->received,
							c->result == CURLE_PARTIAL_FILE ? ", before the length the server announced" : "");
		return ZF_E_IO;
	}
	if (status >= 200 && status <= 299)
	{
		uint64_t	expect;

		if (c->mode == S3_BODY_NONE)
			return ZF_OK;
		if (!c->body_checked && !check_answer(c))
			return zf_s3_client_outcome(c, what, retry, err);
		expect = c->mode == S3_BODY_STREAM ? c->want_end - c->want_first :
			(c->resp.content_length >= 0 ? (uint64_t) c->resp.content_length : c->received);
		if (c->received < expect)
		{
			*retry = true;
			zf_error_set(err, ZF_E_IO, "truncated answer %s %s: %llu of %llu bytes",
						 c->writing ? "writing" : "reading", what,
						 (unsigned long long) c->received,
						 (unsigned long long) expect);
			return ZF_E_IO;
		}
		return ZF_OK;
	}
	if (status == 416)
		return ZF_EOF;
	zf_s3_parse_error(c->body ? c->body : "", c->body_len, code, sizeof(code),
					  message, sizeof(message));
	/* a HEAD has no body: the status's own words */
	if (code[0] == '\0')
		snprintf(code, sizeof(code), "%s",
				 status == 403 ? "Forbidden" : status == 404 ? "Not Found" :
				 status == 412 ? "Precondition Failed" :
				 status == 429 ? "Too Many Requests" :
				 status == 500 ? "Internal Server Error" :
				 status == 503 ? "Service Unavailable" : "");
	*retry = status >= 500 || status == 429 || retryable_code(code);
	zf_error_set(err, ZF_E_IO, "could not %s %s: HTTP status %d%s%s%s",
				 c->writing ? "write" : "read", what, status,
				 code[0] ? " (" : "", code, code[0] ? ")" : "");
	if (message[0])
		zf_error_detail(err, "The server said: %s", message);
	if (status == 404)
		err->sys_errno = ENOENT;
	else if (status == 403)
	{
		err->sys_errno = EACCES;
		zf_error_hint(err, "Check the credentials of the user mapping (or the server's AWS environment and credentials file) and the bucket's policy.");
	}
	else if (status == 412)
		zf_error_detail(err, "The object changed while it was being read (its ETag is no longer the one it had when opened).");
	return ZF_E_IO;
}

zf_status
zf_s3_client_backoff(s3_client *c, int attempt, zf_error *err)
{
	uint64_t	wait = (uint64_t) c->retry_base_ms << (attempt < 16 ? attempt : 16);
	uint64_t	until;

	if (wait > MAX_BACKOFF_MS)
		wait = MAX_BACKOFF_MS;
	if (c->resp.retry_after > 0 && (uint64_t) c->resp.retry_after * 1000 > wait)
		wait = (uint64_t) c->resp.retry_after * 1000 > MAX_BACKOFF_MS ?
			MAX_BACKOFF_MS : (uint64_t) c->resp.retry_after * 1000;
	/* jitter: between half and all of it */
	wait = wait / 2 + (uint64_t) (rand() % (int) (wait / 2 + 1));
	c->stats.retries++;
	until = now_ms() + wait;
	for (;;)
	{
		uint64_t	now = now_ms();
		struct timespec ts;
		uint64_t	step;

		if (c->hooks && c->hooks->check_interrupts)
		{
			zf_status	st = c->hooks->check_interrupts(c->hooks->arg, err);

			if (st != ZF_OK)
				return st;
		}
		if (now >= until)
			return ZF_OK;
		step = until - now < 50 ? until - now : 50;
		ts.tv_sec = 0;
		ts.tv_nsec = (long) step * 1000000L;
		nanosleep(&ts, NULL);
	}
}

zf_status
zf_s3_client_call(s3_client *c, const s3_request *req, const char *what,
				  zf_error *err)
{
	for (int attempt = 0;; attempt++)
	{
		zf_status	st;
		bool		retry;

		st = zf_s3_client_start(c, req, err);
		if (st == ZF_OK)
			st = zf_s3_client_pump(c, err);
		if (st != ZF_OK)
		{
			zf_s3_client_stop(c);
			return st;
		}
		st = zf_s3_client_outcome(c, what, &retry, err);
		zf_s3_client_stop(c);
		if (st == ZF_OK || st == ZF_EOF || !retry || attempt >= c->max_retries)
		{
			if (st != ZF_OK && st != ZF_EOF && retry)
				zf_error_hint(err, "Gave up after %d retries.",
							  attempt);
			return st;
		}
		st = zf_s3_client_backoff(c, attempt, err);
		if (st != ZF_OK)
			return st;
	}
}
