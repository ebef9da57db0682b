-- DB2 for z/OS DDL to PostgreSQL: the two functions, their options and errors.
-- create the extension unless an earlier test left it; drop it at the end if so
SELECT NOT EXISTS (SELECT FROM pg_extension WHERE extname = 'zfdw') AS zfdw_created \gset
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS zfdw;
RESET client_min_messages;

-- The whole script as text, notes as comments.
SELECT zfdw.db2_ddl_to_pg($ddl$
  SET CURRENT SQLID = 'PAYROLL';
  CREATE TABLESPACE PAYTS IN PAYDB USING STOGROUP SG1 PRIQTY 720 SEGSIZE 4;
  CREATE TABLE EMPLOYEE
    (EMPNO    CHAR(6)       NOT NULL,
     NAME     VARCHAR(30)   FOR SBCS DATA NOT NULL,
     SALARY   DECIMAL(9,2)  NOT NULL WITH DEFAULT,
     HIRED    DATE          NOT NULL WITH DEFAULT,
     PRIMARY KEY (EMPNO))
    IN PAYDB.PAYTS AUDIT NONE DATA CAPTURE CHANGES;
  CREATE UNIQUE INDEX XEMP ON EMPLOYEE (EMPNO) CLUSTER BUFFERPOOL BP1;
  COMMENT ON TABLE EMPLOYEE IS 'People we pay';
  GRANT SELECT ON EMPLOYEE TO PUBLIC;
  COMMIT;
$ddl$);

-- The same, statement by statement; without notes in the text.
SELECT statement_no, line, kind, object_name, sql IS NOT NULL AS converted,
       cardinality(notes) AS notes
  FROM zfdw.db2_ddl_convert($ddl$
  CREATE TABLE T (A INT);
  GRANT SELECT ON T TO PUBLIC;
  COMMIT;
$ddl$);
SELECT zfdw.db2_ddl_to_pg('CREATE TABLE T (A INT) IN DB.TS; COMMIT;', '{"notes": false}');

-- Options: schema, schema_map, fold_case, create_schemas.
SELECT zfdw.db2_ddl_to_pg('CREATE TABLE DBA1ADM.T (A INT); CREATE TABLE OTHER.U (B INT);',
       '{"schema": "app", "schema_map": {"dba1adm": "dba"}, "notes": false}');
SELECT zfdw.db2_ddl_to_pg('CREATE TABLE DBA1ADM.T (A INT, "b" INT);',
       '{"fold_case": false, "create_schemas": false, "notes": false}');

-- Bad options are errors.
SELECT zfdw.db2_ddl_to_pg('COMMIT;', '{"schemas": "x"}');
SELECT zfdw.db2_ddl_to_pg('COMMIT;', '{"fold_case": "yes"}');
SELECT zfdw.db2_ddl_to_pg('COMMIT;', '{"missing_references": "maybe"}');
SELECT zfdw.db2_ddl_to_pg('COMMIT;', '{"terminator": "##"}');
SELECT zfdw.db2_ddl_to_pg('COMMIT;', '{"terminator": "x"}');
SELECT zfdw.db2_ddl_to_pg('COMMIT;', '{"schema_map": ["A"]}');
SELECT zfdw.db2_ddl_to_pg('COMMIT;', '[]');

-- Syntax errors: SQLSTATE 42601, line and column in the detail.
CREATE FUNCTION pg_temp.show_error(ddl text, opts jsonb DEFAULT '{}') RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
    state text;
    msg text;
    detail text;
BEGIN
    PERFORM zfdw.db2_ddl_to_pg(ddl, opts);
    RETURN 'no error';
EXCEPTION WHEN OTHERS THEN
    GET STACKED DIAGNOSTICS state = RETURNED_SQLSTATE, msg = MESSAGE_TEXT,
                            detail = PG_EXCEPTION_DETAIL;
    RETURN state || ': ' || msg || ' / ' || detail;
END $$;
SELECT pg_temp.show_error(E'COMMIT;\nCREATE TABLE T (A INT,\n  B DECIMAL(40,2));');
SELECT pg_temp.show_error(E'CREATE TABLE T\n  (A CHAR(1) WITH DEFAULT ''x);');
SELECT pg_temp.show_error(E'CREATE TABLE T (A INT;');
SELECT pg_temp.show_error('CREATE TABLE T (A INT) PARTITION BY (A) (PARTITION 1 ENDING AT 5);');
SELECT pg_temp.show_error('CREATE VIEW V AS SELECT ' || repeat('(', 250) || '1' || repeat(')', 250));
-- ... or, with on_error skip, a note on the statement.
SELECT statement_no, kind, sql, notes
  FROM zfdw.db2_ddl_convert(E'CREATE TABLE T (A INT);\nCREATE TABLE U (B DECIMAL(99));',
                            '{"on_error": "skip"}');

-- NULL in, NULL out (the functions are strict).
SELECT zfdw.db2_ddl_to_pg(NULL) IS NULL AS is_null;

-- leave the database as the test found it
\if :zfdw_created
DROP EXTENSION zfdw;
\endif
