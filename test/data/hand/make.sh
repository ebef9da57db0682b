#!/bin/sh
# make.sh: write the hand-checked fixtures of this folder with printf.
# Every byte is written out and explained here; the expected values in
# test/expected/*.out were worked out by hand from these bytes, not by
# zfdw.  Run from this folder: sh make.sh
set -e

# explicit.dat: 3 fixed records of 20 bytes, EBCDIC cp037.
#   1-5   name    PIC X(5)          C1 C2 C3 40 40 = "ABC" + 2 blanks
#   6-8   amount  S9(5) COMP-3      12 34 5C = +12345 (sign C)
#   9-12  count   S9(9) COMP        00 0F 42 40 = 1,000,000
#   13-16 rate    S9(3)V9 DISPLAY   F1 F2 F3 C4 = +123.4 (overpunch C)
#   17-20 ratio   COMP-1 (HFP)      41 10 00 00 = 1.0
# record 2: name "Z9!" (E9 F9 5A), amount -1 (00 00 1D), count -2
#   (FF FF FF FE), rate -5.0 (F0 F0 F5 D0), ratio -118.625 (C2 76 A0 00)
# record 3: name "Ä[]" in cp037 (63 BA BB, i.e. A-umlaut, brackets),
#   amount 0 with the F sign (00 00 0F), count 0, rate 0.0 (F0 F0 F0 F0,
#   F zone: positive in a signed field), ratio 0 (00 00 00 00)
printf '\301\302\303\100\100\022\064\134\000\017\102\100\361\362\363\304\101\020\000\000' > explicit.dat
printf '\351\371\132\100\100\000\000\035\377\377\377\376\360\360\365\320\302\166\240\000' >> explicit.dat
printf '\143\272\273\100\100\000\000\017\000\000\000\000\360\360\360\360\000\000\000\000' >> explicit.dat

# bad_packed.dat: explicit.dat's record 1, then a record whose amount has
# an invalid sign nibble (12 34 53: sign 3), then record 2 again.
head -c 20 explicit.dat > bad_packed.dat
printf '\301\302\303\100\100\022\064\123\000\017\102\100\361\362\363\304\101\020\000\000' >> bad_packed.dat
tail -c +21 explicit.dat | head -c 20 >> bad_packed.dat

# short.dat: 45 bytes, not a multiple of 20 (two records and 5 bytes)
head -c 45 bad_packed.dat > short.dat

# rdw.dat: recfm vb, big-endian RDWs that count their own 4 bytes:
#   00 09 00 00 + "HELLO" (C8 C5 D3 D3 D6), 00 06 00 00 + "HI" (C8 C9)
printf '\000\011\000\000\310\305\323\323\326\000\006\000\000\310\311' > rdw.dat

# bad_rdw.dat: the second RDW claims 32,767 bytes in a 15-byte file
printf '\000\011\000\000\310\305\323\323\326\177\377\000\000\310\311' > bad_rdw.dat

# bad2.dat: two records with the invalid sign nibble of bad_packed.dat
tail -c +21 bad_packed.dat | head -c 20 > bad2.dat
tail -c +21 bad_packed.dat | head -c 20 >> bad2.dat

# Key files: fixed records sorted by their key's bytes, as a KSDS export.
# dupkeys.dat: 8-byte records, key PIC 9(4) (unsigned zoned), then X(4):
#   0001 A, 0003 B, 0003 C, 0003 D, 0007 E, 0009 F  (duplicates of 0003)
printf '\360\360\360\361\301\100\100\100' > dupkeys.dat
printf '\360\360\360\363\302\100\100\100' >> dupkeys.dat
printf '\360\360\360\363\303\100\100\100' >> dupkeys.dat
printf '\360\360\360\363\304\100\100\100' >> dupkeys.dat
printf '\360\360\360\367\305\100\100\100' >> dupkeys.dat
printf '\360\360\360\371\306\100\100\100' >> dupkeys.dat

# textkeys.dat: 4-byte records, key PIC X(3) in cp037, then X(1).  EBCDIC
# order puts lower case (X'81'..) before upper case (X'C1'..) before
# digits (X'F0'..):  abc 1, ABC 2, ABD 3, 123 4
printf '\201\202\203\361' > textkeys.dat
printf '\301\302\303\362' >> textkeys.dat
printf '\301\302\304\363' >> textkeys.dat
printf '\361\362\363\364' >> textkeys.dat

# packedkeys.dat: 3-byte records, key S9(3) COMP-3 (2 bytes), then X(1);
# sorted by bytes: 001C (+1) a, 001D (-1) b, 002C (+2) c, 012C (+12) d,
# 012D (-12) e, 999C (+999) f
printf '\000\034\201\000\035\202\000\054\203\001\054\204\001\055\205\231\234\206' > packedkeys.dat

# binkeys.dat: 3-byte records, key S9(4) COMP (2 bytes, big-endian), then
# X(1); sorted by unsigned bytes, so negatives come last:
# 0000 (0) a, 0005 (5) b, 012C (300) c, FED4 (-300) d, FFFF (-1) e
printf '\000\000\201\000\005\202\001\054\203\376\324\204\377\377\205' > binkeys.dat

# unsorted.dat: dupkeys.dat's layout with keys 0001, 0009, 0003
printf '\360\360\360\361\301\100\100\100\360\360\360\371\302\100\100\100\360\360\360\363\303\100\100\100' > unsorted.dat

# rdw2.dat: a second vb file for globs: "ONE" (D6 D5 C5), "TWO" (E3 E6 D6),
# "SIX" (E2 C9 E7), each behind an RDW 00 07 00 00
printf '\000\007\000\000\326\325\305\000\007\000\000\343\346\326\000\007\000\000\342\311\347' > rdw2.dat

# lowvals.dat: 8-byte text fields padded with low-values (X'00'):
#   "AB" + 6 x X'00';  "C" + 7 blanks;  8 x X'00';  "D" X'00' "E" + 5 blanks
printf '\301\302\000\000\000\000\000\000' > lowvals.dat
printf '\303\100\100\100\100\100\100\100' >> lowvals.dat
printf '\000\000\000\000\000\000\000\000' >> lowvals.dat
printf '\304\000\305\100\100\100\100\100' >> lowvals.dat

# segs.dat: 6-byte records, a 2-byte binary record type then X(4):
#   X'0001' "AAAA", X'0002' "BBBB", X'0001' "CCCC"
printf '\000\001\301\301\301\301\000\002\302\302\302\302\000\001\303\303\303\303' > segs.dat
