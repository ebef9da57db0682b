/*-------------------------------------------------------------------------
 *
 * db2ddl.h
 *	  DB2 for z/OS DDL: parser, table model and PostgreSQL DDL writer.
 *
 * Two uses share one parser:
 *
 * 1. The table model.  zf_db2ddl_parse() reads a DDL script (as DB2 Admin
 *	  Tool, DSNTEP2/SPUFI input or a person writes it) and keeps, for every
 *	  CREATE TABLE (with later ALTER TABLE ADD/ALTER/DROP COLUMN applied),
 *	  the columns with their DB2 type, length, precision, scale, subtype
 *	  (FOR SBCS/MIXED/BIT DATA), CCSID, NOT NULL and default.  The UNLOAD
 *	  reader uses it to give DECIMAL columns their precision and scale and
 *	  to know which columns are NOT NULL:
 *
 *		zf_db2_script *script;
 *		const zf_db2_table *t;
 *
 *		if (zf_db2ddl_parse(ddl, strlen(ddl), NULL, &script, &err) != ZF_OK)
 *			return err.status;
 *		t = zf_db2ddl_find_table(script, "ERSPROD", "MAPA_S3_COMM_LIAB");
 *		for (int i = 0; t && i < t->ncolumns; i++)
 *		{
 *			const zf_db2_column *c = zf_db2ddl_column(t, i);
 *			... c->name, c->type, c->precision, c->scale, c->not_null ...
 *		}
 *		zf_db2ddl_free(script);
 *
 *	  Names are as DB2 stores them: ordinary identifiers in upper case,
 *	  delimited identifiers as written without the quotes (trailing blanks
 *	  removed, as DB2 ignores them).
 *
 * 2. The conversion.  zf_db2ddl_to_pg() turns the parsed script into
 *	  PostgreSQL DDL: one result per source statement, with the SQL (NULL
 *	  when the statement has no PostgreSQL counterpart) and a note for every
 *	  clause that was changed or dropped.
 *
 * Errors are values (zf_error with line and column); nothing here prints,
 * exits or longjmps.  Memory is bounded by a budget proportional to the
 * input, and the parser never recurses on nesting in the input.
 *
 *-------------------------------------------------------------------------
 */
#ifndef ZF_DB2DDL_H
#define ZF_DB2DDL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/status.h"

/* The longest DDL text accepted, in bytes. */
#define ZF_DB2DDL_MAX_INPUT		(64 * 1024 * 1024)

/* ---------------------------------------------------------------------
 * The table model
 * ---------------------------------------------------------------------
 */

/* DB2 built-in data types (synonyms folded: INT is INTEGER, DEC is DECIMAL). */
typedef enum zf_db2_type
{
	ZF_DB2_SMALLINT,
	ZF_DB2_INTEGER,
	ZF_DB2_BIGINT,
	ZF_DB2_DECIMAL,				/* DECIMAL, DEC, NUMERIC: precision, scale */
	ZF_DB2_REAL,				/* REAL, FLOAT(1..21) */
	ZF_DB2_DOUBLE,				/* DOUBLE [PRECISION], FLOAT, FLOAT(22..53) */
	ZF_DB2_DECFLOAT,			/* precision 16 or 34 */
	ZF_DB2_CHAR,				/* length in bytes */
	ZF_DB2_VARCHAR,				/* maximum length in bytes */
	ZF_DB2_LONG_VARCHAR,
	ZF_DB2_CLOB,				/* length in bytes */
	ZF_DB2_GRAPHIC,				/* length in DBCS characters */
	ZF_DB2_VARGRAPHIC,
	ZF_DB2_LONG_VARGRAPHIC,
	ZF_DB2_DBCLOB,				/* length in DBCS characters */
	ZF_DB2_BINARY,
	ZF_DB2_VARBINARY,
	ZF_DB2_BLOB,
	ZF_DB2_DATE,
	ZF_DB2_TIME,
	ZF_DB2_TIMESTAMP,			/* precision = fractional digits (0..12) */
	ZF_DB2_TIMESTAMP_TZ,		/* TIMESTAMP WITH TIME ZONE */
	ZF_DB2_ROWID,
	ZF_DB2_XML,
	ZF_DB2_USER_TYPE			/* a distinct type this script does not define */
} zf_db2_type;

/* FOR ... DATA on a character column. */
typedef enum zf_db2_subtype
{
	ZF_DB2_SUBTYPE_NONE,		/* not given */
	ZF_DB2_SUBTYPE_SBCS,
	ZF_DB2_SUBTYPE_MIXED,
	ZF_DB2_SUBTYPE_BIT
} zf_db2_subtype;

/* CCSID EBCDIC / ASCII / UNICODE on a column or table. */
typedef enum zf_db2_scheme
{
	ZF_DB2_SCHEME_NONE,			/* not given (the subsystem default) */
	ZF_DB2_SCHEME_EBCDIC,
	ZF_DB2_SCHEME_ASCII,
	ZF_DB2_SCHEME_UNICODE
} zf_db2_scheme;

/* Where a column's value comes from when an INSERT does not give one. */
typedef enum zf_db2_default
{
	ZF_DB2_DEFAULT_NONE,		/* no default: NULL, or an error if NOT NULL */
	ZF_DB2_DEFAULT_NULL,		/* WITH DEFAULT NULL */
	ZF_DB2_DEFAULT_TYPE,		/* WITH DEFAULT without a value: 0, blanks,
								 * empty string, CURRENT DATE/TIME/TIMESTAMP */
	ZF_DB2_DEFAULT_VALUE,		/* WITH DEFAULT value: see default_text */
	ZF_DB2_DEFAULT_IDENTITY,	/* GENERATED ... AS IDENTITY */
	ZF_DB2_DEFAULT_GENERATED	/* other GENERATED columns (ROWID, row change
								 * timestamp, row begin/end, ...) */
} zf_db2_default;

typedef struct zf_db2_column
{
	const char *name;			/* DB2 column name */
	zf_db2_type type;
	const char *type_name;		/* DB2's name of the type, synonyms folded
								 * ("INTEGER" for INT, "DECIMAL" for DEC and
								 * NUMERIC, "CHAR" for CHARACTER; "FLOAT",
								 * "REAL", "DOUBLE" as written), or the
								 * qualified name of a distinct type the
								 * script does not define */
	int64_t		length;			/* CHAR, VARCHAR, GRAPHIC, VARGRAPHIC,
								 * BINARY, VARBINARY: n; CLOB, BLOB, DBCLOB:
								 * n after K/M/G; 0 when not applicable */
	int			precision;		/* DECIMAL p; FLOAT n as written (0 if
								 * bare); DECFLOAT 16/34; TIMESTAMP
								 * fractional digits (6 when omitted) */
	int			scale;			/* DECIMAL s */
	zf_db2_subtype subtype;
	zf_db2_scheme ccsid_scheme; /* CCSID EBCDIC/ASCII/UNICODE on the column */
	int			ccsid;			/* CCSID n on the column, 0 if none */
	bool		not_null;
	zf_db2_default default_kind;
	const char *default_text;	/* ZF_DB2_DEFAULT_VALUE: the value as written
								 * ("'N'", "0", "CURRENT DATE"), else NULL */
	const char *distinct_type;	/* the distinct type's qualified name when the
								 * column uses one the script defines (type
								 * and sizes are then its source type's) */
	int			line;			/* source position of the column name */
	int			column;
} zf_db2_column;

typedef struct zf_db2_table
{
	const char *creator;		/* the qualifier, or the SQLID/schema in
								 * effect for an unqualified name, or NULL */
	const char *name;
	int			ncolumns;
	zf_db2_scheme ccsid_scheme; /* table CCSID clause */
	int			line;			/* line of the CREATE TABLE */
} zf_db2_table;

typedef struct zf_db2_script zf_db2_script;

typedef struct zf_db2ddl_parse_options
{
	char		terminator;		/* statement terminator; 0: ';', or '#' when
								 * the script ends statements with '#' and
								 * has no ';' ("--#SET TERMINATOR x" in the
								 * script changes it in any case) */
	bool		continue_on_error;	/* a statement that does not parse becomes
									 * an error statement (converted to a note)
									 * instead of failing the whole script */
} zf_db2ddl_parse_options;

/*
 * Parse a DDL script.  opts may be NULL (defaults).  On success *script
 * owns all memory of the result; free it with zf_db2ddl_free().
 */
extern zf_status zf_db2ddl_parse(const char *text, size_t len,
								 const zf_db2ddl_parse_options *opts,
								 zf_db2_script **script, zf_error *err);
extern void zf_db2ddl_free(zf_db2_script *script);

/*
 * Tables in script order (every CREATE TABLE that parsed; a table created
 * twice appears twice, and the lookups below find the later one).
 */
extern int	zf_db2ddl_table_count(const zf_db2_script *script);
extern const zf_db2_table *zf_db2ddl_table_at(const zf_db2_script *script,
											  int i);

/*
 * The table named creator.name (compared without regard to case; trailing
 * blanks ignored).  creator NULL matches any creator; then the first table
 * of that name is returned.  NULL when there is none.
 */
extern const zf_db2_table *zf_db2ddl_find_table(const zf_db2_script *script,
												const char *creator,
												const char *name);

/* Column i (0-based) of a table, in DB2 column order. */
extern const zf_db2_column *zf_db2ddl_column(const zf_db2_table *table, int i);

/* The column named name (compared without regard to case), or NULL. */
extern const zf_db2_column *zf_db2ddl_find_column(const zf_db2_table *table,
												  const char *name);

/* Number of source statements (including dropped and unknown ones). */
extern int	zf_db2ddl_statement_count(const zf_db2_script *script);

/* ---------------------------------------------------------------------
 * The PostgreSQL writer
 * ---------------------------------------------------------------------
 */

/* What to do with a reference to a table the script does not create first. */
typedef enum zf_pg_missing_refs
{
	ZF_PG_MISSING_GUARD,		/* run it only if the table exists (DO block
								 * with to_regclass), else raise a NOTICE */
	ZF_PG_MISSING_KEEP,			/* write it as is */
	ZF_PG_MISSING_OMIT			/* leave it out, with a note */
} zf_pg_missing_refs;

typedef struct zf_pg_options
{
	const char *schema;			/* every creator becomes this schema
								 * (a PostgreSQL name, used as given) */
	int			schema_map_count;	/* creator -> schema pairs; a creator in
									 * the map wins over "schema" */
	const char *const *schema_map_from; /* DB2 creators (any case) */
	const char *const *schema_map_to;	/* PostgreSQL schema names */
	bool		fold_case;		/* upper-case DB2 names become lower case */
	bool		unique_nulls_not_distinct;	/* DB2 UNIQUE index -> NULLS NOT
											 * DISTINCT (DB2 semantics) */
	bool		create_schemas; /* CREATE SCHEMA IF NOT EXISTS before the
								 * first object of each schema */
	bool		partitioning;	/* convert PARTITION BY RANGE; if false the
								 * scheme is kept as a comment */
	zf_pg_missing_refs missing_references;

	/*
	 * Is this lower-case word a PostgreSQL keyword that must be quoted as an
	 * identifier?  NULL: a built-in list of PostgreSQL 15's reserved,
	 * column-name and type/function-name keywords.
	 */
	bool		(*is_keyword) (const char *word, void *arg);
	void	   *is_keyword_arg;
} zf_pg_options;

/* The defaults: fold_case, unique_nulls_not_distinct, create_schemas,
 * partitioning on; missing references guarded; no schema mapping. */
extern void zf_pg_options_init(zf_pg_options *opts);

typedef struct zf_pg_statement
{
	int			number;			/* 1-based statement number in the script */
	int			line;			/* source line of its first token */
	const char *kind;			/* "CREATE TABLE", "COMMIT", "unknown", ... */
	const char *object;			/* DB2 object name as written, or NULL */
	const char *sql;			/* PostgreSQL SQL (one or more statements,
								 * each ending with ';'), NULL if dropped */
	int			nnotes;
	const char *const *notes;
} zf_pg_statement;

typedef struct zf_pg_script
{
	int			nstatements;
	const zf_pg_statement *statements;
	void	   *priv;			/* memory; do not touch */
} zf_pg_script;

/*
 * Convert a parsed script.  On success *out owns its memory; free it with
 * zf_pg_script_free() (it does not depend on the parsed script).
 */
extern zf_status zf_db2ddl_to_pg(const zf_db2_script *script,
								 const zf_pg_options *opts,
								 zf_pg_script **out, zf_error *err);

/*
 * The whole conversion as one runnable SQL text; with with_notes, each
 * statement is preceded by SQL comments naming the source line and the
 * notes.  The text lives as long as the zf_pg_script.  NULL if out of
 * memory.
 */
extern const char *zf_pg_script_text(zf_pg_script *script, bool with_notes,
									 size_t *len);
extern void zf_pg_script_free(zf_pg_script *script);

/* The built-in keyword test used when zf_pg_options.is_keyword is NULL. */
extern bool zf_pg_is_keyword(const char *word, void *arg);

#endif							/* ZF_DB2DDL_H */
