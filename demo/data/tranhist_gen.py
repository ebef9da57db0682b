#!/usr/bin/env python3
"""The demo bank's transaction history as DB2 for z/OS would unload it.

Writes, next to this script:
  TRANHIST.punch  the SYSPUNCH (LOAD statement) UNLOAD generates for
                  BANKPROD.TRAN_HISTORY, OBID X'0042', EBCDIC CCSID 37
  TRANHIST.ddl    the table's DDL (the punch gives no DECIMAL scales)
  tranhist.dat    the SYSREC data set: fixed records of 124 bytes, a 2-byte
                  OBID, a null indicator before each nullable column,
                  packed decimals, VARCHAR padded to its maximum

The accounts are those of acctmast.expected.tsv (the account master of
the demo); amounts keep each account's running balance.  Deterministic.
"""

import csv
import os
import random

HERE = os.path.dirname(os.path.abspath(__file__))

PUNCH = """\
TEMPLATE SREC DSN('BANK.UNLOAD.TRANHIST.SYSREC') DISP(OLD,KEEP,KEEP)
LOAD DATA INDDN SREC LOG NO RESUME YES
 EBCDIC  CCSID(00037,00000,00000)
 INTO TABLE "BANKPROD"."TRAN_HISTORY"
 WHEN(00001:00002) = X'0042'
 ( "TRAN_ID"
        POSITION(  00003:00010) BIGINT
 , "ACCT_NUMBER"
        POSITION(  00011:00020) CHAR(00010)
 , "TRAN_TS"
        POSITION(  00021:00046) TIMESTAMP EXTERNAL(026)
 , "TRAN_TYPE"
        POSITION(  00047:00049) CHAR(00003)
 , "AMOUNT"
        POSITION(  00050:00056) DECIMAL
 , "BALANCE_AFTER"
        POSITION(  00057:00064) DECIMAL
 , "CHANNEL"
        POSITION(  00065:00070) CHAR(00006)
 , "MEMO"
        POSITION(  00072:00113) VARCHAR
                          NULLIF(00071)=X'FF'
 , "COUNTERPARTY"
        POSITION(  00115:00124) CHAR(00010)
                          NULLIF(00114)=X'FF'
 )
"""

DDL = """\
CREATE TABLE BANKPROD.TRAN_HISTORY
     ( TRAN_ID              BIGINT         NOT NULL
     , ACCT_NUMBER          CHAR(10)       NOT NULL
     , TRAN_TS              TIMESTAMP      NOT NULL
     , TRAN_TYPE            CHAR(3)        NOT NULL
     , AMOUNT               DECIMAL(13,2)  NOT NULL
     , BALANCE_AFTER        DECIMAL(15,2)  NOT NULL
     , CHANNEL              CHAR(6)        NOT NULL
     , MEMO                 VARCHAR(40)
     , COUNTERPARTY         CHAR(10)
     , PRIMARY KEY (TRAN_ID)
     )
  IN BANKDB.TRANTS
  CCSID EBCDIC;
"""


def packed(value, digits):
    s = str(abs(value)).rjust(digits, '0')
    nibbles = [int(c) for c in s] + [0xD if value < 0 else 0xC]
    return bytes(nibbles[i] * 16 + nibbles[i + 1] for i in range(0, len(nibbles), 2))


def main():
    rng = random.Random(42)
    with open(os.path.join(HERE, 'acctmast.expected.tsv'), encoding='utf-8') as f:
        accounts = [row for row in csv.DictReader(f, delimiter='\t')
                    if row['acct_status'] in ('A', 'F')]
    balance = {a['acct_number']: int(round(float(a['acct_current_bal']) * 100)) for a in accounts}
    picks = rng.sample(sorted(balance), 400)
    memos = ['PAYROLL ACME CORP', 'RENT JUNE', 'GROCERY STORE 114', 'TRANSFER TO SAVINGS',
             'CAFE SÃO JOSÉ', 'UTILITY BILL', 'MONTHLY FEE', 'INTEREST CREDIT', 'ATM 0421 MAIN ST']
    records = []
    for tran_id in range(1, 2501):
        acct = rng.choice(picks)
        day = rng.randint(1, 30)
        ts = '2025-06-%02d-%02d.%02d.%02d.%06d' % (day, rng.randint(0, 23), rng.randint(0, 59),
                                                  rng.randint(0, 59), rng.randint(0, 999999))
        kind = rng.choices(['DEP', 'WDR', 'FEE', 'INT', 'TRF'], [30, 40, 5, 5, 20])[0]
        cents = rng.randint(100, 250000) if kind in ('DEP', 'WDR', 'TRF') else rng.randint(50, 2500)
        amount = -cents if kind in ('WDR', 'FEE', 'TRF') else cents
        balance[acct] += amount
        channel = 'BRANCH' if kind in ('FEE', 'INT') else rng.choice(['BRANCH', 'ATM   ', 'MOBILE', 'ONLINE'])
        memo = rng.choice(memos) if rng.random() < 0.7 else None
        counter = '%010d' % rng.randint(4000100000, 4000700000) if kind == 'TRF' else None
        r = bytearray(b'\x00\x42')
        r += tran_id.to_bytes(8, 'big')
        r += acct.encode('cp037')
        r += ts.encode('cp037')
        r += kind.encode('cp037')
        r += packed(amount, 13)
        r += packed(balance[acct], 15)
        r += channel.encode('cp037')
        if memo is None:
            r += b'\xff' + bytes(42)
        else:
            m = memo.encode('cp037')
            r += b'\x00' + len(m).to_bytes(2, 'big') + m + b'\x40' * (40 - len(m))
        r += b'\xff' + bytes(10) if counter is None else b'\x00' + counter.encode('cp037')
        assert len(r) == 124, len(r)
        records.append(bytes(r))
    with open(os.path.join(HERE, 'tranhist.dat'), 'wb') as f:
        f.write(b''.join(records))
    with open(os.path.join(HERE, 'TRANHIST.punch'), 'w', encoding='ascii') as f:
        f.write(PUNCH)
    with open(os.path.join(HERE, 'TRANHIST.ddl'), 'w', encoding='ascii') as f:
        f.write(DDL)


if __name__ == '__main__':
    main()
