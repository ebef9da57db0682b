#!/usr/bin/env bash
#-------------------------------------------------------------------------
#
# fanout_test.sh
#	  The fan-out of issue 19 end to end: three PostgreSQL instances on
#	  loopback ports, a coordinator and two nodes.  zfdw.plan_shards'
#	  output is run unedited on each node and on the coordinator, for a
#	  local fixed-length file, a glob of files and an S3 object (on the
#	  loopback s3rver of test/s3/servers.sh); zfdw.check_shards passes;
#	  then every query's answer through the coordinator's partitioned
#	  table equals PostgreSQL's own over a heap copy of the single-node
#	  table: full scans, filters, aggregates (count, sum, avg, min, max,
#	  GROUP BY, and the pushed form GROUP BY the share), a join with a
#	  local table.  EXPLAIN shows the aggregates computed on the nodes
#	  (Async Foreign Scan, Relations: Aggregate on).  A misconfigured node
#	  and a node that is down give clean errors naming the node, never a
#	  partial answer.  Prints "fanout: N passed, M failed".
#
#	Needs the extension installed (make install, or ZF_DESTDIR set after
#	make install DESTDIR=$ZF_DESTDIR) and postgres_fdw (contrib).
#
#-------------------------------------------------------------------------
set -u
. "$(dirname "$0")/lib.sh"
. "$ZF_ROOT/test/s3/servers.sh"

base=$(zf_scratch_dir fanout)
passed=0
failed=0

cleanup() {
	zf_s3_stop
	for n in coord n1 n2; do zf_cluster_stop "$base/$n"; done
	rm -rf "$base"
	[ -n "${ZF_STAGE:-}" ] && rm -rf "$ZF_STAGE"
}
trap cleanup EXIT

check() {
	if [ "$2" = "$3" ]; then
		echo "ok: $1"
		passed=$((passed + 1))
	else
		echo "FAILED: $1: got '$2', expected '$3'"
		failed=$((failed + 1))
	fi
}

# a check that a text contains a pattern (grep -E)
check_has() {
	if printf '%s\n' "$2" | grep -qE -- "$3"; then
		echo "ok: $1"
		passed=$((passed + 1))
	else
		echo "FAILED: $1: no '$3' in:"
		printf '%s\n' "$2" | head -30
		failed=$((failed + 1))
	fi
}

zf_data_root
d=$ZF_DATA_ROOT
# the three clusters start together, while s3rver starts and is filled
declare -A port
declare -A starting
next_port=55800
for n in coord n1 n2; do
	mkdir -p "$base/$n"
	chown "$(zf_pg_user)": "$base/$n" 2>/dev/null
	port[$n]=$(zf_free_port $next_port)
	next_port=$((port[$n] + 1))
	zf_cluster_start "$base/$n" "${port[$n]}" &
	starting[$n]=$!
done
zf_s3_start "$base" >"$base/s3start.log" 2>&1 || {
	cat "$base/s3start.log"
	echo "fanout: 0 passed, 1 failed"
	exit 1
}
for n in coord n1 n2; do
	wait "${starting[$n]}" || { echo "fanout: cluster $n did not start"; echo "fanout: 0 passed, 1 failed"; exit 1; }
done

# sql NODE [psql args]: psql on one instance, stopping at the first error
sql() {
	local n=$1
	shift
	PGOPTIONS="-c client_min_messages=warning" \
		zf_psql "$base/$n" "${port[$n]}" -d postgres -Atq -v ON_ERROR_STOP=1 "$@"
}

# the coordinator: zfdw (the single-node tables plan_shards reads),
# postgres_fdw servers and user mappings for the nodes
sql coord <<SQL || { echo "fanout: 0 passed, 1 failed"; exit 1; }
CREATE EXTENSION zfdw;
CREATE EXTENSION postgres_fdw;
CREATE SERVER n1 FOREIGN DATA WRAPPER postgres_fdw
    OPTIONS (host '127.0.0.1', port '${port[n1]}', dbname 'postgres');
CREATE SERVER n2 FOREIGN DATA WRAPPER postgres_fdw
    OPTIONS (host '127.0.0.1', port '${port[n2]}', dbname 'postgres');
CREATE USER MAPPING FOR postgres SERVER n1 OPTIONS (user 'postgres');
CREATE USER MAPPING FOR postgres SERVER n2 OPTIONS (user 'postgres');
CREATE SERVER files FOREIGN DATA WRAPPER zfdw;
CREATE SERVER bucket FOREIGN DATA WRAPPER zfdw
    OPTIONS (s3_endpoint '$ZF_S3RVER_ENDPOINT', aws_region 'us-east-1', s3_url_style 'path');
CREATE USER MAPPING FOR postgres SERVER bucket
    OPTIONS (aws_access_key_id 'S3RVER', aws_secret_access_key 'S3RVER');
CREATE FOREIGN TABLE acct (acct_number bigint, acct_branch smallint, acct_status text,
                           acct_product_code text, acct_current_bal numeric(15,2))
    SERVER files OPTIONS (filename '$d/test/data/cobol/ksds_acct_cp037.dat',
                          copybook '$d/demo/data/ACCTMAST.cpy');
CREATE SCHEMA archive;
CREATE FOREIGN TABLE archive.fx (fx_id smallint, fx_text text, fx_code text,
                                 f text OPTIONS (meta 'file_name'))
    SERVER files OPTIONS (filename '$d/test/data/cobol/fixed_cp*.dat',
                          copybook '$d/test/data/cobol/FIXREC.cpy');
CREATE FOREIGN TABLE acct_s3 (acct_number bigint, acct_branch smallint, acct_status text,
                              acct_current_bal numeric(15,2))
    SERVER bucket OPTIONS (filename 's3://zfdw-test/cobol/ksds_acct_cp037.dat',
                           copybook '$d/demo/data/ACCTMAST.cpy');
-- PostgreSQL's answers: heap copies of the single-node tables
CREATE TABLE acct_heap AS SELECT * FROM acct;
CREATE TABLE fx_heap AS SELECT * FROM archive.fx;
CREATE TABLE acct_s3_heap AS SELECT * FROM acct_s3;
-- a local table to join with
CREATE TABLE branches AS
    SELECT b AS acct_branch, 'region ' || (b % 5) AS region FROM generate_series(0, 9999) b;
-- rows of two queries that differ, both ways (0: the same multiset)
CREATE FUNCTION diff(a text, b text) RETURNS bigint LANGUAGE plpgsql AS \$\$
DECLARE n bigint;
BEGIN
    EXECUTE format('SELECT count(*) FROM (((%s) EXCEPT ALL (%s)) UNION ALL ((%s) EXCEPT ALL (%s))) x',
                   a, b, b, a) INTO n;
    RETURN n;
END \$\$;
SQL

# the S3 credentials of the nodes are theirs to give (plan_shards never
# prints a secret): the user mapping the documentation tells to create
for n in n1 n2; do
	sql "$n" -c "CREATE EXTENSION zfdw" -c "CREATE SERVER bucket FOREIGN DATA WRAPPER zfdw
	    OPTIONS (s3_endpoint '$ZF_S3RVER_ENDPOINT', aws_region 'us-east-1', s3_url_style 'path')" \
		-c "CREATE USER MAPPING FOR postgres SERVER bucket
	    OPTIONS (aws_access_key_id 'S3RVER', aws_secret_access_key 'S3RVER')"
done

# plan_shards' output, run unedited: each node's on the node, the
# coordinator's on the coordinator
plan() {
	local tab=$1 opts=$2 n
	for n in n1 n2; do
		sql coord -c "SELECT ddl FROM zfdw.plan_shards('$tab', '{n1,n2}', '$opts') WHERE node = '$n'" \
			>"$base/plan_$n.sql" && sql "$n" -f "$base/plan_$n.sql" ||
			{ echo "FAILED: the plan of $tab for $n does not run"; failed=$((failed + 1)); return 1; }
	done
	sql coord -c "SELECT ddl FROM zfdw.plan_shards('$tab', '{n1,n2}', '$opts') WHERE node IS NULL" \
		>"$base/plan_coord.sql" && sql coord -f "$base/plan_coord.sql" ||
		{ echo "FAILED: the plan of $tab for the coordinator does not run"; failed=$((failed + 1)); return 1; }
	echo "ok: plan_shards('$tab') runs unedited on both nodes and the coordinator"
	passed=$((passed + 1))
}
plan acct '{}'
plan archive.fx '{"coordinator_table": "fx_fan"}'
plan acct_s3 '{}'

# every node answers with its share of the same input
for t in acct_all archive.fx_fan acct_s3_all; do
	check "check_shards('$t'): two nodes, shares 0 and 1, the same input" \
		"$(sql coord -c "SELECT string_agg(node || ':' || share || '/' || share_count || ':' || input_files || ':' || rows, ' ' ORDER BY share) FROM zfdw.check_shards('$t', true)")" \
		"$(sql coord -c "SELECT 'n1:0/2:' || input_files || ':' || r0 || ' n2:1/2:' || input_files || ':' || r1 FROM (SELECT (SELECT count(*) FROM $t WHERE share = 0) r0, (SELECT count(*) FROM $t WHERE share = 1) r1, (SELECT input_files FROM zfdw.share_input('${t%_*}'::regclass)) input_files) x" 2>/dev/null || echo "?")"
done
check "the shares of acct split its 300 records by record ranges" \
	"$(sql coord -c "SELECT string_agg(first_record || '..' || end_record, ' ' ORDER BY share) FROM zfdw.check_shards('acct_all')")" \
	"1..150 151..300"

# the same answers as PostgreSQL's over the heap copies
same() {
	check "$1" "$(sql coord -c "SET enable_partitionwise_aggregate = on; SELECT diff(\$q\$$2\$q\$, \$q\$$3\$q\$)" | tail -1)" 0
}
cols="acct_number, acct_branch, acct_status, acct_product_code, acct_current_bal"
same "acct: full scan" "SELECT $cols FROM acct_all" "SELECT $cols FROM acct_heap"
same "acct: filter" "SELECT $cols FROM acct_all WHERE acct_branch > 200 AND acct_status = 'A'" \
	"SELECT $cols FROM acct_heap WHERE acct_branch > 200 AND acct_status = 'A'"
same "acct: aggregates" \
	"SELECT count(*), sum(acct_current_bal), avg(acct_current_bal), min(acct_current_bal), max(acct_number) FROM acct_all" \
	"SELECT count(*), sum(acct_current_bal), avg(acct_current_bal), min(acct_current_bal), max(acct_number) FROM acct_heap"
same "acct: GROUP BY" \
	"SELECT acct_status, count(*), sum(acct_current_bal), min(acct_branch) FROM acct_all GROUP BY 1" \
	"SELECT acct_status, count(*), sum(acct_current_bal), min(acct_branch) FROM acct_heap GROUP BY 1"
same "acct: pushed form, GROUP BY the share then re-aggregated" \
	"SELECT sum(s), sum(c) FROM (SELECT share, sum(acct_current_bal) s, count(*) c FROM acct_all GROUP BY share) t" \
	"SELECT sum(acct_current_bal), count(*) FROM acct_heap"
same "acct: pushed form with a filter and groups" \
	"SELECT acct_status, sum(s), sum(c), min(m) FROM (SELECT share, acct_status, sum(acct_current_bal) s, count(*) c, min(acct_number) m FROM acct_all WHERE acct_branch < 300 GROUP BY share, acct_status) t GROUP BY 1" \
	"SELECT acct_status, sum(acct_current_bal), count(*), min(acct_number) FROM acct_heap WHERE acct_branch < 300 GROUP BY 1"
same "acct: join with a local table" \
	"SELECT b.region, count(*), sum(a.acct_current_bal) FROM acct_all a JOIN branches b USING (acct_branch) GROUP BY 1" \
	"SELECT b.region, count(*), sum(a.acct_current_bal) FROM acct_heap a JOIN branches b USING (acct_branch) GROUP BY 1"
same "glob: full scan" "SELECT fx_id, fx_text, fx_code, f FROM archive.fx_fan" "SELECT * FROM fx_heap"
same "glob: filter and GROUP BY" \
	"SELECT right(f, 12), count(*), sum(fx_id) FROM archive.fx_fan WHERE fx_id > 10 GROUP BY 1" \
	"SELECT right(f, 12), count(*), sum(fx_id) FROM fx_heap WHERE fx_id > 10 GROUP BY 1"
same "S3 object: full scan" "SELECT acct_number, acct_branch, acct_status, acct_current_bal FROM acct_s3_all" \
	"SELECT * FROM acct_s3_heap"
same "S3 object: pushed form" \
	"SELECT sum(s), sum(c), max(m) FROM (SELECT share, sum(acct_current_bal) s, count(*) c, max(acct_branch) m FROM acct_s3_all WHERE acct_status = 'A' GROUP BY share) t" \
	"SELECT sum(acct_current_bal), count(*), max(acct_branch) FROM acct_s3_heap WHERE acct_status = 'A'"

# EXPLAIN: the groups computed on the nodes, concurrently, the filter sent
plan_text=$(sql coord -c "SET enable_partitionwise_aggregate = on" -c "EXPLAIN (VERBOSE, COSTS OFF)
	SELECT sum(s) FROM (SELECT share, sum(acct_current_bal) s FROM acct_all WHERE acct_branch > 100 GROUP BY share) t")
# ZF_FANOUT_VERBOSE=1 prints the plans (the ones docs/scaling-out.md shows)
[ -n "${ZF_FANOUT_VERBOSE:-}" ] && printf '%s\n' "$plan_text"
check_has "EXPLAIN: Async Foreign Scan of the aggregate on each node" "$plan_text" \
	'Async Foreign Scan.*\(Aggregate on \(public\.acct_all_n1|Relations: Aggregate on \(public\.acct_all_n1'
check_has "EXPLAIN: the remote SQL groups and filters on the node" "$plan_text" \
	'Remote SQL: SELECT .*sum\(acct_current_bal\).*WHERE .*acct_branch > 100.*GROUP BY'
node_plan=$(sql n1 -c "EXPLAIN (COSTS OFF) SELECT share, sum(acct_current_bal) FROM public.acct WHERE acct_branch > 100 GROUP BY share")
[ -n "${ZF_FANOUT_VERBOSE:-}" ] && printf '%s\n' "$node_plan"
check_has "EXPLAIN on a node: zfdw computes the group with the filter pushed" "$node_plan" 'Pushed Aggregate: sum\(acct_current_bal\) GROUP BY share'
check_has "EXPLAIN on a node: its share" "$node_plan" 'Share: 0 of 2, records 1\.\.150'

# a misconfigured node: named, with what it reads
sql n2 -c "ALTER FOREIGN TABLE acct OPTIONS (SET share_index '0')"
check_has "check_shards names a node that reads another share" \
	"$(sql coord -c "SELECT * FROM zfdw.check_shards('acct_all')" 2>&1)" \
	'node "n2" reads share 0 of 2, but its partition public.acct_all_n2 is for share 1 of 2'
sql n2 -c "ALTER FOREIGN TABLE acct OPTIONS (SET share_index '1')"

# a node down: an error naming it, never a partial answer
zf_as_pg "$(zf_pg_bindir)/pg_ctl" -D "$base/n2/data" -m immediate -w stop >/dev/null 2>&1
out=$(sql coord -c "SELECT count(*) FROM acct_all" 2>&1)
rc=$?
check "a query through a node that is down fails" "$rc" 1
check_has "... with postgres_fdw's error naming the node's server" "$out" 'could not connect to server "n2"'
out=$(sql coord -c "SELECT sum(s) FROM (SELECT share, sum(acct_current_bal) s FROM acct_all GROUP BY share) t" 2>&1)
check "... and the pushed form prints no partial sum" "$(printf '%s\n' "$out" | grep -cE '^[0-9]')" 0
check_has "check_shards names the node that does not answer" \
	"$(sql coord -c "SELECT * FROM zfdw.check_shards('acct_all')" 2>&1)" \
	'node "n2" \(share 1 of public.acct_all, partition public.acct_all_n2\) does not answer'

echo "fanout: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
