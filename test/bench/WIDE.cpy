      * WIDE: a 1,341-byte record of 167 mixed fields (benchmark).
       01  WIDE-REC.
           05  F001-TXT PIC X(12).
           05  F002-NUM PIC 9(7).
           05  F003-PKD PIC S9(9)V99 COMP-3.
           05  F004-BIN PIC S9(9) COMP.
           05  F005-SGN PIC S9(5)V99.
           05  F006-DAT PIC 9(8).
           05  F007-TXT PIC X(12).
           05  F008-NUM PIC 9(7).
           05  F009-PKD PIC S9(9)V99 COMP-3.
           05  F010-BIN PIC S9(9) COMP.
           05  F011-SGN PIC S9(5)V99.
           05  F012-DAT PIC 9(8).
           05  F013-TXT PIC X(12).
           05  F014-NUM PIC 9(7).
           05  F015-PKD PIC S9(9)V99 COMP-3.
           05  F016-BIN PIC S9(9) COMP.
           05  F017-SGN PIC S9(5)V99.
           05  F018-DAT PIC 9(8).
           05  F019-TXT PIC X(12).
           05  F020-NUM PIC 9(7).
           05  F021-PKD PIC S9(9)V99 COMP-3.
           05  F022-BIN PIC S9(9) COMP.
           05  F023-SGN PIC S9(5)V99.
           05  F024-DAT PIC 9(8).
           05  F025-TXT PIC X(12).
           05  F026-NUM PIC 9(7).
           05  F027-PKD PIC S9(9)V99 COMP-3.
           05  F028-BIN PIC S9(9) COMP.
           05  F029-SGN PIC S9(5)V99.
           05  F030-DAT PIC 9(8).
           05  F031-TXT PIC X(12).
           05  F032-NUM PIC 9(7).
           05  F033-PKD PIC S9(9)V99 COMP-3.
           05  F034-BIN PIC S9(9) COMP.
           05  F035-SGN PIC S9(5)V99.
           05  F036-DAT PIC 9(8).
           05  F037-TXT PIC X(12).
           05  F038-NUM PIC 9(7).
           05  F039-PKD PIC S9(9)V99 COMP-3.
           05  F040-BIN PIC S9(9) COMP.
           05  F041-SGN PIC S9(5)V99.
           05  F042-DAT PIC 9(8).
           05  F043-TXT PIC X(12).
           05  F044-NUM PIC 9(7).
           05  F045-PKD PIC S9(9)V99 COMP-3.
           05  F046-BIN PIC S9(9) COMP.
           05  F047-SGN PIC S9(5)V99.
           05  F048-DAT PIC 9(8).
           05  F049-TXT PIC X(12).
           05  F050-NUM PIC 9(7).
           05  F051-PKD PIC S9(9)V99 COMP-3.
           05  F052-BIN PIC S9(9) COMP.
           05  F053-SGN PIC S9(5)V99.
           05  F054-DAT PIC 9(8).
           05  F055-TXT PIC X(12).
           05  F056-NUM PIC 9(7).
           05  F057-PKD PIC S9(9)V99 COMP-3.
           05  F058-BIN PIC S9(9) COMP.
           05  F059-SGN PIC S9(5)V99.
           05  F060-DAT PIC 9(8).
           05  F061-TXT PIC X(12).
           05  F062-NUM PIC 9(7).
           05  F063-PKD PIC S9(9)V99 COMP-3.
           05  F064-BIN PIC S9(9) COMP.
           05  F065-SGN PIC S9(5)V99.
           05  F066-DAT PIC 9(8).
           05  F067-TXT PIC X(12).
           05  F068-NUM PIC 9(7).
           05  F069-PKD PIC S9(9)V99 COMP-3.
           05  F070-BIN PIC S9(9) COMP.
           05  F071-SGN PIC S9(5)V99.
           05  F072-DAT PIC 9(8).
           05  F073-TXT PIC X(12).
           05  F074-NUM PIC 9(7).
           05  F075-PKD PIC S9(9)V99 COMP-3.
           05  F076-BIN PIC S9(9) COMP.
           05  F077-SGN PIC S9(5)V99.
           05  F078-DAT PIC 9(8).
           05  F079-TXT PIC X(12).
           05  F080-NUM PIC 9(7).
           05  F081-PKD PIC S9(9)V99 COMP-3.
           05  F082-BIN PIC S9(9) COMP.
           05  F083-SGN PIC S9(5)V99.
           05  F084-DAT PIC 9(8).
           05  F085-TXT PIC X(12).
           05  F086-NUM PIC 9(7).
           05  F087-PKD PIC S9(9)V99 COMP-3.
           05  F088-BIN PIC S9(9) COMP.
           05  F089-SGN PIC S9(5)V99.
           05  F090-DAT PIC 9(8).
           05  F091-TXT PIC X(12).
           05  F092-NUM PIC 9(7).
           05  F093-PKD PIC S9(9)V99 COMP-3.
           05  F094-BIN PIC S9(9) COMP.
           05  F095-SGN PIC S9(5)V99.
           05  F096-DAT PIC 9(8).
           05  F097-TXT PIC X(12).
           05  F098-NUM PIC 9(7).
           05  F099-PKD PIC S9(9)V99 COMP-3.
           05  F100-BIN PIC S9(9) COMP.
           05  F101-SGN PIC S9(5)V99.
           05  F102-DAT PIC 9(8).
           05  F103-TXT PIC X(12).
           05  F104-NUM PIC 9(7).
           05  F105-PKD PIC S9(9)V99 COMP-3.
           05  F106-BIN PIC S9(9) COMP.
           05  F107-SGN PIC S9(5)V99.
           05  F108-DAT PIC 9(8).
           05  F109-TXT PIC X(12).
           05  F110-NUM PIC 9(7).
           05  F111-PKD PIC S9(9)V99 COMP-3.
           05  F112-BIN PIC S9(9) COMP.
           05  F113-SGN PIC S9(5)V99.
           05  F114-DAT PIC 9(8).
           05  F115-TXT PIC X(12).
           05  F116-NUM PIC 9(7).
           05  F117-PKD PIC S9(9)V99 COMP-3.
           05  F118-BIN PIC S9(9) COMP.
           05  F119-SGN PIC S9(5)V99.
           05  F120-DAT PIC 9(8).
           05  F121-TXT PIC X(12).
           05  F122-NUM PIC 9(7).
           05  F123-PKD PIC S9(9)V99 COMP-3.
           05  F124-BIN PIC S9(9) COMP.
           05  F125-SGN PIC S9(5)V99.
           05  F126-DAT PIC 9(8).
           05  F127-TXT PIC X(12).
           05  F128-NUM PIC 9(7).
           05  F129-PKD PIC S9(9)V99 COMP-3.
           05  F130-BIN PIC S9(9) COMP.
           05  F131-SGN PIC S9(5)V99.
           05  F132-DAT PIC 9(8).
           05  F133-TXT PIC X(12).
           05  F134-NUM PIC 9(7).
           05  F135-PKD PIC S9(9)V99 COMP-3.
           05  F136-BIN PIC S9(9) COMP.
           05  F137-SGN PIC S9(5)V99.
           05  F138-DAT PIC 9(8).
           05  F139-TXT PIC X(12).
           05  F140-NUM PIC 9(7).
           05  F141-PKD PIC S9(9)V99 COMP-3.
           05  F142-BIN PIC S9(9) COMP.
           05  F143-SGN PIC S9(5)V99.
           05  F144-DAT PIC 9(8).
           05  F145-TXT PIC X(12).
           05  F146-NUM PIC 9(7).
           05  F147-PKD PIC S9(9)V99 COMP-3.
           05  F148-BIN PIC S9(9) COMP.
           05  F149-SGN PIC S9(5)V99.
           05  F150-DAT PIC 9(8).
           05  F151-TXT PIC X(12).
           05  F152-NUM PIC 9(7).
           05  F153-PKD PIC S9(9)V99 COMP-3.
           05  F154-BIN PIC S9(9) COMP.
           05  F155-SGN PIC S9(5)V99.
           05  F156-DAT PIC 9(8).
           05  F157-TXT PIC X(12).
           05  F158-NUM PIC 9(7).
           05  F159-PKD PIC S9(9)V99 COMP-3.
           05  F160-BIN PIC S9(9) COMP.
           05  F161-SGN PIC S9(5)V99.
           05  F162-DAT PIC 9(8).
           05  F163-TXT PIC X(12).
           05  F164-NUM PIC 9(7).
           05  F165-PKD PIC S9(9)V99 COMP-3.
           05  F166-BIN PIC S9(9) COMP.
           05  F167-SGN PIC S9(5)V99.
           05  FILLER PIC X(117).
