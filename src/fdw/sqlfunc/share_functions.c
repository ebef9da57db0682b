/*-------------------------------------------------------------------------
 *
 * share_functions.c
 *	  zfdw.share_input(): what a table with share options reads, as its
 *	  server sees it: the input as a whole (files, bytes, a digest of
 *	  the base names and sizes) and the table's share of it (files, or
 *	  the range of records of its one file).  zfdw.check_shards (in
 *	  sql/62_shards.sql) compares it across the nodes of a fan-out: the
 *	  nodes must see the same input for their shares to be disjoint and
 *	  complete.
 *
 * It opens the table as a scan does (so the share is computed by the
 * same code, shares.c) and needs the right to read the table.
 *
 *-------------------------------------------------------------------------
 */
#include "zfdw.h"

#include "access/htup_details.h"
#include "access/table.h"
#include "foreign/foreign.h"
#include "funcapi.h"
#include "miscadmin.h"
#include "utils/acl.h"
#include "utils/builtins.h"
#include "utils/fmgrprotos.h"
#include "utils/lsyscache.h"
#include "utils/rel.h"

#include "scan/scan.h"

PG_FUNCTION_INFO_V1(zfdw_share_input);

/*
 * zfdw.share_input(tab regclass): one row of share_count, share_index,
 * input_files, input_bytes, input_digest, share_files, first_record,
 * end_record (1-based, inclusive; NULL when the share is whole files).
 */
Datum
zfdw_share_input(PG_FUNCTION_ARGS)
{
	Oid			relid = PG_GETARG_OID(0);
	TupleDesc	tupdesc;
	Datum		values[8];
	bool		nulls[8];
	Relation	rel;
	ZfScanState *s;
	List	   *all;
	ListCell   *lc;
	int64		bytes = 0;
	StringInfoData names;
	AclResult	acl;

	if (get_call_result_type(fcinfo, NULL, &tupdesc) != TYPEFUNC_COMPOSITE)
		elog(ERROR, "zfdw: share_input must return a row");
	acl = pg_class_aclcheck(relid, GetUserId(), ACL_SELECT);
	if (acl != ACLCHECK_OK)
		aclcheck_error(acl, OBJECT_FOREIGN_TABLE, get_rel_name(relid));
	rel = table_open(relid, AccessShareLock);
	if (rel->rd_rel->relkind != RELKIND_FOREIGN_TABLE ||
		strcmp(GetForeignDataWrapper(GetForeignServer(GetForeignTable(relid)->serverid)->fdwid)->fdwname,
			   "zfdw") != 0)
		ereport(ERROR,
				(errcode(ERRCODE_WRONG_OBJECT_TYPE),
				 errmsg("\"%s\" is not a zfdw foreign table", RelationGetRelationName(rel))));
	s = zfdw_scan_begin(rel, true, NULL, NULL);
	if (s->t->opts.program)
		ereport(ERROR,
				(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				 errmsg("foreign table \"%s\" reads a program, which has no shares",
						RelationGetRelationName(rel))));

	/* the whole input, in name order: count, bytes, base names and sizes */
	all = zfdw_expand_files(s->t->opts.serverid, s->t->opts.filename, false);
	initStringInfo(&names);
	foreach(lc, all)
	{
		const char *f = lfirst(lc);
		const char *base = strrchr(f, '/');
		int64		size = zfdw_file_size(s->t->opts.serverid, f);

		bytes += Max(size, 0);
		appendStringInfo(&names, "%s\t" INT64_FORMAT "\n", base ? base + 1 : f, size);
	}

	memset(nulls, false, sizeof(nulls));
	values[0] = Int32GetDatum(s->t->opts.share_count > 0 ? s->t->opts.share_count : 1);
	values[1] = Int32GetDatum(s->t->opts.share_index);
	values[2] = Int32GetDatum(list_length(all));
	values[3] = Int64GetDatum(bytes);
	values[4] = DirectFunctionCall1(md5_text, PointerGetDatum(cstring_to_text(names.data)));
	values[5] = Int32GetDatum(list_length(s->src.files));
	if (s->share_by_records)
	{
		values[6] = Int64GetDatum((int64) s->share_first + 1);
		values[7] = Int64GetDatum((int64) s->share_end);
	}
	else
		nulls[6] = nulls[7] = true;
	zfdw_scan_end(s);
	table_close(rel, AccessShareLock);
	PG_RETURN_DATUM(HeapTupleGetDatum(heap_form_tuple(tupdesc, values, nulls)));
}
