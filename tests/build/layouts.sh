#!/bin/sh
# configure in both FLINT layouts, and its messages for missing libraries.
#
# FLINT 3 merged Arb into FLINT: headers <flint/arb.h>, one library, and a
# flint.pc.  Where the machine has FLINT 2.9 with the separate Arb (as
# Debian 12 does), this test lays those headers out the FLINT 3 way in a
# temporary prefix with a flint.pc, configures against it with
# --with-flint, and builds and runs the command.  It exercises configure's
# detection of the FLINT 3 layout, not FLINT 3's own library.  The missing-
# library messages are checked by telling configure a header is absent
# through its cache variables.

src=$(cd "${WC_TOP_SRCDIR:-.}" && pwd)
tmp=$(mktemp -d "${TMPDIR:-/tmp}/wc-layouts.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT
fails=0

arbinc=/usr/include/arb.h
libdir=$(dirname "$(find /usr/lib /usr/lib64 /usr/local/lib -name \
    'libflint-arb.so' 2>/dev/null | head -n 1)" 2>/dev/null)
if [ ! -f "$arbinc" ] || [ ! -f /usr/include/flint/flint.h ] \
   || [ -z "$libdir" ] || [ "$libdir" = . ]; then
    echo "skipped: FLINT 2.9 with the separate Arb is not installed here"
    exit 77
fi

# configure refuses to build elsewhere from a source tree configured in
# place (what ./setup.sh does); work from a cleaned copy then.
if [ -f "$src/config.status" ]; then
    mkdir "$tmp/src"
    (cd "$src" && tar cf - --exclude=./tests/logs .) | (cd "$tmp/src" && tar xf -)
    (cd "$tmp/src" && make -s distclean >/dev/null 2>&1)
    src=$tmp/src
fi

# A FLINT 3 style prefix: every FLINT header and every Arb header under
# include/flint, and a flint.pc announcing version 3.
prefix=$tmp/flint3
mkdir -p "$prefix/include/flint" "$prefix/lib/pkgconfig"
cp /usr/include/flint/*.h "$prefix/include/flint/"
for h in arb acb arf mag arb_hypgeom acb_hypgeom arb_calc acb_calc \
         arb_poly acb_poly arb_mat acb_mat arb_fmpz_poly arb_fpwrap \
         bool_mat dirichlet acb_dft acb_dirichlet acb_elliptic \
         acb_modular dlog; do
    [ -f "/usr/include/$h.h" ] && cp "/usr/include/$h.h" "$prefix/include/flint/"
done
cat >"$prefix/lib/pkgconfig/flint.pc" <<PC
prefix=$prefix
Name: flint
Description: FLINT 3 layout for a configure test
Version: 3.0.0
Cflags: -I\${prefix}/include
Libs: -L$libdir -lflint -lflint-arb
PC

mkdir "$tmp/b3"
if (cd "$tmp/b3" && "$src/configure" -q --with-flint="$prefix" \
        >"$tmp/configure3.log" 2>&1); then
    if grep -q '^#define WC_HAVE_FLINT3 1' \
            "$tmp/b3/include/weakcorr/wc_config.h" \
       && (cd "$tmp/b3" && make -s -j2 weakcorr >/dev/null 2>&1) \
       && "$tmp/b3/weakcorr" --version | grep -q 'Arb part of FLINT' \
       && "$tmp/b3/weakcorr" order 'f_a f_b f_ab f' --json \
          | grep -q '"exponent": "-1"'; then
        echo "ok   FLINT 3 layout: detected, built and run"
    else
        echo "FAIL: FLINT 3 layout not detected or the build failed"
        tail -n 20 "$tmp/configure3.log"
        fails=$((fails + 1))
    fi
else
    echo "FAIL: configure with the FLINT 3 layout"
    tail -n 20 "$tmp/configure3.log"
    fails=$((fails + 1))
fi

# Missing libraries stop configure with the Debian package to install.
missing()
{
    cachevar=$1
    package=$2
    mkdir -p "$tmp/m-$package"
    if (cd "$tmp/m-$package" && "$src/configure" -q "$cachevar=no" \
            >"$tmp/out" 2>&1); then
        echo "FAIL: configure succeeded with $cachevar=no"
        fails=$((fails + 1))
    elif grep -q "install $package" "$tmp/out"; then
        echo "ok   missing $package: $(grep 'error:' "$tmp/out" | head -n 1)"
    else
        echo "FAIL: no mention of $package:"
        tail -n 3 "$tmp/out"
        fails=$((fails + 1))
    fi
}
missing ac_cv_header_gmp_h libgmp-dev
missing ac_cv_header_mpfr_h libmpfr-dev
missing ac_cv_header_flint_flint_h libflint-dev
missing ac_cv_header_arb_h libflint-arb-dev

[ $fails -eq 0 ]
