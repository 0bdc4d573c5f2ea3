"""ruchy_transpile: one .ruchy file to a C++ header and source, with the compiler built for the host.

The compiler is a host-configuration tool (`cfg = "host"`), not an exec-configuration one: Bazel
4 folds the state of a Starlark transition into the exec configuration it derives, so under the
packaging rules' platform/release transitions an exec tool is compiled once per transition (the
compiler was built four times in one workspace). The host configuration comes from the command
line alone, so every zip and image of both architectures shares one build of the compiler.
tools/packaging/compiler_configurations_check.sh (CI) keeps it that way.
"""

RuchyInfo = provider(
    doc = """A Ruchy library, for the Ruchy code that uses it (docs/language.md, "Modules and packages").

    A dependent's compile reads the full source of every Ruchy library it reaches, so that its
    checker sees their declarations whole (generic functions and types are instantiated for the
    dependent's types) and its C++ holds their code in its own namespace: each program, test or
    handler is one translation unit of Ruchy code, and libraries linked into one binary can never
    define the same C++ symbol twice.""",
    fields = {
        "libraries": "depset of struct(name, root, label): this library and every Ruchy library it uses",
        "files": "depset of File: their source files",
    },
)

def _ruchy_libraries(ctx):
    """The Ruchy libraries in ctx.attr.deps, with everything they use; one per name."""
    libraries = depset(transitive = [d[RuchyInfo].libraries for d in ctx.attr.deps if RuchyInfo in d])
    files = depset(transitive = [d[RuchyInfo].files for d in ctx.attr.deps if RuchyInfo in d])
    by_name = {}
    for lib in libraries.to_list():
        other = by_name.get(lib.name)
        if other and other.label != lib.label:
            fail("two Ruchy libraries are named `%s`: %s and %s; Ruchy code names a library by its target name" % (lib.name, other.label, lib.label))
        by_name[lib.name] = lib
    return libraries, files, by_name.values()

def _ruchy_transpile_impl(ctx):
    src = ctx.file.src
    base = ctx.attr.out_base or ctx.label.name
    out_cc = ctx.actions.declare_file(base + ".ruchy.cc")
    if ctx.attr.standalone:
        return _transpile(ctx, src, base, out_cc, None)
    out_h = ctx.actions.declare_file(base + ".ruchy.h")
    return _transpile(ctx, src, base, out_cc, out_h)

def _transpile(ctx, src, base, out_cc, out_h):
    libraries, library_files, used = _ruchy_libraries(ctx)
    args = ctx.actions.args()
    args.add("transpile")
    args.add(src)
    for lib in used:
        args.add("--dep", "%s=%s" % (lib.name, lib.root))
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
    # The standard library's Ruchy-written modules: every Ruchy target may `use std::NAME`, and
    # the compiler reads only the modules a file uses (driver/modules.h).
    std_label = ctx.attr._std.label
    args.add("--std-root", "/".join([p for p in [std_label.workspace_root, std_label.package] if p]))
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
        inputs = depset([src] + ctx.files.srcs + ctx.files._std, transitive = [library_files]),
        outputs = outputs,
        mnemonic = "RuchyTranspile",
        progress_message = "Transpiling %s to C++" % src.short_path,
    )
    own_files = depset([src] + ctx.files.srcs, transitive = [library_files])
    me = struct(name = ctx.attr.library_name or base, root = src.path, label = str(ctx.label))
    return [
        DefaultInfo(files = depset(outputs)),
        OutputGroupInfo(header = depset(outputs[1:]), source = depset([out_cc])),
        RuchyInfo(libraries = depset([me], transitive = [libraries]), files = own_files),
    ]

ruchy_transpile = rule(
    implementation = _ruchy_transpile_impl,
    attrs = {
        "src": attr.label(allow_single_file = [".ruchy"], mandatory = True),
        "srcs": attr.label_list(allow_files = [".ruchy"], doc = "The module files `src` reaches " +
                                                                  "(`mod a;` is a.ruchy next to it, `a::b` a/b.ruchy)."),
        "deps": attr.label_list(doc = "Targets the code uses; those with RuchyInfo are Ruchy libraries " +
                                      "it names as `NAME::item` (others are for the C++ link only)."),
        "library_name": attr.string(doc = "The name Ruchy code uses for this library; default: out_base."),
        "mode": attr.string(default = "program", values = ["program", "handler", "library"]),
        "out_base": attr.string(doc = "Base name of the outputs (`NAME.ruchy.h`, `NAME.ruchy.cc`) and the label " +
                                      "the namespace is derived from; default: the rule's name."),
        "entry_function": attr.string(doc = "Program mode: name the entry function this instead of `main`."),
        "tests": attr.bool(doc = "Program mode: the entry runs the file's `#[test]` functions as test cases " +
                                 "(stdlib/ruchy/test_runner.h), when it has any."),
        "standalone": attr.bool(doc = "Write one self-contained translation unit (header inlined), no header file."),
        "_std": attr.label(
            default = Label("//stdlib/std:srcs"),
            allow_files = [".ruchy"],
            doc = "The standard library's Ruchy-written modules (stdlib/std), an implicit dependency of every Ruchy target.",
        ),
        "_compiler": attr.label(
            default = Label("//ruchy_frontend:ruchy"),
            executable = True,
            cfg = "host",  # not "exec": see the top of this file
        ),
    },
    doc = "Transpiles a Ruchy source file to a C++20 header and source.",
)
