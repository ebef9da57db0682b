/*-------------------------------------------------------------------------
 *
 * test_descriptor.c
 *	  Unit tests for descriptor words (descriptor.c): RDW, SDW and BDW in
 *	  z/OS order and reversed, lengths counting the word or not, and each
 *	  fault.  Words are written as their four bytes, e.g. the z/OS RDW of
 *	  a record of 3 data bytes is 00 07 00 00.
 *
 *-------------------------------------------------------------------------
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "records/descriptor.h"

/* One descriptor word and what it decodes to. */
typedef struct dw_case
{
	const char *what;
	char		kind;			/* 'R' RDW, 'S' SDW, 'B' BDW */
	uint8_t		raw[4];
	zf_dw_conv	conv;			/* byte order big, length counts the word */
	zf_dw_fault fault;
	uint64_t	data;			/* bytes after the word, when ZF_DW_OK */
	int			segment;
} dw_case;

static const dw_case cases[] = {
	/* RDWs in both orders, both length conventions */
	{"z/OS RDW", 'R', {0x00, 0x07, 0x00, 0x00}, {true, true}, ZF_DW_OK, 3, 0},
	{"reversed RDW, length excluding it", 'R', {0x00, 0x00, 0x03, 0x00}, {false, false}, ZF_DW_OK, 3, 0},
	{"RDW, length 3 excluding it", 'R', {0x00, 0x03, 0x00, 0x00}, {true, false}, ZF_DW_OK, 3, 0},
	{"RDW with a segment code", 'R', {0x00, 0x07, 0x01, 0x00}, {true, true}, ZF_DW_NOT_ZERO, 0, 0},
	{"RDW of length 0", 'R', {0x00, 0x00, 0x00, 0x00}, {true, true}, ZF_DW_ZERO_LENGTH, 0, 0},
	{"RDW of length 3 counting itself", 'R', {0x00, 0x03, 0x00, 0x00}, {true, true}, ZF_DW_SHORT, 0, 0},
	/* SDWs carry a segment code 0 to 3 in their third byte */
	{"last segment", 'S', {0x00, 0x09, 0x02, 0x00}, {true, true}, ZF_DW_OK, 5, 2},
	{"segment code 4", 'S', {0x00, 0x09, 0x04, 0x00}, {true, true}, ZF_DW_NOT_SEGMENT, 0, 0},
	/* BDWs: short and extended; the smallest block holds one RDW */
	{"z/OS BDW", 'B', {0x00, 0x10, 0x00, 0x00}, {true, true}, ZF_DW_OK, 12, 0},
	{"extended BDW", 'B', {0x80, 0x01, 0x00, 0x08}, {true, true}, ZF_DW_OK, 0x010004, 0},
	{"reversed BDW, length excluding it", 'B', {0x00, 0x00, 0x0C, 0x00}, {false, false}, ZF_DW_OK, 12, 0},
	{"BDW of length 7", 'B', {0x00, 0x07, 0x00, 0x00}, {true, true}, ZF_DW_SHORT, 0, 0},
	{"short BDW with a non-zero byte 4", 'B', {0x00, 0x10, 0x00, 0x01}, {true, true}, ZF_DW_NOT_ZERO, 0, 0},
};

/* Every case decodes as listed. */
static void
test_cases(void **state)
{
	(void) state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
	{
		const dw_case *c = &cases[i];
		zf_dw		dw;
		zf_dw_fault fault = c->kind == 'B' ? zf_dw_block(c->raw, c->conv, &dw) :
			zf_dw_record(c->raw, c->conv, c->kind == 'S', &dw);

		if (fault != c->fault || (fault == ZF_DW_OK &&
								  (dw.data != c->data || dw.segment != c->segment)))
			fail_msg("%s: fault %d data %llu segment %d", c->what, (int) fault,
					 (unsigned long long) dw.data, dw.segment);
	}
}

/* The word comes back in z/OS order: callers word their hints from it. */
static void
test_word(void **state)
{
	const uint8_t reversed[] = {0x00, 0x01, 0x07, 0x00};
	zf_dw		dw;

	(void) state;
	assert_int_equal(zf_dw_record(reversed, (zf_dw_conv) {false, true}, false, &dw),
					 ZF_DW_NOT_ZERO);
	assert_memory_equal(dw.word, "\x00\x07\x01\x00", 4);
	assert_int_equal(dw.length, 7);
}

/* A null segment ends a block; only X'80000000' is a valid one. */
static void
test_null_segment(void **state)
{
	const uint8_t null_zos[] = {0x80, 0x00, 0x00, 0x00};
	const uint8_t null_le[] = {0x00, 0x00, 0x00, 0x80};
	const uint8_t not_null[] = {0x80, 0x00, 0x01, 0x00};
	const uint8_t plain[] = {0x00, 0x07, 0x00, 0x00};
	bool		ok;

	(void) state;
	assert_true(zf_dw_null_segment(null_zos, true, &ok));
	assert_true(ok);
	assert_true(zf_dw_null_segment(null_le, false, &ok));
	assert_true(ok);
	assert_true(zf_dw_null_segment(not_null, true, &ok));
	assert_false(ok);
	assert_false(zf_dw_null_segment(plain, true, &ok));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_cases),
		cmocka_unit_test(test_word),
		cmocka_unit_test(test_null_segment),
	};

	return cmocka_run_group_tests_name("descriptor", tests, NULL, NULL);
}
