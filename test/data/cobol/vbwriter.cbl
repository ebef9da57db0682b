      *================================================================
      * vbwriter.cbl - writes variable-length records the way z/OS
      * stores RECFM VB, into two files at once:
      *
      *   the file named by env VBFILE:  RDW + record, RDW + record ...
      *   the file named by env BDWFILE: blocks of at most 200 bytes,
      *       each a BDW followed by as many RDW + record as fit.
      *
      * RDW: 2-byte big-endian length of record + 4, then X'0000'.
      * BDW: 2-byte big-endian length of block (its 4 bytes included),
      *      then X'0000'.
      *
      * GnuCOBOL's own variable-length sequential files have no such
      * format (their prefix excludes itself, and there are no
      * blocks), so the bytes are written with CBL_WRITE_FILE.
      *
      * CALL "VBWRITER" USING function length record
      *   "O" open (create) both files     "W" write one record
      *   "C" write the last block, close
      *================================================================
       IDENTIFICATION DIVISION.
       PROGRAM-ID. VBWRITER.
       DATA DIVISION.
       WORKING-STORAGE SECTION.
       01  FILE-NAME                   PIC X(1024).
       01  VB-HANDLE                   PIC X(4).
       01  BDW-HANDLE                  PIC X(4).
       01  ACCESS-MODE                 PIC X COMP-X VALUE 2.
       01  DENY-MODE                   PIC X COMP-X VALUE 0.
       01  DEVICE                      PIC X COMP-X VALUE 0.
       01  WRITE-FLAGS                 PIC X COMP-X VALUE 0.
       01  VB-OFFSET                   PIC X(8) COMP-X VALUE 0.
       01  BDW-OFFSET                  PIC X(8) COMP-X VALUE 0.
       01  BYTE-COUNT                  PIC X(4) COMP-X.
       01  BLOCK-LIMIT                 PIC 9(4) COMP VALUE 200.
       01  BLOCK-USED                  PIC 9(4) COMP VALUE 4.
       01  RDW.
           05  RDW-LENGTH              PIC 9(4) COMP.
           05  RDW-ZERO                PIC X(2) VALUE LOW-VALUES.
       01  BLOCK-AREA.
           05  BDW-LENGTH              PIC 9(4) COMP.
           05  BDW-ZERO                PIC X(2) VALUE LOW-VALUES.
           05  BLOCK-DATA              PIC X(196).
       01  BLOCK-BYTES REDEFINES BLOCK-AREA PIC X(200).
       LINKAGE SECTION.
       01  VW-FUNCTION                 PIC X.
       01  VW-LENGTH                   PIC 9(4) COMP.
       01  VW-RECORD                   PIC X(196).
       PROCEDURE DIVISION USING VW-FUNCTION VW-LENGTH VW-RECORD.
       MAIN-LINE.
           EVALUATE VW-FUNCTION
               WHEN "O" PERFORM OPEN-FILES
               WHEN "W" PERFORM WRITE-RECORD
               WHEN "C" PERFORM CLOSE-FILES
           END-EVALUATE
           GOBACK.

       OPEN-FILES.
           ACCEPT FILE-NAME FROM ENVIRONMENT "VBFILE"
           CALL "CBL_CREATE_FILE" USING FILE-NAME ACCESS-MODE
               DENY-MODE DEVICE VB-HANDLE
           PERFORM CHECK-RC
           ACCEPT FILE-NAME FROM ENVIRONMENT "BDWFILE"
           CALL "CBL_CREATE_FILE" USING FILE-NAME ACCESS-MODE
               DENY-MODE DEVICE BDW-HANDLE
           PERFORM CHECK-RC.

      * The record goes to the RDW file at once and into the current
      * block, which is written first when the record does not fit.
       WRITE-RECORD.
           IF VW-LENGTH < 1 OR VW-LENGTH + 8 > BLOCK-LIMIT
               DISPLAY "vbwriter: record length " VW-LENGTH
                   " does not fit a block" UPON SYSERR
               MOVE 1 TO RETURN-CODE
               STOP RUN
           END-IF
           COMPUTE RDW-LENGTH = VW-LENGTH + 4
           MOVE 4 TO BYTE-COUNT
           CALL "CBL_WRITE_FILE" USING VB-HANDLE VB-OFFSET
               BYTE-COUNT WRITE-FLAGS RDW
           PERFORM CHECK-RC
           ADD 4 TO VB-OFFSET
           MOVE VW-LENGTH TO BYTE-COUNT
           CALL "CBL_WRITE_FILE" USING VB-HANDLE VB-OFFSET
               BYTE-COUNT WRITE-FLAGS VW-RECORD
           PERFORM CHECK-RC
           ADD VW-LENGTH TO VB-OFFSET
           IF BLOCK-USED + RDW-LENGTH > BLOCK-LIMIT
               PERFORM WRITE-BLOCK
           END-IF
           MOVE RDW TO BLOCK-BYTES(BLOCK-USED + 1:4)
           MOVE VW-RECORD(1:VW-LENGTH)
               TO BLOCK-BYTES(BLOCK-USED + 5:VW-LENGTH)
           ADD RDW-LENGTH TO BLOCK-USED.

       WRITE-BLOCK.
           MOVE BLOCK-USED TO BDW-LENGTH
           MOVE LOW-VALUES TO BDW-ZERO
           MOVE BLOCK-USED TO BYTE-COUNT
           CALL "CBL_WRITE_FILE" USING BDW-HANDLE BDW-OFFSET
               BYTE-COUNT WRITE-FLAGS BLOCK-BYTES
           PERFORM CHECK-RC
           ADD BLOCK-USED TO BDW-OFFSET
           MOVE 4 TO BLOCK-USED.

       CLOSE-FILES.
           IF BLOCK-USED > 4
               PERFORM WRITE-BLOCK
           END-IF
           CALL "CBL_CLOSE_FILE" USING VB-HANDLE
           CALL "CBL_CLOSE_FILE" USING BDW-HANDLE.

       CHECK-RC.
           IF RETURN-CODE NOT = 0
               DISPLAY "vbwriter: file routine failed: " RETURN-CODE
                   UPON SYSERR
               STOP RUN
           END-IF.
