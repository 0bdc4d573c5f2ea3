"""async_tasks: async functions awaited, spawned and chained (docs/language.md, "Async").

Issue 11 listed `async` as silently synchronous (`async fun g() -> i64 { 1 }; println(g())`
printed 1); issue 16 made it real C++20 coroutines. What can go wrong now is the coroutine
machinery itself: parameters and locals that do not survive a suspension (`await sleep(0)` in
the middle of a body suspends for real), a spawned task whose value is lost or swapped, an
error (`?` on an awaited `Result`) that does not travel through `await`. Shapes: chains of one
to three async functions each awaiting the previous one, tasks awaited at once, spawned and
joined later, two spawned tasks joined in the opposite order, and `Result`s propagated with `?`.

The functions print nothing and share no state, so the value of every task is what a
synchronous call would give: the oracle runs them as plain calls. Awaiting needs an async
context, so these tests run as top-level code (a program whose top-level code awaits runs on the
event loop, before `main`).
"""

from ruchy_frontend.tests.progen.core import ints
from ruchy_frontend.tests.progen.core import syntax as S
from ruchy_frontend.tests.progen.gen import literals as L
from ruchy_frontend.tests.progen.gen import types as T

NAME = "async_tasks"
ISSUE = "issue 11 (async was silently synchronous) and issue 16: async fun, await, spawn, ? through await"

RESULT_TYPES = [T.I64, T.STR, T.BOOL]


def _suspend():
    return S.ExprStmt(S.Await(S.Call(S.Name("sleep"), [L.int_lit(0, ints.I64)])))


def _async_fun(ctx, sg, ret, callee=None):
    """`async fun NAME(params) -> ret { ... }`; with callee (name, param types), the body awaits
    it first and uses its value. Returns (declaration, parameter types)."""
    name = ctx.global_name(ctx.rng.choice(["fetch", "load", "work", "step", "task"]))
    ptys = [ctx.rng.choice(RESULT_TYPES) for _ in range(ctx.rng.randint(0, 2))]
    with ctx.function_scope():
        params = []
        for pty in ptys:
            p = ctx.local_name("arg")
            ctx.declare(p, pty)
            params.append(S.Param(p, pty.text()))
        stmts = []
        if ctx.chance(0.5):
            stmts.append(_suspend())  # the parameters must live on in the frame
        if callee is not None:
            got = ctx.local_name("got")
            stmts.append(S.Let(got, S.Await(S.Call(S.Name(callee[0]), [sg.ex.gen(t, 1) for t in callee[1]]))))
            ctx.declare(got, callee[2])
            ctx.count(NAME)
        if ctx.chance(0.4):
            stmts.append(_suspend())  # ... and so must the locals
        tail = sg.ex.gen(ret, 2)
    ctx.count(NAME)
    return S.FunDecl(name, params, ret.text(), S.Block(stmts, tail), is_async=True), ptys


def _uses(ctx, sg, funs):
    """Top-level statements that await, spawn and join the functions and print the values."""
    stmts = []
    for name, ptys, ret in funs:
        call = lambda: S.Call(S.Name(name), [sg.ex.gen(t, 1) for t in ptys])
        shape = ctx.rng.random()
        v = ctx.local_name("v")
        if shape < 0.4:
            stmts += [S.Let(v, S.Await(call())), S.Print("println", [S.Name(v)])]
            ctx.declare(v, ret)
        elif shape < 0.75:
            h = ctx.local_name("handle")
            stmts += [S.Let(h, S.Call(S.Name("spawn"), [call()]))]
            stmts += [s for s in sg.stmts(ctx.rng.randint(0, 1), 0) if not isinstance(s, S.Print)]
            stmts += [S.Let(v, S.Await(S.Name(h))), S.Print("println", [S.Name(v)])]
            ctx.declare(v, ret)
        else:
            a, b = ctx.local_name("first"), ctx.local_name("second")
            stmts += [S.Let(a, S.Call(S.Name("spawn"), [call()])), S.Let(b, S.Call(S.Name("spawn"), [call()])),
                      S.Print("println", [S.Await(S.Name(b)), S.Await(S.Name(a))])]
        ctx.count(NAME)
    return stmts


def _results(ctx, sg):
    """An async function returning a Result, and one that awaits it with `?`."""
    check = ctx.global_name("check")
    x = ctx.names.fresh("x")
    limit = ctx.rng.randint(-5, 5)
    fail = S.Call(S.Name("Err"), [L.str_lit(ctx.rng.choice(["too big", "no", "é!"]))])
    check_body = S.Block([_suspend()] if ctx.chance(0.5) else [], S.If(
        S.Binary(">", S.Name(x), L.int_lit(limit, ints.I64)),
        S.Block([], fail),
        S.Block([], S.Call(S.Name("Ok"), [S.Binary("*", S.Name(x), L.int_lit(ctx.rng.randint(-3, 3), ints.I64), ints.I64)]))))
    res = "Result<i64, String>"
    decls = [S.FunDecl(check, [S.Param(x, "i64")], res, check_body, is_async=True)]
    outer = ctx.global_name("twice")
    y = ctx.names.fresh("y")
    got = ctx.names.fresh("got")
    outer_body = S.Block([S.Let(got, S.Question(S.Await(S.Call(S.Name(check), [S.Name(y)]))))],
                         S.Call(S.Name("Ok"), [S.Binary("+", S.Name(got), S.Name(got), ints.I64)]))
    decls.append(S.FunDecl(outer, [S.Param(y, "i64")], res, outer_body, is_async=True))
    stmts = []
    for _ in range(ctx.rng.randint(1, 3)):
        r, n, e = ctx.local_name("r"), ctx.names.fresh("n"), ctx.names.fresh("e")
        arg = L.int_lit(ctx.rng.randint(-8, 8), ints.I64)
        stmts.append(S.Let(r, S.Await(S.Call(S.Name(ctx.rng.choice([check, outer])), [arg]))))
        stmts.append(S.Print("println", [S.Match(S.Name(r), [
            S.MatchArm(S.PCtor("Ok", [S.PBind(n)], "Result", "Ok"), S.Method(S.Name(n), "to_string")),
            S.MatchArm(S.PCtor("Err", [S.PBind(e)], "Result", "Err"), S.Binary("+", L.str_lit("error: "), S.Name(e)))])]))
        ctx.count(NAME)
    return decls, stmts


# await needs an async context: top-level code runs on the event loop (gen/registry.py).
PLACEMENT = "top"


def generate(ctx, sg):
    if ctx.chance(0.3):
        return _results(ctx, sg)
    decls = []
    funs = []
    callee = None
    for _ in range(ctx.rng.randint(1, 3)):
        ret = ctx.rng.choice(RESULT_TYPES)
        d, ptys = _async_fun(ctx, sg, ret, callee)
        decls.append(d)
        callee = (d.name, ptys, ret)
        funs.append(callee)
    return decls, _uses(ctx, sg, funs)
