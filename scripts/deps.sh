#!/usr/bin/env bash
#-------------------------------------------------------------------------
#
# deps.sh
#	  Install the Debian packages zfdw needs to build, test and demo, when
#	  they are missing.  Runs apt-get as root (through sudo when needed).
#
#	deps.sh [extra packages...]
#
#-------------------------------------------------------------------------
set -euo pipefail
. "$(dirname "$0")/lib.sh"

packages=(gcc make libc6-dev "postgresql-$ZF_PG_VERSION"
	"postgresql-server-dev-$ZF_PG_VERSION" libcmocka-dev python3 "$@")

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
