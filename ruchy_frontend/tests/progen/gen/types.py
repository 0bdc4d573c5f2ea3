"""Static types the generator reasons with (what a generated expression has), and how each is
written as a Ruchy annotation."""

from ruchy_frontend.tests.progen.core import ints


class T:
    __slots__ = ()

    def text(self):
        raise NotImplementedError

    def __eq__(self, other):
        return type(self) is type(other) and self.key() == other.key()

    def __hash__(self):
        return hash((type(self).__name__, self.key()))

    def key(self):
        return ()

    def __repr__(self):
        return self.text()


class IntT(T):
    __slots__ = ("ity",)

    def __init__(self, ity):
        self.ity = ity

    def text(self):
        return self.ity.name

    def key(self):
        return (self.ity.name,)


class _Simple(T):
    __slots__ = ("name",)

    def __init__(self, name):
        self.name = name

    def text(self):
        return self.name

    def key(self):
        return (self.name,)


F64 = _Simple("f64")
BOOL = _Simple("bool")
CHAR = _Simple("char")
STR = _Simple("String")
UNIT = _Simple("()")
I64 = IntT(ints.I64)


class VecT(T):
    __slots__ = ("elem",)

    def __init__(self, elem):
        self.elem = elem

    def text(self):
        return "Vec<%s>" % self.elem.text()

    def key(self):
        return (self.elem,)


class OptT(T):
    __slots__ = ("inner",)

    def __init__(self, inner):
        self.inner = inner

    def text(self):
        return "Option<%s>" % self.inner.text()

    def key(self):
        return (self.inner,)


class ResT(T):
    __slots__ = ("ok", "err")

    def __init__(self, ok, err):
        self.ok, self.err = ok, err

    def text(self):
        return "Result<%s, %s>" % (self.ok.text(), self.err.text())

    def key(self):
        return (self.ok, self.err)


class TupT(T):
    __slots__ = ("items",)

    def __init__(self, items):
        self.items = tuple(items)

    def text(self):
        return "(" + ", ".join(t.text() for t in self.items) + ")"

    def key(self):
        return self.items


class MapT(T):
    __slots__ = ("k", "v")

    def __init__(self, k, v):
        self.k, self.v = k, v

    def text(self):
        return "HashMap<%s, %s>" % (self.k.text(), self.v.text())

    def key(self):
        return (self.k, self.v)


class NamedT(T):
    """A user struct, enum or class; `decl` is its syntax.StructDecl/EnumDecl/ClassDecl and
    `fields` maps field names to types (structs and classes)."""
    __slots__ = ("name", "kind", "fields", "decl")

    def __init__(self, name, kind, fields=None, decl=None):
        self.name, self.kind, self.fields, self.decl = name, kind, dict(fields or {}), decl

    def text(self):
        return self.name

    def key(self):
        return (self.name,)


class FnT(T):
    __slots__ = ("params", "ret")

    def __init__(self, params, ret):
        self.params, self.ret = tuple(params), ret

    def text(self):
        return "fn(%s) -> %s" % (", ".join(p.text() for p in self.params), self.ret.text())

    def key(self):
        return (self.params, self.ret)


INT_TYPES = [IntT(t) for t in ints.ALL]


def is_int(t):
    return isinstance(t, IntT)
