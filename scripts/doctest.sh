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
# The documents read their example files from /srv/zfdw; this script puts
# the same files in a scratch folder and maps the one path to the other,
# so the tests touch nothing outside their scratch space.
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

# the example files, where the documents say they are: a folder whose
# name is as long as /srv/zfdw, so that outputs naming a file keep the
# widths the documents show
examples=$(mktemp -d /tmp/zXXX)
cp demo/data/* test/data/hand/* test/data/cdc/* "$examples/" 2>/dev/null
cp test/data/cobol/ODOREC.cpy test/data/cobol/odo_*_cp037.dat "$examples/"
chmod -R a+rX "$examples"
if [ "$(id -u)" -eq 0 ]; then chown -R postgres: "$dir"; fi

zf_cluster_start "$dir" "$port" || { echo "doctest: 0 passed, 1 failed"; exit 1; }

PATH="$(zf_pg_bindir):$PATH" python3 scripts/doctest.py \
	--host "$dir" --port "$port" \
	--map "/srv/zfdw=$examples" \
	"${docs[@]}"
