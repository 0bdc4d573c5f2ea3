#!/usr/bin/env python3
"""Checks that ELF files run on Lambda's provided.al2023 (glibc 2.34): a static binary needs no
glibc at all; a dynamically linked one must not need a symbol version newer than GLIBC_2.34.

  glibc_compat.py [--max 2.34] [--readelf PATH] FILE...

Exit 0 when every file passes; otherwise each offender is named with the versions it needs.
Zip files are opened and their ELF members checked.
"""

import argparse
import os
import re
import subprocess
import sys
import tempfile
import zipfile

READELF = "/usr/lib/llvm-14/bin/llvm-readelf"


def version_key(v):
    return tuple(int(x) for x in v.split("."))


def check_elf(path, max_version, readelf):
    headers = subprocess.run([readelf, "--program-headers", path], stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True)
    if headers.returncode != 0:
        return False, "not an ELF file: " + headers.stderr.strip()
    if "INTERP" not in headers.stdout and "DYNAMIC" not in headers.stdout:
        return True, "static: needs no glibc"
    needs = subprocess.run([readelf, "--version-info", path], stdout=subprocess.PIPE, text=True).stdout
    versions = sorted(set(re.findall(r"GLIBC_([0-9]+(?:\.[0-9]+)+)", needs)), key=version_key)
    if not versions:
        return True, "dynamic: no versioned glibc symbols"
    too_new = [v for v in versions if version_key(v) > version_key(max_version)]
    if too_new:
        return False, "dynamic: needs GLIBC_%s, newer than GLIBC_%s" % (", GLIBC_".join(too_new), max_version)
    return True, "dynamic: newest glibc symbol version GLIBC_%s" % versions[-1]


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--max", default="2.34")
    parser.add_argument("--readelf", default=READELF)
    parser.add_argument("files", nargs="+")
    args = parser.parse_args()
    ok = True
    with tempfile.TemporaryDirectory() as tmp:
        for path in args.files:
            targets = [(path, path)]
            if zipfile.is_zipfile(path):
                targets = []
                with zipfile.ZipFile(path) as z:
                    for name in z.namelist():
                        out = z.extract(name, os.path.join(tmp, os.path.basename(path)))
                        with open(out, "rb") as f:
                            if f.read(4) == b"\x7fELF":
                                targets.append(("%s:%s" % (path, name), out))
            for label, elf in targets:
                passed, message = check_elf(elf, args.max, args.readelf)
                print("%s: %s: %s" % ("ok" if passed else "FAIL", label, message))
                ok = ok and passed
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
