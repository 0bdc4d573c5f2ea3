"""strings_utf8: UTF-8 text under byte offsets and character counts.

Issue 11, "Strings": `find` returned a byte offset while slicing counted characters (on
"héllo wörld", `s[0..i]` gave "héllo "). The rule (LANGUAGE.md): `len`, `find`, indices and
slices are UTF-8 byte offsets, slicing off a character boundary is the runtime error
Ruchy.StringIndex; `chars()`, `substring` and `char_at` count characters. Text mixes 1-, 2-, 3-
and 4-byte characters; offsets come from `find` and `len`, and sometimes land inside a character
on purpose (the test then expects the run-time error).
"""

from ruchy_frontend.tests.progen.core import ints
from ruchy_frontend.tests.progen.core import strs
from ruchy_frontend.tests.progen.core import syntax as S
from ruchy_frontend.tests.progen.gen import literals as L
from ruchy_frontend.tests.progen.gen import types as T

NAME = "strings_utf8"
ISSUE = "issue 11, Strings: len/find/slices count UTF-8 bytes, chars/substring/char_at count characters"


def _i(v):
    return L.int_lit(v, ints.I64)


def _text(ctx):
    words = L.UTF8_WORDS + L.ASCII_WORDS[:6]
    return " ".join(ctx.rng.choice(words) for _ in range(ctx.rng.randint(1, 3)))


def _needle(ctx, text):
    """A substring of text (so `find` succeeds) or, sometimes, one that is not there."""
    if ctx.chance(0.2) or not text:
        return ctx.rng.choice(["zz", "é", "🦀", "q"])
    chars = list(text)
    a = ctx.rng.randrange(len(chars))
    b = min(len(chars), a + ctx.rng.randint(1, 3))
    return "".join(chars[a:b])


def _find_slice(ctx, sg):
    s = ctx.local_name("s")
    i = ctx.local_name("i")
    text = _text(ctx)
    needle = _needle(ctx, text)
    style = ctx.rng.choice(["..", ":"])
    stmts = [S.Let(s, L.str_lit(text)),
             S.Print("println", [S.Method(S.Name(s), "len"), S.Method(S.Name(s), "find", [L.str_lit(needle)])])]
    if needle in text:
        stmts += [S.Let(i, S.Method(S.Method(S.Name(s), "find", [L.str_lit(needle)]), "unwrap")),
                  S.Print("println", [S.Slice(S.Name(s), _i(0), S.Name(i), style)]),
                  S.Print("println", [S.Slice(S.Name(s), S.Name(i), S.Method(S.Name(s), "len"), style)])]
        if ctx.chance(0.5):
            end = S.Binary("+", S.Name(i), S.Method(L.str_lit(needle), "len"), ints.I64)
            stmts.append(S.Print("println", [S.Slice(S.Name(s), S.Name(i), end, style)]))
    ctx.count(NAME, 2)
    return stmts


def _counts(ctx, sg):
    s = ctx.local_name("t")
    text = _text(ctx)
    n = ctx.names.fresh("n")
    c = ctx.names.fresh("c")
    # Characters counted one by one (`.chars().count()` belongs to iter_chains, so that class's
    # bug cannot make this one fail).
    stmts = [S.Let(s, L.str_lit(text)),
             S.Let(n, _i(0), mut=True),
             S.For(c, S.Method(S.Name(s), "chars") if ctx.chance(0.7) else S.Name(s),
                   S.Block([S.Assign(S.Name(n), _i(1), op="+", ity=ints.I64)])),
             S.Print("println", [S.Method(S.Name(s), "len"), S.Name(n)])]
    ctx.count(NAME)
    return stmts


def _char_ops(ctx, sg):
    s = ctx.local_name("w")
    text = _text(ctx)
    nchars = len(text)
    stmts = [S.Let(s, L.str_lit(text))]
    if nchars:
        a = ctx.rng.randrange(nchars)
        b = ctx.rng.randint(a, nchars)
        stmts.append(S.Print("println", [S.Method(S.Name(s), "substring", [_i(a), _i(b)])]))
        stmts.append(S.Print("println", [S.Method(S.Name(s), "char_at", [_i(ctx.rng.randrange(nchars))])]))
    if ctx.on("char_compare") and ctx.chance(0.5):
        ctx.count("char_compare")
        c = ctx.names.fresh("ch")
        k = ctx.names.fresh("k")
        target = ctx.rng.choice(list(text) or ["é"])
        stmts += [S.Let(k, _i(0), mut=True),
                  S.For(c, S.Method(S.Name(s), "chars"), S.Block([S.ExprStmt(S.If(
                      S.Binary("==", S.Name(c), L.char_lit(target)),
                      S.Block([S.Assign(S.Name(k), _i(1), op="+", ity=ints.I64)])))])),
                  S.Print("println", [S.Name(k)])]
    ctx.count(NAME)
    return stmts


def _off_boundary(ctx, sg):
    """A slice that ends inside a multi-byte character: Ruchy.StringIndex at run time."""
    text = ctx.rng.choice([w for w in L.UTF8_WORDS if any(ord(c) > 127 for c in w)])
    raw = strs.utf8(text)
    inside = [k for k in range(1, len(raw)) if not strs.is_boundary(raw, k)]
    s = ctx.local_name("u")
    cut = ctx.rng.choice(inside)
    stmts = [S.Let(s, L.str_lit(text)), S.Print("println", [L.str_lit("before")]),
             S.Print("println", [S.Slice(S.Name(s), _i(0), _i(cut), ctx.rng.choice(["..", ":"]))]),
             S.Print("println", [L.str_lit("not reached")])]
    ctx.count(NAME)
    ctx.placement = "fun"  # the error is caught per test function
    return stmts


def _build(ctx, sg):
    """A string grown with push_str and `+`, measured in bytes and characters as it grows."""
    s = ctx.local_name("acc")
    stmts = [S.Let(s, L.str_lit(""), mut=True)]
    for _ in range(ctx.rng.randint(1, 3)):
        piece = ctx.rng.choice(L.UTF8_WORDS)
        if ctx.chance(0.5):
            stmts.append(S.ExprStmt(S.Method(S.Name(s), "push_str", [L.str_lit(piece)])))
        else:
            stmts.append(S.Assign(S.Name(s), S.Binary("+", S.Name(s), L.str_lit(piece))))
        stmts.append(S.Print("println", [S.Name(s), S.Method(S.Name(s), "len")]))
    ctx.count(NAME)
    return stmts


SHAPES = [_find_slice, _find_slice, _counts, _char_ops, _off_boundary, _build]


def generate(ctx, sg):
    stmts = []
    for shape in ctx.rng.sample(SHAPES, ctx.rng.randint(1, 3)):
        stmts += shape(ctx, sg)
    return [], stmts
