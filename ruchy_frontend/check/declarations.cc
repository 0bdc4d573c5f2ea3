// Collecting declarations (types, impls, functions, constants) before any body is checked, so
// that order in the file does not matter, and turning written types into Types.
#include <map>
#include <set>
#include <string>
#include <vector>

#include "ruchy_frontend/check/checker_impl.h"
#include "ruchy_frontend/check/cpp_names.h"

namespace ruchy {

namespace {

// Whether a value of type `t` holds a `target` inline: it is one, or an Option, Result or tuple
// holding one, or a struct or enum with such a field. C++ cannot lay out a type that contains
// itself; elements of a Vec, map or set and class objects live behind a pointer and break the
// chain. `path` collects the types walked through to `target`.
bool HoldsInline(Type* t, const TypeDecl* target, const std::map<std::string, TypeInfo>& types,
                 std::set<const TypeDecl*>& visited, std::vector<const TypeDecl*>& path) {
  t = Resolve(t);
  switch (t->kind) {
    case TypeKind::kOption:
    case TypeKind::kResult:
    case TypeKind::kTuple:
      for (Type* a : t->args) {
        if (HoldsInline(a, target, types, visited, path)) return true;
      }
      return false;
    case TypeKind::kStruct:
    case TypeKind::kEnum: {
      if (t->decl == target) return true;
      if (!visited.insert(t->decl).second) return false;
      const TypeInfo& info = types.at(t->decl->name);
      path.push_back(t->decl);
      for (size_t i = 0; i < info.field_types.size(); ++i) {
        if (!info.field_boxed[i] && HoldsInline(info.field_types[i], target, types, visited, path)) return true;
      }
      for (size_t v = 0; v < info.variant_types.size(); ++v) {
        for (size_t i = 0; i < info.variant_types[v].size(); ++i) {
          if (!info.variant_boxed[v][i] && HoldsInline(info.variant_types[v][i], target, types, visited, path)) return true;
        }
      }
      path.pop_back();
      return false;
    }
    default:
      return false;
  }
}

// Whether a written member type has a `Box` in it: the member is stored behind an rt::Box
// (TypeInfo::field_boxed), which breaks a chain of types holding each other.
bool WrittenWithBox(const TypeExpr* t) {
  if (!t) return false;
  if (t->kind == TypeExpr::Kind::kNamed && t->name == "Box") return true;
  for (const auto& a : t->args) {
    if (WrittenWithBox(a.get())) return true;
  }
  return WrittenWithBox(t->ret.get());
}

std::string LastSegment(const std::string& name) {
  size_t colon = name.rfind("::");
  return colon == std::string::npos ? name : name.substr(colon + 2);
}

}  // namespace

void Checker::CollectDeclarations() {
  // Types first: impls and signatures refer to them.
  for (const Item& item : program_.items) {
    if (item.kind != Item::Kind::kType) continue;
    const TypeDecl* decl = item.type.get();
    if (out_.types.count(decl->name)) {
      ReportAt<diag::kDuplicateType>(decl->loc, static_cast<uint32_t>(LastSegment(decl->name).size()), decl->name);
      continue;
    }
    TypeInfo info;
    info.decl = decl;
    TypeKind kind = decl->kind == TypeDecl::Kind::kClass ? TypeKind::kClass
                    : decl->kind == TypeDecl::Kind::kEnum ? TypeKind::kEnum
                                                          : TypeKind::kStruct;
    info.type = arena_.Nominal(kind, decl);
    if (!decl->generics.empty() && decl->kind == TypeDecl::Kind::kClass) {
      ReportAt<diag::kGenericTypeUnsupported>(decl->loc, static_cast<uint32_t>(LastSegment(decl->name).size()), decl->name, decl->generics[0]);
    }
    if (!decl->parent.empty()) {
      ReportAt<diag::kInheritanceUnsupported>(decl->loc, static_cast<uint32_t>(LastSegment(decl->name).size()), decl->name, decl->parent);
    }
    for (const auto& m : decl->methods) {
      CheckAsyncMethod(*decl, *m);
      if (info.methods.count(m->name) && !m->is_constructor) {
        ReportAt<diag::kDuplicateMethod>(m->loc, 1, m->name, decl->name);
      }
      info.methods[m->name] = m.get();
    }
    type_module_[decl] = item.module;
    out_.type_order.push_back(decl->name);
    out_.types.emplace(decl->name, std::move(info));
  }
  for (const Item& item : program_.items) {
    if (item.kind == Item::Kind::kFun) {
      const FunDecl* fun = item.fun.get();
      if (functions_.count(fun->name)) {
        ReportAt<diag::kDuplicateFunction>(fun->loc, 1, fun->name);
        continue;
      }
      functions_[fun->name] = fun;
      function_module_[fun] = item.module;
    } else if (item.kind == Item::Kind::kImpl) {
      const ImplDecl* impl = item.impl.get();
      TypeInfo* info = FindType(impl->type_name, "");
      // An impl in a function body for a type declared outside it (parse/local_items.cc).
      if (!info && !item.module.empty()) info = FindType(LastSegment(impl->type_name), item.module);
      if (!info) {
        ReportAt<diag::kImplUnknownType>(impl->loc, 1, impl->type_name);
        continue;
      }
      if (IsGenericType(info->decl) || !impl->type_args.empty()) DeclareImplTypeParams(*impl, *info);
      for (const auto& m : impl->methods) {
        CheckAsyncMethod(*info->decl, *m);
        if (info->methods.count(m->name)) {
          ReportAt<diag::kDuplicateImplMethod>(m->loc, 1, m->name, impl->type_name);
          continue;
        }
        info->methods[m->name] = m.get();
      }
      if (!impl->trait_name.empty()) {
        TypeInfo* trait = FindType(impl->trait_name, item.module);
        if (!trait || trait->decl->kind != TypeDecl::Kind::kTrait) {
          ReportAt<diag::kUnknownTrait>(impl->loc, 1, impl->trait_name);
          continue;
        }
        info->traits.push_back(trait->decl->name);
        // Default methods come from the trait; required ones must be implemented.
        for (const auto& m : trait->decl->methods) {
          if (info->methods.count(m->name)) {
            CheckAsyncMatchesTrait(*impl, *m, *info->methods[m->name]);
            continue;
          }
          if (m->body) {
            CheckAsyncMethod(*info->decl, *m);
            info->methods[m->name] = m.get();
          } else {
            ReportAt<diag::kTraitMethodMissing>(impl->loc, 1, impl->type_name, m->name, impl->trait_name);
          }
        }
      }
    }
  }
}

void Checker::ResolveTypeMembers() {
  for (const std::string& name : out_.type_order) {
    TypeInfo& info = out_.types[name];
    const TypeDecl* decl = info.decl;
    std::string module = type_module_[decl];
    // Type parameters (`struct Stack<T>`): placeholders the members are written in, replaced by
    // each use's type arguments (generic_types.cc). A generic class is reported; its parameters
    // stay open so that their uses are not reported again as unknown types.
    std::map<std::string, Type*> generics;
    for (const std::string& g : decl->generics) generics[g] = arena_.Var();
    if (IsGenericType(decl)) {
      for (const std::string& g : decl->generics) info.type_params.push_back(generics[g]);
      info.type = InstanceType(info, info.type_params);
    }
    // `Self` in a member's type is the type being declared, as in Rust (`Option<Box<Self>>`).
    if (info.type) generics.emplace("Self", info.type);
    for (const FieldDecl& f : decl->fields) {
      Type* t = f.type ? ResolveTypeExpr(f.type.get(), generics, module) : arena_.Var();
      info.field_types.push_back(t);
      info.field_boxed.push_back(decl->kind != TypeDecl::Kind::kClass && WrittenWithBox(f.type.get()));
    }
    for (const VariantDecl& v : decl->variants) {
      std::vector<Type*> payload;
      std::vector<bool> boxed;
      for (const auto& p : v.payload) {
        payload.push_back(ResolveTypeExpr(p.get(), generics, module));
        boxed.push_back(WrittenWithBox(p.get()));
      }
      for (const auto& f : v.fields) {
        payload.push_back(ResolveTypeExpr(f.type.get(), generics, module));
        boxed.push_back(WrittenWithBox(f.type.get()));
      }
      info.variant_types.push_back(std::move(payload));
      info.variant_boxed.push_back(std::move(boxed));
    }
  }
  // A struct or enum that holds itself inline (`next: Node`, `next: Option<Node>`, or through
  // another struct) has no size. One error per cycle, at the first member that closes it.
  std::set<const TypeDecl*> in_reported_cycle;
  for (const std::string& name : out_.type_order) {
    const TypeInfo& info = out_.types[name];
    const TypeDecl* decl = info.decl;
    if (decl->kind == TypeDecl::Kind::kClass || in_reported_cycle.count(decl)) continue;
    auto closes_cycle = [&](Type* member) {
      std::set<const TypeDecl*> visited;
      std::vector<const TypeDecl*> path;
      if (!HoldsInline(member, decl, out_.types, visited, path)) return false;
      in_reported_cycle.insert(decl);
      in_reported_cycle.insert(path.begin(), path.end());
      return true;
    };
    bool reported = false;
    for (size_t i = 0; i < decl->fields.size() && !reported; ++i) {
      const FieldDecl& f = decl->fields[i];
      if (info.field_boxed[i]) continue;
      if ((reported = closes_cycle(info.field_types[i]))) {
        ReportAt<diag::kRecursiveStruct>(f.loc, static_cast<uint32_t>(f.name.size()), f.name, decl->name);
      }
    }
    for (size_t i = 0; i < decl->variants.size() && !reported; ++i) {
      const VariantDecl& v = decl->variants[i];
      for (size_t j = 0; j < info.variant_types[i].size(); ++j) {
        if (info.variant_boxed[i][j]) continue;
        if ((reported = closes_cycle(info.variant_types[i][j]))) {
          ReportAt<diag::kRecursiveEnum>(v.loc, static_cast<uint32_t>(v.name.size()), v.name, decl->name);
          break;
        }
      }
    }
  }
}

// Both look the name up as a path (imports.cc), so imports, `crate::` and library boundaries
// apply; visibility is reported where the path is written (CheckAccess).
TypeInfo* Checker::FindType(const std::string& name, const std::string& module) {
  PathResolution r = ResolvePath(name, module);
  if (!r.found) return nullptr;
  auto it = out_.types.find(r.full);
  return it == out_.types.end() ? nullptr : &it->second;
}

const FunDecl* Checker::FindFunction(const std::string& name, const std::string& module) {
  PathResolution r = ResolvePath(name, module);
  if (!r.found) return nullptr;
  auto it = functions_.find(r.full);
  return it == functions_.end() ? nullptr : it->second;
}

const FunDecl* Checker::FindMethod(const TypeInfo& info, const std::string& name) {
  auto it = info.methods.find(name);
  return it == info.methods.end() ? nullptr : it->second;
}

bool Checker::IsGeneric(const FunDecl& fun) const {
  if (!fun.generics.empty()) return true;
  for (const Param& p : fun.params) {
    if (!p.type && !p.default_value) return true;
  }
  return false;
}

Type* Checker::MakeBuiltinType(const BuiltinTypeName& row, const std::vector<Type*>& args) {
  switch (row.kind) {
    case TypeKind::kInt: return row.bits == 64 && row.is_signed ? arena_.i64() : arena_.Int(row.bits, row.is_signed);
    case TypeKind::kFloat: return row.bits == 64 ? arena_.f64() : arena_.Float(row.bits);
    case TypeKind::kBool: return arena_.boolean();
    case TypeKind::kChar: return arena_.character();
    case TypeKind::kString: return arena_.string();
    case TypeKind::kJson: return arena_.json();
    case TypeKind::kContext: return arena_.context();
    case TypeKind::kError: return arena_.error();
    case TypeKind::kOrdering: return arena_.Make(TypeKind::kOrdering);
    case TypeKind::kVec: return arena_.Vec(args[0]);
    case TypeKind::kMap: return arena_.Map(args[0], args[1]);
    case TypeKind::kSet: return arena_.Set(args[0]);
    case TypeKind::kOption: return arena_.Option(args[0]);
    case TypeKind::kResult: return arena_.Result(args[0], args[1]);
    case TypeKind::kRange: return arena_.Range(args[0]);
    case TypeKind::kEntry: return arena_.Entry(args[0], args[1]);
    case TypeKind::kTask: return arena_.Task(args[0]);
    case TypeKind::kJoinHandle: return arena_.JoinHandle(args[0]);
    case TypeKind::kTcpListener:
    case TypeKind::kTcpStream: return arena_.Make(row.kind);
    default: return arena_.Var();
  }
}

Type* Checker::ResolveTypeExpr(const TypeExpr* t, const std::map<std::string, Type*>& generics,
                               const std::string& module) {
  if (!t) return arena_.Var();
  switch (t->kind) {
    case TypeExpr::Kind::kInfer:
      return arena_.Var();
    case TypeExpr::Kind::kTuple: {
      if (t->args.empty()) return arena_.unit();
      std::vector<Type*> elems;
      for (const auto& a : t->args) elems.push_back(ResolveTypeExpr(a.get(), generics, module));
      return arena_.Tuple(std::move(elems));
    }
    case TypeExpr::Kind::kArray:
      return arena_.Vec(ResolveTypeExpr(t->args[0].get(), generics, module));
    case TypeExpr::Kind::kFn: {
      std::vector<Type*> params;
      for (const auto& a : t->args) params.push_back(ResolveTypeExpr(a.get(), generics, module));
      return arena_.Fn(std::move(params), t->ret ? ResolveTypeExpr(t->ret.get(), generics, module) : arena_.unit());
    }
    case TypeExpr::Kind::kNamed:
      break;
  }
  const std::string& n = t->name;
  auto arg = [&](size_t i) -> Type* {
    return i < t->args.size() ? ResolveTypeExpr(t->args[i].get(), generics, module) : arena_.Var();
  };
  auto want_args = [&](size_t count) {
    if (t->args.size() != count) {
      ReportAt<diag::kTypeArgumentCount>(t->loc, static_cast<uint32_t>(n.size()), n, Plural{static_cast<int64_t>(count), "type argument"}, static_cast<int64_t>(t->args.size()));
    }
  };
  auto g = generics.find(n);
  if (g != generics.end()) return g->second;
  if (const BuiltinTypeName* row = FindBuiltinTypeName(n); row && row->use != BuiltinTypeName::Use::kInternal) {
    if (row->use == BuiltinTypeName::Use::kUnsupported) {
      ReportAt<diag::kUnsupportedType>(t->loc, static_cast<uint32_t>(n.size()), n, std::string(row->why));
      return arena_.Var();
    }
    if (row->kind == TypeKind::kContext && !options_.lambda_handler) {
      // The invocation context comes from the Lambda runtime, which only handler files link.
      ReportAt<diag::kContextOutsideHandler>(t->loc, static_cast<uint32_t>(n.size()), n);
    }
    if (row->kind == TypeKind::kResult && t->args.size() == 1) return arena_.Result(arg(0), arena_.string());
    want_args(row->arity);
    std::vector<Type*> args;
    for (int i = 0; i < row->arity; ++i) args.push_back(arg(i));
    if (row->use == BuiltinTypeName::Use::kWrapper) return args[0];  // ownership wrappers mean the value itself here
    return MakeBuiltinType(*row, args);
  }
  if (n == "Self") {
    if (cur_ && cur_->self_type) return cur_->self_type;
  }
  if (n.find("::") != std::string::npos) {
    PathResolution access = ResolvePath(n, module);
    if (!access.blocked.empty()) ReportPrivate(t->loc, static_cast<uint32_t>(n.size()), access.blocked);
  }
  TypeInfo* info = FindType(n, module);
  if (info) {
    if (info->decl->kind == TypeDecl::Kind::kTrait && t->is_dyn) return DynType(*info, t);
    if (info->decl->kind == TypeDecl::Kind::kTrait) {
      ReportAt<diag::kTraitAsType>(t->loc, static_cast<uint32_t>(n.size()), n);
      return arena_.Var();
    }
    if (!t->args.empty() || !info->decl->generics.empty()) return ResolveGenericTypeUse(*info, t, generics, module);
    return info->type;
  }
  if (ImportFailed(n)) return arena_.Var();  // reported at its `use`
  ReportAt<diag::kUnknownType>(t->loc, static_cast<uint32_t>(n.size()), n);
  SuggestNameAt(t->loc, static_cast<uint32_t>(n.size()), n, TypeNames());
  return arena_.Var();
}

}  // namespace ruchy
