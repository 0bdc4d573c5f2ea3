"""Shrinks a failing test to a small program that still fails the same way.

Greedy tree reduction: drop a declaration, drop a statement from any block, replace an `if`, a
loop or a nested block by the statements of its body, replace an operator by one of its
operands. After each edit the oracle recomputes the expected output (an edit it cannot evaluate
is discarded), and the program is compiled and run in the variant that failed; the edit is kept
when the finding keeps its kind and, for diagnostics, its first message.
"""

import copy

from ruchy_frontend.tests.progen.core import syntax as S
from ruchy_frontend.tests.progen.gen.case import count_nodes

# Compile-and-run attempts one minimisation may spend.
DEFAULT_BUDGET = 150


def _blocks(root):
    """Every Block under root, in a fixed depth-first order."""
    out = []
    stack = [root]
    while stack:
        node = stack.pop()
        if isinstance(node, (list, tuple)):
            stack.extend(reversed(node))
            continue
        if not isinstance(node, S.Node):
            continue
        if isinstance(node, S.Block):
            out.append(node)
        for f in reversed(node.__slots__):
            v = getattr(node, f)
            if isinstance(v, (S.Node, list, tuple)):
                stack.append(v)
    return out


def _binaries(root):
    out = []
    stack = [root]
    while stack:
        node = stack.pop()
        if isinstance(node, (list, tuple)):
            stack.extend(reversed(node))
            continue
        if not isinstance(node, S.Node):
            continue
        for f in node.__slots__:
            v = getattr(node, f)
            if isinstance(v, S.Binary) and v.op not in ("==", "!=", "<", "<=", ">", ">=", "&&", "||", "..", "..="):
                out.append((node, f))
        for f in reversed(node.__slots__):
            v = getattr(node, f)
            if isinstance(v, (S.Node, list, tuple)):
                stack.append(v)
    return out


def candidates(case):
    """Smaller variants of case, biggest cuts first (generator of thunks building a new Case)."""
    for i in range(len(case.decls)):
        def drop_decl(i=i):
            c = copy.deepcopy(case)
            del c.decls[i]
            return c
        yield drop_decl
    root = [case.decls, case.body]
    nblocks = len(_blocks(root))
    for b in range(nblocks):
        nstmts = len(_blocks(root)[b].stmts)
        for i in reversed(range(nstmts)):
            def drop_stmt(b=b, i=i):
                c = copy.deepcopy(case)
                blk = _blocks([c.decls, c.body])[b]
                if i >= len(blk.stmts):
                    return None
                del blk.stmts[i]
                return c
            yield drop_stmt

            def inline_stmt(b=b, i=i):
                c = copy.deepcopy(case)
                blk = _blocks([c.decls, c.body])[b]
                if i >= len(blk.stmts):
                    return None
                s = blk.stmts[i]
                inner = None
                if isinstance(s, S.ExprStmt) and isinstance(s.e, (S.If, S.Block, S.Loop)):
                    inner = s.e.then if isinstance(s.e, S.If) else (s.e if isinstance(s.e, S.Block) else s.e.body)
                elif isinstance(s, (S.While, S.For)):
                    inner = s.body
                if inner is None:
                    return None
                blk.stmts[i:i + 1] = inner.stmts + ([S.ExprStmt(inner.tail)] if inner.tail is not None else [])
                return c
            yield inline_stmt
        def drop_tail(b=b):
            c = copy.deepcopy(case)
            blk = _blocks([c.decls, c.body])[b]
            if blk.tail is None or not isinstance(blk.tail, (S.Binary,)):
                return None
            blk.tail = blk.tail.a
            return c
        yield drop_tail
    nbin = len(_binaries(root))
    for j in range(nbin):
        for side in ("a", "b"):
            def operand(j=j, side=side):
                c = copy.deepcopy(case)
                found = _binaries([c.decls, c.body])
                if j >= len(found):
                    return None
                parent, field = found[j]
                node = getattr(parent, field)
                setattr(parent, field, getattr(node, side))
                return c
            yield operand


def _family(f):
    """Findings that count as "the same failure" while minimising."""
    if f.kind in ("wrong-output", "variant-disagreement"):
        return "output|" + f.case.primary
    return f.signature()


def minimize(runner, finding, budget=DEFAULT_BUDGET, log=None):
    """Returns a finding for the smallest variant of finding.case found within budget."""
    best = finding
    if finding.case.expect == "differential":
        return finding  # a corpus program with renamed identifiers: small already, and the note says which
    variants = finding.variants[:1] or None
    target = _family(finding)
    spent = 0
    improved = True
    while improved and spent < budget:
        improved = False
        for make in candidates(best.case):
            if spent >= budget:
                break
            cand = make()
            if cand is None:
                continue
            try:
                cand.evaluate()
            except Exception:  # the oracle cannot make sense of this edit: not a candidate
                continue
            if count_nodes(cand) >= count_nodes(best.case):
                continue
            spent += 1
            f = runner.run_single(cand, variants)
            if f is not None and _family(f) == target:
                best = f
                improved = True
                if log:
                    log("minimised to %d nodes" % count_nodes(cand))
                break
    return best
