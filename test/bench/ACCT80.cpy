      * ACCT80: the 80-byte account record of the scan benchmark.
       01  ACCT80.
           05  ACCT-ID                 PIC 9(10).
           05  NAME                    PIC X(30).
           05  BRANCH                  PIC 9(4).
           05  BALANCE                 PIC S9(13)V99 COMP-3.
           05  CREDIT-LIMIT            PIC S9(9)V99 COMP-3.
           05  OPEN-DATE               PIC 9(8).
           05  STATUS                  PIC X.
           05  FILLER                  PIC X(13).
