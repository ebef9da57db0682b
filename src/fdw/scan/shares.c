/*-------------------------------------------------------------------------
 *
 * shares.c
 *	  Shares of a data set (table options share_count and share_index):
 *	  a scan restricted to one of N disjoint parts of its input, so that
 *	  N tables over the same files, on N servers, together read all of it
 *	  exactly once (the fan-out of plan_shards, sql/62_shards.sql).
 *
 * The rule (core, records/share.h):
 *	  - a filename that is one path (no glob) of fixed-length records,
 *		not compressed, not in a container: a range of its records.  The
 *		scan sees only that window, through the reader's header and
 *		trailer bytes, so parallel chunks, key seeks (a key outside the
 *		share is not found), ANALYZE's sample, pushed filters and
 *		aggregates all work inside it unchanged, and record numbers stay
 *		those of the whole file;
 *	  - anything else (a glob, variable-length or compressed files,
 *		containers): whole files, by a hash of each file's base name.
 *
 *-------------------------------------------------------------------------
 */
#include "zfdw.h"

#include "commands/explain.h"

#include "records/share.h"
#include "scan/scan.h"

/* True when a table's share is a range of records of its one file. */
static bool
share_by_records(ZfTable *t, List *files)
{
	const char *name;

	if (t->opts.share_count <= 0 || t->opts.filename == NULL ||
		strpbrk(t->opts.filename, "*?[") != NULL || list_length(files) != 1)
		return false;
	if (t->delim != NULL || t->archive != NULL || !zfdw_fixed_length_records(t) ||
		t->opts.recfm != ZF_RECFM_FB)
		return false;
	name = linitial(files);
	return zfdw_file_compression(t->opts.serverid, name, t->opts.compression) ==
		ZF_COMPRESSION_NONE;
}

/*
 * The files of a share of a glob (or of one file that cannot be split):
 * those whose base name hashes to the share.  Order is kept.
 */
List *
zfdw_share_files(const ZfTableOptions *o, List *files)
{
	List	   *kept = NIL;
	ListCell   *lc;

	if (o->share_count <= 0)
		return files;
	foreach(lc, files)
	{
		const char *f = lfirst(lc);

		if (zf_share_of_name(f, (uint32) o->share_count) == (uint32) o->share_index)
			kept = lappend(kept, (void *) f);
	}
	return kept;
}

/*
 * The planner's share of the input: the files of the share, and the
 * fraction of their bytes it reads (1/N of a single file split by
 * records, else all of them).  Only an estimate: compression is not
 * looked at, a single plain path counts as split by records.
 */
List *
zfdw_share_plan_files(const ZfTableOptions *o, List *files, double *fraction)
{
	*fraction = 1.0;
	if (o->share_count <= 0)
		return files;
	if (o->filename && strpbrk(o->filename, "*?[") == NULL && list_length(files) == 1)
	{
		*fraction = 1.0 / o->share_count;
		return files;
	}
	return zfdw_share_files(o, files);
}

/*
 * Restrict a scan that was just set up to its share: its list of files,
 * or the window of records of its one file.  Called by zfdw_scan_begin
 * before anything is read, so every mode of the scan (serial, parallel
 * chunks, key seeks, ANALYZE's sample, a pushed aggregate) reads the
 * share only.
 */
void
zfdw_share_apply(ZfScanState *s)
{
	ZfTable    *t = s->t;

	if (t->opts.share_count <= 0 || s->src.program != NULL)
		return;
	s->share_files_all = list_length(s->src.files);
	if (share_by_records(t, s->src.files))
	{
		uint64		n = zfdw_fb_file_records(s, linitial(s->src.files));
		uint64		first,
					end;

		zf_share_records(n, (uint32) t->opts.share_count, (uint32) t->opts.share_index,
						 &first, &end);
		s->share_by_records = true;
		s->share_first = first;
		s->share_end = end;
		s->ropts.header_bytes += first * s->ropts.lrecl;
		s->ropts.trailer_bytes += (n - end) * s->ropts.lrecl;
		s->ropts.number_base = first;
		return;
	}
	s->src.files = zfdw_share_files(&t->opts, s->src.files);
}

/*
 * EXPLAIN: which share, and what of the input it is: "2 of 3, records
 * 1666667..3333333" (1-based record numbers, as the record_number meta
 * column gives them), or "1 of 2, files 3 of 7".
 */
void
zfdw_share_explain(ZfScanState *s, ExplainState *es)
{
	const ZfTableOptions *o = &s->t->opts;
	char	   *text;

	if (o->share_count <= 0)
		return;
	if (s->share_by_records)
		text = psprintf("%d of %d, records %llu..%llu", o->share_index, o->share_count,
						(unsigned long long) s->share_first + 1,
						(unsigned long long) s->share_end);
	else
		text = psprintf("%d of %d, files %d of %d", o->share_index, o->share_count,
						list_length(s->src.files), s->share_files_all);
	ExplainPropertyText("Share", text, es);
}
