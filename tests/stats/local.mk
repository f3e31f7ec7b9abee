WC_STATS_TESTS = \
    %reldir%/t-names \
    %reldir%/t-summarise \
    %reldir%/t-quantile \
    %reldir%/t-normal \
    %reldir%/t-resample \
    %reldir%/t-fit \
    %reldir%/t-fit_coverage \
    %reldir%/t-fit_model \
    %reldir%/t-fit_correction \
    %reldir%/t-verdict \
    %reldir%/t-claim_corrected
check_PROGRAMS += $(WC_STATS_TESTS)
WC_TESTS += $(WC_STATS_TESTS)
EXTRA_DIST += %reldir%/sim.h
%canon_reldir%_t_names_LDADD = $(TEST_LDADD)
%canon_reldir%_t_summarise_LDADD = $(TEST_LDADD)
%canon_reldir%_t_quantile_LDADD = $(TEST_LDADD)
%canon_reldir%_t_normal_LDADD = $(TEST_LDADD)
%canon_reldir%_t_resample_LDADD = $(TEST_LDADD)
%canon_reldir%_t_fit_LDADD = $(TEST_LDADD)
%canon_reldir%_t_fit_coverage_LDADD = $(TEST_LDADD)
%canon_reldir%_t_fit_model_LDADD = $(TEST_LDADD)
%canon_reldir%_t_fit_correction_LDADD = $(TEST_LDADD)
%canon_reldir%_t_verdict_LDADD = $(TEST_LDADD)
%canon_reldir%_t_claim_corrected_LDADD = $(TEST_LDADD)
