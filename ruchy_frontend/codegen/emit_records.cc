// Record literals (`{name: "a", age: 3}`, check/records.cc): a designated initializer of the
// record instance's struct, whose fields are sorted by name.
#include <string>
#include <vector>

#include "ruchy_frontend/codegen/emitter.h"

namespace ruchy {

std::string Emitter::RecordLiteral(const Expr* e) {
  Type* t = TypeOf(e);
  const TypeDecl* decl = t->decl;
  // Stored sorted by name; evaluated in source order (FieldValuesInSourceOrder).
  std::vector<int> slots;
  std::vector<const Expr*> written;
  for (const auto& [key, value] : e->map_entries) {
    for (size_t i = 0; i < decl->fields.size(); ++i) {
      if (decl->fields[i].name == key->text) slots.push_back(static_cast<int>(i));
    }
    written.push_back(value.get());
  }
  std::vector<std::string> values = FieldValuesInSourceOrder(written, slots);
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
