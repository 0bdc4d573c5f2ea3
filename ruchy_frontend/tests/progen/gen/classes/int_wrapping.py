"""int_wrapping: integer arithmetic at every width (i8 ... u64, isize, usize) at and across the
extremes: `+ - *` wrap, `/` and `%` truncate (MIN / -1 wraps, MIN % -1 is 0), shifts take their
count modulo the width, `~` and unary minus wrap, `as` truncates or sign-extends, float-to-int
casts saturate, u64 values above i64::MAX print and compare unsigned.

LANGUAGE.md: "Integer overflow is defined (wraps) or reported; never undefined behaviour"; the
code must also compile without warnings (clang's -Winteger-overflow fires on constant-folded
overflow even under -fwrapv). Operands come both as literals (constant-folded by clang) and
through variables (computed at run time).
"""

from ruchy_frontend.tests.progen.core import ints
from ruchy_frontend.tests.progen.core import syntax as S
from ruchy_frontend.tests.progen.gen import literals as L
from ruchy_frontend.tests.progen.gen import types as T

NAME = "int_wrapping"
ISSUE = "integer arithmetic wraps at every width (LANGUAGE.md; issue 11's generator list)"

OPS = ["+", "-", "*", "/", "%", "&", "|", "^", "<<", ">>"]


def _edge(ctx, ity):
    return ctx.rng.choice([ity.max, ity.min, ity.max - 1, ity.min + 1 if ity.signed else 1, 0, 1,
                           -1 if ity.signed else 2, ity.max // 2 + 1, ctx.rng.randint(ity.min, ity.max)])


def _lit(ctx, v, ity):
    return L.int_lit(v, ity, suffix=True)


def _binary(ctx, sg, ity):
    a_val, b_val = _edge(ctx, ity), _edge(ctx, ity)
    op = ctx.rng.choice(OPS)
    if op in ("<<", ">>"):
        b_val = ctx.rng.choice([0, 1, ity.bits - 1, ity.bits, ity.bits + 3, 2 * ity.bits - 1])
    if op in ("/", "%") and b_val == 0:
        b_val = -1 if ity.signed else 3
    through_vars = ctx.chance(0.6)
    stmts = []
    if through_vars:
        a, b = ctx.local_name("a"), ctx.local_name("b")
        stmts += [S.Let(a, L.int_lit(a_val, ity), ty=ity.name), S.Let(b, _lit(ctx, b_val, ity))]
        left, right = S.Name(a), S.Name(b)
    else:
        left, right = _lit(ctx, a_val, ity), _lit(ctx, b_val, ity)
    e = S.Binary(op, left, right, ity)
    if ctx.chance(0.3):
        e = S.Binary(ctx.rng.choice(["+", "*", "-"]), e, _lit(ctx, _edge(ctx, ity), ity), ity)
    ctx.count(NAME)
    return stmts + [S.Print("println", [e])]


def _compound(ctx, sg, ity):
    """`x op= y` on a typed variable, several times (the assignment form must wrap too)."""
    x = ctx.local_name("x")
    stmts = [S.Let(x, L.int_lit(_edge(ctx, ity), ity), mut=True, ty=ity.name)]
    for _ in range(ctx.rng.randint(1, 3)):
        op = ctx.rng.choice(["+", "-", "*"])
        stmts.append(S.Assign(S.Name(x), _lit(ctx, _edge(ctx, ity), ity), op=op, ity=ity))
        stmts.append(S.Print("println", [S.Name(x)]))
    ctx.count(NAME)
    return stmts


def _unary(ctx, sg, ity):
    x = ctx.local_name("x")
    op = ctx.rng.choice(["-", "~"]) if ity.signed else "~"
    ctx.count(NAME)
    return [S.Let(x, L.int_lit(_edge(ctx, ity), ity), ty=ity.name), S.Print("println", [S.Unary(op, S.Name(x), ity)]),
            S.Print("println", [S.Unary(op, _lit(ctx, _edge(ctx, ity), ity), ity)])]


def _casts(ctx, sg, ity):
    src = ctx.rng.choice(ints.ALL)
    x = ctx.local_name("x")
    v = _edge(ctx, src)
    stmts = [S.Let(x, L.int_lit(v, src), ty=src.name), S.Print("println", [S.Cast(S.Name(x), ity)])]
    if ctx.chance(0.5):
        f = ctx.rng.choice([1e20, -1e20, 3.99, -3.99, 255.5, 256.0, -0.5, 4294967296.0, 9.3e18, -9.3e18])
        stmts.append(S.Print("println", [S.Cast(L.float_lit(f), ity)]))
    if ctx.chance(0.3):
        stmts.append(S.Print("println", [S.Cast(S.Cast(S.Name(x), ity), "f64")]))
    ctx.count(NAME)
    return stmts


def _compare(ctx, sg, ity):
    a, b = ctx.local_name("a"), ctx.local_name("b")
    ctx.count(NAME)
    return [S.Let(a, L.int_lit(_edge(ctx, ity), ity), ty=ity.name), S.Let(b, _lit(ctx, _edge(ctx, ity), ity)),
            S.Print("println", [S.Binary(ctx.rng.choice(["<", ">", "<=", ">=", "==", "!="]), S.Name(a), S.Name(b), ity),
                                S.Name(a), S.Name(b)])]


def _edge_literals(ctx, sg, ity):
    """Extreme literals written directly: `-128i8`, `255u8`, `0xFFu8`, `18446744073709551615u64`."""
    forms = []
    if ity.signed:
        forms.append(S.Lit(ity.min, "-%d%s" % (-ity.min, ity.name)))
    forms.append(S.Lit(ity.max, "%d%s" % (ity.max, ity.name)))
    if not ity.signed:
        forms.append(S.Lit(ity.max, "0x%X%s" % (ity.max, ity.name)))
    e = ctx.rng.choice(forms)
    x = ctx.local_name("x")
    ctx.count(NAME)
    return [S.Let(x, e), S.Print("println", [S.Name(x)])]


SHAPES = [_binary, _binary, _binary, _compound, _unary, _casts, _compare, _edge_literals]


def generate(ctx, sg):
    stmts = []
    for _ in range(ctx.rng.randint(1, 4)):
        ity = ctx.rng.choice(ints.ALL)
        stmts += ctx.rng.choice(SHAPES)(ctx, sg, ity)
    if ctx.chance(0.3):
        ty = ctx.rng.choice(T.INT_TYPES)
        x = ctx.local_name("mix")
        stmts += [S.Let(x, sg.ex.gen(ty, 2), ty=ty.text()), S.Print("println", [S.Name(x)])]
    return [], stmts
