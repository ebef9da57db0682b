#!/usr/bin/env bash
#-------------------------------------------------------------------------
#
# bench_plausible.sh
#	  What the plausibility checks cost at the start of a scan: 300 short
#	  queries (SELECT ... LIMIT 1 over the demo's account master, 120-byte
#	  cp037 records, the holder name and product code as text) with the
#	  checks on, with zfdw.check_codepage off, and with
#	  zfdw.plausibility_checks off, side by side in one session.  Prints
#	  milliseconds per 300 queries (best, median and worst of BENCH_REPEAT rounds, default
#	  5); asserts nothing.
#
#-------------------------------------------------------------------------
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
. "$here/../../scripts/lib.sh"
repeat=${BENCH_REPEAT:-5}

zf_install_private
zf_data_root
dir=$(zf_scratch_dir bench)
port=$(zf_free_port 58532)
trap 'zf_cluster_stop "$dir"; rm -rf "$dir" $ZF_OWN_DESTDIR ${ZF_STAGE:-}' EXIT
zf_cluster_start "$dir" "$port" "jit=off"

zf_psql "$dir" "$port" -q -v ON_ERROR_STOP=1 -v repeat="$repeat" \
	-v dat="$ZF_DATA_ROOT/demo/data/acctmast.dat" \
	-v cpy="$ZF_DATA_ROOT/demo/data/ACCTMAST.cpy" -f "$here/bench_plausible.sql"
