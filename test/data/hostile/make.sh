#!/bin/bash
# make.sh: write the hostile-input fixtures of this folder (test/sql/
# hostile_*.sql).  Every byte is written here with printf (through the
# bytes function, which takes hex pairs) and explained; nothing is made by
# zfdw.  Run from this folder: bash make.sh
#
# All fixed-record files use one 10-byte EBCDIC (cp037) record:
#   1-4   NAME  PIC X(4)
#   5-7   AMT   PIC S9(5) COMP-3     packed, 5 digits and a sign nibble
#   8-10  QTY   PIC S9(3)            zoned, sign overpunched on the last byte
# REC1 "ABCD" (C1 C2 C3 C4), AMT 12 34 5C = +12345, QTY F0 F4 C2 = +42
# REC2 "WXYZ" (E6 E7 E8 E9), AMT 00 00 1D = -1,     QTY F1 F2 D3 = -123
# REC3 "1234" (F1 F2 F3 F4), AMT 99 99 9C = +99999, QTY F9 F9 F9 = 999
# A record descriptor (RDW) for one such record is 00 0E 00 00: length
# X'000E' = 14 = 4 descriptor bytes + 10 data bytes, then two zero bytes.
set -e

# Write the bytes given as hex pairs, e.g. bytes C1 C2 => '\xC1\xC2'.
bytes() {
	local out=""
	for b in "$@"; do out+="\\x$b"; done
	printf "$out"
}
REC1="C1 C2 C3 C4 12 34 5C F0 F4 C2"
REC2="E6 E7 E8 E9 00 00 1D F1 F2 D3"
REC3="F1 F2 F3 F4 99 99 9C F9 F9 F9"
RDW="00 0E 00 00"

# good.dat: REC1 REC2 REC3, 30 bytes.
bytes $REC1 $REC2 $REC3 > good.dat

# trunc_fb.dat: good.dat and the first 4 bytes of a fourth record (34
# bytes: not a multiple of 10).
{ bytes $REC1 $REC2 $REC3; bytes C1 C2 C3 C4; } > trunc_fb.dat

# trunc_vb.dat: RDW+REC1, then an RDW for 10 bytes followed by only the
# first 6 bytes of REC2 (24 bytes in all).
{ bytes $RDW $REC1; bytes $RDW E6 E7 E8 E9 00 00; } > trunc_vb.dat

# rdw_zero.dat: RDW+REC1, then a descriptor of length 0 (00 00 00 00)
# followed by REC2.
{ bytes $RDW $REC1; bytes 00 00 00 00 $REC2; } > rdw_zero.dat

# rdw_tiny.dat: RDW+REC1, then a descriptor of length 2 (00 02 00 00),
# less than its own 4 bytes, and REC2.
{ bytes $RDW $REC1; bytes 00 02 00 00 $REC2; } > rdw_tiny.dat

# rdw_flag.dat: RDW+REC1, then 00 0E 01 00: the third byte is 1, which a
# record descriptor never has (a spanned segment's "first" code).
{ bytes $RDW $REC1; bytes 00 0E 01 00 $REC2; } > rdw_flag.dat

# rdw_le.dat: REC1 behind a little-endian descriptor, the word reversed:
# 00 00 0E 00.
bytes 00 00 0E 00 $REC1 > rdw_le.dat

# rdw_32k.dat: 100 bytes: a descriptor 80 00 00 00 claiming 32,768 bytes
# (32 KiB, descriptor included), then 96 blanks (X'40').
{ bytes 80 00 00 00; for i in $(seq 96); do bytes 40; done; } > rdw_32k.dat

# Blocked files (recfm vb_bdw): a block descriptor (BDW) whose length
# X'LLLL' counts its own 4 bytes, then RDW records.  Two records need a
# block of 4 + 14 + 14 = 32 = X'0020'.
# bdw_good.dat: BDW 00 20 00 00, RDW+REC1, RDW+REC2.
bytes 00 20 00 00 $RDW $REC1 $RDW $REC2 > bdw_good.dat
# bdw_short.dat: the BDW says 24 (00 18): the second record's 14 bytes
# start at byte 18 and run past the block's end at byte 24.
bytes 00 18 00 00 $RDW $REC1 $RDW $REC2 > bdw_short.dat
# bdw_long.dat: the BDW says 34 (00 22): after the two records 2 bytes
# (00 00) are left in the block, too few for a descriptor.
bytes 00 22 00 00 $RDW $REC1 $RDW $REC2 00 00 > bdw_long.dat
# bdw_past_eof.dat: the BDW says 1000 (03 E8) in a 32-byte file.
bytes 03 E8 00 00 $RDW $REC1 $RDW $REC2 > bdw_past_eof.dat

# bad_values.dat: ten fixed records, each named R001..R010 (D9 F0 F0 Fn,
# D9 F0 F1 F0), each with at most one bad field:
#   R001 REC1's AMT and QTY: 12 34 5C, F0 F4 C2 (good: 12345, 42)
#   R002 AMT 12 3A 5C   a digit nibble A
#   R003 AMT 12 34 57   sign nibble 7 (valid signs are A to F)
#   R004 AMT 40 40 40   blanks in a packed field
#   R005 AMT 00 00 00   low-values: the sign nibble is 0
#   R006 QTY 40 40 40   blanks in a zoned field
#   R007 QTY 00 00 00   low-values in a zoned field
#   R008 QTY F1 4B F2   a period (X'4B') among zoned digits
#   R009 AMT FF FF FF   high-values: digit nibbles F
#   R010 REC2's AMT and QTY: 00 00 1D, F1 F2 D3 (good: -1, -123)
{
	bytes D9 F0 F0 F1 12 34 5C F0 F4 C2
	bytes D9 F0 F0 F2 12 3A 5C F0 F4 C2
	bytes D9 F0 F0 F3 12 34 57 F0 F4 C2
	bytes D9 F0 F0 F4 40 40 40 F0 F4 C2
	bytes D9 F0 F0 F5 00 00 00 F0 F4 C2
	bytes D9 F0 F0 F6 12 34 5C 40 40 40
	bytes D9 F0 F0 F7 12 34 5C 00 00 00
	bytes D9 F0 F0 F8 12 34 5C F1 4B F2
	bytes D9 F0 F0 F9 FF FF FF F0 F4 C2
	bytes D9 F0 F1 F0 00 00 1D F1 F2 D3
} > bad_values.dat

# ascii_ftp.dat: good.dat and REC1 again after an ASCII-mode FTP transfer:
# each byte translated from cp037 to ISO-8859-1 (the IBM CDRA table, as
# Python's cp037 codec and iconv CP037 have it) and CR LF (0D 0A) added
# after each record: 4 x 12 = 48 bytes.
#   REC1 41 42 43 44 ("ABCD") 12 94 2A 30 34 42   (12->12, 34->94, 5C->2A,
#        F0 F4 C2 -> "04B")
#   REC2 57 58 59 5A 00 00 1D 31 32 4C
#   REC3 31 32 33 34 72 72 E6 39 39 39            (99->72, 9C->E6)
{
	bytes 41 42 43 44 12 94 2A 30 34 42 0D 0A
	bytes 57 58 59 5A 00 00 1D 31 32 4C 0D 0A
	bytes 31 32 33 34 72 72 E6 39 39 39 0D 0A
	bytes 41 42 43 44 12 94 2A 30 34 42 0D 0A
} > ascii_ftp.dat

# brackets.dat: one 4-byte text record "[AB]" in cp037, where [ is X'BA'
# and ] is X'BB'.  In cp1047 the brackets are X'AD' and X'BD', and X'BA'
# X'BB' are Y-acute and diaeresis (iconv -f IBM1047): read with the wrong
# EBCDIC page the record is "ÝAB¨", and nothing in the bytes can tell.
bytes BA C1 C2 BB > brackets.dat

# odo.dat: recfm vb records of the layout
#   05 N  PIC S9(3) COMP-3.   (2 bytes)
#   05 A  PIC X(2) OCCURS 0 TO 5 TIMES DEPENDING ON N.
#   r1 RDW 00 0A 00 00, N 00 2C (+2), "AABB" (C1 C1 C2 C2)   good
#   r2 RDW 00 12 00 00, N 00 6C (+6), 12 x C3: more than the 5 allowed
#   r3 RDW 00 06 00 00, N 00 1D (-1): a negative count
#   r4 RDW 00 08 00 00, N 00 5C (+5), C4 C4: 5 items announced, 1 present
#   r5 RDW 00 06 00 00, N 00 0C (+0): no items, good
#   r6 RDW 00 0A 00 00, N 0A 2C (digit nibble A: not a number), C5 C5 C6 C6
{
	bytes 00 0A 00 00 00 2C C1 C1 C2 C2
	bytes 00 12 00 00 00 6C C3 C3 C3 C3 C3 C3 C3 C3 C3 C3 C3 C3
	bytes 00 06 00 00 00 1D
	bytes 00 08 00 00 00 5C C4 C4
	bytes 00 06 00 00 00 0C
	bytes 00 0A 00 00 0A 2C C5 C5 C6 C6
} > odo.dat

# long_vb.dat: one vb record of 2,000 data bytes (RDW 07 D4 00 00: 2004
# with the descriptor), all blanks; above zfdw.max_record_length 1000.
{ bytes 07 D4 00 00; for i in $(seq 2000); do bytes 40; done; } > long_vb.dat

# garbage.cpy: 2,048 bytes that are not a copybook: each byte is the high
# byte of the linear congruential sequence x = (x * 1103515245 + 12345)
# mod 2^31 from x = 1 (the C standard's example rand()), NUL bytes and
# invalid UTF-8 included.
x=1
{
	for i in $(seq 2048); do
		x=$(( (x * 1103515245 + 12345) % 2147483648 ))
		bytes "$(printf '%02X' $(( (x >> 16) & 255 )))"
	done
} > garbage.cpy

# garbage_nonul.cpy: the same sequence with every NUL byte written as X'01'
# instead: no NUL, still invalid UTF-8.
tr '\000' '\001' < garbage.cpy > garbage_nonul.cpy

# nul.cpy: a copybook whose second field is followed by a NUL byte; a
# reader that stopped at the NUL would lose field B silently.
{
	printf '       01  R.\n'
	printf '           05  A  PIC X(4).'
	bytes 00
	printf '\n           05  B  PIC X(4).\n'
} > nul.cpy

# empty.dat: no bytes at all.
: > empty.dat
