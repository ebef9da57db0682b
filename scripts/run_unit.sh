#!/usr/bin/env bash
#-------------------------------------------------------------------------
#
# run_unit.sh
#	  Run the cmocka unit-test programs given as arguments and print one
#	  line "unit: N passed, M failed" counting their test cases.
#
#-------------------------------------------------------------------------
set -u
passed=0
failed=0
for bin in "$@"; do
	out=$("$bin" 2>&1)
	rc=$?
	echo "$out" | grep -E '^\[  (FAILED|  OK  |ERROR) \]|^\[  PASSED  \]|^\[==========\] .* ran' || true
	# cmocka prints one summary per group: add them all up
	p=$(echo "$out" | awk '/^\[  PASSED  \] [0-9]+ test/ {n += $4} END {print n + 0}')
	f=$(echo "$out" | awk '/^\[  FAILED  \] [0-9]+ test/ {n += $4} END {print n + 0}')
	p=${p:-0}
	f=${f:-0}
	if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then
		# crashed or exited before cmocka's summary
		echo "$out" | tail -20
		echo "unit: $(basename "$bin") exited with status $rc"
		f=1
	fi
	passed=$((passed + p))
	failed=$((failed + f))
done
echo "unit: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
