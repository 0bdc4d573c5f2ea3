"""What the generator knows while it builds one test: variables in scope and their types, the
functions and types declared so far, which construct classes it may use, and how many
constructs of each class it has emitted."""

import collections
import contextlib

from ruchy_frontend.tests.progen.gen import names as N
from ruchy_frontend.tests.progen.gen import types as T


class Var:
    __slots__ = ("name", "ty", "mut")

    def __init__(self, name, ty, mut):
        self.name, self.ty, self.mut = name, ty, mut


class Fun:
    """A user function the body may call: name, parameter types, result type, and whether its
    parameters are untyped (generic)."""
    __slots__ = ("name", "params", "ret", "generic")

    def __init__(self, name, params, ret, generic=False):
        self.name, self.params, self.ret, self.generic = name, list(params), ret, generic


class Ctx:
    def __init__(self, rng, enabled, placement="fun", tag=""):
        self.rng = rng
        self.tag = str(tag)  # makes this test's top-level names its own within a batch
        self.enabled = set(enabled)
        self.placement = placement
        self.names = N.Names(rng)
        self.counts = collections.Counter()
        self.decls = []
        self.top_names = set()
        self.scopes = [{}]
        self.funs = []
        self.structs = []      # NamedT of kind "struct" usable in expressions
        self.primary = None

    # ---------------------------------------------------------------------------- classes
    def on(self, cls):
        return cls in self.enabled

    def count(self, cls, n=1):
        assert cls in self.enabled, cls
        self.counts[cls] += n

    def chance(self, p):
        return self.rng.random() < p

    # ------------------------------------------------------------------------------ names
    def local_name(self, hint=None):
        """A name for a new local: sometimes one that collides with C++ (names_cpp)."""
        if self.on("names_cpp") and self.chance(0.12):
            for _ in range(5):
                name = self.rng.choice(N.CPP_LOWER)
                if self.names.claim(name):
                    self.count("names_cpp")
                    return name
        if self.placement == "top" and len(self.scopes) == 1:
            return self.names.fresh((hint or self.rng.choice(N.PLAIN)) + self.tag)  # a global
        return self.names.fresh(hint)

    def type_name(self, hint):
        if self.on("names_cpp") and self.chance(0.15):
            for _ in range(5):
                name = self.rng.choice(N.CPP_MACROS_UPPER)
                if self.names.claim(name):
                    self.count("names_cpp")
                    self.top_names.add(name)
                    return name
        name = self.names.fresh_type(hint + self.tag)
        self.top_names.add(name)
        return name

    def global_name(self, hint=None):
        """A name for a function or other top-level item (kept apart from other tests': a hostile
        name is shared on purpose and the batch packer keeps such tests in different files)."""
        if self.on("names_cpp") and self.chance(0.12):
            name = self.local_name(hint)
        else:
            name = self.names.fresh((hint or self.rng.choice(N.PLAIN)) + self.tag)
        self.top_names.add(name)
        return name

    # ---------------------------------------------------------------------------- scopes
    @contextlib.contextmanager
    def function_scope(self):
        """While generating a function's body: only its own parameters and locals are visible."""
        saved = self.scopes
        self.scopes = [{}, {}]
        try:
            yield
        finally:
            self.scopes = saved

    def push(self):
        self.scopes.append({})

    def pop(self):
        self.scopes.pop()

    def declare(self, name, ty, mut=False):
        self.scopes[-1][name] = Var(name, ty, mut)
        if self.placement == "top" and len(self.scopes) == 1:
            self.top_names.add(name)

    def visible(self):
        """The variables in scope, innermost binding of each name."""
        seen = {}
        for scope in self.scopes:
            for name, v in scope.items():
                seen[name] = v
        return list(seen.values())

    def vars_of(self, ty, mut=False):
        return [v for v in self.visible() if v.ty == ty and (v.mut or not mut)]

    def pick_var(self, ty, mut=False):
        vs = self.vars_of(ty, mut)
        return self.rng.choice(vs) if vs else None

    def funs_returning(self, ty):
        return [f for f in self.funs if f.ret == ty]

    # ------------------------------------------------------------------------------ types
    def wide_literals(self):
        """Literals at the extremes only in int_wrapping's own tests: elsewhere constant-folded
        overflow (clang's -Winteger-overflow) would make every class fail for that one bug."""
        return self.primary == "int_wrapping" and self.on("int_wrapping")

    def int_type(self):
        if self.on("int_wrapping") and self.chance(0.5):
            return self.rng.choice(T.INT_TYPES)
        return T.I64
