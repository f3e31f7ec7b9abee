WC_ORDER_TESTS = \
    %reldir%/t-order_algebra \
    %reldir%/t-cluster_graph \
    %reldir%/t-bound_examples \
    %reldir%/t-bound_properties \
    %reldir%/t-bound_cumulant \
    %reldir%/t-cdd
check_PROGRAMS += $(WC_ORDER_TESTS)
WC_TESTS += $(WC_ORDER_TESTS)
%canon_reldir%_t_order_algebra_LDADD = $(TEST_LDADD)
%canon_reldir%_t_cluster_graph_LDADD = $(TEST_LDADD)
%canon_reldir%_t_bound_examples_LDADD = $(TEST_LDADD)
%canon_reldir%_t_bound_properties_LDADD = $(TEST_LDADD)
%canon_reldir%_t_bound_cumulant_LDADD = $(TEST_LDADD)
%canon_reldir%_t_cdd_LDADD = $(TEST_LDADD)
