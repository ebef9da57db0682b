/*-------------------------------------------------------------------------
 *
 * test_archive.c
 *	  Unit tests for archive/ (tape images, XMIT files, IEBCOPY unloads),
 *	  on images made by hand in hex here.
 *
 * The hex is checked by hand from the formats: an AWSTAPE chunk header is
 * the chunk's length and the previous chunk's length (2 bytes each,
 * little-endian), then flags X'80' first chunk, X'20' last chunk, X'40'
 * tape mark, X'01' zlib.  EBCDIC (cp037): 'A'..'I' C1..C9, 'J'..'R'
 * D1..D9, 'S'..'Z' E2..E9, '0'..'9' F0..F9, blank 40, '.' 4B, '/' 61.
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
#include <bzlib.h>
#include <zlib.h>

#include "archive/archive.h"

/* ---- an in-memory source ---- */

typedef struct mem_source
{
	zf_byte_source base;
	const uint8_t *p;
	size_t		n;
	size_t		pos;
} mem_source;

/* Hand out at most 7 bytes a call: chunk headers straddle reads. */
static zf_status
mem_read(zf_byte_source *src, uint8_t *buf, size_t n, size_t *got,
		 zf_error *err)
{
	mem_source *m = (mem_source *) src;
	size_t		k = m->n - m->pos;

	(void) err;
	if (k == 0)
		return ZF_EOF;
	if (k > n)
		k = n;
	if (k > 7)
		k = 7;
	memcpy(buf, m->p + m->pos, k);
	m->pos += k;
	*got = k;
	return ZF_OK;
}

static const zf_byte_source_ops mem_ops = {.read = mem_read};

static zf_byte_source *
mem(const uint8_t *p, size_t n)
{
	zf_error	err;
	mem_source *m = (mem_source *) zf_bytes_new(&mem_ops, sizeof(mem_source), "mem", &err);

	assert_non_null(m);
	m->p = p;
	m->n = n;
	return &m->base;
}

/* Everything a source hands out, into out (cap bytes); returns the count. */
static size_t
drain(zf_byte_source *src, uint8_t *out, size_t cap, zf_status *end,
	  zf_error *err)
{
	size_t		total = 0;

	for (;;)
	{
		size_t		got;
		zf_status	st = zf_bytes_read(src, out + total, cap - total, &got, err);

		if (st != ZF_OK)
		{
			*end = st;
			return total;
		}
		total += got;
		assert_true(total < cap);
	}
}

/* ---- building images ---- */

typedef struct image
{
	uint8_t		b[8192];
	size_t		n;
	uint32_t	prev;
} image;

static void
chunk(image *im, const uint8_t *data, uint32_t len, uint8_t flags)
{
	uint8_t		h[6] = {(uint8_t) len, (uint8_t) (len >> 8),
	(uint8_t) im->prev, (uint8_t) (im->prev >> 8), flags, 0};

	memcpy(im->b + im->n, h, 6);
	memcpy(im->b + im->n + 6, data, len);
	im->n += 6 + len;
	im->prev = len;
}

static void
block(image *im, const uint8_t *data, uint32_t len)
{
	chunk(im, data, len, 0xA0);
}

static void
mark(image *im)
{
	chunk(im, NULL, 0, 0x40);
}

/* ASCII letters, digits, blank, '.', '/' to EBCDIC (the table above). */
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
		else if (c == '/')
			dst[i] = 0x61;
		else
			dst[i] = 0x40;
	}
}

/* An 80-byte label from text (blank-padded). */
static void
label(image *im, const char *text)
{
	char		l[81];
	uint8_t		e[80];

	snprintf(l, sizeof(l), "%-80s", text);
	to_ebcdic(e, l, 80);
	block(im, e, 80);
}

/*
 * A labeled tape with one data set: FB LRECL 4, two blocks "AAAABBBB" and
 * "CCCC".  Columns of HDR1: 5 name, 22 serial, 28 volume seq, 32 file
 * seq, 42 created (cyyddd), 55 block count, 61 system code; HDR2: 5 RECFM,
 * 6 BLKSIZE, 11 LRECL, 18 job/step, 39 block attribute.
 */
static void
labeled_tape(image *im, const char *eof, uint32_t count)
{
	uint8_t		d[8];
	char		t[81];

	memset(im, 0, sizeof(*im));
	label(im, "VOL1ZFT001");
	label(im, "HDR1ZF.UNIT.TEST     ZFT00100010001      024060 000000000000ZFDW");
	label(im, "HDR2F000080000440ZFJOB   /STEP1       B");
	mark(im);
	to_ebcdic(d, "AAAABBBB", 8);
	block(im, d, 8);
	to_ebcdic(d, "CCCC", 4);
	block(im, d, 4);
	mark(im);
	snprintf(t, sizeof(t), "%s1ZF.UNIT.TEST     ZFT00100010001      024060 000000%06uZFDW",
			 eof, count);
	label(im, t);
	snprintf(t, sizeof(t), "%s2F000080000440ZFJOB   /STEP1       B", eof);
	label(im, t);
	mark(im);
	mark(im);
}

/* ---- tape tests ---- */

/* Blocks, chunks and tape marks, read through a source that trickles. */
static void
test_tape_blocks(void **state)
{
	/* block "AB" in one chunk; block "CDE" in two chunks; a tape mark */
	static const uint8_t img[] = {
		0x02, 0x00, 0x00, 0x00, 0xA0, 0x00, 0xC1, 0xC2,
		0x02, 0x00, 0x02, 0x00, 0x80, 0x00, 0xC3, 0xC4,
		0x01, 0x00, 0x02, 0x00, 0x20, 0x00, 0xC5,
		0x00, 0x00, 0x01, 0x00, 0x40, 0x00,
	};
	zf_byte_source *src = mem(img, sizeof(img));
	zf_error	err;
	zf_tape    *t = zf_tape_open(src, &err);
	zf_tape_item item;
	const uint8_t *p;
	uint32_t	len;

	(void) state;
	assert_int_equal(zf_tape_next(t, &item, &p, &len, &err), ZF_OK);
	assert_int_equal(item, ZF_TAPE_BLOCK);
	assert_int_equal(len, 2);
	assert_memory_equal(p, "\xC1\xC2", 2);
	assert_int_equal(zf_tape_next(t, &item, &p, &len, &err), ZF_OK);
	assert_int_equal(item, ZF_TAPE_BLOCK);
	assert_int_equal(len, 3);
	assert_memory_equal(p, "\xC3\xC4\xC5", 3);
	assert_int_equal(zf_tape_item_offset(t), 8);
	assert_int_equal(zf_tape_next(t, &item, &p, &len, &err), ZF_OK);
	assert_int_equal(item, ZF_TAPE_MARK);
	assert_int_equal(zf_tape_next(t, &item, &p, &len, &err), ZF_OK);
	assert_int_equal(item, ZF_TAPE_END);
	zf_tape_close(t);
	zf_bytes_close(src, NULL);
}

/* Damaged headers: each an error with the header's offset. */
static void
test_tape_damage(void **state)
{
	static const struct
	{
		uint8_t		b[16];
		size_t		n;
		int64_t		offset;
		const char *message;
	}			cases[] = {
		/* previous length 1 at the start */
		{{0x01, 0x00, 0x01, 0x00, 0xA0, 0x00, 0xC1}, 7, 0, "previous chunk"},
		/* a middle chunk with no block begun */
		{{0x01, 0x00, 0x00, 0x00, 0x20, 0x00, 0xC1}, 7, 0, "without a block"},
		/* unknown flag X'10' */
		{{0x01, 0x00, 0x00, 0x00, 0xB0, 0x00, 0xC1}, 7, 0, "unknown flags"},
		/* a tape mark with a length */
		{{0x01, 0x00, 0x00, 0x00, 0x40, 0x00, 0xC1}, 7, 0, "tape mark with data"},
		/* cut inside the chunk's data */
		{{0x04, 0x00, 0x00, 0x00, 0xA0, 0x00, 0xC1}, 7, 7, "ends inside a block"},
		/* a first chunk, then the end: the block never ends */
		{{0x01, 0x00, 0x00, 0x00, 0x80, 0x00, 0xC1}, 7, 7, "ends inside a block"},
		/* zlib-compressed bytes that are not zlib */
		{{0x02, 0x00, 0x00, 0x00, 0xA1, 0x00, 0xC1, 0xC2}, 8, 0, "zlib"},
	};

	(void) state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
	{
		zf_byte_source *src = mem(cases[i].b, cases[i].n);
		zf_error	err;
		zf_tape    *t = zf_tape_open(src, &err);
		zf_tape_item item;
		const uint8_t *p;
		uint32_t	len;

		zf_error_clear(&err);
		assert_int_equal(zf_tape_next(t, &item, &p, &len, &err), ZF_E_FRAMING);
		assert_non_null(strstr(err.message, cases[i].message));
		assert_int_equal(err.offset, cases[i].offset);
		zf_tape_close(t);
		zf_bytes_close(src, NULL);
	}
}

/* n bytes compressed as a HET block of flag (X'A1' zlib, X'A2' bzip2); the size. */
static unsigned int
het_compress(uint8_t flag, uint8_t *z, unsigned int cap, const uint8_t *plain,
			 unsigned int n)
{
	unsigned int zn = cap;

	if (flag == 0xA1)
	{
		uLongf		zl = cap;

		assert_int_equal(compress(z, &zl, plain, n), Z_OK);
		zn = (unsigned int) zl;
	}
	else
		assert_int_equal(BZ2_bzBuffToBuffCompress((char *) z, &zn, (char *) plain,
												  n, 9, 0, 0), BZ_OK);
	return zn;
}

/*
 * Compressed blocks made here inflate, the state of one block not leaking
 * into the next (zlib's is reset, bzip2's buffers are kept); a block
 * inflating past 65535 bytes and a stream cut short are refused.
 */
static void
check_compressed(uint8_t flag)
{
	static const unsigned int sizes[] = {1000, 65535, 7};
	uint8_t		plain[70000];
	uint8_t		z[1024];
	image		im;
	zf_error	err;
	zf_tape_item item;
	const uint8_t *p;
	uint32_t	len;
	size_t		i;

	for (i = 0; i < sizeof(plain); i++)
		plain[i] = (uint8_t) (0xC1 + i % 9);
	memset(&im, 0, sizeof(im));
	/* three good blocks, one too big, one cut short */
	for (i = 0; i < 5; i++)
	{
		unsigned int zn;

		if (i < 3)
			zn = het_compress(flag, z, sizeof(z), plain + i, sizes[i]);
		else if (i == 3)
			zn = het_compress(flag, z, sizeof(z), plain, sizeof(plain));
		else					/* a good stream, its last bytes lost */
			zn = het_compress(flag, z, sizeof(z), plain, 1000) - 6;
		assert_true(im.n + 6 + zn <= sizeof(im.b));
		chunk(&im, z, zn, flag);
	}
	{
		zf_byte_source *src = mem(im.b, im.n);
		zf_tape    *t = zf_tape_open(src, &err);

		zf_error_clear(&err);
		for (i = 0; i < 3; i++)
		{
			assert_int_equal(zf_tape_next(t, &item, &p, &len, &err), ZF_OK);
			assert_int_equal(item, ZF_TAPE_BLOCK);
			assert_int_equal(len, sizes[i]);
			assert_memory_equal(p, plain + i, sizes[i]);
		}
		assert_true(zf_tape_saw_compression(t));
		assert_int_equal(zf_tape_compressed_blocks(t), 3);
		assert_int_equal(zf_tape_next(t, &item, &p, &len, &err), ZF_E_FRAMING);
		assert_non_null(strstr(err.message, "more than 65535"));
		zf_tape_close(t);
		zf_bytes_close(src, NULL);
	}
	{
		/* the cut stream alone, read from its own header */
		size_t		last = im.n - (6 + im.prev);
		zf_byte_source *src;
		zf_tape    *t;

		im.b[last + 2] = 0;		/* no chunk before it now */
		im.b[last + 3] = 0;
		src = mem(im.b + last, im.n - last);
		t = zf_tape_open(src, &err);
		zf_error_clear(&err);
		assert_int_equal(zf_tape_next(t, &item, &p, &len, &err), ZF_E_FRAMING);
		assert_non_null(strstr(err.message, "is damaged"));
		assert_int_equal(err.offset, 0);
		zf_tape_close(t);
		zf_bytes_close(src, NULL);
	}
}

/* HET's zlib blocks (flag X'01'). */
static void
test_tape_zlib(void **state)
{
	(void) state;
	check_compressed(0xA1);
}

/* HET's bzip2 blocks (flag X'02'). */
static void
test_tape_bzip2(void **state)
{
	(void) state;
	check_compressed(0xA2);
}

/* Detection: headers that chain; EBCDIC text and zeros do not. */
static void
test_tape_detect(void **state)
{
	image		im;
	uint8_t		text[100];

	(void) state;
	labeled_tape(&im, "EOF", 2);
	assert_true(zf_tape_detect(im.b, im.n));
	memset(text, 0x40, sizeof(text));
	assert_false(zf_tape_detect(text, sizeof(text)));
	memset(text, 0, sizeof(text));
	assert_false(zf_tape_detect(text, sizeof(text)));
	/* a first header alone, the second where it says missing */
	assert_false(zf_tape_detect(im.b, 90));
	/* an FB file whose first bytes mimic a header but not the second */
	memcpy(text, "\x50\x00\x00\x00\xA0\x00", 6);
	memset(text + 6, 0x40, 94);
	assert_false(zf_tape_detect(text, sizeof(text)));
}

/* Labels: the data set found, described, and deblocked. */
static void
test_tape_labels(void **state)
{
	image		im;
	zf_tape_opts o;
	zf_tape_file f;
	zf_error	err;
	zf_byte_source *src;
	zf_byte_source *ts;
	uint8_t		out[64];
	zf_status	end;

	(void) state;
	labeled_tape(&im, "EOF", 2);
	memset(&o, 0, sizeof(o));
	o.dsname = "zf.unit.test";
	src = mem(im.b, im.n);
	assert_int_equal(zf_tape_describe(src, &o, &f, &err), ZF_OK);
	zf_bytes_close(src, NULL);
	assert_string_equal(f.dsname, "ZF.UNIT.TEST");
	assert_string_equal(f.volser, "ZFT001");
	assert_int_equal(f.seq, 1);
	assert_string_equal(f.created, "024060");
	assert_string_equal(f.syscode, "ZFDW");
	assert_string_equal(f.jobstep, "ZFJOB   /STEP1");
	assert_string_equal(f.fmt.recfm, "FB");
	assert_int_equal(f.fmt.blksize, 8);
	assert_int_equal(f.fmt.lrecl, 4);

	src = mem(im.b, im.n);
	ts = zf_tape_source_open(src, &o, &f, &err);
	assert_non_null(ts);
	assert_int_equal(drain(ts, out, sizeof(out), &end, &err), 12);
	assert_int_equal(end, ZF_EOF);
	assert_memory_equal(out, "\xC1\xC1\xC1\xC1\xC2\xC2\xC2\xC2\xC3\xC3\xC3\xC3", 12);
	zf_bytes_close(ts, NULL);

	/* a trailer that counts 3 blocks where there are 2 */
	labeled_tape(&im, "EOF", 3);
	src = mem(im.b, im.n);
	ts = zf_tape_source_open(src, &o, NULL, &err);
	assert_non_null(ts);
	zf_error_clear(&err);
	drain(ts, out, sizeof(out), &end, &err);
	assert_int_equal(end, ZF_E_FRAMING);
	assert_non_null(strstr(err.message, "counts 3 blocks"));
	zf_bytes_close(ts, NULL);

	/* EOV without a next volume */
	labeled_tape(&im, "EOV", 2);
	src = mem(im.b, im.n);
	ts = zf_tape_source_open(src, &o, NULL, &err);
	zf_error_clear(&err);
	drain(ts, out, sizeof(out), &end, &err);
	assert_int_equal(end, ZF_E_ARG);
	assert_non_null(strstr(err.message, "continues on another volume"));
	zf_bytes_close(ts, NULL);

	/* a file that is not there */
	labeled_tape(&im, "EOF", 2);
	o.dsname = NULL;
	o.file = 2;
	src = mem(im.b, im.n);
	assert_null(zf_tape_source_open(src, &o, NULL, &err));
	assert_string_equal(err.message, "the tape holds no file 2");
	zf_bytes_close(src, NULL);
}

/* Re-framing of blocks: F, V (BDW and RDW chain), VS, U. */
static void
test_deblock(void **state)
{
	zf_byte_source dummy;
	zf_recfm	rf;

	(void) state;
	(void) dummy;
	/* reader recfm per data set RECFM */
	assert_true(zf_archive_reader_recfm("FB", false, false, &rf));
	assert_int_equal(rf, ZF_RECFM_FB);
	assert_true(zf_archive_reader_recfm("VBS", false, false, &rf));
	assert_int_equal(rf, ZF_RECFM_VBS);
	assert_true(zf_archive_reader_recfm("VBS", true, false, &rf));
	assert_int_equal(rf, ZF_RECFM_VB);
	assert_true(zf_archive_reader_recfm("U", false, false, &rf));
	assert_int_equal(rf, ZF_RECFM_VB);
	assert_false(zf_archive_reader_recfm("X", false, false, &rf));
	assert_false(zf_archive_reader_recfm("FQ", false, false, &rf));
}

/* VB blocks on an unlabeled tape: BDWs dropped, RDWs checked and kept. */
static void
test_tape_vb(void **state)
{
	/* BDW 000E: RDW 0005 "A", RDW 0005 "B"; a second block's RDW 0009
	 * runs past its end */
	static const uint8_t b1[] = {0x00, 0x0E, 0x00, 0x00, 0x00, 0x05, 0x00, 0x00, 0xC1,
	0x00, 0x05, 0x00, 0x00, 0xC2};
	static const uint8_t b2[] = {0x00, 0x09, 0x00, 0x00, 0x00, 0x09, 0x00, 0x00, 0xC3};
	image		im;
	zf_tape_opts o;
	zf_error	err;
	uint8_t		out[64];
	zf_status	end;
	zf_byte_source *ts;

	(void) state;
	memset(&im, 0, sizeof(im));
	block(&im, b1, sizeof(b1));
	block(&im, b2, sizeof(b2));
	mark(&im);
	mark(&im);
	memset(&o, 0, sizeof(o));
	o.recfm = "VB";
	ts = zf_tape_source_open(mem(im.b, im.n), &o, NULL, &err);
	assert_non_null(ts);
	zf_error_clear(&err);
	assert_int_equal(drain(ts, out, sizeof(out), &end, &err), 10);
	assert_memory_equal(out, b1 + 4, 10);
	assert_int_equal(end, ZF_E_FRAMING);
	assert_string_equal(err.message, "invalid record descriptor in a block");
	zf_bytes_close(ts, NULL);

	/* the same blocks read as U: each behind an RDW of its length + 4 */
	o.recfm = "U";
	ts = zf_tape_source_open(mem(im.b, im.n), &o, NULL, &err);
	assert_int_equal(drain(ts, out, sizeof(out), &end, &err), 4 + 14 + 4 + 9);
	assert_int_equal(end, ZF_EOF);
	assert_memory_equal(out, "\x00\x12\x00\x00", 4);
	assert_memory_equal(out + 18, "\x00\x0D\x00\x00", 4);
	zf_bytes_close(ts, NULL);

	/* an unlabeled tape has no format: recfm needed */
	o.recfm = NULL;
	assert_null(zf_tape_source_open(mem(im.b, im.n), &o, NULL, &err));
	assert_non_null(strstr(err.message, "no record format"));
}

/* ---- NETDATA and IEBCOPY ---- */

typedef struct nd
{
	uint8_t		b[4096];
	size_t		n;
} nd;

/* One logical record as segments of at most 20 data bytes. */
static void
nd_record(nd *x, const uint8_t *p, size_t len, bool control)
{
	size_t		pos = 0;

	do
	{
		size_t		k = len - pos > 20 ? 20 : len - pos;
		uint8_t		f = (pos == 0 ? 0x80 : 0) | (pos + k == len ? 0x40 : 0) |
			(control ? 0x20 : 0);

		x->b[x->n++] = (uint8_t) (k + 2);
		x->b[x->n++] = f;
		memcpy(x->b + x->n, p + pos, k);
		x->n += k;
		pos += k;
	} while (pos < len);
}

/* A control record: name (INMR0n) and the bytes after it. */
static void
nd_control(nd *x, int n, const uint8_t *rest, size_t len)
{
	uint8_t		r[512];

	memcpy(r, "\xC9\xD5\xD4\xD9\xF0", 5);
	r[5] = 0xF0 + n;
	memcpy(r + 6, rest, len);
	nd_record(x, r, 6 + len, true);
}

/*
 * A library XMIT with one member M1 (TTR 000005, ISPF statistics: version
 * 01.02, created 0124060F = 2024-02-29, changed 0124061F 13:45:07, 3/2/1
 * lines, user ZFUSER) holding two FB 4 records "AAAA" "BBBB", and an alias
 * M2 of it.
 */
static size_t
library_xmit(uint8_t *out, bool with_inmr06)
{
	nd			x;
	/* INMR02 file 1: INMUTILN IEBCOPY, INMDSNAM ZF.LIB, INMRECFM FB,
	 * INMLRECL 4 */
	static const uint8_t r02[] = {0, 0, 0, 1,
		0x10, 0x28, 0, 1, 0, 7, 0xC9, 0xC5, 0xC2, 0xC3, 0xD6, 0xD7, 0xE8,
		0x00, 0x02, 0, 2, 0, 2, 0xE9, 0xC6, 0, 3, 0xD3, 0xC9, 0xC2,
		0x00, 0x49, 0, 1, 0, 2, 0x90, 0x00,
	0x00, 0x42, 0, 1, 0, 2, 0x00, 0x04};
	uint8_t		copyr1[56] = {0x00, 0xCA, 0x6D, 0x0F, 0x02, 0x00, 0x00, 0x08,
	0x00, 0x04, 0x90};
	uint8_t		copyr2[276] = {0};
	uint8_t		dir[12 + 8 + 256 + 12];
	uint8_t		data[12 + 8 + 12];
	uint8_t    *e;

	memset(&x, 0, sizeof(x));
	nd_control(&x, 1, (const uint8_t *) "", 0);
	nd_control(&x, 2, r02, sizeof(r02));
	nd_control(&x, 3, (const uint8_t *) "", 0);
	nd_record(&x, copyr1, sizeof(copyr1), false);
	nd_record(&x, copyr2, sizeof(copyr2), false);
	/* one directory block: header KL 8 DL 256, key, 2 bytes used */
	memset(dir, 0, sizeof(dir));
	dir[9] = 8;
	dir[10] = 1;
	memset(dir + 12, 0xFF, 8);
	e = dir + 20;
	e[0] = 0;
	e[1] = 2 + (12 + 30) + 12 + 12;	/* M1 with stats, M2 alias, FF end */
	e += 2;
	memcpy(e, "\xD4\xF1\x40\x40\x40\x40\x40\x40\x00\x00\x05\x0F", 12);
	memcpy(e + 12, "\x01\x02\x00\x07\x01\x24\x06\x0F\x01\x24\x06\x1F\x13\x45"
		   "\x00\x03\x00\x02\x00\x01\xE9\xC6\xE4\xE2\xC5\xD9\x40\x40", 28);
	memset(e + 40, 0, 2);
	e += 42;
	memcpy(e, "\xD4\xF2\x40\x40\x40\x40\x40\x40\x00\x00\x05\x80", 12);
	e += 12;
	memset(e, 0xFF, 8);
	/* the EOF header after the directory is dir's last 12 zero bytes */
	nd_record(&x, dir, sizeof(dir), false);
	/* member data: CCHHR with R 5, DL 8, then an EOF header */
	memset(data, 0, sizeof(data));
	data[8] = 5;
	data[11] = 8;
	memcpy(data + 12, "\xC1\xC1\xC1\xC1\xC2\xC2\xC2\xC2", 8);
	nd_record(&x, data, sizeof(data), false);
	if (with_inmr06)
		nd_control(&x, 6, (const uint8_t *) "", 0);
	memcpy(out, x.b, x.n);
	return x.n;
}

static int	members_seen;

static zf_status
member_cb(void *arg, const zf_xmit_file *f, const zf_pds_member *m,
		  zf_error *err)
{
	(void) arg;
	(void) err;
	assert_string_equal(f->dsname, "ZF.LIB");
	assert_true(f->partitioned);
	if (m == NULL)
		return ZF_OK;
	if (members_seen++ == 0)
	{
		assert_string_equal(m->name, "M1");
		assert_int_equal(m->ttr, 5);
		assert_false(m->alias);
		assert_true(m->has_stats);
		assert_int_equal(m->ver, 1);
		assert_int_equal(m->mod, 2);
		assert_string_equal(m->created, "2024-02-29");
		assert_string_equal(m->changed, "2024-03-01 13:45:07");
		assert_int_equal(m->lines, 3);
		assert_int_equal(m->init_lines, 2);
		assert_int_equal(m->mod_lines, 1);
		assert_string_equal(m->user, "ZFUSER");
	}
	else
	{
		assert_string_equal(m->name, "M2");
		assert_true(m->alias);
		assert_false(m->has_stats);
	}
	assert_int_equal(m->records, 2);
	assert_int_equal(m->bytes, 8);
	return ZF_OK;
}

/* An XMIT of a library: listed, then read by member and by alias. */
static void
test_xmit_library(void **state)
{
	uint8_t		b[4096];
	size_t		n = library_xmit(b, true);
	zf_xmit_info info;
	zf_xmit_opts o;
	zf_error	err;
	zf_byte_source *src;
	uint8_t		out[64];
	zf_status	end;

	(void) state;
	assert_true(zf_xmit_detect(b, n));
	assert_false(zf_tape_detect(b, n));
	members_seen = 0;
	src = mem(b, n);
	assert_int_equal(zf_xmit_contents(src, &info, member_cb, NULL, &err), ZF_OK);
	zf_bytes_close(src, NULL);
	assert_int_equal(members_seen, 2);

	memset(&o, 0, sizeof(o));
	o.member = "m2";
	src = zf_xmit_source_open(mem(b, n), &o, &err);
	assert_non_null(src);
	assert_int_equal(drain(src, out, sizeof(out), &end, &err), 8);
	assert_int_equal(end, ZF_EOF);
	assert_memory_equal(out, "\xC1\xC1\xC1\xC1\xC2\xC2\xC2\xC2", 8);
	assert_string_equal(zf_archive_member_at(src, 4), "M2");
	zf_bytes_close(src, NULL);

	/* without a member: an error with a hint */
	o.member = NULL;
	assert_null(zf_xmit_source_open(mem(b, n), &o, &err));
	assert_non_null(strstr(err.message, "is partitioned"));
	assert_true(err.hint[0] != '\0');

	/* cut before INMR06 */
	n = library_xmit(b, false);
	src = mem(b, n);
	assert_int_equal(zf_xmit_contents(src, &info, member_cb, NULL, &err), ZF_E_FRAMING);
	assert_string_equal(err.message, "the transmission ends without its INMR06 record");
	zf_bytes_close(src, NULL);
}

/* Text units and segments that do not fit. */
static void
test_xmit_damage(void **state)
{
	nd			x;
	zf_xmit_info info;
	zf_error	err;
	zf_byte_source *src;
	/* INMR01 whose text unit INMFNODE says 9 bytes where 2 remain */
	static const uint8_t r01[] = {0x10, 0x11, 0, 1, 0, 9, 0xC1, 0xC2};

	(void) state;
	memset(&x, 0, sizeof(x));
	nd_control(&x, 1, r01, sizeof(r01));
	src = mem(x.b, x.n);
	assert_int_equal(zf_xmit_describe(src, &info, &err), ZF_E_FRAMING);
	assert_string_equal(err.message, "a text unit's value runs past its record");
	assert_int_equal(err.offset, 10);
	zf_bytes_close(src, NULL);

	/* a segment of length 1 */
	memcpy(x.b, "\x01\xE0", 2);
	src = mem(x.b, 2);
	assert_int_equal(zf_xmit_describe(src, &info, &err), ZF_E_FRAMING);
	assert_string_equal(err.message, "invalid NETDATA segment header");
	zf_bytes_close(src, NULL);

	/* no INMR01 first */
	memset(&x, 0, sizeof(x));
	nd_control(&x, 2, (const uint8_t *) "\0\0\0\1", 4);
	src = mem(x.b, x.n);
	assert_int_equal(zf_xmit_describe(src, &info, &err), ZF_E_FRAMING);
	zf_bytes_close(src, NULL);
}

/* Member globs. */
static void
test_member_glob(void **state)
{
	zf_byte_source *none = NULL;

	(void) state;
	(void) none;
	/* the glob matcher is reached through the sources; its rules: */
	{
		uint8_t		b[4096];
		size_t		n = library_xmit(b, true);
		zf_xmit_opts o;
		zf_error	err;
		const char *hits[] = {"*", "M?", "m[0-9]", "M[12]", "*1"};
		const char *misses[] = {"M", "M3", "[!M]*", "X*", "M1?"};

		memset(&o, 0, sizeof(o));
		for (size_t i = 0; i < 5; i++)
		{
			zf_byte_source *s;

			o.member = hits[i];
			s = zf_xmit_source_open(mem(b, n), &o, &err);
			assert_non_null(s);
			zf_bytes_close(s, NULL);
			o.member = misses[i];
			assert_null(zf_xmit_source_open(mem(b, n), &o, &err));
			assert_non_null(strstr(err.message, "no member matches"));
		}
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_tape_blocks),
		cmocka_unit_test(test_tape_damage),
		cmocka_unit_test(test_tape_zlib),
		cmocka_unit_test(test_tape_bzip2),
		cmocka_unit_test(test_tape_detect),
		cmocka_unit_test(test_tape_labels),
		cmocka_unit_test(test_deblock),
		cmocka_unit_test(test_tape_vb),
		cmocka_unit_test(test_xmit_library),
		cmocka_unit_test(test_xmit_damage),
		cmocka_unit_test(test_member_glob),
	};

	return cmocka_run_group_tests_name("archive", tests, NULL, NULL);
}
