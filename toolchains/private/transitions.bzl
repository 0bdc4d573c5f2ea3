"""Configuration transitions: build a dependency for another platform and/or in release mode.

A target platform is an architecture and a C library (rows of //toolchains/cc/private:targets.bzl).
Rules take the architecture as `platform` ("linux_x86_64", "linux_aarch64") and the C library as
`libc` ("glibc", "musl", or "" for the --//toolchains:libc flag, which shipping rules default to).
The flag is an input of the transitions, never an output: the exec configuration stays the same
whatever C library the target code uses.

Bazel 4 names output folders after --cpu, not --platforms, so every transition sets both;
otherwise x86_64 and arm64 outputs would overwrite each other in k8-fastbuild.
"""

load("//toolchains/cc/private:targets.bzl", "TARGETS")

# Label() resolves in this file's repository: "//toolchains/platforms:x" here, and
# "@ruchy_lambda//toolchains/platforms:x" from a workspace that uses our rules. A literal
# "@ruchy_lambda//..." in this workspace would name a second copy of the packages, whose
# constraints (//toolchains/libc) are not the ones the registered toolchains test against.
PLATFORMS = {name: str(Label("//toolchains/platforms:" + name)) for name in TARGETS}

# Short names users type, mapped to the platforms table.
ARCHES = {"x86_64": "linux_x86_64", "arm64": "linux_aarch64"}

# The architectures a `platform` attribute may name (the glibc rows; `libc` picks the twin).
ARCH_PLATFORMS = ["linux_aarch64", "linux_x86_64"]

LIBC_FLAG = str(Label("//toolchains:libc"))

_MODE = "//command_line_option:compilation_mode"
_OUTPUTS = ["//command_line_option:platforms", "//command_line_option:cpu", _MODE]

def target_row(platform, libc, flag_value):
    """The TARGETS row for an architecture platform and a C library ("" means the flag's)."""
    chosen = libc or flag_value
    if chosen not in ("glibc", "musl"):
        fail("libc must be glibc or musl, got %r" % chosen)
    return platform + ("_musl" if chosen == "musl" else "")

def libc_attr(default, shipping = False):
    """The `libc` attribute of a rule that builds for another platform."""
    return attr.string(
        default = default,
        values = ["", "glibc", "musl"],
        doc = ("C library: glibc, musl, or empty for --//toolchains:libc" +
               (" (what shipping artifacts use)." if shipping else ".")),
    )

def _settings_for(target_name, release, current_mode):
    return {
        "//command_line_option:platforms": PLATFORMS[target_name],
        "//command_line_option:cpu": TARGETS[target_name].bazel_cpu,
        # Release mode: -c opt turns on the toolchain's size-optimised, gc-sections flags.
        "//command_line_option:compilation_mode": "opt" if release else current_mode,
    }

def _platform_transition_impl(settings, attr):
    row = target_row(attr.platform, attr.libc, settings[LIBC_FLAG])
    return _settings_for(row, attr.release, settings[_MODE])

# Reads the rule's `platform`, `libc` and `release` attributes.
platform_transition = transition(
    implementation = _platform_transition_impl,
    inputs = [_MODE, LIBC_FLAG],
    outputs = _OUTPUTS,
)

def _all_arches_impl(settings, attr):
    return {
        arch: _settings_for(target_row(platform, attr.libc, settings[LIBC_FLAG]), attr.release, settings[_MODE])
        for arch, platform in ARCHES.items()
    }

# A split transition: one dependency, built once per architecture in ARCHES.
all_arches_transition = transition(
    implementation = _all_arches_impl,
    inputs = [_MODE, LIBC_FLAG],
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
