-- GnuCOBOL as the oracle of writing: the COBOL fixtures of test/data/cobol
-- were written by cobc -std=ibm -fsign=EBCDIC programs, which DISPLAYed
-- the values of every record (the expected files).  Inserting those
-- DISPLAYed values into a writable table with the same copybook must
-- give the very bytes COBOL wrote: then a COBOL program reading zfdw's
-- file reads exactly what it wrote, and DISPLAYs the same values.  Fixed
-- records in five code pages, OCCURS DEPENDING ON in vb and vb_bdw, with
-- items after the table (-fodoslide), and the KSDS account masters.
\getenv abs_srcdir PG_ABS_SRCDIR
\getenv abs_builddir PG_ABS_BUILDDIR
\i :abs_srcdir/helpers.psql
CREATE SCHEMA test_write_cobol;
SET search_path = test_write_cobol, public;
\set cobol :abs_srcdir '/data/cobol'
\set fixrec :cobol '/FIXREC.cpy'
\set odorec :cobol '/ODOREC.cpy'
\set odoslide :cobol '/ODOSLIDE.cpy'
\set acctmast :abs_srcdir '/../demo/data/ACCTMAST.cpy'
\i :cobol/expected_tables.sql
CREATE SERVER wcobol FOREIGN DATA WRAPPER zfdw;

-- Equal files, or the first record that differs, in hex.
CREATE FUNCTION same_bytes(written text, cobol text, reclen int) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE a bytea := pg_read_binary_file(written); b bytea := pg_read_binary_file(cobol);
BEGIN
    IF a = b THEN RETURN 'identical, ' || length(a) || ' bytes'; END IF;
    FOR i IN 0 .. greatest(length(a), length(b)) / reclen LOOP
        IF substr(a, i * reclen + 1, reclen) IS DISTINCT FROM substr(b, i * reclen + 1, reclen) THEN
            RETURN format('differ at byte %s: zfdw %s, cobol %s', i * reclen,
                          encode(substr(a, i * reclen + 1, reclen), 'hex'),
                          encode(substr(b, i * reclen + 1, reclen), 'hex'));
        END IF;
    END LOOP;
    RETURN 'lengths differ: ' || length(a) || ' and ' || length(b);
END $$;

-- 1. Fixed records in five code pages
CREATE SCHEMA w037;
CREATE SCHEMA w1047;
CREATE SCHEMA w500;
CREATE SCHEMA w273;
CREATE SCHEMA w1140;
\set f037 :abs_builddir '/write_cobol_cp037.dat'
\set f1047 :abs_builddir '/write_cobol_cp1047.dat'
\set f500 :abs_builddir '/write_cobol_cp500.dat'
\set f273 :abs_builddir '/write_cobol_cp273.dat'
\set f1140 :abs_builddir '/write_cobol_cp1140.dat'
IMPORT FOREIGN SCHEMA fixrec FROM SERVER wcobol INTO w037
  OPTIONS (copybook :'fixrec', filename :'f037', codepage 'cp037', trim 'none', writable 'true');
IMPORT FOREIGN SCHEMA fixrec FROM SERVER wcobol INTO w1047
  OPTIONS (copybook :'fixrec', filename :'f1047', codepage 'cp1047', trim 'none', writable 'true');
IMPORT FOREIGN SCHEMA fixrec FROM SERVER wcobol INTO w500
  OPTIONS (copybook :'fixrec', filename :'f500', codepage 'cp500', trim 'none', writable 'true');
IMPORT FOREIGN SCHEMA fixrec FROM SERVER wcobol INTO w273
  OPTIONS (copybook :'fixrec', filename :'f273', codepage 'cp273', trim 'none', writable 'true');
IMPORT FOREIGN SCHEMA fixrec FROM SERVER wcobol INTO w1140
  OPTIONS (copybook :'fixrec', filename :'f1140', codepage 'cp1140', trim 'none', writable 'true');
CREATE TABLE v037 (LIKE fixrec_expected);
CREATE TABLE v1047 (LIKE fixrec_expected);
CREATE TABLE v500 (LIKE fixrec_expected);
CREATE TABLE v273 (LIKE fixrec_expected);
CREATE TABLE v1140 (LIKE fixrec_expected);
\set e :cobol '/fixed_cp037.expected.tsv'
COPY v037 FROM :'e' WITH (FORMAT text, HEADER match);
\set e :cobol '/fixed_cp1047.expected.tsv'
COPY v1047 FROM :'e' WITH (FORMAT text, HEADER match);
\set e :cobol '/fixed_cp500.expected.tsv'
COPY v500 FROM :'e' WITH (FORMAT text, HEADER match);
\set e :cobol '/fixed_cp273.expected.tsv'
COPY v273 FROM :'e' WITH (FORMAT text, HEADER match);
\set e :cobol '/fixed_cp1140.expected.tsv'
COPY v1140 FROM :'e' WITH (FORMAT text, HEADER match);
INSERT INTO w037.fix_rec SELECT * FROM v037;
INSERT INTO w1047.fix_rec SELECT * FROM v1047;
INSERT INTO w500.fix_rec SELECT * FROM v500;
INSERT INTO w273.fix_rec SELECT * FROM v273;
INSERT INTO w1140.fix_rec SELECT * FROM v1140;
SELECT 'cp037' AS page, same_bytes(:'f037', :'cobol' || '/fixed_cp037.dat', 194)
UNION ALL SELECT 'cp1047', same_bytes(:'f1047', :'cobol' || '/fixed_cp1047.dat', 194)
UNION ALL SELECT 'cp500', same_bytes(:'f500', :'cobol' || '/fixed_cp500.dat', 194)
UNION ALL SELECT 'cp273', same_bytes(:'f273', :'cobol' || '/fixed_cp273.dat', 194)
UNION ALL SELECT 'cp1140', same_bytes(:'f1140', :'cobol' || '/fixed_cp1140.dat', 194);

-- 2. OCCURS DEPENDING ON, the table last, in RDW and BDW framing (the
--    COBOL file's blocks hold at most 200 bytes)
CREATE SCHEMA wodo_vb;
CREATE SCHEMA wodo_bdw;
\set fvb :abs_builddir '/write_cobol_odo_vb.dat'
\set fbdw :abs_builddir '/write_cobol_odo_bdw.dat'
IMPORT FOREIGN SCHEMA odorec FROM SERVER wcobol INTO wodo_vb
  OPTIONS (copybook :'odorec', filename :'fvb', recfm 'vb', trim 'none', writable 'true');
IMPORT FOREIGN SCHEMA odorec FROM SERVER wcobol INTO wodo_bdw
  OPTIONS (copybook :'odorec', filename :'fbdw', recfm 'vb_bdw', blksize '200', trim 'none', writable 'true');
\set e :cobol '/odo_cp037.expected.tsv'
COPY odorec_expected FROM :'e' WITH (FORMAT text, HEADER match);
INSERT INTO wodo_vb.order_rec SELECT * FROM odorec_expected;
INSERT INTO wodo_bdw.order_rec SELECT * FROM odorec_expected;
SELECT 'odo vb' AS file, same_bytes(:'fvb', :'cobol' || '/odo_vb_cp037.dat', 200)
UNION ALL SELECT 'odo vb_bdw', same_bytes(:'fbdw', :'cobol' || '/odo_vbbdw_cp037.dat', 200);

-- 3. Items after the variable table, after the actual occurrences
CREATE SCHEMA wslide;
\set fs :abs_builddir '/write_cobol_slide.dat'
IMPORT FOREIGN SCHEMA odoslide FROM SERVER wcobol INTO wslide
  OPTIONS (copybook :'odoslide', filename :'fs', recfm 'vb', trim 'none', writable 'true');
\set e :cobol '/odoslide_cp037.expected.tsv'
COPY odoslide_expected FROM :'e' WITH (FORMAT text, HEADER match);
INSERT INTO wslide.stmt_rec SELECT * FROM odoslide_expected;
SELECT same_bytes(:'fs', :'cobol' || '/odoslide_vb_cp037.dat', 200);

-- 4. The KSDS export of account masters
CREATE SCHEMA wksds;
\set fk :abs_builddir '/write_cobol_ksds.dat'
IMPORT FOREIGN SCHEMA acctmast FROM SERVER wcobol INTO wksds
  OPTIONS (copybook :'acctmast', filename :'fk', trim 'none', writable 'true');
\set e :cobol '/ksds_acct_cp037.expected.tsv'
COPY acctmast_expected FROM :'e' WITH (FORMAT text, HEADER match);
INSERT INTO wksds.acct_master_rec SELECT * FROM acctmast_expected;
SELECT same_bytes(:'fk', :'cobol' || '/ksds_acct_cp037.dat', 120);

-- 5. An independent reader: GnuCOBOL programs READ the files zfdw wrote
--    above and DISPLAY every field (test/data/cobol/readback.sh compiles
--    fixread.cbl or odoread.cbl with cobc -std=ibm -fsign=EBCDIC and
--    turns their DISPLAY output into COPY text as generate.sh does); what
--    COBOL displays equals what was inserted, in five code pages, and for
--    OCCURS DEPENDING ON in RDW and BDW framing.
\set rb :cobol '/readback.sh'
CREATE FUNCTION cobol_differences(shown regclass, inserted regclass) RETURNS TABLE (shown_rows bigint, not_inserted bigint, not_shown bigint)
LANGUAGE plpgsql AS $$
BEGIN
    RETURN QUERY EXECUTE format('SELECT (SELECT count(*) FROM %1$s),
        (SELECT count(*) FROM (SELECT * FROM %1$s EXCEPT ALL SELECT * FROM %2$s) a),
        (SELECT count(*) FROM (SELECT * FROM %2$s EXCEPT ALL SELECT * FROM %1$s) b)', shown, inserted);
END $$;
CREATE TABLE r037 (LIKE fixrec_expected);
CREATE TABLE r1047 (LIKE fixrec_expected);
CREATE TABLE r500 (LIKE fixrec_expected);
CREATE TABLE r273 (LIKE fixrec_expected);
CREATE TABLE r1140 (LIKE fixrec_expected);
CREATE TABLE rodo_vb (LIKE odorec_expected);
CREATE TABLE rodo_bdw (LIKE odorec_expected);
\set cmd 'bash ' :rb ' fixread cp037 ' :f037
COPY r037 FROM PROGRAM :'cmd' WITH (FORMAT text, HEADER match);
\set cmd 'bash ' :rb ' fixread cp1047 ' :f1047
COPY r1047 FROM PROGRAM :'cmd' WITH (FORMAT text, HEADER match);
\set cmd 'bash ' :rb ' fixread cp500 ' :f500
COPY r500 FROM PROGRAM :'cmd' WITH (FORMAT text, HEADER match);
\set cmd 'bash ' :rb ' fixread cp273 ' :f273
COPY r273 FROM PROGRAM :'cmd' WITH (FORMAT text, HEADER match);
\set cmd 'bash ' :rb ' fixread cp1140 ' :f1140
COPY r1140 FROM PROGRAM :'cmd' WITH (FORMAT text, HEADER match);
\set cmd 'bash ' :rb ' odoread cp037 ' :fvb ' N'
COPY rodo_vb FROM PROGRAM :'cmd' WITH (FORMAT text, HEADER match);
\set cmd 'bash ' :rb ' odoread cp037 ' :fbdw ' Y'
COPY rodo_bdw FROM PROGRAM :'cmd' WITH (FORMAT text, HEADER match);
SELECT 'cp037' AS file, * FROM cobol_differences('r037', 'v037')
UNION ALL SELECT 'cp1047', * FROM cobol_differences('r1047', 'v1047')
UNION ALL SELECT 'cp500', * FROM cobol_differences('r500', 'v500')
UNION ALL SELECT 'cp273', * FROM cobol_differences('r273', 'v273')
UNION ALL SELECT 'cp1140', * FROM cobol_differences('r1140', 'v1140')
UNION ALL SELECT 'odo vb', * FROM cobol_differences('rodo_vb', 'odorec_expected')
UNION ALL SELECT 'odo vb_bdw', * FROM cobol_differences('rodo_bdw', 'odorec_expected');
