// Calls of built-ins: a name (and, for methods, the receiver's type) selects rows of the built-in
// table (ruchy_frontend/builtins/builtins.def); the row's signature is instantiated with fresh
// type variables and checked like any call. Nothing here knows a particular built-in by name:
// behaviour a row needs beyond its signature is a flag.
#include <algorithm>

#include "ruchy_frontend/builtins/builtin_table.h"
#include "ruchy_frontend/check/checker_impl.h"
#include "ruchy_frontend/check/format_string.h"

namespace ruchy {

namespace {

// The type a receiver pattern's head names (`Vec` in `Vec<T>`), for matching receivers.
TypeKind PatternKind(const std::string& head) {
  if (const BuiltinTypeName* t = FindBuiltinTypeName(head)) return t->kind;
  return TypeKind::kVar;  // `Seq` and the classes are handled by ReceiverClass
}

// Whether a type matches a receiver pattern's argument: a variable binds (`T` in `Vec<T>`), a
// named type must have the same shape all the way down (`Vec<Vec<U>>` for `flatten`).
bool PatternMatches(const SigType& p, Type* t, SigBindings* b) {
  t = Resolve(t);
  switch (p.kind) {
    case SigType::Kind::kVar:
      b->vars[p.name] = t;
      return true;
    case SigType::Kind::kNamed: {
      if (p.args.empty() && !FindBuiltinTypeName(p.name)) {  // a placeholder name such as `K`
        b->vars[p.name] = t;
        return true;
      }
      if (PatternKind(p.name) != t->kind || p.args.size() > t->args.size()) return false;
      for (size_t i = 0; i < p.args.size(); ++i) {
        if (!PatternMatches(p.args[i], t->args[i], b)) return false;
      }
      return true;
    }
    case SigType::Kind::kTuple:
      if (t->kind != TypeKind::kTuple || p.args.size() != t->args.size()) return false;
      for (size_t i = 0; i < p.args.size(); ++i) {
        if (!PatternMatches(p.args[i], t->args[i], b)) return false;
      }
      return true;
    default:
      return false;
  }
}

bool ReceiverMatches(const Builtin& row, Type* r, SigBindings* b) {
  b->self = r;
  switch (row.receiver_class) {
    case ReceiverClass::kNone:
      return false;
    case ReceiverClass::kAny:
      // Tasks and join handles are single-use: no `clone` or `to_string` of them.
      return r->kind != TypeKind::kVar && r->kind != TypeKind::kFn && r->kind != TypeKind::kContext &&
             !IsAwaitable(r) &&
             r->kind != TypeKind::kNever;
    case ReceiverClass::kInt:
      return r->kind == TypeKind::kInt;
    case ReceiverClass::kFloat:
      return r->kind == TypeKind::kFloat;
    case ReceiverClass::kSeq:
      if (r->kind != TypeKind::kVec && r->kind != TypeKind::kRange) return false;
      b->vars[row.receiver.args[0].name] = r->args[0];
      return true;
    case ReceiverClass::kType:
      if (PatternKind(row.receiver.name) != r->kind) return false;
      for (size_t i = 0; i < row.receiver.args.size() && i < r->args.size(); ++i) {
        if (!PatternMatches(row.receiver.args[i], r->args[i], b)) return false;
      }
      return true;
  }
  return false;
}

// Whether an argument of (resolved) type `t` can be meant for `param`, without binding anything:
// used only to choose among rows of the same name and arity (`s.contains("a")` / `s.contains('a')`).
bool MayAccept(const SigType& param, Type* t) {
  t = Resolve(t);
  switch (param.kind) {
    case SigType::Kind::kNamed: {
      const BuiltinTypeName* row = FindBuiltinTypeName(param.name);
      TypeKind k = PatternKind(param.name);
      if (t->kind == TypeKind::kVar) {
        // A literal takes its own family; an integer also becomes a float (Checker::Coerce).
        if (t->int_literal) return k == TypeKind::kInt || k == TypeKind::kFloat;
        if (t->float_literal) return k == TypeKind::kFloat;
        return true;
      }
      if (k == TypeKind::kInt && row) return t->kind == k && t->bits == row->bits && t->is_signed == row->is_signed;
      if (k == TypeKind::kFloat && row) return (t->kind == k && t->bits == row->bits) || t->kind == TypeKind::kInt;
      return t->kind == k;
    }
    case SigType::Kind::kAnyInt:
      return IsInteger(t) || (t->kind == TypeKind::kVar && !t->float_literal);
    case SigType::Kind::kFn:
      return t->kind == TypeKind::kFn || t->kind == TypeKind::kVar;
    case SigType::Kind::kTuple:
      return t->kind == (param.args.empty() ? TypeKind::kUnit : TypeKind::kTuple) || t->kind == TypeKind::kVar;
    default:
      return true;
  }
}

// Whether two argument types could unify, without binding anything: two arguments bound to one
// type variable must agree (`min(1, 2.5)` is not `(T, T)`, so `(f64, f64)` is chosen).
bool MayUnify(Type* a, Type* b, int depth = 0) {
  a = Resolve(a);
  b = Resolve(b);
  if (a == b || depth > 32) return true;
  if (a->kind == TypeKind::kVar && b->kind == TypeKind::kVar) {
    return !((a->int_literal && b->float_literal) || (a->float_literal && b->int_literal));
  }
  if (b->kind == TypeKind::kVar) std::swap(a, b);
  if (a->kind == TypeKind::kVar) {
    if (a->int_literal) return b->kind == TypeKind::kInt;
    if (a->float_literal) return b->kind == TypeKind::kFloat;
    return true;
  }
  if (a->kind != b->kind || a->args.size() != b->args.size() || a->decl != b->decl) return false;
  if ((a->kind == TypeKind::kInt || a->kind == TypeKind::kFloat) && (a->bits != b->bits || a->is_signed != b->is_signed)) {
    return false;
  }
  for (size_t i = 0; i < a->args.size(); ++i) {
    if (!MayUnify(a->args[i], b->args[i], depth + 1)) return false;
  }
  return !a->ret || !b->ret || MayUnify(a->ret, b->ret, depth + 1);
}

// The receiver pattern unsupported.def names a type by (`String`, `Vec<T>`, `Int`).
std::string UnsupportedReceiverKey(Type* t) {
  switch (Resolve(t)->kind) {
    case TypeKind::kString: return "String";
    case TypeKind::kVec: return "Vec<T>";
    case TypeKind::kInt: return "Int";
    case TypeKind::kFloat: return "Float";
    case TypeKind::kMap: return "Map<K, V>";
    case TypeKind::kSet: return "Set<T>";
    case TypeKind::kJson: return "Json";
    default: return TypeName(t);
  }
}

}  // namespace

Type* Checker::SigTypeToType(const SigType& s, SigBindings& b) {
  switch (s.kind) {
    case SigType::Kind::kVar: {
      Type*& v = b.vars[s.name];
      if (!v) v = arena_.Var();
      return v;
    }
    case SigType::Kind::kSelf:
      return b.self ? b.self : arena_.Var();
    case SigType::Kind::kAnyInt:
      return arena_.IntLiteralVar();
    case SigType::Kind::kNever:
      return arena_.never();
    case SigType::Kind::kTuple: {
      if (s.args.empty()) return arena_.unit();
      std::vector<Type*> elems;
      for (const SigType& a : s.args) elems.push_back(SigTypeToType(a, b));
      return arena_.Tuple(std::move(elems));
    }
    case SigType::Kind::kFn: {
      std::vector<Type*> params;
      for (size_t i = 0; i + 1 < s.args.size(); ++i) params.push_back(SigTypeToType(s.args[i], b));
      return arena_.Fn(std::move(params), SigTypeToType(s.args.back(), b));
    }
    case SigType::Kind::kNamed: {
      std::vector<Type*> args;
      for (const SigType& a : s.args) args.push_back(SigTypeToType(a, b));
      return MakeBuiltinType(*FindBuiltinTypeName(s.name), args);
    }
  }
  return arena_.Var();
}

// A literal first argument with `{}` holes is a format string: its holes must be understood and
// match the arguments that follow.
void Checker::CheckFormatString(const Expr* e) {
  const Expr* literal = e->list[0].get();
  FormatString f = ParseFormatString(literal->text);
  if (f.holes == 0) return;  // no placeholders: the values are printed separated by spaces
  if (!f.error.empty()) {
    Report<diag::kUnsupportedPlaceholder>(literal, "{" + f.error + "}");
    return;
  }
  for (const FormatPiece& piece : f.pieces) {
    if (piece.arg >= 0 && !piece.spec.empty() && !ParseFormatSpec(piece.spec)) {
      Report<diag::kUnsupportedFormatSpec>(literal, piece.spec);
    }
  }
  const int64_t given = static_cast<int64_t>(e->list.size()) - 1;
  if (!f.explicit_index && f.holes != given) {
    Report<diag::kFormatCountMismatch>(literal, Plural{f.holes, "placeholder"}, Plural{given, "argument"});
  } else if (f.explicit_index && f.arguments_needed != given) {
    Report<diag::kFormatArgumentsMismatch>(literal, Plural{f.arguments_needed, "argument"}, Plural{given, "argument"});
  }
}

Type* Checker::CheckBuiltinCall(const Expr* e, const std::string& name, Type* expected, bool* handled) {
  std::vector<const Builtin*> rows = BuiltinTable::Get().Functions(name);
  *handled = !rows.empty();
  if (rows.empty()) return nullptr;
  return CheckBuiltinRows(e, rows, SigBindings{}, expected, "`" + name + "`", {});
}

Type* Checker::CheckStaticCall(const Expr* e, const std::string& path, Type* expected, bool* handled) {
  size_t colon = path.rfind("::");
  std::string head = path.substr(0, colon);
  std::vector<const Builtin*> rows = BuiltinTable::Get().Statics(head, path.substr(colon + 2));
  *handled = !rows.empty();
  if (rows.empty()) return nullptr;
  SigBindings b;
  if (IsNumericTypeName(head)) {
    TypeExpr te;
    te.name = head;
    b.self = ResolveTypeExpr(&te, {}, module_);
  }
  std::vector<const TypeExpr*> type_args;
  for (const auto& t : e->a->type_args) type_args.push_back(t.get());
  return CheckBuiltinRows(e, rows, b, expected, "`" + path + "`", type_args);
}

Type* Checker::CheckBuiltinConst(const Expr* e, const std::string& head, const std::string& name) {
  const Builtin* row = BuiltinTable::Get().Const(head, name);
  if (!row) return nullptr;
  SigBindings b;
  TypeExpr te;
  te.name = head.substr(0, head.find("::"));  // `f64::consts::PI` is an f64
  b.self = ResolveTypeExpr(&te, {}, module_);
  CallInfo& call = CallOf(e);
  call.kind = CallKind::kBuiltin;
  call.builtin = row->id;
  call.self_type = b.self;
  return SigTypeToType(row->signature.result, b);
}

Type* Checker::CheckBuiltinMethod(const Expr* e, Type* recv, Type* expected) {
  Type* r = Resolve(recv);
  const bool is_call = e->kind == ExprKind::kMethodCall;
  std::vector<const Builtin*> own, any;
  for (const Builtin* row : BuiltinTable::Get().Methods(e->text)) {
    if (!is_call && !row->flags.property) continue;
    SigBindings probe;
    if (!ReceiverMatches(*row, r, &probe)) continue;
    (row->receiver_class == ReceiverClass::kAny ? any : own).push_back(row);
  }
  const std::vector<const Builtin*>& rows = own.empty() ? any : own;
  if (rows.empty()) {
    if (!ReportUnsupportedMethod(e, recv, is_call)) {
      Report<diag::kNoMethod>(e, TypeName(recv), e->text);
      SuggestName(e, e->text, MethodNames(recv));
    }
    CheckArgsOfFailedCall(e);
    return arena_.Var();
  }
  std::vector<const TypeExpr*> type_args;
  for (const auto& t : e->type_args) type_args.push_back(t.get());
  return CheckBuiltinRows(e, rows, SigBindings{}, expected, "`." + e->text + "()`", type_args, recv);
}

std::vector<std::string> Checker::MethodNames(Type* t) const {
  Type* r = Resolve(t);
  std::vector<std::string> names;
  for (const Builtin& row : BuiltinTable::Get().rows()) {
    if (row.kind != BuiltinKind::kMethod) continue;
    SigBindings probe;
    if (!ReceiverMatches(row, r, &probe)) continue;
    names.insert(names.end(), row.names.begin(), row.names.end());
  }
  if (r->decl) {
    for (const auto& [type_name, info] : out_.types) {
      if (info.decl != r->decl) continue;
      for (const auto& [name, fun] : info.methods) names.push_back(name);
    }
  }
  return names;
}

bool Checker::ReportUnsupportedBuiltin(const Expr* at, const std::string& path, const std::string& as_written) {
  size_t colon = path.rfind("::");
  const UnsupportedBuiltin* u =
      colon == std::string::npos
          ? BuiltinTable::Get().Unsupported(UnsupportedBuiltin::Kind::kFunction, "", path)
          : BuiltinTable::Get().Unsupported(UnsupportedBuiltin::Kind::kStatic, path.substr(0, colon), path.substr(colon + 2));
  if (!u) return false;
  Report<diag::kUnsupportedReferenceBuiltin>(at, as_written.empty() ? path : as_written, u->why);
  return true;
}

bool Checker::ReportUnsupportedMethod(const Expr* e, Type* recv, bool is_call) {
  const UnsupportedBuiltin* u = BuiltinTable::Get().Unsupported(
      is_call ? UnsupportedBuiltin::Kind::kMethod : UnsupportedBuiltin::Kind::kProperty, UnsupportedReceiverKey(recv), e->text);
  if (!u) return false;
  if (is_call) {
    Report<diag::kUnsupportedReferenceMethod>(e, e->text, TypeName(recv), u->why);
  } else {
    Report<diag::kUnsupportedReferenceProperty>(e, e->text, TypeName(recv), u->why);
  }
  return true;
}

Type* Checker::CheckBuiltinRows(const Expr* e, const std::vector<const Builtin*>& rows, SigBindings bindings,
                                Type* expected, const std::string& what, const std::vector<const TypeExpr*>& type_args,
                                Type* recv) {
  const size_t argc = e->kind == ExprKind::kField ? 0 : e->list.size();
  auto arity_fits = [&](const Builtin* row) {
    size_t fixed = row->signature.params.size();
    return argc == fixed || (row->signature.variadic && argc > fixed);
  };
  std::vector<const Builtin*> fitting;
  for (const Builtin* row : rows) {
    if (arity_fits(row)) fitting.push_back(row);
  }
  if (fitting.empty()) {
    std::vector<size_t> arities;
    for (const Builtin* row : rows) {
      size_t n = row->signature.params.size();
      if (std::find(arities.begin(), arities.end(), n) == arities.end()) arities.push_back(n);
    }
    std::string takes = std::to_string(arities[0]);
    for (size_t i = 1; i < arities.size(); ++i) takes += (i + 1 == arities.size() ? " or " : ", ") + std::to_string(arities[i]);
    Report<diag::kWrongArgumentCount>(e, what, takes + (arities.size() == 1 && arities[0] == 1 ? " argument" : " arguments"), static_cast<int64_t>(argc));
    CheckArgsOfFailedCall(e);
    return arena_.Var();
  }

  // Several rows of this arity: the argument types choose (checked once, without expectations).
  std::vector<Type*> prechecked;
  const Builtin* row = fitting[0];
  if (fitting.size() > 1) {
    for (size_t i = 0; i < argc; ++i) prechecked.push_back(CheckExpr(e->list[i].get(), nullptr));
    row = nullptr;
    for (const Builtin* candidate : fitting) {
      bool fits = true;
      std::map<std::string, Type*> first_use;  // a type variable's first argument
      for (size_t i = 0; i < candidate->signature.params.size() && fits; ++i) {
        const SigType& param = candidate->signature.params[i];
        fits = MayAccept(param, prechecked[i]);
        if (fits && param.kind == SigType::Kind::kVar) {
          auto [it, fresh] = first_use.emplace(param.name, prechecked[i]);
          fits = fresh || MayUnify(it->second, prechecked[i]);
        }
      }
      if (fits) {
        row = candidate;
        break;
      }
    }
    if (!row) {
      std::string found;
      for (size_t i = 0; i < argc; ++i) found += (i ? ", " : "") + std::string("`") + TypeName(prechecked[i]) + "`";
      Report<diag::kNoMatchingOverload>(e, what, argc ? found : std::string("no arguments"));
      return arena_.Var();
    }
  }

  const Signature& sig = row->signature;
  if (recv) ReceiverMatches(*row, Resolve(recv), &bindings);
  if (type_args.size() > sig.turbofish.size()) {
    Report<diag::kWrongTypeArgumentCount>(e, what, Plural{static_cast<int64_t>(sig.turbofish.size()), "type argument"}, static_cast<int64_t>(type_args.size()));
  }
  for (size_t i = 0; i < type_args.size() && i < sig.turbofish.size(); ++i) {
    bindings.vars[sig.turbofish[i]] = ResolveTypeExpr(type_args[i], {}, module_);
  }
  std::vector<Type*> params;
  for (const SigType& p : sig.params) params.push_back(SigTypeToType(p, bindings));
  Type* result = SigTypeToType(sig.result, bindings);
  if (row->flags.expected && expected) {
    Type* want = Resolve(expected);
    Type* got = Resolve(result);
    // Only a result of the same shape (or not yet known) takes the context's type; a mismatch is
    // reported where the value is used.
    if (want->kind != TypeKind::kVar && (got->kind == TypeKind::kVar || got->kind == want->kind)) Unify(result, want);
  }
  if (row->flags.collect) deferred_collects_.push_back({e, result, bindings.vars["T"], recv});

  // Arguments: closures last, so that what the other arguments say of the type variables reaches
  // the closure's parameters (`xs.fold(0, |acc, x| acc + x)`).
  for (int pass = 0; pass < 2; ++pass) {
    for (size_t i = 0; i < params.size(); ++i) {
      const Expr* arg = e->list[i].get();
      if ((arg->kind == ExprKind::kClosure) != (pass == 1)) continue;
      Type* t = prechecked.empty() ? CheckExpr(arg, params[i]) : prechecked[i];
      Expect(arg, t, params[i], "argument " + std::to_string(i + 1) + (recv ? " of " + what : ""));
    }
  }
  for (size_t i = params.size(); i < argc; ++i) {  // the printable values of `...`
    const Expr* arg = e->list[i].get();
    Type* t = prechecked.empty() ? CheckExpr(arg, nullptr) : prechecked[i];
    ApplyDefaults(t);
    CheckPrintable(arg, t);
  }

  if (row->flags.format && argc > 0 && e->list[0]->kind == ExprKind::kString) CheckFormatString(e);
  if (row->flags.numeric && !IsNumeric(bindings.vars["T"])) {
    Report<diag::kNeedsNumbers>(e, what, TypeName(recv ? recv : bindings.vars["T"]));
  }
  if (row->flags.parsable && !type_args.empty()) {
    Type* target = Resolve(bindings.vars[sig.turbofish[0]]);
    if (!IsNumeric(target) && target->kind != TypeKind::kBool && target->kind != TypeKind::kChar) {
      Report<diag::kParseTargetType>(e, e->text, TypeName(target));
    }
  }
  if (row->flags.mutates) CheckAssignable(e->a.get(), e->text);

  CallInfo& call = CallOf(e);
  call.kind = CallKind::kBuiltin;
  call.builtin = row->id;
  call.self_type = bindings.self;
  for (const std::string& v : sig.turbofish) call.type_vars.push_back(bindings.vars[v]);
  if (row->flags.parsable) return ParseResultOrValue(e, result, expected);
  return result;
}

}  // namespace ruchy
