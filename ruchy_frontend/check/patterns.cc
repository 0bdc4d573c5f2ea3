// Patterns: in `let`, `for`, `match`, `if let`, `while let` and closure parameters. Each binding
// gets a C++ name unique in its function (Ruchy allows shadowing; C++ does not in one scope).
#include "ruchy_frontend/check/checker_impl.h"

namespace ruchy {

std::string Checker::Declare(const std::string& name, Type* t, bool is_mut, const void* key) {
  std::string cpp = FreshCppName(name);
  Binding b;
  b.type = t;
  b.cpp_name = cpp;
  b.is_mut = is_mut;
  b.closure_level = closure_level_;
  scopes_.back()[name] = b;
  cur_->names[key] = cpp;
  return cpp;
}

namespace {

// The names a pattern binds, each with the key its C++ name is recorded under.
void CollectNames(const Pattern* p, std::vector<std::pair<std::string, const void*>>& out) {
  if (!p) return;
  if (p->kind == Pattern::Kind::kBind) out.emplace_back(p->text, p);
  if (p->kind == Pattern::Kind::kList && !p->rest_name.empty()) out.emplace_back(p->rest_name, &p->rest_name);
  for (const auto& s : p->subs) CollectNames(s.get(), out);
  for (const auto& [n, s] : p->fields) CollectNames(s.get(), out);
}

}  // namespace

void Checker::BindPattern(const Pattern* p, Type* t, bool is_mut, bool refutable) {
  if (!p) return;
  cur_->pattern_types[p] = t;
  // After an error in (part of) a pattern, its names are still declared, with open types, so the
  // code that uses them does not report each one as unknown.
  auto declare_unchecked = [&](const Pattern* part) {
    std::vector<std::pair<std::string, const void*>> names;
    CollectNames(part, names);
    for (const auto& [name, key] : names) Declare(name, arena_.Var(), true, key);
  };
  auto not_refutable = [&](const char* what) {
    if (!refutable) {
      ReportAt<diag::kRefutablePattern>(p->loc, 1, std::string(what));
    }
  };
  switch (p->kind) {
    case Pattern::Kind::kWildcard:
      return;
    case Pattern::Kind::kBind:
      Declare(p->text, t, is_mut || p->is_mut, p);
      if (!p->subs.empty()) BindPattern(p->subs[0].get(), t, is_mut, refutable);
      return;
    case Pattern::Kind::kLiteral:
    case Pattern::Kind::kRange: {
      not_refutable("a literal pattern");
      Type* lt = CheckExpr(p->expr.get(), t);
      Expect(p->expr.get(), lt, t, "pattern");
      if (p->expr2) {
        Type* ht = CheckExpr(p->expr2.get(), t);
        Expect(p->expr2.get(), ht, t, "pattern");
      }
      return;
    }
    case Pattern::Kind::kTuple: {
      Type* r = Resolve(t);
      if (r->kind == TypeKind::kVar) {
        std::vector<Type*> elems;
        for (size_t i = 0; i < p->subs.size(); ++i) elems.push_back(arena_.Var());
        Unify(r, arena_.Tuple(elems));
        r = Resolve(t);
      }
      if (r->kind != TypeKind::kTuple || r->args.size() != p->subs.size()) {
        ReportAt<diag::kTuplePatternArity>(p->loc, 1, static_cast<int64_t>(p->subs.size()), TypeName(t));
        declare_unchecked(p);
        return;
      }
      for (size_t i = 0; i < p->subs.size(); ++i) BindPattern(p->subs[i].get(), r->args[i], is_mut, refutable);
      return;
    }
    case Pattern::Kind::kList: {
      not_refutable("a list pattern");
      Type* elem = arena_.Var();
      if (!Unify(t, arena_.Vec(elem))) {
        ReportAt<diag::kListPatternType>(p->loc, 1, TypeName(t));
        declare_unchecked(p);
        return;
      }
      for (const auto& s : p->subs) BindPattern(s.get(), elem, is_mut, refutable);
      if (!p->rest_name.empty()) Declare(p->rest_name, arena_.Vec(elem), is_mut, &p->rest_name);
      return;
    }
    case Pattern::Kind::kStruct: {
      CheckAccess(p->loc, static_cast<uint32_t>(p->text.size()), p->text);
      TypeInfo* info = FindType(p->text, module_);
      if (!info || info->decl->kind == TypeDecl::Kind::kEnum || info->decl->kind == TypeDecl::Kind::kTrait) {
        ReportAt<diag::kUnknownStructInPattern>(p->loc, static_cast<uint32_t>(p->text.size()), p->text);
        declare_unchecked(p);
        return;
      }
      info = InstanceFor(info, t);
      if (!Unify(t, info->type)) {
        ReportAt<diag::kPatternTypeMismatch>(p->loc, static_cast<uint32_t>(p->text.size()), p->text, TypeName(t));
        declare_unchecked(p);
        return;
      }
      for (const auto& [fname, sub] : p->fields) {
        size_t i = 0;
        while (i < info->decl->fields.size() && info->decl->fields[i].name != fname) ++i;
        if (i == info->decl->fields.size()) {
          ReportAt<diag::kNoField>(sub->loc, static_cast<uint32_t>(fname.size()), p->text, fname);
          SuggestNameAt(sub->loc, static_cast<uint32_t>(fname.size()), fname, FieldNames(info->decl));
          declare_unchecked(sub.get());
          continue;
        }
        CheckFieldVisible(sub->loc, static_cast<uint32_t>(fname.size()), info->decl, i);
        BindPattern(sub.get(), info->field_types[i], is_mut, refutable);
      }
      return;
    }
    case Pattern::Kind::kVariant: {
      const std::string& name = p->text;
      CheckAccess(p->loc, static_cast<uint32_t>(name.size()), name);
      // A tuple struct pattern (`Meters(m)`) always matches its struct. (On an enum value the name
      // is the enum's variant.)
      TypeInfo* tuple_struct = Resolve(t)->kind == TypeKind::kEnum ? nullptr : FindType(name, module_);
      if (tuple_struct && tuple_struct->decl->kind == TypeDecl::Kind::kStruct && tuple_struct->decl->is_tuple) {
        tuple_struct = InstanceFor(tuple_struct, t);
        if (!Unify(t, tuple_struct->type)) {
          ReportAt<diag::kPatternTypeMismatch>(p->loc, static_cast<uint32_t>(name.size()), name, TypeName(t));
          declare_unchecked(p);
          return;
        }
        if (p->subs.size() != tuple_struct->field_types.size()) {
          ReportAt<diag::kTuplePatternArity>(p->loc, static_cast<uint32_t>(name.size()), static_cast<int64_t>(p->subs.size()), name);
          declare_unchecked(p);
          return;
        }
        for (size_t i = 0; i < p->subs.size(); ++i) {
          CheckFieldVisible(p->loc, static_cast<uint32_t>(name.size()), tuple_struct->decl, i);
          BindPattern(p->subs[i].get(), tuple_struct->field_types[i], is_mut, refutable);
        }
        return;
      }
      not_refutable("an enum pattern");
      if (name == "Some" || name == "None") {
        Type* inner = arena_.Var();
        if (!Unify(t, arena_.Option(inner))) {
          ReportAt<diag::kPatternCannotMatch>(p->loc, static_cast<uint32_t>(name.size()), name, TypeName(t));
          declare_unchecked(p);
          return;
        }
        if (name == "Some") {
          if (p->subs.size() != 1) {
            ReportAt<diag::kPatternTakesOne>(p->loc, 4, std::string("Some"));
            declare_unchecked(p);
            return;
          }
          BindPattern(p->subs[0].get(), inner, is_mut, refutable);
        } else if (!p->subs.empty()) {
          ReportAt<diag::kNoneTakesNoPattern>(p->loc, 4);
          declare_unchecked(p);
        }
        return;
      }
      if (name == "Ok" || name == "Err") {
        Type* ok = arena_.Var();
        Type* err = arena_.Var();
        if (!Unify(t, arena_.Result(ok, err))) {
          ReportAt<diag::kPatternCannotMatch>(p->loc, static_cast<uint32_t>(name.size()), name, TypeName(t));
          declare_unchecked(p);
          return;
        }
        if (p->subs.size() != 1) {
          ReportAt<diag::kPatternTakesOne>(p->loc, static_cast<uint32_t>(name.size()), name);
          declare_unchecked(p);
          return;
        }
        BindPattern(p->subs[0].get(), name == "Ok" ? ok : err, is_mut, refutable);
        return;
      }
      // Enum::Variant, or a bare Variant of the scrutinee's enum.
      std::string enum_name, variant_name = name;
      size_t colon = name.rfind("::");
      if (colon != std::string::npos) {
        enum_name = name.substr(0, colon);
        variant_name = name.substr(colon + 2);
      }
      TypeInfo* info = nullptr;
      if (!enum_name.empty()) {
        info = FindType(enum_name, module_);
      } else if (Resolve(t)->kind == TypeKind::kEnum) {
        info = FindType(Resolve(t)->decl->name, "");
      } else {
        for (auto& [tn, ti] : out_.types) {
          if (ti.decl->kind != TypeDecl::Kind::kEnum) continue;
          for (const VariantDecl& v : ti.decl->variants) {
            if (v.name == variant_name) info = &ti;
          }
        }
      }
      if (!info || info->decl->kind != TypeDecl::Kind::kEnum) {
        ReportAt<diag::kUnknownVariantInPattern>(p->loc, static_cast<uint32_t>(name.size()), name);
        declare_unchecked(p);
        return;
      }
      info = InstanceFor(info, t);
      if (!Unify(t, info->type)) {
        ReportAt<diag::kPatternCannotMatchValue>(p->loc, static_cast<uint32_t>(name.size()), name, TypeName(t));
        declare_unchecked(p);
        return;
      }
      size_t vi = 0;
      while (vi < info->decl->variants.size() && info->decl->variants[vi].name != variant_name) ++vi;
      if (vi == info->decl->variants.size()) {
        ReportAt<diag::kNoVariant>(p->loc, static_cast<uint32_t>(name.size()), info->decl->name, variant_name);
        declare_unchecked(p);
        return;
      }
      const VariantDecl& v = info->decl->variants[vi];
      const std::vector<Type*>& payload = info->variant_types[vi];
      if (p->has_struct_fields) {
        for (const auto& [fname, sub] : p->fields) {
          size_t fi = 0;
          while (fi < v.fields.size() && v.fields[fi].name != fname) ++fi;
          if (fi == v.fields.size()) {
            ReportAt<diag::kVariantNoField>(sub->loc, static_cast<uint32_t>(fname.size()), v.name, fname);
            declare_unchecked(sub.get());
            continue;
          }
          BindPattern(sub.get(), payload[fi], is_mut, refutable);
        }
        return;
      }
      if (!p->subs.empty() && p->subs.size() != payload.size()) {
        ReportAt<diag::kVariantPatternArity>(p->loc, static_cast<uint32_t>(name.size()), v.name, static_cast<int64_t>(payload.size()), static_cast<int64_t>(p->subs.size()));
        declare_unchecked(p);
        return;
      }
      for (size_t i = 0; i < p->subs.size(); ++i) BindPattern(p->subs[i].get(), payload[i], is_mut, refutable);
      return;
    }
    case Pattern::Kind::kOr:
      not_refutable("an or-pattern");
      BindOrPattern(p, t, is_mut, refutable);
      return;
  }
}

}  // namespace ruchy
