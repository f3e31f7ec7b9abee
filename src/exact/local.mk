libweakcorr_la_SOURCES += %reldir%/series.c
wcinclude_HEADERS += include/weakcorr/series.h
