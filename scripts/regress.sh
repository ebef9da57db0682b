#!/usr/bin/env bash
#-------------------------------------------------------------------------
#
# regress.sh
#	  Run the pg_regress suite (test/sql, test/expected) against a
#	  temporary instance that uses the installed extension, as a non-root
#	  user, and print "regress: N passed, M failed".
#
#	regress.sh [test names...]	 default: every test/sql/*.sql in order
#
#-------------------------------------------------------------------------
set -u
. "$(dirname "$0")/lib.sh"
cd "$ZF_ROOT"

if [ $# -gt 0 ]; then
	tests=("$@")
else
	tests=()
	for f in test/sql/*.sql; do
		tests+=("$(basename "$f" .sql)")
	done
fi

zf_data_root
data_root=$ZF_DATA_ROOT
stage=$ZF_STAGE
pgxs=$("$(zf_pg_config)" --pgxs)
pg_regress="$(dirname "$pgxs")/../test/regress/pg_regress"
out=$(zf_scratch_dir regress)
port=$(zf_free_port 55432)

# with ZF_DESTDIR the extension comes from "make install DESTDIR=..."
# the s3_* tests read from loopback S3 servers started here (test/s3)
s3_env=()
if printf '%s\n' "${tests[@]}" | grep -q '^s3_'; then
	. "$ZF_ROOT/test/s3/servers.sh"
	trap zf_s3_stop EXIT
	zf_s3_start "$out" || { echo "regress: 0 passed, 1 failed"; exit 1; }
fi

cp "$ZF_ROOT/test/regress.conf" "$out/regress.conf"
if [ -n "${ZF_DESTDIR:-}" ]; then
	echo "extension_destdir = '$ZF_DESTDIR'" >>"$out/regress.conf"
fi

zf_as_pg env ZF_PSQL="$(zf_pg_bindir)/psql" "${s3_env[@]}" "$pg_regress" \
	--temp-instance="$out/tmp_check" \
	--port="$port" \
	--bindir="$(zf_pg_bindir)" \
	--temp-config="$out/regress.conf" \
	--inputdir="$data_root/test" \
	--outputdir="$out" \
	--dbname=contrib_regression \
	--encoding=UTF8 \
	--no-locale \
	"${tests[@]}" 2>&1 | tee "$out/pg_regress.log"

# 15 prints "test name ... ok"; 16 and later print TAP ("ok 1 - name")
# every request the fault server saw was signed as botocore signs it
if [ ${#s3_env[@]} -gt 0 ]; then
	zf_s3_stop
	echo "s3: fault server: $(cat "$ZF_S3FAULT_STATS")"
	if ! grep -q "mismatched 0$" "$ZF_S3FAULT_STATS"; then
		echo "s3: requests whose signature botocore did not compute the same (see $out/s3/fault.log)"
		echo "regress: 0 passed, 1 failed"
		exit 1
	fi
	# no secret of the tests' user mappings reaches the server log
	if grep -rlF -e 'zfdw/test+secret/KEY' -e 'plain-Secret-4711' -e 'not-The-Secret-42' \
		"$out/log" >/dev/null 2>&1; then
		echo "s3: a secret is in the server log ($out/log)"
		echo "regress: 0 passed, 1 failed"
		exit 1
	fi
fi

passed=$(grep -cE '\.\.\. ok( |$)|^ok [0-9]+ ' "$out/pg_regress.log")
failed=$(grep -cE '\.\.\. FAILED|^not ok [0-9]+ ' "$out/pg_regress.log")
expected=${#tests[@]}
if [ $((passed + failed)) -lt "$expected" ]; then
	failed=$((expected - passed))
fi

# keep the diffs where the developer looks for them
rm -rf regression.diffs regression.out results
if [ "$failed" -gt 0 ]; then
	cp "$out/regression.diffs" "$out/regression.out" "$ZF_ROOT/" 2>/dev/null
	cp -r "$out/results" "$ZF_ROOT/results" 2>/dev/null
	echo "pg_regress: differences in $ZF_ROOT/regression.diffs, outputs in $ZF_ROOT/results/"
fi
rm -rf "$out/results" "$out/tmp_check"
[ -n "$stage" ] && rm -rf "$stage"
echo "regress: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
