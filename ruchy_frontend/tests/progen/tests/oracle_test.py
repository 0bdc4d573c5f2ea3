"""The oracle's own semantics, pinned to outputs known independently of this project's compiler:
Rust's std::fmt (the reference is a Rust program), the golden programs' expected outputs, and
the rules of LANGUAGE.md. A wrong oracle would make the generator report false bugs, or miss
real ones."""

import os
import sys
import unittest

sys.path.insert(0, os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", "..", "..")))

from ruchy_frontend.tests.progen.core import ints  # noqa: E402
from ruchy_frontend.tests.progen.core import interp  # noqa: E402
from ruchy_frontend.tests.progen.core import methods  # noqa: E402
from ruchy_frontend.tests.progen.core import render  # noqa: E402
from ruchy_frontend.tests.progen.core import rustfmt  # noqa: E402
from ruchy_frontend.tests.progen.core import strs  # noqa: E402
from ruchy_frontend.tests.progen.core import syntax as S  # noqa: E402
from ruchy_frontend.tests.progen.core import values as V  # noqa: E402
from ruchy_frontend.tests.progen.core.errors import RuchyError, Unsupported  # noqa: E402


def fmt(v, spec):
    return rustfmt.format_value(v, rustfmt.parse(spec))


class ValuesTest(unittest.TestCase):
    def test_floats_as_golden_float_formatting(self):
        # ruchy_frontend/tests/golden/float_formatting.out and lit_floats.out
        self.assertEqual(V.display(1.0 / 3.0), "0.3333333333333333")
        self.assertEqual(V.display(100.0), "100.0")
        self.assertEqual(V.display(-0.5), "-0.5")
        self.assertEqual(V.display(0.1 + 0.2), "0.30000000000000004")
        self.assertEqual(V.display(2.5e-3), "0.0025")
        self.assertEqual(V.display(123456789.125), "123456789.125")
        self.assertEqual(V.display(-0.0), "-0.0")

    def test_float_range_where_reference_versions_disagree_is_not_printed(self):
        with self.assertRaises(Unsupported):
            V.display(1e21)
        with self.assertRaises(Unsupported):
            V.display(2.5e-8)

    def test_containers_quote_strings_and_sort_keys(self):
        self.assertEqual(V.display(["a", "b"]), '["a", "b"]')
        self.assertEqual(V.display((42, "answer")), '(42, "answer")')
        self.assertEqual(V.display(V.MapV({"b": "x", "a": 1})), '{a: 1, b: "x"}')
        self.assertEqual(V.display(V.StructV("Point", {"y": 2, "x": 1})), "Point {x: 1, y: 2}")
        self.assertEqual(V.display(V.SomeV("a")), 'Some("a")')
        self.assertEqual(V.display(V.NONE), "None")
        self.assertEqual(V.display(V.EnumV("E", "Text", [42])), "Text(42)")
        self.assertEqual(V.display(V.UNIT), "nil")
        self.assertEqual(V.display((1,)), "(1)")  # the reference's one-tuple
        self.assertEqual(V.display("top"), "top")


class RustFmtTest(unittest.TestCase):
    """Expected strings are what Rust's format! prints for the same spec."""

    def test_issue_examples(self):
        self.assertEqual(fmt(3.14159, ".2"), "3.14")
        self.assertEqual(fmt(255, "x"), "ff")
        self.assertEqual(fmt(7, ">5"), "    7")
        self.assertEqual(fmt(2.5, "08.3"), "0002.500")
        self.assertEqual(fmt(-2.5, "08.3"), "-002.500")

    def test_alignment_fill_and_defaults(self):
        self.assertEqual(fmt(42, "<6"), "42    ")
        self.assertEqual(fmt("ab", "^6"), "  ab  ")
        self.assertEqual(fmt("ab", "*^7"), "**ab***")
        self.assertEqual(fmt("ab", "5"), "ab   ")  # text aligns left by default
        self.assertEqual(fmt(5, "5"), "    5")  # numbers right
        self.assertEqual(fmt(-7, "0>5"), "000-7")  # a fill of 0 is not the 0 flag
        self.assertEqual(fmt(-7, "05"), "-0007")
        self.assertEqual(fmt("é", ">3"), "  é")  # width counts characters

    def test_sign_radix_exponent_precision(self):
        self.assertEqual(fmt(5, "+"), "+5")
        self.assertEqual(fmt(255, "X"), "FF")
        self.assertEqual(fmt(5, "b"), "101")
        self.assertEqual(fmt(8, "o"), "10")
        self.assertEqual(fmt(255, "08x"), "000000ff")
        self.assertEqual(fmt(1234.5, "e"), "1.2345e3")
        self.assertEqual(fmt(1234.5678, ".2e"), "1.23e3")
        self.assertEqual(fmt(0.000123, "e"), "1.23e-4")
        self.assertEqual(fmt(3, ".2"), "3")  # integers ignore precision
        self.assertEqual(fmt("hello", ".2"), "he")  # text is truncated
        self.assertEqual(fmt(2.675, ".2"), "2.67")  # the double below 2.675
        self.assertEqual(fmt(1.005, ".2"), "1.00")

    def test_unsettled_cases_are_refused(self):
        for v, spec in [(3.0, ""), (0.125, ".2"), (-5, "x"), (2.5, ".0")]:
            with self.assertRaises(Unsupported, msg=(v, spec)):
                fmt(v, spec)

    def test_template(self):
        self.assertEqual(rustfmt.template("{} is {} years old", ["Ada", 36]), "Ada is 36 years old")
        self.assertEqual(rustfmt.template("{{literal}} {}", [1]), "{literal} 1")
        self.assertEqual(rustfmt.template("[{:>4}|{:<3}]", ["a", 7]), "[   a|7  ]")


class IntsTest(unittest.TestCase):
    def test_wrapping_as_golden_integer_overflow_wraps(self):
        self.assertEqual(ints.binary("+", ints.I64.max, 1, ints.I64), ints.I64.min)
        self.assertEqual(ints.binary("+", 250, 10, ints.U8), 4)
        self.assertEqual(ints.binary("+", 2147483647, 1, ints.I32), -2147483648)

    def test_division(self):
        self.assertEqual(ints.binary("/", -7, 2, ints.I64), -3)
        self.assertEqual(ints.binary("%", -7, 3, ints.I64), -1)
        self.assertEqual(ints.binary("/", ints.I64.min, -1, ints.I64), ints.I64.min)
        self.assertEqual(ints.binary("%", ints.I64.min, -1, ints.I64), 0)
        with self.assertRaises(RuchyError):
            ints.binary("/", 1, 0, ints.I64)

    def test_shifts_and_not(self):
        self.assertEqual(ints.binary(">>", 200, 9, ints.U8), 100)  # count modulo the width
        self.assertEqual(ints.binary("<<", 200, 3, ints.U8), 64)
        self.assertEqual(ints.binary(">>", -16, 2, ints.I64), -4)  # arithmetic on signed
        self.assertEqual(ints.unary("~", 200, ints.U8), 55)
        self.assertEqual(ints.unary("-", -128, ints.I8), -128)

    def test_casts(self):
        self.assertEqual(ints.cast_int(300, ints.U8), 44)
        self.assertEqual(ints.cast_int(-1, ints.U32), 4294967295)
        self.assertEqual(ints.cast_float(-3.7, ints.U8), 0)
        self.assertEqual(ints.cast_float(1e20, ints.I32), 2147483647)
        self.assertEqual(ints.cast_float(float("nan"), ints.I64), 0)


class StringsTest(unittest.TestCase):
    def test_issue_example(self):
        s = "héllo wörld"
        i = strs.find(s, " ").v
        self.assertEqual(i, 6)
        self.assertEqual(strs.slice_bytes(s, 0, i), "héllo")
        self.assertEqual(strs.byte_len(s), 13)
        with self.assertRaises(RuchyError) as e:
            strs.slice_bytes(s, 0, 2)
        self.assertEqual(e.exception.kind, "StringIndex")
        self.assertEqual(strs.substring(s, 1, 3), "él")
        self.assertEqual(strs.char_at(s, 1), V.Char("é"))

    def test_unicode_case_is_refused_while_its_class_is_off(self):
        # Rust: "héllo".to_uppercase() is "HÉLLO"; the compiler's is ASCII-only today, so with
        # strings_unicode_case off no test may depend on it (a long run met it through
        # chars().filter(|c| c.is_alphabetic()) on "héllo").
        try:
            strs.UNICODE_CASE = False
            with self.assertRaises(Unsupported):
                strs.to_upper("héllo")
            with self.assertRaises(Unsupported):
                methods._char(V.Char("é"), "is_alphabetic", [])
            self.assertEqual(strs.to_upper("hello"), "HELLO")
            self.assertTrue(methods._char(V.Char("e"), "is_alphabetic", []))
        finally:
            strs.UNICODE_CASE = True
        self.assertEqual(strs.to_upper("héllo"), "HÉLLO")


class FloatMethodsTest(unittest.TestCase):
    def test_floor_and_ceil_keep_the_sign_of_zero(self):
        # Rust: (-0.125f64).ceil() is -0.0 and prints "-0.0" under {:.1}; a long run found the
        # oracle printing "0.0" (Python's math.ceil returns the int 0).
        self.assertEqual(V.display(methods._float(-0.125, "ceil", [])), "-0.0")
        self.assertEqual(V.display(methods._float(0.5, "floor", [])), "0.0")
        self.assertEqual(V.display(methods._float(-0.0, "floor", [])), "-0.0")
        self.assertEqual(V.display(methods._float(-1.5, "ceil", [])), "-1.0")


class InterpTest(unittest.TestCase):
    def run_body(self, stmts, decls=()):
        return interp.Interp(interp.Program(decls)).run_body(S.Block(stmts))

    def test_closures_share_captures(self):
        n = S.Name
        out = self.run_body([
            S.Let("n", S.Lit(0, "0"), mut=True),
            S.Let("inc", S.Lambda([], S.Block([S.Assign(n("n"), S.Binary("+", n("n"), S.Lit(1, "1"), ints.I64))]))),
            S.ExprStmt(S.Call(n("inc"), [])), S.ExprStmt(S.Call(n("inc"), [])),
            S.Print("println", [n("n")])])
        self.assertEqual(out, "2\n")

    def test_closure_keeps_the_binding_it_captured(self):
        n = S.Name
        out = self.run_body([
            S.Let("x", S.Lit(1, "1")), S.Let("f", S.Lambda([], n("x"))), S.Let("x", S.Lit(5, "5")),
            S.Print("println", [S.Call(n("f"), []), n("x")])])
        self.assertEqual(out, "1 5\n")

    def test_entry_or_insert_refers_into_the_map(self):
        n = S.Name
        entry = S.Method(S.Method(n("m"), "entry", [S.Lit("k", '"k"')]), "or_insert", [S.Lit(0, "0")])
        out = self.run_body([
            S.Let("m", S.Path("HashMap::new", []), mut=True),
            S.Assign(S.Deref(entry), S.Lit(1, "1"), op="+", ity=ints.I64),
            S.Let("e", entry, mut=True), S.Assign(S.Deref(n("e")), S.Lit(5, "5"), op="+", ity=ints.I64),
            S.Print("println", [n("m")])])
        self.assertEqual(out, "{k: 6}\n")

    def test_struct_copies_class_shares(self):
        n = S.Name
        struct = S.StructDecl("P", [("x", "i64")])
        out = self.run_body([
            S.Let("a", S.StructLit("P", [("x", S.Lit(1, "1"))]), mut=True), S.Let("b", n("a"), mut=True),
            S.Assign(S.Field(n("b"), "x"), S.Lit(2, "2")), S.Print("println", [n("a"), n("b")])], [struct])
        self.assertEqual(out, "P {x: 1} P {x: 2}\n")

    def test_no_match_is_a_runtime_error(self):
        out = self.run_body([S.Print("println", [S.Lit("a", '"a"')]),
                             S.Print("println", [S.Match(S.Lit(5, "5"), [S.MatchArm(S.PLit(1, "1"), S.Lit(0, "0"))])])])
        self.assertEqual(out, "a\n@@error\n")


class RenderTest(unittest.TestCase):
    def test_precedence_follows_the_reference_table(self):
        # Bitwise binds looser than equality in Ruchy: `a & (b == c)` needs no parentheses,
        # `(a & b) == c` does.
        a, b, c = S.Name("a"), S.Name("b"), S.Name("c")
        self.assertEqual(render.expr(S.Binary("==", S.Binary("&", a, b), c)), "(a & b) == c")
        self.assertEqual(render.expr(S.Binary("&", a, S.Binary("==", b, c))), "a & b == c")
        self.assertEqual(render.expr(S.Binary("-", a, S.Binary("-", b, c))), "a - (b - c)")
        self.assertEqual(render.expr(S.Binary("<", S.Cast(a, ints.I64), b)), "(a as i64) < b")
        self.assertEqual(render.expr(S.Method(S.Lit(-5, "-5"), "abs")), "(-5).abs()")

    def test_literals(self):
        self.assertEqual(render.string_literal('a"b\\n\n'), '"a\\"b\\\\n\\n"')
        self.assertEqual(ints.literal(ints.I64.min, ints.I64), "(-9223372036854775807 - 1)")
        self.assertEqual(ints.literal(200, ints.U8, suffix=True), "200u8")


if __name__ == "__main__":
    unittest.main()
