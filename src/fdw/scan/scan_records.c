/*-------------------------------------------------------------------------
 *
 * scan_records.c
 *	  Where the next record of a scan comes from: the table's files read
 *	  whole in name order, chunks of them handed out to parallel workers,
 *	  or the ranges of a sorted file that key quals allow.
 *
 * Whatever the mode, a table with a key option has every key it reads
 * checked to be in order, so that an unsorted file is an error, not a
 * silently wrong answer from a seek.
 *
 *-------------------------------------------------------------------------
 */
#include "zfdw.h"

#include <sys/stat.h>

#include "miscadmin.h"
#include "port/pg_bswap.h"
#include "utils/memutils.h"

#include "scan/filter.h"
#include "scan/keys.h"
#include "scan/scan.h"

/* Report a reader error (framing, I/O, limits): these always stop a scan. */
static void
reader_error(ZfScanState *s, const zf_error *raw)
{
	s->in_record = false;
	/* a transfer given up for a cancel: report the cancel */
	CHECK_FOR_INTERRUPTS();
	zfdw_report(ERROR, raw, NULL);
}

/*
 * The number of records of a fixed-length file, from its size (parallel
 * chunks and ANALYZE samples are planned with it).  A size that is not a
 * whole number of records is the reader's error, reported the same way.
 */
uint64
zfdw_fb_file_records(ZfScanState *s, const char *path)
{
	int64		size = s->t->archive ? zfdw_archive_data_size(s->t, path) :
		zfdw_file_size(s->t->opts.serverid, path);
	uint64		count;
	zf_error	err;

	zf_error_clear(&err);
	if (zf_fb_record_count(size, &s->ropts, &count, &err) != ZF_OK)
	{
		zf_error	prepared;

		zfdw_error_prepare(&err, &prepared);
		ereport(ERROR,
				(errcode(zfdw_sqlstate(prepared.status)),
				 errmsg("%s", prepared.message),
				 prepared.detail[0] ? errdetail("%s", prepared.detail) : 0,
				 prepared.hint[0] ? errhint("%s", prepared.hint) : 0,
				 errcontext("foreign table \"%s\", file \"%s\"", s->t->relname, path)));
	}
	return count;
}

/* Close the reader (the file stays open), and forget its run of records. */
static void
close_reader(ZfScanState *s)
{
	s->run_left = 0;
	if (s->reader)
	{
		zf_reader_close(s->reader);
		s->reader = NULL;
	}
}

/*
 * A reader on the current file, for a byte range of its records or all.
 * A file is read at offsets, so each new reader starts where it should;
 * a program's output is read once, by one reader.
 */
static void
open_reader(ZfScanState *s, uint64 range_start, uint64 range_end)
{
	zf_reader_opts ro = s->ropts;
	zf_error	err;

	close_reader(s);
	ro.range_start = range_start;
	ro.range_end = range_end;
	zf_error_clear(&err);
	s->reader = zf_reader_open(s->src.bytes, &ro, &err);
	if (s->reader == NULL)
		reader_error(s, &err);
	s->have_prev_key = false;
}

/*
 * memcmp of two keys, inline: keys are short and compared once per record,
 * where a call to memcmp costs more than the comparison.  Whole words are
 * compared as big-endian integers; a key of 8 bytes or more ends with the
 * word of its last 8 bytes, which overlaps bytes already found equal.
 */
static inline int
key_bytes_cmp(const uint8 *a, const uint8 *b, uint32 n)
{
	uint64		x;
	uint64		y;

	if (n >= 8)
	{
		uint32		i;

		for (i = 0; i + 8 <= n; i += 8)
		{
			memcpy(&x, a + i, 8);
			memcpy(&y, b + i, 8);
			if (x != y)
				return pg_ntoh64(x) < pg_ntoh64(y) ? -1 : 1;
		}
		if (i == n)
			return 0;
		memcpy(&x, a + n - 8, 8);
		memcpy(&y, b + n - 8, 8);
		if (x == y)
			return 0;
		return pg_ntoh64(x) < pg_ntoh64(y) ? -1 : 1;
	}
	for (; n > 0; a++, b++, n--)
		if (*a != *b)
			return *a < *b ? -1 : 1;
	return 0;
}

/*
 * Check that keys come in order (tables with a key option).  The last key
 * is kept as a pointer into the reader's buffer; keep_prev_key copies it
 * out before the buffer can change.
 */
static inline void
check_key_order(ZfScanState *s, const zf_record *r)
{
	const uint8 *key;

	if (s->key_len == 0 || r->length < s->key_off + s->key_len)
		return;
	key = r->data + s->key_off;
	if (s->have_prev_key && key_bytes_cmp(s->prev_key, key, s->key_len) > 0)
		ereport(ERROR,
				(errcode(ERRCODE_DATA_EXCEPTION),
				 errmsg("file \"%s\" is not sorted by its key", s->src.name),
				 errdetail("Record %llu has a lower key than the record before it.",
						   (unsigned long long) r->number),
				 errhint("The key option promises a file sorted by the key's bytes, as a KSDS export is; remove the option or sort the file.")));
	s->prev_key = key;
	s->have_prev_key = true;
}

/* Copy the last key out of the reader's buffer, which is about to change. */
static inline void
keep_prev_key(ZfScanState *s)
{
	if (s->have_prev_key && s->prev_key != s->prev_key_copy)
	{
		memcpy(s->prev_key_copy, s->prev_key, s->key_len);
		s->prev_key = s->prev_key_copy;
	}
}

/* The next record of the reader; false at its end. */
static bool
reader_next(ZfScanState *s, zf_record *r)
{
	zf_error	err;
	zf_status	st;

	keep_prev_key(s);
	/* the reader and the delimited splitter fill err whenever they fail */
	st = s->t->delim ? zfdw_delim_next_record(s, r, &err) :
		zf_reader_next(s->reader, r, &err);
	if (st == ZF_EOF)
		return false;
	if (st != ZF_OK)
		reader_error(s, &err);
	return true;
}

/*
 * The next record of a whole-file or chunk read: the next one of the
 * current run when there is one, else a new run from the reader.
 */
pg_attribute_always_inline static bool
run_next(ZfScanState *s, zf_record *r)
{
	zf_error	err;
	zf_status	st;

	if (s->run_left > 0)
	{
		if (s->skip_filter)
		{
			uint32		k = zf_filter_skip(&s->filter->flt, s->run.data + s->run.length,
										   s->run.length, s->run_left);

			if (k > 0)
			{
				s->run.data += (size_t) k * s->run.length;
				s->run.offset += (uint64) k * s->run.length;
				s->run.number += k;
				s->run_left -= k;
				s->nread += k;
				s->npushskipped += k;
			}
		}
		if (s->run_left > 0)
		{
			/*
			 * Field by field: a whole-struct copy right after these stores
			 * would load them back as one wide word, which the CPU cannot
			 * forward from the stores and stalls on.
			 */
			r->data = s->run.data += s->run.length;
			r->offset = s->run.offset += s->run.length;
			r->number = ++s->run.number;
			r->length = s->run.length;
			s->run_left--;
			return true;
		}
	}
	if (s->t->delim)
		return reader_next(s, r);
	for (;;)
	{
		keep_prev_key(s);
		st = zf_reader_next_run(s->reader, &s->run, &s->run_left, &err);
		if (st == ZF_EOF)
			return false;
		if (st != ZF_OK)
			reader_error(s, &err);
		if (s->skip_filter)
		{
			/* the records the pushed filter rejects, in one go */
			uint32		k = zf_filter_skip(&s->filter->flt, s->run.data,
										   s->run.length, s->run_left);

			s->nread += k;
			s->npushskipped += k;
			if (k == s->run_left)
			{
				s->run_left = 0;
				continue;
			}
			s->run.data += (size_t) k * s->run.length;
			s->run.offset += (uint64) k * s->run.length;
			s->run.number += k;
			s->run_left -= k;
		}
		s->run_left--;
		*r = s->run;
		return true;
	}
}

/*
 * The rest of the current run of fixed records at once, for a caller that
 * goes through them itself (a pushed aggregate): *first and the *count
 * records after it, each first->length bytes, consecutive.  Only for
 * scans without key order to check or records to select (the caller
 * checks zfdw_scan_runs_ok).  False at the end of the data.
 */
bool
zfdw_next_run(ZfScanState *s, zf_record *first, uint32 *count)
{
	zfdw_scan_start(s);
	if (!zfdw_next_record(s, first))
		return false;
	*count = 1 + s->run_left;
	s->run.data += (size_t) s->run_left * s->run.length;
	s->run.offset += (uint64) s->run_left * s->run.length;
	s->run.number += s->run_left;
	s->run_left = 0;
	return true;
}

/* check_key_order for a caller going through runs itself. */
void
zfdw_check_key_order(ZfScanState *s, const zf_record *r)
{
	check_key_order(s, r);
}

/* Whole files, in name order. */
static bool
next_sequential(ZfScanState *s, zf_record *r)
{
	for (;;)
	{
		if (s->reader == NULL)
		{
			if (!zfdw_source_next(&s->src))
				return false;
			open_reader(s, 0, 0);
		}
		if (run_next(s, r))
		{
			check_key_order(s, r);
			return true;
		}
		close_reader(s);
		zfdw_source_close(&s->src);
	}
}

/* Chunks claimed from the shared counter (parallel scans). */
static bool
next_parallel(ZfScanState *s, zf_record *r)
{
	for (;;)
	{
		if (s->reader == NULL)
		{
			int			file;
			uint64		first,
						last;

			if (!zfdw_parallel_claim(s, &file, &first, &last))
				return false;
			s->src.parallel = true;	/* a file is no other's next volume */
			if (file != s->src.current || s->src.bytes == NULL)
				zfdw_source_open_index(&s->src, file);
			if (last > 0)
				open_reader(s, first * s->ropts.lrecl, last * s->ropts.lrecl);
			else
				open_reader(s, 0, 0);
		}
		if (run_next(s, r))
		{
			check_key_order(s, r);
			return true;
		}
		close_reader(s);
	}
}

/* The key ranges of each file, found with the sparse index. */
static bool
next_by_key(ZfScanState *s, zf_record *r)
{
	int			len = (int) s->keys->field->length;

	if (!s->ranges_ready)
	{
		MemoryContext old;

		/* Iterate runs in per-tuple memory: the ranges must outlive it */
		MemoryContextReset(s->rescancxt);
		old = MemoryContextSwitchTo(s->rescancxt);
		s->ranges = zfdw_key_ranges(s->keys, s->econtext);
		MemoryContextSwitchTo(old);
		s->ranges_ready = true;
		s->range_index = 0;
		s->range_started = false;
	}
	for (;;)
	{
		ZfKeyRange *range;

		CHECK_FOR_INTERRUPTS();
		if (s->reader == NULL)
		{
			if (s->ranges == NIL || !zfdw_source_next(&s->src))
				return false;
			open_reader(s, 0, 0);
			s->keys->index = NULL;	/* looked up again for this file */
			s->range_index = 0;
			s->range_started = false;
		}
		if (s->range_index >= list_length(s->ranges))
		{
			/*
			 * This file is done.  A single file stays open for the next
			 * rescan (a nested loop seeks once per outer row); of several,
			 * the next one is read.
			 */
			if (list_length(s->src.files) == 1)
				return false;
			close_reader(s);
			zfdw_source_close(&s->src);
			s->keys->index = NULL;
			continue;
		}
		range = list_nth(s->ranges, s->range_index);
		if (!s->range_started)
		{
			uint64		index = zfdw_key_seek(s->keys, s->src.bytes, range->lo);
			zf_error	err;

			zf_error_clear(&err);
			if (zf_reader_seek_record(s->reader, index, &err) != ZF_OK)
				reader_error(s, &err);
			s->range_started = true;
			s->have_prev_key = false;
			s->nseeks++;
		}
		if (!reader_next(s, r))
		{
			s->range_index = list_length(s->ranges);
			continue;
		}
		check_key_order(s, r);
		if (memcmp(r->data + s->key_off, range->lo, len) < 0)
			continue;			/* before the range, in the block sought */
		if (memcmp(r->data + s->key_off, range->hi, len) > 0)
		{
			/* past this range: seek the next one */
			s->range_index++;
			s->range_started = false;
			continue;
		}
		return true;
	}
}

/* A sample of records of fixed-length files (ANALYZE), by seeking. */
static bool
next_sampled(ZfScanState *s, zf_record *r)
{
	while (s->sample_next < s->nsample)
	{
		uint64		index = s->sample[s->sample_next++];
		int			nfiles = list_length(s->src.files);
		int			file = 0;
		zf_error	err;

		/* which file holds it: the chunk table gives records per file */
		while (file + 1 < nfiles && index >= s->file_first[file + 1])
			file++;
		if (file != s->src.current || s->reader == NULL)
		{
			zfdw_source_open_index(&s->src, file);
			open_reader(s, 0, 0);
		}
		zf_error_clear(&err);
		if (zf_reader_seek_record(s->reader, index - s->file_first[file], &err) != ZF_OK)
			reader_error(s, &err);
		if (reader_next(s, r))
			return true;
	}
	return false;
}

/*
 * The next raw record of the scan in its mode; false at the end.  Reader
 * errors (framing, I/O) are reported here.
 */
bool
zfdw_next_record(ZfScanState *s, zf_record *r)
{
	if (s->sample)
		return next_sampled(s, r);
	if (s->keys)
		return next_by_key(s, r);
	if (s->shared)
		return next_parallel(s, r);
	return next_sequential(s, r);
}

/*
 * Start over for a rescan.  A key scan of a single file keeps the file and
 * its reader open: a nested loop rescans once per outer row, and only the
 * key values change.
 */
void
zfdw_records_rewind(ZfScanState *s)
{
	if (s->keys)
	{
		s->ranges_ready = false;
		if (list_length(s->src.files) == 1 && s->reader != NULL)
		{
			s->range_index = 0;
			s->range_started = false;
			return;
		}
	}
	close_reader(s);
	zfdw_source_close(&s->src);
	s->src.current = -1;
	s->chunk_table_ready = false;
}

/* Close everything (the end of the scan). */
void
zfdw_records_close(ZfScanState *s)
{
	close_reader(s);
	zfdw_source_close(&s->src);
}
