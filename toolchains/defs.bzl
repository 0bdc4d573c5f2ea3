"""Public rules of //toolchains: cross-building, release mode and running arm64 tests.

    release_binary     one cc_binary, release mode, one platform, stripped (+ .debug twin)
    release_binaries   one cc_binary, release mode, every architecture from one target
    platform_binary    a binary built for arm64 (or x86_64), as data for host tests
    platform_data      any target's files built for arm64 (or x86_64), as data for host tests
    qemu_test          a cc_test built for arm64 and run under qemu-aarch64-static
    cc_test_all_arches a cc_test on the host plus the same test on arm64 under qemu
"""

load(
    "//toolchains/private:binaries.bzl",
    _platform_binary = "platform_binary",
    _platform_data = "platform_data",
    _qemu_test = "qemu_test",
    _release_binaries = "release_binaries",
    _release_binary = "release_binary",
)

release_binary = _release_binary
release_binaries = _release_binaries
platform_binary = _platform_binary
platform_data = _platform_data
qemu_test = _qemu_test

def cc_test_all_arches(name, tags = [], **kwargs):
    """A cc_test NAME for the host, and NAME_arm64, the same test built for arm64 and run by qemu."""
    native.cc_test(name = name, tags = tags, **kwargs)
    _qemu_test(name = name + "_arm64", test = ":" + name, tags = tags + ["arm64"], size = kwargs.get("size", "medium"))
