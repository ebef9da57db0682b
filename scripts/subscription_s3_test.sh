#!/usr/bin/env bash
#-------------------------------------------------------------------------
#
# subscription_s3_test.sh
#	  End-to-end tests of subscriptions that follow an S3 prefix, against
#	  the loopback servers of test/s3 (s3rver, a Node.js implementation of
#	  S3, and the fault server, which checks every signature with botocore
#	  and serves the files of a folder, listed anew at every request):
#	  1. objects are uploaded to s3rver (curl PUT) while the worker runs
#	     and a reader checks, snapshot after snapshot, that every source
#	     transaction is visible whole; the final table equals the
#	     reference state computed by test/subscription/transfers.py;
#	  2. the marker rule: an object without its done-marker is not
#	     applied, with it it is;
#	  3. faults: GETs answered 503 and listings answered 503 are recorded
#	     in zfdw.replication_status and retried until the objects are
#	     applied, and the table equals the reference;
#	  4. the stable rule: an object rewritten is applied once its size and
#	     ETag have not changed for stable_ms;
#	  5. credentials: a worker signs with its owner's user mapping only;
#	     an owner without one is refused (403, recorded), although the
#	     server process has valid keys in its credentials file; with a
#	     user mapping it applies.
#	  Prints "subscription-s3: N passed, M failed".
#
#	Needs the extension installed (make install, or ZF_DESTDIR set after
#	make install DESTDIR=$ZF_DESTDIR).
#
#-------------------------------------------------------------------------
set -u
. "$(dirname "$0")/lib.sh"
. "$ZF_ROOT/test/s3/servers.sh"

gen="$ZF_ROOT/test/subscription/transfers.py"
dir=$(zf_scratch_dir subscription-s3)
port=$(zf_free_port 55790)
passed=0
failed=0
bg_pids=()

cleanup() {
	for p in "${bg_pids[@]}"; do kill "$p" 2>/dev/null; done
	zf_cluster_stop "$dir"
	zf_s3_stop
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

fail_all() {
	echo "$1"
	echo "subscription-s3: 0 passed, 1 failed"
	exit 1
}

sql() {
	PGOPTIONS="-c client_min_messages=warning" \
		zf_psql "$dir" "$port" -d postgres -Atq -v ON_ERROR_STOP=1 "$@"
}

# wait until subscription $1 has applied object $2 and nothing waits
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

# PUT a file to s3rver's bucket zfdw-test under key $2
put_s3rver() {
	curl -sS -f --aws-sigv4 "aws:amz:us-east-1:s3" --user S3RVER:S3RVER \
		-H "x-amz-content-sha256: UNSIGNED-PAYLOAD" -T "$1" "$ZF_S3RVER_ENDPOINT/zfdw-test/$2" >/dev/null
}

start=$(date +%s)

# ---- the servers: s3rver, and a fault server over a folder of ours ----
# node runs s3rver, which zf_s3_install puts under its npm cache
"$ZF_ROOT/scripts/deps.sh" nodejs python3-botocore curl || fail_all "s3: could not install the servers"
zf_s3_install || fail_all "s3: could not install the servers"
mkdir -p "$dir/s3/s3rver" "$dir/fault" "$dir/stage"
chmod 755 "$dir/s3" "$dir/fault" "$dir/stage"
/usr/bin/python3 "$ZF_ROOT/test/s3/s3_fault_server.py" --root "$dir/fault" \
	--port-file "$dir/s3/fault.port" --stats "$dir/s3/fault.stats" \
	--access-key "$ZF_S3_FAULT_KEY" --secret-key "$ZF_S3_FAULT_SECRET" \
	>"$dir/s3/fault.log" 2>&1 &
zf_s3_pids+=($!)
for _ in $(seq 1 100); do
	[ -s "$dir/s3/fault.port" ] && break
	sleep 0.1
done
[ -s "$dir/s3/fault.port" ] || fail_all "s3: the fault server did not start"
ZF_S3FAULT_ENDPOINT=http://127.0.0.1:$(cat "$dir/s3/fault.port")
s3port=$(zf_free_port 54598)
node "$ZF_S3_NPM_CACHE/node_modules/s3rver/bin/s3rver.js" -d "$dir/s3/s3rver" \
	-a 127.0.0.1 -p "$s3port" --silent --no-vhost-buckets --configure-bucket zfdw-test \
	>"$dir/s3/s3rver.log" 2>&1 &
zf_s3_pids+=($!)
zf_s3_wait_port "$s3port" || fail_all "s3: s3rver did not start"
ZF_S3RVER_ENDPOINT=http://127.0.0.1:$s3port
echo "s3: s3rver at $ZF_S3RVER_ENDPOINT, fault server at $ZF_S3FAULT_ENDPOINT"

# The server process holds valid keys of the fault server (a credentials
# file, as an operator might leave it): a worker must not use them.
printf '[zfdwtest]\naws_access_key_id = %s\naws_secret_access_key = %s\n' \
	"$ZF_S3_FAULT_KEY" "$ZF_S3_FAULT_SECRET" >"$dir/s3/credentials"
chmod 644 "$dir/s3/credentials"

preload=zfdw
[ -n "${ZF_DESTDIR:-}" ] && preload='$libdir/zfdw'
AWS_SHARED_CREDENTIALS_FILE="$dir/s3/credentials" AWS_PROFILE=zfdwtest \
	zf_cluster_start "$dir" "$port" "shared_preload_libraries='$preload'" \
	"max_worker_processes=16" || fail_all "could not start the cluster"

columns="op text, position bigint, txid bigint, commit_ts timestamptz, id int, balance numeric"
sql >/dev/null <<SQL
CREATE EXTENSION zfdw;
CREATE ROLE sub_owner LOGIN;
CREATE ROLE nomap_owner LOGIN;
CREATE SERVER bucket FOREIGN DATA WRAPPER zfdw
	OPTIONS (codepage 'utf8', s3_endpoint '$ZF_S3RVER_ENDPOINT', aws_region 'us-east-1');
CREATE SERVER faulty FOREIGN DATA WRAPPER zfdw
	OPTIONS (codepage 'utf8', s3_endpoint '$ZF_S3FAULT_ENDPOINT', compression 'none');
CREATE USER MAPPING FOR sub_owner SERVER bucket
	OPTIONS (aws_access_key_id 'S3RVER', aws_secret_access_key 'S3RVER');
CREATE USER MAPPING FOR sub_owner SERVER faulty
	OPTIONS (aws_access_key_id '$ZF_S3_FAULT_KEY', aws_secret_access_key '$ZF_S3_FAULT_SECRET');
CREATE FOREIGN TABLE feed_e2e ($columns)
	SERVER bucket OPTIONS (filename 's3://zfdw-test/land/*.csv', format 'delimited');
CREATE FOREIGN TABLE feed_fault ($columns)
	SERVER faulty OPTIONS (filename 's3://zfdw-fault/f/503x3/mark/*.csv', format 'delimited');
CREATE FOREIGN TABLE feed_list ($columns)
	SERVER faulty OPTIONS (filename 's3://zfdw-fault/f/list503x4/list/*.csv', format 'delimited');
CREATE FOREIGN TABLE feed_stable ($columns)
	SERVER faulty OPTIONS (filename 's3://zfdw-fault/stable/*.csv', format 'delimited');
CREATE FOREIGN TABLE feed_nomap ($columns)
	SERVER faulty OPTIONS (filename 's3://zfdw-fault/nomap/*.csv', format 'delimited');
GRANT SELECT ON feed_e2e, feed_fault, feed_list, feed_stable TO sub_owner;
GRANT SELECT ON feed_nomap TO nomap_owner;
GRANT CREATE ON SCHEMA public TO sub_owner, nomap_owner;
-- one retry inside a request: the faults then reach the worker
ALTER ROLE sub_owner SET zfdw.s3_max_retries = 1;
SET ROLE sub_owner;
CREATE TABLE acct_e2e (id int PRIMARY KEY, balance numeric NOT NULL, replicated_ts timestamptz);
CREATE TABLE acct_fault (LIKE acct_e2e INCLUDING ALL);
CREATE TABLE acct_list (LIKE acct_e2e INCLUDING ALL);
CREATE TABLE acct_stable (LIKE acct_e2e INCLUDING ALL);
GRANT SELECT ON acct_e2e TO PUBLIC;
SELECT zfdw.create_subscription('e2e', 'feed_e2e', 'acct_e2e', txid_column => 'txid',
	commit_ts_column => 'commit_ts', options => '{"landing": "rename", "poll_interval": 200}');
SELECT zfdw.create_subscription('fault', 'feed_fault', 'acct_fault', txid_column => 'txid',
	commit_ts_column => 'commit_ts', options => '{"landing": "marker", "poll_interval": 200, "max_backoff_ms": 1000}');
SELECT zfdw.create_subscription('list', 'feed_list', 'acct_list', txid_column => 'txid',
	commit_ts_column => 'commit_ts', options => '{"landing": "rename", "poll_interval": 200, "max_backoff_ms": 1000}');
SELECT zfdw.create_subscription('stable', 'feed_stable', 'acct_stable', txid_column => 'txid',
	options => '{"landing": "stable", "stable_ms": 2000, "poll_interval": 200}');
RESET ROLE;
SET ROLE nomap_owner;
CREATE TABLE acct_nomap (id int PRIMARY KEY, balance numeric NOT NULL, replicated_ts timestamptz);
SELECT zfdw.create_subscription('nomap', 'feed_nomap', 'acct_nomap', txid_column => 'txid',
	options => '{"landing": "rename", "poll_interval": 200, "max_backoff_ms": 1000}');
SQL
[ $? -eq 0 ] || fail_all "could not create the subscriptions"

echo "== 1. objects uploaded to s3rver while the worker runs and a reader checks"
ACCTS=300
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
						   WHERE subscription = 'e2e' AND last_file LIKE '%/f00000030.csv');
		PERFORM pg_sleep(0.005);
	END LOOP;
	RAISE NOTICE 'reader: % snapshots, % with rows, % partial', checks, nonempty, bad;
END \$\$;
SQL
chmod 644 "$dir/reader.sql"
PGOPTIONS="-c client_min_messages=notice" zf_psql "$dir" "$port" -d postgres -Atq \
	-f "$dir/reader.sql" >"$dir/reader.out" 2>&1 &
reader=$!
bg_pids+=("$reader")
python3 "$gen" --dir "$dir/stage" --files 30 --accounts $ACCTS --landing rename \
	--rate 2000 --interval 0.2 --seed 11 --reference "$dir/ref_e2e.csv" --counts >"$dir/counts_e2e" &
gen_pid=$!
bg_pids+=("$gen_pid")
# the uploader: each file the generator lands, PUT in name order
uploaded=0
while :; do
	running=1
	kill -0 "$gen_pid" 2>/dev/null || running=0
	for f in $(ls "$dir/stage" | grep -E '^f[0-9]+\.csv$' | sort); do
		n=$((10#${f:1:8}))
		[ "$n" -le "$uploaded" ] && continue
		put_s3rver "$dir/stage/$f" "land/$f" || { echo "upload of $f failed"; break 2; }
		uploaded=$n
	done
	[ "$running" -eq 0 ] && [ "$uploaded" -ge 30 ] && break
	[ "$running" -eq 0 ] && [ "$(ls "$dir/stage" | grep -cE '^f[0-9]+\.csv$')" -le "$uploaded" ] && break
	sleep 0.05
done
wait "$gen_pid"
check "e2e: 30 objects uploaded while the worker ran" "$uploaded" 30
wait_applied e2e "s3://zfdw-test/land/f00000030.csv"
check "e2e: the worker applied every object" "$?" 0
wait "$reader"
grep 'reader:' "$dir/reader.out" | sed 's/^.*NOTICE: *//'
check "e2e: the reader saw no part of a transaction" \
	"$(grep -c 'partial transaction' "$dir/reader.out")" 0
check "e2e: the cache equals the reference computed outside zfdw" \
	"$(differences acct_e2e "$dir/ref_e2e.csv")" 0
check "e2e: applied counts equal the generator's (each change once)" \
	"$(sql -c "SELECT inserted || ' ' || updated || ' ' || deleted FROM zfdw.replication_status WHERE subscription = 'e2e'")" \
	"$(cat "$dir/counts_e2e")"
check "e2e: the status shows the objects, their landing and no error" \
	"$(sql -c "SELECT state = 'idle' AND errors = 0 AND landing_to_applied IS NOT NULL AND lag_p95 IS NOT NULL
			   FROM zfdw.replication_status WHERE subscription = 'e2e'")" t
sql -c "SELECT 'e2e: ' || s.files_applied || ' objects, lag p50 ' || r.lag_p50 || ', p95 ' || r.lag_p95
		|| ', landing to applied (last) ' || r.landing_to_applied
		FROM zfdw.replication_status r JOIN zfdw.subscription u ON u.name = r.subscription
		JOIN zfdw.subscription_state s ON s.subscription = u.id WHERE r.subscription = 'e2e'"

echo "== 2. the marker rule, and GETs answered 503"
mkdir -p "$dir/fault/mark" "$dir/src_mark"
chmod 755 "$dir/fault/mark"
python3 "$gen" --dir "$dir/src_mark" --files 5 --txns 20 --accounts 40 --landing rename --seed 12 \
	--reference "$dir/ref_mark.csv" --counts >"$dir/counts_mark"
cp "$dir/src_mark/f00000001.csv" "$dir/fault/mark/"
sleep 3
check "marker: an object without its marker is not applied" \
	"$(sql -c "SELECT coalesce(last_file, '-') || ' ' || backlog_files FROM zfdw.replication_status WHERE subscription = 'fault'")" \
	"- 1"
touch "$dir/fault/mark/f00000001.csv.done"
for i in 2 3 4 5; do
	cp "$dir/src_mark/f0000000$i.csv" "$dir/fault/mark/"
	touch "$dir/fault/mark/f0000000$i.csv.done"
done
wait_applied fault "s3://zfdw-fault/f/503x3/mark/f00000005.csv"
check "503: the objects were applied in the end" "$?" 0
check "503: the errors were recorded in replication_status" \
	"$(sql -c "SELECT errors > 0 AND last_error LIKE '%503%' FROM zfdw.replication_status WHERE subscription = 'fault'")" t
sql -c "SELECT 'fault: ' || errors || ' errors, the last: ' || last_error FROM zfdw.replication_status WHERE subscription = 'fault'"
check "503: the cache equals the reference; each change applied once" \
	"$(differences acct_fault "$dir/ref_mark.csv"):$(sql -c "SELECT inserted || ' ' || updated || ' ' || deleted FROM zfdw.replication_status WHERE subscription = 'fault'")" \
	"0:$(cat "$dir/counts_mark")"

echo "== 3. listings answered 503"
mkdir -p "$dir/fault/list"
chmod 755 "$dir/fault/list"
python3 "$gen" --dir "$dir/fault/list" --files 4 --txns 20 --accounts 40 --landing rename --seed 13 \
	--reference "$dir/ref_list.csv" >/dev/null
wait_applied list "s3://zfdw-fault/f/list503x4/list/f00000004.csv"
check "list 503: the objects were applied after the listing failed" "$?" 0
check "list 503: the errors were recorded, the cache equals the reference" \
	"$(sql -c "SELECT errors >= 2 AND last_error LIKE '%503%' FROM zfdw.replication_status WHERE subscription = 'list'"):$(differences acct_list "$dir/ref_list.csv")" \
	"t:0"

echo "== 4. the stable rule: an object overwritten is applied once its ETag settles"
mkdir -p "$dir/fault/stable" "$dir/src_stable"
chmod 755 "$dir/fault/stable"
python3 "$gen" --dir "$dir/src_stable" --files 1 --txns 40 --accounts 30 --landing rename --seed 15 \
	--reference "$dir/ref_stable.csv" >/dev/null
f1=$dir/src_stable/f00000001.csv
size=$(stat -c %s "$f1")
head -c $((size / 2 + 3)) "$f1" >"$dir/fault/stable/f00000001.csv"
sleep 1.2
head -c $((size * 3 / 4)) "$f1" >"$dir/fault/stable/f00000001.csv"
sleep 1.5
check "stable: an object rewritten within stable_ms is not applied" \
	"$(sql -c "SELECT coalesce(last_file, '-') || ' ' || backlog_files || ' ' || errors FROM zfdw.replication_status WHERE subscription = 'stable'")" \
	"- 1 0"
cp "$f1" "$dir/fault/stable/f00000001.csv"
wait_applied stable "s3://zfdw-fault/stable/f00000001.csv"
check "stable: once its size and ETag have settled it is applied, whole" \
	"$?:$(differences acct_stable "$dir/ref_stable.csv")" "0:0"

echo "== 5. a worker signs with its owner's user mapping only"
mkdir -p "$dir/fault/nomap"
chmod 755 "$dir/fault/nomap"
python3 "$gen" --dir "$dir/fault/nomap" --files 2 --txns 10 --accounts 20 --landing rename --seed 14 \
	--reference "$dir/ref_nomap.csv" >/dev/null
sleep 3
check "credentials: without a user mapping the owner is refused (403), nothing applied" \
	"$(sql -c "SELECT state || ' ' || (last_error LIKE '%403%') || ' ' || coalesce(last_file, '-')
			   FROM zfdw.replication_status WHERE subscription = 'nomap'")" "error true -"
sql -c "SELECT 'nomap: ' || last_error FROM zfdw.replication_status WHERE subscription = 'nomap'"
sql -c "CREATE USER MAPPING FOR nomap_owner SERVER faulty
			OPTIONS (aws_access_key_id '$ZF_S3_FAULT_KEY', aws_secret_access_key '$ZF_S3_FAULT_SECRET')"
wait_applied nomap "s3://zfdw-fault/nomap/f00000002.csv"
check "credentials: with its user mapping the worker applies" \
	"$?:$(differences acct_nomap "$dir/ref_nomap.csv")" "0:0"

check "signatures: botocore computed every signature the same" \
	"$(sed -n 's/.*mismatched \([0-9]*\)$/\1/p' "$dir/s3/fault.stats")" 0
check "no secret in the server log" \
	"$(grep -c -F -e "$ZF_S3_FAULT_SECRET" "$dir/server.log")" 0

echo "subscription-s3 test took $(( $(date +%s) - start )) s"
echo "subscription-s3: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
