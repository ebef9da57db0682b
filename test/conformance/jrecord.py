"""Suite jrecord: JRecord's sample files (../shared/conformance/jrecord).

- DTAR020: FB 27, cp037, 379 records against JRecord's CSV export.
- FCUSTDAT: RECFM=V with RDWs, OCCURS DEPENDING ON, 150 records against a
  GnuCOBOL reader's output (cross-checked in Python by the data's
  provider); text untrimmed, every occurrence up to the count.
- DTAR107: dirty data (CUST-NO PIC 9(16) holds spaces and one digit in
  every record): on_error stop, null and skip each behave as documented;
  the other fields are checked against a small decoder written here
  (packed and zoned decimal are simple enough to decode independently).
- gnucobol-mvs-selfcheck: files written by GnuCOBOL with big-endian COMP
  of 2, 4 and 8 bytes; self-checking (JRecord's rule): NumA, an edited
  DISPLAY field, holds the reference value, and every NumN whose integer
  digits can hold it equals it.
"""
import decimal
import os

import compare
import tables

D = decimal.Decimal


def dtar020(ctx, suite, base):
    name = "DTAR020"
    with open(os.path.join(base, "DTAR020.cbl"), encoding="utf-8") as f:
        copybook = f.read()
    with open(os.path.join(base, "DTAR020.expected.tsv"), encoding="utf-8") as f:
        lines = [l.rstrip("\n").split("\t") for l in f if l.strip()]
    header, expected = lines[0], lines[1:]
    try:
        _, _, rows, _ = tables.read(ctx.psql, copybook, {
            "filename": os.path.join(base, "DTAR020.bin"), "recfm": "fb", "codepage": "cp037"})
    except RuntimeError as e:
        suite.fail(name, str(e))
        return
    problems = []
    if len(rows) != len(expected):
        problems.append("%d records, expected %d" % (len(rows), len(expected)))
    for i, (row, exp) in enumerate(zip(rows, expected)):
        flat = flatten(row)
        for col, want in zip(header, exp):
            got = flat.get("dtar020_" + col.lower())
            if not same(want, got):
                problems.append("record %d %s: JRecord %s, zfdw %s%s" % (
                    i + 1, col, want, got, why(row, col)))
    report(suite, name, problems, "%d records" % len(rows))


def flatten(row):
    """{leaf key: value} of an assembled row (leaf names are unique here)."""
    out = {}
    for k, v in row.items():
        if k.startswith("@"):
            continue
        if isinstance(v, dict):
            out.update(flatten(v))
        else:
            out[k] = v
    return out


def same(want, got):
    """A peer's text value against ours: numbers by value and scale."""
    if got is None:
        return False
    if compare.is_number(got):
        try:
            return compare.numbers_equal(D(want), got)
        except decimal.InvalidOperation:
            return False
    return want == got


def why(row, col):
    for k, v in row.get("@why", {}).items():
        if k.endswith(col.lower()):
            return " [%s]" % v
    return ""


def report(suite, name, problems, detail, notes=()):
    if problems:
        suite.fail(name, "%d differences; first: %s" % (len(problems), "; ".join(problems[:3])),
                   notes)
    else:
        suite.ok(name, detail, notes)


def fcustdat(ctx, suite, base):
    name = "FCUSTDAT"
    with open(os.path.join(base, "FCUSDAT.cbl"), encoding="utf-8") as f:
        copybook = f.read()
    expected = []
    with open(os.path.join(base, "ZOS.FCUSTDAT_150.expected.tsv"), encoding="utf-8") as f:
        for line in f:
            if line.strip():
                expected.append(dict(p.split("=", 1) for p in line.rstrip("\n").split("\t")))
    try:
        _, _, rows, _ = tables.read(ctx.psql, copybook, {
            "filename": os.path.join(base, "ZOS.FCUSTDAT_150.vb.bin"), "recfm": "vb",
            "codepage": "cp037", "trim": "none"})
    except RuntimeError as e:
        suite.fail(name, str(e))
        return
    problems = []
    if len(rows) != len(expected):
        problems.append("%d records, expected %d" % (len(rows), len(expected)))
    for row, exp in zip(rows, expected):
        ours = {"REC": row["@record_number"], "RDW-LEN": row["@record_length"] + 4}
        pd = row.get("personal_data", {})
        tr = row.get("transactions", {})
        ours["CUSTOMER-ID"] = row.get("customer_id")
        for k in ("customer_name", "customer_address", "customer_phone"):
            ours[k.upper().replace("_", "-")] = pd.get(k)
        ours["TRANSACTION-NBR"] = tr.get("transaction_nbr")
        for i, t in enumerate(tr.get("transaction", [])):
            for k in ("transaction_date", "transaction_amount", "transaction_comment"):
                ours["%s(%02d)" % (k.upper().replace("_", "-"), i + 1)] = t.get(k)
        for k in sorted(set(exp) | set(ours)):
            if k not in exp or not same(exp[k], ours.get(k)):
                problems.append("record %s %s: GnuCOBOL %s, zfdw %s" % (
                    exp.get("REC"), k, exp.get(k), compare.show(ours.get(k))))
    report(suite, name, problems, "%d records, every field and occurrence" % len(rows))


# DTAR107's fields after CUST-NO: (name, offset, length, kind, scale)
DTAR107_FIELDS = [
    ("dtar107_store_no", 0, 2, "packed", 0), ("dtar107_trans_date", 2, 4, "packed", 0),
    ("dtar107_amount", 22, 5, "packed", 2), ("dtar107_operator_no", 27, 5, "packed", 0),
    ("dtar107_terminal_no", 32, 2, "packed", 0), ("dtar107_time", 34, 3, "packed", 0),
    ("dtar107_trans_no", 37, 3, "packed", 0), ("dtar107_trans_type", 40, 2, "zoned", 0),
    ("dtar107_trans_code", 42, 2, "zoned", 0), ("dtar107_std_points", 44, 4, "packed", 0),
    ("dtar107_bonus_points", 48, 4, "packed", 0), ("dtar107_no_of_txns", 52, 2, "zoned", 0),
]


def unpack(b, scale):
    """Packed decimal: two digits a byte, the last nibble the sign (D/B
    negative)."""
    digits = b.hex()[:-1]
    sign = -1 if b[-1] & 15 in (0xB, 0xD) else 1
    return sign * D(int(digits)).scaleb(-scale)


def unzone(b):
    """Unsigned zoned decimal: the low nibble of each byte."""
    return D(int("".join(str(x & 15) for x in b)))


def dtar107(ctx, suite, base):
    with open(os.path.join(base, "DTAR107.cbl"), encoding="utf-8") as f:
        copybook = f.read()
    path = os.path.join(base, "DTAR107.bin")
    with open(path, "rb") as f:
        data = f.read()
    records = [data[i:i + 54] for i in range(0, len(data), 54)]
    opts = {"filename": path, "recfm": "fb", "codepage": "cp037"}
    roots = tables.layout(ctx.psql, copybook)
    root = list(roots.values())[0]
    cols = tables.field_columns(root, text_twins=False)

    # stop: the first bad value ends the query, naming record, field, bytes
    res = ctx.psql.run(tables.script_header() + tables.create_sql(
        "t", cols, dict(opts, copybook_text=copybook)) +
        "SELECT count(t) FROM t;\nROLLBACK;\n")
    err = res.stderr
    ok = (not res.ok and "DTAR107-CUST-NO" in err and "record 1 at byte offset 0" in err and
          "40 40 40" in err)
    if ok:
        suite.ok("DTAR107 on_error stop", "error names record 1, DTAR107-CUST-NO, its bytes")
    else:
        suite.fail("DTAR107 on_error stop", "expected an error naming record 1 and "
                   "DTAR107-CUST-NO with its bytes; got: %s" % (res.error() if not res.ok
                                                                 else "no error"))

    # null: the bad field is NULL, every other field decodes
    try:
        _, _, rows, _ = tables.read(ctx.psql, copybook, opts)
    except RuntimeError as e:
        suite.fail("DTAR107 on_error null", str(e))
        rows = []
    problems = []
    if len(rows) != len(records):
        problems.append("%d rows, %d records" % (len(rows), len(records)))
    for row, rec in zip(rows, records):
        flat = flatten(row)
        if flat.get("dtar107_cust_no") is not None:
            problems.append("record %d CUST-NO: %s, expected NULL" % (
                row["@record_number"], flat.get("dtar107_cust_no")))
        if "invalid zoned decimal digit X'40'" not in row["@why"].get("dtar107_cust_no", ""):
            problems.append("record %d: no notice for CUST-NO" % row["@record_number"])
        for fname, off, length, kind, scale in DTAR107_FIELDS:
            b = rec[off:off + length]
            want = unpack(b, scale) if kind == "packed" else unzone(b)
            if flat.get(fname) is None or not compare.numbers_equal(want, flat[fname]):
                problems.append("record %d %s: %s, zfdw %s" % (row["@record_number"], fname,
                                                               want, flat.get(fname)))
    if rows:
        report(suite, "DTAR107 on_error null", problems,
               "%d records: CUST-NO NULL with a notice, %d other fields match" % (
                   len(rows), len(DTAR107_FIELDS)))

    # skip: every record has the bad field, so none is returned
    res = ctx.psql.run(tables.script_header() + tables.create_sql(
        "t", cols, dict(opts, copybook_text=copybook, on_error="skip")) +
        "SELECT count(t) FROM t;\nROLLBACK;\n")
    out = res.stderr
    if res.ok and "%d records of foreign table" % len(records) in out and "skipped" in out:
        suite.ok("DTAR107 on_error skip", "0 rows, %d records reported skipped" % len(records))
    else:
        suite.fail("DTAR107 on_error skip", "expected 0 rows and a notice of %d skipped "
                   "records; got: %s" % (len(records), res.error() if not res.ok else out.strip()))


def selfcheck(ctx, suite, base, stem, positive):
    """A GnuCOBOL -std=mvs self-checking file: NumA is the reference."""
    name = "gnucobol-mvs-selfcheck/" + stem
    with open(os.path.join(base, stem + ".cbl"), encoding="utf-8") as f:
        copybook = f.read()
    try:
        root, _, rows, _ = tables.read(ctx.psql, copybook, {
            "filename": os.path.join(base, stem + ".bin"), "recfm": "fb", "codepage": "ascii"},
            types={"numa": "text"})
    except RuntimeError as e:
        suite.fail(name, str(e))
        return
    nodes = {compare.key(n.name): n.row for n in root.walk()}
    problems = []
    compared = 0
    for row in rows:
        text = row.get("numa")
        try:
            # the reference, read here from its edited text: "-1,234.56"
            ref = D(text.replace(",", "").replace(" ", ""))
        except (AttributeError, decimal.InvalidOperation):
            problems.append("record %d NumA: %r" % (row["@record_number"], text))
            continue
        ref = abs(ref) if positive else ref
        int_digits = len(str(abs(int(ref)))) if int(ref) != 0 else 0
        for n in range(2, 17):
            k = "num%d" % n
            spec = nodes[k]
            if spec["digits"] - spec["scale"] < int_digits:
                continue
            compared += 1
            if row.get(k) is None or not compare.numbers_equal(ref, row[k]):
                problems.append("record %d %s: NumA %s, zfdw %s" % (
                    row["@record_number"], k, ref, row.get(k)))
    report(suite, name, problems, "%d records, %d comparisons" % (len(rows), compared))


def run_suite(ctx, suite):
    base = os.path.join(ctx.shared, "jrecord")
    dtar020(ctx, suite, base)
    fcustdat(ctx, suite, base)
    dtar107(ctx, suite, base)
    mvs = os.path.join(base, "gnucobol-mvs-selfcheck")
    selfcheck(ctx, suite, mvs, "mvsComp", False)
    selfcheck(ctx, suite, mvs, "mvsCompPositive", True)
    suite.skip("gnucobol-mvs-selfcheck/mvsCompSync",
               "written by GnuCOBOL's MVS configuration: IBM's binary sizes (2-4-8) with "
               "GnuCOBOL's SYNC slack bytes (224-byte record); dialect 'ibm' lays it out as "
               "IBM does (192 bytes, as cb2xml's cpyCompSync), 'gnucobol' and 'microfocus' "
               "have other binary sizes; test/sql/diag_dialects checks GnuCOBOL's slack bytes")
    suite.skip("types1/TestData_CP037, TestData_CP273",
               "value-to-bytes vectors of JRecord's own type numbers (the encode direction)")
