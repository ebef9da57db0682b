#!/bin/sh
#-------------------------------------------------------------------------
#
# make_tapes.sh
#	  Make the tape images and XMIT files of test/data/archive (committed
#	  with it): XMIT files by make_xmits.py, the
#	  AWSTAPE ones by make_tapes.py, their HET copies by Hercules' hetupd
#	  (zlib and bzip2; uncompressed for the KSDS tape), empty tapes by
#	  hetinit, and a HET image with a damaged compressed block.
#
#	test/data/archive/make_tapes.sh
#
#-------------------------------------------------------------------------
set -eu
export PYTHONDONTWRITEBYTECODE=1		# make_xmits.py imports make_tapes.py
cd "$(dirname "$0")"
python3 make_tapes.py .
python3 make_xmits.py .
rm -f gen_sl_z.het gen_sl_b.het empty.aws empty.het
hetupd -z gen_sl.aws gen_sl_z.het >/dev/null 2>&1
hetupd -b gen_sl.aws gen_sl_b.het >/dev/null 2>&1
hetinit -d empty.aws ZFE001 ZFDW >/dev/null 2>&1
hetinit empty.het ZFE002 ZFDW >/dev/null 2>&1
# the KSDS tape as HET: blocks left uncompressed (in 4096-byte chunks),
# and zlib-compressed
rm -f gen_ksds_d.het gen_ksds_z.het
hetupd -d -c 4096 gen_ksds.aws gen_ksds_d.het >/dev/null 2>&1
hetupd -z gen_ksds.aws gen_ksds_z.het >/dev/null 2>&1
chmod 644 gen_sl_z.het gen_sl_b.het empty.aws empty.het gen_ksds_d.het gen_ksds_z.het
# a zlib block with a flipped byte in its deflate stream
python3 - <<'PY'
d = bytearray(open("gen_sl_z.het", "rb").read())
# the first data block of file 1 follows VOL1, HDR1, HDR2 and a tape mark
pos = 0
for _ in range(4):
    n = d[pos] | d[pos + 1] << 8
    pos += 6 + n
d[pos + 6 + 10] ^= 0xFF
open("bad_zlib.het", "wb").write(bytes(d))
PY
