      *----------------------------------------------------------------
      * PAGEGEN - writes names and addresses in one EBCDIC code page.
      * zfdw fixture (test/data/diag/pages, see generate.sh): reads
      * name|street|city lines (ISO-8859-1) from DD_INPUT, translates
      * each field through the code-page table of DD_XLATE (made by
      * iconv) and writes 80-byte records (name 30, street 30, city
      * 20) to DD_OUTFILE; DISPLAYs every record as it stored it.
      *----------------------------------------------------------------
       IDENTIFICATION DIVISION.
       PROGRAM-ID. PAGEGEN.
       ENVIRONMENT DIVISION.
       INPUT-OUTPUT SECTION.
       FILE-CONTROL.
           SELECT IN-FILE ASSIGN TO "INPUT"
               ORGANIZATION IS LINE SEQUENTIAL.
           SELECT OUT-FILE ASSIGN TO "OUTFILE"
               ORGANIZATION IS SEQUENTIAL.
           SELECT XLT-FILE ASSIGN TO "XLATE"
               ORGANIZATION IS SEQUENTIAL.
       DATA DIVISION.
       FILE SECTION.
       FD  IN-FILE.
       01  IN-LINE                     PIC X(120).
       FD  OUT-FILE.
       01  OUT-REC.
           05  OUT-NAME                PIC X(30).
           05  OUT-STREET              PIC X(30).
           05  OUT-CITY                PIC X(20).
       FD  XLT-FILE.
       01  XLT-REC                     PIC X(256).
       WORKING-STORAGE SECTION.
       COPY "xlate-data.inc".
       01  EOF-FLAG                    PIC X VALUE "N".
       PROCEDURE DIVISION.
       MAIN.
           PERFORM LOAD-XLATE
           OPEN INPUT IN-FILE
           OPEN OUTPUT OUT-FILE
           PERFORM UNTIL EOF-FLAG = "Y"
               READ IN-FILE
                   AT END MOVE "Y" TO EOF-FLAG
                   NOT AT END PERFORM WRITE-ONE
               END-READ
           END-PERFORM
           CLOSE IN-FILE OUT-FILE
           STOP RUN.
       WRITE-ONE.
           MOVE SPACES TO OUT-REC
           UNSTRING IN-LINE DELIMITED BY "|"
               INTO OUT-NAME OUT-STREET OUT-CITY
           END-UNSTRING
           DISPLAY OUT-NAME "|" OUT-STREET "|" OUT-CITY
           INSPECT OUT-REC CONVERTING XLT-FROM TO XLT-TO
           WRITE OUT-REC.
       COPY "xlate-proc.inc".
