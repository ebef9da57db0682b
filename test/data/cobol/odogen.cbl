      *================================================================
      * odogen.cbl - writes the ODOREC fixture: variable-length order
      * records whose last item is an OCCURS 0 TO 10 DEPENDING ON
      * table, framed as z/OS RECFM VB (RDW) and as VB with block
      * descriptors (BDW), and DISPLAYs every field it stored.
      *
      * Source in UTF-8, compiled from an ISO-8859-1 copy by
      * generate.sh: cobc -x -std=ibm -fsign=EBCDIC -fpretty-display
      * odogen.cbl vbwriter.cbl.  (The table is the last item, so
      * -fodoslide would change nothing.)
      *
      * Environment: VBFILE, BDWFILE  the two data files (vbwriter)
      *              DD_XLATE         the code-page table (256 bytes)
      * Standard output: header, "#types" line, one line per record
      * (see normalize.awk).
      *================================================================
       IDENTIFICATION DIVISION.
       PROGRAM-ID. ODOGEN.
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
       01  REC-COUNT                   PIC 9(4) VALUE 60.
       01  REC-NO                      PIC 9(4).
       01  I                           PIC 9(4).
       01  J                           PIC 9(4).
       01  HT                          PIC X VALUE X"09".
       01  REC-LENGTH                  PIC 9(4) COMP.
       01  VW-FUNCTION                 PIC X.
           COPY "xlate-data.inc".
           COPY "rng-data.inc".
       01  CUSTOMER-VALUES.
           05  FILLER PIC X(16) VALUE "Müller GmbH".
           05  FILLER PIC X(16) VALUE "O'Brien & Sons".
           05  FILLER PIC X(16) VALUE "Café Señor [BCN]".
           05  FILLER PIC X(16) VALUE "{curly} co.".
           05  FILLER PIC X(16) VALUE "Ægir Øl A/S".
           05  FILLER PIC X(16) VALUE "Pipe|Line ¬ Ltd!".
           05  FILLER PIC X(16) VALUE SPACES.
           05  FILLER PIC X(16) VALUE "Ça va? ~^~ ¢ £".
       01  CUSTOMER-TABLE REDEFINES CUSTOMER-VALUES.
           05  CUSTOMER-ENTRY          PIC X(16) OCCURS 8 TIMES.
       01  SKU-CHAR-VALUES.
           05  FILLER PIC X(32) VALUE
               "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345".
           05  FILLER PIC X(8) VALUE "6789-#ÄÖ".
       01  SKU-CHARS REDEFINES SKU-CHAR-VALUES PIC X(40).
       PROCEDURE DIVISION.
       MAIN-LINE.
           MOVE 7031 TO RNG-SEED
           PERFORM LOAD-XLATE
           MOVE "O" TO VW-FUNCTION
           CALL "VBWRITER" USING VW-FUNCTION REC-LENGTH ORDER-REC
           DISPLAY "ord_id" HT "ord_customer" HT "ord_date" HT
               "ord_line_count" HT "ord_sku" HT "ord_qty" HT
               "ord_price"
           DISPLAY "#types" HT "N" HT "X" HT "N" HT "N" HT "XA" HT
               "NA" HT "NA"
           PERFORM VARYING REC-NO FROM 1 BY 1 UNTIL REC-NO > REC-COUNT
               PERFORM BUILD-RECORD
               PERFORM DISPLAY-RECORD
      *        the length comes from the count while it is still
      *        GnuCOBOL's own digits; the count is translated last
               MOVE FUNCTION LENGTH(ORDER-REC) TO REC-LENGTH
               PERFORM TO-MAINFRAME-BYTES
               MOVE "W" TO VW-FUNCTION
               CALL "VBWRITER" USING VW-FUNCTION REC-LENGTH ORDER-REC
           END-PERFORM
           MOVE "C" TO VW-FUNCTION
           CALL "VBWRITER" USING VW-FUNCTION REC-LENGTH ORDER-REC
           STOP RUN.

      * Record 1 has no order lines, record 2 all ten, the others a
      * random number.  The record is cleared at its maximum length,
      * then the count is set before the lines.
       BUILD-RECORD.
           MOVE 10 TO ORD-LINE-COUNT
           MOVE ALL X"40" TO ORDER-REC
           COMPUTE ORD-ID = 100000 + REC-NO * 37
           COMPUTE I = FUNCTION MOD(REC-NO - 1, 8) + 1
           MOVE CUSTOMER-ENTRY(I) TO ORD-CUSTOMER
           PERFORM NEXT-RANDOM
           COMPUTE ORD-DATE = FUNCTION DATE-OF-INTEGER(
               FUNCTION INTEGER-OF-DATE(20200101)
               + FUNCTION MOD(RNG-HIGH, 2000))
           EVALUATE REC-NO
               WHEN 1 MOVE 0 TO ORD-LINE-COUNT
               WHEN 2 MOVE 10 TO ORD-LINE-COUNT
               WHEN OTHER
                   PERFORM NEXT-RANDOM
                   COMPUTE ORD-LINE-COUNT = FUNCTION MOD(RNG-HIGH, 11)
           END-EVALUATE
           PERFORM VARYING I FROM 1 BY 1 UNTIL I > ORD-LINE-COUNT
               MOVE SPACES TO ORD-SKU(I)
               PERFORM VARYING J FROM 1 BY 1 UNTIL J > 8
                   PERFORM NEXT-RANDOM
                   COMPUTE RNG-K = FUNCTION MOD(RNG-HIGH, 40) + 1
                   MOVE SKU-CHARS(RNG-K:1) TO ORD-SKU(I)(J:1)
               END-PERFORM
               MOVE "Y" TO RND-SIGNED
               MOVE 5 TO RND-DIGITS PERFORM RANDOM-VALUE
               MOVE RNG-VALUE TO ORD-QTY(I)
               MOVE 9 TO RND-DIGITS PERFORM RANDOM-VALUE
               COMPUTE ORD-PRICE(I) = RNG-VALUE / 100
           END-PERFORM
           IF REC-NO = 2
               MOVE 99999 TO ORD-QTY(1)
               MOVE -99999 TO ORD-QTY(2)
               MOVE 9999999.99 TO ORD-PRICE(1)
               MOVE -9999999.99 TO ORD-PRICE(2)
               MOVE 0 TO ORD-QTY(3) ORD-PRICE(3)
               MOVE "        " TO ORD-SKU(3)
           END-IF.

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

       TO-MAINFRAME-BYTES.
           INSPECT ORD-CUSTOMER CONVERTING XLT-FROM TO XLT-TO
           INSPECT ORD-ID(1:) CONVERTING ZONE-FROM TO ZONE-TO
           INSPECT ORD-DATE(1:) CONVERTING ZONE-FROM TO ZONE-TO
           PERFORM VARYING I FROM 1 BY 1 UNTIL I > ORD-LINE-COUNT
               INSPECT ORD-SKU(I) CONVERTING XLT-FROM TO XLT-TO
           END-PERFORM
           INSPECT ORD-LINE-COUNT(1:) CONVERTING ZONE-FROM TO ZONE-TO.

           COPY "xlate-proc.inc".
           COPY "rng-proc.inc".
