"""iter_chains: iterator pipelines over vectors, ranges and strings.

Issue 11: "`xs.iter().filter(|x| x > 1).count()` passes `check`, then C++ fails (`no member
named 'count'`)." Chains of `iter()`/`chars()` with `filter`, `map`, `rev`, `enumerate`, `zip`,
`take`, `skip`, ended by `count`, `sum`, `fold`, `any`, `all`, `position`, `find`, `max`, `min`
or `collect`; closures see plain values (`|x| x > 1`).
"""

from ruchy_frontend.tests.progen.core import ints
from ruchy_frontend.tests.progen.core import syntax as S
from ruchy_frontend.tests.progen.core.methods import Collect
from ruchy_frontend.tests.progen.gen import literals as L
from ruchy_frontend.tests.progen.gen import types as T

NAME = "iter_chains"
ISSUE = "issue 11, iterator chains (iter().filter(..).count() and friends) compile and run"


def _i(v):
    return L.int_lit(v, ints.I64)


def _adapters(ctx, it, elem_is_int):
    """0-3 adapters that keep items i64 (or chars when elem_is_int is False)."""
    for _ in range(ctx.rng.randint(0, 3)):
        x = ctx.names.fresh("x")
        r = ctx.rng.random()
        if elem_is_int:
            if r < 0.35:
                op = ctx.rng.choice([">", "<", "!=", ">="])
                it = S.Method(it, "filter", [S.Lambda([(x, None)], S.Binary(op, S.Name(x), _i(ctx.rng.randint(-3, 6)), ints.I64))])
            elif r < 0.6:
                it = S.Method(it, "map", [S.Lambda([(x, None)], S.Binary(ctx.rng.choice(["*", "+", "-"]), S.Name(x),
                                                                         _i(ctx.rng.randint(1, 4)), ints.I64))])
            elif r < 0.75:
                it = S.Method(it, "rev")
            elif r < 0.88:
                it = S.Method(it, "take", [_i(ctx.rng.randint(0, 4))])
            else:
                it = S.Method(it, "skip", [_i(ctx.rng.randint(0, 3))])
        else:
            if r < 0.5:
                it = S.Method(it, "filter", [S.Lambda([(x, None)], S.Method(S.Name(x), ctx.rng.choice(
                    ["is_alphabetic", "is_whitespace", "is_ascii_digit"])))])
            else:
                it = S.Method(it, "rev")
    return it


def _int_chain(ctx, sg):
    xs = ctx.local_name("xs")
    values = [sg.ex.gen(T.I64, 0) for _ in range(ctx.rng.randint(0, 6))]
    src = S.Method(S.Name(xs), "iter") if ctx.chance(0.8) else S.Paren(S.Binary(
        "..", _i(0), _i(ctx.rng.randint(0, 8)), ints.I64))
    it = _adapters(ctx, src, True)
    a, b, x = ctx.names.fresh("a"), ctx.names.fresh("b"), ctx.names.fresh("x")
    ends = ["count", "sum", "fold", "any", "all", "position", "find", "max", "min"]
    if ctx.on("collect"):
        ends.append("collect")
    end = ctx.rng.choice(ends)
    if end == "collect":
        ctx.count("collect")
    if end == "fold":
        e = S.Method(it, "fold", [_i(ctx.rng.randint(0, 3)), S.Lambda([(a, None), (b, None)],
                                                                     S.Binary("+", S.Name(a), S.Name(b), ints.I64))])
    elif end in ("any", "all", "position", "find"):
        e = S.Method(it, end, [S.Lambda([(x, None)], S.Binary(ctx.rng.choice([">", "=="]), S.Name(x),
                                                              _i(ctx.rng.randint(-2, 5)), ints.I64))])
    elif end == "collect":
        e = Collect(it, "Vec", "Vec<i64>")
    else:
        e = S.Method(it, end)
    ctx.count(NAME)
    out = [S.Let(xs, S.VecLit(values), ty="Vec<i64>"), S.Print("println", [e])]
    if ctx.chance(0.3):
        out.append(S.Print("println", [S.Name(xs)]))  # the source is unchanged
    return out


def _char_chain(ctx, sg):
    s = ctx.local_name("text")
    it = _adapters(ctx, S.Method(S.Name(s), "chars"), False)
    end = ctx.rng.choice(["count", "collect"]) if ctx.on("collect") else "count"
    if end == "collect":
        ctx.count("collect")
    e = S.Method(it, "count") if end == "count" else Collect(it, "String", "String")
    ctx.count(NAME)
    return [S.Let(s, L.str_lit(ctx.rng.choice(L.ASCII_WORDS + L.UTF8_WORDS))), S.Print("println", [e])]


def _pairs(ctx, sg):
    xs, ys = ctx.local_name("xs"), ctx.local_name("names")
    p = ctx.names.fresh("p")
    if ctx.chance(0.5):
        it = S.Method(S.Method(S.Name(xs), "iter"), "enumerate")
        e = S.Method(it, "filter", [S.Lambda([(p, None)], S.Binary(">", S.TupleField(S.Name(p), 1), _i(0), ints.I64))])
        e = S.Method(e, "count")
    elif ctx.on("collect"):
        ctx.count("collect")
        it = S.Method(S.Method(S.Name(xs), "iter"), "zip", [S.Name(ys)])
        e = Collect(it, "Vec", "Vec<(i64, String)>")
    else:
        it = S.Method(S.Method(S.Name(xs), "iter"), "zip", [S.Name(ys)])
        e = S.Method(it, "count")
    ctx.count(NAME)
    return [S.Let(xs, S.VecLit([sg.ex.gen(T.I64, 0) for _ in range(ctx.rng.randint(1, 4))]), ty="Vec<i64>"),
            S.Let(ys, S.VecLit([L.str_lit(w) for w in ctx.rng.sample(L.ASCII_WORDS[:8], 3)])),
            S.Print("println", [e])]


SHAPES = [_int_chain, _int_chain, _int_chain, _char_chain, _pairs]


def generate(ctx, sg):
    stmts = []
    for shape in ctx.rng.sample(SHAPES, ctx.rng.randint(1, 3)):
        stmts += shape(ctx, sg)
    return [], stmts
