"""The table every toolchain and platform is generated from: one row per target we build for.

Each architecture has two rows, one per C library: glibc (the host's, what tests and tools use)
and musl (static musl + LLVM's libc++, what Lambda bootstraps ship; see docs/build.md). The C
library is a constraint of the platform, so choosing it is choosing a target platform: it never
changes the exec configuration that build tools (the Ruchy compiler) are built in.
"""

TARGETS = {
    "linux_x86_64": struct(
        bazel_cpu = "k8",
        constraint_cpu = "@platforms//cpu:x86_64",
        triple = "x86_64-linux-gnu",
        # x86-64-v1: every x86_64 Lambda host and every CI machine runs it.
        arch_flags = [],
        libc = "glibc",
        sysroot_repo = "sysroot_linux_x86_64",
    ),
    "linux_aarch64": struct(
        bazel_cpu = "aarch64",
        constraint_cpu = "@platforms//cpu:aarch64",
        triple = "aarch64-linux-gnu",
        # armv8-a: runs on every Graviton generation; --config=graviton2 tunes for Neoverse N1+.
        arch_flags = ["-march=armv8-a"],
        libc = "glibc",
        sysroot_repo = "sysroot_linux_aarch64",
    ),
    "linux_x86_64_musl": struct(
        # Bazel 4 names output folders after --cpu: a cpu of its own keeps musl outputs apart.
        bazel_cpu = "k8_musl",
        constraint_cpu = "@platforms//cpu:x86_64",
        triple = "x86_64-linux-musl",
        arch_flags = [],
        libc = "musl",
        sysroot_repo = "sysroot_linux_x86_64_musl",
        musl_arch = "x86_64",
        glibc_twin = "linux_x86_64",
    ),
    "linux_aarch64_musl": struct(
        bazel_cpu = "aarch64_musl",
        constraint_cpu = "@platforms//cpu:aarch64",
        triple = "aarch64-linux-musl",
        # Outline atomics, as the glibc toolchain has by default: LSE instructions on Graviton2+
        # chosen at run time (compiler-rt's helpers), LL/SC loops on plain armv8-a.
        arch_flags = ["-march=armv8-a", "-moutline-atomics"],
        libc = "musl",
        sysroot_repo = "sysroot_linux_aarch64_musl",
        musl_arch = "aarch64",
        glibc_twin = "linux_aarch64",
    ),
}

# Major version of libstdc++/libgcc in the pinned *-cross sysroot packages.
SYSROOT_GCC_VERSION = "12"

def target_name(arch, libc):
    """The TARGETS row for a user-facing architecture name (x86_64, arm64) and C library."""
    base = {"x86_64": "linux_x86_64", "arm64": "linux_aarch64"}[arch]
    return base + ("_musl" if libc == "musl" else "")
