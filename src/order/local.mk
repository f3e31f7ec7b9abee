libweakcorr_la_SOURCES += \
    %reldir%/bound.c \
    %reldir%/bound_brute.c \
    %reldir%/bound_explain.c \
    %reldir%/cdd.c \
    %reldir%/cluster_graph.c \
    %reldir%/order.c \
    %reldir%/typical.c \
    %reldir%/union_find.h \
    %reldir%/weak_rate.c
wcinclude_HEADERS += include/weakcorr/order.h
