#!/usr/bin/env bash
#-------------------------------------------------------------------------
#
# pg_build.sh
#	  Build one PostgreSQL version from the source snapshots in
#	  ../shared/postgresql into a cache outside the clone, and print the
#	  path of its installed tree.  The cache is keyed by the tarball's
#	  sha256, so a tree is built once and rebuilt only when the tarball
#	  changes.  Only what the tests use is built: the server, the client
#	  programs, PGXS, pg_regress and the contrib modules the tests load.
#
#	pg_build.sh VERSION		e.g. pg_build.sh 17
#
#	ZF_PG_CACHE	the cache folder (default /var/cache/zfdw/postgresql,
#			or ~/.cache/zfdw/postgresql when that is not writable)
#
#-------------------------------------------------------------------------
set -euo pipefail
. "$(dirname "$0")/lib.sh"

version=${1:?usage: pg_build.sh VERSION}
tarball="$ZF_ROOT/../shared/postgresql/postgresql-$version.tar.xz"
[ -f "$tarball" ] || { echo "zfdw: $tarball not found" >&2; exit 1; }

prefix=$(zf_pg_cache_prefix "$version" "$tarball")
if [ -x "$prefix/bin/pg_config" ] && [ -f "$prefix/.zfdw-complete" ]; then
	echo "$prefix"
	exit 0
fi

# what a build from a git snapshot needs beyond a C compiler (perl: the
# full one, its generators use FindBin, which perl-base lacks; xz-utils:
# tar -J; not in a minimal Debian)
"$ZF_ROOT/scripts/deps.sh" bison flex perl zlib1g-dev xz-utils >&2

build=$(mktemp -d "${TMPDIR:-/tmp}/zfdw-pgbuild.XXXXXX")
trap 'rm -rf "$build"' EXIT
rm -rf "$prefix"
mkdir -p "$prefix"
echo "zfdw: building PostgreSQL $version into $prefix (once; cached by checksum)" >&2
tar -xJf "$tarball" -C "$build"
# PostgreSQL's makefiles build their generated headers only in a make at
# level 0: called from "make check", this build must not inherit the
# outer make's level and flags
unset MAKELEVEL MAKEFLAGS MFLAGS
src=$(find "$build" -mindepth 1 -maxdepth 1 -type d | head -1)
(
	cd "$src"
	# -O1: the tests assert no timing, and it compiles much faster than -O2
	./configure --prefix="$prefix" --without-icu --without-readline \
		--without-llvm CFLAGS="-O1" >"$build/configure.log" 2>&1 ||
		{ tail -30 "$build/configure.log" >&2; exit 1; }
	make -s -j"$(nproc)" >"$build/make.log" 2>&1 ||
		{ grep -m 10 -E 'error|Error' "$build/make.log" >&2; tail -20 "$build/make.log" >&2; exit 1; }
	make -s install >"$build/install.log" 2>&1 ||
		{ tail -40 "$build/install.log" >&2; exit 1; }
	for module in file_fdw postgres_fdw; do
		make -s -C "contrib/$module" install >>"$build/install.log" 2>&1 ||
			{ tail -40 "$build/install.log" >&2; exit 1; }
	done
)
touch "$prefix/.zfdw-complete"
echo "$prefix"
