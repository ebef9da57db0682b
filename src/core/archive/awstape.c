/*-------------------------------------------------------------------------
 *
 * awstape.c
 *	  The blocks of an AWSTAPE or HET virtual tape image.
 *
 * An image is a chain of chunks, each behind a 6-byte header: the chunk's
 * length and the previous chunk's length (2 bytes each, little-endian),
 * then two flag bytes.  In the first: X'80' a block begins, X'40' a tape
 * mark, X'20' the block ends; HET adds the compression of the block in
 * the low bits, X'01' zlib and X'02' bzip2 (the whole block is compressed,
 * then cut into chunks).  A block is at most 65535 bytes.
 *
 * Every header is checked: the previous length must be the length of the
 * chunk before, a block must begin with a first chunk and end before the
 * next one begins or a tape mark comes, a tape mark carries no data, the
 * compression of a block's chunks agrees, and a block inflates to at most
 * 65535 bytes.  A chunk cut short by the end of the image is an error.
 *
 *-------------------------------------------------------------------------
 */
#include "archive/archive_int.h"

#include <bzlib.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

/* Compressed bytes of one block we accept (a block that grew a little). */
#define MAX_RAW_BLOCK	(2 * ZF_TAPE_MAX_BLOCK)

struct zf_tape
{
	zf_byte_source *inner;
	uint64_t	pos;			/* image offset of the next header */
	uint64_t	item_offset;	/* header of the last item returned */
	uint32_t	prev_len;		/* length of the chunk before */
	bool		ended;
	bool		saw_compression;
	uint64_t	ncompressed;	/* compressed blocks read */
	uint8_t		raw[MAX_RAW_BLOCK];
	uint8_t		block[ZF_TAPE_MAX_BLOCK];
};

/* Open a tape image on inner. */
zf_tape *
zf_tape_open(zf_byte_source *inner, zf_error *err)
{
	/* the buffers need no zeroing: only the state before them */
	zf_tape    *t = malloc(sizeof(zf_tape));

	if (t == NULL)
	{
		zf_error_set(err, ZF_E_NOMEM, "out of memory opening a tape image");
		return NULL;
	}
	memset(t, 0, offsetof(zf_tape, raw));
	t->inner = inner;
	return t;
}

/* Release the reader (not its source). */
void
zf_tape_close(zf_tape *t)
{
	free(t);
}

/* Where the header of the last item returned lies in the image. */
uint64_t
zf_tape_item_offset(const zf_tape *t)
{
	return t->item_offset;
}

/* Where the next header lies in the image. */
uint64_t
zf_tape_position(const zf_tape *t)
{
	return t->pos;
}

/* Whether a compressed (HET) block was read. */
bool
zf_tape_saw_compression(const zf_tape *t)
{
	return t->saw_compression;
}

/* How many compressed blocks were read: per file, by difference. */
uint64_t
zf_tape_compressed_blocks(const zf_tape *t)
{
	return t->ncompressed;
}

/* Read exactly n bytes at the sequential position; short is an error. */
static zf_status
read_exact(zf_tape *t, uint8_t *buf, size_t n, bool *at_end, zf_error *err)
{
	size_t		got;
	zf_status	st = zf_bytes_read_full(t->inner, buf, n, &got, err);

	if (st != ZF_OK)
		return st;
	if (at_end != NULL && got == 0)
	{
		*at_end = true;
		return ZF_OK;
	}
	if (got < n)
		return zf_archive_error(err, t->pos + got, NULL, 0,
								"the tape image ends inside a block (%zu of %zu bytes)", got, n);
	t->pos += n;
	return ZF_OK;
}

/* Inflate a compressed block into t->block. */
static zf_status
inflate_block(zf_tape *t, int method, uint32_t rawlen, uint32_t *len,
			  zf_error *err)
{
	if (method == ZF_AWS_FLAG_ZLIB)
	{
		uLongf		out = ZF_TAPE_MAX_BLOCK;
		int			rc = uncompress(t->block, &out, t->raw, rawlen);

		if (rc != Z_OK)
			return zf_archive_error(err, t->item_offset, t->raw, rawlen < 8 ? rawlen : 8,
									rc == Z_BUF_ERROR && out == ZF_TAPE_MAX_BLOCK ?
									"a zlib-compressed block inflates to more than 65535 bytes" :
									"a zlib-compressed block is damaged");
		*len = (uint32_t) out;
	}
	else
	{
		unsigned int out = ZF_TAPE_MAX_BLOCK;
		int			rc = BZ2_bzBuffToBuffDecompress((char *) t->block, &out,
													(char *) t->raw, rawlen, 0, 0);

		if (rc == BZ_MEM_ERROR)
			return zf_error_set(err, ZF_E_NOMEM, "out of memory inflating a bzip2 block");
		if (rc != BZ_OK)
			return zf_archive_error(err, t->item_offset, t->raw, rawlen < 8 ? rawlen : 8,
									rc == BZ_OUTBUFF_FULL ?
									"a bzip2-compressed block inflates to more than 65535 bytes" :
									"a bzip2-compressed block is damaged");
		*len = out;
	}
	if (*len == 0)
		return zf_archive_error(err, t->item_offset, NULL, 0,
								"a compressed block inflates to nothing");
	return ZF_OK;
}

/* The next block, tape mark or end of the image. */
zf_status
zf_tape_next(zf_tape *t, zf_tape_item *item, const uint8_t **data,
			 uint32_t *len, zf_error *err)
{
	uint32_t	rawlen = 0;
	int			method = -1;
	bool		in_block = false;

	*data = NULL;
	*len = 0;
	if (t->ended)
	{
		*item = ZF_TAPE_END;
		return ZF_OK;
	}
	for (;;)
	{
		uint8_t		h[6];
		bool		at_end = false;
		uint32_t	cur,
					prev;
		uint8_t		f;
		zf_status	st;
		uint64_t	hpos = t->pos;

		st = read_exact(t, h, 6, in_block ? NULL : &at_end, err);
		if (st != ZF_OK)
			return st;
		if (at_end)
		{
			t->ended = true;
			*item = ZF_TAPE_END;
			t->item_offset = hpos;
			return ZF_OK;
		}
		cur = h[0] | ((uint32_t) h[1] << 8);
		prev = h[2] | ((uint32_t) h[3] << 8);
		f = h[4];
		if (!in_block)
			t->item_offset = hpos;
		if (prev != t->prev_len)
			return zf_archive_error(err, hpos, h, 6,
									"tape block header gives %u as the previous chunk's length, which was %u",
									prev, t->prev_len);
		if (f & ~ZF_AWS_FLAG_KNOWN)
			return zf_archive_error(err, hpos, h, 6, "tape block header has unknown flags");
		t->prev_len = cur;
		if (f & ZF_AWS_FLAG_MARK)
		{
			if (in_block)
				return zf_archive_error(err, hpos, h, 6, "a tape mark inside a block");
			if (cur != 0 || (f & ~ZF_AWS_FLAG_MARK) != 0)
				return zf_archive_error(err, hpos, h, 6, "a tape mark with data or other flags");
			*item = ZF_TAPE_MARK;
			return ZF_OK;
		}
		if (!in_block && !(f & ZF_AWS_FLAG_BOR))
			return zf_archive_error(err, hpos, h, 6,
									"a tape block chunk without a block before it");
		if (in_block && (f & ZF_AWS_FLAG_BOR))
			return zf_archive_error(err, hpos, h, 6,
									"a tape block begins before the one before it ended");
		if (method >= 0 && (f & ZF_AWS_FLAG_COMPRESS) != method)
			return zf_archive_error(err, hpos, h, 6,
									"the chunks of a tape block disagree on its compression");
		method = f & ZF_AWS_FLAG_COMPRESS;
		if (method == ZF_AWS_FLAG_COMPRESS)
			return zf_archive_error(err, hpos, h, 6, "unknown compression of a tape block");
		if (cur > MAX_RAW_BLOCK - rawlen ||
			(method == 0 && cur > ZF_TAPE_MAX_BLOCK - rawlen))
			return zf_archive_error(err, hpos, h, 6,
									"a tape block longer than 65535 bytes");
		in_block = true;
		st = read_exact(t, (method ? t->raw : t->block) + rawlen, cur, NULL, err);
		if (st != ZF_OK)
			return st;
		rawlen += cur;
		if (f & ZF_AWS_FLAG_EOR)
			break;
	}
	if (rawlen == 0)
		return zf_archive_error(err, t->item_offset, NULL, 0, "an empty tape block");
	if (method != 0)
	{
		zf_status	st;

		t->saw_compression = true;
		t->ncompressed++;
		st = inflate_block(t, method, rawlen, len, err);
		if (st != ZF_OK)
			return st;
	}
	else
		*len = rawlen;
	*data = t->block;
	*item = ZF_TAPE_BLOCK;
	return ZF_OK;
}

/* Does a header at p look like the first of an image? */
static bool
first_header(const uint8_t *p, uint32_t prev)
{
	uint32_t	cur = p[0] | ((uint32_t) p[1] << 8);
	uint32_t	pl = p[2] | ((uint32_t) p[3] << 8);
	uint8_t		f = p[4];

	if (pl != prev || (f & ~ZF_AWS_FLAG_KNOWN) || (p[5] != 0 && p[5] != 0x80))
		return false;
	if (f & ZF_AWS_FLAG_MARK)
		return cur == 0 && f == ZF_AWS_FLAG_MARK;
	return (f & ZF_AWS_FLAG_BOR) && cur > 0 && (f & ZF_AWS_FLAG_COMPRESS) != ZF_AWS_FLAG_COMPRESS;
}

/*
 * Content detection: the first header is a first chunk or a tape mark
 * with previous length 0, and, when the bytes reach it, the second header
 * follows where the first says with the first's length as its previous.
 * A plain FB file would need X'0000' in bytes 3-4 and a flag byte of
 * exactly this shape, then a second header that agrees: at least 6 bytes
 * of coincidence.
 */
bool
zf_tape_detect(const uint8_t *p, size_t n)
{
	uint32_t	cur;

	if (n < 6 || !first_header(p, 0))
		return false;
	cur = p[0] | ((uint32_t) p[1] << 8);
	if (n >= 6 + (size_t) cur + 6)
	{
		const uint8_t *q = p + 6 + cur;
		uint32_t	pl = q[2] | ((uint32_t) q[3] << 8);

		if (pl != cur || (q[4] & ~ZF_AWS_FLAG_KNOWN))
			return false;
		if ((p[4] & ZF_AWS_FLAG_EOR) || (p[4] & ZF_AWS_FLAG_MARK))
			return (q[4] & ZF_AWS_FLAG_BOR) || q[4] == ZF_AWS_FLAG_MARK;
		return !(q[4] & ZF_AWS_FLAG_BOR) && !(q[4] & ZF_AWS_FLAG_MARK);
	}
	/* the whole input is this one chunk (callers pass enough to see two) */
	return n == 6 + (size_t) cur;
}
