/*-------------------------------------------------------------------------
 *
 * import_delimited.c
 *	  IMPORT FOREIGN SCHEMA for delimited files with a header line:
 *	  OPTIONS (format 'delimited', header 'true', filename '...' [,
 *	  delimiter, quote, codepage] [, ddl or ddl_text]).  One foreign table,
 *	  named after the remote schema, whose columns are named by the
 *	  header's fields; their types come from the DB2 DDL when given (the
 *	  column of the same name in its only table, or the table named by
 *	  option table), else text.
 *
 * The header is the first line of the first file the filename matches,
 * split by the same splitter a scan uses, in the table's code page.
 *
 *-------------------------------------------------------------------------
 */
#include "zfdw.h"

#include "commands/defrem.h"
#include "foreign/foreign.h"
#include "utils/builtins.h"

#include "db2/ddl/db2ddl.h"
#include "import/import.h"
#include "records/delimited.h"

#define HEADER_SAMPLE	(64 * 1024)
#define MAX_HEADER_FIELDS 1600	/* PostgreSQL's column limit */

/* The value of option name in options, or NULL. */
static char *
option_value(List *options, const char *name)
{
	ListCell   *lc;

	foreach(lc, options)
	{
		DefElem    *def = (DefElem *) lfirst(lc);

		if (strcmp(def->defname, name) == 0)
			return defGetString(def);
	}
	return NULL;
}

/* A PostgreSQL type for a DB2 column read from delimited text. */
static const char *
ddl_type(const zf_db2_column *c)
{
	switch (c->type)
	{
		case ZF_DB2_SMALLINT:
			return "smallint";
		case ZF_DB2_INTEGER:
			return "integer";
		case ZF_DB2_BIGINT:
			return "bigint";
		case ZF_DB2_DECIMAL:
			return psprintf("numeric(%d,%d)", c->precision, c->scale);
		case ZF_DB2_REAL:
			return "real";
		case ZF_DB2_DOUBLE:
			return "double precision";
		case ZF_DB2_DECFLOAT:
			return "numeric";
		case ZF_DB2_DATE:
			return "date";
		case ZF_DB2_TIME:
			return "time";
		case ZF_DB2_TIMESTAMP:
			return psprintf("timestamp(%d)", Min(c->precision, 6));
		case ZF_DB2_TIMESTAMP_TZ:
			return psprintf("timestamptz(%d)", Min(c->precision, 6));
		default:
			return "text";
	}
}

/* A column name from a header field: lower case, '-' and blanks as '_'. */
static char *
column_name(const char *field, int i, List **used)
{
	StringInfoData b;
	char	   *name;
	int			n = 2;

	initStringInfo(&b);
	for (const char *p = field; *p; p++)
	{
		unsigned char c = (unsigned char) *p;

		if (c == '-' || c == ' ' || c == '.')
			appendStringInfoChar(&b, '_');
		else
			appendStringInfoChar(&b, (char) (c < 0x80 ? tolower(c) : c));
	}
	if (b.len == 0)
		appendStringInfo(&b, "column_%d", i + 1);
	if (b.len >= NAMEDATALEN)
		b.data[b.len = NAMEDATALEN - 1] = '\0';
	name = b.data;
	while (zfdw_name_taken(*used, name))
		name = psprintf("%.*s_%d", NAMEDATALEN - 8, b.data, n++);
	*used = lappend(*used, name);
	return name;
}

/* Read the header line of path: its fields decoded in cp. */
static List *
header_fields(Oid serverid, const char *path, const zf_codepage *cp,
			  const char *delimiter, const char *quote)
{
	zf_byte_source *bytes;
	zf_delim_opts dopts;
	zf_delim_field *fields;
	uint8	   *buf = palloc(HEADER_SAMPLE);
	size_t		n = 0;
	uint32		len = 0,
				nfields;
	uint8		nl = zf_codepage_newline(cp);
	zf_error	err;
	List	   *out = NIL;

	zf_error_clear(&err);
	if (zf_delim_opts_init(&dopts, cp, delimiter, quote, &err) != ZF_OK)
		zfdw_report(ERROR, &err, "the delimiter or quote option");
	bytes = zfdw_open_file_bytes(serverid, path, &err);
	if (bytes == NULL)
		zfdw_report_open_error(&err, NULL);
	if (zf_bytes_read_full(bytes, buf, HEADER_SAMPLE, &n, &err) != ZF_OK)
	{
		zfdw_close_bytes(bytes, NULL);
		zfdw_report(ERROR, &err, path);
	}
	zfdw_close_bytes(bytes, NULL);
	/* the first line: up to LF (ASCII) or NL/LF (EBCDIC), CR dropped */
	while (len < n && buf[len] != nl && buf[len] != ZF_ASCII_LF &&
		   !(zf_codepage_is_ebcdic(cp) && buf[len] == ZF_EBCDIC_LF))
		len++;
	if (len == n && n == HEADER_SAMPLE)
		ereport(ERROR,
				(errcode(ERRCODE_BAD_COPY_FILE_FORMAT),
				 errmsg("the header line of \"%s\" is longer than %d bytes", path, HEADER_SAMPLE)));
	if (len > 0 && buf[len - 1] == ZF_CR)
		len--;
	if (len == 0)
		ereport(ERROR,
				(errcode(ERRCODE_BAD_COPY_FILE_FORMAT),
				 errmsg("the file \"%s\" has no header line", path)));
	fields = palloc(sizeof(zf_delim_field) * MAX_HEADER_FIELDS);
	if (zf_delim_split(&dopts, buf, len, fields, MAX_HEADER_FIELDS, &nfields, &err) != ZF_OK)
		zfdw_report(ERROR, &err, psprintf("the header line of %s", path));
	for (uint32 i = 0; i < nfields; i++)
	{
		uint8	   *src = buf + fields[i].offset;
		uint32		flen = fields[i].length;
		size_t		cap = zf_codepage_utf8_bound(cp, flen) + 1;
		char	   *text = palloc(cap);
		size_t		tlen = 0;

		if (fields[i].doubled)
		{
			uint8	   *tmp = palloc(flen);

			flen = zf_delim_unquote(&dopts, src, flen, tmp);
			src = tmp;
		}
		if (zf_codepage_decode(cp, src, flen, text, cap, &tlen, &err) != ZF_OK)
			zfdw_report(ERROR, &err, psprintf("the header line of %s", path));
		text[tlen] = '\0';
		/* blanks around a name are not part of it */
		while (tlen > 0 && text[tlen - 1] == ' ')
			text[--tlen] = '\0';
		out = lappend(out, text + strspn(text, " "));
	}
	return out;
}

/*
 * The CREATE FOREIGN TABLE of a delimited file with a header line; see
 * the file header.  options are IMPORT's (validated), server the server's
 * name, server_options its options (for the code page).
 */
List *
zfdw_import_delimited(ImportForeignSchemaStmt *stmt, const char *server,
					  List *options, List *server_options)
{
	const char *filename = option_value(options, "filename");
	const char *header = option_value(options, "header");
	const char *cpname = option_value(options, "codepage");
	const char *delimiter = option_value(options, "delimiter");
	const char *quote = option_value(options, "quote");
	const char *ddl = option_value(options, "ddl");
	const char *ddl_text = option_value(options, "ddl_text");
	const char *table = option_value(options, "table");
	Oid			serverid = GetForeignServerByName(server, false)->serverid;
	const zf_db2_table *dt = NULL;
	const zf_codepage *cp;
	List	   *files;
	List	   *names;
	List	   *used = NIL;
	List	   *table_options = NIL;
	ZfForeignTableSql b;
	ListCell   *lc;
	zf_error	err;
	int			i = 0;
	bool		header_on = false;

	if (header != NULL)
		header_on = parse_bool(header, &header_on) && header_on;
	if (filename == NULL || !header_on)
		ereport(ERROR,
				(errcode(ERRCODE_FDW_DYNAMIC_PARAMETER_VALUE_NEEDED),
				 errmsg("IMPORT FOREIGN SCHEMA of a delimited file needs a filename and header 'true'"),
				 errhint("The column names come from the file's header line; without one, create the table by hand.")));
	if (cpname == NULL)
		cpname = option_value(server_options, "codepage");
	zf_error_clear(&err);
	cp = zf_codepage_lookup(cpname ? cpname : "cp037", &err);
	if (cp == NULL)
		zfdw_report(ERROR, &err, "codepage");
	files = zfdw_expand_files(serverid, filename, false);
	if (files == NIL)
		ereport(ERROR,
				(errcode(ERRCODE_UNDEFINED_FILE),
				 errmsg("no file matches \"%s\"", filename)));
	names = header_fields(serverid, (const char *) linitial(files), cp,
						  delimiter ? delimiter : ",", quote ? quote : "\"");

	if (ddl || ddl_text)
	{
		struct zf_db2_script *script = zfdw_load_ddl(serverid, ddl, ddl_text);

		if (table != NULL)
			dt = zf_db2ddl_find_table(script, NULL, table);
		else if (zf_db2ddl_table_count(script) == 1)
			dt = zf_db2ddl_table_at(script, 0);
		if (dt == NULL)
			ereport(ERROR,
					(errcode(ERRCODE_FDW_TABLE_NOT_FOUND),
					 errmsg("the DDL has %s", table ? psprintf("no table %s", table) :
							"more than one table (or none)"),
					 errhint("Name the table the file holds with option table.")));
	}

	zfdw_ftsql_begin(&b, stmt->local_schema, stmt->remote_schema);
	foreach(lc, names)
	{
		const char *field = (const char *) lfirst(lc);
		char	   *col = column_name(field, i, &used);
		const zf_db2_column *dc = dt ? zf_db2ddl_find_column(dt, field) : NULL;

		appendStringInfo(&b.buf, "%s\n  %s %s", b.ncolumns > 0 ? "," : "",
						 quote_identifier(col), dc ? ddl_type(dc) : "text");
		if (strcmp(col, field) != 0)
			appendStringInfo(&b.buf, " OPTIONS (field %s)", quote_literal_cstr(field));
		if (dc && dc->not_null)
			appendStringInfoString(&b.buf, " NOT NULL");
		b.ncolumns++;
		i++;
	}
	/* the table's options: IMPORT's, less the DDL and the table name */
	foreach(lc, options)
	{
		DefElem    *def = (DefElem *) lfirst(lc);

		if (!zfdw_is_import_only_option(def->defname) && strcmp(def->defname, "table") != 0)
			table_options = lappend(table_options, def);
	}
	if (!zfdw_import_wanted(stmt, stmt->remote_schema))
		return NIL;
	return list_make1(zfdw_ftsql_finish(&b, server, table_options));
}
