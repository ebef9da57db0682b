/*-------------------------------------------------------------------------
 *
 * test_record_reader.c
 *	  Unit tests for record framing (record_reader.c), read through byte
 *	  sources over temporary files and pipes.
 *
 * Byte streams are built by hand in each test: a descriptor word is
 * written as its four bytes, e.g. an RDW for 3 data bytes on z/OS is
 * 00 07 00 00 (7 = 3 + the 4 descriptor bytes).  Real files: JRecord's
 * ZOS.FCUSTDAT_150.vb.bin (150 RDW records; the RDW-LEN= column of its
 * GnuCOBOL-made expected.tsv gives each RDW value) and DTAR020.bin (FB 27,
 * 379 records; KEYCODE-NO, the first 8 bytes, is the first column of its
 * expected.tsv), and the Cobrix d02/d03 vectors.
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
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "records/record_reader.h"

#define JRECORD ZF_SOURCE_DIR "/../shared/conformance/jrecord"
#define COBRIX_D ZF_SOURCE_DIR "/../shared/conformance/cobrix/derived_from_scala_tests"

#define MAX_RECS 1024

/* What a whole read produced. */
typedef struct result
{
	zf_status	status;			/* the status that ended the read */
	zf_error	err;
	int			n;
	uint32_t	length[MAX_RECS];
	uint64_t	offset[MAX_RECS];
	uint64_t	number[MAX_RECS];
	uint8_t		data[MAX_RECS][8];	/* first bytes of each record */
	uint8_t		all[65536];		/* all record bytes, concatenated */
	size_t		all_len;
} result;

static result res;

/* read_all_source reads by runs (zf_reader_next_run) instead of one by one */
static bool by_runs = false;

/* Write bytes to a fresh temporary file and return it open for reading. */
static int
temp_file(const uint8_t *bytes, size_t n)
{
	char		path[] = "/tmp/zf_test_record_XXXXXX";
	int			fd = mkstemp(path);

	assert_true(fd >= 0);
	unlink(path);
	assert_int_equal(write(fd, bytes, n), (ssize_t) n);
	return fd;
}

/* A pipe whose reading end delivers bytes, written by a child process. */
static int
pipe_of(const uint8_t *bytes, size_t n)
{
	int			p[2];
	pid_t		pid;

	assert_int_equal(pipe(p), 0);
	pid = fork();
	assert_true(pid >= 0);
	if (pid == 0)
	{
		size_t		done = 0;

		close(p[0]);
		/* dribble the bytes in small writes so that reads come back short */
		while (done < n)
		{
			size_t		chunk = n - done < 7 ? n - done : 7;
			ssize_t		w = write(p[1], bytes + done, chunk);

			if (w <= 0)
				_exit(1);
			done += (size_t) w;
		}
		_exit(0);
	}
	close(p[1]);
	return p[0];
}

/* A byte source over fd (which the caller keeps and closes). */
static zf_byte_source *
source_of(int fd)
{
	zf_error	err;
	zf_byte_source *src = zf_fd_source_open(fd, "test input", false, &err);

	assert_non_null(src);
	return src;
}

/* Read every record of src into res; returns the end status. */
static zf_status
read_all_source(zf_byte_source *src, const zf_reader_opts *o)
{
	zf_reader  *r;
	zf_record	rec;
	zf_status	st;

	memset(&res, 0, sizeof(res));
	zf_error_clear(&res.err);
	r = zf_reader_open(src, o, &res.err);
	if (r == NULL)
		return res.status = res.err.status;
	for (;;)
	{
		uint32_t	count = 1;

		st = by_runs ? zf_reader_next_run(r, &rec, &count, &res.err) :
			zf_reader_next(r, &rec, &res.err);
		if (st != ZF_OK)
			break;
		assert_true(count >= 1);
		for (uint32_t k = 0; k < count; k++)
		{
			if (k > 0)
			{
				/* the rest of a run: the records that follow, by pointer */
				rec.data += rec.length;
				rec.offset += rec.length;
				rec.number++;
			}
		assert_true(res.n < MAX_RECS);
		res.length[res.n] = rec.length;
		res.offset[res.n] = rec.offset;
		res.number[res.n] = rec.number;
		memcpy(res.data[res.n], rec.data, rec.length < 8 ? rec.length : 8);
		assert_true(res.all_len + rec.length <= sizeof(res.all));
		memcpy(res.all + res.all_len, rec.data, rec.length);
		res.all_len += rec.length;
		res.n++;
		}
	}
	/* the end is sticky: EOF and errors repeat */
	{
		zf_error	again;
		zf_status	st2 = zf_reader_next(r, &rec, &again);

		assert_int_equal(st2, st);
		if (st != ZF_EOF)
			assert_string_equal(again.message, res.err.message);
	}
	zf_reader_close(r);
	return res.status = st;
}

/* Read every record of fd (a file or a pipe) into res. */
static zf_status
read_all_fd(int fd, const zf_reader_opts *o)
{
	zf_byte_source *src = source_of(fd);
	zf_status	st = read_all_source(src, o);

	zf_bytes_close(src, NULL);
	return st;
}

/* Read bytes as a regular file. */
static zf_status
read_bytes(const uint8_t *bytes, size_t n, const zf_reader_opts *o)
{
	int			fd = temp_file(bytes, n);
	zf_status	st = read_all_fd(fd, o);

	close(fd);
	return st;
}

/* Read bytes through a pipe (size unknown). */
static zf_status
read_pipe(const uint8_t *bytes, size_t n, const zf_reader_opts *o)
{
	int			fd = pipe_of(bytes, n);
	zf_status	st = read_all_fd(fd, o);
	int			status;

	close(fd);
	wait(&status);
	return st;
}

/* Load a small file. */
static size_t
load(const char *path, uint8_t *buf, size_t cap)
{
	FILE	   *f = fopen(path, "rb");
	size_t		n;

	if (f == NULL)
		fail_msg("cannot open %s", path);
	n = fread(buf, 1, cap, f);
	fclose(f);
	return n;
}

static zf_reader_opts
opts_for(zf_recfm recfm)
{
	zf_reader_opts o;

	zf_reader_opts_init(&o, recfm);
	return o;
}

/* fb: records, numbers, offsets; header and trailer bytes. */
static void
test_fb_basic(void **state)
{
	const uint8_t bytes[] = "HHHaaaabbbbccccTT";
	zf_reader_opts o = opts_for(ZF_RECFM_FB);

	(void) state;
	o.lrecl = 4;
	o.header_bytes = 3;
	o.trailer_bytes = 2;
	assert_int_equal(read_bytes(bytes, 17, &o), ZF_EOF);
	assert_int_equal(res.n, 3);
	assert_memory_equal(res.all, "aaaabbbbcccc", 12);
	assert_int_equal(res.offset[0], 3);
	assert_int_equal(res.offset[2], 11);
	assert_int_equal(res.number[2], 3);
	/* the same through a pipe (no trailer possible there) */
	o.trailer_bytes = 0;
	assert_int_equal(read_pipe(bytes, 15, &o), ZF_EOF);
	assert_int_equal(res.n, 3);
	assert_memory_equal(res.all, "aaaabbbbcccc", 12);
	assert_int_equal(res.number[0], 1);
	/* empty file */
	assert_int_equal(read_bytes(bytes, 3, &o), ZF_EOF);
	assert_int_equal(res.n, 0);
}

/* fb: a size that is not a multiple of lrecl fails at open. */
static void
test_fb_bad_size(void **state)
{
	uint8_t		bytes[30] = {0};
	zf_reader_opts o = opts_for(ZF_RECFM_FB);
	uint64_t	count;

	(void) state;
	o.lrecl = 7;
	assert_int_equal(read_bytes(bytes, 30, &o), ZF_E_FRAMING);
	assert_string_equal(res.err.message,
						"file size is not a multiple of the record length 7");
	assert_non_null(strstr(res.err.detail, "30 bytes of data"));
	assert_non_null(strstr(res.err.detail, "4 records of 7 bytes leave 2 bytes over"));
	assert_non_null(strstr(res.err.hint, "zfdw.inspect_file"));
	assert_int_equal(res.err.offset, 28);
	assert_int_equal(zf_fb_record_count(30, &o, &count, &res.err), ZF_E_FRAMING);
	o.header_bytes = 2;
	assert_int_equal(zf_fb_record_count(30, &o, &count, &res.err), ZF_OK);
	assert_int_equal(count, 4);
	assert_int_equal(zf_fb_record_count(-1, &o, &count, &res.err), ZF_E_ARG);
	assert_int_equal(zf_fb_record_count(1, &o, &count, &res.err), ZF_E_FRAMING);
	/* through a pipe the short last record shows at the end */
	o.header_bytes = 0;
	assert_int_equal(read_pipe(bytes, 30, &o), ZF_E_FRAMING);
	assert_int_equal(res.n, 4);
	assert_string_equal(res.err.message,
						"last record at byte offset 28 is truncated: 5 bytes missing");
	/* no lrecl, trailer on a pipe, header longer than the file */
	o.lrecl = 0;
	assert_int_equal(read_bytes(bytes, 30, &o), ZF_E_ARG);
	o.lrecl = 5;
	o.trailer_bytes = 5;
	assert_int_equal(read_pipe(bytes, 30, &o), ZF_E_ARG);
	o.trailer_bytes = 0;
	o.header_bytes = 31;
	assert_int_equal(read_bytes(bytes, 30, &o), ZF_E_FRAMING);
}

/* fb: record ranges for parallel scans. */
static void
test_fb_range(void **state)
{
	uint8_t		bytes[50];
	zf_reader_opts o = opts_for(ZF_RECFM_FB);

	(void) state;
	for (int i = 0; i < 50; i++)
		bytes[i] = (uint8_t) ('0' + i / 5);
	o.lrecl = 5;
	o.range_start = 10;
	o.range_end = 25;
	assert_int_equal(read_bytes(bytes, 50, &o), ZF_EOF);
	assert_int_equal(res.n, 3);
	assert_int_equal(res.number[0], 3);
	assert_int_equal(res.data[0][0], '2');
	assert_int_equal(res.data[2][0], '4');
	/* a record that starts inside the range is read whole */
	o.range_end = 21;
	assert_int_equal(read_bytes(bytes, 50, &o), ZF_EOF);
	assert_int_equal(res.n, 3);
	assert_int_equal(res.length[2], 5);
	/* to the end, and past the end */
	o.range_end = 0;
	o.range_start = 45;
	assert_int_equal(read_bytes(bytes, 50, &o), ZF_EOF);
	assert_int_equal(res.n, 1);
	o.range_start = 100;
	assert_int_equal(read_bytes(bytes, 50, &o), ZF_EOF);
	assert_int_equal(res.n, 0);
	/* invalid ranges */
	o.range_start = 3;
	assert_int_equal(read_bytes(bytes, 50, &o), ZF_E_ARG);
	o.range_start = 10;
	o.range_end = 5;
	assert_int_equal(read_bytes(bytes, 50, &o), ZF_E_ARG);
	o.range_start = 0;
	o.range_end = 10;
	assert_int_equal(read_pipe(bytes, 50, &o), ZF_E_ARG);
	o = opts_for(ZF_RECFM_VB);
	o.range_end = 10;
	assert_int_equal(read_bytes(bytes, 50, &o), ZF_E_ARG);
}

/*
 * Reading by runs gives what reading one by one gives: fb files with
 * buffers that hold part of a record, one record or many, range reads
 * that end inside a buffer, a pipe, a truncated last record, a vb file.
 */
static void
test_runs_match_next(void **state)
{
	static const size_t buffers[] = {5, 7, 12, 25, 4096};
	static const uint64_t ranges[][2] = {{0, 0}, {10, 25}, {10, 21}, {45, 0}, {0, 5}};
	uint8_t		bytes[53];
	zf_reader_opts o;
	result		one_by_one;
	zf_status	st;

	(void) state;
	for (int i = 0; i < 53; i++)
		bytes[i] = (uint8_t) ('0' + i / 5);
	for (size_t b = 0; b < sizeof(buffers) / sizeof(buffers[0]); b++)
		for (size_t g = 0; g < sizeof(ranges) / sizeof(ranges[0]); g++)
			for (int pipe_input = 0; pipe_input <= 1; pipe_input++)
				for (size_t n = 50; n <= 53; n += 3)
				{
					if (pipe_input && (ranges[g][0] != 0 || ranges[g][1] != 0))
						continue;	/* range reads need a regular file */
					o = opts_for(ZF_RECFM_FB);
					o.lrecl = 5;
					o.buffer_size = buffers[b];
					o.range_start = ranges[g][0];
					o.range_end = ranges[g][1];
					by_runs = false;
					st = pipe_input ? read_pipe(bytes, n, &o) : read_bytes(bytes, n, &o);
					one_by_one = res;
					by_runs = true;
					assert_int_equal(pipe_input ? read_pipe(bytes, n, &o) : read_bytes(bytes, n, &o), st);
					by_runs = false;
					assert_int_equal(res.n, one_by_one.n);
					assert_memory_equal(res.length, one_by_one.length, sizeof(res.length));
					assert_memory_equal(res.offset, one_by_one.offset, sizeof(res.offset));
					assert_memory_equal(res.number, one_by_one.number, sizeof(res.number));
					assert_int_equal(res.all_len, one_by_one.all_len);
					assert_memory_equal(res.all, one_by_one.all, res.all_len);
					assert_string_equal(res.err.message, one_by_one.err.message);
				}

	/* vb: runs of one record */
	{
		static const uint8_t vb[] = {0, 7, 0, 0, 'a', 'b', 'c', 0, 5, 0, 0, 'd'};

		o = opts_for(ZF_RECFM_VB);
		by_runs = true;
		assert_int_equal(read_bytes(vb, sizeof(vb), &o), ZF_EOF);
		by_runs = false;
		assert_int_equal(res.n, 2);
		assert_int_equal(res.length[0], 3);
		assert_int_equal(res.data[1][0], 'd');
	}
}

/* fb: seeking to a record index, inside and outside the buffer. */
static void
test_fb_seek(void **state)
{
	uint8_t		bytes[100];
	zf_reader_opts o = opts_for(ZF_RECFM_FB);
	zf_reader  *r;
	zf_record	rec;
	zf_error	err;
	zf_byte_source *src;
	int			fd;
	int			status;

	(void) state;
	for (int i = 0; i < 100; i++)
		bytes[i] = (uint8_t) i;
	fd = temp_file(bytes, 100);
	src = source_of(fd);
	o.lrecl = 10;
	o.buffer_size = 25;
	r = zf_reader_open(src, &o, &err);
	assert_non_null(r);
	assert_int_equal(zf_reader_next(r, &rec, &err), ZF_OK);
	assert_int_equal(zf_reader_seek_record(r, 7, &err), ZF_OK);
	assert_int_equal(zf_reader_next(r, &rec, &err), ZF_OK);
	assert_int_equal(rec.number, 8);
	assert_int_equal(rec.data[0], 70);
	assert_int_equal(zf_reader_position(r), 80);
	/* back into the buffered part */
	assert_int_equal(zf_reader_seek_record(r, 6, &err), ZF_OK);
	assert_int_equal(zf_reader_next(r, &rec, &err), ZF_OK);
	assert_int_equal(rec.data[0], 60);
	assert_int_equal(zf_reader_seek_record(r, 0, &err), ZF_OK);
	assert_int_equal(zf_reader_next(r, &rec, &err), ZF_OK);
	assert_int_equal(rec.number, 1);
	assert_int_equal(rec.data[9], 9);
	assert_int_equal(zf_reader_seek_record(r, 9, &err), ZF_OK);
	assert_int_equal(zf_reader_next(r, &rec, &err), ZF_OK);
	assert_int_equal(rec.data[9], 99);
	assert_int_equal(zf_reader_next(r, &rec, &err), ZF_EOF);
	assert_int_equal(zf_reader_seek_record(r, 1000, &err), ZF_OK);
	assert_int_equal(zf_reader_next(r, &rec, &err), ZF_EOF);
	assert_int_equal(zf_reader_seek_record(r, 2, &err), ZF_OK);
	assert_int_equal(zf_reader_next(r, &rec, &err), ZF_OK);
	assert_int_equal(rec.data[0], 20);
	zf_reader_close(r);

	/* not for vb, not on a pipe */
	o = opts_for(ZF_RECFM_VB);
	r = zf_reader_open(src, &o, &err);
	assert_int_equal(zf_reader_seek_record(r, 1, &err), ZF_E_ARG);
	zf_reader_close(r);
	zf_bytes_close(src, NULL);
	close(fd);
	o = opts_for(ZF_RECFM_FB);
	o.lrecl = 10;
	fd = pipe_of(bytes, 100);
	src = source_of(fd);
	r = zf_reader_open(src, &o, &err);
	assert_int_equal(zf_reader_seek_record(r, 1, &err), ZF_E_ARG);
	zf_reader_close(r);
	zf_bytes_close(src, NULL);
	close(fd);
	wait(&status);
}

/* DTAR020.bin: FB 27, 379 records whose keys match the expected TSV. */
static void
test_dtar020(void **state)
{
	static uint8_t bytes[16384];
	size_t		n = load(JRECORD "/DTAR020.bin", bytes, sizeof(bytes));
	zf_reader_opts o = opts_for(ZF_RECFM_FB);
	const size_t buffers[] = {0, 1, 26, 27, 28, 100, 4096};
	FILE	   *tsv;
	char		line[256];
	int			rec = 0;

	(void) state;
	assert_int_equal(n, 379 * 27);
	o.lrecl = 27;
	for (size_t b = 0; b < sizeof(buffers) / sizeof(buffers[0]); b++)
	{
		o.buffer_size = buffers[b];
		assert_int_equal(read_bytes(bytes, n, &o), ZF_EOF);
		assert_int_equal(res.n, 379);
		assert_memory_equal(res.all, bytes, n);
		assert_int_equal(read_pipe(bytes, n, &o), ZF_EOF);
		assert_int_equal(res.n, 379);
		assert_memory_equal(res.all, bytes, n);
	}
	/* KEYCODE-NO is PIC X(8) of EBCDIC digits F0..F9 */
	tsv = fopen(JRECORD "/DTAR020.expected.tsv", "r");
	assert_non_null(tsv);
	assert_non_null(fgets(line, sizeof(line), tsv));	/* header */
	while (fgets(line, sizeof(line), tsv) != NULL)
	{
		char		key[9];

		for (int i = 0; i < 8; i++)
		{
			uint8_t		c = res.all[rec * 27 + i];

			assert_true(c >= 0xF0 && c <= 0xF9);
			key[i] = (char) ('0' + (c - 0xF0));
		}
		key[8] = '\0';
		assert_int_equal(strncmp(line, key, 8), 0);
		rec++;
	}
	fclose(tsv);
	assert_int_equal(rec, 379);
}

/* vb: z/OS RDWs, an empty record, little-endian and excluded lengths. */
static void
test_vb_basic(void **state)
{
	/* "ABC" (RDW 00 07), empty (00 04), "D" (00 05), in EBCDIC */
	const uint8_t zos[] = {0x00, 0x07, 0x00, 0x00, 0xC1, 0xC2, 0xC3,
		0x00, 0x04, 0x00, 0x00,
	0x00, 0x05, 0x00, 0x00, 0xC4};
	/* the same records, little-endian (word reversed), length excluded */
	const uint8_t le[] = {0x00, 0x00, 0x03, 0x00, 0xC1, 0xC2, 0xC3,
		0x00, 0x00, 0x01, 0x00, 0xC4};
	zf_reader_opts o = opts_for(ZF_RECFM_VB);

	(void) state;
	assert_int_equal(read_bytes(zos, sizeof(zos), &o), ZF_EOF);
	assert_int_equal(res.n, 3);
	assert_int_equal(res.length[0], 3);
	assert_int_equal(res.length[1], 0);
	assert_int_equal(res.length[2], 1);
	assert_int_equal(res.offset[1], 7);
	assert_int_equal(res.offset[2], 11);
	assert_int_equal(res.number[2], 3);
	assert_memory_equal(res.all, "\xC1\xC2\xC3\xC4", 4);
	assert_int_equal(read_pipe(zos, sizeof(zos), &o), ZF_EOF);
	assert_int_equal(res.n, 3);

	o.rdw_big_endian = false;
	o.rdw_includes_header = false;
	assert_int_equal(read_bytes(le, sizeof(le), &o), ZF_EOF);
	assert_int_equal(res.n, 2);
	assert_memory_equal(res.all, "\xC1\xC2\xC3\xC4", 4);

	/* header bytes on a pipe are read and dropped */
	{
		uint8_t		withhdr[sizeof(zos) + 5] = "HDR12";

		memcpy(withhdr + 5, zos, sizeof(zos));
		o = opts_for(ZF_RECFM_VB);
		o.header_bytes = 5;
		assert_int_equal(read_pipe(withhdr, sizeof(withhdr), &o), ZF_EOF);
		assert_int_equal(res.n, 3);
		assert_int_equal(res.offset[0], 5);
		assert_int_equal(read_pipe(withhdr, 3, &o), ZF_E_FRAMING);
		/* the error names where the input ended (fuzz_record found -1) */
		assert_string_equal(res.err.message, "input ended within its 5 header bytes");
		assert_int_equal(res.err.offset, 3);
		assert_int_equal(read_pipe(withhdr, 0, &o), ZF_E_FRAMING);
		assert_int_equal(res.err.offset, 0);
	}
}

/* vb: every class of broken RDW names the offset and the bytes. */
static void
test_vb_errors(void **state)
{
	const uint8_t good[] = {0x00, 0x06, 0x00, 0x00, 0xC1, 0xC2};
	uint8_t		buf[64];
	zf_reader_opts o = opts_for(ZF_RECFM_VB);
	const struct
	{
		uint8_t		rdw[4];
		zf_status	status;
		const char *detail;
		const char *hint;
	}			cases[] = {
		{{0x00, 0x00, 0x00, 0x00}, ZF_E_FRAMING, "X'00 00 00 00': the length is zero", NULL},
		{{0x00, 0x03, 0x00, 0x00}, ZF_E_FRAMING,
		"X'00 03 00 00': length 3 is less than the 4 bytes of the descriptor itself",
		"rdw_includes_header"},
		{{0x00, 0x08, 0x00, 0x07}, ZF_E_FRAMING,
		"X'00 08 00 07': a record descriptor has two zero bytes after the length", NULL},
		{{0x00, 0x08, 0x01, 0x00}, ZF_E_FRAMING, "X'00 08 01 00'", "recfm 'vbs'"},
		{{0x00, 0x00, 0x08, 0x00}, ZF_E_FRAMING, "X'00 00 08 00'", "little-endian"},
	};

	(void) state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
	{
		memcpy(buf, good, 6);
		memcpy(buf + 6, cases[i].rdw, 4);
		memset(buf + 10, 0x40, 8);
		assert_int_equal(read_bytes(buf, 18, &o), cases[i].status);
		assert_int_equal(res.n, 1);
		assert_string_equal(res.err.message, "invalid record descriptor at byte offset 6");
		assert_int_equal(res.err.offset, 6);
		if (strstr(res.err.detail, cases[i].detail) == NULL)
			fail_msg("case %zu: detail \"%s\"", i, res.err.detail);
		if (cases[i].hint)
			assert_non_null(strstr(res.err.hint, cases[i].hint));
	}

	/* length beyond the end of the file: a truncated last record */
	memcpy(buf, good, 6);
	memcpy(buf + 6, "\x00\x64\x00\x00", 4);
	memset(buf + 10, 0x40, 10);
	assert_int_equal(read_bytes(buf, 20, &o), ZF_E_FRAMING);
	assert_string_equal(res.err.message,
						"record at byte offset 6 is truncated: 86 bytes missing");
	assert_int_equal(read_pipe(buf, 20, &o), ZF_E_FRAMING);
	assert_string_equal(res.err.message,
						"record at byte offset 6 is truncated: 86 bytes missing");
	/* a descriptor cut short */
	assert_int_equal(read_bytes(buf, 8, &o), ZF_E_FRAMING);
	assert_string_equal(res.err.message,
						"record descriptor at byte offset 6 is truncated: 2 bytes missing");
	/* a record above max_record_length */
	o.max_record_length = 1;
	assert_int_equal(read_bytes(good, 6, &o), ZF_E_LIMIT);
	assert_string_equal(res.err.message,
						"record at byte offset 0 is longer than the maximum record length 1");
	assert_int_equal(res.err.limit, ZF_LIMIT_RECORD_LENGTH);
	assert_non_null(strstr(res.err.detail, "X'00 06 00 00'"));
}

/* ZOS.FCUSTDAT_150.vb.bin: 150 records with the lengths GnuCOBOL saw. */
static void
test_fcustdat(void **state)
{
	static uint8_t bytes[32768];
	size_t		n = load(JRECORD "/ZOS.FCUSTDAT_150.vb.bin", bytes, sizeof(bytes));
	zf_reader_opts o = opts_for(ZF_RECFM_VB);
	const size_t buffers[] = {0, 1, 3, 5, 64, 187, 191, 1000};
	uint32_t	want[150];
	int			nwant = 0;
	FILE	   *tsv = fopen(JRECORD "/ZOS.FCUSTDAT_150.expected.tsv", "r");
	char		line[4096];

	(void) state;
	assert_non_null(tsv);
	while (fgets(line, sizeof(line), tsv) != NULL)
	{
		const char *p = strstr(line, "RDW-LEN=");

		assert_non_null(p);
		assert_true(nwant < 150);
		want[nwant++] = (uint32_t) atoi(p + 8);
	}
	fclose(tsv);
	assert_int_equal(nwant, 150);

	for (size_t b = 0; b < sizeof(buffers) / sizeof(buffers[0]); b++)
	{
		uint32_t	minlen = UINT32_MAX,
					maxlen = 0;

		o.buffer_size = buffers[b];
		assert_int_equal(read_bytes(bytes, n, &o), ZF_EOF);
		assert_int_equal(res.n, 150);
		for (int i = 0; i < 150; i++)
		{
			/* RDW-LEN counts the 4 RDW bytes */
			assert_int_equal(res.length[i] + 4, want[i]);
			/* CUSTOMER-ID, the first 6 bytes, is the record number */
			assert_int_equal((res.data[i][4] - 0xF0) * 10 + (res.data[i][5] - 0xF0),
							 (i + 1) % 100);
			if (res.length[i] + 4 < minlen)
				minlen = res.length[i] + 4;
			if (res.length[i] + 4 > maxlen)
				maxlen = res.length[i] + 4;
		}
		assert_int_equal(minlen, 62);
		assert_int_equal(maxlen, 187);
		assert_int_equal(read_pipe(bytes, n, &o), ZF_EOF);
		assert_int_equal(res.n, 150);
		for (int i = 0; i < 150; i++)
			assert_int_equal(res.length[i] + 4, want[i]);
	}
	/* read as fb it fails at open unless the size happens to divide */
	o = opts_for(ZF_RECFM_FB);
	o.lrecl = 100;
	assert_int_equal(read_bytes(bytes, n, &o), ZF_E_FRAMING);
}

/* Cobrix d02: RDWs excluding their length; LE BDWs around BE RDWs. */
static void
test_cobrix_d02(void **state)
{
	uint8_t		bytes[64];
	size_t		n;
	zf_reader_opts o = opts_for(ZF_RECFM_VB);

	(void) state;
	n = load(COBRIX_D "/d02_v_rdw_and_vb_bdw_rdw_min_max_length/data/rdw_be.dat",
			 bytes, sizeof(bytes));
	o.rdw_includes_header = false;
	assert_int_equal(read_bytes(bytes, n, &o), ZF_EOF);
	assert_int_equal(res.n, 3);
	assert_int_equal(res.length[0], 2);
	assert_int_equal(res.length[1], 3);
	assert_int_equal(res.length[2], 4);
	assert_memory_equal(res.all, "\xF1\xF2\xF3\xF4\xF5\xF6\xF7\xF8\xF9", 9);
	/* with z/OS conventions the first RDW (00 02 00 00) is too short */
	o.rdw_includes_header = true;
	assert_int_equal(read_bytes(bytes, n, &o), ZF_E_FRAMING);
	assert_int_equal(res.err.offset, 0);

	n = load(COBRIX_D "/d02_v_rdw_and_vb_bdw_rdw_min_max_length/data/bdw_le_rdw_be.dat",
			 bytes, sizeof(bytes));
	o = opts_for(ZF_RECFM_VB_BDW);
	o.rdw_includes_header = false;
	o.bdw_big_endian = false;
	o.bdw_includes_header = false;
	assert_int_equal(read_bytes(bytes, n, &o), ZF_EOF);
	assert_int_equal(res.n, 3);
	assert_int_equal(res.length[0], 2);
	assert_int_equal(res.length[2], 4);
	assert_int_equal(res.offset[0], 4);
	assert_memory_equal(res.all, "\xF1\xF2\xF3\xF4\xF5\xF6\xF7\xF8\xF9", 9);
	assert_int_equal(read_pipe(bytes, n, &o), ZF_EOF);
	assert_int_equal(res.n, 3);
}

/* Read a whole file into res with the given descriptor conventions. */
static zf_status
read_path(const char *path, const zf_reader_opts *o)
{
	int			fd = open(path, O_RDONLY);
	zf_status	rc;

	if (fd < 0)
		fail_msg("cannot open %s", path);
	rc = read_all_fd(fd, o);
	close(fd);
	return rc;
}

/*
 * Cobrix's variable-length files: case13 has a 100-byte header and a
 * 120-byte footer around big-endian RDWs (Cobrix reads 20 records);
 * case03/case04 hold the same 1000 records with little-endian and
 * big-endian RDWs that exclude their own length; case14's little-endian
 * RDWs include it.
 */
static void
test_cobrix_vrl(void **state)
{
	zf_reader_opts o = opts_for(ZF_RECFM_VB);
	uint32_t	le_lengths[MAX_RECS];

	(void) state;
	o.header_bytes = 100;
	o.trailer_bytes = 120;
	o.rdw_includes_header = false;
	assert_int_equal(read_path(ZF_SOURCE_DIR "/../shared/conformance/cobrix/case13_vrl_rdw_be_file_header_footer/data/COMP.DETAILS.JUN02.DATA.RDW.BE.dat",
							   &o), ZF_EOF);
	assert_int_equal(res.n, 20);
	assert_int_equal(res.offset[0], 100);
	/* without the header option the first bytes are no RDW */
	o.header_bytes = o.trailer_bytes = 0;
	assert_int_equal(read_path(ZF_SOURCE_DIR "/../shared/conformance/cobrix/case13_vrl_rdw_be_file_header_footer/data/COMP.DETAILS.JUN02.DATA.RDW.BE.dat",
							   &o), ZF_E_FRAMING);

	o.rdw_big_endian = false;
	o.rdw_includes_header = false;
	assert_int_equal(read_path(ZF_SOURCE_DIR "/../shared/conformance/cobrix/case04_vrl_rdw_ebcdic_multiseg_le_be_lenfield/data_rdw_le/COMP.DETAILS.SEP30.DATA.dat",
							   &o), ZF_EOF);
	assert_int_equal(res.n, 1000);
	memcpy(le_lengths, res.length, sizeof(uint32_t) * 1000);
	o.rdw_big_endian = true;
	assert_int_equal(read_path(ZF_SOURCE_DIR "/../shared/conformance/cobrix/case04_vrl_rdw_ebcdic_multiseg_le_be_lenfield/data_rdw_be/COMP.DETAILS.FEB02.DATA.RDW.BE.dat",
							   &o), ZF_EOF);
	assert_int_equal(res.n, 1000);
	assert_memory_equal(res.length, le_lengths, sizeof(uint32_t) * 1000);

	o.rdw_big_endian = false;
	o.rdw_includes_header = true;
	assert_int_equal(read_path(ZF_SOURCE_DIR "/../shared/conformance/cobrix/case14_rdw_adjustments/data/COMP.DETAILS.JUL02.DATA.dat",
							   &o), ZF_EOF);
	assert_int_equal(res.n, 100);
}

/* Cobrix d03: fixed-length files without block descriptors. */
static void
test_cobrix_d03(void **state)
{
	uint8_t		bytes[64];
	size_t		n;
	zf_reader_opts o = opts_for(ZF_RECFM_FB);

	(void) state;
	n = load(COBRIX_D "/d03_fb_fixed_blocked/data/fb_1x2_no_bdw.dat", bytes, sizeof(bytes));
	o.lrecl = 2;
	assert_int_equal(read_bytes(bytes, n, &o), ZF_EOF);
	assert_int_equal(res.n, 2);
	assert_memory_equal(res.all, "\xF0\xF0\xF1\xF1", 4);
	o.lrecl = 1;
	assert_int_equal(read_bytes(bytes, n, &o), ZF_EOF);
	assert_int_equal(res.n, 4);
	n = load(COBRIX_D "/d03_fb_fixed_blocked/data/fb_2x2_no_bdw.dat", bytes, sizeof(bytes));
	o.lrecl = 2;
	assert_int_equal(read_bytes(bytes, n, &o), ZF_EOF);
	assert_int_equal(res.n, 4);
	assert_memory_equal(res.data[3], "\xF3\xF3", 2);
}

/* vb_bdw: blocks of records, extended BDWs, and broken blocks. */
static void
test_vb_bdw(void **state)
{
	/* block 1: BDW 00 12 (4 + 7 + 7), "ABC", "DEF"; block 2: 00 0A, "GH" */
	const uint8_t blocks[] = {0x00, 0x12, 0x00, 0x00,
		0x00, 0x07, 0x00, 0x00, 0xC1, 0xC2, 0xC3,
		0x00, 0x07, 0x00, 0x00, 0xC4, 0xC5, 0xC6,
		0x00, 0x0A, 0x00, 0x00,
	0x00, 0x06, 0x00, 0x00, 0xC7, 0xC8};
	uint8_t		buf[64];
	zf_reader_opts o = opts_for(ZF_RECFM_VB_BDW);

	(void) state;
	assert_int_equal(read_bytes(blocks, sizeof(blocks), &o), ZF_EOF);
	assert_int_equal(res.n, 3);
	assert_int_equal(res.offset[0], 4);
	assert_int_equal(res.offset[1], 11);
	assert_int_equal(res.offset[2], 22);
	assert_memory_equal(res.all, "\xC1\xC2\xC3\xC4\xC5\xC6\xC7\xC8", 8);
	o.buffer_size = 3;
	assert_int_equal(read_pipe(blocks, sizeof(blocks), &o), ZF_EOF);
	assert_int_equal(res.n, 3);
	o.buffer_size = 0;

	/* the same blocks with extended BDWs (high bit set, 31-bit length) */
	memcpy(buf, blocks, sizeof(blocks));
	memcpy(buf, "\x80\x00\x00\x12", 4);
	memcpy(buf + 18, "\x80\x00\x00\x0A", 4);
	assert_int_equal(read_bytes(buf, sizeof(blocks), &o), ZF_EOF);
	assert_int_equal(res.n, 3);

	/* a block too short to hold anything */
	memcpy(buf, "\x00\x04\x00\x00", 4);
	assert_int_equal(read_bytes(buf, 4, &o), ZF_E_FRAMING);
	assert_string_equal(res.err.message, "invalid block descriptor at byte offset 0");
	assert_non_null(strstr(res.err.detail, "block length 4 is less than 8"));
	/* reserved bytes in a non-extended BDW */
	memcpy(buf, blocks, sizeof(blocks));
	buf[21] = 0x01;
	assert_int_equal(read_bytes(buf, sizeof(blocks), &o), ZF_E_FRAMING);
	assert_int_equal(res.n, 2);
	assert_int_equal(res.err.offset, 18);
	assert_non_null(strstr(res.err.detail, "X'00 0A 00 01'"));
	/* a record running past its block: BDW 00 0A holds 6, RDW says 8 */
	memcpy(buf, "\x00\x0A\x00\x00\x00\x08\x00\x00\xC1\xC2\xC3\xC4", 12);
	assert_int_equal(read_bytes(buf, 12, &o), ZF_E_FRAMING);
	assert_string_equal(res.err.message, "invalid record descriptor at byte offset 4");
	assert_non_null(strstr(res.err.detail, "run past the end of its block"));
	/* leftover bytes at the end of a block: 00 0D = 4 + 7 + 2 */
	memcpy(buf, blocks, 18);
	buf[1] = 0x0D;
	assert_int_equal(read_bytes(buf, 18, &o), ZF_E_FRAMING);
	assert_int_equal(res.n, 1);
	assert_string_equal(res.err.message,
						"block at byte offset 0 ends with 2 bytes that cannot hold a descriptor");
	/* a block longer than the file */
	memcpy(buf, blocks, sizeof(blocks));
	buf[1] = 0xFF;
	assert_int_equal(read_bytes(buf, sizeof(blocks), &o), ZF_E_FRAMING);
	assert_non_null(strstr(res.err.detail, "past the end of the file"));
	/* ... and through a pipe, where the size is unknown */
	assert_int_equal(read_pipe(buf, sizeof(blocks), &o), ZF_E_FRAMING);
	assert_int_equal(res.n, 3);
	assert_string_equal(res.err.message,
						"block at byte offset 0 is truncated: 227 bytes missing");
	/* a truncated BDW */
	assert_int_equal(read_bytes(blocks, 20, &o), ZF_E_FRAMING);
	assert_string_equal(res.err.message,
						"block descriptor at byte offset 18 is truncated: 2 bytes missing");
}

/* vbs: complete, first, middle and last segments joined. */
static void
test_vbs(void **state)
{
	/* "ABC" complete; "DE"+"F"+"GH" spanned; "I" complete */
	const uint8_t segs[] = {
		0x00, 0x07, 0x00, 0x00, 'A', 'B', 'C',
		0x00, 0x06, 0x01, 0x00, 'D', 'E',
		0x00, 0x05, 0x03, 0x00, 'F',
		0x00, 0x06, 0x02, 0x00, 'G', 'H',
	0x00, 0x05, 0x00, 0x00, 'I'};
	/* BDW blocks: the spanned record crosses a block; a null segment */
	const uint8_t blocks[] = {
		0x00, 0x11, 0x00, 0x00,
		0x00, 0x07, 0x00, 0x00, 'A', 'B', 'C',
		0x00, 0x06, 0x01, 0x00, 'D', 'E',
		0x00, 0x14, 0x00, 0x00,
		0x00, 0x05, 0x03, 0x00, 'F',
		0x00, 0x06, 0x02, 0x00, 'G', 'H',
		0x80, 0x00, 0x00, 0x00, 0x00,
		0x00, 0x09, 0x00, 0x00,
	0x00, 0x05, 0x00, 0x00, 'I'};
	zf_reader_opts o = opts_for(ZF_RECFM_VBS);

	(void) state;
	assert_int_equal(read_bytes(segs, sizeof(segs), &o), ZF_EOF);
	assert_int_equal(res.n, 3);
	assert_int_equal(res.length[1], 5);
	assert_memory_equal(res.all, "ABCDEFGHI", 9);
	assert_int_equal(res.offset[1], 7);
	assert_int_equal(res.number[2], 3);
	o.buffer_size = 2;
	assert_int_equal(read_pipe(segs, sizeof(segs), &o), ZF_EOF);
	assert_memory_equal(res.all, "ABCDEFGHI", 9);

	o = opts_for(ZF_RECFM_VBS);
	o.vbs_has_bdw = true;
	assert_int_equal(read_bytes(blocks, sizeof(blocks), &o), ZF_EOF);
	assert_int_equal(res.n, 3);
	assert_memory_equal(res.all, "ABCDEFGHI", 9);
	assert_int_equal(res.offset[1], 11);
	assert_int_equal(res.offset[2], 41);
	o.buffer_size = 1;
	assert_int_equal(read_pipe(blocks, sizeof(blocks), &o), ZF_EOF);
	assert_int_equal(res.n, 3);

	/*
	 * Empty segments (fuzz_record: an empty first segment copied zero
	 * bytes to a NULL buffer, undefined behaviour): an empty first
	 * segment, then "GH"; and a record of two empty segments.
	 */
	{
		const uint8_t empty[] = {
			0x00, 0x04, 0x01, 0x00,
			0x00, 0x06, 0x02, 0x00, 'G', 'H',
			0x00, 0x04, 0x01, 0x00,
		0x00, 0x04, 0x02, 0x00};

		o = opts_for(ZF_RECFM_VBS);
		assert_int_equal(read_bytes(empty, sizeof(empty), &o), ZF_EOF);
		assert_int_equal(res.n, 2);
		assert_int_equal(res.length[0], 2);
		assert_int_equal(res.length[1], 0);
		assert_memory_equal(res.all, "GH", 2);
	}
}

/* vbs: segment codes out of order, reserved bits, limits, truncation. */
static void
test_vbs_errors(void **state)
{
	zf_reader_opts o = opts_for(ZF_RECFM_VBS);
	const uint8_t last_first[] = {0x00, 0x05, 0x02, 0x00, 'A'};
	const uint8_t middle_first[] = {0x00, 0x05, 0x03, 0x00, 'A'};
	const uint8_t two_firsts[] = {0x00, 0x05, 0x01, 0x00, 'A',
	0x00, 0x05, 0x01, 0x00, 'B'};
	const uint8_t complete_in[] = {0x00, 0x05, 0x01, 0x00, 'A',
	0x00, 0x05, 0x00, 0x00, 'B'};
	const uint8_t unfinished[] = {0x00, 0x05, 0x01, 0x00, 'A',
	0x00, 0x05, 0x03, 0x00, 'B'};
	const uint8_t bad_code[] = {0x00, 0x05, 0x04, 0x00, 'A'};
	const uint8_t long_span[] = {0x00, 0x07, 0x01, 0x00, 'A', 'B', 'C',
	0x00, 0x07, 0x02, 0x00, 'D', 'E', 'F'};
	const uint8_t bad_null[] = {0x00, 0x0E, 0x00, 0x00,
		0x00, 0x05, 0x00, 0x00, 'A',
	0x80, 0x00, 0x00, 0x00, 0x01};

	(void) state;
	assert_int_equal(read_bytes(last_first, 5, &o), ZF_E_FRAMING);
	assert_string_equal(res.err.message, "spanned segments out of order at byte offset 0");
	assert_non_null(strstr(res.err.detail, "a last segment, without a first segment"));
	assert_int_equal(read_bytes(middle_first, 5, &o), ZF_E_FRAMING);
	assert_int_equal(read_bytes(two_firsts, 10, &o), ZF_E_FRAMING);
	assert_int_equal(res.err.offset, 5);
	assert_non_null(strstr(res.err.detail, "begun at byte offset 0"));
	assert_int_equal(read_bytes(complete_in, 10, &o), ZF_E_FRAMING);
	assert_int_equal(read_bytes(unfinished, 10, &o), ZF_E_FRAMING);
	assert_string_equal(res.err.message,
						"spanned record at byte offset 0 is truncated: its last segment is missing");
	assert_int_equal(read_bytes(bad_code, 5, &o), ZF_E_FRAMING);
	assert_string_equal(res.err.message, "invalid segment descriptor at byte offset 0");
	o.max_record_length = 5;
	assert_int_equal(read_bytes(long_span, 14, &o), ZF_E_LIMIT);
	assert_string_equal(res.err.message,
						"spanned record at byte offset 0 is longer than the maximum record length 5");
	assert_int_equal(res.err.limit, ZF_LIMIT_RECORD_LENGTH);
	o.max_record_length = 0;
	o.vbs_has_bdw = true;
	assert_int_equal(read_bytes(bad_null, 14, &o), ZF_E_FRAMING);
	assert_int_equal(res.n, 1);
	assert_int_equal(res.err.offset, 13);
}

/* text: LF, CR LF, empty lines, last line without terminator, EBCDIC. */
static void
test_text(void **state)
{
	const char *ascii = "ab\ncd\r\n\nlast";
	const uint8_t ebcdic_nl[] = {0xC1, 0x15, 0xC2, 0x0D, 0x15, 0xC3};
	const uint8_t ebcdic_lf[] = {0xC1, 0x0D, 0x25, 0xC2, 0x25};
	zf_reader_opts o = opts_for(ZF_RECFM_TEXT);
	const size_t buffers[] = {0, 1, 2, 5};

	(void) state;
	for (size_t b = 0; b < sizeof(buffers) / sizeof(buffers[0]); b++)
	{
		o.buffer_size = buffers[b];
		assert_int_equal(read_bytes((const uint8_t *) ascii, strlen(ascii), &o), ZF_EOF);
		assert_int_equal(res.n, 4);
		assert_int_equal(res.length[0], 2);
		assert_int_equal(res.length[1], 2);
		assert_int_equal(res.length[2], 0);
		assert_int_equal(res.length[3], 4);
		assert_int_equal(res.offset[3], 8);
		assert_memory_equal(res.all, "abcdlast", 8);
		assert_int_equal(read_pipe((const uint8_t *) ascii, strlen(ascii), &o), ZF_EOF);
		assert_int_equal(res.n, 4);
	}
	o.buffer_size = 0;
	/* X'15' (NL): a CR before it is data */
	o.text_terminator = 0x15;
	assert_int_equal(read_bytes(ebcdic_nl, sizeof(ebcdic_nl), &o), ZF_EOF);
	assert_int_equal(res.n, 3);
	assert_int_equal(res.length[1], 2);
	/* X'25' (EBCDIC LF): a CR before it is dropped */
	o.text_terminator = 0x25;
	assert_int_equal(read_bytes(ebcdic_lf, sizeof(ebcdic_lf), &o), ZF_EOF);
	assert_int_equal(res.n, 2);
	assert_int_equal(res.length[0], 1);
	/* a line longer than the limit */
	o.text_terminator = 0x0A;
	o.max_record_length = 3;
	assert_int_equal(read_bytes((const uint8_t *) "ab\nabcdefgh\n", 12, &o), ZF_E_LIMIT);
	assert_int_equal(res.err.limit, ZF_LIMIT_RECORD_LENGTH);
	assert_int_equal(res.n, 1);
	assert_int_equal(res.err.offset, 3);
	o.buffer_size = 1;
	assert_int_equal(read_bytes((const uint8_t *) "abcdefghijkl", 12, &o), ZF_E_LIMIT);
	assert_int_equal(res.err.limit, ZF_LIMIT_RECORD_LENGTH);
	/* exactly at the limit, with and without CR */
	assert_int_equal(read_bytes((const uint8_t *) "abc\r\nabc\n", 9, &o), ZF_EOF);
	assert_int_equal(res.n, 2);
}

/* A file shorter than the size it had at open is an error. */
static void
test_shrunk_file(void **state)
{
	const uint8_t vb[20] = {0x00, 0x05, 0x00, 0x00, 'A', 0x00, 0x05, 0x00, 0x00, 'B'};
	zf_reader_opts o = opts_for(ZF_RECFM_VB);
	int			fd = temp_file(vb, sizeof(vb));
	zf_byte_source *src = source_of(fd);

	(void) state;
	/* the size at open (as fstat saw it) is larger than what is left */
	assert_int_equal(ftruncate(fd, 10), 0);
	assert_int_equal(read_all_source(src, &o), ZF_E_IO);
	assert_int_equal(res.n, 2);
	assert_string_equal(res.err.message, "file ended at byte 10, before its size of 20 bytes");
	o = opts_for(ZF_RECFM_FB);
	o.lrecl = 5;
	assert_int_equal(read_all_source(src, &o), ZF_E_IO);
	assert_int_equal(res.n, 2);
	zf_bytes_close(src, NULL);
	close(fd);
}

/*
 * Random bytes through every format end in EOF or an error after a bounded
 * number of records: no loops, no crashes.
 */
static void
test_random_input(void **state)
{
	static uint8_t bytes[4096];
	uint32_t	seed = 12345;
	const zf_recfm formats[] = {ZF_RECFM_VB, ZF_RECFM_VB_BDW, ZF_RECFM_VBS,
	ZF_RECFM_TEXT};

	(void) state;
	for (int round = 0; round < 200; round++)
	{
		size_t		n = 1 + round * 19 % sizeof(bytes);

		for (size_t i = 0; i < n; i++)
		{
			seed = seed * 1103515245 + 12345;
			/* bias towards small bytes so that descriptors often parse */
			bytes[i] = (uint8_t) ((seed >> 16) % (round % 2 ? 256 : 12));
		}
		for (size_t f = 0; f < sizeof(formats) / sizeof(formats[0]); f++)
		{
			zf_reader_opts o = opts_for(formats[f]);
			zf_status	st;

			o.vbs_has_bdw = round % 3 == 0;
			o.rdw_includes_header = round % 4 != 1;
			o.bdw_includes_header = round % 5 != 1;
			o.buffer_size = 1 + round % 50;
			st = read_bytes(bytes, n, &o);
			assert_true(st != ZF_OK);
			assert_true((size_t) res.n <= n);
		}
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fb_basic),
		cmocka_unit_test(test_fb_bad_size),
		cmocka_unit_test(test_fb_range),
		cmocka_unit_test(test_fb_seek),
		cmocka_unit_test(test_runs_match_next),
		cmocka_unit_test(test_dtar020),
		cmocka_unit_test(test_vb_basic),
		cmocka_unit_test(test_vb_errors),
		cmocka_unit_test(test_fcustdat),
		cmocka_unit_test(test_cobrix_d02),
		cmocka_unit_test(test_cobrix_d03),
		cmocka_unit_test(test_cobrix_vrl),
		cmocka_unit_test(test_vb_bdw),
		cmocka_unit_test(test_vbs),
		cmocka_unit_test(test_vbs_errors),
		cmocka_unit_test(test_text),
		cmocka_unit_test(test_shrunk_file),
		cmocka_unit_test(test_random_input),
	};

	return cmocka_run_group_tests_name("record", tests, NULL, NULL);
}
