/*-------------------------------------------------------------------------
 *
 * fuzz_record.c
 *	  libFuzzer target for record_reader.c: fb, vb, vb_bdw, vbs (with and
 *	  without BDWs) and text framing with fuzzer-chosen options, read
 *	  through the real read path, a byte source over a memfd (a regular
 *	  file of known size, ranged reads) and over a pipe (read in order,
 *	  size unknown), with buffer sizes down to one byte.
 *
 * fuzz-max-len: 4096
 *
 * Input: 12 option bytes, then the file's bytes.
 *
 * Invariants: the reader ends (EOF or an error) after at most one record
 * per input byte; every record lies inside the file, in order, numbered
 * one by one, no longer than max_record_length; fb, vb and text records
 * are the file's bytes at the offset the reader names; errors are set
 * properly, name an offset inside the file, and stick; the number of fb
 * records is what zf_fb_record_count says; and the file read through a
 * pipe with a large buffer gives the same records as through a memfd with
 * the fuzzed one; reading by runs (zf_reader_next_run, fb hands out every
 * whole record in its buffer) gives the same records and end as reading
 * one by one.
 *
 *-------------------------------------------------------------------------
 */
#define _GNU_SOURCE
#include "fuzz_common.h"

#include <errno.h>
#include <fcntl.h>
#include <sys/mman.h>
#include <unistd.h>

#include "io/byte_source.h"
#include "records/record_reader.h"

#define MAX_KEEP	4096		/* records remembered for the comparison */

/* What one complete read produced. */
typedef struct read_result
{
	zf_status	end;			/* ZF_EOF or the error */
	zf_error	err;
	size_t		n;
	uint32_t	length[MAX_KEEP];
	uint64_t	offset[MAX_KEEP];
	uint64_t	hash[MAX_KEEP];
} read_result;

static read_result res_file,
			res_pipe,
			res_runs;

/* FNV-1a over a record's bytes. */
static uint64_t
hash_bytes(const uint8_t *p, size_t n)
{
	uint64_t	h = UINT64_C(1469598103934665603);

	for (size_t i = 0; i < n; i++)
		h = (h ^ p[i]) * UINT64_C(1099511628211);
	return h;
}

/* A file descriptor that reads back these bytes. */
static int
make_fd(const uint8_t *data, size_t size, bool pipe_fd)
{
	if (pipe_fd)
	{
		int			p[2];

		/* the input fits the pipe (max_len is below its 64 KiB) */
		if (pipe2(p, O_CLOEXEC) != 0)
			abort();
		fcntl(p[1], F_SETPIPE_SZ, 1024 * 1024);
		if (size > 0 && write(p[1], data, size) != (ssize_t) size)
			abort();
		close(p[1]);
		return p[0];
	}
	else
	{
		int			fd = memfd_create("fuzz_record", MFD_CLOEXEC);

		if (fd < 0)
			abort();
		if (size > 0 && write(fd, data, size) != (ssize_t) size)
			abort();
		return fd;
	}
}

/*
 * Read every record; check each against the file.  first_number is the
 * number the first record must carry (after a seek or a range start).
 */
static void
read_all(const uint8_t *data, size_t size, const zf_reader_opts *o,
		 bool pipe_fd, bool by_runs, int64_t seek_to, read_result *res)
{
	uint32_t	run_left = 0;
	int			fd = make_fd(data, size, pipe_fd);
	zf_byte_source *src;
	uint64_t	maxrec = o->max_record_length ? o->max_record_length : ZF_DEFAULT_MAX_RECORD;
	uint64_t	expect_number = 1;
	uint64_t	last_offset = 0;
	uint64_t	last_pos = 0;
	zf_reader  *r;
	zf_record	rec;
	zf_status	st;

	res->n = 0;
	zf_error_clear(&res->err);
	src = zf_fd_source_open(fd, "fuzz input", true, &res->err);
	if (src == NULL)
		abort();
	FUZZ_CHECK(zf_bytes_size(src) == (pipe_fd ? -1 : (int64_t) size),
			   "source size %lld for a %zu-byte %s", (long long) zf_bytes_size(src),
			   size, pipe_fd ? "pipe" : "memfd");
	r = zf_reader_open(src, o, &res->err);
	if (r == NULL)
	{
		res->end = res->err.status;
		fuzz_check_error(res->end, &res->err, "reader_open");
		FUZZ_CHECK(res->end != ZF_OK && res->end != ZF_EOF, "open failed with %s",
				   zf_status_name(res->end));
		zf_bytes_close(src, NULL);
		return;
	}
	if (o->recfm == ZF_RECFM_FB && o->range_start)
		expect_number = o->range_start / o->lrecl + 1;
	if (seek_to >= 0)
	{
		st = zf_reader_seek_record(r, (uint64_t) seek_to, &res->err);
		fuzz_check_error(st, &res->err, "reader_seek_record");
		if (st == ZF_OK)
			expect_number = (uint64_t) seek_to + 1;
		else
		{
			res->end = st;
			zf_reader_close(r);
			zf_bytes_close(src, NULL);
			return;
		}
	}

	for (;;)
	{
		if (run_left > 0)
		{
			/* the rest of a run: the records that follow, by pointer */
			rec.data += rec.length;
			rec.offset += rec.length;
			rec.number++;
			run_left--;
		}
		else if (by_runs)
		{
			uint32_t	count = 0;

			memset(&rec, 0, sizeof(rec));
			zf_error_clear(&res->err);
			st = zf_reader_next_run(r, &rec, &count, &res->err);
			if (st != ZF_OK)
				break;
			FUZZ_CHECK(count >= 1 && (count == 1 || o->recfm == ZF_RECFM_FB),
					   "a run of %u records in a format that has none", count);
			run_left = count - 1;
		}
		else
		{
			memset(&rec, 0, sizeof(rec));
			zf_error_clear(&res->err);
			st = zf_reader_next(r, &rec, &res->err);
			if (st != ZF_OK)
				break;
		}
		FUZZ_CHECK(res->n <= size + 1, "more records (%zu) than bytes (%zu): a loop",
				   res->n, size);
		FUZZ_CHECK(rec.length <= maxrec, "record of %u bytes above the maximum %llu",
				   rec.length, (unsigned long long) maxrec);
		FUZZ_CHECK(rec.number == expect_number, "record number %llu, expected %llu",
				   (unsigned long long) rec.number, (unsigned long long) expect_number);
		FUZZ_CHECK(rec.offset < size || (rec.length == 0 && rec.offset <= size),
				   "record offset %llu outside the %zu-byte file",
				   (unsigned long long) rec.offset, size);
		FUZZ_CHECK(res->n == 0 || rec.offset > last_offset,
				   "record offsets do not increase");
		FUZZ_CHECK(rec.length == 0 || rec.data != NULL, "record without data");
		switch (o->recfm)
		{
			case ZF_RECFM_FB:
				FUZZ_CHECK(rec.length == o->lrecl, "fb record of %u bytes", rec.length);
				FUZZ_CHECK(rec.offset + rec.length <= size &&
						   memcmp(rec.data, data + rec.offset, rec.length) == 0,
						   "fb record is not the file's bytes");
				break;
			case ZF_RECFM_VB:
			case ZF_RECFM_VB_BDW:
				FUZZ_CHECK(rec.offset + 4 + rec.length <= size &&
						   memcmp(rec.data, data + rec.offset + 4, rec.length) == 0,
						   "vb record is not the file's bytes after its RDW");
				break;
			case ZF_RECFM_TEXT:
				FUZZ_CHECK(rec.offset + rec.length <= size &&
						   memcmp(rec.data, data + rec.offset, rec.length) == 0,
						   "text record is not the file's bytes");
				FUZZ_CHECK(memchr(rec.data, o->text_terminator, rec.length) == NULL,
						   "text record holds its terminator");
				break;
			case ZF_RECFM_VBS:
				FUZZ_CHECK(rec.length <= size, "spanned record longer than the file");
				break;
		}
		/* touch every byte: ASan checks the pointer's whole extent */
		if (rec.length > 0)
			(void) hash_bytes(rec.data, rec.length);
		FUZZ_CHECK(zf_reader_position(r) >= last_pos &&
				   zf_reader_position(r) <= size,
				   "reader position %llu", (unsigned long long) zf_reader_position(r));
		last_pos = zf_reader_position(r);
		if (res->n < MAX_KEEP)
		{
			res->length[res->n] = rec.length;
			res->offset[res->n] = rec.offset;
			res->hash[res->n] = hash_bytes(rec.data, rec.length);
		}
		res->n++;
		last_offset = rec.offset;
		expect_number++;
	}
	res->end = st;
	fuzz_check_error(st, &res->err, "reader_next");
	if (st != ZF_EOF)
	{
		zf_error	again;

		FUZZ_CHECK(st != ZF_OK, "impossible");
		if (st == ZF_E_FRAMING)
			FUZZ_CHECK(res->err.offset >= 0 && (uint64_t) res->err.offset <= size,
					   "framing error at offset %lld of a %zu-byte file",
					   (long long) res->err.offset, size);
		zf_error_clear(&again);
		FUZZ_CHECK(zf_reader_next(r, &rec, &again) == st && again.status == st,
				   "the error does not stick");
	}
	else
		FUZZ_CHECK(zf_reader_next(r, &rec, NULL) == ZF_EOF, "EOF does not stick");

	/* a whole fb file: as many records as the size says */
	if (o->recfm == ZF_RECFM_FB && st == ZF_EOF && !pipe_fd && seek_to < 0 &&
		o->range_start == 0 && o->range_end == 0)
	{
		uint64_t	count = 0;
		zf_error	err;
		zf_status	cst;

		zf_error_clear(&err);
		cst = zf_fb_record_count((int64_t) size, o, &count, &err);
		fuzz_check_error(cst, &err, "fb_record_count");
		FUZZ_CHECK(cst == ZF_OK && count == res->n,
				   "fb_record_count %llu, records read %zu",
				   (unsigned long long) count, res->n);
	}
	zf_reader_close(r);
	zf_bytes_close(src, NULL);
}

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_input	in = {data, size};
	zf_reader_opts o;
	uint8_t		recfm = fuzz_u8(&in);
	uint8_t		flags = fuzz_u8(&in);
	uint16_t	lrecl = fuzz_u16(&in);
	uint8_t		header = fuzz_u8(&in);
	uint8_t		trailer = fuzz_u8(&in);
	uint16_t	maxrec = fuzz_u16(&in);
	uint8_t		bufsize = fuzz_u8(&in);
	uint8_t		range = fuzz_u8(&in);
	uint8_t		seek = fuzz_u8(&in);
	uint8_t		term = fuzz_u8(&in);
	const uint8_t *file;
	size_t		fsize;
	bool		regular_only;

	zf_reader_opts_init(&o, (zf_recfm) (recfm % 6));	/* 5: invalid */
	o.rdw_big_endian = !(flags & 0x01);
	o.rdw_includes_header = !(flags & 0x02);
	o.bdw_big_endian = !(flags & 0x04);
	o.bdw_includes_header = !(flags & 0x08);
	o.vbs_has_bdw = flags & 0x10;
	o.lrecl = lrecl % 512;
	o.header_bytes = (flags & 0x20) ? header % 32 : 0;
	o.trailer_bytes = (flags & 0x40) ? trailer % 32 : 0;
	o.max_record_length = maxrec;	/* 0: the default */
	o.buffer_size = bufsize;		/* 1..255 bytes, or (rarely: slow) */
	if (bufsize == 0)
		o.buffer_size = (flags & 0x80) ? 0 : 4096;	/* the default 1 MiB */
	o.text_terminator = term & 1 ? 0x15 : 0x0A;
	if (term & 0x80)
		o.text_terminator = term;
	if ((flags & 0x80) && o.lrecl > 0)
	{
		o.range_start = (uint64_t) (range & 0x0F) * o.lrecl;
		o.range_end = (range >> 4) ? o.range_start + (range >> 4) * 7 : 0;
	}

	file = fuzz_dup(in.p, in.n);
	fsize = in.n;
	read_all(file, fsize, &o, false, false,
			 (seek & 0x80) && o.recfm == ZF_RECFM_FB ? (int64_t) (seek & 0x7F) : -1,
			 &res_file);

	/* reading by runs (zf_reader_next_run) gives the same records and end */
	read_all(file, fsize, &o, false, true,
			 (seek & 0x80) && o.recfm == ZF_RECFM_FB ? (int64_t) (seek & 0x7F) : -1,
			 &res_runs);
	FUZZ_CHECK(res_runs.n == res_file.n && res_runs.end == res_file.end,
			   "by runs %zu records ending %s, one by one %zu ending %s",
			   res_runs.n, zf_status_name(res_runs.end), res_file.n,
			   zf_status_name(res_file.end));
	for (size_t i = 0; i < res_file.n && i < MAX_KEEP; i++)
		FUZZ_CHECK(res_file.length[i] == res_runs.length[i] &&
				   res_file.offset[i] == res_runs.offset[i] &&
				   res_file.hash[i] == res_runs.hash[i],
				   "record %zu differs between runs and one by one", i + 1);

	/*
	 * The same bytes through a pipe with a large buffer give the same
	 * records, as long as nothing needs the file's size.  Errors may come
	 * at a different point (a pipe learns late that the data is short),
	 * so records are compared up to the shorter read.
	 */
	regular_only = o.trailer_bytes > 0 || o.range_start > 0 || o.range_end > 0 ||
		(seek & 0x80);
	if (!regular_only)
	{
		zf_reader_opts po = o;

		po.buffer_size = 65536;	/* larger than any input: one read */
		read_all(file, fsize, &po, true, false, -1, &res_pipe);
		if (res_file.end == ZF_EOF && res_pipe.end == ZF_EOF)
			FUZZ_CHECK(res_file.n == res_pipe.n, "memfd read %zu records, pipe %zu",
					   res_file.n, res_pipe.n);
		for (size_t i = 0; i < res_file.n && i < res_pipe.n && i < MAX_KEEP; i++)
			FUZZ_CHECK(res_file.length[i] == res_pipe.length[i] &&
					   res_file.offset[i] == res_pipe.offset[i] &&
					   res_file.hash[i] == res_pipe.hash[i],
					   "record %zu differs between memfd and pipe", i + 1);
		if (o.recfm != ZF_RECFM_FB)
			FUZZ_CHECK((res_file.end == ZF_EOF) == (res_pipe.end == ZF_EOF) ||
					   res_file.end == ZF_E_LIMIT || res_pipe.end == ZF_E_LIMIT,
					   "memfd ends with %s, pipe with %s",
					   zf_status_name(res_file.end), zf_status_name(res_pipe.end));
	}
	free((void *) file);
	return 0;
}
