"""extern_c: C library functions (strlen, abs, labs) declared in `extern "C"` blocks under
generated Ruchy names (`#[link_name]`; hostile ones such as `printf` when names_cpp is on) and
called in `unsafe` blocks, with arguments of every shape: string literals (UTF-8, a NUL inside,
which is Ruchy.InvalidArgument), variables, expressions; functions carrying `#[inline]`,
`#[inline(never)]` or `#[test]` attributes around them.

Issue 15: "C interop: type-checked at the boundary; byte buffers and string views cross without
copies"; "Attributes: parsed onto declarations and visible to the checker".
"""

from ruchy_frontend.tests.progen.core import ints
from ruchy_frontend.tests.progen.core import syntax as S
from ruchy_frontend.tests.progen.gen import literals as L

NAME = "extern_c"
ISSUE = "issue 15, C interop (extern \"C\", unsafe, &str views) and attributes on declarations"

_INT_LIMIT = 1 << 40  # well inside i32/i64 for abs/labs after the narrowing below
_ATTRIBUTES = ("#[inline]", "#[inline(always)]", "#[inline(never)]", "#[test]")


def _i(v, ity=ints.I64):
    return L.int_lit(v, ity)


def _text(ctx):
    r = ctx.rng.random()
    if r < 0.15:
        a, b = ctx.rng.choice(L.ASCII_WORDS), ctx.rng.choice(L.UTF8_WORDS)
        return a + "\0" + b  # cannot cross as `&str`
    return ctx.rng.choice(L.ASCII_WORDS + L.UTF8_WORDS + [""])


def generate(ctx, sg):
    strlen = ctx.global_name("c_len")
    labs = ctx.global_name("c_labs")
    cabs = ctx.global_name("c_abs")
    decls = [S.ExternBlock([
        (strlen, "strlen", (("text", "&str"),), "u64"),
        (labs, "labs", (("x", "i64"),), "i64"),
        (cabs, "abs", (("x", "i32"),), "i32"),
    ])]
    stmts = []
    # A Ruchy wrapper with an attribute: the view is of its parameter.
    wrapper = ctx.global_name("length_of")
    body = S.Block([], S.Unsafe(S.Block([], S.Call(S.Name(strlen), [S.Name("s")]))))
    fun = S.FunDecl(wrapper, [S.Param("s", "String")], "u64", body)
    attrs = ctx.rng.sample(_ATTRIBUTES[:3], 1) if ctx.chance(0.6) else []
    decls.append(S.Attributed(attrs, fun) if attrs else fun)
    if ctx.chance(0.4):
        test = ctx.global_name("checks")
        decls.append(S.Attributed(["#[test]"], S.FunDecl(test, [], None, S.Block([], None))))
    for _ in range(ctx.rng.randint(1, 4)):
        ctx.count(NAME)
        r = ctx.rng.random()
        if r < 0.4:
            text = _text(ctx)
            if ctx.chance(0.5):
                v = ctx.local_name("t")
                stmts.append(S.Let(v, L.str_lit(text)))
                arg = S.Name(v)
            else:
                arg = L.str_lit(text)
            call = S.Call(S.Name(wrapper), [arg]) if ctx.chance(0.5) else S.Unsafe(S.Block([], S.Call(S.Name(strlen), [arg])))
            stmts.append(S.Print("println", [call]))
        elif r < 0.7:
            n = ctx.rng.randint(-_INT_LIMIT, _INT_LIMIT)
            stmts.append(S.Print("println", [S.Unsafe(S.Block([], S.Call(S.Name(labs), [_i(n)])))]))
        else:
            n = ctx.rng.randint(-(1 << 30), 1 << 30)
            stmts.append(S.Print("println", [S.Unsafe(S.Block([], S.Call(S.Name(cabs), [_i(n, ints.I32)])))]))
    return decls, stmts
