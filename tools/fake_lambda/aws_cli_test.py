"""fake_lambda as users drive it: Debian's aws CLI with --endpoint-url, real zips of the echo
fixture for both architectures (arm64 runs under qemu), and broken commands that must fail with
Lambda's error (the CLI exits 254 and prints "An error occurred (TYPE) ...")."""

import base64
import json
import os
import re
import subprocess
import sys
import tempfile
import unittest
import zipfile

FAKE = os.path.abspath(sys.argv[1])
ZIP_ARM64 = os.path.abspath(sys.argv[2])
ZIP_X86_64 = os.path.abspath(sys.argv[3])
del sys.argv[1:4]
ROLE = "arn:aws:iam::123456789012:role/lambda-test"
SERVICE_ERROR = 254  # aws CLI v2: the service answered with an error


class AwsCli(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(dir=os.environ.get("TEST_TMPDIR"))
        cls.proc = subprocess.Popen([FAKE, "--port", "0"], stdout=subprocess.PIPE, text=True)
        line = cls.proc.stdout.readline()
        cls.endpoint = re.search(r"listening on (http://127.0.0.1:\d+)", line).group(1)
        cls.env = dict(os.environ, HOME=cls.tmp, AWS_ACCESS_KEY_ID="AKIDEXAMPLE", AWS_SECRET_ACCESS_KEY="secret",
                       AWS_DEFAULT_REGION="us-east-1", AWS_EC2_METADATA_DISABLED="true", AWS_PAGER="",
                       AWS_CONFIG_FILE=os.path.join(cls.tmp, "none"),
                       AWS_SHARED_CREDENTIALS_FILE=os.path.join(cls.tmp, "none"))

    @classmethod
    def tearDownClass(cls):
        cls.proc.terminate()
        assert cls.proc.wait(timeout=60) == 0

    def aws(self, *args, region=None):
        cmd = ["/usr/bin/aws", "--endpoint-url", self.endpoint] + (["--region", region] if region else []) + ["lambda"]
        return subprocess.run(cmd + list(args), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                              env=self.env, timeout=300)

    def ok(self, *args):
        r = self.aws(*args)
        self.assertEqual(r.returncode, 0, r.stderr)
        return json.loads(r.stdout) if r.stdout.strip() else None

    def fails(self, error_type, message, *args, region=None):
        r = self.aws(*args, region=region)
        self.assertEqual(r.returncode, SERVICE_ERROR, r.stdout + r.stderr)
        self.assertIn("An error occurred (%s)" % error_type, r.stderr)
        self.assertIn(message, r.stderr)

    def create(self, name, zip_path, *extra):
        return ["create-function", "--function-name", name, "--runtime", "provided.al2023", "--handler", "bootstrap",
                "--role", ROLE, "--zip-file", "fileb://" + zip_path] + list(extra)

    def invoke(self, name, payload):
        out = os.path.join(self.tmp, name + ".out")
        meta = self.ok("invoke", "--function-name", name, "--payload", payload, "--cli-binary-format",
                       "raw-in-base64-out", "--log-type", "Tail", out)
        with open(out) as f:
            return meta, f.read()

    def zip_with(self, name, entries):
        path = os.path.join(self.tmp, name)
        with zipfile.ZipFile(path, "w") as z:
            for entry_name, mode in entries:
                info = zipfile.ZipInfo(entry_name)
                info.external_attr = (0o100000 | mode) << 16
                info.create_system = 3
                z.writestr(info, "#!/bin/sh\n")
        return path

    def test_deploy_update_and_invoke_both_architectures(self):
        config = self.ok(*self.create("echo", ZIP_ARM64, "--architectures", "arm64"))
        self.assertEqual(config["Architectures"], ["arm64"])
        with open(ZIP_ARM64, "rb") as f:
            zip_bytes = f.read()
        self.assertEqual(config["CodeSize"], len(zip_bytes))
        digest = subprocess.run(["sha256sum", ZIP_ARM64], stdout=subprocess.PIPE, text=True).stdout.split()[0]
        self.assertEqual(base64.b64decode(config["CodeSha256"]).hex(), digest)
        self.ok("wait", "function-active-v2", "--function-name", "echo")

        meta, body = self.invoke("echo", '{"on":"graviton"}')  # the arm64 bootstrap, under qemu
        self.assertEqual(body, '{"on":"graviton"}')
        self.assertEqual(meta["StatusCode"], 200)
        self.assertNotIn("FunctionError", meta)
        self.assertIn("REPORT RequestId:", base64.b64decode(meta["LogResult"]).decode())

        config = self.ok("update-function-code", "--function-name", "echo", "--zip-file", "fileb://" + ZIP_X86_64,
                         "--architectures", "x86_64")
        self.assertEqual(config["Architectures"], ["x86_64"])
        self.ok("wait", "function-updated-v2", "--function-name", "echo")
        self.assertEqual(self.invoke("echo", '{"on":"x86_64"}')[1], '{"on":"x86_64"}')

        state = self.ok("get-function-configuration", "--function-name", "echo", "--query",
                        "[State, LastUpdateStatus, Runtime, Handler]")
        self.assertEqual(state, ["Active", "Successful", "provided.al2023", "bootstrap"])
        self.ok("delete-function", "--function-name", "echo")
        self.fails("ResourceNotFoundException", "Function not found: arn:aws:lambda:us-east-1:123456789012:function:echo",
                   "get-function", "--function-name", "echo")

    def test_a_zip_for_the_other_architecture_fails_its_invokes(self):
        # --architectures left out: Lambda makes an x86_64 function, and the arm64 bootstrap cannot run.
        self.ok(*self.create("wrong-arch", ZIP_ARM64))
        meta, body = self.invoke("wrong-arch", "{}")
        self.assertEqual(meta["FunctionError"], "Unhandled")
        error = json.loads(body)
        self.assertEqual(error["errorType"], "Runtime.InvalidEntrypoint")
        self.assertIn("exec format error (the function is x86_64, its bootstrap arm64)", error["errorMessage"])

    def test_broken_deploy_commands_fail_as_on_lambda(self):
        self.fails("InvalidParameterValueException", "Value provided.al2024 at 'runtime' failed to satisfy constraint",
                   *[a.replace("provided.al2023", "provided.al2024") for a in self.create("f1", ZIP_ARM64)])
        self.fails("ValidationException", "Value '[arm]' at 'architectures' failed to satisfy constraint",
                   *self.create("f2", ZIP_ARM64, "--architectures", "arm"))
        self.fails("ValidationException", "Value 'arn:aws:iam::ACCOUNT:role/ROLE' at 'role' failed to satisfy",
                   *[a.replace(ROLE, "arn:aws:iam::ACCOUNT:role/ROLE") for a in self.create("f3", ZIP_ARM64)])
        no_handler = self.create("f4", ZIP_ARM64)
        del no_handler[5:7]
        self.fails("InvalidParameterValueException", "Runtime and Handler are mandatory parameters", *no_handler)
        self.fails("InvalidParameterValueException", "The zip has no bootstrap at its root (it holds: main.sh)",
                   *self.create("f5", self.zip_with("nobootstrap.zip", [("main.sh", 0o755)])))
        self.fails("InvalidParameterValueException", "bootstrap has mode 0644 in the zip",
                   *self.create("f6", self.zip_with("notexec.zip", [("bootstrap", 0o644)])))
        # The CLI reads the zip's central directory before sending it; a zip whose local header is
        # damaged gets through, and Lambda (and the fake) cannot unpack it.
        damaged = self.zip_with("damaged.zip", [("bootstrap", 0o755)])
        with open(damaged, "r+b") as f:
            f.write(b"XXXX")  # the first local header's signature
        self.fails("InvalidParameterValueException", "Could not unzip uploaded file",
                   *self.create("f7", damaged))
        self.fails("ResourceNotFoundException", "Function not found", "update-function-code", "--function-name",
                   "never-created", "--zip-file", "fileb://" + ZIP_ARM64)
        self.fails("InvalidSignatureException", "Credential should be scoped to a valid region, not 'eu-west-1'",
                   *self.create("f8", ZIP_ARM64), region="eu-west-1")
        listed = self.ok("list-functions", "--query", "Functions[].FunctionName")
        self.assertFalse(set(listed) & {"f1", "f2", "f3", "f4", "f5", "f6", "f7", "f8"})

    def test_second_create_conflicts(self):
        self.ok(*self.create("twice", ZIP_X86_64, "--architectures", "x86_64"))
        self.fails("ResourceConflictException", "Function already exist: twice",
                   *self.create("twice", ZIP_X86_64, "--architectures", "x86_64"))

    def test_unsigned_requests_are_refused(self):
        r = subprocess.run(["curl", "-sS", "-i", self.endpoint + "/2015-03-31/functions/"], stdout=subprocess.PIPE,
                           text=True, timeout=60)
        self.assertIn("HTTP/1.1 403", r.stdout)
        self.assertIn("x-amzn-ErrorType: MissingAuthenticationTokenException", r.stdout)

    def test_invoke_payload_over_6_mb_is_413(self):
        self.ok(*self.create("big", ZIP_X86_64, "--architectures", "x86_64"))
        payload = os.path.join(self.tmp, "big.json")
        with open(payload, "w") as f:
            f.write('"' + "x" * (6 * 1024 * 1024) + '"')
        self.fails("RequestEntityTooLargeException",
                   "Request must be smaller than 6291456 bytes for the InvokeFunction operation",
                   "invoke", "--function-name", "big", "--payload", "fileb://" + payload, os.path.join(self.tmp, "o"))


if __name__ == "__main__":
    unittest.main(verbosity=2)
