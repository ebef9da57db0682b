/*-------------------------------------------------------------------------
 *
 * unload_db2.c
 *	  zfdw.unload_for_db2(query, data_file, punch_file, table_name,
 *	  options): a query's rows as a DB2 for z/OS UNLOAD data set, with the
 *	  LOAD statement (SYSPUNCH) that loads it, and when asked the DB2
 *	  CREATE TABLE of its columns.
 *
 * The columns' DB2 types come from the query's result columns:
 *	  smallint, integer, bigint	SMALLINT, INTEGER, BIGINT
 *	  numeric(p,s)				DECIMAL(p,s) (p up to 31); a numeric without
 *								a precision only with the option numeric
 *								'p,s', and a value that would need rounding
 *								is an error
 *	  real, double precision	REAL, DOUBLE (FLOAT(53)): hexadecimal floating
 *								point (a REAL value that a short HFP cannot
 *								hold exactly is an error) or, with float
 *								'ieee', IEEE
 *	  char(n)					CHAR(n bytes)
 *	  varchar(n)				VARCHAR(n bytes)
 *	  text, varchar				VARCHAR(varchar_length) with that option;
 *								a longer value is an error
 *	  date, time, timestamp		DATE, TIME, TIMESTAMP(6) EXTERNAL (a time
 *								with fractions of a second is an error)
 * n bytes is n characters of a single-byte EBCDIC page, 4n in UTF-8 (at
 * most 255 for CHAR and 32704 for VARCHAR; a longer value is an error).
 * Every other type is refused with the column named.  Every column is
 * nullable (a query's result does not say which ones are not) unless the
 * option not_null names it (or is true): then it has no indicator byte,
 * DB2's CREATE TABLE says NOT NULL, and a NULL in it is an error.
 *
 * Both files are written like the file of an INSERT into a writable table
 * (modify_file.c): each a temporary file beside its target, renamed over
 * it at commit, removed at rollback.  Writing them takes the rights of
 * COPY ... TO a file: superuser or pg_write_server_files.
 *
 *-------------------------------------------------------------------------
 */
#include "modify/modify.h"

#include "catalog/pg_authid.h"
#include "miscadmin.h"
#include "catalog/pg_type.h"
#include "executor/spi.h"
#include "funcapi.h"
#include "utils/acl.h"
#include "utils/builtins.h"
#include "utils/date.h"
#include "utils/datetime.h"
#include "utils/jsonb.h"
#include "utils/memutils.h"
#include "utils/numeric.h"
#include "utils/timestamp.h"

#include "bind/binding_int.h"
#include "db2/unload/unload.h"
#include "diag/diag.h"
#include "records/record_writer.h"

PG_FUNCTION_INFO_V1(zfdw_unload_for_db2);

/* Rows fetched from the query at a time. */
#define FETCH_ROWS		1000

/* The options of one call. */
typedef struct UnloadOptions
{
	const char *codepage;
	bool		ieee;
	zf_recfm	recfm;
	int			numeric_p;		/* -1: numeric without a precision refused */
	int			numeric_s;
	int			varchar_length; /* 0: text without a length refused */
	bool		create_table;
	bool		all_not_null;	/* not_null true */
	List	   *not_null;		/* not_null's column names (char *) */
} UnloadOptions;

/* What the error context names while rows are written. */
typedef struct UnloadContext
{
	const char *table;
	uint64		row;
	const char *column;
	bool		fetching;		/* running the query for the next rows */
	int			progress;
} UnloadContext;

static void
unload_error_context(void *arg)
{
	UnloadContext *uc = arg;

	if (uc->fetching)
		errcontext("unload_for_db2 into %s, the query's rows after row %llu", uc->table,
				   (unsigned long long) uc->row);
	else if (uc->column != NULL)
		errcontext("unload_for_db2 into %s, row %llu, column \"%s\"", uc->table,
				   (unsigned long long) uc->row, uc->column);
	else if (uc->row > 0)
		errcontext("unload_for_db2 into %s, row %llu", uc->table,
				   (unsigned long long) uc->row);
}

/* Free the progress slot when the call's memory goes (an error). */
static void
progress_end_callback(void *arg)
{
	UnloadContext *uc = arg;

	zfdw_progress_end(uc->progress);
	uc->progress = -1;
}

/* Report a core error value as an ERROR. */
pg_noreturn static void
unload_error(const zf_error *raw)
{
	zf_error	err;

	zfdw_error_prepare(raw, &err);
	ereport(ERROR,
			(errcode(zfdw_sqlstate(err.status)),
			 errmsg("%s", err.message[0] ? err.message : zf_status_name(err.status)),
			 err.detail[0] ? errdetail("%s", err.detail) : 0,
			 err.hint[0] ? errhint("%s", err.hint) : 0));
	pg_unreachable();
}

/* A member of the options object as text, or NULL. */
static char *
option_text(JsonbValue *v, const char *key)
{
	if (v->type == jbvString)
		return pnstrdup(v->val.string.val, v->val.string.len);
	if (v->type == jbvNumeric)
		return DatumGetCString(DirectFunctionCall1(numeric_out, NumericGetDatum(v->val.numeric)));
	if (v->type == jbvBool)
		return pstrdup(v->val.boolean ? "true" : "false");
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("option \"%s\" must be a string, a number or a boolean", key)));
	return NULL;
}

/*
 * The option not_null: true (every column), or an array of the names of
 * the query's columns that DB2 declares NOT NULL (no indicator byte).
 */
static void
read_not_null(JsonbValue *v, UnloadOptions *o)
{
	JsonbIterator *it;
	JsonbValue	e;
	JsonbIteratorToken tok;

	if (v->type == jbvBool)
	{
		o->all_not_null = v->val.boolean;
		return;
	}
	if (v->type != jbvBinary || !JsonContainerIsArray(v->val.binary.data))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("option not_null must be true or an array of column names")));
	it = JsonbIteratorInit(v->val.binary.data);
	while ((tok = JsonbIteratorNext(&it, &e, true)) != WJB_DONE)
	{
		if (tok != WJB_ELEM)
			continue;
		if (e.type != jbvString)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("option not_null must be true or an array of column names")));
		o->not_null = lappend(o->not_null, pnstrdup(e.val.string.val, e.val.string.len));
	}
}

/* Read the options object; an unknown key is an error. */
static void
read_options(Jsonb *jb, UnloadOptions *o)
{
	JsonbIterator *it;
	JsonbValue	v;
	JsonbIteratorToken tok;
	char	   *key = NULL;

	o->codepage = "cp037";
	o->ieee = false;
	o->recfm = ZF_RECFM_FB;
	o->numeric_p = -1;
	o->numeric_s = 0;
	o->varchar_length = 0;
	o->create_table = false;
	o->all_not_null = false;
	o->not_null = NIL;
	if (jb == NULL)
		return;
	if (!JB_ROOT_IS_OBJECT(jb))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("the options of unload_for_db2 must be a JSON object")));
	it = JsonbIteratorInit(&jb->root);
	while ((tok = JsonbIteratorNext(&it, &v, true)) != WJB_DONE)
	{
		char	   *val;

		if (tok == WJB_KEY)
		{
			key = pnstrdup(v.val.string.val, v.val.string.len);
			continue;
		}
		if (tok != WJB_VALUE)
			continue;
		if (strcmp(key, "not_null") == 0)
		{
			read_not_null(&v, o);
			continue;
		}
		val = option_text(&v, key);
		if (strcmp(key, "codepage") == 0)
			o->codepage = val;
		else if (strcmp(key, "float") == 0)
		{
			if (pg_strcasecmp(val, "ieee") == 0)
				o->ieee = true;
			else if (pg_strcasecmp(val, "hfp") != 0 && pg_strcasecmp(val, "s390") != 0)
				ereport(ERROR,
						(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
						 errmsg("option float must be 'hfp' or 'ieee', not '%s'", val)));
		}
		else if (strcmp(key, "recfm") == 0)
		{
			if (pg_strcasecmp(val, "fb") == 0)
				o->recfm = ZF_RECFM_FB;
			else if (pg_strcasecmp(val, "vb") == 0)
				o->recfm = ZF_RECFM_VB;
			else if (pg_strcasecmp(val, "vb_bdw") == 0)
				o->recfm = ZF_RECFM_VB_BDW;
			else
				ereport(ERROR,
						(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
						 errmsg("option recfm must be 'fb', 'vb' or 'vb_bdw', not '%s'", val)));
		}
		else if (strcmp(key, "numeric") == 0)
		{
			if (sscanf(val, "%d,%d", &o->numeric_p, &o->numeric_s) != 2 ||
				o->numeric_p < 1 || o->numeric_p > 31 || o->numeric_s < 0 ||
				o->numeric_s > o->numeric_p)
				ereport(ERROR,
						(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
						 errmsg("option numeric must be 'p,s', a DB2 DECIMAL's precision (1 to 31) and scale, not '%s'", val)));
		}
		else if (strcmp(key, "varchar_length") == 0)
		{
			o->varchar_length = pg_strtoint32(val);
			if (o->varchar_length < 1 || o->varchar_length > ZF_UNLOAD_VARCHAR_MAX)
				ereport(ERROR,
						(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
						 errmsg("option varchar_length must be 1 to %d", ZF_UNLOAD_VARCHAR_MAX)));
		}
		else if (strcmp(key, "create_table") == 0)
			o->create_table = parse_bool(val, &o->create_table) ? o->create_table : false;
		else
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("unknown option \"%s\" of unload_for_db2", key),
					 errhint("Valid options are codepage, float, recfm, numeric, varchar_length, not_null and create_table.")));
	}
}

/* A path the function may write: absolute, no "..", a file. */
static void
check_path(const char *path, const char *what)
{
	if (path[0] != '/')
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("the %s of unload_for_db2 must be an absolute path", what),
				 errdetail("It is \"%s\".", path)));
	if (zfdw_path_has_parent_ref(path))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("the %s of unload_for_db2 cannot contain \"..\"", what),
				 errdetail("It is \"%s\".", path)));
	if (path[strlen(path) - 1] == '/')
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("the %s of unload_for_db2 must name a file, not a directory", what)));
}

/* Refuse a result column that has no lossless DB2 type. */
pg_noreturn static void
refuse_column(const char *name, Oid typid, int32 typmod, const char *hint)
{
	ereport(ERROR,
			(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
			 errmsg("column \"%s\" of type %s cannot be unloaded for DB2", name,
					format_type_with_typemod(typid, typmod)),
			 hint ? errhint("%s", hint) : 0));
	pg_unreachable();
}

/* The DB2 column of a result column (name upper-cased). */
static void
map_column(Form_pg_attribute a, const UnloadOptions *o, int per_char,
		   zf_unload_column *c)
{
	const char *name = NameStr(a->attname);
	int32		typmod = a->atttypmod;
	int64		n;
	ListCell   *lc;

	memset(c, 0, sizeof(*c));
	if (strlen(name) > ZF_UNLOAD_NAME_MAX)
		refuse_column(name, a->atttypid, typmod, "DB2 column names have at most 128 characters: rename it in the query.");
	for (int i = 0; name[i]; i++)
		c->name[i] = pg_ascii_toupper((unsigned char) name[i]);
	c->nullable = !o->all_not_null;
	foreach(lc, o->not_null)
	{
		if (pg_strcasecmp((char *) lfirst(lc), name) == 0)
			c->nullable = false;
	}
	switch (a->atttypid)
	{
		case INT2OID:
			c->type = ZF_UL_SMALLINT;
			break;
		case INT4OID:
			c->type = ZF_UL_INTEGER;
			break;
		case INT8OID:
			c->type = ZF_UL_BIGINT;
			break;
		case NUMERICOID:
			c->type = ZF_UL_DECIMAL;
			if (typmod >= (int32) VARHDRSZ)
			{
				c->digits = ((typmod - VARHDRSZ) >> 16) & 0xffff;
				c->scale = (((typmod - VARHDRSZ) & 0x7ff) ^ 1024) - 1024;
				if (c->digits > 31 || c->scale < 0)
					refuse_column(name, a->atttypid, typmod,
								  "A DB2 DECIMAL has a precision of 1 to 31 and a scale from 0 to its precision.");
			}
			else if (o->numeric_p > 0)
			{
				c->digits = o->numeric_p;
				c->scale = o->numeric_s;
			}
			else
				refuse_column(name, a->atttypid, typmod,
							  "Give it a precision and scale in the query (amount::numeric(15,2)), or the option numeric '15,2' for every such column.");
			break;
		case FLOAT4OID:
			c->type = ZF_UL_REAL;
			break;
		case FLOAT8OID:
			c->type = ZF_UL_DOUBLE;
			break;
		case BPCHAROID:
			if (typmod < (int32) VARHDRSZ)
				refuse_column(name, a->atttypid, typmod, "Give it a length: char(n).");
			n = (int64) (typmod - VARHDRSZ) * per_char;
			if (n > ZF_UNLOAD_CHAR_MAX)
				refuse_column(name, a->atttypid, typmod,
							  "A DB2 CHAR holds at most 255 bytes: cast it to varchar(n).");
			c->type = ZF_UL_CHAR;
			c->length = (uint32) n;
			break;
		case VARCHAROID:
		case TEXTOID:
			c->type = ZF_UL_VARCHAR;
			if (a->atttypid == VARCHAROID && typmod >= (int32) VARHDRSZ)
				n = Min((int64) (typmod - VARHDRSZ) * per_char, ZF_UNLOAD_VARCHAR_MAX);
			else if (o->varchar_length > 0)
				n = o->varchar_length;
			else
				refuse_column(name, a->atttypid, typmod,
							  "Give it a maximum length in the query (name::varchar(40)), or the option varchar_length for every such column.");
			c->length = (uint32) n;
			break;
		case DATEOID:
			c->type = ZF_UL_DATE;
			break;
		case TIMEOID:
			c->type = ZF_UL_TIME;
			break;
		case TIMESTAMPOID:
			c->type = ZF_UL_TIMESTAMP;
			break;
		case BOOLOID:
			refuse_column(name, a->atttypid, typmod,
						  "DB2 for z/OS tables usually hold a flag as CHAR(1) or SMALLINT: cast it, e.g. flag::int2 or CASE WHEN flag THEN 'Y' ELSE 'N' END::char(1).");
		case TIMESTAMPTZOID:
			refuse_column(name, a->atttypid, typmod,
						  "Cast it to a timestamp in the time zone DB2 should hold, e.g. ts AT TIME ZONE 'UTC'.");
		default:
			refuse_column(name, a->atttypid, typmod, NULL);
	}
}

/* Write one column's value into the record. */
static void
put_value(zf_unload *u, int i, Oid typid, Datum d, uint8 *rec)
{
	zf_error	err;
	zf_status	st = ZF_OK;

	zf_error_clear(&err);
	switch (typid)
	{
		case INT2OID:
			st = zf_unload_put_int(u, i, DatumGetInt16(d), rec, &err);
			break;
		case INT4OID:
			st = zf_unload_put_int(u, i, DatumGetInt32(d), rec, &err);
			break;
		case INT8OID:
			st = zf_unload_put_int(u, i, DatumGetInt64(d), rec, &err);
			break;
		case NUMERICOID:
			{
				char	   *s = DatumGetCString(DirectFunctionCall1(numeric_out, d));

				st = zf_unload_put_decimal(u, i, s, strlen(s), rec, &err);
				break;
			}
		case FLOAT4OID:
			st = zf_unload_put_double(u, i, (double) DatumGetFloat4(d), rec, &err);
			break;
		case FLOAT8OID:
			st = zf_unload_put_double(u, i, DatumGetFloat8(d), rec, &err);
			break;
		case BPCHAROID:
		case VARCHAROID:
		case TEXTOID:
			{
				text	   *t = DatumGetTextPP(d);

				st = zf_unload_put_text(u, i, VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t), rec, &err);
				break;
			}
		case DATEOID:
			{
				DateADT		date = DatumGetDateADT(d);
				int			y,
							m,
							day;

				if (DATE_NOT_FINITE(date))
					ereport(ERROR,
							(errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
							 errmsg("DB2 has no infinite date")));
				j2date(date + POSTGRES_EPOCH_JDATE, &y, &m, &day);
				st = zf_unload_put_date(u, i, y, m, day, rec, &err);
				break;
			}
		case TIMEOID:
			{
				TimeADT		t = DatumGetTimeADT(d);

				if (t % USECS_PER_SEC != 0)
					ereport(ERROR,
							(errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
							 errmsg("a DB2 TIME has no fractions of a second"),
							 errhint("Round the time in the query if that is meant (date_trunc('second', ...)), or unload a timestamp.")));
				st = zf_unload_put_time(u, i, (int) (t / USECS_PER_HOUR),
										(int) (t / USECS_PER_MINUTE % 60),
										(int) (t / USECS_PER_SEC % 60), rec, &err);
				break;
			}
		case TIMESTAMPOID:
			{
				Timestamp	ts = DatumGetTimestamp(d);
				struct pg_tm tm;
				fsec_t		fsec;

				if (TIMESTAMP_NOT_FINITE(ts) ||
					timestamp2tm(ts, NULL, &tm, &fsec, NULL, NULL) != 0)
					ereport(ERROR,
							(errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
							 errmsg("DB2 has no infinite or out-of-range timestamp")));
				st = zf_unload_put_timestamp(u, i, tm.tm_year, tm.tm_mon, tm.tm_mday,
											 tm.tm_hour, tm.tm_min, tm.tm_sec,
											 (int) fsec, rec, &err);
				break;
			}
	}
	if (st != ZF_OK)
		unload_error(&err);
}

/* Write text to a pending file. */
static void
write_text(ZfPendingWrite *pw, const char *text, size_t len, const char *path)
{
	zf_error	err;

	zf_error_clear(&err);
	if (zf_sink_write(zfdw_write_sink(pw), (const uint8 *) text, len, &err) != ZF_OK)
		zfdw_report(ERROR, &err, path);
}

/* Free a record writer with the call's memory. */
static void
free_writer_callback(void *arg)
{
	zf_record_writer_free((zf_record_writer *) arg);
}

Datum
zfdw_unload_for_db2(PG_FUNCTION_ARGS)
{
	char	   *query = text_to_cstring(PG_GETARG_TEXT_PP(0));
	char	   *data_file = text_to_cstring(PG_GETARG_TEXT_PP(1));
	char	   *punch_file = text_to_cstring(PG_GETARG_TEXT_PP(2));
	char	   *table_name = text_to_cstring(PG_GETARG_TEXT_PP(3));
	Jsonb	   *jopts = PG_ARGISNULL(4) ? NULL : PG_GETARG_JSONB_P(4);
	MemoryContext callcxt = CurrentMemoryContext;
	MemoryContext rowcxt;
	UnloadOptions o;
	UnloadContext *uc;
	ErrorContextCallback errcb;
	MemoryContextCallback *progress_cb;
	const zf_codepage *cp;
	zf_unload  *u;
	zf_error	err;
	SPIPlanPtr	plan;
	List	   *sources;
	TupleDesc	desc;
	Oid		   *typids;
	int		   *attnos;
	int			per_char;
	ZfPendingWrite *data_pw,
			   *punch_pw;
	zf_record_writer *writer;
	zf_writer_opts wo;
	Portal		portal;
	uint8	   *rec;
	char	   *punch;
	size_t		punch_len;
	char	   *ddl = NULL;
	size_t		ddl_len = 0;
	TupleDesc	rdesc;
	Datum		rvalues[3];
	bool		rnulls[3] = {false, false, true};
	ListCell   *lc;

	if (!has_privs_of_role(GetUserId(), ROLE_PG_WRITE_SERVER_FILES))
		ereport(ERROR,
				(errcode(ERRCODE_INSUFFICIENT_PRIVILEGE),
				 errmsg("only superuser or a role with privileges of the pg_write_server_files role may unload to files"),
				 errdetail("unload_for_db2 writes server files, as COPY ... TO does.")));
	check_path(data_file, "data file");
	check_path(punch_file, "punch file");
	if (strcmp(data_file, punch_file) == 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("the data file and the punch file of unload_for_db2 must differ")));
	if (get_call_result_type(fcinfo, NULL, &rdesc) != TYPEFUNC_COMPOSITE)
		elog(ERROR, "return type must be a row type");
	read_options(jopts, &o);

	zf_error_clear(&err);
	cp = zf_codepage_lookup(o.codepage, &err);
	if (cp == NULL)
		zfdw_report(ERROR, &err, "the codepage option");
	per_char = zf_codepage_kind(cp) == ZF_CP_UTF8 ? 4 : 1;
	u = palloc(sizeof(zf_unload));
	if (zf_unload_init(u, cp, o.ieee, table_name, &err) != ZF_OK)
		unload_error(&err);

	SPI_connect();
	plan = SPI_prepare(query, 0, NULL);
	if (plan == NULL)
		elog(ERROR, "SPI_prepare failed: %s", SPI_result_code_string(SPI_result));
	sources = SPI_plan_get_plan_sources(plan);
	if (list_length(sources) != 1 || !SPI_is_cursor_plan(plan) ||
		((CachedPlanSource *) linitial(sources))->resultDesc == NULL)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("unload_for_db2 needs one query that returns rows")));
	desc = ((CachedPlanSource *) linitial(sources))->resultDesc;

	/* the columns, in the caller's memory */
	{
		MemoryContext old = MemoryContextSwitchTo(callcxt);

		u->cols = palloc0(sizeof(zf_unload_column) * Max(desc->natts, 1));
		typids = palloc(sizeof(Oid) * Max(desc->natts, 1));
		attnos = palloc(sizeof(int) * Max(desc->natts, 1));
		MemoryContextSwitchTo(old);
	}
	for (int i = 0; i < desc->natts; i++)
	{
		Form_pg_attribute a = TupleDescAttr(desc, i);

		if (a->attisdropped)
			continue;
		map_column(a, &o, per_char, &u->cols[u->ncols]);
		for (int j = 0; j < u->ncols; j++)
			if (strcmp(u->cols[j].name, u->cols[u->ncols].name) == 0)
				ereport(ERROR,
						(errcode(ERRCODE_DUPLICATE_COLUMN),
						 errmsg("two columns of the query are named %s in DB2", u->cols[j].name),
						 errhint("Give the columns distinct names in the query.")));
		typids[u->ncols] = a->atttypid;
		attnos[u->ncols] = i + 1;
		u->ncols++;
	}
	foreach(lc, o.not_null)
	{
		char	   *nn = lfirst(lc);
		bool		found = false;

		for (int i = 0; i < desc->natts && !found; i++)
			found = !TupleDescAttr(desc, i)->attisdropped &&
				pg_strcasecmp(NameStr(TupleDescAttr(desc, i)->attname), nn) == 0;
		if (!found)
			ereport(ERROR,
					(errcode(ERRCODE_UNDEFINED_COLUMN),
					 errmsg("option not_null names \"%s\", which is no column of the query", nn)));
	}
	if (zf_unload_layout(u, &err) != ZF_OK)
		unload_error(&err);

	/* the texts */
	punch = palloc(zf_unload_punch_bound(u));
	if (zf_unload_punch(u, punch, zf_unload_punch_bound(u), &punch_len, &err) != ZF_OK)
		unload_error(&err);
	if (o.create_table)
	{
		ddl = MemoryContextAlloc(callcxt, zf_unload_punch_bound(u));
		if (zf_unload_create_table(u, ddl, zf_unload_punch_bound(u), &ddl_len, &err) != ZF_OK)
			unload_error(&err);
	}

	/* the files */
	data_pw = zfdw_write_begin_replace(data_file);
	punch_pw = zfdw_write_begin_replace(punch_file);
	write_text(punch_pw, punch, punch_len, punch_file);
	zf_writer_opts_default(&wo);
	wo.recfm = o.recfm;
	wo.lrecl = u->lrecl;
	writer = zf_record_writer_new(zfdw_write_sink(data_pw), &wo, &err);
	if (writer == NULL)
		zfdw_report(ERROR, &err, NULL);
	zfdw_free_with_context(free_writer_callback, writer);

	uc = palloc0(sizeof(UnloadContext));
	uc->table = table_name;
	uc->progress = zfdw_progress_begin(ZF_PROGRESS_WRITE, InvalidOid, data_file, -1);
	progress_cb = palloc(sizeof(MemoryContextCallback));
	progress_cb->func = progress_end_callback;
	progress_cb->arg = uc;
	MemoryContextRegisterResetCallback(CurrentMemoryContext, progress_cb);
	errcb.callback = unload_error_context;
	errcb.arg = uc;
	errcb.previous = error_context_stack;
	error_context_stack = &errcb;

	rec = palloc(u->lrecl);
	rowcxt = AllocSetContextCreate(CurrentMemoryContext, "zfdw unload row",
								   ALLOCSET_DEFAULT_SIZES);
	portal = SPI_cursor_open(NULL, plan, NULL, NULL, true);
	for (;;)
	{
		uc->fetching = true;
		SPI_cursor_fetch(portal, true, FETCH_ROWS);
		uc->fetching = false;
		if (SPI_processed == 0)
			break;
		for (uint64 r = 0; r < SPI_processed; r++)
		{
			HeapTuple	tup = SPI_tuptable->vals[r];
			TupleDesc	tdesc = SPI_tuptable->tupdesc;
			MemoryContext old = MemoryContextSwitchTo(rowcxt);

			uc->row++;
			zf_unload_record_start(u, rec);
			for (int i = 0; i < u->ncols; i++)
			{
				bool		isnull;
				Datum		d = heap_getattr(tup, attnos[i], tdesc, &isnull);

				uc->column = NameStr(TupleDescAttr(tdesc, attnos[i] - 1)->attname);
				if (isnull && !u->cols[i].nullable)
					ereport(ERROR,
							(errcode(ERRCODE_NOT_NULL_VIOLATION),
							 errmsg("column %s is NOT NULL in DB2 (option not_null) but the row has a NULL",
									u->cols[i].name)));
				if (isnull)
					zf_unload_put_null(u, i, rec);
				else
					put_value(u, i, typids[i], d, rec);
			}
			uc->column = NULL;
			MemoryContextSwitchTo(old);
			MemoryContextReset(rowcxt);
			if (zf_record_write(writer, rec, u->lrecl, &err) != ZF_OK)
				zfdw_report(ERROR, &err, data_file);
		}
		zfdw_progress_update(uc->progress, data_file,
							 (int64) zf_record_writer_bytes(writer),
							 (int64) zf_record_writer_records(writer));
		SPI_freetuptable(SPI_tuptable);
		CHECK_FOR_INTERRUPTS();
	}
	SPI_cursor_close(portal);
	if (zf_record_writer_flush(writer, &err) != ZF_OK)
		zfdw_report(ERROR, &err, data_file);
	error_context_stack = errcb.previous;

	rvalues[0] = Int64GetDatum((int64) zf_record_writer_records(writer));
	rvalues[1] = Int64GetDatum((int64) zf_record_writer_bytes(writer));
	zfdw_progress_end(uc->progress);
	uc->progress = -1;
	SPI_finish();
	if (ddl != NULL)
	{
		rvalues[2] = PointerGetDatum(cstring_to_text_with_len(ddl, (int) ddl_len));
		rnulls[2] = false;
	}
	PG_RETURN_DATUM(HeapTupleGetDatum(heap_form_tuple(BlessTupleDesc(rdesc), rvalues, rnulls)));
}
