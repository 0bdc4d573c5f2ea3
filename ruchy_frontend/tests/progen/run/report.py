"""What a run leaves behind: per-class counts, and every finding as a standalone program with its
expected output (ready to become a golden test) plus what each build printed instead."""

import json
import os

from ruchy_frontend.tests.progen.core import render
from ruchy_frontend.tests.progen.gen import registry


def standalone(case):
    """The test as a program of its own: golden-test shaped (`NAME.ruchy` + `NAME.out`)."""
    if case.expect == "differential":
        return case.sources[1], case.expected or ""
    lines = []
    for d in case.decls:
        lines += render.decl(d, 0)
    expected = case.expected or ""
    if case.placement == "top":
        lines += render.block_lines(case.body, 0)
    elif expected.endswith("@@error\n"):
        lines.append("fun run() {")
        lines += render.block_lines(case.body, 1)
        lines.append("}")
        lines.append("fun main() {")
        lines.append('    try { run() } catch e { println("error") }')
        lines.append("}")
        expected = expected[:-len("@@error\n")] + "error\n"
    else:
        lines.append("fun main() {")
        lines += render.block_lines(case.body, 1)
        lines.append("}")
    return "\n".join(lines) + "\n", expected


def describe(finding):
    """A finding as text: class, issue item, kind, program, expected and actual output."""
    case = finding.case
    program, expected = standalone(case)
    out = ["class: %s (%s)" % (case.primary, registry.issue_item(case.primary)),
           "kind: %s%s" % (finding.kind, " in " + ", ".join(finding.variants) if finding.variants else ""),
           "seed: %s (%s prints it again)" % (case.seed, _show_command(case)),
           "classes in the test: %s" % ", ".join(case.classes())] + (["note: " + case.note] if case.note else []) + [
           "program:", indent(program)]
    if case.expect == "reject":
        out.append("expected: rejected by `ruchy check` with a diagnostic")
    else:
        out += ["expected output:", indent(expected)]
    for v, (code, got, err) in sorted(finding.outputs.items()):
        out.append("%s (exit %s) printed:" % (v, code))
        out.append(indent(got if got is not None else "<nothing: the test did not run to its end>"))
    if finding.detail and finding.kind not in ("wrong-output",):
        out += ["diagnostics:", indent(_trim(finding.detail))]
    return "\n".join(out)


def _show_command(case):
    forced = case.forced_primary
    return "`--show %s%s`" % (case.seed, " --primary " + forced if forced else "")


def _trim(text, lines=40):
    rows = text.splitlines()
    return "\n".join(rows[:lines] + (["... (%d more lines)" % (len(rows) - lines)] if len(rows) > lines else []))


def indent(text):
    return "\n".join("    " + l for l in text.rstrip("\n").splitlines()) or "    <empty>"


def write(out_dir, findings, summary):
    os.makedirs(os.path.join(out_dir, "findings"), exist_ok=True)
    md = ["# progen findings", "",
          "Each finding: a program (golden-test shaped: `findings/NAME.ruchy` with `NAME.out`), what it",
          "must print, and what the builds printed or said instead. Runs: see summary.json.", ""]
    for i, f in enumerate(findings):
        name = "%03d_%s_%s" % (i, f.case.primary, f.kind.replace("-", "_"))
        program, expected = standalone(f.case)
        with open(os.path.join(out_dir, "findings", name + ".ruchy"), "w") as fh:
            fh.write(program)
        if f.case.expect != "reject":
            with open(os.path.join(out_dir, "findings", name + ".out"), "w") as fh:
                fh.write(expected)
        with open(os.path.join(out_dir, "findings", name + ".txt"), "w") as fh:
            fh.write(describe(f) + "\n")
        md += ["## %s" % name, "", "```", describe(f), "```", ""]
    with open(os.path.join(out_dir, "findings.md"), "w") as fh:
        fh.write("\n".join(md))
    with open(os.path.join(out_dir, "summary.json"), "w") as fh:
        json.dump(summary, fh, indent=2, sort_keys=True)
