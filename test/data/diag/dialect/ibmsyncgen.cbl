      *----------------------------------------------------------------
      * IBMSYNCGEN - writes IBMSYNC records as GnuCOBOL lays them out
      * with -std=ibm (binary-size 2-4-8, big-endian, SYNCHRONIZED
      * slack bytes where IBM puts them for these items) and DISPLAYs
      * every value it stored, one record a line.  zfdw fixture: see
      * generate.sh.
      *----------------------------------------------------------------
       IDENTIFICATION DIVISION.
       PROGRAM-ID. IBMSYNCGEN.
       ENVIRONMENT DIVISION.
       INPUT-OUTPUT SECTION.
       FILE-CONTROL.
           SELECT OUT-FILE ASSIGN TO "OUTFILE"
               ORGANIZATION IS SEQUENTIAL.
       DATA DIVISION.
       FILE SECTION.
       FD  OUT-FILE.
       COPY "IBMSYNC.cpy".
       WORKING-STORAGE SECTION.
       01  N                           PIC 9(4).
       01  K                           PIC 9(4).
       PROCEDURE DIVISION.
       MAIN.
           OPEN OUTPUT OUT-FILE
           PERFORM VARYING N FROM 1 BY 1 UNTIL N > 3
               PERFORM FILL-ONE
               WRITE IBM-SYNC-REC
               DISPLAY I-ID "|" I-A "|" I-H1 "|" I-B "|" I-F1 "|"
                   I-C1 "|" I-CF "|" I-D "|" I-EH "|" I-E1 "|" I-D8 "|"
                   I-T1(1) "|" I-T2(1) "|" I-T3(1) "|"
                   I-T1(2) "|" I-T2(2) "|" I-T3(2) "|"
                   I-T1(3) "|" I-T2(3) "|" I-T3(3) "|" I-Z
           END-PERFORM
           CLOSE OUT-FILE
           STOP RUN.
      * slack bytes hold "#" (the fill), never a value
       FILL-ONE.
           MOVE ALL "#" TO IBM-SYNC-REC
           MOVE N TO I-ID
           MOVE "A" TO I-A
           MOVE "BB" TO I-B
           MOVE "CCC" TO I-C1
           MOVE "DDDDD" TO I-D
           MOVE "EEEEE" TO I-E1
           MOVE "ZZZ" TO I-Z
           COMPUTE I-H1 = N * 1111 - 5000
           COMPUTE I-F1 = N * 123456789 - 300000000
           COMPUTE I-CF = 987654321 - N * 2
           COMPUTE I-EH = N * 3 - 9999
           COMPUTE I-D8 = N * 123456789012345 - 999999999999999999
           PERFORM VARYING K FROM 1 BY 1 UNTIL K > 3
               MOVE "T" TO I-T1(K)
               COMPUTE I-T2(K) = K * 100 - N * 1000
               COMPUTE I-T3(K) = N * 70000 + K
           END-PERFORM.
