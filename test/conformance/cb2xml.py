"""Suite cb2xml: every copybook of ../shared/conformance/cb2xml through
zfdw.copybook_layout, item by item against cb2xml's expected XML (dialect
"Mainframe"): level, name, position (1-based there), storage length,
scale, occurs, occurs-min, depending-on, redefines, and signed for numeric
items.  One case per copybook; the items matched are reported.

test/unit/test_copybook_cb2xml.c makes the same comparison in C; where
IBM Enterprise COBOL and cb2xml part ways the runner says so:
- cpyBitOfEverything is not valid IBM COBOL as published (PIC S9.9: S in a
  numeric-edited picture; VALUE \\"HELLO\\", a backslash left from a Java
  string; a group INDICATOR-COLUMN-SLASH-TEST-GROUP with neither items nor
  PICTURE).  zfdw must refuse it at line 122, column 35; the corrected text
  is compared without that group.  cb2xml also counts PIC $ZZZZ9999 as 8
  bytes where IBM counts every symbol (9), so every later position of that
  record is one more in zfdw: the expected positions are corrected there,
  and the items that match as published are reported too.
- cpyRedefSize31 redefines 30-byte items with 80-byte ones at level 15,
  which IBM rejects (zfdw must, at line 6, column 17); with
  allow_larger_redefines (copybook_layout's third argument) the area grows
  as in cb2xml and every item matches.
"""
import os
import re
import xml.etree.ElementTree as ET

from pg import quote_literal

CASES = {
    "cpyBitOfEverything": {
        "error": (122, 35, "S is not allowed in a numeric-edited"),
        "patch": [("PIC S9.9.", "PIC 9.9."), ('\\"', '"'),
                  ("                20 INDICATOR-COLUMN-SLASH-TEST-GROUP.", "")],
        "skip": "INDICATOR-COLUMN-SLASH-TEST-GROUP",
        "fix": ("PIC-TEST-7", 1),
    },
    "cpyRedefSize31": {
        "error": (6, 17, 'is larger than the item "fld2"'),
        "larger": True,
    },
}


def read_items(path):
    """The <item> elements of an expected XML, in document order."""
    with open(path, "rb") as f:
        raw = f.read()
    if raw[:2] == b"\x4c\x6f":          # "<?" in EBCDIC: cpyHexValue
        text = raw.decode("cp037")
    else:
        text = raw.decode("utf-8")
    text = re.sub(r"^<\?xml[^>]*\?>", "", text)
    items = []
    for el in ET.fromstring(text).iter("item"):
        a = el.attrib
        occurs = int(a.get("occurs", 0))
        items.append({
            "level": int(a["level"]), "name": a.get("name", ""),
            "picture": a.get("picture", ""), "position": int(a["position"]),
            "storage": int(a["storage-length"]), "scale": int(a.get("scale", 0)),
            "occurs": occurs, "occurs_min": int(a.get("occurs-min", occurs)),
            "depending": a.get("depending-on", ""), "redefines": a.get("redefines", ""),
            "numeric": a.get("numeric") == "COBOL_NUMERIC",
        })
    return items


def correct(items, item, delta):
    """cb2xml sizes item wrongly by -delta: grow it and its groups, move
    what follows in the same 01 record."""
    k = max(i for i, it in enumerate(items) if it["name"] == item)
    items[k]["storage"] += delta
    level = items[k]["level"]
    for i in range(k - 1, -1, -1):
        if items[i]["level"] < level:
            items[i]["storage"] += delta
            level = items[i]["level"]
            if level == 1:
                break
    for it in items[k + 1:]:
        if it["level"] == 1:
            break
        it["position"] += delta


def compare(rows, items):
    """(items matched, first differences) of our rows against the items."""
    ours = [r for r in rows if r["level"] not in (0, 66)]
    if len(ours) != len(items):
        return 0, ["%d items, cb2xml %d" % (len(ours), len(items))]
    matched = 0
    diffs = []
    for r, it in zip(ours, items):
        why = []
        name = it["name"] or "FILLER"
        if r["level"] != it["level"]:
            why.append("level %d/%d" % (r["level"], it["level"]))
        if r["name"] != name:
            why.append("name %s/%s" % (r["name"], name))
        if r["offset"] + 1 != it["position"]:
            why.append("position %d/%d" % (r["offset"] + 1, it["position"]))
        if r["length"] != it["storage"]:
            why.append("storage-length %d/%d" % (r["length"], it["storage"]))
        if (r["scale"] or 0) != it["scale"]:
            why.append("scale %s/%d" % (r["scale"], it["scale"]))
        if (r["occurs"] or 0) != it["occurs"] or \
                ((r["occurs_min"] or 0) if r["occurs"] else 0) != it["occurs_min"]:
            why.append("occurs %s..%s/%d..%d" % (r["occurs_min"], r["occurs"],
                                                  it["occurs_min"], it["occurs"]))
        if (r["depending_on"] or "").lower() != it["depending"].lower():
            why.append("depending-on %s/%s" % (r["depending_on"], it["depending"]))
        if (r["redefines"] or "").lower() != it["redefines"].lower():
            why.append("redefines %s/%s" % (r["redefines"], it["redefines"]))
        if it["numeric"] and it["picture"] and \
                bool(r["signed"]) != (it["picture"][0] in "sS"):
            why.append("signed %s" % r["signed"])
        if why:
            diffs.append("%s: %s (zfdw/cb2xml)" % (name, ", ".join(why)))
        else:
            matched += 1
    return matched, diffs


def layout_sql(text, larger=False):
    return ("SELECT * FROM zfdw.copybook_layout(%s, NULL, %s)" %
            (quote_literal(text), "true" if larger else "false"))


def run_case(ctx, suite, base, stem):
    spec = CASES.get(stem, {})
    with open(os.path.join(base, stem + ".cbl"), encoding="latin-1") as f:
        text = f.read()
    items = read_items(os.path.join(base, stem + ".expected.xml"))
    notes = []
    if "error" in spec:
        line, column, message = spec["error"]
        res = ctx.psql.run("SELECT * FROM zfdw.copybook_layout(%s);\n" % quote_literal(text))
        where = "line %d, column %d" % (line, column)
        if res.ok or message not in res.stderr or where not in res.stderr:
            suite.fail(stem, "IBM COBOL rejects the copybook as published at %s (%s); zfdw: "
                       "%s" % (where, message, "accepted it" if res.ok else res.error()))
            return
        for old, new in spec.get("patch", []):
            text = text.replace(old, new)
        notes.append("not IBM COBOL as published: zfdw refuses it (%s: %s) as IBM does; %s"
                     % (where, message, "read with allow_larger_redefines" if
                        spec.get("larger") else "compared after the corrections described "
                        "in test/unit/test_copybook_cb2xml.c"))
    try:
        rows = ctx.psql.sql(layout_sql(text, spec.get("larger", False)))
    except RuntimeError as e:
        suite.fail(stem, str(e))
        return
    if "skip" in spec:
        items = [it for it in items if it["name"] != spec["skip"]]
    detail = ""
    if "fix" in spec:
        as_published, _ = compare(rows, items)
        correct(items, *spec["fix"])
        detail = "; %d match as published: cb2xml sizes PIC $ZZZZ9999 as 8 bytes, IBM " \
                 "as 9, which moves every later item" % as_published
    matched, diffs = compare(rows, items)
    if diffs:
        suite.fail(stem, "%d of %d items match; %s" % (matched, len(items), "; ".join(diffs[:3])),
                   notes)
    else:
        suite.ok(stem, "%d of %d items match%s" % (matched, len(items), detail), notes)


def run_suite(ctx, suite):
    base = os.path.join(ctx.shared, "cb2xml")
    for f in sorted(os.listdir(base)):
        if f.endswith(".cbl"):
            run_case(ctx, suite, base, f[:-4])
