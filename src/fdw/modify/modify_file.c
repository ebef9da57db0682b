/*-------------------------------------------------------------------------
 *
 * modify_file.c
 *	  Files that change with the transaction: what an INSERT into a
 *	  zfdw foreign table writes becomes visible at commit, all of it, or
 *	  not at all.
 *
 * The design (see the README, "Writing files"):
 *	  - the first write to a path in a transaction takes a lock on the
 *		path (an advisory lock of the whole cluster, keyed by a hash of the
 *		path) held to the end of the transaction: writers of one file are
 *		serialized, never interleaved;
 *	  - it then creates "<dir>/.<name>.zfdw-tmp" beside the target (any
 *		file of that name is a leftover of a crashed writer: the lock says
 *		nobody else is writing it, so it is removed first), copies the
 *		target's present content into it (an INSERT appends; the copy costs
 *		the file's size once per transaction), and the rows follow;
 *	  - at commit (pre-commit, where an error can still abort) the
 *		temporary file is fsynced, renamed over the target, and the
 *		directory fsynced; at abort it is removed; a savepoint rolled back
 *		truncates it to its length when the savepoint was taken;
 *	  - a crash at any moment leaves the target as it was or as committed:
 *		rename(2) replaces it in one step, and the leftover temporary file
 *		is removed by the next writer.
 *	  - PREPARE TRANSACTION is refused: a prepared transaction cannot keep
 *		a file open for its COMMIT PREPARED.
 *	  - an s3:// object takes the same lock, and its sink is an upload
 *		(modify_s3.c): completed at pre-commit, aborted at abort; a
 *		savepoint rolled back below the part held in memory makes the
 *		commit fail.
 *
 * Paths: the target must not be a symbolic link, nor lie below one (the
 * directory's real path must be the path written), so that what a
 * privileged user approved is what is written.  New files are created
 * with the server's file mode (pg_file_create_mode) under its umask:
 * never world-writable.
 *
 *-------------------------------------------------------------------------
 */
#include "modify/modify.h"

#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "access/xact.h"
#include "common/file_perm.h"
#include "common/hashfn.h"
#include "miscadmin.h"
#include "storage/lock.h"
#include "utils/memutils.h"

#include "io/s3.h"

/* The fourth field of zfdw's advisory lock tags ("zf"). */
#define ZF_LOCK_FIELD4	0x7A66

#define ZF_TEMP_SUFFIX	".zfdw-tmp"

/* One savepoint's length of the temporary file. */
typedef struct ZfWriteMark
{
	SubTransactionId subid;
	uint64		length;
} ZfWriteMark;

struct ZfPendingWrite
{
	char	   *path;
	char	   *tmppath;
	char	   *dir;
	zf_byte_sink *sink;
	uint64		length;			/* bytes in the temporary file (buffered
								 * ones included) at the last mark */
	SubTransactionId created;	/* subtransaction that began it */
	bool		s3;				/* an s3:// object (modify_s3.c) */
	List	   *marks;			/* ZfWriteMark, innermost last */
};

/* The pending writes of the current transaction (TopTransactionContext). */
static List *pending = NIL;
static bool callbacks_registered = false;

/* zfdw_write_begin_replace: the new version starts empty. */
static bool begin_empty = false;

static void zfdw_write_xact_callback(XactEvent event, void *arg);
static void zfdw_write_subxact_callback(SubXactEvent event,
										SubTransactionId mySubid,
										SubTransactionId parentSubid,
										void *arg);

/* Report a system error about a file. */
pg_noreturn static void
file_error(const char *what, const char *path)
{
	ereport(ERROR,
			(errcode_for_file_access(),
			 errmsg("could not %s file \"%s\": %m", what, path)));
	pg_unreachable();
}

/* Report a core error value of the sink about the file being written. */
pg_noreturn static void
sink_error(const zf_error *err, const char *path)
{
	if (err->sys_errno != 0)
		errno = err->sys_errno;
	ereport(ERROR,
			(errcode(err->status == ZF_E_IO ? ERRCODE_IO_ERROR : zfdw_sqlstate(err->status)),
			 errmsg("%s", err->message),
			 errdetail("While writing \"%s\".", path)));
	pg_unreachable();
}

char *
zfdw_write_temp_name(const char *path)
{
	const char *slash = strrchr(path, '/');

	return psprintf("%.*s/.%s%s", (int) (slash - path), path, slash + 1,
					ZF_TEMP_SUFFIX);
}

/*
 * Serialize the writers of path: an advisory lock of the whole cluster
 * (database 0) on a hash of the path, held to the end of the transaction.
 */
static void
lock_path(const char *path)
{
	LOCKTAG		tag;
	uint64		h = hash_bytes_extended((const unsigned char *) path,
										(int) strlen(path), 0);

	SET_LOCKTAG_ADVISORY(tag, InvalidOid, (uint32) (h >> 32), (uint32) h,
						 ZF_LOCK_FIELD4);
	(void) LockAcquire(&tag, ExclusiveLock, false, false);
}

/*
 * Check that the target is no symbolic link and lies below none: the
 * directory's real path must be the path as written.
 */
static char *
checked_directory(const char *path)
{
	const char *slash = strrchr(path, '/');
	char	   *dir = slash == path ? pstrdup("/") : pnstrdup(path, slash - path);
	char		real[PATH_MAX];
	struct stat st;

	if (realpath(dir, real) == NULL)
		file_error("find the directory of", path);
	if (strcmp(real, dir) != 0)
		ereport(ERROR,
				(errcode(ERRCODE_INSUFFICIENT_PRIVILEGE),
				 errmsg("the directory of \"%s\" is reached through a symbolic link", path),
				 errdetail("Its real path is \"%s\".", real),
				 errhint("Name the file by its real path in the filename option.")));
	if (lstat(path, &st) == 0)
	{
		if (S_ISLNK(st.st_mode))
			ereport(ERROR,
					(errcode(ERRCODE_INSUFFICIENT_PRIVILEGE),
					 errmsg("\"%s\" is a symbolic link: zfdw does not write through one", path)));
		if (!S_ISREG(st.st_mode))
			ereport(ERROR,
					(errcode(ERRCODE_WRONG_OBJECT_TYPE),
					 errmsg("\"%s\" is not a regular file", path)));
	}
	else if (errno != ENOENT)
		file_error("stat", path);
	return dir;
}

/* Copy the target's content (if it exists) to fd; returns the bytes. */
static uint64
copy_old_content(const char *path, int fd, const char *tmppath)
{
	int			in = open(path, O_RDONLY | O_NOFOLLOW | PG_BINARY);
	uint64		total = 0;
	char	   *buf;

	if (in < 0)
	{
		if (errno == ENOENT)
			return 0;
		file_error("open", path);
	}
	buf = palloc(1024 * 1024);
	for (;;)
	{
		ssize_t		n = read(in, buf, 1024 * 1024);
		ssize_t		off = 0;

		if (n < 0)
		{
			if (errno == EINTR)
				continue;
			close(in);
			file_error("read", path);
		}
		if (n == 0)
			break;
		while (off < n)
		{
			ssize_t		w = write(fd, buf + off, n - off);

			if (w < 0)
			{
				if (errno == EINTR)
					continue;
				close(in);
				file_error("write", tmppath);
			}
			off += w;
		}
		total += (uint64) n;
		CHECK_FOR_INTERRUPTS();
	}
	close(in);
	pfree(buf);
	return total;
}

/* The length of a pending write's file, buffered bytes included. */
static uint64
current_length(ZfPendingWrite *pw)
{
	return pw->length + pw->sink->written;
}

/* Remember the length at the current subtransaction, once. */
static void
mark_subxact(ZfPendingWrite *pw)
{
	SubTransactionId sub = GetCurrentSubTransactionId();
	ZfWriteMark *m;
	MemoryContext old;

	if (pw->marks != NIL && ((ZfWriteMark *) llast(pw->marks))->subid == sub)
		return;
	old = MemoryContextSwitchTo(TopTransactionContext);
	m = palloc(sizeof(ZfWriteMark));
	m->subid = sub;
	m->length = current_length(pw);
	pw->marks = lappend(pw->marks, m);
	MemoryContextSwitchTo(old);
}

ZfPendingWrite *
zfdw_write_begin(const char *path)
{
	return zfdw_write_begin_server(InvalidOid, path);
}

ZfPendingWrite *
zfdw_write_begin_server(Oid serverid, const char *path)
{
	ListCell   *lc;
	ZfPendingWrite *pw;
	MemoryContext old;
	int			fd;
	zf_error	err;
	uint64		copied;

	foreach(lc, pending)
	{
		pw = lfirst(lc);
		if (strcmp(pw->path, path) == 0)
		{
			mark_subxact(pw);
			return pw;
		}
	}
	if (IsInParallelMode())
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_TRANSACTION_STATE),
				 errmsg("cannot write a zfdw foreign table in parallel mode")));
	if (!callbacks_registered)
	{
		RegisterXactCallback(zfdw_write_xact_callback, NULL);
		RegisterSubXactCallback(zfdw_write_subxact_callback, NULL);
		callbacks_registered = true;
	}

	lock_path(path);
	old = MemoryContextSwitchTo(TopTransactionContext);
	pw = palloc0(sizeof(ZfPendingWrite));
	pw->path = pstrdup(path);
	if (zf_s3_is_url(path))
	{
		/* an object: an upload, the object's content copied first */
		pw->s3 = true;
		pw->created = GetCurrentSubTransactionId();
		MemoryContextSwitchTo(old);
		pw->sink = zfdw_s3_write_open(serverid, path, &pw->length);
		old = MemoryContextSwitchTo(TopTransactionContext);
		pending = lappend(pending, pw);
		MemoryContextSwitchTo(old);
		mark_subxact(pw);
		return pw;
	}
	pw->dir = checked_directory(path);
	pw->tmppath = zfdw_write_temp_name(path);
	pw->created = GetCurrentSubTransactionId();
	MemoryContextSwitchTo(old);

	/* a leftover of a crashed writer: nobody else holds the lock */
	if (unlink(pw->tmppath) != 0 && errno != ENOENT)
		file_error("remove leftover temporary", pw->tmppath);
	fd = open(pw->tmppath, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | PG_BINARY,
			  pg_file_create_mode);
	if (fd < 0)
		file_error("create", pw->tmppath);
	/* registered at once, so that an error below removes the file */
	old = MemoryContextSwitchTo(TopTransactionContext);
	pending = lappend(pending, pw);
	MemoryContextSwitchTo(old);
	copied = begin_empty ? 0 : copy_old_content(path, fd, pw->tmppath);
	zf_error_clear(&err);
	pw->sink = zf_fd_sink_open(fd, 0, &err);
	if (pw->sink == NULL)
		sink_error(&err, pw->tmppath);
	pw->length = copied;
	mark_subxact(pw);
	return pw;
}

/*
 * The same for a file that is written anew (zfdw.unload_for_db2): the
 * temporary file starts empty and replaces the target at commit.  A path
 * this transaction already writes is refused: its earlier content would
 * be lost, or mixed with the new.
 */
ZfPendingWrite *
zfdw_write_begin_replace(const char *path)
{
	ListCell   *lc;
	ZfPendingWrite *pw;

	foreach(lc, pending)
	{
		if (strcmp(((ZfPendingWrite *) lfirst(lc))->path, path) == 0)
			ereport(ERROR,
					(errcode(ERRCODE_OBJECT_IN_USE),
					 errmsg("file \"%s\" is already written in this transaction", path),
					 errhint("Write it in a transaction of its own.")));
	}
	begin_empty = true;
	PG_TRY();
	{
		pw = zfdw_write_begin(path);
	}
	PG_FINALLY();
	{
		begin_empty = false;
	}
	PG_END_TRY();
	return pw;
}

zf_byte_sink *
zfdw_write_sink(ZfPendingWrite *pw)
{
	return pw->sink;
}

/* Close and remove the temporary file of a pending write (no errors). */
static void
discard(ZfPendingWrite *pw)
{
	if (pw->s3)
	{
		if (pw->sink != NULL)
			zfdw_s3_write_discard(pw->sink, pw->path);
		pw->sink = NULL;
		return;
	}
	if (pw->sink != NULL)
		(void) zf_sink_close(pw->sink, NULL);
	pw->sink = NULL;
	(void) unlink(pw->tmppath);
}

/* fsync a directory so that a rename in it is durable. */
static void
sync_directory(const char *dir)
{
	int			fd = open(dir, O_RDONLY | PG_BINARY);

	if (fd < 0)
		file_error("open directory", dir);
	if (fsync(fd) != 0)
	{
		int			save = errno;

		close(fd);
		errno = save;
		file_error("fsync directory", dir);
	}
	close(fd);
}

/* Make a pending write the target: fsync, rename, fsync the directory. */
static void
publish(ZfPendingWrite *pw)
{
	zf_error	err;
	zf_byte_sink *s = pw->sink;

	if (pw->s3)
	{
		/* the upload completed: the object replaced in one step */
		zfdw_s3_write_finish(s);
		pw->sink = NULL;
		zfdw_s3_write_discard(s, pw->path);
		return;
	}
	zf_error_clear(&err);
	if (zf_sink_sync(s, &err) != ZF_OK)
		sink_error(&err, pw->tmppath);
	pw->sink = NULL;
	if (zf_sink_close(s, &err) != ZF_OK)
		sink_error(&err, pw->tmppath);
	if (rename(pw->tmppath, pw->path) != 0)
		file_error("rename the new version over", pw->path);
	sync_directory(pw->dir);
}

/* Publish every pending write before commit; remove them on abort. */
static void
zfdw_write_xact_callback(XactEvent event, void *arg)
{
	ListCell   *lc;

	(void) arg;
	if (pending == NIL)
		return;
	switch (event)
	{
		case XACT_EVENT_PRE_COMMIT:
		case XACT_EVENT_PARALLEL_PRE_COMMIT:
			foreach(lc, pending)
				publish(lfirst(lc));
			pending = NIL;
			break;
		case XACT_EVENT_PRE_PREPARE:
			ereport(ERROR,
					(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
					 errmsg("cannot prepare a transaction that wrote a zfdw foreign table")));
			break;
		case XACT_EVENT_ABORT:
		case XACT_EVENT_PARALLEL_ABORT:
		case XACT_EVENT_COMMIT:
		case XACT_EVENT_PARALLEL_COMMIT:
		case XACT_EVENT_PREPARE:
			foreach(lc, pending)
				discard(lfirst(lc));
			pending = NIL;
			break;
	}
}

/*
 * A savepoint rolled back: the writes it began are removed, the others
 * truncated to their length at the savepoint.  A savepoint released: its
 * marks become its parent's.
 */
static void
zfdw_write_subxact_callback(SubXactEvent event, SubTransactionId mySubid,
							SubTransactionId parentSubid, void *arg)
{
	ListCell   *lc;

	(void) arg;
	if (event != SUBXACT_EVENT_ABORT_SUB && event != SUBXACT_EVENT_COMMIT_SUB)
		return;
	foreach(lc, pending)
	{
		ZfPendingWrite *pw = lfirst(lc);
		ZfWriteMark *m = pw->marks != NIL ? llast(pw->marks) : NULL;

		if (event == SUBXACT_EVENT_COMMIT_SUB)
		{
			if (pw->created == mySubid)
				pw->created = parentSubid;
			if (m != NULL && m->subid == mySubid)
			{
				ZfWriteMark *prev = list_length(pw->marks) > 1 ?
				list_nth(pw->marks, list_length(pw->marks) - 2) : NULL;

				if (prev != NULL && prev->subid == parentSubid)
					pw->marks = list_delete_last(pw->marks);
				else
					m->subid = parentSubid;
			}
			continue;
		}
		/* abort */
		if (pw->created == mySubid)
		{
			discard(pw);
			pending = foreach_delete_current(pending, lc);
			continue;
		}
		if (m != NULL && m->subid == mySubid)
		{
			zf_error	err;

			zf_error_clear(&err);
			/*
			 * An object's parts sent cannot be taken back: its sink then
			 * fails, and the commit with it.
			 */
			if (pw->s3)
				(void) zf_s3_sink_truncate(pw->sink, m->length, &err);
			else if (zf_fd_sink_truncate(pw->sink, m->length, &err) != ZF_OK)
				sink_error(&err, pw->tmppath);
			pw->length = m->length;
			pw->sink->written = 0;
			pw->marks = list_delete_last(pw->marks);
		}
	}
}
