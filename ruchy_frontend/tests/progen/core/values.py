"""Ruchy run-time values as the reference evaluator (core/interp.py) holds them, and how they print.

Printing follows ../shared/ruchy/LANGUAGE.md ("What a program prints") and the reference
interpreter's Display (paiml/ruchy src/runtime/eval_display.rs):
  - integers in decimal; floats with a zero fraction exactly, with `.0` (Rust `{:.1}`), other
    floats as the shortest text that reads back, never in exponent form (Rust `{}`);
  - strings raw at top level and quoted inside containers; `nil` for unit;
  - `[a, b]`, `(a, b)` (a one-tuple prints `(a)`, as the reference does), `Some(x)`, `None`,
    `Ok(x)`, `Err(e)`, enum variants `Red` / `Text(42)`;
  - maps `{k: v}` and structs `Name {a: 1, b: 2}` with keys in sorted order.

Python values stand for Ruchy values as follows: int (any integer width; the static type lives in
the syntax tree), float, bool, str (a Ruchy String), Char, UNIT, list (Vec), tuple, SomeV/NONE,
OkV/ErrV, MapV, StructV, EnumV, ClassObj (shared identity), and interpreter closures. Vectors,
maps, strings and struct values have value semantics: the evaluator never mutates one in place
once another variable may hold it (it builds a new one), so Python sharing cannot leak.

The generator never prints what the oracle leaves open (see README.md "What is not generated"):
chars, or strings holding quotes, backslashes or control characters, inside containers; sets;
maps whose integer keys sort differently as text and as numbers; zero-fraction floats under `{}`.
"""

import decimal
import functools
import math

from ruchy_frontend.tests.progen.core.errors import Unsupported


@functools.total_ordering
class Char:
    """A Unicode scalar value (`'a'`)."""

    __slots__ = ("c",)

    def __init__(self, c):
        assert len(c) == 1, c
        self.c = c

    def __eq__(self, other):
        return isinstance(other, Char) and other.c == self.c

    def __lt__(self, other):
        return self.c < other.c

    def __hash__(self):
        return hash(("char", self.c))

    def __repr__(self):
        return "Char(%r)" % self.c


class _Unit:
    def __repr__(self):
        return "UNIT"


UNIT = _Unit()


class SomeV:
    __slots__ = ("v",)

    def __init__(self, v):
        self.v = v

    def __eq__(self, other):
        return isinstance(other, SomeV) and other.v == self.v

    def __hash__(self):
        return hash(("some", self.v))

    def __repr__(self):
        return "Some(%r)" % (self.v,)


class _NoneV:
    def __eq__(self, other):
        return isinstance(other, _NoneV)

    def __hash__(self):
        return hash("none")

    def __repr__(self):
        return "NONE"


NONE = _NoneV()


class OkV:
    __slots__ = ("v",)

    def __init__(self, v):
        self.v = v

    def __eq__(self, other):
        return isinstance(other, OkV) and other.v == self.v

    def __repr__(self):
        return "Ok(%r)" % (self.v,)


class ErrV:
    __slots__ = ("v",)

    def __init__(self, v):
        self.v = v

    def __eq__(self, other):
        return isinstance(other, ErrV) and other.v == self.v

    def __repr__(self):
        return "Err(%r)" % (self.v,)


class MapV:
    """A HashMap value; `items` is a dict the evaluator replaces rather than mutates."""

    __slots__ = ("items",)

    def __init__(self, items):
        self.items = dict(items)

    def __eq__(self, other):
        return isinstance(other, MapV) and other.items == self.items

    def __repr__(self):
        return "MapV(%r)" % (self.items,)


class StructV:
    """A struct value (copied on assignment): name and a dict of fields."""

    __slots__ = ("name", "fields")

    def __init__(self, name, fields):
        self.name = name
        self.fields = dict(fields)

    def with_field(self, field, value):
        fields = dict(self.fields)
        fields[field] = value
        return StructV(self.name, fields)

    def __eq__(self, other):
        return isinstance(other, StructV) and other.name == self.name and other.fields == self.fields

    def __repr__(self):
        return "StructV(%s, %r)" % (self.name, self.fields)


class EnumV:
    """An enum value: its enum, its variant and the payload (a tuple, possibly empty); a struct-like
    variant also has its field names (in declaration order, matching args)."""

    __slots__ = ("enum", "variant", "args", "field_names")

    def __init__(self, enum, variant, args=(), field_names=None):
        self.enum = enum
        self.variant = variant
        self.args = tuple(args)
        self.field_names = tuple(field_names) if field_names else None

    def __eq__(self, other):
        return (isinstance(other, EnumV) and other.enum == self.enum and other.variant == self.variant and
                other.args == self.args)

    def __hash__(self):
        return hash((self.enum, self.variant, self.args))

    def __repr__(self):
        return "EnumV(%s::%s%r)" % (self.enum, self.variant, self.args)


class ClassObj:
    """An instance of a `class`: a reference, so every holder sees every change."""

    __slots__ = ("name", "fields")

    def __init__(self, name, fields):
        self.name = name
        self.fields = dict(fields)

    def __repr__(self):
        return "ClassObj(%s@%x)" % (self.name, id(self))


class Opaque:
    """A value whose text the oracle does not fix (the message a `catch` binds): printing it
    drops the program."""

    __slots__ = ("what",)

    def __init__(self, what):
        self.what = what


def float_text(f):
    """A float as LANGUAGE.md prints it (Rust `{:.1}` for whole numbers, else `{}`)."""
    if math.isnan(f):
        return "NaN"
    if math.isinf(f):
        return "inf" if f > 0 else "-inf"
    if f == math.floor(f):
        return "%.1f" % f  # exact decimal expansion, as Rust's `{:.1}`
    return shortest_positional(f)


def shortest_positional(f):
    """The shortest decimal that reads back as `f`, written without an exponent (Rust `{}`)."""
    text = format(decimal.Decimal(repr(f)), "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text


def _sort_key(v):
    if isinstance(v, Char):
        return (0, v.c)
    return (1, v)


def display(v, top=True):
    """How `println(v)` prints v (top=True) or how v prints inside a container (top=False)."""
    if v is UNIT:
        return "nil"
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, int):
        return str(v)
    if isinstance(v, float):
        if v != 0 and not (1e-4 <= abs(v) < 1e16):
            raise Unsupported("float printed in the range where reference versions disagree")
        return float_text(v)
    if isinstance(v, str):
        return v if top else '"' + v + '"'
    if isinstance(v, Char):
        return v.c if top else "'" + v.c + "'"
    if isinstance(v, list):
        return "[" + ", ".join(display(x, False) for x in v) + "]"
    if isinstance(v, tuple):
        return "(" + ", ".join(display(x, False) for x in v) + ")"
    if isinstance(v, SomeV):
        return "Some(" + display(v.v, False) + ")"
    if v is NONE or isinstance(v, _NoneV):
        return "None"
    if isinstance(v, OkV):
        return "Ok(" + display(v.v, False) + ")"
    if isinstance(v, ErrV):
        return "Err(" + display(v.v, False) + ")"
    if isinstance(v, MapV):
        keys = sorted(v.items, key=_sort_key)
        return "{" + ", ".join(display(k, True) + ": " + display(v.items[k], False) for k in keys) + "}"
    if isinstance(v, StructV):
        keys = sorted(v.fields)
        return v.name + " {" + ", ".join(k + ": " + display(v.fields[k], False) for k in keys) + "}"
    if isinstance(v, EnumV):
        if v.field_names:
            raise Unsupported("struct-like enum variant printed")  # `Rect {h: 2, w: 1}`? unsettled
        if not v.args:
            return v.variant
        return v.variant + "(" + ", ".join(display(x, False) for x in v.args) + ")"
    if isinstance(v, Opaque):
        raise Unsupported("printing " + v.what)
    raise TypeError("no display for %r" % (v,))


def printable_in_container(v):
    """Whether the oracle is settled on how v prints inside a container (see module doc)."""
    if isinstance(v, Char):
        return False
    if isinstance(v, str):
        return not any(c in v for c in "\"\\'") and all(ord(c) >= 0x20 and ord(c) != 0x7F for c in v)
    if isinstance(v, (list, tuple)):
        return all(printable_in_container(x) for x in v)
    if isinstance(v, (SomeV, OkV, ErrV)):
        return printable_in_container(v.v)
    if isinstance(v, MapV):
        keys = list(v.items)
        ints = [k for k in keys if isinstance(k, int) and not isinstance(k, bool)]
        if ints and sorted(ints) != sorted(ints, key=str):
            return False
        return all(printable_in_container(k) or isinstance(k, str) for k in keys) and all(
            printable_in_container(x) for x in v.items.values())
    if isinstance(v, StructV):
        return all(printable_in_container(x) for x in v.fields.values())
    if isinstance(v, EnumV):
        return all(printable_in_container(x) for x in v.args)
    if isinstance(v, ClassObj):
        return False
    return True
