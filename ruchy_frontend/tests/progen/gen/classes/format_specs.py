"""format_specs: `{:.2}`, `{:x}`, `{:>5}`, `{:08.3}`, `{:*^9}`, `{:+}`, `{:e}` ... in every place a
template is read: `format!`, `println!`, `format(...)`, `println("...", ...)` and f-strings.

Issue 11, "format!/println! format specs are dropped; f-strings honour them. Honour them
everywhere." Semantics are Rust's std::fmt (core/rustfmt.py): width counts characters (so UTF-8
text pads by characters), numbers align right and text left, `0` pads after the sign.
"""

from ruchy_frontend.tests.progen.core import ints
from ruchy_frontend.tests.progen.core import rustfmt
from ruchy_frontend.tests.progen.core import syntax as S
from ruchy_frontend.tests.progen.gen import literals as L
from ruchy_frontend.tests.progen.gen import types as T

NAME = "format_specs"
ISSUE = "issue 11, format!/println! format specs honoured everywhere ({:.2} {:x} {:>5} {:08.3})"

# Fill characters: ASCII only (a non-ASCII fill is refused with a diagnostic today, which issue 11
# allows for what is unsupported; see the report).
FILLS = ["*", "-", "0", "#", "_", ".", "="]


def _spec(ctx, kind):
    """A random spec for a value of kind "int", "uint", "float", "str", "char" or "bool"."""
    rng = ctx.rng
    s = rustfmt.Spec()
    if rng.random() < 0.6:
        s.width = rng.randint(1, 12)
        if rng.random() < 0.6:
            s.align = rng.choice("<^>")
            if rng.random() < 0.5:
                s.fill = rng.choice(FILLS)
    numeric = kind in ("int", "uint", "float")
    if numeric and rng.random() < 0.25:
        s.plus = True
    if numeric and s.width and not s.align and rng.random() < 0.5:
        s.zero = True
    if kind == "float":
        r = rng.random()
        if r < 0.6:
            s.precision = rng.randint(0, 6)
        elif r < 0.8:
            s.kind = "e"  # `E` is not in docs/language.md's spec grammar (rejecting it is allowed)
            if rng.random() < 0.5:
                s.precision = rng.randint(0, 4)
    elif kind == "uint" and rng.random() < 0.5:
        s.kind = rng.choice(["x", "X", "b", "o"])
    elif kind == "str" and rng.random() < 0.3:
        s.precision = rng.randint(0, 5)
    elif kind == "int" and rng.random() < 0.1:
        s.precision = rng.randint(0, 3)  # ignored by integers, as in Rust
    return s


def _value(ctx, sg):
    """A value expression and its spec kind."""
    rng = ctx.rng
    r = rng.random()
    if r < 0.3:
        v = rng.choice([0, 1, 7, 42, 255, 1000, 65535, 123456, rng.randint(0, 10 ** 6)])
        neg = rng.random() < 0.3
        return (L.int_lit(-v if neg else v, ints.I64), "int" if neg else "uint")
    if r < 0.55:
        f = rng.choice([3.14159, 2.5, 0.1, 1234.5678, 0.000123, 99.99, 1.005, 2.675, 7.0, 100.0, 0.5, 6.02e-3])
        if rng.random() < 0.3:
            f = -f
        return L.float_lit(f), "float"
    if r < 0.8:
        return L.str_lit(rng.choice(L.ASCII_WORDS[:12] + L.UTF8_WORDS)), "str"
    if r < 0.9:
        return L.char_lit(rng.choice(L.ASCII_CHARS + L.UNICODE_CHARS)), "char"
    return L.bool_lit(rng.random() < 0.5), "bool"


def _field_text(spec):
    t = spec.text()
    return "{:" + t + "}" if t else "{}"


def _template(ctx, sg, n):
    """Segments: literal text (str, braces unescaped) and fields (expression, spec)."""
    segs = []
    for k in range(n):
        e, kind = _value(ctx, sg)
        for _ in range(10):
            spec = _spec(ctx, kind)
            if kind in ("char", "bool"):
                spec.plus = spec.zero = False
                spec.precision = None
                spec.kind = ""
            try:
                rustfmt.format_value(e.value, spec)  # settled by the oracle? (ties, `{}` of 7.0 ...)
                break
            except Exception:
                continue
        else:
            spec = rustfmt.Spec(precision=2) if kind == "float" else rustfmt.Spec()
        segs.append(ctx.rng.choice(["", "[", " ", "x=", "|", "{", "}"]))
        segs.append((e, spec))
    segs.append(ctx.rng.choice(["", "]", " end", "|", "}"]))
    ctx.count(NAME, n)
    return segs


def _template_text(segs):
    return "".join(s.replace("{", "{{").replace("}", "}}") if isinstance(s, str) else _field_text(s[1]) for s in segs)


def _bind(ctx, args):
    """Some arguments go through variables first (a spec on a name, not only on a literal)."""
    stmts, out = [], []
    for a in args:
        if ctx.chance(0.4):
            v = ctx.local_name("v")
            stmts.append(S.Let(v, a))
            out.append(S.Name(v))
        else:
            out.append(a)
    return stmts, out


def generate(ctx, sg):
    stmts = []
    for _ in range(ctx.rng.randint(1, 4)):
        segs = _template(ctx, sg, ctx.rng.randint(1, 3))
        pre, args = _bind(ctx, [s[0] for s in segs if isinstance(s, tuple)])
        it = iter(args)
        segs = [s if isinstance(s, str) else (next(it), s[1]) for s in segs]
        stmts += pre
        form = ctx.rng.choice(["println!", "println", "format!", "format", "fstring", "fstring"])
        tmpl = _template_text(segs)
        args = [s[0] for s in segs if isinstance(s, tuple)]
        if form in ("println!", "println"):
            stmts.append(S.Print(form, args, template=tmpl))
        elif form in ("format!", "format"):
            v = ctx.local_name("line")
            stmts.append(S.Let(v, S.Format(form, tmpl, args)))
            stmts.append(S.Print("println", [S.Name(v)]))
        else:
            parts = [s if isinstance(s, str) else (s[0], s[1].text() or None) for s in segs]
            stmts.append(S.Print("println", [S.FString([p for p in parts if p != ""])]))
    return [], stmts
