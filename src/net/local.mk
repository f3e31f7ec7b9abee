libweakcorr_la_SOURCES += \
    %reldir%/act.c \
    %reldir%/cdd.c \
    %reldir%/eval.c \
    %reldir%/jet.c \
    %reldir%/kernels.c \
    %reldir%/mlp.c \
    %reldir%/pvec.c
wcinclude_HEADERS += include/weakcorr/net.h
