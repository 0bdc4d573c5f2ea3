"""The syntax tree of generated programs and how it is written as Ruchy source.

One tree serves two readers: core/render.py writes it as Ruchy text, core/interp.py evaluates it
(the oracle). Nodes are plain records; the generator builds them, the minimiser rewrites them.
Types appear only where the program spells them (annotations, casts, turbofish), as text, plus
the integer type an arithmetic node wraps at (`ity`).
"""


class Node:
    __slots__ = ()

    def children(self):
        """(field, value) pairs of sub-nodes and node lists, for generic tree walks."""
        out = []
        for f in self.__slots__:
            v = getattr(self, f)
            if isinstance(v, (Node, list)):
                out.append((f, v))
        return out

    def __repr__(self):
        return "%s(%s)" % (type(self).__name__, ", ".join("%s=%r" % (f, getattr(self, f)) for f in self.__slots__))


# ----------------------------------------------------------------------------------- expressions

class Lit(Node):
    """A literal: `value` is what it evaluates to, `text` how it is written."""
    __slots__ = ("value", "text")

    def __init__(self, value, text):
        self.value, self.text = value, text


class Name(Node):
    __slots__ = ("name",)

    def __init__(self, name):
        self.name = name


class Unary(Node):
    """`-e`, `!e`, `~e`; ity is the integer type for `-`/`~` on integers (None for floats, bools)."""
    __slots__ = ("op", "e", "ity")

    def __init__(self, op, e, ity=None):
        self.op, self.e, self.ity = op, e, ity


class Binary(Node):
    """`a op b`. ity: the integer type both operands have (wrapping), None otherwise."""
    __slots__ = ("op", "a", "b", "ity")

    def __init__(self, op, a, b, ity=None):
        self.op, self.a, self.b, self.ity = op, a, b, ity


class Cast(Node):
    """`e as T`; target is an ints.IntType, or "f64" or "char"."""
    __slots__ = ("e", "target")

    def __init__(self, e, target):
        self.e, self.target = e, target


class Call(Node):
    """`callee(args)`: callee is a Name (function or closure variable) or any expression."""
    __slots__ = ("callee", "args")

    def __init__(self, callee, args):
        self.callee, self.args = callee, list(args)


class Lambda(Node):
    """`|a, b| body`; params are (name, type text or None); ret is a type text or None (then the
    body is written bare unless it is a block)."""
    __slots__ = ("params", "body", "ret")

    def __init__(self, params, body, ret=None):
        self.params, self.body, self.ret = list(params), body, ret


class Method(Node):
    """`recv.name::<turbofish>(args)`: built-in or user method."""
    __slots__ = ("recv", "name", "args", "turbofish")

    def __init__(self, recv, name, args=(), turbofish=None):
        self.recv, self.name, self.args, self.turbofish = recv, name, list(args), turbofish


class Path(Node):
    """`A::b(args)` (args None: a bare path such as `Color::Red` or `i64::MAX`)."""
    __slots__ = ("path", "args")

    def __init__(self, path, args=None):
        self.path, self.args = path, (list(args) if args is not None else None)


class Index(Node):
    __slots__ = ("e", "i")

    def __init__(self, e, i):
        self.e, self.i = e, i


class Slice(Node):
    """`e[a..b]` (style "..") or `e[a:b]` (style ":"); a or b may be None."""
    __slots__ = ("e", "a", "b", "style")

    def __init__(self, e, a, b, style=".."):
        self.e, self.a, self.b, self.style = e, a, b, style


class Field(Node):
    __slots__ = ("e", "name")

    def __init__(self, e, name):
        self.e, self.name = e, name


class TupleField(Node):
    __slots__ = ("e", "i")

    def __init__(self, e, i):
        self.e, self.i = e, i


class StructLit(Node):
    """`Name { f: e, ... }`; shorthand fields (`Name { x }`) when the value is Name(f) and
    shorthand is set."""
    __slots__ = ("name", "fields", "shorthand")

    def __init__(self, name, fields, shorthand=False):
        self.name, self.fields, self.shorthand = name, list(fields), shorthand


class VecLit(Node):
    __slots__ = ("items",)

    def __init__(self, items):
        self.items = list(items)


class TupleLit(Node):
    __slots__ = ("items",)

    def __init__(self, items):
        self.items = list(items)


class MapLit(Node):
    """`{"k": v, ...}`: pairs of (key expression, value expression)."""
    __slots__ = ("pairs",)

    def __init__(self, pairs):
        self.pairs = list(pairs)


class If(Node):
    """`if cond { then } else { other }`; then/other are Blocks; other may be an If or None."""
    __slots__ = ("cond", "then", "other")

    def __init__(self, cond, then, other=None):
        self.cond, self.then, self.other = cond, then, other


class IfLet(Node):
    """`if let pat = e { then } else { other }`."""
    __slots__ = ("pat", "e", "then", "other")

    def __init__(self, pat, e, then, other=None):
        self.pat, self.e, self.then, self.other = pat, e, then, other


class Block(Node):
    """`{ stmts; tail }`; tail is an expression or None (the block is unit)."""
    __slots__ = ("stmts", "tail")

    def __init__(self, stmts, tail=None):
        self.stmts, self.tail = list(stmts), tail


class Match(Node):
    """`match e { pat if guard => body, ... }`; arms are MatchArm."""
    __slots__ = ("e", "arms")

    def __init__(self, e, arms):
        self.e, self.arms = e, list(arms)


class MatchArm(Node):
    __slots__ = ("pat", "guard", "body")

    def __init__(self, pat, body, guard=None):
        self.pat, self.body, self.guard = pat, body, guard


class FString(Node):
    """`f"text {e:spec} ..."`: parts are str (literal text) or (expr, spec text or None)."""
    __slots__ = ("parts",)

    def __init__(self, parts):
        self.parts = list(parts)

    def children(self):
        return [("parts[%d]" % i, p[0]) for i, p in enumerate(self.parts) if isinstance(p, tuple)]


class Format(Node):
    """`format!("{}..", args)`, `format("{}..", args)`: the template is literal text."""
    __slots__ = ("macro", "template", "args")

    def __init__(self, macro, template, args):
        self.macro, self.template, self.args = macro, template, list(args)


class Loop(Node):
    """`loop { body }` (an expression: `break v` gives its value); label like `'outer`."""
    __slots__ = ("body", "label")

    def __init__(self, body, label=None):
        self.body, self.label = body, label


class Question(Node):
    """`e?` on an Option or Result."""
    __slots__ = ("e",)

    def __init__(self, e):
        self.e = e


class Deref(Node):
    """`*e` (a reference means the value itself; `*m.entry(k).or_insert(v) += 1` writes through)."""
    __slots__ = ("e",)

    def __init__(self, e):
        self.e = e


class Await(Node):
    """`await e`: runs a task (or joins a spawned one) and gives its value."""
    __slots__ = ("e",)

    def __init__(self, e):
        self.e = e


class Paren(Node):
    """Redundant parentheses the generator adds on purpose."""
    __slots__ = ("e",)

    def __init__(self, e):
        self.e = e


# ------------------------------------------------------------------------------------ statements

class Let(Node):
    """`let [mut] target[: ty] = e` (kw "let" or "var"); target is a name or a TuplePat."""
    __slots__ = ("target", "e", "mut", "ty", "kw")

    def __init__(self, target, e, mut=False, ty=None, kw="let"):
        self.target, self.e, self.mut, self.ty, self.kw = target, e, mut, ty, kw


class Assign(Node):
    """`lhs = e` or `lhs op= e`; lhs is Name, Field, TupleField, Index or Deref."""
    __slots__ = ("lhs", "e", "op", "ity")

    def __init__(self, lhs, e, op=None, ity=None):
        self.lhs, self.e, self.op, self.ity = lhs, e, op, ity


class ExprStmt(Node):
    __slots__ = ("e",)

    def __init__(self, e):
        self.e = e


class Print(Node):
    """`println(args)`, `print(args)`, `println!(template, args)`, `print!(...)`.
    kind: "println", "print", "println!", "print!"; template: literal first-argument text for
    templates (None: the arguments are printed joined by spaces)."""
    __slots__ = ("kind", "template", "args")

    def __init__(self, kind, args, template=None):
        self.kind, self.args, self.template = kind, list(args), template


class While(Node):
    __slots__ = ("cond", "body", "label")

    def __init__(self, cond, body, label=None):
        self.cond, self.body, self.label = cond, body, label


class For(Node):
    """`for target in e { body }`; target is a name or TuplePat."""
    __slots__ = ("target", "e", "body", "label")

    def __init__(self, target, e, body, label=None):
        self.target, self.e, self.body, self.label = target, e, body, label


class Break(Node):
    __slots__ = ("value", "label")

    def __init__(self, value=None, label=None):
        self.value, self.label = value, label


class Continue(Node):
    __slots__ = ("label",)

    def __init__(self, label=None):
        self.label = label


class Return(Node):
    __slots__ = ("e",)

    def __init__(self, e=None):
        self.e = e


class TryCatch(Node):
    """`try { body } catch name { handler }`."""
    __slots__ = ("body", "var", "handler")

    def __init__(self, body, var, handler):
        self.body, self.var, self.handler = body, var, handler


class Throw(Node):
    __slots__ = ("e",)

    def __init__(self, e):
        self.e = e


# ---------------------------------------------------------------------------------- declarations

class Param(Node):
    """A function parameter: name, type text (None: generic) and optional default expression."""
    __slots__ = ("name", "ty", "default")

    def __init__(self, name, ty=None, default=None):
        self.name, self.ty, self.default = name, ty, default


class FunDecl(Node):
    """`fun name(params) -> ret { body }`; self_kind: None, "&self", "&mut self", "self";
    kw: "fun" or "fn"; static marks `static fun` in classes; generics names type parameters
    (`fun pick<T>(...)`); is_async marks `async fun` (a coroutine: calling it gives a task)."""
    __slots__ = ("name", "params", "ret", "body", "self_kind", "kw", "static", "generics", "is_async")

    def __init__(self, name, params, ret, body, self_kind=None, kw="fun", static=False, generics=(), is_async=False):
        self.name, self.params, self.ret, self.body = name, list(params), ret, body
        self.self_kind, self.kw, self.static = self_kind, kw, static
        self.generics = tuple(generics)
        self.is_async = is_async


class StructDecl(Node):
    """`struct Name<T> { field: Type, ... fun methods }`; fields are (name, type text); generics
    the type parameters' names (none for a plain struct)."""
    __slots__ = ("name", "fields", "methods", "generics")

    def __init__(self, name, fields, methods=(), generics=()):
        self.name, self.fields, self.methods = name, list(fields), list(methods)
        self.generics = tuple(generics)


class EnumDecl(Node):
    """`enum Name { A, B(T, U), C { x: T } }`: variants are (name, payload) with payload None,
    a list of type texts (tuple variant) or a list of (field, type text) pairs; generics the
    type parameters' names."""
    __slots__ = ("name", "variants", "generics")

    def __init__(self, name, variants, generics=()):
        self.name, self.variants = name, list(variants)
        self.generics = tuple(generics)


class ImplDecl(Node):
    """`impl Name { methods }`, or `impl<T> Name<T> { methods }` with generics."""
    __slots__ = ("name", "methods", "generics")

    def __init__(self, name, methods, generics=()):
        self.name, self.methods = name, list(methods)
        self.generics = tuple(generics)


class ClassDecl(Node):
    """`class Name { fields  new(params) { body }  methods }`."""
    __slots__ = ("name", "fields", "ctor_params", "ctor_body", "methods")

    def __init__(self, name, fields, ctor_params, ctor_body, methods=()):
        self.name, self.fields, self.ctor_params, self.ctor_body = name, list(fields), list(ctor_params), ctor_body
        self.methods = list(methods)


class Attributed(Node):
    """Attribute lines (`#[inline]`, `@test("name")`) before a declaration; attrs is a tuple of
    their texts."""
    __slots__ = ("attrs", "decl")

    def __init__(self, attrs, decl):
        self.attrs, self.decl = tuple(attrs), decl


class ExternBlock(Node):
    """`extern "C" { #[link_name = "symbol"] fun name(p: T) -> R ... }`: sigs is a tuple of
    (name, symbol, ((param, type text), ...), ret text); symbols are C library functions whose
    meaning core/interp.py knows (C_FUNCTIONS)."""
    __slots__ = ("sigs",)

    def __init__(self, sigs):
        self.sigs = tuple(sigs)


class Unsafe(Node):
    """`unsafe { ... }`: the block where C functions may be called."""
    __slots__ = ("body",)

    def __init__(self, body):
        self.body = body


class ModDecl(Node):
    """`mod name { pub fun ... }`: its functions are called as `name::f`."""
    __slots__ = ("name", "funs")

    def __init__(self, name, funs):
        self.name, self.funs = name, list(funs)


# -------------------------------------------------------------------------------------- patterns

class PWild(Node):
    __slots__ = ()


class PBind(Node):
    __slots__ = ("name",)

    def __init__(self, name):
        self.name = name


class PLit(Node):
    __slots__ = ("value", "text")

    def __init__(self, value, text):
        self.value, self.text = value, text


class PRange(Node):
    """`lo..=hi` (inclusive) or `lo..hi`; lo/hi are PLit."""
    __slots__ = ("lo", "hi", "inclusive")

    def __init__(self, lo, hi, inclusive=True):
        self.lo, self.hi, self.inclusive = lo, hi, inclusive


class POr(Node):
    __slots__ = ("alts",)

    def __init__(self, alts):
        self.alts = list(alts)


class TuplePat(Node):
    __slots__ = ("items",)

    def __init__(self, items):
        self.items = list(items)


class PCtor(Node):
    """`Some(p)`, `None`, `Ok(p)`, `Err(p)`, `Enum::V(p, ...)`, bare `V(...)`; name is the text
    written before the parentheses, args None for a unit variant; enum/variant identify it."""
    __slots__ = ("name", "args", "enum", "variant")

    def __init__(self, name, args, enum, variant):
        self.name, self.args, self.enum, self.variant = name, (list(args) if args is not None else None), enum, variant


class PStruct(Node):
    """`Name { f: p, g, .. }`; fields are (field, pattern or None for shorthand); rest adds `..`;
    enum/variant are set for struct-like enum variants."""
    __slots__ = ("name", "fields", "rest", "enum", "variant")

    def __init__(self, name, fields, rest=False, enum=None, variant=None):
        self.name, self.fields, self.rest, self.enum, self.variant = name, list(fields), rest, enum, variant


class PAt(Node):
    """`name @ pattern`."""
    __slots__ = ("name", "pat")

    def __init__(self, name, pat):
        self.name, self.pat = name, pat
