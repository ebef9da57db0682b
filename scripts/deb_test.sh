#!/usr/bin/env bash
#-------------------------------------------------------------------------
#
# deb_test.sh
#	  The Debian package as a DBA installs it: build it ("make deb"),
#	  install it with dpkg -i into the system's PostgreSQL, and run the
#	  pg_regress suite against the installed package (no private prefix).
#	  Afterwards the system is left as it was: the package is removed, and
#	  a zfdw that "make install" had put there before is put back.
#	  Prints "deb: N passed, M failed".
#
#-------------------------------------------------------------------------
set -u
. "$(dirname "$0")/lib.sh"
cd "$ZF_ROOT"

passed=0
failed=0
pass() { echo "ok: $1"; passed=$((passed + 1)); }
fail() { echo "FAILED: $1"; failed=$((failed + 1)); }

package="postgresql-$ZF_PG_VERSION-zfdw"
libdir=$("$(zf_pg_config)" --pkglibdir)
was_installed=$(dpkg-query -W -f='${Status}' "$package" 2>/dev/null || true)
had_files=""
[ -f "$libdir/zfdw.so" ] && had_files=1

restore() {
	case "$was_installed" in
		*"install ok installed"*) ;;
		*) dpkg-query -W "$package" >/dev/null 2>&1 && zf_as_root dpkg -r "$package" >/dev/null 2>&1 ;;
	esac
	if [ -n "$had_files" ] && [ ! -f "$libdir/zfdw.so" ]; then
		zf_as_root make -s install >/dev/null
	fi
}
trap restore EXIT

# test 1: the package builds
debs=$(scripts/deb.sh 2>"${TMPDIR:-/tmp}/zfdw-deb-build.log")
deb=$(printf '%s\n' "$debs" | grep "/${package}_[^/]*\.deb$" | head -1)
if [ -n "$deb" ]; then
	pass "make deb built $(basename "$deb")"
else
	tail -20 "${TMPDIR:-/tmp}/zfdw-deb-build.log"
	fail "make deb built no $package package"
	echo "deb: $passed passed, $failed failed"
	exit 1
fi

# test 2: dpkg installs it where the system's PostgreSQL looks
if zf_as_root dpkg -i "$deb" >/dev/null 2>&1 &&
	dpkg -L "$package" | grep -qx "$libdir/zfdw.so"; then
	pass "dpkg -i $(basename "$deb") installs $libdir/zfdw.so"
else
	fail "dpkg -i $(basename "$deb") did not install zfdw.so into $libdir"
fi

# test 3: the regression suite passes against the installed package
unset ZF_DESTDIR
scripts/regress.sh >"${TMPDIR:-/tmp}/zfdw-deb-regress.log" 2>&1
tail -1 "${TMPDIR:-/tmp}/zfdw-deb-regress.log"
if tail -1 "${TMPDIR:-/tmp}/zfdw-deb-regress.log" | grep -q ' 0 failed'; then
	pass "pg_regress passes against the installed package"
else
	grep -E 'FAILED|not ok' "${TMPDIR:-/tmp}/zfdw-deb-regress.log" | head
	fail "pg_regress fails against the installed package"
fi
rm -f "${TMPDIR:-/tmp}/zfdw-deb-build.log" "${TMPDIR:-/tmp}/zfdw-deb-regress.log"

echo "deb: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
