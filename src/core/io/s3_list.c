/*-------------------------------------------------------------------------
 *
 * s3_list.c
 *	  The objects an s3:// pattern names (s3.h): one object, or a glob
 *	  over a prefix listed with ListObjectsV2.
 *
 * The prefix is the part of the key before the first wildcard (and, for a
 * follower of a prefix, start-after the last key it read); every
 * page of the listing is read (continuation tokens) and each key matched
 * with fnmatch(FNM_PATHNAME), so that a wildcard never crosses '/', as in
 * a local glob.  S3 lists keys in UTF-8 byte order, which is the order
 * returned.
 *
 *-------------------------------------------------------------------------
 */
#include "io/s3.h"

#include <fnmatch.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "io/s3_client.h"
#include "io/sigv4.h"

/* Keys taken from one listing, at most. */
#define MAX_LISTED		(1000 * 1000)

/* Add an entry to out (the key as a full URL). */
static bool
add_entry(zf_s3_listing *out, size_t *cap, const char *bucket,
		  const char *key, uint64_t size, const char *etag,
		  const char *last_modified)
{
	zf_s3_object_entry *e;

	size_t		n = strlen(bucket) + strlen(key) + 7;
	char	   *url;

	if (out->nobjects == *cap)
	{
		size_t		nc = *cap ? *cap * 2 : 16;
		zf_s3_object_entry *np = realloc(out->objects, nc * sizeof(*np));

		if (np == NULL)
			return false;
		out->objects = np;
		*cap = nc;
	}
	url = malloc(n);
	if (url == NULL)
		return false;
	snprintf(url, n, "s3://%s/%s", bucket, key);
	e = &out->objects[out->nobjects];
	e->key = url;
	e->size = size;
	e->etag = etag ? strdup(etag) : NULL;
	e->last_modified = last_modified ? strdup(last_modified) : NULL;
	if ((etag && e->etag == NULL) || (last_modified && e->last_modified == NULL))
	{
		free(e->etag);
		free(url);
		return false;
	}
	out->nobjects++;
	return true;
}

/* The query of one page: list-type=2, prefix, start-after, continuation token. */
static char *
page_query(const char *prefix, const char *after, const char *token)
{
	size_t		plen = zf_uri_encode(prefix, false, NULL, 0);
	size_t		alen = after ? zf_uri_encode(after, false, NULL, 0) : 0;
	size_t		tlen = token ? zf_uri_encode(token, false, NULL, 0) : 0;
	size_t		cap = plen + alen + tlen + 96;
	char	   *q = malloc(cap);
	size_t		len;

	if (q == NULL)
		return NULL;
	len = (size_t) snprintf(q, cap, "list-type=2&prefix=");
	zf_uri_encode(prefix, false, q + len, cap - len);
	if (after)
	{
		len = strlen(q);
		len += (size_t) snprintf(q + len, cap - len, "&start-after=");
		zf_uri_encode(after, false, q + len, cap - len);
	}
	if (token)
	{
		len = strlen(q);
		len += (size_t) snprintf(q + len, cap - len, "&continuation-token=");
		zf_uri_encode(token, false, q + len, cap - len);
	}
	return q;
}

zf_status
zf_s3_list(const zf_s3_config *cfg, const char *pattern,
		   const zf_byte_hooks *hooks, zf_s3_stats *stats,
		   zf_s3_listing *out, zf_error *err)
{
	return zf_s3_list_after(cfg, pattern, NULL, hooks, stats, out, err);
}

zf_status
zf_s3_list_after(const zf_s3_config *cfg, const char *pattern,
				 const char *start_after, const zf_byte_hooks *hooks,
				 zf_s3_stats *stats, zf_s3_listing *out, zf_error *err)
{
	const char *after = NULL;
	char	   *bucket;
	char	   *key;
	char	   *prefix = NULL;
	char	   *token = NULL;
	s3_client  *c = NULL;
	zf_byte_hooks h = {0};
	size_t		cap = 0;
	zf_status	st = ZF_OK;
	char		what[512];

	memset(out, 0, sizeof(*out));
	if (zf_s3_split_url(pattern, &bucket, &key, err) != ZF_OK)
		return err ? err->status : ZF_E_ARG;
	if (hooks)
		h = *hooks;

	if (strpbrk(key, "*?[") == NULL)
	{
		/* one object: is it there, and how large */
		zf_byte_source *src = zf_s3_source_open(cfg, pattern, hooks, err);

		if (src == NULL)
			st = err ? err->status : ZF_E_IO;
		else
		{
			zf_s3_stats s;

			if (stats && zf_s3_source_stats(src, &s))
			{
				stats->requests += s.requests;
				stats->bytes += s.bytes;
				stats->retries += s.retries;
			}
			if (!add_entry(out, &cap, bucket, key, (uint64_t) zf_bytes_size(src),
						   NULL, NULL))
				st = zf_error_set(err, ZF_E_NOMEM, "out of memory listing objects");
			zf_bytes_close(src, NULL);
		}
		goto done;
	}

	prefix = strndup(key, strcspn(key, "*?["));
	/* s3://bucket/key of the same bucket, after the prefix: its key */
	if (start_after && prefix &&
		strncmp(start_after, "s3://", 5) == 0 &&
		strncmp(start_after + 5, bucket, strlen(bucket)) == 0 &&
		start_after[5 + strlen(bucket)] == '/' &&
		strcmp(start_after + 6 + strlen(bucket), prefix) >= 0)
		after = start_after + 6 + strlen(bucket);
	c = zf_s3_client_new(cfg, err);
	if (prefix == NULL || c == NULL)
	{
		st = c == NULL && err ? err->status : zf_error_set(err, ZF_E_NOMEM, "out of memory listing objects");
		goto done;
	}
	c->hooks = &h;
	snprintf(what, sizeof(what), "the listing of s3://%s/%s", bucket, prefix);
	for (;;)
	{
		s3_request	req = {0};
		zf_s3_listing page;
		char	   *query = page_query(prefix, after, token);

		if (query == NULL)
		{
			st = zf_error_set(err, ZF_E_NOMEM, "out of memory listing objects");
			break;
		}
		req.method = "GET";
		req.bucket = bucket;
		req.query = query;
		req.mode = S3_BODY_CAPTURE;
		st = zf_s3_client_call(c, &req, what, err);
		free(query);
		if (st == ZF_OK)
			st = zf_s3_parse_listing(c->body ? c->body : "", c->body_len, &page, err);
		if (st != ZF_OK)
			break;
		for (size_t i = 0; i < page.nobjects && st == ZF_OK; i++)
		{
			const char *k = page.objects[i].key;
			size_t		kl = strlen(k);

			if (strncmp(k, prefix, strlen(prefix)) != 0)
				st = zf_error_set(err, ZF_E_BAD_DATA, "invalid object listing: a key outside the prefix asked for");
			else if (kl > 0 && k[kl - 1] == '/')
				continue;		/* a folder marker */
			else if (fnmatch(key, k, FNM_PATHNAME) == 0)
			{
				if (out->nobjects > 0 &&
					strcmp(out->objects[out->nobjects - 1].key + strlen(bucket) + 6, k) >= 0)
					st = zf_error_set(err, ZF_E_BAD_DATA, "invalid object listing: keys out of order");
				else if (out->nobjects >= MAX_LISTED)
					st = zf_error_set(err, ZF_E_LIMIT, "more than %d objects match \"%s\"",
									  MAX_LISTED, pattern);
				else if (!add_entry(out, &cap, bucket, k, page.objects[i].size,
									page.objects[i].etag,
									page.objects[i].last_modified))
					st = zf_error_set(err, ZF_E_NOMEM, "out of memory listing objects");
			}
		}
		free(token);
		token = page.truncated && page.next_token ? strdup(page.next_token) : NULL;
		if (page.truncated && token == NULL && st == ZF_OK)
			st = zf_error_set(err, ZF_E_NOMEM, "out of memory listing objects");
		zf_s3_listing_free(&page);
		if (st != ZF_OK || token == NULL)
			break;
	}

done:
	if (c && stats)
	{
		stats->requests += c->stats.requests;
		stats->bytes += c->stats.bytes;
		stats->retries += c->stats.retries;
	}
	zf_s3_client_free(c);
	free(token);
	free(prefix);
	free(bucket);
	free(key);
	if (st != ZF_OK)
		zf_s3_listing_free(out);
	return st;
}
