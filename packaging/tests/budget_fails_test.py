"""A size budget that is exceeded must fail, with the message that names the artifact."""

import re
import subprocess
import sys
import unittest

INNER = sys.argv.pop(1)


class BudgetFails(unittest.TestCase):
    def test_exceeded_budget_fails_with_the_sizes(self):
        proc = subprocess.run([INNER], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        self.assertEqual(proc.returncode, 1, proc.stdout + proc.stderr)
        self.assertRegex(proc.stderr, re.compile(r"^bootstrap \(x86_64\): \d+ bytes > budget 1000 ", re.M))


if __name__ == "__main__":
    unittest.main(verbosity=2)
