/*-------------------------------------------------------------------------
 *
 * arena.c
 *	  An arena allocator with a byte budget (see arena.h).
 *
 * Blocks are kept in a list whose head is the block being filled.  A
 * request larger than a quarter of a block gets a block of its own, linked
 * behind the head, so that the head keeps being filled afterwards.  The
 * budget counts every byte taken from malloc, block headers included.
 *
 *-------------------------------------------------------------------------
 */
#include "base/arena.h"

#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

struct zf_arena_block
{
	zf_arena_block *next;
	size_t		size;			/* bytes of data */
	size_t		used;
	/* data follows, aligned */
};

#define ARENA_ALIGN		16
#define ALIGN_UP(n)		(((n) + (ARENA_ALIGN - 1)) & ~(size_t) (ARENA_ALIGN - 1))
#define BLOCK_HDR		ALIGN_UP(sizeof(zf_arena_block))

/* Start an empty arena that may take up to limit bytes from malloc. */
void
zf_arena_init(zf_arena *a, size_t limit)
{
	a->head = NULL;
	a->total = 0;
	a->limit = limit;
	a->failed = false;
	a->over_budget = false;
}

/* Change the budget (see arena.h). */
void
zf_arena_set_limit(zf_arena *a, size_t limit)
{
	a->limit = limit;
}

/* Give every block back. */
void
zf_arena_free(zf_arena *a)
{
	zf_arena_block *b = a->head;

	while (b != NULL)
	{
		zf_arena_block *next = b->next;

		free(b);
		b = next;
	}
	a->head = NULL;
	a->total = 0;
}

/* Record a refusal: why, and that the arena failed.  Returns NULL. */
static void *
refuse(zf_arena *a, bool budget)
{
	a->failed = true;
	if (budget)
		a->over_budget = true;
	return NULL;
}

/*
 * A new block for a request of n (aligned) bytes, linked into the list;
 * NULL when the budget or malloc says no.
 */
static zf_arena_block *
new_block(zf_arena *a, size_t n)
{
	size_t		size = n > ZF_ARENA_BLOCK_SIZE / 4 ? n : ZF_ARENA_BLOCK_SIZE;
	zf_arena_block *b;

	/* written as subtractions, which cannot wrap once total <= limit */
	if (a->total > a->limit || size > a->limit - a->total ||
		BLOCK_HDR > a->limit - a->total - size)
		return refuse(a, true);
	b = malloc(BLOCK_HDR + size);
	if (b == NULL)
		return refuse(a, false);
	a->total += BLOCK_HDR + size;
	b->size = size;
	b->used = 0;
	if (a->head != NULL && size != ZF_ARENA_BLOCK_SIZE)
	{
		/* a big one-off: keep filling the current block afterwards */
		b->next = a->head->next;
		a->head->next = b;
	}
	else
	{
		b->next = a->head;
		a->head = b;
	}
	return b;
}

/*
 * Zeroed memory of n bytes, 16-byte aligned; NULL when the budget or malloc
 * says no (and the arena remembers that it failed).
 */
void *
zf_arena_alloc(zf_arena *a, size_t n)
{
	zf_arena_block *b = a->head;
	void	   *p;

	/* checked before aligning, which would wrap near SIZE_MAX */
	if (n > a->limit)
		return refuse(a, true);
	n = ALIGN_UP(n == 0 ? 1 : n);
	if (b == NULL || b->size - b->used < n)
	{
		b = new_block(a, n);
		if (b == NULL)
			return NULL;
	}
	p = (char *) b + BLOCK_HDR + b->used;
	b->used += n;
	memset(p, 0, n);
	return p;
}

/* Copy n bytes into the arena as a NUL-terminated string. */
char *
zf_arena_strndup(zf_arena *a, const char *s, size_t n)
{
	char	   *p;

	if (n == SIZE_MAX)
		return refuse(a, true);
	p = zf_arena_alloc(a, n + 1);
	if (p == NULL)
		return NULL;
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

/* Copy a NUL-terminated string into the arena. */
char *
zf_arena_strdup(zf_arena *a, const char *s)
{
	return zf_arena_strndup(a, s, strlen(s));
}

/* Append a zeroed element to an arena array, doubling it when full. */
void *
zf_arena_push(zf_arena *a, void **arr, int *n, int *cap, size_t elemsize)
{
	char	   *p;

	if (*n >= *cap)
	{
		int			newcap;
		void	   *grown;

		if (*cap > INT_MAX / 2)
			return refuse(a, true);
		newcap = *cap == 0 ? 8 : *cap * 2;
		if (elemsize != 0 && (size_t) newcap > SIZE_MAX / elemsize)
			return refuse(a, true);
		grown = zf_arena_alloc(a, (size_t) newcap * elemsize);
		if (grown == NULL)
			return NULL;
		if (*n > 0)
			memcpy(grown, *arr, (size_t) *n * elemsize);
		*arr = grown;
		*cap = newcap;
	}
	p = (char *) *arr + (size_t) *n * elemsize;
	memset(p, 0, elemsize);
	(*n)++;
	return p;
}
