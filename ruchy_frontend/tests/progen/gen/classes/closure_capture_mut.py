"""closure_capture_mut: closures that assign the variables they capture.

Issue 11, "Closures that assign captured variables": `let mut n = 0; let inc = || { n = n + 1 };
inc(); inc(); println(n)` printed 0; captures are shared (LANGUAGE.md), so it prints 2. Shapes:
counters called several times, two closures sharing one variable, closures called in loops and
through a function that takes them, closures returned from a function (escaping: each call of
the factory makes a fresh variable that lives on), closures that push to a captured vector or
append to a captured string, nested closures, captures of parameters.
"""

from ruchy_frontend.tests.progen.core import ints
from ruchy_frontend.tests.progen.core import syntax as S
from ruchy_frontend.tests.progen.gen import literals as L
from ruchy_frontend.tests.progen.gen import types as T

NAME = "closure_capture_mut"
ISSUE = "issue 11, Closures that assign captured variables (captures are shared)"


def _i(v):
    return L.int_lit(v, ints.I64)


def _calls(ctx, f, args_fn, n):
    return [S.ExprStmt(S.Call(S.Name(f), args_fn())) for _ in range(n)]


def _counter(ctx, sg):
    n = ctx.local_name("n")
    f = ctx.local_name("inc")
    d = ctx.names.fresh("d")
    op = ctx.rng.choice(["+", "-", "*"])
    if ctx.chance(0.5):
        body = S.Block([S.Assign(S.Name(n), S.Binary(op, S.Name(n), S.Name(d), ints.I64))])
    else:
        body = S.Block([S.Assign(S.Name(n), S.Name(d), op=op, ity=ints.I64)])
    returns = ctx.chance(0.4)
    if returns:
        body.tail = S.Name(n)
    stmts = [S.Let(n, sg.ex.gen(T.I64, 1), mut=True), S.Let(f, S.Lambda([(d, "i64" if ctx.chance(0.3) else None)], body))]
    k = ctx.rng.randint(1, 4)
    for _ in range(k):
        call = S.Call(S.Name(f), [sg.ex.gen(T.I64, 0)])
        stmts.append(S.Print("println", [call]) if returns and ctx.chance(0.5) else S.ExprStmt(call))
    stmts.append(S.Print("println", [S.Name(n)]))
    ctx.count(NAME, k)
    return [], stmts


def _shared(ctx, sg):
    """Two closures over one variable: one writes, the other reads."""
    x = ctx.local_name("x")
    add, get = ctx.local_name("add"), ctx.local_name("get")
    d = ctx.names.fresh("d")
    stmts = [S.Let(x, sg.ex.gen(T.I64, 0), mut=True),
             S.Let(add, S.Lambda([(d, None)], S.Block([S.Assign(S.Name(x), S.Name(d), op="+", ity=ints.I64)]))),
             S.Let(get, S.Lambda([], S.Name(x)))]
    for _ in range(ctx.rng.randint(1, 3)):
        stmts.append(S.ExprStmt(S.Call(S.Name(add), [sg.ex.gen(T.I64, 0)])))
        stmts.append(S.Print("println", [S.Call(S.Name(get), []), S.Name(x)]))
    if ctx.chance(0.5):
        stmts.append(S.Assign(S.Name(x), _i(ctx.rng.randint(0, 50))))
        stmts.append(S.Print("println", [S.Call(S.Name(get), [])]))
    ctx.count(NAME, 2)
    return [], stmts


def _in_loop(ctx, sg):
    total = ctx.local_name("total")
    f = ctx.local_name("bump")
    i = ctx.names.fresh("i")
    d = ctx.names.fresh("d")
    stmts = [S.Let(total, _i(0), mut=True),
             S.Let(f, S.Lambda([(d, "i64")], S.Block([S.Assign(S.Name(total), S.Binary("*", S.Name(d), S.Name(d), ints.I64),
                                                                op="+", ity=ints.I64)]))),
             S.For(i, S.Binary("..", _i(0), _i(ctx.rng.randint(1, 6)), ints.I64),
                   S.Block([S.ExprStmt(S.Call(S.Name(f), [S.Name(i)]))])),
             S.Print("println", [S.Name(total)])]
    ctx.count(NAME)
    return [], stmts


def _through_function(ctx, sg):
    """A function that calls the closure it is given several times."""
    fname = ctx.global_name("twice")
    g = ctx.names.fresh("g")
    times = ctx.rng.randint(2, 3)
    typed = ctx.chance(0.5)
    decl = S.FunDecl(fname, [S.Param(g, "fn() -> ()" if typed else None)], None,
                     S.Block([S.ExprStmt(S.Call(S.Name(g), [])) for _ in range(times)]))
    n = ctx.local_name("count")
    f = ctx.local_name("tick")
    stmts = [S.Let(n, _i(0), mut=True),
             S.Let(f, S.Lambda([], S.Block([S.Assign(S.Name(n), _i(1), op="+", ity=ints.I64)]))),
             S.ExprStmt(S.Call(S.Name(fname), [S.Name(f)])),
             S.Print("println", [S.Name(n)])]
    if ctx.chance(0.5):
        stmts.append(S.ExprStmt(S.Call(S.Name(fname), [S.Lambda([], S.Block([S.Assign(S.Name(n), _i(10), op="+",
                                                                                         ity=ints.I64)]))])))
        stmts.append(S.Print("println", [S.Name(n)]))
    ctx.count(NAME)
    return [decl], stmts


def _escaping(ctx, sg):
    """`fun counter(start) -> fn() -> i64 { let mut c = start; || { c += 1; c } }`: every call of
    the factory has its own `c`, which outlives the call."""
    fname = ctx.global_name("make_counter")
    start = ctx.names.fresh("start")
    c = ctx.names.fresh("c")
    step = ctx.rng.randint(1, 5)
    closure = S.Lambda([], S.Block([S.Assign(S.Name(c), _i(step), op="+", ity=ints.I64)], S.Name(c)))
    decl = S.FunDecl(fname, [S.Param(start, "i64")], "fn() -> i64",
                     S.Block([S.Let(c, S.Name(start), mut=True)], closure))
    a, b = ctx.local_name("ca"), ctx.local_name("cb")
    stmts = [S.Let(a, S.Call(S.Name(fname), [sg.ex.gen(T.I64, 0)])),
             S.Let(b, S.Call(S.Name(fname), [sg.ex.gen(T.I64, 0)]))]
    for _ in range(ctx.rng.randint(2, 4)):
        who = ctx.rng.choice([a, b])
        stmts.append(S.Print("println", [S.Call(S.Name(who), [])]))
    ctx.count(NAME)
    return [decl], stmts


def _collections(ctx, sg):
    """Closures that push to a captured vector or append to a captured string."""
    if ctx.chance(0.5):
        v = ctx.local_name("items")
        f = ctx.local_name("add")
        x = ctx.names.fresh("x")
        stmts = [S.Let(v, S.VecLit([]), mut=True, ty="Vec<i64>"),
                 S.Let(f, S.Lambda([(x, None)], S.Block([S.ExprStmt(S.Method(S.Name(v), "push", [S.Name(x)]))])))]
        stmts += [S.ExprStmt(S.Call(S.Name(f), [sg.ex.gen(T.I64, 0)])) for _ in range(ctx.rng.randint(1, 4))]
        stmts.append(S.Print("println", [S.Name(v), S.Method(S.Name(v), "len")]))
    else:
        s = ctx.local_name("log")
        f = ctx.local_name("say")
        w = ctx.names.fresh("w")
        stmts = [S.Let(s, L.str_lit(""), mut=True),
                 S.Let(f, S.Lambda([(w, "String")], S.Block([S.Assign(S.Name(s), S.Binary("+", S.Name(w), L.str_lit(";")),
                                                                  op="+")])))]
        stmts += [S.ExprStmt(S.Call(S.Name(f), [sg.ex.gen(T.STR, 0)])) for _ in range(ctx.rng.randint(1, 3))]
        stmts.append(S.Print("println", [S.Name(s)]))
    ctx.count(NAME)
    return [], stmts


def _nested(ctx, sg):
    """A closure that makes and calls another closure, both writing the outer variable."""
    x = ctx.local_name("acc")
    outer = ctx.local_name("outer")
    inner = ctx.names.fresh("inner")
    stmts = [S.Let(x, _i(1), mut=True),
             S.Let(outer, S.Lambda([], S.Block([
                 S.Let(inner, S.Lambda([], S.Block([S.Assign(S.Name(x), _i(2), op="*", ity=ints.I64)]))),
                 S.ExprStmt(S.Call(S.Name(inner), [])),
                 S.Assign(S.Name(x), _i(1), op="+", ity=ints.I64),
                 S.ExprStmt(S.Call(S.Name(inner), []))])))]
    stmts += [S.ExprStmt(S.Call(S.Name(outer), [])) for _ in range(ctx.rng.randint(1, 3))]
    stmts.append(S.Print("println", [S.Name(x)]))
    ctx.count(NAME)
    return [], stmts


def _param_capture(ctx, sg):
    """Inside a function: a closure that reads a parameter and writes a local of that function."""
    fname = ctx.global_name("run")
    p = ctx.names.fresh("seed")
    acc = ctx.names.fresh("acc")
    f = ctx.names.fresh("f")
    k = ctx.rng.randint(1, 3)
    body = S.Block([S.Let(acc, S.Name(p), mut=True),
                    S.Let(f, S.Lambda([], S.Block([S.Assign(S.Name(acc), S.Name(p), op="+", ity=ints.I64)])))] +
                   [S.ExprStmt(S.Call(S.Name(f), [])) for _ in range(k)], S.Name(acc))
    decl = S.FunDecl(fname, [S.Param(p, "i64")], "i64", body)
    ctx.count(NAME)
    return [decl], [S.Print("println", [S.Call(S.Name(fname), [sg.ex.gen(T.I64, 0)])])]


SHAPES = [_counter, _counter, _shared, _in_loop, _through_function, _escaping, _collections, _nested, _param_capture]


def generate(ctx, sg):
    decls, stmts = [], []
    for shape in ctx.rng.sample(SHAPES, ctx.rng.randint(1, 2)):
        d, s = shape(ctx, sg)
        decls += d
        stmts += s
    return decls, stmts
