#!/usr/bin/env bash
#-------------------------------------------------------------------------
#
# upgrade_test.sh
#	  The extension's upgrade path: install zfdw 1.0 (the released script),
#	  ALTER EXTENSION zfdw UPDATE to the current version, and compare what
#	  the extension then holds with a fresh install of the current version:
#	  every member object with its definition (functions with their
#	  signature, body, volatility and comment; tables and views with their
#	  columns; types; the wrapper with its handler and validator).  Prints
#	  "upgrade: N passed, M failed".
#
# Needs the extension installed (make install, or ZF_DESTDIR set after
# make install DESTDIR=$ZF_DESTDIR), as the other suite scripts do
# (scripts/suite.sh installs it for each version).
#
#-------------------------------------------------------------------------
set -u
. "$(dirname "$0")/lib.sh"
cd "$ZF_ROOT"

passed=0
failed=0
dir=$(zf_scratch_dir upgrade)
port=$(zf_free_port 58432)
trap 'zf_cluster_stop "$dir"; rm -rf "$dir"' EXIT

zf_cluster_start "$dir" "$port" || { echo "upgrade: 0 passed, 1 failed"; exit 1; }

current=$(sed -n "s/^default_version = '\(.*\)'/\1/p" zfdw.control)

# one line per member of the extension, with what defines it
describe='
SELECT pg_describe_object(d.classid, d.objid, 0) || E"\t" ||
       coalesce(CASE d.classid
         WHEN $$pg_proc$$::regclass THEN
              pg_get_function_identity_arguments(d.objid) || $$ -> $$ ||
              pg_get_function_result(d.objid) || $$ $$ ||
              (SELECT concat_ws($$ $$, p.provolatile, p.proisstrict, p.prosecdef,
                                p.proparallel, p.prokind, p.proconfig::text,
                                md5(p.prosrc), p.probin)
                 FROM pg_proc p WHERE p.oid = d.objid)
         WHEN $$pg_class$$::regclass THEN
              (SELECT string_agg(a.attname || $$ $$ || format_type(a.atttypid, a.atttypmod) ||
                                 CASE WHEN a.attnotnull THEN $$ not null$$ ELSE $$$$ END ||
                                 coalesce($$ default $$ || pg_get_expr(ad.adbin, ad.adrelid), $$$$),
                                 $$, $$ ORDER BY a.attnum)
                 FROM pg_attribute a
                 LEFT JOIN pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum
                WHERE a.attrelid = d.objid AND a.attnum > 0 AND NOT a.attisdropped) ||
              coalesce($$ view $$ || md5(pg_get_viewdef(d.objid)), $$$$) ||
              (SELECT $$ acl $$ || coalesce(c.relacl::text, $$-$$)
                 FROM pg_class c WHERE c.oid = d.objid)
         WHEN $$pg_type$$::regclass THEN format_type(d.objid, NULL)
         WHEN $$pg_foreign_data_wrapper$$::regclass THEN
              (SELECT w.fdwhandler::regproc || $$ $$ || w.fdwvalidator::regproc
                 FROM pg_foreign_data_wrapper w WHERE w.oid = d.objid)
         ELSE $$$$ END, $$$$) || E"\t" ||
       coalesce(obj_description(d.objid, d.classid::regclass::name), $$-$$)
  FROM pg_depend d
  JOIN pg_extension e ON e.oid = d.refobjid
 WHERE d.refclassid = $$pg_extension$$::regclass AND d.deptype = $$e$$
   AND e.extname = $$zfdw$$
 ORDER BY 1'
describe=${describe//\"/\'}

zf_psql "$dir" "$port" -q -c "CREATE DATABASE fresh" -c "CREATE DATABASE upgraded"
zf_psql "$dir" "$port" -q -d fresh -c "CREATE EXTENSION zfdw" 2>&1
zf_psql "$dir" "$port" -q -d upgraded -v ON_ERROR_STOP=1 \
	-c "CREATE EXTENSION zfdw VERSION '1.0'" \
	-c "ALTER EXTENSION zfdw UPDATE" 2>&1 | tee "$dir/update.log"

# test 1: the update ran and reached the current version
got=$(zf_psql "$dir" "$port" -At -d upgraded \
	-c "SELECT extversion FROM pg_extension WHERE extname = 'zfdw'")
if [ "$got" = "$current" ] && ! grep -q ERROR "$dir/update.log"; then
	echo "ok: zfdw 1.0 updates to $current"
	passed=$((passed + 1))
else
	echo "FAILED: zfdw 1.0 did not update to $current (it is at '$got')"
	failed=$((failed + 1))
fi

# test 2: the upgraded extension holds exactly what a fresh install holds
zf_psql "$dir" "$port" -At -d fresh -c "$describe" >"$dir/fresh.txt"
zf_psql "$dir" "$port" -At -d upgraded -c "$describe" >"$dir/upgraded.txt"
members=$(wc -l <"$dir/fresh.txt")
if [ "$members" -gt 0 ] && diff -u "$dir/fresh.txt" "$dir/upgraded.txt" >"$dir/diff.txt"; then
	echo "ok: the upgraded extension's $members objects equal a fresh install's"
	passed=$((passed + 1))
else
	sed 's/^/    /' "$dir/diff.txt" | head -40
	echo "FAILED: the upgraded extension differs from a fresh install of $current"
	failed=$((failed + 1))
fi

# test 3: the version that is installed by default is the current one
got=$(zf_psql "$dir" "$port" -At -d fresh \
	-c "SELECT extversion FROM pg_extension WHERE extname = 'zfdw'")
if [ "$got" = "$current" ]; then
	echo "ok: CREATE EXTENSION installs $current"
	passed=$((passed + 1))
else
	echo "FAILED: CREATE EXTENSION installs '$got', not $current"
	failed=$((failed + 1))
fi

echo "upgrade: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
