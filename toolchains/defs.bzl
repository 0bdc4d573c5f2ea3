"""Public rules of //toolchains: cross-building, release mode and running arm64 tests.

A platform is an architecture (`platform = "linux_x86_64" | "linux_aarch64"`) and a C library
(`libc = "glibc" | "musl"`; see docs/build.md).

    release_binary     one cc_binary, release mode, one platform, stripped (+ .debug twin)
    release_binaries   one cc_binary, release mode, every architecture from one target
    platform_binary    a binary built for another platform, as data for host tests
    platform_data      any target's files built for another platform, as data for host tests
    platform_test      a cc_test built for another platform, run here (arm64 under qemu)
    cc_test_all_arches a cc_test on the host plus the same test on arm64 under qemu, and with
                       `libcs = ["glibc", "musl"]` both again on static musl + libc++
"""

load(
    "//toolchains/private:binaries.bzl",
    _platform_binary = "platform_binary",
    _platform_data = "platform_data",
    _platform_test = "platform_test",
    _release_binaries = "release_binaries",
    _release_binary = "release_binary",
)

release_binary = _release_binary
release_binaries = _release_binaries
platform_binary = _platform_binary
platform_data = _platform_data
platform_test = _platform_test

def cc_test_all_arches(name, tags = [], libcs = ["glibc"], **kwargs):
    """A cc_test NAME for the host, and NAME_arm64, the same test built for arm64 and run by qemu.

    With "musl" in `libcs`, also NAME_musl and NAME_arm64_musl: the test linked statically
    against musl and libc++ (x86_64 natively, arm64 under qemu).
    """
    native.cc_test(name = name, tags = tags, **kwargs)
    size = kwargs.get("size", "medium")
    _platform_test(name = name + "_arm64", test = ":" + name, tags = tags + ["arm64"], size = size)
    if "musl" in libcs:
        # The sanitizer configs are glibc-only: tagged so that --config=asan skips them.
        _platform_test(name = name + "_musl", test = ":" + name, platform = "linux_x86_64", libc = "musl", tags = tags + ["musl"], size = size)
        _platform_test(name = name + "_arm64_musl", test = ":" + name, libc = "musl", tags = tags + ["arm64", "musl"], size = size)
