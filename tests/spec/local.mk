WC_SPEC_TESTS = \
    %reldir%/t-parse_rational \
    %reldir%/t-spec_parse \
    %reldir%/t-spec_errors \
    %reldir%/t-net_parse
check_PROGRAMS += $(WC_SPEC_TESTS)
WC_TESTS += $(WC_SPEC_TESTS)
%canon_reldir%_t_parse_rational_LDADD = $(TEST_LDADD)
%canon_reldir%_t_spec_parse_LDADD = $(TEST_LDADD)
%canon_reldir%_t_spec_errors_LDADD = $(TEST_LDADD)
%canon_reldir%_t_net_parse_LDADD = $(TEST_LDADD)
