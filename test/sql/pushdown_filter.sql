-- Filter pushdown, clause by clause: which clauses are evaluated on the
-- record bytes (EXPLAIN's Pushed Filter) and which stay in PostgreSQL's
-- Filter, for each operator and field kind; every result compared with
-- PostgreSQL's own answer on a heap table holding the same rows; the
-- counts of EXPLAIN ANALYZE; parameters; key seeks, segment filters,
-- on_error and parallel scans with a pushed filter.
\getenv abs_srcdir PG_ABS_SRCDIR
\i :abs_srcdir/helpers.psql
CREATE SCHEMA test_pushdown_filter;
SET search_path = test_pushdown_filter, public;
\set pd :abs_srcdir '/data/pushdown/pushdown.dat'
SET max_parallel_workers_per_gather = 0;
SET client_min_messages = warning;     -- on_error's end-of-scan notices
SET zfdw.enable_aggregate_pushdown = off;  -- counted by PostgreSQL here
CREATE SERVER IF NOT EXISTS pd_server FOREIGN DATA WRAPPER zfdw;
\i :abs_srcdir/pushdown_tables.psql

-- the oracle: the same rows in a heap table, read without pushdown
SET zfdw.enable_filter_pushdown = off;
CREATE TABLE pd_heap AS SELECT * FROM pd_null;
RESET zfdw.enable_filter_pushdown;

-- the plan of a condition, and its count against the heap's
CREATE FUNCTION zt_pd_check(cond text) RETURNS TABLE (plan text, foreign_count bigint, heap_count bigint)
LANGUAGE plpgsql AS $$
DECLARE line text;
BEGIN
    plan := '';
    FOR line IN EXECUTE 'EXPLAIN (COSTS OFF) SELECT * FROM pd_null WHERE ' || cond LOOP
        IF line ~ '^\s+(Pushed Filter|Filter):' THEN
            plan := plan || trim(line) || ' ';
        END IF;
    END LOOP;
    EXECUTE 'SELECT count(*) FROM pd_null WHERE ' || cond INTO foreign_count;
    EXECUTE 'SELECT count(*) FROM pd_heap WHERE ' || cond INTO heap_count;
    RETURN NEXT;
END $$;

-- 1. each operator on each kind of field
SELECT c AS condition, (zt_pd_check(c)).* FROM (VALUES
  ('p_s = 123.45'), ('p_s <> 0'), ('p_s < -0.01'), ('p_s <= 0'), ('p_s > 99999.98'), ('p_s >= 99999.99'),
  ('p_u = 9999'), ('p_u < 1'), ('z_s > 0'), ('z_s = 0'), ('z_s <= -9999.9'),
  ('z_u = 32768'), ('z_small = 32767'), ('z_small > 30000'),
  ('b_s2 = -32768'), ('b_s2 >= 32767'), ('b_s4 = 2147483647'), ('b_s4 < -2147483647'),
  ('b_u8 = 18446744073709551615'), ('b_u8 > 9223372036854775807'),
  ('p_big = 99999999999999999999999999999'), ('p_big < -9999999999999999999999999'),
  ('t1 = ''ABC'''), ('t1 <> ''ABC'''), ('t1 = ''ABC '''), ('t1 = '' ABC'''), ('t1 = '''''),
  ('t1 < ''B'' COLLATE "C"'), ('t1 >= ''a'' COLLATE "C"'), ('t2 = ''A'''), ('t2 > ''AB'' COLLATE "C"')
) v(c);

-- 2. lists, ranges, NULL tests and their combinations
SELECT c AS condition, (zt_pd_check(c)).* FROM (VALUES
  ('p_s IN (0, 1, -1, 99999.99)'), ('p_s NOT IN (0, 1, NULL)'), ('p_s = ANY (ARRAY[0.5, 1])'),
  ('b_s4 <> ALL (ARRAY[0, -1])'), ('t1 IN (''ABC'', ''Z'', ''ZZZZZZZZ'')'),
  ('p_s BETWEEN -100 AND 100'), ('z_u NOT BETWEEN 10 AND 999990'),
  ('t2 IS NULL'), ('t2 IS NOT NULL'), ('p_n IS NULL'), ('p_i IS NULL'), ('p_i IS NOT NULL AND p_i > 0'),
  ('p_s IS NULL'), ('NOT (p_s > 0 OR t1 = ''A'')'), ('(p_s > 0 AND p_u < 100) OR t2 IS NULL'),
  ('p_s = NULL'), ('p_s IN (NULL)')
) v(c);

-- 3. constants with more fractional digits than the field, out of the
-- column's range, NaN and infinities: compared as values
SELECT c AS condition, (zt_pd_check(c)).* FROM (VALUES
  ('p_s = 1.005'), ('p_s < 1.005'), ('p_s > -0.005'), ('p_s <= -0.005'), ('p_s >= 99999.995'),
  ('p_s < ''NaN''::numeric'), ('p_s > ''-Infinity''::numeric'), ('p_s = ''Infinity''::numeric'),
  ('b_s2 < 40000'), ('b_s2 > -5000000000'), ('p_big > 1e40'), ('p_big > -1e40'), ('z_s = -0.0')
) v(c);

-- 4. what stays in PostgreSQL's filter
SELECT c AS condition, (zt_pd_check(c)).* FROM (VALUES
  ('t1 LIKE ''A%'''), ('p_s + 0 > 1'), ('b_s2 = 0.5'), ('t1 < ''B'''),
  ('t1 = ''ABC'' AND p_s::text = ''0.00'''), ('upper(t1) = ''ABC'''), ('t1 = t2')
) v(c);

-- what the collation of the database is for the ordered comparison above
SELECT datcollate = 'C' OR datcollate = 'POSIX' AS db_collate_is_c
  FROM pg_database WHERE datname = current_database();

-- 5. EXPLAIN: the pushed clauses, and under ANALYZE the records skipped
SELECT zt_explain($$(COSTS OFF) SELECT p_s FROM pd_null WHERE p_s > 0 AND t1 = 'ABC' AND t1 LIKE 'A%'$$);
SELECT line FROM zt_explain($$(ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF)
    SELECT p_s FROM pd_null WHERE p_s > 0 AND t1 = 'ABC'$$) line
  WHERE line !~ 'Foreign File';
SET zfdw.enable_filter_pushdown = off;
SELECT zt_explain($$(COSTS OFF) SELECT p_s FROM pd_null WHERE p_s > 0 AND t1 = 'ABC'$$);
RESET zfdw.enable_filter_pushdown;

-- 6. parameters: a generic plan keeps $1, evaluated when the scan starts
SET plan_cache_mode = force_generic_plan;
PREPARE q(numeric, text) AS SELECT count(*) FROM pd_null WHERE p_s > $1 AND t1 = $2;
SELECT zt_explain('(COSTS OFF) EXECUTE q(0, ''ABC'')');
EXECUTE q(0, 'ABC');
EXECUTE q(-100000, 'ABC');
EXECUTE q(NULL, 'ABC');
SELECT count(*) FROM pd_heap WHERE p_s > 0 AND t1 = 'ABC';
PREPARE qa(int[]) AS SELECT count(*) FROM pd_null WHERE b_s2 = ANY ($1);
EXECUTE qa(ARRAY[0, -1, 32767]);
EXECUTE qa(NULL);
SELECT count(*) FROM pd_heap WHERE b_s2 = ANY (ARRAY[0, -1, 32767]);
RESET plan_cache_mode;
-- a parameter from an outer row: rescanned with new values
SELECT v, (SELECT count(*) FROM pd_null WHERE p_u = v) AS foreign_count,
       (SELECT count(*) FROM pd_heap WHERE p_u = v) AS heap_count
  FROM (VALUES (0), (9999), (5000)) x(v);

-- 7. invalid bytes in a pushed field: the same error, NULL or skip
SELECT count(*) AS bad_p_s FROM pd_heap WHERE p_s IS NULL;
SELECT count(*) FROM pd_null WHERE p_s IS NULL;
SELECT count(*) FROM pd_skip WHERE p_s > 0;
SET zfdw.enable_filter_pushdown = off;
SELECT count(*) FROM pd_skip WHERE p_s > 0;
RESET zfdw.enable_filter_pushdown;
CREATE FOREIGN TABLE pd_stop (p_s numeric(9,2) OPTIONS (position '1', pic 'S9(5)V99', usage 'comp-3'))
    SERVER pd_server OPTIONS (filename :'pd', lrecl '64');
SELECT zt_error('SELECT count(*) FROM pd_stop WHERE p_s > 0');
SET zfdw.enable_filter_pushdown = off;
SELECT zt_error('SELECT count(*) FROM pd_stop WHERE p_s > 0');
RESET zfdw.enable_filter_pushdown;

-- 8. with a parallel scan
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2;
SET zfdw.parallel_chunk_size = '8kB';
SELECT zt_explain($$(COSTS OFF) SELECT count(*) FROM pd_null WHERE p_s > 0 AND t2 IS NOT NULL$$);
SELECT count(*) FROM pd_null WHERE p_s > 0 AND t2 IS NOT NULL;
SELECT count(*) FROM pd_heap WHERE p_s > 0 AND t2 IS NOT NULL;
SET max_parallel_workers_per_gather = 0;
RESET zfdw.parallel_chunk_size;

-- 9. with key seeks (the key clauses seek; all are tested on the records)
\set packedkeys :abs_srcdir '/data/hand/packedkeys.dat'
\set segs :abs_srcdir '/data/hand/segs.dat'
CREATE FOREIGN TABLE packedk (k numeric(3,0) OPTIONS (position '1', pic 'S9(3)', usage 'comp-3'),
                              n text OPTIONS (position '3', length '1'))
    SERVER pd_server OPTIONS (filename :'packedkeys', lrecl '3', key 'k');
SELECT zt_explain($$(COSTS OFF) SELECT * FROM packedk WHERE k BETWEEN -12 AND 2 AND n <> 'c'$$);
SELECT * FROM packedk WHERE k BETWEEN -12 AND 2 AND n <> 'c' ORDER BY k;
SELECT * FROM packedk WHERE k IN (-1, 12, 999) AND n IN ('b', 'f') ORDER BY k;

-- 10. with a segment filter: the segment is chosen, then the filter tested
CREATE FOREIGN TABLE segs (rt integer OPTIONS (position '1', pic '9(4)', usage 'comp'),
                           v text OPTIONS (position '3', length '4'))
    SERVER pd_server OPTIONS (filename :'segs', lrecl '6',
                              segment_field 'rt', segment_value 'X''0001''');
SELECT line FROM zt_explain($$(ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF) SELECT * FROM segs WHERE v <> 'AAAA'$$) line
  WHERE line !~ 'Foreign File';
SELECT * FROM segs WHERE v <> 'AAAA';

-- 11. collations: order under any collation but "C" (here glibc's
-- C.UTF-8) stays in PostgreSQL's filter; equality under a deterministic
-- one is pushed
CREATE COLLATION pd_cutf8 (provider = libc, locale = 'C.UTF-8');
SELECT c AS condition, (zt_pd_check(c)).* FROM (VALUES
  ('t1 < ''B'' COLLATE pd_cutf8'), ('t1 = ''ABC'' COLLATE pd_cutf8')
) v(c);
