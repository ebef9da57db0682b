-- GnuCOBOL as the oracle: files written by cobc -std=ibm -fsign=EBCDIC
-- (test/data/cobol, see its README) decode to exactly the values the
-- COBOL programs DISPLAYed.  Each fixture is imported from its copybook
-- and compared row by row, as text, with the expected-values file.
\getenv abs_srcdir PG_ABS_SRCDIR
\i :abs_srcdir/helpers.psql
CREATE SCHEMA test_cobol_fixtures;
SET search_path = test_cobol_fixtures, public;
\set cobol :abs_srcdir '/data/cobol'
\set fixrec :cobol '/FIXREC.cpy'
\set odorec :cobol '/ODOREC.cpy'
\set odoslide :cobol '/ODOSLIDE.cpy'
\set acctmast :abs_srcdir '/../demo/data/ACCTMAST.cpy'
\i :cobol/expected_tables.sql

CREATE SERVER cobol FOREIGN DATA WRAPPER zfdw;

-- Rows of a foreign table that differ from the expected table, both ways.
CREATE FUNCTION mismatches(foreign_table regclass, expected regclass)
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

-- 1. The fixed-length record in five code pages: text with the
--    characters that differ between pages, every zoned sign convention,
--    packed and binary fields at their extremes, OCCURS, REDEFINES.
CREATE SCHEMA cp037;
CREATE SCHEMA cp1047;
CREATE SCHEMA cp500;
CREATE SCHEMA cp273;
CREATE SCHEMA cp1140;
\set f :cobol '/fixed_cp037.dat'
IMPORT FOREIGN SCHEMA fixrec FROM SERVER cobol INTO cp037
  OPTIONS (copybook :'fixrec', filename :'f', codepage 'cp037', trim 'none');
\set f :cobol '/fixed_cp1047.dat'
IMPORT FOREIGN SCHEMA fixrec FROM SERVER cobol INTO cp1047
  OPTIONS (copybook :'fixrec', filename :'f', codepage 'cp1047', trim 'none');
\set f :cobol '/fixed_cp500.dat'
IMPORT FOREIGN SCHEMA fixrec FROM SERVER cobol INTO cp500
  OPTIONS (copybook :'fixrec', filename :'f', codepage 'cp500', trim 'none');
\set f :cobol '/fixed_cp273.dat'
IMPORT FOREIGN SCHEMA fixrec FROM SERVER cobol INTO cp273
  OPTIONS (copybook :'fixrec', filename :'f', codepage 'cp273', trim 'none');
\set f :cobol '/fixed_cp1140.dat'
IMPORT FOREIGN SCHEMA fixrec FROM SERVER cobol INTO cp1140
  OPTIONS (copybook :'fixrec', filename :'f', codepage 'cp1140', trim 'none');
-- the columns IMPORT made, and the options (test directory as <srcdir>)
SELECT attname, format_type(atttypid, atttypmod) AS type, attfdwoptions
  FROM pg_attribute WHERE attrelid = 'cp037.fix_rec'::regclass AND attnum > 0
 ORDER BY attnum;
SELECT replace(array_to_string(ftoptions, ', '), :'abs_srcdir', '<srcdir>') AS options
  FROM pg_foreign_table WHERE ftrelid = 'cp037.fix_rec'::regclass;

CREATE TABLE fixrec_cp037 (LIKE fixrec_expected);
CREATE TABLE fixrec_cp1047 (LIKE fixrec_expected);
CREATE TABLE fixrec_cp500 (LIKE fixrec_expected);
CREATE TABLE fixrec_cp273 (LIKE fixrec_expected);
CREATE TABLE fixrec_cp1140 (LIKE fixrec_expected);
\set e :cobol '/fixed_cp037.expected.tsv'
COPY fixrec_cp037 FROM :'e' WITH (FORMAT text, HEADER match);
\set e :cobol '/fixed_cp1047.expected.tsv'
COPY fixrec_cp1047 FROM :'e' WITH (FORMAT text, HEADER match);
\set e :cobol '/fixed_cp500.expected.tsv'
COPY fixrec_cp500 FROM :'e' WITH (FORMAT text, HEADER match);
\set e :cobol '/fixed_cp273.expected.tsv'
COPY fixrec_cp273 FROM :'e' WITH (FORMAT text, HEADER match);
\set e :cobol '/fixed_cp1140.expected.tsv'
COPY fixrec_cp1140 FROM :'e' WITH (FORMAT text, HEADER match);

SELECT 'cp037' AS page, count(*) FROM cp037.fix_rec
UNION ALL SELECT 'cp1047', count(*) FROM cp1047.fix_rec
UNION ALL SELECT 'cp500', count(*) FROM cp500.fix_rec
UNION ALL SELECT 'cp273', count(*) FROM cp273.fix_rec
UNION ALL SELECT 'cp1140', count(*) FROM cp1140.fix_rec;
SELECT * FROM mismatches('cp037.fix_rec', 'fixrec_cp037');
SELECT * FROM mismatches('cp1047.fix_rec', 'fixrec_cp1047');
SELECT * FROM mismatches('cp500.fix_rec', 'fixrec_cp500');
SELECT * FROM mismatches('cp273.fix_rec', 'fixrec_cp273');
SELECT * FROM mismatches('cp1140.fix_rec', 'fixrec_cp1140');
-- the characters that differ between the pages, as decoded
SELECT fx_id, fx_text FROM cp273.fix_rec WHERE fx_id <= 4 ORDER BY fx_id;
SELECT fx_id, fx_text FROM cp1140.fix_rec WHERE fx_id <= 4 ORDER BY fx_id;

-- 2. OCCURS DEPENDING ON, the table last, in RDW and BDW framing.
CREATE SCHEMA odo_vb;
CREATE SCHEMA odo_bdw;
\set f :cobol '/odo_vb_cp037.dat'
IMPORT FOREIGN SCHEMA odorec FROM SERVER cobol INTO odo_vb
  OPTIONS (copybook :'odorec', filename :'f', recfm 'vb', trim 'none');
\set f :cobol '/odo_vbbdw_cp037.dat'
IMPORT FOREIGN SCHEMA odorec FROM SERVER cobol INTO odo_bdw
  OPTIONS (copybook :'odorec', filename :'f', recfm 'vb_bdw', trim 'none');
\set e :cobol '/odo_cp037.expected.tsv'
COPY odorec_expected FROM :'e' WITH (FORMAT text, HEADER match);
SELECT count(*) FROM odo_vb.order_rec;
SELECT * FROM mismatches('odo_vb.order_rec', 'odorec_expected');
SELECT * FROM mismatches('odo_bdw.order_rec', 'odorec_expected');
SELECT ord_id, ord_line_count, ord_sku, ord_price FROM odo_vb.order_rec
 ORDER BY ord_id LIMIT 3;

-- 3. Items after the variable table sit after the actual occurrences,
--    as z/OS places them.
CREATE SCHEMA slide_vb;
CREATE SCHEMA slide_bdw;
\set f :cobol '/odoslide_vb_cp037.dat'
IMPORT FOREIGN SCHEMA odoslide FROM SERVER cobol INTO slide_vb
  OPTIONS (copybook :'odoslide', filename :'f', recfm 'vb', trim 'none');
\set f :cobol '/odoslide_vbbdw_cp037.dat'
IMPORT FOREIGN SCHEMA odoslide FROM SERVER cobol INTO slide_bdw
  OPTIONS (copybook :'odoslide', filename :'f', recfm 'vb_bdw', trim 'none');
\set e :cobol '/odoslide_cp037.expected.tsv'
COPY odoslide_expected FROM :'e' WITH (FORMAT text, HEADER match);
SELECT count(*) FROM slide_vb.stmt_rec;
SELECT * FROM mismatches('slide_vb.stmt_rec', 'odoslide_expected');
SELECT * FROM mismatches('slide_bdw.stmt_rec', 'odoslide_expected');

-- 4. The KSDS export of account masters.
CREATE SCHEMA ksds;
\set f :cobol '/ksds_acct_cp037.dat'
IMPORT FOREIGN SCHEMA acctmast FROM SERVER cobol INTO ksds
  OPTIONS (copybook :'acctmast', filename :'f', trim 'none');
\set e :cobol '/ksds_acct_cp037.expected.tsv'
COPY acctmast_expected FROM :'e' WITH (FORMAT text, HEADER match);
SELECT count(*) FROM ksds.acct_master_rec;
SELECT * FROM mismatches('ksds.acct_master_rec', 'acctmast_expected');
