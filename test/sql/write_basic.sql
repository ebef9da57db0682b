-- INSERT into a copybook-described foreign table: every field kind
-- written as IBM Enterprise COBOL lays it out, checked byte by byte
-- against hand-worked hex, read back by zfdw, and refused where a value
-- does not fit.  Files are written in the test's output directory.
\getenv abs_srcdir PG_ABS_SRCDIR
\getenv abs_builddir PG_ABS_BUILDDIR
\i :abs_srcdir/helpers.psql
CREATE SCHEMA test_write_basic;
SET search_path = test_write_basic, public;
SELECT set_config('zfdw_test.builddir', :'abs_builddir', false) IS NOT NULL AS builddir_set \gset

-- zt_error and zt_explain with the output directory written as <dir>
CREATE FUNCTION wt_error(stmt text) RETURNS SETOF text LANGUAGE sql AS $$
    SELECT replace(e, current_setting('zfdw_test.builddir'), '<dir>') FROM zt_error(stmt) e $$;
CREATE FUNCTION wt_explain(stmt text) RETURNS SETOF text LANGUAGE sql AS $$
    SELECT replace(e, current_setting('zfdw_test.builddir'), '<dir>') FROM zt_explain(stmt) e $$;
-- the bytes of a file, as hex, one record of n bytes per row
CREATE FUNCTION file_hex(path text, n int) RETURNS SETOF text LANGUAGE sql AS $$
    SELECT upper(encode(substr(b, i, n), 'hex'))
    FROM pg_read_binary_file(path) b, generate_series(1, length(b), n) i ORDER BY i $$;

CREATE SERVER wsrv_basic FOREIGN DATA WRAPPER zfdw;

-- 1. One record of every kind.  The layout (offsets 1-based):
--    NAME      PIC X(6)                    1-6
--    AMOUNT    PIC S9(5)V99 COMP-3         7-10
--    COUNT-B   PIC S9(4) COMP              11-12
--    QTY       PIC 9(3)                    13-15
--    DELTA     PIC S9(3) SIGN LEADING SEPARATE   16-19
--    RATE      COMP-2                      20-27
--    FILLER    PIC X(2)                    28-29
--    LEVELS    PIC S9(3) COMP-3 OCCURS 3   30-35
--    FLAGS     PIC S9(2) OCCURS 2          36-39 (trailing overpunch)
\set f :abs_builddir '/write_basic_kinds.dat'
CREATE FOREIGN TABLE kinds (
    name text, amount numeric, count_b int2, qty int4, delta int4,
    rate float8, levels int4[], flags int4[]
) SERVER wsrv_basic OPTIONS (filename :'f', writable 'true', copybook_text '
       01  KINDS-REC.
           05  NAME        PIC X(6).
           05  AMOUNT      PIC S9(5)V99 COMP-3.
           05  COUNT-B     PIC S9(4) COMP.
           05  QTY         PIC 9(3).
           05  DELTA       PIC S9(3) SIGN LEADING SEPARATE.
           05  RATE        COMP-2.
           05  FILLER      PIC X(2).
           05  LEVELS      PIC S9(3) COMP-3 OCCURS 3.
           05  FLAGS       PIC S9(2) OCCURS 2.
');
INSERT INTO kinds VALUES
    ('AB', -12345.67, -2, 7, -123, 1.0, '{1,-2,999}', '{12,-3}'),
    ('Zürich', 99999.99, 9999, 999, 999, -118.625, '{0,0,-999}', '{99,-99}');
-- hand-worked: 'AB' C1 C2 then four blanks; -12345.67 packed 12 34 56 7D;
-- -2 halfword FF FE; 7 zoned unsigned F0 F0 F7; -123 leading separate
-- 60 F1 F2 F3; 1.0 in long HFP 41 10 00 00 00 00 00 00; FILLER blanks;
-- 1, -2, 999 packed 00 1C, 00 2D, 99 9C; 12 and -3 zoned F1 C2, F0 D3.
-- 'ü' is X'DC' in cp037; -118.625 is C2 76 A0 00 ... in HFP.
SELECT * FROM file_hex(:'f', 39);
SELECT * FROM kinds;

-- INSERT ... SELECT appends; COPY FROM appends too
CREATE TABLE kinds_heap AS SELECT * FROM kinds;
INSERT INTO kinds SELECT * FROM kinds_heap;
COPY kinds FROM stdin;
COPY	0.01	0	0	0	0	{1,2,3}	{0,0}
\.
SELECT count(*), sum(amount), sum(count_b) FROM kinds;

-- 2. Values that do not fit are errors naming row, column and field;
--    nothing of the statement reaches the file.
SELECT md5(pg_read_binary_file(:'f')) AS before \gset
SELECT * FROM wt_error($$INSERT INTO kinds VALUES ('A', 100000.00, 0, 0, 0, 0, '{0,0,0}', '{0,0}')$$);
SELECT * FROM wt_error($$INSERT INTO kinds VALUES ('A', 1.005, 0, 0, 0, 0, '{0,0,0}', '{0,0}')$$);
SELECT * FROM wt_error($$INSERT INTO kinds VALUES ('A', 1, 10000, 0, 0, 0, '{0,0,0}', '{0,0}')$$);
SELECT * FROM wt_error($$INSERT INTO kinds VALUES ('A', 1, 0, -1, 0, 0, '{0,0,0}', '{0,0}')$$);
SELECT * FROM wt_error($$INSERT INTO kinds VALUES ('ABCDEFG', 1, 0, 1, 0, 0, '{0,0,0}', '{0,0}')$$);
SELECT * FROM wt_error($$INSERT INTO kinds VALUES ('漢字', 1, 0, 1, 0, 0, '{0,0,0}', '{0,0}')$$);
SELECT * FROM wt_error($$INSERT INTO kinds VALUES ('A', 1, 0, 1, 0, 1e300, '{0,0,0}', '{0,0}')$$);
SELECT * FROM wt_error($$INSERT INTO kinds VALUES ('A', NULL, 0, 1, 0, 0, '{0,0,0}', '{0,0}')$$);
SELECT * FROM wt_error($$INSERT INTO kinds VALUES ('A', 1, 0, 1, 0, 0, '{0,0}', '{0,0}')$$);
SELECT * FROM wt_error($$INSERT INTO kinds VALUES ('A', 1, 0, 1, 0, 0, '{0,0,0}', '{0,100}')$$);
-- the second row is the bad one
SELECT * FROM wt_error($$INSERT INTO kinds VALUES ('A', 1, 0, 1, 0, 0, '{0,0,0}', '{0,0}'), ('B', 1, 0, 1, 1000, 0, '{0,0,0}', '{0,0}')$$);
SELECT md5(pg_read_binary_file(:'f')) = :'before' AS file_unchanged;

-- 3. Truncation only when asked for
ALTER FOREIGN TABLE kinds OPTIONS (ADD truncate_text 'true');
INSERT INTO kinds VALUES ('ABCDEFGHI', 1, 0, 1, 0, 0, '{0,0,0}', '{0,0}');
SELECT name FROM kinds WHERE name LIKE 'ABC%';
ALTER FOREIGN TABLE kinds OPTIONS (DROP truncate_text);

-- 4. A rolled-back INSERT leaves the file as it was
SELECT md5(pg_read_binary_file(:'f')) AS before \gset
BEGIN;
INSERT INTO kinds SELECT * FROM kinds_heap;
ROLLBACK;
SELECT md5(pg_read_binary_file(:'f')) = :'before' AS file_unchanged;
-- ... a savepoint rolled back forgets its rows only
BEGIN;
INSERT INTO kinds VALUES ('KEEP1', 1, 0, 1, 0, 0, '{0,0,0}', '{0,0}');
SAVEPOINT s;
INSERT INTO kinds VALUES ('DROP', 1, 0, 1, 0, 0, '{0,0,0}', '{0,0}');
ROLLBACK TO SAVEPOINT s;
INSERT INTO kinds VALUES ('KEEP2', 1, 0, 1, 0, 0, '{0,0,0}', '{0,0}');
-- the file does not change before commit
SELECT md5(pg_read_binary_file(:'f')) = :'before' AS file_unchanged;
COMMIT;
SELECT name FROM kinds WHERE name LIKE 'KEEP%' OR name = 'DROP';
-- no temporary file is left behind
SELECT count(*) FROM pg_ls_dir(:'abs_builddir') d WHERE d LIKE '%zfdw-tmp%';

-- 5. UPDATE and DELETE are refused; a table without writable too
SELECT * FROM wt_error($$UPDATE kinds SET qty = 1$$);
SELECT * FROM wt_error($$DELETE FROM kinds$$);
CREATE FOREIGN TABLE kinds_ro (name text) SERVER wsrv_basic OPTIONS (filename :'f', copybook_text '
       01  R.
           05  NAME        PIC X(6).
           05  FILLER      PIC X(33).
');
SELECT * FROM wt_error($$INSERT INTO kinds_ro VALUES ('X')$$);

-- 6. EXPLAIN names the file, its format and code page; ANALYZE counts
SELECT * FROM wt_explain($$(COSTS OFF) INSERT INTO kinds SELECT * FROM kinds_heap$$);
BEGIN;
SELECT * FROM wt_explain($$(ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF) INSERT INTO kinds SELECT * FROM kinds_heap$$);
ROLLBACK;

-- 7. Unmapped fields get COBOL's initial values; fill changes that
\set g :abs_builddir '/write_basic_fill.dat'
CREATE FOREIGN TABLE partial (name text) SERVER wsrv_basic OPTIONS (filename :'g', writable 'true', copybook_text '
       01  P-REC.
           05  NAME        PIC X(3).
           05  N-ZONED     PIC S9(3).
           05  N-PACKED    PIC 9(3) COMP-3.
           05  N-BIN       PIC S9(4) COMP.
           05  TXT         PIC X(2).
');
INSERT INTO partial VALUES ('A');
ALTER FOREIGN TABLE partial OPTIONS (ADD fill 'low_values');
INSERT INTO partial VALUES ('B');
ALTER FOREIGN TABLE partial OPTIONS (SET fill 'X''5C''');
INSERT INTO partial VALUES ('C');
SELECT * FROM file_hex(:'g', 12);

-- 8. NULL where the field has a representation of it
\set g :abs_builddir '/write_basic_null.dat'
CREATE FOREIGN TABLE nullable (name text OPTIONS (null_if 'spaces'), n numeric(3) OPTIONS (null_if 'zeros'))
SERVER wsrv_basic OPTIONS (filename :'g', writable 'true', copybook_text '
       01  P-REC.
           05  NAME        PIC X(3).
           05  N           PIC S9(3).
           05  FILLER      PIC X(6).
');
INSERT INTO nullable VALUES (NULL, NULL), ('x', 5);
SELECT * FROM file_hex(:'g', 12);
SELECT * FROM nullable;

-- 9. A short HFP (COMP-1) holds 0.5 exactly, not 0.1; a long one holds
--    every double in HFP's range; IEEE when float_format says so
\set g :abs_builddir '/write_basic_float.dat'
CREATE FOREIGN TABLE floats (s float8, l float8) SERVER wsrv_basic OPTIONS (filename :'g', writable 'true', copybook_text '
       01  F-REC.
           05  S           COMP-1.
           05  L           COMP-2.
');
INSERT INTO floats VALUES (0.5, 0.1), (-118.625, 1e-70);
SELECT * FROM wt_error($$INSERT INTO floats VALUES (0.1, 0)$$);
SELECT * FROM wt_error($$INSERT INTO floats VALUES (0, 'NaN')$$);
SELECT * FROM file_hex(:'g', 12);
SELECT * FROM floats;
\set g :abs_builddir '/write_basic_ieee.dat'
CREATE FOREIGN TABLE floats_ieee (s float4, l float8) SERVER wsrv_basic OPTIONS (filename :'g', writable 'true', float_format 'ieee', copybook_text '
       01  F-REC.
           05  S           COMP-1.
           05  L           COMP-2.
');
INSERT INTO floats_ieee VALUES (1.5, -2.5);
SELECT * FROM file_hex(:'g', 12);
SELECT * FROM floats_ieee;

-- 10. Dates in numeric fields, through the column's date picture
\set g :abs_builddir '/write_basic_dates.dat'
CREATE FOREIGN TABLE dates (d1 date OPTIONS (format 'YYYYMMDD'), d2 date OPTIONS (format 'CYYMMDD'))
SERVER wsrv_basic OPTIONS (filename :'g', writable 'true', copybook_text '
       01  D-REC.
           05  D1          PIC 9(8).
           05  D2          PIC S9(7) COMP-3.
');
INSERT INTO dates VALUES ('2024-03-31', '2024-03-31'), ('1999-12-31', '1900-01-01');
SELECT * FROM file_hex(:'g', 12);
SELECT * FROM dates;
SELECT * FROM wt_error($$INSERT INTO dates VALUES ('2024-01-01', '1899-12-31')$$);
SELECT * FROM wt_error($$INSERT INTO dates VALUES ('infinity', '2000-01-01')$$);
