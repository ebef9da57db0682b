/*-------------------------------------------------------------------------
 *
 * share.h
 *	  Shares of one data set: the rules that split a table's input into
 *	  N disjoint parts that together are all of it, so that N tables (on
 *	  N servers) over the same files each read one part.
 *
 * A single fixed-length file is split by records: share K of N is the
 * records K*n/N .. (K+1)*n/N - 1 (0-based, by record count, so every
 * share starts on a record boundary and sizes differ by at most one
 * record).  Anything else is split by whole files: a file belongs to the
 * share given by a hash of its base name (FNV-1a, 32 bits, mod N), so a
 * file that lands later never moves the files already there.
 *
 *-------------------------------------------------------------------------
 */
#ifndef ZF_SHARE_H
#define ZF_SHARE_H

#include <stdint.h>

/*
 * The records [*first, *end) of share index of count, out of nrecords
 * (0 <= index < count).
 */
extern void zf_share_records(uint64_t nrecords, uint32_t count, uint32_t index,
							 uint64_t *first, uint64_t *end);

/* The share (0 .. count-1) of a file, by the base name of its path. */
extern uint32_t zf_share_of_name(const char *path, uint32_t count);

#endif							/* ZF_SHARE_H */
