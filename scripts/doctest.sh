#!/usr/bin/env bash
#-------------------------------------------------------------------------
#
# doctest.sh
#	  Run the SQL examples of the documents (README.md and docs/*.md)
#	  against a throwaway cluster with zfdw installed, and compare their
#	  output with the output the documents show (scripts/doctest.py).
#	  Prints "doctest: N passed, M failed", counting sql blocks.
#
#	doctest.sh [documents...]	default: README.md docs/*.md
#
# ZF_DOCTEST_DUMP=FILE writes every block's actual output to FILE (JSON,
# doctest.py --dump).
#
# The documents read their example files from /srv/zfdw ("make examples",
# scripts/examples.sh, puts them there); this script has the same script
# put them in a scratch folder and maps the one path to the other, so the
# tests touch nothing outside their scratch space.
#
# docs/object-storage.md reads a bucket "mainframe" of an S3-compatible
# server at http://127.0.0.1:4568 (s3rver's own port and keys): this
# script starts the loopback servers of the s3_* regress tests
# (test/s3/servers.sh), makes that bucket on its s3rver, uploads the
# objects the document reads, and maps the document's endpoint to the
# server's.
#
#-------------------------------------------------------------------------
set -u
. "$(dirname "$0")/lib.sh"
cd "$ZF_ROOT"

if [ $# -gt 0 ]; then
	docs=("$@")
else
	docs=(README.md docs/*.md)
fi

dir=$(zf_scratch_dir doctest)
examples=""
. "$ZF_ROOT/test/s3/servers.sh"
trap 'zf_cluster_stop "$dir"; zf_s3_stop; rm -rf "$dir" ${examples:+"$examples"} ${ZF_OWN_DESTDIR:+"$ZF_OWN_DESTDIR"}' EXIT

zf_install_private || { echo "doctest: 0 passed, 1 failed"; exit 1; }

# the example files, where the documents say they are, put there by the
# script of "make examples": a folder whose name is as long as /srv/zfdw,
# so that outputs naming a file keep the widths the documents show
examples=$(mktemp -d /tmp/zXXX)
EXAMPLES_DIR=$examples scripts/examples.sh >/dev/null ||
	{ echo "doctest: 0 passed, 1 failed"; exit 1; }
chmod 755 "$examples"
if [ "$(id -u)" -eq 0 ]; then chown -R postgres: "$dir"; fi

# the bucket of docs/object-storage.md: the copybook and two days of
# unloads of the demo's account master
# (zf_free_port only sees that a port is free; when another test's s3rver
# takes the same port at the same moment, ours cannot listen and exits,
# and the uploads went to the other one: start again on the next port)
for try in 1 2 3; do
	zf_s3_start "$dir" >/dev/null || { echo "doctest: 0 passed, 1 failed"; exit 1; }
	if kill -0 "${zf_s3_pids[1]}" 2>/dev/null; then break; fi
	zf_s3_stop
	rm -rf "$dir/s3"
	[ "$try" -lt 3 ] || { echo "doctest: s3rver did not stay up"; echo "doctest: 0 passed, 1 failed"; exit 1; }
done
s3_put() {
	curl -sS -f --aws-sigv4 "aws:amz:us-east-1:s3" --user S3RVER:S3RVER \
		-H "x-amz-content-sha256: UNSIGNED-PAYLOAD" "$@"
}
s3_put -X PUT "$ZF_S3RVER_ENDPOINT/mainframe" >/dev/null &&
	s3_put -T demo/data/ACCTMAST.cpy "$ZF_S3RVER_ENDPOINT/mainframe/copybooks/ACCTMAST.cpy" >/dev/null &&
	s3_put -T demo/data/acctmast.dat "$ZF_S3RVER_ENDPOINT/mainframe/unload/2026-12-01/ACCTMAST.D1201" >/dev/null &&
	s3_put -T demo/data/acctmast.dat "$ZF_S3RVER_ENDPOINT/mainframe/unload/2026-12-02/ACCTMAST.D1202" >/dev/null ||
	{ echo "doctest: uploading to s3rver failed"; echo "doctest: 0 passed, 1 failed"; exit 1; }

# below the ephemeral range (32768 and up): the uploads' connections,
# waiting out TIME_WAIT there, would keep the server from binding
port=$(zf_free_port 29432)
zf_cluster_start "$dir" "$port" || { echo "doctest: 0 passed, 1 failed"; exit 1; }

# the sql-remote blocks of docs/managed-postgresql.md run too: their
# postgres_fdw server, meant for a zfdw host seen from a managed database,
# is pointed at the document's own database on this cluster, which plays
# both parts (without TLS, for the current user)
PATH="$(zf_pg_bindir):$PATH" python3 scripts/doctest.py \
	--host "$dir" --port "$port" \
	--map "/srv/zfdw=$examples" \
	--map "http://127.0.0.1:4568=$ZF_S3RVER_ENDPOINT" \
	--tag sql-remote \
	--map "host 'zfdw-host.internal'=host '$dir'" \
	--map "port '5432'=port '$port'" \
	--map "dbname 'mainframe'=dbname '{db}'" \
	--map "sslmode 'require'=sslmode 'disable'" \
	--map "FOR app_user=FOR CURRENT_USER" \
	${ZF_DOCTEST_DUMP:+--dump "$ZF_DOCTEST_DUMP"} \
	"${docs[@]}"
