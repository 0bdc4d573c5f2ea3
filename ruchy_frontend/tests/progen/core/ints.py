"""Integer arithmetic at every Ruchy width, as docs/language.md defines it.

Integers wrap on overflow (two's complement), `/` truncates toward zero, `%` takes the sign of the
dividend, division or remainder by zero is the runtime error Ruchy.DivisionByZero, `MIN / -1`
wraps (and `MIN % -1` is 0), shifts take their count modulo the width, `>>` is arithmetic on
signed and logical on unsigned types, and float-to-int casts saturate (NaN gives 0).
"""

import math

from ruchy_frontend.tests.progen.core.errors import RuchyError


class IntType:
    """One integer type: its Ruchy name, width in bits and signedness."""

    __slots__ = ("name", "bits", "signed")

    def __init__(self, name, bits, signed):
        self.name = name
        self.bits = bits
        self.signed = signed

    @property
    def min(self):
        return -(1 << (self.bits - 1)) if self.signed else 0

    @property
    def max(self):
        return (1 << (self.bits - 1)) - 1 if self.signed else (1 << self.bits) - 1

    def wrap(self, v):
        v &= (1 << self.bits) - 1
        if self.signed and v >> (self.bits - 1):
            v -= 1 << self.bits
        return v

    def __repr__(self):
        return self.name


I8 = IntType("i8", 8, True)
I16 = IntType("i16", 16, True)
I32 = IntType("i32", 32, True)
I64 = IntType("i64", 64, True)
U8 = IntType("u8", 8, False)
U16 = IntType("u16", 16, False)
U32 = IntType("u32", 32, False)
U64 = IntType("u64", 64, False)
ISIZE = IntType("isize", 64, True)
USIZE = IntType("usize", 64, False)

ALL = [I8, I16, I32, I64, U8, U16, U32, U64, ISIZE, USIZE]
BY_NAME = {t.name: t for t in ALL}


def _trunc_div(a, b):
    q = abs(a) // abs(b)
    return q if (a >= 0) == (b >= 0) else -q


def binary(op, a, b, t):
    """`a op b` on two values of integer type t."""
    if op == "+":
        return t.wrap(a + b)
    if op == "-":
        return t.wrap(a - b)
    if op == "*":
        return t.wrap(a * b)
    if op == "/":
        if b == 0:
            raise RuchyError("DivisionByZero")
        return t.wrap(_trunc_div(a, b))
    if op == "%":
        if b == 0:
            raise RuchyError("DivisionByZero")
        return t.wrap(a - b * _trunc_div(a, b))
    if op == "&":
        return t.wrap(a & b)
    if op == "|":
        return t.wrap(a | b)
    if op == "^":
        return t.wrap(a ^ b)
    if op == "<<":
        return t.wrap(a << (b % t.bits))
    if op == ">>":
        n = b % t.bits
        if t.signed:
            return t.wrap(a >> n)
        return (a & ((1 << t.bits) - 1)) >> n
    if op == "**":
        assert b >= 0
        return t.wrap(a ** b)
    raise ValueError(op)


def unary(op, a, t):
    if op == "-":
        return t.wrap(-a)
    if op == "~":
        return t.wrap(~a)
    raise ValueError(op)


def cast_int(v, t):
    """`v as t` for an integer v."""
    return t.wrap(v)


def cast_float(f, t):
    """`f as t` for a float f: truncates toward zero and saturates; NaN gives 0."""
    if math.isnan(f):
        return 0
    if math.isinf(f):
        return t.max if f > 0 else t.min
    v = int(f)  # truncates toward zero
    return max(t.min, min(t.max, v))


def literal(v, t, suffix=False):
    """Ruchy source for the value v of type t (a negative minimum is written `(-MAX - 1)`)."""
    s = t.name if suffix else ""
    if v == t.min and t.signed:
        return "(-%d%s - 1%s)" % (t.max, s, s)
    if v < 0:
        return "-%d%s" % (-v, s)
    return "%d%s" % (v, s)
