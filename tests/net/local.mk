WC_NET_TESTS = \
    %reldir%/t-act \
    %reldir%/t-jet \
    %reldir%/t-eval \
    %reldir%/t-cdd
check_PROGRAMS += $(WC_NET_TESTS)
WC_TESTS += $(WC_NET_TESTS)
%canon_reldir%_t_act_LDADD = $(TEST_LDADD)
%canon_reldir%_t_jet_SOURCES = %reldir%/t-jet.c %reldir%/naive.c \
    %reldir%/naive.h
%canon_reldir%_t_jet_LDADD = $(TEST_LDADD)
%canon_reldir%_t_eval_SOURCES = %reldir%/t-eval.c %reldir%/naive.c \
    %reldir%/naive.h
%canon_reldir%_t_eval_LDADD = $(TEST_LDADD)
%canon_reldir%_t_cdd_SOURCES = %reldir%/t-cdd.c %reldir%/naive.c \
    %reldir%/naive.h
%canon_reldir%_t_cdd_LDADD = $(TEST_LDADD)
