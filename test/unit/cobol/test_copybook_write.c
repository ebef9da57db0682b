/*-------------------------------------------------------------------------
 *
 * test_copybook_write.c
 *	  Unit tests for the copybook writer (copybook_write.c): its text,
 *	  checked by hand, and parsed back by the copybook parser into the
 *	  fields it describes (kinds, lengths, digits, scales, offsets).
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
#include "cobol/copybook_write.h"

static void
test_write_and_parse(void **state)
{
	zf_cb_item	items[] = {
		{"acct_id", ZF_CB_BINARY, 0, 18, 0, NULL},
		{"name", ZF_CB_ALNUM, 30, 0, 0, "text of at most 30 characters"},
		{"balance", ZF_CB_PACKED, 0, 15, 2, NULL},
		{"rate", ZF_CB_PACKED, 0, 5, 5, NULL},
		{"qty", ZF_CB_PACKED, 0, 4, 0, NULL},
		{"opened", ZF_CB_ZONED_DATE, 0, 0, 0, NULL},
		{"small", ZF_CB_BINARY, 0, 4, 0, NULL},
		{"score", ZF_CB_DOUBLE, 0, 0, 0, NULL},
	};
	char		buf[4096];
	size_t		len;
	zf_error	err;
	zf_copybook_opts opts;
	zf_layout  *L;
	const zf_field *f;

	(void) state;
	assert_int_equal(zf_copybook_write("acct_rec", items, 8, buf, sizeof(buf), &len, &err), ZF_OK);
	assert_int_equal(strlen(buf), len);
	assert_non_null(strstr(buf, "       01  ACCT-REC.\n"));
	assert_non_null(strstr(buf, "           05  ACCT-ID                  PIC S9(18) COMP-5.\n"));
	assert_non_null(strstr(buf, "      * text of at most 30 characters\n"));
	assert_non_null(strstr(buf, "PIC S9(13)V9(2) COMP-3."));
	assert_non_null(strstr(buf, "PIC SV9(5) COMP-3."));
	for (char *line = buf; *line; line = strchr(line, '\n') + 1)
		assert_true(strchr(line, '\n') - line <= 72);

	zf_copybook_opts_init(&opts);
	L = zf_copybook_parse(buf, len, &opts, &err);
	assert_non_null(L);
	/* fields in order after the record: offsets 0, 8, 38, 46, 49, 52, 60, 62 */
	{
		static const uint32_t offs[] = {0, 8, 38, 46, 49, 52, 60, 62};
		static const uint32_t lens[] = {8, 30, 8, 3, 3, 8, 2, 8};
		static const zf_kind kinds[] = {ZF_KIND_BINARY, ZF_KIND_ALNUM, ZF_KIND_PACKED,
			ZF_KIND_PACKED, ZF_KIND_PACKED, ZF_KIND_ZONED, ZF_KIND_BINARY,
		ZF_KIND_FLOAT};

		for (int i = 0; i < 8; i++)
		{
			f = &L->fields[i + 1];
			assert_int_equal(f->offset, offs[i]);
			assert_int_equal(f->length, lens[i]);
			assert_int_equal(f->kind, kinds[i]);
		}
		assert_true(L->fields[1].binary_native);
		assert_int_equal(L->fields[3].digits, 15);
		assert_int_equal(L->fields[3].scale, 2);
		assert_int_equal(L->fields[4].scale, 5);
	}
	zf_layout_free(L);
}

static void
test_bad_names(void **state)
{
	zf_cb_item	it = {"x", ZF_CB_ALNUM, 1, 0, 0, NULL};
	char		buf[1024];
	size_t		len;
	zf_error	err;

	(void) state;
	it.name = "héllo";
	assert_int_equal(zf_copybook_write("R", &it, 1, buf, sizeof(buf), &len, &err), ZF_E_ARG);
	it.name = "a_name_that_is_longer_than_thirty";
	assert_int_equal(zf_copybook_write("R", &it, 1, buf, sizeof(buf), &len, &err), ZF_E_ARG);
	it.name = "_x";
	assert_int_equal(zf_copybook_write("R", &it, 1, buf, sizeof(buf), &len, &err), ZF_E_ARG);
	it.name = "123";
	assert_int_equal(zf_copybook_write("R", &it, 1, buf, sizeof(buf), &len, &err), ZF_E_ARG);
	it.name = "ok";
	assert_int_equal(zf_copybook_write("R", &it, 1, buf, 20, &len, &err), ZF_E_LIMIT);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_write_and_parse),
		cmocka_unit_test(test_bad_names),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
