#!/usr/bin/env bash
# Counts the configurations the Ruchy compiler (//ruchy_frontend:ruchy) is built in across the
# whole repository: every zip, image and release of both architectures, every test. It must be
# at most two: the host configuration, which every transpile step uses, and the top-level target
# configuration (only because //... also builds and tests the compiler itself).
#
# Why it can regress: Bazel 4 carries a Starlark transition's state (the "affected by starlark
# transition" list) into the exec configuration it derives, so a tool with `cfg = "exec"` under
# the packaging rules' platform/release transitions is built once per transition: the compiler
# was built four times (target, exec, and exec under the arm64 and the x86_64 transitions). The
# host configuration is derived from the command line alone (see ruchy_frontend/private/
# transpile.bzl). CI runs this check.
#
#   tools/packaging/compiler_configurations_check.sh
set -euo pipefail
cd "$(dirname "$0")/../.."

compiler=//ruchy_frontend:ruchy
# cquery in Bazel 4 also lists configured targets left in the server by earlier commands; an
# option value no earlier command used makes both queries analyse afresh (the next build
# re-analyses too, in seconds).
fresh=(--define=ruchy_lambda_compiler_configurations_check="$(date +%s%N)")

target=$(bazel cquery "$compiler" "${fresh[@]}" 2>/dev/null | sed -n "s#^$compiler (\(.*\))\$#\1#p")
[[ -n "$target" ]] || { echo "compiler configurations: cannot find $compiler" >&2; exit 1; }
mapfile -t found < <(bazel cquery "deps(//...)" "${fresh[@]}" 2>/dev/null |
  sed -n "s#^$compiler (\(.*\))\$#\1#p" | sort -u)

extra=()
host=0
for config in "${found[@]}"; do
  case "$config" in
    HOST) host=1 ;;
    "$target") ;;
    *) extra+=("$config") ;;
  esac
done

echo "compiler configurations: ${#found[@]} (${found[*]}) across deps(//...); target configuration $target"
if [[ ${#extra[@]} -gt 0 ]]; then
  echo "compiler configurations: $compiler is also built in ${extra[*]}; each costs a full compile of the" >&2
  echo "compiler. What differs (bazel config):" >&2
  for config in "${extra[@]}"; do
    echo "  $config:" >&2
    bazel config "$config" 2>/dev/null | grep -E 'affected by starlark transition|is exec configuration|compilation_mode:|platforms: |  cpu: ' | sed 's/^/    /' >&2
  done
  echo "Tools that run at build time under the packaging transitions need cfg = \"host\"." >&2
  exit 1
fi
if [[ $host -ne 1 ]]; then
  echo "compiler configurations: $compiler is not built in the host configuration; did the transpile rule change?" >&2
  exit 1
fi
echo "compiler configurations: ok"
