#!/usr/bin/env bash
#-------------------------------------------------------------------------
#
# bench_wide.sh
#	  Decoding throughput on a Cobrix-shaped wide file: 1,341-byte records
#	  of 167 mixed fields, every column decoded (count() of each column),
#	  in MiB of file per second of backend CPU, serial (so per core).
#	  Cobrix reports about 6 MiB/s per core on this shape; zfdw's target
#	  is 100.  Also the same query on a heap table holding the rows, for
#	  scale.  Prints figures; asserts nothing.
#
#	  BENCH_WIDE_ROWS (default 100000)
#
#-------------------------------------------------------------------------
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
. "$here/../../scripts/lib.sh"
rows=${BENCH_WIDE_ROWS:-100000}
work="$here/work"
mkdir -p "$work"
chmod 755 "$work"
cc -std=gnu11 -O2 -I"$ZF_ROOT/src/core" -o "$work/gen_wide" \
	"$here/gen_wide.c" $(find "$ZF_ROOT/src/core" -name '*.c' | sort) -lz -lbz2 -lzstd -lcurl -lcrypto -lm
[ -f "$work/wide_$rows.dat" ] || "$work/gen_wide" "$rows" "$work/wide_$rows.dat"
chmod 644 "$work/wide_$rows.dat"

zf_install_private
dir=$(zf_scratch_dir bench)
port=$(zf_free_port 58532)
trap 'zf_cluster_stop "$dir"; rm -rf "$dir" $ZF_OWN_DESTDIR' EXIT
zf_cluster_start "$dir" "$port" "shared_buffers=1GB" "jit=off" \
	"max_parallel_workers_per_gather=0"
bytes=$(stat -c %s "$work/wide_$rows.dat")

zf_psql "$dir" "$port" -q -v ON_ERROR_STOP=1 -v dat="$work/wide_$rows.dat" \
	-v cpy="$here/WIDE.cpy" -v bytes="$bytes" -v rows="$rows" <<'SQL'
\pset footer off
SET client_min_messages = warning;
CREATE EXTENSION zfdw;
CREATE SERVER mf FOREIGN DATA WRAPPER zfdw;
IMPORT FOREIGN SCHEMA wide FROM SERVER mf INTO public
  OPTIONS (copybook :'cpy', filename :'dat');
CREATE TABLE wide_heap AS SELECT * FROM wide_rec;
VACUUM ANALYZE wide_heap;
-- backend CPU milliseconds of the best of 3 runs (from /proc)
CREATE FUNCTION cpu_ms(q text) RETURNS numeric LANGUAGE plpgsql AS $$
DECLARE best numeric; ms numeric; s0 text[]; s1 text[]; r record;
BEGIN
  FOR i IN 1..3 LOOP
    s0 := string_to_array(split_part(pg_read_file('/proc/' || pg_backend_pid() || '/stat'), ') ', 2), ' ');
    EXECUTE q INTO r;
    s1 := string_to_array(split_part(pg_read_file('/proc/' || pg_backend_pid() || '/stat'), ') ', 2), ' ');
    ms := ((s1[12]::numeric + s1[13]::numeric) - (s0[12]::numeric + s0[13]::numeric)) * 10;
    IF best IS NULL OR ms < best THEN best := ms; END IF;
  END LOOP;
  RETURN greatest(best, 10);
END $$;
-- count() of every column: each is decoded, and consuming it is cheap
SELECT 'SELECT ' || string_agg(format('count(%I)', attname), ' + ' ORDER BY attnum) AS cols
  FROM pg_attribute WHERE attrelid = 'wide_rec'::regclass AND attnum > 0 \gset
CREATE TEMP TABLE r AS
  SELECT cpu_ms(:'cols' || ' FROM wide_rec') AS zfdw_ms,
         cpu_ms(:'cols' || ' FROM wide_heap') AS heap_ms;
\echo
\echo 'wide records:' :rows '(1,341 bytes, 167 fields, all decoded)'
SELECT zfdw_ms AS "zfdw cpu ms", heap_ms AS "heap cpu ms",
       round(:bytes / 1048576.0 / (zfdw_ms / 1000), 1) AS "zfdw MiB/s per core (target >= 100)",
       round(:rows / (zfdw_ms / 1000)) AS "zfdw records/s",
       round(:bytes / 1048576.0 / (zfdw_ms / 1000) / 6, 1) AS "x Cobrix (6 MiB/s)"
  FROM r;
SQL
