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
# (examples/make_examples.py).  For docs/object-storage.md: the account
# master compressed by zstd and its copybook by bzip2 (acctmast.dat.gz
# comes from make_examples.py), and a gzip file cut short.  For
# docs/archives.md: the generated tapes of test/data/archive and, when
# ../shared/conformance is there, its public samples test_tape.het and
# test_pds.xmi (linked, read where they are).  For docs/writing.md: the
# benchmark's ACCT80.cpy, in/more_accounts.csv, and out/, a folder the
# server may write.  For docs/troubleshooting.md: the dialect files of
# test/data/diag/dialect.  For the subscriptions of docs/change-apply.md:
# landing/, four change files of balanced transfers with their .done
# markers (test/subscription/transfers.py), and landing_unload.csv, the
# accounts after the first two.
# scripts/doctest.sh builds its scratch folder with this script, so the
# documents are tested on these files.  Files already in the folder are
# replaced; others are left alone.
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
# docs/archives.md, key seeks in a tape image and a standalone IEBCOPY
# unload: the KSDS tape and its zlib copy, and the library of the public
# test_pds.xmi extracted as an unload (when ../shared/conformance is there)
cp test/data/archive/gen_ksds.aws test/data/archive/gen_ksds_z.het "$dest/"
if [ -r "$ZF_ROOT/../shared/conformance/xmit/test_pds.xmi" ]; then
	python3 test/data/archive/xmit_unload.py "$ZF_ROOT/../shared/conformance/xmit/test_pds.xmi" \
		"$dest/test_pds.unl" rdw
fi
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

# docs/object-storage.md: compressed files
zstd -q -f -o "$dest/acctmast.dat.zst" demo/data/acctmast.dat
bzip2 -c demo/data/ACCTMAST.cpy >"$dest/ACCTMAST.cpy.bz2"
head -c 20000 "$dest/acctmast.dat.gz" >"$dest/acctmast_cut.dat.gz"

# docs/archives.md: tape images and XMIT files
cp test/data/archive/gen_sl_z.het test/data/archive/gen_mv1.aws \
	test/data/archive/gen_mv2.aws "$dest/"
shared=$ZF_ROOT/../shared/conformance
for f in tape/test_tape.het xmit/test_pds.xmi; do
	rm -f "$dest/${f#*/}"
	if [ -r "$shared/$f" ]; then
		ln -s "$(cd "$shared/${f%/*}" && pwd)/${f#*/}" "$dest/${f#*/}"
	else
		echo "examples: $shared/$f is not there; the examples of docs/archives.md that read ${f#*/} will not find it" >&2
	fi
done

# docs/writing.md: a copybook, rows to load, and a folder to write into
cp test/bench/ACCT80.cpy "$dest/"
mkdir -p "$dest/in" "$dest/out"
cp examples/more_accounts.csv "$dest/in/"
rm -f "$dest/out/ACCT.NEW.dat"
if [ "$(id -u)" -eq 0 ] && id postgres >/dev/null 2>&1; then
	chown postgres: "$dest/out"
	chmod 755 "$dest/out"
else
	chmod 1777 "$dest/out"
fi

# docs/troubleshooting.md: records written by GnuCOBOL in Micro Focus mode
cp test/data/diag/dialect/DIALREC.cpy test/data/diag/dialect/mf.dat "$dest/"

# docs/change-apply.md, subscriptions: four landed files (the first
# inserts 1000 accounts, each other one holds 50 transfers) and the
# accounts as they are after the first two, as an unload would have them
rm -rf "$dest/landing"
mkdir -p "$dest/landing"
python3 test/subscription/transfers.py --dir "$dest/landing" --files 4 --landing marker
tmp=$(mktemp -d)
python3 test/subscription/transfers.py --dir "$tmp" --files 2 --landing marker \
	--reference "$dest/landing_unload.csv"
rm -rf "$tmp"

chmod -R a+rX "$dest"
echo "examples: the example files are in $dest"
