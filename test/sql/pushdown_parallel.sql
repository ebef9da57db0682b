-- Parallel pushed aggregates: each process computes partial groups over
-- its chunks of the file, a ForeignScan above the Gather merges them.
-- Results compared with PostgreSQL's own aggregates, on a heap table
-- holding the same rows and on the same foreign table with aggregate
-- pushdown off; plans forced parallel (no setup cost, 1 kB chunks: 16
-- records of 64 bytes, so 125 chunks for the 2,000 records).
\getenv abs_srcdir PG_ABS_SRCDIR
\i :abs_srcdir/helpers.psql
CREATE SCHEMA test_pushdown_parallel;
SET search_path = test_pushdown_parallel, public;
\set pd :abs_srcdir '/data/pushdown/pushdown.dat'
SET client_min_messages = warning;     -- on_error's end-of-scan notices
CREATE SERVER IF NOT EXISTS pd_server FOREIGN DATA WRAPPER zfdw;
\i :abs_srcdir/pushdown_tables.psql

SET max_parallel_workers_per_gather = 0;
SET zfdw.enable_filter_pushdown = off;
CREATE TABLE pd_heap AS SELECT * FROM pd_null;
RESET zfdw.enable_filter_pushdown;

SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2;
SET zfdw.parallel_chunk_size = '1kB';
-- the leader only merges: the partial groups come from the workers (a
-- leader taking chunks too could read this small file alone before they
-- start)
SET parallel_leader_participation = off;

-- whether a query's plan merges partial pushed aggregates of a Gather,
-- and its rows against the heap's and against PostgreSQL's aggregate
-- over the same foreign table
CREATE FUNCTION zt_par_check(q text)
RETURNS TABLE (parallel_pushed bool, same_as_heap bool, same_as_not_pushed bool)
LANGUAGE plpgsql AS $$
DECLARE line text; a text; b text; c text; partial bool := false; gather bool := false;
BEGIN
    FOR line IN EXECUTE 'EXPLAIN (COSTS OFF, VERBOSE) ' || q LOOP
        partial := partial OR line ~ 'Pushed Aggregate: .*PARTIAL';
        gather := gather OR line ~ '->  Gather';
    END LOOP;
    parallel_pushed := partial AND gather;
    EXECUTE 'SELECT string_agg(x::text, ''|'' ORDER BY x::text) FROM (' || q || ') x' INTO a;
    EXECUTE 'SELECT string_agg(x::text, ''|'' ORDER BY x::text) FROM (' ||
        replace(q, 'pd_null', 'pd_heap') || ') x' INTO b;
    PERFORM set_config('zfdw.enable_aggregate_pushdown', 'off', true);
    EXECUTE 'SELECT string_agg(x::text, ''|'' ORDER BY x::text) FROM (' || q || ') x' INTO c;
    PERFORM set_config('zfdw.enable_aggregate_pushdown', 'on', true);
    same_as_heap := a IS NOT DISTINCT FROM b;
    same_as_not_pushed := a IS NOT DISTINCT FROM c;
    RETURN NEXT;
END $$;

-- 1. each aggregate over each kind of field, with and without GROUP BY
-- and filters, groups that only some processes see, no rows at all
SELECT q, (zt_par_check(q)).* FROM (VALUES
  ('SELECT count(*) FROM pd_null'),
  ('SELECT count(p_s), count(t1), count(t2), count(p_n), count(p_i) FROM pd_null'),
  ('SELECT sum(p_s), sum(p_u), sum(z_s), sum(z_u), sum(b_s2), sum(b_s4), sum(p_n), sum(p_i) FROM pd_null'),
  ('SELECT avg(p_s), avg(p_u), avg(z_s), avg(z_u), avg(b_s2), avg(b_s4), avg(p_n), avg(p_i) FROM pd_null'),
  ('SELECT min(p_s), max(p_s), min(z_s), max(z_s), min(b_s2), max(b_s4), min(p_n), max(p_i) FROM pd_null'),
  ('SELECT t2, count(*), sum(p_s), avg(p_s), min(z_s), max(b_s2) FROM pd_null GROUP BY t2'),
  ('SELECT t1, p_n, count(*), min(b_s2), max(z_small) FROM pd_null GROUP BY t1, p_n'),
  ('SELECT p_u, count(*) FROM pd_null GROUP BY p_u'),
  ('SELECT p_i, sum(b_s4), avg(p_n) FROM pd_null GROUP BY p_i'),
  ('SELECT count(*), sum(p_s) FROM pd_null WHERE t1 = ''ABC'''),
  ('SELECT t2, sum(z_s) FROM pd_null WHERE p_s BETWEEN -100 AND 100 OR p_n IS NULL GROUP BY t2'),
  ('SELECT count(*), sum(p_s), min(p_s), avg(p_s) FROM pd_null WHERE p_s > 1000000'),
  ('SELECT t2, count(*) FROM pd_null WHERE p_s > 1000000 GROUP BY t2'),
  ('SELECT t2, count(*), sum(p_s) FROM pd_null GROUP BY t2 ORDER BY sum(p_s) DESC LIMIT 2')
) v(q);

-- 2. the plan: a ForeignScan merging what the Gather collects
SELECT line FROM zt_explain($$(COSTS OFF, VERBOSE)
    SELECT t2, count(*), sum(p_s) FROM pd_null WHERE p_s > 0 GROUP BY t2$$) line
 WHERE line !~ 'Foreign File|Record Length|Code Page|On Error';
SELECT line FROM zt_explain($$(ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF)
    SELECT t2, count(*), sum(p_s) FROM pd_null WHERE p_s > 0 GROUP BY t2$$) line
 WHERE line ~ '^Foreign Scan|^  Groups';  -- what each worker did varies

-- 3. a parameter of a prepared statement, run more than once
PREPARE q(numeric) AS SELECT t2, count(*), sum(p_s) FROM pd_null WHERE p_s > $1 GROUP BY t2 ORDER BY t2;
EXECUTE q(0);
EXECUTE q(1000);
SELECT t2, count(*), sum(p_s) FROM pd_heap WHERE p_s > 1000 GROUP BY t2 ORDER BY t2;
DEALLOCATE q;

-- 4. a parallel pushed aggregate under a join (the planner keeps it on
-- the outer side: computed once)
SELECT g, x.* FROM generate_series(1, 3) g,
       LATERAL (SELECT count(*), sum(p_s) FROM pd_null OFFSET 0) x ORDER BY g;

-- 5. a bad value stops the query whichever process reads it (on_error
-- stop; which bad record comes first depends on the processes' timing,
-- so only the SQLSTATE is shown)
CREATE FOREIGN TABLE pd_stop (
    p_s numeric(9,2) OPTIONS (position '1', pic 'S9(5)V99', usage 'comp-3')
) SERVER pd_server OPTIONS (filename :'pd', lrecl '64');
SELECT zt_explain('(COSTS OFF) SELECT count(*), sum(p_s) FROM pd_stop');
SELECT DISTINCT split_part(e, ':', 1) FROM zt_error('SELECT count(*), sum(p_s) FROM pd_stop') e
 WHERE e LIKE 'ERROR%';
SET zfdw.enable_aggregate_pushdown = off;
SELECT DISTINCT split_part(e, ':', 1) FROM zt_error('SELECT count(*), sum(p_s) FROM pd_stop') e
 WHERE e LIKE 'ERROR%';
RESET zfdw.enable_aggregate_pushdown;

-- 6. without parallel workers the serial plan is used
SET max_parallel_workers_per_gather = 0;
SELECT (zt_par_check('SELECT t2, count(*) FROM pd_null GROUP BY t2')).*;
