#!/usr/bin/env bash
#-------------------------------------------------------------------------
#
# run.sh
#	  "make bench": every benchmark of test/bench, one after the other.
#	  Benchmarks print figures and ratios measured side by side in the same
#	  run; they are not tests and assert nothing about speed.
#
#-------------------------------------------------------------------------
set -euo pipefail
cd "$(dirname "$0")"
for b in bench_*.sh; do
	echo "== $b"
	bash "$b"
done
