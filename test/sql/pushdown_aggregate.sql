-- Aggregate pushdown: which queries compute their groups inside the scan
-- (EXPLAIN's Pushed Aggregate) and which leave them to PostgreSQL; every
-- result, type and scale compared with PostgreSQL's own on a heap table
-- holding the same rows; NULLs, empty inputs, parameters, on_error.
\getenv abs_srcdir PG_ABS_SRCDIR
\i :abs_srcdir/helpers.psql
CREATE SCHEMA test_pushdown_aggregate;
SET search_path = test_pushdown_aggregate, public;
\set pd :abs_srcdir '/data/pushdown/pushdown.dat'
SET max_parallel_workers_per_gather = 0;
SET client_min_messages = warning;     -- on_error's end-of-scan notices
CREATE SERVER IF NOT EXISTS pd_server FOREIGN DATA WRAPPER zfdw;
\i :abs_srcdir/pushdown_tables.psql

SET zfdw.enable_filter_pushdown = off;
CREATE TABLE pd_heap AS SELECT * FROM pd_null;
RESET zfdw.enable_filter_pushdown;

-- whether a query is pushed, and its rows against the heap's (the query
-- with tbl replaced by heap)
CREATE FUNCTION zt_agg_check(q text, tbl text DEFAULT 'pd_null', heap text DEFAULT 'pd_heap')
RETURNS TABLE (pushed bool, same_rows bool, foreign_rows bigint)
LANGUAGE plpgsql AS $$
DECLARE line text; a text; b text;
BEGIN
    pushed := false;
    FOR line IN EXECUTE 'EXPLAIN (COSTS OFF) ' || q LOOP
        pushed := pushed OR line LIKE '%Pushed Aggregate%';
    END LOOP;
    EXECUTE 'SELECT count(*), string_agg(x::text, ''|'' ORDER BY x::text) FROM (' || q || ') x'
        INTO foreign_rows, a;
    EXECUTE 'SELECT string_agg(x::text, ''|'' ORDER BY x::text) FROM (' ||
        replace(q, tbl, heap) || ') x' INTO b;
    same_rows := a IS NOT DISTINCT FROM b;
    RETURN NEXT;
END $$;

-- 1. each aggregate over each kind of field, with and without GROUP BY
SELECT q, (zt_agg_check(q)).* FROM (VALUES
  ('SELECT count(*) FROM pd_null'),
  ('SELECT count(p_s), count(t1), count(t2), count(p_n), count(p_i) FROM pd_null'),
  ('SELECT sum(p_s), sum(p_u), sum(z_s), sum(z_u), sum(b_s2), sum(b_s4), sum(p_n), sum(p_i) FROM pd_null'),
  ('SELECT avg(p_s), avg(p_u), avg(z_s), avg(z_u), avg(b_s2), avg(b_s4), avg(p_n), avg(p_i) FROM pd_null'),
  ('SELECT min(p_s), max(p_s), min(z_s), max(z_s), min(b_s2), max(b_s4), min(p_n), max(p_i) FROM pd_null'),
  ('SELECT t2, count(*), sum(p_s), avg(p_s) FROM pd_null GROUP BY t2'),
  ('SELECT t1, p_n, count(*), min(b_s2), max(z_small) FROM pd_null GROUP BY t1, p_n'),
  ('SELECT p_u, count(*) FROM pd_null GROUP BY p_u'),
  ('SELECT p_i, sum(b_s4) FROM pd_null GROUP BY p_i'),
  ('SELECT count(*), sum(p_s) FROM pd_null WHERE t1 = ''ABC'''),
  ('SELECT t2, sum(z_s) FROM pd_null WHERE p_s BETWEEN -100 AND 100 OR p_n IS NULL GROUP BY t2'),
  ('SELECT count(*), sum(p_s), min(p_s), avg(p_s) FROM pd_null WHERE p_s > 1000000'),
  ('SELECT t2, count(*) FROM pd_null WHERE p_s > 1000000 GROUP BY t2'),
  -- fields of more than 18 digits: 128-bit integers
  ('SELECT sum(p_big), avg(p_big), min(p_big), max(p_big) FROM pd_null'),
  ('SELECT t2, sum(b_u8), avg(b_u8), min(b_u8), max(b_u8) FROM pd_null GROUP BY t2'),
  ('SELECT b_u8, count(*) FROM pd_null GROUP BY b_u8'),
  -- text, under the test database's "C" collation (see 8.)
  ('SELECT max(t1) FROM pd_null')
) v(q);

-- result types as PostgreSQL's: sum(int2/int4) bigint, sum(int8) and
-- avg numeric, numeric sums at the column's scale
SELECT pg_typeof(sum(b_s2)) AS sum_int2, pg_typeof(sum(b_s4)) AS sum_int4,
       pg_typeof(avg(b_s4)) AS avg_int4, pg_typeof(min(b_s2)) AS min_int2,
       pg_typeof(sum(p_s)) AS sum_numeric, scale(sum(p_s)) AS sum_scale,
       scale(avg(p_s)) AS avg_scale, scale(avg(z_u)) AS avg_int_scale
  FROM pd_null;
SELECT scale(sum(p_s)) AS sum_scale, scale(avg(p_s)) AS avg_scale, scale(avg(z_u)) AS avg_int_scale
  FROM pd_heap;

-- 2. what is not pushed: other aggregates, expressions, HAVING,
-- DISTINCT, FILTER, a condition or column that is not pushed
SELECT q, (zt_agg_check(q)).* FROM (VALUES
  ('SELECT sum(p_s) + 1 FROM pd_null'),
  ('SELECT t2, count(*) FROM pd_null GROUP BY t2 HAVING count(*) > 300'),
  ('SELECT count(DISTINCT p_s) FROM pd_null'),
  ('SELECT count(*) FILTER (WHERE p_s > 0) FROM pd_null'),
  ('SELECT sum(p_s) FROM pd_null WHERE t1 LIKE ''A%'''),
  ('SELECT string_agg(t1, '','') IS NOT NULL FROM pd_null'),
  ('SELECT t2 || ''x'', count(*) FROM pd_null GROUP BY t2 || ''x''')
) v(q);

-- 3. EXPLAIN, and under ANALYZE the records read and skipped and the groups
SELECT zt_explain($$(COSTS OFF) SELECT t2, count(*), sum(p_s) FROM pd_null WHERE p_s > 0 GROUP BY t2$$);
SELECT line FROM zt_explain($$(ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF)
    SELECT t2, count(*), sum(p_s) FROM pd_null WHERE p_s > 0 GROUP BY t2$$) line
  WHERE line !~ 'Foreign File';
SET zfdw.enable_aggregate_pushdown = off;
SELECT zt_explain($$(COSTS OFF) SELECT count(*) FROM pd_null$$);
RESET zfdw.enable_aggregate_pushdown;

-- 4. parameters of a generic plan
SET plan_cache_mode = force_generic_plan;
PREPARE q(numeric) AS SELECT t2, count(*), sum(p_s) FROM pd_null WHERE p_s > $1 GROUP BY t2 ORDER BY t2;
SELECT zt_explain('(COSTS OFF) EXECUTE q(0)');
EXECUTE q(0);
EXECUTE q(99999);
SELECT t2, count(*), sum(p_s) FROM pd_heap WHERE p_s > 99999 GROUP BY t2 ORDER BY t2;
RESET plan_cache_mode;

-- 5. bad bytes: on_error null counts them as NULL, skip leaves the record
-- out, stop stops, as without pushdown
SELECT count(*), count(p_s), sum(p_s) FROM pd_null;
SELECT count(*), count(p_s), sum(p_s) FROM pd_skip;
SET zfdw.enable_aggregate_pushdown = off;
SELECT count(*), count(p_s), sum(p_s) FROM pd_skip;
RESET zfdw.enable_aggregate_pushdown;
CREATE FOREIGN TABLE pd_stop (p_s numeric(9,2) OPTIONS (position '1', pic 'S9(5)V99', usage 'comp-3'))
    SERVER pd_server OPTIONS (filename :'pd', lrecl '64');
SELECT zt_error('SELECT sum(p_s) FROM pd_stop');

-- 6. a file whose key option promises an order it does not have: the
-- aggregate checks every key as the scan does
\set unsorted :abs_srcdir '/data/hand/unsorted.dat'
CREATE FOREIGN TABLE unsorted (k integer OPTIONS (position '1', pic '9(4)'),
                               v text OPTIONS (position '5', length '4'))
    SERVER pd_server OPTIONS (filename :'unsorted', lrecl '8', key 'k');
SELECT zt_explain('(COSTS OFF) SELECT count(*), sum(k) FROM unsorted');
SELECT zt_error('SELECT count(*), sum(k) FROM unsorted');
SET zfdw.enable_aggregate_pushdown = off;
SELECT zt_error('SELECT count(*), sum(k) FROM unsorted');
RESET zfdw.enable_aggregate_pushdown;

-- 7. sums of 36-digit fields: exact beyond 128 bits (a sum of 600 values
-- near 10^36 is above 2^127), serial and parallel, as PostgreSQL's
\getenv abs_builddir PG_ABS_BUILDDIR
\set wide :abs_builddir '/pushdown_wide.dat'
CREATE FOREIGN TABLE pd_null_wide (g int2, v numeric(36,2))
    SERVER pd_server OPTIONS (filename :'wide', writable 'true', copybook_text '
       01  WIDE-REC.
           05  G   PIC 9.
           05  V   PIC S9(34)V99 COMP-3.');
INSERT INTO pd_null_wide
  SELECT i % 3, CASE WHEN i <= 600 THEN 9999999999999999999999999999999999.99 - i
                     WHEN i <= 900 THEN -9999999999999999999999999999999999.99 + i
                     ELSE i * 1000000000000000000000.01 END
    FROM generate_series(1, 1000) i;
CREATE TABLE pd_heap_wide AS SELECT * FROM pd_null_wide;
SELECT q, (zt_agg_check(q)).* FROM (VALUES  -- against pd_heap_wide
  ('SELECT count(*), sum(v), avg(v), min(v), max(v) FROM pd_null_wide'),
  ('SELECT g, count(*), sum(v), avg(v), min(v), max(v) FROM pd_null_wide GROUP BY g'),
  ('SELECT sum(v) FROM pd_null_wide WHERE v > 0'),
  ('SELECT sum(v) FROM pd_null_wide WHERE v < 0')
) v(q);
SELECT sum(v), avg(v) FROM pd_null_wide WHERE v > 0;
SELECT sum(v), avg(v) FROM pd_heap_wide WHERE v > 0;
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2;
SET parallel_leader_participation = off;
SET zfdw.parallel_chunk_size = 200;
SELECT line FROM zt_explain('(COSTS OFF) SELECT g, sum(v) FROM pd_null_wide GROUP BY g') line
 WHERE line ~ 'Pushed|Gather';
SELECT g, count(*), sum(v), avg(v), min(v), max(v) FROM pd_null_wide GROUP BY g ORDER BY g;
SELECT g, count(*), sum(v), avg(v), min(v), max(v) FROM pd_heap_wide GROUP BY g ORDER BY g;

-- 8. min and max of text under the "C" collation (code point order, not
-- EBCDIC's, where 'a' sorts before 'A'), NULLs and empty inputs, serial
-- and parallel; under another collation (here glibc's C.UTF-8) they
-- stay PostgreSQL's, and so does min of a varchar (min(text) of a cast)
CREATE COLLATION pd_agg_cutf8 (provider = libc, locale = 'C.UTF-8');
RESET parallel_leader_participation;
RESET zfdw.parallel_chunk_size;
SET max_parallel_workers_per_gather = 0;
CREATE FOREIGN TABLE pd_null_c (
    p_s numeric(9,2) OPTIONS (position '1', pic 'S9(5)V99', usage 'comp-3'),
    t1  text OPTIONS (position '33', length '8') COLLATE "C",
    t2  varchar OPTIONS (position '41', length '3', null_if 'spaces') COLLATE "C",
    t2t text OPTIONS (position '41', length '3', null_if 'spaces') COLLATE "C",
    t2d text OPTIONS (position '41', length '3', null_if 'spaces') COLLATE pd_agg_cutf8
) SERVER pd_server OPTIONS (filename :'pd', lrecl '64', on_error 'null', log_verbosity 'silent');
SET zfdw.enable_filter_pushdown = off;
CREATE TABLE pd_heap_c AS SELECT * FROM pd_null_c;
RESET zfdw.enable_filter_pushdown;
SELECT q, (zt_agg_check(q)).* FROM (VALUES
  ('SELECT min(t1), max(t1), min(t2t), max(t2t), count(t2t) FROM pd_null_c'),
  ('SELECT t2, min(t1), max(t1), count(*) FROM pd_null_c GROUP BY t2'),
  ('SELECT min(t1), max(t2t) FROM pd_null_c WHERE p_s > 1000000'),
  ('SELECT min(t2t), max(t2t), count(t2t) FROM pd_null_c WHERE t2t IS NULL'),
  ('SELECT min(t2) FROM pd_null_c'),
  ('SELECT min(t2d), max(t2d) FROM pd_null_c')
) v(q);
SELECT t2, min(t1), max(t1) FROM pd_null_c GROUP BY t2 ORDER BY t2;
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2;
SET parallel_leader_participation = off;
SET zfdw.parallel_chunk_size = '1kB';
SELECT line FROM zt_explain('(COSTS OFF) SELECT t2, min(t1), max(t1) FROM pd_null_c GROUP BY t2') line
 WHERE line ~ 'Pushed|Gather';
SELECT t2, min(t1), max(t1) FROM pd_null_c GROUP BY t2 ORDER BY t2;

-- 9. dates, times and timestamps: group columns and count, min and max,
-- each value read through the column's own conversion (a date picture
-- over a zoned or packed number, DB2's text dates, times and timestamps,
-- timestamptz in the session's time zone); bad values under on_error
-- 'null' and 'stop' as without pushdown; serial and parallel
RESET parallel_leader_participation;
RESET zfdw.parallel_chunk_size;
SET max_parallel_workers_per_gather = 0;
\set dates :abs_builddir '/pushdown_dates.dat'
CREATE FOREIGN TABLE pd_dates_raw (g int2, d1 numeric(8), d2 text, ts text, tm text, d3 numeric(7))
    SERVER pd_server OPTIONS (filename :'dates', writable 'true', copybook_text '
       01  DATE-REC.
           05  G   PIC 9.
           05  D1  PIC 9(8).
           05  D2  PIC X(10).
           05  TS  PIC X(26).
           05  TM  PIC X(8).
           05  D3  PIC S9(7) COMP-3.');
INSERT INTO pd_dates_raw
  SELECT i % 4,
         CASE WHEN i % 97 = 0 THEN 20230230 ELSE to_char(d, 'YYYYMMDD')::numeric END,
         CASE WHEN i % 89 = 0 THEN '2023-13-01' WHEN i % 83 = 0 THEN '' ELSE to_char(d, 'YYYY-MM-DD') END,
         to_char(d + make_interval(secs => i * 3601.000007), 'YYYY-MM-DD-HH24.MI.SS.US'),
         to_char(make_interval(secs => (i * 7919) % 86400), 'HH24.MI.SS'),
         CASE WHEN i % 101 = 0 THEN 0
              ELSE (extract(year FROM d)::int - 1900) * 10000 + extract(month FROM d)::int * 100 + extract(day FROM d)::int END
    FROM generate_series(1, 3000) i, LATERAL (SELECT date '1960-01-01' + (i * 7919) % 40000 AS d) x;
CREATE FOREIGN TABLE pd_dates (g int2, d1 date, d2 date, ts timestamp, tz timestamptz, tm time, d3 date)
    SERVER pd_server OPTIONS (filename :'dates', on_error 'null', log_verbosity 'silent', copybook_text '
       01  DATE-REC.
           05  G   PIC 9.
           05  D1  PIC 9(8).
           05  D2  PIC X(10).
           05  TS  PIC X(26).
           05  TM  PIC X(8).
           05  D3  PIC S9(7) COMP-3.');
ALTER FOREIGN TABLE pd_dates ALTER d1 OPTIONS (ADD format 'YYYYMMDD'),
    ALTER d2 OPTIONS (ADD null_if 'spaces'), ALTER d3 OPTIONS (ADD format 'CYYMMDD', null_if 'zeros');
ALTER FOREIGN TABLE pd_dates ALTER tz OPTIONS (ADD field 'TS');
SET zfdw.enable_aggregate_pushdown = off;
CREATE TABLE pd_heap_dates AS SELECT * FROM pd_dates;
RESET zfdw.enable_aggregate_pushdown;
SELECT count(*), count(d1), count(d2), count(d3) FROM pd_heap_dates;
SELECT q, (zt_agg_check(q, 'pd_dates', 'pd_heap_dates')).* FROM (VALUES
  ('SELECT min(d1), max(d1), min(d2), max(d2), min(d3), max(d3) FROM pd_dates'),
  ('SELECT min(ts), max(ts), min(tz), max(tz), min(tm), max(tm), count(tm) FROM pd_dates'),
  ('SELECT g, count(d1), min(d1), max(d2), min(ts), max(tz), max(tm) FROM pd_dates GROUP BY g'),
  ('SELECT d3, count(*) FROM pd_dates GROUP BY d3'),
  ('SELECT d2, g, min(tm), max(ts) FROM pd_dates GROUP BY d2, g'),
  ('SELECT tm, count(*) FROM pd_dates GROUP BY tm'),
  ('SELECT min(d1), max(d1), count(d1) FROM pd_dates WHERE g = 2'),
  ('SELECT min(d1), max(d2) FROM pd_dates WHERE g = 9')
) v(q);
SELECT g, count(d1), min(d1), max(d1), min(d2), max(d3), min(ts), max(tz), min(tm)
  FROM pd_dates GROUP BY g ORDER BY g;
SELECT line FROM zt_explain('(COSTS OFF) SELECT g, min(d1), max(ts) FROM pd_dates GROUP BY g') line
 WHERE line ~ 'Pushed';
-- on_error 'stop': the first bad date stops the query, as without pushdown
ALTER FOREIGN TABLE pd_dates OPTIONS (SET on_error 'stop');
SELECT replace(e, :'abs_builddir', '<builddir>') AS zt_error FROM zt_error('SELECT max(d1) FROM pd_dates') e;
SET zfdw.enable_aggregate_pushdown = off;
SELECT replace(e, :'abs_builddir', '<builddir>') AS zt_error FROM zt_error('SELECT max(d1) FROM pd_dates') e;
RESET zfdw.enable_aggregate_pushdown;
ALTER FOREIGN TABLE pd_dates OPTIONS (SET on_error 'null');
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2;
SET parallel_leader_participation = off;
SET zfdw.parallel_chunk_size = '4kB';
SELECT line FROM zt_explain('(COSTS OFF) SELECT g, min(d1), max(tz) FROM pd_dates GROUP BY g') line
 WHERE line ~ 'Pushed|Gather';
SELECT q, (zt_agg_check(q, 'pd_dates', 'pd_heap_dates')).* FROM (VALUES
  ('SELECT g, count(d1), min(d1), max(d2), min(ts), max(tz), max(tm), min(d3) FROM pd_dates GROUP BY g'),
  ('SELECT d3, count(*) FROM pd_dates GROUP BY d3')
) v(q);
-- EXPLAIN ANALYZE counts the records of every process: the workers add
-- theirs to the leader's (here the leader reads none), for a pushed
-- aggregate and for a plain parallel scan
SELECT line FROM zt_explain('(ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF) SELECT g, min(d1) FROM pd_dates WHERE g < 3 GROUP BY g') line
 WHERE line ~ 'Records|Pushed Aggregate';
SELECT line FROM zt_explain('(ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF) SELECT * FROM pd_dates WHERE g < 3') line
 WHERE line ~ 'Records|Gather';
