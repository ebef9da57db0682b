/*-------------------------------------------------------------------------
 *
 * http_header.c
 *	  HTTP status and header lines of an S3 answer (s3_parse.h).
 *
 * libcurl hands the lines over as they arrive; this reads the few an S3
 * reader needs: the status, Content-Length, Content-Range (to check that
 * a ranged answer is the range asked for), ETag and Last-Modified (the
 * object's identity), Retry-After.  Numbers are parsed strictly: a length
 * that does not parse is an error, never a guess.
 *
 *-------------------------------------------------------------------------
 */
#include "io/s3_parse.h"

#include <string.h>
#include <strings.h>

void
zf_http_response_reset(zf_http_response *r)
{
	memset(r, 0, sizeof(*r));
	r->content_length = -1;
	r->range_total = -1;
	r->retry_after = -1;
}

/* Parse decimal digits [p, end) into *v; false unless all digits, fits. */
static bool
parse_u64(const char *p, const char *end, uint64_t *v)
{
	uint64_t	n = 0;

	if (p >= end)
		return false;
	for (; p < end; p++)
	{
		if (*p < '0' || *p > '9')
			return false;
		if (n > (UINT64_MAX - 9) / 10)
			return false;
		n = n * 10 + (uint64_t) (*p - '0');
	}
	*v = n;
	return true;
}

/* Copy [p, end) into a fixed buffer, cut to fit. */
static void
copy_field(char *dst, size_t dstlen, const char *p, const char *end)
{
	size_t		n = (size_t) (end - p);

	if (n >= dstlen)
		n = dstlen - 1;
	memcpy(dst, p, n);
	dst[n] = '\0';
}

/*
 * "bytes first-last/total" or "bytes first-last/ *"; the fields change
 * only when the whole value parses.
 */
static bool
parse_content_range(zf_http_response *r, const char *p, const char *end)
{
	const char *dash;
	const char *slash;
	uint64_t	first;
	uint64_t	last;
	uint64_t	total;
	int64_t		total_out;

	if (end - p < 6 || strncasecmp(p, "bytes ", 6) != 0)
		return false;
	p += 6;
	dash = memchr(p, '-', (size_t) (end - p));
	if (dash == NULL)
		return false;
	slash = memchr(dash, '/', (size_t) (end - dash));
	if (slash == NULL)
		return false;
	if (!parse_u64(p, dash, &first) || !parse_u64(dash + 1, slash, &last) ||
		last < first)
		return false;
	if (end - slash == 2 && slash[1] == '*')
		total_out = -1;
	else if (parse_u64(slash + 1, end, &total) && total <= INT64_MAX &&
			 total > last)
		total_out = (int64_t) total;
	else
		return false;
	r->range_first = first;
	r->range_last = last;
	r->range_total = total_out;
	r->has_range = true;
	return true;
}

zf_status
zf_http_header_line(zf_http_response *r, const char *line, size_t len,
					zf_error *err)
{
	const char *end = line + len;
	const char *colon;
	const char *v;
	size_t		nlen;

	while (end > line && (end[-1] == '\n' || end[-1] == '\r'))
		end--;
	if (end == line)
		return ZF_OK;			/* the blank line that ends the headers */

	if (end - line >= 5 && memcmp(line, "HTTP/", 5) == 0)
	{
		const char *sp = memchr(line, ' ', (size_t) (end - line));
		uint64_t	code;
		const char *cend;

		zf_http_response_reset(r);
		if (sp == NULL)
			return zf_error_set(err, ZF_E_BAD_DATA, "malformed HTTP status line");
		sp++;
		cend = sp;
		while (cend < end && *cend != ' ')
			cend++;
		if (cend - sp != 3 || !parse_u64(sp, cend, &code) || code < 100)
			return zf_error_set(err, ZF_E_BAD_DATA, "malformed HTTP status line");
		r->status = (int) code;
		return ZF_OK;
	}

	colon = memchr(line, ':', (size_t) (end - line));
	if (colon == NULL)
		return ZF_OK;			/* not a field: nothing we read */
	nlen = (size_t) (colon - line);
	v = colon + 1;
	while (v < end && (*v == ' ' || *v == '\t'))
		v++;
	while (end > v && (end[-1] == ' ' || end[-1] == '\t'))
		end--;

	if (nlen == 14 && strncasecmp(line, "content-length", 14) == 0)
	{
		uint64_t	n;

		if (!parse_u64(v, end, &n) || n > INT64_MAX)
			return zf_error_set(err, ZF_E_BAD_DATA, "malformed Content-Length header");
		r->content_length = (int64_t) n;
	}
	else if (nlen == 13 && strncasecmp(line, "content-range", 13) == 0)
	{
		if (!parse_content_range(r, v, end))
			return zf_error_set(err, ZF_E_BAD_DATA, "malformed Content-Range header");
	}
	else if (nlen == 4 && strncasecmp(line, "etag", 4) == 0)
		copy_field(r->etag, sizeof(r->etag), v, end);
	else if (nlen == 13 && strncasecmp(line, "last-modified", 13) == 0)
		copy_field(r->last_modified, sizeof(r->last_modified), v, end);
	else if (nlen == 11 && strncasecmp(line, "retry-after", 11) == 0)
	{
		uint64_t	n;

		/* seconds only; an HTTP date is ignored */
		if (parse_u64(v, end, &n))
			r->retry_after = n > 3600 ? 3600 : (int) n;
	}
	return ZF_OK;
}
