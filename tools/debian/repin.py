#!/usr/bin/env python3
"""Moves every pin in third_party/debian.lock.json to what Debian serves now, on purpose.

  tools/debian/repin.py            rewrite the lock file and print what changed
  tools/debian/repin.py --dry-run  print what would change

Run it when a build says Debian no longer serves a pinned version (the archive keeps only the
current version of each package). Review the printed changes and commit the lock file; the next
build re-fetches and re-verifies everything against the new hashes.
"""

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tarfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import debian_lock as dl  # noqa: E402

LOCK = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "third_party", "debian.lock.json")


def candidate(package):
    out = subprocess.run(["apt-cache", "policy", package], stdout=subprocess.PIPE, text=True).stdout
    match = re.search(r"Candidate:\s*(\S+)", out)
    if not match or match.group(1) == "(none)":
        raise dl.PinError("apt knows no candidate for %s (run apt-get update?)" % package)
    return match.group(1)


def newest_source(package):
    out = subprocess.run(["apt-cache", "showsrc", "--only-source", package], stdout=subprocess.PIPE, text=True).stdout
    versions = re.findall(r"^Version:\s*(\S+)", out, re.M)
    if not versions:
        raise dl.PinError("apt knows no source package %s (tools/setup.sh adds the deb-src entries)" % package)
    proc = subprocess.run(["sort", "-V"], input="\n".join(versions), stdout=subprocess.PIPE, text=True)
    return proc.stdout.split()[-1]


def repin_source(name, entry, changes):
    version = newest_source(name)
    folder, fetched = dl.download_source(name, version)
    origs = [f for f in os.listdir(folder) if ".orig.tar." in f]
    if len(origs) != 1:
        raise dl.PinError("expected one .orig tarball for %s, found %r" % (name, origs))
    new = dict(entry, version=fetched, orig=origs[0], sha256=dl.sha256_of(os.path.join(folder, origs[0])))
    debian_tar = [f for f in os.listdir(folder) if ".debian.tar." in f][0]
    patches = {}
    with tarfile.open(os.path.join(folder, debian_tar)) as tar:
        for patch in entry.get("patches", {}):
            try:
                data = tar.extractfile("debian/patches/" + patch).read()
            except KeyError:
                changes.append("%s: Debian dropped patch %s (check whether upstream now has the fix)" % (name, patch))
                continue
            path = os.path.join(folder, "p")
            with open(path, "wb") as f:
                f.write(data)
            patches[patch] = dl.sha256_of(path)
    new["patches"] = patches
    shutil.rmtree(folder, ignore_errors=True)
    for key in ("version", "orig", "sha256", "patches"):
        if new[key] != entry.get(key):
            changes.append("%s: %s %s -> %s" % (name, key, entry.get(key), new[key]))
    return new


def repin_deb(deb, changes):
    version = candidate(deb["package"])
    path = dl.download_deb(deb["package"], version)
    new = {"package": deb["package"], "version": version, "sha256": dl.sha256_of(path)}
    shutil.rmtree(os.path.dirname(path), ignore_errors=True)
    if new != deb:
        changes.append("%s: %s (%s…) -> %s (%s…)" % (deb["package"], deb["version"], deb["sha256"][:12], version, new["sha256"][:12]))
    return new


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--dry-run", action="store_true")
    parser.add_argument("--lock", default=os.path.normpath(LOCK))
    args = parser.parse_args()
    lock = dl.load_lock(args.lock)
    changes = []
    try:
        for package, version in sorted(lock["host_tools"].items()):
            new = candidate(package)
            if new != version:
                changes.append("%s: %s -> %s" % (package, version, new))
                lock["host_tools"][package] = new
        for name in sorted(lock["sources"]):
            lock["sources"][name] = repin_source(name, lock["sources"][name], changes)
        for name in sorted(lock["sysroots"]):
            lock["sysroots"][name] = [repin_deb(deb, changes) for deb in lock["sysroots"][name]]
        for name in sorted(lock.get("debs", {})):
            lock["debs"][name] = repin_deb(lock["debs"][name], changes)
    except dl.PinError as e:
        dl.fail(str(e))
    print("\n".join(changes) if changes else "every pin is current")
    if changes and not args.dry_run:
        with open(args.lock, "w", encoding="utf-8") as f:
            json.dump(lock, f, indent=2)
            f.write("\n")
        print("wrote %s; run tools/setup.sh, then bazel test //..., and commit the lock" % args.lock)


if __name__ == "__main__":
    main()
