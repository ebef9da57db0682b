#!/usr/bin/env bash
#-------------------------------------------------------------------------
#
# bench_tape_seek.sh
#	  Key seeks in a tape image: one key of a KSDS export that is file 2
#	  of a labeled AWSTAPE image (mapped from its block headers: a seek),
#	  against the same key in the image's zlib HET copy (read in order:
#	  the key filters), and a count of the whole data set of each.  The
#	  image is written once per size by test/data/archive/make_tapes.py's
#	  writer (FB 40, 50 records a block), its copy by Hercules' hetupd.
#	  Prints figures; asserts nothing.
#
#	  BENCH_ROWS (default 999999: keys are six digits), BENCH_REPEAT (default 3 rounds, best
#	  taken), BENCH_WORK (default test/bench/work: where the data is)
#
#-------------------------------------------------------------------------
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
. "$here/../../scripts/lib.sh"
rows=${BENCH_ROWS:-999999}
repeat=${BENCH_REPEAT:-3}
work=${BENCH_WORK:-$here/work}
mkdir -p "$work"
chmod 755 "$work"

aws="$work/ksds_$rows.aws"
if [ ! -f "$aws" ]; then
	echo "writing $rows records"
	PYTHONDONTWRITEBYTECODE=1 python3 - "$ZF_ROOT/test/data/archive" "$rows" "$aws" <<'PY'
import sys
sys.path.insert(0, sys.argv[1])
import make_tapes as m
n, out = int(sys.argv[2]), sys.argv[3]
t = m.Tape()
t.block(m.vol1("ZFT007"))
m.data_set(t, "ZFT007", 1, "ZF.BENCH.FIRST", "V", 300, 104, "B", m.v_blocks("J", 20, 9, 91, 300))
m.data_set(t, "ZFT007", 2, "ZF.BENCH.KSDS", "F", 2000, 40, "B", m.fb_blocks("K", n, 40, 50))
t.mark()
open(out, "wb").write(bytes(t.out))
PY
fi
[ -f "$aws.het" ] || hetupd -z "$aws" "$aws.het" >/dev/null 2>&1
chmod 644 "$aws" "$aws.het"
ls -l "$aws" "$aws.het"

zf_install_private
dir=$(zf_scratch_dir bench)
port=$(zf_free_port 58472)
trap 'zf_cluster_stop "$dir"; rm -rf "$dir" $ZF_OWN_DESTDIR' EXIT
zf_cluster_start "$dir" "$port" "shared_buffers=256MB" "jit=off"

zf_psql "$dir" "$port" -q -v ON_ERROR_STOP=1 -v rows="$rows" -v repeat="$repeat" \
	-v aws="$aws" -v het="$aws.het" -f "$here/bench_tape_seek.sql"
