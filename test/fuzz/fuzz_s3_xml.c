/*-------------------------------------------------------------------------
 *
 * fuzz_s3_xml.c
 *	  libFuzzer target for s3_xml.c: the XML of ListObjectsV2 pages, of
 *	  S3 errors and of the answers of multipart uploads, as a server (or
 *	  anything in its place) may send it.
 *
 * fuzz-max-len: 16384
 *
 * Input: the document.
 *
 * Invariants: a listing either parses whole or is an error with nothing
 * in it (never a partial listing); every key is a terminated string of
 * the document's text with no NUL; a truncated listing has a token; an
 * error document's code and message fit their buffers and are empty when
 * the document is not one; a field (UploadId, ETag) is found whole or
 * not at all, and is as long as its text at most.
 *
 *-------------------------------------------------------------------------
 */
#include "fuzz_common.h"

#include "io/s3_parse.h"

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	zf_s3_listing l;
	zf_error	err;
	zf_status	st;
	char		code[32];
	char		msg[64];
	bool		is_error;
	char		field[16];
	static const char *const roots[][2] = {
		{"InitiateMultipartUploadResult", "UploadId"},
		{"CompleteMultipartUploadResult", "ETag"},
	};

	zf_error_clear(&err);
	st = zf_s3_parse_listing((const char *) data, size, &l, &err);
	fuzz_check_error(st, &err, "zf_s3_parse_listing");
	if (st != ZF_OK)
		FUZZ_CHECK(l.nobjects == 0 && l.objects == NULL && l.next_token == NULL,
				   "a failed listing kept %zu objects", l.nobjects);
	else
	{
		FUZZ_CHECK(!l.truncated || (l.next_token && l.next_token[0]),
				   "a truncated listing without a token");
		for (size_t i = 0; i < l.nobjects; i++)
			FUZZ_CHECK(l.objects[i].key != NULL &&
					   strlen(l.objects[i].key) <= size,
					   "key %zu longer than the document", i);
	}
	zf_s3_listing_free(&l);

	is_error = zf_s3_parse_error((const char *) data, size, code, sizeof(code),
								 msg, sizeof(msg));
	FUZZ_CHECK(fuzz_strnlen(code, sizeof(code)) < sizeof(code) &&
			   fuzz_strnlen(msg, sizeof(msg)) < sizeof(msg),
			   "error code or message not terminated");
	if (!is_error)
		FUZZ_CHECK(code[0] == '\0' && msg[0] == '\0', "not an error, yet a code");

	for (int i = 0; i < 2; i++)
	{
		zf_error_clear(&err);
		st = zf_s3_parse_field((const char *) data, size, roots[i][0],
							   roots[i][1], field, sizeof(field), &err);
		fuzz_check_error(st, &err, "zf_s3_parse_field");
		FUZZ_CHECK(fuzz_strnlen(field, sizeof(field)) < sizeof(field),
				   "field not terminated");
		if (st != ZF_OK)
			FUZZ_CHECK(field[0] == '\0', "a failed field kept text");
		else
			FUZZ_CHECK(strlen(field) <= size, "field longer than the document");
	}
	return 0;
}
