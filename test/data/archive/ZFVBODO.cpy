      * The V records of test/data/archive/gen_sl.aws file 2: record i
      * is its 6-digit number, a blank, B, then letters; here the last
      * digit of the number says how many letters (an OCCURS DEPENDING
      * ON, so the layout has variable length).
       01  ZF-VB-ODO.
           05  REC-HEAD          PIC X(5).
           05  REC-LASTDIG       PIC 9.
           05  FILLER            PIC X.
           05  REC-LETTER        PIC X.
           05  REC-ALPHA         PIC X OCCURS 0 TO 9 TIMES
                                 DEPENDING ON REC-LASTDIG.
