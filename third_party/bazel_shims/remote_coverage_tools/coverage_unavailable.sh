#!/bin/sh
echo "coverage: Bazel's remote coverage tools are not available offline" >&2
exit 1
