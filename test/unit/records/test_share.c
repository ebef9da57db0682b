/*-------------------------------------------------------------------------
 *
 * test_share.c
 *	  Unit tests for shares (share.c): record ranges that are disjoint,
 *	  cover every record and match K*n/N computed in 128 bits; the file
 *	  rule against the published FNV-1a test vectors.
 *
 *-------------------------------------------------------------------------
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "records/share.h"

/* Ranges tile [0, n) in order, each as K*n/N computed exactly. */
static void
test_records_tile(void **state)
{
	static const uint64_t ns[] = {0, 1, 2, 3, 7, 10, 5000000, 5000001,
	UINT64_MAX / 3, UINT64_MAX};
	static const uint32_t counts[] = {1, 2, 3, 4, 7, 64, 1000};

	(void) state;
	for (size_t i = 0; i < sizeof(ns) / sizeof(ns[0]); i++)
		for (size_t j = 0; j < sizeof(counts) / sizeof(counts[0]); j++)
		{
			uint64_t	next = 0;

			for (uint32_t k = 0; k < counts[j]; k++)
			{
				uint64_t	first,
							end;

				zf_share_records(ns[i], counts[j], k, &first, &end);
				assert_int_equal(first, next);
				assert_int_equal(first, (uint64_t) ((unsigned __int128) ns[i] * k / counts[j]));
				assert_true(end >= first);
				assert_true(end - first - ns[i] / counts[j] <= 1);	/* no overflow */
				next = end;
			}
			assert_int_equal(next, ns[i]);
		}
}

/* The example of the documentation: 5,000,000 records in 3 shares. */
static void
test_records_example(void **state)
{
	uint64_t	first,
				end;

	(void) state;
	zf_share_records(5000000, 3, 1, &first, &end);
	assert_int_equal(first, 1666666);
	assert_int_equal(end, 3333333);
}

/*
 * FNV-1a 32-bit of the base name: the vectors of the FNV reference
 * (draft-eastlake-fnv): "" 0x811c9dc5, "a" 0xe40c292c, "foobar"
 * 0xbf9cf968; taken mod a count that keeps all bits (2^32 - 1 + 1 is not
 * a uint32, so the largest prime below 2^32 shows the hash itself).
 */
static void
test_name_hash(void **state)
{
	const uint32_t p = 4294967291u;

	(void) state;
	assert_int_equal(zf_share_of_name("", p), 0x811c9dc5u % p);
	assert_int_equal(zf_share_of_name("a", p), 0xe40c292cu % p);
	assert_int_equal(zf_share_of_name("foobar", p), 0xbf9cf968u % p);
	/* the directory does not matter: a local path and a URL agree */
	assert_int_equal(zf_share_of_name("/data/in/foobar", p), 0xbf9cf968u % p);
	assert_int_equal(zf_share_of_name("s3://bucket/x/foobar", 7), 0xbf9cf968u % 7);
	assert_int_equal(zf_share_of_name("anything", 1), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_records_tile),
		cmocka_unit_test(test_records_example),
		cmocka_unit_test(test_name_hash),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
