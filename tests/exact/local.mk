WC_EXACT_TESTS = \
    %reldir%/t-series \
    %reldir%/t-linear_hand \
    %reldir%/t-linear_brute \
    %reldir%/t-linear_bound \
    %reldir%/t-linear_errors \
    %reldir%/t-mseries
check_PROGRAMS += $(WC_EXACT_TESTS)
WC_TESTS += $(WC_EXACT_TESTS)
%canon_reldir%_t_series_LDADD = $(TEST_LDADD)
%canon_reldir%_t_linear_hand_LDADD = $(TEST_LDADD)
%canon_reldir%_t_linear_brute_SOURCES = %reldir%/t-linear_brute.c \
    %reldir%/linear_brute.c %reldir%/linear_brute.h
%canon_reldir%_t_linear_brute_LDADD = $(TEST_LDADD)
%canon_reldir%_t_linear_bound_LDADD = $(TEST_LDADD)
%canon_reldir%_t_linear_errors_LDADD = $(TEST_LDADD)
%canon_reldir%_t_mseries_LDADD = $(TEST_LDADD)
WC_ONELAYER_TESTS = \
    %reldir%/t-onelayer_hand \
    %reldir%/t-onelayer_brute \
    %reldir%/t-onelayer_balls \
    %reldir%/t-onelayer_bound \
    %reldir%/t-onelayer_errors
check_PROGRAMS += $(WC_ONELAYER_TESTS)
WC_TESTS += $(WC_ONELAYER_TESTS)
%canon_reldir%_t_onelayer_brute_SOURCES = %reldir%/t-onelayer_brute.c \
    %reldir%/onelayer_brute.c %reldir%/onelayer_brute.h
%canon_reldir%_t_onelayer_brute_LDADD = $(TEST_LDADD)
%canon_reldir%_t_onelayer_hand_LDADD = $(TEST_LDADD)
%canon_reldir%_t_onelayer_balls_LDADD = $(TEST_LDADD)
%canon_reldir%_t_onelayer_bound_LDADD = $(TEST_LDADD)
%canon_reldir%_t_onelayer_errors_LDADD = $(TEST_LDADD)
WC_DEEPPOLY_TESTS = \
    %reldir%/t-deeppoly_brute \
    %reldir%/t-deeppoly_hand \
    %reldir%/t-deeppoly_cross \
    %reldir%/t-deeppoly_bound \
    %reldir%/t-deeppoly_errors
check_PROGRAMS += $(WC_DEEPPOLY_TESTS)
WC_TESTS += $(WC_DEEPPOLY_TESTS)
%canon_reldir%_t_deeppoly_brute_SOURCES = %reldir%/t-deeppoly_brute.c \
    %reldir%/deeppoly_brute.c %reldir%/deeppoly_brute.h
%canon_reldir%_t_deeppoly_brute_LDADD = $(TEST_LDADD)
%canon_reldir%_t_deeppoly_hand_LDADD = $(TEST_LDADD)
%canon_reldir%_t_deeppoly_cross_LDADD = $(TEST_LDADD)
%canon_reldir%_t_deeppoly_bound_LDADD = $(TEST_LDADD)
%canon_reldir%_t_deeppoly_errors_LDADD = $(TEST_LDADD)
