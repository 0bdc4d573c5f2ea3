"""Bazel rules for Ruchy programs.

    load("@ruchy_lambda//ruchy_frontend:defs.bzl", "ruchy_binary", "ruchy_library", "ruchy_test")

    ruchy_binary(name = "hello", src = "hello.ruchy")
    ruchy_test(name = "hello_test", src = "hello.ruchy", expected_stdout = "hello.out")

Each rule transpiles at build time with the compiler built for the host (`//ruchy_frontend:ruchy`
in the host configuration: one build of it serves every platform and transition) and compiles the
C++ for the target platform, so `--config=arm64` and the release transitions apply as to any
cc_binary. Generated code links with the support library `//stdlib` and is compiled with
`-fwrapv` (Ruchy integers wrap on overflow).
"""

load("//ruchy_frontend/private:transpile.bzl", _RuchyInfo = "RuchyInfo", _ruchy_transpile = "ruchy_transpile")

ruchy_transpile = _ruchy_transpile
RuchyInfo = _RuchyInfo

# What generated code needs from the C++ compiler: wrapping integers, and room for expressions
# nested as deep as the Ruchy source allows (kMaxNestingDepth, 1024, in parse/parser.h; clang's
# default bracket depth is 256). `ruchy run` passes the same (driver/run_command.cc).
RUCHY_COPTS = ["-fwrapv", "-fbracket-depth=2048"]

_STD = Label("//stdlib")

# The async runtime (tasks, the event loop, sockets): generated code includes it when the program
# uses async; an unused static library adds nothing to a binary.
_ASYNC = Label("//stdlib/async")

# Handler files implement lambda::ruchy_entry (runtime/handler.h).
_HANDLER_INTERFACE = Label("//runtime:handler")

def _ruchy_library_impl(ctx):
    # One target that is both what C++ links (the cc_library) and what Ruchy code uses.
    cc = ctx.attr.cc
    return [
        cc[CcInfo],
        ctx.attr.transpiled[_RuchyInfo],
        DefaultInfo(files = cc[DefaultInfo].files),
        ctx.attr.transpiled[OutputGroupInfo],
    ]

_ruchy_library = rule(
    implementation = _ruchy_library_impl,
    attrs = {
        "cc": attr.label(providers = [CcInfo]),
        "transpiled": attr.label(providers = [_RuchyInfo]),
    },
    provides = [CcInfo, _RuchyInfo],
)

def ruchy_binary(name, src, srcs = [], copts = [], deps = [], tests = False, **kwargs):
    """A program: top-level statements run in order, then `main()` if defined.

    srcs: its module files (`mod a;` is a.ruchy next to src; docs/language.md, "Modules").
    deps: ruchy_library targets it uses by name (`use geometry::area`), and cc_library targets
        that define the C functions the file declares in `extern "C"` blocks (docs/language.md,
        "C interop").
    tests: the entry runs the file's `#[test]` functions instead (ruchy_test sets it).
    """
    _ruchy_transpile(name = name + "_cc", src = src, srcs = srcs, deps = deps, out_base = name, tests = tests, visibility = ["//visibility:private"], testonly = kwargs.get("testonly", False))
    native.cc_binary(
        name = name,
        srcs = [":" + name + "_cc"],
        copts = RUCHY_COPTS + copts,
        deps = [_STD, _ASYNC] + deps,
        **kwargs
    )

def ruchy_library(name, src, srcs = [], mode = "library", copts = [], deps = [], visibility = None, **kwargs):
    """The compiled code of one Ruchy file as a cc_library.

    Its header, `NAME.ruchy.h`, declares the file's types, globals and functions in the namespace
    derived from the label (docs/cli.md, "Generated C++"), for C++ code that calls into Ruchy.
    A library (the default mode) has no entry point: the caller runs the file's top-level code by
    calling its `g_top_level()` once, then its functions; any number of Ruchy libraries link into
    one binary. `mode = "program"` adds a `main` (or `entry_function`).

    A handler library (`mode = "handler"`) defines `lambda::ruchy_entry::Init` and `::Invoke`
    (runtime/handler.h), which the Lambda bridge calls; see packaging/defs.bzl.

    Ruchy code uses the library by its name: a ruchy_binary, ruchy_test or another ruchy_library
    with it in `deps` writes `use NAME::item` (its `pub` items; srcs are its module files).
    """
    testonly = kwargs.get("testonly", False)
    tags = kwargs.get("tags", [])
    _ruchy_transpile(name = name + "_cc", src = src, srcs = srcs, deps = deps, mode = mode, out_base = name, library_name = name, visibility = ["//visibility:private"], testonly = testonly, tags = tags)
    native.filegroup(name = name + "_hdr", srcs = [":" + name + "_cc"], output_group = "header", visibility = ["//visibility:private"], testonly = testonly, tags = tags)
    native.filegroup(name = name + "_src", srcs = [":" + name + "_cc"], output_group = "source", visibility = ["//visibility:private"], testonly = testonly, tags = tags)
    native.cc_library(
        name = name + "_cc_library",
        srcs = [":" + name + "_src"],
        hdrs = [":" + name + "_hdr"],
        copts = RUCHY_COPTS + copts,
        deps = [_STD, _ASYNC] + ([_HANDLER_INTERFACE] if mode == "handler" else []) + deps,
        visibility = ["//visibility:private"],
        **kwargs
    )
    _ruchy_library(name = name, cc = ":" + name + "_cc_library", transpiled = ":" + name + "_cc", visibility = visibility, testonly = testonly, tags = tags)

def ruchy_test(name, src, srcs = [], expected_stdout = None, expected_stderr = None, copts = [], deps = [], size = "small", tags = [], **kwargs):
    """Runs the program; passes when it exits 0, or, with expectations, when its output matches.

    A file with `#[test]` (or `@test`) functions runs its top-level code, then each test as a case
    of its own, reported by name; the test fails when any case fails. `--test_filter=GLOB` (or
    `--test_arg=--filter=GLOB`) selects cases (docs/language.md, "Attributes").

    expected_stdout: a file the program's standard output must equal, byte for byte.
    expected_stderr: a file its standard error must equal; the program must then exit 1 (a
        runtime error), which is how error-path programs are tested.
    """
    ruchy_binary(name = name + "_bin", src = src, srcs = srcs, copts = copts, deps = deps, tests = True, testonly = True, tags = tags)
    data = [":" + name + "_bin"]
    args = [
        "$(rootpath %s)" % expected_stdout if expected_stdout else "-",
        "$(rootpath %s)" % expected_stderr if expected_stderr else "-",
        "$(rootpath :%s_bin)" % name,
    ]
    data += [f for f in [expected_stdout, expected_stderr] if f]
    native.sh_test(
        name = name,
        srcs = [Label("//ruchy_frontend/testing:expect_output.sh")],
        args = args,
        data = data,
        size = size,
        tags = tags,
        **kwargs
    )
