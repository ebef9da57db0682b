-- Filter pushdown, differential: random queries over every field kind
-- (test/pushdown_random.psql), each run with zfdw.enable_filter_pushdown
-- on and off; the results must be the same, row for row.  The records
-- (test/data/pushdown/generate.py) hold every packed sign, negative
-- zeros, the largest digits, NULL representations, padded texts and
-- invalid bytes.
\getenv abs_srcdir PG_ABS_SRCDIR
\i :abs_srcdir/helpers.psql
CREATE SCHEMA test_pushdown_random;
SET search_path = test_pushdown_random, public;
\set pd :abs_srcdir '/data/pushdown/pushdown.dat'
SET max_parallel_workers_per_gather = 0;
SET client_min_messages = warning;     -- on_error's end-of-scan notices

CREATE SERVER IF NOT EXISTS pd_server FOREIGN DATA WRAPPER zfdw;
\i :abs_srcdir/pushdown_tables.psql
\i :abs_srcdir/pushdown_random.psql

-- thousands of queries on each table, fixed seeds
SELECT queries, pushed > queries / 2 AS mostly_pushed, errors, differences, first_difference
  FROM zt_pd_random('pd_null', 2000, 0.14);
SELECT queries, pushed > queries / 2 AS mostly_pushed, errors, differences, first_difference
  FROM zt_pd_random('pd_skip', 1000, 0.28);

-- aggregates with GROUP BY, pushed and not, against PostgreSQL's own
SELECT queries, pushed > queries / 5 AS often_pushed, errors, differences, first_difference
  FROM zt_pd_random_agg('pd_null', 700, 0.42);
SELECT queries, pushed > queries / 5 AS often_pushed, errors, differences, first_difference
  FROM zt_pd_random_agg('pd_skip', 300, 0.56);

-- the same in parallel plans: each worker computes partial groups over
-- its 1 kB chunks of the file, the leader merges them
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2;
SET parallel_leader_participation = off;
SET zfdw.parallel_chunk_size = '1kB';
SELECT queries, parallel > queries / 5 AS often_parallel, errors, differences, first_difference
  FROM zt_pd_random_agg('pd_null', 300, 0.71);

-- dates (a picture over zoned, packed and text bytes, mostly invalid):
-- group columns and count, min and max, serial and parallel
SET zt.date_cols = '{d_z,d_p,d_t}';
SELECT queries, parallel > queries / 10 AS often_parallel, errors, differences, first_difference
  FROM zt_pd_random_agg('pd_null_d', 300, 0.33);
SET max_parallel_workers_per_gather = 0;
SELECT queries, pushed > queries / 5 AS often_pushed, errors, differences, first_difference
  FROM zt_pd_random_agg('pd_null_d', 600, 0.84);
RESET zt.date_cols;
