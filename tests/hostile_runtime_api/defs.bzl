"""hostile_runtime_api_test: the hostile Runtime API suite, run against any bootstrap.

    load("//tests/hostile_runtime_api:defs.bzl", "hostile_runtime_api_test")

    hostile_runtime_api_test(
        name = "hostile_runtime_api",
        bootstrap = "//tests/fixtures:echo",       # responds with the event, byte for byte
        context = "//tests/fixtures:context",      # optional: responds with its context as JSON
    )

makes NAME_x86_64 (the bootstraps run natively) and NAME_arm64 (built for arm64, run under
qemu-aarch64-static), and NAME_x86_64_musl and NAME_arm64_musl, the same bootstraps linked
statically against musl and libc++, like the conformance suite. The cases are in this package's
*_test.cc files; docs/runtime.md lists what they prove.
"""

load("//toolchains:defs.bzl", "platform_binary")
load("//tools/build_defs:copts.bzl", "HOST_ONLY")

_QEMU = "/usr/bin/qemu-aarch64-static"

# (test name suffix, platform, C library, extra tags). The first is the host build itself: its
# bootstraps are used as they are, without a transition.
_VARIANTS = [
    ("x86_64", "linux_x86_64", "glibc", []),
    ("arm64", "linux_aarch64", "glibc", ["arm64"]),
    # The sanitizer configs are glibc-only: the "musl" tag makes --config=asan skip these.
    ("x86_64_musl", "linux_x86_64", "musl", ["musl"]),
    ("arm64_musl", "linux_aarch64", "musl", ["arm64", "musl"]),
]

def hostile_runtime_api_test(name, bootstrap = "//tests/fixtures:echo", context = None, tags = [], **kwargs):
    """The suite against BOOTSTRAP (an echo handler) and, if given, CONTEXT (a context handler)."""
    fixtures = {"BOOTSTRAP": bootstrap}
    if context:
        fixtures["CONTEXT_BOOTSTRAP"] = context
    for variant, platform, libc, variant_tags in _VARIANTS:
        data = []
        env = {}
        for variable, label in fixtures.items():
            if variant != "x86_64":
                binary = "%s_%s_%s" % (name, variable.lower(), variant)
                platform_binary(name = binary, binary = label, platform = platform, libc = libc, testonly = True)
                label = ":" + binary
            data.append(label)
            env[variable] = "$(rootpath %s)" % label
        if platform == "linux_aarch64":
            env["LAUNCHER"] = _QEMU
        native.cc_test(
            name = "%s_%s" % (name, variant),
            size = "large",
            # The cases wait for the runtime's bounds (30 s replies); shards run them side by side.
            shard_count = 4,
            data = data,
            env = env,
            tags = tags + variant_tags,
            target_compatible_with = HOST_ONLY,
            deps = [
                Label("//tests/hostile_runtime_api:suite"),
                Label("@com_google_googletest//:gtest_main"),
            ],
            **kwargs
        )
