#!/usr/bin/env bash
# Passes when ACTUAL and EXPECTED are byte for byte the same; otherwise prints WHY and the diff.
# Usage: expect_same.sh ACTUAL EXPECTED WHY
set -euo pipefail
if ! cmp -s "$1" "$2"; then
  echo "FAIL: $3" >&2
  diff -u "$2" "$1" | head -50 >&2 || true
  exit 1
fi
echo "ok: $2 is current"
