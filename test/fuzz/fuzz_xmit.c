/*-------------------------------------------------------------------------
 *
 * fuzz_xmit.c
 *	  libFuzzer target for the TSO TRANSMIT files of archive/ (netdata.c,
 *	  xmit_source.c, iebcopy.c, deblock.c): segments, control records and
 *	  text units, sequential data sets, IEBCOPY unloads with their
 *	  directories and ISPF statistics, members by glob.
 *
 * fuzz-max-len: 16384
 * fuzz-requires: src/core/archive/xmit_source.c
 *
 * Input: 2 option bytes (member glob and read step, RECFM), then the file.
 *
 * Invariants: every call ends with a proper error value; the listing's
 * strings are terminated and its dates well-formed; a source hands out
 * at most three bytes per input byte (a record of one byte needs a
 * 3-byte segment and gets a 4-byte descriptor).
 *
 *-------------------------------------------------------------------------
 */
#include "fuzz_common.h"
#include "fuzz_archive_mem.h"

#include "archive/archive.h"

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Rows of xmit_contents: terminated, dates of the right shape. */
static zf_status
member_cb(void *arg, const zf_xmit_file *f, const zf_pds_member *m,
		  zf_error *err)
{
	(void) arg;
	(void) err;
	FUZZ_CHECK(fuzz_strnlen(f->dsname, sizeof(f->dsname)) < sizeof(f->dsname) &&
			   fuzz_strnlen(f->fmt.recfm, sizeof(f->fmt.recfm)) < sizeof(f->fmt.recfm) &&
			   fuzz_strnlen(f->utility, sizeof(f->utility)) < sizeof(f->utility),
			   "file text not terminated");
	if (m == NULL)
		return ZF_OK;
	FUZZ_CHECK(strlen(m->name) <= 8 && strlen(m->user) <= 8, "member text too long");
	if (m->has_stats)
	{
		FUZZ_CHECK(strlen(m->created) == 10 && m->created[4] == '-',
				   "created date \"%s\"", m->created);
		FUZZ_CHECK(strlen(m->changed) == 19 && m->changed[13] == ':',
				   "changed time \"%s\"", m->changed);
	}
	return ZF_OK;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const members[] = {NULL, "*", "A*", "[!A-M]?*"};
	static const char *const recfms[] = {NULL, NULL, "FB", "VB", "U", "F"};
	fuzz_input	in = {data, size};
	uint8_t		opt = fuzz_u8(&in);
	uint8_t		rf = fuzz_u8(&in);
	zf_byte_source *src;
	zf_byte_source *xs;
	zf_xmit_info info;
	zf_xmit_opts o;
	zf_error	err;
	zf_status	st;

	src = fuzz_mem_source_open(in.p, in.n, (opt >> 4) + 1);
	zf_error_clear(&err);
	st = zf_xmit_contents(src, &info, member_cb, NULL, &err);
	fuzz_check_error(st, &err, "xmit_contents");
	zf_bytes_close(src, NULL);

	memset(&o, 0, sizeof(o));
	o.member = members[opt & 0x03];
	o.recfm = recfms[rf % 6];
	o.lrecl = (rf >> 3) % 90;
	o.dsname = (opt & 0x04) ? "ZF.LIB" : NULL;
	src = fuzz_mem_source_open(in.p, in.n, (opt & 0x08) ? 1 : 0);
	zf_error_clear(&err);
	xs = zf_xmit_source_open(src, &o, &err);
	if (xs == NULL)
	{
		fuzz_check_error(err.status, &err, "xmit_source_open");
		FUZZ_CHECK(err.status != ZF_OK, "no source and no error");
		zf_bytes_close(src, NULL);
		return 0;
	}
	{
		uint64_t	out;

		zf_error_clear(&err);
		out = fuzz_drain(xs, &st, &err);
		fuzz_check_error(st, &err, "xmit source");
		FUZZ_CHECK(out <= 3 * (uint64_t) in.n, "%llu bytes out of %zu",
				   (unsigned long long) out, in.n);
	}
	zf_bytes_close(xs, NULL);
	return 0;
}
