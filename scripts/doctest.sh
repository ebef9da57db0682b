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
# The documents read their example files from /srv/zfdw ("make examples",
# scripts/examples.sh, puts them there); this script has the same script
# put them in a scratch folder and maps the one path to the other, so the
# tests touch nothing outside their scratch space.
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
port=$(zf_free_port 56432)
examples=""
trap 'zf_cluster_stop "$dir"; rm -rf "$dir" ${examples:+"$examples"} ${ZF_OWN_DESTDIR:+"$ZF_OWN_DESTDIR"}' EXIT

zf_install_private || { echo "doctest: 0 passed, 1 failed"; exit 1; }

# the example files, where the documents say they are, put there by the
# script of "make examples": a folder whose name is as long as /srv/zfdw,
# so that outputs naming a file keep the widths the documents show
examples=$(mktemp -d /tmp/zXXX)
EXAMPLES_DIR=$examples scripts/examples.sh >/dev/null ||
	{ echo "doctest: 0 passed, 1 failed"; exit 1; }
chmod 755 "$examples"
if [ "$(id -u)" -eq 0 ]; then chown -R postgres: "$dir"; fi

zf_cluster_start "$dir" "$port" || { echo "doctest: 0 passed, 1 failed"; exit 1; }

# the sql-remote blocks of docs/managed-postgresql.md run too: their
# postgres_fdw server, meant for a zfdw host seen from a managed database,
# is pointed at the document's own database on this cluster, which plays
# both parts (without TLS, for the current user)
PATH="$(zf_pg_bindir):$PATH" python3 scripts/doctest.py \
	--host "$dir" --port "$port" \
	--map "/srv/zfdw=$examples" \
	--tag sql-remote \
	--map "host 'zfdw-host.internal'=host '$dir'" \
	--map "port '5432'=port '$port'" \
	--map "dbname 'mainframe'=dbname '{db}'" \
	--map "sslmode 'require'=sslmode 'disable'" \
	--map "FOR app_user=FOR CURRENT_USER" \
	"${docs[@]}"
