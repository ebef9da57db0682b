/*-------------------------------------------------------------------------
 *
 * fuzz_iebcopy.c
 *	  libFuzzer target for standalone IEBCOPY unload files (archive/
 *	  unload_file.c over iebcopy.c and deblock.c): recognition by content,
 *	  the record and segment descriptors with or without block
 *	  descriptors, the listing, members by glob.
 *
 * fuzz-max-len: 16384
 * fuzz-requires: src/core/archive/unload_file.c
 *
 * Input: 1 option byte (member glob, RECFM override, read step), then the
 * file.
 *
 * Invariants: every call ends with a proper error value; the listing's
 * names are terminated; a source hands out at most twice the input's
 * bytes plus a descriptor per block (U blocks get a 4-byte RDW, and a
 * block needs a 12-byte header of the unload); the member of an offset is
 * a terminated name.
 *
 *-------------------------------------------------------------------------
 */
#include "fuzz_common.h"
#include "fuzz_archive_mem.h"

#include "archive/archive.h"

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static uint64_t rows;
static size_t input_len;

/* Rows of the listing: terminated names, bounded counts. */
static zf_status
member_cb(void *arg, const zf_xmit_file *f, const zf_pds_member *m,
		  zf_error *err)
{
	(void) arg;
	(void) err;
	rows++;
	FUZZ_CHECK(f->number == 1 && f->partitioned, "an unload's library is file 1, partitioned");
	FUZZ_CHECK(fuzz_strnlen(f->fmt.recfm, sizeof(f->fmt.recfm)) < sizeof(f->fmt.recfm),
			   "recfm not terminated");
	if (m != NULL)
	{
		FUZZ_CHECK(fuzz_strnlen(m->name, sizeof(m->name)) < sizeof(m->name) &&
				   fuzz_strnlen(m->user, sizeof(m->user)) < sizeof(m->user),
				   "member text not terminated");
		FUZZ_CHECK(m->bytes <= input_len, "a member of more bytes than the file");
	}
	return ZF_OK;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const globs[] = {"*", "A*", "?[!B]*", "JES2HIST"};
	static const char *const recfms[] = {NULL, NULL, "FB", "VB", "U", "F", NULL, NULL};
	fuzz_input	in = {data, size};
	uint8_t		opt = fuzz_u8(&in);
	zf_byte_source *src;
	zf_byte_source *us;
	zf_xmit_opts o;
	zf_error	err;
	zf_status	st;

	input_len = in.n;
	rows = 0;
	(void) zf_unload_detect(in.p, in.n);

	/* the listing */
	src = fuzz_mem_source_open(in.p, in.n, (opt & 0x80) ? 3 : 0);
	zf_error_clear(&err);
	st = zf_unload_file_contents(src, member_cb, NULL, &err);
	fuzz_check_error(st, &err, "unload_file_contents");
	zf_bytes_close(src, NULL);

	/* members */
	memset(&o, 0, sizeof(o));
	o.member = globs[opt & 0x03];
	o.recfm = recfms[(opt >> 2) & 0x07];
	o.lrecl = o.recfm && o.recfm[0] == 'F' ? 80 : 0;
	src = fuzz_mem_source_open(in.p, in.n, (opt & 0x80) ? 0 : 5);
	zf_error_clear(&err);
	us = zf_unload_source_open(src, &o, &err);
	if (us == NULL)
	{
		fuzz_check_error(err.status, &err, "unload_source_open");
		FUZZ_CHECK(err.status != ZF_OK, "no source and no error");
		zf_bytes_close(src, NULL);
		return 0;
	}
	{
		zf_archive_desc d;
		uint64_t	out;

		FUZZ_CHECK(zf_archive_describe(us, &d) && d.kind == ZF_CONTAINER_IEBCOPY,
				   "an unload source not described");
		zf_error_clear(&err);
		out = fuzz_drain(us, &st, &err);
		fuzz_check_error(st, &err, "unload source");
		FUZZ_CHECK(out <= 2 * (uint64_t) in.n + 4, "%llu bytes out of a %zu-byte file",
				   (unsigned long long) out, in.n);
		if (out > 0)
		{
			const char *m = zf_archive_member_at(us, out - 1);

			FUZZ_CHECK(m == NULL || strlen(m) <= 8, "a member name too long");
		}
	}
	zf_bytes_close(us, NULL);
	return 0;
}
