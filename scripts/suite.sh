#!/usr/bin/env bash
#-------------------------------------------------------------------------
#
# suite.sh
#	  Every test that needs a server, against one PostgreSQL version:
#	  build and install zfdw for it, then pg_regress, the crash-and-resume
#	  test and the conformance suites.  Prints one line per part and last
#	  "pgNN: N passed, M failed" for the version.
#
#	suite.sh 15		the system's PostgreSQL 15 (Debian packages);
#				zfdw goes into a private prefix found through
#				Debian's extension_destdir
#	suite.sh 16 ... 19	a version built from ../shared/postgresql into
#				the cache (scripts/pg_build.sh); zfdw is built
#				in a scratch copy of the tree and installed into
#				a scratch copy of that version's tree
#
#-------------------------------------------------------------------------
set -u
. "$(dirname "$0")/lib.sh"
cd "$ZF_ROOT"

version=${1:?usage: suite.sh VERSION}
label="pg$version"
passed=0
failed=0
log=$(mktemp -d "${TMPDIR:-/tmp}/zfdw-suite-log.XXXXXX")
scratch=""
cleanup() {
	rm -rf "$log"
	[ -n "$scratch" ] && rm -rf "$scratch"
}
trap cleanup EXIT

# add the counts of the "name: N passed, M failed" line of log $1
count() {
	local line
	line=$(grep -E '^[a-z0-9-]+: [0-9]+ passed, [0-9]+ failed' "$1" | tail -1)
	if [ -z "$line" ]; then
		echo "zfdw: $2 printed no result line: counted as one failure"
		failed=$((failed + 1))
		return
	fi
	passed=$((passed + $(echo "$line" | sed -E 's/^[^:]*: ([0-9]+) passed.*/\1/')))
	failed=$((failed + $(echo "$line" | sed -E 's/.* ([0-9]+) failed.*/\1/')))
}

# build and install zfdw for this version; on success the scripts below
# find it through ZF_PG_CONFIG (and ZF_DESTDIR for the system's 15)
install_zfdw() {
	local prefix
	if [ "$version" = "$ZF_PG_VERSION" ] && [ -z "${ZF_PG_CONFIG:-}" ]; then
		scratch=$(zf_scratch_dir inst)
		export ZF_DESTDIR=$scratch
		make -s all && make -s install DESTDIR="$ZF_DESTDIR"
		return
	fi
	prefix=$(scripts/pg_build.sh "$version") || return 1
	scratch=$(zf_scratch_dir "pg$version")
	mkdir -p "$scratch/pg"
	cp -a "$prefix/." "$scratch/pg/"
	mkdir -p "$scratch/src"
	if git rev-parse --git-dir >/dev/null 2>&1; then
		git ls-files -z -co --exclude-standard | tar --null -T - -cf - | tar -xf - -C "$scratch/src"
	else
		tar --exclude=./build --exclude='*.o' --exclude='*.so' -cf - . | tar -xf - -C "$scratch/src"
	fi
	export ZF_PG_CONFIG=$scratch/pg/bin/pg_config
	export ZF_DESTDIR=""
	make -s -C "$scratch/src" all PG_CONFIG="$ZF_PG_CONFIG" &&
		make -s -C "$scratch/src" install PG_CONFIG="$ZF_PG_CONFIG"
}

echo "== PostgreSQL $version: build and install zfdw"
if install_zfdw >"$log/build" 2>&1; then
	grep -iE 'warning|error' "$log/build" || true
	"$(zf_pg_config)" --version
	echo "== PostgreSQL $version: pg_regress"
	scripts/regress.sh 2>&1 | tee "$log/regress"
	count "$log/regress" regress
	# keep this version's differences: the next version's run starts clean
	[ -f regression.diffs ] && mv regression.diffs "regression-$label.diffs"
	echo "== PostgreSQL $version: crash and resume of apply_changes"
	scripts/crash_test.sh 2>&1 | tee "$log/crash"
	count "$log/crash" crash
	if [ -d "$ZF_ROOT/../shared/conformance" ]; then
		echo "== PostgreSQL $version: conformance"
		scripts/conformance.sh 2>&1 | tee "$log/conformance"
		count "$log/conformance" conformance
	else
		echo "== conformance: ../shared/conformance not found, skipped"
	fi
else
	tail -40 "$log/build"
	echo "zfdw: the build for PostgreSQL $version failed; its tests did not run"
	failed=$((failed + 1))
fi
echo "$label: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
