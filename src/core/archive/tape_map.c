/*-------------------------------------------------------------------------
 *
 * tape_map.c
 *	  The block map of a fixed-length data set in a tape image: where each
 *	  of its chunks lies in the image, so that its records can be read at
 *	  any offset (key seeks, record ranges for parallel workers).
 *
 * A data set of F or FB records, handed out as its blocks back to back,
 * is a file of fixed records: record R lies at R * LRECL of that stream.
 * The map says where each stretch of the stream lies in the image.  It is
 * built from the block headers only: from the data set's first header,
 * each 6-byte header gives the length of its chunk, so the next header is
 * read at a hop, never the data.  Where chunks are short (under 8 KiB),
 * a read per header would cost more than the bytes between them: the
 * headers are then taken from reads of 256 KiB.  A map is built only when
 * the data can be read at offsets and each block is whole records:
 *
 *	 - the image is ranged (a file; not a decompressor, not a pipe);
 *	 - no chunk is compressed (HET zlib or bzip2 blocks must be inflated
 *	   in order);
 *	 - every block is a whole number of LRECL-byte records;
 *	 - a labeled data set ends with EOF1 (not EOV1: continued on another
 *	   volume) whose block count equals the blocks mapped.
 *
 * Otherwise there is no map, with the reason as text, and the data set is
 * read in order, as the sequential reader checks it.  Headers that do not
 * chain are no map either: the sequential reader then reports them.
 *
 *-------------------------------------------------------------------------
 */
#include "archive/tape_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* One chunk of the data set: stream bytes [out, out + len) at image pos. */
typedef struct map_chunk
{
	uint64_t	out;
	uint64_t	pos;
	uint32_t	len;
} map_chunk;

struct zf_tape_map
{
	map_chunk  *chunks;
	uint64_t	nchunks;
	uint64_t	cap;
	uint64_t	size;			/* stream bytes */
	uint64_t	blocks;
};

/* Say why there is no map; always returns ZF_OK. */
static zf_status
no_map(zf_tape_map *m, char *why, size_t whylen, const char *text)
{
	if (m != NULL)
	{
		free(m->chunks);
		free(m);
	}
	snprintf(why, whylen, "%s", text);
	return ZF_OK;
}

#define WINDOW			(256 * 1024)
#define SHORT_CHUNK		8192

/* Headers read from the image: one read each, or windows of the image. */
typedef struct header_reader
{
	zf_byte_source *inner;
	bool		windows;		/* chunks are short: read windows */
	uint8_t    *win;			/* WINDOW bytes, allocated when needed */
	uint64_t	win_off;
	size_t		win_len;
} header_reader;

/* Read exactly n bytes at offset of the image; *ok false when short. */
static zf_status
read_exact_at(header_reader *hr, uint8_t *buf, size_t n, uint64_t off,
			  bool *ok, zf_error *err)
{
	size_t		got = 0;
	zf_status	st;

	if (off >= hr->win_off && off - hr->win_off + n <= hr->win_len)
	{
		memcpy(buf, hr->win + (off - hr->win_off), n);
		*ok = true;
		return ZF_OK;
	}
	if (hr->windows && n <= WINDOW)
	{
		if (hr->win == NULL && (hr->win = malloc(WINDOW)) == NULL)
			return zf_error_set(err, ZF_E_NOMEM, "out of memory mapping a tape data set");
		hr->win_len = 0;
		st = zf_bytes_read_at_full(hr->inner, hr->win, WINDOW, off, &got, err);
		if (st != ZF_OK && st != ZF_EOF)
			return st;
		hr->win_off = off;
		hr->win_len = got;
		*ok = got >= n;
		if (*ok)
			memcpy(buf, hr->win, n);
		return ZF_OK;
	}
	st = zf_bytes_read_at_full(hr->inner, buf, n, off, &got, err);
	if (st != ZF_OK && st != ZF_EOF)
		return st;
	*ok = got == n;
	return ZF_OK;
}

/* Append a chunk to the map. */
static bool
add_chunk(zf_tape_map *m, uint64_t pos, uint32_t len)
{
	if (m->nchunks == m->cap)
	{
		uint64_t	cap = m->cap ? m->cap * 2 : 256;
		map_chunk  *c = realloc(m->chunks, sizeof(map_chunk) * cap);

		if (c == NULL)
			return false;
		m->chunks = c;
		m->cap = cap;
	}
	m->chunks[m->nchunks].out = m->size;
	m->chunks[m->nchunks].pos = pos;
	m->chunks[m->nchunks].len = len;
	m->nchunks++;
	m->size += len;
	return true;
}

/* zf_tape_map_build, its headers read through hr. */
static zf_status
map_build(header_reader *hr, uint64_t start, bool labeled, uint32_t lrecl,
		  zf_tape_map **out, char *why, size_t whylen, zf_error *err)
{
	zf_byte_source *inner = hr->inner;
	zf_tape_map *m;
	int64_t		isize = zf_bytes_size(inner);
	uint64_t	pos = start;
	uint32_t	prev = 0;
	bool		first = true;
	bool		in_block = false;
	uint32_t	blen = 0;

	*out = NULL;
	why[0] = '\0';
	if (!(zf_bytes_caps(inner) & ZF_BYTES_RANGED) || isize < 0)
		return no_map(NULL, why, whylen,
					  "the tape image cannot be read at offsets (it is compressed or streamed)");
	if (lrecl == 0)
		return no_map(NULL, why, whylen, "the record length is unknown");
	m = calloc(1, sizeof(zf_tape_map));
	if (m == NULL)
		return zf_error_set(err, ZF_E_NOMEM, "out of memory mapping a tape data set");
	for (;;)
	{
		uint8_t		h[6];
		bool		ok;
		uint32_t	cur,
					pl;
		uint8_t		f;
		zf_status	st;

		if ((m->nchunks & 1023) == 0 &&
			(st = zf_bytes_check_interrupts(inner, err)) != ZF_OK)
		{
			no_map(m, why, whylen, "");
			return st;
		}
		st = read_exact_at(hr, h, 6, pos, &ok, err);
		if (st != ZF_OK)
		{
			no_map(m, why, whylen, "");
			return st;
		}
		if (!ok)
		{
			/* the end of the image: the end of an unlabeled tape's file */
			if (labeled || in_block || (uint64_t) isize != pos)
				return no_map(m, why, whylen, "the block headers do not chain to the end of the data set");
			break;
		}
		cur = h[0] | ((uint32_t) h[1] << 8);
		pl = h[2] | ((uint32_t) h[3] << 8);
		f = h[4];
		if ((!first && pl != prev) || (f & ~ZF_AWS_FLAG_KNOWN))
			return no_map(m, why, whylen, "the block headers do not chain");
		first = false;
		prev = cur;
		hr->windows = cur < SHORT_CHUNK;
		if (f & ZF_AWS_FLAG_MARK)
		{
			if (in_block || cur != 0)
				return no_map(m, why, whylen, "the block headers do not chain");
			pos += 6;
			break;
		}
		if (f & ZF_AWS_FLAG_COMPRESS)
			return no_map(m, why, whylen,
						  "its HET blocks are compressed: each block is inflated in order");
		if (in_block == ((f & ZF_AWS_FLAG_BOR) != 0) || cur > ZF_TAPE_MAX_BLOCK - blen ||
			pos + 6 + cur > (uint64_t) isize)
			return no_map(m, why, whylen, "the block headers do not chain");
		if (cur > 0 && !add_chunk(m, pos + 6, cur))
		{
			no_map(m, why, whylen, "");
			return zf_error_set(err, ZF_E_NOMEM, "out of memory mapping a tape data set");
		}
		blen += cur;
		in_block = true;
		pos += 6 + cur;
		if (f & ZF_AWS_FLAG_EOR)
		{
			if (blen == 0 || blen % lrecl != 0)
				return no_map(m, why, whylen,
							  "a block is not a whole number of records");
			m->blocks++;
			in_block = false;
			blen = 0;
		}
	}
	if (labeled)
	{
		/* the trailer: EOF1 counting the blocks mapped (EOV1: continued) */
		uint8_t		h[6];
		uint8_t		lab[80];
		uint8_t		id[4];
		bool		ok;
		uint64_t	lo,
					hi = 0;
		zf_status	st = read_exact_at(hr, h, 6, pos, &ok, err);

		if (st == ZF_OK && ok)
			st = read_exact_at(hr, lab, 80, pos + 6, &ok, err);
		if (st != ZF_OK)
		{
			no_map(m, why, whylen, "");
			return st;
		}
		if (!ok || (h[0] | ((uint32_t) h[1] << 8)) != 80 || h[4] != (ZF_AWS_FLAG_BOR | ZF_AWS_FLAG_EOR))
			return no_map(m, why, whylen, "its trailer label is not where the headers lead");
		zf_label_ebcdic(id, "EOV1", 4);
		if (memcmp(lab, id, 4) == 0)
			return no_map(m, why, whylen, "it continues on another volume");
		zf_label_ebcdic(id, "EOF1", 4);
		if (memcmp(lab, id, 4) != 0 || !zf_label_number(lab + 54, 6, &lo))
			return no_map(m, why, whylen, "its trailer label is not where the headers lead");
		if (!zf_label_number(lab + 76, 4, &hi))
			hi = 0;
		if (hi * 1000000 + lo != m->blocks)
			return no_map(m, why, whylen, "its trailer label counts other blocks than the image holds");
	}
	*out = m;
	return ZF_OK;
}

/*
 * Build the map of the data set whose first header lies at start of the
 * image inner.  *out is the map, or NULL with the reason in why.
 */
zf_status
zf_tape_map_build(zf_byte_source *inner, uint64_t start, bool labeled,
				  uint32_t lrecl, zf_tape_map **out, char *why, size_t whylen,
				  zf_error *err)
{
	header_reader hr = {inner, false, NULL, 0, 0};
	zf_status	st = map_build(&hr, start, labeled, lrecl, out, why, whylen, err);

	free(hr.win);
	return st;
}

/* The data set's bytes: its blocks back to back. */
uint64_t
zf_tape_map_size(const zf_tape_map *m)
{
	return m->size;
}

/* The data set's blocks. */
uint64_t
zf_tape_map_blocks(const zf_tape_map *m)
{
	return m->blocks;
}

/*
 * Read up to n bytes of the data set at offset: the chunk that holds it
 * (binary search), then on through the following chunks.
 */
zf_status
zf_tape_map_read_at(const zf_tape_map *m, zf_byte_source *inner, uint8_t *buf,
					size_t n, uint64_t offset, size_t *got, zf_error *err)
{
	uint64_t	lo = 0,
				hi = m->nchunks;
	size_t		done = 0;

	*got = 0;
	if (offset >= m->size)
		return ZF_EOF;
	/* the last chunk whose out <= offset */
	while (hi - lo > 1)
	{
		uint64_t	mid = lo + (hi - lo) / 2;

		if (m->chunks[mid].out <= offset)
			lo = mid;
		else
			hi = mid;
	}
	for (uint64_t i = lo; i < m->nchunks && done < n; i++)
	{
		const map_chunk *c = &m->chunks[i];
		uint64_t	skip = offset + done - c->out;
		size_t		k = c->len - skip;
		size_t		r;
		zf_status	st;

		if (k > n - done)
			k = n - done;
		st = zf_bytes_read_at_full(inner, buf + done, k, c->pos + skip, &r, err);
		if (st != ZF_OK && st != ZF_EOF)
			return st;
		if (r != k)
			return zf_archive_error(err, c->pos + skip + r, NULL, 0,
									"the tape image ended inside a mapped block (it may have changed)");
		done += k;
	}
	*got = done;
	return ZF_OK;
}

/* Release a map (NULL is allowed). */
void
zf_tape_map_free(zf_tape_map *m)
{
	if (m != NULL)
	{
		free(m->chunks);
		free(m);
	}
}
