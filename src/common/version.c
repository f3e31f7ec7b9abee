#include "weakcorr/common.h"
#include "weakcorr/arb_include.h"

const char *
wc_version(void)
{
    return WC_VERSION;
}

const char *
wc_gmp_version(void)
{
    return gmp_version;
}

const char *
wc_mpfr_version(void)
{
    return mpfr_get_version();
}

const char *
wc_flint_version(void)
{
    /* The string compiled into the loaded library, not the header's. */
    return flint_version;
}

const char *
wc_arb_version(void)
{
#if WC_HAVE_FLINT3
    return "part of FLINT";
#else
    return arb_version;
#endif
}
