#!/bin/sh
# Set up weakcorr on a Debian 12 machine and run it.
#
#   ./setup.sh          install what is missing, build, run the main job
#   ./setup.sh check    install what is missing, build, run the test suite
#
# Packages are installed with apt-get (as root, or through sudo) only when
# they are missing.  The build is in the source tree; configure runs again
# only when its inputs changed.
set -eu

mode=${1:-run}
case $mode in
    run|check) ;;
    *) echo "usage: ./setup.sh [check]" >&2; exit 1 ;;
esac
cd "$(dirname "$0")"

packages="gcc make autoconf automake libtool pkg-config libgmp-dev
libmpfr-dev libflint-dev libflint-arb-dev"

missing=""
for p in $packages; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null \
         | grep -q 'install ok installed'; then
        missing="$missing $p"
    fi
done

if [ -n "$missing" ]; then
    echo "setup: installing$missing"
    if [ "$(id -u)" = 0 ]; then
        as_root=""
    elif command -v sudo >/dev/null 2>&1; then
        as_root="sudo"
    else
        echo "setup: need root to install:$missing" >&2
        echo "setup: run as root: apt-get install$missing" >&2
        exit 1
    fi
    export DEBIAN_FRONTEND=noninteractive
    $as_root apt-get update -q >/dev/null
    # shellcheck disable=SC2086
    $as_root apt-get install -y -q --no-install-recommends $missing \
        >/dev/null
fi

if [ ! -x configure ] || [ configure.ac -nt configure ] \
   || [ Makefile.am -nt Makefile.in ]; then
    echo "setup: bootstrapping the build system"
    autoreconf -fi >/dev/null 2>&1 || autoreconf -fi
fi
if [ ! -f Makefile ] || [ configure -nt config.status ]; then
    echo "setup: configuring"
    ./configure -q
fi

jobs=$(getconf _NPROCESSORS_ONLN 2>/dev/null || echo 2)
echo "setup: building"
make -s -j"$jobs" >/dev/null

if [ "$mode" = check ]; then
    make -s -j"$jobs" check-build >/dev/null
    echo "setup: running the test suite"
    if make -s check; then
        exit 0
    fi
    # make reports the failure after the suite's summary; repeat the
    # summary so that the output still ends with it.
    if [ -f tests/logs/summary ]; then
        cat tests/logs/summary
    fi
    exit 1
fi

echo "setup: running the main job: weakcorr table (the default scaling table)"
echo
exec ./weakcorr table
