/*-------------------------------------------------------------------------
 *
 * sub_landing.c
 *	  Which files of a subscription's source have landed: the files of the
 *	  source's glob after the last one applied, in name order, each with
 *	  its size and whether the landing rule says it is complete.
 *
 * The rules (option landing):
 *	  stable	size and modification time unchanged for stable_ms, seen
 *				by this worker across polls (a writer that pauses longer
 *				than that mid-file defeats it: use marker or rename then);
 *	  marker	a file named like it plus marker_suffix exists (written by
 *				the sender after the file is complete);
 *	  rename	every file the glob matches is complete: the sender writes
 *				under a name the glob does not match and renames it into
 *				place (rename is atomic within a file system).
 * Files are applied in name order only: the first file that has not
 * landed holds back every file after it.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include <sys/stat.h>

#include "foreign/foreign.h"
#include "commands/defrem.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"
#include "utils/timestamp.h"

#include "zfdw.h"
#include "io/s3.h"
#include "subscription/subscription.h"

/* What the stable rule saw of a file at earlier polls. */
typedef struct SeenFile
{
	char	   *name;
	int64		bytes;
	struct timespec mtime;
	TimestampTz since;			/* first poll that saw this size and mtime */
} SeenFile;

static List *seen = NIL;		/* of SeenFile *, in TopMemoryContext */

/* The filename option of a zfdw foreign table, or an error. */
char *
zfdw_sub_source_pattern(Oid source)
{
	ForeignTable *ft;
	ListCell   *lc;

	if (get_rel_relkind(source) != RELKIND_FOREIGN_TABLE)
		ereport(ERROR,
				(errcode(ERRCODE_WRONG_OBJECT_TYPE),
				 errmsg("the source of a subscription must be a zfdw foreign table over files"),
				 errhint("Create a foreign table whose filename option is a glob of the landing directory, such as '/data/landing/*.csv'.")));
	ft = GetForeignTable(source);
	if (strcmp(GetForeignDataWrapper(GetForeignServer(ft->serverid)->fdwid)->fdwname,
			   "zfdw") != 0)
		ereport(ERROR,
				(errcode(ERRCODE_WRONG_OBJECT_TYPE),
				 errmsg("the source of a subscription must be a zfdw foreign table over files")));
	foreach(lc, ft->options)
	{
		DefElem    *def = lfirst(lc);

		if (strcmp(def->defname, "filename") == 0)
		{
			if (zf_s3_is_url(defGetString(def)))
				ereport(ERROR,
						(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
						 errmsg("a subscription follows a folder of the database server, not an S3 prefix"),
						 errhint("Land the extract files in a local folder, or apply objects with zfdw.apply_changes.")));
			return defGetString(def);
		}
	}
	ereport(ERROR,
			(errcode(ERRCODE_WRONG_OBJECT_TYPE),
			 errmsg("the source of a subscription must read files, not a program"),
			 errhint("Give the foreign table a filename option with a glob of the landing directory.")));
	return NULL;				/* keep the compiler quiet */
}

/* A file system time as a timestamptz (to the microsecond). */
static TimestampTz
timespec_timestamp(struct timespec ts)
{
	return time_t_to_timestamptz(ts.tv_sec) + ts.tv_nsec / 1000;
}

/* Byte order of file names: the order files are applied in. */
static int
name_cmp(const ListCell *a, const ListCell *b)
{
	return strcmp((const char *) lfirst(a), (const char *) lfirst(b));
}

/* The stable rule: has this size and mtime been seen for stable_ms? */
static bool
stable(const char *name, const struct stat *st, TimestampTz now,
	   const SubOptions *opts, List **keep)
{
	ListCell   *lc;
	SeenFile   *s = NULL;
	MemoryContext old;

	foreach(lc, seen)
	{
		SeenFile   *f = lfirst(lc);

		if (strcmp(f->name, name) == 0)
		{
			s = f;
			break;
		}
	}
	old = MemoryContextSwitchTo(TopMemoryContext);
	if (s == NULL)
	{
		s = palloc0(sizeof(SeenFile));
		s->name = pstrdup(name);
		s->bytes = -1;
	}
	if (s->bytes != st->st_size || s->mtime.tv_sec != st->st_mtim.tv_sec ||
		s->mtime.tv_nsec != st->st_mtim.tv_nsec)
	{
		s->bytes = st->st_size;
		s->mtime = st->st_mtim;
		s->since = now;
	}
	*keep = lappend(*keep, s);
	MemoryContextSwitchTo(old);
	return now - s->since >= (int64) opts->stable_ms * 1000 &&
		now - timespec_timestamp(st->st_mtim) >= (int64) opts->stable_ms * 1000;
}

/*
 * The files of pattern after last_file (NULL: all), in name order, with
 * their sizes and landing; marker files themselves are left out.
 */
List *
zfdw_sub_pending_files(const char *pattern, const char *last_file,
					   const SubOptions *opts)
{
	List	   *names = list_copy(zfdw_expand_files(InvalidOid, pattern, true));
	List	   *files = NIL;
	List	   *keep = NIL;
	TimestampTz now = GetCurrentTimestamp();
	size_t		suffix_len = strlen(opts->marker_suffix);
	ListCell   *lc;
	bool		blocked = false;

	list_sort(names, name_cmp);
	foreach(lc, names)
	{
		char	   *name = lfirst(lc);
		size_t		len = strlen(name);
		struct stat st;
		SubFile    *f;

		if (last_file && strcmp(name, last_file) <= 0)
			continue;
		if (opts->landing == SUB_LANDING_MARKER && len > suffix_len &&
			strcmp(name + len - suffix_len, opts->marker_suffix) == 0)
			continue;
		if (stat(name, &st) != 0 || !S_ISREG(st.st_mode))
			continue;			/* gone since the glob, or not a file */
		f = palloc0(sizeof(SubFile));
		f->name = name;
		f->bytes = st.st_size;
		switch (opts->landing)
		{
			case SUB_LANDING_RENAME:
				f->landed = true;
				f->landed_at = timespec_timestamp(st.st_ctim);
				break;
			case SUB_LANDING_MARKER:
				{
					char	   *marker = psprintf("%s%s", name, opts->marker_suffix);
					struct stat mst;

					f->landed = stat(marker, &mst) == 0;
					if (f->landed)
						f->landed_at = timespec_timestamp(mst.st_mtim);
					break;
				}
			case SUB_LANDING_STABLE:
				f->landed = stable(name, &st, now, opts, &keep);
				f->landed_at = timespec_timestamp(st.st_mtim);
				break;
		}
		/* a file after one that has not landed waits for it */
		if (blocked)
			f->landed = false;
		blocked = blocked || !f->landed;
		files = lappend(files, f);
	}

	/* forget what the stable rule saw of files now applied or gone */
	foreach(lc, seen)
	{
		SeenFile   *s = lfirst(lc);

		if (!list_member_ptr(keep, s))
		{
			pfree(s->name);
			pfree(s);
		}
	}
	list_free(seen);
	{
		MemoryContext old = MemoryContextSwitchTo(TopMemoryContext);

		seen = list_copy(keep);
		MemoryContextSwitchTo(old);
	}
	list_free(keep);
	return files;
}
