      *----------------------------------------------------------------
      * FIXREC - fixed-length (FB) test record, LRECL 194.
      * zfdw fixture: written by fixgen.cbl in five EBCDIC code pages.
      * Covers text, zoned (overpunch, leading, separate signs),
      * packed (odd/even digits, unsigned, scaled, 18 and 31 digits),
      * binary 2/4/8 bytes signed/unsigned/scaled, COMP-5, a fixed
      * OCCURS of an elementary item and of a group, a REDEFINES,
      * a FILLER and groups.  The offsets are listed in README.md.
      *----------------------------------------------------------------
       01  FIX-REC.
           05  FX-ID                   PIC 9(4).
           05  FX-TEXT                 PIC X(24).
           05  FX-CODE                 PIC X(3).
           05  FX-NUMBERS.
               10  FX-UNS-ZONED        PIC 9(5).
               10  FX-SGN-ZONED        PIC S9(7)V99.
               10  FX-SGN-LEAD         PIC S9(5)
                                       SIGN IS LEADING.
               10  FX-SGN-TRAIL-SEP    PIC S9(5)V9
                       SIGN IS TRAILING SEPARATE CHARACTER.
               10  FX-SGN-LEAD-SEP     PIC S9(3)
                       SIGN IS LEADING SEPARATE CHARACTER.
           05  FX-PACKED.
               10  FX-PK-ODD           PIC S9(7)V99 COMP-3.
               10  FX-PK-EVEN          PIC S9(6) COMP-3.
               10  FX-PK-UNS-ODD       PIC 9(5)V99 COMP-3.
               10  FX-PK-UNS-EVEN      PIC 9(4) COMP-3.
               10  FX-PK-FRAC          PIC SV9(3) COMP-3.
               10  FX-PK-18            PIC S9(18) COMP-3.
               10  FX-PK-BIG           PIC S9(29)V99
                                       PACKED-DECIMAL.
           05  FX-BINARY.
               10  FX-BIN-S2           PIC S9(4) COMP.
               10  FX-BIN-U2           PIC 9(2)V99 BINARY.
               10  FX-BIN-S4           PIC S9(7)V99 COMP.
               10  FX-BIN-U4           PIC 9(9) COMP-4.
               10  FX-BIN-S8           PIC S9(16)V99 COMP.
               10  FX-BIN-U8           PIC 9(18) BINARY.
               10  FX-C5-S2            PIC S9(4) COMP-5.
               10  FX-C5-U4            PIC 9(9) COMP-5.
               10  FX-C5-S8            PIC S9(18) COMP-5.
           05  FX-SCORES               PIC 9(3) OCCURS 4 TIMES.
           05  FX-ITEMS                OCCURS 3 TIMES.
               10  FX-ITEM-CODE        PIC X(4).
               10  FX-ITEM-QTY         PIC S9(3) COMP-3.
           05  FX-DATE                 PIC 9(8).
           05  FX-DATE-PARTS REDEFINES FX-DATE.
               10  FX-DATE-YYYY        PIC 9(4).
               10  FX-DATE-MM          PIC 9(2).
               10  FX-DATE-DD          PIC 9(2).
           05  FILLER                  PIC X(3).
           05  FX-TRAILER              PIC X(6).
