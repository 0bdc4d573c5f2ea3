"""LLVM's runtimes for one architecture, from Debian's pinned llvm-toolchain-14 source:
compiler-rt's builtins and crtbegin, libunwind, libc++abi and libc++, with the flags of their CMake
release builds for a static Linux target, plus the project's own hardening."""

load(":runtime_library.bzl", "runtime_library")

# Every C++ runtime library: release mode, position-dependent (static executables only), and the
# stack protector the project uses for all C++ (docs/build.md, "Hardening").
_COPTS = [
    "-Os",
    "-DNDEBUG",
    "-fno-pie",
    "-fstack-protector-strong",
]

_CXXOPTS = [
    "-std=c++20",
    "-nostdinc++",
    "-fvisibility-inlines-hidden",
    "-fstrict-aliasing",
]

# compiler-rt's outline atomics: aarch64/lse.S once per operation, size and memory model
# (lib/builtins/CMakeLists.txt: cas for 1..16 bytes, the others for 1..8; models 1..4).
_LSE_VARIANTS = [
    "%s%d_%d L_%s SIZE=%d MODEL=%d" % (op, size, model, op, size, model)
    for op in ["cas", "swp", "ldadd", "ldclr", "ldeor", "ldset"]
    for size in [1, 2, 4, 8, 16]
    for model in [1, 2, 3, 4]
    if op == "cas" or size != 16
]

# Sources per compile action (runtime_library's sources_per_action). Every C++ runtime action
# sees the same thousand-odd headers (libc++'s, musl's, the kernel's), and setting up and deleting
# a sandbox of that many symlinks took longer than the compile itself: one action per source spent
# 943 s of sandbox for 460 s of clang (docs/build.md, "The musl toolchains"). A few actions per
# library per architecture still keep both cores of a CI machine busy.
# libc++: libcxx/src's 38 files in four actions of up to 10 (filesystem/ and ryu/ one each).
_CXX_SOURCES_PER_ACTION = 10

# libc++abi: 18 files, cxa_demangle.cpp the largest, in two actions.
_CXXABI_SOURCES_PER_ACTION = 9

# libunwind: its 6 files (C, C++ and assembly) in one action.
_UNWIND_SOURCES_PER_ACTION = 6

def _cxx_includes(own):
    """OWN folders of the LLVM source, then the installed C++, compiler and C headers."""
    return own + [
        "-isystem %sysroot%/usr/include/c++/v1",
        "-isystem %resource_dir%",
        "-isystem %sysroot%/usr/include",
    ]

def llvm_runtimes(arch, target):
    """Declares builtins_ARCH, crtbegin_ARCH, unwind_ARCH, cxxabi_ARCH and cxx_ARCH."""
    sysroot = "@%s//:compiler_files" % target.sysroot_repo
    libc_headers = "@%s//:libc_headers" % target.sysroot_repo
    cxx_headers = "@%s//:cxx_headers" % target.sysroot_repo
    kernel_headers = "@%s//:kernel_headers" % target.sysroot_repo
    common = dict(
        sysroot = sysroot,
        triple = target.triple,
        arch_flags = target.arch_flags,
    )
    runtime_library(
        name = "builtins_" + arch,
        srcs = ["@llvm_project//:builtins_srcs_" + arch],
        hdrs = ["@llvm_project//:builtins_headers", libc_headers],
        includes = [
            "compiler-rt/lib/builtins",
            "-isystem %resource_dir%",
            "-isystem %sysroot%/usr/include",
        ],
        library = "clang_rt.builtins",
        # lib/builtins/CMakeLists.txt: BUILTIN_CFLAGS and BUILTIN_DEFS for a static Linux build.
        copts = [
            "-Os",
            "-fno-pie",
            "-fno-builtin",
            "-fomit-frame-pointer",
            "-fvisibility=hidden",
            "-DVISIBILITY_HIDDEN",
        ] + (
            # CMake's COMPILER_RT_HAS_FLOAT16 probe: clang 14 has _Float16 on aarch64 only.
            ["-DCOMPILER_RT_HAS_FLOAT16"] if arch == "aarch64" else []
        ),
        conlyopts = ["-std=c11"],
        variants = {"compiler-rt/lib/builtins/aarch64/lse.S": _LSE_VARIANTS} if arch == "aarch64" else {},
        # About 160 small files (250 objects on arm64): batched per folder like musl.
        sources_per_action = 64,
        **common
    )
    runtime_library(
        name = "crtbegin_" + arch,
        srcs = ["@llvm_project//:crtbegin_srcs"],
        hdrs = [libc_headers],
        includes = [
            "-isystem %resource_dir%",
            "-isystem %sysroot%/usr/include",
        ],
        library = "clang_rt.crtbegin",
        # lib/crt/CMakeLists.txt: CRT_CFLAGS on a system with .init_array.
        copts = [
            "-std=c11",
            "-Os",
            "-fno-pie",
            "-fno-stack-protector",
            "-DCRT_HAS_INITFINI_ARRAY",
        ],
        **common
    )
    runtime_library(
        name = "unwind_" + arch,
        srcs = ["@llvm_project//:libunwind_srcs"],
        hdrs = ["@llvm_project//:libunwind_headers", cxx_headers, libc_headers],
        includes = _cxx_includes(["-isystem libunwind/include"]),
        library = "unwind",
        # libunwind/CMakeLists.txt: native unwinding only and unwind tables for itself. Written in
        # C++ but uses none of its runtime: no exceptions, no RTTI.
        copts = _COPTS + [
            "-funwind-tables",
            "-D_LIBUNWIND_IS_NATIVE_ONLY",
        ],
        conlyopts = ["-std=c99"],
        cxxopts = [
            "-std=c++11",
            "-nostdinc++",
            "-fno-exceptions",
            "-fno-rtti",
            "-fstrict-aliasing",
        ],
        sources_per_action = _UNWIND_SOURCES_PER_ACTION,
        **common
    )
    runtime_library(
        name = "cxxabi_" + arch,
        srcs = ["@llvm_project//:libcxxabi_srcs"],
        hdrs = [
            "@llvm_project//:libcxx_private_headers",
            "@llvm_project//:libcxxabi_headers",
            "@llvm_project//:libunwind_headers",
            cxx_headers,
            libc_headers,
        ],
        includes = _cxx_includes([
            "libcxxabi/include",
            "libcxx/src",
            "-isystem libunwind/include",
        ]),
        library = "c++abi",
        copts = _COPTS + [
            "-funwind-tables",
            "-D_LIBCXXABI_BUILDING_LIBRARY",
            # libcxxabi/CMakeLists.txt: it includes libc++'s headers as libc++ itself does (and
            # so sees std::unexpected_handler, which C++17 removed from the public headers).
            "-D_LIBCPP_BUILDING_LIBRARY",
            "-DLIBCXXABI_USE_LLVM_UNWINDER",
            # The default terminate handler demangles the type of an uncaught exception, which
            # links the whole demangler (tens of KB) into every binary. Lambda code catches what
            # it throws (the runtime reports handler exceptions itself); an uncaught exception
            # still aborts, without the message.
            "-DLIBCXXABI_SILENT_TERMINATE",
        ],
        cxxopts = _CXXOPTS,
        sources_per_action = _CXXABI_SOURCES_PER_ACTION,
        **common
    )
    runtime_library(
        name = "cxx_" + arch,
        srcs = ["@llvm_project//:libcxx_srcs"],
        hdrs = [
            "@llvm_project//:libcxx_private_headers",
            "@llvm_project//:libcxxabi_headers",
            cxx_headers,
            libc_headers,
            kernel_headers,  # <linux/futex.h> for std::atomic wait
        ],
        includes = _cxx_includes([
            "libcxx/src",
            "-isystem libcxxabi/include",
        ]),
        library = "c++",
        # libcxx/CMakeLists.txt, cxx_add_common_build_flags with LIBCXX_CXX_ABI=libcxxabi:
        # operator new/delete come from libc++abi.
        copts = _COPTS + [
            "-D_LIBCPP_BUILDING_LIBRARY",
            "-DLIBCXX_BUILDING_LIBCXXABI",
            "-D_LIBCPP_DISABLE_NEW_DELETE_DEFINITIONS",
            "-faligned-allocation",
        ],
        cxxopts = _CXXOPTS,
        sources_per_action = _CXX_SOURCES_PER_ACTION,
        **common
    )
