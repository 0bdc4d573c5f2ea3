"""Two functions in one package: each NAME_invoke target runs its own function."""

import json
import subprocess
import sys
import unittest

FIRST, SECOND = sys.argv[1:3]
del sys.argv[1:3]


def invoke(target, event):
    r = subprocess.run([target, event], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, timeout=120)
    return r.returncode, r.stdout, r.stderr


class TwoFunctions(unittest.TestCase):
    def test_each_invoke_target_runs_its_function(self):
        code, out, err = invoke(FIRST, "{}")
        self.assertEqual(code, 0, err)
        self.assertEqual(json.loads(out), {"function": "first"})
        self.assertIn("REPORT RequestId:", err)
        code, out, err = invoke(SECOND, '{"n": 7}')
        self.assertEqual(code, 0, err)
        self.assertEqual(json.loads(out), {"function": "second", "n": 7})


if __name__ == "__main__":
    unittest.main(verbosity=2)
