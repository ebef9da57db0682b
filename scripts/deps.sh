#!/usr/bin/env bash
#-------------------------------------------------------------------------
#
# deps.sh
#	  Install the Debian packages zfdw needs to build, test and demo, when
#	  they are missing.  Runs apt-get as root (through sudo when needed).
#
#	deps.sh [extra packages...]
#	deps.sh --list [extra packages...]	print the packages, install nothing
#
# Every program the tests and the demo run comes from one of these
# packages or from Debian's essential set; scripts/check_deps.sh (part of
# make check) verifies it.  A script that needs more for itself (clang for
# the fuzz targets, valgrind, GnuCOBOL) names them as extra packages.
#
#-------------------------------------------------------------------------
set -euo pipefail
. "$(dirname "$0")/lib.sh"

list_only=
if [ "${1:-}" = --list ]; then
	list_only=1
	shift
fi

# bzip2: the conformance suites read a compressed file through
# "bzip2 -dc", and with gzip (essential) and zstd it writes the compressed
# files of the compression tests; mawk: awk, of Priority required but not
# essential; zlib1g-dev, libbz2-dev, libzstd-dev: the decompressors, and
# HET tape images hold zlib- and bzip2-compressed blocks (src/core/archive);
# hercules: the tape and XMIT oracles (hetget, hetmap, hetupd, hetinit,
# dasdload, dasdpdsu); libcurl4-openssl-dev, libssl-dev: S3 objects (HTTP,
# SigV4 signing); python3-botocore: the S3 test server verifies signatures
# with it; curl: the S3 tests upload objects and the benchmark's download
# ceiling; gnucobol3: the independent reader of files INSERT writes
# (test/data/cobol/readback.sh, run by the write_cobol test)
packages=(gcc make libc6-dev "postgresql-$ZF_PG_VERSION"
	"postgresql-server-dev-$ZF_PG_VERSION" libcmocka-dev python3 bzip2 mawk hercules
	zlib1g-dev libbz2-dev libzstd-dev zstd libcurl4-openssl-dev libssl-dev
	python3-botocore curl gnucobol3
	"$@")

if [ -n "$list_only" ]; then
	printf '%s\n' "${packages[@]}"
	exit 0
fi

missing=()
for p in "${packages[@]}"; do
	status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
	case "$status" in
		*"install ok installed"*) ;;
		*) missing+=("$p") ;;
	esac
done

if [ ${#missing[@]} -gt 0 ]; then
	echo "zfdw: installing ${missing[*]}"
	export DEBIAN_FRONTEND=noninteractive
	zf_as_root apt-get update -qq
	zf_as_root apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
