#!/usr/bin/env bash
#-------------------------------------------------------------------------
#
# crash_test.sh
#	  The crash-and-resume test of zfdw.apply_changes_batched: apply a long
#	  backlog, interrupt the backend in the middle (pg_terminate_backend,
#	  then kill -9 for a real crash with recovery), check that what was
#	  committed is exactly the source up to the committed mark, resume, and
#	  check that the final table equals an uninterrupted run's.  Prints
#	  "crash: N passed, M failed".
#
#	Needs the extension installed (make install, or ZF_DESTDIR set after
#	make install DESTDIR=$ZF_DESTDIR).
#
#-------------------------------------------------------------------------
set -u
. "$(dirname "$0")/lib.sh"

CHANGES=${ZF_CRASH_CHANGES:-600000}
BATCH=${ZF_CRASH_BATCH:-400}

dir=$(zf_scratch_dir crash)
port=$(zf_free_port 55700)
passed=0
failed=0
bg_pid=

cleanup() {
	[ -n "$bg_pid" ] && kill "$bg_pid" 2>/dev/null
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

# wait until the target's mark has moved at least once
wait_for_progress() {
	local i
	for i in $(seq 1 600); do
		if [ -n "$(sql -c "SELECT high_water FROM zfdw.apply_state WHERE target = '$1'::regclass AND high_water IS NOT NULL")" ]; then
			return 0
		fi
		sleep 0.05
	done
	return 1
}

# The committed state must be exactly the source up to the committed mark,
# applied in one go; then a resumed run must finish at the reference.
check_resume() {
	local target=$1 how=$2 mark
	mark=$(sql -c "SELECT high_water_text FROM zfdw.apply_state WHERE target = '$target'::regclass")
	check "$how: interrupted in the middle (mark $mark of $CHANGES)" \
		"$(sql -c "SELECT $mark > 0 AND $mark < $CHANGES")" t
	sql -c "DROP TABLE IF EXISTS prefix; CREATE TABLE prefix (LIKE ref INCLUDING ALL);
			CREATE OR REPLACE VIEW feed_prefix AS SELECT * FROM feed WHERE position <= $mark;
			SELECT count(*) FROM zfdw.apply_changes('feed_prefix', 'prefix', txid_column => 'txid');" >/dev/null
	check "$how: committed rows are the source up to the mark, once" \
		"$(sql -c "SELECT count(*) FROM ((TABLE prefix EXCEPT TABLE $target) UNION ALL (TABLE $target EXCEPT TABLE prefix)) d" \
			| tr -d ' ')" 0
	sql -c "CALL zfdw.apply_changes_batched('feed', '$target', txid_column => 'txid', stamp_column => NULL, batch_size => $BATCH)"
	check "$how: resumed run ends at the last position" \
		"$(sql -c "SELECT high_water_text FROM zfdw.apply_state WHERE target = '$target'::regclass")" "$CHANGES"
	check "$how: final table equals the uninterrupted run's" \
		"$(sql -c "SELECT count(*) FROM ((TABLE ref EXCEPT TABLE $target) UNION ALL (TABLE $target EXCEPT TABLE ref)) d")" 0
	check "$how: counts add up to the uninterrupted run's" \
		"$(sql -c "SELECT inserted || '/' || updated || '/' || deleted FROM zfdw.apply_state WHERE target = '$target'::regclass")" \
		"$(sql -c "SELECT inserted || '/' || updated || '/' || deleted FROM zfdw.apply_state WHERE target = 'ref'::regclass")"
}

start=$(date +%s)
zf_cluster_start "$dir" "$port" || { echo "crash: 0 passed, 1 failed"; exit 1; }

# A backlog: CHANGES changes over 50,000 keys in transactions of four, with
# key-changing updates and deletes, generated without randomness.
sql >/dev/null <<EOF
CREATE EXTENSION zfdw;
CREATE TABLE feed AS
SELECT g AS position,
	   (g + 3) / 4 AS txid,
	   CASE WHEN g % 10 = 0 THEN 'D' WHEN g % 10 < 3 THEN 'I' ELSE 'U' END AS op,
	   1 + (g::bigint * 7919) % 50000 AS id,
	   CASE WHEN g % 23 = 0 THEN 1 + (g::bigint * 7919 + 13) % 50000 END AS before_id,
	   'value ' || g AS val,
	   (g % 1000)::numeric / 10 AS amount
  FROM generate_series(1, $CHANGES) g;
CREATE TABLE ref (id bigint PRIMARY KEY, val text, amount numeric);
CREATE TABLE killed (LIKE ref INCLUDING ALL);
CREATE TABLE crashed (LIKE ref INCLUDING ALL);
SELECT count(*) FROM zfdw.apply_changes('feed', 'ref', txid_column => 'txid');
EOF

# 1. pg_terminate_backend from another session
sql -c "CALL zfdw.apply_changes_batched('feed', 'killed', txid_column => 'txid', stamp_column => NULL, batch_size => $BATCH)" \
	>"$dir/killed.out" 2>&1 &
bg_pid=$!
if wait_for_progress killed; then
	sleep 0.5
	sql -c "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query LIKE 'CALL zfdw.apply_changes_batched(''feed'', ''killed''%'" >/dev/null
fi
wait "$bg_pid"
check "terminate: the call was interrupted" "$(grep -c 'terminating connection' "$dir/killed.out")" 1
bg_pid=
check_resume killed terminate

# 2. kill -9 of the backend: the server goes through crash recovery
cat >"$dir/crash.sql" <<EOF
\o $dir/crash.pid
SELECT pg_backend_pid();
\o
CALL zfdw.apply_changes_batched('feed', 'crashed', txid_column => 'txid', stamp_column => NULL, batch_size => $BATCH);
EOF
chmod 644 "$dir/crash.sql"
sql -f "$dir/crash.sql" >"$dir/crashed.out" 2>&1 &
bg_pid=$!
if wait_for_progress crashed; then
	sleep 0.5
	zf_as_root kill -9 "$(cat "$dir/crash.pid")"
fi
wait "$bg_pid"
bg_pid=
for i in $(seq 1 120); do
	"$(zf_pg_bindir)/pg_isready" -q -h "$dir" -p "$port" && break
	sleep 0.5
done
check "kill -9: the backend crashed and the server recovered" \
	"$(grep -c 'terminated by signal 9' "$dir/server.log"):$(grep -c 'database system is ready to accept connections' "$dir/server.log")" 1:2
check_resume crashed "kill -9"

echo "crash test took $(( $(date +%s) - start )) s"
echo "crash: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
