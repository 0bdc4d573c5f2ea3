"""match_nonexhaustive_rejected: a match on an enum, bool, Option or Result that misses a case
must be rejected by the checker (issue 11, "match": checked at compile time, missing cases
named). Such a program runs alone through `ruchy check`, which must exit 1 with a diagnostic."""

from ruchy_frontend.tests.progen.core import ints
from ruchy_frontend.tests.progen.core import syntax as S
from ruchy_frontend.tests.progen.gen import literals as L
from ruchy_frontend.tests.progen.gen.classes import match_exhaustive

NAME = "match_nonexhaustive_rejected"
ISSUE = "issue 11, match: a non-exhaustive match on enum/bool/Option/Result is a compile error"
EXPECT = "reject"


def generate(ctx, sg):
    ctx.placement = "fun"
    ctx.count(NAME)
    r = ctx.rng.random()
    if r < 0.5:
        decl, ename, variants = match_exhaustive.enum_decl(ctx)
        value = match_exhaustive.value_of(ctx, sg, ename, *variants[0])
        arms = match_exhaustive.arms_for_enum(ctx, ename, variants, lambda names: L.int_lit(1, ints.I64))
        # Drop every arm of one variant (never the last arm standing).
        victim = ctx.rng.choice([v for v, _ in variants])
        arms = [a for a in arms if getattr(a.pat, "variant", None) != victim]
        return [decl], [S.Print("println", [S.Match(value, arms)])]
    if r < 0.7:
        arm = ctx.rng.choice([True, False])
        return [], [S.Print("println", [S.Match(sg.ex.gen(match_exhaustive.T.BOOL, 1),
                                                [S.MatchArm(S.PLit(arm, "true" if arm else "false"), L.int_lit(1, ints.I64))])])]
    if r < 0.85:
        n = ctx.names.fresh("n")
        arms = [S.MatchArm(S.PCtor("Some", [S.PBind(n)], "Option", "Some"), S.Name(n))] if ctx.chance(0.5) else \
            [S.MatchArm(S.PCtor("None", None, "Option", "None"), L.int_lit(0, ints.I64))]
        return [], [S.Let("o", S.Call(S.Name("Some"), [L.int_lit(3, ints.I64)]), ty="Option<i64>"),
                    S.Print("println", [S.Match(S.Name("o"), arms)])]
    n = ctx.names.fresh("n")
    arms = [S.MatchArm(S.PCtor("Ok", [S.PBind(n)], "Result", "Ok"), S.Name(n))] if ctx.chance(0.5) else \
        [S.MatchArm(S.PCtor("Err", [S.PWild()], "Result", "Err"), L.int_lit(0, ints.I64))]
    return [], [S.Let("r", S.Call(S.Name("Ok"), [L.int_lit(3, ints.I64)]), ty="Result<i64, String>"),
                S.Print("println", [S.Match(S.Name("r"), arms)])]
