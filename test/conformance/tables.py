"""Foreign tables over a copybook, one column per field, and their rows
put back together as nested objects.

The layout comes from zfdw.copybook_layout, so the columns are exactly
what IMPORT FOREIGN SCHEMA would make: every elementary item is a column
of the type copybook_layout names (numeric(p,s), integer, text, real,
...), an array for an item in an OCCURS table (cut to the DEPENDING ON
count); a table holding tables is one jsonb column (an array of objects).
FILLERs are left out.  Reading one column per field
(rather than the whole record as one jsonb value) lets a bad value in one
field be reported for that field alone.

Tables are created with on_error 'null' and log_verbosity 'verbose': a
value zfdw refuses becomes NULL and a NOTICE says why, naming the record
and the column; the suites turn those notices into failure reasons, or
recognise the refusals that zfdw makes by design.
"""
import re

from compare import key
from pg import quote_ident, quote_literal

SERVER = "conformance"


class Node:
    """One row of copybook_layout, with its place in the tree."""

    def __init__(self, row):
        self.row = row
        self.level = row["level"]
        self.name = row["name"]
        self.path = row["path"]
        self.children = []
        self.parent = None

    @property
    def is_group(self):
        return self.row["usage"] == "group"

    @property
    def is_filler(self):
        return self.name.upper() == "FILLER"

    def keypath(self):
        """Lower-case names from below the record down to this item."""
        names = []
        n = self
        while n.parent is not None:
            names.append(key(n.name))
            n = n.parent
        return list(reversed(names))

    def walk(self):
        yield self
        for c in self.children:
            yield from c.walk()


def layout(psql, copybook, record=None, larger=False):
    """The record trees of a copybook text: {record name: root Node}."""
    rows = psql.sql("SELECT * FROM zfdw.copybook_layout(%s, %s, %s)" % (
        quote_literal(copybook), "NULL" if record is None else quote_literal(record),
        "true" if larger else "false"))
    roots = {}
    stack = []
    for row in rows:
        if row["level"] == 66:
            continue
        node = Node(row)
        if stack and stack[0].row["record"] != row["record"]:
            stack = []
        while stack and stack[-1].level >= node.level:
            stack.pop()
        if stack:
            node.parent = stack[-1]
            stack[-1].children.append(node)
        else:
            roots[row["record"]] = node
        stack.append(node)
    return roots


class Column:
    """One column: its SQL type, the field it reads and where its value
    goes in the assembled row.  table: how many leading keys of keypath
    name an OCCURS group whose leaves are read as one array each."""

    def __init__(self, name, sqltype, field, keypath, usage, raw_of=None, meta=None,
                 table=0):
        self.name = name
        self.sqltype = sqltype
        self.field = field
        self.keypath = keypath
        self.usage = usage
        self.raw_of = raw_of    # the text column this bytea column shadows
        self.meta = meta
        self.table = table

    @property
    def is_text(self):
        return self.sqltype in ("text", "text[]") and not self.raw_of


def has_table_below(node):
    return any(c.row["occurs"] is not None or has_table_below(c) for c in node.children)


def field_columns(root, text_twins=True, only=None, skip=(), as_text=()):
    """Columns for the fields under root.  only: top-level names to keep;
    skip: key paths (dotted) to leave out; as_text: groups also read as
    text (Cobrix's non_terminals).  An OCCURS group without tables inside
    gives one array column per leaf; one with tables inside is one jsonb
    column.  A text field also gets a bytea twin (its raw bytes) when
    text_twins."""
    cols = []

    def leaf(node, kp, table):
        name = "c%d" % (len(cols) + 1)
        cols.append(Column(name, node.row["pg_type"], node.path, kp, node.row["usage"],
                           table=table))
        if text_twins and node.row["pg_type"] in ("text", "text[]"):
            cols.append(Column(name + "_raw", "bytea[]" if table else "bytea", node.path, kp,
                               "raw", raw_of=name, table=table))

    def add(node, table=0):
        kp = node.keypath()
        dotted = ".".join(kp)
        if node.is_filler or dotted in skip:
            return
        if only is not None and kp[0] not in only:
            return
        if dotted in as_text:
            cols.append(Column("c%d_nt" % (len(cols) + 1), "text", node.path,
                               kp[:-1] + [kp[-1] + "_nt"], "group"))
        if node.row["occurs"] is not None and not table:
            if node.is_group and not has_table_below(node):
                for c in node.children:
                    add(c, len(kp))
                return
            sqltype = "jsonb" if node.is_group else node.row["pg_type"]
            cols.append(Column("c%d" % (len(cols) + 1), sqltype, node.path, kp,
                               node.row["usage"]))
            return
        if node.is_group:
            for c in node.children:
                add(c, table)
            return
        leaf(node, kp, table)

    for child in root.children:
        add(child)
    return cols


META = [Column("zf_n", "bigint", None, ["@record_number"], "meta", meta="record_number"),
        Column("zf_len", "integer", None, ["@record_length"], "meta", meta="record_length")]


def create_sql(table, cols, options):
    """CREATE FOREIGN TABLE with meta columns first."""
    parts = []
    for c in META + cols:
        opt = "meta %s" % quote_literal(c.meta) if c.meta else "field %s" % quote_literal(c.field)
        parts.append("  %s %s OPTIONS (%s)" % (quote_ident(c.name), c.sqltype, opt))
    opts = ", ".join("%s %s" % (k, quote_literal(v)) for k, v in options.items())
    return "CREATE FOREIGN TABLE %s (\n%s\n) SERVER %s OPTIONS (%s);\n" % (
        table, ",\n".join(parts), SERVER, opts)


# zf_nul(bytes, sub): the bytes with every X'00' replaced by byte sub, or
# removed when sub < 0.  Used only to show what a refused text field holds.
NUL_FUNCTION = """CREATE FUNCTION pg_temp.zf_nul(b bytea, sub int) RETURNS bytea
LANGUAGE plpgsql IMMUTABLE STRICT AS $$
DECLARE
    o bytea := '';
BEGIN
    FOR i IN 0 .. length(b) - 1 LOOP
        IF get_byte(b, i) <> 0 THEN
            o := o || substring(b FROM i + 1 FOR 1);
        ELSIF sub >= 0 THEN
            o := o || set_byte('\\x00'::bytea, 0, sub);
        END IF;
    END LOOP;
    RETURN o;
END $$;
CREATE FUNCTION pg_temp.zf_text(b bytea, sub int, cp text) RETURNS text
LANGUAGE plpgsql IMMUTABLE STRICT AS $$
BEGIN
    RETURN zfdw.from_ebcdic(pg_temp.zf_nul(b, sub), cp);
EXCEPTION WHEN OTHERS THEN
    RETURN '@error: ' || SQLERRM;
END $$;
"""


def script_header():
    """Session settings every script starts with."""
    return ("\\set SHOW_CONTEXT always\n"
            "SET client_min_messages = notice;\n"
            "BEGIN;\n" + NUL_FUNCTION)


def select_sql(table, cols, codepage=None, nul_sub=0x40, where=""):
    """SELECT of every column, ordered by record number; with codepage,
    also each refused text field (NULL with X'00' in its bytes) decoded by
    zfdw from its bytes with X'00' replaced by nul_sub (or dropped)."""
    extra = []
    if codepage:
        for c in cols:
            if not c.raw_of:
                continue
            text = quote_ident(c.raw_of)
            raw = quote_ident(c.name)
            cp = quote_literal(codepage)
            if c.table:
                expr = ("(SELECT array_agg(pg_temp.zf_text(x, %d, %s) ORDER BY o) "
                        "FROM unnest(%s) WITH ORDINALITY AS u(x, o))" % (nul_sub, cp, raw))
                has_nul = ("EXISTS (SELECT FROM unnest(%s) AS u(x) "
                           "WHERE position('\\x00'::bytea IN x) > 0)" % raw)
            else:
                expr = "pg_temp.zf_text(%s, %d, %s)" % (raw, nul_sub, cp)
                has_nul = "position('\\x00'::bytea IN %s) > 0" % raw
            extra.append("CASE WHEN %s IS NULL AND %s THEN %s END AS %s" % (
                text, has_nul, expr, quote_ident(c.raw_of + "_nul")))
    return "SELECT %s.*%s FROM %s %s ORDER BY zf_n" % (
        table, "".join(", " + e for e in extra), table, where)


def assemble(row, cols):
    """A query row as a nested object keyed like the peer's JSON.  Meta
    values go under "@record_number"/"@record_length"; the raw bytes of
    text fields under "@raw" and their NUL-tolerant decoding under "@nul",
    by dotted key path."""
    out = {}
    for c in META + cols:
        v = row.get(c.name)
        if c.meta:
            out["@" + c.meta] = v
            continue
        dotted = ".".join(c.keypath)
        if c.raw_of:
            out.setdefault("@raw", {})[dotted] = v
            if row.get(c.raw_of + "_nul") is not None:
                out.setdefault("@nul", {})[dotted] = row[c.raw_of + "_nul"]
            continue
        put(out, c, v)
    return out


def put(out, c, v):
    """Store a column's value at its key path; a table leaf's array is
    spread over the table's elements."""
    if v is None:
        return
    if not c.table:
        d = out
        for k in c.keypath[:-1]:
            d = d.setdefault(k, {})
        d[c.keypath[-1]] = v
        return
    d = out
    for k in c.keypath[:c.table - 1]:
        d = d.setdefault(k, {})
    elems = d.setdefault(c.keypath[c.table - 1], [])
    while len(elems) < len(v):
        elems.append({})
    for e, x in zip(elems, v):
        if x is None:
            continue
        dd = e
        for k in c.keypath[c.table:-1]:
            dd = dd.setdefault(k, {})
        dd[c.keypath[-1]] = x


NOTICE_RE = re.compile(r'of column "([^"]+)"')
CONTEXT_RE = re.compile(r"record (\d+) at byte offset")


def parse_notices(stderr):
    """NOTICEs of rejected values: {(record number, column): message}."""
    out = {}
    msg = col = None
    for line in stderr.split("\n"):
        if line.startswith("NOTICE:"):
            msg = line[7:].strip()
            col = None
        elif line.startswith("DETAIL:") and msg is not None:
            m = NOTICE_RE.search(line)
            col = m.group(1) if m else None
        elif line.startswith("CONTEXT:") and msg is not None:
            m = CONTEXT_RE.search(line)
            if m:
                out[(int(m.group(1)), col)] = msg
            msg = None
    return out


def read(psql, copybook, options, where="", record=None, larger=False, types=None):
    """All rows of a foreign table over a copybook (one column per field,
    on_error 'null'): (root node, columns, rows, psql result).  Each row is
    assembled as nested objects with "@why": {dotted key path: notice};
    types overrides the SQL type of some fields, by dotted key path."""
    from pg import select
    roots = layout(psql, copybook, record, larger)
    root = list(roots.values())[0]
    cols = field_columns(root, text_twins=False)
    for c in cols:
        c.sqltype = (types or {}).get(".".join(c.keypath), c.sqltype)
    options = dict(options, copybook_text=copybook, on_error="null", log_verbosity="verbose")
    if larger:
        options["allow_larger_redefines"] = "true"
    if record:
        options["record"] = record
    script = script_header() + create_sql("t", cols, options)
    script += select("q", "SELECT * FROM t %s ORDER BY zf_n" % where) + "ROLLBACK;\n"
    res = psql.run(script)
    if not res.ok:
        raise RuntimeError(res.error())
    notices = parse_notices(res.stderr)
    rows = []
    for r in res.rows():
        row = assemble(r, cols)
        n = row["@record_number"]
        row["@why"] = {".".join(c.keypath): notices[(n, c.name)]
                       for c in cols if (n, c.name) in notices}
        rows.append(row)
    return root, cols, rows, res
