/*-------------------------------------------------------------------------
 *
 * fuzz_s3_http.c
 *	  libFuzzer target for http_header.c (the status and header lines of
 *	  an S3 answer) and s3_credentials.c (the shared credentials file).
 *
 * fuzz-max-len: 4096
 *
 * Input: one option byte (bit 0: parse as a credentials file), then
 * header lines separated by '\n' (or the credentials file).
 *
 * Invariants: lines are never read past their end; a status is a
 * three-digit code; a range read is ordered and inside its total; strings
 * kept are terminated; credentials are both keys or none, and an error
 * never quotes a value.
 *
 *-------------------------------------------------------------------------
 */
#include "fuzz_common.h"

#include "io/s3.h"
#include "io/s3_parse.h"

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void
headers(const uint8_t *p, size_t n)
{
	zf_http_response r;
	zf_error	err;

	zf_http_response_reset(&r);
	while (n > 0)
	{
		const uint8_t *nl = memchr(p, '\n', n);
		size_t		len = nl ? (size_t) (nl - p) + 1 : n;
		/* a copy of exactly the line, so that reading past it is caught */
		char	   *line = malloc(len ? len : 1);
		zf_status	st;

		memcpy(line, p, len);
		zf_error_clear(&err);
		st = zf_http_header_line(&r, line, len, &err);
		free(line);
		fuzz_check_error(st, &err, "zf_http_header_line");
		FUZZ_CHECK(r.status == 0 || (r.status >= 100 && r.status <= 999),
				   "status %d", r.status);
		FUZZ_CHECK(!r.has_range || (r.range_first <= r.range_last &&
									(r.range_total < 0 || (uint64_t) r.range_total > r.range_last)),
				   "range %llu-%llu/%lld", (unsigned long long) r.range_first,
				   (unsigned long long) r.range_last, (long long) r.range_total);
		FUZZ_CHECK(fuzz_strnlen(r.etag, sizeof(r.etag)) < sizeof(r.etag) &&
				   fuzz_strnlen(r.last_modified, sizeof(r.last_modified)) < sizeof(r.last_modified),
				   "identity not terminated");
		FUZZ_CHECK(r.retry_after >= -1 && r.retry_after <= 3600, "retry-after %d", r.retry_after);
		p += len;
		n -= len;
	}
}

static void
credentials(const uint8_t *p, size_t n)
{
	static const char *const profiles[] = {"default", "zfdw", "profile x"};
	zf_s3_credentials c;
	zf_error	err;

	for (int i = 0; i < 3; i++)
	{
		zf_status	st;

		zf_error_clear(&err);
		st = zf_s3_credentials_parse((const char *) p, n, profiles[i], &c, &err);
		fuzz_check_error(st, &err, "zf_s3_credentials_parse");
		if (st == ZF_OK)
			FUZZ_CHECK(c.access_key_id && c.secret_access_key &&
					   c.access_key_id[0] && c.secret_access_key[0],
					   "credentials with a key missing");
		else
			FUZZ_CHECK(c.access_key_id == NULL && c.secret_access_key == NULL &&
					   c.session_token == NULL, "a failed parse kept a key");
		zf_s3_credentials_free(&c);
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_input	in = {data, size};
	uint8_t		how = fuzz_u8(&in);

	if (how & 1)
		credentials(in.p, in.n);
	else
		headers(in.p, in.n);
	return 0;
}
