#!/usr/bin/env bash
#-------------------------------------------------------------------------
#
# conformance.sh
#	  Run the peer conformance suites of ../shared/conformance through the
#	  installed extension in a throwaway cluster, and print
#	  "conformance: N passed, M failed".
#
#-------------------------------------------------------------------------
set -u
. "$(dirname "$0")/lib.sh"
cd "$ZF_ROOT"

zf_data_root
data_root=$ZF_DATA_ROOT
stage=$ZF_STAGE
dir=$(zf_scratch_dir conformance)
port=$(zf_free_port 56432)
trap 'zf_cluster_stop "$dir"; rm -rf "$dir" ${stage:+"$stage"}' EXIT
zf_cluster_start "$dir" "$port" || { echo "conformance: 0 passed, 1 failed"; exit 1; }
ZF_PG_BINDIR=$(zf_pg_bindir) python3 test/conformance/run.py --host "$dir" --port "$port" \
	--shared "$data_root/../shared/conformance" "$@"
