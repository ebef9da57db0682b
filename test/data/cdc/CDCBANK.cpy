      *----------------------------------------------------------------
      * CDCBANK - change records of a log-based capture program for two
      * DB2 for z/OS tables of the bank, ACCOUNT and TXN, interleaved in
      * one file in commit order.  RECFM FB, LRECL 157 (the longer of
      * the two records; a CDC-ACCOUNT-REC is padded with 4 blanks).
      * Code page cp037.  CDC-TABLE tells the two records apart.
      *
      * The header of every record:
      *   CDC-OP         I insert, U update, D delete, M mass delete
      *                  (DELETE without WHERE, one record, no images)
      *   CDC-LOG-POS    the log record's position: a 10-byte extended
      *                  LRSN (bytes 0-9 of the STCKE clock value)
      *   CDC-COMMIT-TS  the commit time of its unit of recovery: a STCK
      *                  TOD clock value (8 bytes, bit 51 = 1 microsecond)
      *   CDC-URID       the unit of recovery: a 10-byte extended RBA
      *   CDC-TABLE      the table name
      * then the row image (the new row of I and U, the deleted row of D)
      * and the before image (the old row of U; low-values otherwise).
      *----------------------------------------------------------------
       01  CDC-ACCOUNT-REC.
           05  CDC-HEADER.
               10  CDC-OP              PIC X(1).
                   88  CDC-INSERT                VALUE 'I'.
                   88  CDC-UPDATE                VALUE 'U'.
                   88  CDC-DELETE                VALUE 'D'.
                   88  CDC-MASS-DELETE           VALUE 'M'.
               10  CDC-LOG-POS         PIC X(10).
               10  CDC-COMMIT-TS       PIC X(8).
               10  CDC-URID            PIC X(10).
               10  CDC-TABLE           PIC X(8).
           05  ACCT-ROW.
               10  ACCT-ID             PIC S9(9) COMP.
               10  ACCT-NAME           PIC X(20).
               10  ACCT-BALANCE        PIC S9(11)V99 COMP-3.
               10  ACCT-STATUS         PIC X(1).
               10  ACCT-UPDATED        PIC X(26).
           05  ACCT-BEFORE.
               10  BEFORE-ACCT-ID      PIC S9(9) COMP.
               10  BEFORE-ACCT-NAME    PIC X(20).
               10  BEFORE-ACCT-BALANCE PIC S9(11)V99 COMP-3.
               10  BEFORE-ACCT-STATUS  PIC X(1).
               10  BEFORE-ACCT-UPDATED PIC X(26).
       01  CDC-TXN-REC.
           05  CDC-HEADER.
               10  CDC-OP              PIC X(1).
               10  CDC-LOG-POS         PIC X(10).
               10  CDC-COMMIT-TS       PIC X(8).
               10  CDC-URID            PIC X(10).
               10  CDC-TABLE           PIC X(8).
           05  TXN-ROW.
               10  TXN-ID              PIC S9(18) COMP.
               10  TXN-ACCT-ID         PIC S9(9) COMP.
               10  TXN-AMOUNT          PIC S9(9)V99 COMP-3.
               10  TXN-BOOKED          PIC X(26).
               10  TXN-MEMO            PIC X(16).
           05  TXN-BEFORE.
               10  BEFORE-TXN-ID       PIC S9(18) COMP.
               10  BEFORE-TXN-ACCT-ID  PIC S9(9) COMP.
               10  BEFORE-TXN-AMOUNT   PIC S9(9)V99 COMP-3.
               10  BEFORE-TXN-BOOKED   PIC X(26).
               10  BEFORE-TXN-MEMO     PIC X(16).
