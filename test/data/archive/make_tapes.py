#!/usr/bin/env python3
# -------------------------------------------------------------------------
#
# make_tapes.py
#	  Write the AWSTAPE test images of test/sql/tape_*.sql, byte by byte
#	  from the format's description (an independent writer: no zfdw code).
#	  make_tapes.sh runs it, then Hercules' hetupd and hetinit.
#
# Every record is text that test/sql/tape_generated.sql recomputes with
# the same formula (rec_text below): record i (1-based) of a data set is
# its 6-digit number, a blank, the data set's letter, then the letters
# A..Z repeated up to its length.  Lengths: fixed ones the LRECL; else
# vlen(i, lo, span) = lo + (i * 37) % span.
#
#	make_tapes.py DIR
#
# -------------------------------------------------------------------------
import os
import sys


def ebc(s):
    return s.encode("cp037")


def rec_text(letter, i, length):
    s = "%06d %s" % (i, letter)
    alpha = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    while len(s) < length:
        s += alpha[(len(s) - 8) % 26]
    return s[:length]


def vlen(i, lo, span):
    return lo + (i * 37) % span


class Tape:
    """An AWSTAPE image: 6-byte headers (length, previous length, LE)."""

    def __init__(self):
        self.out = bytearray()
        self.prev = 0

    def chunk(self, data, flags):
        self.out += len(data).to_bytes(2, "little")
        self.out += self.prev.to_bytes(2, "little")
        self.out += bytes([flags, 0])
        self.out += data
        self.prev = len(data)

    def block(self, data, chunk=None):
        if chunk is None or chunk >= len(data):
            self.chunk(data, 0xA0)
            return
        parts = [data[k:k + chunk] for k in range(0, len(data), chunk)]
        for n, p in enumerate(parts):
            f = (0x80 if n == 0 else 0) | (0x20 if n == len(parts) - 1 else 0)
            self.chunk(p, f)

    def mark(self):
        self.chunk(b"", 0x40)


def label(text):
    assert len(text) <= 80
    return ebc(text.ljust(80))


def vol1(volser):
    return label("VOL1" + volser.ljust(6) + " " + " " * 30 + "ZFDWTEST".ljust(10))


def hdr1(kind, dsname, volser, volseq, fileseq, blocks=0):
    name = dsname[-17:].ljust(17)
    lo = "%06d" % (blocks % 1000000)
    hi = "%04d" % (blocks // 1000000)
    text = (kind + name + volser.ljust(6) + "%04d" % volseq + "%04d" % fileseq
            + "    " + "  " + "024060" + " 00000" + "0" + lo
            + "ZFDW TEST".ljust(13) + "   " + hi)
    return label(text)


def hdr2(kind, recfm, blksize, lrecl, attr, job):
    text = (kind + recfm + "%05d" % blksize + "%05d" % lrecl + "4" + "0"
            + job.ljust(17) + "  " + " " + " " + attr)
    return label(text)


def fb_blocks(letter, n, lrecl, per_block):
    recs = [ebc(rec_text(letter, i, lrecl)) for i in range(1, n + 1)]
    return [b"".join(recs[k:k + per_block]) for k in range(0, n, per_block)]


def v_blocks(letter, n, lo, span, blksize):
    blocks, cur = [], b""
    for i in range(1, n + 1):
        r = ebc(rec_text(letter, i, vlen(i, lo, span)))
        rdw = (len(r) + 4).to_bytes(2, "big") + b"\0\0"
        if 4 + len(cur) + len(rdw) + len(r) > blksize:
            blocks.append(cur)
            cur = b""
        cur += rdw + r
    if cur:
        blocks.append(cur)
    return [(len(b) + 4).to_bytes(2, "big") + b"\0\0" + b for b in blocks]


def vbs_blocks(letter, n, lo, span, blksize):
    """Spanned records cut into segments that fill each block."""
    blocks, cur = [], b""
    room = blksize - 4
    for i in range(1, n + 1):
        r = ebc(rec_text(letter, i, vlen(i, lo, span)))
        pos, first = 0, True
        while pos < len(r):
            if room - len(cur) < 5:		# no room for a segment with data
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
    return [(len(b) + 4).to_bytes(2, "big") + b"\0\0" + b for b in blocks]


def u_blocks(letter, n, lo, span):
    return [ebc(rec_text(letter, i, vlen(i, lo, span))) for i in range(1, n + 1)]


def data_set(t, volser, seq, dsname, recfm, blksize, lrecl, attr, blocks,
             chunk=None, trailer="EOF", volseq=1, header=True):
    if header:
        t.block(hdr1("HDR1", dsname, volser, volseq, seq))
        t.block(hdr2("HDR2", recfm, blksize, lrecl, attr, "ZFTAPE  /STEP%d" % seq))
        t.mark()
    for b in blocks:
        t.block(b, chunk)
    t.mark()
    t.block(hdr1(trailer + "1", dsname, volser, volseq, seq, len(blocks)))
    t.block(hdr2(trailer + "2", recfm, blksize, lrecl, attr, "ZFTAPE  /STEP%d" % seq))
    t.mark()


# The data sets of gen_sl.aws: name, RECFM letter, BLKSIZE, LRECL, block
# attribute, blocks.
SL = [
    ("ZF.TEST.FB", "F", 400, 40, "B", fb_blocks("A", 25, 40, 10)),
    ("ZF.TEST.VB", "V", 300, 104, "B", v_blocks("B", 30, 9, 91, 300)),
    ("ZF.TEST.VBS", "V", 200, 1000, "S", vbs_blocks("C", 12, 50, 650, 200)),
    ("ZF.TEST.U", "U", 500, 0, " ", u_blocks("D", 9, 20, 470)),
    ("ZF.TEST.F", "F", 60, 60, " ", fb_blocks("E", 7, 60, 1)),
    ("ZF.TEST.EMPTY", "F", 3200, 80, "B", []),
]


def write(path, data):
    with open(path, "wb") as f:
        f.write(data)


def main():
    out = sys.argv[1]

    # a standard-labeled tape, six data sets; file 1's blocks in 150-byte
    # chunks (a block of several chunks)
    t = Tape()
    t.block(vol1("ZFT001"))
    for n, (name, rf, blk, lrecl, attr, blocks) in enumerate(SL, 1):
        data_set(t, "ZFT001", n, name, rf, blk, lrecl, attr, blocks,
                 chunk=150 if n == 1 else None)
    t.mark()
    sl = bytes(t.out)
    write(os.path.join(out, "gen_sl.aws"), sl)

    # an unlabeled tape: two files of FB 80 records, 800-byte blocks
    t = Tape()
    for letter, n in (("F", 23), ("G", 10)):
        for b in fb_blocks(letter, n, 80, 10):
            t.block(b)
        t.mark()
    t.mark()
    write(os.path.join(out, "gen_nl.aws"), bytes(t.out))

    # a VBS data set on two volumes: the volume ends (EOV) inside a
    # spanned record, which the second volume completes
    blocks = vbs_blocks("H", 20, 100, 900, 400)
    cut = len(blocks) // 2
    t = Tape()
    t.block(vol1("ZFT002"))
    data_set(t, "ZFT002", 1, "ZF.TEST.MULTI", "V", 400, 1000, "S", blocks[:cut],
             trailer="EOV")
    t.mark()
    write(os.path.join(out, "gen_mv1.aws"), bytes(t.out))
    t = Tape()
    t.block(vol1("ZFT003"))
    data_set(t, "ZFT003", 1, "ZF.TEST.MULTI", "V", 400, 1000, "S", blocks[cut:],
             volseq=2)
    t.mark()
    write(os.path.join(out, "gen_mv2.aws"), bytes(t.out))

    # damaged images, each from gen_sl.aws
    write(os.path.join(out, "bad_truncated.aws"), sl[:len(sl) // 2 + 3])
    bad = bytearray(sl)
    bad[86 + 2] ^= 0x01				# HDR1's header: a wrong previous length
    write(os.path.join(out, "bad_prevlen.aws"), bytes(bad))
    t = Tape()
    t.block(vol1("ZFT004"))
    good = fb_blocks("A", 25, 40, 10)
    t.block(hdr1("HDR1", "ZF.TEST.COUNT", "ZFT004", 1, 1))
    t.block(hdr2("HDR2", "F", 400, 40, "B", "ZFTAPE  /STEP1"))
    t.mark()
    for b in good:
        t.block(b)
    t.mark()
    t.block(hdr1("EOF1", "ZF.TEST.COUNT", "ZFT004", 1, 1, len(good) + 1))
    t.block(hdr2("EOF2", "F", 400, 40, "B", "ZFTAPE  /STEP1"))
    t.mark()
    t.mark()
    write(os.path.join(out, "bad_count.aws"), bytes(t.out))
    t = Tape()
    t.block(vol1("ZFT005"))
    vb = v_blocks("B", 30, 9, 91, 300)
    broken = bytearray(vb[1])
    broken[4] = 0x7F				# an RDW running past its block
    data_set(t, "ZFT005", 1, "ZF.TEST.BADVB", "V", 300, 104, "B",
             [vb[0], bytes(broken)] + vb[2:])
    t.mark()
    write(os.path.join(out, "bad_rdw.aws"), bytes(t.out))

    # a KSDS export as file 2 of a labeled tape (key seeks and record
    # ranges, tape_seeks.sql): FB 40, 2490 records whose first six bytes
    # are their ascending number, 50 to a block (the last block 40), each
    # block in chunks of 900 bytes; file 1 a small VB data set
    t = Tape()
    t.block(vol1("ZFT006"))
    data_set(t, "ZFT006", 1, "ZF.TEST.FIRST", "V", 300, 104, "B",
             v_blocks("J", 20, 9, 91, 300))
    data_set(t, "ZFT006", 2, "ZF.TEST.KSDS", "F", 2000, 40, "B",
             fb_blocks("K", 2490, 40, 50), chunk=900)
    t.mark()
    write(os.path.join(out, "gen_ksds.aws"), bytes(t.out))


if __name__ == "__main__":
    main()
