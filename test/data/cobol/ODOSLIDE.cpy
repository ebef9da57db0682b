      *----------------------------------------------------------------
      * ODOSLIDE - variable-length statement record (RECFM VB) with
      * items AFTER the OCCURS DEPENDING ON table.  As on z/OS they
      * start right after the actual occurrences: 12 + 16 * count
      * + 24 bytes, 36 to 164 bytes.
      * zfdw fixture: written by odoslide.cbl (cobc -fodoslide).
      *----------------------------------------------------------------
       01  STMT-REC.
           05  STMT-ACCOUNT            PIC 9(10).
           05  STMT-TXN-COUNT          PIC S9(4) COMP.
           05  STMT-TXN                OCCURS 0 TO 8 TIMES
                                       DEPENDING ON STMT-TXN-COUNT.
               10  TXN-DATE            PIC 9(8).
               10  TXN-TYPE            PIC X(2).
               10  TXN-AMOUNT          PIC S9(9)V99 COMP-3.
           05  STMT-CLOSING-BAL        PIC S9(11)V99 COMP-3.
           05  STMT-BRANCH-NAME        PIC X(12).
           05  STMT-SEQ                PIC S9(5).
