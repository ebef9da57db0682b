#!/usr/bin/env bash
#-------------------------------------------------------------------------
#
# run.sh
#	  Build the libFuzzer targets of test/fuzz and run each for a short
#	  smoke time ("make fuzz"), or as long as asked.
#
#	test/fuzz/run.sh [target...]	  default: every fuzz_*.c
#
#	FUZZ_SECONDS   seconds per target (default 20)
#	FUZZ_RUNS	   executions per target (default: no limit; the time
#				   limit still applies)
#	FUZZ_SEED	   libFuzzer's random seed (default: a new one each run);
#				   a fixed seed makes a short run repeatable: a slower
#				   machine runs a prefix of what a faster one runs
#	FUZZ_JOBS	   make's parallel jobs for the build (default 2)
#	FUZZ_NO_DEPS   set to skip installing clang (scripts/deps.sh)
#
# A target whose source names a file with "fuzz-requires: <path>" that
# does not exist yet is skipped.  Each target runs on its own corpus,
# test/fuzz/corpus-run/<target> (kept between runs), seeded from the test
# fixtures and ../shared (seeds.py) and from the committed reproducers of
# earlier findings, test/fuzz/regress/<target>.  A finding is saved as
# test/fuzz/corpus-run/<target>-findings/crash-* (or leak-, timeout-,
# oom-); the target then fails.  The last line is
# "fuzz: N passed, M failed".
#
#-------------------------------------------------------------------------
set -uo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"
FUZZ_DIR=test/fuzz
BUILD=$FUZZ_DIR/build
RUN=$FUZZ_DIR/corpus-run
FUZZ_SECONDS=${FUZZ_SECONDS:-20}
FUZZ_RUNS=${FUZZ_RUNS:-}
FUZZ_SEED=${FUZZ_SEED:-}
FUZZ_JOBS=${FUZZ_JOBS:-2}

if [ -z "${FUZZ_NO_DEPS:-}" ]; then
	scripts/deps.sh clang libclang-rt-14-dev || exit 1
fi

# the targets, and those that can be built now
if [ $# -gt 0 ]; then
	wanted=("$@")
else
	wanted=()
	for src in "$FUZZ_DIR"/fuzz_*.c; do
		wanted+=("$(basename "$src" .c)")
	done
fi
targets=()
skipped=0
for t in "${wanted[@]}"; do
	src=$FUZZ_DIR/$t.c
	if [ ! -f "$src" ]; then
		echo "fuzz: no target $t"
		exit 1
	fi
	missing=""
	for req in $(sed -n 's/.*fuzz-requires: *\([^ ]*\).*/\1/p' "$src"); do
		[ -e "$req" ] || missing="$missing $req"
	done
	if [ -n "$missing" ]; then
		echo "fuzz: skipped $t (${missing# } missing)"
		skipped=$((skipped + 1))
		continue
	fi
	targets+=("$t")
done
if [ ${#targets[@]} -eq 0 ]; then
	echo "fuzz: 0 passed, 0 failed"
	exit 0
fi

echo "fuzz: building ${targets[*]}"
if ! make -s -f "$FUZZ_DIR/fuzz.mk" -j"$FUZZ_JOBS" TARGETS="${targets[*]}" >"$BUILD.log" 2>&1; then
	cat "$BUILD.log"
	echo "fuzz: build failed"
	exit 1
fi
grep -E 'warning|error' "$BUILD.log" || true

mkdir -p "$RUN"
python3 "$FUZZ_DIR/seeds.py" "$RUN/seeds" "${targets[@]}" >/dev/null

passed=0
failed=0
for t in "${targets[@]}"; do
	src=$FUZZ_DIR/$t.c
	corpus=$RUN/$t
	findings=$RUN/$t-findings
	log=$RUN/$t.log
	maxlen=$(sed -n 's/.*fuzz-max-len: *\([0-9]*\).*/\1/p' "$src" | head -1)
	dict=$FUZZ_DIR/dict/$t.dict
	args=(-max_total_time="$FUZZ_SECONDS" -print_final_stats=1 -timeout=20 -reload=0
		  -rss_limit_mb=2560 -malloc_limit_mb=1024
		  -artifact_prefix="$findings/")
	[ -n "$FUZZ_RUNS" ] && args+=(-runs="$FUZZ_RUNS")
	[ -n "$FUZZ_SEED" ] && args+=(-seed="$FUZZ_SEED")
	[ -n "$maxlen" ] && args+=(-max_len="$maxlen")
	[ -f "$dict" ] && args+=(-dict="$dict")
	mkdir -p "$corpus" "$findings"
	dirs=("$corpus" "$RUN/seeds/$t")
	[ -d "$FUZZ_DIR/regress/$t" ] && dirs+=("$FUZZ_DIR/regress/$t")

	"$BUILD/$t" "${args[@]}" "${dirs[@]}" >"$log" 2>&1
	rc=$?
	execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
	nfind=$(find "$findings" -type f | wc -l)
	if [ "$rc" -eq 0 ] && [ "$nfind" -eq 0 ]; then
		passed=$((passed + 1))
		echo "$t: ${execs:-0} executions, no findings"
	else
		failed=$((failed + 1))
		echo "$t: ${execs:-0} executions, $nfind finding(s) in $findings (exit $rc; log $log)"
		grep -a -m3 -E 'invariant broken|runtime error|ERROR: (AddressSanitizer|LeakSanitizer|libFuzzer)' "$log" | sed 's/^/    /'
	fi
done
[ "$skipped" -gt 0 ] && echo "fuzz: $skipped target(s) skipped"
echo "fuzz: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
