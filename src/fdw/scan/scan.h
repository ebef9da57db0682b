/*-------------------------------------------------------------------------
 *
 * scan.h
 *	  The state of one scan of a zfdw foreign table, shared by the
 *	  executor callbacks, ANALYZE and the parallel-scan code.
 *
 *-------------------------------------------------------------------------
 */
#ifndef ZFDW_SCAN_H
#define ZFDW_SCAN_H

#include "zfdw.h"

#include "commands/explain.h"
#include "access/parallel.h"
#include "foreign/fdwapi.h"
#include "nodes/execnodes.h"
#include "utils/relcache.h"

/* What planning learns about a table (RelOptInfo.fdw_private). */
typedef struct ZfPlanState
{
	ZfTable    *t;				/* options, layout and columns */
	int64		total_bytes;	/* of all files, -1 for a program */
	int			nfiles;
	unsigned	compression_kinds;	/* bits 1 << zf_compression */
	bool		compressed;		/* some input is: read sequentially only */
	double		record_bytes;	/* average bytes per record on disk */
	double		ntuples;		/* records in the files */
	int			nneeded;		/* columns the scan decodes */
	AttrNumber	key_attno;		/* 0 when the table cannot seek */
	Oid			key_type;
	int32		key_typmod;
	Oid			key_collation;
} ZfPlanState;

/* Indexes of ForeignScan.fdw_private (as postgres_fdw does). */
enum ZfScanPrivateIndex
{
	ZfPrivNeededAttrs = 0,		/* List of attnos (offset as pull_varattnos) */
	ZfPrivCompression,			/* Integer: the inputs' compression kinds as
								 * bits 1 << zf_compression (planning time) */
	ZfPrivCount
};

typedef struct ZfScanState
{
	ZfTable    *t;
	ZfSource	src;
	zf_reader  *reader;
	zf_reader_opts ropts;
	zf_cursor  *cursor;
	ZfDecodeBuf buf;
	MemoryContext scancxt;		/* lives as long as the scan: state built
								 * lazily (the parallel chunk table) */
	MemoryContext rescancxt;	/* reset at every rescan (key ranges) */
	MemoryContext rowcxt;		/* the current row's values, reset per record */
	bool		per_tuple_caller;	/* the caller resets its memory per row */
	int		   *cols;			/* indexes of the columns to decode */
	int			ncols;
	bool		all_fast;		/* every one of them takes the fast path */
	ZfRecordRef rec;			/* the current record, for messages */
	bool		in_record;
	bool		checked;		/* the plausibility checks ran */
	int			progress;		/* zfdw.progress slot, -1 none */
	int			progress_file;	/* file index the bytes below are before */
	int64		progress_before;	/* bytes of the files already read */
	ErrorContextCallback errcb;

	ExprContext *econtext;		/* for key values and parameters */

	/* key seeks (keys.c, records.c); keys is NULL without key quals */
	struct ZfKeyScan *keys;
	List	   *ranges;			/* ZfKeyRange, for the current parameters */
	bool		ranges_ready;
	int			range_index;
	bool		range_started;	/* the reader is inside ranges[range_index] */
	uint32		key_off;		/* key bytes checked for order; key_len 0: */
	uint32		key_len;		/* the table has no key option */
	uint8	   *prev_key_copy;	/* key_len bytes owned by the scan */
	const uint8 *prev_key;		/* the last key read: in the reader's buffer
								 * while the run lasts, else prev_key_copy */
	bool		have_prev_key;

	/* the rest of the current run of records (zf_reader_next_run) */
	zf_record	run;
	uint32		run_left;

	/* parallel scans (parallel.c); shared is NULL in a serial scan */
	struct ZfParallelShared *shared;
	bool		counts_reported;	/* a worker added its S3 requests and
									 * record counts to the shared sums */
	zf_s3_stats workers_s3;		/* the leader: the workers' S3 requests */
	uint64		workers_nread;	/* ... and their record counts */
	uint64		workers_nfiltered;
	uint64		workers_npushskipped;
	uint64		workers_nrejected;
	uint64		workers_nnulled;
	bool		chunk_table_ready;
	uint64	   *chunk_first;	/* per file, and the total at [nfiles] */
	uint64	   *chunk_records;
	uint64	   *file_records;

	/* ANALYZE of fixed-length files: the records to read, sorted global
	 * record indexes over all files; sample is NULL otherwise */
	uint64	   *sample;
	int			nsample;
	int			sample_next;
	uint64	   *file_first;		/* global index of each file's first record */

	/* compressed inputs: their kinds as the planner found them (bits
	 * 1 << zf_compression), and key quals left to the filter because a
	 * compressed file cannot seek */
	unsigned	compression_kinds;
	bool		keys_need_seek;
	/* the pushed filter (filter_exec.c); NULL when nothing was pushed */
	struct ZfPushedFilter *filter;
	bool		skip_filter;	/* runs of fixed records skip what the
								 * filter rejects before handing one out
								 * (no key seeks, nothing else selecting
								 * records; the key order is checked on
								 * the records handed out) */
	bool		defer_decode;	/* zfdw_scan_next decodes nothing: the
								 * caller (a pushed aggregate) reads the
								 * record or calls zfdw_scan_decode_current */
	bool		recheck;		/* the filter was unsure of the record
								 * returned: PostgreSQL tests its clauses */

	/* the table's share of its input (shares.c) */
	bool		share_by_records;	/* a window of its one file's records */
	uint64		share_first;	/* ... records [share_first, share_end) */
	uint64		share_end;
	int			share_files_all;	/* files before the share took its own */

	/* counts for EXPLAIN ANALYZE and the end-of-scan notices */
	uint64		nseeks;
	uint64		nread;
	uint64		nfiltered;
	uint64		npushskipped;	/* records the pushed filter skipped */
	uint64		nrejected;
	uint64		nnulled;
} ZfScanState;

extern ZfScanState *zfdw_scan_begin(Relation rel, bool all_columns,
									 Bitmapset *needed,
									 const ZfPackedLayout *given);
extern void zfdw_begin_worker_scan(ForeignScanState *node,
								   const ZfPackedLayout *given);
extern void zfdw_scan_start(ZfScanState *s);
extern bool zfdw_scan_next(ZfScanState *s, Datum *values, bool *nulls);
extern bool zfdw_scan_decode_current(ZfScanState *s, Datum *values,
									 bool *nulls);
extern void zfdw_scan_rewind(ZfScanState *s);
extern void zfdw_scan_end(ZfScanState *s);

extern bool zfdw_segment_number_matches(ZfTable *t, const uint8 *p, uint32 len);

/* records.c */
extern bool zfdw_next_record(ZfScanState *s, zf_record *r);
extern bool zfdw_next_run(ZfScanState *s, zf_record *first, uint32 *count);
extern bool zfdw_scan_runs_ok(ZfScanState *s);
extern void zfdw_check_key_order(ZfScanState *s, const zf_record *r);
extern void zfdw_scan_prepare_filter(ZfScanState *s);
extern void zfdw_records_rewind(ZfScanState *s);
extern void zfdw_records_close(ZfScanState *s);
extern uint64 zfdw_fb_file_records(ZfScanState *s, const char *path);

/* shares.c */
extern List *zfdw_share_files(const ZfTableOptions *o, List *files);
extern List *zfdw_share_plan_files(const ZfTableOptions *o, List *files,
								   double *fraction);
extern void zfdw_share_apply(ZfScanState *s);
extern void zfdw_share_explain(ZfScanState *s, ExplainState *es);

/* parallel.c */
extern bool zfdw_parallel_claim(ZfScanState *s, int *file, uint64 *first,
								uint64 *last);
extern Size zfdwEstimateDSMForeignScan(ForeignScanState *node,
									   ParallelContext *pcxt);
extern void zfdwInitializeDSMForeignScan(ForeignScanState *node,
										 ParallelContext *pcxt,
										 void *coordinate);
extern void zfdwReInitializeDSMForeignScan(ForeignScanState *node,
										   ParallelContext *pcxt,
										   void *coordinate);
extern void zfdwShutdownForeignScan(ForeignScanState *node);
extern void zfdwInitializeWorkerForeignScan(ForeignScanState *node,
											shm_toc *toc, void *coordinate);
/* format 'delimited' (delimited_scan.c) */
extern zf_status zfdw_delim_next_record(ZfScanState *s, zf_record *r,
										zf_error *err);
extern bool zfdw_delim_split_record(ZfScanState *s);
extern void zfdw_delim_explain(ZfTable *t, ExplainState *es);
extern void zfdw_explain_table(ZfScanState *s, ExplainState *es);

/* executor callbacks (executor.c) */
extern void zfdwBeginForeignScan(ForeignScanState *node, int eflags);
extern TupleTableSlot *zfdwIterateForeignScan(ForeignScanState *node);
extern void zfdwReScanForeignScan(ForeignScanState *node);
extern void zfdwEndForeignScan(ForeignScanState *node);
extern void zfdwExplainForeignScan(ForeignScanState *node, ExplainState *es);

/* planner callbacks (planner.c) */
extern void zfdwGetForeignRelSize(PlannerInfo *root, RelOptInfo *baserel,
								  Oid foreigntableid);
extern void zfdwGetForeignPaths(PlannerInfo *root, RelOptInfo *baserel,
								Oid foreigntableid);
extern ForeignScan *zfdwGetForeignPlan(PlannerInfo *root, RelOptInfo *baserel,
									   Oid foreigntableid, ForeignPath *best_path,
									   List *tlist, List *scan_clauses,
									   Plan *outer_plan);
extern bool zfdwIsForeignScanParallelSafe(PlannerInfo *root, RelOptInfo *rel,
										  RangeTblEntry *rte);
extern void zfdw_explain_keys(ForeignScanState *node, ExplainState *es);
extern double zfdw_parallel_divisor(int workers);

/* ANALYZE (analyze.c) */
extern bool zfdwAnalyzeForeignTable(Relation relation,
									AcquireSampleRowsFunc *func,
									BlockNumber *totalpages);

/* IMPORT FOREIGN SCHEMA (import.c) */
extern List *zfdwImportForeignSchema(ImportForeignSchemaStmt *stmt,
									 Oid serverOid);

#endif							/* ZFDW_SCAN_H */
