"""collect: `collect::<String>()` and collects whose type comes from an annotation.

Issue 11: "`collect::<String>()` returns a Vec<char>: turbofish and annotated collects build the
type asked for." Sources are `chars()` (reversed, filtered, mapped), vector iterators and
`enumerate`/`zip` pairs; targets String, Vec<T> and HashMap<K, V>; the type is given by
turbofish, by a `let` annotation, or by a function's declared result type.
"""

from ruchy_frontend.tests.progen.core import ints
from ruchy_frontend.tests.progen.core import syntax as S
from ruchy_frontend.tests.progen.core.methods import Collect
from ruchy_frontend.tests.progen.gen import literals as L
from ruchy_frontend.tests.progen.gen import types as T

NAME = "collect"
ISSUE = "issue 11, collect::<String>() and annotated collects build the type asked for"


def _i(v):
    return L.int_lit(v, ints.I64)


def _chars_source(ctx):
    s = L.str_lit(ctx.rng.choice(L.ASCII_WORDS[:10] + L.UTF8_WORDS[:8]))
    it = S.Method(s, "chars")
    r = ctx.rng.random()
    c = ctx.names.fresh("c")
    if r < 0.3:
        it = S.Method(it, "rev")
    elif r < 0.5 and ctx.on("char_compare"):
        ctx.count("char_compare")
        it = S.Method(it, "filter", [S.Lambda([(c, None)], S.Binary("!=", S.Name(c), L.char_lit(ctx.rng.choice("aelo "))))])
    elif r < 0.65:
        it = S.Method(it, "map", [S.Lambda([(c, None)], S.Method(S.Name(c), "to_ascii_uppercase"))])
    return it


def _string_collect(ctx, sg):
    how = ctx.rng.choice(["turbofish", "annotation", "return"])
    src = _chars_source(ctx)
    v = ctx.local_name("word")
    ctx.count(NAME)
    if how == "turbofish":
        return [], [S.Let(v, Collect(src, "String", "String")), S.Print("println", [S.Name(v), S.Method(S.Name(v), "len")])]
    if how == "annotation":
        return [], [S.Let(v, Collect(src, "String"), ty="String"), S.Print("println", [S.Name(v)])]
    fname = ctx.global_name("spell")
    decl = S.FunDecl(fname, [], "String", S.Block([], Collect(src, "String")))
    return [decl], [S.Print("println", [S.Call(S.Name(fname), []), S.Method(S.Call(S.Name(fname), []), "len")])]


def _vec_collect(ctx, sg):
    xs = ctx.local_name("xs")
    x = ctx.names.fresh("x")
    base = S.VecLit([sg.ex.gen(T.I64, 0) for _ in range(ctx.rng.randint(0, 5))])
    it = S.Method(S.Name(xs), "iter")
    r = ctx.rng.random()
    if r < 0.4:
        it = S.Method(it, "map", [S.Lambda([(x, None)], S.Binary("*", S.Name(x), _i(ctx.rng.randint(2, 5)), ints.I64))])
        elem = "i64"
    elif r < 0.7:
        it = S.Method(it, "filter", [S.Lambda([(x, None)], S.Binary(">", S.Name(x), _i(ctx.rng.randint(-5, 5)), ints.I64))])
        elem = "i64"
    else:
        it = S.Method(it, "map", [S.Lambda([(x, None)], S.Method(S.Name(x), "to_string"))])
        elem = "String"
    v = ctx.local_name("out")
    turbofish = ctx.chance(0.5)
    coll = Collect(it, "Vec", "Vec<%s>" % elem if turbofish else None)
    ctx.count(NAME)
    return [], [S.Let(xs, base, ty="Vec<i64>"),
                S.Let(v, coll, ty=None if turbofish else "Vec<%s>" % elem),
                S.Print("println", [S.Name(v), S.Method(S.Name(v), "len")])]


def _map_collect(ctx, sg):
    keys = ctx.rng.sample(["a", "b", "c", "d", "e"], ctx.rng.randint(1, 4))
    ks = ctx.local_name("keys")
    m = ctx.local_name("m")
    it = S.Method(S.Method(S.Name(ks), "iter"), "enumerate")
    p = ctx.names.fresh("p")
    swapped = S.Method(it, "map", [S.Lambda([(p, None)], S.TupleLit([S.TupleField(S.Name(p), 1), S.TupleField(S.Name(p), 0)]))])
    turbofish = ctx.chance(0.5)
    ctx.count(NAME)
    return [], [S.Let(ks, S.VecLit([L.str_lit(k) for k in keys])),
                S.Let(m, Collect(swapped, "HashMap", "HashMap<String, i64>" if turbofish else None),
                      ty=None if turbofish else "HashMap<String, i64>"),
                S.Print("println", [S.Name(m)])]


SHAPES = [_string_collect, _string_collect, _vec_collect, _map_collect]


def generate(ctx, sg):
    decls, stmts = [], []
    for shape in ctx.rng.sample(SHAPES, ctx.rng.randint(1, 2)):
        d, s = shape(ctx, sg)
        decls += d
        stmts += s
    return decls, stmts
