#!/usr/bin/env bash
#-------------------------------------------------------------------------
#
# bench_scan.sh
#	  Scan speed, side by side in one run on one cluster: sum(balance) over
#	  N 80-byte EBCDIC account records (packed balances) read by zfdw, by
#	  file_fdw over the same values as CSV, and from a heap table; then
#	  zfdw with 2 parallel workers, and 1,000 random keys joined from a
#	  local table to the sorted file (key seeks) against a heap table with
#	  a btree index; then the pushdowns: sum(balance) and a GROUP BY
#	  computed inside the scan, a filter keeping 1% of the records tested
#	  on the record bytes, each against the heap table and with 2
#	  workers (the heap's own 2-worker speed-up beside them), and the
#	  same queries with the pushdowns turned off.  Prints figures and
#	  ratios; asserts nothing.
#
#	  BENCH_ROWS (default 5000000), BENCH_REPEAT (default 5 rounds, best
#	  taken), BENCH_WORK (default test/bench/work: the generated files)
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

# data, generated once per size by a committed program
cc -std=gnu11 -O2 -I"$ZF_ROOT/src/core" -o "$work/gen_accounts" \
	"$here/gen_accounts.c" $(find "$ZF_ROOT/src/core" -name '*.c' | sort) -lz -lbz2 -lzstd -lcurl -lcrypto -lm
if [ ! -f "$work/acct_$rows.dat" ]; then
	echo "generating $rows records"
	"$work/gen_accounts" "$rows" "$work/acct_$rows.dat" "$work/acct_$rows.csv"
fi
chmod 644 "$work"/*.dat "$work"/*.csv

# the extension, installed into a private prefix
zf_install_private

dir=$(zf_scratch_dir bench)
port=$(zf_free_port 58432)
trap 'zf_cluster_stop "$dir"; rm -rf "$dir" $ZF_OWN_DESTDIR' EXIT
zf_cluster_start "$dir" "$port" "shared_buffers=2GB" "work_mem=64MB" \
	"max_parallel_workers_per_gather=2" "jit=off"

zf_psql "$dir" "$port" -q -v ON_ERROR_STOP=1 -v rows="$rows" -v repeat="$repeat" \
	-v dat="$work/acct_$rows.dat" -v csv="$work/acct_$rows.csv" \
	-v cpy="$here/ACCT80.cpy" -f "$here/bench_scan.sql"
