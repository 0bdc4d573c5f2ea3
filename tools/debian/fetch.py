#!/usr/bin/env python3
"""Materialises one pinned Debian input into a folder. Called by toolchains/debian/repositories.bzl.

  fetch.py source     --lock LOCK --name abseil        --out DIR [--only SUBDIR ...]
  fetch.py sysroot    --lock LOCK --name linux_aarch64 --triple aarch64-linux-gnu --out DIR
  fetch.py deb        --lock LOCK --name unicode-data  --out DIR
  fetch.py host-tools --lock LOCK

Every file is checked against its sha256 in the lock before use; a mismatch or a version Debian no
longer serves stops with a message that names the re-pin command. Nothing is ever re-pinned here.
"""

import argparse
import os
import shutil
import subprocess
import sys
import tarfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import debian_lock as dl  # noqa: E402


def _extract_stripped(archive, out):
    """Extracts a source tarball into OUT, dropping its single top-level folder."""
    with tarfile.open(archive) as tar:
        members = []
        for m in tar.getmembers():
            parts = m.name.split("/", 1)
            if len(parts) < 2 or not parts[1]:
                continue
            if m.name.startswith("/") or ".." in m.name.split("/"):
                raise dl.PinError("unsafe path %r in %s" % (m.name, archive))
            m.name = parts[1]
            members.append(m)
        tar.extractall(out, members=members)


def _extract_subset(archive, out, only):
    """Extracts just the ONLY folders (paths relative to the source root) of a source tarball. The
    LLVM source is 130 MB compressed and a build uses a few percent of it: the rest is never
    written. GNU tar streams the archive once (3x faster than Python's tarfile on .xz) and fails
    if a requested folder is missing; it refuses absolute and `..` member names by default."""
    with tarfile.open(archive) as tar:
        top = tar.next().name.split("/", 1)[0]  # Reads only the first block.
    for o in only:
        if o.startswith("/") or ".." in o.split("/"):
            raise dl.PinError("--only %r must be a relative path inside the source" % o)
    os.makedirs(out, exist_ok=True)
    proc = subprocess.run(
        ["tar", "-x", "-f", archive, "-C", out, "--strip-components=1"] + ["%s/%s" % (top, o) for o in only],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    if proc.returncode != 0:
        raise dl.PinError("could not extract %s from %s:\n%s" % (", ".join(only), archive, proc.stdout))


def _patches_from_debian_tarball(folder, package, wanted):
    """Returns {patch name: path} for the wanted patches, read from the fetched debian.tar.*."""
    tarballs = [f for f in os.listdir(folder) if f.startswith(package + "_") and ".debian.tar." in f]
    if len(tarballs) != 1:
        raise dl.PinError("expected one %s_*.debian.tar.* from apt, found %r" % (package, tarballs))
    found = {}
    with tarfile.open(os.path.join(folder, tarballs[0])) as tar:
        for name in wanted:
            try:
                member = tar.getmember("debian/patches/" + name)
            except KeyError:
                continue
            path = os.path.join(folder, "patch-" + name)
            with open(path, "wb") as f:
                f.write(tar.extractfile(member).read())
            found[name] = path
    return found


def fetch_source(lock, name, out, only=()):
    entry = lock["sources"].get(name)
    if entry is None:
        raise dl.PinError("no source package %r in the lock file" % name)
    orig, patches = entry["orig"], entry.get("patches", {})

    orig_path = dl.cached_file(entry["sha256"], orig)
    patch_paths = {p: dl.cached_file(sha, p) for p, sha in patches.items()}
    if orig_path is None or None in patch_paths.values():
        folder, fetched = dl.download_source(name, entry["version"])
        got = os.path.join(folder, orig)
        if not os.path.isfile(got):
            raise dl.PinError(
                dl.gone_message("%s (%s)" % (orig, name), "apt fetched %s but no %s" % (fetched, orig))
            )
        actual = dl.sha256_of(got)
        if actual != entry["sha256"]:
            raise dl.PinError(
                "%s from Debian has sha256 %s, the lock pins %s: upstream source changed.\n"
                "Review the new version, then re-pin on purpose with %s"
                % (orig, actual, entry["sha256"], dl.REPIN_COMMAND)
            )
        orig_path = dl.store_in_cache(got, entry["sha256"], orig)
        extracted = _patches_from_debian_tarball(folder, name, patches)
        for patch, sha in patches.items():
            if patch not in extracted:
                raise dl.PinError(
                    dl.gone_message("patch %s of %s" % (patch, name), "Debian %s has no such patch" % fetched)
                )
            if dl.sha256_of(extracted[patch]) != sha:
                raise dl.PinError(
                    "Debian patch %s of %s (revision %s) differs from the pinned one; re-pin on purpose with %s"
                    % (patch, name, fetched, dl.REPIN_COMMAND)
                )
            patch_paths[patch] = dl.store_in_cache(extracted[patch], sha, patch)
        if fetched != entry["version"]:
            sys.stderr.write(
                "note: Debian now serves %s %s; its .orig and patches match the pins for %s, so the "
                "build is unchanged. Run %s to record the new revision.\n"
                % (name, fetched, entry["version"], dl.REPIN_COMMAND)
            )
        shutil.rmtree(folder, ignore_errors=True)

    if only:
        _extract_subset(orig_path, out, only)
    else:
        _extract_stripped(orig_path, out)
    for patch in patches:  # Lock order is application order.
        proc = subprocess.run(
            ["patch", "-p1", "-s", "-N", "--no-backup-if-mismatch", "-d", out, "-i", patch_paths[patch]],
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        if proc.returncode != 0:
            raise dl.PinError("Debian patch %s does not apply to %s:\n%s" % (patch, orig, proc.stdout))


def _fix_linker_scripts(out, triple):
    """The amd64 *-cross linker scripts (libc.so, libm.a) name /usr/lib/<triple>/, the native
    layout; inside a cross sysroot those files are in /usr/<triple>/lib/. lld resolves the names
    inside --sysroot, so rewriting them keeps the link inside the sysroot."""
    lib = os.path.join(out, "usr", triple, "lib")
    for entry in sorted(os.listdir(lib)):
        path = os.path.join(lib, entry)
        if os.path.islink(path) or not os.path.isfile(path) or os.path.getsize(path) > 4096:
            continue
        with open(path, "rb") as f:
            text = f.read()
        if not text.startswith(b"/* GNU ld script"):
            continue
        fixed = text.replace(b"/usr/lib/%s/" % triple.encode(), b"/usr/%s/lib/" % triple.encode())
        if fixed != text:
            with open(path, "wb") as f:
                f.write(fixed)


def _unpack_pinned_deb(deb, out):
    """Fetches one pinned .deb (from the verified cache, else apt), checks its hash, unpacks it."""
    filename = "%s_%s_all.deb" % (deb["package"], deb["version"])
    path = dl.cached_file(deb["sha256"], filename)
    if path is None:
        got = dl.download_deb(deb["package"], deb["version"])
        actual = dl.sha256_of(got)
        if actual != deb["sha256"]:
            raise dl.PinError(
                "%s from Debian has sha256 %s, the lock pins %s. Re-pin on purpose with %s"
                % (filename, actual, deb["sha256"], dl.REPIN_COMMAND)
            )
        path = dl.store_in_cache(got, deb["sha256"], filename)
        shutil.rmtree(os.path.dirname(got), ignore_errors=True)
    proc = subprocess.run(["dpkg-deb", "-x", path, out], stderr=subprocess.PIPE, text=True)
    if proc.returncode != 0:
        raise dl.PinError("dpkg-deb could not unpack %s: %s" % (path, proc.stderr))


def fetch_sysroot(lock, name, triple, out):
    debs = lock["sysroots"].get(name)
    if debs is None:
        raise dl.PinError("no sysroot %r in the lock file" % name)
    for deb in debs:
        _unpack_pinned_deb(deb, out)
    # Documentation, lintian and gdb files are not build inputs.
    shutil.rmtree(os.path.join(out, "usr", "share"), ignore_errors=True)
    _fix_linker_scripts(out, triple)


def fetch_deb(lock, name, out):
    """One architecture-independent .deb whose files are build inputs (data such as the Unicode
    Character Database), unpacked as it is."""
    deb = lock.get("debs", {}).get(name)
    if deb is None:
        raise dl.PinError("no package %r under `debs` in the lock file" % name)
    _unpack_pinned_deb(deb, out)


def check_host_tools(lock):
    wrong = []
    for package, version in sorted(lock["host_tools"].items()):
        have = dl.installed_version(package)
        if have != version:
            wrong.append("  %s: pinned %s, installed %s" % (package, version, have or "nothing"))
    if wrong:
        raise dl.PinError(
            "the host compiler packages differ from the pins in third_party/debian.lock.json:\n%s\n"
            "Run tools/setup.sh to install the pinned versions, or %s to move the pins on purpose."
            % ("\n".join(wrong), dl.REPIN_COMMAND)
        )


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("kind", choices=["source", "sysroot", "deb", "host-tools"])
    parser.add_argument("--lock", required=True)
    parser.add_argument("--name")
    parser.add_argument("--out")
    parser.add_argument("--triple", help="GNU triple of a sysroot")
    parser.add_argument("--only", action="append", default=[], metavar="SUBDIR",
                        help="extract only this folder of a source package (repeatable)")
    args = parser.parse_args()
    lock = dl.load_lock(args.lock)
    try:
        if args.kind == "source":
            fetch_source(lock, args.name, args.out, args.only)
        elif args.kind == "sysroot":
            fetch_sysroot(lock, args.name, args.triple, args.out)
        elif args.kind == "deb":
            fetch_deb(lock, args.name, args.out)
        else:
            check_host_tools(lock)
    except dl.PinError as e:
        dl.fail(str(e))


if __name__ == "__main__":
    main()
