// Moves the generated C++ makes where Ruchy's value semantics allow it (ruchy_frontend/codegen/
// emit_moves.cc decides where).
#ifndef RUCHY_STD_MOVES_H_
#define RUCHY_STD_MOVES_H_

#include <type_traits>
#include <utility>

namespace rt {

// A pattern binding's value: PART is a piece of a matched SUBJECT, declared as
// `auto&& subject = value;` (or as a plain object). When the subject owns its value (a plain
// object, or a reference bound to a temporary or to a moved-from temporary), nothing reads it
// after its bindings, so the piece is moved into the binding; when it names a variable's value
// (an lvalue reference), the piece is copied.
template <class Subject, class Part>
decltype(auto) BindFrom(Part&& part) {
  if constexpr (std::is_lvalue_reference_v<Subject>) {
    return static_cast<const std::remove_reference_t<Part>&>(part);
  } else {
    return std::move(part);
  }
}

}  // namespace rt

#endif  // RUCHY_STD_MOVES_H_
