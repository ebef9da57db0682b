#!/usr/bin/env bash
#-------------------------------------------------------------------------
#
# bench_memory.sh
#	  A scan runs in constant memory: the peak resident size (VmHWM) of the
#	  backend that scans a small and a large file of 80-byte account
#	  records (ACCT80.cpy: zoned, text and packed fields decoded), each in
#	  a fresh connection, without parallel workers.  Prints the figures;
#	  asserts nothing.
#
#	  BENCH_MEMORY_SIZES: record counts (default "131072 26843546":
#	  10 MiB and 2 GiB).  The files go to test/bench/work/ (ignored by
#	  git) and are deleted at the end unless BENCH_KEEP=1.
#
#-------------------------------------------------------------------------
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
. "$here/../../scripts/lib.sh"
sizes=${BENCH_MEMORY_SIZES:-"131072 26843546"}
work="$here/work"
mkdir -p "$work"
chmod 755 "$work"

cc -std=gnu11 -O2 -I"$ZF_ROOT/src/core" -o "$work/gen_accounts" \
	"$here/gen_accounts.c" $(find "$ZF_ROOT/src/core" -name '*.c' | sort) -lz -lbz2 -lzstd -lcurl -lcrypto -lm
for n in $sizes; do
	if [ ! -f "$work/mem_$n.dat" ]; then
		"$work/gen_accounts" "$n" "$work/mem_$n.dat" /dev/null
	fi
	chmod 644 "$work/mem_$n.dat"
done

zf_install_private

dir=$(zf_scratch_dir bench-memory)
port=$(zf_free_port 58532)
cleanup() {
	zf_cluster_stop "$dir"
	rm -rf "$dir" $ZF_OWN_DESTDIR
	if [ "${BENCH_KEEP:-0}" != 1 ]; then
		for n in $sizes; do rm -f "$work/mem_$n.dat"; done
	fi
}
trap cleanup EXIT
zf_cluster_start "$dir" "$port" "max_parallel_workers_per_gather=0" "jit=off"
zf_psql "$dir" "$port" -q -v ON_ERROR_STOP=1 <<SQL
CREATE EXTENSION zfdw;
CREATE SERVER mem FOREIGN DATA WRAPPER zfdw;
CREATE FUNCTION peak_kb() RETURNS bigint LANGUAGE sql AS \$\$
    SELECT substring(pg_read_file('/proc/' || pg_backend_pid() || '/status')
                     FROM 'VmHWM:\s+(\d+) kB')::bigint
\$\$;
SQL

printf '%-12s %14s %9s %12s %12s %10s\n' records bytes seconds "peak before" "peak after" growth
for n in $sizes; do
	f="$work/mem_$n.dat"
	zf_psql "$dir" "$port" -q -v ON_ERROR_STOP=1 -c \
		"SET client_min_messages = warning;
		 DROP FOREIGN TABLE IF EXISTS acct_$n;
		 CREATE FOREIGN TABLE acct_$n (acct_id bigint, name text, branch integer,
		     balance numeric(15,2), credit_limit numeric(11,2), open_date integer, status text)
		     SERVER mem OPTIONS (filename '$f', copybook '$here/ACCT80.cpy');"
	# one connection: the peak after connecting, then after the scan
	line=$(zf_psql "$dir" "$port" -At -v ON_ERROR_STOP=1 <<SQL
SELECT peak_kb() AS before \gset
SELECT extract(epoch FROM clock_timestamp()) AS t0 \gset
SELECT count(*), sum(balance), max(name), max(open_date), min(status) FROM acct_$n \gset
SELECT :before, peak_kb(), round((extract(epoch FROM clock_timestamp()) - :t0)::numeric, 1);
SQL
)
	IFS='|' read -r before after secs <<<"$line"
	printf '%-12s %14s %9s %9s kB %9s kB %7s kB\n' "$n" "$(stat -c %s "$f")" "$secs" \
		"$before" "$after" "$((after - before))"
done
