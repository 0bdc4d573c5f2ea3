"""new_function as a user runs it (through its entry point, with Bazel's variables): the files it
writes, the labels it prints, and every refusal (bad names, existing packages and files, folders
outside the workspace), with nothing written when it refuses."""

import contextlib
import io
import json
import os
import tempfile
import unittest
from unittest import mock

import new_function


def run(args, cwd, workspace):
    out, err = io.StringIO(), io.StringIO()
    env = {"BUILD_WORKING_DIRECTORY": cwd, "BUILD_WORKSPACE_DIRECTORY": workspace}
    code = None
    with mock.patch.dict(os.environ, env), contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = new_function.main(args)
        except SystemExit as e:  # argparse's usage errors
            code = e.code
    return code, out.getvalue(), err.getvalue()


def listing(root):
    return sorted(os.path.relpath(os.path.join(d, f), root) for d, _, fs in os.walk(root) for f in fs)


class NewFunction(unittest.TestCase):
    def setUp(self):
        self.ws = tempfile.mkdtemp(dir=os.environ.get("TEST_TMPDIR"))
        open(os.path.join(self.ws, "WORKSPACE"), "w").close()

    def test_writes_a_package_named_after_the_function(self):
        code, out, err = run(["greet"], self.ws, self.ws)
        self.assertEqual(code, 0, err)
        self.assertEqual(listing(self.ws), ["WORKSPACE", "greet/BUILD.bazel", "greet/README.md", "greet/cases.json",
                                            "greet/greet.ruchy"])
        build = open(os.path.join(self.ws, "greet/BUILD.bazel")).read()
        self.assertIn('load("@ruchy_lambda//packaging:defs.bzl", "ruchy_lambda_function")', build)
        self.assertIn('name = "greet",\n    src = "greet.ruchy",\n    test_cases = "cases.json",', build)
        self.assertNotIn("@NAME@", build)
        handler = open(os.path.join(self.ws, "greet/greet.ruchy")).read()
        self.assertIn("fun handler(event: Json, ctx: Context) -> Result<Json, Error> {", handler)
        self.assertTrue(handler.startswith("// greet: a Lambda function in Ruchy."))
        cases = json.load(open(os.path.join(self.ws, "greet/cases.json")))
        self.assertEqual(cases[0], {"event": {"name": "Ada"}, "response": {"message": "Hello, Ada!"}})
        readme = open(os.path.join(self.ws, "greet/README.md")).read()
        self.assertIn("bazel test //greet:greet_test", readme)
        self.assertEqual(out.splitlines()[0],
                         "new_function: wrote greet/greet.ruchy, greet/BUILD.bazel, greet/cases.json, greet/README.md")
        self.assertIn("  bazel run //greet:greet_invoke -- '{\"name\":\"Ada\"}'", out)

    def test_dir_is_relative_to_where_bazel_ran_and_names_the_package(self):
        sub = os.path.join(self.ws, "services")
        os.makedirs(sub)
        code, out, err = run(["orders-api", "--dir", "lambda/orders"], sub, self.ws)
        self.assertEqual(code, 0, err)
        self.assertTrue(os.path.isfile(os.path.join(sub, "lambda/orders/orders-api.ruchy")))
        self.assertIn("bazel test //services/lambda/orders:orders-api_test", out)
        readme = open(os.path.join(sub, "lambda/orders/README.md")).read()
        self.assertIn("bazel build //services/lambda/orders:orders-api_zip //services/lambda/orders:orders-api_zip_x86_64",
                      readme)

    def test_the_workspace_root_is_a_package_too(self):
        code, out, err = run(["root_fn", "--dir", "."], self.ws, self.ws)
        self.assertEqual(code, 0, err)
        self.assertIn("bazel test //:root_fn_test", out)

    def test_bad_names_are_usage_errors(self):
        for name in ["", "has space", "slash/name", "x" * 65, "dot.name", "ünïcode"]:
            code, out, err = run([name], self.ws, self.ws)
            self.assertEqual(code, 2, name)
            self.assertIn("is not a Lambda function name", err)
        self.assertEqual(listing(self.ws), ["WORKSPACE"])

    def test_refuses_an_existing_package_and_says_how_to_add_a_function(self):
        os.makedirs(os.path.join(self.ws, "greet"))
        with open(os.path.join(self.ws, "greet/BUILD.bazel"), "w") as f:
            f.write("# mine\n")
        code, out, err = run(["second", "--dir", "greet"], self.ws, self.ws)
        self.assertEqual(code, 1)
        self.assertIn("already is a Bazel package (BUILD.bazel)", err)
        self.assertIn('ruchy_lambda_function(name = "second", src = "second.ruchy")', err)
        self.assertEqual(open(os.path.join(self.ws, "greet/BUILD.bazel")).read(), "# mine\n")
        self.assertEqual(listing(self.ws), ["WORKSPACE", "greet/BUILD.bazel"])

    def test_never_overwrites_a_file(self):
        os.makedirs(os.path.join(self.ws, "greet"))
        with open(os.path.join(self.ws, "greet/cases.json"), "w") as f:
            f.write("[]\n")
        code, out, err = run(["greet"], self.ws, self.ws)
        self.assertEqual(code, 1)
        self.assertIn("cases.json exists; nothing was written", err)
        self.assertEqual(listing(self.ws), ["WORKSPACE", "greet/cases.json"])

    def test_refuses_folders_outside_the_workspace(self):
        code, out, err = run(["greet", "--dir", "../elsewhere"], self.ws, self.ws)
        self.assertEqual(code, 1)
        self.assertIn("is outside the workspace", err)
        self.assertFalse(os.path.exists(os.path.join(os.path.dirname(self.ws), "elsewhere")))

    def test_refuses_to_run_outside_a_workspace(self):
        os.remove(os.path.join(self.ws, "WORKSPACE"))
        code, out, err = run(["greet"], self.ws, self.ws)
        self.assertEqual(code, 1)
        self.assertIn("is not a Bazel workspace", err)


if __name__ == "__main__":
    unittest.main(verbosity=2)
