"""map_entry: `m.entry(k).or_insert(v)` refers into the map.

Issue 11: "`m.entry(k).or_insert(v)` hands back a copy, and the `let mut` hint then leads to code
that changes nothing. It refers into the map." Shapes: `*m.entry(k).or_insert(0) += d` (word
counts), the reference bound to a name and written through (`let mut e = ...; *e += d`),
`m.entry(k).or_insert(Vec::new()).push(x)` (grouping), string values appended through the
reference; the map is printed afterwards (sorted keys).
"""

from ruchy_frontend.tests.progen.core import ints
from ruchy_frontend.tests.progen.core import syntax as S
from ruchy_frontend.tests.progen.gen import literals as L
from ruchy_frontend.tests.progen.gen import types as T

NAME = "map_entry"
ISSUE = "issue 11, m.entry(k).or_insert(v) refers into the map"

KEYS = ["a", "b", "c", "the", "cat", "zz", "é"]


def _i(v):
    return L.int_lit(v, ints.I64)


def _entry(m, key, default):
    return S.Method(S.Method(S.Name(m), "entry", [key]), "or_insert", [default])


def _counts(ctx, sg):
    m = ctx.local_name("counts")
    w = ctx.names.fresh("w")
    words = [ctx.rng.choice(KEYS) for _ in range(ctx.rng.randint(1, 6))]
    body = S.Block([S.Assign(S.Deref(_entry(m, S.Name(w), _i(0))), _i(ctx.rng.randint(1, 3)), op="+", ity=ints.I64)])
    ctx.count(NAME)
    return [S.Let(m, S.Path("HashMap::new", []), mut=True, ty="HashMap<String, i64>" if ctx.chance(0.7) else None),
            S.For(w, S.VecLit([L.str_lit(x) for x in words]), body),
            S.Print("println", [S.Name(m)])]


def _bound_reference(ctx, sg):
    m = ctx.local_name("m")
    e = ctx.local_name("e")
    key = ctx.rng.choice(KEYS)
    pre = []
    if ctx.chance(0.5):
        pre = [S.ExprStmt(S.Method(S.Name(m), "insert", [L.str_lit(key), sg.ex.gen(T.I64, 0)]))]
    writes = []
    for _ in range(ctx.rng.randint(1, 3)):
        writes.append(S.Assign(S.Deref(S.Name(e)), sg.ex.gen(T.I64, 0), op=ctx.rng.choice(["+", "*", None]), ity=ints.I64))
    ctx.count(NAME)
    return ([S.Let(m, S.Path("HashMap::new", []), mut=True, ty="HashMap<String, i64>")] + pre +
            [S.Let(e, _entry(m, L.str_lit(key), sg.ex.gen(T.I64, 0)), mut=True)] + writes +
            [S.Print("println", [S.Name(m)])])


def _grouping(ctx, sg):
    m = ctx.local_name("groups")
    w = ctx.names.fresh("w")
    words = [ctx.rng.choice(["apple", "avocado", "banana", "blueberry", "cherry", "é-clair", "fig"])
             for _ in range(ctx.rng.randint(1, 5))]
    first = S.Method(S.Name(w), "char_at", [_i(0)])
    key = S.Method(first, "to_string")
    body = S.Block([S.ExprStmt(S.Method(_entry(m, key, S.Path("Vec::new", [])), "push", [S.Name(w)]))])
    ctx.count(NAME)
    return [S.Let(m, S.Path("HashMap::new", []), mut=True, ty="HashMap<String, Vec<String>>"),
            S.For(w, S.VecLit([L.str_lit(x) for x in words]), body),
            S.Print("println", [S.Name(m)])]


def _strings(ctx, sg):
    m = ctx.local_name("notes")
    stmts = [S.Let(m, S.Path("HashMap::new", []), mut=True, ty="HashMap<String, String>")]
    for _ in range(ctx.rng.randint(1, 4)):
        key = L.str_lit(ctx.rng.choice(KEYS[:3]))
        stmts.append(S.Assign(S.Deref(_entry(m, key, L.str_lit(""))), L.str_lit(ctx.rng.choice(["x", "yz", "é"])), op="+"))
    stmts.append(S.Print("println", [S.Name(m)]))
    ctx.count(NAME)
    return stmts


SHAPES = [_counts, _bound_reference, _grouping, _strings]


def generate(ctx, sg):
    stmts = []
    for shape in ctx.rng.sample(SHAPES, ctx.rng.randint(1, 2)):
        stmts += shape(ctx, sg)
    return [], stmts
