/*-------------------------------------------------------------------------
 *
 * test_s3.c
 *	  Unit tests for the S3 parts of io/ that need no server: SigV4
 *	  signing against the published AWS test vectors (the Signature
 *	  Version 4 test suite and the S3 documentation's GET and PUT
 *	  examples), URI encoding, HTTP header lines, ListObjectsV2, error and
 *	  multipart-upload XML, the shared credentials file, s3:// names and
 *	  endpoints, and the object sink's behaviour that needs no answer
 *	  (buffering, truncation, a failure remembered).  Signing is checked
 *	  against botocore too, request by request, by the test server
 *	  test/s3/s3_fault_server.py.
 *
 *-------------------------------------------------------------------------
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "io/s3.h"
#include "io/s3_parse.h"
#include "io/sigv4.h"

#define SUITE_KEY		"AKIDEXAMPLE"
#define SUITE_SECRET	"wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"
#define SUITE_DATE		"20150830T123600Z"

/* Sign a request of the AWS suite (host and x-amz-date, empty body). */
static void
suite_sign(const char *uri, const char *query, char *auth, size_t len,
		   char **creq)
{
	zf_sigv4_header h[] = {{"Host", "example.amazonaws.com"},
	{"X-Amz-Date", SUITE_DATE}};
	zf_sigv4_request r = {
		.method = "GET", .uri = uri, .query = query, .headers = h,
		.nheaders = 2, .payload_hash = ZF_SHA256_EMPTY,
		.region = "us-east-1", .service = "service", .amz_date = SUITE_DATE,
		.access_key_id = SUITE_KEY, .secret_access_key = SUITE_SECRET
	};
	zf_error	err;

	zf_error_clear(&err);
	assert_int_equal(zf_sigv4_sign(&r, auth, len, creq, NULL, &err), ZF_OK);
}

/* The signature part of an Authorization value. */
static const char *
signature_of(const char *auth)
{
	const char *s = strstr(auth, "Signature=");

	assert_non_null(s);
	return s + 10;
}

/* get-vanilla: the canonical request's hash and the signature. */
static void
test_sigv4_get_vanilla(void **state)
{
	char		auth[512];
	char	   *creq;
	char		hash[65];

	(void) state;
	suite_sign("/", NULL, auth, sizeof(auth), &creq);
	zf_sha256_hex(creq, strlen(creq), hash);
	assert_string_equal(hash, "bb579772317eb040ac9ed261061d46c1f17a8133879d6129b6e1c25292927e63");
	assert_string_equal(signature_of(auth), "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31");
	assert_non_null(strstr(auth, "Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=host;x-amz-date, "));
	free(creq);
}

/* get-vanilla-query-order-key-case: the query is sorted by name. */
static void
test_sigv4_query_order(void **state)
{
	char		auth[512];
	char	   *creq;
	char		hash[65];

	(void) state;
	suite_sign("/", "Param2=value2&Param1=value1", auth, sizeof(auth), &creq);
	assert_non_null(strstr(creq, "\nParam1=value1&Param2=value2\n"));
	zf_sha256_hex(creq, strlen(creq), hash);
	assert_string_equal(hash, "816cd5b414d056048ba4f7c5386d6e0533120fb1fcfa93762cf0fc39e2cf19e0");
	assert_string_equal(signature_of(auth), "b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500");
	free(creq);
}

/* get-vanilla-query-order-value: same name, sorted by value. */
static void
test_sigv4_query_value_order(void **state)
{
	char		auth[512];

	(void) state;
	suite_sign("/", "Param1=value2&Param1=value1", auth, sizeof(auth), NULL);
	assert_string_equal(signature_of(auth), "5772eed61e12b33fae39ee5e7012498b51d56abc0abb7c60486157bd471c4694");
}

/* get-unreserved: the unreserved characters are not encoded. */
static void
test_sigv4_unreserved(void **state)
{
	const char *path = "/-._~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
	char		enc[256];
	char		auth[512];

	(void) state;
	zf_uri_encode(path, true, enc, sizeof(enc));
	assert_string_equal(enc, path);
	suite_sign(enc, NULL, auth, sizeof(auth), NULL);
	assert_string_equal(signature_of(auth), "07ef7494c76fa4850883e2b006601f940f8a34d404d0cfa977f52a65bbf5f24f");
}

/* The S3 documentation's GET Object example (Range, payload hash). */
static void
test_sigv4_s3_get_example(void **state)
{
	zf_sigv4_header h[] = {{"Host", "examplebucket.s3.amazonaws.com"},
		{"Range", "bytes=0-9"},
		{"x-amz-content-sha256", ZF_SHA256_EMPTY},
	{"x-amz-date", "20130524T000000Z"}};
	zf_sigv4_request r = {
		.method = "GET", .uri = "/test.txt", .headers = h, .nheaders = 4,
		.payload_hash = ZF_SHA256_EMPTY, .region = "us-east-1",
		.service = "s3", .amz_date = "20130524T000000Z",
		.access_key_id = "AKIAIOSFODNN7EXAMPLE",
		.secret_access_key = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"
	};
	char		auth[512];
	char	   *sts;
	zf_error	err;

	(void) state;
	zf_error_clear(&err);
	assert_int_equal(zf_sigv4_sign(&r, auth, sizeof(auth), NULL, &sts, &err), ZF_OK);
	assert_string_equal(sts, "AWS4-HMAC-SHA256\n20130524T000000Z\n20130524/us-east-1/s3/aws4_request\n"
						"7344ae5b7ee6c3e7e6b0fe0640412a37625d1fbfff95c48bbb2dc43964946972");
	assert_string_equal(signature_of(auth), "f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41");
	assert_non_null(strstr(auth, "SignedHeaders=host;range;x-amz-content-sha256;x-amz-date,"));
	/* the secret is nowhere in what is returned */
	assert_null(strstr(auth, "wJalrXUtnFEMI"));
	assert_null(strstr(sts, "wJalrXUtnFEMI"));
	free(sts);
	/* an Authorization that does not fit is an error, not a cut value */
	assert_int_equal(zf_sigv4_sign(&r, auth, 40, NULL, NULL, &err), ZF_E_ARG);
}

/*
 * The S3 documentation's PUT Object example: a body whose SHA-256 is
 * signed, an encoded key, a Date and a storage class among the headers.
 */
static void
test_sigv4_s3_put_example(void **state)
{
	const char *body = "Welcome to Amazon S3.";
	char		hash[65];
	zf_sigv4_header h[] = {{"Date", "Fri, 24 May 2013 00:00:00 GMT"},
		{"Host", "examplebucket.s3.amazonaws.com"},
		{"x-amz-content-sha256", hash},
		{"x-amz-date", "20130524T000000Z"},
	{"x-amz-storage-class", "REDUCED_REDUNDANCY"}};
	zf_sigv4_request r = {
		.method = "PUT", .uri = "/test%24file.text", .headers = h, .nheaders = 5,
		.payload_hash = hash, .region = "us-east-1",
		.service = "s3", .amz_date = "20130524T000000Z",
		.access_key_id = "AKIAIOSFODNN7EXAMPLE",
		.secret_access_key = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"
	};
	char		auth[512];
	zf_error	err;

	(void) state;
	zf_sha256_hex(body, strlen(body), hash);
	assert_string_equal(hash, "44ce7dd67c959e0d3524ffac1771dfbba87d2b6b4b4e99e42034a8b803f8b072");
	zf_error_clear(&err);
	assert_int_equal(zf_sigv4_sign(&r, auth, sizeof(auth), NULL, NULL, &err), ZF_OK);
	assert_string_equal(signature_of(auth), "98ad721746da40c64f1a55b78f14c238d841ea1380cd77a1b5971af0ece108bd");
}

/* URI encoding: upper-case hex, '/' kept only in paths, UTF-8 bytes. */
static void
test_uri_encode(void **state)
{
	char		out[64];

	(void) state;
	assert_int_equal(zf_uri_encode("a b/c+d=é", true, out, sizeof(out)), 20);
	assert_string_equal(out, "a%20b/c%2Bd%3D%C3%A9");
	zf_uri_encode("a/b", false, out, sizeof(out));
	assert_string_equal(out, "a%2Fb");
	/* cut to the buffer, the length still the whole one's */
	assert_int_equal(zf_uri_encode("%%%%", false, out, 5), 12);
	assert_string_equal(out, "%25%");
}

/* HTTP header lines: status, lengths, ranges, identity; bad numbers. */
static void
test_http_headers(void **state)
{
	zf_http_response r;
	zf_error	err;
	const char *l;

	(void) state;
	zf_error_clear(&err);
	zf_http_response_reset(&r);
	l = "HTTP/1.1 206 Partial Content\r\n";
	assert_int_equal(zf_http_header_line(&r, l, strlen(l), &err), ZF_OK);
	assert_int_equal(r.status, 206);
	l = "Content-Length: 100\r\n";
	assert_int_equal(zf_http_header_line(&r, l, strlen(l), &err), ZF_OK);
	assert_int_equal(r.content_length, 100);
	l = "content-range: bytes 100-199/5000\r\n";
	assert_int_equal(zf_http_header_line(&r, l, strlen(l), &err), ZF_OK);
	assert_true(r.has_range);
	assert_int_equal(r.range_first, 100);
	assert_int_equal(r.range_last, 199);
	assert_int_equal(r.range_total, 5000);
	l = "ETag:  \"abc\"  \r\n";
	assert_int_equal(zf_http_header_line(&r, l, strlen(l), &err), ZF_OK);
	assert_string_equal(r.etag, "\"abc\"");
	l = "Retry-After: 2\r\n";
	assert_int_equal(zf_http_header_line(&r, l, strlen(l), &err), ZF_OK);
	assert_int_equal(r.retry_after, 2);
	/* a new status line starts over */
	l = "HTTP/2 503\r\n";
	assert_int_equal(zf_http_header_line(&r, l, strlen(l), &err), ZF_OK);
	assert_int_equal(r.status, 503);
	assert_int_equal(r.content_length, -1);
	assert_false(r.has_range);
	/* malformed */
	l = "Content-Length: 12x\r\n";
	assert_int_equal(zf_http_header_line(&r, l, strlen(l), &err), ZF_E_BAD_DATA);
	l = "Content-Length: 99999999999999999999999\r\n";
	assert_int_equal(zf_http_header_line(&r, l, strlen(l), &err), ZF_E_BAD_DATA);
	l = "Content-Range: bytes 9-3/100\r\n";
	assert_int_equal(zf_http_header_line(&r, l, strlen(l), &err), ZF_E_BAD_DATA);
	l = "Content-Range: bytes 0-99/99\r\n";
	assert_int_equal(zf_http_header_line(&r, l, strlen(l), &err), ZF_E_BAD_DATA);
	l = "HTTP/1.1 2000 OK\r\n";
	assert_int_equal(zf_http_header_line(&r, l, strlen(l), &err), ZF_E_BAD_DATA);
}

/* A ListObjectsV2 page: keys unescaped, sizes, the continuation token. */
static void
test_listing(void **state)
{
	const char *xml =
		"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
		"<ListBucketResult xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">"
		"<Name>b</Name><Prefix>u/</Prefix><KeyCount>2</KeyCount>"
		"<IsTruncated>true</IsTruncated>"
		"<NextContinuationToken>t&amp;1</NextContinuationToken>"
		"<Contents><Key>u/a&lt;1&gt;.dat</Key><Size>80</Size><ETag>&quot;x&quot;</ETag></Contents>"
		"<Contents><Key>u/&#x00E9;&#233;</Key><LastModified>2026-12-07T09:45:02.000Z</LastModified><Size>0</Size></Contents>"
		"</ListBucketResult>";
	zf_s3_listing l;
	zf_error	err;

	(void) state;
	zf_error_clear(&err);
	assert_int_equal(zf_s3_parse_listing(xml, strlen(xml), &l, &err), ZF_OK);
	assert_int_equal(l.nobjects, 2);
	assert_string_equal(l.objects[0].key, "u/a<1>.dat");
	assert_int_equal(l.objects[0].size, 80);
	assert_string_equal(l.objects[1].key, "u/\xc3\xa9\xc3\xa9");
	/* ETag and LastModified when given (a subscription's stable rule) */
	assert_string_equal(l.objects[0].etag, "\"x\"");
	assert_null(l.objects[0].last_modified);
	assert_null(l.objects[1].etag);
	assert_string_equal(l.objects[1].last_modified, "2026-12-07T09:45:02.000Z");
	assert_true(l.truncated);
	assert_string_equal(l.next_token, "t&1");
	zf_s3_listing_free(&l);
}

/* Malformed listings are errors, never partial listings. */
static void
test_listing_bad(void **state)
{
	const char *bad[] = {
		"<ListBucketResult><Contents><Key>a</Key><Size>1</Size></Contents>",
		"<ListBucketResult><Contents><Key>a</Key><Size>1</Size></Contents></ListBucketResul>",
		"<ListBucketResult><Contents><Key>a</Key></Contents></ListBucketResult>",
		"<ListBucketResult><Contents><Key>a</Key><Size>-1</Size></Contents></ListBucketResult>",
		"<ListBucketResult><IsTruncated>true</IsTruncated></ListBucketResult>",
		"<Error><Code>x</Code></Error>",
		"<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><ListBucketResult/>",
		"<ListBucketResult>&bogus;</ListBucketResult>",
		"<ListBucketResult></ListBucketResult><ListBucketResult></ListBucketResult>",
		"",
		NULL
	};
	zf_error	err;

	(void) state;
	for (int i = 0; bad[i]; i++)
	{
		zf_s3_listing l;

		zf_error_clear(&err);
		assert_int_equal(zf_s3_parse_listing(bad[i], strlen(bad[i]), &l, &err), ZF_E_BAD_DATA);
		assert_int_equal(l.nobjects, 0);
		assert_null(l.objects);
	}
}

/* S3 error documents. */
static void
test_error_xml(void **state)
{
	const char *xml = "<?xml version=\"1.0\"?><Error><Code>NoSuchKey</Code>"
		"<Message>The specified key does not exist.</Message><Key>k</Key></Error>";
	char		code[32];
	char		msg[16];

	(void) state;
	assert_true(zf_s3_parse_error(xml, strlen(xml), code, sizeof(code), msg, sizeof(msg)));
	assert_string_equal(code, "NoSuchKey");
	assert_string_equal(msg, "The specified k");
	assert_false(zf_s3_parse_error("<html>", 6, code, sizeof(code), msg, sizeof(msg)));
	assert_string_equal(code, "");
}

/* The one field read of the answers of multipart uploads. */
static void
test_upload_xml(void **state)
{
	const char *init = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
		"<InitiateMultipartUploadResult xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">"
		"<Bucket>b</Bucket><Key>k</Key><UploadId>VXBsb2FkIElE&amp;x</UploadId>"
		"</InitiateMultipartUploadResult>";
	const char *done = "<CompleteMultipartUploadResult><Location>l</Location>"
		"<ETag>&quot;3858f62230ac3c915f300c664312c11f-9&quot;</ETag></CompleteMultipartUploadResult>";
	const char *twice = "<InitiateMultipartUploadResult><UploadId>a</UploadId>"
		"<UploadId>b</UploadId></InitiateMultipartUploadResult>";
	const char *nested = "<InitiateMultipartUploadResult><X><UploadId>a</UploadId></X>"
		"</InitiateMultipartUploadResult>";
	char		out[64];
	char		small[4];
	zf_error	err;

	(void) state;
	zf_error_clear(&err);
	assert_int_equal(zf_s3_parse_field(init, strlen(init), "InitiateMultipartUploadResult",
									   "UploadId", out, sizeof(out), &err), ZF_OK);
	assert_string_equal(out, "VXBsb2FkIElE&x");
	assert_int_equal(zf_s3_parse_field(done, strlen(done), "CompleteMultipartUploadResult",
									   "ETag", out, sizeof(out), &err), ZF_OK);
	assert_string_equal(out, "\"3858f62230ac3c915f300c664312c11f-9\"");
	/* another root, a field missing, twice, only nested, too long, cut */
	assert_int_equal(zf_s3_parse_field(done, strlen(done), "InitiateMultipartUploadResult",
									   "UploadId", out, sizeof(out), &err), ZF_E_BAD_DATA);
	assert_string_equal(out, "");
	assert_int_equal(zf_s3_parse_field(done, strlen(done), "CompleteMultipartUploadResult",
									   "Key", out, sizeof(out), &err), ZF_E_BAD_DATA);
	assert_int_equal(zf_s3_parse_field(twice, strlen(twice), "InitiateMultipartUploadResult",
									   "UploadId", out, sizeof(out), &err), ZF_E_BAD_DATA);
	assert_int_equal(zf_s3_parse_field(nested, strlen(nested), "InitiateMultipartUploadResult",
									   "UploadId", out, sizeof(out), &err), ZF_E_BAD_DATA);
	assert_int_equal(zf_s3_parse_field(init, strlen(init), "InitiateMultipartUploadResult",
									   "UploadId", small, sizeof(small), &err), ZF_E_BAD_DATA);
	assert_string_equal(small, "");
	assert_int_equal(zf_s3_parse_field(init, strlen(init) - 5, "InitiateMultipartUploadResult",
									   "UploadId", out, sizeof(out), &err), ZF_E_BAD_DATA);
}

/*
 * The object sink without a server (a port nobody listens on): bytes
 * below a part stay in memory, truncation within them works, the sync
 * fails with the object named, and the failure is kept.
 */
static void
test_sink_offline(void **state)
{
	zf_s3_config cfg = {
		.endpoint = "http://127.0.0.1:9", .path_style = true,
		.access_key_id = "AK", .secret_access_key = "secret-SK",
		.connect_timeout_ms = 500, .read_timeout_ms = 500, .max_retries = 0
	};
	zf_byte_sink *s;
	zf_error	err;
	zf_s3_stats st;

	(void) state;
	zf_error_clear(&err);
	assert_null(zf_s3_sink_open(&cfg, "s3://b/k", 1024 * 1024, NULL, &err));
	assert_int_equal(err.status, ZF_E_ARG);
	assert_null(zf_s3_sink_open(&cfg, "s3://b/", 0, NULL, &err));
	s = zf_s3_sink_open(&cfg, "s3://bucket/dir/k.dat", 0, NULL, &err);
	assert_non_null(s);
	assert_true(zf_s3_is_sink(s));
	assert_int_equal(zf_sink_write(s, (const uint8_t *) "ABCDEFGH", 8, &err), ZF_OK);
	assert_int_equal(zf_s3_sink_truncate(s, 4, &err), ZF_OK);
	assert_int_equal(zf_s3_sink_truncate(s, 9, &err), ZF_E_ARG);
	assert_true(zf_s3_sink_stats(s, &st));
	assert_int_equal(st.requests, 0);
	assert_int_equal(zf_sink_sync(s, &err), ZF_E_IO);
	assert_non_null(strstr(err.message, "could not write s3://bucket/dir/k.dat"));
	assert_null(strstr(err.message, "secret"));
	zf_error_clear(&err);
	assert_int_equal(zf_sink_write(s, (const uint8_t *) "X", 1, &err), ZF_E_IO);
	assert_non_null(strstr(err.message, "could not write s3://bucket/dir/k.dat"));
	/* nothing was started, so closing aborts nothing */
	assert_int_equal(zf_sink_close(s, &err), ZF_OK);
}

/* The credentials file: profiles, comments, blanks, half a profile. */
static void
test_credentials(void **state)
{
	const char *ini =
		"# comment\n[default]\naws_access_key_id = AK1\naws_secret_access_key=SK1\n\n"
		"[other]\r\n aws_access_key_id= AK2 \r\naws_secret_access_key = SK2\r\naws_session_token = T2\r\n"
		"[profile cfg]\naws_access_key_id = AK3\naws_secret_access_key = SK3\n"
		"[half]\naws_access_key_id = AK4\n";
	zf_s3_credentials c;
	zf_error	err;

	(void) state;
	zf_error_clear(&err);
	assert_int_equal(zf_s3_credentials_parse(ini, strlen(ini), "default", &c, &err), ZF_OK);
	assert_string_equal(c.access_key_id, "AK1");
	assert_string_equal(c.secret_access_key, "SK1");
	assert_null(c.session_token);
	zf_s3_credentials_free(&c);
	assert_int_equal(zf_s3_credentials_parse(ini, strlen(ini), "other", &c, &err), ZF_OK);
	assert_string_equal(c.access_key_id, "AK2");
	assert_string_equal(c.session_token, "T2");
	zf_s3_credentials_free(&c);
	assert_int_equal(zf_s3_credentials_parse(ini, strlen(ini), "cfg", &c, &err), ZF_OK);
	assert_string_equal(c.secret_access_key, "SK3");
	zf_s3_credentials_free(&c);
	assert_int_equal(zf_s3_credentials_parse(ini, strlen(ini), "none", &c, &err), ZF_EOF);
	assert_int_equal(zf_s3_credentials_parse(ini, strlen(ini), "half", &c, &err), ZF_E_BAD_DATA);
	assert_null(strstr(err.message, "AK4"));
	assert_int_equal(zf_s3_credentials_file("/nonexistent/credentials", "default", &c, &err), ZF_EOF);
}

/* s3:// names and endpoints. */
static void
test_names(void **state)
{
	char	   *b;
	char	   *k;
	zf_error	err;

	(void) state;
	zf_error_clear(&err);
	assert_true(zf_s3_is_url("s3://b/k"));
	assert_false(zf_s3_is_url("/tmp/s3://x"));
	assert_int_equal(zf_s3_split_url("s3://my-bucket/unload/2026-01/SYSREC", &b, &k, &err), ZF_OK);
	assert_string_equal(b, "my-bucket");
	assert_string_equal(k, "unload/2026-01/SYSREC");
	free(b);
	free(k);
	assert_int_equal(zf_s3_split_url("s3://my-bucket", &b, &k, &err), ZF_E_ARG);
	assert_int_equal(zf_s3_split_url("s3://my-bucket/", &b, &k, &err), ZF_E_ARG);
	assert_int_equal(zf_s3_split_url("s3://My_Bucket?/k", &b, &k, &err), ZF_E_ARG);
	assert_int_equal(zf_s3_split_url("s3://ab/k", &b, &k, &err), ZF_E_ARG);
	assert_int_equal(zf_s3_check_endpoint("http://127.0.0.1:9000", &err), ZF_OK);
	assert_int_equal(zf_s3_check_endpoint("https://s3.eu-west-1.amazonaws.com/", &err), ZF_OK);
	assert_int_equal(zf_s3_check_endpoint("ftp://x", &err), ZF_E_ARG);
	assert_int_equal(zf_s3_check_endpoint("http://user:pw@x", &err), ZF_E_ARG);
	assert_int_equal(zf_s3_check_endpoint("http://x/path", &err), ZF_E_ARG);
	assert_int_equal(zf_s3_check_endpoint("http://", &err), ZF_E_ARG);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_sigv4_get_vanilla),
		cmocka_unit_test(test_sigv4_query_order),
		cmocka_unit_test(test_sigv4_query_value_order),
		cmocka_unit_test(test_sigv4_unreserved),
		cmocka_unit_test(test_sigv4_s3_get_example),
		cmocka_unit_test(test_sigv4_s3_put_example),
		cmocka_unit_test(test_uri_encode),
		cmocka_unit_test(test_http_headers),
		cmocka_unit_test(test_listing),
		cmocka_unit_test(test_listing_bad),
		cmocka_unit_test(test_error_xml),
		cmocka_unit_test(test_upload_xml),
		cmocka_unit_test(test_sink_offline),
		cmocka_unit_test(test_credentials),
		cmocka_unit_test(test_names),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
