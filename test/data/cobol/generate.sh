#!/bin/bash
#
# generate.sh - rebuilds the mainframe-faithful fixtures in this
# directory, and the demo data in demo/data, with GnuCOBOL.
#
# Needs cobc (GnuCOBOL 3.1.2 was used: Debian 12's gnucobol3, which it
# installs through scripts/deps.sh when missing), glibc iconv and awk.  The tests
# never run this script: they read the files it wrote, which are
# committed.  Run verify.py afterwards.
#
# Every program writes a data file and DISPLAYs the values it stored;
# normalize.awk turns that output into the expected-values file, and
# iconv turns its Latin-1 text into UTF-8.  See README.md.
#
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
"$here/../../../scripts/deps.sh" gnucobol3
demo=$(cd "$here/../../../demo/data" && pwd)
build=$(mktemp -d)
trap 'rm -rf "$build"' EXIT
export LC_ALL=C

cobc_flags=(-x -std=ibm -fsign=EBCDIC -fpretty-display)

# all 256 byte values, in order
all_bytes() {
	local i=0
	while [ $i -lt 256 ]; do
		printf "\\$(printf %03o $i)"
		i=$((i + 1))
	done
}

# UTF-8 of the currency sign U+00A4 and of the euro sign U+20AC
currency=$(printf '\302\244')
euro=$(printf '\342\202\254')

# make_table CP: $build/CP.tbl, the EBCDIC byte of every Latin-1 byte
# in code page CP (cp037 -> IBM037), made by iconv.  IBM1140 replaced
# the currency sign by the euro sign, so for cp1140 the program's byte
# X'A4' stands for the euro sign (as in ISO-8859-15).
make_table() {
	local cp=$1
	all_bytes | iconv -f ISO-8859-1 -t UTF-8 |
		if [ "$cp" = cp1140 ]; then sed "s/$currency/$euro/"; else cat; fi |
		iconv -f UTF-8 -t "IBM${cp#cp}" > "$build/$cp.tbl"
	if [ "$(wc -c < "$build/$cp.tbl")" -ne 256 ]; then
		echo "generate.sh: the $cp table is not 256 bytes" >&2
		exit 1
	fi
}

# compile NAME DIR [cobc options and extra sources]: the UTF-8 source
# DIR/NAME.cbl is compiled from an ISO-8859-1 copy
compile() {
	local name=$1 dir=$2
	shift 2
	iconv -f UTF-8 -t ISO-8859-1 "$dir/$name.cbl" > "$build/$name.cbl"
	(cd "$build" && cobc "${cobc_flags[@]}" -I "$dir" -I "$here" \
		-o "$name" "$name.cbl" "$@")
}

# expected CP < display output > expected-values file (UTF-8)
expected() {
	local cp=$1
	awk -f "$here/normalize.awk" | iconv -f ISO-8859-1 -t UTF-8 |
		if [ "$cp" = cp1140 ]; then sed "s/$currency/$euro/g"; else cat; fi
}

for cp in cp037 cp1047 cp500 cp273 cp1140; do
	make_table $cp
done

cp "$here/vbwriter.cbl" "$build/vbwriter.cbl"
compile fixgen "$here"
compile odogen "$here" vbwriter.cbl
compile odoslide "$here" -fodoslide vbwriter.cbl
compile acctgen "$demo"

# FIXREC in five code pages
for cp in cp037 cp1047 cp500 cp273 cp1140; do
	DD_XLATE="$build/$cp.tbl" DD_OUTFILE="$here/fixed_$cp.dat" \
		"$build/fixgen" > "$build/fixed_$cp.out"
	expected $cp < "$build/fixed_$cp.out" > "$here/fixed_$cp.expected.tsv"
done

# ODOREC and ODOSLIDE, each with RDW and with BDW
DD_XLATE="$build/cp037.tbl" VBFILE="$here/odo_vb_cp037.dat" \
	BDWFILE="$here/odo_vbbdw_cp037.dat" \
	"$build/odogen" > "$build/odo.out"
expected cp037 < "$build/odo.out" > "$here/odo_cp037.expected.tsv"

DD_XLATE="$build/cp037.tbl" VBFILE="$here/odoslide_vb_cp037.dat" \
	BDWFILE="$here/odoslide_vbbdw_cp037.dat" \
	"$build/odoslide" > "$build/odoslide.out"
expected cp037 < "$build/odoslide.out" > "$here/odoslide_cp037.expected.tsv"

# ACCTMAST: a small KSDS export for the tests (its customer file is
# not kept) and the demo's account master with its customer profiles
ACCT_COUNT=300 CUST_COUNT=200 ACCT_SEED=977 DD_XLATE="$build/cp037.tbl" \
	DD_ACCTFILE="$here/ksds_acct_cp037.dat" \
	DD_CUSTFILE="$build/ksds_customers.csv" \
	"$build/acctgen" > "$build/ksds.out"
expected cp037 < "$build/ksds.out" > "$here/ksds_acct_cp037.expected.tsv"

ACCT_COUNT=2000 CUST_COUNT=1300 ACCT_SEED=1 DD_XLATE="$build/cp037.tbl" \
	DD_ACCTFILE="$demo/acctmast.dat" \
	DD_CUSTFILE="$demo/customer_digital_profile.csv" \
	"$build/acctgen" > "$build/acctmast.out"
expected cp037 < "$build/acctmast.out" > "$demo/acctmast.expected.tsv"

echo "generate.sh: done; now run $here/verify.py"
