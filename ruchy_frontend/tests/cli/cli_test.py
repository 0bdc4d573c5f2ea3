"""The `ruchy` command as users run it: transpile to a file, check, run (compiled with clang and
cached), exit codes, diagnostics format and colour, paths relative to BUILD_WORKING_DIRECTORY."""

import os
import subprocess
import sys
import tempfile
import unittest

RUCHY = os.path.abspath(sys.argv.pop(1))

HELLO = 'fun main() {\n    println(f"hello {1 + 2}")\n}\n'
FAILING = 'let v = [1]\nprintln(v[5])\n'
BAD = 'let x: i64 = "no"\n'


class CliTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        # One build cache for the whole class, as a user has one: the support library (about 20 s
        # of CPU) is compiled by the first `ruchy run` only. Programs are cached by their own key,
        # so each test still compiles its program.
        cls.cache = tempfile.mkdtemp(dir=os.environ.get("TEST_TMPDIR"))

    def setUp(self):
        self.dir = tempfile.mkdtemp(dir=os.environ.get("TEST_TMPDIR"))
        self.env = dict(os.environ, RUCHY_CACHE_DIR=self.cache)
        self.env.pop("BUILD_WORKING_DIRECTORY", None)

    def write(self, name, text):
        path = os.path.join(self.dir, name)
        with open(path, "w") as f:
            f.write(text)
        return path

    def ruchy(self, *args, env=None, cwd=None):
        return subprocess.run([RUCHY] + list(args), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                              env=env or self.env, cwd=cwd, timeout=600)

    def test_help_version_usage(self):
        self.assertEqual(self.ruchy("--help").returncode, 0)
        self.assertIn("ruchy transpile", self.ruchy("--help").stdout.replace("  transpile", "ruchy transpile"))
        self.assertRegex(self.ruchy("--version").stdout, r"^ruchy \d+\.\d+\.\d+")
        r = self.ruchy("frobnicate")
        self.assertEqual(r.returncode, 2)
        self.assertIn("unknown command `frobnicate`", r.stderr)
        self.assertEqual(self.ruchy("check").returncode, 2)

    def test_missing_file_is_exit_3(self):
        r = self.ruchy("check", os.path.join(self.dir, "nope.ruchy"))
        self.assertEqual(r.returncode, 3)
        self.assertIn("cannot read", r.stderr)

    def test_check_reports_file_line_column_without_colour(self):
        bad = self.write("bad.ruchy", BAD)
        r = self.ruchy("check", bad)
        self.assertEqual(r.returncode, 1)
        self.assertTrue(r.stderr.startswith(bad + ":1:14: error: mismatched types"), r.stderr)
        self.assertNotIn("\x1b[", r.stderr)  # not a terminal: no colour
        self.assertIn("\x1b[", self.ruchy("check", "--color", bad).stderr)

    def test_transpile_to_file_is_deterministic(self):
        src = self.write("hello.ruchy", HELLO)
        out1, out2 = os.path.join(self.dir, "a.cc"), os.path.join(self.dir, "b.cc")
        self.assertEqual(self.ruchy("transpile", src, "-o", out1).returncode, 0)
        self.assertEqual(self.ruchy("transpile", src, "-o", out2).returncode, 0)
        a, b = open(out1).read(), open(out2).read()
        self.assertEqual(a, b)
        self.assertIn('#line 1 "%s"' % src, a)

    def test_relative_paths_under_bazel_run(self):
        self.write("rel.ruchy", HELLO)
        env = dict(self.env, BUILD_WORKING_DIRECTORY=self.dir)
        r = self.ruchy("transpile", "rel.ruchy", "-o", "rel.cc", env=env, cwd="/")
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertTrue(os.path.exists(os.path.join(self.dir, "rel.cc")))

    def test_run_compiles_caches_and_propagates_exit_codes(self):
        src = self.write("hello.ruchy", HELLO)
        first = self.ruchy("run", "-v", src)
        self.assertEqual(first.returncode, 0, first.stderr)
        self.assertEqual(first.stdout, "hello 3\n")
        self.assertNotIn("ruchy run: cached", first.stderr)  # no other test runs this program
        second = self.ruchy("run", "-v", src)
        self.assertEqual(second.stdout, "hello 3\n")
        self.assertIn("ruchy run: cached", second.stderr)  # no compiler run the second time
        failing = self.write("failing.ruchy", FAILING)
        r = self.ruchy("run", failing)
        self.assertEqual(r.returncode, 1)
        self.assertEqual(r.stderr, "Error: index 5 out of range for length 1 (%s:2:1)\n" % failing)

    def test_run_links_the_unicode_tables(self):
        # unicode.cc and its generated tables are support sources `ruchy run` must compile too.
        src = self.write("upper.ruchy", 'println("straße".to_uppercase(), \'é\'.is_alphabetic(), " x ".trim())\n')
        r = self.ruchy("run", src)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(r.stdout, "STRASSE true x\n")

    def test_run_passes_arguments_after_the_file(self):
        src = self.write("args.ruchy", 'println("args ok")\n')
        r = self.ruchy("run", src, "--not-an-option-for-ruchy", "x")
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(r.stdout, "args ok\n")

    def write_program_of_three_files(self):
        self.write("main.ruchy", 'use util::greet\nmod geo;\nprintln(greet("modules"))\nprintln(geo::shapes::area(2, 3))\n')
        self.write("util.ruchy", 'pub fun greet(name: String) -> String {\n    f"hello {name}"\n}\n')
        self.write("geo.ruchy", "pub mod shapes;\n")
        os.makedirs(os.path.join(self.dir, "geo"), exist_ok=True)
        self.write("geo/shapes.ruchy", "pub fun area(w: i64, h: i64) -> i64 { w * h }\n")

    def test_run_program_of_several_files(self):
        # main.ruchy uses util.ruchy (next to it) and declares geo (geo.ruchy, geo/shapes.ruchy).
        self.write_program_of_three_files()
        r = self.ruchy("run", os.path.join(self.dir, "main.ruchy"))
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(r.stdout, "hello modules\n6\n")
        # A change to a module file is a new program, not a cached one.
        self.write("geo/shapes.ruchy", "pub fun area(w: i64, h: i64) -> i64 { w * h * 10 }\n")
        r = self.ruchy("run", os.path.join(self.dir, "main.ruchy"))
        self.assertEqual(r.stdout, "hello modules\n60\n")
        # Module files are found next to the program also under `bazel run` (relative paths).
        env = dict(self.env, BUILD_WORKING_DIRECTORY=self.dir)
        r = self.ruchy("check", "main.ruchy", env=env, cwd="/")
        self.assertEqual(r.returncode, 0, r.stderr)

    def test_module_files_keep_their_names_in_line_directives_and_errors(self):
        self.write_program_of_three_files()
        main = os.path.join(self.dir, "main.ruchy")
        r = self.ruchy("transpile", main)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn('#line 2 "%s"' % os.path.join(self.dir, "util.ruchy"), r.stdout)
        self.assertIn('#line 1 "%s"' % os.path.join(self.dir, "geo/shapes.ruchy"), r.stdout)
        self.write("util.ruchy", "pub fun greet(name: String) -> String {\n    let n: i64 = name\n    name\n}\n")
        r = self.ruchy("check", main)
        self.assertEqual(r.returncode, 1)
        self.assertTrue(r.stderr.startswith(os.path.join(self.dir, "util.ruchy") + ":2:"), r.stderr)
        os.remove(os.path.join(self.dir, "geo/shapes.ruchy"))
        r = self.ruchy("check", main)
        self.assertIn("module `geo::shapes` has no file: `%s` does not exist" % os.path.join(self.dir, "geo/shapes.ruchy"),
                      r.stderr)

    def test_runtime_error_names_the_module_file_and_line(self):
        self.write_program_of_three_files()
        self.write("util.ruchy", "pub fun greet(name: String) -> String {\n    let first = name.chars()[9]\n    name\n}\n")
        r = self.ruchy("run", os.path.join(self.dir, "main.ruchy"))
        self.assertEqual(r.returncode, 1, r.stderr)
        self.assertTrue(r.stderr.startswith("Error: index 9 out of range"), r.stderr)
        self.assertTrue(r.stderr.endswith("(%s:2:5)\n" % os.path.join(self.dir, "util.ruchy")), r.stderr)

    def test_dep_names_a_library(self):
        os.makedirs(os.path.join(self.dir, "lib"), exist_ok=True)
        self.write("lib/mathx.ruchy", "pub fun twice(x: i64) -> i64 { x * 2 }\nfun secret() -> i64 { 1 }\n")
        main = self.write("app.ruchy", "use mathx::twice\nprintln(twice(21))\n")
        dep = "mathx=" + os.path.join(self.dir, "lib/mathx.ruchy")
        r = self.ruchy("run", "--dep", dep, main)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(r.stdout, "42\n")
        private = self.write("private.ruchy", "println(mathx::secret())\n")
        r = self.ruchy("check", "--dep", dep, private)
        self.assertEqual(r.returncode, 1)
        self.assertIn("`mathx::secret` is private to module `mathx` (declared at %s:2)" % os.path.join(self.dir, "lib/mathx.ruchy"),
                      r.stderr)
        self.assertEqual(self.ruchy("check", "--dep", "mathx", main).returncode, 2)


if __name__ == "__main__":
    unittest.main(verbosity=2)
