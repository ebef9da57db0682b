#!/usr/bin/env bash
#-------------------------------------------------------------------------
#
# gen_numvec.sh
#	  Regenerate the GnuCOBOL vectors of test_decimal.c from numvec.cbl
#	  (installs Debian's gnucobol3 through scripts/deps.sh when missing).
#
# -std=ibm gives z/OS field sizes and big-endian binary; -fbinary-truncate
# stores binary fields truncated to their PIC digits as z/OS TRUNC(STD)
# does, so that bytes and DISPLAY agree.  -fsign=EBCDIC writes the sign of
# zoned fields as the overpunch letters { A-I } J-R (EBCDIC zones C and D
# seen through ASCII), -fsign=ASCII as Micro Focus does (negative digits
# 70-79).  Only the zoned rows differ between the two, so the second file
# keeps only those.
#
#-------------------------------------------------------------------------
set -eu
here=$(cd "$(dirname "$0")" && pwd)
"$here/../../../scripts/deps.sh" gnucobol3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
cobc -x -std=ibm -fbinary-truncate -fsign=EBCDIC -fpretty-display \
	-o numvec_ebcdic "$here/numvec.cbl"
cobc -x -std=ibm -fbinary-truncate -fsign=ASCII -fpretty-display \
	-o numvec_ascii "$here/numvec.cbl"
./numvec_ebcdic > "$here/numvec_fsign_ebcdic.txt"
./numvec_ascii | grep '^Z' > "$here/numvec_fsign_ascii.txt"
wc -l "$here"/numvec_fsign_*.txt
