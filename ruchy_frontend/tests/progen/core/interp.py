"""The oracle: evaluates a generated program under Ruchy's semantics and records what it prints.

Semantics (LANGUAGE.md, docs/language.md, issue 11):
  - closures share the variables they capture with the enclosing scope (cells), also after the
    scope is gone;
  - struct, vector, map and string values are copied on assignment and when passed; class values
    are references (core/values.py keeps copies immutable and replaces them on change);
  - `m.entry(k).or_insert(v)` is a place inside the map: `*… += 1`, `let mut e = …; *e = …` and
    `….push(x)` change the map;
  - integer arithmetic at each width per core/ints.py; strings per core/strs.py;
  - `match` with no matching arm is the runtime error Ruchy.NoMatch;
  - functions see functions, never the caller's variables; nested functions are lifted.

Run-time errors raise errors.RuchyError; the batch's main() catches them per test function (see
run/batch.py), and so does the expected output.
"""

from ruchy_frontend.tests.progen.core import ints
from ruchy_frontend.tests.progen.core import rustfmt
from ruchy_frontend.tests.progen.core import syntax as S
from ruchy_frontend.tests.progen.core import values as V
from ruchy_frontend.tests.progen.core.errors import BudgetExceeded, RuchyError, Unsupported
from ruchy_frontend.tests.progen.core.places import (CellPlace, FieldPlace, IndexPlace, RefV, TupleFieldPlace,
                                                     ValuePlace, vec_index)

# Evaluation steps one test may take before the generator drops it as too slow to be useful.
STEP_BUDGET = 200_000
# Longest range or repeated string the oracle materialises (longer ones make dull, slow tests).
MAX_RANGE = 100_000


class Cell:
    __slots__ = ("v",)

    def __init__(self, v):
        self.v = v


class Scope:
    """Variables (name -> Cell) and nested functions of one block; parent is the enclosing scope."""

    __slots__ = ("vars", "funs", "parent")

    def __init__(self, parent=None):
        self.vars = {}
        self.funs = {}
        self.parent = parent

    def lookup(self, name):
        s = self
        while s is not None:
            c = s.vars.get(name)
            if c is not None:
                return c
            s = s.parent
        return None

    def function(self, name):
        s = self
        while s is not None:
            f = s.funs.get(name)
            if f is not None:
                return f
            s = s.parent
        return None


class Closure:
    __slots__ = ("params", "body", "scope")

    def __init__(self, params, body, scope):
        self.params, self.body, self.scope = params, body, scope


# ------------------------------------------------------------------------------ control flow

class _Break(Exception):
    def __init__(self, label, value):
        self.label, self.value = label, value


class _Continue(Exception):
    def __init__(self, label):
        self.label = label


class _Return(Exception):
    def __init__(self, value):
        self.value = value


class Thrown(RuchyError):
    def __init__(self, value):
        super().__init__("Thrown")
        self.value = value


class Program:
    """What a test declares: top-level functions, structs, enums, classes and impl methods."""

    def __init__(self, decls):
        self.funs = {}
        self.structs = {}
        self.enums = {}          # enum name -> EnumDecl
        self.variants = {}       # variant name -> (enum name, payload)
        self.classes = {}
        self.methods = {}        # type name -> {method name -> FunDecl}
        self.c_funs = {}         # Ruchy name of a C function -> its symbol (C_FUNCTIONS)
        for d in decls:
            self.add(d)

    def add(self, d):
        if isinstance(d, S.FunDecl):
            self.funs[d.name] = d
        elif isinstance(d, S.StructDecl):
            self.structs[d.name] = d
            self.methods.setdefault(d.name, {}).update({m.name: m for m in d.methods})
        elif isinstance(d, S.EnumDecl):
            self.enums[d.name] = d
            for vname, payload in d.variants:
                self.variants[(d.name, vname)] = payload
                self.variants.setdefault(vname, (d.name, payload))
        elif isinstance(d, S.ImplDecl):
            self.methods.setdefault(d.name, {}).update({m.name: m for m in d.methods})
        elif isinstance(d, S.ClassDecl):
            self.classes[d.name] = d
            self.methods.setdefault(d.name, {}).update({m.name: m for m in d.methods})
        elif isinstance(d, S.Attributed):
            self.add(d.decl)
        elif isinstance(d, S.ExternBlock):
            for name, symbol, _, _ in d.sigs:
                self.c_funs[name] = symbol
        elif isinstance(d, S.ModDecl):
            for f in d.funs:
                self.funs["%s::%s" % (d.name, f.name)] = f
        else:
            raise TypeError(d)


class Interp:
    """Evaluates one test: its declarations and its body (a Block run as a function body or as
    top-level statements)."""

    def __init__(self, program):
        self.program = program
        self.out = []
        self.steps = 0
        self.globals = Scope()

    # --------------------------------------------------------------------------- entry points
    def run_body(self, block):
        """Runs block as the body of a test function; returns the printed text, with "@@error\n"
        appended when a run-time error ends it (what the batch's main prints)."""
        scope = Scope(self.globals)
        try:
            self.exec_block_in(block, scope)
        except _Return:
            pass
        except RuchyError:
            self.out.append("@@error\n")
        return "".join(self.out)

    # ---------------------------------------------------------------------------- statements
    def tick(self):
        self.steps += 1
        if self.steps > STEP_BUDGET:
            raise BudgetExceeded()

    def exec_block_in(self, block, scope):
        for st in block.stmts:
            if isinstance(st, S.FunDecl):
                scope.funs[st.name] = st  # nested functions of one body see each other
        for st in block.stmts:
            if isinstance(st, S.Let):
                # Every `let` opens a scope for the rest of the block: a closure made before a
                # shadowing `let` keeps the variable it captured (a new binding is a new variable).
                scope = Scope(scope)
            self.exec(st, scope)
        if block.tail is not None:
            return self.eval(block.tail, scope)
        return V.UNIT

    def block(self, block, scope):
        return self.exec_block_in(block, Scope(scope))

    def exec(self, st, scope):
        self.tick()
        if isinstance(st, S.Let):
            v = self.eval(st.e, scope)
            if isinstance(v, RefV) and not isinstance(st.e, (S.Method,)):
                v = v.place.get()
            self.bind(st.target, v, scope)
        elif isinstance(st, S.Assign):
            place = self.place(st.lhs, scope)
            v = self.eval(st.e, scope)
            if st.op:
                v = self.binop(st.op, place.get(), v, st.ity)
            place.set(V_copy(v))
        elif isinstance(st, S.ExprStmt):
            self.eval(st.e, scope)
        elif isinstance(st, S.Print):
            self.print_stmt(st, scope)
        elif isinstance(st, S.While):
            self.loop_stmt(st.label, scope, lambda: self.truth(self.eval(st.cond, scope)), st.body)
        elif isinstance(st, S.For):
            items = self.iterate(self.eval(st.e, scope))
            for item in items:
                inner = Scope(scope)
                self.bind(st.target, item, inner)
                try:
                    self.exec_block_in(st.body, inner)
                except _Break as b:
                    if b.label in (None, st.label):
                        break
                    raise
                except _Continue as c:
                    if c.label in (None, st.label):
                        continue
                    raise
        elif isinstance(st, S.Break):
            raise _Break(st.label, self.eval(st.value, scope) if st.value is not None else V.UNIT)
        elif isinstance(st, S.Continue):
            raise _Continue(st.label)
        elif isinstance(st, S.Return):
            raise _Return(self.eval(st.e, scope) if st.e is not None else V.UNIT)
        elif isinstance(st, S.TryCatch):
            mark = len(self.out)
            try:
                self.block(st.body, scope)
            except RuchyError:
                del mark
                inner = Scope(scope)
                inner.vars[st.var] = Cell(V.Opaque("a caught error's message"))
                self.exec_block_in(st.handler, inner)
        elif isinstance(st, S.Throw):
            raise Thrown(self.eval(st.e, scope))
        elif isinstance(st, S.FunDecl):
            pass  # registered when its block was entered
        elif isinstance(st, (S.StructDecl, S.EnumDecl, S.ImplDecl, S.ClassDecl)):
            self.program.add(st)
        else:
            raise TypeError("cannot execute %r" % (st,))

    def loop_stmt(self, label, scope, cond, body):
        while cond():
            self.tick()
            try:
                self.block(body, scope)
            except _Break as b:
                if b.label in (None, label):
                    return b.value
                raise
            except _Continue as c:
                if c.label in (None, label):
                    continue
                raise
        return V.UNIT

    def bind(self, target, v, scope):
        if isinstance(target, str):
            scope.vars[target] = Cell(v)
            return
        if isinstance(target, S.TuplePat):
            if not isinstance(v, tuple) or len(v) != len(target.items):
                raise TypeError("tuple pattern on %r" % (v,))
            for p, x in zip(target.items, v):
                self.bind_pattern(p, x, scope)
            return
        self.bind_pattern(target, v, scope)

    def bind_pattern(self, p, v, scope):
        binds = {}
        if not self.match(p, v, binds):
            raise TypeError("irrefutable pattern did not match")
        for k, x in binds.items():
            scope.vars[k] = Cell(x)

    def print_stmt(self, st, scope):
        args = [self.eval(a, scope) for a in st.args]
        if st.template is not None:
            text = rustfmt.template(st.template, args)
        else:
            text = " ".join(V.display(a, top=True) for a in args)
        self.out.append(text + ("\n" if st.kind.startswith("println") else ""))

    # --------------------------------------------------------------------------- expressions
    def truth(self, v):
        if not isinstance(v, bool):
            raise TypeError("condition is not a bool: %r" % (v,))
        return v

    def eval(self, e, scope):
        self.tick()
        method = getattr(self, "e_" + type(e).__name__, None)
        if method is None:
            raise TypeError("cannot evaluate %r" % (e,))
        return method(e, scope)

    def e_Lit(self, e, scope):
        return e.value

    def e_Paren(self, e, scope):
        return self.eval(e.e, scope)

    def e_Name(self, e, scope):
        c = scope.lookup(e.name)
        if c is None:
            f = scope.function(e.name) or self.program.funs.get(e.name)
            if f is not None:
                return f
            payload = self.program.variants.get(e.name)
            if payload is not None and payload[1] is None:
                return V.EnumV(payload[0], e.name)
            if e.name == "None":
                return V.NONE
            raise NameError(e.name)
        v = c.v
        return v.place.get() if isinstance(v, RefV) else v

    def e_Unary(self, e, scope):
        v = self.eval(e.e, scope)
        if e.op == "!":
            return not self.truth(v)
        if isinstance(v, float):
            if e.op == "-":
                return -v
            raise TypeError(e.op)
        return ints.unary(e.op, v, e.ity or ints.I64)

    def e_Deref(self, e, scope):
        return self.eval(e.e, scope)

    def e_Binary(self, e, scope):
        if e.op == "&&":
            return self.truth(self.eval(e.a, scope)) and self.truth(self.eval(e.b, scope))
        if e.op == "||":
            return self.truth(self.eval(e.a, scope)) or self.truth(self.eval(e.b, scope))
        if e.op == "??":
            a = self.eval(e.a, scope)
            return a.v if isinstance(a, V.SomeV) else self.eval(e.b, scope)
        a = self.eval(e.a, scope)
        b = self.eval(e.b, scope)
        return self.binop(e.op, a, b, e.ity)

    def binop(self, op, a, b, ity):
        if op in ("==", "!="):
            eq = _equal(a, b)
            return eq if op == "==" else not eq
        if op in ("<", "<=", ">", ">="):
            if isinstance(a, (int, float)) and isinstance(b, (int, float)) and not (
                    isinstance(a, bool) or isinstance(b, bool)):
                pass
            elif type(a) is not type(b):
                raise TypeError("comparing %r and %r" % (a, b))
            return {"<": a < b, "<=": a <= b, ">": a > b, ">=": a >= b}[op]
        if op in ("..", "..="):
            if b - a > MAX_RANGE:
                raise Unsupported("range too long to be useful")
            return list(range(a, b + 1 if op == "..=" else b))
        if isinstance(a, str) and isinstance(b, str) and op == "+":
            if len(a) + len(b) > MAX_RANGE:
                raise Unsupported("string too long to be useful")
            return a + b
        if isinstance(a, float) or isinstance(b, float):
            return _float_op(op, float(a), float(b))
        if isinstance(a, bool) or isinstance(b, bool):
            raise TypeError("arithmetic on bool")
        return ints.binary(op, a, b, ity or ints.I64)

    def e_Cast(self, e, scope):
        v = self.eval(e.e, scope)
        t = e.target
        if t == "f64":
            if isinstance(v, V.Char):
                raise TypeError("char as f64")
            return float(v)
        if t == "char":
            if isinstance(v, V.Char):
                return v
            if not (0 <= v < 0x110000) or 0xD800 <= v < 0xE000:
                raise Unsupported("invalid char cast")
            return V.Char(chr(v))
        if isinstance(v, bool):
            return ints.cast_int(int(v), t)
        if isinstance(v, V.Char):
            return ints.cast_int(ord(v.c), t)
        if isinstance(v, float):
            return ints.cast_float(v, t)
        return ints.cast_int(v, t)

    def e_Call(self, e, scope):
        callee = e.callee
        if isinstance(callee, S.Name):
            c = scope.lookup(callee.name)
            if c is None and callee.name in self.program.c_funs:
                return C_FUNCTIONS[self.program.c_funs[callee.name]]([self.eval(a, scope) for a in e.args])
            if c is None:
                f = scope.function(callee.name) or self.program.funs.get(callee.name)
                if f is not None:
                    return self.call_fun(f, [self.eval(a, scope) for a in e.args], scope)
                payload = self.program.variants.get(callee.name)
                if payload is not None:
                    return self.make_variant(payload[0], callee.name, [self.eval(a, scope) for a in e.args])
                if callee.name in ASYNC_BUILTINS:
                    return ASYNC_BUILTINS[callee.name](self, e.args, scope)
                ctor = {"Some": V.SomeV, "Ok": V.OkV, "Err": V.ErrV}.get(callee.name)
                if ctor is not None:
                    return ctor(V_copy(self.eval(e.args[0], scope)))
                raise NameError(callee.name)
        fn = self.eval(callee, scope)
        return self.call_value(fn, [self.eval(a, scope) for a in e.args])

    def e_Await(self, e, scope):
        # Tasks are modelled as their values: the generator's async functions print nothing and
        # share no state, so when a task runs cannot change what the program prints.
        return self.eval(e.e, scope)

    def e_Unsafe(self, e, scope):
        return self.eval(e.body, scope)

    def call_value(self, fn, args):
        if isinstance(fn, Closure):
            inner = Scope(fn.scope)
            if len(args) != len(fn.params):
                raise TypeError("closure arity")
            for (name, _), v in zip(fn.params, args):
                inner.vars[name] = Cell(v)
            try:
                return self.eval(fn.body, inner) if not isinstance(fn.body, S.Block) else self.exec_block_in(fn.body, inner)
            except _Return as r:
                return r.value
        if isinstance(fn, S.FunDecl):
            return self.call_fun(fn, args, self.globals)
        raise TypeError("calling %r" % (fn,))

    def call_fun(self, f, args, scope, self_value=None):
        inner = Scope(self._fun_scope(f, scope))
        params = f.params
        if len(args) < len(params):
            for p in params[len(args):]:
                if p.default is None:
                    raise TypeError("missing argument for %s" % f.name)
                args = args + [self.eval(p.default, self.globals)]
        for p, v in zip(params, args):
            inner.vars[p.name] = Cell(V_copy(v))
        if self_value is not None:
            inner.vars["self"] = self_value
        try:
            return self.exec_block_in(f.body, inner)
        except _Return as r:
            return r.value

    def _fun_scope(self, f, scope):
        """Functions see other functions (the nested ones of their own block too), no variables."""
        s = scope
        while s is not None and s.funs.get(f.name) is not f:
            s = s.parent
        out = Scope(self.globals)
        while s is not None:
            for k, g in s.funs.items():
                out.funs.setdefault(k, g)
            s = s.parent
        return out

    def e_Lambda(self, e, scope):
        return Closure(e.params, e.body, scope)

    def e_Method(self, e, scope):
        from ruchy_frontend.tests.progen.core import methods
        return methods.call(self, e, scope)

    e_Collect = e_Method

    def e_Path(self, e, scope):
        from ruchy_frontend.tests.progen.core import methods
        return methods.path(self, e, scope)

    def make_variant(self, enum, variant, args):
        payload = self.program.variants[(enum, variant)]
        if payload and isinstance(payload[0], tuple):
            return V.EnumV(enum, variant, args, [f for f, _ in payload])
        return V.EnumV(enum, variant, args)

    def e_Index(self, e, scope):
        base = self.eval(e.e, scope)
        i = self.eval(e.i, scope)
        if isinstance(base, V.MapV):
            if i not in base.items:
                raise RuchyError("KeyNotFound")
            return base.items[i]
        if isinstance(base, str):
            from ruchy_frontend.tests.progen.core import strs
            return strs.index(base, i)
        return base[vec_index(base, i)]

    def e_Slice(self, e, scope):
        from ruchy_frontend.tests.progen.core import strs
        base = self.eval(e.e, scope)
        a = self.eval(e.a, scope) if e.a is not None else None
        b = self.eval(e.b, scope) if e.b is not None else None
        if isinstance(base, str):
            return strs.slice_bytes(base, a, b)
        n = len(base)
        lo = 0 if a is None else a
        hi = n if b is None else b
        if not 0 <= lo <= hi <= n:
            raise RuchyError("IndexOutOfRange")
        return list(base[lo:hi])

    def e_Field(self, e, scope):
        base = self.eval(e.e, scope)
        if isinstance(base, (V.StructV, V.ClassObj)):
            return base.fields[e.name]
        raise TypeError("field of %r" % (base,))

    def e_TupleField(self, e, scope):
        base = self.eval(e.e, scope)
        if isinstance(base, V.StructV):  # tuple struct
            return base.fields[str(e.i)]
        return base[e.i]

    def e_StructLit(self, e, scope):
        fields = {f: V_copy(self.eval(x, scope)) for f, x in e.fields}
        if e.name in self.program.classes:
            raise TypeError("class built with a literal")
        decl = self.program.structs.get(e.name)
        if decl is None:
            enum_variant = e.name.split("::")
            if len(enum_variant) == 2 and (enum_variant[0], enum_variant[1]) in self.program.variants:
                payload = self.program.variants[(enum_variant[0], enum_variant[1])]
                return V.EnumV(enum_variant[0], enum_variant[1], [fields[f] for f, _ in payload], [f for f, _ in payload])
            raise NameError(e.name)
        return V.StructV(e.name, fields)

    def e_VecLit(self, e, scope):
        return [V_copy(self.eval(x, scope)) for x in e.items]

    def e_TupleLit(self, e, scope):
        return tuple(V_copy(self.eval(x, scope)) for x in e.items)

    def e_MapLit(self, e, scope):
        items = {}
        for k, x in e.pairs:
            items[self.eval(k, scope)] = V_copy(self.eval(x, scope))
        return V.MapV(items)

    def e_If(self, e, scope):
        if self.truth(self.eval(e.cond, scope)):
            return self.block(e.then, scope)
        if e.other is None:
            return V.UNIT
        if isinstance(e.other, S.Block):
            return self.block(e.other, scope)
        return self.eval(e.other, scope)

    def e_IfLet(self, e, scope):
        v = self.eval(e.e, scope)
        binds = {}
        if self.match(e.pat, v, binds):
            inner = Scope(scope)
            for k, x in binds.items():
                inner.vars[k] = Cell(x)
            return self.exec_block_in(e.then, inner)
        if e.other is None:
            return V.UNIT
        if isinstance(e.other, S.Block):
            return self.block(e.other, scope)
        return self.eval(e.other, scope)

    def e_Block(self, e, scope):
        return self.block(e, scope)

    def e_Match(self, e, scope):
        v = self.eval(e.e, scope)
        for arm in e.arms:
            binds = {}
            if not self.match(arm.pat, v, binds):
                continue
            inner = Scope(scope)
            for k, x in binds.items():
                inner.vars[k] = Cell(x)
            if arm.guard is not None and not self.truth(self.eval(arm.guard, inner)):
                continue
            return self.eval(arm.body, inner)
        raise RuchyError("NoMatch")

    def e_FString(self, e, scope):
        out = []
        for p in e.parts:
            if isinstance(p, str):
                out.append(p)
            else:
                inner, spec = p
                out.append(rustfmt.format_value(self.eval(inner, scope), rustfmt.parse(spec or "")))
        return "".join(out)

    def e_Format(self, e, scope):
        return rustfmt.template(e.template, [self.eval(a, scope) for a in e.args])

    def e_Loop(self, e, scope):
        return self.loop_stmt(e.label, scope, lambda: True, e.body)

    def e_Question(self, e, scope):
        v = self.eval(e.e, scope)
        if isinstance(v, (V.SomeV, V.OkV)):
            return v.v
        raise _Return(v)

    # ------------------------------------------------------------------------------ patterns
    def match(self, p, v, binds):
        if isinstance(p, S.PWild):
            return True
        if isinstance(p, S.PBind):
            binds[p.name] = v
            return True
        if isinstance(p, S.PLit):
            return _equal(p.value, v)
        if isinstance(p, S.PRange):
            lo, hi = p.lo.value, p.hi.value
            return lo <= v <= hi if p.inclusive else lo <= v < hi
        if isinstance(p, S.POr):
            return any(self.match(a, v, binds) for a in p.alts)
        if isinstance(p, S.PAt):
            if self.match(p.pat, v, binds):
                binds[p.name] = v
                return True
            return False
        if isinstance(p, S.TuplePat):
            return all(self.match(a, x, binds) for a, x in zip(p.items, v))
        if isinstance(p, S.PCtor):
            if p.enum == "Option":
                if p.variant == "None":
                    return v == V.NONE
                return isinstance(v, V.SomeV) and self.match(p.args[0], v.v, binds)
            if p.enum == "Result":
                cls = V.OkV if p.variant == "Ok" else V.ErrV
                return isinstance(v, cls) and self.match(p.args[0], v.v, binds)
            if not (isinstance(v, V.EnumV) and v.enum == p.enum and v.variant == p.variant):
                return False
            return all(self.match(a, x, binds) for a, x in zip(p.args or [], v.args))
        if isinstance(p, S.PStruct):
            if p.enum is not None:
                if not (isinstance(v, V.EnumV) and v.enum == p.enum and v.variant == p.variant):
                    return False
                fields = dict(zip(v.field_names, v.args))
            else:
                fields = v.fields
            for f, sub in p.fields:
                if sub is None:
                    binds[f] = fields[f]
                elif not self.match(sub, fields[f], binds):
                    return False
            return True
        raise TypeError("cannot match %r" % (p,))

    # ----------------------------------------------------------------------------- iteration
    def iterate(self, v):
        from ruchy_frontend.tests.progen.core import methods
        return methods.iterate(v)

    # -------------------------------------------------------------------------------- places
    def place(self, e, scope):
        """The place an assignment target or a mutating method's receiver denotes."""
        if isinstance(e, S.Name):
            c = scope.lookup(e.name)
            if c is None:
                raise NameError(e.name)
            return CellPlace(c)
        if isinstance(e, S.Paren):
            return self.place(e.e, scope)
        if isinstance(e, S.Deref):
            inner = e.e
            if isinstance(inner, S.Name):
                c = scope.lookup(inner.name)
                if c is not None and isinstance(c.v, RefV):
                    return c.v.place
            return self.place(inner, scope)
        if isinstance(e, S.Field):
            if isinstance(e.e, S.Name) and e.e.name == "self":
                return FieldPlace(CellPlace(scope.lookup("self")), e.name)
            return FieldPlace(self.place(e.e, scope), e.name)
        if isinstance(e, S.TupleField):
            return TupleFieldPlace(self.place(e.e, scope), e.i)
        if isinstance(e, S.Index):
            parent = self.place(e.e, scope)
            return IndexPlace(parent, self.eval(e.i, scope))
        if isinstance(e, S.Method):
            v = self.eval(e, scope)
            if isinstance(v, RefV):
                return v.place
            return ValuePlace(v)
        return ValuePlace(self.eval(e, scope))


# `spawn(task)` and `sleep(ms)` as the oracle sees them (see e_Await).
ASYNC_BUILTINS = {
    "spawn": lambda machine, args, scope: machine.eval(args[0], scope),
    "sleep": lambda machine, args, scope: V.UNIT,
}


def V_copy(v):
    """Values are immutable in the evaluator except class objects (shared on purpose)."""
    return v


def _equal(a, b):
    if isinstance(a, bool) != isinstance(b, bool):
        return False
    return a == b


def _float_op(op, a, b):
    import math
    if op == "+":
        return a + b
    if op == "-":
        return a - b
    if op == "*":
        return a * b
    if op == "/":
        if b == 0:
            raise Unsupported("float division by zero")
        return a / b
    if op == "%":
        if b == 0:
            raise Unsupported("float remainder by zero")
        return math.fmod(a, b)
    if op == "**":
        try:
            r = math.pow(a, b)
        except (OverflowError, ValueError):
            raise Unsupported("float power out of range")
        return r
    raise TypeError("float op " + op)


def _c_strlen(args):
    """strlen of a `&str` argument: its UTF-8 bytes; a NUL inside cannot cross (Ruchy.InvalidArgument)."""
    text = args[0]
    if "\0" in text:
        raise RuchyError("InvalidArgument", "a string passed to C function `strlen` contains a NUL byte")
    return len(text.encode("utf-8"))


def _c_abs(args):
    """abs/labs: the generator never passes the most negative value (C leaves it undefined)."""
    return abs(args[0])


# The C library functions programs of the extern_c class call, by symbol.
C_FUNCTIONS = {"strlen": _c_strlen, "abs": _c_abs, "labs": _c_abs}
