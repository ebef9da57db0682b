#!/usr/bin/env python3
"""acctcdc.py: write acctcdc.dat, 24 minutes of changes to the account master.

The demo bank's account master (acctmast.dat, as of 2025-06-30) changes
during some 24 minutes: card payments and deposits, transfers between two
accounts in one unit of recovery, an account opened, one closed, a closed
one purged, a holder's name corrected, an account frozen.  A log-based
capture program writes each change as an ACCTCDC.cpy record (RECFM FB,
LRECL 277, cp037): operation, extended LRSN, STCK commit time, unit of
recovery, table name, the row, the before image.

The times end at --end, the commit time of the last unit of recovery: by
default the moment this program runs.  "make demo" runs it each time,
into its scratch directory, so that the lag the demo shows is that of a
live feed, seconds.  The changes and their spacing do not depend on
--end; the dates in the rows (last activity, the new account's opening)
are those of the change.  With --end 2025-07-01T08:23:43.585618 the
changes are those of the morning of 2025-07-01.

The rows start from the values acctgen.cbl DISPLAYed (acctmast.expected.tsv).
The encoder of the 120-byte row is checked first against every record
GnuCOBOL wrote into acctmast.dat, byte for byte.  Clock values as in
test/data/cdc/generate.py (z/Architecture TOD clock, checked there against
IBM's published value).  Deterministic for a given --end.

Run: python3 demo/data/acctcdc.py [--out FILE] [--end now|TIME]
(TIME in UTC, YYYY-MM-DDTHH:MM:SS[.ffffff]; FILE defaults to acctcdc.dat
beside this program)
"""

import argparse
import copy
import datetime as dt
import os
import random
import sys
from decimal import Decimal

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, '..', '..', 'test', 'data', 'cdc'))
from generate import UTC, ebcdic, ext_lrsn, pack_decimal, stck  # noqa: E402

COLUMNS = ['acct_number', 'acct_customer_id', 'acct_holder_name', 'acct_branch',
           'acct_product_code', 'acct_currency', 'acct_open_date', 'acct_status',
           'acct_current_bal', 'acct_available_bal', 'acct_overdraft_limit',
           'acct_interest_rate', 'acct_last_activity']


def zoned(v, n):
    """Unsigned PIC 9(n) DISPLAY: one digit a byte, zone F."""
    s = str(v).rjust(n, '0')
    assert len(s) == n
    return bytes(0xF0 + int(c) for c in s)


def row_bytes(r):
    """The 120-byte ACCT-MASTER-REC of a row; low-values without a row."""
    if r is None:
        return b'\x00' * 120
    b = (zoned(r['acct_number'], 10) + zoned(r['acct_customer_id'], 8) +
         ebcdic(r['acct_holder_name'], 30) + zoned(r['acct_branch'], 4) +
         ebcdic(r['acct_product_code'], 3) + ebcdic(r['acct_currency'], 3) +
         zoned(r['acct_open_date'], 8) + ebcdic(r['acct_status'], 1) +
         pack_decimal(r['acct_current_bal'], 15, 2) +
         pack_decimal(r['acct_available_bal'], 15, 2) +
         pack_decimal(r['acct_overdraft_limit'], 11, 2) +
         pack_decimal(r['acct_interest_rate'], 7, 4) +
         zoned(r['acct_last_activity'], 8) + ebcdic('', 19))
    assert len(b) == 120
    return b


def read_master():
    rows = {}
    with open(os.path.join(HERE, 'acctmast.expected.tsv'), encoding='utf-8') as f:
        next(f)
        for line in f:
            v = line.rstrip('\n').split('\t')
            r = dict(zip(COLUMNS, v))
            for c in ('acct_number', 'acct_customer_id', 'acct_branch', 'acct_open_date',
                      'acct_last_activity'):
                r[c] = int(r[c])
            for c in ('acct_current_bal', 'acct_available_bal', 'acct_overdraft_limit',
                      'acct_interest_rate'):
                r[c] = Decimal(r[c])
            r['acct_holder_name'] = r['acct_holder_name'].rstrip(' ')
            rows[r['acct_number']] = r
    # the encoder against GnuCOBOL's bytes
    with open(os.path.join(HERE, 'acctmast.dat'), 'rb') as f:
        data = f.read()
    assert len(data) == 120 * len(rows)
    for i, k in enumerate(rows):
        assert data[i * 120:(i + 1) * 120] == row_bytes(rows[k]), k
    return rows


def yyyymmdd(t):
    """A PIC 9(8) date of a time: its UTC day as YYYYMMDD."""
    return int(t.strftime('%Y%m%d'))


def changes(master, start):
    """The changes to master (changed in place) from the time start on.

    Returns the records (op, log time, row, before, unit of recovery)."""
    rng = random.Random(20250701)
    clock = start
    rba = 0x0000A3F2C000
    records = []                # (op, log time, row, before, ur)
    active = sorted(k for k, r in master.items() if r['acct_status'] == 'A')
    closed = sorted(k for k, r in master.items() if r['acct_status'] == 'C')

    def tick(lo, hi):
        nonlocal clock
        clock += dt.timedelta(microseconds=rng.randrange(lo, hi))
        return clock

    def change(ur, op, key, **values):
        before = dict(master[key]) if key in master else None
        t = tick(300, 3000)
        if op == 'D':
            del master[key]
            records.append(('D', t, before, None, ur))
            return
        after = dict(before or {}, **values)
        after['acct_last_activity'] = yyyymmdd(t)
        if op == 'I':
            after['acct_open_date'] = yyyymmdd(t)
        master[after['acct_number']] = after
        records.append((op, t, after, before if op == 'U' else None, ur))

    def money(lo, hi):
        return Decimal(rng.randrange(lo * 100, hi * 100)).scaleb(-2)

    for n in range(32):
        rba += rng.randrange(0x300, 0x2000)
        ur = {'urid': rba}
        kind = n % 8
        if kind in (0, 1, 2, 4):            # a card payment or a deposit
            k = rng.choice(active)
            r = master[k]
            # a payment never goes past the overdraft limit
            amount = max(money(-900, 2500),
                         -(r['acct_available_bal'] + r['acct_overdraft_limit']))
            change(ur, 'U', k, acct_current_bal=r['acct_current_bal'] + amount,
                   acct_available_bal=r['acct_available_bal'] + amount)
        elif kind in (3, 6):                # a transfer: two rows, one unit
            a, b = rng.sample(active, 2)
            ra, rb = master[a], master[b]
            amount = min(money(50, 5000), max(ra['acct_available_bal'], Decimal('0.00')))
            change(ur, 'U', a, acct_current_bal=ra['acct_current_bal'] - amount,
                   acct_available_bal=ra['acct_available_bal'] - amount)
            change(ur, 'U', b, acct_current_bal=rb['acct_current_bal'] + amount,
                   acct_available_bal=rb['acct_available_bal'] + amount)
        elif n == 5:                        # an account opened
            change(ur, 'I', 4000700001, acct_number=4000700001,
                   acct_customer_id=master[active[0]]['acct_customer_id'],
                   acct_holder_name=master[active[0]]['acct_holder_name'],
                   acct_branch=101, acct_product_code='SAV', acct_currency='EUR',
                   acct_status='A',
                   acct_current_bal=Decimal('1000.00'), acct_available_bal=Decimal('1000.00'),
                   acct_overdraft_limit=Decimal('0.00'), acct_interest_rate=Decimal('2.7500'))
        elif n == 13:                       # a closed account purged
            change(ur, 'D', closed[0])
        elif n == 21:                       # a name corrected
            change(ur, 'U', active[10], acct_holder_name='Zoë Ångström-Nuñez')
        elif n == 29:                       # an account frozen
            change(ur, 'U', active[20], acct_status='F')
        else:                               # an account closed: paid out
            k = rng.choice(active)
            active.remove(k)
            change(ur, 'U', k, acct_status='C', acct_current_bal=Decimal('0.00'),
                   acct_available_bal=Decimal('0.00'))
        ur['commit'] = tick(200, 900)
        ur['sub'] = rng.randrange(1, 4096)
        tick(20000000, 80000000)            # 20 to 80 seconds to the next
    return records


def parse_end(text):
    """--end: 'now', or a UTC time in ISO 8601 without a zone."""
    if text == 'now':
        return dt.datetime.now(UTC)
    try:
        t = dt.datetime.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError("not 'now' nor a time YYYY-MM-DDTHH:MM:SS[.ffffff]: %r" % text)
    if t.tzinfo is not None:
        raise argparse.ArgumentTypeError("give the time in UTC, without a zone: %r" % text)
    return t.replace(tzinfo=UTC)


def main():
    ap = argparse.ArgumentParser(description='Write the change extract of the demo.')
    ap.add_argument('--out', default=os.path.join(HERE, 'acctcdc.dat'),
                    help='the file to write (default: acctcdc.dat beside this program)')
    ap.add_argument('--end', type=parse_end, default='now',
                    help="the commit time of the last change, UTC: 'now' (default) or "
                         "YYYY-MM-DDTHH:MM:SS[.ffffff]")
    args = ap.parse_args()
    master = read_master()

    # The spacing of the changes is fixed: a first pass from an arbitrary
    # origin measures the span, the second ends at --end.
    origin = dt.datetime(2025, 7, 1, 8, 0, 3, 120000, tzinfo=UTC)
    span = changes(copy.deepcopy(master), origin)[-1][4]['commit'] - origin
    records = changes(master, args.end - span)

    with open(args.out, 'wb') as f:
        for i, (op, t, row, before, ur) in enumerate(records, 1):
            b = (ebcdic(op, 1) + ext_lrsn(t, (i * 7919) % (1 << 20)) +
                 stck(ur['commit'], ur['sub']) + b'\x00' * 4 + ur['urid'].to_bytes(6, 'big') +
                 ebcdic('ACCTMAST', 8) + row_bytes(row) +
                 row_bytes(before if op == 'U' else None))
            assert len(b) == 277
            f.write(b)

if __name__ == '__main__':
    main()
