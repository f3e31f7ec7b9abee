# Shared by the command-line test scripts: the command to run, and a
# scratch directory removed on exit.  Sourced, not run.

bin=${WC_WEAKCORR:-./weakcorr}
tmp=$(mktemp -d "${TMPDIR:-/tmp}/wc-cli.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT

# Under WC_TEST_WRAPPER (valgrind, say) the command runs wrapped too.
run_wc()
{
    if [ -n "${WC_TEST_WRAPPER:-}" ]; then
        # shellcheck disable=SC2086
        ${LIBTOOL:-libtool} --mode=execute $WC_TEST_WRAPPER "$bin" "$@"
    else
        "$bin" "$@"
    fi
}
