"""Rules that take a cc_binary (or cc_test) to another platform and/or to release mode."""

load("@host_llvm//:versions.bzl", "LLVM_PREFIX")
load(":transitions.bzl", "ALLOWLIST_ATTR", "ARCHES", "ARCH_PLATFORMS", "all_arches_transition", "libc_attr", "platform_transition", "single")

_LLVM_STRIP = LLVM_PREFIX + "/bin/llvm-strip"

def strip_binary(ctx, binary, stripped):
    """Writes the shipped binary: every symbol and debug section removed; the build-id note is an
    allocated section and stays, so the unstripped original still symbolises crash addresses."""
    ctx.actions.run(
        executable = _LLVM_STRIP,
        arguments = ["--strip-all", "-o", stripped.path, binary.path],
        inputs = [binary],
        outputs = [stripped],
        mnemonic = "ReleaseStrip",
        progress_message = "Stripping %s" % stripped.short_path,
    )

def _strip(ctx, binary, stripped, debug):
    """The stripped binary plus its unstripped twin NAME.debug."""
    ctx.actions.symlink(output = debug, target_file = binary, is_executable = True)
    strip_binary(ctx, binary, stripped)

def _release_binary_impl(ctx):
    binary = single(ctx.attr.binary)[DefaultInfo].files_to_run.executable
    stripped = ctx.actions.declare_file(ctx.attr.out or ctx.label.name)
    debug = ctx.actions.declare_file(stripped.basename + ".debug", sibling = stripped)
    _strip(ctx, binary, stripped, debug)
    return [
        DefaultInfo(files = depset([stripped]), executable = stripped, runfiles = ctx.runfiles([stripped])),
        OutputGroupInfo(debug = depset([debug])),
    ]

release_binary = rule(
    implementation = _release_binary_impl,
    doc = """A cc_binary built in release mode (-c opt: -Os, gc-sections, ICF, static) for one
platform, stripped. The unstripped twin is the `debug` output group (`NAME.debug`).""",
    attrs = dict(ALLOWLIST_ATTR, **{
        "binary": attr.label(mandatory = True, executable = True, cfg = platform_transition),
        "platform": attr.string(default = "linux_aarch64", values = ARCH_PLATFORMS),
        "libc": libc_attr("glibc"),
        "release": attr.bool(default = True, doc = "Internal: read by the transition."),
        "out": attr.string(doc = "Output file name; defaults to the target name."),
    }),
    executable = True,
)

def _release_binaries_impl(ctx):
    files, debug = [], []
    for arch in ARCHES:
        binary = ctx.split_attr.binary[arch][DefaultInfo].files_to_run.executable
        stripped = ctx.actions.declare_file("%s/%s/%s" % (ctx.label.name, arch, binary.basename))
        twin = ctx.actions.declare_file(stripped.basename + ".debug", sibling = stripped)
        _strip(ctx, binary, stripped, twin)
        files.append(stripped)
        debug.append(twin)
    return [
        DefaultInfo(files = depset(files), runfiles = ctx.runfiles(files)),
        OutputGroupInfo(debug = depset(debug)),
    ]

release_binaries = rule(
    implementation = _release_binaries_impl,
    doc = """One target, every architecture: `NAME/x86_64/BIN` and `NAME/arm64/BIN`, release mode,
stripped, with `.debug` twins in the `debug` output group. No command-line flags needed.""",
    attrs = dict(ALLOWLIST_ATTR, **{
        "binary": attr.label(mandatory = True, cfg = all_arches_transition),
        "libc": libc_attr("glibc"),
        "release": attr.bool(default = True, doc = "Internal: read by the transition."),
    }),
)

def _platform_binary_impl(ctx):
    dep = single(ctx.attr.binary)
    binary = dep[DefaultInfo].files_to_run.executable
    out = ctx.actions.declare_file(ctx.label.name)
    ctx.actions.symlink(output = out, target_file = binary, is_executable = True)
    runfiles = ctx.runfiles(files = [out, binary]).merge(dep[DefaultInfo].default_runfiles)
    return [DefaultInfo(files = depset([out]), runfiles = runfiles, executable = out)]

platform_binary = rule(
    implementation = _platform_binary_impl,
    doc = """A binary built for another platform (default arm64) in the current compilation mode,
for use as `data` of host tests: the conformance suite runs arm64 bootstraps through qemu, and
musl bootstraps of both architectures.""",
    attrs = dict(ALLOWLIST_ATTR, **{
        "binary": attr.label(mandatory = True, executable = True, cfg = platform_transition),
        "platform": attr.string(default = "linux_aarch64", values = ARCH_PLATFORMS),
        "libc": libc_attr("glibc"),
        "release": attr.bool(default = False, doc = "Build the binary in release mode."),
    }),
    executable = True,
)

_QEMU = "/usr/bin/qemu-aarch64-static"

def _platform_test_impl(ctx):
    dep = single(ctx.attr.test)
    binary = dep[DefaultInfo].files_to_run.executable
    script = ctx.actions.declare_file(ctx.label.name + ".sh")
    if ctx.attr.platform == "linux_aarch64":
        runner = """# An arm64 test binary, run under user-mode qemu (no binfmt registration needed).
if [ ! -x {qemu} ]; then
  echo "{qemu} is missing: run tools/setup.sh (Debian package qemu-user-static)" >&2
  exit 1
fi
exec {qemu} {binary} "$@"
""".format(qemu = _QEMU, binary = binary.short_path)
    else:
        runner = 'exec {binary} "$@"\n'.format(binary = binary.short_path)
    ctx.actions.write(script, "#!/bin/sh\n" + runner, is_executable = True)
    runfiles = ctx.runfiles(files = [binary]).merge(dep[DefaultInfo].default_runfiles)
    return [DefaultInfo(executable = script, runfiles = runfiles)]

platform_test = rule(
    implementation = _platform_test_impl,
    doc = """Builds a cc_test for another platform (architecture and C library) and runs it on this
x86_64 host: natively, or under qemu-aarch64-static for arm64.""",
    attrs = dict(ALLOWLIST_ATTR, **{
        "test": attr.label(mandatory = True, executable = True, cfg = platform_transition),
        "platform": attr.string(default = "linux_aarch64", values = ARCH_PLATFORMS),
        "libc": libc_attr("glibc"),
        "release": attr.bool(default = False),
    }),
    test = True,
)

def _platform_data_impl(ctx):
    dep = single(ctx.attr.target)
    return [DefaultInfo(files = dep[DefaultInfo].files, runfiles = dep[DefaultInfo].default_runfiles)]

platform_data = rule(
    implementation = _platform_data_impl,
    doc = "Any target's files and runfiles, built for another platform: data for host tests.",
    attrs = dict(ALLOWLIST_ATTR, **{
        "target": attr.label(mandatory = True, cfg = platform_transition),
        "platform": attr.string(default = "linux_aarch64", values = ARCH_PLATFORMS),
        "libc": libc_attr("glibc"),
        "release": attr.bool(default = False, doc = "Build the target in release mode."),
    }),
)
