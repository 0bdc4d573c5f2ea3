"""char_compare: comparisons of chars (`c == 'a'`, `c < 'm'`, ranges), in conditions, matches
and filters; chars taken from UTF-8 text and from literals.

Issue 11: "`if c == 'a'` emits `if ((c == U'a'))` (clang -Wparentheses-equality); docs promise
warning-free output." The generated code is compiled with -Wall -Wextra -Werror.
"""

from ruchy_frontend.tests.progen.core import ints
from ruchy_frontend.tests.progen.core import syntax as S
from ruchy_frontend.tests.progen.gen import literals as L

NAME = "char_compare"
ISSUE = "issue 11, char comparisons compile warning-free (if c == 'a' gave -Wparentheses-equality)"

CHARS = L.ASCII_CHARS + L.UNICODE_CHARS


def _i(v):
    return L.int_lit(v, ints.I64)


def _cond(ctx, c):
    r = ctx.rng.random()
    lit = L.char_lit(ctx.rng.choice(CHARS))
    if r < 0.5:
        return S.Binary(ctx.rng.choice(["==", "!=", "<", ">", "<=", ">="]), S.Name(c), lit)
    if r < 0.7:
        return S.Binary(ctx.rng.choice(["==", "<"]), lit, S.Name(c))
    lo, hi = sorted(ctx.rng.sample(CHARS, 2))
    return S.Binary("&&", S.Binary(">=", S.Name(c), L.char_lit(lo)), S.Binary("<=", S.Name(c), L.char_lit(hi)))


def _char_pat(ch):
    lit = L.char_lit(ch)
    return S.PLit(lit.value, lit.text)


def generate(ctx, sg):
    text = ctx.rng.choice(L.ASCII_WORDS + L.UTF8_WORDS)
    s = ctx.local_name("s")
    c = ctx.local_name("c")
    n = ctx.local_name("hits")
    stmts = [S.Let(s, L.str_lit(text)), S.Let(n, _i(0), mut=True)]
    body = []
    for _ in range(ctx.rng.randint(1, 3)):
        ctx.count(NAME)
        body.append(S.ExprStmt(S.If(_cond(ctx, c), S.Block([S.Assign(S.Name(n), _i(1), op="+", ity=ints.I64)]))))
    if ctx.chance(0.4):
        lo, hi = sorted(ctx.rng.sample(CHARS, 2))
        body.append(S.ExprStmt(S.Match(S.Name(c), [
            S.MatchArm(S.PRange(_char_pat(lo), _char_pat(hi)), S.Block([S.Assign(S.Name(n), _i(10), op="+", ity=ints.I64)])),
            S.MatchArm(_char_pat(ctx.rng.choice(CHARS)), S.Block([])),
            S.MatchArm(S.PWild(), S.Block([]))])))
        ctx.count(NAME)
    stmts.append(S.For(c, S.Method(S.Name(s), "chars"), S.Block(body)))
    stmts.append(S.Print("println", [S.Name(n)]))
    if ctx.chance(0.5):
        d = ctx.local_name("d")
        stmts += [S.Let(d, L.char_lit(ctx.rng.choice(CHARS))),
                  S.Print("println", [S.Binary("==", S.Name(d), L.char_lit(ctx.rng.choice(CHARS))),
                                      S.If(_cond(ctx, d), S.Block([], L.str_lit("in")), S.Block([], L.str_lit("out")))])]
        ctx.count(NAME)
    return [], stmts
