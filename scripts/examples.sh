#!/usr/bin/env bash
#-------------------------------------------------------------------------
#
# examples.sh
#	  "make examples": put the files the documents' examples read (README.md
#	  and docs/*.md) into the folder they name, /srv/zfdw, readable by the
#	  PostgreSQL server.  Run as root or through sudo when the folder is
#	  not yours: "sudo make examples".
#
#	examples.sh			into $EXAMPLES_DIR, default /srv/zfdw
#
# The files come from the checkout: the demo data (demo/data), the
# hand-made fixtures (test/data/hand), the order records (test/data/cobol),
# the change extracts (test/data/cdc, as cdc/), the delimited fixtures
# (test/data/delimited, as delimited/), the copybooks and DDL of examples/,
# and files written by programs: the demo's change extract of the morning
# of 2025-07-01 (demo/data/acctcdc.py) and the binary examples
# (examples/make_examples.py).  scripts/doctest.sh builds its scratch
# folder with this script, so the documents are tested on these files.
# Files already in the folder are replaced; others are left alone.
#
#-------------------------------------------------------------------------
set -euo pipefail
. "$(dirname "$0")/lib.sh"
cd "$ZF_ROOT"

dest=${EXAMPLES_DIR:-/srv/zfdw}

if ! mkdir -p "$dest" 2>/dev/null || [ ! -w "$dest" ]; then
	echo "examples: cannot write $dest; run as root or with sudo (sudo make examples)," >&2
	echo "or choose another folder with EXAMPLES_DIR=..." >&2
	exit 1
fi

# the files, from the checkout
cp demo/data/ACCTMAST.cpy demo/data/acctmast.dat demo/data/ACCTCDC.cpy \
	demo/data/TRANHIST.punch demo/data/TRANHIST.ddl demo/data/tranhist.dat \
	demo/data/customer_digital_profile.csv "$dest/"
cp test/data/hand/*.dat "$dest/"
cp test/data/cobol/ODOREC.cpy test/data/cobol/odo_vb_cp037.dat \
	test/data/cobol/odo_vbbdw_cp037.dat "$dest/"
cp examples/CUST.cpy examples/PARTY.cpy examples/payroll.ddl examples/people.csv "$dest/"
rm -rf "$dest/cdc" "$dest/delimited"
mkdir -p "$dest/cdc" "$dest/delimited"
cp -r test/data/cdc/CDCBANK.cpy test/data/cdc/CDCBANK6.cpy test/data/cdc/positional \
	test/data/cdc/iidr test/data/cdc/dms "$dest/cdc/"
cp -r test/data/delimited/db2_dept.vb test/data/delimited/db2_dept.nl \
	test/data/delimited/db2_dept_utf8.del test/data/delimited/semicolon.csv \
	test/data/delimited/bad.csv test/data/delimited/dms_tx.csv test/data/delimited/dms \
	"$dest/delimited/"

# the files written by programs: the account changes of the morning of
# 2025-07-01 (the demo writes the same changes ending now), and the
# binary examples
python3 demo/data/acctcdc.py --out "$dest/acctcdc.dat" --end 2025-07-01T08:23:43.585618 >/dev/null
python3 examples/make_examples.py --out "$dest"

chmod -R a+rX "$dest"
echo "examples: the example files are in $dest"
