// The C++ emitter's state, shared by its source files (program layout, statements, expressions,
// patterns). Use cpp_emitter.h from outside.
#ifndef RUCHY_FRONTEND_CODEGEN_EMITTER_H_
#define RUCHY_FRONTEND_CODEGEN_EMITTER_H_

#include <set>
#include <string>
#include <vector>

#include "ruchy_frontend/check/checked_program.h"
#include "ruchy_frontend/check/cpp_names.h"
#include "ruchy_frontend/codegen/cpp_emitter.h"

namespace ruchy {

// A type with no value to pass on: `()`, a diverging expression's, or none known. Functions
// returning one are C++ `void`.
inline bool IsUnitLike(Type* t) {
  t = Resolve(t);
  return !t || t->kind == TypeKind::kUnit || t->kind == TypeKind::kNever;
}

// Where the value of a statement-like expression goes.
struct Dest {
  enum class Kind { kDiscard, kReturn, kAssign };
  Kind kind = Kind::kDiscard;
  std::string target;  // kAssign: the variable
  static Dest Discard() { return {}; }
  static Dest Return() { return {Kind::kReturn, ""}; }
  static Dest Assign(std::string name) { return {Kind::kAssign, std::move(name)}; }
};

struct LoopFrame {
  std::string label;       // Ruchy label, or empty
  std::string result;      // `loop` with `break value`: the variable receiving it
  std::string goto_break;  // C++ label names when the loop is labelled
  std::string goto_continue;
};

class Emitter {
 public:
  Emitter(const CheckedProgram& program, const SourceFile& file, const EmitOptions& options)
      : program_(program), file_(file), options_(options) {}

  CppOutput Run();
  std::string TakeLines();  // the lines emitted so far, as text; clears them

  // ---- layout (emit_program.cc) ----
  void EmitTypeDefinitions();
  void EmitTypeDefinition(const TypeInfo& info);
  void EmitTypeHelpers(const TypeInfo& info, bool definitions);
  std::string Prototype(const FunctionInstance& inst, bool in_class, bool with_defaults);
  // Whether the program needs the async runtime (stdlib/async): a coroutine, a task or a socket.
  bool UsesAsync() const;
  void EmitFunction(const FunctionInstance& inst);
  void EmitEntry();
  std::vector<const FunctionInstance*> MethodsOf(const TypeInfo& info) const;
  // The result type of INST's C++ function (a Task for a coroutine).
  std::string ReturnType(const FunctionInstance& inst);
  // The parameters of INST's C++ function, as they appear between its parentheses.
  std::string ParamList(const FunctionInstance& inst, bool with_defaults);

  // ---- async methods (emit_async_methods.cc) ----
  // An async method with `self`: callers call a plain member function that starts the method's
  // coroutine, a static member holding `self` in its frame (a counted reference or a copy).
  static bool IsAsyncSelfMethod(const FunctionInstance& inst);
  std::string AsyncMethodCoroutinePrototype(const FunctionInstance& inst, bool in_class);
  void EmitAsyncMethodStarter(const FunctionInstance& inst);
  // Whether a value of type T cannot be copied in C++: a task or join handle, or a struct, enum,
  // tuple, vector, Option or Result holding one (a class holds it behind its shared pointer).
  bool HoldsSingleUse(Type* t) const;
  // How the body being emitted reaches `self`: its members (`this->`, or `t_self->`/`t_self.` in a
  // constructor or an async method) and its value.
  std::string SelfMember() const;
  std::string SelfValue() const;

  // ---- statements (emit_statements.cc) ----
  void EmitStmt(const Expr* e, const Dest& dest);
  void EmitBlockInto(const Expr* block, const Dest& dest);
  void EmitLet(const Expr* e);
  void EmitLetElse(const Expr* let, const std::string& subject);
  void EmitIf(const Expr* e, const Dest& dest);
  void EmitMatch(const Expr* e, const Dest& dest);
  std::string NoMatch(const Expr* match, const std::string& subject);
  void EmitLoop(const Expr* e, const Dest& dest);
  void EmitFor(const Expr* e);
  int OpenForLoop(const Pattern* p, const Expr* iterable, const Expr* body);
  bool LoopMayChangeIterable(const Expr* iterable, const Expr* body) const;
  LoopFrame NewLoopFrame(const Expr* e);
  void EmitLoopBody(const Expr* body, const LoopFrame& frame);
  void EmitTry(const Expr* e, const Dest& dest);
  void EmitJump(const Expr* e);
  void Deliver(const Expr* e, const std::string& value, const Dest& dest);
  void RunForEffect(const Expr* e, const std::string& value);

  // ---- expressions (emit_expressions.cc) ----
  std::string Expr_(const Expr* e);
  std::string ExprRaw(const Expr* e);
  bool YieldsVoid(const Expr* e);
  std::string Hoist(const Expr* e);
  std::string ExprPlain(const Expr* e);
  std::string Literal(const Expr* e);
  std::string FString(const Expr* e);
  std::string Binary(const Expr* e);
  std::string Call(const Expr* e);
  std::string BuiltinCall(const Expr* e, const CallInfo& call);
  std::string MethodCall(const Expr* e);
  std::string Field(const Expr* e);
  std::string Closure(const Expr* e);
  void CollectGlobalRefs(const Expr* e, std::set<std::string>& out) const;
  std::string StructLiteral(const Expr* e);
  std::string RecordLiteral(const Expr* e);  // emit_records.cc
  std::string Coalesce(const Expr* e);       // `a ?? b`, emit_coalesce.cc
  // The C++ of each written field value (in `written`'s order), evaluated in that order although
  // stored by `slots` (each value's declaration index). field_order.cc.
  std::vector<std::string> FieldValuesInSourceOrder(const std::vector<const Expr*>& written,
                                                    const std::vector<int>& slots);
  // `type{.f = v, ...}` in declaration order from (field, value) pairs as written. field_order.cc.
  std::string DesignatedInitializer(const std::string& type, const std::vector<FieldDecl>& fields,
                                    const std::vector<std::pair<std::string, const Expr*>>& written);
  std::string VariantValue(const TypeDecl* decl, Type* type, int variant, const std::vector<std::string>& payload);
  std::string Args(const Expr* e, size_t skip = 0);
  std::string FormatCall(const std::vector<ExprPtr>& args, const char* fn);
  std::string Formatted(const std::string& value, const std::string& spec);
  bool IsSimple(const Expr* e) const;

  // ---- C interop and tests (emit_extern.cc) ----
  void EmitExternDeclarations();
  std::string ExternCall(const Expr* e, const CallInfo& call);
  std::string InlineAttribute(const FunctionInstance& inst) const;
  bool RunsTests() const;
  void EmitTestCases();
  void EmitTestEntry();

  // ---- patterns (emit_patterns.cc) ----
  std::string PatternTest(const Pattern* p, const std::string& subject);
  void PatternBind(const Pattern* p, const std::string& subject);
  // `A(x) | B(x)`: declares the names once, then assigns them from the alternative that matched.
  void PatternBindOr(const Pattern* p, const std::string& subject);
  // `A(x) | B(x) if guard`: binds the names from each matching alternative in turn until the
  // guard holds (Rust's rule); gives the flag that says whether one did.
  std::string OrPatternGuard(const MatchArm& arm, const std::string& subject);

  // ---- types ----
  std::string CppType(Type* t) const;
  std::string TypeRef(const TypeDecl* decl) const { return TypeIdent(decl->name); }
  // The C++ struct of a user type: a generic type's instance (`Stack<i64>`) has its own
  // (TypeInfo::cpp_name); `t` must be a struct, enum or class.
  std::string TypeRef(Type* t) const;
  // The struct of `decl` as `t` instantiates it (`t` the type of the value built or matched).
  std::string TypeRef(const TypeDecl* decl, Type* t) const;
  std::string TypeRef(const TypeInfo& info) const { return info.cpp_name.empty() ? TypeRef(info.decl) : info.cpp_name; }
  const TypeInfo& InfoOf(Type* t) const;
  // Traits and generic declarations (as opposed to their instances) are not C++ structs.
  static bool IsEmitted(const TypeInfo& info) {
    return info.decl->kind != TypeDecl::Kind::kTrait && info.type_params.empty();
  }
  // A user function, qualified by the file's namespace so that lookup finds only it.
  std::string FunctionRef(const FunctionInstance& inst) const { return options_.cpp_namespace + "::" + inst.cpp_name; }
  std::string ParamType(Type* t, bool by_value) const;

  // ---- runtime error locations (emit_error_locations.cc) ----
  static constexpr const char* kSpotVariable = "t_at";
  std::string SpotOf(Loc loc) const;  // `rt::At(line, column)`
  // The #line directive and the store of the statement's place into t_at.
  void StatementAt(Loc loc);
  // Stores the current statement's place again if nested statements stored theirs since
  // `spots_before` (a value of spots_emitted_).
  void Remark(int spots_before);
  // Around a function's, closure's or top-level code's body: t_at and the catch that locates,
  // when something in the body can fail (MayFail) other than calls of user functions (always
  // for a null body: top-level code, a list of statements).
  void OpenLocatedBody(const Expr* body);
  void CloseLocatedBody(Loc loc);
  bool MayFail(const Expr* e) const;
  bool NeedsLocatedBody(const Expr* body) const;
  // Whether the body being emitted has t_at.
  bool Locating() const { return !located_.empty() && located_.back(); }

  // ---- trait objects (emit_trait_objects.cc) ----
  // For each trait used as `dyn Trait`: its interface (named as the trait) with one pure virtual
  // function per method, and a template implementing it for any type that has the methods.
  void EmitDynInterfaces();
  std::string DynValue(const Expr* e, const std::string& value);  // a value as a `dyn Trait`
  std::string DynMethodCall(const Expr* e);
  // Members written with `Box` live in an rt::Box (TypeInfo::field_boxed): read through `*`.
  // `member` is the C++ access (`v.r_next`); `field` a struct field's or variant member's name.
  bool FieldBoxed(const TypeDecl* decl, const std::string& field) const;
  bool VariantMemberBoxed(const TypeDecl* decl, const std::string& variant, const std::string& field) const;
  static std::string Unboxed(const std::string& member, bool boxed) { return boxed ? "(*" + member + ")" : member; }
  // Whether a value of type `t` has a boxed member anywhere inside (assignments copy it first).
  bool HoldsBox(Type* t) const;
  Type* TypeOf(const Expr* e) const;
  Type* PatternType(const Pattern* p) const;

  // ---- output ----
  void Line(const std::string& text);
  void LineAt(Loc loc);
  // The path #line directives and runtime errors name for `loc`: the program's own file is
  // EmitOptions::line_path; a module file or library is named by its path (driver/modules.h).
  std::string SourcePath(Loc loc) const;
  void Open(const std::string& text) {
    Line(text);
    ++indent_;
  }
  void Close(const std::string& text = "}") {
    --indent_;
    Line(text);
  }
  std::string Temp(const std::string& base) { return TempIdent(base, ++temp_counter_); }
  std::string NameOf(const void* key) const;
  // A local that closures share with its scope (FunctionInstance::shared) lives in a
  // std::shared_ptr: declared with LocalDecl, read and written through `(*name)`.
  bool IsShared(const std::string& name) const { return inst_ && inst_->shared.count(name) > 0; }
  std::string LocalDecl(const std::string& type, const std::string& name, const std::string& init) const {
    return IsShared(name) ? "auto " + name + " = std::make_shared<" + type + ">(" + init + ");"
                          : type + " " + name + " = " + init + ";";
  }
  // Where a local's value is: `(*name)` for a shared one, `name.get()` for a map slot
  // (CheckedProgram::slot_lets), the name itself otherwise.
  bool IsSlot(const std::string& name) const {
    return (inst_ && inst_->slots.count(name) > 0) || program_.global_slots.count(name) > 0;
  }
  std::string Place(const std::string& name) const {
    std::string place = IsShared(name) ? "(*" + name + ")" : name;
    return IsSlot(name) ? place + ".get()" : place;
  }
  // `let c = m.entry(k).or_insert(v)`: the slot, as an rt::Slot over the call's Entry and value.
  std::string SlotInit(const Expr* place_call);
  std::string GlobalType(const GlobalBinding& g);
  // Whether `self` is `this` (a closure mentioning it captures `this`).
  bool InMethod() const {
    return inst_ && inst_->owner && !inst_->decl->is_constructor && inst_->decl->self != SelfKind::kNone &&
           !IsAsyncSelfMethod(*inst_);
  }
  bool InClassCode() const { return inst_ && inst_->owner && inst_->owner->kind == TypeDecl::Kind::kClass; }

  const CheckedProgram& program_;
  const SourceFile& file_;
  EmitOptions options_;
  std::vector<std::string> lines_;
  int indent_ = 0;
  int last_line_ = -1;
  size_t last_part_ = 0;
  int temp_counter_ = 0;
  const FunctionInstance* inst_ = nullptr;
  std::vector<Type*> returns_;  // return types of the enclosing function and closures
  std::vector<bool> coroutines_;  // parallel to returns_: which of them are coroutines (async)
  // `return`, or `co_return` in a coroutine.
  std::string ReturnWord() const { return !coroutines_.empty() && coroutines_.back() ? "co_return" : "return"; }
  std::vector<LoopFrame> loops_;
  // The one literal that may be written without its type (`n - 1`, `int64_t x = 0;`): only
  // where C++ converts it to the right type, never as an argument to an overloaded function.
  const Expr* plain_literal_ = nullptr;
  std::string current_spot_;  // the statement being emitted, as SpotOf gives it
  int spots_emitted_ = 0;      // how many stores into t_at were emitted so far
  std::vector<bool> located_;  // per enclosing body (function, closures): whether it has t_at
  // Inside an or-pattern's alternatives: bindings assign names declared before (PatternBindOr).
  bool assign_bindings_ = false;
};

// `(a < b)` -> `a < b` where the context already delimits the expression.
std::string StripParens(const std::string& s);
// Text as the inside of a C++ string literal (escapes quotes, backslashes and control bytes).
std::string CppStringBody(const std::string& s);

}  // namespace ruchy

#endif  // RUCHY_FRONTEND_CODEGEN_EMITTER_H_
