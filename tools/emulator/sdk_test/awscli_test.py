"""tools/emulator as Debian's AWS CLI (/usr/bin/aws, awscli 2.9) sees it: `aws lambda invoke`
against one emulator serving several functions. That CLI predates InvokeWithResponseStream; the
SDK test (sdk_test.js) covers streaming."""

import base64
import json
import os
import re
import subprocess
import tempfile
import time
import unittest
import urllib.request

EMULATOR = os.environ["EMULATOR"]
FIXTURES = ["echo", "context", "fail", "sleep"]
MAX_PENDING_INVOKES = 64  # tools/emulator/limits.h kMaxPendingInvokes
MAX_INVOKE_REQUEST_BYTES = 6 * 1024 * 1024  # kMaxInvokeRequestBytes
# How the CLI reports an error answer (it adds the retry count: AWS_MAX_ATTEMPTS=1 below).
CLI_ERROR = r"An error occurred \(%s\) when calling the Invoke operation( \(reached max retries: 0\))?: "


class AwsCliTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        args = [EMULATOR, "--port", "0"]
        for name in FIXTURES:
            args += ["--function", "%s=%s" % (name, os.environ["FIXTURE_" + name.upper()])]
        cls.tmp = tempfile.mkdtemp(dir=os.environ["TEST_TMPDIR"])
        # The emulator's log goes to a file: a pipe nobody drains would fill and stall it.
        cls.log_path = os.path.join(cls.tmp, "emulator.log")
        with open(cls.log_path, "w") as log:
            cls.server = subprocess.Popen(args, stderr=log)
        cls.port = None
        for _ in range(6000):  # Bounded: at most a minute for the first line.
            with open(cls.log_path) as log:
                match = re.search(r"Invoke API on http://127.0.0.1:(\d+)", log.read())
            if match:
                cls.port = int(match.group(1))
                break
            if cls.server.poll() is not None:
                break
            time.sleep(0.01)
        if cls.port is None:
            raise RuntimeError("the emulator did not start:\n" + open(cls.log_path).read())
        cls.env = dict(os.environ, HOME=cls.tmp, AWS_ACCESS_KEY_ID="test", AWS_SECRET_ACCESS_KEY="test",
                       AWS_DEFAULT_REGION="us-east-1", AWS_EC2_METADATA_DISABLED="true", AWS_PAGER="",
                       AWS_MAX_ATTEMPTS="1", AWS_CONFIG_FILE="/dev/null", AWS_SHARED_CREDENTIALS_FILE="/dev/null")

    @classmethod
    def tearDownClass(cls):
        cls.server.terminate()
        cls.server.wait(timeout=60)

    def aws(self, *args, payload=None, payload_file=None):
        """Runs `aws lambda invoke`; returns (exit code, parsed stdout or None, stderr, response file text)."""
        out = os.path.join(self.tmp, "out")
        if os.path.exists(out):
            os.remove(out)
        cmd = ["/usr/bin/aws", "lambda", "invoke", "--endpoint-url", "http://127.0.0.1:%d" % self.port,
               "--cli-binary-format", "raw-in-base64-out"] + list(args)
        if payload is not None:
            cmd += ["--payload", payload]
        if payload_file is not None:
            cmd += ["--payload", "fileb://" + payload_file]
        r = subprocess.run(cmd + [out], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=self.env,
                           timeout=300)
        body = None
        if os.path.exists(out):
            with open(out) as f:
                body = f.read()
        return r.returncode, (json.loads(r.stdout) if r.returncode == 0 else None), r.stderr, body

    def test_request_response(self):
        code, meta, err, body = self.aws("--function-name", "echo", payload='{"via":"aws"}')
        self.assertEqual(code, 0, err)
        self.assertEqual(meta, {"StatusCode": 200, "ExecutedVersion": "$LATEST"})
        self.assertEqual(body, '{"via":"aws"}')

    def test_two_functions_by_name_and_arn(self):
        code, meta, err, body = self.aws("--function-name", "context", payload="{}")
        self.assertEqual(code, 0, err)
        self.assertEqual(json.loads(body)["function_name"], "context")
        code, meta, err, body = self.aws(
            "--function-name", "arn:aws:lambda:us-east-1:123456789012:function:echo:$LATEST", payload='"arn"')
        self.assertEqual(code, 0, err)
        self.assertEqual(body, '"arn"')

    def test_unknown_function_is_resource_not_found(self):
        code, meta, err, body = self.aws("--function-name", "nobody", payload="{}")
        self.assertNotEqual(code, 0)
        self.assertRegex(err, CLI_ERROR % "ResourceNotFoundException" +
                         "Function not found: arn:aws:lambda:us-east-1:123456789012:function:nobody\n")

    def test_event_and_dry_run(self):
        code, meta, err, _ = self.aws("--function-name", "echo", "--invocation-type", "Event", payload="{}")
        self.assertEqual(code, 0, err)
        self.assertEqual(meta["StatusCode"], 202)
        code, meta, err, _ = self.aws("--function-name", "echo", "--invocation-type", "DryRun", payload="{}")
        self.assertEqual(code, 0, err)
        self.assertEqual(meta["StatusCode"], 204)

    def test_log_tail(self):
        code, meta, err, _ = self.aws("--function-name", "echo", "--log-type", "Tail", payload="1")
        self.assertEqual(code, 0, err)
        logs = base64.b64decode(meta["LogResult"]).decode()
        self.assertRegex(logs, r"END RequestId: [0-9a-f-]{36}\nREPORT RequestId: [0-9a-f-]{36}\tDuration: ")

    def test_client_context(self):
        context = {"custom": {"tenant": "acme"}}
        encoded = base64.b64encode(json.dumps(context).encode()).decode()
        code, meta, err, body = self.aws("--function-name", "context", "--client-context", encoded, payload="{}")
        self.assertEqual(code, 0, err)
        self.assertEqual(json.loads(body)["client_context"], context)

    def test_function_error(self):
        code, meta, err, body = self.aws("--function-name", "fail", payload='"bad"')
        self.assertEqual(code, 0, err)
        self.assertEqual(meta["FunctionError"], "Unhandled")
        error = json.loads(body)
        self.assertEqual((error["errorType"], error["errorMessage"]), ("FixtureError", '"bad"'))

    def test_too_large(self):
        big = os.path.join(self.tmp, "big.json")
        with open(big, "w") as f:
            f.write('"' + "x" * (MAX_INVOKE_REQUEST_BYTES - 1) + '"')
        code, meta, err, _ = self.aws("--function-name", "echo", payload_file=big)
        self.assertNotEqual(code, 0)
        self.assertRegex(err, CLI_ERROR % "RequestEntityTooLargeException" +
                         "Request must be smaller than 6291456 bytes for the InvokeFunction operation\n")

    def test_throttled_past_the_pending_limit(self):
        # One slow invoke runs and the rest wait, so the queue fills without timing assumptions.
        # Filled over plain HTTP: 64 CLI processes would take minutes on a busy machine.
        url = "http://127.0.0.1:%d/2015-03-31/functions/sleep/invocations" % self.port
        for _ in range(MAX_PENDING_INVOKES):
            request = urllib.request.Request(url, data=b"60000", method="POST",
                                             headers={"X-Amz-Invocation-Type": "Event"})
            with urllib.request.urlopen(request, timeout=60) as response:
                self.assertEqual(response.status, 202)
        code, meta, err, _ = self.aws("--function-name", "sleep", payload="1")
        self.assertNotEqual(code, 0)
        self.assertRegex(err, CLI_ERROR % "TooManyRequestsException" + r"Rate Exceeded\.\n")


if __name__ == "__main__":
    unittest.main(verbosity=2)
