"""names_generated: user names shaped like the names the compiler invents for itself.

Issue 11, "Names": `let x_2 = 10` beside a shadowed `x` gave "redefinition of 'x_2'"; variants
`A{b_c}` and `A_b{c}` gave "duplicate member 'A_b_c'"; a user `_tmp1` may meet a temporary.
One mangling scheme for every emitted name must make these impossible. Patterns: shadow
suffixes (`x`, `x` again, `x_2`), the `_v` suffix of locals that hide a function, temporaries
(`_cond1`, `_opt2`, `_m1`, `_end3`, ...) beside code that needs temporaries, reserved-word
suffixes (`int` and `int_`, methods `new` and `new_`), module paths (`m::f` and `m__f`), enum
payload members (`A { b_c }` and `A_b { c }`), a field and a method of one name, `main_`.
"""

from ruchy_frontend.tests.progen.core import ints
from ruchy_frontend.tests.progen.core import syntax as S
from ruchy_frontend.tests.progen.gen import literals as L
from ruchy_frontend.tests.progen.gen import names as N
from ruchy_frontend.tests.progen.gen import types as T

NAME = "names_generated"
ISSUE = "issue 11, Names: user names colliding with generated names (x_2 beside a shadowed x, A{b_c}/A_b{c}, _tmp1)"


def _i(v):
    return L.int_lit(v, ints.I64)


def _shadow_suffix(ctx, sg):
    base = ctx.rng.choice(["x", "n", "v", "total", "s"])
    if not ctx.names.claim(base):
        base = ctx.names.fresh(base)
    ctx.count(NAME)
    stmts = [S.Let(base, sg.ex.gen(T.I64, 1))]
    ctx.declare(base, T.I64)
    for _ in range(ctx.rng.randint(1, 3)):
        stmts.append(S.Let(base, S.Binary(ctx.rng.choice(["+", "*", "-"]), S.Name(base), sg.ex.gen(T.I64, 0), ints.I64)))
    suffixed = []
    for k in ctx.rng.sample([1, 2, 3, 4], ctx.rng.randint(1, 3)):
        n = "%s_%d" % (base, k)
        if ctx.names.claim(n):
            suffixed.append(n)
            stmts.append(S.Let(n, sg.ex.gen(T.I64, 1), mut=ctx.chance(0.3)))
            ctx.declare(n, T.I64)
    if ctx.chance(0.5):
        # A nested scope shadows again (the compiler numbers these too).
        stmts.append(S.ExprStmt(S.Block([S.Let(base, S.Binary("+", S.Name(base), _i(1), ints.I64)),
                                         S.Print("println", [S.Name(base)] + [S.Name(n) for n in suffixed])])))
    if ctx.chance(0.4):
        i = "%s_%d" % (base, ctx.rng.randint(5, 7))
        if ctx.names.claim(i):
            stmts.append(S.For(base, S.Binary("..", _i(0), _i(2), ints.I64),
                               S.Block([S.Let(i, S.Name(base)), S.Print("println", [S.Name(i)])])))
    stmts.append(S.Print("println", [S.Name(base)] + [S.Name(n) for n in suffixed]))
    return [], stmts


def _hide_function(ctx, sg):
    """`let area = area(2)` (a local hiding the function it calls) beside a user `area_v`."""
    fname = ctx.global_name("area")
    p = ctx.names.fresh("r")
    decl = S.FunDecl(fname, [S.Param(p, "i64")], "i64", S.Block([], S.Binary("*", S.Name(p), S.Name(p), ints.I64)))
    ctx.count(NAME)
    stmts = [S.Let(fname + "_v", sg.ex.gen(T.I64, 1)),
             S.Let(fname, S.Call(S.Name(fname), [sg.ex.gen(T.I64, 0)])),
             S.Print("println", [S.Name(fname), S.Name(fname + "_v")])]
    ctx.names.claim(fname + "_v")
    return [decl], stmts


def _temps(ctx, sg):
    """Locals named like the emitter's temporaries, beside code that makes temporaries."""
    names = []
    stmts = []
    for _ in range(ctx.rng.randint(2, 4)):
        base = ctx.rng.choice(N.TEMP_BASES)
        n = "_%s%d" % (base, ctx.rng.randint(1, 8)) if ctx.chance(0.7) else ctx.rng.choice(N.temp_names(ctx.rng, 1))
        if not ctx.names.claim(n):
            continue
        ctx.count(NAME)
        names.append(n)
        stmts.append(S.Let(n, sg.ex.gen(T.I64, 1), mut=True))
        ctx.declare(n, T.I64, True)
    if not names:
        return [], []
    a = ctx.rng.choice(names)
    o = ctx.names.fresh("o")
    stmts += [
        # `&&`/`||` with a non-trivial right side, `??`, `match`, a range loop, a loop value:
        S.Print("println", [S.Binary("&&", S.Binary(">", S.Name(a), _i(0), ints.I64),
                                     S.Paren(S.Binary("||", S.Binary("<", S.Name(a), _i(100), ints.I64),
                                                      S.Binary("==", S.Name(ctx.rng.choice(names)), _i(3), ints.I64))))]),
        S.Let(o, S.Call(S.Name("Some"), [S.Name(ctx.rng.choice(names))]), ty="Option<i64>"),
        S.Print("println", [S.Binary("??", S.Name(o), S.Name(ctx.rng.choice(names)))]),
        S.Print("println", [S.Match(S.Name(ctx.rng.choice(names)), [
            S.MatchArm(S.PLit(1, "1"), _i(10)), S.MatchArm(S.PBind(ctx.names.fresh("z")), S.Name(ctx.rng.choice(names)))])]),
        S.For(ctx.names.fresh("i"), S.Binary("..", _i(0), S.Name(ctx.rng.choice(names)), ints.I64),
              S.Block([S.Assign(S.Name(a), _i(1), op="+", ity=ints.I64)])),
        S.Print("println", [S.Name(n) for n in names]),
    ]
    return [], stmts


def _reserved_suffix(ctx, sg):
    """`int` and `int_` side by side; a method `new` beside a method `new_`."""
    kw = ctx.rng.choice([n for n in N.CPP_KEYWORDS if n not in ("main",)])
    if not (ctx.names.claim(kw) and ctx.names.claim(kw + "_")):
        return [], []
    ctx.count(NAME)
    stmts = [S.Let(kw, sg.ex.gen(T.I64, 1)), S.Let(kw + "_", sg.ex.gen(T.I64, 1)),
             S.Print("println", [S.Name(kw), S.Name(kw + "_")])]
    decls = []
    if ctx.chance(0.5):
        tname = ctx.type_name("Pt")
        f = ctx.names.fresh("x")
        new = S.FunDecl("new", [S.Param(f, "i64")], tname, S.Block([], S.StructLit(tname, [(f, S.Name(f))])))
        new_ = S.FunDecl("new_", [], "i64", S.Block([], S.Binary("+", S.Field(S.Name("self"), f), _i(1), ints.I64)),
                         self_kind="&self")
        decls = [S.StructDecl(tname, [(f, "i64")]), S.ImplDecl(tname, [new, new_])]
        v = ctx.names.fresh("p")
        stmts += [S.Let(v, S.Path(tname + "::new", [sg.ex.gen(T.I64, 0)])),
                  S.Print("println", [S.Name(v), S.Method(S.Name(v), "new_")])]
    return decls, stmts


def _module_path(ctx, sg):
    """`mod m { pub fun f }` called as `m::f` beside a top-level `m__f`."""
    m = ctx.global_name("util")
    f = ctx.rng.choice(["f", "get", "calc"])
    flat = "%s__%s" % (m, f)
    if not ctx.names.claim(flat):
        return [], []
    ctx.top_names.add(flat)
    ctx.count(NAME)
    x = ctx.names.fresh("x")
    inner = S.FunDecl(f, [S.Param(x, "i64")], "i64", S.Block([], S.Binary("+", S.Name(x), _i(1), ints.I64)))
    flat_decl = S.FunDecl(flat, [S.Param(x, "i64")], "i64", S.Block([], S.Binary("*", S.Name(x), _i(10), ints.I64)))
    mod = S.ModDecl(m, [inner])
    arg = sg.ex.gen(T.I64, 0)
    return [mod, flat_decl], [S.Print("println", [S.Call(S.Name("%s::%s" % (m, f)), [arg]), S.Call(S.Name(flat), [arg])])]


def _enum_members(ctx, sg):
    """`enum E { A { b_c: i64 }, A_b { c: i64 } }`: both flatten to `A_b_c` under a naive scheme."""
    ename = ctx.type_name("Ev")
    a, b, c = ctx.rng.choice(["A", "Big", "Q"]), ctx.rng.choice(["b", "x"]), ctx.rng.choice(["c", "y"])
    v1, f1 = a, "%s_%s" % (b, c)
    v2, f2 = "%s_%s" % (a, b), c
    ctx.count(NAME)
    variants = [(v1, [(f1, "i64")]), (v2, [(f2, "i64")])]
    if ctx.chance(0.5):
        variants.append(("%s_%s_%s" % (a, b, c), ["i64"]))  # a tuple variant whose payload is `<V>_0`
    decl = S.EnumDecl(ename, variants)
    for vname, _ in variants:
        ctx.top_names.add(vname)
    stmts = []
    results = []
    for vname, payload in variants:
        val = ctx.names.fresh("e")
        if isinstance(payload[0], tuple):
            fld = payload[0][0]
            stmts.append(S.Let(val, S.StructLit("%s::%s" % (ename, vname), [(fld, sg.ex.gen(T.I64, 0))])))
        else:
            stmts.append(S.Let(val, S.Path("%s::%s" % (ename, vname), [sg.ex.gen(T.I64, 0)])))
        results.append(val)
    arms = []
    for vname, payload in variants:
        z = ctx.names.fresh("z")
        if isinstance(payload[0], tuple):
            pat = S.PStruct("%s::%s" % (ename, vname), [(payload[0][0], S.PBind(z))], enum=ename, variant=vname)
        else:
            pat = S.PCtor("%s::%s" % (ename, vname), [S.PBind(z)], ename, vname)
        arms.append(S.MatchArm(pat, S.Binary("+", S.Name(z), _i(len(arms) * 1000), ints.I64)))
    for r in results:
        stmts.append(S.Print("println", [S.Match(S.Name(r), arms)]))
    return [decl], stmts


def _field_method(ctx, sg):
    """A field and a method of the same name (`p.size` and `p.size()`)."""
    tname = ctx.type_name("Bag")
    f = ctx.rng.choice(["size", "len", "count", "value", "total", "data"])
    ctx.count(NAME)
    m = S.FunDecl(f, [], "i64", S.Block([], S.Binary("*", S.Field(S.Name("self"), f), _i(2), ints.I64)), self_kind="&self")
    decl = S.StructDecl(tname, [(f, "i64")], [m])
    v = ctx.names.fresh("b")
    return [decl], [S.Let(v, S.StructLit(tname, [(f, sg.ex.gen(T.I64, 1))])),
                    S.Print("println", [S.Field(S.Name(v), f), S.Method(S.Name(v), f)])]


def _main_underscore(ctx, sg):
    """A user `main_` (what the program's `main` becomes in C++)."""
    if not ctx.names.claim("main_"):
        return [], []
    ctx.top_names.add("main_")
    ctx.count(NAME)
    with ctx.function_scope():
        decl = S.FunDecl("main_", [], "i64", S.Block([], sg.ex.gen(T.I64, 1)))
    return [decl], [S.Print("println", [S.Call(S.Name("main_"), [])])]


def _shared_variants(ctx, sg):
    """Two enums with a variant of the same name (each used qualified): one enum's member, tag
    or constructor must not capture the other's."""
    v = ctx.rng.choice(["Red", "Ok2", "Empty", "Value"]) + ctx.tag
    e1, e2 = ctx.type_name("Ea"), ctx.type_name("Eb")
    ctx.count(NAME)
    d1 = S.EnumDecl(e1, [(v, ["i64"]), ("Other" + ctx.tag + "a", None)])
    d2 = S.EnumDecl(e2, [("Other" + ctx.tag + "b", None), (v, ["String"])])
    for name in (v, "Other" + ctx.tag + "a", "Other" + ctx.tag + "b"):
        ctx.top_names.add(name)
    a, b = ctx.names.fresh("a"), ctx.names.fresh("b")
    x, y = ctx.names.fresh("x"), ctx.names.fresh("y")
    m1 = S.Match(S.Name(a), [S.MatchArm(S.PCtor("%s::%s" % (e1, v), [S.PBind(x)], e1, v), S.Method(S.Name(x), "to_string")),
                             S.MatchArm(S.PWild(), L.str_lit("other"))])
    m2 = S.Match(S.Name(b), [S.MatchArm(S.PCtor("%s::%s" % (e2, v), [S.PBind(y)], e2, v), S.Name(y)),
                             S.MatchArm(S.PWild(), L.str_lit("other"))])
    return [d1, d2], [S.Let(a, S.Path("%s::%s" % (e1, v), [sg.ex.gen(T.I64, 0)])),
                      S.Let(b, S.Path("%s::%s" % (e2, v), [L.str_lit(ctx.rng.choice(["s", "t"]))])),
                      S.Print("println", [S.Name(a), S.Name(b), m1, m2])]


PATTERNS = [_shadow_suffix, _shadow_suffix, _hide_function, _temps, _temps, _reserved_suffix, _module_path,
            _enum_members, _field_method, _main_underscore, _shared_variants]


def generate(ctx, sg):
    decls, stmts = [], []
    for pattern in ctx.rng.sample(PATTERNS, ctx.rng.randint(1, 3)):
        d, s = pattern(ctx, sg)
        decls += d
        stmts += s
    if not stmts:
        d, s = _shadow_suffix(ctx, sg)
        decls += d
        stmts += s
    return decls, stmts
