"""slice_forms: every slice and index form docs/language.md lists: `a[1:3]`, `a[1..3]`, `a[..2]`,
`a[1..]`, `a[1:]`, negative indices counting from the end, on vectors and (ASCII) strings.
"""

from ruchy_frontend.tests.progen.core import ints
from ruchy_frontend.tests.progen.core import syntax as S
from ruchy_frontend.tests.progen.gen import literals as L
from ruchy_frontend.tests.progen.gen import types as T

NAME = "slice_forms"
ISSUE = "docs/language.md slice and index forms (a[..2], a[1..], negative indices)"


def _i(v):
    return L.int_lit(v, ints.I64)


def generate(ctx, sg):
    stmts = []
    v = ctx.local_name("xs")
    n = ctx.rng.randint(1, 6)
    stmts.append(S.Let(v, S.VecLit([sg.ex.gen(T.I64, 0) for _ in range(n)])))
    for _ in range(ctx.rng.randint(1, 3)):
        ctx.count(NAME)
        r = ctx.rng.random()
        a = ctx.rng.randint(0, n)
        b = ctx.rng.randint(a, n)
        if r < 0.25:
            e = S.Slice(S.Name(v), None, _i(b), ctx.rng.choice(["..", ":"]))
        elif r < 0.5:
            e = S.Slice(S.Name(v), _i(a), None, ctx.rng.choice(["..", ":"]))
        elif r < 0.75:
            e = S.Index(S.Name(v), _i(-ctx.rng.randint(1, n)))
        else:
            e = S.Slice(S.Name(v), _i(a), _i(b), ctx.rng.choice(["..", ":"]))
        stmts.append(S.Print("println", [e]))
    return [], stmts
