"""String semantics (LANGUAGE.md, issue 11): Strings are UTF-8. `len`, `find`, indices and
slices count bytes, and slicing off a character boundary is the runtime error Ruchy.StringIndex;
`chars()`, `substring` and `char_at` count characters, as the reference does."""

from ruchy_frontend.tests.progen.core import values as V
from ruchy_frontend.tests.progen.core.errors import RuchyError, Unsupported


def utf8(s):
    return s.encode("utf-8")


def byte_len(s):
    return len(utf8(s))


def is_boundary(b, i):
    return i == len(b) or (0 <= i < len(b) and (b[i] & 0xC0) != 0x80)


def find(s, sub):
    i = utf8(s).find(utf8(sub))
    return V.NONE if i < 0 else V.SomeV(i)


def slice_bytes(s, a, b):
    raw = utf8(s)
    lo = 0 if a is None else a
    hi = len(raw) if b is None else b
    if not 0 <= lo <= hi <= len(raw):
        raise RuchyError("IndexOutOfRange")
    if not (is_boundary(raw, lo) and is_boundary(raw, hi)):
        raise RuchyError("StringIndex")
    return raw[lo:hi].decode("utf-8")


def index(s, i):
    """`s[i]`: settled only for ASCII text (a byte offset that is a whole character)."""
    if not s.isascii():
        raise Unsupported("s[i] on non-ASCII text")
    if not 0 <= i < len(s):
        raise RuchyError("IndexOutOfRange")
    return V.Char(s[i])


def substring(s, a, b):
    if not 0 <= a <= b <= len(s):
        raise Unsupported("substring out of range")
    return s[a:b]


def char_at(s, i):
    if not 0 <= i < len(s):
        raise Unsupported("char_at out of range")
    return V.Char(s[i])


# Characters whose case mappings and classes Rust (the reference) and Python agree on.
SIMPLE_CASE = set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZéÉöÖñÑωΩжЖçÇ")


# Whether case mapping and character classes beyond ASCII are in play: off while the compiler's
# are ASCII-only (the strings_unicode_case opt-out), so no other class meets that bug either.
# gen/registry.py sets it from the enabled classes before each test is drawn.
UNICODE_CASE = True

CHAR_CLASSES = ("is_alphabetic", "is_numeric", "is_alphanumeric", "is_whitespace", "is_uppercase", "is_lowercase")


def check_unicode_case(text):
    if not UNICODE_CASE and not text.isascii():
        raise Unsupported("case mapping or a character class beyond ASCII (strings_unicode_case is off)")


def to_upper(s):
    check_unicode_case(s)
    if any(c.isalpha() and c not in SIMPLE_CASE for c in s):
        raise Unsupported("case mapping outside the settled set")
    return s.upper()


def to_lower(s):
    check_unicode_case(s)
    if any(c.isalpha() and c not in SIMPLE_CASE for c in s):
        raise Unsupported("case mapping outside the settled set")
    return s.lower()


_WS = " \t\n\r"


def trim(s):
    if any(c.isspace() and c not in _WS for c in s):
        raise Unsupported("unusual whitespace")
    return s.strip(_WS)


def split(s, sep):
    if sep == "":
        raise Unsupported("split on the empty string")
    return s.split(sep)


def replace(s, a, b):
    if a == "":
        raise Unsupported("replace of the empty string")
    return s.replace(a, b)
