"""recursive_boxed: structs that hold themselves through `Option<Box<..>>` (docs/language.md,
"Types that hold themselves"): a chain built from literals, walked by a recursive function over a
match on the boxed link, and printed (a Box prints as what it holds).
"""

from ruchy_frontend.tests.progen.gen.classes import self_ref_structs

NAME = "recursive_boxed"
ISSUE = "issue 15, recursive types through Box (docs/language.md, Types that hold themselves)"


def generate(ctx, sg):
    ctx.placement = "fun"
    return self_ref_structs._chain(ctx, sg, links=self_ref_structs.LINKS_BOXED, name=NAME)
