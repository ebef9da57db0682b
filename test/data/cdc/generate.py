#!/usr/bin/env python3
"""generate.py: write the change-extract fixtures of test/data/cdc.

A small model of two DB2 tables (ACCOUNT, TXN) runs a history of units
of recovery (transactions); every change it makes is recorded.  Writers
turn the recorded changes into the files a capture program would deliver:

  positional/  EBCDIC (cp037) change records by CDCBANK.cpy (RECFM FB,
               10-byte extended LRSN) and CDCBANK6.cpy (RECFM VB, 6-byte
               LRSN, the before image only in updates)
  iidr/        IIDR flat files for DataStage, single-record and
               multiple-record formats
  dms/         AWS DMS CSV: per-table files with a header and a full load;
               the transaction-ordered form (op, table, schema, ...)

The expected final table states (expected_*.csv) are the model's own
tables after the history: what the source database holds.  They are
worked out here, by applying each change to a Python dict as the source
database did, never by zfdw.  The files add what real delivery adds (a
unit of recovery delivered twice after a capture restart, a record
written twice, a full load overlapping the first changes), which the
apply must absorb to reach the same state.

Every byte of the EBCDIC files is built here: text through Python's
cp037 codec (independent of the glibc iconv tables zfdw uses), binary and
packed decimal numbers by hand (see pack_decimal, be_int).  The TOD clock
values are computed from the times by the rule of the z/Architecture
Principles of Operation (see tod_micros below) and checked against the
value IBM publishes for 1972-01-01 00:00:00 UTC; zfdw's decoder is never
used to make them.

The output is deterministic (random.Random with fixed seeds, CPython 3.2
or later).  Run from anywhere: python3 test/data/cdc/generate.py
"""

import csv
import datetime as dt
import os
import random
import struct
from decimal import Decimal

HERE = os.path.dirname(os.path.abspath(__file__))
UTC = dt.timezone.utc

# ---------------------------------------------------------------------
# TOD clock arithmetic (z/Architecture Principles of Operation, "TOD
# clock"): the clock counts from 1900-01-01 00:00:00 UTC; bit 51 of the
# 64-bit value STCK stores is one microsecond, so STCK = microseconds
# * 4096 plus 12 bits below the microsecond.  STCKE stores 16 bytes: an
# epoch index byte (0 until 2042), the same 64 bits, 40 more bits below
# them, and a 2-byte programmable field.  DB2's LRSN is STCK bits 0-47
# (6 bytes, 16 microseconds a unit); the extended LRSN is STCKE bytes
# 0-9 (the epoch byte, STCK's 8 bytes, and 8 bits below them).  No leap
# seconds: the clocks in these files run on UTC.
# ---------------------------------------------------------------------
TOD_EPOCH = dt.datetime(1900, 1, 1, tzinfo=UTC)


def tod_micros(t):
    """Microseconds from the TOD epoch to t (an aware datetime)."""
    d = t - TOD_EPOCH
    return (d.days * 86400 + d.seconds) * 1000000 + d.microseconds


# IBM's figure: the TOD clock reads X'8126 D60E 4600 0000' at
# 1972-01-01 00:00:00 UTC (Principles of Operation, "Setting and
# Inspecting the Clock").  2,272,060,800 seconds * 10^6 * 4096.
assert tod_micros(dt.datetime(1972, 1, 1, tzinfo=UTC)) * 4096 == 0x8126D60E46000000

# Worked by hand, the commit time of the first record of the positional
# files, 2024-03-01 09:00:00.383919 UTC: 124 years from 1900 with 30 leap
# days (1904 ... 2020), then 31 + 29 days of 2024: 45,350 days; 45,350 *
# 86,400 + 9 * 3,600 = 3,918,272,400 seconds; with the microseconds
# 3,918,272,400,383,919 microseconds, times 4096: STCK X'DEBA5E28 EDFAF000',
# plus the 12 bits below the microsecond (X'03A' in that record).
assert tod_micros(dt.datetime(2024, 3, 1, 9, 0, 0, 383919, tzinfo=UTC)) == 3918272400383919
assert 3918272400383919 * 4096 == 0xDEBA5E28EDFAF000


def stck(t, sub):
    """8-byte STCK value of t, with sub (0..4095) in the 12 bits below
    the microsecond (a real clock has them; readers truncate them)."""
    assert 0 <= sub < 4096
    return (tod_micros(t) * 4096 + sub).to_bytes(8, 'big')


def ext_lrsn(t, sub):
    """10-byte extended LRSN of t: epoch byte 0, then the 72 high bits of
    the TOD clock: microseconds * 2^20 plus 20 bits below them."""
    assert 0 <= sub < (1 << 20)
    return b'\x00' + (tod_micros(t) * (1 << 20) + sub).to_bytes(9, 'big')


def lrsn6(t):
    """6-byte LRSN of t: STCK bits 0-47, that is microseconds / 16."""
    return (tod_micros(t) // 16).to_bytes(6, 'big')


def lrsn6_time(t):
    """The time a 6-byte LRSN stands for: t rounded down to 16 microseconds
    counted from the TOD epoch."""
    return TOD_EPOCH + dt.timedelta(microseconds=tod_micros(t) // 16 * 16)


# ---------------------------------------------------------------------
# EBCDIC field encoders
# ---------------------------------------------------------------------
def ebcdic(s, n):
    """PIC X(n): cp037, padded with blanks (X'40')."""
    b = s.encode('cp037')
    assert len(b) <= n, s
    return b + b'\x40' * (n - len(b))


def be_int(v, n):
    """COMP (binary) of n bytes, big-endian two's complement."""
    return v.to_bytes(n, 'big', signed=True)


def pack_decimal(v, digits, scale):
    """COMP-3 of PIC S9(digits-scale)V9(scale): one digit a nibble, a
    leading zero nibble when digits is even, sign nibble C (+) or D (-)."""
    unscaled = int(v.scaleb(scale))
    assert Decimal(unscaled).scaleb(-scale) == v, v
    s = str(abs(unscaled)).rjust(digits, '0')
    assert len(s) == digits, v
    if digits % 2 == 0:
        s = '0' + s
    s += 'D' if unscaled < 0 else 'C'
    return bytes.fromhex(s)


def db2_ts(t):
    """DB2 timestamp text: YYYY-MM-DD-HH.MM.SS.nnnnnn."""
    return t.strftime('%Y-%m-%d-%H.%M.%S.%f')


def iso_ts(t):
    return t.strftime('%Y-%m-%d %H:%M:%S.%f')


# ---------------------------------------------------------------------
# The source database: tables as dicts, units of recovery that record
# every change with its before and after row.
# ---------------------------------------------------------------------
KEYS = {'ACCOUNT': 'acct_id', 'TXN': 'txn_id'}
COLUMNS = {
    'ACCOUNT': ['acct_id', 'acct_name', 'acct_balance', 'acct_status', 'acct_updated'],
    'TXN': ['txn_id', 'txn_acct_id', 'txn_amount', 'txn_booked', 'txn_memo'],
}


class Change:
    def __init__(self, table, op, before, after, log_time):
        self.table, self.op, self.before, self.after = table, op, before, after
        self.log_time = log_time


class UR:
    """A unit of recovery: its changes, id, user and commit time."""

    def __init__(self, db, urid, user):
        self.db, self.urid, self.user, self.changes = db, urid, user, []

    def _log(self, table, op, before, after):
        self.db.clock += dt.timedelta(microseconds=self.db.rng.randrange(1000, 90000))
        self.changes.append(Change(table, op, before, after, self.db.clock))

    def insert(self, table, **row):
        t = self.db.tables[table]
        k = row[KEYS[table]]
        assert k not in t, (table, k)
        row = self.db.stamp(table, row)
        t[k] = row
        self._log(table, 'I', None, dict(row))

    def update(self, table, key, **changes):
        t = self.db.tables[table]
        before = t.pop(key)
        after = self.db.stamp(table, dict(before, **changes))
        assert after[KEYS[table]] not in t, (table, after)
        t[after[KEYS[table]]] = after
        self._log(table, 'U', dict(before), dict(after))

    def delete(self, table, key):
        before = self.db.tables[table].pop(key)
        self._log(table, 'D', dict(before), None)

    def mass_delete(self, table):
        self.db.tables[table].clear()
        self._log(table, 'M', None, None)


class SourceDB:
    def __init__(self, seed, start):
        self.rng = random.Random(seed)
        self.clock = start
        self.tables = {'ACCOUNT': {}, 'TXN': {}}
        self.urs = []
        self.rba = 0x00001A2B3C00

    def stamp(self, table, row):
        """The ACCOUNT row's last update time, as DB2 would set it."""
        if table == 'ACCOUNT':
            row = dict(row, acct_updated=self.clock.replace(tzinfo=None))
        return row

    def ur(self, user):
        self.rba += self.rng.randrange(0x200, 0x4000)
        u = UR(self, self.rba, user)
        self.urs.append(u)
        return u

    def commit(self, u):
        self.clock += dt.timedelta(microseconds=self.rng.randrange(200, 5000))
        u.commit_time = self.clock
        u.commit_sub = self.rng.randrange(1, 4096)
        self.clock += dt.timedelta(seconds=self.rng.randrange(2, 40),
                                   microseconds=self.rng.randrange(0, 999999))

    def snapshot(self):
        return {t: {k: dict(r) for k, r in rows.items()} for t, rows in self.tables.items()}


FIRST = ['José', 'Søren', 'Ana', 'François', 'Zoë', 'Björn', 'Ingrid', 'Chloé',
         'Mateo', 'Ñusta', 'Grace', 'Olaf', 'Amélie', 'Ravi', 'Siobhán', 'Lars']
LAST = ['Nuñez', 'Müller', 'Smith', 'Ångström', 'Kowalski', 'Dubois', 'García',
        'Okafor', "O'Brien", 'Jensen', 'Rossi', 'Łuk', 'Haas', 'Brontë']


def name(rng):
    while True:
        n = '%s %s' % (rng.choice(FIRST), rng.choice(LAST))
        try:
            n.encode('cp037')
        except UnicodeEncodeError:
            continue            # cp037 is Latin-1: no Ł
        if len(n) <= 20:
            return n


def money(rng, lo, hi):
    return Decimal(rng.randrange(lo * 100, hi * 100)).scaleb(-2)


def random_history(db, n_urs, acct_ids, txn_ids, key_changes, mass_deletes,
                   tables=('ACCOUNT', 'TXN'), users=('TELLER07', 'BATCH01', 'ONLINE3')):
    """n_urs random units of recovery over the tables; every change is
    valid in the source database (no duplicate keys, no missing rows)."""
    rng = db.rng
    for _ in range(n_urs):
        u = db.ur(rng.choice(users))
        for _ in range(rng.randrange(1, 5)):
            table = rng.choice(tables)
            rows = db.tables[table]
            r = rng.random()
            if table == 'ACCOUNT':
                if r < 0.3 or len(rows) < 3:
                    u.insert('ACCOUNT', acct_id=next(acct_ids), acct_name=name(rng),
                             acct_balance=money(rng, -500, 90000),
                             acct_status=rng.choice('AADF'))
                elif r < 0.8:
                    k = rng.choice(sorted(rows))
                    if key_changes and rng.random() < 0.1:
                        u.update('ACCOUNT', k, acct_id=next(acct_ids))
                    else:
                        u.update('ACCOUNT', k, acct_balance=money(rng, -500, 90000),
                                 acct_status=rng.choice('AAADFC'))
                else:
                    u.delete('ACCOUNT', rng.choice(sorted(rows)))
            else:
                accts = sorted(db.tables['ACCOUNT']) or [0]
                if mass_deletes and r < 0.03:
                    u.mass_delete('TXN')
                elif r < 0.6 or len(rows) < 3:
                    u.insert('TXN', txn_id=next(txn_ids), txn_acct_id=rng.choice(accts),
                             txn_amount=money(rng, -2000, 2000),
                             txn_booked=db.clock.replace(tzinfo=None),
                             txn_memo=rng.choice(['ATM', 'SEPA IN', 'CARD 4411', 'FEE', 'SALARY']))
                elif r < 0.8:
                    k = rng.choice(sorted(rows))
                    if key_changes and rng.random() < 0.15:
                        u.update('TXN', k, txn_id=next(txn_ids))
                    else:
                        u.update('TXN', k, txn_memo=rng.choice(['REVERSED', 'DISPUTED', 'CORRECTED']))
                else:
                    u.delete('TXN', rng.choice(sorted(rows)))
        db.commit(u)


def counter(start):
    n = start
    while True:
        yield n
        n += 1


# ---------------------------------------------------------------------
# CSV output
# ---------------------------------------------------------------------
def csv_value(v):
    if v is None:
        return ''
    if isinstance(v, dt.datetime):
        return iso_ts(v)
    return str(v)


def write_state(path, table, rows):
    """A table state as CSV with a header, in key order."""
    with open(path, 'w', newline='', encoding='utf-8') as f:
        w = csv.writer(f, lineterminator='\n')
        w.writerow(COLUMNS[table])
        for k in sorted(rows):
            w.writerow([csv_value(rows[k][c]) for c in COLUMNS[table]])


def out(*parts):
    p = os.path.join(HERE, *parts)
    os.makedirs(os.path.dirname(p), exist_ok=True)
    return p


# ---------------------------------------------------------------------
# Positional EBCDIC records
# ---------------------------------------------------------------------
def row_image(table, row):
    """The 58-byte ACCOUNT or 60-byte TXN row image; low-values without
    a row."""
    n = 58 if table == 'ACCOUNT' else 60
    if row is None:
        return b'\x00' * n
    if table == 'ACCOUNT':
        b = (be_int(row['acct_id'], 4) + ebcdic(row['acct_name'], 20) +
             pack_decimal(row['acct_balance'], 13, 2) + ebcdic(row['acct_status'], 1) +
             ebcdic(db2_ts(row['acct_updated']), 26))
    else:
        b = (be_int(row['txn_id'], 8) + be_int(row['txn_acct_id'], 4) +
             pack_decimal(row['txn_amount'], 11, 2) +
             ebcdic(db2_ts(row['txn_booked']), 26) + ebcdic(row['txn_memo'], 16))
    assert len(b) == n
    return b


def record_list(urs):
    """The records of the URs in commit order, each a (UR, change, index)
    where index numbers the change in the history (1, 2, ...)."""
    recs = []
    n = 0
    for u in urs:
        for c in u.changes:
            n += 1
            recs.append((u, c, n))
    return recs


def positional_fb(rec):
    """A CDCBANK.cpy record (FB, LRECL 157)."""
    u, c, n = rec
    image = c.after if c.op in ('I', 'U') else c.before
    before = c.before if c.op == 'U' else None
    b = (ebcdic(c.op, 1) + ext_lrsn(c.log_time, (n * 7919) % (1 << 20)) +
         stck(u.commit_time, u.commit_sub) + b'\x00' * 4 + u.urid.to_bytes(6, 'big') +
         ebcdic(c.table, 8) + row_image(c.table, image) + row_image(c.table, before))
    return b + b'\x40' * (157 - len(b))


def positional_vb(rec):
    """A CDCBANK6.cpy record with its RDW (VB)."""
    u, c, n = rec
    image = c.after if c.op in ('I', 'U') else c.before
    b = (ebcdic(c.op, 1) + lrsn6(c.log_time) + stck(u.commit_time, u.commit_sub) +
         u.urid.to_bytes(6, 'big') + ebcdic(c.table, 8) +
         be_int(1 if c.op == 'U' else 0, 2) + row_image(c.table, image))
    if c.op == 'U':
        b += row_image(c.table, c.before)
    return struct.pack('>HH', len(b) + 4, 0) + b


def positional():
    """The positional extracts: three files, FB and VB, of one history."""
    db = SourceDB(seed=61, start=dt.datetime(2024, 3, 1, 9, 0, 0, 250000, tzinfo=UTC))
    acct_ids = counter(1100)
    txn_ids = counter(500000000000000001)
    # the source tables when the extract starts
    for i in range(12):
        db.tables['ACCOUNT'][1001 + i] = dict(
            acct_id=1001 + i, acct_name=name(db.rng), acct_balance=money(db.rng, 0, 50000),
            acct_status='A', acct_updated=dt.datetime(2024, 2, 28, 17, 0, i, 123456))
    for i in range(6):
        k = 400000000000000001 + i
        db.tables['TXN'][k] = dict(
            txn_id=k, txn_acct_id=1001 + i, txn_amount=money(db.rng, -900, 900),
            txn_booked=dt.datetime(2024, 2, 29, 12, 0, i), txn_memo='OPENING')

    # the first units of recovery, written out: every kind of change,
    # before the cache's seed is taken
    u = db.ur('TELLER07')                       # 1: insert, update, insert
    u.insert('ACCOUNT', acct_id=1050, acct_name='Zoë Brontë', acct_balance=Decimal('250.00'),
             acct_status='A')
    u.update('ACCOUNT', 1001, acct_balance=Decimal('-12.34'))
    u.insert('TXN', txn_id=500000000000000000, txn_acct_id=1050, txn_amount=Decimal('250.00'),
             txn_booked=db.clock.replace(tzinfo=None), txn_memo='OPENING')
    db.commit(u)
    u = db.ur('BATCH01')                        # 2: key change, delete
    u.update('ACCOUNT', 1002, acct_id=1060, acct_status='D')
    u.delete('ACCOUNT', 1003)
    u.delete('TXN', 400000000000000001)
    db.commit(u)
    u = db.ur('ONLINE3')                        # 3: one key three times; insert + delete
    u.insert('ACCOUNT', acct_id=1070, acct_name='Søren Ångström', acct_balance=Decimal('0.00'),
             acct_status='A')
    u.update('ACCOUNT', 1070, acct_balance=Decimal('99999999999.99'))
    u.update('ACCOUNT', 1070, acct_balance=Decimal('-99999999999.99'), acct_status='F')
    u.insert('ACCOUNT', acct_id=1071, acct_name='Temp Account', acct_balance=Decimal('1.00'),
             acct_status='A')
    u.delete('ACCOUNT', 1071)
    db.commit(u)
    u = db.ur('TELLER07')                       # 4: key change and back
    u.update('ACCOUNT', 1004, acct_id=1080)
    u.update('ACCOUNT', 1080, acct_id=1004, acct_name='José Nuñez')
    u.update('TXN', 400000000000000002, txn_id=400000000000000099, txn_memo='RENUMBERED')
    db.commit(u)
    seed = db.snapshot()                        # the cache's seed: after UR 4
    n_seeded = len(db.urs)

    random_history(db, 44, acct_ids, txn_ids, key_changes=True, mass_deletes=False)
    u = db.ur('BATCH01')                        # a mass delete, and new rows after it
    u.mass_delete('TXN')
    for _ in range(3):
        u.insert('TXN', txn_id=next(txn_ids), txn_acct_id=sorted(db.tables['ACCOUNT'])[0],
                 txn_amount=Decimal('10.00'), txn_booked=db.clock.replace(tzinfo=None),
                 txn_memo='AFTER PURGE')
    db.commit(u)
    random_history(db, 11, acct_ids, txn_ids, key_changes=True, mass_deletes=False)

    # three files: URs 1-20, 21-40, 41-60; the capture program restarted
    # before the second file and delivers URs 19 and 20 again; in the third
    # file a record is written twice
    urs = db.urs
    assert len(urs) == 60
    files = [('CDC.D2024061.T090000', urs[0:20]),
             ('CDC.D2024061.T091500', urs[18:40]),
             ('CDC.D2024061.T093000', urs[40:60])]
    headers = []
    for fname, furs in files:
        recs = record_list(furs)
        # number the records as in the whole history
        first = sum(len(u.changes) for u in urs[:urs.index(furs[0])])
        recs = [(u, c, n + first) for (u, c, n) in recs]
        if fname.endswith('T093000'):
            recs.insert(5, recs[4])
        with open(out('positional', fname + '.fb'), 'wb') as f:
            for r in recs:
                f.write(positional_fb(r))
        with open(out('positional', fname + '.vb'), 'wb') as f:
            for r in recs:
                f.write(positional_vb(r))
        for i, (u, c, n) in enumerate(recs, 1):
            headers.append([fname, i, c.op, ext_lrsn(c.log_time, (n * 7919) % (1 << 20)).hex(),
                            lrsn6(c.log_time).hex(), iso_ts(c.log_time), iso_ts(lrsn6_time(c.log_time)),
                            iso_ts(u.commit_time), ('00000000%012x' % u.urid), '%012x' % u.urid,
                            c.table])
    with open(out('positional', 'headers.csv'), 'w', newline='') as f:
        w = csv.writer(f, lineterminator='\n')
        w.writerow(['file', 'recno', 'op', 'log_pos', 'log_pos6', 'log_time', 'log_time6',
                    'commit_ts', 'urid', 'urid6', 'table_name'])
        w.writerows(headers)
    for table, base in (('ACCOUNT', 'account'), ('TXN', 'txn')):
        write_state(out('positional', 'seed_%s.csv' % base), table, seed[table])
        write_state(out('positional', 'expected_%s.csv' % base), table, db.tables[table])
    return n_seeded


# ---------------------------------------------------------------------
# IIDR flat files for DataStage
# ---------------------------------------------------------------------
def iidr_value(v):
    """Strings quoted (quotes doubled), numbers bare, NULL empty."""
    if v is None:
        return ''
    if isinstance(v, str):
        return '"' + v.replace('"', '""') + '"'
    if isinstance(v, dt.datetime):
        return '"' + iso_ts(v) + '"'
    return str(v)


def iidr_line(u, op, images):
    head = ['"%s000000"' % iso_ts(u.commit_time.replace(tzinfo=None)),
            '"%016X"' % u.urid, '"%s"' % op, '"%s"' % u.user]
    vals = []
    for row in images:
        vals += [iidr_value(row[c] if row else None) for c in COLUMNS['ACCOUNT']]
    return ','.join(head + vals) + '\n'


def iidr():
    """ACCOUNT changes in IIDR's single-record and multiple-record flat
    files, four files each; the multiple-record files hold a refresh."""
    db = SourceDB(seed=1234, start=dt.datetime(2024, 3, 1, 10, 0, 0, tzinfo=UTC))
    acct_ids = counter(3000)
    for i in range(15):
        db.tables['ACCOUNT'][2001 + i] = dict(
            acct_id=2001 + i, acct_name=name(db.rng), acct_balance=money(db.rng, 0, 20000),
            acct_status='A' if i % 5 else None, acct_updated=dt.datetime(2024, 2, 28, 9, 0, i))
    u = db.ur('TELLER07')
    u.update('ACCOUNT', 2001, acct_id=2101, acct_name='Smith, "Jr."')   # key change
    u.delete('ACCOUNT', 2002)
    u.insert('ACCOUNT', acct_id=2201, acct_name='Amélie Dubois', acct_balance=Decimal('5.00'),
             acct_status=None)
    db.commit(u)
    u = db.ur('BATCH01')
    u.update('ACCOUNT', 2201, acct_status='A')
    u.update('ACCOUNT', 2101, acct_id=2001)                             # and back
    db.commit(u)
    seed = db.snapshot()
    random_history(db, 20, acct_ids, None, key_changes=True, mass_deletes=False,
                   tables=('ACCOUNT',))
    refresh_after = len(db.urs)                 # a refresh after UR 22
    refresh_state = db.snapshot()['ACCOUNT']
    refresh_time = db.clock
    db.clock += dt.timedelta(seconds=5)
    random_history(db, 18, acct_ids, None, key_changes=True, mass_deletes=False,
                   tables=('ACCOUNT',))
    urs = db.urs
    assert len(urs) == 40
    names = ['ACCOUNT.D2024061.T100000000', 'ACCOUNT.D2024061.T101500000',
             'ACCOUNT.D2024061.T103000000', 'ACCOUNT.D2024061.T104500000']
    parts = [urs[0:10], urs[10:22], urs[22:31], urs[31:40]]
    for fname, furs in zip(names, parts):
        with open(out('iidr', 'single', fname), 'w', encoding='utf-8', newline='') as f:
            for u in furs:
                for c in u.changes:
                    f.write(iidr_line(u, c.op, [c.before, c.after]))
        with open(out('iidr', 'multi', fname), 'w', encoding='utf-8', newline='') as f:
            if furs[0] is urs[refresh_after]:
                # a refresh: the table is cleared (CR), then every row (RR)
                class Refresh:
                    urid = 0xFFFF0000
                    user = 'CDCREFR'
                    commit_time = refresh_time
                f.write(iidr_line(Refresh, 'CR', [None]))
                for k in sorted(refresh_state):
                    f.write(iidr_line(Refresh, 'RR', [refresh_state[k]]))
            for u in furs:
                for c in u.changes:
                    if c.op == 'U':
                        f.write(iidr_line(u, 'B', [c.before]))
                        f.write(iidr_line(u, 'A', [c.after]))
                    elif c.op == 'I':
                        f.write(iidr_line(u, 'I', [c.after]))
                    else:
                        f.write(iidr_line(u, 'D', [c.before]))
    write_state(out('iidr', 'seed_account.csv'), 'ACCOUNT', seed['ACCOUNT'])
    write_state(out('iidr', 'expected_account.csv'), 'ACCOUNT', db.tables['ACCOUNT'])


# ---------------------------------------------------------------------
# AWS DMS CSV
# ---------------------------------------------------------------------
def dms_value(v):
    """DMS quotes a value only when it holds the delimiter, a quote or a
    line end; NULL is empty."""
    if v is None:
        return ''
    s = csv_value(v)
    if any(ch in s for ch in ',"\n'):
        return '"' + s.replace('"', '""') + '"'
    return s


def dms_changes(u, c):
    """The DMS rows of one change: (op, row).  DMS has no before image: an
    update that changes the key is a delete and an insert."""
    if c.op == 'U' and c.before[KEYS[c.table]] != c.after[KEYS[c.table]]:
        return [('D', c.before), ('I', c.after)]
    if c.op == 'D':
        return [('D', c.before)]
    return [(c.op, c.after)]


def dms():
    """ACCOUNT as DMS writes one table (a full load overlapping the CDC
    files, each with a header), and both tables in the transaction-
    ordered form."""
    db = SourceDB(seed=777, start=dt.datetime(2024, 3, 1, 11, 0, 0, tzinfo=UTC))
    acct_ids = counter(5000)
    for i in range(20):
        db.tables['ACCOUNT'][4001 + i] = dict(
            acct_id=4001 + i, acct_name=name(db.rng), acct_balance=money(db.rng, 0, 30000),
            acct_status='A', acct_updated=dt.datetime(2024, 2, 27, 8, i, 0))
    # the load starts; DMS caches the changes from here on
    u = db.ur('APP')
    u.insert('ACCOUNT', acct_id=4101, acct_name='Smith, Ann', acct_balance=Decimal('10.00'),
             acct_status='A')
    u.delete('ACCOUNT', 4001)
    db.commit(u)
    u = db.ur('APP')
    u.update('ACCOUNT', 4002, acct_id=4102)     # a key change: D + I for DMS
    u.update('ACCOUNT', 4003, acct_status=None)
    db.commit(u)
    load = db.snapshot()['ACCOUNT']            # the full load reads this
    load_time = db.clock
    random_history(db, 30, acct_ids, None, key_changes=True, mass_deletes=False,
                   tables=('ACCOUNT',))
    header = 'Op,commit_ts,ACCT_ID,ACCT_NAME,ACCT_BALANCE,ACCT_STATUS,ACCT_UPDATED\n'
    with open(out('dms', 'ACCOUNT', 'LOAD00000001.csv'), 'w', encoding='utf-8', newline='') as f:
        f.write(header)
        for k in sorted(load):
            r = load[k]
            f.write(','.join(['I', iso_ts(load_time.replace(tzinfo=None))] +
                             [dms_value(r[c]) for c in COLUMNS['ACCOUNT']]) + '\n')
    cdc_names = ['20240301-110000123.csv', '20240301-110500456.csv', '20240301-111000789.csv']
    parts = [db.urs[0:12], db.urs[12:24], db.urs[24:32]]
    for fname, furs in zip(cdc_names, parts):
        with open(out('dms', 'ACCOUNT', fname), 'w', encoding='utf-8', newline='') as f:
            # the later files list the columns in another order
            cols = COLUMNS['ACCOUNT'] if fname != cdc_names[2] else \
                ['acct_id', 'acct_status', 'acct_balance', 'acct_name', 'acct_updated']
            f.write('Op,commit_ts,' + ','.join(c.upper() for c in cols) + '\n')
            for u in furs:
                for c in u.changes:
                    for op, row in dms_changes(u, c):
                        f.write(','.join([op, iso_ts(u.commit_time.replace(tzinfo=None))] +
                                         [dms_value(row[x]) for x in cols]) + '\n')
    write_state(out('dms', 'expected_account.csv'), 'ACCOUNT', db.tables['ACCOUNT'])

    # the transaction-ordered form: both tables from empty, one file per
    # few transactions: op, table, schema, commit timestamp, values
    tx = SourceDB(seed=4242, start=dt.datetime(2024, 3, 2, 8, 0, 0, tzinfo=UTC))
    random_history(tx, 36, counter(7001), counter(9000001), key_changes=False,
                   mass_deletes=False, users=('APP',))
    tx_names = ['20240302-080000000.csv', '20240302-081000000.csv', '20240302-082000000.csv',
                '20240302-083000000.csv']
    for i, fname in enumerate(tx_names):
        with open(out('dms', 'tx', fname), 'w', encoding='utf-8', newline='') as f:
            for u in tx.urs[i * 9:(i + 1) * 9]:
                for c in u.changes:
                    for op, row in dms_changes(u, c):
                        f.write(','.join([op, c.table, 'BANK', iso_ts(u.commit_time.replace(tzinfo=None))] +
                                         [dms_value(row[x]) for x in COLUMNS[c.table]]) + '\n')
    write_state(out('dms', 'expected_tx_account.csv'), 'ACCOUNT', tx.tables['ACCOUNT'])
    write_state(out('dms', 'expected_tx_txn.csv'), 'TXN', tx.tables['TXN'])


if __name__ == '__main__':
    positional()
    iidr()
    dms()
