"""ruchy_lambda_dependencies(): every outside repository the project needs, all of it offline.

Call it from the WORKSPACE of this repository or of any workspace that uses our rules through
`local_repository(name = "ruchy_lambda", ...)`. Labels are written with Label() so they resolve to
this repository from anywhere.
"""

load("//third_party/debian:repositories.bzl", "debian_deb", "debian_source", "debian_sysroot", "host_llvm", "musl_sysroot")
load("//third_party/npm:repositories.bzl", "npm_lock_repository")
load("//toolchains/cc/private:targets.bzl", "TARGETS")

def _local(name, path):
    if name not in native.existing_rules():
        native.local_repository(name = name, path = path)

def ruchy_lambda_dependencies(shims_root = "third_party/bazel_shims"):
    """Declares Debian-pinned sources, sysroots, the pinned host LLVM and Bazel 4.2.3 shims.

    Args:
      shims_root: folder holding the Bazel shims, relative to the calling workspace (outside
        workspaces pass the path of their ruchy_lambda checkout + "/third_party/bazel_shims").
    """

    # Debian packages bazel-platforms and bazel-skylib (installed by tools/setup.sh).
    _local("platforms", "/usr/share/bazel/tools/platforms")
    _local("bazel_skylib", "/usr/share/bazel/tools/skylib")
    for shim in ["rules_cc", "rules_java", "rules_proto", "remote_coverage_tools"]:
        _local(shim, shims_root + "/" + shim)

    host_llvm(name = "host_llvm", major = "14")
    for name, target in TARGETS.items():
        if target.libc == "glibc":
            debian_sysroot(name = target.sysroot_repo, sysroot = name, triple = target.triple)

    # The musl toolchains: musl and LLVM's C++ runtimes from pinned sources, compiled by Bazel
    # (//toolchains/runtimes); their headers are assembled per architecture.
    debian_source(
        name = "musl",
        package = "musl",
        build_file = Label("//third_party/musl:BUILD.musl.bazel"),
    )
    debian_source(
        name = "llvm_project",
        package = "llvm-toolchain-14",
        build_file = Label("//third_party/llvm:BUILD.llvm_project.bazel"),
        # The runtimes only: 12 MB of a 130 MB archive (docs/build.md).
        only = [
            "compiler-rt/LICENSE.TXT",
            "compiler-rt/lib/builtins",
            "compiler-rt/lib/crt",
            "libcxx/LICENSE.TXT",
            "libcxx/include",
            "libcxx/src",
            "libcxxabi/LICENSE.TXT",
            "libcxxabi/include",
            "libcxxabi/src",
            "libunwind/LICENSE.TXT",
            "libunwind/include",
            "libunwind/src",
        ],
    )
    for name, target in TARGETS.items():
        if target.libc == "musl":
            twin = TARGETS[target.glibc_twin]
            musl_sysroot(
                name = target.sysroot_repo,
                arch = target.musl_arch,
                gnu_triple = twin.triple,
                glibc_sysroot_pins = "@%s//:pins.txt" % twin.sysroot_repo,
            )

    debian_source(name = "com_google_absl", package = "abseil")
    debian_source(name = "com_google_googletest", package = "googletest")
    debian_source(
        name = "cpp_httplib",
        package = "cpp-httplib",
        build_file = Label("//third_party/cpp_httplib:BUILD.upstream.bazel"),
    )
    debian_source(
        name = "rapidjson",
        package = "rapidjson",
        build_file = Label("//third_party/rapidjson:BUILD.upstream.bazel"),
    )

    # The Unicode Character Database: the standard library's case mapping and character classes
    # are generated from it at build time (//stdlib/unicode).
    debian_deb(
        name = "unicode_data",
        package = "unicode-data",
        build_file = Label("//third_party/unicode_data:BUILD.upstream.bazel"),
    )

    # Test-only, from npm: the AWS SDK for JavaScript v3 as a client of tools/emulator.
    npm_lock_repository(
        name = "aws_sdk_js",
        package_json = Label("//tools/emulator/sdk_test:package.json"),
        package_lock = Label("//tools/emulator/sdk_test:package-lock.json"),
    )

def ruchy_lambda_register_toolchains():
    native.register_toolchains(
        "@ruchy_lambda//toolchains/cc:all",
        "@ruchy_lambda//toolchains/python:python3",
    )
