"""function_invoke: an executable that sends one event to a function's host bootstrap through the
emulator (`bazel run :NAME_invoke -- EVENT`, or run by path, or as `data` of a test)."""

def _runfiles_path(ctx, file):
    # short_path is "../REPO/path" for files of other repositories.
    if file.short_path.startswith("../"):
        return file.short_path[3:]
    return ctx.workspace_name + "/" + file.short_path

def _function_invoke_impl(ctx):
    emulator = ctx.executable._emulator
    bootstrap = ctx.executable.bootstrap
    script = ctx.actions.declare_file(ctx.label.name)
    ctx.actions.expand_template(
        template = ctx.file._template,
        output = script,
        substitutions = {
            "%EMULATOR%": _runfiles_path(ctx, emulator),
            "%BOOTSTRAP%": _runfiles_path(ctx, bootstrap),
        },
        is_executable = True,
    )
    runfiles = ctx.runfiles([emulator, bootstrap])
    runfiles = runfiles.merge(ctx.attr._emulator[DefaultInfo].default_runfiles)
    runfiles = runfiles.merge(ctx.attr.bootstrap[DefaultInfo].default_runfiles)
    return [DefaultInfo(executable = script, runfiles = runfiles)]

function_invoke = rule(
    implementation = _function_invoke_impl,
    doc = "One invoke of `bootstrap` (a host cc_binary) through //tools/emulator; see invoke.sh.",
    attrs = {
        "bootstrap": attr.label(mandatory = True, executable = True, cfg = "target"),
        "_emulator": attr.label(default = Label("//tools/emulator"), executable = True, cfg = "target"),
        "_template": attr.label(default = Label("//packaging/private:invoke.sh"), allow_single_file = True),
    },
    executable = True,
)
