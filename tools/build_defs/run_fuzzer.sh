#!/bin/sh
# Runs a libFuzzer binary for a bounded, reproducible number of executions over its seed corpus.
# Usage: run_fuzzer.sh FUZZER RUNS MAX_LEN SEED_FILE...
set -eu
fuzzer=$1 runs=$2 max_len=$3
shift 3
work="${TEST_TMPDIR:-$(mktemp -d)}/corpus"
mkdir -p "$work"
for seed in "$@"; do cp "$seed" "$work/"; done
# A crash, leak, sanitizer report or timeout makes libFuzzer exit non-zero.
exec "$fuzzer" -seed=1 -runs="$runs" -max_len="$max_len" -timeout=10 -rss_limit_mb=2048 "$work"
