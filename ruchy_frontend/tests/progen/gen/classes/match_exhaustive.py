"""match_exhaustive: matches that cover every case of an enum, bool, Option or Result, with
bindings, guards (followed by a catch-all of the same variant), nested patterns, or-patterns,
`@` bindings and struct-like variants; the match is an expression whose value is printed.

Issue 11, "match": matches on enums, bool, Option and Result are checked for exhaustiveness at
compile time; these tests are the exhaustive (valid) side and must run correctly.
"""

from ruchy_frontend.tests.progen.core import ints
from ruchy_frontend.tests.progen.core import syntax as S
from ruchy_frontend.tests.progen.gen import literals as L
from ruchy_frontend.tests.progen.gen import types as T

NAME = "match_exhaustive"
ISSUE = "issue 11, match: exhaustive matches on enums, bool, Option and Result"


def _i(v):
    return L.int_lit(v, ints.I64)


def enum_decl(ctx):
    """An enum with unit, tuple and struct-like variants; returns (decl, variants)."""
    name = ctx.type_name("Shape")
    variants = []
    pool = ["Circle", "Rect", "Empty", "Dot", "Pair", "Named", "Big", "Tiny"]
    for v in ctx.rng.sample(pool, ctx.rng.randint(2, 4)):
        v += ctx.tag  # variant names are global (bare variants): kept apart from other tests'
        r = ctx.rng.random()
        if r < 0.35:
            variants.append((v, None))
        elif r < 0.75:
            variants.append((v, ["i64"] * ctx.rng.randint(1, 2)))
        else:
            variants.append((v, [("w", "i64"), ("h", "i64")]))
    return S.EnumDecl(name, variants), name, variants


def value_of(ctx, sg, ename, vname, payload):
    path = "%s::%s" % (ename, vname)
    if payload is None:
        return S.Path(path)
    if isinstance(payload[0], tuple):
        return S.StructLit(path, [(f, sg.ex.gen(T.I64, 0)) for f, _ in payload])
    return S.Path(path, [sg.ex.gen(T.I64, 0) for _ in payload])


def arms_for_enum(ctx, ename, variants, result):
    """Arms covering every variant; result(bindings) builds an arm's value."""
    arms = []
    for vname, payload in variants:
        path = "%s::%s" % (ename, vname)
        if payload is None:
            arms.append(S.MatchArm(S.PCtor(path, None, ename, vname), result([])))
            continue
        if isinstance(payload[0], tuple):
            names = [ctx.names.fresh(f) for f, _ in payload]
            pat = S.PStruct(path, [(f, S.PBind(n)) for (f, _), n in zip(payload, names)], enum=ename, variant=vname)
        else:
            names = [ctx.names.fresh("a") for _ in payload]
            pat = S.PCtor(path, [S.PBind(n) for n in names], ename, vname)
        if ctx.chance(0.3):
            guard = S.Binary(">", S.Name(names[0]), _i(0), ints.I64)
            arms.append(S.MatchArm(pat, result(names), guard=guard))
            wild = S.PStruct(path, [], rest=True, enum=ename, variant=vname) if isinstance(payload[0], tuple) else \
                S.PCtor(path, [S.PWild() for _ in payload], ename, vname)
            arms.append(S.MatchArm(wild, _i(-1)))
        else:
            arms.append(S.MatchArm(pat, result(names)))
    if ctx.chance(0.2) and all(a.guard is None for a in arms):
        ctx.rng.shuffle(arms)  # arm order does not matter without guards
    return arms


def _sum(names):
    if not names:
        return _i(7)
    e = S.Name(names[0])
    for n in names[1:]:
        e = S.Binary("+", e, S.Name(n), ints.I64)
    return e


def _enum(ctx, sg):
    decl, ename, variants = enum_decl(ctx)
    for v, _ in variants:
        ctx.top_names.add(v)
    stmts = []
    x = ctx.local_name("shapes")
    values = [value_of(ctx, sg, ename, v, p) for v, p in [ctx.rng.choice(variants) for _ in range(ctx.rng.randint(1, 4))]]
    s = ctx.names.fresh("s")
    body = S.Block([S.Print("println", [S.Match(S.Name(s), arms_for_enum(ctx, ename, variants, _sum))])])
    stmts += [S.Let(x, S.VecLit(values)), S.For(s, S.Name(x), body)]
    ctx.count(NAME)
    return [decl], stmts


def _bool(ctx, sg):
    b = sg.ex.gen(T.BOOL, 2)
    arms = [S.MatchArm(S.PLit(True, "true"), L.str_lit("yes")),
            S.MatchArm(S.PLit(False, "false"), L.str_lit("no"))]
    if ctx.chance(0.5):
        arms.reverse()
    ctx.count(NAME)
    return [], [S.Print("println", [S.Match(b, arms)])]


def _option(ctx, sg):
    o = ctx.local_name("o")
    n = ctx.names.fresh("n")
    val = S.Call(S.Name("Some"), [sg.ex.gen(T.I64, 1)]) if ctx.chance(0.6) else S.Name("None")
    arms = []
    if ctx.chance(0.4):
        arms.append(S.MatchArm(S.PCtor("Some", [S.PBind(n)], "Option", "Some"), S.Name(n),
                               guard=S.Binary("<", S.Name(n), _i(10), ints.I64)))
        arms.append(S.MatchArm(S.PCtor("Some", [S.PWild()], "Option", "Some"), _i(10)))
    elif ctx.chance(0.3):
        arms.append(S.MatchArm(S.PCtor("Some", [S.PAt(n, S.PRange(L.int_lit(0, ints.I64), L.int_lit(9, ints.I64)))],
                                       "Option", "Some"), S.Name(n)))
        arms.append(S.MatchArm(S.PCtor("Some", [S.PBind(n)], "Option", "Some"),
                               S.Binary("*", S.Name(n), _i(2), ints.I64)))
    else:
        arms.append(S.MatchArm(S.PCtor("Some", [S.PBind(n)], "Option", "Some"),
                               S.Binary("+", S.Name(n), _i(1), ints.I64)))
    arms.append(S.MatchArm(S.PCtor("None", None, "Option", "None"), _i(-1)))
    ctx.count(NAME)
    return [], [S.Let(o, val, ty="Option<i64>"), S.Print("println", [S.Match(S.Name(o), arms)])]


def _result(ctx, sg):
    r = ctx.local_name("r")
    n, e = ctx.names.fresh("n"), ctx.names.fresh("e")
    if ctx.chance(0.5):
        val = S.Call(S.Name("Ok"), [sg.ex.gen(T.I64, 1)])
    else:
        val = S.Call(S.Name("Err"), [L.str_lit(ctx.rng.choice(["bad", "no", "é"]))])
    arms = [S.MatchArm(S.PCtor("Ok", [S.PBind(n)], "Result", "Ok"), S.Method(S.Name(n), "to_string")),
            S.MatchArm(S.PCtor("Err", [S.PBind(e)], "Result", "Err"), S.Binary("+", L.str_lit("error: "), S.Name(e)))]
    if ctx.chance(0.5):
        arms.reverse()
    ctx.count(NAME)
    return [], [S.Let(r, val, ty="Result<i64, String>"), S.Print("println", [S.Match(S.Name(r), arms)])]


def _nested(ctx, sg):
    """A tuple of an Option and a bool, matched by nested patterns with a catch-all."""
    t = ctx.local_name("t")
    n = ctx.names.fresh("n")
    val = S.TupleLit([S.Call(S.Name("Some"), [sg.ex.gen(T.I64, 0)]) if ctx.chance(0.6) else S.Name("None"),
                      sg.ex.gen(T.BOOL, 1)])
    some = S.PCtor("Some", [S.PBind(n)], "Option", "Some")
    arms = [S.MatchArm(S.TuplePat([some, S.PLit(True, "true")]), S.Name(n)),
            S.MatchArm(S.TuplePat([S.PCtor("Some", [S.PWild()], "Option", "Some"), S.PLit(False, "false")]), _i(0)),
            S.MatchArm(S.TuplePat([S.PCtor("None", None, "Option", "None"), S.PWild()]), _i(-1))]
    ctx.count(NAME)
    return [], [S.Let(t, val, ty="(Option<i64>, bool)"), S.Print("println", [S.Match(S.Name(t), arms)])]


SHAPES = [_enum, _enum, _bool, _option, _result, _nested]


def generate(ctx, sg):
    decls, stmts = [], []
    for shape in ctx.rng.sample(SHAPES, ctx.rng.randint(1, 3)):
        d, s = shape(ctx, sg)
        decls += d
        stmts += s
    return decls, stmts
