      *----------------------------------------------------------------
      * DIALGEN - writes DIALREC records as GnuCOBOL lays them out in
      * the configuration it is compiled with (default: binary-size
      * 1-2-4-8; -std=mf: 1--8; COMP big-endian, COMP-5 native) and
      * DISPLAYs every value it stored, one record a line.  zfdw
      * fixture: see generate.sh.
      *----------------------------------------------------------------
       IDENTIFICATION DIVISION.
       PROGRAM-ID. DIALGEN.
       ENVIRONMENT DIVISION.
       INPUT-OUTPUT SECTION.
       FILE-CONTROL.
           SELECT OUT-FILE ASSIGN TO "OUTFILE"
               ORGANIZATION IS SEQUENTIAL.
       DATA DIVISION.
       FILE SECTION.
       FD  OUT-FILE.
       COPY "DIALREC.cpy".
       WORKING-STORAGE SECTION.
       01  N                           PIC 9(4).
       PROCEDURE DIVISION.
       MAIN.
           OPEN OUTPUT OUT-FILE
           PERFORM VARYING N FROM 1 BY 1 UNTIL N > 6
               PERFORM FILL-ONE
               WRITE DIAL-REC
               DISPLAY D-ID "|" D-NAME "|" D-B1 "|" D-B2 "|" D-B3 "|"
                   D-B4 "|" D-B5 "|" D-B6 "|" D-C1 "|" D-C2 "|"
                   D-C3 "|" D-Z1 "|" D-Z2 "|" D-P1
           END-PERFORM
           CLOSE OUT-FILE
           STOP RUN.
       FILL-ONE.
           MOVE N TO D-ID
           EVALUATE N
               WHEN 1
                   MOVE "ZERO" TO D-NAME
                   MOVE 0 TO D-B1 D-B2 D-B3 D-B4 D-B5 D-B6
                   MOVE 0 TO D-C1 D-C2 D-C3 D-Z1 D-Z2 D-P1
               WHEN 2
                   MOVE "PLUS ONE" TO D-NAME
                   MOVE 1 TO D-B1 D-B2 D-B3 D-B4 D-B5 D-B6
                   MOVE 1 TO D-C1 D-C2 D-C3 D-Z1 D-Z2 D-P1
               WHEN 3
                   MOVE "MINUS ONE" TO D-NAME
                   MOVE -1 TO D-B1 D-B2 D-B3 D-B5 D-B6
                   MOVE 1 TO D-B4 D-C2
                   MOVE -1 TO D-C1 D-C3 D-Z1 D-Z2 D-P1
               WHEN 4
                   MOVE "MAXIMA" TO D-NAME
                   MOVE 99 TO D-B1
                   MOVE 9999 TO D-B2 D-C1
                   MOVE 999999 TO D-B3
                   MOVE 99999999 TO D-B4
                   MOVE 99999999999 TO D-B5
                   MOVE 999999999999999999 TO D-B6
                   MOVE 9999999 TO D-C2
                   MOVE 999999999999999 TO D-C3
                   MOVE 99999 TO D-Z1
                   MOVE 999.99 TO D-Z2
                   MOVE 99999.99 TO D-P1
               WHEN 5
                   MOVE "MINIMA" TO D-NAME
                   MOVE -99 TO D-B1
                   MOVE -9999 TO D-B2 D-C1
                   MOVE -999999 TO D-B3
                   MOVE 12345678 TO D-B4
                   MOVE -99999999999 TO D-B5
                   MOVE -999999999999999999 TO D-B6
                   MOVE 1234567 TO D-C2
                   MOVE -999999999999999 TO D-C3
                   MOVE -99999 TO D-Z1
                   MOVE -999.99 TO D-Z2
                   MOVE -99999.99 TO D-P1
               WHEN OTHER
                   MOVE "MIXED" TO D-NAME
                   MOVE -42 TO D-B1
                   MOVE 258 TO D-B2
                   MOVE -65536 TO D-B3
                   MOVE 16777216 TO D-B4
                   MOVE 4294967296 TO D-B5
                   MOVE -72057594037927936 TO D-B6
                   MOVE -257 TO D-C1
                   MOVE 65793 TO D-C2
                   MOVE 281474976710656 TO D-C3
                   MOVE -12345 TO D-Z1
                   MOVE 12.34 TO D-Z2
                   MOVE -123.45 TO D-P1
           END-EVALUATE.
