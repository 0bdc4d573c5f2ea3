"""ruchy_lambda_function and cc_lambda_function: one macro from a handler to everything Lambda
deploys, per architecture, plus the checks and a local invoke."""

load("//ruchy_frontend:defs.bzl", "ruchy_library")
load(":invoke.bzl", "function_invoke")
load(":size_budget.bzl", "size_budget_test")
load(":zip.bzl", "lambda_zip")

_ARCHES = [
    # (suffix, platform)
    ("arm64", "linux_aarch64"),
    ("x86_64", "linux_x86_64"),
]

_LIBCS = ["musl", "glibc"]

def _package(name, zip_budgets, test_cases, libc, visibility, tags):
    """What every function gets around its bootstrap `name`: zips, budgets, NAME_invoke, the test.

    Every target is named after the function, so a package may hold several functions."""
    bootstrap = name
    _check_budget_keys(name, zip_budgets)
    for arch, platform in _ARCHES:
        # Both C libraries, by name: the function test runs all four.
        for each_libc in _LIBCS:
            lambda_zip(
                name = "%s_zip_%s_%s" % (name, arch, each_libc),
                bootstrap = ":" + bootstrap,
                platform = platform,
                libc = each_libc,
                visibility = visibility,
                tags = tags,
            )
        zip_name = name + "_zip" + ("" if arch == "arm64" else "_" + arch)
        lambda_zip(
            name = zip_name,
            bootstrap = ":" + bootstrap,
            platform = platform,
            libc = libc,
            visibility = visibility,
            tags = tags,
        )
        if arch in zip_budgets:
            # A bare architecture weighs the zip that ships, whatever --//toolchains:libc says.
            size_budget_test(
                name = "%s_zip_size_%s_test" % (name, arch),
                artifact = ":" + zip_name,
                budget = zip_budgets[arch],
                what = "%s zip (%s)" % (name, arch),
                tags = tags,
            )
        for each_libc in _LIBCS:
            # ARCH_LIBC weighs that C library's zip in every build: the two differ five-fold.
            key = "%s_%s" % (arch, each_libc)
            if key in zip_budgets:
                size_budget_test(
                    name = "%s_zip_size_%s_test" % (name, key),
                    artifact = ":%s_zip_%s" % (name, key),
                    budget = zip_budgets[key],
                    what = "%s zip (%s, %s)" % (name, arch, each_libc),
                    tags = tags,
                )
    function_invoke(name = name + "_invoke", bootstrap = ":" + bootstrap, tags = tags)
    if test_cases:
        _function_test(name, test_cases, tags)

def _check_budget_keys(name, zip_budgets):
    known = [arch for arch, _ in _ARCHES] + ["%s_%s" % (arch, libc) for arch, _ in _ARCHES for libc in _LIBCS]
    for key in zip_budgets:
        if key not in known:
            fail("%s: zip_budgets key %r is neither an architecture nor ARCH_LIBC; expected one of %s" % (name, key, ", ".join(known)))

def _function_test(name, cases, tags):
    zips = {
        "%s_%s" % (arch, libc): ":%s_zip_%s_%s" % (name, arch, libc)
        for arch, _ in _ARCHES
        for libc in _LIBCS
    }
    emulator = Label("//tools/emulator")
    native.py_test(
        name = name + "_test",
        srcs = [Label("//packaging/testing:function_test.py")],
        main = "function_test.py",
        args = ["$(rootpath %s)" % cases, "$(rootpath %s)" % emulator] + [
            "%s=$(rootpath %s)" % (variant, z)
            for variant, z in sorted(zips.items())
        ],
        data = [cases, emulator] + sorted(zips.values()),
        python_version = "PY3",
        size = "medium",
        tags = tags,
        target_compatible_with = [Label("@platforms//cpu:x86_64")],
    )

def ruchy_lambda_function(
        name,
        src,
        srcs = [],
        test_cases = None,
        zip_budgets = {},
        deps = [],
        libc = "",
        visibility = None,
        tags = []):
    """A Lambda function written in Ruchy.

    The handler file has `fun handler(event: Json, ctx: Context) -> Result<Json, Error>` (or
    struct-typed event and result) or the legacy `pub fun lambda_handler(request_id: &str,
    body: &str) -> String`; its top-level statements run once, at init.

    Produces:
      NAME                     the bootstrap for the host (what NAME_invoke runs)
      NAME_zip                 the deployment zip for arm64 (Graviton, Lambda's cheaper default)
      NAME_zip_x86_64          the deployment zip for x86_64
      NAME_zip_ARCH_LIBC       the same for one C library (ARCH arm64|x86_64, LIBC musl|glibc)
      NAME_zip_size_KEY_test   zip size budgets, one per key of zip_budgets: "arm64" or "x86_64"
                               weighs the zip that ships (NAME_zip, NAME_zip_x86_64; its C
                               library follows --//toolchains:libc), "arm64_musl",
                               "x86_64_glibc", ... weighs that C library's zip in every build
      NAME_invoke              `bazel run :NAME_invoke -- '{"name":"x"}'`: one invoke through the
                               emulator; prints the response, the logs and the REPORT line
      NAME_test                with test_cases (a JSON file of events and expected responses,
                               format in docs/packaging.md): the zips of both architectures and
                               both C libraries checked with unzip/file and invoked (arm64 via
                               qemu)
    srcs are the handler's module files and deps the ruchy_library targets it uses (`use NAME::item`)
    and C++ libraries (docs/language.md, "Modules and packages").
    Several functions may share a package: every target is named after its function.
    The bootstraps in NAME_zip and NAME_zip_x86_64 link the C library `libc` names ("musl" or
    "glibc"), by default the one --//toolchains:libc selects. The runtime is the one
    --//runtime:impl selects.
    """
    handler = name + "_handler"
    ruchy_library(
        name = handler,
        src = src,
        srcs = srcs,
        mode = "handler",
        deps = deps,
        tags = tags,
    )
    native.cc_binary(
        name = name,
        deps = [":" + handler, Label("//runtime/ruchy_bridge:bridge")],
        visibility = visibility,
        tags = tags,
    )
    _package(name, zip_budgets, test_cases, libc, visibility, tags)

def cc_lambda_function(name, srcs, test_cases = None, zip_budgets = {}, deps = [], copts = [], libc = "", visibility = None, tags = []):
    """The same for a C++ handler: `srcs` define main() with lambda::Run (runtime/handler.h)."""
    native.cc_binary(
        name = name,
        srcs = srcs,
        copts = copts,
        deps = [Label("//runtime")] + deps,
        visibility = visibility,
        tags = tags,
    )
    _package(name, zip_budgets, test_cases, libc, visibility, tags)
