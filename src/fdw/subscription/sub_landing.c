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
 * An S3 prefix (the source's filename an s3:// glob) is listed with
 * ListObjectsV2 at every poll (start-after the last object applied, so
 * that the objects already read are not listed again), with the
 * credentials of the user mapping of the subscription's owner only.  An object is whole as soon as it is
 * listed: a PUT (or a multipart upload's completion) is atomic, a reader
 * never sees part of it.  The rules then mean:
 *	  rename	every listed object has landed (uploaded under a name the
 *				glob does not match and copied into place, or uploaded
 *				directly: either is atomic);
 *	  marker	an object named like it plus marker_suffix is listed (for
 *				a sender that writes a batch of objects and then says so);
 *	  stable	its size and ETag unchanged for stable_ms across polls (a
 *				sender that may overwrite an object soon after writing it).
 * The landing time is the object's LastModified (the marker's for
 * marker), the store's clock.
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
#include "scan/s3_access.h"
#include "subscription/subscription.h"

/* What the stable rule saw of a file at earlier polls. */
typedef struct SeenFile
{
	char	   *name;
	int64		bytes;
	struct timespec mtime;
	char	   *etag;			/* of an object, NULL for a file */
	TimestampTz since;			/* first poll that saw this size and mtime */
} SeenFile;

static List *seen = NIL;		/* of SeenFile *, in TopMemoryContext */

/*
 * The filename option of a zfdw foreign table, or an error; *serverid
 * (may be NULL) is set to its server, which an S3 prefix is reached by.
 */
char *
zfdw_sub_source_pattern(Oid source, Oid *serverid)
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
			char	   *pattern = defGetString(def);

			if (zf_s3_is_url(pattern) && strpbrk(pattern, "*?[") == NULL)
				ereport(ERROR,
						(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
						 errmsg("a subscription follows a glob of an S3 prefix, not one object"),
						 errdetail("The filename is \"%s\".", pattern),
						 errhint("Give the foreign table a filename such as 's3://bucket/landing/*.csv'.")));
			if (serverid)
				*serverid = ft->serverid;
			return pattern;
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

/*
 * The stable rule: has this size and mtime (of a file) or ETag (of an
 * object, mtime NULL) been seen for stable_ms?
 */
static bool
stable(const char *name, int64 bytes, const struct timespec *mtime,
	   const char *etag, TimestampTz now, const SubOptions *opts, List **keep)
{
	struct timespec none = {0, 0};
	const struct timespec *mt = mtime ? mtime : &none;

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
	if (s->bytes != bytes || s->mtime.tv_sec != mt->tv_sec ||
		s->mtime.tv_nsec != mt->tv_nsec ||
		(s->etag == NULL) != (etag == NULL) ||
		(etag && strcmp(s->etag, etag) != 0))
	{
		s->bytes = bytes;
		s->mtime = *mt;
		if (s->etag)
			pfree(s->etag);
		s->etag = etag ? pstrdup(etag) : NULL;
		s->since = now;
	}
	*keep = lappend(*keep, s);
	MemoryContextSwitchTo(old);
	/* a file's mtime must be that old too: a poll may come late */
	return now - s->since >= (int64) opts->stable_ms * 1000 &&
		(mtime == NULL ||
		 now - timespec_timestamp(*mtime) >= (int64) opts->stable_ms * 1000);
}

/*
 * An object's LastModified (ISO 8601, UTC: 2026-12-07T09:45:02.000Z) as a
 * timestamptz; fallback when absent or not in that form.
 */
static TimestampTz
iso_timestamp(const char *s, TimestampTz fallback)
{
	struct pg_tm tm = {0};
	int			n = 0;
	fsec_t		fsec = 0;
	TimestampTz ts;

	if (s == NULL ||
		sscanf(s, "%4d-%2d-%2dT%2d:%2d:%2d%n", &tm.tm_year, &tm.tm_mon,
			   &tm.tm_mday, &tm.tm_hour, &tm.tm_min, &tm.tm_sec, &n) != 6 ||
		n != 19)
		return fallback;
	if (s[n] == '.')
	{
		int			scale = 100000;

		for (n++; s[n] >= '0' && s[n] <= '9'; n++, scale /= 10)
			fsec += (s[n] - '0') * scale;
	}
	if (strcmp(s + n, "Z") != 0 || tm.tm_mon < 1 || tm.tm_mon > 12 ||
		tm.tm_mday < 1 || tm.tm_mday > 31 || tm.tm_hour > 23 ||
		tm.tm_min > 59 || tm.tm_sec > 60 ||
		tm2timestamp(&tm, fsec, NULL, &ts) != 0)
		return fallback;
	return ts;
}

/* Order of objects by URL, for qsort and bsearch. */
static int
object_cmp(const void *a, const void *b)
{
	return strcmp((*(ZfdwS3Object *const *) a)->url,
				  (*(ZfdwS3Object *const *) b)->url);
}

/*
 * The objects of an S3 glob after last_file, as SubFiles, with the
 * landing rules of objects (the header); markers themselves left out.
 */
static List *
pending_objects(Oid serverid, const char *pattern, const char *last_file,
				const SubOptions *opts, TimestampTz now, List **keep)
{
	List	   *objects = zfdw_s3_list_objects(serverid, pattern, last_file);
	List	   *files = NIL;
	size_t		suffix_len = strlen(opts->marker_suffix);
	ZfdwS3Object **markers = NULL;
	int			nmarkers = 0;
	ListCell   *lc;

	if (opts->landing == SUB_LANDING_MARKER && objects != NIL)
	{
		/* one more listing: the markers, which the glob may not match */
		List	   *ml = zfdw_s3_list_objects(serverid,
											  psprintf("%s%s", pattern, opts->marker_suffix),
											  last_file);

		markers = palloc(sizeof(ZfdwS3Object *) * (list_length(ml) + 1));
		foreach(lc, ml)
			markers[nmarkers++] = lfirst(lc);
		qsort(markers, nmarkers, sizeof(ZfdwS3Object *), object_cmp);
	}
	foreach(lc, objects)
	{
		ZfdwS3Object *o = lfirst(lc);
		size_t		len = strlen(o->url);
		SubFile    *f;

		if (last_file && strcmp(o->url, last_file) <= 0)
			continue;
		if (opts->landing == SUB_LANDING_MARKER && len > suffix_len &&
			strcmp(o->url + len - suffix_len, opts->marker_suffix) == 0)
			continue;
		f = palloc0(sizeof(SubFile));
		f->name = o->url;
		f->bytes = o->size;
		f->landed_at = iso_timestamp(o->last_modified, now);
		switch (opts->landing)
		{
			case SUB_LANDING_RENAME:
				f->landed = true;
				break;
			case SUB_LANDING_MARKER:
				{
					ZfdwS3Object key = {0};
					ZfdwS3Object *kp = &key;
					ZfdwS3Object **m;

					key.url = psprintf("%s%s", o->url, opts->marker_suffix);
					m = nmarkers == 0 ? NULL :
						bsearch(&kp, markers, nmarkers, sizeof(ZfdwS3Object *), object_cmp);

					f->landed = m != NULL;
					if (m)
						f->landed_at = iso_timestamp((*m)->last_modified, now);
					break;
				}
			case SUB_LANDING_STABLE:
				f->landed = stable(o->url, o->size, NULL, o->etag, now, opts, keep);
				break;
		}
		files = lappend(files, f);
	}
	return files;
}

/*
 * The files of a local glob after last_file, as SubFiles, with the
 * landing rules of files; markers themselves left out.
 */
static List *
pending_local(const char *pattern, const char *last_file,
			  const SubOptions *opts, TimestampTz now, List **keep)
{
	List	   *names = list_copy(zfdw_expand_files(InvalidOid, pattern, true));
	List	   *files = NIL;
	size_t		suffix_len = strlen(opts->marker_suffix);
	ListCell   *lc;

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
				f->landed = stable(name, st.st_size, &st.st_mtim, NULL, now,
								   opts, keep);
				f->landed_at = timespec_timestamp(st.st_mtim);
				break;
		}
		files = lappend(files, f);
	}
	return files;
}

/*
 * The files of pattern (local, or objects of serverid's store) after
 * last_file (NULL: all), in name order, with their sizes and landing;
 * marker files themselves are left out.
 */
List *
zfdw_sub_pending_files(Oid serverid, const char *pattern,
					   const char *last_file, const SubOptions *opts)
{
	List	   *files;
	List	   *keep = NIL;
	TimestampTz now = GetCurrentTimestamp();
	ListCell   *lc;
	bool		blocked = false;

	if (zf_s3_is_url(pattern))
		files = pending_objects(serverid, pattern, last_file, opts, now, &keep);
	else
		files = pending_local(pattern, last_file, opts, now, &keep);

	/* a file after one that has not landed waits for it */
	foreach(lc, files)
	{
		SubFile    *f = lfirst(lc);

		if (blocked)
			f->landed = false;
		blocked = blocked || !f->landed;
	}

	/* forget what the stable rule saw of files now applied or gone */
	foreach(lc, seen)
	{
		SeenFile   *s = lfirst(lc);

		if (!list_member_ptr(keep, s))
		{
			pfree(s->name);
			if (s->etag)
				pfree(s->etag);
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
