/* Internal interfaces of the mc module. */

#ifndef WC_MC_IMPL_H
#define WC_MC_IMPL_H

#include "weakcorr/mc.h"

/* The checkpoint header of a run, ending in a newline. */
void _wc_mc_checkpoint_header(wc_buf_t buf, const char * quantity,
                              const char * net, uint64_t seed,
                              slong nprobes, slong nvalues, double tol,
                              slong maxiter);

/* "width sample v_1 ... v_k\n" */
void _wc_mc_checkpoint_line(wc_buf_t buf, slong width, slong sample,
                            const double * v, slong nvalues);

/* Reads the checkpoint at path: checks that its header is header
   (WC_ERR_PARSE otherwise), calls store for every complete line, and
   appends those lines to kept.  A missing or empty file sets *exists = 0
   and is not an error. */
wc_status _wc_mc_checkpoint_read(wc_buf_t kept, const char * path,
                                 const char * header, slong nvalues,
                                 void (*store)(void *, slong, slong,
                                               const double *),
                                 void * data, int * exists, wc_error_t err);

#endif
