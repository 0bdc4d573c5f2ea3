"""Two functions in one package: each NAME_invoke target runs its own function, and `:serve`
serves both from one emulator, each under its own name."""

import json
import os
import re
import subprocess
import sys
import tempfile
import time
import unittest
import urllib.error
import urllib.request

FIRST, SECOND, SERVE = sys.argv[1:4]
del sys.argv[1:4]


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

    def test_serve_answers_for_every_function_by_name(self):
        log_path = os.path.join(tempfile.mkdtemp(dir=os.environ.get("TEST_TMPDIR")), "serve.log")
        with open(log_path, "w") as log:  # A file, not a pipe: nobody would drain a pipe.
            server = subprocess.Popen([SERVE, "--port", "0"], stderr=log)
        try:
            port = None
            for _ in range(6000):  # Bounded: at most a minute for the first line.
                with open(log_path) as log:
                    match = re.search(r"Invoke API on http://127.0.0.1:(\d+)", log.read())
                if match or server.poll() is not None:
                    break
                time.sleep(0.01)
            self.assertIsNotNone(match, open(log_path).read())
            port = int(match.group(1))

            def invoke(name, event):
                url = "http://127.0.0.1:%d/2015-03-31/functions/%s/invocations" % (port, name)
                request = urllib.request.Request(url, data=event.encode(), method="POST")
                with urllib.request.urlopen(request, timeout=120) as response:
                    return json.loads(response.read())

            self.assertEqual(invoke("first", "{}"), {"function": "first"})
            self.assertEqual(invoke("second", '{"n": 3}'), {"function": "second", "n": 3})
            with self.assertRaises(urllib.error.HTTPError) as unknown:
                invoke("third", "{}")
            self.assertEqual(unknown.exception.code, 404)
            self.assertEqual(unknown.exception.headers["x-amzn-ErrorType"], "ResourceNotFoundException")
        finally:
            server.terminate()
            self.assertEqual(server.wait(timeout=60), 0)


if __name__ == "__main__":
    unittest.main(verbosity=2)
