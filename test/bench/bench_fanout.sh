#!/usr/bin/env bash
#-------------------------------------------------------------------------
#
# bench_fanout.sh
#	  Fan-out speed: a full aggregate over the N-record account file
#	  (ACCT80, 80-byte EBCDIC records with packed balances, as
#	  bench_scan.sh makes it) through a coordinator's partitioned table of
#	  postgres_fdw partitions (zfdw.plan_shards), with one node against
#	  two nodes, each node pinned to one core (taskset -c 0, taskset -c
#	  1).  The queries are in the pushed form (GROUP BY the share column,
#	  re-aggregated on the coordinator), so that every node computes its
#	  groups inside its scan and sends one row per group.  Prints the
#	  best of BENCH_REPEAT rounds of each and the ratio; asserts nothing.
#
#	  BENCH_ROWS (default 5000000), BENCH_REPEAT (default 5),
#	  BENCH_WORK (default test/bench/work: where acct_N.dat is, made by
#	  gen_accounts.c when missing)
#
#-------------------------------------------------------------------------
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
. "$here/../../scripts/lib.sh"
rows=${BENCH_ROWS:-5000000}
repeat=${BENCH_REPEAT:-5}
work=${BENCH_WORK:-$here/work}
mkdir -p "$work"
chmod 755 "$work"

if [ ! -f "$work/acct_$rows.dat" ]; then
	cc -std=gnu11 -O2 -I"$ZF_ROOT/src/core" -o "$work/gen_accounts" \
		"$here/gen_accounts.c" $(find "$ZF_ROOT/src/core" -name '*.c' | sort) -lz -lbz2 -lzstd -lcurl -lcrypto -lm
	echo "generating $rows records"
	"$work/gen_accounts" "$rows" "$work/acct_$rows.dat" "$work/acct_$rows.csv"
fi
chmod 644 "$work/acct_$rows.dat"

zf_install_private
base=$(zf_scratch_dir fanbench)
declare -A port
cleanup() {
	for n in coord n1 n2; do zf_cluster_stop "$base/$n"; done
	rm -rf "$base" $ZF_OWN_DESTDIR
}
trap cleanup EXIT
next_port=58500
for n in coord n1 n2; do
	mkdir -p "$base/$n"
	chown "$(zf_pg_user)": "$base/$n" 2>/dev/null || true
	port[$n]=$(zf_free_port $next_port)
	next_port=$((port[$n] + 1))
	zf_cluster_start "$base/$n" "${port[$n]}" "shared_buffers=256MB" "jit=off" \
		"max_parallel_workers_per_gather=0"
done

# pin a node: its postmaster (every backend forked later inherits the
# core) and the processes it has already started
pin() {
	local pm pid
	pm=$(head -1 "$base/$1/data/postmaster.pid")
	for pid in "$pm" $(cat /proc/"$pm"/task/*/children); do
		taskset -c -p "$2" "$pid" >/dev/null
	done
}
pin n1 0
pin n2 1

sql() {
	local n=$1
	shift
	PGOPTIONS="-c client_min_messages=warning" \
		zf_psql "$base/$n" "${port[$n]}" -d postgres -Atq -v ON_ERROR_STOP=1 "$@"
}

# the single-node tables, one per plan: one node, two nodes
sql coord <<SQL
CREATE EXTENSION zfdw;
CREATE EXTENSION postgres_fdw;
CREATE SERVER n1 FOREIGN DATA WRAPPER postgres_fdw
    OPTIONS (host '127.0.0.1', port '${port[n1]}', dbname 'postgres');
CREATE SERVER n2 FOREIGN DATA WRAPPER postgres_fdw
    OPTIONS (host '127.0.0.1', port '${port[n2]}', dbname 'postgres');
CREATE USER MAPPING FOR postgres SERVER n1 OPTIONS (user 'postgres');
CREATE USER MAPPING FOR postgres SERVER n2 OPTIONS (user 'postgres');
CREATE SERVER mf FOREIGN DATA WRAPPER zfdw;
CREATE SCHEMA one;
CREATE SCHEMA two;
CREATE FOREIGN TABLE one.acct (acct_id bigint, branch smallint, balance numeric(15,2), status text)
    SERVER mf OPTIONS (filename '$work/acct_$rows.dat', copybook '$here/ACCT80.cpy');
CREATE FOREIGN TABLE two.acct (acct_id bigint, branch smallint, balance numeric(15,2), status text)
    SERVER mf OPTIONS (filename '$work/acct_$rows.dat', copybook '$here/ACCT80.cpy');
SQL
for plan in "one.acct {n1}" "two.acct {n1,n2}"; do
	set -- $plan
	for n in n1 n2; do
		sql coord -c "SELECT ddl FROM zfdw.plan_shards('$1', '$2') WHERE node = '$n'" >"$base/plan.sql"
		[ -s "$base/plan.sql" ] && sql "$n" -f "$base/plan.sql"
	done
	sql coord -c "SELECT ddl FROM zfdw.plan_shards('$1', '$2') WHERE node IS NULL" >"$base/plan.sql"
	sql coord -f "$base/plan.sql"
done
sql coord -c "SELECT node, share, first_record, end_record FROM zfdw.check_shards('one.acct_all')" \
	-c "SELECT node, share, first_record, end_record FROM zfdw.check_shards('two.acct_all')"

sql coord -v repeat="$repeat" -v rows="$rows" <<'SQL'
SET enable_partitionwise_aggregate = on;
CREATE FUNCTION best_ms(q text, n int) RETURNS numeric LANGUAGE plpgsql AS $$
DECLARE t0 timestamptz; best numeric := NULL; ms numeric;
BEGIN
    EXECUTE q;  -- warm: the file in the page cache, connections, layouts
    FOR i IN 1..n LOOP
        t0 := clock_timestamp();
        EXECUTE q;
        ms := extract(epoch FROM clock_timestamp() - t0) * 1000;
        IF best IS NULL OR ms < best THEN best := ms; END IF;
    END LOOP;
    RETURN round(best, 1);
END $$;
CREATE TEMP TABLE q (name text, sql text);
INSERT INTO q VALUES
  ('sum, count', 'SELECT sum(s), sum(c) FROM (SELECT share, sum(balance) s, count(*) c FROM %s GROUP BY share) t'),
  ('GROUP BY status', 'SELECT status, sum(s), sum(c) FROM (SELECT share, status, sum(balance) s, count(*) c FROM %s GROUP BY share, status) t GROUP BY status');
-- the two plans give the same answers
DO $$
DECLARE r record; a text; b text;
BEGIN
    FOR r IN SELECT * FROM q LOOP
        EXECUTE format('SELECT string_agg(x::text, '' '' ORDER BY x::text) FROM (%s) x', format(r.sql, 'one.acct_all')) INTO a;
        EXECUTE format('SELECT string_agg(x::text, '' '' ORDER BY x::text) FROM (%s) x', format(r.sql, 'two.acct_all')) INTO b;
        IF a IS DISTINCT FROM b THEN
            RAISE EXCEPTION 'one node and two nodes differ on %: % against %', r.name, a, b;
        END IF;
    END LOOP;
END $$;
\pset footer off
\echo the plan of two nodes: the groups computed on the nodes, concurrently
EXPLAIN (VERBOSE, COSTS OFF)
    SELECT sum(s), sum(c) FROM (SELECT share, sum(balance) s, count(*) c FROM two.acct_all GROUP BY share) t;
\echo best of :repeat rounds, each node pinned to one core
SELECT name, one_node_ms, two_nodes_ms, round(one_node_ms / two_nodes_ms, 2) AS ratio
  FROM (SELECT name, best_ms(format(sql, 'one.acct_all'), :repeat) AS one_node_ms,
               best_ms(format(sql, 'two.acct_all'), :repeat) AS two_nodes_ms FROM q) x;
\echo the cost on the coordinator without the pushed form: every row crosses the network (best of 2 rounds)
SELECT best_ms('SELECT sum(balance), count(*) FROM two.acct_all', 2) AS two_nodes_not_pushed_ms,
       round(:rows / best_ms('SELECT count(*) FROM two.acct_all', 2) * 1000) AS rows_per_s;
SQL
