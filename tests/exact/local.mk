WC_EXACT_TESTS = \
    %reldir%/t-series
check_PROGRAMS += $(WC_EXACT_TESTS)
WC_TESTS += $(WC_EXACT_TESTS)
%canon_reldir%_t_series_LDADD = $(TEST_LDADD)
