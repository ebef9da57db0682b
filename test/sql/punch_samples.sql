-- DB2 UNLOAD data sets read through the real SYSPUNCH samples in
-- ../shared/db2ddl (GPL-3.0, read from there, never copied): synthetic
-- SYSREC files that test/data/punch/generate.py wrote from each punch
-- read back exactly as the generator's own values (expected.tsv).
\getenv abs_srcdir PG_ABS_SRCDIR
\i :abs_srcdir/helpers.psql
\set d :abs_srcdir '/data/punch'
\set s :abs_srcdir '/../../shared/db2ddl'
\set orc_punch :s '/punch-unload-orcamentoitecob.jcl'
\set orc_ddl :s '/ddl-v7style-orcamentoitecob.sql'
\set mapa_punch :s '/punch-unload-mapa-s3-comm-liab-parts1-2.txt'
\set mapa_ddl :s '/ddl-admintool-test0-309cols.sql'
\set sys_punch :s '/punch-unload-systables-like-unicode.jcl'
\set reorg_punch :s '/punch-reorg-unload-external-v6-co000t.txt'

CREATE SERVER db2_samples FOREIGN DATA WRAPPER zfdw;

-- Rows of a foreign table that differ from the expected table, both ways.
CREATE OR REPLACE FUNCTION punch_mismatches(foreign_table regclass, expected regclass)
RETURNS TABLE (side text, row_text text) LANGUAGE plpgsql AS $$
BEGIN
    RETURN QUERY EXECUTE format(
        'SELECT ''decoded'', t::text FROM (SELECT f::text AS t FROM %s f EXCEPT ALL
                                         SELECT e::text FROM %s e) x
         UNION ALL
         SELECT ''expected'', t::text FROM (SELECT e::text AS t FROM %s e EXCEPT ALL
                                          SELECT f::text FROM %s f) y
         ORDER BY 1, 2 LIMIT 6', foreign_table, expected, expected, foreign_table);
END $$;

-- 1. TECINFOR.ORCAMENTOITECOB: WHEN(00001:00002) = X'00A7', packed
--    DECIMAL(11,0), (17,2), (7,4) with the scales of the DDL, nullable
--    SMALLINTs (NULLIF(00190)=X'FF').
CREATE SCHEMA ps_orc;
\set f :d '/orcamentoitecob.dat'
IMPORT FOREIGN SCHEMA "TECINFOR" FROM SERVER db2_samples INTO ps_orc
  OPTIONS (punch :'orc_punch', filename :'f', ddl :'orc_ddl');
SELECT attname, format_type(atttypid, atttypmod) AS type, attnotnull
  FROM pg_attribute WHERE attrelid = 'ps_orc.orcamentoitecob'::regclass AND attnum > 0
 ORDER BY attnum;
SELECT replace(array_to_string(ftoptions, ', '), :'abs_srcdir', '<srcdir>') AS options
  FROM pg_foreign_table WHERE ftrelid = 'ps_orc.orcamentoitecob'::regclass;
CREATE TABLE orc_expected (LIKE ps_orc.orcamentoitecob);
\set e :d '/orcamentoitecob.expected.tsv'
COPY orc_expected FROM :'e';
SELECT count(*) FROM ps_orc.orcamentoitecob;
SELECT * FROM punch_mismatches('ps_orc.orcamentoitecob', 'orc_expected');
SELECT count(*) FILTER (WHERE cdgrpsubreg IS NULL) AS null_cdgrpsubreg,
       count(*) FILTER (WHERE cdsubreg IS NULL) AS null_cdsubreg
  FROM ps_orc.orcamentoitecob;

-- without the DDL: DECIMAL columns are numeric, read as whole numbers,
-- and IMPORT says so
CREATE SCHEMA ps_orc_noddl;
IMPORT FOREIGN SCHEMA tecinfor FROM SERVER db2_samples INTO ps_orc_noddl
  OPTIONS (punch :'orc_punch', filename :'f');
SELECT attname, format_type(atttypid, atttypmod) AS type
  FROM pg_attribute WHERE attrelid = 'ps_orc_noddl.orcamentoitecob'::regclass AND attnum IN (2, 9);
SELECT o.vlis AS with_ddl, n.vlis AS without
  FROM ps_orc.orcamentoitecob o JOIN ps_orc_noddl.orcamentoitecob n USING (cdneg, nrorc, nrite)
 ORDER BY 1 LIMIT 3;
-- a numeric(p,s) column gives the scale itself
ALTER FOREIGN TABLE ps_orc_noddl.orcamentoitecob ALTER COLUMN vlis TYPE numeric(17,2);
SELECT count(*) FROM ps_orc.orcamentoitecob o JOIN ps_orc_noddl.orcamentoitecob n USING (cdneg, nrorc, nrite)
 WHERE o.vlis = n.vlis;

-- 2. ERSPROD.MAPA_S3_COMM_LIAB: 309 columns, two partition blocks
--    (PART 00001, PART 00002) that become one table over both data sets;
--    the DDL of the same columns names another table (DBA1ADM.TEST0) and
--    is the only table of its script, so it is used.
CREATE SCHEMA ps_mapa;
\set f :d '/mapa_p*.dat'
IMPORT FOREIGN SCHEMA "ERSPROD" FROM SERVER db2_samples INTO ps_mapa
  OPTIONS (punch :'mapa_punch', filename :'f', ddl :'mapa_ddl');
SELECT relname FROM pg_class WHERE relnamespace = 'ps_mapa'::regnamespace;
SELECT count(*) AS columns, count(*) FILTER (WHERE attnotnull) AS not_null,
       count(*) FILTER (WHERE atttypid = 'numeric'::regtype) AS numeric,
       count(*) FILTER (WHERE atttypid = 'date'::regtype) AS date
  FROM pg_attribute WHERE attrelid = 'ps_mapa.mapa_s3_comm_liab'::regclass AND attnum > 0;
CREATE TABLE mapa_expected (LIKE ps_mapa.mapa_s3_comm_liab);
\set e :d '/mapa.expected.tsv'
COPY mapa_expected FROM :'e';
SELECT count(*) FROM ps_mapa.mapa_s3_comm_liab;
SELECT * FROM punch_mismatches('ps_mapa.mapa_s3_comm_liab', 'mapa_expected');

-- 3. DB2ADM.MIGVRS11 (LIKE SYSIBM.SYSTABLES): UNICODE CCSID(367,1208,1200),
--    VARCHAR MIXED in UTF-8 padded to its slot, TIMESTAMP EXTERNAL(026),
--    FLOAT(53) in hexadecimal floating point.  The job around it also holds
--    a second LOAD without field specifications, for the same table.
CREATE SCHEMA ps_sys;
\set f :d '/systables_unicode.dat'
IMPORT FOREIGN SCHEMA "DB2ADM" FROM SERVER db2_samples INTO ps_sys
  OPTIONS (punch :'sys_punch', filename :'f');
CREATE TABLE sys_expected (LIKE ps_sys.migvrs11);
\set e :d '/systables_unicode.expected.tsv'
COPY sys_expected FROM :'e';
SELECT count(*) FROM ps_sys.migvrs11;
SELECT * FROM punch_mismatches('ps_sys.migvrs11', 'sys_expected');
SELECT name, octet_length(name) > length(name) AS multibyte, cardf
  FROM ps_sys.migvrs11 WHERE name ~ '[^ -~]' ORDER BY name LIMIT 3;

-- 4. PROD.CO000T_FILIAL: REORG TABLESPACE ... UNLOAD EXTERNAL (DB2 V6):
--    no WHEN, data from position 7, blank-padded quoted names, 1-byte
--    DECIMAL, a nullable VARCHAR padded to its slot
CREATE SCHEMA ps_reorg;
\set f :d '/co000t.dat'
IMPORT FOREIGN SCHEMA prod FROM SERVER db2_samples INTO ps_reorg
  OPTIONS (punch :'reorg_punch', filename :'f');
CREATE TABLE reorg_expected (LIKE ps_reorg.co000t_filial);
\set e :d '/co000t.expected.tsv'
COPY reorg_expected FROM :'e';
SELECT count(*) FROM ps_reorg.co000t_filial;
SELECT * FROM punch_mismatches('ps_reorg.co000t_filial', 'reorg_expected');

-- 5. Three tables interleaved in one VB data set (RDWs kept by the
--    transfer): each reads only the records of its OBID.
CREATE SCHEMA ps_mixed;
\set f :d '/interleaved.dat'
IMPORT FOREIGN SCHEMA tecinfor FROM SERVER db2_samples INTO ps_mixed
  OPTIONS (punch :'orc_punch', filename :'f', recfm 'vb', ddl :'orc_ddl');
IMPORT FOREIGN SCHEMA ersprod FROM SERVER db2_samples INTO ps_mixed
  OPTIONS (punch :'mapa_punch', filename :'f', recfm 'vb', ddl :'mapa_ddl');
IMPORT FOREIGN SCHEMA db2adm FROM SERVER db2_samples INTO ps_mixed
  OPTIONS (punch :'sys_punch', filename :'f', recfm 'vb');
SELECT * FROM punch_mismatches('ps_mixed.orcamentoitecob', 'orc_expected');
SELECT * FROM punch_mismatches('ps_mixed.mapa_s3_comm_liab', 'mapa_expected');
SELECT * FROM punch_mismatches('ps_mixed.migvrs11', 'sys_expected');
SELECT (SELECT count(*) FROM ps_mixed.orcamentoitecob) AS orc,
       (SELECT count(*) FROM ps_mixed.mapa_s3_comm_liab) AS mapa,
       (SELECT count(*) FROM ps_mixed.migvrs11) AS ps_sys;
