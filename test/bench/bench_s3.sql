-- bench_s3.sql: the queries of bench_s3.sh (see there).
\pset footer off
SET client_min_messages = warning;
CREATE EXTENSION zfdw;
CREATE SERVER mf FOREIGN DATA WRAPPER zfdw;
CREATE SERVER store FOREIGN DATA WRAPPER zfdw OPTIONS (s3_endpoint :'endpoint');
CREATE USER MAPPING FOR CURRENT_USER SERVER store
    OPTIONS (aws_access_key_id 'S3RVER', aws_secret_access_key 'S3RVER');
CREATE FOREIGN TABLE acct_local (
    acct_id bigint, name text, branch smallint, balance numeric(15,2)
) SERVER mf OPTIONS (filename :'dat', copybook :'cpy', key 'acct_id');
CREATE FOREIGN TABLE acct_s3 (
    acct_id bigint, name text, branch smallint, balance numeric(15,2)
) SERVER store OPTIONS (filename :'object', copybook :'cpy', key 'acct_id');

-- The best of n rounds of several queries, in milliseconds; each round
-- runs every query once, in turn.  workers[i] is
-- max_parallel_workers_per_gather for queries[i].
CREATE FUNCTION best_ms_rounds(queries text[], workers int[], n int)
RETURNS TABLE (query text, w int, ms numeric) LANGUAGE plpgsql AS $$
DECLARE
    t0 timestamptz; best numeric[] := array_fill(NULL::numeric, ARRAY[cardinality(queries)]);
    t numeric; r record;
BEGIN
    FOR round IN 1..n LOOP
        FOR i IN 1..cardinality(queries) LOOP
            PERFORM set_config('max_parallel_workers_per_gather', workers[i]::text, true);
            t0 := clock_timestamp();
            EXECUTE queries[i] INTO r;
            t := extract(epoch FROM clock_timestamp() - t0) * 1000;
            IF best[i] IS NULL OR t < best[i] THEN best[i] := t; END IF;
        END LOOP;
    END LOOP;
    RETURN QUERY SELECT q, ww, round(b, 1) FROM unnest(queries, workers, best) AS u(q, ww, b);
END $$;

SET parallel_setup_cost = 0;
SET min_parallel_table_scan_size = 0;
-- warm the page cache for the local file (and s3rver's copy)
SELECT count(*) FROM acct_local \g /dev/null
SELECT sum(balance) FROM acct_s3 \g /dev/null
CREATE TABLE results AS
  SELECT CASE WHEN query LIKE '%acct_s3' THEN 'S3 object' ELSE 'local file' END ||
         CASE WHEN w = 0 THEN '' ELSE ', 2 workers' END AS what, ms
    FROM best_ms_rounds(ARRAY['SELECT sum(balance) FROM acct_s3',
                              'SELECT sum(balance) FROM acct_local',
                              'SELECT sum(balance) FROM acct_s3',
                              'SELECT sum(balance) FROM acct_local'],
                        ARRAY[0, 0, 2, 2], :repeat);
INSERT INTO results VALUES ('curl download of the object', :curl_ms);
SET max_parallel_workers_per_gather = 0;

\echo
\echo 'records:' :rows
SELECT what, ms, round(:rows / (ms / 1000)) AS rows_per_s,
       round(:rows * 80 / (ms / 1000) / 1048576) AS mib_per_s FROM results;
SELECT round((SELECT ms FROM results WHERE what = 'curl download of the object') /
             (SELECT ms FROM results WHERE what = 'S3 object'), 2) AS "S3 scan vs curl (target >= 0.8)",
       round((SELECT ms FROM results WHERE what = 'local file') /
             (SELECT ms FROM results WHERE what = 'S3 object'), 2) AS "S3 scan vs local scan",
       round((SELECT ms FROM results WHERE what = 'S3 object') /
             (SELECT ms FROM results WHERE what = 'S3 object, 2 workers'), 2) AS "S3 parallel speed-up";

-- a key seek into the sorted object: requests and time
SELECT acct_id AS some_key FROM acct_local OFFSET (:rows * 3 / 7) LIMIT 1 \gset
EXPLAIN (ANALYZE, COSTS OFF) SELECT * FROM acct_s3 WHERE acct_id = :some_key;
EXPLAIN (ANALYZE, COSTS OFF) SELECT * FROM acct_s3 WHERE acct_id = :some_key + 1;
EXPLAIN (ANALYZE, COSTS OFF) SELECT * FROM acct_s3 WHERE acct_id BETWEEN :some_key AND :some_key + 1000;

-- ANALYZE samples 30,000 records with ranged reads
SELECT clock_timestamp() AS t0 \gset
ANALYZE acct_s3;
SELECT round(extract(epoch FROM clock_timestamp() - :'t0'::timestamptz) * 1000, 1) AS "ANALYZE of the object, ms",
       (SELECT reltuples FROM pg_class WHERE relname = 'acct_s3') AS reltuples;
