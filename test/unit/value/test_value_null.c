/*-------------------------------------------------------------------------
 *
 * test_value_null.c
 *	  Unit tests for NULL by representation (value_null.c): DB2 null
 *	  indicator bytes and the null_if option.
 *
 * A DB2 UNLOAD null indicator is X'FF' for NULL, X'00' for a value
 * (DSNTIAUL writes X'6F' for NULL: any byte but X'00' means NULL there).
 * Spaces are X'40' in EBCDIC, X'20' in ASCII; zeros X'F0' and X'30'; a
 * packed zero is X'0C' (X'000C' on two bytes).
 *
 *-------------------------------------------------------------------------
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "value/value_test_util.h"

/* A field template: kind, offset, length; packed fields are signed. */
static zf_field
field(zf_kind kind, uint32_t offset, uint32_t length)
{
	zf_field	f = test_field("N", kind, offset, length);

	f.is_signed = kind == ZF_KIND_PACKED;
	return f;
}

/* A reader of f in a code page, with a null_if. */
static zf_field_reader
reader(const zf_field *f, const char *page, zf_null_if null_if)
{
	zf_field_reader r;

	zf_field_reader_init(&r, f, test_page(page));
	r.null_if = null_if;
	return r;
}

/* Null indicators: X'FF' (or any byte but X'00'), inside the record. */
static void
test_null_indicator(void **state)
{
	/* the indicator at byte 1 stands before the field at 2 */
	uint8_t		rec[] = {0xC1, 0xFF, 0xC1, 0xC2};
	zf_field	f = field(ZF_KIND_ALNUM, 2, 2);
	zf_field_reader r;
	zf_error	err;

	(void) state;
	zf_field_null_indicator(&f, -1);
	assert_true(f.has_null_ind);
	assert_int_equal(f.null_ind_value, ZF_NULL_IND_NULL);
	r = reader(&f, "cp037", ZF_NULLIF_NONE);
	assert_true(zf_field_may_be_null(&r));
	assert_int_equal(zf_field_is_null(&r, rec, 4, 2, 2, &err), 1);
	rec[1] = 0x00;
	assert_int_equal(zf_field_is_null(&r, rec, 4, 2, 2, &err), 0);
	rec[1] = 0x6F;
	assert_int_equal(zf_field_is_null(&r, rec, 4, 2, 2, &err), 0);
	f.null_ind_any = true;		/* DSNTIAUL: anything but X'00' */
	assert_int_equal(zf_field_is_null(&r, rec, 4, 2, 2, &err), 1);
	rec[1] = 0x00;
	assert_int_equal(zf_field_is_null(&r, rec, 4, 2, 2, &err), 0);

	/* an indicator before the record's start, or after its end */
	f.null_ind_rel = -3;
	zf_error_clear(&err);
	assert_int_equal(zf_field_is_null(&r, rec, 4, 2, 2, &err), -1);
	assert_int_equal(err.status, ZF_E_BAD_DATA);
	assert_string_equal(err.message, "record is 4 bytes, the null indicator of field N is at byte 0");
	f.null_ind_rel = 2;
	assert_int_equal(zf_field_is_null(&r, rec, 4, 2, 2, &err), -1);
	assert_string_equal(err.message, "record is 4 bytes, the null indicator of field N is at byte 5");
}

/* null_if spaces, low-values, high-values, in the page's bytes. */
static void
test_null_if_bytes(void **state)
{
	zf_field	f = field(ZF_KIND_ALNUM, 0, 3);
	zf_field_reader r;
	zf_error	err;

	(void) state;
	r = reader(&f, "cp037", ZF_NULLIF_SPACES);
	assert_int_equal(zf_field_is_null(&r, (const uint8_t *) "\x40\x40\x40", 3, 0, 3, &err), 1);
	assert_int_equal(zf_field_is_null(&r, (const uint8_t *) "\x40\xC1\x40", 3, 0, 3, &err), 0);
	assert_int_equal(zf_field_is_null(&r, (const uint8_t *) "   ", 3, 0, 3, &err), 0);
	r = reader(&f, "ascii", ZF_NULLIF_SPACES);
	assert_int_equal(zf_field_is_null(&r, (const uint8_t *) "   ", 3, 0, 3, &err), 1);
	r = reader(&f, "cp037", ZF_NULLIF_LOW_VALUES);
	assert_int_equal(zf_field_is_null(&r, (const uint8_t *) "\x00\x00\x00", 3, 0, 3, &err), 1);
	assert_int_equal(zf_field_is_null(&r, (const uint8_t *) "\x00\x01\x00", 3, 0, 3, &err), 0);
	r = reader(&f, "cp037", ZF_NULLIF_HIGH_VALUES);
	assert_int_equal(zf_field_is_null(&r, (const uint8_t *) "\xFF\xFF\xFF", 3, 0, 3, &err), 1);
	assert_int_equal(zf_field_is_null(&r, (const uint8_t *) "\xFF\xFE\xFF", 3, 0, 3, &err), 0);
	/* an empty occurrence is never NULL by its bytes */
	assert_int_equal(zf_field_is_null(&r, (const uint8_t *) "", 0, 0, 0, &err), 0);
	/* no null_if, no indicator */
	r = reader(&f, "cp037", ZF_NULLIF_NONE);
	assert_false(zf_field_may_be_null(&r));
	assert_int_equal(zf_field_is_null(&r, (const uint8_t *) "\x40\x40\x40", 3, 0, 3, &err), 0);
}

/* null_if zeros: zero in the field's own representation. */
static void
test_null_if_zeros(void **state)
{
	zf_field	a = field(ZF_KIND_ALNUM, 0, 2);
	zf_field	p = field(ZF_KIND_PACKED, 0, 2);
	zf_field	z = field(ZF_KIND_ZONED, 0, 2);
	zf_field	b = field(ZF_KIND_BINARY, 0, 2);
	zf_field	e = field(ZF_KIND_EDITED, 0, 2);
	zf_field_reader r;
	zf_error	err;

	(void) state;
	r = reader(&a, "cp037", ZF_NULLIF_ZEROS);
	assert_int_equal(zf_field_is_null(&r, (const uint8_t *) "\xF0\xF0", 2, 0, 2, &err), 1);
	assert_int_equal(zf_field_is_null(&r, (const uint8_t *) "00", 2, 0, 2, &err), 0);
	r = reader(&a, "ascii", ZF_NULLIF_ZEROS);
	assert_int_equal(zf_field_is_null(&r, (const uint8_t *) "00", 2, 0, 2, &err), 1);
	/* X'000C' and the negative zero X'000D' are zero; X'001C' is 1 */
	r = reader(&p, "cp037", ZF_NULLIF_ZEROS);
	assert_int_equal(zf_field_is_null(&r, (const uint8_t *) "\x00\x0C", 2, 0, 2, &err), 1);
	assert_int_equal(zf_field_is_null(&r, (const uint8_t *) "\x00\x0D", 2, 0, 2, &err), 1);
	assert_int_equal(zf_field_is_null(&r, (const uint8_t *) "\x00\x1C", 2, 0, 2, &err), 0);
	/* bad bytes are not zero */
	assert_int_equal(zf_field_is_null(&r, (const uint8_t *) "\x0A\x0C", 2, 0, 2, &err), 0);
	r = reader(&z, "cp037", ZF_NULLIF_ZEROS);
	assert_int_equal(zf_field_is_null(&r, (const uint8_t *) "\xF0\xF0", 2, 0, 2, &err), 1);
	r = reader(&b, "cp037", ZF_NULLIF_ZEROS);
	assert_int_equal(zf_field_is_null(&r, (const uint8_t *) "\x00\x00", 2, 0, 2, &err), 1);
	assert_int_equal(zf_field_is_null(&r, (const uint8_t *) "\x00\x01", 2, 0, 2, &err), 0);
	/* numeric-edited text is not tested for zero */
	r = reader(&e, "cp037", ZF_NULLIF_ZEROS);
	assert_int_equal(zf_field_is_null(&r, (const uint8_t *) "\xF0\xF0", 2, 0, 2, &err), 0);
}

/* null_if X'..': the pattern repeated over the field. */
static void
test_null_if_pattern(void **state)
{
	zf_field	f = field(ZF_KIND_ALNUM, 1, 3);
	zf_field_reader r;
	zf_error	err;
	const uint8_t rec[] = {0x00, 0x40, 0x41, 0x40};

	(void) state;
	r = reader(&f, "cp037", ZF_NULLIF_BYTES);
	r.null_bytes = (const uint8_t *) "\x40\x41";
	r.null_len = 2;
	/* 40 41 40 at offset 1: the pattern and its first byte again */
	assert_int_equal(zf_field_is_null(&r, rec, 4, 1, 3, &err), 1);
	assert_int_equal(zf_field_is_null(&r, rec, 4, 0, 3, &err), 0);
	r.null_len = 0;
	assert_int_equal(zf_field_is_null(&r, rec, 4, 1, 3, &err), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_null_indicator),
		cmocka_unit_test(test_null_if_bytes),
		cmocka_unit_test(test_null_if_zeros),
		cmocka_unit_test(test_null_if_pattern),
	};

	return cmocka_run_group_tests_name("value_null", tests, NULL, NULL);
}
