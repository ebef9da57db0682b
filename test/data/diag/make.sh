#!/bin/sh
# make.sh: write the hand-made fixtures of the diagnostics tests
# (test/sql/diag_*.sql) byte by byte.  Every byte is given in hex and
# explained here; the expected outputs were worked out from these bytes,
# not by zfdw.  Run from this folder: sh make.sh
set -e

# hex "C1 C2 ...": write the bytes given as hex pairs
hex() {
	for h in $1; do
		printf "\\$(printf '%03o' "0x$h")"
	done
}

# skip.dat: 8 records of 25 bytes, cp037, one kind of bad value each:
#   1-2   id    PIC 9(2)          F0 F1 = 1 ... (always good)
#   3-5   amt   S9(5) COMP-3      01 23 4C = +1234
#   6-9   qty   S9(4) zoned       F0 F0 F4 C2 = +42
#   10-13 name  X(4)              C1 C2 C3 C4 = "ABCD"
#   14-17 cnt   S9(9) COMP        00 00 00 07 = 7 (read into an int2)
#   18-25 dt    X(8), YYYYMMDD    F2 F0 F2 F4 F0 F2 F2 F9 = 2024-02-29
# record 1: all good
# record 2: amt with sign nibble 3 (01 23 43)
# record 3: amt with digit nibble A (0A 23 4C)
# record 4: qty with a blank digit (F0 40 F4 C2)
# record 5: name with a low-value byte (C1 00 C3 C4): text cannot hold NUL
# record 6: cnt 100000 (00 01 86 A0), out of range for int2
# record 7: dt 2023-02-30 (F2 F0 F2 F3 F0 F2 F3 F0), no such day
# record 8: all good, id 08
good_tail="F0 F0 F4 C2 C1 C2 C3 C4 00 00 00 07 F2 F0 F2 F4 F0 F2 F2 F9"
{
	hex "F0 F1 01 23 4C $good_tail"
	hex "F0 F2 01 23 43 $good_tail"
	hex "F0 F3 0A 23 4C $good_tail"
	hex "F0 F4 01 23 4C F0 40 F4 C2 C1 C2 C3 C4 00 00 00 07 F2 F0 F2 F4 F0 F2 F2 F9"
	hex "F0 F5 01 23 4C F0 F0 F4 C2 C1 00 C3 C4 00 00 00 07 F2 F0 F2 F4 F0 F2 F2 F9"
	hex "F0 F6 01 23 4C F0 F0 F4 C2 C1 C2 C3 C4 00 01 86 A0 F2 F0 F2 F4 F0 F2 F2 F9"
	hex "F0 F7 01 23 4C F0 F0 F4 C2 C1 C2 C3 C4 00 00 00 07 F2 F0 F2 F3 F0 F2 F3 F0"
	hex "F0 F8 01 23 4C $good_tail"
} > skip.dat

# nl_transfer.dat: the records 1 and 8 of skip.dat (25 bytes, cp037,
# all good) twice each, each followed by X'25' (the EBCDIC line feed), as
# a text-mode transfer that keeps EBCDIC (or one to ASCII and a
# conversion back) leaves them: 4 x 26 bytes
{
	hex "F0 F1 01 23 4C $good_tail 25"
	hex "F0 F8 01 23 4C $good_tail 25"
	hex "F0 F1 01 23 4C $good_tail 25"
	hex "F0 F8 01 23 4C $good_tail 25"
} > nl_transfer.dat

# ragged.vb: a nested OCCURS DEPENDING ON, z/OS RDWs (length counts the
# 4 bytes), cp037.  Layout:
#   05 N PIC 9.  05 OUTER OCCURS 1 TO 3 DEPENDING ON N.
#     10 M PIC 9.  10 FILLER PIC X.  10 INNER OCCURS 0 TO 3 DEPENDING ON M.
#       15 V PIC X(2).
# record 1: N=2; outer 1: M=1, filler "X" (E7), V "AA";
#           outer 2: M=2, filler "Y" (E8), V "BB" "CC"   (11 bytes)
# record 2: N=1; outer 1: M=0, filler "Z" (E9)            (3 bytes)
{
	hex "00 0F 00 00 F2 F1 E7 C1 C1 F2 E8 C2 C2 C3 C3"
	hex "00 07 00 00 F1 F0 E9"
} > ragged.vb
