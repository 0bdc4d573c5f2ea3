"""oci_image, container_index, docker_archive: reproducible container images for Lambda."""

load("//toolchains/private:transitions.bzl", "ALLOWLIST_ATTR", "ARCH_PLATFORMS", "libc_attr", "platform_transition", "single")
load("//toolchains/private:binaries.bzl", "strip_binary")

_OCI_ARCH = {"linux_aarch64": "arm64", "linux_x86_64": "amd64"}

def _oci_image_impl(ctx):
    binary = single(ctx.attr.bootstrap)[DefaultInfo].files_to_run.executable
    stripped = ctx.actions.declare_file(ctx.label.name + ".bootstrap")
    strip_binary(ctx, binary, stripped)
    layout = ctx.actions.declare_directory(ctx.label.name)
    archive = ctx.actions.declare_file(ctx.label.name + ".tar")
    layer = ctx.actions.declare_file(ctx.label.name + ".layer.tar.gz")
    ctx.actions.run(
        executable = ctx.executable._build_oci,
        arguments = [
            "image",
            "--bootstrap",
            stripped.path,
            "--arch",
            _OCI_ARCH[ctx.attr.platform],
            "--layout",
            layout.path,
            "--archive",
            archive.path,
            "--layer",
            layer.path,
        ],
        inputs = [stripped],
        outputs = [layout, archive, layer],
        mnemonic = "OciImage",
        progress_message = "Building OCI image %s" % archive.short_path,
    )
    return [
        DefaultInfo(files = depset([archive, layout]), runfiles = ctx.runfiles([archive, layout])),
        OutputGroupInfo(layer = depset([layer]), archive = depset([archive]), layout = depset([layout])),
    ]

oci_image = rule(
    implementation = _oci_image_impl,
    doc = """An OCI image for Lambda: the bootstrap (release mode for `platform`, stripped) as the
only file, /var/runtime/bootstrap, which is the ENTRYPOINT; WorkingDir /var/task; Lambda's
environment defaults; `architecture`/`os` in the config. Outputs NAME/ (an OCI layout, tag
`latest`) and NAME.tar (the same as one archive: `skopeo inspect oci-archive:NAME.tar`); the
`layer` output group is the compressed layer, for size budgets. Byte-identical on every build.""",
    attrs = dict(ALLOWLIST_ATTR, **{
        "bootstrap": attr.label(mandatory = True, executable = True, cfg = platform_transition),
        "platform": attr.string(default = "linux_aarch64", values = ARCH_PLATFORMS),
        "libc": libc_attr("", shipping = True),
        "release": attr.bool(default = True, doc = "Internal: read by the transition."),
        "_build_oci": attr.label(default = Label("//tools/packaging:build_oci"), executable = True, cfg = "exec"),
    }),
)

def _archive_of(target):
    return target[OutputGroupInfo].archive.to_list()[0]

def _container_index_impl(ctx):
    layout = ctx.actions.declare_directory(ctx.label.name)
    archive = ctx.actions.declare_file(ctx.label.name + ".tar")
    images = [_archive_of(i) for i in ctx.attr.images]
    ctx.actions.run(
        executable = ctx.executable._build_oci,
        arguments = ["index", "--layout", layout.path, "--archive", archive.path] + [i.path for i in images],
        inputs = images,
        outputs = [layout, archive],
        mnemonic = "OciIndex",
        progress_message = "Building OCI index %s" % archive.short_path,
    )
    return [
        DefaultInfo(files = depset([archive, layout]), runfiles = ctx.runfiles([archive, layout])),
        OutputGroupInfo(archive = depset([archive]), layout = depset([layout])),
    ]

container_index = rule(
    implementation = _container_index_impl,
    doc = "A multi-architecture OCI image index over oci_image targets: NAME/ and NAME.tar.",
    attrs = {
        "images": attr.label_list(mandatory = True, providers = [OutputGroupInfo]),
        "_build_oci": attr.label(default = Label("//tools/packaging:build_oci"), executable = True, cfg = "exec"),
    },
)

def _docker_archive_impl(ctx):
    out = ctx.actions.declare_file(ctx.label.name + ".tar")
    image = _archive_of(ctx.attr.image)
    ctx.actions.run(
        executable = ctx.executable._build_oci,
        arguments = ["docker", "--image", image.path, "--tag", ctx.attr.tag, "--out", out.path],
        inputs = [image],
        outputs = [out],
        mnemonic = "DockerArchive",
        progress_message = "Writing docker archive %s" % out.short_path,
    )
    return [DefaultInfo(files = depset([out]), runfiles = ctx.runfiles([out]))]

docker_archive = rule(
    implementation = _docker_archive_impl,
    doc = "An oci_image as a `docker load` / `podman load` tarball (NAME.tar), tagged `tag`.",
    attrs = {
        "image": attr.label(mandatory = True, providers = [OutputGroupInfo]),
        "tag": attr.string(default = "ruchy-lambda:latest"),
        "_build_oci": attr.label(default = Label("//tools/packaging:build_oci"), executable = True, cfg = "exec"),
    },
)
