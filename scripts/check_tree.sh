#!/usr/bin/env bash
#-------------------------------------------------------------------------
#
# check_tree.sh
#	  The layer and naming rules of docs/architecture.md, checked on a
#	  built tree: src/core includes no PostgreSQL header, every global
#	  symbol of zfdw's objects carries its prefix (zf_ in core, zfdw in the
#	  fdw), and zfdw.so exports only what PostgreSQL looks up by name.
#	  Prints "tree: N passed, M failed".
#
#	check_tree.sh [TREE]	a tree where "make all" has run (default: .)
#
#-------------------------------------------------------------------------
set -u
tree=${1:-.}
cd "$tree" || exit 1
passed=0
failed=0

# report one check: a name and the offending lines (none: it passed)
report() {
	local name=$1 offenders=$2
	if [ -z "$offenders" ]; then
		echo "ok: $name"
		passed=$((passed + 1))
	else
		echo "FAILED: $name:"
		echo "$offenders" | head -20 | sed 's/^/  /'
		failed=$((failed + 1))
	fi
}

# 1. core is PostgreSQL-free: no include of a header that is not core's
# own (a module path below src/core) or the C library's
offenders=$(grep -rnE '^[[:space:]]*#[[:space:]]*include[[:space:]]+"' src/core --include='*.[ch]' |
	while IFS= read -r line; do
		header=$(echo "$line" | sed -E 's/.*#[[:space:]]*include[[:space:]]+"([^"]+)".*/\1/')
		file=${line%%:*}
		[ -f "src/core/$header" ] || [ -f "$(dirname "$file")/$header" ] || echo "$line"
	done)
report "src/core includes only its own headers and the C library's" "$offenders"

# 2. every global symbol defined in zfdw's objects carries its prefix
objects=$(find src -name '*.o')
if [ -z "$objects" ]; then
	report "objects to read (run make all first)" "no .o file below src"
else
	offenders=$(for o in $objects; do
		nm -g --defined-only "$o" | awk -v f="$o" 'NF == 3 {print f ": " $3}'
	done | grep -vE ': (zf_|zfdw|Pg_magic_func$|_PG_init$|pg_finfo_zfdw)' || true)
	report "every global symbol is prefixed zf_ (core) or zfdw (fdw)" "$offenders"
fi

# 3. the library exports only PostgreSQL's entry points
if [ -f zfdw.so ]; then
	expected=$(scripts/exports.sh sql/*.sql | sed -n 's/^    \([A-Za-z0-9_]*\);$/\1/p' | sort)
	exported=$(nm -D --defined-only zfdw.so | awk '{print $3}' | sort)
	offenders=$(comm -13 <(echo "$expected") <(echo "$exported"))
	report "zfdw.so exports only Pg_magic_func, _PG_init and the SQL functions" "$offenders"
	missing=$(comm -23 <(echo "$expected") <(echo "$exported"))
	report "zfdw.so exports every function the extension script declares" "$missing"
else
	report "zfdw.so to read (run make all first)" "no zfdw.so in $tree"
fi

echo "tree: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
