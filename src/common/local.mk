libweakcorr_la_SOURCES += \
    %reldir%/buf.c \
    %reldir%/error.c \
    %reldir%/version.c
wcinclude_HEADERS += \
    include/weakcorr/common.h \
    include/weakcorr/arb_include.h
