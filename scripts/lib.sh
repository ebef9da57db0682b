#!/usr/bin/env bash
#-------------------------------------------------------------------------
#
# lib.sh
#	  Shell helpers shared by demo.sh, check.sh and the benchmarks: run as
#	  root when needed, run PostgreSQL as a non-root user, start and stop a
#	  throwaway cluster.
#
#-------------------------------------------------------------------------

ZF_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
ZF_PG_VERSION=${ZF_PG_VERSION:-15}

# Run a command as root: directly when we are root, else through sudo.
zf_as_root() {
	if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

# The user PostgreSQL runs as: postgres when we are root (postgres refuses
# to run as root), else ourselves.
zf_pg_user() {
	if [ "$(id -u)" -eq 0 ]; then echo postgres; else id -un; fi
}

# Run a command as the PostgreSQL user, from a directory it can enter.
zf_as_pg() {
	if [ "$(id -u)" -eq 0 ]; then
		(cd / && runuser -u postgres -- "$@")
	else
		"$@"
	fi
}

# The PostgreSQL binaries the scripts use: those of ZF_PG_CONFIG when it
# is set (a version built from ../shared/postgresql), else the system's.
zf_pg_bindir() {
	local pgc
	pgc=$(command -v pg_config || true)
	if [ -n "${ZF_PG_CONFIG:-}" ]; then
		"$ZF_PG_CONFIG" --bindir
	elif [ -x "/usr/lib/postgresql/$ZF_PG_VERSION/bin/postgres" ]; then
		echo "/usr/lib/postgresql/$ZF_PG_VERSION/bin"
	elif [ -n "$pgc" ]; then
		"$pgc" --bindir
	else
		echo "zfdw: cannot find the PostgreSQL binaries" >&2
		return 1
	fi
}

# The pg_config of the PostgreSQL the scripts build and test against.
zf_pg_config() {
	if [ -n "${ZF_PG_CONFIG:-}" ]; then
		echo "$ZF_PG_CONFIG"
	elif [ -x "/usr/lib/postgresql/$ZF_PG_VERSION/bin/pg_config" ]; then
		echo "/usr/lib/postgresql/$ZF_PG_VERSION/bin/pg_config"
	else
		command -v pg_config
	fi
}

# A free TCP port on 127.0.0.1, starting from $1, below 32768: from 32768
# up, Linux hands out ports at random to outgoing connections and to
# servers that bind port 0 (ip_local_port_range), so that a port found
# free could be taken by a client of another test (curl, s3rver, the
# fault server) before the server meant for it binds it.  A start at or
# above 32768 is moved 30000 down (55432 is tried as 25432).
zf_free_port() {
	local port=${1:-54320}
	[ "$port" -lt 32768 ] || port=$((port - 30000))
	while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do
		port=$((port + 1))
	done
	echo "$port"
}

# A scratch directory the PostgreSQL user owns.
zf_scratch_dir() {
	local dir
	dir=$(mktemp -d "${TMPDIR:-/tmp}/zfdw-$1.XXXXXX")
	chmod 755 "$dir"
	if [ "$(id -u)" -eq 0 ]; then chown postgres: "$dir"; fi
	echo "$dir"
}

# Build zfdw and install it into a private prefix that throwaway clusters
# load it from (extension_destdir), unless ZF_DESTDIR already names one.
# A prefix made here is also in ZF_OWN_DESTDIR, for the caller to remove.
zf_install_private() {
	ZF_OWN_DESTDIR=""
	if [ -z "${ZF_DESTDIR:-}" ]; then
		ZF_DESTDIR=$(zf_scratch_dir inst)
		ZF_OWN_DESTDIR=$ZF_DESTDIR
	fi
	export ZF_DESTDIR
	make -s -C "$ZF_ROOT" all PG_CONFIG="$(zf_pg_config)" >/dev/null &&
		make -s -C "$ZF_ROOT" install PG_CONFIG="$(zf_pg_config)" DESTDIR="$ZF_DESTDIR" >/dev/null
}

# Start a throwaway cluster in $1 (created) on port $2, socket in $1.
# Extra settings may follow as name=value words.
zf_cluster_start() {
	local dir=$1 port=$2 bindir
	shift 2
	bindir=$(zf_pg_bindir) || return 1
	zf_as_pg "$bindir/initdb" -D "$dir/data" -U postgres --auth=trust \
		-E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 || {
		cat "$dir/initdb.log" >&2; return 1; }
	{
		echo "listen_addresses = '127.0.0.1'"
		echo "port = $port"
		echo "unix_socket_directories = '$dir'"
		echo "max_parallel_workers_per_gather = 2"
		if [ -n "${ZF_DESTDIR:-}" ]; then
			echo "extension_destdir = '$ZF_DESTDIR'"
		fi
		for setting in "$@"; do echo "${setting%%=*} = ${setting#*=}"; done
	} | zf_as_pg tee -a "$dir/data/postgresql.conf" >/dev/null
	zf_as_pg "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w start \
		>/dev/null || { cat "$dir/server.log" >&2; return 1; }
}

zf_cluster_stop() {
	local dir=$1 bindir
	bindir=$(zf_pg_bindir) || return 1
	[ -f "$dir/data/postmaster.pid" ] &&
		zf_as_pg "$bindir/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1
	return 0
}

# psql against a throwaway cluster: zf_psql DIR PORT [psql args...]
zf_psql() {
	local dir=$1 port=$2
	shift 2
	"$(zf_pg_bindir)/psql" -X -h "$dir" -p "$port" -U postgres "$@"
}

# Set ZF_DATA_ROOT to the directory from which the PostgreSQL server reads
# the test and demo files (and ../shared beside it): the checkout itself
# when the PostgreSQL user can read it, else a copy in a scratch directory
# (a checkout under a private home directory, run as root).  ZF_STAGE is
# set to the copy, for the caller to remove; empty when there is none.
zf_data_root() {
	ZF_STAGE=""
	ZF_DATA_ROOT=$ZF_ROOT
	if zf_as_pg test -r "$ZF_ROOT/test/helpers.psql" &&
		zf_as_pg test -r "$ZF_ROOT/demo/demo.sql" &&
		{ [ ! -d "$ZF_ROOT/../shared" ] || zf_as_pg test -r "$ZF_ROOT/../shared/design.md"; }; then
		return
	fi
	ZF_STAGE=$(zf_scratch_dir stage)
	mkdir -p "$ZF_STAGE/root"
	if git -C "$ZF_ROOT" rev-parse --git-dir >/dev/null 2>&1; then
		(cd "$ZF_ROOT" && git ls-files -z test demo | tar --null -T - -cf -) |
			tar -xf - -C "$ZF_STAGE/root"
	else
		cp -r "$ZF_ROOT/test" "$ZF_ROOT/demo" "$ZF_STAGE/root/"
	fi
	if [ -d "$ZF_ROOT/../shared" ]; then
		cp -rL "$ZF_ROOT/../shared" "$ZF_STAGE/shared"
	fi
	chmod -R a+rX "$ZF_STAGE"
	echo "zfdw: the PostgreSQL user cannot read $ZF_ROOT; using a copy in $ZF_STAGE" >&2
	ZF_DATA_ROOT=$ZF_STAGE/root
}

# The cache folder of PostgreSQL trees built from ../shared/postgresql:
# zf_pg_cache_prefix VERSION TARBALL prints where that build lives, keyed
# by the tarball's checksum.
zf_pg_cache_prefix() {
	local version=$1 tarball=$2 cache sum
	cache=${ZF_PG_CACHE:-}
	if [ -z "$cache" ]; then
		if mkdir -p /var/cache/zfdw/postgresql 2>/dev/null && [ -w /var/cache/zfdw/postgresql ]; then
			cache=/var/cache/zfdw/postgresql
		else
			cache=$HOME/.cache/zfdw/postgresql
		fi
	fi
	sum=$(sha256sum "$tarball" | cut -c1-16)
	echo "$cache/pg$version-$sum"
}

# Add the counts of the last "name: N passed, M failed" line of log $1 to
# the caller's passed and failed; a log without one (a part that died
# before its summary) counts as one failure of part $2.
zf_count() {
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
