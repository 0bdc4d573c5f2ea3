"""shadowing: one name bound again and again: in the same block (with a new type), in nested
blocks, loop bodies, closures (parameters and captures taken before the shadow), match arms,
`if let`, and over a function's name. Every binding is printed where it is visible, so a use
that resolves to the wrong binding prints a wrong value."""

from ruchy_frontend.tests.progen.core import ints
from ruchy_frontend.tests.progen.core import syntax as S
from ruchy_frontend.tests.progen.gen import literals as L
from ruchy_frontend.tests.progen.gen import types as T

NAME = "shadowing"
ISSUE = "issue 11, Names: shadowing (every binding of a name means what the checker resolved)"

_TYPES = [T.I64, T.STR, T.BOOL, T.F64, T.VecT(T.I64), T.TupT([T.I64, T.STR])]


def _i(v):
    return L.int_lit(v, ints.I64)


class _Shadower:
    """Statements that keep rebinding a small pool of names."""

    def __init__(self, ctx, sg):
        self.ctx, self.sg, self.rng = ctx, sg, ctx.rng
        self.pool = []
        for base in self.rng.sample(["x", "y", "n", "s", "val"], 2):
            self.pool.append(base if ctx.names.claim(base) else ctx.names.fresh(base))

    def rebind(self):
        name = self.rng.choice(self.pool)
        ty = self.rng.choice(_TYPES)
        prev = [v for v in self.ctx.visible() if v.name == name]
        if prev and self.ctx.chance(0.6):
            init = self._from_previous(prev[0], ty)
        else:
            init = self.sg.ex.gen(ty, 1)
        self.ctx.count(NAME)
        self.ctx.declare(name, ty, mut=False)
        return S.Let(name, init, ty=ty.text() if self.ctx.chance(0.2) else None)

    def _from_previous(self, prev, ty):
        """The new binding computed from the old one (`let x = x + 1`, `let s = s.len()`)."""
        old = S.Name(prev.name)
        if prev.ty == T.I64:
            if ty == T.STR:
                return S.Method(old, "to_string")
            if ty == T.I64:
                return S.Binary(self.rng.choice(["+", "*", "-"]), old, _i(self.rng.randint(1, 9)), ints.I64)
            if ty == T.BOOL:
                return S.Binary(">", old, _i(0), ints.I64)
            if ty == T.VecT(T.I64):
                return S.VecLit([old, old])
        if prev.ty == T.STR:
            if ty == T.I64:
                return S.Method(old, "len")
            if ty == T.STR:
                return S.Binary("+", old, L.str_lit("!"))
        return self.sg.ex.gen(ty, 1)

    def show(self):
        vis = {v.name: v for v in self.ctx.visible()}
        return S.Print("println", [S.Name(n) for n in self.pool if n in vis] or [L.str_lit("-")])

    def stmts(self, n, depth):
        out = []
        for _ in range(n):
            r = self.rng.random()
            if r < 0.4 or depth <= 0:
                out.append(self.rebind())
            elif r < 0.55:
                out.append(self.show())
            elif r < 0.7:
                self.ctx.push()
                inner = self.stmts(self.rng.randint(1, 3), depth - 1) + [self.show()]
                self.ctx.pop()
                out.append(S.ExprStmt(S.Block(inner)))
            elif r < 0.8:
                var = self.rng.choice(self.pool)
                self.ctx.push()
                self.ctx.declare(var, T.I64)
                inner = self.stmts(self.rng.randint(1, 2), depth - 1) + [self.show()]
                self.ctx.pop()
                out.append(S.For(var, S.Binary("..", _i(0), _i(self.rng.randint(1, 3)), ints.I64), S.Block(inner)))
            elif r < 0.9:
                out += self.closure()
            else:
                out += self.match_arm()
            self.ctx.count(NAME)
        return out

    def closure(self):
        """A closure capturing a name, then the name shadowed: the closure keeps the old one."""
        vis = {v.name: v for v in self.ctx.visible()}
        name = self.rng.choice(self.pool)
        f = self.ctx.names.fresh("f")
        p = self.rng.choice(self.pool)
        if name in vis and vis[name].ty == T.I64 and p != name:
            body = S.Binary("+", S.Name(name), S.Name(p), ints.I64)
        else:
            body = S.Binary("*", S.Name(p), _i(2), ints.I64)
        out = [S.Let(f, S.Lambda([(p, "i64")], body))]
        out.append(self.rebind())
        out.append(S.Print("println", [S.Call(S.Name(f), [_i(self.rng.randint(0, 5))])]))
        return out

    def match_arm(self):
        name = self.rng.choice(self.pool)
        opt = self.ctx.names.fresh("o")
        self.ctx.push()
        self.ctx.declare(name, T.I64)
        arm_body = S.Block([S.Print("println", [S.Name(name)])])
        self.ctx.pop()
        if self.ctx.chance(0.5):
            return [S.Let(opt, S.Call(S.Name("Some"), [self.sg.ex.gen(T.I64, 0)])),
                    S.ExprStmt(S.IfLet(S.PCtor("Some", [S.PBind(name)], "Option", "Some"), S.Name(opt), arm_body)),
                    self.show()]
        return [S.ExprStmt(S.Match(self.sg.ex.gen(T.I64, 0), [S.MatchArm(S.PBind(name), arm_body)])), self.show()]


def generate(ctx, sg):
    sh = _Shadower(ctx, sg)
    stmts = [sh.rebind(), sh.rebind()] + sh.stmts(ctx.rng.randint(3, 7), 2) + [sh.show()]
    decls = []
    if ctx.chance(0.3):
        # A local that shadows a function of the same name.
        fname = ctx.global_name("twice")
        a = ctx.names.fresh("a")
        decls.append(S.FunDecl(fname, [S.Param(a, "i64")], "i64", S.Block([], S.Binary("*", S.Name(a), _i(2), ints.I64))))
        stmts += [S.Print("println", [S.Call(S.Name(fname), [_i(21)])]),
                  S.ExprStmt(S.Block([S.Let(fname, S.Call(S.Name(fname), [_i(5)])), S.Print("println", [S.Name(fname)])])),
                  S.Print("println", [S.Call(S.Name(fname), [_i(4)])])]
    return decls, stmts
