weakcorr_SOURCES += \
    %reldir%/cli.c \
    %reldir%/cli_run.c \
    %reldir%/cmd_check.c \
    %reldir%/cli.h \
    %reldir%/cmd_exact.c \
    %reldir%/cmd_kernel.c \
    %reldir%/cmd_linearize.c \
    %reldir%/cmd_mc.c \
    %reldir%/cmd_order.c \
    %reldir%/cmd_parse.c \
    %reldir%/cmd_table.c \
    %reldir%/main.c
