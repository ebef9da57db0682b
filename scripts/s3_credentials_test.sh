#!/usr/bin/env bash
#-------------------------------------------------------------------------
#
# s3_credentials_test.sh
#	  Where a table's server has no user mapping, S3 requests are signed
#	  with the server process's credentials: its AWS_ACCESS_KEY_ID,
#	  AWS_SECRET_ACCESS_KEY and AWS_SESSION_TOKEN, else the shared
#	  credentials file (AWS_SHARED_CREDENTIALS_FILE, profile AWS_PROFILE,
#	  else "default").  The postmaster's environment is fixed when it
#	  starts, so each case restarts a throwaway cluster with another
#	  environment and reads (and writes) objects of the fault server
#	  (test/s3/s3_fault_server.py), which checks every signature with
#	  botocore against its one key and session token: a request signed
#	  with another key or token is refused, so a read that works shows
#	  which credentials were taken.  Prints "s3-credentials: N passed,
#	  M failed".
#
#	Needs the extension installed (make install, or ZF_DESTDIR set after
#	make install DESTDIR=$ZF_DESTDIR).
#
#-------------------------------------------------------------------------
set -u
. "$(dirname "$0")/lib.sh"

"$ZF_ROOT/scripts/deps.sh" python3-botocore >/dev/null || { echo "s3-credentials: 0 passed, 1 failed"; exit 1; }

KEY=zfdwtestkey
SECRET='zfdw/test+secret/KEY'
TOKEN='zfdw-session/TOKEN+1'

dir=$(zf_scratch_dir s3cred)
port=$(zf_free_port 55790)
passed=0
failed=0
fault_pid=

cleanup() {
	[ -n "$fault_pid" ] && kill "$fault_pid" 2>/dev/null && wait "$fault_pid" 2>/dev/null
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
		zf_psql "$dir" "$port" -d postgres -Atq "$@" 2>&1
}

# the fault server, wanting the session token on every request
/usr/bin/python3 "$ZF_ROOT/test/s3/s3_fault_server.py" --root "$ZF_ROOT/test/data" \
	--port-file "$dir/fault.port" --stats "$dir/fault.stats" \
	--access-key "$KEY" --secret-key "$SECRET" --session-token "$TOKEN" \
	--store "$dir/store" --uploads "$dir/uploads" >"$dir/fault.log" 2>&1 &
fault_pid=$!
for _ in $(seq 1 100); do
	[ -s "$dir/fault.port" ] && break
	sleep 0.1
done
endpoint=http://127.0.0.1:$(cat "$dir/fault.port")

# the credentials file: right keys in profile zfdwtest, wrong in default
creds=$dir/credentials
printf '[default]\naws_access_key_id = wrongkey\naws_secret_access_key = wrong\n[zfdwtest]\naws_access_key_id = %s\naws_secret_access_key = %s\naws_session_token = %s\n' \
	"$KEY" "$SECRET" "$TOKEN" >"$creds"
chmod 644 "$creds"

zf_cluster_start "$dir" "$port" || { echo "s3-credentials: 0 passed, 1 failed"; exit 1; }
ksds=$ZF_ROOT/test/data/cobol/ksds_acct_cp037.dat
cpy=$ZF_ROOT/demo/data/ACCTMAST.cpy
sql -v ON_ERROR_STOP=1 >"$dir/setup.out" <<EOF || { cat "$dir/setup.out"; echo "s3-credentials: 0 passed, 1 failed"; exit 1; }
CREATE EXTENSION zfdw;
CREATE SERVER local_files FOREIGN DATA WRAPPER zfdw;
CREATE SERVER store FOREIGN DATA WRAPPER zfdw OPTIONS (s3_endpoint '$endpoint', compression 'none');
CREATE FOREIGN TABLE acct_local (acct_number bigint, acct_holder_name text)
    SERVER local_files OPTIONS (filename '$ksds', copybook '$cpy');
CREATE FOREIGN TABLE acct_s3 (acct_number bigint, acct_holder_name text)
    SERVER store OPTIONS (filename 's3://zfdw-fault/cobol/ksds_acct_cp037.dat', copybook '$cpy');
CREATE FOREIGN TABLE out_w (id int8, name text) SERVER store
    OPTIONS (filename 's3://zfdw-fault/out/env.dat', writable 'true',
             copybook_text '01 R. 05 ID PIC 9(9). 05 NAME PIC X(20).');
EOF
same="(SELECT string_agg(t::text, ',' ORDER BY acct_number) FROM acct_s3 t) = (SELECT string_agg(t::text, ',' ORDER BY acct_number) FROM acct_local t)"

# Restart the cluster with only the AWS variables given (none inherited).
restart_with() {
	zf_cluster_stop "$dir"
	zf_as_pg env -u AWS_ACCESS_KEY_ID -u AWS_SECRET_ACCESS_KEY -u AWS_SESSION_TOKEN \
		-u AWS_PROFILE -u AWS_SHARED_CREDENTIALS_FILE -u AWS_ENDPOINT_URL \
		-u AWS_ENDPOINT_URL_S3 -u AWS_REGION -u AWS_DEFAULT_REGION \
		"$@" "$(zf_pg_bindir)/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w start >/dev/null
}

# 1. the environment's keys and token (the file's default profile, with
# wrong keys, is not looked at)
restart_with AWS_ACCESS_KEY_ID="$KEY" AWS_SECRET_ACCESS_KEY="$SECRET" AWS_SESSION_TOKEN="$TOKEN" \
	AWS_SHARED_CREDENTIALS_FILE="$creds"
check "environment: the object's rows are the local file's" "$(sql -c "SELECT $same")" t
sql -c "INSERT INTO out_w SELECT g, 'env ' || g FROM generate_series(1, 5) g" >/dev/null
check "environment: an object written and read back" \
	"$(sql -c "SELECT count(*), min(name), max(id) FROM out_w")" "5|env 1|5"
# a user mapping comes first: its wrong key is refused though the
# environment's is right (the HEAD that opens the object is answered 403
# without a body: the store's reason is in its log, not in the message)
sql -c "CREATE USER MAPPING FOR postgres SERVER store OPTIONS (aws_access_key_id 'otherkey', aws_secret_access_key 'other')" >/dev/null
check "a user mapping comes before the environment" \
	"$(sql -c "SELECT count(*) FROM acct_s3" | grep -c 'HTTP status 403')" 1
sql -c "DROP USER MAPPING FOR postgres SERVER store" >/dev/null
# the token is signed and sent: without it the store refuses
restart_with AWS_ACCESS_KEY_ID="$KEY" AWS_SECRET_ACCESS_KEY="$SECRET" \
	AWS_SHARED_CREDENTIALS_FILE="$creds"
check "environment without the session token: refused" \
	"$(sql -c "SELECT count(*) FROM acct_s3" | grep -c 'HTTP status 403')" 1

# 2. the credentials file, profile AWS_PROFILE (its token included)
restart_with AWS_SHARED_CREDENTIALS_FILE="$creds" AWS_PROFILE=zfdwtest
check "credentials file, AWS_PROFILE: the object's rows are the local file's" "$(sql -c "SELECT $same")" t
sql -c "INSERT INTO out_w SELECT g, 'file ' || g FROM generate_series(6, 8) g" >/dev/null
check "credentials file: an object appended to and read back" \
	"$(sql -c "SELECT count(*), max(name), max(id) FROM out_w")" "8|file 8|8"
# Two writers of one object at once: the second waits for the first's
# commit (the lock of local files, keyed by the URL), then appends to
# the object the first completed; without it one upload would replace
# the other's rows.
sql -c "BEGIN; INSERT INTO out_w SELECT g, 'first ' || g FROM generate_series(9, 2008) g; SELECT pg_sleep(2); COMMIT;" >/dev/null &
bg=$!
sleep 0.5
sql -c "INSERT INTO out_w SELECT g, 'second ' || g FROM generate_series(2009, 5008) g" >/dev/null
wait "$bg"
check "two writers of an object: serialized, both commits land" \
	"$(sql -c "SELECT count(*) FILTER (WHERE name LIKE 'first%'), count(*) FILTER (WHERE name LIKE 'second%'), count(*), count(DISTINCT id) FROM out_w")" \
	"2000|3000|5008|5008"
# without AWS_PROFILE the default profile's wrong key is used, and refused
restart_with AWS_SHARED_CREDENTIALS_FILE="$creds"
out=$(sql -c "SELECT count(*) FROM acct_s3")
check "credentials file, default profile: its key is taken (and refused)" \
	"$(echo "$out" | grep -c 'HTTP status 403')" 1
check "no secret in the message" "$(echo "$out" | grep -cE 'wrong|zfdw/test|TOKEN')" 0

# every request the store accepted was signed as botocore signs it
stats=$(cat "$dir/fault.stats")
check "botocore computed the same signature for every request" "${stats##* }" 0
check "the server log holds no secret" \
	"$(grep -cE 'zfdw/test\+secret|zfdw-session' "$dir/server.log")" 0
echo "fault server: $stats"
echo "s3-credentials: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
