"""Many tests in one Ruchy file, so one clang run checks dozens of programs.

Layout of a batch file:

    <test 0's declarations>
    fun progen_case_0() {          // a "fun" test: its body in a function of its own
        <body>
    }
    println("@@progen:1@@")        // a "top" test: a marker, then its statements at top level
    <test 1's declarations and statements>
    ...
    fun main() {
        println("@@progen:0@@")
        try { progen_case_0() } catch e { println("@@error") }
        ...
    }

Top-level statements run first, then main() (LANGUAGE.md), so the output is a run of marked
segments; segment k is what test k printed. A run-time error ends only its own test function
(the catch prints "@@error", which the oracle's expected output ends with as well).

Tests whose top-level names (functions, types, variants, globals) overlap are never put in one
batch; `line_owner` maps a line of the file back to the test that wrote it, which is how C++ and
checker diagnostics (they carry #line positions of the .ruchy file) are pinned on a test.
"""

import re

MARKER = "@@progen:%d@@"
MARKER_RE = re.compile(r"@@progen:(\d+)@@\n")
ERROR_LINE = "@@error"
CASE_FUN = "progen_case_%d"


class Batch:
    def __init__(self, cases):
        self.cases = list(cases)
        self.text, self.owner = self._render()

    def _render(self):
        lines = []
        owner = []

        def emit(new_lines, who):
            lines.extend(new_lines)
            owner.extend([who] * len(new_lines))

        main = []
        main_owner = []
        for k, case in enumerate(self.cases):
            emit(["// test %d: %s (seed %s)" % (k, case.primary, case.seed)], k)
            emit(case.decl_lines(), k)
            if case.placement == "top":
                emit(['println("%s")' % (MARKER % k)], k)
                emit(case.body_lines(0), k)
            else:
                emit(["fun %s() {" % (CASE_FUN % k)], k)
                emit(case.body_lines(1), k)
                emit(["}"], k)
                main += ['    println("%s")' % (MARKER % k),
                         '    try { %s() } catch e { println("%s") }' % (CASE_FUN % k, ERROR_LINE)]
                main_owner += [k, k]
        emit(["fun main() {"], None)
        emit(main, None)
        owner[len(owner) - len(main):] = main_owner
        emit(["}"], None)
        return "\n".join(lines) + "\n", owner

    def line_owner(self, line):
        """The test index that wrote 1-based `line` of the file, or None."""
        if 1 <= line <= len(self.owner):
            return self.owner[line - 1]
        return None

    def expected_output(self):
        """Everything the batch must print, in execution order (top tests first)."""
        order = [k for k, c in enumerate(self.cases) if c.placement == "top"] + [
            k for k, c in enumerate(self.cases) if c.placement != "top"]
        return "".join(MARKER % k + "\n" + self.cases[k].expected for k in order)


def segments(stdout):
    """Splits a batch's output into {test index: what it printed}; the last test in the dict is the
    one that was running when the output ended."""
    out = {}
    parts = MARKER_RE.split(stdout)
    # parts = [before, idx, text, idx, text, ...]
    for i in range(1, len(parts), 2):
        out[int(parts[i])] = parts[i + 1]
    return out, (int(parts[-2]) if len(parts) > 1 else None)


def pack(cases, size):
    """Groups tests into batches of up to `size` whose top-level names do not collide; returns
    a list of lists (order kept as far as collisions allow)."""
    pending = list(cases)
    batches = []
    while pending:
        names = set()
        batch = []
        rest = []
        for c in pending:
            if len(batch) < size and not (c.top_names & names):
                batch.append(c)
                names |= c.top_names
            else:
                rest.append(c)
        batches.append(batch)
        pending = rest
    return batches


_POS_RE = re.compile(r"(?:^|[\s(])([\w./-]*?)\.ruchy:(\d+):(?:(\d+):)?")
_ERROR_RE = re.compile(r"\b(error|runtime error):")


def implicated_lines(diagnostics, file_stem):
    """For each error in diagnostics, the first line of FILE_STEM.ruchy it points at: the error's
    own position, else the first note after it (a template error inside the support headers is
    followed by "in instantiation of ... requested here" at the Ruchy line that caused it)."""
    out = []
    block = None
    for line in diagnostics.splitlines():
        if _ERROR_RE.search(line):
            if block is not None and block[1] is None:
                out.append(None)
            block = [line, None]
            out_line = _first_position(line, file_stem)
            if out_line is not None:
                block[1] = out_line
                out.append(out_line)
                block = [line, out_line]
            continue
        if block is not None and block[1] is None:
            pos = _first_position(line, file_stem)
            if pos is not None:
                block[1] = pos
                out.append(pos)
    return [x for x in out if x is not None]


def _first_position(line, file_stem):
    for m in _POS_RE.finditer(line):
        if m.group(1).endswith(file_stem):
            return int(m.group(2))
    return None
