libweakcorr_la_SOURCES += \
    %reldir%/claim.c \
    %reldir%/json.c \
    %reldir%/svg.c \
    %reldir%/table.c \
    %reldir%/table_plan.c \
    %reldir%/table_run.c \
    %reldir%/table_write.c
wcinclude_HEADERS += \
    include/weakcorr/claim.h \
    include/weakcorr/report.h \
    include/weakcorr/table.h
