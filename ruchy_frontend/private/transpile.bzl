"""ruchy_transpile: one .ruchy file to one .cc file, with the compiler built for the host.

The compiler is a host-configuration tool (`cfg = "host"`), not an exec-configuration one: Bazel
4 folds the state of a Starlark transition into the exec configuration it derives, so under the
packaging rules' platform/release transitions an exec tool is compiled once per transition (the
compiler was built four times in one workspace). The host configuration comes from the command
line alone, so every zip and image of both architectures shares one build of the compiler.
tools/packaging/compiler_configurations_check.sh (CI) keeps it that way.
"""

def _ruchy_transpile_impl(ctx):
    src = ctx.file.src
    out = ctx.actions.declare_file(ctx.label.name + ".cc")
    args = ctx.actions.args()
    args.add("transpile")
    args.add(src)
    args.add("-o", out)
    # #line paths relative to the workspace, so they are the same on every machine (and the
    # output stays reproducible) yet still lead editors and debuggers to the source.
    args.add("--line-path", src.short_path)
    args.add("--no-color")
    if ctx.attr.mode == "handler":
        args.add("--handler")
    ctx.actions.run(
        executable = ctx.executable._compiler,
        arguments = [args],
        inputs = [src],
        outputs = [out],
        mnemonic = "RuchyTranspile",
        progress_message = "Transpiling %s to C++" % src.short_path,
    )
    return [DefaultInfo(files = depset([out]))]

ruchy_transpile = rule(
    implementation = _ruchy_transpile_impl,
    attrs = {
        "src": attr.label(allow_single_file = [".ruchy"], mandatory = True),
        "mode": attr.string(default = "program", values = ["program", "handler"]),
        "_compiler": attr.label(
            default = Label("//ruchy_frontend:ruchy"),
            executable = True,
            cfg = "host",  # not "exec": see the top of this file
        ),
    },
    doc = "Transpiles a Ruchy source file to a C++20 translation unit.",
)
