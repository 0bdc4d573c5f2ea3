"""Configuration transitions: build a dependency for another platform and/or in release mode.

Bazel 4 names output folders after --cpu, not --platforms, so every transition sets both;
otherwise x86_64 and arm64 outputs would overwrite each other in k8-fastbuild.
"""

load("//toolchains/cc/private:targets.bzl", "TARGETS")

PLATFORMS = {name: "@ruchy_lambda//toolchains/platforms:" + name for name in TARGETS}

# Short names users type, mapped to the platforms table.
ARCHES = {"x86_64": "linux_x86_64", "arm64": "linux_aarch64"}

_OUTPUTS = ["//command_line_option:platforms", "//command_line_option:cpu", "//command_line_option:compilation_mode"]

def _settings_for(target_name, release, current_mode):
    return {
        "//command_line_option:platforms": PLATFORMS[target_name],
        "//command_line_option:cpu": TARGETS[target_name].bazel_cpu,
        # Release mode: -c opt turns on the toolchain's size-optimised, gc-sections flags.
        "//command_line_option:compilation_mode": "opt" if release else current_mode,
    }

def _platform_transition_impl(settings, attr):
    return _settings_for(attr.platform, attr.release, settings["//command_line_option:compilation_mode"])

platform_transition = transition(
    implementation = _platform_transition_impl,
    inputs = ["//command_line_option:compilation_mode"],
    outputs = _OUTPUTS,
)

def _all_arches_impl(settings, attr):
    return {
        arch: _settings_for(target_name, attr.release, settings["//command_line_option:compilation_mode"])
        for arch, target_name in ARCHES.items()
    }

# A split transition: one dependency, built once per architecture in ARCHES.
all_arches_transition = transition(
    implementation = _all_arches_impl,
    inputs = ["//command_line_option:compilation_mode"],
    outputs = _OUTPUTS,
)

ALLOWLIST_ATTR = {
    "_allowlist_function_transition": attr.label(
        default = "@bazel_tools//tools/allowlists/function_transition_allowlist",
    ),
}

def single(dep):
    """An attribute with a 1:1 Starlark transition is a one-element list in Bazel 4."""
    if type(dep) == "list":
        if len(dep) != 1:
            fail("expected one dependency, got %d" % len(dep))
        return dep[0]
    return dep
