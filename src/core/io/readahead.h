/*-------------------------------------------------------------------------
 *
 * readahead.h
 *	  A byte source that reads the source beneath it in a thread of its
 *	  own, a few large buffers ahead of the caller: decompressing (or, for
 *	  other sources, waiting) on one core while the caller decodes records
 *	  on another.
 *
 * The thread only moves bytes: it calls the inner source's read and
 * nothing else, with every signal blocked.  The sources beneath must
 * therefore never call an interrupt hook: the read-ahead source clears
 * theirs, and zf_bytes_set_hooks stops at it (ZF_BYTES_HOOKS_STOP); it is
 * meant for stacks over a regular file, whose reads never wait.  The
 * caller waits for a buffer in short steps, calling the read-ahead
 * source's own hook in between, so that a cancel is seen.  Memory is the
 * buffers, whatever the size of the input; an inner error is handed out
 * after the bytes read before it, as the inner source would have; closing
 * stops and joins the thread.
 *
 *-------------------------------------------------------------------------
 */
#ifndef ZF_READAHEAD_H
#define ZF_READAHEAD_H

#include "io/byte_source.h"

/* Buffers and their size. */
#define ZF_READAHEAD_BUFFERS	4
#define ZF_READAHEAD_SIZE		(1024 * 1024)

/*
 * Read inner ahead in a thread.  The new source owns inner; it is
 * sequential only.  NULL with err set (inner still the caller's) when the
 * thread or its buffers cannot be made.
 */
extern zf_byte_source *zf_readahead_open(zf_byte_source *inner, zf_error *err);

#endif							/* ZF_READAHEAD_H */
