/*-------------------------------------------------------------------------
 *
 * test_record_filter.c
 *	  Unit tests for the pushed-down filter on record bytes
 *	  (filter/record_filter.c): constants at a field's scale, packed signs
 *	  compared as values, padded EBCDIC text, three-valued logic, and the
 *	  records the filter must leave to the normal path.
 *
 * Record bytes are written out by hand: packed decimal has two digits a
 * byte and the sign in the last nibble (C, F, A, E positive; D, B
 * negative); cp037 writes 'A' X'C1', 'B' X'C2', 'a' X'81' and the blank
 * X'40'.
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

#include "filter/record_filter.h"
#include "value/value_test_util.h"

/* A filter over one operand with one comparison node. */
typedef struct one_filter
{
	zf_field	f;
	zf_field_reader r;
	zf_filter_operand op;
	zf_filter_cell cell;
	zf_filter_node node;
	zf_filter_node root;
	zf_filter_node *args[1];
	zf_filter_const consts[4];
	uint32_t	chars[4][8];
	zf_filter	flt;
} one_filter;

/* Wire the filter of a test: root AND of the node. */
static void
finish(one_filter *t)
{
	t->root.kind = ZF_FILTER_AND;
	t->args[0] = &t->node;
	t->root.args = t->args;
	t->root.nargs = 1;
	t->flt.noperands = 1;
	t->flt.operands = &t->op;
	t->flt.cells = &t->cell;
	t->flt.root = &t->root;
	zf_filter_finish(&t->flt);
	zf_filter_prepare(&t->flt);
}

/* A packed S9(3) field of 2 bytes (numeric(3,0)) compared by op with v. */
static void
packed_filter(one_filter *t, zf_cmp_op op, const char *v)
{
	memset(t, 0, sizeof(*t));
	t->f = test_field("P", ZF_KIND_PACKED, 0, 2);
	t->f.is_signed = true;
	t->f.digits = 3;
	zf_field_reader_init(&t->r, &t->f, test_page("cp037"));
	zf_filter_operand_number(&t->op, &t->r, -999, 999);
	t->node.kind = ZF_FILTER_CMP;
	t->node.op = op;
	t->node.scalar = true;
	t->node.nconsts = 1;
	t->node.consts = t->consts;
	assert_true(zf_filter_number_const(v, 0, &t->consts[0]));
	finish(t);
}

/* Constants at a field's scale: floor and exactness. */
static void
test_number_const(void **state)
{
	zf_filter_const k;

	(void) state;
	assert_true(zf_filter_number_const("1.005", 2, &k));
	assert_true(k.floor == 100 && !k.exact);
	assert_true(zf_filter_number_const("-1.005", 2, &k));
	assert_true(k.floor == -101 && !k.exact);
	assert_true(zf_filter_number_const("12", 2, &k));
	assert_true(k.floor == 1200 && k.exact);
	assert_true(zf_filter_number_const("-0.00", 0, &k));
	assert_true(k.floor == 0 && k.exact);
	assert_true(zf_filter_number_const("1.50", 1, &k));
	assert_true(k.floor == 15 && k.exact);
	assert_true(zf_filter_number_const("NaN", 2, &k));
	assert_true(k.floor > 0 && !k.exact);
	assert_true(zf_filter_number_const("-Infinity", 2, &k));
	assert_true(k.floor < 0 && !k.exact);
	assert_false(zf_filter_number_const("1e5", 0, &k));
	assert_false(zf_filter_number_const("", 0, &k));
	assert_false(zf_filter_number_const("-", 0, &k));
}

/* Every packed sign nibble counts as its value; negative zero is zero. */
static void
test_packed_signs(void **state)
{
	one_filter t;
	static const uint8_t pos[4][2] = {{0x01, 0x2C}, {0x01, 0x2F}, {0x01, 0x2A}, {0x01, 0x2E}};
	static const uint8_t neg[2][2] = {{0x01, 0x2D}, {0x01, 0x2B}};
	static const uint8_t negzero[2] = {0x00, 0x0D};
	static const uint8_t bad[2] = {0x01, 0x23};

	(void) state;
	packed_filter(&t, ZF_CMP_EQ, "12");
	for (int i = 0; i < 4; i++)
		assert_int_equal(zf_filter_eval(&t.flt, pos[i], 2), ZF_TV_TRUE);
	for (int i = 0; i < 2; i++)
		assert_int_equal(zf_filter_eval(&t.flt, neg[i], 2), ZF_TV_FALSE);
	assert_int_equal(zf_filter_eval(&t.flt, bad, 2), ZF_TV_UNSURE);
	assert_int_equal(zf_filter_eval(&t.flt, pos[0], 1), ZF_TV_UNSURE);	/* short */

	packed_filter(&t, ZF_CMP_LT, "-11.5");
	for (int i = 0; i < 2; i++)
		assert_int_equal(zf_filter_eval(&t.flt, neg[i], 2), ZF_TV_TRUE);
	packed_filter(&t, ZF_CMP_GE, "-11.5");
	assert_int_equal(zf_filter_eval(&t.flt, neg[0], 2), ZF_TV_FALSE);
	assert_int_equal(zf_filter_eval(&t.flt, negzero, 2), ZF_TV_TRUE);
	packed_filter(&t, ZF_CMP_EQ, "0");
	assert_int_equal(zf_filter_eval(&t.flt, negzero, 2), ZF_TV_TRUE);
	packed_filter(&t, ZF_CMP_EQ, "0.1");
	assert_int_equal(zf_filter_eval(&t.flt, negzero, 2), ZF_TV_FALSE);
	packed_filter(&t, ZF_CMP_NE, "0.1");
	assert_int_equal(zf_filter_eval(&t.flt, negzero, 2), ZF_TV_TRUE);
	packed_filter(&t, ZF_CMP_LE, "12");
	assert_int_equal(zf_filter_eval(&t.flt, pos[1], 2), ZF_TV_TRUE);
	packed_filter(&t, ZF_CMP_GT, "12");
	assert_int_equal(zf_filter_eval(&t.flt, pos[1], 2), ZF_TV_FALSE);
}

/* Unsigned zoned digits, read eight bytes at a time or by the decoder. */
static void
test_zoned_unsigned(void **state)
{
	one_filter t;
	static const uint8_t v1234[4] = {0xF1, 0xF2, 0xF3, 0xF4};
	static const uint8_t v0009[4] = {0xF0, 0xF0, 0xF0, 0xF9};
	static const uint8_t bad[4] = {0xF1, 0xFA, 0xF3, 0xF4};	/* no digit */
	static const uint8_t blank[4] = {0xF1, 0x40, 0xF3, 0xF4};
	zf_int128	v;

	(void) state;
	memset(&t, 0, sizeof(t));
	t.f = test_field("Z", ZF_KIND_ZONED, 0, 4);
	t.f.digits = 4;
	zf_field_reader_init(&t.r, &t.f, test_page("cp037"));
	zf_filter_operand_number(&t.op, &t.r, -9999, 9999);
	t.node.kind = ZF_FILTER_CMP;
	t.node.op = ZF_CMP_EQ;
	t.node.scalar = true;
	t.node.nconsts = 1;
	t.node.consts = t.consts;
	assert_true(zf_filter_number_const("1234", 0, &t.consts[0]));
	finish(&t);
	assert_int_equal(zf_filter_eval(&t.flt, v1234, 4), ZF_TV_TRUE);
	assert_int_equal(zf_filter_eval(&t.flt, v0009, 4), ZF_TV_FALSE);
	/* what the decoder refuses is unsure, what it takes is compared */
	assert_int_equal(zf_filter_eval(&t.flt, bad, 4),
					 zf_field_read_number(&t.r, bad, 4, &v, NULL) == ZF_OK ?
					 (v == 1234 ? ZF_TV_TRUE : ZF_TV_FALSE) : ZF_TV_UNSURE);
	assert_int_equal(zf_filter_eval(&t.flt, blank, 4),
					 zf_field_read_number(&t.r, blank, 4, &v, NULL) == ZF_OK ?
					 (v == 1234 ? ZF_TV_TRUE : ZF_TV_FALSE) : ZF_TV_UNSURE);
}

/* A value its column refuses (out of the column's range): unsure. */
static void
test_column_range(void **state)
{
	one_filter t;
	static const uint8_t v500[2] = {0x50, 0x0C};

	(void) state;
	packed_filter(&t, ZF_CMP_GT, "0");
	t.op.hi = 99;				/* as numeric(2,0) */
	assert_int_equal(zf_filter_eval(&t.flt, v500, 2), ZF_TV_UNSURE);
}

/* ANY and ALL over lists with NULLs, NOT of NULL: three-valued logic. */
static void
test_three_valued(void **state)
{
	one_filter t;
	static const uint8_t v12[2] = {0x01, 0x2C};
	static const uint8_t v7[2] = {0x00, 0x7C};
	zf_filter_node not;
	zf_filter_node *notargs[1];

	(void) state;
	packed_filter(&t, ZF_CMP_EQ, "12");
	/* IN (12, NULL) */
	t.node.scalar = false;
	t.node.nconsts = 2;
	t.consts[1].is_null = true;
	zf_filter_prepare(&t.flt);
	assert_int_equal(zf_filter_eval(&t.flt, v12, 2), ZF_TV_TRUE);
	assert_int_equal(zf_filter_eval(&t.flt, v7, 2), ZF_TV_NULL);
	/* NOT IN (12, NULL), i.e. <> ALL */
	t.node.op = ZF_CMP_NE;
	t.node.all = true;
	zf_filter_prepare(&t.flt);
	assert_int_equal(zf_filter_eval(&t.flt, v12, 2), ZF_TV_FALSE);
	assert_int_equal(zf_filter_eval(&t.flt, v7, 2), ZF_TV_NULL);
	/* an empty list: ANY false, ALL true */
	t.node.nconsts = 0;
	zf_filter_prepare(&t.flt);
	assert_int_equal(zf_filter_eval(&t.flt, v7, 2), ZF_TV_TRUE);
	t.node.all = false;
	assert_int_equal(zf_filter_eval(&t.flt, v7, 2), ZF_TV_FALSE);
	/* NOT (p = NULL) is NULL */
	t.node.scalar = true;
	t.node.nconsts = 1;
	t.node.op = ZF_CMP_EQ;
	t.consts[0].is_null = true;
	memset(&not, 0, sizeof(not));
	not.kind = ZF_FILTER_NOT;
	notargs[0] = &t.node;
	not.args = notargs;
	not.nargs = 1;
	t.args[0] = &not;
	zf_filter_prepare(&t.flt);
	assert_int_equal(zf_filter_eval(&t.flt, v12, 2), ZF_TV_NULL);
}

/* A text X(4) field of cp037 compared by op with the UTF-8 constant v. */
static void
text_filter(one_filter *t, zf_cmp_op op, const char *v, zf_trim trim)
{
	int64_t		n;

	memset(t, 0, sizeof(*t));
	t->f = test_field("T", ZF_KIND_ALNUM, 0, 4);
	zf_field_reader_init(&t->r, &t->f, test_page("cp037"));
	t->r.trim = trim;
	assert_true(zf_filter_operand_text(&t->op, &t->r, zf_field_sbcs_text(&t->r)));
	t->node.kind = ZF_FILTER_CMP;
	t->node.op = op;
	t->node.scalar = true;
	t->node.nconsts = 1;
	t->node.consts = t->consts;
	n = zf_filter_text_chars(v, strlen(v), t->chars[0]);
	assert_true(n >= 0);
	t->consts[0].chars = t->chars[0];
	t->consts[0].nchars = (uint32_t) n;
	finish(t);
}

/* Padded EBCDIC text against constants: trimmed as the column is. */
static void
test_text(void **state)
{
	one_filter t;
	static const uint8_t ab[4] = {0xC1, 0xC2, 0x40, 0x40};	/* "AB  " */
	static const uint8_t lab[4] = {0x40, 0xC1, 0xC2, 0x40};	/* " AB " */
	static const uint8_t nul[4] = {0xC1, 0x00, 0x40, 0x40};
	static const uint8_t low[4] = {0x81, 0x40, 0x40, 0x40};	/* "a" */

	(void) state;
	text_filter(&t, ZF_CMP_EQ, "AB", ZF_TRIM_RIGHT);
	assert_int_equal(zf_filter_eval(&t.flt, ab, 4), ZF_TV_TRUE);
	assert_int_equal(zf_filter_eval(&t.flt, lab, 4), ZF_TV_FALSE);
	assert_int_equal(zf_filter_eval(&t.flt, nul, 4), ZF_TV_UNSURE);
	text_filter(&t, ZF_CMP_EQ, "AB ", ZF_TRIM_RIGHT);
	assert_int_equal(zf_filter_eval(&t.flt, ab, 4), ZF_TV_FALSE);
	text_filter(&t, ZF_CMP_EQ, "AB", ZF_TRIM_BOTH);
	assert_int_equal(zf_filter_eval(&t.flt, lab, 4), ZF_TV_TRUE);
	text_filter(&t, ZF_CMP_EQ, "AB  ", ZF_TRIM_NONE);
	assert_int_equal(zf_filter_eval(&t.flt, ab, 4), ZF_TV_TRUE);
	/* code point order: "AB" < "ABC", "a" > "B" (EBCDIC would say less) */
	text_filter(&t, ZF_CMP_LT, "ABC", ZF_TRIM_RIGHT);
	assert_int_equal(zf_filter_eval(&t.flt, ab, 4), ZF_TV_TRUE);
	text_filter(&t, ZF_CMP_GT, "B", ZF_TRIM_RIGHT);
	assert_int_equal(zf_filter_eval(&t.flt, low, 4), ZF_TV_TRUE);
	assert_int_equal(zf_filter_eval(&t.flt, ab, 4), ZF_TV_FALSE);
	/* a constant no byte of the page writes is never equal */
	text_filter(&t, ZF_CMP_EQ, "\xe2\x82\xac", ZF_TRIM_RIGHT);	/* euro sign */
	assert_int_equal(zf_filter_eval(&t.flt, ab, 4), ZF_TV_FALSE);
}

/* A pseudo-random number (a fixed sequence: the tests repeat). */
static uint64_t
next_random(uint64_t *seed)
{
	*seed = *seed * UINT64_C(6364136223846793005) + UINT64_C(1442695040888963407);
	return *seed >> 33;
}

/*
 * Runs of records with an unsigned zoned field, skipped by byte compares
 * (zoned_skip): for fields of 1 to 8 digits, random intervals and random
 * records (plain digits near the bounds, other bytes), the records
 * zf_filter_skip rejects from the first are exactly those zf_filter_eval
 * says FALSE or NULL to, one by one.
 */
static void
test_zoned_skip(void **state)
{
	enum
	{
		LEN = 24, OFF = 5, N = 64
	};
	static const zf_cmp_op ops[6] = {ZF_CMP_EQ, ZF_CMP_NE, ZF_CMP_LT, ZF_CMP_LE,
	ZF_CMP_GT, ZF_CMP_GE};
	uint64_t	seed = 12345;
	uint8_t		recs[N * LEN];

	(void) state;
	for (int round = 0; round < 4000; round++)
	{
		zf_field	f;
		zf_field_reader r;
		zf_filter_operand op;
		zf_filter_cell cell;
		zf_filter_node nodes[2];
		zf_filter_node root;
		zf_filter_node *args[2];
		zf_filter_const consts[2];
		zf_filter	flt;
		uint32_t	digits = 1 + round % 8;
		int64_t		max = 1;
		int			nnodes = 1 + (round / 8) % 2;
		uint32_t	expect;
		char		buf[32];

		for (uint32_t i = 0; i < digits; i++)
			max *= 10;
		max -= 1;
		memset(&flt, 0, sizeof(flt));
		memset(&root, 0, sizeof(root));
		memset(nodes, 0, sizeof(nodes));
		f = test_field("Z", ZF_KIND_ZONED, OFF, digits);
		f.digits = (int) digits;
		zf_field_reader_init(&r, &f, test_page("cp037"));
		/* sometimes a column narrower than the field (smallint of 9(6)) */
		zf_filter_operand_number(&op, &r, round % 5 == 0 ? -max / 3 : -max,
								 round % 5 == 0 ? max / 3 : max);
		for (int k = 0; k < nnodes; k++)
		{
			int64_t		c = (int64_t) (next_random(&seed) % (uint64_t) (max + 3)) - 1;

			nodes[k].kind = ZF_FILTER_CMP;
			nodes[k].op = ops[next_random(&seed) % 6];
			nodes[k].scalar = true;
			nodes[k].nconsts = 1;
			nodes[k].consts = &consts[k];
			if (next_random(&seed) % 4 == 0)
				snprintf(buf, sizeof(buf), "%lld.5", (long long) c);
			else
				snprintf(buf, sizeof(buf), "%lld", (long long) c);
			assert_true(zf_filter_number_const(buf, 0, &consts[k]));
			args[k] = &nodes[k];
		}
		root.kind = ZF_FILTER_AND;
		root.args = args;
		root.nargs = nnodes;
		flt.noperands = 1;
		flt.operands = &op;
		flt.cells = &cell;
		flt.root = &root;
		zf_filter_finish(&flt);
		zf_filter_prepare(&flt);
		assert_true(flt.zoned_skip || round % 5 == 0);

		for (int i = 0; i < N; i++)
		{
			uint8_t    *rec = recs + i * LEN;
			int64_t		v = (int64_t) (next_random(&seed) % (uint64_t) (max + 1));

			for (int b = 0; b < LEN; b++)
				rec[b] = (uint8_t) next_random(&seed);
			/* near a constant, mostly */
			if (next_random(&seed) % 2)
			{
				v = (int64_t) (consts[next_random(&seed) % nnodes].floor) + (int64_t) (next_random(&seed) % 3) - 1;
				if (v < 0)
					v = 0;
				if (v > max)
					v = max;
			}
			for (int d = (int) digits - 1; d >= 0; d--)
			{
				rec[OFF + d] = (uint8_t) (0xF0 | (v % 10));
				v /= 10;
			}
			if (next_random(&seed) % 16 == 0)
				rec[OFF + next_random(&seed) % digits] = (uint8_t) next_random(&seed);	/* any byte */
		}
		for (int from = 0; from < N; from += 7)
		{
			for (expect = 0; from + (int) expect < N; expect++)
			{
				zf_tv		tv = zf_filter_eval(&flt, recs + (from + expect) * LEN, LEN);

				if (tv == ZF_TV_TRUE || tv == ZF_TV_UNSURE)
					break;
			}
			assert_int_equal(zf_filter_skip(&flt, recs + from * LEN, LEN, N - from), expect);
		}
	}
}

/* Runs of records: how many the filter rejects from the first. */
static void
test_skip(void **state)
{
	one_filter t;
	static const uint8_t run[8] = {0x00, 0x1C, 0x00, 0x2C, 0x01, 0x2C, 0x00, 0x1C};

	(void) state;
	packed_filter(&t, ZF_CMP_EQ, "12");
	assert_int_equal(zf_filter_skip(&t.flt, run, 2, 4), 2);
	assert_int_equal(zf_filter_skip(&t.flt, run, 2, 2), 2);
	assert_int_equal(zf_filter_skip(&t.flt, run + 4, 2, 2), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_number_const),
		cmocka_unit_test(test_packed_signs),
		cmocka_unit_test(test_column_range),
		cmocka_unit_test(test_zoned_unsigned),
		cmocka_unit_test(test_three_valued),
		cmocka_unit_test(test_text),
		cmocka_unit_test(test_skip),
		cmocka_unit_test(test_zoned_skip),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
