#!/usr/bin/env bash
# How long a new user waits for their first function: the README's quick start, then the first
# build of a brand-new function package (both zips, the host bootstrap, the invoke target and the
# test), each in a fresh output base with no disk cache, as on a new machine.
#
#   tools/bench/first_build.sh [REV]      (default REV: HEAD)
#
# The tree at REV is exported with `git archive` into a scratch folder (nothing of this checkout,
# its bazel-* links or its user.bazelrc is used), so two revisions can be compared on one machine.
# Prints the wall time of each step, Bazel's own count of processes, and how many configurations
# of the Ruchy compiler the function's build needed. The scratch folder and its output base are
# removed at the end. Wall times depend on what else the machine runs: compare runs made back to
# back, and look at the process counts, which do not.
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
rev=${1:-HEAD}
scratch=$(mktemp -d /tmp/ruchy-first-build.XXXXXX)
output_base="$scratch/output_base"
tree="$scratch/tree"
cleanup() {
  (cd "$tree" 2>/dev/null && bazel --output_base="$output_base" shutdown >/dev/null 2>&1) || true
  chmod -R u+w "$scratch" 2>/dev/null || true
  rm -rf "$scratch"
}
trap cleanup EXIT

mkdir -p "$tree"
git -C "$repo" archive "$rev" | tar -x -C "$tree"
cd "$tree"

# CPU seconds (user + system) of every process the Bazel server has started and reaped: the
# compilers, linkers and tools its actions ran. Less sensitive to a busy machine than wall time.
actions_cpu() {
  local pid
  pid=$(bazel --output_base="$output_base" info server_pid 2>/dev/null)
  # /proc/PID/stat: fields 16 and 17 are the reaped children's user and system time, in ticks.
  awk -v hz="$(getconf CLK_TCK)" '{ sub(/^.*\) /, ""); print ($14 + $15) / hz }' "/proc/$pid/stat"
}

# One Bazel step: prints its wall time, the CPU time of its actions and the "N processes" summary
# Bazel ends with.
step() {
  local what=$1
  shift
  local log="$scratch/$what.log" start end cpu_start cpu_end
  cpu_start=$(actions_cpu)
  start=$EPOCHREALTIME
  if ! bazel --output_base="$output_base" "$@" --disk_cache= >"$log" 2>&1; then
    tail -30 "$log" >&2
    echo "first_build: $what failed (log above)" >&2
    exit 1
  fi
  end=$EPOCHREALTIME
  cpu_end=$(actions_cpu)
  printf '%-14s %7.1f s wall  %7.1f s CPU in actions   %s\n' "$what" \
    "$(awk -v a="$start" -v b="$end" 'BEGIN { print b - a }')" \
    "$(awk -v a="$cpu_start" -v b="$cpu_end" 'BEGIN { print b - a }')" \
    "$(grep -oE '[0-9]+ processes?[^.]*' "$log" | tail -1)"
}

echo "first_build: $(git -C "$repo" rev-parse --short "$rev") in $tree, load average $(cut -d' ' -f1-3 /proc/loadavg)"
tools/setup.sh >/dev/null
step quick_start build //packaging:lambda_zip

# A brand-new function, as the first-function guide writes it.
mkdir -p first_function
cat >first_function/greet.ruchy <<'RUCHY'
fun handler(event: Json, ctx: Context) -> Result<Json, Error> {
    let who = event["who"].as_str() ?? "world"
    Ok({"greeting": f"hello {who}"})
}
RUCHY
cat >first_function/cases.json <<'JSON'
[{"event": {"who": "bench"}, "response": {"greeting": "hello bench"}}]
JSON
cat >first_function/BUILD.bazel <<'BUILD'
load("//packaging:defs.bzl", "ruchy_lambda_function")

ruchy_lambda_function(name = "greet", src = "greet.ruchy", test_cases = "cases.json")
BUILD
step first_function build //first_function:all

configs=$(bazel --output_base="$output_base" cquery 'deps(//first_function:all)' 2>/dev/null |
  grep -c '^//ruchy_frontend:ruchy ' || true)
echo "compiler configurations for the function: $configs"
