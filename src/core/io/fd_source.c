/*-------------------------------------------------------------------------
 *
 * fd_source.c
 *	  A byte source over a POSIX file descriptor: read() in order, pread()
 *	  at an offset for a regular file, and poll() with the interrupt hook
 *	  when a non-blocking descriptor (a program's pipe) has nothing yet.
 *
 * A regular file is sized (its size when the source is made) and ranged;
 * anything else is read in order only.  Interrupted calls are retried
 * after asking the hook whether to go on.
 *
 *-------------------------------------------------------------------------
 */
#include "io/byte_source.h"

#include <errno.h>
#include <inttypes.h>
#include <poll.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

/* How long one poll() waits before the hook is asked again (ms). */
#define WAIT_MS		100

typedef struct fd_source
{
	zf_byte_source base;
	int			fd;
	bool		owns_fd;
	const char *what;			/* "file" or "pipe", for messages */
	struct stat st;				/* as when the source was made */
} fd_source;

/* A read that failed: ZF_E_IO naming the offset and the system's reason. */
static zf_status
read_error(const fd_source *s, int e, uint64_t offset, zf_error *err)
{
	zf_bytes_sys_error(err, e, "could not read %s at byte offset %" PRIu64,
					   s->what, offset);
	if (err != NULL)
		err->offset = (int64_t) offset;
	return ZF_E_IO;
}

/*
 * Wait until the descriptor has bytes or its end.  With a hook, poll in
 * short steps and ask the hook in between; without one, wait as long as
 * it takes.
 */
static zf_status
wait_readable(fd_source *s, zf_error *err)
{
	int			timeout = s->base.hooks.check_interrupts ? WAIT_MS : -1;

	for (;;)
	{
		struct pollfd pfd;
		zf_status	st;
		int			rc;

		if ((st = zf_bytes_check_interrupts(&s->base, err)) != ZF_OK)
			return st;
		pfd.fd = s->fd;
		pfd.events = POLLIN;
		pfd.revents = 0;
		rc = poll(&pfd, 1, timeout);
		if (rc > 0)
			return ZF_OK;		/* bytes, the end or an error: read tells */
		if (rc < 0 && errno != EINTR)
			return read_error(s, errno, s->base.position, err);
	}
}

/*
 * read() in order (offset NULL) or pread() at *offset, retried when a
 * signal interrupts it or, in order, when a non-blocking descriptor has
 * nothing yet.
 */
static zf_status
fd_transfer(fd_source *s, uint8_t *buf, size_t n, const uint64_t *offset,
			size_t *got, zf_error *err)
{
	for (;;)
	{
		ssize_t		k = offset ? pread(s->fd, buf, n, (off_t) *offset) :
			read(s->fd, buf, n);
		int			e = errno;
		zf_status	st;

		if (k > 0)
		{
			*got = (size_t) k;
			return ZF_OK;
		}
		if (k == 0)
			return ZF_EOF;
		if (e == EINTR)
			st = zf_bytes_check_interrupts(&s->base, err);
		else if (offset == NULL && (e == EAGAIN || e == EWOULDBLOCK))
			st = wait_readable(s, err);
		else
			st = read_error(s, e, offset ? *offset : s->base.position, err);
		if (st != ZF_OK)
			return st;
	}
}

/* Sequential read. */
static zf_status
fd_read(zf_byte_source *src, uint8_t *buf, size_t n, size_t *got,
		zf_error *err)
{
	return fd_transfer((fd_source *) src, buf, n, NULL, got, err);
}

/* Ranged read of a regular file. */
static zf_status
fd_read_at(zf_byte_source *src, uint8_t *buf, size_t n, uint64_t offset,
		   size_t *got, zf_error *err)
{
	return fd_transfer((fd_source *) src, buf, n, &offset, got, err);
}

/* A regular file is the same while device, inode, size and mtime are. */
static bool
fd_identity(const zf_byte_source *src, char *buf, size_t len)
{
	const fd_source *s = (const fd_source *) src;

	if (!S_ISREG(s->st.st_mode))
		return false;
	snprintf(buf, len, "file:%ju:%ju:%jd:%jd.%09ld",
			 (uintmax_t) s->st.st_dev, (uintmax_t) s->st.st_ino,
			 (intmax_t) s->st.st_size, (intmax_t) s->st.st_mtim.tv_sec,
			 (long) s->st.st_mtim.tv_nsec);
	return true;
}

/*
 * Close the descriptor when the source owns it.  A read-only close cannot
 * lose data: its result is of no use.
 */
static zf_status
fd_close(zf_byte_source *src, zf_error *err)
{
	fd_source  *s = (fd_source *) src;

	(void) err;
	if (s->owns_fd && s->fd >= 0)
		(void) close(s->fd);
	s->fd = -1;
	return ZF_OK;
}

static const zf_byte_source_ops fd_ops = {
	.read = fd_read,
	.read_at = fd_read_at,
	.identity = fd_identity,
	.close = fd_close,
};

/*
 * A source over fd.  On failure the descriptor stays open, whatever
 * owns_fd says: the caller still has it.
 */
zf_byte_source *
zf_fd_source_open(int fd, const char *name, bool owns_fd, zf_error *err)
{
	struct stat st;
	fd_source  *s;

	if (fstat(fd, &st) != 0)
	{
		zf_bytes_sys_error(err, errno, "could not stat file \"%s\"", name);
		return NULL;
	}
	s = (fd_source *) zf_bytes_new(&fd_ops, sizeof(fd_source), name, err);
	if (s == NULL)
		return NULL;
	s->fd = fd;
	s->owns_fd = owns_fd;
	s->st = st;
	if (S_ISREG(st.st_mode))
	{
		s->what = "file";
		s->base.caps = ZF_BYTES_SIZED | ZF_BYTES_RANGED;
		s->base.size = (int64_t) st.st_size;
	}
	else
		s->what = S_ISFIFO(st.st_mode) ? "pipe" : "input";
	return &s->base;
}
