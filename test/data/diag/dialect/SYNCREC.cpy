      *----------------------------------------------------------------
      * SYNCREC - SYNCHRONIZED binary items of every size, slack inside
      * a group, and two tables whose occurrences GnuCOBOL pads, for
      * the dialect fixtures (syncgen.cbl writes it with GnuCOBOL's
      * default and -std=mf configurations).
      *----------------------------------------------------------------
       01  SYNC-REC.
           05  S-ID                    PIC 9(4).
           05  S-A                     PIC X.
           05  S-B1                    PIC S9(2) COMP SYNC.
           05  S-C                     PIC X.
           05  S-B2                    PIC S9(4) COMP SYNC.
           05  S-D                     PIC X(3).
           05  S-B4                    PIC S9(9) COMP SYNC.
           05  S-E                     PIC X.
           05  S-B8                    PIC S9(18) COMP SYNC.
           05  S-F                     PIC X.
           05  S-B3                    PIC S9(6) COMP SYNC.
           05  S-G                     PIC X.
           05  S-C5                    PIC S9(4) COMP-5 SYNC.
           05  S-GRP.
               10  S-G1                PIC X(2).
               10  S-G2                PIC S9(9) COMP SYNC.
           05  S-TAB OCCURS 3.
               10  S-T1                PIC X.
               10  S-T2                PIC S9(9) COMP SYNC.
               10  S-T3                PIC X.
           05  S-NEST OCCURS 2.
               10  S-N8                PIC S9(18) COMP SYNC.
               10  S-NS.
                   15  S-NS1           PIC X.
                   15  S-NS2           PIC S9(4) COMP SYNC.
               10  S-NX                PIC X.
           05  S-END                   PIC X(2).
