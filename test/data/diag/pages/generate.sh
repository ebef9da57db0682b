#!/bin/bash
#
# generate.sh - writes the ten national code page files of this folder
# with GnuCOBOL (pagegen.cbl), for the guess_codepage and code page
# check tests (test/sql/diag_codepages.sql).
#
# names.txt holds names and addresses per code page; each page's lines
# become ISO-8859-1, pagegen.cbl translates them through the page's
# table (made by glibc iconv, the oracle for the pages) and writes
# 80-byte records to <page>.dat, DISPLAYing each record as it stored it:
# that output, in UTF-8, is <page>.expected.txt.  The euro pages (1141,
# 1147) put the euro sign where ISO-8859-1 has the currency sign X'A4',
# as the tables of ../../cobol/generate.sh do for cp1140.  The tests
# never run this script; they read the files it wrote, which are
# committed.
#
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
"$here/../../../../scripts/deps.sh" gnucobol3
cobol=$(cd "$here/../../cobol" && pwd)
build=$(mktemp -d)
trap 'rm -rf "$build"' EXIT
export LC_ALL=C

currency=$(printf '\302\244')
euro=$(printf '\342\202\254')

# all 256 byte values, in order
all_bytes() {
	local i=0
	while [ $i -lt 256 ]; do
		printf "\\$(printf %03o $i)"
		i=$((i + 1))
	done
}

# is_euro CP: the page has the euro sign where its base page has X'9F' ¤
is_euro() {
	case $1 in cp114[0-9]) return 0 ;; esac
	return 1
}

# make_table CP: $build/CP.tbl, the page's byte for every ISO-8859-1 byte
make_table() {
	local cp=$1
	all_bytes | iconv -f ISO-8859-1 -t UTF-8 |
		if is_euro "$cp"; then sed "s/$currency/$euro/"; else cat; fi |
		iconv -f UTF-8 -t "IBM${cp#cp}" > "$build/$cp.tbl"
	[ "$(wc -c < "$build/$cp.tbl")" -eq 256 ] || {
		echo "generate.sh: the $cp table is not 256 bytes" >&2
		exit 1
	}
}

cp "$here/pagegen.cbl" "$build/"
(cd "$build" && cobc -x -std=ibm -I "$cobol" -o pagegen pagegen.cbl)

pages=$(sed -n 's/^@ //p' "$here/names.txt")
for cp in $pages; do
	make_table "$cp"
	awk -v cp="$cp" '/^@ /{on = ($2 == cp); next} on && !/^#/' "$here/names.txt" |
		if is_euro "$cp"; then sed "s/$euro/$currency/g"; else cat; fi |
		iconv -f UTF-8 -t ISO-8859-1 > "$build/$cp.in"
	DD_INPUT="$build/$cp.in" DD_XLATE="$build/$cp.tbl" DD_OUTFILE="$here/$cp.dat" \
		"$build/pagegen" > "$build/$cp.out"
	iconv -f ISO-8859-1 -t UTF-8 "$build/$cp.out" |
		if is_euro "$cp"; then sed "s/$currency/$euro/g"; else cat; fi |
		sed 's/ *|/|/g; s/ *$//' > "$here/$cp.expected.txt"
	echo "$cp: $(wc -c < "$here/$cp.dat") bytes"
done
