"""Shared pieces of the Debian input pinning: the lock file, hashing, the download cache and apt.

The lock file (third_party/debian.lock.json) is the single record of every outside input of the
build. fetch.py reads it from Bazel repository rules; repin.py rewrites it on purpose.
"""

import hashlib
import os
import shutil
import subprocess
import sys
import tempfile

REPIN_COMMAND = "tools/debian/repin.py"


class PinError(Exception):
    """An input could not be fetched or did not match its pin. The message says what to do."""


def load_lock(path):
    import json

    with open(path, encoding="utf-8") as f:
        return json.load(f)


def sha256_of(path):
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def cache_root():
    """Downloads are kept by hash under the home folder, so a second output base, a
    `bazel clean --expunge` or a later Debian point release does not need the archive again."""
    explicit = os.environ.get("RUCHY_LAMBDA_DEB_CACHE")
    if explicit:
        return explicit
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "ruchy-lambda", "debian")


def cached_file(sha256, filename):
    """Returns the path of a verified cached file, or None."""
    path = os.path.join(cache_root(), sha256, filename)
    if os.path.isfile(path) and sha256_of(path) == sha256:
        return path
    return None


def store_in_cache(src, sha256, filename):
    folder = os.path.join(cache_root(), sha256)
    os.makedirs(folder, exist_ok=True)
    dest = os.path.join(folder, filename)
    tmp = dest + ".part"
    shutil.copyfile(src, tmp)
    os.replace(tmp, dest)
    return dest


# apt's messages when the archive does not have the requested version.
_GONE_PATTERNS = ("was not found", "Can't find a source to download version", "Unable to find a source package")


def run_apt(args, cwd):
    """Runs an apt command; returns (ok, combined output)."""
    if os.geteuid() == 0:
        # As root apt drops to the _apt user to download, which fails inside Bazel's sandbox
        # (no setgroups). The downloaded files are hash-checked by us either way.
        args = args[:1] + ["-o", "APT::Sandbox::User=root"] + args[1:]
    try:
        proc = subprocess.run(
            args,
            cwd=cwd,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            env=dict(os.environ, LC_ALL="C.UTF-8", DEBIAN_FRONTEND="noninteractive"),
        )
    except FileNotFoundError as e:
        return False, str(e)
    return proc.returncode == 0, proc.stdout


def apt_failure(what, detail):
    """The error for a failed apt call: a retired pin gets the re-pin instructions."""
    if any(p in detail for p in _GONE_PATTERNS):
        return PinError(gone_message(what, detail))
    return PinError("apt-get could not fetch %s:\n%s" % (what, detail.strip()))


def gone_message(what, detail):
    return (
        "%s is pinned in third_party/debian.lock.json but Debian's archive no longer serves it "
        "(the archive keeps only the current version of each package, so a Debian point release "
        "retires the pinned one).\n"
        "To move to what Debian serves now, on purpose, run:\n\n    %s\n\n"
        "then review and commit the lock file change.\napt said:\n%s"
        % (what, REPIN_COMMAND, detail.strip())
    )


def download_deb(package, version):
    """Downloads PACKAGE=VERSION with apt into a temporary folder; returns the .deb path."""
    tmp = tempfile.mkdtemp(prefix="ruchy-deb-")
    ok, out = run_apt(["apt-get", "download", "%s=%s" % (package, version)], cwd=tmp)
    debs = [f for f in os.listdir(tmp) if f.endswith(".deb")]
    if not ok or len(debs) != 1:
        raise apt_failure("%s=%s" % (package, version), out)
    return os.path.join(tmp, debs[0])


def download_source(package, version):
    """Downloads a source package with apt; returns (folder, version actually fetched).

    Tries the pinned Debian revision first, then whatever revision Debian serves now: the
    caller checks the .orig tarball's hash, which does not change across Debian revisions."""
    tmp = tempfile.mkdtemp(prefix="ruchy-src-")
    ok, out = run_apt(
        ["apt-get", "source", "--download-only", "--only-source", "%s=%s" % (package, version)],
        cwd=tmp,
    )
    if ok:
        return tmp, version
    ok, out_current = run_apt(
        ["apt-get", "source", "--download-only", "--only-source", package], cwd=tmp
    )
    if not ok:
        hint = ""
        if "deb-src" in out_current:
            hint = "\n(apt needs a deb-src entry: tools/setup.sh adds one.)"
        error = apt_failure("source package %s=%s" % (package, version), out + out_current)
        raise PinError(str(error) + hint)
    dscs = [f for f in os.listdir(tmp) if f.endswith(".dsc")]
    fetched = dscs[0][len(package) + 1 : -len(".dsc")] if dscs else "unknown"
    return tmp, fetched


def installed_version(package):
    try:
        proc = subprocess.run(
            ["dpkg-query", "-W", "-f=${Status}\t${Version}", package],
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
        )
    except FileNotFoundError:
        return None
    if proc.returncode != 0 or not proc.stdout.startswith("install ok installed"):
        return None
    return proc.stdout.split("\t", 1)[1]


def fail(message):
    sys.stderr.write("error: %s\n" % message)
    sys.exit(1)
