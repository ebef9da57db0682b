"""Suites aws-unlock-mainframe-data and ebcdic-parser: small fixed-length
EBCDIC (cp037) files with the other tools' expected output.

- aws-unlock-mainframe-data: EMPREC01, 5 records of 150 bytes: zoned with
  REDEFINES as text, OCCURS 3, binary, unsigned and signed COMP-3, zoned
  with overpunch.  The expected CSV keeps text untrimmed (trim 'none' here)
  and prints numbers with an explicit sign and leading zeros ("+00017.00"),
  compared by value and scale; its FILLER column is not compared.
- ebcdic-parser: 100 records of 905 bytes, 17 text fields described by the
  tool's JSON layout, written here as the equivalent copybook; values
  trimmed on both sides (trim 'both'); the TSV's extra last column (the
  source file's name) is not compared.
"""
import csv
import json
import os

import compare
import jrecord
import tables


def aws(ctx, suite):
    base = os.path.join(ctx.shared, "aws-unlock-mainframe-data")
    name = "EMPREC01"
    with open(os.path.join(base, "EMPREC01.cpy"), encoding="utf-8") as f:
        copybook = f.read()
    with open(os.path.join(base, "TEST.EMP.RECORD.FILE.expected.csv"), encoding="utf-8",
              newline="") as f:
        expected = list(csv.DictReader(f))
    try:
        _, _, rows, _ = tables.read(ctx.psql, copybook, {
            "filename": os.path.join(base, "TEST.EMP.RECORD.FILE.dat"), "recfm": "fb",
            "codepage": "cp037", "trim": "none"})
    except RuntimeError as e:
        suite.fail(name, str(e))
        return
    problems = []
    if len(rows) != len(expected):
        problems.append("%d records, expected %d" % (len(rows), len(expected)))
    for row, exp in zip(rows, expected):
        flat = jrecord.flatten(row)
        for i, line in enumerate(row.get("emp_address", []) or []):
            flat["emp_addr_line_%d" % (i + 1)] = line.get("emp_addr_line")
        for col, want in exp.items():
            if col.startswith("FILLER"):
                continue
            got = flat.get(col.lower())
            if not jrecord.same(want, got):
                problems.append("record %d %s: %r, zfdw %s%s" % (
                    row["@record_number"], col, want, compare.show(got),
                    jrecord.why(row, col)))
    jrecord.report(suite, name, problems, "%d records, %d fields each" % (
        len(rows), len(expected[0]) - 1 if expected else 0))


def ebcdic_parser(ctx, suite):
    base = os.path.join(ctx.shared, "ebcdic-parser")
    name = "311_calls_first100"
    with open(os.path.join(base, "311_calls_layout.json"), encoding="utf-8") as f:
        fields = json.load(f)["layouts"][0]["layout"]
    copybook = "       01 CALLS.\n" + "".join(
        "           05 %s PIC X(%d).\n" % (fl["name"].upper().replace("_", "-"), fl["size"])
        for fl in fields)
    with open(os.path.join(base, "311_calls_first100.expected.tsv"), encoding="utf-8") as f:
        expected = [l.rstrip("\n").split("\t") for l in f if l.strip()]
    try:
        _, _, rows, _ = tables.read(ctx.psql, copybook, {
            "filename": os.path.join(base, "311_calls_first100.ebc"), "recfm": "fb",
            "codepage": "cp037", "trim": "both"})
    except RuntimeError as e:
        suite.fail(name, str(e))
        return
    problems = []
    if len(rows) != len(expected):
        problems.append("%d records, expected %d" % (len(rows), len(expected)))
    for row, exp in zip(rows, expected):
        for fl, want in zip(fields, exp):
            got = row.get(fl["name"])
            if got != want:
                problems.append("record %d %s: %r, zfdw %r" % (row["@record_number"],
                                                              fl["name"], want, got))
    jrecord.report(suite, name, problems, "%d records, %d fields each" % (len(rows), len(fields)))


def run_aws(ctx, suite):
    aws(ctx, suite)


def run_ebcdic_parser(ctx, suite):
    ebcdic_parser(ctx, suite)
