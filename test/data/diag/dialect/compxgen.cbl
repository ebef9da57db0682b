      *----------------------------------------------------------------
      * COMPXGEN - writes CMPXREC records (COMP-X items) as GnuCOBOL
      * lays them out and DISPLAYs every value it stored, one record a
      * line.  Values stay within the digits GnuCOBOL gives PIC X(n)
      * COMP-X (2, 4, 7, 18 for 1, 2, 3, 8 bytes), which it truncates
      * to.  zfdw fixture: see generate.sh.
      *----------------------------------------------------------------
       IDENTIFICATION DIVISION.
       PROGRAM-ID. COMPXGEN.
       ENVIRONMENT DIVISION.
       INPUT-OUTPUT SECTION.
       FILE-CONTROL.
           SELECT OUT-FILE ASSIGN TO "OUTFILE"
               ORGANIZATION IS SEQUENTIAL.
       DATA DIVISION.
       FILE SECTION.
       FD  OUT-FILE.
       COPY "CMPXREC.cpy".
       WORKING-STORAGE SECTION.
       01  N                           PIC 9(4).
       PROCEDURE DIVISION.
       MAIN.
           OPEN OUTPUT OUT-FILE
           PERFORM VARYING N FROM 1 BY 1 UNTIL N > 4
               PERFORM FILL-ONE
               WRITE CMPX-REC
               DISPLAY X-ID "|" X-END "|" X-X1 "|" X-X2 "|" X-X3 "|"
                   X-X8 "|" X-N2 "|" X-N3 "|" X-N7 "|" X-N9 "|"
                   X-N12 "|" X-N18 "|" X-NV "|" X-S5
           END-PERFORM
           CLOSE OUT-FILE
           STOP RUN.
       FILL-ONE.
           MOVE N TO X-ID
           MOVE "ZZ" TO X-END
           EVALUATE N
               WHEN 1
                   MOVE 0 TO X-X1 X-X2 X-X3 X-X8 X-N2 X-N3 X-N7
                   MOVE 0 TO X-N9 X-N12 X-N18 X-NV X-S5
               WHEN 2
                   MOVE 1 TO X-X1 X-X2 X-X3 X-X8 X-N2 X-N3 X-N7
                   MOVE 1 TO X-N9 X-N12 X-N18 X-NV X-S5
               WHEN 3
                   MOVE 99 TO X-X1 X-N2
                   MOVE 9999 TO X-X2
                   MOVE 9999999 TO X-X3 X-N7
                   MOVE 999999999999999999 TO X-X8 X-N18
                   MOVE 999 TO X-N3
                   MOVE 999999999 TO X-N9
                   MOVE 999999999999 TO X-N12
                   MOVE 9999.99 TO X-NV
                   MOVE -99999 TO X-S5
               WHEN OTHER
                   MOVE 42 TO X-X1
                   MOVE 1234 TO X-X2
                   MOVE 1234567 TO X-X3
                   MOVE 72623859790382856 TO X-X8
                   MOVE 17 TO X-N2
                   MOVE 258 TO X-N3
                   MOVE 66051 TO X-N7
                   MOVE 16909060 TO X-N9
                   MOVE 4328719365 TO X-N12
                   MOVE 283686952306183 TO X-N18
                   MOVE 12.34 TO X-NV
                   MOVE -258 TO X-S5
           END-EVALUATE.
