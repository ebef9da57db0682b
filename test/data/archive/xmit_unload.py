#!/usr/bin/env python3
# -------------------------------------------------------------------------
#
# xmit_unload.py
#	  Extract the IEBCOPY unload of the library inside a TSO TRANSMIT
#	  (XMIT) file and write it as a standalone unload file, for
#	  test/sql/iebcopy_file.sql (an independent reader of the NETDATA
#	  format: no zfdw code).
#
# NETDATA: the file is a chain of segments, each a length byte (counting
# itself and the flag byte), a flag byte (X'80' first segment of a
# record, X'40' last, X'20' control record) and data.  The segments of a
# record are joined; control records begin with INMRnn, INMR06 ends the
# transmission (the rest of its last card is padding).  The data records
# after an INMR03 are one data set's; the library's are those whose first
# record is COPYR1 (X'CA6D0F' at bytes 1-3): its logical records.
#
# Written, each logical record:
#	rdw	   behind an RDW (LL LL 00 00)
#	blocks behind SDWs, cut to fill blocks of at most BLKSIZE bytes, each
#		   block behind a BDW: the unload data set's blocks (RECFM VS)
#
#	xmit_unload.py IN.xmi OUT rdw|blocks [BLKSIZE]
#
# -------------------------------------------------------------------------
import sys


def netdata_records(data):
    """The logical records of a NETDATA file: (is_control, bytes)."""
    recs, cur, pos = [], b"", 0
    while pos < len(data):
        n, flags = data[pos], data[pos + 1]
        if n < 2:
            raise SystemExit("bad segment length at %d" % pos)
        if flags & 0x80:
            cur = b""
        cur += data[pos + 2:pos + n]
        pos += n
        if flags & 0x40:
            recs.append((bool(flags & 0x20), cur))
            if flags & 0x20 and cur[:6] == "INMR06".encode("cp037"):
                break               # the end: what follows is padding
    return recs


def unload_records(data):
    """The data records of the data set that is an IEBCOPY unload."""
    inmr03 = "INMR03".encode("cp037")
    groups, cur = [], None
    for control, rec in netdata_records(data):
        if control:
            if rec[:6] == inmr03:
                cur = []
                groups.append(cur)
            continue
        if cur is not None:
            cur.append(rec)
    for g in groups:
        if g and g[0][1:4] == b"\xca\x6d\x0f":
            return g
    raise SystemExit("no IEBCOPY unload in the transmission")


def with_rdws(recs):
    return b"".join((len(r) + 4).to_bytes(2, "big") + b"\0\0" + r for r in recs)


def in_blocks(recs, blksize):
    """Spanned records: segments behind SDWs filling BDW blocks."""
    blocks, cur, room = [], b"", blksize - 4
    for r in recs:
        pos, first = 0, True
        while first or pos < len(r):
            if room - len(cur) < 5:
                blocks.append(cur)
                cur = b""
            take = min(len(r) - pos, room - len(cur) - 4)
            last = pos + take == len(r)
            code = 0 if first and last else 1 if first else 2 if last else 3
            cur += (take + 4).to_bytes(2, "big") + bytes([code, 0]) + r[pos:pos + take]
            pos += take
            first = False
    if cur:
        blocks.append(cur)
    return b"".join((len(b) + 4).to_bytes(2, "big") + b"\0\0" + b for b in blocks)


def main():
    src, out, form = sys.argv[1], sys.argv[2], sys.argv[3]
    recs = unload_records(open(src, "rb").read())
    if form == "rdw":
        b = with_rdws(recs)
    else:
        b = in_blocks(recs, int(sys.argv[4]) if len(sys.argv) > 4 else 3120)
    with open(out, "wb") as f:
        f.write(b)


if __name__ == "__main__":
    main()
