"""Literals of every type, with the interesting values a hunter wants (zero, one, the extremes,
UTF-8 text of every encoded length), written as the Ruchy lexer reads them."""

from ruchy_frontend.tests.progen.core import ints
from ruchy_frontend.tests.progen.core import render
from ruchy_frontend.tests.progen.core import syntax as S
from ruchy_frontend.tests.progen.core import values as V

ASCII_WORDS = ["a", "b", "ab", "abc", "cat", "dog", "hello", "world", "x", "yes", "no", "one two", "lambda",
               "ruchy", "Bazel", "C++", "snake_case", "", " pad ", "a-b-c", "1,2,3", "zz"]
# Every UTF-8 length: 2-byte (é, ö, ω, ж), 3-byte (日, €), 4-byte (🦀, 𝄞).
UTF8_WORDS = ["héllo", "wörld", "héllo wörld", "naïve", "ωmega", "жук", "日本語", "€uro", "🦀 crab", "a🦀b",
              "𝄞 clef", "é", "€", "🦀", "mañana", "ça va", "Ωx", "aé日🦀"]
SIMPLE_FLOATS = [0.5, 1.25, 2.5, 3.75, 0.1, 0.2, 0.3, 1.1, 100.5, 2.25, 0.001, 12345.678, 6.02, 9.75, 0.125,
                 1.0, 2.0, 10.0, 0.0, 7.5, 3.14159, 2.71828, 1.5, 42.42]
ASCII_CHARS = list("abcxyzAMZ09 _-!")
UNICODE_CHARS = list("éöωж日€🦀ñÇ")


def int_lit(v, ity, suffix=False):
    return S.Lit(v, ints.literal(v, ity, suffix))


def float_text(f):
    text = V.shortest_positional(abs(f))
    if "." not in text:
        text += ".0"
    return ("-" if f < 0 or str(f).startswith("-") else "") + text


def float_lit(f):
    return S.Lit(float(f), float_text(f))


def str_lit(s):
    return S.Lit(s, render.string_literal(s))


def char_lit(c):
    return S.Lit(V.Char(c), render.char_literal(c))


def bool_lit(b):
    return S.Lit(b, "true" if b else "false")


# Literal magnitudes when the int_wrapping class is off: products of a few such literals cannot
# overflow an i64, so clang's -Winteger-overflow cannot fire on constant-folded code.
SMALL_MAGNITUDE = 100


def interesting_int(rng, ity, wide=True):
    """A value of ity: mostly small, sometimes (wide) at or next to an extreme."""
    if not wide:
        lo = max(ity.min, -SMALL_MAGNITUDE)
        hi = min(ity.max, SMALL_MAGNITUDE)
        return rng.choice([0, 1, 2, 3, 7, 10, 100, rng.randint(lo, hi), rng.randint(max(lo, -20), min(hi, 40))])
    r = rng.random()
    if r < 0.45:
        v = rng.randint(-20, 40)
    elif r < 0.6:
        v = rng.choice([0, 1, -1, 2, 3, 7, 8, 10, 16, 100, 127, 128, 255, 256, 1000, 65535, 65536])
    elif r < 0.8:
        v = rng.choice([ity.max, ity.min, ity.max - 1, ity.min + 1, ity.max // 2, ity.min // 2 if ity.signed else 1])
    else:
        v = rng.randint(ity.min, ity.max)
    return ity.wrap(v) if ity.min <= v <= ity.max else ity.wrap(v)
