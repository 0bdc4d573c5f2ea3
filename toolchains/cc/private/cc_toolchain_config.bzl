"""The clang + lld toolchain configuration: one rule, instantiated once per target in targets.bzl.

Hermeticity is the point of this file. Every compile starts from `-nostdinc` and names its include
folders one by one (the sysroot's C++ and C library headers, and clang's own resource dir), and
every link goes through `--sysroot` with no host library folder in the search path, so nothing from
the host's /usr/include, /usr/lib/<triple> or /usr/local can leak in. //toolchains/tests proves it.

Two C libraries:
- glibc: the sysroot of Debian's *-cross packages (glibc 2.36, libstdc++ 12, libgcc). Links are
  static: Lambda's glibc (2.34 on provided.al2023, 2.26 on provided.al2) is older than 2.36, and
  arm64 binaries run under qemu without a loader. `--features=-static_executables` (used by the
  sanitizer configs) links glibc dynamically, still with libstdc++ and libgcc static.
- musl: static musl 1.2.3 with LLVM's libc++, libc++abi, libunwind and compiler-rt builtins, all
  built by //toolchains/runtimes (in the host configuration, so their paths are the same for every
  build) and named on every link line (`-nostdlib`: the driver adds no library or start file of its
  own). Headers come from the assembled musl sysroot (third_party/musl/make_sysroot.py).
"""

load("@bazel_tools//tools/build_defs/cc:action_names.bzl", "ACTION_NAMES")
load(
    "@bazel_tools//tools/cpp:cc_toolchain_config_lib.bzl",
    "env_entry",
    "env_set",
    "feature",
    "flag_group",
    "flag_set",
    "tool_path",
    "with_feature_set",
)

_C_COMPILE = [ACTION_NAMES.c_compile]
_CPP_COMPILE = [
    ACTION_NAMES.cpp_compile,
    ACTION_NAMES.cpp_header_parsing,
    ACTION_NAMES.cpp_module_compile,
    ACTION_NAMES.linkstamp_compile,
]
_ALL_COMPILE = _C_COMPILE + _CPP_COMPILE + [ACTION_NAMES.assemble, ACTION_NAMES.preprocess_assemble]
_ALL_LINK = [
    ACTION_NAMES.cpp_link_executable,
    ACTION_NAMES.cpp_link_dynamic_library,
    ACTION_NAMES.cpp_link_nodeps_dynamic_library,
]
_ALL_ACTIONS = _ALL_COMPILE + _ALL_LINK + [ACTION_NAMES.cpp_link_static_library, ACTION_NAMES.strip]

def _flags(actions, flags, with_features = []):
    return flag_set(actions = actions, flag_groups = [flag_group(flags = flags)], with_features = with_features)

def _impl(ctx):
    sysroot = ctx.attr.sysroot_path
    triple = ctx.attr.triple
    musl = ctx.attr.libc == "musl"
    resource_include = ctx.attr.resource_dir + "/include"
    if musl:
        cxx_include = [sysroot + "/usr/include/c++/v1"]
        c_include = [resource_include, sysroot + "/usr/include"]
    else:
        cxx_include = ["%s/usr/%s/include/c++/%s" % (sysroot, triple, ctx.attr.gcc_version)]
        cxx_include += [cxx_include[0] + "/" + triple, cxx_include[0] + "/backward"]
        c_include = [resource_include, "%s/usr/%s/include" % (sysroot, triple)]

    llvm_bin = ctx.attr.llvm_prefix + "/bin/"
    tool_paths = [
        tool_path(name = "gcc", path = llvm_bin + "clang"),
        tool_path(name = "cpp", path = llvm_bin + "clang-cpp"),
        tool_path(name = "ld", path = llvm_bin + "ld.lld"),
        tool_path(name = "ar", path = llvm_bin + "llvm-ar"),
        tool_path(name = "nm", path = llvm_bin + "llvm-nm"),
        tool_path(name = "objcopy", path = llvm_bin + "llvm-objcopy"),
        tool_path(name = "objdump", path = llvm_bin + "llvm-objdump"),
        tool_path(name = "strip", path = llvm_bin + "llvm-strip"),
        tool_path(name = "gcov", path = "/bin/false"),
        tool_path(name = "llvm-cov", path = llvm_bin + "llvm-cov"),
    ]

    target_flags = ["--target=" + triple] + ctx.attr.arch_flags

    features = [
        # No `supports_pic` or `supports_dynamic_linker` feature: Bazel then builds no shared
        # libraries, and every test and binary links our code statically.
        feature(
            name = "pinned_toolchain_env",
            enabled = True,
            # Bazel cannot see a compiler change under /usr. The pinned Debian versions are in the
            # environment of every action, so changing them changes every action key.
            env_sets = [env_set(
                actions = _ALL_ACTIONS,
                env_entries = [env_entry(key = "RUCHY_LAMBDA_TOOLCHAIN", value = ctx.attr.toolchain_identifier)],
            )],
        ),
        feature(
            name = "hermetic_compile_flags",
            enabled = True,
            flag_sets = [
                _flags(_ALL_COMPILE, target_flags + [
                    "--sysroot=" + sysroot,
                    "-no-canonical-prefixes",
                    "-nostdinc",
                    "-fno-ident",
                    # Hardening that pays for itself: +256 bytes on a static C++ hello
                    # (docs/build.md, "Hardening").
                    "-fstack-protector-strong",
                    "-fdebug-compilation-dir=.",
                    "-ffile-prefix-map=%s=/clang-resource" % ctx.attr.resource_dir,
                    # Reproducible: the date and time never reach an object file.
                    "-Wno-builtin-macro-redefined",
                    "-D__DATE__=\"redacted\"",
                    "-D__TIMESTAMP__=\"redacted\"",
                    "-D__TIME__=\"redacted\"",
                ]),
                # The C++ library must come before the C headers: its <cstdlib> wraps <stdlib.h>.
                _flags(_CPP_COMPILE, ["-std=c++20"] + [f for d in cxx_include for f in ["-isystem", d]]),
                _flags(_C_COMPILE, ["-std=c17"]),
                _flags(_ALL_COMPILE, [f for d in c_include for f in ["-isystem", d]]),
            ],
        ),
        feature(
            name = "hermetic_link_flags",
            enabled = True,
            flag_sets = [
                _flags(_ALL_LINK, target_flags + [
                    "--sysroot=" + sysroot,
                    "-no-canonical-prefixes",
                    "-fuse-ld=lld",
                    # A content hash: deterministic, and kept in the stripped binary so a crash
                    # report can be matched to the unstripped twin.
                    "-Wl,--build-id=sha1",
                    "-Wl,--hash-style=gnu",
                    "-Wl,-z,relro,-z,now",
                    "-Wl,--no-undefined-version",
                ] + ([
                    # No start files or libraries from the driver: cpp_runtime_libs names them all.
                    "-nostdlib",
                    # ...so the driver has nothing to do with -pthread (musl's libc.a has threads).
                    "-Qunused-arguments",
                    # libunwind finds unwind tables through PT_GNU_EH_FRAME, which only this
                    # creates in a static executable (clang leaves it out with -static).
                    "-Wl,--eh-frame-hdr",
                ] if musl else [])),
            ],
        ),
        feature(
            name = "static_executables",
            enabled = True,
            flag_sets = [
                _flags([ACTION_NAMES.cpp_link_executable], ["-static"]),
                # Static, position-dependent executables: smallest and fastest to start (no
                # self-relocation). See docs/build.md, "Hardening", for the trade-off.
                _flags(_ALL_COMPILE, ["-fno-pie"]),
            ],
        ),
    ] + ([
        # Declared so that Bazel does not add its legacy `-static-libgcc`: there is no libgcc.
        feature(name = "static_libgcc"),
    ] if musl else []) + [
        feature(
            name = "cpp_runtime_libs",
            enabled = True,
            # Comes after the objects and libraries on the link line (Bazel orders toolchain
            # features after libraries_to_link), which static archives need. musl: libc++,
            # libc++abi, libunwind, libc (with crt1.o), compiler-rt's builtins and crtbegin, by
            # path; every link mode gets them (Bazel's static_runtime_lib is left out of cc_test's
            # "dynamic" links).
            flag_sets = [_flags(_ALL_LINK, [f.path for f in ctx.files.runtime_libs])] if musl else [_flags(_ALL_LINK, [
                "-static-libgcc",
                "-Wl,--push-state,-Bstatic",
                "-lstdc++",
                "-Wl,--pop-state",
                "-lm",
            ])],
        ),
        feature(name = "dbg"),
        feature(name = "fastbuild"),
        feature(name = "opt"),
        feature(
            name = "compilation_mode_flags",
            enabled = True,
            flag_sets = [
                _flags(_ALL_COMPILE, ["-O0", "-g"], [with_feature_set(features = ["dbg"])]),
                _flags(_ALL_COMPILE, ["-O0"], [with_feature_set(features = ["fastbuild"])]),
                # Release: small first (Lambda bills by cold start, which tracks size), then fast.
                # Line tables only: enough for the unstripped twin to symbolise a crash.
                _flags(_ALL_COMPILE, [
                    "-Os",
                    "-DNDEBUG",
                    "-gline-tables-only",
                    "-ffunction-sections",
                    "-fdata-sections",
                ], [with_feature_set(features = ["opt"])]),
                _flags(_ALL_LINK, [
                    "-Wl,--gc-sections",
                    "-Wl,--icf=safe",
                    "-Wl,-O2",
                ], [with_feature_set(features = ["opt"])]),
            ],
        ),
        feature(
            name = "graviton2",
            # Opt-in tuning for Graviton2 and later (Neoverse N1). Every Graviton Lambda host runs
            # this code, but the default (plain armv8-a) stays portable to any arm64 machine.
            flag_sets = [_flags(_ALL_COMPILE, ["-mcpu=neoverse-n1"])],
        ),
        feature(
            name = "user_compile_flags",
            enabled = True,
            flag_sets = [flag_set(
                actions = _ALL_COMPILE,
                flag_groups = [flag_group(
                    flags = ["%{user_compile_flags}"],
                    iterate_over = "user_compile_flags",
                    expand_if_available = "user_compile_flags",
                )],
            )],
        ),
    ]

    return cc_common.create_cc_toolchain_config_info(
        ctx = ctx,
        features = features,
        cxx_builtin_include_directories = [
            # All of clang's resource dir: its headers, and the sanitizer ignore lists that
            # -fsanitize=... reads (they show up in .d files).
            ctx.attr.resource_dir,
        ] + (["%sysroot%/usr/include"] if musl else [
            "%sysroot%/usr/" + triple + "/include",
            "%sysroot%/usr/lib/gcc-cross/" + triple,
        ]),
        toolchain_identifier = ctx.attr.toolchain_identifier,
        host_system_name = "x86_64-linux-gnu",
        target_system_name = triple,
        target_cpu = ctx.attr.cpu,
        target_libc = "musl_1.2.3" if musl else "glibc_2.36",
        compiler = "clang",
        abi_version = "clang",
        abi_libc_version = "musl_1.2.3" if musl else "glibc_2.36",
        tool_paths = tool_paths,
        builtin_sysroot = sysroot,
    )

cc_toolchain_config = rule(
    implementation = _impl,
    attrs = {
        "arch_flags": attr.string_list(doc = "Extra target flags, e.g. the baseline ISA."),
        "cpu": attr.string(mandatory = True, doc = "Bazel's --cpu name (k8, aarch64)."),
        "gcc_version": attr.string(mandatory = True, doc = "Major version of the sysroot's libstdc++ (glibc)."),
        "libc": attr.string(mandatory = True, values = ["glibc", "musl"]),
        "llvm_prefix": attr.string(mandatory = True, doc = "Installation prefix of the pinned LLVM."),
        "resource_dir": attr.string(mandatory = True, doc = "clang's resource dir (its own headers)."),
        "runtime_libs": attr.label(doc = "musl: //toolchains/runtimes archives, linked in this order."),
        "sysroot_path": attr.string(mandatory = True, doc = "Exec-root relative path of the sysroot."),
        "toolchain_identifier": attr.string(mandatory = True),
        "triple": attr.string(mandatory = True, doc = "GNU target triple."),
    },
    provides = [CcToolchainConfigInfo],
)
