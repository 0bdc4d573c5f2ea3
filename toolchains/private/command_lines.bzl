"""toolchain_command_lines: the exact compile and link command lines of the resolved C++ toolchain,
written to JSON so that a test can run them and inspect what the compiler and linker really see."""

load("@bazel_tools//tools/build_defs/cc:action_names.bzl", "ACTION_NAMES")
load("@bazel_tools//tools/cpp:toolchain_utils.bzl", "find_cpp_toolchain")

def _impl(ctx):
    cc_toolchain = find_cpp_toolchain(ctx)
    features = cc_common.configure_features(
        ctx = ctx,
        cc_toolchain = cc_toolchain,
        requested_features = ctx.features,
        unsupported_features = ctx.disabled_features,
    )
    compile_vars = cc_common.create_compile_variables(
        feature_configuration = features,
        cc_toolchain = cc_toolchain,
        user_compile_flags = ctx.fragments.cpp.copts + ctx.fragments.cpp.cxxopts,
    )
    link_vars = cc_common.create_link_variables(
        feature_configuration = features,
        cc_toolchain = cc_toolchain,
        is_linking_dynamic_library = False,
        user_link_flags = ctx.fragments.cpp.linkopts,
    )
    out = ctx.actions.declare_file(ctx.label.name + ".json")
    ctx.actions.write(out, json.encode({
        "compiler": cc_common.get_tool_for_action(feature_configuration = features, action_name = ACTION_NAMES.cpp_compile),
        "compile_args": cc_common.get_memory_inefficient_command_line(
            feature_configuration = features,
            action_name = ACTION_NAMES.cpp_compile,
            variables = compile_vars,
        ),
        "link_args": cc_common.get_memory_inefficient_command_line(
            feature_configuration = features,
            action_name = ACTION_NAMES.cpp_link_executable,
            variables = link_vars,
        ),
        "sysroot": cc_toolchain.sysroot,
        "cpu": cc_toolchain.cpu,
        "built_in_include_directories": cc_toolchain.built_in_include_directories,
    }))
    return [DefaultInfo(files = depset([out]), runfiles = ctx.runfiles(files = [out], transitive_files = cc_toolchain.all_files))]

toolchain_command_lines = rule(
    implementation = _impl,
    attrs = {
        "_cc_toolchain": attr.label(default = "@bazel_tools//tools/cpp:current_cc_toolchain"),
    },
    fragments = ["cpp"],
    toolchains = ["@bazel_tools//tools/cpp:toolchain_type"],
    incompatible_use_toolchain_transition = True,
)
