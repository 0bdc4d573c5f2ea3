// Type checking of expressions: the dispatch over expression kinds, names and paths, fields,
// indexing, struct literals and f-strings. Blocks and bindings are in bindings.cc, operators in
// operators.cc, control flow in control_flow.cc (Ruchy has no separate statement grammar).
#include <utility>

#include "ruchy_frontend/check/checker_impl.h"
#include "ruchy_frontend/check/format_string.h"

namespace ruchy {

namespace {

bool JsonConvertible(Type* t, int depth = 0) {
  t = Resolve(t);
  if (depth > 16) return false;
  switch (t->kind) {
    case TypeKind::kUnit:
    case TypeKind::kBool:
    case TypeKind::kInt:
    case TypeKind::kFloat:
    case TypeKind::kChar:
    case TypeKind::kString:
    case TypeKind::kJson:
    case TypeKind::kStruct:
    case TypeKind::kEnum:
      return true;
    case TypeKind::kVec:
    case TypeKind::kSet:
    case TypeKind::kOption:
      return JsonConvertible(t->args[0], depth + 1);
    case TypeKind::kMap:
      return Resolve(t->args[0])->kind == TypeKind::kString && JsonConvertible(t->args[1], depth + 1);
    case TypeKind::kTuple:
      for (Type* a : t->args) {
        if (!JsonConvertible(a, depth + 1)) return false;
      }
      return true;
    case TypeKind::kVar:
      return t->int_literal || t->float_literal;
    default:
      return false;
  }
}

}  // namespace

const Expr* LastValueExpr(const Expr* e) {
  while (e->kind == ExprKind::kBlock && !e->list.empty()) e = e->list.back().get();
  return e;
}

void Checker::Expect(const Expr* e, Type* actual, Type* expected, const std::string& context) {
  if (Unify(actual, expected)) return;
  if (Coerce(e, actual, expected)) return;
  const Expr* at = LastValueExpr(e);
  context.empty() ? Report<diag::kMismatchedTypes>(at, TypeName(expected), TypeName(actual)) : Report<diag::kMismatchedTypesIn>(at, TypeName(expected), TypeName(actual), context);
}

Type* Checker::Coerce(const Expr* e, Type* actual, Type* expected) {
  Type* want = Resolve(expected);
  if (want->kind == TypeKind::kDyn) return CoerceToDyn(e, actual, want);
  if (want->kind == TypeKind::kJson && JsonConvertible(actual)) {
    ApplyDefaults(actual);
    cur_->coercions[e] = Coercion::kToJson;
    return want;
  }
  if (want->kind == TypeKind::kError && Resolve(actual)->kind == TypeKind::kString) {
    cur_->coercions[e] = Coercion::kToError;
    return want;
  }
  if (want->kind == TypeKind::kFloat && IsInteger(actual)) {
    // An integer where a float is expected (`let x: f64 = 1`, `area(2)`): converted exactly.
    ApplyDefaults(actual);
    cur_->coercions[e] = Coercion::kToFloat;
    return want;
  }
  return nullptr;
}

Type* Checker::CheckExpr(const Expr* e, Type* expected, bool value_used) {
  if (!e) return arena_.unit();
  Type* t = CheckExprInner(e, expected, value_used);
  if (!t) t = arena_.Var();
  return Record(e, t);
}

Type* Checker::CheckExprInner(const Expr* e, Type* expected, bool value_used) {
  NoteResultUse(e);  // `parse()` below it stays a Result (parse_results.cc)
  switch (e->kind) {
    case ExprKind::kInt: {
      Type* t = arena_.IntLiteralVar();
      if (!e->suffix.empty()) {
        TypeExpr te;
        te.name = e->suffix;
        Unify(t, ResolveTypeExpr(&te, {}, ""));
      }
      // Whether the value fits is known once the literal's type is settled (Finalize).
      int_literals_.push_back({e, t});
      return t;
    }
    case ExprKind::kFloat:
      return e->suffix == "f32" ? arena_.Float(32) : arena_.FloatLiteralVar();
    case ExprKind::kBool:
      return arena_.boolean();
    case ExprKind::kString:
      return arena_.string();
    case ExprKind::kChar:
      return arena_.character();
    case ExprKind::kUnit:
      return arena_.unit();
    case ExprKind::kFString:
      return CheckFString(e);
    case ExprKind::kName:
      return CheckName(e);
    case ExprKind::kPath:
      return CheckPath(e, expected);
    case ExprKind::kSelf: {
      Binding* b = Lookup("self");
      if (!b) {
        // In an associated function of a type (`fun area() { self.w }`), `self` means its value.
        Type* self_type = cur_->self_type;
        if (self_type) {
          Report<diag::kSelfWithoutSelfParameter>(e, cur_->decl->name);
        } else {
          Report<diag::kSelfOutsideMethod>(e);
        }
        // Declared once reported, so the function's other uses of `self` are not reported again.
        Binding self;
        self.type = self_type ? self_type : arena_.Var();
        self.cpp_name = "t_self";
        self.is_mut = true;
        scopes_.front()["self"] = self;
        return self.type;
      }
      return b->type;
    }
    case ExprKind::kUnary:
      return CheckUnary(e, expected);
    case ExprKind::kBinary:
      return CheckBinary(e, expected);
    case ExprKind::kAssign:
      return CheckAssign(e);
    case ExprKind::kCall:
      return CheckCall(e, expected);
    case ExprKind::kMethodCall:
      return CheckMethodCall(e, expected);
    case ExprKind::kField:
      return CheckField(e);
    case ExprKind::kIndex:
      return CheckIndex(e);
    case ExprKind::kSlice: {
      Type* t = CheckExpr(e->a.get(), nullptr);
      Type* r = Resolve(t);
      if (r->kind != TypeKind::kVec && r->kind != TypeKind::kString) {
        Report<diag::kCannotSlice>(e, TypeName(t));
      }
      for (const Expr* bound : {e->b.get(), e->c.get()}) {
        if (bound) Expect(bound, CheckExpr(bound, arena_.i64()), arena_.i64(), "slice bound");
      }
      return t;
    }
    case ExprKind::kArray: {
      Type* want = expected ? Resolve(expected) : nullptr;
      if (want && want->kind == TypeKind::kJson) {
        for (const auto& el : e->list) Expect(el.get(), CheckExpr(el.get(), want), want, "JSON array element");
        return want;
      }
      Type* elem = want && want->kind == TypeKind::kVec ? want->args[0] : arena_.Var();
      for (const auto& el : e->list) {
        Type* t = CheckExpr(el.get(), elem);
        Expect(el.get(), t, elem, "array element");
      }
      return arena_.Vec(elem);
    }
    case ExprKind::kArrayRepeat: {
      Type* t = CheckExpr(e->a.get(), nullptr);
      Expect(e->b.get(), CheckExpr(e->b.get(), arena_.i64()), arena_.i64(), "array length");
      return arena_.Vec(t);
    }
    case ExprKind::kComprehension: {
      PushScope();
      Type* iter = CheckExpr(e->b.get(), nullptr);
      Type* elem = IterElementType(e->b.get(), iter);
      BindPattern(e->pattern.get(), elem, false, false);
      if (e->c) Expect(e->c.get(), CheckExpr(e->c.get(), arena_.boolean()), arena_.boolean(), "comprehension filter");
      Type* out = CheckExpr(e->a.get(), nullptr);
      PopScope();
      return arena_.Vec(out);
    }
    case ExprKind::kTuple: {
      Type* want = expected ? Resolve(expected) : nullptr;
      std::vector<Type*> elems;
      for (size_t i = 0; i < e->list.size(); ++i) {
        Type* hint = want && want->kind == TypeKind::kTuple && i < want->args.size() ? want->args[i] : nullptr;
        Type* t = CheckExpr(e->list[i].get(), hint);
        if (hint && Coerce(e->list[i].get(), t, hint) == nullptr) {
          elems.push_back(t);
        } else {
          elems.push_back(hint ? hint : t);
        }
      }
      return arena_.Tuple(std::move(elems));
    }
    case ExprKind::kMap: {
      if (IsRecordLiteral(e, expected)) return CheckRecordLiteral(e, expected);
      Type* want = expected ? Resolve(expected) : nullptr;
      if (want && want->kind == TypeKind::kJson) {
        for (const auto& [k, v] : e->map_entries) {
          Expect(k.get(), CheckExpr(k.get(), arena_.string()), arena_.string(), "JSON object key");
          Expect(v.get(), CheckExpr(v.get(), want), want, "JSON object value");
        }
        return want;
      }
      Type* key = want && want->kind == TypeKind::kMap ? want->args[0] : arena_.Var();
      Type* value = want && want->kind == TypeKind::kMap ? want->args[1] : arena_.Var();
      for (const auto& [k, v] : e->map_entries) {
        Expect(k.get(), CheckExpr(k.get(), key), key, "map key");
        Expect(v.get(), CheckExpr(v.get(), value), value, "map value");
      }
      return arena_.Map(key, value);
    }
    case ExprKind::kStructLit:
      return CheckStructLiteral(e);
    case ExprKind::kRange: {
      Type* elem = arena_.Var();
      if (e->a) Expect(e->a.get(), CheckExpr(e->a.get(), elem), elem, "range start");
      if (e->b) Expect(e->b.get(), CheckExpr(e->b.get(), elem), elem, "range end");
      if (!e->a || !e->b) {
        Report<diag::kOpenRangeOutsideSlice>(e);
      } else if (!IsInteger(elem) && Resolve(elem)->kind != TypeKind::kChar) {
        Report<diag::kRangeBoundType>(e, TypeName(elem));
      }
      return arena_.Range(elem);
    }
    case ExprKind::kClosure:
      return CheckClosure(e, expected);
    case ExprKind::kIf:
    case ExprKind::kIfLet:
      return CheckIf(e, expected, value_used);
    case ExprKind::kMatch:
      return CheckMatch(e, expected, value_used);
    case ExprKind::kBlock:
      return CheckBlock(e, expected, value_used);
    case ExprKind::kWhile:
    case ExprKind::kWhileLet:
    case ExprKind::kFor:
    case ExprKind::kLoop:
      return CheckLoop(e);
    case ExprKind::kBreak:
    case ExprKind::kContinue: {
      LoopContext* target = nullptr;
      for (auto it = loops_.rbegin(); it != loops_.rend(); ++it) {
        if (e->text.empty() || it->label == e->text) {
          target = &*it;
          break;
        }
      }
      const char* what = e->kind == ExprKind::kBreak ? "break" : "continue";
      if (!target) {
        e->text.empty() ? Report<diag::kJumpOutsideLoop>(e, std::string(what)) : Report<diag::kUnknownLoopLabel>(e, e->text);
        return arena_.never();
      }
      if (e->kind == ExprKind::kBreak) {
        if (e->a) {
          if (!target->is_loop) {
            Report<diag::kBreakValueOutsideLoop>(e->a.get());
          } else {
            Expect(e->a.get(), CheckExpr(e->a.get(), target->break_type), target->break_type, "break value");
          }
        } else if (target->is_loop) {
          Unify(target->break_type, arena_.unit());
        }
        if (target->is_loop) loops_has_break_.insert(target->break_type);
      }
      return arena_.never();
    }
    case ExprKind::kReturn: {
      if (returns_.empty()) {
        Report<diag::kReturnOutsideFunction>(e);
        return arena_.never();
      }
      Type* ret = returns_.back();
      if (e->a) {
        Expect(e->a.get(), CheckExpr(e->a.get(), ret), ret, "return value");
      } else if (!Unify(ret, arena_.unit())) {
        Report<diag::kReturnWithoutValue>(e, TypeName(ret));
      }
      return arena_.never();
    }
    case ExprKind::kLet:
      return CheckLet(e);
    case ExprKind::kTry:
      return CheckTry(e, expected, value_used);
    case ExprKind::kThrow:
      CheckExpr(e->a.get(), nullptr);
      return arena_.never();
    case ExprKind::kQuestion:
      return CheckQuestion(e);
    case ExprKind::kAwait:
      return CheckAwait(e);
    case ExprKind::kCast: {
      Type* from = CheckExpr(e->a.get(), nullptr);
      Type* to = ResolveTypeExpr(e->type.get(), {}, module_);
      ApplyDefaults(from);
      Type* f = Resolve(from);
      Type* t = Resolve(to);
      bool f_num = f->kind == TypeKind::kInt || f->kind == TypeKind::kFloat || f->kind == TypeKind::kChar ||
                   f->kind == TypeKind::kBool;
      bool t_num = t->kind == TypeKind::kInt || t->kind == TypeKind::kFloat ||
                   (t->kind == TypeKind::kChar && f->kind == TypeKind::kInt);
      if (!(f_num && t_num) && !Unify(from, to)) {
        Report<diag::kInvalidCast>(e, TypeName(from), TypeName(to));
      }
      return to;
    }
    case ExprKind::kFunDecl:
      CheckFunAttributes(*e->fun, nullptr, /*nested=*/true);
      return CheckNestedFunction(e);
  }
  return arena_.unit();
}

Type* Checker::FunctionValue(const Expr* e, const FunDecl* fun, const std::string& name) {
  if (fun->is_extern) {
    Report<diag::kExternNotCalled>(e, name);
    return arena_.Var();
  }
  if (IsGeneric(*fun)) {
    Report<diag::kGenericFunctionValue>(e, name);
    return arena_.Var();
  }
  FunctionInstance* inst = Instantiate(fun, nullptr, {}, e->loc, function_module_[fun]);
  if (!inst) return arena_.Var();
  CallInfo& call = CallOf(e);
  call.kind = CallKind::kFunction;
  call.target = inst;
  return arena_.Fn(inst->params, CallResult(inst));
}

Type* Checker::CheckName(const Expr* e) {
  const std::string& name = e->text;
  Binding* b = Lookup(name);
  if (!b || b->is_global) {
    if (Binding* c = FindModuleConst(name)) return UseGlobal(e, *c);
  }
  if (b) {
    if (b->is_global) cur_->global_refs.insert(e);
    if (b->fun_decl) return FunctionValue(e, b->fun_decl, name);
    cur_->names[e] = b->cpp_name;
    if (b->is_slot && !b->is_global && closure_level_ > b->closure_level) {
      Report<diag::kSlotInClosure>(e, name);  // the closure could outlive the map
    }
    if (!b->is_global && closure_level_ > b->closure_level) cur_->captured.insert(b->cpp_name);
    return b->type;
  }
  if (const FunDecl* fun = FindFunction(name, module_)) return FunctionValue(e, fun, name);
  if (name == "None") return arena_.Option(arena_.Var());
  // A bare unit variant (`Red`) of exactly one enum.
  TypeInfo* found = nullptr;
  int index = -1;
  for (auto& [tn, info] : out_.types) {
    if (info.decl->kind != TypeDecl::Kind::kEnum) continue;
    for (size_t i = 0; i < info.decl->variants.size(); ++i) {
      if (info.decl->variants[i].name == name) {
        if (found) {
          Report<diag::kAmbiguousVariant>(e, name, found->decl->name, info.decl->name);
          return arena_.Var();
        }
        found = &info;
        index = static_cast<int>(i);
      }
    }
  }
  if (found) {
    CallInfo& call = CallOf(e);
    call.kind = CallKind::kVariant;
    call.type = found->decl;
    call.variant = index;
    if (!found->variant_types[index].empty()) {
      Report<diag::kVariantNeedsData>(e, name);
    }
    return InstanceOf(found)->type;
  }
  if (ReportNestedCapture(e, name)) return arena_.Var();
  if (ImportFailed(name)) return arena_.Var();  // reported at its `use`
  Report<diag::kUnknownName>(e, name);
  NoteDeclaredInEndedBlock(name);
  SuggestName(e, name, VisibleValueNames());
  return arena_.Var();
}

Type* Checker::CheckPath(const Expr* e, Type* expected) {
  const std::string& path = e->text;
  CheckAccess(e->loc, e->length, path);
  size_t colon = path.rfind("::");
  std::string head = path.substr(0, colon);
  std::string last = path.substr(colon + 2);
  // Constants of built-in types: `f64::PI`, `i32::MAX`.
  if (Type* t = CheckBuiltinConst(e, head, last)) return t;
  if (TypeInfo* info = FindType(head, module_)) {
    if (info->decl->kind == TypeDecl::Kind::kEnum) {
      for (size_t i = 0; i < info->decl->variants.size(); ++i) {
        if (info->decl->variants[i].name != last) continue;
        CallInfo& call = CallOf(e);
        call.kind = CallKind::kVariant;
        call.type = info->decl;
        call.variant = static_cast<int>(i);
        if (!info->variant_types[i].empty()) {
          Report<diag::kVariantNeedsData>(e, path);
        }
        return InstanceFor(info, expected)->type;
      }
      Report<diag::kNoVariant>(e, head, last);
      return arena_.Var();
    }
  }
  if (Binding* c = FindModuleConst(path)) return UseGlobal(e, *c);
  if (const FunDecl* fun = FindFunction(path, module_)) return FunctionValue(e, fun, path);
  if (path == "Option::None") return arena_.Option(arena_.Var());
  Report<diag::kUnknownPath>(e, path);
  return arena_.Var();
}

Type* Checker::CheckField(const Expr* e) {
  Type* object = CheckExpr(e->a.get(), nullptr);
  Type* t = Resolve(object);
  bool optional = e->flag;
  if (optional) {
    if (t->kind != TypeKind::kOption) {
      Report<diag::kOptionalFieldNeedsOption>(e, TypeName(object));
      return arena_.Var();
    }
    t = Resolve(t->args[0]);
  }
  auto wrap = [&](Type* field) -> Type* {
    if (!optional) return field;
    return Resolve(field)->kind == TypeKind::kOption ? field : arena_.Option(field);
  };
  const std::string& name = e->text;
  if (t->kind == TypeKind::kTuple && !name.empty() && std::isdigit(static_cast<unsigned char>(name[0]))) {
    size_t index = std::stoul(name.size() > 6 ? "999999" : name);
    if (index >= t->args.size()) {
      Report<diag::kNoTupleElement>(e, TypeName(t), name);
      return arena_.Var();
    }
    return wrap(t->args[index]);
  }
  if (t->kind == TypeKind::kStruct || t->kind == TypeKind::kClass) {
    TypeInfo* info = MembersOf(t);
    for (size_t i = 0; i < t->decl->fields.size(); ++i) {
      if (t->decl->fields[i].name != name) continue;
      CheckFieldVisible(e->loc, e->length, t->decl, i);
      return wrap(info->field_types[i]);
    }
    if (info->methods.count(name)) {
      Report<diag::kMethodReadAsField>(e, name, t->decl->name);
      return arena_.Var();
    }
    if (t->decl->is_record) {
      ReportRecordField(e, t);
      return arena_.Var();
    }
    Report<diag::kNoField>(e, t->decl->name, name);
    SuggestName(e, name, FieldNames(t->decl));
    return arena_.Var();
  }
  if (t->kind == TypeKind::kJson) {
    CallOf(e).kind = CallKind::kJsonMember;
    return arena_.json();
  }
  if (t->kind == TypeKind::kContext || t->kind == TypeKind::kError) {
    // ctx.request_id reads like a field; it is the accessor of the same name.
    Type* r = CheckBuiltinMethod(e, t, nullptr);
    return r ? r : arena_.Var();
  }
  if (t->kind == TypeKind::kVar) {
    // An open `self` is one outside a method, already reported.
    if (e->a->kind != ExprKind::kSelf) Report<diag::kCannotInferFieldOwner>(e, name);
    return arena_.Var();
  }
  if (ReportUnsupportedMethod(e, object, /*is_call=*/false)) return arena_.Var();
  Report<diag::kNoField>(e, TypeName(object), name);
  return arena_.Var();
}

Type* Checker::CheckIndex(const Expr* e) {
  Type* object = CheckExpr(e->a.get(), nullptr);
  Type* t = Resolve(object);
  switch (t->kind) {
    case TypeKind::kVec:
      Expect(e->b.get(), CheckExpr(e->b.get(), arena_.i64()), arena_.i64(), "index");
      return t->args[0];
    case TypeKind::kString:
      Expect(e->b.get(), CheckExpr(e->b.get(), arena_.i64()), arena_.i64(), "index");
      return arena_.string();
    case TypeKind::kMap:
      Expect(e->b.get(), CheckExpr(e->b.get(), t->args[0]), t->args[0], "map key");
      return t->args[1];
    case TypeKind::kJson: {
      Type* k = CheckExpr(e->b.get(), nullptr);
      ApplyDefaults(k);
      if (Resolve(k)->kind != TypeKind::kString && !IsInteger(k)) {
        Report<diag::kJsonIndexType>(e->b.get(), TypeName(k));
      }
      return arena_.json();
    }
    case TypeKind::kVar:
      CheckExpr(e->b.get(), nullptr);
      Report<diag::kCannotInferIndexed>(e->a.get());
      return arena_.Var();
    default:
      CheckExpr(e->b.get(), nullptr);
      Report<diag::kCannotIndex>(e, TypeName(object));
      return arena_.Var();
  }
}

Type* Checker::CheckStructLiteral(const Expr* e) {
  const std::string& name = e->text;
  CheckAccess(e->loc, static_cast<uint32_t>(name.size()), name);
  size_t colon = name.rfind("::");
  TypeInfo* info = FindType(name, module_);
  const VariantDecl* variant = nullptr;
  int variant_index = -1;
  if (!info && colon != std::string::npos) {
    info = FindType(name.substr(0, colon), module_);
    if (info && info->decl->kind == TypeDecl::Kind::kEnum) {
      std::string vname = name.substr(colon + 2);
      for (size_t i = 0; i < info->decl->variants.size(); ++i) {
        if (info->decl->variants[i].name == vname) {
          variant = &info->decl->variants[i];
          variant_index = static_cast<int>(i);
        }
      }
    }
    if (!variant) info = nullptr;
  }
  if (!info || info->decl->kind == TypeDecl::Kind::kTrait || (info->decl->kind == TypeDecl::Kind::kEnum && !variant)) {
    Report<diag::kUnknownStruct>(e, name);
    if (!info) SuggestName(e, name, TypeNames());
    for (const auto& [f, v] : e->field_inits) CheckExpr(v.get(), nullptr);
    return arena_.Var();
  }
  info = InstanceOf(info);  // a generic struct's arguments come from its fields and its uses
  const std::vector<FieldDecl>& fields = variant ? variant->fields : info->decl->fields;
  const std::vector<Type*>& types = variant ? info->variant_types[variant_index] : info->field_types;
  if (variant) {
    CallInfo& call = CallOf(e);
    call.kind = CallKind::kVariant;
    call.type = info->decl;
    call.variant = variant_index;
  }
  std::vector<bool> given(fields.size(), false);
  bool unknown_field = false;  // then a "missing" field is most likely the one misspelt
  for (const auto& [fname, value] : e->field_inits) {
    size_t i = 0;
    while (i < fields.size() && fields[i].name != fname) ++i;
    if (i == fields.size()) {
      Report<diag::kNoField>(value.get(), name, fname);
      std::vector<std::string> known;
      for (const FieldDecl& f : fields) known.push_back(f.name);
      SuggestName(value.get(), fname, known);
      unknown_field = true;
      CheckExpr(value.get(), nullptr);
      continue;
    }
    if (!variant) CheckFieldVisible(value->loc, value->length, info->decl, i);
    if (given[i]) Report<diag::kFieldGivenTwice>(value.get(), fname);
    given[i] = true;
    Expect(value.get(), CheckExpr(value.get(), types[i]), types[i], "field `" + fname + "`");
  }
  if (e->a) {
    Expect(e->a.get(), CheckExpr(e->a.get(), info->type), info->type, "`..` base");
  } else if (!unknown_field) {
    for (size_t i = 0; i < fields.size(); ++i) {
      if (!given[i] && !fields[i].default_value) {
        Report<diag::kMissingField>(e, fields[i].name, name);
      }
    }
  }
  return info->type;
}

void Checker::CheckPrintable(const Expr* arg, Type* t) {
  Type* part = UnprintablePart(t);
  if (!part) return;
  if (part == Resolve(t)) {
    if (part->kind == TypeKind::kFn) {
      Report<diag::kFunctionNotPrintable>(arg);
    } else {
      Report<diag::kNotPrintable>(arg, TypeName(t));
    }
  } else {
    Report<diag::kHoldsNotPrintable>(arg, TypeName(t), TypeName(part));
  }
}

Type* Checker::CheckFString(const Expr* e) {
  for (const FStringPart& part : e->parts) {
    if (!part.expr) continue;
    Type* t = CheckExpr(part.expr.get(), nullptr);
    if (!part.spec.empty() && !ParseFormatSpec(part.spec)) Report<diag::kUnsupportedFormatSpec>(part.expr.get(), part.spec);
    CheckPrintable(part.expr.get(), t);
  }
  return arena_.string();
}

}  // namespace ruchy
