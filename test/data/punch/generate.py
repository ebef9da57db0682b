#!/usr/bin/env python3
"""Synthetic DB2 for z/OS UNLOAD data sets (SYSREC) for zfdw's punch tests.

Writes, into the directory of this script:

* for each real SYSPUNCH sample in ../../../../shared/db2ddl (read here,
  never copied): a data set laid out as that punch says, with values drawn
  from a seeded generator, and the values as COPY text (*.expected.tsv);
* our own punches (UNLOAD style, written by this program from the table
  descriptions below) for the variants the samples do not show: every
  field type, NOPAD (POSITION(*)), SPANNED YES with LOBs, Unicode
  GRAPHIC, FLOAT(IEEE), DSNTIAUL, several tables and partitions in one
  data set, HEADER NONE and HEADER CONST; their data sets and expected
  values; and DDL text for the tables that need DECIMAL scales.

Everything here is independent of zfdw: EBCDIC through Python's codecs,
packed and zoned decimal, IBM hexadecimal floating point and DECFLOAT's
densely packed decimal by the functions below, and the expected text
from the Python values themselves.  Run it with python3; the output is
deterministic.
"""

import os
import random
import re
import struct
import sys
from fractions import Fraction

HERE = os.path.dirname(os.path.abspath(__file__))
SHARED = os.path.normpath(os.path.join(HERE, '..', '..', '..', '..', 'shared', 'db2ddl'))


# ---------------------------------------------------------------------------
# encoders (the mainframe's formats, from IBM's definitions)
# ---------------------------------------------------------------------------

def packed(value, digits):
    """Packed decimal: digits in nibbles, sign nibble C (+) or D (-)."""
    if digits % 2 == 0:
        digits += 1
    s = str(abs(value)).rjust(digits, '0')
    assert len(s) == digits, (value, digits)
    nibbles = [int(c) for c in s] + [0xD if value < 0 else 0xC]
    return bytes(nibbles[i] * 16 + nibbles[i + 1] for i in range(0, len(nibbles), 2))


def zoned_ebcdic(value, digits):
    """EBCDIC zoned decimal: F0-F9, the last byte's zone C (+) or D (-)."""
    s = str(abs(value)).rjust(digits, '0')
    b = bytearray(0xF0 + int(c) for c in s)
    b[-1] = (0xD0 if value < 0 else 0xC0) + int(s[-1])
    return bytes(b)


def hfp(x, size):
    """IBM hexadecimal floating point: sign, excess-64 base-16 exponent,
    fraction of 24 (size 4) or 56 (size 8) bits.  Only values the format
    holds exactly are accepted."""
    fbits = 24 if size == 4 else 56
    if x == 0:
        return bytes(size)
    sign = 0x80 if x < 0 else 0
    f = Fraction(abs(x))
    e = 0
    while f >= 1:
        f /= 16
        e += 1
    while f < Fraction(1, 16):
        f *= 16
        e -= 1
    frac = f * (1 << fbits)
    assert frac.denominator == 1, ('not exact in HFP', x)
    assert 0 <= e + 64 < 128
    return bytes([sign | (e + 64)]) + int(frac).to_bytes(size - 1, 'big')


def dpd_declet(d1, d2, d3):
    """Three decimal digits as a 10-bit densely packed decimal declet
    (IEEE 754-2008, table 3.3; a/e/i are the digits' high bits)."""
    a, b, c, d = (d1 >> 3) & 1, (d1 >> 2) & 1, (d1 >> 1) & 1, d1 & 1
    e, f, g, h = (d2 >> 3) & 1, (d2 >> 2) & 1, (d2 >> 1) & 1, d2 & 1
    i, j, k, m = (d3 >> 3) & 1, (d3 >> 2) & 1, (d3 >> 1) & 1, d3 & 1
    key = (a, e, i)
    if key == (0, 0, 0):
        bits = [b, c, d, f, g, h, 0, j, k, m]
    elif key == (0, 0, 1):
        bits = [b, c, d, f, g, h, 1, 0, 0, m]
    elif key == (0, 1, 0):
        bits = [b, c, d, j, k, h, 1, 0, 1, m]
    elif key == (0, 1, 1):
        bits = [b, c, d, 1, 0, h, 1, 1, 1, m]
    elif key == (1, 0, 0):
        bits = [j, k, d, f, g, h, 1, 1, 0, m]
    elif key == (1, 0, 1):
        bits = [f, g, d, 0, 1, h, 1, 1, 1, m]
    elif key == (1, 1, 0):
        bits = [j, k, d, 0, 0, h, 1, 1, 1, m]
    else:
        bits = [0, 0, d, 1, 1, h, 1, 1, 1, m]
    v = 0
    for bit in bits:
        v = v * 2 + bit
    return v


def decfloat(coefficient, exponent, size):
    """DECFLOAT(16) (size 8) or DECFLOAT(34) (size 16): a finite value
    coefficient * 10^exponent, big-endian, DPD coefficient."""
    digits, bias, econt = (16, 398, 8) if size == 8 else (34, 6176, 12)
    sign = 1 if coefficient < 0 or (coefficient == 0 and str(coefficient).startswith('-')) else 0
    s = str(abs(coefficient)).rjust(digits, '0')
    assert len(s) == digits
    be = exponent + bias
    assert 0 <= be < 3 * (1 << econt)
    lead = int(s[0])
    ehi = be >> econt
    if lead < 8:
        comb = (ehi << 3) | lead
    else:
        comb = 0b11000 | (ehi << 1) | (lead & 1)
    v = (sign << 5) | comb
    v = (v << econt) | (be & ((1 << econt) - 1))
    for k in range(1, digits, 3):
        v = (v << 10) | dpd_declet(int(s[k]), int(s[k + 1]), int(s[k + 2]))
    return v.to_bytes(size, 'big')


# ---------------------------------------------------------------------------
# COPY text for the expected values
# ---------------------------------------------------------------------------

def copy_text(v):
    if v is None:
        return '\\N'
    if isinstance(v, (bytes, bytearray)):
        return '\\\\x' + bytes(v).hex()
    s = str(v)
    return (s.replace('\\', '\\\\').replace('\t', '\\t')
            .replace('\n', '\\n').replace('\r', '\\r'))


def decimal_text(unscaled, scale):
    if scale == 0:
        return str(unscaled)
    neg = unscaled < 0
    s = str(abs(unscaled)).rjust(scale + 1, '0')
    return ('-' if neg else '') + s[:-scale] + '.' + s[-scale:]


def write(name, data, mode='wb'):
    path = os.path.join(HERE, name)
    with open(path, mode) as f:
        f.write(data)


def write_expected(name, rows):
    lines = ['\t'.join(copy_text(v) for v in row) for row in rows]
    write(name, ('\n'.join(lines) + '\n').encode('utf-8'))


# ---------------------------------------------------------------------------
# record formats
# ---------------------------------------------------------------------------

def fb(records):
    return b''.join(records)


def vb(records):
    """RECFM VB as 'quote site rdw' transfers it: a 4-byte RDW per record."""
    out = bytearray()
    for r in records:
        assert len(r) + 4 <= 32760
        out += struct.pack('>HH', len(r) + 4, 0) + r
    return bytes(out)


def vbs(records, seg=32756):
    """RECFM VBS segments: SDW = length (with its 4 bytes), segment code
    (0 whole, 1 first, 3 middle, 2 last), zero."""
    out = bytearray()
    for r in records:
        if len(r) <= seg:
            out += struct.pack('>HBB', len(r) + 4, 0, 0) + r
            continue
        parts = [r[i:i + seg] for i in range(0, len(r), seg)]
        for k, p in enumerate(parts):
            code = 1 if k == 0 else 2 if k == len(parts) - 1 else 3
            out += struct.pack('>HBB', len(p) + 4, code, 0) + p
    return bytes(out)


# ---------------------------------------------------------------------------
# values
# ---------------------------------------------------------------------------

SBCS_EXTRA = 'ÁÉÍÓÚÇÃÕáéíóúçãõ¢¬|!$#@'
MIXED_EXTRA = 'ÄÖÜßøæ€日本語한글✓'


class Rng(random.Random):
    def text(self, n, extra='', allow_trailing_blanks=True):
        alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789 .,-/' + extra
        k = self.randint(0, n)
        s = ''.join(self.choice(alphabet) for _ in range(k))
        if allow_trailing_blanks and k < n and self.random() < 0.25:
            s += ' ' * self.randint(1, n - k)
        return s

    def decimal(self, digits):
        top = 10 ** digits - 1
        pick = self.random()
        if pick < 0.1:
            return top if self.random() < 0.5 else -top
        if pick < 0.15:
            return 0
        return self.randint(-top, top)

    def date(self):
        y = self.choice([1, 1900, 1970, 1999, 2000, 2024, 9999]) if self.random() < 0.3 else self.randint(1900, 2099)
        m = self.randint(1, 12)
        dmax = [31, 29 if (y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)) else 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]
        return y, m, self.randint(1, dmax)

    def time(self):
        return self.randint(0, 23), self.randint(0, 59), self.randint(0, 59)

    def double(self):
        """A double HFP holds exactly (53 bits always fit in 56)."""
        pick = self.random()
        if pick < 0.1:
            return 0.0
        m = self.randint(1, (1 << 53) - 1)
        e = self.randint(-80, 30)
        v = m * 2.0 ** e
        if self.random() < 0.5:
            v = -v
        return v

    def small_float(self):
        """Few bits: exact in a 4-byte HFP fraction and in float4."""
        m = self.randint(1, 1 << 12)
        e = self.randint(-8, 4)
        v = m * 2.0 ** e
        return -v if self.random() < 0.3 else v


# ---------------------------------------------------------------------------
# the real samples: a small parser of our own for the LOAD statement
# ---------------------------------------------------------------------------

FIELD_RE = re.compile(
    r'"(?P<name>[^"]+?)\s*"\s+POSITION\(\s*(?P<s>\d+)\s*:\s*(?P<e>\d+)\s*\)\s+'
    r'(?P<type>[A-Z]+(?:\s+(?:MIXED|EXTERNAL))?(?:\s*\(\s*\d+\s*\))?)'
    r'(?:\s+NULLIF\(\s*(?P<n>\d+)\s*\)\s*=\s*X\'FF\')?')


def read_sample(name):
    with open(os.path.join(SHARED, name), encoding='latin-1') as f:
        lines = []
        for line in f.read().split('\n'):
            line = line.rstrip('\r')
            if line.startswith('//') or line.startswith('/*'):
                continue
            lines.append(line[:72])
    return '\n'.join(lines)


def sample_blocks(text):
    """The INTO TABLE blocks of the first LOAD statement with fields."""
    start = text.index('LOAD DATA')
    body = text[start:]
    blocks = []
    pieces = body.split('INTO TABLE')[1:]
    for piece in pieces:
        m = re.match(r'\s*"?(\w+)\s*"?\s*\.\s*"?(\w+)\s*"?', piece)
        when = re.search(r"WHEN\(\s*00001:00002\s*\)\s*=\s*X'([0-9A-F]{4})'", piece)
        part = re.search(r'PART\s+(\d+)', piece)
        fields = []
        for fm in FIELD_RE.finditer(piece):
            fields.append(dict(name=fm.group('name'), s=int(fm.group('s')), e=int(fm.group('e')),
                               type=re.sub(r'\s+', ' ', fm.group('type')),
                               null=int(fm.group('n')) if fm.group('n') else None))
        if fields:
            blocks.append(dict(creator=m.group(1), table=m.group(2),
                               obid=bytes.fromhex(when.group(1)) if when else None,
                               part=int(part.group(1)) if part else 0, fields=fields))
    return blocks


def ddl_decimals(name):
    """DECIMAL(p,s) of the columns of a DDL sample, by column name."""
    with open(os.path.join(SHARED, name), encoding='latin-1') as f:
        text = f.read()
    out = {}
    for m in re.finditer(r'^\s*"?(\w+)"?\s+DECIMAL\s*\(\s*(\d+)\s*,\s*(\d+)\s*\)', text, re.M):
        out[m.group(1)] = (int(m.group(2)), int(m.group(3)))
    return out


def sample_record(rng, block, codec, decimals, length):
    """One record of a sample block and its expected row."""
    rec = bytearray(length)
    if block['obid']:
        rec[0:2] = block['obid']
    row = []
    for f in block['fields']:
        s, e, t = f['s'] - 1, f['e'], f['type']
        size = e - s
        is_null = f['null'] is not None and rng.random() < 0.2
        if f['null'] is not None:
            rec[f['null'] - 1] = 0xFF if is_null else 0x00
        if is_null:
            rec[s:e] = bytes(size)
            row.append(None)
            continue
        if t.startswith('CHAR'):
            v = rng.text(size, SBCS_EXTRA if codec == 'cp037' else '', allow_trailing_blanks=True)
            b = v.encode(codec)
            if codec == 'utf-8':
                v = rng.text(size)
                b = v.encode('ascii')
            rec[s:e] = b.ljust(size, b' ' if codec == 'utf-8' else b'\x40')
            row.append(v.rstrip(' '))
        elif t.startswith('VARCHAR'):
            maxb = size - 2
            if codec == 'utf-8':
                while True:
                    v = rng.text(min(maxb, 40), MIXED_EXTRA)
                    b = v.encode('utf-8')
                    if len(b) <= maxb:
                        break
            else:
                v = rng.text(min(maxb, 60), SBCS_EXTRA)
                b = v.encode(codec)
            rec[s:e] = struct.pack('>H', len(b)) + b + bytes(maxb - len(b))
            row.append(v)
        elif t == 'SMALLINT':
            v = rng.choice([-32768, 32767, 0, -1]) if rng.random() < 0.2 else rng.randint(-32768, 32767)
            rec[s:e] = struct.pack('>h', v)
            row.append(v)
        elif t == 'INTEGER':
            v = rng.choice([-2147483648, 2147483647, 0]) if rng.random() < 0.2 else rng.randint(-2 ** 31, 2 ** 31 - 1)
            rec[s:e] = struct.pack('>i', v)
            row.append(v)
        elif t == 'DECIMAL':
            p, sc = decimals.get(f['name'], (2 * size - 1, 0))
            v = rng.decimal(p)
            rec[s:e] = packed(v, 2 * size - 1)
            row.append(decimal_text(v, sc))
        elif t == 'DATE EXTERNAL':
            y, m, d = rng.date()
            txt = '%04d-%02d-%02d' % (y, m, d)
            rec[s:e] = txt.encode(codec)
            row.append(txt)
        elif t.startswith('TIMESTAMP EXTERNAL'):
            y, m, d = rng.date()
            hh, mi, ss = rng.time()
            us = rng.randint(0, 999999)
            rec[s:e] = ('%04d-%02d-%02d-%02d.%02d.%02d.%06d' % (y, m, d, hh, mi, ss, us)).encode(codec)
            row.append('%04d-%02d-%02d %02d:%02d:%02d.%06d' % (y, m, d, hh, mi, ss, us))
        elif t.startswith('FLOAT'):
            v = rng.double()
            rec[s:e] = hfp(v, 8)
            row.append(repr(v))
        else:
            raise SystemExit('type %s of the sample is not in this generator' % t)
    return bytes(rec), row


def sample_length(block):
    end = 0
    for f in block['fields']:
        end = max(end, f['e'])
    return end


def generate_samples():
    made = {}
    # TECINFOR.ORCAMENTOITECOB: OBID X'00A7', nullable SMALLINTs, DDL scales
    b = sample_blocks(read_sample('punch-unload-orcamentoitecob.jcl'))[0]
    dec = ddl_decimals('ddl-v7style-orcamentoitecob.sql')
    rng = Rng(101)
    recs, rows = zip(*[sample_record(rng, b, 'cp037', dec, sample_length(b)) for _ in range(12)])
    write('orcamentoitecob.dat', fb(recs))
    write_expected('orcamentoitecob.expected.tsv', rows)
    made['orc'] = (recs, rows)

    # ERSPROD.MAPA_S3_COMM_LIAB: two partitions, one data set each
    blocks = sample_blocks(read_sample('punch-unload-mapa-s3-comm-liab-parts1-2.txt'))
    dec = ddl_decimals('ddl-admintool-test0-309cols.sql')
    all_rows = []
    all_recs = []
    for k, blk in enumerate(blocks):
        rng = Rng(200 + k)
        recs, rows = zip(*[sample_record(rng, blk, 'cp037', dec, sample_length(blk)) for _ in range(5 + k)])
        write('mapa_p%d.dat' % blk['part'], fb(recs))
        all_rows += rows
        all_recs += recs
    write_expected('mapa.expected.tsv', all_rows)
    made['mapa'] = (all_recs, all_rows)

    # DB2ADM.MIGVRS11 (LIKE SYSIBM.SYSTABLES): Unicode, VARCHAR MIXED, FLOAT(53)
    b = sample_blocks(read_sample('punch-unload-systables-like-unicode.jcl'))[0]
    rng = Rng(301)
    recs, rows = zip(*[sample_record(rng, b, 'utf-8', {}, sample_length(b)) for _ in range(10)])
    write('systables_unicode.dat', fb(recs))
    write_expected('systables_unicode.expected.tsv', rows)
    made['sys'] = (recs, rows)

    # PROD.CO000T_FILIAL: REORG UNLOAD EXTERNAL, a 6-byte prefix, no WHEN
    b = sample_blocks(read_sample('punch-reorg-unload-external-v6-co000t.txt'))[0]
    rng = Rng(401)
    recs = []
    rows = []
    for _ in range(10):
        r, row = sample_record(rng, b, 'cp037', {}, sample_length(b))
        # the prefix REORG writes before the data (bytes 1-6): not ours to read
        r = bytes([0x00, 0x01]) + bytes(rng.randrange(256) for _ in range(4)) + r[6:]
        recs.append(r)
        rows.append(row)
    write('co000t.dat', fb(recs))
    write_expected('co000t.expected.tsv', rows)

    # several tables in one data set, dispatched by their OBIDs (VB, RDWs)
    rng = Rng(501)
    streams = [list(made['orc'][0]), list(made['mapa'][0]), list(made['sys'][0])]
    mixed = []
    while any(streams):
        s = rng.choice([x for x in streams if x])
        mixed.append(s.pop(0))
    write('interleaved.dat', vb(mixed))


# ---------------------------------------------------------------------------
# our own tables: punches written here, UNLOAD style
# ---------------------------------------------------------------------------

class Field:
    """One column: its DB2 type, how UNLOAD stores it, values."""

    def __init__(self, name, typ, n=0, s=0, null=False, mixed=False, sizes=()):
        self.name, self.typ, self.n, self.s, self.null, self.mixed = name, typ, n, s, null, mixed
        self.sizes = list(sizes)    # LOB sizes to use first (spanned records)

    @property
    def varying(self):
        return self.typ in ('varchar', 'vargraphic', 'varbinary', 'rowid', 'clob', 'blob',
                            'dbclob', 'xml', 'clobf')

    def prefix(self, table):
        if self.typ in ('clob', 'blob', 'dbclob', 'xml'):
            return 4 if table.spanned else 2
        return 2 if self.varying else 0

    def max_bytes(self):
        """Data bytes at most (varying) or the field's size (fixed)."""
        t, n = self.typ, self.n
        return {'char': n, 'varchar': n, 'graphic': 2 * n, 'vargraphic': 2 * n,
                'dbclob': 2 * n, 'smallint': 2, 'integer': 4, 'bigint': 8,
                'decimal': n // 2 + 1, 'zoned': n, 'decext': n + 2, 'intext': n,
                'real': 4, 'double': 8, 'float21': 4, 'df16': 8, 'df34': 16,
                'date': 10, 'time': 8, 'timestamp': 20 + n if n else 19,
                'timestamptz': (20 + n if n else 19) + 6, 'rowid': 40, 'binary': n,
                'varbinary': n, 'clob': n, 'blob': n, 'xml': n, 'clobf': n}[t]

    def punch_type(self, table):
        t, n = self.typ, self.n
        mixed = ' MIXED' if self.mixed else ''
        return {'char': 'CHAR%s(%05d)' % (mixed, n), 'varchar': 'VARCHAR' + mixed,
                'graphic': 'GRAPHIC(%05d)' % n, 'vargraphic': 'VARGRAPHIC',
                'dbclob': 'DBCLOB', 'smallint': 'SMALLINT', 'integer': 'INTEGER',
                'bigint': 'BIGINT', 'decimal': 'DECIMAL',
                'zoned': 'DECIMAL ZONED(%d,%d)' % (n, self.s),
                'decext': 'DECIMAL EXTERNAL(%d,%d)' % (n + 2, self.s),
                'intext': 'INTEGER EXTERNAL(%d)' % n, 'real': 'REAL',
                'double': 'FLOAT(53)', 'float21': 'FLOAT(21)', 'df16': 'DECFLOAT(16)',
                'df34': 'DECFLOAT(34)', 'date': 'DATE EXTERNAL', 'time': 'TIME EXTERNAL',
                'timestamp': 'TIMESTAMP EXTERNAL(%03d)' % self.max_bytes(),
                'timestamptz': 'TIMESTAMP WITH TIME ZONE EXTERNAL(%03d)' % self.max_bytes(),
                'rowid': 'ROWID', 'binary': 'BINARY(%d)' % n, 'varbinary': 'VARBINARY',
                'clob': 'CLOB', 'blob': 'BLOB', 'xml': 'XML', 'clobf': 'VARCHAR CLOBF'}[t]

    def ddl_type(self):
        t, n = self.typ, self.n
        return {'char': 'CHAR(%d)' % n, 'varchar': 'VARCHAR(%d)' % n, 'graphic': 'GRAPHIC(%d)' % n,
                'vargraphic': 'VARGRAPHIC(%d)' % n, 'dbclob': 'DBCLOB(%d)' % n,
                'smallint': 'SMALLINT', 'integer': 'INTEGER', 'bigint': 'BIGINT',
                'decimal': 'DECIMAL(%d,%d)' % (n, self.s), 'zoned': 'DECIMAL(%d,%d)' % (n, self.s),
                'decext': 'DECIMAL(%d,%d)' % (n, self.s), 'intext': 'INTEGER', 'real': 'REAL',
                'double': 'DOUBLE', 'float21': 'REAL', 'df16': 'DECFLOAT(16)', 'df34': 'DECFLOAT(34)',
                'date': 'DATE', 'time': 'TIME', 'timestamp': 'TIMESTAMP(%d)' % n,
                'timestamptz': 'TIMESTAMP(%d) WITH TIME ZONE' % n, 'rowid': 'ROWID',
                'binary': 'BINARY(%d)' % n, 'varbinary': 'VARBINARY(%d)' % n,
                'clob': 'CLOB(%d)' % n, 'blob': 'BLOB(%d)' % n, 'xml': 'XML', 'clobf': 'CLOB(1M)'}[t]

    def value(self, rng, table):
        """A random value: (bytes of the data, expected)."""
        t, n = self.typ, self.n
        enc = table.codec
        if t == 'char':
            if table.unicode and self.mixed:
                while True:
                    v = rng.text(n, MIXED_EXTRA)
                    if len(v.encode('utf-8')) <= n:
                        break
                return v.encode('utf-8').ljust(n, b' '), v.rstrip(' ')
            v = rng.text(n, '' if table.unicode else SBCS_EXTRA)
            return v.encode(enc).ljust(n, table.space), v.rstrip(' ')
        if t in ('varchar', 'clob', 'xml', 'clobf'):
            limit = min(n, 300) if t != 'clob' or not table.spanned else n
            if t == 'xml':
                v = '<doc id="%d">%s</doc>' % (rng.randint(1, 99), rng.text(min(n, 60) - 30, MIXED_EXTRA if table.unicode else ''))
                b = v.encode('utf-8')
            elif t == 'clobf':
                v = '/u/unload/lob/%s.%d.clob' % (self.name.lower(), rng.randint(1, 99999))
                b = v.encode(enc)
            elif table.unicode:
                while True:
                    v = rng.text(min(limit, 50), MIXED_EXTRA)
                    b = v.encode('utf-8')
                    if len(b) <= n:
                        break
            else:
                if t == 'clob' and self.sizes:
                    size = self.sizes.pop(0)
                    v = ''.join(rng.choice('LOREM IPSUM DOLOR SIT AMET 0123456789') for _ in range(size))
                else:
                    v = rng.text(min(limit, 60), SBCS_EXTRA)
                b = v.encode(enc)
            return b, v
        if t in ('graphic', 'vargraphic', 'dbclob'):
            k = rng.randint(0, min(n, 12))
            v = ''.join(rng.choice('日本語漢字テストＡＢＣ abc한국') for _ in range(k))
            if t == 'graphic':
                # GRAPHIC(n) in Unicode: UTF-16, padded with U+0020
                return (v + ' ' * (n - k)).encode('utf-16-be'), v.rstrip(' ')
            return v.encode('utf-16-be'), v
        if t in ('smallint', 'integer', 'bigint'):
            bits = {'smallint': 16, 'integer': 32, 'bigint': 64}[t]
            lo, hi = -(1 << (bits - 1)), (1 << (bits - 1)) - 1
            v = rng.choice([lo, hi, 0, -1]) if rng.random() < 0.25 else rng.randint(lo, hi)
            return v.to_bytes(bits // 8, 'big', signed=True), v
        if t == 'decimal':
            v = rng.decimal(n)
            return packed(v, n), decimal_text(v, self.s)
        if t == 'zoned':
            v = rng.decimal(n)
            return zoned_ebcdic(v, n), decimal_text(v, self.s)
        if t == 'decext':
            v = rng.decimal(n)
            txt = decimal_text(v, self.s).rjust(n + 2)
            return txt.encode(enc), decimal_text(v, self.s)
        if t == 'intext':
            v = rng.randint(-(10 ** (n - 1) - 1), 10 ** (n - 1) - 1)
            return str(v).rjust(n).encode(enc), v
        if t in ('real', 'float21'):
            v = rng.small_float() if rng.random() < 0.9 else 0.0
            if table.ieee:
                return struct.pack('>f', v), repr(v)
            return hfp(v, 4), repr(v)
        if t == 'double':
            v = rng.double()
            if table.ieee:
                return struct.pack('>d', v), repr(v)
            return hfp(v, 8), repr(v)
        if t in ('df16', 'df34'):
            digits = 16 if t == 'df16' else 34
            coef = rng.randint(-(10 ** digits - 1), 10 ** digits - 1) if rng.random() < 0.5 else rng.randint(-9999, 9999)
            exp = rng.randint(-12, 3)
            size = 8 if t == 'df16' else 16
            if exp >= 0:
                txt = str(coef * 10 ** exp)
            else:
                txt = decimal_text(coef, -exp)
            return decfloat(coef, exp, size), txt
        if t == 'date':
            y, m, d = rng.date()
            txt = '%04d-%02d-%02d' % (y, m, d)
            return txt.encode(enc), txt
        if t == 'time':
            hh, mi, ss = rng.time()
            return ('%02d.%02d.%02d' % (hh, mi, ss)).encode(enc), '%02d:%02d:%02d' % (hh, mi, ss)
        if t in ('timestamp', 'timestamptz'):
            y, m, d = rng.date()
            if y == 9999 and t == 'timestamptz':
                y = 9998
            if y == 1 and t == 'timestamptz':
                y = 2
            hh, mi, ss = rng.time()
            frac = ''.join(rng.choice('0123456789') for _ in range(n))
            db2 = '%04d-%02d-%02d-%02d.%02d.%02d' % (y, m, d, hh, mi, ss) + ('.' + frac if n else '')
            iso = '%04d-%02d-%02d %02d:%02d:%02d' % (y, m, d, hh, mi, ss) + ('.' + frac if n else '')
            if t == 'timestamptz':
                tzh = rng.randint(-12, 14)
                tzm = rng.choice([0, 30, 45]) if tzh not in (-12, 14) else 0
                tz = '%s%02d:%02d' % ('-' if tzh < 0 else '+', abs(tzh), tzm)
                db2 += tz
                iso += tz
            if n > 6:
                return db2.encode(enc), db2
            return db2.encode(enc), iso
        if t in ('rowid', 'varbinary', 'blob', 'binary'):
            k = n if t == 'binary' else (17 if t == 'rowid' else rng.randint(0, min(n, 40)))
            if t == 'blob' and self.sizes:
                k = self.sizes.pop(0)
            v = bytes(rng.randrange(256) for _ in range(k))
            return v, v
        raise SystemExit('no values for ' + t)


class Table:
    def __init__(self, creator, name, obid, fields, unicode=False, ieee=False, nopad=False,
                 spanned=False, header=None, part=0):
        self.creator, self.name, self.obid, self.fields = creator, name, obid, fields
        self.unicode, self.ieee, self.nopad, self.spanned = unicode, ieee, nopad, spanned
        self.part = part
        self.codec = 'utf-8' if unicode else 'cp037'
        # HEADER OBID (the default), NONE (b''), or CONST 'text'
        self.header_text = header if isinstance(header, str) else None
        if self.header_text is not None:
            header = header.encode(self.codec)
        self.header = header if header is not None else obid
        self.space = b' ' if unicode else b'\x40'

    def layout(self):
        """(field, null_ind_pos, start, end, star) per field, 1-based."""
        out = []
        pos = len(self.header or b'') + 1
        star = False
        for f in self.fields:
            if star:
                out.append((f, 'star', None, None, True))
                continue
            ind = None
            if f.null:
                ind = pos
                pos += 1
            size = f.prefix(self) + f.max_bytes()
            if f.varying and (self.nopad or self.spanned):
                out.append((f, ind, pos, None, False))
                star = True
                continue
            out.append((f, ind, pos, pos + size - 1, False))
            pos += size
        return out

    def punch(self, first=True, part=None):
        lines = []
        if first:
            lines += ['LOAD DATA INDDN SYSREC LOG NO RESUME YES',
                      ' UNICODE CCSID(00367,01208,01200)' if self.unicode else
                      ' EBCDIC  CCSID(00037,00000,00000)']
            if self.ieee:
                lines.append(' FLOAT(IEEE)')
            if self.spanned:
                lines.append(' FORMAT SPANNED YES')
        lines.append(' INTO TABLE "%s"."%s"' % (self.creator, self.name))
        if part:
            lines.append(' PART %05d INDDN SYSREC' % part)
        if self.header is not None and len(self.header) > 0:
            if self.header_text is not None:
                lines.append(" WHEN(00001:%05d) = '%s'" % (len(self.header), self.header_text))
            else:
                lines.append(" WHEN(00001:%05d) = X'%s'" % (len(self.header), self.header.hex().upper()))
        sep = '('
        for k, (f, ind, s, e, star) in enumerate(self.layout()):
            if star:
                if f.null:
                    lines.append(' %s "DSN_NULL_IND_%05d"' % (sep, k + 1))
                    lines.append('  POSITION(*) CHAR(1)')
                    sep = ','
                lines.append(' %s "%s"' % (sep, f.name))
                lines.append('  POSITION(*) %s' % f.punch_type(self))
                if f.null:
                    lines.append('                          NULLIF(DSN_NULL_IND_%05d)=X\'FF\'' % (k + 1))
            else:
                lines.append(' %s "%s"' % (sep, f.name))
                if e is None:
                    lines.append('        POSITION(  %05d) %s' % (s, f.punch_type(self)))
                else:
                    lines.append('        POSITION(  %05d:%05d) %s' % (s, e, f.punch_type(self)))
                if ind is not None:
                    lines.append('                          NULLIF(%05d)=X\'FF\'' % ind)
            sep = ','
        lines.append(' )')
        return lines

    def ddl(self):
        cols = ',\n'.join('  %s %s%s' % (f.name, f.ddl_type(), '' if f.null else ' NOT NULL')
                          for f in self.fields)
        return 'CREATE TABLE %s.%s (\n%s\n);\n' % (self.creator, self.name, cols)

    def record(self, rng):
        out = bytearray(self.header or b'')
        row = []
        for f, ind, s, e, star in self.layout():
            is_null = f.null and rng.random() < 0.25
            if f.null:
                out += b'\xff' if is_null else b'\x00'
            if is_null:
                row.append(None)
                if f.varying:
                    out += bytes(f.prefix(self))
                    if not (star or e is None):
                        out += bytes(f.max_bytes())
                else:
                    out += bytes(f.max_bytes())
                continue
            data, exp = f.value(rng, self)
            row.append(exp)
            if f.varying:
                count = len(data) // 2 if f.typ in ('vargraphic', 'dbclob') else len(data)
                out += count.to_bytes(f.prefix(self), 'big') + data
                if not (star or e is None):
                    out += bytes(f.max_bytes() - len(data))
            else:
                assert len(data) == f.max_bytes(), (f.name, len(data))
                out += data
        return bytes(out), row


def card(lines):
    """80-column card images; a sequence number in columns 73-80 on some."""
    out = []
    for k, line in enumerate(lines):
        assert len(line) <= 72, line
        out.append(line.ljust(72) + ('%08d' % ((k + 1) * 100) if k % 3 == 0 else ''))
    return '\n'.join(out) + '\n'


def emit(name, tables, records_per_table, fmt, seed, ddl=False, part_files=None):
    rng = Rng(seed)
    lines = []
    for k, t in enumerate(tables):
        lines += t.punch(first=(k == 0), part=t.part or None)
    write(name + '.punch', card(lines).encode('ascii'))
    if ddl:
        seen = []
        for t in tables:
            if (t.creator, t.name) not in seen:
                seen.append((t.creator, t.name))
        write(name + '.ddl', ''.join(t.ddl() for t in tables
                                     if seen.count((t.creator, t.name)) and
                                     seen.remove((t.creator, t.name)) is None).encode('ascii'))
    recs = []
    rows = {}
    for t in tables:
        for _ in range(records_per_table):
            r, row = t.record(rng)
            recs.append((t, r))
            rows.setdefault((t.creator, t.name), []).append(row)
    rng.shuffle(recs)
    data = [r for _, r in recs]
    write(name + '.dat', {'fb': fb, 'vb': vb, 'vbs': vbs}[fmt](data))
    for (creator, tname), rs in rows.items():
        suffix = '' if len(rows) == 1 else '_' + tname.lower()
        write_expected(name + suffix + '.expected.tsv', rs)


def generate_own():
    F = Field
    alltypes = Table('ZFDW', 'ALLTYPES', b'\x01\x01', [
        F('ID', 'integer'),
        F('NAME', 'char', 12),
        F('NICK', 'varchar', 20, null=True),
        F('SMALL', 'smallint', null=True),
        F('BIG', 'bigint'),
        F('AMOUNT', 'decimal', 11, 2, null=True),
        F('RATE', 'decimal', 5, 4),
        F('ZQTY', 'zoned', 7, 2),
        F('PRICE', 'decext', 9, 2),
        F('CNT', 'intext', 6),
        F('R4', 'real', null=True),
        F('D8', 'double'),
        F('F21', 'float21'),
        F('DF16', 'df16'),
        F('DF34', 'df34', null=True),
        F('DT', 'date', null=True),
        F('TM', 'time'),
        F('TS', 'timestamp', 6),
        F('TS12', 'timestamp', 12),
        F('TS0', 'timestamp', 0),
        F('TSZ', 'timestamptz', 6),
        F('RID', 'rowid'),
        F('BIN', 'binary', 4),
        F('VBIN', 'varbinary', 8, null=True),
        F('NOTE', 'clob', 100, null=True),
        F('PIC', 'blob', 16),
        F('DOC', 'xml', 80),
        F('FREF', 'clobf', 60),
    ])
    emit('alltypes', [alltypes], 14, 'fb', 601, ddl=True)

    nopad = Table('ZFDW', 'NOPADT', b'\x01\x02', [
        F('ID', 'integer'),
        F('CODE', 'char', 4),
        F('NAME', 'varchar', 40),
        F('NOTE', 'varchar', 200, null=True),
        F('AMOUNT', 'decimal', 9, 2, null=True),
        F('QTY', 'integer'),
        F('VBIN', 'varbinary', 12, null=True),
        F('TS', 'timestamp', 6),
    ], nopad=True)
    emit('nopad', [nopad], 16, 'vb', 602, ddl=True)

    spanned = Table('ZFDW', 'SPANT', b'\x01\x03', [
        F('ID', 'integer'),
        F('CODE', 'char', 6),
        F('CITY', 'varchar', 30),
        F('STREET', 'varchar', 40, null=True),
        F('BODY', 'clob', 1048576, null=True, sizes=(40000, 0)),
        F('IMG', 'blob', 1048576, null=True, sizes=(3, 1)),
    ], spanned=True)
    emit('spanned', [spanned], 10, 'vbs', 603)

    uni = Table('ZFDW', 'UNIT', b'\x01\x04', [
        F('ID', 'integer'),
        F('NAME', 'varchar', 60, mixed=True),
        F('TAG', 'char', 8, mixed=True),
        F('G', 'graphic', 6),
        F('VG', 'vargraphic', 10, null=True),
        F('DOC', 'dbclob', 20, null=True),
        F('TS', 'timestamp', 6),
    ], unicode=True)
    emit('unicode', [uni], 12, 'fb', 604)

    ieee = Table('ZFDW', 'IEEET', b'\x01\x05', [
        F('ID', 'integer'),
        F('R4', 'real'),
        F('D8', 'double', null=True),
    ], ieee=True)
    emit('ieee', [ieee], 10, 'fb', 605)

    # several tables, partitions of one, a table of another creator
    cust = Table('BANK', 'CUSTOMER', b'\x02\x01', [
        F('CUST_ID', 'integer'), F('NAME', 'char', 20), F('SINCE', 'date', null=True)])
    ord1 = Table('BANK', 'ORDERS', b'\x02\x02', [
        F('ORDER_ID', 'bigint'), F('CUST_ID', 'integer'), F('TOTAL', 'decimal', 9, 2),
        F('NOTE', 'varchar', 30, null=True)], part=1)
    ord2 = Table('BANK', 'ORDERS', b'\x02\x02', ord1.fields, part=2)
    audit = Table('AUDIT', 'EVENTS', b'\x02\x03', [
        F('EVENT_ID', 'integer'), F('WHAT', 'char', 10)])
    emit('multi', [cust, ord1, ord2, audit], 8, 'vb', 606, ddl=True)

    # HEADER NONE: no OBID, no WHEN; HEADER CONST: a constant of ours
    none = Table('ZFDW', 'NOHDR', None, [F('ID', 'integer'), F('NAME', 'char', 10)], header=b'')
    emit('header_none', [none], 6, 'fb', 607)
    const = Table('ZFDW', 'CONSTH', None, [F('ID', 'integer'), F('NAME', 'char', 10)], header='ZFD')
    emit('header_const', [const], 6, 'fb', 608)


def generate_dsntiaul():
    """A DSNTIAUL punch and its data: POSITION(n) only, NULLIF(n)='?' after
    the field (X'6F'), VARCHAR padded to the next field, fixed records."""
    rng = Rng(701)
    punch = ['  LOAD DATA LOG NO INDDN SYSREC00 INTO TABLE',
             '      ZFDW.DEPT',
             '   (',
             '   DEPTNO                          POSITION(       1         )',
             '   CHAR(                     3         ),',
             '   DEPTNAME                        POSITION(       4         )',
             '   VARCHAR,',
             '   MGRNO                           POSITION(      42         )',
             '   CHAR(                     6         )',
             "                                   NULLIF(      48)='?',",
             '   BUDGET                          POSITION(      49         )',
             '   DECIMAL(                  9,        2)',
             "                                   NULLIF(      54)='?',",
             '   LOCATION                        POSITION(      55         )',
             '   CHAR(                    16         )',
             "                                   NULLIF(      71)='?'",
             '   )']
    write('dsntiaul.punch', ('\n'.join(punch) + '\n').encode('ascii'))
    recs, rows = [], []
    for _ in range(8):
        r = bytearray()
        dept = rng.text(3).ljust(3)
        r += dept.encode('cp037')
        name = rng.text(36, SBCS_EXTRA)
        nb = name.encode('cp037')
        r += struct.pack('>H', len(nb)) + nb + bytes(36 - len(nb))
        row = [dept.rstrip(' '), name]
        for size, kind in ((6, 'char'), (5, 'dec'), (16, 'char')):
            if rng.random() < 0.3:
                r += bytes(size) + b'\x6f'
                row.append(None)
            elif kind == 'char':
                v = rng.text(size)
                r += v.encode('cp037').ljust(size, b'\x40') + b'\x00'
                row.append(v.rstrip(' '))
            else:
                v = rng.decimal(9)
                r += packed(v, 9) + b'\x00'
                row.append(decimal_text(v, 2))
        assert len(r) == 71
        recs.append(bytes(r))
        rows.append(row)
    write('dsntiaul.dat', fb(recs))
    write_expected('dsntiaul.expected.tsv', rows)


def generate_vectors():
    """Hex vectors written byte by byte, with values worked out by hand
    (not by the encoders above):

    HFP (IBM hexadecimal floating point; value = 0.fraction x 16^(exp-64)):
      41100000 00000000   exp 0x41 = 16^1, fraction 0x1 / 16       ->  1.0
      C276A000 00000000   sign 1, 16^2, 0x76A / 16^3 = 0.4633789.. -> -118.625
      401999999999999A    16^0, 0x1999999999999A / 2^56: the same
                          53-bit mantissa as the double nearest 0.1 ->  0.1
      7FFFFFFFFFFFFFFF    (1 - 16^-14) x 16^63: 56 one bits round up
                          to the double 2^252                       ->  7.237005577332262e+75
      42640000 (short)    16^2 x 0x64 / 256 = 100 x 1              ->  100
      C1100000 (short)    -(16^1 x 1/16)                           -> -1
      3F800000 (short)    16^-1 x 0.5                              ->  0.03125
    DECFLOAT (IEEE 754 decimal64/128, densely packed decimal):
      2238000000000001    exponent 398-398 = 0, coefficient 1      ->  1
      22300000000000D0    exponent 396-398 = -2, last declet 0x0D0
                          = DPD(1,5,0)                             ->  1.50
      2230000000000001    exponent -2, coefficient 1               ->  0.01
      A238000000000001    sign bit set                             -> -1
      7800000000000000    combination 11110                        ->  Infinity
      22080000 00000000 00000000 00000001  (decimal128, bias 6176) ->  1
      A2078000 00000000 00000000 000000D0  exponent 6174-6176 = -2,
                          sign set                                 -> -1.50
      7C000000 ... 00     combination 11111, quiet                 ->  NaN
      A2080000 ... 00     negative zero                            ->  0
    """
    vec = [
        ('4110000000000000', '42640000', '2238000000000001', '22080000000000000000000000000001',
         '1', '100', '1', '1'),
        ('C276A00000000000', 'C276A000', '22300000000000D0', 'A20780000000000000000000000000D0',
         '-118.625', '-118.625', '1.50', '-1.50'),
        ('401999999999999A', '00000000', '7800000000000000', '7C000000000000000000000000000000',
         '0.1', '0', 'Infinity', 'NaN'),
        ('0000000000000000', 'C1100000', 'A238000000000001', 'A2080000000000000000000000000000',
         '0', '-1', '-1', '0'),
        ('7FFFFFFFFFFFFFFF', '3F800000', '2230000000000001', '22080000000000000000000000000001',
         '7.237005577332262e+75', '0.03125', '0.01', '1'),
    ]
    punch = ['LOAD DATA INDDN SYSREC LOG NO RESUME YES',
             ' EBCDIC  CCSID(00037,00000,00000)',
             ' INTO TABLE "ZFDW"."VECTORS"',
             " WHEN(00001:00002) = X'0106'",
             ' ( "ID"        POSITION(00003:00006) INTEGER',
             ' , "H8"        POSITION(00007:00014) FLOAT(53)',
             ' , "H4"        POSITION(00015:00018) REAL',
             ' , "DF16"      POSITION(00019:00026) DECFLOAT(16)',
             ' , "DF34"      POSITION(00027:00042) DECFLOAT(34)',
             ' )']
    write('vectors.punch', ('\n'.join(punch) + '\n').encode('ascii'))
    recs, rows = [], []
    for k, (h8, h4, d16, d34, e8, e4, e16, e34) in enumerate(vec):
        recs.append(bytes.fromhex('0106') + (k + 1).to_bytes(4, 'big') +
                    bytes.fromhex(h8 + h4 + d16 + d34))
        rows.append([k + 1, e8, e4, e16, e34])
    write('vectors.dat', fb(recs))
    write_expected('vectors.expected.tsv', rows)

    # EBCDIC DBCS and a euro page, bytes by hand:
    #   CCSID 939/300 DBCS: X'42C1' FULLWIDTH A, X'42C2' FULLWIDTH B,
    #   X'4541' U+4E00 (one), X'4040' the DBCS space U+3000;
    #   mixed data: SO X'0E' ... SI X'0F'; CCSID 1140: X'9F' is the euro sign
    punch = ['LOAD DATA INDDN SYSREC LOG NO RESUME YES',
             ' EBCDIC  CCSID(01140,00939,00300)',
             ' INTO TABLE "ZFDW"."DBCS"',
             " WHEN(00001:00002) = X'0107'",
             ' ( "ID"        POSITION(00003:00006) INTEGER',
             ' , "G"         POSITION(00007:00012) GRAPHIC(00003)',
             ' , "VG"        POSITION(00013:00022) VARGRAPHIC',
             ' , "M"         POSITION(00023:00030) CHAR MIXED(00008)',
             ' , "PRICE"     POSITION(00031:00033) CHAR(00003)',
             ' )']
    write('dbcs.punch', ('\n'.join(punch) + '\n').encode('ascii'))
    recs = [
        '0107' '00000001' '42C142C24040' '0002' '45414541' '00000000' '0E45410FC14040' '40' '9FF1F0',
        '0107' '00000002' '454142C142C2' '0000' '0000000000000000' '0E42C142C20FC1' '40' 'F59F40',
    ]
    rows = [[1, 'ＡＢ', '一一', '一A', '€10'], [2, '一ＡＢ', '', 'ＡＢA', '5€']]
    write('dbcs.dat', fb([bytes.fromhex(r) for r in recs]))
    write_expected('dbcs.expected.tsv', rows)

    # ASCII CCSID 819 (ISO 8859-1): X'FC' is u-umlaut, X'E9' e-acute; the
    # OBID and the integer are binary whatever the encoding
    punch = ['LOAD DATA INDDN SYSREC LOG NO RESUME YES',
             ' ASCII   CCSID(00819,00000,00000)',
             ' INTO TABLE "ZFDW"."LATIN"',
             " WHEN(00001:00002) = X'0108'",
             ' ( "ID"        POSITION(00003:00006) INTEGER',
             ' , "NAME"      POSITION(00007:00014) CHAR(00008)',
             ' )']
    write('ascii.punch', ('\n'.join(punch) + '\n').encode('ascii'))
    recs = ['0108' '00000001' '4DFC6C6C65722020', '0108' '0000002A' '4AE972F46D652020']
    write('ascii.dat', fb([bytes.fromhex(r) for r in recs]))
    write_expected('ascii.expected.tsv', [[1, 'Müller'], [42, 'Jérôme']])


def main():
    if not os.path.isdir(SHARED):
        sys.exit('the DB2 samples are not at %s' % SHARED)
    generate_samples()
    generate_own()
    generate_dsntiaul()
    generate_vectors()


if __name__ == '__main__':
    main()
