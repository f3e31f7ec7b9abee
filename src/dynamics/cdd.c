/* The derivative correlations C^{0,j} and |C^{1,j}| of Shem-Ur & Oz
   (2024) on one network, by jets along the gradient direction:
       v = eta G grad f(x_grad),
       f(x_main; theta + t v) = sum_j t^j eta^j / j! D^j f[(G g)^j]
                              = sum_j t^j C^{0,j},
   and the gradient of the t^j coefficient with respect to theta (v
   fixed) is eta^j / j! D^(j+1) f[(G g)^j, .] = eta^(-1/2) C^{1,j}. */

#include "dyn_impl.h"

void
wc_dyn_cdd(double * c0, double * c1, const wc_dyn_mlp_t mlp,
           const double * x_main, const double * x_grad, slong d,
           double eta)
{
    wc_dyn_dir_t zero, v, u;
    _wc_dyn_jet_struct J;
    double f;
    slong j;

    if (d < 0 || d > WC_DYN_JET_MAX_ORDER)
        flint_abort();

    wc_dyn_dir_init(zero, mlp, 0);
    wc_dyn_dir_init(v, mlp, 1);
    wc_dyn_dir_init(u, mlp, d + 1);

    /* g = grad f(x_grad) by the reverse pass of an order-0 jet. */
    _wc_dyn_jet_init(&J, mlp, 0);
    _wc_dyn_jet_forward(&f, &J, mlp, x_grad, zero);
    _wc_dyn_jet_reverse(v, &J, mlp, zero, 0);
    _wc_dyn_jet_clear(&J);
    wc_dyn_dir_metric_mul(v, mlp);
    wc_dyn_dir_scale(v, eta);

    _wc_dyn_jet_init(&J, mlp, d);
    _wc_dyn_jet_forward(c0, &J, mlp, x_main, v);
    if (c1 != NULL)
        for (j = 0; j <= d; j++)
        {
            double n2;

            _wc_dyn_jet_reverse(u, &J, mlp, v, j);
            n2 = wc_dyn_dir_dot(u, u, mlp, 1);
            c1[j] = sqrt(eta * FLINT_MAX(n2, 0.0));
        }
    _wc_dyn_jet_clear(&J);

    wc_dyn_dir_clear(u);
    wc_dyn_dir_clear(v);
    wc_dyn_dir_clear(zero);
}
