#!/bin/sh
#-------------------------------------------------------------------------
#
# exports.sh
#	  Print the linker version script of zfdw.so: only what PostgreSQL
#	  looks up by name is exported (the magic block, _PG_init, and each
#	  C function the extension script declares with its pg_finfo_ record,
#	  and each background worker entry point named on a line
#	  "-- BGWORKER name" of the script, which the postmaster looks up by
#	  name too);
#	  every other symbol stays local, so that zfdw's internals never clash
#	  with another library loaded into the same backend.
#
#	exports.sh sql/*.sql > exports.map
#
#-------------------------------------------------------------------------
set -e
{
	echo "{"
	echo "  global:"
	echo "    Pg_magic_func;"
	echo "    _PG_init;"
	# the C symbol of each LANGUAGE C function: the second string after
	# MODULE_PATHNAME, or else the SQL name of the function
	awk '
		/CREATE( OR REPLACE)? FUNCTION/ {
			name = $0
			sub(/.*FUNCTION[ \t]+/, "", name)
			sub(/\(.*/, "", name)
			sub(/.*\./, "", name)
		}
		/MODULE_PATHNAME/ {
			line = $0
			if (match(line, /MODULE_PATHNAME'\''[ \t]*,[ \t]*'\''[A-Za-z0-9_]+'\''/)) {
				sym = substr(line, RSTART, RLENGTH)
				sub(/.*,[ \t]*'\''/, "", sym)
				sub(/'\''$/, "", sym)
			} else
				sym = name
			print "    " sym ";"
			print "    pg_finfo_" sym ";"
		}
		/^-- BGWORKER [A-Za-z0-9_]+$/ {
			print "    " $3 ";"
		}' "$@" | sort -u
	echo "  local: *;"
	echo "};"
}
