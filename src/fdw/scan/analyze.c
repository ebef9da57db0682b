/*-------------------------------------------------------------------------
 *
 * analyze.c
 *	  ANALYZE for zfdw foreign tables: a sample of the records, so that
 *	  joins against local tables get good plans.
 *
 * Fixed-length files are sampled by seeking to randomly chosen records,
 * so a large file costs as many reads as the sample has rows, and
 * choosing them costs the sample's size, not the file's; other files
 * (variable records, programs, compressed files) are read whole with
 * reservoir sampling, as file_fdw does.  Either way the sample goes through the same decoding as
 * a scan and obeys on_error.  totalpages is the files' size in blocks, so
 * that the planner scales the tuple density to the files as they grow.
 *
 *-------------------------------------------------------------------------
 */
#include "zfdw.h"

#include <math.h>

#include "access/htup_details.h"
#include "commands/vacuum.h"
#include "common/pg_prng.h"
#include "foreign/fdwapi.h"
#include "miscadmin.h"
#include "utils/rel.h"
#include "utils/sampling.h"

#include "scan/scan.h"

/* Order record indexes ascending. */
static int
index_cmp(const void *a, const void *b)
{
	uint64		x = *(const uint64 *) a;
	uint64		y = *(const uint64 *) b;

	return x < y ? -1 : (x > y ? 1 : 0);
}

/*
 * k distinct record indexes of 0..n-1 (k < n), sorted, every k-subset
 * equally likely.  A sample that is a small part of the file is drawn at
 * random, sorted, and its duplicates drawn again: the draws treat every
 * index alike, so the set is uniform, and it costs O(k log k) however
 * large the file.  When the sample is most of the file, redrawing would
 * take long to find the last few indexes, and Knuth's algorithm S (one
 * draw per record, each kept with the right probability) is used.
 */
static int
choose_indexes(uint64 *sample, int k, uint64 n)
{
	int			have = 0;

	Assert((uint64) k < n);
	if ((uint64) k > n / 2)
	{
		uint64		needed = k;

		for (uint64 i = 0; i < n && have < k; i++)
			if (pg_prng_double(&pg_global_prng_state) * (n - i) < needed)
			{
				sample[have++] = i;
				needed--;
			}
		return have;
	}
	while (have < k)
	{
		int			distinct = 0;

		for (int i = have; i < k; i++)
			sample[i] = pg_prng_uint64_range(&pg_global_prng_state, 0, n - 1);
		qsort(sample, k, sizeof(uint64), index_cmp);
		for (int i = 0; i < k; i++)
			if (distinct == 0 || sample[i] != sample[distinct - 1])
				sample[distinct++] = sample[i];
		have = distinct;
	}
	return k;
}

/*
 * For fixed-length files: the number of records of every file, and a
 * sorted random sample of targrows of their indexes (all of them when
 * there are not more).  Returns false when the table is not sampled this
 * way (then it is read whole).
 */
static bool
plan_sample(ZfScanState *s, int targrows, uint64 *total)
{
	int			nfiles;
	uint64		n = 0;

	if (s->t->opts.program || !zfdw_fixed_length_records(s->t))
		return false;
	/* a compressed file cannot seek: it is read, with reservoir sampling */
	if (zfdw_files_compression(s->src.serverid, s->src.files, NULL, s->src.compression) & ZFDW_COMPRESSED_BITS)
		return false;
	nfiles = list_length(s->src.files);
	s->file_first = palloc(sizeof(uint64) * (nfiles + 1));
	for (int i = 0; i < nfiles; i++)
	{
		s->file_first[i] = n;
		n += zfdw_fb_file_records(s, list_nth(s->src.files, i));
	}
	s->file_first[nfiles] = n;
	*total = n;
	if (n <= (uint64) targrows)
		return false;			/* small: reading it all is the sample */

	s->sample = palloc(sizeof(uint64) * targrows);
	s->nsample = choose_indexes(s->sample, targrows, n);

	/* read about the gap between two samples at a time, not a megabyte */
	{
		uint64		gap = (n / (uint64) s->nsample) * s->ropts.lrecl;

		s->ropts.buffer_size = (size_t) Min(Max(gap, (uint64) s->ropts.lrecl * 4),
											(uint64) ZF_DEFAULT_READ_BUFFER);
	}
	return true;
}

/* Sample the records of a foreign table into rows. */
static int
zfdw_acquire_sample_rows(Relation rel, int elevel, HeapTuple *rows,
						 int targrows, double *totalrows,
						 double *totaldeadrows)
{
	TupleDesc	tupdesc = RelationGetDescr(rel);
	Datum	   *values = palloc(sizeof(Datum) * Max(tupdesc->natts, 1));
	bool	   *nulls = palloc(sizeof(bool) * Max(tupdesc->natts, 1));
	ReservoirStateData rstate;
	double		rowstoskip = -1;
	int			numrows = 0;
	double		seen = 0;
	uint64		total = 0;
	bool		sampled;
	ZfScanState *s;

	*totalrows = 0;
	*totaldeadrows = 0;
	s = zfdw_scan_begin(rel, true, NULL, NULL);
	sampled = plan_sample(s, targrows, &total);
	reservoir_init_selection_state(&rstate, targrows);
	while (zfdw_scan_next(s, values, nulls))
	{
		zfdw_analyze_delay_point();
		if (sampled || numrows < targrows)
		{
			if (numrows < targrows)
				rows[numrows++] = heap_form_tuple(tupdesc, values, nulls);
		}
		else
		{
			if (rowstoskip < 0)
				rowstoskip = reservoir_get_next_S(&rstate, seen, targrows);
			if (rowstoskip <= 0)
			{
				int			k = (int) (targrows * sampler_random_fract(&rstate.randstate));

				heap_freetuple(rows[k]);
				rows[k] = heap_form_tuple(tupdesc, values, nulls);
			}
			rowstoskip -= 1;
		}
		seen += 1;
	}

	/*
	 * Sampled: the records examined stand for all of them; records of other
	 * types (WHEN, segment filter) and rejected ones scale the estimate.
	 */
	if (sampled)
		*totalrows = s->nsample > 0 ? floor(total * (seen / s->nsample) + 0.5) : 0;
	else
		*totalrows = seen;
	zfdw_scan_end(s);
	ereport(elevel,
			(errmsg("\"%s\": %s %.0f records; %d rows in sample, %.0f estimated total rows",
					RelationGetRelationName(rel), sampled ? "sampled" : "read",
					sampled ? (double) s->nsample : seen, numrows, *totalrows)));
	return numrows;
}

/* AnalyzeForeignTable: offer the sampler and the files' size in blocks. */
bool
zfdwAnalyzeForeignTable(Relation relation, AcquireSampleRowsFunc *func,
						BlockNumber *totalpages)
{
	ZfTableOptions opts;
	int64		bytes = 0;

	zfdw_get_table_options(RelationGetRelid(relation), &opts);
	if (opts.filename)
	{
		double		fraction;
		List	   *files = zfdw_share_plan_files(&opts,
												  zfdw_expand_files(opts.serverid, opts.filename, true),
												  &fraction);

		bytes = (int64) (zfdw_total_size(opts.serverid, files) * fraction);
	}
	*totalpages = (BlockNumber) Max(1, (bytes + BLCKSZ - 1) / BLCKSZ);
	*func = zfdw_acquire_sample_rows;
	return true;
}
