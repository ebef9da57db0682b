/*-------------------------------------------------------------------------
 *
 * ddl_functions.c
 *	  SQL functions converting DB2 for z/OS DDL to PostgreSQL DDL:
 *
 *		zfdw.db2_ddl_to_pg(ddl text, options jsonb DEFAULT '{}') -> text
 *		zfdw.db2_ddl_convert(ddl text, options jsonb DEFAULT '{}')
 *			-> TABLE(statement_no, line, kind, object_name, sql, notes)
 *
 * The work is done by the core (src/core/db2ddl.h); this file reads the
 * options from jsonb, turns the core's error values into ereport()s with
 * SQLSTATEs, and makes sure the core's memory (malloc'ed, outside
 * PostgreSQL's memory contexts) is released on every path.
 *
 * Options (all optional):
 *	schema						every creator becomes this schema
 *	schema_map					{"CREATOR": "schema", ...}, wins over schema
 *	fold_case					true: upper-case names become lower case
 *	unique_nulls_not_distinct	true: DB2 UNIQUE index -> NULLS NOT DISTINCT
 *	create_schemas				true: CREATE SCHEMA IF NOT EXISTS first
 *	partitioning				true: convert PARTITION BY RANGE
 *	missing_references			"guard" | "keep" | "omit"
 *	terminator					statement terminator (one character)
 *	on_error					"stop" | "skip" (bad statements become notes)
 *	notes						true: db2_ddl_to_pg writes notes as comments
 *
 *-------------------------------------------------------------------------
 */
#include "zfdw.h"

#include "catalog/pg_type.h"
#include "common/keywords.h"
#include "common/kwlookup.h"
#include "fmgr.h"
#include "funcapi.h"
#include "mb/pg_wchar.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/jsonb.h"
#include "utils/tuplestore.h"

#include "db2/ddl/db2ddl.h"

PG_FUNCTION_INFO_V1(zfdw_db2_ddl_to_pg);
PG_FUNCTION_INFO_V1(zfdw_db2_ddl_convert);

/* Everything the options say, for the parser, the writer and rendering. */
typedef struct ddl_call_options
{
	zf_db2ddl_parse_options parse;
	zf_pg_options pg;
	bool		notes;
} ddl_call_options;

#define OPTION_NAMES "schema, schema_map, fold_case, unique_nulls_not_distinct, create_schemas, partitioning, missing_references, terminator, on_error, notes"

/*
 * Quote like quote_identifier(): PostgreSQL's own keyword list of the
 * running server, and quote_all_identifiers.
 */
static bool
server_keyword(const char *word, void *arg)
{
	int			kwnum;

	(void) arg;

	if (quote_all_identifiers)
		return true;
	kwnum = ScanKeywordLookup(word, &ScanKeywords);
	return kwnum >= 0 && ScanKeywordCategories[kwnum] != UNRESERVED_KEYWORD;
}

/* A string option's value (palloc'd), or an error. */
static char *
json_string(const JsonbValue *v, const char *key)
{
	if (v->type != jbvString)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("option \"%s\" must be a string", key)));
	return pnstrdup(v->val.string.val, v->val.string.len);
}

/* A boolean option's value, or an error. */
static bool
json_bool(const JsonbValue *v, const char *key)
{
	if (v->type != jbvBool)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("option \"%s\" must be true or false", key)));
	return v->val.boolean;
}

/* {"CREATOR": "schema", ...} into the writer's two arrays. */
static void
read_schema_map(const JsonbValue *v, zf_pg_options *pg)
{
	JsonbIterator *it;
	JsonbValue	k;
	JsonbValue	val;
	JsonbIteratorToken tok;
	int			cap = 8;
	const char **from = palloc(sizeof(char *) * cap);
	const char **to = palloc(sizeof(char *) * cap);
	int			n = 0;

	if (v->type != jbvBinary || !JsonContainerIsObject(v->val.binary.data))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("option \"schema_map\" must be an object of creator and schema names"),
				 errhint("For example {\"schema_map\": {\"DBA1ADM\": \"dba\"}}.")));
	it = JsonbIteratorInit(v->val.binary.data);
	while ((tok = JsonbIteratorNext(&it, &k, true)) != WJB_DONE)
	{
		if (tok != WJB_KEY)
			continue;
		tok = JsonbIteratorNext(&it, &val, true);
		if (val.type != jbvString || val.val.string.len == 0)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("schema_map value for \"%s\" must be a non-empty string",
							pnstrdup(k.val.string.val, k.val.string.len))));
		if (n == cap)
		{
			cap *= 2;
			from = repalloc(from, sizeof(char *) * cap);
			to = repalloc(to, sizeof(char *) * cap);
		}
		from[n] = pnstrdup(k.val.string.val, k.val.string.len);
		to[n] = pnstrdup(val.val.string.val, val.val.string.len);
		n++;
	}
	pg->schema_map_from = from;
	pg->schema_map_to = to;
	pg->schema_map_count = n;
}

/* Read the options jsonb; unknown names and wrong types are errors. */
static void
read_options(Jsonb *jb, ddl_call_options *o)
{
	JsonbIterator *it;
	JsonbValue	k;
	JsonbValue	v;
	JsonbIteratorToken tok;

	memset(o, 0, sizeof(*o));
	zf_pg_options_init(&o->pg);
	o->pg.is_keyword = server_keyword;
	o->notes = true;

	if (!JB_ROOT_IS_OBJECT(jb))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("options must be a JSON object"),
				 errhint("For example '{\"schema\": \"app\", \"fold_case\": true}'.")));

	it = JsonbIteratorInit(&jb->root);
	while ((tok = JsonbIteratorNext(&it, &k, true)) != WJB_DONE)
	{
		char	   *key;

		if (tok != WJB_KEY)
			continue;
		key = pnstrdup(k.val.string.val, k.val.string.len);
		tok = JsonbIteratorNext(&it, &v, true);

		if (strcmp(key, "schema") == 0)
		{
			o->pg.schema = json_string(&v, key);
			if (o->pg.schema[0] == '\0')
				ereport(ERROR,
						(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
						 errmsg("option \"schema\" must not be empty")));
		}
		else if (strcmp(key, "schema_map") == 0)
			read_schema_map(&v, &o->pg);
		else if (strcmp(key, "fold_case") == 0)
			o->pg.fold_case = json_bool(&v, key);
		else if (strcmp(key, "unique_nulls_not_distinct") == 0)
			o->pg.unique_nulls_not_distinct = json_bool(&v, key);
		else if (strcmp(key, "create_schemas") == 0)
			o->pg.create_schemas = json_bool(&v, key);
		else if (strcmp(key, "partitioning") == 0)
			o->pg.partitioning = json_bool(&v, key);
		else if (strcmp(key, "notes") == 0)
			o->notes = json_bool(&v, key);
		else if (strcmp(key, "missing_references") == 0)
		{
			char	   *s = json_string(&v, key);

			if (strcmp(s, "guard") == 0)
				o->pg.missing_references = ZF_PG_MISSING_GUARD;
			else if (strcmp(s, "keep") == 0)
				o->pg.missing_references = ZF_PG_MISSING_KEEP;
			else if (strcmp(s, "omit") == 0)
				o->pg.missing_references = ZF_PG_MISSING_OMIT;
			else
				ereport(ERROR,
						(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
						 errmsg("invalid value for option \"missing_references\": \"%s\"", s),
						 errhint("Valid values are \"guard\", \"keep\" and \"omit\".")));
		}
		else if (strcmp(key, "on_error") == 0)
		{
			char	   *s = json_string(&v, key);

			if (strcmp(s, "stop") == 0)
				o->parse.continue_on_error = false;
			else if (strcmp(s, "skip") == 0)
				o->parse.continue_on_error = true;
			else
				ereport(ERROR,
						(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
						 errmsg("invalid value for option \"on_error\": \"%s\"", s),
						 errhint("Valid values are \"stop\" and \"skip\".")));
		}
		else if (strcmp(key, "terminator") == 0)
		{
			char	   *s = json_string(&v, key);

			if (strlen(s) != 1)
				ereport(ERROR,
						(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
						 errmsg("option \"terminator\" must be one character")));
			o->parse.terminator = s[0];
		}
		else
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("unrecognized option \"%s\"", key),
					 errhint("Valid options are: " OPTION_NAMES ".")));
	}
}

/* Report a core error with its SQLSTATE, position, detail and hint. */
pg_noreturn static void report_error(const zf_error *err);

static void
report_error(const zf_error *raw)
{
	int			code;
	zf_error	prepared;
	const zf_error *err = &prepared;

	zfdw_error_prepare(raw, &prepared);

	switch (err->status)
	{
		case ZF_E_SYNTAX:
			code = ERRCODE_SYNTAX_ERROR;
			break;
		case ZF_E_LIMIT:
			code = ERRCODE_PROGRAM_LIMIT_EXCEEDED;
			break;
		case ZF_E_NOMEM:
			code = ERRCODE_OUT_OF_MEMORY;
			break;
		case ZF_E_ARG:
			code = ERRCODE_INVALID_PARAMETER_VALUE;
			break;
		case ZF_E_UNSUPPORTED:
			code = ERRCODE_FEATURE_NOT_SUPPORTED;
			break;
		default:
			code = ERRCODE_INTERNAL_ERROR;
			break;
	}
	if (err->line > 0)
		ereport(ERROR,
				(errcode(code),
				 errmsg("%s", err->message),
				 errdetail("Line %d, column %d of the DDL.%s%s", err->line, err->column,
						   err->detail[0] ? " " : "", err->detail),
				 err->hint[0] ? errhint("%s", err->hint) : 0));
	ereport(ERROR,
			(errcode(code),
			 errmsg("%s", err->message),
			 err->detail[0] ? errdetail("%s", err->detail) : 0,
			 err->hint[0] ? errhint("%s", err->hint) : 0));
}

/* A core string as text, checked for the database encoding. */
static text *
core_text(const char *s, size_t len)
{
	pg_verifymbstr(s, (int) len, false);
	return cstring_to_text_with_len(s, (int) len);
}

/* zfdw.db2_ddl_to_pg(ddl text, options jsonb): the converted script as text. */
Datum
zfdw_db2_ddl_to_pg(PG_FUNCTION_ARGS)
{
	text	   *ddl = PG_GETARG_TEXT_PP(0);
	Jsonb	   *jb = PG_GETARG_JSONB_P(1);
	ddl_call_options o;
	zf_db2_script *volatile script = NULL;
	zf_pg_script *volatile out = NULL;
	text	   *result = NULL;

	read_options(jb, &o);
	PG_TRY();
	{
		zf_db2_script *s = NULL;
		zf_pg_script *p = NULL;
		zf_error	err;
		const char *sql;
		size_t		len;

		/* keep each result where PG_FINALLY frees it before reporting */
		if (zf_db2ddl_parse(VARDATA_ANY(ddl), VARSIZE_ANY_EXHDR(ddl), &o.parse,
							&s, &err) != ZF_OK)
			report_error(&err);
		script = s;
		if (zf_db2ddl_to_pg(s, &o.pg, &p, &err) != ZF_OK)
			report_error(&err);
		out = p;
		sql = zf_pg_script_text(p, o.notes, &len);
		if (sql == NULL)
			ereport(ERROR,
					(errcode(ERRCODE_OUT_OF_MEMORY),
					 errmsg("out of memory while converting DDL")));
		result = core_text(sql, len);
	}
	PG_FINALLY();
	{
		zf_pg_script_free(out);
		zf_db2ddl_free(script);
	}
	PG_END_TRY();
	PG_RETURN_TEXT_P(result);
}

/* zfdw.db2_ddl_convert(ddl text, options jsonb): one row per source statement. */
Datum
zfdw_db2_ddl_convert(PG_FUNCTION_ARGS)
{
	text	   *ddl = PG_GETARG_TEXT_PP(0);
	Jsonb	   *jb = PG_GETARG_JSONB_P(1);
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	ddl_call_options o;
	zf_db2_script *volatile script = NULL;
	zf_pg_script *volatile out = NULL;

	read_options(jb, &o);
	InitMaterializedSRF(fcinfo, 0);
	PG_TRY();
	{
		zf_db2_script *s = NULL;
		zf_pg_script *p = NULL;
		zf_error	err;

		if (zf_db2ddl_parse(VARDATA_ANY(ddl), VARSIZE_ANY_EXHDR(ddl), &o.parse,
							&s, &err) != ZF_OK)
			report_error(&err);
		script = s;
		if (zf_db2ddl_to_pg(s, &o.pg, &p, &err) != ZF_OK)
			report_error(&err);
		out = p;
		for (int i = 0; i < p->nstatements; i++)
		{
			const zf_pg_statement *st = &p->statements[i];
			Datum		values[6];
			bool		nulls[6] = {false, false, false, false, false, false};
			Datum	   *notes = palloc(sizeof(Datum) * (st->nnotes > 0 ? st->nnotes : 1));

			values[0] = Int32GetDatum(st->number);
			values[1] = Int32GetDatum(st->line);
			values[2] = PointerGetDatum(core_text(st->kind, strlen(st->kind)));
			if (st->object)
				values[3] = PointerGetDatum(core_text(st->object, strlen(st->object)));
			else
				nulls[3] = true;
			if (st->sql)
				values[4] = PointerGetDatum(core_text(st->sql, strlen(st->sql)));
			else
				nulls[4] = true;
			for (int k = 0; k < st->nnotes; k++)
				notes[k] = PointerGetDatum(core_text(st->notes[k], strlen(st->notes[k])));
			values[5] = PointerGetDatum(construct_array(notes, st->nnotes, TEXTOID, -1,
														false, TYPALIGN_INT));
			tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
		}
	}
	PG_FINALLY();
	{
		zf_pg_script_free(out);
		zf_db2ddl_free(script);
	}
	PG_END_TRY();
	return (Datum) 0;
}
