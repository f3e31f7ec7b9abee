# wc_deps.m4 -- checks for the libraries weakcorr is built on.

# WC_CHECK_PTHREAD: add -pthread to CFLAGS and LIBS when the compiler
# accepts it, and make sure pthread_create links.
AC_DEFUN([WC_CHECK_PTHREAD], [
    wc_save_CFLAGS=$CFLAGS
    CFLAGS="$CFLAGS -pthread"
    AC_MSG_CHECKING([whether $CC accepts -pthread])
    AC_LINK_IFELSE([AC_LANG_PROGRAM([[#include <pthread.h>]],
        [[pthread_t t; return pthread_create(&t, 0, 0, 0);]])],
        [AC_MSG_RESULT([yes]); LIBS="$LIBS -pthread"],
        [AC_MSG_RESULT([no]); CFLAGS=$wc_save_CFLAGS
         AC_SEARCH_LIBS([pthread_create], [pthread], [],
             [AC_MSG_ERROR([POSIX threads are required (Debian: libc6-dev)])])])
])

# WC_CHECK_GMP_MPFR: GMP and MPFR, with a message naming the Debian
# package when either is missing.
AC_DEFUN([WC_CHECK_GMP_MPFR], [
    AC_ARG_WITH([gmp],
        [AS_HELP_STRING([--with-gmp=DIR], [GMP installed under DIR])],
        [CPPFLAGS="$CPPFLAGS -I$withval/include"
         LDFLAGS="$LDFLAGS -L$withval/lib"])
    AC_ARG_WITH([mpfr],
        [AS_HELP_STRING([--with-mpfr=DIR], [MPFR installed under DIR])],
        [CPPFLAGS="$CPPFLAGS -I$withval/include"
         LDFLAGS="$LDFLAGS -L$withval/lib"])
    AC_CHECK_HEADER([gmp.h], [],
        [AC_MSG_ERROR([GMP headers not found: install libgmp-dev (Debian: apt-get install libgmp-dev) or use --with-gmp=DIR])])
    AC_SEARCH_LIBS([__gmpz_init], [gmp], [],
        [AC_MSG_ERROR([GMP library not found: install libgmp-dev (Debian: apt-get install libgmp-dev) or use --with-gmp=DIR])])
    AC_CHECK_HEADER([mpfr.h], [],
        [AC_MSG_ERROR([MPFR headers not found: install libmpfr-dev (Debian: apt-get install libmpfr-dev) or use --with-mpfr=DIR])])
    AC_SEARCH_LIBS([mpfr_init2], [mpfr], [],
        [AC_MSG_ERROR([MPFR library not found: install libmpfr-dev (Debian: apt-get install libmpfr-dev) or use --with-mpfr=DIR])])
])

# WC_CHECK_FLINT_ARB: FLINT and Arb in either of the two layouts in use.
#   FLINT 3: Arb merged in, <flint/arb.h>, one library -lflint, flint.pc.
#   FLINT 2.9 with the separate Arb 2 library, as Debian 12 ships them:
#   <flint/*.h> and <arb.h>, libraries -lflint and -lflint-arb (Debian's
#   name) or -larb (upstream's name), no flint.pc.
# Defines WC_HAVE_FLINT3 to 1 or 0 for include/weakcorr/wc_config.h.
AC_DEFUN([WC_CHECK_FLINT_ARB], [
    AC_ARG_WITH([flint],
        [AS_HELP_STRING([--with-flint=DIR],
            [FLINT (and Arb) installed under DIR])],
        [CPPFLAGS="$CPPFLAGS -I$withval/include"
         LDFLAGS="$LDFLAGS -L$withval/lib"
         PKG_CONFIG_PATH="$withval/lib/pkgconfig${PKG_CONFIG_PATH:+:$PKG_CONFIG_PATH}"
         export PKG_CONFIG_PATH])
    AC_ARG_WITH([arb],
        [AS_HELP_STRING([--with-arb=DIR],
            [the separate Arb 2 library installed under DIR])],
        [CPPFLAGS="$CPPFLAGS -I$withval/include"
         LDFLAGS="$LDFLAGS -L$withval/lib"])

    wc_have_flint3=0
    wc_flint_layout=""
    dnl FLINT 3 announces itself through pkg-config.
    PKG_CHECK_MODULES([FLINT], [flint >= 3.0.0],
        [CPPFLAGS="$CPPFLAGS $FLINT_CFLAGS"
         LIBS="$FLINT_LIBS $LIBS"
         wc_flint_from_pc=yes],
        [wc_flint_from_pc=no])

    AC_CHECK_HEADER([flint/flint.h], [],
        [AC_MSG_ERROR([FLINT headers not found: install libflint-dev (Debian: apt-get install libflint-dev) or use --with-flint=DIR])])
    AC_MSG_CHECKING([for FLINT 2.9 or later])
    AC_COMPILE_IFELSE([AC_LANG_PROGRAM([[#include <flint/flint.h>]], [[
#if __FLINT_RELEASE < 20900
# error FLINT too old
#endif
    ]])], [AC_MSG_RESULT([yes])],
        [AC_MSG_RESULT([no])
         AC_MSG_ERROR([FLINT 2.9 or later is required: install libflint-dev (Debian 12 ships 2.9)])])

    AC_CHECK_HEADER([flint/arb.h], [wc_have_flint3=1], [], [[]])
    AS_IF([test "$wc_have_flint3" = 1], [
        AS_IF([test "$wc_flint_from_pc" = no], [
            AC_SEARCH_LIBS([fmpq_init], [flint], [],
                [AC_MSG_ERROR([FLINT library not found: install libflint-dev or use --with-flint=DIR])])
        ])
        AC_MSG_CHECKING([that Arb is part of -lflint])
        AC_LINK_IFELSE([AC_LANG_PROGRAM([[#include <flint/arb.h>]],
            [[arb_t x; arb_init(x); arb_clear(x);]])],
            [AC_MSG_RESULT([yes])],
            [AC_MSG_RESULT([no])
             AC_MSG_ERROR([<flint/arb.h> found but arb_init does not link with $LIBS])])
        wc_flint_layout="FLINT 3 with Arb merged in"
    ], [
        AC_SEARCH_LIBS([fmpq_init], [flint], [],
            [AC_MSG_ERROR([FLINT library not found: install libflint-dev (Debian: apt-get install libflint-dev) or use --with-flint=DIR])])
        AC_CHECK_HEADER([arb.h], [],
            [AC_MSG_ERROR([Arb headers not found: install libflint-arb-dev (Debian: apt-get install libflint-arb-dev), or FLINT 3 which contains Arb, or use --with-arb=DIR])])
        AC_SEARCH_LIBS([arb_init], [flint-arb arb], [],
            [AC_MSG_ERROR([Arb library not found: install libflint-arb-dev (Debian: apt-get install libflint-arb-dev) or use --with-arb=DIR])])
        wc_flint_layout="FLINT 2.9 with separate Arb"
    ])
    AC_SUBST([WC_HAVE_FLINT3], [$wc_have_flint3])
])

# WC_ADD_CFLAGS_IF_SUPPORTED(VAR, FLAGS): append to VAR each of FLAGS
# that the C compiler accepts without a warning.
AC_DEFUN([WC_ADD_CFLAGS_IF_SUPPORTED], [
    for wc_flag in $2; do
        AC_MSG_CHECKING([whether $CC accepts $wc_flag])
        wc_save_CFLAGS=$CFLAGS
        dnl Ask about -Wfoo rather than -Wno-foo: gcc accepts any -Wno-.
        wc_probe=`echo "$wc_flag" | sed 's/^-Wno-/-W/'`
        CFLAGS="$CFLAGS -Werror $wc_probe"
        AC_COMPILE_IFELSE([AC_LANG_PROGRAM([[]], [[]])],
            [AC_MSG_RESULT([yes]); $1="$[$1] $wc_flag"],
            [AC_MSG_RESULT([no])])
        CFLAGS=$wc_save_CFLAGS
    done
])
