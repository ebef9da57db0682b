      *----------------------------------------------------------------
      * ACCTCDC - change records of the account master (ACCTMAST.cpy)
      * as a log-based capture program writes them from the DB2 log,
      * in commit order.  RECFM FB, LRECL 277, code page cp037.
      *   CDC-OP         I insert, U update, D delete
      *   CDC-LOG-POS    the log record's extended LRSN (10 bytes)
      *   CDC-COMMIT-TS  commit time of the unit of recovery, STCK
      *   CDC-URID       the unit of recovery (extended RBA, 10 bytes)
      *   CDC-TABLE      the table name
      * then the row (the new row of I and U, the deleted row of D) and
      * the before image (the old row of U; low-values otherwise).
      *----------------------------------------------------------------
       01  ACCT-CHANGE-REC.
           05  CDC-HEADER.
               10  CDC-OP                  PIC X(1).
               10  CDC-LOG-POS             PIC X(10).
               10  CDC-COMMIT-TS           PIC X(8).
               10  CDC-URID                PIC X(10).
               10  CDC-TABLE               PIC X(8).
           05  ACCT-ROW.
               10  ACCT-NUMBER             PIC 9(10).
               10  ACCT-CUSTOMER-ID        PIC 9(8).
               10  ACCT-HOLDER-NAME        PIC X(30).
               10  ACCT-BRANCH             PIC 9(4).
               10  ACCT-PRODUCT-CODE       PIC X(3).
               10  ACCT-CURRENCY           PIC X(3).
               10  ACCT-OPEN-DATE          PIC 9(8).
               10  ACCT-STATUS             PIC X(1).
               10  ACCT-CURRENT-BAL        PIC S9(13)V99 COMP-3.
               10  ACCT-AVAILABLE-BAL      PIC S9(13)V99 COMP-3.
               10  ACCT-OVERDRAFT-LIMIT    PIC S9(9)V99 COMP-3.
               10  ACCT-INTEREST-RATE      PIC S9(3)V9(4) COMP-3.
               10  ACCT-LAST-ACTIVITY      PIC 9(8).
               10  FILLER                  PIC X(19).
           05  ACCT-BEFORE.
               10  BEFORE-ACCT-NUMBER      PIC 9(10).
               10  BEFORE-ACCT-CUSTOMER-ID PIC 9(8).
               10  BEFORE-ACCT-HOLDER-NAME PIC X(30).
               10  BEFORE-ACCT-BRANCH      PIC 9(4).
               10  BEFORE-ACCT-PRODUCT-CODE
                                           PIC X(3).
               10  BEFORE-ACCT-CURRENCY    PIC X(3).
               10  BEFORE-ACCT-OPEN-DATE   PIC 9(8).
               10  BEFORE-ACCT-STATUS      PIC X(1).
               10  BEFORE-ACCT-CURRENT-BAL PIC S9(13)V99 COMP-3.
               10  BEFORE-ACCT-AVAILABLE-BAL
                                           PIC S9(13)V99 COMP-3.
               10  BEFORE-ACCT-OVERDRAFT-LIMIT
                                           PIC S9(9)V99 COMP-3.
               10  BEFORE-ACCT-INTEREST-RATE
                                           PIC S9(3)V9(4) COMP-3.
               10  BEFORE-ACCT-LAST-ACTIVITY
                                           PIC 9(8).
               10  FILLER                  PIC X(19).
