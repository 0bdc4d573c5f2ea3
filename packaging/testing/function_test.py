"""Checks a packaged function as a user ships it: for each zip, `unzip -Z` shows only
`bootstrap` at the root with -rwxr-xr-x, `file` shows a static stripped ELF of the right
architecture and C library, and the unpacked bootstrap answers every case through the emulator
(arm64 under qemu).

    function_test.py CASES.json EMULATOR ARCH_LIBC=ZIP...    (e.g. arm64_musl=hello.zip)

CASES.json: [{"event": <JSON or string>, "response": <expected JSON>}, or
             {"event": ..., "error_type": "Ruchy.IndexOutOfRange"}]
A "response" may hold "*" for values that change per invoke (request ids).
"""

import json
import os
import subprocess
import sys
import tempfile
import unittest
import zipfile

CASES = json.load(open(sys.argv[1]))
EMULATOR = os.path.abspath(sys.argv[2])
ZIPS = {}
for spec in sys.argv[3:]:
    variant, _, path = spec.partition("=")
    arch, _, libc = variant.rpartition("_")  # x86_64_glibc -> x86_64, glibc
    if arch not in ("arm64", "x86_64") or libc not in ("musl", "glibc") or not path:
        sys.exit("function_test: want ARCH_LIBC=ZIP, got %r" % spec)
    ZIPS[(arch, libc)] = os.path.abspath(path)
del sys.argv[1:]
MACHINE = {"arm64": "ARM aarch64", "x86_64": "x86-64"}


def matches(want, got):
    if want == "*":
        return True
    if isinstance(want, dict):
        return isinstance(got, dict) and set(want) == set(got) and all(matches(want[k], got[k]) for k in want)
    if isinstance(want, list):
        return isinstance(got, list) and len(want) == len(got) and all(matches(w, g) for w, g in zip(want, got))
    return want == got


class FunctionZip(unittest.TestCase):
    def test_zips(self):
        self.assertTrue(ZIPS, "no zips given")
        for (arch, libc), path in sorted(ZIPS.items()):
            with self.subTest(arch=arch, libc=libc):
                listing = subprocess.run(["unzip", "-Z", path], stdout=subprocess.PIPE, text=True, check=True).stdout
                lines = [l for l in listing.splitlines() if l.endswith(" bootstrap")]
                self.assertEqual(len(lines), 1, listing)
                self.assertTrue(lines[0].startswith("-rwxr-xr-x"), lines[0])
                self.assertEqual(zipfile.ZipFile(path).namelist(), ["bootstrap"])
                with tempfile.TemporaryDirectory() as tmp:
                    subprocess.run(["unzip", "-q", path, "-d", tmp], check=True)
                    bootstrap = os.path.join(tmp, "bootstrap")
                    desc = subprocess.run(["file", bootstrap], stdout=subprocess.PIPE, text=True).stdout
                    self.assertIn(MACHINE[arch], desc)
                    self.assertRegex(desc, "statically linked|static-pie linked")
                    self.assertIn(", stripped", desc)
                    # glibc's crt1.o carries the GNU ABI note (`file`: "for GNU/Linux 3.2.0");
                    # musl's does not: the zip holds the C library it claims to.
                    self.assertEqual("for GNU/Linux" in desc, libc == "glibc", desc)
                    for case in CASES:
                        self.check_case(arch, bootstrap, case)

    def check_case(self, arch, bootstrap, case):
        event = case["event"] if isinstance(case["event"], str) else json.dumps(case["event"])
        cmd = [EMULATOR, "--runtime-api-port", "0", "--once", event]
        if arch == "arm64":
            cmd += ["--bootstrap", "/usr/bin/qemu-aarch64-static", "--", bootstrap]
        else:
            cmd += ["--bootstrap", bootstrap]
        r = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, timeout=120)
        got = json.loads(r.stdout)
        if "error_type" in case:
            self.assertEqual(r.returncode, 1, r.stderr)
            self.assertEqual(got["errorType"], case["error_type"], got)
            if "error_message" in case:
                self.assertEqual(got["errorMessage"], case["error_message"], got)
        else:
            self.assertEqual(r.returncode, 0, r.stderr)
            self.assertTrue(matches(case["response"], got), "event %s: got %s, want %s" % (event, got, case["response"]))
        self.assertIn("REPORT RequestId:", r.stderr)


if __name__ == "__main__":
    unittest.main(verbosity=2)
