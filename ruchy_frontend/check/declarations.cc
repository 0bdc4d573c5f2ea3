// Collecting declarations (types, impls, functions, constants) before any body is checked, so
// that order in the file does not matter, and turning written types into Types.
#include "ruchy_frontend/check/checker_impl.h"
#include "ruchy_frontend/check/cpp_names.h"

namespace ruchy {

namespace {

std::string Qualified(const std::string& module, const std::string& name) {
  return module.empty() ? name : module + "::" + name;
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
      Error(decl->loc, "`" + decl->name + "` is declared twice", static_cast<uint32_t>(LastSegment(decl->name).size()));
      continue;
    }
    TypeInfo info;
    info.decl = decl;
    TypeKind kind = decl->kind == TypeDecl::Kind::kClass ? TypeKind::kClass
                    : decl->kind == TypeDecl::Kind::kEnum ? TypeKind::kEnum
                                                          : TypeKind::kStruct;
    info.type = arena_.Nominal(kind, decl);
    if (!decl->generics.empty() && decl->kind != TypeDecl::Kind::kTrait) {
      Error(decl->loc, "generic type declarations are not supported yet (`" + decl->name + "<" +
                           decl->generics[0] + ">`); use concrete field types",
            static_cast<uint32_t>(LastSegment(decl->name).size()));
    }
    if (!decl->parent.empty()) {
      Error(decl->loc, "class inheritance is not supported (`" + decl->name + " : " + decl->parent + "`)");
    }
    for (const auto& m : decl->methods) {
      if (info.methods.count(m->name) && !m->is_constructor) {
        Error(m->loc, "method `" + m->name + "` is defined twice in `" + decl->name + "`");
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
        Error(fun->loc, "function `" + fun->name + "` is defined twice");
        continue;
      }
      functions_[fun->name] = fun;
      function_module_[fun] = item.module;
    } else if (item.kind == Item::Kind::kImpl) {
      const ImplDecl* impl = item.impl.get();
      TypeInfo* info = FindType(impl->type_name, "");
      if (!info) {
        Error(impl->loc, "`impl` for unknown type `" + impl->type_name + "`");
        continue;
      }
      for (const auto& m : impl->methods) {
        if (info->methods.count(m->name)) {
          Error(m->loc, "method `" + m->name + "` is already defined for `" + impl->type_name + "`");
          continue;
        }
        info->methods[m->name] = m.get();
      }
      if (!impl->trait_name.empty()) {
        TypeInfo* trait = FindType(impl->trait_name, item.module);
        if (!trait || trait->decl->kind != TypeDecl::Kind::kTrait) {
          Error(impl->loc, "unknown trait `" + impl->trait_name + "`");
          continue;
        }
        info->traits.push_back(trait->decl->name);
        // Default methods come from the trait; required ones must be implemented.
        for (const auto& m : trait->decl->methods) {
          if (info->methods.count(m->name)) continue;
          if (m->body) {
            info->methods[m->name] = m.get();
          } else {
            Error(impl->loc, "`" + impl->type_name + "` does not implement `" + m->name + "` required by trait `" +
                                 impl->trait_name + "`");
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
    std::map<std::string, Type*> generics;
    for (const FieldDecl& f : decl->fields) {
      Type* t = f.type ? ResolveTypeExpr(f.type.get(), generics, module) : arena_.Var();
      if (Resolve(t)->decl == decl && Resolve(t)->kind != TypeKind::kClass) {
        Error(f.loc, "field `" + f.name + "` makes `" + decl->name + "` contain itself; use a class or a Vec");
      }
      info.field_types.push_back(t);
    }
    for (const VariantDecl& v : decl->variants) {
      std::vector<Type*> payload;
      for (const auto& p : v.payload) payload.push_back(ResolveTypeExpr(p.get(), generics, module));
      for (const auto& f : v.fields) payload.push_back(ResolveTypeExpr(f.type.get(), generics, module));
      for (Type* t : payload) {
        if (Resolve(t)->decl == decl) {
          Error(v.loc, "variant `" + v.name + "` contains `" + decl->name +
                           "` itself; recursive enums are not supported yet");
        }
      }
      info.variant_types.push_back(std::move(payload));
    }
  }
}

TypeInfo* Checker::FindType(const std::string& name, const std::string& module) {
  std::string mod = module;
  while (true) {
    auto it = out_.types.find(Qualified(mod, name));
    if (it != out_.types.end()) return &it->second;
    if (mod.empty()) return nullptr;
    size_t colon = mod.rfind("::");
    mod = colon == std::string::npos ? "" : mod.substr(0, colon);
  }
}

const FunDecl* Checker::FindFunction(const std::string& name, const std::string& module) {
  std::string mod = module;
  while (true) {
    auto it = functions_.find(Qualified(mod, name));
    if (it != functions_.end()) return it->second;
    if (mod.empty()) return nullptr;
    size_t colon = mod.rfind("::");
    mod = colon == std::string::npos ? "" : mod.substr(0, colon);
  }
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
      Error(t->loc, "`" + n + "` takes " + std::to_string(count) + " type argument" + (count == 1 ? "" : "s") +
                        ", found " + std::to_string(t->args.size()),
            static_cast<uint32_t>(n.size()));
    }
  };
  auto g = generics.find(n);
  if (g != generics.end()) return g->second;
  struct IntName {
    const char* name;
    int bits;
    bool is_signed;
  };
  static const IntName kInts[] = {{"i8", 8, true},   {"i16", 16, true},  {"i32", 32, true},   {"i64", 64, true},
                                  {"isize", 64, true}, {"i128", 64, true}, {"u8", 8, false},    {"u16", 16, false},
                                  {"u32", 32, false},  {"u64", 64, false}, {"usize", 64, false}, {"u128", 64, false},
                                  {"int", 64, true}};
  for (const IntName& i : kInts) {
    if (n == i.name) return i.bits == 64 && i.is_signed ? arena_.i64() : arena_.Int(i.bits, i.is_signed);
  }
  if (n == "f64" || n == "float") return arena_.f64();
  if (n == "f32") return arena_.Float(32);
  if (n == "bool") return arena_.boolean();
  if (n == "char") return arena_.character();
  if (n == "String" || n == "str") return arena_.string();
  if (n == "Json" || n == "Value" || n == "serde_json::Value") return arena_.json();
  if (n == "Context" || n == "LambdaContext") {
    // The invocation context comes from the Lambda runtime, which only handler files link.
    if (!options_.lambda_handler) Error(t->loc, "`" + n + "` exists only in Lambda handler files (`ruchy check --handler`)", static_cast<uint32_t>(n.size()));
    return arena_.context();
  }
  if (n == "Error" || n == "LambdaError") return arena_.error();
  if (n == "Vec" || n == "Array" || n == "VecDeque") {
    want_args(1);
    return arena_.Vec(arg(0));
  }
  if (n == "HashMap" || n == "Map" || n == "BTreeMap") {
    want_args(2);
    return arena_.Map(arg(0), arg(1));
  }
  if (n == "HashSet" || n == "Set" || n == "BTreeSet") {
    want_args(1);
    return arena_.Set(arg(0));
  }
  if (n == "Option") {
    want_args(1);
    return arena_.Option(arg(0));
  }
  if (n == "Result") {
    if (t->args.size() == 1) return arena_.Result(arg(0), arena_.string());
    want_args(2);
    return arena_.Result(arg(0), arg(1));
  }
  if (n == "Box" || n == "Rc" || n == "Arc" || n == "RefCell" || n == "Cell") {
    want_args(1);
    return arg(0);  // ownership wrappers mean the value itself here
  }
  if (n == "Self") {
    if (cur_ && cur_->self_type) return cur_->self_type;
  }
  TypeInfo* info = FindType(n, module);
  if (info) {
    if (info->decl->kind == TypeDecl::Kind::kTrait) {
      Error(t->loc, "trait `" + n + "` used as a type; write an untyped parameter (generic) instead",
            static_cast<uint32_t>(n.size()));
      return arena_.Var();
    }
    return info->type;
  }
  Error(t->loc, "unknown type `" + n + "`", static_cast<uint32_t>(n.size()));
  return arena_.Var();
}

}  // namespace ruchy
