#!/bin/sh
# `bazel run //PKG:serve` (or bazel-bin/PKG/serve): every function of the package behind one local
# emulator, each answering to its own name:
#   curl -d '{}' http://127.0.0.1:8080/2015-03-31/functions/NAME/invocations
# Options after `--` go to the emulator (e.g. `-- --port 9000 --timeout 30`). A rebuilt bootstrap
# (`bazel build //PKG:NAME` in another shell) serves the next invoke. Written by functions_serve
# (serve.bzl).
set -eu
if [ -d "$0.runfiles" ]; then
  runfiles="$0.runfiles"
else
  runfiles=${RUNFILES_DIR:-${TEST_SRCDIR:?cannot find the runfiles of $0}}
fi
# Absolute: the emulator reads relative paths against the folder `bazel run` was called from.
case "$runfiles" in /*) ;; *) runfiles="$PWD/$runfiles" ;; esac
exec "$runfiles/%EMULATOR%" \
  %FUNCTIONS% \
  "$@"
