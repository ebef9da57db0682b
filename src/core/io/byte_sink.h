/*-------------------------------------------------------------------------
 *
 * byte_sink.h
 *	  Where written bytes go: the writing counterpart of byte_source.h.
 *
 * A sink takes bytes in order (zf_sink_write), buffers them, and hands
 * them to its medium in large writes.  zf_sink_sync makes what was written
 * durable (for a file: flush the buffer and fsync).  zf_sink_close
 * releases the sink; it does not sync.  Errors are values: a sink fills
 * the zf_error it is given (ZF_E_IO with sys_errno for system errors) and
 * never prints or jumps.  A sink counts the bytes it was given.
 *
 * Writing a sink: put zf_byte_sink first in the sink's own struct, fill a
 * static zf_byte_sink_ops, and set sink->ops.  The file descriptor sink
 * (zf_fd_sink_open) is the one zfdw uses for local files; an object store
 * upload would be another.
 *
 *-------------------------------------------------------------------------
 */
#ifndef ZF_BYTE_SINK_H
#define ZF_BYTE_SINK_H

#include "base/status.h"

typedef struct zf_byte_sink zf_byte_sink;

typedef struct zf_byte_sink_ops
{
	/* write n bytes (the buffer is the sink's business) */
	zf_status	(*write) (zf_byte_sink *s, const uint8_t *p, size_t n,
						  zf_error *err);
	/* push buffered bytes to the medium and make them durable */
	zf_status	(*sync) (zf_byte_sink *s, zf_error *err);
	/* release; buffered bytes not synced are written but not synced */
	zf_status	(*close) (zf_byte_sink *s, zf_error *err);
} zf_byte_sink_ops;

struct zf_byte_sink
{
	const zf_byte_sink_ops *ops;
	uint64_t	written;		/* bytes given to the sink */
};

/* Write n bytes to the sink. */
static inline zf_status
zf_sink_write(zf_byte_sink *s, const uint8_t *p, size_t n, zf_error *err)
{
	s->written += n;
	return s->ops->write(s, p, n, err);
}

static inline zf_status
zf_sink_sync(zf_byte_sink *s, zf_error *err)
{
	return s->ops->sync(s, err);
}

/* Close and free the sink (NULL is allowed). */
extern zf_status zf_sink_close(zf_byte_sink *s, zf_error *err);

/*
 * A sink over an open file descriptor, positioned where writing starts,
 * with a buffer of buffer_size bytes (0: 1 MiB).  The sink owns fd from
 * then on and closes it.  NULL with err set when memory runs out (fd is
 * then closed too).
 */
extern zf_byte_sink *zf_fd_sink_open(int fd, size_t buffer_size,
									 zf_error *err);

/* The descriptor of a file descriptor sink. */
extern int	zf_fd_sink_fd(const zf_byte_sink *s);

/*
 * Truncate a file descriptor sink to length bytes (buffered bytes are
 * written first) and continue writing there: a rolled-back part of a
 * write forgotten.  length must not exceed what was written.
 */
extern zf_status zf_fd_sink_truncate(zf_byte_sink *s, uint64_t length,
									 zf_error *err);

#endif							/* ZF_BYTE_SINK_H */
