#!/bin/sh
# `bazel run //examples/hello:hello_invoke -- '{"name":"x"}'` (or bazel-bin/examples/hello/hello_invoke
# '{"name":"x"}'): one invoke of the function's host bootstrap through the emulator. The response
# goes to stdout; the function's logs with the START/END/REPORT lines to stderr. With no event,
# `{}` is sent; `@FILE` reads the event from FILE. Written by function_invoke (invoke.bzl).
set -eu
# The runfiles tree: next to this script (bazel run, or run by path), or the one of the test
# that has this target as data.
if [ -d "$0.runfiles" ]; then
  runfiles="$0.runfiles"
else
  runfiles=${RUNFILES_DIR:-${TEST_SRCDIR:?cannot find the runfiles of $0}}
fi
event=${1:-'{}'}
exec "$runfiles/%EMULATOR%" --bootstrap "$runfiles/%BOOTSTRAP%" --runtime-api-port 0 --once "$event"
