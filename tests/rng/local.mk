WC_RNG_TESTS = \
    %reldir%/t-philox \
    %reldir%/t-transform \
    %reldir%/t-normal
check_PROGRAMS += $(WC_RNG_TESTS)
WC_TESTS += $(WC_RNG_TESTS)
%canon_reldir%_t_philox_LDADD = $(TEST_LDADD)
%canon_reldir%_t_transform_LDADD = $(TEST_LDADD)
%canon_reldir%_t_normal_LDADD = $(TEST_LDADD)
