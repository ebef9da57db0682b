#!/usr/bin/env python3
"""generate.py: write the records of the filter pushdown tests.

pushdown.dat: 2,000 fixed records of 64 bytes, EBCDIC cp037, from a fixed
seed, with the boundary values a pushed filter must get right: every
packed sign nibble (C, F, A, E positive, D, B negative, negative zero),
the largest digits, zoned overpunch signs, binary extremes, text padded
with blanks (leading ones too), texts with a NUL byte, NULL
representations (null_if, a DB2 null indicator) and, in about 3% of the
records, invalid bytes.  The expected results are PostgreSQL's with the
pushdown off (test/sql/pushdown_random.sql), never computed here.

  1-4    p_s     S9(5)V99 COMP-3
  5-7    p_u     9(4) COMP-3 (unsigned, F sign)
  8-12   z_s     S9(4)V9 DISPLAY, trailing overpunch
  13-18  z_u     9(6) DISPLAY
  19-20  b_s2    S9(4) COMP
  21-24  b_s4    S9(9) COMP
  25-32  b_u8    9(18) COMP (unsigned, 8 bytes)
  33-40  t1      X(8)
  41-43  t2      X(3), null_if spaces
  44-45  p_n     S9(3) COMP-3, null_if low_values
  46     ind     DB2 null indicator of p_i
  47-49  p_i     S9(5) COMP-3
  50-64  p_big   S9(25)V9(4) COMP-3 (29 digits: the 128-bit decoder)

Run from this folder: python3 generate.py
"""
import random

rng = random.Random(20261207)
E = {c: bytes([b]) for c, b in zip(
    " ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789",
    [0x40] + list(range(0xC1, 0xCA)) + list(range(0xD1, 0xDA)) +
    list(range(0xE2, 0xEA)) + list(range(0x81, 0x8A)) + list(range(0x91, 0x9A)) +
    list(range(0xA2, 0xAA)) + list(range(0xF0, 0xFA)))}


def ebcdic(s):
    return b"".join(E[c] for c in s)


def packed(v, nbytes, signed=True, sign=None):
    digits = 2 * nbytes - 1
    s = str(abs(v)).rjust(digits, "0")
    assert len(s) == digits
    if sign is None:
        sign = (0xD if v < 0 else 0xC) if signed else 0xF
    nib = [int(c) for c in s] + [sign]
    return bytes(nib[i] * 16 + nib[i + 1] for i in range(0, len(nib), 2))


def zoned(v, n, signed, zone=None):
    s = str(abs(v)).rjust(n, "0")
    out = bytearray(0xF0 + int(c) for c in s)
    if signed:
        if zone is None:
            zone = 0xD if v < 0 else 0xC
        out[-1] = zone * 16 + int(s[-1])
    return bytes(out)


def pick(choices, lo, hi):
    """A boundary value half of the time, else a random one."""
    return rng.choice(choices) if rng.random() < 0.5 else rng.randint(lo, hi)


def p_s_bytes():
    v = pick([0, 1, -1, 9999999, -9999999, 100, -100, 12345, 50], -9999999, 9999999)
    r = rng.random()
    if r < 0.1:
        return packed(v, 4, sign=rng.choice([0xA, 0xC, 0xE, 0xF]) if v >= 0 else rng.choice([0xB, 0xD]))
    if r < 0.15:
        return packed(0, 4, sign=rng.choice([0xB, 0xD]))  # negative zero
    return packed(v, 4)


def text8():
    r = rng.random()
    words = ["ABC", "ABCD", "abc", "Z", "", "A", "AB C", "ZZZZZZZZ", "M", "m1", "123"]
    if r < 0.6:
        w = rng.choice(words)
    else:
        w = "".join(rng.choice("ABCMZabz19 ") for _ in range(rng.randint(0, 8)))
    b = ebcdic(w)
    if rng.random() < 0.1 and len(b) < 8:
        b = E[" "] + b  # a leading blank
    b = b[:8].ljust(8, E[" "])
    if rng.random() < 0.02:
        b = b[:3] + b"\x00" + b[4:]  # NUL: the filter must leave it alone
    return b


def record():
    r = bytearray()
    r += p_s_bytes()
    r += packed(pick([0, 9999, 1, 5000], 0, 9999), 3, signed=False)
    zv = pick([0, 99999, -99999, 1, -1, 10, -10], -99999, 99999)
    r += zoned(zv, 5, True, zone=(0xF if zv >= 0 and rng.random() < 0.2 else None))
    r += zoned(pick([0, 999999, 32767, 32768, 1], 0, 999999), 6, False)
    r += pick([0, 32767, -32768, -1, 9999], -32768, 32767).to_bytes(2, "big", signed=True)
    r += pick([0, 2**31 - 1, -2**31, -1, 999999999], -2**31, 2**31 - 1).to_bytes(4, "big", signed=True)
    r += pick([0, 2**64 - 1, 2**63, 999999999999999999, 1], 0, 2**64 - 1).to_bytes(8, "big")
    r += text8()
    t2 = rng.choice(["", "A", "AB", "ABC", "Z", "  A", "XYZ"])
    r += ebcdic(t2).ljust(3, E[" "])
    r += b"\x00\x00" if rng.random() < 0.15 else packed(pick([0, 999, -999, 1], -999, 999), 2)
    r += b"\xff" if rng.random() < 0.15 else b"\x00"
    r += packed(pick([0, 99999, -99999, 7], -99999, 99999), 3)
    big = pick([0, 10**29 - 1, -(10**29 - 1), 10**18, -(10**18), 1, -1], -(10**29 - 1), 10**29 - 1)
    r += packed(big, 15)
    assert len(r) == 64
    if rng.random() < 0.03:
        # one invalid byte somewhere in the numbers or texts
        pos = rng.choice([0, 3, 5, 9, 11, 15, 43, 46, 48, 63])
        r[pos] = rng.choice([0x3A, 0xAB, 0x5E, 0xFA])
    return bytes(r)


with open("pushdown.dat", "wb") as f:
    for _ in range(2000):
        f.write(record())
