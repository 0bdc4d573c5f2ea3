"""The compilers a batch goes through: `ruchy transpile`, then clang++ at every variant.

The variants are the three builds issue 11 asks to agree: -O0, -O2, and -O1 under AddressSanitizer
plus UndefinedBehaviorSanitizer (the `--config=asan` flags of .bazelrc). Each compiles the
generated C++ with the flags the golden tests use (passed in from BUILD.bazel, so they stay one
list) and links the support library, compiled once per variant into a cache keyed by its
sources, the compiler's version and the flags.

Where the files come from: BUILD.bazel passes the runfiles paths of the compiler, the support
library's headers and sources and RapidJSON's headers (labels, not paths in the source tree), so
a move of the support library is a change of labels only.
"""

import hashlib
import os
import shutil
import subprocess

# The archiver for the async runtime's objects (clang's own, next to the clang++ that compiles).
AR = shutil.which("llvm-ar-14") or shutil.which("ar") or "ar"
# How long one program may run before it counts as hung (a generated test runs in microseconds).
RUN_TIMEOUT_S = 60
# How long one compiler invocation may take before it counts as hung.
COMPILE_TIMEOUT_S = 600

VARIANTS = {
    "O0": {"compile": ["-O0"], "link": []},
    "O2": {"compile": ["-O2"], "link": []},
    "san": {
        "compile": ["-O1", "-fsanitize=address,undefined", "-fno-sanitize-recover=all", "-fno-omit-frame-pointer"],
        "link": ["-fsanitize=address,undefined"],
    },
}

# Runtime options of the sanitized build: leaks are not observable behaviour of a Ruchy program
# (the reference is garbage-collected), everything else stops the program with a report.
SANITIZER_ENV = {
    "ASAN_OPTIONS": "detect_leaks=0:abort_on_error=0:exitcode=86",
    "UBSAN_OPTIONS": "print_stacktrace=1:exitcode=87",
}


def _include_root(paths, marker):
    """The directory that holds `marker` (e.g. "ruchy/prelude.h") among the given files."""
    for p in paths:
        p = os.path.abspath(p)
        if p.endswith("/" + marker):
            return p[:-len(marker) - 1]
    raise FileNotFoundError("none of the given files ends in " + marker)


class Toolchain:
    def __init__(self, ruchy, std_headers, std_sources, rapidjson_headers, cxx, cxxflags, ignorelist, cache_dir,
                 variants=("O0", "O2", "san"), async_files=()):
        self.ruchy = os.path.abspath(ruchy)
        self.std_include = _include_root(std_headers, "ruchy/prelude.h")
        self.std_sources = [os.path.abspath(s) for s in std_sources]
        # The async runtime (//stdlib/async:run_files): generated async code includes
        # "stdlib/async/async.h" from the workspace root; its objects go in an archive, so a
        # program links only what it uses (a synchronous one links none of it).
        self.async_files = [os.path.abspath(f) for f in async_files]
        self.async_include = _include_root(self.async_files, "stdlib/async/async.h") if self.async_files else None
        self.rapidjson_include = _include_root(rapidjson_headers, "rapidjson/document.h")
        self.cxx = cxx
        self.cxxflags = list(cxxflags)
        self.ignorelist = os.path.abspath(ignorelist) if ignorelist else None
        self.cache_dir = os.path.abspath(cache_dir)
        self.variants = list(variants)
        self.version = subprocess.run([cxx, "--version"], capture_output=True, text=True, check=True).stdout
        self.std_objects = {}
        self.pch = {}

    # --------------------------------------------------------------------------- front end
    def transpile(self, src, out):
        """Runs `ruchy transpile`; returns (ok, stderr)."""
        r = subprocess.run([self.ruchy, "transpile", src, "-o", out, "--line-path", os.path.basename(src),
                            "--no-color"], capture_output=True, text=True, timeout=COMPILE_TIMEOUT_S)
        return r.returncode == 0, r.stderr, r.returncode

    def check(self, src):
        """Runs `ruchy check`; returns (exit code, stderr)."""
        r = subprocess.run([self.ruchy, "check", src, "--no-color"], capture_output=True, text=True,
                           timeout=COMPILE_TIMEOUT_S)
        return r.returncode, r.stderr

    # ------------------------------------------------------------------------------ clang
    def includes(self):
        return ["-I", self.std_include] + (["-I", self.async_include] if self.async_include else [])

    def flags(self, variant):
        out = ["-std=c++20", "-pthread"] + self.cxxflags + VARIANTS[variant]["compile"]
        if variant == "san" and self.ignorelist:
            out.append("-fsanitize-ignorelist=" + self.ignorelist)
        return out

    def prepare(self):
        """Compiles the support library and a precompiled prelude once per variant (cached)."""
        for variant in self.variants:
            self.std_objects[variant] = self._std_objects(variant) + self._async_archive(variant)
            self.pch[variant] = self._pch(variant)

    def _key(self, variant):
        key = hashlib.sha256()
        key.update(self.version.encode())
        key.update(" ".join(self.flags(variant)).encode())
        for path in sorted(self.std_sources) + sorted(_headers(self.std_include)) + sorted(self.async_files):
            with open(path, "rb") as f:
                key.update(path.rsplit("/", 1)[-1].encode() + b"\0" + f.read())
        return key.hexdigest()[:16]

    def _pch(self, variant):
        """The prelude precompiled with exactly the program's flags: it holds the support headers'
        parse and their common template instantiations, a third to a half of a batch's compile
        time. The program still `#include`s the prelude (its include guards skip it)."""
        out = os.path.join(self.cache_dir, "pch-%s-%s" % (variant, self._key(variant)), "prelude.pch")
        if os.path.exists(out):
            return out
        os.makedirs(os.path.dirname(out), exist_ok=True)
        tmp = out + ".tmp%d" % os.getpid()
        cmd = [self.cxx] + self.flags(variant) + ["-I", self.std_include, "-x", "c++-header",
                                                  os.path.join(self.std_include, "ruchy", "prelude.h"), "-o", tmp]
        r = subprocess.run(cmd, capture_output=True, text=True, timeout=COMPILE_TIMEOUT_S)
        if r.returncode != 0:
            raise RuntimeError("precompiling the prelude (%s) failed:\n%s" % (variant, r.stderr))
        os.replace(tmp, out)
        return out

    def _std_objects(self, variant):
        out_dir = os.path.join(self.cache_dir, "std-%s-%s" % (variant, self._key(variant)))
        objects = [os.path.join(out_dir, os.path.basename(s) + ".o") for s in self.std_sources]
        if all(os.path.exists(o) for o in objects):
            return objects
        os.makedirs(out_dir, exist_ok=True)
        for src, obj in zip(self.std_sources, objects):
            tmp = obj + ".tmp%d" % os.getpid()
            cmd = [self.cxx] + self.flags(variant) + ["-DRAPIDJSON_HAS_STDSTRING=1", "-I", self.std_include,
                                                      "-isystem", self.rapidjson_include, "-c", src, "-o", tmp]
            r = subprocess.run(cmd, capture_output=True, text=True, timeout=COMPILE_TIMEOUT_S)
            if r.returncode != 0:
                raise RuntimeError("compiling the support library (%s) failed:\n%s" % (variant, r.stderr))
            os.replace(tmp, obj)
        return objects

    def _async_archive(self, variant):
        """The async runtime compiled for variant, as one static archive (cached like the rest)."""
        sources = [f for f in self.async_files if f.endswith(".cc")]
        if not sources:
            return []
        out_dir = os.path.join(self.cache_dir, "async-%s-%s" % (variant, self._key(variant)))
        archive = os.path.join(out_dir, "libruchy_async.a")
        if os.path.exists(archive):
            return [archive]
        os.makedirs(out_dir, exist_ok=True)
        objects = []
        for src in sources:
            # Named by their path inside stdlib/async (internal/ and sys/ may share base names).
            obj = os.path.join(out_dir, os.path.relpath(src, self.async_include).replace("/", "_") + ".o")
            cmd = [self.cxx] + self.flags(variant) + self.includes() + ["-c", src, "-o", obj]
            r = subprocess.run(cmd, capture_output=True, text=True, timeout=COMPILE_TIMEOUT_S)
            if r.returncode != 0:
                raise RuntimeError("compiling the async runtime (%s) failed:\n%s" % (variant, r.stderr))
            objects.append(obj)
        tmp = archive + ".tmp%d" % os.getpid()
        subprocess.run([AR, "rcs", tmp] + objects, check=True, capture_output=True, timeout=COMPILE_TIMEOUT_S)
        os.replace(tmp, archive)
        return [archive]

    def compile(self, cc, exe, variant):
        """Compiles and links one generated translation unit; returns (ok, diagnostics)."""
        cmd = [self.cxx] + self.flags(variant) + ["-ferror-limit=0", "-fno-color-diagnostics"] + self.includes() + [
                                                  "-include-pch", self.pch[variant], cc] + self.std_objects[variant] + \
            VARIANTS[variant]["link"] + ["-o", exe]
        r = subprocess.run(cmd, capture_output=True, text=True, timeout=COMPILE_TIMEOUT_S)
        return r.returncode == 0, r.stderr

    def run(self, exe, variant):
        """Runs a program; returns (exit code or None on timeout, stdout, stderr)."""
        env = dict(os.environ)
        if variant == "san":
            env.update(SANITIZER_ENV)
            sym = shutil.which("llvm-symbolizer")
            if sym:
                env["ASAN_SYMBOLIZER_PATH"] = sym
        try:
            r = subprocess.run([exe], capture_output=True, timeout=RUN_TIMEOUT_S, env=env)
        except subprocess.TimeoutExpired as t:
            return None, (t.stdout or b"").decode("utf-8", "replace"), "timeout"
        return r.returncode, r.stdout.decode("utf-8", "replace"), r.stderr.decode("utf-8", "replace")


def _headers(include_dir):
    d = os.path.join(include_dir, "ruchy")
    return [os.path.join(d, f) for f in os.listdir(d) if f.endswith(".h")]
