      *-----------------------------------------------------------------
      * numvec.cbl
      *   Writes packed, zoned and binary byte vectors with GnuCOBOL's
      *   own DISPLAY of each field: the expected values of
      *   test_decimal.c's GnuCOBOL tests.  One line per field and value:
      *       tag  hex-of-the-field-bytes  DISPLAY-of-the-field
      *   Numeric-edited fields are written as  tag |text| DISPLAY-of-Z1
      *   (the value they were edited from).
      *   Regenerate with gen_numvec.sh (the output files are committed
      *   next to this source).
      *-----------------------------------------------------------------
       IDENTIFICATION DIVISION.
       PROGRAM-ID. NUMVEC.
       DATA DIVISION.
       WORKING-STORAGE SECTION.
       01 MASTER        PIC S9(31)V9(7).
       01 SEED          PIC 9(10) VALUE 20240331.
       01 SEED2         PIC 9(10) VALUE 77777.
       01 I             PIC 9(4).
       01 K             PIC 9(4).
       01 EXPO          PIC 9(4).
      * the fields under test, each in its own group for a byte copy
       01 G-P1. 05 P1 PIC S9(7)V99 COMP-3.
       01 G-P2. 05 P2 PIC S9(18) COMP-3.
       01 G-P3. 05 P3 PIC 9(5) COMP-3.
       01 G-P4. 05 P4 PIC S9(31)V9(7) COMP-3.
       01 G-P5. 05 P5 PIC S9(4) COMP-3.
       01 G-P6. 05 P6 PIC S9(1) COMP-3.
       01 G-Z1. 05 Z1 PIC S9(7)V99.
       01 G-Z2. 05 Z2 PIC S9(5) SIGN LEADING.
       01 G-Z3. 05 Z3 PIC S9(5)V9 SIGN TRAILING SEPARATE.
       01 G-Z4. 05 Z4 PIC S9(5) SIGN LEADING SEPARATE.
       01 G-Z5. 05 Z5 PIC 9(6).
       01 G-Z6. 05 Z6 PIC S9(18).
       01 G-Z7. 05 Z7 PIC S9(31)V9(7).
       01 G-B1. 05 B1 PIC S9(4) COMP.
       01 G-B2. 05 B2 PIC S9(9) COMP.
       01 G-B3. 05 B3 PIC S9(18) COMP.
       01 G-B4. 05 B4 PIC 9(4) COMP.
       01 G-B5. 05 B5 PIC 9(9) COMP.
      * numeric-edited pictures, all fed from Z1 (S9(7)V99)
       01 E1 PIC -Z(6)9.99.
       01 E2 PIC $$,$$$,$$9.99CR.
       01 E3 PIC +(8)9.99.
       01 E4 PIC *,***,**9.99-.
       01 E5 PIC Z(7).99DB.
       01 E6 PIC ZZZZZZZ.ZZ.
       01 E7 PIC ---,---,--9.99.
      * hex rendering
       01 WS-BYTES      PIC X(40).
       01 WS-LEN        PIC 99.
       01 WS-HEX        PIC X(80).
       01 WS-J          PIC 99.
       01 WS-ORD        PIC 999.
       01 WS-HI         PIC 99.
       01 WS-LO         PIC 99.
       01 HEXDIGITS     PIC X(16) VALUE "0123456789ABCDEF".
       PROCEDURE DIVISION.
       MAIN.
           MOVE 0 TO MASTER PERFORM EMIT
           MOVE 1 TO MASTER PERFORM EMIT
           MOVE -1 TO MASTER PERFORM EMIT
           MOVE 0.01 TO MASTER PERFORM EMIT
           MOVE -0.01 TO MASTER PERFORM EMIT
           MOVE 12345.67 TO MASTER PERFORM EMIT
           MOVE -12345.67 TO MASTER PERFORM EMIT
           MOVE 9999999.99 TO MASTER PERFORM EMIT
           MOVE -9999999.99 TO MASTER PERFORM EMIT
           MOVE 40 TO MASTER PERFORM EMIT
           MOVE -40 TO MASTER PERFORM EMIT
           MOVE 9999 TO MASTER PERFORM EMIT
           MOVE -9999 TO MASTER PERFORM EMIT
           MOVE 99999 TO MASTER PERFORM EMIT
           MOVE -99999 TO MASTER PERFORM EMIT
           MOVE 32767 TO MASTER PERFORM EMIT
           MOVE -32768 TO MASTER PERFORM EMIT
           MOVE 2147483647 TO MASTER PERFORM EMIT
           MOVE -2147483648 TO MASTER PERFORM EMIT
           MOVE 123456789012345678 TO MASTER PERFORM EMIT
           MOVE -123456789012345678 TO MASTER PERFORM EMIT
           MOVE 999999999999999999 TO MASTER PERFORM EMIT
           MOVE -999999999999999999 TO MASTER PERFORM EMIT
           MOVE 9999999999999999999999999999999.9999999 TO MASTER
           PERFORM EMIT
           MOVE -9999999999999999999999999999999.9999999 TO MASTER
           PERFORM EMIT
           MOVE 1234567890123456789012345678901.2345678 TO MASTER
           PERFORM EMIT
           MOVE -1234567890123456789012345678901.2345678 TO MASTER
           PERFORM EMIT
      * pseudo-random values of every magnitude, both signs
           PERFORM VARYING I FROM 1 BY 1 UNTIL I > 150
               COMPUTE SEED = FUNCTION MOD(SEED * 48271, 2147483647)
               COMPUTE SEED2 = FUNCTION MOD(SEED2 * 16807, 2147483647)
               COMPUTE EXPO = FUNCTION MOD(I * 7, 29)
               COMPUTE MASTER = (SEED * 10000000000 + SEED2)
                   * (10 ** EXPO) / 10000000000000000
               IF FUNCTION MOD(I, 2) = 1
                   COMPUTE MASTER = 0 - MASTER
               END-IF
               PERFORM EMIT
           END-PERFORM
           STOP RUN.
       EMIT.
           MOVE MASTER TO P1 P2 P3 P4 P5 P6
           MOVE MASTER TO Z1 Z2 Z3 Z4 Z5 Z6 Z7
           MOVE MASTER TO B1 B2 B3 B4 B5
           MOVE G-P1 TO WS-BYTES MOVE LENGTH OF G-P1 TO WS-LEN
           PERFORM TO-HEX DISPLAY "P1 " WS-HEX(1:2 * WS-LEN) " " P1
           MOVE G-P2 TO WS-BYTES MOVE LENGTH OF G-P2 TO WS-LEN
           PERFORM TO-HEX DISPLAY "P2 " WS-HEX(1:2 * WS-LEN) " " P2
           MOVE G-P3 TO WS-BYTES MOVE LENGTH OF G-P3 TO WS-LEN
           PERFORM TO-HEX DISPLAY "P3 " WS-HEX(1:2 * WS-LEN) " " P3
           MOVE G-P4 TO WS-BYTES MOVE LENGTH OF G-P4 TO WS-LEN
           PERFORM TO-HEX DISPLAY "P4 " WS-HEX(1:2 * WS-LEN) " " P4
           MOVE G-P5 TO WS-BYTES MOVE LENGTH OF G-P5 TO WS-LEN
           PERFORM TO-HEX DISPLAY "P5 " WS-HEX(1:2 * WS-LEN) " " P5
           MOVE G-P6 TO WS-BYTES MOVE LENGTH OF G-P6 TO WS-LEN
           PERFORM TO-HEX DISPLAY "P6 " WS-HEX(1:2 * WS-LEN) " " P6
           MOVE G-Z1 TO WS-BYTES MOVE LENGTH OF G-Z1 TO WS-LEN
           PERFORM TO-HEX DISPLAY "Z1 " WS-HEX(1:2 * WS-LEN) " " Z1
           MOVE G-Z2 TO WS-BYTES MOVE LENGTH OF G-Z2 TO WS-LEN
           PERFORM TO-HEX DISPLAY "Z2 " WS-HEX(1:2 * WS-LEN) " " Z2
           MOVE G-Z3 TO WS-BYTES MOVE LENGTH OF G-Z3 TO WS-LEN
           PERFORM TO-HEX DISPLAY "Z3 " WS-HEX(1:2 * WS-LEN) " " Z3
           MOVE G-Z4 TO WS-BYTES MOVE LENGTH OF G-Z4 TO WS-LEN
           PERFORM TO-HEX DISPLAY "Z4 " WS-HEX(1:2 * WS-LEN) " " Z4
           MOVE G-Z5 TO WS-BYTES MOVE LENGTH OF G-Z5 TO WS-LEN
           PERFORM TO-HEX DISPLAY "Z5 " WS-HEX(1:2 * WS-LEN) " " Z5
           MOVE G-Z6 TO WS-BYTES MOVE LENGTH OF G-Z6 TO WS-LEN
           PERFORM TO-HEX DISPLAY "Z6 " WS-HEX(1:2 * WS-LEN) " " Z6
           MOVE G-Z7 TO WS-BYTES MOVE LENGTH OF G-Z7 TO WS-LEN
           PERFORM TO-HEX DISPLAY "Z7 " WS-HEX(1:2 * WS-LEN) " " Z7
           MOVE G-B1 TO WS-BYTES MOVE LENGTH OF G-B1 TO WS-LEN
           PERFORM TO-HEX DISPLAY "B1 " WS-HEX(1:2 * WS-LEN) " " B1
           MOVE G-B2 TO WS-BYTES MOVE LENGTH OF G-B2 TO WS-LEN
           PERFORM TO-HEX DISPLAY "B2 " WS-HEX(1:2 * WS-LEN) " " B2
           MOVE G-B3 TO WS-BYTES MOVE LENGTH OF G-B3 TO WS-LEN
           PERFORM TO-HEX DISPLAY "B3 " WS-HEX(1:2 * WS-LEN) " " B3
           MOVE G-B4 TO WS-BYTES MOVE LENGTH OF G-B4 TO WS-LEN
           PERFORM TO-HEX DISPLAY "B4 " WS-HEX(1:2 * WS-LEN) " " B4
           MOVE G-B5 TO WS-BYTES MOVE LENGTH OF G-B5 TO WS-LEN
           PERFORM TO-HEX DISPLAY "B5 " WS-HEX(1:2 * WS-LEN) " " B5
           MOVE Z1 TO E1 E2 E3 E4 E5 E6 E7
           DISPLAY "E1 |" E1 "| " Z1
           DISPLAY "E2 |" E2 "| " Z1
           DISPLAY "E3 |" E3 "| " Z1
           DISPLAY "E4 |" E4 "| " Z1
           DISPLAY "E5 |" E5 "| " Z1
           DISPLAY "E6 |" E6 "| " Z1
           DISPLAY "E7 |" E7 "| " Z1.
       TO-HEX.
           MOVE SPACES TO WS-HEX
           PERFORM VARYING WS-J FROM 1 BY 1 UNTIL WS-J > WS-LEN
               COMPUTE WS-ORD = FUNCTION ORD(WS-BYTES(WS-J:1)) - 1
               DIVIDE WS-ORD BY 16 GIVING WS-HI REMAINDER WS-LO
               MOVE HEXDIGITS(WS-HI + 1:1) TO WS-HEX(2 * WS-J - 1:1)
               MOVE HEXDIGITS(WS-LO + 1:1) TO WS-HEX(2 * WS-J:1)
           END-PERFORM.
