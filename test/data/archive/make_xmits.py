#!/usr/bin/env python3
# -------------------------------------------------------------------------
#
# make_xmits.py
#	  Write small TSO TRANSMIT (NETDATA) files for test/sql/xmit_*.sql,
#	  byte by byte from the format's description (no zfdw code): a
#	  sequential VB data set, and damaged copies of it.
#
# Records: as make_tapes.py's rec_text, letter 'V', lengths 5 + (i*37)%70.
#
#	make_xmits.py DIR
#
# -------------------------------------------------------------------------
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from make_tapes import ebc, rec_text  # noqa: E402


def tu(key, *values):
    out = key.to_bytes(2, "big") + len(values).to_bytes(2, "big")
    for v in values:
        out += len(v).to_bytes(2, "big") + v
    return out


def segments(data, control):
    """Cut a logical record into segments of at most 253 data bytes."""
    out = b""
    parts = [data[k:k + 253] for k in range(0, len(data), 253)] or [b""]
    for n, p in enumerate(parts):
        f = (0x80 if n == 0 else 0) | (0x40 if n == len(parts) - 1 else 0)
        f |= 0x20 if control else 0
        out += bytes([len(p) + 2, f]) + p
    return out


def main():
    out = sys.argv[1]
    recs = [ebc(rec_text("V", i, 5 + (i * 37) % 70)) for i in range(1, 41)]
    s = segments(ebc("INMR01") + tu(0x1011, ebc("ZFNODE")) + tu(0x1012, ebc("ZFUSER"))
                 + tu(0x1001, ebc("TONODE")) + tu(0x1002, ebc("TOUSER"))
                 + tu(0x1024, ebc("20240229123456")) + tu(0x0042, b"\x50"), True)
    s += segments(ebc("INMR02") + (1).to_bytes(4, "big") + tu(0x1028, ebc("INMCOPY"))
                  + tu(0x0002, ebc("ZF"), ebc("TEST"), ebc("VB"))
                  + tu(0x003C, b"\x40\x00") + tu(0x0049, b"\x50\x00")
                  + tu(0x0042, b"\x00\x50") + tu(0x0030, b"\x0c\x80")
                  + tu(0x102C, b"\x00\x00\x10\x00"), True)
    s += segments(ebc("INMR03") + tu(0x0042, b"\x00\x50"), True)
    for r in recs:
        s += segments(r, False)
    s += segments(ebc("INMR06"), True)
    s += b"\x40" * ((80 - len(s) % 80) % 80)		# padded to 80-byte records
    open(os.path.join(out, "gen_seq_vb.xmi"), "wb").write(s)
    open(os.path.join(out, "bad_xmit_truncated.xmi"), "wb").write(s[:len(s) // 2])
    bad = bytearray(s)
    bad[0] = 1			# a segment length below 2
    open(os.path.join(out, "bad_xmit_segment.xmi"), "wb").write(bytes(bad))
    bad = bytearray(s)
    # INMR01's first text unit: its value length runs past the record
    bad[2 + 6 + 4] = 0x7F
    open(os.path.join(out, "bad_xmit_textunit.xmi"), "wb").write(bytes(bad))


if __name__ == "__main__":
    main()
