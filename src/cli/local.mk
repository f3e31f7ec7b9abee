weakcorr_SOURCES += \
    %reldir%/cli.c \
    %reldir%/cli.h \
    %reldir%/cmd_order.c \
    %reldir%/cmd_parse.c \
    %reldir%/main.c
