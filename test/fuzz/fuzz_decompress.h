/*-------------------------------------------------------------------------
 *
 * fuzz_decompress.h
 *	  The body of the decompressor targets (fuzz_gzip.c, fuzz_bzip2.c,
 *	  fuzz_zstd.c): a fuzzed stream read through io/decompress.h from an
 *	  in-memory byte source, twice: once with the inner source handing out
 *	  a fuzzer-chosen few bytes per read and the caller asking for a
 *	  fuzzer-chosen few bytes at a time, once with large reads.
 *
 * Input: 2 option bytes (inner read size, caller's read size), then the
 * compressed stream.
 *
 * Invariants: both reads end (EOF or an error) with the same end, and
 * both give the same bytes when the stream is complete, so that neither the buffer boundaries of the input
 * nor those of the output change a result; an error is ZF_E_FRAMING (or
 * ZF_E_NOMEM) with a proper message and an offset inside the input; the
 * output is bounded only by the stream (reading stops at 16 MiB, which a
 * small input may well exceed: that is not an error).  'auto' recognises
 * the stream as the kind, or as none, and then reads it unchanged.
 *
 *-------------------------------------------------------------------------
 */
#ifndef ZF_FUZZ_DECOMPRESS_H
#define ZF_FUZZ_DECOMPRESS_H

#include "fuzz_common.h"

#include "io/byte_source.h"
#include "io/decompress.h"

#define OUT_LIMIT	(16u << 20)

/* An in-memory input handing out at most step bytes per read. */
typedef struct mem_source
{
	zf_byte_source base;
	const uint8_t *data;
	size_t		size;
	size_t		pos;
	size_t		step;
} mem_source;

static zf_status
mem_read(zf_byte_source *src, uint8_t *buf, size_t n, size_t *got,
		 zf_error *err)
{
	mem_source *m = (mem_source *) src;
	size_t		k = m->size - m->pos;

	(void) err;
	if (k == 0)
	{
		*got = 0;
		return ZF_EOF;
	}
	if (k > n)
		k = n;
	if (k > m->step)
		k = m->step;
	memcpy(buf, m->data + m->pos, k);
	m->pos += k;
	*got = k;
	return ZF_OK;
}

static const zf_byte_source_ops mem_ops = {.read = mem_read};

static zf_byte_source *
mem_open(const uint8_t *data, size_t size, size_t step)
{
	zf_error	err;
	mem_source *m = (mem_source *) zf_bytes_new(&mem_ops, sizeof(mem_source),
												"fuzz", &err);

	FUZZ_CHECK(m != NULL, "could not make the input source");
	m->data = data;
	m->size = size;
	m->step = step;
	return &m->base;
}

/* What one read produced: a hash of the bytes, their count, the end. */
typedef struct decomp_result
{
	uint64_t	hash;
	uint64_t	total;
	zf_status	end;
	int64_t		offset;
	bool		limited;
} decomp_result;

/* Read the stream to its end (or the limit) with reads of want bytes. */
static void
decomp_read(zf_compression option, const uint8_t *data, size_t size,
			size_t step, size_t want, decomp_result *res)
{
	static uint8_t buf[1 << 16];
	zf_byte_source *inner = mem_open(data, size, step);
	zf_byte_source *src;
	zf_compression found;
	zf_error	err;

	memset(res, 0, sizeof(*res));
	res->hash = UINT64_C(1469598103934665603);
	zf_error_clear(&err);
	src = zf_decompress_open(inner, option, &found, &err);
	if (src == NULL)
	{
		FUZZ_CHECK(err.status == ZF_E_FRAMING, "open failed with %s", zf_status_name(err.status));
		fuzz_check_error(err.status, &err, "zf_decompress_open");
		res->end = err.status;
		res->offset = err.offset;
		zf_bytes_close(inner, NULL);
		return;
	}
	FUZZ_CHECK(option == ZF_COMPRESSION_AUTO || found == option, "found another kind");
	for (;;)
	{
		size_t		got;
		zf_status	st;

		zf_error_clear(&err);
		st = zf_bytes_read(src, buf, want, &got, &err);
		if (st != ZF_OK)
		{
			FUZZ_CHECK(got == 0, "bytes with an end");
			res->end = st;
			if (st != ZF_EOF)
			{
				FUZZ_CHECK(st == ZF_E_FRAMING || st == ZF_E_NOMEM,
						   "unexpected status %s", zf_status_name(st));
				fuzz_check_error(st, &err, "zf_bytes_read");
				FUZZ_CHECK(err.offset >= 0 && (uint64_t) err.offset <= size,
						   "error offset %lld outside the input of %zu bytes",
						   (long long) err.offset, size);
				res->offset = err.offset;
			}
			break;
		}
		FUZZ_CHECK(got >= 1 && got <= want, "read gave %zu of %zu", got, want);
		for (size_t i = 0; i < got; i++)
			res->hash = (res->hash ^ buf[i]) * UINT64_C(1099511628211);
		res->total += got;
		if (res->total >= OUT_LIMIT)
		{
			res->limited = true;
			break;
		}
	}
	/* uncompressed under auto: the input itself */
	if (option == ZF_COMPRESSION_AUTO && found == ZF_COMPRESSION_NONE && !res->limited)
		FUZZ_CHECK(res->end == ZF_EOF && res->total == size, "'none' changed the input");
	zf_bytes_close(src, NULL);
}

/* The target: the stream as the kind, then under 'auto'. */
static int
fuzz_decompress(zf_compression kind, const uint8_t *data, size_t size)
{
	fuzz_input	in = {data, size};
	size_t		step = 1 + fuzz_u8(&in) % 64;
	size_t		want = 1 + fuzz_u8(&in) * 17;
	decomp_result small,
				large;

	decomp_read(kind, in.p, in.n, step, want, &small);
	decomp_read(kind, in.p, in.n, SIZE_MAX, 1 << 16, &large);
	if (!small.limited && !large.limited)
	{
		FUZZ_CHECK(small.end == large.end, "the end depends on read sizes: %s vs %s",
				   zf_status_name(small.end), zf_status_name(large.end));
		/* an error may come before bytes decompressed in the same call
		 * are handed out: compare the bytes of complete reads */
		FUZZ_CHECK(small.end != ZF_EOF ||
				   (small.total == large.total && small.hash == large.hash),
				   "the bytes depend on read sizes: %llu vs %llu",
				   (unsigned long long) small.total, (unsigned long long) large.total);
	}
	decomp_read(ZF_COMPRESSION_AUTO, in.p, in.n, step, want, &small);
	return 0;
}

#endif							/* ZF_FUZZ_DECOMPRESS_H */
