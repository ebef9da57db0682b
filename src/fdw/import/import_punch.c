/*-------------------------------------------------------------------------
 *
 * import_punch.c
 *	  IMPORT FOREIGN SCHEMA "CREATOR" FROM SERVER s INTO local OPTIONS
 *	  (punch '...', filename '...' [, ddl '...']): one foreign table per
 *	  DB2 table of that creator in a SYSPUNCH.
 *
 * The partition blocks of one table (INTO TABLE ... PART n) become one
 * foreign table; they must describe the same record, as UNLOAD writes
 * them.  Columns are the table's fields in punch order, named in lower
 * case; DSN_NULL_IND_nnnnn fields are not columns.  Types follow the
 * punch, refined by the DDL when one is given (DECIMAL precision and
 * scale, FOR BIT DATA as bytea); NOT NULL comes from the DDL, or without
 * one from the absence of a null indicator; the DDL option goes on to the
 * tables, whose layout may need it.  Without a DDL, a DECIMAL
 * column has no known scale: it is imported as numeric and read as a
 * whole number, and a WARNING names those columns and says how to give
 * the scale.
 *
 * The generated statements quote every identifier and literal.
 *
 *-------------------------------------------------------------------------
 */
#include "zfdw.h"

#include "foreign/fdwapi.h"
#include "foreign/foreign.h"
#include "commands/defrem.h"
#include "nodes/makefuncs.h"
#include "utils/builtins.h"

#include "db2/punch/punch.h"
#include "import/import.h"

/* Add name to used, made unique with a number. */
static char *
unique_name(List **used, const char *name)
{
	char	   *candidate = pstrdup(name);
	int			n = 1;

	while (zfdw_name_taken(*used, candidate))
		candidate = psprintf("%s_%d", name, ++n);
	*used = lappend(*used, candidate);
	return candidate;
}

/*
 * The CREATE FOREIGN TABLE statement of record definition rec; the
 * columns whose DECIMAL scale the punch leaves open are added to unknown.
 */
static char *
table_sql(ImportForeignSchemaStmt *stmt, const char *server,
		  const zf_layout *L, int32 rec, const char *table_name,
		  const zf_db2_table *dt, List *table_options, StringInfo unknown)
{
	const zf_recdef *rd = &L->records[rec];
	ZfForeignTableSql b;
	List	   *used = NIL;

	zfdw_ftsql_begin(&b, stmt->local_schema, table_name);
	for (int32 c = L->fields[rd->root].first_child; c >= 0; c = L->fields[c].next_sibling)
	{
		const zf_field *f = &L->fields[c];
		const zf_db2_column *col = dt ? zf_db2ddl_find_column(dt, f->name) : NULL;
		char		type[128];
		char	   *colname;

		if (f->is_filler)
			continue;
		zf_punch_pg_type(L, c, type, sizeof(type));
		colname = unique_name(&used, f->sql_name);
		zfdw_ftsql_column(&b, L, rec, c, colname, type,
						  col ? col->not_null : !f->has_null_ind);
		if ((f->kind == ZF_KIND_PACKED || f->kind == ZF_KIND_ZONED) && f->scale_unknown)
			appendStringInfo(unknown, "%s%s", unknown->len ? ", " : "", colname);
	}
	if (b.ncolumns == 0)
		ereport(ERROR,
				(errcode(ERRCODE_FDW_INVALID_ATTRIBUTE_VALUE),
				 errmsg("table %s of the punch has no column to import", rd->name)));
	return zfdw_ftsql_finish(&b, server, table_options);
}

/* The creators the punch loads, for messages. */
static char *
creators(const zf_layout *L)
{
	StringInfoData buf;

	initStringInfo(&buf);
	for (int32 r = 0; r < L->nrecords; r++)
	{
		const char *c = L->records[r].creator ? L->records[r].creator : "(none)";
		char	   *q = psprintf("\"%s\"", c);

		if (strstr(buf.data, q) == NULL)
			appendStringInfo(&buf, "%s%s", buf.len ? ", " : "", q);
	}
	return buf.data;
}

/* See zfdw_import.h. */
List *
zfdw_import_punch(ImportForeignSchemaStmt *stmt, const char *server,
				  List *options)
{
	char	   *punch = NULL,
			   *punch_text = NULL,
			   *ddl = NULL,
			   *ddl_text = NULL;
	char	   *text;
	zf_punch_opts popts;
	zf_layout  *volatile L;
	zf_error	err;
	List	   *volatile commands = NIL;
	ListCell   *lc;
	Oid			serverid;

	foreach(lc, options)
	{
		DefElem    *def = (DefElem *) lfirst(lc);

		if (strcmp(def->defname, "punch") == 0)
			punch = defGetString(def);
		else if (strcmp(def->defname, "punch_text") == 0)
			punch_text = defGetString(def);
		else if (strcmp(def->defname, "ddl") == 0)
			ddl = defGetString(def);
		else if (strcmp(def->defname, "ddl_text") == 0)
			ddl_text = defGetString(def);
	}
	serverid = GetForeignServerByName(server, false)->serverid;
	text = punch_text ? punch_text : zfdw_read_text_file(serverid, punch, "punch");
	zf_punch_opts_init(&popts);
	zfdw_layout_limits(&popts.limits);
	if (ddl || ddl_text)
		popts.ddl = zfdw_load_ddl(serverid, ddl, ddl_text);
	zf_error_clear(&err);
	L = zf_punch_parse(text, strlen(text), &popts, &err);
	if (L == NULL)
		zfdw_report(ERROR, &err, punch ? punch : "punch_text");

	PG_TRY();
	{
		List	   *used = NIL;
		bool		any = false;

		for (int32 rec = 0; rec < L->nrecords; rec++)
		{
			const zf_recdef *rd = &L->records[rec];
			const zf_db2_table *dt = NULL;
			List	   *table_options = NIL;
			StringInfoData unknown;
			char		sqlname[NAMEDATALEN];
			char	   *name;
			bool		seen = false;

			if (rd->creator != NULL && pg_strcasecmp(rd->creator, stmt->remote_schema) != 0)
				continue;
			any = true;

			/* partition blocks of a table already imported */
			for (int32 r = 0; r < rec && !seen; r++)
				if (strcmp(L->records[r].name, rd->name) == 0)
				{
					seen = true;
					if (!zf_punch_same_layout(L, r, rec))
						ereport(ERROR,
								(errcode(ERRCODE_FDW_INVALID_ATTRIBUTE_VALUE),
								 errmsg("the blocks of table %s in the punch describe different records",
										rd->name),
								 errdetail("PART %d differs from PART %d.", rd->part, L->records[r].part)));
				}
			if (seen)
				continue;

			zf_sql_name(rd->table, sqlname, sizeof(sqlname));
			name = unique_name(&used, sqlname);
			if (!zfdw_import_wanted(stmt, name))
				continue;
			if (popts.ddl)
			{
				dt = zf_punch_ddl_table(popts.ddl, rd);
				if (dt == NULL)
					ereport(ERROR,
							(errcode(ERRCODE_FDW_INVALID_ATTRIBUTE_VALUE),
							 errmsg("the DDL does not define table %s", rd->name),
							 errhint("Give the CREATE TABLE statements of the tables the punch loads, or leave out the ddl option.")));
			}

			foreach(lc, options)
			{
				DefElem    *def = (DefElem *) lfirst(lc);

				/* the DDL goes along: the layout may need it (POSITION(*) DECIMAL) */
				if ((!zfdw_is_import_only_option(def->defname) ||
					 strcmp(def->defname, "ddl") == 0 || strcmp(def->defname, "ddl_text") == 0) &&
					strcmp(def->defname, "table") != 0)
					table_options = lappend(table_options, def);
			}
			table_options = lappend(table_options,
									makeDefElem("table", (Node *) makeString((char *) rd->name), -1));
			initStringInfo(&unknown);
			commands = lappend(commands,
							   table_sql(stmt, server, L, rec, name, dt, table_options, &unknown));
			if (unknown.len > 0)
				ereport(WARNING,
						(errmsg("the punch gives no scale for the DECIMAL columns of table %s: they are read as whole numbers",
								rd->name),
						 errdetail("Columns of foreign table \"%s\": %s.", name, unknown.data),
						 errhint("Give the DB2 DDL with the ddl option of IMPORT FOREIGN SCHEMA, or declare each column numeric(p,s) with ALTER FOREIGN TABLE ... ALTER COLUMN ... TYPE numeric(p,s).")));
		}
		if (!any)
			ereport(ERROR,
					(errcode(ERRCODE_FDW_SCHEMA_NOT_FOUND),
					 errmsg("the punch loads no table of creator \"%s\"", stmt->remote_schema),
					 errdetail("Its creators: %s.", creators(L)),
					 errhint("Name one of its creators; case does not matter.")));
	}
	PG_FINALLY();
	{
		zf_layout_free(L);
	}
	PG_END_TRY();
	return commands;
}
