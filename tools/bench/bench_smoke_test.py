"""The harness works end to end, with tiny counts (no timing is asserted: counts and shapes only).
Runs the driver against the echo fixture and the floor, each linked with glibc and with musl,
cold and warm."""

import json
import os
import subprocess
import sys
import unittest

DRIVER = os.path.abspath(sys.argv[1])
BOOTSTRAPS = [os.path.abspath(p) for p in sys.argv[2:]]  # echo and floor, glibc and musl
del sys.argv[1:]


def driver(*args):
    r = subprocess.run([DRIVER] + list(args), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, timeout=120)
    if r.returncode != 0:
        raise AssertionError(r.stderr)
    return json.loads(r.stdout)


class BenchSmokeTest(unittest.TestCase):
    def test_cold_samples(self):
        self.assertEqual(len(BOOTSTRAPS), 4)
        for bootstrap in BOOTSTRAPS:
            d = driver("cold", "--bootstrap", bootstrap, "--count", "3")
            self.assertEqual(len(d["init_ms"]), 3)
            self.assertEqual(len(d["first_response_ms"]), 3)
            self.assertTrue(all(v > 0 for v in d["init_ms"]))
            self.assertTrue(all(v > 0 for v in d["rss_kb"]))

    def test_warm_samples_all_sizes(self):
        for bootstrap in BOOTSTRAPS:
            for size in ("0", "1024", "102400", "1048576"):
                d = driver("warm", "--bootstrap", bootstrap, "--count", "5", "--size", size)
                self.assertEqual(len(d["latency_ms"]), 5)
                self.assertGreater(d["wall_s"], 0)

    def test_a_bootstrap_that_does_not_echo_is_refused(self):
        r = subprocess.run([DRIVER, "warm", "--bootstrap", "/bin/true", "--count", "1"], stdout=subprocess.PIPE,
                           stderr=subprocess.PIPE, text=True, timeout=120)
        self.assertNotEqual(r.returncode, 0)


if __name__ == "__main__":
    unittest.main(verbosity=2)
