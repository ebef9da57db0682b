      *----------------------------------------------------------------
      * SYNCGEN - writes SYNCREC records as GnuCOBOL lays them out in
      * the configuration it is compiled with (default: binary-size
      * 1-2-4-8; -std=mf: 1--8; both with GnuCOBOL's SYNCHRONIZED
      * slack bytes) and DISPLAYs every value it stored, one record a
      * line.  zfdw fixture: see generate.sh.
      *----------------------------------------------------------------
       IDENTIFICATION DIVISION.
       PROGRAM-ID. SYNCGEN.
       ENVIRONMENT DIVISION.
       INPUT-OUTPUT SECTION.
       FILE-CONTROL.
           SELECT OUT-FILE ASSIGN TO "OUTFILE"
               ORGANIZATION IS SEQUENTIAL.
       DATA DIVISION.
       FILE SECTION.
       FD  OUT-FILE.
       COPY "SYNCREC.cpy".
       WORKING-STORAGE SECTION.
       01  N                           PIC 9(4).
       01  K                           PIC 9(4).
       PROCEDURE DIVISION.
       MAIN.
           OPEN OUTPUT OUT-FILE
           PERFORM VARYING N FROM 1 BY 1 UNTIL N > 4
               PERFORM FILL-ONE
               WRITE SYNC-REC
               DISPLAY S-ID "|" S-A "|" S-B1 "|" S-C "|" S-B2 "|"
                   S-D "|" S-B4 "|" S-E "|" S-B8 "|" S-F "|"
                   S-B3 "|" S-G "|" S-C5 "|" S-G1 "|" S-G2 "|"
                   S-T1(1) "|" S-T2(1) "|" S-T3(1) "|"
                   S-T1(2) "|" S-T2(2) "|" S-T3(2) "|"
                   S-T1(3) "|" S-T2(3) "|" S-T3(3) "|"
                   S-N8(1) "|" S-NS1(1) "|" S-NS2(1) "|" S-NX(1) "|"
                   S-N8(2) "|" S-NS1(2) "|" S-NS2(2) "|" S-NX(2) "|"
                   S-END
           END-PERFORM
           CLOSE OUT-FILE
           STOP RUN.
      * slack bytes hold "#" (the fill), never a value
       FILL-ONE.
           MOVE ALL "#" TO SYNC-REC
           MOVE N TO S-ID
           MOVE "A" TO S-A
           MOVE "C" TO S-C
           MOVE "DDD" TO S-D
           MOVE "E" TO S-E
           MOVE "F" TO S-F
           MOVE "G" TO S-G
           MOVE "GR" TO S-G1
           MOVE "ZZ" TO S-END
           PERFORM VARYING K FROM 1 BY 1 UNTIL K > 3
               MOVE "T" TO S-T1(K)
               MOVE "U" TO S-T3(K)
               COMPUTE S-T2(K) = N * 100000 + K * 7 - 250000
           END-PERFORM
           PERFORM VARYING K FROM 1 BY 1 UNTIL K > 2
               MOVE "N" TO S-NS1(K)
               MOVE "X" TO S-NX(K)
               COMPUTE S-N8(K) = N * 123456789012 - K * 987654321098765
               COMPUTE S-NS2(K) = K * 1000 - N * 999
           END-PERFORM
           EVALUATE N
               WHEN 1
                   MOVE 0 TO S-B1 S-B2 S-B4 S-B8 S-B3 S-C5 S-G2
               WHEN 2
                   MOVE 17 TO S-B1
                   MOVE 258 TO S-B2
                   MOVE 16909060 TO S-B4
                   MOVE 72623859790382856 TO S-B8
                   MOVE 66051 TO S-B3
                   MOVE 772 TO S-C5
                   MOVE 9 TO S-G2
               WHEN 3
                   MOVE -1 TO S-B1 S-B2 S-B4 S-B8 S-B3 S-C5 S-G2
               WHEN OTHER
                   MOVE -99 TO S-B1
                   MOVE 9999 TO S-B2
                   MOVE -999999999 TO S-B4
                   MOVE 999999999999999999 TO S-B8
                   MOVE -999999 TO S-B3
                   MOVE -9999 TO S-C5
                   MOVE 123456789 TO S-G2
           END-EVALUATE.
