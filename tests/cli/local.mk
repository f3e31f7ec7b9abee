## Command-line tests: golden outputs, every user-facing error path, and
## the examples.
WC_TESTS += \
    %reldir%/golden.sh \
    %reldir%/errors.sh \
    %reldir%/check.sh \
    %reldir%/table.sh \
    %reldir%/exact.sh \
    %reldir%/kernel.sh \
    %reldir%/mc.sh \
    %reldir%/linearize.sh \
    %reldir%/examples.sh
EXTRA_DIST += \
    %reldir%/lib.sh \
    %reldir%/golden.sh \
    %reldir%/errors.sh \
    %reldir%/check.sh \
    %reldir%/table.sh \
    %reldir%/exact.sh \
    %reldir%/kernel.sh \
    %reldir%/mc.sh \
    %reldir%/linearize.sh \
    %reldir%/examples.sh \
    %reldir%/golden
