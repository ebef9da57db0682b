      * CUST.cpy: two cities of one name, told apart by their groups
      * (docs/cookbook.md, "Names and paths").
       01  CUST.
           05  HOME.
               10  ADDR.
                   15  CITY        PIC X(5).
           05  WORK.
               10  ADDR.
                   15  CITY        PIC X(5).
