/*-------------------------------------------------------------------------
 *
 * gzip_source.c
 *	  A gzip stream (RFC 1952) read through zlib as a byte source.
 *
 * Members follow each other until the input ends, as gzip -d reads them:
 * after a member's trailer (CRC-32 and length, checked by zlib) the next
 * bytes must begin another member.  Inflate writes straight into the
 * caller's buffer; the only buffers are the compressed input and zlib's
 * 32 KiB window.
 *
 *-------------------------------------------------------------------------
 */
#include "io/compressed_input.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

typedef struct gzip_source
{
	zf_byte_source base;
	zf_compressed_input in;
	z_stream	z;
	bool		z_ready;		/* inflateInit2 succeeded */
	bool		member_done;	/* between two members */
	bool		done;			/* the input ended after a member */
} gzip_source;

/* Read decompressed bytes into buf. */
static zf_status
gzip_read(zf_byte_source *src, uint8_t *buf, size_t n, size_t *got,
		  zf_error *err)
{
	gzip_source *s = (gzip_source *) src;
	size_t		have = 0;

	if (n > UINT32_MAX)
		n = UINT32_MAX;
	while (have < n && !s->done)
	{
		zf_status	st;
		int			rc;
		size_t		used;

		if (s->member_done)
		{
			/* the end, or the next member's magic */
			if ((st = zf_cin_fill(&s->in, 2, err)) != ZF_OK)
				return st;
			if (zf_cin_avail(&s->in) == 0)
			{
				s->done = true;
				break;
			}
			if (zf_cin_avail(&s->in) < 2 || s->in.buf[s->in.pos] != 0x1F ||
				s->in.buf[s->in.pos + 1] != 0x8B)
				return zf_cin_trailing(&s->in, err);
			if (inflateReset(&s->z) != Z_OK)
				return zf_cin_corrupt(&s->in, "could not reset the inflater", err);
			s->member_done = false;
		}
		if (zf_cin_avail(&s->in) == 0 &&
			(st = zf_cin_fill(&s->in, 1, err)) != ZF_OK)
			return st;
		s->z.next_in = s->in.buf + s->in.pos;
		s->z.avail_in = (uInt) zf_cin_avail(&s->in);
		s->z.next_out = buf + have;
		s->z.avail_out = (uInt) (n - have);
		rc = inflate(&s->z, Z_NO_FLUSH);
		used = zf_cin_avail(&s->in) - s->z.avail_in;
		s->in.pos += used;
		have = n - s->z.avail_out;
		if (rc == Z_STREAM_END)
			s->member_done = true;
		else if (rc == Z_BUF_ERROR || rc == Z_OK)
		{
			/* it needs more input: there is none at the end */
			if (s->in.eof && zf_cin_avail(&s->in) == 0 && have < n)
				return zf_cin_truncated(&s->in, err);
		}
		else if (rc != Z_OK)
			return zf_cin_corrupt(&s->in, s->z.msg ? s->z.msg : zError(rc), err);
	}
	*got = have;
	return have > 0 ? ZF_OK : ZF_EOF;
}

/* The inner source's identity, marked as read through gzip. */
static bool
gzip_identity(const zf_byte_source *src, char *buf, size_t len)
{
	char		inner[ZF_BYTES_ID_LEN];

	if (!zf_bytes_identity(src->inner, inner))
		return false;
	return (size_t) snprintf(buf, len, "gz:%s", inner) < len;
}

/* Release zlib's state and the input buffer. */
static zf_status
gzip_close(zf_byte_source *src, zf_error *err)
{
	gzip_source *s = (gzip_source *) src;

	(void) err;
	if (s->z_ready)
		inflateEnd(&s->z);
	zf_cin_free(&s->in);
	return ZF_OK;
}

static const zf_byte_source_ops gzip_ops = {
	.read = gzip_read,
	.identity = gzip_identity,
	.close = gzip_close,
};

/* A gzip decompressor over inner, which it then owns. */
zf_byte_source *
zf_gzip_source_open(zf_byte_source *inner, bool detected, zf_error *err)
{
	gzip_source *s;

	s = (gzip_source *) zf_bytes_new(&gzip_ops, sizeof(gzip_source),
									 zf_bytes_name(inner), err);
	if (s == NULL)
		return NULL;
	if (zf_cin_init(&s->in, inner, "gzip", detected, err) != ZF_OK)
	{
		free(s->base.name);
		free(s);
		return NULL;
	}
	/* 15 + 16: a gzip header and trailer, a window of up to 32 KiB */
	if (inflateInit2(&s->z, 15 + 16) != Z_OK)
	{
		zf_cin_free(&s->in);
		free(s->base.name);
		free(s);
		zf_error_set(err, ZF_E_NOMEM, "out of memory opening a gzip decompressor");
		return NULL;
	}
	s->z_ready = true;
	s->base.inner = inner;
	s->base.hooks = inner->hooks;
	return &s->base;
}
