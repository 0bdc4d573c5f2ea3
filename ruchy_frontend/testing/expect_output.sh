#!/bin/sh
# Runs a compiled Ruchy program and compares its output with the expected files.
# Usage: expect_output.sh PROGRAM EXPECTED_STDOUT|- EXPECTED_STDERR|-
set -u
program=$1 want_out=$2 want_err=$3
work="${TEST_TMPDIR:-$(mktemp -d)}"
"$program" > "$work/stdout" 2> "$work/stderr"
status=$?
fail=0
if [ "$want_err" = "-" ]; then
  if [ $status -ne 0 ]; then
    echo "FAIL: $program exited $status; stderr:"
    cat "$work/stderr"
    fail=1
  fi
else
  if [ $status -ne 1 ]; then
    echo "FAIL: $program exited $status, expected 1 (a runtime error)"
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
