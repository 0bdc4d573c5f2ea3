"""The table every toolchain and platform is generated from: one row per target we build for."""

TARGETS = {
    "linux_x86_64": struct(
        bazel_cpu = "k8",
        constraint_cpu = "@platforms//cpu:x86_64",
        triple = "x86_64-linux-gnu",
        # x86-64-v1: every x86_64 Lambda host and every CI machine runs it.
        arch_flags = [],
        sysroot_repo = "sysroot_linux_x86_64",
    ),
    "linux_aarch64": struct(
        bazel_cpu = "aarch64",
        constraint_cpu = "@platforms//cpu:aarch64",
        triple = "aarch64-linux-gnu",
        # armv8-a: runs on every Graviton generation; --config=graviton2 tunes for Neoverse N1+.
        arch_flags = ["-march=armv8-a"],
        sysroot_repo = "sysroot_linux_aarch64",
    ),
}

# Major version of libstdc++/libgcc in the pinned *-cross sysroot packages.
SYSROOT_GCC_VERSION = "12"
