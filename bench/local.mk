## Benchmarks: `make bench` builds them and runs each, printing its table;
## they are never part of make check.
EXTRA_PROGRAMS += %reldir%/exact_bench
%canon_reldir%_exact_bench_SOURCES = %reldir%/exact_bench.c
%canon_reldir%_exact_bench_LDADD = libweakcorr.la
CLEANFILES += %reldir%/exact_bench$(EXEEXT)

.PHONY: bench bench-exact
bench: bench-exact
bench-exact: %reldir%/exact_bench$(EXEEXT)
	./%reldir%/exact_bench$(EXEEXT)

EXTRA_PROGRAMS += %reldir%/stats_bench
%canon_reldir%_stats_bench_SOURCES = %reldir%/stats_bench.c
%canon_reldir%_stats_bench_LDADD = libweakcorr.la
CLEANFILES += %reldir%/stats_bench$(EXEEXT)

.PHONY: bench-stats
bench: bench-stats
bench-stats: %reldir%/stats_bench$(EXEEXT)
	./%reldir%/stats_bench$(EXEEXT)

EXTRA_PROGRAMS += %reldir%/onelayer_bench
%canon_reldir%_onelayer_bench_SOURCES = %reldir%/onelayer_bench.c
%canon_reldir%_onelayer_bench_LDADD = libweakcorr.la
CLEANFILES += %reldir%/onelayer_bench$(EXEEXT)

.PHONY: bench-onelayer
bench: bench-onelayer
bench-onelayer: %reldir%/onelayer_bench$(EXEEXT)
	./%reldir%/onelayer_bench$(EXEEXT)

EXTRA_PROGRAMS += %reldir%/mc_bench
%canon_reldir%_mc_bench_SOURCES = %reldir%/mc_bench.c
%canon_reldir%_mc_bench_LDADD = libweakcorr.la
CLEANFILES += %reldir%/mc_bench$(EXEEXT)
EXTRA_DIST += %reldir%/mc_compare.sh %reldir%/torch_mc.py

.PHONY: bench-mc
bench: bench-mc
bench-mc: %reldir%/mc_bench$(EXEEXT) weakcorr$(EXEEXT)
	$(SHELL) $(srcdir)/%reldir%/mc_compare.sh '$(abs_top_builddir)' \
	    '$(abs_top_srcdir)'

EXTRA_PROGRAMS += %reldir%/dynamics_bench
%canon_reldir%_dynamics_bench_SOURCES = %reldir%/dynamics_bench.c
%canon_reldir%_dynamics_bench_LDADD = libweakcorr.la
CLEANFILES += %reldir%/dynamics_bench$(EXEEXT)

.PHONY: bench-dynamics
bench: bench-dynamics
bench-dynamics: %reldir%/dynamics_bench$(EXEEXT)
	./%reldir%/dynamics_bench$(EXEEXT)

EXTRA_PROGRAMS += %reldir%/deeppoly_bench
%canon_reldir%_deeppoly_bench_SOURCES = %reldir%/deeppoly_bench.c
%canon_reldir%_deeppoly_bench_LDADD = libweakcorr.la
CLEANFILES += %reldir%/deeppoly_bench$(EXEEXT)

.PHONY: bench-deeppoly
bench: bench-deeppoly
bench-deeppoly: %reldir%/deeppoly_bench$(EXEEXT)
	./%reldir%/deeppoly_bench$(EXEEXT)
