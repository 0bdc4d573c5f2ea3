"""Random statements and helper functions: the "general" class (expressions, statements and
control flow nobody listed), and the filler the targeted classes put around their constructs.

Loops always terminate by construction (bounded ranges, counters the body cannot touch); the
oracle's step budget drops the rare program that still runs long.
"""

from ruchy_frontend.tests.progen.core import ints
from ruchy_frontend.tests.progen.core import syntax as S
from ruchy_frontend.tests.progen.gen import literals as L
from ruchy_frontend.tests.progen.gen import types as T
from ruchy_frontend.tests.progen.gen.exprs import ExprGen

VALUE_TYPES = [T.I64, T.I64, T.I64, T.F64, T.BOOL, T.STR, T.STR, T.CHAR, T.VecT(T.I64), T.VecT(T.STR),
               T.TupT([T.I64, T.STR]), T.OptT(T.I64)]


class StmtGen:
    def __init__(self, ctx):
        self.ctx = ctx
        self.rng = ctx.rng
        self.ex = ExprGen(ctx)

    def value_type(self):
        ty = self.rng.choice(VALUE_TYPES + self.ctx.structs)
        if ty == T.I64:
            return self.ctx.int_type()
        return ty

    # ------------------------------------------------------------------------------ blocks
    def block(self, n, depth):
        self.ctx.push()
        out = self.stmts(n, depth)
        self.ctx.pop()
        return S.Block(out)

    def stmts(self, n, depth):
        """n statement groups, flattened (some productions are several statements)."""
        out = []
        for _ in range(n):
            s = self.stmt(depth)
            out.extend(s if isinstance(s, list) else [s])
        return out

    def stmt(self, depth):
        opts = [
            (5, lambda: self.let()),
            (3, lambda: self.assign()),
            (3, lambda: self.print_some()),
            (1, lambda: self.push_pop()),
            (2 if depth > 0 else 0, lambda: self.if_stmt(depth - 1)),
            (1 if depth > 0 else 0, lambda: self.while_stmt(depth - 1)),
            (2 if depth > 0 else 0, lambda: self.for_stmt(depth - 1)),
            (1 if depth > 0 else 0, lambda: self.nested_block(depth - 1)),
            (1 if depth > 0 else 0, lambda: self.match_stmt(depth - 1)),
            (1 if depth > 0 else 0, lambda: self.loop_break(depth - 1)),
        ]
        return self.ex._pick(opts)

    # -------------------------------------------------------------------------- statements
    def let(self, ty=None, name=None, init=None):
        ty = ty or self.value_type()
        name = name or self.ctx.local_name()
        init = init or self.ex.gen(ty, self.rng.randint(0, 2))
        mut = self.ctx.chance(0.6)
        annotate = self.ctx.chance(0.3) or _needs_annotation(ty, init)
        kw = "var" if mut and self.ctx.chance(0.15) else "let"
        self.ctx.declare(name, ty, mut)
        return S.Let(name, init, mut=mut and kw == "let", ty=ty.text() if annotate else None, kw=kw)

    def assign(self):
        muts = [v for v in self.ctx.visible() if v.mut and not isinstance(v.ty, T.NamedT)]
        if not muts:
            return self.let()
        v = self.rng.choice(muts)
        if isinstance(v.ty, T.IntT) and self.ctx.chance(0.5):
            op = self.rng.choice(["+", "-", "*"])
            return S.Assign(S.Name(v.name), self.ex._operand(v.ty, 1, True), op=op, ity=v.ty.ity)
        if v.ty == T.STR and self.ctx.chance(0.3):
            return S.Assign(S.Name(v.name), self.ex.gen(T.STR, 1), op="+")
        e = self.ex.gen(v.ty, 2)
        if _is_name(e, v.name):  # `x = x` is clang's -Wself-assign: the warning-traps class has it
            e = self.ex.gen(v.ty, 0)
            if _is_name(e, v.name):
                return self.print_some()
        return S.Assign(S.Name(v.name), e)

    def push_pop(self):
        vecs = [v for v in self.ctx.visible() if v.mut and isinstance(v.ty, T.VecT)]
        if not vecs:
            return self.print_some()
        v = self.rng.choice(vecs)
        if self.ctx.chance(0.7):
            return S.ExprStmt(S.Method(S.Name(v.name), "push", [self.ex.gen(v.ty.elem, 1)]))
        return S.Print("println", [S.Method(S.Name(v.name), "pop")])

    def print_some(self):
        vs = self.ctx.visible()
        args = []
        for _ in range(self.rng.randint(1, 3)):
            if vs and self.ctx.chance(0.6):
                args.append(S.Name(self.rng.choice(vs).name))
            else:
                args.append(self.ex.gen(self.rng.choice([T.I64, T.STR, T.BOOL, self.ctx.int_type()]), 2))
        if args and isinstance(args[0], S.Lit) and isinstance(args[0].value, str):
            args.insert(0, L.str_lit("v"))
        kind = self.rng.choice(["println", "println", "println", "print"])
        if kind == "print":
            args.append(L.str_lit("|"))
        return S.Print(kind, args)

    def if_stmt(self, depth):
        cond = self.ex.gen(T.BOOL, 2)
        then = self.block(self.rng.randint(1, 3), depth)
        other = None
        if self.ctx.chance(0.4):
            other = self.block(self.rng.randint(1, 2), depth)
        elif self.ctx.chance(0.2):
            other = S.If(self.ex.gen(T.BOOL, 1), self.block(1, depth), self.block(1, depth))
        return S.ExprStmt(S.If(cond, then, other))

    def while_stmt(self, depth):
        k = self.ctx.names.fresh("k")
        limit = self.rng.randint(0, 5)
        self.ctx.push()
        self.ctx.declare(k, T.I64, mut=False)  # the body reads the counter, never writes it
        body = self.block(self.rng.randint(1, 3), depth)
        self.ctx.pop()
        body.stmts.append(S.Assign(S.Name(k), L.int_lit(1, ints.I64), op="+", ity=ints.I64))
        return [S.Let(k, L.int_lit(0, ints.I64), mut=True),
                S.While(S.Binary("<", S.Name(k), L.int_lit(limit, ints.I64), ints.I64), body)]

    def for_stmt(self, depth):
        var = self.ctx.local_name("i")
        r = self.rng.random()
        if r < 0.5:
            lo = self.rng.randint(-2, 3)
            hi = lo + self.rng.randint(0, 5)
            op = self.rng.choice(["..", "..="])
            it, ty = S.Binary(op, L.int_lit(lo, ints.I64), L.int_lit(hi, ints.I64), ints.I64), T.I64
        elif r < 0.8:
            ty = self.rng.choice([T.I64, T.STR])
            it = self.ex.gen(T.VecT(ty), 1)
        else:
            it, ty = self.ex.gen(T.STR, 1), T.CHAR
        self.ctx.push()
        self.ctx.declare(var, ty)
        body = self.block(self.rng.randint(1, 3), depth)
        self.ctx.pop()
        return S.For(var, it, body)

    def nested_block(self, depth):
        return S.ExprStmt(self.block(self.rng.randint(1, 3), depth))

    def match_stmt(self, depth):
        scrut = self.ex.gen(T.I64, 1)
        arms = []
        seen = set()
        for _ in range(self.rng.randint(1, 3)):
            v = self.rng.randint(-2, 5)
            if v in seen:
                continue
            seen.add(v)
            arms.append(S.MatchArm(S.PLit(v, str(v) if v >= 0 else "-%d" % -v), self.block(1, depth)))
        arms.append(S.MatchArm(S.PWild(), self.block(1, depth)))
        return S.ExprStmt(S.Match(scrut, arms))

    def loop_break(self, depth):
        """`let r = loop { ...; if k == n { break v } ... }` with a counter."""
        k = self.ctx.names.fresh("k")
        name = self.ctx.local_name("found")
        limit = self.rng.randint(0, 4)
        self.ctx.push()
        self.ctx.declare(k, T.I64, mut=False)
        inner = self.block(self.rng.randint(0, 2), depth)
        value = self.ex.gen(T.I64, 1)
        self.ctx.pop()
        inner.stmts.insert(0, S.ExprStmt(S.If(S.Binary(">=", S.Name(k), L.int_lit(limit, ints.I64), ints.I64),
                                              S.Block([S.Break(value)]))))
        inner.stmts.append(S.Assign(S.Name(k), L.int_lit(1, ints.I64), op="+", ity=ints.I64))
        self.ctx.declare(name, T.I64)
        return [S.Let(k, L.int_lit(0, ints.I64), mut=True), S.Let(name, S.Loop(inner))]

    # --------------------------------------------------------------------------- functions
    def helper_function(self):
        """A function the test's body may call: typed or untyped parameters, an early return."""
        ret = self.rng.choice([T.I64, T.I64, T.STR, T.BOOL, T.F64, self.ctx.int_type()])
        nparams = self.rng.randint(0, 3)
        ptys = [self.rng.choice([T.I64, T.STR, T.BOOL, ret]) for _ in range(nparams)]
        name = self.ctx.global_name(self.rng.choice(["calc", "step", "pick", "mix", "f", "g", "helper"]))
        saved = self.ctx.scopes
        self.ctx.scopes = [{}, {}]
        params = []
        for pty in ptys:
            pname = self.ctx.local_name("arg")
            self.ctx.declare(pname, pty)
            params.append(S.Param(pname, pty.text()))
        stmts = [s for s in self.stmts(self.rng.randint(0, 2), 1) if not isinstance(s, S.Print)]
        if self.ctx.chance(0.3):
            stmts.append(S.ExprStmt(S.If(self.ex.gen(T.BOOL, 1), S.Block([S.Return(self.ex.gen(ret, 1))]))))
        tail = self.ex.gen(ret, 2)
        self.ctx.scopes = saved
        decl = S.FunDecl(name, params, ret.text(), S.Block(stmts, tail), kw=self.rng.choice(["fun", "fun", "fn"]))
        from ruchy_frontend.tests.progen.gen.context import Fun
        self.ctx.funs.append(Fun(name, ptys, ret))
        return decl

    def print_all(self):
        """Prints every variable in scope (so a wrong value anywhere shows)."""
        vs = [v for v in self.ctx.visible() if not isinstance(v.ty, T.FnT)]
        if not vs:
            return []
        return [S.Print("println", [S.Name(v.name) for v in vs[i:i + 4]]) for i in range(0, len(vs), 4)]


def _needs_annotation(ty, init):
    """Annotate where inference alone cannot settle the type (empty literals, None)."""
    if isinstance(init, S.VecLit) and not init.items:
        return True
    if isinstance(init, S.Name) and init.name == "None":
        return True
    return isinstance(ty, T.IntT) and ty.ity is not ints.I64 and isinstance(init, S.Lit) and not init.text.endswith(ty.ity.name)


def _is_name(e, name):
    while isinstance(e, S.Paren):
        e = e.e
    return isinstance(e, S.Name) and e.name == name
