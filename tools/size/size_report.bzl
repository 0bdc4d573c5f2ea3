"""bootstrap_link_map: links a bootstrap's libraries again, as its cc_binary does, with an lld map.

A cc_binary cannot declare the map file as an output, so this rule repeats the link of the same
libraries with the same toolchain, features and flags (release mode, the chosen platform and C
library) and adds `-Wl,-Map`. tools/size/report.py reads the maps; it also weighs the real shipped
binary, so a difference between the two links would show.
"""

load("@bazel_tools//tools/build_defs/cc:action_names.bzl", "ACTION_NAMES")
load("@bazel_tools//tools/cpp:toolchain_utils.bzl", "find_cpp_toolchain")
load("//toolchains/private:transitions.bzl", "ALLOWLIST_ATTR", "ARCH_PLATFORMS", "libc_attr", "platform_transition", "single")

def _library_args(library, args, inputs):
    archive = library.static_library or library.pic_static_library
    if archive:
        if library.alwayslink:
            args += ["-Wl,--whole-archive", archive.path, "-Wl,--no-whole-archive"]
        else:
            args.append(archive.path)
        inputs.append(archive)
        return
    for obj in (library.objects or library.pic_objects or []):
        args.append(obj.path)
        inputs.append(obj)

def _relink_impl(ctx):
    cc_toolchain = find_cpp_toolchain(ctx)
    features = cc_common.configure_features(
        ctx = ctx,
        cc_toolchain = cc_toolchain,
        requested_features = ctx.features,
        unsupported_features = ctx.disabled_features,
    )
    linking = cc_common.merge_cc_infos(cc_infos = [d[CcInfo] for d in ctx.attr.deps]).linking_context
    binary = ctx.actions.declare_file(ctx.label.name)
    link_map = ctx.actions.declare_file(ctx.label.name + ".map")

    # Libraries in the order cc_binary passes them: each target before what it depends on.
    libs, inputs, user_flags = [], [], []
    for linker_input in linking.linker_inputs.to_list():
        for library in linker_input.libraries:
            _library_args(library, libs, inputs)
        user_flags += linker_input.user_link_flags
    if cc_common.is_enabled(feature_configuration = features, feature_name = "static_link_cpp_runtimes"):
        for runtime in cc_toolchain.static_runtime_lib(feature_configuration = features).to_list():
            libs.append(runtime.path)
            inputs.append(runtime)

    variables = cc_common.create_link_variables(
        feature_configuration = features,
        cc_toolchain = cc_toolchain,
        user_link_flags = ctx.fragments.cpp.linkopts + user_flags,
        output_file = binary.path,
        is_linking_dynamic_library = False,
        is_static_linking_mode = True,
    )
    toolchain_args = cc_common.get_memory_inefficient_command_line(
        feature_configuration = features,
        action_name = ACTION_NAMES.cpp_link_executable,
        variables = variables,
    )
    env = cc_common.get_environment_variables(
        feature_configuration = features,
        action_name = ACTION_NAMES.cpp_link_executable,
        variables = variables,
    )
    ctx.actions.run(
        executable = cc_common.get_tool_for_action(
            feature_configuration = features,
            action_name = ACTION_NAMES.cpp_link_executable,
        ),
        arguments = ["-o", binary.path] + libs + toolchain_args + ["-Wl,-Map=" + link_map.path],
        inputs = depset(inputs, transitive = [cc_toolchain.all_files]),
        outputs = [binary, link_map],
        env = env,
        mnemonic = "LinkMap",
        progress_message = "Linking %s again for its link map" % binary.short_path,
    )
    return [DefaultInfo(files = depset([link_map, binary]))]

_relink = rule(
    implementation = _relink_impl,
    attrs = {
        "deps": attr.label_list(mandatory = True, providers = [CcInfo]),
        "_cc_toolchain": attr.label(default = "@bazel_tools//tools/cpp:current_cc_toolchain"),
    },
    fragments = ["cpp"],
    toolchains = ["@bazel_tools//tools/cpp:toolchain_type"],
    incompatible_use_toolchain_transition = True,
)

def _link_map_impl(ctx):
    relinked = single(ctx.attr.relink)[DefaultInfo].files.to_list()
    link_map = [f for f in relinked if f.extension == "map"][0]
    return [DefaultInfo(files = depset([link_map]), runfiles = ctx.runfiles([link_map]))]

_link_map = rule(
    implementation = _link_map_impl,
    attrs = dict(ALLOWLIST_ATTR, **{
        "relink": attr.label(mandatory = True, cfg = platform_transition),
        "platform": attr.string(mandatory = True, values = ARCH_PLATFORMS),
        "libc": libc_attr(""),
        "release": attr.bool(default = True, doc = "Internal: read by the transition."),
    }),
)

def bootstrap_link_map(name, deps, platform, libc = "", **kwargs):
    """NAME.map (output of :NAME): the lld map of DEPS linked as a release bootstrap for PLATFORM
    and LIBC ("" means --//toolchains:libc), as lambda_zip links them."""
    _relink(name = name + "_relink", deps = deps, tags = ["manual"], visibility = ["//visibility:private"])
    _link_map(name = name, relink = ":%s_relink" % name, platform = platform, libc = libc, **kwargs)
