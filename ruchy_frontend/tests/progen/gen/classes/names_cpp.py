"""names_cpp: user names that are C++ keywords, standard-library or libc names, or macros.

Issue 11, "Names": `fun move(s: String) -> String { s + "!" }` then `println(move("go"))` printed
`go` (argument-dependent lookup found std::move), a user `apply` taking a closure failed in C++.
Each test puts one or more hostile names at sites where C++ lookup could capture them: a
function called with std-typed arguments (String, Vec: argument-dependent lookup into std), a
function taking a closure, locals, parameters, globals, struct fields and methods, struct and
enum names and variants (upper-case macros such as EOF or NULL), loop and closure variables.
"""

from ruchy_frontend.tests.progen.core import ints
from ruchy_frontend.tests.progen.core import syntax as S
from ruchy_frontend.tests.progen.gen import literals as L
from ruchy_frontend.tests.progen.gen import names as N
from ruchy_frontend.tests.progen.gen import types as T

NAME = "names_cpp"
ISSUE = "issue 11, Names: user names captured by C++/std/library names (std::move, std::apply, ...)"


def _hostile(ctx, upper=False, top=False):
    """A hostile name; top: for a top-level item (never `main`: the program has one)."""
    pool = N.CPP_MACROS_UPPER if upper else N.CPP_LOWER
    for _ in range(20):
        name = ctx.rng.choice(pool)
        if top and name == "main":
            continue
        if ctx.names.claim(name):
            ctx.count(NAME)
            return name
    return ctx.names.fresh_type("Zz") if upper else ctx.names.fresh("zz")


def _fun_string(ctx, sg):
    """`fun move(s: String) -> String { s + "!" }` called with a String (ADL into std)."""
    name = _hostile(ctx, top=True)
    ctx.top_names.add(name)
    p = ctx.names.fresh("s")
    decl = S.FunDecl(name, [S.Param(p, "String")], "String",
                     S.Block([], S.Binary("+", S.Name(p), L.str_lit(ctx.rng.choice(["!", "?", "-x"])))))
    arg = sg.ex.gen(T.STR, 1)
    return [decl], [S.Print("println", [S.Call(S.Name(name), [arg])])]


def _fun_closure(ctx, sg):
    """`fun apply(f, x: i64) -> i64 { f(x) }` called with a closure (std::apply, std::invoke)."""
    name = _hostile(ctx, top=True)
    ctx.top_names.add(name)
    f, x = ctx.names.fresh("f"), ctx.names.fresh("x")
    typed = ctx.chance(0.5)
    params = [S.Param(f, "fn(i64) -> i64" if typed else None), S.Param(x, "i64")]
    decl = S.FunDecl(name, params, "i64", S.Block([], S.Call(S.Name(f), [S.Name(x)])))
    y = ctx.names.fresh("y")
    lam = S.Lambda([(y, None)], S.Binary(ctx.rng.choice(["+", "*", "-"]), S.Name(y),
                                         L.int_lit(ctx.rng.randint(1, 9), ints.I64), ints.I64))
    return [decl], [S.Print("println", [S.Call(S.Name(name), [lam, sg.ex.gen(T.I64, 1)])])]


def _fun_vec(ctx, sg):
    """`fun size(v: Vec<i64>) -> i64`, `fun begin(v)`, ... over a vector (ADL into std)."""
    name = _hostile(ctx, top=True)
    ctx.top_names.add(name)
    v = ctx.names.fresh("v")
    body = ctx.rng.choice([
        S.Binary("+", S.Method(S.Name(v), "len"), L.int_lit(1, ints.I64), ints.I64),
        S.Method(S.Name(v), "sum"),
        S.Index(S.Name(v), L.int_lit(0, ints.I64)),
    ])
    decl = S.FunDecl(name, [S.Param(v, "Vec<i64>")], "i64", S.Block([], body))
    vec = S.VecLit([sg.ex.gen(T.I64, 0) for _ in range(ctx.rng.randint(1, 3))])
    return [decl], [S.Print("println", [S.Call(S.Name(name), [vec])])]


def _fun_generic(ctx, sg):
    """An untyped (generic) function with a hostile name, instantiated at two types."""
    name = _hostile(ctx, top=True)
    ctx.top_names.add(name)
    x = ctx.names.fresh("x")
    decl = S.FunDecl(name, [S.Param(x)], None, S.Block([], S.Binary("+", S.Name(x), S.Name(x))))
    return [decl], [S.Print("println", [S.Call(S.Name(name), [sg.ex.gen(T.I64, 0)]),
                                        S.Call(S.Name(name), [sg.ex.gen(T.STR, 0)])])]


def _locals(ctx, sg):
    """Locals (mutable, shadowed, captured) with hostile names."""
    out = []
    names = [_hostile(ctx) for _ in range(ctx.rng.randint(1, 3))]
    for n in names:
        ty = ctx.rng.choice([T.I64, T.STR, T.BOOL, T.VecT(T.I64)])
        out.append(sg.let(ty, n))
    if ctx.chance(0.5):
        out.append(sg.assign())
    if ctx.chance(0.4):
        v = ctx.rng.choice(names)
        f = ctx.names.fresh("show")
        out.append(S.Let(f, S.Lambda([], S.Name(v))))
        out.append(S.Print("println", [S.Call(S.Name(f), [])]))
    out.append(S.Print("println", [S.Name(n) for n in names]))
    return [], out


def _params(ctx, sg):
    """A helper function whose parameters and locals have hostile names."""
    fname = ctx.global_name("calc")
    a, b = _hostile(ctx), _hostile(ctx)
    local = _hostile(ctx)
    body = S.Block([S.Let(local, S.Binary("*", S.Name(a), L.int_lit(2, ints.I64), ints.I64))],
                   S.Binary("-", S.Name(local), S.Name(b), ints.I64))
    decl = S.FunDecl(fname, [S.Param(a, "i64"), S.Param(b, "i64")], "i64", body)
    return [decl], [S.Print("println", [S.Call(S.Name(fname), [sg.ex.gen(T.I64, 1), sg.ex.gen(T.I64, 1)])])]


def _struct(ctx, sg):
    """A struct (maybe named like a macro) with hostile field and method names, printed whole."""
    tname = _hostile(ctx, upper=True, top=True) if ctx.chance(0.5) else ctx.type_name("Box")
    ctx.top_names.add(tname)
    fields = []
    used = set()
    for _ in range(ctx.rng.randint(1, 3)):
        f = ctx.rng.choice(N.CPP_LOWER)
        if f in used or f in N.RUCHY_RESERVED:
            continue
        used.add(f)
        fields.append((f, ctx.rng.choice([T.I64, T.STR])))
    if not fields:
        fields = [("data", T.I64)]
    ctx.count(NAME)
    mname = ctx.rng.choice([n for n in N.CPP_LOWER if n not in used] or ["size"])
    first, fty = fields[0]
    method = S.FunDecl(mname, [], fty.text(), S.Block([], S.Field(S.Name("self"), first)), self_kind="&self")
    decl = S.StructDecl(tname, [(f, t.text()) for f, t in fields], [method] if ctx.chance(0.5) else [])
    impl = [] if decl.methods else [S.ImplDecl(tname, [method])]
    v = ctx.local_name("rec")
    lit = S.StructLit(tname, [(f, sg.ex.gen(t, 1)) for f, t in fields])
    stmts = [S.Let(v, lit), S.Print("println", [S.Name(v)]),
             S.Print("println", [S.Method(S.Name(v), mname)])]
    return [decl] + impl, stmts


def _enum(ctx, sg):
    """An enum whose variants are C macros (EOF, NULL, NAN ...), matched and printed."""
    ename = _hostile(ctx, upper=True) if ctx.chance(0.3) else ctx.type_name("Kind")
    variants = []
    for _ in range(ctx.rng.randint(2, 4)):
        v = _hostile(ctx, upper=True)
        ctx.top_names.add(v)
        variants.append((v, None if ctx.chance(0.6) else ["i64"]))
    decl = S.EnumDecl(ename, variants)
    x = ctx.local_name("k")
    vname, payload = ctx.rng.choice(variants)
    value = S.Path("%s::%s" % (ename, vname), [sg.ex.gen(T.I64, 0)] if payload else None)
    arms = []
    for vn, pl in variants:
        if pl:
            b = ctx.names.fresh("n")
            arms.append(S.MatchArm(S.PCtor("%s::%s" % (ename, vn), [S.PBind(b)], ename, vn),
                                   S.Binary("+", S.Name(b), L.int_lit(100, ints.I64), ints.I64)))
        else:
            arms.append(S.MatchArm(S.PCtor("%s::%s" % (ename, vn), None, ename, vn),
                                   L.int_lit(ctx.rng.randint(0, 9), ints.I64)))
    return [decl], [S.Let(x, value), S.Print("println", [S.Name(x)]), S.Print("println", [S.Match(S.Name(x), arms)])]


def _loop_vars(ctx, sg):
    """for-loop variables, closure parameters and match bindings with hostile names."""
    i = _hostile(ctx)
    acc = ctx.local_name("acc")
    body = S.Block([S.Assign(S.Name(acc), S.Name(i), op="+", ity=ints.I64)])
    p = _hostile(ctx)
    f = ctx.local_name("f")
    m = _hostile(ctx)
    return [], [
        S.Let(acc, L.int_lit(0, ints.I64), mut=True),
        S.For(i, S.Binary("..", L.int_lit(0, ints.I64), L.int_lit(ctx.rng.randint(1, 6), ints.I64), ints.I64), body),
        S.Let(f, S.Lambda([(p, None)], S.Binary("*", S.Name(p), L.int_lit(3, ints.I64), ints.I64))),
        S.Print("println", [S.Name(acc), S.Call(S.Name(f), [S.Name(acc)]),
                            S.Match(S.Name(acc), [S.MatchArm(S.PBind(m), S.Binary("-", S.Name(m), L.int_lit(1, ints.I64),
                                                                                   ints.I64))])]),
    ]


SITES = [_fun_string, _fun_closure, _fun_vec, _fun_generic, _locals, _params, _struct, _enum, _loop_vars]


def generate(ctx, sg):
    decls, stmts = [], []
    for site in ctx.rng.sample(SITES, ctx.rng.randint(1, 3)):
        d, s = site(ctx, sg)
        decls += d
        stmts += s
    stmts = stmts
    return decls, stmts
