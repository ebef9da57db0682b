/*-------------------------------------------------------------------------
 *
 * test_layout_pack.c
 *	  Unit tests for packing a layout into bytes and back (layout_pack.c):
 *	  every copybook and punch of the test data comes back equal, member by
 *	  member, and bytes that are not a packed layout are refused.
 *
 *-------------------------------------------------------------------------
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "cobol/copybook_test_util.h"
#include "db2/ddl/db2ddl.h"
#include "db2/punch/punch.h"
#include "layout/layout.h"

/* Strings equal, NULL only with NULL. */
static void
assert_same_string(const char *a, const char *b)
{
	if (a == NULL || b == NULL)
		assert_ptr_equal(a, b);
	else
		assert_string_equal(a, b);
}

/*
 * A field with its pointers left out, for comparing the rest bytewise
 * (copied with memcpy, which keeps the padding as packing copied it).
 */
static void
field_without_strings(const zf_field *f, zf_field *c)
{
	memcpy(c, f, sizeof(*c));
	c->name = c->sql_name = c->usage = c->picture = c->date_format = NULL;
}

/* Two layouts are the same, member by member. */
static void
assert_same_layout(const zf_layout *a, const zf_layout *b)
{
	assert_int_equal(a->source, b->source);
	assert_int_equal(a->nfields, b->nfields);
	assert_int_equal(a->nrecords, b->nrecords);
	for (int32_t i = 0; i < a->nfields; i++)
	{
		const zf_field *fa = &a->fields[i];
		const zf_field *fb = &b->fields[i];
		zf_field	ca;
		zf_field	cb;

		field_without_strings(fa, &ca);
		field_without_strings(fb, &cb);
		assert_memory_equal(&ca, &cb, sizeof(zf_field));
		assert_same_string(fa->name, fb->name);
		assert_same_string(fa->sql_name, fb->sql_name);
		assert_same_string(fa->usage, fb->usage);
		assert_same_string(fa->picture, fb->picture);
		assert_same_string(fa->date_format, fb->date_format);
	}
	for (int32_t r = 0; r < a->nrecords; r++)
	{
		const zf_recdef *ra = &a->records[r];
		const zf_recdef *rb = &b->records[r];
		zf_recdef	ca;
		zf_recdef	cb;

		memcpy(&ca, ra, sizeof(ca));
		memcpy(&cb, rb, sizeof(cb));
		ca.name = ca.creator = ca.table = cb.name = cb.creator = cb.table = NULL;
		ca.when = cb.when = NULL;
		assert_memory_equal(&ca, &cb, sizeof(zf_recdef));
		assert_same_string(ra->name, rb->name);
		assert_same_string(ra->creator, rb->creator);
		assert_same_string(ra->table, rb->table);
		for (int32_t w = 0; w < ra->nwhen; w++)
		{
			assert_int_equal(ra->when[w].offset, rb->when[w].offset);
			assert_int_equal(ra->when[w].length, rb->when[w].length);
			assert_int_equal(ra->when[w].negate, rb->when[w].negate);
			assert_memory_equal(ra->when[w].value, rb->when[w].value,
								ra->when[w].length);
		}
	}
}

/* Pack L, unpack it, check it is the same, and return the bytes. */
static uint8_t *
round_trip(const zf_layout *L, size_t *len)
{
	zf_error	err;
	uint8_t    *buf;
	zf_layout  *back;

	*len = zf_layout_packed_size(L);
	buf = malloc(*len);
	assert_non_null(buf);
	zf_layout_pack(L, buf);
	back = zf_layout_unpack(buf, *len, &err);
	if (back == NULL)
		print_message("unpack: %s\n", err.message);
	assert_non_null(back);
	assert_same_layout(L, back);
	zf_layout_free(back);
	return buf;
}

/* Parse a file of the tree as a copybook, or NULL when it does not parse. */
static zf_layout *
copybook_file(const char *name)
{
	char		path[1024];
	size_t		len;
	char	   *text;
	zf_layout  *L;
	zf_error	err;

	snprintf(path, sizeof(path), "%s/%s", ZF_SOURCE_DIR, name);
	text = read_file(path, &len);
	assert_non_null(text);
	L = parse_text(text, &err);
	free(text);
	return L;
}

/* Parse a punch of the test data, with its DDL when it has one. */
static zf_layout *
punch_file(const char *name, const char *ddl_name)
{
	char		path[1024];
	size_t		len = 0;
	char	   *text;
	zf_punch_opts opts;
	zf_db2_script *ddl = NULL;
	zf_layout  *L;
	zf_error	err;

	zf_punch_opts_init(&opts);
	if (ddl_name != NULL)
	{
		snprintf(path, sizeof(path), "%s/test/data/punch/%s", ZF_SOURCE_DIR, ddl_name);
		text = read_file(path, &len);
		assert_non_null(text);
		assert_int_equal(zf_db2ddl_parse(text, len, NULL, &ddl, &err), ZF_OK);
		free(text);
		opts.ddl = ddl;
	}
	snprintf(path, sizeof(path), "%s/test/data/punch/%s", ZF_SOURCE_DIR, name);
	text = read_file(path, &len);
	assert_non_null(text);
	L = zf_punch_parse(text, len, &opts, &err);
	if (L == NULL)
		print_message("%s: %s\n", name, err.message);
	assert_non_null(L);
	free(text);
	if (ddl != NULL)
		zf_db2ddl_free(ddl);
	return L;
}

/* The copybooks of the tests and the demo come back the same. */
static void
test_copybooks(void **state)
{
	static const char *const files[] = {
		"test/data/cobol/ODOREC.cpy", "test/data/cobol/FIXREC.cpy",
		"test/data/cobol/ODOSLIDE.cpy", "test/data/cdc/CDCBANK.cpy",
		"test/data/cdc/CDCBANK6.cpy", "demo/data/ACCTCDC.cpy",
		"demo/data/ACCTMAST.cpy",
	};

	(void) state;
	for (size_t i = 0; i < sizeof(files) / sizeof(files[0]); i++)
	{
		zf_layout  *L = copybook_file(files[i]);
		size_t		len;

		assert_non_null(L);
		free(round_trip(L, &len));
		zf_layout_free(L);
	}
}

/*
 * A copybook with what the others may lack: REDEFINES, RENAMES, 88
 * levels, an edited picture, SYNC, several records.
 */
static void
test_copybook_features(void **state)
{
	const char *text =
		"       01  A-REC.\n"
		"           05  KIND      PIC X.\n"
		"               88  IS-A  VALUE 'A'.\n"
		"           05  AMT       PIC S9(7)V99 COMP-3.\n"
		"           05  AMT-X     REDEFINES AMT PIC X(5).\n"
		"           05  N         PIC 9(2).\n"
		"           05  T         OCCURS 1 TO 5 DEPENDING ON N.\n"
		"               10  V     PIC S9(4) COMP SYNC.\n"
		"           05  E         PIC ZZ,ZZ9.99-.\n"
		"       66  KIND-AMT RENAMES KIND THRU AMT.\n"
		"       01  B-REC.\n"
		"           05  FILLER    PIC X(3).\n"
		"           05  F         COMP-2.\n";
	zf_error	err;
	zf_layout  *L = parse_text(text, &err);
	size_t		len;

	(void) state;
	if (L == NULL)
		print_message("parse: %s\n", err.message);
	assert_non_null(L);
	assert_int_equal(L->nrecords, 2);
	free(round_trip(L, &len));
	zf_layout_free(L);
}

/* The punches of the tests (WHEN conditions, DDL, CCSIDs) come back too. */
static void
test_punches(void **state)
{
	static const char *const files[][2] = {
		{"alltypes.punch", "alltypes.ddl"}, {"ascii.punch", NULL},
		{"dbcs.punch", NULL}, {"dsntiaul.punch", NULL},
		{"header_const.punch", NULL}, {"header_none.punch", NULL},
		{"ieee.punch", NULL}, {"multi.punch", "multi.ddl"},
		{"nopad.punch", "nopad.ddl"}, {"spanned.punch", NULL},
		{"unicode.punch", NULL}, {"vectors.punch", NULL},
	};
	bool		any_when = false;

	(void) state;
	for (size_t i = 0; i < sizeof(files) / sizeof(files[0]); i++)
	{
		zf_layout  *L = punch_file(files[i][0], files[i][1]);
		size_t		len;

		for (int32_t r = 0; r < L->nrecords; r++)
			any_when |= L->records[r].nwhen > 0;
		free(round_trip(L, &len));
		zf_layout_free(L);
	}
	assert_true(any_when);
}

/*
 * Bytes that are not a packed layout are refused, whatever part is wrong:
 * too short, a header of another build, a length that does not add up,
 * an offset out of bounds, a string without its end.
 */
static void
test_not_packed(void **state)
{
	zf_layout  *L = copybook_file("demo/data/ACCTMAST.cpy");
	zf_error	err;
	size_t		len;
	uint8_t    *buf;
	uint8_t    *bad;
	uint64_t	off;
	size_t		first_offset = 8 * sizeof(uint32_t) + sizeof(uint64_t) + sizeof(zf_field);

	(void) state;
	buf = round_trip(L, &len);
	bad = malloc(len);
	assert_null(zf_layout_unpack(buf, 10, &err));
	assert_int_equal(err.status, ZF_E_ARG);
	assert_null(zf_layout_unpack(buf, len - 1, &err));
	assert_int_equal(err.status, ZF_E_ARG);
	memcpy(bad, buf, len);
	bad[0] ^= 1;
	assert_null(zf_layout_unpack(bad, len, &err));
	/* the name of the first field points past the strings */
	memcpy(bad, buf, len);
	off = UINT64_MAX;
	memcpy(bad + first_offset, &off, sizeof(off));
	assert_null(zf_layout_unpack(bad, len, &err));
	assert_non_null(strstr(err.message, "out of bounds"));
	/* the strings lose their last NUL */
	memcpy(bad, buf, len);
	bad[len - 1] = 'X';
	assert_null(zf_layout_unpack(bad, len, &err));
	free(bad);
	free(buf);
	zf_layout_free(L);
}

/* An empty layout packs too. */
static void
test_empty(void **state)
{
	zf_layout  *L = zf_layout_new(ZF_SOURCE_COLUMNS, NULL);
	size_t		len;

	(void) state;
	free(round_trip(L, &len));
	zf_layout_free(L);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_copybooks),
		cmocka_unit_test(test_copybook_features),
		cmocka_unit_test(test_punches),
		cmocka_unit_test(test_not_packed),
		cmocka_unit_test(test_empty),
	};

	return cmocka_run_group_tests_name("layout_pack", tests, NULL, NULL);
}
