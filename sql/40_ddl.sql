-- zfdw 1.0: DB2 for z/OS DDL to PostgreSQL DDL (src/fdw/ddl_functions.c).

CREATE FUNCTION db2_ddl_to_pg(ddl text, options jsonb DEFAULT '{}')
RETURNS text
AS 'MODULE_PATHNAME', 'zfdw_db2_ddl_to_pg'
LANGUAGE C STABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION db2_ddl_to_pg(text, jsonb) IS
'DB2 for z/OS DDL converted to runnable PostgreSQL DDL, with a comment for every clause changed or dropped';

CREATE FUNCTION db2_ddl_convert(ddl text, options jsonb DEFAULT '{}')
RETURNS TABLE (statement_no integer, line integer, kind text,
               object_name text, sql text, notes text[])
AS 'MODULE_PATHNAME', 'zfdw_db2_ddl_convert'
LANGUAGE C STABLE STRICT PARALLEL SAFE ROWS 100;

COMMENT ON FUNCTION db2_ddl_convert(text, jsonb) IS
'DB2 for z/OS DDL converted statement by statement: source line, kind, object, PostgreSQL SQL (NULL when dropped) and notes';
