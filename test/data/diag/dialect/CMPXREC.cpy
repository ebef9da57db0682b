      *----------------------------------------------------------------
      * CMPXREC - Micro Focus COMP-X items: PIC X(n) in n bytes, PIC
      * 9(n) in the fewest bytes that hold n digits, big-endian, for
      * the dialect fixtures (compxgen.cbl writes it with GnuCOBOL's
      * -std=mf and default configurations).
      *----------------------------------------------------------------
       01  CMPX-REC.
           05  X-ID                    PIC 9(4).
           05  X-X1                    PIC X COMP-X.
           05  X-X2                    PIC XX COMP-X.
           05  X-X3                    PIC X(3) COMP-X.
           05  X-X8                    PIC X(8) COMP-X.
           05  X-N2                    PIC 9(2) COMP-X.
           05  X-N3                    PIC 9(3) COMP-X.
           05  X-N7                    PIC 9(7) COMP-X.
           05  X-N9                    PIC 9(9) COMP-X.
           05  X-N12                   PIC 9(12) COMP-X.
           05  X-N18                   PIC 9(18) COMP-X.
           05  X-NV                    PIC 9(4)V99 COMP-X.
           05  X-S5                    PIC S9(5) COMPUTATIONAL-X.
           05  X-END                   PIC XX.
