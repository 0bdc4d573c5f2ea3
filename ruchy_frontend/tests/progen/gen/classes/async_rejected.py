"""async_rejected: `async fun` and `await` must be rejected with a diagnostic until async lands.

Issue 11: "`async` is silently synchronous: `async fun g() -> i64 { 1 }; println(g())` prints 1
though docs/language.md says async is rejected." Such a program runs alone through `ruchy check`,
which must exit 1 with a diagnostic."""

from ruchy_frontend.tests.progen.core import syntax as S
from ruchy_frontend.tests.progen.gen import types as T

NAME = "async_rejected"
ISSUE = "issue 11, async/await rejected with a diagnostic until async lands"
EXPECT = "reject"


def generate(ctx, sg):
    ctx.placement = "fun"
    ctx.count(NAME)
    name = ctx.global_name("fetch")
    body = S.Block([], sg.ex.gen(T.I64, 1))
    decl = S.FunDecl(name, [], "i64", body)
    decl.static = False
    decl.kw = "async fun"
    use = S.Call(S.Name(name), [])
    if ctx.chance(0.5):
        use = S.Await(use)
    return [decl], [S.Print("println", [use])]
