/*-------------------------------------------------------------------------
 *
 * test_plausible.c
 *	  Unit tests for the plausibility checks (diag/plausible.c), on
 *	  hand-made file starts: each check fires on the mistake it names,
 *	  stays quiet on the right description, and is silenced by accept.
 *
 *-------------------------------------------------------------------------
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "diag/plausible.h"

static uint8_t file[4096];
static zf_plausible_finding out[ZF_PLAUSIBLE_MAX];

/* n records of len bytes: EBCDIC digits and letters, no descriptors. */
static size_t
fixed_file(int n, int len)
{
	for (int r = 0; r < n; r++)
		for (int i = 0; i < len; i++)
			file[r * len + i] = i < 4 ? (uint8_t) (0xF0 + (r + i) % 10) :
				(uint8_t) (0xC1 + (r + i) % 9);
	return (size_t) (n * len);
}

static void
input(zf_plausible_input *in, size_t n, zf_recfm recfm, uint32_t lrecl,
	  bool given, uint32_t layout, const char *page)
{
	memset(in, 0, sizeof(*in));
	in->sample = file;
	in->n = n;
	in->file_size = (int64_t) n;
	in->recfm = recfm;
	in->record_format = true;
	in->lrecl = lrecl;
	in->lrecl_given = given;
	in->layout_length = layout;
	in->layout_fixed = true;
	in->cp = zf_codepage_lookup(page, NULL);
	assert_non_null(in->cp);
}

/* Run the checks; the name of the first finding, or "" for none. */
static const char *
first(const zf_plausible_input *in, const char *accept, int *n)
{
	zf_error	err;

	zf_error_clear(&err);
	assert_int_equal(zf_plausible_check(in, accept, out, n, &err), ZF_OK);
	return *n > 0 ? out[0].check : "";
}

static void
test_lengths(void **state)
{
	zf_plausible_input in;
	int			n;

	(void) state;
	input(&in, fixed_file(20, 40), ZF_RECFM_FB, 80, true, 40, "cp037");
	assert_string_equal(first(&in, NULL, &n), "lrecl_multiple");
	assert_true(out[0].error);
	assert_non_null(strstr(out[0].message, "80 is 2 times"));
	assert_string_equal(first(&in, "lrecl_multiple", &n), "");
	input(&in, fixed_file(20, 40), ZF_RECFM_FB, 40, false, 40, "cp037");
	assert_string_equal(first(&in, NULL, &n), "");
	input(&in, fixed_file(10, 100), ZF_RECFM_FB, 100, true, 30, "cp037");
	assert_string_equal(first(&in, NULL, &n), "layout_short");
	assert_false(out[0].error);
}

static void
test_descriptors(void **state)
{
	zf_plausible_input in;
	int			n;
	size_t		len = 0;

	(void) state;
	/* ten records with z/OS RDWs (length counts the 4 bytes) */
	for (int r = 0; r < 10; r++)
	{
		int			dl = 6 + r % 3;

		file[len++] = 0;
		file[len++] = (uint8_t) (dl + 4);
		file[len++] = 0;
		file[len++] = 0;
		for (int i = 0; i < dl; i++)
			file[len++] = 0xC1;
	}
	input(&in, len, ZF_RECFM_FB, 10, false, 10, "cp037");
	assert_string_equal(first(&in, NULL, &n), "rdw_as_fb");
	assert_true(out[0].error);
	assert_string_equal(first(&in, "rdw_as_fb", &n), "");
	input(&in, len, ZF_RECFM_VB, 0, false, 10, "cp037");
	assert_string_equal(first(&in, NULL, &n), "");
	/* fixed data read as vb */
	input(&in, fixed_file(20, 40), ZF_RECFM_VB, 0, false, 40, "cp037");
	assert_string_equal(first(&in, NULL, &n), "fixed_as_vb");
}

static void
test_charsets(void **state)
{
	zf_plausible_input in;
	int			n;
	const char *text = "ACCOUNT 0001 JOHN SMITH 1200 MAIN STREET\r\n";
	size_t		len = 0;

	(void) state;
	/* EBCDIC text with an ASCII page */
	input(&in, fixed_file(20, 40), ZF_RECFM_FB, 40, false, 40, "latin1");
	assert_string_equal(first(&in, NULL, &n), "ebcdic_as_ascii");
	assert_string_equal(first(&in, "ebcdic_as_ascii", &n), "");
	/* ASCII text with line ends, with an EBCDIC page */
	for (int r = 0; r < 20; r++)
	{
		memcpy(file + len, text, strlen(text));
		len += strlen(text);
	}
	input(&in, len, ZF_RECFM_FB, 40, false, 40, "cp037");
	assert_string_equal(first(&in, NULL, &n), "ascii_transfer");
}

/*
 * A line end after every fixed-length record (a text-mode transfer):
 * X'25', X'15' or X'0D25' every lrecl + 1 or + 2 bytes; the same records
 * without one, or with one only every other record, draw nothing.
 */
static void
test_line_ends(void **state)
{
	static const uint8_t ends[3][2] = {{0x25, 0}, {0x15, 0}, {0x0D, 0x25}};
	zf_plausible_input in;
	int			n;

	(void) state;
	for (int e = 0; e < 3; e++)
	{
		int			w = ends[e][1] ? 2 : 1;
		size_t		len = 0;

		fixed_file(10, 30);
		memmove(file + 2000, file, 300);
		for (int r = 0; r < 10; r++)
		{
			memcpy(file + len, file + 2000 + r * 30, 30);
			len += 30;
			memcpy(file + len, ends[e], (size_t) w);
			len += (size_t) w;
		}
		input(&in, len, ZF_RECFM_FB, 30, false, 30, "cp037");
		assert_string_equal(first(&in, NULL, &n), "ascii_transfer");
		assert_true(out[0].error);
		assert_non_null(strstr(out[0].message, e == 0 ? "X'25'" : e == 1 ? "X'15'" : "X'0D25'"));
		assert_non_null(strstr(out[0].detail, "first 10 records of 30 bytes"));
		assert_non_null(strstr(out[0].hint, "binary mode"));
		assert_string_equal(first(&in, "ascii_transfer", &n), "");
	}
	/* no line ends; and X'25' after every second record only */
	input(&in, fixed_file(10, 30), ZF_RECFM_FB, 30, false, 30, "cp037");
	assert_string_equal(first(&in, NULL, &n), "");
	for (int r = 0; r < 10; r += 2)
		file[r * 30 + 29] = 0x25;
	input(&in, 300, ZF_RECFM_FB, 29, false, 29, "cp037");
	assert_string_equal(first(&in, NULL, &n), "");
}

static void
test_codepage(void **state)
{
	zf_plausible_input in;
	zf_span		span = {0, 20};
	int			n;
	/* "MUELLER M\xFCller" in cp037: M=D4 \xFC=DC l=93 l=93 e=85 r=99 */
	static const uint8_t rec[20] = {
		0xD4, 0xDC, 0x93, 0x93, 0x85, 0x99, 0x40, 0xD2, 0xDC, 0x88,
		0x93, 0x85, 0x99, 0x40, 0xE2, 0xDC, 0xA2, 0xA2, 0x40, 0x40
	};

	(void) state;
	for (int r = 0; r < 10; r++)
		memcpy(file + r * 20, rec, 20);
	input(&in, 200, ZF_RECFM_FB, 20, false, 20, "cp273");
	in.text = &span;
	in.ntext = 1;
	assert_string_equal(first(&in, NULL, &n), "codepage");
	assert_false(out[0].error);
	assert_non_null(strstr(out[0].hint, "cp037"));
	assert_string_equal(first(&in, "codepage", &n), "");
	input(&in, 200, ZF_RECFM_FB, 20, false, 20, "cp037");
	in.text = &span;
	in.ntext = 1;
	assert_string_equal(first(&in, NULL, &n), "");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_lengths),
		cmocka_unit_test(test_descriptors),
		cmocka_unit_test(test_charsets),
		cmocka_unit_test(test_line_ends),
		cmocka_unit_test(test_codepage),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
