/*-------------------------------------------------------------------------
 *
 * byte_source.h
 *	  Byte sources: where the record readers and inspect take their bytes.
 *
 * A byte source hands out the bytes of one input.  The first ones are a
 * local file and the standard output of a program; object storage (an S3
 * object read with HTTP Range), decompressors (gzip, bzip2, zstd) and
 * container layers (tape images, XMIT) are meant to be further sources,
 * stacked under the same record framing: a source may read from another
 * one beneath it (inner).
 *
 * The contract:
 *	 - every source reads sequentially (zf_bytes_read), like read(2): a
 *	   call returns at least one byte, or ZF_EOF at the end;
 *	 - a source that knows its size before reading has ZF_BYTES_SIZED;
 *	 - a source that can read at any offset without moving its sequential
 *	   position (pread, an HTTP Range request) has ZF_BYTES_RANGED; several
 *	   readers may then share it;
 *	 - it has a name (a path, a command, a URL) for the caller's error
 *	   context; its own messages say what failed and where, not its name;
 *	 - errors are values: a source fills the zf_error it is given (status,
 *	   message, byte offset, sys_errno for system errors) and never prints
 *	   or jumps;
 *	 - a source that may wait long for bytes (a program, a network) calls
 *	   the interrupt hook while it waits, so that its caller can cancel;
 *	 - zf_bytes_close releases it and every source beneath it, and reports
 *	   what only the end can tell (a program that failed);
 *	 - a caller may advise a ranged source of the bytes it will read in
 *	   order next (zf_bytes_advise), so that a remote source asks for
 *	   exactly those: a hint, never a limit.
 *
 * Writing a source: put zf_byte_source first in the source's own struct,
 * fill a static zf_byte_source_ops, and create it with zf_bytes_new.
 *
 *-------------------------------------------------------------------------
 */
#ifndef ZF_BYTE_SOURCE_H
#define ZF_BYTE_SOURCE_H

#include "base/status.h"

/* Capabilities (zf_bytes_caps) */
#define ZF_BYTES_SIZED		0x01	/* the size is known before reading */
#define ZF_BYTES_RANGED		0x02	/* zf_bytes_read_at works */
#define ZF_BYTES_HOOKS_STOP	0x04	/* the sources beneath run in a thread
									 * of their own (io/readahead.h): the
									 * interrupt hook is set down to this
									 * one only */

/* Room for a source's identity (zf_bytes_identity), NUL included. */
#define ZF_BYTES_ID_LEN		96

typedef struct zf_byte_source zf_byte_source;

/*
 * The caller's hook, called by a source while it waits for bytes.  It
 * returns ZF_OK to go on waiting, or an error status (with err filled) to
 * give up: the read then fails with it.  It may also not return at all:
 * PostgreSQL's CHECK_FOR_INTERRUPTS leaves by longjmp.  A source calls it
 * only where such a jump loses nothing that zf_bytes_close would not
 * release.
 */
typedef struct zf_byte_hooks
{
	zf_status	(*check_interrupts) (void *arg, zf_error *err);
	void	   *arg;
} zf_byte_hooks;

/* What a kind of source does; NULL for what it cannot do. */
typedef struct zf_byte_source_ops
{
	/* up to n bytes at the sequential position: ZF_OK with *got >= 1, or
	 * ZF_EOF with *got == 0 */
	zf_status	(*read) (zf_byte_source *src, uint8_t *buf, size_t n,
						 size_t *got, zf_error *err);
	/* the same at an offset (ZF_BYTES_RANGED only) */
	zf_status	(*read_at) (zf_byte_source *src, uint8_t *buf, size_t n,
							uint64_t offset, size_t *got, zf_error *err);
	/* a text that changes when the bytes may have changed, or false */
	bool		(*identity) (const zf_byte_source *src, char *buf, size_t len);
	/* release this source's own resources (not inner's) */
	zf_status	(*close) (zf_byte_source *src, zf_error *err);
	/* the caller will read [start, end) in order next (a hint) */
	void		(*advise) (zf_byte_source *src, uint64_t start, uint64_t end);
} zf_byte_source_ops;

/* The part every source shares; read it through the functions below. */
struct zf_byte_source
{
	const zf_byte_source_ops *ops;
	unsigned	caps;			/* ZF_BYTES_* */
	int64_t		size;			/* -1 unless ZF_BYTES_SIZED */
	char	   *name;
	zf_byte_source *inner;		/* the source this one reads, or NULL */
	zf_byte_hooks hooks;
	uint64_t	position;		/* bytes handed out by zf_bytes_read */
	bool		at_eof;
};

/* ---- using a source ---- */

/*
 * Read up to n bytes at the sequential position: ZF_OK with 1 to n bytes
 * in *got, ZF_EOF (and *got 0) at the end, or an error.
 */
extern zf_status zf_bytes_read(zf_byte_source *src, uint8_t *buf, size_t n,
							   size_t *got, zf_error *err);

/*
 * Read up to n bytes at offset (ZF_BYTES_RANGED; else ZF_E_UNSUPPORTED):
 * ZF_OK with 1 to n bytes, ZF_EOF at or past the end.
 */
extern zf_status zf_bytes_read_at(zf_byte_source *src, uint8_t *buf,
								  size_t n, uint64_t offset, size_t *got,
								  zf_error *err);

/*
 * Read until n bytes or the end, sequentially or at an offset: ZF_OK with
 * *got < n only at the end of the source.
 */
extern zf_status zf_bytes_read_full(zf_byte_source *src, uint8_t *buf,
									size_t n, size_t *got, zf_error *err);
extern zf_status zf_bytes_read_at_full(zf_byte_source *src, uint8_t *buf,
									   size_t n, uint64_t offset,
									   size_t *got, zf_error *err);

extern unsigned zf_bytes_caps(const zf_byte_source *src);
/* the size in bytes, or -1 when not ZF_BYTES_SIZED */
extern int64_t zf_bytes_size(const zf_byte_source *src);
extern const char *zf_bytes_name(const zf_byte_source *src);
/* bytes read so far by zf_bytes_read */
extern uint64_t zf_bytes_position(const zf_byte_source *src);

/*
 * A text that identifies the source's bytes (for a file: device, inode,
 * size and modification time), for caches of what was learnt from them;
 * false when the source cannot tell.
 */
extern bool zf_bytes_identity(const zf_byte_source *src,
							  char buf[ZF_BYTES_ID_LEN]);

/*
 * Say that [start, end) will be read in order next, with ranged reads: a
 * source that fetches ahead (an S3 object) fetches that range and no more.
 * A hint only: reads elsewhere still work.  Does nothing for a source
 * without ranges or without use for it.
 */
extern void zf_bytes_advise(zf_byte_source *src, uint64_t start, uint64_t end);

/*
 * Set the interrupt hook of a source and of every source beneath it, down
 * to one with ZF_BYTES_HOOKS_STOP.
 */
extern void zf_bytes_set_hooks(zf_byte_source *src, const zf_byte_hooks *hooks);

/*
 * Release a source and the sources beneath it (NULL is allowed).  Returns
 * the first error: a program that failed, a close that failed.
 */
extern zf_status zf_bytes_close(zf_byte_source *src, zf_error *err);

/* ---- the sources ---- */

/*
 * A local file, which must be a regular file: anything else (a directory,
 * a FIFO, a device) is refused with ZF_E_UNSUPPORTED before it is opened,
 * and the file is opened without blocking, so that a FIFO put in its place
 * meanwhile cannot hang the caller.  A file that cannot be opened is
 * ZF_E_IO with sys_errno.  Sized and ranged; its size is the one it has
 * when opened.
 */
extern zf_byte_source *zf_file_source_open(const char *path, zf_error *err);

/*
 * An open file descriptor: a regular file is sized and ranged, anything
 * else (a pipe) sequential.  With owns_fd the source closes fd.  A
 * non-blocking fd is waited on with poll, calling the interrupt hook.
 */
extern zf_byte_source *zf_fd_source_open(int fd, const char *name,
										 bool owns_fd, zf_error *err);

/*
 * The standard output of a shell command (/bin/sh -c, as popen runs it),
 * read through a non-blocking pipe so that the interrupt hook is called
 * while the program is silent.  The program starts with every signal at
 * its default action.  Closing the source closes the pipe and waits for
 * the program; one that did not exit with 0 is ZF_E_IO, "program ...
 * failed", with how it ended as detail.  Sequential only.
 */
extern zf_byte_source *zf_program_source_open(const char *command,
											  zf_error *err);

/* ---- writing a source ---- */

/*
 * Allocate a source of state_size bytes (at least sizeof(zf_byte_source),
 * zeroed) with its ops and a copy of name; size -1, no capabilities.
 */
extern zf_byte_source *zf_bytes_new(const zf_byte_source_ops *ops,
									size_t state_size, const char *name,
									zf_error *err);

/*
 * Set a system error: ZF_E_IO, the message formatted and followed by
 * ": " and strerror(e), and sys_errno e.  Returns ZF_E_IO.
 */
extern zf_status zf_bytes_sys_error(zf_error *err, int e, const char *fmt,...)
			__attribute__((format(printf, 3, 4)));

/* Call the interrupt hook, if any (for sources that wait). */
extern zf_status zf_bytes_check_interrupts(zf_byte_source *src,
										   zf_error *err);

#endif							/* ZF_BYTE_SOURCE_H */
