-- INSERT into variable-length records (vb, vb_bdw) with OCCURS DEPENDING
-- ON, in single-byte and mixed DBCS code pages, and round trips of values
-- at the boundaries of every picture: what is written reads back equal.
\getenv abs_srcdir PG_ABS_SRCDIR
\getenv abs_builddir PG_ABS_BUILDDIR
\i :abs_srcdir/helpers.psql
CREATE SCHEMA test_write_variable;
SET search_path = test_write_variable, public;
SELECT set_config('zfdw_test.builddir', :'abs_builddir', false) IS NOT NULL AS builddir_set \gset
CREATE FUNCTION wt_error(stmt text) RETURNS SETOF text LANGUAGE sql AS $$
    SELECT replace(e, current_setting('zfdw_test.builddir'), '<dir>') FROM zt_error(stmt) e $$;
CREATE FUNCTION file_hex(path text) RETURNS text LANGUAGE sql AS $$
    SELECT upper(encode(pg_read_binary_file(path), 'hex')) $$;
CREATE SERVER wsrv_var FOREIGN DATA WRAPPER zfdw;

-- 1. OCCURS DEPENDING ON: the counter is set from the arrays, the items
--    after the table follow the actual occurrences (z/OS placement)
\set f :abs_builddir '/write_variable_odo.dat'
\set odo '       01  ORD.\n           05  ORD-ID      PIC 9(3).\n           05  N-ITEMS     PIC S9(4) COMP.\n           05  ITEMS OCCURS 0 TO 5 DEPENDING ON N-ITEMS.\n               10  SKU     PIC X(2).\n               10  QTY     PIC S9(3) COMP-3.\n           05  TRAILER     PIC X(2).'
CREATE FOREIGN TABLE orders (ord_id int, sku text[], qty int[], trailer text)
SERVER wsrv_var OPTIONS (filename :'f', writable 'true', recfm 'vb', copybook_text :'odo');
INSERT INTO orders VALUES (1, '{}', '{}', 'E0'), (2, '{AB,CD}', '{1,-2}', 'E2');
-- hand-worked: RDW 00 0B 00 00 (7 bytes + 4): F0 F0 F1, counter 00 00,
-- trailer C5 F0; then RDW 00 13 00 00 (15 + 4): F0 F0 F2, 00 02,
-- C1 C2 00 1C, C3 C4 00 2D, C5 F2
SELECT file_hex(:'f');
INSERT INTO orders VALUES (3, '{a,b,c,d,e}', '{999,-999,0,1,2}', 'E5');
CREATE FOREIGN TABLE orders_read (ord_id int, n_items int, sku text[], qty int[], trailer text)
SERVER wsrv_var OPTIONS (filename :'f', recfm 'vb', copybook_text :'odo');
SELECT * FROM orders_read;
-- a counter column must agree with the arrays; the table's bounds hold
CREATE FOREIGN TABLE orders_n (ord_id int, n_items int, sku text[], qty int[])
SERVER wsrv_var OPTIONS (filename :'f', writable 'true', recfm 'vb', copybook_text :'odo');
INSERT INTO orders_n VALUES (4, 1, '{zz}', '{4}');
SELECT * FROM wt_error($$INSERT INTO orders_n VALUES (5, 2, '{zz}', '{4}')$$);
SELECT * FROM wt_error($$INSERT INTO orders VALUES (6, '{a,b}', '{1}', 'E')$$);
SELECT * FROM wt_error($$INSERT INTO orders VALUES (7, '{a,b,c,d,e,f}', '{1,2,3,4,5,6}', 'E')$$);
SELECT * FROM wt_error($$INSERT INTO orders VALUES (8, NULL, '{}', 'E')$$);
SELECT ord_id, n_items, sku, qty, trailer FROM orders_read;

-- 2. vb_bdw: records gathered into blocks of blksize bytes
\set f :abs_builddir '/write_variable_bdw.dat'
CREATE FOREIGN TABLE blocked (ord_id int, sku text[], qty int[], trailer text)
SERVER wsrv_var OPTIONS (filename :'f', writable 'true', recfm 'vb_bdw', blksize '40', copybook_text :'odo');
INSERT INTO blocked SELECT ord_id, sku, qty, trailer FROM orders_read ORDER BY ord_id;
-- first block: BDW 00 22 00 00 (34 = 4 + 11 + 19), records 1 and 2
SELECT substr(file_hex(:'f'), 1, 64);
SELECT * FROM blocked EXCEPT SELECT ord_id, sku, qty, trailer FROM orders_read;
SELECT count(*) FROM blocked;

-- 3. Code pages: the characters that move between pages, and a mixed
--    DBCS page with SO/SI text and a PIC G field
CREATE TABLE words (w text);
INSERT INTO words VALUES ('[]{}\|!^~'), ('äöüßÄÖÜ'), ('çéèêñ¢¬'), ('€ @#$');
\set f :abs_builddir '/write_variable_cp.dat'
CREATE FOREIGN TABLE cp_037 (w text) SERVER wsrv_var OPTIONS (filename :'f', writable 'true', codepage 'cp037', copybook_text '
       01  W-REC.
           05  W           PIC X(12).
');
CREATE FOREIGN TABLE cp_1047 (w text) SERVER wsrv_var OPTIONS (filename :'f', writable 'true', codepage 'cp1047', copybook_text '
       01  W-REC.
           05  W           PIC X(12).
');
CREATE FOREIGN TABLE cp_273 (w text) SERVER wsrv_var OPTIONS (filename :'f', writable 'true', codepage 'cp273', copybook_text '
       01  W-REC.
           05  W           PIC X(12).
');
CREATE FOREIGN TABLE cp_1140 (w text) SERVER wsrv_var OPTIONS (filename :'f', writable 'true', codepage 'cp1140', copybook_text '
       01  W-REC.
           05  W           PIC X(12).
');
SELECT * FROM wt_error($$INSERT INTO cp_037 SELECT * FROM words$$);
INSERT INTO cp_037 SELECT * FROM words WHERE w NOT LIKE '%€%';
SELECT w, (SELECT count(*) FROM cp_037 c WHERE c.w = words.w) AS back FROM words;
INSERT INTO cp_1140 SELECT * FROM words;
SELECT * FROM cp_1140;
-- the same text gives other bytes in another page: '[' is BA in cp037, AD in cp1047
SELECT substr(file_hex(:'f'), 1, 4) AS cp037_bracket;
INSERT INTO cp_1047 VALUES ('[]');
SELECT substr(file_hex(:'f'), length(file_hex(:'f')) - 23, 4) AS cp1047_bracket;
INSERT INTO cp_273 VALUES ('äöü{}');
SELECT w FROM cp_273 OFFSET 8;

\set f :abs_builddir '/write_variable_dbcs.dat'
CREATE FOREIGN TABLE kanji (mixed text, pure text) SERVER wsrv_var OPTIONS (filename :'f', writable 'true', codepage 'cp930', copybook_text '
       01  K-REC.
           05  MIXED       PIC X(10).
           05  PURE        PIC G(3).
');
INSERT INTO kanji VALUES ('A漢字B', '漢字'), ('ABC', '');
-- 'A' C1, SO 0E, two DBCS characters, SI 0F, 'B' C2, blanks; PIC G: no SO/SI, X'4040' pads
SELECT file_hex(:'f');
SELECT * FROM kanji;
SELECT * FROM wt_error($$INSERT INTO kanji VALUES ('A', 'x')$$);
SELECT * FROM wt_error($$INSERT INTO kanji VALUES ('漢字漢字漢', '')$$);

-- 4. Round trips at the boundaries of pictures: largest, smallest, zero,
--    one unit, in zoned (every sign convention), packed and binary
\set f :abs_builddir '/write_variable_bounds.dat'
CREATE FOREIGN TABLE bounds (
    z1 numeric, z18 numeric, zl numeric, zts numeric, zls numeric, zu numeric,
    p1 numeric, p2 numeric, p18 numeric, p31 numeric, pu numeric,
    b4 numeric, b9 numeric, b18 numeric, bu4 numeric, c5 numeric
) SERVER wsrv_var OPTIONS (filename :'f', writable 'true', codepage 'cp500', copybook_text '
       01  B-REC.
           05  Z1     PIC S9.
           05  Z18    PIC S9(16)V99.
           05  ZL     PIC S9(5) SIGN LEADING.
           05  ZTS    PIC S9(3)V9 SIGN TRAILING SEPARATE.
           05  ZLS    PIC S9(4) SIGN LEADING SEPARATE.
           05  ZU     PIC 9(7).
           05  P1     PIC S9 COMP-3.
           05  P2     PIC S9(2) COMP-3.
           05  P18    PIC S9(15)V9(3) COMP-3.
           05  P31    PIC S9(31) COMP-3.
           05  PU     PIC 9(4)V9 COMP-3.
           05  B4     PIC S9(2)V99 COMP.
           05  B9     PIC S9(9) COMP.
           05  B18    PIC S9(18) COMP.
           05  BU4    PIC 9(4) COMP.
           05  C5     PIC S9(4) COMP-5.
');
CREATE TABLE bounds_heap AS
SELECT s * 9 AS z1, s * 9999999999999999.99 AS z18, s * 99999 AS zl, s * 999.9 AS zts,
       s * 9999 AS zls, abs(s) * 9999999 AS zu, s * 9 AS p1, s * 99 AS p2,
       s * 999999999999999.999 AS p18, s * 9999999999999999999999999999999 AS p31,
       abs(s) * 9999.9 AS pu, s * 99.99 AS b4, s * 999999999 AS b9,
       s * 999999999999999999 AS b18, abs(s) * 9999 AS bu4,
       CASE WHEN s > 0 THEN 32767 WHEN s < 0 THEN -32768 ELSE 0 END AS c5
FROM (VALUES (1::numeric), (-1), (0), (0.0001), (-0.0001)) v(s);
-- a unit of the last place in every field
INSERT INTO bounds_heap VALUES (1, 0.01, 1, 0.1, 1, 1, 1, 1, 0.001, 1, 0.1, 0.01, 1, 1, 1, 1),
                               (-1, -0.01, -1, -0.1, -1, 0, -1, -1, -0.001, -1, 0, -0.01, -1, -1, 0, -1);
DELETE FROM bounds_heap WHERE z1 <> trunc(z1);
INSERT INTO bounds SELECT * FROM bounds_heap;
SELECT count(*) AS rows_written FROM bounds;
(SELECT * FROM bounds EXCEPT ALL SELECT * FROM bounds_heap)
UNION ALL
(SELECT * FROM bounds_heap EXCEPT ALL SELECT * FROM bounds);
-- one more than the largest is refused in each kind
SELECT * FROM wt_error($$INSERT INTO bounds SELECT 0,0,0,0,0,0,0,0,0,0,0,0,0, 1000000000000000000,0,0$$);
SELECT * FROM wt_error($$INSERT INTO bounds SELECT 0,0,0,0,0,0,0,0,0,0,0,0,0,0,0, 32768$$);
SELECT * FROM wt_error($$INSERT INTO bounds SELECT 0,0,0,0,0,0,0,0,0, 10000000000000000000000000000000,0,0,0,0,0,0$$);
