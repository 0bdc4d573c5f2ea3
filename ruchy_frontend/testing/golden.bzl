"""ruchy_golden_tests: every `NAME.ruchy` runs and must print `NAME.out` (and fail with `NAME.err`).

The programs are compiled into one binary that runs the program its first argument names: each
file is transpiled on its own (its own C++ namespace, its entry function named after it), and the
results are concatenated into a few shards, so the C++ compiler parses the support library a few
times instead of once per program. Each program is still its own test, run as its own process.
The generated code must compile warning-free with the project's own flags (COPTS: -Werror).

The programs whose names start with one of `arm64_prefixes` are also built for arm64, into a
binary of their own, and run under qemu-aarch64-static as `NAME_arm64`, held to the same output.
The host build of that binary runs them again as `NAME_alone` (test suite `<name>_prefixed`), so
that `bazel test --config=asan //...:<name>_prefixed` runs those programs under the sanitizers
without compiling every golden program with them (.ci/run does, for the async ones).
"""

load("//ruchy_frontend:defs.bzl", "RUCHY_COPTS")
load("//ruchy_frontend/private:transpile.bzl", "ruchy_transpile")
load("//toolchains:defs.bzl", "platform_binary")
load("//tools/build_defs:copts.bzl", "COPTS")

_SHARDS = 8

def _entry(base):
    return "golden_" + base

def ruchy_golden_tests(name, srcs, arm64_prefixes = []):
    existing = native.glob(["*.out", "*.err"])
    bases = [src[:-len(".ruchy")] for src in srcs]
    for src, base in zip(srcs, bases):
        ruchy_transpile(
            name = base + "_cc",
            src = src,
            out_base = base,
            standalone = True,
            entry_function = _entry(base),
            testonly = True,
        )

    shards = []
    for k in range(_SHARDS):
        members = [b for i, b in enumerate(bases) if i % _SHARDS == k]
        if not members:
            continue
        shard = "%s_shard%d" % (name, k)
        native.genrule(
            name = shard,
            srcs = [":%s_cc" % b for b in members],
            outs = [shard + ".cc"],
            cmd = "cat $(SRCS) > $@",
            testonly = True,
        )
        shards.append(":" + shard)

    _main_source(name + "_main", bases)

    programs = name + "_programs"
    _programs_binary(programs, shards + [":" + name + "_main"])

    tests = []
    for base in bases:
        err = base + ".err" if (base + ".err") in existing else None
        data = [":" + programs, base + ".out"] + ([err] if err else [])
        native.sh_test(
            name = base,
            srcs = [Label("//ruchy_frontend/testing:expect_output.sh")],
            args = [
                "$(rootpath %s.out)" % base,
                "$(rootpath %s)" % err if err else "-",
                "$(rootpath :%s)" % programs,
                base,
            ],
            data = data,
            size = "small",
        )
        tests.append(":" + base)
    prefixed = [b for b in bases if [p for p in arm64_prefixes if b.startswith(p)]]
    tests += _arm64_tests(name, prefixed, existing)
    native.test_suite(name = name, tests = tests)
    if prefixed:
        native.test_suite(name = name + "_prefixed", tests = [":%s_alone" % b for b in prefixed])

def _programs_binary(name, srcs):
    native.cc_binary(
        name = name,
        srcs = srcs,
        copts = RUCHY_COPTS + COPTS,
        deps = [Label("//stdlib"), Label("//stdlib/async")],
        testonly = True,
    )

def _arm64_tests(name, bases, existing):
    """The programs BASES again, built for arm64 and run under qemu; returns the tests' labels."""
    if not bases:
        return []
    arm64 = name + "_arm64"
    native.genrule(
        name = arm64 + "_shard",
        srcs = [":%s_cc" % b for b in bases],
        outs = [arm64 + "_shard.cc"],
        cmd = "cat $(SRCS) > $@",
        testonly = True,
    )
    _main_source(arm64 + "_main", bases)
    _programs_binary(arm64 + "_programs", [":" + arm64 + "_shard", ":" + arm64 + "_main"])
    platform_binary(
        name = arm64 + "_programs_bin",
        testonly = True,
        binary = ":" + arm64 + "_programs",
        platform = "linux_aarch64",
    )
    tests = []
    for base in bases:
        err = base + ".err" if (base + ".err") in existing else None
        native.sh_test(
            name = base + "_alone",
            srcs = [Label("//ruchy_frontend/testing:expect_output.sh")],
            args = [
                "$(rootpath %s.out)" % base,
                "$(rootpath %s)" % err if err else "-",
                "$(rootpath :%s_programs)" % arm64,
                base,
            ],
            data = [":%s_programs" % arm64, base + ".out"] + ([err] if err else []),
            size = "small",
        )
        tests.append(":%s_alone" % base)
        native.sh_test(
            name = base + "_arm64",
            srcs = [Label("//ruchy_frontend/testing:expect_output.sh")],
            args = [
                "$(rootpath %s.out)" % base,
                "$(rootpath %s)" % err if err else "-",
                "/usr/bin/qemu-aarch64-static",
                "$(rootpath :%s_programs_bin)" % arm64,
                base,
            ],
            data = [":%s_programs_bin" % arm64, base + ".out"] + ([err] if err else []),
            size = "small",
            tags = ["arm64"],
        )
        tests.append(":%s_arm64" % base)
    return tests

def _main_source(name, bases):
    """main(): runs the program named by argv[1], with the remaining arguments."""
    table = "\n".join(['  {"%s", %s},' % (b, _entry(b)) for b in bases])
    decls = "\n".join(["int %s(int, char**);" % _entry(b) for b in bases])
    native.genrule(
        name = name,
        outs = [name + ".cc"],
        cmd = "cat > $@ <<'EOF'\n" + "\n".join([
            "// Generated by ruchy_golden_tests: runs the golden program argv[1] names.",
            "#include <cstdio>",
            "#include <cstring>",
            decls,
            "namespace {",
            "struct Program { const char* name; int (*run)(int, char**); };",
            "const Program kPrograms[] = {",
            table,
            "};",
            "}  // namespace",
            "int main(int argc, char** argv) {",
            "  for (const Program& p : kPrograms) {",
            "    if (argc > 1 && std::strcmp(argv[1], p.name) == 0) return p.run(argc - 1, argv + 1);",
            "  }",
            "  std::fprintf(stderr, \"usage: %s PROGRAM [ARGS...]\\n\", argv[0]);",
            "  return 2;",
            "}",
        ]) + "\nEOF",
        testonly = True,
    )
