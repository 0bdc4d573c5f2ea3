"""//packaging:release: SHA256SUMS verifies with sha256sum, and the SPDX SBOM names every pinned
Debian input of third_party/debian.lock.json with its version (and hash where the lock has one)
and, as STATIC_LINK, exactly the C and C++ libraries of the C library the release ships.

  release_test.py musl|glibc RELEASE_FILE... LOCK"""

import json
import os
import subprocess
import sys
import unittest

LIBC = sys.argv[1]
RELEASE = [os.path.abspath(p) for p in sys.argv[2:-1]]
LOCK = os.path.abspath(sys.argv[-1])

# Debian packages whose code each C library links into a bootstrap (sysroot packages are named
# NAME-ARCH-cross).
LINKED = {
    "musl": ["llvm-toolchain-14", "musl"],
    "glibc": ["libc6-dev", "libgcc-12-dev", "libstdc++-12-dev"],
}
del sys.argv[1:]


class ReleaseTest(unittest.TestCase):
    def setUp(self):
        self.dir = os.path.dirname(RELEASE[0])
        self.names = sorted(os.path.basename(p) for p in RELEASE)

    def test_sums_verify(self):
        r = subprocess.run(["sha256sum", "--check", "--strict", "SHA256SUMS"], cwd=self.dir,
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        self.assertEqual(r.returncode, 0, r.stdout + r.stderr)
        listed = sorted(line.split()[1] for line in open(os.path.join(self.dir, "SHA256SUMS")))
        shipped = [n for n in self.names if n not in ("SHA256SUMS", "sbom.spdx.json")]
        self.assertEqual(listed, shipped)
        self.assertIn("hello-arm64.zip", listed)
        self.assertIn("hello-image-index.oci.tar", listed)

    def test_sbom_lists_every_pinned_input(self):
        sbom = json.load(open(os.path.join(self.dir, "sbom.spdx.json")))
        self.assertEqual(sbom["spdxVersion"], "SPDX-2.3")
        lock = json.load(open(LOCK))
        by_name = {}
        for p in sbom["packages"]:
            by_name.setdefault(p["name"], []).append(p)

        def has(name, version, digest=None):
            for p in by_name.get(name, []):
                sums = [c["checksumValue"] for c in p.get("checksums", [])]
                if p.get("versionInfo") == version and (digest is None or digest in sums):
                    return True
            return False

        for name, entry in lock["sources"].items():
            self.assertTrue(has(name, entry["version"], entry["sha256"]), name)
        for debs in lock["sysroots"].values():
            for deb in debs:
                self.assertTrue(has(deb["package"], deb["version"], deb["sha256"]), deb["package"])
        for deb in lock.get("debs", {}).values():
            self.assertTrue(has(deb["package"], deb["version"], deb["sha256"]), deb["package"])
        for name, version in lock["host_tools"].items():
            self.assertTrue(has(name, version), name)

    def test_sbom_names_what_is_linked(self):
        sbom = json.load(open(os.path.join(self.dir, "sbom.spdx.json")))
        names = {p["SPDXID"]: p["name"] for p in sbom["packages"]}
        artifacts = {p["SPDXID"] for p in sbom["packages"] if p["name"] in self.names}
        self.assertIn("hello-arm64.zip", {names[a] for a in artifacts})
        for artifact in artifacts:
            linked = sorted({names[r["relatedSpdxElement"]] for r in sbom["relationships"]
                             if r["spdxElementId"] == artifact and r["relationshipType"] == "STATIC_LINK"})
            stems = sorted({n.rsplit("-", 2)[0] if n.endswith("-cross") else n for n in linked})
            self.assertEqual(stems, LINKED[LIBC], names[artifact])


if __name__ == "__main__":
    unittest.main(verbosity=2)
