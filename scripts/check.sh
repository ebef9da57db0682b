#!/usr/bin/env bash
#-------------------------------------------------------------------------
#
# check.sh
#	  "make check": every test zfdw has, on a fresh Debian 12 machine too.
#	  Installs missing packages, checks that they provide every program
#	  the tests and the demo use (check_deps.sh), runs the core unit
#	  tests, then for each
#	  PostgreSQL version (the system's 15, and 16 to 19 when their sources
#	  are in ../shared/postgresql) builds and installs the extension and
#	  runs pg_regress, the crash-and-resume test and the conformance suites
#	  (scripts/suite.sh, one "pgNN: N passed, M failed" line each), tests
#	  the Debian package and the PGXN archive, checks the documents' links
#	  and runs their examples (doctest.sh) on the system's PostgreSQL,
#	  runs every fuzz target for a few seconds, and ends with one line
#	  "N passed, M failed" counting all of them.
#
#-------------------------------------------------------------------------
set -u
. "$(dirname "$0")/lib.sh"
cd "$ZF_ROOT"

passed=0
failed=0


log=$(mktemp -d "${TMPDIR:-/tmp}/zfdw-check-log.XXXXXX")
trap 'rm -rf "$log"' EXIT

scripts/deps.sh || { echo "0 passed, 1 failed"; exit 1; }
rm -f regression-pg*.diffs

# every program, module and library the tests and the demo use comes from
# those packages or from the essential set (issue 10: bzip2 did not)
echo "== dependencies"
scripts/check_deps.sh 2>&1 | tee "$log/deps"
zf_count "$log/deps" deps

echo "== core unit tests"
make -s -f test/unit/unit.mk run 2>&1 | tee "$log/unit"
zf_count "$log/unit" unit

# The server tests run once per PostgreSQL version: the system's 15, then
# every version whose sources are in ../shared/postgresql, built once into
# a cache outside the clone (scripts/pg_build.sh).  ZF_PG_VERSIONS limits
# the matrix (for example ZF_PG_VERSIONS="15 17").
versions=${ZF_PG_VERSIONS:-}
if [ -z "$versions" ]; then
	versions=$ZF_PG_VERSION
	for tarball in "$ZF_ROOT"/../shared/postgresql/postgresql-*.tar.xz; do
		[ -f "$tarball" ] || continue
		v=$(basename "$tarball" .tar.xz)
		versions="$versions ${v#postgresql-}"
	done
fi
echo "== PostgreSQL versions: $versions"
for v in $versions; do
	scripts/suite.sh "$v" 2>&1 | tee "$log/pg$v"
	zf_count "$log/pg$v" "PostgreSQL $v"
done

# every libFuzzer target for a few seconds (issue 7: CI smoke-tests them);
# "make fuzz" runs them longer
echo "== Debian package: make deb, dpkg -i, pg_regress against it"
scripts/deb_test.sh 2>&1 | tee "$log/deb"
zf_count "$log/deb" deb

echo "== PGXN: META.json and make dist"
scripts/dist_test.sh 2>&1 | tee "$log/dist"
zf_count "$log/dist" dist

# the documents: every relative link and #anchor resolves, and every
# ```sql block of README.md and docs/ runs and prints what the document
# shows (each block counts as a test)
echo "== documents: links"
python3 scripts/linkcheck.py README.md docs/*.md 2>&1 | tee "$log/links"
zf_count "$log/links" links

echo "== documents: every example runs (scripts/doctest.sh)"
scripts/doctest.sh 2>&1 | tee "$log/doctest"
zf_count "$log/doctest" doctest

echo "== fuzz smoke: ${ZF_FUZZ_SECONDS:-5} s per target"
# with a fixed seed (ZF_FUZZ_SEED), so that what CI finds can be found
# again on another machine
FUZZ_SECONDS=${ZF_FUZZ_SECONDS:-5} FUZZ_SEED=${ZF_FUZZ_SEED:-1} test/fuzz/run.sh 2>&1 | tee "$log/fuzz"
zf_count "$log/fuzz" fuzz

# CI shows the end of the output: repeat what failed just before the count
if [ "$failed" -gt 0 ]; then
	for diffs in regression-pg*.diffs; do
		[ -f "$diffs" ] || continue
		echo "== the first lines of $diffs"
		head -40 "$diffs"
	done
	echo "== what failed"
	cat "$log"/* | grep -a -E '\.\.\. FAILED|^not ok [0-9]+ |^FAILED|^\[  FAILED  \] [a-z_]|exited with status|^  FAIL |printed no result|finding\(s\)|build failed|^suite .* [1-9][0-9]* failed' |
		head -20
fi
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
