/*-------------------------------------------------------------------------
 *
 * test_damage.c
 *	  Unit tests for the hints of damaged copybooks (cbl_damage.c): each
 *	  kind of damage gives the error it gave before and a hint naming it.
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

#include "cobol/copybook.h"
#include "layout/layout.h"

/* Parse text, expect a syntax error whose hint contains want. */
static void
expect_hint(const char *text, const char *want)
{
	zf_error	err;
	zf_layout  *L = zf_copybook_parse(text, strlen(text), NULL, &err);

	assert_null(L);
	assert_int_equal(err.status, ZF_E_SYNTAX);
	if (strstr(err.hint, want) == NULL)
		fail_msg("hint \"%s\" lacks \"%s\" (error: %s)", err.hint, want, err.message);
}

static void
test_comment_column(void **state)
{
	(void) state;
	expect_hint("       * a comment\n       01  REC.\n           05  A   PIC X(4).\n",
				"'*' in column 8");
	expect_hint("         * indented\n       01  REC.\n           05  A   PIC X(4).\n",
				"'*' in column 10");
}

static void
test_sequence_numbers(void **state)
{
	char		text[400];

	(void) state;
	/* 81 columns: read as free format, the numbers become program text */
	snprintf(text, sizeof(text), "000100 01  REC.%57sCUST0001X\n000200     05  A   PIC X(4).\n", "");
	expect_hint(text, "sequence numbers, but line 1 is longer than 80 columns");
}

static void
test_missing_period(void **state)
{
	(void) state;
	expect_hint("       01  REC.\n           05  A   PIC X(4)\n           05  B   PIC X(4).\n",
				"before line 3 may lack its separator period");
}

static void
test_tabs(void **state)
{
	(void) state;
	/* six tabs put PIC X(4). at column 65: its period falls past 72 */
	expect_hint("\t01  REC.\n\t\t05  A\t\t\t\t\t\tPIC X(4).\n\t\t05  B   PIC X(4).\n",
				"Line 2 has tabs");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_comment_column),
		cmocka_unit_test(test_sequence_numbers),
		cmocka_unit_test(test_missing_period),
		cmocka_unit_test(test_tabs),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
