/*-------------------------------------------------------------------------
 *
 * test_layout.c
 *	  The layout builder used directly, as punch.c and the fdw's explicit
 *	  columns will: explicit positions, unpadded varying fields, DB2
 *	  kinds, WHEN conditions, errors, and very deep nesting.
 *
 *-------------------------------------------------------------------------
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>
#include <stdlib.h>

#include "layout/layout.h"

/* A template with the "none" links set. */
static zf_field
tmpl(const char *name, zf_kind kind, uint32_t length)
{
	zf_field	f;

	memset(&f, 0, sizeof(f));
	f.name = name;
	f.kind = kind;
	f.length = length;
	f.depending_on = -1;
	f.redefines = -1;
	f.renames_first = -1;
	f.renames_last = -1;
	return f;
}

/* Add a field; fail the test on error. */
static int32_t
add(zf_layout *L, const zf_field *t, int32_t parent, uint32_t offset)
{
	zf_error	err;
	int32_t		f = zf_layout_add(L, t, parent, offset, &err);

	if (f < 0)
		print_message("add: %s\n", err.message);
	assert_true(f >= 0);
	return f;
}

/*
 * Punch-like layout: A CHAR(3), V VARCHAR(10) NOPAD (2-byte prefix),
 * B CHAR(2) placed one after the other, and a null indicator byte in
 * front of N (lead_bytes 1).  Static: A 0+3, V 3+12, B 15+2, N 18+4
 * (its indicator at 17); 22 bytes.  Minimum: V empty: 22 - 10 = 12.
 */
static void
test_nopad_sequential(void **state)
{
	zf_layout  *L = zf_layout_new(ZF_SOURCE_PUNCH, NULL);
	zf_field	t;
	zf_error	err;
	zf_cursor  *c;
	int32_t		root;
	int32_t		v;
	int32_t		b;
	int32_t		n;
	uint32_t	off;
	uint32_t	len;
	/* "ABC", V = 00 04 "WXYZ", "BB", indicator 00, N 4 bytes */
	static const uint8_t rec[] = {'A', 'B', 'C', 0, 4, 'W', 'X', 'Y', 'Z', 'B', 'B', 0,
	1, 2, 3, 4};

	(void) state;
	t = tmpl("CREATOR.TB", ZF_KIND_GROUP, 0);
	root = add(L, &t, ZF_NO_FIELD, ZF_NO_OFFSET);
	t = tmpl("A", ZF_KIND_ALNUM, 3);
	add(L, &t, root, ZF_NO_OFFSET);
	t = tmpl("V", ZF_KIND_VARCHAR, 12);
	t.length_prefix = 2;
	t.nopad = true;
	v = add(L, &t, root, ZF_NO_OFFSET);
	t = tmpl("B", ZF_KIND_ALNUM, 2);
	b = add(L, &t, root, ZF_NO_OFFSET);
	t = tmpl("N", ZF_KIND_BINARY, 4);
	t.lead_bytes = 1;
	t.has_null_ind = true;
	t.null_ind_rel = -1;
	n = add(L, &t, root, ZF_NO_OFFSET);
	assert_int_equal(zf_layout_finish(L, NULL, &err), ZF_OK);
	assert_int_equal(L->fields[v].offset, 3);
	assert_int_equal(L->fields[b].offset, 15);
	assert_int_equal(L->fields[n].offset, 18);
	assert_int_equal(L->records[0].max_length, 22);
	assert_int_equal(L->records[0].min_length, 12);
	assert_false(L->records[0].is_static);
	assert_true(L->fields[v].variable);
	assert_true(L->fields[b].variable);

	c = zf_cursor_create(L, 0, ZF_CHARSET_EBCDIC, &err);
	assert_non_null(c);
	zf_cursor_bind(c, rec, sizeof(rec));
	assert_int_equal(zf_cursor_locate(c, v, NULL, &off, &len, &err), ZF_OK);
	assert_int_equal(off, 3);
	assert_int_equal(len, 6);	/* prefix included */
	assert_int_equal(zf_cursor_locate(c, b, NULL, &off, &len, &err), ZF_OK);
	assert_int_equal(off, 9);
	assert_int_equal(zf_cursor_locate(c, n, NULL, &off, &len, &err), ZF_OK);
	assert_int_equal(off, 12);
	assert_int_equal(zf_cursor_record_length(c, &len, &err), ZF_OK);
	assert_int_equal(len, sizeof(rec));

	/* a prefix longer than the field */
	{
		uint8_t		bad[sizeof(rec)];

		memcpy(bad, rec, sizeof(rec));
		bad[4] = 11;
		zf_cursor_bind(c, bad, sizeof(bad));
		assert_int_equal(zf_cursor_locate(c, b, NULL, &off, &len, &err), ZF_E_BAD_DATA);
		assert_non_null(strstr(err.message, "length prefix of \"V\" says 13 bytes"));
	}
	zf_cursor_free(c);
	zf_layout_free(L);
}

/* Explicit positions (punch POSITION, column option "position"). */
static void
test_explicit_offsets(void **state)
{
	zf_layout  *L = zf_layout_new(ZF_SOURCE_COLUMNS, NULL);
	zf_field	t;
	zf_error	err;
	int32_t		root;
	int32_t		x;
	int32_t		y;
	int32_t		z;

	(void) state;
	t = tmpl("COLUMNS", ZF_KIND_GROUP, 0);
	root = add(L, &t, ZF_NO_FIELD, ZF_NO_OFFSET);
	t = tmpl("X", ZF_KIND_ALNUM, 2);
	x = add(L, &t, root, 10);
	t = tmpl("Y", ZF_KIND_PACKED, 3);
	t.digits = 5;
	y = add(L, &t, root, 0);
	t = tmpl("Z", ZF_KIND_ALNUM, 4);
	z = add(L, &t, root, ZF_NO_OFFSET);	/* after Y */
	assert_int_equal(zf_layout_finish(L, NULL, &err), ZF_OK);
	assert_true(L->fields[x].fixed_offset);
	assert_int_equal(L->fields[x].offset, 10);
	assert_int_equal(L->fields[y].offset, 0);
	assert_int_equal(L->fields[z].offset, 3);
	assert_false(L->fields[z].fixed_offset);
	assert_int_equal(L->records[0].max_length, 12);
	assert_true(L->records[0].is_static);
	zf_layout_free(L);
}

/* Default types of DB2 kinds. */
static void
test_db2_pg_types(void **state)
{
	static const struct
	{
		zf_kind		kind;
		uint32_t	length;
		uint8_t		frac;
		bool		bits;
		const char *type;
	}			want[] = {
		{ZF_KIND_DATE, 10, 0, false, "date"},
		{ZF_KIND_TIME, 8, 0, false, "time"},
		{ZF_KIND_TIMESTAMP, 26, 6, false, "timestamp"},
		{ZF_KIND_TIMESTAMP, 23, 3, false, "timestamp(3)"},
		{ZF_KIND_TIMESTAMP, 32, 12, false, "text"},	/* would round */
		{ZF_KIND_TIMESTAMP_TZ, 32, 6, false, "timestamptz"},
		{ZF_KIND_VARCHAR, 12, 0, false, "text"},
		{ZF_KIND_VARCHAR, 12, 0, true, "bytea"},
		{ZF_KIND_ALNUM, 8, 0, true, "bytea"},
		{ZF_KIND_VARGRAPHIC, 12, 0, false, "text"},
		{ZF_KIND_DECFLOAT, 8, 0, false, "numeric"},
		{ZF_KIND_BYTES, 16, 0, false, "bytea"},
		{ZF_KIND_LOB, 100, 0, false, "text"},
		{ZF_KIND_LOB, 100, 0, true, "bytea"},
		{ZF_KIND_LOB_FILE, 100, 0, false, "text"},
		{ZF_KIND_FLOAT, 4, 0, false, "real"},
		{ZF_KIND_FLOAT, 8, 0, false, "double precision"},
	};
	zf_layout  *L = zf_layout_new(ZF_SOURCE_PUNCH, NULL);
	zf_field	t;
	zf_error	err;
	int32_t		root;

	(void) state;
	t = tmpl("T", ZF_KIND_GROUP, 0);
	root = add(L, &t, ZF_NO_FIELD, ZF_NO_OFFSET);
	for (size_t i = 0; i < sizeof(want) / sizeof(want[0]); i++)
	{
		t = tmpl("F", want[i].kind, want[i].length);
		t.frac_digits = want[i].frac;
		t.for_bit_data = want[i].bits;
		add(L, &t, root, ZF_NO_OFFSET);
	}
	assert_int_equal(zf_layout_finish(L, NULL, &err), ZF_OK);
	for (size_t i = 0; i < sizeof(want) / sizeof(want[0]); i++)
	{
		char		type[64];

		zf_field_pg_type(L, root + 1 + (int32_t) i, type, sizeof(type));
		assert_string_equal(type, want[i].type);
	}
	zf_layout_free(L);
}

/* WHEN conditions of a record definition. */
static void
test_when(void **state)
{
	static const uint8_t v1[] = {0xC1};
	static const uint8_t v2[] = {0xF0, 0xF1};
	zf_when		when[2] = {{0, 1, v1, false}, {2, 2, v2, true}};
	zf_recdef	rd;
	static const uint8_t r1[] = {0xC1, 0x00, 0xF0, 0xF2};
	static const uint8_t r2[] = {0xC1, 0x00, 0xF0, 0xF1};
	static const uint8_t r3[] = {0xC2, 0x00, 0xF0, 0xF2};

	(void) state;
	memset(&rd, 0, sizeof(rd));
	rd.nwhen = 2;
	rd.when = when;
	assert_true(zf_recdef_matches(&rd, r1, 4));
	assert_false(zf_recdef_matches(&rd, r2, 4));	/* <> fails */
	assert_false(zf_recdef_matches(&rd, r3, 4));
	assert_false(zf_recdef_matches(&rd, r1, 3));	/* too short */
	rd.nwhen = 0;
	assert_true(zf_recdef_matches(&rd, r3, 1));
}

/* Errors of the builder and of finish. */
static void
test_builder_errors(void **state)
{
	zf_layout  *L = zf_layout_new(ZF_SOURCE_COLUMNS, NULL);
	zf_field	t;
	zf_error	err;
	zf_limits	lim;
	int32_t		root;
	int32_t		a;

	(void) state;
	assert_int_equal(zf_layout_finish(L, NULL, &err), ZF_E_SYNTAX);	/* empty */
	t = tmpl("R", ZF_KIND_GROUP, 0);
	root = add(L, &t, ZF_NO_FIELD, ZF_NO_OFFSET);
	t = tmpl("A", ZF_KIND_ALNUM, 1);
	a = add(L, &t, root, ZF_NO_OFFSET);
	assert_int_equal(zf_layout_add(L, &t, a, ZF_NO_OFFSET, &err), -1);
	assert_int_equal(err.status, ZF_E_ARG);
	assert_int_equal(zf_layout_add(L, &t, 99, ZF_NO_OFFSET, &err), -1);
	assert_int_equal(err.status, ZF_E_ARG);
	t = tmpl("G", ZF_KIND_GROUP, 0);
	add(L, &t, root, ZF_NO_OFFSET);
	assert_int_equal(zf_layout_finish(L, NULL, &err), ZF_E_SYNTAX);
	assert_string_equal(err.message, "group item \"G\" has no subordinate items");
	zf_layout_free(L);

	/* an ODO object that is text */
	L = zf_layout_new(ZF_SOURCE_COLUMNS, NULL);
	t = tmpl("R", ZF_KIND_GROUP, 0);
	root = add(L, &t, ZF_NO_FIELD, ZF_NO_OFFSET);
	t = tmpl("A", ZF_KIND_ALNUM, 1);
	a = add(L, &t, root, ZF_NO_OFFSET);
	t = tmpl("T", ZF_KIND_ALNUM, 1);
	t.occurs_min = 1;
	t.occurs_max = 3;
	t.depending_on = a;
	add(L, &t, root, ZF_NO_OFFSET);
	assert_int_equal(zf_layout_finish(L, NULL, &err), ZF_E_SYNTAX);
	assert_non_null(strstr(err.message, "is not an integer item"));
	zf_layout_free(L);

	/* field limit */
	L = zf_layout_new(ZF_SOURCE_COLUMNS, NULL);
	zf_limits_default(&lim);
	lim.max_fields = 2;
	zf_layout_set_limits(L, &lim);
	t = tmpl("R", ZF_KIND_GROUP, 0);
	root = add(L, &t, ZF_NO_FIELD, ZF_NO_OFFSET);
	t = tmpl("A", ZF_KIND_ALNUM, 1);
	add(L, &t, root, ZF_NO_OFFSET);
	assert_int_equal(zf_layout_add(L, &t, root, ZF_NO_OFFSET, &err), -1);
	assert_int_equal(err.status, ZF_E_LIMIT);
	assert_int_equal(err.limit, ZF_LIMIT_FIELDS);
	/* occurrences limit */
	t.occurs_max = 1u << 30;
	t.occurs_min = 1;
	lim.max_fields = 100;
	zf_layout_set_limits(L, &lim);
	assert_int_equal(zf_layout_add(L, &t, root, ZF_NO_OFFSET, &err), -1);
	assert_int_equal(err.status, ZF_E_LIMIT);
	assert_int_equal(err.limit, ZF_LIMIT_OCCURS);
	zf_layout_free(L);
}

/*
 * The layout's memory has a budget that follows its limits: names longer
 * than any source within max_source_bytes could hold stop with ZF_E_LIMIT
 * instead of growing the layout without bound.
 */
static void
test_memory_budget(void **state)
{
	static char name[100 * 1024];
	zf_layout  *L;
	zf_field	t;
	zf_error	err;
	zf_limits	lim;
	int32_t		root;
	int32_t		got = -1;
	int			n;

	(void) state;
	memset(name, 'N', sizeof(name) - 1);
	L = zf_layout_new(ZF_SOURCE_COLUMNS, NULL);
	zf_limits_default(&lim);
	lim.max_source_bytes = 1024;
	lim.max_fields = 100;
	zf_layout_set_limits(L, &lim);
	t = tmpl("R", ZF_KIND_GROUP, 0);
	root = add(L, &t, ZF_NO_FIELD, ZF_NO_OFFSET);
	t = tmpl(name, ZF_KIND_ALNUM, 1);
	for (n = 0; n < 50; n++)
	{
		got = zf_layout_add(L, &t, root, ZF_NO_OFFSET, &err);
		if (got < 0)
			break;
	}
	assert_int_equal(got, -1);
	assert_true(n > 2 && n < 20);
	assert_int_equal(err.status, ZF_E_LIMIT);
	assert_non_null(strstr(err.message, "budget"));
	zf_layout_free(L);
}

/*
 * 10,000 levels of groups: resolved without recursion, queried, located.
 * With an ODO table at the bottom, the variable positions need more
 * nested evaluation than the cursor allows: ZF_E_LIMIT, not a crash.
 */
static void
test_deep_nesting(void **state)
{
	const int	depth = 10000;
	zf_layout  *L;
	zf_field	t;
	zf_error	err;
	zf_limits	lim;
	zf_cursor  *c;
	int32_t		root;
	int32_t		g;
	int32_t		leaf;
	int32_t		count;
	int32_t		tail;
	uint32_t	off;
	uint32_t	len;
	uint8_t		rec[16];
	char		path[64];
	char		type[64];

	(void) state;
	/* static */
	L = zf_layout_new(ZF_SOURCE_COLUMNS, NULL);
	zf_limits_default(&lim);
	lim.max_depth = depth + 10;
	zf_layout_set_limits(L, &lim);
	t = tmpl("R", ZF_KIND_GROUP, 0);
	g = root = add(L, &t, ZF_NO_FIELD, ZF_NO_OFFSET);
	for (int i = 0; i < depth; i++)
	{
		t = tmpl("G", ZF_KIND_GROUP, 0);
		g = add(L, &t, g, ZF_NO_OFFSET);
	}
	t = tmpl("LEAF", ZF_KIND_ALNUM, 5);
	leaf = add(L, &t, g, ZF_NO_OFFSET);
	assert_int_equal(zf_layout_finish(L, &lim, &err), ZF_OK);
	assert_int_equal(L->records[0].max_length, 5);
	assert_int_equal(L->fields[leaf].depth, depth + 1);
	zf_field_path(L, leaf, path, sizeof(path));
	assert_int_equal(strlen(path), sizeof(path) - 1);
	zf_field_pg_type(L, leaf, type, sizeof(type));
	assert_string_equal(type, "text");
	c = zf_cursor_create(L, 0, ZF_CHARSET_EBCDIC, &err);
	assert_non_null(c);
	memset(rec, 0x40, sizeof(rec));
	zf_cursor_bind(c, rec, 5);
	assert_int_equal(zf_cursor_locate(c, leaf, NULL, &off, &len, &err), ZF_OK);
	assert_int_equal(off, 0);
	zf_cursor_free(c);
	/* the default limit refuses the same depth */
	zf_limits_default(&lim);
	lim.max_depth = 100;
	assert_int_equal(zf_layout_finish(L, &lim, &err), ZF_E_LIMIT);
	zf_layout_free(L);

	/* variable: COUNT, 10,000 groups, an ODO table, then TAIL */
	L = zf_layout_new(ZF_SOURCE_COLUMNS, NULL);
	zf_limits_default(&lim);
	lim.max_depth = depth + 10;
	zf_layout_set_limits(L, &lim);
	t = tmpl("R", ZF_KIND_GROUP, 0);
	root = add(L, &t, ZF_NO_FIELD, ZF_NO_OFFSET);
	t = tmpl("COUNT", ZF_KIND_BINARY, 2);
	t.digits = 4;
	count = add(L, &t, root, ZF_NO_OFFSET);
	g = root;
	for (int i = 0; i < depth; i++)
	{
		t = tmpl("G", ZF_KIND_GROUP, 0);
		g = add(L, &t, g, ZF_NO_OFFSET);
	}
	t = tmpl("T", ZF_KIND_ALNUM, 1);
	t.occurs_min = 0;
	t.occurs_max = 4;
	t.depending_on = count;
	add(L, &t, g, ZF_NO_OFFSET);
	t = tmpl("TAIL", ZF_KIND_ALNUM, 1);
	tail = add(L, &t, root, ZF_NO_OFFSET);
	assert_int_equal(zf_layout_finish(L, &lim, &err), ZF_OK);
	assert_int_equal(L->records[0].max_length, 7);
	assert_int_equal(L->records[0].min_length, 3);
	c = zf_cursor_create(L, 0, ZF_CHARSET_EBCDIC, &err);
	assert_non_null(c);
	rec[0] = 0;
	rec[1] = 2;
	zf_cursor_bind(c, rec, 5);
	assert_int_equal(zf_cursor_locate(c, tail, NULL, &off, &len, &err), ZF_E_LIMIT);
	assert_int_equal(zf_cursor_record_length(c, &len, &err), ZF_E_LIMIT);
	zf_cursor_free(c);
	zf_layout_free(L);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_nopad_sequential),
		cmocka_unit_test(test_explicit_offsets),
		cmocka_unit_test(test_db2_pg_types),
		cmocka_unit_test(test_when),
		cmocka_unit_test(test_builder_errors),
		cmocka_unit_test(test_memory_budget),
		cmocka_unit_test(test_deep_nesting),
	};

	return cmocka_run_group_tests_name("layout", tests, NULL, NULL);
}
