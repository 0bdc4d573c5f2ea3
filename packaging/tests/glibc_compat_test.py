"""provided.al2023 has glibc 2.34: every shipped artifact must run there. The release zips'
bootstraps are static (no glibc needed); the check is also run on a dynamically linked binary
built against the sysroot's glibc 2.36 that needs GLIBC_2.35, to prove it does fail."""

import os
import subprocess
import sys
import unittest

CHECK = os.path.abspath(sys.argv[1])
DYNAMIC = os.path.abspath(sys.argv[2])
ARTIFACTS = [os.path.abspath(p) for p in sys.argv[3:] if p.endswith(".zip")]
del sys.argv[1:]


def check(*files):
    return subprocess.run([sys.executable, CHECK] + list(files), stdout=subprocess.PIPE, text=True)


class GlibcCompatTest(unittest.TestCase):
    def test_shipped_artifacts_run_on_al2023(self):
        r = check(*ARTIFACTS)
        self.assertEqual(r.returncode, 0, r.stdout)
        self.assertGreaterEqual(r.stdout.count("static: needs no glibc"), 2, r.stdout)

    def test_a_too_new_dynamic_binary_fails(self):
        r = check(DYNAMIC)
        self.assertEqual(r.returncode, 1, r.stdout)
        self.assertIn("newer than GLIBC_2.34", r.stdout)


if __name__ == "__main__":
    unittest.main(verbosity=2)
