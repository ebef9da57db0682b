#!/bin/sh
#-------------------------------------------------------------------------
#
# pds_members.sh
#	  The oracle for partitioned data sets in XMIT files: Hercules loads
#	  the XMIT onto a 3390 disk image (dasdload) and unloads each member
#	  (dasdpdsu, which writes member.mac for FB 80 libraries).  Prints
#	  every member's records, members in name order, each 80-byte record
#	  behind its member name (8 ASCII bytes, blank-padded): FB 88 records
#	  for a zfdw table (test/sql/xmit_*.sql).
#
#	pds_members.sh file.xmi
#
#-------------------------------------------------------------------------
set -eu
xmi=$1
d=$(mktemp -d "${TMPDIR:-/tmp}/zfdw-pds.XXXXXX")
trap 'rm -rf "$d"' EXIT
cat >"$d/ctl.txt" <<CTL
XMT001 3390-1 *
SYSVTOC VTOC TRK 5
ZF.XMIT.PDS XMIT $xmi
CTL
# Hercules' utilities have been seen to abort (exit 134) now and then on
# a loaded machine: an abort is tried again, up to three times
retry() {
	tries=0
	while :; do
		rc=0
		"$@" || rc=$?
		tries=$((tries + 1))
		if [ "$rc" -lt 128 ] || [ "$tries" -ge 3 ]; then
			return "$rc"
		fi
	done
}
retry sh -c 'cd "$1" && rm -f vol.3390 && dasdload -0 ctl.txt vol.3390 3 >load.log 2>&1' sh "$d"
# dasdload exits 0 even when it skips the data set: check its listing
if ! grep -q 'HHCDL095I' "$d/load.log"; then
	cat "$d/load.log" >&2
	echo "pds_members.sh: dasdload did not load $xmi" >&2
	exit 1
fi
mkdir "$d/m"
retry sh -c 'cd "$1/m" && rm -f ./* && dasdpdsu ../vol.3390 ZF.XMIT.PDS >../unload.log 2>&1' sh "$d"
for f in $(cd "$d/m" && ls | sort); do
	name=$(basename "$f" .mac | tr 'a-z' 'A-Z')
	size=$(wc -c <"$d/m/$f")
	n=0
	while [ "$n" -lt "$size" ]; do
		printf '%-8s' "$name"
		dd if="$d/m/$f" bs=80 skip=$((n / 80)) count=1 2>/dev/null
		n=$((n + 80))
	done
done
