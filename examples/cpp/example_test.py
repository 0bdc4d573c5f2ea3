"""The C++ example as a user ships it: each zip checked with unzip and file, then the bootstrap
unpacked from it and invoked through the emulator (arm64 under qemu)."""

import json
import os
import subprocess
import sys
import tempfile
import unittest
import zipfile

ZIPS = {"arm64": os.path.abspath(sys.argv[1]), "x86_64": os.path.abspath(sys.argv[2])}
EMULATOR = os.path.abspath(sys.argv[3])
del sys.argv[1:4]
MACHINE = {"arm64": "ARM aarch64", "x86_64": "x86-64"}


class ExampleZip(unittest.TestCase):
    def test_zip_layout_and_invoke(self):
        for arch, path in sorted(ZIPS.items()):
            listing = subprocess.run(["unzip", "-Z", path], stdout=subprocess.PIPE, text=True, check=True).stdout
            lines = [l for l in listing.splitlines() if l.endswith(" bootstrap")]
            self.assertEqual(len(lines), 1, listing)
            self.assertTrue(lines[0].startswith("-rwxr-xr-x"), lines[0])
            self.assertIn(" defN ", lines[0])
            self.assertEqual(zipfile.ZipFile(path).namelist(), ["bootstrap"])
            with tempfile.TemporaryDirectory() as tmp:
                subprocess.run(["unzip", "-q", path, "-d", tmp], check=True)
                bootstrap = os.path.join(tmp, "bootstrap")
                desc = subprocess.run(["file", bootstrap], stdout=subprocess.PIPE, text=True).stdout
                self.assertIn(MACHINE[arch], desc)
                self.assertRegex(desc, "statically linked|static-pie linked")
                self.assertIn(", stripped", desc)
                cmd = [EMULATOR, "--once", '{"name":"zip"}']
                if arch == "arm64":
                    cmd += ["--bootstrap", "/usr/bin/qemu-aarch64-static", "--", bootstrap]
                else:
                    cmd += ["--bootstrap", bootstrap]
                r = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, timeout=120)
                self.assertEqual(r.returncode, 0, r.stderr)
                self.assertEqual(json.loads(r.stdout), {"message": "Hello, zip!"})


if __name__ == "__main__":
    unittest.main(verbosity=2)
