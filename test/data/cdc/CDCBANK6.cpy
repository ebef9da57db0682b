      *----------------------------------------------------------------
      * CDCBANK6 - the change records of CDCBANK.cpy as an older capture
      * program writes them: RECFM VB (each record with its RDW), a
      * 6-byte LRSN as the log position, a 6-byte RBA as the unit of
      * recovery, and the before image only where there is one: an
      * update's record holds it (CDC-BEFORE-COUNT 1), the others end
      * after the row image (CDC-BEFORE-COUNT 0).  Code page cp037.
      *----------------------------------------------------------------
       01  CDC6-ACCOUNT-REC.
           05  CDC-HEADER.
               10  CDC-OP              PIC X(1).
               10  CDC-LOG-POS         PIC X(6).
               10  CDC-COMMIT-TS       PIC X(8).
               10  CDC-URID            PIC X(6).
               10  CDC-TABLE           PIC X(8).
               10  CDC-BEFORE-COUNT    PIC S9(4) COMP.
           05  ACCT-ROW.
               10  ACCT-ID             PIC S9(9) COMP.
               10  ACCT-NAME           PIC X(20).
               10  ACCT-BALANCE        PIC S9(11)V99 COMP-3.
               10  ACCT-STATUS         PIC X(1).
               10  ACCT-UPDATED        PIC X(26).
           05  ACCT-BEFORE OCCURS 0 TO 1 TIMES
                           DEPENDING ON CDC-BEFORE-COUNT.
               10  BEFORE-ACCT-ID      PIC S9(9) COMP.
               10  BEFORE-ACCT-NAME    PIC X(20).
               10  BEFORE-ACCT-BALANCE PIC S9(11)V99 COMP-3.
               10  BEFORE-ACCT-STATUS  PIC X(1).
               10  BEFORE-ACCT-UPDATED PIC X(26).
       01  CDC6-TXN-REC.
           05  CDC-HEADER.
               10  CDC-OP              PIC X(1).
               10  CDC-LOG-POS         PIC X(6).
               10  CDC-COMMIT-TS       PIC X(8).
               10  CDC-URID            PIC X(6).
               10  CDC-TABLE           PIC X(8).
               10  CDC-BEFORE-COUNT    PIC S9(4) COMP.
           05  TXN-ROW.
               10  TXN-ID              PIC S9(18) COMP.
               10  TXN-ACCT-ID         PIC S9(9) COMP.
               10  TXN-AMOUNT          PIC S9(9)V99 COMP-3.
               10  TXN-BOOKED          PIC X(26).
               10  TXN-MEMO            PIC X(16).
           05  TXN-BEFORE OCCURS 0 TO 1 TIMES
                          DEPENDING ON CDC-BEFORE-COUNT.
               10  BEFORE-TXN-ID       PIC S9(18) COMP.
               10  BEFORE-TXN-ACCT-ID  PIC S9(9) COMP.
               10  BEFORE-TXN-AMOUNT   PIC S9(9)V99 COMP-3.
               10  BEFORE-TXN-BOOKED   PIC X(26).
               10  BEFORE-TXN-MEMO     PIC X(16).
