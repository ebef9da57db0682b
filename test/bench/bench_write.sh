#!/usr/bin/env bash
#-------------------------------------------------------------------------
#
# bench_write.sh
#	  Write speed, side by side in one run on one cluster: N 80-byte
#	  account rows from a heap table written by
#	    INSERT INTO <zfdw table> SELECT * FROM <heap table>
#	  (EBCDIC, packed balances, a date picture; fsync and rename at commit
#	  included) against
#	    COPY <heap table> TO '<file>' (FORMAT csv)
#	  and zfdw.unload_for_db2 of the same rows (a DB2 UNLOAD data set and
#	  its punch; the text columns cast to DB2 lengths)
#	  Each statement runs in its own transaction, timed from the client,
#	  into a new file each round; the best of BENCH_REPEAT rounds counts.
#	  Prints figures and the ratio; asserts nothing.
#
#	  BENCH_ROWS (default 5000000), BENCH_REPEAT (default 3),
#	  BENCH_WORK (default test/bench/work; the CSV made by bench_scan.sh's
#	  generator is reused when there)
#
#-------------------------------------------------------------------------
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
. "$here/../../scripts/lib.sh"
rows=${BENCH_ROWS:-5000000}
repeat=${BENCH_REPEAT:-3}
work=${BENCH_WORK:-$here/work}
mkdir -p "$work"

# data, generated once per size by a committed program
if [ ! -f "$work/acct_$rows.csv" ]; then
	cc -std=gnu11 -O2 -I"$ZF_ROOT/src/core" -o "$work/gen_accounts" \
		"$here/gen_accounts.c" $(find "$ZF_ROOT/src/core" -name '*.c' | sort) -lz -lbz2 -lzstd -lcurl -lcrypto -lm
	echo "generating $rows records"
	"$work/gen_accounts" "$rows" "$work/acct_$rows.dat" "$work/acct_$rows.csv"
	chmod 644 "$work"/*.dat "$work"/*.csv
fi

# the extension, installed into a private prefix
zf_install_private

dir=$(zf_scratch_dir benchw)
port=$(zf_free_port 58482)
trap 'zf_cluster_stop "$dir"; rm -rf "$dir" $ZF_OWN_DESTDIR' EXIT
zf_cluster_start "$dir" "$port" "shared_buffers=2GB" "work_mem=64MB" "jit=off"
zf_as_pg mkdir "$dir/out"

sql() {
	zf_psql "$dir" "$port" -d postgres -Atq -v ON_ERROR_STOP=1 "$@"
}

sql -v csv="$work/acct_$rows.csv" -v cpy="$here/ACCT80.cpy" -v out="$dir/out/acct.dat" >/dev/null <<'EOF'
SET client_min_messages = warning;
CREATE EXTENSION zfdw;
CREATE SERVER mf FOREIGN DATA WRAPPER zfdw;
CREATE TABLE acct_heap (
    acct_id bigint, name text, branch smallint, balance numeric(15,2),
    credit_limit numeric(11,2), open_date date, status text
);
COPY acct_heap FROM :'csv' WITH (FORMAT csv);
VACUUM ANALYZE acct_heap;
CREATE FOREIGN TABLE acct_w (
    acct_id bigint, name text, branch smallint, balance numeric(15,2),
    credit_limit numeric(11,2), open_date date OPTIONS (format 'YYYYMMDD'),
    status text
) SERVER mf OPTIONS (filename :'out', copybook :'cpy', writable 'true');
EOF

# milliseconds of one statement, client side, commit included
ms() {
	local t0 t1
	t0=$(date +%s%N)
	sql -c "$1" >/dev/null
	t1=$(date +%s%N)
	echo $(( (t1 - t0) / 1000000 ))
}

best_insert=
best_copy=
best_unload=
unload_query="SELECT acct_id, name::varchar(30) AS name, branch, balance, credit_limit, open_date, status::char(1) AS status FROM acct_heap"
for round in $(seq 1 "$repeat"); do
	sql -c "ALTER FOREIGN TABLE acct_w OPTIONS (SET filename '$dir/out/acct_$round.dat')"
	t=$(ms "INSERT INTO acct_w SELECT * FROM acct_heap")
	[ -z "$best_insert" ] || [ "$t" -lt "$best_insert" ] && best_insert=$t
	t=$(ms "COPY acct_heap TO '$dir/out/acct_$round.csv' (FORMAT csv)")
	[ -z "$best_copy" ] || [ "$t" -lt "$best_copy" ] && best_copy=$t
	t=$(ms "SELECT records FROM zfdw.unload_for_db2('$unload_query', '$dir/out/unload_$round.dat', '$dir/out/unload_$round.punch', 'BENCH.ACCT')")
	[ -z "$best_unload" ] || [ "$t" -lt "$best_unload" ] && best_unload=$t
	zf_as_pg rm -f "$dir/out/unload_$round.dat" "$dir/out/unload_$round.punch"
	echo "round $round: INSERT into zfdw $best_insert ms best so far, COPY TO csv $best_copy ms best so far, unload_for_db2 $best_unload ms best so far"
	zf_as_pg rm -f "$dir/out/acct_$round.csv"
	[ "$round" -gt 1 ] && zf_as_pg rm -f "$dir/out/acct_$((round - 1)).dat"
done

echo
echo "records: $rows"
echo "zfdw INSERT ... SELECT: $best_insert ms ($(( rows * 1000 / best_insert )) rows/s)"
echo "COPY TO csv:            $best_copy ms ($(( rows * 1000 / best_copy )) rows/s)"
ratio=$(( best_insert * 100 / best_copy ))
printf 'zfdw INSERT / COPY TO csv (target <= 1.5): %d.%02d\n' $(( ratio / 100 )) $(( ratio % 100 ))
echo "zfdw.unload_for_db2:    $best_unload ms ($(( rows * 1000 / best_unload )) rows/s)"
ratio=$(( best_unload * 100 / best_copy ))
printf 'unload_for_db2 / COPY TO csv: %d.%02d\n' $(( ratio / 100 )) $(( ratio % 100 ))
echo "file: $(stat -c %s "$dir/out/acct_$repeat.dat") bytes, records read back: $(sql -c "SELECT count(*) FROM acct_w")"
