"""Methods and paths of the standard library (and user methods), as the oracle evaluates them.

Each entry mirrors docs/language.md "The standard library" and Rust's meaning of the same name
(the reference is a Rust program): `pop`, `first`, `get`, `find`, `position`, `max`, `min`,
`reduce` give Options; `sum`/`product` wrap like `+`/`*`; iterator adapters are eager here, which
is equivalent because generated closures inside adapters have no side effects.
"""

import math

from ruchy_frontend.tests.progen.core import ints
from ruchy_frontend.tests.progen.core import strs
from ruchy_frontend.tests.progen.core import syntax as S
from ruchy_frontend.tests.progen.core import values as V
from ruchy_frontend.tests.progen.core.errors import RuchyError, Unsupported


class IterV:
    """An iterator (`xs.iter()`, `s.chars()`, adapters): its items, computed eagerly."""

    __slots__ = ("items",)

    def __init__(self, items):
        self.items = list(items)


class Collect(S.Method):
    """`collect()` whose result type is known to the generator (turbofish or annotation);
    `target` is "String", "Vec" or "HashMap"."""
    __slots__ = ("target",)

    def __init__(self, recv, target, turbofish=None):
        super().__init__(recv, "collect", [], turbofish)
        self.target = target


# Methods that change their receiver: the receiver is evaluated as a place.
MUTATING = {"push", "pop", "insert", "remove", "clear", "push_str", "sort", "reverse", "extend", "truncate",
            "retain", "dedup"}


def iterate(v):
    if isinstance(v, (list, tuple)):
        return list(v)
    if isinstance(v, IterV):
        return v.items
    if isinstance(v, str):
        return [V.Char(c) for c in v]
    if isinstance(v, V.MapV):
        return [(k, v.items[k]) for k in sorted(v.items, key=lambda k: (isinstance(k, str), k))]
    raise TypeError("cannot iterate %r" % (v,))


def _wrap_sum(items, op):
    acc = 0 if op == "+" else 1
    if any(isinstance(x, float) for x in items):
        for x in items:
            acc = acc + x if op == "+" else acc * x
        return float(acc)
    for x in items:
        acc = ints.binary(op, acc, x, ints.I64)
    return acc


def _opt(v, present):
    return V.SomeV(v) if present else V.NONE


def _extreme(items, fn):
    return V.SomeV(fn(items)) if items else V.NONE


def rust_round(x):
    r = math.floor(abs(x))
    if abs(x) - r >= 0.5:
        r += 1
    return math.copysign(r, x)


def call(interp, e, scope):
    name = e.name
    # `m.entry(k).or_insert(v)`: a place inside the map.
    if name == "or_insert" and isinstance(e.recv, S.Method) and e.recv.name == "entry":
        from ruchy_frontend.tests.progen.core.places import EntryPlace, RefV
        map_place = interp.place(e.recv.recv, scope)
        key = interp.eval(e.recv.args[0], scope)
        default = interp.eval(e.args[0], scope)
        m = map_place.get()
        if key not in m.items:
            items = dict(m.items)
            items[key] = default
            map_place.set(V.MapV(items))
        return RefV(EntryPlace(map_place, key))
    if name in MUTATING:
        place = interp.place(e.recv, scope)
        recv = place.get()
        if isinstance(recv, (list, str, V.MapV)):
            args = [interp.eval(a, scope) for a in e.args]
            result, new = _mutate(interp, recv, name, args)
            place.set(new)
            return result
        return _user_method(interp, e, scope, place)
    recv = interp.eval(e.recv, scope)
    if isinstance(recv, (V.StructV, V.ClassObj, V.EnumV)):
        from ruchy_frontend.tests.progen.core.places import ValuePlace
        if isinstance(e.recv, (S.Name, S.Field, S.Index, S.TupleField)):
            return _user_method(interp, e, scope, interp.place(e.recv, scope))
        return _user_method(interp, e, scope, ValuePlace(recv))
    args = [interp.eval(a, scope) for a in e.args]
    if isinstance(e, Collect):
        return _collect(recv, e.target)
    if isinstance(recv, str):
        return _string(recv, name, args)
    if isinstance(recv, V.Char):
        return _char(recv, name, args)
    if isinstance(recv, bool):
        if name == "to_string":
            return "true" if recv else "false"
        raise TypeError("method on bool")
    if isinstance(recv, int):
        return _int(recv, name, args)
    if isinstance(recv, float):
        return _float(recv, name, args)
    if isinstance(recv, (list, IterV)):
        return _seq(interp, recv, name, args)
    if isinstance(recv, V.MapV):
        return _map(recv, name, args)
    if isinstance(recv, (V.SomeV, V.OkV, V.ErrV)) or recv == V.NONE:
        return _option(interp, recv, name, args)
    raise TypeError("no method %s on %r" % (name, recv))


def _user_method(interp, e, scope, place):
    from ruchy_frontend.tests.progen.core.interp import Cell
    recv = place.get()
    tname = recv.enum if isinstance(recv, V.EnumV) else recv.name
    f = interp.program.methods.get(tname, {}).get(e.name)
    if f is None:
        raise TypeError("no method %s.%s" % (tname, e.name))
    args = [interp.eval(a, scope) for a in e.args]
    cell = Cell(recv)
    result = interp.call_fun(f, args, interp.globals, self_value=cell)
    if f.self_kind == "&mut self" and not isinstance(recv, V.ClassObj):
        place.set(cell.v)
    return result


def _mutate(interp, recv, name, args):
    if isinstance(recv, str):
        if name == "push_str":
            return V.UNIT, recv + args[0]
        if name == "push":
            return V.UNIT, recv + args[0].c
        raise TypeError(name)
    if isinstance(recv, V.MapV):
        items = dict(recv.items)
        if name == "insert":
            old = items.get(args[0])
            items[args[0]] = args[1]
            return (V.SomeV(old) if old is not None else V.NONE), V.MapV(items)
        if name == "remove":
            old = items.pop(args[0], None)
            return (V.SomeV(old) if old is not None else V.NONE), V.MapV(items)
        if name == "clear":
            return V.UNIT, V.MapV({})
        raise TypeError(name)
    lst = list(recv)
    if name == "push":
        lst.append(args[0])
        return V.UNIT, lst
    if name == "pop":
        if not lst:
            return V.NONE, lst
        x = lst.pop()
        return V.SomeV(x), lst
    if name == "insert":
        if not 0 <= args[0] <= len(lst):
            raise RuchyError("IndexOutOfRange")
        lst.insert(args[0], args[1])
        return V.UNIT, lst
    if name == "remove":
        if not 0 <= args[0] < len(lst):
            raise RuchyError("IndexOutOfRange")
        return lst.pop(args[0]), lst
    if name == "clear":
        return V.UNIT, []
    if name == "sort":
        return V.UNIT, sorted(lst)
    if name == "reverse":
        return V.UNIT, lst[::-1]
    if name == "extend":
        return V.UNIT, lst + list(iterate(args[0]))
    if name == "truncate":
        return V.UNIT, lst[:args[0]]
    if name == "retain":
        return V.UNIT, [x for x in lst if interp.truth(interp.call_value(args[0], [x]))]
    if name == "dedup":
        out = []
        for x in lst:
            if not out or out[-1] != x:
                out.append(x)
        return V.UNIT, out
    raise TypeError(name)


def _collect(recv, target):
    items = iterate(recv)
    if target == "String":
        return "".join(x.c if isinstance(x, V.Char) else x for x in items)
    if target == "Vec":
        return list(items)
    if target == "HashMap":
        return V.MapV(dict(items))
    raise TypeError(target)


def _string(s, name, args):
    if name == "len":
        return strs.byte_len(s)
    if name == "is_empty":
        return s == ""
    if name == "find":
        return strs.find(s, args[0])
    if name == "contains":
        return args[0] in s
    if name == "starts_with":
        return s.startswith(args[0])
    if name == "ends_with":
        return s.endswith(args[0])
    if name == "chars":
        return IterV(V.Char(c) for c in s)
    if name == "substring":
        return strs.substring(s, args[0], args[1])
    if name == "char_at":
        return strs.char_at(s, args[0])
    if name in ("to_upper", "to_uppercase"):
        return strs.to_upper(s)
    if name in ("to_lower", "to_lowercase"):
        return strs.to_lower(s)
    if name == "trim":
        return strs.trim(s)
    if name == "split":
        return strs.split(s, args[0])
    if name == "replace":
        return strs.replace(s, args[0], args[1])
    if name == "repeat":
        if args[0] < 0 or args[0] * len(s) > 100_000:
            raise Unsupported("repeat count out of the useful range")
        return s * args[0]
    if name in ("to_string", "clone", "to_owned"):
        return s
    raise TypeError("string method " + name)


def _char(c, name, args):
    ch = c.c
    if name in strs.CHAR_CLASSES:
        strs.check_unicode_case(ch)
    if name == "is_alphabetic":
        return ch.isalpha()
    if name == "is_numeric":
        return ch.isnumeric()
    if name == "is_alphanumeric":
        return ch.isalnum()
    if name == "is_whitespace":
        return ch.isspace()
    if name == "is_uppercase":
        return ch.isupper()
    if name == "is_lowercase":
        return ch.islower()
    if name == "is_ascii_digit":
        return "0" <= ch <= "9"
    if name == "to_ascii_uppercase":
        return V.Char(ch.upper() if ch.isascii() else ch)
    if name == "to_ascii_lowercase":
        return V.Char(ch.lower() if ch.isascii() else ch)
    if name == "to_digit":
        try:
            d = int(ch, args[0]) if ch.isascii() and ch.isalnum() else None
        except ValueError:
            d = None
        return _opt(d, d is not None)
    if name == "to_string":
        return ch
    raise TypeError("char method " + name)


def _int(v, name, args):
    if name == "abs":
        return abs(v)
    if name == "pow":
        return ints.I64.wrap(v ** args[0])
    if name == "min":
        return min(v, args[0])
    if name == "max":
        return max(v, args[0])
    if name == "signum":
        return (v > 0) - (v < 0)
    if name == "to_string":
        return str(v)
    raise TypeError("int method " + name)


def _float(f, name, args):
    if name in ("floor", "ceil"):
        # IEEE (and Rust): a zero result keeps the operand's sign, so (-0.125).ceil() is -0.0.
        return math.copysign(float((math.floor if name == "floor" else math.ceil)(f)), f)
    if name == "round":
        return rust_round(f)
    if name == "sqrt":
        if f < 0:
            raise Unsupported("sqrt of a negative")
        return math.sqrt(f)
    if name == "abs":
        return abs(f)
    if name == "min":
        return min(f, args[0])
    if name == "max":
        return max(f, args[0])
    if name == "powi":
        return f ** args[0]
    raise TypeError("float method " + name)


def _seq(interp, recv, name, args):
    items = recv.items if isinstance(recv, IterV) else recv
    call = interp.call_value
    if name == "len":
        if isinstance(recv, IterV):
            raise TypeError("len of an iterator")
        return len(items)
    if name == "is_empty":
        return not items
    if name == "count":
        return len(items)
    if name in ("iter", "into_iter", "copied", "cloned"):
        return IterV(items)
    if name == "contains":
        return args[0] in items
    if name == "first":
        return _opt(items[0] if items else None, bool(items))
    if name == "last":
        return _opt(items[-1] if items else None, bool(items))
    if name == "get":
        i = args[0]
        return _opt(items[i] if 0 <= i < len(items) else None, 0 <= i < len(items))
    if name == "sum":
        return _wrap_sum(items, "+")
    if name == "product":
        return _wrap_sum(items, "*")
    if name == "max":
        return _extreme(items, max)
    if name == "min":
        return _extreme(items, min)
    if name == "join":
        return args[0].join(items)
    if name == "sorted":
        return sorted(items)
    wrap = IterV if isinstance(recv, IterV) else list
    if name == "map":
        return wrap(call(args[0], [x]) for x in items)
    if name == "filter":
        return wrap(x for x in items if interp.truth(call(args[0], [x])))
    if name == "rev":
        return IterV(items[::-1])
    if name == "enumerate":
        return IterV((i, x) for i, x in enumerate(items))
    if name == "zip":
        return IterV(zip(items, iterate(args[0])))
    if name == "take":
        return wrap(items[:max(0, args[0])])
    if name == "skip":
        return wrap(items[max(0, args[0]):])
    if name == "fold":
        acc = args[0]
        for x in items:
            acc = call(args[1], [acc, x])
        return acc
    if name == "reduce":
        if not items:
            return V.NONE
        acc = items[0]
        for x in items[1:]:
            acc = call(args[0], [acc, x])
        return V.SomeV(acc)
    if name == "any":
        return any(interp.truth(call(args[0], [x])) for x in items)
    if name == "all":
        return all(interp.truth(call(args[0], [x])) for x in items)
    if name == "find":
        for x in items:
            if interp.truth(call(args[0], [x])):
                return V.SomeV(x)
        return V.NONE
    if name == "position":
        for i, x in enumerate(items):
            if interp.truth(call(args[0], [x])):
                return V.SomeV(i)
        return V.NONE
    if name == "for_each":
        for x in items:
            call(args[0], [x])
        return V.UNIT
    raise TypeError("sequence method " + name)


def _map(m, name, args):
    if name == "len":
        return len(m.items)
    if name == "is_empty":
        return not m.items
    if name == "get":
        return _opt(m.items.get(args[0]), args[0] in m.items)
    if name == "contains_key":
        return args[0] in m.items
    raise TypeError("map method " + name)


def _option(interp, v, name, args):
    call = interp.call_value
    some = isinstance(v, (V.SomeV, V.OkV))
    if name == "unwrap":
        if not some:
            raise RuchyError("UnwrapNone" if v == V.NONE else "UnwrapErr")
        return v.v
    if name == "unwrap_or":
        return v.v if some else args[0]
    if name in ("is_some", "is_ok"):
        return some
    if name in ("is_none", "is_err"):
        return not some
    if name == "map":
        if some:
            return type(v)(call(args[0], [v.v]))
        return v
    if name == "map_err":
        return V.ErrV(call(args[0], [v.v])) if isinstance(v, V.ErrV) else v
    if name == "and_then":
        return call(args[0], [v.v]) if some else v
    if name == "filter":
        return v if some and interp.truth(call(args[0], [v.v])) else V.NONE
    if name == "ok":
        return V.SomeV(v.v) if isinstance(v, V.OkV) else V.NONE
    if name == "err":
        return V.SomeV(v.v) if isinstance(v, V.ErrV) else V.NONE
    if name == "ok_or":
        return V.OkV(v.v) if some else V.ErrV(args[0])
    if name == "unwrap_or_else":
        return v.v if some else call(args[0], [])
    raise TypeError("option method " + name)


# Associated constants and functions (`i64::MAX`, `HashMap::new()`, `P::new(1)`, `E::V(1)`).
def path(interp, e, scope):
    parts = e.path.split("::")
    if len(parts) == 2 and parts[0] in ints.BY_NAME and e.args is None:
        t = ints.BY_NAME[parts[0]]
        return {"MAX": t.max, "MIN": t.min}[parts[1]]
    args = [interp.eval(a, scope) for a in e.args] if e.args is not None else None
    if e.path in ("HashMap::new", "Vec::new", "String::new"):
        return {"HashMap::new": V.MapV({}), "Vec::new": [], "String::new": ""}[e.path]
    if e.path == "String::from":
        return args[0]
    head, tail = "::".join(parts[:-1]), parts[-1]
    prog = interp.program
    if (head, tail) in prog.variants:
        return interp.make_variant(head, tail, args or [])
    if head in prog.classes and tail == "new":
        return construct(interp, prog.classes[head], args)
    f = prog.methods.get(head, {}).get(tail)
    if f is not None:
        return interp.call_fun(f, args, interp.globals)
    raise NameError(e.path)


def construct(interp, decl, args):
    from ruchy_frontend.tests.progen.core.interp import Cell
    obj = V.ClassObj(decl.name, {})
    f = S.FunDecl("new", decl.ctor_params, None, decl.ctor_body)
    interp.call_fun(f, args, interp.globals, self_value=Cell(obj))
    return obj
