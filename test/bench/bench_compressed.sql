-- bench_compressed.sql: the queries of bench_compressed.sh (see there).
\pset footer off
SET client_min_messages = warning;
CREATE EXTENSION zfdw;
CREATE SERVER mf FOREIGN DATA WRAPPER zfdw;
SET max_parallel_workers_per_gather = 0;

SELECT :'dat' || '.gz' AS gz, :'dat' || '.zst' AS zst, :'dat' || '.bz2' AS bz2 \gset
\set gunzip 'gzip -dc ' :gz
CREATE FOREIGN TABLE acct_plain (balance numeric(15,2))
    SERVER mf OPTIONS (filename :'dat', copybook :'cpy');
CREATE FOREIGN TABLE acct_gz (balance numeric(15,2))
    SERVER mf OPTIONS (filename :'gz', copybook :'cpy');
CREATE FOREIGN TABLE acct_zst (balance numeric(15,2))
    SERVER mf OPTIONS (filename :'zst', copybook :'cpy');
CREATE FOREIGN TABLE acct_bz2 (balance numeric(15,2))
    SERVER mf OPTIONS (filename :'bz2', copybook :'cpy');
CREATE FOREIGN TABLE acct_gunzip (balance numeric(15,2))
    SERVER mf OPTIONS (program :'gunzip', copybook :'cpy');

-- the same answer from all of them
SELECT (SELECT sum(balance) FROM acct_plain) AS plain,
       (SELECT sum(balance) FROM acct_gz) = (SELECT sum(balance) FROM acct_plain) AS gz_same,
       (SELECT sum(balance) FROM acct_zst) = (SELECT sum(balance) FROM acct_plain) AS zst_same;

-- The best of :repeat rounds of several queries, in milliseconds; each
-- round runs every query once, in turn, so that a slow spell of the
-- machine falls on all of them.
CREATE FUNCTION best_ms_rounds(queries text[], n int)
RETURNS TABLE (query text, ms numeric) LANGUAGE plpgsql AS $$
DECLARE
    t0 timestamptz; best numeric[] := array_fill(NULL::numeric, ARRAY[cardinality(queries)]);
    t numeric; r record;
BEGIN
    FOR round IN 1..n LOOP
        FOR i IN 1..cardinality(queries) LOOP
            t0 := clock_timestamp();
            EXECUTE queries[i] INTO r;
            t := extract(epoch FROM clock_timestamp() - t0) * 1000;
            IF best[i] IS NULL OR t < best[i] THEN best[i] := t; END IF;
        END LOOP;
    END LOOP;
    RETURN QUERY SELECT q, round(b, 1) FROM unnest(queries, best) AS u(q, b);
END $$;

CREATE TABLE results AS
  SELECT regexp_replace(query, '^.* FROM acct_', '') AS what, ms
    FROM best_ms_rounds(ARRAY['SELECT sum(balance) FROM acct_plain',
                              'SELECT sum(balance) FROM acct_gz',
                              'SELECT sum(balance) FROM acct_zst',
                              'SELECT sum(balance) FROM acct_gunzip'], :repeat);
INSERT INTO results
  SELECT 'bz2', ms FROM best_ms_rounds(ARRAY['SELECT sum(balance) FROM acct_bz2'], 1);
-- the same through rows, the aggregate computed by PostgreSQL (as every
-- scan was before the aggregate pushdown): the decoding that the pushdown
-- saves is then beside the decompression, on another core
SET zfdw.enable_aggregate_pushdown = off;
INSERT INTO results
  SELECT regexp_replace(query, '^.* FROM acct_', '') || ', rows', ms
    FROM best_ms_rounds(ARRAY['SELECT sum(balance) FROM acct_plain',
                              'SELECT sum(balance) FROM acct_gz'], :repeat);
RESET zfdw.enable_aggregate_pushdown;

\echo
\echo 'records:' :rows
SELECT what, ms, round(:rows / (ms / 1000)) AS rows_per_s,
       round(ms / (SELECT ms FROM results WHERE what = 'plain'), 2) AS "vs uncompressed"
  FROM results;
SELECT round((SELECT ms FROM results WHERE what = 'gz') /
             (SELECT ms FROM results WHERE what = 'plain'), 2) AS "gzip / uncompressed, pushed sum (target <= 2)",
       round((SELECT ms FROM results WHERE what = 'gz, rows') /
             (SELECT ms FROM results WHERE what = 'plain, rows'), 2) AS "gzip / uncompressed, through rows (target <= 2)";
EXPLAIN (COSTS OFF) SELECT sum(balance) FROM acct_gz;
