"""Reading peer expected outputs and comparing values with ours.

Numbers are read as int or decimal.Decimal, never as binary floats, so that
a decimal keeps its scale (Cobrix prints 30.50 for a V99 field, and so does
PostgreSQL's numeric).  Only COMP-1/COMP-2 values are compared with a
tolerance, because Cobrix prints them with Java's Float/Double.toString and
PostgreSQL with its own shortest round-trip digits.
"""
import decimal
import json

D = decimal.Decimal

# Relative tolerance for COMP-1 (binary32: 24 bits, about 7 decimal digits)
# and COMP-2 (binary64) values printed by two different languages.
FLOAT_TOLERANCE = {"comp-1": 1e-6, "comp-2": 1e-14}


def read_json_stream(path):
    """Objects written one after the other (pretty-printed), or a JSON array."""
    with open(path, encoding="utf-8") as f:
        text = f.read()
    dec = json.JSONDecoder(parse_float=D)
    out = []
    pos = 0
    while True:
        while pos < len(text) and text[pos] in " \t\r\n,":
            pos += 1
        if pos >= len(text):
            break
        value, pos = dec.raw_decode(text, pos)
        if isinstance(value, list):
            out.extend(value)
        else:
            out.append(value)
    return out


def key(name):
    """Field names compared as Cobrix and zfdw both spell them, lower case."""
    return name.lower().replace("-", "_")


def prune(value):
    """Drop null members and members that are empty objects after that
    (Spark leaves out null fields; a struct whose fields are all null is
    left out here too), and lower-case the keys."""
    if isinstance(value, dict):
        out = {}
        for k, v in value.items():
            v = prune(v)
            if v is None or v == {}:
                continue
            out[key(k)] = v
        return out
    if isinstance(value, list):
        return [prune(v) for v in value]
    return value


def is_number(v):
    return isinstance(v, (int, D)) and not isinstance(v, bool)


def numbers_equal(a, b, scale=True):
    """Same value and, when both have fractional digits, the same scale."""
    if D(a) != D(b):
        return False
    if not scale:
        return True
    if isinstance(a, D) and isinstance(b, D):
        return a.as_tuple().exponent == b.as_tuple().exponent or \
            min(a.as_tuple().exponent, b.as_tuple().exponent) >= 0
    return True


def floats_close(a, b, tol):
    a, b = float(a), float(b)
    if a == b:
        return True
    return abs(a - b) <= tol * max(abs(a), abs(b))


def diff(expected, ours, path="", floats=None, out=None, fill0=False, scale=True):
    """Differences between two pruned values as (path, expected, ours).

    floats maps a field key to "comp-1"/"comp-2" for the tolerance; fill0
    says an expected 0 may stand for null (Spark's na.fill(0))."""
    if out is None:
        out = []
    floats = floats or {}
    if isinstance(expected, dict) and isinstance(ours, dict):
        for k in sorted(set(expected) | set(ours)):
            diff(expected.get(k), ours.get(k), path + "." + k if path else k,
                 floats, out, fill0, scale)
        return out
    if isinstance(expected, list) and isinstance(ours, list):
        if len(expected) != len(ours):
            out.append((path, "%d elements" % len(expected), "%d elements" % len(ours)))
            return out
        for i, (e, o) in enumerate(zip(expected, ours)):
            diff(e, o, "%s[%d]" % (path, i), floats, out, fill0, scale)
        return out
    leaf = path.split(".")[-1].split("[")[0]
    if expected is None and ours is None:
        return out
    if is_number(expected) and is_number(ours):
        kind = floats.get(leaf)
        ok = floats_close(expected, ours, FLOAT_TOLERANCE[kind]) if kind else \
            numbers_equal(expected, ours, scale)
        if not ok:
            out.append((path, expected, ours))
        return out
    if fill0 and ours is None and is_number(expected) and expected == 0:
        return out
    if expected != ours:
        out.append((path, expected, ours))
    return out


def show(v):
    """A value for a failure line, short."""
    s = json.dumps(v, ensure_ascii=True, default=str)
    return s if len(s) <= 80 else s[:77] + "..."


def leaves(value):
    """How many values a pruned row holds (elements of arrays counted)."""
    if isinstance(value, dict):
        return sum(leaves(v) for v in value.values())
    if isinstance(value, list):
        return sum(leaves(v) for v in value)
    return 1
