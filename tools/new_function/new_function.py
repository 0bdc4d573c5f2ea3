"""Writes a new Lambda function package that builds and passes its test as generated.

    bazel run @ruchy_lambda//tools/new_function -- NAME [--dir PATH]

NAME is the function's name (Lambda's rules: letters, digits, - and _, at most 64). The package
goes to PATH (default: ./NAME), relative to where you ran bazel, and must be inside the workspace.
It holds NAME.ruchy (the handler), BUILD.bazel (ruchy_lambda_function with its test), cases.json
(events and expected answers) and README.md. Nothing is ever overwritten: an existing package or
file is an error. Exit codes: 0 written, 1 refused (what exists, or where), 2 bad usage.
"""

import argparse
import os
import re
import sys

TEMPLATES = {
    # file in the package -> template (next to this script)
    "{name}.ruchy": "handler.ruchy.tmpl",
    "BUILD.bazel": "BUILD.bazel.tmpl",
    "cases.json": "cases.json.tmpl",
    "README.md": "README.md.tmpl",
}
# Lambda's function name rule (FunctionName, unqualified), which Bazel target names also accept.
NAME = re.compile(r"^[A-Za-z0-9_-]{1,64}$")
BUILD_FILES = ("BUILD.bazel", "BUILD")
WORKSPACE_FILES = ("WORKSPACE", "WORKSPACE.bazel")


class Refused(Exception):
    pass


def template_dir():
    here = os.path.dirname(os.path.abspath(__file__))
    return os.path.join(here, "templates")


def package_label(workspace, directory):
    rel = os.path.relpath(directory, workspace)
    return "//" if rel == "." else "//" + rel.replace(os.sep, "/")


def plan(name, directory, workspace):
    """The files to write, {path: content}; Refused when the package cannot be written."""
    if not os.path.isfile(os.path.join(workspace, WORKSPACE_FILES[0])) and not os.path.isfile(
            os.path.join(workspace, WORKSPACE_FILES[1])):
        raise Refused("%s is not a Bazel workspace (no WORKSPACE file)" % workspace)
    rel = os.path.relpath(directory, workspace)
    if rel == ".." or rel.startswith(".." + os.sep) or os.path.isabs(rel):
        raise Refused("%s is outside the workspace %s: a function is a package of the workspace you run bazel in"
                      % (directory, workspace))
    for build in BUILD_FILES:
        if os.path.exists(os.path.join(directory, build)):
            raise Refused(
                "%s already is a Bazel package (%s). To add %s to it, write %s.ruchy and add to its BUILD file:\n\n"
                "    ruchy_lambda_function(name = \"%s\", src = \"%s.ruchy\")\n\n"
                "(loaded from @ruchy_lambda//packaging:defs.bzl). Every target is named after the function, so "
                "several functions can share a package." % (directory, build, name, name, name, name))
    label = package_label(workspace, directory)
    files = {}
    for out, template in TEMPLATES.items():
        path = os.path.join(directory, out.format(name=name))
        if os.path.exists(path):
            raise Refused("%s exists; nothing was written (this tool never overwrites)" % path)
        with open(os.path.join(template_dir(), template)) as f:
            text = f.read()
        files[path] = text.replace("@NAME@", name).replace("@PACKAGE@", label)
    return files


def main(argv):
    parser = argparse.ArgumentParser(prog="new_function", description="Write a new Lambda function package.")
    parser.add_argument("name", help="the function's name: letters, digits, - and _ (at most 64)")
    parser.add_argument("--dir", help="the package folder (default: ./NAME), relative to where you ran bazel")
    args = parser.parse_args(argv)
    if not NAME.match(args.name):
        parser.error("%r is not a Lambda function name: use letters, digits, - and _ (1 to 64 of them)" % args.name)

    # Under `bazel run` the working directory is the runfiles tree; Bazel says where the user was.
    cwd = os.environ.get("BUILD_WORKING_DIRECTORY", os.getcwd())
    workspace = os.environ.get("BUILD_WORKSPACE_DIRECTORY", cwd)
    directory = os.path.normpath(os.path.join(cwd, args.dir or args.name))
    try:
        files = plan(args.name, directory, os.path.normpath(workspace))
    except Refused as e:
        print("new_function: %s" % e, file=sys.stderr)
        return 1
    os.makedirs(directory, exist_ok=True)
    for path, text in files.items():
        with open(path, "w") as f:
            f.write(text)
    label = package_label(workspace, directory)
    shown = os.path.relpath(directory, cwd)
    print("new_function: wrote %s" % ", ".join(os.path.join(shown, os.path.basename(p)) for p in files))
    print("next:")
    print("  bazel test %s:%s_test" % (label, args.name))
    print("  bazel run %s:%s_invoke -- '{\"name\":\"Ada\"}'" % (label, args.name))
    print("  bazel build %s:%s_zip %s:%s_zip_x86_64" % (label, args.name, label, args.name))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
