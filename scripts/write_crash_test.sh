#!/usr/bin/env bash
#-------------------------------------------------------------------------
#
# write_crash_test.sh
#	  The crash test of INSERT into a zfdw foreign table: a long INSERT is
#	  crashed in the middle (kill -9 of its backend, then of the
#	  whole server), and the file must be exactly what it was before; the
#	  leftover temporary file must not trip the next INSERT, which must
#	  commit whole records after the old ones.  Then two sessions write
#	  one file at the same time: both commits land, serialized, never
#	  interleaved (vb records: an interleaved write breaks the RDW chain).
#	  zfdw.unload_for_db2 crashed in the middle leaves its data set and its
#	  punch as they were.
#	  Also the file system side of privileges: the mode of written files,
#	  and symbolic links refused.
#	  Prints "write-crash: N passed, M failed".
#
#	Needs the extension installed (make install, or ZF_DESTDIR set after
#	make install DESTDIR=$ZF_DESTDIR).
#
#-------------------------------------------------------------------------
set -u
. "$(dirname "$0")/lib.sh"

ROWS=${ZF_WRITE_CRASH_ROWS:-3000000}

dir=$(zf_scratch_dir wcrash)
port=$(zf_free_port 55760)
passed=0
failed=0
bg_pid=

cleanup() {
	[ -n "$bg_pid" ] && kill "$bg_pid" 2>/dev/null
	zf_cluster_stop "$dir"
	rm -rf "$dir"
}
trap cleanup EXIT

check() {
	if [ "$2" = "$3" ]; then
		echo "ok: $1"
		passed=$((passed + 1))
	else
		echo "FAILED: $1: got '$2', expected '$3'"
		failed=$((failed + 1))
	fi
}

sql() {
	PGOPTIONS="-c client_min_messages=warning" \
		zf_psql "$dir" "$port" -d postgres -Atq -v ON_ERROR_STOP=1 "$@"
}

file="$dir/files/accounts.dat"
tmp="$dir/files/.accounts.dat.zfdw-tmp"

# wait until the INSERT has written a good part of its temporary file
# (or of the one named by $1)
wait_for_temp() {
	local i size
	for i in $(seq 1 600); do
		size=$(stat -c %s "${1:-$tmp}" 2>/dev/null || echo 0)
		[ "$size" -gt 2000000 ] && return 0
		sleep 0.05
	done
	return 1
}

wait_ready() {
	local i
	for i in $(seq 1 120); do
		"$(zf_pg_bindir)/pg_isready" -q -h "$dir" -p "$port" && return 0
		sleep 0.5
	done
	return 1
}

start=$(date +%s)
zf_cluster_start "$dir" "$port" || { echo "write-crash: 0 passed, 1 failed"; exit 1; }
zf_as_pg mkdir "$dir/files"

sql >/dev/null <<EOF
CREATE EXTENSION zfdw;
CREATE SERVER s FOREIGN DATA WRAPPER zfdw;
CREATE FOREIGN TABLE accounts (id int8, name text, balance numeric)
SERVER s OPTIONS (filename '$file', writable 'true', recfm 'vb', copybook_text '
       01  ACCOUNT.
           05  ID          PIC 9(10) COMP-3.
           05  NAME        PIC X(20).
           05  BALANCE     PIC S9(11)V99 COMP-3.
');
INSERT INTO accounts SELECT g, 'account ' || g, g * 1.25 FROM generate_series(1, 1000) g;
EOF
old_md5=$(md5sum "$file" | cut -d' ' -f1)

# A crash in the middle of an INSERT leaves the old file; the next INSERT
# removes the leftover and appends.  $1 says what is killed.
crash_insert() {
	local how=$1 pid
	cat >"$dir/crash.sql" <<EOF
\o $dir/crash.pid
SELECT pg_backend_pid();
\o
INSERT INTO accounts SELECT g, 'crash ' || g, g FROM generate_series(1, $ROWS) g;
EOF
	chmod 644 "$dir/crash.sql"
	sql -f "$dir/crash.sql" >"$dir/crash.out" 2>&1 &
	bg_pid=$!
	if wait_for_temp; then
		if [ "$how" = backend ]; then
			zf_as_root kill -9 "$(cat "$dir/crash.pid")"
		else
			# the whole server dies at once, as in a power cut: the
			# postmaster, then every process it had started
			pid=$(head -1 "$dir/data/postmaster.pid")
			children=$(grep -l "^PPid:[[:space:]]*$pid\$" /proc/[0-9]*/status 2>/dev/null | cut -d/ -f3)
			zf_as_root kill -9 "$pid"
			for child in $children; do zf_as_root kill -9 "$child" 2>/dev/null; done
		fi
	fi
	wait "$bg_pid"
	bg_pid=
	if [ "$how" = postmaster ]; then
		sleep 1
		# a killed postmaster nobody reaps stays a zombie, which its lock
		# file check takes for a live server: the lock file goes then
		if grep -q '^State:.*Z' "/proc/$pid/status" 2>/dev/null || [ ! -d "/proc/$pid" ]; then
			zf_as_pg rm -f "$dir/data/postmaster.pid" "$dir/.s.PGSQL.$port.lock"
		fi
		zf_as_pg "$(zf_pg_bindir)/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w start >"$dir/restart.log" 2>&1 || cat "$dir/restart.log" "$dir/server.log" | tail -20
	fi
	wait_ready
	check "kill -9 of the $how: the INSERT did not finish" \
		"$(grep -c 'INSERT 0' "$dir/crash.out")" 0
	check "kill -9 of the $how: the file is the old one" \
		"$(md5sum "$file" | cut -d' ' -f1)" "$old_md5"
	check "kill -9 of the $how: a temporary file was left" "$(test -f "$tmp" && echo yes)" yes
	sql -c "INSERT INTO accounts VALUES (2000000, 'after $how', 1)"
	check "kill -9 of the $how: the next INSERT commits after the old records" \
		"$(sql -c "SELECT count(*), max(id), sum(balance) FROM accounts")" \
		"1001|2000000|$(sql -c "SELECT sum(g * 1.25) + 1 FROM generate_series(1, 1000) g")"
	check "kill -9 of the $how: no temporary file is left" "$(test -f "$tmp" && echo yes)" ""
	check "kill -9 of the $how: the old records are unchanged" \
		"$(head -c "$(stat -c %s "$dir/old.dat")" "$file" | md5sum | cut -d' ' -f1)" "$old_md5"
	# back to the old file for the next round
	zf_as_pg cp "$dir/old.dat" "$file"
}

# Files are created with the server's mode under its umask: not
# world-writable (PostgreSQL's default: 0600)
mode=$(stat -c %a "$file")
check "the written file is not world-writable (mode $mode)" "$(( 0$mode & 2 ))" 0
# Symbolic links are not written through: the file, or a directory
zf_as_pg ln -s "$file" "$dir/files/link.dat"
zf_as_pg ln -s "$dir/files" "$dir/linkdir"
sql -c "CREATE FOREIGN TABLE via_link (name text) SERVER s OPTIONS (filename '$dir/files/link.dat', writable 'true', copybook_text '01 R. 05 NAME PIC X(4).');
		CREATE FOREIGN TABLE via_dir (name text) SERVER s OPTIONS (filename '$dir/linkdir/x.dat', writable 'true', copybook_text '01 R. 05 NAME PIC X(4).');"
check "a symbolic link as the file is refused" \
	"$(sql -c "INSERT INTO via_link VALUES ('x')" 2>&1 | grep -c 'is a symbolic link')" 1
check "a directory reached through a symbolic link is refused" \
	"$(sql -c "INSERT INTO via_dir VALUES ('x')" 2>&1 | grep -c 'reached through a symbolic link')" 1
check "the file behind the link is unchanged" "$(md5sum "$file" | cut -d' ' -f1)" "$old_md5"

zf_as_pg cp "$file" "$dir/old.dat"
crash_insert backend
crash_insert postmaster

# A crash in the middle of unload_for_db2 leaves both files as they were;
# the next unload replaces both
unload="$dir/files/unload.dat"
punch="$dir/files/unload.punch"
unload_query="SELECT g AS id, (''account '' || g)::varchar(20) AS name FROM generate_series(1, %s) g"
check "an unload of 10 rows" \
	"$(sql -c "SELECT records FROM zfdw.unload_for_db2(format('$unload_query', 10), '$unload', '$punch', 'OLD.T')")" 10
unload_md5=$(cat "$unload" "$punch" | md5sum | cut -d' ' -f1)
cat >"$dir/crash_unload.sql" <<EOF
\o $dir/crash.pid
SELECT pg_backend_pid();
\o
SELECT records FROM zfdw.unload_for_db2(format('$unload_query', $ROWS), '$unload', '$punch', 'NEW.T');
EOF
chmod 644 "$dir/crash_unload.sql"
sql -f "$dir/crash_unload.sql" >"$dir/crash.out" 2>&1 &
bg_pid=$!
wait_for_temp "$dir/files/.unload.dat.zfdw-tmp" && zf_as_root kill -9 "$(cat "$dir/crash.pid")"
wait "$bg_pid"
bg_pid=
wait_ready
check "kill -9 during unload_for_db2: the data set and the punch are the old ones" \
	"$(cat "$unload" "$punch" | md5sum | cut -d' ' -f1)" "$unload_md5"
sql -c "SELECT records FROM zfdw.unload_for_db2(format('$unload_query', 5), '$unload', '$punch', 'NEW.T')" >/dev/null
check "after the crash, the next unload replaces both files" \
	"$(stat -c %s "$unload")|$(grep -c '"NEW"."T"' "$punch")|$(ls -a "$dir/files" | grep -c zfdw-tmp)" "140|1|0"

# Two writers at once: the second waits for the first's commit
sql -c "BEGIN; INSERT INTO accounts SELECT g, 'first ' || g, 1 FROM generate_series(1, 20000) g; SELECT pg_sleep(2); COMMIT;" >/dev/null &
bg_pid=$!
sleep 0.5
sql -c "INSERT INTO accounts SELECT g, 'second ' || g, 2 FROM generate_series(1, 30000) g"
wait "$bg_pid"
bg_pid=
check "two writers: both commits land, records whole" \
	"$(sql -c "SELECT count(*) FILTER (WHERE name LIKE 'first%'), count(*) FILTER (WHERE name LIKE 'second%'), count(*) FROM accounts")" \
	"20000|30000|51000"
check "two writers: serialized, the second after the first" \
	"$(sql -c "SELECT bool_and(name LIKE 'first%') FROM (SELECT name FROM accounts OFFSET 1000 LIMIT 20000) x")" t

echo "write crash test took $(( $(date +%s) - start )) s"
echo "write-crash: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
