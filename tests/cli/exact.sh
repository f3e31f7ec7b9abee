#!/bin/sh
# weakcorr exact: golden outputs and every error path.
#
# Golden cases are tests/cli/golden/exact/NAME.args (one argument per
# line); standard output must equal NAME.out, standard error NAME.err
# (empty when absent), the exit status NAME.status (0 when absent).
# WC_GOLDEN_UPDATE=1 rewrites the expected files instead.  The expected
# values of the golden cases are checked independently by
# tests/exact/t-linear_hand and t-linear_brute (deep linear) and
# t-deeppoly_hand and t-deeppoly_brute (deep polynomial: poly-*); these
# files pin the command's presentation.

dir=${WC_TOP_SRCDIR:-.}/tests/cli/golden/exact
. "${WC_TOP_SRCDIR:-.}/tests/cli/lib.sh"

golden_cases "$dir"

net=hidden=2,act=linear
expect 1 '^weakcorr exact: missing SPEC' exact --net $net
expect 1 '^weakcorr exact: missing --net NET' exact ntk
expect 1 "^weakcorr exact: unknown option '--jsn'" exact ntk --net $net --jsn
expect 1 '^weakcorr exact: one SPEC at a time' exact ntk ntk --net $net
expect 1 '^weakcorr exact: --net needs a value' exact ntk --net
expect 1 "^weakcorr exact: --max-terms takes a positive integer, not 'many'" \
    exact ntk --net $net --max-terms many
expect 1 "^weakcorr exact: --max-terms takes a positive integer, not '0'" \
    exact ntk --net $net --max-terms 0
expect 1 "^weakcorr exact: --max-terms takes a positive integer, not '-5'" \
    exact ntk --net $net --max-terms=-5
expect 1 "^weakcorr exact: --prec takes a number of bits from 16" \
    exact ntk --net $net --prec 8
expect 1 "^weakcorr exact: --digits takes a number of digits" \
    exact ntk --net $net --digits 1e3
expect 1 '^weakcorr exact: give --prec or --digits, not both' \
    exact ntk --net $net --prec 64 --digits 20
expect 1 "^weakcorr: SPEC, column 3: index 'a' appears only once" \
    exact f_a --net $net
expect 1 "^weakcorr: NET, column 1: unknown key 'hiden'" \
    exact ntk --net hiden=2
expect 2 \
    '^weakcorr: exact: no exact engine for act=tanh with hidden=2: .*linear' \
    exact ntk --net hidden=2,act=tanh
expect 2 '^weakcorr: exact: --widths-symbolic needs the deep linear or '\
'polynomial engine' \
    exact ntk --net hidden=1,act=relu --widths-symbolic
expect 2 '^weakcorr: exact: the deep linear transfer would take about .* '\
'weight operations, more than the bound of 1000 ' \
    exact 'C[0,3]^2' --net hidden=8,act=linear --max-terms 1000
expect 2 '^weakcorr: exact: .*more than the bound of 100000000' \
    exact 'C[0,3]^2' --net hidden=8,act=linear --widths-symbolic
expect 2 '^weakcorr: exact: SPEC has 18 tensors; the deep linear engine '\
'handles at most 16' \
    exact 'f^18' --net $net
expect 2 '^weakcorr: exact: the deep polynomial transfer would take about '\
'.* operations, more than the bound of 1000 ' \
    exact 'C[0,2]^2' --net 'hidden=2,act=poly(0,1,1)' --max-terms 1000
expect 2 '^weakcorr: exact: the deep polynomial transfer would take more '\
'than 100000 operations: the same SPEC on 1 or 2 hidden layers' \
    exact 'C[0,3]^2' --net 'hidden=3,act=poly(0,1,1)' --max-terms 100000
expect 2 '^weakcorr: exact: the deep polynomial transfer exceeded the work '\
'bound of 2000000 operations' \
    exact 'f_a(x1) f_a(x2)' --net 'hidden=4,act=poly(0,1,0,1),x1=2' \
    --max-terms 2000000
expect 2 '^weakcorr: exact: the deep polynomial transfer would hold more '\
'than 0.001 GiB of polynomials at once, the memory bound' \
    exact 'var(ntk)' --net 'hidden=4,act=poly(0,1,1)' --max-memory 0.001
expect 1 "^weakcorr exact: --max-memory takes a number of GiB above 0" \
    exact ntk --net 'hidden=2,act=poly(0,1,1)' --max-memory 0
expect 2 '^weakcorr: exact: SPEC has 34 tensors; the deep polynomial engine '\
'handles at most 32' \
    exact 'f^34' --net 'hidden=2,act=poly(0,1,1)'
expect 2 '^weakcorr: exact: SPEC has a tensor of order 13; the deep '\
'polynomial engine handles orders up to 12' \
    exact 'f_abcdefghijklm f_abcdefghijklm' --net 'hidden=2,act=poly(1,1)'

# Help goes to standard output with status 0.
help_cases exact

finish exact
