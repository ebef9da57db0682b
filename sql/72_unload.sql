-- zfdw 1.1: DB2 for z/OS LOAD-ready unloads.

CREATE FUNCTION unload_for_db2(query text, data_file text, punch_file text,
                               table_name text, options jsonb DEFAULT '{}',
                               OUT records bigint, OUT bytes bigint,
                               OUT create_table text)
RETURNS record
AS 'MODULE_PATHNAME', 'zfdw_unload_for_db2'
LANGUAGE C VOLATILE STRICT;

COMMENT ON FUNCTION unload_for_db2(text, text, text, text, jsonb) IS
'write the rows of a query as a DB2 for z/OS UNLOAD data set (data_file) and the LOAD statement that loads it into table_name (punch_file), both replaced at commit; returns the records and bytes written and, with the option create_table, a DB2 CREATE TABLE (options: codepage, float, recfm, numeric, varchar_length, not_null, create_table)';
