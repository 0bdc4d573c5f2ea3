#!/bin/sh
# Runs a node:test file with the node_modules of @aws_sdk_js (a runfiles path, as Bazel lays it).
set -eu
export NODE_PATH="$PWD/../aws_sdk_js/node_modules"
# The SDK must never look for credentials or a region beyond what the test gives it.
export AWS_EC2_METADATA_DISABLED=true AWS_CONFIG_FILE=/dev/null AWS_SHARED_CREDENTIALS_FILE=/dev/null
exec node --test "$@"
