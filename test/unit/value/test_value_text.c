/*-------------------------------------------------------------------------
 *
 * test_value_text.c
 *	  Unit tests for the text of fields (value_text.c and the inline fast
 *	  entry of value.h): DB2 length prefixes, trimming of blanks,
 *	  low-values and the DBCS space, the fast single-byte path.
 *
 * cp037 bytes: X'40' blank, X'C1'-X'C3' A-C, X'F0' zero.  cp939 DBCS:
 * X'48F2' U+5B57, X'4040' the ideographic space U+3000 (UTF-8 E3 80 80).
 * DB2 length prefixes are big-endian; a VARGRAPHIC's counts characters
 * of two bytes.
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

/* A text field template: kind, offset, length, length prefix. */
static zf_field
field(zf_kind kind, uint32_t offset, uint32_t length, uint8_t prefix)
{
	zf_field	f = test_field("T", kind, offset, length);

	f.length_prefix = prefix;
	return f;
}

/* Read a field's text with reader r; returns the status. */
static zf_status
read_text(const zf_field_reader *r, const uint8_t *p, uint32_t len,
		  char *res, zf_error *err)
{
	char		dst[256];
	const char *out;
	size_t		n;
	zf_status	st;

	zf_error_clear(err);
	assert_true(zf_field_text_bound(r, len) <= sizeof(dst));
	st = zf_field_read_text(r, p, len, dst, sizeof(dst), &out, &n, err);
	if (st == ZF_OK)
	{
		memcpy(res, out, n);
		res[n] = '\0';
	}
	return st;
}

/* DB2 length prefixes: bytes, or DBCS characters for VARGRAPHIC. */
static void
test_varying(void **state)
{
	zf_field	vc = field(ZF_KIND_VARCHAR, 0, 6, 2);
	zf_field	vg = field(ZF_KIND_VARGRAPHIC, 0, 6, 2);
	zf_field	lob = field(ZF_KIND_LOB, 0, 8, 4);
	const uint8_t *data;
	uint32_t	n;
	zf_error	err;

	(void) state;
	/* X'0003' then ABC and a blank that is not data */
	assert_int_equal(zf_field_varying(&vc, (const uint8_t *) "\x00\x03\xC1\xC2\xC3\x40", 6,
									  &data, &n, &err), ZF_OK);
	assert_int_equal(n, 3);
	assert_memory_equal(data, "\xC1\xC2\xC3", 3);
	/* X'0001': one DBCS character, 2 bytes */
	assert_int_equal(zf_field_varying(&vg, (const uint8_t *) "\x00\x01\x48\xF2\x40\x40", 6,
									  &data, &n, &err), ZF_OK);
	assert_int_equal(n, 2);
	/* a 4-byte prefix X'00000002' */
	assert_int_equal(zf_field_varying(&lob, (const uint8_t *) "\x00\x00\x00\x02\xC1\xC2\x00\x00", 8,
									  &data, &n, &err), ZF_OK);
	assert_int_equal(n, 2);
	/* X'0009' in a field of 3 bytes: 1 byte of data at most */
	zf_error_clear(&err);
	assert_int_equal(zf_field_varying(&vc, (const uint8_t *) "\x00\x09\xC1", 3, &data, &n, &err),
					 ZF_E_BAD_DATA);
	assert_string_equal(err.message, "length prefix says 9 bytes but the field holds at most 1");
	assert_int_equal(err.offset, 0);
	/* 3 characters of 2 bytes in 4 */
	assert_int_equal(zf_field_varying(&vg, (const uint8_t *) "\x00\x03\x48\xF2\x40\x40", 6,
									  &data, &n, &err), ZF_E_BAD_DATA);
	assert_int_equal(zf_field_varying(&vc, (const uint8_t *) "\x00", 1, &data, &n, &err),
					 ZF_E_BAD_DATA);
	assert_string_equal(err.message, "varying field is shorter than its length prefix");
}

/* Fixed text: trimmed as the trim option says; varying text exact. */
static void
test_read_text(void **state)
{
	zf_field	a = field(ZF_KIND_ALNUM, 0, 5, 0);
	zf_field	vc = field(ZF_KIND_VARCHAR, 0, 5, 2);
	zf_field_reader r;
	zf_error	err;
	char		res[256];

	(void) state;
	zf_field_reader_init(&r, &a, test_page("cp037"));
	/* " AB  " */
	assert_int_equal(read_text(&r, (const uint8_t *) "\x40\xC1\xC2\x40\x40", 5, res, &err), ZF_OK);
	assert_string_equal(res, " AB");
	r.trim = ZF_TRIM_BOTH;
	assert_int_equal(read_text(&r, (const uint8_t *) "\x40\xC1\xC2\x40\x40", 5, res, &err), ZF_OK);
	assert_string_equal(res, "AB");
	r.trim = ZF_TRIM_NONE;
	assert_int_equal(read_text(&r, (const uint8_t *) "\x40\xC1\xC2\x40\x40", 5, res, &err), ZF_OK);
	assert_string_equal(res, " AB  ");

	/* "A", X'00', blank, X'00': low-values are padding only when asked */
	r.trim = ZF_TRIM_RIGHT;
	assert_int_equal(read_text(&r, (const uint8_t *) "\xC1\x00\x40\x00", 4, res, &err),
					 ZF_E_BAD_DATA);
	assert_int_equal(err.offset, 1);
	r.trim_low_values = true;
	assert_int_equal(read_text(&r, (const uint8_t *) "\xC1\x00\x40\x00", 4, res, &err), ZF_OK);
	assert_string_equal(res, "A");
	r.trim = ZF_TRIM_BOTH;
	assert_int_equal(read_text(&r, (const uint8_t *) "\x00\x40\xC1\x00", 4, res, &err), ZF_OK);
	assert_string_equal(res, "A");
	/* trim none keeps them, and X'00' is then no text */
	r.trim = ZF_TRIM_NONE;
	assert_int_equal(read_text(&r, (const uint8_t *) "\xC1\x00", 2, res, &err), ZF_E_BAD_DATA);

	/* a VARCHAR "A  ": its blanks are data */
	zf_field_reader_init(&r, &vc, test_page("cp037"));
	assert_int_equal(read_text(&r, (const uint8_t *) "\x00\x03\xC1\x40\x40", 5, res, &err), ZF_OK);
	assert_string_equal(res, "A  ");
	/* a bad byte's offset is in the field, prefix included: 2 + 1 */
	assert_int_equal(read_text(&r, (const uint8_t *) "\x00\x02\xC1\x00\x40", 5, res, &err),
					 ZF_E_BAD_DATA);
	assert_int_equal(err.offset, 3);
}

/* DBCS and national text: the ideographic space is padding too. */
static void
test_wide_text(void **state)
{
	zf_field	g = field(ZF_KIND_DBCS, 0, 4, 0);
	zf_field	vg = field(ZF_KIND_VARGRAPHIC, 0, 6, 2);
	zf_field	n = field(ZF_KIND_NATIONAL, 0, 6, 0);
	zf_field_reader r;
	zf_error	err;
	char		res[256];

	(void) state;
	zf_field_reader_init(&r, &g, test_page("cp939"));
	assert_int_equal(read_text(&r, (const uint8_t *) "\x48\xF2\x40\x40", 4, res, &err), ZF_OK);
	assert_string_equal(res, "\xE5\xAD\x97");
	r.trim = ZF_TRIM_NONE;
	assert_int_equal(read_text(&r, (const uint8_t *) "\x48\xF2\x40\x40", 4, res, &err), ZF_OK);
	assert_string_equal(res, "\xE5\xAD\x97\xE3\x80\x80");
	/* a VARGRAPHIC keeps its DBCS space */
	zf_field_reader_init(&r, &vg, test_page("cp939"));
	assert_int_equal(read_text(&r, (const uint8_t *) "\x00\x02\x48\xF2\x40\x40", 6, res, &err), ZF_OK);
	assert_string_equal(res, "\xE5\xAD\x97\xE3\x80\x80");
	/* UTF-16BE "A", U+3000, blank */
	zf_field_reader_init(&r, &n, test_page("cp037"));
	assert_int_equal(read_text(&r, (const uint8_t *) "\x00\x41\x30\x00\x00\x20", 6, res, &err), ZF_OK);
	assert_string_equal(res, "A");
	/* the room: 2 bytes a byte and some for wide text */
	assert_true(zf_field_text_bound(&r, 6) >= 6 * 3 / 2);
}

/* Trimming decoded text. */
static void
test_utf8_trim(void **state)
{
	const char *s;
	size_t		n;

	(void) state;
	s = "  ab \xE3\x80\x80 ";
	n = strlen(s);
	zf_utf8_trim(ZF_TRIM_RIGHT, false, &s, &n);
	assert_int_equal(n, 8);		/* U+3000 stops it without dbcs */
	s = "  ab \xE3\x80\x80 ";
	n = strlen(s);
	zf_utf8_trim(ZF_TRIM_RIGHT, true, &s, &n);
	assert_int_equal(n, 4);
	assert_memory_equal(s, "  ab", 4);
	zf_utf8_trim(ZF_TRIM_BOTH, true, &s, &n);
	assert_int_equal(n, 2);
	assert_memory_equal(s, "ab", 2);
	s = "   ";
	n = 3;
	zf_utf8_trim(ZF_TRIM_BOTH, false, &s, &n);
	assert_int_equal(n, 0);
	s = " x ";
	n = 3;
	zf_utf8_trim(ZF_TRIM_NONE, true, &s, &n);
	assert_int_equal(n, 3);
}

/* Run the fast single-byte path on a record: bytes written or -1. */
static int64_t
fast_sbcs(const zf_field_reader *r, const zf_sbcs_table *tab,
		  const uint8_t *rec, char *dst)
{
	const uint8_t *p;
	uint32_t	n;

	zf_field_fast_sbcs_bytes(r, rec, &p, &n);
	return zf_sbcs_fast_decode(tab, p, n, dst);
}

/* The fast single-byte path agrees with the general one. */
static void
test_fast_sbcs(void **state)
{
	/* two other bytes, then " AB " in cp037 */
	const uint8_t rec[] = {0xFF, 0xFF, 0x40, 0xC1, 0xC2, 0x40};
	const uint8_t nul[] = {0xC1, 0x00};
	/* X'4A' is the cent sign in cp037: 2 bytes of UTF-8, C2 A2 */
	const uint8_t cent[] = {0x4A, 0xC1};
	zf_field	a = field(ZF_KIND_ALNUM, 2, 4, 0);
	zf_field	b = field(ZF_KIND_ALNUM, 0, 2, 0);
	zf_field	g = field(ZF_KIND_DBCS, 0, 4, 0);
	zf_field_reader r;
	const zf_sbcs_table *tab;
	char		dst[3 * 4 + 1];

	(void) state;
	zf_field_reader_init(&r, &a, test_page("cp037"));
	tab = zf_field_sbcs_text(&r);
	assert_non_null(tab);
	assert_int_equal(fast_sbcs(&r, tab, rec, dst), 3);
	assert_memory_equal(dst, " AB", 3);
	r.trim = ZF_TRIM_BOTH;
	assert_int_equal(fast_sbcs(&r, tab, rec, dst), 2);
	assert_memory_equal(dst, "AB", 2);
	r.trim = ZF_TRIM_NONE;
	assert_int_equal(fast_sbcs(&r, tab, rec, dst), 4);
	/* X'00' decodes to nothing text holds: the general path says so */
	zf_field_reader_init(&r, &b, test_page("cp037"));
	assert_int_equal(fast_sbcs(&r, tab, nul, dst), -1);
	assert_int_equal(fast_sbcs(&r, tab, cent, dst), 3);
	assert_memory_equal(dst, "\xC2\xA2" "A", 3);
	/* low-values to trim, DBCS, a mixed page: the general path */
	r.trim_low_values = true;
	assert_null(zf_field_sbcs_text(&r));
	zf_field_reader_init(&r, &g, test_page("cp939"));
	assert_null(zf_field_sbcs_text(&r));
	zf_field_reader_init(&r, &a, test_page("cp939"));
	assert_null(zf_field_sbcs_text(&r));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_varying),
		cmocka_unit_test(test_read_text),
		cmocka_unit_test(test_wide_text),
		cmocka_unit_test(test_utf8_trim),
		cmocka_unit_test(test_fast_sbcs),
	};

	return cmocka_run_group_tests_name("value_text", tests, NULL, NULL);
}
