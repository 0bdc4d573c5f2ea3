"""Random well-typed expressions of a requested type (the grammar-driven core of the generator).

`ExprGen(ctx).gen(ty, depth)` returns a syntax tree of type ty. Leaves are literals and variables
in scope; inner nodes are operators, casts, conditionals, blocks, matches, calls of the test's
functions and library methods. The generator only promises well-typedness; what the expression
evaluates to (including a run-time error) is the oracle's business (core/interp.py).

Typing rules this relies on (docs/language.md): integer literals take the type of the typed
operand beside them, otherwise i64 (so non-i64 literals carry a suffix unless a typed operand
anchors them); operands of one operator have one type; `len()` is i64; an i64 meets an f64 by
becoming a float.
"""

from ruchy_frontend.tests.progen.core import ints
from ruchy_frontend.tests.progen.core import syntax as S
from ruchy_frontend.tests.progen.gen import literals as L
from ruchy_frontend.tests.progen.gen import types as T

ARITH = ["+", "-", "*", "/", "%"]
BITS = ["&", "|", "^", "<<", ">>"]
COMPARE = ["<", "<=", ">", ">=", "==", "!="]


class ExprGen:
    def __init__(self, ctx):
        self.ctx = ctx
        self.rng = ctx.rng

    # ------------------------------------------------------------------------------ dispatch
    def gen(self, ty, depth=2):
        if isinstance(ty, T.IntT):
            return self.int_expr(ty, depth)
        if ty == T.F64:
            return self.float_expr(depth)
        if ty == T.BOOL:
            return self.bool_expr(depth)
        if ty == T.STR:
            return self.str_expr(depth)
        if ty == T.CHAR:
            return self.char_expr(depth)
        if isinstance(ty, T.VecT):
            return self.vec_expr(ty, depth)
        if isinstance(ty, T.OptT):
            return self.opt_expr(ty, depth)
        if isinstance(ty, T.TupT):
            return S.TupleLit([self.gen(t, depth - 1) for t in ty.items])
        if isinstance(ty, T.NamedT) and ty.kind == "struct":
            return self.struct_lit(ty, depth)
        raise TypeError("no generator for %r" % (ty,))

    def leaf(self, ty):
        v = self.ctx.pick_var(ty)
        if v is not None and self.ctx.chance(0.7):
            return S.Name(v.name)
        return self.gen(ty, 0)

    def maybe_paren(self, e):
        return S.Paren(e) if self.ctx.chance(0.08) else e

    def _pick(self, options):
        """options: (weight, thunk) pairs; thunks may return None when not applicable."""
        options = [(w, f) for w, f in options if w > 0]
        while options:
            total = sum(w for w, _ in options)
            r = self.rng.random() * total
            for i, (w, f) in enumerate(options):
                r -= w
                if r <= 0:
                    out = f()
                    if out is not None:
                        return out
                    del options[i]
                    break
        raise RuntimeError("no production applied")

    # ------------------------------------------------------------------------------ integers
    def int_lit(self, ty, anchored=False):
        ity = ty.ity
        wide = self.ctx.wide_literals()
        v = L.interesting_int(self.rng, ity, wide)
        if wide and abs(v) > L.SMALL_MAGNITUDE:
            self.ctx.count("int_wrapping")
        if ity is not ints.I64 and (v < 0 and not ity.signed):
            v = -v
        suffix = ity is not ints.I64 and (not anchored or self.ctx.chance(0.4))
        if ity is ints.I64 and v == ity.min:
            v += 1
        return L.int_lit(v, ity, suffix)

    def int_expr(self, ty, depth):
        ity = ty.ity
        if ity is not ints.I64 and self.ctx.on("int_wrapping"):
            self.ctx.count("int_wrapping")
        if depth <= 0:
            v = self.ctx.pick_var(ty)
            if v is not None and self.ctx.chance(0.6):
                return S.Name(v.name)
            return self.int_lit(ty)
        d = depth - 1
        opts = [
            (3, lambda: self.leaf(ty)),
            (5, lambda: self.int_arith(ty, d)),
            (2, lambda: self.int_bits(ty, d)),
            (1, lambda: S.Unary("-", self.maybe_paren(self.gen(ty, d)), ity) if ity.signed else None),
            (1, lambda: S.Unary("~", self.maybe_paren(self.gen(ty, d)), ity) if self.ctx.on("int_wrapping") else None),
            (2, lambda: self.int_cast(ty, d)),
            (1, lambda: self.if_expr(ty, d)),
            (1, lambda: self.block_expr(ty, d)),
            (1, lambda: self.call_fun(ty, d)),
            (1, lambda: self.int_from_collections(ty, d)),
            (1, lambda: self.tuple_or_field(ty)),
            (1, lambda: self.match_int(ty, d)),
        ]
        return self._pick(opts)

    def _operand(self, ty, d, anchored):
        e = self.gen(ty, d)
        if isinstance(e, S.Lit) and anchored and ty.ity is not ints.I64 and self.ctx.chance(0.5):
            return L.int_lit(e.value, ty.ity, suffix=False)
        return e

    def int_arith(self, ty, d):
        op = self.rng.choice(ARITH)
        a = self.gen(ty, d)
        b = self._operand(ty, d, anchored=not isinstance(a, S.Lit))
        if op in ("/", "%") and self.ctx.chance(0.85):
            # Mostly a divisor that cannot be zero; sometimes whatever came (the oracle knows).
            if isinstance(b, S.Lit):
                if b.value == 0:
                    b = L.int_lit(3, ty.ity, suffix=b.text.endswith(ty.ity.name))
            else:
                b = S.Paren(S.Binary("|", b, L.int_lit(1, ty.ity), ty.ity))
        if self.ctx.on("int_wrapping") and ty.ity is not ints.I64:
            self.ctx.count("int_wrapping")
        return S.Binary(op, self.maybe_paren(a), self.maybe_paren(b), ty.ity)

    def int_bits(self, ty, d):
        op = self.rng.choice(BITS)
        a = self.gen(ty, d)
        if op in ("<<", ">>"):
            b = self.int_lit(ty, anchored=not isinstance(a, S.Lit))
            amount = self.rng.choice([0, 1, 3, 7, ty.ity.bits - 1, ty.ity.bits, ty.ity.bits + 1, 2 * ty.ity.bits - 1])
            if self.ctx.on("int_wrapping"):
                self.ctx.count("int_wrapping")
            else:
                amount = amount % ty.ity.bits
            b = L.int_lit(amount, ty.ity, suffix=isinstance(a, S.Lit) or self.ctx.chance(0.5))
        else:
            b = self._operand(ty, d, anchored=not isinstance(a, S.Lit))
        return S.Binary(op, self.maybe_paren(a), self.maybe_paren(b), ty.ity)

    def int_cast(self, ty, d):
        r = self.rng.random()
        if r < 0.5 and self.ctx.on("int_wrapping"):
            src = self.rng.choice(T.INT_TYPES)
            self.ctx.count("int_wrapping")
        elif r < 0.75:
            src = T.I64
        elif r < 0.9:
            src = T.F64
        else:
            src = T.CHAR
        if src == ty and self.ctx.chance(0.5):
            return None
        return S.Cast(self.gen(src, d), ty.ity)

    def int_from_collections(self, ty, d):
        if ty != T.I64:
            return None
        r = self.rng.random()
        if r < 0.4:
            return S.Method(self.gen(T.STR, d), "len")
        if r < 0.8:
            return S.Method(self.gen(T.VecT(T.I64), d), "len")
        return S.Method(self.gen(T.OptT(T.I64), d), "unwrap_or", [self.gen(T.I64, d)])

    def tuple_or_field(self, ty):
        for v in self.ctx.visible():
            if isinstance(v.ty, T.TupT) and ty in v.ty.items and self.ctx.chance(0.5):
                return S.TupleField(S.Name(v.name), list(v.ty.items).index(ty))
            if isinstance(v.ty, T.NamedT) and v.ty.kind == "struct":
                for f, ft in v.ty.fields.items():
                    if ft == ty and self.ctx.chance(0.5):
                        return S.Field(S.Name(v.name), f)
        return None

    def match_int(self, ty, d):
        scrut_ty = self.ctx.int_type() if self.ctx.chance(0.5) else T.I64
        scrut = self.gen(scrut_ty, d)
        arms = []
        used = set()
        for _ in range(self.rng.randint(1, 3)):
            v = L.interesting_int(self.rng, scrut_ty.ity, self.ctx.wide_literals())
            if v in used or v == scrut_ty.ity.min:
                continue
            used.add(v)
            lit = L.int_lit(v, scrut_ty.ity)
            arms.append(S.MatchArm(S.PLit(v, lit.text), self.gen(ty, d)))
        if self.ctx.chance(0.3) and scrut_ty.ity.signed:
            lo = self.rng.randint(-50, 50)
            hi = lo + self.rng.randint(0, 30)
            arms.append(S.MatchArm(S.PRange(L.int_lit(lo, scrut_ty.ity), L.int_lit(hi, scrut_ty.ity)), self.gen(ty, d)))
        name = self.ctx.names.fresh("other")
        self.ctx.push()
        if self.ctx.chance(0.5):
            self.ctx.declare(name, scrut_ty)
            last = S.PBind(name)
        else:
            last = S.PWild()
        arms.append(S.MatchArm(last, self.gen(ty, d)))
        self.ctx.pop()
        return S.Match(scrut, arms)

    # -------------------------------------------------------------------------------- floats
    def float_expr(self, depth):
        if depth <= 0:
            v = self.ctx.pick_var(T.F64)
            if v is not None and self.ctx.chance(0.6):
                return S.Name(v.name)
            f = self.rng.choice(L.SIMPLE_FLOATS)
            return L.float_lit(-f if self.ctx.chance(0.2) else f)
        d = depth - 1
        return self._pick([
            (3, lambda: self.leaf(T.F64)),
            (4, lambda: S.Binary(self.rng.choice(["+", "-", "*"]), self.gen(T.F64, d), self.gen(T.F64, d))),
            (1, lambda: S.Binary("/", self.gen(T.F64, d), L.float_lit(self.rng.choice([2.0, 4.0, 0.5, 8.0, 10.0])))),
            (1, lambda: S.Unary("-", self.maybe_paren(self.gen(T.F64, d)))),
            (2, lambda: S.Cast(self.gen(T.I64, d), "f64")),
            (1, lambda: S.Method(self.maybe_paren(self.gen(T.F64, d)), self.rng.choice(["floor", "ceil", "round", "abs"]))),
            (1, lambda: S.Binary(self.rng.choice(["*", "+"]), self.gen(T.I64, d), self.gen(T.F64, d))),  # i64 meets f64
            (1, lambda: self.if_expr(T.F64, d)),
            (1, lambda: self.call_fun(T.F64, d)),
        ])

    # ------------------------------------------------------------------------------- bools
    def bool_expr(self, depth):
        if depth <= 0:
            v = self.ctx.pick_var(T.BOOL)
            if v is not None and self.ctx.chance(0.6):
                return S.Name(v.name)
            return L.bool_lit(self.ctx.chance(0.5))
        d = depth - 1
        return self._pick([
            (2, lambda: self.leaf(T.BOOL)),
            (5, lambda: self.compare(d)),
            (2, lambda: S.Binary(self.rng.choice(["&&", "||"]), self.maybe_paren(self.gen(T.BOOL, d)),
                                 self.maybe_paren(self.gen(T.BOOL, d)))),
            (1, lambda: S.Unary("!", self.maybe_paren(self.gen(T.BOOL, d)))),
            (2, lambda: self.bool_method(d)),
            (1, lambda: self.if_expr(T.BOOL, d)),
            (1, lambda: self.call_fun(T.BOOL, d)),
        ])

    def compare(self, d):
        r = self.rng.random()
        if r < 0.45:
            ty = self.ctx.int_type()
        elif r < 0.6:
            ty = T.F64
        elif r < 0.75:
            ty = T.STR
        elif r < 0.9 and self.ctx.on("char_compare"):
            ty = T.CHAR
            self.ctx.count("char_compare")
        else:
            ty = T.BOOL
        op = self.rng.choice(COMPARE if ty != T.BOOL else ["==", "!="])
        if ty == T.F64 and op in ("==", "!="):
            op = "<"
        a = self.gen(ty, d)
        b = self._operand(ty, d, not isinstance(a, S.Lit)) if isinstance(ty, T.IntT) else self.gen(ty, d)
        if _same_name(a, b):  # `x < x` is clang's -Wtautological-compare: the warning-traps class has it
            b = self.gen(ty, 0) if not isinstance(ty, T.IntT) else self.int_lit(ty, anchored=True)
            if _same_name(a, b):
                return L.bool_lit(self.ctx.chance(0.5))
        return S.Binary(op, self.maybe_paren(a), self.maybe_paren(b), ty.ity if isinstance(ty, T.IntT) else None)

    def bool_method(self, d):
        r = self.rng.random()
        if r < 0.3:
            return S.Method(self.gen(T.STR, d), self.rng.choice(["contains", "starts_with", "ends_with"]),
                            [self.gen(T.STR, 0)])
        if r < 0.5:
            return S.Method(self.gen(T.STR, d), "is_empty")
        if r < 0.75:
            return S.Method(self.gen(T.VecT(T.I64), d), "contains", [self.gen(T.I64, 0)])
        return S.Method(self.gen(T.OptT(T.I64), d), self.rng.choice(["is_some", "is_none"]))

    # ------------------------------------------------------------------------------ strings
    def str_lit(self):
        return L.str_lit(self.rng.choice(L.ASCII_WORDS))

    def str_expr(self, depth):
        if depth <= 0:
            v = self.ctx.pick_var(T.STR)
            if v is not None and self.ctx.chance(0.6):
                return S.Name(v.name)
            return self.str_lit()
        d = depth - 1
        return self._pick([
            (3, lambda: self.leaf(T.STR)),
            (3, lambda: S.Binary("+", self.gen(T.STR, d), self.gen(T.STR, d))),
            (1, lambda: S.Method(self.gen(self.rng.choice([T.I64, T.BOOL]), d), "to_string")),
            (1, lambda: S.Method(self.gen(T.STR, d), self.rng.choice(["to_upper", "to_lower", "trim"]))),
            (1, lambda: S.Method(self.gen(T.STR, d), "repeat", [L.int_lit(self.rng.randint(0, 3), ints.I64)])),
            (1, lambda: S.Method(self.gen(T.STR, d), "replace", [L.str_lit(self.rng.choice("abo")), self.str_lit()])),
            (2, lambda: S.FString(self.fstring_parts(d))),
            (1, lambda: S.Format("format!", "{}-{}", [self.gen(T.I64, d), self.gen(T.STR, d)])),
            (1, lambda: S.Method(self.gen(T.VecT(T.STR), d), "join", [L.str_lit(self.rng.choice([",", " ", "", "--"]))])),
            (1, lambda: self.if_expr(T.STR, d)),
            (1, lambda: self.call_fun(T.STR, d)),
        ])

    def fstring_parts(self, d):
        parts = []
        for _ in range(self.rng.randint(1, 3)):
            parts.append(self.rng.choice(["", "x=", " ", "[", "] ", "{", "}"]))
            parts.append((self.gen(self.rng.choice([T.I64, T.STR, T.BOOL]), d), None))
        return parts

    # -------------------------------------------------------------------------------- chars
    def char_expr(self, depth):
        if depth <= 0 or self.ctx.chance(0.5):
            v = self.ctx.pick_var(T.CHAR)
            if v is not None and self.ctx.chance(0.6):
                return S.Name(v.name)
            return L.char_lit(self.rng.choice(L.ASCII_CHARS))
        d = depth - 1
        return self._pick([
            (1, lambda: S.Method(self.gen(T.CHAR, d), self.rng.choice(["to_ascii_uppercase", "to_ascii_lowercase"]))),
            (1, lambda: self.if_expr(T.CHAR, d)),
            (1, lambda: S.Cast(L.int_lit(self.rng.randint(65, 122), ints.U8, suffix=True), "char")),
        ])

    # --------------------------------------------------------------------- vectors, options
    def vec_expr(self, ty, depth):
        v = self.ctx.pick_var(ty)
        if v is not None and self.ctx.chance(0.5 if depth > 0 else 0.8):
            return S.Name(v.name)
        d = max(0, depth - 1)
        if depth > 0 and ty.elem == T.I64 and self.ctx.chance(0.3):
            x = self.ctx.names.fresh("x")
            self.ctx.push()
            self.ctx.declare(x, T.I64)
            body = self.gen(T.I64, 1)
            self.ctx.pop()
            return S.Method(self.gen(ty, d), "map", [S.Lambda([(x, None)], body)])
        n = self.rng.randint(1, 4)
        return S.VecLit([self.gen(ty.elem, min(d, 1)) for _ in range(n)])

    def opt_expr(self, ty, depth):
        d = max(0, depth - 1)
        v = self.ctx.pick_var(ty)
        if v is not None and self.ctx.chance(0.5):
            return S.Name(v.name)
        if ty.inner == T.I64 and self.ctx.chance(0.4):
            return S.Method(self.gen(T.VecT(T.I64), d), self.rng.choice(["first", "last"]))
        return S.Call(S.Name("Some"), [self.gen(ty.inner, d)])

    def struct_lit(self, ty, depth):
        v = self.ctx.pick_var(ty)
        if v is not None and self.ctx.chance(0.5):
            return S.Name(v.name)
        return S.StructLit(ty.name, [(f, self.gen(ft, max(0, depth - 1))) for f, ft in ty.fields.items()])

    # ------------------------------------------------------------------------ control flow
    def if_expr(self, ty, d):
        cond = self.gen(T.BOOL, d)
        return S.If(cond, S.Block([], self.gen(ty, d)), S.Block([], self.gen(ty, d)))

    def block_expr(self, ty, d):
        name = self.ctx.local_name()
        vty = self.rng.choice([T.I64, ty])
        init = self.gen(vty, d)
        self.ctx.push()
        self.ctx.declare(name, vty)
        tail = self.gen(ty, d)
        self.ctx.pop()
        return S.Block([S.Let(name, init)], tail)

    def call_fun(self, ty, d):
        fs = self.ctx.funs_returning(ty)
        if not fs:
            return None
        f = self.rng.choice(fs)
        return S.Call(S.Name(f.name), [self.gen(p, d) for p in f.params])


def _same_name(a, b):
    def strip(e):
        while isinstance(e, S.Paren):
            e = e.e
        return e
    a, b = strip(a), strip(b)
    return isinstance(a, S.Name) and isinstance(b, S.Name) and a.name == b.name
