#!/usr/bin/env bash
#-------------------------------------------------------------------------
#
# dist_test.sh
#	  The PGXN release: META.json follows the PGXN Meta Spec
#	  (scripts/pgxn_meta_check.py), the versions of META.json,
#	  zfdw.control, zfdw.mk and debian/changelog agree, and "make dist"
#	  makes an archive that holds every file git tracks and builds on its
#	  own.  Prints "dist: N passed, M failed".
#
#-------------------------------------------------------------------------
set -u
. "$(dirname "$0")/lib.sh"
cd "$ZF_ROOT"

scripts/deps.sh pgxnclient unzip >/dev/null
passed=0
failed=0
pass() { echo "ok: $1"; passed=$((passed + 1)); }
fail() { echo "FAILED: $1"; failed=$((failed + 1)); }
work=$(mktemp -d "${TMPDIR:-/tmp}/zfdw-dist.XXXXXX")
trap 'rm -rf "$work"' EXIT

# test 1: META.json (the Debian python, where pgxnclient is)
if /usr/bin/python3 scripts/pgxn_meta_check.py META.json .; then
	pass "META.json follows the PGXN Meta Spec 1.0.0"
else
	fail "META.json does not follow the PGXN Meta Spec"
fi

# test 2: one version everywhere
meta=$(/usr/bin/python3 -c 'import json; m = json.load(open("META.json")); print(m["version"], m["provides"]["zfdw"]["version"])')
control=$(sed -n "s/^default_version = '\(.*\)'/\1/p" zfdw.control)
mk=$(sed -n 's/^ZF_VERSION = //p' zfdw.mk)
deb=$(dpkg-parsechangelog -l debian/changelog -S Version)
deb=${deb%-*}
if [ "$meta" = "$control.0 $control.0" ] && [ "$mk" = "$control" ] && [ "$deb" = "$control.0" ]; then
	pass "version $control everywhere (META.json $control.0, zfdw.control, zfdw.mk, debian/changelog)"
else
	fail "versions disagree: META.json '$meta', zfdw.control '$control', zfdw.mk '$mk', debian/changelog '$deb'"
fi

# test 3: the archive holds what git tracks, under zfdw-VERSION/
archive=$(scripts/dist.sh 2>/dev/null)
version=$(basename "$archive" .zip)
if [ -f "$archive" ] &&
	unzip -Z1 "$archive" | grep -v '/$' | sed "s|^$version/||" | sort >"$work/in-zip" &&
	git ls-files | sort >"$work/in-git" &&
	diff -q "$work/in-git" "$work/in-zip" >/dev/null; then
	pass "make dist: $(basename "$archive") holds the $(wc -l <"$work/in-git") files git tracks"
else
	diff "$work/in-git" "$work/in-zip" 2>/dev/null | head -5
	fail "make dist: the archive is missing or differs from what git tracks"
fi

# test 4: the archive builds on its own
if [ -f "$archive" ] && unzip -q "$archive" -d "$work" &&
	make -s -C "$work/$version" all PG_CONFIG="$(zf_pg_config)" >"$work/build.log" 2>&1 &&
	[ -f "$work/$version/zfdw.so" ] && [ -f "$work/$version/zfdw--$control.sql" ]; then
	pass "the archive builds zfdw.so and zfdw--$control.sql on its own"
else
	tail -5 "$work/build.log" 2>/dev/null
	fail "the archive does not build on its own"
fi

echo "dist: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
