/*-------------------------------------------------------------------------
 *
 * parallel.c
 *	  Parallel foreign scans: the leader and the workers take chunks from a
 *	  counter in shared memory.  A chunk is a range of records of a
 *	  fixed-length file (zfdw.parallel_chunk_size bytes of it, 4 MiB by
 *	  default), or a whole file of a glob of
 *	  variable-length files.  Every process computes the same chunk table
 *	  from the files' sizes, so only the counter is shared.
 *
 * The shared memory also carries the copybook's or punch's layout as the
 * leader parsed it, packed (zf_layout_pack): a worker unpacks it, and
 * neither reads nor parses the layout's files, so that the layout is
 * parsed once per query and every process of the query decodes with the
 * same layout even when a file changes meanwhile.
 *
 *-------------------------------------------------------------------------
 */
#include "zfdw.h"


#include "access/parallel.h"
#include "port/atomics.h"
#include "utils/memutils.h"

#include "scan/agg.h"
#include "scan/scan.h"

/* The record scan of a node: its own, or its pushed aggregate's. */
static ZfScanState *
node_scan(ForeignScanState *node)
{
	if (((Scan *) node->ss.ps.plan)->scanrelid == 0)
		return zfdw_agg_scan_state(node);
	return (ZfScanState *) node->fdw_state;
}

/*
 * The shared state: the next chunk to hand out, the S3 requests and record
 * counts of the workers (each adds its own when its scan shuts down, for
 * the leader's EXPLAIN ANALYZE), and the packed layout.
 */
typedef struct ZfParallelShared
{
	pg_atomic_uint64 next_chunk;
	pg_atomic_uint64 s3_requests;
	pg_atomic_uint64 s3_bytes;
	pg_atomic_uint64 s3_retries;
	pg_atomic_uint64 nread;
	pg_atomic_uint64 nfiltered;
	pg_atomic_uint64 npushskipped;
	pg_atomic_uint64 nrejected;
	pg_atomic_uint64 nnulled;
	Size		packed_len;		/* bytes of the packed layout, 0: none */
	char		packed[FLEXIBLE_ARRAY_MEMBER];
} ZfParallelShared;

/* Bytes of the table's layout packed, 0 for a layout of column options. */
static Size
packed_size(ZfScanState *s)
{
	return s->t->parsed ? zf_layout_packed_size(s->t->parsed) : 0;
}

/* EstimateDSMForeignScan: the counter and the packed layout. */
Size
zfdwEstimateDSMForeignScan(ForeignScanState *node, ParallelContext *pcxt)
{
	(void) pcxt;
	return add_size(offsetof(ZfParallelShared, packed),
					packed_size(node_scan(node)));
}

/* InitializeDSMForeignScan: the first chunk, and the leader's layout. */
void
zfdwInitializeDSMForeignScan(ForeignScanState *node, ParallelContext *pcxt,
							 void *coordinate)
{
	ZfScanState *s = node_scan(node);
	ZfParallelShared *shared = (ZfParallelShared *) coordinate;

	(void) pcxt;
	pg_atomic_init_u64(&shared->next_chunk, 0);
	pg_atomic_init_u64(&shared->s3_requests, 0);
	pg_atomic_init_u64(&shared->s3_bytes, 0);
	pg_atomic_init_u64(&shared->s3_retries, 0);
	pg_atomic_init_u64(&shared->nread, 0);
	pg_atomic_init_u64(&shared->nfiltered, 0);
	pg_atomic_init_u64(&shared->npushskipped, 0);
	pg_atomic_init_u64(&shared->nrejected, 0);
	pg_atomic_init_u64(&shared->nnulled, 0);
	shared->packed_len = packed_size(s);
	if (shared->packed_len > 0)
		zf_layout_pack(s->t->parsed, shared->packed);
	s->shared = shared;
}

/* ReInitializeDSMForeignScan: hand out the chunks again (a rescan). */
void
zfdwReInitializeDSMForeignScan(ForeignScanState *node, ParallelContext *pcxt,
							   void *coordinate)
{
	ZfParallelShared *shared = (ZfParallelShared *) coordinate;

	(void) node;
	(void) pcxt;
	pg_atomic_write_u64(&shared->next_chunk, 0);
}

/*
 * InitializeWorkerForeignScan: open the worker's scan with the leader's
 * layout (BeginForeignScan left it for now), then share the counter.
 */
void
zfdwInitializeWorkerForeignScan(ForeignScanState *node, shm_toc *toc,
								void *coordinate)
{
	ZfParallelShared *shared = (ZfParallelShared *) coordinate;
	ZfPackedLayout given;

	(void) toc;
	given.data = shared->packed;
	given.len = shared->packed_len;
	zfdw_begin_worker_scan(node, shared->packed_len > 0 ? &given : NULL);
	node_scan(node)->shared = shared;
}

/*
 * ShutdownForeignScan: a worker adds its S3 requests and record counts to
 * the shared sums (once); the leader, whose shared memory goes away after
 * this, keeps the sums of the workers that finished.  A worker shuts its scan down
 * before it detaches from its tuple queue, so when the leader has read
 * every worker's rows (a scan run to its end) all of them have added.
 */
void
zfdwShutdownForeignScan(ForeignScanState *node)
{
	ZfScanState *s = node_scan(node);	/* also under a pushed aggregate */
	ZfParallelShared *shared;
	zf_s3_stats st;

	if (s == NULL || s->shared == NULL)
		return;
	shared = s->shared;
	if (IsParallelWorker())
	{
		if (s->counts_reported)
			return;
		zfdw_source_s3_stats(&s->src, &st);
		pg_atomic_fetch_add_u64(&shared->s3_requests, st.requests);
		pg_atomic_fetch_add_u64(&shared->s3_bytes, st.bytes);
		pg_atomic_fetch_add_u64(&shared->s3_retries, st.retries);
		pg_atomic_fetch_add_u64(&shared->nread, s->nread);
		pg_atomic_fetch_add_u64(&shared->nfiltered, s->nfiltered);
		pg_atomic_fetch_add_u64(&shared->npushskipped, s->npushskipped);
		pg_atomic_fetch_add_u64(&shared->nrejected, s->nrejected);
		pg_atomic_fetch_add_u64(&shared->nnulled, s->nnulled);
		s->counts_reported = true;
		return;
	}
	s->workers_s3.requests = pg_atomic_read_u64(&shared->s3_requests);
	s->workers_s3.bytes = pg_atomic_read_u64(&shared->s3_bytes);
	s->workers_s3.retries = pg_atomic_read_u64(&shared->s3_retries);
	s->workers_nread = pg_atomic_read_u64(&shared->nread);
	s->workers_nfiltered = pg_atomic_read_u64(&shared->nfiltered);
	s->workers_npushskipped = pg_atomic_read_u64(&shared->npushskipped);
	s->workers_nrejected = pg_atomic_read_u64(&shared->nrejected);
	s->workers_nnulled = pg_atomic_read_u64(&shared->nnulled);
}

/*
 * The chunk table: for every file, the number of its first chunk and the
 * records per chunk (0 for a file read whole).
 */
static void
build_chunk_table(ZfScanState *s)
{
	int			nfiles = list_length(s->src.files);
	uint64		next = 0;
	/*
	 * Chunks are whole records (delimited fb too); an archive is split by
	 * record ranges only when its data set's blocks are mapped, else by
	 * file.
	 */
	bool		fixed = s->ropts.recfm == ZF_RECFM_FB &&
		(s->t->archive == NULL || s->t->archive_ranged);
	MemoryContext old = MemoryContextSwitchTo(s->scancxt);	/* not per-tuple */

	s->chunk_first = palloc(sizeof(uint64) * (nfiles + 1));
	s->chunk_records = palloc(sizeof(uint64) * Max(nfiles, 1));
	s->file_records = palloc(sizeof(uint64) * Max(nfiles, 1));
	for (int i = 0; i < nfiles; i++)
	{
		s->chunk_first[i] = next;
		/* a compressed file cannot be split: it is one chunk */
		if (fixed &&
			zfdw_file_compression(s->src.serverid, list_nth(s->src.files, i), s->src.compression) == ZF_COMPRESSION_NONE)
		{
			uint64		count = zfdw_fb_file_records(s, list_nth(s->src.files, i));

			s->file_records[i] = count;
			s->chunk_records[i] = Max(1, (uint64) zfdw_parallel_chunk_size / s->ropts.lrecl);
			next += (count + s->chunk_records[i] - 1) / s->chunk_records[i];
		}
		else
		{
			s->file_records[i] = 0;
			s->chunk_records[i] = 0;
			next += 1;
		}
	}
	s->chunk_first[nfiles] = next;
	s->chunk_table_ready = true;
	MemoryContextSwitchTo(old);
}

/*
 * Claim the next chunk: the file index and the records [first, last) to
 * read (last 0: the whole file).  False when every chunk is taken.
 */
bool
zfdw_parallel_claim(ZfScanState *s, int *file, uint64 *first, uint64 *last)
{
	int			nfiles = list_length(s->src.files);
	uint64		chunk;
	int			i;

	if (!s->chunk_table_ready)
		build_chunk_table(s);
	chunk = pg_atomic_fetch_add_u64(&s->shared->next_chunk, 1);
	if (chunk >= s->chunk_first[nfiles])
		return false;
	for (i = 0; i + 1 < nfiles && s->chunk_first[i + 1] <= chunk; i++)
		;
	*file = i;
	if (s->chunk_records[i] == 0)
	{
		*first = 0;
		*last = 0;
	}
	else
	{
		*first = (chunk - s->chunk_first[i]) * s->chunk_records[i];
		*last = Min(*first + s->chunk_records[i], s->file_records[i]);
	}
	return true;
}
