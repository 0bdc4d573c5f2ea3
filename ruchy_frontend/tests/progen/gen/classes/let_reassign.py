"""let_reassign: a plain `let` binding assigned again.

LANGUAGE.md, "Declarations and blocks": "The reference lets a plain `let` binding be assigned
again; so does this project (a lint may suggest `let mut`, never an error)." Plain bindings are
assigned (`=`, `+=`), in loops and branches, and printed.
"""

from ruchy_frontend.tests.progen.core import ints
from ruchy_frontend.tests.progen.core import syntax as S
from ruchy_frontend.tests.progen.gen import literals as L
from ruchy_frontend.tests.progen.gen import types as T

NAME = "let_reassign"
ISSUE = "LANGUAGE.md: a plain `let` binding may be assigned again (a lint, never an error)"


def generate(ctx, sg):
    stmts = []
    x = ctx.local_name("x")
    ty = ctx.rng.choice([T.I64, T.STR])
    stmts.append(S.Let(x, sg.ex.gen(ty, 1)))
    for _ in range(ctx.rng.randint(1, 3)):
        if ty == T.I64 and ctx.chance(0.5):
            stmts.append(S.Assign(S.Name(x), sg.ex.gen(T.I64, 0), op=ctx.rng.choice(["+", "-"]), ity=ints.I64))
        elif ctx.chance(0.3):
            i = ctx.names.fresh("i")
            stmts.append(S.For(i, S.Binary("..", L.int_lit(0, ints.I64), L.int_lit(2, ints.I64), ints.I64),
                               S.Block([S.Assign(S.Name(x), sg.ex.gen(ty, 0))])))
        else:
            stmts.append(S.Assign(S.Name(x), sg.ex.gen(ty, 1)))
        stmts.append(S.Print("println", [S.Name(x)]))
        ctx.count(NAME)
    return [], stmts
