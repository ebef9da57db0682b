/*-------------------------------------------------------------------------
 *
 * decompress.c
 *	  Choosing the decompressor of an input: the compression option's
 *	  values, recognising gzip, bzip2 and zstd by a complete header (the
 *	  rule is in decompress.h), and stacking the decompressor on the input.
 *
 * A ranged input (a file) is looked at with a read at offset 0, which
 * does not move it; a sequential one (a program's output) has to be read,
 * so its first bytes are kept and given back first by a small source
 * stacked on it (a "replay" source).
 *
 *-------------------------------------------------------------------------
 */
#include "io/decompress.h"

#include <stdlib.h>
#include <string.h>

static const char *const names[] = {
	[ZF_COMPRESSION_AUTO] = "auto",
	[ZF_COMPRESSION_NONE] = "none",
	[ZF_COMPRESSION_GZIP] = "gzip",
	[ZF_COMPRESSION_BZIP2] = "bzip2",
	[ZF_COMPRESSION_ZSTD] = "zstd",
};

/* The option value of a kind, for options, EXPLAIN and messages. */
const char *
zf_compression_name(zf_compression kind)
{
	if ((unsigned) kind < sizeof(names) / sizeof(names[0]))
		return names[kind];
	return "?";
}

/* An option value (lower case) to its kind. */
bool
zf_compression_parse(const char *name, zf_compression *kind)
{
	for (unsigned i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (strcmp(name, names[i]) == 0)
		{
			*kind = (zf_compression) i;
			return true;
		}
	return false;
}

/* A gzip member header (RFC 1952 2.3.1), its fixed 10 bytes. */
static bool
is_gzip(const uint8_t *b, size_t n)
{
	return n >= 10 && b[0] == 0x1F && b[1] == 0x8B && b[2] == 0x08 &&
		(b[3] & 0xE0) == 0 &&
		(b[8] == 0 || b[8] == 2 || b[8] == 4) &&
		(b[9] <= 13 || b[9] == 255);
}

/* A bzip2 stream header and the magic of its first block or its end. */
static bool
is_bzip2(const uint8_t *b, size_t n)
{
	static const uint8_t block[6] = {0x31, 0x41, 0x59, 0x26, 0x53, 0x59};
	static const uint8_t end[6] = {0x17, 0x72, 0x45, 0x38, 0x50, 0x90};

	return n >= 10 && memcmp(b, "BZh", 3) == 0 && b[3] >= '1' && b[3] <= '9' &&
		(memcmp(b + 4, block, 6) == 0 || memcmp(b + 4, end, 6) == 0);
}

/* A zstd frame's magic and header descriptor, or a skippable frame. */
static bool
is_zstd(const uint8_t *b, size_t n)
{
	if (n >= 5 && b[0] == 0x28 && b[1] == 0xB5 && b[2] == 0x2F && b[3] == 0xFD)
		return (b[4] & 0x08) == 0;
	return n >= 8 && (b[0] & 0xF0) == 0x50 && b[1] == 0x2A && b[2] == 0x4D &&
		b[3] == 0x18;
}

/* The kind a complete header at the start of bytes shows, or none. */
zf_compression
zf_compression_detect(const uint8_t *bytes, size_t n)
{
	if (is_gzip(bytes, n))
		return ZF_COMPRESSION_GZIP;
	if (is_bzip2(bytes, n))
		return ZF_COMPRESSION_BZIP2;
	if (is_zstd(bytes, n))
		return ZF_COMPRESSION_ZSTD;
	return ZF_COMPRESSION_NONE;
}

/*
 * A named kind only needs its magic number: the header checks of
 * recognition are there to keep uncompressed files out, and the library
 * checks the rest.
 */
static bool
has_magic(zf_compression kind, const uint8_t *b, size_t n)
{
	switch (kind)
	{
		case ZF_COMPRESSION_GZIP:
			return n >= 2 && b[0] == 0x1F && b[1] == 0x8B;
		case ZF_COMPRESSION_BZIP2:
			return n >= 3 && memcmp(b, "BZh", 3) == 0;
		case ZF_COMPRESSION_ZSTD:
			return n >= 4 && ((b[0] == 0x28 && b[1] == 0xB5 && b[2] == 0x2F && b[3] == 0xFD) ||
							  ((b[0] & 0xF0) == 0x50 && b[1] == 0x2A && b[2] == 0x4D && b[3] == 0x18));
		default:
			return true;
	}
}

/* What an input holds, looked at without moving it. */
zf_status
zf_compression_peek(zf_byte_source *src, zf_compression option,
					zf_compression *found, zf_error *err)
{
	uint8_t		head[ZF_COMPRESSION_SNIFF_LEN];
	size_t		got;
	zf_status	st;

	*found = option;
	if (option != ZF_COMPRESSION_AUTO)
		return ZF_OK;
	*found = ZF_COMPRESSION_NONE;
	if (!(zf_bytes_caps(src) & ZF_BYTES_RANGED))
		return ZF_OK;
	st = zf_bytes_read_at_full(src, head, sizeof(head), 0, &got, err);
	if (st != ZF_OK)
		return st;
	*found = zf_compression_detect(head, got);
	return ZF_OK;
}

/* ---- the replay source: a sequential input's first bytes given back ---- */

typedef struct replay_source
{
	zf_byte_source base;
	uint8_t		head[ZF_COMPRESSION_SNIFF_LEN];
	size_t		len;
	size_t		pos;
} replay_source;

/* The kept first bytes, then the input's own. */
static zf_status
replay_read(zf_byte_source *src, uint8_t *buf, size_t n, size_t *got,
			zf_error *err)
{
	replay_source *s = (replay_source *) src;

	if (s->pos < s->len)
	{
		size_t		k = s->len - s->pos;

		if (k > n)
			k = n;
		memcpy(buf, s->head + s->pos, k);
		s->pos += k;
		*got = k;
		return ZF_OK;
	}
	return zf_bytes_read(src->inner, buf, n, got, err);
}

/* The input's identity: the bytes are the same. */
static bool
replay_identity(const zf_byte_source *src, char *buf, size_t len)
{
	(void) len;
	return zf_bytes_identity(src->inner, buf);
}

static const zf_byte_source_ops replay_ops = {
	.read = replay_read,
	.identity = replay_identity,
};

/* The decompressor of a kind over src. */
static zf_byte_source *
open_kind(zf_byte_source *src, zf_compression kind, bool detected,
		  zf_error *err)
{
	switch (kind)
	{
		case ZF_COMPRESSION_GZIP:
			return zf_gzip_source_open(src, detected, err);
		case ZF_COMPRESSION_BZIP2:
			return zf_bzip2_source_open(src, detected, err);
		case ZF_COMPRESSION_ZSTD:
			return zf_zstd_source_open(src, detected, err);
		default:
			return src;
	}
}

/* A named kind that the input's header is not. */
static zf_byte_source *
not_that_kind(zf_compression kind, const uint8_t *head, size_t n,
			  zf_error *err)
{
	char		hex[64];

	zf_hex(hex, sizeof(hex), head, n, ZF_COMPRESSION_SNIFF_LEN);
	if (n == 0)
		zf_error_set(err, ZF_E_FRAMING, "the file is empty, not %s data",
					 zf_compression_name(kind));
	else
		zf_error_set(err, ZF_E_FRAMING, "the file does not begin with a %s header",
					 zf_compression_name(kind));
	if (n > 0)
		zf_error_detail(err, "It begins with X'%s'.", hex);
	zf_error_hint(err, "Set the option compression to 'auto' to recognise the compression by the file's first bytes, or to 'none' to read it as it is.");
	if (err != NULL)
		err->offset = 0;
	return NULL;
}

/* The source to read an input through. */
zf_byte_source *
zf_decompress_open(zf_byte_source *inner, zf_compression option,
				   zf_compression *found, zf_error *err)
{
	uint8_t		head[ZF_COMPRESSION_SNIFF_LEN];
	size_t		got;
	zf_compression kind;
	zf_byte_source *src = inner;
	zf_byte_source *result;
	zf_status	st;

	if (found != NULL)
		*found = ZF_COMPRESSION_NONE;
	if (option == ZF_COMPRESSION_NONE)
		return inner;

	/* the first bytes, without moving a ranged input */
	if (zf_bytes_caps(inner) & ZF_BYTES_RANGED)
		st = zf_bytes_read_at_full(inner, head, sizeof(head), 0, &got, err);
	else
		st = zf_bytes_read_full(inner, head, sizeof(head), &got, err);
	if (st != ZF_OK)
		return NULL;
	if (!(zf_bytes_caps(inner) & ZF_BYTES_RANGED))
	{
		replay_source *r;

		r = (replay_source *) zf_bytes_new(&replay_ops, sizeof(replay_source),
										   zf_bytes_name(inner), err);
		if (r == NULL)
			return NULL;
		memcpy(r->head, head, got);
		r->len = got;
		r->base.inner = inner;
		r->base.hooks = inner->hooks;
		src = &r->base;
	}

	kind = option == ZF_COMPRESSION_AUTO ? zf_compression_detect(head, got) : option;
	if (!has_magic(kind, head, got))
		result = not_that_kind(kind, head, got, err);
	else
		result = open_kind(src, kind, option == ZF_COMPRESSION_AUTO, err);
	if (result == NULL && src != inner)
	{
		/* the input stays the caller's: free the replay source alone */
		free(src->name);
		free(src);
	}
	if (result != NULL && found != NULL)
		*found = kind;
	return result;
}
