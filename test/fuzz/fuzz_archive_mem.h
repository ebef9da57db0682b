/*-------------------------------------------------------------------------
 *
 * fuzz_archive_mem.h
 *	  An in-memory byte source for the archive fuzz targets (fuzz_tape.c,
 *	  fuzz_xmit.c): hands out at most `step` bytes a call, so that headers
 *	  and segments straddle reads.  Included once per target.
 *
 *-------------------------------------------------------------------------
 */
#ifndef ZF_FUZZ_ARCHIVE_MEM_H
#define ZF_FUZZ_ARCHIVE_MEM_H

#include "io/byte_source.h"

typedef struct fuzz_mem_source
{
	zf_byte_source base;
	const uint8_t *p;
	size_t		n;
	size_t		pos;
	size_t		step;
} fuzz_mem_source;

static zf_status
fuzz_mem_read(zf_byte_source *src, uint8_t *buf, size_t n, size_t *got,
			  zf_error *err)
{
	fuzz_mem_source *m = (fuzz_mem_source *) src;
	size_t		k = m->n - m->pos;

	(void) err;
	if (k == 0)
		return ZF_EOF;
	if (k > n)
		k = n;
	if (k > m->step)
		k = m->step;
	memcpy(buf, m->p + m->pos, k);
	m->pos += k;
	*got = k;
	return ZF_OK;
}

static const zf_byte_source_ops fuzz_mem_ops = {.read = fuzz_mem_read};

/* A source of p[0..n), step bytes a read at most (0: all at once). */
static zf_byte_source *
fuzz_mem_source_open(const uint8_t *p, size_t n, size_t step)
{
	zf_error	err;
	fuzz_mem_source *m = (fuzz_mem_source *) zf_bytes_new(&fuzz_mem_ops,
														  sizeof(fuzz_mem_source),
														  "fuzz", &err);

	FUZZ_CHECK(m != NULL, "out of memory");
	m->p = p;
	m->n = n;
	m->step = step ? step : SIZE_MAX;
	return &m->base;
}

/* Read a source to its end; returns the bytes handed out. */
static uint64_t
fuzz_drain(zf_byte_source *src, zf_status *end, zf_error *err)
{
	static uint8_t buf[4096];
	uint64_t	total = 0;

	for (;;)
	{
		size_t		got;
		zf_status	st = zf_bytes_read(src, buf, sizeof(buf), &got, err);

		if (st != ZF_OK)
		{
			*end = st;
			return total;
		}
		FUZZ_CHECK(got >= 1 && got <= sizeof(buf), "read gave %zu bytes", got);
		total += got;
	}
}

#endif							/* ZF_FUZZ_ARCHIVE_MEM_H */
