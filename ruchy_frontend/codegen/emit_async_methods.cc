// Async methods (check/async_methods.cc has the rules). A C++ member coroutine would copy `this`
// into its frame: a raw pointer, dangling if the caller drops the object before the task ends.
// So an async method with `self` becomes two members:
//
//   rt::Task<R> rf_get(P p);                                   // what callers call: starts it
//   static rt::Task<R> g_async_rf_get(SELF t_self, P p);       // the coroutine: the body
//
// where SELF is `std::shared_ptr<ty_C>` for a class (the starter passes `shared_from_this()`, so
// the frame owns a counted reference and the object lives as long as the task) and the value
// type for a struct or enum (the starter passes a copy of `*this`, as an async fun's parameters
// are copies). The body reaches `self` through `t_self` (SelfMember, SelfValue).
#include "ruchy_frontend/codegen/emitter.h"

namespace ruchy {

namespace {

std::string CoroutineName(const FunDecl& fun) { return "g_async_" + MethodIdent(fun.name); }

bool OwnedByClass(const FunctionInstance& inst) { return inst.owner->kind == TypeDecl::Kind::kClass; }

}  // namespace

bool Emitter::IsAsyncSelfMethod(const FunctionInstance& inst) {
  return inst.is_async && inst.owner != nullptr && inst.decl != nullptr && inst.decl->self != SelfKind::kNone &&
         !inst.decl->is_constructor;
}

std::string Emitter::AsyncMethodCoroutinePrototype(const FunctionInstance& inst, bool in_class) {
  std::string owner = TypeRef(inst.owner, inst.self_type);
  std::string self_type = OwnedByClass(inst) ? "std::shared_ptr<" + owner + ">" : owner;
  std::string params = ParamList(inst, false);
  std::string name = in_class ? CoroutineName(*inst.decl) : owner + "::" + CoroutineName(*inst.decl);
  return std::string(in_class ? "static " : "") + ReturnType(inst) + " " + name + "(" + self_type + " t_self" +
         (params.empty() ? "" : ", " + params) + ")";
}

void Emitter::EmitAsyncMethodStarter(const FunctionInstance& inst) {
  std::string args = OwnedByClass(inst) ? "shared_from_this()" : "*this";
  for (const Param& p : inst.decl->params) {
    std::string name = NameOf(&p);
    args += ", std::move(" + (IsShared(name) ? "t_in_" + name : name) + ")";
  }
  Open(Prototype(inst, false, false) + " {");
  Line("return " + CoroutineName(*inst.decl) + "(" + args + ");");
  Close();
  Line("");
}

std::string Emitter::SelfMember() const {
  if (inst_->decl && inst_->decl->is_constructor) return "t_self->";
  if (IsAsyncSelfMethod(*inst_)) return OwnedByClass(*inst_) ? "t_self->" : "t_self.";
  return "this->";
}

std::string Emitter::SelfValue() const {
  if (inst_->decl && (inst_->decl->is_constructor || IsAsyncSelfMethod(*inst_))) return "t_self";
  if (InClassCode()) return "shared_from_this()";
  return "(*this)";
}

}  // namespace ruchy
