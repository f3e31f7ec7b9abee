## Documentation: one page per module, installed with the package.
dist_doc_DATA += \
    %reldir%/spec.md \
    %reldir%/order.md \
    %reldir%/report.md
