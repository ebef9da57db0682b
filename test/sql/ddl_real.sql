-- The five real DB2 for z/OS DDL files of ../shared/db2ddl (GPL-3.0, read
-- from there): converted, executed on PostgreSQL, and the catalog checked.
-- create the extension unless an earlier test left it; drop it at the end if so
SELECT NOT EXISTS (SELECT FROM pg_extension WHERE extname = 'zfdw') AS zfdw_created \gset
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS zfdw;
RESET client_min_messages;
\getenv abs_srcdir PG_ABS_SRCDIR
\set ddldir :abs_srcdir '/../../shared/db2ddl'

-- Convert a file and run the result, as a user would.
CREATE FUNCTION pg_temp.run_db2(path text, opts jsonb DEFAULT '{}') RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
    EXECUTE zfdw.db2_ddl_to_pg(pg_read_file(path), opts);
END $$;

-- Columns of a table as a DBA reads them.
CREATE FUNCTION pg_temp.columns(schema_name text, table_name text)
RETURNS TABLE (col text, type text, nullable text, dflt text)
LANGUAGE sql AS $$
    SELECT a.attname::text, format_type(a.atttypid, a.atttypmod),
           CASE WHEN a.attnotnull THEN 'not null' ELSE '' END,
           pg_get_expr(d.adbin, d.adrelid)
      FROM pg_attribute a
      JOIN pg_class c ON c.oid = a.attrelid
      JOIN pg_namespace n ON n.oid = c.relnamespace
      LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
     WHERE n.nspname = schema_name AND c.relname = table_name
       AND a.attnum > 0 AND NOT a.attisdropped
     ORDER BY a.attnum
$$;

-- Indexes and constraints of a schema.
CREATE FUNCTION pg_temp.indexes(schema_name text)
RETURNS TABLE (tab text, index text, def text)
LANGUAGE sql AS $$
    SELECT tablename::text, indexname::text, regexp_replace(indexdef, '^.* USING ', '')
      FROM pg_indexes WHERE schemaname = schema_name ORDER BY 1, 2
$$;
CREATE FUNCTION pg_temp.constraints(schema_name text)
RETURNS TABLE (tab text, con text, def text)
LANGUAGE sql AS $$
    SELECT c.conrelid::regclass::text, c.conname::text, pg_get_constraintdef(c.oid)
      FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace
     WHERE n.nspname = schema_name
       AND c.contype <> 'n'  -- 18 records NOT NULL as constraints too
     ORDER BY 1, 2
$$;

-- 1. DB2 Admin Tool (ADB2GEN) export, DB2 V10: table space, ten tables
--    with FOR SBCS DATA and a quoted "PARTITION" column, fifteen indexes.
SELECT statement_no, line, kind, object_name, sql IS NOT NULL AS converted
  FROM zfdw.db2_ddl_convert(pg_read_file(:'ddldir' || '/ddl-admintool-adb2gen-v10-lixob.sql'))
 WHERE kind <> 'COMMIT';
SELECT pg_temp.run_db2(:'ddldir' || '/ddl-admintool-adb2gen-v10-lixob.sql');
SELECT c.relname, count(*) AS columns,
       count(*) FILTER (WHERE a.attnotnull) AS not_null
  FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
  JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0
 WHERE n.nspname = 'ibm1jcf' AND c.relkind = 'r'
 GROUP BY c.relname ORDER BY 1;
SELECT * FROM pg_temp.columns('ibm1jcf', 'syscolstats');
SELECT * FROM pg_temp.columns('ibm1jcf', 'sysindexes');
SELECT * FROM pg_temp.indexes('ibm1jcf');
SELECT * FROM pg_temp.constraints('ibm1jcf');

-- 2. The 309-column table (Admin Tool export with SET CURRENT SQLID).
SELECT pg_temp.run_db2(:'ddldir' || '/ddl-admintool-test0-309cols.sql');
SELECT count(*) AS columns,
       count(*) FILTER (WHERE nullable = 'not null') AS not_null,
       count(*) FILTER (WHERE dflt IS NOT NULL) AS with_default
  FROM pg_temp.columns('dba1adm', 'test0');
SELECT type, nullable, dflt, count(*)
  FROM pg_temp.columns('dba1adm', 'test0') GROUP BY 1, 2, 3 ORDER BY 1, 2, 3;
SELECT * FROM pg_temp.columns('dba1adm', 'test0')
 WHERE col IN ('s3_sar_table_typ', 's3_ba_seq_nbr', 's3_pol_org_incp_dt',
               's3_lmt_lsspart_pct', 's3_sarr_addrtd_nbr', 's3_pol_xtrsmx_ind');
SELECT * FROM pg_temp.indexes('dba1adm');
-- the conversion notes of the CREATE TABLE
SELECT unnest(notes) FROM zfdw.db2_ddl_convert(
    pg_read_file(:'ddldir' || '/ddl-admintool-test0-309cols.sql'))
 WHERE kind = 'CREATE TABLE';
-- 3. Hand-written DDL: COMMENT ON (both forms), DATE/TIME NOT NULL WITH
--    DEFAULT, FLOAT, ALTER TABLE ADD ... NOT NULL WITH DEFAULT.
SELECT pg_temp.run_db2(:'ddldir' || '/ddl-comment-on-hstvsam.sql');
SELECT * FROM pg_temp.columns('db2adm', 'hstvsam');
SELECT * FROM pg_temp.indexes('db2adm');
SELECT obj_description('db2adm.hstvsam'::regclass, 'pg_class') AS table_comment;
SELECT a.attname, col_description(a.attrelid, a.attnum)
  FROM pg_attribute a WHERE a.attrelid = 'db2adm.hstvsam'::regclass AND a.attnum > 0
 ORDER BY a.attnum;

-- 4. DB2 V7-style generator: NOT NULL WITH DEFAULT with and without a value,
--    "IN DBNOVA  .CADAURSM", index-controlled partitioning, a view that
--    reads a table the file does not create.
SELECT pg_temp.run_db2(:'ddldir' || '/ddl-v7style-cadaursm-index-partitioned.sql');
SELECT count(*) AS columns, count(*) FILTER (WHERE nullable = 'not null') AS not_null
  FROM pg_temp.columns('ano2000', 'cadaursm');
SELECT * FROM pg_temp.columns('ano2000', 'cadaursm')
 WHERE dflt IS NOT NULL AND dflt NOT IN ('0', '''0''::numeric', ''' ''::bpchar');
SELECT * FROM pg_temp.columns('ano2000', 'cadaursm')
 WHERE col IN ('nmdigit', 'nrapotrf', 'cfrdutaxcsc', 'capcarga', 'flagleas');
SELECT * FROM pg_temp.indexes('ano2000');
SELECT * FROM pg_temp.constraints('ano2000');
SELECT to_regclass('db2pdprc.v_cadaursm') AS view_without_cadapol;
-- once the table the view reads exists, the same output creates the view
DROP SCHEMA ano2000, db2pdprc CASCADE;
CREATE SCHEMA ano2000;
CREATE TABLE ano2000.cadapol (cdsucur smallint, cdrmbas smallint, nrapoli integer,
                              nrendos integer, nrcorrt integer, nrcolab integer);
SELECT pg_temp.run_db2(:'ddldir' || '/ddl-v7style-cadaursm-index-partitioned.sql');
SELECT count(*) AS view_columns FROM pg_temp.columns('db2pdprc', 'v_cadaursm');
SELECT pg_get_viewdef('db2pdprc.v_cadaursm'::regclass) LIKE '%cad.nrcolab = ANY (ARRAY[1, 189, 7376])%' AS view_where;

-- 5. Same generator: FOREIGN KEY name (cols) REFERENCES parent ON DELETE
--    RESTRICT to parents the file does not create, DECIMAL (17,2).
SELECT pg_temp.run_db2(:'ddldir' || '/ddl-v7style-orcamentoitecob.sql');
SELECT * FROM pg_temp.columns('tecinfor', 'orcamentoitecob') WHERE col LIKE 'vl%' OR col LIKE 'cd%';
SELECT * FROM pg_temp.constraints('tecinfor');
-- with the parents in place, the foreign keys are created too
DROP TABLE tecinfor.orcamentoitecob;
CREATE TABLE tecinfor.orcamentoitepro (cdneg smallint, nrorc numeric(11,0), nrite smallint,
    nropccal smallint, cdpro integer, PRIMARY KEY (cdneg, nrorc, nrite, nropccal, cdpro));
CREATE TABLE tecinfor.subreg (cdgrpsubreg smallint, cdsubreg smallint,
    PRIMARY KEY (cdgrpsubreg, cdsubreg));
SELECT pg_temp.run_db2(:'ddldir' || '/ddl-v7style-orcamentoitecob.sql');
SELECT * FROM pg_temp.constraints('tecinfor') WHERE tab = 'tecinfor.orcamentoitecob';

-- leave the database as the test found it
SET client_min_messages = warning;
DROP SCHEMA ibm1jcf, dba1adm, db2adm, ano2000, db2pdprc, tecinfor CASCADE;
RESET client_min_messages;
\if :zfdw_created
DROP EXTENSION zfdw;
\endif
