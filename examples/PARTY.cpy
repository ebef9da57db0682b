      * PARTY.cpy: persons and companies in one file, 37-byte records,
      * told apart by PARTY-TYPE (docs/copybook-files.md, "REDEFINES").
       01  PARTY-REC.
           05  PARTY-TYPE              PIC X.
           05  PARTY-ID                PIC 9(6).
           05  PERSON-DATA.
               10  FIRST-NAME          PIC X(10).
               10  LAST-NAME           PIC X(12).
               10  BIRTH-DATE          PIC 9(8).
           05  COMPANY-DATA REDEFINES PERSON-DATA.
               10  COMPANY-NAME        PIC X(20).
               10  REG-NUMBER          PIC S9(9) COMP-3.
               10  FILLER              PIC X(5).
