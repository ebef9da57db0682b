#!/usr/bin/env bash
#-------------------------------------------------------------------------
#
# suite.sh
#	  Every test that needs a server, against one PostgreSQL version:
#	  build and install zfdw for it, then pg_regress, the crash-and-resume
#	  tests (apply_changes, subscriptions, INSERT), the upgrade from 1.0 and
#	  the conformance suites.  Prints one line per part and last
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


# a copy of the tree (what git tracks, plus new files) in $1: every
# build of the suite starts clean
copy_tree() {
	mkdir -p "$1"
	if git rev-parse --git-dir >/dev/null 2>&1; then
		git ls-files -z -co --exclude-standard | tar --null -T - -cf - | tar -xf - -C "$1"
	else
		tar --exclude='*.o' --exclude='*.so' --exclude=./build -cf - . | tar -xf - -C "$1"
	fi
}

# build and install zfdw for this version from a clean copy of the tree;
# on success the scripts below find it through ZF_PG_CONFIG (and
# ZF_DESTDIR for the system's 15)
install_zfdw() {
	local prefix
	if [ "$version" = "$ZF_PG_VERSION" ] && [ -z "${ZF_PG_CONFIG:-}" ]; then
		scratch=$(zf_scratch_dir "pg$version")
		export ZF_PG_CONFIG=$(zf_pg_config)
		export ZF_DESTDIR=$scratch/inst
		mkdir -p "$ZF_DESTDIR"
		copy_tree "$scratch/src"
		make -s -C "$scratch/src" all PG_CONFIG="$ZF_PG_CONFIG" &&
			make -s -C "$scratch/src" install PG_CONFIG="$ZF_PG_CONFIG" DESTDIR="$ZF_DESTDIR"
		return
	fi
	prefix=$(scripts/pg_build.sh "$version") || return 1
	scratch=$(zf_scratch_dir "pg$version")
	mkdir -p "$scratch/pg"
	cp -a "$prefix/." "$scratch/pg/"
	copy_tree "$scratch/src"
	export ZF_PG_CONFIG=$scratch/pg/bin/pg_config
	export ZF_DESTDIR=""
	make -s -C "$scratch/src" all PG_CONFIG="$ZF_PG_CONFIG" &&
		make -s -C "$scratch/src" install PG_CONFIG="$ZF_PG_CONFIG"
}

# build zfdw with clang in a scratch copy of the tree, for its warnings
build_with_clang() {
	local tree
	"$ZF_ROOT/scripts/deps.sh" clang || return 1
	tree=$(mktemp -d "${TMPDIR:-/tmp}/zfdw-clang.XXXXXX")
	copy_tree "$tree"
	make -s -C "$tree" all CC=clang PG_CONFIG="$(zf_pg_config)"
	local rc=$?
	rm -rf "$tree"
	return $rc
}

# one test: the build printed no warning (-Wall -Wextra)
check_build() {
	local compiler=$1 file=$2 rc=$3
	if [ "$rc" -eq 0 ] && ! grep -qiE 'warning|error' "$file"; then
		echo "ok: the build with $compiler is free of warnings"
		passed=$((passed + 1))
	else
		grep -iE 'warning|error' "$file" | head -20
		echo "FAILED: the build with $compiler printed warnings or failed"
		failed=$((failed + 1))
	fi
}

echo "== PostgreSQL $version: build and install zfdw"
install_zfdw >"$log/build" 2>&1
build_rc=$?
check_build gcc "$log/build" "$build_rc"
build_with_clang >"$log/clang" 2>&1
check_build clang "$log/clang" $?
if [ "$build_rc" -eq 0 ]; then
	"$(zf_pg_config)" --version
	echo "== PostgreSQL $version: layers, names and exported symbols"
	scripts/check_tree.sh "$scratch/src" 2>&1 | tee "$log/tree"
	zf_count "$log/tree" tree
	echo "== PostgreSQL $version: pg_regress"
	scripts/regress.sh 2>&1 | tee "$log/regress"
	zf_count "$log/regress" regress
	# keep this version's differences: the next version's run starts clean
	[ -f regression.diffs ] && mv regression.diffs "regression-$label.diffs"
	echo "== PostgreSQL $version: crash and resume of apply_changes"
	scripts/crash_test.sh 2>&1 | tee "$log/crash"
	zf_count "$log/crash" crash
	echo "== PostgreSQL $version: subscriptions end to end, crashes of worker and postmaster"
	scripts/subscription_test.sh 2>&1 | tee "$log/subscription"
	zf_count "$log/subscription" subscription
	echo "== PostgreSQL $version: subscriptions following S3 prefixes, with faults"
	scripts/subscription_s3_test.sh 2>&1 | tee "$log/subscription_s3"
	zf_count "$log/subscription_s3" subscription-s3
	echo "== PostgreSQL $version: fan-out over three instances (plan_shards, postgres_fdw)"
	scripts/fanout_test.sh 2>&1 | tee "$log/fanout"
	zf_count "$log/fanout" fanout
	echo "== PostgreSQL $version: crashes and concurrent writers of INSERT"
	scripts/write_crash_test.sh 2>&1 | tee "$log/write_crash"
	zf_count "$log/write_crash" write-crash
	echo "== PostgreSQL $version: S3 credentials from the server's environment and credentials file"
	scripts/s3_credentials_test.sh 2>&1 | tee "$log/s3_credentials"
	zf_count "$log/s3_credentials" s3-credentials
	echo "== PostgreSQL $version: upgrade from zfdw 1.0"
	scripts/upgrade_test.sh 2>&1 | tee "$log/upgrade"
	zf_count "$log/upgrade" upgrade
	if [ -d "$ZF_ROOT/../shared/conformance" ]; then
		echo "== PostgreSQL $version: conformance"
		scripts/conformance.sh 2>&1 | tee "$log/conformance"
		zf_count "$log/conformance" conformance
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
