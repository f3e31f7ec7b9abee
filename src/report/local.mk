libweakcorr_la_SOURCES += %reldir%/json.c
wcinclude_HEADERS += include/weakcorr/report.h
