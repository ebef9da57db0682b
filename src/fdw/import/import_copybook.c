/*-------------------------------------------------------------------------
 *
 * import_copybook.c
 *	  IMPORT FOREIGN SCHEMA: one foreign table per record definition of a
 *	  copybook (or per table of a DB2 punch), with columns and options that
 *	  work without edits.
 *
 * Columns are the elementary items of the record in order, FILLERs left
 * out; an item under OCCURS becomes an array (a group under OCCURS gives
 * one array per elementary item).  Names are the items' names in lower
 * case with '-' as '_'; when two items share a name, the later ones are
 * prefixed with their parent's name, then numbered, so the result is
 * always the same for the same copybook.  A column whose name does not
 * find its item by itself gets a field option with the item's path.
 *
 * Every identifier and literal of the generated statements is quoted.
 * Reading a copybook or punch file follows the same rule as the options
 * that name files: superuser or pg_read_server_files.
 *
 *-------------------------------------------------------------------------
 */
#include "zfdw.h"

#include "access/htup_details.h"
#include "catalog/pg_authid.h"
#include "catalog/pg_foreign_table.h"
#include "commands/defrem.h"
#include "foreign/fdwapi.h"
#include "foreign/foreign.h"
#include "miscadmin.h"
#include "nodes/makefuncs.h"
#include "nodes/parsenodes.h"
#include "utils/acl.h"
#include "utils/builtins.h"

#include "cobol/copybook.h"
#include "import/import.h"
#include "scan/scan.h"

/* Options of IMPORT that are not passed on to the tables as they are. */
bool
zfdw_is_import_only_option(const char *name)
{
	return strcmp(name, "ddl") == 0 || strcmp(name, "ddl_text") == 0;
}

/*
 * Validate IMPORT's options as the options of the tables it creates (this
 * also applies the file privileges), plus the import-only ones.
 */
void
zfdw_validate_import_options(List *options)
{
	List	   *table_options = NIL;
	ListCell   *lc;

	foreach(lc, options)
	{
		DefElem    *def = (DefElem *) lfirst(lc);

		if (zfdw_is_import_only_option(def->defname))
		{
			if (strcmp(def->defname, "ddl") == 0)
				zfdw_import_check_file_option("ddl");
		}
		else
			table_options = lappend(table_options, def);
	}
	zfdw_validate_options(table_options, ForeignTableRelationId);
}

/* Check that the current user may name server files in IMPORT options. */
void
zfdw_import_check_file_option(const char *option)
{
	if (!has_privs_of_role(GetUserId(), ROLE_PG_READ_SERVER_FILES))
		ereport(ERROR,
				(errcode(ERRCODE_INSUFFICIENT_PRIVILEGE),
				 errmsg("only superuser or a role with privileges of the pg_read_server_files role may use the %s option of IMPORT FOREIGN SCHEMA",
						option)));
}

/* Add name to used, making it unique: name, parent_name, name_2, ... */
static char *
unique_column_name(List **used, const char *name, const char *parent)
{
	char	   *candidate = pstrdup(name);
	int			n = 1;

	while (zfdw_name_taken(*used, candidate))
	{
		if (n == 1 && parent && parent[0])
			candidate = psprintf("%s_%s", parent, name);
		else
			candidate = psprintf("%s_%d", name, n);
		n++;
	}
	*used = lappend(*used, candidate);
	return candidate;
}

/* Add the columns of field fi's subtree (elementary items) to b. */
static void
append_columns(const zf_layout *L, int32 rec, int32 fi, List **used,
			   ZfForeignTableSql *b)
{
	const zf_field *f = &L->fields[fi];

	for (int32 c = f->first_child; c >= 0; c = L->fields[c].next_sibling)
	{
		const zf_field *cf = &L->fields[c];
		char		type[128];
		char	   *colname;

		if (cf->is_filler || cf->level == 66 || cf->level == 88)
			continue;
		if (cf->kind == ZF_KIND_GROUP)
		{
			append_columns(L, rec, c, used, b);
			continue;
		}
		/* a table holds 1600 columns: stop before naming 100,000 of them */
		if (b->ncolumns >= MaxHeapAttributeNumber)
			ereport(ERROR,
					(errcode(ERRCODE_TOO_MANY_COLUMNS),
					 errmsg("record %s has more than %d fields to import",
							L->records[rec].name, MaxHeapAttributeNumber),
					 errdetail("A PostgreSQL table has at most %d columns.", MaxHeapAttributeNumber),
					 errhint("Create the table by hand with the columns you need, or read a group as one jsonb column.")));
		zf_field_pg_type(L, c, type, sizeof(type));
		colname = unique_column_name(used, cf->sql_name,
									 L->fields[fi].parent >= 0 || fi != L->records[rec].root ?
									 L->fields[fi].sql_name : NULL);
		/* a DB2 column without a null indicator is NOT NULL */
		zfdw_ftsql_column(b, L, rec, c, colname, type,
						  L->source == ZF_SOURCE_PUNCH && !cf->has_null_ind);
	}
}

/*
 * The CREATE FOREIGN TABLE statement for record definition rec of L,
 * named table_name, with the table options given.
 */
static char *
copybook_table_sql(ImportForeignSchemaStmt *stmt, const char *server,
				   const zf_layout *L, int32 rec, const char *table_name,
				   List *table_options)
{
	ZfForeignTableSql b;
	List	   *used = NIL;

	zfdw_ftsql_begin(&b, stmt->local_schema, table_name);
	append_columns(L, rec, L->records[rec].root, &used, &b);
	if (b.ncolumns == 0)
		ereport(ERROR,
				(errcode(ERRCODE_FDW_INVALID_ATTRIBUTE_VALUE),
				 errmsg("record %s has no field to import", L->records[rec].name)));
	return zfdw_ftsql_finish(&b, server, table_options);
}

/* True when LIMIT TO / EXCEPT lets table name through. */
bool
zfdw_import_wanted(ImportForeignSchemaStmt *stmt, const char *name)
{
	ListCell   *lc;

	if (stmt->list_type == FDW_IMPORT_SCHEMA_ALL)
		return true;
	foreach(lc, stmt->table_list)
	{
		RangeVar   *rv = (RangeVar *) lfirst(lc);

		if (strcmp(rv->relname, name) == 0)
			return stmt->list_type == FDW_IMPORT_SCHEMA_LIMIT_TO;
	}
	return stmt->list_type == FDW_IMPORT_SCHEMA_EXCEPT;
}

/* Table names for the record definitions: sql names, made unique. */
static char *
record_table_name(const zf_layout *L, int32 rec, List **used)
{
	char		name[NAMEDATALEN];

	zf_sql_name(L->records[rec].name, name, sizeof(name));
	return unique_column_name(used, name, NULL);
}

/* IMPORT FOREIGN SCHEMA from a copybook: one table per 01-level record. */
static List *
import_copybook(ImportForeignSchemaStmt *stmt, const char *server,
				List *options)
{
	ZfTableOptions opts;
	char	   *text;
	zf_copybook_opts copts;
	zf_layout  *L;
	zf_error	err;
	List	   *volatile commands = NIL;
	List	   *used = NIL;
	ListCell   *lc;

	memset(&opts, 0, sizeof(opts));
	foreach(lc, options)
	{
		DefElem    *def = (DefElem *) lfirst(lc);

		if (strcmp(def->defname, "copybook") == 0)
			opts.copybook = defGetString(def);
		else if (strcmp(def->defname, "copybook_text") == 0)
			opts.copybook_text = defGetString(def);
		else if (strcmp(def->defname, "pic_n") == 0)
			opts.pic_n_dbcs = pg_strcasecmp(defGetString(def), "dbcs") == 0;
		else if (strcmp(def->defname, "copybook_format") == 0)
			opts.copybook_format = defGetString(def);
		else if (strcmp(def->defname, "allow_larger_redefines") == 0)
			opts.allow_larger_redefines = defGetBoolean(def);
	}
	if (opts.copybook)
		zfdw_import_check_file_option("copybook");
	text = opts.copybook_text ? opts.copybook_text : zfdw_read_text_file(GetForeignServerByName(server, false)->serverid,
																				  opts.copybook, "copybook");
	zf_copybook_opts_init(&copts);
	copts.pic_n_dbcs = opts.pic_n_dbcs;
	copts.allow_larger_redefines = opts.allow_larger_redefines;
	if (opts.copybook_format)
		copts.format = pg_strcasecmp(opts.copybook_format, "fixed") == 0 ? ZF_FORMAT_FIXED :
			pg_strcasecmp(opts.copybook_format, "free") == 0 ? ZF_FORMAT_FREE : ZF_FORMAT_AUTO;
	zfdw_layout_limits(&copts.limits);
	zf_error_clear(&err);
	L = zf_copybook_parse(text, strlen(text), &copts, &err);
	if (L == NULL)
		zfdw_report(ERROR, &err, opts.copybook ? opts.copybook : "copybook_text");

	PG_TRY();
	{
		for (int32 rec = 0; rec < L->nrecords; rec++)
		{
			char	   *name = record_table_name(L, rec, &used);
			List	   *table_options = NIL;

			if (!zfdw_import_wanted(stmt, name))
				continue;
			foreach(lc, options)
			{
				DefElem    *def = (DefElem *) lfirst(lc);

				if (!zfdw_is_import_only_option(def->defname) && strcmp(def->defname, "record") != 0)
					table_options = lappend(table_options, def);
			}
			table_options = lappend(table_options,
									makeDefElem("record", (Node *) makeString((char *) L->records[rec].name), -1));
			if (!L->records[rec].is_static)
			{
				bool		has_recfm = false;

				/* an archive's labels give the record format */
				foreach(lc, options)
					if (strcmp(((DefElem *) lfirst(lc))->defname, "recfm") == 0 ||
						(strcmp(((DefElem *) lfirst(lc))->defname, "container") == 0 &&
						 pg_strcasecmp(defGetString(lfirst(lc)), "none") != 0))
						has_recfm = true;
				if (!has_recfm)
					ereport(ERROR,
							(errcode(ERRCODE_FDW_DYNAMIC_PARAMETER_VALUE_NEEDED),
							 errmsg("record %s has variable length (OCCURS DEPENDING ON): IMPORT needs a recfm option",
									L->records[rec].name),
							 errhint("Add recfm 'vb' (RDW) or 'vb_bdw' to the IMPORT options, or the container of an archive whose labels give it.")));
			}
			commands = lappend(commands,
							   copybook_table_sql(stmt, server, L, rec, name, table_options));
		}
	}
	PG_FINALLY();
	{
		zf_layout_free(L);
	}
	PG_END_TRY();
	return commands;
}

/*
 * ImportForeignSchema: from a copybook (options copybook or copybook_text)
 * or from a DB2 punch (options punch or punch_text; the remote schema is
 * the creator).
 */
List *
zfdwImportForeignSchema(ImportForeignSchemaStmt *stmt, Oid serverOid)
{
	ForeignServer *server = GetForeignServer(serverOid);
	bool		copybook = false,
				punch = false,
				delimited = false;
	ListCell   *lc;

	zfdw_validate_import_options(stmt->options);
	foreach(lc, stmt->options)
	{
		DefElem    *def = (DefElem *) lfirst(lc);

		if (strcmp(def->defname, "copybook") == 0 || strcmp(def->defname, "copybook_text") == 0)
			copybook = true;
		if (strcmp(def->defname, "punch") == 0 || strcmp(def->defname, "punch_text") == 0)
			punch = true;
		if (strcmp(def->defname, "format") == 0 &&
			pg_strcasecmp(defGetString(def), "delimited") == 0)
			delimited = true;
	}
	/* a delimited file with a header line: its names, the DDL's types */
	if (delimited && !copybook && !punch)
		return zfdw_import_delimited(stmt, server->servername, stmt->options,
									 server->options);
	if (copybook == punch)
		ereport(ERROR,
				(errcode(ERRCODE_FDW_DYNAMIC_PARAMETER_VALUE_NEEDED),
				 errmsg("IMPORT FOREIGN SCHEMA needs either a copybook or a punch option, or format 'delimited' with header 'true'"),
				 errhint("For example: IMPORT FOREIGN SCHEMA accounts FROM SERVER mainframe INTO public OPTIONS (copybook '/path/ACCT.cpy', filename '/path/ACCT.dat').")));
	if (copybook)
		return import_copybook(stmt, server->servername, stmt->options);
	return zfdw_import_punch(stmt, server->servername, stmt->options);
}
