/*-------------------------------------------------------------------------
 *
 * test_record_writer.c
 *	  Unit tests for record framing on write (record_writer.c) and the file
 *	  descriptor sink (fd_sink.c).
 *
 * Expected bytes are worked out by hand from the z/OS formats (DFSMS
 * "Using Data Sets", variable-length records): a record of 3 bytes in vb
 * is 00 07 00 00 + data; a block of two such records is 00 12 00 00 then
 * the two (4 + 7 + 7 = 18 = X'12').  Then whole files are written and
 * read back through the record reader.
 *
 *-------------------------------------------------------------------------
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "io/byte_sink.h"
#include "records/record_writer.h"

/* A sink over a fresh temporary file; its path in path. */
static zf_byte_sink *
temp_sink(char *path)
{
	int			fd;
	zf_error	err;

	strcpy(path, "/tmp/zf_writer_XXXXXX");
	fd = mkstemp(path);
	assert_true(fd >= 0);
	return zf_fd_sink_open(fd, 16, &err);	/* a tiny buffer: many flushes */
}

/* The whole file at path. */
static size_t
slurp(const char *path, uint8_t *buf, size_t cap)
{
	FILE	   *f = fopen(path, "rb");
	size_t		n;

	assert_non_null(f);
	n = fread(buf, 1, cap, f);
	fclose(f);
	return n;
}

/* Write records of lengths lens[] (bytes 'a'+i) and return the file. */
static size_t
write_file(const zf_writer_opts *o, const uint32_t *lens, int n,
		   uint8_t *out, size_t cap, zf_status *last)
{
	char		path[64];
	zf_byte_sink *s = temp_sink(path);
	zf_error	err;
	zf_record_writer *w = zf_record_writer_new(s, o, &err);
	uint8_t		rec[40000];
	size_t		got;

	assert_non_null(w);
	*last = ZF_OK;
	for (int i = 0; i < n && *last == ZF_OK; i++)
	{
		memset(rec, 'a' + i, lens[i]);
		*last = zf_record_write(w, rec, lens[i], &err);
	}
	assert_int_equal(zf_record_writer_flush(w, &err), ZF_OK);
	assert_int_equal(zf_sink_sync(s, &err), ZF_OK);
	assert_int_equal(zf_record_writer_bytes(w), s->written);
	zf_record_writer_free(w);
	assert_int_equal(zf_sink_close(s, &err), ZF_OK);
	got = slurp(path, out, cap);
	unlink(path);
	return got;
}

static void
test_vb_bytes(void **state)
{
	zf_writer_opts o;
	uint32_t	lens[] = {3, 1};
	uint8_t		b[64];
	zf_status	st;
	static const uint8_t want[] = {0x00, 0x07, 0x00, 0x00, 'a', 'a', 'a',
	0x00, 0x05, 0x00, 0x00, 'b'};

	(void) state;
	zf_writer_opts_default(&o);
	assert_int_equal(write_file(&o, lens, 2, b, sizeof(b), &st), sizeof(want));
	assert_memory_equal(b, want, sizeof(want));
}

static void
test_vb_bdw_bytes(void **state)
{
	zf_writer_opts o;
	uint32_t	lens[] = {3, 3, 3};
	uint8_t		b[64];
	zf_status	st;
	/* blksize 18: two records per block, the third starts a new one */
	static const uint8_t want[] = {0x00, 0x12, 0x00, 0x00,
		0x00, 0x07, 0x00, 0x00, 'a', 'a', 'a',
		0x00, 0x07, 0x00, 0x00, 'b', 'b', 'b',
		0x00, 0x0B, 0x00, 0x00,
	0x00, 0x07, 0x00, 0x00, 'c', 'c', 'c'};

	(void) state;
	zf_writer_opts_default(&o);
	o.recfm = ZF_RECFM_VB_BDW;
	o.blksize = 18;
	assert_int_equal(write_file(&o, lens, 3, b, sizeof(b), &st), sizeof(want));
	assert_memory_equal(b, want, sizeof(want));
}

static void
test_fb_and_errors(void **state)
{
	zf_writer_opts o;
	uint32_t	lens[] = {4, 4, 3};
	uint32_t	big[] = {32757};
	uint8_t		b[64];
	zf_status	st;
	zf_error	err;

	(void) state;
	zf_writer_opts_default(&o);
	o.recfm = ZF_RECFM_FB;
	o.lrecl = 4;
	assert_int_equal(write_file(&o, lens, 3, b, sizeof(b), &st), 8);
	assert_int_equal(st, ZF_E_FRAMING);
	assert_memory_equal(b, "aaaabbbb", 8);

	zf_writer_opts_default(&o);
	write_file(&o, big, 1, b, sizeof(b), &st);
	assert_int_equal(st, ZF_E_LIMIT);

	o.recfm = ZF_RECFM_VBS;
	assert_null(zf_record_writer_new(NULL, &o, &err));
	assert_int_equal(err.status, ZF_E_ARG);
}

/* Files written in every format and convention read back equal. */
static void
test_round_trip(void **state)
{
	static const zf_recfm recfms[] = {ZF_RECFM_FB, ZF_RECFM_VB, ZF_RECFM_VB_BDW};

	(void) state;
	for (int r = 0; r < 3; r++)
		for (int conv = 0; conv < (recfms[r] == ZF_RECFM_VB ? 4 : 1); conv++)
		{
			char		path[64];
			zf_byte_sink *s = temp_sink(path);
			zf_writer_opts o;
			zf_reader_opts ro;
			zf_error	err;
			zf_record_writer *w;
			zf_byte_source *src;
			zf_reader  *rd;
			zf_record	rec;
			zf_status	st;
			uint8_t		buf[32752];
			int			n = 0;

			zf_writer_opts_default(&o);
			o.recfm = recfms[r];
			o.lrecl = 100;
			o.rdw_big_endian = (conv & 1) == 0;
			o.rdw_includes_header = (conv & 2) == 0;
			w = zf_record_writer_new(s, &o, &err);
			for (int i = 0; i < 500; i++)
			{
				uint32_t	len = recfms[r] == ZF_RECFM_FB ? 100 : (uint32_t) (1 + (i * 7919) % 32752);

				for (uint32_t k = 0; k < len; k++)
					buf[k] = (uint8_t) (i + k);
				assert_int_equal(zf_record_write(w, buf, len, &err), ZF_OK);
			}
			assert_int_equal(zf_record_writer_records(w), 500);
			assert_int_equal(zf_record_writer_flush(w, &err), ZF_OK);
			zf_record_writer_free(w);
			assert_int_equal(zf_sink_close(s, &err), ZF_OK);

			zf_reader_opts_init(&ro, recfms[r]);
			ro.lrecl = 100;
			ro.rdw_big_endian = o.rdw_big_endian;
			ro.rdw_includes_header = o.rdw_includes_header;
			src = zf_file_source_open(path, &err);
			assert_non_null(src);
			rd = zf_reader_open(src, &ro, &err);
			assert_non_null(rd);
			while ((st = zf_reader_next(rd, &rec, &err)) == ZF_OK)
			{
				uint32_t	len = recfms[r] == ZF_RECFM_FB ? 100 : (uint32_t) (1 + (n * 7919) % 32752);

				assert_int_equal(rec.length, len);
				for (uint32_t k = 0; k < len; k++)
					assert_int_equal(rec.data[k], (uint8_t) (n + k));
				n++;
			}
			assert_int_equal(st, ZF_EOF);
			assert_int_equal(n, 500);
			zf_reader_close(rd);
			zf_bytes_close(src, &err);
			unlink(path);
		}
}

/* Truncating a sink back forgets what was written after that point. */
static void
test_sink_truncate(void **state)
{
	char		path[64];
	zf_byte_sink *s = temp_sink(path);
	zf_error	err;
	uint8_t		b[64];

	(void) state;
	assert_int_equal(zf_sink_write(s, (const uint8_t *) "0123456789", 10, &err), ZF_OK);
	assert_int_equal(zf_fd_sink_truncate(s, 4, &err), ZF_OK);
	assert_int_equal(zf_sink_write(s, (const uint8_t *) "xy", 2, &err), ZF_OK);
	assert_int_equal(zf_fd_sink_truncate(s, 99, &err), ZF_E_ARG);
	assert_int_equal(zf_sink_close(s, &err), ZF_OK);
	assert_int_equal(slurp(path, b, sizeof(b)), 6);
	assert_memory_equal(b, "0123xy", 6);
	unlink(path);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_vb_bytes),
		cmocka_unit_test(test_vb_bdw_bytes),
		cmocka_unit_test(test_fb_and_errors),
		cmocka_unit_test(test_round_trip),
		cmocka_unit_test(test_sink_truncate),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
