## Examples: built with the package, run by tests/cli/examples.sh.
noinst_PROGRAMS += %reldir%/standard_orders
%canon_reldir%_standard_orders_SOURCES = %reldir%/standard_orders.c
%canon_reldir%_standard_orders_LDADD = libweakcorr.la
