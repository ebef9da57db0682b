      *================================================================
      * odoslide.cbl - writes the ODOSLIDE fixture: variable-length
      * statement records with an OCCURS 0 TO 8 DEPENDING ON table
      * FOLLOWED by more items, framed as z/OS RECFM VB (RDW) and as
      * VB with block descriptors (BDW), and DISPLAYs every field.
      *
      * Compiled with -fodoslide: without it GnuCOBOL keeps the items
      * after the table at the offset of the table's maximum size; with
      * it they follow the actual occurrences, as z/OS places them.
      *   cobc -x -std=ibm -fsign=EBCDIC -fpretty-display -fodoslide
      *        odoslide.cbl vbwriter.cbl
      * (source in UTF-8, compiled from an ISO-8859-1 copy).
      *
      * Environment: VBFILE, BDWFILE  the two data files (vbwriter)
      *              DD_XLATE         the code-page table (256 bytes)
      * Standard output: header, "#types" line, one line per record.
      *================================================================
       IDENTIFICATION DIVISION.
       PROGRAM-ID. ODOSLIDE.
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
       COPY ODOSLIDE.
       01  REC-COUNT                   PIC 9(4) VALUE 50.
       01  REC-NO                      PIC 9(4).
       01  I                           PIC 9(4).
       01  J-TYPE                      PIC 9(4).
       01  HT                          PIC X VALUE X"09".
       01  REC-LENGTH                  PIC 9(4) COMP.
       01  VW-FUNCTION                 PIC X.
           COPY "xlate-data.inc".
           COPY "rng-data.inc".
       01  BRANCH-VALUES.
           05  FILLER PIC X(12) VALUE "Zürich HB".
           05  FILLER PIC X(12) VALUE "Köln-Deutz".
           05  FILLER PIC X(12) VALUE "São Paulo".
           05  FILLER PIC X(12) VALUE "Montréal [E]".
           05  FILLER PIC X(12) VALUE "Århus C".
           05  FILLER PIC X(12) VALUE "Genève|Rive".
           05  FILLER PIC X(12) VALUE "Kraków!".
           05  FILLER PIC X(12) VALUE "A Coruña {N}".
       01  BRANCH-TABLE REDEFINES BRANCH-VALUES.
           05  BRANCH-ENTRY            PIC X(12) OCCURS 8 TIMES.
       01  TYPE-VALUES                 PIC X(20) VALUE
           "DPWDFEINTRCKÜB[]{}#@".
       01  TYPE-TABLE REDEFINES TYPE-VALUES.
           05  TYPE-ENTRY              PIC X(2) OCCURS 10 TIMES.
       PROCEDURE DIVISION.
       MAIN-LINE.
           MOVE 4242 TO RNG-SEED
           PERFORM LOAD-XLATE
           MOVE "O" TO VW-FUNCTION
           CALL "VBWRITER" USING VW-FUNCTION REC-LENGTH STMT-REC
           DISPLAY "stmt_account" HT "stmt_txn_count" HT "txn_date" HT
               "txn_type" HT "txn_amount" HT "stmt_closing_bal" HT
               "stmt_branch_name" HT "stmt_seq"
           DISPLAY "#types" HT "N" HT "N" HT "NA" HT "XA" HT "NA" HT
               "N" HT "X" HT "N"
           PERFORM VARYING REC-NO FROM 1 BY 1 UNTIL REC-NO > REC-COUNT
               PERFORM BUILD-RECORD
               PERFORM DISPLAY-RECORD
               MOVE FUNCTION LENGTH(STMT-REC) TO REC-LENGTH
               PERFORM TO-MAINFRAME-BYTES
               MOVE "W" TO VW-FUNCTION
               CALL "VBWRITER" USING VW-FUNCTION REC-LENGTH STMT-REC
           END-PERFORM
           MOVE "C" TO VW-FUNCTION
           CALL "VBWRITER" USING VW-FUNCTION REC-LENGTH STMT-REC
           STOP RUN.

      * Record 1 has no transactions, record 2 all eight, the others a
      * random number.  The count is set first: with -fodoslide it
      * decides where the items after the table are.
       BUILD-RECORD.
           MOVE 8 TO STMT-TXN-COUNT
           MOVE ALL X"40" TO STMT-REC
           EVALUATE REC-NO
               WHEN 1 MOVE 0 TO STMT-TXN-COUNT
               WHEN 2 MOVE 8 TO STMT-TXN-COUNT
               WHEN OTHER
                   PERFORM NEXT-RANDOM
                   COMPUTE STMT-TXN-COUNT = FUNCTION MOD(RNG-HIGH, 9)
           END-EVALUATE
           COMPUTE STMT-ACCOUNT = 4000000000 + REC-NO * 1013
           PERFORM VARYING I FROM 1 BY 1 UNTIL I > STMT-TXN-COUNT
               PERFORM NEXT-RANDOM
               COMPUTE TXN-DATE(I) = FUNCTION DATE-OF-INTEGER(
                   FUNCTION INTEGER-OF-DATE(20250101)
                   + FUNCTION MOD(RNG-HIGH, 180))
               PERFORM NEXT-RANDOM
               COMPUTE J-TYPE = FUNCTION MOD(RNG-HIGH, 10) + 1
               MOVE TYPE-ENTRY(J-TYPE) TO TXN-TYPE(I)
               MOVE "Y" TO RND-SIGNED
               MOVE 11 TO RND-DIGITS PERFORM RANDOM-VALUE
               COMPUTE TXN-AMOUNT(I) = RNG-VALUE / 100
           END-PERFORM
           MOVE "Y" TO RND-SIGNED
           MOVE 13 TO RND-DIGITS PERFORM RANDOM-VALUE
           COMPUTE STMT-CLOSING-BAL = RNG-VALUE / 100
           COMPUTE I = FUNCTION MOD(REC-NO - 1, 8) + 1
           MOVE BRANCH-ENTRY(I) TO STMT-BRANCH-NAME
           MOVE 5 TO RND-DIGITS PERFORM RANDOM-VALUE
           MOVE RNG-VALUE TO STMT-SEQ
           IF REC-NO = 2
               MOVE 999999999.99 TO TXN-AMOUNT(1)
               MOVE -999999999.99 TO TXN-AMOUNT(2)
               MOVE 0 TO TXN-AMOUNT(3)
               MOVE -99999999999.99 TO STMT-CLOSING-BAL
               MOVE 99999 TO STMT-SEQ
           END-IF.

       DISPLAY-RECORD.
           DISPLAY STMT-ACCOUNT HT STMT-TXN-COUNT HT "{"
               WITH NO ADVANCING
           PERFORM VARYING I FROM 1 BY 1 UNTIL I > STMT-TXN-COUNT
               IF I > 1
                   DISPLAY "," WITH NO ADVANCING
               END-IF
               DISPLAY TXN-DATE(I) WITH NO ADVANCING
           END-PERFORM
           DISPLAY "}" HT "{" WITH NO ADVANCING
           PERFORM VARYING I FROM 1 BY 1 UNTIL I > STMT-TXN-COUNT
               IF I > 1
                   DISPLAY "," WITH NO ADVANCING
               END-IF
               DISPLAY '"' TXN-TYPE(I) '"' WITH NO ADVANCING
           END-PERFORM
           DISPLAY "}" HT "{" WITH NO ADVANCING
           PERFORM VARYING I FROM 1 BY 1 UNTIL I > STMT-TXN-COUNT
               IF I > 1
                   DISPLAY "," WITH NO ADVANCING
               END-IF
               DISPLAY TXN-AMOUNT(I) WITH NO ADVANCING
           END-PERFORM
           DISPLAY "}" HT STMT-CLOSING-BAL HT STMT-BRANCH-NAME HT
               STMT-SEQ.

       TO-MAINFRAME-BYTES.
           INSPECT STMT-ACCOUNT(1:) CONVERTING ZONE-FROM TO ZONE-TO
           PERFORM VARYING I FROM 1 BY 1 UNTIL I > STMT-TXN-COUNT
               INSPECT TXN-DATE(I)(1:) CONVERTING ZONE-FROM TO ZONE-TO
               INSPECT TXN-TYPE(I) CONVERTING XLT-FROM TO XLT-TO
           END-PERFORM
           INSPECT STMT-BRANCH-NAME CONVERTING XLT-FROM TO XLT-TO
           INSPECT STMT-SEQ(1:) CONVERTING ZONE-FROM TO ZONE-TO.

           COPY "xlate-proc.inc".
           COPY "rng-proc.inc".
