"""The golden programs as seeds: consistent renaming of their locals, parameters and functions.

A Ruchy token stream is enough to rename an identifier everywhere it means the same binding,
provided the identifier is never a field, method, path segment, struct-literal key or template
name (those are left alone, and so is every identifier that ever appears in such a position).
Used by the `golden_renamed` class, which compares a program renamed to safe names with the same
program renamed to hostile ones: names never reach the output, so both must print the same.
"""

import re

# Set by progen_main.py from --corpus (the golden programs' runfiles paths).
PROGRAMS = []

_IDENT = re.compile(r"[A-Za-z_\u0080-\U0010ffff][A-Za-z0-9_\u0080-\U0010ffff]*")
_NUMBER = re.compile(r"[0-9][0-9A-Za-z_]*(\.[0-9][0-9A-Za-z_]*)?")
_KEYWORDS = set("""fun fn let var mut const if else match for in while loop break continue return struct class
enum trait impl extend pub async await try catch finally throw use import mod as self type where end true
false null Some None Ok Err Self""".split())


class Tok:
    __slots__ = ("kind", "text")

    def __init__(self, kind, text):
        self.kind, self.text = kind, text

    def __repr__(self):
        return "%s:%r" % (self.kind, self.text)


def _quoted_end(src, i, quote):
    """Index after the closing quote of a string opened by src[i] == quote."""
    j = i + 1
    while j < len(src):
        if src[j] == "\\":
            j += 2
            continue
        if src[j] == quote:
            return j + 1
        j += 1
    raise ValueError("unterminated string")


def _string_end(src, i):
    """Index after the closing quote of a "..." string starting at src[i] == '"'."""
    return _quoted_end(src, i, '"')


# What may follow the word of a label ('outer: for ..., break 'outer }).
_LABEL_ENDS = " \t\n:,;)}>"


def _fstring_end(src, i):
    """Index after an f-string whose opening quote is src[i]: holes may hold strings and braces."""
    j = i + 1
    while j < len(src):
        c = src[j]
        if c == "\\":
            j += 2
        elif src.startswith("{{", j) or src.startswith("}}", j):
            j += 2
        elif c == "{":
            depth = 1
            j += 1
            while depth:
                if src[j] == '"':
                    j = _string_end(src, j)
                    continue
                depth += {"{": 1, "}": -1}.get(src[j], 0)
                j += 1
        elif c == '"':
            return j + 1
        else:
            j += 1
    raise ValueError("unterminated f-string")


def tokenize(src):
    """Tokens: ident, punct, number, string (opaque), fstring (holes tokenized), space, comment."""
    out = []
    i = 0
    n = len(src)
    while i < n:
        c = src[i]
        if c in " \t\r\n":
            j = i
            while j < n and src[j] in " \t\r\n":
                j += 1
            out.append(Tok("space", src[i:j]))
            i = j
        elif src.startswith("//", i) or (c == "#" and not src.startswith("#[", i)):
            j = src.find("\n", i)
            j = n if j < 0 else j
            out.append(Tok("comment", src[i:j]))
            i = j
        elif src.startswith("/*", i):
            depth, j = 0, i
            while j < n:
                if src.startswith("/*", j):
                    depth, j = depth + 1, j + 2
                elif src.startswith("*/", j):
                    depth, j = depth - 1, j + 2
                    if depth == 0:
                        break
                else:
                    j += 1
            out.append(Tok("comment", src[i:j]))
            i = j
        elif c == "f" and src.startswith('f"', i):
            j = _fstring_end(src, i + 1)
            out.append(Tok("fstring", _fstring_parts(src[i + 2:j - 1])))
            i = j
        elif c == "r" and (src.startswith('r"', i) or src.startswith('r#', i)):
            hashes = 0
            j = i + 1
            while src[j] == "#":
                hashes, j = hashes + 1, j + 1
            end = src.index('"' + "#" * hashes, j + 1) + 1 + hashes
            out.append(Tok("string", src[i:end]))
            i = end
        elif c == '"':
            j = _string_end(src, i)
            out.append(Tok("string", src[i:j]))
            i = j
        elif c == "b" and src.startswith("b'", i):
            j = src.index("'", i + 3 if src[i + 2] == "\\" else i + 2) + 1
            out.append(Tok("string", src[i:j]))
            i = j
        elif c == "'":
            m = re.match(r"'(\\u\{[0-9a-fA-F]+\}|\\.|[^\\'])'", src[i:])
            if m:
                out.append(Tok("string", m.group(0)))
                i += len(m.group(0))
            else:
                # A label ('outer) when a word follows the quote and ends at a space, `: , ; ) }`
                # or `>`, as the lexer reads it; otherwise a single-quoted string ('hello').
                m = _IDENT.match(src, i + 1)
                after = src[m.end()] if m and m.end() < len(src) else ""
                if m and (after == "" or after in _LABEL_ENDS):
                    out.append(Tok("label", "'" + m.group(0)))
                    i = m.end()
                else:
                    j = _quoted_end(src, i, "'")
                    out.append(Tok("string", src[i:j]))
                    i = j
        elif _IDENT.match(src, i):
            m = _IDENT.match(src, i)
            out.append(Tok("ident", m.group(0)))
            i = m.end()
        elif c.isdigit():
            m = _NUMBER.match(src, i)
            out.append(Tok("number", m.group(0)))
            i = m.end()
        else:
            two = src[i:i + 2]
            if two in ("::", "=>", "->", "..", "==", "!=", "<=", ">=", "&&", "||", "+=", "-=", "*=", "/=", "|>", "??"):
                out.append(Tok("punct", two))
                i += 2
            else:
                out.append(Tok("punct", c))
                i += 1
    return out


def _fstring_parts(body):
    """An f-string's body as a list of literal text and hole token lists."""
    parts = []
    i = 0
    text = []
    while i < len(body):
        if body.startswith("{{", i) or body.startswith("}}", i):
            text.append(body[i:i + 2])
            i += 2
            continue
        if body[i] == "{":
            depth, j = 1, i + 1
            while depth:
                if body[j] == '"':
                    j = _string_end(body, j)
                    continue
                depth += {"{": 1, "}": -1}.get(body[j], 0)
                j += 1
            parts.append("".join(text))
            text = []
            parts.append(tokenize(body[i + 1:j - 1]))
            i = j
            continue
        if body[i] == "\\":
            text.append(body[i:i + 2])
            i += 2
            continue
        text.append(body[i])
        i += 1
    parts.append("".join(text))
    return parts


def untokenize(toks):
    out = []
    for t in toks:
        if t.kind == "fstring":
            out.append('f"')
            for p in t.text:
                out.append(p if isinstance(p, str) else "{" + untokenize(p) + "}")
            out.append('"')
        else:
            out.append(t.text)
    return "".join(out)


def _significant(toks):
    """Flattened (index path, token) of code tokens, f-string holes included."""
    flat = []
    for t in toks:
        if t.kind in ("space", "comment"):
            continue
        if t.kind == "fstring":
            for p in t.text:
                if not isinstance(p, str):
                    flat.extend(_significant(p))
            flat.append(t)
            continue
        flat.append(t)
    return flat


def renamable(src):
    """Identifiers safe to rename consistently in src (locals, parameters, free functions)."""
    toks = tokenize(src)
    flat = _significant(toks)
    declared = set()
    excluded = set(_KEYWORDS)
    stack = []
    for k, t in enumerate(flat):
        prev = flat[k - 1] if k else None
        nxt = flat[k + 1] if k + 1 < len(flat) else None
        if t.kind == "punct" and t.text in "([{":
            stack.append(t.text)
        elif t.kind == "punct" and t.text in ")]}" and stack:
            stack.pop()
        if t.kind == "string" and t.text.startswith('"'):
            for m in re.finditer(r"\{([A-Za-z_]\w*)", t.text):
                excluded.add(m.group(1))  # a named template field refers to a variable
        if t.kind != "ident":
            continue
        name = t.text
        if not name[0].islower() and name[0] != "_":
            excluded.add(name)
            continue
        if prev is not None and prev.kind == "punct" and prev.text in (".", "::"):
            excluded.add(name)
        if nxt is not None and nxt.kind == "punct" and nxt.text == "::":
            excluded.add(name)
        if nxt is not None and nxt.kind == "punct" and nxt.text == ":" and stack and stack[-1] == "{" and not (
                prev is not None and prev.kind == "ident" and prev.text in ("let", "var", "mut")):
            excluded.add(name)  # a struct field or record key
        if stack and stack[-1] == "{" and prev is not None and prev.kind == "punct" and prev.text in ("{", ",") and \
                nxt is not None and nxt.kind == "punct" and nxt.text in (",", "}"):
            excluded.add(name)  # maybe shorthand `P { x, y }`
        if prev is not None and prev.kind == "ident" and prev.text in ("let", "var", "mut", "for", "fun", "fn"):
            declared.add(name)
        if prev is not None and prev.kind == "punct" and prev.text in ("(", ",", "|") and nxt is not None and \
                nxt.kind == "punct" and nxt.text in (":", ",", ")", "|"):
            declared.add(name)
    names_in_text = set()
    for t in flat:
        if t.kind in ("string", "comment"):
            names_in_text |= set(_IDENT.findall(t.text))
    from ruchy_frontend.tests.progen.gen import names as N
    return sorted(declared - excluded - N.RUCHY_RESERVED), set(t.text for t in flat if t.kind == "ident") | names_in_text


def rename(src, mapping):
    """src with every code occurrence of each identifier in mapping renamed."""
    def walk(toks):
        for t in toks:
            if t.kind == "ident" and t.text in mapping:
                t.text = mapping[t.text]
            elif t.kind == "fstring":
                for p in t.text:
                    if not isinstance(p, str):
                        walk(p)
    toks = tokenize(src)
    walk(toks)
    return untokenize(toks)
