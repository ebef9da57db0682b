#!/usr/bin/env bash
#-------------------------------------------------------------------------
#
# bench_compressed.sh
#	  Compressed against uncompressed scans, side by side in one run on one
#	  cluster: sum(balance) over the N 80-byte EBCDIC account records of
#	  bench_scan.sh, read from the file as it is and from copies compressed
#	  by gzip (level 6, its default), zstd (level 3, its default) and bzip2
#	  (level 9, its default), and from the gzip copy through
#	  program 'gzip -dc' (the way before zfdw read compressed files).  The
#	  compressed copies are made once per size beside the data.  Prints
#	  figures and ratios; asserts nothing.
#
#	  BENCH_ROWS (default 5000000), BENCH_REPEAT (default 3 rounds, best
#	  taken), BENCH_WORK (default test/bench/work: where the data is)
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

# data, generated once per size by a committed program, then compressed
dat="$work/acct_$rows.dat"
if [ ! -f "$dat" ]; then
	cc -std=gnu11 -O2 -I"$ZF_ROOT/src/core" -o "$work/gen_accounts" \
		"$here/gen_accounts.c" $(find "$ZF_ROOT/src/core" -name '*.c' | sort) -lz -lbz2 -lzstd -lcurl -lcrypto -lm
	echo "generating $rows records"
	"$work/gen_accounts" "$rows" "$dat" "$work/acct_$rows.csv"
fi
[ -f "$dat.gz" ] || { echo "gzip"; gzip -c "$dat" > "$dat.gz.tmp" && mv "$dat.gz.tmp" "$dat.gz"; }
[ -f "$dat.zst" ] || { echo "zstd"; zstd -q -c "$dat" > "$dat.zst.tmp" && mv "$dat.zst.tmp" "$dat.zst"; }
[ -f "$dat.bz2" ] || { echo "bzip2"; bzip2 -c "$dat" > "$dat.bz2.tmp" && mv "$dat.bz2.tmp" "$dat.bz2"; }
chmod 644 "$dat" "$dat".*
ls -l "$dat" "$dat".*

# the extension, installed into a private prefix
zf_install_private

dir=$(zf_scratch_dir bench)
port=$(zf_free_port 58462)
trap 'zf_cluster_stop "$dir"; rm -rf "$dir" $ZF_OWN_DESTDIR' EXIT
zf_cluster_start "$dir" "$port" "shared_buffers=256MB" "work_mem=64MB" "jit=off"

zf_psql "$dir" "$port" -q -v ON_ERROR_STOP=1 -v rows="$rows" -v repeat="$repeat" \
	-v dat="$dat" -v cpy="$here/ACCT80.cpy" -f "$here/bench_compressed.sql"
