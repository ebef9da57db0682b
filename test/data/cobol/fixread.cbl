      *================================================================
      * fixread.cbl - the independent reader of FIXREC files written by
      * zfdw: READs every record of a fixed-length (FB) file, turns the
      * z/OS bytes back into GnuCOBOL's (the reverse of fixgen.cbl's
      * TO-MAINFRAME-BYTES) and DISPLAYs every field exactly as
      * fixgen.cbl DISPLAYs the values it stores, so that normalize.awk
      * makes the same expected-values file of it.
      *
      * Compile: cobc -x -std=ibm -fsign=EBCDIC -fpretty-display.
      * Environment: DD_INFILE   the data file to read
      *              DD_XLATE    256 bytes: the EBCDIC byte for every
      *                          Latin-1 byte (made by iconv)
      * Run by readback.sh at test time (test/sql/write_cobol.sql).
      *================================================================
       IDENTIFICATION DIVISION.
       PROGRAM-ID. FIXREAD.
       ENVIRONMENT DIVISION.
       INPUT-OUTPUT SECTION.
       FILE-CONTROL.
           SELECT IN-FILE ASSIGN TO "INFILE"
               ORGANIZATION IS SEQUENTIAL
               FILE STATUS IS IN-STATUS.
           SELECT XLT-FILE ASSIGN TO "XLATE"
               ORGANIZATION IS SEQUENTIAL.
       DATA DIVISION.
       FILE SECTION.
       FD  IN-FILE.
       COPY FIXREC.
       FD  XLT-FILE.
       01  XLT-REC                     PIC X(256).
       WORKING-STORAGE SECTION.
       01  IN-STATUS                   PIC XX.
       01  AT-END                      PIC X VALUE "N".
       01  I                           PIC 9(4).
       01  HT                          PIC X VALUE X"09".
           COPY "xlate-data.inc".
       PROCEDURE DIVISION.
       MAIN-LINE.
           PERFORM LOAD-XLATE
           OPEN INPUT IN-FILE
           IF IN-STATUS NOT = "00"
               DISPLAY "fixread: cannot open DD_INFILE, status "
                   IN-STATUS UPON SYSERR
               MOVE 1 TO RETURN-CODE
               STOP RUN
           END-IF
           PERFORM DISPLAY-HEADER
           PERFORM UNTIL AT-END = "Y"
               READ IN-FILE
                   AT END MOVE "Y" TO AT-END
                   NOT AT END
                       PERFORM FROM-MAINFRAME-BYTES
                       PERFORM DISPLAY-RECORD
               END-READ
           END-PERFORM
           CLOSE IN-FILE
           STOP RUN.

      * Text through the code-page table backwards, zoned fields
      * through the fixed zone table backwards, COMP-5 to GnuCOBOL's
      * little-endian bytes.
       FROM-MAINFRAME-BYTES.
           INSPECT FX-TEXT CONVERTING XLT-TO TO XLT-FROM
           INSPECT FX-CODE CONVERTING XLT-TO TO XLT-FROM
           INSPECT FX-TRAILER CONVERTING XLT-TO TO XLT-FROM
           PERFORM VARYING I FROM 1 BY 1 UNTIL I > 3
               INSPECT FX-ITEM-CODE(I) CONVERTING XLT-TO TO XLT-FROM
           END-PERFORM
           INSPECT FX-ID(1:) CONVERTING ZONE-TO TO ZONE-FROM
           INSPECT FX-NUMBERS CONVERTING ZONE-TO TO ZONE-FROM
           PERFORM VARYING I FROM 1 BY 1 UNTIL I > 4
               INSPECT FX-SCORES(I)(1:) CONVERTING ZONE-TO TO ZONE-FROM
           END-PERFORM
           INSPECT FX-DATE(1:) CONVERTING ZONE-TO TO ZONE-FROM
           MOVE FUNCTION REVERSE(FX-C5-S2(1:)) TO FX-C5-S2(1:)
           MOVE FUNCTION REVERSE(FX-C5-U4(1:)) TO FX-C5-U4(1:)
           MOVE FUNCTION REVERSE(FX-C5-S8(1:)) TO FX-C5-S8(1:).

       DISPLAY-HEADER.
           DISPLAY "fx_id" HT "fx_text" HT "fx_code" HT
               "fx_uns_zoned" HT "fx_sgn_zoned" HT "fx_sgn_lead" HT
               "fx_sgn_trail_sep" HT "fx_sgn_lead_sep" HT
               "fx_pk_odd" HT "fx_pk_even" HT "fx_pk_uns_odd" HT
               "fx_pk_uns_even" HT "fx_pk_frac" HT "fx_pk_18" HT
               "fx_pk_big" HT "fx_bin_s2" HT "fx_bin_u2" HT
               "fx_bin_s4" HT "fx_bin_u4" HT "fx_bin_s8" HT
               "fx_bin_u8" HT "fx_c5_s2" HT "fx_c5_u4" HT
               "fx_c5_s8" HT "fx_scores" HT "fx_item_code" HT
               "fx_item_qty" HT "fx_date" HT "fx_date_yyyy" HT
               "fx_date_mm" HT "fx_date_dd" HT "fx_trailer"
           DISPLAY "#types" HT "N" HT "X" HT "X" HT
               "N" HT "N" HT "N" HT "N" HT "N" HT
               "N" HT "N" HT "N" HT "N" HT "N" HT "N" HT
               "N" HT "N" HT "N" HT "N" HT "N" HT "N" HT
               "N" HT "N" HT "N" HT "N" HT
               "NA" HT "XA" HT "NA" HT
               "N" HT "N" HT "N" HT "N" HT "X".

       DISPLAY-RECORD.
           DISPLAY FX-ID HT FX-TEXT HT FX-CODE HT
               FX-UNS-ZONED HT FX-SGN-ZONED HT FX-SGN-LEAD HT
               FX-SGN-TRAIL-SEP HT FX-SGN-LEAD-SEP HT
               FX-PK-ODD HT FX-PK-EVEN HT FX-PK-UNS-ODD HT
               FX-PK-UNS-EVEN HT FX-PK-FRAC HT FX-PK-18 HT
               FX-PK-BIG HT FX-BIN-S2 HT FX-BIN-U2 HT
               FX-BIN-S4 HT FX-BIN-U4 HT FX-BIN-S8 HT
               FX-BIN-U8 HT FX-C5-S2 HT FX-C5-U4 HT
               FX-C5-S8 HT
               "{" FX-SCORES(1) "," FX-SCORES(2) ","
                   FX-SCORES(3) "," FX-SCORES(4) "}" HT
               '{"' FX-ITEM-CODE(1) '","' FX-ITEM-CODE(2) '","'
                   FX-ITEM-CODE(3) '"}' HT
               "{" FX-ITEM-QTY(1) "," FX-ITEM-QTY(2) ","
                   FX-ITEM-QTY(3) "}" HT
               FX-DATE HT FX-DATE-YYYY HT FX-DATE-MM HT
               FX-DATE-DD HT FX-TRAILER.

           COPY "xlate-proc.inc".
