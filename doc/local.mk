## Documentation: one page per module, installed with the package.
dist_doc_DATA += \
    %reldir%/spec.md \
    %reldir%/order.md \
    %reldir%/exact.md \
    %reldir%/exact-onelayer.md \
    %reldir%/exact-deeppoly.md \
    %reldir%/gauss.md \
    %reldir%/report.md \
    %reldir%/stats.md \
    %reldir%/rng.md \
    %reldir%/net.md \
    %reldir%/mc.md \
    %reldir%/dynamics.md
