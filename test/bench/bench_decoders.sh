#!/usr/bin/env bash
#-------------------------------------------------------------------------
#
# bench_decoders.sh
#	  Build test/bench/bench_decoders.c with plain cc -O2 against src/core
#	  (no PostgreSQL) and run it.  Prints values per second per decoder;
#	  not a test.
#
#-------------------------------------------------------------------------
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
out="$root/build/bench"
mkdir -p "$out"
${CC:-cc} -std=gnu11 -O2 -Wall -Wextra -I"$root/src/core" \
	-o "$out/bench_decoders" "$root/test/bench/bench_decoders.c" \
	$(find "$root/src/core" -name '*.c' | sort) -lz -lbz2 -lzstd -lcurl -lcrypto -lm
"$out/bench_decoders"
