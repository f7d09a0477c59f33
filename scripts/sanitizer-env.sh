# Sourced by run-tests.sh and flake-hunt.sh: the environment of a test run in a build
# configured with -Db_sanitize=address,undefined. Run from the source root.
# shellcheck shell=bash
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:fast_unwind_on_malloc=0
export LSAN_OPTIONS="suppressions=$PWD/tests/lsan.supp:print_suppressions=0"
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
# meson does not tell a test its --timeout-multiplier: the time limits the tests assert
# (tests/test-util.h) grow by the same factor.
sanitizer_timeout_multiplier=6
export BAKEN_TEST_TIME_SCALE=$sanitizer_timeout_multiplier
