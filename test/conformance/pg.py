"""psql through subprocess: run a script against the test cluster and read
its rows back as JSON, one row per line.

The conformance suites need nothing but psql: every query they run selects
row_to_json(...) so that numbers keep their exact text (numeric scale,
shortest float8 digits) and bytea, jsonb and arrays arrive unambiguously.
"""
import decimal
import json
import os
import shutil
import subprocess

MARK = "@@zfdw-query "


def find_psql():
    """psql of the PostgreSQL under test (ZF_PG_BINDIR, set by
    scripts/conformance.sh), else of PostgreSQL 15 (Debian layout), else the
    one on PATH."""
    bindir = os.environ.get("ZF_PG_BINDIR")
    if bindir:
        found = shutil.which("psql", path=bindir)
        if found is not None:
            return found
    for candidate in ("/usr/lib/postgresql/15/bin/psql",):
        if os.access(candidate, os.X_OK):
            return candidate
    found = shutil.which("psql")
    if found is None:
        raise SystemExit("conformance: psql not found")
    return found


def quote_literal(s):
    """A SQL string literal (standard_conforming_strings is on)."""
    return "'" + str(s).replace("'", "''") + "'"


def quote_ident(s):
    return '"' + s.replace('"', '""') + '"'


class Result:
    """What one script produced: rows per query, notices, the error."""

    def __init__(self, ok, queries, stderr):
        self.ok = ok
        self.queries = queries      # name -> list of row dicts
        self.stderr = stderr

    def rows(self, name="q"):
        return self.queries.get(name, [])

    def error(self):
        """The first ERROR line and its DETAIL, for a failure message."""
        lines = self.stderr.splitlines()
        for i, line in enumerate(lines):
            if "ERROR:" in line:
                msg = line[line.index("ERROR:") + 7:].strip()
                for more in lines[i + 1:i + 3]:
                    if more.startswith("DETAIL:"):
                        msg += " (" + more[7:].strip() + ")"
                return msg
        return self.stderr.strip()[:300] or "psql failed"


class Psql:
    """Runs scripts on one database of the throwaway cluster."""

    def __init__(self, host, port, user="postgres", dbname="postgres"):
        self.argv = [find_psql(), "-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1",
                     "-h", host, "-p", str(port), "-U", user, "-d", dbname]

    def run(self, script):
        """Run a script; on error the rows read so far are kept."""
        env = dict(os.environ, PGCLIENTENCODING="UTF8", PGOPTIONS="-c client_min_messages=notice")
        proc = subprocess.run(self.argv, input=script.encode("utf-8"),
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              env=env, cwd="/")
        queries = {}
        current = None
        for line in proc.stdout.decode("utf-8", "replace").split("\n"):
            if line.startswith(MARK):
                current = line[len(MARK):].strip()
                queries[current] = []
            elif current is not None and line != "":
                try:
                    queries[current].append(json.loads(line, parse_float=decimal.Decimal))
                except ValueError as e:
                    raise RuntimeError("unreadable row %r: %s" % (line[max(0, e.pos - 100):e.pos + 40], e))
        return Result(proc.returncode == 0, queries,
                      proc.stderr.decode("utf-8", "replace"))

    def sql(self, statement):
        """One statement, its rows; raises on error."""
        res = self.run(select("q", statement))
        if not res.ok:
            raise RuntimeError(res.error())
        return res.rows()


def select(name, query):
    """Script text for a query whose rows come back under name."""
    return ("\\echo " + MARK + name + "\n"
            "SELECT row_to_json(zfdw_row)::text FROM (" + query + ") AS zfdw_row;\n")
