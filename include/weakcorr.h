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
#include "weakcorr/table.h"

#endif
