/*-------------------------------------------------------------------------
 *
 * test_picture.c
 *	  Unit tests for PICTURE strings (picture.c).
 *
 * Expected sizes follow IBM's rules: every symbol is one character
 * position except S, V and P (none) and CR/DB (two); digits are the 9s,
 * and in edited pictures Z, * and the floating insertion symbols after
 * the first of their string.  Each vector's comment counts it out.
 *
 *-------------------------------------------------------------------------
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "cobol/copybook.h"

typedef struct pic_vector
{
	const char *pic;
	zf_kind		kind;
	uint32_t	size;
	int			digits;
	int			scale;
	bool		is_signed;
} pic_vector;

static const pic_vector good[] = {
	{"X(10)", ZF_KIND_ALNUM, 10, 0, 0, false},
	{"x", ZF_KIND_ALNUM, 1, 0, 0, false},
	{"A(3)", ZF_KIND_ALNUM, 3, 0, 0, false},
	{"XXBXX", ZF_KIND_ALNUM, 5, 0, 0, false},	/* alphanumeric-edited */
	{"A9X", ZF_KIND_ALNUM, 3, 0, 0, false},
	{"9(5)", ZF_KIND_ZONED, 5, 5, 0, false},
	{"S9(7)V99", ZF_KIND_ZONED, 9, 9, 2, true},	/* 7 + 2 digits, S V free */
	{"s9v99", ZF_KIND_ZONED, 3, 3, 2, true},
	{"9(5)PPP", ZF_KIND_ZONED, 5, 5, -3, false},	/* thousands */
	{"S9(5)PPPV", ZF_KIND_ZONED, 5, 5, -3, true},
	{"PPP9(5)", ZF_KIND_ZONED, 5, 5, 8, false},	/* .000nnnnn */
	{"SPPP9", ZF_KIND_ZONED, 1, 1, 4, true},
	{"VPPP999", ZF_KIND_ZONED, 3, 3, 6, false},
	{"SV9(5)", ZF_KIND_ZONED, 5, 5, 5, true},
	{"9(38)", ZF_KIND_ZONED, 38, 38, 0, false},
	{"99/99/99", ZF_KIND_EDITED, 8, 6, 0, false},
	/* Z(5) 9 . 99 - : 5+1+1+2+1 positions, 8 digits, 2 after the point */
	{"Z(5)9.99-", ZF_KIND_EDITED, 10, 8, 2, true},
	/* floating minus: 7 '-', the first is not a digit: 6 + 9 + 99 */
	{"--,---,--9.99", ZF_KIND_EDITED, 13, 9, 2, true},
	/* 16 '-' -> 15 digits, + 9 + 99 = 18 */
	{"--,---,---,---,---,--9.99", ZF_KIND_EDITED, 25, 18, 2, true},
	/* floating $: 5 '$' -> 4 digits + 9 + 99 */
	{"$$$,$$9.99", ZF_KIND_EDITED, 10, 7, 2, false},
	/* a single $ is fixed insertion: one position, no digit */
	{"$ZZZZ9999", ZF_KIND_EDITED, 9, 8, 0, false},
	{"***,**9.99", ZF_KIND_EDITED, 10, 8, 2, false},
	{"9(5)CR", ZF_KIND_EDITED, 7, 5, 0, true},
	{"ZZ9DB", ZF_KIND_EDITED, 5, 3, 0, true},
	{"+9(8)", ZF_KIND_EDITED, 9, 8, 0, true},
	{"9(8)+", ZF_KIND_EDITED, 9, 8, 0, true},
	{"Z(6)VZZ-", ZF_KIND_EDITED, 9, 8, 2, true},	/* V takes no position */
	{"9(6).99-", ZF_KIND_EDITED, 10, 8, 2, true},
	{"+++9", ZF_KIND_EDITED, 4, 3, 0, true},
	{"ZZZ.ZZ", ZF_KIND_EDITED, 6, 5, 2, false},
	{"99B99", ZF_KIND_EDITED, 5, 4, 0, false},
	{"G(5)", ZF_KIND_DBCS, 5, 0, 0, false},
	{"N(3)", ZF_KIND_NATIONAL, 3, 0, 0, false},
	{"NBN", ZF_KIND_NATIONAL, 3, 0, 0, false},
};

static void
test_picture_good(void **state)
{
	(void) state;
	for (size_t i = 0; i < sizeof(good) / sizeof(good[0]); i++)
	{
		zf_picture	p;
		zf_error	err;
		zf_status	s = zf_picture_parse(good[i].pic, strlen(good[i].pic), &p, &err);

		if (s != ZF_OK)
			print_message("%s: %s\n", good[i].pic, err.message);
		assert_int_equal(s, ZF_OK);
		if (p.kind != good[i].kind || p.size != good[i].size || p.digits != good[i].digits ||
			p.scale != good[i].scale || p.is_signed != good[i].is_signed)
			print_message("%s: kind %d size %u digits %d scale %d signed %d\n", good[i].pic,
						  p.kind, p.size, p.digits, p.scale, p.is_signed);
		assert_int_equal(p.kind, good[i].kind);
		assert_int_equal(p.size, good[i].size);
		assert_int_equal(p.digits, good[i].digits);
		assert_int_equal(p.scale, good[i].scale);
		assert_int_equal(p.is_signed, good[i].is_signed);
	}
}

/* Alphabetic: only A (and B). */
static void
test_picture_alphabetic(void **state)
{
	zf_picture	p;

	(void) state;
	assert_int_equal(zf_picture_parse("A(3)BA", 6, &p, NULL), ZF_OK);
	assert_true(p.alphabetic);
	assert_int_equal(zf_picture_parse("AX", 2, &p, NULL), ZF_OK);
	assert_false(p.alphabetic);
}

static const struct
{
	const char *pic;
	zf_status	status;
	const char *message;
}			bad[] = {
	{"", ZF_E_SYNTAX, "empty"},
	{"S9.9", ZF_E_SYNTAX, "S is not allowed"},
	{"9V9V9", ZF_E_SYNTAX, "V appears more than once"},
	{"9S9", ZF_E_SYNTAX, "S must appear once"},
	{"X(0)", ZF_E_SYNTAX, "zero"},
	{"X(", ZF_E_SYNTAX, "invalid repeat count"},
	{"9(5", ZF_E_SYNTAX, "invalid repeat count"},
	{"9()", ZF_E_SYNTAX, "invalid repeat count"},
	{"Q9", ZF_E_SYNTAX, "invalid character 'Q'"},
	{"9(39)", ZF_E_SYNTAX, "more than 38"},
	{"9P9", ZF_E_SYNTAX, "P must be at the left or right"},
	{"CR9", ZF_E_SYNTAX, "CR or DB must appear once"},
	{"+9(5)-", ZF_E_SYNTAX, "more than one kind of sign"},
	{"--9-", ZF_E_SYNTAX, "floating sign string"},
	{"Z*9", ZF_E_SYNTAX, "Z and * cannot both"},
	{"9.9V9", ZF_E_SYNTAX, "more than one decimal point"},
	{"GX", ZF_E_SYNTAX, "mixes G"},
	{"N9", ZF_E_SYNTAX, "mixes N"},
	{"X9Z", ZF_E_SYNTAX, "A or X with numeric symbols"},
	{"SX", ZF_E_SYNTAX, "A or X with numeric symbols"},
	{"PPP", ZF_E_SYNTAX, "no digit position"},
	{"+", ZF_E_SYNTAX, "no digit position"},
	{"+9.9E+99", ZF_E_UNSUPPORTED, "floating-point edited"},
	{"U(5)", ZF_E_UNSUPPORTED, "not supported"},
	{"1(8)", ZF_E_UNSUPPORTED, "not supported"},
	{"X(99999999999)", ZF_E_LIMIT, "too large"},
	{"XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX", ZF_E_SYNTAX, "longer than 50"},
};

static void
test_picture_bad(void **state)
{
	(void) state;
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
	{
		zf_picture	p;
		zf_error	err;
		zf_status	s = zf_picture_parse(bad[i].pic, strlen(bad[i].pic), &p, &err);

		if (s != bad[i].status || strstr(err.message, bad[i].message) == NULL)
			print_message("%s: status %d message %s\n", bad[i].pic, s, err.message);
		assert_int_equal(s, bad[i].status);
		assert_non_null(strstr(err.message, bad[i].message));
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_picture_good),
		cmocka_unit_test(test_picture_alphabetic),
		cmocka_unit_test(test_picture_bad),
	};

	return cmocka_run_group_tests_name("picture", tests, NULL, NULL);
}
