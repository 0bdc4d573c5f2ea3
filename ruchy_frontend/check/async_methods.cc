// Async methods (docs/language.md "Async"). A method's coroutine frame outlives the call that made
// it, so it must not hold `self` by reference: the caller may drop the object, or change it, while
// the task is suspended.
// - A class is a reference type: the frame holds a counted reference to the object (the generator
//   passes `shared_from_this()`, codegen/emit_async_methods.cc), so the object lives as long as
//   the task, and changes through `self` are seen by everyone holding it, as in any method.
// - A struct or enum is a value: the frame holds a copy of `self`, as it holds a copy of every
//   parameter of an `async fun`. That copy behaves like the caller's value only if the method does
//   not change `self`, so an async `&mut self` method of a struct or enum is an error.
#include "ruchy_frontend/check/checker_impl.h"

namespace ruchy {

namespace {

const char* ValueKindName(TypeDecl::Kind kind) { return kind == TypeDecl::Kind::kEnum ? "enum" : "struct"; }

}  // namespace

void Checker::CheckAsyncMethod(const TypeDecl& owner, const FunDecl& fun) {
  if (!fun.is_async || fun.self != SelfKind::kMutRef) return;
  if (owner.kind == TypeDecl::Kind::kClass || owner.kind == TypeDecl::Kind::kTrait) return;
  ReportAt<diag::kAsyncMethodMutatesValue>(fun.loc, 1, fun.name, owner.name, std::string(ValueKindName(owner.kind)));
}

void Checker::CheckAsyncMatchesTrait(const ImplDecl& impl, const FunDecl& declared, const FunDecl& implemented) {
  // Generic code calls a trait method as the trait declares it (`await x.get()`): an impl that
  // differs would fail there, far from the mistake.
  if (declared.is_async == implemented.is_async) return;
  ReportAt<diag::kAsyncTraitMethodMismatch>(implemented.loc, 1, implemented.name, impl.trait_name, impl.type_name,
                                            std::string(declared.is_async ? "async" : "not async"));
}

}  // namespace ruchy
