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

/*
 * bzip2 allocates its state and a block buffer of up to 3.6 MB for each
 * stream; a HET image holds one stream per block, so the buffers are kept
 * for the next block (two at a time, a third as a spare).
 */
#define BZ_CACHE_SLOTS	3

struct zf_tape
{
	zf_byte_source *inner;
	uint64_t	pos;			/* image offset of the next header */
	uint64_t	item_offset;	/* header of the last item returned */
	uint32_t	prev_len;		/* length of the chunk before */
	bool		ended;
	bool		saw_compression;
	uint64_t	ncompressed;	/* compressed blocks read */
	z_stream	z;				/* zlib's state, reset for each block */
	bool		z_ready;		/* inflateInit succeeded */
	void	   *bz_mem[BZ_CACHE_SLOTS];	/* bzip2's buffers, kept between blocks */
	size_t		bz_size[BZ_CACHE_SLOTS];
	bool		bz_busy[BZ_CACHE_SLOTS];
	uint8_t    *raw;			/* a compressed block's bytes
								 * (MAX_RAW_BLOCK, made at the first) */
	uint8_t		block[ZF_TAPE_MAX_BLOCK];
};

/* Open a tape image on inner. */
zf_tape *
zf_tape_open(zf_byte_source *inner, zf_error *err)
{
	/* the block buffer needs no zeroing: only the state before it */
	zf_tape    *t = malloc(sizeof(zf_tape));

	if (t == NULL)
	{
		zf_error_set(err, ZF_E_NOMEM, "out of memory opening a tape image");
		return NULL;
	}
	memset(t, 0, offsetof(zf_tape, block));
	t->inner = inner;
	return t;
}

/* Release the reader (not its source). */
void
zf_tape_close(zf_tape *t)
{
	if (t == NULL)
		return;
	if (t->z_ready)
		inflateEnd(&t->z);
	for (int i = 0; i < BZ_CACHE_SLOTS; i++)
		free(t->bz_mem[i]);
	free(t->raw);
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

/*
 * bzip2's allocator: a kept buffer of the size asked when there is one
 * free, else a new one kept in a free slot (the largest kept buffers stay).
 */
static void *
bz_cache_alloc(void *opaque, int items, int size)
{
	zf_tape    *t = opaque;
	size_t		n = (size_t) items * (size_t) size;
	int			slot = -1;

	for (int i = 0; i < BZ_CACHE_SLOTS; i++)
	{
		if (t->bz_busy[i])
			continue;
		if (t->bz_mem[i] != NULL && t->bz_size[i] >= n)
		{
			t->bz_busy[i] = true;
			return t->bz_mem[i];
		}
		if (slot < 0 || t->bz_mem[i] == NULL ||
			(t->bz_mem[slot] != NULL && t->bz_size[i] < t->bz_size[slot]))
			slot = i;
	}
	if (slot < 0)
		return malloc(n);
	free(t->bz_mem[slot]);
	t->bz_mem[slot] = malloc(n);
	t->bz_size[slot] = t->bz_mem[slot] != NULL ? n : 0;
	t->bz_busy[slot] = t->bz_mem[slot] != NULL;
	return t->bz_mem[slot];
}

/* bzip2's release: a kept buffer goes back to its slot. */
static void
bz_cache_free(void *opaque, void *p)
{
	zf_tape    *t = opaque;

	for (int i = 0; i < BZ_CACHE_SLOTS; i++)
	{
		if (t->bz_mem[i] == p)
		{
			t->bz_busy[i] = false;
			return;
		}
	}
	free(p);
}

/*
 * Inflate one zlib stream (RFC 1950) from t->raw into t->block, with the
 * state of the blocks before reset rather than allocated again.  Returns a
 * zlib code as uncompress() does: Z_BUF_ERROR when the output is full.
 */
static int
inflate_zlib(zf_tape *t, uint32_t rawlen, uint32_t *len)
{
	int			rc;

	if (!t->z_ready)
	{
		memset(&t->z, 0, sizeof(t->z));
		if (inflateInit(&t->z) != Z_OK)
			return Z_MEM_ERROR;
		t->z_ready = true;
	}
	else if (inflateReset(&t->z) != Z_OK)
		return Z_STREAM_ERROR;
	t->z.next_in = t->raw;
	t->z.avail_in = rawlen;
	t->z.next_out = t->block;
	t->z.avail_out = ZF_TAPE_MAX_BLOCK;
	rc = inflate(&t->z, Z_FINISH);
	*len = ZF_TAPE_MAX_BLOCK - t->z.avail_out;
	if (rc == Z_STREAM_END)
		return Z_OK;
	if (rc == Z_NEED_DICT || (rc == Z_BUF_ERROR && t->z.avail_in == 0))
		return Z_DATA_ERROR;
	return rc;
}

/*
 * Inflate one bzip2 stream from t->raw into t->block, with bzip2's
 * buffers kept between blocks.  Returns a code as
 * BZ2_bzBuffToBuffDecompress does: BZ_OUTBUFF_FULL when the output is
 * full, BZ_UNEXPECTED_EOF when the stream is cut short.
 */
static int
inflate_bzip2(zf_tape *t, uint32_t rawlen, uint32_t *len)
{
	bz_stream	bz;
	int			rc;

	memset(&bz, 0, sizeof(bz));
	bz.bzalloc = bz_cache_alloc;
	bz.bzfree = bz_cache_free;
	bz.opaque = t;
	rc = BZ2_bzDecompressInit(&bz, 0, 0);
	if (rc != BZ_OK)
		return rc;
	bz.next_in = (char *) t->raw;
	bz.avail_in = rawlen;
	bz.next_out = (char *) t->block;
	bz.avail_out = ZF_TAPE_MAX_BLOCK;
	rc = BZ2_bzDecompress(&bz);
	*len = ZF_TAPE_MAX_BLOCK - bz.avail_out;
	if (rc == BZ_STREAM_END)
		rc = BZ_OK;
	else if (rc == BZ_OK)
		rc = bz.avail_out == 0 ? BZ_OUTBUFF_FULL : BZ_UNEXPECTED_EOF;
	BZ2_bzDecompressEnd(&bz);
	return rc;
}

/* Inflate a compressed block into t->block. */
static zf_status
inflate_block(zf_tape *t, int method, uint32_t rawlen, uint32_t *len,
			  zf_error *err)
{
	if (method == ZF_AWS_FLAG_ZLIB)
	{
		int			rc = inflate_zlib(t, rawlen, len);

		if (rc == Z_MEM_ERROR)
			return zf_error_set(err, ZF_E_NOMEM, "out of memory inflating a zlib block");
		if (rc != Z_OK)
			return zf_archive_error(err, t->item_offset, t->raw, rawlen < 8 ? rawlen : 8,
									rc == Z_BUF_ERROR && *len == ZF_TAPE_MAX_BLOCK ?
									"a zlib-compressed block inflates to more than 65535 bytes" :
									"a zlib-compressed block is damaged");
	}
	else
	{
		int			rc = inflate_bzip2(t, rawlen, len);

		if (rc == BZ_MEM_ERROR)
			return zf_error_set(err, ZF_E_NOMEM, "out of memory inflating a bzip2 block");
		if (rc != BZ_OK)
			return zf_archive_error(err, t->item_offset, t->raw, rawlen < 8 ? rawlen : 8,
									rc == BZ_OUTBUFF_FULL ?
									"a bzip2-compressed block inflates to more than 65535 bytes" :
									"a bzip2-compressed block is damaged");
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
		if (method != 0 && t->raw == NULL)
		{
			t->raw = malloc(MAX_RAW_BLOCK);
			if (t->raw == NULL)
				return zf_error_set(err, ZF_E_NOMEM, "out of memory reading a compressed tape block");
		}
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
