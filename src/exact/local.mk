libweakcorr_la_SOURCES += %reldir%/series.c
libweakcorr_la_SOURCES += \
    %reldir%/exact.c \
    %reldir%/linear.c \
    %reldir%/linear_estimate.c \
    %reldir%/linear_impl.h \
    %reldir%/linear_problem.c \
    %reldir%/linear_transfer.c \
    %reldir%/linear_util.c \
    %reldir%/mseries.c
wcinclude_HEADERS += include/weakcorr/exact.h
wcinclude_HEADERS += include/weakcorr/series.h
libweakcorr_la_SOURCES += \
    %reldir%/onelayer.c \
    %reldir%/onelayer_block.c \
    %reldir%/onelayer_impl.h \
    %reldir%/onelayer_npoly.c \
    %reldir%/onelayer_setup.c \
    %reldir%/onelayer_sum.c \
    %reldir%/partition.c \
    %reldir%/partition.h
libweakcorr_la_SOURCES += \
    %reldir%/deeppoly.c \
    %reldir%/deeppoly_estimate.c \
    %reldir%/deeppoly_impl.h \
    %reldir%/deeppoly_layer.c \
    %reldir%/deeppoly_map.c \
    %reldir%/deeppoly_moment.c \
    %reldir%/deeppoly_problem.c \
    %reldir%/deeppoly_run.c
