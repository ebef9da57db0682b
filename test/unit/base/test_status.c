/*-------------------------------------------------------------------------
 *
 * test_status.c
 *	  Unit tests for the core's error values (status.c).
 *
 *-------------------------------------------------------------------------
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "base/status.h"

/* zf_error_set fills the message and returns the status it was given. */
static void
test_error_set(void **state)
{
	zf_error	err;

	(void) state;
	assert_int_equal(zf_error_set(&err, ZF_E_BAD_DATA, "bad %s at %d", "nibble", 3),
					 ZF_E_BAD_DATA);
	assert_int_equal(err.status, ZF_E_BAD_DATA);
	assert_string_equal(err.message, "bad nibble at 3");
	assert_string_equal(err.detail, "");
	assert_int_equal(err.offset, -1);
	zf_error_detail(&err, "found %s", "X'0C'");
	zf_error_hint(&err, "check the copybook");
	assert_string_equal(err.detail, "found X'0C'");
	assert_string_equal(err.hint, "check the copybook");
}

/*
 * A limit error names its bound in a field of its own; setting another
 * error, or clearing it, forgets the bound.
 */
static void
test_error_limit(void **state)
{
	zf_error	err;

	(void) state;
	zf_error_clear(&err);
	assert_int_equal(err.limit, ZF_LIMIT_NONE);
	zf_error_set(&err, ZF_E_LIMIT, "OCCURS 9 is more than the limit of 8 occurrences");
	assert_int_equal(err.limit, ZF_LIMIT_NONE);
	zf_error_limit(&err, ZF_LIMIT_OCCURS);
	assert_int_equal(err.status, ZF_E_LIMIT);
	assert_int_equal(err.limit, ZF_LIMIT_OCCURS);
	zf_error_set(&err, ZF_E_LIMIT, "layout has more than 3 fields");
	assert_int_equal(err.limit, ZF_LIMIT_NONE);
	zf_error_limit(&err, ZF_LIMIT_FIELDS);
	zf_error_clear(&err);
	assert_int_equal(err.limit, ZF_LIMIT_NONE);
	zf_error_limit(NULL, ZF_LIMIT_SOURCE);
}

/* A NULL error is allowed everywhere: the hot path passes one. */
static void
test_error_null(void **state)
{
	(void) state;
	assert_int_equal(zf_error_set(NULL, ZF_E_OVERFLOW, "x"), ZF_E_OVERFLOW);
	zf_error_detail(NULL, "y");
	zf_error_hint(NULL, "z");
	zf_error_clear(NULL);
}

/* Hex rendering: upper case, blank separated, cut with "..." */
static void
test_hex(void **state)
{
	const uint8_t bytes[] = {0xF1, 0x0C, 0x00, 0xAB, 0x40};
	char		buf[64];

	(void) state;
	zf_hex(buf, sizeof(buf), bytes, 5, 16);
	assert_string_equal(buf, "F1 0C 00 AB 40");
	zf_hex(buf, sizeof(buf), bytes, 5, 2);
	assert_string_equal(buf, "F1 0C ...");
	zf_hex(buf, sizeof(buf), bytes, 0, 2);
	assert_string_equal(buf, "");
	zf_hex(buf, 8, bytes, 5, 16);
	assert_true(strlen(buf) < 8);
}

/*
 * Error texts stay valid UTF-8 whatever bytes they quote (fuzz_decimal
 * found a data byte X'E8' copied into a message): a stray byte becomes
 * '?', a character cut by the buffer's end is dropped, good UTF-8 stays.
 */
static void
test_error_utf8(void **state)
{
	zf_error	err;
	char		longtext[ZF_MSG_LEN + 8];

	(void) state;
	zf_error_set(&err, ZF_E_BAD_DATA, "bad \"%s\"", "a\xE8\xFF\xC0\x80" "b");
	assert_string_equal(err.message, "bad \"a????b\"");
	zf_error_detail(&err, "caf\xC3\xA9 \xED\xA0\x80 \xF0\x9F\x98\x80");
	assert_string_equal(err.detail, "caf\xC3\xA9 ??? \xF0\x9F\x98\x80");
	zf_error_hint(&err, "x\xE2\x82");
	assert_string_equal(err.hint, "x");
	/*
	 * Text cut by the buffer ends with an ellipsis (fuzz_punch: a long
	 * quoted name lost its closing quote), never inside a character: here
	 * a two-byte character straddles the place of the cut.
	 */
	memset(longtext, 'a', ZF_MSG_LEN + 4);
	longtext[ZF_MSG_LEN + 4] = '\0';
	zf_error_set(&err, ZF_E_SYNTAX, "%s", longtext);
	assert_int_equal(strlen(err.message), ZF_MSG_LEN - 1);
	assert_memory_equal(err.message + ZF_MSG_LEN - 4, "\xE2\x80\xA6", 4);
	memcpy(longtext + ZF_MSG_LEN - 5, "\xC3\xA9", 2);
	zf_error_set(&err, ZF_E_SYNTAX, "%s", longtext);
	assert_int_equal(strlen(err.message), ZF_MSG_LEN - 2);
	assert_memory_equal(err.message + ZF_MSG_LEN - 6, "a\xE2\x80\xA6", 5);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_error_set),
		cmocka_unit_test(test_error_limit),
		cmocka_unit_test(test_error_null),
		cmocka_unit_test(test_hex),
		cmocka_unit_test(test_error_utf8),
	};

	return cmocka_run_group_tests_name("status", tests, NULL, NULL);
}
