#!/usr/bin/env bash
# Installs what building and testing ruchy-lambda needs on a fresh Debian 12 machine, and nothing
# else. Idempotent: when everything is already there it only checks, in a second or two.
#
#   tools/setup.sh            install / verify
#   tools/setup.sh --check    verify only; exit 1 if something is missing
#
# Everything comes from Debian's archive. The compiler packages are pinned to the versions recorded
# in third_party/debian.lock.json; Bazel fetches the rest (sources, sysroots) itself, through apt,
# from the same lock. One test-only exception: the AWS SDK for JavaScript v3, from the npm
# registry, pinned by sha512 in tools/emulator/sdk_test/package-lock.json; this script fills npm's
# cache from that lock and Bazel installs it from the cache offline (third_party/npm).
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
lock="$repo/third_party/debian.lock.json"
stamp="$repo/third_party/debian/host_tools.installed"
check_only=0
[[ "${1:-}" == "--check" ]] && check_only=1

say() { printf 'setup: %s\n' "$*"; }
die() { printf 'setup: error: %s\n' "$*" >&2; exit 1; }

as_root() {
  if [[ $(id -u) -eq 0 ]]; then "$@"; else sudo "$@"; fi
}

# Unpinned tools: the build system and what tests use to look at artifacts.
unpinned=(
  bazel-bootstrap   # Bazel 4.2.3, WORKSPACE mode
  bazel-platforms   # @platforms
  bazel-skylib      # @bazel_skylib (abseil loads it)
  python3           # build tools, repository rules
  patch             # applies pinned Debian patches to third-party sources
  xz-utils          # tar reads the .xz source archives (LLVM's runtimes) with it
  qemu-user-static  # runs arm64 test binaries on the x86_64 host
  file zip unzip    # artifact checks in tests
  curl awscli       # the emulator and fake_lambda are tested with the clients users point at them
  python3-yaml      # tools/doc_test parses the SAM template of docs/first-function.md
  skopeo umoci      # container images are checked with the tools that consume them
  libstdc++-12-dev  # `ruchy run` compiles scripts against the host's C++ library
  valgrind          # //tools/bench counts instructions with callgrind (perf is not allowed in containers)
  nodejs            # runs the AWS SDK for JavaScript against the emulator (tools/emulator/sdk_test)
)

# Pinned: the compiler toolchain. Versions come from the lock file.
mapfile -t pinned < <(/usr/bin/python3 -c '
import json, sys
for name, version in sorted(json.load(open(sys.argv[1]))["host_tools"].items()):
    print("%s=%s" % (name, version))
' "$lock" 2>/dev/null || true)
[[ ${#pinned[@]} -gt 0 ]] || pinned_missing_python=1

installed_version() {
  dpkg-query -W -f='${Status}\t${Version}\n' "$1" 2>/dev/null | awk -F'\t' '$1=="install ok installed"{print $2}'
}

missing=()
for pkg in "${unpinned[@]}"; do
  [[ -n "$(installed_version "$pkg")" ]] || missing+=("$pkg")
done
for spec in "${pinned[@]}"; do
  [[ "$(installed_version "${spec%%=*}")" == "${spec#*=}" ]] || missing+=("$spec")
done
[[ -n "${pinned_missing_python:-}" ]] && missing+=(python3)

# Bazel's repository rules fetch third-party *source* packages with `apt-get source`, which needs
# deb-src entries. Derive them from the machine's own deb entries (same mirror, same suites).
src_list=/etc/apt/sources.list.d/ruchy-lambda-deb-src.sources
need_update=0
if ! grep -rqs '^Types:.*deb-src\|^deb-src ' /etc/apt/sources.list /etc/apt/sources.list.d/; then
  if [[ $check_only -eq 1 ]]; then
    missing+=("deb-src entries")
  else
    say "adding deb-src entries ($src_list)"
    tmp=$(mktemp)
    for f in /etc/apt/sources.list.d/*.sources; do
      [[ -f "$f" ]] || continue
      grep -q 'debian.org' "$f" || continue
      sed -n '/^Types:/,/^$/p' "$f" | sed 's/^Types:.*/Types: deb-src/' >>"$tmp"
      echo >>"$tmp"
    done
    [[ -s "$tmp" ]] || die "found no Debian deb entries in /etc/apt/sources.list.d to derive deb-src from"
    as_root install -m 0644 "$tmp" "$src_list"
    rm -f "$tmp"
    need_update=1
  fi
fi

if [[ ${#missing[@]} -gt 0 ]]; then
  [[ $check_only -eq 1 ]] && die "missing: ${missing[*]} (run tools/setup.sh)"
  need_update=1
fi

if [[ $need_update -eq 1 ]]; then
  say "apt-get update"
  as_root apt-get update -qq >/dev/null
fi

if [[ ${#missing[@]} -gt 0 ]]; then
  say "installing: ${missing[*]}"
  if ! as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/tmp/ruchy-lambda-setup.log 2>&1; then
    tail -20 /tmp/ruchy-lambda-setup.log >&2
    if grep -q "Version '.*' for '.*' was not found" /tmp/ruchy-lambda-setup.log; then
      die "Debian no longer serves a pinned compiler version (the archive keeps only the current one). To move the pins on purpose, run: tools/debian/repin.py"
    fi
    die "apt-get install failed (full log: /tmp/ruchy-lambda-setup.log)"
  fi
fi

# npm: Debian ships it apart from nodejs (other nodejs builds bundle it).
if ! command -v npm >/dev/null; then
  [[ $check_only -eq 1 ]] && die "missing: npm (run tools/setup.sh)"
  say "installing: npm"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends npm \
    >/tmp/ruchy-lambda-setup.log 2>&1 || { tail -20 /tmp/ruchy-lambda-setup.log >&2; die "apt-get install npm failed"; }
fi

# The npm lock's packages into npm's cache, checked against the lock's sha512 hashes. Quick path:
# every tarball already in the cache (npm's content-addressed store, keyed by that same hash).
npm_lock="$repo/tools/emulator/sdk_test/package-lock.json"
npm_missing=$(/usr/bin/python3 - "$npm_lock" "$(npm config get cache)" <<'PY'
import base64, json, os, sys
lock, cache = sys.argv[1], sys.argv[2]
missing = 0
for name, entry in json.load(open(lock))["packages"].items():
    if not name:
        continue
    algorithm, digest = entry["integrity"].split("-", 1)
    hexdigest = base64.b64decode(digest).hex()
    if not os.path.exists(os.path.join(cache, "_cacache", "content-v2", algorithm, hexdigest[:2], hexdigest[2:4], hexdigest[4:])):
        missing += 1
print(missing)
PY
)
if [[ "$npm_missing" != 0 ]]; then
  [[ $check_only -eq 1 ]] && die "npm's cache lacks $npm_missing packages of $npm_lock (run tools/setup.sh)"
  say "npm: fetching $npm_missing packages of tools/emulator/sdk_test/package-lock.json"
  npm_tmp=$(mktemp -d)
  cp "$repo/tools/emulator/sdk_test/package.json" "$npm_lock" "$npm_tmp/"
  (cd "$npm_tmp" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error >/tmp/ruchy-lambda-setup-npm.log 2>&1) ||
    { rm -rf "$npm_tmp"; tail -20 /tmp/ruchy-lambda-setup-npm.log >&2; die "npm ci failed"; }
  rm -rf "$npm_tmp"
fi

# Record what is installed. Bazel reads this file through a label, so a compiler change re-runs
# the toolchain repository rule and rebuilds everything. Rewritten only when it changes.
names=()
for spec in "${pinned[@]}"; do names+=("${spec%%=*}"); done
current=$(dpkg-query -W -f='${Package}\t${Version}\n' "${names[@]}" | sort)
if [[ ! -f "$stamp" ]] || [[ "$(cat "$stamp")" != "$current" ]]; then
  [[ $check_only -eq 1 ]] && die "$stamp is out of date (run tools/setup.sh)"
  printf '%s\n' "$current" >"$stamp"
fi

say "ok: $(bazel --version 2>/dev/null || echo 'bazel ?') ($(dpkg-query -W -f='${Version}' bazel-bootstrap)), clang ${pinned[0]#*=}, qemu $(installed_version qemu-user-static), node $(node --version)"
