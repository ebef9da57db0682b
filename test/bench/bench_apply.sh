#!/usr/bin/env bash
#-------------------------------------------------------------------------
#
# bench_apply.sh
#	  Benchmark of zfdw.apply_changes (not a test): one million mixed
#	  changes (inserts, updates, some of them key changes, deletes) over
#	  200,000 keys in 200,000 source transactions, applied to a cache table
#	  that already holds 100,000 rows; timed in the same run as the plain
#	  SQL a hand-written apply would need at the least: one DELETE and one
#	  INSERT ... ON CONFLICT of the same net changes, from a heap table.
#	  Prints changes per second and the ratio.
#
#	Builds and installs zfdw into a private prefix (or uses ZF_DESTDIR).
#	ZF_BENCH_CHANGES overrides the size.
#
#-------------------------------------------------------------------------
set -u
. "$(dirname "$0")/../../scripts/lib.sh"

CHANGES=${ZF_BENCH_CHANGES:-1000000}
KEYS=$((CHANGES / 5))

zf_install_private || exit 1
dir=$(zf_scratch_dir bench-apply)
port=$(zf_free_port 55800)
trap 'zf_cluster_stop "$dir"; rm -rf "$dir" $ZF_OWN_DESTDIR' EXIT

sql() {
	PGOPTIONS="-c client_min_messages=warning" \
		zf_psql "$dir" "$port" -d postgres -Atq -v ON_ERROR_STOP=1 "$@"
}

# seconds taken by one psql call
timed() {
	local t0 t1
	t0=$(date +%s.%N)
	sql "$@" >/dev/null || exit 1
	t1=$(date +%s.%N)
	awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", b - a }'
}

# a / b with awk (bc is not on every machine)
div() {
	awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'
}

zf_cluster_start "$dir" "$port" shared_buffers=256MB max_wal_size=4GB || exit 1

echo "generating $CHANGES changes over $KEYS keys ..."
sql <<EOF
CREATE EXTENSION zfdw;
SELECT setseed(0.42);
-- the change feed: 20% inserts, 70% updates (1 in 50 moving the row to
-- another key through its before image), 10% deletes; 5 changes per
-- source transaction; a commit time per transaction
CREATE TABLE feed AS
SELECT g AS position,
	   (g + 4) / 5 AS txid,
	   timestamptz '2024-03-01 00:00:00+00' + ((g + 4) / 5) * interval '1 ms' AS commit_ts,
	   CASE WHEN r < 0.2 THEN 'I' WHEN r < 0.9 THEN 'U' ELSE 'D' END AS op,
	   1 + (hashint8(g) & 2147483647) % $KEYS AS acct_id,
	   CASE WHEN r >= 0.2 AND r < 0.9 AND g % 50 = 0
			THEN 1 + (hashint8(-g) & 2147483647) % $KEYS END AS before_acct_id,
	   'customer ' || g AS name,
	   round((r * 100000)::numeric, 2) AS balance,
	   (g % 97)::integer AS branch
  FROM (SELECT g, random() AS r FROM generate_series(1, $CHANGES) g) s;
CREATE TABLE cache_apply (acct_id bigint PRIMARY KEY, name text, balance numeric(12,2),
						  branch integer, replicated_ts timestamptz);
INSERT INTO cache_apply
SELECT k, 'initial', 0, 0, now() FROM generate_series(1, $KEYS, 2) k;
CREATE TABLE cache_plain (LIKE cache_apply INCLUDING ALL);
INSERT INTO cache_plain SELECT * FROM cache_apply;
CREATE TABLE cache_batched (LIKE cache_apply INCLUDING ALL);
INSERT INTO cache_batched SELECT * FROM cache_apply;

-- the net changes, worked out beforehand for the plain SQL: the last event
-- per key (a key-changing update also removes its old key)
CREATE TABLE net AS
SELECT DISTINCT ON (acct_id) acct_id, op, name, balance, branch
  FROM (SELECT position * 2 + 1 AS e, acct_id, op, name, balance, branch
		  FROM feed
		UNION ALL
		SELECT position * 2, before_acct_id, 'D', NULL, NULL, NULL
		  FROM feed WHERE before_acct_id IS NOT NULL AND before_acct_id <> acct_id) ev
 ORDER BY acct_id, e DESC;
VACUUM ANALYZE feed, net, cache_apply, cache_plain, cache_batched;
CHECKPOINT;
EOF
net=$(sql -c "SELECT count(*) FROM net")

echo "plain DELETE + INSERT ... ON CONFLICT of the $net net changes ..."
t_plain=$(timed <<'EOF'
BEGIN;
DELETE FROM cache_plain c USING net n WHERE n.op = 'D' AND c.acct_id = n.acct_id;
INSERT INTO cache_plain (acct_id, name, balance, branch, replicated_ts)
SELECT acct_id, name, balance, branch, now() FROM net WHERE op <> 'D'
    ON CONFLICT (acct_id) DO UPDATE
   SET name = EXCLUDED.name, balance = EXCLUDED.balance, branch = EXCLUDED.branch,
	   replicated_ts = EXCLUDED.replicated_ts;
COMMIT;
EOF
)
sql -c "CHECKPOINT"

echo "zfdw.apply_changes of the $CHANGES changes ..."
t_apply=$(timed -c "SELECT * FROM zfdw.apply_changes('feed', 'cache_apply', txid_column => 'txid', commit_ts_column => 'commit_ts')")
sql -c "CHECKPOINT"

echo "CALL zfdw.apply_changes_batched, batch_size 20000 transactions ..."
t_batched=$(timed -c "CALL zfdw.apply_changes_batched('feed', 'cache_batched', txid_column => 'txid', commit_ts_column => 'commit_ts', batch_size => 20000)")

same=$(sql -c "SELECT count(*) FROM (
	(SELECT acct_id, name, balance, branch FROM cache_apply
	 EXCEPT SELECT acct_id, name, balance, branch FROM cache_plain)
	UNION ALL
	(SELECT acct_id, name, balance, branch FROM cache_plain
	 EXCEPT SELECT acct_id, name, balance, branch FROM cache_apply)
	UNION ALL
	(SELECT acct_id, name, balance, branch FROM cache_batched
	 EXCEPT SELECT acct_id, name, balance, branch FROM cache_apply)) d")
counts=$(sql -c "SELECT format('%s inserts, %s updates, %s deletes', inserted, updated, deleted)
				   FROM zfdw.apply_state WHERE target = 'cache_apply'::regclass")

echo
echo "changes:               $CHANGES over $KEYS keys ($counts)"
echo "net changes:           $net"
printf "plain SQL (net only):  %.2f s\n" "$t_plain"
printf "apply_changes:         %.2f s, %.0f changes/s\n" "$t_apply" "$(div "$CHANGES" "$t_apply")"
printf "apply_changes_batched: %.2f s, %.0f changes/s\n" "$t_batched" "$(div "$CHANGES" "$t_batched")"
printf "ratio apply / plain:   %.2f\n" "$(div "$t_apply" "$t_plain")"
echo "tables equal:          $([ "$same" = 0 ] && echo yes || echo "NO ($same rows differ)")"
