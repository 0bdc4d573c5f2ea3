"""Proves that the C++ toolchains never see the host's headers or libraries.

Each argument is a JSON file written by toolchain_command_lines for one platform: the exact
compile and link command lines Bazel uses. The test runs them on probe sources and checks what the
compiler searched (-v) and what the linker opened (--trace).
"""

import glob
import json
import os
import re
import subprocess
import sys
import tempfile
import unittest

HOST_FORBIDDEN = ("/usr/include", "/usr/local", "/usr/lib/x86_64-linux-gnu", "/usr/lib/aarch64-linux-gnu", "/lib/")

PROBE = r"""
#include <cstdio>
#include <string>
#include <vector>
int main() {
  std::vector<std::string> v = {"probe"};
  std::printf("%s\n", v[0].c_str());
}
"""

# The environment Bazel gives actions (--incompatible_strict_action_env), plus the variables that
# would leak host paths into a careless compiler driver if they were set.
CLEAN_ENV = {"PATH": "/bin:/usr/bin", "LIBRARY_PATH": "", "CPATH": "", "CPLUS_INCLUDE_PATH": ""}


class ToolchainHermeticity(unittest.TestCase):
    configs = []

    def run_tool(self, cfg, args, expect_ok=True):
        proc = subprocess.run(
            [cfg["compiler"]] + args, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=CLEAN_ENV
        )
        if expect_ok:
            self.assertEqual(proc.returncode, 0, "%s failed:\n%s" % (cfg["cpu"], proc.stdout))
        return proc

    def allowed(self, cfg, path, extra=()):
        norm = os.path.normpath(path)
        roots = [os.path.normpath(cfg["sysroot"]), os.path.normpath(cfg["resource_dir"])] + list(extra)
        # The musl toolchains' runtimes, compiled by Bazel from pinned sources.
        roots += [os.path.normpath(os.path.dirname(lib)) for lib in cfg["runtime_libs"]]
        return any(norm == r or norm.startswith(r + "/") for r in roots)

    @staticmethod
    def runfiles_path(arg):
        """Bazel names built files by exec path (bazel-out/<config>/bin/PATH); here they are PATH."""
        m = re.match(r"^bazel-out/[^/]+/bin/(.*)$", arg)
        return m.group(1) if m else arg

    def sysroot_include(self, cfg):
        """The C library's include folder: usr/<triple>/include (glibc) or usr/include (musl)."""
        found = glob.glob(os.path.join(cfg["sysroot"], "usr", "*-linux-gnu", "include"))
        return found[0] if found else os.path.join(cfg["sysroot"], "usr", "include")

    def write_probe(self, tmp, text=PROBE, name="probe.cc"):
        path = os.path.join(tmp, name)
        with open(path, "w") as f:
            f.write(text)
        return path

    def test_include_search_list_holds_only_sysroot_and_resource_dir(self):
        for cfg in self.configs:
            with tempfile.TemporaryDirectory() as tmp:
                probe = self.write_probe(tmp)
                out = self.run_tool(cfg, cfg["compile_args"] + ["-v", "-E", probe, "-o", os.devnull]).stdout
                match = re.search(r"#include <\.\.\.> search starts here:\n(.*?)End of search list", out, re.S)
                self.assertIsNotNone(match, out)
                dirs = [line.strip() for line in match.group(1).splitlines() if line.strip()]
                self.assertGreaterEqual(len(dirs), 3, dirs)  # C++ library, compiler, C library
                for d in dirs:
                    self.assertTrue(self.allowed(cfg, d), "%s: include dir %s is outside the sysroot" % (cfg["cpu"], d))
                    self.assertFalse(os.path.abspath(d).startswith(HOST_FORBIDDEN), d)

    def test_host_only_header_is_not_found(self):
        for cfg in self.configs:
            sysroot_include = self.sysroot_include(cfg)
            host_only = sorted(
                os.path.basename(h)
                for h in glob.glob("/usr/include/*.h")
                if not os.path.exists(os.path.join(sysroot_include, os.path.basename(h)))
            )
            self.assertTrue(host_only, "the host has no header outside the sysroot, so nothing can be proven")
            header = "zlib.h" if "zlib.h" in host_only else host_only[0]
            with tempfile.TemporaryDirectory() as tmp:
                probe = self.write_probe(tmp, "#include <%s>\n" % header, "host_header.cc")
                proc = self.run_tool(cfg, cfg["compile_args"] + ["-fsyntax-only", probe], expect_ok=False)
                self.assertNotEqual(proc.returncode, 0, "%s: host header /usr/include/%s was found" % (cfg["cpu"], header))
                self.assertIn("'%s' file not found" % header, proc.stdout)

    def test_linker_opens_only_sysroot_files(self):
        for cfg in self.configs:
            with tempfile.TemporaryDirectory() as tmp:
                probe = self.write_probe(tmp)
                exe = os.path.join(tmp, "probe")
                link_args = [self.runfiles_path(a) for a in cfg["link_args"]]
                args = cfg["compile_args"] + [probe, "-o", exe] + link_args + ["-v", "-Wl,--trace"]
                out = self.run_tool(cfg, args).stdout
                # --trace prints each input file, and "archive.a(member.o)" for archive members.
                traced = [re.match(r"^(\S+?\.(?:o|a|so[.0-9]*))(?:\(.*\))?$", line.strip()) for line in out.splitlines()]
                opened = sorted({m.group(1) for m in traced if m})
                self.assertTrue(any(p.endswith("libc.a") for p in opened), out)
                for path in opened:
                    self.assertTrue(
                        self.allowed(cfg, path, extra=[os.path.normpath(tmp), os.path.normpath(tempfile.gettempdir()), "/tmp"]),
                        "%s: the linker opened %s, outside the sysroot" % (cfg["cpu"], path),
                    )
                for flag in re.findall(r'"-L([^"]+)"', out) + re.findall(r" -L(\S+)", out):
                    self.assertTrue(self.allowed(cfg, flag), "%s: library search path %s" % (cfg["cpu"], flag))
                desc = subprocess.run(["file", exe], stdout=subprocess.PIPE, text=True).stdout
                self.assertIn("statically linked", desc)
                # glibc's crt1.o brings the GNU ABI note; musl's does not: the right libc.a won.
                self.assertEqual("for GNU/Linux" in desc, not cfg["runtime_libs"], desc)


def main():
    paths = sys.argv[1:]
    sys.argv = sys.argv[:1]
    for path in paths:
        with open(path) as f:
            cfg = json.load(f)
        resource = [d for d in cfg["built_in_include_directories"] if d.startswith("/")]
        cfg["resource_dir"] = os.path.dirname(resource[0])
        # Archives the link names by path: the musl toolchains' runtimes (//toolchains/runtimes).
        cfg["runtime_libs"] = [
            ToolchainHermeticity.runfiles_path(a) for a in cfg["link_args"] if a.endswith(".a")
        ]
        ToolchainHermeticity.configs.append(cfg)
    if not ToolchainHermeticity.configs:
        sys.exit("usage: hermeticity_test.py CMDLINES.json...")
    unittest.main(verbosity=2)


if __name__ == "__main__":
    main()
