/*-------------------------------------------------------------------------
 *
 * foreign_table_sql.c
 *	  The text of a CREATE FOREIGN TABLE statement, built column by column,
 *	  for IMPORT FOREIGN SCHEMA from a copybook or from a punch.
 *
 * Every identifier is quoted with quote_identifier and every option value
 * with quote_literal_cstr, so that names and paths taken from a copybook
 * or punch cannot change the statement.  A column whose name does not find
 * its field by itself gets a field option with the field's path.
 *
 *-------------------------------------------------------------------------
 */
#include "zfdw.h"

#include "commands/defrem.h"
#include "utils/builtins.h"

#include "import/import.h"

/* Start the statement: CREATE FOREIGN TABLE schema.table ( */
void
zfdw_ftsql_begin(ZfForeignTableSql *b, const char *schema, const char *table)
{
	initStringInfo(&b->buf);
	b->ncolumns = 0;
	appendStringInfo(&b->buf, "CREATE FOREIGN TABLE %s.%s (",
					 quote_identifier(schema), quote_identifier(table));
}

/*
 * Add column name of type type reading field of record definition rec of
 * L: a field option names the field's path when the column's name would
 * not find it, NOT NULL follows when not_null.
 */
void
zfdw_ftsql_column(ZfForeignTableSql *b, const zf_layout *L, int32 rec,
				  int32 field, const char *name, const char *type,
				  bool not_null)
{
	int32		found;
	zf_error	err;

	appendStringInfo(&b->buf, "%s\n  %s %s", b->ncolumns > 0 ? "," : "",
					 quote_identifier(name), type);
	zf_error_clear(&err);
	if (zf_layout_find(L, rec, name, &found, &err) != ZF_OK || found != field)
	{
		char		path[1024];

		zf_field_path(L, field, path, sizeof(path));
		appendStringInfo(&b->buf, " OPTIONS (field %s)", quote_literal_cstr(path));
	}
	if (not_null)
		appendStringInfoString(&b->buf, " NOT NULL");
	b->ncolumns++;
}

/*
 * End the statement with its server and table options (DefElems whose
 * values are strings) and return its text.
 */
char *
zfdw_ftsql_finish(ZfForeignTableSql *b, const char *server, List *options)
{
	ListCell   *lc;
	bool		first = true;

	appendStringInfo(&b->buf, "\n) SERVER %s OPTIONS (", quote_identifier(server));
	foreach(lc, options)
	{
		DefElem    *def = (DefElem *) lfirst(lc);

		appendStringInfo(&b->buf, "%s%s %s", first ? "" : ", ",
						 quote_identifier(def->defname),
						 quote_literal_cstr(defGetString(def)));
		first = false;
	}
	appendStringInfoString(&b->buf, ")");
	return b->buf.data;
}

/* True when name is one of the names (char *) in used. */
bool
zfdw_name_taken(List *used, const char *name)
{
	ListCell   *lc;

	foreach(lc, used)
		if (strcmp((char *) lfirst(lc), name) == 0)
			return true;
	return false;
}
