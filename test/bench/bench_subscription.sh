#!/usr/bin/env bash
#-------------------------------------------------------------------------
#
# bench_subscription.sh
#	  Benchmark of a subscription (not a test):
#	  1. paced: test/subscription/transfers.py lands a file of balanced
#	     transfers every 0.25 s at 3,200 changes per second for five
#	     minutes (ZF_BENCH_SECONDS); a row trigger on the cache logs, for
#	     every row written, the time from its source commit (the commit_ts
#	     in the file) to the apply; prints p50/p95/max of that lag, and
#	     what zfdw.replication_status says;
#	  2. full speed: ZF_BENCH_CHANGES changes (default 1,000,000) land at
#	     once as 100 files; prints the changes per second from landing
#	     to the backlog drained.
#
#	ZF_BENCH_POLL sets the subscriptions' poll_interval (default 100 ms;
#	a local folder's worker also wakes on inotify, so a longer interval
#	shows what the wake-up saves).
#
#	Builds and installs zfdw into a private prefix (or uses ZF_DESTDIR).
#
#-------------------------------------------------------------------------
set -u
. "$(dirname "$0")/../../scripts/lib.sh"

SECONDS_PACED=${ZF_BENCH_SECONDS:-300}
CHANGES=${ZF_BENCH_CHANGES:-1000000}
RATE=${ZF_BENCH_RATE:-3200}
POLL=${ZF_BENCH_POLL:-100}
gen="$ZF_ROOT/test/subscription/transfers.py"

zf_install_private || exit 1
dir=$(zf_scratch_dir bench-subscription)
port=$(zf_free_port 55850)
trap 'zf_cluster_stop "$dir"; rm -rf "$dir" $ZF_OWN_DESTDIR' EXIT

sql() {
	PGOPTIONS="-c client_min_messages=warning" \
		zf_psql "$dir" "$port" -d postgres -Atq -v ON_ERROR_STOP=1 "$@"
}

# wait until subscription $1 has applied file $2 (or a later one: names
# sort in landing order) and nothing waits
wait_applied() {
	local i
	for i in $(seq 1 6000); do
		[ "$(sql -c "SELECT last_file >= '$2' AND backlog_files = 0 FROM zfdw.replication_status WHERE subscription = '$1'")" = t ] && return 0
		sleep 0.1
	done
	return 1
}

zf_cluster_start "$dir" "$port" "shared_buffers=256MB" "max_wal_size=4GB" || exit 1
mkdir -p "$dir/paced" "$dir/full" "$dir/stage"
chmod 755 "$dir/paced" "$dir/full" "$dir/stage"
sql >/dev/null <<SQL
CREATE EXTENSION zfdw;
CREATE SERVER csv FOREIGN DATA WRAPPER zfdw OPTIONS (codepage 'utf8');
CREATE FOREIGN TABLE feed_paced (op text, position bigint, txid bigint, commit_ts timestamptz, id int, balance numeric)
	SERVER csv OPTIONS (filename '$dir/paced/*.csv', format 'delimited');
CREATE FOREIGN TABLE feed_full (op text, position bigint, txid bigint, commit_ts timestamptz, id int, balance numeric)
	SERVER csv OPTIONS (filename '$dir/full/*.csv', format 'delimited');
CREATE TABLE acct_paced (id int PRIMARY KEY, balance numeric, commit_ts timestamptz, replicated_ts timestamptz);
CREATE UNLOGGED TABLE lag_log (lag interval);
CREATE FUNCTION log_lag() RETURNS trigger LANGUAGE plpgsql AS \$\$
BEGIN
	INSERT INTO lag_log VALUES (NEW.replicated_ts - NEW.commit_ts);
	RETURN NULL;
END \$\$;
CREATE TRIGGER log_lag AFTER INSERT OR UPDATE ON acct_paced FOR EACH ROW EXECUTE FUNCTION log_lag();
CREATE TABLE acct_full (id int PRIMARY KEY, balance numeric, replicated_ts timestamptz);
SELECT zfdw.create_subscription('paced', 'feed_paced', 'acct_paced', txid_column => 'txid',
	commit_ts_column => 'commit_ts', options => '{"landing": "rename", "poll_interval": $POLL}');
SELECT zfdw.create_subscription('full', 'feed_full', 'acct_full', txid_column => 'txid',
	commit_ts_column => 'commit_ts', options => '{"landing": "rename", "poll_interval": $POLL}');
SQL

echo "== 1. $RATE changes/s landing every 0.25 s for $SECONDS_PACED s"
nice -n 10 python3 "$gen" --dir "$dir/paced" --accounts 20000 --landing rename \
	--rate "$RATE" --interval 0.25 --seconds "$SECONDS_PACED" --seed 6 --counts >"$dir/counts_paced" &
gen_pid=$!
# the first file opens the accounts (20,000 inserts): its rows are left out
wait_applied paced "$dir/paced/f00000001.csv"
sql -c "TRUNCATE lag_log"
wait "$gen_pid"
last=$(ls "$dir/paced" | grep -E '^f[0-9]+\.csv$' | tail -1)
wait_applied paced "$dir/paced/$last"
echo "changes landed: $(awk '{print $1 + $2 + $3}' "$dir/counts_paced") in $(ls "$dir/paced" | grep -cE '^f[0-9]+\.csv$') files"
sql -c "SELECT 'lag from source commit to apply, per row written: p50 ' ||
			   round(extract(epoch FROM percentile_cont(0.5) WITHIN GROUP (ORDER BY lag))::numeric, 3) || ' s, p95 ' ||
			   round(extract(epoch FROM percentile_cont(0.95) WITHIN GROUP (ORDER BY lag))::numeric, 3) || ' s, max ' ||
			   round(extract(epoch FROM max(lag))::numeric, 3) || ' s over ' || count(*) || ' rows'
		  FROM lag_log"
sql -c "SELECT 'replication_status over the last 5 minutes: p50 ' || lag_p50 || ', p95 ' || lag_p95 || ', max ' || lag_max
			   || ', landing to applied (last file) ' || landing_to_applied
		  FROM zfdw.replication_status WHERE subscription = 'paced'"

echo "== 2. $CHANGES changes landing at once"
nice -n 10 python3 "$gen" --dir "$dir/stage" --files 100 --txns $((CHANGES / 100 / 2)) --accounts 100000 \
	--landing rename --seed 7 --counts >"$dir/counts_full"
total=$(awk '{print $1 + $2 + $3}' "$dir/counts_full")
t0=$(date +%s.%N)
mv "$dir"/stage/f*.csv "$dir/full/"
wait_applied full "$dir/full/f00000100.csv"
t1=$(date +%s.%N)
awk -v n="$total" -v a="$t0" -v b="$t1" \
	'BEGIN {printf "%d changes from landing to drained in %.1f s: %.0f changes/s\n", n, b - a, n / (b - a)}'
sql -c "SELECT 'files applied ' || files_applied || ' in ' || (SELECT count(*) FROM zfdw.subscription_lag l WHERE l.subscription = s.subscription)
			   || ' transactions' FROM zfdw.subscription_state s JOIN zfdw.subscription u ON u.id = s.subscription WHERE u.name = 'full'"
