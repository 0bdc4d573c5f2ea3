"""One generated test: declarations plus a body, where it runs (a test function or the top level),
which construct classes it exercises, and what it must print (computed by the oracle)."""

import collections

from ruchy_frontend.tests.progen.core import interp
from ruchy_frontend.tests.progen.core import render
from ruchy_frontend.tests.progen.core import syntax as S


class Case:
    """placement: "fun" (the body is a test function main() calls inside try/catch) or "top"
    (top-level statements). expect: "run" (must print `expected`) or "reject" (`ruchy check` must
    refuse it with a diagnostic; such tests run alone, see run/batch.py)."""

    def __init__(self, primary, decls, body, placement="fun", counts=None, top_names=(), expect="run", note=""):
        self.primary = primary
        self.forced_primary = None  # set when the run chose the class rather than the seed
        self.decls = list(decls)
        self.body = body
        self.placement = placement
        self.counts = collections.Counter(counts or {})
        self.top_names = set(top_names)
        self.expect = expect
        self.note = note
        self.expected = None
        self.seed = None
        self.sources = None  # expect == "differential": (harmless source, hostile source)
        self.uncomparable = None  # differential: a harmless output matching this is not compared

    def evaluate(self):
        """Runs the oracle; returns the expected output (errors.Unsupported / BudgetExceeded
        propagate: the generator drops the test)."""
        if self.expect in ("reject", "differential"):
            self.expected = ""  # a differential test's expectation is its harmless build's output
            return self.expected
        machine = interp.Interp(interp.Program(self.decls))
        out = machine.run_body(self.body)
        if self.placement == "top" and out.endswith("@@error\n"):
            raise interp.Unsupported("a run-time error at the top level cannot be caught per test")
        self.expected = out
        return out

    def classes(self):
        return sorted(c for c, n in self.counts.items() if n)

    # ------------------------------------------------------------------------------- source
    def decl_lines(self):
        lines = []
        for d in self.decls:
            lines += render.decl(d, 0)
        return lines

    def body_lines(self, depth):
        return render.block_lines(self.body, depth)

    def copy_with(self, decls=None, body=None):
        c = Case(self.primary, self.decls if decls is None else decls, self.body if body is None else body,
                 self.placement, self.counts, self.top_names, self.expect, self.note)
        c.seed = self.seed
        c.forced_primary = self.forced_primary
        return c


def count_nodes(case):
    """Size of the test's tree (the minimiser's measure)."""
    n = 0
    stack = list(case.decls) + [case.body]
    while stack:
        node = stack.pop()
        if isinstance(node, list):
            stack.extend(node)
            continue
        if isinstance(node, tuple):
            stack.extend(x for x in node if isinstance(x, (S.Node, list, tuple)))
            continue
        if not isinstance(node, S.Node):
            continue
        n += 1
        for f in node.__slots__:
            v = getattr(node, f)
            if isinstance(v, (S.Node, list, tuple)):
                stack.append(v)
    return n
