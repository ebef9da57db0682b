/*-------------------------------------------------------------------------
 *
 * fd_sink.c
 *	  A byte sink over a file descriptor: buffered writes, fsync, and
 *	  truncation back to an earlier length.
 *
 * The buffer turns the many small writes of a record writer into writes of
 * buffer_size bytes.  write(2) is retried on EINTR and on short writes;
 * ENOSPC and other failures come back as ZF_E_IO with the errno.
 *
 *-------------------------------------------------------------------------
 */
#include "io/byte_sink.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define FD_SINK_DEFAULT_BUFFER	(1024 * 1024)

typedef struct fd_sink
{
	zf_byte_sink base;
	int			fd;
	uint8_t    *buf;
	size_t		cap;
	size_t		used;
	uint64_t	pos;			/* bytes in the file at buf[0] */
} fd_sink;

/* An I/O error value with the errno and the file position. */
static zf_status
io_error(zf_error *err, int e, const char *what, uint64_t pos)
{
	zf_error_set(err, ZF_E_IO, "could not %s file: %s", what, strerror(e));
	if (err)
	{
		err->sys_errno = e;
		err->offset = (int64_t) pos;
	}
	return ZF_E_IO;
}

/* Write n bytes at the current position, retrying short writes. */
static zf_status
write_all(fd_sink *s, const uint8_t *p, size_t n, zf_error *err)
{
	while (n > 0)
	{
		ssize_t		w = write(s->fd, p, n);

		if (w < 0)
		{
			if (errno == EINTR)
				continue;
			return io_error(err, errno, "write", s->pos);
		}
		if (w == 0)
			return io_error(err, ENOSPC, "write", s->pos);
		p += w;
		n -= (size_t) w;
		s->pos += (uint64_t) w;
	}
	return ZF_OK;
}

/* Empty the buffer into the file. */
static zf_status
flush_buffer(fd_sink *s, zf_error *err)
{
	zf_status	st = write_all(s, s->buf, s->used, err);

	s->used = 0;
	return st;
}

/* Buffer n bytes; large pieces go straight to the file. */
static zf_status
fd_write(zf_byte_sink *base, const uint8_t *p, size_t n, zf_error *err)
{
	fd_sink    *s = (fd_sink *) base;
	zf_status	st;

	if (n <= s->cap - s->used)
	{
		memcpy(s->buf + s->used, p, n);
		s->used += n;
		return ZF_OK;
	}
	st = flush_buffer(s, err);
	if (st != ZF_OK)
		return st;
	if (n >= s->cap)
		return write_all(s, p, n, err);
	memcpy(s->buf, p, n);
	s->used = n;
	return ZF_OK;
}

/* Flush the buffer and fsync the file. */
static zf_status
fd_sync(zf_byte_sink *base, zf_error *err)
{
	fd_sink    *s = (fd_sink *) base;
	zf_status	st = flush_buffer(s, err);

	if (st != ZF_OK)
		return st;
	if (fsync(s->fd) != 0)
		return io_error(err, errno, "fsync", s->pos);
	return ZF_OK;
}

/* Flush what is buffered and close the descriptor. */
static zf_status
fd_close(zf_byte_sink *base, zf_error *err)
{
	fd_sink    *s = (fd_sink *) base;
	zf_status	st = ZF_OK;

	if (s->fd >= 0)
	{
		st = flush_buffer(s, err);
		if (close(s->fd) != 0 && st == ZF_OK)
			st = io_error(err, errno, "close", s->pos);
		s->fd = -1;
	}
	free(s->buf);
	free(s);
	return st;
}

static const zf_byte_sink_ops fd_sink_ops = {fd_write, fd_sync, fd_close};

zf_status
zf_sink_close(zf_byte_sink *s, zf_error *err)
{
	if (s == NULL)
		return ZF_OK;
	return s->ops->close(s, err);
}

zf_byte_sink *
zf_fd_sink_open(int fd, size_t buffer_size, zf_error *err)
{
	fd_sink    *s = calloc(1, sizeof(fd_sink));
	off_t		here = lseek(fd, 0, SEEK_CUR);

	if (buffer_size == 0)
		buffer_size = FD_SINK_DEFAULT_BUFFER;
	if (s)
		s->buf = malloc(buffer_size);
	if (s == NULL || s->buf == NULL)
	{
		if (s)
			free(s);
		close(fd);
		zf_error_set(err, ZF_E_NOMEM, "out of memory for a file buffer");
		return NULL;
	}
	s->base.ops = &fd_sink_ops;
	s->fd = fd;
	s->cap = buffer_size;
	s->pos = here > 0 ? (uint64_t) here : 0;
	s->base.written = 0;
	return &s->base;
}

int
zf_fd_sink_fd(const zf_byte_sink *s)
{
	return ((const fd_sink *) s)->fd;
}

zf_status
zf_fd_sink_truncate(zf_byte_sink *base, uint64_t length, zf_error *err)
{
	fd_sink    *s = (fd_sink *) base;
	zf_status	st = flush_buffer(s, err);

	if (st != ZF_OK)
		return st;
	if (length > s->pos)
		return zf_error_set(err, ZF_E_ARG,
							"cannot truncate a file of %llu bytes to %llu",
							(unsigned long long) s->pos,
							(unsigned long long) length);
	if (ftruncate(s->fd, (off_t) length) != 0)
		return io_error(err, errno, "truncate", length);
	if (lseek(s->fd, (off_t) length, SEEK_SET) < 0)
		return io_error(err, errno, "seek in", length);
	s->pos = length;
	return ZF_OK;
}
