"""ruchy_transpile: one .ruchy file to a C++ header and source, with the compiler built for the host.

The compiler is a host-configuration tool (`cfg = "host"`), not an exec-configuration one: Bazel
4 folds the state of a Starlark transition into the exec configuration it derives, so under the
packaging rules' platform/release transitions an exec tool is compiled once per transition (the
compiler was built four times in one workspace). The host configuration comes from the command
line alone, so every zip and image of both architectures shares one build of the compiler.
tools/packaging/compiler_configurations_check.sh (CI) keeps it that way.
"""

def _ruchy_transpile_impl(ctx):
    src = ctx.file.src
    base = ctx.attr.out_base or ctx.label.name
    out_cc = ctx.actions.declare_file(base + ".ruchy.cc")
    if ctx.attr.standalone:
        return _transpile(ctx, src, base, out_cc, None)
    out_h = ctx.actions.declare_file(base + ".ruchy.h")
    return _transpile(ctx, src, base, out_cc, out_h)

def _transpile(ctx, src, base, out_cc, out_h):
    args = ctx.actions.args()
    args.add("transpile")
    args.add(src)
    args.add("-o", out_cc)
    outputs = [out_cc]
    if out_h:
        # How the source includes the header: relative to an include root Bazel passes (-iquote .
        # and the bin directory), in this repository or an external one.
        include = "/".join([p for p in [ctx.label.workspace_root, ctx.label.package, out_h.basename] if p])
        args.add("--header", out_h)
        args.add("--header-include", include)
        outputs.append(out_h)
    # The C++ namespace comes from the label the file is compiled for, so files of different
    # targets link into one binary.
    args.add("--label", str(ctx.label.relative(":" + base)))
    # #line paths relative to the workspace, so they are the same on every machine (and the
    # output stays reproducible) yet still lead editors and debuggers to the source.
    args.add("--line-path", src.short_path)
    args.add("--no-color")
    if ctx.attr.mode == "handler":
        args.add("--handler")
    elif ctx.attr.mode == "library":
        args.add("--library")
    if ctx.attr.entry_function:
        args.add("--entry-function", ctx.attr.entry_function)
    if ctx.attr.tests:
        args.add("--test")
    ctx.actions.run(
        executable = ctx.executable._compiler,
        arguments = [args],
        inputs = [src],
        outputs = outputs,
        mnemonic = "RuchyTranspile",
        progress_message = "Transpiling %s to C++" % src.short_path,
    )
    return [
        DefaultInfo(files = depset(outputs)),
        OutputGroupInfo(header = depset(outputs[1:]), source = depset([out_cc])),
    ]

ruchy_transpile = rule(
    implementation = _ruchy_transpile_impl,
    attrs = {
        "src": attr.label(allow_single_file = [".ruchy"], mandatory = True),
        "mode": attr.string(default = "program", values = ["program", "handler", "library"]),
        "out_base": attr.string(doc = "Base name of the outputs (`NAME.ruchy.h`, `NAME.ruchy.cc`) and the label " +
                                      "the namespace is derived from; default: the rule's name."),
        "entry_function": attr.string(doc = "Program mode: name the entry function this instead of `main`."),
        "tests": attr.bool(doc = "Program mode: the entry runs the file's `#[test]` functions as test cases " +
                                 "(stdlib/ruchy/test_runner.h), when it has any."),
        "standalone": attr.bool(doc = "Write one self-contained translation unit (header inlined), no header file."),
        "_compiler": attr.label(
            default = Label("//ruchy_frontend:ruchy"),
            executable = True,
            cfg = "host",  # not "exec": see the top of this file
        ),
    },
    doc = "Transpiles a Ruchy source file to a C++20 header and source.",
)
