/*-------------------------------------------------------------------------
 *
 * zfdw.c
 *	  Module entry points of the zfdw foreign-data wrapper: the handler,
 *	  the validator, and the settings (GUCs) that bound what a layout and
 *	  a record may hold.
 *
 *-------------------------------------------------------------------------
 */
#include "zfdw.h"

#include "access/reloptions.h"
#include "foreign/fdwapi.h"
#include "utils/guc.h"

#include "modify/modify.h"
#include "scan/s3_access.h"
#include "scan/agg.h"
#include "scan/filter.h"
#include "scan/scan.h"
#include "subscription/subscription.h"
#include "diag/diag.h"
#include "apply/apply.h"

PG_MODULE_MAGIC;

PG_FUNCTION_INFO_V1(zfdw_handler);
PG_FUNCTION_INFO_V1(zfdw_validator);

/* Limits, settable by superusers (see the README's "Errors and limits"). */
int			zfdw_max_record_length = 64 * 1024 * 1024;
int			zfdw_max_occurs = 1000000;
int			zfdw_max_fields = 100000;
int			zfdw_max_error_bytes = 32;
int			zfdw_max_layout_source = 16 * 1024 * 1024;
int			zfdw_parallel_chunk_size = 4 * 1024 * 1024;
bool		zfdw_apply_progress = true;

void		_PG_init(void);

/* Define the settings once per backend. */
void
_PG_init(void)
{
	zfdw_s3_define_settings();
	DefineCustomIntVariable("zfdw.max_record_length",
							"Longest record, in bytes, a scan accepts.",
							"Also bounds the record length of a copybook or punch layout.",
							&zfdw_max_record_length,
							64 * 1024 * 1024, 1, MaxAllocSize / 4,
							PGC_SUSET, GUC_UNIT_BYTE, NULL, NULL, NULL);
	DefineCustomIntVariable("zfdw.max_occurs",
							"Most occurrences an OCCURS table may declare.",
							NULL,
							&zfdw_max_occurs,
							1000000, 1, 100000000,
							PGC_SUSET, 0, NULL, NULL, NULL);
	DefineCustomIntVariable("zfdw.max_fields",
							"Most fields a copybook or punch may define.",
							NULL,
							&zfdw_max_fields,
							100000, 1, 10000000,
							PGC_SUSET, 0, NULL, NULL, NULL);
	DefineCustomIntVariable("zfdw.max_layout_source",
							"Largest copybook or punch, in bytes, a layout is parsed from.",
							"Bounds the copybook, copybook_text, punch and punch_text options and the text given to copybook_layout().",
							&zfdw_max_layout_source,
							16 * 1024 * 1024, 1024, MaxAllocSize / 4,
							PGC_SUSET, GUC_UNIT_BYTE, NULL, NULL, NULL);
	DefineCustomIntVariable("zfdw.max_error_bytes",
							"Most bytes of a bad field shown in hex in an error message.",
							NULL,
							&zfdw_max_error_bytes,
							32, 1, 64,
							PGC_USERSET, 0, NULL, NULL, NULL);
	DefineCustomIntVariable("zfdw.parallel_chunk_size",
							"Bytes of a fixed-length file a parallel worker takes at a time.",
							NULL,
							&zfdw_parallel_chunk_size,
							4 * 1024 * 1024, 1, 1024 * 1024 * 1024,
							PGC_USERSET, GUC_UNIT_BYTE, NULL, NULL, NULL);
	zfdw_sub_init();
	DefineCustomBoolVariable("zfdw.plausibility_checks",
							 "Compare a table's options with the first bytes of its file at the start of each scan.",
							 "Reports a record length, record format, code page or transfer that does not fit the data.",
							 &zfdw_plausibility_checks,
							 true, PGC_USERSET, 0, NULL, NULL, NULL);
	DefineCustomBoolVariable("zfdw.check_codepage",
							 "Warn when text fields read as symbols inside words that another EBCDIC page reads as letters.",
							 NULL,
							 &zfdw_check_codepage,
							 true, PGC_USERSET, 0, NULL, NULL, NULL);
	DefineCustomBoolVariable("zfdw.apply_progress",
							 "Report each committed batch of apply_changes_batched as a NOTICE.",
							 "The notice names the source transactions applied, the counts and the position reached; its detail the rate.",
							 &zfdw_apply_progress,
							 true, PGC_USERSET, 0, NULL, NULL, NULL);
	DefineCustomBoolVariable("zfdw.enable_filter_pushdown",
							 "Evaluates restriction clauses on the record bytes, before decoding.",
							 "Only clauses provably equal to PostgreSQL's comparison are pushed; the others stay in PostgreSQL's filter.",
							 &zfdw_enable_filter_pushdown,
							 true,
							 PGC_USERSET, 0, NULL, NULL, NULL);
	DefineCustomBoolVariable("zfdw.enable_aggregate_pushdown",
							 "Computes count, sum, avg, min and max with GROUP BY inside the scan.",
							 "Only queries over one table whose conditions are all pushed filters qualify.",
							 &zfdw_enable_aggregate_pushdown,
							 true,
							 PGC_USERSET, 0, NULL, NULL, NULL);
	MarkGUCPrefixReserved("zfdw");
	zfdw_progress_init();
}

/* Return the FdwRoutine with zfdw's planner and executor callbacks. */
Datum
zfdw_handler(PG_FUNCTION_ARGS)
{
	FdwRoutine *routine = makeNode(FdwRoutine);

	(void) fcinfo;
	routine->GetForeignRelSize = zfdwGetForeignRelSize;
	routine->GetForeignPaths = zfdwGetForeignPaths;
	routine->GetForeignPlan = zfdwGetForeignPlan;
	routine->GetForeignUpperPaths = zfdwGetForeignUpperPaths;
	routine->BeginForeignScan = zfdwBeginForeignScan;
	routine->IterateForeignScan = zfdwIterateForeignScan;
	routine->ReScanForeignScan = zfdwReScanForeignScan;
	routine->EndForeignScan = zfdwEndForeignScan;
	routine->ExplainForeignScan = zfdwExplainForeignScan;
	routine->AnalyzeForeignTable = zfdwAnalyzeForeignTable;
	routine->ImportForeignSchema = zfdwImportForeignSchema;
	routine->IsForeignRelUpdatable = zfdwIsForeignRelUpdatable;
	routine->PlanForeignModify = zfdwPlanForeignModify;
	routine->BeginForeignModify = zfdwBeginForeignModify;
	routine->ExecForeignInsert = zfdwExecForeignInsert;
	routine->EndForeignModify = zfdwEndForeignModify;
	routine->BeginForeignInsert = zfdwBeginForeignInsert;
	routine->EndForeignInsert = zfdwEndForeignInsert;
	routine->ExplainForeignModify = zfdwExplainForeignModify;
	routine->IsForeignScanParallelSafe = zfdwIsForeignScanParallelSafe;
	routine->EstimateDSMForeignScan = zfdwEstimateDSMForeignScan;
	routine->InitializeDSMForeignScan = zfdwInitializeDSMForeignScan;
	routine->ReInitializeDSMForeignScan = zfdwReInitializeDSMForeignScan;
	routine->InitializeWorkerForeignScan = zfdwInitializeWorkerForeignScan;
	routine->ShutdownForeignScan = zfdwShutdownForeignScan;
	PG_RETURN_POINTER(routine);
}

/*
 * Validate the options of a server, a user mapping, a foreign table or a
 * column (see options.c).
 */
Datum
zfdw_validator(PG_FUNCTION_ARGS)
{
	List	   *options = untransformRelOptions(PG_GETARG_DATUM(0));
	Oid			catalog = PG_GETARG_OID(1);

	zfdw_validate_options(options, catalog);
	PG_RETURN_VOID();
}
