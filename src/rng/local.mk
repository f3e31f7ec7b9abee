libweakcorr_la_SOURCES += \
    %reldir%/normal.c \
    %reldir%/normal_pairs.h \
    %reldir%/philox.c \
    %reldir%/sign.c
wcinclude_HEADERS += include/weakcorr/rng.h
