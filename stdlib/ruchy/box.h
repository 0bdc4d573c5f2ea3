// rt::Box<T>: where a struct field or enum payload written with `Box` (`Node(Box<Tree>,
// Box<Tree>)`, `next: Option<Box<Node>>`) is stored, so that a type can hold itself. It is a
// value, not a pointer: copying a Box copies what it holds, so two values never share a subtree
// and changing one cannot change the other (Ruchy's structs and enums are values). The generated
// code reads a boxed member through `*`; the checker sees the member's own type (docs/language.md).
#ifndef RUCHY_STD_RUCHY_BOX_H_
#define RUCHY_STD_RUCHY_BOX_H_

#include <cstdlib>
#include <memory>
#include <utility>

namespace rt {

template <class T>
class Box {
 public:
  // Empty until written: a default value (an enum's unused payload, a struct's default) holds
  // no allocation, so a recursive type's default does not recurse. An empty box reads as T{}.
  Box() = default;
  Box(const T& value) : p_(std::make_unique<T>(value)) {}  // NOLINT: a T is stored implicitly
  Box(T&& value) : p_(std::make_unique<T>(std::move(value))) {}  // NOLINT
  Box(const Box& other) : p_(other.p_ ? std::make_unique<T>(*other.p_) : nullptr) {}
  Box(Box&&) noexcept = default;
  // Copies before it lets go of what it held: `other` may live inside it (`t = t.left`).
  Box& operator=(const Box& other) {
    std::unique_ptr<T> copy = other.p_ ? std::make_unique<T>(*other.p_) : nullptr;
    p_ = std::move(copy);
    return *this;
  }
  Box& operator=(Box&& other) noexcept {
    std::unique_ptr<T> taken = std::move(other.p_);
    p_ = std::move(taken);
    return *this;
  }
  ~Box() = default;

  const T& operator*() const { return p_ ? *p_ : Empty(); }
  T& operator*() {
    if (!p_) p_ = std::make_unique<T>();
    return *p_;
  }
  // Two empty boxes are equal without reading: an empty box reads as one shared default, whose
  // own members are empty boxes, so comparing through it would never end.
  bool operator==(const Box& other) const { return (!p_ && !other.p_) || **this == *other; }

 private:
  static const T& Empty() {
    static const T empty{};
    return empty;
  }
  std::unique_ptr<T> p_;
};

// rt::Dyn<I>: a trait object (`Box<dyn Shape>`). I is the trait's interface, generated with a
// `DynClone` that copies the value held: like rt::Box, copying a Dyn copies what it holds.
template <class I>
class Dyn {
 public:
  Dyn() = default;  // only as a place to assign to: the checker never lets one be read empty
  explicit Dyn(std::unique_ptr<I> held) : p_(std::move(held)) {}
  Dyn(const Dyn& other) : p_(other.p_ ? other.p_->DynClone() : nullptr) {}
  Dyn(Dyn&&) noexcept = default;
  Dyn& operator=(const Dyn& other) {
    std::unique_ptr<I> copy = other.p_ ? other.p_->DynClone() : nullptr;
    p_ = std::move(copy);
    return *this;
  }
  Dyn& operator=(Dyn&& other) noexcept {
    std::unique_ptr<I> taken = std::move(other.p_);
    p_ = std::move(taken);
    return *this;
  }
  ~Dyn() = default;

  I& operator*() const {
    if (!p_) std::abort();  // unreachable in checked programs; never read through null
    return *p_;
  }

 private:
  std::unique_ptr<I> p_;
};

// What a trait object's virtual function calls the method on: the value, or for a class (held
// as a shared_ptr, Ruchy's reference semantics) the object.
template <class T>
T& DynTarget(T& value) {
  return value;
}
template <class T>
T& DynTarget(std::shared_ptr<T>& object) {
  return *object;
}

// A copy of `value` as a new object: what an assignment to a place whose type holds boxes is
// given, so that the value it copies from cannot be freed halfway (`tree = tree.left`).
template <class T>
T Copy(const T& value) {
  return value;
}

}  // namespace rt

#endif  // RUCHY_STD_RUCHY_BOX_H_
