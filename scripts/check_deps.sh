#!/usr/bin/env bash
#-------------------------------------------------------------------------
#
# check_deps.sh
#	  Verify that every program, Python module, library and sanitizer
#	  runtime that the tests, the demo and their scripts use comes from a
#	  package that the scripts install (scripts/deps.sh's list, or the
#	  extra packages a script passes to it) or from Debian's essential
#	  set, so that "make demo" and "make check" work on a fresh Debian 12.
#	  Prints one line per use that is not provided, and
#	  "deps: N passed, M failed" (one test per program, module, library).
#
#	check_deps.sh [-v]	  -v: also list what passed and what was skipped
#
# The uses are found by scripts/deps_scan.py in the committed files (shell
# scripts, the "program" options of the test SQL, Python's imports and
# subprocess calls, makefile recipes); see its header.  Each is looked up
# with the system's PATH (not the caller's: a program in /usr/local or a
# pyenv shim is no Debian package) and /usr/bin/python3, and its file
# given to dpkg -S, following symbolic links (alternatives) until a
# package owns one.  A package counts when it is in the Depends and
# Pre-Depends closure of deps.sh's list, of the essential set and of the
# prerequisites below; extra packages that a script passes to deps.sh
# count for the files of that script's folder.  What is not installed on
# this machine is looked up in the map below, which is checked against
# dpkg wherever the thing is installed.
#
#-------------------------------------------------------------------------
set -u
. "$(dirname "$0")/lib.sh"
cd "$ZF_ROOT"

verbose=
[ "${1:-}" = -v ] && verbose=1

# What a newcomer has before any script runs: apt, with which deps.sh
# installs the rest; sudo, the README's "as root or as a user with sudo";
# git, a clone (lib.sh and deps_scan.py do without it).
prerequisites=(apt sudo git)

# Programs, libraries and runtimes that some script installs for itself
# but that need not be installed when this check runs (before test/fuzz
# installs clang, on a machine without valgrind, before make deb, make
# dist or the S3 tests install theirs): their package, or packages
# separated by '|' where either provides it (Debian's npm package, or the
# npm that NodeSource's nodejs bundles).
declare -A map=(
	[bzip2]=bzip2
	[clang]=clang
	[cobc]=gnucobol3
	[dpkg-buildpackage]=dpkg-dev
	[dpkg-parsechangelog]=dpkg-dev
	[node]=nodejs
	[npm]='npm|nodejs'
	[pgxnclient]=pgxnclient
	[unzip]=unzip
	[sudo]=sudo
	[valgrind]=valgrind
	[libclang_rt.asan-x86_64.a]=libclang-rt-14-dev
	[libclang_rt.fuzzer-x86_64.a]=libclang-rt-14-dev
	[libclang_rt.ubsan_standalone-x86_64.a]=libclang-rt-14-dev
)

sys_path=/usr/sbin:/usr/bin:/sbin:/bin:/usr/lib/postgresql/$ZF_PG_VERSION/bin
py=/usr/bin/python3
passed=0
failed=0

tmp=$(mktemp -d "${TMPDIR:-/tmp}/zfdw-deps.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

if [ ! -x "$py" ]; then
	echo "  FAIL python3: /usr/bin/python3 is not installed (scripts/deps.sh installs it)"
	echo "deps: 0 passed, 1 failed"
	exit 1
fi

# The uses, one line each: kind, name, where (file:line), compiler.
if ! "$py" -I scripts/deps_scan.py scan "$ZF_ROOT" >"$tmp/uses"; then
	echo "  FAIL scan: scripts/deps_scan.py failed"
	echo "deps: 0 passed, 1 failed"
	exit 1
fi

# --- the packages that count, per folder

# sorted package names, one a line, of the closure of the arguments,
# plus the arguments themselves (installed or not)
closure() {
	{
		"$py" -I scripts/deps_scan.py closure "$@"
		printf '%s\n' "$@"
	} | sort -u
}

scripts/deps.sh --list >"$tmp/base" || { echo "deps: 0 passed, 1 failed"; exit 1; }
dpkg-query -W -f='${Package} ${Essential}\n' | awk '$2 == "yes" {print $1}' >"$tmp/essential"
mapfile -t common < <(cat "$tmp/base" "$tmp/essential"; printf '%s\n' "${prerequisites[@]}")
closure "${common[@]}" >"$tmp/allowed."

# folders whose scripts install extra packages, deepest first; the files
# of a folder may count on those of its scripts and its parents' scripts
awk -F'\t' '$1 == "installs" {sub(/:[0-9]+$/, "", $3); n = split($3, p, "/");
	d = p[1]; for (i = 2; i < n; i++) d = d "/" p[i]; print d "\t" $2}' "$tmp/uses" |
	sort -u >"$tmp/installs"
mapfile -t folders < <(cut -f1 "$tmp/installs" | sort -u | awk '{print length, $0}' | sort -rn | cut -d' ' -f2-)
for f in "${folders[@]}"; do
	mapfile -t extra < <(awk -F'\t' -v f="$f" 'index(f "/", $1 "/") == 1 {print $2}' "$tmp/installs")
	closure "${common[@]}" "${extra[@]}" >"$tmp/allowed.${f//\//_}"
done

# the file of allowed packages for a file of the repository
allowed_for() {
	local file=$1 f
	for f in "${folders[@]}"; do
		case "$file" in "$f"/*) echo "$tmp/allowed.${f//\//_}"; return;; esac
	done
	echo "$tmp/allowed."
}

# --- where things are, and which package owns them

# /usr/bin/x and /bin/x are one file on a merged /usr, but dpkg knows the
# name the package shipped
twin() {
	case "$1" in
		/usr/bin/* | /usr/sbin/* | /usr/lib/*) echo "${1#/usr}";;
		/bin/* | /sbin/* | /lib/*) echo "/usr$1";;
	esac
}

# the names a file goes by, from the one called to the last symbolic link
# target (the alternatives' /etc/alternatives/x, then the program)
chain() {
	local p i t
	p=$(realpath -s "$1")
	for i in 1 2 3 4 5 6 7 8; do
		echo "$p"
		twin "$p"
		[ -L "$p" ] || break
		t=$(readlink "$p")
		case "$t" in /*) ;; *) t=$(dirname "$p")/$t;; esac
		p=$(realpath -s "$t")
	done
}

# resolve every use to a file (or "-" when it is not installed)
: >"$tmp/resolved"

# a program as the scripts' shell finds it on a Debian PATH, or "-"
resolve_program() {
	PATH=$sys_path type -P "$1" 2>/dev/null || echo -
}
# the file a compiler links for a library or runtime (lib$1.so, else the
# .a), or "-"; cc answers for a compiler not installed yet (clang, before
# test/fuzz/run.sh installs it), which finds the same system libraries
resolve_linked() {
	local name=$1 cc=$2 f
	PATH=$sys_path type -P "$cc" >/dev/null 2>&1 || cc=cc
	PATH=$sys_path type -P "$cc" >/dev/null 2>&1 || { echo -; return; }
	for f in "$name" "${name%.so}.a"; do
		f=$(PATH=$sys_path "$cc" -print-file-name="$f" 2>/dev/null)
		case "$f" in /*) [ -e "$f" ] && { realpath -s "$f"; return; };; esac
	done
	echo -
}
modules=$(awk -F'\t' '$1 == "module" {print $2}' "$tmp/uses" | sort -u)
"$py" -I - $modules >"$tmp/modules" <<'EOF'
import importlib.util, os, sys
for name in sys.argv[1:]:
    try:
        spec = importlib.util.find_spec(name)
    except (ImportError, ValueError):
        spec = None
    if spec is None:
        print(name + "\t-")
    elif spec.origin in (None, "built-in", "frozen"):
        print(name + "\t" + os.path.realpath(sys.executable))
    else:
        print(name + "\t" + spec.origin)
EOF
while IFS=$'\t' read -r kind name where cc; do
	case "$kind" in
		command) file=$(resolve_program "$name");;
		maybe)
			# $dir/NAME: a program when it is one, else one the script builds
			file=$(resolve_program "$name")
			[ "$file" = - ] || kind=command;;
		path) if [ -x "$name" ]; then file=$name; else file=-; fi;;
		module) file=$(awk -F'\t' -v n="$name" '$1 == n {print $2}' "$tmp/modules");;
		library) file=$(resolve_linked "lib$name.so" "$cc");;
		runtime) file=$(resolve_linked "$name" "$cc");;
		*) continue;;
	esac
	printf '%s\t%s\t%s\n' "$kind" "$name" "${file:--}"
done < <(sort -u -t$'\t' -k1,2 "$tmp/uses") | sort -u -t$'\t' -k1,2 >"$tmp/resolved"

# one dpkg -S for all the names of all the files
cut -f3 "$tmp/resolved" | grep -v '^-$' | sort -u | while read -r f; do chain "$f"; done |
	sort -u >"$tmp/paths"
xargs -r -d '\n' dpkg-query -S <"$tmp/paths" 2>/dev/null |
	grep -v '^diversion by' >"$tmp/owners"

# the packages that own a file (through its links), one a line
owners_of() {
	local p line
	while read -r p; do
		line=$(awk -v p="$p" 'index($0, ": " p) && substr($0, index($0, ": " p) + 2) == p' "$tmp/owners" | head -1)
		if [ -n "$line" ]; then
			echo "${line%%: *}" | tr ',' '\n' | sed 's/^ *//; s/:[a-z0-9]*$//'
			return
		fi
	done < <(chain "$1")
}

# --- one test per use

# count a failed test and say why; check.sh repeats "  FAIL" lines at the end
fail() {
	echo "  FAIL $1"
	failed=$((failed + 1))
}
# count a passed test, and show it with -v
pass() {
	[ -n "$verbose" ] && echo "  ok $1"
	passed=$((passed + 1))
}

while IFS=$'\t' read -r kind name file; do
	label=$name
	[ "$kind" = module ] && label="python3 module $name"
	[ "$kind" = library ] && label="library -l$name"
	wheres=$(awk -F'\t' -v k="$kind" -v n="$name" '($1 == k || k == "command" && $1 == "maybe") && $2 == n {print $3}' "$tmp/uses" | sort -u)
	first=$(echo "$wheres" | head -1)
	more=$(($(echo "$wheres" | wc -l) - 1))
	used="used in $first"
	[ "$more" -gt 0 ] && used="$used and $more more"
	if [ "$file" = - ]; then
		if [ "$kind" = maybe ]; then
			[ -n "$verbose" ] && echo "  skipped $name: not found; taken for a program the script builds ($used)"
			continue
		fi
		pkgs=${map[$name]:-}
		if [ -z "$pkgs" ]; then
			fail "$label: not installed here, and no package is known for it ($used): install it through scripts/deps.sh, or add it to the map in scripts/check_deps.sh"
			continue
		fi
		pkgs=$(echo "$pkgs" | tr '|' '\n')
		how="not installed here; package $(echo $pkgs) (the map)"
	else
		pkgs=$(owners_of "$file")
		if [ -z "$pkgs" ]; then
			fail "$label: $file belongs to no Debian package ($used)"
			continue
		fi
		if [ -n "${map[$name]:-}" ] && ! echo "$pkgs" | grep -qxF -f <(echo "${map[$name]}" | tr '|' '\n'); then
			fail "$label: the map in scripts/check_deps.sh says ${map[$name]}, dpkg says $(echo $pkgs) ($used)"
			continue
		fi
		how="$file, package $(echo $pkgs)"
	fi
	# every file that uses it must have one of these packages
	missing=
	while read -r w; do
		allowed=$(allowed_for "${w%:*}")
		if ! echo "$pkgs" | grep -qxF -f "$allowed"; then
			missing="${w}"
			break
		fi
	done <<<"$wheres"
	if [ -n "$missing" ]; then
		fail "$label: $how, which neither scripts/deps.sh nor the essential set provides (used in $missing)"
	else
		pass "$label: $how"
	fi
done <"$tmp/resolved"

# programs the scan cannot name: teach it, rather than let them by
while IFS=$'\t' read -r kind name where cc; do
	case "$kind" in
		unresolved) fail "$where: cannot tell which program runs ($name): make it a literal, or teach scripts/deps_scan.py to read it";;
		skipped) [ -n "$verbose" ] && echo "  skipped $name at $where: a program named by a variable";;
	esac
done < <(sort -u "$tmp/uses")

echo "deps: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
