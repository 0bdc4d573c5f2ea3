"""Smoke test of //stdlib/async:bench: a quick run prints the table with every mode and a ratio.

It checks that the benchmark runs as users run it (release binary, real sockets), not how fast
anything is: timings on a shared machine are not assertions."""
import re
import subprocess
import sys
import unittest

BENCH = sys.argv.pop(1)


class BenchSmokeTest(unittest.TestCase):
    def test_quick_run_prints_every_mode(self):
        out = subprocess.run([BENCH, "--quick", "--bytes=128"], check=True, capture_output=True, text=True,
                             timeout=120).stdout
        self.assertIn("500 round trips of 128 bytes", out)
        rows = re.findall(r"^\| (.+?) \| (\d+) \| (\d+)\.\.(\d+) \| (\d+\.\d\d) \|$", out, re.MULTILINE)
        self.assertEqual([r[0] for r in rows],
                         ["blocking (2 threads)", "async, 2 loops (2 threads)", "async, 1 loop (1 thread)"])
        self.assertEqual(rows[0][4], "1.00")  # The baseline against itself.
        for name, rate, lo, hi, _ in rows:
            self.assertGreater(int(rate), 0, name)

    def test_bad_flags_are_rejected(self):
        r = subprocess.run([BENCH, "--round-trips=0"], capture_output=True, text=True, timeout=60)
        self.assertEqual(r.returncode, 2)
        self.assertIn("--round-trips needs a positive integer", r.stderr)
        r = subprocess.run([BENCH, "--nope"], capture_output=True, text=True, timeout=60)
        self.assertEqual(r.returncode, 2)
        self.assertIn("usage:", r.stderr)


if __name__ == "__main__":
    unittest.main()
