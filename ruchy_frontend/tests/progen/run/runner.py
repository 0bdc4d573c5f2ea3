"""Runs tests through the compiler and every C++ variant and decides which ones fail, and how.

A batch is transpiled and compiled once per variant. When the checker or clang rejects it, the
diagnostics' positions name the guilty tests (they are taken out and the rest is retried; with
no position to go by, the batch is bisected). When it runs, each test's segment of the output is
compared with the oracle's, in every variant. Every suspect is then confirmed alone, which also
gives the finding its own diagnostics.

Kinds of findings:
  check-rejected        the checker refused a program the generator considers valid
  cxx-error             the checker accepted, clang (with the golden tests' -Werror flags) refused
  wrong-output          a variant printed something else than the oracle
  variant-disagreement  the variants disagree among themselves (also a wrong output somewhere)
  sanitizer             ASan/UBSan stopped the sanitized build
  crash / timeout       the program died or hung
  accepted-invalid      a program that must be rejected (async, non-exhaustive match) was accepted
"""

import os
import re

from ruchy_frontend.tests.progen.run import batch as B

SAN_EXIT_CODES = (86, 87)


class Finding:
    def __init__(self, kind, case, detail, outputs=None, variants=()):
        self.kind = kind
        self.case = case
        self.detail = detail
        self.outputs = outputs or {}
        self.variants = list(variants)

    def signature(self):
        """What makes two findings the same bug for deduplication: kind, primary class and the
        first diagnostic with names and numbers blanked out."""
        msg = ""
        if self.kind in ("check-rejected", "cxx-error", "sanitizer"):
            msg = first_message(self.detail)
        return "%s|%s|%s" % (self.kind, self.case.primary, msg)


_MSG_RE = re.compile(r"(error|runtime error|ERROR: AddressSanitizer): (.*)")


def first_message(text):
    for line in text.splitlines():
        m = _MSG_RE.search(line)
        if m:
            msg = m.group(2)
            msg = re.sub(r"'[^']*'", "'_'", msg)
            msg = re.sub(r"`[^`]*`", "`_`", msg)
            msg = re.sub(r"\b\d+\b", "N", msg)
            return msg.strip()
    return ""


def classify(case, outputs):
    """The verdict from each variant's (exit code or None on timeout, the test's output, stderr):
    a Finding, or None when every variant printed the oracle's output and exited cleanly."""
    problems = []
    for v, (code, got, err) in outputs.items():
        if code is None:
            problems.append(("timeout", v))
        elif v == "san" and (code in SAN_EXIT_CODES or "runtime error:" in err or "AddressSanitizer" in err):
            problems.append(("sanitizer", v))
        elif code != 0:
            problems.append(("crash", v))
        elif got != case.expected:
            problems.append(("wrong-output", v))
    if not problems:
        return None
    kinds = [k for k, _ in problems]
    bad = [v for _, v in problems]
    if "sanitizer" in kinds:
        kind = "sanitizer"
    elif "crash" in kinds:
        kind = "crash"
    elif "timeout" in kinds:
        kind = "timeout"
    elif len(set(o[1] for o in outputs.values())) > 1:
        kind = "variant-disagreement"
    else:
        kind = "wrong-output"
    detail = "\n".join("%s: exit %s\n%s" % (v, outputs[v][0], (outputs[v][2] or "")[-3000:]) for v in bad)
    return Finding(kind, case, detail, outputs, bad)


class Runner:
    def __init__(self, toolchain, workdir, log=None):
        self.tc = toolchain
        self.workdir = workdir
        self.log = log or (lambda msg: None)
        self.counter = 0
        self.clang_runs = 0
        os.makedirs(workdir, exist_ok=True)

    # ------------------------------------------------------------------------------ files
    def _paths(self, stem):
        self.counter += 1
        base = os.path.join(self.workdir, "%s%d" % (stem, self.counter))
        return base + ".ruchy", base + ".cc", base

    # -------------------------------------------------------------------------- one program
    def build(self, batch, variants=None):
        """Transpiles and compiles a batch. Returns ("ok", exes) or (kind, diagnostics, variant)."""
        src, cc, exe_base = self._paths("batch")
        self.last_stem = os.path.basename(src)[:-len(".ruchy")]
        with open(src, "w") as f:
            f.write(batch.text)
        ok, err, code = self.tc.transpile(src, cc)
        if not ok:
            return "check-rejected" if code == 1 else "crash", err, None
        exes = {}
        for v in variants or self.tc.variants:
            exe = "%s.%s" % (exe_base, v)
            self.clang_runs += 1
            ok, diag = self.tc.compile(cc, exe, v)
            if not ok:
                return "cxx-error", diag, v
            exes[v] = exe
        return "ok", exes, src

    def run_single(self, case, variants=None):
        """The verdict on one test alone: a Finding, or None when it passes."""
        if case.expect == "reject":
            return self._run_reject(case)
        if case.expect == "differential":
            return self._run_differential(case)
        batch = B.Batch([case])
        status = self.build(batch, variants)
        if status[0] != "ok":
            return Finding(status[0], case, status[1], variants=[status[2]] if status[2] else [])
        outputs = {}
        for v, exe in status[1].items():
            code, out, err = self.tc.run(exe, v)
            outputs[v] = (code, B.segments(out)[0].get(0), err)
        return classify(case, outputs)

    def _build_source(self, text, stem, variants):
        """Transpiles and compiles a whole program; ("ok", exes) or (kind, diagnostics, variant)."""
        src, cc, exe_base = self._paths(stem)
        with open(src, "w") as f:
            f.write(text)
        ok, err, code = self.tc.transpile(src, cc)
        if not ok:
            return "check-rejected" if code == 1 else "crash", err, None
        exes = {}
        for v in variants:
            exe = "%s.%s" % (exe_base, v)
            self.clang_runs += 1
            ok, diag = self.tc.compile(cc, exe, v)
            if not ok:
                return "cxx-error", diag, v
            exes[v] = exe
        return "ok", exes, None

    def _run_differential(self, case):
        """The hostile build must behave as the harmless one (which must itself work)."""
        harmless, hostile = case.sources
        status = self._build_source(harmless, "control", self.tc.variants[:1])
        if status[0] != "ok":
            return None  # the corpus program itself fails today: nothing to compare against
        code, out, _ = self.tc.run(status[1][self.tc.variants[0]], self.tc.variants[0])
        if code is None:
            return None
        if case.uncomparable is not None and case.uncomparable.search(out):
            return None  # the program prints its own names: renaming them changes its output
        case.expected = out
        status = self._build_source(hostile, "hostile", self.tc.variants)
        if status[0] != "ok":
            return Finding(status[0], case, status[1], variants=[status[2]] if status[2] else [])
        outputs = {}
        bad = []
        for v, exe in status[1].items():
            got_code, got, err = self.tc.run(exe, v)
            outputs[v] = (got_code, got, err)
            if got_code != code or got != out:
                bad.append(v)
        if not bad:
            return None
        kind = "sanitizer" if any(outputs[v][0] in SAN_EXIT_CODES for v in bad) else "wrong-output"
        return Finding(kind, case, "harmless build: exit %s" % code, outputs, bad)

    def _run_reject(self, case):
        src, _, _ = self._paths("reject")
        with open(src, "w") as f:
            f.write(B.Batch([case]).text)
        code, err = self.tc.check(src)
        if code == 1 and "error:" in err:
            return None
        if code == 0:
            return Finding("accepted-invalid", case, err)
        return Finding("crash", case, "ruchy check exited %s:\n%s" % (code, err))

    # ------------------------------------------------------------------------------ batches
    def run_cases(self, cases):
        """Runs tests; returns the findings (each confirmed alone)."""
        findings = []
        run_cases = [c for c in cases if c.expect == "run"]
        for c in cases:
            if c.expect != "run":
                f = self.run_single(c)
                if f:
                    findings.append(f)
        for case, f in self._hunt(run_cases):
            if f is None:
                # Blamed by a diagnostic's position, which may point at the wrong test: confirm
                # alone (cleared alone means not guilty).
                f = self.run_single(case)
            if f is not None:
                findings.append(f)
        return findings

    def _hunt(self, cases):
        """Findings among cases run in batches: failures seen in a test's own output segment are
        findings at once; tests blamed by a diagnostic's position come back as suspects (the
        Finding is None) to be confirmed alone."""
        found = []
        active = list(cases)
        while active:
            batch = B.Batch(active)
            status = self.build(batch)
            if status[0] != "ok":
                owners = self._owners(batch, status[1])
                if not owners:
                    if len(active) == 1:
                        return found + [(active[0], None)]
                    mid = len(active) // 2
                    self.log("bisecting a batch of %d (no position in: %s)" % (len(active), first_message(status[1])))
                    return found + self._hunt(active[:mid]) + self._hunt(active[mid:])
                found += [(active[k], None) for k in sorted(owners)]
                active = [c for k, c in enumerate(active) if k not in owners]
                continue
            outputs = {k: {} for k in range(len(active))}
            rerun = set()
            for v, exe in status[1].items():
                code, out, err = self.tc.run(exe, v)
                segs, last = B.segments(out)
                if code != 0 and last is None:  # died before any test began: split and retry
                    if len(active) == 1:
                        return found + [(active[0], None)]
                    mid = len(active) // 2
                    return found + self._hunt(active[:mid]) + self._hunt(active[mid:])
                for k in range(len(active)):
                    if k not in segs:
                        rerun.add(k)
                    elif k == last:
                        outputs[k][v] = (code, segs[k], err)
                    else:
                        outputs[k][v] = (0, segs[k], "")
            for k, case in enumerate(active):
                if k in rerun:
                    continue
                f = classify(case, outputs[k])
                if f is not None:
                    f.detail = "in a batch of %d: %s" % (len(active), f.detail)
                    found.append((case, f))
            active = [active[k] for k in sorted(rerun)]
        return found

    def _owners(self, batch, diagnostics):
        owners = set()
        for line in B.implicated_lines(diagnostics, self.last_stem):
            k = batch.line_owner(line)
            if k is not None:
                owners.add(k)
        return owners
