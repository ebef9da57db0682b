/*-------------------------------------------------------------------------
 *
 * fuzz_tape.c
 *	  libFuzzer target for the tape images of archive/ (awstape.c,
 *	  tape_labels.c, tape_source.c, deblock.c, iebcopy.c): chunk headers,
 *	  HET zlib and bzip2 blocks, standard labels, deblocking by every
 *	  RECFM, volumes continued (the input again as the next volume), and
 *	  IEBCOPY unloads read by member.
 *
 * fuzz-max-len: 16384
 * fuzz-requires: src/core/archive/tape_source.c
 *
 * Input: 4 option bytes (file and name, RECFM, LRECL, read step and
 * member), then the image.
 *
 * Invariants: every call ends (EOF or an error) with a proper error
 * value; tape_contents' counts are bounded by the image (a block inflates
 * to at most 65535 bytes, a chunk header is 6 bytes); a source hands out
 * no more than its blocks can hold; the member of an offset is a
 * terminated name or none.
 *
 *-------------------------------------------------------------------------
 */
#include "fuzz_common.h"
#include "fuzz_archive_mem.h"

#include "archive/archive.h"

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static size_t image_len;
static uint64_t files_seen;

/* tape_contents' rows: bounded by the image. */
static zf_status
file_cb(void *arg, const zf_tape_file *f, zf_error *err)
{
	(void) arg;
	(void) err;
	files_seen++;
	FUZZ_CHECK(files_seen <= image_len / 6 + 1, "more files than headers");
	FUZZ_CHECK(f->blocks <= image_len / 6, "more blocks than headers");
	FUZZ_CHECK(f->bytes <= f->blocks * 65535, "a block above 65535 bytes");
	FUZZ_CHECK(f->blocks == 0 || (f->min_block >= 1 && f->min_block <= f->max_block),
			   "block sizes out of order");
	FUZZ_CHECK(fuzz_strnlen(f->dsname, sizeof(f->dsname)) < sizeof(f->dsname) &&
			   fuzz_strnlen(f->fmt.recfm, sizeof(f->fmt.recfm)) < sizeof(f->fmt.recfm) &&
			   fuzz_strnlen(f->jobstep, sizeof(f->jobstep)) < sizeof(f->jobstep),
			   "label text not terminated");
	return ZF_OK;
}

typedef struct volumes
{
	const uint8_t *p;
	size_t		n;
	int			left;
} volumes;

/* The next volume: the same image again, once. */
static zf_byte_source *
next_volume(void *arg, zf_error *err)
{
	volumes    *v = arg;

	(void) err;
	if (v->left-- <= 0)
		return NULL;
	return fuzz_mem_source_open(v->p, v->n, 0);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const recfms[] = {NULL, "FB", "VB", "VBS", "U", "F", "V", "VS"};
	fuzz_input	in = {data, size};
	uint8_t		which = fuzz_u8(&in);
	uint8_t		rf = fuzz_u8(&in);
	uint8_t		lrecl = fuzz_u8(&in);
	uint8_t		step = fuzz_u8(&in);
	zf_byte_source *src;
	zf_byte_source *ts;
	zf_tape_opts o;
	zf_tape_file f;
	volumes		v = {in.p, in.n, 1};
	zf_error	err;
	zf_status	st;

	image_len = in.n;
	files_seen = 0;

	/* the listing */
	src = fuzz_mem_source_open(in.p, in.n, (step & 0x0F) + 1);
	zf_error_clear(&err);
	st = zf_tape_contents(src, file_cb, NULL, &err);
	fuzz_check_error(st, &err, "tape_contents");
	zf_bytes_close(src, NULL);

	/* one data set, deblocked */
	memset(&o, 0, sizeof(o));
	o.file = which & 0x03;
	o.dsname = (which & 0x04) ? "ZF.TEST.FB" : NULL;
	o.recfm = recfms[rf % 8];
	o.lrecl = lrecl % 41;
	o.member = (step & 0x80) ? "*" : (step & 0x40) ? "A?[!B]*" : NULL;
	o.next_volume = next_volume;
	o.next_volume_arg = &v;
	src = fuzz_mem_source_open(in.p, in.n, (step & 0x30) ? 0 : 3);
	zf_error_clear(&err);
	ts = zf_tape_source_open(src, &o, &f, &err);
	if (ts == NULL)
	{
		fuzz_check_error(err.status, &err, "tape_source_open");
		FUZZ_CHECK(err.status != ZF_OK, "no source and no error");
		zf_bytes_close(src, NULL);
		return 0;
	}
	{
		uint64_t	out;
		zf_archive_desc d;

		FUZZ_CHECK(zf_archive_describe(ts, &d), "an archive source not described");
		zf_error_clear(&err);
		out = fuzz_drain(ts, &st, &err);
		fuzz_check_error(st, &err, "tape source");
		/* each block: at most 65535 bytes plus a 4-byte prefix, and each
		 * needs a 6-byte header of the image (or of its second volume) */
		FUZZ_CHECK(out <= (2 * in.n / 6 + 1) * (65535 + 4),
				   "%llu bytes out of a %zu-byte image", (unsigned long long) out, in.n);
		if (out > 0)
		{
			const char *m = zf_archive_member_at(ts, out - 1);

			FUZZ_CHECK(m == NULL || strlen(m) <= 8, "a member name too long");
		}
	}
	zf_bytes_close(ts, NULL);
	return 0;
}
