libweakcorr_la_SOURCES += \
    %reldir%/json.c \
    %reldir%/svg.c \
    %reldir%/table.c \
    %reldir%/table_write.c
wcinclude_HEADERS += \
    include/weakcorr/report.h \
    include/weakcorr/table.h
