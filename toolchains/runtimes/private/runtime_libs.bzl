"""runtime_libs: the archives a musl toolchain links into every binary, built once per workspace.

A cc_toolchain analyses `static_runtime_lib` in the configuration of whatever is being built:
fastbuild tests, each release zip under its own transition, a `--config=musl` build. The archives
do not depend on that configuration (runtime_library fixes its own target and flags), but Bazel 4
would still build them once per configuration, in directories named after each configuration's
transition history. The host configuration is the one configuration every build shares, whatever
the transitions above it, so the archives are built there: once, and found again by every
consumer.
"""

def _runtime_libs_impl(ctx):
    files = []
    for lib in ctx.attr.libs:
        files += lib[DefaultInfo].files.to_list()
    return [DefaultInfo(files = depset(files, order = "preorder"))]

runtime_libs = rule(
    implementation = _runtime_libs_impl,
    doc = "Static archives for a cc_toolchain's static_runtime_lib, built in the host configuration.",
    attrs = {
        "libs": attr.label_list(
            mandatory = True,
            # Not exec: Bazel 4 folds Starlark-transition state into the exec configurations it
            # derives, which would fork them per transition. The host configuration it does not.
            cfg = "host",
            doc = "runtime_library targets, in link order.",
        ),
    },
)
