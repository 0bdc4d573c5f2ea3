#!/usr/bin/env python3
"""Assembles a release directory: the artifacts under fixed names, SHA256SUMS over them, and an
SPDX 2.3 SBOM (JSON) listing every pinned Debian input with its version and hash.

  build_release.py --out DIR --lock third_party/debian.lock.json --libc musl|glibc NAME=FILE...

The inputs whose code is linked into the static bootstraps (--libc's C and C++ libraries) are
related to each artifact as STATIC_LINK; every other input as DEPENDS_ON (sources, headers,
data) or GENERATED_FROM (the compiler toolchain).

Everything is a function of the inputs (no dates, no host names), so the directory is
byte-identical on every build.
"""

import argparse
import hashlib
import json
import os
import shutil

NAMESPACE = "https://github.com/ruchy-lambda/ruchy-lambda/sbom/"


def sha256(path):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


# What each C library links into a bootstrap, by Debian package: sources (built by Bazel) and
# the sysroot's binary packages (their static archives). The toolchains in toolchains/cc choose
# these; docs/build.md says why.
LINKED = {
    "musl": {
        "sources": {
            "musl": "linked: libc.a (static musl)",
            "llvm-toolchain-14": "linked: libc++, libc++abi, libunwind and compiler-rt builtins, built from its runtimes' sources",
        },
        "sysroot": {},
    },
    "glibc": {
        "sources": {},
        "sysroot": {
            "libc6-dev": "linked: libc.a (static glibc)",
            "libstdc++-12-dev": "linked: libstdc++.a",
            "libgcc-12-dev": "linked: libgcc.a, libgcc_eh.a",
        },
    },
}


def sysroot_role(libc, package):
    """The comment for a linked sysroot package (libc6-dev-arm64-cross -> libc6-dev), or None."""
    for stem, role in LINKED[libc]["sysroot"].items():
        if package.startswith(stem + "-") and package.endswith("-cross"):
            return role
    return None


def spdx_id(text):
    return "SPDXRef-" + "".join(c if c.isalnum() or c in ".-" else "-" for c in text)


def sbom(lock, artifacts, libc):
    packages = []
    relationships = []
    for name, digest in artifacts:
        packages.append({
            "SPDXID": spdx_id("artifact-" + name),
            "name": name,
            "downloadLocation": "NOASSERTION",
            "filesAnalyzed": False,
            "checksums": [{"algorithm": "SHA256", "checksumValue": digest}],
            "primaryPackagePurpose": "ARCHIVE" if name.endswith((".zip", ".tar")) else "FILE",
        })
        relationships.append({"spdxElementId": "SPDXRef-DOCUMENT", "relationshipType": "DESCRIBES",
                              "relatedSpdxElement": spdx_id("artifact-" + name)})
    inputs = []
    suite = lock.get("suite", "bookworm")
    linked = set()
    for name, entry in sorted(lock["sources"].items()):
        checksums = [{"algorithm": "SHA256", "checksumValue": entry["sha256"]}]
        comment = "Debian source package; orig %s; patches %s" % (entry["orig"], ", ".join(
            "%s sha256:%s" % p for p in sorted(entry.get("patches", {}).items())) or "none")
        role = LINKED[libc]["sources"].get(name)
        if role:
            linked.add("source-" + name)
            comment += "; " + role
        inputs.append(("source-" + name, name, entry["version"], checksums,
                       "pkg:deb/debian/%s@%s?arch=source&distro=%s" % (name, entry["version"], suite),
                       comment))
    for target, debs in sorted(lock["sysroots"].items()):
        for deb in debs:
            ident = "sysroot-%s-%s" % (target, deb["package"])
            comment = "sysroot for %s" % target
            role = sysroot_role(libc, deb["package"])
            if role:
                linked.add(ident)
                comment += "; " + role
            inputs.append((ident, deb["package"], deb["version"],
                           [{"algorithm": "SHA256", "checksumValue": deb["sha256"]}],
                           "pkg:deb/debian/%s@%s?arch=all&distro=%s" % (deb["package"], deb["version"], suite),
                           comment))
    for name, deb in sorted(lock.get("debs", {}).items()):
        inputs.append(("data-" + name, deb["package"], deb["version"],
                       [{"algorithm": "SHA256", "checksumValue": deb["sha256"]}],
                       "pkg:deb/debian/%s@%s?arch=all&distro=%s" % (deb["package"], deb["version"], suite),
                       "data the build generates code from"))
    for name, version in sorted(lock["host_tools"].items()):
        inputs.append(("tool-" + name, name, version, [],
                       "pkg:deb/debian/%s@%s?arch=amd64&distro=%s" % (name, version, suite),
                       "build tool (compiler toolchain), installed by tools/setup.sh at this version"))
    for ident, name, version, checksums, purl, comment in inputs:
        pkg = {
            "SPDXID": spdx_id(ident),
            "name": name,
            "versionInfo": version,
            "downloadLocation": "NOASSERTION",
            "filesAnalyzed": False,
            "supplier": "Organization: Debian",
            "externalRefs": [{"referenceCategory": "PACKAGE-MANAGER", "referenceType": "purl", "referenceLocator": purl}],
            "comment": comment,
        }
        if checksums:
            pkg["checksums"] = checksums
        packages.append(pkg)
        if ident in linked:
            kind = "STATIC_LINK"
        elif ident.startswith("tool-"):
            kind = "GENERATED_FROM"
        else:
            kind = "DEPENDS_ON"
        for artifact, _ in artifacts:
            relationships.append({"spdxElementId": spdx_id("artifact-" + artifact),
                                  "relationshipType": kind,
                                  "relatedSpdxElement": spdx_id(ident)})
    missing = [name for name in LINKED[libc]["sources"] if "source-" + name not in linked]
    if missing:
        raise SystemExit("build_release.py: the lock has no source package %s, which %s bootstraps link" %
                         (", ".join(missing), libc))
    return {
        "spdxVersion": "SPDX-2.3",
        "dataLicense": "CC0-1.0",
        "SPDXID": "SPDXRef-DOCUMENT",
        "name": "ruchy-lambda release",
        "documentNamespace": NAMESPACE + hashlib.sha256("".join(d for _, d in artifacts).encode()).hexdigest(),
        "creationInfo": {"created": "1970-01-01T00:00:00Z", "creators": ["Tool: ruchy-lambda build_release.py"]},
        "packages": packages,
        "relationships": relationships,
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", required=True)
    parser.add_argument("--lock", required=True)
    parser.add_argument("--libc", required=True, choices=sorted(LINKED),
                        help="the C library the artifacts' bootstraps link")
    parser.add_argument("files", nargs="+", help="NAME=FILE")
    args = parser.parse_args()
    os.makedirs(args.out, exist_ok=True)
    artifacts = []
    for spec in args.files:
        name, _, path = spec.partition("=")
        if not name or "/" in name or not path:
            raise SystemExit("build_release.py: bad artifact %r (want NAME=FILE)" % spec)
        shutil.copyfile(path, os.path.join(args.out, name))
        artifacts.append((name, sha256(path)))
    artifacts.sort()
    with open(os.path.join(args.out, "SHA256SUMS"), "w") as f:
        for name, digest in artifacts:
            f.write("%s  %s\n" % (digest, name))
    with open(args.lock) as f:
        lock = json.load(f)
    with open(os.path.join(args.out, "sbom.spdx.json"), "w") as f:
        json.dump(sbom(lock, artifacts, args.libc), f, indent=2, sort_keys=True)
        f.write("\n")


if __name__ == "__main__":
    main()
