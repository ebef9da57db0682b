      *----------------------------------------------------------------
      * IBMSYNC - SYNCHRONIZED binary items where IBM Enterprise COBOL
      * and GnuCOBOL's -std=ibm place every elementary item alike (2-
      * and 4-byte binaries, slack inside and before groups, an 8-byte
      * binary where a fullword boundary is also a doubleword one, a
      * table whose occurrences need no padding), for the IBM dialect's
      * fixture (ibmsyncgen.cbl, compiled with -std=ibm).
      *----------------------------------------------------------------
       01  IBM-SYNC-REC.
           05  I-ID                    PIC 9(4).
           05  I-A                     PIC X.
           05  I-H1                    PIC S9(4) COMP SYNC.
           05  I-B                     PIC X(2).
           05  I-F1                    PIC S9(9) COMP SYNC.
           05  I-C.
               10  I-C1                PIC X(3).
               10  I-CF                PIC S9(9) COMP SYNC.
           05  I-D                     PIC X(5).
           05  I-E.
               10  I-EH                PIC S9(4) COMP SYNC.
               10  I-E1                PIC X(5).
           05  I-D8                    PIC S9(18) COMP SYNC.
           05  I-T OCCURS 3.
               10  I-T1                PIC X.
               10  I-T2                PIC S9(4) COMP SYNC.
               10  I-T3                PIC S9(9) COMP SYNC.
           05  I-Z                     PIC X(3).
