/*-------------------------------------------------------------------------
 *
 * test_usage.c
 *	  Unit tests for usage words and the usage + picture + length ->
 *	  field mapping (usage.c) that copybooks and explicit columns share.
 *
 * Sizes are IBM Enterprise COBOL's: packed digits/2 + 1 bytes (S9(7)V99:
 * 9 digits, 5 bytes), binary 2 bytes up to 4 digits, 4 up to 9, 8 up to
 * 18; DBCS and national two bytes a character.  Each vector's comment
 * counts it out.
 *
 *-------------------------------------------------------------------------
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "cobol/usage.h"

/* The usage a word names, in each vocabulary. */
static void
test_usage_lookup(void **state)
{
	(void) state;
#define LOOK(w, v) zf_usage_lookup((w), strlen(w), (v))
	assert_int_equal(LOOK("COMP-3", ZF_USAGE_WORDS_COBOL), ZF_USAGE_COMP3);
	assert_int_equal(LOOK("comp-3", ZF_USAGE_WORDS_OPTION), ZF_USAGE_COMP3);
	assert_int_equal(LOOK("Computational-3", ZF_USAGE_WORDS_COBOL), ZF_USAGE_COMP3);
	assert_int_equal(LOOK("computational-3", ZF_USAGE_WORDS_OPTION), ZF_USAGE_NONE);
	assert_int_equal(LOOK("PACKED-DECIMAL", ZF_USAGE_WORDS_COBOL), ZF_USAGE_COMP3);
	assert_int_equal(LOOK("packed-decimal", ZF_USAGE_WORDS_OPTION), ZF_USAGE_COMP3);
	assert_int_equal(LOOK("BINARY", ZF_USAGE_WORDS_COBOL), ZF_USAGE_COMP);
	assert_int_equal(LOOK("comp-4", ZF_USAGE_WORDS_OPTION), ZF_USAGE_COMP);
	assert_int_equal(LOOK("COMPUTATIONAL", ZF_USAGE_WORDS_COBOL), ZF_USAGE_COMP);
	assert_int_equal(LOOK("comp-5", ZF_USAGE_WORDS_OPTION), ZF_USAGE_COMP5);
	assert_int_equal(LOOK("INDEX", ZF_USAGE_WORDS_COBOL), ZF_USAGE_INDEX);
	assert_int_equal(LOOK("index", ZF_USAGE_WORDS_OPTION), ZF_USAGE_NONE);
	assert_int_equal(LOOK("graphic", ZF_USAGE_WORDS_OPTION), ZF_USAGE_DISPLAY1);
	assert_int_equal(LOOK("GRAPHIC", ZF_USAGE_WORDS_COBOL), ZF_USAGE_NONE);
	assert_int_equal(LOOK("display-1", ZF_USAGE_WORDS_OPTION), ZF_USAGE_DISPLAY1);
	assert_int_equal(LOOK("timestamp", ZF_USAGE_WORDS_OPTION), ZF_USAGE_TIMESTAMP);
	assert_int_equal(LOOK("bytes", ZF_USAGE_WORDS_OPTION), ZF_USAGE_BYTES);
	assert_int_equal(LOOK("CHAR", ZF_USAGE_WORDS_COBOL), ZF_USAGE_NONE);
	assert_int_equal(LOOK("comp-", ZF_USAGE_WORDS_OPTION), ZF_USAGE_NONE);
	assert_int_equal(LOOK("comp-33", ZF_USAGE_WORDS_OPTION), ZF_USAGE_NONE);
	assert_int_equal(LOOK("", ZF_USAGE_WORDS_OPTION), ZF_USAGE_NONE);
	/* a word is compared whole, not as a prefix of the text */
	assert_int_equal(zf_usage_lookup("COMP-3.", 6, ZF_USAGE_WORDS_COBOL), ZF_USAGE_COMP3);
#undef LOOK
	assert_string_equal(zf_usage_name(ZF_USAGE_NONE), "display");
	assert_string_equal(zf_usage_name(ZF_USAGE_COMP), "comp");
	assert_string_equal(zf_usage_name(ZF_USAGE_COMP3), "comp-3");
	assert_string_equal(zf_usage_name(ZF_USAGE_DISPLAY1), "display-1");
	assert_string_equal(zf_usage_name(ZF_USAGE_BYTES), "bytes");
	assert_false(zf_usage_takes_picture(ZF_USAGE_COMP1));
	assert_false(zf_usage_takes_picture(ZF_USAGE_POINTER));
	assert_true(zf_usage_takes_picture(ZF_USAGE_NONE));
	assert_true(zf_usage_takes_picture(ZF_USAGE_COMP3));
}

typedef struct usage_vector
{
	zf_usage	usage;
	const char *pic;			/* NULL: none */
	uint32_t	length;			/* without a picture */
	zf_kind		kind;
	uint32_t	bytes;
	int			digits;
	int			scale;
	bool		is_signed;
	bool		native;
	const char *name;			/* canonical usage */
} usage_vector;

static const usage_vector good[] = {
	/* 9 digits: 9/2 + 1 = 5 bytes */
	{ZF_USAGE_COMP3, "S9(7)V99", 0, ZF_KIND_PACKED, 5, 9, 2, true, false, "comp-3"},
	/* 4 digits: a halfword */
	{ZF_USAGE_COMP, "S9(4)", 0, ZF_KIND_BINARY, 2, 4, 0, true, false, "comp"},
	/* 9 digits: a fullword; COMP-5 has the full binary range */
	{ZF_USAGE_COMP5, "9(9)", 0, ZF_KIND_BINARY, 4, 9, 0, false, true, "comp-5"},
	/* 10 digits: a doubleword */
	{ZF_USAGE_COMP, "S9(10)", 0, ZF_KIND_BINARY, 8, 10, 0, true, false, "comp"},
	/* no usage: zoned, one byte a digit */
	{ZF_USAGE_NONE, "S9(5)", 0, ZF_KIND_ZONED, 5, 5, 0, true, false, "display"},
	{ZF_USAGE_DISPLAY, "9(3)V9", 0, ZF_KIND_ZONED, 4, 4, 1, false, false, "display"},
	{ZF_USAGE_DISPLAY, "X(10)", 0, ZF_KIND_ALNUM, 10, 0, 0, false, false, "display"},
	/* Z Z 9 . 9 9: 6 positions, 5 digits */
	{ZF_USAGE_NONE, "ZZ9.99", 0, ZF_KIND_EDITED, 6, 5, 2, false, false, "display"},
	/* 4 DBCS characters: 8 bytes */
	{ZF_USAGE_NONE, "G(4)", 0, ZF_KIND_DBCS, 8, 0, 0, false, false, "display-1"},
	{ZF_USAGE_DISPLAY1, "N(3)", 0, ZF_KIND_DBCS, 6, 0, 0, false, false, "display-1"},
	/* PIC N without usage: UTF-16, 2 bytes a character */
	{ZF_USAGE_NONE, "N(4)", 0, ZF_KIND_NATIONAL, 8, 0, 0, false, false, "national"},
	{ZF_USAGE_NATIONAL, "N(2)", 0, ZF_KIND_NATIONAL, 4, 0, 0, false, false, "national"},
	/* hexadecimal floats and fullwords: no picture */
	{ZF_USAGE_COMP1, NULL, 0, ZF_KIND_FLOAT, 4, 0, 0, true, false, "comp-1"},
	{ZF_USAGE_COMP2, NULL, 0, ZF_KIND_FLOAT, 8, 0, 0, true, false, "comp-2"},
	{ZF_USAGE_INDEX, NULL, 0, ZF_KIND_BINARY, 4, 0, 0, true, true, "index"},
	{ZF_USAGE_POINTER, NULL, 0, ZF_KIND_BINARY, 4, 0, 0, false, true, "pointer"},
	/* no picture, a length: 5 packed bytes hold 2 * 5 - 1 = 9 digits */
	{ZF_USAGE_COMP3, NULL, 5, ZF_KIND_PACKED, 5, 9, 0, true, false, "comp-3"},
	{ZF_USAGE_COMP, NULL, 4, ZF_KIND_BINARY, 4, 0, 0, true, true, "comp"},
	{ZF_USAGE_NONE, NULL, 12, ZF_KIND_ALNUM, 12, 0, 0, false, false, "display"},
	{ZF_USAGE_DISPLAY1, NULL, 6, ZF_KIND_DBCS, 6, 0, 0, false, false, "display-1"},
	{ZF_USAGE_NATIONAL, NULL, 6, ZF_KIND_NATIONAL, 6, 0, 0, false, false, "national"},
	/* DB2 types: the length, or the external format's */
	{ZF_USAGE_CHAR, NULL, 8, ZF_KIND_ALNUM, 8, 0, 0, false, false, "char"},
	{ZF_USAGE_CHAR, "S9(5)V99", 8, ZF_KIND_ALNUM, 8, 7, 2, true, false, "char"},
	{ZF_USAGE_VARCHAR, NULL, 12, ZF_KIND_VARCHAR, 12, 0, 0, false, false, "varchar"},
	{ZF_USAGE_VARGRAPHIC, NULL, 12, ZF_KIND_VARGRAPHIC, 12, 0, 0, false, false, "vargraphic"},
	{ZF_USAGE_DATE, NULL, 0, ZF_KIND_DATE, 10, 0, 0, false, false, "date"},
	{ZF_USAGE_TIME, NULL, 0, ZF_KIND_TIME, 8, 0, 0, false, false, "time"},
	{ZF_USAGE_TIMESTAMP, NULL, 0, ZF_KIND_TIMESTAMP, 26, 0, 0, false, false, "timestamp"},
	{ZF_USAGE_TIMESTAMP, NULL, 19, ZF_KIND_TIMESTAMP, 19, 0, 0, false, false, "timestamp"},
	{ZF_USAGE_BYTES, NULL, 3, ZF_KIND_BYTES, 3, 0, 0, false, false, "bytes"},
};

/* Map one vector; the picture is parsed first. */
static zf_status
map(zf_usage usage, const char *pic_text, uint32_t length, bool pic_n_dbcs,
	zf_field *f, zf_usage_fault *fault, zf_error *err)
{
	zf_picture	pic;

	memset(f, 0, sizeof(*f));
	zf_error_clear(err);
	if (pic_text != NULL)
		assert_int_equal(zf_picture_parse(pic_text, strlen(pic_text), &pic, err), ZF_OK);
	return zf_field_from_usage(usage, pic_text ? &pic : NULL, length, pic_n_dbcs,
							   "AMOUNT", f, fault, err);
}

/* Every usage with and without a picture. */
static void
test_usage_fields(void **state)
{
	(void) state;
	for (size_t i = 0; i < sizeof(good) / sizeof(good[0]); i++)
	{
		const usage_vector *v = &good[i];
		zf_field	f;
		zf_error	err;
		zf_usage_fault fault;

		if (map(v->usage, v->pic, v->length, false, &f, &fault, &err) != ZF_OK)
			print_message("vector %zu: %s\n", i, err.message);
		assert_int_equal(map(v->usage, v->pic, v->length, false, &f, &fault, &err), ZF_OK);
		assert_int_equal(fault, ZF_USAGE_FAULT_NONE);
		assert_int_equal(f.kind, v->kind);
		assert_int_equal(f.length, v->bytes);
		assert_int_equal(f.digits, v->digits);
		assert_int_equal(f.scale, v->scale);
		assert_int_equal(f.is_signed, v->is_signed);
		assert_int_equal(f.binary_native, v->native);
		assert_string_equal(f.usage, v->name);
		assert_int_equal(f.length_prefix,
						 v->kind == ZF_KIND_VARCHAR || v->kind == ZF_KIND_VARGRAPHIC ? 2 : 0);
		/* only a signed zoned item has a sign placement: trailing */
		assert_int_equal(f.sign, v->kind == ZF_KIND_ZONED && v->is_signed ?
						 ZF_SIGN_TRAILING : ZF_SIGN_NONE);
	}
}

/* NSYMBOL(DBCS): a PIC N without usage is DBCS. */
static void
test_usage_pic_n_dbcs(void **state)
{
	zf_field	f;
	zf_error	err;
	zf_usage_fault fault;

	(void) state;
	assert_int_equal(map(ZF_USAGE_NONE, "N(4)", 0, true, &f, &fault, &err), ZF_OK);
	assert_int_equal(f.kind, ZF_KIND_DBCS);
	assert_int_equal(f.length, 8);
	/* USAGE NATIONAL stays national */
	assert_int_equal(map(ZF_USAGE_NATIONAL, "N(4)", 0, true, &f, &fault, &err), ZF_OK);
	assert_int_equal(f.kind, ZF_KIND_NATIONAL);
}

typedef struct bad_vector
{
	zf_usage	usage;
	const char *pic;
	uint32_t	length;
	zf_status	status;
	zf_usage_fault fault;
	const char *message;
} bad_vector;

static const bad_vector bad[] = {
	{ZF_USAGE_COMP3, "X(5)", 0, ZF_E_SYNTAX, ZF_USAGE_FAULT_USAGE,
	"USAGE comp-3 does not fit the alphanumeric PICTURE of \"AMOUNT\""},
	{ZF_USAGE_COMP, "ZZ9", 0, ZF_E_SYNTAX, ZF_USAGE_FAULT_USAGE,
	"USAGE comp does not fit the numeric-edited PICTURE of \"AMOUNT\""},
	{ZF_USAGE_DISPLAY1, "9(3)", 0, ZF_E_SYNTAX, ZF_USAGE_FAULT_USAGE,
	"USAGE display-1 does not fit the numeric PICTURE of \"AMOUNT\""},
	{ZF_USAGE_DISPLAY, "G(2)", 0, ZF_E_SYNTAX, ZF_USAGE_FAULT_USAGE,
	"PICTURE G needs USAGE DISPLAY-1"},
	{ZF_USAGE_COMP3, "N(2)", 0, ZF_E_SYNTAX, ZF_USAGE_FAULT_USAGE,
	"PICTURE N needs USAGE NATIONAL or DISPLAY-1"},
	{ZF_USAGE_NATIONAL, "S9(3)", 0, ZF_E_UNSUPPORTED, ZF_USAGE_FAULT_USAGE,
	"national decimal items (numeric PICTURE with USAGE NATIONAL) are not supported"},
	{ZF_USAGE_NATIONAL, "ZZ9", 0, ZF_E_UNSUPPORTED, ZF_USAGE_FAULT_USAGE,
	"national numeric-edited items are not supported"},
	/* 19 digits need more than a doubleword */
	{ZF_USAGE_COMP, "S9(19)", 0, ZF_E_SYNTAX, ZF_USAGE_FAULT_PICTURE,
	"binary item \"AMOUNT\" has 19 digits; IBM COBOL allows at most 18"},
	{ZF_USAGE_COMP1, "S9(5)", 0, ZF_E_SYNTAX, ZF_USAGE_FAULT_PICTURE,
	"a comp-1 item cannot have a PICTURE clause"},
	{ZF_USAGE_POINTER, "X(4)", 0, ZF_E_SYNTAX, ZF_USAGE_FAULT_PICTURE,
	"a pointer item cannot have a PICTURE clause"},
	{ZF_USAGE_COMP3, NULL, 0, ZF_E_SYNTAX, ZF_USAGE_FAULT_SIZE,
	"elementary item \"AMOUNT\" has no PICTURE clause"},
	{ZF_USAGE_CHAR, NULL, 0, ZF_E_SYNTAX, ZF_USAGE_FAULT_SIZE,
	"char item \"AMOUNT\" has no length"},
};

/* A usage that does not fit the picture, and an item without a size. */
static void
test_usage_bad(void **state)
{
	(void) state;
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
	{
		const bad_vector *v = &bad[i];
		zf_field	f;
		zf_error	err;
		zf_usage_fault fault;
		zf_status	s = map(v->usage, v->pic, v->length, false, &f, &fault, &err);

		if (s != v->status || strcmp(err.message, v->message) != 0)
			print_message("vector %zu: status %d message %s\n", i, s, err.message);
		assert_int_equal(s, v->status);
		assert_int_equal(fault, v->fault);
		assert_string_equal(err.message, v->message);
	}
}

/* An unnamed item is "(unnamed)" where the message names it alone. */
static void
test_usage_unnamed(void **state)
{
	zf_field	f;
	zf_error	err;
	zf_usage_fault fault;

	(void) state;
	memset(&f, 0, sizeof(f));
	assert_int_equal(zf_field_from_usage(ZF_USAGE_NONE, NULL, 0, false, "", &f, &fault, &err),
					 ZF_E_SYNTAX);
	assert_string_equal(err.message, "elementary item \"(unnamed)\" has no PICTURE clause");
	assert_int_equal(fault, ZF_USAGE_FAULT_SIZE);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_usage_lookup),
		cmocka_unit_test(test_usage_fields),
		cmocka_unit_test(test_usage_pic_n_dbcs),
		cmocka_unit_test(test_usage_bad),
		cmocka_unit_test(test_usage_unnamed),
	};

	return cmocka_run_group_tests_name("usage", tests, NULL, NULL);
}
