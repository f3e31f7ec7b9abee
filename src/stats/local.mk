libweakcorr_la_SOURCES += \
    %reldir%/stats_impl.h \
    %reldir%/design.c \
    %reldir%/fit.c \
    %reldir%/moments.c \
    %reldir%/names.c \
    %reldir%/normal.c \
    %reldir%/resample.c \
    %reldir%/rng.c \
    %reldir%/select.c \
    %reldir%/summarise.c \
    %reldir%/verdict.c
wcinclude_HEADERS += include/weakcorr/stats.h
