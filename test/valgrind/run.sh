#!/usr/bin/env bash
#-------------------------------------------------------------------------
#
# run.sh
#	  Run the pg_regress suite against a server that runs under Valgrind's
#	  memcheck, and report every error in a process that touched zfdw.
#
#	test/valgrind/run.sh [test names...]	default: every test/sql/*.sql
#
# The server (postmaster, backends, parallel workers: all forks of one
# process) runs under valgrind --trace-children=yes with PostgreSQL's own
# suppressions (postgres.supp).  Debian's PostgreSQL is not built with
# USE_VALGRIND, so palloc chunks are not tracked one by one; zfdw's core
# allocates with malloc, which memcheck sees exactly.  Leaks are counted
# as "definitely lost" blocks whose allocation stack passes through
# zfdw.so: PostgreSQL itself leaves memory behind at exit by design.
#
# It takes minutes (the suite is some 30 times slower under memcheck):
# run it by hand, not from make check.  Needs "make install" (with
# ZF_DESTDIR, as for scripts/regress.sh); installs valgrind through
# scripts/deps.sh when it is missing.
#
#-------------------------------------------------------------------------
set -u
. "$(dirname "$0")/../../scripts/lib.sh"
cd "$ZF_ROOT"

scripts/deps.sh valgrind || exit 2
if [ $# -gt 0 ]; then
	tests=("$@")
else
	tests=()
	for f in test/sql/*.sql; do
		tests+=("$(basename "$f" .sql)")
	done
fi

bindir=$(zf_pg_bindir) || exit 2
pg_regress="$(dirname "$(pg_config --pgxs)")/../test/regress/pg_regress"
out=$(zf_scratch_dir valgrind)
port=$(zf_free_port 56432)

zf_as_pg "$bindir/initdb" -D "$out/data" -U postgres --auth=trust \
	-E UTF8 --locale=C.UTF-8 >"$out/initdb.log" 2>&1 || { cat "$out/initdb.log" >&2; exit 2; }
{
	cat "$ZF_ROOT/test/regress.conf"
	echo "listen_addresses = ''"
	echo "unix_socket_directories = '$out'"
	echo "port = $port"
	if [ -n "${ZF_DESTDIR:-}" ]; then
		echo "extension_destdir = '$ZF_DESTDIR'"
	fi
} | zf_as_pg tee -a "$out/data/postgresql.conf" >/dev/null

# the server, every process it forks, under memcheck; one log per process
zf_as_pg valgrind --trace-children=yes --track-origins=no \
	--read-var-info=no --num-callers=40 --fullpath-after=src/ \
	--suppressions="$ZF_ROOT/test/valgrind/postgres.supp" \
	--leak-check=full --show-leak-kinds=definite --errors-for-leak-kinds=definite \
	--log-file="$out/valgrind.%p.log" \
	"$bindir/postgres" -D "$out/data" >"$out/server.log" 2>&1 &

for i in $(seq 600); do
	"$bindir/pg_isready" -q -h "$out" -p "$port" && break
	sleep 1
done
"$bindir/pg_isready" -q -h "$out" -p "$port" || {
	echo "run.sh: the server did not start under valgrind" >&2
	cat "$out/server.log" >&2
	exit 2
}

PGUSER=postgres zf_as_pg "$pg_regress" \
	--host="$out" --port="$port" \
	--bindir="$bindir" \
	--inputdir="$ZF_ROOT/test" \
	--outputdir="$out" \
	--dbname=contrib_regression \
	"${tests[@]}" 2>&1 | tee "$out/pg_regress.log"

zf_as_pg "$bindir/pg_ctl" -D "$out/data" -m fast -w -t 600 stop >/dev/null 2>&1
# the processes write their leak reports as they exit
sleep 5

passed=$(grep -cE '\.\.\. ok( |$)' "$out/pg_regress.log")
failed=$(grep -cE '\.\.\. FAILED' "$out/pg_regress.log")

# Processes with errors, and those whose errors involve zfdw (its frames
# show as core/x.c or fdw/x.c with --fullpath-after=src/, or zfdw.so
# without debug symbols).
# Debian's postgres binary is stripped, so PostgreSQL's suppressions that
# name its static functions do not match: its own harmless reports (padding
# written to disk, the postmaster's strdup'd arguments) remain, and are
# told apart here.
logs_with_errors=0
zfdw_errors=0
: >"$out/zfdw-errors.txt"
for log in "$out"/valgrind.*.log; do
	if grep -qE 'ERROR SUMMARY: [1-9]' "$log"; then
		logs_with_errors=$((logs_with_errors + 1))
		if grep -qE 'zfdw\.so|\((core|fdw)/[a-z_0-9]+\.c:' "$log"; then
			zfdw_errors=$((zfdw_errors + 1))
			{ echo "== $log"; cat "$log"; } >>"$out/zfdw-errors.txt"
		fi
	fi
done
nlogs=$(ls "$out"/valgrind.*.log | wc -l)

echo "valgrind: $nlogs processes, $logs_with_errors with memcheck errors, $zfdw_errors of them in zfdw (the others are PostgreSQL's own)"
echo "valgrind: logs in $out"
if [ "$zfdw_errors" -gt 0 ]; then
	echo "valgrind: the errors that involve zfdw are in $out/zfdw-errors.txt"
fi
echo "regress under valgrind: $passed passed, $failed failed"
[ "$zfdw_errors" -eq 0 ] && [ "$failed" -eq 0 ]
