#!/usr/bin/env bash
#-------------------------------------------------------------------------
#
# dist.sh
#	  "make dist": the release archive for PGXN, made from git's HEAD:
#	  build/zfdw-VERSION.zip with every file under zfdw-VERSION/, the
#	  version taken from META.json.  Prints the archive's path.
#
#-------------------------------------------------------------------------
set -euo pipefail
. "$(dirname "$0")/lib.sh"
cd "$ZF_ROOT"

version=$(python3 -c 'import json; print(json.load(open("META.json"))["version"])')
if ! git rev-parse --verify -q HEAD >/dev/null; then
	echo "dist: not a git checkout with a commit; the archive is made from git" >&2
	exit 1
fi
if [ -n "$(git status --porcelain --untracked-files=no)" ]; then
	echo "dist: note: uncommitted changes are not in the archive (it is made from HEAD)" >&2
fi
mkdir -p build
archive="$PWD/build/zfdw-$version.zip"
rm -f "$archive"
git archive --format=zip --prefix="zfdw-$version/" -o "$archive" HEAD
echo "$archive"
