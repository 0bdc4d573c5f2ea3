"""nested_print: printing nested data: vectors of tuples of options of strings, maps of vectors,
structs holding structs, maps and options, enums with payloads, empty collections, unit.

LANGUAGE.md, "What a program prints": strings raw at top level and quoted inside containers,
`Some(5)`, `None`, `Ok(..)`/`Err(..)`, enum values `Text(42)`, maps and structs with sorted keys
(`{a: 1, b: "x"}`, `Point {x: 1, y: 2}`), unit as `nil`, floats in shortest form.
"""

from ruchy_frontend.tests.progen.core import ints
from ruchy_frontend.tests.progen.core import syntax as S
from ruchy_frontend.tests.progen.gen import literals as L
from ruchy_frontend.tests.progen.gen import types as T

NAME = "nested_print"
ISSUE = "LANGUAGE.md printing rules for nested data (issue 11's generator list)"

SCALARS = [T.I64, T.STR, T.BOOL, T.F64]


def _type(ctx, depth):
    if depth <= 0:
        return ctx.rng.choice(SCALARS)
    r = ctx.rng.random()
    if r < 0.3:
        return T.VecT(_type(ctx, depth - 1))
    if r < 0.5:
        return T.OptT(_type(ctx, depth - 1))
    if r < 0.7:
        return T.TupT([_type(ctx, depth - 1) for _ in range(ctx.rng.randint(2, 3))])
    if r < 0.85:
        return T.MapT(T.STR, _type(ctx, depth - 1))
    return ctx.rng.choice(SCALARS)


def _value(ctx, sg, ty, depth):
    if isinstance(ty, T.VecT):
        return S.VecLit([_value(ctx, sg, ty.elem, depth - 1) for _ in range(ctx.rng.randint(1, 3))])
    if isinstance(ty, T.OptT):
        return S.Call(S.Name("Some"), [_value(ctx, sg, ty.inner, depth - 1)])
    if isinstance(ty, T.TupT):
        return S.TupleLit([_value(ctx, sg, t, depth - 1) for t in ty.items])
    if isinstance(ty, T.MapT):
        keys = ctx.rng.sample(["a", "b", "k", "zz", "A", "b2", "é"], ctx.rng.randint(1, 3))
        return S.MapLit([(L.str_lit(k), _value(ctx, sg, ty.v, depth - 1)) for k in keys])
    if ty == T.STR:
        return L.str_lit(ctx.rng.choice(L.ASCII_WORDS[:12] + L.UTF8_WORDS[:6]))
    if ty == T.F64:
        return L.float_lit(ctx.rng.choice(L.SIMPLE_FLOATS))
    return sg.ex.gen(ty, 0)


def _struct(ctx, sg):
    tname = ctx.type_name("Rec")
    inner = ctx.type_name("Inner")
    ftypes = {"zeta": T.I64, "alpha": T.STR, "mid": T.OptT(T.I64), "inner": None, "tags": T.VecT(T.STR)}
    chosen = ctx.rng.sample(sorted(ftypes), ctx.rng.randint(2, 4))
    decls = [S.StructDecl(inner, [("y", "i64"), ("x", "f64")])]
    fields = []
    values = []
    for f in chosen:
        t = ftypes[f]
        if t is None:
            fields.append((f, inner))
            values.append((f, S.StructLit(inner, [("y", sg.ex.gen(T.I64, 0)), ("x", L.float_lit(ctx.rng.choice(L.SIMPLE_FLOATS)))])))
        else:
            fields.append((f, t.text()))
            values.append((f, _value(ctx, sg, t, 2) if not isinstance(t, T.OptT) or ctx.chance(0.6) else S.Name("None")))
    decls.insert(0, S.StructDecl(tname, fields))
    v = ctx.local_name("r")
    ctx.count(NAME)
    return decls, [S.Let(v, S.StructLit(tname, values)), S.Print("println", [S.Name(v)]),
                   S.Print("println", [S.VecLit([S.Name(v)])])]


def _enum(ctx, sg):
    ename = ctx.type_name("Msg")
    variants = [(v + ctx.tag, p) for v, p in [("Quit", None), ("Text", ["String"]), ("Move", ["i64", "i64"]), ("Num", ["f64"])]]
    decl = S.EnumDecl(ename, variants)
    for v, _ in variants:
        ctx.top_names.add(v)
    vals = []
    for _ in range(ctx.rng.randint(1, 4)):
        vname, payload = ctx.rng.choice(variants)
        args = [_value(ctx, sg, {"String": T.STR, "i64": T.I64, "f64": T.F64}[p], 0) for p in payload] if payload else None
        vals.append(S.Path("%s::%s" % (ename, vname), args))
    x = ctx.local_name("msgs")
    ctx.count(NAME)
    return [decl], [S.Let(x, S.VecLit(vals)), S.Print("println", [S.Name(x)]),
                    S.Print("println", [S.Index(S.Name(x), L.int_lit(0, ints.I64))])]


def _data(ctx, sg):
    ty = _type(ctx, ctx.rng.randint(1, 3))
    v = ctx.local_name("data")
    ctx.count(NAME)
    stmts = [S.Let(v, _value(ctx, sg, ty, 3), ty=ty.text() if ctx.chance(0.5) else None), S.Print("println", [S.Name(v)])]
    if ctx.chance(0.3):
        stmts.append(S.Print("println", [S.Name(v), L.str_lit("and"), S.TupleLit([S.Name(v)])]))
    return [], stmts


def _empties(ctx, sg):
    e = ctx.local_name("e")
    m = ctx.local_name("m")
    o = ctx.local_name("o")
    ctx.count(NAME)
    return [], [S.Let(e, S.VecLit([]), ty="Vec<i64>"), S.Let(m, S.Path("HashMap::new", []), ty="HashMap<String, i64>"),
                S.Let(o, S.Name("None"), ty="Option<String>"),
                S.Print("println", [S.Name(e), S.Name(m), S.Name(o), S.TupleLit([S.Name(e), S.Name(o)])])]


SHAPES = [_data, _data, _struct, _enum, _empties]


def generate(ctx, sg):
    decls, stmts = [], []
    for shape in ctx.rng.sample(SHAPES, ctx.rng.randint(1, 3)):
        d, s = shape(ctx, sg)
        decls += d
        stmts += s
    return decls, stmts
