#!/usr/bin/env python3
"""zfdw conformance runner: the peer suites of ../shared/conformance read
through the installed extension and compared with the peers' expected
outputs.

    run.py --host SOCKETDIR --port PORT --shared PATH [--only NAME...] [-v]

Suites: cobrix, jrecord, cb2xml, ibm2ieee, aws-unlock-mainframe-data,
ebcdic-parser (see the Conformance chapter of README.md).  Each prints
"suite NAME: N passed, M failed", one line per failure with its reason,
and notes where zfdw differs from the peer by design; the last line is
"conformance: N passed, M failed".  Every case counts as one.  Cases out
of scope are listed with -v (and in README.md), never run.

Python 3 standard library only; psql does the talking.  The server reads
the data files itself, so they must be readable by the server's user.
"""
import argparse
import os
import sys
import time
import traceback

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import pg  # noqa: E402
import tables  # noqa: E402


class Suite:
    """Pass, fail and out-of-scope records of one suite."""

    def __init__(self, name, verbose):
        self.name = name
        self.verbose = verbose
        self.passed = []
        self.failed = []
        self.skipped = []
        self.notes = []

    def ok(self, case, detail="", notes=()):
        self.passed.append((case, detail))
        self.add_notes(case, notes)

    def fail(self, case, reason, notes=()):
        self.failed.append((case, reason))
        self.add_notes(case, notes)

    def skip(self, case, reason):
        self.skipped.append((case, reason))

    def add_notes(self, case, notes):
        """A note is a text, or (count, text) when it counts values."""
        for n in notes:
            count, text = n if isinstance(n, tuple) else (None, n)
            self.notes.append((case, text, count))

    def report(self, seconds):
        print("suite %s: %d passed, %d failed (%d out of scope, %.1fs)" % (
            self.name, len(self.passed), len(self.failed), len(self.skipped), seconds))
        for case, reason in self.failed:
            print("  FAIL %s: %s" % (case, reason))
        # notes: each text once, with the cases it applies to
        grouped = {}
        for case, text, count in self.notes:
            cases, total = grouped.setdefault(text, ([], 0))
            cases.append(case)
            grouped[text] = (cases, total + (count or 0))
        for text, (cases, total) in grouped.items():
            where = ", ".join(cases) if len(cases) <= 4 else "%s and %d more" % (
                ", ".join(cases[:3]), len(cases) - 3)
            print("  note: %s%s [%s]" % ("%d x " % total if total else "", text, where))
        if self.verbose:
            for case, detail in self.passed:
                print("  ok   %s%s" % (case, ": " + detail if detail else ""))
            for case, reason in self.skipped:
                print("  out  %s: %s" % (case, reason))
        sys.stdout.flush()


class Context:
    def __init__(self, psql, shared, only):
        self.psql = psql
        self.shared = shared
        self.only = only


def suites():
    import cb2xml
    import cobrix
    import ibm2ieee
    import jrecord
    import small_files
    return [("cobrix", cobrix.run_suite), ("jrecord", jrecord.run_suite),
            ("cb2xml", cb2xml.run_suite), ("ibm2ieee", ibm2ieee.run_suite),
            ("aws-unlock-mainframe-data", small_files.run_aws),
            ("ebcdic-parser", small_files.run_ebcdic_parser)]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--host", required=True)
    ap.add_argument("--port", required=True)
    ap.add_argument("--shared", required=True, help="path of ../shared/conformance")
    ap.add_argument("--suite", action="append", help="run only these suites")
    ap.add_argument("--only", action="append", help="cobrix: only cases whose folder has this")
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args()

    psql = pg.Psql(args.host, args.port)
    try:
        psql.sql("SELECT 1 AS one")
        res = psql.run("SET client_min_messages = warning;\n"
                       "CREATE EXTENSION IF NOT EXISTS zfdw;\n"
                       "DROP SERVER IF EXISTS %s CASCADE;\n"
                       "CREATE SERVER %s FOREIGN DATA WRAPPER zfdw;\n" % (
                           tables.SERVER, tables.SERVER))
        if not res.ok:
            raise RuntimeError(res.error())
    except RuntimeError as e:
        print("conformance: cannot set up the database: %s" % e)
        print("conformance: 0 passed, 1 failed")
        return 1
    ctx = Context(psql, os.path.abspath(args.shared), args.only)
    total_pass = total_fail = 0
    for name, fn in suites():
        if args.suite and name not in args.suite:
            continue
        suite = Suite(name, args.verbose)
        start = time.time()
        try:
            fn(ctx, suite)
        except Exception as e:  # a runner bug must not hide the other suites
            suite.fail("(runner)", "%s: %s" % (type(e).__name__, e))
            if args.verbose:
                traceback.print_exc()
        suite.report(time.time() - start)
        total_pass += len(suite.passed)
        total_fail += len(suite.failed)
    print("conformance: %d passed, %d failed" % (total_pass, total_fail))
    return 0 if total_fail == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
