-- bench_scan.sql: the queries of bench_scan.sh (see there).
\pset footer off
SET client_min_messages = warning;
CREATE EXTENSION zfdw;
CREATE EXTENSION file_fdw;
CREATE SERVER mf FOREIGN DATA WRAPPER zfdw;
CREATE SERVER files FOREIGN DATA WRAPPER file_fdw;

CREATE FOREIGN TABLE acct_zfdw (
    acct_id bigint, name text, branch smallint, balance numeric(15,2),
    credit_limit numeric(11,2), open_date date OPTIONS (format 'YYYYMMDD'),
    status text
) SERVER mf OPTIONS (filename :'dat', copybook :'cpy', key 'acct_id');
CREATE FOREIGN TABLE acct_csv (
    acct_id bigint, name text, branch smallint, balance numeric(15,2),
    credit_limit numeric(11,2), open_date date, status text
) SERVER files OPTIONS (filename :'csv', format 'csv');
CREATE TABLE acct_heap (
    acct_id bigint, name text, branch smallint, balance numeric(15,2),
    credit_limit numeric(11,2), open_date date, status text
);
COPY acct_heap FROM :'csv' WITH (FORMAT csv);
CREATE INDEX ON acct_heap (acct_id);
VACUUM ANALYZE acct_heap;
ANALYZE acct_zfdw;

-- the best of :repeat runs of a query, in milliseconds
CREATE FUNCTION best_ms(q text, n int) RETURNS numeric LANGUAGE plpgsql AS $$
DECLARE
    t0 timestamptz; best numeric := NULL; ms numeric; r record;
BEGIN
    FOR i IN 1..n LOOP
        t0 := clock_timestamp();
        EXECUTE q INTO r;
        ms := extract(epoch FROM clock_timestamp() - t0) * 1000;
        IF best IS NULL OR ms < best THEN best := ms; END IF;
    END LOOP;
    RETURN round(best, 1);
END $$;

-- The best of :repeat rounds of several queries, in milliseconds.  Each
-- round runs every query once, in turn, so that a slow spell of the
-- machine falls on all of them rather than on whichever ran then.
-- workers[i] is max_parallel_workers_per_gather for queries[i], and
-- pushed[i] whether it may use the filter and aggregate pushdowns (the
-- same query not pushed is the ordinary scan's time).
CREATE FUNCTION best_ms_rounds(queries text[], workers int[], pushed bool[], n int)
RETURNS TABLE (query text, ms numeric) LANGUAGE plpgsql AS $$
DECLARE
    t0 timestamptz; best numeric[] := array_fill(NULL::numeric, ARRAY[cardinality(queries)]);
    t numeric;
BEGIN
    FOR round IN 1..n LOOP
        FOR i IN 1..cardinality(queries) LOOP
            PERFORM set_config('max_parallel_workers_per_gather', workers[i]::text, true);
            PERFORM set_config('zfdw.enable_filter_pushdown', pushed[i]::text, true);
            PERFORM set_config('zfdw.enable_aggregate_pushdown', pushed[i]::text, true);
            t0 := clock_timestamp();
            -- every row, into SPI's result (not FOR r IN EXECUTE: a
            -- PL/pgSQL loop runs its query through a cursor, and a
            -- cursor's plan is never parallel)
            EXECUTE queries[i];
            t := extract(epoch FROM clock_timestamp() - t0) * 1000;
            IF best[i] IS NULL OR t < best[i] THEN best[i] := t; END IF;
        END LOOP;
    END LOOP;
    RETURN QUERY SELECT q, round(b, 1) FROM unnest(queries, best) AS u(q, b);
END $$;

CREATE TABLE results (what text, ms numeric);
SET max_parallel_workers_per_gather = 0;
-- warm the page cache for both files and the heap
SELECT count(*) FROM acct_zfdw \g /dev/null
SELECT count(*) FROM acct_csv \g /dev/null
SET parallel_setup_cost = 0;
SET min_parallel_table_scan_size = 0;
INSERT INTO results
  SELECT CASE ord WHEN 1 THEN 'zfdw sum(balance)' WHEN 2 THEN 'file_fdw sum(balance)'
                  WHEN 3 THEN 'heap sum(balance)' WHEN 4 THEN 'zfdw sum(balance), 2 workers'
                  WHEN 5 THEN 'zfdw sum(balance), not pushed'
                  WHEN 6 THEN 'zfdw sum(balance), not pushed, 2 workers'
                  ELSE 'heap sum(balance), 2 workers' END, ms
    FROM best_ms_rounds(ARRAY['SELECT sum(balance) FROM acct_zfdw',
                              'SELECT sum(balance) FROM acct_csv',
                              'SELECT sum(balance) FROM acct_heap',
                              'SELECT sum(balance) FROM acct_zfdw',
                              'SELECT sum(balance) FROM acct_zfdw',
                              'SELECT sum(balance) FROM acct_zfdw',
                              'SELECT sum(balance) FROM acct_heap'],
                        ARRAY[0, 0, 0, 2, 0, 2, 2], ARRAY[true, true, true, true, false, false, true],
                        :repeat) WITH ORDINALITY AS b(query, ms, ord);

-- filter pushdown: a condition that keeps 1% of the records, all columns
-- returned (the branch field is zoned decimal, tested on the record bytes
-- before any column is decoded), against the heap's sequential scan; and
-- a report by status (the aggregate computed inside the scan)
INSERT INTO results
  SELECT CASE ord WHEN 1 THEN 'zfdw 1% filter, all columns' WHEN 2 THEN 'heap 1% filter, all columns'
                  WHEN 3 THEN 'zfdw 1% filter, 2 workers' WHEN 4 THEN 'zfdw 1% filter, not pushed'
                  WHEN 5 THEN 'zfdw GROUP BY status' WHEN 6 THEN 'heap GROUP BY status'
                  ELSE 'zfdw GROUP BY status, 2 workers' END, ms
    FROM best_ms_rounds(ARRAY['SELECT * FROM acct_zfdw WHERE branch BETWEEN 100 AND 103',
                              'SELECT * FROM acct_heap WHERE branch BETWEEN 100 AND 103',
                              'SELECT * FROM acct_zfdw WHERE branch BETWEEN 100 AND 103',
                              'SELECT * FROM acct_zfdw WHERE branch BETWEEN 100 AND 103',
                              'SELECT status, count(*), sum(balance) FROM acct_zfdw GROUP BY status',
                              'SELECT status, count(*), sum(balance) FROM acct_heap GROUP BY status',
                              'SELECT status, count(*), sum(balance) FROM acct_zfdw GROUP BY status'],
                        ARRAY[0, 0, 2, 0, 0, 0, 2], ARRAY[true, true, true, false, true, true, true],
                        :repeat) WITH ORDINALITY AS b(query, ms, ord);
SET max_parallel_workers_per_gather = 0;

-- 1,000 random keys from a local table, joined to the sorted file
CREATE TABLE wanted AS
  SELECT acct_id FROM acct_heap ORDER BY hashint8(acct_id) LIMIT 1000;
ANALYZE wanted;
INSERT INTO results VALUES
  ('zfdw join 1000 keys', best_ms('SELECT sum(a.balance) FROM wanted w JOIN acct_zfdw a USING (acct_id)', :repeat)),
  ('heap+btree join 1000 keys', best_ms('SELECT sum(a.balance) FROM wanted w JOIN acct_heap a USING (acct_id)', :repeat));

\echo
\echo 'records:' :rows
SELECT what, ms, round(:rows / (ms / 1000)) AS rows_per_s FROM results;
SELECT round((SELECT ms FROM results WHERE what = 'file_fdw sum(balance)') /
             (SELECT ms FROM results WHERE what = 'zfdw sum(balance), not pushed'), 2) AS "zfdw not pushed vs file_fdw (target >= 4)",
       round((SELECT ms FROM results WHERE what = 'zfdw sum(balance), not pushed') /
             (SELECT ms FROM results WHERE what = 'heap sum(balance)'), 2) AS "zfdw not pushed / heap (target <= 1.5)",
       round((SELECT ms FROM results WHERE what = 'zfdw sum(balance), not pushed') /
             (SELECT ms FROM results WHERE what = 'zfdw sum(balance), not pushed, 2 workers'), 2) AS "parallel speed-up, not pushed (target >= 1.7)",
       round((SELECT ms FROM results WHERE what = 'zfdw join 1000 keys') /
             (SELECT ms FROM results WHERE what = 'heap+btree join 1000 keys'), 2) AS "key join / btree (target <= 2)";
SELECT round((SELECT ms FROM results WHERE what = 'zfdw 1% filter, all columns') /
             (SELECT ms FROM results WHERE what = 'heap 1% filter, all columns'), 2) AS "1% filter / heap (target <= 0.5)",
       round((SELECT ms FROM results WHERE what = 'zfdw 1% filter, all columns') /
             (SELECT ms FROM results WHERE what = 'zfdw 1% filter, 2 workers'), 2) AS "1% filter parallel speed-up (target >= 1.8)",
       round((SELECT ms FROM results WHERE what = 'zfdw GROUP BY status') /
             (SELECT ms FROM results WHERE what = 'heap GROUP BY status'), 2) AS "GROUP BY / heap (target <= 0.5)",
       round((SELECT ms FROM results WHERE what = 'zfdw sum(balance)') /
             (SELECT ms FROM results WHERE what = 'heap sum(balance)'), 2) AS "pushed sum / heap (target <= 0.35)";
-- the 2-worker speed-ups of the pushdowns (target >= 1.8 each), beside
-- PostgreSQL's own on the heap table, for what this machine allows
SELECT round((SELECT ms FROM results WHERE what = 'zfdw sum(balance)') /
             (SELECT ms FROM results WHERE what = 'zfdw sum(balance), 2 workers'), 2) AS "pushed sum parallel speed-up",
       round((SELECT ms FROM results WHERE what = 'zfdw GROUP BY status') /
             (SELECT ms FROM results WHERE what = 'zfdw GROUP BY status, 2 workers'), 2) AS "pushed GROUP BY parallel speed-up",
       round((SELECT ms FROM results WHERE what = 'heap sum(balance)') /
             (SELECT ms FROM results WHERE what = 'heap sum(balance), 2 workers'), 2) AS "heap sum parallel speed-up";
EXPLAIN (COSTS OFF) SELECT sum(balance) FROM acct_zfdw;
SET max_parallel_workers_per_gather = 2;
EXPLAIN (COSTS OFF) SELECT sum(balance) FROM acct_zfdw;
EXPLAIN (COSTS OFF) SELECT * FROM acct_zfdw WHERE branch BETWEEN 100 AND 103;
SET max_parallel_workers_per_gather = 0;
EXPLAIN (COSTS OFF) SELECT sum(a.balance) FROM wanted w JOIN acct_zfdw a USING (acct_id);

-- ANALYZE: both sample 30,000 rows (zfdw by seeking to random records)
CREATE FUNCTION analyze_ms(rel text, n int) RETURNS numeric LANGUAGE plpgsql AS $$
DECLARE
    t0 timestamptz; best numeric := NULL; ms numeric;
BEGIN
    FOR i IN 1..n LOOP
        t0 := clock_timestamp();
        EXECUTE 'ANALYZE ' || rel;
        ms := extract(epoch FROM clock_timestamp() - t0) * 1000;
        IF best IS NULL OR ms < best THEN best := ms; END IF;
    END LOOP;
    RETURN round(best, 1);
END $$;
SELECT analyze_ms('acct_zfdw', :repeat) AS "zfdw ANALYZE ms",
       analyze_ms('acct_heap', :repeat) AS "heap ANALYZE ms";
