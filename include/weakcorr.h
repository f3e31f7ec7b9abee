/* weakcorr: width scaling of the derivative tensors of wide neural networks
   at initialisation.  Include this header for the whole library. */

#ifndef WEAKCORR_H
#define WEAKCORR_H

#include "weakcorr/wc_config.h"
#include "weakcorr/common.h"
#include "weakcorr/spec.h"
#include "weakcorr/order.h"
#include "weakcorr/report.h"
#include "weakcorr/series.h"
#include "weakcorr/exact.h"
#include "weakcorr/gauss.h"
#include "weakcorr/table.h"
#include "weakcorr/stats.h"
#include "weakcorr/rng.h"
#include "weakcorr/dynamics.h"
#include "weakcorr/net.h"
#include "weakcorr/mc.h"
#include "weakcorr/claim.h"

#endif
