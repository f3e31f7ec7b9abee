WC_DYNAMICS_TESTS = \
    %reldir%/t-gemm \
    %reldir%/t-act \
    %reldir%/t-kernel \
    %reldir%/t-onestep \
    %reldir%/t-cdd \
    %reldir%/t-rate \
    %reldir%/t-linear \
    %reldir%/t-train \
    %reldir%/t-parse \
    %reldir%/t-task \
    %reldir%/t-scaling
check_PROGRAMS += $(WC_DYNAMICS_TESTS)
WC_TESTS += $(WC_DYNAMICS_TESTS)
EXTRA_DIST += %reldir%/dyntest.h
%canon_reldir%_t_gemm_LDADD = $(TEST_LDADD)
%canon_reldir%_t_act_LDADD = $(TEST_LDADD)
%canon_reldir%_t_kernel_LDADD = $(TEST_LDADD)
%canon_reldir%_t_onestep_LDADD = $(TEST_LDADD)
%canon_reldir%_t_cdd_LDADD = $(TEST_LDADD)
%canon_reldir%_t_linear_LDADD = $(TEST_LDADD)
%canon_reldir%_t_train_LDADD = $(TEST_LDADD)
%canon_reldir%_t_parse_LDADD = $(TEST_LDADD)
%canon_reldir%_t_task_LDADD = $(TEST_LDADD)
%canon_reldir%_t_scaling_LDADD = $(TEST_LDADD)
%canon_reldir%_t_rate_LDADD = $(TEST_LDADD)
