#!/usr/bin/env python3
"""verify.py - checks every COBOL fixture with an independent decoder.

For each fixture listed in README.md this reads the data file, frames
its records (FB, RDW, BDW+RDW), decodes every field with a layout
written here by hand (offsets from the IBM rules, not from zfdw), formats
the values as the expected-values files do, and compares with the
.expected.tsv that the COBOL program DISPLAYed.  It also checks that the
bytes are what z/OS writes: zoned digits X'F0'-X'F9', overpunch sign
zone C or D (never F) on signed fields, F on unsigned ones, packed sign
C/D (signed) or F (unsigned), a zero first nibble when the digit count
is even, RDW/BDW lengths that include their 4 bytes followed by X'0000'.

Text: cp037, cp500, cp273 and cp1140 through Python's codecs (which do
not come from glibc); cp1047 through a table from glibc iconv, cross-
checked against cp037 with the six positions where IBM-1047 differs.

Run: python3 test/data/cobol/verify.py   (exit status 0 when all the
fixtures and the demo data check out).  No zfdw code is used.
"""

import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
DEMO = os.path.normpath(os.path.join(HERE, "..", "..", "..", "demo", "data"))


class Bad(Exception):
    pass


# ---------------------------------------------------------------- code pages

def cp1047_table():
    """The cp1047 decode table from iconv, checked against cp037."""
    out = subprocess.run(["iconv", "-f", "IBM1047", "-t", "UTF-8"],
                         input=bytes(range(256)), capture_output=True,
                         check=True).stdout.decode("utf-8")
    if len(out) != 256:
        raise Bad("iconv IBM1047 table is not 256 characters")
    ref = list(bytes(range(256)).decode("cp037"))
    # IBM-1047 (Open Systems Latin-1) moves these six characters of 037
    for pos, ch in {0x5F: "^", 0xAD: "[", 0xB0: "\u00ac", 0xBA: "\u00dd",
                    0xBB: "\u00a8", 0xBD: "]"}.items():
        ref[pos] = ch
    for b in range(0x40, 0x100):
        if out[b] != ref[b]:
            raise Bad("cp1047: iconv and cp037+swaps differ at %02X" % b)
    return out


_TABLES = {}


def decode_text(raw, cp):
    if cp == "cp1047":
        if cp not in _TABLES:
            _TABLES[cp] = cp1047_table()
        return "".join(_TABLES[cp][b] for b in raw)
    return raw.decode(cp)


# ---------------------------------------------------------------- fields
# A field is a tuple (kind, length, ...):
#   ("X", n)                       text
#   ("Z", digits, scale, sign)     zoned; sign None, "trail", "lead",
#                                  "trail_sep", "lead_sep"
#   ("P", digits, scale, signed)   packed decimal
#   ("B", nbytes, scale, signed)   big-endian binary (COMP, COMP-5)

def field_length(f):
    kind = f[0]
    if kind == "X":
        return f[1]
    if kind == "Z":
        return f[1] + (1 if f[3] in ("trail_sep", "lead_sep") else 0)
    if kind == "P":
        return f[1] // 2 + 1
    if kind == "B":
        return f[1]
    raise ValueError(kind)


def fmt(value, scale):
    """An integer number of units 10**-scale as plain decimal text."""
    sign = "-" if value < 0 else ""
    digits = str(abs(value))
    if scale == 0:
        return sign + digits
    digits = digits.rjust(scale + 1, "0")
    return sign + digits[:-scale] + "." + digits[-scale:]


def zoned(raw, digits, scale, sign):
    if sign == "lead_sep" or sign == "trail_sep":
        sb = raw[0] if sign == "lead_sep" else raw[-1]
        body = raw[1:] if sign == "lead_sep" else raw[:-1]
        if sb not in (0x4E, 0x60):
            raise Bad("separate sign byte %02X" % sb)
        negative = sb == 0x60
        zones = [0xF] * len(body)
    else:
        body = raw
        negative = False
        zones = [0xF] * len(body)
        if sign is not None:
            at = len(body) - 1 if sign == "trail" else 0
            z = body[at] >> 4
            if z not in (0xC, 0xD):
                raise Bad("overpunch zone %X (z/OS writes C or D)" % z)
            negative = z == 0xD
            zones[at] = z
    if len(body) != digits:
        raise Bad("zoned length")
    value = 0
    for b, z in zip(body, zones):
        if b >> 4 != z or (b & 0xF) > 9:
            raise Bad("zoned byte %02X" % b)
        value = value * 10 + (b & 0xF)
    if negative and value == 0:
        raise Bad("negative zero")
    return fmt(-value if negative else value, scale)


def packed(raw, digits, scale, signed):
    nibbles = []
    for b in raw:
        nibbles += [b >> 4, b & 0xF]
    sign = nibbles.pop()
    if len(nibbles) == digits + 1:
        if nibbles[0] != 0:
            raise Bad("packed: first nibble of an even digit count not 0")
        nibbles = nibbles[1:]
    if signed and sign not in (0xC, 0xD):
        raise Bad("packed sign %X (z/OS writes C or D)" % sign)
    if not signed and sign != 0xF:
        raise Bad("packed unsigned sign %X (z/OS writes F)" % sign)
    value = 0
    for n in nibbles:
        if n > 9:
            raise Bad("packed digit %X" % n)
        value = value * 10 + n
    if sign == 0xD and value == 0:
        raise Bad("negative zero")
    return fmt(-value if sign == 0xD else value, scale)


def decode_field(raw, f, cp):
    kind = f[0]
    if kind == "X":
        return escape(decode_text(raw, cp))
    if kind == "Z":
        return zoned(raw, f[1], f[2], f[3])
    if kind == "P":
        return packed(raw, f[1], f[2], f[3])
    if kind == "B":
        return fmt(int.from_bytes(raw, "big", signed=f[3]), f[2])
    raise ValueError(kind)


def escape(s):
    """COPY text format: the only special character our data can hold."""
    if "\t" in s or "\n" in s or "\r" in s:
        raise Bad("tab or newline in text")
    return s.replace("\\", "\\\\")


def text_array(values):
    for v in values:
        if '"' in v or "\\" in v:
            raise Bad("quote or backslash in a text array element")
    return "{" + ",".join('"%s"' % v for v in values) + "}"


def num_array(values):
    return "{" + ",".join(values) + "}"


def name(cobol):
    return cobol.lower().replace("-", "_")


# ---------------------------------------------------------------- layouts

X, Z, P, B = "X", "Z", "P", "B"

# FIXREC: (offset, name, field, occurs, stride); hand-computed offsets.
FIXREC = [
    (0, "FX-ID", (Z, 4, 0, None)),
    (4, "FX-TEXT", (X, 24)),
    (28, "FX-CODE", (X, 3)),
    (31, "FX-UNS-ZONED", (Z, 5, 0, None)),
    (36, "FX-SGN-ZONED", (Z, 9, 2, "trail")),
    (45, "FX-SGN-LEAD", (Z, 5, 0, "lead")),
    (50, "FX-SGN-TRAIL-SEP", (Z, 6, 1, "trail_sep")),
    (57, "FX-SGN-LEAD-SEP", (Z, 3, 0, "lead_sep")),
    (61, "FX-PK-ODD", (P, 9, 2, True)),
    (66, "FX-PK-EVEN", (P, 6, 0, True)),
    (70, "FX-PK-UNS-ODD", (P, 7, 2, False)),
    (74, "FX-PK-UNS-EVEN", (P, 4, 0, False)),
    (77, "FX-PK-FRAC", (P, 3, 3, True)),
    (79, "FX-PK-18", (P, 18, 0, True)),
    (89, "FX-PK-BIG", (P, 31, 2, True)),
    (105, "FX-BIN-S2", (B, 2, 0, True)),
    (107, "FX-BIN-U2", (B, 2, 2, False)),
    (109, "FX-BIN-S4", (B, 4, 2, True)),
    (113, "FX-BIN-U4", (B, 4, 0, False)),
    (117, "FX-BIN-S8", (B, 8, 2, True)),
    (125, "FX-BIN-U8", (B, 8, 0, False)),
    (133, "FX-C5-S2", (B, 2, 0, True)),
    (135, "FX-C5-U4", (B, 4, 0, False)),
    (139, "FX-C5-S8", (B, 8, 0, True)),
    (147, "FX-SCORES", (Z, 3, 0, None), 4, 3),
    (159, "FX-ITEM-CODE", (X, 4), 3, 6),
    (163, "FX-ITEM-QTY", (P, 3, 0, True), 3, 6),
    (177, "FX-DATE", (Z, 8, 0, None)),
    (177, "FX-DATE-YYYY", (Z, 4, 0, None)),
    (181, "FX-DATE-MM", (Z, 2, 0, None)),
    (183, "FX-DATE-DD", (Z, 2, 0, None)),
    (188, "FX-TRAILER", (X, 6)),
]
FIXREC_LRECL = 194
FIXREC_FILLER = (185, 3)

ACCTMAST = [
    (0, "ACCT-NUMBER", (Z, 10, 0, None)),
    (10, "ACCT-CUSTOMER-ID", (Z, 8, 0, None)),
    (18, "ACCT-HOLDER-NAME", (X, 30)),
    (48, "ACCT-BRANCH", (Z, 4, 0, None)),
    (52, "ACCT-PRODUCT-CODE", (X, 3)),
    (55, "ACCT-CURRENCY", (X, 3)),
    (58, "ACCT-OPEN-DATE", (Z, 8, 0, None)),
    (66, "ACCT-STATUS", (X, 1)),
    (67, "ACCT-CURRENT-BAL", (P, 15, 2, True)),
    (75, "ACCT-AVAILABLE-BAL", (P, 15, 2, True)),
    (83, "ACCT-OVERDRAFT-LIMIT", (P, 11, 2, True)),
    (89, "ACCT-INTEREST-RATE", (P, 7, 4, True)),
    (93, "ACCT-LAST-ACTIVITY", (Z, 8, 0, None)),
]
ACCTMAST_LRECL = 120
ACCTMAST_FILLER = (101, 19)


def decode_fixed(rec, layout, cp):
    out = []
    for entry in layout:
        off, _, f = entry[:3]
        n = field_length(f)
        if len(entry) == 3:
            out.append(decode_field(rec[off:off + n], f, cp))
            continue
        occurs, stride = entry[3], entry[4]
        vals = [decode_field(rec[off + i * stride:off + i * stride + n],
                             f, cp) for i in range(occurs)]
        out.append(text_array(vals) if f[0] == X else num_array(vals))
    return out


def header_fixed(layout):
    return [name(e[1]) for e in layout]


def decode_odorec(rec, cp):
    """ORDER-REC: 32 fixed bytes, then ORD-LINE-COUNT lines of 16."""
    count = int(zoned(rec[30:32], 2, 0, None))
    if not 0 <= count <= 10 or len(rec) != 32 + 16 * count:
        raise Bad("ODOREC length %d with count %d" % (len(rec), count))
    skus, qtys, prices = [], [], []
    for i in range(count):
        o = 32 + 16 * i
        skus.append(decode_field(rec[o:o + 8], (X, 8), cp))
        qtys.append(packed(rec[o + 8:o + 11], 5, 0, True))
        prices.append(packed(rec[o + 11:o + 16], 9, 2, True))
    return [zoned(rec[0:6], 6, 0, None), escape(decode_text(rec[6:22], cp)),
            zoned(rec[22:30], 8, 0, None), str(count), text_array(skus),
            num_array(qtys), num_array(prices)]


ODOREC_HEADER = ["ord_id", "ord_customer", "ord_date", "ord_line_count",
                 "ord_sku", "ord_qty", "ord_price"]


def decode_odoslide(rec, cp):
    """STMT-REC: 12 bytes, STMT-TXN-COUNT entries of 16, then 24 bytes
    that start right after the last actual entry (the z/OS layout)."""
    count = int.from_bytes(rec[10:12], "big", signed=True)
    if not 0 <= count <= 8 or len(rec) != 12 + 16 * count + 24:
        raise Bad("ODOSLIDE length %d with count %d" % (len(rec), count))
    dates, types, amounts = [], [], []
    for i in range(count):
        o = 12 + 16 * i
        dates.append(zoned(rec[o:o + 8], 8, 0, None))
        types.append(decode_text(rec[o + 8:o + 10], cp))
        amounts.append(packed(rec[o + 10:o + 16], 11, 2, True))
    t = 12 + 16 * count
    return [zoned(rec[0:10], 10, 0, None), str(count), num_array(dates),
            text_array(types), num_array(amounts),
            packed(rec[t:t + 7], 13, 2, True),
            escape(decode_text(rec[t + 7:t + 19], cp)),
            zoned(rec[t + 19:t + 24], 5, 0, "trail")]


ODOSLIDE_HEADER = ["stmt_account", "stmt_txn_count", "txn_date", "txn_type",
                   "txn_amount", "stmt_closing_bal", "stmt_branch_name",
                   "stmt_seq"]


# ---------------------------------------------------------------- framing

def frame_fixed(data, lrecl, filler):
    if len(data) % lrecl:
        raise Bad("size %d is not a multiple of %d" % (len(data), lrecl))
    recs = [data[i:i + lrecl] for i in range(0, len(data), lrecl)]
    if filler:
        off, n = filler
        for r in recs:
            if r[off:off + n] != b"\x40" * n:
                raise Bad("FILLER is not EBCDIC spaces")
    return recs


def frame_rdw(data, at=0, end=None):
    end = len(data) if end is None else end
    recs = []
    while at < end:
        if end - at < 4:
            raise Bad("truncated RDW at %d" % at)
        length = int.from_bytes(data[at:at + 2], "big")
        if data[at + 2:at + 4] != b"\0\0" or length < 5 or at + length > end:
            raise Bad("bad RDW %s at %d" % (data[at:at + 4].hex(), at))
        recs.append(data[at + 4:at + length])
        at += length
    return recs


def frame_bdw(data, block_limit=200):
    recs, at, blocks = [], 0, 0
    while at < len(data):
        length = int.from_bytes(data[at:at + 2], "big")
        if (data[at + 2:at + 4] != b"\0\0" or length < 8
                or length > block_limit or at + length > len(data)):
            raise Bad("bad BDW %s at %d" % (data[at:at + 4].hex(), at))
        block = frame_rdw(data, at + 4, at + length)
        if not block:
            raise Bad("empty block at %d" % at)
        recs += block
        at += length
        blocks += 1
    return recs, blocks


# ---------------------------------------------------------------- checking

def read_expected(path):
    with open(path, encoding="utf-8", newline="") as f:
        lines = f.read().split("\n")
    if lines[-1] != "":
        raise Bad("%s: no newline at the end" % path)
    return [line.split("\t") for line in lines[:-1]]


def compare(label, header, rows, expected_path):
    exp = read_expected(expected_path)
    if exp[0] != header:
        raise Bad("%s: header %s, decoder has %s" % (label, exp[0], header))
    if len(exp) - 1 != len(rows):
        raise Bad("%s: %d expected rows, %d records"
                  % (label, len(exp) - 1, len(rows)))
    for n, (want, got) in enumerate(zip(exp[1:], rows), 1):
        if want != got:
            cols = [header[i] for i in range(len(header))
                    if i >= len(want) or i >= len(got) or want[i] != got[i]]
            raise Bad("%s: record %d differs in %s:\n  expected %r\n"
                      "  decoded  %r" % (label, n, cols, want, got))
    return len(rows)


def read(path):
    with open(path, "rb") as f:
        return f.read()


def check_sorted(label, rows):
    keys = [int(r[0]) for r in rows]
    if any(a >= b for a, b in zip(keys, keys[1:])):
        raise Bad("%s: keys not strictly ascending" % label)


def main():
    results = []
    failures = 0

    def run(label, fn):
        nonlocal failures
        try:
            results.append("ok    %-28s %s" % (label, fn()))
        except Bad as e:
            failures += 1
            results.append("FAIL  %-28s %s" % (label, e))

    def fixed(cp):
        recs = frame_fixed(read(os.path.join(HERE, "fixed_%s.dat" % cp)),
                           FIXREC_LRECL, FIXREC_FILLER)
        rows = [decode_fixed(r, FIXREC, cp) for r in recs]
        n = compare(cp, header_fixed(FIXREC), rows,
                    os.path.join(HERE, "fixed_%s.expected.tsv" % cp))
        return "%d records, FB lrecl %d" % (n, FIXREC_LRECL)

    for cp in ("cp037", "cp1047", "cp500", "cp273", "cp1140"):
        run("fixed_%s.dat" % cp, lambda cp=cp: fixed(cp))

    def same_data():
        """The five expected files hold one data set (the currency sign
        of the Latin-1 pages is the euro sign in cp1140)."""
        base = read(os.path.join(HERE, "fixed_cp037.expected.tsv"))
        for cp in ("cp1047", "cp500", "cp273"):
            if read(os.path.join(HERE, "fixed_%s.expected.tsv" % cp)) != base:
                raise Bad("fixed_%s.expected.tsv differs from cp037" % cp)
        euro = base.decode("utf-8").replace("\u00a4", "\u20ac")
        if read(os.path.join(HERE, "fixed_cp1140.expected.tsv")).decode(
                "utf-8") != euro:
            raise Bad("cp1140 expected is not cp037's with the euro sign")
        datas = {read(os.path.join(HERE, "fixed_%s.dat" % cp))
                 for cp in ("cp037", "cp1047", "cp500", "cp273")}
        if len(datas) != 4:
            raise Bad("two of the Latin-1 code page files are identical")
        return "one data set in five code pages"

    run("fixed_*.expected.tsv", same_data)

    def variable(stem, decode, header, count_column, block_limit=200):
        vb = frame_rdw(read(os.path.join(HERE, "%s_vb_cp037.dat" % stem)))
        bdw, blocks = frame_bdw(
            read(os.path.join(HERE, "%s_vbbdw_cp037.dat" % stem)),
            block_limit)
        if vb != bdw:
            raise Bad("the RDW and BDW files hold different records")
        rows = [decode(r, "cp037") for r in vb]
        n = compare(stem, header, rows,
                    os.path.join(HERE, "%s_cp037.expected.tsv" % stem))
        counts = [int(r[header.index(count_column)]) for r in rows]
        lengths = [len(r) for r in vb]
        return ("%d records (RDW; BDW in %d blocks), lengths %d-%d, "
                "counts %d-%d" % (n, blocks, min(lengths), max(lengths),
                                  min(counts), max(counts)))

    run("odo_{vb,vbbdw}_cp037.dat",
        lambda: variable("odo", decode_odorec, ODOREC_HEADER,
                         "ord_line_count"))
    run("odoslide_{vb,vbbdw}_cp037.dat",
        lambda: variable("odoslide", decode_odoslide, ODOSLIDE_HEADER,
                         "stmt_txn_count"))

    def acct(path, expected):
        recs = frame_fixed(read(path), ACCTMAST_LRECL, ACCTMAST_FILLER)
        rows = [decode_fixed(r, ACCTMAST, "cp037") for r in recs]
        n = compare(os.path.basename(path), header_fixed(ACCTMAST), rows,
                    expected)
        check_sorted(os.path.basename(path), rows)
        return "%d records, FB lrecl %d, sorted by acct_number" % (
            n, ACCTMAST_LRECL)

    run("ksds_acct_cp037.dat",
        lambda: acct(os.path.join(HERE, "ksds_acct_cp037.dat"),
                     os.path.join(HERE, "ksds_acct_cp037.expected.tsv")))

    def demo():
        result = acct(os.path.join(DEMO, "acctmast.dat"),
                      os.path.join(DEMO, "acctmast.expected.tsv"))
        exp = read_expected(os.path.join(DEMO, "acctmast.expected.tsv"))
        account_customers = {r[1] for r in exp[1:]}
        with open(os.path.join(DEMO, "customer_digital_profile.csv"),
                  encoding="ascii") as f:
            lines = f.read().splitlines()
        if lines[0] != "customer_id,email_domain,app_user,segment,last_login":
            raise Bad("customer CSV header")
        ids = [line.split(",")[0] for line in lines[1:]]
        if len(set(ids)) != len(ids):
            raise Bad("duplicate customer ids")
        missing = account_customers - set(ids)
        if missing:
            raise Bad("account customers missing from the CSV: %d"
                      % len(missing))
        return result + "; %d customers, all account holders among them" % (
            len(ids))

    run("demo/data/acctmast.dat", demo)

    print("\n".join(results))
    print("%d passed, %d failed" % (len(results) - failures, failures))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
