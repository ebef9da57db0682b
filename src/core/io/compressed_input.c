/*-------------------------------------------------------------------------
 *
 * compressed_input.c
 *	  The compressed side of a decompressor: the bytes read from the inner
 *	  source, their offset, and the errors every decompressor reports the
 *	  same way (see compressed_input.h).
 *
 *-------------------------------------------------------------------------
 */
#include "io/compressed_input.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#define NONE_HINT \
	"The file was recognised as %s-compressed by its first bytes; if it is not compressed, set the option compression 'none'."
#define TRUNCATED_HINT \
	"The file may be incomplete (a transfer cut short) or not %s data."

/* Set up the buffer of compressed bytes. */
zf_status
zf_cin_init(zf_compressed_input *in, zf_byte_source *inner, const char *kind,
			bool detected, zf_error *err)
{
	memset(in, 0, sizeof(*in));
	in->inner = inner;
	in->kind = kind;
	in->detected = detected;
	in->buf = malloc(ZF_COMPRESSED_READ);
	if (in->buf == NULL)
		return zf_error_set(err, ZF_E_NOMEM,
							"out of memory opening a %s decompressor", kind);
	return ZF_OK;
}

/* Free the buffer (the inner source is the decompressor's to close). */
void
zf_cin_free(zf_compressed_input *in)
{
	free(in->buf);
	in->buf = NULL;
}

/* Make want bytes available, or as many as the input still has. */
zf_status
zf_cin_fill(zf_compressed_input *in, size_t want, zf_error *err)
{
	while (zf_cin_avail(in) < want && !in->eof)
	{
		size_t		left = zf_cin_avail(in);
		size_t		got;
		zf_status	st;

		if (in->pos > 0)
		{
			memmove(in->buf, in->buf + in->pos, left);
			in->buf_offset += in->pos;
			in->pos = 0;
			in->len = left;
		}
		st = zf_bytes_read(in->inner, in->buf + in->len,
						   ZF_COMPRESSED_READ - in->len, &got, err);
		if (st == ZF_EOF)
			in->eof = true;
		else if (st != ZF_OK)
			return st;
		in->len += got;
	}
	return ZF_OK;
}

/* The hint of a stream error: 'none' when AUTO chose the decompressor. */
static void
stream_hint(zf_compressed_input *in, zf_error *err, bool truncated)
{
	if (in->detected)
		zf_error_hint(err, NONE_HINT, in->kind);
	else if (truncated)
		zf_error_hint(err, TRUNCATED_HINT, in->kind);
}

/* The stream ended before its end marker: an error at the input's end. */
zf_status
zf_cin_truncated(zf_compressed_input *in, zf_error *err)
{
	uint64_t	end = zf_cin_offset(in);

	zf_error_set(err, ZF_E_FRAMING,
				 "%s data ends unexpectedly at byte offset %" PRIu64 " of the compressed file",
				 in->kind, end);
	zf_error_detail(err, "The compressed stream is incomplete: the last %s stream has no end.",
					in->kind);
	stream_hint(in, err, true);
	if (err != NULL)
		err->offset = (int64_t) end;
	return ZF_E_FRAMING;
}

/* The library refused the data: an error where it stopped reading. */
zf_status
zf_cin_corrupt(zf_compressed_input *in, const char *why, zf_error *err)
{
	uint64_t	at = zf_cin_offset(in);

	zf_error_set(err, ZF_E_FRAMING,
				 "%s data is corrupt near byte offset %" PRIu64 " of the compressed file",
				 in->kind, at);
	zf_error_detail(err, "The %s library says: %s.", in->kind, why ? why : "invalid data");
	stream_hint(in, err, false);
	if (err != NULL)
		err->offset = (int64_t) at;
	return ZF_E_FRAMING;
}

/* Bytes after a complete stream that begin no other: an error showing them. */
zf_status
zf_cin_trailing(zf_compressed_input *in, zf_error *err)
{
	uint64_t	at = zf_cin_offset(in);
	char		hex[64];
	size_t		n = zf_cin_avail(in);

	zf_hex(hex, sizeof(hex), in->buf + in->pos, n, 8);
	zf_error_set(err, ZF_E_FRAMING,
				 "unexpected bytes after the end of the %s data at byte offset %" PRIu64 " of the compressed file",
				 in->kind, at);
	zf_error_detail(err, "A complete %s stream is followed by X'%s', which does not begin another one.",
					in->kind, hex);
	if (in->detected)
		zf_error_hint(err, NONE_HINT, in->kind);
	else
		zf_error_hint(err, "Remove the bytes after the compressed stream (padding added by a transfer?).");
	if (err != NULL)
		err->offset = (int64_t) at;
	return ZF_E_FRAMING;
}
