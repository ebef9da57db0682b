/*-------------------------------------------------------------------------
 *
 * byte_source.c
 *	  The part of the byte-source contract every source shares: checking
 *	  capabilities, keeping the sequential position, reading until a count
 *	  or the end, hooks and closing reaching the sources beneath.
 *
 * The sources themselves (fd_source.c, file_source.c, program_source.c)
 * only move bytes; the rules callers rely on are enforced here once.
 *
 *-------------------------------------------------------------------------
 */
#include "io/byte_source.h"

#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Allocate a source with its ops and a copy of its name. */
zf_byte_source *
zf_bytes_new(const zf_byte_source_ops *ops, size_t state_size,
			 const char *name, zf_error *err)
{
	zf_byte_source *src;

	if (state_size < sizeof(zf_byte_source))
		state_size = sizeof(zf_byte_source);
	src = calloc(1, state_size);
	if (src != NULL)
		src->name = strdup(name ? name : "");
	if (src == NULL || src->name == NULL)
	{
		free(src);
		zf_error_set(err, ZF_E_NOMEM, "out of memory opening a byte source");
		return NULL;
	}
	src->ops = ops;
	src->size = -1;
	return src;
}

/* Sequential read: at least one byte, or ZF_EOF (which then sticks). */
zf_status
zf_bytes_read(zf_byte_source *src, uint8_t *buf, size_t n, size_t *got,
			  zf_error *err)
{
	zf_status	st;

	*got = 0;
	if (n == 0)
		return ZF_OK;
	if (src->at_eof)
		return ZF_EOF;
	st = src->ops->read(src, buf, n, got, err);
	if (st == ZF_OK && *got == 0)
		st = ZF_EOF;			/* a source that forgot to say so */
	if (st == ZF_EOF)
	{
		*got = 0;
		src->at_eof = true;
	}
	src->position += *got;
	return st;
}

/* Ranged read, for sources that have it. */
zf_status
zf_bytes_read_at(zf_byte_source *src, uint8_t *buf, size_t n,
				 uint64_t offset, size_t *got, zf_error *err)
{
	zf_status	st;

	*got = 0;
	if (!(src->caps & ZF_BYTES_RANGED) || src->ops->read_at == NULL)
		return zf_error_set(err, ZF_E_UNSUPPORTED,
							"this input can only be read from start to end, not at byte offset %" PRIu64,
							offset);
	if (n == 0)
		return ZF_OK;
	st = src->ops->read_at(src, buf, n, offset, got, err);
	if (st == ZF_OK && *got == 0)
		st = ZF_EOF;
	if (st == ZF_EOF)
		*got = 0;
	return st;
}

/*
 * Read until n bytes or the end: in order when offset is NULL, else from
 * *offset on.
 */
static zf_status
read_until(zf_byte_source *src, uint8_t *buf, size_t n,
		   const uint64_t *offset, size_t *got, zf_error *err)
{
	size_t		done = 0;

	while (done < n)
	{
		size_t		k;
		zf_status	st;

		if (offset == NULL)
			st = zf_bytes_read(src, buf + done, n - done, &k, err);
		else
			st = zf_bytes_read_at(src, buf + done, n - done, *offset + done,
								  &k, err);
		if (st == ZF_EOF)
			break;
		if (st != ZF_OK)
		{
			*got = done;
			return st;
		}
		done += k;
	}
	*got = done;
	return ZF_OK;
}

/* Read until n bytes or the end, from the sequential position. */
zf_status
zf_bytes_read_full(zf_byte_source *src, uint8_t *buf, size_t n, size_t *got,
				   zf_error *err)
{
	return read_until(src, buf, n, NULL, got, err);
}

/* Read until n bytes or the end, at an offset. */
zf_status
zf_bytes_read_at_full(zf_byte_source *src, uint8_t *buf, size_t n,
					  uint64_t offset, size_t *got, zf_error *err)
{
	return read_until(src, buf, n, &offset, got, err);
}

unsigned
zf_bytes_caps(const zf_byte_source *src)
{
	return src->caps;
}

int64_t
zf_bytes_size(const zf_byte_source *src)
{
	return (src->caps & ZF_BYTES_SIZED) ? src->size : -1;
}

const char *
zf_bytes_name(const zf_byte_source *src)
{
	return src->name;
}

uint64_t
zf_bytes_position(const zf_byte_source *src)
{
	return src->position;
}

/* The identity of the bytes, when the source can give one. */
bool
zf_bytes_identity(const zf_byte_source *src, char buf[ZF_BYTES_ID_LEN])
{
	buf[0] = '\0';
	if (src->ops->identity == NULL)
		return false;
	return src->ops->identity(src, buf, ZF_BYTES_ID_LEN);
}

/* Pass a hint of the next ranged reads to a source that takes it. */
void
zf_bytes_advise(zf_byte_source *src, uint64_t start, uint64_t end)
{
	if ((src->caps & ZF_BYTES_RANGED) && src->ops->advise != NULL)
		src->ops->advise(src, start, end);
}

/*
 * The hook goes to every source of the stack: any of them may wait.  It
 * stops at a source whose sources beneath run in another thread, which
 * must never call it.
 */
void
zf_bytes_set_hooks(zf_byte_source *src, const zf_byte_hooks *hooks)
{
	for (; src != NULL; src = src->inner)
	{
		if (hooks != NULL)
			src->hooks = *hooks;
		else
			memset(&src->hooks, 0, sizeof(src->hooks));
		if (src->caps & ZF_BYTES_HOOKS_STOP)
			break;
	}
}

/* A system error as a value: the message, the system's reason, errno. */
zf_status
zf_bytes_sys_error(zf_error *err, int e, const char *fmt,...)
{
	char		what[ZF_MSG_LEN];
	va_list		ap;

	va_start(ap, fmt);
	vsnprintf(what, sizeof(what), fmt, ap);
	va_end(ap);
	zf_error_set(err, ZF_E_IO, "%s: %s", what, strerror(e));
	if (err != NULL)
		err->sys_errno = e;
	return ZF_E_IO;
}

/* Let the caller stop a wait. */
zf_status
zf_bytes_check_interrupts(zf_byte_source *src, zf_error *err)
{
	if (src->hooks.check_interrupts == NULL)
		return ZF_OK;
	return src->hooks.check_interrupts(src->hooks.arg, err);
}

/*
 * Close a source, then the ones beneath it (a source whose own close must
 * come after its inner one's closes that itself and clears inner).  Every
 * source is freed even when a close fails; the first error is returned.
 */
zf_status
zf_bytes_close(zf_byte_source *src, zf_error *err)
{
	zf_status	result = ZF_OK;

	while (src != NULL)
	{
		zf_byte_source *inner;
		zf_status	st = ZF_OK;

		if (src->ops->close != NULL)
			st = src->ops->close(src, result == ZF_OK ? err : NULL);
		if (result == ZF_OK)
			result = st;
		inner = src->inner;
		free(src->name);
		free(src);
		src = inner;
	}
	return result;
}
