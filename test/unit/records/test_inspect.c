/*-------------------------------------------------------------------------
 *
 * test_inspect.c
 *	  Unit tests for file inspection (inspect.c).
 *
 * The real files have known formats (their SOURCE.md says so): DTAR020 is
 * FB 27, ZOS.FCUSTDAT_150 is VB with z/OS RDWs, Cobrix case08 is FB 45,
 * the Cobrix d02/d03 and case14 files use the non-z/OS conventions their
 * manifests name.  Damaged files are made from them the way an ASCII-mode
 * transfer would: line ends appended to each record, or text converted.
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

#include "records/inspect.h"

#define SHARED ZF_SOURCE_DIR "/../shared/conformance"

static uint8_t file[1 << 20];
static uint8_t work[1 << 20];
static zf_inspect_result res;

static size_t
load(const char *path)
{
	FILE	   *f = fopen(path, "rb");
	size_t		n;

	if (f == NULL)
		fail_msg("cannot open %s", path);
	n = fread(file, 1, sizeof(file), f);
	fclose(f);
	return n;
}

/* The value of a suggested option, or NULL. */
static const char *
option(const char *name)
{
	for (int i = 0; i < res.n_options; i++)
		if (strcmp(res.options[i].name, name) == 0)
			return res.options[i].value;
	return NULL;
}

/* Is there a finding of this topic containing this text? */
static bool
has_finding(const char *topic, const char *text)
{
	for (int i = 0; i < res.n_findings; i++)
		if (strcmp(res.findings[i].topic, topic) == 0 &&
			strstr(res.findings[i].text, text) != NULL)
			return true;
	return false;
}

static void
inspect(const uint8_t *s, size_t n, int64_t size, const char *cp,
		uint32_t layout)
{
	zf_error	err;

	if (zf_inspect_sample(s, n, size, cp, layout, &res, &err) != ZF_OK)
		fail_msg("inspect: %s", err.message);
	/* findings are lower-case sentences without a final period */
	for (int i = 0; i < res.n_findings; i++)
	{
		const char *t = res.findings[i].text;

		assert_true(t[0] >= 'a' && t[0] <= 'z');
		assert_true(t[strlen(t) - 1] != '.');
	}
}

/* DTAR020: no RDWs, FB 27 ranks first, EBCDIC. */
static void
test_fixed_file(void **state)
{
	size_t		n = load(SHARED "/jrecord/DTAR020.bin");

	(void) state;
	inspect(file, n, (int64_t) n, NULL, 0);
	assert_true(res.whole_file);
	assert_false(res.rdw_be.valid);
	assert_int_equal(res.rdw_be.break_offset, 0);
	assert_memory_equal(res.rdw_be.break_bytes, "\xF6\xF9\xF6\xF8", 4);
	assert_true(res.n_fixed >= 1);
	assert_int_equal(res.fixed[0].lrecl, 27);
	assert_int_equal(res.fixed[0].records, 379);
	assert_string_equal(res.charset, "ebcdic");
	assert_string_equal(res.recfm, "fb");
	assert_int_equal(res.lrecl, 27);
	assert_string_equal(option("recfm"), "fb");
	assert_string_equal(option("lrecl"), "27");
	assert_string_equal(option("codepage"), "cp037");
	assert_string_equal(res.options[0].name, "recfm");
	assert_true(has_finding("rdw", "breaks at byte offset 0 (X'F6 F9 F6 F8')"));
	assert_true(has_finding("fixed", "27 (379 records)"));
	assert_false(res.ftp_damage);

	/* the layout's length is named; a claimed code page is kept */
	inspect(file, n, (int64_t) n, "cp1140", 27);
	assert_true(has_finding("layout", "divides the file size: 379 records"));
	assert_string_equal(option("codepage"), "cp1140");
	inspect(file, n, (int64_t) n, NULL, 30);
	assert_true(has_finding("layout", "does not divide the file size: 341 records leave 3 bytes over"));

	/* Cobrix case08: FB 45 among many divisors of 45000 */
	n = load(SHARED "/cobrix/case08_code_pages_sbcs/data/TRAN.APR14.NPT.DATA.dat");
	inspect(file, n, (int64_t) n, NULL, 0);
	assert_int_equal(res.fixed[0].lrecl, 45);
	assert_int_equal(res.lrecl, 45);
	/* DTAR107: FB 54 */
	n = load(SHARED "/jrecord/DTAR107.bin");
	inspect(file, n, (int64_t) n, NULL, 0);
	assert_int_equal(res.lrecl, 54);
}

/* ZOS.FCUSTDAT_150: a z/OS RDW chain, whole or sampled. */
static void
test_rdw_file(void **state)
{
	size_t		n = load(SHARED "/jrecord/ZOS.FCUSTDAT_150.vb.bin");

	(void) state;
	inspect(file, n, (int64_t) n, NULL, 0);
	assert_true(res.rdw_be.valid);
	assert_true(res.rdw_be.reaches_end);
	assert_int_equal(res.rdw_be.records, 150);
	assert_int_equal(res.rdw_be.min_length, 58);
	assert_int_equal(res.rdw_be.max_length, 183);
	assert_false(res.rdw_be.spanned);
	assert_string_equal(res.recfm, "vb");
	assert_null(option("lrecl"));
	assert_null(option("rdw_byte_order"));
	assert_string_equal(option("codepage"), "cp037");
	assert_true(has_finding("rdw", "150 records of 58 to 183 bytes, ending exactly at the end of the file"));
	/* the other conventions fail on it */
	assert_false(res.rdw_le.valid);

	/* only the first 4000 bytes of a file of known size */
	inspect(file, 4000, (int64_t) n, NULL, 0);
	assert_true(res.rdw_be.valid);
	assert_false(res.rdw_be.reaches_end);
	assert_string_equal(res.recfm, "vb");
	assert_true(has_finding("file", "examined the first 4000 of 18650 bytes"));

	/* a pipe: size unknown */
	inspect(file, 4000, -1, NULL, 0);
	assert_true(res.rdw_be.valid);
	assert_int_equal(res.n_fixed, 0);
	assert_true(has_finding("file", "size is unknown"));

	/* one broken RDW in the middle: the chain breaks there */
	memcpy(work, file, n);
	work[62 + 2] = 0x07;
	inspect(work, n, (int64_t) n, NULL, 0);
	assert_false(res.rdw_be.valid);
	assert_int_equal(res.rdw_be.break_offset, 62);
	assert_int_equal(res.rdw_be.records, 1);
}

/* Non-z/OS conventions: Cobrix d02, case14; BDWs; vbs. */
static void
test_other_conventions(void **state)
{
	size_t		n;

	(void) state;
	n = load(SHARED "/cobrix/derived_from_scala_tests/d02_v_rdw_and_vb_bdw_rdw_min_max_length/data/rdw_be.dat");
	inspect(file, n, (int64_t) n, NULL, 0);
	assert_false(res.rdw_be.valid);
	assert_true(res.rdw_be_excl.valid);
	assert_string_equal(res.recfm, "vb");
	assert_string_equal(option("rdw_includes_header"), "false");
	assert_null(option("rdw_byte_order"));

	n = load(SHARED "/cobrix/derived_from_scala_tests/d02_v_rdw_and_vb_bdw_rdw_min_max_length/data/bdw_le_rdw_be.dat");
	inspect(file, n, (int64_t) n, NULL, 0);
	assert_true(res.bdw_le_excl.valid);
	assert_true(res.bdw_le_excl.records_valid);
	assert_int_equal(res.bdw_le_excl.blocks, 2);
	assert_int_equal(res.bdw_le_excl.records, 3);
	assert_string_equal(res.recfm, "vb_bdw");
	assert_string_equal(option("bdw_byte_order"), "little");
	assert_string_equal(option("bdw_includes_header"), "false");
	assert_string_equal(option("rdw_includes_header"), "false");

	/* d03: "FB with BDW" blocks hold no RDWs */
	n = load(SHARED "/cobrix/derived_from_scala_tests/d03_fb_fixed_blocked/data/fb_2x2_bdw_le.dat");
	inspect(file, n, (int64_t) n, NULL, 0);
	assert_true(res.bdw_le_excl.valid);
	assert_false(res.bdw_le_excl.records_valid);
	assert_true(has_finding("bdw", "do not hold record descriptors"));

	/* case14: little-endian RDWs counting their own length */
	n = load(SHARED "/cobrix/case14_rdw_adjustments/data/COMP.DETAILS.JUL02.DATA.dat");
	inspect(file, n, (int64_t) n, NULL, 0);
	assert_false(res.rdw_be.valid);
	assert_true(res.rdw_le.valid);
	assert_int_equal(res.rdw_le.records, 100);
	assert_string_equal(res.recfm, "vb");
	assert_string_equal(option("rdw_byte_order"), "little");
	assert_null(option("rdw_includes_header"));

	/* z/OS blocks: BDW 00 12 ("ABC", "DEF"), BDW 00 0A ("GH") */
	{
		const uint8_t blocks[] = {0x00, 0x12, 0x00, 0x00,
			0x00, 0x07, 0x00, 0x00, 0xC1, 0xC2, 0xC3,
			0x00, 0x07, 0x00, 0x00, 0xC4, 0xC5, 0xC6,
			0x00, 0x0A, 0x00, 0x00,
		0x00, 0x06, 0x00, 0x00, 0xC7, 0xC8};

		inspect(blocks, sizeof(blocks), sizeof(blocks), NULL, 0);
		assert_true(res.bdw_be.valid);
		assert_true(res.bdw_be.records_valid);
		assert_int_equal(res.bdw_be.records, 3);
		assert_string_equal(res.recfm, "vb_bdw");
	}
	/* spanned segments without blocks */
	{
		const uint8_t segs[] = {
			0x00, 0x07, 0x00, 0x00, 0xC1, 0xC2, 0xC3,
			0x00, 0x06, 0x01, 0x00, 0xC4, 0xC5,
			0x00, 0x05, 0x03, 0x00, 0xC6,
		0x00, 0x06, 0x02, 0x00, 0xC7, 0xC8};

		inspect(segs, sizeof(segs), sizeof(segs), NULL, 0);
		assert_true(res.rdw_be.valid);
		assert_true(res.rdw_be.spanned);
		assert_string_equal(res.recfm, "vbs");
		/* a last segment never opened breaks the chain */
		inspect(segs + 18, 6, 6, NULL, 0);
		assert_false(res.rdw_be.valid);
	}
}

/* Text files: ASCII with CR LF, UTF-8, EBCDIC lines. */
static void
test_text_files(void **state)
{
	const char *crlf = "first line\r\nsecond line\r\nthird\r\n";
	const char *utf8 = "caf\xC3\xA9 au lait\nna\xC3\xAFve\n";
	const uint8_t ebcdic[] = {0xC1, 0xC2, 0xC3, 0x40, 0xF1, 0x15,
		0xC4, 0xC5, 0x40, 0xF2, 0xF3, 0x15,
	0x81, 0x82, 0x83, 0x15};

	(void) state;
	inspect((const uint8_t *) crlf, strlen(crlf), (int64_t) strlen(crlf), NULL, 0);
	assert_string_equal(res.charset, "ascii");
	assert_int_equal(res.crlf, 3);
	assert_int_equal(res.lf, 0);
	assert_string_equal(res.recfm, "text");
	assert_string_equal(option("codepage"), "ascii");
	assert_true(has_finding("lines", "3 cr lf"));

	inspect((const uint8_t *) utf8, strlen(utf8), (int64_t) strlen(utf8), NULL, 0);
	assert_string_equal(res.charset, "utf8");
	assert_string_equal(option("codepage"), "utf8");
	inspect((const uint8_t *) "caf\xE9\nna\xEFve\n", 11, 11, NULL, 0);
	assert_string_equal(res.charset, "latin1");

	inspect(ebcdic, sizeof(ebcdic), sizeof(ebcdic), NULL, 0);
	assert_string_equal(res.charset, "ebcdic text");
	assert_int_equal(res.nl15, 3);
	assert_string_equal(res.recfm, "text");
	assert_string_equal(option("text_terminator"), "x'15'");
	assert_string_equal(option("codepage"), "cp037");

	/* fixed-width lines */
	inspect((const uint8_t *) "abc\ndef\nghi\n", 12, 12, NULL, 0);
	assert_int_equal(res.line_length, 3);
}

/* What ASCII-mode transfers leave behind. */
static void
test_ftp_damage(void **state)
{
	size_t		n = load(SHARED "/jrecord/DTAR020.bin");
	size_t		m = 0;
	char		text[4096];
	size_t		t = 0;

	(void) state;
	/* CR LF appended to every EBCDIC record */
	for (size_t i = 0; i < n; i += 27)
	{
		memcpy(work + m, file + i, 27);
		m += 27;
		work[m++] = 0x0D;
		work[m++] = 0x0A;
	}
	inspect(work, m, (int64_t) m, "cp037", 27);
	assert_true(res.ftp_damage);
	assert_true(has_finding("ftp", "occur every 29 bytes in ebcdic data"));
	assert_true(has_finding("ftp", "after each record of 27 bytes"));
	assert_true(has_finding("layout", "does not divide"));
	assert_true(has_finding("suggestion", "binary mode"));

	/*
	 * Records converted to ASCII text lines of 27 characters: keys
	 * readable, packed fields turned into substitutes X'1A'.
	 */
	for (int rec = 0; rec < 40; rec++)
	{
		t += (size_t) snprintf(text + t, sizeof(text) - t,
							   "696845%02d AB\x1A@\x1A\x1A\x1A\x1A\x1A\x1A\x1A\x1A\x1A\x1A\x1A\x1A\x1A\x1A\r\n",
							   rec);
	}
	inspect((const uint8_t *) text, t, (int64_t) t, "cp037", 27);
	assert_true(res.ftp_damage);
	assert_true(has_finding("ftp", "although code page cp037 is ebcdic"));
	assert_true(has_finding("ftp", "substitute bytes X'1A'"));
	assert_true(has_finding("ftp", "every line is 27 bytes long"));
	assert_string_equal(option("codepage") ? option("codepage") : "", "");

	/* the same text without a claimed EBCDIC page is just text, but the
	 * substitutes are still suspicious */
	inspect((const uint8_t *) text, t, (int64_t) t, NULL, 0);
	assert_true(res.ftp_damage);
	assert_false(has_finding("ftp", "although code page"));
}

/* Edge cases: empty file, bad arguments, random input. */
static void
test_edges(void **state)
{
	zf_error	err;
	uint32_t	seed = 7;

	(void) state;
	inspect(NULL, 0, 0, NULL, 0);
	assert_string_equal(res.charset, "empty");
	assert_true(has_finding("file", "the file is empty"));
	assert_int_equal(zf_inspect_sample(file, 10, 5, NULL, 0, &res, &err), ZF_E_ARG);
	assert_int_equal(zf_inspect_sample(file, 10, 10, "cp99999", 0, &res, &err),
					 ZF_E_CODEPAGE);
	assert_int_equal(zf_inspect_sample(NULL, 10, 10, NULL, 0, &res, &err), ZF_E_ARG);
	/* a prime size: no fixed length divides it */
	memset(file, 0x40, 101);
	inspect(file, 101, 101, NULL, 0);
	assert_int_equal(res.n_fixed, 0);
	assert_true(has_finding("fixed", "no record length"));
	/* compressed files are named as such */
	inspect((const uint8_t *) "\x1F\x8B\x08\x00\x00\x00", 6, 6, NULL, 0);
	assert_true(has_finding("file", "gzip"));
	inspect((const uint8_t *) "BZh91AY&SY", 10, 10, NULL, 0);
	assert_true(has_finding("file", "bzip2"));
	/* random bytes of many sizes: no crash, findings always present */
	for (int round = 0; round < 100; round++)
	{
		size_t		n = (size_t) (round * 397 % 20000) + 1;

		for (size_t i = 0; i < n; i++)
		{
			seed = seed * 1103515245 + 12345;
			file[i] = (uint8_t) ((seed >> 16) % (round % 2 ? 256 : 8));
		}
		inspect(file, n, (int64_t) (n + (round % 3) * 1000), NULL, round % 5 ? 0 : 20);
		assert_true(res.n_findings > 0);
		assert_true(res.n_fixed <= ZF_INSPECT_MAX_FIXED);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fixed_file),
		cmocka_unit_test(test_rdw_file),
		cmocka_unit_test(test_other_conventions),
		cmocka_unit_test(test_text_files),
		cmocka_unit_test(test_ftp_damage),
		cmocka_unit_test(test_edges),
	};

	return cmocka_run_group_tests_name("inspect", tests, NULL, NULL);
}
