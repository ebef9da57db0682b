/*-------------------------------------------------------------------------
 *
 * arena.h
 *	  An arena allocator with a byte budget, for the parsers of the core.
 *
 * An arena hands out zeroed, 16-byte aligned memory from large blocks and
 * frees it all in one go, so that a parser can give up anywhere without
 * leaking.  It never takes more than its budget from malloc: a hostile
 * copybook, punch or DDL script makes an allocation fail (and the arena
 * remember that it failed) instead of exhausting the machine's memory.
 *
 * The members of zf_arena are for reading only (total, limit, failed); an
 * arena may be copied by value (as a result that lives inside its own
 * arena does before freeing it), but only one copy may be freed.
 *
 *-------------------------------------------------------------------------
 */
#ifndef ZF_ARENA_H
#define ZF_ARENA_H

#include <stdbool.h>
#include <stddef.h>

/* Bytes of an ordinary block; larger requests get a block of their own. */
#define ZF_ARENA_BLOCK_SIZE		(64 * 1024)

typedef struct zf_arena_block zf_arena_block;

typedef struct zf_arena
{
	zf_arena_block *head;		/* the block being filled, then older ones */
	size_t		total;			/* bytes taken from malloc */
	size_t		limit;			/* the budget: total never exceeds it */
	bool		failed;			/* an allocation was refused */
	bool		over_budget;	/* ... because of the budget */
} zf_arena;

/* Start an empty arena that may take up to limit bytes from malloc. */
extern void zf_arena_init(zf_arena *a, size_t limit);

/*
 * Change the budget.  A budget below what the arena holds already refuses
 * every further block; what it holds stays.
 */
extern void zf_arena_set_limit(zf_arena *a, size_t limit);

/* Give every block back; the arena is empty (and usable) afterwards. */
extern void zf_arena_free(zf_arena *a);

/*
 * n zeroed bytes, 16-byte aligned; NULL (and a->failed) when the budget or
 * malloc says no.  n = 0 is one byte.
 */
extern void *zf_arena_alloc(zf_arena *a, size_t n);

/* A NUL-terminated copy of n bytes of s (s need not be terminated). */
extern char *zf_arena_strndup(zf_arena *a, const char *s, size_t n);

/* A copy of the NUL-terminated string s. */
extern char *zf_arena_strdup(zf_arena *a, const char *s);

/*
 * Append one zeroed element of elemsize bytes to the array *arr holding
 * *n elements in room for *cap, doubling the room (in the arena) when it
 * is full.  Returns the new element, or NULL when out of budget.
 */
extern void *zf_arena_push(zf_arena *a, void **arr, int *n, int *cap,
						   size_t elemsize);

#endif							/* ZF_ARENA_H */
