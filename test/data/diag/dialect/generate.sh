#!/bin/bash
#
# generate.sh - writes the dialect fixtures of this folder with GnuCOBOL:
# dialgen.cbl compiled with GnuCOBOL's default configuration
# (gnucobol.dat: binary-size 1-2-4-8, COMP big-endian, COMP-5
# little-endian on x86, ASCII zoned signs) and with -std=mf (mf.dat:
# Micro Focus's minimal binary sizes 1--8); syncgen.cbl the same way
# (gnucobol_sync.dat, mf_sync.dat: SYNCREC's SYNCHRONIZED items with
# GnuCOBOL's slack bytes, "#" in every slack byte); compxgen.cbl too
# (gnucobol_compx.dat, mf_compx.dat: CMPXREC's COMP-X items, laid out
# alike in both); and ibmsyncgen.cbl with -std=ibm (ibm_sync.dat:
# IBMSYNC's SYNCHRONIZED items, placed where IBM places them: GnuCOBOL's
# -std=ibm differs from IBM for 8-byte binaries, which it aligns on 8,
# and for tables, which it pads before their last item, so IBMSYNC holds
# neither difference).  Each program DISPLAYs every
# value it stored; the values, signs and leading zeros normalised by awk,
# are <name>.expected.txt, what the test compares zfdw's rows with.  The
# tests never run this script; they read the files it wrote, which are
# committed.
#
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
"$here/../../../../scripts/deps.sh" gnucobol3
build=$(mktemp -d)
trap 'rm -rf "$build"' EXIT
export LC_ALL=C
cp "$here/dialgen.cbl" "$here/DIALREC.cpy" "$here/syncgen.cbl" "$here/SYNCREC.cpy" \
	"$here/compxgen.cbl" "$here/CMPXREC.cpy" \
	"$here/ibmsyncgen.cbl" "$here/IBMSYNC.cpy" "$build/"

# "+012.34" -> "12.34", "-065536" -> "-65536", names without trailing blanks
normalize() {
	awk -F'|' 'BEGIN { OFS = "|" }
	{
		sub(/ +$/, "", $2)
		for (i = 3; i <= NF; i++) {
			s = substr($i, 1, 1); v = $i
			neg = (s == "-"); if (s == "+" || s == "-") v = substr(v, 2)
			sub(/^0+/, "", v); if (v == "" || substr(v, 1, 1) == ".") v = "0" v
			if (neg && v !~ /^0(\.0*)?$/) v = "-" v
			$i = v
		}
		sub(/^0+/, "", $1)
		print
	}'
}

(cd "$build" && cobc -x -o gen_gnucobol dialgen.cbl && cobc -x -std=mf -o gen_mf dialgen.cbl)
(cd "$build" && cobc -x -o sync_gnucobol syncgen.cbl && cobc -x -std=mf -o sync_mf syncgen.cbl)
(cd "$build" && cobc -x -o compx_gnucobol compxgen.cbl && cobc -x -std=mf -o compx_mf compxgen.cbl)
(cd "$build" && cobc -x -std=ibm -o ibmsync ibmsyncgen.cbl)
for d in gnucobol mf; do
	DD_OUTFILE="$here/$d.dat" "$build/gen_$d" | normalize > "$here/$d.expected.txt"
	echo "$d: $(wc -c < "$here/$d.dat") bytes"
	DD_OUTFILE="$here/${d}_sync.dat" "$build/sync_$d" | normalize > "$here/${d}_sync.expected.txt"
	echo "${d}_sync: $(wc -c < "$here/${d}_sync.dat") bytes"
	DD_OUTFILE="$here/${d}_compx.dat" "$build/compx_$d" | normalize > "$here/${d}_compx.expected.txt"
	echo "${d}_compx: $(wc -c < "$here/${d}_compx.dat") bytes"
done
DD_OUTFILE="$here/ibm_sync.dat" "$build/ibmsync" | normalize > "$here/ibm_sync.expected.txt"
echo "ibm_sync: $(wc -c < "$here/ibm_sync.dat") bytes"
