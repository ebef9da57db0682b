      *================================================================
      * odoread.cbl - the independent reader of ODOREC files written by
      * zfdw: reads z/OS RECFM VB bytes (RDWs, and BDWs when BLOCKED is
      * Y) with the byte-stream routines, checks that each RDW's length
      * is the one the record's OCCURS DEPENDING ON count gives, turns
      * the z/OS bytes back into GnuCOBOL's (the reverse of odogen.cbl's
      * TO-MAINFRAME-BYTES) and DISPLAYs every field exactly as
      * odogen.cbl does.
      *
      * Compile: cobc -x -std=ibm -fsign=EBCDIC -fpretty-display.
      * Environment: DD_INFILE   the data file to read
      *              DD_XLATE    the code-page table (256 bytes)
      *              BLOCKED     Y: block descriptors (vb_bdw)
      * Run by readback.sh at test time (test/sql/write_cobol.sql).
      *================================================================
       IDENTIFICATION DIVISION.
       PROGRAM-ID. ODOREAD.
       ENVIRONMENT DIVISION.
       INPUT-OUTPUT SECTION.
       FILE-CONTROL.
           SELECT XLT-FILE ASSIGN TO "XLATE"
               ORGANIZATION IS SEQUENTIAL.
       DATA DIVISION.
       FILE SECTION.
       FD  XLT-FILE.
       01  XLT-REC                     PIC X(256).
       WORKING-STORAGE SECTION.
       COPY ODOREC.
       01  FILE-NAME                   PIC X(1024).
       01  BLOCKED                     PIC X VALUE "N".
       01  IN-HANDLE                   PIC X(4).
       01  ACCESS-MODE                 PIC X COMP-X VALUE 1.
       01  DENY-MODE                   PIC X COMP-X VALUE 0.
       01  DEVICE                      PIC X COMP-X VALUE 0.
       01  READ-FLAGS                  PIC X COMP-X VALUE 0.
       01  IN-OFFSET                   PIC X(8) COMP-X VALUE 0.
       01  FILE-SIZE                   PIC X(8) COMP-X VALUE 0.
       01  BYTE-COUNT                  PIC X(4) COMP-X.
       01  BLOCK-LEFT                  PIC 9(8) COMP VALUE 0.
       01  DATA-LENGTH                 PIC 9(8) COMP.
       01  COUNT-VALUE                 PIC 9(2).
       01  DESCRIPTOR.
           05  DESC-LENGTH             PIC 9(4) COMP.
           05  DESC-ZERO               PIC X(2).
       01  I                           PIC 9(4).
       01  HT                          PIC X VALUE X"09".
           COPY "xlate-data.inc".
       PROCEDURE DIVISION.
       MAIN-LINE.
           PERFORM LOAD-XLATE
           ACCEPT FILE-NAME FROM ENVIRONMENT "DD_INFILE"
           ACCEPT BLOCKED FROM ENVIRONMENT "BLOCKED"
           CALL "CBL_OPEN_FILE" USING FILE-NAME ACCESS-MODE
               DENY-MODE DEVICE IN-HANDLE
           IF RETURN-CODE NOT = 0
               DISPLAY "odoread: cannot open DD_INFILE" UPON SYSERR
               STOP RUN
           END-IF
      *    flag 128: the file's size into the offset argument
           MOVE 128 TO READ-FLAGS
           MOVE 0 TO BYTE-COUNT
           CALL "CBL_READ_FILE" USING IN-HANDLE FILE-SIZE BYTE-COUNT
               READ-FLAGS DESCRIPTOR
           MOVE 0 TO READ-FLAGS
           DISPLAY "ord_id" HT "ord_customer" HT "ord_date" HT
               "ord_line_count" HT "ord_sku" HT "ord_qty" HT
               "ord_price"
           DISPLAY "#types" HT "N" HT "X" HT "N" HT "N" HT "XA" HT
               "NA" HT "NA"
           PERFORM UNTIL IN-OFFSET >= FILE-SIZE
               IF BLOCKED = "Y" AND BLOCK-LEFT = 0
                   PERFORM READ-DESCRIPTOR
                   COMPUTE BLOCK-LEFT = DESC-LENGTH - 4
               END-IF
               PERFORM READ-DESCRIPTOR
               IF DESC-ZERO NOT = LOW-VALUES OR DESC-LENGTH < 5
                   OR DESC-LENGTH > 196
                   DISPLAY "odoread: bad RDW at " IN-OFFSET UPON SYSERR
                   MOVE 1 TO RETURN-CODE
                   STOP RUN
               END-IF
               IF BLOCKED = "Y"
                   SUBTRACT DESC-LENGTH FROM BLOCK-LEFT
               END-IF
               COMPUTE DATA-LENGTH = DESC-LENGTH - 4
               MOVE DATA-LENGTH TO BYTE-COUNT
               MOVE ALL X"40" TO ORDER-REC(1:192)
               CALL "CBL_READ_FILE" USING IN-HANDLE IN-OFFSET
                   BYTE-COUNT READ-FLAGS ORDER-REC
               ADD DATA-LENGTH TO IN-OFFSET
               PERFORM FROM-MAINFRAME-BYTES
               COMPUTE I = 32 + 16 * ORD-LINE-COUNT
               IF I NOT = DATA-LENGTH
                   DISPLAY "odoread: record of " DATA-LENGTH
                       " bytes for " ORD-LINE-COUNT " lines" UPON SYSERR
                   MOVE 1 TO RETURN-CODE
                   STOP RUN
               END-IF
               PERFORM DISPLAY-RECORD
           END-PERFORM
           CALL "CBL_CLOSE_FILE" USING IN-HANDLE
           STOP RUN.

       READ-DESCRIPTOR.
           MOVE 4 TO BYTE-COUNT
           CALL "CBL_READ_FILE" USING IN-HANDLE IN-OFFSET BYTE-COUNT
               READ-FLAGS DESCRIPTOR
           IF RETURN-CODE NOT = 0
               DISPLAY "odoread: short file at " IN-OFFSET UPON SYSERR
               MOVE 1 TO RETURN-CODE
               STOP RUN
           END-IF
           ADD 4 TO IN-OFFSET.

      * The count first (it sizes the table), then the rest.
       FROM-MAINFRAME-BYTES.
           INSPECT ORD-LINE-COUNT(1:) CONVERTING ZONE-TO TO ZONE-FROM
           INSPECT ORD-CUSTOMER CONVERTING XLT-TO TO XLT-FROM
           INSPECT ORD-ID(1:) CONVERTING ZONE-TO TO ZONE-FROM
           INSPECT ORD-DATE(1:) CONVERTING ZONE-TO TO ZONE-FROM
           PERFORM VARYING I FROM 1 BY 1 UNTIL I > ORD-LINE-COUNT
               INSPECT ORD-SKU(I) CONVERTING XLT-TO TO XLT-FROM
           END-PERFORM.

       DISPLAY-RECORD.
           DISPLAY ORD-ID HT ORD-CUSTOMER HT ORD-DATE HT
               ORD-LINE-COUNT HT "{" WITH NO ADVANCING
           PERFORM VARYING I FROM 1 BY 1 UNTIL I > ORD-LINE-COUNT
               IF I > 1
                   DISPLAY "," WITH NO ADVANCING
               END-IF
               DISPLAY '"' ORD-SKU(I) '"' WITH NO ADVANCING
           END-PERFORM
           DISPLAY "}" HT "{" WITH NO ADVANCING
           PERFORM VARYING I FROM 1 BY 1 UNTIL I > ORD-LINE-COUNT
               IF I > 1
                   DISPLAY "," WITH NO ADVANCING
               END-IF
               DISPLAY ORD-QTY(I) WITH NO ADVANCING
           END-PERFORM
           DISPLAY "}" HT "{" WITH NO ADVANCING
           PERFORM VARYING I FROM 1 BY 1 UNTIL I > ORD-LINE-COUNT
               IF I > 1
                   DISPLAY "," WITH NO ADVANCING
               END-IF
               DISPLAY ORD-PRICE(I) WITH NO ADVANCING
           END-PERFORM
           DISPLAY "}".

           COPY "xlate-proc.inc".
