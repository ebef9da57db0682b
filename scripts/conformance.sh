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

dir=$(zf_scratch_dir conformance)
port=$(zf_free_port 56432)
trap 'zf_cluster_stop "$dir"; rm -rf "$dir"' EXIT
zf_cluster_start "$dir" "$port" || { echo "conformance: 0 passed, 1 failed"; exit 1; }
python3 test/conformance/run.py --host "$dir" --port "$port" \
	--shared "$ZF_ROOT/../shared/conformance" "$@"
