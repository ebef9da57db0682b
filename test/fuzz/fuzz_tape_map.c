/*-------------------------------------------------------------------------
 *
 * fuzz_tape_map.c
 *	  libFuzzer target for the block map of a fixed-length tape data set
 *	  (archive/tape_map.c): the image is a sized, ranged source here, so
 *	  that the tape source maps the data set's blocks from their headers
 *	  and reads it at offsets.
 *
 * fuzz-max-len: 16384
 * fuzz-requires: src/core/archive/tape_map.c
 *
 * Input: 4 option bytes (file, LRECL, two offset bytes), then the image.
 *
 * Invariants: opening ends with a source or a proper error; a mapped data
 * set's size is whole records and no more than the image's bytes; when
 * the sequential read succeeds, it hands out exactly the mapped bytes,
 * equal to one read at offset 0; reads at any offset stay within the size
 * and agree with the sequential bytes; every failure is a proper error.
 *
 *-------------------------------------------------------------------------
 */
#include "fuzz_common.h"

#include <stdlib.h>

#include "archive/archive.h"

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

typedef struct ranged_mem
{
	zf_byte_source base;
	const uint8_t *p;
	size_t		n;
	size_t		pos;
} ranged_mem;

/* Sequential reads of the image, 5 bytes at most: headers straddle. */
static zf_status
rm_read(zf_byte_source *src, uint8_t *buf, size_t n, size_t *got,
		zf_error *err)
{
	ranged_mem *m = (ranged_mem *) src;
	size_t		k = m->n - m->pos;

	(void) err;
	if (k == 0)
		return ZF_EOF;
	if (k > n)
		k = n;
	if (k > 5)
		k = 5;
	memcpy(buf, m->p + m->pos, k);
	m->pos += k;
	*got = k;
	return ZF_OK;
}

/* Reads at an offset, at most 7 bytes: the map must loop. */
static zf_status
rm_read_at(zf_byte_source *src, uint8_t *buf, size_t n, uint64_t off,
		   size_t *got, zf_error *err)
{
	ranged_mem *m = (ranged_mem *) src;
	size_t		k;

	(void) err;
	if (off >= m->n)
		return ZF_EOF;
	k = m->n - off;
	if (k > n)
		k = n;
	if (k > 7)
		k = 7;
	memcpy(buf, m->p + off, k);
	*got = k;
	return ZF_OK;
}

static const zf_byte_source_ops rm_ops = {
	.read = rm_read,
	.read_at = rm_read_at,
};

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_input	in = {data, size};
	uint8_t		file = fuzz_u8(&in);
	uint8_t		lrecl = fuzz_u8(&in);
	uint16_t	probe = fuzz_u16(&in);
	ranged_mem *m;
	zf_byte_source *ts;
	zf_tape_opts o;
	zf_archive_desc d;
	zf_error	err;
	zf_status	st;
	uint8_t    *seq;
	uint8_t    *at;
	uint64_t	n = 0;
	int64_t		dsize;

	m = (ranged_mem *) zf_bytes_new(&rm_ops, sizeof(ranged_mem), "fuzz", &err);
	FUZZ_CHECK(m != NULL, "out of memory");
	m->p = in.p;
	m->n = in.n;
	m->base.caps = ZF_BYTES_SIZED | ZF_BYTES_RANGED;
	m->base.size = (int64_t) in.n;

	memset(&o, 0, sizeof(o));
	o.file = file & 0x03;
	o.recfm = (file & 0x04) ? "FB" : NULL;
	o.lrecl = (file & 0x04) ? lrecl % 41 + 1 : 0;
	zf_error_clear(&err);
	ts = zf_tape_source_open(&m->base, &o, NULL, &err);
	if (ts == NULL)
	{
		fuzz_check_error(err.status, &err, "tape_source_open");
		FUZZ_CHECK(err.status != ZF_OK, "no source and no error");
		zf_bytes_close(&m->base, NULL);
		return 0;
	}
	FUZZ_CHECK(zf_archive_describe(ts, &d), "an archive source not described");
	FUZZ_CHECK(fuzz_strnlen(d.sequential, sizeof(d.sequential)) < sizeof(d.sequential),
			   "reason not terminated");
	if (!d.ranged)
	{
		FUZZ_CHECK(!(zf_bytes_caps(ts) & ZF_BYTES_RANGED), "ranged without a map");
		FUZZ_CHECK(d.sequential[0] != '\0', "read in order without a reason");
		zf_bytes_close(ts, NULL);
		return 0;
	}
	dsize = zf_bytes_size(ts);
	FUZZ_CHECK(dsize >= 0 && (uint64_t) dsize <= in.n, "a map of %lld bytes of a %zu-byte image",
			   (long long) dsize, in.n);
	FUZZ_CHECK(d.fmt.lrecl > 0 && dsize % d.fmt.lrecl == 0, "a map of part records");
	FUZZ_CHECK(d.map_blocks <= in.n / 6, "more blocks than headers");

	seq = malloc((size_t) dsize + 1);
	at = malloc((size_t) dsize + 1);
	FUZZ_CHECK(seq != NULL && at != NULL, "out of memory");

	/* a read at an offset of the probe */
	{
		uint64_t	off = dsize > 0 ? probe % (uint64_t) (dsize + 1) : 0;
		size_t		got = 0;

		zf_error_clear(&err);
		st = zf_bytes_read_at_full(ts, at, (size_t) dsize + 1 - off, off, &got, &err);
		FUZZ_CHECK(st == ZF_OK || st == ZF_EOF, "a read at an offset of a map failed: %s",
				   err.message);
		FUZZ_CHECK(got == (size_t) dsize - off, "read %zu bytes at %llu of %lld",
				   got, (unsigned long long) off, (long long) dsize);
	}
	/* the sequential read, which checks every block itself */
	zf_error_clear(&err);
	for (;;)
	{
		size_t		got;

		st = zf_bytes_read(ts, seq + n, (size_t) dsize + 1 - n, &got, &err);
		if (st != ZF_OK)
			break;
		n += got;
		FUZZ_CHECK(n <= (uint64_t) dsize, "the sequential read goes past the map");
	}
	fuzz_check_error(st, &err, "tape source");
	if (st == ZF_EOF)
	{
		size_t		got = 0;

		FUZZ_CHECK(n == (uint64_t) dsize, "the sequential read gave %llu bytes, the map %lld",
				   (unsigned long long) n, (long long) dsize);
		zf_error_clear(&err);
		st = zf_bytes_read_at_full(ts, at, (size_t) dsize, 0, &got, &err);
		FUZZ_CHECK(st == ZF_OK || st == ZF_EOF, "a read at 0 failed");
		FUZZ_CHECK(got == n && memcmp(seq, at, n) == 0,
				   "the map's bytes differ from the sequential read's");
	}
	free(seq);
	free(at);
	zf_bytes_close(ts, NULL);
	return 0;
}
