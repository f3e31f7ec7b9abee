/* Arb's headers live in <flint/> with FLINT 3 and at the top level with
   FLINT 2.9 and the separate Arb library; include them through here. */

#ifndef WC_ARB_INCLUDE_H
#define WC_ARB_INCLUDE_H

#include "weakcorr/wc_config.h"

#if WC_HAVE_FLINT3
# include <flint/arb.h>
# include <flint/arb_hypgeom.h>
# include <flint/arb_mat.h>
# include <flint/acb.h>
# include <flint/acb_poly.h>
# include <flint/acb_hypgeom.h>
# include <flint/acb_calc.h>
#else
# include <arb.h>
# include <arb_hypgeom.h>
# include <arb_mat.h>
# include <acb.h>
# include <acb_poly.h>
# include <acb_hypgeom.h>
# include <acb_calc.h>
#endif

#endif
