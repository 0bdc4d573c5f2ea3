"""cxx_warning_traps: Ruchy that is valid but, translated naively, trips a clang warning, which
the golden tests' -Werror turns into an error. The compiler promises warning-free C++ for every
accepted program (LANGUAGE.md, docs/cli.md), so each is a compiler bug.

Traps: `x = x` (-Wself-assign), `x < x` (-Wtautological-compare), a comparison or arithmetic as a
statement (-Wunused-comparison, -Wunused-value), unused variables and unused `mut`, comparisons
a narrow type makes constant (`u8 < 300`: -Wtautological-constant-out-of-range-compare), empty
bodies, shadowing a parameter, a function whose result is ignored.
"""

from ruchy_frontend.tests.progen.core import ints
from ruchy_frontend.tests.progen.core import syntax as S
from ruchy_frontend.tests.progen.gen import literals as L
from ruchy_frontend.tests.progen.gen import types as T

NAME = "cxx_warning_traps"
ISSUE = "the compiler's promise: accepted programs compile warning-free (-Wall -Wextra -Werror)"


def _i(v):
    return L.int_lit(v, ints.I64)


def _trap(ctx, sg):
    x = ctx.local_name("x")
    r = ctx.rng.random()
    ty = ctx.rng.choice([T.I64, T.STR, T.BOOL])
    init = [S.Let(x, sg.ex.gen(ty, 0), mut=True)]
    if r < 0.15:
        return init + [S.Assign(S.Name(x), S.Name(x)), S.Print("println", [S.Name(x)])]
    if r < 0.3:
        op = ctx.rng.choice(["<", "==", ">=", "!="])
        return init + [S.Print("println", [S.Binary(op, S.Name(x), S.Name(x))])]
    if r < 0.45:
        e = S.Binary(ctx.rng.choice(["==", "<"]), S.Name(x), sg.ex.gen(ty, 0)) if ctx.chance(0.5) else \
            (S.Binary("+", S.Name(x), _i(1), ints.I64) if ty == T.I64 else S.Name(x))
        return init + [S.ExprStmt(e), S.Print("println", [S.Name(x)])]
    if r < 0.6:
        return [S.Let(x, sg.ex.gen(ty, 1), mut=ctx.chance(0.5)), S.Print("println", [L.str_lit("unused")])]
    if r < 0.75:
        ity = ctx.rng.choice([ints.U8, ints.I8, ints.U16])
        bound = ctx.rng.choice([300, -1, 70000, 0])
        return [S.Let(x, L.int_lit(ctx.rng.randint(0, 100), ity), ty=ity.name),
                S.Print("println", [S.Binary(ctx.rng.choice(["<", ">=", "=="]), S.Cast(S.Name(x), ints.I64), _i(bound),
                                             ints.I64), S.Binary(">=", S.Name(x), L.int_lit(0, ity), ity)])]
    if r < 0.88:
        return init + [S.ExprStmt(S.If(sg.ex.gen(T.BOOL, 1), S.Block([]), S.Block([]))),
                       S.While(L.bool_lit(False), S.Block([])), S.Print("println", [S.Name(x)])]
    f = ctx.global_name("calc")
    with ctx.function_scope():
        decl = S.FunDecl(f, [], "i64", S.Block([], sg.ex.gen(T.I64, 1)))
    ctx.decls.append(decl)
    return [S.ExprStmt(S.Call(S.Name(f), [])), S.Print("println", [S.Call(S.Name(f), [])])]


def generate(ctx, sg):
    stmts = []
    for _ in range(ctx.rng.randint(1, 2)):
        stmts += _trap(ctx, sg)
        ctx.count(NAME)
    decls, ctx.decls = ctx.decls, []
    return decls, stmts
