"""runtime_binary: a bootstrap linked with a chosen runtime implementation.

    load("//runtime:defs.bzl", "runtime_binary")

    runtime_binary(name = "echo_ruchy", binary = ":echo", impl = "ruchy")

builds :echo with --//runtime:impl=ruchy from any build, so one `bazel test //...` runs the same
suites against both runtimes (docs/build.md, "Transitions"). Only the runtime flag changes: the
platform, the compilation mode and the compiler's host configuration stay as they are.
"""

_IMPL = str(Label("//runtime:impl"))

def _impl_transition_impl(settings, attr):
    return {_IMPL: attr.impl}

_impl_transition = transition(
    implementation = _impl_transition_impl,
    inputs = [],
    outputs = [_IMPL],
)

def _runtime_binary_impl(ctx):
    dep = ctx.attr.binary[0]
    binary = dep[DefaultInfo].files_to_run.executable
    out = ctx.actions.declare_file(ctx.label.name)
    ctx.actions.symlink(output = out, target_file = binary, is_executable = True)
    runfiles = ctx.runfiles(files = [out, binary]).merge(dep[DefaultInfo].default_runfiles)
    return [DefaultInfo(files = depset([out]), runfiles = runfiles, executable = out)]

runtime_binary = rule(
    implementation = _runtime_binary_impl,
    doc = "A cc_binary built with --//runtime:impl=IMPL (the handler interface's implementation).",
    attrs = {
        "binary": attr.label(mandatory = True, executable = True, cfg = _impl_transition),
        "impl": attr.string(mandatory = True, values = ["cpp", "ruchy"]),
        "_allowlist_function_transition": attr.label(
            default = "@bazel_tools//tools/allowlists/function_transition_allowlist",
        ),
    },
    executable = True,
)
