      *----------------------------------------------------------------
      * ODOREC - variable-length order record (RECFM VB), the table
      * last: 32 bytes + 16 per order line, 32 to 192 bytes.
      * zfdw fixture: written by odogen.cbl with RDW and with BDW.
      *----------------------------------------------------------------
       01  ORDER-REC.
           05  ORD-ID                  PIC 9(6).
           05  ORD-CUSTOMER            PIC X(16).
           05  ORD-DATE                PIC 9(8).
           05  ORD-LINE-COUNT          PIC 9(2).
           05  ORD-LINE                OCCURS 0 TO 10 TIMES
                                       DEPENDING ON ORD-LINE-COUNT.
               10  ORD-SKU             PIC X(8).
               10  ORD-QTY             PIC S9(5) COMP-3.
               10  ORD-PRICE           PIC S9(7)V99 COMP-3.
