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
