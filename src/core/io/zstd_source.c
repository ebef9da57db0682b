/*-------------------------------------------------------------------------
 *
 * zstd_source.c
 *	  A zstd stream (RFC 8878) read through libzstd as a byte source.
 *
 * libzstd reads concatenated frames (skippable ones included) by itself;
 * the input must end where a frame ends, and a frame's content checksum,
 * when it has one, is checked.  The window a frame may ask for is capped
 * at 128 MiB (2^27), the zstd program's own default limit, so that memory
 * is bounded by that and never grows with the output.
 *
 *-------------------------------------------------------------------------
 */
#include "io/compressed_input.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zstd.h>

/* The largest window accepted, as log2 (zstd's ZSTD_WINDOWLOG_LIMIT_DEFAULT). */
#define ZF_ZSTD_WINDOW_LOG_MAX	27

typedef struct zstd_source
{
	zf_byte_source base;
	zf_compressed_input in;
	ZSTD_DStream *ds;
	bool		frame_done;		/* the last call ended a frame */
	bool		done;			/* the input ended after a frame */
} zstd_source;

/* Read decompressed bytes into buf. */
static zf_status
zstd_read(zf_byte_source *src, uint8_t *buf, size_t n, size_t *got,
		  zf_error *err)
{
	zstd_source *s = (zstd_source *) src;
	size_t		have = 0;

	while (have < n && !s->done)
	{
		ZSTD_inBuffer zin;
		ZSTD_outBuffer zout;
		zf_status	st;
		size_t		rc;

		if (zf_cin_avail(&s->in) == 0 &&
			(st = zf_cin_fill(&s->in, 1, err)) != ZF_OK)
			return st;
		if (zf_cin_avail(&s->in) == 0 && s->frame_done)
		{
			s->done = true;
			break;
		}
		zin.src = s->in.buf + s->in.pos;
		zin.size = zf_cin_avail(&s->in);
		zin.pos = 0;
		zout.dst = buf + have;
		zout.size = n - have;
		zout.pos = 0;
		rc = ZSTD_decompressStream(s->ds, &zout, &zin);
		s->in.pos += zin.pos;
		have += zout.pos;
		if (ZSTD_isError(rc))
			return zf_cin_corrupt(&s->in, ZSTD_getErrorName(rc), err);
		s->frame_done = (rc == 0);
		/* it needs more input: there is none at the end */
		if (!s->frame_done && s->in.eof && zf_cin_avail(&s->in) == 0 &&
			zout.pos < zout.size)
			return zf_cin_truncated(&s->in, err);
	}
	*got = have;
	return have > 0 ? ZF_OK : ZF_EOF;
}

/* The inner source's identity, marked as read through zstd. */
static bool
zstd_identity(const zf_byte_source *src, char *buf, size_t len)
{
	char		inner[ZF_BYTES_ID_LEN];

	if (!zf_bytes_identity(src->inner, inner))
		return false;
	return (size_t) snprintf(buf, len, "zst:%s", inner) < len;
}

/* Release libzstd's state and the input buffer. */
static zf_status
zstd_close(zf_byte_source *src, zf_error *err)
{
	zstd_source *s = (zstd_source *) src;

	(void) err;
	ZSTD_freeDStream(s->ds);
	zf_cin_free(&s->in);
	return ZF_OK;
}

static const zf_byte_source_ops zstd_ops = {
	.read = zstd_read,
	.identity = zstd_identity,
	.close = zstd_close,
};

/* A zstd decompressor over inner, which it then owns. */
zf_byte_source *
zf_zstd_source_open(zf_byte_source *inner, bool detected, zf_error *err)
{
	zstd_source *s;

	s = (zstd_source *) zf_bytes_new(&zstd_ops, sizeof(zstd_source),
									 zf_bytes_name(inner), err);
	if (s == NULL)
		return NULL;
	if (zf_cin_init(&s->in, inner, "zstd", detected, err) != ZF_OK)
	{
		free(s->base.name);
		free(s);
		return NULL;
	}
	s->ds = ZSTD_createDStream();
	if (s->ds == NULL ||
		ZSTD_isError(ZSTD_DCtx_setParameter(s->ds, ZSTD_d_windowLogMax,
											ZF_ZSTD_WINDOW_LOG_MAX)))
	{
		ZSTD_freeDStream(s->ds);
		zf_cin_free(&s->in);
		free(s->base.name);
		free(s);
		zf_error_set(err, ZF_E_NOMEM, "out of memory opening a zstd decompressor");
		return NULL;
	}
	s->base.inner = inner;
	s->base.hooks = inner->hooks;
	return &s->base;
}
