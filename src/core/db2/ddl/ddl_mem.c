/*-------------------------------------------------------------------------
 *
 * ddl_mem.c
 *	  Memory helpers of the DB2 DDL converter: a growable text buffer
 *	  with a byte limit, a string-keyed hash map and ASCII case helpers.
 *
 * Everything the parser and writer allocate comes from an arena
 * (base/arena.h) that is freed in one go, so that an error anywhere cannot
 * leak.  Its budget, and the buffer's limit, make hostile input fail with
 * a clear error instead of exhausting memory.
 *
 *-------------------------------------------------------------------------
 */
#include "db2/ddl/ddl_int.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---------------------------------------------------------------------
 * Growable buffer
 * ---------------------------------------------------------------------
 */

/* An empty buffer that may grow to limit bytes. */
void
zf_ddl_buf_init(ddl_buf *b, size_t limit)
{
	b->data = NULL;
	b->len = 0;
	b->cap = 0;
	b->limit = limit;
	b->failed = false;
}

/* Release the buffer's memory. */
void
zf_ddl_buf_free(ddl_buf *b)
{
	free(b->data);
	b->data = NULL;
	b->len = b->cap = 0;
}

/* Empty the buffer, keeping its memory (and forgetting a failure). */
void
zf_ddl_buf_reset(ddl_buf *b)
{
	b->len = 0;
	b->failed = false;
	if (b->data != NULL)
		b->data[0] = '\0';
}

/* Make room for n more bytes plus a NUL; false (and failed) if refused. */
static bool
buf_reserve(ddl_buf *b, size_t n)
{
	size_t		need;
	size_t		newcap;
	char	   *p;

	if (b->failed)
		return false;
	need = b->len + n + 1;
	if (need <= b->cap)
		return true;
	if (need > b->limit)
	{
		b->failed = true;
		return false;
	}
	newcap = b->cap == 0 ? 1024 : b->cap;
	while (newcap < need)
		newcap *= 2;
	if (newcap > b->limit)
		newcap = b->limit;
	p = realloc(b->data, newcap);
	if (p == NULL)
	{
		b->failed = true;
		return false;
	}
	b->data = p;
	b->cap = newcap;
	return true;
}

/* Append n bytes (kept NUL-terminated). */
void
zf_ddl_buf_putn(ddl_buf *b, const char *s, size_t n)
{
	if (!buf_reserve(b, n))
		return;
	memcpy(b->data + b->len, s, n);
	b->len += n;
	b->data[b->len] = '\0';
}

/* Append a NUL-terminated string. */
void
zf_ddl_buf_puts(ddl_buf *b, const char *s)
{
	zf_ddl_buf_putn(b, s, strlen(s));
}

/* Append one character. */
void
zf_ddl_buf_putc(ddl_buf *b, char c)
{
	zf_ddl_buf_putn(b, &c, 1);
}

/* Append formatted text. */
void
zf_ddl_buf_printf(ddl_buf *b, const char *fmt,...)
{
	char		small[256];
	va_list		ap;
	int			n;

	va_start(ap, fmt);
	n = vsnprintf(small, sizeof(small), fmt, ap);
	va_end(ap);
	if (n < 0)
	{
		b->failed = true;
		return;
	}
	if ((size_t) n < sizeof(small))
	{
		zf_ddl_buf_putn(b, small, (size_t) n);
		return;
	}
	if (!buf_reserve(b, (size_t) n))
		return;
	va_start(ap, fmt);
	vsnprintf(b->data + b->len, (size_t) n + 1, fmt, ap);
	va_end(ap);
	b->len += (size_t) n;
}

/* ---------------------------------------------------------------------
 * String map (keys are compared exactly; callers normalise them)
 * ---------------------------------------------------------------------
 */

/* An empty map whose arrays come from arena a. */
void
zf_ddl_map_init(ddl_map *m, zf_arena *a)
{
	m->keys = NULL;
	m->vals = NULL;
	m->cap = 0;
	m->count = 0;
	m->arena = a;
}

/* FNV-1a: short keys, no need for anything stronger. */
static size_t
map_hash(const char *key)
{
	uint64_t	h = 1469598103934665603ULL;

	for (; *key; key++)
	{
		h ^= (unsigned char) *key;
		h *= 1099511628211ULL;
	}
	return (size_t) h;
}

/* Double the table and rehash; false when out of budget. */
static bool
map_grow(ddl_map *m)
{
	size_t		newcap = m->cap == 0 ? 64 : m->cap * 2;
	const char **keys = zf_arena_alloc(m->arena, newcap * sizeof(char *));
	void	  **vals = zf_arena_alloc(m->arena, newcap * sizeof(void *));

	if (keys == NULL || vals == NULL)
		return false;
	for (size_t i = 0; i < m->cap; i++)
	{
		size_t		j;

		if (m->keys[i] == NULL)
			continue;
		j = map_hash(m->keys[i]) & (newcap - 1);
		while (keys[j] != NULL)
			j = (j + 1) & (newcap - 1);
		keys[j] = m->keys[i];
		vals[j] = m->vals[i];
	}
	m->keys = keys;
	m->vals = vals;
	m->cap = newcap;
	return true;
}

/* Insert or replace; the key must outlive the map (arena string). */
bool
zf_ddl_map_put(ddl_map *m, const char *key, void *val)
{
	size_t		j;

	if ((m->count + 1) * 2 > m->cap && !map_grow(m))
		return false;
	j = map_hash(key) & (m->cap - 1);
	while (m->keys[j] != NULL)
	{
		if (strcmp(m->keys[j], key) == 0)
		{
			m->vals[j] = val;
			return true;
		}
		j = (j + 1) & (m->cap - 1);
	}
	m->keys[j] = key;
	m->vals[j] = val;
	m->count++;
	return true;
}

/* The value stored under key, or NULL. */
void *
zf_ddl_map_get(const ddl_map *m, const char *key)
{
	size_t		j;

	if (m->cap == 0)
		return NULL;
	j = map_hash(key) & (m->cap - 1);
	while (m->keys[j] != NULL)
	{
		if (strcmp(m->keys[j], key) == 0)
			return m->vals[j];
		j = (j + 1) & (m->cap - 1);
	}
	return NULL;
}

/* ---------------------------------------------------------------------
 * ASCII case helpers
 * ---------------------------------------------------------------------
 */

/* Upper-case an ASCII letter; other bytes unchanged. */
static int
ascii_upper(int ch)
{
	return (ch >= 'a' && ch <= 'z') ? ch - 'a' + 'A' : ch;
}

/* Compare without regard to (ASCII) case. */
int
zf_ddl_strcasecmp(const char *a, const char *b)
{
	for (;; a++, b++)
	{
		int			ca = ascii_upper((unsigned char) *a);
		int			cb = ascii_upper((unsigned char) *b);

		if (ca != cb || ca == 0)
			return ca - cb;
	}
}

/* Compare at most n bytes without regard to (ASCII) case. */
int
zf_ddl_strcasecmp_n(const char *a, const char *b, size_t n)
{
	for (size_t i = 0; i < n; i++)
	{
		int			ca = ascii_upper((unsigned char) a[i]);
		int			cb = ascii_upper((unsigned char) b[i]);

		if (ca != cb || ca == 0)
			return ca - cb;
	}
	return 0;
}

/* An upper-case (ASCII) copy in the arena. */
char *
zf_ddl_upper(zf_arena *a, const char *s)
{
	char	   *p = zf_arena_strdup(a, s);

	if (p == NULL)
		return NULL;
	for (char *q = p; *q; q++)
		*q = (char) ascii_upper((unsigned char) *q);
	return p;
}
