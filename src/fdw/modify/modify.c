/*-------------------------------------------------------------------------
 *
 * modify.c
 *	  The executor callbacks that write a zfdw foreign table: INSERT (and
 *	  INSERT ... SELECT), COPY ... FROM, and their EXPLAIN.
 *
 * A table writes when its option writable is true (which only superusers
 * and members of pg_write_server_files may set: options.c).  Each row is
 * encoded into one record (modify_encode.c), framed as the table's recfm
 * says (core's record writer) and appended to the transaction's new
 * version of the file (modify_file.c), which replaces the file at commit.
 * UPDATE and DELETE are refused: a sequential file has no row identity to
 * change in place.
 *
 *-------------------------------------------------------------------------
 */
#include "modify/modify.h"

#include "access/table.h"
#include "commands/explain.h"
#include "executor/executor.h"
#include "foreign/fdwapi.h"
#include "miscadmin.h"
#include "nodes/nodeFuncs.h"
#include "optimizer/optimizer.h"
#include "parser/parsetree.h"
#include "utils/rel.h"

#include "bind/binding_int.h"
#include "diag/diag.h"
#include "records/record_writer.h"

/* Rows between two updates of zfdw.progress, as scans do. */
#define PROGRESS_EVERY	1024

/* The state of one INSERT or COPY into one foreign table. */
typedef struct ZfModifyState
{
	ZfTable    *t;
	ZfRowEncoder *enc;
	ZfPendingWrite *pw;
	zf_record_writer *writer;
	uint64		rows;
	bool		explain_only;
	int			progress;		/* slot of zfdw.progress, -1 none */
} ZfModifyState;

/* Names of recfms, for EXPLAIN. */
static const char *
recfm_name(zf_recfm recfm)
{
	switch (recfm)
	{
		case ZF_RECFM_FB:
			return "fb";
		case ZF_RECFM_VB:
			return "vb";
		case ZF_RECFM_VB_BDW:
			return "vb_bdw";
		case ZF_RECFM_VBS:
			return "vbs";
		case ZF_RECFM_TEXT:
			return "text";
	}
	return "?";
}

/* Free a record writer with the memory context of its state. */
static void
free_writer_callback(void *arg)
{
	zf_record_writer_free((zf_record_writer *) arg);
}

/* Free the progress slot of a write when its memory goes (an error). */
static void
progress_end_callback(void *arg)
{
	ZfModifyState *ms = arg;

	zfdw_progress_end(ms->progress);
	ms->progress = -1;
}

/* Show in zfdw.progress the records and bytes written so far. */
static void
progress_update(ZfModifyState *ms)
{
	zfdw_progress_update(ms->progress, NULL,
						 (int64) zf_record_writer_bytes(ms->writer),
						 (int64) zf_record_writer_records(ms->writer));
}

/* Refuse a table that does not write, with what to do about it. */
static void
check_writable(Relation rel, const ZfTableOptions *opts)
{
	if (!opts->writable)
		ereport(ERROR,
				(errcode(ERRCODE_WRONG_OBJECT_TYPE),
				 errmsg("foreign table \"%s\" is not writable",
						RelationGetRelationName(rel)),
				 errhint("A superuser or a member of pg_write_server_files may set OPTIONS (writable 'true') on it.")));
	if (opts->filename == NULL)
		ereport(ERROR,
				(errcode(ERRCODE_FDW_DYNAMIC_PARAMETER_VALUE_NEEDED),
				 errmsg("writable foreign table \"%s\" needs a filename option",
						RelationGetRelationName(rel))));

	/*
	 * INSERT appends plain records to the file as it is: into a container
	 * or a compressed file they would make it unreadable.
	 */
	if (opts->container != NULL && pg_strcasecmp(opts->container, "none") != 0)
		ereport(ERROR,
				(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				 errmsg("writable foreign table \"%s\" has container '%s': INSERT writes plain record files",
						RelationGetRelationName(rel), opts->container)));
	if (opts->compression != ZF_COMPRESSION_AUTO &&
		opts->compression != ZF_COMPRESSION_NONE)
		ereport(ERROR,
				(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				 errmsg("writable foreign table \"%s\" is compressed: INSERT writes uncompressed records",
						RelationGetRelationName(rel)),
				 errhint("Write to an uncompressed file, and compress it afterwards if need be.")));
	if (opts->compression == ZF_COMPRESSION_AUTO &&
		zfdw_file_compression(opts->serverid, opts->filename,
							  ZF_COMPRESSION_AUTO) != ZF_COMPRESSION_NONE)
		ereport(ERROR,
				(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				 errmsg("file \"%s\" of writable foreign table \"%s\" is compressed: INSERT appends uncompressed records",
						opts->filename, RelationGetRelationName(rel)),
				 errhint("Write to an uncompressed file, and compress it afterwards if need be.")));
}

/* Every zfdw table may be the target of INSERT; UPDATE and DELETE are refused in the planner. */
int
zfdwIsForeignRelUpdatable(Relation rel)
{
	(void) rel;
	return (1 << CMD_INSERT) | (1 << CMD_UPDATE) | (1 << CMD_DELETE);
}

/* Check the statement: INSERT into a writable table, nothing else. */
List *
zfdwPlanForeignModify(PlannerInfo *root, ModifyTable *plan,
					  Index resultRelation, int subplan_index)
{
	RangeTblEntry *rte = planner_rt_fetch(resultRelation, root);
	Relation	rel;
	ZfTableOptions opts;

	(void) subplan_index;
	rel = table_open(rte->relid, NoLock);
	if (plan->operation != CMD_INSERT)
		ereport(ERROR,
				(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				 errmsg("cannot %s foreign table \"%s\": zfdw only appends records",
						plan->operation == CMD_UPDATE ? "update" : "delete from",
						RelationGetRelationName(rel)),
				 errdetail("A sequential file has no row identity to change in place."),
				 errhint("Write the changed rows into a new table with INSERT ... SELECT.")));
	if (plan->onConflictAction != ONCONFLICT_NONE)
		ereport(ERROR,
				(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				 errmsg("INSERT with ON CONFLICT is not supported on zfdw foreign tables")));
	zfdw_get_table_options(rte->relid, &opts);
	check_writable(rel, &opts);
	table_close(rel, NoLock);
	return NIL;
}

/* Set up the writing of rows into the table of rinfo. */
static ZfModifyState *
begin_write(ResultRelInfo *rinfo, bool explain_only)
{
	Relation	rel = rinfo->ri_RelationDesc;
	ZfModifyState *ms = palloc0(sizeof(ZfModifyState));
	zf_writer_opts wo;
	zf_error	err;

	ms->explain_only = explain_only;
	ms->progress = -1;
	ms->t = zfdw_open_table(rel, true, NULL, NULL);
	check_writable(rel, &ms->t->opts);
	if (explain_only)
		return ms;
	if (ms->t->opts.recfm != ZF_RECFM_FB && ms->t->opts.recfm != ZF_RECFM_VB &&
		ms->t->opts.recfm != ZF_RECFM_VB_BDW)
		ereport(ERROR,
				(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				 errmsg("foreign table \"%s\" has recfm %s: INSERT writes fb, vb and vb_bdw",
						ms->t->relname, recfm_name(ms->t->opts.recfm))));
	ms->enc = zfdw_encoder_create(ms->t);
	ms->pw = zfdw_write_begin_server(ms->t->opts.serverid, ms->t->opts.filename);
	zf_writer_opts_default(&wo);
	wo.recfm = ms->t->opts.recfm;
	wo.lrecl = ms->t->lrecl;
	wo.rdw_big_endian = ms->t->opts.rdw_big_endian;
	wo.rdw_includes_header = ms->t->opts.rdw_includes_header;
	wo.blksize = (uint32) ms->t->opts.blksize;
	if (wo.recfm == ZF_RECFM_VB_BDW && !ms->t->opts.bdw_big_endian)
		ereport(ERROR,
				(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				 errmsg("INSERT writes block descriptors as z/OS does: bdw_byte_order 'big'")));
	zf_error_clear(&err);
	ms->writer = zf_record_writer_new(zfdw_write_sink(ms->pw), &wo, &err);
	if (ms->writer == NULL)
		zfdw_report(ERROR, &err, NULL);
	zfdw_free_with_context(free_writer_callback, ms->writer);
	ms->progress = zfdw_progress_begin(ZF_PROGRESS_WRITE, RelationGetRelid(rel),
									   ms->t->opts.filename, -1);
	zfdw_free_with_context(progress_end_callback, ms);
	return ms;
}

void
zfdwBeginForeignModify(ModifyTableState *mtstate, ResultRelInfo *rinfo,
					   List *fdw_private, int subplan_index, int eflags)
{
	(void) mtstate;
	(void) fdw_private;
	(void) subplan_index;
	rinfo->ri_FdwState = begin_write(rinfo, (eflags & EXEC_FLAG_EXPLAIN_ONLY) != 0);
}

void
zfdwBeginForeignInsert(ModifyTableState *mtstate, ResultRelInfo *rinfo)
{
	(void) mtstate;
	rinfo->ri_FdwState = begin_write(rinfo, false);
}

TupleTableSlot *
zfdwExecForeignInsert(EState *estate, ResultRelInfo *rinfo,
					  TupleTableSlot *slot, TupleTableSlot *planSlot)
{
	ZfModifyState *ms = rinfo->ri_FdwState;
	const uint8 *rec;
	uint32		len;
	zf_error	err;

	(void) estate;
	(void) planSlot;
	slot_getallattrs(slot);
	ms->rows++;
	zfdw_encode_row(ms->enc, slot->tts_values, slot->tts_isnull, ms->rows, &rec, &len);
	/* zf_error_set clears the value when it sets one: mark it empty only */
	err.status = ZF_OK;
	err.message[0] = err.detail[0] = err.hint[0] = '\0';
	if (zf_record_write(ms->writer, rec, len, &err) != ZF_OK)
	{
		if (err.status == ZF_E_IO)
		{
			/* a cancel seen inside an upload is reported as the cancel */
			CHECK_FOR_INTERRUPTS();
			zfdw_report(ERROR, &err, ms->t->opts.filename);
		}
		ereport(ERROR,
				(errcode(zfdw_sqlstate(err.status)),
				 errmsg("%s", err.message),
				 err.detail[0] ? errdetail("%s", err.detail) : 0,
				 errcontext("foreign table \"%s\", row %llu", ms->t->relname,
							(unsigned long long) ms->rows)));
	}
	if (ms->rows % PROGRESS_EVERY == 0)
		progress_update(ms);
	return slot;
}

/* Write out what the record writer holds back (a vb_bdw block). */
static void
end_write(ZfModifyState *ms)
{
	zf_error	err;

	if (ms == NULL || ms->writer == NULL)
		return;
	zf_error_clear(&err);
	if (zf_record_writer_flush(ms->writer, &err) != ZF_OK)
	{
		CHECK_FOR_INTERRUPTS();
		zfdw_report(ERROR, &err, ms->t->opts.filename);
	}
	zfdw_progress_end(ms->progress);
	ms->progress = -1;
}

void
zfdwEndForeignModify(EState *estate, ResultRelInfo *rinfo)
{
	(void) estate;
	end_write(rinfo->ri_FdwState);
}

void
zfdwEndForeignInsert(EState *estate, ResultRelInfo *rinfo)
{
	(void) estate;
	end_write(rinfo->ri_FdwState);
}

/* EXPLAIN: the file, its format and code page; under ANALYZE what was written. */
void
zfdwExplainForeignModify(ModifyTableState *mtstate, ResultRelInfo *rinfo,
						 List *fdw_private, int subplan_index,
						 ExplainState *es)
{
	ZfModifyState *ms = rinfo->ri_FdwState;

	(void) mtstate;
	(void) fdw_private;
	(void) subplan_index;
	if (ms == NULL)
		return;
	ExplainPropertyText("zfdw File", ms->t->opts.filename, es);
	ExplainPropertyText("zfdw Record Format", recfm_name(ms->t->opts.recfm), es);
	ExplainPropertyText("zfdw Code Page", zf_codepage_name(ms->t->cp), es);
	if (es->analyze && ms->writer != NULL)
	{
		ExplainPropertyUInteger("zfdw Records Written", NULL,
								zf_record_writer_records(ms->writer), es);
		ExplainPropertyUInteger("zfdw Bytes Written", NULL,
								zf_record_writer_bytes(ms->writer), es);
	}
}
