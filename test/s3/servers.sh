# servers.sh - start and stop the loopback S3 servers of the s3_* tests
# (sourced by scripts/regress.sh and test/bench/bench_s3.sh).
#
#	zf_s3_start DIR		start both servers, state and logs in DIR/s3;
#						sets the variables below and s3_env (an env list)
#	zf_s3_stop			stop them (safe to call twice; call it from a trap)
#
# s3rver (npm, on Node.js) is a real S3-compatible server: it serves the
# bucket zfdw-test, into which every file of test/data is uploaded with
# curl (s3rver accepts any signature: signing is checked by the other
# server).  test/s3/s3_fault_server.py serves test/data as the
# bucket zfdw-fault, verifies every signature with botocore and injects
# faults on demand (see its header).  Both listen on 127.0.0.1 only.
#
#	ZF_S3RVER_ENDPOINT, ZF_S3FAULT_ENDPOINT	 http://127.0.0.1:PORT
#	ZF_S3FAULT_STATS   the fault server's "verified N mismatched M" file
#	ZF_S3FAULT_UPLOADS its "open N completed N aborted N ..." file of
#					   multipart uploads (objects written go to DIR/s3/fault-store)
#	ZF_S3_CREDENTIALS  a shared credentials file, profile zfdwtest, with
#					   the fault server's keys (for the server process)

ZF_S3_NPM_CACHE=${ZF_S3_NPM_CACHE:-/var/cache/zfdw/npm}
ZF_S3_FAULT_KEY=zfdwtestkey
ZF_S3_FAULT_SECRET='zfdw/test+secret/KEY'
zf_s3_pids=()

# s3rver under $ZF_S3_NPM_CACHE (installed once, outside the clone)
zf_s3_install() {
	"$ZF_ROOT/scripts/deps.sh" nodejs python3-botocore curl || return 1
	if ! command -v npm >/dev/null; then
		"$ZF_ROOT/scripts/deps.sh" npm || return 1
	fi
	if [ ! -f "$ZF_S3_NPM_CACHE/node_modules/s3rver/bin/s3rver.js" ]; then
		mkdir -p "$ZF_S3_NPM_CACHE"
		npm install --no-audit --no-fund --silent --prefix "$ZF_S3_NPM_CACHE" s3rver@3.7.1 \
			>"$ZF_S3_NPM_CACHE/install.log" 2>&1 || {
			echo "s3: npm install s3rver failed, see $ZF_S3_NPM_CACHE/install.log"
			return 1
		}
	fi
}

# Wait until a TCP port answers (10 s at most).
zf_s3_wait_port() {
	local i
	for i in $(seq 1 100); do
		(exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0
		sleep 0.1
	done
	return 1
}

zf_s3_start() {
	local dir=$1/s3 port f key
	zf_s3_install || return 1
	mkdir -p "$dir/s3rver"
	chmod 755 "$dir"

	# the fault server, on a port it chooses
	/usr/bin/python3 "$ZF_ROOT/test/s3/s3_fault_server.py" --root "$ZF_ROOT/test/data" \
		--port-file "$dir/fault.port" --stats "$dir/fault.stats" \
		--access-key "$ZF_S3_FAULT_KEY" --secret-key "$ZF_S3_FAULT_SECRET" \
		--store "$dir/fault-store" --uploads "$dir/fault.uploads" \
		>"$dir/fault.log" 2>&1 &
	zf_s3_pids+=($!)
	for _ in $(seq 1 100); do
		[ -s "$dir/fault.port" ] && break
		sleep 0.1
	done
	[ -s "$dir/fault.port" ] || { echo "s3: the fault server did not start"; cat "$dir/fault.log"; return 1; }
	ZF_S3FAULT_ENDPOINT=http://127.0.0.1:$(cat "$dir/fault.port")
	ZF_S3FAULT_STATS=$dir/fault.stats
	ZF_S3FAULT_UPLOADS=$dir/fault.uploads

	# s3rver
	port=$(zf_free_port 54568)
	node "$ZF_S3_NPM_CACHE/node_modules/s3rver/bin/s3rver.js" -d "$dir/s3rver" \
		-a 127.0.0.1 -p "$port" --silent --no-vhost-buckets --configure-bucket zfdw-test \
		>"$dir/s3rver.log" 2>&1 &
	zf_s3_pids+=($!)
	zf_s3_wait_port "$port" || { echo "s3: s3rver did not start"; cat "$dir/s3rver.log"; return 1; }
	ZF_S3RVER_ENDPOINT=http://127.0.0.1:$port
	(cd "$ZF_ROOT/test/data" && find . -type f | sort) | while read -r f; do
		key=${f#./}
		curl -sS -f --aws-sigv4 "aws:amz:us-east-1:s3" --user S3RVER:S3RVER \
			-H "x-amz-content-sha256: UNSIGNED-PAYLOAD" -T "$ZF_ROOT/test/data/$key" "$ZF_S3RVER_ENDPOINT/zfdw-test/$key" >/dev/null || exit 1
	done || { echo "s3: uploading test/data to s3rver failed"; return 1; }
	for f in "$ZF_ROOT"/demo/data/*.cpy; do
		curl -sS -f --aws-sigv4 "aws:amz:us-east-1:s3" --user S3RVER:S3RVER \
			-H "x-amz-content-sha256: UNSIGNED-PAYLOAD" -T "$f" \
			"$ZF_S3RVER_ENDPOINT/zfdw-test/demo/$(basename "$f")" >/dev/null || return 1
	done

	ZF_S3_CREDENTIALS=$dir/credentials
	printf '[default]\naws_access_key_id = wrong\naws_secret_access_key = wrong\n[zfdwtest]\naws_access_key_id = %s\naws_secret_access_key = %s\n' \
		"$ZF_S3_FAULT_KEY" "$ZF_S3_FAULT_SECRET" >"$ZF_S3_CREDENTIALS"
	chmod 644 "$ZF_S3_CREDENTIALS"
	# the server process takes these too: inspect_file and the other SQL
	# functions, which have no server, reach the fault server through
	# AWS_ENDPOINT_URL, with the keys of the credentials file
	s3_env=(ZF_S3RVER_ENDPOINT="$ZF_S3RVER_ENDPOINT" ZF_S3FAULT_ENDPOINT="$ZF_S3FAULT_ENDPOINT"
		ZF_S3FAULT_UPLOADS="$ZF_S3FAULT_UPLOADS"
		AWS_SHARED_CREDENTIALS_FILE="$ZF_S3_CREDENTIALS" AWS_PROFILE=zfdwtest
		AWS_ENDPOINT_URL="$ZF_S3FAULT_ENDPOINT")
	echo "s3: s3rver at $ZF_S3RVER_ENDPOINT, fault server at $ZF_S3FAULT_ENDPOINT"
}

zf_s3_stop() {
	local pid
	for pid in "${zf_s3_pids[@]}"; do
		kill "$pid" 2>/dev/null || true
	done
	for pid in "${zf_s3_pids[@]}"; do
		wait "$pid" 2>/dev/null || true
	done
	zf_s3_pids=()
}
