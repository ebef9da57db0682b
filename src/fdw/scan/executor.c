/*-------------------------------------------------------------------------
 *
 * executor.c
 *	  Executor callbacks: begin, iterate, rescan and end a scan of a zfdw
 *	  foreign table, and EXPLAIN's description of it.
 *
 * A scan walks the files of the table in name order, cuts each into
 * records with the core reader, keeps the records of the table's record
 * definition (WHEN conditions, segment filter), and decodes the columns
 * the query needs.  A bad value stops the scan, becomes NULL or skips the
 * record, as the on_error option says; a broken record framing always
 * stops it (there is no safe way to find the next record).
 *
 *-------------------------------------------------------------------------
 */
#include "zfdw.h"

#include "access/parallel.h"
#include "access/table.h"
#include "commands/explain.h"
#include "executor/executor.h"
#include "foreign/fdwapi.h"
#include "miscadmin.h"
#include "nodes/execnodes.h"
#include "utils/memutils.h"
#include "utils/rel.h"
#include "utils/lsyscache.h"
#include "utils/ruleutils.h"

#include "nodes/nodeFuncs.h"
#include "scan/agg.h"
#include "scan/filter.h"
#include "scan/keys.h"
#include "io/s3.h"
#include "scan/scan.h"
#include "diag/diag.h"

/* Error context: which table, file, record and offset a message is about. */
static void
scan_error_callback(void *arg)
{
	ZfScanState *s = (ZfScanState *) arg;

	const char *source = s->src.program ? "program" : "file";

	if (s->in_record)
		errcontext("foreign table \"%s\", %s \"%s\", record %llu at byte offset %llu",
				   s->t->relname, source, s->rec.filename ? s->rec.filename : "?",
				   (unsigned long long) s->rec.number,
				   (unsigned long long) s->rec.offset);
	else if (s->src.name)
		errcontext("foreign table \"%s\", %s \"%s\"", s->t->relname, source, s->src.name);
	else
		errcontext("foreign table \"%s\"", s->t->relname);
}

/*
 * Free the core reader (malloc'd) and close the file or program it reads
 * when the scan's memory goes: at the end of the query, and also when an
 * error aborts it, where EndForeignScan is not called.  Without this
 * every failed scan would leak its read buffer and its descriptor.
 */
static void
free_reader_callback(void *arg)
{
	ZfScanState *s = (ZfScanState *) arg;

	if (s->reader != NULL)
	{
		zf_reader_close(s->reader);
		s->reader = NULL;
	}
	zfdw_source_discard(&s->src);
	zfdw_progress_end(s->progress);
	s->progress = -1;
}

/* Reader options from the table's options. */
static void
reader_options(ZfTable *t, zf_reader_opts *ro)
{
	zf_reader_opts_init(ro, t->opts.recfm);
	ro->lrecl = t->lrecl;
	ro->rdw_big_endian = t->opts.rdw_big_endian;
	ro->rdw_includes_header = t->opts.rdw_includes_header;
	ro->bdw_big_endian = t->opts.bdw_big_endian;
	ro->bdw_includes_header = t->opts.bdw_includes_header;
	ro->vbs_has_bdw = t->opts.vbs_has_bdw;
	ro->header_bytes = (uint64) t->opts.file_header_bytes;
	ro->trailer_bytes = (uint64) t->opts.file_trailer_bytes;
	ro->max_record_length = (uint32) zfdw_max_record_length;
	ro->text_terminator = t->opts.text_terminator ? t->opts.text_terminator :
		zf_codepage_newline(t->cp);
}

/*
 * Set up a scan of a table for the columns in needed (attribute numbers
 * offset as pull_varattnos gives them; a whole-row reference means all),
 * or for all columns.  given: the layout the leader packed, in a parallel
 * worker (else NULL).  Used by the executor and ANALYZE.
 */
ZfScanState *
zfdw_scan_begin(Relation rel, bool all_columns, Bitmapset *needed,
				const ZfPackedLayout *given)
{
	ZfScanState *s = palloc0(sizeof(ZfScanState));
	MemoryContextCallback *cb = palloc0(sizeof(MemoryContextCallback));
	ZfTable    *t;

	cb->func = free_reader_callback;
	cb->arg = s;
	MemoryContextRegisterResetCallback(CurrentMemoryContext, cb);

	s->progress = -1;
	s->t = t = zfdw_open_table(rel, all_columns, needed, given);
	reader_options(t, &s->ropts);
	s->src.current = -1;
	s->src.archive = t->archive;
	s->src.compression = t->opts.compression;
	if (t->opts.program)
		s->src.program = t->opts.program;
	else
		s->src.files = zfdw_expand_files(t->opts.serverid, t->opts.filename, false);
	s->src.serverid = t->opts.serverid;
	zfdw_share_apply(s);
	if (t->any_variable)
		s->cursor = zfdw_create_cursor(t);
	zfdw_decode_buf_init(&s->buf, Max(t->lrecl, 1024));
	s->scancxt = CurrentMemoryContext;
	s->rescancxt = AllocSetContextCreate(CurrentMemoryContext, "zfdw rescan",
										 ALLOCSET_SMALL_SIZES);
	s->rowcxt = AllocSetContextCreate(CurrentMemoryContext, "zfdw row",
									  ALLOCSET_DEFAULT_SIZES);
	s->cols = palloc(sizeof(int) * Max(t->ncolumns, 1));
	s->all_fast = true;
	for (int i = 0; i < t->ncolumns; i++)
		if (!t->columns[i].dropped && t->columns[i].conv != ZF_CONV_NONE)
		{
			s->cols[s->ncols++] = i;
			if (t->columns[i].fast == ZF_FAST_NONE)
				s->all_fast = false;
		}
	if (t->nkeys > 0 && t->rd->is_static && zfdw_fixed_length_records(t))
	{
		/* every key read is checked to be in order */
		const zf_field *kf = &t->layout->fields[t->key_fields[0]];

		s->key_off = kf->offset;
		s->key_len = kf->length;
		s->prev_key_copy = palloc(kf->length);
	}
	s->errcb.callback = scan_error_callback;
	s->errcb.arg = s;
	return s;
}

/*
 * Find the key quals among the plan's quals and prepare their values:
 * then the scan seeks instead of reading whole files.
 */
static void
setup_key_scan(ForeignScanState *node, ZfScanState *s)
{
	ZfTable    *t = s->t;
	Index		relid = ((Scan *) node->ss.ps.plan)->scanrelid;
	ZfColumn   *col;
	ZfKeyScan  *ks;
	ListCell   *lc;

	if (t->key_column < 0 || t->key_kind == ZF_KEY_NONE)
		return;
	col = &t->columns[t->key_column];
	ks = palloc0(sizeof(ZfKeyScan));
	ks->kind = (ZfKeyKind) t->key_kind;
	ks->field = col->f;
	ks->cp = col->cp;
	ks->lrecl = t->lrecl;
	ks->header = s->ropts.header_bytes;	/* a share's window included */
	ks->trailer = s->ropts.trailer_bytes;
	foreach(lc, list_concat_copy(node->ss.ps.plan->qual,
								 ((ForeignScan *) node->ss.ps.plan)->fdw_recheck_quals))
	{
		Expr	   *clause = lfirst(lc);
		int			strategy;
		bool		is_array;
		Expr	   *value;

		if (zfdw_key_clause(clause, relid, col->attnum,
							TupleDescAttr(RelationGetDescr(node->ss.ss_currentRelation),
										  t->key_column)->atttypid,
							ks->kind, &strategy, &is_array, &value))
		{
			ZfKeyQual  *q = palloc0(sizeof(ZfKeyQual));

			q->strategy = strategy;
			q->is_array = is_array;
			q->value_type = exprType((Node *) value);
			q->state = ExecInitExpr(value, &node->ss.ps);
			ks->quals = lappend(ks->quals, q);
			ks->clauses = lappend(ks->clauses, clause);
		}
	}
	if (ks->quals == NIL)
		return;
	if (s->compression_kinds & ZFDW_COMPRESSED_BITS)
	{
		/* a compressed file cannot seek: the quals filter a whole read */
		s->keys_need_seek = true;
		return;
	}
	s->keys = ks;
	/* a seek reads a block, not a megabyte */
	s->ropts.buffer_size = zfdw_key_block_bytes(t->lrecl);
}

/* True when the record belongs to the table (WHEN and segment filter). */
static bool
record_selected(ZfScanState *s, const zf_record *r)
{
	ZfTable    *t = s->t;

	if (t->rd->nwhen > 0 && !zf_recdef_matches(t->rd, r->data, r->length))
		return false;
	if (t->segment_field >= 0)
	{
		const zf_field *f = &t->layout->fields[t->segment_field];
		uint32		off = f->offset,
					len = f->length;

		if (t->any_variable)
		{
			zf_error	err;

			zf_error_clear(&err);
			if (zf_cursor_locate(s->cursor, t->segment_field, NULL, &off, &len, &err) != ZF_OK)
				return false;
		}
		if (off + len > r->length)
			return false;
		if (t->segment_bytes)
			return memcmp(r->data + off, t->segment_bytes, t->segment_len) == 0;
		return zfdw_segment_number_matches(t, r->data + off, len);
	}
	return true;
}

/*
 * Decode the needed columns of the current record into values/nulls.
 * Returns false when on_error skip rejected the record.
 */
static bool
decode_record(ZfScanState *s, Datum *values, bool *nulls)
{
	ZfTable    *t = s->t;
	bool		fast_ok = s->rec.length >= t->fast_min_length;

	if (s->all_fast && fast_ok &&
		zfdw_fast_decode_record(t, s->cols, s->ncols, s->rec.data, values, nulls))
		return true;
	for (int k = 0; k < s->ncols; k++)
	{
		int			i = s->cols[k];
		ZfColumn   *col = &t->columns[i];
		zf_error	err;
		uint32		foff,
					flen;

		if (col->fast != ZF_FAST_NONE && fast_ok &&
			zfdw_fast_decode(col, s->rec.data, &values[i]))
		{
			nulls[i] = false;
			continue;
		}
		err.status = ZF_OK;
		err.offset = -1;
		err.message[0] = err.detail[0] = err.hint[0] = '\0';
		if (zfdw_decode_column(t, col, &s->rec, &s->buf, &values[i], &nulls[i],
							   &err, &foff, &flen))
			continue;

		if (t->opts.on_error == ZF_ON_ERROR_STOP || err.status == ZF_E_LIMIT)
			zfdw_report_data_error(ERROR, t, &s->rec, col, &err, foff, flen);
		if (t->opts.log_verbose)
			zfdw_report_data_error(NOTICE, t, &s->rec, col, &err, foff, flen);
		if (t->opts.on_error == ZF_ON_ERROR_NULL)
		{
			nulls[i] = true;
			s->nnulled++;
			continue;
		}
		/* skip */
		zfdw_count_rejected(t, &s->nrejected, err.message);
		return false;
	}
	return true;
}

/*
 * Tell zfdw.progress how far the scan is: the bytes of the files before
 * the current one plus the current record's offset.  Every 1024 records.
 */
static void
progress_update(ZfScanState *s, const zf_record *r)
{
	while (s->src.files != NIL && s->progress_file < s->src.current &&
		   s->progress_file < list_length(s->src.files))
	{
		const char *path = (const char *) list_nth(s->src.files, s->progress_file);

		/* an object's size would cost a request: its bytes are not counted */
		if (!zf_s3_is_url(path))
			s->progress_before += zfdw_file_size(s->src.serverid, path);
		s->progress_file++;
	}
	zfdw_progress_update(s->progress, s->src.name,
						 s->progress_before + (int64) r->offset, (int64) s->nread);
}

/*
 * Evaluate the pushed filter's constants and parameters for this
 * (re)scan, and decide whether runs of records skip what it rejects.
 */
void
zfdw_scan_prepare_filter(ZfScanState *s)
{
	ZfTable    *t = s->t;

	zfdw_filter_prepare(s->filter, s->econtext);
	s->skip_filter = !s->filter->disabled && s->keys == NULL && t->delim == NULL &&
		t->rd->nwhen == 0 && t->segment_field < 0;
}

/*
 * Whether a caller may go through runs of records itself
 * (zfdw_next_run): fixed records read in order (it checks the key order
 * of each with zfdw_check_key_order), no seeks, no WHEN or segment filter
 * selecting records, no ANALYZE sample.
 */
bool
zfdw_scan_runs_ok(ZfScanState *s)
{
	ZfTable    *t = s->t;

	return zfdw_fixed_length_records(t) && s->keys == NULL &&
		t->delim == NULL && t->rd->nwhen == 0 && t->segment_field < 0 &&
		s->cursor == NULL && s->sample == NULL;
}

/* Whether some input is an s3:// object (its size costs a request). */
static bool
any_object(List *files)
{
	ListCell   *lc;

	foreach(lc, files)
	{
		if (zf_s3_is_url((const char *) lfirst(lc)))
			return true;
	}
	return false;
}

/*
 * What a scan does once before its first record, whichever way it reads
 * them (zfdw_scan_next, or runs for a pushed aggregate): the plausibility
 * checks, in the leader (or a serial scan) and not in ANALYZE, and its
 * entry in zfdw.progress.
 */
void
zfdw_scan_start(ZfScanState *s)
{
	ZfTable    *t = s->t;

	if (s->checked)
		return;
	s->checked = true;
	if (!IsParallelWorker() && s->sample == NULL && s->src.program == NULL)
		zfdw_check_plausible(t, s->src.files);
	if (s->sample == NULL)
	{
		s->progress = zfdw_progress_begin(ZF_PROGRESS_SCAN, t->relid,
										  s->src.program ? s->src.program :
										  s->src.files ? (char *) linitial(s->src.files) : "",
										  s->src.program || any_object(s->src.files) ? -1 :
										  zfdw_total_size(s->src.serverid, s->src.files));
		s->progress_file = 0;
	}
}

/*
 * Fetch the next selected, decodable record into the slot's arrays.
 * Returns false at the end of the data.
 */
bool
zfdw_scan_next(ZfScanState *s, Datum *values, bool *nulls)
{
	ZfTable    *t = s->t;
	bool		found = false;

	zfdw_scan_start(s);
	s->errcb.previous = error_context_stack;
	error_context_stack = &s->errcb;
	if (s->filter && !s->filter->ready)
		zfdw_scan_prepare_filter(s);
	for (;;)
	{
		zf_record	r;
		MemoryContext old = NULL;
		bool		own_context;

		CHECK_FOR_INTERRUPTS();
		if (!zfdw_next_record(s, &r))
			break;
		s->nread++;
		if (s->progress >= 0 && (s->nread & 1023) == 0)
			progress_update(s, &r);
		s->rec.filename = s->src.name;
		s->rec.bytes = s->src.bytes;
		s->rec.number = r.number;
		s->rec.offset = r.offset;
		s->rec.data = r.data;
		s->rec.length = r.length;
		s->rec.cursor = s->cursor;
		s->in_record = true;
		if (s->cursor)
			zf_cursor_bind(s->cursor, r.data, r.length);
		if (t->delim && !zfdw_delim_split_record(s))
			continue;			/* a header, filtered or rejected */
		if ((t->rd->nwhen > 0 || t->segment_field >= 0) && !record_selected(s, &r))
		{
			s->nfiltered++;
			continue;
		}
		if (s->filter)
		{
			zf_tv		tv = zfdw_filter_test(s->filter, s->econtext, r.data, r.length);

			if (tv == ZF_TV_FALSE || tv == ZF_TV_NULL)
			{
				s->npushskipped++;
				continue;
			}
			s->recheck = tv == ZF_TV_UNSURE;
		}
		if (s->defer_decode)
		{
			/* the caller decodes what it needs (a pushed aggregate) */
			found = true;
			break;
		}

		/*
		 * The executor calls us in per-tuple memory it resets itself: when a
		 * decoded record is never thrown away, decode right there.  Else
		 * (on_error skip, other callers) a skipped record's values must not
		 * pile up: decode in our own context, reset per record.
		 */
		own_context = !s->per_tuple_caller || t->opts.on_error == ZF_ON_ERROR_SKIP;
		if (own_context)
		{
			MemoryContextReset(s->rowcxt);
			old = MemoryContextSwitchTo(s->rowcxt);
		}
		memset(nulls, true, sizeof(bool) * t->ncolumns);
		found = decode_record(s, values, nulls);
		if (own_context)
			MemoryContextSwitchTo(old);
		if (found)
			break;
	}
	s->in_record = false;
	error_context_stack = s->errcb.previous;
	return found;
}

/*
 * Decode the needed columns of the record zfdw_scan_next just returned in
 * a scan with defer_decode, with on_error applied: false when on_error
 * skip rejected it.  In the caller's memory context.
 */
bool
zfdw_scan_decode_current(ZfScanState *s, Datum *values, bool *nulls)
{
	bool		ok;

	s->errcb.previous = error_context_stack;
	error_context_stack = &s->errcb;
	s->in_record = true;
	memset(nulls, true, sizeof(bool) * s->t->ncolumns);
	ok = decode_record(s, values, nulls);
	s->in_record = false;
	error_context_stack = s->errcb.previous;
	return ok;
}

/* Start over (rescan). */
void
zfdw_scan_rewind(ZfScanState *s)
{
	zfdw_records_rewind(s);
}

/* Release files and readers; memory goes with the context. */
void
zfdw_scan_end(ZfScanState *s)
{
	zfdw_records_close(s);
	zfdw_progress_end(s->progress);
	s->progress = -1;
	if (s->nrejected > 0 && !s->t->opts.log_verbose && !s->t->opts.log_silent)
		ereport(NOTICE,
				(errmsg("%llu records of foreign table \"%s\" were skipped because of bad values",
						(unsigned long long) s->nrejected, s->t->relname),
				 errhint("Set log_verbosity 'verbose' to see each one.")));
	if (s->nnulled > 0 && !s->t->opts.log_verbose && !s->t->opts.log_silent)
		ereport(NOTICE,
				(errmsg("%llu bad values of foreign table \"%s\" were read as NULL",
						(unsigned long long) s->nnulled, s->t->relname),
				 errhint("Set log_verbosity 'verbose' to see each one.")));
}

/* ---- the callbacks ---- */

/*
 * Open the scan of a ForeignScan node for the plan's columns, with its key
 * quals; given as for zfdw_scan_begin.
 */
static void
begin_node_scan(ForeignScanState *node, const ZfPackedLayout *given)
{
	ForeignScan *plan = (ForeignScan *) node->ss.ps.plan;
	Bitmapset  *needed = NULL;
	ListCell   *lc;
	ZfScanState *s;

	foreach(lc, (List *) list_nth(plan->fdw_private, ZfPrivNeededAttrs))
		needed = bms_add_member(needed, lfirst_int(lc));

	/*
	 * Also for EXPLAIN without ANALYZE: the layout is loaded (EXPLAIN shows
	 * the record length) but no file is opened before the first row.
	 */
	s = zfdw_scan_begin(node->ss.ss_currentRelation, false, needed, given);
	s->econtext = node->ss.ps.ps_ExprContext;
	s->per_tuple_caller = true;	/* ForeignNext runs Iterate in per-tuple memory */
	s->compression_kinds = (unsigned) intVal(list_nth(plan->fdw_private, ZfPrivCompression));
	setup_key_scan(node, s);
	s->filter = zfdw_filter_begin(node, s);
	node->fdw_state = s;
}

/*
 * BeginForeignScan: open the table's layout and files for the plan's
 * columns.  A worker of a parallel scan waits for the layout its leader
 * packed (zfdw_begin_worker_scan), so that it neither reads nor parses
 * the copybook or punch.
 */
void
zfdwBeginForeignScan(ForeignScanState *node, int eflags)
{
	(void) eflags;
	if (IsParallelWorker() && node->ss.ps.plan->parallel_aware)
		return;
	if (((Scan *) node->ss.ps.plan)->scanrelid == 0)
		zfdw_agg_begin(node, NULL); /* a pushed aggregate */
	else
		begin_node_scan(node, NULL);
}

/*
 * Open the scan of a parallel worker with the layout its leader packed
 * (NULL for a layout of column options, which the worker builds); called
 * from InitializeWorkerForeignScan, outside the query's memory.
 */
void
zfdw_begin_worker_scan(ForeignScanState *node, const ZfPackedLayout *given)
{
	MemoryContext old = MemoryContextSwitchTo(node->ss.ps.state->es_query_cxt);

	if (((Scan *) node->ss.ps.plan)->scanrelid == 0)
		zfdw_agg_begin(node, given);	/* a partial pushed aggregate */
	else
		begin_node_scan(node, given);
	MemoryContextSwitchTo(old);
}

/* IterateForeignScan: the next row, or an empty slot at the end. */
TupleTableSlot *
zfdwIterateForeignScan(ForeignScanState *node)
{
	ZfScanState *s = (ZfScanState *) node->fdw_state;
	TupleTableSlot *slot = node->ss.ss_ScanTupleSlot;

	if (((Scan *) node->ss.ps.plan)->scanrelid == 0)
		return zfdw_agg_iterate(node);
	if (s == NULL)
		elog(ERROR, "zfdw: the parallel scan of this worker was not opened");
	for (;;)
	{
		ExprContext *econtext = node->ss.ps.ps_ExprContext;

		ExecClearTuple(slot);
		if (!zfdw_scan_next(s, slot->tts_values, slot->tts_isnull))
			return slot;
		ExecStoreVirtualTuple(slot);
		if (!s->recheck)
			return slot;
		/* the pushed filter was unsure: PostgreSQL tests its clauses */
		s->recheck = false;
		econtext->ecxt_scantuple = slot;
		if (ExecQual(s->filter->recheck, econtext))
			return slot;
		s->npushskipped++;
		/* the rejected row's values are in the per-tuple memory we run in */
		ExecClearTuple(slot);
		MemoryContextReset(econtext->ecxt_per_tuple_memory);
	}
}

/* ReScanForeignScan: start the scan over. */
void
zfdwReScanForeignScan(ForeignScanState *node)
{
	ZfScanState *s = (ZfScanState *) node->fdw_state;

	if (((Scan *) node->ss.ps.plan)->scanrelid == 0)
	{
		zfdw_agg_rescan(node);
		return;
	}
	if (s)
	{
		zfdw_scan_rewind(s);
		if (s->filter)
			s->filter->ready = false;	/* parameters may have changed */
	}
}

/* EndForeignScan: close files and readers (nothing to do in a worker
 * whose scan never opened). */
void
zfdwEndForeignScan(ForeignScanState *node)
{
	ZfScanState *s = (ZfScanState *) node->fdw_state;

	if (((Scan *) node->ss.ps.plan)->scanrelid == 0)
	{
		zfdw_agg_end(node);
		return;
	}
	if (s)
		zfdw_scan_end(s);
}

/* A human name of a record format. */
static const char *
recfm_name(const ZfTableOptions *o)
{
	if (o->format == ZF_FORMAT_DELIMITED)
		return "delimited";
	switch (o->recfm)
	{
		case ZF_RECFM_FB:
			return "fb";
		case ZF_RECFM_VB:
			return "vb";
		case ZF_RECFM_VB_BDW:
			return "vb_bdw";
		case ZF_RECFM_VBS:
			return o->vbs_has_bdw ? "vbs_bdw" : "vbs";
		case ZF_RECFM_TEXT:
			return "text";
	}
	return "?";
}

/*
 * EXPLAIN's lines for compressed inputs: which compression, and what it
 * turns off, when the table could otherwise seek or split its files.
 */
static void
explain_compression(ZfScanState *s, ExplainState *es)
{
	ZfTable    *t = s->t;

	if (!(s->compression_kinds & ZFDW_COMPRESSED_BITS))
		return;
	ExplainPropertyText("Compression", zfdw_compression_names(s->compression_kinds), es);
	if (s->keys_need_seek)
		ExplainPropertyText("Sequential Read",
							"a compressed file is read from start to end: no key seeks, the key condition filters", es);
	else if (zfdw_fixed_length_records(t) || t->key_column >= 0)
		ExplainPropertyText("Sequential Read",
							"a compressed file is read from start to end: no key seeks, parallel workers take whole files", es);
}

/*
 * EXPLAIN's lines of the table a scan reads: the file, its format and
 * layout (also under a pushed aggregate).
 */
void
zfdw_explain_table(ZfScanState *s, ExplainState *es)
{
	const ZfTableOptions *o = &s->t->opts;

	if (o->program)
		ExplainPropertyText("Foreign Program", o->program, es);
	else
		ExplainPropertyText("Foreign File", o->filename, es);
	zfdw_share_explain(s, es);
	ExplainPropertyText("Record Format", recfm_name(o), es);
	zfdw_archive_explain(s->t, es);
	if (s->t->delim)
		zfdw_delim_explain(s->t, es);
	if (zfdw_fixed_length_records(s->t))
		ExplainPropertyInteger("Record Length", "bytes", s->t->lrecl, es);
	ExplainPropertyText("Code Page", o->codepage, es);
	explain_compression(s, es);
	if (o->copybook || o->copybook_text)
		ExplainPropertyText("Copybook Record",
							s->t->rd->name, es);
	else if (o->punch || o->punch_text)
		ExplainPropertyText("Punch Table",
							s->t->rd->name, es);
	if (o->segment_field)
		ExplainPropertyText("Segment Filter",
							psprintf("%s = '%s'", o->segment_field, o->segment_value), es);
	if (o->on_error != ZF_ON_ERROR_STOP)
		ExplainPropertyText("On Error", o->on_error == ZF_ON_ERROR_NULL ? "null" : "skip", es);
}

/* ExplainForeignScan: the file, its format, the layout and, under ANALYZE, the counts. */
void
zfdwExplainForeignScan(ForeignScanState *node, ExplainState *es)
{
	ZfScanState *s = (ZfScanState *) node->fdw_state;
	const ZfTableOptions *o;

	if (((Scan *) node->ss.ps.plan)->scanrelid == 0)
	{
		zfdw_agg_explain(node, es);
		return;
	}
	o = &s->t->opts;
	zfdw_explain_table(s, es);
	zfdw_explain_keys(node, es);
	zfdw_filter_explain(node, es);
	if (es->analyze)
	{
		/* this process's records and those of its parallel workers */
		uint64		nfiltered = s->nfiltered + s->workers_nfiltered;
		uint64		nnulled = s->nnulled + s->workers_nnulled;

		if (s->keys)
			ExplainPropertyInteger("Key Seeks", NULL, (int64) s->nseeks, es);
		ExplainPropertyInteger("Records Read", NULL,
							   (int64) (s->nread + s->workers_nread), es);
		if (nfiltered > 0 || es->verbose)
			ExplainPropertyInteger("Records Filtered", NULL, (int64) nfiltered, es);
		if (s->filter)
			ExplainPropertyInteger("Records Skipped by Pushed Filter", NULL,
								   (int64) (s->npushskipped + s->workers_npushskipped), es);
		ExplainPropertyInteger("Records Rejected", NULL,
							   (int64) (s->nrejected + s->workers_nrejected), es);
		if (nnulled > 0)
			ExplainPropertyInteger("Values Nulled", NULL, (int64) nnulled, es);
		if (o->filename && zf_s3_is_url(o->filename))
		{
			zf_s3_stats st;

			/* this process's requests and those of its parallel workers */
			zfdw_source_s3_stats(&s->src, &st);
			st.requests += s->workers_s3.requests;
			st.bytes += s->workers_s3.bytes;
			st.retries += s->workers_s3.retries;
			ExplainPropertyInteger("S3 Requests", NULL, (int64) st.requests, es);
			ExplainPropertyInteger("S3 Bytes Received", NULL, (int64) st.bytes, es);
			ExplainPropertyInteger("S3 Retries", NULL, (int64) st.retries, es);
		}
	}
}

/*
 * A key clause as EXPLAIN shows it: the table's column first ("key = $1"),
 * whichever side the planner put it on, so that the line reads the same
 * on every PostgreSQL version (16 builds parameterized join clauses the
 * other way round from 15).
 */
static Node *
key_clause_for_explain(Node *clause, Index scanrelid)
{
	OpExpr	   *op;
	OpExpr	   *commuted;
	Oid			commutator;

	if (!IsA(clause, OpExpr) || list_length(((OpExpr *) clause)->args) != 2)
		return clause;
	op = (OpExpr *) clause;
	if (!IsA(lsecond(op->args), Var) ||
		((Var *) lsecond(op->args))->varno != (int) scanrelid ||
		(IsA(linitial(op->args), Var) &&
		 ((Var *) linitial(op->args))->varno == (int) scanrelid))
		return clause;
	commutator = get_commutator(op->opno);
	if (!OidIsValid(commutator))
		return clause;
	commuted = (OpExpr *) copyObject(op);
	commuted->opno = commutator;
	commuted->opfuncid = InvalidOid;
	commuted->args = list_make2(lsecond(op->args), linitial(op->args));
	return (Node *) commuted;
}

/* EXPLAIN's line for the key conditions a scan seeks with. */
void
zfdw_explain_keys(ForeignScanState *node, ExplainState *es)
{
	ZfScanState *s = (ZfScanState *) node->fdw_state;
	List	   *context;
	StringInfoData buf;
	ListCell   *lc;

	if (s == NULL || s->keys == NULL)
		return;
	context = set_deparse_context_plan(es->deparse_cxt, node->ss.ps.plan, NIL);
	initStringInfo(&buf);
	foreach(lc, s->keys->clauses)
		appendStringInfo(&buf, "%s%s", buf.len ? " AND " : "",
						 deparse_expression(key_clause_for_explain(lfirst(lc),
																   ((Scan *) node->ss.ps.plan)->scanrelid),
											context, false, false));
	ExplainPropertyText("Key Condition", buf.data, es);
}
