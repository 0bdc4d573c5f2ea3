"""general: expressions, statements and control flow nobody listed (arithmetic, comparisons,
conditionals, loops with counters, `loop`/`break value`, nested blocks, matches with `_`, helper
functions with early returns, structs as values), every variable printed at the end."""

from ruchy_frontend.tests.progen.core import syntax as S
from ruchy_frontend.tests.progen.gen import types as T

NAME = "general"
ISSUE = "issue 11: the generator's general part (what nobody listed)"


def struct_decl(ctx):
    """A plain struct with scalar fields, usable as a value type by the rest of the test."""
    name = ctx.type_name("Rec")
    nfields = ctx.rng.randint(1, 3)
    fields = {}
    for _ in range(nfields):
        fields[ctx.names.fresh(ctx.rng.choice(["a", "b", "n", "s", "flag"]))] = ctx.rng.choice([T.I64, T.STR, T.BOOL])
    ty = T.NamedT(name, "struct", fields)
    ty.decl = S.StructDecl(name, [(f, t.text()) for f, t in fields.items()])
    ctx.structs.append(ty)
    return ty.decl


def generate(ctx, sg):
    ctx.count(NAME)
    decls = []
    if ctx.chance(0.3):
        decls.append(struct_decl(ctx))
    for _ in range(ctx.rng.randint(0, 2)):
        decls.append(sg.helper_function())
    stmts = sg.stmts(ctx.rng.randint(2, 7), 2)
    stmts += sg.print_all()
    return decls, stmts


def filler(ctx, sg, n):
    """A few general statements to put a targeted construct in context (only while `general`
    itself is enabled, so an opted-out general bug cannot leak into other classes)."""
    if not ctx.on(NAME) or n <= 0:
        return []
    ctx.count(NAME)
    return sg.stmts(n, 1)
