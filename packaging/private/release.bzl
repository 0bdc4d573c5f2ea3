"""release: the shippable set of a function as plain files, with SHA256SUMS and an SPDX SBOM."""

load("@bazel_skylib//rules:common_settings.bzl", "BuildSettingInfo")
load("//toolchains/private:transitions.bzl", "libc_attr")

def _release_impl(ctx):
    outs = []
    args = ctx.actions.args()
    out_dir = ctx.label.name
    inputs = [ctx.file.lock]
    specs = []
    for target, name in ctx.attr.files.items():
        files = target.files.to_list()
        if len(files) != 1:
            fail("release: %s must be exactly one file (use an output-group filegroup)" % target.label)
        outs.append(ctx.actions.declare_file("%s/%s" % (out_dir, name)))
        specs.append("%s=%s" % (name, files[0].path))
        inputs.append(files[0])
    sums = ctx.actions.declare_file(out_dir + "/SHA256SUMS")
    sbom = ctx.actions.declare_file(out_dir + "/sbom.spdx.json")
    args.add("--out", sums.dirname)
    args.add("--lock", ctx.file.lock)
    args.add("--libc", ctx.attr.libc or ctx.attr._libc_flag[BuildSettingInfo].value)
    args.add_all(sorted(specs))
    ctx.actions.run(
        executable = ctx.executable._build_release,
        arguments = [args],
        inputs = inputs,
        outputs = outs + [sums, sbom],
        mnemonic = "Release",
        progress_message = "Assembling release %s" % sums.dirname,
    )
    return [DefaultInfo(files = depset(outs + [sums, sbom]), runfiles = ctx.runfiles(outs + [sums, sbom]))]

release = rule(
    implementation = _release_impl,
    doc = """NAME/<file> for each artifact, NAME/SHA256SUMS over them, and NAME/sbom.spdx.json (SPDX
2.3) naming every pinned Debian input (sources, sysroot packages, compiler) with version and
hash; the inputs whose code is linked into the bootstraps (the C and C++ libraries of `libc`)
are related to every artifact as STATIC_LINK. Byte-identical on every build.""",
    attrs = {
        "files": attr.label_keyed_string_dict(mandatory = True, allow_files = True, doc = "artifact -> file name in the release"),
        "lock": attr.label(default = Label("//third_party:debian.lock.json"), allow_single_file = True),
        # The C library the artifacts' bootstraps link: lambda_zip and oci_image follow the flag
        # unless told otherwise, and so does this.
        "libc": libc_attr("", shipping = True),
        "_libc_flag": attr.label(default = Label("//toolchains:libc")),
        "_build_release": attr.label(default = Label("//tools/packaging:build_release"), executable = True, cfg = "exec"),
    },
)
