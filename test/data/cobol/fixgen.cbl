      *================================================================
      * fixgen.cbl - writes the FIXREC fixture (fixed length, FB) in
      * one EBCDIC code page and DISPLAYs every field it stored.
      *
      * This source is kept in UTF-8; generate.sh converts it to
      * ISO-8859-1 before compiling, so text is Latin-1 inside the
      * program.  Compile: cobc -x -std=ibm -fsign=EBCDIC
      * -fpretty-display.
      *
      * Environment: DD_OUTFILE  the data file to write
      *              DD_XLATE    256 bytes: the EBCDIC byte for every
      *                          Latin-1 byte (made by iconv)
      * Standard output: a header line of column names, a "#types"
      * line for normalize.awk, then one line per record with the
      * fields as DISPLAY shows them, tab-separated.
      *
      * Text is translated with the code-page table; zoned digits and
      * overpunch signs with a fixed table (X'F0'-X'F9', X'C0'-X'C9',
      * X'D0'-X'D9', '+' X'4E', '-' X'60'), because some code pages
      * move the characters { and } that GnuCOBOL uses for the signs.
      * COMP-5 is little-endian in GnuCOBOL: its bytes are reversed
      * after DISPLAY to give the big-endian bytes z/OS writes.
      *================================================================
       IDENTIFICATION DIVISION.
       PROGRAM-ID. FIXGEN.
       ENVIRONMENT DIVISION.
       INPUT-OUTPUT SECTION.
       FILE-CONTROL.
           SELECT OUT-FILE ASSIGN TO "OUTFILE"
               ORGANIZATION IS SEQUENTIAL.
           SELECT XLT-FILE ASSIGN TO "XLATE"
               ORGANIZATION IS SEQUENTIAL.
       DATA DIVISION.
       FILE SECTION.
       FD  OUT-FILE.
       COPY FIXREC.
       FD  XLT-FILE.
       01  XLT-REC                     PIC X(256).
       WORKING-STORAGE SECTION.
       01  REC-COUNT                   PIC 9(4) VALUE 40.
       01  REC-NO                      PIC 9(4).
       01  I                           PIC 9(4).
       01  J                           PIC 9(4).
       01  HT                         PIC X VALUE X"09".
           COPY "xlate-data.inc".
      *    31 nines, for the largest packed field
       01  NINES-31                    PIC 9(29)V99.
       01  NINES-31-X REDEFINES NINES-31 PIC X(31).
           COPY "rng-data.inc".
      *    text values; X'A4' (the currency sign) reads as the euro
      *    sign in the cp1140 fixture
       01  TEXT-VALUES.
           05  FILLER PIC X(24) VALUE "Hello, World!".
           05  FILLER PIC X(24) VALUE "[brackets] and {braces}".
           05  FILLER PIC X(24) VALUE "pipe | not ¬ cent ¢ !".
           05  FILLER PIC X(24) VALUE "Ärger über Öl, Größe ß".
           05  FILLER PIC X(24) VALUE "café résumé naïve à".
           05  FILLER PIC X(24) VALUE "price 5¤ or 12¤ (¤)".
           05  FILLER PIC X(24) VALUE "back\slash ^caret ~tilde".
           05  FILLER PIC X(24) VALUE "at@ hash# dollar$ amp&".
           05  FILLER PIC X(24) VALUE "   leading blanks".
           05  FILLER PIC X(24) VALUE SPACES.
           05  FILLER PIC X(24) VALUE "ñÑ çÇ øØ åÅ æÆ ðÐ þÞ ýÿ".
           05  FILLER PIC X(24) VALUE "«quotes» 'single' ¿¡ µ".
           05  FILLER PIC X(24) VALUE "FULL-WIDTH-24-CHARS-XXXX".
       01  TEXT-TABLE REDEFINES TEXT-VALUES.
           05  TEXT-ENTRY              PIC X(24) OCCURS 13 TIMES.
       01  CODE-VALUES                 PIC X(30) VALUE
           "ABC[!]{|}ÄÖÜéèê¤¢£  Z   @#$^~`".
       01  CODE-TABLE REDEFINES CODE-VALUES.
           05  CODE-ENTRY              PIC X(3) OCCURS 10 TIMES.
       01  TRAILER-VALUES              PIC X(42) VALUE
           "*END* §¶©®°±¦ ¨ ´ <EOR>       =-=-=-/*\/*\".
       01  TRAILER-TABLE REDEFINES TRAILER-VALUES.
           05  TRAILER-ENTRY           PIC X(6) OCCURS 7 TIMES.
      *    characters for item codes: no quote, backslash or comma, so
      *    that the array literal needs no escapes
       01  ITEM-CHAR-VALUES.
           05  FILLER PIC X(32) VALUE
               "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345".
           05  FILLER PIC X(32) VALUE
               "6789ÄÖÜäöüß!#$%&*+/:;<=>?@[]{}|~".
       01  ITEM-CHARS REDEFINES ITEM-CHAR-VALUES PIC X(64).
       PROCEDURE DIVISION.
       MAIN-LINE.
           PERFORM LOAD-XLATE
           OPEN OUTPUT OUT-FILE
           PERFORM DISPLAY-HEADER
           PERFORM VARYING REC-NO FROM 1 BY 1 UNTIL REC-NO > REC-COUNT
               MOVE ALL X"40" TO FIX-REC
               EVALUATE REC-NO
                   WHEN 1 PERFORM SET-ZERO
                   WHEN 2 PERFORM SET-MAX
                   WHEN 3 PERFORM SET-MIN
                   WHEN 4 PERFORM SET-SMALL
                   WHEN OTHER PERFORM SET-RANDOM
               END-EVALUATE
               PERFORM SET-TEXT
               PERFORM DISPLAY-RECORD
               PERFORM TO-MAINFRAME-BYTES
               WRITE FIX-REC
           END-PERFORM
           CLOSE OUT-FILE
           STOP RUN.

       DISPLAY-HEADER.
           DISPLAY "fx_id" HT "fx_text" HT "fx_code" HT
               "fx_uns_zoned" HT "fx_sgn_zoned" HT "fx_sgn_lead" HT
               "fx_sgn_trail_sep" HT "fx_sgn_lead_sep" HT
               "fx_pk_odd" HT "fx_pk_even" HT "fx_pk_uns_odd" HT
               "fx_pk_uns_even" HT "fx_pk_frac" HT "fx_pk_18" HT
               "fx_pk_big" HT "fx_bin_s2" HT "fx_bin_u2" HT
               "fx_bin_s4" HT "fx_bin_u4" HT "fx_bin_s8" HT
               "fx_bin_u8" HT "fx_c5_s2" HT "fx_c5_u4" HT
               "fx_c5_s8" HT "fx_scores" HT "fx_item_code" HT
               "fx_item_qty" HT "fx_date" HT "fx_date_yyyy" HT
               "fx_date_mm" HT "fx_date_dd" HT "fx_trailer"
           DISPLAY "#types" HT "N" HT "X" HT "X" HT
               "N" HT "N" HT "N" HT "N" HT "N" HT
               "N" HT "N" HT "N" HT "N" HT "N" HT "N" HT
               "N" HT "N" HT "N" HT "N" HT "N" HT "N" HT
               "N" HT "N" HT "N" HT "N" HT
               "NA" HT "XA" HT "NA" HT
               "N" HT "N" HT "N" HT "N" HT "X".

      * One line per record: DISPLAY of every elementary field.
       DISPLAY-RECORD.
           DISPLAY FX-ID HT FX-TEXT HT FX-CODE HT
               FX-UNS-ZONED HT FX-SGN-ZONED HT FX-SGN-LEAD HT
               FX-SGN-TRAIL-SEP HT FX-SGN-LEAD-SEP HT
               FX-PK-ODD HT FX-PK-EVEN HT FX-PK-UNS-ODD HT
               FX-PK-UNS-EVEN HT FX-PK-FRAC HT FX-PK-18 HT
               FX-PK-BIG HT FX-BIN-S2 HT FX-BIN-U2 HT
               FX-BIN-S4 HT FX-BIN-U4 HT FX-BIN-S8 HT
               FX-BIN-U8 HT FX-C5-S2 HT FX-C5-U4 HT
               FX-C5-S8 HT
               "{" FX-SCORES(1) "," FX-SCORES(2) ","
                   FX-SCORES(3) "," FX-SCORES(4) "}" HT
               '{"' FX-ITEM-CODE(1) '","' FX-ITEM-CODE(2) '","'
                   FX-ITEM-CODE(3) '"}' HT
               "{" FX-ITEM-QTY(1) "," FX-ITEM-QTY(2) ","
                   FX-ITEM-QTY(3) "}" HT
               FX-DATE HT FX-DATE-YYYY HT FX-DATE-MM HT
               FX-DATE-DD HT FX-TRAILER.

      * Text through the code-page table, zoned fields through the
      * fixed zone table, COMP-5 to big-endian.
       TO-MAINFRAME-BYTES.
           INSPECT FX-TEXT CONVERTING XLT-FROM TO XLT-TO
           INSPECT FX-CODE CONVERTING XLT-FROM TO XLT-TO
           INSPECT FX-TRAILER CONVERTING XLT-FROM TO XLT-TO
           PERFORM VARYING I FROM 1 BY 1 UNTIL I > 3
               INSPECT FX-ITEM-CODE(I) CONVERTING XLT-FROM TO XLT-TO
           END-PERFORM
           INSPECT FX-ID(1:) CONVERTING ZONE-FROM TO ZONE-TO
           INSPECT FX-NUMBERS CONVERTING ZONE-FROM TO ZONE-TO
           PERFORM VARYING I FROM 1 BY 1 UNTIL I > 4
               INSPECT FX-SCORES(I)(1:) CONVERTING ZONE-FROM TO ZONE-TO
           END-PERFORM
           INSPECT FX-DATE(1:) CONVERTING ZONE-FROM TO ZONE-TO
           MOVE FUNCTION REVERSE(FX-C5-S2(1:)) TO FX-C5-S2(1:)
           MOVE FUNCTION REVERSE(FX-C5-U4(1:)) TO FX-C5-U4(1:)
           MOVE FUNCTION REVERSE(FX-C5-S8(1:)) TO FX-C5-S8(1:).

       SET-TEXT.
           MOVE REC-NO TO FX-ID
           COMPUTE I = FUNCTION MOD(REC-NO - 1, 13) + 1
           MOVE TEXT-ENTRY(I) TO FX-TEXT
           COMPUTE I = FUNCTION MOD(REC-NO - 1, 10) + 1
           MOVE CODE-ENTRY(I) TO FX-CODE
           COMPUTE I = FUNCTION MOD(REC-NO - 1, 7) + 1
           MOVE TRAILER-ENTRY(I) TO FX-TRAILER
           PERFORM VARYING I FROM 1 BY 1 UNTIL I > 3
               PERFORM NEXT-RANDOM
               IF FUNCTION MOD(RNG-HIGH, 8) = 0
                   MOVE SPACES TO FX-ITEM-CODE(I)
               ELSE
                   PERFORM VARYING J FROM 1 BY 1 UNTIL J > 4
                       PERFORM NEXT-RANDOM
                       COMPUTE RNG-K = FUNCTION MOD(RNG-HIGH, 64) + 1
                       MOVE ITEM-CHARS(RNG-K:1)
                           TO FX-ITEM-CODE(I)(J:1)
                   END-PERFORM
               END-IF
           END-PERFORM.

       SET-ZERO.
           MOVE 0 TO FX-UNS-ZONED FX-SGN-ZONED FX-SGN-LEAD
               FX-SGN-TRAIL-SEP FX-SGN-LEAD-SEP
               FX-PK-ODD FX-PK-EVEN FX-PK-UNS-ODD FX-PK-UNS-EVEN
               FX-PK-FRAC FX-PK-18 FX-PK-BIG
               FX-BIN-S2 FX-BIN-U2 FX-BIN-S4 FX-BIN-U4 FX-BIN-S8
               FX-BIN-U8 FX-C5-S2 FX-C5-U4 FX-C5-S8 FX-DATE
           PERFORM VARYING I FROM 1 BY 1 UNTIL I > 4
               MOVE 0 TO FX-SCORES(I)
           END-PERFORM
           PERFORM VARYING I FROM 1 BY 1 UNTIL I > 3
               MOVE 0 TO FX-ITEM-QTY(I)
           END-PERFORM.

      * The largest value of every picture; COMP-5 holds the binary
      * capacity, as on z/OS.
       SET-MAX.
           MOVE 99999 TO FX-UNS-ZONED
           MOVE 9999999.99 TO FX-SGN-ZONED
           MOVE 99999 TO FX-SGN-LEAD
           MOVE 99999.9 TO FX-SGN-TRAIL-SEP
           MOVE 999 TO FX-SGN-LEAD-SEP
           MOVE 9999999.99 TO FX-PK-ODD
           MOVE 999999 TO FX-PK-EVEN
           MOVE 99999.99 TO FX-PK-UNS-ODD
           MOVE 9999 TO FX-PK-UNS-EVEN
           MOVE .999 TO FX-PK-FRAC
           MOVE 999999999999999999 TO FX-PK-18
           MOVE ALL "9" TO NINES-31-X
           MOVE NINES-31 TO FX-PK-BIG
           MOVE 9999 TO FX-BIN-S2
           MOVE 99.99 TO FX-BIN-U2
           MOVE 9999999.99 TO FX-BIN-S4
           MOVE 999999999 TO FX-BIN-U4
           MOVE 9999999999999999.99 TO FX-BIN-S8
           MOVE 999999999999999999 TO FX-BIN-U8
           MOVE 32767 TO FX-C5-S2
           MOVE 4294967295 TO FX-C5-U4
           MOVE 9223372036854775807 TO FX-C5-S8
           PERFORM VARYING I FROM 1 BY 1 UNTIL I > 4
               MOVE 999 TO FX-SCORES(I)
           END-PERFORM
           PERFORM VARYING I FROM 1 BY 1 UNTIL I > 3
               MOVE 999 TO FX-ITEM-QTY(I)
           END-PERFORM
           MOVE 99999999 TO FX-DATE.

      * The most negative value of every signed picture; unsigned
      * fields hold 1.
       SET-MIN.
           MOVE 1 TO FX-UNS-ZONED
           MOVE -9999999.99 TO FX-SGN-ZONED
           MOVE -99999 TO FX-SGN-LEAD
           MOVE -99999.9 TO FX-SGN-TRAIL-SEP
           MOVE -999 TO FX-SGN-LEAD-SEP
           MOVE -9999999.99 TO FX-PK-ODD
           MOVE -999999 TO FX-PK-EVEN
           MOVE .01 TO FX-PK-UNS-ODD
           MOVE 1 TO FX-PK-UNS-EVEN
           MOVE -.999 TO FX-PK-FRAC
           MOVE -999999999999999999 TO FX-PK-18
           MOVE ALL "9" TO NINES-31-X
           COMPUTE FX-PK-BIG = 0 - NINES-31
           MOVE -9999 TO FX-BIN-S2
           MOVE .01 TO FX-BIN-U2
           MOVE -9999999.99 TO FX-BIN-S4
           MOVE 1 TO FX-BIN-U4
           MOVE -9999999999999999.99 TO FX-BIN-S8
           MOVE 1 TO FX-BIN-U8
           MOVE -32768 TO FX-C5-S2
           MOVE 0 TO FX-C5-U4
           MOVE -9223372036854775808 TO FX-C5-S8
           PERFORM VARYING I FROM 1 BY 1 UNTIL I > 4
               MOVE I TO FX-SCORES(I)
           END-PERFORM
           PERFORM VARYING I FROM 1 BY 1 UNTIL I > 3
               MOVE -999 TO FX-ITEM-QTY(I)
           END-PERFORM
           MOVE 1 TO FX-DATE.

      * Values next to zero: one unit of the last digit, signed.
       SET-SMALL.
           MOVE 1 TO FX-UNS-ZONED
           MOVE -.01 TO FX-SGN-ZONED
           MOVE 1 TO FX-SGN-LEAD
           MOVE -.1 TO FX-SGN-TRAIL-SEP
           MOVE 1 TO FX-SGN-LEAD-SEP
           MOVE .01 TO FX-PK-ODD
           MOVE -1 TO FX-PK-EVEN
           MOVE 1.5 TO FX-PK-UNS-ODD
           MOVE 10 TO FX-PK-UNS-EVEN
           MOVE .001 TO FX-PK-FRAC
           MOVE -1 TO FX-PK-18
           MOVE .01 TO FX-PK-BIG
           MOVE -1 TO FX-BIN-S2
           MOVE 1 TO FX-BIN-U2
           MOVE -.01 TO FX-BIN-S4
           MOVE 100 TO FX-BIN-U4
           MOVE .01 TO FX-BIN-S8
           MOVE 65536 TO FX-BIN-U8
           MOVE -1 TO FX-C5-S2
           MOVE 65535 TO FX-C5-U4
           MOVE -1 TO FX-C5-S8
           MOVE 0 TO FX-SCORES(1)
           MOVE 1 TO FX-SCORES(2)
           MOVE 10 TO FX-SCORES(3)
           MOVE 100 TO FX-SCORES(4)
           MOVE -1 TO FX-ITEM-QTY(1)
           MOVE 0 TO FX-ITEM-QTY(2)
           MOVE 1 TO FX-ITEM-QTY(3)
           MOVE 20240229 TO FX-DATE.

      * Every number drawn with a random count of digits (0 to all of
      * the picture's), so small and large values both occur.
       SET-RANDOM.
           MOVE "N" TO RND-SIGNED
           MOVE 5 TO RND-DIGITS PERFORM RANDOM-VALUE
           MOVE RNG-VALUE TO FX-UNS-ZONED
           MOVE "Y" TO RND-SIGNED
           MOVE 9 TO RND-DIGITS PERFORM RANDOM-VALUE
           COMPUTE FX-SGN-ZONED = RNG-VALUE / 100
           MOVE 5 TO RND-DIGITS PERFORM RANDOM-VALUE
           MOVE RNG-VALUE TO FX-SGN-LEAD
           MOVE 6 TO RND-DIGITS PERFORM RANDOM-VALUE
           COMPUTE FX-SGN-TRAIL-SEP = RNG-VALUE / 10
           MOVE 3 TO RND-DIGITS PERFORM RANDOM-VALUE
           MOVE RNG-VALUE TO FX-SGN-LEAD-SEP
           MOVE 9 TO RND-DIGITS PERFORM RANDOM-VALUE
           COMPUTE FX-PK-ODD = RNG-VALUE / 100
           MOVE 6 TO RND-DIGITS PERFORM RANDOM-VALUE
           MOVE RNG-VALUE TO FX-PK-EVEN
           MOVE 3 TO RND-DIGITS PERFORM RANDOM-VALUE
           COMPUTE FX-PK-FRAC = RNG-VALUE / 1000
           MOVE 18 TO RND-DIGITS PERFORM RANDOM-VALUE
           MOVE RNG-VALUE TO FX-PK-18
           MOVE 31 TO RND-DIGITS PERFORM RANDOM-VALUE
           COMPUTE FX-PK-BIG = RNG-VALUE / 100
           MOVE 4 TO RND-DIGITS PERFORM RANDOM-VALUE
           MOVE RNG-VALUE TO FX-BIN-S2
           MOVE 9 TO RND-DIGITS PERFORM RANDOM-VALUE
           COMPUTE FX-BIN-S4 = RNG-VALUE / 100
           MOVE 18 TO RND-DIGITS PERFORM RANDOM-VALUE
           COMPUTE FX-BIN-S8 = RNG-VALUE / 100
           MOVE 3 TO RND-DIGITS
           PERFORM VARYING I FROM 1 BY 1 UNTIL I > 3
               PERFORM RANDOM-VALUE
               MOVE RNG-VALUE TO FX-ITEM-QTY(I)
           END-PERFORM
           MOVE "N" TO RND-SIGNED
           MOVE 7 TO RND-DIGITS PERFORM RANDOM-VALUE
           COMPUTE FX-PK-UNS-ODD = RNG-VALUE / 100
           MOVE 4 TO RND-DIGITS PERFORM RANDOM-VALUE
           MOVE RNG-VALUE TO FX-PK-UNS-EVEN
           MOVE 4 TO RND-DIGITS PERFORM RANDOM-VALUE
           COMPUTE FX-BIN-U2 = RNG-VALUE / 100
           MOVE 9 TO RND-DIGITS PERFORM RANDOM-VALUE
           MOVE RNG-VALUE TO FX-BIN-U4
           MOVE 18 TO RND-DIGITS PERFORM RANDOM-VALUE
           MOVE RNG-VALUE TO FX-BIN-U8
           MOVE 3 TO RND-DIGITS
           PERFORM VARYING I FROM 1 BY 1 UNTIL I > 4
               PERFORM RANDOM-VALUE
               MOVE RNG-VALUE TO FX-SCORES(I)
           END-PERFORM
      *    COMP-5: anywhere in the binary range, beyond the picture too
           MOVE 65536 TO RND-RANGE PERFORM RANDOM-BINARY
           COMPUTE FX-C5-S2 = RNG-VALUE - 32768
           MOVE RNG-TWO32 TO RND-RANGE PERFORM RANDOM-BINARY
           MOVE RNG-VALUE TO FX-C5-U4
           COMPUTE RND-RANGE = RNG-TWO32 * RNG-TWO32
           PERFORM RANDOM-BINARY
           COMPUTE FX-C5-S8 = RNG-VALUE - RND-RANGE / 2
      *    a valid calendar date between 1900 and 2036
           PERFORM NEXT-RANDOM
           COMPUTE FX-DATE = FUNCTION DATE-OF-INTEGER(
               FUNCTION INTEGER-OF-DATE(19000101)
               + FUNCTION MOD(RNG-HIGH * 7, 50000)).

           COPY "xlate-proc.inc".
           COPY "rng-proc.inc".
