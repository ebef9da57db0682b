      *================================================================
      * acctgen.cbl - writes a bank's account master (ACCTMAST, a KSDS
      * export: fixed length, ascending account number, cp037) and
      * the matching customer digital profiles as CSV, from a fixed
      * pseudo-random sequence, and DISPLAYs every account field.
      *
      * Source in UTF-8, compiled from an ISO-8859-1 copy by
      * test/data/cobol/generate.sh (which also holds the shared COPY
      * members): cobc -x -std=ibm -fsign=EBCDIC -fpretty-display.
      *
      * Environment: ACCT_COUNT  number of accounts
      *              CUST_COUNT  number of customers (1..CUST_COUNT)
      *              ACCT_SEED   generator seed
      *              DD_ACCTFILE the account master to write
      *              DD_CUSTFILE the customer CSV to write
      *              DD_XLATE    the cp037 table (256 bytes)
      * Standard output: header, "#types" line, one line per account
      * (see normalize.awk).
      *
      * The data: account numbers ascend with random gaps; every
      * account belongs to a random customer (so customers have one or
      * more accounts, a few none); products CHK SAV MMA CDT BUS;
      * mostly USD; statuses A(ctive) D(ormant) C(losed) F(rozen);
      * a few overdrawn (negative) checking and business accounts;
      * closed accounts have zero balances.  Dates are as of
      * 2025-06-30.
      *================================================================
       IDENTIFICATION DIVISION.
       PROGRAM-ID. ACCTGEN.
       ENVIRONMENT DIVISION.
       INPUT-OUTPUT SECTION.
       FILE-CONTROL.
           SELECT ACCT-FILE ASSIGN TO "ACCTFILE"
               ORGANIZATION IS SEQUENTIAL.
           SELECT CUST-FILE ASSIGN TO "CUSTFILE"
               ORGANIZATION IS LINE SEQUENTIAL.
           SELECT XLT-FILE ASSIGN TO "XLATE"
               ORGANIZATION IS SEQUENTIAL.
       DATA DIVISION.
       FILE SECTION.
       FD  ACCT-FILE.
       COPY ACCTMAST.
       FD  CUST-FILE.
       01  CUST-LINE                   PIC X(100).
       FD  XLT-FILE.
       01  XLT-REC                     PIC X(256).
       WORKING-STORAGE SECTION.
       01  ENV-VALUE                   PIC X(20).
       01  ACCT-COUNT                  PIC 9(9).
       01  CUST-COUNT                  PIC 9(9).
       01  REC-NO                      PIC 9(9).
       01  CUST-NO                     PIC 9(9).
       01  I                           PIC 9(4).
       01  J                           PIC 9(4).
       01  HT                          PIC X VALUE X"09".
       01  PCT                         PIC 9(3).
       01  NEXT-NUMBER                 PIC 9(10) VALUE 4000100000.
       01  AS-OF-DAY                   PIC 9(9).
       01  FIRST-DAY                   PIC 9(9).
       01  OPEN-DAY                    PIC 9(9).
       01  LAST-DAY                    PIC 9(9).
       01  DAYS-OPEN                   PIC 9(9).
       01  CENTS                       PIC S9(18).
       01  OVERDRAFT-CENTS             PIC S9(18).
       01  HOLD-CENTS                  PIC S9(18).
       01  RATE-UNITS                  PIC 9(9).
       01  DIGITS-K                    PIC 9(2).
       01  LOGIN-SECONDS               PIC 9(9).
       01  LOGIN-DATE                  PIC 9(8).
       01  LOGIN-DATE-X REDEFINES LOGIN-DATE.
           05  LOGIN-YYYY              PIC 9(4).
           05  LOGIN-MM                PIC 9(2).
           05  LOGIN-DD                PIC 9(2).
       01  LOGIN-HH                    PIC 9(2).
       01  LOGIN-MI                    PIC 9(2).
       01  LOGIN-SS                    PIC 9(2).
       01  CUST-ID-OUT                 PIC 9(8).
           COPY "xlate-data.inc".
           COPY "rng-data.inc".
       01  FIRST-NAME-VALUES.
           05  FILLER PIC X(10) VALUE "James".
           05  FILLER PIC X(10) VALUE "Mary".
           05  FILLER PIC X(10) VALUE "Robert".
           05  FILLER PIC X(10) VALUE "Patricia".
           05  FILLER PIC X(10) VALUE "John".
           05  FILLER PIC X(10) VALUE "Jennifer".
           05  FILLER PIC X(10) VALUE "Michael".
           05  FILLER PIC X(10) VALUE "Linda".
           05  FILLER PIC X(10) VALUE "David".
           05  FILLER PIC X(10) VALUE "Elizabeth".
           05  FILLER PIC X(10) VALUE "William".
           05  FILLER PIC X(10) VALUE "Barbara".
           05  FILLER PIC X(10) VALUE "Richard".
           05  FILLER PIC X(10) VALUE "Susan".
           05  FILLER PIC X(10) VALUE "Joseph".
           05  FILLER PIC X(10) VALUE "Jessica".
           05  FILLER PIC X(10) VALUE "Thomas".
           05  FILLER PIC X(10) VALUE "Sarah".
           05  FILLER PIC X(10) VALUE "Carlos".
           05  FILLER PIC X(10) VALUE "Karen".
           05  FILLER PIC X(10) VALUE "Daniel".
           05  FILLER PIC X(10) VALUE "Nancy".
           05  FILLER PIC X(10) VALUE "Matthew".
           05  FILLER PIC X(10) VALUE "Lisa".
           05  FILLER PIC X(10) VALUE "Anthony".
           05  FILLER PIC X(10) VALUE "Betty".
           05  FILLER PIC X(10) VALUE "Mark".
           05  FILLER PIC X(10) VALUE "Margaret".
           05  FILLER PIC X(10) VALUE "José".
           05  FILLER PIC X(10) VALUE "Sandra".
           05  FILLER PIC X(10) VALUE "Wei".
           05  FILLER PIC X(10) VALUE "Ashley".
           05  FILLER PIC X(10) VALUE "Andrés".
           05  FILLER PIC X(10) VALUE "Kimberly".
           05  FILLER PIC X(10) VALUE "Raj".
           05  FILLER PIC X(10) VALUE "Emily".
           05  FILLER PIC X(10) VALUE "François".
           05  FILLER PIC X(10) VALUE "Donna".
           05  FILLER PIC X(10) VALUE "Zoë".
           05  FILLER PIC X(10) VALUE "Michelle".
           05  FILLER PIC X(10) VALUE "Søren".
           05  FILLER PIC X(10) VALUE "Chloé".
           05  FILLER PIC X(10) VALUE "Renée".
           05  FILLER PIC X(10) VALUE "Kwame".
           05  FILLER PIC X(10) VALUE "Aoife".
           05  FILLER PIC X(10) VALUE "Mateo".
           05  FILLER PIC X(10) VALUE "Priya".
           05  FILLER PIC X(10) VALUE "Noah".
       01  FIRST-NAME-TABLE REDEFINES FIRST-NAME-VALUES.
           05  FIRST-NAME              PIC X(10) OCCURS 48 TIMES.
       01  LAST-NAME-VALUES.
           05  FILLER PIC X(12) VALUE "Smith".
           05  FILLER PIC X(12) VALUE "Johnson".
           05  FILLER PIC X(12) VALUE "Williams".
           05  FILLER PIC X(12) VALUE "Brown".
           05  FILLER PIC X(12) VALUE "Jones".
           05  FILLER PIC X(12) VALUE "García".
           05  FILLER PIC X(12) VALUE "Miller".
           05  FILLER PIC X(12) VALUE "Davis".
           05  FILLER PIC X(12) VALUE "Rodríguez".
           05  FILLER PIC X(12) VALUE "Martínez".
           05  FILLER PIC X(12) VALUE "Hernández".
           05  FILLER PIC X(12) VALUE "López".
           05  FILLER PIC X(12) VALUE "Gonzalez".
           05  FILLER PIC X(12) VALUE "Wilson".
           05  FILLER PIC X(12) VALUE "Anderson".
           05  FILLER PIC X(12) VALUE "Thomas".
           05  FILLER PIC X(12) VALUE "Taylor".
           05  FILLER PIC X(12) VALUE "Moore".
           05  FILLER PIC X(12) VALUE "Jackson".
           05  FILLER PIC X(12) VALUE "Martin".
           05  FILLER PIC X(12) VALUE "Lee".
           05  FILLER PIC X(12) VALUE "Pérez".
           05  FILLER PIC X(12) VALUE "Thompson".
           05  FILLER PIC X(12) VALUE "White".
           05  FILLER PIC X(12) VALUE "Harris".
           05  FILLER PIC X(12) VALUE "Sánchez".
           05  FILLER PIC X(12) VALUE "Clark".
           05  FILLER PIC X(12) VALUE "Ramírez".
           05  FILLER PIC X(12) VALUE "Lewis".
           05  FILLER PIC X(12) VALUE "Robinson".
           05  FILLER PIC X(12) VALUE "Walker".
           05  FILLER PIC X(12) VALUE "Young".
           05  FILLER PIC X(12) VALUE "Allen".
           05  FILLER PIC X(12) VALUE "King".
           05  FILLER PIC X(12) VALUE "Wright".
           05  FILLER PIC X(12) VALUE "Scott".
           05  FILLER PIC X(12) VALUE "Nguyen".
           05  FILLER PIC X(12) VALUE "Hill".
           05  FILLER PIC X(12) VALUE "Müller".
           05  FILLER PIC X(12) VALUE "O'Brien".
           05  FILLER PIC X(12) VALUE "Schröder".
           05  FILLER PIC X(12) VALUE "Kowalski".
           05  FILLER PIC X(12) VALUE "Nuñez".
           05  FILLER PIC X(12) VALUE "Chen".
           05  FILLER PIC X(12) VALUE "Patel".
           05  FILLER PIC X(12) VALUE "Dubois".
           05  FILLER PIC X(12) VALUE "Østergaard".
           05  FILLER PIC X(12) VALUE "Björk".
       01  LAST-NAME-TABLE REDEFINES LAST-NAME-VALUES.
           05  LAST-NAME               PIC X(12) OCCURS 48 TIMES.
       01  BRANCH-VALUES               PIC X(48) VALUE
           "010101020115020302100305031104020407050105120620".
       01  BRANCH-TABLE REDEFINES BRANCH-VALUES.
           05  BRANCH-CODE             PIC 9(4) OCCURS 12 TIMES.
       01  DOMAIN-VALUES.
           05  FILLER PIC X(12) VALUE "gmail.com".
           05  FILLER PIC X(12) VALUE "yahoo.com".
           05  FILLER PIC X(12) VALUE "outlook.com".
           05  FILLER PIC X(12) VALUE "icloud.com".
           05  FILLER PIC X(12) VALUE "hotmail.com".
           05  FILLER PIC X(12) VALUE "aol.com".
           05  FILLER PIC X(12) VALUE "comcast.net".
           05  FILLER PIC X(12) VALUE "proton.me".
           05  FILLER PIC X(12) VALUE "verizon.net".
           05  FILLER PIC X(12) VALUE "att.net".
       01  DOMAIN-TABLE REDEFINES DOMAIN-VALUES.
           05  DOMAIN                  PIC X(12) OCCURS 10 TIMES.
       01  SEGMENT-NAME                PIC X(14).
       01  APP-USER                    PIC X(5).
       PROCEDURE DIVISION.
       MAIN-LINE.
           ACCEPT ENV-VALUE FROM ENVIRONMENT "ACCT_COUNT"
           COMPUTE ACCT-COUNT = FUNCTION NUMVAL(ENV-VALUE)
           ACCEPT ENV-VALUE FROM ENVIRONMENT "CUST_COUNT"
           COMPUTE CUST-COUNT = FUNCTION NUMVAL(ENV-VALUE)
           ACCEPT ENV-VALUE FROM ENVIRONMENT "ACCT_SEED"
           COMPUTE RNG-SEED = FUNCTION NUMVAL(ENV-VALUE)
           IF ACCT-COUNT = 0 OR CUST-COUNT = 0
               DISPLAY "acctgen: set ACCT_COUNT and CUST_COUNT"
                   UPON SYSERR
               MOVE 1 TO RETURN-CODE
               STOP RUN
           END-IF
           PERFORM LOAD-XLATE
           COMPUTE AS-OF-DAY = FUNCTION INTEGER-OF-DATE(20250630)
           COMPUTE FIRST-DAY = FUNCTION INTEGER-OF-DATE(19880104)
           DISPLAY "acct_number" HT "acct_customer_id" HT
               "acct_holder_name" HT "acct_branch" HT
               "acct_product_code" HT "acct_currency" HT
               "acct_open_date" HT "acct_status" HT
               "acct_current_bal" HT "acct_available_bal" HT
               "acct_overdraft_limit" HT "acct_interest_rate" HT
               "acct_last_activity"
           DISPLAY "#types" HT "N" HT "N" HT "X" HT "N" HT "X" HT
               "X" HT "N" HT "X" HT "N" HT "N" HT "N" HT "N" HT "N"
           OPEN OUTPUT ACCT-FILE
           PERFORM VARYING REC-NO FROM 1 BY 1 UNTIL REC-NO > ACCT-COUNT
               PERFORM BUILD-ACCOUNT
               PERFORM DISPLAY-ACCOUNT
               PERFORM TO-MAINFRAME-BYTES
               WRITE ACCT-MASTER-REC
           END-PERFORM
           CLOSE ACCT-FILE
           OPEN OUTPUT CUST-FILE
           MOVE "customer_id,email_domain,app_user,segment,last_login"
               TO CUST-LINE
           WRITE CUST-LINE
           PERFORM VARYING CUST-NO FROM 1 BY 1
                   UNTIL CUST-NO > CUST-COUNT
               PERFORM WRITE-CUSTOMER
           END-PERFORM
           CLOSE CUST-FILE
           STOP RUN.

      * Customer number n has the id 20000000 + 37n + (n mod 29), a
      * name and a home branch that follow from n alone.
       CUSTOMER-ID.
           COMPUTE CUST-ID-OUT = 20000000 + 37 * CUST-NO
               + FUNCTION MOD(CUST-NO, 29).

       BUILD-ACCOUNT.
           MOVE ALL X"40" TO ACCT-MASTER-REC
           PERFORM NEXT-RANDOM
           COMPUTE NEXT-NUMBER = NEXT-NUMBER + 1
               + FUNCTION MOD(RNG-HIGH, 499)
           MOVE NEXT-NUMBER TO ACCT-NUMBER
           PERFORM NEXT-RANDOM
           COMPUTE CUST-NO = FUNCTION MOD(RNG-SEED, CUST-COUNT) + 1
           PERFORM CUSTOMER-ID
           MOVE CUST-ID-OUT TO ACCT-CUSTOMER-ID
           COMPUTE I = FUNCTION MOD(CUST-NO * 7, 48) + 1
           COMPUTE J = FUNCTION MOD(CUST-NO * 13
               + FUNCTION INTEGER-PART(CUST-NO / 48), 48) + 1
           MOVE SPACES TO ACCT-HOLDER-NAME
           STRING FIRST-NAME(I) DELIMITED BY SPACE
               " " DELIMITED BY SIZE
               LAST-NAME(J) DELIMITED BY SPACE
               INTO ACCT-HOLDER-NAME
           PERFORM NEXT-RANDOM
           IF FUNCTION MOD(RNG-HIGH, 10) = 0
               COMPUTE I = FUNCTION MOD(RNG-SEED, 12) + 1
           ELSE
               COMPUTE I = FUNCTION MOD(CUST-NO * 5, 12) + 1
           END-IF
           MOVE BRANCH-CODE(I) TO ACCT-BRANCH
           PERFORM NEXT-RANDOM
           COMPUTE PCT = FUNCTION MOD(RNG-HIGH, 100)
           EVALUATE TRUE
               WHEN PCT < 40 MOVE "CHK" TO ACCT-PRODUCT-CODE
               WHEN PCT < 70 MOVE "SAV" TO ACCT-PRODUCT-CODE
               WHEN PCT < 80 MOVE "MMA" TO ACCT-PRODUCT-CODE
               WHEN PCT < 92 MOVE "CDT" TO ACCT-PRODUCT-CODE
               WHEN OTHER    MOVE "BUS" TO ACCT-PRODUCT-CODE
           END-EVALUATE
           PERFORM NEXT-RANDOM
           COMPUTE PCT = FUNCTION MOD(RNG-HIGH, 100)
           EVALUATE TRUE
               WHEN PCT < 88 MOVE "USD" TO ACCT-CURRENCY
               WHEN PCT < 93 MOVE "CAD" TO ACCT-CURRENCY
               WHEN PCT < 97 MOVE "EUR" TO ACCT-CURRENCY
               WHEN OTHER    MOVE "GBP" TO ACCT-CURRENCY
           END-EVALUATE
           PERFORM NEXT-RANDOM
           COMPUTE OPEN-DAY = FIRST-DAY + FUNCTION MOD(RNG-SEED,
               AS-OF-DAY - 30 - FIRST-DAY)
           COMPUTE ACCT-OPEN-DATE = FUNCTION DATE-OF-INTEGER(OPEN-DAY)
           COMPUTE DAYS-OPEN = AS-OF-DAY - OPEN-DAY
           PERFORM NEXT-RANDOM
           COMPUTE PCT = FUNCTION MOD(RNG-HIGH, 100)
           EVALUATE TRUE
               WHEN PCT < 90 MOVE "A" TO ACCT-STATUS
               WHEN PCT < 94 MOVE "D" TO ACCT-STATUS
               WHEN PCT < 99 MOVE "C" TO ACCT-STATUS
               WHEN OTHER    MOVE "F" TO ACCT-STATUS
           END-EVALUATE
           PERFORM SET-BALANCES
           PERFORM SET-RATE
           PERFORM SET-LAST-ACTIVITY.

      * Balances in cents, by product; some checking and business
      * accounts are overdrawn; closed accounts hold nothing.
       SET-BALANCES.
           MOVE 0 TO OVERDRAFT-CENTS HOLD-CENTS
           PERFORM NEXT-RANDOM
           EVALUATE ACCT-PRODUCT-CODE
               WHEN "CHK"
                   COMPUTE DIGITS-K = 3 + FUNCTION MOD(RNG-HIGH, 5)
                   EVALUATE FUNCTION MOD(RNG-SEED, 4)
                       WHEN 0 MOVE 0 TO OVERDRAFT-CENTS
                       WHEN 1 MOVE 50000 TO OVERDRAFT-CENTS
                       WHEN 2 MOVE 100000 TO OVERDRAFT-CENTS
                       WHEN 3 MOVE 250000 TO OVERDRAFT-CENTS
                   END-EVALUATE
               WHEN "SAV"
                   COMPUTE DIGITS-K = 4 + FUNCTION MOD(RNG-HIGH, 5)
               WHEN "MMA"
                   COMPUTE DIGITS-K = 6 + FUNCTION MOD(RNG-HIGH, 3)
               WHEN "CDT"
                   COMPUTE DIGITS-K = 0
               WHEN OTHER
                   COMPUTE DIGITS-K = 5 + FUNCTION MOD(RNG-HIGH, 4)
                   COMPUTE OVERDRAFT-CENTS = 500000 *
                       (FUNCTION MOD(RNG-SEED, 10) + 1)
           END-EVALUATE
           IF DIGITS-K = 0
      *        certificates of deposit: 5,000 to 250,000 in 1,000s
               PERFORM NEXT-RANDOM
               COMPUTE CENTS = 100000 *
                   (5 + FUNCTION MOD(RNG-SEED, 246))
           ELSE
               COMPUTE RND-RANGE = 10 ** DIGITS-K
               PERFORM RANDOM-BINARY
               MOVE RNG-VALUE TO CENTS
           END-IF
           PERFORM NEXT-RANDOM
           IF (ACCT-PRODUCT-CODE = "CHK" OR "BUS")
               AND FUNCTION MOD(RNG-HIGH, 100) < 4
               COMPUTE CENTS = 0 - 1 - FUNCTION MOD(RNG-SEED,
                   FUNCTION MAX(OVERDRAFT-CENTS, 50000))
           END-IF
           PERFORM NEXT-RANDOM
           IF CENTS > 0 AND FUNCTION MOD(RNG-HIGH, 5) = 0
               COMPUTE HOLD-CENTS = FUNCTION MOD(RNG-SEED,
                   FUNCTION MIN(CENTS, 200000))
           END-IF
           IF ACCT-STATUS = "C"
               MOVE 0 TO CENTS OVERDRAFT-CENTS HOLD-CENTS
           END-IF
           COMPUTE ACCT-CURRENT-BAL = CENTS / 100
           COMPUTE ACCT-AVAILABLE-BAL =
               (CENTS + OVERDRAFT-CENTS - HOLD-CENTS) / 100
           COMPUTE ACCT-OVERDRAFT-LIMIT = OVERDRAFT-CENTS / 100.

      * Interest rate in percent with four decimals, by product.
       SET-RATE.
           PERFORM NEXT-RANDOM
           EVALUATE ACCT-PRODUCT-CODE
               WHEN "CHK"
                   IF FUNCTION MOD(RNG-HIGH, 2) = 0
                       MOVE 100 TO RATE-UNITS
                   ELSE
                       MOVE 500 TO RATE-UNITS
                   END-IF
               WHEN "SAV"
                   COMPUTE RATE-UNITS = 2500
                       + 250 * FUNCTION MOD(RNG-HIGH, 165)
               WHEN "MMA"
                   COMPUTE RATE-UNITS = 15000
                       + 125 * FUNCTION MOD(RNG-HIGH, 261)
               WHEN "CDT"
                   COMPUTE RATE-UNITS = 32500
                       + 250 * FUNCTION MOD(RNG-HIGH, 81)
               WHEN OTHER
                   MOVE 0 TO RATE-UNITS
           END-EVALUATE
           COMPUTE ACCT-INTEREST-RATE = RATE-UNITS / 10000.

      * Active: within the last 45 days; dormant: more than 400 days
      * ago; closed: any day since opening; never before opening.
       SET-LAST-ACTIVITY.
           PERFORM NEXT-RANDOM
           EVALUATE ACCT-STATUS
               WHEN "A"
                   COMPUTE LAST-DAY = AS-OF-DAY
                       - FUNCTION MOD(RNG-HIGH, 45)
               WHEN "D"
                   COMPUTE LAST-DAY = AS-OF-DAY - 400
                       - FUNCTION MOD(RNG-HIGH, 1500)
               WHEN "C"
                   COMPUTE LAST-DAY = OPEN-DAY
                       + FUNCTION MOD(RNG-SEED, DAYS-OPEN + 1)
               WHEN OTHER
                   COMPUTE LAST-DAY = AS-OF-DAY
                       - FUNCTION MOD(RNG-HIGH, 200)
           END-EVALUATE
           IF LAST-DAY < OPEN-DAY
               MOVE OPEN-DAY TO LAST-DAY
           END-IF
           COMPUTE ACCT-LAST-ACTIVITY =
               FUNCTION DATE-OF-INTEGER(LAST-DAY).

       DISPLAY-ACCOUNT.
           DISPLAY ACCT-NUMBER HT ACCT-CUSTOMER-ID HT
               ACCT-HOLDER-NAME HT ACCT-BRANCH HT
               ACCT-PRODUCT-CODE HT ACCT-CURRENCY HT
               ACCT-OPEN-DATE HT ACCT-STATUS HT
               ACCT-CURRENT-BAL HT ACCT-AVAILABLE-BAL HT
               ACCT-OVERDRAFT-LIMIT HT ACCT-INTEREST-RATE HT
               ACCT-LAST-ACTIVITY.

       TO-MAINFRAME-BYTES.
           INSPECT ACCT-NUMBER(1:) CONVERTING ZONE-FROM TO ZONE-TO
           INSPECT ACCT-CUSTOMER-ID(1:) CONVERTING ZONE-FROM TO ZONE-TO
           INSPECT ACCT-HOLDER-NAME CONVERTING XLT-FROM TO XLT-TO
           INSPECT ACCT-BRANCH(1:) CONVERTING ZONE-FROM TO ZONE-TO
           INSPECT ACCT-PRODUCT-CODE CONVERTING XLT-FROM TO XLT-TO
           INSPECT ACCT-CURRENCY CONVERTING XLT-FROM TO XLT-TO
           INSPECT ACCT-OPEN-DATE(1:) CONVERTING ZONE-FROM TO ZONE-TO
           INSPECT ACCT-STATUS CONVERTING XLT-FROM TO XLT-TO
           INSPECT ACCT-LAST-ACTIVITY(1:)
               CONVERTING ZONE-FROM TO ZONE-TO.

      * One CSV line: id, e-mail domain, app user, segment and, for
      * app users, the last login (empty, i.e. NULL, otherwise).
       WRITE-CUSTOMER.
           PERFORM CUSTOMER-ID
           PERFORM NEXT-RANDOM
           COMPUTE I = FUNCTION MOD(RNG-HIGH, 10) + 1
           PERFORM NEXT-RANDOM
           COMPUTE PCT = FUNCTION MOD(RNG-HIGH, 100)
           EVALUATE TRUE
               WHEN PCT < 55 MOVE "retail" TO SEGMENT-NAME
               WHEN PCT < 80 MOVE "affluent" TO SEGMENT-NAME
               WHEN PCT < 85 MOVE "private" TO SEGMENT-NAME
               WHEN PCT < 95 MOVE "small_business" TO SEGMENT-NAME
               WHEN OTHER    MOVE "student" TO SEGMENT-NAME
           END-EVALUATE
           PERFORM NEXT-RANDOM
           MOVE SPACES TO CUST-LINE
           IF FUNCTION MOD(RNG-HIGH, 100) < 65
               MOVE "true" TO APP-USER
               PERFORM NEXT-RANDOM
               COMPUTE LOGIN-SECONDS = FUNCTION MOD(RNG-SEED, 86400)
               PERFORM NEXT-RANDOM
               COMPUTE LOGIN-DATE = FUNCTION DATE-OF-INTEGER(
                   AS-OF-DAY - FUNCTION MOD(RNG-HIGH, 120))
               COMPUTE LOGIN-HH = LOGIN-SECONDS / 3600
               COMPUTE LOGIN-MI = FUNCTION MOD(LOGIN-SECONDS, 3600)
                   / 60
               COMPUTE LOGIN-SS = FUNCTION MOD(LOGIN-SECONDS, 60)
               STRING CUST-ID-OUT "," DOMAIN(I) DELIMITED BY SPACE
                   "," APP-USER DELIMITED BY SPACE
                   "," SEGMENT-NAME DELIMITED BY SPACE
                   "," LOGIN-YYYY "-" LOGIN-MM "-" LOGIN-DD
                   " " LOGIN-HH ":" LOGIN-MI ":" LOGIN-SS
                   DELIMITED BY SIZE INTO CUST-LINE
           ELSE
               MOVE "false" TO APP-USER
               STRING CUST-ID-OUT "," DOMAIN(I) DELIMITED BY SPACE
                   "," APP-USER DELIMITED BY SPACE
                   "," SEGMENT-NAME DELIMITED BY SPACE
                   "," DELIMITED BY SIZE INTO CUST-LINE
           END-IF
           WRITE CUST-LINE.

           COPY "xlate-proc.inc".
           COPY "rng-proc.inc".
