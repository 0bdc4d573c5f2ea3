#!/bin/sh
# The test runner of a Ruchy file with #[test] functions: per-case reports, the overall status,
# --list, and filters. Usage: test_runner_test.sh BINARY EXPECTED_FULL_RUN_STDOUT
set -u
bin=$1 expected=$2
work="${TEST_TMPDIR:-$(mktemp -d)}"
fail=0
check() {  # check DESCRIPTION WANT_STATUS GOT_STATUS
  if [ "$2" != "$3" ]; then echo "FAIL: $1: exit status $3, expected $2"; fail=1; fi
}

# Unset Bazel's own filter so that the runs below see only their arguments.
unset TESTBRIDGE_TEST_ONLY

"$bin" > "$work/full" 2>&1
check "full run (3 of 5 cases fail)" 1 $?
if ! diff -u "$expected" "$work/full"; then echo "FAIL: full run differs from $expected"; fail=1; fi

"$bin" --filter='parses*' > "$work/passing" 2>&1
check "--filter='parses*' (only passing cases)" 0 $?
if [ "$(grep -c '^\[       OK \]' "$work/passing")" != 2 ] || grep -q FAILED "$work/passing"; then
  echo "FAIL: --filter='parses*' ran:"; cat "$work/passing"; fail=1
fi

"$bin" --gtest_filter='*-panics:assertion*:rejects*' > "$work/excluded" 2>&1
check "--gtest_filter with exclusions" 0 $?

TESTBRIDGE_TEST_ONLY='panics' "$bin" > "$work/bazel" 2>&1
check "TESTBRIDGE_TEST_ONLY=panics" 1 $?
if ! grep -q '^\[  FAILED  \] panics$' "$work/bazel" || grep -q 'parses_a_port' "$work/bazel"; then
  echo "FAIL: TESTBRIDGE_TEST_ONLY=panics ran:"; cat "$work/bazel"; fail=1
fi

"$bin" --list > "$work/list" 2>&1
check "--list" 0 $?
printf 'parses_a_port\nrejects_zero\nassertion fails\npanics\nparses_another_port\n' > "$work/list.want"
if ! diff -u "$work/list.want" "$work/list"; then echo "FAIL: --list"; fail=1; fi

"$bin" --bogus > /dev/null 2>&1
check "an unknown argument" 2 $?
exit $fail
