#!/usr/bin/env bash
#-------------------------------------------------------------------------
#
# deb.sh
#	  "make deb": build the Debian packages of zfdw, one
#	  postgresql-NN-zfdw for each PostgreSQL version whose
#	  postgresql-server-dev-NN is installed (and debian/pgversions
#	  allows), with pg_buildext as Debian and apt.postgresql.org build
#	  extensions.  The build runs in a scratch copy of the tree; the
#	  packages land in build/deb/.  Prints the packages' paths.
#
#-------------------------------------------------------------------------
set -euo pipefail
. "$(dirname "$0")/lib.sh"
cd "$ZF_ROOT"

scripts/deps.sh debhelper postgresql-server-dev-all dpkg-dev build-essential >&2

version=$(dpkg-parsechangelog -l debian/changelog -S Version)
upstream=${version%-*}
work=$(mktemp -d "${TMPDIR:-/tmp}/zfdw-deb.XXXXXX")
trap 'rm -rf "$work"' EXIT
src="$work/zfdw-$upstream"
mkdir -p "$src"
if git rev-parse --git-dir >/dev/null 2>&1; then
	git ls-files -z -co --exclude-standard | tar --null -T - -cf - | tar -xf - -C "$src"
else
	tar --exclude='*.o' --exclude='*.so' --exclude=./build -cf - . | tar -xf - -C "$src"
fi

# debian/control lists a package per supported version of this machine
(cd "$src" && pg_buildext updatecontrol)
(cd "$src" && dpkg-buildpackage -us -uc -b) >"$work/build.log" 2>&1 || {
	tail -40 "$work/build.log" >&2
	echo "deb: dpkg-buildpackage failed" >&2
	exit 1
}

mkdir -p build/deb
rm -f build/deb/*.deb
cp "$work"/*.deb build/deb/
ls -1 "$PWD"/build/deb/*.deb
