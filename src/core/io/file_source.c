/*-------------------------------------------------------------------------
 *
 * file_source.c
 *	  A local file as a byte source: only a regular file, opened without
 *	  blocking.
 *
 * A directory, a FIFO or a device is refused before it is opened: opening
 * a FIFO would wait for a writer, and a tape device may rewind on open.
 * The check is made again on the open descriptor, and the open does not
 * block, so that a FIFO put in the file's place in between is refused too
 * instead of hanging the caller.  Reading the file is fd_source.c's.
 *
 *-------------------------------------------------------------------------
 */
#include "io/byte_source.h"

#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

/* What a special file is, for the message that refuses it. */
static const char *
kind_of(mode_t mode)
{
	if (S_ISDIR(mode))
		return "a directory";
	if (S_ISFIFO(mode))
		return "a FIFO";
	if (S_ISCHR(mode) || S_ISBLK(mode))
		return "a device";
	return "a special file";
}

/* The file cannot be opened (or looked at): ZF_E_IO with errno. */
static zf_byte_source *
open_error(const char *path, int e, zf_error *err)
{
	zf_bytes_sys_error(err, e, "could not open file \"%s\" for reading", path);
	return NULL;
}

/* Not a regular file: ZF_E_UNSUPPORTED, saying what it is. */
static zf_byte_source *
not_regular(const char *path, mode_t mode, zf_error *err)
{
	zf_error_set(err, ZF_E_UNSUPPORTED, "\"%s\" is %s, not a regular file",
				 path, kind_of(mode));
	return NULL;
}

/* Open a regular file for reading. */
zf_byte_source *
zf_file_source_open(const char *path, zf_error *err)
{
	struct stat st;
	zf_byte_source *src;
	int			fd;

	if (stat(path, &st) != 0)
		return open_error(path, errno, err);
	if (!S_ISREG(st.st_mode))
		return not_regular(path, st.st_mode, err);
	fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
	if (fd < 0)
		return open_error(path, errno, err);
	if (fstat(fd, &st) != 0)
	{
		int			e = errno;

		close(fd);
		zf_bytes_sys_error(err, e, "could not stat file \"%s\"", path);
		return NULL;
	}
	if (!S_ISREG(st.st_mode))
	{
		close(fd);
		return not_regular(path, st.st_mode, err);
	}
#ifdef POSIX_FADV_SEQUENTIAL
	(void) posix_fadvise(fd, 0, 0, POSIX_FADV_SEQUENTIAL);
#endif
	src = zf_fd_source_open(fd, path, true, err);
	if (src == NULL)
		close(fd);
	return src;
}
