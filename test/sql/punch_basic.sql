-- The SYSPUNCH parser through zfdw.punch_layout(), options of punch
-- tables, hand-checked hex vectors, and the errors: every one names the
-- line and column of the punch.
\getenv abs_srcdir PG_ABS_SRCDIR
\i :abs_srcdir/helpers.psql
\set d :abs_srcdir '/data/punch'
\set s :abs_srcdir '/../../shared/db2ddl'
\set orc_punch :s '/punch-unload-orcamentoitecob.jcl'
\set mapa_punch :s '/punch-unload-mapa-s3-comm-liab-parts1-2.txt'
\set sys_punch :s '/punch-unload-systables-like-unicode.jcl'
\set reorg_punch :s '/punch-reorg-unload-external-v6-co000t.txt'

-- 1. The layouts of the real samples (JCL, TEMPLATE and SQL around them)
SELECT path, "offset", length, usage, digits, scale, pg_type, null_indicator
  FROM zfdw.punch_layout(pg_read_file(:'orc_punch')) WHERE level = 0
 ORDER BY "offset";
SELECT record, count(*) AS fields, max("offset" + length) AS record_length,
       count(null_indicator) AS nullable
  FROM zfdw.punch_layout(pg_read_file(:'mapa_punch')) WHERE level = 0
 GROUP BY record;
SELECT usage, pg_type, count(*), min(length), max(length)
  FROM zfdw.punch_layout(pg_read_file(:'sys_punch')) WHERE level = 0
 GROUP BY usage, pg_type ORDER BY usage;
SELECT path, "offset", length, usage, null_indicator
  FROM zfdw.punch_layout(pg_read_file(:'reorg_punch')) WHERE level = 0
 ORDER BY "offset" LIMIT 8;

-- 2. NOPAD: POSITION(*), DSN_NULL_IND_nnnnn fields (fillers, not
--    columns), the static layout with every varying field at its maximum
SELECT path, name, "offset", length, usage, pg_type, null_indicator
  FROM zfdw.punch_layout(pg_read_file(:'d' || '/nopad.punch'), pg_read_file(:'d' || '/nopad.ddl'))
 WHERE level = 0;
-- without the DDL, the DECIMAL after POSITION(*) has no length
SELECT * FROM zt_error($$SELECT * FROM zfdw.punch_layout(pg_read_file('$$ || :'d' || $$/nopad.punch'))$$);

-- 3. Hand-checked hex vectors: HFP and DECFLOAT (see generate.py)
CREATE SERVER db2_basic FOREIGN DATA WRAPPER zfdw;
CREATE SCHEMA pb;
\set p :d '/vectors.punch'
\set f :d '/vectors.dat'
IMPORT FOREIGN SCHEMA zfdw FROM SERVER db2_basic INTO pb OPTIONS (punch :'p', filename :'f');
SELECT * FROM pb.vectors ORDER BY id;
CREATE TABLE pb_vectors_expected (LIKE pb.vectors);
\set e :d '/vectors.expected.tsv'
COPY pb_vectors_expected FROM :'e';
SELECT * FROM pb.vectors EXCEPT ALL SELECT * FROM pb_vectors_expected;
-- EBCDIC DBCS: GRAPHIC and VARGRAPHIC through the mixed CCSID 939, mixed
-- CHAR with SO/SI, and CCSID 1140's euro sign, all from the punch's
-- CCSID(01140,00939,00300)
\set p :d '/dbcs.punch'
\set f :d '/dbcs.dat'
IMPORT FOREIGN SCHEMA zfdw FROM SERVER db2_basic INTO pb OPTIONS (punch :'p', filename :'f');
SELECT * FROM pb.dbcs ORDER BY id;
CREATE TABLE pb_dbcs_expected (LIKE pb.dbcs);
\set e :d '/dbcs.expected.tsv'
COPY pb_dbcs_expected FROM :'e';
SELECT * FROM pb.dbcs EXCEPT ALL SELECT * FROM pb_dbcs_expected;
-- ASCII CCSID(00819,...): ISO 8859-1 text, binary numbers as ever
\set p :d '/ascii.punch'
\set f :d '/ascii.dat'
IMPORT FOREIGN SCHEMA zfdw FROM SERVER db2_basic INTO pb OPTIONS (punch :'p', filename :'f');
SELECT * FROM pb.latin ORDER BY id;
\set p :d '/dbcs.punch'
\set f :d '/dbcs.dat'
-- a codepage option of the table wins over the punch's CCSIDs
CREATE FOREIGN TABLE pb.dbcs_037 (id integer, price text) SERVER db2_basic
  OPTIONS (punch :'p', filename :'f', codepage 'cp037');
SELECT * FROM pb.dbcs_037 ORDER BY id;

-- 4. Inline punches, and the table option
CREATE FOREIGN TABLE pb.inline (id integer, name text) SERVER db2_basic OPTIONS (
  filename :'f', "table" 'zfdw.dbcs', punch_text $$
LOAD DATA EBCDIC CCSID(37,939,300)
 INTO TABLE ZFDW.DBCS WHEN(1:2)=X'0107'
 ("ID" POSITION(3:6) INTEGER, "NAME" POSITION(31:33) CHAR(3))
$$);
SELECT * FROM pb.inline ORDER BY id;
SELECT * FROM zt_error($$CREATE FOREIGN TABLE pb.both (a int) SERVER db2_basic
  OPTIONS (filename 'x', punch_text 'x', punch 'y')$$);
SELECT * FROM zt_error($$CREATE FOREIGN TABLE pb.both (a int) SERVER db2_basic
  OPTIONS (filename 'x', ddl_text 'x', ddl 'y')$$);
CREATE FOREIGN TABLE pb.ddl_without_punch (a text OPTIONS (position '1', length '1')) SERVER db2_basic
  OPTIONS (filename :'f', ddl_text 'CREATE TABLE T (A CHAR(1));');
SELECT * FROM zt_error('SELECT * FROM pb.ddl_without_punch');
CREATE FOREIGN TABLE pb.wrong_ddl (id integer) SERVER db2_basic
  OPTIONS (filename :'f', punch :'p', ddl_text 'CREATE TABLE A.B (X INT); CREATE TABLE A.C (Y INT);');
SELECT * FROM zt_error('SELECT * FROM pb.wrong_ddl');
CREATE FOREIGN TABLE pb.ddl_lacks_column (id integer) SERVER db2_basic
  OPTIONS (filename :'f', punch :'p', ddl_text 'CREATE TABLE ZFDW.DBCS (ID INTEGER NOT NULL);');
SELECT * FROM zt_error('SELECT * FROM pb.ddl_lacks_column');
CREATE FOREIGN TABLE pb.no_table (id integer) SERVER db2_basic
  OPTIONS (filename :'f', punch :'p', "table" 'nothing');
SELECT * FROM zt_error('SELECT * FROM pb.no_table');

-- 5. File options need pg_read_server_files; inline text does not
CREATE ROLE punch_user;
GRANT USAGE ON FOREIGN SERVER db2_basic TO punch_user;
GRANT CREATE ON SCHEMA pb TO punch_user;
SET ROLE punch_user;
SELECT * FROM zt_error($$CREATE FOREIGN TABLE pb.mine (a int) SERVER db2_basic
  OPTIONS (punch_text 'x', ddl '/etc/passwd')$$);
SELECT * FROM zt_error($$IMPORT FOREIGN SCHEMA x FROM SERVER db2_basic INTO pb
  OPTIONS (punch_text 'x', ddl '/etc/passwd')$$);
RESET ROLE;
DROP OWNED BY punch_user;
DROP ROLE punch_user;

-- 6. What is refused, and the syntax errors, with line and column
CREATE FUNCTION pb_layout_error(punch text) RETURNS SETOF text LANGUAGE plpgsql AS $$
DECLARE
    st text; msg text; det text; hnt text;
BEGIN
    PERFORM * FROM zfdw.punch_layout(punch);
    RETURN NEXT 'no error';
EXCEPTION WHEN OTHERS THEN
    GET STACKED DIAGNOSTICS st = RETURNED_SQLSTATE, msg = MESSAGE_TEXT,
        det = PG_EXCEPTION_DETAIL, hnt = PG_EXCEPTION_HINT;
    RETURN NEXT 'ERROR ' || st || ': ' || msg;
    IF det <> '' THEN RETURN NEXT 'DETAIL: ' || det; END IF;
    IF hnt <> '' THEN RETURN NEXT 'HINT: ' || hnt; END IF;
END $$;
SELECT pb_layout_error('UNLOAD TABLESPACE DB.TS PUNCHDDN SYSPUNCH');
SELECT pb_layout_error(E'LOAD DATA INDDN SYSREC\n EBCDIC FORMAT INTERNAL\n INTO TABLE A.B ("X" POSITION(1:1) CHAR(1))');
SELECT pb_layout_error(E'LOAD DATA LOG NO\n  CONTINUEIF(72:72)=''X''\n INTO TABLE A.B ("X" POSITION(1:1) CHAR(1))');
SELECT pb_layout_error(E'LOAD DATA INCURSOR(C1) INTO TABLE A.B');
SELECT pb_layout_error(E'LOAD DATA LOG NO REPLACE');
SELECT pb_layout_error(E'LOAD DATA INTO TABLE A.B');
SELECT pb_layout_error(E'LOAD DATA INTO TABLE A.B\n ("X" POSITION(1:4) BLOBBY)');
SELECT pb_layout_error(E'LOAD DATA INTO TABLE A.B\n ("X" POSITION(1:5) CHAR(10))');
SELECT pb_layout_error(E'LOAD DATA INTO TABLE A.B\n ("X" POSITION(1:3) INTEGER)');
SELECT pb_layout_error(E'LOAD DATA INTO TABLE A.B\n ("X" POSITION(4:3) CHAR(1))');
SELECT pb_layout_error(E'LOAD DATA INTO TABLE A.B\n ("X" POSITION(1:1) CHAR(1),\n  "X" POSITION(2:2) CHAR(1))');
SELECT pb_layout_error(E'LOAD DATA INTO TABLE A.B\n ("X" POSITION(2:4) CHAR(3) NULLIF(1:2)=X''FFFF'')');
SELECT pb_layout_error(E'LOAD DATA INTO TABLE A.B\n ("X" POSITION(1:1) CHAR(1), "Y" POSITION(*) VARCHAR NULLIF(2)=X''FF'')');
SELECT pb_layout_error(E'LOAD DATA INTO TABLE A.B\n ("X" POSITION(1:1) CHAR(1) DEFAULTIF(1)=X''00'')');
SELECT pb_layout_error(E'LOAD DATA INTO TABLE A.B WHEN(1:2)=X''01''\n ("X" POSITION(3:3) CHAR(1))');
SELECT pb_layout_error(E'LOAD DATA INTO TABLE A.B\n ("X" POSITION(1:1) CHAR(1) NULLIF(1)=''?\n )');
SELECT pb_layout_error(E'LOAD DATA INTO TABLE A.B\n ("X" POSITION(*) DECIMAL)');
SELECT pb_layout_error(E'LOAD DATA INTO TABLE A.B\n ("X" POSITION(1:8) TIMESTAMP EXTERNAL)');
SELECT pb_layout_error(E'LOAD DATA INTO TABLE A.B\n ("X" POSITION(1:2) VARCHAR)');
SELECT pb_layout_error(E'LOAD DATA EBCDIC CCSID(00037,00000,00000)\n INTO TABLE A.B\n ("X" POSITION(1:4) CHAR(4)\n  , "Y" POSITION(5:9) DECIMAL PACKED\n  , "Z" POSITION(10:20) CHAR(11) STRIP');
SELECT pb_layout_error(E'LOAD DATA INTO TABLE A.B\n ("X" POSITION(1:2) CHAR(2),\n  "Y" CHAR(2))');
SELECT pb_layout_error(E'LOAD DATA FORMAT DELIMITED INTO TABLE A.B\n ("X" CHAR(2) NULLIF(1)=X''FF'')');

-- 7. Card images: columns 73-80 hold sequence numbers and are ignored;
--    comments and blank lines; FORMAT DELIMITED with its delimiters
SELECT path, "offset", length, usage, pg_type FROM zfdw.punch_layout(
  rpad('LOAD DATA INDDN SYSREC -- a comment', 72) || '00000100' || E'\n' ||
  rpad(' INTO TABLE "A     "."B     " WHEN(00001:00002)=X''0001''', 72) || '00000200' || E'\n\n' ||
  rpad(' ( "C1       " POSITION(  00003:00012) CHAR(00010)', 72) || '00000300' || E'\n' ||
  rpad(' , "C2" POSITION(  00013:00016) INTEGER )', 72) || '12345678')
 WHERE level = 0;
SELECT path, "offset", length, usage, pg_type FROM zfdw.punch_layout($$
LOAD DATA INDDN SYSREC LOG NO RESUME YES
 UNICODE CCSID(00367,01208,01200)
 FORMAT DELIMITED COLDEL ';' CHARDEL '"' DECPT ','
 INTO TABLE "A"."D"
 ( "ID" POSITION(*) INTEGER EXTERNAL
 , "NAME" POSITION(*) VARCHAR MIXED
 , "AMOUNT" POSITION(*) DECIMAL EXTERNAL(11,2)
 , "DAY" POSITION(*) DATE EXTERNAL
 )
$$) WHERE level = 0;
