/*-------------------------------------------------------------------------
 *
 * share.c
 *	  Which records or files belong to a share of a data set (share.h).
 *
 *-------------------------------------------------------------------------
 */
#include "records/share.h"

#include <string.h>

/*
 * The record range of a share: K*n/N .. (K+1)*n/N, computed without
 * overflow for any n (n/N and n%N separately).
 */
void
zf_share_records(uint64_t nrecords, uint32_t count, uint32_t index,
				 uint64_t *first, uint64_t *end)
{
	uint64_t	q = nrecords / count;
	uint64_t	r = nrecords % count;

	*first = q * index + r * index / count;
	*end = q * (index + 1) + r * (index + 1) / count;
}

/*
 * FNV-1a over the bytes after the last '/', so that the same object seen
 * as a local path or an s3:// URL, or under another mount point, falls in
 * the same share on every server.
 */
uint32_t
zf_share_of_name(const char *path, uint32_t count)
{
	const char *base = strrchr(path, '/');
	uint32_t	h = 2166136261u;

	base = base ? base + 1 : path;
	for (; *base; base++)
	{
		h ^= (uint8_t) *base;
		h *= 16777619u;
	}
	return h % count;
}
