#!/usr/bin/env python3
"""make_examples.py: write the example files that no fixture provides.

The documents (README.md, docs/) read their example files from one folder,
/srv/zfdw by default, which scripts/examples.sh assembles from demo/data,
test/data and this folder.  This program writes the binary files among
them, deterministically, into the folder given with --out:

  cust.dat                  two 10-byte CUST.cpy records, cp037
  party.dat                 four 37-byte PARTY.cpy records, cp037: two
                            persons, two companies (REDEFINES); the
                            registration numbers packed (COMP-3, sign C)
  acctmast_ascii_mode.dat   demo/data/acctmast.dat as an ASCII-mode FTP
                            transfer leaves it: every byte translated from
                            cp037 to Latin-1 as if it were text, a line
                            end after each 120-byte record
  acctmast.dat.gz           demo/data/acctmast.dat compressed with gzip
                            (no name, time 0: the same bytes every run)

The bytes come from Python's own cp037 codec and the packed-decimal rule
(two digits a byte, the sign in the last nibble), not from zfdw.

Run: python3 examples/make_examples.py --out DIR
"""

import argparse
import gzip
import os

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def ebcdic(text, length):
	"""text in cp037, padded with EBCDIC blanks to length bytes."""
	b = text.encode("cp037")
	assert len(b) <= length, text
	return b + b"\x40" * (length - len(b))


def zoned(value, digits):
	"""an unsigned zoned decimal: EBCDIC digits X'F0'-X'F9'."""
	return ("%0*d" % (digits, value)).encode("cp037")


def packed(value, digits):
	"""a signed packed decimal of digits digits (odd), sign C or D."""
	nibbles = "%0*d" % (digits, abs(value)) + ("d" if value < 0 else "c")
	return bytes.fromhex(nibbles)


def cust():
	return b"".join(ebcdic(h, 5) + ebcdic(w, 5)
					for h, w in (("Paris", "Lyon"), ("Basel", "Bern")))


def party():
	recs = []
	for kind, pid, a, b, c in (("P", 1, "Ana", "Müller", 19800214),
							   ("C", 2, "Nordbank AG", None, 123456789),
							   ("P", 3, "Søren", "Ångström", 19721130),
							   ("C", 4, "Café Lumière SA", None, 987654321)):
		head = ebcdic(kind, 1) + zoned(pid, 6)
		if kind == "P":
			body = ebcdic(a, 10) + ebcdic(b, 12) + zoned(c, 8)
		else:
			body = ebcdic(a, 20) + packed(c, 9) + ebcdic("", 5)
		rec = head + body
		assert len(rec) == 37
		recs.append(rec)
	return b"".join(recs)


def ascii_mode(data):
	"""what an ASCII-mode transfer makes of fixed 120-byte records."""
	out = []
	for i in range(0, len(data), 120):
		out.append(data[i:i + 120].decode("cp037").encode("latin-1") + b"\n")
	return b"".join(out)


def main():
	ap = argparse.ArgumentParser()
	ap.add_argument("--out", required=True)
	args = ap.parse_args()
	with open(os.path.join(ROOT, "demo", "data", "acctmast.dat"), "rb") as f:
		acct = f.read()
	files = {
		"cust.dat": cust(),
		"party.dat": party(),
		"acctmast_ascii_mode.dat": ascii_mode(acct),
		"acctmast.dat.gz": gzip.compress(acct, mtime=0),
	}
	for name, data in files.items():
		with open(os.path.join(args.out, name), "wb") as f:
			f.write(data)


if __name__ == "__main__":
	main()
