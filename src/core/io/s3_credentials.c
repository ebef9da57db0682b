/*-------------------------------------------------------------------------
 *
 * s3_credentials.c
 *	  The shared credentials file of the AWS tools (~/.aws/credentials):
 *	  an INI file of profiles with aws_access_key_id,
 *	  aws_secret_access_key and aws_session_token (s3.h).
 *
 * Only what the AWS tools read from this file is read: "[name]" sections,
 * "key = value" lines, '#' and ';' comment lines.  A value never appears
 * in a message.
 *
 *-------------------------------------------------------------------------
 */
#include "io/s3.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <openssl/crypto.h>

/* The largest credentials file read. */
#define MAX_CREDENTIALS_FILE	(1024 * 1024)

/* Trim blanks at both ends of [*p, *end). */
static void
trim(const char **p, const char **end)
{
	while (*p < *end && (**p == ' ' || **p == '\t' || **p == '\r'))
		(*p)++;
	while (*end > *p && ((*end)[-1] == ' ' || (*end)[-1] == '\t' || (*end)[-1] == '\r'))
		(*end)--;
}

static bool
is(const char *p, const char *end, const char *word)
{
	size_t		n = strlen(word);

	return (size_t) (end - p) == n && memcmp(p, word, n) == 0;
}

static void
wipe(char **s)
{
	if (*s)
	{
		OPENSSL_cleanse(*s, strlen(*s));
		free(*s);
		*s = NULL;
	}
}

void
zf_s3_credentials_free(zf_s3_credentials *c)
{
	wipe(&c->access_key_id);
	wipe(&c->secret_access_key);
	wipe(&c->session_token);
}

zf_status
zf_s3_credentials_parse(const char *text, size_t len, const char *profile,
						zf_s3_credentials *out, zf_error *err)
{
	const char *p = text;
	const char *end = text + len;
	bool		in_profile = false;
	bool		found = false;

	memset(out, 0, sizeof(*out));
	while (p < end)
	{
		const char *nl = memchr(p, '\n', (size_t) (end - p));
		const char *le = nl ? nl : end;
		const char *s = p;
		const char *e = le;

		p = nl ? nl + 1 : end;
		trim(&s, &e);
		if (s == e || *s == '#' || *s == ';')
			continue;
		if (*s == '[')
		{
			const char *ns = s + 1;
			const char *ne = e;

			if (ne[-1] != ']' || ne - 1 <= ns)
			{
				in_profile = false;
				continue;
			}
			ne--;
			trim(&ns, &ne);
			/* the config file's "[profile name]" form is accepted too */
			if (ne - ns > 8 && memcmp(ns, "profile ", 8) == 0)
			{
				ns += 8;
				trim(&ns, &ne);
			}
			in_profile = is(ns, ne, profile);
			if (in_profile)
				found = true;
			continue;
		}
		if (in_profile)
		{
			const char *eq = memchr(s, '=', (size_t) (e - s));
			const char *ks = s;
			const char *ke;
			const char *vs;
			const char *ve = e;
			char	  **slot = NULL;

			if (eq == NULL)
				continue;
			ke = eq;
			vs = eq + 1;
			trim(&ks, &ke);
			trim(&vs, &ve);
			if (is(ks, ke, "aws_access_key_id"))
				slot = &out->access_key_id;
			else if (is(ks, ke, "aws_secret_access_key"))
				slot = &out->secret_access_key;
			else if (is(ks, ke, "aws_session_token"))
				slot = &out->session_token;
			if (slot == NULL)
				continue;
			wipe(slot);
			*slot = strndup(vs, (size_t) (ve - vs));
			if (*slot == NULL)
			{
				zf_s3_credentials_free(out);
				return zf_error_set(err, ZF_E_NOMEM, "out of memory reading credentials");
			}
		}
	}
	if (!found || (out->access_key_id == NULL && out->secret_access_key == NULL))
	{
		zf_s3_credentials_free(out);
		return ZF_EOF;
	}
	if (out->access_key_id == NULL || out->secret_access_key == NULL ||
		out->access_key_id[0] == '\0' || out->secret_access_key[0] == '\0')
	{
		zf_s3_credentials_free(out);
		return zf_error_set(err, ZF_E_BAD_DATA,
							"profile \"%s\" of the credentials file has only one of aws_access_key_id and aws_secret_access_key",
							profile);
	}
	return ZF_OK;
}

zf_status
zf_s3_credentials_file(const char *path, const char *profile,
					   zf_s3_credentials *out, zf_error *err)
{
	FILE	   *f;
	struct stat st;
	char	   *buf;
	size_t		n;
	zf_status	rc;

	memset(out, 0, sizeof(*out));
	f = fopen(path, "re");
	if (f == NULL)
	{
		if (errno == ENOENT || errno == ENOTDIR)
			return ZF_EOF;
		return zf_bytes_sys_error(err, errno, "could not open the credentials file \"%s\"", path);
	}
	if (fstat(fileno(f), &st) != 0 || !S_ISREG(st.st_mode) ||
		st.st_size > MAX_CREDENTIALS_FILE)
	{
		fclose(f);
		return zf_error_set(err, ZF_E_IO, "the credentials file \"%s\" is not a regular file of at most %d bytes",
							path, MAX_CREDENTIALS_FILE);
	}
	buf = malloc((size_t) st.st_size + 1);
	if (buf == NULL)
	{
		fclose(f);
		return zf_error_set(err, ZF_E_NOMEM, "out of memory reading credentials");
	}
	n = fread(buf, 1, (size_t) st.st_size, f);
	fclose(f);
	rc = zf_s3_credentials_parse(buf, n, profile, out, err);
	OPENSSL_cleanse(buf, n);
	free(buf);
	return rc;
}
