"""Suite cobrix: the Cobrix cases of ../shared/conformance/cobrix/manifest.json.

Every variant of the manifest is one case.  Its Cobrix options become
zfdw table options (cobrix_options.py), its copybook becomes one column per
field (tables.py), and the rows zfdw returns, put back together as
objects, are compared with Cobrix's JSON rows after these normalisations:

- Spark leaves out null fields: ours are left out too; a group whose
  fields are all null is left out on both sides.
- Decimals keep their scale on both sides and are compared exactly;
  COMP-1/COMP-2 values with a relative tolerance (compare.FLOAT_TOLERANCE).
- case05 rows went through Spark's na.fill(0): an expected 0 may be null.
- File_Id (always 0: one file per variant) and the Seg_Id* columns of
  Cobrix's segment id generation are not compared; Record_Id is our
  record_number - 1 and Record_Byte_Length our record_length.
- Cobrix's 'common' code page and its plain cpNNN tables show control
  bytes (X'00'..X'3F') as spaces and then trim: ours are shown the same
  way before comparing (only values that hold control characters change).

Where zfdw is stricter than Cobrix by design the runner checks that zfdw
behaves as designed and says so in a note instead of failing:

- a text field holding X'00' (low-values): PostgreSQL text cannot hold
  U+0000, so zfdw refuses it (NULL under on_error 'null', with a notice
  naming record and field); the runner then decodes the field's raw bytes
  with zfdw.from_ebcdic after reading each X'00' as a space (dropping it
  in ASCII mode, as Cobrix does), and compares that with Cobrix's value;
- other bytes the field's PICTURE and USAGE could not have produced, and
  fields past the end of a short record: see refusals.py;
- a REDEFINES below level 01 that is larger than the item it redefines:
  IBM Enterprise COBOL rejects it, and so does zfdw unless the table
  option allow_larger_redefines is set, which the runner then sets;
- case05's copybook is not IBM COBOL as published: see ibm_case05.
"""
import json
import os
import re

import compare
import cobrix_derived
import refusals
import cobrix_options as co
import tables
from pg import select

NUL_NOTE = ("text values holding X'00', which PostgreSQL text cannot hold: zfdw refuses "
            "them (NULL and a notice); their bytes, X'00' read as a space, give Cobrix's value")

# Variants out of scope for reasons the options alone do not show.
OUT_OF_SCOPE = {
    "test6a": "strict_integral_precision changes only Spark's schema types; the rows are "
              "test6's, compared there",
    "test21": "records whose length only the OCCURS DEPENDING ON counts give, back to back "
              "with no RDW, BDW or newline (zfdw reads variable-length records through "
              "recfm vb, vb_bdw, vbs or text)",
    "ascii_dir_mixed": "a directory mixing a plain and a gzip file, decompressed by file "
                       "name (zfdw reads one compressed file through the program option; "
                       "ascii_gz checks that)",
}

# case05's copybooks are not IBM COBOL as published (see
# test/unit/test_copybook_cobrix.c): items IBM rejects are replaced by a
# FILLER of the size Cobrix gives them, so that every other field keeps its
# offset, and are not compared.
CASE05_NOT_IBM = {
    "NUM-STR-EDEC03": (6, "S in a numeric-edited picture"),
    "NUM-STR-EDEC04": (9, "S in a numeric-edited picture"),
    "NUM-STR-EDEC05": (10, "S in a numeric-edited picture"),
    "NUM-STR-EDEC06": (11, "S in a numeric-edited picture"),
    "NUM-BIN-INT12": (9, "a binary item of 19 digits (IBM allows 18)"),
    "NUM-BIN-INT13": (9, "a binary item of 20 digits"),
    "NUM-BIN-INT14": (16, "a binary item of 37 digits"),
    "NUM-SBIN-SINT12": (9, "a binary item of 19 digits"),
    "NUM-SBIN-SINT13": (9, "a binary item of 20 digits"),
    "NUM-SBIN-SINT14": (16, "a binary item of 37 digits"),
    "NUM-BIN-DEC09": (9, "a binary item of 19 digits"),
    "NUM-BIN-DEC10": (12, "a binary item of 28 digits"),
    "NUM-SBIN-DEC09": (9, "a binary item of 19 digits"),
    "NUM-SBIN-DEC10": (12, "a binary item of 28 digits"),
}


def ibm_case05(text):
    """case05's copybook made IBM COBOL without moving any field: returns
    the text and the keys left out of the comparison."""
    skipped = []
    lines = text.split("\n")
    for i, line in enumerate(lines):
        words = line.split()
        if len(words) >= 2 and words[1] in CASE05_NOT_IBM:
            size = CASE05_NOT_IBM[words[1]][0]
            lines[i] = "          10  FILLER              PIC X(%d)." % size
            skipped.append(compare.key(words[1]))
    text = "\n".join(lines)
    # COMP-0 is Cobrix's spelling of COMP
    text = text.replace("COMP-0.", "COMP.  ")
    # SIGN ... SEPARATE needs a signed picture in IBM COBOL; Cobrix counts
    # the sign byte all the same
    text = re.sub(r"PIC 99V99 SIGN", "PIC S99V99 SIGN", text)
    return text, skipped


def data_source(casedir, data):
    """Table options naming the data: a file, or a program that inflates it."""
    path = os.path.join(casedir, data)
    if data.endswith("/"):
        files = sorted(f for f in os.listdir(path) if not f.startswith("."))
        path = os.path.join(path, files[0]) if len(files) == 1 else os.path.join(path, "*")
    if path.endswith(".gz"):
        return {"program": "gzip -dc '%s'" % path}
    if path.endswith(".bz2"):
        return {"program": "bzip2 -dc '%s'" % path}
    return {"filename": path}


def java_trim(s, policy):
    """Cobrix trims with Java's String.trim: every char up to U+0020."""
    blank = "".join(chr(c) for c in range(33))
    if policy in ("both", "left"):
        s = s.lstrip(blank)
    if policy in ("both", "right"):
        s = s.rstrip(blank)
    return s


def is_control(ch):
    return ord(ch) < 0x20 or 0x7F <= ord(ch) <= 0x9F


def shown(s, mode, policy):
    """A string as compared.  Control characters are not compared: Cobrix's
    tables map most of them to spaces and some to other controls, iconv's
    follow IBM; so on both sides they become spaces (in ASCII mode, where
    Cobrix drops them, they are dropped).  Under Cobrix's 'common' pages
    every character outside printable ASCII becomes a space too, as its
    table has no other.  Only a string that this changed is trimmed again
    (Cobrix's policy, Java's String.trim), so zfdw's own trimming is what
    is compared everywhere else."""
    if mode == "ascii":
        m = "".join(c for c in s if not is_control(c))
    elif mode == "common":
        m = "".join(c if " " <= c <= "~" else " " for c in s)
    else:
        m = "".join(" " if is_control(c) else c for c in s)
    return s if m == s else java_trim(m, policy)


def map_strings(v, fn):
    if isinstance(v, str):
        return fn(v)
    if isinstance(v, list):
        return [map_strings(x, fn) for x in v]
    if isinstance(v, dict):
        return {k: map_strings(x, fn) for k, x in v.items()}
    return v


def get_path(obj, keypath):
    for k in keypath:
        if not isinstance(obj, dict):
            return None
        obj = obj.get(k)
    return obj


def set_path(obj, keypath, value):
    for k in keypath[:-1]:
        obj = obj.setdefault(k, {})
    if value is None:
        obj.pop(keypath[-1], None)
    else:
        obj[keypath[-1]] = value


class Run:
    """One variant: its tables, queries, and our rows as compared."""

    def __init__(self, ctx, casedir, variant, opts):
        self.ctx = ctx
        self.casedir = casedir
        self.v = variant
        self.opts = opts
        self.notes = []
        self.mode = co.cobrix_mode(opts)
        self.trim = opts.get("string_trimming_policy", "both")
        self.improved_nulls = opts.get("improved_null_detection", "true") == "true"
        self.nul_values = 0
        self.nul_fields = set()

    def table_sql(self, name, cols, extra):
        return tables.create_sql(name, cols, dict(self.zopts, **extra))

    def select(self, qname, table, cols, where):
        nul_sub = -1 if self.mode == "ascii" else 0x40
        cond = "WHERE " + " AND ".join(where) if where else ""
        return select(qname, tables.select_sql(table, cols, self.zopts["codepage"], nul_sub,
                                               cond))

    def query(self, script):
        return self.ctx.psql.run(tables.script_header() + script + "ROLLBACK;\n")

    def fix_row(self, row, cols, notices):
        """Our row as compared: strings shown as Cobrix's page shows them
        (see shown), text refused for holding X'00' replaced by what its
        bytes hold, every other refusal kept under "@why" with its notice."""
        n = row["@record_number"]
        raw = row.pop("@raw", {})
        nul = row.pop("@nul", {})
        for c in cols:
            if c.raw_of or c.meta:
                continue
            dotted = ".".join(c.keypath)
            why = notices.get((n, c.name))
            if why is None:
                if c.is_text or c.sqltype == "jsonb":
                    v = get_path(row, c.keypath)
                    if v is not None:
                        set_path(row, c.keypath,
                                 map_strings(v, lambda s: shown(s, self.mode, self.trim)))
                continue
            if "cannot be stored as text" in why and dotted in nul and \
                    isinstance(nul[dotted], str) and nul[dotted].startswith("@error: "):
                # the bytes hold more than X'00' that zfdw refuses
                row.setdefault("@why", {})[dotted] = nul[dotted][8:]
            elif "cannot be stored as text" in why and dotted in nul:
                value = nul[dotted]
                if c.table:
                    raws = raw.get(dotted) or []
                    value = [None if self.improved_nulls and r and set(r[2:]) <= {"0"}
                             else java_trim(shown(x, self.mode, self.trim), self.trim)
                             for x, r in zip(value, raws)]
                    tables.put(row, c, value)
                else:
                    r = raw.get(dotted)
                    value = None if self.improved_nulls and set(r[2:]) <= {"0"} else \
                        java_trim(shown(value, self.mode, self.trim), self.trim)
                    set_path(row, c.keypath, value)
                self.nul_values += 1
                self.nul_fields.add(dotted)
            else:
                row.setdefault("@why", {})[dotted] = why
        return row

    def rows_of(self, res, qname, cols):
        notices = tables.parse_notices(res.stderr)
        return [self.fix_row(tables.assemble(r, cols), cols, notices)
                for r in res.rows(qname)]


def expected_of(case, v):
    """The expected rows of a variant, and how they are ordered and cut."""
    path = v["expected_rows"][0]
    how = " ".join(v["expected_rows"][1:])
    rows = compare.read_json_stream(os.path.join(case, path))
    order = []
    m = re.search(r"orderBy\(([^)]*)\)", how)
    if m:
        order = [k.strip().strip('\\"') for k in m.group(1).split(",")]
        if set(order) <= {"File_Id", "Record_Id"}:
            order = []
    # the pretty JSON outputs print decimals as doubles (14.0 for 14.00)
    return rows, [compare.key(k) for k in order], "na.fill(0)" in how, "pretty" not in how


def normalise_expected(row):
    """Cobrix's row without what is not compared; Record_Id and
    Record_Byte_Length under our meta names."""
    row = dict(row)
    row.pop("File_Id", None)
    for k in list(row):
        if k.startswith("Seg_Id"):
            row.pop(k)
    if "Record_Id" in row:
        row["@record_number"] = row.pop("Record_Id") + 1
    if "Record_Byte_Length" in row:
        row["@record_length"] = row.pop("Record_Byte_Length")
    return row


def run_variant(ctx, suite, casedir, case, v):
    """One variant of the manifest: in scope or not, read, compared."""
    short = case["case"].split("_")[0]
    name = "%s/%s" % (short, v["variant"])
    opts = dict(v["options"])
    if v["copybook_option"] == "copybooks":
        opts["@copybooks"] = v["copybook"]
    reason = OUT_OF_SCOPE.get(v["variant"]) or co.out_of_scope(opts, v["copybook_option"])
    if reason:
        suite.skip(name, reason)
        return
    if v["variant"] == "ascii_gz":
        cobrix_derived.ascii_gz(ctx, suite, name, casedir, v)
        return

    run = Run(ctx, casedir, v, opts)
    prepared = prepare(run, suite, name, short)
    if prepared is None:
        return
    roots, skipped_keys, where = prepared
    keep = opts.get("schema_retention_policy", "collapse_root") == "keep_original"
    records = list(roots.items()) if keep else list(roots.items())[:1]
    segmap = co.segment_map(opts)
    rows_by_n = read_records(run, suite, name, roots, records, keep, segmap, where)
    if rows_by_n is None:
        return
    if segmap and not segment_views(run, suite, name, records[0][1], segmap, opts,
                                    rows_by_n, where):
        return

    floats = {compare.key(node.name): node.row["usage"]
              for _, root in records for node in root.walk()
              if node.row["usage"] in ("comp-1", "comp-2")}
    expected, order, fill0, scale = expected_of(casedir, v)
    ours = [rows_by_n[n] for n in sorted(rows_by_n)]
    if order:
        ours.sort(key=lambda r: tuple(sort_key(compare.prune(r).get(k)) for k in order))
    compare_rows(suite, name, run, expected, ours, floats, fill0, scale, skipped_keys)


def prepare(run, suite, name, short):
    """The variant's copybook and table options: (record trees, keys not
    compared, WHERE conditions), or None after a failure."""
    v = run.v
    with open(os.path.join(run.casedir, v["copybook"].split(",")[0]), encoding="utf-8") as f:
        copybook = f.read()
    skipped_keys = []
    if short == "case05":
        copybook, skipped_keys = ibm_case05(copybook)
        run.notes.append("copybook made IBM COBOL (COMP-0 as COMP, S added before SIGN "
                         "SEPARATE); the items IBM rejects (S in numeric-edited pictures, "
                         "binary items of 19-37 digits) read as FILLER and not compared")
    zopts, where = co.zfdw_options(run.opts)
    zopts.update(data_source(run.casedir, v["data"]))
    zopts.update({"on_error": "null", "log_verbosity": "verbose"})
    try:
        roots = tables.layout(run.ctx.psql, copybook)
    except RuntimeError as e:
        if "is larger than the item" not in str(e):
            suite.fail(name, "copybook: %s" % e)
            return None
        roots = tables.layout(run.ctx.psql, copybook, larger=True)
        zopts["allow_larger_redefines"] = "true"
        run.notes.append("a REDEFINES below level 01 is larger than what it redefines: IBM "
                         "rejects it, zfdw reads it with allow_larger_redefines")
    zopts["copybook_text"] = copybook
    run.zopts = zopts
    return roots, skipped_keys, where


def read_records(run, suite, name, roots, records, keep, segmap, where):
    """Every record's fields (but the segment groups of a segment map), as
    {record number: row}; with keep_original, each 01 record is read by a
    table of its own and nested under its name.  None after a failure."""
    as_text = set()
    if "non_terminals" in run.opts:
        as_text = {compare.key(g) for g in run.opts["non_terminals"].split(",")}
    script = ""
    selects = ""
    plans = []
    for i, (recname, root) in enumerate(records):
        only = None
        if segmap:
            only = {compare.key(c.name) for c in root.children} - set(segmap)
        cols = tables.field_columns(root, only=only, as_text=as_text)
        t = "r%d" % i
        script += run.table_sql(t, cols, {"record": recname} if len(roots) > 1 else {})
        selects += run.select(t, t, cols, where)
        plans.append((t, cols, compare.key(recname) if keep else None))
    res = run.query(script + selects)
    if not res.ok:
        suite.fail(name, res.error())
        return None
    rows_by_n = {}
    for t, cols, wrap in plans:
        for row in run.rows_of(res, t, cols):
            n = row.pop("@record_number")
            target = rows_by_n.setdefault(n, {"@record_number": n,
                                              "@record_length": row["@record_length"]})
            row.pop("@record_length")
            why = row.pop("@why", {})
            if wrap:
                why = {wrap + "." + k: x for k, x in why.items()}
                target[wrap] = row
            else:
                target.update(row)
            target.setdefault("@why", {}).update(why)
    return rows_by_n


def sort_key(v):
    """Spark's ascending order: nulls first, then by value."""
    if v is None:
        return (0, 0)
    if compare.is_number(v):
        return (1, v)
    return (2, str(v))


def segment_views(run, suite, name, root, segmap, opts, rows_by_n, where):
    """redefine_segment_id_map: each segment's group is read by a table
    that selects the segment's records (segment_field/segment_value), and
    merged into the rows by record number.  Returns False after a failure."""
    segfield = opts["segment_field"]
    segkey = compare.key(segfield)
    # ids padded with X'00' (refused as text) cannot be a segment_value
    padded = segkey in run.nul_fields
    script = ""
    selects = ""
    plans = []
    for group, ids in sorted(segmap.items()):
        cols = tables.field_columns(root, only={group})
        for seg in ids:
            t = "s%d" % len(plans)
            extra = {} if padded else {"segment_field": segfield, "segment_value": seg}
            script += run.table_sql(t, cols, extra)
            selects += run.select(t, t, cols, where)
            plans.append((t, cols, seg))
    res = run.query(script + selects)
    if not res.ok:
        suite.fail(name, res.error())
        return False
    if padded:
        run.notes.append("segment ids are padded with X'00', which segment_value cannot "
                         "express (it pads with spaces): the runner picks each segment's "
                         "records by the id it read")
    for t, cols, seg in plans:
        for row in run.rows_of(res, t, cols):
            n = row.pop("@record_number")
            row.pop("@record_length")
            target = rows_by_n.get(n)
            if target is None or (padded and target.get(segkey) != seg):
                continue
            target.setdefault("@why", {}).update(row.pop("@why", {}))
            target.update(row)
    return True


def compare_rows(suite, name, run, expected, ours, floats, fill0, scale, skipped_keys):
    """Our rows against Cobrix's, in order; designed refusals counted."""
    if len(ours) < len(expected):
        suite.fail(name, "%d rows, Cobrix has %d" % (len(ours), len(expected)))
        return
    problems = []
    refused = {}
    values = 0
    for i, (e, o) in enumerate(zip(expected, ours)):
        e = normalise_expected(e)
        e = map_strings(compare.prune(e), lambda s: shown(s, run.mode, run.trim))
        for k in skipped_keys:
            e.pop(k, None)
        why = o.get("@why", {})
        o = compare.prune({k: v for k, v in o.items() if k != "@why"})
        for k in ("@record_number", "@record_length"):
            if k not in e:
                o.pop(k, None)
        values += compare.leaves(e)
        for path, ev, ov in compare.diff(e, o, floats=floats, fill0=fill0, scale=scale):
            notice = why.get(re.sub(r"\[\d+\]", "", path))
            label = refusals.classify(notice) if ov is None else None
            if label:
                refused[label] = refused.get(label, 0) + 1
                continue
            problems.append("row %d (record %s) %s: Cobrix %s, zfdw %s%s" % (
                i + 1, o.get("@record_number", i + 1), path, compare.show(ev),
                compare.show(ov), " [%s]" % notice if notice else ""))
    notes = list(run.notes)
    if run.nul_values:
        notes.append((run.nul_values, NUL_NOTE))
    if refused:
        notes += refusals.notes(refused)
    if problems:
        suite.fail(name, "%d differences in %d rows; first: %s" % (
            len(problems), len(expected), "; ".join(problems[:int(os.environ.get(
                "ZF_CONFORMANCE_DIFFS", "3"))])), notes)
    else:
        suite.ok(name, "%d rows, %d values" % (len(expected), values), notes)


def run_negative(ctx, suite, casedir, case, i, text):
    """The errors a case's Cobrix test asserts, where zfdw has the same rule:
    a fixed-length file whose size is not a multiple of the record length,
    and an option nobody knows."""
    short = case["case"].split("_")[0]
    name = "%s/negative%d" % (short, i + 1)
    v = case["variants"][0]
    data = data_source(casedir, v["data"])
    if "NOT DIVISIBLE" in text:
        m = re.search(r'copybook_contents "([^"]*)"', text)
        if m:
            copybook, fmt, want = m.group(1), "free", "16"
        else:
            with open(os.path.join(casedir, v["copybook"]), encoding="utf-8") as f:
                copybook, fmt, want = f.read(), "auto", ""
        sql = tables.create_sql("t", [], dict(data, copybook_text=copybook,
                                             copybook_format=fmt)) + \
            "SELECT count(*) FROM t;\n"
        expect = "file size is not a multiple of the record length " + want
    elif "unrecognized option" in text:
        sql = tables.create_sql("t", [], dict(data, copybook_text="       01 R.\n"
                                             "           05 A PIC X.\n", dummy="unknown"))
        expect = 'invalid option "dummy"'
    else:
        suite.skip(name, "Cobrix's own option checks: " + text)
        return
    res = ctx.psql.run(tables.script_header() + sql + "ROLLBACK;\n")
    if not res.ok and expect in res.error():
        suite.ok(name, res.error())
    else:
        suite.fail(name, "Cobrix fails here (%s); zfdw: %s" % (
            text, res.error() if not res.ok else "no error"))


def run_suite(ctx, suite):
    base = os.path.join(ctx.shared, "cobrix")
    with open(os.path.join(base, "manifest.json"), encoding="utf-8") as f:
        manifest = json.load(f)
    for case in manifest["cases"]:
        if ctx.only and not any(o in case["case"] for o in ctx.only):
            continue
        for v in case["variants"]:
            run_variant(ctx, suite, os.path.join(base, case["case"]), case, v)
        for i, text in enumerate(case.get("negative", [])):
            run_negative(ctx, suite, os.path.join(base, case["case"]), case, i, text)
    cobrix_derived.run_derived(ctx, suite, os.path.join(base, "derived_from_scala_tests"))
