#!/usr/bin/env bash
# Passes when FILE is empty; otherwise prints WHY and the file (the offending query results).
# Usage: expect_empty.sh FILE WHY
set -euo pipefail
if [[ -s "$1" ]]; then
  echo "FAIL: $2" >&2
  echo "found:" >&2
  sed 's/^/  /' "$1" >&2
  exit 1
fi
echo "ok: $2"
