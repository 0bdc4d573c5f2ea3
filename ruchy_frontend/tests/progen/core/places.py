"""Places: what an assignment target or a mutating method's receiver denotes (a variable, a
field, a tuple slot, a vector element or map value, an entry reference). Values other than class
objects are immutable in the oracle, so writing a place rebuilds its container and writes that
back to the enclosing place."""

from ruchy_frontend.tests.progen.core import values as V
from ruchy_frontend.tests.progen.core.errors import RuchyError


class RefV:
    """A reference into a place (what `m.entry(k).or_insert(v)` returns)."""

    __slots__ = ("place",)

    def __init__(self, place):
        self.place = place


# ------------------------------------------------------------------------------------- places

class CellPlace:
    def __init__(self, cell):
        self.cell = cell

    def get(self):
        v = self.cell.v
        return v.place.get() if isinstance(v, RefV) else v

    def set(self, v):
        if isinstance(self.cell.v, RefV):
            self.cell.v.place.set(v)
        else:
            self.cell.v = v


class ValuePlace:
    """A temporary: changes to it are not seen anywhere (`f().push(1)`)."""

    def __init__(self, v):
        self.v = v

    def get(self):
        return self.v

    def set(self, v):
        self.v = v


class FieldPlace:
    def __init__(self, parent, name):
        self.parent, self.name = parent, name

    def get(self):
        return self.parent.get().fields[self.name]

    def set(self, v):
        base = self.parent.get()
        if isinstance(base, V.ClassObj):
            base.fields[self.name] = v
        else:
            self.parent.set(base.with_field(self.name, v))


class TupleFieldPlace:
    def __init__(self, parent, i):
        self.parent, self.i = parent, i

    def get(self):
        return self.parent.get()[self.i]

    def set(self, v):
        t = list(self.parent.get())
        t[self.i] = v
        self.parent.set(tuple(t))


class IndexPlace:
    def __init__(self, parent, key):
        self.parent, self.key = parent, key

    def get(self):
        base = self.parent.get()
        if isinstance(base, V.MapV):
            if self.key not in base.items:
                raise RuchyError("KeyNotFound")
            return base.items[self.key]
        return base[vec_index(base, self.key)]

    def set(self, v):
        base = self.parent.get()
        if isinstance(base, V.MapV):
            items = dict(base.items)
            items[self.key] = v
            self.parent.set(V.MapV(items))
            return
        lst = list(base)
        lst[vec_index(base, self.key)] = v
        self.parent.set(lst)


class EntryPlace:
    def __init__(self, parent, key):
        self.parent, self.key = parent, key

    def get(self):
        return self.parent.get().items[self.key]

    def set(self, v):
        items = dict(self.parent.get().items)
        items[self.key] = v
        self.parent.set(V.MapV(items))


def vec_index(lst, i):
    """Vector index: negative indices count from the end (docs/language.md)."""
    j = i + len(lst) if i < 0 else i
    if not 0 <= j < len(lst):
        raise RuchyError("IndexOutOfRange")
    return j
