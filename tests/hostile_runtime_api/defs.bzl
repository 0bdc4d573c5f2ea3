"""hostile_runtime_api_test: the hostile Runtime API suite, run against any bootstrap.

    load("//tests/hostile_runtime_api:defs.bzl", "hostile_runtime_api_test")

    hostile_runtime_api_test(
        name = "hostile_runtime_api",
        bootstrap = "//tests/fixtures:echo",       # responds with the event, byte for byte
        context = "//tests/fixtures:context",      # optional: responds with its context as JSON
    )

makes NAME_x86_64 (the bootstraps run natively) and NAME_arm64 (built for arm64, run under
qemu-aarch64-static), like the conformance suite. The cases are in this package's *_test.cc
files; docs/runtime.md lists what they prove.
"""

load("//toolchains:defs.bzl", "platform_binary")
load("//tools/build_defs:copts.bzl", "HOST_ONLY")

_QEMU = "/usr/bin/qemu-aarch64-static"

def hostile_runtime_api_test(name, bootstrap = "//tests/fixtures:echo", context = None, arches = ["x86_64", "arm64"], tags = [], **kwargs):
    """The suite against BOOTSTRAP (an echo handler) and, if given, CONTEXT (a context handler).

    arches: which of NAME_x86_64 and NAME_arm64 to make.
    """
    fixtures = {"BOOTSTRAP": bootstrap}
    if context:
        fixtures["CONTEXT_BOOTSTRAP"] = context
    for arch in arches:
        data = []
        env = {}
        for variable, label in fixtures.items():
            if arch == "arm64":
                binary = "%s_%s_arm64" % (name, variable.lower())
                platform_binary(name = binary, binary = label, platform = "linux_aarch64", testonly = True)
                label = ":" + binary
            data.append(label)
            env[variable] = "$(rootpath %s)" % label
        if arch == "arm64":
            env["LAUNCHER"] = _QEMU
        native.cc_test(
            name = "%s_%s" % (name, arch),
            size = "large",
            # The cases wait for the runtime's bounds (30 s replies); shards run them side by side.
            shard_count = 4,
            data = data,
            env = env,
            tags = tags + (["arm64"] if arch == "arm64" else []),
            target_compatible_with = HOST_ONLY,
            deps = [
                Label("//tests/hostile_runtime_api:suite"),
                Label("@com_google_googletest//:gtest_main"),
            ],
            **kwargs
        )
