// Field values of a literal, evaluated in the order they are written. C++ initialises a struct's
// members (and evaluates a braced list) in declaration order, but Rust and the reference evaluate
// `P { y: f(), x: g() }` as written: f before g. Where the two orders differ, every value but a
// literal is evaluated into a temporary first, in source order.
#include <string>
#include <utility>
#include <vector>

#include "ruchy_frontend/codegen/emitter.h"

namespace ruchy {

namespace {

// A literal: its evaluation has no effect and sees none, so it may run out of source order. A
// name may not: it can be the last use that moves the variable (emit_moves.cc) while another
// field, written before it, still reads the variable (`P { y: s.len(), x: s }`).
bool IsLiteral(const Expr* e) {
  switch (e->kind) {
    case ExprKind::kInt:
    case ExprKind::kFloat:
    case ExprKind::kBool:
    case ExprKind::kString:
    case ExprKind::kChar:
    case ExprKind::kUnit:
      return true;
    default:
      return false;
  }
}

}  // namespace

std::vector<std::string> Emitter::FieldValuesInSourceOrder(const std::vector<const Expr*>& written,
                                                           const std::vector<int>& slots) {
  bool in_order = true;
  for (size_t i = 1; i < slots.size(); ++i) in_order = in_order && slots[i - 1] < slots[i];
  std::vector<std::string> values(written.size());
  for (size_t i = 0; i < written.size(); ++i) {
    const Expr* value = written[i];
    if (in_order || IsLiteral(value)) {
      values[i] = ExprPlain(value);
      continue;
    }
    std::string temp = Temp("field");
    Line(CppType(TypeOf(value)) + " " + temp + " = " + Expr_(value) + ";");
    values[i] = "std::move(" + temp + ")";
  }
  return values;
}

std::string Emitter::DesignatedInitializer(const std::string& type,
                                           const std::vector<FieldDecl>& fields,
                                           const std::vector<std::pair<std::string, const Expr*>>& written) {
  std::vector<int> slots;
  std::vector<const Expr*> values_written;
  for (const auto& [name, value] : written) {
    for (size_t i = 0; i < fields.size(); ++i) {
      if (fields[i].name == name) slots.push_back(static_cast<int>(i));
    }
    values_written.push_back(value);
  }
  std::vector<std::string> values = FieldValuesInSourceOrder(values_written, slots);
  std::string out = type + "{";
  bool first = true;
  for (size_t i = 0; i < fields.size(); ++i) {
    for (size_t k = 0; k < slots.size(); ++k) {
      if (slots[k] != static_cast<int>(i)) continue;
      out += std::string(first ? "" : ", ") + "." + UserIdent(fields[i].name) + " = " + values[k];
      first = false;
    }
  }
  return out + "}";
}

}  // namespace ruchy
