libweakcorr_la_SOURCES += \
    %reldir%/act.c \
    %reldir%/act_taylor.c \
    %reldir%/expect.c \
    %reldir%/expect_mehler.c \
    %reldir%/expect_poly.c \
    %reldir%/expect_quad.c \
    %reldir%/expect_relu.c \
    %reldir%/expect_sin.c \
    %reldir%/gauss_impl.h \
    %reldir%/kernel.c \
    %reldir%/ldl.c
wcinclude_HEADERS += include/weakcorr/gauss.h
