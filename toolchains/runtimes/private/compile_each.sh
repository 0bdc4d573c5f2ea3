#!/bin/bash
# Compiles several sources in one Bazel action (runtime_library.bzl batches them per folder).
#   compile_each.sh CLANG COMMON_FLAGS... -- [COUNT FLAG... SOURCE OBJECT]...
# Each source is compiled by its own clang process with COMMON_FLAGS, then its COUNT own flags,
# exactly the command line a one-source action would run; the first failure stops the batch.
set -euo pipefail

clang="$1"
shift
common=()
while [[ "$1" != "--" ]]; do
  common+=("$1")
  shift
done
shift

while (($#)); do
  count="$1"
  shift
  own=("${@:1:count}")
  shift "${count}"
  "${clang}" "${common[@]}" "${own[@]}" -c "$1" -o "$2"
  shift 2
done
