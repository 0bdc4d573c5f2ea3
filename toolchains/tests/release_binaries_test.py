"""Checks the release binaries of //examples/hello_cc:release as a user would: with `file`, by
running them (arm64 under qemu), and by matching each stripped binary to its unstripped twin."""

import os
import re
import subprocess
import sys
import unittest

QEMU = "/usr/bin/qemu-aarch64-static"
EXPECT = {
    "x86_64": ("x86-64", []),
    "arm64": ("ARM aarch64", [QEMU]),
}


def build_id(path):
    out = subprocess.run(["file", "-L", path], stdout=subprocess.PIPE, text=True, check=True).stdout
    match = re.search(r"BuildID\[sha1\]=([0-9a-f]{40})", out)
    return out, match.group(1) if match else None


class ReleaseBinaries(unittest.TestCase):
    binaries = {}

    def test_each_architecture(self):
        self.assertEqual(sorted(self.binaries), sorted(EXPECT))
        for arch, (stripped, debug) in sorted(self.binaries.items()):
            machine, launcher = EXPECT[arch]
            desc, stripped_id = build_id(stripped)
            self.assertIn(machine, desc, arch)
            self.assertRegex(desc, r"static(-pie)? linked|statically linked", arch)
            self.assertIn(", stripped", desc, arch)
            debug_desc, debug_id = build_id(debug)
            self.assertIn("not stripped", debug_desc, arch)
            # The build id survives stripping and names the twin that symbolises a crash.
            self.assertIsNotNone(stripped_id, desc)
            self.assertEqual(stripped_id, debug_id, arch)
            self.assertLess(os.path.getsize(stripped), os.path.getsize(debug), arch)
            out = subprocess.run(launcher + [stripped, "ok"], stdout=subprocess.PIPE, text=True, check=True).stdout
            self.assertEqual(out, "hello from %s ok\n" % arch)


def main():
    args = sys.argv[1:]
    sys.argv = sys.argv[:1]
    for path in args:
        if path.endswith(".debug"):
            continue
        arch = os.path.basename(os.path.dirname(path))
        ReleaseBinaries.binaries[arch] = (path, path + ".debug")
    unittest.main(verbosity=2)


if __name__ == "__main__":
    main()
