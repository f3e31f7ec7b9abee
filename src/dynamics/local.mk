libweakcorr_la_SOURCES += \
    %reldir%/dyn_impl.h \
    %reldir%/gemm_body.h \
    %reldir%/act.c \
    %reldir%/cdd.c \
    %reldir%/dir.c \
    %reldir%/eval.c \
    %reldir%/gemm.c \
    %reldir%/jet.c \
    %reldir%/loss.c \
    %reldir%/mlp.c \
    %reldir%/parse.c \
    %reldir%/pool.c \
    %reldir%/rate.c \
    %reldir%/run.c \
    %reldir%/task.c \
    %reldir%/train.c
wcinclude_HEADERS += include/weakcorr/dynamics.h
