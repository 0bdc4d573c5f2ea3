#!/bin/bash
# Runs the exit_test program: exit status 3 and exactly the text printed before the exit.
set -u
out="$("$1")"
status=$?
if [[ $status -ne 3 ]]; then echo "exit status $status, expected 3"; exit 1; fi
if [[ "$out" != "before exit" ]]; then echo "stdout was: $out"; exit 1; fi
echo "ok"
