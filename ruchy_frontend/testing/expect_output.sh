#!/bin/sh
# Runs a compiled Ruchy program and compares its output with the expected files.
# Usage: expect_output.sh EXPECTED_STDOUT|- EXPECTED_STDERR|- PROGRAM [ARGS...]
# With EXPECTED_STDERR, the program must fail with exit status 1 (a runtime error).
set -u
want_out=$1 want_err=$2
shift 2
work="${TEST_TMPDIR:-$(mktemp -d)}"
"$@" > "$work/stdout" 2> "$work/stderr"
status=$?
fail=0
# Without an expected stdout the output goes to the test log: a #[test] runner reports each case.
if [ "$want_out" = "-" ]; then cat "$work/stdout"; fi
if [ "$want_err" = "-" ]; then
  if [ $status -ne 0 ]; then
    echo "FAIL: $* exited $status; stderr:"
    cat "$work/stderr"
    fail=1
  fi
else
  if [ $status -ne 1 ]; then
    echo "FAIL: $* exited $status, expected 1 (a runtime error)"
    fail=1
  fi
  if ! diff -u "$want_err" "$work/stderr"; then
    echo "FAIL: stderr differs from $want_err (diff above: - expected, + actual)"
    fail=1
  fi
fi
if [ "$want_out" != "-" ] && ! diff -u "$want_out" "$work/stdout"; then
  echo "FAIL: stdout differs from $want_out (diff above: - expected, + actual)"
  fail=1
fi
exit $fail
