/*-------------------------------------------------------------------------
 *
 * test_tape_map.c
 *	  Unit tests of the block map of a fixed-length tape data set
 *	  (archive/tape_map.c): reads at offsets equal the sequential read, and
 *	  every case that cannot be mapped says why.
 *
 * Images are built here byte by byte (6-byte headers: chunk length and
 * previous length little-endian, flags X'80' begin, X'20' end, X'40' tape
 * mark, X'01' zlib) and written to a temporary file, a ranged source.
 *
 *-------------------------------------------------------------------------
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "archive/archive.h"

typedef struct image
{
	uint8_t		b[16384];
	size_t		n;
	uint32_t	prev;
} image;

/* One chunk behind its header. */
static void
chunk(image *im, const uint8_t *data, uint32_t len, uint8_t flags)
{
	uint8_t		h[6] = {(uint8_t) len, (uint8_t) (len >> 8),
	(uint8_t) im->prev, (uint8_t) (im->prev >> 8), flags, 0};

	memcpy(im->b + im->n, h, 6);
	if (len)
		memcpy(im->b + im->n + 6, data, len);
	im->n += 6 + len;
	im->prev = len;
}

/* Letters, digits, blank and '.' to EBCDIC. */
static void
to_ebcdic(uint8_t *dst, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
	{
		char		c = s[i];

		if (c >= 'A' && c <= 'I')
			dst[i] = 0xC1 + (c - 'A');
		else if (c >= 'J' && c <= 'R')
			dst[i] = 0xD1 + (c - 'J');
		else if (c >= 'S' && c <= 'Z')
			dst[i] = 0xE2 + (c - 'S');
		else if (c >= '0' && c <= '9')
			dst[i] = 0xF0 + (c - '0');
		else if (c == '.')
			dst[i] = 0x4B;
		else
			dst[i] = 0x40;
	}
}

static void
label(image *im, const char *text)
{
	char		l[81];
	uint8_t		e[80];

	snprintf(l, sizeof(l), "%-80s", text);
	to_ebcdic(e, l, 80);
	chunk(im, e, 80, 0xA0);
}

/*
 * A labeled tape: file 1 FB LRECL 4 (one block), file 2 FB LRECL 10 of
 * 7 blocks of 1 to 3 records (record i holds "R" and i), the third block
 * cut into two chunks; data flags as given (X'01' marks it zlib), trailer
 * of file 2 EOF or EOV.
 */
static void
two_files(image *im, uint8_t data_flag, const char *eof2)
{
	uint8_t		d[40];
	char		t[81];
	int			rec = 0;

	memset(im, 0, sizeof(*im));
	label(im, "VOL1ZFT001");
	label(im, "HDR1FIRST.ONE        ZFT00100010001      024060 000000000000ZFDW");
	label(im, "HDR2F000080000440ZFJOB   /STEP1       B");
	chunk(im, NULL, 0, 0x40);
	to_ebcdic(d, "AAAABBBB", 8);
	chunk(im, d, 8, 0xA0);
	chunk(im, NULL, 0, 0x40);
	label(im, "EOF1FIRST.ONE        ZFT00100010001      024060 000000000001ZFDW");
	label(im, "EOF2F000080000440ZFJOB   /STEP1       B");
	chunk(im, NULL, 0, 0x40);
	label(im, "HDR1SECOND.ONE       ZFT00100010002      024060 000000000000ZFDW");
	label(im, "HDR2F000300001040ZFJOB   /STEP1       B");
	chunk(im, NULL, 0, 0x40);
	for (int b = 0; b < 7; b++)
	{
		int			nrec = 1 + b % 3;

		for (int r = 0; r < nrec; r++, rec++)
		{
			char		s[11];

			snprintf(s, sizeof(s), "R%09d", rec);
			to_ebcdic(d + r * 10, s, 10);
		}
		if (b == 2)
		{
			chunk(im, d, 7, 0x80 | data_flag);
			chunk(im, d + 7, nrec * 10 - 7, 0x20 | data_flag);
		}
		else
			chunk(im, d, nrec * 10, 0xA0 | data_flag);
	}
	chunk(im, NULL, 0, 0x40);
	snprintf(t, sizeof(t), "%s1SECOND.ONE       ZFT00100010002      024060 000000000007ZFDW", eof2);
	label(im, t);
	snprintf(t, sizeof(t), "%s2F000300001040ZFJOB   /STEP1       B", eof2);
	label(im, t);
	chunk(im, NULL, 0, 0x40);
	chunk(im, NULL, 0, 0x40);
}

/* The image as a file source (ranged). */
static zf_byte_source *
file_of(const image *im, char *path)
{
	zf_error	err;
	int			fd;
	zf_byte_source *src;

	strcpy(path, "/tmp/zf_tape_map_XXXXXX");
	fd = mkstemp(path);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, im->b, im->n), (ssize_t) im->n);
	close(fd);
	src = zf_file_source_open(path, &err);
	assert_non_null(src);
	return src;
}

/* Open file 2 of an image and describe it. */
static zf_byte_source *
open_second(zf_byte_source *src, zf_archive_desc *d)
{
	zf_tape_opts o;
	zf_error	err;
	zf_byte_source *ts;

	memset(&o, 0, sizeof(o));
	o.file = 2;
	zf_error_clear(&err);
	ts = zf_tape_source_open(src, &o, NULL, &err);
	assert_non_null(ts);
	assert_true(zf_archive_describe(ts, d));
	return ts;
}

/* Reads at every offset and length equal the sequential bytes. */
static void
test_map_reads(void **state)
{
	image		im;
	char		path[64];
	zf_archive_desc d;
	zf_byte_source *ts;
	uint8_t		seq[200];
	uint8_t		at[200];
	size_t		n = 0,
				got;
	zf_error	err;
	zf_status	st;

	(void) state;
	two_files(&im, 0, "EOF");
	ts = open_second(file_of(&im, path), &d);
	assert_true(d.ranged);
	assert_int_equal(d.map_blocks, 7);
	assert_int_equal(zf_bytes_caps(ts) & ZF_BYTES_RANGED, ZF_BYTES_RANGED);
	/* 7 blocks of 1, 2, 3, 1, 2, 3, 1 records */
	assert_int_equal(zf_bytes_size(ts), 130);
	for (uint64_t off = 0; off <= 130; off++)
		for (size_t len = 1; len <= 40; len += 13)
		{
			zf_error_clear(&err);
			st = zf_bytes_read_at_full(ts, at, len, off, &got, &err);
			assert_true(st == ZF_OK || st == ZF_EOF);
			assert_int_equal(got, off + len <= 130 ? len : 130 - off);
			for (size_t i = 0; i < got; i++)
			{
				char		s[11];
				uint8_t		e[10];
				uint64_t	b = off + i;

				snprintf(s, sizeof(s), "R%09d", (int) (b / 10));
				to_ebcdic(e, s, 10);
				assert_int_equal(at[i], e[b % 10]);
			}
		}
	/* and the sequential read hands out the same bytes */
	while ((st = zf_bytes_read(ts, seq + n, sizeof(seq) - n, &got, &err)) == ZF_OK)
		n += got;
	assert_int_equal(st, ZF_EOF);
	assert_int_equal(n, 130);
	assert_int_equal(zf_bytes_read_at_full(ts, at, 130, 0, &got, &err), ZF_OK);
	assert_memory_equal(seq, at, 130);
	zf_bytes_close(ts, NULL);
	unlink(path);
}

/* What is not mapped says why, and is read in order as before. */
static void
test_map_refused(void **state)
{
	image		im;
	char		path[64];
	zf_archive_desc d;
	zf_byte_source *ts;
	zf_tape_opts o;
	zf_error	err;

	(void) state;
	/* an EOV trailer: continued on another volume */
	two_files(&im, 0, "EOV");
	ts = open_second(file_of(&im, path), &d);
	assert_false(d.ranged);
	assert_string_equal(d.sequential, "it continues on another volume");
	assert_int_equal(zf_bytes_caps(ts) & ZF_BYTES_RANGED, 0);
	zf_bytes_close(ts, NULL);
	unlink(path);

	/* compressed HET blocks (only their flags are looked at) */
	two_files(&im, 0x01, "EOF");
	ts = open_second(file_of(&im, path), &d);
	assert_false(d.ranged);
	assert_non_null(strstr(d.sequential, "compressed"));
	zf_bytes_close(ts, NULL);
	unlink(path);

	/* an LRECL that does not divide the blocks */
	two_files(&im, 0, "EOF");
	memset(&o, 0, sizeof(o));
	o.file = 2;
	o.recfm = "FB";
	o.lrecl = 20;
	ts = zf_tape_source_open(file_of(&im, path), &o, NULL, &err);
	assert_non_null(ts);
	assert_true(zf_archive_describe(ts, &d));
	assert_false(d.ranged);
	assert_string_equal(d.sequential, "a block is not a whole number of records");
	zf_bytes_close(ts, NULL);
	unlink(path);

	/* the caller's reason (an object) */
	two_files(&im, 0, "EOF");
	o.recfm = NULL;
	o.lrecl = 0;
	o.no_map = "an object";
	ts = zf_tape_source_open(file_of(&im, path), &o, NULL, &err);
	assert_non_null(ts);
	assert_true(zf_archive_describe(ts, &d));
	assert_false(d.ranged);
	assert_string_equal(d.sequential, "an object");
	zf_bytes_close(ts, NULL);
	unlink(path);

	/* a V data set */
	o.no_map = NULL;
	o.recfm = "VB";
	ts = zf_tape_source_open(file_of(&im, path), &o, NULL, &err);
	assert_non_null(ts);
	assert_true(zf_archive_describe(ts, &d));
	assert_false(d.ranged);
	assert_non_null(strstr(d.sequential, "not of fixed length"));
	zf_bytes_close(ts, NULL);
	unlink(path);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_map_reads),
		cmocka_unit_test(test_map_refused),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
