// Record literals (`{name: "a", age: 3}`, check/records.cc): a designated initializer of the
// record instance's struct, whose fields are sorted by name.
#include <string>
#include <vector>

#include "ruchy_frontend/codegen/emitter.h"

namespace ruchy {

namespace {

// A value whose evaluation has no effects, so it may run out of source order.
bool HasNoEffects(const Expr* e) {
  switch (e->kind) {
    case ExprKind::kInt:
    case ExprKind::kFloat:
    case ExprKind::kBool:
    case ExprKind::kString:
    case ExprKind::kChar:
    case ExprKind::kUnit:
    case ExprKind::kName:
      return true;
    default:
      return false;
  }
}

}  // namespace

std::string Emitter::RecordLiteral(const Expr* e) {
  Type* t = TypeOf(e);
  const TypeDecl* decl = t->decl;
  // C++ initializes the fields in declaration (sorted) order; the reference evaluates the values
  // in source order, so when the two differ, values with effects are evaluated first, in order.
  bool sorted = true;
  for (size_t i = 1; i < e->map_entries.size(); ++i) {
    sorted = sorted && e->map_entries[i - 1].first->text < e->map_entries[i].first->text;
  }
  std::vector<std::string> values(e->map_entries.size());
  for (size_t i = 0; i < e->map_entries.size(); ++i) {
    const Expr* value = e->map_entries[i].second.get();
    if (sorted || HasNoEffects(value)) {
      values[i] = ExprPlain(value);
      continue;
    }
    std::string temp = Temp("field");
    Line(CppType(TypeOf(value)) + " " + temp + " = " + Expr_(value) + ";");
    values[i] = "std::move(" + temp + ")";
  }
  std::string out = TypeRef(decl, t) + "{";
  bool first = true;
  for (const FieldDecl& f : decl->fields) {
    for (size_t i = 0; i < e->map_entries.size(); ++i) {
      if (e->map_entries[i].first->text != f.name) continue;
      out += std::string(first ? "" : ", ") + "." + UserIdent(f.name) + " = " + values[i];
      first = false;
      break;
    }
  }
  return out + "}";
}

}  // namespace ruchy
