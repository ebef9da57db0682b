/*-------------------------------------------------------------------------
 *
 * apply_sql.c
 *	  The text of every statement the change-apply engine runs.
 *
 * The source is read once, in position order, into a scratch table
 * (APPLY_CHANGES_TABLE) with one row per distinct change record and fixed
 * internal column names:
 *
 *	seq		1, 2, 3 ... in position order
 *	txn		1, 2, 3 ... numbering source transactions in position order; a
 *			B row and its A row, and a T marker with the R rows after it,
 *			always share one
 *	txid_start	the first record of a run of one transaction id
 *	op		the canonical operation (I U D B A R T, '-' for "skip")
 *	p1..	the position, in the source's types
 *	txid, cts	transaction id (text) and commit time (timestamptz)
 *	k1..	the key of the after image (for B rows: of the before image),
 *			cast to the target's key types
 *	o1..	the old key: of the row a U, A or D removes
 *	kchg	true for an update that changes the key
 *	c1..	the other after-image columns, in the source's types
 *	problem	why the record cannot be applied, or null
 *
 * A batch (a range of txn) is then applied set-based.  Since an insert of
 * an existing key and an update of a missing one are upserts, and a delete
 * of a missing row does nothing, every change only sets the state of one
 * key ("key K now holds row N", "key K holds nothing"), or of two for an
 * update that changes the key.  So only the last event per key matters
 * (APPLY_NET_TABLE), and one DELETE plus one INSERT ... ON CONFLICT per
 * batch give exactly the result of applying the changes one by one in
 * position order.
 *
 * Every identifier from the catalogs is quoted with quote_identifier and
 * every literal with quote_literal_cstr; functions are schema-qualified.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "lib/stringinfo.h"
#include "utils/builtins.h"

#include "apply/apply.h"

#define CHG APPLY_CHANGES_TABLE
#define NET APPLY_NET_TABLE

/* append "prefix1, prefix2, ..." for n internal columns */
static void
append_internal_list(StringInfo buf, const char *qualifier, const char *prefix,
					 int n)
{
	for (int i = 0; i < n; i++)
		appendStringInfo(buf, "%s%s%s%d", i > 0 ? ", " : "", qualifier,
						 prefix, i + 1);
}

/* append "q.name1, q.name2, ..." quoting each name */
static void
append_name_list(StringInfo buf, const char *qualifier, char **names, int n)
{
	for (int i = 0; i < n; i++)
		appendStringInfo(buf, "%s%s%s", i > 0 ? ", " : "", qualifier,
						 quote_identifier(names[i]));
}

/* the position ordering: p1 COLLATE "C", p2, ... (byte order for text) */
static void
append_position_order(StringInfo buf, const ApplySpec *spec, bool source_names)
{
	for (int i = 0; i < spec->npos; i++)
	{
		if (i > 0)
			appendStringInfoString(buf, ", ");
		if (source_names)
			appendStringInfo(buf, "s.%s", quote_identifier(spec->pos_names[i]));
		else
			appendStringInfo(buf, "p%d", i + 1);
		if (spec->pos_collatable[i])
			appendStringInfoString(buf, " COLLATE \"C\"");
	}
}

/* "(x1 IS NULL OR x2 IS NULL ...)" over internal columns */
static void
append_any_null(StringInfo buf, const char *prefix, int n)
{
	appendStringInfoChar(buf, '(');
	for (int i = 0; i < n; i++)
		appendStringInfo(buf, "%s%s%d IS NULL", i > 0 ? " OR " : "", prefix,
						 i + 1);
	appendStringInfoChar(buf, ')');
}

/*
 * Count the source's records and those without a complete position: the
 * records not read into the scratch table are counted as skipped, and a
 * record without a position can never be applied.
 */
char *
zfdw_apply_sql_count_source(const ApplySpec *spec)
{
	StringInfoData buf;

	initStringInfo(&buf);
	appendStringInfoString(&buf, "SELECT pg_catalog.count(*), pg_catalog.count(*) FILTER (WHERE ");
	for (int i = 0; i < spec->npos; i++)
		appendStringInfo(&buf, "%ss.%s IS NULL", i > 0 ? " OR " : "",
						 quote_identifier(spec->pos_names[i]));
	appendStringInfo(&buf, ") FROM %s s", spec->source_sql);
	return buf.data;
}

/*
 * Read the source records above the high-water mark ($1..$npos) into the
 * scratch table, in position order, dropping the second delivery of a
 * record and working out transactions, old keys and problems.  Four
 * window levels share one sort.
 */
char *
zfdw_apply_sql_materialize(const ApplySpec *spec, bool has_mark)
{
	StringInfoData buf;
	StringInfoData l0;
	StringInfoData twin;
	StringInfoData l0d;
	StringInfoData oldkey;
	StringInfoData kchg;
	const char *op_sql;
	char	   *code_sql;
	int			n = spec->nkeys;

	code_sql = psprintf("pg_catalog.btrim(s.%s::pg_catalog.text)",
						quote_identifier(spec->op_column));
	op_sql = spec->op_map_sql ? spec->op_map_sql : code_sql;

	/* level 0: the source in position order */
	initStringInfo(&l0);
	appendStringInfo(&l0, "SELECT %s AS op", op_sql);
	for (int i = 0; i < spec->npos; i++)
		appendStringInfo(&l0, ", s.%s AS p%d",
						 quote_identifier(spec->pos_names[i]), i + 1);
	if (spec->txid_column)
		appendStringInfo(&l0, ", s.%s::pg_catalog.text AS txid",
						 quote_identifier(spec->txid_column));
	else
		appendStringInfoString(&l0, ", NULL::pg_catalog.text AS txid");
	if (spec->commit_ts_column)
		appendStringInfo(&l0, ", CAST(s.%s AS pg_catalog.timestamptz) AS cts",
						 quote_identifier(spec->commit_ts_column));
	else
		appendStringInfoString(&l0, ", NULL::pg_catalog.timestamptz AS cts");
	for (int i = 0; i < n; i++)
		appendStringInfo(&l0, ", CAST(s.%s AS %s) AS k%d",
						 quote_identifier(spec->key_names[i]),
						 spec->key_types[i], i + 1);
	if (spec->before_names)
		for (int i = 0; i < n; i++)
			appendStringInfo(&l0, ", CAST(s.%s AS %s) AS b%d",
							 quote_identifier(spec->before_names[i]),
							 spec->key_types[i], i + 1);
	for (int i = 0; i < spec->nimage; i++)
		appendStringInfo(&l0, ", s.%s AS c%d",
						 quote_identifier(spec->image_names[i]), i + 1);
	appendStringInfo(&l0, " FROM %s s", spec->source_sql);
	if (has_mark)
	{
		appendStringInfoString(&l0, " WHERE ROW(");
		append_position_order(&l0, spec, true);
		appendStringInfoString(&l0, ") > ROW(");
		for (int i = 0; i < spec->npos; i++)
			appendStringInfo(&l0, "%s$%d%s", i > 0 ? ", " : "", i + 1,
							 spec->pos_collatable[i] ? " COLLATE \"C\"" : "");
		appendStringInfoChar(&l0, ')');
	}
	appendStringInfoString(&l0, " ORDER BY ");
	append_position_order(&l0, spec, true);
	appendStringInfo(&l0, ", %s", op_sql);

	/*
	 * A record delivered twice is read once: a record is left out when the
	 * one before it has the same position, operation and values, compared
	 * by their binary images (*=, which every type has).  Two records at
	 * one position that differ in anything both stay, to be reported.
	 */
	initStringInfo(&twin);
	appendStringInfoString(&twin, "ROW(txid, cts");
	if (n > 0)
	{
		appendStringInfoString(&twin, ", ");
		append_internal_list(&twin, "", "k", n);
	}
	if (spec->before_names)
	{
		appendStringInfoString(&twin, ", ");
		append_internal_list(&twin, "", "b", n);
	}
	if (spec->nimage > 0)
	{
		appendStringInfoString(&twin, ", ");
		append_internal_list(&twin, "", "c", spec->nimage);
	}
	appendStringInfoChar(&twin, ')');
	initStringInfo(&l0d);
	appendStringInfoString(&l0d, "SELECT * FROM (SELECT l0.*, ROW(");
	append_internal_list(&l0d, "", "p", spec->npos);
	appendStringInfoString(&l0d, ") = ROW(");
	for (int i = 0; i < spec->npos; i++)
		appendStringInfo(&l0d, "%spg_catalog.lag(p%d) OVER w", i > 0 ? ", " : "",
						 i + 1);
	appendStringInfo(&l0d, ") AND op = pg_catalog.lag(op) OVER w"
					 " AND %s OPERATOR(pg_catalog.*=) pg_catalog.lag(%s) OVER w AS twin"
					 " FROM (%s) l0 WINDOW w AS (ORDER BY ",
					 twin.data, twin.data, l0.data);
	append_position_order(&l0d, spec, false);
	appendStringInfoString(&l0d, ", op)) l0d WHERE twin IS NOT TRUE");

	/*
	 * The old key: the B row's key for an A after a B; the before image for
	 * a U or D when the source has one and it is not all null; else the key.
	 */
	initStringInfo(&oldkey);
	initStringInfo(&kchg);
	appendStringInfoString(&kchg, "CASE WHEN op = 'A' AND prev_op = 'B' THEN ROW(");
	append_internal_list(&kchg, "", "pk", n);
	appendStringInfoString(&kchg, ") IS DISTINCT FROM ROW(");
	append_internal_list(&kchg, "", "k", n);
	appendStringInfoChar(&kchg, ')');
	if (spec->before_names)
	{
		appendStringInfoString(&kchg, " WHEN op = 'U' AND NOT (");
		for (int i = 0; i < n; i++)
			appendStringInfo(&kchg, "%sb%d IS NULL", i > 0 ? " AND " : "", i + 1);
		appendStringInfoString(&kchg, ") THEN ROW(");
		append_internal_list(&kchg, "", "b", n);
		appendStringInfoString(&kchg, ") IS DISTINCT FROM ROW(");
		append_internal_list(&kchg, "", "k", n);
		appendStringInfoChar(&kchg, ')');
	}
	appendStringInfoString(&kchg, " ELSE false END");
	for (int i = 0; i < n; i++)
	{
		appendStringInfo(&oldkey, ", CASE WHEN op = 'A' AND prev_op = 'B' THEN pk%d",
						 i + 1);
		if (spec->before_names)
		{
			appendStringInfoString(&oldkey, " WHEN op IN ('U', 'D') AND NOT (");
			for (int j = 0; j < n; j++)
				appendStringInfo(&oldkey, "%sb%d IS NULL", j > 0 ? " AND " : "",
								 j + 1);
			appendStringInfo(&oldkey, ") THEN b%d", i + 1);
		}
		appendStringInfo(&oldkey, " ELSE k%d END AS o%d", i + 1, i + 1);
	}

	initStringInfo(&buf);
	appendStringInfo(&buf, "CREATE TEMP TABLE %s AS SELECT "
					 "pg_catalog.row_number() OVER w AS seq, "
					 "pg_catalog.sum(CASE WHEN (op = 'A' AND prev_op = 'B') "
					 "OR (op = 'R' AND prev_op IN ('T', 'R')) "
					 "OR txid = prev_txid THEN 0 ELSE 1 END) OVER w AS txn, "
					 "txid IS DISTINCT FROM prev_txid AS txid_start, op, ", CHG);
	append_internal_list(&buf, "", "p", spec->npos);
	appendStringInfoString(&buf, ", txid, cts, ");
	append_internal_list(&buf, "", "k", n);
	appendStringInfoString(&buf, oldkey.data);
	appendStringInfo(&buf, ", %s AS kchg", kchg.data);
	if (spec->nimage > 0)
	{
		appendStringInfoString(&buf, ", ");
		append_internal_list(&buf, "", "c", spec->nimage);
	}

	/* why a record cannot be applied; the first one stops the apply */
	appendStringInfoString(&buf, ", CASE WHEN ");
	append_any_null(&buf, "p", spec->npos);
	appendStringInfoString(&buf,
						   " THEN 'its position is null'"
						   " WHEN op IS NULL THEN 'its operation is null'"
						   " WHEN op NOT IN ('I', 'U', 'D', 'B', 'A', 'R', 'T', '-')"
						   " THEN 'its operation ' || pg_catalog.quote_literal(op) || ' is unknown'"
						   " WHEN dup AND op = prev_op THEN 'another record at the same position has the same operation and other values'"
						   " WHEN dup THEN 'another record at the same position has operation ' || pg_catalog.quote_literal(prev_op)"
						   " WHEN op = 'B' AND next_op IS DISTINCT FROM 'A'"
						   " THEN 'it is a before image (B) not followed by its after image (A)'"
						   " WHEN op IN ('I', 'U', 'A', 'R', 'B') AND ");
	append_any_null(&buf, "k", n);
	appendStringInfoString(&buf, " THEN 'its key is null'");
	if (spec->before_names)
	{
		appendStringInfoString(&buf, " WHEN op = 'D' AND ");
		append_any_null(&buf, "b", n);
		appendStringInfoString(&buf, " AND ");
		append_any_null(&buf, "k", n);
		appendStringInfoString(&buf, " THEN 'its key is null'");
	}
	else
	{
		appendStringInfoString(&buf, " WHEN op = 'D' AND ");
		append_any_null(&buf, "k", n);
		appendStringInfoString(&buf, " THEN 'its key is null'");
	}
	appendStringInfoString(&buf, " END AS problem");

	/*
	 * level 1: neighbours, for B/A pairs, refresh runs, transactions and
	 * records at the same position
	 */
	appendStringInfoString(&buf,
						   " FROM (SELECT l0.*,"
						   " pg_catalog.lag(op) OVER w AS prev_op,"
						   " pg_catalog.lead(op) OVER w AS next_op,"
						   " pg_catalog.lag(txid) OVER w AS prev_txid");
	for (int i = 0; i < n; i++)
		appendStringInfo(&buf, ", pg_catalog.lag(k%d) OVER w AS pk%d", i + 1, i + 1);
	appendStringInfoString(&buf, ", ROW(");
	append_internal_list(&buf, "", "p", spec->npos);
	appendStringInfoString(&buf, ") = ROW(");
	for (int i = 0; i < spec->npos; i++)
		appendStringInfo(&buf, "%spg_catalog.lag(p%d) OVER w", i > 0 ? ", " : "",
						 i + 1);
	appendStringInfo(&buf, ") AS dup FROM (%s) l0 WINDOW w AS (ORDER BY ", l0d.data);
	append_position_order(&buf, spec, false);
	appendStringInfoString(&buf, ")) l1 WINDOW w AS (ORDER BY ");
	append_position_order(&buf, spec, false);
	appendStringInfoString(&buf, " ROWS UNBOUNDED PRECEDING)");
	return buf.data;
}

/*
 * What the scratch table holds, or (batch) transactions $1 to $2 of it:
 * the last record, the counts by operation, the last clear marker, the
 * latest commit time; for the whole table also the last transaction and
 * the first record with a problem.
 */
char *
zfdw_apply_sql_counts(bool batch)
{
	StringInfoData buf;

	initStringInfo(&buf);
	appendStringInfoString(&buf, "SELECT pg_catalog.max(seq),"
						   " pg_catalog.count(*) FILTER (WHERE op IN ('I', 'R')),"
						   " pg_catalog.count(*) FILTER (WHERE op IN ('U', 'A')),"
						   " pg_catalog.count(*) FILTER (WHERE op IN ('D', 'T')),"
						   " pg_catalog.count(*) FILTER (WHERE op = '-'),"
						   " pg_catalog.max(seq) FILTER (WHERE op = 'T'),"
						   " pg_catalog.max(cts)");
	if (batch)
		appendStringInfoString(&buf, " FROM " CHG " WHERE txn BETWEEN $1 AND $2");
	else
		appendStringInfoString(&buf, ", pg_catalog.max(txn),"
							   " pg_catalog.min(seq) FILTER (WHERE problem IS NOT NULL)"
							   " FROM " CHG);
	return buf.data;
}

/*
 * A transaction whose records are not contiguous in position order: the
 * position does not follow commit order, and applying transactions whole
 * would reorder changes.
 */
char *
zfdw_apply_sql_interleaved(void)
{
	return "SELECT txid FROM " CHG
		" WHERE txid_start AND txid IS NOT NULL GROUP BY txid"
		" HAVING pg_catalog.count(*) > 1 ORDER BY pg_catalog.min(seq) LIMIT 1";
}

/* The record at seq $1, for an error message: problem, op, position. */
char *
zfdw_apply_sql_problem(const ApplySpec *spec)
{
	StringInfoData buf;

	initStringInfo(&buf);
	appendStringInfoString(&buf, "SELECT problem, op, ");
	if (spec->npos == 1)
		appendStringInfoString(&buf, "p1::pg_catalog.text");
	else
	{
		appendStringInfoString(&buf, "ROW(");
		append_internal_list(&buf, "", "p", spec->npos);
		appendStringInfoString(&buf, ")::pg_catalog.text");
	}
	appendStringInfoString(&buf, ", txid FROM " CHG " WHERE seq = $1");
	return buf.data;
}

/* The position and transaction id of the last record of transaction $1. */
char *
zfdw_apply_sql_last_position(const ApplySpec *spec)
{
	StringInfoData buf;

	initStringInfo(&buf);
	appendStringInfoString(&buf, "SELECT txid, ");
	append_internal_list(&buf, "", "p", spec->npos);
	appendStringInfoString(&buf, " FROM " CHG " WHERE txn = $1 ORDER BY seq DESC LIMIT 1");
	return buf.data;
}

/* A clear marker (T): every row of the target goes. */
char *
zfdw_apply_sql_clear(const ApplySpec *spec)
{
	return psprintf("DELETE FROM %s", spec->target_sql);
}

/*
 * The scratch table of a batch's net effect, one row per key:
 * e = 2 * seq + 1 when the last event of the key puts the row of record
 * seq there, e = 2 * seq when it removes the row (a delete, or the old key
 * of a key-changing update, which comes before the put of the same record).
 */
char *
zfdw_apply_sql_net_create(const ApplySpec *spec)
{
	StringInfoData buf;

	initStringInfo(&buf);
	appendStringInfoString(&buf, "CREATE TEMP TABLE " NET " AS SELECT ");
	append_internal_list(&buf, "", "k", spec->nkeys);
	appendStringInfoString(&buf, ", 0::pg_catalog.int8 AS e FROM " CHG " WITH NO DATA");
	return buf.data;
}

/* Fill the net effect of transactions $1..$2 after record $3. */
char *
zfdw_apply_sql_net_fill(const ApplySpec *spec)
{
	StringInfoData buf;

	initStringInfo(&buf);
	appendStringInfoString(&buf, "INSERT INTO " NET " SELECT ");
	append_internal_list(&buf, "", "k", spec->nkeys);
	appendStringInfoString(&buf, ", pg_catalog.max(e) FROM (SELECT ");
	append_internal_list(&buf, "", "k", spec->nkeys);
	appendStringInfoString(&buf, ", seq * 2 + 1 AS e FROM " CHG
						   " WHERE txn BETWEEN $1 AND $2 AND seq > $3"
						   " AND op IN ('I', 'U', 'A', 'R') UNION ALL SELECT ");
	append_internal_list(&buf, "", "o", spec->nkeys);
	appendStringInfoString(&buf, ", seq * 2 FROM " CHG
						   " WHERE txn BETWEEN $1 AND $2 AND seq > $3"
						   " AND (op = 'D' OR kchg)) ev GROUP BY ");
	append_internal_list(&buf, "", "k", spec->nkeys);
	return buf.data;
}

/* Delete the keys whose last event in the batch removes the row. */
char *
zfdw_apply_sql_delete(const ApplySpec *spec)
{
	StringInfoData buf;

	initStringInfo(&buf);
	appendStringInfo(&buf, "DELETE FROM %s t USING " NET " n WHERE n.e %% 2 = 0",
					 spec->target_sql);
	for (int i = 0; i < spec->nkeys; i++)
		appendStringInfo(&buf, " AND t.%s = n.k%d",
						 quote_identifier(spec->key_names[i]), i + 1);
	return buf.data;
}

/*
 * Upsert the row of the keys whose last event in batch $1..$2 puts one
 * there, setting the stamp column to $3.
 */
char *
zfdw_apply_sql_upsert(const ApplySpec *spec)
{
	StringInfoData buf;

	initStringInfo(&buf);
	appendStringInfo(&buf, "INSERT INTO %s AS t (", spec->target_sql);
	append_name_list(&buf, "", spec->key_names, spec->nkeys);
	if (spec->nimage > 0)
	{
		appendStringInfoString(&buf, ", ");
		append_name_list(&buf, "", spec->image_names, spec->nimage);
	}
	if (spec->stamp_column)
		appendStringInfo(&buf, ", %s", quote_identifier(spec->stamp_column));
	appendStringInfoString(&buf, ")");
	if (spec->overriding)
		appendStringInfoString(&buf, " OVERRIDING SYSTEM VALUE");
	appendStringInfoString(&buf, " SELECT ");
	append_internal_list(&buf, "c.", "k", spec->nkeys);
	if (spec->nimage > 0)
	{
		appendStringInfoString(&buf, ", ");
		append_internal_list(&buf, "c.", "c", spec->nimage);
	}
	if (spec->stamp_column)
		appendStringInfoString(&buf, ", $3");
	appendStringInfoString(&buf, " FROM " NET " n JOIN " CHG " c ON c.seq = n.e / 2"
						   " WHERE n.e % 2 = 1 AND c.txn BETWEEN $1 AND $2"
						   " ON CONFLICT (");
	append_name_list(&buf, "", spec->key_names, spec->nkeys);
	if (spec->nimage == 0 && spec->stamp_column == NULL)
		appendStringInfoString(&buf, ") DO NOTHING");
	else
	{
		appendStringInfoString(&buf, ") DO UPDATE SET ");
		for (int i = 0; i < spec->nimage; i++)
		{
			const char *col = quote_identifier(spec->image_names[i]);

			appendStringInfo(&buf, "%s%s = EXCLUDED.%s", i > 0 ? ", " : "",
							 col, col);
		}
		if (spec->stamp_column)
		{
			const char *col = quote_identifier(spec->stamp_column);

			appendStringInfo(&buf, "%s%s = EXCLUDED.%s",
							 spec->nimage > 0 ? ", " : "", col, col);
		}
	}
	return buf.data;
}
