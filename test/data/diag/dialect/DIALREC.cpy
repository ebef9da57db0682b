      *----------------------------------------------------------------
      * DIALREC - one record of every binary size and order, zoned
      * and packed, for the dialect fixtures (dialgen.cbl writes it
      * with GnuCOBOL's default and -std=mf configurations).
      *----------------------------------------------------------------
       01  DIAL-REC.
           05  D-ID                    PIC 9(4).
           05  D-NAME                  PIC X(10).
           05  D-B1                    PIC S9(2) COMP.
           05  D-B2                    PIC S9(4) COMP.
           05  D-B3                    PIC S9(6) COMP.
           05  D-B4                    PIC 9(8) BINARY.
           05  D-B5                    PIC S9(11) COMP.
           05  D-B6                    PIC S9(18) COMP-4.
           05  D-C1                    PIC S9(4) COMP-5.
           05  D-C2                    PIC 9(7) COMP-5.
           05  D-C3                    PIC S9(15) COMP-5.
           05  D-Z1                    PIC S9(5).
           05  D-Z2                    PIC S9(3)V99.
           05  D-P1                    PIC S9(5)V99 COMP-3.
