"""musl's libc.a (with crt1.o) for one architecture, compiled as musl's configure and Makefile
would with clang for a static-only build."""

load(":runtime_library.bzl", "runtime_library")

# CFLAGS_C99FSE and CFLAGS_AUTO: -Os, except the speed-critical folders that
# --enable-optimize's default set builds at -O3 (internal, malloc, string).
_COPTS = [
    "-std=c99",
    "-ffreestanding",
    "-frounding-math",
    "-Wa,--noexecstack",
    "-D_XOPEN_SOURCE=700",
    "-Os",
    # Static, position-dependent, like the executables it is linked into.
    "-fno-pie",
    "-fomit-frame-pointer",
    "-fno-unwind-tables",
    "-fno-asynchronous-unwind-tables",
    # configure: clang needs -w to start from a clean slate; then the constraint violations musl
    # treats as errors.
    "-w",
    "-Wno-pointer-to-int-cast",
    "-Werror=implicit-function-declaration",
    "-Werror=implicit-int",
    "-Werror=pointer-sign",
    "-Werror=pointer-arith",
    "-Werror=int-conversion",
    "-Werror=incompatible-pointer-types",
    "-Qunused-arguments",
]

# Enough that sandbox setup stops dominating, few enough that musl's ~50 folders still keep
# every core busy (src/math alone is 200 files).
_SOURCES_PER_ACTION = 64

_PER_FILE = {
    # OPTIMIZE_GLOBS.
    "src/internal/*.c": ["-O3"],
    "src/malloc/*.c": ["-O3"],
    "src/string/*.c": ["-O3"],
    # CRT_OBJS get -DCRT. NOSSP_OBJS: code that runs before the stack-protector canary exists
    # (nothing here is built with a stack protector, as upstream's default; this keeps it so).
    "crt/crt1.c": ["-DCRT", "-fno-stack-protector"],
    "src/env/__libc_start_main.c": ["-fno-stack-protector"],
    "src/env/__init_tls.c": ["-fno-stack-protector"],
    "src/env/__stack_chk_fail.c": ["-fno-stack-protector"],
    "src/thread/__set_thread_area.c": ["-fno-stack-protector"],
    "src/string/memset.c": ["-O3", "-fno-stack-protector"],
    "src/string/memcpy.c": ["-O3", "-fno-stack-protector"],
}

def musl_libc(name, target):
    """libc.a for TARGET (a row of //toolchains/cc/private:targets.bzl)."""
    sysroot = "@%s//" % target.sysroot_repo
    runtime_library(
        name = name,
        srcs = [
            "@musl//:crt_srcs",
            "@musl//:libc_srcs_" + target.musl_arch,
        ],
        hdrs = [
            "@musl//:headers_" + target.musl_arch,
            sysroot + ":build_headers",
            sysroot + ":libc_headers",
        ],
        # Makefile: -I arch/ARCH -I arch/generic -I obj/src/internal -I src/include -I src/internal
        # -I obj/include -I include. The sysroot holds the last two, merged and generated as
        # `make install-headers` lays them out, and obj/src/internal as build/.
        includes = [
            "arch/" + target.musl_arch,
            "arch/generic",
            "%sysroot%/build",
            "src/include",
            "src/internal",
            "%sysroot%/usr/include",
        ],
        library = "c",
        sysroot = sysroot + ":compiler_files",
        triple = target.triple,
        arch_flags = target.arch_flags,
        copts = _COPTS,
        per_file_copts = _PER_FILE,
        # 1,300 small files: batched per folder (runtime_library.bzl says why).
        sources_per_action = _SOURCES_PER_ACTION,
    )
