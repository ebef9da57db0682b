/*-------------------------------------------------------------------------
 *
 * readahead_source.c
 *	  Read the source beneath in a thread, a ring of large buffers ahead of
 *	  the caller (see readahead.h for the rules that make it safe).
 *
 * The ring: the thread fills buffers in order while fewer than all are
 * full; the caller empties them in the same order.  A buffer records how
 * many bytes it holds and how the read after them ended (ZF_OK, ZF_EOF or
 * an error with its zf_error), so that the caller sees the end exactly
 * where the inner source reached it.
 *
 *-------------------------------------------------------------------------
 */
#include "io/readahead.h"

#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* How long the caller waits for a buffer before asking its hook (ms). */
#define WAIT_MS		100

typedef struct ra_buffer
{
	uint8_t    *data;
	size_t		len;			/* bytes in data */
	zf_status	end;			/* ZF_OK, or how the input ended after them */
	zf_error	err;			/* the error, when end is one */
} ra_buffer;

typedef struct readahead_source
{
	zf_byte_source base;
	pthread_t	thread;
	bool		started;
	pthread_mutex_t lock;
	pthread_cond_t filled;		/* the thread filled a buffer */
	pthread_cond_t emptied;		/* the caller emptied one, or stop */
	ra_buffer	ring[ZF_READAHEAD_BUFFERS];
	unsigned	nfull;			/* buffers full, from head on */
	unsigned	head;			/* the caller's buffer */
	size_t		head_pos;		/* bytes of it handed out */
	atomic_bool stop;			/* close asked the thread to end */
	bool		done;			/* the thread has read its last */
} readahead_source;

/*
 * Fill one buffer from the inner source: as full as it gets, or the end;
 * a close meanwhile ends it early (the caller will not read it).
 */
static void
fill_buffer(readahead_source *s, ra_buffer *b)
{
	zf_byte_source *inner = s->base.inner;

	b->len = 0;
	b->end = ZF_OK;
	zf_error_clear(&b->err);
	while (b->len < ZF_READAHEAD_SIZE && !atomic_load(&s->stop))
	{
		size_t		got;
		zf_status	st;

		st = zf_bytes_read(inner, b->data + b->len, ZF_READAHEAD_SIZE - b->len,
						   &got, &b->err);
		if (st != ZF_OK)
		{
			b->end = st;
			return;
		}
		b->len += got;
	}
}

/* The thread: fill buffers until the input ends or close says stop. */
static void *
readahead_main(void *arg)
{
	readahead_source *s = (readahead_source *) arg;
	unsigned	tail = 0;

	for (;;)
	{
		ra_buffer  *b;
		bool		last;

		pthread_mutex_lock(&s->lock);
		while (!s->stop && s->nfull == ZF_READAHEAD_BUFFERS)
			pthread_cond_wait(&s->emptied, &s->lock);
		if (s->stop)
		{
			pthread_mutex_unlock(&s->lock);
			break;
		}
		pthread_mutex_unlock(&s->lock);

		/* the buffer at tail is the thread's alone until it is counted */
		b = &s->ring[tail];
		fill_buffer(s, b);
		last = b->end != ZF_OK;

		pthread_mutex_lock(&s->lock);
		s->nfull++;
		if (last)
			s->done = true;
		pthread_cond_signal(&s->filled);
		pthread_mutex_unlock(&s->lock);
		if (last)
			break;
		tail = (tail + 1) % ZF_READAHEAD_BUFFERS;
	}
	return NULL;
}

/* Wait until the head buffer is full, asking the hook every WAIT_MS. */
static zf_status
wait_filled(readahead_source *s, zf_error *err)
{
	for (;;)
	{
		struct timespec until;
		zf_status	st;
		bool		ready;

		pthread_mutex_lock(&s->lock);
		if (s->nfull == 0)
		{
			clock_gettime(CLOCK_REALTIME, &until);
			until.tv_nsec += WAIT_MS * 1000000L;
			if (until.tv_nsec >= 1000000000L)
			{
				until.tv_sec++;
				until.tv_nsec -= 1000000000L;
			}
			pthread_cond_timedwait(&s->filled, &s->lock, &until);
		}
		ready = s->nfull > 0;
		pthread_mutex_unlock(&s->lock);
		if (ready)
			return ZF_OK;
		if ((st = zf_bytes_check_interrupts(&s->base, err)) != ZF_OK)
			return st;
	}
}

/* Hand out bytes of the head buffer; move on to the next when it is empty. */
static zf_status
readahead_read(zf_byte_source *src, uint8_t *buf, size_t n, size_t *got,
			   zf_error *err)
{
	readahead_source *s = (readahead_source *) src;
	size_t		have = 0;

	while (have < n)
	{
		ra_buffer  *b;
		zf_status	st;

		if ((st = wait_filled(s, err)) != ZF_OK)
			return st;
		b = &s->ring[s->head];
		if (s->head_pos < b->len)
		{
			size_t		k = b->len - s->head_pos;

			if (k > n - have)
				k = n - have;
			memcpy(buf + have, b->data + s->head_pos, k);
			s->head_pos += k;
			have += k;
			continue;
		}
		if (b->end != ZF_OK)
		{
			/* the input's end: bytes first, then the end (which sticks) */
			if (have > 0)
				break;
			if (b->end != ZF_EOF && err != NULL)
				*err = b->err;
			*got = 0;
			return b->end;
		}
		/* give the buffer back to the thread */
		pthread_mutex_lock(&s->lock);
		s->nfull--;
		s->head = (s->head + 1) % ZF_READAHEAD_BUFFERS;
		s->head_pos = 0;
		pthread_cond_signal(&s->emptied);
		pthread_mutex_unlock(&s->lock);
		/* a partly filled caller's buffer is enough: do not wait */
		if (have > 0)
			break;
	}
	*got = have;
	return ZF_OK;
}

/* The inner source's identity (the bytes are the same). */
static bool
readahead_identity(const zf_byte_source *src, char *buf, size_t len)
{
	(void) len;
	return zf_bytes_identity(src->inner, buf);
}

/* Stop and join the thread, free the ring (inner is closed after this). */
static zf_status
readahead_close(zf_byte_source *src, zf_error *err)
{
	readahead_source *s = (readahead_source *) src;

	(void) err;
	if (s->started)
	{
		pthread_mutex_lock(&s->lock);
		s->stop = true;
		pthread_cond_signal(&s->emptied);
		pthread_mutex_unlock(&s->lock);
		pthread_join(s->thread, NULL);
	}
	pthread_cond_destroy(&s->filled);
	pthread_cond_destroy(&s->emptied);
	pthread_mutex_destroy(&s->lock);
	for (int i = 0; i < ZF_READAHEAD_BUFFERS; i++)
		free(s->ring[i].data);
	return ZF_OK;
}

static const zf_byte_source_ops readahead_ops = {
	.read = readahead_read,
	.identity = readahead_identity,
	.close = readahead_close,
};

/* Read inner ahead in a thread of its own. */
zf_byte_source *
zf_readahead_open(zf_byte_source *inner, zf_error *err)
{
	readahead_source *s;
	sigset_t	all,
				old;
	int			rc;

	s = (readahead_source *) zf_bytes_new(&readahead_ops, sizeof(readahead_source),
										  zf_bytes_name(inner), err);
	if (s == NULL)
		return NULL;
	pthread_mutex_init(&s->lock, NULL);
	pthread_cond_init(&s->filled, NULL);
	pthread_cond_init(&s->emptied, NULL);
	for (int i = 0; i < ZF_READAHEAD_BUFFERS; i++)
	{
		s->ring[i].data = malloc(ZF_READAHEAD_SIZE);
		if (s->ring[i].data == NULL)
		{
			readahead_close(&s->base, NULL);
			free(s->base.name);
			free(s);
			zf_error_set(err, ZF_E_NOMEM, "out of memory allocating read-ahead buffers");
			return NULL;
		}
	}
	s->base.inner = inner;
	s->base.hooks = inner->hooks;
	s->base.caps = ZF_BYTES_HOOKS_STOP;
	/* nothing beneath may call a hook from the thread */
	zf_bytes_set_hooks(inner, NULL);

	/* the thread takes no signal: they are the caller's to handle */
	sigfillset(&all);
	pthread_sigmask(SIG_SETMASK, &all, &old);
	rc = pthread_create(&s->thread, NULL, readahead_main, s);
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	if (rc != 0)
	{
		s->base.inner = NULL;
		readahead_close(&s->base, NULL);
		free(s->base.name);
		free(s);
		zf_bytes_sys_error(err, rc, "could not start a read-ahead thread");
		return NULL;
	}
	s->started = true;
	return &s->base;
}
