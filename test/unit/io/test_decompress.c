/*-------------------------------------------------------------------------
 *
 * test_decompress.c
 *	  Unit tests for the decompressors (io/decompress.h): files compressed
 *	  by Debian's gzip, bzip2 and zstd programs (the oracle) read back
 *	  byte for byte, from a file and from a program's output; concatenated
 *	  members and streams; every truncation and corrupt or trailing bytes
 *	  as errors with an offset, never as a short result; the recognition
 *	  rule against uncompressed EBCDIC; constant memory on a large output;
 *	  the read-ahead thread (io/readahead.h) giving the same bytes and
 *	  errors, seeing a cancel while it waits, closing early.
 *
 *-------------------------------------------------------------------------
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

#include "io/byte_source.h"
#include "io/decompress.h"
#include "io/readahead.h"
#include "records/record_reader.h"

static char dir[64];

/* The three kinds, their programs and file suffixes. */
static const struct
{
	zf_compression kind;
	const char *compress;		/* a command reading stdin, writing stdout */
	const char *suffix;
}			kinds[] = {
	{ZF_COMPRESSION_GZIP, "gzip -c", "gz"},
	{ZF_COMPRESSION_BZIP2, "bzip2 -c", "bz2"},
	{ZF_COMPRESSION_ZSTD, "zstd -q -c", "zst"},
};
#define NKINDS (sizeof(kinds) / sizeof(kinds[0]))

static const char *
path_of(const char *name)
{
	static char path[4][160];
	static int	next;

	next = (next + 1) % 4;
	snprintf(path[next], sizeof(path[next]), "%s/%s", dir, name);
	return path[next];
}

static void
write_file(const char *path, const void *bytes, size_t n)
{
	FILE	   *f = fopen(path, "wb");

	assert_non_null(f);
	assert_int_equal(fwrite(bytes, 1, n, f), n);
	assert_int_equal(fclose(f), 0);
}

/* The whole of a file, malloc'd. */
static uint8_t *
read_file(const char *path, size_t *n)
{
	FILE	   *f = fopen(path, "rb");
	uint8_t    *buf;
	long		len;

	assert_non_null(f);
	fseek(f, 0, SEEK_END);
	len = ftell(f);
	fseek(f, 0, SEEK_SET);
	buf = malloc(len > 0 ? len : 1);
	assert_non_null(buf);
	assert_int_equal(fread(buf, 1, len, f), (size_t) len);
	fclose(f);
	*n = (size_t) len;
	return buf;
}

static void
run(const char *fmt,...)
{
	char		cmd[1024];
	va_list		ap;

	va_start(ap, fmt);
	vsnprintf(cmd, sizeof(cmd), fmt, ap);
	va_end(ap);
	assert_int_equal(system(cmd), 0);
}

/*
 * Test data that looks like a mainframe file: 80-byte EBCDIC records with
 * packed fields, varied enough to exercise several deflate blocks.
 */
static uint8_t *
make_records(size_t nrec, size_t *n)
{
	uint8_t    *b = malloc(nrec * 80);
	uint32_t	x = 12345;

	assert_non_null(b);
	for (size_t r = 0; r < nrec; r++)
	{
		uint8_t    *p = b + r * 80;

		for (int i = 0; i < 80; i++)
		{
			x = x * 1103515245 + 12345;
			p[i] = i < 40 ? (uint8_t) (0xC1 + (x >> 16) % 9) : (uint8_t) (x >> 24);
		}
		p[0] = 0xF0 + r % 10;
	}
	*n = nrec * 80;
	return b;
}

/* Read a source to its end into a new buffer; the status of the end. */
static zf_status
read_all(zf_byte_source *src, uint8_t **out, size_t *n, zf_error *err)
{
	size_t		cap = 1 << 16,
				len = 0;
	uint8_t    *buf = malloc(cap);
	zf_status	st;

	for (;;)
	{
		size_t		got;

		if (cap - len < 4096)
			buf = realloc(buf, cap *= 2);
		st = zf_bytes_read(src, buf + len, cap - len, &got, err);
		if (st != ZF_OK)
			break;
		assert_true(got > 0);
		len += got;
	}
	*out = buf;
	*n = len;
	return st == ZF_EOF ? ZF_OK : st;
}

/* Open a file through the compression option. */
static zf_byte_source *
open_through(const char *path, zf_compression option, zf_compression *found,
			 zf_error *err)
{
	zf_byte_source *file = zf_file_source_open(path, err);
	zf_byte_source *src;

	assert_non_null(file);
	src = zf_decompress_open(file, option, found, err);
	if (src == NULL)
		zf_bytes_close(file, NULL);
	return src;
}

static int
setup(void **state)
{
	(void) state;
	snprintf(dir, sizeof(dir), "/tmp/zf_test_decomp_XXXXXX");
	return mkdtemp(dir) == NULL ? -1 : 0;
}

static int
teardown(void **state)
{
	char		cmd[128];

	(void) state;
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	return system(cmd) == 0 ? 0 : -1;
}

/*
 * Each program's output is recognised and read back as the original,
 * from the file (peeked at offset 0) and from a program's output (a
 * sequential input, peeked by reading and given back); the uncompressed
 * file is recognised as none and keeps its ranged source.
 */
static void
test_roundtrip(void **state)
{
	size_t		n;
	uint8_t    *data = make_records(40000, &n);	/* 3.2 MB */
	const char *plain = path_of("plain.dat");

	(void) state;
	write_file(plain, data, n);
	for (size_t k = 0; k < NKINDS; k++)
	{
		char		name[32];
		const char *cpath;
		zf_byte_source *src;
		zf_compression found;
		zf_error	err;
		uint8_t    *out;
		size_t		len;
		char		cmd[512];

		snprintf(name, sizeof(name), "plain.dat.%s", kinds[k].suffix);
		cpath = path_of(name);
		run("%s < '%s' > '%s'", kinds[k].compress, plain, cpath);

		src = open_through(cpath, ZF_COMPRESSION_AUTO, &found, &err);
		assert_non_null(src);
		assert_int_equal(found, kinds[k].kind);
		assert_int_equal(zf_bytes_caps(src), 0);
		assert_int_equal(zf_bytes_size(src), -1);
		assert_string_equal(zf_bytes_name(src), cpath);
		assert_int_equal(read_all(src, &out, &len, &err), ZF_OK);
		assert_int_equal(len, n);
		assert_memory_equal(out, data, n);
		assert_int_equal(zf_bytes_position(src), n);
		free(out);
		zf_bytes_close(src, NULL);

		/* named explicitly */
		src = open_through(cpath, kinds[k].kind, &found, &err);
		assert_non_null(src);
		assert_int_equal(read_all(src, &out, &len, &err), ZF_OK);
		assert_int_equal(len, n);
		free(out);
		zf_bytes_close(src, NULL);

		/* from a program's output */
		snprintf(cmd, sizeof(cmd), "cat '%s'", cpath);
		src = zf_program_source_open(cmd, &err);
		assert_non_null(src);
		src = zf_decompress_open(src, ZF_COMPRESSION_AUTO, &found, &err);
		assert_non_null(src);
		assert_int_equal(found, kinds[k].kind);
		assert_int_equal(read_all(src, &out, &len, &err), ZF_OK);
		assert_int_equal(len, n);
		assert_memory_equal(out, data, n);
		free(out);
		assert_int_equal(zf_bytes_close(src, &err), ZF_OK);
	}
	/* not compressed: the file source itself */
	{
		zf_byte_source *file = zf_file_source_open(plain, NULL);
		zf_compression found;
		zf_error	err;

		assert_ptr_equal(zf_decompress_open(file, ZF_COMPRESSION_AUTO, &found, &err), file);
		assert_int_equal(found, ZF_COMPRESSION_NONE);
		assert_int_equal(zf_compression_peek(file, ZF_COMPRESSION_AUTO, &found, &err), ZF_OK);
		assert_int_equal(found, ZF_COMPRESSION_NONE);
		zf_bytes_close(file, NULL);
	}
	free(data);
}

/* Concatenated members / streams / frames read as one input. */
static void
test_concatenated(void **state)
{
	size_t		n1,
				n2;
	uint8_t    *a = make_records(500, &n1);
	uint8_t    *b = make_records(1300, &n2);

	(void) state;
	write_file(path_of("a.dat"), a, n1);
	write_file(path_of("b.dat"), b, n2);
	for (size_t k = 0; k < NKINDS; k++)
	{
		const char *cat = path_of("cat.c");
		zf_byte_source *src;
		zf_error	err;
		uint8_t    *out;
		size_t		len;

		/* a, an empty member, b, a again */
		run("(%s < '%s'; %s < /dev/null; %s < '%s'; %s < '%s') > '%s'",
			kinds[k].compress, path_of("a.dat"), kinds[k].compress,
			kinds[k].compress, path_of("b.dat"), kinds[k].compress,
			path_of("a.dat"), cat);
		src = open_through(cat, ZF_COMPRESSION_AUTO, NULL, &err);
		assert_non_null(src);
		assert_int_equal(read_all(src, &out, &len, &err), ZF_OK);
		assert_int_equal(len, n1 + n2 + n1);
		assert_memory_equal(out, a, n1);
		assert_memory_equal(out + n1, b, n2);
		assert_memory_equal(out + n1 + n2, a, n1);
		free(out);
		zf_bytes_close(src, NULL);
	}
	free(a);
	free(b);
}

/*
 * Every prefix of a compressed file shorter than the whole is an error
 * (ZF_E_FRAMING with an offset within the file), never a success: the
 * short result must not pass as complete.  Also a flipped byte anywhere
 * in the data and bytes after the end.
 */
static void
test_truncated_corrupt_trailing(void **state)
{
	size_t		n;
	uint8_t    *data = make_records(50, &n);

	(void) state;
	write_file(path_of("small.dat"), data, n);
	for (size_t k = 0; k < NKINDS; k++)
	{
		const char *cpath = path_of("small.c");
		const char *cut = path_of("cut.c");
		uint8_t    *comp;
		size_t		clen;

		run("%s < '%s' > '%s'", kinds[k].compress, path_of("small.dat"), cpath);
		comp = read_file(cpath, &clen);
		for (size_t len = 1; len < clen; len++)
		{
			zf_byte_source *src;
			zf_error	err;
			uint8_t    *out;
			size_t		got;

			write_file(cut, comp, len);
			zf_error_clear(&err);
			src = open_through(cut, kinds[k].kind, NULL, &err);
			if (src == NULL)
			{
				/* too short to have the magic number */
				assert_int_equal(err.status, ZF_E_FRAMING);
				continue;
			}
			if (read_all(src, &out, &got, &err) == ZF_OK)
				fail_msg("%s cut to %zu of %zu bytes read as complete (%zu bytes)",
						 kinds[k].suffix, len, clen, got);
			assert_int_equal(err.status, ZF_E_FRAMING);
			assert_true(err.offset >= 0 && (size_t) err.offset <= len);
			free(out);
			zf_bytes_close(src, NULL);
		}
		/* a flipped byte after the header: the checks catch it */
		for (size_t at = 12; at < clen; at += 7)
		{
			zf_byte_source *src;
			zf_error	err;
			uint8_t    *out;
			size_t		got;

			comp[at] ^= 0x55;
			write_file(cut, comp, clen);
			comp[at] ^= 0x55;
			src = open_through(cut, kinds[k].kind, NULL, &err);
			assert_non_null(src);
			if (read_all(src, &out, &got, &err) == ZF_OK)
			{
				/* only a byte the format does not check may change */
				assert_int_equal(got, n);
				assert_memory_equal(out, data, n);
			}
			else
				assert_int_equal(err.status, ZF_E_FRAMING);
			free(out);
			zf_bytes_close(src, NULL);
		}
		/* bytes after the end */
		{
			uint8_t    *more = malloc(clen + 4);
			zf_byte_source *src;
			zf_error	err;
			uint8_t    *out;
			size_t		got;

			memcpy(more, comp, clen);
			memcpy(more + clen, "\0\0\0\0", 4);
			write_file(cut, more, clen + 4);
			src = open_through(cut, ZF_COMPRESSION_AUTO, NULL, &err);
			assert_non_null(src);
			assert_int_equal(read_all(src, &out, &got, &err), ZF_E_FRAMING);
			assert_true(err.offset >= (int64_t) clen - 1);
			/* recognised, so the hint names the way out */
			assert_non_null(strstr(err.hint, "compression 'none'"));
			free(out);
			free(more);
			zf_bytes_close(src, NULL);
		}
		free(comp);
	}
	free(data);
}

/*
 * Recognition: a magic number alone is not enough; uncompressed EBCDIC
 * (whatever its first bytes) is none; a named kind on a file without its
 * magic is an error whose hint offers 'auto' and 'none'.
 */
static void
test_detection(void **state)
{
	static const uint8_t gz_head[10] = {0x1F, 0x8B, 0x08, 0, 0, 0, 0, 0, 0, 3};
	static const uint8_t gz_bad_flags[10] = {0x1F, 0x8B, 0x08, 0x20, 0, 0, 0, 0, 0, 3};
	static const uint8_t gz_bad_os[10] = {0x1F, 0x8B, 0x08, 0, 0, 0, 0, 0, 0, 0x40};
	static const uint8_t bz_head[10] = {'B', 'Z', 'h', '9', 0x31, 0x41, 0x59, 0x26, 0x53, 0x59};
	static const uint8_t bz_text[10] = {'B', 'Z', 'h', '9', ' ', 'a', 'n', 'd', ' ', 's'};
	static const uint8_t zst_head[5] = {0x28, 0xB5, 0x2F, 0xFD, 0x24};
	static const uint8_t zst_reserved[5] = {0x28, 0xB5, 0x2F, 0xFD, 0x2C};
	static const uint8_t ebcdic[10] = {0xC1, 0xC2, 0xC3, 0x40, 0xF1, 0xF2, 0x00, 0x12, 0x3C, 0x40};
	zf_compression kind;
	zf_byte_source *src;
	zf_error	err;

	(void) state;
	assert_int_equal(zf_compression_detect(gz_head, 10), ZF_COMPRESSION_GZIP);
	assert_int_equal(zf_compression_detect(gz_head, 9), ZF_COMPRESSION_NONE);
	assert_int_equal(zf_compression_detect(gz_bad_flags, 10), ZF_COMPRESSION_NONE);
	assert_int_equal(zf_compression_detect(gz_bad_os, 10), ZF_COMPRESSION_NONE);
	assert_int_equal(zf_compression_detect(bz_head, 10), ZF_COMPRESSION_BZIP2);
	assert_int_equal(zf_compression_detect(bz_text, 10), ZF_COMPRESSION_NONE);
	assert_int_equal(zf_compression_detect(zst_head, 5), ZF_COMPRESSION_ZSTD);
	assert_int_equal(zf_compression_detect(zst_reserved, 5), ZF_COMPRESSION_NONE);
	assert_int_equal(zf_compression_detect(ebcdic, 10), ZF_COMPRESSION_NONE);
	assert_int_equal(zf_compression_detect(NULL, 0), ZF_COMPRESSION_NONE);

	/* no 10-byte prefix of any 80-byte EBCDIC record of the test data */
	{
		size_t		n;
		uint8_t    *data = make_records(2000, &n);

		for (size_t i = 0; i + 10 <= n; i += 80)
			assert_int_equal(zf_compression_detect(data + i, 10), ZF_COMPRESSION_NONE);
		free(data);
	}

	/* a named kind on a file that does not have its magic */
	write_file(path_of("ebcdic.dat"), ebcdic, sizeof(ebcdic));
	src = open_through(path_of("ebcdic.dat"), ZF_COMPRESSION_GZIP, &kind, &err);
	assert_null(src);
	assert_int_equal(err.status, ZF_E_FRAMING);
	assert_non_null(strstr(err.message, "gzip header"));
	assert_non_null(strstr(err.hint, "'none'"));
	write_file(path_of("empty.dat"), "", 0);
	src = open_through(path_of("empty.dat"), ZF_COMPRESSION_ZSTD, &kind, &err);
	assert_null(src);
	assert_non_null(strstr(err.message, "empty"));
	/* an empty file with auto is an empty input */
	src = open_through(path_of("empty.dat"), ZF_COMPRESSION_AUTO, &kind, &err);
	assert_non_null(src);
	assert_int_equal(kind, ZF_COMPRESSION_NONE);
	zf_bytes_close(src, NULL);

	/* a file that has a gzip header and nothing valid after it */
	{
		uint8_t		fake[80];

		memset(fake, 0x40, sizeof(fake));
		memcpy(fake, gz_head, 10);
		write_file(path_of("fake.dat"), fake, sizeof(fake));
		src = open_through(path_of("fake.dat"), ZF_COMPRESSION_AUTO, &kind, &err);
		assert_non_null(src);
		assert_int_equal(kind, ZF_COMPRESSION_GZIP);
		{
			uint8_t    *out;
			size_t		got;

			assert_int_equal(read_all(src, &out, &got, &err), ZF_E_FRAMING);
			assert_non_null(strstr(err.hint, "compression 'none'"));
			free(out);
		}
		zf_bytes_close(src, NULL);
		src = open_through(path_of("fake.dat"), ZF_COMPRESSION_NONE, &kind, &err);
		assert_non_null(src);
		assert_int_equal(zf_bytes_caps(src), ZF_BYTES_SIZED | ZF_BYTES_RANGED);
		zf_bytes_close(src, NULL);
	}

	/* option names */
	for (int i = ZF_COMPRESSION_AUTO; i <= ZF_COMPRESSION_ZSTD; i++)
	{
		assert_true(zf_compression_parse(zf_compression_name((zf_compression) i), &kind));
		assert_int_equal(kind, i);
	}
	assert_false(zf_compression_parse("gz", &kind));
}

/* The peak resident size of the process, in KiB. */
static long
max_rss_kib(void)
{
	struct rusage ru;

	getrusage(RUSAGE_SELF, &ru);
	return ru.ru_maxrss;
}

/*
 * A large output from a small input (256 MiB of zeros: about 250 KiB of
 * gzip) is read with a 1 MiB buffer in constant memory: the peak resident
 * size grows by less than 16 MiB.
 */
static void
test_bomb_constant_memory(void **state)
{
	uint8_t    *buf = malloc(1 << 20);

	(void) state;
	for (size_t k = 0; k < NKINDS; k++)
	{
		const char *cpath = path_of("zeros.c");
		zf_byte_source *src;
		zf_error	err;
		uint64_t	total = 0;
		long		before;
		size_t		got;
		zf_status	st;

		/* bzip2 is slow: a smaller bomb */
		run("head -c %d /dev/zero | %s > '%s'",
			kinds[k].kind == ZF_COMPRESSION_BZIP2 ? 32 << 20 : 256 << 20,
			kinds[k].compress, cpath);
		before = max_rss_kib();
		src = open_through(cpath, ZF_COMPRESSION_AUTO, NULL, &err);
		assert_non_null(src);
		while ((st = zf_bytes_read(src, buf, 1 << 20, &got, &err)) == ZF_OK)
			total += got;
		assert_int_equal(st, ZF_EOF);
		assert_true(total == (kinds[k].kind == ZF_COMPRESSION_BZIP2 ? 32u << 20 : 256u << 20));
		zf_bytes_close(src, NULL);
		assert_true(max_rss_kib() - before < 16 * 1024);
	}
	free(buf);
}

/* The record reader reads fb records through a decompressor. */
static void
test_reader_on_decompressor(void **state)
{
	size_t		n;
	uint8_t    *data = make_records(3000, &n);
	zf_byte_source *src;
	zf_reader_opts ro;
	zf_reader  *r;
	zf_record	rec;
	zf_error	err;
	uint64_t	count = 0;

	(void) state;
	write_file(path_of("fb.dat"), data, n);
	run("zstd -q -c < '%s' > '%s'", path_of("fb.dat"), path_of("fb.dat.zst"));
	src = open_through(path_of("fb.dat.zst"), ZF_COMPRESSION_AUTO, NULL, &err);
	assert_non_null(src);
	zf_reader_opts_init(&ro, ZF_RECFM_FB);
	ro.lrecl = 80;
	r = zf_reader_open(src, &ro, &err);
	assert_non_null(r);
	while (zf_reader_next(r, &rec, &err) == ZF_OK)
	{
		assert_int_equal(rec.length, 80);
		assert_memory_equal(rec.data, data + count * 80, 80);
		assert_int_equal(rec.offset, count * 80);
		count++;
	}
	assert_int_equal(count, 3000);
	zf_reader_close(r);
	zf_bytes_close(src, NULL);

	/* 13 bytes too many: the reader's incomplete-record error */
	run("(cat '%s'; printf 'ABCDEFGHIJKLM') | gzip -c > '%s'", path_of("fb.dat"),
		path_of("fb13.gz"));
	src = open_through(path_of("fb13.gz"), ZF_COMPRESSION_AUTO, NULL, &err);
	assert_non_null(src);
	r = zf_reader_open(src, &ro, &err);
	assert_non_null(r);
	count = 0;
	while (zf_reader_next(r, &rec, &err) == ZF_OK)
		count++;
	assert_int_equal(count, 3000);
	assert_int_equal(err.status, ZF_E_FRAMING);
	zf_reader_close(r);
	zf_bytes_close(src, NULL);
	free(data);
}

/* A slow inner source for the read-ahead tests: a byte per read, 20 ms. */
static zf_status
slow_read(zf_byte_source *src, uint8_t *buf, size_t n, size_t *got,
		  zf_error *err)
{
	struct timespec ts = {0, 20 * 1000 * 1000};

	(void) src;
	(void) n;
	(void) err;
	nanosleep(&ts, NULL);
	buf[0] = 'x';
	*got = 1;
	return ZF_OK;
}

static const zf_byte_source_ops slow_ops = {.read = slow_read};

static int	hook_calls;

/* A hook that gives up on its third call. */
static zf_status
give_up(void *arg, zf_error *err)
{
	(void) arg;
	if (++hook_calls < 3)
		return ZF_OK;
	return zf_error_set(err, ZF_E_IO, "canceled");
}

/*
 * The read-ahead thread hands out the same bytes as a direct read, and an
 * error of the source beneath after the bytes before it; a caller waiting
 * for a slow source is asked for a cancel; a source closed before its end
 * stops its thread.
 */
static void
test_readahead(void **state)
{
	size_t		n;
	uint8_t    *data = make_records(60000, &n);	/* 4.8 MB: several buffers */
	zf_error	err;

	(void) state;
	write_file(path_of("ra.dat"), data, n);
	run("gzip -c < '%s' > '%s'", path_of("ra.dat"), path_of("ra.gz"));
	run("head -c 1000000 '%s' > '%s'", path_of("ra.gz"), path_of("ra_cut.gz"));
	for (int cut = 0; cut < 2; cut++)
	{
		zf_byte_source *src = open_through(path_of(cut ? "ra_cut.gz" : "ra.gz"),
										   ZF_COMPRESSION_AUTO, NULL, &err);
		zf_byte_source *ahead;
		uint8_t    *out;
		size_t		len;
		zf_status	st;

		assert_non_null(src);
		ahead = zf_readahead_open(src, &err);
		assert_non_null(ahead);
		assert_int_equal(zf_bytes_caps(ahead) & (ZF_BYTES_SIZED | ZF_BYTES_RANGED), 0);
		st = read_all(ahead, &out, &len, &err);
		if (cut)
		{
			assert_int_equal(st, ZF_E_FRAMING);
			assert_non_null(strstr(err.message, "ends unexpectedly"));
			assert_true(len > 0 && len < n);
			assert_memory_equal(out, data, len);
		}
		else
		{
			assert_int_equal(st, ZF_OK);
			assert_int_equal(len, n);
			assert_memory_equal(out, data, n);
		}
		free(out);
		assert_int_equal(zf_bytes_close(ahead, &err), ZF_OK);
	}

	/* a slow source: the caller's hook is asked while it waits */
	{
		zf_byte_source *slow = zf_bytes_new(&slow_ops, sizeof(zf_byte_source), "slow", &err);
		zf_byte_source *ahead;
		zf_byte_hooks hooks = {give_up, NULL};
		uint8_t		buf[16];
		size_t		got;

		assert_non_null(slow);
		ahead = zf_readahead_open(slow, &err);
		assert_non_null(ahead);
		zf_bytes_set_hooks(ahead, &hooks);
		/* the hook stops at the read-ahead source */
		assert_null(slow->hooks.check_interrupts);
		hook_calls = 0;
		assert_int_equal(zf_bytes_read(ahead, buf, sizeof(buf), &got, &err), ZF_E_IO);
		assert_string_equal(err.message, "canceled");
		assert_int_equal(hook_calls, 3);
		/* closed while its thread is reading */
		assert_int_equal(zf_bytes_close(ahead, &err), ZF_OK);
	}

	/* closed before reading anything */
	{
		zf_byte_source *src = open_through(path_of("ra.gz"), ZF_COMPRESSION_AUTO, NULL, &err);

		assert_non_null(src);
		assert_int_equal(zf_bytes_close(zf_readahead_open(src, &err), &err), ZF_OK);
	}
	free(data);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_roundtrip),
		cmocka_unit_test(test_concatenated),
		cmocka_unit_test(test_truncated_corrupt_trailing),
		cmocka_unit_test(test_detection),
		cmocka_unit_test(test_bomb_constant_memory),
		cmocka_unit_test(test_reader_on_decompressor),
		cmocka_unit_test(test_readahead),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
