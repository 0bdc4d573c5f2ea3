#!/usr/bin/env bash
# Proves the rules work from another Bazel workspace: a scratch workspace that pulls this
# repository in with local_repository and one deps macro, defines a Ruchy function with
# ruchy_lambda_function, and builds its arm64 zip and the host bootstrap. CI runs it.
#
#   tools/packaging/outside_workspace_check.sh [SCRATCH_DIR]
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
work=${1:-$(mktemp -d)}
mkdir -p "$work/fn"
cat > "$work/WORKSPACE" <<WS
workspace(name = "user_project")
local_repository(name = "ruchy_lambda", path = "$repo")
load("@ruchy_lambda//third_party:deps.bzl", "ruchy_lambda_dependencies", "ruchy_lambda_register_toolchains")
ruchy_lambda_dependencies(shims_root = "$repo/third_party/bazel_shims")
ruchy_lambda_register_toolchains()
WS
# The settings a user copies from this repository's .bazelrc, with labels into @ruchy_lambda.
sed -e 's#=//toolchains/#=@ruchy_lambda//toolchains/#g' "$repo/.bazelrc" | grep -v '^try-import' > "$work/.bazelrc"
if [[ -f "$repo/user.bazelrc" ]]; then cp "$repo/user.bazelrc" "$work/user.bazelrc"; echo 'try-import %workspace%/user.bazelrc' >> "$work/.bazelrc"; fi
cat > "$work/fn/greet.ruchy" <<'RUCHY'
fun handler(event: Json, ctx: Context) -> Result<Json, Error> {
    let who = event["who"].as_str() ?? "outside"
    Ok({"greeting": f"hi {who}"})
}
RUCHY
cat > "$work/fn/BUILD.bazel" <<'BUILD'
load("@ruchy_lambda//packaging:defs.bzl", "ruchy_lambda_function")

ruchy_lambda_function(name = "greet", src = "greet.ruchy")
BUILD
cd "$work"
bazel build //fn:greet_zip //fn:greet
unzip -Z bazel-bin/fn/greet_zip.zip | grep -q -- '-rwxr-xr-x.* bootstrap$'
# The local invoke target, as a user runs it (it builds the emulator from @ruchy_lambda too).
out=$(bazel run //fn:greet_invoke -- '{"who":"ci"}' 2>/dev/null)
[[ "$out" == '{"greeting":"hi ci"}' ]] || { echo "outside workspace: unexpected response: $out" >&2; exit 1; }
bazel shutdown >/dev/null 2>&1 || true
echo "outside workspace: ok (ruchy_lambda_function built and invoked from $work)"
