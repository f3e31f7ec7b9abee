## Test programs, one per operation or family, and command-line scripts.

check_PROGRAMS += \
    tests/spec/t-parse_rational \
    tests/spec/t-spec_parse \
    tests/spec/t-spec_errors \
    tests/spec/t-net_parse \
    tests/order/t-order_algebra \
    tests/order/t-cluster_graph \
    tests/order/t-bound_examples \
    tests/order/t-bound_properties \
    tests/order/t-bound_cumulant \
    tests/order/t-cdd

tests_spec_t_parse_rational_LDADD = $(TEST_LDADD)
tests_spec_t_spec_parse_LDADD = $(TEST_LDADD)
tests_spec_t_spec_errors_LDADD = $(TEST_LDADD)
tests_spec_t_net_parse_LDADD = $(TEST_LDADD)
tests_order_t_order_algebra_LDADD = $(TEST_LDADD)
tests_order_t_cluster_graph_LDADD = $(TEST_LDADD)
tests_order_t_bound_examples_LDADD = $(TEST_LDADD)
tests_order_t_bound_properties_LDADD = $(TEST_LDADD)
tests_order_t_bound_cumulant_LDADD = $(TEST_LDADD)
tests_order_t_cdd_LDADD = $(TEST_LDADD)

WC_TESTS += \
    tests/spec/t-parse_rational \
    tests/spec/t-spec_parse \
    tests/spec/t-spec_errors \
    tests/spec/t-net_parse \
    tests/order/t-order_algebra \
    tests/order/t-cluster_graph \
    tests/order/t-bound_examples \
    tests/order/t-bound_properties \
    tests/order/t-bound_cumulant \
    tests/order/t-cdd \
    tests/cli/golden.sh \
    tests/cli/errors.sh \
    tests/cli/examples.sh

EXTRA_DIST += \
    tests/cli/golden.sh \
    tests/cli/errors.sh \
    tests/cli/examples.sh \
    tests/cli/golden
