"""generic_types: generic structs and enums (docs/language.md, "Generic types"): a `struct
Cell<T>` with an `impl<T>` whose methods return its fields, a two-parameter `struct Pair<A, B>`,
and an `enum Slot<T> { Empty, Full(T) }` matched in a generic function, each used at two or three
element types in one test (i64, String, bool, and one instance nested in another), so that every
instance is a type of its own in the generated C++ and the wrong one cannot go unnoticed.
"""

from ruchy_frontend.tests.progen.core import ints
from ruchy_frontend.tests.progen.core import syntax as S
from ruchy_frontend.tests.progen.gen import types as T

NAME = "generic_types"
ISSUE = "issue 15, generic type declarations: struct Stack<T>, enum Tree<T>, impl<T> (docs/language.md, Generic types)"

# The element types a test instantiates its generic types at (printable with `println`).
ELEMENT_TYPES = [T.I64, T.STR, T.BOOL]


def _cell(ctx, sg):
    """`struct Cell<T> { value: T, count: i64 }` + `impl<T> Cell<T> { get, count_plus }`."""
    cell = ctx.type_name("Cell")
    tp = ctx.rng.choice(["T", "V", "Item"])
    value, count = ctx.names.fresh("value"), ctx.names.fresh("count")
    get = S.FunDecl(ctx.names.fresh("get"), [], tp, S.Block([], S.Field(S.Name("self"), value)), self_kind="&self")
    n = ctx.names.fresh("n")
    plus = S.FunDecl(ctx.names.fresh("count_plus"), [S.Param(n, "i64")], "i64",
                     S.Block([], S.Binary("+", S.Field(S.Name("self"), count), S.Name(n), ints.I64)),
                     self_kind="&self")
    # The impl names its parameter differently from the struct half the time (`impl<U> Cell<U>`).
    impl_tp = ctx.rng.choice([tp, "U"])
    if impl_tp != tp:
        get = S.FunDecl(get.name, [], impl_tp, get.body, self_kind="&self")
    decls = [S.StructDecl(cell, [(value, tp), (count, "i64")], generics=(tp,)),
             S.ImplDecl(cell, [get, plus], generics=(impl_tp,))]
    stmts = []
    for ty in ctx.rng.sample(ELEMENT_TYPES, ctx.rng.randint(2, 3)):
        x = ctx.local_name("cell")
        lit = S.StructLit(cell, [(value, sg.ex.gen(ty, 0)), (count, sg.ex.gen(T.I64, 0))])
        annotated = "%s<%s>" % (cell, ty.text()) if ctx.chance(0.5) else None
        stmts.append(S.Let(x, lit, ty=annotated))
        stmts.append(S.Print("println", [S.Method(S.Name(x), get.name)]))
        stmts.append(S.Print("println", [S.Method(S.Name(x), plus.name, [sg.ex.gen(T.I64, 0)])]))
        stmts.append(S.Print("println", [S.Field(S.Name(x), value)]))
    return decls, stmts


def _pair_and_slot(ctx, sg):
    """`struct Pair<A, B>`, `enum Slot<T> { Empty, Full(T) }` and a generic function over a Slot."""
    pair, slot = ctx.type_name("Pair"), ctx.type_name("Slot")
    first, second = ctx.names.fresh("first"), ctx.names.fresh("second")
    empty, full = ctx.rng.choice([("Empty", "Full"), ("Nothing", "Just"), ("Vacant", "Held")])
    decls = [S.StructDecl(pair, [(first, "A"), (second, "B")], generics=("A", "B")),
             S.EnumDecl(slot, [(empty, None), (full, ["T"])], generics=("T",))]
    # fun or_else<T>(s: Slot<T>, fallback: T) -> T { match s { Slot::Full(v) => v, Slot::Empty => fallback } }
    f = ctx.global_name("or_else")
    s, fb, v = ctx.names.fresh("s"), ctx.names.fresh("fallback"), ctx.names.fresh("v")
    arms = [S.MatchArm(S.PCtor("%s::%s" % (slot, full), [S.PBind(v)], slot, full), S.Name(v)),
            S.MatchArm(S.PCtor("%s::%s" % (slot, empty), None, slot, empty), S.Name(fb))]
    fun = S.FunDecl(f, [S.Param(s, "%s<T>" % slot), S.Param(fb, "T")], "T", S.Block([], S.Match(S.Name(s), arms)),
                    generics=("T",))
    decls.append(fun)
    a, b = ctx.rng.sample(ELEMENT_TYPES, 2)
    p = ctx.local_name("pair")
    stmts = [S.Let(p, S.StructLit(pair, [(first, sg.ex.gen(a, 0)), (second, sg.ex.gen(b, 0))]),
                   ty="%s<%s, %s>" % (pair, a.text(), b.text()) if ctx.chance(0.5) else None),
             S.Print("println", [S.Field(S.Name(p), first), S.Field(S.Name(p), second)])]
    for ty in (a, b):
        filled = S.Path("%s::%s" % (slot, full), [sg.ex.gen(ty, 0)])
        unfilled = S.Path("%s::%s" % (slot, empty))
        value = filled if ctx.chance(0.6) else unfilled
        x = ctx.local_name("slot")
        stmts.append(S.Let(x, value, ty="%s<%s>" % (slot, ty.text())))
        stmts.append(S.Print("println", [S.Call(S.Name(f), [S.Name(x), sg.ex.gen(ty, 0)])]))
    # One instance inside another: a Slot of a Pair.
    nested = ctx.local_name("nested")
    inner = S.StructLit(pair, [(first, sg.ex.gen(b, 0)), (second, sg.ex.gen(a, 0))])
    stmts.append(S.Let(nested, S.Path("%s::%s" % (slot, full), [inner]),
                       ty="%s<%s<%s, %s>>" % (slot, pair, b.text(), a.text())))
    m = ctx.names.fresh("m")
    arms = [S.MatchArm(S.PCtor("%s::%s" % (slot, full), [S.PBind(m)], slot, full), S.Field(S.Name(m), second)),
            S.MatchArm(S.PCtor("%s::%s" % (slot, empty), None, slot, empty), sg.ex.gen(a, 0))]
    stmts.append(S.Print("println", [S.Match(S.Name(nested), arms)]))
    return decls, stmts


def generate(ctx, sg):
    ctx.placement = "fun"
    ctx.count(NAME)
    shape = ctx.rng.choice([_cell, _pair_and_slot])
    return shape(ctx, sg)
