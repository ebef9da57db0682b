#!/usr/bin/env bash
#-------------------------------------------------------------------------
#
# bench_pushdown_random.sh
#	  The long run of the filter pushdown's differential test
#	  (test/pushdown_random.psql): PUSHDOWN_QUERIES random queries
#	  (default 100,000, half on the on_error 'null' table, half on the
#	  'skip' one) over the records of test/data/pushdown, each run with
#	  zfdw.enable_filter_pushdown on and off, results compared exactly.
#	  Then PUSHDOWN_AGG_QUERIES random aggregate queries (default
#	  20,000) with the aggregate pushdown on and off, and
#	  PUSHDOWN_PAR_QUERIES (default 5,000) more in parallel plans (partial
#	  aggregates per worker, merged); then as many parallel and half as
#	  many serial aggregate queries with date columns (pd_null_d) among
#	  the group columns and the arguments of count, min and max.  Prints
#	  the counts; "differences 0" is the pass.
#
#	  PUSHDOWN_QUERIES (default 100000), PUSHDOWN_AGG_QUERIES (default
#	  20000), PUSHDOWN_PAR_QUERIES (default 5000), PUSHDOWN_SEED (default
#	  0.5)
#
#-------------------------------------------------------------------------
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
. "$here/../../scripts/lib.sh"
queries=${PUSHDOWN_QUERIES:-100000}
agg_queries=${PUSHDOWN_AGG_QUERIES:-20000}
par_queries=${PUSHDOWN_PAR_QUERIES:-5000}
seed=${PUSHDOWN_SEED:-0.5}

zf_install_private
zf_data_root
dir=$(zf_scratch_dir pdrandom)
port=$(zf_free_port 58532)
trap 'zf_cluster_stop "$dir"; rm -rf "$dir" $ZF_OWN_DESTDIR ${ZF_STAGE:-}' EXIT
zf_cluster_start "$dir" "$port" "jit=off"

zf_psql "$dir" "$port" -q -v ON_ERROR_STOP=1 \
	-v pd="$ZF_DATA_ROOT/test/data/pushdown/pushdown.dat" \
	-v queries="$queries" -v agg_queries="$agg_queries" -v par_queries="$par_queries" \
	-v seed="$seed" <<SQL
\set abs_srcdir '$ZF_DATA_ROOT/test'
CREATE EXTENSION zfdw;
SET client_min_messages = warning;
SET max_parallel_workers_per_gather = 0;
CREATE SERVER IF NOT EXISTS pd_server FOREIGN DATA WRAPPER zfdw;
\i :abs_srcdir/pushdown_tables.psql
\i :abs_srcdir/pushdown_random.psql
\timing on
SELECT 'pd_null' AS tbl, * FROM zt_pd_random('pd_null', :queries / 2, :seed)
UNION ALL
SELECT 'pd_skip', * FROM zt_pd_random('pd_skip', :queries - :queries / 2, -(:seed));
SELECT 'pd_null' AS tbl, * FROM zt_pd_random_agg('pd_null', :agg_queries / 2, :seed)
UNION ALL
SELECT 'pd_skip', * FROM zt_pd_random_agg('pd_skip', :agg_queries - :agg_queries / 2, -(:seed));
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2;
SET parallel_leader_participation = off;
SET zfdw.parallel_chunk_size = '1kB';
SELECT 'pd_null, parallel' AS tbl, * FROM zt_pd_random_agg('pd_null', :par_queries, :seed / 2);
SET zt.date_cols = '{d_z,d_p,d_t}';
SELECT 'pd_null_d (dates), parallel' AS tbl, * FROM zt_pd_random_agg('pd_null_d', :par_queries, :seed / 3);
SET max_parallel_workers_per_gather = 0;
SELECT 'pd_null_d (dates)' AS tbl, * FROM zt_pd_random_agg('pd_null_d', :agg_queries / 2, :seed / 5);
SQL
