"""functions_serve and serve_functions: every function of a package behind one local emulator
(`bazel run :serve`), each addressed by name as Lambda addresses it."""

def _runfiles_path(ctx, file):
    # short_path is "../REPO/path" for files of other repositories.
    if file.short_path.startswith("../"):
        return file.short_path[3:]
    return ctx.workspace_name + "/" + file.short_path

def _functions_serve_impl(ctx):
    emulator = ctx.executable._emulator
    flags = []
    runfiles = ctx.runfiles([emulator]).merge(ctx.attr._emulator[DefaultInfo].default_runfiles)
    for target, name in ctx.attr.functions.items():
        bootstrap = target[DefaultInfo].files_to_run.executable
        if bootstrap == None:
            fail("%s is not an executable (a function's host bootstrap)" % target.label)
        flags.append('--function "%s=$runfiles/%s"' % (name, _runfiles_path(ctx, bootstrap)))
        runfiles = runfiles.merge(ctx.runfiles([bootstrap])).merge(target[DefaultInfo].default_runfiles)
    script = ctx.actions.declare_file(ctx.label.name)
    ctx.actions.expand_template(
        template = ctx.file._template,
        output = script,
        substitutions = {
            "%EMULATOR%": _runfiles_path(ctx, emulator),
            "%FUNCTIONS%": " \\\n  ".join(flags),
        },
        is_executable = True,
    )
    return [DefaultInfo(executable = script, runfiles = runfiles)]

functions_serve = rule(
    implementation = _functions_serve_impl,
    doc = "Serves host bootstraps as named functions through //tools/emulator; see serve.sh.",
    attrs = {
        "functions": attr.label_keyed_string_dict(
            mandatory = True,
            allow_empty = False,
            cfg = "target",
            doc = "Host bootstrap -> the function name it answers to.",
        ),
        "_emulator": attr.label(default = Label("//tools/emulator"), executable = True, cfg = "target"),
        "_template": attr.label(default = Label("//packaging/private:serve.sh"), allow_single_file = True),
    },
    executable = True,
)

def serve_functions(name = "serve", tags = [], visibility = None):
    """Every function declared above it in the package, served by one emulator.

    Call it after the package's ruchy_lambda_function / cc_lambda_function calls: it finds them
    through their NAME_invoke targets. `bazel run :serve` then answers
    `POST /2015-03-31/functions/NAME/invocations` (and the streaming call) for each NAME.
    """
    functions = {}
    for rule in native.existing_rules().values():
        if rule["kind"] == "function_invoke":
            functions[rule["bootstrap"]] = rule["name"][:-len("_invoke")]
    if not functions:
        fail("serve_functions(): no function is declared above it in this package")
    functions_serve(name = name, functions = functions, tags = tags, visibility = visibility)
