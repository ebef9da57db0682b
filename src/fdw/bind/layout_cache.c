/*-------------------------------------------------------------------------
 *
 * layout_cache.c
 *	  The copybook and punch layouts one backend has parsed, kept so that
 *	  the planner, the executor and the queries that follow parse a layout
 *	  once for as long as its sources stay the same.
 *
 * An entry is found by everything its parse depends on: the settings
 * (copybook options, the layout limits of the zfdw.* settings), and each
 * source text (the copybook or punch, the punch's DDL).  Text given inline
 * is compared as text.  A file is known by its identity, taken before it
 * is read: device, inode, size, and the modification and change times to
 * the nanosecond.  A file rewritten in place within the same tick of the
 * file system's clock keeps that identity, so an entry read less than
 * RACY_SECONDS after its file last changed is "racy" (as git says): each
 * use reads the file again and compares the text, until a read finds the
 * file older than that.  A file that changes is therefore always parsed
 * again; one that does not is read and parsed once.
 *
 * Entries are never written once made (a table that completes a punch's
 * DECIMAL scale works on its own copy, punch_binding.c).  A table pins
 * its entry until the memory context that holds the table goes, on error
 * too; an entry that leaves the cache (out of date, or the least recently
 * used beyond the cache's bounds) is freed when its last pin goes.  A
 * parallel worker unpacks the layout its leader packed into shared memory
 * (zf_layout_pack): it neither reads nor parses, and its entry is its own,
 * not cached.
 *
 *-------------------------------------------------------------------------
 */
#include "zfdw.h"

#include <sys/stat.h>
#include <time.h>

#include "lib/ilist.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"

#include "bind/binding_int.h"

/* Entries read less than this long after their file changed are racy. */
#define RACY_SECONDS		2

/* Bounds of the cache: entries, and bytes of their source texts. */
#define CACHE_MAX_ENTRIES	16
#define CACHE_MAX_BYTES		((Size) 64 * 1024 * 1024)

/* A file as it was before it was read. */
typedef struct ZfFileStamp
{
	bool		valid;			/* a regular file that stat() saw */
	dev_t		dev;
	ino_t		ino;
	off_t		size;
	struct timespec mtime;
	struct timespec ctime;
	bool		racy;			/* it changed less than RACY_SECONDS before */
} ZfFileStamp;

/* One source of a layout as the table's options give it. */
typedef struct ZfLayoutSource
{
	const char *path;			/* a file, or NULL */
	const char *inline_text;	/* the text, when given inline */
	const char *what;			/* "copybook", "punch", "ddl" */
	Oid			serverid;		/* of the table, for s3:// paths */
	ZfFileStamp stamp;			/* of the file, when there is one */
	char	   *text;			/* the file's text once read here */
} ZfLayoutSource;

typedef struct ZfLayoutEntry
{
	ZfParsedLayout pub;			/* layout and DDL, for the tables */
	ZfLayoutTexts texts;		/* what they were parsed from */
	Size		bytes;			/* of the texts: the cache's bound counts it */
	dlist_node	node;			/* in the cache, most recently used first */
	bool		cached;			/* in the cache; else freed at the last unpin */
	int			pins;
	ZfParseSettings settings;
	char	   *path;			/* the copybook or punch file, or NULL */
	ZfFileStamp stamp;
	char	   *ddl_path;		/* the DDL file, or NULL */
	ZfFileStamp ddl_stamp;
} ZfLayoutEntry;

static MemoryContext cache_cxt = NULL;
static dlist_head cache = DLIST_STATIC_INIT(cache);

/* The memory of the cache, made on first use. */
static MemoryContext
cache_context(void)
{
	if (cache_cxt == NULL)
		cache_cxt = AllocSetContextCreate(TopMemoryContext, "zfdw layout cache",
										  ALLOCSET_SMALL_SIZES);
	return cache_cxt;
}

/*
 * Take the identity of the file at path, and whether it changed less than
 * RACY_SECONDS before now.  A path stat() cannot see, or that is not a
 * regular file, gets no identity: it never matches, and reading it reports
 * why.
 */
static void
stamp_file(const char *path, ZfFileStamp *stamp)
{
	struct stat st;
	struct timespec now;

	memset(stamp, 0, sizeof(*stamp));
	clock_gettime(CLOCK_REALTIME, &now);
	/* an object has no stamp here: it is read again for every table */
	if (zf_s3_is_url(path) || stat(path, &st) != 0 || !S_ISREG(st.st_mode))
		return;
	stamp->valid = true;
	stamp->dev = st.st_dev;
	stamp->ino = st.st_ino;
	stamp->size = st.st_size;
	stamp->mtime = st.st_mtim;
	stamp->ctime = st.st_ctim;
	/* the change time moves with every write, and cannot be set back */
	stamp->racy = now.tv_sec - st.st_ctim.tv_sec < RACY_SECONDS;
}

/* True when two identities are of the same file in the same state. */
static bool
same_stamp(const ZfFileStamp *a, const ZfFileStamp *b)
{
	return a->valid && b->valid && a->dev == b->dev && a->ino == b->ino &&
		a->size == b->size &&
		a->mtime.tv_sec == b->mtime.tv_sec && a->mtime.tv_nsec == b->mtime.tv_nsec &&
		a->ctime.tv_sec == b->ctime.tv_sec && a->ctime.tv_nsec == b->ctime.tv_nsec;
}

/* The source of kind what: its file, or its inline text (which wins). */
static void
source_init(ZfLayoutSource *src, const char *what, Oid serverid,
			const char *path, const char *inline_text)
{
	memset(src, 0, sizeof(*src));
	src->what = what;
	src->serverid = serverid;
	src->inline_text = inline_text;
	if (inline_text == NULL && path != NULL)
	{
		src->path = path;
		stamp_file(path, &src->stamp);
	}
}

/* The text of a source: inline, or its file read (once) with all checks. */
static const char *
source_text(ZfLayoutSource *src)
{
	if (src->inline_text != NULL)
		return src->inline_text;
	if (src->path == NULL)
		return NULL;
	if (src->text == NULL)
		src->text = zfdw_read_text_file(src->serverid, src->path, src->what);
	return src->text;
}

/*
 * True when an entry's source (path, identity, text) is src.  The text of
 * a racy entry's file is read again and compared; when it is the same,
 * the entry is no longer racy once its file is old enough.
 */
static bool
source_matches(ZfLayoutSource *src, const char *path, ZfFileStamp *stamp,
			   const char *text)
{
	if (src->path == NULL)
		return path == NULL &&
			(src->inline_text == NULL ? text == NULL :
			 text != NULL && strcmp(text, src->inline_text) == 0);
	if (path == NULL || strcmp(path, src->path) != 0 ||
		!same_stamp(stamp, &src->stamp))
		return false;
	if (!stamp->racy)
		return true;
	if (strcmp(source_text(src), text) != 0)
		return false;
	stamp->racy = src->stamp.racy;
	return true;
}

/* True when two parses would be given the same settings. */
static bool
same_settings(const ZfParseSettings *a, const ZfParseSettings *b)
{
	const zf_limits *la = &a->copybook.limits;
	const zf_limits *lb = &b->copybook.limits;

	return a->punch == b->punch && a->copybook.format == b->copybook.format &&
		a->copybook.pic_n_dbcs == b->copybook.pic_n_dbcs &&
		a->copybook.allow_larger_redefines == b->copybook.allow_larger_redefines &&
		a->copybook.dialect == b->copybook.dialect &&
		la->max_record_length == lb->max_record_length &&
		la->max_fields == lb->max_fields && la->max_occurs == lb->max_occurs &&
		la->max_depth == lb->max_depth && la->max_source_bytes == lb->max_source_bytes;
}

/* Free an entry and everything it owns (the core's objects are malloc'd). */
static void
free_entry(ZfLayoutEntry *e)
{
	zf_layout_free(e->pub.layout);
	if (e->pub.ddl != NULL)
		zf_db2ddl_free(e->pub.ddl);
	if (e->texts.layout != NULL)
		pfree((char *) e->texts.layout);
	if (e->texts.ddl != NULL)
		pfree((char *) e->texts.ddl);
	if (e->path != NULL)
		pfree(e->path);
	if (e->ddl_path != NULL)
		pfree(e->ddl_path);
	pfree(e);
}

/* Take an entry out of the cache: freed now, or at its last unpin. */
static void
uncache(ZfLayoutEntry *e)
{
	dlist_delete(&e->node);
	e->cached = false;
	if (e->pins == 0)
		free_entry(e);
}

/*
 * True when a source (path, identity, text) of a cached entry is an older
 * version of the same file a new entry has just read.
 */
static bool
older_version(const char *path, const ZfFileStamp *stamp, const char *text,
			  const char *new_path, const ZfFileStamp *new_stamp,
			  const char *new_text)
{
	return path != NULL && new_path != NULL && strcmp(path, new_path) == 0 &&
		(!same_stamp(stamp, new_stamp) || strcmp(text, new_text) != 0);
}

/*
 * Put a new entry first in the cache.  Older versions of its file go, and
 * then the least recently used entries beyond the cache's bounds.
 */
static void
cache_insert(ZfLayoutEntry *e)
{
	dlist_mutable_iter it;
	int			n = 1;
	Size		bytes = e->bytes;

	dlist_push_head(&cache, &e->node);
	e->cached = true;
	dlist_foreach_modify(it, &cache)
	{
		ZfLayoutEntry *o = dlist_container(ZfLayoutEntry, node, it.cur);

		if (o == e)
			continue;
		if (older_version(o->path, &o->stamp, o->texts.layout,
						  e->path, &e->stamp, e->texts.layout) ||
			older_version(o->ddl_path, &o->ddl_stamp, o->texts.ddl,
						  e->ddl_path, &e->ddl_stamp, e->texts.ddl) ||
			n >= CACHE_MAX_ENTRIES || bytes + o->bytes > CACHE_MAX_BYTES)
		{
			uncache(o);
			continue;
		}
		n++;
		bytes += o->bytes;
	}
}

/* Release a pin (a memory context callback: on error too). */
static void
unpin_callback(void *arg)
{
	ZfLayoutEntry *e = (ZfLayoutEntry *) arg;

	e->pins--;
	if (e->pins == 0 && !e->cached)
		free_entry(e);
}

/*
 * Pin an entry until the memory context current when cb was allocated is
 * reset or deleted (cb is allocated first, so that pinning cannot fail).
 */
static void
pin(ZfLayoutEntry *e, MemoryContextCallback *cb)
{
	cb->func = unpin_callback;
	cb->arg = e;
	MemoryContextRegisterResetCallback(GetMemoryChunkContext(cb), cb);
	e->pins++;
}

/* A copy of s in the cache's memory; NULL stays NULL. */
static char *
cache_strdup(const char *s)
{
	return s ? MemoryContextStrdup(cache_context(), s) : NULL;
}

/*
 * A new entry, not yet in the cache, for sources already read: copies of
 * their paths, identities and texts, and the layout (and DDL) parsed from
 * them.  A parse that fails leaves nothing behind.
 */
static ZfLayoutEntry *
parse_entry(const ZfParseSettings *settings, const ZfTableOptions *opts,
			Oid relid, ZfLayoutSource *layout, ZfLayoutSource *ddl)
{
	ZfLayoutEntry *e = MemoryContextAllocZero(cache_context(),
											  sizeof(ZfLayoutEntry));

	e->settings = *settings;
	PG_TRY();
	{
		e->texts.layout = cache_strdup(source_text(layout));
		e->texts.ddl = cache_strdup(source_text(ddl));
		e->bytes = strlen(e->texts.layout) +
			(e->texts.ddl ? strlen(e->texts.ddl) : 0);
		e->path = cache_strdup(layout->path);
		e->stamp = layout->stamp;
		e->ddl_path = cache_strdup(ddl->path);
		e->ddl_stamp = ddl->stamp;
		zfdw_parse_layout(&e->settings, opts, relid, &e->texts,
						  &e->pub.layout, &e->pub.ddl);
	}
	PG_CATCH();
	{
		free_entry(e);
		PG_RE_THROW();
	}
	PG_END_TRY();
	return e;
}

/*
 * A new entry, not in the cache, holding the layout a parallel leader
 * packed; said at DEBUG2, so that it is not taken for a parse.
 */
static ZfLayoutEntry *
unpack_entry(const ZfPackedLayout *given, Oid relid)
{
	ZfLayoutEntry *e = MemoryContextAllocZero(cache_context(),
											  sizeof(ZfLayoutEntry));
	zf_error	err;

	zf_error_clear(&err);
	e->pub.layout = zf_layout_unpack(given->data, given->len, &err);
	if (e->pub.layout == NULL)
	{
		pfree(e);
		zfdw_report(ERROR, &err, "the layout of the parallel leader");
	}
	if (message_level_is_interesting(DEBUG2))
		ereport(DEBUG2,
				(errmsg_internal("zfdw: unpacked the layout of foreign table \"%s\" in a parallel worker",
								 get_rel_name(relid))));
	return e;
}

/*
 * The parsed layout of a table with a copybook or punch, pinned until the
 * current memory context goes.  A parallel worker gives the layout its
 * leader packed, and reads and parses nothing; otherwise the cache
 * answers when it holds the layout of the same sources and settings, and
 * the sources are read and parsed when it does not.
 */
const ZfParsedLayout *
zfdw_layout_acquire(const ZfTableOptions *opts, Oid relid,
					const ZfPackedLayout *given)
{
	MemoryContextCallback *cb = palloc(sizeof(MemoryContextCallback));
	ZfParseSettings settings;
	ZfLayoutSource layout;
	ZfLayoutSource ddl;
	ZfLayoutEntry *e;
	dlist_iter	it;

	if (given != NULL)
	{
		e = unpack_entry(given, relid);
		pin(e, cb);
		return &e->pub;
	}
	zfdw_parse_settings(opts, &settings);

	if (settings.punch)
		source_init(&layout, "punch", opts->serverid, opts->punch, opts->punch_text);
	else
		source_init(&layout, "copybook", opts->serverid, opts->copybook, opts->copybook_text);
	source_init(&ddl, "ddl", opts->serverid, settings.punch ? opts->ddl : NULL,
				settings.punch ? opts->ddl_text : NULL);
	dlist_foreach(it, &cache)
	{
		e = dlist_container(ZfLayoutEntry, node, it.cur);
		if (same_settings(&e->settings, &settings) &&
			source_matches(&layout, e->path, &e->stamp, e->texts.layout) &&
			source_matches(&ddl, e->ddl_path, &e->ddl_stamp, e->texts.ddl))
		{
			dlist_move_head(&cache, &e->node);
			pin(e, cb);
			return &e->pub;
		}
	}

	/* read before the entry is made; the punch before its DDL, as always */
	source_text(&layout);
	source_text(&ddl);
	e = parse_entry(&settings, opts, relid, &layout, &ddl);
	cache_insert(e);
	pin(e, cb);
	return &e->pub;
}
