WC_REPORT_TESTS = \
    %reldir%/t-table \
    %reldir%/t-table_plan
check_PROGRAMS += $(WC_REPORT_TESTS)
WC_TESTS += $(WC_REPORT_TESTS)
%canon_reldir%_t_table_LDADD = $(TEST_LDADD)
%canon_reldir%_t_table_plan_LDADD = $(TEST_LDADD)
EXTRA_DIST += %reldir%/golden
WC_TESTS += %reldir%/render.sh
EXTRA_DIST += %reldir%/render.sh
