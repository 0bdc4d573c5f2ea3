// The standard library as the checker sees it: free functions (println, format, Some, ...),
// associated functions (HashMap::new, Json::parse, ...) and the methods of built-in types. Each
// entry gives a result type; the code generator calls the support library function of the same
// name (stdlib/).
#include <set>

#include "ruchy_frontend/check/checker_impl.h"

namespace ruchy {

namespace {

int CountPlaceholders(const std::string& s) {
  int n = 0;
  for (size_t i = 0; i + 1 < s.size(); ++i) {
    if (s[i] == '{' && s[i + 1] == '{') {
      ++i;
    } else if (s[i] == '{') {
      size_t close = s.find('}', i);
      if (close == std::string::npos) break;
      ++n;
      i = close;
    }
  }
  return n;
}

}  // namespace

Type* Checker::CheckBuiltinCall(const Expr* e, const std::string& name, Type* expected, bool* handled) {
  *handled = true;
  CallInfo& call = CallOf(e);
  call.kind = CallKind::kBuiltin;
  call.builtin = name;
  Type* want = expected ? Resolve(expected) : nullptr;
  auto check_all = [&](size_t from = 0) {
    for (size_t i = from; i < e->list.size(); ++i) {
      Type* t = CheckExpr(e->list[i].get(), nullptr);
      ApplyDefaults(t);
      if (Resolve(t)->kind == TypeKind::kFn) Error(e->list[i].get(), "a function cannot be printed");
    }
  };
  auto arity = [&](size_t lo, size_t hi) {
    if (e->list.size() < lo || e->list.size() > hi) {
      Error(e, "`" + name + "` takes " + (lo == hi ? std::to_string(lo) : std::to_string(lo) + " to " + std::to_string(hi)) +
                   " argument" + (hi == 1 ? "" : "s") + ", found " + std::to_string(e->list.size()));
      return false;
    }
    return true;
  };
  if (name == "println" || name == "print" || name == "eprintln" || name == "eprint" || name == "format" ||
      name == "panic") {
    check_all();
    if (!e->list.empty() && e->list[0]->kind == ExprKind::kString) {
      int holes = CountPlaceholders(e->list[0]->text);
      if (holes > 0 && holes != static_cast<int>(e->list.size()) - 1) {
        Error(e->list[0].get(), "format string has " + std::to_string(holes) + " placeholder" + (holes == 1 ? "" : "s") +
                                    " but " + std::to_string(e->list.size() - 1) + " argument" +
                                    (e->list.size() == 2 ? "" : "s") + " follow");
      }
    }
    if (name == "format") return arena_.string();
    if (name == "panic") return arena_.never();
    return arena_.unit();
  }
  if (name == "assert") {
    if (arity(1, 2)) {
      Expect(e->list[0].get(), CheckExpr(e->list[0].get(), arena_.boolean()), arena_.boolean(), "assertion");
      check_all(1);
    }
    return arena_.unit();
  }
  if (name == "assert_eq" || name == "assert_ne") {
    if (arity(2, 3)) {
      Type* a = CheckExpr(e->list[0].get(), nullptr);
      Type* b = CheckExpr(e->list[1].get(), a);
      Expect(e->list[1].get(), b, a, name);
      check_all(2);
    }
    return arena_.unit();
  }
  if (name == "Some") {
    Type* inner = want && want->kind == TypeKind::kOption ? want->args[0] : arena_.Var();
    if (arity(1, 1)) Expect(e->list[0].get(), CheckExpr(e->list[0].get(), inner), inner, "`Some` value");
    return arena_.Option(inner);
  }
  if (name == "Ok" || name == "Err") {
    Type* ok = want && want->kind == TypeKind::kResult ? want->args[0] : arena_.Var();
    Type* err = want && want->kind == TypeKind::kResult ? want->args[1] : arena_.Var();
    Type* slot = name == "Ok" ? ok : err;
    if (arity(1, 1)) Expect(e->list[0].get(), CheckExpr(e->list[0].get(), slot), slot, "`" + name + "` value");
    return arena_.Result(ok, err);
  }
  if (name == "len") {
    if (arity(1, 1)) {
      Type* t = Resolve(CheckExpr(e->list[0].get(), nullptr));
      if (t->kind != TypeKind::kVec && t->kind != TypeKind::kString && t->kind != TypeKind::kMap &&
          t->kind != TypeKind::kSet && t->kind != TypeKind::kJson) {
        Error(e->list[0].get(), "`len` needs a collection or a String, found `" + TypeName(t) + "`");
      }
    }
    return arena_.i64();
  }
  if (name == "dbg") {
    if (!arity(1, 1)) return arena_.Var();
    return CheckExpr(e->list[0].get(), expected);
  }
  if (name == "type_of") {
    if (arity(1, 1)) CheckExpr(e->list[0].get(), nullptr);
    return arena_.string();
  }
  if (name == "exit") {
    if (arity(1, 1)) Expect(e->list[0].get(), CheckExpr(e->list[0].get(), arena_.Int(32, true)), arena_.Int(32, true), "exit code");
    return arena_.never();
  }
  *handled = false;
  cur_->calls.erase(e);
  return nullptr;
}

Type* Checker::CheckStaticCall(const Expr* e, const std::string& path, Type* expected, bool* handled) {
  *handled = true;
  Type* want = expected ? Resolve(expected) : nullptr;
  CallInfo& call = CallOf(e);
  call.kind = CallKind::kBuiltin;
  call.builtin = path;
  auto no_args = [&] {
    if (!e->list.empty()) Error(e, "`" + path + "` takes no arguments");
  };
  auto one_arg = [&](Type* t) -> Type* {
    if (e->list.size() != 1) {
      Error(e, "`" + path + "` takes 1 argument, found " + std::to_string(e->list.size()));
      return arena_.Var();
    }
    Type* got = CheckExpr(e->list[0].get(), t);
    if (t) Expect(e->list[0].get(), got, t, "argument");
    return got;
  };
  std::string head = path.substr(0, path.rfind("::"));
  std::string fn = path.substr(path.rfind("::") + 2);
  auto type_args = [&](size_t i) -> Type* {
    const Expr* callee = e->a.get();
    return i < callee->type_args.size() ? ResolveTypeExpr(callee->type_args[i].get(), {}, module_) : arena_.Var();
  };
  if ((head == "HashMap" || head == "BTreeMap" || head == "Map") && (fn == "new" || fn == "with_capacity")) {
    if (fn == "new") no_args();
    else one_arg(arena_.i64());
    if (want && want->kind == TypeKind::kMap) return want;
    return arena_.Map(type_args(0), type_args(1));
  }
  if ((head == "HashSet" || head == "BTreeSet" || head == "Set") && fn == "new") {
    no_args();
    if (want && want->kind == TypeKind::kSet) return want;
    return arena_.Set(type_args(0));
  }
  if ((head == "Vec" || head == "VecDeque") && (fn == "new" || fn == "with_capacity")) {
    if (fn == "new") no_args();
    else one_arg(arena_.i64());
    if (want && want->kind == TypeKind::kVec) return want;
    return arena_.Vec(type_args(0));
  }
  if (head == "String" && (fn == "new" || fn == "from" || fn == "with_capacity")) {
    if (fn == "new") no_args();
    else if (fn == "with_capacity") one_arg(arena_.i64());
    else one_arg(nullptr);
    return arena_.string();
  }
  if (head == "Json" || head == "serde_json") {
    if (fn == "parse" || fn == "from_str") {
      one_arg(arena_.string());
      call.builtin = "Json::parse";
      return arena_.Result(arena_.json(), arena_.string());
    }
    if (fn == "object" || fn == "array" || fn == "null") {
      no_args();
      return arena_.json();
    }
    if (fn == "from" || fn == "to_value") {
      Type* t = one_arg(nullptr);
      Coerce(e->list.empty() ? e : e->list[0].get(), t, arena_.json());
      call.builtin = "Json::from";
      return arena_.json();
    }
    if (fn == "stringify" || fn == "to_string") {
      Type* t = one_arg(nullptr);
      if (Resolve(t)->kind != TypeKind::kJson) Coerce(e->list[0].get(), t, arena_.json());
      call.builtin = "Json::stringify";
      return arena_.string();
    }
  }
  if (head == "Error" && (fn == "new" || fn == "from")) {
    if (e->list.size() == 2) {
      Expect(e->list[0].get(), CheckExpr(e->list[0].get(), arena_.string()), arena_.string(), "error type");
      Expect(e->list[1].get(), CheckExpr(e->list[1].get(), arena_.string()), arena_.string(), "error message");
    } else {
      one_arg(arena_.string());
    }
    call.builtin = "Error::new";
    return arena_.error();
  }
  if (fn == "from" || fn == "try_from") {
    TypeExpr te;
    te.name = head;
    bool numeric = head == "f64" || head == "f32" || head == "char" || ((head[0] == 'i' || head[0] == 'u') && head.size() <= 5);
    if (numeric) {
      Type* to = ResolveTypeExpr(&te, {}, module_);
      one_arg(nullptr);
      call.builtin = "cast";
      return fn == "from" ? to : arena_.Result(to, arena_.string());
    }
  }
  *handled = false;
  cur_->calls.erase(e);
  return nullptr;
}

Type* Checker::CheckBuiltinMethod(const Expr* e, Type* recv, Type* expected) {
  Type* r = Resolve(recv);
  const std::string& m = e->text;
  CallInfo& call = CallOf(e);
  call.kind = CallKind::kBuiltin;
  call.builtin = m;
  const bool is_call = e->kind == ExprKind::kMethodCall;
  size_t argc = is_call ? e->list.size() : 0;
  bool bad_arity = false;
  auto args = [&](std::vector<Type*> params) {
    if (argc != params.size()) {
      Error(e, "`." + m + "()` takes " + std::to_string(params.size()) + " argument" + (params.size() == 1 ? "" : "s") +
                   ", found " + std::to_string(argc));
      bad_arity = true;
      for (const auto& a : e->list) CheckExpr(a.get(), nullptr);
      return;
    }
    for (size_t i = 0; i < argc; ++i) {
      Type* t = CheckExpr(e->list[i].get(), params[i]);
      Expect(e->list[i].get(), t, params[i], "argument " + std::to_string(i + 1) + " of `." + m + "()`");
    }
  };
  auto mutating = [&] { CheckAssignable(e->a.get(), m); };
  auto unknown = [&]() -> Type* {
    Error(e, "`" + TypeName(recv) + "` has no method `" + m + "`");
    for (const auto& a : e->list) CheckExpr(a.get(), nullptr);
    return arena_.Var();
  };
  Type* i64 = arena_.i64();
  Type* str = arena_.string();
  Type* boolean = arena_.boolean();

  // Methods every value has.
  if ((m == "to_string" || m == "to_owned" || m == "as_str" || m == "into") && r->kind != TypeKind::kJson) {
    args({});
    if (m == "to_string" && r->kind != TypeKind::kString) return str;
    if (r->kind == TypeKind::kString) return str;
    if (m == "into" && r->kind != TypeKind::kString) return unknown();
    if (m == "to_string") return str;
    return unknown();
  }
  if (m == "clone" || m == "copied" || m == "cloned" || m == "iter" || m == "into_iter" || m == "collect" ||
      m == "to_vec" || m == "iter_mut" || m == "as_ref" || m == "borrow" || m == "unwrap_or_clone") {
    if (r->kind == TypeKind::kJson && m != "clone") return unknown();
    args({});
    if (m == "collect" || m == "to_vec") {
      if (r->kind == TypeKind::kRange || r->kind == TypeKind::kSet) return arena_.Vec(r->args[0]);
      if (r->kind == TypeKind::kString) return str;
    }
    if (m != "clone" && r->kind == TypeKind::kMap) {
      return arena_.Vec(arena_.Tuple({r->args[0], r->args[1]}));
    }
    if (m != "clone" && m != "collect" && m != "to_vec" && r->kind == TypeKind::kString) return arena_.Vec(arena_.character());
    if (m != "clone" && r->kind == TypeKind::kRange) return arena_.Vec(r->args[0]);
    return recv;
  }

  switch (r->kind) {
    case TypeKind::kRange:
    case TypeKind::kVec: {
      Type* t = r->args[0];
      bool range = r->kind == TypeKind::kRange;
      auto fn1 = [&](Type* ret) { return arena_.Fn({t}, ret); };
      if (m == "len" || m == "count") {
        if (m == "count" && argc == 1) {
          args({fn1(boolean)});
          call.builtin = "count_if";
          return i64;
        }
        args({});
        return i64;
      }
      if (m == "is_empty") return args({}), boolean;
      if (m == "contains") return args({t}), boolean;
      if (m == "rev" || m == "reversed" || m == "sorted") return args({}), arena_.Vec(t);
      if (m == "step_by") return args({i64}), arena_.Vec(t);
      if (m == "sum" || m == "product") {
        args({});
        if (!IsNumeric(t)) Error(e, "`." + m + "()` needs numbers, found `" + TypeName(recv) + "`");
        return t;
      }
      if (m == "min" || m == "max") {
        if (argc == 1 && range) return unknown();
        return args({}), arena_.Option(t);
      }
      if (m == "map") {
        Type* u = arena_.Var();
        args({fn1(u)});
        return arena_.Vec(u);
      }
      if (m == "flat_map") {
        Type* u = arena_.Var();
        args({fn1(arena_.Vec(u))});
        return arena_.Vec(u);
      }
      if (m == "filter") return args({fn1(boolean)}), arena_.Vec(t);
      if (m == "for_each" || m == "each") return args({fn1(arena_.Var())}), arena_.unit();
      if (m == "any" || m == "all") return args({fn1(boolean)}), boolean;
      if (m == "find") return args({fn1(boolean)}), arena_.Option(t);
      if (m == "position" || m == "find_index") {
        args({fn1(boolean)});
        call.builtin = "position";
        return arena_.Option(i64);
      }
      if (m == "fold") {
        if (argc != 2) return args({arena_.Var(), arena_.Var()}), arena_.Var();
        Type* acc = CheckExpr(e->list[0].get(), nullptr);
        Type* f = CheckExpr(e->list[1].get(), arena_.Fn({acc, t}, acc));
        Expect(e->list[1].get(), f, arena_.Fn({acc, t}, acc), "fold function");
        return acc;
      }
      if (m == "reduce") {
        if (argc == 2) {
          // reduce(f, init): like fold with the arguments the other way round.
          Type* acc = CheckExpr(e->list[1].get(), nullptr);
          Type* f = CheckExpr(e->list[0].get(), arena_.Fn({acc, t}, acc));
          Expect(e->list[0].get(), f, arena_.Fn({acc, t}, acc), "reduce function");
          call.builtin = "reduce_init";
          return acc;
        }
        args({arena_.Fn({t, t}, t)});
        return arena_.Option(t);
      }
      if (m == "enumerate") return args({}), arena_.Vec(arena_.Tuple({i64, t}));
      if (m == "zip") {
        Type* u = arena_.Var();
        args({arena_.Vec(u)});
        return arena_.Vec(arena_.Tuple({t, u}));
      }
      if (m == "take" || m == "skip") return args({i64}), arena_.Vec(t);
      if (range) return unknown();
      if (m == "push" || m == "push_back") return mutating(), args({t}), call.builtin = "push", arena_.unit();
      if (m == "pop" || m == "pop_back") return mutating(), args({}), call.builtin = "pop", arena_.Option(t);
      if (m == "first" || m == "last") return args({}), arena_.Option(t);
      if (m == "get") return args({i64}), arena_.Option(t);
      if (m == "insert") return mutating(), args({i64, t}), arena_.unit();
      if (m == "remove") return mutating(), args({i64}), t;
      if (m == "clear" || m == "reverse" || m == "sort" || m == "dedup") return mutating(), args({}), arena_.unit();
      if (m == "sort_by_key") {
        mutating();
        args({fn1(arena_.Var())});
        return arena_.unit();
      }
      if (m == "retain") return mutating(), args({fn1(boolean)}), arena_.unit();
      if (m == "extend" || m == "append") return mutating(), args({recv}), call.builtin = "extend", arena_.unit();
      if (m == "concat") return args({recv}), recv;
      if (m == "truncate") return mutating(), args({i64}), arena_.unit();
      if (m == "join") {
        args({str});
        return str;
      }
      if (m == "index_of") return args({t}), arena_.Option(i64);
      if (m == "slice") return args({i64, i64}), recv;
      return unknown();
    }
    case TypeKind::kString: {
      Type* chr = arena_.character();
      if (m == "len") return args({}), i64;
      if (m == "is_empty") return args({}), boolean;
      if (m == "to_upper" || m == "to_uppercase" || m == "to_lower" || m == "to_lowercase" || m == "trim" ||
          m == "trim_start" || m == "trim_end" || m == "reversed") {
        args({});
        return str;
      }
      if (m == "split") return args({str}), arena_.Vec(str);
      if (m == "split_whitespace" || m == "lines") return args({}), arena_.Vec(str);
      if (m == "chars") return args({}), arena_.Vec(chr);
      if (m == "bytes") return args({}), arena_.Vec(arena_.Int(8, false));
      if (m == "contains" || m == "starts_with" || m == "ends_with") {
        if (argc == 1) {
          Type* a = CheckExpr(e->list[0].get(), nullptr);
          Type* ar = Resolve(a);
          if (ar->kind != TypeKind::kString && ar->kind != TypeKind::kChar) {
            Expect(e->list[0].get(), a, str, "argument of `." + m + "()`");
          }
          return boolean;
        }
        return args({str}), boolean;
      }
      if (m == "replace") return args({str, str}), str;
      if (m == "repeat") return args({i64}), str;
      if (m == "find") return args({str}), arena_.Option(i64);
      if (m == "substring" || m == "slice") return args({i64, i64}), str;
      if (m == "char_at") return args({i64}), chr;
      if (m == "strip_prefix" || m == "strip_suffix") return args({str}), arena_.Option(str);
      if (m == "push_str") return mutating(), args({str}), arena_.unit();
      if (m == "push") return mutating(), args({chr}), call.builtin = "push_char", arena_.unit();
      if (m == "parse") {
        args({});
        const Expr* callee = e;
        Type* target = callee->type_args.empty() ? arena_.Var() : ResolveTypeExpr(callee->type_args[0].get(), {}, module_);
        if (!callee->type_args.empty() && !IsNumeric(target) && Resolve(target)->kind != TypeKind::kBool &&
            Resolve(target)->kind != TypeKind::kChar) {
          Error(e, "`.parse::<" + TypeName(target) + ">()`: only numbers, bool and char parse");
        }
        return arena_.Result(target, str);
      }
      return unknown();
    }
    case TypeKind::kMap: {
      Type* k = r->args[0];
      Type* v = r->args[1];
      if (m == "insert") return mutating(), args({k, v}), arena_.unit();
      if (m == "get") return args({k}), arena_.Option(v);
      if (m == "contains_key" || m == "has") return args({k}), call.builtin = "contains_key", boolean;
      if (m == "remove") return mutating(), args({k}), arena_.Option(v);
      if (m == "len") return args({}), i64;
      if (m == "is_empty") return args({}), boolean;
      if (m == "keys") return args({}), arena_.Vec(k);
      if (m == "values") return args({}), arena_.Vec(v);
      if (m == "items" || m == "entries") return args({}), call.builtin = "items", arena_.Vec(arena_.Tuple({k, v}));
      if (m == "clear") return mutating(), args({}), arena_.unit();
      if (m == "get_or" || m == "get_or_default") {
        if (m == "get_or_default") return args({k}), v;
        return args({k, v}), v;
      }
      if (m == "entry") {
        mutating();
        args({k});
        call.builtin = "entry";
        return arena_.Tuple({k, v, arena_.unit()});  // only `.or_insert(v)` may follow (checked below)
      }
      return unknown();
    }
    case TypeKind::kTuple:
      // `m.entry(k).or_insert(v)`: an lvalue of the map's value type.
      if (r->args.size() == 3 && Resolve(r->args[2])->kind == TypeKind::kUnit && e->a->kind == ExprKind::kMethodCall &&
          e->a->text == "entry") {
        if (m == "or_insert") {
          args({r->args[1]});
          return r->args[1];
        }
        if (m == "or_default" || m == "or_insert_default") {
          args({});
          call.builtin = "or_default";
          return r->args[1];
        }
      }
      return unknown();
    case TypeKind::kSet: {
      Type* t = r->args[0];
      if (m == "insert" || m == "remove") return mutating(), args({t}), boolean;
      if (m == "contains") return args({t}), boolean;
      if (m == "len") return args({}), i64;
      if (m == "is_empty") return args({}), boolean;
      if (m == "union" || m == "intersection" || m == "difference") {
        args({recv});
        if (m == "union") call.builtin = "set_union";
        return recv;
      }
      return unknown();
    }
    case TypeKind::kOption: {
      Type* t = r->args[0];
      if (m == "unwrap") return args({}), t;
      if (m == "expect") return args({str}), t;
      if (m == "unwrap_or") return args({t}), t;
      if (m == "unwrap_or_default") return args({}), t;
      if (m == "unwrap_or_else") return args({arena_.Fn({}, t)}), t;
      if (m == "is_some" || m == "is_none") return args({}), boolean;
      if (m == "map") {
        Type* u = arena_.Var();
        args({arena_.Fn({t}, u)});
        return arena_.Option(u);
      }
      if (m == "and_then") {
        Type* u = arena_.Var();
        args({arena_.Fn({t}, arena_.Option(u))});
        return arena_.Option(u);
      }
      if (m == "filter") return args({arena_.Fn({t}, boolean)}), recv;
      if (m == "or") return args({recv}), call.builtin = "or_else_value", recv;
      if (m == "ok_or") {
        Type* err = arena_.Var();
        args({err});
        return arena_.Result(t, err);
      }
      return unknown();
    }
    case TypeKind::kResult: {
      Type* t = r->args[0];
      Type* err = r->args[1];
      if (m == "unwrap") return args({}), t;
      if (m == "expect") return args({str}), t;
      if (m == "unwrap_or") return args({t}), t;
      if (m == "unwrap_or_default") return args({}), t;
      if (m == "unwrap_or_else") return args({arena_.Fn({err}, t)}), t;
      if (m == "unwrap_err") return args({}), err;
      if (m == "is_ok" || m == "is_err") return args({}), boolean;
      if (m == "ok") return args({}), arena_.Option(t);
      if (m == "err") return args({}), arena_.Option(err);
      if (m == "map") {
        Type* u = arena_.Var();
        args({arena_.Fn({t}, u)});
        return arena_.Result(u, err);
      }
      if (m == "map_err") {
        Type* f = arena_.Var();
        args({arena_.Fn({err}, f)});
        return arena_.Result(t, f);
      }
      if (m == "and_then") {
        Type* u = arena_.Var();
        args({arena_.Fn({t}, arena_.Result(u, err))});
        return arena_.Result(u, err);
      }
      return unknown();
    }
    case TypeKind::kInt:
      if (m == "abs" || m == "signum") return args({}), recv;
      if (m == "pow") {
        if (argc != 1) return args({recv}), recv;
        Type* exp = CheckExpr(e->list[0].get(), nullptr);
        if (!IsInteger(exp)) Error(e->list[0].get(), "`.pow()` takes an integer exponent");
        ApplyDefaults(exp);
        call.builtin = "pow_method";
        return recv;
      }
      if (m == "min" || m == "max") return args({recv}), recv;
      if (m == "clamp") return args({recv, recv}), recv;
      if (m == "to_f64" || m == "as_f64") return args({}), call.builtin = "to_f64", arena_.f64();
      if (m == "is_even" || m == "is_odd" || m == "is_positive" || m == "is_negative") return args({}), boolean;
      return unknown();
    case TypeKind::kFloat:
      if (m == "sqrt" || m == "floor" || m == "ceil" || m == "round" || m == "abs" || m == "sin" || m == "cos" ||
          m == "tan" || m == "ln" || m == "log10" || m == "log2" || m == "exp" || m == "trunc" || m == "fract" ||
          m == "signum" || m == "cbrt" || m == "asin" || m == "acos" || m == "atan") {
        return args({}), recv;
      }
      if (m == "powi") return args({arena_.Int(32, true)}), recv;
      if (m == "pow") return args({recv}), call.builtin = "powf", recv;
      if (m == "powf" || m == "min" || m == "max" || m == "atan2" || m == "hypot" || m == "log") {
        return args({recv}), recv;
      }
      if (m == "clamp") return args({recv, recv}), recv;
      if (m == "is_nan" || m == "is_infinite" || m == "is_finite") return args({}), boolean;
      if (m == "to_i64" || m == "as_i64") return args({}), call.builtin = "to_i64", i64;
      return unknown();
    case TypeKind::kChar:
      if (m == "is_alphabetic" || m == "is_numeric" || m == "is_alphanumeric" || m == "is_whitespace" ||
          m == "is_uppercase" || m == "is_lowercase" || m == "is_ascii_digit" || m == "is_ascii_punctuation" ||
          m == "is_ascii") {
        return args({}), boolean;
      }
      if (m == "is_digit") return args({arena_.Int(32, false)}), boolean;
      if (m == "to_uppercase" || m == "to_lowercase" || m == "to_ascii_uppercase" || m == "to_ascii_lowercase") {
        return args({}), recv;
      }
      if (m == "to_digit") return args({arena_.Int(32, false)}), arena_.Option(arena_.Int(32, false));
      return unknown();
    case TypeKind::kJson:
      if (m == "to_string" || m == "stringify") return args({}), call.builtin = "to_string", str;
      if (m == "get") return args({str}), call.builtin = "json_get", arena_.Option(arena_.json());
      if (m == "as_str" || m == "as_string") return args({}), call.builtin = "as_str", arena_.Option(str);
      if (m == "as_i64" || m == "as_int") return args({}), call.builtin = "as_i64", arena_.Option(i64);
      if (m == "as_f64" || m == "as_float") return args({}), call.builtin = "as_f64", arena_.Option(arena_.f64());
      if (m == "as_bool") return args({}), arena_.Option(boolean);
      if (m == "as_array") return args({}), arena_.Option(arena_.Vec(arena_.json()));
      if (m == "is_null" || m == "is_string" || m == "is_number" || m == "is_object" || m == "is_array" ||
          m == "is_bool") {
        return args({}), boolean;
      }
      if (m == "len") return args({}), i64;
      if (m == "keys") return args({}), arena_.Vec(str);
      if (m == "contains_key" || m == "has") return args({str}), call.builtin = "contains_key", boolean;
      if (m == "set" || m == "insert") {
        mutating();
        if (argc == 2) {
          Expect(e->list[0].get(), CheckExpr(e->list[0].get(), str), str, "JSON key");
          Type* v = CheckExpr(e->list[1].get(), arena_.json());
          Expect(e->list[1].get(), v, arena_.json(), "JSON value");
        } else {
          args({str, arena_.json()});
        }
        call.builtin = "json_set";
        return arena_.unit();
      }
      if (m == "push") {
        mutating();
        args({arena_.json()});
        call.builtin = "json_push";
        return arena_.unit();
      }
      return unknown();
    case TypeKind::kContext:
      if (m == "request_id" || m == "aws_request_id" || m == "function_name" || m == "function_version" ||
          m == "invoked_function_arn" || m == "log_group_name" || m == "log_stream_name" || m == "trace_id") {
        if (is_call) args({});
        call.builtin = m == "aws_request_id" ? "request_id" : m;
        return str;
      }
      if (m == "remaining_time_ms" || m == "deadline_ms" || m == "memory_limit_mb" || m == "memory_limit_in_mb" ||
          m == "get_remaining_time_in_millis") {
        if (is_call) args({});
        call.builtin = m == "memory_limit_in_mb"             ? "memory_limit_mb"
                       : m == "get_remaining_time_in_millis" ? "remaining_time_ms"
                                                             : m;
        return i64;
      }
      return unknown();
    case TypeKind::kError:
      if (m == "message" || m == "error_type") {
        if (is_call) args({});
        return str;
      }
      return unknown();
    default:
      return unknown();
  }
}

}  // namespace ruchy
