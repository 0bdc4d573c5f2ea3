"""Diagnostics tests: `ruchy check` on each bad program must print exactly NAME.expected.

Each NAME.expected holds the full stderr (messages, source lines, carets, the count); the
exit code must be 1. A file whose first line is `// ruchy-module: ...` is a module file that
another program here uses, not a case of its own. Run `bazel test //ruchy_frontend/tests/diagnostics`.
"""
import os
import subprocess
import sys
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))


def is_module_file(name):
    with open(os.path.join(HERE, name), encoding="utf-8") as f:
        return f.readline().startswith("// ruchy-module:")


class DiagnosticsTest(unittest.TestCase):
    def test_every_program(self):
        compiler = sys.argv[1] if len(sys.argv) > 1 else os.environ["RUCHY"]
        cases = sorted(f[:-len(".ruchy")] for f in os.listdir(HERE) if f.endswith(".ruchy") and not is_module_file(f))
        self.assertGreaterEqual(len(cases), 20)
        for case in cases:
            with self.subTest(case=case):
                rel = "ruchy_frontend/tests/diagnostics/%s.ruchy" % case
                with open(os.path.join(HERE, case + ".ruchy"), encoding="utf-8") as f:
                    first = f.readline()
                # `// ruchy-flags: --handler` on the first line: checked as a Lambda handler file.
                flags = first.split(":", 1)[1].split() if first.startswith("// ruchy-flags:") else []
                proc = subprocess.run([compiler, "check", "--no-color"] + flags + [rel], capture_output=True, text=True)
                with open(os.path.join(HERE, case + ".expected")) as f:
                    want = f.read()
                self.assertEqual(proc.returncode, 1, proc.stderr)
                self.assertEqual(proc.stderr, want)
                self.assertEqual(proc.stdout, "")


if __name__ == "__main__":
    compiler = os.path.abspath(sys.argv.pop(1))
    sys.argv[1:1] = []
    os.environ["RUCHY"] = compiler
    unittest.main()
