#!/usr/bin/env bash
#-------------------------------------------------------------------------
#
# check.sh
#	  "make check": every test zfdw has, on a fresh Debian 12 machine too.
#	  Installs missing packages, checks that they provide every program
#	  the tests and the demo use (check_deps.sh), runs the core unit
#	  tests, builds and installs the extension, runs pg_regress against a
#	  temporary instance, runs the conformance suites when
#	  ../shared/conformance exists, runs the crash-and-resume test and
#	  every fuzz target for a few seconds, and ends with one line
#	  "N passed, M failed" counting all of them.
#
#-------------------------------------------------------------------------
set -u
. "$(dirname "$0")/lib.sh"
cd "$ZF_ROOT"

passed=0
failed=0

# add the counts of a "name: N passed, M failed" line to the totals
count() {
	local line
	line=$(grep -E '^[a-z-]+: [0-9]+ passed, [0-9]+ failed' "$1" | tail -1)
	if [ -z "$line" ]; then
		echo "zfdw: $2 printed no result line: counted as one failure"
		failed=$((failed + 1))
		return
	fi
	passed=$((passed + $(echo "$line" | sed -E 's/^[^:]*: ([0-9]+) passed.*/\1/')))
	failed=$((failed + $(echo "$line" | sed -E 's/.* ([0-9]+) failed.*/\1/')))
}

log=$(mktemp -d "${TMPDIR:-/tmp}/zfdw-check-log.XXXXXX")
trap 'rm -rf "$log"' EXIT

scripts/deps.sh || { echo "0 passed, 1 failed"; exit 1; }

# every program, module and library the tests and the demo use comes from
# those packages or from the essential set (issue 10: bzip2 did not)
echo "== dependencies"
scripts/check_deps.sh 2>&1 | tee "$log/deps"
count "$log/deps" deps

echo "== core unit tests"
make -s -f test/unit/unit.mk run 2>&1 | tee "$log/unit"
count "$log/unit" unit

# The extension is installed into a private prefix that the test clusters
# find through Debian's extension_destdir: no root needed, and the system's
# PostgreSQL is left alone.
echo "== build and install into a private prefix"
export ZF_DESTDIR=${ZF_DESTDIR:-$(zf_scratch_dir inst)}
trap 'rm -rf "$log"; case "$ZF_DESTDIR" in */zfdw-inst.*) rm -rf "$ZF_DESTDIR";; esac' EXIT
if make -s all >"$log/build" 2>&1 && make -s install DESTDIR="$ZF_DESTDIR" >>"$log/build" 2>&1; then
	grep -iE 'warning|error' "$log/build" || true
	echo "== pg_regress"
	scripts/regress.sh 2>&1 | tee "$log/regress"
	count "$log/regress" regress
	echo "== crash and resume of apply_changes"
	scripts/crash_test.sh 2>&1 | tee "$log/crash"
	count "$log/crash" crash
	if [ -d "$ZF_ROOT/../shared/conformance" ]; then
		echo "== conformance"
		scripts/conformance.sh 2>&1 | tee "$log/conformance"
		count "$log/conformance" conformance
	else
		echo "== conformance: ../shared/conformance not found, skipped"
	fi
else
	cat "$log/build"
	echo "zfdw: the build failed; pg_regress and conformance did not run"
	failed=$((failed + 1))
fi

# every libFuzzer target for a few seconds (issue 7: CI smoke-tests them);
# "make fuzz" runs them longer
echo "== fuzz smoke: ${ZF_FUZZ_SECONDS:-5} s per target"
# with a fixed seed (ZF_FUZZ_SEED), so that what CI finds can be found
# again on another machine
FUZZ_SECONDS=${ZF_FUZZ_SECONDS:-5} FUZZ_SEED=${ZF_FUZZ_SEED:-1} test/fuzz/run.sh 2>&1 | tee "$log/fuzz"
count "$log/fuzz" fuzz

# CI shows the end of the output: repeat what failed just before the count
if [ "$failed" -gt 0 ]; then
	if [ -f regression.diffs ]; then
		echo "== the first lines of regression.diffs"
		head -40 regression.diffs
	fi
	echo "== what failed"
	cat "$log"/* | grep -a -E '\.\.\. FAILED|^FAILED|^\[  FAILED  \] [a-z_]|exited with status|^  FAIL |printed no result|finding\(s\)|build failed|^suite .* [1-9][0-9]* failed' |
		head -20
fi
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
