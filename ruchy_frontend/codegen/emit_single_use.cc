// Values that cannot be copied in the generated C++: a Task owns its coroutine frame and a
// JoinHandle its claim on a spawned task's result, so both are move-only, and so is any struct,
// enum, tuple or container holding one. The generator names such values in place (a `for` over
// a vector of them binds each element by reference) or moves them (a vector literal), where it
// copies other values.
#include <set>

#include "ruchy_frontend/codegen/emitter.h"

namespace ruchy {

namespace {

bool HoldsSingleUseIn(Type* t, std::set<const TypeDecl*>& seen, const CheckedProgram& program) {
  t = Resolve(t);
  if (IsAwaitable(t)) return true;
  switch (t->kind) {
    case TypeKind::kStruct:
    case TypeKind::kEnum: {
      if (!seen.insert(t->decl).second) return false;
      const TypeInfo& info = program.types.at(t->decl->name);
      for (Type* f : info.field_types) {
        if (HoldsSingleUseIn(f, seen, program)) return true;
      }
      for (const auto& variant : info.variant_types) {
        for (Type* f : variant) {
          if (HoldsSingleUseIn(f, seen, program)) return true;
        }
      }
      return false;
    }
    case TypeKind::kVec:
    case TypeKind::kTuple:
    case TypeKind::kOption:
    case TypeKind::kResult:
    case TypeKind::kMap:
    case TypeKind::kSet:
      for (Type* a : t->args) {
        if (HoldsSingleUseIn(a, seen, program)) return true;
      }
      return false;
    default:
      return false;  // a class is a shared pointer: copying it shares what it holds
  }
}

}  // namespace

bool Emitter::HoldsSingleUse(Type* t) const {
  std::set<const TypeDecl*> seen;
  return HoldsSingleUseIn(t, seen, program_);
}

}  // namespace ruchy
