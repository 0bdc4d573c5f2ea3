// Program layout: the prelude include, type definitions in dependency order, globals, function
// prototypes and definitions, and the entry point.
#include <algorithm>
#include <functional>
#include <set>

#include "ruchy_frontend/codegen/emitter.h"

namespace ruchy {

std::string StripParens(const std::string& s) {
  if (s.size() < 2 || s.front() != '(' || s.back() != ')') return s;
  int depth = 0;
  int braces = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c == '"' || c == '\'') {
      // A string or character literal (`U'a'`, `"x\")"`): its parentheses do not count.
      for (++i; i < s.size() && s[i] != c; ++i) {
        if (s[i] == '\\') ++i;
      }
      continue;
    }
    if (c == '(') ++depth;
    if (c == ')' && --depth == 0 && i + 1 != s.size()) return s;  // `(a) + (b)`
    if (c == '{') ++braces;
    if (c == '}') --braces;
    // `(call(), rt::Unit{})`: a comma expression keeps its parentheses (in a declaration or an
    // argument list the comma would mean something else).
    if (c == ',' && depth == 1 && braces == 0) return s;
  }
  return s.substr(1, s.size() - 2);
}

void Emitter::Line(const std::string& text) {
  if (text.empty()) {
    lines_.emplace_back();
    return;
  }
  lines_.push_back(std::string(indent_ * 2, ' ') + text);
}

void Emitter::LineAt(Loc loc) {
  if (!options_.line_directives) return;
  int line = file_.Position(loc).line;
  size_t part = file_.PartAt(loc);
  if (line == last_line_ && part == last_part_) return;
  last_line_ = line;
  last_part_ = part;
  std::string path;
  for (char c : SourcePath(loc)) {
    if (c == '\\' || c == '"') path += '\\';
    path += c;
  }
  lines_.push_back("#line " + std::to_string(line) + " \"" + path + "\"");
}

std::string Emitter::SourcePath(Loc loc) const {
  size_t part = file_.PartAt(loc);
  return part == 0 ? options_.line_path : file_.part(part).path;
}

std::string Emitter::NameOf(const void* key) const {
  auto it = inst_->names.find(key);
  return it == inst_->names.end() ? "_unnamed" : it->second;
}

Type* Emitter::TypeOf(const Expr* e) const {
  auto it = inst_->types.find(e);
  if (it != inst_->types.end()) return Resolve(it->second);
  auto top = program_.top_level->types.find(e);
  if (top != program_.top_level->types.end()) return Resolve(top->second);
  return nullptr;
}

Type* Emitter::PatternType(const Pattern* p) const {
  auto it = inst_->pattern_types.find(p);
  return it == inst_->pattern_types.end() ? nullptr : Resolve(it->second);
}

std::string Emitter::CppType(Type* t) const {
  t = Resolve(t);
  if (!t) return "rt::Unit";
  auto join = [&](const std::vector<Type*>& ts) {
    std::string out;
    for (size_t i = 0; i < ts.size(); ++i) out += (i ? ", " : "") + CppType(ts[i]);
    return out;
  };
  switch (t->kind) {
    case TypeKind::kVar:
    case TypeKind::kNever:
    case TypeKind::kUnit:
      return "rt::Unit";
    case TypeKind::kBool:
      return "bool";
    case TypeKind::kInt:
      return std::string(t->is_signed ? "int" : "uint") + std::to_string(t->bits) + "_t";
    case TypeKind::kFloat:
      return t->bits == 32 ? "float" : "double";
    case TypeKind::kChar:
      return "char32_t";
    case TypeKind::kString:
      return "std::string";
    case TypeKind::kVec: {
      Type* elem = Resolve(t->args[0]);
      return "std::vector<" + (elem->kind == TypeKind::kBool ? std::string("rt::Bool") : CppType(elem)) + ">";
    }
    case TypeKind::kMap:
      return "rt::Map<" + join(t->args) + ">";
    case TypeKind::kSet:
      return "rt::Set<" + CppType(t->args[0]) + ">";
    case TypeKind::kEntry:
      return "rt::MapEntry<" + join(t->args) + ">";
    case TypeKind::kTuple:
      return "std::tuple<" + join(t->args) + ">";
    case TypeKind::kOption:
      return "std::optional<" + CppType(t->args[0]) + ">";
    case TypeKind::kResult:
      return "rt::Result<" + join(t->args) + ">";
    case TypeKind::kFn: {
      Type* ret = Resolve(t->ret);
      std::string r = ret->kind == TypeKind::kUnit || ret->kind == TypeKind::kNever ? "void" : CppType(ret);
      return "std::function<" + r + "(" + join(t->args) + ")>";
    }
    case TypeKind::kRange:
      return "rt::Range<" + CppType(t->args[0]) + ">";
    case TypeKind::kStruct:
    case TypeKind::kEnum:
      return TypeRef(t);
    case TypeKind::kClass:
      return "std::shared_ptr<" + TypeRef(t->decl) + ">";
    case TypeKind::kJson:
      return "rt::Json";
    case TypeKind::kContext:
      return "lambda::Context";
    case TypeKind::kError:
      return "rt::Error";
    case TypeKind::kOrdering:
      return "rt::Ordering";
    case TypeKind::kTask:
    case TypeKind::kJoinHandle: {
      // Task<()> is Task<void>: Ruchy's unit is the coroutine returning nothing.
      TypeKind r = Resolve(t->args[0])->kind;
      std::string result = r == TypeKind::kUnit || r == TypeKind::kNever ? "void" : CppType(t->args[0]);
      return std::string(t->kind == TypeKind::kTask ? "rt::Task<" : "rt::JoinHandle<") + result + ">";
    }
    case TypeKind::kTcpListener:
      return "rt::TcpListener";
    case TypeKind::kTcpStream:
      return "rt::TcpStream";
    case TypeKind::kDyn:
      return "rt::Dyn<" + TypeRef(t->decl) + ">";
  }
  return "rt::Unit";
}

namespace {

bool IsScalar(Type* t) {
  t = Resolve(t);
  switch (t->kind) {
    case TypeKind::kBool:
    case TypeKind::kInt:
    case TypeKind::kFloat:
    case TypeKind::kChar:
    case TypeKind::kUnit:
      return true;
    default:
      return false;
  }
}

// Types whose values can be compared with `==` in C++ (closures cannot).
bool Comparable(Type* t, std::set<std::string>& seen, const CheckedProgram& program) {
  t = Resolve(t);
  if (t->kind == TypeKind::kFn || t->kind == TypeKind::kContext || t->kind == TypeKind::kTask ||
      t->kind == TypeKind::kJoinHandle || t->kind == TypeKind::kTcpListener || t->kind == TypeKind::kTcpStream ||
      t->kind == TypeKind::kDyn) {
    return false;
  }
  if ((t->kind == TypeKind::kStruct || t->kind == TypeKind::kEnum) && seen.insert(TypeKey(t)).second) {
    const TypeInfo& info = program.types.at(TypeKey(t));
    for (Type* f : info.field_types) {
      if (!Comparable(f, seen, program)) return false;
    }
    for (const auto& v : info.variant_types) {
      for (Type* f : v) {
        if (!Comparable(f, seen, program)) return false;
      }
    }
  }
  for (Type* a : t->args) {
    if (!Comparable(a, seen, program)) return false;
  }
  return true;
}

std::string FieldName(const TypeDecl* decl, const std::string& name) {
  return UserIdent(name);  // tuple struct fields are `r_0`, `r_1`, ...
}

// The types (by TypeKey) whose definitions a member of type `t` needs first.
void CollectDeps(Type* t, std::set<std::string>& out) {
  t = Resolve(t);
  if (t->kind == TypeKind::kClass) return;  // behind a shared_ptr: no complete type needed
  if (t->kind == TypeKind::kStruct || t->kind == TypeKind::kEnum) {
    out.insert(TypeKey(t));
    return;  // a generic instance's arguments are its members' business
  }
  for (Type* a : t->args) CollectDeps(a, out);
}

}  // namespace

bool Emitter::FieldBoxed(const TypeDecl* decl, const std::string& field) const {
  const TypeInfo& info = program_.types.at(decl->name);
  for (size_t i = 0; i < decl->fields.size(); ++i) {
    if (decl->fields[i].name == field) return i < info.field_boxed.size() && info.field_boxed[i];
  }
  return false;
}

bool Emitter::VariantMemberBoxed(const TypeDecl* decl, const std::string& variant, const std::string& field) const {
  const TypeInfo& info = program_.types.at(decl->name);
  for (size_t i = 0; i < decl->variants.size(); ++i) {
    const VariantDecl& v = decl->variants[i];
    if (v.name != variant) continue;
    for (size_t j = 0; j < info.variant_boxed[i].size(); ++j) {
      std::string name = v.is_struct ? v.fields[j].name : std::to_string(j);
      if (name == field) return info.variant_boxed[i][j];
    }
  }
  return false;
}

std::string Emitter::TypeRef(Type* t) const {
  t = Resolve(t);
  return t->args.empty() ? TypeRef(t->decl) : program_.types.at(TypeKey(t)).cpp_name;
}

std::string Emitter::TypeRef(const TypeDecl* decl, Type* t) const {
  Type* r = t ? Resolve(t) : nullptr;
  bool nominal = r && (r->kind == TypeKind::kStruct || r->kind == TypeKind::kEnum || r->kind == TypeKind::kClass);
  return nominal && r->decl == decl ? TypeRef(r) : TypeRef(decl);
}

const TypeInfo& Emitter::InfoOf(Type* t) const { return program_.types.at(TypeKey(t)); }

bool Emitter::HoldsBox(Type* t) const {
  std::set<std::string> seen;
  std::function<bool(Type*)> holds = [&](Type* u) {
    u = Resolve(u);
    if (!u || u->kind == TypeKind::kClass) return false;
    if ((u->kind == TypeKind::kStruct || u->kind == TypeKind::kEnum) && seen.insert(TypeKey(u)).second) {
      const TypeInfo& info = InfoOf(u);
      for (size_t i = 0; i < info.field_types.size(); ++i) {
        if (info.field_boxed[i] || holds(info.field_types[i])) return true;
      }
      for (size_t v = 0; v < info.variant_types.size(); ++v) {
        for (size_t i = 0; i < info.variant_types[v].size(); ++i) {
          if (info.variant_boxed[v][i] || holds(info.variant_types[v][i])) return true;
        }
      }
    }
    for (Type* a : u->args) {
      if (holds(a)) return true;
    }
    return false;
  };
  return holds(t);
}

std::string Emitter::ParamType(Type* t, bool by_value) const {
  if (by_value || IsScalar(t)) return CppType(t);
  return "const " + CppType(t) + "&";
}

std::vector<const FunctionInstance*> Emitter::MethodsOf(const TypeInfo& info) const {
  std::vector<const FunctionInstance*> out;
  for (const auto& inst : program_.instances) {
    if (inst->owner != info.decl || !inst->decl || inst->same_as || !inst->checked || !inst->decl->body) continue;
    // A generic type's instance has the methods instantiated for it.
    if (!info.cpp_name.empty() && TypeKey(inst->self_type) != TypeKey(info.type)) continue;
    out.push_back(inst.get());
  }
  return out;
}

std::string Emitter::Prototype(const FunctionInstance& inst, bool in_class, bool with_defaults) {
  const FunDecl* fun = inst.decl;
  const FunctionInstance* saved = inst_;
  inst_ = &inst;
  std::string ret = ReturnType(inst);
  // Methods and constructors are named as declared; out of the class, qualified by it.
  std::string name = inst.owner ? MethodIdent(fun->name) : inst.cpp_name;
  if (inst.owner && !in_class) name = TypeRef(inst.owner, inst.self_type) + "::" + name;
  std::string params = ParamList(inst, with_defaults);
  std::string out;
  bool is_static = inst.owner && (fun->self == SelfKind::kNone || fun->is_constructor);
  out += InlineAttribute(inst);
  if (in_class && is_static) out += "static ";
  out += ret + " " + name + "(" + params + ")";
  bool is_const = inst.owner && !is_static && inst.owner->kind != TypeDecl::Kind::kClass &&
                  (fun->self == SelfKind::kRef || fun->self == SelfKind::kValue);
  if (is_const) out += " const";
  inst_ = saved;
  return out;
}

std::string Emitter::ReturnType(const FunctionInstance& inst) {
  std::string ret = inst.decl->is_constructor ? "std::shared_ptr<" + TypeRef(inst.owner) + ">"
                    : IsUnitLike(inst.ret)    ? "void"
                                              : CppType(inst.ret);
  return inst.is_async ? "rt::Task<" + ret + ">" : ret;
}

std::string Emitter::ParamList(const FunctionInstance& inst, bool with_defaults) {
  const FunctionInstance* saved = inst_;
  inst_ = &inst;
  std::string params;
  for (size_t i = 0; i < inst.decl->params.size(); ++i) {
    const Param& p = inst.decl->params[i];
    if (i) params += ", ";
    std::string name = NameOf(&p);
    // A coroutine takes its parameters by value: a reference parameter would dangle once the
    // caller's argument is gone and the task resumes later (spawned, or awaited after a `let`).
    params += ParamType(inst.params[i], p.is_mut || inst.is_async) + " " + (IsShared(name) ? "t_in_" + name : name);
    if (with_defaults && p.default_value) params += " = " + Expr_(p.default_value.get());
  }
  inst_ = saved;
  return params;
}

void Emitter::EmitTypeDefinitions() {
  // Value fields need complete types: definitions go in dependency order.
  std::vector<const TypeInfo*> order;
  std::set<const TypeInfo*> done, visiting;
  std::function<void(const TypeInfo&)> visit = [&](const TypeInfo& info) {
    if (done.count(&info) || visiting.count(&info)) return;
    visiting.insert(&info);
    std::set<std::string> deps;
    // A boxed member is stored behind a pointer: its type may still be incomplete.
    for (size_t i = 0; i < info.field_types.size(); ++i) {
      if (!info.field_boxed[i]) CollectDeps(info.field_types[i], deps);
    }
    for (size_t v = 0; v < info.variant_types.size(); ++v) {
      for (size_t i = 0; i < info.variant_types[v].size(); ++i) {
        if (!info.variant_boxed[v][i]) CollectDeps(info.variant_types[v][i], deps);
      }
    }
    for (const std::string& d : deps) {
      const TypeInfo& dep = program_.types.at(d);
      if (&dep != &info) visit(dep);
    }
    visiting.erase(&info);
    done.insert(&info);
    order.push_back(&info);
  };
  for (const std::string& name : program_.type_order) {
    const TypeInfo& info = program_.types.at(name);
    if (IsEmitted(info)) visit(info);
  }
  if (order.empty()) return;
  for (const TypeInfo* info : order) Line("struct " + TypeRef(*info) + ";");
  Line("");
  EmitDynInterfaces();
  for (const TypeInfo* info : order) EmitTypeDefinition(*info);
  for (const TypeInfo* info : order) EmitTypeHelpers(*info, false);
  Line("");
}

void Emitter::EmitTypeDefinition(const TypeInfo& info) {
  const TypeDecl* decl = info.decl;
  std::string name = TypeRef(info);
  inst_ = program_.top_level;  // field defaults were checked in the top-level context
  LineAt(decl->loc);
  if (decl->kind == TypeDecl::Kind::kClass) {
    Open("struct " + name + " : std::enable_shared_from_this<" + name + "> {");
  } else {
    Open("struct " + name + " {");
  }
  if (decl->kind == TypeDecl::Kind::kEnum) {
    std::string tags;
    for (size_t i = 0; i < decl->variants.size(); ++i) tags += (i ? ", " : "") + UserIdent(decl->variants[i].name);
    Line("enum class Tag : uint8_t { " + tags + " };");
    Line("Tag tag = Tag::" + (decl->variants.empty() ? std::string("") : UserIdent(decl->variants[0].name)) + ";");
    for (size_t i = 0; i < decl->variants.size(); ++i) {
      const VariantDecl& v = decl->variants[i];
      for (size_t j = 0; j < info.variant_types[i].size(); ++j) {
        std::string field = v.is_struct ? v.fields[j].name : std::to_string(j);
        std::string type = CppType(info.variant_types[i][j]);
        if (info.variant_boxed[i][j]) type = "rt::Box<" + type + ">";
        Line(type + " " + VariantMember(v.name, field) + "{};");
      }
    }
  } else {
    for (size_t i = 0; i < decl->fields.size(); ++i) {
      const FieldDecl& f = decl->fields[i];
      std::string init = f.default_value ? " = " + Expr_(f.default_value.get()) : "{}";
      std::string type = CppType(info.field_types[i]);
      if (info.field_boxed[i]) type = "rt::Box<" + type + ">";
      Line(type + " " + FieldName(decl, f.name) + init + ";");
    }
  }
  std::vector<const FunctionInstance*> methods = MethodsOf(info);
  if (!methods.empty()) Line("");
  for (const FunctionInstance* m : methods) {
    Line(Prototype(*m, true, true) + ";");
    if (IsAsyncSelfMethod(*m)) Line(AsyncMethodCoroutinePrototype(*m, true) + ";");
  }
  std::set<std::string> seen;
  if (decl->kind != TypeDecl::Kind::kClass && Comparable(info.type, seen, program_)) {
    Line("bool operator==(const " + name + "&) const = default;");
  }
  Close("};");
  Line("");
}

// RuchyDebug (printing, found by ADL from rt::Debug) and RuchyToJson for each type.
void Emitter::EmitTypeHelpers(const TypeInfo& info, bool definitions) {
  const TypeDecl* decl = info.decl;
  std::string name = TypeRef(info);
  std::string debug_sig = "void RuchyDebug(std::string& out, const " + name + "& v)";
  std::string json_sig = "rt::Json RuchyToJson(const " + name + "& v)";
  std::string from_sig = "void RuchyFromJson(const rt::Json& j, const std::string& where, " + name + "* out)";
  bool from_json = decl->kind != TypeDecl::Kind::kClass;
  if (!definitions) {
    Line(debug_sig + ";");
    Line(json_sig + ";");
    if (from_json) Line(from_sig + ";");
    return;
  }
  if (from_json) {
    // Typed handler events: JSON to the struct, naming the field when the shape is wrong.
    Open(from_sig + " {");
    if (decl->kind == TypeDecl::Kind::kEnum) {
      Line("std::string variant = j.as_str().value_or(\"\");");
      for (size_t i = 0; i < decl->variants.size(); ++i) {
        if (!info.variant_types[i].empty()) continue;
        Line("if (variant == \"" + decl->variants[i].name + "\") { *out = " + VariantValue(decl, info.type, static_cast<int>(i), {}) +
             "; return; }");
      }
      Line("rt::FailJsonShape(where, \"a variant name of " + decl->name + "\", j);");
    } else {
      Line("if (!j.is_object()) rt::FailJsonShape(where, \"an object\", j);");
      for (size_t i = 0; i < decl->fields.size(); ++i) {
        const FieldDecl& f = decl->fields[i];
        std::string field = Unboxed("out->" + FieldName(decl, f.name), info.field_boxed[i]);
        std::string getter = "rt::FromJson<" + CppType(info.field_types[i]) + ">(j[\"" + f.name + "\"], where + \"." +
                             f.name + "\")";
        if (f.default_value) {
          Line("if (j.contains_key(\"" + f.name + "\")) " + field + " = " + getter + ";");
        } else {
          Line(field + " = " + getter + ";");
        }
      }
    }
    Close();
  }
  std::string short_name = decl->name.substr(decl->name.rfind(':') == std::string::npos ? 0 : decl->name.rfind(':') + 1);
  Open(debug_sig + " {");
  if (decl->kind == TypeDecl::Kind::kEnum) {
    Open("switch (v.tag) {");
    for (size_t i = 0; i < decl->variants.size(); ++i) {
      const VariantDecl& var = decl->variants[i];
      std::string vn = UserIdent(var.name);
      Open("case " + name + "::Tag::" + vn + ":");
      Line("out += \"" + var.name + "\";");
      if (var.is_struct) {
        std::vector<std::string> fields;
        for (const FieldDecl& f : var.fields) fields.push_back(f.name);
        std::sort(fields.begin(), fields.end());
        Line("out += \" {\";");
        for (size_t j = 0; j < fields.size(); ++j) {
          Line("out += \"" + std::string(j ? ", " : "") + fields[j] + ": \";");
          Line("rt::Debug(out, " + Unboxed("v." + VariantMember(var.name, fields[j]), VariantMemberBoxed(decl, var.name, fields[j])) + ");");
        }
        Line("out += \"}\";");
      } else if (!info.variant_types[i].empty()) {
        Line("out += '(';");
        for (size_t j = 0; j < info.variant_types[i].size(); ++j) {
          if (j) Line("out += \", \";");
          Line("rt::Debug(out, " + Unboxed("v." + VariantMember(var.name, std::to_string(j)), info.variant_boxed[i][j]) + ");");
        }
        Line("out += ')';");
      }
      Line("break;");
      --indent_;
    }
    Close();
  } else if (decl->is_tuple) {
    Line("out += \"" + short_name + "(\";");
    for (size_t j = 0; j < decl->fields.size(); ++j) {
      if (j) Line("out += \", \";");
      Line("rt::Debug(out, " + Unboxed("v." + UserIdent(std::to_string(j)), info.field_boxed[j]) + ");");
    }
    Line("out += ')';");
  } else if (decl->fields.empty() && decl->kind == TypeDecl::Kind::kStruct) {
    Line("out += \"" + short_name + "\";");
  } else {
    std::vector<std::string> fields;
    for (const FieldDecl& f : decl->fields) fields.push_back(f.name);
    std::sort(fields.begin(), fields.end());
    Line("out += \"" + (decl->is_record ? "{" : short_name + " {") + "\";");  // a record prints `{a: 1}`
    for (size_t j = 0; j < fields.size(); ++j) {
      Line("out += \"" + std::string(j ? ", " : "") + fields[j] + ": \";");
      Line("rt::Debug(out, " + Unboxed("v." + UserIdent(fields[j]), FieldBoxed(decl, fields[j])) + ");");
    }
    Line("out += '}';");
  }
  Close();
  Open(json_sig + " {");
  if (decl->kind == TypeDecl::Kind::kEnum) {
    Open("switch (v.tag) {");
    for (size_t i = 0; i < decl->variants.size(); ++i) {
      const VariantDecl& var = decl->variants[i];
      std::string vn = UserIdent(var.name);
      Open("case " + name + "::Tag::" + vn + ": {");
      if (info.variant_types[i].empty()) {
        Line("return rt::Json::Of(std::string(\"" + var.name + "\"));");
      } else {
        Line("rt::Json payload = rt::Json::" + std::string(var.is_struct ? "Object" : "Array") + "();");
        for (size_t j = 0; j < info.variant_types[i].size(); ++j) {
          std::string field = var.is_struct ? var.fields[j].name : std::to_string(j);
          if (var.is_struct) {
            Line("payload.set(\"" + field + "\", rt::ToJson(" + Unboxed("v." + VariantMember(var.name, field), info.variant_boxed[i][j]) + "));");
          } else {
            Line("payload.push(rt::ToJson(" + Unboxed("v." + VariantMember(var.name, field), info.variant_boxed[i][j]) + "));");
          }
        }
        Line("rt::Json out = rt::Json::Object();");
        Line("out.set(\"" + var.name + "\", payload);");
        Line("return out;");
      }
      Close();
    }
    Close();
    Line("return rt::Json::Null();");
  } else {
    Line("rt::Json out = rt::Json::Object();");
    for (const FieldDecl& f : decl->fields) {
      Line("out.set(\"" + f.name + "\", rt::ToJson(" + Unboxed("v." + FieldName(decl, f.name), FieldBoxed(decl, f.name)) + "));");
    }
    Line("return out;");
  }
  Close();
  Line("");
}

void Emitter::EmitFunction(const FunctionInstance& inst) {
  inst_ = &inst;
  const FunDecl* fun = inst.decl;
  temp_counter_ = 0;
  last_line_ = -1;
  LineAt(fun->loc);
  if (IsAsyncSelfMethod(inst)) {
    EmitAsyncMethodStarter(inst);
    Open(AsyncMethodCoroutinePrototype(inst, false) + " {");
  } else {
    Open(Prototype(inst, false, false) + " {");
  }
  // Recursion too deep for the stack becomes Ruchy.StackOverflow before the stack is gone
  // (stdlib/ruchy/stack_guard.h).
  std::string ruchy_name = (inst.owner ? inst.owner->name + "::" : std::string()) + fun->name;
  Line("rt::CheckStack(\"" + CppStringBody(ruchy_name) + "\");");
  for (size_t i = 0; i < fun->params.size(); ++i) {
    std::string name = NameOf(&fun->params[i]);
    if (IsShared(name)) Line(LocalDecl(CppType(inst.params[i]), name, "t_in_" + name));
  }
  returns_ = {inst.ret};
  coroutines_ = {inst.is_async};
  loops_.clear();
  OpenLocatedBody(fun->body.get());
  if (fun->is_constructor) {
    Line("auto t_self = std::make_shared<" + TypeRef(inst.owner) + ">();");
    EmitBlockInto(fun->body.get(), Dest::Discard());
    Line("return t_self;");
  } else if (IsUnitLike(inst.ret)) {
    EmitBlockInto(fun->body.get(), Dest::Discard());
    // A body without `await` must still be a coroutine (callers get a Task).
    if (inst.is_async) Line("co_return;");
  } else {
    EmitBlockInto(fun->body.get(), Dest::Return());
  }
  CloseLocatedBody(fun->loc);
  Close();
  Line("");
}

std::string Emitter::TakeLines() {
  std::string out;
  for (const std::string& line : lines_) {
    out += line;
    out += '\n';
  }
  lines_.clear();
  return out;
}

CppOutput Emitter::Run() {
  const std::string& ns = options_.cpp_namespace;
  // The header: what another translation unit needs to use this file's types and functions.
  Line("// Generated by the Ruchy compiler from " + options_.line_path + ". Do not edit.");
  Line("#pragma once");
  Line("#include \"ruchy/prelude.h\"");
  if (!program_.externs.empty()) Line("#include \"ruchy/c_interop.h\"");
  if (RunsTests()) Line("#include \"ruchy/test_runner.h\"");
  if (UsesAsync()) Line("#include \"stdlib/async/async.h\"");
  if (options_.entry == EmitOptions::Entry::kHandler) Line("#include \"runtime/handler.h\"");
  Line("");
  Line("namespace " + ns + " {");
  Line("using namespace std::string_literals;");
  Line("");
  EmitTypeDefinitions();
  inst_ = program_.top_level;
  for (const std::string& name : program_.global_order) {
    const GlobalBinding& g = program_.globals.at(name);
    Line("extern " + GlobalType(g) + " " + g.cpp_name + ";");
  }
  if (!program_.global_order.empty()) Line("");
  for (const auto& inst : program_.instances) {
    if (!inst->decl || inst->owner || inst->same_as || !inst->checked || !inst->decl->body) continue;
    Line(Prototype(*inst, false, true) + ";");
  }
  Line("// The file's top-level statements: run before main(), at a Lambda function's init, or by the C++ that links a library, once.");
  Line("void g_top_level();");
  if (program_.top_level->is_async) Line("rt::Task<void> g_top_level_async();");
  Line("");
  Line("}  // namespace " + ns);
  CppOutput out;
  out.header = TakeLines();

  // The source: definitions.
  Line("// Generated by the Ruchy compiler from " + options_.line_path + ". Do not edit.");
  if (!options_.header_include.empty()) Line("#include \"" + options_.header_include + "\"");
  Line("");
  // Ruchy allows bindings that are never read; reporting them is the linter's job, not C++'s.
  Line("#pragma GCC diagnostic ignored \"-Wunused-variable\"");
  Line("#pragma GCC diagnostic ignored \"-Wunused-but-set-variable\"");
  Line("#pragma GCC diagnostic ignored \"-Wunused-parameter\"");
  // Valid Ruchy that clang would refuse under -Werror: `x = x`, `x < x`, `10 ^ 3` (xor, which
  // clang suspects of meaning a power), and constant arithmetic that wraps (Ruchy integers wrap;
  // the code is compiled with -fwrapv).
  Line("#pragma GCC diagnostic ignored \"-Wself-assign\"");
  Line("#pragma GCC diagnostic ignored \"-Wtautological-compare\"");
  Line("#pragma GCC diagnostic ignored \"-Wxor-used-as-pow\"");
  Line("#pragma GCC diagnostic ignored \"-Winteger-overflow\"");
  Line("");
  Line("namespace " + ns + " {");
  Line("");
  // Globals (top-level bindings functions can see), set when the top-level code runs.
  for (const std::string& name : program_.global_order) {
    const GlobalBinding& g = program_.globals.at(name);
    Line(GlobalType(g) + " " + g.cpp_name + "{};");
  }
  if (!program_.global_order.empty()) Line("");
  EmitExternDeclarations();
  for (const std::string& name : program_.type_order) {
    const TypeInfo& info = program_.types.at(name);
    if (IsEmitted(info)) EmitTypeHelpers(info, true);
  }
  for (const auto& inst : program_.instances) {
    if (!inst->decl || inst->same_as || !inst->checked || !inst->decl->body) continue;
    EmitFunction(*inst);
  }

  // Top-level code: runs first (scripts), or once at init (Lambda handlers).
  inst_ = program_.top_level;
  temp_counter_ = 0;
  last_line_ = -1;
  returns_ = {program_.top_level->ret};
  coroutines_ = {program_.top_level->is_async};
  loops_.clear();
  if (program_.top_level->is_async) {
    // Top-level code that awaits is a task of its own, run on an event loop until it ends.
    Open("rt::Task<void> g_top_level_async() {");
    OpenLocatedBody(nullptr);
    for (const Expr* stmt : program_.top_level_stmts) EmitStmt(stmt, Dest::Discard());
    Line("co_return;");
    CloseLocatedBody(Loc{});
    Close();
    Line("");
    Open("void g_top_level() {");
    Line("rt::BlockOn(g_top_level_async());");
  } else {
    Open("void g_top_level() {");
    OpenLocatedBody(nullptr);
    for (const Expr* stmt : program_.top_level_stmts) EmitStmt(stmt, Dest::Discard());
    CloseLocatedBody(Loc{});
  }
  Close();
  Line("");
  EmitTestCases();
  Line("}  // namespace " + ns);
  Line("");
  EmitEntry();
  out.source = TakeLines();
  return out;
}

void Emitter::EmitEntry() {
  if (options_.entry == EmitOptions::Entry::kLibrary) return;
  if (RunsTests()) {
    EmitTestEntry();
    return;
  }
  if (options_.entry == EmitOptions::Entry::kProgram) {
    Open("int " + (options_.entry_function.empty() ? "main" : options_.entry_function) + "(int argc, char** argv) {");
    Open("return rt::RunProgram(argc, argv, [] {");
    Line(options_.cpp_namespace + "::g_top_level();");
    if (program_.main && program_.main->is_async) {
      Line("rt::BlockOn(" + FunctionRef(*program_.main) + "());");  // `async fun main` runs on the loop
    } else if (program_.main) {
      Line(FunctionRef(*program_.main) + "();");
    }
    Close("});");
    Close();
    return;
  }
  // Lambda handler: the two entry points of runtime/handler.h; runtime/ruchy_bridge provides main().
  Open("void lambda::ruchy_entry::Init() {");
  Line(options_.cpp_namespace + "::g_top_level();");
  Close();
  Open("lambda::Response lambda::ruchy_entry::Invoke(const lambda::Invocation& invocation) {");
  Line("using namespace " + options_.cpp_namespace + ";  // typed handlers name their event and result structs");
  const FunctionInstance* h = program_.handler;
  if (!h) {
    Line("return lambda::Response::Failure(rt::errors::kNoHandler, \"no handler\");");
  } else if (program_.handler_form == CheckedProgram::HandlerForm::kLegacy) {
    Line("return lambda::Response::Success(" + FunctionRef(*h) +
         "(invocation.context.request_id, invocation.payload));");
  } else {
    Type* in = Resolve(h->params[0]);
    Type* ret = Resolve(h->ret);
    Type* ok = Resolve(ret->args[0]);
    std::string parse = "rt::ParseEventJson(invocation.payload)";
    std::string arg = in->kind == TypeKind::kJson ? parse : "rt::FromJson<" + CppType(in) + ">(" + parse + ")";
    Line("auto result = " + FunctionRef(*h) + "(" + arg + ", invocation.context);");
    Line("if (result.is_err()) return lambda::Response::Failure(result.err_value().type, result.err_value().message_value);");
    std::string value = ok->kind == TypeKind::kJson ? "result.ok_value()" : "rt::ToJson(result.ok_value())";
    Line("return lambda::Response::Success(rt::Stringify(" + value + "));");
  }
  Close();
}

bool Emitter::UsesAsync() const {
  for (const auto& inst : program_.instances) {
    if (inst->is_async) return true;
    for (const auto& [expr, type] : inst->types) {
      TypeKind k = Resolve(type)->kind;
      if (k == TypeKind::kTask || k == TypeKind::kJoinHandle || k == TypeKind::kTcpListener || k == TypeKind::kTcpStream) {
        return true;
      }
    }
  }
  return false;
}

std::string CppOutput::Standalone() const {
  // `#pragma once` is for headers; clang warns about it in a main file.
  static constexpr std::string_view kOnce = "#pragma once\n";
  std::string h = header;
  if (size_t at = h.find(kOnce); at != std::string::npos) h.erase(at, kOnce.size());
  return h + "\n" + source;
}

CppOutput EmitCpp(const CheckedProgram& program, const SourceFile& file, const EmitOptions& options) {
  Emitter emitter(program, file, options);
  return emitter.Run();
}

}  // namespace ruchy
