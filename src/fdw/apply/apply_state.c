/*-------------------------------------------------------------------------
 *
 * apply_state.c
 *	  The high-water mark of each target in zfdw.apply_state, and
 *	  zfdw.reset_apply_state.
 *
 * apply_state has one row per target: the position of the last change
 * applied (high_water, each position column's value in its type's binary
 * send form, so that reading it back depends on no DateStyle or locale),
 * the same for people (high_water_text), the position columns' names and
 * types, the last transaction id and commit time applied, when, and
 * running counts.  The row is locked (FOR UPDATE) for the whole of each
 * apply transaction and updated in the same transaction as the target
 * rows, so the mark never runs ahead of or behind the data.
 *
 * Ordinary users may read apply_state but not write it: the apply writes
 * it as the table's owner, after having checked that the caller may write
 * the target.  Those statements are fixed text with parameters, and name
 * their operators through pg_catalog, so that no object of the caller's
 * search_path runs with the owner's rights.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "access/htup_details.h"
#include "catalog/namespace.h"
#include "catalog/pg_class.h"
#include "catalog/pg_type.h"
#include "executor/spi.h"
#include "miscadmin.h"
#include "utils/acl.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/datum.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"
#include "utils/syscache.h"
#include "utils/timestamp.h"

#include "apply/apply.h"

PG_FUNCTION_INFO_V1(zfdw_reset_apply_state);

/* The qualified, quoted name of apply_state. */
static char *
state_table(const ApplySpec *spec)
{
	return quote_qualified_identifier(get_namespace_name(spec->state_schema),
									  "apply_state");
}

/* The owner of apply_state, whose rights its statements run with. */
static Oid
state_owner(Oid schema)
{
	Oid			relid = get_relname_relid("apply_state", schema);
	HeapTuple	tuple;
	Oid			owner;

	if (!OidIsValid(relid))
		ereport(ERROR,
				(errcode(ERRCODE_UNDEFINED_TABLE),
				 errmsg("table apply_state of extension zfdw does not exist")));
	tuple = SearchSysCache1(RELOID, ObjectIdGetDatum(relid));
	if (!HeapTupleIsValid(tuple))
		elog(ERROR, "cache lookup failed for relation %u", relid);
	owner = ((Form_pg_class) GETSTRUCT(tuple))->relowner;
	ReleaseSysCache(tuple);
	return owner;
}

/*
 * Run one statement on apply_state as its owner.  The SPI result is left
 * in SPI_tuptable for the caller.
 */
static void
state_execute(Oid schema, const char *sql, int nargs, Oid *argtypes,
			  Datum *values, const char *nulls, int expected)
{
	MemoryContext cxt = CurrentMemoryContext;
	Oid			save_userid;
	int			save_sec_context;
	int			rc;

	GetUserIdAndSecContext(&save_userid, &save_sec_context);
	SetUserIdAndSecContext(state_owner(schema),
						   save_sec_context | SECURITY_LOCAL_USERID_CHANGE |
						   SECURITY_RESTRICTED_OPERATION);
	rc = SPI_execute_with_args(sql, nargs, argtypes, values, nulls, false, 0);
	SetUserIdAndSecContext(save_userid, save_sec_context);
	MemoryContextSwitchTo(cxt);
	if (rc != expected)
		elog(ERROR, "zfdw: statement on apply_state failed: %s",
			 SPI_result_code_string(rc));
}

/* text[] of the position column names, regtype[] of their types */
static void
position_arrays(const ApplySpec *spec, Datum *names, Datum *types)
{
	Datum	   *n = palloc(sizeof(Datum) * spec->npos);
	Datum	   *t = palloc(sizeof(Datum) * spec->npos);

	for (int i = 0; i < spec->npos; i++)
	{
		n[i] = CStringGetTextDatum(spec->pos_names[i]);
		t[i] = ObjectIdGetDatum(spec->pos_types[i]);
	}
	*names = PointerGetDatum(construct_array(n, spec->npos, TEXTOID, -1,
											 false, TYPALIGN_INT));
	*types = PointerGetDatum(construct_array(t, spec->npos, REGTYPEOID,
											 sizeof(Oid), true, TYPALIGN_INT));
}

/* Append value to buf, quoted as record_out would when it needs it. */
static void
append_row_item(StringInfo buf, const char *value)
{
	bool		quote = value[0] == '\0';

	for (const char *p = value; *p && !quote; p++)
		quote = (*p == '"' || *p == '\\' || *p == '(' || *p == ')' ||
				 *p == ',' || isspace((unsigned char) *p));
	if (!quote)
	{
		appendStringInfoString(buf, value);
		return;
	}
	appendStringInfoChar(buf, '"');
	for (const char *p = value; *p; p++)
	{
		if (*p == '"' || *p == '\\')
			appendStringInfoChar(buf, *p);
		appendStringInfoChar(buf, *p);
	}
	appendStringInfoChar(buf, '"');
}

/* The mark for people: the value, or "(v1,v2)" for several columns. */
static char *
mark_text(const ApplySpec *spec, Datum *values)
{
	StringInfoData buf;

	initStringInfo(&buf);
	for (int i = 0; i < spec->npos; i++)
	{
		Oid			out;
		bool		varlena;
		char	   *s;

		getTypeOutputInfo(spec->pos_types[i], &out, &varlena);
		s = OidOutputFunctionCall(out, values[i]);
		if (spec->npos == 1)
			return s;
		appendStringInfoChar(&buf, i == 0 ? '(' : ',');
		append_row_item(&buf, s);
	}
	appendStringInfoChar(&buf, ')');
	return buf.data;
}

/*
 * Fill mark from the position values of a record (copied into the current
 * memory context, with their binary form).
 */
void
zfdw_apply_mark_from_values(const ApplySpec *spec, ApplyMark *mark, Datum *values)
{
	mark->valid = true;
	mark->n = spec->npos;
	mark->values = palloc(sizeof(Datum) * spec->npos);
	mark->raw = palloc(sizeof(bytea *) * spec->npos);
	for (int i = 0; i < spec->npos; i++)
	{
		Oid			send;
		bool		varlena;
		int16		typlen;
		bool		typbyval;

		get_typlenbyval(spec->pos_types[i], &typlen, &typbyval);
		mark->values[i] = datumCopy(values[i], typbyval, typlen);
		getTypeBinaryOutputInfo(spec->pos_types[i], &send, &varlena);
		mark->raw[i] = OidSendFunctionCall(send, mark->values[i]);
	}
	mark->text = mark_text(spec, mark->values);
}

/* Decode a stored bytea[] mark into mark. */
static void
mark_from_stored(const ApplySpec *spec, ApplyMark *mark, ArrayType *stored)
{
	Datum	   *elems;
	bool	   *nulls;
	int			nelems;
	Datum	   *values;

	deconstruct_array(stored, BYTEAOID, -1, false, TYPALIGN_INT,
					  &elems, &nulls, &nelems);
	if (nelems != spec->npos)
		ereport(ERROR,
				(errcode(ERRCODE_DATA_CORRUPTED),
				 errmsg("the high-water mark of %s has %d values for %d position columns",
						spec->target_label, nelems, spec->npos)));
	values = palloc(sizeof(Datum) * nelems);
	for (int i = 0; i < nelems; i++)
	{
		bytea	   *raw = DatumGetByteaPP(elems[i]);
		StringInfoData buf;
		Oid			recv;
		Oid			ioparam;

		if (nulls[i])
			ereport(ERROR,
					(errcode(ERRCODE_DATA_CORRUPTED),
					 errmsg("the high-water mark of %s has a null value",
							spec->target_label)));
		getTypeBinaryInputInfo(spec->pos_types[i], &recv, &ioparam);
		initStringInfo(&buf);
		appendBinaryStringInfo(&buf, VARDATA_ANY(raw), VARSIZE_ANY_EXHDR(raw));
		values[i] = OidReceiveFunctionCall(recv, &buf, ioparam, -1);
	}
	zfdw_apply_mark_from_values(spec, mark, values);
}

/*
 * Make sure target has a row in apply_state, lock it for this transaction
 * and read its high-water mark into mark (valid = false when nothing was
 * applied yet).  The mark must have been made with positions of the same
 * types as the source's.
 */
void
zfdw_apply_state_lock(const ApplySpec *spec, ApplyMark *mark)
{
	char	   *table = state_table(spec);
	Oid			argtypes[4] = {REGCLASSOID, TEXTOID, TEXTARRAYOID, REGTYPEARRAYOID};
	Datum		values[4];
	bool		isnull;
	Datum		stored;

	values[0] = ObjectIdGetDatum(spec->target_oid);
	values[1] = CStringGetTextDatum(spec->source_label);
	position_arrays(spec, &values[2], &values[3]);
	state_execute(spec->state_schema,
				  psprintf("INSERT INTO %s (target, source, position_columns, position_types)"
						   " VALUES ($1, $2, $3, $4) ON CONFLICT (target) DO NOTHING",
						   table),
				  4, argtypes, values, NULL, SPI_OK_INSERT);
	state_execute(spec->state_schema,
				  psprintf("SELECT high_water, position_types FROM %s"
						   " WHERE target OPERATOR(pg_catalog.=) $1 FOR UPDATE",
						   table),
				  1, argtypes, values, NULL, SPI_OK_SELECT);
	if (SPI_processed != 1)
		elog(ERROR, "zfdw: apply_state row of %s vanished", spec->target_label);

	mark->valid = false;
	stored = SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1, &isnull);
	if (isnull)
	{
		SPI_freetuptable(SPI_tuptable);
		return;
	}

	/* positions of other types cannot be compared with the mark */
	{
		Datum		typesd = SPI_getbinval(SPI_tuptable->vals[0],
										   SPI_tuptable->tupdesc, 2, &isnull);
		ArrayType  *types = DatumGetArrayTypeP(typesd);
		Datum	   *elems;
		bool	   *nulls;
		int			nelems;
		bool		same;

		deconstruct_array(types, REGTYPEOID, sizeof(Oid), true, TYPALIGN_INT,
						  &elems, &nulls, &nelems);
		same = nelems == spec->npos;
		for (int i = 0; i < nelems && same; i++)
			same = DatumGetObjectId(elems[i]) == spec->pos_types[i];
		if (!same)
		{
			StringInfoData names;

			initStringInfo(&names);
			for (int i = 0; i < nelems; i++)
				appendStringInfo(&names, "%s%s", i > 0 ? ", " : "",
								 format_type_be(DatumGetObjectId(elems[i])));
			ereport(ERROR,
					(errcode(ERRCODE_DATATYPE_MISMATCH),
					 errmsg("the position columns of %s do not match the high-water mark of %s",
							spec->source_label, spec->target_label),
					 errdetail("The mark was stored for positions of type (%s).",
							   names.data),
					 errhint("Give positions of the same types, or start over with SELECT zfdw.reset_apply_state('%s').",
							 spec->target_label)));
		}
	}
	mark_from_stored(spec, mark, DatumGetArrayTypeP(stored));
	SPI_freetuptable(SPI_tuptable);
}

/*
 * At the start of each later transaction of a batched apply: lock the row
 * again and make sure nobody moved the mark since we committed it.
 */
void
zfdw_apply_state_verify(const ApplySpec *spec, const ApplyMark *expected)
{
	Oid			argtypes[1] = {REGCLASSOID};
	Datum		values[1];
	bool		isnull;
	Datum		stored;
	bool		same;

	values[0] = ObjectIdGetDatum(spec->target_oid);
	state_execute(spec->state_schema,
				  psprintf("SELECT high_water FROM %s"
						   " WHERE target OPERATOR(pg_catalog.=) $1 FOR UPDATE",
						   state_table(spec)),
				  1, argtypes, values, NULL, SPI_OK_SELECT);
	same = SPI_processed == 1;
	if (same)
	{
		stored = SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1,
							   &isnull);
		same = isnull == !expected->valid;
		if (same && !isnull)
		{
			Datum	   *elems;
			bool	   *nulls;
			int			nelems;

			deconstruct_array(DatumGetArrayTypeP(stored), BYTEAOID, -1, false,
							  TYPALIGN_INT, &elems, &nulls, &nelems);
			same = nelems == expected->n;
			for (int i = 0; i < nelems && same; i++)
			{
				bytea	   *a = DatumGetByteaPP(elems[i]);
				bytea	   *b = expected->raw[i];

				same = !nulls[i] &&
					VARSIZE_ANY_EXHDR(a) == VARSIZE_ANY_EXHDR(b) &&
					memcmp(VARDATA_ANY(a), VARDATA_ANY(b), VARSIZE_ANY_EXHDR(a)) == 0;
			}
		}
	}
	SPI_freetuptable(SPI_tuptable);
	if (!same)
		ereport(ERROR,
				(errcode(ERRCODE_T_R_SERIALIZATION_FAILURE),
				 errmsg("the high-water mark of %s moved during the apply",
						spec->target_label),
				 errdetail("Another session applied changes to the same target, or reset its mark, between two batches."),
				 errhint("Run one apply per target at a time; call it again to continue from the new mark.")));
}

/* Store a new mark and add counts, in the transaction of the rows. */
void
zfdw_apply_state_advance(const ApplySpec *spec, const ApplyMark *mark,
					const char *last_txid, TimestampTz last_commit_ts,
					bool have_commit_ts, TimestampTz applied_at,
					const ApplyCounts *counts)
{
	Oid			argtypes[12] = {REGCLASSOID, TEXTOID, TEXTARRAYOID, REGTYPEARRAYOID,
		BYTEAARRAYOID, TEXTOID, TEXTOID, TIMESTAMPTZOID, TIMESTAMPTZOID,
	INT8OID, INT8OID, INT8OID};
	Datum		values[12];
	char		nulls[12];
	Datum	   *raw = palloc(sizeof(Datum) * mark->n);

	memset(nulls, ' ', sizeof(nulls));
	for (int i = 0; i < mark->n; i++)
		raw[i] = PointerGetDatum(mark->raw[i]);
	values[0] = ObjectIdGetDatum(spec->target_oid);
	values[1] = CStringGetTextDatum(spec->source_label);
	position_arrays(spec, &values[2], &values[3]);
	values[4] = PointerGetDatum(construct_array(raw, mark->n, BYTEAOID, -1,
												false, TYPALIGN_INT));
	values[5] = CStringGetTextDatum(mark->text);
	if (last_txid)
		values[6] = CStringGetTextDatum(last_txid);
	else
		nulls[6] = 'n';
	values[7] = TimestampTzGetDatum(last_commit_ts);
	if (!have_commit_ts)
		nulls[7] = 'n';
	values[8] = TimestampTzGetDatum(applied_at);
	values[9] = Int64GetDatum(counts->inserted);
	values[10] = Int64GetDatum(counts->updated);
	values[11] = Int64GetDatum(counts->deleted);
	state_execute(spec->state_schema,
				  psprintf("UPDATE %s SET source = $2, position_columns = $3,"
						   " position_types = $4, high_water = $5, high_water_text = $6,"
						   " last_txid = $7, last_commit_ts = COALESCE($8, last_commit_ts),"
						   " applied_at = $9, checked_at = $9,"
						   " inserted = inserted OPERATOR(pg_catalog.+) $10,"
						   " updated = updated OPERATOR(pg_catalog.+) $11,"
						   " deleted = deleted OPERATOR(pg_catalog.+) $12,"
						   " skipped = skipped OPERATOR(pg_catalog.+) %lld"
						   " WHERE target OPERATOR(pg_catalog.=) $1",
						   state_table(spec), (long long) counts->skipped),
				  12, argtypes, values, nulls, SPI_OK_UPDATE);
}

/* Record a call that applied nothing new: when, and what it skipped. */
void
zfdw_apply_state_checked(const ApplySpec *spec, TimestampTz checked_at, int64 skipped)
{
	Oid			argtypes[3] = {REGCLASSOID, TIMESTAMPTZOID, INT8OID};
	Datum		values[3];

	values[0] = ObjectIdGetDatum(spec->target_oid);
	values[1] = TimestampTzGetDatum(checked_at);
	values[2] = Int64GetDatum(skipped);
	state_execute(spec->state_schema,
				  psprintf("UPDATE %s SET checked_at = $2,"
						   " skipped = skipped OPERATOR(pg_catalog.+) $3"
						   " WHERE target OPERATOR(pg_catalog.=) $1",
						   state_table(spec)),
				  3, argtypes, values, NULL, SPI_OK_UPDATE);
}

/*
 * The mark and the lag (applied_at - last_commit_ts) as they stand, for
 * apply_changes' result.  Strings and the interval are palloc'd in the
 * current context.
 */
void
zfdw_apply_state_report(const ApplySpec *spec, char **high_water, bool *have_lag,
				   Interval **lag)
{
	Oid			argtypes[1] = {REGCLASSOID};
	Datum		values[1];
	bool		isnull1;
	bool		isnull2;
	bool		isnull3;
	Datum		hw;
	Datum		applied;
	Datum		committed;

	values[0] = ObjectIdGetDatum(spec->target_oid);
	state_execute(spec->state_schema,
				  psprintf("SELECT high_water_text, applied_at, last_commit_ts FROM %s"
						   " WHERE target OPERATOR(pg_catalog.=) $1",
						   state_table(spec)),
				  1, argtypes, values, NULL, SPI_OK_SELECT);
	*high_water = NULL;
	*have_lag = false;
	if (SPI_processed != 1)
	{
		SPI_freetuptable(SPI_tuptable);
		return;
	}
	hw = SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1, &isnull1);
	applied = SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 2, &isnull2);
	committed = SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 3, &isnull3);
	if (!isnull1)
		*high_water = TextDatumGetCString(hw);
	if (!isnull2 && !isnull3)
	{
		*have_lag = true;
		*lag = DatumGetIntervalP(DirectFunctionCall2(timestamp_mi, applied,
													 committed));
	}
	SPI_freetuptable(SPI_tuptable);
}

/*
 * zfdw.reset_apply_state(target regclass) RETURNS boolean: forget the
 * high-water mark of target, so that the next apply starts from the first
 * change of its source.  Needs the privileges an apply needs.
 */
Datum
zfdw_reset_apply_state(PG_FUNCTION_ARGS)
{
	Oid			target = PG_GETARG_OID(0);
	Oid			schema = zfdw_apply_state_schema(fcinfo);
	Oid			argtypes[1] = {REGCLASSOID};
	Datum		values[1];
	uint64		found;

	if (pg_class_aclcheck(target, GetUserId(), ACL_UPDATE) != ACLCHECK_OK ||
		pg_class_aclcheck(target, GetUserId(), ACL_DELETE) != ACLCHECK_OK ||
		pg_class_aclcheck(target, GetUserId(), ACL_INSERT) != ACLCHECK_OK)
		ereport(ERROR,
				(errcode(ERRCODE_INSUFFICIENT_PRIVILEGE),
				 errmsg("permission denied for table %s", get_rel_name(target)),
				 errdetail("Resetting the high-water mark needs INSERT, UPDATE and DELETE on the target.")));

	values[0] = ObjectIdGetDatum(target);
	SPI_connect();
	state_execute(schema,
				  psprintf("DELETE FROM %s WHERE target OPERATOR(pg_catalog.=) $1",
						   quote_qualified_identifier(get_namespace_name(schema),
													  "apply_state")),
				  1, argtypes, values, NULL, SPI_OK_DELETE);
	found = SPI_processed;
	SPI_finish();
	PG_RETURN_BOOL(found > 0);
}
