/*-------------------------------------------------------------------------
 *
 * sigv4.c
 *	  AWS Signature Version 4 over OpenSSL's SHA-256 and HMAC-SHA256.
 *
 * The steps are the published ones: a canonical request (method, URI,
 * sorted query, lower-case sorted headers with trimmed values, the signed
 * header names, the payload hash), its hash in a string to sign with the
 * date and scope, and an HMAC chain from "AWS4" + secret over date,
 * region, service and "aws4_request" that signs it.  The secret only
 * enters HMACs; it is never copied into anything returned.
 *
 *-------------------------------------------------------------------------
 */
#include "io/sigv4.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/sha.h>

/* A growable string; on allocation failure it says so once, in oom. */
typedef struct sbuf
{
	char	   *p;
	size_t		len;
	size_t		cap;
	bool		oom;
} sbuf;

static void
sb_addn(sbuf *b, const char *s, size_t n)
{
	if (b->oom)
		return;
	if (b->len + n + 1 > b->cap)
	{
		size_t		cap = b->cap ? b->cap : 256;
		char	   *np;

		while (cap < b->len + n + 1)
			cap *= 2;
		np = realloc(b->p, cap);
		if (np == NULL)
		{
			b->oom = true;
			return;
		}
		b->p = np;
		b->cap = cap;
	}
	memcpy(b->p + b->len, s, n);
	b->len += n;
	b->p[b->len] = '\0';
}

static void
sb_add(sbuf *b, const char *s)
{
	sb_addn(b, s, strlen(s));
}

/* Hex of n bytes, lower case. */
static void
to_hex(const unsigned char *d, size_t n, char *out)
{
	static const char hx[] = "0123456789abcdef";

	for (size_t i = 0; i < n; i++)
	{
		out[2 * i] = hx[d[i] >> 4];
		out[2 * i + 1] = hx[d[i] & 15];
	}
	out[2 * n] = '\0';
}

void
zf_sha256_hex(const void *data, size_t n, char out[65])
{
	unsigned char md[SHA256_DIGEST_LENGTH];

	SHA256((const unsigned char *) data, n, md);
	to_hex(md, sizeof(md), out);
}

/* A letter or digit of ASCII: the encoding must not depend on LC_CTYPE. */
static inline bool
c_alnum(unsigned char c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

size_t
zf_uri_encode(const char *s, bool keep_slash, char *out, size_t outlen)
{
	static const char hx[] = "0123456789ABCDEF";
	size_t		need = 0;

	for (const unsigned char *p = (const unsigned char *) s; *p; p++)
	{
		char		tmp[3];
		size_t		k;

		if (c_alnum(*p) || *p == '-' || *p == '_' || *p == '.' || *p == '~' ||
			(keep_slash && *p == '/'))
		{
			tmp[0] = (char) *p;
			k = 1;
		}
		else
		{
			tmp[0] = '%';
			tmp[1] = hx[*p >> 4];
			tmp[2] = hx[*p & 15];
			k = 3;
		}
		for (size_t i = 0; i < k; i++, need++)
			if (outlen > 0 && need < outlen - 1)
				out[need] = tmp[i];
	}
	if (outlen > 0)
		out[need < outlen ? need : outlen - 1] = '\0';
	return need;
}

/* One header lower-cased and trimmed, for sorting. */
typedef struct canon_header
{
	char	   *name;
	char	   *value;
} canon_header;

static int
cmp_header(const void *a, const void *b)
{
	return strcmp(((const canon_header *) a)->name,
				  ((const canon_header *) b)->name);
}

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *) a, *(char *const *) b);
}

/* A value with leading and trailing blanks removed, inner runs as one. */
static char *
trim_value(const char *v)
{
	char	   *out = malloc(strlen(v) + 1);
	size_t		n = 0;
	bool		space = false;

	if (out == NULL)
		return NULL;
	while (*v == ' ' || *v == '\t')
		v++;
	for (; *v; v++)
	{
		if (*v == ' ' || *v == '\t')
		{
			space = true;
			continue;
		}
		if (space && n > 0)
			out[n++] = ' ';
		space = false;
		out[n++] = *v;
	}
	out[n] = '\0';
	return out;
}

/* HMAC-SHA256 of msg under key. */
static void
hmac(const unsigned char *key, size_t keylen, const char *msg,
	 unsigned char out[32])
{
	unsigned int len = 32;

	HMAC(EVP_sha256(), key, (int) keylen, (const unsigned char *) msg,
		 strlen(msg), out, &len);
}

/*
 * The canonical query: the pairs sorted by name, then value (byte order,
 * as the encoded strings compare).
 */
static bool
canonical_query(const char *query, sbuf *out)
{
	char	   *copy;
	char	  **parts;
	size_t		n = 0;
	size_t		cap = 1;

	if (query == NULL || *query == '\0')
		return true;
	copy = strdup(query);
	for (const char *p = query; *p; p++)
		if (*p == '&')
			cap++;
	parts = calloc(cap, sizeof(char *));
	if (copy == NULL || parts == NULL)
	{
		free(copy);
		free(parts);
		return false;
	}
	for (char *tok = strtok(copy, "&"); tok; tok = strtok(NULL, "&"))
		parts[n++] = tok;
	/* "k=v" sorts as k then v when '=' sorts below every encoded byte */
	for (size_t i = 0; i < n; i++)
		for (char *c = parts[i]; *c; c++)
			if (*c == '=')
			{
				*c = '\001';
				break;
			}
	qsort(parts, n, sizeof(char *), cmp_str);
	for (size_t i = 0; i < n; i++)
	{
		char	   *eq = strchr(parts[i], '\001');

		if (i > 0)
			sb_add(out, "&");
		if (eq)
		{
			*eq = '\0';
			sb_add(out, parts[i]);
			sb_add(out, "=");
			sb_add(out, eq + 1);
		}
		else
		{
			sb_add(out, parts[i]);
			sb_add(out, "=");
		}
	}
	free(parts);
	free(copy);
	return true;
}

zf_status
zf_sigv4_sign(const zf_sigv4_request *req, char *auth, size_t authlen,
			  char **canonical, char **string_to_sign, zf_error *err)
{
	canon_header *hs;
	sbuf		creq = {0};
	sbuf		signed_names = {0};
	sbuf		sts = {0};
	sbuf		key = {0};
	char		hash[65];
	char		date[9];
	unsigned char k[32];
	char		sig[65];
	zf_status	st = ZF_OK;
	int			i;

	if (canonical)
		*canonical = NULL;
	if (string_to_sign)
		*string_to_sign = NULL;
	if (strlen(req->amz_date) < 8)
		return zf_error_set(err, ZF_E_ARG, "signing date \"%s\" is not YYYYMMDDTHHMMSSZ",
							req->amz_date);
	memcpy(date, req->amz_date, 8);
	date[8] = '\0';

	hs = calloc(req->nheaders > 0 ? req->nheaders : 1, sizeof(canon_header));
	if (hs == NULL)
		return zf_error_set(err, ZF_E_NOMEM, "out of memory signing a request");
	for (i = 0; i < req->nheaders; i++)
	{
		hs[i].name = strdup(req->headers[i].name ? req->headers[i].name : "");
		hs[i].value = trim_value(req->headers[i].value ? req->headers[i].value : "");
		if (hs[i].name == NULL || hs[i].value == NULL)
		{
			st = zf_error_set(err, ZF_E_NOMEM, "out of memory signing a request");
			goto done;
		}
		if (hs[i].name[0] == '\0')
		{
			st = zf_error_set(err, ZF_E_ARG, "a header to sign has no name");
			goto done;
		}
		for (char *c = hs[i].name; *c; c++)
			*c = (char) tolower((unsigned char) *c);
	}
	qsort(hs, req->nheaders, sizeof(canon_header), cmp_header);

	/* the canonical request */
	sb_add(&creq, req->method);
	sb_add(&creq, "\n");
	sb_add(&creq, req->uri);
	sb_add(&creq, "\n");
	if (!canonical_query(req->query, &creq))
		creq.oom = true;
	sb_add(&creq, "\n");
	for (i = 0; i < req->nheaders; i++)
	{
		sb_add(&creq, hs[i].name);
		sb_add(&creq, ":");
		sb_add(&creq, hs[i].value);
		sb_add(&creq, "\n");
		if (i > 0)
			sb_add(&signed_names, ";");
		sb_add(&signed_names, hs[i].name);
	}
	sb_add(&creq, "\n");
	sb_add(&creq, signed_names.p ? signed_names.p : "");
	sb_add(&creq, "\n");
	sb_add(&creq, req->payload_hash);
	if (creq.oom || signed_names.oom)
	{
		st = zf_error_set(err, ZF_E_NOMEM, "out of memory signing a request");
		goto done;
	}

	/* the string to sign */
	zf_sha256_hex(creq.p, creq.len, hash);
	sb_add(&sts, "AWS4-HMAC-SHA256\n");
	sb_add(&sts, req->amz_date);
	sb_add(&sts, "\n");
	sb_add(&sts, date);
	sb_add(&sts, "/");
	sb_add(&sts, req->region);
	sb_add(&sts, "/");
	sb_add(&sts, req->service);
	sb_add(&sts, "/aws4_request\n");
	sb_add(&sts, hash);

	/* the signing key, and the signature */
	sb_add(&key, "AWS4");
	sb_add(&key, req->secret_access_key);
	if (sts.oom || key.oom)
	{
		st = zf_error_set(err, ZF_E_NOMEM, "out of memory signing a request");
		goto done;
	}
	hmac((unsigned char *) key.p, key.len, date, k);
	hmac(k, 32, req->region, k);
	hmac(k, 32, req->service, k);
	hmac(k, 32, "aws4_request", k);
	hmac(k, 32, sts.p, k);
	to_hex(k, 32, sig);
	OPENSSL_cleanse(k, sizeof(k));

	if ((size_t) snprintf(auth, authlen,
						  "AWS4-HMAC-SHA256 Credential=%s/%s/%s/%s/aws4_request, SignedHeaders=%s, Signature=%s",
						  req->access_key_id, date, req->region, req->service,
						  signed_names.p ? signed_names.p : "", sig) >= authlen)
	{
		st = zf_error_set(err, ZF_E_ARG, "the signed Authorization header does not fit its buffer");
		goto done;
	}
	if (canonical)
	{
		*canonical = creq.p;
		creq.p = NULL;
	}
	if (string_to_sign)
	{
		*string_to_sign = sts.p;
		sts.p = NULL;
	}

done:
	for (i = 0; i < req->nheaders; i++)
	{
		free(hs[i].name);
		free(hs[i].value);
	}
	free(hs);
	free(creq.p);
	free(signed_names.p);
	free(sts.p);
	if (key.p)
		OPENSSL_cleanse(key.p, key.cap);
	free(key.p);
	return st;
}
