libweakcorr_la_SOURCES += \
    %reldir%/cumulant.c \
    %reldir%/file.c \
    %reldir%/mc_impl.h \
    %reldir%/quantity.c \
    %reldir%/run.c \
    %reldir%/widths.c
wcinclude_HEADERS += include/weakcorr/mc.h
