#!/usr/bin/env python3
"""Builds release targets twice from scratch and proves every output is bit-for-bit identical.

  tools/repro/check_reproducible.py [TARGET ...]

Each build gets its own new output base at a different path and runs with no disk cache
(--disk_cache=), so nothing is reused between the two: a cache hit would make the check
meaningless. Every file the targets produce (default and `debug` output groups) is hashed and
compared; any difference is listed and the exit status is 1. CI runs this.
"""

import argparse
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile

REPO = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))

# What ships. Extend this list as release artifacts appear.
DEFAULT_TARGETS = [
    "//examples/cpp:cpp_zip",
    "//examples/cpp:cpp_zip_x86_64",
    "//examples/hello_cc:release",
    "//packaging:release",
    "//tests/fixtures:echo_release_arm64",
    "//tests/fixtures:echo_release_x86_64",
]


def sha256(path):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def build(output_base, targets, bep):
    cmd = [
        "bazel",
        "--output_base=" + output_base,
        "build",
        "--disk_cache=",
        "--noremote_accept_cached",
        "--output_groups=+debug",
        "--build_event_json_file=" + bep,
    ] + targets
    print("repro: " + " ".join(cmd), flush=True)
    subprocess.run(cmd, cwd=REPO, check=True)


def outputs(output_base, bep):
    """{path relative to the exec root: sha256} for every file the build event stream names."""
    execroot = os.path.join(output_base, "execroot", "ruchy_lambda") + "/"
    files = {}
    with open(bep) as f:
        for line in f:
            event = json.loads(line)
            for entry in event.get("namedSetOfFiles", {}).get("files", []):
                uri = entry.get("uri", "")
                if not uri.startswith("file://"):
                    continue
                path = os.path.realpath(uri[len("file://"):])
                rel = path[len(execroot):] if path.startswith(execroot) else path
                # Configuration folders carry a hash of the options, which is the same for both.
                files[rel] = sha256(path)
    return files


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("targets", nargs="*", default=DEFAULT_TARGETS)
    parser.add_argument("--keep", action="store_true", help="keep the two output bases")
    args = parser.parse_args()

    work = tempfile.mkdtemp(prefix="ruchy-repro-")
    results = []
    try:
        for name in ("first", "second-build"):  # Different path lengths on purpose.
            base = os.path.join(work, name)
            bep = os.path.join(work, name + ".bep.json")
            try:
                build(base, args.targets, bep)
                results.append(outputs(base, bep))
            finally:
                subprocess.run(["bazel", "--output_base=" + base, "shutdown"], cwd=REPO)
    finally:
        if not args.keep:
            subprocess.run(["chmod", "-R", "u+w", work])
            shutil.rmtree(work, ignore_errors=True)

    first, second = results
    if not first:
        sys.exit("repro: the builds produced no files; nothing was compared")
    differ = sorted(p for p in set(first) | set(second) if first.get(p) != second.get(p))
    for path in differ:
        print("repro: DIFFERS %s\n  first:  %s\n  second: %s" % (path, first.get(path), second.get(path)))
    if differ:
        sys.exit("repro: %d of %d files differ between two clean builds" % (len(differ), len(first)))
    for path in sorted(first):
        print("repro: identical %s %s" % (first[path], path))
    print("repro: %d files bit-for-bit identical across two clean builds" % len(first))


if __name__ == "__main__":
    main()
