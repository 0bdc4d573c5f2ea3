"""match_nomatch: matches on integers and strings without `_`.

Issue 11, "match": on integers and strings without `_`, an unmatched value is the runtime error
Ruchy.NoMatch (with the Ruchy file:line). Each test matches a few values, some covered and one
not; the test function ends at the uncovered one (its caller catches the error, which the
expected output records).
"""

from ruchy_frontend.tests.progen.core import ints
from ruchy_frontend.tests.progen.core import syntax as S
from ruchy_frontend.tests.progen.gen import literals as L

NAME = "match_nomatch"
ISSUE = "issue 11, match: integer/string matches without `_` raise Ruchy.NoMatch at run time"


def _int_match(ctx, scrut):
    covered = ctx.rng.sample(range(-3, 10), ctx.rng.randint(1, 4))
    arms = [S.MatchArm(S.PLit(v, str(v) if v >= 0 else "-%d" % -v), L.str_lit("v%d" % v)) for v in covered]
    if ctx.chance(0.3):
        arms.append(S.MatchArm(S.PRange(L.int_lit(20, ints.I64), L.int_lit(29, ints.I64)), L.str_lit("twenties")))
    return arms


def _str_match(ctx):
    covered = ctx.rng.sample(["en", "fr", "de", "é", "日本", ""], ctx.rng.randint(1, 3))
    return [S.MatchArm(S.PLit(w, L.str_lit(w).text), L.str_lit("lang " + w)) for w in covered]


def generate(ctx, sg):
    ctx.placement = "fun"  # the error ends the test function; main's catch reports it
    stmts = []
    strings = ctx.chance(0.4)
    arms = _str_match(ctx) if strings else _int_match(ctx, None)
    values = []
    for _ in range(ctx.rng.randint(1, 4)):
        if strings:
            values.append(L.str_lit(ctx.rng.choice(["en", "fr", "de", "é", "日本", "", "xx"])))
        else:
            values.append(L.int_lit(ctx.rng.randint(-4, 30), ints.I64))
    f = ctx.local_name("describe")
    p = ctx.names.fresh("x")
    stmts.append(S.Let(f, S.Lambda([(p, "String" if strings else "i64")], S.Match(S.Name(p), arms))))
    for v in values:
        stmts.append(S.Print("println", [S.Call(S.Name(f), [v])]))
    # One value no arm covers, last: the run-time error.
    stmts.append(S.Print("println", [S.Call(S.Name(f), [L.str_lit("unlisted") if strings else L.int_lit(1000, ints.I64)])]))
    stmts.append(S.Print("println", [L.str_lit("not reached")]))
    ctx.count(NAME)
    return [], stmts
