/*-------------------------------------------------------------------------
 *
 * compressed_input.h
 *	  What the three decompressors (gzip_source.c, bzip2_source.c,
 *	  zstd_source.c) share: the buffer of compressed bytes they read from
 *	  their inner source, the offset of those bytes in the compressed
 *	  input, and the errors for a stream that ends early, is corrupt or is
 *	  followed by something else.  Internal to src/core/io.
 *
 *-------------------------------------------------------------------------
 */
#ifndef ZF_COMPRESSED_INPUT_H
#define ZF_COMPRESSED_INPUT_H

#include "io/decompress.h"

/* Bytes read from the inner source at a time. */
#define ZF_COMPRESSED_READ	(256 * 1024)

typedef struct zf_compressed_input
{
	zf_byte_source *inner;
	const char *kind;			/* "gzip", "bzip2", "zstd" for messages */
	bool		detected;		/* AUTO chose it: errors hint at 'none' */
	uint8_t    *buf;			/* ZF_COMPRESSED_READ bytes */
	size_t		pos;			/* next byte not yet given to the library */
	size_t		len;			/* bytes in buf */
	uint64_t	buf_offset;		/* offset in the input of buf[0] */
	bool		eof;			/* the inner source has ended */
} zf_compressed_input;

/* Set up (allocates the buffer); ZF_E_NOMEM on failure. */
extern zf_status zf_cin_init(zf_compressed_input *in, zf_byte_source *inner,
							 const char *kind, bool detected, zf_error *err);
extern void zf_cin_free(zf_compressed_input *in);

/* Bytes not yet given to the library. */
static inline size_t
zf_cin_avail(const zf_compressed_input *in)
{
	return in->len - in->pos;
}

/* The offset in the compressed input of the next byte. */
static inline uint64_t
zf_cin_offset(const zf_compressed_input *in)
{
	return in->buf_offset + in->pos;
}

/*
 * Make at least want bytes available (want <= ZF_COMPRESSED_READ), moving
 * what is left to the front and reading: ZF_OK also when the input ends
 * first (the caller compares zf_cin_avail), or the inner source's error.
 */
extern zf_status zf_cin_fill(zf_compressed_input *in, size_t want,
							 zf_error *err);

/* The stream ended before its end: ZF_E_FRAMING at the input's end. */
extern zf_status zf_cin_truncated(zf_compressed_input *in, zf_error *err);

/* The library refused the data (why: its message): ZF_E_FRAMING. */
extern zf_status zf_cin_corrupt(zf_compressed_input *in, const char *why,
								zf_error *err);

/*
 * Bytes after a complete stream that do not begin another one:
 * ZF_E_FRAMING showing them.
 */
extern zf_status zf_cin_trailing(zf_compressed_input *in, zf_error *err);

#endif							/* ZF_COMPRESSED_INPUT_H */
