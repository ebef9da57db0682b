#!/bin/bash
#
# readback.sh - the independent reader of files written by zfdw: compiles
# a reader program of this directory with GnuCOBOL (fixread.cbl for
# FIXREC, odoread.cbl for ODOREC), runs it on a data file and prints what
# it DISPLAYs as an expected-values file (COPY text format, UTF-8, with
# its header line), made the way generate.sh makes the fixtures' own.
#
#	readback.sh PROGRAM CODEPAGE FILE [BLOCKED]
#
# Run by test/sql/write_cobol.sql through COPY ... FROM PROGRAM; the
# test compares the values with the ones it inserted.
#
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
prog=$1 cp=$2 file=$3 blocked=${4:-N}
build=$(mktemp -d)
trap 'rm -rf "$build"' EXIT
export LC_ALL=C

# the EBCDIC byte of every Latin-1 byte in the code page (as generate.sh;
# cp1140 holds the euro sign where Latin-1 has the currency sign)
currency=$(printf '\302\244')
euro=$(printf '\342\202\254')
i=0
while [ $i -lt 256 ]; do
	printf "\\$(printf %03o $i)"
	i=$((i + 1))
done | iconv -f ISO-8859-1 -t UTF-8 |
	if [ "$cp" = cp1140 ]; then sed "s/$currency/$euro/"; else cat; fi |
	iconv -f UTF-8 -t "IBM${cp#cp}" > "$build/xlate.tbl"

cobc -x -std=ibm -fsign=EBCDIC -fpretty-display -I "$here" \
	-o "$build/$prog" "$here/$prog.cbl"
DD_XLATE="$build/xlate.tbl" DD_INFILE="$file" BLOCKED="$blocked" \
	"$build/$prog" > "$build/out.txt"
awk -f "$here/normalize.awk" < "$build/out.txt" | iconv -f ISO-8859-1 -t UTF-8 |
	if [ "$cp" = cp1140 ]; then sed "s/$currency/$euro/g"; else cat; fi
