// Record literals (`{name: "a", age: 3}`, check/records.cc): a designated initializer of the
// record instance's struct, whose fields are sorted by name.
#include <string>
#include <vector>

#include "ruchy_frontend/codegen/emitter.h"

namespace ruchy {

std::string Emitter::RecordLiteral(const Expr* e) {
  Type* t = TypeOf(e);
  const TypeDecl* decl = t->decl;
  // Stored sorted by name; evaluated in source order (field_order.cc).
  std::vector<std::pair<std::string, const Expr*>> written;
  for (const auto& [key, value] : e->map_entries) written.emplace_back(key->text, value.get());
  return DesignatedInitializer(TypeRef(decl, t), decl->fields, written);
}

}  // namespace ruchy
