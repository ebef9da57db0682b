/*-------------------------------------------------------------------------
 *
 * scan_files.c
 *	  The files a scan reads: a path or a glob expanded in name order, or
 *	  the standard output of a program (as file_fdw runs it).
 *
 * Only regular files are read: a directory, a FIFO or a device is refused
 * up front (a FIFO would block the backend until a writer appears), and a
 * program is the way to read anything else.
 *
 *-------------------------------------------------------------------------
 */
#include "zfdw.h"

#include <fcntl.h>
#include <glob.h>
#include <sys/stat.h>
#include <unistd.h>

#include "miscadmin.h"
#include "storage/fd.h"

/* True when a path contains glob metacharacters. */
static bool
is_pattern(const char *s)
{
	return strpbrk(s, "*?[") != NULL;
}

/* Refuse anything that is not a regular file, with a message that says why. */
static void
check_regular(const char *path, const struct stat *st)
{
	if (S_ISREG(st->st_mode))
		return;
	ereport(ERROR,
			(errcode(ERRCODE_WRONG_OBJECT_TYPE),
			 errmsg("\"%s\" is %s, not a regular file", path,
					S_ISDIR(st->st_mode) ? "a directory" :
					S_ISFIFO(st->st_mode) ? "a FIFO" :
					S_ISCHR(st->st_mode) || S_ISBLK(st->st_mode) ? "a device" : "a special file"),
			 errhint("zfdw reads regular files; read from a pipe or device with the program option, e.g. program 'cat /path'.")));
}

/*
 * The files a filename option names, sorted by name.  A pattern that
 * matches nothing is an error unless missing_ok (the planner only needs an
 * estimate); a plain path is returned as is and checked when opened.
 */
List *
zfdw_expand_files(const char *pattern, bool missing_ok)
{
	List	   *files = NIL;
	glob_t		g;
	int			rc;

	if (!is_pattern(pattern))
		return list_make1(pstrdup(pattern));

	memset(&g, 0, sizeof(g));
	rc = glob(pattern, GLOB_ERR, NULL, &g);
	if (rc == GLOB_NOMATCH)
	{
		globfree(&g);
		if (!missing_ok)
			ereport(ERROR,
					(errcode(ERRCODE_UNDEFINED_FILE),
					 errmsg("no file matches \"%s\"", pattern)));
		return NIL;
	}
	if (rc != 0)
	{
		globfree(&g);
		ereport(ERROR,
				(errcode_for_file_access(),
				 errmsg("could not expand \"%s\": %m", pattern)));
	}
	/* glob sorts by name (LC_COLLATE of the server: C in most clusters) */
	for (size_t i = 0; i < g.gl_pathc; i++)
	{
		struct stat st;

		if (stat(g.gl_pathv[i], &st) == 0 && S_ISDIR(st.st_mode))
			continue;			/* a glob that matches directories skips them */
		files = lappend(files, pstrdup(g.gl_pathv[i]));
	}
	globfree(&g);
	if (files == NIL && !missing_ok)
		ereport(ERROR,
				(errcode(ERRCODE_UNDEFINED_FILE),
				 errmsg("no file matches \"%s\"", pattern)));
	return files;
}

/* Total size of the files (missing ones count as empty), for estimates. */
int64
zfdw_total_size(List *files)
{
	int64		total = 0;
	ListCell   *lc;

	foreach(lc, files)
	{
		struct stat st;

		if (stat((char *) lfirst(lc), &st) == 0 && S_ISREG(st.st_mode))
			total += st.st_size;
	}
	return total;
}

/*
 * Close the current file or program.  A program that failed is an error
 * (its output may be incomplete).
 */
void
zfdw_source_close(ZfSource *src)
{
	if (src->pipe != NULL)
	{
		int			rc = ClosePipeStream(src->pipe);

		src->pipe = NULL;
		src->fd = -1;
		if (rc != 0)
		{
			char	   *reason;

			/* a cancel or timeout also kills the program: report that */
			CHECK_FOR_INTERRUPTS();
			reason = wait_result_to_str(rc);

			ereport(ERROR,
					(errcode(ERRCODE_EXTERNAL_ROUTINE_EXCEPTION),
					 errmsg("program \"%s\" failed", src->program),
					 errdetail_internal("%s", reason)));
		}
	}
	else if (src->fd >= 0)
	{
		CloseTransientFile(src->fd);
		src->fd = -1;
	}
}

/*
 * Open the next file (or the program, once).  Returns false when there is
 * none left.  Sets fd, size and name.
 */
bool
zfdw_source_next(ZfSource *src)
{
	zfdw_source_close(src);
	if (src->program != NULL)
	{
		if (src->current >= 0)
			return false;
		src->current = 0;
		src->pipe = OpenPipeStream(src->program, PG_BINARY_R);
		if (src->pipe == NULL)
			ereport(ERROR,
					(errcode_for_file_access(),
					 errmsg("could not execute command \"%s\": %m", src->program)));
		src->fd = fileno(src->pipe);
		src->size = -1;
		src->name = src->program;
		return true;
	}
	while (++src->current < list_length(src->files))
	{
		char	   *path = (char *) list_nth(src->files, src->current);
		struct stat st;

		if (stat(path, &st) != 0)
			ereport(ERROR,
					(errcode_for_file_access(),
					 errmsg("could not open file \"%s\" for reading: %m", path)));
		check_regular(path, &st);
		/* not blocking: a FIFO put in place after the stat must not hang us */
		src->fd = OpenTransientFile(path, O_RDONLY | O_NONBLOCK | PG_BINARY);
		if (src->fd < 0)
			ereport(ERROR,
					(errcode_for_file_access(),
					 errmsg("could not open file \"%s\" for reading: %m", path)));
		if (fstat(src->fd, &st) != 0)
			ereport(ERROR,
					(errcode_for_file_access(),
					 errmsg("could not stat file \"%s\": %m", path)));
		check_regular(path, &st);
#ifdef POSIX_FADV_SEQUENTIAL
		(void) posix_fadvise(src->fd, 0, 0, POSIX_FADV_SEQUENTIAL);
#endif
		src->size = st.st_size;
		src->name = path;
		return true;
	}
	return false;
}

/* Open the file with this index in the list (parallel chunks). */
void
zfdw_source_open_index(ZfSource *src, int index)
{
	zfdw_source_close(src);
	src->current = index - 1;
	if (!zfdw_source_next(src))
		elog(ERROR, "zfdw: file %d of the scan is missing", index);
}
