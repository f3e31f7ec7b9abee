## Tests, module by module.  Each local.mk adds its programs to
## check_PROGRAMS and to WC_TESTS, the list tests/run-tests.sh runs in
## order.  The command-line tests come last.
include tests/spec/local.mk
include tests/order/local.mk
include tests/exact/local.mk
include tests/gauss/local.mk
include tests/stats/local.mk
include tests/rng/local.mk
include tests/net/local.mk
include tests/mc/local.mk
include tests/report/local.mk
include tests/dynamics/local.mk
include tests/cli/local.mk

## configure itself, in both FLINT layouts.
WC_TESTS += tests/build/layouts.sh
EXTRA_DIST += tests/build/layouts.sh
