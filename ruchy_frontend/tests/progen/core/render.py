"""Writes a syntax tree (core/syntax.py) as Ruchy source.

Operator precedence follows the reference parser as LANGUAGE.md and ruchy_frontend/parse state
it, loosest first: `||` < `??` < `&&` < bitwise `| ^ &` and ranges < `== !=` < `< <= > >=` <
`<< >>` < `+ -` < `* / %` < `**` < `as`; unary operators bind tighter than any binary operator,
and postfix calls, indexing and `.` tighter still. Everything is left-associative. Parentheses
are written only where the tree needs them, plus where the generator put a Paren node on purpose
(so both the precedence table and redundant parentheses get exercised).

Expressions are written on one line (blocks inside expressions as `{ a; b; c }`), statements one
per line, so the newline rules of docs/language.md never change a generated program's meaning.
"""

from ruchy_frontend.tests.progen.core import syntax as S

PREC = {
    "||": 1, "??": 2, "&&": 3, "|>": 3, "|": 4, "^": 4, "&": 4, "..": 4, "..=": 4,
    "==": 5, "!=": 5, "<": 6, "<=": 6, ">": 6, ">=": 6, "<<": 7, ">>": 7,
    "+": 8, "-": 8, "*": 9, "/": 9, "%": 9, "**": 10,
}
_AS = 11
_UNARY = 12
_POSTFIX = 13
_ATOM = 14

INDENT = "    "


def string_literal(s):
    """A Ruchy string literal for s (escapes per LANGUAGE.md: \\n \\t \\r \\\\ \\" \\0 \\u{...})."""
    out = ['"']
    for c in s:
        if c == '"':
            out.append('\\"')
        elif c == "\\":
            out.append("\\\\")
        elif c == "\n":
            out.append("\\n")
        elif c == "\t":
            out.append("\\t")
        elif c == "\r":
            out.append("\\r")
        elif c == "\0":
            out.append("\\0")
        elif ord(c) < 0x20 or ord(c) == 0x7F:
            out.append("\\u{%x}" % ord(c))
        else:
            out.append(c)
    out.append('"')
    return "".join(out)


def char_literal(c):
    return {"'": "'\\''", "\\": "'\\\\'", "\n": "'\\n'", "\t": "'\\t'", "\r": "'\\r'", "\0": "'\\0'"}.get(c, "'" + c + "'")


def _fstring_text(s):
    """Literal text inside an f-string: braces doubled, other characters escaped as in strings."""
    return string_literal(s)[1:-1].replace("{", "{{").replace("}", "}}")


def _prec(e):
    if isinstance(e, S.Binary):
        return PREC[e.op]
    if isinstance(e, S.Cast):
        return _AS
    if isinstance(e, S.Unary):
        return _UNARY
    if isinstance(e, S.Deref):
        return _UNARY
    if isinstance(e, S.Lit):
        return _UNARY if e.text.startswith("-") else _ATOM
    if isinstance(e, (S.Lambda,)):
        return 0
    if isinstance(e, (S.If, S.IfLet, S.Match, S.Block, S.Loop)):
        return 0  # block-like: parenthesised wherever an operand is expected
    if isinstance(e, (S.Call, S.Method, S.Index, S.Slice, S.Field, S.TupleField, S.Question)):
        return _POSTFIX
    return _ATOM


def expr(e, min_prec=0):
    """One expression on one line, parenthesised when its precedence is below min_prec."""
    text = _expr(e)
    if _prec(e) < min_prec:
        return "(" + text + ")"
    return text


def _strip(e):
    while isinstance(e, S.Paren):
        e = e.e
    return e


def _args(args):
    return ", ".join(expr(a) for a in args)


def _expr(e):
    if isinstance(e, S.Lit):
        return e.text
    if isinstance(e, S.Name):
        return e.name
    if isinstance(e, S.Paren):
        return "(" + expr(e.e) + ")"
    if isinstance(e, S.Await):
        return "(await " + expr(e.e, _UNARY) + ")"
    if isinstance(e, S.Unary):
        inner = expr(e.e, _UNARY)
        if inner.startswith("-") or inner.startswith("!") or inner.startswith("~"):
            inner = "(" + inner + ")"
        return e.op + inner
    if isinstance(e, S.Deref):
        return "*" + expr(e.e, _UNARY)
    if isinstance(e, S.Binary):
        p = PREC[e.op]
        if e.op in ("..", "..="):
            return "%s%s%s" % (expr(e.a, p + 1), e.op, expr(e.b, p + 1))
        left = expr(e.a, p)
        if e.op.startswith("<") and isinstance(_strip(e.a), S.Cast) and not left.startswith("("):
            left = "(" + left + ")"  # `x as i64 < y` reads `i64<` as generic arguments (as in Rust)
        return "%s %s %s" % (left, e.op, expr(e.b, p + 1))
    if isinstance(e, S.Cast):
        target = e.target if isinstance(e.target, str) else e.target.name
        return "%s as %s" % (expr(e.e, _AS), target)
    if isinstance(e, S.Call):
        return "%s(%s)" % (expr(e.callee, _POSTFIX), _args(e.args))
    if isinstance(e, S.Lambda):
        params = ", ".join(n + (": " + t if t else "") for n, t in e.params)
        if e.ret:
            body = e.body if isinstance(e.body, S.Block) else S.Block([], e.body)
            return "|%s| -> %s %s" % (params, e.ret, block_inline(body))
        if isinstance(e.body, S.Block):
            return "|%s| %s" % (params, block_inline(e.body))
        return "|%s| %s" % (params, expr(e.body))
    if isinstance(e, S.Method):
        tf = "::<%s>" % e.turbofish if e.turbofish else ""
        return "%s.%s%s(%s)" % (expr(e.recv, _POSTFIX), e.name, tf, _args(e.args))
    if isinstance(e, S.Path):
        return e.path if e.args is None else "%s(%s)" % (e.path, _args(e.args))
    if isinstance(e, S.Index):
        return "%s[%s]" % (expr(e.e, _POSTFIX), expr(e.i))
    if isinstance(e, S.Slice):
        a = expr(e.a) if e.a is not None else ""
        b = expr(e.b) if e.b is not None else ""
        return "%s[%s%s%s]" % (expr(e.e, _POSTFIX), a, e.style, b)
    if isinstance(e, S.Field):
        return "%s.%s" % (expr(e.e, _POSTFIX), e.name)
    if isinstance(e, S.TupleField):
        inner = expr(e.e, _POSTFIX)
        if isinstance(e.e, S.TupleField):
            inner = "(" + inner + ")"  # `t.0.1` lexes `0.1` as a float (LANGUAGE.md)
        return "%s.%d" % (inner, e.i)
    if isinstance(e, S.StructLit):
        parts = []
        for f, v in e.fields:
            if e.shorthand and isinstance(v, S.Name) and v.name == f:
                parts.append(f)
            else:
                parts.append("%s: %s" % (f, expr(v)))
        return "%s { %s }" % (e.name, ", ".join(parts))
    if isinstance(e, S.VecLit):
        return "[" + _args(e.items) + "]"
    if isinstance(e, S.TupleLit):
        if len(e.items) == 1:
            return "(" + expr(e.items[0]) + ",)"
        return "(" + _args(e.items) + ")"
    if isinstance(e, S.MapLit):
        return "{" + ", ".join("%s: %s" % (expr(k), expr(v)) for k, v in e.pairs) + "}"
    if isinstance(e, S.If):
        return _if_inline(e)
    if isinstance(e, S.IfLet):
        out = "if let %s = %s %s" % (pattern(e.pat), expr(e.e, 1), block_inline(e.then))
        if e.other is not None:
            out += " else " + (expr(e.other) if isinstance(e.other, (S.If, S.IfLet)) else block_inline(e.other))
        return out
    if isinstance(e, S.Block):
        return block_inline(e)
    if isinstance(e, S.Unsafe):
        return "(unsafe " + block_inline(e.body) + ")"
    if isinstance(e, S.Match):
        arms = ", ".join(_arm(a) for a in e.arms)
        return "match %s { %s }" % (expr(e.e, 1), arms)
    if isinstance(e, S.FString):
        out = []
        for p in e.parts:
            if isinstance(p, str):
                out.append(_fstring_text(p))
            else:
                inner, spec = p
                text = expr(inner)
                if text.startswith("{") or text.endswith("}") or ":" in text:
                    text = "(" + text + ")"  # `{{` would read as an escaped brace; `:` starts a spec
                out.append("{" + text + (":" + spec if spec else "") + "}")
        return 'f"' + "".join(out) + '"'
    if isinstance(e, S.Format):
        args = [string_literal(e.template)] + [expr(a) for a in e.args]
        return "%s(%s)" % (e.macro, ", ".join(args))
    if isinstance(e, S.Loop):
        label = e.label + ": " if e.label else ""
        return label + "loop " + block_inline(e.body)
    if isinstance(e, S.Question):
        return expr(e.e, _POSTFIX) + "?"
    raise TypeError("cannot render %r" % (e,))


def _if_inline(e):
    out = "if %s %s" % (expr(e.cond, 1), block_inline(e.then))
    if e.other is not None:
        if isinstance(e.other, (S.If, S.IfLet)):
            out += " else " + expr(e.other)
        else:
            out += " else " + block_inline(e.other)
    return out


def _arm(a):
    guard = " if " + expr(a.guard) if a.guard is not None else ""
    if isinstance(a.body, S.Block) and not a.body.stmts and a.body.tail is None:
        body = "()"  # `{ }` in an arm reads as an empty map literal
    else:
        body = block_inline(a.body) if isinstance(a.body, S.Block) else expr(a.body)
    return "%s%s => %s" % (pattern(a.pat), guard, body)


def block_inline(b):
    parts = [stmt_inline(s) for s in b.stmts]
    if b.tail is not None:
        parts.append(expr(b.tail))
    if not parts:
        return "{ }"
    return "{ " + "; ".join(parts) + " }"


def pattern(p):
    if isinstance(p, S.PWild):
        return "_"
    if isinstance(p, S.PBind):
        return p.name
    if isinstance(p, S.PLit):
        return p.text
    if isinstance(p, S.PRange):
        return "%s%s%s" % (p.lo.text, "..=" if p.inclusive else "..", p.hi.text)
    if isinstance(p, S.POr):
        return " | ".join(pattern(a) for a in p.alts)
    if isinstance(p, S.TuplePat):
        return "(" + ", ".join(pattern(a) for a in p.items) + ")"
    if isinstance(p, S.PCtor):
        if p.args is None:
            return p.name
        return "%s(%s)" % (p.name, ", ".join(pattern(a) for a in p.args))
    if isinstance(p, S.PStruct):
        parts = [f if sub is None else "%s: %s" % (f, pattern(sub)) for f, sub in p.fields]
        if p.rest:
            parts.append("..")
        return "%s { %s }" % (p.name, ", ".join(parts))
    if isinstance(p, S.PAt):
        return "%s @ %s" % (p.name, pattern(p.pat))
    raise TypeError("cannot render pattern %r" % (p,))


def _target(t):
    return t if isinstance(t, str) else pattern(t)


def _lhs(e):
    return expr(e, _UNARY) if not isinstance(e, S.Deref) else "*" + expr(e.e, _UNARY)


def _print(s):
    if s.template is not None:
        args = [string_literal(s.template)] + [expr(a) for a in s.args]
    else:
        args = [expr(a) for a in s.args]
    return "%s(%s)" % (s.kind, ", ".join(args))


def stmt_inline(s):
    """A statement on one line (inside an inline block)."""
    return "\n".join(stmt(s, 0)).strip() if not _multiline(s) else _stmt_one_line(s)


def _multiline(s):
    return isinstance(s, (S.While, S.For, S.TryCatch)) or (
        isinstance(s, S.ExprStmt) and isinstance(s.e, (S.If, S.IfLet, S.Match, S.Loop, S.Block)))


def _stmt_one_line(s):
    if isinstance(s, S.While):
        label = s.label + ": " if s.label else ""
        return "%swhile %s %s" % (label, expr(s.cond, 1), block_inline(s.body))
    if isinstance(s, S.For):
        label = s.label + ": " if s.label else ""
        return "%sfor %s in %s %s" % (label, _target(s.target), expr(s.e, 1), block_inline(s.body))
    if isinstance(s, S.TryCatch):
        return "try %s catch %s %s" % (block_inline(s.body), s.var, block_inline(s.handler))
    return expr(s.e)


def block_lines(b, depth):
    """The statements of a block, one per line, indented to depth (the braces are the caller's)."""
    lines = []
    for s in b.stmts:
        lines.extend(stmt(s, depth))
    if b.tail is not None:
        lines.append(INDENT * depth + expr(b.tail))
    return lines


def _block_stmt(header, b, depth):
    pad = INDENT * depth
    return [pad + header + " {"] + block_lines(b, depth + 1) + [pad + "}"]


def stmt(s, depth):
    """A statement as lines at the given indentation depth."""
    pad = INDENT * depth
    if isinstance(s, S.Let):
        mut = "mut " if s.mut and s.kw == "let" else ""
        ty = ": " + s.ty if s.ty else ""
        return [pad + "%s %s%s%s = %s" % (s.kw, mut, _target(s.target), ty, expr(s.e))]
    if isinstance(s, S.Assign):
        op = (s.op or "") + "="
        return [pad + "%s %s %s" % (_lhs(s.lhs), op, expr(s.e))]
    if isinstance(s, S.Print):
        return [pad + _print(s)]
    if isinstance(s, S.Break):
        label = " " + s.label if s.label else ""
        value = " " + expr(s.value) if s.value is not None else ""
        return [pad + "break" + label + value]
    if isinstance(s, S.Continue):
        return [pad + "continue" + (" " + s.label if s.label else "")]
    if isinstance(s, S.Return):
        return [pad + "return" + (" " + expr(s.e) if s.e is not None else "")]
    if isinstance(s, S.Throw):
        return [pad + "throw " + expr(s.e)]
    if isinstance(s, S.While):
        label = s.label + ": " if s.label else ""
        return _block_stmt("%swhile %s" % (label, expr(s.cond, 1)), s.body, depth)
    if isinstance(s, S.For):
        label = s.label + ": " if s.label else ""
        return _block_stmt("%sfor %s in %s" % (label, _target(s.target), expr(s.e, 1)), s.body, depth)
    if isinstance(s, S.TryCatch):
        lines = _block_stmt("try", s.body, depth)
        lines[-1] += " catch %s {" % s.var
        return lines + block_lines(s.handler, depth + 1) + [pad + "}"]
    if isinstance(s, (S.FunDecl, S.StructDecl, S.EnumDecl, S.ImplDecl, S.ClassDecl, S.ModDecl)):
        return decl(s, depth)
    if isinstance(s, S.ExprStmt):
        e = s.e
        if isinstance(e, S.If):
            return _if_lines(e, depth)
        if isinstance(e, S.Loop):
            label = e.label + ": " if e.label else ""
            return _block_stmt(label + "loop", e.body, depth)
        if isinstance(e, S.Block):
            return [pad + "{"] + block_lines(e, depth + 1) + [pad + "}"]
        if isinstance(e, S.Match):
            lines = [pad + "match %s {" % expr(e.e, 1)]
            for a in e.arms:
                lines.append(pad + INDENT + _arm(a) + ",")
            return lines + [pad + "}"]
        return [pad + expr(e)]
    raise TypeError("cannot render statement %r" % (s,))


def _if_lines(e, depth):
    pad = INDENT * depth
    if isinstance(e, S.IfLet):
        header = "if let %s = %s" % (pattern(e.pat), expr(e.e, 1))
    else:
        header = "if %s" % expr(e.cond, 1)
    lines = _block_stmt(header, e.then, depth)
    other = e.other
    while other is not None:
        if isinstance(other, S.If):
            lines[-1] += " else if %s {" % expr(other.cond, 1)
            lines += block_lines(other.then, depth + 1) + [pad + "}"]
            other = other.other
        elif isinstance(other, S.IfLet):
            lines[-1] += " else if let %s = %s {" % (pattern(other.pat), expr(other.e, 1))
            lines += block_lines(other.then, depth + 1) + [pad + "}"]
            other = other.other
        else:
            lines[-1] += " else {"
            lines += block_lines(other, depth + 1) + [pad + "}"]
            other = None
    return lines


def _params(ps):
    out = []
    for p in ps:
        t = p.name + (": " + p.ty if p.ty else "")
        if p.default is not None:
            t += " = " + expr(p.default)
        out.append(t)
    return out


def _generics(names):
    """`<A, B>` after a generic type's name (and `impl`), nothing for a plain one."""
    return "<%s>" % ", ".join(names) if names else ""


def decl(d, depth=0):
    """A declaration as lines."""
    pad = INDENT * depth
    if isinstance(d, S.FunDecl):
        params = _params(d.params)
        if d.self_kind:
            params.insert(0, d.self_kind)
        ret = " -> " + d.ret if d.ret else ""
        static = "static " if d.static else ""
        static += "async " if d.is_async else ""
        header = "%s%s %s%s(%s)%s" % (static, d.kw, d.name, _generics(d.generics), ", ".join(params), ret)
        return _block_stmt(header, d.body, depth)
    if isinstance(d, S.StructDecl):
        lines = [pad + "struct %s%s {" % (d.name, _generics(d.generics))]
        for f, t in d.fields:
            lines.append(pad + INDENT + "%s: %s," % (f, t))
        for m in d.methods:
            lines += decl(m, depth + 1)
        return lines + [pad + "}"]
    if isinstance(d, S.EnumDecl):
        parts = []
        for name, payload in d.variants:
            if payload is None:
                parts.append(name)
            elif payload and isinstance(payload[0], tuple):
                parts.append("%s { %s }" % (name, ", ".join("%s: %s" % fv for fv in payload)))
            else:
                parts.append("%s(%s)" % (name, ", ".join(payload)))
        return [pad + "enum %s%s { %s }" % (d.name, _generics(d.generics), ", ".join(parts))]
    if isinstance(d, S.ImplDecl):
        params = _generics(d.generics)
        lines = [pad + "impl%s %s%s {" % (params, d.name, params)]
        for m in d.methods:
            lines += decl(m, depth + 1)
        return lines + [pad + "}"]
    if isinstance(d, S.ClassDecl):
        lines = [pad + "class %s {" % d.name]
        for f, t in d.fields:
            lines.append(pad + INDENT + "%s: %s" % (f, t))
        lines += _block_stmt("new(%s)" % ", ".join(_params(d.ctor_params)), d.ctor_body, depth + 1)
        for m in d.methods:
            lines += decl(m, depth + 1)
        return lines + [pad + "}"]
    if isinstance(d, S.Attributed):
        return [pad + a for a in d.attrs] + decl(d.decl, depth)
    if isinstance(d, S.ExternBlock):
        lines = [pad + 'extern "C" {']
        for name, symbol, params, ret in d.sigs:
            if symbol != name:
                lines.append(pad + INDENT + '#[link_name = "%s"]' % symbol)
            sig = ", ".join("%s: %s" % p for p in params)
            lines.append(pad + INDENT + "fun %s(%s)%s" % (name, sig, " -> " + ret if ret else ""))
        return lines + [pad + "}"]
    if isinstance(d, S.ModDecl):
        lines = [pad + "mod %s {" % d.name]
        for f in d.funs:
            body = decl(f, depth + 1)
            body[0] = body[0].replace(INDENT * (depth + 1), INDENT * (depth + 1) + "pub ", 1)
            lines += body
        return lines + [pad + "}"]
    raise TypeError("cannot render declaration %r" % (d,))
