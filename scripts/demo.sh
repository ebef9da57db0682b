#!/usr/bin/env bash
#-------------------------------------------------------------------------
#
# demo.sh
#	  "make demo": on a fresh Debian 12 machine, install what is missing,
#	  build and install zfdw, start a throwaway cluster as a non-root user,
#	  load the bundled sample data, run the showcase queries, and stop the
#	  cluster again.  The change extract of part 7 is written at each run
#	  (demo/data/acctcdc.py), its commit times ending now, so that the lag
#	  the demo shows is that of a live feed.
#
#-------------------------------------------------------------------------
set -euo pipefail
. "$(dirname "$0")/lib.sh"
cd "$ZF_ROOT"

scripts/deps.sh

echo "== building and installing zfdw"
make -s all
zf_as_root make -s install

zf_data_root
data_root=$ZF_DATA_ROOT
stage=$ZF_STAGE
dir=$(zf_scratch_dir demo)
port=$(zf_free_port 57432)
trap 'zf_cluster_stop "$dir"; rm -rf "$dir" ${stage:+"$stage"}' EXIT
echo "== starting a throwaway cluster in $dir (port $port, user $(zf_pg_user))"
zf_cluster_start "$dir" "$port"

# the server reads the extract: write it into the scratch directory,
# which the PostgreSQL user can read
python3 demo/data/acctcdc.py --out "$dir/acctcdc.dat"
chmod 644 "$dir/acctcdc.dat"

echo "== running demo/demo.sql"
zf_psql "$dir" "$port" -v ON_ERROR_STOP=1 -v demo="$data_root/demo" \
	-v acctcdc="$dir/acctcdc.dat" -f "$data_root/demo/demo.sql"
echo "== demo finished; the cluster is stopped and removed"
