"""Suite ibm2ieee: IBM hexadecimal floating point vectors (enthought's
ibm2ieee test tables, ../shared/conformance/ibm2ieee), one case per row.

- HFP to IEEE double (single and double HFP): zfdw.from_hfp(bytea), whose
  float8 bits (float8send) must equal the expected bits exactly.  COMP-1
  to double is exact; COMP-2's 56-bit fraction is rounded half to even.
- HFP to IEEE single: a foreign table column of type real over a COMP-1
  or COMP-2 field (zfdw converts HFP straight to float, rounding once),
  whose float4 bits (float4send) must equal the expected bits.  The bytes
  come from a program (printf) so no file needs writing.

ibm2ieee turns a value beyond float's range into +/-infinity.  zfdw never
replaces a value by another silently: it refuses it (an error, or NULL
and a notice under on_error 'null'), so for those rows the runner checks
that refusal and counts it as a designed difference.
"""
import os

from pg import quote_literal, select
import tables


def read_tsv(path):
    rows = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            hfp, bits = line.split("\t")[:2]
            rows.append((hfp.strip().upper(), bits.strip().upper()))
    return rows


def octal_printf(data):
    """A shell command printing these bytes (POSIX printf, octal escapes)."""
    return "printf '%s'" % "".join("\\%03o" % b for b in data)


def to_double(ctx, suite, path, label):
    rows = read_tsv(path)
    values = ",".join("(%d, '\\x%s'::bytea)" % (i, h) for i, (h, _) in enumerate(rows))
    res = ctx.psql.run(select("q", "SELECT i, upper(encode(float8send(zfdw.from_hfp(b)), "
                                   "'hex')) AS bits FROM (VALUES %s) AS v(i, b) ORDER BY i"
                              % values))
    if not res.ok:
        suite.fail(label, res.error())
        return
    got = {r["i"]: r["bits"] for r in res.rows()}
    for i, (hfp, bits) in enumerate(rows):
        name = "%s %s" % (label, hfp)
        if got.get(i) == bits:
            suite.ok(name)
        else:
            suite.fail(name, "IEEE bits %s, zfdw %s" % (bits, got.get(i)))


def to_single(ctx, suite, path, label, width):
    rows = read_tsv(path)
    data = b"".join(bytes.fromhex(h) for h, _ in rows)
    cols = ("f real OPTIONS (position '1', length '%d', usage '%s')"
            % (width, "comp-1" if width == 4 else "comp-2"))
    script = (tables.script_header() +
              "CREATE FOREIGN TABLE h (n bigint OPTIONS (meta 'record_number'), %s) "
              "SERVER %s OPTIONS (program %s, lrecl '%d', on_error 'null', "
              "log_verbosity 'verbose');\n" % (cols, tables.SERVER,
                                               quote_literal(octal_printf(data)), width) +
              select("q", "SELECT n, upper(encode(float4send(f), 'hex')) AS bits FROM h "
                          "ORDER BY n") + "ROLLBACK;\n")
    res = ctx.psql.run(script)
    if not res.ok:
        suite.fail(label, res.error())
        return
    got = {r["n"]: r["bits"] for r in res.rows()}
    notices = tables.parse_notices(res.stderr)
    refused = 0
    for i, (hfp, bits) in enumerate(rows):
        name = "%s %s" % (label, hfp)
        n = i + 1
        why = notices.get((n, "f"))
        if bits in ("7F800000", "FF800000") and got.get(n) is None and why and \
                "out of range" in why:
            refused += 1
            suite.ok(name, "refused: %s" % why)
        elif got.get(n) == bits:
            suite.ok(name)
        else:
            suite.fail(name, "IEEE bits %s, zfdw %s%s" % (bits, got.get(n),
                                                         " [%s]" % why if why else ""))
    if refused:
        suite.add_notes(label, [(refused, "HFP values beyond float's range: ibm2ieee gives "
                                          "+/-infinity, zfdw refuses them (NULL and a "
                                          "notice)")])


def run_suite(ctx, suite):
    base = os.path.join(ctx.shared, "ibm2ieee")
    to_double(ctx, suite, os.path.join(base, "hfp_single_to_ieee_double.tsv"),
              "single->double")
    to_double(ctx, suite, os.path.join(base, "hfp_double_to_ieee_double.tsv"),
              "double->double")
    to_single(ctx, suite, os.path.join(base, "hfp_single_to_ieee_single.tsv"),
              "single->single", 4)
    to_single(ctx, suite, os.path.join(base, "hfp_double_to_ieee_single.tsv"),
              "double->single", 8)
