WC_GAUSS_TESTS = \
    %reldir%/t-expect_poly \
    %reldir%/t-expect_closed \
    %reldir%/t-expect_prec \
    %reldir%/t-expect_errors \
    %reldir%/t-kernel
check_PROGRAMS += $(WC_GAUSS_TESTS)
WC_TESTS += $(WC_GAUSS_TESTS)
%canon_reldir%_t_expect_poly_LDADD = $(TEST_LDADD)
%canon_reldir%_t_expect_closed_LDADD = $(TEST_LDADD)
%canon_reldir%_t_expect_prec_LDADD = $(TEST_LDADD)
%canon_reldir%_t_expect_errors_LDADD = $(TEST_LDADD)
%canon_reldir%_t_kernel_LDADD = $(TEST_LDADD)
