/*-------------------------------------------------------------------------
 *
 * sub_watch.c
 *	  inotify on a subscription's landing directory: the worker sleeps
 *	  until a file is renamed into it (IN_MOVED_TO) or closed after
 *	  writing (IN_CLOSE_WRITE: a file written in place, a done-marker)
 *	  instead of until its next poll, so that a file is applied as soon as
 *	  it has landed.
 *
 * Polling stays: an event only wakes the worker early, the poll interval
 * still bounds its sleep, and every decision is the poll's.  So a lost
 * event (the queue overflowed, the directory was replaced) costs at most
 * one poll interval.  There is no watch for an S3 prefix, for a pattern
 * whose directory part has wildcards, or where inotify is refused (the
 * limit of watches reached): those are polled only.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#ifdef __linux__
#include <sys/inotify.h>
#endif
#include <unistd.h>

#include "utils/memutils.h"

#include "io/s3.h"
#include "subscription/subscription.h"

static int	watch_fd = -1;		/* the inotify instance, -1 when none */
static int	watch_wd = -1;		/* the directory's watch, -1 when none */
static char *watch_dir = NULL;	/* the directory watched or to watch */
static bool watch_refused = false;	/* inotify failed: poll only */

/* Drop the watch (the instance stays for the next directory). */
static void
unwatch(void)
{
#ifdef __linux__
	if (watch_fd >= 0 && watch_wd >= 0)
		(void) inotify_rm_watch(watch_fd, watch_wd);
#endif
	watch_wd = -1;
	if (watch_dir)
		pfree(watch_dir);
	watch_dir = NULL;
}

/*
 * Watch the directory of pattern, a local glob (call at every poll: it
 * does nothing when that directory is watched already, and watches it
 * again once it exists or after it was replaced).
 */
void
zfdw_sub_watch(const char *pattern)
{
#ifdef __linux__
	const char *slash = strrchr(pattern, '/');
	char	   *dir;

	if (watch_refused)
		return;
	if (zf_s3_is_url(pattern) || slash == NULL || slash == pattern)
	{
		unwatch();
		return;
	}
	dir = pnstrdup(pattern, slash - pattern);
	if (strpbrk(dir, "*?[") != NULL)
	{
		pfree(dir);
		unwatch();
		return;
	}
	if (watch_dir && strcmp(watch_dir, dir) == 0 && watch_wd >= 0)
	{
		pfree(dir);
		return;
	}
	unwatch();
	watch_dir = MemoryContextStrdup(TopMemoryContext, dir);
	pfree(dir);
	if (watch_fd < 0)
	{
		watch_fd = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
		if (watch_fd < 0)
		{
			ereport(LOG,
					(errmsg("zfdw subscription: inotify is not available, the landing directory is polled: %m")));
			watch_refused = true;
			return;
		}
	}
	watch_wd = inotify_add_watch(watch_fd, watch_dir,
								 IN_MOVED_TO | IN_CLOSE_WRITE | IN_ONLYDIR);
	if (watch_wd < 0 && errno != ENOENT && errno != ENOTDIR)
	{
		ereport(LOG,
				(errmsg("zfdw subscription: could not watch \"%s\", it is polled: %m",
						watch_dir)));
		watch_refused = true;
	}
#else
	(void) pattern;
#endif
}

/* The descriptor to wait on as readable, or -1 when nothing is watched. */
int
zfdw_sub_watch_fd(void)
{
	return watch_wd >= 0 ? watch_fd : -1;
}

/*
 * Read every queued event (they only wake the worker); notice when the
 * directory's watch is gone (deleted, moved, unmounted), to watch it
 * again at the next poll.
 */
void
zfdw_sub_watch_drain(void)
{
#ifdef __linux__
	char		buf[4096] pg_attribute_aligned(__alignof__(struct inotify_event));
	ssize_t		n;

	if (watch_fd < 0)
		return;
	while ((n = read(watch_fd, buf, sizeof(buf))) > 0)
	{
		for (char *p = buf; p < buf + n;)
		{
			struct inotify_event *ev = (struct inotify_event *) p;

			if (ev->mask & IN_IGNORED && ev->wd == watch_wd)
				watch_wd = -1;
			p += sizeof(struct inotify_event) + ev->len;
		}
	}
#endif
}
