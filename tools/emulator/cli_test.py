"""The emulator's command line, run as a user runs it: --once for scripts, server mode for curl
and the AWS CLI (here Python's urllib sends the same request), --help and bad flags."""

import base64
import json
import os
import re
import resource
import signal
import socket
import subprocess
import sys
import time
import unittest
import urllib.request

EMULATOR = os.path.abspath(sys.argv.pop(1))
FAKE = os.path.abspath(sys.argv.pop(1))
with open(EMULATOR, "rb") as binary:
    UNDER_ASAN = b"AddressSanitizer" in binary.read()


def run(*args, **kwargs):
    return subprocess.run([EMULATOR] + list(args), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                          timeout=60, **kwargs)


def process_alive(pid):
    """True while PID runs (a zombie waiting for its new parent to reap it counts as gone)."""
    try:
        with open("/proc/%d/stat" % pid) as f:
            fields = f.read().rsplit(")", 1)
    except OSError:  # Gone (or going: the kernel may refuse the read while it tears it down).
        return False
    return len(fields) == 2 and fields[1].split()[:1] != ["Z"]


class CommandLine(unittest.TestCase):
    def test_once_prints_the_response_and_report(self):
        r = run("--bootstrap", FAKE, "--once", '{"name":"x"}', "--", "echo")
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(r.stdout, '{"name":"x"}\n')
        self.assertRegex(r.stderr, r"REPORT RequestId: \S+\tDuration: [0-9.]+ ms\tBilled Duration: \d+ ms\t"
                                   r"Memory Size: 128 MB\tMax Memory Used: \d+ MB\tInit Duration: [0-9.]+ ms")

    def test_once_exits_1_when_the_invoke_fails(self):
        r = run("--bootstrap", FAKE, "--once", "crash", "--", "crash")
        self.assertEqual(r.returncode, 1)
        self.assertIn('"errorType":"Runtime.ExitError"', r.stdout)

    def test_once_refuses_an_event_over_6_mb_as_the_invoke_api_does(self):
        limit = 6 * 1024 * 1024  # Lambda's invoke request limit, 6291456 bytes
        path = os.path.join(os.environ["TEST_TMPDIR"], "big.json")
        for size in (limit, limit + 1):
            with open(path, "w") as f:
                f.write('"' + "x" * (size - 2) + '"')
            r = run("--bootstrap", FAKE, "--once", "@" + path, "--", "echo")
            if size == limit:
                self.assertEqual(r.returncode, 0, r.stderr[-2000:])
                self.assertEqual(len(r.stdout), limit + 1)  # the echo and a newline
                continue
            self.assertEqual(r.returncode, 1)
            message = "Request must be smaller than 6291456 bytes for the InvokeFunction operation"
            self.assertEqual(json.loads(r.stdout), {"Type": "User", "message": message})
            self.assertIn("413 RequestEntityTooLargeException: " + message + " (the event is 6291457 bytes)", r.stderr)
            self.assertNotIn("START RequestId", r.stderr)  # the function never ran

    def test_relative_paths_resolve_against_build_working_directory(self):
        folder = os.path.dirname(FAKE)
        env = dict(os.environ, BUILD_WORKING_DIRECTORY=folder)
        with open(os.path.join(os.environ["TEST_TMPDIR"], "event.json"), "w") as f:
            f.write('{"from":"file"}')
        r = run("--bootstrap", os.path.basename(FAKE), "--once", "@" + f.name, "--", "echo", env=env)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(r.stdout, '{"from":"file"}\n')

    def test_help_and_bad_flags(self):
        r = run("--help")
        self.assertEqual(r.returncode, 0)
        self.assertIn("--bootstrap PATH", r.stdout)
        self.assertIn("--framing MODE", r.stdout)
        for args, message in [
            ([], "--bootstrap PATH (or --function NAME=PATH) is required"),
            (["--bootstrap", FAKE, "--timeout", "0"], "--timeout takes a whole number from 1 to 900"),
            (["--bootstrap", FAKE, "--framing", "smoke"], "--framing takes content-length"),
            (["--bootstrap", "/nonexistent"], "is not an executable file"),
            (["--bootstrap", FAKE, "--what"], "unknown option --what"),
            (["--function", "fn"], "--function takes NAME=BOOTSTRAP, not 'fn'"),
            (["--function", "=" + FAKE], "--function takes NAME=BOOTSTRAP"),
            (["--function", "fn="], "--function takes NAME=BOOTSTRAP"),
            (["--function", "fn=/nonexistent"], "bootstrap /nonexistent is not an executable file"),
            (["--function", "fn=" + FAKE, "--bootstrap", FAKE], "give either --bootstrap or --function, not both"),
            (["--function", "fn=" + FAKE, "--once", "{}"], "--once runs one bootstrap: use --bootstrap"),
            (["--function", "fn=" + FAKE, "--runtime-api-port", "9001"], "every function gets a free Runtime API port"),
        ]:
            r = run(*args)
            self.assertEqual(r.returncode, 2, args)
            self.assertIn(message, r.stderr)

    def start_server(self, mode):
        proc = subprocess.Popen([EMULATOR, "--bootstrap", FAKE, "--port", "0", "--runtime-api-port", "0", "--", mode],
                                stderr=subprocess.PIPE, text=True)
        self.server = proc
        self.addCleanup(proc.wait, 30)
        self.addCleanup(proc.terminate)
        line = proc.stderr.readline()
        return int(re.search(r"Invoke API on http://127.0.0.1:(\d+)", line).group(1))

    def test_curl_invokes(self):
        port = self.start_server("echo")
        url = "http://127.0.0.1:%d/2015-03-31/functions/function/invocations" % port
        r = subprocess.run(["/usr/bin/curl", "-sS", "-d", '{"via":"curl"}', url], stdout=subprocess.PIPE,
                           stderr=subprocess.PIPE, text=True, timeout=60)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(r.stdout, '{"via":"curl"}')

    def test_aws_cli_invokes(self):
        port = self.start_server("crash")
        tmp = os.environ["TEST_TMPDIR"]
        env = dict(os.environ, HOME=tmp, AWS_ACCESS_KEY_ID="test", AWS_SECRET_ACCESS_KEY="test",
                   AWS_DEFAULT_REGION="us-east-1", AWS_EC2_METADATA_DISABLED="true", AWS_PAGER="")

        def aws_invoke(payload, out):
            r = subprocess.run(
                ["/usr/bin/aws", "lambda", "invoke", "--endpoint-url", "http://127.0.0.1:%d" % port,
                 "--function-name", "function", "--payload", payload, "--cli-binary-format", "raw-in-base64-out",
                 "--log-type", "Tail", out],
                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, timeout=120)
            self.assertEqual(r.returncode, 0, r.stderr)
            return json.loads(r.stdout)

        out = os.path.join(tmp, "ok.json")
        meta = aws_invoke('{"via":"aws"}', out)
        self.assertEqual(meta["StatusCode"], 200)
        self.assertEqual(meta["ExecutedVersion"], "$LATEST")
        self.assertNotIn("FunctionError", meta)
        self.assertIn("REPORT RequestId:", base64.b64decode(meta["LogResult"]).decode())
        with open(out) as f:
            self.assertEqual(f.read(), '{"via":"aws"}')

        meta = aws_invoke('"crash"', os.path.join(tmp, "crash.json"))
        self.assertEqual(meta["FunctionError"], "Unhandled")

    def test_the_runtime_dies_with_a_killed_emulator(self):
        proc = subprocess.Popen([EMULATOR, "--bootstrap", FAKE, "--port", "0", "--runtime-api-port", "0", "--", "pid"],
                                stderr=subprocess.PIPE, text=True)
        self.addCleanup(proc.stderr.close)
        port = int(re.search(r"Invoke API on http://127.0.0.1:(\d+)", proc.stderr.readline()).group(1))
        url = "http://127.0.0.1:%d/2015-03-31/functions/function/invocations" % port
        with urllib.request.urlopen(urllib.request.Request(url, data=b"{}", method="POST"), timeout=30) as response:
            runtime_pid = int(response.read())
        # Kill the emulator only once the runtime has its answer and hangs (a runtime that was still
        # reading the 202 would die of the broken connection, not of the emulator's death).
        for line in iter(proc.stderr.readline, ""):
            if "fake_runtime: hanging" in line:
                break
        self.assertTrue(process_alive(runtime_pid))
        # SIGKILL: no handler runs, no SIGTERM is forwarded. The kernel must take the runtime along.
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
        for _ in range(3000):
            if not process_alive(runtime_pid):
                return
            time.sleep(0.01)
        os.kill(runtime_pid, signal.SIGKILL)
        self.fail("the runtime (pid %d) outlived the emulator" % runtime_pid)

    @unittest.skipIf(UNDER_ASAN, "ASan reserves terabytes of address space: no RLIMIT_AS under it")
    def test_running_out_of_threads_refuses_connections_and_never_aborts(self):
        port = self.start_server("echo")
        proc = self.server
        url = "http://127.0.0.1:%d/2015-03-31/functions/function/invocations" % port

        def invoke():
            with urllib.request.urlopen(urllib.request.Request(url, data=b"{}", method="POST"), timeout=30) as r:
                return r.read()

        self.assertEqual(invoke(), b"{}")  # The runtime runs; now starve the emulator of threads.
        with open("/proc/%d/status" % proc.pid) as f:
            vm_kb = int(re.search(r"VmSize:\s+(\d+) kB", f.read()).group(1))
        # Room for a few 8 MB thread stacks, not for one per connection below.
        resource.prlimit(proc.pid, resource.RLIMIT_AS, ((vm_kb + 48 * 1024) * 1024, resource.RLIM_INFINITY))
        clients = []
        refused = 0
        try:
            for _ in range(40):  # Each half-sent request holds its connection's thread.
                c = socket.create_connection(("127.0.0.1", port), timeout=30)
                c.sendall(b"POST /2015-03-31/functions/function/invocations HTTP/1.1\r\nHost: x\r\n")
                clients.append(c)
            for c in clients:
                c.settimeout(0.2)
                try:
                    refused += c.recv(64).startswith(b"HTTP/1.1 429 ")
                except (socket.timeout, ConnectionError):
                    pass
        finally:
            for c in clients:
                c.close()
            resource.prlimit(proc.pid, resource.RLIMIT_AS, (resource.RLIM_INFINITY, resource.RLIM_INFINITY))
        self.assertIsNone(proc.poll(), "the emulator died when it ran out of threads")
        self.assertGreater(refused, 0, "no connection was refused: the limit did not bite")
        self.assertEqual(invoke(), b"{}")

    def test_server_mode_serves_invokes(self):
        proc = subprocess.Popen([EMULATOR, "--bootstrap", FAKE, "--port", "0", "--runtime-api-port", "0", "--", "echo"],
                                stderr=subprocess.PIPE, text=True)
        try:
            line = proc.stderr.readline()
            port = int(re.search(r"Invoke API on http://127.0.0.1:(\d+)", line).group(1))
            for i in range(3):
                request = urllib.request.Request(
                    "http://127.0.0.1:%d/2015-03-31/functions/function/invocations" % port,
                    data=json.dumps({"i": i}).encode(), method="POST",
                    headers={"X-Amz-Log-Type": "Tail"})
                with urllib.request.urlopen(request, timeout=30) as response:
                    self.assertEqual(json.loads(response.read()), {"i": i})
                    logs = base64.b64decode(response.headers["X-Amz-Log-Result"]).decode()
                    self.assertIn("REPORT RequestId:", logs)
        finally:
            proc.terminate()
            self.assertEqual(proc.wait(timeout=30), 0)


if __name__ == "__main__":
    unittest.main(verbosity=2)
