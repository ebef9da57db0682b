/*-------------------------------------------------------------------------
 *
 * bzip2_source.c
 *	  A bzip2 stream read through libbz2 as a byte source.
 *
 * Streams follow each other until the input ends, as bzip2 -d reads them
 * (pbzip2 and lbzip2 write several): after a stream's end marker and
 * combined CRC (checked by libbz2) the next bytes must begin another
 * stream.  Output goes straight into the caller's buffer; libbz2's own
 * state is at most about 4 MiB (a 900k block), whatever the output.
 *
 *-------------------------------------------------------------------------
 */
#include "io/compressed_input.h"

#include <bzlib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct bzip2_source
{
	zf_byte_source base;
	zf_compressed_input in;
	bz_stream	bz;
	bool		bz_ready;		/* BZ2_bzDecompressInit succeeded */
	bool		stream_done;	/* between two streams */
	bool		done;			/* the input ended after a stream */
} bzip2_source;

/* libbz2's error codes in words. */
static const char *
bz_error_text(int rc)
{
	switch (rc)
	{
		case BZ_DATA_ERROR:
			return "data integrity error (a CRC does not match, or a block is broken)";
		case BZ_DATA_ERROR_MAGIC:
			return "the stream does not begin with the bzip2 magic";
		case BZ_MEM_ERROR:
			return "out of memory";
		case BZ_PARAM_ERROR:
			return "parameter error";
		default:
			return "unexpected return code";
	}
}

/* Start decompressing a stream. */
static zf_status
start_stream(bzip2_source *s, zf_error *err)
{
	memset(&s->bz, 0, sizeof(s->bz));
	if (BZ2_bzDecompressInit(&s->bz, 0, 0) != BZ_OK)
		return zf_error_set(err, ZF_E_NOMEM, "out of memory opening a bzip2 decompressor");
	s->bz_ready = true;
	return ZF_OK;
}

/* Read decompressed bytes into buf. */
static zf_status
bzip2_read(zf_byte_source *src, uint8_t *buf, size_t n, size_t *got,
		   zf_error *err)
{
	bzip2_source *s = (bzip2_source *) src;
	size_t		have = 0;

	if (n > UINT32_MAX)
		n = UINT32_MAX;
	while (have < n && !s->done)
	{
		zf_status	st;
		int			rc;
		size_t		before;

		if (s->stream_done)
		{
			/* the end, or the next stream's magic */
			if ((st = zf_cin_fill(&s->in, 3, err)) != ZF_OK)
				return st;
			if (zf_cin_avail(&s->in) == 0)
			{
				s->done = true;
				break;
			}
			if (zf_cin_avail(&s->in) < 3 ||
				memcmp(s->in.buf + s->in.pos, "BZh", 3) != 0)
				return zf_cin_trailing(&s->in, err);
			if ((st = start_stream(s, err)) != ZF_OK)
				return st;
			s->stream_done = false;
		}
		if (zf_cin_avail(&s->in) == 0 &&
			(st = zf_cin_fill(&s->in, 1, err)) != ZF_OK)
			return st;
		before = zf_cin_avail(&s->in);
		s->bz.next_in = (char *) s->in.buf + s->in.pos;
		s->bz.avail_in = (unsigned int) before;
		s->bz.next_out = (char *) buf + have;
		s->bz.avail_out = (unsigned int) (n - have);
		rc = BZ2_bzDecompress(&s->bz);
		s->in.pos += before - s->bz.avail_in;
		have = n - s->bz.avail_out;
		if (rc == BZ_STREAM_END)
		{
			BZ2_bzDecompressEnd(&s->bz);
			s->bz_ready = false;
			s->stream_done = true;
		}
		else if (rc == BZ_OK)
		{
			/* it needs more input: there is none at the end */
			if (s->in.eof && zf_cin_avail(&s->in) == 0 && have < n)
				return zf_cin_truncated(&s->in, err);
		}
		else
			return zf_cin_corrupt(&s->in, bz_error_text(rc), err);
	}
	*got = have;
	return have > 0 ? ZF_OK : ZF_EOF;
}

/* The inner source's identity, marked as read through bzip2. */
static bool
bzip2_identity(const zf_byte_source *src, char *buf, size_t len)
{
	char		inner[ZF_BYTES_ID_LEN];

	if (!zf_bytes_identity(src->inner, inner))
		return false;
	return (size_t) snprintf(buf, len, "bz2:%s", inner) < len;
}

/* Release libbz2's state and the input buffer. */
static zf_status
bzip2_close(zf_byte_source *src, zf_error *err)
{
	bzip2_source *s = (bzip2_source *) src;

	(void) err;
	if (s->bz_ready)
		BZ2_bzDecompressEnd(&s->bz);
	zf_cin_free(&s->in);
	return ZF_OK;
}

static const zf_byte_source_ops bzip2_ops = {
	.read = bzip2_read,
	.identity = bzip2_identity,
	.close = bzip2_close,
};

/* A bzip2 decompressor over inner, which it then owns. */
zf_byte_source *
zf_bzip2_source_open(zf_byte_source *inner, bool detected, zf_error *err)
{
	bzip2_source *s;

	s = (bzip2_source *) zf_bytes_new(&bzip2_ops, sizeof(bzip2_source),
									  zf_bytes_name(inner), err);
	if (s == NULL)
		return NULL;
	if (zf_cin_init(&s->in, inner, "bzip2", detected, err) != ZF_OK ||
		start_stream(s, err) != ZF_OK)
	{
		zf_cin_free(&s->in);
		free(s->base.name);
		free(s);
		return NULL;
	}
	s->base.inner = inner;
	s->base.hooks = inner->hooks;
	return &s->base;
}
