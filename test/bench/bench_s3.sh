#!/usr/bin/env bash
#-------------------------------------------------------------------------
#
# bench_s3.sh
#	  S3 scan speed: sum(balance) over N 80-byte EBCDIC account records
#	  read by zfdw from an object of the loopback S3 server (s3rver) and
#	  from the local file, serial and with 2 parallel workers; the raw
#	  download of the same object by curl as the ceiling; a key seek into
#	  the sorted object (its requests, from EXPLAIN ANALYZE); ANALYZE of
#	  the object.  Prints figures and ratios; asserts nothing.
#
#	  BENCH_ROWS (default 5000000), BENCH_REPEAT (default 3 rounds, best
#	  taken), BENCH_WORK (default test/bench/work: the generated files,
#	  shared with bench_scan.sh)
#
#-------------------------------------------------------------------------
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
. "$here/../../scripts/lib.sh"
rows=${BENCH_ROWS:-5000000}
repeat=${BENCH_REPEAT:-3}
work=${BENCH_WORK:-$here/work}
mkdir -p "$work"
chmod 755 "$work"

# data, generated once per size by a committed program
if [ ! -f "$work/acct_$rows.dat" ]; then
	cc -std=gnu11 -O2 -I"$ZF_ROOT/src/core" -o "$work/gen_accounts" \
		"$here/gen_accounts.c" $(find "$ZF_ROOT/src/core" -name '*.c' | sort) -lz -lbz2 -lzstd -lcurl -lcrypto -lm
	echo "generating $rows records"
	"$work/gen_accounts" "$rows" "$work/acct_$rows.dat" "$work/acct_$rows.csv"
fi
chmod 644 "$work/acct_$rows.dat"

zf_install_private
dir=$(zf_scratch_dir bench-s3)
port=$(zf_free_port 58532)
. "$ZF_ROOT/test/s3/servers.sh"
cleanup() {
	zf_cluster_stop "$dir"
	zf_s3_stop
	rm -rf "$dir" $ZF_OWN_DESTDIR
}
trap cleanup EXIT
zf_s3_start "$dir"
object=$ZF_S3RVER_ENDPOINT/zfdw-test/bench/acct_$rows.dat
curl -sS -f --aws-sigv4 "aws:amz:us-east-1:s3" --user S3RVER:S3RVER \
	-H "x-amz-content-sha256: UNSIGNED-PAYLOAD" -T "$work/acct_$rows.dat" "$object" >/dev/null

# the ceiling: curl downloading the object, best of the rounds
best_curl=
for _ in $(seq 1 "$repeat"); do
	t=$(curl -sS -f -o /dev/null -w '%{time_total}' --aws-sigv4 "aws:amz:us-east-1:s3" \
		--user S3RVER:S3RVER -H "x-amz-content-sha256: UNSIGNED-PAYLOAD" "$object")
	if [ -z "$best_curl" ] || awk "BEGIN { exit !($t < $best_curl) }"; then
		best_curl=$t
	fi
done
curl_ms=$(awk "BEGIN { printf \"%.1f\", $best_curl * 1000 }")

zf_cluster_start "$dir" "$port" "shared_buffers=256MB" "work_mem=64MB" \
	"max_parallel_workers_per_gather=2" "jit=off"
zf_psql "$dir" "$port" -q -v ON_ERROR_STOP=1 -v rows="$rows" -v repeat="$repeat" \
	-v dat="$work/acct_$rows.dat" -v cpy="$here/ACCT80.cpy" \
	-v endpoint="$ZF_S3RVER_ENDPOINT" -v object="s3://zfdw-test/bench/acct_$rows.dat" \
	-v curl_ms="$curl_ms" -f "$here/bench_s3.sql"
