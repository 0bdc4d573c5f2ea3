#!/usr/bin/env python3
"""Assembles a release directory: the artifacts under fixed names, SHA256SUMS over them, and an
SPDX 2.3 SBOM (JSON) listing every pinned Debian input with its version and hash.

  build_release.py --out DIR --lock third_party/debian.lock.json NAME=FILE...

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


def spdx_id(text):
    return "SPDXRef-" + "".join(c if c.isalnum() or c in ".-" else "-" for c in text)


def sbom(lock, artifacts):
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
    for name, entry in sorted(lock["sources"].items()):
        checksums = [{"algorithm": "SHA256", "checksumValue": entry["sha256"]}]
        inputs.append(("source-" + name, name, entry["version"], checksums,
                       "pkg:deb/debian/%s@%s?arch=source&distro=%s" % (name, entry["version"], suite),
                       "Debian source package; orig %s; patches %s" % (entry["orig"], ", ".join(
                           "%s sha256:%s" % p for p in sorted(entry.get("patches", {}).items())) or "none")))
    for target, debs in sorted(lock["sysroots"].items()):
        for deb in debs:
            inputs.append(("sysroot-%s-%s" % (target, deb["package"]), deb["package"], deb["version"],
                           [{"algorithm": "SHA256", "checksumValue": deb["sha256"]}],
                           "pkg:deb/debian/%s@%s?arch=all&distro=%s" % (deb["package"], deb["version"], suite),
                           "sysroot for %s" % target))
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
        for artifact, _ in artifacts:
            relationships.append({"spdxElementId": spdx_id("artifact-" + artifact),
                                  "relationshipType": "DEPENDS_ON" if not ident.startswith("tool-") else "GENERATED_FROM",
                                  "relatedSpdxElement": spdx_id(ident)})
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
        json.dump(sbom(lock, artifacts), f, indent=2, sort_keys=True)
        f.write("\n")


if __name__ == "__main__":
    main()
