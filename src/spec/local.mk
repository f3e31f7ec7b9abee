libweakcorr_la_SOURCES += \
    %reldir%/net.c \
    %reldir%/net_parse.c \
    %reldir%/net_print.c \
    %reldir%/parse_rational.c \
    %reldir%/spec_cdd.c \
    %reldir%/spec_init.c \
    %reldir%/spec_parse.c \
    %reldir%/spec_print.c
wcinclude_HEADERS += include/weakcorr/spec.h
