#include "ruchy_frontend/check/types.h"

namespace ruchy {

TypeArena::TypeArena() {
  unit_ = Make(TypeKind::kUnit);
  never_ = Make(TypeKind::kNever);
  bool_ = Make(TypeKind::kBool);
  i64_ = Int(64, true);
  f64_ = Float(64);
  char_ = Make(TypeKind::kChar);
  string_ = Make(TypeKind::kString);
  json_ = Make(TypeKind::kJson);
  context_ = Make(TypeKind::kContext);
  error_ = Make(TypeKind::kError);
}

Type* TypeArena::Make(TypeKind kind) {
  types_.emplace_back();
  types_.back().kind = kind;
  return &types_.back();
}

Type* TypeArena::Var() {
  Type* t = Make(TypeKind::kVar);
  t->var_id = next_var_++;
  return t;
}

Type* TypeArena::IntLiteralVar() {
  Type* t = Var();
  t->int_literal = true;
  return t;
}

Type* TypeArena::FloatLiteralVar() {
  Type* t = Var();
  t->float_literal = true;
  return t;
}

Type* TypeArena::Int(int bits, bool is_signed) {
  Type* t = Make(TypeKind::kInt);
  t->bits = bits;
  t->is_signed = is_signed;
  return t;
}

Type* TypeArena::Float(int bits) {
  Type* t = Make(TypeKind::kFloat);
  t->bits = bits;
  return t;
}

Type* TypeArena::Vec(Type* elem) {
  Type* t = Make(TypeKind::kVec);
  t->args = {elem};
  return t;
}

Type* TypeArena::Map(Type* key, Type* value) {
  Type* t = Make(TypeKind::kMap);
  t->args = {key, value};
  return t;
}

Type* TypeArena::Set(Type* elem) {
  Type* t = Make(TypeKind::kSet);
  t->args = {elem};
  return t;
}

Type* TypeArena::Option(Type* inner) {
  Type* t = Make(TypeKind::kOption);
  t->args = {inner};
  return t;
}

Type* TypeArena::Result(Type* ok, Type* err) {
  Type* t = Make(TypeKind::kResult);
  t->args = {ok, err};
  return t;
}

Type* TypeArena::Tuple(std::vector<Type*> elems) {
  Type* t = Make(TypeKind::kTuple);
  t->args = std::move(elems);
  return t;
}

Type* TypeArena::Fn(std::vector<Type*> params, Type* ret) {
  Type* t = Make(TypeKind::kFn);
  t->args = std::move(params);
  t->ret = ret;
  return t;
}

Type* TypeArena::Range(Type* elem) {
  Type* t = Make(TypeKind::kRange);
  t->args = {elem};
  return t;
}

Type* TypeArena::Entry(Type* key, Type* value) {
  Type* t = Make(TypeKind::kEntry);
  t->args = {key, value};
  return t;
}

Type* TypeArena::Task(Type* result) {
  Type* t = Make(TypeKind::kTask);
  t->args = {result};
  return t;
}

Type* TypeArena::JoinHandle(Type* result) {
  Type* t = Make(TypeKind::kJoinHandle);
  t->args = {result};
  return t;
}

Type* TypeArena::Nominal(TypeKind kind, const TypeDecl* decl, std::vector<Type*> args) {
  Type* t = Make(kind);
  t->decl = decl;
  t->args = std::move(args);
  return t;
}

Type* Resolve(Type* t) {
  while (t && t->kind == TypeKind::kVar && t->bound) t = t->bound;
  return t;
}

namespace {

bool Occurs(Type* var, Type* t, int depth = 0) {
  t = Resolve(t);
  if (t == var) return true;
  if (depth > 64) return true;  // absurdly deep types are treated as cyclic
  for (Type* a : t->args) {
    if (Occurs(var, a, depth + 1)) return true;
  }
  return t->ret && Occurs(var, t->ret, depth + 1);
}

}  // namespace

void ApplyDefaults(Type* t) {
  t = Resolve(t);
  if (!t) return;
  if (t->kind == TypeKind::kVar) {
    if (t->int_literal) {
      t->kind = TypeKind::kInt;
      t->bits = 64;
      t->is_signed = true;
    } else if (t->float_literal) {
      t->kind = TypeKind::kFloat;
      t->bits = 64;
    }
    return;
  }
  for (Type* a : t->args) ApplyDefaults(a);
  if (t->ret) ApplyDefaults(t->ret);
}

bool IsConcrete(Type* t) {
  t = Resolve(t);
  if (!t || t->kind == TypeKind::kVar) return false;
  for (Type* a : t->args) {
    if (!IsConcrete(a)) return false;
  }
  return !t->ret || IsConcrete(t->ret);
}

bool IsInteger(Type* t) {
  t = Resolve(t);
  return t->kind == TypeKind::kInt || (t->kind == TypeKind::kVar && t->int_literal);
}

bool IsFloat(Type* t) {
  t = Resolve(t);
  return t->kind == TypeKind::kFloat || (t->kind == TypeKind::kVar && t->float_literal);
}

bool IsAwaitable(Type* t) {
  t = Resolve(t);
  return t->kind == TypeKind::kTask || t->kind == TypeKind::kJoinHandle;
}

Type* UnprintablePart(Type* t) {
  t = Resolve(t);
  switch (t->kind) {
    case TypeKind::kFn:
    case TypeKind::kTask:
    case TypeKind::kJoinHandle:
    case TypeKind::kTcpListener:
    case TypeKind::kTcpStream:
      return t;
    case TypeKind::kVec:
    case TypeKind::kMap:
    case TypeKind::kSet:
    case TypeKind::kTuple:
    case TypeKind::kOption:
    case TypeKind::kResult:
    case TypeKind::kRange:
      for (Type* arg : t->args) {
        if (Type* part = UnprintablePart(arg)) return part;
      }
      return nullptr;
    default:
      return nullptr;
  }
}

bool IsNumeric(Type* t) { return IsInteger(t) || IsFloat(t); }

bool Unify(Type* a, Type* b) {
  a = Resolve(a);
  b = Resolve(b);
  if (a == b) return true;
  if (a->kind == TypeKind::kNever || b->kind == TypeKind::kNever) return true;
  if (a->kind == TypeKind::kVar || b->kind == TypeKind::kVar) {
    if (a->kind != TypeKind::kVar) std::swap(a, b);
    // a is a variable. Literal variables only take numbers of their own family.
    if (b->kind == TypeKind::kVar) {
      if ((a->int_literal && b->float_literal) || (a->float_literal && b->int_literal)) return false;
      if (a->int_literal || a->float_literal) std::swap(a, b);  // keep the constraint
      a->bound = b;
      return true;
    }
    if (a->int_literal && b->kind != TypeKind::kInt) return false;
    if (a->float_literal && b->kind != TypeKind::kFloat) return false;
    if (Occurs(a, b)) return false;
    a->bound = b;
    return true;
  }
  if (a->kind != b->kind) return false;
  switch (a->kind) {
    case TypeKind::kInt:
      return a->bits == b->bits && a->is_signed == b->is_signed;
    case TypeKind::kFloat:
      return a->bits == b->bits;
    case TypeKind::kDyn:
      return a->decl == b->decl;
    case TypeKind::kStruct:
    case TypeKind::kClass:
    case TypeKind::kEnum:
      // A generic type's instances differ by their arguments: `Stack<i64>` is not `Stack<bool>`.
      if (a->decl != b->decl || a->args.size() != b->args.size()) return false;
      for (size_t i = 0; i < a->args.size(); ++i) {
        if (!Unify(a->args[i], b->args[i])) return false;
      }
      return true;
    case TypeKind::kFn:
      if (a->args.size() != b->args.size()) return false;
      for (size_t i = 0; i < a->args.size(); ++i) {
        if (!Unify(a->args[i], b->args[i])) return false;
      }
      return Unify(a->ret, b->ret);
    default:
      if (a->args.size() != b->args.size()) return false;
      for (size_t i = 0; i < a->args.size(); ++i) {
        if (!Unify(a->args[i], b->args[i])) return false;
      }
      return true;
  }
}

namespace {

std::string Join(const std::vector<Type*>& types, std::string (*name)(Type*)) {
  std::string out;
  for (size_t i = 0; i < types.size(); ++i) {
    if (i) out += ", ";
    out += name(types[i]);
  }
  return out;
}

}  // namespace

std::string TypeName(Type* t) {
  t = Resolve(t);
  if (!t) return "?";
  switch (t->kind) {
    case TypeKind::kVar: return t->int_literal ? "{integer}" : t->float_literal ? "{float}" : "_";
    case TypeKind::kNever: return "!";
    case TypeKind::kUnit: return "()";
    case TypeKind::kBool: return "bool";
    case TypeKind::kInt: return (t->is_signed ? "i" : "u") + std::to_string(t->bits);
    case TypeKind::kFloat: return "f" + std::to_string(t->bits);
    case TypeKind::kChar: return "char";
    case TypeKind::kString: return "String";
    case TypeKind::kVec: return "Vec<" + TypeName(t->args[0]) + ">";
    case TypeKind::kMap: return "HashMap<" + Join(t->args, TypeName) + ">";
    case TypeKind::kSet: return "HashSet<" + TypeName(t->args[0]) + ">";
    case TypeKind::kTuple: return "(" + Join(t->args, TypeName) + (t->args.size() == 1 ? ",)" : ")");
    case TypeKind::kOption: return "Option<" + TypeName(t->args[0]) + ">";
    case TypeKind::kResult: return "Result<" + Join(t->args, TypeName) + ">";
    case TypeKind::kFn: return "fn(" + Join(t->args, TypeName) + ") -> " + TypeName(t->ret);
    case TypeKind::kRange: return "Range<" + TypeName(t->args[0]) + ">";
    case TypeKind::kEntry: return "Entry<" + Join(t->args, TypeName) + ">";
    case TypeKind::kStruct:
      if (t->decl->is_record) {  // `{age: i64, name: String}` (check/records.cc)
        std::string out = "{";
        for (size_t i = 0; i < t->decl->fields.size() && i < t->args.size(); ++i) {
          out += (i ? ", " : "") + t->decl->fields[i].name + ": " + TypeName(t->args[i]);
        }
        return out + "}";
      }
      [[fallthrough]];
    case TypeKind::kClass:
    case TypeKind::kEnum: return t->args.empty() ? t->decl->name : t->decl->name + "<" + Join(t->args, TypeName) + ">";
    case TypeKind::kJson: return "Json";
    case TypeKind::kContext: return "Context";
    case TypeKind::kError: return "Error";
    case TypeKind::kOrdering: return "Ordering";
    case TypeKind::kTask: return "Task<" + TypeName(t->args[0]) + ">";
    case TypeKind::kJoinHandle: return "JoinHandle<" + TypeName(t->args[0]) + ">";
    case TypeKind::kTcpListener: return "TcpListener";
    case TypeKind::kTcpStream: return "TcpStream";
    case TypeKind::kDyn: return "dyn " + t->decl->name;
  }
  return "?";
}

std::string TypeKey(Type* t) { return TypeName(t); }

}  // namespace ruchy
