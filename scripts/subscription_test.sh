#!/usr/bin/env bash
#-------------------------------------------------------------------------
#
# subscription_test.sh
#	  End-to-end and crash tests of subscriptions, on a cluster of its own
#	  with zfdw in shared_preload_libraries (the launcher path; the
#	  regress tests cover the on-demand path):
#	  1. files land in a watched directory while a reader checks, snapshot
#	     after snapshot, that every source transaction is visible whole
#	     (balanced transfers: the count and sum of the accounts never
#	     change); the final table equals the reference state computed by
#	     test/subscription/transfers.py, and an apply_changes of all the
#	     files in one call;
#	  2. a half-written file is never applied: not by the stable rule
#	     before its size settles, not by the marker rule before the
#	     marker, not by the rename rule before the rename; a file renamed
#	     into place wakes the worker (inotify) long before its next poll;
#	  3. kill -9 of the worker and of the postmaster at random moments
#	     while files land, many times: after each restart the worker
#	     resumes, and the final table equals the reference, with the
#	     counts of applied changes equal to the generator's (no change
#	     applied twice).
#	  Prints "subscription: N passed, M failed".
#
#	Needs the extension installed (make install, or ZF_DESTDIR set after
#	make install DESTDIR=$ZF_DESTDIR).  ZF_SUB_KILLS sets the number of
#	kills (default 12).
#
#-------------------------------------------------------------------------
set -u
. "$(dirname "$0")/lib.sh"

KILLS=${ZF_SUB_KILLS:-12}
gen="$ZF_ROOT/test/subscription/transfers.py"

dir=$(zf_scratch_dir subscription)
port=$(zf_free_port 55750)
passed=0
failed=0
bg_pids=()

cleanup() {
	for p in "${bg_pids[@]}"; do kill "$p" 2>/dev/null; done
	zf_cluster_stop "$dir"
	rm -rf "$dir"
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

sql() {
	PGOPTIONS="-c client_min_messages=warning" \
		zf_psql "$dir" "$port" -d postgres -Atq -v ON_ERROR_STOP=1 "$@"
}

bindir=$(zf_pg_bindir)
start_server() {
	local i
	for i in $(seq 1 60); do
		zf_as_pg "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w start >/dev/null 2>&1 && return 0
		sleep 0.5
	done
	return 1
}

server_up() {
	local i
	for i in $(seq 1 120); do
		"$bindir/pg_isready" -q -h "$dir" -p "$port" && sql -c "SELECT 1" >/dev/null 2>&1 && return 0
		sleep 0.5
	done
	return 1
}

# wait until subscription $1 has applied file $2 and nothing waits
wait_applied() {
	local i
	for i in $(seq 1 ${3:-600}); do
		[ "$(sql -c "SELECT last_file = '$2' AND backlog_files = 0 FROM zfdw.replication_status WHERE subscription = '$1'" 2>/dev/null)" = t ] && return 0
		sleep 0.2
	done
	return 1
}

# rows of $1 that differ from the reference file $2 (id,balance)
differences() {
	sql -c "DROP TABLE IF EXISTS ref; CREATE TABLE ref (id int PRIMARY KEY, balance numeric);
			COPY ref FROM '$2' (FORMAT csv);
			SELECT count(*) FROM ((SELECT id, balance FROM $1 EXCEPT TABLE ref)
								  UNION ALL (TABLE ref EXCEPT SELECT id, balance FROM $1)) d"
}

preload=zfdw
[ -n "${ZF_DESTDIR:-}" ] && preload='$libdir/zfdw'
start=$(date +%s)
zf_cluster_start "$dir" "$port" "shared_preload_libraries='$preload'" \
	"max_worker_processes=16" "zfdw.lag_warning=3000" ||
	{ echo "subscription: 0 passed, 1 failed"; exit 1; }
for d in land_e2e land_half land_crash; do
	mkdir -p "$dir/$d"
	chmod 755 "$dir/$d"
done

# The feed tables, owned by the superuser; the subscriptions by an
# ordinary role that may read them and write its caches.
sql >/dev/null <<SQL
CREATE EXTENSION zfdw;
CREATE ROLE sub_owner LOGIN;
CREATE SERVER csv FOREIGN DATA WRAPPER zfdw OPTIONS (codepage 'utf8');
CREATE FOREIGN TABLE feed_e2e (op text, position bigint, txid bigint, commit_ts timestamptz, id int, balance numeric)
	SERVER csv OPTIONS (filename '$dir/land_e2e/*.csv', format 'delimited');
CREATE FOREIGN TABLE feed_half (op text, position bigint, txid bigint, commit_ts timestamptz, id int, balance numeric)
	SERVER csv OPTIONS (filename '$dir/land_half/*.csv', format 'delimited');
CREATE FOREIGN TABLE feed_crash (op text, position bigint, txid bigint, commit_ts timestamptz, id int, balance numeric)
	SERVER csv OPTIONS (filename '$dir/land_crash/*.csv', format 'delimited');
GRANT SELECT ON feed_e2e, feed_half, feed_crash TO sub_owner;
GRANT CREATE ON SCHEMA public TO sub_owner;
SET ROLE sub_owner;
CREATE TABLE acct_e2e (id int PRIMARY KEY, balance numeric NOT NULL, replicated_ts timestamptz);
CREATE TABLE acct_half (LIKE acct_e2e);
ALTER TABLE acct_half ADD PRIMARY KEY (id);
CREATE TABLE acct_crash (LIKE acct_e2e);
ALTER TABLE acct_crash ADD PRIMARY KEY (id);
GRANT SELECT ON acct_e2e, acct_crash TO PUBLIC;
SELECT zfdw.create_subscription('e2e', 'feed_e2e', 'acct_e2e', txid_column => 'txid',
	commit_ts_column => 'commit_ts', options => '{"landing": "rename", "poll_interval": 100}');
SELECT zfdw.create_subscription('half', 'feed_half', 'acct_half', txid_column => 'txid',
	commit_ts_column => 'commit_ts', options => '{"landing": "stable", "stable_ms": 2000, "poll_interval": 100}');
SELECT zfdw.create_subscription('crash', 'feed_crash', 'acct_crash', txid_column => 'txid',
	commit_ts_column => 'commit_ts', options => '{"landing": "marker", "poll_interval": 100, "max_backoff_ms": 1000}');
SQL

echo "== 1. files land while a reader checks every transaction is whole"
ACCTS=500
# the reader: count and sum of the accounts, snapshot after snapshot,
# until the last file is applied; prints how many snapshots it checked
cat >"$dir/reader.sql" <<SQL
DO \$\$
DECLARE n bigint; s numeric; checks int := 0; bad int := 0; nonempty int := 0;
BEGIN
	LOOP
		SELECT count(*), coalesce(sum(balance), 0) INTO n, s FROM acct_e2e;
		checks := checks + 1;
		IF n > 0 THEN nonempty := nonempty + 1; END IF;
		IF NOT (n = 0 OR (n = $ACCTS AND s = $ACCTS * 1000)) THEN
			bad := bad + 1;
			RAISE WARNING 'partial transaction seen: % accounts, sum %', n, s;
		END IF;
		EXIT WHEN EXISTS (SELECT FROM zfdw.replication_status
						   WHERE subscription = 'e2e' AND last_file LIKE '%/f00000060.csv');
		PERFORM pg_sleep(0.002);
	END LOOP;
	RAISE NOTICE 'reader: % snapshots, % with rows, % partial', checks, nonempty, bad;
END \$\$;
SQL
chmod 644 "$dir/reader.sql"
PGOPTIONS="-c client_min_messages=notice" zf_psql "$dir" "$port" -d postgres -Atq \
	-f "$dir/reader.sql" >"$dir/reader.out" 2>&1 &
reader=$!
bg_pids+=("$reader")
python3 "$gen" --dir "$dir/land_e2e" --files 60 --accounts $ACCTS --landing rename \
	--rate 4000 --interval 0.1 --seed 1 --reference "$dir/ref_e2e.csv" --counts >"$dir/counts_e2e"
wait_applied e2e "$dir/land_e2e/f00000060.csv"
check "e2e: the worker applied every file" "$?" 0
wait "$reader"
grep 'reader:' "$dir/reader.out" | sed 's/^.*NOTICE: *//'
check "e2e: the reader saw no part of a transaction" \
	"$(grep -c 'partial transaction' "$dir/reader.out")" 0
check "e2e: the reader ran while the cache changed" \
	"$(sed -n 's/.*reader: [0-9]* snapshots, \([0-9]*\) with rows.*/\1/p' "$dir/reader.out" | awk '{print ($1 > 10)}')" 1
check "e2e: the cache equals the reference computed outside zfdw" \
	"$(differences acct_e2e "$dir/ref_e2e.csv")" 0
check "e2e: one apply_changes of all the files gives the same table" \
	"$(sql -c "CREATE TABLE oneshot (id int PRIMARY KEY, balance numeric NOT NULL, replicated_ts timestamptz);
			  SELECT count(*) FROM zfdw.apply_changes('feed_e2e', 'oneshot', txid_column => 'txid');
			  SELECT count(*) FROM ((SELECT id, balance FROM acct_e2e EXCEPT SELECT id, balance FROM oneshot)
								  UNION ALL (SELECT id, balance FROM oneshot EXCEPT SELECT id, balance FROM acct_e2e)) d" | tail -1)" 0
check "e2e: applied counts equal the generator's" \
	"$(sql -c "SELECT inserted || ' ' || updated || ' ' || deleted FROM zfdw.replication_status WHERE subscription = 'e2e'")" \
	"$(cat "$dir/counts_e2e")"
check "e2e: the worker runs as the subscription's owner" \
	"$(sql -c "SELECT string_agg(DISTINCT usename, ',') FROM pg_stat_activity WHERE backend_type = 'zfdw subscription'")" sub_owner
check "e2e: replication_status shows lag percentiles and changes per second" \
	"$(sql -c "SELECT lag_p50 IS NOT NULL AND lag_p95 >= lag_p50 AND lag_max >= lag_p95 AND changes_per_second > 0
			   AND landing_to_applied IS NOT NULL AND lag_now IS NOT NULL AND state = 'idle'
			   FROM zfdw.replication_status WHERE subscription = 'e2e'")" t
sql -c "SELECT 'lag p50 ' || lag_p50 || ', p95 ' || lag_p95 || ', max ' || lag_max || ', landing to applied ' || landing_to_applied
		FROM zfdw.replication_status WHERE subscription = 'e2e'"

echo "== 2. a half-written file is never applied"
mkdir -p "$dir/src_half"
python3 "$gen" --dir "$dir/src_half" --files 5 --txns 30 --accounts 50 --landing rename --seed 2 >/dev/null
cp "$dir/src_half/f00000001.csv" "$dir/land_half/"
wait_applied half "$dir/land_half/f00000001.csv"
check "stable: a complete first file is applied" "$?" 0
f2=$dir/src_half/f00000002.csv
size=$(stat -c %s "$f2")
head -c $((size / 2 + 3)) "$f2" >"$dir/land_half/f00000002.csv"
sleep 1.2
# a slow writer: another piece, still not the end
head -c $((size * 3 / 4)) "$f2" | tail -c +$((size / 2 + 4)) >>"$dir/land_half/f00000002.csv"
sleep 1.5
check "stable: a file still growing is not applied" \
	"$(sql -c "SELECT last_file = '$dir/land_half/f00000001.csv' AND errors = 0 AND backlog_files = 1
			   FROM zfdw.replication_status WHERE subscription = 'half'")" t
tail -c +$((size * 3 / 4 + 1)) "$f2" >>"$dir/land_half/f00000002.csv"
wait_applied half "$dir/land_half/f00000002.csv"
check "stable: once its size has settled it is applied" "$?" 0
sql -c "SELECT zfdw.alter_subscription('half', options => '{\"landing\": \"marker\"}')" >/dev/null
cp "$dir/src_half/f00000003.csv" "$dir/land_half/"
sleep 2
check "marker: a complete file without its marker is not applied" \
	"$(sql -c "SELECT last_file FROM zfdw.replication_status WHERE subscription = 'half'")" \
	"$dir/land_half/f00000002.csv"
touch "$dir/land_half/f00000003.csv.done"
wait_applied half "$dir/land_half/f00000003.csv"
check "marker: with its marker it is applied" "$?" 0
sql -c "SELECT zfdw.alter_subscription('half', options => '{\"landing\": \"rename\"}')" >/dev/null
head -c 100 "$dir/src_half/f00000004.csv" >"$dir/land_half/.f00000004.csv.tmp"
sleep 1.5
check "rename: a file under its temporary name is not applied" \
	"$(sql -c "SELECT last_file || ' ' || backlog_files FROM zfdw.replication_status WHERE subscription = 'half'")" \
	"$dir/land_half/f00000003.csv 0"
cat "$dir/src_half/f00000004.csv" >"$dir/land_half/.f00000004.csv.tmp"
mv "$dir/land_half/.f00000004.csv.tmp" "$dir/land_half/f00000004.csv"
wait_applied half "$dir/land_half/f00000004.csv"
check "rename: renamed into place it is applied" "$?" 0
# inotify: a file renamed into the folder wakes the worker, which would
# otherwise sleep for its poll interval (a minute here)
sql -c "SELECT zfdw.alter_subscription('half', options => '{\"poll_interval\": 60000}')" >/dev/null
sleep 2
cp "$dir/src_half/f00000005.csv" "$dir/land_half/.f00000005.csv.tmp"
t0=$(date +%s.%N)
mv "$dir/land_half/.f00000005.csv.tmp" "$dir/land_half/f00000005.csv"
wait_applied half "$dir/land_half/f00000005.csv" 75
rc=$?
echo "inotify: renamed to applied in $(awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN {printf "%.2f", b - a}') s, with poll_interval 60 s"
check "inotify: a file renamed into the folder is applied long before the next poll" "$rc" 0
# the reference of the five files, computed again outside zfdw
mkdir -p "$dir/ref_half"
python3 "$gen" --dir "$dir/ref_half" --files 5 --txns 30 --accounts 50 --landing rename --seed 2 \
	--reference "$dir/ref_half.csv" >/dev/null
check "half: the cache equals the reference, no error was recorded" \
	"$(differences acct_half "$dir/ref_half.csv"):$(sql -c "SELECT errors FROM zfdw.replication_status WHERE subscription = 'half'")" 0:0

echo "== 3. kill -9 of the worker and of the postmaster while files land"
python3 "$gen" --dir "$dir/land_crash" --files 150 --accounts 2000 --landing marker \
	--rate 6000 --interval 0.1 --seed 3 --reference "$dir/ref_crash.csv" --counts >"$dir/counts_crash" &
gen_pid=$!
bg_pids+=("$gen_pid")
kills_worker=0
kills_postmaster=0
for i in $(seq 1 "$KILLS"); do
	sleep "$(awk -v r=$RANDOM 'BEGIN {printf "%.2f", 0.3 + r / 32768 * 1.2}')"
	if [ $((RANDOM % 3)) -eq 0 ]; then
		pm=$(head -1 "$dir/data/postmaster.pid" 2>/dev/null)
		if [ -n "$pm" ] && zf_as_root kill -9 "$pm"; then
			kills_postmaster=$((kills_postmaster + 1))
		fi
		sleep 0.3
		start_server
	else
		pid=$(sql -c "SELECT a.pid FROM pg_stat_activity a JOIN zfdw.subscription_state st ON st.worker_pid = a.pid
					  JOIN zfdw.subscription s ON s.id = st.subscription
					  WHERE a.backend_type = 'zfdw subscription' AND s.name = 'crash'" 2>/dev/null)
		if [ -n "$pid" ] && zf_as_root kill -9 "$pid"; then
			kills_worker=$((kills_worker + 1))
		fi
	fi
	server_up
done
wait "$gen_pid"
server_up
echo "killed the worker $kills_worker times and the postmaster $kills_postmaster times"
check "crash: killed many times" "$(( kills_worker + kills_postmaster >= KILLS / 2 ))" 1
wait_applied crash "$dir/land_crash/f00000150.csv" 900
check "crash: after the restarts the worker applied every file" "$?" 0
check "crash: the cache equals the uninterrupted reference" \
	"$(differences acct_crash "$dir/ref_crash.csv")" 0
check "crash: no change applied twice (counts equal the generator's)" \
	"$(sql -c "SELECT inserted || ' ' || updated || ' ' || deleted FROM zfdw.replication_status WHERE subscription = 'crash'")" \
	"$(cat "$dir/counts_crash")"
check "crash: the server went through crash recovery" \
	"$(grep -c 'terminated by signal 9' "$dir/server.log" | awk '{print ($1 > 0)}')" 1

echo "subscription test took $(( $(date +%s) - start )) s"
echo "subscription: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
