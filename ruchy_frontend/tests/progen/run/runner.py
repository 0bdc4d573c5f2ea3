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
  batch-only            failed inside a batch but passed alone (an interaction between tests)
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
        exes = status[1]
        outputs = {}
        problems = []
        for v, exe in exes.items():
            code, out, err = self.tc.run(exe, v)
            segs, _ = B.segments(out)
            got = segs.get(0)
            outputs[v] = (code, got, err)
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
        texts = set(o[1] for o in outputs.values())
        if "sanitizer" in kinds:
            kind = "sanitizer"
        elif "crash" in kinds:
            kind = "crash"
        elif "timeout" in kinds:
            kind = "timeout"
        elif len(texts) > 1:
            kind = "variant-disagreement"
        else:
            kind = "wrong-output"
        detail = "\n".join("%s: exit %s\n%s" % (v, outputs[v][0], outputs[v][2][-3000:]) for v in bad)
        return Finding(kind, case, detail, outputs, bad)

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
        self.reasons = {}
        suspects = self._hunt(run_cases)
        for case in suspects:
            f = self.run_single(case)
            if f is None:
                precise, why = self.reasons.get(id(case), (False, "?"))
                if not precise:
                    continue  # blamed by a diagnostic's position, cleared alone: not guilty
                f = Finding("batch-only", case, "failed in a batch, passed alone; in the batch: %s" % why)
            findings.append(f)
        return findings

    def _why(self, case, text, precise):
        """Records why case is a suspect; precise: its own output segment showed the failure
        (rather than a diagnostic position that may point at the wrong test)."""
        self.reasons.setdefault(id(case), (precise, text[:3000]))

    def _hunt(self, cases):
        """Suspects among cases (each failed somehow inside a batch)."""
        suspects = []
        active = list(cases)
        while active:
            batch = B.Batch(active)
            status = self.build(batch)
            if status[0] != "ok":
                owners = self._owners(batch, status[1])
                if not owners:
                    if len(active) == 1:
                        return suspects + active
                    mid = len(active) // 2
                    self.log("bisecting a batch of %d (no position in: %s)" % (len(active), first_message(status[1])))
                    return suspects + self._hunt(active[:mid]) + self._hunt(active[mid:])
                guilty = [active[k] for k in sorted(owners)]
                for c in guilty:
                    self._why(c, "%s\n%s" % (status[0], status[1]), False)
                suspects += guilty
                active = [c for k, c in enumerate(active) if k not in owners]
                continue
            exes = status[1]
            bad = set()
            rerun = set()
            for v, exe in exes.items():
                code, out, err = self.tc.run(exe, v)
                segs, last = B.segments(out)
                crashed = code != 0
                for k, c in enumerate(active):
                    if k not in segs:
                        rerun.add(k)
                    elif crashed and k == last:
                        bad.add(k)
                        self._why(c, "%s: exit %s while it ran; stderr:\n%s" % (v, code, err[-2000:]), True)
                    elif segs[k] != c.expected:
                        bad.add(k)
                        self._why(c, "%s printed:\n%s" % (v, segs[k]), True)
                if crashed and last is None:
                    return suspects + (self._hunt(active[:len(active) // 2]) + self._hunt(active[len(active) // 2:])
                                       if len(active) > 1 else active)
            rerun -= bad
            suspects += [active[k] for k in sorted(bad)]
            active = [active[k] for k in sorted(rerun)]
        return suspects

    def _owners(self, batch, diagnostics):
        owners = set()
        for line in B.implicated_lines(diagnostics, self.last_stem):
            k = batch.line_owner(line)
            if k is not None:
                owners.add(k)
        return owners
