"""fetch.py against Debian's real archive: a good pin unpacks, a retired version and a wrong hash
fail with a message that names the re-pin command, and a verified cache needs no archive at all."""

import json
import os
import subprocess
import sys
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
FETCH = os.path.join(HERE, "fetch.py")
REAL_LOCK = os.path.join(HERE, "..", "..", "third_party", "debian.lock.json")
# The smallest pinned package (about 35 KB), so the test stays fast.
SMALL = "libgcc-s1-arm64-cross"


def small_pin():
    with open(REAL_LOCK) as f:
        lock = json.load(f)
    return dict(next(d for d in lock["sysroots"]["linux_aarch64"] if d["package"] == SMALL))


class FetchTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp()
        self.env = dict(os.environ, RUCHY_LAMBDA_DEB_CACHE=os.path.join(self.tmp, "cache"))

    def fetch(self, pin):
        lock = os.path.join(self.tmp, "lock.json")
        with open(lock, "w") as f:
            json.dump({"sysroots": {"probe": [pin]}}, f)
        out = os.path.join(self.tmp, "out")
        proc = subprocess.run(
            [sys.executable, FETCH, "sysroot", "--lock", lock, "--name", "probe", "--triple", "aarch64-linux-gnu", "--out", out],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=self.env,
        )
        return proc, out

    def test_good_pin_unpacks_and_is_cached(self):
        proc, out = self.fetch(small_pin())
        self.assertEqual(proc.returncode, 0, proc.stderr)
        self.assertTrue(os.path.exists(os.path.join(out, "usr/aarch64-linux-gnu/lib/libgcc_s.so.1")))
        # Second fetch: served from the verified cache, with apt out of reach (only the unpacking
        # tools are on PATH).
        bin_dir = os.path.join(self.tmp, "bin")
        os.mkdir(bin_dir)
        for tool in ("dpkg-deb", "tar", "xz", "gzip", "zstd"):
            for folder in ("/usr/bin", "/bin"):
                if os.path.exists(os.path.join(folder, tool)) and not os.path.exists(os.path.join(bin_dir, tool)):
                    os.symlink(os.path.join(folder, tool), os.path.join(bin_dir, tool))
        self.env["PATH"] = bin_dir
        proc, _ = self.fetch(small_pin())
        self.assertEqual(proc.returncode, 0, proc.stderr)

    def test_retired_version_names_the_repin_command(self):
        pin = small_pin()
        pin["version"] = "0.0-retired1"
        proc, _ = self.fetch(pin)
        self.assertEqual(proc.returncode, 1)
        self.assertIn("%s=0.0-retired1" % SMALL, proc.stderr)
        self.assertIn("no longer serves", proc.stderr)
        self.assertIn("tools/debian/repin.py", proc.stderr)

    def test_wrong_hash_is_refused(self):
        pin = small_pin()
        pin["sha256"] = "0" * 64
        proc, out = self.fetch(pin)
        self.assertEqual(proc.returncode, 1)
        self.assertIn("the lock pins " + "0" * 64, proc.stderr)
        self.assertFalse(os.path.exists(os.path.join(out, "usr")))

    def test_data_deb_unpacks_and_an_unknown_name_is_refused(self):
        with open(REAL_LOCK) as f:
            debs = json.load(f)["debs"]
        lock = os.path.join(self.tmp, "debs.json")
        with open(lock, "w") as f:
            json.dump({"debs": debs}, f)
        out = os.path.join(self.tmp, "data")
        run = lambda name: subprocess.run(  # noqa: E731
            [sys.executable, FETCH, "deb", "--lock", lock, "--name", name, "--out", out],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=self.env,
        )
        proc = run("unicode-data")
        self.assertEqual(proc.returncode, 0, proc.stderr)
        self.assertTrue(os.path.exists(os.path.join(out, "usr/share/unicode/UnicodeData.txt")))
        proc = run("no-such-data")
        self.assertEqual(proc.returncode, 1)
        self.assertIn("no package 'no-such-data' under `debs`", proc.stderr)


class SourceSubsetTest(unittest.TestCase):
    """--only extracts just the named folders of a source package (the LLVM source is 130 MB; a
    build needs a few folders of it) and refuses a folder the source does not have."""

    def setUp(self):
        self.tmp = tempfile.mkdtemp()
        self.env = dict(os.environ, RUCHY_LAMBDA_DEB_CACHE=os.path.join(self.tmp, "cache"))

    def fetch(self, *only):
        with open(REAL_LOCK) as f:
            musl = json.load(f)["sources"]["musl"]  # about 1 MB
        lock = os.path.join(self.tmp, "lock.json")
        with open(lock, "w") as f:
            json.dump({"sources": {"musl": musl}}, f)
        out = os.path.join(self.tmp, "out")
        args = [sys.executable, FETCH, "source", "--lock", lock, "--name", "musl", "--out", out]
        for folder in only:
            args += ["--only", folder]
        proc = subprocess.run(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=self.env)
        return proc, out

    def test_only_the_named_folders_are_written(self):
        proc, out = self.fetch("include/sys", "COPYRIGHT")
        self.assertEqual(proc.returncode, 0, proc.stderr)
        self.assertEqual(sorted(os.listdir(out)), ["COPYRIGHT", "include"])
        self.assertEqual(os.listdir(os.path.join(out, "include")), ["sys"])
        self.assertTrue(os.path.isfile(os.path.join(out, "include", "sys", "socket.h")))

    def test_a_folder_the_source_lacks_is_an_error(self):
        proc, _ = self.fetch("include", "no/such/folder")
        self.assertEqual(proc.returncode, 1)
        self.assertIn("no/such/folder", proc.stderr)
        self.assertIn("Not found in archive", proc.stderr)


if __name__ == "__main__":
    unittest.main(verbosity=2)
