/*-------------------------------------------------------------------------
 *
 * apply_spec.c
 *	  Turn the arguments of zfdw.apply_changes into an ApplySpec: find the
 *	  source's operation, position, transaction and commit-time columns, the
 *	  target's key and the after- and before-image columns, check the
 *	  caller's privileges, and translate op_map.
 *
 * Everything that can be wrong with the arguments is reported here, before
 * a single row is read or written.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "access/htup_details.h"
#include "access/relation.h"
#include "access/table.h"
#include "catalog/pg_attribute.h"
#include "catalog/pg_class.h"
#include "catalog/pg_index.h"
#include "catalog/pg_type.h"
#include "lib/stringinfo.h"
#include "miscadmin.h"
#include "parser/parse_coerce.h"
#include "utils/acl.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/jsonb.h"
#include "utils/lsyscache.h"
#include "utils/rel.h"
#include "utils/syscache.h"
#include "utils/typcache.h"

#include "apply/apply.h"

/* argument numbers shared by the function and the procedure */
enum
{
	ARG_SOURCE,
	ARG_TARGET,
	ARG_KEY_COLUMNS,
	ARG_OP_COLUMN,
	ARG_POSITION_COLUMN,
	ARG_TXID_COLUMN,
	ARG_COMMIT_TS_COLUMN,
	ARG_OP_MAP,
	ARG_BEFORE_PREFIX,
	ARG_STAMP_COLUMN
};

/* The text argument argno as a C string, or NULL when SQL NULL. */
static char *
text_arg(FunctionCallInfo fcinfo, int argno)
{
	if (PG_NARGS() <= argno || PG_ARGISNULL(argno))
		return NULL;
	return text_to_cstring(PG_GETARG_TEXT_PP(argno));
}

/* The attribute of tupdesc called name (exact spelling), or NULL. */
static Form_pg_attribute
find_column(TupleDesc tupdesc, const char *name)
{
	for (int i = 0; i < tupdesc->natts; i++)
	{
		Form_pg_attribute att = TupleDescAttr(tupdesc, i);

		if (!att->attisdropped && strcmp(NameStr(att->attname), name) == 0)
			return att;
	}
	return NULL;
}

/*
 * The source column called name, with an error that says which argument
 * named it when it is missing.
 */
static Form_pg_attribute
source_column(Relation srel, const char *name, const char *argname)
{
	Form_pg_attribute att = find_column(RelationGetDescr(srel), name);

	if (att == NULL)
		ereport(ERROR,
				(errcode(ERRCODE_UNDEFINED_COLUMN),
				 errmsg("column \"%s\" does not exist in source relation %s",
						name, RelationGetRelationName(srel)),
				 errdetail("The column is named by %s.", argname),
				 errhint("Pass %s => '...' naming a column of the source.",
						 argname)));
	return att;
}

/*
 * Split position_column into column names: a comma-separated list whose
 * items are taken literally after trimming blanks, or double-quoted (with
 * "" for a quote) when a name holds a comma or blanks at its ends.
 */
static List *
split_position_columns(const char *list)
{
	List	   *names = NIL;
	const char *p = list;

	for (;;)
	{
		StringInfoData name;

		initStringInfo(&name);
		while (*p == ' ' || *p == '\t' || *p == '\n')
			p++;
		if (*p == '"')
		{
			for (p++;; p++)
			{
				if (*p == '\0')
					ereport(ERROR,
							(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
							 errmsg("unterminated quoted name in position_column \"%s\"",
									list)));
				if (*p == '"')
				{
					if (p[1] != '"')
						break;
					p++;
				}
				appendStringInfoChar(&name, *p);
			}
			p++;
			while (*p == ' ' || *p == '\t' || *p == '\n')
				p++;
		}
		else
		{
			while (*p != '\0' && *p != ',')
				appendStringInfoChar(&name, *p++);
			while (name.len > 0 && (name.data[name.len - 1] == ' ' ||
									name.data[name.len - 1] == '\t' ||
									name.data[name.len - 1] == '\n'))
				name.data[--name.len] = '\0';
		}
		if (name.len == 0)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("empty column name in position_column \"%s\"", list),
					 errhint("Name one column, or several separated by commas: 'file_name, record_number'.")));
		names = lappend(names, name.data);
		if (*p == '\0')
			break;
		if (*p != ',')
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("unexpected text after a quoted name in position_column \"%s\"",
							list)));
		p++;
	}
	return names;
}

/*
 * Require privilege mode on rel, either on the whole table or on each of
 * the columns in attnums (column privileges are enough for SELECT, INSERT
 * and UPDATE, as in PostgreSQL itself).
 */
static void
require_privilege(Relation rel, AclMode mode, const char *modename,
				  List *attnums, const char *role)
{
	Oid			relid = RelationGetRelid(rel);
	Oid			userid = GetUserId();
	bool		ok;

	ok = pg_class_aclcheck(relid, userid, mode) == ACLCHECK_OK;
	if (!ok && mode != ACL_DELETE && attnums != NIL)
	{
		ListCell   *lc;

		ok = true;
		foreach(lc, attnums)
		{
			if (pg_attribute_aclcheck(relid, (AttrNumber) lfirst_int(lc),
									  userid, mode) != ACLCHECK_OK)
			{
				ok = false;
				break;
			}
		}
	}
	if (!ok)
		ereport(ERROR,
				(errcode(ERRCODE_INSUFFICIENT_PRIVILEGE),
				 errmsg("permission denied for table %s",
						RelationGetRelationName(rel)),
				 errdetail("Applying changes needs %s on the %s, and runs with the privileges of the current user.",
						   modename, role),
				 errhint("GRANT %s ON %s TO %s;", modename,
						 quote_qualified_identifier(get_namespace_name(RelationGetNamespace(rel)),
													RelationGetRelationName(rel)),
						 quote_identifier(GetUserNameFromId(userid, false)))));
}

/*
 * The source column must be storable in the target column as an INSERT
 * would store it (an assignment cast; key columns are cast explicitly), for
 * a clear error before any row is read.
 */
static void
require_assignable(Form_pg_attribute satt, Form_pg_attribute tatt,
				   CoercionContext context)
{
	Oid			stype = satt->atttypid;

	if (!can_coerce_type(1, &stype, &tatt->atttypid, context))
		ereport(ERROR,
				(errcode(ERRCODE_DATATYPE_MISMATCH),
				 errmsg("source column \"%s\" of type %s cannot be stored in target column \"%s\" of type %s",
						NameStr(satt->attname), format_type_be(satt->atttypid),
						NameStr(tatt->attname), format_type_be(tatt->atttypid)),
				 errhint("Give the source column a type the target accepts, for example with a view that casts it.")));
}

/* The key columns of a unique index usable as an ON CONFLICT arbiter. */
static bool
index_is_arbiter(Oid indexoid, int *nkeys, AttrNumber *keys)
{
	HeapTuple	tuple;
	Form_pg_index index;
	bool		usable;

	tuple = SearchSysCache1(INDEXRELID, ObjectIdGetDatum(indexoid));
	if (!HeapTupleIsValid(tuple))
		elog(ERROR, "cache lookup failed for index %u", indexoid);
	index = (Form_pg_index) GETSTRUCT(tuple);
	usable = index->indisunique && index->indimmediate && index->indisvalid &&
		heap_attisnull(tuple, Anum_pg_index_indpred, NULL) &&
		heap_attisnull(tuple, Anum_pg_index_indexprs, NULL);
	*nkeys = index->indnkeyatts;
	for (int i = 0; i < index->indnkeyatts && i < INDEX_MAX_KEYS; i++)
		keys[i] = index->indkey.values[i];
	ReleaseSysCache(tuple);
	return usable;
}

/*
 * The key columns: the ones named in key_columns, which need a unique
 * index of exactly those columns (the ON CONFLICT arbiter), or the primary
 * key.  Returns the attribute numbers in the order given.
 */
static List *
resolve_key(Relation trel, ArrayType *key_columns)
{
	TupleDesc	tupdesc = RelationGetDescr(trel);
	List	   *attnums = NIL;
	List	   *indexes;
	ListCell   *lc;
	AttrNumber	keys[INDEX_MAX_KEYS];
	int			nkeys;

	if (key_columns == NULL)
	{
		Oid			pk = zfdw_relation_primary_key_index(trel);

		/* the relcache leaves out a deferrable primary key: say so */
		if (!OidIsValid(pk))
		{
			foreach(lc, RelationGetIndexList(trel))
			{
				HeapTuple	tuple = SearchSysCache1(INDEXRELID,
													ObjectIdGetDatum(lfirst_oid(lc)));

				if (HeapTupleIsValid(tuple))
				{
					if (((Form_pg_index) GETSTRUCT(tuple))->indisprimary)
						pk = lfirst_oid(lc);
					ReleaseSysCache(tuple);
				}
			}
		}
		if (!OidIsValid(pk))
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_COLUMN_REFERENCE),
					 errmsg("target table %s has no primary key",
							RelationGetRelationName(trel)),
					 errhint("Add a primary key, or pass key_columns => ARRAY['...'] naming columns with a unique index.")));
		if (!index_is_arbiter(pk, &nkeys, keys))
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_COLUMN_REFERENCE),
					 errmsg("the primary key of target table %s is deferrable",
							RelationGetRelationName(trel)),
					 errhint("Pass key_columns naming columns with a non-deferrable unique index.")));
		for (int i = 0; i < nkeys; i++)
			attnums = lappend_int(attnums, keys[i]);
		return attnums;
	}

	{
		Datum	   *elems;
		bool	   *nulls;
		int			nelems;

		deconstruct_array(key_columns, TEXTOID, -1, false, TYPALIGN_INT,
						  &elems, &nulls, &nelems);
		if (nelems == 0)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("key_columns is empty"),
					 errhint("Pass NULL to use the primary key of the target.")));
		for (int i = 0; i < nelems; i++)
		{
			char	   *name;
			Form_pg_attribute att;

			if (nulls[i])
				ereport(ERROR,
						(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
						 errmsg("key_columns contains a null")));
			name = TextDatumGetCString(elems[i]);
			att = find_column(tupdesc, name);
			if (att == NULL)
				ereport(ERROR,
						(errcode(ERRCODE_UNDEFINED_COLUMN),
						 errmsg("key column \"%s\" does not exist in target table %s",
								name, RelationGetRelationName(trel))));
			if (list_member_int(attnums, att->attnum))
				ereport(ERROR,
						(errcode(ERRCODE_DUPLICATE_COLUMN),
						 errmsg("key column \"%s\" is named twice", name)));
			attnums = lappend_int(attnums, att->attnum);
		}
	}

	/* the key must be the exact column set of a usable unique index */
	indexes = RelationGetIndexList(trel);
	foreach(lc, indexes)
	{
		bool		same;

		if (!index_is_arbiter(lfirst_oid(lc), &nkeys, keys) ||
			nkeys != list_length(attnums))
			continue;
		same = true;
		for (int i = 0; i < nkeys && same; i++)
			same = list_member_int(attnums, keys[i]);
		if (same)
			return attnums;
	}
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_COLUMN_REFERENCE),
			 errmsg("target table %s has no unique index on the key columns",
					RelationGetRelationName(trel)),
			 errdetail("Changes are applied with INSERT ... ON CONFLICT, which needs a non-partial, non-deferrable unique index of exactly the key columns."),
			 errhint("Create one with CREATE UNIQUE INDEX, or pass other key_columns.")));
	return NIL;					/* keep the compiler quiet */
}

/*
 * Translate op_map ({"PT":"I", "UB":"B", "XX":null, ...}) into a CASE over
 * the trimmed source code; null values map to '-', "skip this record".
 */
static char *
op_map_case(Jsonb *op_map, const char *code_sql)
{
	StringInfoData buf;
	JsonbIterator *it;
	JsonbValue	v;
	JsonbIteratorToken tok;
	char	   *key = NULL;
	int			nentries = 0;

	if (!JB_ROOT_IS_OBJECT(op_map) || JB_ROOT_IS_SCALAR(op_map))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("op_map must be a JSON object"),
				 errhint("Map each source code to I, U, D, B, A, R or T, or to null to skip it: '{\"PT\":\"I\", \"DL\":\"D\"}'.")));

	initStringInfo(&buf);
	appendStringInfo(&buf, "CASE %s", code_sql);
	it = JsonbIteratorInit(&op_map->root);
	while ((tok = JsonbIteratorNext(&it, &v, true)) != WJB_DONE)
	{
		if (tok == WJB_KEY)
		{
			char	   *k = pnstrdup(v.val.string.val, v.val.string.len);
			char	   *end = k + strlen(k);

			/* codes are compared with their blanks trimmed */
			while (*k == ' ')
				k++;
			while (end > k && end[-1] == ' ')
				*--end = '\0';
			key = k;
		}
		else if (tok == WJB_VALUE)
		{
			const char *to;

			if (v.type == jbvNull)
				to = "-";
			else if (v.type == jbvString && v.val.string.len == 1 &&
					 strchr("IUDBART", v.val.string.val[0]) != NULL)
				to = pnstrdup(v.val.string.val, 1);
			else
				ereport(ERROR,
						(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
						 errmsg("op_map maps code \"%s\" to something other than an operation",
								key),
						 errdetail("Each code must map to one of \"I\", \"U\", \"D\", \"B\", \"A\", \"R\", \"T\", or to null to skip it.")));
			appendStringInfo(&buf, " WHEN %s THEN %s",
							 quote_literal_cstr(key), quote_literal_cstr(to));
			nentries++;
		}
	}
	appendStringInfo(&buf, " ELSE %s END", code_sql);
	return nentries > 0 ? buf.data : NULL;
}

/* The namespace of the called function, which is the one of apply_state. */
Oid
zfdw_apply_state_schema(FunctionCallInfo fcinfo)
{
	if (fcinfo->flinfo == NULL || !OidIsValid(fcinfo->flinfo->fn_oid))
		elog(ERROR, "zfdw apply called without function information");
	return get_func_namespace(fcinfo->flinfo->fn_oid);
}

/* schema-qualified, quoted name of a relation, for generated SQL */
static char *
relation_sql_name(Relation rel)
{
	return quote_qualified_identifier(get_namespace_name(RelationGetNamespace(rel)),
									  RelationGetRelationName(rel));
}

/*
 * Build the ApplySpec from the call's arguments, with every check that can
 * be made before reading the source.
 */
ApplySpec *
zfdw_apply_spec_build(FunctionCallInfo fcinfo)
{
	ApplySpec  *spec = palloc0(sizeof(ApplySpec));
	Relation	srel;
	Relation	trel;
	TupleDesc	sdesc;
	TupleDesc	tdesc;
	List	   *key_attnums;
	List	   *source_attnums = NIL;
	List	   *target_attnums = NIL;
	char	   *op_column;
	char	   *position_column;
	char	   *before_prefix;
	char	   *stamp_column;
	List	   *pos_names;
	ListCell   *lc;
	int			i;
	int			nbefore = 0;
	char	   *code_sql;

	if (PG_ARGISNULL(ARG_SOURCE) || PG_ARGISNULL(ARG_TARGET))
		ereport(ERROR,
				(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
				 errmsg("source and target must not be null")));
	spec->source_oid = PG_GETARG_OID(ARG_SOURCE);
	spec->target_oid = PG_GETARG_OID(ARG_TARGET);
	spec->state_schema = zfdw_apply_state_schema(fcinfo);

	srel = try_relation_open(spec->source_oid, AccessShareLock);
	if (srel == NULL)
		ereport(ERROR,
				(errcode(ERRCODE_UNDEFINED_TABLE),
				 errmsg("source relation with OID %u does not exist",
						spec->source_oid)));
	trel = try_relation_open(spec->target_oid, RowExclusiveLock);
	if (trel == NULL)
		ereport(ERROR,
				(errcode(ERRCODE_UNDEFINED_TABLE),
				 errmsg("target relation with OID %u does not exist",
						spec->target_oid)));
	if (spec->source_oid == spec->target_oid)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("source and target are the same relation")));
	switch (srel->rd_rel->relkind)
	{
		case RELKIND_RELATION:
		case RELKIND_PARTITIONED_TABLE:
		case RELKIND_VIEW:
		case RELKIND_MATVIEW:
		case RELKIND_FOREIGN_TABLE:
			break;
		default:
			ereport(ERROR,
					(errcode(ERRCODE_WRONG_OBJECT_TYPE),
					 errmsg("source \"%s\" is not a table, view or foreign table",
							RelationGetRelationName(srel))));
	}
	if (trel->rd_rel->relkind != RELKIND_RELATION &&
		trel->rd_rel->relkind != RELKIND_PARTITIONED_TABLE)
		ereport(ERROR,
				(errcode(ERRCODE_WRONG_OBJECT_TYPE),
				 errmsg("target \"%s\" is not a table",
						RelationGetRelationName(trel)),
				 errdetail("Changes are applied to ordinary or partitioned tables.")));

	spec->source_sql = relation_sql_name(srel);
	spec->target_sql = relation_sql_name(trel);
	spec->source_label = DatumGetCString(DirectFunctionCall1(regclassout,
															 ObjectIdGetDatum(spec->source_oid)));
	spec->target_label = DatumGetCString(DirectFunctionCall1(regclassout,
															 ObjectIdGetDatum(spec->target_oid)));
	sdesc = RelationGetDescr(srel);
	tdesc = RelationGetDescr(trel);

	/* operation column */
	op_column = text_arg(fcinfo, ARG_OP_COLUMN);
	if (op_column == NULL)
		ereport(ERROR,
				(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
				 errmsg("op_column must not be null")));
	source_attnums = lappend_int(source_attnums,
								 source_column(srel, op_column, "op_column")->attnum);
	spec->op_column = op_column;
	code_sql = psprintf("pg_catalog.btrim(s.%s::pg_catalog.text)",
						quote_identifier(op_column));
	if (!PG_ARGISNULL(ARG_OP_MAP))
		spec->op_map_sql = op_map_case(PG_GETARG_JSONB_P(ARG_OP_MAP), code_sql);

	/* position columns, compared as a row */
	position_column = text_arg(fcinfo, ARG_POSITION_COLUMN);
	if (position_column == NULL)
		ereport(ERROR,
				(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
				 errmsg("position_column must not be null"),
				 errhint("Every change needs a position that orders it; without one, use the file order: 'file_name, record_number'.")));
	pos_names = split_position_columns(position_column);
	spec->npos = list_length(pos_names);
	spec->pos_names = palloc(sizeof(char *) * spec->npos);
	spec->pos_types = palloc(sizeof(Oid) * spec->npos);
	spec->pos_collatable = palloc(sizeof(bool) * spec->npos);
	i = 0;
	foreach(lc, pos_names)
	{
		Form_pg_attribute att = source_column(srel, lfirst(lc), "position_column");
		Oid			func;
		Oid			ioparam;
		bool		varlena;

		for (int j = 0; j < i; j++)
			if (strcmp(spec->pos_names[j], lfirst(lc)) == 0)
				ereport(ERROR,
						(errcode(ERRCODE_DUPLICATE_COLUMN),
						 errmsg("position column \"%s\" is named twice",
								(char *) lfirst(lc))));
		/* positions are sorted and compared as a row */
		if (!OidIsValid(lookup_type_cache(att->atttypid, TYPECACHE_LT_OPR)->lt_opr))
			ereport(ERROR,
					(errcode(ERRCODE_UNDEFINED_FUNCTION),
					 errmsg("position column \"%s\" of type %s cannot be ordered",
							(char *) lfirst(lc), format_type_be(att->atttypid)),
					 errhint("Use a column of a type with a btree ordering, such as a number, text or bytea.")));
		/* the mark is stored in binary form: the type must have one */
		getTypeBinaryOutputInfo(att->atttypid, &func, &varlena);
		getTypeBinaryInputInfo(att->atttypid, &func, &ioparam);
		spec->pos_names[i] = lfirst(lc);
		spec->pos_types[i] = att->atttypid;
		spec->pos_collatable[i] = type_is_collatable(att->atttypid);
		source_attnums = lappend_int(source_attnums, att->attnum);
		i++;
	}

	/* optional transaction and commit-time columns */
	spec->txid_column = text_arg(fcinfo, ARG_TXID_COLUMN);
	if (spec->txid_column)
		source_attnums = lappend_int(source_attnums,
									 source_column(srel, spec->txid_column,
												   "txid_column")->attnum);
	spec->commit_ts_column = text_arg(fcinfo, ARG_COMMIT_TS_COLUMN);
	if (spec->commit_ts_column)
		source_attnums = lappend_int(source_attnums,
									 source_column(srel, spec->commit_ts_column,
												   "commit_ts_column")->attnum);

	/* the stamp column, when the target has it */
	stamp_column = text_arg(fcinfo, ARG_STAMP_COLUMN);
	if (stamp_column)
	{
		Form_pg_attribute att = find_column(tdesc, stamp_column);

		if (att != NULL && att->attgenerated == '\0')
		{
			spec->stamp_column = stamp_column;
			target_attnums = lappend_int(target_attnums, att->attnum);
		}
	}

	/* key columns: in the target's unique index and in the source */
	key_attnums = resolve_key(trel, PG_ARGISNULL(ARG_KEY_COLUMNS) ? NULL :
							  PG_GETARG_ARRAYTYPE_P(ARG_KEY_COLUMNS));
	spec->nkeys = list_length(key_attnums);
	spec->key_names = palloc(sizeof(char *) * spec->nkeys);
	spec->key_types = palloc(sizeof(char *) * spec->nkeys);
	spec->before_names = palloc0(sizeof(char *) * spec->nkeys);
	before_prefix = text_arg(fcinfo, ARG_BEFORE_PREFIX);
	i = 0;
	foreach(lc, key_attnums)
	{
		Form_pg_attribute att = TupleDescAttr(tdesc, lfirst_int(lc) - 1);
		char	   *name = pstrdup(NameStr(att->attname));
		Form_pg_attribute satt = find_column(sdesc, name);

		if (spec->stamp_column && strcmp(name, spec->stamp_column) == 0)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("stamp column \"%s\" is a key column", name),
					 errhint("Pass stamp_column => NULL, or another column.")));
		if (satt == NULL)
			ereport(ERROR,
					(errcode(ERRCODE_UNDEFINED_COLUMN),
					 errmsg("source relation %s has no key column \"%s\"",
							RelationGetRelationName(srel), name),
					 errdetail("Source columns named like target columns carry the after image; the key columns must be among them.")));
		require_assignable(satt, att, COERCION_EXPLICIT);
		spec->key_names[i] = name;
		/* no typmod: a cast must never truncate (char(n) would be char(1)) */
		spec->key_types[i] = format_type_extended(att->atttypid, -1,
												  FORMAT_TYPE_TYPEMOD_GIVEN |
												  FORMAT_TYPE_FORCE_QUALIFY);
		if (att->attidentity == ATTRIBUTE_IDENTITY_ALWAYS)
			spec->overriding = true;
		source_attnums = lappend_int(source_attnums, satt->attnum);
		target_attnums = lappend_int(target_attnums, att->attnum);
		if (before_prefix && before_prefix[0] != '\0')
		{
			char	   *bname = psprintf("%s%s", before_prefix, name);
			Form_pg_attribute batt = find_column(sdesc, bname);

			if (batt != NULL)
			{
				require_assignable(batt, att, COERCION_EXPLICIT);
				spec->before_names[i] = bname;
				source_attnums = lappend_int(source_attnums, batt->attnum);
				nbefore++;
			}
		}
		i++;
	}
	if (nbefore > 0 && nbefore < spec->nkeys)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("source relation %s has before-image columns for some key columns but not all",
						RelationGetRelationName(srel)),
				 errhint("Every key column needs its \"%s<column>\" in the source, or none does.",
						 before_prefix)));
	if (nbefore == 0)
		spec->before_names = NULL;

	/* the after image: other target columns the source has by name */
	spec->image_names = palloc(sizeof(char *) * tdesc->natts);
	for (i = 0; i < tdesc->natts; i++)
	{
		Form_pg_attribute att = TupleDescAttr(tdesc, i);
		Form_pg_attribute satt;
		const char *name = NameStr(att->attname);

		if (att->attisdropped || att->attgenerated != '\0' ||
			list_member_int(key_attnums, att->attnum) ||
			(spec->stamp_column && strcmp(name, spec->stamp_column) == 0))
			continue;
		satt = find_column(sdesc, name);
		if (satt == NULL)
			continue;
		require_assignable(satt, att, COERCION_ASSIGNMENT);
		spec->image_names[spec->nimage++] = pstrdup(name);
		if (att->attidentity == ATTRIBUTE_IDENTITY_ALWAYS)
			spec->overriding = true;
		source_attnums = lappend_int(source_attnums, satt->attnum);
		target_attnums = lappend_int(target_attnums, att->attnum);
	}

	/* the caller's privileges, checked up front for a clear message */
	require_privilege(srel, ACL_SELECT, "SELECT", source_attnums, "source");
	require_privilege(trel, ACL_SELECT, "SELECT", key_attnums, "target");
	require_privilege(trel, ACL_INSERT, "INSERT", target_attnums, "target");
	require_privilege(trel, ACL_UPDATE, "UPDATE", target_attnums, "target");
	require_privilege(trel, ACL_DELETE, "DELETE", NIL, "target");

	/* keep the locks until the end of the transaction */
	relation_close(srel, NoLock);
	relation_close(trel, NoLock);
	return spec;
}
