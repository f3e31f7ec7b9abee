WC_MC_TESTS = \
    %reldir%/t-cumulant \
    %reldir%/t-parse \
    %reldir%/t-exact \
    %reldir%/t-engines \
    %reldir%/t-run
check_PROGRAMS += $(WC_MC_TESTS)
WC_TESTS += $(WC_MC_TESTS)
%canon_reldir%_t_cumulant_LDADD = $(TEST_LDADD)
%canon_reldir%_t_parse_LDADD = $(TEST_LDADD)
%canon_reldir%_t_exact_LDADD = $(TEST_LDADD)
%canon_reldir%_t_engines_LDADD = $(TEST_LDADD)
%canon_reldir%_t_run_LDADD = $(TEST_LDADD)
