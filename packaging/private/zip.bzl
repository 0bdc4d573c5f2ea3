"""lambda_zip: a Lambda deployment zip with the release-mode `bootstrap` at its root."""

load("//toolchains/private:transitions.bzl", "ALLOWLIST_ATTR", "ARCH_PLATFORMS", "libc_attr", "platform_transition", "single")
load("//toolchains/private:binaries.bzl", "strip_binary")

def _lambda_zip_impl(ctx):
    binary = single(ctx.attr.bootstrap)[DefaultInfo].files_to_run.executable
    stripped = ctx.actions.declare_file(ctx.label.name + ".bootstrap")
    strip_binary(ctx, binary, stripped)
    out = ctx.actions.declare_file(ctx.label.name + ".zip")
    args = ctx.actions.args()
    args.add(out)
    args.add("bootstrap=%s:755" % stripped.path)
    inputs = [stripped]
    for target, path in ctx.attr.extra_files.items():
        files = target.files.to_list()
        if len(files) != 1:
            fail("extra_files: %s must be one file" % target.label)
        args.add("%s=%s:644" % (path, files[0].path))
        inputs.append(files[0])
    ctx.actions.run(
        executable = ctx.executable._build_zip,
        arguments = [args],
        inputs = inputs,
        outputs = [out],
        mnemonic = "LambdaZip",
        progress_message = "Zipping %s" % out.short_path,
    )
    return [DefaultInfo(files = depset([out]), runfiles = ctx.runfiles([out]))]

lambda_zip = rule(
    implementation = _lambda_zip_impl,
    doc = """A Lambda zip: the bootstrap built in release mode for `platform` (arm64 by default),
stripped, at the archive root with mode 0755, fixed timestamps, deflate; byte-identical on every
build. Output: NAME.zip.""",
    attrs = dict(ALLOWLIST_ATTR, **{
        "bootstrap": attr.label(mandatory = True, executable = True, cfg = platform_transition, doc = "A cc_binary."),
        "platform": attr.string(default = "linux_aarch64", values = ARCH_PLATFORMS),
        "libc": libc_attr("", shipping = True),
        "release": attr.bool(default = True, doc = "Internal: read by the transition."),
        "extra_files": attr.label_keyed_string_dict(allow_files = True, doc = "More files: label -> path in the zip."),
        "_build_zip": attr.label(default = Label("//tools/packaging:build_zip"), executable = True, cfg = "exec"),
    }),
)
