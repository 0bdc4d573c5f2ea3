"""value_semantics: struct values are copied, class values are shared (LANGUAGE.md: "Class values
are references (shared identity); struct values are copied"); vectors, maps and strings are
values too. A copy is changed and both sides printed; a class object is changed through an alias,
through a vector holding it, and inside a method, and every holder sees it.
"""

from ruchy_frontend.tests.progen.core import ints
from ruchy_frontend.tests.progen.core import syntax as S
from ruchy_frontend.tests.progen.gen import literals as L
from ruchy_frontend.tests.progen.gen import types as T

NAME = "value_semantics"
ISSUE = "LANGUAGE.md: struct values copy, class values share (issue 11's generator list)"


def _i(v):
    return L.int_lit(v, ints.I64)


def _struct_copy(ctx, sg):
    tname = ctx.type_name("Pt")
    decl = S.StructDecl(tname, [("x", "i64"), ("tags", "Vec<String>")])
    a, b = ctx.local_name("a"), ctx.local_name("b")
    stmts = [S.Let(a, S.StructLit(tname, [("x", sg.ex.gen(T.I64, 0)), ("tags", S.VecLit([L.str_lit("t")]))]), mut=True),
             S.Let(b, S.Name(a), mut=True),
             S.Assign(S.Field(S.Name(b), "x"), sg.ex.gen(T.I64, 0)),
             S.ExprStmt(S.Method(S.Field(S.Name(b), "tags"), "push", [L.str_lit("u")])),
             S.Print("println", [S.Name(a)]), S.Print("println", [S.Name(b)])]
    if ctx.chance(0.5):
        # Passed to a function: the callee's changes stay in the callee.
        f = ctx.global_name("bump")
        p = ctx.names.fresh("p")
        fun = S.FunDecl(f, [S.Param(p, tname)], "i64", S.Block([S.Let(p, S.Name(p), mut=True),
                                                                 S.Assign(S.Field(S.Name(p), "x"), _i(100), op="+", ity=ints.I64)],
                                                                S.Field(S.Name(p), "x")))
        stmts += [S.Print("println", [S.Call(S.Name(f), [S.Name(a)]), S.Field(S.Name(a), "x")])]
        ctx.count(NAME)
        return [decl, fun], stmts
    ctx.count(NAME)
    return [decl], stmts


def _class_share(ctx, sg):
    cname = ctx.type_name("Counter")
    v = ctx.names.fresh("v")
    field = "n"
    ctor = S.Block([S.Assign(S.Field(S.Name("self"), field), S.Name(v))])
    bump = S.FunDecl("bump", [], None, S.Block([S.Assign(S.Field(S.Name("self"), field), _i(1), op="+", ity=ints.I64)]),
                     self_kind="&mut self")
    get = S.FunDecl("get", [], "i64", S.Block([], S.Field(S.Name("self"), field)), self_kind="&self")
    decl = S.ClassDecl(cname, [(field, "i64")], [S.Param(v, "i64")], ctor, [bump, get])
    a, b, lst = ctx.local_name("a"), ctx.local_name("b"), ctx.local_name("all")
    stmts = [S.Let(a, S.Path(cname + "::new", [sg.ex.gen(T.I64, 0)])), S.Let(b, S.Name(a))]
    for _ in range(ctx.rng.randint(1, 3)):
        who = ctx.rng.choice([a, b])
        stmts.append(S.ExprStmt(S.Method(S.Name(who), "bump")))
    if ctx.chance(0.5):
        stmts.append(S.Assign(S.Field(S.Name(b), field), _i(ctx.rng.randint(0, 9)), op="+", ity=ints.I64))
    if ctx.chance(0.5):
        stmts += [S.Let(lst, S.VecLit([S.Name(a), S.Name(b)])),
                  S.ExprStmt(S.Method(S.Index(S.Name(lst), _i(0)), "bump"))]
    stmts.append(S.Print("println", [S.Method(S.Name(a), "get"), S.Method(S.Name(b), "get"), S.Field(S.Name(a), field)]))
    ctx.count(NAME)
    return [decl], stmts


def _vec_copy(ctx, sg):
    a, b = ctx.local_name("xs"), ctx.local_name("ys")
    ctx.count(NAME)
    return [], [S.Let(a, S.VecLit([sg.ex.gen(T.I64, 0) for _ in range(ctx.rng.randint(1, 3))]), mut=True),
                S.Let(b, S.Name(a), mut=True),
                S.ExprStmt(S.Method(S.Name(b), "push", [sg.ex.gen(T.I64, 0)])),
                S.Assign(S.Index(S.Name(a), _i(0)), sg.ex.gen(T.I64, 0)),
                S.Print("println", [S.Name(a), S.Name(b)])]


SHAPES = [_struct_copy, _class_share, _class_share, _vec_copy]


def generate(ctx, sg):
    decls, stmts = [], []
    for shape in ctx.rng.sample(SHAPES, ctx.rng.randint(1, 2)):
        d, s = shape(ctx, sg)
        decls += d
        stmts += s
    return decls, stmts
