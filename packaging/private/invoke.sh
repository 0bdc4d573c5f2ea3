#!/bin/sh
# `bazel run //examples/hello:invoke -- '{"name":"x"}'`: one invoke of the function's host
# bootstrap through the emulator. The response goes to stdout; the function's logs with the
# START/END/REPORT lines to stderr. With no event, `{}` is sent.
set -eu
emulator=$1 bootstrap=$2
shift 2
event=${1:-'{}'}
exec "$emulator" --bootstrap "$PWD/$bootstrap" --runtime-api-port 0 --once "$event"
