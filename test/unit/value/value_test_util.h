/*-------------------------------------------------------------------------
 *
 * value_test_util.h
 *	  Helpers shared by the field reader unit tests: a field template and
 *	  the code pages the vectors are written in.
 *
 *-------------------------------------------------------------------------
 */
#ifndef ZF_VALUE_TEST_UTIL_H
#define ZF_VALUE_TEST_UTIL_H

#include <string.h>

#include "value/value.h"

/* A field named name of a kind at offset, length bytes, the rest zero. */
static inline zf_field
test_field(const char *name, zf_kind kind, uint32_t offset, uint32_t length)
{
	zf_field	f;

	memset(&f, 0, sizeof(f));
	f.name = name;
	f.kind = kind;
	f.offset = offset;
	f.length = length;
	return f;
}

/* A code page the vectors are written in (it must exist). */
static inline const zf_codepage *
test_page(const char *name)
{
	zf_error	err;
	const zf_codepage *cp = zf_codepage_lookup(name, &err);

	assert_non_null(cp);
	return cp;
}

#endif							/* ZF_VALUE_TEST_UTIL_H */
