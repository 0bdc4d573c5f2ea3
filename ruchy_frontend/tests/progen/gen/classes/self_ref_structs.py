"""self_ref_structs: structs that contain themselves through Option, tuples, or each other
through Options (without a `Box`), which the checker must refuse. Through a `Box` they are valid
(recursive_boxed generates those).

Issue 11 found them accepted and then refused by C++ ("incomplete type"). The language settled it
(docs/language.md, "Not yet"): a value type that holds itself is rejected with a message (a `Vec`
of itself works, a class is shared). So each test is one such shape, with a chain built and
walked as a user would write it, and `ruchy check` must exit 1 with a diagnostic: accepting it
means either C++ refuses it or, worse, it runs.
"""

from ruchy_frontend.tests.progen.core import ints
from ruchy_frontend.tests.progen.core import syntax as S
from ruchy_frontend.tests.progen.gen import literals as L
from ruchy_frontend.tests.progen.gen import types as T

NAME = "self_ref_structs"
ISSUE = "issue 11 + docs/language.md, a struct holding itself through Option/Self/tuples/another struct without a Box is rejected"
EXPECT = "reject"


def _i(v):
    return L.int_lit(v, ints.I64)


def _some(e):
    return S.Call(S.Name("Some"), [e])


# The links that hold the struct inline; LINKS_BOXED are the valid ones (recursive_boxed).
LINKS_INLINE = ["Option<%s>", "Option<Self>"]
LINKS_BOXED = ["Option<Box<%s>>"]


def _chain(ctx, sg, links=None, name=NAME):
    tname = ctx.type_name("Node")
    link = ctx.rng.choice(links or LINKS_INLINE)
    field_ty = link % tname if "%s" in link else link
    val, nxt = ctx.rng.choice([("val", "next"), ("value", "rest"), ("n", "tail")])
    decl = S.StructDecl(tname, [(val, "i64"), (nxt, field_ty)])
    n = ctx.rng.randint(0, 3)
    e = S.StructLit(tname, [(val, sg.ex.gen(T.I64, 0)), (nxt, S.Name("None"))])
    for _ in range(n):
        e = S.StructLit(tname, [(val, _i(ctx.rng.randint(-9, 99))), (nxt, _some(e))])
    # fun total(n: Node) -> i64 { match n.next { Some(m) => n.val + total(m), None => n.val } }
    f = ctx.global_name("total")
    p, m = ctx.names.fresh("node"), ctx.names.fresh("m")
    arms = [S.MatchArm(S.PCtor("Some", [S.PBind(m)], "Option", "Some"),
                       S.Binary("+", S.Field(S.Name(p), val), S.Call(S.Name(f), [S.Name(m)]), ints.I64)),
            S.MatchArm(S.PCtor("None", None, "Option", "None"), S.Field(S.Name(p), val))]
    fun = S.FunDecl(f, [S.Param(p, tname)], "i64", S.Block([], S.Match(S.Field(S.Name(p), nxt), arms)))
    x = ctx.local_name("list")
    ctx.count(name)
    return [decl, fun], [S.Let(x, e), S.Print("println", [S.Call(S.Name(f), [S.Name(x)])]), S.Print("println", [S.Name(x)])]


def _tuple(ctx, sg):
    """`struct Tree { label: String, kids: (Option<Tree>, Option<Tree>) }`-like, or a plain tuple field."""
    tname = ctx.type_name("Tree")
    decl = S.StructDecl(tname, [("label", "String"), ("kids", "(Option<%s>, Option<%s>)" % (tname, tname))])

    def leaf(w):
        return S.StructLit(tname, [("label", L.str_lit(w)), ("kids", S.TupleLit([S.Name("None"), S.Name("None")]))])
    root = S.StructLit(tname, [("label", L.str_lit("root")),
                               ("kids", S.TupleLit([_some(leaf("l")), _some(leaf("r")) if ctx.chance(0.5) else S.Name("None")]))])
    x = ctx.local_name("t")
    ctx.count(NAME)
    return [decl], [S.Let(x, root), S.Print("println", [S.Name(x)]),
                    S.Print("println", [S.Method(S.TupleField(S.Field(S.Name(x), "kids"), 1), "is_some")])]


def _mutual(ctx, sg):
    """`struct A { b: Option<B> }` and `struct B { a: Option<A> }`."""
    a_name, b_name = ctx.type_name("Ping"), ctx.type_name("Pong")
    da = S.StructDecl(a_name, [("n", "i64"), ("other", "Option<%s>" % b_name)])
    db = S.StructDecl(b_name, [("s", "String"), ("back", "Option<%s>" % a_name)])
    inner = S.StructLit(a_name, [("n", _i(ctx.rng.randint(0, 9))), ("other", S.Name("None"))])
    mid = S.StructLit(b_name, [("s", L.str_lit(ctx.rng.choice(["x", "é"]))), ("back", _some(inner))])
    outer = S.StructLit(a_name, [("n", _i(ctx.rng.randint(0, 9))), ("other", _some(mid) if ctx.chance(0.8) else S.Name("None"))])
    x = ctx.local_name("p")
    order = [da, db] if ctx.chance(0.5) else [db, da]
    ctx.count(NAME)
    return order, [S.Let(x, outer), S.Print("println", [S.Name(x)])]


SHAPES = [_chain, _chain, _tuple, _mutual]


def generate(ctx, sg):
    # One shape per test: the rejection then belongs to it.
    ctx.placement = "fun"
    return ctx.rng.choice(SHAPES)(ctx, sg)
