/*-------------------------------------------------------------------------
 *
 * test_arena.c
 *	  Unit tests for the arena allocator with a byte budget (arena.c).
 *
 *-------------------------------------------------------------------------
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <limits.h>
#include <string.h>

#include "base/arena.h"

/* Memory comes zeroed and 16-byte aligned, even for zero bytes. */
static void
test_alloc_zeroed_aligned(void **state)
{
	zf_arena	a;
	unsigned char *p;

	(void) state;
	zf_arena_init(&a, 1024 * 1024);
	for (size_t n = 0; n < 100; n++)
	{
		p = zf_arena_alloc(&a, n);
		assert_non_null(p);
		assert_int_equal((uintptr_t) p % 16, 0);
		for (size_t i = 0; i < n; i++)
			assert_int_equal(p[i], 0);
		memset(p, 0xAB, n);
	}
	assert_false(a.failed);
	assert_true(a.total > 0);
	assert_true(a.total <= a.limit);
	zf_arena_free(&a);
	assert_int_equal(a.total, 0);
	assert_null(a.head);
}

/* Copies are terminated; strndup reads no further than n bytes. */
static void
test_strdup(void **state)
{
	zf_arena	a;
	const char unterminated[3] = {'a', 'b', 'c'};
	char	   *s;

	(void) state;
	zf_arena_init(&a, 1024 * 1024);
	s = zf_arena_strdup(&a, "copybook");
	assert_string_equal(s, "copybook");
	s = zf_arena_strndup(&a, unterminated, 2);
	assert_string_equal(s, "ab");
	s = zf_arena_strndup(&a, "", 0);
	assert_string_equal(s, "");
	zf_arena_free(&a);
}

/*
 * The budget counts every byte taken from malloc: past it, allocations
 * fail, the arena says so, and nothing more is taken.
 */
static void
test_budget(void **state)
{
	zf_arena	a;
	size_t		limit = 3 * ZF_ARENA_BLOCK_SIZE;
	int			got = 0;

	(void) state;
	zf_arena_init(&a, limit);
	while (zf_arena_alloc(&a, 1000) != NULL)
		got++;
	assert_true(got > 100);
	assert_true(a.failed);
	assert_true(a.over_budget);
	assert_true(a.total <= limit);
	/* a small request still fits in the current block */
	assert_non_null(zf_arena_alloc(&a, 1));
	/* a request larger than the budget, and one that would wrap */
	assert_null(zf_arena_alloc(&a, limit + 1));
	assert_null(zf_arena_alloc(&a, SIZE_MAX));
	assert_null(zf_arena_alloc(&a, SIZE_MAX - 5));
	assert_null(zf_arena_strndup(&a, "x", SIZE_MAX));
	assert_true(a.total <= limit);
	zf_arena_free(&a);
}

/* A budget too small for one block refuses everything. */
static void
test_tiny_budget(void **state)
{
	zf_arena	a;

	(void) state;
	zf_arena_init(&a, 100);
	assert_null(zf_arena_alloc(&a, 1));
	assert_true(a.over_budget);
	assert_int_equal(a.total, 0);
	zf_arena_free(&a);
}

/*
 * A big request gets a block of its own behind the current one, which
 * goes on being filled.
 */
static void
test_big_block(void **state)
{
	zf_arena	a;
	char	   *small1,
			   *big,
			   *small2;

	(void) state;
	zf_arena_init(&a, 16 * ZF_ARENA_BLOCK_SIZE);
	small1 = zf_arena_alloc(&a, 16);
	big = zf_arena_alloc(&a, 2 * ZF_ARENA_BLOCK_SIZE);
	small2 = zf_arena_alloc(&a, 16);
	assert_non_null(small1);
	assert_non_null(big);
	assert_ptr_equal(small2, small1 + 16);
	memset(big, 1, 2 * ZF_ARENA_BLOCK_SIZE);
	zf_arena_free(&a);
}

/* A lower budget stops the growth; what was allocated stays valid. */
static void
test_set_limit(void **state)
{
	zf_arena	a;
	char	   *s;

	(void) state;
	zf_arena_init(&a, 4 * ZF_ARENA_BLOCK_SIZE);
	s = zf_arena_strdup(&a, "kept");
	zf_arena_set_limit(&a, 0);
	assert_null(zf_arena_alloc(&a, ZF_ARENA_BLOCK_SIZE));
	assert_true(a.over_budget);
	assert_string_equal(s, "kept");
	zf_arena_set_limit(&a, 4 * ZF_ARENA_BLOCK_SIZE);
	assert_non_null(zf_arena_alloc(&a, ZF_ARENA_BLOCK_SIZE));
	zf_arena_free(&a);
}

/* Arrays grow by doubling and keep their elements; new ones are zeroed. */
static void
test_push(void **state)
{
	zf_arena	a;
	int		   *arr = NULL;
	int			n = 0,
				cap = 0;

	(void) state;
	zf_arena_init(&a, 1024 * 1024);
	for (int i = 0; i < 1000; i++)
	{
		int		   *e = zf_arena_push(&a, (void **) &arr, &n, &cap, sizeof(int));

		assert_non_null(e);
		assert_int_equal(*e, 0);
		*e = i;
	}
	assert_int_equal(n, 1000);
	assert_true(cap >= 1000);
	for (int i = 0; i < 1000; i++)
		assert_int_equal(arr[i], i);
	zf_arena_free(&a);
}

/* An array that cannot grow any more fails instead of wrapping. */
static void
test_push_limits(void **state)
{
	zf_arena	a;
	char		one[16];
	void	   *arr = one;
	int			n = INT_MAX / 2 + 1,
				cap = INT_MAX / 2 + 1;

	(void) state;
	zf_arena_init(&a, 1024 * 1024);
	assert_null(zf_arena_push(&a, &arr, &n, &cap, 1));
	assert_true(a.failed);
	assert_int_equal(n, INT_MAX / 2 + 1);
	/* within int, but over the budget */
	n = cap = 1 << 20;
	assert_null(zf_arena_push(&a, &arr, &n, &cap, 16));
	assert_true(a.over_budget);
	assert_ptr_equal(arr, one);
	zf_arena_free(&a);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_alloc_zeroed_aligned),
		cmocka_unit_test(test_strdup),
		cmocka_unit_test(test_budget),
		cmocka_unit_test(test_tiny_budget),
		cmocka_unit_test(test_big_block),
		cmocka_unit_test(test_set_limit),
		cmocka_unit_test(test_push),
		cmocka_unit_test(test_push_limits),
	};

	return cmocka_run_group_tests_name("arena", tests, NULL, NULL);
}
