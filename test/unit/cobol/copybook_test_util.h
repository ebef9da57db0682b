/*-------------------------------------------------------------------------
 *
 * copybook_test_util.h
 *	  Helpers shared by the copybook and layout unit tests: reading peer
 *	  conformance files, parsing copybook text, finding fields by name.
 *
 *-------------------------------------------------------------------------
 */
#ifndef ZF_COPYBOOK_TEST_UTIL_H
#define ZF_COPYBOOK_TEST_UTIL_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "cobol/copybook.h"

#define CONFORMANCE_DIR ZF_SOURCE_DIR "/../shared/conformance"

/* Read a whole file (at most 64 MiB); NULL if it cannot be read. */
static inline char *
read_file(const char *path, size_t *len)
{
	FILE	   *f = fopen(path, "rb");
	char	   *buf;
	long		n;

	if (f == NULL)
		return NULL;
	if (fseek(f, 0, SEEK_END) != 0 || (n = ftell(f)) < 0 || n > (64L << 20) ||
		fseek(f, 0, SEEK_SET) != 0)
	{
		fclose(f);
		return NULL;
	}
	buf = malloc((size_t) n + 1);
	if (buf != NULL && fread(buf, 1, (size_t) n, f) != (size_t) n)
	{
		free(buf);
		buf = NULL;
	}
	fclose(f);
	if (buf != NULL)
	{
		buf[n] = '\0';
		*len = (size_t) n;
	}
	return buf;
}

/* Parse copybook text with default options (fixed/free detection). */
static inline zf_layout *
parse_text(const char *text, zf_error *err)
{
	zf_copybook_opts opts;

	zf_copybook_opts_init(&opts);
	return zf_copybook_parse(text, strlen(text), &opts, err);
}

/* Index of the first field with this COBOL name (case-insensitive), or
 * -1; the n-th one (0-based) when the name repeats. */
static inline int32_t
field_named(const zf_layout *L, const char *name, int nth)
{
	for (int32_t i = 0; i < L->nfields; i++)
		if (strcasecmp(L->fields[i].name, name) == 0 && nth-- == 0)
			return i;
	return -1;
}

#endif							/* ZF_COPYBOOK_TEST_UTIL_H */
