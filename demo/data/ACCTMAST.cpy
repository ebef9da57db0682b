      *----------------------------------------------------------------
      * ACCTMAST - account master record.
      * VSAM KSDS, key ACCT-NUMBER (offset 0, length 10); exported by
      * IDCAMS REPRO to a fixed-length sequential file, LRECL 120,
      * in ascending key order.  Code page: cp037.
      *----------------------------------------------------------------
       01  ACCT-MASTER-REC.
           05  ACCT-NUMBER             PIC 9(10).
           05  ACCT-CUSTOMER-ID        PIC 9(8).
           05  ACCT-HOLDER-NAME        PIC X(30).
           05  ACCT-BRANCH             PIC 9(4).
           05  ACCT-PRODUCT-CODE       PIC X(3).
               88  ACCT-CHECKING                 VALUE 'CHK'.
               88  ACCT-SAVINGS                  VALUE 'SAV'.
               88  ACCT-MONEY-MARKET             VALUE 'MMA'.
               88  ACCT-CERTIFICATE              VALUE 'CDT'.
               88  ACCT-BUSINESS                 VALUE 'BUS'.
           05  ACCT-CURRENCY           PIC X(3).
           05  ACCT-OPEN-DATE          PIC 9(8).
           05  ACCT-STATUS             PIC X(1).
               88  ACCT-ACTIVE                   VALUE 'A'.
               88  ACCT-DORMANT                  VALUE 'D'.
               88  ACCT-CLOSED                   VALUE 'C'.
               88  ACCT-FROZEN                   VALUE 'F'.
           05  ACCT-BALANCES.
               10  ACCT-CURRENT-BAL    PIC S9(13)V99 COMP-3.
               10  ACCT-AVAILABLE-BAL  PIC S9(13)V99 COMP-3.
               10  ACCT-OVERDRAFT-LIMIT
                                       PIC S9(9)V99 COMP-3.
           05  ACCT-INTEREST-RATE      PIC S9(3)V9(4) COMP-3.
           05  ACCT-LAST-ACTIVITY      PIC 9(8).
           05  FILLER                  PIC X(19).
