#!/usr/bin/env python3
"""Lists the built-in functions and methods of the reference Ruchy interpreter (paiml/ruchy).

    python3 ruchy_frontend/builtins/list_reference_builtins.py PATH_TO_RUCHY_GIT \
        > ruchy_frontend/builtins/reference_builtins.txt

PATH_TO_RUCHY_GIT is a clone of paiml/ruchy (a bare one works: files are read with `git show` at
HEAD). The output is the data file //ruchy_frontend/builtins:reference_builtins_test walks: every
name there must be a row of builtins.def or a RUCHY_UNSUPPORTED row.

The reference has no single table of built-ins. Names are read from the places its interpreter
dispatches on them (src/runtime/, test code excluded):
  - functions: the keys builtin_init.rs puts into the global environment, and the
    `"__builtin_NAME__"` match arms of eval_builtin*.rs (a call `f(x)` is tried as
    `__builtin_f__` first, so every arm is callable by its name);
  - associated functions: the `Type::name` forms the interpreter special-cases;
  - methods: the match arms (and `method == "..."` tests) of the per-type method tables listed in
    METHOD_TABLES below, with the reference value type they apply to;
  - properties: the names `compute_field_access` answers without parentheses (`s.len`).
Several tables are reachable only through older dispatch paths; they are listed too (a name the
reference defines anywhere is one a program may use). A match arm in a function this script does
not know is reported on stderr, so a new dispatch table in a later revision is not missed
silently. Macros (`vec!`, `println!`, `format!`) are syntax, handled by the parser, and not listed.
"""

import re
import subprocess
import sys

RUNTIME = "src/runtime/"

# (file, function) -> the reference value type whose methods its match arms name.
METHOD_TABLES = {
    ("eval_array.rs", "eval_array_nullary_method"): "Array",
    ("eval_array.rs", "eval_array_unary_method"): "Array",
    ("eval_array.rs", "eval_array_simple_method"): "Array",
    ("eval_array.rs", "eval_array_method"): "Array",
    ("eval_method.rs", "eval_float_method"): "Float",
    ("eval_method.rs", "eval_integer_method"): "Integer",
    ("eval_method.rs", "eval_array_method_simple"): "Array",
    ("eval_method.rs", "eval_dataframe_method_simple"): "DataFrame",
    ("eval_method.rs", "eval_generic_method"): "Any",
    ("eval_method_dispatch.rs", "eval_float_method"): "Float",
    ("eval_method_dispatch.rs", "eval_integer_method"): "Integer",
    ("eval_method_dispatch.rs", "eval_command_method"): "Command",
    ("eval_method_dispatch.rs", "eval_exit_status_method"): "ExitStatus",
    ("eval_method_dispatch.rs", "eval_dataframe_method"): "DataFrame",
    ("eval_method_dispatch.rs", "eval_generic_method"): "Any",
    ("eval_string.rs", "dispatch_zero_arg_string_method"): "String",
    ("eval_string.rs", "dispatch_single_arg_string_method"): "String",
    ("eval_string.rs", "dispatch_two_arg_string_method"): "String",
    ("eval_string_methods.rs", "eval_string_method"): "String",
    ("eval_string_methods.rs", "eval_zero_arg_string_method"): "String",
    ("eval_string_methods.rs", "eval_single_arg_string_method"): "String",
    ("eval_string_methods.rs", "eval_two_arg_string_method"): "String",
    ("eval_string_methods.rs", "eval_float_method"): "Float",
    ("eval_string_methods.rs", "eval_integer_method"): "Integer",
    ("eval_string_methods.rs", "eval_generic_method"): "Any",
    ("eval_dataframe.rs", "eval_dataframe_method"): "DataFrame",
    ("eval_dataframe_ops.rs", "eval_dataframe_method"): "DataFrame",
    ("interpreter_dataframe.rs", "eval_dataframe_builder_method"): "DataFrameBuilder",
    ("eval_html_methods.rs", "eval_html_document_method"): "HtmlDocument",
    ("eval_html_methods.rs", "eval_html_element_method"): "HtmlElement",
    ("interpreter_methods_html.rs", "eval_html_document_method"): "HtmlDocument",
    ("interpreter_methods_html.rs", "eval_html_element_method"): "HtmlElement",
    ("interpreter_methods_actor.rs", "eval_actor_instance_method"): "Actor",
    ("interpreter_methods_instance.rs", "eval_file_method_mut"): "File",
}

# Functions whose `method == "x"` tests name methods, with the receiver type per name (the
# interpreter's own push/pop on variables, DataFrame closures, actor messages).
METHOD_TESTS = {
    ("interpreter_methods_dispatch.rs", "eval_method_call"): {
        "push": "Array", "pop": "Array", "filter": "DataFrame", "with_column": "DataFrame",
        "transform": "DataFrame", "send": "Actor", "ask": "Actor",
    },
}

# Names a method table tests only to reject them, with the reference's reason.
REJECTED_BY_REFERENCE = {
    ("Float", "powf"): "the reference answers 'use ** for exponentiation'",
}

# Match arms that are not built-in names: type markers, REPL commands, format letters, patterns.
NOT_BUILTINS = {
    ("completion.rs", "get_command_doc"), ("eval_method_dispatch.rs", "eval_object_method"),
    ("eval_pattern.rs", "check_pattern_exhaustiveness"), ("eval_string_interpolation.rs", "format_value_with_spec"),
    ("interpreter.rs", "call_typed_constructor"), ("interpreter_index.rs", "check_constructor_access"), ("interpreter_methods_actor.rs", "validate_param_types"),
    ("interpreter_misc_eval.rs", "try_unwrap_enum_variant"), ("interpreter_misc_eval.rs", "try_unwrap_message_object"),
    ("repl/commands.rs", "execute"),
}

# builtin_init.rs: the module objects of the `std` and `chrono` namespaces, by variable name.
NAMESPACE_MODULES = {
    "time_module": "std::time", "command_module": "std::process::Command", "fs_module": "std::fs",
    "env_module": "std::env", "math_module": "std::math", "utc_module": "chrono::Utc",
}

# Global names that are namespaces, types or constants, not functions.
NOT_FUNCTIONS = {"nil", "std", "chrono", "Utc", "HashMap", "DataFrame", "Command", "String"}

# `__builtin_X__` arms whose X is an associated function `Type::name`.
STATIC_PREFIXES = [
    ("String_", "String"), ("dataframe_", "DataFrame"), ("command_", "Command"), ("chrono_utc_", "chrono::Utc"),
]

# Arms of the namespace form the interpreter builds from `Namespace.method(...)`.
NAMESPACE_ARM = re.compile(r"^(JSON|File|Html)_(\w+)$")

# Associated functions the interpreter special-cases by comparing names (interpreter_functions.rs,
# interpreter_index.rs).
STATIC_TESTS = re.compile(r'(?:type_name|module) == "(\w+)" && (?:field|name) == "(\w+)"')
STATIC_TESTS_OR = re.compile(r'module == "(\w+)" && \(((?:name == "\w+"(?: \|\| )?)+)\)')
JSON_FIELD_TESTS = re.compile(r'if field == "(\w+)"')

ARM = re.compile(r'^\s*((?:"[^"]*"\s*\|\s*)*"[^"]*")\s*(?:if [^=]*)?=>')
TUPLE_ARM = re.compile(r'^\s*\((?:Value::(\w+)\([^)]*\)|obj), "(\w+)"\)\s*=>')
FN = re.compile(r"^\s*(?:pub(?:\([^)]*\))?\s+)?fn\s+(\w+)")
METHOD_TEST = re.compile(r'method == "(\w+)"')


def git(repo, *args):
    return subprocess.run(["git", "-C", repo] + list(args), check=True, capture_output=True, text=True).stdout


class Listing:
    def __init__(self):
        self.entries = {}  # (kind, receiver, name) -> [where]

    def add(self, kind, receiver, name, where):
        self.entries.setdefault((kind, receiver, name), []).append(where)


def source_lines(text):
    """The file's lines with 1-based numbers, without the items marked `#[cfg(test)]`."""
    out = []
    skipping, depth, opened = False, 0, False
    for number, line in enumerate(text.split("\n"), 1):
        if not skipping and re.match(r"^\s*#\[cfg\(test\)\]", line):
            skipping, depth, opened = True, 0, False
            continue
        if not skipping:
            out.append((number, line))
            continue
        code = re.sub(r'"(?:[^"\\]|\\.)*"|\'(?:[^\'\\]|\\.)\'', "", line.split("//")[0])
        depth += code.count("{") - code.count("}")
        opened = opened or "{" in code
        if (opened and depth <= 0) or (not opened and code.rstrip().endswith(";")):
            skipping = False
    return out


def scan_builtin_init(listing, path, text):
    lines = source_lines(text)
    body = "\n".join(line for _, line in lines)
    line_of = lambda offset: body.count("\n", 0, offset) + 1
    for m in re.finditer(r'(\w+)\.insert\(\s*"([^"]+)"\.to_string\(\)', body):
        target, key = m.group(1), m.group(2)
        where = "%s:%d" % (path, line_of(m.start()))
        if target == "global_env":
            if key in NOT_FUNCTIONS:
                continue
            if "::" in key:
                head, name = key.rsplit("::", 1)
                listing.add("static", head, name, where)
            else:
                listing.add("function", "-", key, where)
        elif target in NAMESPACE_MODULES:
            listing.add("static", NAMESPACE_MODULES[target], key, where)
            if target == "utc_module":  # `Utc` is also a global name (builtin_init.rs: "Also add Utc directly")
                listing.add("static", "Utc", key, where)
    for m in re.finditer(r"let \w+_functions = \[(.*?)\];", body, re.S):
        for name in re.finditer(r'"(\w+)"', m.group(1)):
            listing.add("function", "-", name.group(1), "%s:%d" % (path, line_of(m.start() + name.start())))


def classify_builtin_arm(listing, name, where):
    m = re.match(r"^__builtin_(\w+)__$", name)
    if m:
        inner = m.group(1)
        for prefix, type_name in STATIC_PREFIXES:
            if inner.startswith(prefix):
                listing.add("static", type_name, inner[len(prefix):], where)
                return
        listing.add("function", "-", inner, where)
        return
    m = NAMESPACE_ARM.match(name)
    if m:
        listing.add("static", m.group(1), m.group(2), where)
        return
    listing.add("function", "-", name, where)


def scan_file(listing, path, text, unknown):
    short = path[len(RUNTIME):]
    fn = None
    for number, line in source_lines(text):
        where = "%s:%d" % (path, number)
        m = FN.match(line)
        if m:
            fn = m.group(1)
        key = (short, fn)
        for sm in STATIC_TESTS.finditer(line):
            listing.add("static", sm.group(1), sm.group(2), where)
        for sm in STATIC_TESTS_OR.finditer(line):
            for name in re.findall(r'name == "(\w+)"', sm.group(2)):
                listing.add("static", sm.group(1), name, where)
        if short == "interpreter_functions.rs":
            for jm in JSON_FIELD_TESTS.finditer(line):
                listing.add("static", "JSON", jm.group(1), where)
        if key in METHOD_TESTS or key in METHOD_TABLES:
            for mm in METHOD_TEST.finditer(line):
                receiver = METHOD_TESTS.get(key, {}).get(mm.group(1)) or METHOD_TABLES.get(key)
                if receiver and (receiver, mm.group(1)) not in REJECTED_BY_REFERENCE:
                    listing.add("method", receiver, mm.group(1), where)
        tm = TUPLE_ARM.match(line)
        if tm and fn == "compute_field_access":
            listing.add("property", tm.group(1) or "Any", tm.group(2), where)
            continue
        am = ARM.match(line)
        if not am:
            continue
        names = re.findall(r'"([^"]*)"', am.group(1))
        if short.startswith("eval_builtin"):
            for name in names:
                classify_builtin_arm(listing, name, where)
        elif key in METHOD_TABLES:
            for name in names:
                listing.add("method", METHOD_TABLES[key], name, where)
        elif key in METHOD_TESTS:
            for name in names:
                if name in METHOD_TESTS[key]:
                    listing.add("method", METHOD_TESTS[key][name], name, where)
        elif key not in NOT_BUILTINS:
            unknown.add("%s %s: %s" % (path, fn, " ".join(names)))


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    repo = sys.argv[1]
    revision = git(repo, "log", "-1", "--format=%H %cd", "--date=short").strip()
    files = [f for f in git(repo, "ls-tree", "-r", "--name-only", "HEAD", RUNTIME).split("\n")
             if f.endswith(".rs") and "test" not in f]
    listing = Listing()
    unknown = set()
    for path in files:
        text = git(repo, "show", "HEAD:" + path)
        if path == RUNTIME + "builtin_init.rs":
            scan_builtin_init(listing, path, text)
        else:
            scan_file(listing, path, text, unknown)
    for u in sorted(unknown):
        print("unclassified match arms (add them to METHOD_TABLES or NOT_BUILTINS): " + u, file=sys.stderr)

    print("# The built-in functions, associated functions, methods and properties of the reference Ruchy")
    print("# interpreter: paiml/ruchy %s, src/runtime/." % revision)
    print("# Generated by ruchy_frontend/builtins/list_reference_builtins.py (its docstring says how the")
    print("# names are found); do not edit by hand. //ruchy_frontend/builtins:reference_builtins_test checks")
    print("# that each one is a row of builtins.def or a RUCHY_UNSUPPORTED row.")
    print("#")
    print("# kind      receiver  name  where (file:line in the reference)")
    print("#   function: `-`; static: the type or namespace before `::`; method, property: the reference")
    print("#   value type (String, Array, Integer, Float, Any, or a type this compiler does not have).")
    order = {"function": 0, "static": 1, "method": 2, "property": 3}
    for (kind, receiver, name) in sorted(listing.entries, key=lambda k: (order[k[0]], k[1], k[2])):
        wheres = sorted(set(listing.entries[(kind, receiver, name)]))
        print("%-9s %-22s %-24s %s" % (kind, receiver, name, ",".join(wheres)))


if __name__ == "__main__":
    main()
