"""Format specs (`{:>8.2}`, `{x:08.3}`, `{:x}` ...) as Rust's std::fmt applies them, which is what
the reference interpreter implements (paiml/ruchy src/runtime/fmt_spec.rs) and what f-strings,
`format!`, `println!`, `format(...)` and `println(...)` templates must all honour (issue 11).

Grammar: [[fill]align][+][0][width][.precision][?|x|X|b|o|e|E]. Width counts characters, not
bytes; numbers align right and everything else left by default; `0` pads numbers after their
sign; precision rounds floats, truncates strings and is ignored by integers.

Where Rust and the reference disagree or the value would print in a way the oracle leaves open
(a zero-fraction float under plain `{}`, floats Debug-printed in exponent form, exact rounding
ties, negative numbers in a radix, specs on compound values) `format_value` raises Unsupported
and the generator picks something else.
"""

import decimal

from ruchy_frontend.tests.progen.core import values
from ruchy_frontend.tests.progen.core.errors import Unsupported

_ALIGNS = "<^>"
_KINDS = ("", "?", "x", "X", "b", "o", "e", "E")


class Spec:
    __slots__ = ("fill", "align", "plus", "zero", "width", "precision", "kind")

    def __init__(self, fill=" ", align=None, plus=False, zero=False, width=None, precision=None, kind=""):
        self.fill = fill
        self.align = align
        self.plus = plus
        self.zero = zero
        self.width = width
        self.precision = precision
        self.kind = kind

    def text(self):
        """The spec as written after the `:`."""
        out = ""
        if self.align:
            out += (self.fill if self.fill != " " else "") + self.align
        if self.plus:
            out += "+"
        if self.zero:
            out += "0"
        if self.width is not None:
            out += str(self.width)
        if self.precision is not None:
            out += "." + str(self.precision)
        return out + self.kind


def parse(text):
    """Parses the text after `:` in a format field."""
    chars = list(text)
    spec = Spec()
    i = 0
    if len(chars) > 1 and chars[1] in _ALIGNS:
        spec.fill, spec.align, i = chars[0], chars[1], 2
    elif chars and chars[0] in _ALIGNS:
        spec.align, i = chars[0], 1
    if i < len(chars) and chars[i] == "+":
        spec.plus, i = True, i + 1
    if i < len(chars) and chars[i] == "0":
        spec.zero, i = True, i + 1
    j = i
    while j < len(chars) and chars[j].isdigit():
        j += 1
    if j > i:
        spec.width = int(text[i:j])
    i = j
    if i < len(chars) and chars[i] == ".":
        j = i + 1
        while j < len(chars) and chars[j].isdigit():
            j += 1
        spec.precision = int(text[i + 1:j])
        i = j
    spec.kind = text[i:]
    if spec.kind not in _KINDS:
        raise ValueError("unsupported format trait %r" % spec.kind)
    return spec


def _check_no_tie(exact, digits_after_point):
    """Raises Unsupported when rounding `exact` (a Decimal) at that position is an exact tie."""
    shifted = exact.scaleb(digits_after_point)
    frac = shifted - shifted.to_integral_value(rounding=decimal.ROUND_FLOOR)
    if frac == decimal.Decimal("0.5"):
        raise Unsupported("rounding tie")


def _fixed(a, precision):
    exact = decimal.Decimal(a)
    _check_no_tie(exact, precision)
    return "%.*f" % (precision, a)


def _exp(a, precision, upper):
    if a == 0:
        mant, exp = "0" + ("." + "0" * precision if precision else ""), 0
    elif precision is None:
        d = decimal.Decimal(repr(a)).normalize()
        sign, digits, e = d.as_tuple()
        ds = "".join(map(str, digits))
        exp = e + len(ds) - 1
        mant = ds[0] + ("." + ds[1:] if len(ds) > 1 else "")
    else:
        exact = decimal.Decimal(a)
        exp = exact.adjusted()
        _check_no_tie(exact.scaleb(-exp), precision)
        q = exact.scaleb(-exp).quantize(decimal.Decimal(1).scaleb(-precision), rounding=decimal.ROUND_HALF_EVEN)
        if q >= 10:
            exp += 1
            q = exact.scaleb(-exp).quantize(decimal.Decimal(1).scaleb(-precision), rounding=decimal.ROUND_HALF_EVEN)
        mant = format(q, "f")
    return mant + ("E" if upper else "e") + str(exp)


def _pad(sign, body, spec, numeric):
    length = len(sign) + len(body)  # characters, not bytes
    gap = max(0, (spec.width or 0) - length)
    if spec.zero and numeric:
        return sign + "0" * gap + body
    align = spec.align or (">" if numeric else "<")
    left, right = {"<": (0, gap), ">": (gap, 0), "^": (gap // 2, gap - gap // 2)}[align]
    return spec.fill * left + sign + body + spec.fill * right


def format_value(v, spec):
    """The text `{v:spec}` produces."""
    if isinstance(v, bool):
        if spec.kind or spec.precision is not None or spec.plus or spec.zero:
            raise Unsupported("spec on bool")
        return _pad("", "true" if v else "false", spec, False)
    if isinstance(v, int):
        if spec.kind in ("e", "E"):
            raise Unsupported("exponent form of an integer")
        if spec.kind in ("x", "X", "b", "o"):
            if v < 0:
                raise Unsupported("negative number in a radix")
            body = {"x": "%x", "X": "%X", "o": "%o"}.get(spec.kind, "")
            body = body % v if body else bin(v)[2:]
            return _pad("+" if spec.plus else "", body, spec, True)
        sign = "-" if v < 0 else ("+" if spec.plus else "")
        return _pad(sign, str(abs(v)), spec, True)
    if isinstance(v, float):
        if v != v or v in (float("inf"), float("-inf")):
            raise Unsupported("non-finite float under a spec")
        negative = str(v).startswith("-")
        sign = "-" if negative else ("+" if spec.plus else "")
        a = abs(v)
        if spec.kind in ("x", "X", "b", "o"):
            raise Unsupported("radix of a float")
        if spec.kind in ("e", "E"):
            body = _exp(a, spec.precision, spec.kind == "E")
        elif spec.precision is not None:
            body = _fixed(a, spec.precision)
        elif spec.kind == "?":
            if a != 0 and (a >= 1e16 or a < 1e-4):
                raise Unsupported("Debug float in exponent form")
            body = values.float_text(a)
        else:
            if a == int(a):
                raise Unsupported("zero-fraction float under {}")  # "3" (Rust) or "3.0"?
            body = values.shortest_positional(a)
        return _pad(sign, body, spec, True)
    if isinstance(v, str):
        if spec.plus or spec.zero or spec.kind not in ("", "?"):
            raise Unsupported("numeric flag on a string")
        if spec.kind == "?":
            if spec.width is not None or spec.precision is not None or not values.printable_in_container(v):
                raise Unsupported("Debug string with width")
            return '"' + v + '"'
        body = v if spec.precision is None else v[:spec.precision]
        return _pad("", body, spec, False)
    if isinstance(v, values.Char):
        if spec.plus or spec.zero or spec.kind or spec.precision is not None:
            raise Unsupported("spec on char")
        return _pad("", v.c, spec, False)
    if spec.text() not in ("", "?"):
        raise Unsupported("spec on a compound value")
    if not values.printable_in_container(v):
        raise Unsupported("compound value the oracle prints ambiguously")
    if spec.kind == "?" and not isinstance(v, list):
        raise Unsupported("Debug of a struct, tuple or enum")  # `P { x: 1 }` in Rust, `P {x: 1}` here
    return values.display(v, top=True)


def template(fmt, args):
    """`format!(fmt, args...)`: `{}`/`{:spec}` fields filled in order, `{{`/`}}` escapes.
    A plain `{}` (Display) of a string prints it raw, as at top level."""
    out = []
    i = 0
    n = 0
    while i < len(fmt):
        c = fmt[i]
        if c in "{}" and fmt[i:i + 2] in ("{{", "}}"):
            out.append(c)
            i += 2
            continue
        if c == "{":
            close = fmt.index("}", i)
            body = fmt[i + 1:close]
            spec = parse(body[1:]) if body.startswith(":") else Spec()
            if body and not body.startswith(":"):
                raise ValueError("only positional `{}` fields: %r" % body)
            out.append(format_value(args[n], spec))
            n += 1
            i = close + 1
            continue
        out.append(c)
        i += 1
    if n != len(args):
        raise ValueError("template uses %d of %d arguments" % (n, len(args)))
    return "".join(out)
