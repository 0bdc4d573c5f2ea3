"""Declares one cc_toolchain per row of targets.bzl; called from //toolchains/cc:BUILD.bazel."""

load("@host_llvm//:versions.bzl", "LLVM_PACKAGES", "LLVM_PREFIX", "LLVM_RESOURCE_DIR")
load(":cc_toolchain_config.bzl", "cc_toolchain_config")
load(":targets.bzl", "SYSROOT_GCC_VERSION", "TARGETS")

def declare_cc_toolchains():
    # Bazel 4 still analyses --crosstool_top's suite for the --cpu in force, even with toolchain
    # resolution on. Pointing it at our own toolchains keeps @local_config_cc out of every build.
    native.cc_toolchain_suite(
        name = "suite",
        toolchains = {
            target.bazel_cpu: ":%s_cc_toolchain" % name
            for name, target in TARGETS.items()
        },
    )
    for name, target in TARGETS.items():
        sysroot = "@%s//" % target.sysroot_repo

        # The identifier names every pinned input, so any change to them is a new toolchain.
        identifier = "clang-%s-%s" % (name, LLVM_PACKAGES)
        musl = target.libc == "musl"
        cc_toolchain_config(
            name = name + "_config",
            arch_flags = target.arch_flags,
            cpu = target.bazel_cpu,
            gcc_version = SYSROOT_GCC_VERSION,
            libc = target.libc,
            llvm_prefix = LLVM_PREFIX,
            runtime_libs = "//toolchains/runtimes:" + name if musl else None,
            resource_dir = LLVM_RESOURCE_DIR,
            sysroot_path = "external/" + target.sysroot_repo,
            toolchain_identifier = identifier,
            triple = target.triple,
        )
        native.filegroup(
            name = name + "_compiler_files",
            srcs = [
                sysroot + ":compiler_files",
                "@host_llvm//:resource_headers",
                # Read by --config=asan (-fsanitize-ignorelist).
                "//toolchains/sanitizers:ubsan_ignorelist.txt",
            ],
        )
        native.filegroup(
            name = name + "_linker_files",
            # musl: the runtime libraries, compiled by Bazel (//toolchains/runtimes).
            srcs = ["//toolchains/runtimes:" + name] if musl else [sysroot + ":linker_files"],
        )
        native.filegroup(
            name = name + "_all_files",
            srcs = [":%s_compiler_files" % name, ":%s_linker_files" % name],
        )
        native.cc_toolchain(
            name = name + "_cc_toolchain",
            all_files = ":%s_all_files" % name,
            ar_files = ":%s_all_files" % name,
            as_files = ":%s_compiler_files" % name,
            compiler_files = ":%s_compiler_files" % name,
            dwp_files = ":empty",
            linker_files = ":%s_linker_files" % name,
            objcopy_files = ":empty",
            strip_files = ":empty",
            supports_param_files = True,
            toolchain_config = ":%s_config" % name,
            toolchain_identifier = identifier,
        )
        native.toolchain(
            name = name,
            exec_compatible_with = ["@platforms//cpu:x86_64", "@platforms//os:linux"],
            target_compatible_with = [
                target.constraint_cpu,
                "@platforms//os:linux",
                "//toolchains/libc:" + target.libc,
            ],
            toolchain = ":%s_cc_toolchain" % name,
            toolchain_type = "@bazel_tools//tools/cpp:toolchain_type",
        )
