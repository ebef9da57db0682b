/*-------------------------------------------------------------------------
 *
 * analyze.c
 *	  ANALYZE for zfdw foreign tables: a reservoir sample of the records,
 *	  so that joins against local tables get good plans.
 *
 * The sample goes through the same decoding as a scan (and obeys
 * on_error); totalpages is the files' size in blocks, so that the planner
 * scales the tuple density to the files as they grow.
 *
 *-------------------------------------------------------------------------
 */
#include "zfdw.h"

#include "access/htup_details.h"
#include "commands/vacuum.h"
#include "foreign/fdwapi.h"
#include "miscadmin.h"
#include "utils/rel.h"
#include "utils/sampling.h"

#include "zfdw_scan.h"

/* Reservoir-sample the records of a foreign table (Vitter's algorithm). */
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
	ZfScanState *s;

	*totalrows = 0;
	*totaldeadrows = 0;
	s = zfdw_scan_begin(rel, true, NULL);
	reservoir_init_selection_state(&rstate, targrows);
	while (zfdw_scan_next(s, values, nulls))
	{
		vacuum_delay_point();
		if (numrows < targrows)
			rows[numrows++] = heap_form_tuple(tupdesc, values, nulls);
		else
		{
			if (rowstoskip < 0)
				rowstoskip = reservoir_get_next_S(&rstate, *totalrows, targrows);
			if (rowstoskip <= 0)
			{
				int			k = (int) (targrows * sampler_random_fract(&rstate.randstate));

				heap_freetuple(rows[k]);
				rows[k] = heap_form_tuple(tupdesc, values, nulls);
			}
			rowstoskip -= 1;
		}
		*totalrows += 1;
	}
	zfdw_scan_end(s);
	ereport(elevel,
			(errmsg("\"%s\": files contain %.0f rows; %d rows in sample",
					RelationGetRelationName(rel), *totalrows, numrows)));
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
		bytes = zfdw_total_size(zfdw_expand_files(opts.filename, true));
	*totalpages = (BlockNumber) Max(1, (bytes + BLCKSZ - 1) / BLCKSZ);
	*func = zfdw_acquire_sample_rows;
	return true;
}
