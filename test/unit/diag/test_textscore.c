/*-------------------------------------------------------------------------
 *
 * test_textscore.c
 *	  Unit tests for the code page ranking (diag/textscore.c).
 *
 * The texts are written in each page by glibc iconv (the oracle for the
 * pages' tables), not by zfdw: names and streets with the letters of each
 * language, and the page must rank first (or tie first with a page that
 * reads every byte of the text the same).
 *
 *-------------------------------------------------------------------------
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <iconv.h>
#include <stdio.h>
#include <string.h>

#include "diag/textscore.h"

/* UTF-8 text in page (iconv name) into buf; returns the length. */
static size_t
encode(const char *page, const char *utf8, uint8_t *buf, size_t cap)
{
	iconv_t		cd = iconv_open(page, "UTF-8");
	char	   *in = (char *) utf8;
	char	   *out = (char *) buf;
	size_t		il = strlen(utf8),
				ol = cap;

	assert_true(cd != (iconv_t) -1);
	assert_true(iconv(cd, &in, &il, &out, &ol) != (size_t) -1);
	iconv_close(cd);
	return cap - ol;
}

static void
expect_first(const char *iconv_page, const char *zf_page, const char *text)
{
	uint8_t		buf[512];
	size_t		n = encode(iconv_page, text, buf, sizeof(buf));
	zf_text_score r[ZF_TEXTSCORE_PAGES];
	int			nr;
	zf_error	err;

	zf_error_clear(&err);
	assert_int_equal(zf_text_rank_pages(buf, n, r, &nr, &err), ZF_OK);
	assert_int_equal(nr, ZF_TEXTSCORE_PAGES);
	if (strcmp(r[0].page, zf_page) != 0)
		fail_msg("%s text: %s ranks first (%.1f), %s expected", zf_page,
				 r[0].page, r[0].score, zf_page);
}

static void
test_national_pages(void **state)
{
	(void) state;
	expect_first("IBM037", "cp037", "John O'Brien, 1200 Main Street, Springfield");
	expect_first("IBM273", "cp273", "Jürgen Müller, Königstraße 12, München; Grüße aus Köln");
	expect_first("IBM277", "cp277", "Søren Kierkegaard, Nørrebrogade 12, København; René Ærø, Århus");
	expect_first("IBM278", "cp278", "Åsa Lindström, Storgatan 5, Västerås; André Öberg, Göteborg");
	expect_first("IBM280", "cp280", "Niccolò Rossi, Via Garibaldi 3, Città di Castello; Forlì");
	expect_first("IBM284", "cp284", "José Núñez, Calle de la Peña 7, Logroño; María Ibáñez, Málaga");
	expect_first("IBM297", "cp297", "François Lefèvre, 12 rue de l'Église, Besançon; Hélène Dupré");
	expect_first("IBM1141", "cp1141", "Jürgen Müller, Königstraße 12, München; Preis 12 € für Größe");
	expect_first("IBM1147", "cp1147", "François Lefèvre, 12 rue de l'Église, Besançon; Prix 15 € Noël");
}

/* The wrong page reads symbols in words; the sample shows them. */
static void
test_odd_and_sample(void **state)
{
	uint8_t		buf[128];
	size_t		n = encode("IBM037", "Matthew Müller", buf, sizeof(buf));
	zf_text_score s;
	zf_error	err;
	char		sample[256];

	(void) state;
	zf_error_clear(&err);
	assert_int_equal(zf_text_score_named("cp273", buf, n, &s, &err), ZF_OK);
	assert_int_equal(s.in_word, 1);
	assert_int_equal(s.odd, 1);
	assert_int_equal(s.odd_offset, 9);
	zf_text_sample(zf_codepage_lookup("cp273", &err), buf, n, s.odd_offset,
				   sample, sizeof(sample));
	assert_string_equal(sample, "Matthew M}ller");
	assert_int_equal(zf_text_score_named("cp037", buf, n, &s, &err), ZF_OK);
	assert_int_equal(s.odd, 0);
	assert_int_equal(s.letters, 1);
	/* not an EBCDIC single-byte page */
	assert_int_equal(zf_text_score_named("latin1", buf, n, &s, &err), ZF_E_ARG);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_national_pages),
		cmocka_unit_test(test_odd_and_sample),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
